"""A chart as an ArchiMate model: elements, relationships and properties, ready for either format.

One pure mapping feeds both exports (the Open Group exchange file and Archi's
three CSV files) and is read back by the Archi CSV import, so what leaves comes
back the same. Element identifiers are our ids behind ``id-`` (an XML id may
not start with a digit); every relationship carries the chart field it came
from as the ``field`` property, so an import can put it back where it was.

| chart | ArchiMate |
|---|---|
| person, team, organization | BusinessActor (a job title becomes a BusinessRole) |
| contract | Contract |
| system / data source | ApplicationComponent / DataObject |
| capability | Capability |
| workflow and its steps | BusinessProcess (steps composed into the workflow) |
| CoE / value chain | BusinessCollaboration / ValueStream |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Capability, Chart, Element, iter_refs

ID_PREFIX = "id-"

TYPES = {"person": "BusinessActor", "team": "BusinessActor", "org": "BusinessActor", "contract": "Contract",
         "system": "ApplicationComponent", "data": "DataObject", "capability": "Capability",
         "workflow": "BusinessProcess", "step": "BusinessProcess", "coe": "BusinessCollaboration",
         "chain": "ValueStream"}
"""Our element kind -> ArchiMate element type."""

RELATION_TYPES = {
    ("team", "parent"): ("Composition", True), ("person", "team"): ("Aggregation", True),
    ("capability", "systems"): ("Realization", False), ("workflow", "capability"): ("Realization", False),
    ("coe", "capabilities"): ("Realization", False), ("coe", "members"): ("Aggregation", False),
    ("system", "integrates"): ("Flow", False), ("data", "system"): ("Access", True),
}
"""(holder kind, field) -> (relationship type, drawn from the referenced element to the holder).

Every other reference is an Association from the holder, named after the field.
Steps get Assignment (performer), Serving (a performing system) and Flow (to
the next step) in :func:`_workflow_relations`; nested elements Composition.
"""

SCALARS = {
    "person": ("title", "fte", "skills"), "team": ("lob", "function"), "org": ("kind", "services"),
    "contract": ("start", "end", "annual_value"), "system": ("category", "product", "sourcing", "role"),
    "data": ("kind", "records", "lob"), "capability": ("area", "lob", "channels", "practices", "phases"),
    "workflow": ("inputs", "outputs"), "step": ("inputs", "outputs", "days"),
    "coe": ("scope", "plan_years"), "chain": (),
}
"""Fields exported as properties (lists joined by ``; ``, phases as ``known=II``), read back on import."""


@dataclass(frozen=True)
class AElement:
    id: str
    type: str
    name: str
    documentation: str = ""
    properties: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ARelation:
    id: str
    type: str
    source: str
    target: str
    name: str = ""
    properties: tuple[tuple[str, str], ...] = ()


@dataclass
class AModel:
    """The model: elements, relationships, and the folders (kind -> element ids) they are organized in."""

    id: str
    name: str
    documentation: str
    elements: list[AElement] = field(default_factory=list)
    relations: list[ARelation] = field(default_factory=list)
    folders: dict[str, list[str]] = field(default_factory=dict)

    def property_keys(self) -> list[str]:
        """Every property name in use, in order of first use (the exchange file declares them)."""
        seen: dict[str, None] = {}
        items: list[AElement | ARelation] = [*self.elements, *self.relations]
        for item in items:
            for key, _ in item.properties:
                seen.setdefault(key)
        return list(seen)


def xml_id(ident: str) -> str:
    return ID_PREFIX + ident


def to_archimate(chart: Chart) -> AModel:
    """The ArchiMate model of ``chart``."""
    model = AModel("model-" + _slug(chart.chart.name), chart.chart.name, chart.chart.description)
    kinds = {e.id: e.KIND for _, e in chart.iter_elements()}
    names = {e.id: e.name for _, e in chart.iter_elements()}
    for _, element in chart.iter_elements():
        model.elements.append(_element(element, names))
        model.folders.setdefault(element.KIND, []).append(xml_id(element.id))
    counter = _Counter()
    for _, element in chart.iter_elements():
        model.relations += _relations(element, kinds, counter)
    for org in chart.orgs:
        model.relations += [counter.rel("Composition", org.id, c.id, "contracts") for c in org.contracts]
    for workflow in chart.workflows:
        model.relations += _workflow_relations(workflow, kinds, counter)
    _roles(chart, model, counter)
    return model


def _element(element: Element, names: dict[str, str]) -> AElement:
    props = [("planner kind", element.KIND)]
    for name in SCALARS[element.KIND]:
        text = prop_text(getattr(element, name))
        if text:
            props.append((name, text))
    if isinstance(element, Capability) and element.accountable:
        props.append(("accountable", names.get(element.accountable, element.accountable)))
    for metric in getattr(element, "sla", ()) or ():
        props.append(("SLA", f"{metric.metric}: target {metric.target:g}{metric.unit and ' ' + metric.unit}"
                             f" ({metric.direction} is better)"
                             + (f", measured {metric.measured:g}" if metric.measured is not None else "")))
    return AElement(xml_id(element.id), TYPES[element.KIND], element.name, element.notes, tuple(props))


def prop_text(value) -> str:
    """A field value as property text: lists joined by ``; ``, mappings as ``key=value``."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class _Counter:
    def __init__(self):
        self.n = 0

    def rel(self, type_: str, source: str, target: str, fld: str, name: str = "") -> ARelation:
        self.n += 1
        return ARelation(f"rel-{self.n}", type_, xml_id(source), xml_id(target), name, (("field", fld),))


def _relations(element: Element, kinds: dict[str, str], counter: _Counter) -> list[ARelation]:
    found = []
    for ref, _, target in iter_refs(element):
        if target not in kinds or element.KIND == "step":
            continue  # a dangling id (check reports it); steps are drawn by _workflow_relations
        type_, reverse = RELATION_TYPES.get((element.KIND, ref.name), ("Association", False))
        name = ref.name.replace("_", " ") if type_ == "Association" else ""
        source, dest = (target, element.id) if reverse else (element.id, target)
        found.append(counter.rel(type_, source, dest, ref.name, name))
    return found


def _workflow_relations(workflow, kinds: dict[str, str], counter: _Counter) -> list[ARelation]:
    found = []
    for i, step in enumerate(workflow.steps):
        found.append(counter.rel("Composition", workflow.id, step.id, "steps"))
        if step.by in kinds:
            how = "Serving" if kinds[step.by] == "system" else "Assignment"
            found.append(counter.rel(how, step.by, step.id, "by"))
        if step.to in kinds:
            found.append(counter.rel("Association", step.id, step.to, "to", "hands to"))
        if i + 1 < len(workflow.steps):
            artifacts = ", ".join(step.outputs)
            found.append(counter.rel("Flow", step.id, workflow.steps[i + 1].id, "next", artifacts))
    return found


def _roles(chart: Chart, model: AModel, counter: _Counter) -> None:
    """One BusinessRole per distinct job title, assigned to the people who hold it."""
    ids = {e.id for _, e in chart.iter_elements()}
    roles: dict[str, str] = {}
    for person in chart.people:
        if not person.title:
            continue
        role = roles.get(person.title)
        if role is None:
            role = _fresh("role-" + _slug(person.title), ids)
            roles[person.title] = role
            model.elements.append(AElement(xml_id(role), "BusinessRole", person.title, "",
                                           (("planner kind", "role"),)))
            model.folders.setdefault("role", []).append(xml_id(role))
        model.relations.append(counter.rel("Assignment", person.id, role, "title"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def _fresh(base: str, ids: set[str]) -> str:
    ident, n = base, 2
    while ident in ids:
        ident, n = f"{base}-{n}", n + 1
    ids.add(ident)
    return ident
