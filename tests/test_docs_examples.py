"""The command examples in README.md and docs/*.md are what the commands print (``make docs`` rewrites them).

Each ``<!-- run: COMMAND -->`` example is run again and compared with the text;
a change in the product's output that the documents do not show fails here, so
the documentation cannot drift (as it did: 157/39/118 in the README when the
product printed 159/40/119).
"""

from __future__ import annotations

import shutil

import pytest

from scripts import docs_examples


def test_the_tutorial_and_the_readme_have_examples():
    names = {p.name for p in docs_examples.documents()}
    assert {"README.md", "tutorial.md"} <= names


@pytest.mark.needs_dot
@pytest.mark.skipif(shutil.which("bash") is None, reason="the examples run through bash")
def test_every_example_is_what_its_command_prints():
    from concurrent.futures import ThreadPoolExecutor

    paths = docs_examples.documents()
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:  # each document runs in its own folder
        results = list(pool.map(docs_examples.fresh, paths))
    stale = [path.name for path, (now, fresh) in zip(paths, results) if now != fresh]
    assert not stale, f"stale examples in {stale}: run `make docs` and review the diff"


def test_regeneration_replaces_a_drifted_block(tmp_path):
    text = "intro\n<!-- run: echo hello -->\n```console\n$ echo hello\nold output\n```\nafter\n"
    assert docs_examples.regenerate(text, tmp_path) == (
        "intro\n<!-- run: echo hello -->\n```console\n$ echo hello\nhello\n```\nafter\n")


def test_setup_steps_run_in_order_without_showing(tmp_path):
    text = "<!-- setup: echo 42 > n.txt -->\n<!-- run: cat n.txt -->\n```console\n```\n"
    assert docs_examples.regenerate(text, tmp_path).endswith("```console\n$ cat n.txt\n42\n```\n")
