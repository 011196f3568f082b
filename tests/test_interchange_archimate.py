"""ArchiMate: the exchange file validates against the Open Group's XSDs; Archi CSV round-trips the chart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from planner.cli import cli
from planner.graph import build_graph
from planner.interchange.archi_import import from_archi
from planner.interchange.archimate import to_archimate
from planner.interchange.archimate_views import area_views
from planner.model import Chart
from planner.store import load_chart
from planner.store.archi_csv import read_archi_csv, save_archi_csv
from planner.store.archimate import exchange_xml, load_schema, validate_exchange
from planner.synthetic import synthetic_chart_data

XSD = Path(os.environ.get("PLANNER_ARCHIMATE_XSD", Path(__file__).resolve().parents[2] / "shared" / "xsd" /
                          "archimate-3.1"))
needs_xsd = pytest.mark.skipif(not (XSD / "archimate3_Diagram.xsd").is_file(),
                               reason=f"the ArchiMate 3.1 XSDs are not at {XSD} (set PLANNER_ARCHIMATE_XSD)")


@pytest.fixture(scope="module")
def schema():
    return load_schema(XSD)


def exported(chart: Chart) -> bytes:
    model = to_archimate(chart)
    return exchange_xml(model, area_views(chart, model))


@needs_xsd
@pytest.mark.parametrize("state", ["current", "future"])
def test_shipped_charts_validate(schema, state, current_path, future_path):
    chart = load_chart(current_path if state == "current" else future_path)
    data = exported(chart)
    assert validate_exchange(data, schema) == []
    doc = etree.fromstring(data)
    ns = {"a": "http://www.opengroup.org/xsd/archimate/3.0/"}
    views = doc.findall(".//a:views/a:diagrams/a:view", ns)
    assert len(views) == len({c.area for c in chart.capabilities})
    assert all(v.findall("a:node", ns) for v in views), "every view opens with something drawn"
    types = {e.get("{http://www.w3.org/2001/XMLSchema-instance}type") for e in doc.findall(".//a:element", ns)}
    assert {"BusinessActor", "BusinessRole", "Capability", "ApplicationComponent", "DataObject",
            "BusinessProcess", "Contract"} <= types
    names = {p.findtext("a:name", namespaces=ns) for p in doc.findall(".//a:propertyDefinition", ns)}
    assert {"accountable", "sourcing", "SLA"} <= names


@needs_xsd
def test_a_10000_element_chart_validates(schema):
    chart = Chart.model_validate(synthetic_chart_data(10_000))
    data = exported(chart)
    assert validate_exchange(data, schema) == []
    assert data.count(b"<element ") >= chart.size()


@needs_xsd
def test_the_validator_finds_errors(schema, current_path):
    data = exported(load_chart(current_path)).replace(b'xsi:type="Capability"', b'xsi:type="Capabilty"', 1)
    errors = validate_exchange(data, schema)
    assert errors and "Capabilty" in errors[0]


def test_user_text_is_escaped_and_control_characters_dropped(small_chart_path):
    chart = load_chart(small_chart_path)
    chart.people[0].name = 'Ann <b>&"Lee"\x07'
    doc = etree.fromstring(exported(chart))
    assert 'Ann <b>&"Lee"' in [n.text for n in doc.iter("{*}name")]


@pytest.mark.parametrize("state", ["current", "future"])
def test_archi_csv_round_trips_elements_and_relations(tmp_path, state, current_path, future_path):
    chart = load_chart(current_path if state == "current" else future_path)
    save_archi_csv(to_archimate(chart), tmp_path)
    imported = from_archi(read_archi_csv(tmp_path))
    assert imported.warnings == []
    back = Chart.model_validate({"chart": {"name": imported.name}, **imported.sections})
    assert back.chart.name == chart.chart.name
    assert {(e.id, e.KIND, e.name) for _, e in back.iter_elements()} == \
        {(e.id, e.KIND, e.name) for _, e in chart.iter_elements()}
    edges = lambda g: {(u, v, k) for u, v, k, _ in g.edges()}  # noqa: E731
    assert edges(build_graph(back)) == edges(build_graph(chart))


def test_archi_csv_files_have_archis_columns(tmp_path, small_chart_path):
    save_archi_csv(to_archimate(load_chart(small_chart_path)), tmp_path)
    heads = {name: (tmp_path / name).read_text(encoding="utf-8-sig").splitlines()[0]
             for name in ("elements.csv", "relations.csv", "properties.csv")}
    assert heads == {"elements.csv": '"ID","Type","Name","Documentation","Specialization"',
                     "relations.csv": '"ID","Type","Name","Documentation","Source","Target","Specialization"',
                     "properties.csv": '"ID","Key","Value"'}
    second = (tmp_path / "elements.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert '"ArchimateModel"' in second
    assert "Relationship" in (tmp_path / "relations.csv").read_text(encoding="utf-8-sig").splitlines()[1]


def test_archi_import_reports_unknown_types(runner, tmp_path):
    (tmp_path / "elements.csv").write_text(
        '"ID","Type","Name","Documentation","Specialization"\n"m","ArchimateModel","Drawn in Archi","",""\n'
        '"a1","BusinessActor","Ann","",""\n"n1","Node","Mainframe","",""\n"c1","Capability","Email","",""\n',
        encoding="utf-8")
    (tmp_path / "relations.csv").write_text(
        '"ID","Type","Name","Documentation","Source","Target","Specialization"\n'
        '"r1","AssociationRelationship","accountable","","c1","a1",""\n'
        '"r2","ServingRelationship","","","n1","c1",""\n', encoding="utf-8")
    out = tmp_path / "chart.yaml"
    result = runner.invoke(cli, ["import", "archi-csv", str(tmp_path), "--into", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'elements.csv'}:4:2: warning: element type 'Node' (Mainframe)" in result.output
    assert f"{tmp_path / 'relations.csv'}:3:5: warning: Serving relationship r2" in result.output
    chart = load_chart(out)
    assert chart.chart.name == "Drawn in Archi"
    assert chart.capabilities[0].accountable == "a1" and chart.people[0].name == "Ann"


def test_cli_export_then_import(runner, tmp_path, current_path):
    folder = tmp_path / "csv"
    assert runner.invoke(cli, ["export", "archi-csv", str(current_path), "-o", str(folder)]).exit_code == 0
    out = tmp_path / "back.yaml"
    result = runner.invoke(cli, ["import", "archi-csv", str(folder), "--into", str(out)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["check", str(out)]).exit_code == 0


@needs_xsd
def test_cli_export_archimate_validates(runner, tmp_path, current_path):
    out = tmp_path / "model.xml"
    result = runner.invoke(cli, ["export", "archimate", str(current_path), "-o", str(out), "--xsd", str(XSD)])
    assert result.exit_code == 0, result.output
    assert "valid against the XSDs" in result.output and out.read_bytes().startswith(b"<?xml")
