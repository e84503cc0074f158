"""[Content_Types].xml: the content type of every part, by extension (Default) or by name (Override)."""

from __future__ import annotations

import re

from .package import tag_attrs

PART = "[Content_Types].xml"


def edit(xml: str, deleted: set[str], copied: dict[str, str], scratch_xml: str) -> str:
    """Drop the overrides of deleted parts; add the scratch's content types for the copied parts.

    copied maps each new part name to the scratch part it was copied from.
    """
    for part in deleted:
        xml = re.sub(r'<Override\b[^>]*PartName="/' + re.escape(part) + r'"[^>]*/>', "", xml)
    overrides = {
        tag_attrs(t)["PartName"].lstrip("/"): tag_attrs(t)["ContentType"]
        for t in re.findall(r"<Override\b[^>]*/>", scratch_xml)
    }
    defaults = {
        tag_attrs(t)["Extension"].lower(): tag_attrs(t)["ContentType"]
        for t in re.findall(r"<Default\b[^>]*/>", scratch_xml)
    }
    mine = {tag_attrs(t)["Extension"].lower() for t in re.findall(r"<Default\b[^>]*/>", xml)}
    added = []
    for new, old in copied.items():
        if old in overrides:
            added.append(f'<Override PartName="/{new}" ContentType="{overrides[old]}"/>')
        else:
            extension = new.rsplit(".", 1)[-1].lower()
            if extension not in mine and extension in defaults:
                mine.add(extension)
                added.insert(0, f'<Default Extension="{extension}" ContentType="{defaults[extension]}"/>')
    return xml.replace("</Types>", "".join(added) + "</Types>")
