"""The Open Group ArchiMate 3.1 Model Exchange File: writing it, and validating it against the XSDs.

lxml writes the XML (escaping every user text) and validates against the
Open Group's schemas with libxml2, the same engine ``xmllint`` uses. The XSDs
import ``xml.xsd`` from the W3C's web site; a resolver points that at the copy
in the schema folder, so validation never touches the network.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ..errors import FileAccessError
from ..interchange.archimate import AModel
from ..interchange.archimate_views import AView
from ..model import ELEMENT_CLASSES
from .atomic import write_atomic

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
FOLDER_LABELS = {**{kind: cls.TITLE for kind, cls in ELEMENT_CLASSES.items()}, "role": "Roles", "data": "Data"}
"""Folder names of the exported model: the kinds' headings (``TITLE``); roles are not a chart kind, and
the data folder keeps the short name files already exported carry."""


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def exchange_xml(model: AModel, views: list[AView]) -> bytes:
    """The exchange file as UTF-8 bytes."""
    root = etree.Element(_q("model"), nsmap={None: NS, "xsi": XSI}, identifier=model.id)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    _text(root, "name", model.name)
    if model.documentation:
        _text(root, "documentation", model.documentation)
    keys = {key: f"pd-{n}" for n, key in enumerate(model.property_keys(), start=1)}
    elements = etree.SubElement(root, _q("elements"))
    for item in model.elements:
        node = _concept(elements, "element", item.id, item.type, item.name, item.documentation)
        _properties(node, item.properties, keys)
    if model.relations:
        relations = etree.SubElement(root, _q("relationships"))
        for rel in model.relations:
            node = _concept(relations, "relationship", rel.id, rel.type, rel.name, "")
            node.set("source", rel.source)
            node.set("target", rel.target)
            _properties(node, rel.properties, keys)
    _organizations(root, model, views)
    if keys:
        defs = etree.SubElement(root, _q("propertyDefinitions"))
        for key, ident in keys.items():
            pd = etree.SubElement(defs, _q("propertyDefinition"), identifier=ident, type="string")
            _text(pd, "name", key)
    if views:
        _views(root, views)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(parent, tag: str, value: str):
    node = etree.SubElement(parent, _q(tag))
    node.set(XML_LANG, "en")
    node.text = _clean(value)
    return node


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters at all: they are dropped, the rest kept."""
    return _NOT_XML.sub("", text)


def _concept(parent, tag: str, ident: str, type_: str, name: str, documentation: str):
    node = etree.SubElement(parent, _q(tag), identifier=ident)
    node.set(f"{{{XSI}}}type", type_)
    if name or tag == "element":
        _text(node, "name", name or ident)
    if documentation:
        _text(node, "documentation", documentation)
    return node


def _properties(node, properties, keys: dict[str, str]) -> None:
    if not properties:
        return
    holder = etree.SubElement(node, _q("properties"))
    for key, value in properties:
        prop = etree.SubElement(holder, _q("property"), propertyDefinitionRef=keys[key])
        _text(prop, "value", value)


def _organizations(root, model: AModel, views: list[AView]) -> None:
    orgs = etree.SubElement(root, _q("organizations"))
    for kind, ids in model.folders.items():
        folder = etree.SubElement(orgs, _q("item"))
        _text(folder, "label", FOLDER_LABELS.get(kind, kind))
        for ident in ids:
            etree.SubElement(folder, _q("item"), identifierRef=ident)
    if model.relations:
        folder = etree.SubElement(orgs, _q("item"))
        _text(folder, "label", "Relations")
        for rel in model.relations:
            etree.SubElement(folder, _q("item"), identifierRef=rel.id)
    if views:
        folder = etree.SubElement(orgs, _q("item"))
        _text(folder, "label", "Views")
        for view in views:
            etree.SubElement(folder, _q("item"), identifierRef=view.id)


def _views(root, views: list[AView]) -> None:
    diagrams = etree.SubElement(etree.SubElement(root, _q("views")), _q("diagrams"))
    for view in views:
        node = etree.SubElement(diagrams, _q("view"), identifier=view.id)
        node.set(f"{{{XSI}}}type", "Diagram")
        _text(node, "name", view.name)
        for n in view.nodes:
            item = etree.SubElement(node, _q("node"), identifier=n.id, elementRef=n.element,
                                    x=str(n.x), y=str(n.y), w=str(n.w), h=str(n.h))
            item.set(f"{{{XSI}}}type", "Element")
        for ident, rel, source, target in view.connections:
            item = etree.SubElement(node, _q("connection"), identifier=ident, relationshipRef=rel,
                                    source=source, target=target)
            item.set(f"{{{XSI}}}type", "Relationship")


def save_exchange(model: AModel, views: list[AView], path: str | os.PathLike) -> Path:
    """Write the exchange file atomically."""
    return write_atomic(path, exchange_xml(model, views))


class _LocalXml(etree.Resolver):
    """Serves ``xml.xsd`` from the schema folder instead of the W3C's web site."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        if url and url.endswith("/xml.xsd"):
            return self.resolve_filename(str(self.folder / "xml.xsd"), context)
        return None


def load_schema(folder: str | os.PathLike) -> etree.XMLSchema:
    """The exchange format's schema (``archimate3_Diagram.xsd`` and what it includes) from ``folder``."""
    folder = Path(folder)
    main = folder / "archimate3_Diagram.xsd"
    if not main.is_file():
        raise FileAccessError(str(main), "no such file: the ArchiMate 3.1 XSDs are not in that folder")
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXml(folder))
    return etree.XMLSchema(etree.parse(str(main), parser))


def validate_exchange(data: bytes, schema: etree.XMLSchema) -> list[str]:
    """Every schema error as ``LINE:COL: message`` (empty when the file is valid)."""
    doc = etree.fromstring(data, etree.XMLParser(huge_tree=True, no_network=True))
    if schema.validate(doc):
        return []
    return [f"{e.line}:{e.column}: {e.message}" for e in schema.error_log]
