"""Shared fixtures: the shipped charts, a small valid chart, a runner for the CLI, the default model and catalog."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from hypothesis import settings

from planner.charts import shipped_chart

if TYPE_CHECKING:
    from planner.maturity import MaturityModel
    from planner.roadmap import Catalog

# CI replays a fixed set of examples so a run is reproducible; developers explore new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"


def pytest_collection_modifyitems(config, items):
    """Tests marked ``needs_dot`` skip, with the reason, when Graphviz's dot is missing."""
    if shutil.which("dot"):
        return
    skip = pytest.mark.skip(reason="Graphviz 'dot' is not installed (apt-get install -y graphviz)")
    for item in items:
        if "needs_dot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def current_path() -> Path:
    return shipped_chart("current")


@pytest.fixture
def future_path() -> Path:
    return shipped_chart("future")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def small_chart_path() -> Path:
    return FIXTURES / "small.yaml"


@pytest.fixture
def chart_file(tmp_path, small_chart_path) -> Path:
    """A copy of the small chart the test may edit and save (modules drawing a larger chart override it)."""
    target = tmp_path / "small.yaml"
    target.write_bytes(small_chart_path.read_bytes())
    return target


@pytest.fixture(scope="session")
def default_model() -> MaturityModel:
    """The default maturity model as an object: the core takes objects, the store reads them."""
    from planner.model import DEFAULT_MODEL
    from planner.store.library import load_model

    return load_model(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The built-in solution catalog, read by the store (``plan`` takes a catalog object)."""
    from planner.store.library import load_catalog

    return load_catalog()
