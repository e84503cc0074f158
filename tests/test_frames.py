"""Tables and figures as pandas DataFrames for analysts (issue 11 part 8)."""

from datetime import date

import pandas as pd
import pytest

from mplan_xl import load
from mplan_xl.figures import compute
from mplan_xl.frames import figure_frames
from mplan_xl.schema import TABLE

from .conftest import ROOT

SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"


@pytest.fixture(scope="module")
def plan():
    return load(SAMPLE)


def test_every_table_is_a_typed_frame_with_its_cells(plan):
    frames = plan.frames()
    assert set(frames) == set(TABLE)
    actions = frames["actions"]
    assert len(actions) == len(plan.rows("actions"))
    first = plan.rows("actions")[0]
    assert actions.loc[0, "id"] == first.get("id") and actions.loc[0, "cost"] == first.get("cost")
    assert actions.loc[0, "_row"] == first.row and actions.loc[0, "_sheet"] == first.sheet
    assert pd.api.types.is_float_dtype(actions["cost"])
    assert pd.api.types.is_datetime64_any_dtype(frames["schedule"]["end"])
    assert frames["schedule"]["status"].isin(["todo", "in_progress", "done", "cancelled"]).all()
    assert actions["cost"].sum() == pytest.approx(sum(r.get("cost", 0) for r in plan.rows("actions")))


def test_figures_as_frames_add_up_to_the_figures(plan):
    figures = compute(plan, date(2027, 6, 30))
    frames = figure_frames(figures)
    assert frames["totals"].loc[0, "planned_spend"] == pytest.approx(figures.planned_spend)
    assert frames["by_month"]["planned_cost"].sum() + figures.unscheduled_cost == pytest.approx(
        figures.planned_spend - sum(r.get("planned", 0) or 0 for r in plan.rows("overheads"))
    )
    channel = frames["by_channel"].set_index("channel")
    for name, bucket in figures.by_channel.items():
        assert channel.loc[name, "planned_cost"] == pytest.approx(bucket["planned_cost"])
    workload = frames["workload"]
    assert set(workload["owner"]) == set(figures.workload)
    assert set(frames["objectives"]["objective"]) == set(figures.objectives)
    assert sorted(frames["deadlines"]["action"]) == sorted(figures.overdue + figures.due_soon)


def test_a_missing_table_is_an_empty_frame_with_its_columns(tmp_path):
    from mplan_xl import create_plan

    path = tmp_path / "blank.xlsx"
    create_plan(path, lang="en", start=date(2027, 1, 1))
    frames = load(path).frames()
    assert frames["actions"].empty and list(frames["actions"].columns)[:3] == ["id", "action", "description"]


def test_commands_do_not_import_pandas():
    """pandas costs half a second to import: only the frames module uses it."""
    import subprocess
    import sys

    code = (
        "import sys; from mplan_xl.cli import main\n"
        f"try:\n    main(['validate', {str(SAMPLE)!r}])\nexcept SystemExit:\n    pass\n"
        "assert 'pandas' not in sys.modules and 'openpyxl' not in sys.modules, 'imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
