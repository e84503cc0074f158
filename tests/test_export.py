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


def alarms(event):
    return [c for c in event.subcomponents if c.name == "VALARM"]


def by_summary(found):
    return {str(e["SUMMARY"]): e for e in found}


def test_ics_gives_each_action_its_start_and_deadline_plus_objectives_and_peaks(tmp_path):
    plan = load(SAMPLE_FR)
    target = tmp_path / "plan.ics"
    count = write_ics(check(SAMPLE_FR, today=TODAY), target)
    found = events(target)
    scheduled = [i for i in join_schedule(plan) if i.scheduled and i.active]
    action_events = sum(2 if i.start != i.end else 1 for i in scheduled)
    assert count == len(found) == action_events + len(plan.rows("objectives")) + len(plan.rows("peaks"))
    summaries = by_summary(found)
    start = summaries["Début : A01 · Refonte des fiches produits du site"]
    deadline = summaries["Échéance : A01 · Refonte des fiches produits du site"]
    assert start["DTSTART"].dt == date(2027, 1, 10) and start["DTEND"].dt == date(2027, 1, 11), "one day, no banner"
    assert deadline["DTSTART"].dt == date(2027, 2, 28) and deadline["DTEND"].dt == date(2027, 3, 1)
    for event in (start, deadline):
        description = str(event["DESCRIPTION"])
        assert description.startswith("Du 10/01/2027 au 28/02/2027\n")
        assert "Canal : Site internet" in description and "Responsable : Hugo" in description
        assert "4\u202f500 €" in description and event["CATEGORIES"].cats == ["Site internet"]
    assert not alarms(start) and not alarms(deadline), "A01 is done: no reminder of its deadline"
    assert not any("A24" in s for s in summaries), "a cancelled action is not in the calendar"
    mothers = summaries["Fête des mères 2027"]
    assert mothers["DTSTART"].dt == date(2027, 5, 30) and mothers["DTEND"].dt == date(2027, 5, 31)
    assert not alarms(mothers)
    objective = next(e for s, e in summaries.items() if s.startswith("Échéance objectif O3"))
    assert objective["DTSTART"].dt == date(2027, 9, 30)
    for event in found:
        assert isinstance(event["DTSTART"].dt, date) and event["UID"].endswith("@mplan")
        assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(days=1) or str(event["SUMMARY"]) in {
            str(p.get("name")) for p in plan.rows("peaks")
        }, "only the peaks last more than a day"


def test_ics_deadlines_carry_a_reminder(tmp_path):
    target = tmp_path / "plan.ics"
    write_ics(check(SAMPLE_FR, today=TODAY), target)
    summaries = by_summary(events(target))
    a12 = summaries["Échéance : A12 · Dégustations estivales en boutique"]
    (alarm,) = alarms(a12)
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(days=-2)
    assert str(alarm["DESCRIPTION"]) == "Échéance dans 2 jours : A12 · Dégustations estivales en boutique"
    assert b"TRIGGER:-P2D" in target.read_bytes()
    assert not alarms(summaries["Début : A12 · Dégustations estivales en boutique"]), "no reminder of a start"
    objective = next(e for s, e in summaries.items() if s.startswith("Échéance objectif O3"))
    assert [a["TRIGGER"].dt for a in alarms(objective)] == [timedelta(days=-2)]
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--remind-days", "7"])
    assert result.exit_code == 0, result.output
    triggers = {a["TRIGGER"].dt for e in events(target) for a in alarms(e)}
    assert triggers == {timedelta(days=-7)}
    result = runner.invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--remind-days", "0"])
    assert result.exit_code == 0 and b"VALARM" not in target.read_bytes()
    result = runner.invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--remind-days", "-1"])
    assert result.exit_code == 2
    assert result.output == "mplan: --remind-days -1 : donnez un nombre de jours de 0 (pas de rappel) à 365\n"
    result = runner.invoke(
        cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--remind-days", "9" * 12]
    )
    assert result.exit_code == 2 and result.output.count("\n") == 1


def test_ics_span_keeps_one_event_per_action(tmp_path):
    plan = load(SAMPLE_FR)
    target = tmp_path / "plan.ics"
    count = write_ics(check(SAMPLE_FR, today=TODAY), target, span=True)
    found = events(target)
    scheduled = [i for i in join_schedule(plan) if i.scheduled and i.active]
    assert count == len(found) == len(scheduled) + len(plan.rows("objectives")) + len(plan.rows("peaks"))
    summaries = by_summary(found)
    a01 = summaries["A01 · Refonte des fiches produits du site"]
    assert a01["DTSTART"].dt == date(2027, 1, 10)
    assert a01["DTEND"].dt == date(2027, 2, 28) + timedelta(days=1), "all-day DTEND is exclusive"
    (alarm,) = alarms(summaries["A12 · Dégustations estivales en boutique"])
    assert alarm["TRIGGER"].dt == timedelta(days=-3) and alarm["TRIGGER"].params["RELATED"] == "END"
    assert b"TRIGGER;RELATED=END:-P3D" in target.read_bytes(), "DTEND - 3 days = deadline - 2 days"


def test_ics_in_english(tmp_path):
    target = tmp_path / "plan.ics"
    write_ics(check(SAMPLE_EN, today=TODAY), target)
    summaries = by_summary(events(target))
    assert any(s.startswith("Start: A01 · ") for s in summaries)
    deadline = next(e for s, e in summaries.items() if s.startswith("Deadline: A12 · "))
    assert str(deadline["DESCRIPTION"]).startswith("From 16/06/2027 to 31/08/2027\n")
    assert str(alarms(deadline)[0]["DESCRIPTION"]).startswith("Deadline in 2 days: A12 · ")


def test_ics_owner_keeps_one_persons_calendar(tmp_path):
    plan = load(SAMPLE_FR)
    target = tmp_path / "claire.ics"
    result = CliRunner().invoke(
        cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--owner", "  cLAIRE "]
    )
    assert result.exit_code == 0, result.output
    found = events(target)
    summaries = by_summary(found)
    actions = [e for s, e in summaries.items() if s.startswith(("Début", "Échéance :"))]
    claire = [i for i in join_schedule(plan) if i.active and i.scheduled and i.schedule.get("owner") == "Claire"]
    assert len(actions) == sum(2 if i.start != i.end else 1 for i in claire) > 0
    assert all("Responsable : Claire" in str(e["DESCRIPTION"]) for e in actions)
    objectives = sorted(s.split()[2] for s in summaries if s.startswith("Échéance objectif"))
    assert objectives == ["O1", "O4"], "Claire's objectives only"
    assert "Fête des mères 2027" in summaries, "the peaks are everyone's"
    assert result.output.strip() == f"Écrit {len(found)} événements dans {target}", "in the workbook's language"
    full = tmp_path / "all.ics"
    write_ics(check(SAMPLE_FR, today=TODAY), full)
    assert {str(e["UID"]) for e in found} <= {str(e["UID"]) for e in events(full)}, "the same events"


def test_ics_unknown_owner_is_refused_with_the_team(tmp_path):
    target = tmp_path / "zoe.ics"
    result = CliRunner().invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--owner", "Zoé"])
    assert result.exit_code == 2 and not target.exists()
    assert result.output == (
        "mplan: --owner 'Zoé' n'est pas dans le plan : l'équipe est Claire, Hugo, Sarah, Karim, Stagiaire\n"
    )
    english = CliRunner().invoke(
        cli, ["export", str(SAMPLE_FR), "--format", "ics", "-o", str(target), "--owner", "Zoé", "--lang", "en"]
    )
    assert (
        english.output == "mplan: --owner 'Zoé' is not in the plan: the team is Claire, Hugo, Sarah, Karim, Stagiaire\n"
    )


def test_calendar_options_only_go_with_ics(tmp_path):
    for option in (["--span"], ["--remind-days", "3"], ["--owner", "Claire"]):
        result = CliRunner().invoke(
            cli, ["export", str(SAMPLE_FR), "--format", "csv", "-o", str(tmp_path / "c"), *option]
        )
        assert result.exit_code == 2 and result.output == f"mplan: {option[0]} : seulement avec --format ics\n"
    assert not (tmp_path / "c").exists()


def test_ics_uids_are_stable_across_exports_and_distinct_across_plans(tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_ics(check(SAMPLE_FR, today=TODAY), first)
    changed = fill(SAMPLE_FR, tmp_path / "changed.xlsx", {"schedule": [{"end": "15/03/2027"}]})
    write_ics(check(changed, today=TODAY), second)
    uids = [str(e["UID"]) for e in events(first)]
    assert uids == [str(e["UID"]) for e in events(second)], "dates changed, events are updated, not duplicated"
    assert len(set(uids)) == len(uids), "a start and its deadline are two events"
    other = tmp_path / "other.ics"
    write_ics(check(SAMPLE_EN, today=TODAY), other)  # another plan (its name differs)
    assert not set(uids) & {str(e["UID"]) for e in events(other)}
    span = tmp_path / "span.ics"
    write_ics(check(SAMPLE_FR, today=TODAY), span, span=True)
    span_uids = {str(e["SUMMARY"]).split(" · ")[0]: str(e["UID"]) for e in events(span)}
    deadline_uids = {
        str(e["SUMMARY"]).removeprefix("Échéance : ").split(" · ")[0]: str(e["UID"])
        for e in events(first)
        if str(e["SUMMARY"]).startswith("Échéance : ")
    }
    assert deadline_uids["A01"] == span_uids["A01"], "--span and back: the deadline event replaces the span"


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


def csv_rows(path, sep=";"):
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=sep))


def test_csv_files_french_defaults(tmp_path):
    written = write_csv(check(SAMPLE_FR, today=TODAY), tmp_path / "csv")
    assert len(written) == 13 + 5
    raw = (tmp_path / "csv" / "actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    rows = csv_rows(tmp_path / "csv" / "actions.csv")
    assert rows[0][:4] == ["ID", "Action", "Description", "Objectif lié"]
    assert rows[1][0] == "A01" and rows[1][6] == "Produit" and rows[1][7] == "4500"
    month = (tmp_path / "csv" / "figures_by_month.csv").read_text(encoding="utf-8-sig").splitlines()
    assert month[0] == "Mois;Coût prévu" and month[1].startswith("2027-01;")
    actuals = csv_rows(tmp_path / "csv" / "actuals.csv")
    assert actuals[0][4] == "Avancement" and {r[4] for r in actuals[1:]} >= {"60%", "100%", ""}


def test_csv_money_in_cents_and_ratios_as_percentages(tmp_path):
    plan = fill(
        SAMPLE_FR,
        tmp_path / "plan.xlsx",
        {"actions": [dict(cost=4500.456, revenue=18000.5)], "actuals": [dict(actual_cost=1440.1, progress=0.333333)]},
    )
    checked = check(plan, today=TODAY)
    write_csv(checked, tmp_path / "csv")
    actions = csv_rows(tmp_path / "csv" / "actions.csv")
    assert actions[1][7:9] == ["4500,46", "18000,50"], "money rounded to cents"
    assert actions[2][7] == "2200", "whole amounts without cents"
    actuals = csv_rows(tmp_path / "csv" / "actuals.csv")
    assert actuals[1][2] == "1440,10" and actuals[1][4] == "33,33%"
    channels = {r[0]: r for r in csv_rows(tmp_path / "csv" / "figures_by_channel.csv")}
    assert channels["Canal"][4] == "ROI prévu"
    site = checked.figures.by_channel["Site internet"]
    assert channels["Site internet"][4] == f"{round(site['roi'] * 100, 2):g}%".replace(".", ",")
    assert channels["Site internet"][2] == f"{site['planned_cost']:.2f}".replace(".", ",")
    for row in csv_rows(tmp_path / "csv" / "figures_workload.csv")[1:]:
        days, utilisation = row[2], row[4]
        assert len(days.partition(",")[2]) <= 2 and utilisation.endswith("%")
        assert len(utilisation[:-1].partition(",")[2]) <= 2


def test_csv_comma_separator_uses_decimal_points(tmp_path):
    result = CliRunner().invoke(
        cli, ["export", str(SAMPLE_EN), "--format", "csv", "-o", str(tmp_path / "c"), "--sep", ","]
    )
    assert result.exit_code == 0 and result.output.startswith("Wrote 18 CSV files")
    actuals = (tmp_path / "c" / "actuals.csv").read_text(encoding="utf-8-sig")
    assert actuals.splitlines()[0] == "Date,Action ID,Actual cost,Actual revenue,Progress,Comment"
    assert ",60%," in actuals
    roi = {r[0]: r[4] for r in csv_rows(tmp_path / "c" / "figures_by_channel.csv", ",")}
    assert all(v.endswith("%") and "," not in v for k, v in roi.items() if k != "Channel" and v)
    assert any("." in v for v in roi.values())


@requires_lo
@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "sample, sep, infilter",
    [(SAMPLE_FR, ";", "CSV:59,34,76,1,,1036"), (SAMPLE_EN, ",", "CSV:44,34,76,1,,1033")],
    ids=["fr-semicolon", "en-comma"],
)
def test_csv_opens_in_libreoffice_with_accents_and_numbers(tmp_path, sample, sep, infilter):
    checked = check(sample, today=TODAY)
    write_csv(checked, tmp_path / "csv", sep=sep)
    source = tmp_path / "csv" / "figures_by_channel.csv"
    outdir = tmp_path / "out"
    outdir.mkdir()
    result = soffice_convert(source, "xlsx", outdir, tmp_path, infilter=infilter)
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(outdir / "figures_by_channel.xlsx").active
    rows = {ws.cell(r, 1).value: [ws.cell(r, c) for c in range(1, 8)] for r in range(2, ws.max_row + 1)}
    for name, bucket in checked.figures.by_channel.items():
        cells = rows[name]  # accents read right
        assert cells[2].value == pytest.approx(bucket["planned_cost"])
        if bucket["roi"] is not None:
            roi = cells[4]
            assert isinstance(roi.value, (int, float)), "a number, not text"
            assert roi.value == pytest.approx(bucket["roi"], abs=5e-5) and "%" in roi.number_format


def test_export_errors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics"])
    assert result.exit_code == 2 and result.output.strip() == "mplan: --format ics demande -o : un fichier où écrire"
    result = runner.invoke(cli, ["export", str(SAMPLE_FR), "--format", "ics", "--lang", "en"])
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
