"""The built-in library, and files named by the user: maturity models and solution catalogs.

The store is the only code that reads files, so finding a model by its built-in
name (a glob of ``planner/data/models``) or by path, and reading the solution
catalog, happen here. The core takes the loaded objects:
``assess(chart, model)``, ``plan(chart, model, target, catalog)``,
``diff(a, b, maturity=models)``. The checks that pydantic cannot make
(:func:`planner.maturity.load.check_model`, :func:`planner.roadmap.files.check_catalog`)
are pure and stay with their packages; this module calls them after parsing.

Built-in files are parsed once per process (``lru_cache``): the editor and the
demo ask for the same model many times, and a model object is never mutated.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UnknownNameError
from ..maturity.load import check_model
from ..maturity.spec import MaturityModel
from ..model import DEFAULT_MODEL
from .models import load_yaml_model

if TYPE_CHECKING:  # the roadmap package is imported when a catalog is read: `assess` never pays for it
    from ..roadmap.catalog import Catalog

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MODELS_DIR = DATA_DIR / "models"
BUILTIN_CATALOG = DATA_DIR / "catalog.yaml"
BUILTIN_ORDER = (DEFAULT_MODEL, "dcg", "information", "coe", "lifecycle")
"""Display order of the built-in models (the default first); any other file in the folder follows, by name."""


def builtin_models() -> list[str]:
    """Ids of the built-in models, in display order (a new list each call; the folder is read once)."""
    return list(_builtin_names())


@lru_cache(maxsize=1)
def _builtin_names() -> tuple[str, ...]:
    found = {p.stem for p in MODELS_DIR.glob("*.yaml")}
    return tuple([m for m in BUILTIN_ORDER if m in found] + sorted(found - set(BUILTIN_ORDER)))


def is_model_path(text: str) -> bool:
    """Whether ``text`` names a file rather than a built-in model: a separator, a YAML suffix, or it exists."""
    return os.sep in text or "/" in text or text.endswith((".yaml", ".yml")) or Path(text).exists()


def load_model(name_or_path: str | os.PathLike | MaturityModel) -> MaturityModel:
    """A built-in model by id, or a model file by path (a model object is returned as it is).

    A mistake in the file raises :class:`~planner.errors.ChartError` whose problems
    carry the path, line and column, and name the criterion's full id; an unknown
    name raises :class:`~planner.errors.UnknownNameError` listing the built-in ones.
    """
    if isinstance(name_or_path, MaturityModel):
        return name_or_path
    text = str(name_or_path)
    if text in _builtin_names():
        return _builtin_model(text)
    if is_model_path(text):
        return load_yaml_model(text, MaturityModel, check=check_model)
    raise UnknownNameError("maturity model", text, builtin_models())


def load_models(names: Iterable[str | os.PathLike | MaturityModel] | None = None) -> list[MaturityModel]:
    """Several models, in the order given; every built-in model, in display order, when ``names`` is None."""
    return [load_model(n) for n in (builtin_models() if names is None else names)]


@cache
def _builtin_model(name: str) -> MaturityModel:
    return load_yaml_model(MODELS_DIR / f"{name}.yaml", MaturityModel, check=check_model)


def load_catalog(path: str | os.PathLike | Catalog | None = None) -> Catalog:
    """The built-in catalog (``path`` None), or the catalog file at ``path``, checked, with located errors."""
    from ..roadmap.catalog import Catalog  # noqa: PLC0415 - see the imports
    from ..roadmap.files import check_catalog  # noqa: PLC0415

    if isinstance(path, Catalog):
        return path
    if path is None:
        return _builtin_catalog()
    return load_yaml_model(path, Catalog, check=check_catalog)


@lru_cache(maxsize=1)
def _builtin_catalog() -> Catalog:
    from ..roadmap.catalog import Catalog  # noqa: PLC0415 - see the imports
    from ..roadmap.files import check_catalog  # noqa: PLC0415

    return load_yaml_model(BUILTIN_CATALOG, Catalog, check=check_catalog)


__all__ = [
    "BUILTIN_CATALOG", "BUILTIN_ORDER", "DATA_DIR", "MODELS_DIR", "builtin_models", "is_model_path",
    "load_catalog", "load_model", "load_models",
]
