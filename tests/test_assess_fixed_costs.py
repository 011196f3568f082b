"""What ``planner assess`` was made cheaper by must not change what a person sees.

A valid model file is read without the located parser (and PyYAML under it), the
model format's field docstrings are read only when the JSON Schema asks for them,
and its pydantic validators are built at the first validation. Each probe runs in
a fresh process, because an import made by another test would hide a missing one:
a broken model file, or an answer outside its set, must still be reported
``PATH:LINE:COL: error: ...`` when nothing located was imported beforehand.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from planner.maturity.spec import MaturityModel
from planner.model.docs import field_description

MODEL = textwrap.dedent("""\
    id: shapes
    name: Shapes
    answer_sets:
      k: {'No': 0, 'Some': 0.5, 'All': 1}
    dimensions:
      - {id: top, name: Top}
    levels:
      - name: One
        criteria:
          - {id: a, dimension: top, statement: A., question: A?, answers: k}
      - name: Two
        criteria:
          - {id: b, dimension: top, statement: B., question: B?}
    """)


def _planner(*args: str, probe: str = "") -> subprocess.CompletedProcess:
    """``planner ARGS`` in a fresh process; ``probe`` runs after it, printing to standard error."""
    code = (
        "import sys\n"
        "from planner.cli import cli\n"
        f"try:\n    cli.main({list(args)!r}, standalone_mode=False)\n"
        "except SystemExit as exc:\n    code = exc.code\nelse:\n    code = 0\n"
        f"{probe}"
        "sys.exit(code)\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_assessing_with_the_builtin_models_reads_no_docstring_and_imports_no_pyyaml(current_path):
    probe = ("from planner.model import docs\n"
             "from planner.maturity.spec import MaturityModel\n"
             "read = docs._class_docs.cache_info().currsize + (MaturityModel.model_fields['id'].description is not None)\n"
             "print('PROBE', read, sorted(m for m in ('yaml', 'planner.store.located') if m in sys.modules),"
             " file=sys.stderr)\n")
    done = _planner("assess", str(current_path), probe=probe)
    assert done.returncode == 0, done.stderr
    assert "Level" in done.stdout or "level" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "PROBE 0 []"


def test_a_broken_model_file_is_still_located_in_a_fresh_process(tmp_path, current_path):
    model = tmp_path / "m.yaml"
    model.write_text(MODEL.replace("dimension: top, statement: B.", "dimension: tpo, statement: B."))
    done = _planner("assess", str(current_path), "--model", str(model))
    assert done.returncode == 1
    assert f"{model}:13:" in done.stderr and ": error: " in done.stderr and "unknown dimension 'tpo'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_wrong_answer_is_still_located_in_the_chart_in_a_fresh_process(tmp_path):
    model, chart = tmp_path / "m.yaml", tmp_path / "c.yaml"
    model.write_text(MODEL)
    chart.write_text("chart: {name: X}\nanswers:\n  shapes.1.a: {answer: Most, evidence: seen}\n")
    done = _planner("assess", str(chart), "--model", str(model))
    assert done.returncode == 1
    assert f"{chart}:3:" in done.stderr and "answer set k" in done.stderr and "'Most'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_model_format_keeps_its_field_help():
    assert field_description(MaturityModel, "threshold") == "Score an answer needs to meet a criterion."
    levels = MaturityModel.model_fields["levels"].annotation
    criterion = levels.__args__[0].model_fields["criteria"].annotation.__args__[0]
    assert field_description(criterion, "rule").startswith("Name of a rule from the rule library")
