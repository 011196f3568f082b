"""The core stays pure: importing it loads no front end (Textual, click) and not graphviz."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

CORE = ["planner.model", "planner.graph", "planner.store", "planner.maturity", "planner.roadmap", "planner.diff",
        "planner.render"]
FRONT_ENDS = ["textual", "click", "graphviz", "planner.cli", "planner.tui", "rich"]


@pytest.mark.parametrize("module", [m for m in CORE if importlib.util.find_spec(m) is not None])
def test_core_module_imports_no_front_end(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        f"print(','.join(m for m in {FRONT_ENDS!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} pulled in: {result.stdout.strip()}"


def test_import_linter_contract_holds():
    lint = subprocess.run([sys.executable, "-m", "importlinter.cli", "--no-cache"], capture_output=True, text=True)
    if "No module named" in lint.stderr:
        lint = subprocess.run(["lint-imports", "--no-cache"], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
