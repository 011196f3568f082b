"""Everything that reads or writes files. The rest of the package works on objects."""

from .atomic import write_atomic
from .charts import (
    ChartReport,
    chart_to_text,
    leading_comments,
    load_chart,
    load_yaml_model,
    parse_chart,
    read_chart,
    read_text,
    save_chart,
)

__all__ = [
    "write_atomic", "ChartReport", "chart_to_text", "leading_comments", "load_chart",
    "load_yaml_model", "parse_chart", "read_chart", "read_text", "save_chart",
]
