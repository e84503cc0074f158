"""Take the plan out of Excel: JSON (plan, tables, figures, findings), CSV files, an iCalendar file.

JSON and CSV carry choice values as their stable keys ("done", "promotion"), dates as ISO strings,
money as numbers and ratios as fractions; ids and channel names as written in the workbook.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from . import hygiene
from .errors import UsageError
from .figures import join_schedule
from .i18n import Locale, Text
from .ooxml.safewrite import looks_like_text, write_files
from .pipeline import Checked
from .reader import Plan
from .schema import CHOICES, SETTINGS, TABLES
from .values import id_key


def _plain(value):
    """JSON-ready value: dates as ISO strings, everything else unchanged."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def plan_document(checked: Checked) -> dict:
    """SPEC section 4's export object: plan settings, tables with their rows, figures, findings."""
    plan = checked.plan
    settings = {s.key: _plain(plan.setting(s.key)) for s in SETTINGS}
    tables = {
        t.key: [{c.key: _plain(row.get(c.key)) for c in t.columns} for row in plan.rows(t.key)]
        for t in TABLES
        if t.key in plan.tables
    }
    return {
        "plan": settings,
        "tables": tables,
        "figures": _plain(checked.figures.as_dict()),
        "findings": checked.report.to_dict()["findings"],
        "today": checked.today.isoformat(),
    }


# --- CSV --------------------------------------------------------------------------------------


def _csv_value(value, decimal: str):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = repr(round(value, 10)).rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
        return text.replace(".", decimal)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return hygiene.csv_cell(", ".join(str(v) for v in value))
    return hygiene.csv_cell(str(value))


def _csv_bytes(header: list[str], rows: list[list], sep: str) -> bytes:
    decimal = "," if sep == ";" else "."
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(v, decimal) for v in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


def write_csv(checked: Checked, folder: Path, *, sep: str = ";", force: bool = False) -> list[Path]:
    """One CSV per table, plus figures by channel, objective, month and owner. Returns the files written.

    All or nothing: a failure (full disk, …) leaves the folder's previous files as they were.
    """
    plan, lang = checked.plan, checked.lang
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file: --format csv writes into a folder")
    folder.mkdir(parents=True, exist_ok=True)
    contents: list[tuple[Path, bytes]] = []

    def _write_csv(target: Path, header: list[str], rows: list[list], sep: str) -> None:
        contents.append((target, _csv_bytes(header, rows, sep)))

    written = []
    for table in TABLES:
        if table.key not in plan.tables:
            continue
        header = [c.label(lang) for c in table.columns]
        rows = [[_choice_label(c, row.get(c.key), lang) for c in table.columns] for row in plan.rows(table.key)]
        target = folder / f"{table.key}.csv"
        _write_csv(target, header, rows, sep)
        written.append(target)
    figures = checked.figures
    labels = {
        key: [t(lang) for t in value] if isinstance(value, tuple) else value(lang)
        for key, value in _FIGURE_LABELS.items()
    }
    for name, data in (
        ("by_channel", figures.by_channel),
        ("by_objective", figures.by_objective),
        ("by_pillar", figures.by_pillar),
    ):
        rows = [
            [
                key,
                b["actions"],
                b["planned_cost"],
                b["expected_revenue"],
                b["roi"],
                b["actual_cost"],
                b["actual_revenue"],
            ]
            for key, b in data.items()
        ]
        target = folder / f"figures_{name}.csv"
        _write_csv(target, [labels[name]] + labels["bucket"], rows, sep)
        written.append(target)
    target = folder / "figures_by_month.csv"
    rows = [[month, cost] for month, cost in figures.by_month.items()]
    if figures.unscheduled_cost:
        rows.append([labels["unscheduled"], figures.unscheduled_cost])
    _write_csv(target, labels["month"], rows, sep)
    written.append(target)
    target = folder / "figures_workload.csv"
    rows = [
        [owner, month, load["days"], load["capacity"], load["utilisation"]]
        for owner, months in figures.workload.items()
        for month, load in months.items()
    ]
    _write_csv(target, labels["workload"], rows, sep)
    written.append(target)
    write_files(contents, [Path(checked.path)], force=force, looks_like=looks_like_text)
    return written


def _choice_label(column, value, lang: str):
    if column.choices and isinstance(value, str):
        options = {o.key: o for o in CHOICES[column.choices].options}
        if value in options:
            return options[value].label(lang)
    if column.choices == "bool" and isinstance(value, bool):
        return CHOICES["bool"].option("yes" if value else "no").label(lang)
    return value


_FIGURE_LABELS = {  # the computed CSV files' headers
    "by_channel": Text("Canal", "Channel"),
    "by_objective": Text("Objectif", "Objective"),
    "by_pillar": Text("Pilier 4P", "4P pillar"),
    "bucket": (
        Text("Actions", "Actions"),
        Text("Coût prévu", "Planned cost"),
        Text("Gain attendu", "Expected revenue"),
        Text("ROI prévu", "Planned ROI"),
        Text("Coût réel", "Actual cost"),
        Text("Gain réel", "Actual revenue"),
    ),
    "month": (Text("Mois", "Month"), Text("Coût prévu", "Planned cost")),
    "unscheduled": Text("Non planifié", "Unscheduled"),
    "workload": (
        Text("Responsable", "Owner"),
        Text("Mois", "Month"),
        Text("Charge (jours)", "Load (days)"),
        Text("Capacité (jours)", "Capacity (days)"),
        Text("Utilisation", "Utilisation"),
    ),
}


# --- iCalendar ----------------------------------------------------------------------------------


def _uid(plan: Plan, kind: str, ident: str) -> str:
    """Stable across exports (a re-import updates events), distinct across plans."""
    seed = f"{plan.setting('plan_name') or ''}|{plan.setting('company') or ''}|{kind}|{id_key(str(ident))}"
    return f"{kind}-{hashlib.sha1(seed.encode('utf-8')).hexdigest()[:20]}@mplan"


ICS_WORDS = {
    "prodid": Text("-//mplan//plan d'action marketing//FR", "-//mplan//marketing action plan//EN"),
    "line": Text("{label} : {value}", "{label}: {value}"),
    "objective": Text("Objectif", "Objective"),
    "channel": Text("Canal", "Channel"),
    "owner": Text("Responsable", "Owner"),
    "status": Text("Statut", "Status"),
    "cost": Text("Coût estimé", "Estimated cost"),
    "objective_deadline": Text("Échéance objectif", "Objective deadline"),
    "target": Text("Cible", "Target"),
    "peak": Text("Temps fort", "Commercial peak"),
}


def write_ics(checked: Checked, target: Path, *, force: bool = False) -> int:
    """One all-day event per scheduled, not cancelled action, objective deadline and commercial peak."""
    from icalendar import Calendar, Event

    plan, today, lang = checked.plan, checked.today, checked.lang
    loc = Locale(lang)
    calendar = Calendar()
    calendar.add("prodid", ICS_WORDS["prodid"](lang))
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _one_line(str(plan.setting("plan_name") or "mplan")))
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    count = 0
    status_label = CHOICES["status"]
    currency = plan.setting("currency", "EUR") or "EUR"
    for item in join_schedule(plan):
        if not item.scheduled or not item.active:
            continue
        action = item.action
        event = Event()
        event.add("uid", _uid(plan, "action", action.get("id") or ""))
        event.add("dtstamp", stamp)
        event.add("summary", _one_line(f"{action.get('id')} · {action.get('action') or ''}".strip(" ·")))
        event.add("dtstart", item.start)
        event.add("dtend", item.end + timedelta(days=1))  # all-day DTEND is exclusive
        status = item.status
        lines = [
            ("objective", action.get("objective")),
            ("channel", action.get("channel")),
            ("owner", item.schedule.get("owner")),
            ("status", status_label.option(status).label(lang) if status else None),
            ("cost", loc.money(action.get("cost"), currency) if action.get("cost") is not None else None),
        ]
        event.add(
            "description",
            _text(
                "\n".join(
                    ICS_WORDS["line"].format(lang, label=ICS_WORDS[key], value=value)
                    for key, value in lines
                    if value not in (None, "")
                )
            ),
        )
        if action.get("channel"):
            event.add("categories", [_one_line(str(action.get("channel")))])
        calendar.add_component(event)
        count += 1
    for objective in plan.rows("objectives"):
        deadline = objective.get("deadline")
        if not isinstance(deadline, date) or not objective.get("id"):
            continue
        event = Event()
        event.add("uid", _uid(plan, "objective", objective.get("id")))
        event.add("dtstamp", stamp)
        prefix = ICS_WORDS["objective_deadline"](lang)
        event.add(
            "summary", _one_line(f"{prefix} {objective.get('id')} · {objective.get('objective') or ''}".strip(" ·"))
        )
        event.add("dtstart", deadline)
        event.add("dtend", deadline + timedelta(days=1))
        target_value = objective.get("target")
        if target_value is not None:
            event.add(
                "description",
                _text(f"{ICS_WORDS['target'](lang)}: {target_value:g} {objective.get('unit') or ''}".strip()),
            )
        calendar.add_component(event)
        count += 1
    for peak in plan.rows("peaks"):
        start = peak.get("start")
        if not isinstance(start, date) or not peak.get("name"):
            continue
        end = peak.get("end") if isinstance(peak.get("end"), date) and peak.get("end") >= start else start
        event = Event()
        event.add("uid", _uid(plan, "peak", peak.get("name")))
        event.add("dtstamp", stamp)
        event.add("summary", _one_line(str(peak.get("name"))))
        event.add("dtstart", start)
        event.add("dtend", end + timedelta(days=1))
        event.add("categories", [ICS_WORDS["peak"](lang)])
        calendar.add_component(event)
        count += 1
    write_files([(target, calendar.to_ical())], [Path(checked.path)], force=force, looks_like=_looks_like_ics)
    return count


def _text(value: str) -> str:
    """A TEXT value RFC 5545 allows: no control character but line breaks and tabs (escaped by icalendar)."""
    return hygiene.ics_text(value)


def _one_line(value: str) -> str:
    """A summary, name or category on one line: an Alt+Enter line break becomes a space."""
    return " ".join(hygiene.ics_text(value).split("\n")).strip()


def _looks_like_ics(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR")


def looks_like_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
