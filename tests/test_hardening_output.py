"""No escape sequence from a chart reaches the terminal; unexpected errors are one line; text wraps in linear time."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tui_support import started, sync

from planner.cli import cli
from planner.textfmt import printable, wrap

EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;aGVsbG8=\x07\x1b[31m\x9b31m\x07"
"""Retitle the window, clear the screen, write the clipboard (OSC 52), colour, C1 CSI, bell."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def evil_chart(tmp_path, small_chart_path):
    text = small_chart_path.read_text(encoding="utf-8")
    quoted = json.dumps(EVIL)[1:-1]
    for old in ("name: Small test operation", "name: Ann Lee", "name: Email campaigns", "name: Marketing,",
                "name: Bright Creative"):
        head, value = old.split(": ", 1)
        comma = "," if value.endswith(",") else ""
        text = text.replace(old, f'{head}: "{value.rstrip(",")} {quoted}"{comma}', 1)
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _clean(output: str, shows_names: bool = True) -> None:
    assert not RAW.search(output), repr(RAW.search(output).group())
    if shows_names:
        assert "\\x1b]52;c;" in output  # shown, so the user sees something is there


COMMANDS = {
    "check --strict": ["check", "--strict", "{chart}"],
    "assess text": ["assess", "{chart}"],
    "assess md": ["assess", "{chart}", "--format", "md"],
    "roadmap text": ["roadmap", "{chart}", "--target", "3"],
    "roadmap md": ["roadmap", "{chart}", "--target", "3", "--format", "md"],
    "roadmap tjp": ["roadmap", "{chart}", "--target", "3", "--format", "tjp"],
    "diff text": ["diff", "{small}", "{chart}"],
    "diff colour": ["diff", "{small}", "{chart}", "--color", "always"],
    "git-diff": ["git-diff", "c.yaml", "{small}", "0", "100644", "{chart}", "0", "100644"],
    "render": ["render", "{chart}", "--view", "org", "-o", "{out}/evil\x1b[2J.dot"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_escape_sequence_from_a_chart_reaches_the_terminal(runner, evil_chart, small_chart_path, tmp_path, name):
    args = [a.format(chart=evil_chart, small=small_chart_path, out=tmp_path) for a in COMMANDS[name]]
    result = runner.invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    output = result.stdout + result.stderr
    if name == "diff colour":  # only our own colours: ESC [ digits m
        assert {m for m in re.findall("\x1b[^m]*m?", output) if not re.fullmatch("\x1b\\[[0-9;]*m", m)} == set()
        output = re.sub("\x1b\\[[0-9;]*m", "", output)
    _clean(output, shows_names=name not in ("check --strict", "render"))


@pytest.mark.parametrize("args", [["assess", "{chart}", "--format", "json"], ["diff", "{small}", "{chart}", "--format", "json"],
                                  ["roadmap", "{chart}", "--target", "3", "--format", "json"]])
def test_json_output_is_clean_and_still_holds_the_names(runner, evil_chart, small_chart_path, args):
    result = runner.invoke(cli, [a.format(chart=evil_chart, small=small_chart_path) for a in args])
    assert not RAW.search(result.stdout)
    assert any(EVIL in text for text in _strings(json.loads(result.stdout)))  # the data is intact


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@sync
async def test_editor_notifications_and_tree_show_escapes_as_text(evil_chart):
    from planner.tui.app import EditorApp

    app = EditorApp(evil_chart, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        app.notify(f"Saved {EVIL}", title=f"Title {EVIL}")
        await pilot.pause()
        shown = [(n.message, n.title) for n in app._notifications]
        assert shown and all(not RAW.search(m + t) for m, t in shown)
        assert any("\\x1b]52;c;" in m for m, _ in shown)
        await app.go_to("ann")
        label = str(app.navigator.cursor_node.label)
        assert "Ann Lee" in label and not RAW.search(label)


def test_an_unexpected_error_is_one_line_with_a_pointer_to_report_it(runner, monkeypatch, small_chart_path):
    import planner.cli.check_cmd as check_cmd

    def broken(*args, **kwargs):
        raise ValueError("boom\nsecond line")

    monkeypatch.setattr(check_cmd, "read_chart", broken)
    result = runner.invoke(cli, ["check", str(small_chart_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "planner: internal error: ValueError: boom; this is a bug in planner; please report it with the command "
        "line and the file that caused it (run again with --debug for the traceback)"]
    debug = runner.invoke(cli, ["--debug", "check", str(small_chart_path)])
    assert debug.exit_code == 2 and "Traceback" in debug.stderr and "boom" in debug.stderr.splitlines()[-1]


def test_running_out_of_memory_is_said_plainly(runner, monkeypatch, small_chart_path):
    import planner.cli.check_cmd as check_cmd

    def huge(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(check_cmd, "read_chart", huge)
    result = runner.invoke(cli, ["check", str(small_chart_path)])
    assert result.exit_code == 2 and result.stderr.startswith("planner: error: out of memory")


def test_an_error_outside_any_command_is_one_line_too(monkeypatch, capsys):
    import planner.cli as entry

    def broken(*args, **kwargs):
        raise RuntimeError("click itself failed")

    monkeypatch.setattr(entry.cli, "main", broken)
    monkeypatch.delenv("PLANNER_DEBUG", raising=False)
    monkeypatch.setattr("sys.argv", ["planner", "check"])
    assert entry._run() == 2
    err = capsys.readouterr().err
    assert err.startswith("planner: internal error: RuntimeError: click itself failed;") and err.count("\n") == 1


def test_printable_shows_controls_and_keeps_layout():
    assert printable("a\x1b[2Jb\tc\nd\x07\x9b\u2028\u202e") == "a\\x1b[2Jb\tc\nd\\x07\\x9b\\u2028\\u202e"
    assert printable("Zoë — café 😀") == "Zoë — café 😀"
    assert printable(printable(EVIL)) == printable(EVIL)
    assert json.loads(printable(json.dumps(EVIL, ensure_ascii=False), json=True)) == EVIL


def test_wrap_cuts_one_huge_word_into_lines():
    lines = wrap("x" * 1_000_000, 90, "    ", "      ")
    assert all(len(line) <= 90 for line in lines)
    assert "".join(line.strip() for line in lines) == "x" * 1_000_000


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.text(alphabet="abc-é", min_size=1, max_size=10), max_size=40), st.integers(15, 60))
def test_wrap_lays_out_ordinary_text_as_textwrap_does(words, width):
    """Words that fit on a line: where textwrap is right, and quadratic only in one word's length."""
    text = " ".join(words)
    assert wrap(text, width, "  ", "    ") == textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="    ",
                                                          break_on_hyphens=False)
