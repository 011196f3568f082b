"""Everything that reads or writes files. The rest of the package works on objects."""

from .atomic import write_atomic
from .charts import (
    ChartReport,
    chart_to_text,
    leading_comments,
    load_chart,
    parse_chart,
    read_chart,
    read_text,
    save_chart,
)
from .limits import Limits
from .models import load_yaml_model

__all__ = [
    "ChartReport",
    "Limits",
    "chart_to_text",
    "leading_comments",
    "load_chart",
    "load_yaml_model",
    "parse_chart",
    "read_chart",
    "read_text",
    "save_chart",
    "write_atomic",
]
