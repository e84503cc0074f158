"""File-level checks before anything is parsed: is this an xlsx package one can safely open?

check_file refuses, with one actionable line, what is not an xlsx workbook (missing, folder, empty,
legacy .xls or encrypted OLE file, CSV or HTML renamed, truncated zip, zip bomb).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from ..errors import WorkbookError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = 10_000
MAX_TOTAL = 1_000_000_000  # bytes once inflated
MAX_RATIO = 200  # inflated / compressed, per member larger than 1 MB


def check_file(path: Path) -> None:
    if not path.exists():
        raise WorkbookError(
            f"{path}: no such file; check the name and the folder",
            fr=f"{path} : ce fichier n'existe pas ; vérifiez le nom et le dossier",
        )
    if path.is_dir():
        raise WorkbookError(
            f"{path}: is a folder, not a workbook; give the path of an .xlsx file",
            fr=f"{path} : c'est un dossier, pas un classeur ; donnez le chemin d'un fichier .xlsx",
        )
    try:
        handle = path.open("rb")  # one opening for the first bytes and the zip directory
        head = handle.read(512)
    except OSError as exc:
        raise WorkbookError(
            f"{path}: cannot be read ({exc.strerror})", fr=f"{path} : lecture impossible ({exc.strerror})"
        ) from exc
    with handle:
        names = _part_names(path, handle, head)
    if path.suffix.lower() == ".ods" or "content.xml" in names and "xl/workbook.xml" not in names:
        raise WorkbookError(
            f"{path}: this is an OpenDocument spreadsheet (.ods); save it as .xlsx (File > Save as > Excel 2007-365)",
            fr=f"{path} : c'est un classeur OpenDocument (.ods) ; enregistrez-le au format .xlsx "
            "(Fichier > Enregistrer sous > Excel 2007-365)",
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookError(
            f"{path}: not an Excel workbook (no xl/workbook.xml inside); save it again as .xlsx",
            fr=f"{path} : ce n'est pas un classeur Excel (pas de xl/workbook.xml) ; enregistrez-le à nouveau en .xlsx",
        )
    if "[Content_Types].xml" not in names:
        raise WorkbookError(
            f"{path}: the package is damaged (part [Content_Types].xml is missing, Excel cannot open it); "
            "save it again from LibreOffice, or take it from a backup",
            fr=f"{path} : le fichier est endommagé (la partie [Content_Types].xml manque, Excel ne peut pas l'ouvrir) ; "
            "enregistrez-le à nouveau depuis LibreOffice, ou reprenez une sauvegarde",
        )


def _part_names(path: Path, handle: BinaryIO, head: bytes) -> set[str]:
    """The part names of the zip open as handle, after refusing what its first bytes say is no zip."""
    if not head:
        raise WorkbookError(
            f"{path}: the file is empty; open the original workbook and save it again",
            fr=f"{path} : le fichier est vide ; ouvrez le classeur d'origine et enregistrez-le à nouveau",
        )
    if head.startswith(OLE_MAGIC):
        if b"EncryptedPackage" in _ole_names(handle):
            raise WorkbookError(
                f"{path}: the workbook is password-protected (encrypted); remove the password and save it again",
                fr=f"{path} : le classeur est protégé par un mot de passe (chiffré) ; "
                "retirez le mot de passe et enregistrez-le à nouveau",
            )
        raise WorkbookError(
            f"{path}: this is a legacy .xls workbook; open it in Excel or LibreOffice and save it as .xlsx",
            fr=f"{path} : c'est un ancien classeur .xls ; ouvrez-le dans Excel ou LibreOffice "
            "et enregistrez-le au format .xlsx",
        )
    if not head.startswith(b"PK"):
        text = head.lstrip().lower()
        if text.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
            raise WorkbookError(
                f"{path}: this is a web page (HTML) renamed as a workbook; open it in Excel "
                "or LibreOffice and save it as .xlsx",
                fr=f"{path} : c'est une page web (HTML) renommée en classeur ; ouvrez-la dans Excel "
                "ou LibreOffice et enregistrez-la au format .xlsx",
            )
        raise WorkbookError(
            f"{path}: not an Excel workbook (it looks like text or CSV); open it in Excel or "
            "LibreOffice and save it as .xlsx",
            fr=f"{path} : ce n'est pas un classeur Excel (cela ressemble à du texte ou du CSV) ; "
            "ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx",
        )
    try:
        with zipfile.ZipFile(handle) as package:
            _check_members(path, package.infolist())
            return set(package.namelist())
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            f"{path}: the file is damaged or incomplete (truncated zip); save it again from Excel or LibreOffice",
            fr=f"{path} : le fichier est endommagé ou incomplet (zip tronqué) ; "
            "enregistrez-le à nouveau depuis Excel ou LibreOffice",
        ) from exc


def _ole_names(handle: BinaryIO) -> bytes:
    """Stream names of an OLE file, as UTF-16 bytes, enough to tell .xls from an encrypted package."""
    handle.seek(0)
    data = handle.read(2_000_000)
    return data.replace(b"\x00", b"")


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(
            f"{path}: the package holds {len(members)} parts; refusing a suspicious file",
            fr=f"{path} : le paquet contient {len(members)} parties ; fichier suspect refusé",
        )
    total = 0
    for info in members:
        name = info.filename
        if name.startswith("/") or ".." in name.split("/"):
            raise WorkbookError(
                f"{path}: the package holds a suspicious part name ({name[:60]}); refusing it",
                fr=f"{path} : le paquet contient un nom de partie suspect ({name[:60]}) ; fichier refusé",
            )
        total += info.file_size
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookError(
                f"{path}: part {name} inflates {info.file_size // max(info.compress_size, 1)}x "
                "(zip bomb); refusing the file",
                fr=f"{path} : la partie {name} se décompresse {info.file_size // max(info.compress_size, 1)} fois "
                "(bombe zip) ; fichier refusé",
            )
    if total > MAX_TOTAL:
        raise WorkbookError(
            f"{path}: the package inflates to {total // 1_000_000} MB; refusing the file",
            fr=f"{path} : le paquet se décompresse en {total // 1_000_000} Mo ; fichier refusé",
        )
