"""``planner assess CHART`` and ``planner models``: the maturity engine on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import ChartError
from ..maturity import RULES, analyze_structure, assess_all
from ..maturity.facts import Facts
from ..maturity.report import json_report, md_report, report_title, text_report
from ..maturity.report_json import dumps_indented
from ..model import DEFAULT_MODEL
from ..store.library import builtin_models, load_model, load_models
from ..textfmt import join_names
from .app import chart_argument, cli, echo, format_option
from .lenient import load_chart_or_lenient


@cli.command()
@chart_argument()
@click.option("--model", "models", multiple=True, metavar="NAME|PATH",
              help="A built-in model or a model file; repeat for several. Default: every built-in model.")
@format_option("text", "md", "json", "xlsx")
@click.option("--no-structure", is_flag=True, help="Leave out the structural analysis.")
@click.option("--by", type=click.Choice(["lob", "team"]), help="A matrix of levels per line of business or team.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="With --by, also draw the unit heat map: .svg, .png, .pdf or .dot.")
@click.option("--lenient", is_flag=True, help="Assess a chart that has errors: the broken elements are left out "
              "and listed.")
def assess(chart: Path, models: tuple[str, ...], fmt: str, no_structure: bool, by: str | None,
           output: Path | None, lenient: bool = False) -> None:
    """Assess a chart's maturity: levels per model and dimension, and the gaps to the next level.

    Exit 1, with one located line per problem, when a model file is wrong (an answer
    set referenced but not defined, a group cycle...) or when an answer lies outside
    its criterion's answer set: the levels would rest on input that cannot be read.
    """
    try:
        chosen = load_models(models or None)  # every built-in model when none is named
    except ChartError as exc:
        _found(exc.problems)
    loaded = load_chart_or_lenient(chart, lenient)
    if by:  # the unit matrix instead of the report (docs/history.md)
        from .units_out import show_units  # noqa: PLC0415 - it imports the renderer, which the report never needs

        return show_units(loaded, chosen, by, fmt, output)
    facts = Facts(loaded)  # the rules read indexes of the chart; no networkx graph needed (2-4 s at 100k)
    results = assess_all(facts, chosen)
    wrong = [p for a in results.values() for p in a.answer_problems]
    if wrong:  # the located parser is imported only for answers that need placing (15-25 ms otherwise)
        from ..store.locate import locate_in_file  # noqa: PLC0415

        _found(locate_in_file(chart, wrong))
    structure = None if no_structure else analyze_structure(facts)
    if fmt == "json":
        echo(dumps_indented(json_report(chart, facts, results, structure)), json=True)
        return
    if fmt == "xlsx":  # a summary sheet, then a sheet per model; written to standard output
        from ..interchange.sheets import assessment_sheets
        from .xlsx_out import write_workbook_to_stdout

        write_workbook_to_stdout(assessment_sheets(results), "> assessment.xlsx")
        return
    render = md_report if fmt == "md" else text_report
    echo(render(report_title(loaded.chart), results, structure, facts), nl=False)


def _found(problems) -> None:
    """Print located problems and stop with exit 1, as ``check`` does for a chart's mistakes."""
    for problem in problems:
        echo(problem.format(), err=True)
    sys.exit(1)


@cli.command()
@click.argument("name", required=False)
@click.option("--rules", "show_rules", is_flag=True, help="List the rule library instead.")
def models(name: str | None, show_rules: bool) -> None:
    """List the built-in maturity models and their levels; with NAME (or a path), its criteria."""
    if show_rules:
        for rule in RULES.values():
            params = ", ".join(rule.params.model_fields) or "no parameters"
            echo(f"{rule.name:<26}{rule.summary}\n{'':<26}params: {params}")
        return
    if name:
        model = load_model(name)
        echo(f"{model.name} ({model.id})\n{model.source}\n")
        for n, level in enumerate(model.levels, start=1):
            echo(f"Level {n} {level.name}")
            for c in model.criteria:
                if c.level == n:
                    how = f"rule {c.rule}" if c.rule else "answer"
                    echo(f"  {c.id:<48} [{c.dimension}] {how}, evidence: {c.evidence}")
                    echo(f"  {'':<48} {c.question}")
        return
    for model_id in builtin_models():
        model = load_model(model_id)
        levels = join_names([f"{n} {lv.name}" for n, lv in enumerate(model.levels, start=1)])
        dims = ", ".join(d.name for d in model.dimensions)
        echo(f"{model.id:<12}{model.name}: {len(model.criteria)} criteria")
        echo(f"{'':<12}levels: {levels}")
        echo(f"{'':<12}dimensions: {dims}")


def step_assess(demo) -> None:
    """Demo step: both shipped charts against every built-in model, levels per model and dimension."""
    demo.heading("Assess maturity (every built-in model)")
    cur, fut = demo.current_run.assess_all(), demo.future_run.assess_all()
    echo(f"{'model / dimension':<44}{'current':>9}{'future':>9}")
    for model_id, a in cur.items():
        b = fut[model_id]
        label = f"{model_id}: {a.model_name}"
        label = label if len(label) <= 43 else label[:40] + "..."
        echo(f"{label:<44}{a.level:>9}{b.level:>9}   {a.level_name} -> {b.level_name}")
        for dim, level in a.dimension_levels.items():
            echo(f"  {a.dimension_names[dim]:<42}{level:>9}{b.dimension_levels.get(dim, 0):>9}")
    nxt = cur[DEFAULT_MODEL].next_level if DEFAULT_MODEL in cur else None
    if nxt:
        gaps = cur[DEFAULT_MODEL].gaps()
        echo(f"Current engagement gaps to level {nxt}: " + ", ".join(g.criterion_id for g in gaps))
    for state, run in demo.runs():
        facts, results, structure = run.facts, run.assess_all(), run.structure
        md = demo.out / f"assessment-{state}.md"
        md.write_text(md_report(report_title(facts.chart.chart), results, structure, facts), encoding="utf-8")
        js = demo.out / f"assessment-{state}.json"
        js.write_text(dumps_indented(json_report(run.path, facts, results, structure)), encoding="utf-8")
        demo.written += [md, js]
