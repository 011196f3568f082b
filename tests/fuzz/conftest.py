"""The fuzz tests import their strategies as a plain module (``charts``), beside them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
