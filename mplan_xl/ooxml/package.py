"""The xlsx package as a zip: file-level checks before parsing, and the scan for cells calamine hides.

check_file refuses, with one actionable line, what is not an xlsx workbook (missing, folder, empty,
legacy .xls or encrypted OLE file, CSV or HTML renamed, truncated zip, zip bomb).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET

from .cells import column_letter, column_number
from ..errors import WorkbookError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = 10_000
MAX_TOTAL = 1_000_000_000  # bytes once inflated
MAX_RATIO = 200  # inflated / compressed, per member larger than 1 MB
NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def check_file(path: Path) -> None:
    if not path.exists():
        raise WorkbookError(f"{path}: no such file; check the name and the folder")
    if path.is_dir():
        raise WorkbookError(f"{path}: is a folder, not a workbook; give the path of an .xlsx file")
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise WorkbookError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not head:
        raise WorkbookError(f"{path}: the file is empty; open the original workbook and save it again")
    if head.startswith(OLE_MAGIC):
        if b"EncryptedPackage" in _ole_names(path):
            raise WorkbookError(
                f"{path}: the workbook is password-protected (encrypted); remove the password and save it again"
            )
        raise WorkbookError(
            f"{path}: this is a legacy .xls workbook; open it in Excel or LibreOffice and save it as .xlsx"
        )
    if not head.startswith(b"PK"):
        text = head.lstrip().lower()
        if text.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
            raise WorkbookError(
                f"{path}: this is a web page (HTML) renamed as a workbook; open it in Excel "
                "or LibreOffice and save it as .xlsx"
            )
        raise WorkbookError(
            f"{path}: not an Excel workbook (it looks like text or CSV); open it in Excel or "
            "LibreOffice and save it as .xlsx"
        )
    try:
        with zipfile.ZipFile(path) as package:
            _check_members(path, package.infolist())
            names = set(package.namelist())
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            f"{path}: the file is damaged or incomplete (truncated zip); save it again from Excel or LibreOffice"
        ) from exc
    if path.suffix.lower() == ".ods" or "content.xml" in names and "xl/workbook.xml" not in names:
        raise WorkbookError(
            f"{path}: this is an OpenDocument spreadsheet (.ods); save it as .xlsx (File > Save as > Excel 2007-365)"
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookError(f"{path}: not an Excel workbook (no xl/workbook.xml inside); save it again as .xlsx")


def _ole_names(path: Path) -> bytes:
    """Stream names of an OLE file, as UTF-16 bytes, enough to tell .xls from an encrypted package."""
    data = path.read_bytes()[:2_000_000]
    return data.replace(b"\x00", b"")


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(f"{path}: the package holds {len(members)} parts; refusing a suspicious file")
    total = 0
    for info in members:
        name = info.filename
        if name.startswith("/") or ".." in name.split("/"):
            raise WorkbookError(f"{path}: the package holds a suspicious part name ({name[:60]}); refusing it")
        total += info.file_size
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookError(
                f"{path}: part {name} inflates {info.file_size // max(info.compress_size, 1)}x "
                "(zip bomb); refusing the file"
            )
    if total > MAX_TOTAL:
        raise WorkbookError(f"{path}: the package inflates to {total // 1_000_000} MB; refusing the file")


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name inside the package."""
    workbook = SafeET.fromstring(package.read("xl/workbook.xml"))
    rels_xml = (
        package.read("xl/_rels/workbook.xml.rels")
        if "xl/_rels/workbook.xml.rels" in package.namelist()
        else b"<Relationships/>"
    )
    rels = {r.get("Id"): r.get("Target") for r in SafeET.fromstring(rels_xml)}
    parts = {}
    for sheet in workbook.iter(f"{{{NS['m']}}}sheet"):
        target = rels.get(sheet.get(f"{{{NS['r']}}}id"), "")
        if target:
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            parts[sheet.get("name")] = target
    return parts


_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_ERROR_T = re.compile(rb'\bt="e"')
_VALUE = re.compile(rb"<v>(.*?)</v>", re.DOTALL)


def tables_of(package: zipfile.ZipFile, parts: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Excel table name -> (sheet name, A1:B2 range), read from the small table parts."""
    names = set(package.namelist())
    found = {}
    for sheet, part in parts.items():
        folder, file = posixpath.split(part)
        rels_part = f"{folder}/_rels/{file}.rels"
        if rels_part not in names:
            continue
        for rel in SafeET.fromstring(package.read(rels_part)):
            if not (rel.get("Type") or "").endswith("/table"):
                continue
            target = rel.get("Target") or ""
            target = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
            if target not in names:
                continue
            table = SafeET.fromstring(package.read(target))
            name, ref = table.get("displayName") or table.get("name"), table.get("ref")
            if name and ref:
                found[name] = (sheet, ref)
    return found


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
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
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


def scan_package(path: Path) -> PackageInfo:
    """One pass over the package before any value is read.

    Refuses XML with a DTD (entity expansion, external entities: Excel and LibreOffice never write
    one). Finds (sheet, A1) -> ("error", "#REF!") or ("formula", "") for cells calamine reads as
    empty; Excel table name -> (sheet, range); and each sheet's extent, so that a sheet holding a cell
    at XFD1048576 is refused before a reader allocates its grid. Only sheets whose XML holds an error
    cell or a formula are scanned cell by cell.
    """
    info = PackageInfo()
    try:
        with zipfile.ZipFile(path) as package:
            xml: dict[str, bytes] = {}
            for member in package.infolist():
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    body = xml[member.filename] = package.read(member.filename)
                    if b"<!DOCTYPE" in body or b"<!ENTITY" in body or b"<!doctype" in body:
                        raise WorkbookError(
                            f"{path}: part {member.filename} declares XML entities (a DTD), which Excel and "
                            "LibreOffice never write; refusing a possibly malicious file"
                        )
            parts = sheet_parts(package)
            for sheet, part in parts.items():
                if part not in xml:
                    continue
                data = xml[part]
                info.extents[sheet] = _extent(data)
                if b't="e"' not in data and b"<f>" not in data and b"<f " not in data:
                    continue  # no error and no formula cell (<formula1> of validations does not count)
                info.special.update({(sheet, ref): kind for ref, kind in _special_cells(data).items()})
            info.tables = tables_of(package, parts)
    except (zipfile.BadZipFile, KeyError, SafeET.ParseError, ValueError, EOFError, zlib.error) as exc:
        raise WorkbookError(
            f"{path}: the workbook structure is damaged ({_short(exc)}); save it again from Excel or LibreOffice"
        ) from exc
    return info


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
