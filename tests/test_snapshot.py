"""The snapshot a report keeps and `mplan diff`'s comparison (SPEC sections 4 and 5, issue 14 part 4)."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime

import pytest

from mplan_xl.i18n import Locale
from mplan_xl.snapshot import SIGNATURE, as_text, compare, decode, diff_files, encode, of_workbook

from .helpers import clean_rows, fill, set_settings

TODAY = date(2027, 6, 30)


@pytest.fixture(scope="module")
def versions(tmp_path_factory, workbooks):
    """Two versions of a small plan: the second moves, re-costs, finishes, cancels, adds and removes."""
    folder = tmp_path_factory.mktemp("versions")
    base = workbooks[("fr", False)]
    old_rows = clean_rows()
    old_rows["actions"].append(dict(id="A3", action="Salon", objective="O1", channel="Emailing", cost=800))
    old_rows["schedule"].append(
        dict(action="A3", start=datetime(2027, 9, 1), end=datetime(2027, 9, 3), owner="Claire", status="À faire")
    )
    new_rows = copy.deepcopy(clean_rows())
    new_rows["actions"][0]["cost"] = 5600  # A1 re-costed
    new_rows["actions"][1]["revenue"] = 9000  # A2: more expected revenue
    new_rows["schedule"][0].update(end=datetime(2027, 12, 31), status="Terminé")  # A1 later deadline, done
    new_rows["schedule"][1].update(start=datetime(2027, 1, 2), status="Annulé")  # A2 earlier start, cancelled
    new_rows["actions"].append(dict(id="a4", action="Jeu concours", objective="O2", channel="Emailing", cost=300))
    new_rows["objectives"][1]["target"] = 35
    new_rows["objectives"][0]["deadline"] = datetime(2027, 11, 30)
    old = fill(base, folder / "old.xlsx", old_rows)
    new = fill(base, folder / "new.xlsx", new_rows)
    set_settings(old, {"envelope": 12000})
    set_settings(new, {"envelope": 15000})
    return old, new


def test_diff_json_is_the_specified_comparison(versions):
    old, new = versions
    diff = diff_files(old, new, TODAY).to_dict()
    assert diff["old"] == str(old) and diff["new"] == str(new)
    assert diff["actions"] == {
        "added": ["a4"],
        "removed": ["A3"],
        "cancelled": ["A2"],
        "done": ["A1"],
        "moved": [
            {"id": "A1", "start_days": 0, "deadline_days": 11},
            {"id": "A2", "start_days": -3, "deadline_days": 0},
        ],
        "cost": [{"id": "A1", "old": 5000.0, "new": 5600.0}],
        "revenue": [{"id": "A2", "old": 8000.0, "new": 9000.0}],
    }
    assert diff["envelope"] == {"old": 12000.0, "new": 15000.0}
    # planned spend: active actions + overheads; A2 (3000) is cancelled in the new version, A3 removed, a4 added
    assert diff["planned_spend"] == {"old": 5000 + 3000 + 800 + 1000.0, "new": 5600 + 300 + 1000.0}
    assert diff["objectives"] == [
        {"id": "O1", "field": "deadline", "old": "2027-12-31", "new": "2027-11-30"},
        {"id": "O2", "field": "target", "old": 30.0, "new": 35.0},
    ]
    assert set(diff["counts"]) == {"old", "new"} and set(diff["counts"]["old"]) == {"error", "warning", "info"}
    json.dumps(diff)  # plain JSON


def test_diff_of_a_plan_with_itself_is_empty(versions):
    old, _ = versions
    diff = diff_files(old, old, TODAY)
    assert not diff.changed
    lists = diff.to_dict()["actions"]
    assert all(value == [] for value in lists.values()) and diff.objectives == []
    assert "Aucun changement" in as_text(diff, Locale("fr"))


def test_diff_text_in_both_languages(versions):
    old, new = versions
    diff = diff_files(old, new, TODAY)
    fr, en = as_text(diff, Locale("fr")), as_text(diff, Locale("en"))
    assert "Actions ajoutées" in fr and "a4" in fr and "A1 (échéance +11\u00a0j)" in fr
    assert "5\u202f000 € → 5\u202f600 €" in fr and "O2 cible 30 → 35" in fr
    assert "O1 échéance 31/12/2027 → 30/11/2027" in fr
    assert "Actions added" in en and "A2 (start -3d)" in en and "€12,000 → €15,000" in en


def test_snapshot_cells_round_trip_and_refuse_what_is_not_one(versions):
    snapshot = of_workbook(versions[0], TODAY)
    cells = encode(snapshot)
    assert cells[0].startswith(SIGNATURE) and all(len(c) <= 32_767 for c in cells)
    assert decode(cells) == snapshot
    assert decode([cells[0], cells[1][:-1] + "x"]) is None  # altered payload: checksum fails
    assert decode(["Synthèse", "Budget"]) is None  # a user's text
    assert decode([f"{SIGNATURE} 1 0000", "{}"]) is None
    assert decode([]) is None and decode([None, 3]) is None


def test_large_snapshots_are_chunked_below_the_cell_limit():
    actions = {
        f"A{i:05d}": {
            "cost": 1000.0 + i,
            "revenue": None,
            "start": "2027-01-01",
            "deadline": "2027-12-31",
            "status": "todo",
            "owner": "Claire",
        }
        for i in range(2000)
    }
    snapshot = {
        "generated": "2027-06-30",
        "today": "2027-06-30",
        "envelope": None,
        "planned_spend": 1.0,
        "actions": actions,
        "objectives": {},
        "counts": {"error": 0, "warning": 0, "info": 0},
    }
    cells = encode(snapshot)
    assert len(cells) > 3 and max(len(c) for c in cells) <= 32_767
    assert decode(cells) == snapshot


def test_compare_matches_ids_ignoring_case_and_spaces():
    old = {"actions": {"a1": {"cost": 1.0, "status": "todo"}}, "objectives": {}, "counts": {}}
    new = {"actions": {" A1 ": {"cost": 1.0, "status": "done"}}, "objectives": {}, "counts": {}}
    diff = compare(old, new)
    assert diff.added == [] and diff.removed == [] and diff.done == [" A1 "]


def test_mplan_diff_command(versions, tmp_path):
    from click.testing import CliRunner

    from mplan_xl.cli import cli

    old, new = versions
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", str(old), str(new), "--format", "json", "--today", "2027-06-30"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == diff_files(old, new, TODAY).to_dict()
    text = runner.invoke(cli, ["diff", str(old), str(new), "--lang", "en", "--today", "2027-06-30"])
    assert text.exit_code == 0 and text.output.startswith(f"Changes from {old} to {new}")
    missing = runner.invoke(cli, ["diff", str(tmp_path / "nope.xlsx"), str(new)])
    assert missing.exit_code == 2 and "nope.xlsx" in missing.output and "Traceback" not in missing.output


def test_rebase_keeps_the_comparison_when_the_plan_has_not_changed():
    from mplan_xl.snapshot import rebase

    first = {"generated": "2027-05-31", "today": "2027-05-31", "actions": {"A1": {"cost": 1.0}}, "lang": "fr"}
    second = dict(first, generated="2027-06-30", today="2027-06-30", actions={"A1": {"cost": 2.0}})
    base, stored_first = rebase(first, None)
    assert base is None and stored_first["base"] is None
    base, stored_second = rebase(second, stored_first)
    assert base == first and stored_second["base"] == first  # compared with the first report
    again = dict(second, generated="2027-07-01", lang="en")  # same plan, run again in English the next day
    base, stored_again = rebase(again, stored_second)
    assert base == first and stored_again["base"] == first, "the comparison with the first report is kept"
    assert "base" not in stored_again["base"], "never nested beyond one level"
