"""Completing the ``capabilities`` and ``channels`` rules: the capability that shows the practice, with its backing.

The capability chosen is the one in scope nearest to matching (most of the wanted
practices, channels and data already there), so a plan extends the email
program that already segments rather than inventing a new one; a new capability
is added only when the scope is empty or more matches are needed.
"""

from __future__ import annotations

from typing import Any

from .fulfil import AREA_FOR_PRACTICE, Context, Element, back_practice, grow, more_kinds

CHANNEL_ORDER = ("web", "email", "mobile", "social", "search", "chat", "direct_mail", "call_center", "app", "tablet")


def _wanted(p: dict) -> list[str]:
    words = [entry.split("|")[0] for entry in p.get("practices_all") or []]
    return words + list(p.get("practices_any") or [])[:1]


def _area(p: dict) -> str:
    if p.get("areas"):
        return p["areas"][0]
    for word in _wanted(p):
        if word in AREA_FOR_PRACTICE:
            return AREA_FOR_PRACTICE[word]
    return "delivery"


def _score(ctx: Context, cap: Element, p: dict) -> int:
    practices = set(cap.get("practices") or [])
    score = 3 * len(practices & set(p.get("practices_any") or []))
    score += 3 * len(practices & {w for e in p.get("practices_all") or [] for w in e.split("|")})
    score += len(set(cap.get("channels") or []) & set(p.get("channels_any") or []))
    score += len(ctx.kinds(cap) & set(p.get("data_any") or [])) + (1 if cap.get("systems") else 0)
    return score


def capabilities(ctx: Context, p: dict[str, Any]) -> None:
    """Enough capabilities in scope practise, use, run on and carry what the parameters ask."""
    areas = p.get("areas") or []
    scope = [c for c in ctx.section("capabilities") if not areas or c.get("area") in areas]
    if p.get("min_share") is not None:
        chosen = scope or [ctx.new_capability(_area(p), f"{ctx.name}")]
    else:
        ranked = sorted(scope, key=lambda c: -_score(ctx, c, p))
        chosen = ranked[:max(1, p.get("min_count", 1))]
        while len(chosen) < max(1, p.get("min_count", 1)):
            chosen.append(ctx.new_capability(_area(p), f"{ctx.name} ({len(chosen) + 1})"))
    for cap in chosen:
        _complete(ctx, cap, p)
    if p.get("min_lobs"):
        _spread_lobs(ctx, chosen, p["min_lobs"])


def _complete(ctx: Context, cap: Element, p: dict) -> None:
    area = cap.get("area", "delivery")
    words = [entry.split("|")[0] for entry in p.get("practices_all") or []
             if not set(entry.split("|")) & set(cap.get("practices") or [])]
    any_words = p.get("practices_any") or []
    if any_words and not set(any_words) & set(cap.get("practices") or []):
        words.append(any_words[0])
    grow(cap, "practices", words)
    if p.get("channels_any") and set(cap.get("channels") or []).isdisjoint(p["channels_any"]):
        grow(cap, "channels", [p["channels_any"][0]])
    if p.get("data_any") and ctx.kinds(cap).isdisjoint(p["data_any"]):
        grow(cap, "data", [ctx.data_of(list(p["data_any"]), area)])
    if p.get("with_system") and not cap.get("systems"):
        grow(cap, "systems", [ctx.system_for(area)])
    if p.get("with_workflow"):
        _workflow(ctx, cap)
    for word in set(cap.get("practices") or []) & ({w for e in p.get("practices_all") or [] for w in e.split("|")}
                                                   | set(any_words)):
        back_practice(ctx, cap, word)
    _minimums(ctx, cap, p)
    if p.get("functions_any"):
        _function(ctx, cap, p["functions_any"])


def _minimums(ctx: Context, cap: Element, p: dict) -> None:
    while len(cap.get("systems") or []) < p.get("min_systems", 0):
        others = [s["id"] for s in ctx.section("systems") if s["id"] not in (cap.get("systems") or [])]
        grow(cap, "systems", others[:1] or [ctx.new("systems", "sys-platform", name=f"{ctx.name} platform",
                                                      role="engagement", owner=ctx.lead, sourcing="rent")])
    for channel in CHANNEL_ORDER:
        if len(cap.get("channels") or []) >= p.get("min_channels", 0):
            break
        grow(cap, "channels", [channel])
    more_kinds(ctx, cap, p.get("min_data_kinds", 0))


def _workflow(ctx: Context, cap: Element) -> None:
    if any(w.get("capability") == cap["id"] for w in ctx.section("workflows")):
        return
    doer = cap.get("accountable") or ctx.lead
    if doer is None:
        return
    wf = ctx.fresh(f"wf-{cap['id'].removeprefix('cap-')}")
    ctx.section("workflows").append({
        "id": wf, "name": f"{cap.get('name', cap['id'])}: request to result", "capability": cap["id"],
        "inputs": ["request"], "outputs": ["result"],
        "steps": [{"id": f"{wf}.do", "name": "Carry out the request", "by": doer, "inputs": ["request"],
                   "outputs": ["result"]}]})
    ctx.added.add(wf)


def _function(ctx: Context, cap: Element, functions: list[str]) -> None:
    wanted = {f.lower() for f in functions}
    team = next((t["id"] for t in ctx.section("teams") if (t.get("function") or "").lower() in wanted), None)
    if team is None:
        team = ctx.new("teams", f"team-{functions[0].lower().replace(' ', '-')}", name=f"{functions[0]} team",
                       function=functions[0])
    grow(cap, "responsible", [team])


def _spread_lobs(ctx: Context, caps: list[Element], needed: int) -> None:
    lobs = sorted({lob for c in ctx.section("capabilities") for lob in c.get("lob") or []}
                  | {t["lob"] for t in ctx.section("teams") if t.get("lob")})
    for cap in caps:
        grow(cap, "lob", lobs[:needed])


def channels(ctx: Context, p: dict[str, Any]) -> None:
    """Distinct channels across the capabilities in scope, a mobile one when asked."""
    areas = p.get("areas") or []
    scope = [c for c in ctx.section("capabilities") if not areas or c.get("area") in areas]
    cap = next((c for c in scope if c.get("area") == "delivery"), scope[0] if scope else None)
    if cap is None:
        cap = ctx.new_capability(areas[0] if areas else "delivery", ctx.name)
    have = {ch for c in scope for ch in c.get("channels") or []}
    if p.get("mobile") and not have & {"mobile", "app", "tablet", "sms"}:
        grow(cap, "channels", ["mobile"])
        have.add("mobile")
    for channel in CHANNEL_ORDER:
        if len(have) >= p.get("min", 1):
            break
        if channel not in have:
            grow(cap, "channels", [channel])
            have.add(channel)
