"""``planner vocab``: every word of the chart vocabulary, what it means, and which criteria read it.

Practices and channels are open vocabularies, so nothing stops a user from writing
``email_blast`` where the rules look for ``mass_email``; ``check`` warns afterwards,
this command lets them find the right word before.
"""

from __future__ import annotations

import json

import click

from ..maturity.vocab_usage import vocabulary_usage
from ..model.vocabulary import VOCABULARIES
from ..store.library import load_models
from .app import cli, echo, format_option

INDENT = 2
WIDEST = 28
"""Words are padded to this width in text, so meanings line up; a longer word pushes its meaning along."""


@cli.command()
@click.option("--kind", "kind", type=click.Choice([*VOCABULARIES, "all"]), default="all", show_default=True,
              help="Which vocabulary to list.")
@format_option("text", "json")
def vocab(kind: str, fmt: str) -> None:
    """List the words a chart uses (practices, channels, areas, kinds, phases...) with their meaning.

    For practices, channels and data kinds, also the built-in maturity criteria that
    read each word. Practices and channels are open: other words are kept, but no
    criterion reads them and ``planner check`` warns about them.
    """
    names = list(VOCABULARIES) if kind == "all" else [kind]
    usage = vocabulary_usage(names, load_models())  # the built-in models, read by the store
    if fmt == "json":
        echo(json.dumps(usage, indent=2, ensure_ascii=False), json=True)
        return
    click.echo("\n".join(text_lines(usage)))


def text_lines(usage: dict[str, dict]) -> list[str]:
    """The text listing: a heading per vocabulary, one line per word, a ``read by`` line under it."""
    lines: list[str] = []
    for name, vocab in usage.items():
        if lines:
            lines.append("")
        rule = "open: other words are kept, with a warning" if vocab["open"] else "closed: only these words"
        lines.append(f"{name} ({vocab['field']}; {rule})")
        for entry in vocab["words"]:
            lines.append(f"{'':<{INDENT}}{entry['word']:<{WIDEST}} {entry['meaning']}")
            if "criteria" in entry:
                read = ", ".join(entry["criteria"]) or "no built-in criterion"
                lines.append(f"{'':<{INDENT + WIDEST}} read by: {read}")
    return lines
