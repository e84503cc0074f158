"""Every rule fires at the expected cell on a plan changed in one place, and not on its near twin.

The clean plan (tests/helpers.clean_rows) raises no finding at TODAY; each case changes it a little. The
clean plan is every case's near twin; threshold rules also get a twin just on the quiet side of the line.
Tables of the French template: actions A–J (SWOT L–N), schedule A–H (peaks J–L), measurements A–D
(actuals F–J), team A–E (overheads G–J), watch A–G (PESTEL I–L); data from row 5.
"""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest

from mplan_xl.reader import load
from mplan_xl.rules import RULES, run

from .helpers import clean_rows, fill, set_settings

TODAY = date(2027, 6, 30)
BASE_SETTINGS = {"envelope": 10500}


def build(template, tmp_path, change=None, settings=None, name="plan.xlsx"):
    rows = clean_rows()
    if change:
        change(rows)
    path = fill(template, tmp_path / name, rows, clear=("channels",))
    set_settings(path, {**BASE_SETTINGS, **(settings or {})})
    return path


def findings(path, today=TODAY, lang=None):
    plan = load(path)
    return run(plan, today, lang)


@pytest.fixture(scope="module")
def template(workbooks):
    return workbooks[("fr", False)]


def test_clean_plan_has_no_finding(template, tmp_path):
    assert [(f.code, f.cell, f.message) for f in findings(build(template, tmp_path))] == []


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
# code, change, settings, today, expected (sheet, cell), near twin (change, settings, today) that must not fire
CASES = [
    ("MP004", setrow("actions", 0, cost="cher"), None, None, ("6 Actions", "H5"), None),
    (
        "MP005",
        setrow("actions", 1, id="a1"),
        None,
        None,
        ("6 Actions", "A6"),
        (setrow("actions", 1, id="A3"), None, None),
    ),
    ("MP006", setrow("actions", 1, action=None), None, None, ("6 Actions", "B6"), None),
    ("MP006", setrow("schedule", 1, end=None), None, None, ("7 Planning", "C6"), None),
    ("MP007", setrow("actions", 0, revenue="=2*6000"), None, None, ("6 Actions", "I5"), None),
    ("MP008", setrow("actions", 0, effort="#DIV/0!"), None, None, ("6 Actions", "J5"), None),
    ("MP010", None, {"period_end": D(2026, 12, 1)}, None, ("Paramètres", "B9"), None),
    (
        "MP011",
        None,
        {"period_end": D(2029, 6, 30)},
        None,
        ("Paramètres", "B9"),
        (None, {"period_end": D(2028, 12, 31)}, None),
    ),
    (
        "MP101",
        both(clear("objectives"), clear("measurements"), lambda r: [a.update(objective=None) for a in r["actions"]]),
        None,
        None,
        ("1 Objectifs", "A4"),
        None,
    ),
    ("MP102", setrow("objectives", 0, target=None), None, None, ("1 Objectifs", "E5"), None),
    ("MP103", setrow("objectives", 0, unit=None), None, None, ("1 Objectifs", "F5"), None),
    ("MP104", setrow("objectives", 1, deadline=None), None, None, ("1 Objectifs", "G6"), None),
    (
        "MP105",
        setrow("objectives", 0, deadline=D(2028, 3, 31)),
        None,
        None,
        ("1 Objectifs", "G5"),
        (setrow("objectives", 0, deadline=D(2027, 12, 31)), None, None),
    ),
    (
        "MP106",
        setrow("objectives", 0, objective="Plus de ventes"),
        None,
        None,
        ("1 Objectifs", "B5"),
        (setrow("objectives", 0, objective="Plus de ventes en ligne"), None, None),
    ),
    (
        "MP107",
        setrow("objectives", 1, target=45),
        None,
        None,
        ("1 Objectifs", "E6"),
        (setrow("objectives", 1, target=40), None, None),
    ),
    ("MP107", setrow("objectives", 1, target=10), None, None, ("1 Objectifs", "E6"), None),
    ("MP108", setrow("objectives", 1, owner=None), None, None, ("1 Objectifs", "H6"), None),
    ("MP109", setrow("objectives", 1, rationale=None), None, None, ("1 Objectifs", "J6"), None),
    ("MP110", setrow("actions", 1, objective="O1"), None, None, ("1 Objectifs", "A6"), None),
    ("MP110", setrow("schedule", 1, status="Annulé"), None, None, ("1 Objectifs", "A6"), None),
    (
        "MP201",
        both(
            clear("personas"),
            lambda r: [a.update(personas=None) for a in r["actions"]],
            lambda r: [c.update(personas=None) for c in r["channels"]],
        ),
        None,
        None,
        ("2 Personae", "A4"),
        None,
    ),
    ("MP202", setrow("personas", 0, needs=None), None, None, ("2 Personae", "G5"), None),
    ("MP203", setrow("personas", 0, reviewed=None), None, None, ("2 Personae", "L5"), None),
    (
        "MP203",
        setrow("personas", 0, reviewed=D(2026, 6, 29)),
        None,
        None,
        ("2 Personae", "L5"),
        (setrow("personas", 0, reviewed=D(2026, 6, 30)), None, None),
    ),
    ("MP204", setrow("actions", 1, personas="P1"), None, None, ("2 Personae", "A6"), None),
    ("MP301", lambda r: r["watch"].pop(3), None, None, ("3 Veille", "B4"), None),
    ("MP302", lambda r: r["pestel"].pop(5), None, None, ("3 Veille", "I4"), None),
    (
        "MP401",
        setrow("channels", 1, objectives=None),
        None,
        None,
        ("4 Canaux", "D6"),
        (
            both(
                setrow("channels", 1, objectives=None),
                setrow("channels", 1, selected="Non"),
                setrow("actions", 0, channel="Emailing"),
            ),
            None,
            None,
        ),
    ),
    (
        "MP402",
        setrow("actions", 1, channel="Facebook"),
        None,
        None,
        ("6 Actions", "F6"),
        (
            both(
                setrow("actions", 1, channel="Facebook"),
                setrow("schedule", 1, status="Annulé"),
                setrow("objectives", 1, objective="Recruter des abonnés à la box mensuelle"),
            ),
            None,
            None,
        ),
    ),
    ("MP403", setrow("actions", 1, channel="TikTok"), None, None, ("6 Actions", "E6"), None),
    ("MP404", setrow("actions", 0, channel="Emailing"), None, None, ("4 Canaux", "A6"), None),
    (
        "MP501",
        setrow("actions", 0, cost=8000),
        None,
        None,
        ("Paramètres", "B11"),
        (setrow("actions", 0, cost=6500), None, None),
    ),
    (
        "MP502",
        setrow("actions", 0, cost=6000),
        None,
        None,
        ("Paramètres", "B11"),
        (setrow("actions", 0, cost=5400), None, None),
    ),
    (
        "MP503",
        setrow("actions", 0, effort=250),
        None,
        None,
        ("5 Ressources", "C5"),
        (setrow("actions", 0, effort=200), None, None),
    ),
    ("MP504", setrow("schedule", 0, owner="Jules"), None, None, ("7 Planning", "D5"), None),
    ("MP505", None, {"envelope": None}, None, ("Paramètres", "B11"), None),
    ("MP506", setrow("actions", 0, revenue=0), None, None, ("6 Actions", "I4"), None),
    ("MP507", setrow("actuals", 0, actual_cost=9000), None, None, ("Paramètres", "B11"), None),
    (
        "MP508",
        setrow("actuals", 0, actual_cost=4000),
        None,
        None,
        ("Paramètres", "B11"),
        (setrow("actuals", 0, actual_cost=3000), None, None),
    ),
    ("MP509", setrow("actuals", 0, actual_cost=500), None, None, ("Paramètres", "B11"), None),
    (
        "MP601",
        both(clear("actions"), clear("schedule"), clear("actuals"), clear("swot")),
        None,
        None,
        ("6 Actions", "A4"),
        None,
    ),
    ("MP602", setrow("actions", 0, objective="O9"), None, None, ("6 Actions", "D5"), None),
    ("MP603", setrow("actions", 0, channel="Insta"), None, None, ("6 Actions", "F5"), None),
    ("MP604", setrow("actions", 0, personas="P1, P9"), None, None, ("6 Actions", "E5"), None),
    ("MP605", setrow("actions", 0, cost=None), None, None, ("6 Actions", "H5"), None),
    (
        "MP605",
        setrow("actions", 0, cost=-5),
        None,
        None,
        ("6 Actions", "H5"),
        (setrow("actions", 0, cost=0), None, None),
    ),
    (
        "MP606",
        setrow("actions", 1, revenue=2999),
        None,
        None,
        ("6 Actions", "I6"),
        (setrow("actions", 1, revenue=3000), None, None),
    ),
    ("MP607", setrow("actions", 1, revenue=None), None, None, ("6 Actions", "I6"), None),
    ("MP608", lambda r: r["swot"].pop(2), None, None, ("6 Actions", "L4"), None),
    ("MP609", lambda r: r["schedule"].pop(1), None, None, ("6 Actions", "A6"), None),
    ("MP610", setrow("actions", 1, pillar=None), None, None, ("6 Actions", "G6"), None),
    (
        "MP701",
        append("schedule", action="A9", start=D(2027, 2, 1), end=D(2027, 3, 1), owner="Hugo"),
        None,
        None,
        ("7 Planning", "A7"),
        None,
    ),
    ("MP701", setrow("schedule", 1, depends="A7"), None, None, ("7 Planning", "G6"), None),
    (
        "MP702",
        setrow("schedule", 1, end=D(2027, 1, 4)),
        None,
        None,
        ("7 Planning", "C6"),
        (setrow("schedule", 1, end=D(2027, 1, 5)), None, None),
    ),
    ("MP704", setrow("schedule", 1, end=D(2028, 1, 15)), None, None, ("7 Planning", "C6"), None),
    (
        "MP705",
        setrow("schedule", 1, end=D(2027, 6, 29)),
        None,
        None,
        ("7 Planning", "C6"),
        (both(setrow("schedule", 1, end=D(2027, 6, 29)), setrow("schedule", 1, status="Terminé")), None, None),
    ),
    (
        "MP706",
        setrow("schedule", 1, end=D(2027, 7, 14)),
        None,
        None,
        ("7 Planning", "C6"),
        (setrow("schedule", 1, end=D(2027, 7, 15)), None, None),
    ),
    (
        "MP707",
        setrow("schedule", 1, status="À faire"),
        None,
        None,
        ("7 Planning", "F6"),
        (both(setrow("schedule", 1, status="À faire"), setrow("schedule", 1, start=D(2027, 6, 30))), None, None),
    ),
    (
        "MP708",
        setrow("schedule", 1, depends="A1"),
        None,
        None,
        ("7 Planning", "B6"),
        (both(setrow("schedule", 0, end=D(2027, 1, 5)), setrow("schedule", 1, depends="A1")), None, None),
    ),
    (
        "MP709",
        both(setrow("schedule", 0, depends="A2"), setrow("schedule", 1, depends="A1")),
        None,
        None,
        ("7 Planning", "G5"),
        None,
    ),
    (
        "MP710",
        setrow("schedule", 1, peak="Fête des mères 2027", start=D(2027, 5, 31)),
        None,
        None,
        ("7 Planning", "B6"),
        (setrow("schedule", 1, peak="Fête des mères 2027", start=D(2027, 5, 30)), None, None),
    ),
    ("MP711", setrow("schedule", 1, owner=None), None, None, ("7 Planning", "D6"), None),
    (
        "MP712",
        both(setrow("schedule", 0, end=D(2027, 7, 31)), setrow("schedule", 1, end=D(2027, 7, 31))),
        None,
        None,
        ("7 Planning", "B4"),
        None,
    ),
    (
        "MP713",
        setrow("schedule", 1, peak="Fête des mères"),
        None,
        None,
        ("7 Planning", "H6"),
        (setrow("schedule", 1, peak="fête des MÈRES 2027"), None, None),
    ),
    ("MP801", append("measurements", date=D(2027, 5, 1), objective="O9", value=3), None, None, ("8 Suivi", "B7"), None),
    (
        "MP802",
        setrow("measurements", 1, date=D(2027, 7, 1)),
        None,
        None,
        ("8 Suivi", "A6"),
        (setrow("measurements", 1, date=D(2027, 6, 30)), None, None),
    ),
    (
        "MP803",
        setrow("measurements", 1, value=14),
        None,
        None,
        ("1 Objectifs", "A6"),
        (setrow("measurements", 1, value=18), None, None),
    ),
    (
        "MP804",
        lambda r: r["measurements"].pop(1),
        None,
        None,
        ("1 Objectifs", "A6"),
        (lambda r: r["measurements"].pop(1), None, date(2026, 12, 31)),
    ),
    (
        "MP805",
        setrow("actuals", 1, actual_cost=3301),
        None,
        None,
        ("8 Suivi", "H6"),
        (setrow("actuals", 1, actual_cost=3300), None, None),
    ),
    ("MP806", setrow("actuals", 1, action="A8"), None, None, ("8 Suivi", "G6"), None),
]


@pytest.mark.parametrize(
    "code,change,settings,today,expected,twin", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_fires_at_its_cell_and_not_on_its_twin(template, tmp_path, code, change, settings, today, expected, twin):
    found = findings(build(template, tmp_path, change, settings), today or TODAY)
    hits = [(f.sheet, f.cell) for f in found if f.code == code]
    assert expected in hits, [(f.code, f.sheet, f.cell, f.message) for f in found]
    assert set(hits) == {expected}, hits  # several findings only where one per month is the rule
    if twin:
        twin_change, twin_settings, twin_today = twin
        quiet = findings(build(template, tmp_path, twin_change, twin_settings, "twin.xlsx"), twin_today or TODAY)
        assert [f for f in quiet if f.code == code] == []


def test_every_rule_has_a_firing_case_and_documentation():
    tested = {c[0] for c in CASES} | {"MP001", "MP002"}  # table and column: tests/test_reader.py
    assert tested == set(RULES)
    for rule in RULES.values():
        doc = rule.doc
        assert "Why:" in doc and "Example:" in doc and "Fix:" in doc, rule.code


def test_one_cell_one_finding(template, tmp_path):
    """A cost that cannot be read is MP004 only: not also MP605 (missing cost) or MP006."""
    found = findings(build(template, tmp_path, setrow("actions", 0, cost="n/a")))
    assert [(f.code, f.cell) for f in found if f.sheet == "6 Actions"] == [("MP004", "H5")]


def test_messages_in_the_requested_language(template, tmp_path):
    path = build(template, tmp_path, setrow("objectives", 0, target=None))
    fr = [f for f in findings(path) if f.code == "MP102"][0]
    en = [f for f in findings(path, lang="en") if f.code == "MP102"][0]
    assert fr.message == "Objectif O1 sans cible chiffrée (non mesurable)"
    assert en.message == "Objective O1 has no numeric target" and en.cell == fr.cell


def test_rules_never_modify_the_plan(template, tmp_path):
    path = build(template, tmp_path)
    plan = load(path)
    before = copy.deepcopy([(k, [r.values for r in t.rows]) for k, t in plan.tables.items()])
    run(plan, TODAY)
    assert [(k, [r.values for r in t.rows]) for k, t in plan.tables.items()] == before
