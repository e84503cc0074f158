"""xl/styles.xml: the scratch workbook's style records appended to the user's, edited as XML."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET

from . import xmltree
from .package import GraftError

PART = "xl/styles.xml"

# CT_Stylesheet's children in schema order: a block the user's part lacks is inserted before the next one
ORDER = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
)


class StyleMerger:
    """Appends the scratch workbook's style records to the user's styles.xml.

    Both parts are parsed as XML (any prefix, any quoting); records already present with the same XML
    infoset are reused, so running the report again adds nothing. Existing records never move, so every
    style index the user's cells use keeps its meaning.
    """

    LISTS = (("fonts", "font"), ("fills", "fill"), ("borders", "border"), ("cellXfs", "xf"), ("dxfs", "dxf"))

    def __init__(self, user: bytes, scratch: bytes):
        self.doc = xmltree.parse(user)
        if xmltree.local(self.doc.root.tag) != "styleSheet":
            raise GraftError("xl/styles.xml holds no <styleSheet>", fr="xl/styles.xml ne contient pas de <styleSheet>")
        self.namespace = xmltree.namespace(self.doc.root.tag)
        theirs = xmltree.parse(scratch).root
        self.scratch_namespace = xmltree.namespace(theirs.tag)
        self.maps: dict[str, dict[int, int]] = {}
        num_map = self._merge_numfmts(theirs)
        for block, item in self.LISTS:
            found = xmltree.child(theirs, block)
            records = (
                [self._retag(copy.deepcopy(r)) for r in xmltree.children(found, item)] if found is not None else []
            )
            if block == "cellXfs":
                records = [self._remap_xf(r, num_map) for r in records]
            self.maps[block] = self._append(block, item, records)

    def _retag(self, element: ET.Element) -> ET.Element:
        """Put a scratch record into the user's main namespace (its other namespaces stay)."""
        for item in element.iter():
            if isinstance(item.tag, str) and xmltree.namespace(item.tag) == self.scratch_namespace:
                item.tag = f"{{{self.namespace}}}{xmltree.local(item.tag)}"
        return element

    def _block(self, block: str) -> ET.Element | None:
        return xmltree.child(self.doc.root, block)

    def _new_block(self, block: str) -> ET.Element:
        """The block, created (empty, in its place in the schema's order) if the part has none."""
        found = self._block(block)
        if found is None:
            root = self.doc.root
            found = ET.Element(f"{{{self.namespace}}}{block}")
            later = ORDER[ORDER.index(block) + 1 :]
            position = next((i for i, c in enumerate(root) if xmltree.local(c.tag) in later), len(root))
            root.insert(position, found)
        return found

    @staticmethod
    def _count(block: ET.Element, item: str) -> None:
        block.set("count", str(len(xmltree.children(block, item))))

    def _append(self, block: str, item: str, records: list[ET.Element]) -> dict[int, int]:
        found = self._block(block)
        existing = [xmltree.canonical(r) for r in xmltree.children(found, item)] if found is not None else []
        mapping: dict[int, int] = {}
        added: list[ET.Element] = []
        added_keys: list[xmltree.Canonical] = []
        for i, record in enumerate(records):
            key = xmltree.canonical(record)
            if key in existing:
                mapping[i] = existing.index(key)
            elif key in added_keys:
                mapping[i] = len(existing) + added_keys.index(key)
            else:
                mapping[i] = len(existing) + len(added)
                added.append(record)
                added_keys.append(key)
        if added:
            found = self._new_block(block)
            had_count = found.get("count") is not None or not existing
            found.extend(added)
            if had_count:
                self._count(found, item)
        return mapping

    def _merge_numfmts(self, scratch: ET.Element) -> dict[int, int]:
        found = self._block("numFmts")
        mine: dict[str, int] = {}
        for fmt in xmltree.children(found, "numFmt") if found is not None else []:
            try:
                mine.setdefault(fmt.get("formatCode") or "", int(fmt.get("numFmtId") or ""))
            except ValueError as exc:
                raise GraftError(
                    f"xl/styles.xml has a number format with the id {fmt.get('numFmtId')!r}",
                    fr=f"xl/styles.xml a un format de nombre d'identifiant {fmt.get('numFmtId')!r}",
                ) from exc
        theirs_block = xmltree.child(scratch, "numFmts")
        theirs = xmltree.children(theirs_block, "numFmt") if theirs_block is not None else []
        mapping: dict[int, int] = {}
        added: list[ET.Element] = []
        next_id = max([163, *mine.values()]) + 1
        for fmt in theirs:
            code, old_id = fmt.get("formatCode") or "", int(fmt.get("numFmtId") or "0")
            if code in mine:
                mapping[old_id] = mine[code]
            else:
                mapping[old_id] = mine[code] = next_id
                added.append(ET.Element(f"{{{self.namespace}}}numFmt", {"numFmtId": str(next_id), "formatCode": code}))
                next_id += 1
        if added:
            block = self._new_block("numFmts")
            block.extend(added)
            self._count(block, "numFmt")
        return mapping

    def _remap_xf(self, record: ET.Element, num_map: dict[int, int]) -> ET.Element:
        for attribute, mapping in (
            ("numFmtId", num_map),
            ("fontId", self.maps["fonts"]),
            ("fillId", self.maps["fills"]),
            ("borderId", self.maps["borders"]),
        ):
            value = record.get(attribute)
            if value is not None:
                record.set(attribute, str(mapping.get(int(value), int(value))))
        if record.get("xfId") is not None:
            record.set("xfId", "0")
        return record

    def remap_sheet(self, xml: str) -> str:
        """Rewrite a scratch sheet's style references (cells, rows, columns, conditional formats).

        The scratch sheets are XlsxWriter's, in its one layout: their attributes are read as text.
        """
        xfs, dxfs = self.maps["cellXfs"], self.maps.get("dxfs", {})
        xml = re.sub(r'(<(?:c|row)\b[^>]*?\ss)="(\d+)"', lambda m: f'{m.group(1)}="{xfs.get(int(m.group(2)), 0)}"', xml)
        xml = re.sub(r'(<col\b[^>]*?\sstyle)="(\d+)"', lambda m: f'{m.group(1)}="{xfs.get(int(m.group(2)), 0)}"', xml)
        return re.sub(r'dxfId="(\d+)"', lambda m: f'dxfId="{dxfs.get(int(m.group(1)), 0)}"', xml)

    def result(self) -> bytes:
        return self.doc.serialise()
