"""Golden DOT files, compared semantically: parsed into nodes, edges and clusters, ids ignored.

Regenerate with ``python tests/golden/regen.py`` (``make golden``) after a deliberate change.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
sys.path.insert(0, str(GOLDEN))

import regen  # noqa: E402

_STATEMENT = re.compile(r"^\s*(?:(?P<tail>n\d+) -> (?P<head>n\d+)|(?P<node>n\d+)|(?P<kw>graph|node|edge))(?P<attrs> \[.*\])?$")


def parse_attrs(text: str) -> dict[str, str]:
    """``[a="x", b=<...>, c=1]`` -> dict; HTML values keep their markup, quoted values are unescaped."""
    attrs, i, body = {}, 0, text.strip()[1:-1]
    while i < len(body):
        match = re.compile(r"\s*,?\s*([A-Za-z_][A-Za-z0-9_]*)=").match(body, i)
        if not match:
            break
        key, i = match.group(1), match.end()
        if body[i] == "<":
            depth, start = 0, i
            while True:
                depth += {"<": 1, ">": -1}.get(body[i], 0)
                i += 1
                if depth == 0:
                    break
            attrs[key] = body[start:i]
        elif body[i] == '"':
            j = i + 1
            while body[j] != '"':
                j += 2 if body[j] == "\\" else 1
            attrs[key] = body[i + 1:j].replace('\\"', '"')
            i = j + 1
        else:
            j = i
            while j < len(body) and body[j] not in ", ":
                j += 1
            attrs[key], i = body[i:j], j
    return attrs


def parse(source: str) -> dict:
    """Canonical content: nodes (cluster path, attributes), edges by node labels, defaults, clusters."""
    nodes, edges, defaults, clusters, stack = {}, [], [], [], []
    for line in source.splitlines()[1:-1]:
        stripped = line.strip()
        if stripped.startswith("subgraph cluster_"):
            stack.append(len(clusters))
            clusters.append(None)
            continue
        if stripped == "}":
            stack.pop()
            continue
        if stripped.startswith("{rank=same"):
            defaults.append(("rank", stripped.count(" n")))
            continue
        match = _STATEMENT.match(line)
        assert match, f"unparsed DOT line: {line!r}"
        attrs = parse_attrs(match.group("attrs") or "[]")
        if match.group("node"):
            nodes[match.group("node")] = (tuple(stack), tuple(sorted(attrs.items())))
        elif match.group("tail"):
            edges.append((match.group("tail"), match.group("head"), tuple(sorted(attrs.items()))))
        elif stack and match.group("kw") == "graph":
            clusters[stack[-1]] = tuple(sorted(attrs.items()))
        else:
            defaults.append((match.group("kw"), tuple(sorted(attrs.items()))))
    name = {n: dict(a).get("label", n) for n, (_, a) in nodes.items()}

    def where(path):
        return tuple(clusters[i] for i in path)

    return {
        "nodes": Counter((where(path), attrs) for path, attrs in nodes.values()),
        "edges": Counter((name.get(t, t), name.get(h, h), a) for t, h, a in edges),
        "defaults": Counter(defaults),
        "clusters": Counter(clusters),
    }


CURRENT = regen.generate()


@pytest.mark.parametrize("name", sorted(CURRENT))
def test_view_matches_golden(name):
    path = GOLDEN / "render" / name
    assert path.exists(), f"{path} missing: run python tests/golden/regen.py"
    expected, actual = parse(path.read_text("utf-8")), parse(CURRENT[name])
    for part in ("defaults", "clusters", "nodes", "edges"):
        missing, extra = expected[part] - actual[part], actual[part] - expected[part]
        assert not missing and not extra, f"{name} {part} differ: missing {list(missing)[:3]} extra {list(extra)[:3]}"


def test_comparison_ignores_ids_and_order():
    a = 'digraph G {\n  n0 [label=<A>]\n  n1 [label=<B>, shape="box"]\n  n0 -> n1 [color="red"]\n}\n'
    b = 'digraph G {\n  n0 [shape="box", label=<B>]\n  n1 [label=<A>]\n  n1 -> n0 [color="red"]\n}\n'
    assert parse(a) == parse(b)
    c = b.replace("red", "blue")
    assert parse(a) != parse(c)
