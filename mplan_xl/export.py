"""Take the plan out of Excel: JSON (plan, tables, figures, findings), CSV files, an iCalendar file.

JSON carries choice values as their stable keys ("done", "promotion"), dates as ISO strings, money as
numbers and ratios as fractions; ids and channel names as written in the workbook. CSV is for people:
the workbook's labels, money rounded to cents, ratios as percentages a spreadsheet reads as numbers.
The calendar gives each action's start and deadline, deadlines with a reminder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from . import hygiene
from .errors import UsageError
from .figures import join_schedule
from .i18n import Locale, Text
from .ooxml.safewrite import looks_like_text, write_files
from .pipeline import Checked
from .reader import Plan
from .schema import CHOICES, SETTINGS, TABLES, Column, ColumnType
from .values import id_key

if TYPE_CHECKING:
    from icalendar import Event


def _plain(value: object) -> object:
    """JSON-ready value: dates as ISO strings, everything else unchanged."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def plan_document(checked: Checked) -> dict[str, Any]:
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

# How a CSV cell is written: "money" rounded to cents, "ratio" as a percentage ("414,5%": a number a
# spreadsheet shows as 414,50 %), "rounded" to two decimals (computed days), "" as the value comes.
Kind = Literal["", "money", "ratio", "rounded"]

_KIND_OF_TYPE: dict[ColumnType, Kind] = {ColumnType.MONEY: "money", ColumnType.PERCENT: "ratio"}


def _decimal_text(value: float, places: int, decimal: str, *, pad: bool) -> str:
    """value rounded to `places` decimals, no trailing decimals when whole; pad: always `places` then."""
    value = round(float(value), places) + 0.0  # + 0.0: no "-0"
    if value.is_integer() and abs(value) < 1e16:
        text = str(int(value))
    else:
        text = f"{value:.{places}f}"
        if not pad:
            text = text.rstrip("0").rstrip(".")
    return text.replace(".", decimal)


def _csv_value(value: object, decimal: str, kind: Kind = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)) and kind and math.isfinite(value):
        if kind == "money":
            return _decimal_text(value, 2, decimal, pad=True)
        if kind == "rounded":
            return _decimal_text(value, 2, decimal, pad=False)
        return _decimal_text(value * 100, 2, decimal, pad=False) + "%"
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


def _csv_bytes(header: list[str], rows: list[list[object]], sep: str, kinds: list[Kind]) -> bytes:
    decimal = "," if sep == ";" else "."
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(v, decimal, kind) for v, kind in zip(row, kinds, strict=True)])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


_BUCKET_KINDS: list[Kind] = ["", "", "money", "money", "ratio", "money", "money"]


def write_csv(checked: Checked, folder: Path, *, sep: str = ";", force: bool = False) -> list[Path]:
    """One CSV per table, plus figures by channel, objective, month and owner. Returns the files written.

    All or nothing: a failure (full disk, …) leaves the folder's previous files as they were.
    """
    plan, lang = checked.plan, checked.lang
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"{folder} is a file: --format csv writes into a folder",
            fr=f"{folder} est un fichier : --format csv écrit dans un dossier",
            lang=lang,
        )
    folder.mkdir(parents=True, exist_ok=True)
    contents: list[tuple[Path, bytes]] = []
    written: list[Path] = []

    def _write_csv(name: str, header: list[str], rows: list[list[object]], kinds: list[Kind]) -> None:
        target = folder / f"{name}.csv"
        contents.append((target, _csv_bytes(header, rows, sep, kinds)))
        written.append(target)

    for table in TABLES:
        if table.key not in plan.tables:
            continue
        header = [c.label(lang) for c in table.columns]
        rows = [[_choice_label(c, row.get(c.key), lang) for c in table.columns] for row in plan.rows(table.key)]
        _write_csv(table.key, header, rows, [_KIND_OF_TYPE.get(c.type, "") for c in table.columns])
    figures = checked.figures
    bucket = [t(lang) for t in _BUCKET_LABELS]
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
        _write_csv(f"figures_{name}", [_FIGURE_LABELS[name](lang), *bucket], rows, _BUCKET_KINDS)
    rows = [[month, cost] for month, cost in figures.by_month.items()]
    if figures.unscheduled_cost:
        rows.append([_FIGURE_LABELS["unscheduled"](lang), figures.unscheduled_cost])
    _write_csv("figures_by_month", [t(lang) for t in _MONTH_LABELS], rows, ["", "money"])
    rows = [
        [owner, month, load["days"], load["capacity"], load["utilisation"]]
        for owner, months in figures.workload.items()
        for month, load in months.items()
    ]
    _write_csv("figures_workload", [t(lang) for t in _WORKLOAD_LABELS], rows, ["", "", "rounded", "", "ratio"])
    write_files(contents, [Path(checked.path)], force=force, looks_like=looks_like_text)
    return written


def _choice_label(column: Column, value: object, lang: str) -> object:
    if column.choices and isinstance(value, str):
        options = {o.key: o for o in CHOICES[column.choices].options}
        if value in options:
            return options[value].label(lang)
    if column.choices == "bool" and isinstance(value, bool):
        return CHOICES["bool"].option("yes" if value else "no").label(lang)
    return value


# the computed CSV files' headers
_FIGURE_LABELS = {
    "by_channel": Text("Canal", "Channel"),
    "by_objective": Text("Objectif", "Objective"),
    "by_pillar": Text("Pilier 4P", "4P pillar"),
    "unscheduled": Text("Non planifié", "Unscheduled"),
}
_BUCKET_LABELS = (
    Text("Actions", "Actions"),
    Text("Coût prévu", "Planned cost"),
    Text("CA attendu", "Expected revenue"),
    Text("ROI prévu", "Planned ROI"),
    Text("Coût réel", "Actual cost"),
    Text("CA réel", "Actual revenue"),
)
_MONTH_LABELS = (Text("Mois", "Month"), Text("Coût prévu", "Planned cost"))
_WORKLOAD_LABELS = (
    Text("Responsable", "Owner"),
    Text("Mois", "Month"),
    Text("Charge (jours)", "Load (days)"),
    Text("Capacité (jours)", "Capacity (days)"),
    Text("Utilisation", "Utilisation"),
)


# --- iCalendar ----------------------------------------------------------------------------------


def _uid(plan: Plan, kind: str, ident: object) -> str:
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
    "period": Text("Du {start} au {end}", "From {start} to {end}"),
    "start": Text("Début : {what}", "Start: {what}"),
    "deadline": Text("Échéance : {what}", "Deadline: {what}"),
    "objective_deadline": Text("Échéance objectif", "Objective deadline"),
    "target": Text("Cible", "Target"),
    "peak": Text("Temps fort", "Commercial peak"),
    "reminder": Text("Échéance {when} : {what}", "Deadline {when}: {what}"),
}

REMIND_DAYS = 2  # default days between a deadline's reminder and the deadline


def write_ics(
    checked: Checked,
    target: Path,
    *,
    force: bool = False,
    span: bool = False,
    remind_days: int = REMIND_DAYS,
    owner: str | None = None,
) -> int:
    """The plan's dates as all-day events; returns how many.

    Each scheduled, not cancelled action gives its start and its deadline (one event when they are the
    same day; with `span`, one event from start to deadline), each objective its deadline, each
    commercial peak its days. Deadlines carry a reminder `remind_days` before (0: none; not for actions
    already done). `owner`: only that person's actions and objectives (and every peak).
    """
    from icalendar import Alarm, Calendar, Event

    if not 0 <= remind_days <= 365:
        raise UsageError(
            f"--remind-days {remind_days}: give a number of days from 0 (no reminder) to 365",
            fr=f"--remind-days {remind_days} : donnez un nombre de jours de 0 (pas de rappel) à 365",
            lang=checked.lang,
        )
    plan, today, lang = checked.plan, checked.today, checked.lang
    loc = Locale(lang)
    wanted = _owner_key(plan, owner) if owner is not None else None
    calendar = Calendar()
    calendar.add("prodid", ICS_WORDS["prodid"](lang))
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _one_line(str(plan.setting("plan_name") or "mplan")))
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    count = 0
    status_label = CHOICES["status"]
    currency = plan.setting("currency", "EUR") or "EUR"

    def _event(uid: str, summary: str, first: date, last: date) -> Event:
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", _one_line(summary))
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))  # all-day DTEND is exclusive
        return event

    def _remind(event: Event, summary: str, *, at_end: bool = False) -> None:
        """A display alarm `remind_days` before the deadline: the event's day, or its last day (`at_end`)."""
        if not remind_days:
            return
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        if at_end:  # DTEND is the day after the deadline
            alarm.add("trigger", timedelta(days=-remind_days - 1), parameters={"RELATED": "END"})
        else:
            alarm.add("trigger", timedelta(days=-remind_days))
        when = loc.in_days(remind_days)
        alarm.add("description", _one_line(ICS_WORDS["reminder"].format(loc, when=when, what=summary)))
        event.add_component(alarm)

    for item in join_schedule(plan):
        if item.start is None or item.end is None or not item.active:
            continue
        who = item.schedule.get("owner") if item.schedule else None
        if wanted is not None and id_key(str(who or "")) != wanted:
            continue
        action = item.action
        ident = action.get("id") or ""
        title = f"{ident} · {action.get('action') or ''}".strip(" ·")
        status = item.status
        cost = action.get("cost")
        lines = [
            ("objective", action.get("objective")),
            ("channel", action.get("channel")),
            ("owner", who),
            ("status", status_label.option(status).label(lang) if status else None),
            ("cost", loc.money(cost, currency) if isinstance(cost, (int, float)) else None),
        ]
        described = [
            ICS_WORDS["line"].format(lang, label=ICS_WORDS[key], value=value)
            for key, value in lines
            if value not in (None, "")
        ]
        remind = status != "done"  # no reminder of a deadline already met
        if span:
            events = [_event(_uid(plan, "action", ident), title, item.start, item.end)]
            if remind:
                _remind(events[0], title, at_end=True)
        else:
            described.insert(0, ICS_WORDS["period"].format(loc, start=item.start, end=item.end))
            # the deadline keeps the UID of the single --span event: switching modes updates it
            deadline = _event(
                _uid(plan, "action", ident), ICS_WORDS["deadline"].format(loc, what=title), item.end, item.end
            )
            if remind:
                _remind(deadline, title)
            events = [deadline]
            if item.start != item.end:
                start_title = ICS_WORDS["start"].format(loc, what=title)
                events.insert(0, _event(_uid(plan, "action-start", ident), start_title, item.start, item.start))
        for event in events:
            event.add("description", _text("\n".join(described)))
            if action.get("channel"):
                event.add("categories", [_one_line(str(action.get("channel")))])
            calendar.add_component(event)
            count += 1
    for objective in plan.rows("objectives"):
        deadline_date = objective.get("deadline")
        if not isinstance(deadline_date, date) or not objective.get("id"):
            continue
        if wanted is not None and id_key(str(objective.get("owner") or "")) != wanted:
            continue
        prefix = ICS_WORDS["objective_deadline"](lang)
        summary = f"{prefix} {objective.get('id')} · {objective.get('objective') or ''}".strip(" ·")
        event = _event(_uid(plan, "objective", objective.get("id")), summary, deadline_date, deadline_date)
        target_value = objective.get("target")
        if isinstance(target_value, (int, float)):
            event.add(
                "description",
                _text(f"{ICS_WORDS['target'](lang)}: {target_value:g} {objective.get('unit') or ''}".strip()),
            )
        _remind(event, summary)
        calendar.add_component(event)
        count += 1
    for peak in plan.rows("peaks"):
        start = peak.get("start")
        if not isinstance(start, date) or not peak.get("name"):
            continue
        end = peak.get("end")
        last = end if isinstance(end, date) and end >= start else start
        event = _event(_uid(plan, "peak", peak.get("name")), str(peak.get("name")), start, last)
        event.add("categories", [ICS_WORDS["peak"](lang)])
        calendar.add_component(event)
        count += 1
    write_files([(target, calendar.to_ical())], [Path(checked.path)], force=force, looks_like=_looks_like_ics)
    return count


def _owner_key(plan: Plan, owner: str) -> str:
    """The compared form of --owner; refused (one line naming the team) when nobody in the plan has it."""
    wanted = id_key(owner)
    names: dict[str, str] = {}
    for row in plan.rows("team"):
        if row.get("member"):
            names.setdefault(id_key(str(row.get("member"))), " ".join(str(row.get("member")).split()))
    team = list(names.values())
    for key, column in (("schedule", "owner"), ("objectives", "owner")):
        for row in plan.rows(key):
            if row.get(column):
                names.setdefault(id_key(str(row.get(column))), " ".join(str(row.get(column)).split()))
    if wanted and wanted in names:
        return wanted
    known = team or list(names.values())
    listed = ", ".join(known) if known else "nobody (the Team sheet and the owners are empty)"
    listed_fr = ", ".join(known) if known else "personne (l’équipe et les responsables sont vides)"
    shown = " ".join(owner.split())
    raise UsageError(
        f"--owner '{shown}' is not in the plan: the team is {listed}",
        fr=f"--owner '{shown}' n'est pas dans le plan : l'équipe est {listed_fr}",
        lang=plan.lang,
    )


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
