"""`mplan export` (ics, csv, json) and `mplan consolidate`."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, timedelta

import openpyxl
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from mplan_xl.cli import cli
from mplan_xl.export import plan_document, write_csv, write_ics
from mplan_xl.figures import compute, join_schedule
from mplan_xl.pipeline import check
from mplan_xl.reader import load

from .conftest import ROOT, requires_lo, soffice_convert
from .helpers import fill

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"
TODAY = date(2027, 8, 10)


def events(path):
    return [c for c in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_ics_has_every_scheduled_action_objective_and_peak(tmp_path):
    plan = load(SAMPLE_FR)
    target = tmp_path / "plan.ics"
    count = write_ics(check(SAMPLE_FR, today=TODAY), target)
    found = events(target)
    scheduled = [i for i in join_schedule(plan) if i.scheduled and i.active]
    assert count == len(found) == len(scheduled) + len(plan.rows("objectives")) + len(plan.rows("peaks"))
    by_summary = {str(e["SUMMARY"]): e for e in found}
    a01 = by_summary["A01 · Refonte des fiches produits du site"]
    assert a01["DTSTART"].dt == date(2027, 1, 10)
    assert a01["DTEND"].dt == date(2027, 2, 28) + timedelta(days=1), "all-day DTEND is exclusive"
    assert "Canal : Site internet" in str(a01["DESCRIPTION"]) and "Responsable : Hugo" in str(a01["DESCRIPTION"])
    assert "4\u202f500 €" in str(a01["DESCRIPTION"])
    assert a01["CATEGORIES"].cats == ["Site internet"]
    assert not any("A24" in s for s in by_summary), "a cancelled action is not in the calendar"
    mothers = by_summary["Fête des mères 2027"]
    assert mothers["DTSTART"].dt == date(2027, 5, 30) and mothers["DTEND"].dt == date(2027, 5, 31)
    objective = next(e for s, e in by_summary.items() if s.startswith("Échéance objectif O3"))
    assert objective["DTSTART"].dt == date(2027, 9, 30)
    for event in found:
        assert isinstance(event["DTSTART"].dt, date) and event["UID"].endswith("@mplan")


def test_ics_uids_are_stable_across_exports_and_distinct_across_plans(tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_ics(check(SAMPLE_FR, today=TODAY), first)
    changed = fill(SAMPLE_FR, tmp_path / "changed.xlsx", {"schedule": [{"end": "15/03/2027"}]})
    write_ics(check(changed, today=TODAY), second)
    uids = [str(e["UID"]) for e in events(first)]
    assert uids == [str(e["UID"]) for e in events(second)], "dates changed, events are updated, not duplicated"
    assert len(set(uids)) == len(uids)
    other = tmp_path / "other.ics"
    write_ics(check(SAMPLE_EN, today=TODAY), other)  # another plan (its name differs)
    assert not set(uids) & {str(e["UID"]) for e in events(other)}


def test_json_document(tmp_path):
    result = CliRunner().invoke(cli, ["export", str(SAMPLE_FR), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data)[:4] == ["plan", "tables", "figures", "findings"]
    assert data["plan"]["period_start"] == "2027-01-01" and data["plan"]["envelope"] == 70000
    assert data["tables"]["schedule"][0]["status"] == "done" and data["tables"]["actions"][0]["cost"] == 4500
    assert data["tables"]["actions"][1]["personas"] == ["P1"]
    figures = data["figures"]
    for key in (
        "planned_spend",
        "actual_spend",
        "expected_revenue",
        "actual_revenue",
        "planned_roi",
        "actual_roi",
        "envelope",
        "budget_used",
        "planned_romi",
        "actual_romi",
        "projected_spend",
        "by_channel",
        "by_objective",
        "by_pillar",
        "by_month",
        "unscheduled_cost",
        "workload",
        "overdue",
        "due_soon",
        "objectives",
    ):
        assert key in figures, key
    assert figures["planned_spend"] == 66300 and figures["overdue"] == ["A15"]
    assert figures["objectives"]["O2"]["status"] == "off_track"
    assert set(figures["by_channel"]["Site internet"]) == {
        "planned_cost",
        "expected_revenue",
        "roi",
        "actual_cost",
        "actual_revenue",
        "actions",
    }
    assert figures["workload"]["Claire"]["2027-05"]["capacity"] == 8
    assert len(data["findings"]) == 14 and data == plan_document(check(SAMPLE_FR, today=TODAY))
    assert json.dumps(data, sort_keys=False) == json.dumps(plan_document(check(SAMPLE_FR, today=TODAY))), "stable order"


def test_csv_files_french_defaults(tmp_path):
    written = write_csv(check(SAMPLE_FR, today=TODAY), tmp_path / "csv")
    assert len(written) == 13 + 5
    raw = (tmp_path / "csv" / "actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    rows = list(
        csv.reader((tmp_path / "csv" / "actions.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";")
    )
    assert rows[0][:4] == ["ID", "Action", "Description", "Objectif lié"]
    assert rows[1][0] == "A01" and rows[1][6] == "Produit" and rows[1][7] == "4500"
    month = (tmp_path / "csv" / "figures_by_month.csv").read_text(encoding="utf-8-sig").splitlines()
    assert month[0] == "Mois;Coût prévu" and month[1].startswith("2027-01;") and "," in month[1]
    actuals = (tmp_path / "csv" / "actuals.csv").read_text(encoding="utf-8-sig")
    assert ";0,6;" in actuals, "decimal comma with the ';' separator"


def test_csv_comma_separator_uses_decimal_points(tmp_path):
    result = CliRunner().invoke(
        cli, ["export", str(SAMPLE_EN), "--format", "csv", "-o", str(tmp_path / "c"), "--sep", ","]
    )
    assert result.exit_code == 0 and result.output.startswith("Wrote 18 CSV files")
    actuals = (tmp_path / "c" / "actuals.csv").read_text(encoding="utf-8-sig")
    assert (
        actuals.splitlines()[0] == "Date,Action ID,Actual cost,Actual revenue,Progress,Comment" and ",0.6," in actuals
    )


@requires_lo
@pytest.mark.libreoffice
def test_csv_opens_in_libreoffice_with_accents_and_numbers(tmp_path):
    write_csv(check(SAMPLE_FR, today=TODAY), tmp_path / "csv")
    source = tmp_path / "csv" / "figures_by_channel.csv"
    outdir = tmp_path / "out"
    outdir.mkdir()
    result = soffice_convert(source, "xlsx", outdir, tmp_path, infilter="CSV:59,34,76,1,,1036")
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(outdir / "figures_by_channel.xlsx").active
    values = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(2, ws.max_row + 1)}
    assert values["Point de vente (PLV)"] == 15300 and values["Salons et événements"] == 4200
    roi = ws.cell(2, 5).value
    assert isinstance(roi, float) and 0 < roi < 10, "a decimal number, not text"


def test_export_errors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics"])
    assert result.exit_code == 2 and result.output.strip() == "mplan: --format ics needs -o: a file to write to"
    result = runner.invoke(cli, ["export", str(tmp_path / "none.xlsx"), "--format", "json"])
    assert result.exit_code == 2 and "no such file" in result.output


def test_consolidate_samples_and_a_broken_file(tmp_path):
    plans = []
    for i, sample in enumerate((SAMPLE_FR, SAMPLE_EN)):
        target = tmp_path / f"plan{i}.xlsx"
        shutil.copy(sample, target)
        plans.append(target)
    dollars = fill(SAMPLE_EN, tmp_path / "usa.xlsx", {})
    wb = openpyxl.load_workbook(dollars)
    ws = wb["Settings"]
    for r in range(5, 20):
        if ws.cell(r, 1).value == "Currency":
            ws.cell(r, 2).value = "USD"
        if ws.cell(r, 1).value == "Plan name":
            ws.cell(r, 2).value = "US plan"
    wb.save(dollars)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "portfolio.xlsx"
    result = CliRunner().invoke(cli, ["consolidate", *map(str, plans), str(dollars), str(broken), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "mplan: skipped" in result.output and "broken.xlsx" in result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Plans",
        "Dépenses prévues par canal",
        "Dépenses prévues par mois",
        "Alertes",
        "Fichiers ignorés",
    ]
    plans_ws = wb["Plans"]
    assert "plusieurs devises (EUR, USD)" in plans_ws["A3"].value
    rows = [[c.value for c in row] for row in plans_ws.iter_rows(min_row=6, max_row=8)]  # then the totals
    assert len(rows) == 3 and {r[5] for r in rows} == {"EUR", "USD"}
    eur = next(r for r in rows if r[0] == "Plan marketing 2027 – Maison Caracole")
    assert eur[7] == compute(load(SAMPLE_FR), TODAY).planned_spend and eur[11:15] == [0, 10, 4, 2]
    channel = wb["Dépenses prévues par canal"]
    header = [c.value for c in channel[3]]
    assert header == ["Canal", "Total (EUR)", "Total (USD)"], "never summed across currencies"
    alerts = wb["Alertes"]
    assert alerts.max_row == 1 + 14 * 3 and alerts["A2"].value
    skipped = wb["Fichiers ignorés"]
    assert skipped["A2"].value == str(broken)


def test_consolidate_refuses_to_overwrite_a_plan(tmp_path):
    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLE_FR, plan)
    result = CliRunner().invoke(cli, ["consolidate", str(plan), "-o", str(plan), "--force"])
    assert result.exit_code == 2 and "is one of the plans" in result.output
    assert plan.read_bytes() == SAMPLE_FR.read_bytes()


def test_consolidate_many_plans_in_parallel(tmp_path):
    paths = []
    wb = openpyxl.load_workbook(SAMPLE_FR)
    for i in range(12):
        target = tmp_path / f"p{i}.xlsx"
        wb.properties.title = f"p{i}"  # twelve plans, not one copied twelve times (a copy is read once)
        wb.save(target)
        paths.append(str(target))
    result = CliRunner().invoke(cli, ["consolidate", *paths, "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("Wrote " + str(tmp_path / "out.xlsx") + ": 12 plan(s).")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["Plans"]
    assert ws.max_row == 5 + 12 + 1  # and the totals row
