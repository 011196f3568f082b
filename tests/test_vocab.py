"""``planner vocab``, the meanings of the chart vocabulary, the scan for criteria that read a word, the schema."""

from __future__ import annotations

import json
import re
from typing import get_args

import pytest

from planner.cli import cli
from planner.maturity.spec import Criterion, Dimension, Level, MaturityModel
from planner.maturity.vocab_usage import criteria_reading, word_groups
from planner.model import vocabulary as v
from planner.model.schema import chart_json_schema
from planner.store.library import builtin_models, load_model

NEW_PRACTICES = {"it_service_management", "media_services", "financial_dashboard", "wom_tracking",
                 "lead_generation", "strategic_planning", "partner_selection"}


def vocab_json(runner, *args: str) -> dict:
    result = runner.invoke(cli, ["vocab", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def model_with(*params: dict) -> MaturityModel:
    """A two-level model whose level-2 criteria c0, c1... carry ``params`` (rules are not run here)."""
    criteria = [Criterion(id=f"c{n}", dimension="d", statement="s", question="q?", rule="capabilities", params=p)
                for n, p in enumerate(params)]
    return MaturityModel(id="m", name="M", dimensions=[Dimension(id="d", name="D")],
                         levels=[Level(name="one"), Level(name="two", criteria=criteria)])


def test_known_words_are_the_keys_of_the_meanings():
    assert frozenset(v.PRACTICES) == v.KNOWN_PRACTICES and frozenset(v.CHANNELS) == v.KNOWN_CHANNELS
    assert NEW_PRACTICES <= v.KNOWN_PRACTICES
    for literal, meanings in [(v.OrgKind, v.ORG_KINDS), (v.Sourcing, v.SOURCING), (v.SystemRole, v.SYSTEM_ROLES),
                              (v.DataKind, v.DATA_KINDS), (v.Area, v.AREAS), (v.Phase, v.PHASES),
                              (v.Stage, v.STAGES), (v.CoeScope, v.COE_SCOPES), (v.ChartState, v.CHART_STATES)]:
        assert list(get_args(literal)) == list(meanings)
    for vocab in v.VOCABULARIES.values():
        assert all(text.strip() and "\n" not in text for text in vocab.meanings.values()), vocab.name


def test_text_lists_every_practice_with_its_meaning_and_readers(runner):
    result = runner.invoke(cli, ["vocab", "--kind", "practices"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("practices (capabilities[].practices; open")
    for word, meaning in v.PRACTICES.items():
        assert any(re.match(rf"  {word} +{re.escape(meaning)}$", line) for line in lines), word
    assert sum("read by: " in line for line in lines) == len(v.PRACTICES)


def test_all_kinds_and_no_source_file_jargon(runner):
    result = runner.invoke(cli, ["vocab"])
    assert result.exit_code == 0
    headings = [line.split(" ")[0] for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert headings == list(v.VOCABULARIES)
    assert "seed" not in result.stdout.lower()
    assert runner.invoke(cli, ["vocab", "--kind", "colours"]).exit_code == 2


def test_json_shape(runner):
    data = vocab_json(runner)
    assert list(data) == list(v.VOCABULARIES)
    practices = data["practices"]
    assert practices["open"] is True and practices["field"] == "capabilities[].practices"
    assert [e["word"] for e in practices["words"]] == sorted(v.PRACTICES)
    assert {e["word"]: e["meaning"] for e in practices["words"]} == v.PRACTICES
    for name in ("practices", "channels", "data-kinds"):
        assert all(isinstance(e["criteria"], list) for e in data[name]["words"])
    assert data["phases"]["open"] is False
    assert [e["word"] for e in data["phases"]["words"]] == list(get_args(v.Phase))  # lifecycle order kept
    assert all("criteria" not in e for e in data["phases"]["words"])
    assert list(vocab_json(runner, "--kind", "org-kinds")) == ["org-kinds"]


def test_json_names_the_builtin_criteria_that_read_a_word(runner):
    data = vocab_json(runner, "--kind", "practices")
    readers = {e["word"]: e["criteria"] for e in data["practices"]["words"]}
    every_id = {c.id for m in builtin_models() for c in load_model(m).criteria}
    assert set().union(*readers.values()) <= every_id
    assert "engagement.3.segmentation" in readers["segmentation"]  # the criterion of the segmentation trait
    for word, ids in readers.items():  # the answer matches the parameters it was read from
        for full in ids:
            params = json.dumps(next(c for m in builtin_models() for c in load_model(m).criteria if c.id == full).params)
            assert re.search(rf'[\["| ]{word}["|]', params), (word, full)


def test_scan_reads_nested_parameters_either_words_and_flags():
    model = model_with(
        {"practices_all": ["alpha_word|beta_word", "gamma_word"]},
        {"ladder": [{"from": "alpha_word", "to": ["delta_word"]}], "min": 3},
        {"mobile": True, "with_system": False},
        {"areas": ["service"]},
    )
    found = criteria_reading(["alpha_word", "beta_word", "gamma_word", "delta_word", "mobile", "service", "nowhere"],
                             models=[model])
    assert found == {"alpha_word": ["m.2.c0", "m.2.c1"], "beta_word": ["m.2.c0"], "gamma_word": ["m.2.c0"],
                     "delta_word": ["m.2.c1"], "mobile": ["m.2.c2"], "service": ["m.2.c3"], "nowhere": []}


def test_scan_tells_a_channel_from_an_organization_kind_of_the_same_name():
    model = model_with({"kinds": ["partner", "agency", "vendor"]}, {"channels_any": ["partner", "web"]})
    channels = criteria_reading(["partner", "web"], foreign=v.ORG_KINDS, models=[model])
    assert channels == {"partner": ["m.2.c1"], "web": ["m.2.c1"]}
    orgs = criteria_reading(list(v.ORG_KINDS), foreign=v.CHANNELS, models=[model])
    assert orgs["agency"] == ["m.2.c0"] and orgs["partner"] == ["m.2.c0"]


def test_word_groups_split_either_words():
    assert list(word_groups({"a": "x|y", "b": ["p", "q|r"]})) == [frozenset("xy"), frozenset("pqr")]


def schema_items(field: str) -> dict:
    return chart_json_schema()["$defs"]["Capability"]["properties"][field]["items"]


@pytest.mark.parametrize("field, meanings", [("practices", v.PRACTICES), ("channels", v.CHANNELS)])
def test_schema_completes_open_vocabularies_without_refusing_other_words(field, meanings):
    known, other = schema_items(field)["anyOf"]
    assert known["enum"] == sorted(meanings)
    assert known["markdownEnumDescriptions"] == known["enumDescriptions"] == [meanings[w] for w in known["enum"]]
    assert other["type"] == "string" and re.fullmatch(other["pattern"], "email_blast")  # unknown: still valid
    assert not re.fullmatch(other["pattern"], "Email Blast")


def test_schema_describes_each_value_of_the_closed_vocabularies():
    defs = chart_json_schema()["$defs"]
    org_kind = defs["Organization"]["properties"]["kind"]
    assert org_kind["enumDescriptions"] == [v.ORG_KINDS[k] for k in org_kind["enum"]]
    data_kind = defs["DataSource"]["properties"]["kind"]
    assert data_kind["markdownEnumDescriptions"] == [v.DATA_KINDS[k] for k in data_kind["enum"]]
    phases = defs["Capability"]["properties"]["phases"]
    assert {p: s["description"] for p, s in phases["properties"].items()} == v.PHASES
    assert phases["properties"]["known"]["enum"] == list(v.STAGES)
    assert phases["additionalProperties"]["enumDescriptions"] == list(v.STAGES.values())
    for name, prop in [("System", "sourcing"), ("Coe", "scope"), ("Capability", "area")]:
        assert "enumDescriptions" in json.dumps(defs[name]["properties"][prop]), (name, prop)


def test_check_still_warns_about_unknown_words_and_knows_the_new_ones(runner, tmp_path, small_chart_path):
    text = small_chart_path.read_text().replace("practices: [mass_email, segmentation]",
                                                "practices: [mass_emial, wom_tracking, lead_generation]")
    path = tmp_path / "words.yaml"
    path.write_text(text)
    result = runner.invoke(cli, ["check", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["severity"], p["code"]) for p in problems] == [("warning", "unknown-word")]
    assert "'mass_emial'" in problems[0]["message"] and "did you mean 'mass_email'" in problems[0]["message"]
