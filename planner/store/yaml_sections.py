"""The top-level sections of a chart's YAML text and the items of each, found from their lines alone.

Nothing is parsed here: a section starts at a key in column 0, an item at a
dash at the section's first item's indentation. That is enough for
:mod:`planner.store.located` to parse each piece on its own, so a broken item
is reported without hiding the others and a position is found by composing one
item, not the whole file. Text that is not a plain block mapping at the top
gives None, and is read as a whole instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_IGNORABLE = re.compile(r"^(\s*(#.*)?|---\s*|%.*)$")
_COLUMN_ZERO = re.compile(r"^[^\s#].*$", re.MULTILINE)


@dataclass
class Block:
    """A top-level key's lines ``[begin, end)``; ``items`` are line numbers of its sequence items."""

    key: str
    begin: int
    end: int
    items: list[int] | None = None


def split_lines(text: str) -> list[str]:
    """Lines ending in ``\n`` only: ``str.splitlines`` also breaks at form feeds, U+2028 and others,
    and its line numbers would not be the ones every other count here (and an editor) gives."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    return lines


def split_blocks(text: str, line_count: int) -> list[Block] | None:
    """Top-level sections, or None when the text is not a plain block mapping.

    Only lines starting at column 0 matter, so a regex over the whole text finds
    them without a Python loop over every line of a big file.
    """
    blocks: list[Block] = []
    line, offset = 0, 0
    for match in _COLUMN_ZERO.finditer(text):
        line += text.count("\n", offset, match.start())
        offset = match.start()
        content = match.group()
        key = _TOP_KEY.match(content)
        if key:
            if blocks:
                blocks[-1].end = line
            blocks.append(Block(key.group(1), line, line_count))
        elif _IGNORABLE.match(content.rstrip("\r")) and not (blocks and content.startswith(("---", "..."))):
            continue
        elif not blocks or not content.startswith("-"):
            return None  # content before the first key, a quoted top-level key, another document
    return blocks or None


def item_lines(lines: list[str], block: Block) -> list[int]:
    """Line numbers where the block's sequence items start (same indentation as the first)."""
    if block.items is None:
        indent, starts = None, []
        content = [i for i in range(block.begin + 1, block.end) if not _IGNORABLE.match(lines[i].rstrip("\r\n"))]
        header_value = lines[block.begin].split(":", 1)[1].split("#", 1)[0].strip()
        if header_value or not content or not lines[content[0]].lstrip(" ").startswith("-"):
            block.items = []  # not a block sequence: a mapping, a scalar or a flow collection
            return block.items
        for i in content:
            stripped = lines[i].lstrip(" ")
            if not (stripped.startswith("- ") or stripped.rstrip() == "-"):
                continue
            width = len(lines[i]) - len(stripped)
            if indent is None:
                indent = width
            if width == indent:
                starts.append(i)
        block.items = starts
    return block.items
