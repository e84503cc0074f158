"""xl/styles.xml: the scratch workbook's style records appended to the user's, as text."""

from __future__ import annotations

import re
from html import unescape
from xml.sax.saxutils import quoteattr

from .package import GraftError, tag_attrs

PART = "xl/styles.xml"


class StyleMerger:
    """Appends the scratch workbook's style records to the user's styles.xml, as text.

    Records already present with identical XML are reused, so running the report again adds nothing.
    Existing records never move, so every style index the user's cells use keeps its meaning.
    """

    LISTS = (("fonts", "font"), ("fills", "fill"), ("borders", "border"), ("cellXfs", "xf"), ("dxfs", "dxf"))

    def __init__(self, user: str, scratch: str):
        if not re.search(r"<styleSheet\b", user):
            raise GraftError("xl/styles.xml is written with a namespace prefix this version cannot extend")
        self.xml = user
        self.maps: dict[str, dict[int, int]] = {}
        num_map = self._merge_numfmts(scratch)
        for block, item in self.LISTS:
            records = self._records(scratch, block, item)
            if block == "cellXfs":
                records = [self._remap_xf(r, num_map) for r in records]
            self.maps[block] = self._append(block, item, records)

    @staticmethod
    def _block(xml: str, block: str) -> re.Match[str] | None:
        return re.search(r"<" + block + r"\b[^>]*?(?:/>|>(.*?)</" + block + ">)", xml, re.S)

    def _records(self, xml: str, block: str, item: str) -> list[str]:
        found = self._block(xml, block)
        if not found or not found.group(1):
            return []
        tag = "<" + item + r"(?:\s[^>]*)?"
        return re.findall(tag + r"/>|" + tag + r">.*?</" + item + ">", found.group(1), re.S)

    def _append(self, block: str, item: str, records: list[str]) -> dict[int, int]:
        existing = self._records(self.xml, block, item)
        mapping: dict[int, int] = {}
        added: list[str] = []
        for i, record in enumerate(records):
            if record in existing:
                mapping[i] = existing.index(record)
            elif record in added:
                mapping[i] = len(existing) + added.index(record)
            else:
                mapping[i] = len(existing) + len(added)
                added.append(record)
        if not added:
            return mapping
        count = len(existing) + len(added)
        found = self._block(self.xml, block)
        if found is None:
            order = [
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
            ]
            new = f'<{block} count="{count}">{"".join(added)}</{block}>'
            for later in order[order.index(block) + 1 :]:
                position = re.search(r"<" + later + r"\b", self.xml)
                if position:
                    self.xml = self.xml[: position.start()] + new + self.xml[position.start() :]
                    return mapping
            self.xml = self.xml.replace("</styleSheet>", new + "</styleSheet>")
            return mapping
        whole = found.group(0)
        if whole.endswith("/>"):
            opening = whole[:-2] + ">"
            replacement = opening + "".join(added) + f"</{block}>"
        else:
            replacement = whole[: -len(f"</{block}>")] + "".join(added) + f"</{block}>"
        replacement = re.sub(r'count="\d+"', f'count="{count}"', replacement, count=1)
        if "count=" not in replacement.split(">", 1)[0]:
            replacement = replacement.replace(f"<{block}", f'<{block} count="{count}"', 1)
        self.xml = self.xml[: found.start()] + replacement + self.xml[found.end() :]
        return mapping

    def _merge_numfmts(self, scratch: str) -> dict[int, int]:
        numfmts = self._block(self.xml, "numFmts")
        mine = (
            {
                unescape(a["formatCode"]): int(a["numFmtId"])
                for a in (tag_attrs(t) for t in re.findall(r"<numFmt\b[^>]*/>", numfmts.group(0)))
            }
            if numfmts
            else {}
        )
        theirs = [tag_attrs(t) for t in re.findall(r"<numFmt\b[^>]*/>", scratch)]
        mapping: dict[int, int] = {}
        added: list[str] = []
        next_id = max([163, *mine.values()]) + 1
        for fmt in theirs:
            code, old_id = fmt["formatCode"], int(fmt["numFmtId"])
            if code in mine:
                mapping[old_id] = mine[code]
            else:
                mapping[old_id] = mine[code] = next_id
                added.append(f'<numFmt numFmtId="{next_id}" formatCode={quoteattr(code)}/>')
                next_id += 1
        if added:
            found = self._block(self.xml, "numFmts")
            if found is None:
                opening = re.search(r"<styleSheet\b[^>]*>", self.xml)
                if opening is None:
                    raise GraftError("xl/styles.xml has no <styleSheet>")
                start = opening.end()
                self.xml = (
                    self.xml[:start] + f'<numFmts count="{len(added)}">{"".join(added)}</numFmts>' + self.xml[start:]
                )
            else:
                count = len(re.findall(r"<numFmt\b", found.group(0))) + len(added)
                body = found.group(0)
                body = (
                    body[:-2] + ">" + "".join(added) + "</numFmts>"
                    if body.endswith("/>")
                    else body.replace("</numFmts>", "".join(added) + "</numFmts>")
                )
                body = re.sub(r'count="\d+"', f'count="{count}"', body, count=1)
                self.xml = self.xml[: found.start()] + body + self.xml[found.end() :]
        return mapping

    def _remap_xf(self, record: str, num_map: dict[int, int]) -> str:
        def sub(attr: str, mapping: dict[int, int]) -> None:
            nonlocal record
            record = re.sub(
                attr + r'="(\d+)"',
                lambda m: f'{attr}="{mapping.get(int(m.group(1)), int(m.group(1)))}"',
                record,
                count=1,
            )

        sub("numFmtId", num_map)
        sub("fontId", self.maps["fonts"])
        sub("fillId", self.maps["fills"])
        sub("borderId", self.maps["borders"])
        return re.sub(r'xfId="\d+"', 'xfId="0"', record, count=1)

    def remap_sheet(self, xml: str) -> str:
        """Rewrite a scratch sheet's style references (cells, rows, columns, conditional formats)."""
        xfs, dxfs = self.maps["cellXfs"], self.maps.get("dxfs", {})
        xml = re.sub(r'(<(?:c|row)\b[^>]*?\ss)="(\d+)"', lambda m: f'{m.group(1)}="{xfs.get(int(m.group(2)), 0)}"', xml)
        xml = re.sub(r'(<col\b[^>]*?\sstyle)="(\d+)"', lambda m: f'{m.group(1)}="{xfs.get(int(m.group(2)), 0)}"', xml)
        return re.sub(r'dxfId="(\d+)"', lambda m: f'dxfId="{dxfs.get(int(m.group(1)), 0)}"', xml)

    def result(self) -> str:
        return self.xml
