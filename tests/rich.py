"""A plan workbook holding what openpyxl drops on save: an x14 data validation, a 2010 data bar, sparklines,
a text box, a custom XML part and (for .xlsm) a VBA project. Built by the project's writer plus a few
parts added to the package, so no binary fixture is committed."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from mplan_xl.template import write_workbook
from mplan_xl.template.example import example_content

X14_VALIDATION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
    "<x14:formula1><xm:f>Listes!$A$5:$A$8</xm:f></x14:formula1><xm:sqref>L5:L24</xm:sqref>"
    "</x14:dataValidation></x14:dataValidations></ext></extLst>"
)
CUSTOM_XML = b'<?xml version="1.0" encoding="UTF-8"?><mplanTest xmlns="urn:test">donn\xc3\xa9es client</mplanTest>'
VBA_BIN = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"fake vba project for byte-identity tests" * 20


def make_rich_plan(path: Path) -> Path:
    """The French example plan with the extra parts; .xlsm paths get the VBA project too."""
    path = Path(path)
    start = date(2027, 1, 1)

    def extend(workbook, sheets):
        sheets["actions"].conditional_format("H5:H30", {"type": "data_bar", "data_bar_2010": True})
        notes = workbook.add_worksheet("Notes & remarques")
        for col, value in enumerate([3, 5, 2, 8, 6]):
            notes.write_number(0, col, value)
        notes.add_sparkline("G1", {"range": "'Notes & remarques'!A1:E1"})
        sheets["guide"].insert_textbox("F3", "Note de la direction : budget validé", {"width": 260, "height": 60})
        if path.suffix == ".xlsm":
            bin_path = path.with_name("vbaProject.bin")
            bin_path.write_bytes(VBA_BIN)
            workbook.add_vba_project(str(bin_path))

    write_workbook(path, example_content("fr", start, date(2027, 12, 31)), "fr", force=True, extend=extend)
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    sheet = "xl/worksheets/sheet3.xml"  # 1 Objectifs
    parts[sheet] = parts[sheet].replace(b"</worksheet>", X14_VALIDATION.encode() + b"</worksheet>")
    parts["customXml/item1.xml"] = CUSTOM_XML
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'customXml" Target="../customXml/item1.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return path
