"""Benchmark: bringing an operation in and taking results out.

- ``planner import hris`` of a 2,000-person HR export into a new chart, then the
  re-import of the same export with four edits (target, issue 16: at most 3 s
  for the first import, whole command, start-up included);
- the ArchiMate exchange file of a 10,000-element chart: mapping, XML, and the
  XSD validation (when the schemas are beside the clone);
- ``planner report`` on the shipped charts (assessment, seven diagrams, roadmap, diff).
Each command runs in its own process, as a user runs it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

from planner.synthetic_hr import hr_export_text, hr_rows

PLANNER = [sys.executable, "-m", "planner.cli"] if (ROOT / "planner" / "cli" / "__main__.py").exists() \
    else [str(Path(sys.executable).with_name("planner"))]
XSD = ROOT.parent / "shared" / "xsd" / "archimate-3.1"


def run(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*PLANNER, *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best(*args: str, repeat: int = 3) -> float:
    return min(run(*args) for _ in range(repeat))


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "hr.csv"
        export.write_text(hr_export_text(2000), encoding="utf-8")
        chart = folder / "chart.yaml"
        first = []
        for _ in range(3):
            chart.unlink(missing_ok=True)
            first.append(run("import", "hris", str(export), "--into", str(chart)))
        rows.append(("import hris, 2,000 people, new chart", f"{min(first):.2f} s (target <= 3 s)"))
        edited = [list(r) for r in hr_rows(2000)]
        edited[10][3], edited[20][4] = "Senior Analyst", "Loyalty"
        edited.append(["E99999", "New", "Hire", "Analyst", "Loyalty", "E10000", "Employee", "", "Boston"])
        edited.pop(1999)
        export.write_text(hr_export_text(rows=edited), encoding="utf-8")
        rows.append(("re-import with 4 changes", f"{best('import', 'hris', str(export), '--into', str(chart)):.2f} s"))
        rows.append(("check of the imported chart", f"{best('check', str(chart)):.2f} s"))
        big = folder / "big.yaml"
        from common import synthetic_path

        big = synthetic_path(10_000)
        args = ["export", "archimate", str(big), "-o", str(folder / "big.xml")]
        rows.append(("export archimate, 10,000 elements", f"{best(*args, repeat=1):.2f} s"))
        if XSD.is_dir():
            rows.append(("  ... and validated against the XSDs", f"{best(*args, '--xsd', str(XSD), repeat=1):.2f} s"))
        size = (folder / "big.xml").stat().st_size
        rows.append(("  exchange file size", f"{size / 1e6:.1f} MB"))
        rows.append(("raci, shipped chart, xlsx", f"{best('raci', '--format', 'xlsx', '-o', str(folder / 'r.xlsx')):.2f} s"))
        against = best('report', '--against', 'charts/harborpine-future.yaml', '-o', str(folder / 'r.html'), repeat=1)
        rows.append(("report, shipped charts with --against", f"{against:.2f} s"))
    report("Interchange (import, export, report)", rows)


if __name__ == "__main__":
    main()
