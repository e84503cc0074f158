"""[Content_Types].xml: the content type of every part, by extension (Default) or by name (Override).

Edited as XML (`xmltree`): the deleted parts' overrides go, the copied parts' types are added.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import xmltree

PART = "[Content_Types].xml"


def types(xml: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """(part name -> content type of its Override, extension -> content type of its Default)."""
    root = xmltree.parse(xml).root
    overrides = {
        (o.get("PartName") or "").lstrip("/"): o.get("ContentType") or "" for o in xmltree.children(root, "Override")
    }
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or "" for d in xmltree.children(root, "Default")
    }
    return overrides, defaults


def content_type(xml: bytes, part: str) -> str | None:
    """The content type of part, or None when the package does not declare one."""
    overrides, defaults = types(xml)
    return overrides.get(part, defaults.get(part.rsplit(".", 1)[-1].lower()))


def edit(xml: bytes, deleted: set[str], copied: dict[str, str], scratch_xml: bytes) -> bytes:
    """Drop the overrides of deleted parts; add the scratch's content types for the copied parts.

    copied maps each new part name to the scratch part it was copied from.
    """
    doc = xmltree.parse(xml)
    root = doc.root
    namespace = xmltree.namespace(root.tag)
    for override in xmltree.children(root, "Override"):
        if (override.get("PartName") or "").lstrip("/") in deleted:
            root.remove(override)
    overrides, defaults = types(scratch_xml)
    mine = {(d.get("Extension") or "").lower() for d in xmltree.children(root, "Default")}
    first_override = next((i for i, c in enumerate(root) if xmltree.local(c.tag) == "Override"), len(root))
    for new, old in copied.items():
        if old in overrides:
            ET.SubElement(root, f"{{{namespace}}}Override", {"PartName": "/" + new, "ContentType": overrides[old]})
        else:
            extension = new.rsplit(".", 1)[-1].lower()
            if extension not in mine and extension in defaults:
                mine.add(extension)
                default = ET.Element(
                    f"{{{namespace}}}Default", {"Extension": extension, "ContentType": defaults[extension]}
                )
                root.insert(first_override, default)  # the schema lists the Defaults first
                first_override += 1
    return doc.serialise()
