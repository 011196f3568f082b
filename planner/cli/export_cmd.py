"""``planner export archimate|archi-csv``: a chart for the enterprise architects' tools."""

from __future__ import annotations

from pathlib import Path

import click

from ..interchange.archimate import to_archimate
from ..store import load_chart
from .app import chart_argument, cli, echo, shown


@cli.group("export")
def export_group() -> None:
    """Write a chart in another tool's format (ArchiMate exchange file, Archi CSV)."""


@export_group.command("archimate")
@chart_argument()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The exchange file to write (.xml).")
@click.option("--xsd", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the ArchiMate 3.1 XSDs: validate the file against them before writing it.")
def export_archimate(chart: Path, output: Path, xsd: Path | None) -> None:
    """The Open Group ArchiMate 3.1 Model Exchange File, with one view per capability area.

    People, teams and organizations are business actors (job titles business
    roles), capabilities capabilities, systems application components, data
    sources data objects, workflows and steps business processes; our own
    fields (accountable, sourcing, SLA...) are properties.
    """
    from ..errors import PlannerError
    from ..interchange.archimate_views import area_views
    from ..store import write_atomic
    from ..store.archimate import exchange_xml, load_schema, validate_exchange

    loaded = load_chart(chart)
    model = to_archimate(loaded)
    views = area_views(loaded, model)
    data = exchange_xml(model, views)
    if xsd is not None:
        errors = validate_exchange(data, load_schema(xsd))
        if errors:
            raise PlannerError(f"{output}: the exchange file does not validate: {errors[0]}"
                               f"{f' (and {len(errors) - 1} more)' if len(errors) > 1 else ''}")
    write_atomic(output, data)
    note = ", valid against the XSDs" if xsd is not None else ""
    echo(f"wrote {shown(output)}: {len(model.elements)} elements, {len(model.relations)} relationships, "
         f"{len(views)} views{note}", err=True)


@export_group.command("archi-csv")
@chart_argument()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for elements.csv, relations.csv and properties.csv.")
def export_archi_csv(chart: Path, output: Path) -> None:
    """Archi's three CSV files (File > Import > CSV Data Into Selected Model in Archi)."""
    from ..store.archi_csv import save_archi_csv

    model = to_archimate(load_chart(chart))
    written = save_archi_csv(model, output)
    echo(f"wrote {', '.join(shown(p) for p in written)}: {len(model.elements)} elements, "
         f"{len(model.relations)} relations", err=True)


def step_export(demo) -> None:
    """Demo step: both shipped charts as ArchiMate exchange files, the current one as Archi CSV."""
    from ..interchange.archimate_views import area_views
    from ..store.archi_csv import save_archi_csv
    from ..store.archimate import save_exchange

    demo.heading("Export to ArchiMate (exchange file, Archi CSV)")
    folder = demo.out / "archimate"
    folder.mkdir(parents=True, exist_ok=True)
    for state, chart in (("current", demo.current), ("future", demo.future)):
        model = to_archimate(chart)
        views = area_views(chart, model)
        demo.written.append(save_exchange(model, views, folder / f"{state}.xml"))
        echo(f"{state}: {len(model.elements)} elements, {len(model.relations)} relationships, {len(views)} views "
             f"-> {shown(folder / f'{state}.xml')}")
    demo.written += save_archi_csv(to_archimate(demo.current), folder / "current-csv")
