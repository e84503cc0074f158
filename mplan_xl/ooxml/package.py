"""The package (the zip of an xlsx file): opened once, its parts, their relationships, sheets and tables.

A `Package` holds one open handle on the file for as long as a command works on it: the parts it reads,
the parts copied as stored and the verification's comparison all come from that one opening.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from html import unescape
from pathlib import Path
from types import TracebackType
from typing import Any

from defusedxml import ElementTree as SafeET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
STRICT_NS = {  # Strict Open XML ("Strict Open XML Spreadsheet"): same parts, other namespaces
    "m": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
INDEX_LIMIT = 64_000_000  # bytes once inflated: a part mplan parses whole (workbook, relationships, styles, …)


class GraftError(Exception):
    """The user's package has a shape this code does not know how to extend safely.

    `GraftError(english, fr=french)`: the reason, shown inside the report's one-line refusal."""

    def __init__(self, message: str, *, fr: str | None = None):
        super().__init__(message)
        self.fr = fr or message


def tag_attrs(tag: str) -> dict[str, str]:
    """The attributes of one XML start tag, read as text."""
    return {k: unescape(v) for k, v in re.findall(r'([\w:]+)="([^"]*)"', tag)}


def rels_name(part: str) -> str:
    """The relationship part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels."""
    folder, name = posixpath.split(part)
    return f"{folder}/_rels/{name}.rels"


def resolve(base_part: str, target: str) -> str:
    """The part a relationship of base_part points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def relationships(xml: bytes) -> list[dict[str, str]]:
    return [dict(r.attrib) for r in SafeET.fromstring(xml) if r.tag.endswith("Relationship")]


class Package:
    """The user's package, opened once: parts in their original order with their zip metadata.

    Parts are read (inflated) on first use and kept; the sheets and media a command does not need stay
    unread. Use as a context manager, or close() it.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.generated_sheets: tuple[list[dict[str, str]], set[str]] | None = None  # graft.generated, once
        self.handle = open(self.path, "rb")
        try:
            self.zip = zipfile.ZipFile(self.handle)
        except BaseException:
            self.handle.close()
            raise
        self.infos = self.zip.infolist()
        self.names = dict.fromkeys(info.filename for info in self.infos)  # in order, each name once
        self._read: dict[str, bytes] = {}
        self._top_rows: dict[str, list[list[object]]] = {}
        self._values: Any = None  # the python-calamine workbook, opened on first use

    def __enter__(self) -> Package:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.zip.close()
        self.handle.close()

    def __contains__(self, part: str) -> bool:
        return part in self.names

    def namelist(self) -> list[str]:
        return list(self.names)

    def read(self, part: str, limit: int = INDEX_LIMIT) -> bytes:
        """A part, inflated (once); a part larger than limit once inflated is refused, never inflated."""
        body = self._read.get(part)
        if body is None:
            if part not in self.names:
                raise KeyError(part)
            if self.zip.getinfo(part).file_size > limit:
                raise GraftError(
                    f"part {part} is larger than {limit // 1_000_000} MB",
                    fr=f"la partie {part} dépasse {limit // 1_000_000} Mo",
                )
            body = self._read[part] = self.zip.read(part)
        return body

    def text(self, part: str) -> str:
        return self.read(part).decode("utf-8")

    def top_rows(self, sheet: str) -> list[list[object]]:
        """A sheet's first two rows (where the report keeps its proof, note and snapshot) as python-calamine
        reads their cached values, laid out from A1 (rows and
        columns the sheet's used range does not start with are padded with None). The workbook is opened
        once per package and each sheet read once; an unreadable sheet gives no rows."""
        if sheet not in self._top_rows:
            import python_calamine as pc

            try:
                if self._values is None:
                    self._values = pc.CalamineWorkbook.from_path(str(self.path))
                data = self._values.get_sheet_by_name(sheet)
                top, left = data.start or (0, 0)
                rows: list[list[object]] = [[] for _ in range(min(top, 2))]
                for line in data.iter_rows():
                    if len(rows) >= 2:
                        break
                    rows.append([None] * left + list(line))
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:  # calamine raises various types, a Rust panic included
                rows = []
            self._top_rows[sheet] = rows
        return self._top_rows[sheet]

    def reachable(self, roots: list[str]) -> set[str]:
        """Parts reachable from roots through their relationship parts (internal targets only)."""
        seen, todo = set(), list(roots)
        while todo:
            part = todo.pop()
            if part in seen or part not in self:
                continue
            seen.add(part)
            rels = rels_name(part)
            if rels in self:
                seen.add(rels)
                for rel in relationships(self.read(rels)):
                    if rel.get("TargetMode") != "External":
                        todo.append(resolve(part, rel.get("Target", "")))
        return seen


def sheet_parts(package: Package | zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name inside the package (a zipfile.ZipFile or a Package)."""
    workbook = SafeET.fromstring(package.read("xl/workbook.xml"))
    rels_xml = (
        package.read("xl/_rels/workbook.xml.rels")
        if "xl/_rels/workbook.xml.rels" in package.namelist()
        else b"<Relationships/>"
    )
    rels = {r.get("Id"): r.get("Target") for r in SafeET.fromstring(rels_xml)}
    parts = {}
    for m, r in ((NS["m"], NS["r"]), (STRICT_NS["m"], STRICT_NS["r"])):
        for sheet in workbook.iter(f"{{{m}}}sheet"):
            target = rels.get(sheet.get(f"{{{r}}}id"), "")
            if target:
                parts[sheet.get("name")] = resolve("xl/workbook.xml", target)
    return parts


def tables_of(package: Package | zipfile.ZipFile, parts: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Excel table name -> (sheet name, A1:B2 range), read from the small table parts."""
    names = set(package.namelist())
    found = {}
    for sheet, part in parts.items():
        rels_part = rels_name(part)
        if rels_part not in names:
            continue
        for rel in SafeET.fromstring(package.read(rels_part)):
            if not (rel.get("Type") or "").endswith("/table"):
                continue
            target = resolve(part, rel.get("Target") or "")
            if target not in names:
                continue
            table = SafeET.fromstring(package.read(target))
            name, ref = table.get("displayName") or table.get("name"), table.get("ref")
            if name and ref:
                found[name] = (sheet, ref)
    return found
