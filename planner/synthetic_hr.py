"""A synthetic HR export of any size, for the import's tests and benchmark.

The shape of a Workday- or BambooHR-style worker report: employee id, first and
last name, job title, department, manager id, worker type, contractor's company
and location. A tree of managers with spans of about seven, 8% contractors from
a dozen firms; a fixed random seed makes the output reproducible.
"""

from __future__ import annotations

import csv
import io
import random

HEADER = ["Employee ID", "First Name", "Last Name", "Job Title", "Department", "Manager ID", "Worker Type",
          "Company", "Location"]
FIRST = ["Ann", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah", "Kenji", "Lena", "Mateo",
         "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yara", "Zoe"]
LAST = ["Lee", "Park", "Obi", "Santos", "Marsh", "Brooks", "Nguyen", "Fischer", "Kowalski", "Rahman", "Silva",
        "Chen", "Olsen", "Delgado", "Watanabe", "Adeyemi", "Grant", "Petrova", "Morgan", "Hassan"]
DEPARTMENTS = ["Brand Marketing", "Email & Lifecycle", "Digital Media", "Web Operations", "E-commerce",
               "Customer Care", "Loyalty", "Marketing Analytics", "Creative Studio", "Field Marketing",
               "Social Media", "Marketing Technology", "Sales Operations", "Customer Insights"]
TITLES = ["Specialist", "Coordinator", "Analyst", "Manager", "Designer", "Copywriter", "Engineer", "Strategist",
          "Agent", "Producer"]
FIRMS = ["Summit Staffing", "Blue Harbor Consulting", "Apex Contract Talent", "Northline Partners",
         "Keystone Creative Staff", "Relay Workforce", "Brightpath Digital", "Cedar Agency", "Orbit Temps",
         "Delta Data Contractors", "Lumen Studio", "Harbor Talent"]
LOCATIONS = ["Boston", "Portland", "Chicago", "Austin", "Toronto", "Dublin", "Remote"]
SPAN = 7


def hr_rows(people: int = 2000, seed: int = 11) -> list[list[str]]:
    """``people`` rows in ``HEADER`` order; row 0 is the top of the tree, managers come before reports."""
    rnd = random.Random(seed)
    rows = []
    for i in range(people):
        manager = "" if i == 0 else f"E{10000 + (i - 1) // SPAN}"
        contractor = i > 0 and rnd.random() < 0.08
        level = "Director" if i == 0 else "Manager" if i <= people // SPAN else rnd.choice(TITLES)
        dept = DEPARTMENTS[(i if i <= len(DEPARTMENTS) else (i - 1) // SPAN) % len(DEPARTMENTS)]
        rows.append([f"E{10000 + i}", rnd.choice(FIRST), f"{rnd.choice(LAST)}-{i}",
                     f"{dept.split()[0]} {level}" if i else "Chief Marketing Officer", dept, manager,
                     "Contractor" if contractor else "Employee", rnd.choice(FIRMS) if contractor else "",
                     rnd.choice(LOCATIONS)])
    return rows


def hr_export_text(people: int = 2000, seed: int = 11, delimiter: str = ",", rows: list[list[str]] | None = None,
                   header: list[str] | None = None) -> str:
    """The export as CSV text (``rows`` to write edited rows instead of generated ones)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header or HEADER)
    writer.writerows(hr_rows(people, seed) if rows is None else rows)
    return out.getvalue()
