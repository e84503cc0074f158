"""xl/_rels/workbook.xml.rels: the workbook's relationships, one per sheet among others, edited as XML."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

from . import xmltree
from .package import NS, relationships

PART = "xl/_rels/workbook.xml.rels"
WORKSHEET_TYPE = NS["r"] + "/worksheet"


def by_id(xml: bytes) -> dict[str, dict[str, str]]:
    """Relationship id -> its attributes."""
    return {r["Id"]: r for r in relationships(xml) if "Id" in r}


def new_ids(rels: dict[str, dict[str, str]], freed: set[str], count: int) -> list[str]:
    """count ids of the form rIdMplanN that no kept relationship uses (the freed ones may be reused)."""
    ids, n = [], 1
    for _ in range(count):
        while f"rIdMplan{n}" in rels and f"rIdMplan{n}" not in freed:
            n += 1
        ids.append(f"rIdMplan{n}")
        n += 1
    return ids


def worksheet(rid: str, part: str) -> tuple[str, str, str]:
    """The relationship (id, type, target) from the workbook to the sheet part `part` (a name in the package)."""
    return rid, WORKSHEET_TYPE, posixpath.relpath(part, "xl")


def edit(xml: bytes, old_rids: set[str], new: list[tuple[str, str, str]]) -> bytes:
    """Drop the relationships old_rids name and append new ones (id, type, target)."""
    doc = xmltree.parse(xml)
    root = doc.root
    for rel in list(root):
        if xmltree.local(rel.tag) == "Relationship" and rel.get("Id") in old_rids:
            root.remove(rel)
    namespace = xmltree.namespace(root.tag)
    for rid, kind, target in new:
        ET.SubElement(root, f"{{{namespace}}}Relationship", {"Id": rid, "Type": kind, "Target": target})
    return doc.serialise()
