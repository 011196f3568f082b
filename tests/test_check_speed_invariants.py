"""What ``check`` was made faster by must not change anything a person sees.

Field descriptions are read from the attribute docstrings only when asked for
(the JSON Schema, the editor's help); empty defaults are made by factories
instead of deep copies; the cycle proof follows only the elements someone names;
a valid chart is checked without PyYAML. The shipped schema file, written by
pydantic reading the docstrings itself, is the reference for the texts.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import BaseModel

from planner.cli.app import cli
from planner.model import Chart, Coe, Person, field_description, sound
from planner.model.base import Strict
from planner.tui.core.fields import field_specs

SHIPPED = Path(__file__).parents[1] / "planner" / "data" / "chart.schema.json"


def _chart_models() -> dict[str, type[BaseModel]]:
    found, todo = {}, [Strict]
    while todo:
        for cls in todo.pop().__subclasses__():
            found[cls.__name__] = cls
            todo.append(cls)
    return found


def test_schema_command_prints_the_shipped_file_byte_for_byte(runner):
    assert runner.invoke(cli, ["schema"]).stdout == SHIPPED.read_text(encoding="utf-8")


def test_every_field_description_is_the_one_in_the_shipped_schema():
    defs = json.loads(SHIPPED.read_text(encoding="utf-8"))["$defs"]
    models = _chart_models()
    compared = 0
    for name, entry in defs.items():
        cls = models.get(name)
        if cls is None:
            continue
        for field, prop in entry.get("properties", {}).items():
            if "description" in prop:
                assert field_description(cls, field) == prop["description"], f"{name}.{field}"
                compared += 1
    assert compared > 100


def test_every_chart_field_has_help_in_the_editor():
    for cls in _chart_models().values():
        for spec in field_specs(cls):
            assert spec.help, f"{cls.__name__}.{spec.name} has no help text"
    assert field_description(Chart, "chart") == "What the chart describes."  # beside a $ref the schema omits it


def test_a_model_outside_the_chart_keeps_its_docstrings_to_itself():
    class Other(BaseModel):
        size: int = 0
        """Not a description: this model never asked for attribute docstrings."""

    assert field_description(Other, "size") is None


def test_empty_defaults_are_fresh_values_and_stay_out_of_saved_files():
    first, second = Person(id="a", name="A"), Person(id="b", name="B")
    first.skills.append("sql")
    assert second.skills == []
    coe, other = Coe(id="c", name="C"), Coe(id="d", name="D")
    assert coe.inputs == other.inputs and coe.inputs is not other.inputs
    assert coe.model_dump(exclude_defaults=True) == {"id": "c", "name": "C"}
    assert Chart.model_validate({"chart": {"name": "x"}}).model_dump(exclude_defaults=True) == {"chart": {"name": "x"}}


@pytest.mark.parametrize("seed", range(40))
def test_cycle_proof_over_named_elements_agrees_with_the_whole_map(seed):
    rng = random.Random(seed)
    ids = [f"p{i}" for i in range(rng.randint(1, 30))]
    items = [SimpleNamespace(id=rng.choice(ids), up=rng.choice([None, "", "ghost", *ids])) for _ in range(40)]
    whole = {e.id: e.up for e in items if e.up}
    assert sound.parents_acyclic(items, "up") == sound.acyclic(whole)


def test_a_repeated_id_without_a_manager_does_not_hide_a_cycle():
    items = [SimpleNamespace(id="a", up="b"), SimpleNamespace(id="b", up="a"), SimpleNamespace(id="a", up=None)]
    assert not sound.parents_acyclic(items, "up")


def test_checking_a_valid_chart_needs_no_docstring_and_no_pyyaml(chart_file):
    probe = (
        "import sys\n"
        "from planner.cli import check_cmd\n"
        "from planner.model import docs\n"
        f"report = check_cmd.read_chart({str(chart_file)!r})\n"
        "assert report.ok, report.problems\n"
        "print(docs._class_docs.cache_info().currsize, 'yaml' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]
