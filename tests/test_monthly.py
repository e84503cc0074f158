"""The monthly loop's data as the JSON export carries it (SPEC section 4, contract v2 names)."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.figures import compute
from mplan_xl.reader import load

from .conftest import ROOT

SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
V1_FR = ROOT / "tests" / "data" / "v1" / "exemple-fr.xlsx"


def _export(path) -> dict:
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_export_has_the_v2_figures_by_their_specified_names():
    figures = _export(SAMPLE_FR)["figures"]
    expected = compute(load(SAMPLE_FR), date(2027, 8, 10))
    assert figures["actual_by_month"] == expected.actual_by_month
    assert set(figures["actual_by_month"]) == {f"2027-{m:02d}" for m in range(1, 8)}  # every line is dated
    assert sum(figures["actual_by_month"].values()) == sum(
        r.get("actual_cost", 0) for r in load(SAMPLE_FR).rows("actuals")
    )
    assert (
        figures["planned_to_date"] == expected.planned_to_date and figures["actual_to_date"] == expected.actual_to_date
    )
    o1 = figures["objectives"]["O1"]
    assert o1["measured_on"] == "2027-07-31" and len(o1["history"]) == 7
    assert set(o1["history"][0]) == {"date", "value", "progress", "expected"}
    assert [h["date"] for h in o1["history"]] == sorted(h["date"] for h in o1["history"])


def test_v1_and_v2_samples_have_the_same_totals():
    v1, v2 = _export(V1_FR)["figures"], _export(SAMPLE_FR)["figures"]
    for key in ("planned_spend", "actual_spend", "expected_revenue", "actual_revenue", "projected_spend"):
        assert v1[key] == v2[key], key
    assert v1["actual_by_month"] == {
        "undated": v2["actual_spend"] - sum(r.get("actual", 0) or 0 for r in load(V1_FR).rows("overheads"))
    }
    assert v1["by_channel"] == v2["by_channel"]
