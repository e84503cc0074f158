"""The result page's SVG charts (mplan_xl.web.charts): well-formed, CSP-safe, escaped, drawn to the figures'
scale, worded and formatted in the page's language, robust to odd and huge plans."""

from __future__ import annotations

import dataclasses
import math
import re
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from mplan_xl.figures import ACHIEVED, NO_DATA, OFF_TRACK, ON_TRACK
from mplan_xl.i18n import NBSP, NNBSP
from mplan_xl.pipeline import Checked, check, checked
from mplan_xl.reader import load
from mplan_xl.web.charts import (
    MAX_CHANNELS,
    channel_chart,
    charts,
    month_chart,
    month_rows,
    nice_ticks,
    objectives_chart,
)

from .helpers import clean_rows, plan_from_rows

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "exemple-fr.xlsx"
SVG = "{http://www.w3.org/2000/svg}"
DRAW = {"month": month_chart, "channel": channel_chart, "objectives": objectives_chart}
HOSTILE = ("<script>alert(1)</script>", '=HYPERLINK("http://x")', "R&D \"quoted\" 'single' <b>")


@pytest.fixture(scope="module")
def sample() -> Checked:
    return check(SAMPLE)


@pytest.fixture(scope="module")
def layout(workbooks):
    return load(workbooks[("fr", False)])


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def elements(root: ET.Element, tag: str, *wanted: str) -> list[ET.Element]:
    return [e for e in root.iter(SVG + tag) if set(wanted) <= classes(e)]


def texts(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(SVG + "text")]


def titles(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter(SVG + "title")]


def with_figures(base: Checked, settings: dict | None = None, **changes) -> Checked:
    """base with some figures replaced (and some settings), to draw plans no workbook needs to hold."""
    plan = base.plan
    if settings:
        values = dict(plan.settings)
        for key, value in settings.items():
            values[key] = dataclasses.replace(values[key], value=value)
        plan = dataclasses.replace(plan, settings=values)
    made = Checked(base.path, plan, base.today, base.lang)
    made.__dict__["figures"] = dataclasses.replace(base.figures, **changes)
    return made


def assert_safe(svg: str) -> ET.Element:
    """Well-formed, CSP-safe, accessible SVG, with finite numbers only."""
    root = parse(svg)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img" and root.get("viewBox") and root.get("width") is None
    assert "mp-chart" in classes(root)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert set(root.get("aria-labelledby", "").split()) <= ids and len(root.get("aria-labelledby").split()) == 2
    assert root.find(SVG + "title").text and root.find(SVG + "desc").text
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in ("script", "style", "foreignObject", "a", "image", "use")
        for name, value in element.attrib.items():
            assert name != "style" and not name.lower().startswith("on"), (element.tag, name)
            assert "href" not in name or value.startswith("#")
            if name not in ("class", "id", "aria-labelledby", "role", "font-family", "text-anchor", "fill", "stroke"):
                for number in value.replace(",", " ").split():
                    if number not in ("1.1", "meet", "xMidYMin") and not number.startswith("#"):
                        assert math.isfinite(float(number)), (element.tag, name, value)
    assert not re.search(r"(?i)\b(nan|inf|infinity)\b", svg)
    return root


# -- the sample ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", DRAW)
def test_sample_charts_are_safe_svg(sample, kind, lang):
    assert_safe(DRAW[kind](sample, lang))


def test_charts_lists_the_three_titles_in_lang(sample):
    assert [t for t, _ in charts(sample, "fr")] == [
        "Prévu et réel par mois",
        "Prévu et réel par canal",
        "Progression des objectifs",
    ]
    assert [t for t, _ in charts(sample, "en")] == [
        "Plan vs actual per month",
        "Plan vs actual per channel",
        "Objectives progress",
    ]
    for title, svg in charts(sample, "en"):
        assert parse(svg).find(SVG + "title").text == title


def test_month_bars_are_proportional_to_the_figures(sample):
    root = parse(month_chart(sample, "fr"))
    rows = month_rows(sample)
    groups = elements(root, "g", "mp-month")
    assert len(groups) == len(rows) == 12
    planned = [float(elements(g, "rect", "mp-planned")[0].get("height")) for g in groups]
    figures = [sample.figures.by_month.get(key, 0.0) for key, *_ in rows]
    unit = planned[0] / figures[0]
    assert all(abs(h - v * unit) <= 0.1 for h, v in zip(planned, figures, strict=True))
    current = f"{sample.today:%Y-%m}"
    for group, (key, *_) in zip(groups, rows, strict=True):
        actual = elements(group, "rect", "mp-actual")
        if key > current:
            assert not actual  # no actual bar after today's month
        else:
            assert abs(float(actual[0].get("height")) - sample.figures.actual_by_month.get(key, 0.0) * unit) <= 0.1


def test_month_chart_has_round_money_ticks_and_the_envelope(sample):
    fr = parse(month_chart(sample, "fr"))
    ticks = [t for t in texts(fr) if t.endswith("€")]
    assert f"10{NNBSP}000 €" in ticks and f"80{NNBSP}000 €" in ticks and "0 €" in ticks
    assert len([e for e in elements(fr, "line", "mp-envelope") if "mp-key" not in classes(e)]) == 1
    assert f"Enveloppe budgétaire 70{NNBSP}000 €" in texts(fr)
    assert {"janv. 27", "mars 27"} <= set(texts(fr))
    assert {"Prévu", "Réel", "Prévu cumulé", "Réel cumulé", "Par mois", "Cumulé"} <= set(texts(fr))
    desc = fr.find(SVG + "desc").text
    assert "12 mois" in desc and f"70{NNBSP}000 €" in desc
    en = parse(month_chart(sample, "en"))
    assert {"€10,000", "€80,000", "Jan 27", "Mar 27", "Planned", "Actual", "Budget envelope €70,000"} <= set(texts(en))
    lines = elements(en, "polyline", "mp-line")
    assert len(lines) == 2  # cumulated planned and actual


def test_channel_bars_are_sorted_and_proportional(sample):
    root = parse(channel_chart(sample, "fr"))
    rows = elements(root, "g", "mp-row")
    by_channel = sample.figures.by_channel
    assert len(rows) == len(by_channel)
    names = [next(t for t in texts(r) if not t.endswith("€")) for r in rows]
    assert names == sorted(by_channel, key=lambda n: -by_channel[n]["planned_cost"])
    unit = None
    for row, name in zip(rows, names, strict=True):
        for cls, key in (("mp-planned", "planned_cost"), ("mp-actual", "actual_cost")):
            width = float(elements(row, "rect", cls)[0].get("width"))
            unit = unit or width / by_channel[name][key]
            assert abs(width - by_channel[name][key] * unit) <= 0.1
    assert f"17{NNBSP}600 €" in texts(root)
    assert "€17,600" in texts(parse(channel_chart(sample, "en")))


def test_objective_bars_show_progress_expected_and_status(sample):
    root = parse(objectives_chart(sample, "fr"))
    rows = elements(root, "g", "mp-row")
    found = sample.figures.objectives
    assert len(rows) == len(found) == 6
    colour = {ON_TRACK: "mp-on-track", OFF_TRACK: "mp-off-track", ACHIEVED: "mp-achieved"}
    widths, zero = [], None
    for row, entry in zip(rows, found.values(), strict=True):
        bar = elements(row, "rect", "mp-bar")[0]
        assert colour[entry["status"]] in classes(bar)
        zero = float(bar.get("x"))
        widths.append(float(bar.get("width")) / entry["progress"])
        mark = elements(row, "line", "mp-expected")[0]
        assert abs((float(mark.get("x1")) - zero) / widths[-1] - entry["expected"]) < 0.002
    assert max(widths) - min(widths) < 0.5  # one scale for all
    assert f"60{NBSP}%" in texts(root) and f"100{NBSP}%" in texts(root)
    assert {"Atteint", "En bonne voie", "En retard", "Sans mesure", "Attendu"} <= set(texts(root))
    assert any(t.startswith("O1 · ") and t.endswith("…") for t in texts(root))
    assert any("Augmenter de 25" in t and "Dernière mesure 31/07/2027" in t for t in titles(root))
    en = parse(objectives_chart(sample, "en"))
    assert {"60%", "100%", "Achieved", "On track", "Off track", "No data", "Expected"} <= set(texts(en))
    assert "6 objectives: On track 4, Off track 2." == en.find(SVG + "desc").text


def test_the_three_charts_are_fast(sample):
    assert sample.figures is not None  # computed once by the page anyway
    best = min(_timed(lambda: charts(sample, "fr")) for _ in range(5))
    assert best < 0.020


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# -- plans from rows -------------------------------------------------------------------------------------


def test_an_empty_plan_has_no_chart(layout):
    empty = checked(layout, today=date(2027, 6, 30))
    assert layout.period  # a period alone is nothing to draw
    assert [month_chart(empty, "fr"), channel_chart(empty, "fr"), objectives_chart(empty, "en")] == [None] * 3
    assert charts(empty, "fr") == []


def test_workbook_text_is_escaped(layout):
    rows = clean_rows()
    for action, name in zip(rows["actions"], HOSTILE[:2], strict=True):
        action["channel"] = name
    rows["actions"].append(dict(id="A3", action="x", objective="O1", channel=HOSTILE[2], cost=100))
    rows["objectives"][0]["objective"] = HOSTILE[0]
    plan = checked(plan_from_rows(layout, rows, {"envelope": 10500}, clear=("channels",)), today=date(2027, 6, 30))
    for lang in ("fr", "en"):
        for _, svg in charts(plan, lang):
            assert "<script" not in svg and "<b>" not in svg
            assert_safe(svg)
    root = parse(channel_chart(plan, "fr"))
    shown = titles(root) + texts(root)
    for name in HOSTILE:
        assert any(name in t for t in shown), name
    assert f"{HOSTILE[0][:23]}…" in texts(root)  # shortened on the bar, whole in its title
    assert any(f"O1 · {HOSTILE[0]}" in t for t in titles(parse(objectives_chart(plan, "fr"))))


# -- odd and huge figures --------------------------------------------------------------------------------


def _channels(n: int, amount=lambda i: 1000.0 * (i + 1)) -> dict:
    return {f"Canal {i:03d}": {"planned_cost": amount(i), "actual_cost": amount(i) / 2, "actions": 1} for i in range(n)}


def test_many_channels_are_capped_with_others(sample):
    many = with_figures(sample, by_channel=_channels(300))
    root = assert_safe(channel_chart(many, "fr"))
    rows = elements(root, "g", "mp-row")
    assert len(rows) == MAX_CHANNELS + 1
    assert texts(rows[0])[0] == "Canal 299" and texts(rows[-1])[0] == "Autres (288)"
    rest = sum(1000.0 * (i + 1) for i in range(288))
    assert f"{rest:,.0f} €".replace(",", NNBSP) in texts(rows[-1])
    assert "300 canaux" in root.find(SVG + "desc").text
    assert "Others (288)" in texts(parse(channel_chart(many, "en")))
    assert (
        len(elements(parse(channel_chart(with_figures(sample, by_channel=_channels(13)), "fr")), "g", "mp-row")) == 13
    )


def _months(n: int, start=(2027, 1)) -> list[str]:
    return [f"{start[0] + (start[1] - 1 + i) // 12:04d}-{(start[1] - 1 + i) % 12 + 1:02d}" for i in range(n)]


@pytest.mark.parametrize(
    "by_month, actual_by_month, settings",
    [
        ({k: 1e14 for k in _months(36)}, {k: 9.9e13 for k in _months(20)}, {"envelope": 4e15}),  # 36 huge months
        ({"2027-03": 1200.0}, {}, {"envelope": None}),  # one month, no envelope
        ({"2027-03": -500.0, "2027-04": 0.0}, {"2027-03": -200.0, "undated": 300.0}, {}),  # negative, zero
        ({"2027-03": 0.0}, {"2027-02": 0.0}, {"envelope": 0}),  # zero everywhere
        ({"2027-03": float("nan"), "2027-04": float("inf")}, {"2027-03": None}, {"envelope": float("nan")}),
        ({k: 1e308 for k in _months(24)}, {k: -1e308 for k in _months(6)}, {"envelope": 10**400}),  # no overflow
    ],
)
def test_month_chart_survives_odd_figures(sample, by_month, actual_by_month, settings):
    odd = with_figures(sample, settings, by_month=by_month, actual_by_month=actual_by_month)
    for lang in ("fr", "en"):
        root = assert_safe(month_chart(odd, lang))
        heights = [float(r.get("height")) for r in elements(root, "rect", "mp-bar")]
        assert all(h >= 0 and math.isfinite(h) for h in heights)
        ticks = [t for t in texts(root) if "€" in t]
        assert 3 * 2 <= len(ticks) <= 5 * 2 + 1  # 3 to 5 ticks a panel (and the envelope's label)


def test_month_chart_with_36_months_labels_some_months_only(sample):
    odd = with_figures(sample, by_month={k: 1000.0 for k in _months(36)}, actual_by_month={})
    root = parse(month_chart(odd, "en"))
    months = [t for t in texts(root) if t[:3] in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep")]
    assert 6 <= len(months) < 36 and months[0] == "Jan 27"
    assert len(elements(root, "g", "mp-month")) == 36


def test_huge_and_negative_channels(sample):
    odd = with_figures(
        sample,
        by_channel={
            "": {"planned_cost": 1e14, "actual_cost": None},
            "Remboursé": {"planned_cost": -3000.0, "actual_cost": float("nan")},
            "Zéro": {"planned_cost": 0.0, "actual_cost": 0.0},
        },
    )
    root = assert_safe(channel_chart(odd, "fr"))
    assert texts(elements(root, "g", "mp-row")[0])[0] == "(non renseigné)"
    assert_safe(channel_chart(with_figures(sample, by_channel=_channels(300, lambda i: 1e308)), "en"))
    assert f"100{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000 €" in texts(root)
    assert all(float(r.get("width")) >= 0 for r in elements(root, "rect", "mp-bar"))


def test_objectives_without_data_or_beyond_the_scale(sample):
    found = {
        "O1": {"progress": None, "expected": 0.5, "status": NO_DATA, "measured_on": None},
        "O2": {"progress": 7.5, "expected": 1.0, "status": ACHIEVED, "measured_on": "2027-07-31"},
        "O3": {"progress": -2.0, "expected": None, "status": OFF_TRACK, "measured_on": "2027-07-31"},
        "O4": {"progress": float("nan"), "expected": float("inf"), "status": "odd", "measured_on": None},
    }
    root = assert_safe(objectives_chart(with_figures(sample, objectives=found), "en"))
    rows = elements(root, "g", "mp-row")
    assert "No data" in texts(rows[0]) and not elements(rows[0], "rect", "mp-bar")
    assert "750%" in texts(rows[1]) and "-200%" in texts(rows[2])  # the true value, the bar clamped to the scale
    ticks = [float(t.rstrip("%")) for t in texts(root) if t.endswith("%") and t not in ("750%", "-200%", "0%")]
    assert max(ticks) <= 300 and min(ticks) >= -100
    many = {f"K{i}": dict(found["O2"]) for i in range(45)}
    root = parse(objectives_chart(with_figures(sample, objectives=many), "fr"))
    assert len(elements(root, "g", "mp-row")) == 20 and "… et 25 autres objectifs" in texts(root)


@pytest.mark.parametrize(
    "low, high",
    [(0, 8486.25), (0, 70000), (-500, 1200), (0, 0), (0, 1e14), (0, 1), (0, 0.87), (-1, 3), (0.2, 0.3), (-7, -2)],
)
def test_nice_ticks_are_round_and_cover_the_range(low, high):
    ticks = nice_ticks(low, high)
    assert 3 <= len(ticks) <= 5
    assert ticks[0] <= low and ticks[-1] >= high
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 5))
    if low <= 0 <= high:
        assert any(math.isclose(t, 0, abs_tol=1e-9) for t in ticks)
