#!/usr/bin/env python3
"""Builds the hostile and broken workbook corpus (nothing binary is committed: this script makes it).

Usage: python tests/corpus/make_corpus.py OUTDIR [SECRET_FILE]
SECRET_FILE is a local file whose content must never appear in any output (the XXE target).
Each file is named after what is wrong with it.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"
INJECTIONS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "=1+1", "\t=cmd"]


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_parts(target: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)


def variant(out: Path, name: str, change) -> None:
    parts = parts_of(SAMPLE)
    change(parts)
    write_parts(out / name, parts)


def billion_laughs(root: str) -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i > 1 else "") * 10}">' for i in range(1, 10)
    )
    return (
        (f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]>').encode()
        + f'<{root} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></{root}>'.encode()
    )


def build(out: Path, secret: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    data = SAMPLE.read_bytes()
    (out / "empty.xlsx").write_bytes(b"")
    (out / "plain_text.xlsx").write_text("Ceci n'est pas un classeur.\n", encoding="utf-8")
    (out / "csv_renamed.xlsx").write_text("ID;Action;Coût\nA1;Salon;3000\n", encoding="utf-8")
    (out / "html_renamed.xlsx").write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    for cut in (10, 100, 1000, len(data) // 2, len(data) - 10):
        (out / f"truncated_at_{cut}.xlsx").write_bytes(data[:cut])
    variant(out, "missing_content_types.xlsx", lambda p: p.pop("[Content_Types].xml"))
    variant(out, "missing_workbook.xlsx", lambda p: p.pop("xl/workbook.xml"))
    variant(
        out,
        "malformed_sheet_xml.xlsx",
        lambda p: p.__setitem__("xl/worksheets/sheet8.xml", p["xl/worksheets/sheet8.xml"][:3000] + b"<<garbage"),
    )
    variant(out, "malformed_workbook_xml.xlsx", lambda p: p.__setitem__("xl/workbook.xml", p["xl/workbook.xml"][:200]))
    variant(
        out,
        "wrong_relationship_target.xlsx",
        lambda p: p.__setitem__(
            "xl/_rels/workbook.xml.rels",
            p["xl/_rels/workbook.xml.rels"].replace(b"worksheets/sheet8.xml", b"worksheets/nothere.xml"),
        ),
    )
    variant(
        out,
        "billion_laughs_shared_strings.xlsx",
        lambda p: p.__setitem__("xl/sharedStrings.xml", billion_laughs("sst")),
    )
    variant(
        out,
        "billion_laughs_workbook.xlsx",
        lambda p: p.__setitem__(
            "xl/workbook.xml",
            p["xl/workbook.xml"].replace(
                b"<workbook ",
                b'<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><workbook ',
                1,
            ),
        ),
    )
    xxe = f'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
    variant(
        out,
        "xxe_shared_strings.xlsx",
        lambda p: p.__setitem__(
            "xl/sharedStrings.xml",
            p["xl/sharedStrings.xml"]
            .replace(b"<sst ", xxe + b"<sst ", 1)
            .replace(b"<t>Maison Caracole</t>", b"<t>&xxe;</t>"),
        ),
    )
    variant(
        out,
        "xxe_sheet.xlsx",
        lambda p: p.__setitem__(
            "xl/worksheets/sheet2.xml",
            p["xl/worksheets/sheet2.xml"].replace(
                b"<worksheet ", f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://{secret}">]><worksheet '.encode(), 1
            ),
        ),
    )
    variant(
        out,
        "xxe_rels.xlsx",
        lambda p: p.__setitem__(
            "xl/_rels/workbook.xml.rels",
            p["xl/_rels/workbook.xml.rels"].replace(
                b"<Relationships ", f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]><Relationships '.encode(), 1
            ),
        ),
    )
    with zipfile.ZipFile(out / "zip_bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts_of(SAMPLE).items():
            archive.writestr(name, body)
        with archive.open("xl/media/bomb.bin", "w") as bomb:  # 1.1 GB of zeros, about 1 MB compressed
            chunk = b"\0" * (1 << 24)
            for _ in range(66):
                bomb.write(chunk)
    with zipfile.ZipFile(out / "path_traversal.xlsx", "w") as archive:
        for name, body in parts_of(SAMPLE).items():
            archive.writestr(name, body)
        archive.writestr("../../evil.txt", b"outside")
    with zipfile.ZipFile(out / "many_members.xlsx", "w") as archive:
        for name, body in parts_of(SAMPLE).items():
            archive.writestr(name, body)
        for i in range(12000):
            archive.writestr(f"xl/junk/{i}.xml", b"<x/>")
    from msoffcrypto.format.ooxml import OOXMLFile

    with SAMPLE.open("rb") as source, (out / "password_protected.xlsx").open("wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    import xlwt

    book = xlwt.Workbook()
    book.add_sheet("Plan").write(0, 0, "Objectif")
    book.save(str(out / "legacy.xls"))
    (out / "legacy_renamed.xlsx").write_bytes((out / "legacy.xls").read_bytes())
    with zipfile.ZipFile(out / "opendocument.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    variant(
        out,
        "dimension_lie.xlsx",
        lambda p: p.__setitem__(
            "xl/worksheets/sheet8.xml",
            p["xl/worksheets/sheet8.xml"].replace(b'<dimension ref="A1:N30"/>', b'<dimension ref="A1:XFD1048576"/>'),
        ),
    )
    variant(
        out,
        "far_cell.xlsx",
        lambda p: p.__setitem__(
            "xl/worksheets/sheet3.xml",
            p["xl/worksheets/sheet3.xml"].replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
            ),
        ),
    )
    variant(
        out,
        "million_rows_one_column.xlsx",
        lambda p: p.__setitem__(
            "xl/worksheets/sheet1.xml",
            p["xl/worksheets/sheet1.xml"].replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
            ),
        ),
    )
    variant(
        out,
        "external_link_formulas.xlsx",
        lambda p: p.__setitem__(
            "xl/worksheets/sheet8.xml",
            p["xl/worksheets/sheet8.xml"]
            .replace(b'<c r="H5" s=', b'<c r="H5" s=', 1)
            .replace(b"</sheetData>", b"</sheetData>")
            .replace(b'<c r="I5"', b'<c r="Z5"><f>[other.xlsx]Sheet1!A1</f><v>12</v></c><c r="I5"', 1),
        ),
    )
    variant(
        out,
        "duplicate_sheet_parts.xlsx",
        lambda p: p.__setitem__("xl/workbook.xml", p["xl/workbook.xml"].replace(b'r:id="rId9"', b'r:id="rId8"', 1)),
    )
    _workbook_variants(out)
    return sorted(out.iterdir())


def _workbook_variants(out: Path) -> None:
    """Files a program or a user makes: injection strings, huge cells, wide sheets, odd sheet names."""
    import openpyxl

    from mplan_xl.template import write_workbook
    from mplan_xl.template.example import example_content

    content = example_content("fr", date(2027, 1, 1), date(2027, 12, 31))
    for rows in content.rows.values():
        for i, row in enumerate(rows):
            for key, value in list(row.items()):
                if isinstance(value, (str, tuple)) and key not in (
                    "id",
                    "action",
                    "objective",
                    "channel",
                    "name",
                    "member",
                    "type",
                    "factor",
                    "category",
                    "status",
                    "priority",
                    "pillar",
                    "stance",
                    "impact",
                ):
                    row[key] = INJECTIONS[i % len(INJECTIONS)]
    write_workbook(out / "injection_in_every_text_column.xlsx", content, "fr", force=True)
    wb = openpyxl.load_workbook(SAMPLE)
    wb["6 Actions"]["C5"] = "é" * 32767
    wb["6 Actions"]["C5"].data_type = "s"
    wb.save(out / "cell_of_32767_characters.xlsx")
    wb = openpyxl.load_workbook(SAMPLE)
    notes = wb.create_sheet("Très large")
    for col in range(1, 16385, 7):
        notes.cell(1, col).value = col
    notes.cell(1, 16384).value = "XFD"
    wb.save(out / "sheet_of_16384_columns.xlsx")
    wb = openpyxl.load_workbook(SAMPLE)
    for title, new in (
        ("6 Actions", "Actions 'été' (2027)"),
        ("7 Planning", "Plan & « calendrier » 日程"),
        ("1 Objectifs", "Obj's"),
    ):
        wb[title].title = new
    wb.save(out / "odd_sheet_names.xlsx")
    wb = openpyxl.load_workbook(SAMPLE)  # issue 13: values a workbook can hold that overflow arithmetic
    wb["1 Objectifs"]["G5"] = datetime(9999, 12, 31)
    wb["6 Actions"]["H5"] = 1e308
    wb["6 Actions"]["H6"] = 1e308
    wb["6 Actions"]["H7"] = "9" * 400
    wb["6 Actions"]["C5"] = "_x001B_]0;title_x0007__x001B_[2J=WEBSERVICE(A3)"
    wb.save(out / "extreme_values_and_controls.xlsx")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Rien à voir avec un plan"
    wb.save(out / "unrelated_workbook.xlsx")
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    (out / "blank_openpyxl_workbook.xlsx").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    target = Path(sys.argv[1])
    secret = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/etc/hostname")
    files = build(target, secret)
    print(f"{len(files)} files in {target}")
