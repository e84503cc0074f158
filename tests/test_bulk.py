"""The two writers under the report's speed: Bulk (rows as XML) and RawZipWriter (parts copied as stored)."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
import python_calamine as pc
import xlsxwriter

from mplan_xl.ooxml.bulk import Bulk
from mplan_xl.ooxml.rawzip import RawZipWriter, stored_bytes

TEXTS = [
    "<r><t>x</t></r>",  # XlsxWriter writes such a string as raw rich-text markup; Bulk escapes it
    '</t></is></c><c r="A1"><f>1+1</f></c>',
    "a & b < c > d",
    " leading space",
    "trailing space ",
    "bell\x07",
    "_x0041_",
    'q"uote',
    "é ★ 日本",
]


def _sheet_with_bulk(path):
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("S")
    bold, money = workbook.add_format({"bold": True}), workbook.add_format({"num_format": "#,##0.00"})
    sheet.write_string(0, 0, "head", bold)
    bulk = Bulk(2)
    for i, text in enumerate(TEXTS):
        bulk.write_string(2 + i, 0, text, bold)
    bulk.write_number(2, 1, 1234.5, money)
    bulk.write_number(3, 1, 7)
    bulk.write_blank(4, 2, None, bold)
    bulk.write_blank(4, 3)  # no format: no cell, as in XlsxWriter
    bulk.write_url(5, 3, "internal:'S'!A1", bold, "A1")
    bulk.set_row(6, 40)
    bulk.register(lambda cell_format: cell_format._get_xf_index())
    workbook.close()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = bulk.inject(sheet_xml, {i: i for i in range(50)}).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return path


def test_bulk_rows_read_back_exactly_and_markup_stays_text(tmp_path):
    path = _sheet_with_bulk(tmp_path / "bulk.xlsx")
    grid = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S").to_python(skip_empty_area=False)
    assert [row[0] for row in grid[2 : 2 + len(TEXTS)]] == TEXTS
    sheet = openpyxl.load_workbook(path)["S"]
    assert sheet["B3"].value == 1234.5 and sheet["B3"].number_format == "#,##0.00"
    assert sheet["B4"].value == 7
    assert sheet["A3"].font.b and sheet["C5"].font.b and sheet["C5"].value is None
    assert sheet["D6"].hyperlink.location == "'S'!A1" and sheet["D6"].value == "A1"
    assert sheet.row_dimensions[7].height == 40
    assert sheet.dimensions == f"A1:D{2 + len(TEXTS)}"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_bulk_refuses_rows_above_its_first_and_links_outside_the_workbook():
    bulk = Bulk(5)
    with pytest.raises(ValueError):
        bulk.write_string(2, 0, "above")
    with pytest.raises(ValueError):
        bulk.write_url(6, 0, "https://example.com", None, "x")
    with pytest.raises(ValueError):
        bulk.write_number(6, 0, float("nan"))


def test_raw_copy_keeps_every_member_and_its_metadata(tmp_path):
    source = tmp_path / "source.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr(zipfile.ZipInfo("stored.xml", (2020, 5, 17, 10, 30, 4)), b"<a/>" * 100)
        info = zipfile.ZipInfo("dossier/données.xml", (2021, 1, 2, 3, 4, 6))
        info.external_attr = 0o644 << 16
        archive.writestr(info, "é".encode() * 5000, zipfile.ZIP_DEFLATED)
        archive.writestr("empty.bin", b"", zipfile.ZIP_DEFLATED)
    copy = tmp_path / "copy.zip"
    with open(source, "rb") as handle, zipfile.ZipFile(source) as archive, RawZipWriter(copy) as out:
        for info in archive.infolist():
            out.copy(handle, info)
        out.write("added.xml", b"<new/>" * 1000)
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(copy) as after:
        assert after.testzip() is None
        assert after.namelist() == before.namelist() + ["added.xml"]
        assert after.read("added.xml") == b"<new/>" * 1000
        with open(source, "rb") as a, open(copy, "rb") as b:
            for old in before.infolist():
                new = after.getinfo(old.filename)
                assert after.read(old.filename) == before.read(old.filename)
                assert (new.date_time, new.external_attr, new.compress_type, new.CRC) == (
                    old.date_time,
                    old.external_attr,
                    old.compress_type,
                    old.CRC,
                )
                assert stored_bytes(b, new) == stored_bytes(a, old)


def test_a_failed_write_leaves_no_central_directory(tmp_path):
    """An exception inside the writer must not end with a zip that looks complete."""
    target = tmp_path / "broken.zip"
    with pytest.raises(RuntimeError):
        with RawZipWriter(target) as out:
            out.write("a.xml", b"<a/>")
            raise RuntimeError("disk trouble")
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(target)
