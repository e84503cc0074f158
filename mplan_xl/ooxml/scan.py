"""The scan of the package before any value is read: what is refused, and what the value reader hides.

Refuses XML with a DTD and sheets too large to read; finds the cells calamine reads as empty (Excel
errors, formulas saved without a value), the Excel tables' places and each sheet's extent.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET

from ..errors import WorkbookError
from .cells import column_letter, column_number
from .package import INDEX_LIMIT, relationships, resolve, sheet_parts, tables_of

_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_ERROR_T = re.compile(rb'\bt="e"')
_VALUE = re.compile(rb"<v>(.*?)</v>", re.DOTALL)


def _special_cells(data: bytes) -> dict[str, tuple[str, str]]:
    found = {}
    for match in _CELL.finditer(data):
        cell = match.group(0)
        ref = _REF.search(cell)
        if not ref:
            continue
        value = _VALUE.search(cell)
        if _ERROR_T.search(cell.split(b">", 1)[0]):
            text = value.group(1).decode("utf-8", "replace") if value else "#N/A"
            found[ref.group(1).decode()] = ("error", text)
        elif b"<f" in cell and (not value or not value.group(1).strip()):
            found[ref.group(1).decode()] = ("formula", "")
    return found


MAX_CELLS = 3_000_000  # rows x columns of one sheet's grid: beyond that a reader would allocate gigabytes
# a row that holds a cell (an empty <row r="1048576" ht="20"/>, a height and no cell, costs a reader nothing)
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="(\d+)"[^>]*(?<!/)>\s*<(?:\w+:)?c\b')
_COL_REF = re.compile(rb'\sr="([A-Z]+)\d')


@dataclass
class PackageInfo:
    """What the value reader does not say: error and formula cells, table positions, sheet extents."""

    special: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    tables: dict[str, tuple[str, str]] = field(default_factory=dict)
    extents: dict[str, tuple[int, int]] = field(default_factory=dict)  # sheet -> (rows, columns)


def _extent(data: bytes) -> tuple[int, int]:
    """Rows and columns a dense grid of this sheet would need (an upper bound that fits, else exact)."""
    rows = max([int(r) for r in _ROW_REF.findall(data)] + [data.count(b"<row")])
    allowed = MAX_CELLS // max(rows, 1)  # the widest grid of that many rows that fits
    if allowed >= 16384:
        return rows, 16384  # even the widest possible sheet fits: no need to find its last column
    # ' r="' introduces a cell's or a row's reference (other elements say ref=), whatever the attribute order;
    # a pattern that starts with a literal space is searched fast, so the other white space is checked apart
    odd_space = b'\tr="' in data or b'\nr="' in data or b'\rr="' in data
    prefix = rb'\sr="' if odd_space else rb' r="'
    if not re.search(prefix + _columns_beyond(allowed) + rb"\d", data):
        return rows, max(allowed, 1)  # one pass: no cell lies beyond the last column allowed
    return rows, max(column_number(letters.decode()) for letters in set(_COL_REF.findall(data)))


def _columns_beyond(number: int) -> bytes:
    """A regex matching the column names after column `number` (1-based): longer names, or later ones."""
    name = column_letter(number - 1) if number else ""
    options = [f"[A-Z]{{{len(name) + 1},}}"]
    for i, letter in enumerate(name):
        if letter != "Z":
            options.append(name[:i] + f"[{chr(ord(letter) + 1)}-Z]" + "[A-Z]" * (len(name) - i - 1))
    return ("(?:" + "|".join(options) + ")").encode()


SHEET_LIMIT = 256_000_000  # bytes once inflated: a sheet or the shared strings, read whole by the scan
PROLOG = 65_536  # what is read of a part mplan never parses: enough to see a DTD in its prolog
_DTD = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype")


def _refuse_dtd(path: Path, part: str, body: bytes) -> None:
    if any(marker in body for marker in _DTD):
        raise WorkbookError(
            f"{path}: part {part} declares XML entities (a DTD), which Excel and "
            "LibreOffice never write; refusing a possibly malicious file",
            fr=f"{path} : la partie {part} déclare des entités XML (une DTD), ce qu'Excel et "
            "LibreOffice n'écrivent jamais ; fichier peut-être malveillant refusé",
        )


def _refuse_truncated(path: Path, part: str, body: bytes) -> None:
    """Refuse a part whose XML stops before its root element closes (a damaged or cut-short file)."""
    root = re.search(rb"<([A-Za-z_][\w.:-]*)", re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", body[:4096], flags=re.S))
    end = body[-512:].rstrip()
    if root is None or not (
        re.search(rb"</" + re.escape(root.group(1)) + rb"\s*>$", end) or (end.endswith(b"/>") and body.count(b"<") <= 3)
    ):
        raise WorkbookError(
            f"{path}: part {part} is damaged (its XML is cut short); open the workbook in Excel or "
            "LibreOffice, or take it from a backup",
            fr=f"{path} : la partie {part} est endommagée (son XML est tronqué) ; ouvrez le classeur dans Excel "
            "ou LibreOffice, ou reprenez une sauvegarde",
        )


def _needed(package: zipfile.ZipFile, names: set[str]) -> dict[str, int]:
    """The parts mplan (or the value reader) parses whole, each with its size limit."""
    needed = {name: INDEX_LIMIT for name in names if name.endswith(".rels")}
    needed.update({name: INDEX_LIMIT for name in ("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml")})
    needed["xl/sharedStrings.xml"] = SHEET_LIMIT
    return {name: limit for name, limit in needed.items() if name in names}


def _read(path: Path, package: zipfile.ZipFile, part: str, limit: int) -> bytes:
    if package.getinfo(part).file_size > limit:
        raise WorkbookError(
            f"{path}: part {part} inflates to {package.getinfo(part).file_size // 1_000_000} MB, more than "
            f"the {limit // 1_000_000} MB mplan reads; refusing the file",
            fr=f"{path} : la partie {part} se décompresse en {package.getinfo(part).file_size // 1_000_000} Mo, "
            f"plus que les {limit // 1_000_000} Mo que lit mplan ; fichier refusé",
        )
    body = package.read(part)
    _refuse_dtd(path, part, body)
    _refuse_truncated(path, part, body)
    return body


def scan_package(path: Path) -> PackageInfo:
    """One pass over the package before any value is read.

    Refuses XML with a DTD (entity expansion, external entities: Excel and LibreOffice never write
    one), parts cut short, relationships of the workbook pointing at missing parts, and parts larger
    than mplan reads. Finds (sheet, A1) -> ("error", "#REF!") or ("formula", "") for cells calamine
    reads as empty; Excel table name -> (sheet, range); and each sheet's extent, so that a sheet
    holding a cell at XFD1048576 is refused before a reader allocates its grid. Only sheets whose XML
    holds an error cell or a formula are scanned cell by cell. Parts mplan never parses (document
    properties, custom XML, drawings, media) are never inflated whole: only their prolog is read.
    Strict Open XML's namespaces are recognised as well as the usual (Transitional) ones.
    """
    info = PackageInfo()
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            needed = _needed(package, names)
            xml = {part: _read(path, package, part, limit) for part, limit in needed.items()}
            for member in package.infolist():
                if member.filename in needed or not member.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with package.open(member) as stream:  # the prolog only: a DTD comes before the root element
                    _refuse_dtd(path, member.filename, stream.read(PROLOG))
            if "xl/_rels/workbook.xml.rels" in xml:
                for rel in relationships(xml["xl/_rels/workbook.xml.rels"]):
                    target = resolve("xl/workbook.xml", rel.get("Target", ""))
                    if rel.get("TargetMode") != "External" and target not in names:
                        raise WorkbookError(
                            f"{path}: the workbook's relationship {rel.get('Id')} points at part {target}, "
                            "which is missing (a damaged package); save it again from Excel or LibreOffice",
                            fr=f"{path} : la relation {rel.get('Id')} du classeur désigne la partie {target}, "
                            "qui manque (paquet endommagé) ; enregistrez-le à nouveau depuis Excel ou LibreOffice",
                        )
            parts = sheet_parts(package)
            for sheet, part in parts.items():
                data = _read(path, package, part, SHEET_LIMIT)
                info.extents[sheet] = _extent(data)
                if b't="e"' not in data and b"<f>" not in data and b"<f " not in data:
                    continue  # no error and no formula cell (<formula1> of validations does not count)
                info.special.update({(sheet, ref): kind for ref, kind in _special_cells(data).items()})
            info.tables = tables_of(package, parts)
    except (zipfile.BadZipFile, KeyError, SafeET.ParseError, ValueError, EOFError, zlib.error) as exc:
        raise WorkbookError(
            f"{path}: the workbook structure is damaged ({_short(exc)}); save it again from Excel or LibreOffice",
            fr=f"{path} : la structure du classeur est endommagée ({_short(exc)}) ; "
            "enregistrez-le à nouveau depuis Excel ou LibreOffice",
        ) from exc
    return info


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
