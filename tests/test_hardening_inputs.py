"""Issue 13's bad inputs, one test each: a located one-line error, exit 1 from check and 2 from the
other commands, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.cli import cli

BASE = "version: 1\nchart:\n  name: T\npeople:\n  - {id: ann, name: Ann}\n  - {id: bob, name: Bob, team: nope}\n"
"""Six lines; line 6 holds a dangling reference, the 'other error' every reproducer keeps."""
DANGLING = (6, "team of 'bob' names unknown team 'nope'")

CASES = {
    "control character": (BASE.replace("Ann}", "A\x01nn}"), [(5, "control character U+0001"), DANGLING]),
    "NUL": (BASE.replace("Ann}", "A\x00nn}"), [(5, "control character U+0000"), DANGLING]),
    "form feed": (BASE.replace("name: T", "name: T\x0c"), [(3, "control character U+000C"), DANGLING]),
    "vertical tab": (BASE.replace("name: T", "name: T\x0b"), [(3, "U+000B"), DANGLING]),
    "file separator": (BASE.replace("name: T", "name: T\x1c"), [(3, "U+001C"), DANGLING]),
    "group separator": (BASE.replace("name: T", "name: T\x1d"), [(3, "U+001D"), DANGLING]),
    "record separator": (BASE.replace("name: T", "name: T\x1e"), [(3, "U+001E"), DANGLING]),
    "next line U+0085": (BASE.replace("name: T", "name: T\x85x"), [DANGLING]),
    "line separator U+2028": (BASE.replace("name: T", "name: T\u2028x"), [DANGLING]),
    "paragraph separator U+2029": (BASE.replace("name: T", "name: T\u2029x"), [DANGLING]),
    "lone CR": (BASE.replace("name: T\n", "name: T\r  owner: x\n"), [(7, "team of 'bob' names unknown team 'nope'")]),
    "4,301-digit integer in a number field": (BASE.replace("name: Ann}", "name: Ann, fte: " + "9" * 4301 + "}"),
                                              [(5, "a number of 4,301 digits, over the limit of 30")]),
    "items after a broken item": (
        "version: 1\nchart:\n  name: T\npeople:\n  - {id: ann, name: 'Ann}\n  - {id: bob, name: Bob, team: nope}\n"
        "  - {id: cy, name: Cy, team: nope2}\n",
        [(5, "YAML syntax"), DANGLING, (7, "team of 'cy' names unknown team 'nope2'")]),
    "BOM and a syntax error": ("\ufeffversion: 1\nchart:\n  name: T\npeople:\n  - {id: ann, name: 'Ann}\n"
                               "  - {id: bob, name: Bob, team: nope}\n", [(5, "YAML syntax"), DANGLING]),
    "10,000-deep flow nesting": ("version: 1\nchart:\n  name: T\nanswers: " + "[" * 10_000 + "]" * 10_000 + "\n",
                                 [(4, "nested more than 64 levels deep")]),
    "BOM and 10,000 unclosed brackets": ("\ufeffversion: 1\nchart:\n  name: T\nanswers: " + "[" * 10_000 + "\n",
                                         [(4, "YAML syntax: while increasing flow level: exceeded maximum nesting")]),
    "alias across sections and a type error": (
        "version: 1\nchart:\n  name: T\nteams:\n  - {id: mkt, name: &n Marketing}\npeople:\n"
        "  - {id: ann, name: *n, fte: lots}\n", [(7, "fte of 'ann'")]),
    "alias across sections and a syntax error": (
        "version: 1\nchart:\n  name: T\nteams:\n  - {id: mkt, name: &n Marketing}\npeople:\n"
        "  - {id: ann, name: *n, team: mkt}\n  - {id: bob, name: 'Bob}\n", [(8, "YAML syntax")]),
    "version 2": ("version: 2\nchart:\n  name: T\n", [(1, "chart version 2 is not supported")]),
    "python tag": ("version: 1\nchart:\n  name: T\n  owner: !!python/name:os.system\n",
                   [(4, "unsupported YAML tag '!!python/name:os.system'")]),
    "python object tag": ("version: 1\nchart:\n  name: T\npeople:\n  - {id: a, name: !!python/object/apply:os.system [ls]}\n",
                          [(5, "unsupported YAML tag '!!python/object/apply:os.system'")]),
    "a required reference misspelt": ("version: 1\nchart:\n  name: T\ncoes:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
                                      "chains:\n  - {id: c, name: C, coez: [a, b]}\n",
                                      [(8, "missing required field 'coes' of 'c'"), (8, "unknown field 'coez' of 'c'")]),
    "ten-million-character name": ("version: 1\nchart:\n  name: T\npeople:\n  - {id: ann, name: " + "x" * 10_000_000 + "}\n",
                                   [(5, "a text of 10,000,000 characters, over the limit of 100,000")]),
}
"""Input name -> (file text, [(line, expected text)] in file order: every line printed, nothing more)."""

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def _located(output: str, path: Path) -> list[tuple[int, str]]:
    found = []
    for line in output.strip().splitlines():
        match = LINE.match(line)
        assert match and match["path"] == str(path), f"not a located line: {line!r}"
        found.append((int(match["line"]), match["message"]))
    return found


def _matches(found: list[tuple[int, str]], expected: list[tuple[int, str]]) -> bool:
    return len(found) == len(expected) and all(n == m and text in message for (n, message), (m, text) in
                                               zip(found, expected))


@pytest.mark.parametrize("name", list(CASES))
def test_check_reports_each_bad_input_located_with_exit_1(runner, tmp_path, name):
    text, expected = CASES[name]
    path = _write(tmp_path, text)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, (SystemExit, type(None)))
    found = _located(result.stdout, path)
    assert _matches(found, expected), found


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("command", [["assess"], ["render", "--view", "org", "-o", "{out}/x.dot"], ["diff", "{path}"],
                                     ["roadmap"]])
def test_other_commands_refuse_each_bad_input_with_exit_2(runner, tmp_path, name, command):
    text, expected = CASES[name]
    path = _write(tmp_path, text)
    args = [a.format(out=tmp_path, path=path) for a in command]
    result = runner.invoke(cli, [args[0], str(path), *args[1:]])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert _matches(_located(result.stderr, path), expected)
