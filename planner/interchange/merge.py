"""Merging imported chart data into an existing chart by id, without losing what is only in the chart."""

from __future__ import annotations

from ..model import SECTIONS, Chart


def merge_sections(chart: Chart | None, name: str, sections: dict[str, list[dict]]) -> tuple[dict, int, int]:
    """Chart data with ``sections`` merged in: (data, elements added, elements updated).

    An element whose id is already in the chart gets the imported fields on top
    of its own (fields the import does not carry, such as SLAs, stay); a new id
    is appended to its section.
    """
    data = chart.model_dump(mode="json", exclude_defaults=True) if chart else {"chart": {"name": name or "Imported"}}
    added = updated = 0
    for section in SECTIONS:
        incoming = sections.get(section, [])
        if not incoming:
            continue
        current = data.setdefault(section, [])
        by_id = {item["id"]: item for item in current}
        for item in incoming:
            old = by_id.get(item["id"])
            if old is None:
                current.append(item)
                added += 1
            elif any(old.get(k) != v for k, v in item.items()):
                old.update(item)
                updated += 1
    return data, added, updated
