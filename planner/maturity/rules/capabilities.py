"""The ``capabilities`` rule: capabilities in some areas show given practices, channels, data or systems.

The selection itself (set operations on the indexes of
:class:`~planner.maturity.facts.Facts`) and the nearest candidates are in
:mod:`.matching`; this module words the verdict. The other rules that read
capabilities are in :mod:`.coverage`.
"""

from __future__ import annotations

from itertools import chain, compress, islice
from operator import attrgetter

from ...model import Capability
from ..facts import Facts
from .matching import CANDIDATE_POOL, PRECURSORS, CapabilityParams, matching, nearest, wanted_words
from .registry import Finding, RuleResult, nothing_in_scope, rule, share

LOB = attrgetter("lob")


def who_list(facts: Facts, caps: list, most: int, total: int | None = None) -> str:
    """``A (accountable: X), B (accountable: Y) and 9 more``, formatting only what is shown.

    ``total``: how many there are, when ``caps`` holds only the first of them.
    """
    shown = ", ".join(facts.who(c) for c in caps[:most])
    total = len(caps) if total is None else total
    return shown + (f" and {total - most} more" if total > most else "")


def who_ids(caps) -> tuple[str, ...]:
    """Ids of the capabilities and of their accountable people, for a finding's ``elements``."""
    ids = [c.id for c in caps] + [c.accountable for c in caps if c.accountable]
    return tuple(dict.fromkeys(ids))


def _describe(p: CapabilityParams) -> str:
    parts = []
    practices = [w.replace("|", " or ") for w in p.practices_all]
    if p.practices_any:
        practices.append(p.practices_any[0] if len(p.practices_any) == 1 else "one of " + "/".join(p.practices_any))
    if practices:
        parts.append("practises " + " and ".join(practices))
    if p.channels_any:
        parts.append("works through " + " or ".join(p.channels_any))
    if p.data_any:
        parts.append("uses " + " or ".join(p.data_any) + " data")
    if p.with_system:
        parts.append("runs on a system")
    if p.with_workflow:
        parts.append("has a documented workflow")
    if p.functions_any:
        parts.append("is run by a team of function " + " or ".join(p.functions_any))
    if p.min_systems:
        parts.append(f"runs on {p.min_systems}+ systems")
    if p.min_channels:
        parts.append(f"covers {p.min_channels}+ channels")
    if p.min_data_kinds:
        parts.append(f"combines {p.min_data_kinds}+ kinds of data")
    return ", ".join(parts) or "exists"


def claim_findings(facts: Facts, words, most: int = 3) -> list[Finding]:
    """``claimed, not evidenced: CAP tags WORD but lacks ...`` for the first claims of ``words``."""
    first, total = facts.first_claims(words, most)
    out = [Finding(f"claimed, not evidenced: {cap.name} tags {word} but lacks {' and '.join(lacks)}", (cap.id,))
           for cap, word, lacks in first]
    if total > most:
        out.append(Finding(f"and {total - most} more unevidenced claims"))
    return out


def first_matches(facts: Facts, matched: set[str], scope: list[Capability], areas,
                  most: int = 10) -> tuple[list[Capability], int]:
    """The first ``most`` matching capabilities in chart order, and how many match.

    Findings name only the first few: with unique ids they are found from the positions
    of the matches (when few match) or by a scan of the scope that stops at the
    ``most``-th (when many do), not by putting every match in chart order (that took a
    fifth of the rule's own time at 100,000 elements).
    """
    if len(matched) == len(scope):
        return scope[:most], len(scope)
    if not facts.caps_unique:  # one capability per id: in_chart_order decides which
        matches = facts.in_chart_order(matched, areas)
        return matches[:most], len(matches)
    if len(matched) * 8 < len(scope):
        caps, pos = facts.capabilities, facts.cap_pos
        return [caps[i] for i in sorted(map(pos.__getitem__, matched))[:most]], len(matched)
    return list(islice(compress(scope, map(matched.__contains__, facts.scope_ids(areas))), most)), len(matched)


def lobs_needed(facts: Facts, p: CapabilityParams) -> int:
    """``min_lobs``, or every line of business the chart names when it names fewer (one line needs one)."""
    if not p.min_lobs:
        return 0
    return max(1, min(p.min_lobs, _count_lobs(facts)))


def _count_lobs(facts: Facts) -> int:
    """How many lines of business the chart names; once per chart (from the lines the capabilities serve)."""
    key = ("capabilities:lobs", "")
    found = facts.rule_cache.get(key)
    if found is None:
        # a capability serves its own lines, else its accountable's team's: the teams' lines are all counted here
        teams = {t.lob for t in facts.chart.teams if t.lob}
        if facts.caps_unique:  # each capability's own lines are its entry of cap_lobs (ids repeat: not all are)
            found = facts.rule_cache[key] = len(teams.union(facts.served_lobs))
        else:
            found = facts.rule_cache[key] = len(teams.union(chain.from_iterable(map(LOB, facts.capabilities))))
    return found


@rule("capabilities", CapabilityParams)
def capabilities(facts: Facts, p: CapabilityParams) -> RuleResult:
    """Some (or a share of) capabilities in the given areas show the given practices, channels, data or systems.

    Practices count only where the chart evidences them (:mod:`planner.maturity.evidence`);
    the verdict per capability (``per_capability``) marks the capabilities that supply the evidence.
    """
    scope, scope_ids = facts.scope(p.areas)
    where = ("in " + "/".join(p.areas) + " ") if p.areas else ""
    if not scope:
        return nothing_in_scope(f"no capability {where}in the chart")
    matched = matching(facts, p, scope_ids)
    matches, n = first_matches(facts, matched, scope, p.areas)
    need_lobs = lobs_needed(facts, p)
    lobs = set().union(*map(facts.cap_lobs.__getitem__, matched)) if need_lobs and n else set()
    ok_share = p.min_share is None or share(n, len(scope)) >= p.min_share
    passed = n >= p.min_count and ok_share and len(lobs) >= need_lobs
    need = max(p.min_count, 1)
    score = min(1.0, n / need) if p.min_share is None else share(n, len(scope))
    if need_lobs:
        score = min(score, len(lobs) / need_lobs)
    what = _describe(p)
    findings = []
    if n:
        findings.append(Finding(f"{n} of {len(scope)} capabilities {where}{what}"
                                + (f" (need {p.min_count})" if p.min_count > 1 else "")
                                + (f" (need {p.min_share:.0%})" if p.min_share is not None else "")
                                + ": " + who_list(facts, matches, 4, n), who_ids(matches[:10])))
    else:
        findings.append(Finding(f"no capability {where}{what}"))
    claims = claim_findings(facts, wanted_words(p)) if not passed else []
    if not passed:
        missing = len(scope) - n
        if missing:
            # the first CANDIDATE_POOL non-matching capabilities, in chart order: stop early
            pool, pool_ids = facts.first_not_in(matched, p.areas, CANDIDATE_POOL)
            head = None if matched else "/".join(sorted(set(p.areas)))  # the head of the scope, shared by other criteria
            close = nearest(facts, p, pool, pool_ids, pool_key=head)
            more = f" and {missing - 3} more" if missing > 3 else ""
            findings.append(Finding("nearest candidates: " + ", ".join(facts.who(c) for c in close) + more,
                                    who_ids(close)))
        if need_lobs and len(lobs) < need_lobs:
            findings.append(Finding(f"lines of business served: {', '.join(sorted(lobs)) or 'none'} "
                                    f"(need {need_lobs})"))
    return RuleResult(passed, round(score, 3), findings + claims, dict.fromkeys(matched, True), claims=claims)


__all__ = ["CANDIDATE_POOL", "PRECURSORS", "CapabilityParams", "capabilities", "claim_findings", "first_matches", "lobs_needed",
           "wanted_words", "who_ids", "who_list"]
