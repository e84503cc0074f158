"""What the result page shows, computed where the plan is read (a worker process): plain data, every
text already worded in the page's language. The server only puts it into the HTML template, which
escapes every text; the charts are SVG built by `charts` with every text escaped there.
"""

from __future__ import annotations

from datetime import date

from ..findings import count_labels
from ..i18n import Locale, Text
from ..pipeline import Checked
from ..report.base import AMBER, GREEN, RED, t, w
from .charts import charts

TONES = {RED: "bad", AMBER: "warn", GREEN: "good"}
SEVERITIES = ("error", "warning", "info")


def result(checked: Checked, lang: str, generated: date | None = None) -> dict:
    """The result page's data: verdict, counts, key figures, findings grouped by sheet, charts."""
    from ..report.summary import Context, verdict

    plan, fig, report = checked.plan, checked.figures, checked.report
    loc = Locale(lang, str(plan.setting("currency", "EUR") or "EUR"))
    context = Context(plan, fig, report, lang, [], generated or date.today(), {}, None)
    line, colour = verdict(context)
    start, end = plan.setting("period_start"), plan.setting("period_end")
    period = (
        t("period", lang, start=loc.date(start), end=loc.date(end), today=loc.date(checked.today))
        if isinstance(start, date) and isinstance(end, date)
        else w("as_of", lang, today=loc.date(checked.today))
    )
    counts = report.counts
    return {
        "file": str(checked.path),
        "lang": lang,
        "today": checked.today.isoformat(),
        "plan_name": str(plan.setting("plan_name") or ""),
        "period": period,
        "verdict": line,
        "tone": TONES.get(colour, "warn"),
        "counts": counts,
        "count_labels": count_labels(loc, counts),
        "severity_labels": {key: t(key, lang) for key in SEVERITIES},
        "figures": key_figures(checked, loc),
        "sheets": grouped(checked),
        "charts": charts(checked, lang),
    }


def key_figures(checked: Checked, loc: Locale) -> list[dict]:
    """The figures that matter, as (label, value, tone) in the page's language."""
    fig, plan, lang = checked.figures, checked.plan, loc.lang
    envelope_set = plan.setting("envelope") is not None
    rows: list[dict] = []

    def add(label: str, value: str, tone: str = "") -> None:
        rows.append({"label": label, "value": value, "tone": tone})

    add(w("envelope" if envelope_set else "envelope_none", lang), loc.money(fig.envelope or 0.0))
    add(w("planned_spend", lang), loc.money(fig.planned_spend))
    if envelope_set and fig.budget_used is not None:
        over = fig.budget_used > 1
        add(t("budget_used", lang), loc.percent(fig.budget_used), "bad" if over else "")
    forecast = fig.projected_spend or 0.0
    over_forecast = envelope_set and fig.envelope is not None and forecast > fig.envelope
    add(w("forecast", lang), loc.money(forecast), "bad" if over_forecast else "")
    add(w("planned_to_date", lang), loc.money(fig.planned_to_date))
    add(w("actual_to_date", lang), loc.money(fig.actual_to_date))
    gap_bad = fig.planned_to_date and fig.to_date_gap > 0.1 * fig.planned_to_date
    add(w("gap_to_date", lang), loc.money(fig.to_date_gap), "bad" if gap_bad else "")
    add(t("expected_revenue", lang), loc.money(fig.expected_revenue))
    add(t("actual_revenue", lang), loc.money(fig.actual_revenue))
    for key in ("planned_roi", "actual_roi"):
        value = getattr(fig, key)
        add(t(key, lang), loc.percent(value) if value is not None else t("undefined", lang))
    statuses = [o["status"] for o in fig.objectives.values()]
    for status in ("achieved", "on_track", "off_track", "no_data"):
        n = statuses.count(status)
        if n:
            add(f"{w('lights', lang)} · {t(status, lang)}", loc.number(n), "bad" if status == "off_track" else "")
    if fig.overdue:
        add(Text("Actions en retard", "Late actions")(lang), loc.number(len(fig.overdue)), "bad")
    return rows


def grouped(checked: Checked) -> list[dict]:
    """The findings grouped by sheet, in the workbook's sheet order, each group in severity then cell order."""
    report = checked.report
    order = {name: i for i, name in enumerate(report.sheets)}
    groups: dict[str, list[dict]] = {}
    for finding in sorted(report.findings, key=lambda f: f.sort_key()):
        groups.setdefault(finding.sheet, []).append(finding.to_dict())
    return [
        {"name": name, "findings": items, "counts": {s: sum(f["severity"] == s for f in items) for s in SEVERITIES}}
        for name, items in sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    ]
