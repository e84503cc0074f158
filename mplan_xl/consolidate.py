"""`mplan consolidate`: the marketing director's roll-up of several plans into one new workbook.

Each plan is read and checked on its own (in parallel processes when there are many); a file that
cannot be read is reported and skipped. Amounts in different currencies are never added together:
spend by channel and by month is summed per currency.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import xlsxwriter

from .errors import MplanError, UsageError
from .i18n import Locale, Text
from .ooxml.safewrite import output
from .pipeline import check
from .styles import PALETTE, date_format, money_format

PARALLEL_FROM = 8  # plans; below that, processes cost more than they save


@dataclass
class PlanSummary:
    path: str
    name: str
    owner: str
    start: date | None
    end: date | None
    currency: str
    envelope: float | None
    planned_spend: float
    actual_spend: float
    planned_roi: float | None
    actual_roi: float | None
    errors: int
    warnings: int
    on_track: int
    off_track: int
    by_channel: dict[str, float] = field(default_factory=dict)
    by_month: dict[str, float] = field(default_factory=dict)
    findings: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def summarise(path: str, today: date | None, lang: str | None) -> PlanSummary | str:
    """One plan's roll-up line, or the one-line reason it could not be read."""
    try:
        checked = check(path, today=today, lang=lang)
        plan, figures, findings = checked.plan, checked.figures, checked.findings
    except MplanError as exc:
        return str(exc)
    except Exception as exc:  # a file no reader anticipated: skip it, say why, go on with the others
        return f"{path}: unreadable ({type(exc).__name__}: {str(exc)[:100]})"
    period = plan.period
    statuses = [o["status"] for o in figures.objectives.values()]
    return PlanSummary(
        path=str(path),
        name=str(plan.setting("plan_name") or Path(path).stem),
        owner=str(plan.setting("plan_owner") or ""),
        start=period[0] if period else None,
        end=period[1] if period else None,
        currency=str(plan.setting("currency", "EUR") or "EUR"),
        envelope=plan.setting("envelope"),
        planned_spend=figures.planned_spend,
        actual_spend=figures.actual_spend,
        planned_roi=figures.planned_roi,
        actual_roi=figures.actual_roi,
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        on_track=sum(s in ("on_track", "achieved") for s in statuses),
        off_track=statuses.count("off_track"),
        by_channel={k or "": v["planned_cost"] for k, v in figures.by_channel.items()},
        by_month=dict(figures.by_month),
        findings=[(f.severity, f.code, f.sheet, f.cell, f.message) for f in findings],
    )


def read_plans(paths: list[Path], today: date | None, lang: str | None, progress=None):
    """(summaries, skipped) with skipped = [(path, reason)]; in parallel processes for many plans."""
    results: list[PlanSummary | str] = []
    if len(paths) >= PARALLEL_FROM:
        workers = min(len(paths), os.cpu_count() or 2)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(
                summarise,
                [str(p) for p in paths],
                [today] * len(paths),
                [lang] * len(paths),
                chunksize=max(1, len(paths) // (workers * 4)),
            ):
                results.append(result)
                if progress:
                    progress(1)
    else:
        for path in paths:
            results.append(summarise(str(path), today, lang))
            if progress:
                progress(1)
    summaries = [r for r in results if isinstance(r, PlanSummary)]
    skipped = [(str(p), r) for p, r in zip(paths, results, strict=True) if isinstance(r, str)]
    return summaries, skipped


WORDS = {
    "title": Text("Portefeuille de plans", "Plan portfolio"),
    "plans": Text("Plans", "Plans"),
    "plan": Text("Plan", "Plan"),
    "file": Text("Fichier", "File"),
    "owner": Text("Responsable", "Owner"),
    "start": Text("Début", "Start"),
    "end": Text("Fin", "End"),
    "currency": Text("Devise", "Currency"),
    "envelope": Text("Enveloppe", "Envelope"),
    "planned": Text("Dépenses prévues", "Planned spend"),
    "actual": Text("Dépenses réelles", "Actual spend"),
    "roi": Text("ROI prévu", "Planned ROI"),
    "actual_roi": Text("ROI réel", "Actual ROI"),
    "errors": Text("Erreurs", "Errors"),
    "warnings": Text("Avertissements", "Warnings"),
    "on_track": Text("Objectifs en bonne voie", "Objectives on track"),
    "off_track": Text("Objectifs en retard", "Objectives off track"),
    "by_channel": Text("Dépenses prévues par canal", "Planned spend by channel"),
    "by_month": Text("Dépenses prévues par mois", "Planned spend by month"),
    "channel": Text("Canal", "Channel"),
    "month": Text("Mois", "Month"),
    "alerts": Text("Alertes", "Alerts"),
    "severity": Text("Gravité", "Severity"),
    "code": Text("Code", "Code"),
    "sheet": Text("Onglet", "Sheet"),
    "cell": Text("Cellule", "Cell"),
    "message": Text("Message", "Message"),
    "skipped": Text("Fichiers ignorés", "Skipped files"),
    "reason": Text("Raison", "Reason"),
    "currencies": Text(
        "Les plans sont en plusieurs devises ({list}) : les montants ne sont jamais additionnés d'une devise à l'autre, chaque devise a ses colonnes.",
        "The plans use several currencies ({list}): amounts are never added across currencies; each currency has its own columns.",
    ),
    "total": Text("Total", "Total"),
    "generated": Text("Généré par mplan consolidate le {today}.", "Generated by mplan consolidate on {today}."),
}


def write_portfolio(
    out: Path,
    summaries: list[PlanSummary],
    skipped: list[tuple[str, str]],
    lang: str,
    today: date,
    *,
    inputs: list[Path] | tuple = (),
) -> None:
    """The roll-up workbook: Plans, by channel, by month, Alerts (and the skipped files).

    Written to a temporary file, then renamed over out: a failure leaves a previous portfolio as it was.
    Never written over one of inputs (a hard link of a plan included).
    """
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out}: the portfolio must be an .xlsx file")
    try:
        with output(Path(out), inputs, force=True) as temp:
            _write_portfolio(temp, summaries, skipped, lang, today)
    except OSError as exc:  # a missing or read-only folder, a full disk
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}; nothing was changed") from exc


def _write_portfolio(
    out: Path, summaries: list[PlanSummary], skipped: list[tuple[str, str]], lang: str, today: date
) -> None:
    words = {key: text(lang) for key, text in WORDS.items()}
    buffer = io.BytesIO()  # built in memory: a full disk then fails one plain write, not inside xlsxwriter
    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    workbook = xlsxwriter.Workbook(buffer, options)
    head = workbook.add_format(
        {
            "bold": True,
            "font_color": "#FFFFFF",
            "bg_color": PALETTE["header_required"],
            "text_wrap": True,
            "valign": "vcenter",
            "border": 1,
            "border_color": "#FFFFFF",
        }
    )
    title = workbook.add_format({"bold": True, "font_size": 16, "font_color": PALETTE["title"]})
    note = workbook.add_format({"italic": True, "font_color": PALETTE["muted"]})
    pct = workbook.add_format({"num_format": "0%"})
    day = workbook.add_format({"num_format": date_format(lang), "align": "left"})
    red = workbook.add_format({"bg_color": "#FFC7CE"})
    currencies = sorted({s.currency for s in summaries})
    money = {c: workbook.add_format({"num_format": money_format(c, lang)}) for c in currencies}

    ws = workbook.add_worksheet(words["plans"])
    ws.write_string(0, 0, words["title"], title)
    ws.write_string(1, 0, words["generated"].format(today=Locale(lang).date(today)), note)
    row = 2
    if len(currencies) > 1:
        ws.write_string(row, 0, words["currencies"].format(list=", ".join(currencies)), note)
    columns = [
        "plan",
        "owner",
        "start",
        "end",
        "currency",
        "envelope",
        "planned",
        "actual",
        "roi",
        "actual_roi",
        "errors",
        "warnings",
        "on_track",
        "off_track",
        "file",
    ]
    for c, key in enumerate(columns):
        ws.write_string(4, c, words[key], head)
    ws.set_row(4, 32)
    for r, s in enumerate(sorted(summaries, key=lambda s: s.name.casefold()), start=5):
        ws.write_string(r, 0, s.name)
        ws.write_string(r, 1, s.owner)
        for c, value in ((2, s.start), (3, s.end)):
            if value:
                ws.write_datetime(r, c, _dt(value), day)
        ws.write_string(r, 4, s.currency)
        for c, value in ((5, s.envelope), (6, s.planned_spend), (7, s.actual_spend)):
            if value is not None:
                ws.write_number(r, c, value, money[s.currency])
        for c, value in ((8, s.planned_roi), (9, s.actual_roi)):
            if value is not None:
                ws.write_number(r, c, value, pct)
        ws.write_number(r, 10, s.errors, red if s.errors else None)
        ws.write_number(r, 11, s.warnings)
        ws.write_number(r, 12, s.on_track)
        ws.write_number(r, 13, s.off_track, red if s.off_track else None)
        ws.write_string(r, 14, s.path)
    last = 4 + len(summaries)
    if summaries:
        ws.autofilter(4, 0, last, len(columns) - 1)
    ws.freeze_panes(5, 1)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 13, 13)
    ws.set_column(14, 14, 40)

    for key, attribute in (("by_channel", "by_channel"), ("by_month", "by_month")):
        sheet = workbook.add_worksheet(words[key][:31])
        sheet.write_string(0, 0, words[key], title)
        label = words["channel" if key == "by_channel" else "month"]
        sheet.write_string(2, 0, label, head)
        totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for s in summaries:
            for name, value in getattr(s, attribute).items():
                totals[name][s.currency] += value
        for c, currency in enumerate(currencies, start=1):
            sheet.write_string(2, c, f"{words['total']} ({currency})", head)
        order = sorted(totals) if key == "by_month" else sorted(totals, key=lambda n: -sum(totals[n].values()))
        for r, name in enumerate(order, start=3):
            sheet.write_string(r, 0, f"{name[5:]}/{name[:4]}" if key == "by_month" and len(name) == 7 else name)
            for c, currency in enumerate(currencies, start=1):
                if currency in totals[name]:
                    sheet.write_number(r, c, totals[name][currency], money[currency])
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, len(currencies), 16)

    alerts = workbook.add_worksheet(words["alerts"])
    for c, key in enumerate(("plan", "severity", "code", "sheet", "cell", "message")):
        alerts.write_string(0, c, words[key], head)
    r = 0
    for s in summaries:
        for severity, code, sheet_name, cell, message in s.findings:
            r += 1
            for c, value in enumerate((s.name, severity, code, sheet_name, cell, message)):
                alerts.write_string(r, c, str(value))
    if r:
        alerts.autofilter(0, 0, r, 5)
    alerts.freeze_panes(1, 0)
    alerts.set_column(0, 0, 30)
    alerts.set_column(5, 5, 80)
    if skipped:
        sheet = workbook.add_worksheet(words["skipped"][:31])
        sheet.write_string(0, 0, words["file"], head)
        sheet.write_string(0, 1, words["reason"], head)
        for r, (path, reason) in enumerate(skipped, start=1):
            sheet.write_string(r, 0, path)
            sheet.write_string(r, 1, reason)
        sheet.set_column(0, 1, 60)
    workbook.close()
    out.write_bytes(buffer.getvalue())


def _dt(day: date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)
