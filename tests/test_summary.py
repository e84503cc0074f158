"""The Summary v2: page 1 for the boss, the detail pages, their print setup and charts, and the snapshot
that lets the next report say what changed (SPEC sections 2 and 5)."""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from mplan_xl import snapshot
from mplan_xl.figures import compute
from mplan_xl.reader import load
from mplan_xl.report import write_report
from mplan_xl.report.charts import FLAGS, explicit_labels
from mplan_xl.report.summary import SNAPSHOT_COL

from .conftest import ROOT, requires_lo, soffice_convert
from .helpers import fill

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"
TODAY = date(2027, 8, 10)  # the samples' reference date
NB, NNB = "\u00a0", "\u202f"


def reported(tmp_path: Path, source: Path = SAMPLE_FR, name: str = "plan.xlsx") -> Path:
    path = tmp_path / name
    shutil.copy(source, path)
    write_report(path, backup=False)
    return path


def summary(path: Path, name: str = "Synthèse"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl cannot read every chart LibreOffice writes back
        return openpyxl.load_workbook(path)[name]


def page_rows(ws) -> list[list]:
    """Page 1's rows (up to the first page break), each as its values."""
    end = ws.row_breaks.brk[0].id
    rows = []
    for r in range(1, end + 1):
        values = [ws.cell(r, c).value for c in range(1, 14) if ws.cell(r, c).value is not None]
        if values:
            rows.append(values)
    return rows


def page_one(ws) -> dict[str, list]:
    """Page 1's rows as {first text: the row's values}."""
    return {str(values[0]): values for values in page_rows(ws)}


def since_rows(ws) -> dict[str, str]:
    rows = page_one(ws)
    start = next(i for i, k in enumerate(rows) if k.startswith(("Depuis le dernier rapport", "Since the last")))
    found = {}
    for key in list(rows)[start + 1 :]:
        if key in ("Objectifs", "Objectives"):
            break
        found[key] = rows[key][1] if len(rows[key]) > 1 else ""
    return found


def test_page_one_holds_the_verdict_key_figures_and_traffic_lights(tmp_path):
    ws = summary(reported(tmp_path))
    figures = compute(load(SAMPLE_FR), TODAY)
    assert ws["A3"].value == (
        f"0 erreur · budget : 95{NB}% de l'enveloppe planifiée, prévision à terme 66{NNB}930 € · "
        "2 objectifs en retard · 1 action en retard"
    )
    assert ws["A3"].fill.fgColor.rgb.endswith("FFEB9C"), "warnings only: amber"
    rows = page_one(ws)
    assert rows["Prévu à date"][1] == pytest.approx(figures.planned_to_date)
    assert rows["Réel à date"][1] == pytest.approx(figures.actual_to_date) == 41600
    assert rows["Écart (réel − prévu)"][1] == pytest.approx(figures.to_date_gap)
    assert rows["Prévu à date"][2:4] == ["Dépenses prévues", 66300]
    assert rows["Réel à date"][2:4] == ["Prévision à terme", pytest.approx(figures.projected_spend)]
    assert rows["Écart (réel − prévu)"][2:4] == ["Enveloppe budgétaire", 70000]
    lights = {k[:2]: v for k, v in rows.items() if re.match(r"O\d — ", k)}
    assert {k: v[1] for k, v in lights.items()} == {
        "O1": "En bonne voie",
        "O2": "En retard",
        "O3": "En bonne voie",
        "O4": "En bonne voie",
        "O5": "En bonne voie",
        "O6": "En retard",
    }
    assert lights["O2"][2] == pytest.approx(figures.objectives["O2"]["progress"])
    assert lights["O2"][4] == datetime(2027, 7, 31), "the date of the last reading"
    assert lights["O1"][5:] == [
        "A15 — Programme de fidélité e…",
        "Claire",
        datetime(2027, 7, 31),
        "il y a 10 jours",
        "En retard",
    ]
    alerts = [v[1:3] for v in page_rows(ws) if v[0] == "Avertissement"]
    assert alerts[:2] == [["MP803", "1 Objectifs!A6"], ["MP803", "1 Objectifs!A10"]] and len(alerts) == 5
    assert "14 au total, voir l'onglet Alertes" in rows
    assert rows["Depuis le dernier rapport"] and "Premier rapport : les changements apparaîtront au prochain." in rows


def test_english_verdict(tmp_path):
    ws = summary(reported(tmp_path, SAMPLE_EN), "Summary")
    assert ws["A3"].value == (
        "0 errors · budget: 95% of the envelope planned, forecast at completion €66,930 · "
        "2 objectives off track · 1 late action"
    )


def test_print_setup_a4_landscape_one_page_wide_with_page_breaks(tmp_path):
    ws = summary(reported(tmp_path))
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize in (9, "9")
    assert ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) >= 4 and breaks == sorted(breaks)
    assert ws.cell(breaks[0] + 1, 1).value == "Chiffres clés", "the details start on page 2"
    assert ws.print_area and ws.print_area.startswith("'Synthèse'!$A$1:$")
    hidden = [d for d in ws.column_dimensions.values() if d.hidden and d.min <= SNAPSHOT_COL + 1 <= d.max]
    assert hidden, "the snapshot's columns are hidden"


def chart_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)}


def test_charts_are_native_with_named_series_and_explicit_labels(tmp_path):
    charts = chart_parts(reported(tmp_path))
    assert len(charts) == 9, "by channel, plan vs actual, objectives, and a KPI chart per objective (6)"
    combo = [x for x in charts.values() if "<c:barChart>" in x and "<c:lineChart>" in x]
    assert len(combo) == 1 and combo[0].count("<c:ser>") == 5, "planned, actual; cumulated planned, actual; envelope"
    kpi = [x for x in charts.values() if "<c:lineChart>" in x and "<c:barChart>" not in x]
    assert len(kpi) == 6
    for xml in charts.values():
        for series in re.findall(r"<c:ser>.*?</c:ser>", xml, re.S):
            assert "<c:tx>" in series, "every series has a name"
            labels = re.search(r"<c:dLbls>.*?</c:dLbls>", series, re.S).group(0)
            for flag in FLAGS:
                assert f"<c:{flag} val=" in labels, flag


def test_explicit_labels_keeps_the_flags_that_are_on():
    xml = '<c:dLbls><c:numFmt formatCode="0"/><c:showVal val="1"/></c:dLbls><c:dLbls></c:dLbls>'
    fixed = explicit_labels(xml)
    assert fixed.count('<c:showVal val="1"/>') == 1 and fixed.count('<c:showVal val="0"/>') == 1
    assert fixed.count('<c:showCatName val="0"/>') == 2 and fixed.index("numFmt") < fixed.index("showLegendKey")


def parts(path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_the_next_report_shows_what_changed(tmp_path):
    path = reported(tmp_path)
    fill(path, path, {"actions": [{"cost": 9999}], "schedule": [{"end": datetime(2027, 3, 14)}]})
    write_report(path, backup=False)
    ws = summary(path)
    assert f"Depuis le dernier rapport ({date.today():%d/%m/%Y})" in page_one(ws)
    changes = since_rows(ws)
    assert changes["Coûts modifiés"] == f"A01 4{NNB}500 € → 9{NNB}999 €"
    assert changes["Actions décalées"].startswith("A01 (échéance +")
    assert changes["Constats"].endswith("→ 1 erreur, 9 avertissements, 4 informations")
    second = {name: body for name, body in parts(path).items() if name.startswith("xl/worksheets/")}
    write_report(path, backup=False)  # the plan has not changed: the comparison with the first report stays
    assert since_rows(summary(path)) == changes, "running the report again does not wipe what changed"
    third = {name: body for name, body in parts(path).items() if name.startswith("xl/worksheets/")}
    assert second == third, "the same plan gives the same sheets"
    fill(path, path, {"schedule": [{"owner": "Sarah"}]})
    write_report(path, backup=False)  # a new owner: the plan changed, in nothing the comparison lists
    assert "Aucun changement du plan." in page_one(summary(path))


def test_the_snapshot_survives_an_openpyxl_save(tmp_path):
    path = reported(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["6 Actions"]["B5"].value  # noqa: B018  (loaded and saved, as a script of the user's would)
    wb.save(path)
    fill(path, path, {"actions": [{"cost": 5000}]})
    result = write_report(path, backup=False)
    assert result.sheets[0] == "Synthèse", "the old Summary is still known as generated"
    assert since_rows(summary(path))["Coûts modifiés"] == f"A01 4{NNB}500 € → 5{NNB}000 €"


@requires_lo
def test_the_snapshot_survives_a_libreoffice_save(tmp_path):
    path = reported(tmp_path)
    fill(path, path, {"actions": [{"cost": 5000}]})
    out = tmp_path / "lo"
    out.mkdir()
    done = soffice_convert(path, "xlsx:Calc MS Excel 2007 XML", out, tmp_path)
    assert done.returncode == 0, done.stderr
    resaved = out / "plan.xlsx"
    result = write_report(resaved, backup=False)
    assert result.sheets == ["Synthèse", "Alertes", "Calendrier"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert openpyxl.load_workbook(resaved).sheetnames.count("Synthèse") == 1
    assert since_rows(summary(resaved))["Coûts modifiés"] == f"A01 4{NNB}500 € → 5{NNB}000 €"


def test_a_user_sheet_holding_a_snapshot_is_never_read(tmp_path):
    cells = [c.value for c in summary(reported(tmp_path))[1][SNAPSHOT_COL:] if c.value]
    assert snapshot.decode(cells) is not None
    wb = openpyxl.load_workbook(SAMPLE_FR)
    notes = wb.create_sheet("Notes")
    for i, text in enumerate(cells):
        notes.cell(1, 1 + i).value = text
    path = tmp_path / "fresh.xlsx"
    wb.save(path)
    write_report(path, backup=False)
    assert "Premier rapport : les changements apparaîtront au prochain." in page_one(summary(path))


def pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for p in range(1, count + 1)
    ]


@requires_lo
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) not installed")
def test_page_one_prints_whole_on_one_page(tmp_path):
    path = reported(tmp_path)
    fill(path, path, {"actions": [{"cost": 9999}], "schedule": [{"end": datetime(2027, 3, 14)}]})
    write_report(path, backup=False)
    done = soffice_convert(path, "pdf", tmp_path, tmp_path)
    assert done.returncode == 0, done.stderr
    pages = pdf_pages(tmp_path / "plan.pdf")
    first = next(i for i, text in enumerate(pages) if text.startswith("Synthèse — "))
    page = " ".join(pages[first].split())
    for expected in (
        "1 erreur · budget",
        "2 objectifs en retard · 1 action en retard",
        "À date",
        "À terme",
        "Depuis le dernier rapport",
        "Coûts modifiés",
        "A01 4 500 € → 9 999 €",
        "En bonne voie",
        "O6 — Signer 25 comptes",
        "Échéances des 30 prochains jours",
        "Alertes principales",
        "14 au total, voir l'onglet Alertes",
    ):
        assert expected.replace(" ", "") in page.replace(" ", "").replace(NNB, "").replace(NB, ""), expected
    assert pages[first + 1].split()[:2] == ["Chiffres", "clés"], "page 2 starts with the details: nothing cut"
    assert " ".join(pages[first + 2].split()).startswith("Prévu et réel par mois")
