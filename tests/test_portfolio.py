"""`mplan consolidate`, the portfolio: its language, totals, reference dates, duplicates and print setup."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime

import openpyxl
import pytest
from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.consolidate import PlanSummary, _lines, duplicates, read_plans, write_portfolio
from mplan_xl.i18n import Text

from .conftest import ROOT

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"
TODAY = "2027-08-10"
HEAD = 5  # the Plans table's header row (1-based)


def summary(name: str, currency: str = "EUR", **values) -> PlanSummary:
    fields = dict(
        path=f"{name}.xlsx",
        name=name,
        owner="Claire",
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
        currency=currency,
        envelope=1000.0,
        planned_spend=800.0,
        actual_spend=500.0,
        planned_roi=2.0,
        actual_roi=1.5,
        errors=1,
        warnings=2,
        on_track=3,
        off_track=1,
        today=date(2027, 6, 30),
        findings=[
            ("error", "MP001", "6 Actions", "B7", "un message"),
            ("warning", "MP002", "6 Actions", "B8", "un autre"),
            ("info", "MP003", "Settings", "B9", "un dernier"),
        ],
    )
    fields.update(values)
    return PlanSummary(**fields)


def header(ws) -> dict[str, int]:
    """{header text: column number} of the Plans table."""
    return {c.value: c.column for c in ws[HEAD] if c.value}


def rows_below(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=HEAD + 1)]


@pytest.fixture(scope="module")
def three_plans(tmp_path_factory):
    """Two plans in euros, one in dollars."""
    folder = tmp_path_factory.mktemp("plans")
    fr = shutil.copy(SAMPLE_FR, folder / "fr.xlsx")
    en = shutil.copy(SAMPLE_EN, folder / "en.xlsx")
    wb = openpyxl.load_workbook(SAMPLE_EN)
    ws = wb["Settings"]
    for r in range(5, 20):
        if ws.cell(r, 1).value == "Currency":
            ws.cell(r, 2).value = "USD"
        if ws.cell(r, 1).value == "Plan name":
            ws.cell(r, 2).value = "US plan"
    wb.save(folder / "usa.xlsx")
    return [fr, en, folder / "usa.xlsx"]


def consolidate(plans, out, *options):
    return CliRunner().invoke(cli, ["consolidate", *map(str, plans), "-o", str(out), "--today", TODAY, *options])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_labels_and_severities_in_the_portfolio_language(three_plans, tmp_path, lang):
    out = tmp_path / "p.xlsx"
    result = consolidate(three_plans, out, "--lang", lang)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    french = lang == "fr"
    alerts = wb["Alertes" if french else "Alerts"]
    assert [c.value for c in alerts[1]] == (
        ["Plan", "Gravité", "Code", "Onglet", "Cellule", "Message"]
        if french
        else ["Plan", "Severity", "Code", "Sheet", "Cell", "Message"]
    )
    severities = {alerts.cell(r, 2).value for r in range(2, alerts.max_row + 1)}
    assert severities == ({"Avertissement", "Information"} if french else {"Warning", "Info"})
    assert not severities & {"error", "warning", "info"}, "never the raw codes"
    plans = wb["Plans"]
    assert plans["A1"].value == ("Portefeuille de plans" if french else "Plan portfolio")
    assert ("Date de référence" if french else "Reference date") in header(plans)
    months = wb["Dépenses prévues par mois" if french else "Planned spend by month"]
    assert months["A4"].value == ("janvier 2027" if french else "January 2027")
    assert plans.oddFooter.right.text == ("Page &P sur &N" if french else "Page &P of &N")


def test_the_french_severity_words(tmp_path):
    """Erreur / Avertissement / Information in French, Error / Warning / Info in English."""
    for lang, expected in (("fr", ["Erreur", "Avertissement", "Information"]), ("en", ["Error", "Warning", "Info"])):
        out = tmp_path / f"{lang}.xlsx"
        write_portfolio(out, [summary("A")], [], lang, date(2027, 8, 10))
        alerts = openpyxl.load_workbook(out).worksheets[3]
        assert [alerts.cell(r, 2).value for r in (2, 3, 4)] == expected


def test_reference_dates_and_a_totals_row_per_currency(three_plans, tmp_path):
    out = tmp_path / "p.xlsx"
    result = CliRunner().invoke(cli, ["consolidate", *map(str, three_plans), "-o", str(out)])  # no --today
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Plans"]
    col = header(ws)
    rows = rows_below(ws)
    plans, totals = rows[:3], rows[3:]
    reference = col["Date de référence"] - 1
    assert {r[reference] for r in plans} == {datetime(2027, 8, 10)}, "each plan's own reference date"
    assert [r[0] for r in totals] == ["Total EUR (2 plans)", "Total USD (1 plan)"], "one row per currency"
    currency = col["Devise"] - 1
    for total in totals:
        mine = [r for r in plans if r[currency] == total[currency]]
        for word in ("Enveloppe", "Dépenses prévues", "Dépenses réelles"):
            c = col[word] - 1
            assert total[c] == pytest.approx(sum(r[c] for r in mine)), word
        for word in ("Erreurs", "Avertissements", "Objectifs en bonne voie", "Objectifs en retard"):
            c = col[word] - 1
            assert total[c] == sum(r[c] for r in mine), word
        assert total[col["ROI prévu"] - 1] is None, "ratios are not summed"
    assert ws.cell(HEAD + 4, 1).font.b, "totals in bold"
    assert ws.auto_filter.ref == f"A{HEAD}:P{HEAD + 3}", "sorting the plans leaves the totals below"


def test_reference_date_is_today_when_given(three_plans, tmp_path):
    out = tmp_path / "p.xlsx"
    result = CliRunner().invoke(cli, ["consolidate", str(three_plans[0]), "-o", str(out), "--today", "2027-03-01"])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Plans"]
    assert ws.cell(HEAD + 1, header(ws)["Date de référence"]).value == datetime(2027, 3, 1)
    assert ws.cell(HEAD + 1, header(ws)["Date de référence"]).number_format == "dd/mm/yyyy"


def test_totals_never_add_currencies(tmp_path):
    out = tmp_path / "p.xlsx"
    plans = [summary("A"), summary("B", envelope=None), summary("C", "USD", planned_spend=7.0, errors=0)]
    write_portfolio(out, plans, [], "en", date(2027, 8, 10))
    ws = openpyxl.load_workbook(out)["Plans"]
    col = header(ws)
    totals = {r[0]: r for r in rows_below(ws)[3:]}
    eur, usd = totals["Total EUR (2 plans)"], totals["Total USD (1 plan)"]
    assert eur[col["Envelope"] - 1] == 1000, "a plan without an envelope adds nothing to it"
    assert eur[col["Planned spend"] - 1] == 1600 and usd[col["Planned spend"] - 1] == 7
    assert eur[col["Errors"] - 1] == 2 and usd[col["Errors"] - 1] == 0
    assert eur[col["Objectives on track"] - 1] == 6 and usd[col["Objectives off track"] - 1] == 1
    assert '"€"' in ws.cell(HEAD + 4, col["Planned spend"]).number_format
    assert '"$"' in ws.cell(HEAD + 5, col["Planned spend"]).number_format


def test_the_same_plan_given_twice_is_read_once(tmp_path):
    plan = shutil.copy(SAMPLE_FR, tmp_path / "plan.xlsx")
    copy = shutil.copy(SAMPLE_FR, tmp_path / "copie.xlsx")
    other = shutil.copy(SAMPLE_EN, tmp_path / "other.xlsx")
    link = tmp_path / "lien.xlsx"
    os.symlink(plan, link)
    out = tmp_path / "p.xlsx"
    given = [plan, other, copy, link, tmp_path / "." / "plan.xlsx"]
    result = consolidate(given, out)
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("mplan: skipped")]
    assert skipped == [
        f"mplan: skipped {copy}: duplicate of {plan} (the same content: a copy?): counted once",
        f"mplan: skipped {link}: duplicate of {plan} (the same file): counted once",
        f"mplan: skipped {plan}: duplicate of {plan} (the same file): counted once",
    ]
    assert "2 plan(s), 3 skipped" in result.output
    wb = openpyxl.load_workbook(out)
    plans = [r for r in rows_below(wb["Plans"]) if r[0] and not r[0].startswith("Total")]
    assert len(plans) == 2, "not added twice"
    assert rows_below(wb["Plans"])[2][0] == "Total EUR (2 plans)"
    ignored = wb["Fichiers ignorés"]
    assert ignored["A2"].value == str(copy)
    assert ignored["B2"].value == f"{copy} : doublon de {plan} (le même contenu : une copie ?) : compté une seule fois"
    assert ignored.max_row == 4


def test_duplicates_are_found_before_reading(tmp_path):
    a = tmp_path / "a.xlsx"
    a.write_bytes(b"one")
    (tmp_path / "b.xlsx").write_bytes(b"two")  # the same size, other bytes: not a duplicate
    (tmp_path / "c.xlsx").write_bytes(b"one")
    missing = str(tmp_path / "missing.xlsx")
    names = [str(a), str(tmp_path / "b.xlsx"), str(tmp_path / "c.xlsx"), missing, missing]
    found = duplicates(names)
    assert sorted(found) == [2, 4]
    assert found[2].en == f"{names[2]}: duplicate of {a} (the same content: a copy?): counted once"
    summaries, skipped = read_plans([a, a], None, "en")
    assert summaries == [] and len(skipped) == 2, "unreadable once, duplicate once"
    assert isinstance(skipped[0][1], Text), "the reader's reason, when the file is read (once)"
    assert skipped[0][1].en.startswith(f"{a}: not an Excel workbook")
    assert skipped[1][1].en.startswith(f"{a}: duplicate of {a}")


def test_print_setup(three_plans, tmp_path):
    out = tmp_path / "p.xlsx"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    assert consolidate([*three_plans, broken], out).exit_code == 1
    wb = openpyxl.load_workbook(out)
    repeated = {"Plans": f"${HEAD}:${HEAD}", "Alertes": "$1:$1", "Fichiers ignorés": "$1:$1"}
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, "one page wide, as long as needed"
        assert ws.print_title_rows == repeated.get(ws.title, "$3:$3"), ws.title
    plans = wb["Plans"]
    widths = [plans.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOP"]
    assert all(6 <= w <= 45 for w in widths), widths
    assert sum(widths) < 300, "fits a landscape page at a readable scale"
    col = header(plans)
    for word in ("Plan", "Responsable", "Fichier"):
        assert plans.cell(HEAD + 1, col[word]).alignment.wrap_text, word
    assert plans.cell(HEAD, 1).alignment.wrap_text, "headers wrap"
    alerts = wb["Alertes"]
    assert alerts.cell(2, 6).alignment.wrap_text and alerts.column_dimensions["F"].width <= 75


def test_a_long_text_makes_its_row_taller(tmp_path):
    out = tmp_path / "p.xlsx"
    long_message = "un message très long " * 20
    plan = summary("Une marque au nom vraiment très long " * 3, findings=[("warning", "MP1", "S", "A1", long_message)])
    write_portfolio(out, [plan, summary("B")], [], "fr", date(2027, 8, 10))
    wb = openpyxl.load_workbook(out)
    plans = wb["Plans"]
    assert plans.cell(HEAD + 1, 1).value == "B", "plans in alphabetical order"
    assert plans.row_dimensions[HEAD + 1].height in (None, 15), "a short name stays on one line"
    assert plans.row_dimensions[HEAD + 2].height >= 45, "the long name wraps on several lines"
    alerts = wb["Alertes"]
    row = next(r for r in range(2, alerts.max_row + 1) if alerts.cell(r, 6).value == long_message)
    assert alerts.row_dimensions[row].height >= 90 and alerts.row_dimensions[2].height in (None, 15)


def test_line_count_estimate():
    assert _lines("Objectifs en bonne voie", 16) == 2
    assert _lines("Plan", 8) == 1
    assert _lines("x" * 100, 20) >= 5, "a word longer than the column breaks"
    assert _lines("a\nb\nc", 20) == 3
