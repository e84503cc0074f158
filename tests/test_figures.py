"""Figures (SPEC section 2) against values computed by hand on small plans built in memory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mplan_xl.figures import compute, elapsed_share
from mplan_xl.reader import Cell, Plan, Row, TableData
from mplan_xl.schema import TABLE
from mplan_xl.values import id_key

PERIOD = (date(2027, 1, 1), date(2027, 12, 31))


def make_plan(settings=None, **tables) -> Plan:
    values = {"period_start": PERIOD[0], "period_end": PERIOD[1], "country": "FR", "due_soon_days": 14}
    values.update(settings or {})
    plan = Plan(Path("test.xlsx"), "fr", {k: Cell(v, "Paramètres", "B5") for k, v in values.items()}, {}, [], [])
    for key, rows in tables.items():
        columns = {c.key: i for i, c in enumerate(TABLE[key].columns)}
        data = TableData(key, key, 4, columns, [], "name")
        data.rows = [Row(key, key, 5 + i, dict(r), columns) for i, r in enumerate(rows)]
        plan.tables[key] = data
    return plan


def action(ident, cost, revenue=None, effort=None, objective="O1", channel="Emailing", pillar="promotion"):
    return dict(
        id=ident, cost=cost, revenue=revenue, effort=effort, objective=objective, channel=channel, pillar=pillar
    )


def sched(ident, start, end, status="in_progress", owner="Claire"):
    return dict(action=ident, start=start, end=end, status=status, owner=owner)


def test_spend_revenue_roi_with_cancelled_and_unscheduled_actions():
    plan = make_plan(
        {"envelope": 10000, "gross_margin": 0.5},
        actions=[action("A1", 1000, 3000), action("A2", 500, 100), action("A3", 2000, 9000)],
        schedule=[
            sched("A1", date(2027, 3, 1), date(2027, 3, 31)),
            sched("A3", date(2027, 3, 1), date(2027, 3, 31), status="cancelled"),
        ],
        overheads=[dict(item="Outil", planned=500, actual=200)],
        actuals=[
            dict(action="A1", actual_cost=1200, actual_revenue=2000),
            dict(action="A9", actual_cost=999, actual_revenue=999),
        ],  # unknown action: left out
    )
    fig = compute(plan, date(2027, 7, 2))
    assert fig.planned_spend == 1000 + 500 + 500  # A3 cancelled; overheads planned
    assert fig.expected_revenue == 3100
    assert fig.actual_spend == 1200 + 200 and fig.actual_revenue == 2000
    assert fig.planned_roi == pytest.approx((3100 - 2000) / 2000)
    assert fig.actual_roi == pytest.approx((2000 - 1400) / 1400)
    assert fig.planned_romi == pytest.approx((3100 * 0.5 - 2000) / 2000)
    assert fig.budget_used == pytest.approx(0.2)
    assert fig.unscheduled_cost == 500  # A2 has no schedule row
    assert fig.by_month == {"2027-03": 1000}
    assert fig.by_channel["Emailing"]["actions"] == 2 and fig.by_channel["Emailing"]["planned_cost"] == 1500
    # forecast at completion (v2): spent 1400 + A1 nothing left (1200 spent of 1000) + A2 500 (unscheduled,
    # nothing spent) + the overhead's 300 still to spend; A3 is cancelled
    assert fig.projected_spend == pytest.approx(1400 + 0 + 500 + 300)


def test_no_envelope_means_bottom_up_and_zero_cost_means_no_roi():
    plan = make_plan(actions=[action("A1", 0, 500)], schedule=[sched("A1", date(2027, 2, 1), date(2027, 2, 1))])
    fig = compute(plan, date(2027, 1, 1))
    assert fig.envelope == 0 and fig.budget_used is None and fig.planned_roi is None
    assert fig.projected_spend == 0, "forecast at completion: nothing spent, nothing left to spend"
    plan = make_plan(actions=[action("A1", 800, 500)])
    fig = compute(plan, date(2027, 6, 1))
    assert fig.envelope == 800 and fig.budget_used == 1.0


def test_monthly_plan_spans_years_and_leap_days_and_sums_exactly():
    plan = make_plan(
        actions=[action("A1", 310), action("A2", 30), action("A3", 100)],
        schedule=[
            sched("A1", date(2027, 12, 17), date(2028, 1, 16)),
            sched("A2", date(2028, 2, 28), date(2028, 3, 1)),
            sched("A3", date(2027, 1, 1), date(2027, 1, 3)),
        ],
    )
    fig = compute(plan, date(2027, 6, 1))
    assert fig.by_month["2027-12"] == pytest.approx(150) and fig.by_month["2028-01"] == pytest.approx(160)
    assert fig.by_month["2028-02"] == pytest.approx(20) and fig.by_month["2028-03"] == pytest.approx(10)
    assert sum(fig.by_month.values()) == 440


def test_workload_skips_weekends_and_public_holidays():
    # 26/04/2027 (Mon) to 07/05/2027 (Fri): April 26-30 = 5 business days; May 3-7 minus Ascension
    # (Thursday 6 May) = 4. Effort 9 days: 5 in April, 4 in May.
    plan = make_plan(
        actions=[action("A1", 100, effort=9)],
        schedule=[sched("A1", date(2027, 4, 26), date(2027, 5, 7))],
        team=[dict(member="Claire", capacity=4)],
    )
    load = compute(plan, date(2027, 4, 1)).workload["Claire"]
    assert load["2027-04"]["days"] == pytest.approx(5) and load["2027-05"]["days"] == pytest.approx(4)
    assert load["2027-04"]["utilisation"] == pytest.approx(1.25) and load["2027-05"]["capacity"] == 4


def test_action_on_a_weekend_only_spreads_over_calendar_days():
    plan = make_plan(actions=[action("A1", 10, effort=2)], schedule=[sched("A1", date(2027, 5, 8), date(2027, 5, 9))])
    assert compute(plan, date(2027, 1, 1)).workload["Claire"]["2027-05"]["days"] == pytest.approx(2)


def test_deadlines_overdue_and_due_soon():
    today = date(2027, 6, 15)
    plan = make_plan(
        actions=[action(f"A{i}", 10) for i in range(1, 6)],
        schedule=[
            sched("A1", date(2027, 5, 1), date(2027, 6, 14)),  # overdue
            sched("A2", date(2027, 5, 1), date(2027, 6, 14), status="done"),  # done: neither
            sched("A3", date(2027, 5, 1), date(2027, 6, 29)),  # due soon (14 days)
            sched("A4", date(2027, 5, 1), date(2027, 6, 30)),  # 15 days: neither
            sched("A5", date(2027, 5, 1), date(2027, 6, 1), status="cancelled"),
        ],
    )
    fig = compute(plan, today)
    assert fig.overdue == ["A1"] and fig.due_soon == ["A3"]


def test_objective_progress_latest_measurement_and_status():
    today = date(2027, 7, 2)  # expected for a 31/12 deadline: 182/364 = 0.5
    plan = make_plan(
        objectives=[
            dict(id="O1", baseline=100, target=200, deadline=date(2027, 12, 31)),
            dict(id="O2", baseline=None, target=50, deadline=date(2027, 12, 31)),
            dict(id="O3", baseline=0, target=10, deadline=date(2027, 12, 31)),
            dict(id="O4", baseline=0, target=10, deadline=date(2027, 12, 31)),
        ],
        measurements=[
            dict(date=date(2027, 6, 1), objective="O1", value=130),
            dict(date=date(2027, 6, 30), objective="O1", value=145),
            dict(date=date(2027, 8, 1), objective="O1", value=999),  # after today: ignored
            dict(date=date(2027, 6, 30), objective="o2", value=20),
            dict(date=date(2027, 6, 30), objective="O2", value=40),  # same date: the first row wins
            dict(date=date(2027, 6, 30), objective="O3", value=12),
        ],
    )
    objectives = compute(plan, today).objectives
    # v2: expected at the latest reading's date (30 June: 180/364), not at today
    assert objectives["O1"] == {
        "latest": 145,
        "progress": pytest.approx(0.45),
        "expected": pytest.approx(180 / 364),
        "status": "on_track",
        "measured_on": "2027-06-30",
        "history": [
            {"date": "2027-06-01", "value": 130, "progress": pytest.approx(0.30), "expected": pytest.approx(151 / 364)},
            {"date": "2027-06-30", "value": 145, "progress": pytest.approx(0.45), "expected": pytest.approx(180 / 364)},
        ],
    }
    assert objectives["O2"]["latest"] == 20 and objectives["O2"]["progress"] == pytest.approx(0.4)
    assert objectives["O2"]["status"] == "on_track"  # 0.4 >= 0.5 - 0.10
    assert objectives["O3"]["status"] == "achieved"
    assert objectives["O4"]["status"] == "no_data" and objectives["O4"]["latest"] is None


def test_off_track_below_expected_minus_ten_points():
    plan = make_plan(
        objectives=[dict(id="O1", baseline=0, target=100, deadline=date(2027, 12, 31))],
        measurements=[dict(date=date(2027, 7, 1), objective="O1", value=39)],
    )
    assert compute(plan, date(2027, 7, 2)).objectives["O1"]["status"] == "off_track"


@pytest.mark.parametrize(
    "today,expected",
    [(date(2026, 12, 1), 0.0), (date(2027, 1, 1), 0.0), (date(2027, 7, 2), 0.5), (date(2028, 3, 1), 1.0)],
)
def test_elapsed_share_is_clamped(today, expected):
    assert elapsed_share(*PERIOD, today) == pytest.approx(expected)


# --- contract v2: dated actuals, forecast at completion, plan vs actual over time, objectives at their reading


def test_dated_actuals_add_up_by_action_month_and_to_date():
    """A01 invoiced in three months, an undated line, a line after today; A02 Done over budget; A03 cancelled."""
    today = date(2027, 6, 30)
    plan = make_plan(
        {"envelope": 20000},
        actions=[action("A01", 6000, 20000), action("A02", 1000, 3000), action("A03", 4000, 9000)],
        schedule=[
            sched("A01", date(2027, 3, 1), date(2027, 8, 31)),  # 184 days, 122 of them up to 30 June
            sched("A02", date(2027, 2, 1), date(2027, 2, 28), status="done"),
            sched("A03", date(2027, 5, 1), date(2027, 5, 31), status="cancelled"),
        ],
        overheads=[dict(item="Outil", planned=1200, actual=500)],
        actuals=[
            dict(date=date(2027, 3, 15), action="A01", actual_cost=1000, actual_revenue=2000, progress=0.2),
            dict(date=date(2027, 4, 15), action="A01", actual_cost=1500, progress=0.4),
            dict(date=date(2027, 6, 10), action="A01", actual_cost=700, actual_revenue=1000, progress=0.6),
            dict(action="A01", actual_cost=300),  # undated: already spent
            dict(date=date(2027, 7, 20), action="A01", actual_cost=400, progress=0.9),  # after today (MP808)
            dict(date=date(2027, 2, 28), action="A02", actual_cost=1500, actual_revenue=2500, progress=1),
        ],
    )
    fig = compute(plan, today)
    assert fig.actual_spend == 1000 + 1500 + 700 + 300 + 400 + 1500 + 500
    assert fig.actual_revenue == 2000 + 1000 + 2500
    assert fig.actual_by_month == {
        "2027-02": 1500,
        "2027-03": 1000,
        "2027-04": 1500,
        "2027-06": 700,
        "2027-07": 400,
        "undated": 300,
    }
    assert (
        fig.actuals_by_action[id_key("A01")]["cost"] == 3900 and fig.actuals_by_action[id_key("A01")]["progress"] == 0.9
    )
    # forecast at completion: spent 5900 + A01 6000-3900 left + A02 done (final) + overhead 1200-500
    assert fig.projected_spend == pytest.approx(5900 + 2100 + 0 + 700)
    # planned to date: A01 122/184 of 6000 + A02 whole (ended) + overheads 1200 x 180/364; A03 cancelled
    assert fig.planned_to_date == pytest.approx(6000 * 122 / 184 + 1000 + 1200 * 180 / 364)
    # actual to date: dated up to today + undated + overheads actual; the July line is not spent yet
    assert fig.actual_to_date == pytest.approx(1000 + 1500 + 700 + 1500 + 300 + 500)
    assert fig.to_date_gap == pytest.approx(fig.actual_to_date - fig.planned_to_date)
    assert fig.by_channel["Emailing"]["actual_cost"] == 3900 + 1500  # the cancelled A03 is not in the breakdowns


def test_v1_actuals_without_dates_keep_their_totals():
    plan = make_plan(
        actions=[action("A1", 1000, 3000), action("A2", 2000)],
        schedule=[sched("A1", date(2027, 3, 1), date(2027, 3, 31)), sched("A2", date(2027, 4, 1), date(2027, 4, 30))],
        actuals=[dict(action="A1", actual_cost=1200, progress=1), dict(action="A2", actual_cost=500, progress=0.3)],
    )
    fig = compute(plan, date(2027, 6, 30))
    assert fig.actual_spend == 1700 and fig.actual_by_month == {"undated": 1700}
    assert fig.actual_to_date == 1700 and fig.actuals_by_action[id_key("A2")]["progress"] == 0.3


def test_latest_progress_is_by_date_then_row():
    plan = make_plan(
        actions=[action("A1", 1000)],
        actuals=[
            dict(date=date(2027, 5, 1), action="A1", progress=0.7),
            dict(date=date(2027, 4, 1), action="A1", progress=0.9),  # older, although lower in the table
            dict(date=date(2027, 5, 1), action="A1", progress=0.8),  # same date, lower row: wins
        ],
    )
    assert compute(plan, date(2027, 6, 30)).actuals_by_action[id_key("A1")]["progress"] == 0.8


def test_no_envelope_forecast_is_still_computed():
    plan = make_plan(
        actions=[action("A1", 1000)], schedule=[sched("A1", date(2027, 3, 1), date(2027, 3, 31))], actuals=[]
    )
    fig = compute(plan, date(2027, 6, 30))
    assert fig.envelope == 1000 and fig.projected_spend == 1000 and fig.actual_by_month == {}


def test_objective_judged_at_its_reading_and_past_its_deadline():
    plan = make_plan(
        objectives=[
            dict(id="O1", baseline=0, target=100, deadline=date(2027, 12, 31)),
            dict(id="O2", baseline=0, target=100, deadline=date(2027, 5, 31)),
        ],
        measurements=[
            dict(date=date(2027, 3, 1), objective="O1", value=17),  # 59/364 = 0.16 expected then: on track
            dict(date=date(2027, 5, 15), objective="O2", value=80),
        ],
    )
    later = compute(plan, date(2027, 9, 30)).objectives  # no new reading for months: MP807, not a red status
    assert later["O1"]["status"] == "on_track" and later["O1"]["measured_on"] == "2027-03-01"
    assert later["O1"]["expected"] == pytest.approx(59 / 364)
    assert later["O2"]["expected"] == 1.0 and later["O2"]["status"] == "off_track"  # its time is up at 80 %
    before = compute(plan, date(2027, 5, 20)).objectives["O2"]
    assert before["expected"] == pytest.approx(134 / 150) and before["status"] == "on_track"
    assert compute(plan, date(2027, 2, 1)).objectives["O1"] == {
        "latest": None,
        "progress": None,
        "expected": pytest.approx(31 / 364),
        "status": "no_data",
        "measured_on": None,
        "history": [],
    }


def test_deadlines_days_left_in_calendar_and_business_days():
    plan = make_plan(
        actions=[action("A1", 100), action("A2", 100), action("A3", 100)],
        schedule=[
            sched("A1", date(2027, 4, 1), date(2027, 4, 30)),
            sched("A2", date(2027, 5, 1), date(2027, 5, 10)),
            sched("A3", date(2027, 4, 1), date(2027, 4, 20), status="done"),
        ],
    )
    fig = compute(plan, date(2027, 5, 3))  # a Monday; 1 May (Saturday) and Ascension (6 May) are holidays
    found = {d.ident: (d.kind, d.days_left, d.business_days_left) for d in fig.deadlines}
    assert found == {"A1": ("overdue", -3, -1), "A2": ("due_soon", 7, 4)}
    assert [d.ident for d in fig.deadlines] == ["A1", "A2"], "by end date"
    assert not {"deadlines", "country", "overheads"} & set(fig.as_dict()), "export's JSON keys unchanged"
