"""Every rule fires at the expected cell on a plan changed in one place, and not on its near twin.

The clean plan (tests/helpers.clean_rows) raises no finding at TODAY; each case changes it a little. The
clean plan is every case's near twin; threshold rules also get a twin just on the quiet side of the line.
Cases run on in-memory plans laid out as the French template (tests/helpers.plan_from_rows), except those
about reading a workbook (`workbook=True`), which are written to a file and read back.
Tables of the French template: actions A–J (SWOT L–N), schedule A–H (peaks J–L), measurements A–D
(actuals F–K, its Date in F), team A–E (overheads G–J), watch A–G (PESTEL I–L); data from row 5.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from mplan_xl.findings import Finding
from mplan_xl.i18n import Money, Percent, Text
from mplan_xl.reader import load
from mplan_xl.rules import CHECKS, READER_CODES, RULES, run
from mplan_xl.rules.catalog import CATALOG, SPECS

from .helpers import clean_rows, fill, plan_from_rows, set_settings

TODAY = date(2027, 6, 30)
BASE_SETTINGS = {"envelope": 10500}
Change = Callable[[dict], object] | None


@dataclass(frozen=True)
class Twin:
    """A near twin of a case that must not fire: the same plan just on the quiet side of the line."""

    change: Change = None
    settings: dict | None = None
    today: date | None = None


@dataclass(frozen=True)
class Case:
    """One rule firing: the change to the clean plan, and the (sheet, cell) where its code must appear."""

    code: str
    change: Change = None
    settings: dict | None = None
    today: date | None = None
    expected: tuple[str, str] = ("", "")
    twin: Twin | None = None
    workbook: bool = False  # the case is about reading a file: write it and read it back


def build(template, tmp_path, change=None, settings=None, name="plan.xlsx"):
    rows = clean_rows()
    if change:
        change(rows)
    path = fill(template, tmp_path / name, rows, clear=("channels",))
    set_settings(path, {**BASE_SETTINGS, **(settings or {})})
    return path


def in_memory(layout, change=None, settings=None):
    rows = clean_rows()
    if change:
        change(rows)
    return plan_from_rows(layout, rows, {**BASE_SETTINGS, **(settings or {})}, clear=("channels",))


def findings(path, today=TODAY, lang=None):
    plan = load(path)
    return run(plan, today, lang)


@pytest.fixture(scope="module")
def template(workbooks):
    return workbooks[("fr", False)]


@pytest.fixture(scope="module")
def layout(template):
    """The French template as read: where each table and setting lies."""
    return load(template)


def test_clean_plan_has_no_finding(template, tmp_path, layout):
    assert [(f.code, f.cell, f.message) for f in findings(build(template, tmp_path))] == []
    assert [(f.code, f.cell, f.message) for f in run(in_memory(layout), TODAY)] == []


def test_in_memory_plans_read_as_their_workbook(template, tmp_path, layout):
    """The in-memory plan of a case equals the plan its workbook reads as (rows, row numbers, settings)."""
    change = both(setrow("schedule", 1, status="Annulé", depends="A1"), setrow("channels", 2, selected="Oui"))
    settings = {"period_end": datetime(2027, 11, 30)}
    from_file = load(build(template, tmp_path, change, settings))
    memory = in_memory(layout, change, settings)
    assert {k: (t.sheet, [(r.row, dict(r)) for r in t.rows]) for k, t in memory.tables.items()} == {
        k: (t.sheet, [(r.row, dict(r)) for r in t.rows]) for k, t in from_file.tables.items()
    }
    assert {k: (c.value, c.sheet, c.ref) for k, c in memory.settings.items()} == {
        k: (c.value, c.sheet, c.ref) for k, c in from_file.settings.items()
    }
    assert run(memory, TODAY) == run(from_file, TODAY)


def setrow(table, i, **values):
    def change(rows):
        rows[table][i].update(values)

    return change


def append(table, **values):
    def change(rows):
        rows[table].append(values)

    return change


def both(*changes):
    def change(rows):
        for c in changes:
            c(rows)

    return change


def clear(table):
    def change(rows):
        rows[table] = []

    return change


D = datetime
CASES = [
    Case("MP004", setrow("actions", 0, cost="cher"), expected=("6 Actions", "H5"), workbook=True),
    Case(
        "MP005", setrow("actions", 1, id="a1"), expected=("6 Actions", "A6"), twin=Twin(setrow("actions", 1, id="A3"))
    ),
    Case("MP006", setrow("actions", 1, action=None), expected=("6 Actions", "B6")),
    Case("MP006", setrow("schedule", 1, end=None), expected=("7 Planning", "C6")),
    Case("MP007", setrow("actions", 0, revenue="=2*6000"), expected=("6 Actions", "I5"), workbook=True),
    Case("MP008", setrow("actions", 0, effort="#DIV/0!"), expected=("6 Actions", "J5"), workbook=True),
    Case("MP010", settings={"period_end": D(2026, 12, 1)}, expected=("Paramètres", "B9")),
    Case(
        "MP011",
        settings={"period_end": D(2029, 6, 30)},
        expected=("Paramètres", "B9"),
        twin=Twin(settings={"period_end": D(2028, 12, 31)}),
    ),
    Case(
        "MP101",
        both(clear("objectives"), clear("measurements"), lambda r: [a.update(objective=None) for a in r["actions"]]),
        expected=("1 Objectifs", "A4"),
    ),
    Case("MP102", setrow("objectives", 0, target=None), expected=("1 Objectifs", "E5")),
    Case("MP103", setrow("objectives", 0, unit=None), expected=("1 Objectifs", "F5")),
    Case("MP104", setrow("objectives", 1, deadline=None), expected=("1 Objectifs", "G6")),
    Case(
        "MP105",
        setrow("objectives", 0, deadline=D(2028, 3, 31)),
        expected=("1 Objectifs", "G5"),
        twin=Twin(setrow("objectives", 0, deadline=D(2027, 12, 31))),
    ),
    Case(
        "MP106",
        setrow("objectives", 0, objective="Plus de ventes"),
        expected=("1 Objectifs", "B5"),
        twin=Twin(setrow("objectives", 0, objective="Plus de ventes en ligne")),
    ),
    Case(
        "MP107",
        setrow("objectives", 1, target=45),
        expected=("1 Objectifs", "E6"),
        twin=Twin(setrow("objectives", 1, target=40)),
    ),
    Case("MP107", setrow("objectives", 1, target=10), expected=("1 Objectifs", "E6")),
    Case("MP108", setrow("objectives", 1, owner=None), expected=("1 Objectifs", "H6")),
    Case("MP109", setrow("objectives", 1, rationale=None), expected=("1 Objectifs", "J6")),
    Case("MP110", setrow("actions", 1, objective="O1"), expected=("1 Objectifs", "A6")),
    Case("MP110", setrow("schedule", 1, status="Annulé"), expected=("1 Objectifs", "A6")),
    Case(
        "MP201",
        both(
            clear("personas"),
            lambda r: [a.update(personas=None) for a in r["actions"]],
            lambda r: [c.update(personas=None) for c in r["channels"]],
        ),
        expected=("2 Personae", "A4"),
    ),
    Case("MP202", setrow("personas", 0, needs=None), expected=("2 Personae", "G5")),
    Case("MP203", setrow("personas", 0, reviewed=None), expected=("2 Personae", "L5")),
    Case(
        "MP203",
        setrow("personas", 0, reviewed=D(2026, 6, 29)),
        expected=("2 Personae", "L5"),
        twin=Twin(setrow("personas", 0, reviewed=D(2026, 6, 30))),
    ),
    Case("MP204", setrow("actions", 1, personas="P1"), expected=("2 Personae", "A6")),
    Case("MP301", lambda r: r["watch"].pop(3), expected=("3 Veille", "B4")),
    Case("MP302", lambda r: r["pestel"].pop(5), expected=("3 Veille", "I4")),
    Case(
        "MP401",
        setrow("channels", 1, objectives=None),
        expected=("4 Canaux", "D6"),
        twin=Twin(
            both(
                setrow("channels", 1, objectives=None),
                setrow("channels", 1, selected="Non"),
                setrow("actions", 0, channel="Emailing"),
            )
        ),
    ),
    Case(
        "MP402",
        setrow("actions", 1, channel="Facebook"),
        expected=("6 Actions", "F6"),
        twin=Twin(
            both(
                setrow("actions", 1, channel="Facebook"),
                setrow("schedule", 1, status="Annulé"),
                setrow("objectives", 1, objective="Recruter des abonnés à la box mensuelle"),
            )
        ),
    ),
    Case("MP403", setrow("actions", 1, channel="TikTok"), expected=("6 Actions", "E6")),
    Case("MP404", setrow("actions", 0, channel="Emailing"), expected=("4 Canaux", "A6")),
    Case(
        "MP501",
        setrow("actions", 0, cost=8000),
        expected=("Paramètres", "B11"),
        twin=Twin(setrow("actions", 0, cost=6500)),
    ),
    Case(
        "MP502",
        setrow("actions", 0, cost=6000),
        expected=("Paramètres", "B11"),
        twin=Twin(setrow("actions", 0, cost=5400)),
    ),
    Case(
        "MP503",
        setrow("actions", 0, effort=250),
        expected=("5 Ressources", "C5"),
        twin=Twin(setrow("actions", 0, effort=200)),
    ),
    Case(  # v2: only the month of today and later months; an overload in a past month is history
        "MP503",
        both(setrow("actions", 0, effort=250), setrow("schedule", 0, end=D(2027, 6, 30))),
        expected=("5 Ressources", "C5"),
        twin=Twin(both(setrow("actions", 0, effort=250), setrow("schedule", 0, end=D(2027, 5, 31)))),
    ),
    Case("MP504", setrow("schedule", 0, owner="Jules"), expected=("7 Planning", "D5")),
    Case("MP505", settings={"envelope": None}, expected=("Paramètres", "B11")),
    Case("MP506", setrow("actions", 0, revenue=0), expected=("6 Actions", "I4")),
    Case("MP507", setrow("actuals", 0, actual_cost=9000), expected=("Paramètres", "B11")),
    # forecast at completion on the clean plan: spent 4,500 (2,500 + 1,500 + overhead 500), still to spend
    # A1 2,500 + A2 1,500 + overhead 500: 9,000 for an envelope of 10,500
    Case(  # A1 at 7,000 for 5,000: 9,000 spent + A2 1,500 + overhead 500 = 11,000 > 10,500
        "MP508",
        setrow("actuals", 0, actual_cost=7000),
        expected=("Paramètres", "B11"),
        twin=Twin(setrow("actuals", 0, actual_cost=6400)),  # 10,400
    ),
    Case(  # v2: the forecast counts what is still planned; spending little so far is no longer flagged
        "MP508",
        setrow("actions", 1, cost=5000),  # 4,500 spent + 2,500 + 3,500 + 500 = 11,000
        expected=("Paramètres", "B11"),
        twin=Twin(setrow("actions", 1, cost=4400)),  # 10,400
    ),
    Case(
        "MP509",
        settings={"envelope": 11300},  # 9,000 < 80 % of 11,300 (9,040)
        expected=("Paramètres", "B11"),
        twin=Twin(settings={"envelope": 11250}),  # 9,000 = 80 % of 11,250
    ),
    Case(  # a Done action's actual cost is final: nothing left to spend on it
        "MP509",
        setrow("schedule", 0, status="Terminé"),  # A1 done at 2,500: 4,500 + A2 1,500 + 500 = 6,500 < 8,400
        expected=("Paramètres", "B11"),
    ),
    Case(
        "MP601",
        both(clear("actions"), clear("schedule"), clear("actuals"), clear("swot")),
        expected=("6 Actions", "A4"),
    ),
    Case("MP602", setrow("actions", 0, objective="O9"), expected=("6 Actions", "D5")),
    Case("MP603", setrow("actions", 0, channel="Insta"), expected=("6 Actions", "F5")),
    Case("MP604", setrow("actions", 0, personas="P1, P9"), expected=("6 Actions", "E5")),
    Case("MP605", setrow("actions", 0, cost=None), expected=("6 Actions", "H5")),
    Case("MP605", setrow("actions", 0, cost=-5), expected=("6 Actions", "H5"), twin=Twin(setrow("actions", 0, cost=0))),
    Case(
        "MP606",
        setrow("actions", 1, revenue=2999),
        expected=("6 Actions", "I6"),
        twin=Twin(setrow("actions", 1, revenue=3000)),
    ),
    Case("MP607", setrow("actions", 1, revenue=None), expected=("6 Actions", "I6")),
    Case("MP608", lambda r: r["swot"].pop(2), expected=("6 Actions", "L4")),
    Case("MP609", lambda r: r["schedule"].pop(1), expected=("6 Actions", "A6")),
    Case("MP610", setrow("actions", 1, pillar=None), expected=("6 Actions", "G6")),
    Case(
        "MP701",
        append("schedule", action="A9", start=D(2027, 2, 1), end=D(2027, 3, 1), owner="Hugo"),
        expected=("7 Planning", "A7"),
    ),
    Case("MP701", setrow("schedule", 1, depends="A7"), expected=("7 Planning", "G6")),
    Case(
        "MP702",
        setrow("schedule", 1, end=D(2027, 1, 4)),
        expected=("7 Planning", "C6"),
        twin=Twin(setrow("schedule", 1, end=D(2027, 1, 5))),
    ),
    Case("MP704", setrow("schedule", 1, end=D(2028, 1, 15)), expected=("7 Planning", "C6")),
    Case(
        "MP705",
        setrow("schedule", 1, end=D(2027, 6, 29)),
        expected=("7 Planning", "C6"),
        twin=Twin(both(setrow("schedule", 1, end=D(2027, 6, 29)), setrow("schedule", 1, status="Terminé"))),
    ),
    Case(
        "MP706",
        setrow("schedule", 1, end=D(2027, 7, 14)),
        expected=("7 Planning", "C6"),
        twin=Twin(setrow("schedule", 1, end=D(2027, 7, 15))),
    ),
    Case(
        "MP707",
        setrow("schedule", 1, status="À faire"),
        expected=("7 Planning", "F6"),
        twin=Twin(both(setrow("schedule", 1, status="À faire"), setrow("schedule", 1, start=D(2027, 6, 30)))),
    ),
    Case(
        "MP708",
        setrow("schedule", 1, depends="A1"),
        expected=("7 Planning", "B6"),
        twin=Twin(both(setrow("schedule", 0, end=D(2027, 1, 5)), setrow("schedule", 1, depends="A1"))),
    ),
    Case(
        "MP709",
        both(setrow("schedule", 0, depends="A2"), setrow("schedule", 1, depends="A1")),
        expected=("7 Planning", "G5"),
    ),
    Case(
        "MP710",
        setrow("schedule", 1, peak="Fête des mères 2027", start=D(2027, 5, 31)),
        expected=("7 Planning", "B6"),
        twin=Twin(setrow("schedule", 1, peak="Fête des mères 2027", start=D(2027, 5, 30))),
    ),
    Case("MP711", setrow("schedule", 1, owner=None), expected=("7 Planning", "D6")),
    Case(
        "MP712",
        both(setrow("schedule", 0, end=D(2027, 7, 31)), setrow("schedule", 1, end=D(2027, 7, 31))),
        expected=("7 Planning", "B4"),
        # v2: a plan without any action has every month empty, and that is MP601's business
        twin=Twin(both(clear("actions"), setrow("schedule", 0, end=D(2027, 7, 31)))),
    ),
    Case(
        "MP713",
        setrow("schedule", 1, peak="Fête des mères"),
        expected=("7 Planning", "H6"),
        twin=Twin(setrow("schedule", 1, peak="fête des MÈRES 2027")),
    ),
    Case("MP801", append("measurements", date=D(2027, 5, 1), objective="O9", value=3), expected=("8 Suivi", "B7")),
    Case(
        "MP802",
        setrow("measurements", 1, date=D(2027, 7, 1)),
        expected=("8 Suivi", "A6"),
        twin=Twin(setrow("measurements", 1, date=D(2027, 6, 30))),
    ),
    Case(
        "MP803",
        setrow("measurements", 1, value=14),
        expected=("1 Objectifs", "A6"),
        twin=Twin(setrow("measurements", 1, value=18)),
    ),
    Case(
        "MP804",
        lambda r: r["measurements"].pop(1),
        expected=("1 Objectifs", "A6"),
        twin=Twin(lambda r: r["measurements"].pop(1), today=date(2026, 12, 31)),
    ),
    Case(
        "MP805",
        setrow("actuals", 1, actual_cost=3301),
        expected=("8 Suivi", "H6"),
        twin=Twin(setrow("actuals", 1, actual_cost=3300)),
    ),
    Case(  # v2: an action's invoices add up; the finding sits on its latest line
        "MP805",
        both(
            setrow("actuals", 1, date=D(2027, 3, 31), actual_cost=2000),
            append("actuals", date=D(2027, 5, 31), action="A2", actual_cost=1301),
            append("actuals", date=D(2027, 4, 30), action="A2", actual_cost=0),
        ),
        expected=("8 Suivi", "H7"),
        twin=Twin(
            both(
                setrow("actuals", 1, date=D(2027, 3, 31), actual_cost=2000),
                append("actuals", date=D(2027, 5, 31), action="A2", actual_cost=1300),
            )
        ),
    ),
    Case("MP806", setrow("actuals", 1, action="A8"), expected=("8 Suivi", "G6")),
    Case(
        "MP807",
        setrow("measurements", 0, date=D(2027, 5, 29)),  # 32 days before 30 June
        expected=("1 Objectifs", "A5"),
        twin=Twin(setrow("measurements", 0, date=D(2027, 5, 30))),  # 31 days: on time
    ),
    Case(
        "MP807",
        setrow("measurements", 0, date=D(2027, 6, 10)),
        settings={"measure_every_days": 15},  # O2 read on 15 June: 15 days, on time
        expected=("1 Objectifs", "A5"),
        twin=Twin(setrow("measurements", 0, date=D(2027, 6, 10)), settings={"measure_every_days": 21}),
    ),
    Case(  # past its deadline the objective's time is up: judged by MP803, not asked for new readings
        "MP807",
        setrow("measurements", 0, date=D(2027, 3, 1)),
        expected=("1 Objectifs", "A5"),
        twin=Twin(both(setrow("measurements", 0, date=D(2027, 3, 1)), setrow("objectives", 0, deadline=D(2027, 6, 1)))),
    ),
    Case(
        "MP808",
        setrow("actuals", 0, date=D(2027, 7, 1)),
        expected=("8 Suivi", "F5"),
        twin=Twin(setrow("actuals", 0, date=D(2027, 6, 30))),
    ),
    Case("MP808", setrow("actuals", 1, date=D(2026, 12, 31)), expected=("8 Suivi", "F6")),
    Case(
        "MP012",
        settings={"currency": 'EU"R'},
        expected=("Paramètres", "B10"),
        twin=Twin(settings={"currency": "usd"}),
    ),
    Case(  # v2: several rows per action in the actuals are no duplicate
        "MP005",
        setrow("actions", 1, id="A1"),
        expected=("6 Actions", "A6"),
        twin=Twin(append("actuals", date=D(2027, 6, 1), action="A1", actual_cost=10)),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_at_its_cell_and_not_on_its_twin(template, layout, tmp_path, case):
    def found(change, settings, today, name):
        if case.workbook:
            return findings(build(template, tmp_path, change, settings, name), today or TODAY)
        return run(in_memory(layout, change, settings), today or TODAY)

    every = found(case.change, case.settings, case.today, "plan.xlsx")
    hits = [(f.sheet, f.cell) for f in every if f.code == case.code]
    assert case.expected in hits, [(f.code, f.sheet, f.cell, f.message) for f in every]
    assert set(hits) == {case.expected}, hits  # several findings only where one per month is the rule
    if case.twin:
        quiet = found(case.twin.change, case.twin.settings, case.twin.today, "twin.xlsx")
        assert [f for f in quiet if f.code == case.code] == []


def test_every_rule_has_a_firing_case():
    tested = {c.code for c in CASES} | {"MP001", "MP002"}  # table and column: tests/test_reader.py
    assert tested == set(RULES) == set(CATALOG)


def test_the_catalogue_is_sorted_complete_and_documented():
    codes = [s.code for s in SPECS]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert codes[:5] == ["MP001", "MP002", "MP004", "MP005", "MP006"], "the reading codes are in it"
    assert list(RULES) == codes
    names = [s.name for s in SPECS]
    assert len(set(names)) == len(names)
    for spec in SPECS:
        assert re.fullmatch(r"MP\d{3}", spec.code) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", spec.name), spec
        assert spec.severity in ("error", "warning", "info"), spec.code
        for text in (spec.message, spec.hint):
            assert text.fr.strip() and text.en.strip(), spec.code
            fields = set(re.findall(r"{(\w+)}", text.fr))
            assert fields == set(re.findall(r"{(\w+)}", text.en)), spec.code  # same values in both languages
        assert spec.title.en and spec.why.en and spec.example.en and spec.fix.en, spec.code  # French: test_catalog
        assert not spec.title.en.endswith(":") and "\n" not in spec.title.en, spec.code


def test_every_check_is_catalogued_and_every_rule_is_checked():
    assert set(CHECKS) | READER_CODES == set(CATALOG)
    assert not set(CHECKS) & READER_CODES


def test_one_cell_one_finding(template, tmp_path):
    """A cost that cannot be read is MP004 only: not also MP605 (missing cost) or MP006."""
    found = findings(build(template, tmp_path, setrow("actions", 0, cost="n/a")))
    assert [(f.code, f.cell) for f in found if f.sheet == "6 Actions"] == [("MP004", "H5")]


def test_messages_in_the_requested_language(layout):
    plan = in_memory(layout, setrow("objectives", 0, target=None))
    fr = [f for f in run(plan, TODAY) if f.code == "MP102"][0]
    en = [f for f in run(plan, TODAY, "en") if f.code == "MP102"][0]
    assert fr.message == "Objectif O1 sans cible chiffrée (non mesurable)"
    assert en.message == "Objective O1 has no numeric target" and en.cell == fr.cell
    assert fr.message_in("en") == en.message and en.hint_in("fr") == fr.hint


def test_findings_keep_typed_values_and_are_worded_at_output(layout):
    plan = in_memory(layout, setrow("actuals", 1, actual_cost=3301))
    over = next(f for f in run(plan, TODAY) if f.code == "MP805")
    values = dict(over.values)
    assert values["actual"] == Money(3301) and values["cost"] == Money(3000)
    assert isinstance(values["over"], Percent)
    assert over.message == "Action A2 : coût réel 3\u202f301 € pour 3\u202f000 € prévus (+10\u00a0%)"
    assert over.message_in("en") == "Action A2: actual cost €3,301 for €3,000 planned (+10%)"
    assert over.to_dict() == {
        "code": "MP805",
        "severity": "warning",
        "sheet": "8 Suivi",
        "cell": "H6",
        "message": over.message,
        "hint": over.hint,
    }
    quadrant = Finding("MP608", "warning", "6 Actions", "L4", (("quadrant", Text("Menace", "Threat")),))
    assert quadrant.message_in("en") == "SWOT quadrant 'Threat' is empty"
    assert quadrant.message == "Quadrant SWOT « Menace » vide"


def test_rules_never_modify_the_plan(layout):
    plan = in_memory(layout, setrow("objectives", 0, target=None))
    before = copy.deepcopy([(k, [(r.row, dict(r)) for r in t.rows]) for k, t in plan.tables.items()])
    assert sum(len(rows) for _, rows in before) > 20 and all(values for _, rows in before for _, values in rows)
    run(plan, TODAY)
    assert [(k, [(r.row, dict(r)) for r in t.rows]) for k, t in plan.tables.items()] == before


def test_blank_template_says_what_to_fill_first_without_a_flood():
    """An empty table gives one finding naming every missing type, not one per type (issue 15 part 7)."""
    from .conftest import ROOT

    report = load(ROOT / "templates" / "modele-plan-marketing-fr.xlsx")
    found = run(report, date(2027, 3, 1))
    codes = sorted(f.code for f in found)
    assert codes == ["MP101", "MP201", "MP301", "MP302", "MP505", "MP601", "MP608"], codes
    swot = next(f for f in found if f.code == "MP608")
    assert swot.message == "Quadrant SWOT « Force / Faiblesse / Opportunité / Menace » vide"
