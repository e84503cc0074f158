"""`mplan consolidate`: the marketing director's roll-up of several plans into one new workbook.

Each plan is read and checked on its own (in parallel processes when there are many); a file that
cannot be read is reported and skipped, and so is a plan given twice (the same file, or a copy with the
same content): it is read once, never added twice. Amounts in different currencies are never added
together: the totals under the plans, and spend by channel and by month, are per currency.

The portfolio is written in one language (`lang`): headers, severities, months, notes. It prints
readably: A4 landscape, one page wide, the header row on every page.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import stat
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

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
    today: date | None = None  # the date the plan was judged at: --today, else its reference date
    by_channel: dict[str, float] = field(default_factory=dict)
    by_month: dict[str, float] = field(default_factory=dict)
    findings: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def summarise(path: str, today: date | None, lang: str | None) -> PlanSummary | str | Text:
    """One plan's roll-up line, or the one-line reason it could not be read."""
    try:
        checked = check(path, today=today, lang=lang)
        plan, figures, findings = checked.plan, checked.figures, checked.findings
    except MplanError as exc:
        return exc.text
    except Exception as exc:  # a file no reader anticipated: skip it, say why, go on with the others
        detail = f"{type(exc).__name__}: {str(exc)[:100]}"
        return Text(f"{path} : illisible ({detail})", f"{path}: unreadable ({detail})")
    period = plan.period
    statuses = [o["status"] for o in figures.objectives.values()]
    return PlanSummary(
        path=str(path),
        name=str(plan.setting("plan_name") or Path(path).stem),
        owner=str(plan.setting("plan_owner") or ""),
        start=period[0] if period else None,
        end=period[1] if period else None,
        currency=str(plan.setting("currency", "EUR") or "EUR"),
        envelope=_amount(plan.setting("envelope")),
        planned_spend=figures.planned_spend,
        actual_spend=figures.actual_spend,
        planned_roi=figures.planned_roi,
        actual_roi=figures.actual_roi,
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        on_track=sum(s in ("on_track", "achieved") for s in statuses),
        off_track=statuses.count("off_track"),
        today=checked.today,
        by_channel={k or "": v["planned_cost"] for k, v in figures.by_channel.items()},
        by_month=dict(figures.by_month),
        findings=[(f.severity, f.code, f.sheet, f.cell, f.message) for f in findings],
    )


def _amount(value: object) -> float | None:
    """A number read from the plan, or None (an empty or non-numeric cell)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


Skip = tuple[str, str | Text]  # (the file as given, why it was left out: worded when shown if a Text)


def read_plans(
    paths: Sequence[Path | str],
    today: date | None,
    lang: str | None,
    progress: Callable[[int], object] | None = None,
) -> tuple[list[PlanSummary], list[Skip]]:
    """(summaries, skipped) with skipped = [(path, reason)]; in parallel processes for many plans.

    The same plan given twice (the same file, or a copy with the same content) is read once: the
    later mentions are skipped as duplicates, so that nothing is added twice.
    """
    names = [str(p) for p in paths]
    repeats = duplicates(names)
    todo = [i for i in range(len(names)) if i not in repeats]
    results: dict[int, PlanSummary | str | Text] = dict(repeats)
    if progress and repeats:
        progress(len(repeats))
    if len(todo) >= PARALLEL_FROM:
        workers = min(len(todo), os.cpu_count() or 2)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = pool.map(
                summarise,
                [names[i] for i in todo],
                [today] * len(todo),
                [lang] * len(todo),
                chunksize=max(1, len(todo) // (workers * 4)),
            )
            for i, result in zip(todo, done, strict=True):
                results[i] = result
                if progress:
                    progress(1)
    else:
        for i in todo:
            results[i] = summarise(names[i], today, lang)
            if progress:
                progress(1)
    ordered = [results[i] for i in range(len(names))]
    summaries = [r for r in ordered if isinstance(r, PlanSummary)]
    skipped: list[Skip] = [(n, r) for n, r in zip(names, ordered, strict=True) if not isinstance(r, PlanSummary)]
    return summaries, skipped


SAME_FILE = Text(
    "{path} : doublon de {first} (le même fichier) : compté une seule fois",
    "{path}: duplicate of {first} (the same file): counted once",
)
SAME_CONTENT = Text(
    "{path} : doublon de {first} (le même contenu : une copie ?) : compté une seule fois",
    "{path}: duplicate of {first} (the same content: a copy?): counted once",
)


def duplicates(paths: Sequence[str]) -> dict[int, Text]:
    """{index: why} for each path that repeats an earlier one: the same file (resolved, or a link to it),
    or the same bytes. Only files of the same size are hashed; a file that cannot be read is no duplicate
    (reading it reports why)."""
    keys: list[tuple[object, int | None]] = []  # (resolved path or file identity, size)
    for path in paths:
        try:
            found = os.stat(path)
        except (OSError, ValueError):
            keys.append((_resolved(path), None))
            continue
        regular = stat.S_ISREG(found.st_mode)
        keys.append(((found.st_dev, found.st_ino), found.st_size if regular else None))
    sizes = Counter(size for _, size in keys if size is not None)
    first_of: dict[object, int] = {}
    repeats: dict[int, Text] = {}
    for i, (identity, size) in enumerate(keys):
        if identity in first_of:
            repeats[i] = _worded(SAME_FILE, path=paths[i], first=paths[first_of[identity]])
            continue
        first_of[identity] = i
        digest = _digest(paths[i]) if size is not None and sizes[size] > 1 else None
        if digest is None:
            continue
        if digest in first_of:
            repeats[i] = _worded(SAME_CONTENT, path=paths[i], first=paths[first_of[digest]])
        else:
            first_of[digest] = i
    return repeats


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


def _digest(path: str) -> tuple[str, str] | None:
    try:
        with open(path, "rb") as handle:
            return ("sha256", hashlib.file_digest(handle, "sha256").hexdigest())
    except (OSError, ValueError):
        return None


def _worded(text: Text, **values: str) -> Text:
    """A Text with its values filled in both languages (paths are the same in both)."""
    return Text(text.fr.format(**values), text.en.format(**values))


def reason_in(reason: str | Text, lang: str) -> str:
    """A skipped file's reason as shown in lang (an unexpected one is a plain string)."""
    return reason(lang) if isinstance(reason, Text) else reason


WORDS = {
    "title": Text("Portefeuille de plans", "Plan portfolio"),
    "plans": Text("Plans", "Plans"),
    "plan": Text("Plan", "Plan"),
    "file": Text("Fichier", "File"),
    "owner": Text("Responsable", "Owner"),
    "start": Text("Début", "Start"),
    "end": Text("Fin", "End"),
    "reference": Text("Date de référence", "Reference date"),
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
    "no_channel": Text("(sans canal)", "(no channel)"),
    "month": Text("Mois", "Month"),
    "alerts": Text("Alertes", "Alerts"),
    "severity": Text("Gravité", "Severity"),
    "error": Text("Erreur", "Error"),
    "warning": Text("Avertissement", "Warning"),
    "info": Text("Information", "Info"),
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
    "total_plans": Text("Total {currency} ({plans})", "Total {currency} ({plans})"),
    "plan_count": Text("plan", "plan"),
    "generated": Text("Généré par mplan consolidate le {today}.", "Generated by mplan consolidate on {today}."),
    "footer": Text("&L&A&RPage &P sur &N", "&L&A&RPage &P of &N"),
}

# The Plans sheet, left to right: (word, kind); the kind sets the cell format and the column width.
COLUMNS = (
    ("plan", "name"),
    ("owner", "text"),
    ("start", "date"),
    ("end", "date"),
    ("reference", "date"),
    ("currency", "code"),
    ("envelope", "money"),
    ("planned", "money"),
    ("actual", "money"),
    ("roi", "percent"),
    ("actual_roi", "percent"),
    ("errors", "count"),
    ("warnings", "count"),
    ("on_track", "count"),
    ("off_track", "count"),
    ("file", "path"),
)
HEAD_ROW = 4  # the Plans table's header (0-based; row 5 in Excel), repeated on every printed page
MAX_LINES = 27  # a row's height is at most 409 points: 27 lines of 15
WIDEST = {"name": 36, "text": 20, "path": 40, "message": 70}  # longer texts wrap inside these widths


def write_portfolio(
    out: Path,
    summaries: list[PlanSummary],
    skipped: Sequence[Skip],
    lang: str,
    today: date,
    *,
    inputs: Iterable[Path] = (),
) -> None:
    """The roll-up workbook: Plans (with totals per currency), by channel, by month, Alerts (and the
    skipped files).

    Written to a temporary file, then renamed over out: a failure leaves a previous portfolio as it was.
    Never written over one of inputs (a hard link of a plan included).
    """
    if out.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{out}: the portfolio must be an .xlsx file", fr=f"{out} : le portefeuille doit être un fichier .xlsx"
        )
    try:
        with output(Path(out), inputs, force=True) as temp:
            _write_portfolio(temp, summaries, skipped, lang, today)
    except OSError as exc:  # a missing or read-only folder, a full disk
        raise UsageError(
            f"cannot write {out}: {exc.strerror or exc}; nothing was changed",
            fr=f"impossible d'écrire {out} : {exc.strerror or exc} ; rien n'a été modifié",
        ) from exc


@dataclass
class _Total:
    """The sums of one currency's plans (never of two currencies)."""

    plans: int = 0
    envelope: float | None = None
    planned: float = 0.0
    actual: float = 0.0
    errors: int = 0
    warnings: int = 0
    on_track: int = 0
    off_track: int = 0

    def add(self, s: PlanSummary) -> None:
        self.plans += 1
        if s.envelope is not None:
            self.envelope = (self.envelope or 0.0) + s.envelope
        self.planned += s.planned_spend
        self.actual += s.actual_spend
        self.errors += s.errors
        self.warnings += s.warnings
        self.on_track += s.on_track
        self.off_track += s.off_track


def totals(summaries: Iterable[PlanSummary]) -> dict[str, _Total]:
    """{currency: its plans' sums}, currencies in alphabetical order."""
    found: dict[str, _Total] = defaultdict(_Total)
    for s in summaries:
        found[s.currency].add(s)
    return dict(sorted(found.items()))


def _write_portfolio(out: Path, summaries: list[PlanSummary], skipped: Sequence[Skip], lang: str, today: date) -> None:
    words = {key: text(lang) for key, text in WORDS.items()}
    buffer = io.BytesIO()  # built in memory: a full disk then fails one plain write, not inside xlsxwriter
    options = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True, "nan_inf_to_errors": True}
    workbook = xlsxwriter.Workbook(buffer, options)
    currencies = sorted({s.currency for s in summaries})
    formats = _formats(workbook, lang, currencies)
    ordered = sorted(summaries, key=lambda s: s.name.casefold())
    _plans_sheet(workbook, formats, words, ordered, lang, today)
    for key in ("by_channel", "by_month"):
        _spend_sheet(workbook, formats, words, key, ordered, currencies, lang)
    _alerts_sheet(workbook, formats, words, ordered)
    if skipped:
        _skipped_sheet(workbook, formats, words, skipped, lang)
    workbook.close()
    out.write_bytes(buffer.getvalue())


def _formats(workbook: Any, lang: str, currencies: list[str]) -> dict[str, Any]:
    head = {
        "bold": True,
        "font_color": "#FFFFFF",
        "bg_color": PALETTE["header_required"],
        "text_wrap": True,
        "valign": "vcenter",
        "border": 1,
        "border_color": "#FFFFFF",
    }
    cell = {"valign": "top", "border": 1, "border_color": "#D9D9D9"}  # light lines: rows easy to follow on paper
    total = {**cell, "bold": True, "top": 2, "top_color": "#000000", "bg_color": PALETTE["generated"]}
    add = workbook.add_format
    formats = {
        "head": add(head),
        "title": add({"bold": True, "font_size": 16, "font_color": PALETTE["title"]}),
        "note": add({"italic": True, "font_color": PALETTE["muted"]}),
        "wrap": add({**cell, "text_wrap": True}),
        "top": add(cell),
        "percent": add({**cell, "num_format": Locale(lang).percent_format()}),
        "date": add({**cell, "num_format": date_format(lang), "align": "left"}),
        "red": add({**cell, "bg_color": "#FFC7CE"}),
        "total": add({**total, "text_wrap": True}),
        "total_red": add({**total, "bg_color": "#FFC7CE"}),
    }
    for currency in currencies:
        formats["money " + currency] = add({**cell, "num_format": money_format(currency, lang)})
        formats["total " + currency] = add({**total, "num_format": money_format(currency, lang)})
    return formats


def _print_setup(ws: Any, head_row: int, words: dict[str, str]) -> None:
    """A4 landscape, one page wide (as many pages long as needed), the header row on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(head_row)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer(words["footer"])


def _plans_sheet(
    workbook: Any, formats: dict[str, Any], words: dict[str, str], ordered: list[PlanSummary], lang: str, today: date
) -> None:
    loc = Locale(lang)
    ws = workbook.add_worksheet(words["plans"])
    ws.set_row(0, 24)
    ws.write_string(0, 0, words["title"], formats["title"])
    ws.write_string(1, 0, words["generated"].format(today=loc.date(today)), formats["note"])
    sums = totals(ordered)
    if len(sums) > 1:
        ws.write_string(2, 0, words["currencies"].format(list=", ".join(sums)), formats["note"])
    for c, (key, _) in enumerate(COLUMNS):
        ws.write_string(HEAD_ROW, c, words[key], formats["head"])
    widths = _widths(ordered, sums, words, loc)
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.set_row(HEAD_ROW, 15 * max(_lines(words[key], widths[c]) for c, (key, _) in enumerate(COLUMNS)) + 3)
    row = HEAD_ROW
    for s in ordered:
        row += 1
        money = formats["money " + s.currency]
        cells: tuple[tuple[object, Any], ...] = (
            (s.name, formats["wrap"]),
            (s.owner, formats["wrap"]),
            (s.start, formats["date"]),
            (s.end, formats["date"]),
            (s.today, formats["date"]),
            (s.currency, formats["top"]),
            (s.envelope, money),
            (s.planned_spend, money),
            (s.actual_spend, money),
            (s.planned_roi, formats["percent"]),
            (s.actual_roi, formats["percent"]),
            (s.errors, formats["red"] if s.errors else formats["top"]),
            (s.warnings, formats["top"]),
            (s.on_track, formats["top"]),
            (s.off_track, formats["red"] if s.off_track else formats["top"]),
            (s.path, formats["wrap"]),
        )
        _write_row(ws, row, cells, widths)
    if ordered:
        ws.autofilter(HEAD_ROW, 0, row, len(COLUMNS) - 1)  # the plans only: sorting leaves the totals below
    for currency, total in sums.items():
        row += 1
        plans = loc.count(total.plans, WORDS["plan_count"])
        money = formats["total " + currency]
        cells = (
            (words["total_plans"].format(currency=currency, plans=plans), formats["total"]),
            *((None, formats["total"]) for _ in range(4)),
            (currency, formats["total"]),
            (total.envelope, money),
            (total.planned, money),
            (total.actual, money),
            (None, formats["total"]),
            (None, formats["total"]),
            (total.errors, formats["total_red"] if total.errors else formats["total"]),
            (total.warnings, formats["total"]),
            (total.on_track, formats["total"]),
            (total.off_track, formats["total_red"] if total.off_track else formats["total"]),
            (None, formats["total"]),
        )
        _write_row(ws, row, cells, widths)
    ws.freeze_panes(HEAD_ROW + 1, 1)
    _print_setup(ws, HEAD_ROW, words)


def _widths(ordered: list[PlanSummary], sums: dict[str, _Total], words: dict[str, str], loc: Locale) -> list[float]:
    """Each Plans column as wide as its longest header word and its values, long texts capped (they wrap)."""
    amounts = [abs(v) for s in ordered for v in (s.envelope, s.planned_spend, s.actual_spend) if v is not None]
    amounts += [abs(v) for t in sums.values() for v in (t.envelope, t.planned, t.actual) if v is not None]
    biggest = max((a for a in amounts if math.isfinite(a)), default=0.0)
    values = {
        "plan": [s.name for s in ordered] + [words["total_plans"] + "000"],
        "owner": [s.owner for s in ordered],
        "file": [s.path for s in ordered],
    }
    widths = []
    for key, kind in COLUMNS:
        word = max((len(w) for w in words[key].split()), default=0) + 2
        if kind == "date":
            width = 12.0
        elif kind == "money":
            width = len(loc.money(biggest, "XXX")) + 2.0  # the longest symbols are three letters
        elif kind == "percent":
            width = 7.0
        elif kind == "code":
            width = max((len(c) for c in sums), default=3) + 3.0
        elif kind == "count":
            width = 7.0
        else:
            longest = max((len(line) for v in values[key] for line in v.splitlines()), default=0)
            width = float(min(longest + 2, WIDEST[kind]))
        widths.append(max(width, float(min(word, 16))))
    return widths


def _lines(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a column this wide: whole words, as Excel and LibreOffice
    wrap, a word longer than the column broken anywhere."""
    room = max(int(width * 1.1) - 1, 1)  # a width counts digits; text averages a little narrower
    total = 0
    for paragraph in text.splitlines() or [""]:
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                lines, used = lines + 1, 0
            used += len(word) + (1 if used else 0)
            while used > room:
                lines, used = lines + 1, used - room
        total += lines
    return total


def _write_row(ws: Any, row: int, cells: Sequence[tuple[object, Any]], widths: Sequence[float]) -> None:
    """Write a row of (value, format); as tall as its longest wrapped text (no reader sizes it on opening)."""
    lines = 1
    for c, (value, style) in enumerate(cells):
        _write(ws, row, c, value, style)
        if isinstance(value, str) and getattr(style, "text_wrap", False):
            lines = max(lines, _lines(value, widths[c]))
    if lines > 1:
        ws.set_row(row, 15 * min(lines, MAX_LINES))


def _spend_sheet(
    workbook: Any,
    formats: dict[str, Any],
    words: dict[str, str],
    key: str,
    ordered: list[PlanSummary],
    currencies: list[str],
    lang: str,
) -> None:
    """Planned spend by channel or by month across the plans, one column per currency."""
    loc = Locale(lang)
    sheet = workbook.add_worksheet(words[key][:31])
    sheet.set_row(0, 24)
    sheet.write_string(0, 0, words[key], formats["title"])
    sheet.write_string(2, 0, words["channel" if key == "by_channel" else "month"], formats["head"])
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s in ordered:
        for name, value in (s.by_channel if key == "by_channel" else s.by_month).items():
            sums[name][s.currency] += value
    for c, currency in enumerate(currencies, start=1):
        sheet.write_string(2, c, f"{words['total']} ({currency})", formats["head"])
    if key == "by_month":
        order = sorted(sums)
    else:
        order = sorted(sums, key=lambda n: -sum(sums[n].values()))
    labels = [_month(loc, name) if key == "by_month" else (name or words["no_channel"]) for name in order]
    longest = max((len(line) for label in labels for line in label.splitlines()), default=0)
    widths = [float(min(max(longest + 2, len(words["channel"]) + 2, 12), WIDEST["name"])), *[16.0] * len(currencies)]
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    for r, (name, label) in enumerate(zip(order, labels, strict=True), start=3):
        amounts = [(sums[name].get(currency), formats["money " + currency]) for currency in currencies]
        _write_row(sheet, r, [(label, formats["wrap"]), *amounts], widths)
    _print_setup(sheet, 2, words)


def _month(loc: Locale, key: str) -> str:
    """'2027-05' → 'mai 2027' / 'May 2027'; anything else as it is."""
    try:
        return loc.month(key) if len(key) == 7 and key[4] == "-" else key
    except (ValueError, IndexError):
        return key


def _alerts_sheet(workbook: Any, formats: dict[str, Any], words: dict[str, str], ordered: list[PlanSummary]) -> None:
    alerts = workbook.add_worksheet(words["alerts"])
    for c, key in enumerate(("plan", "severity", "code", "sheet", "cell", "message")):
        alerts.write_string(0, c, words[key], formats["head"])
    longest = max((len(s.name) for s in ordered if s.findings), default=0)
    widths = [
        float(min(max(longest + 2, 12), WIDEST["name"])),
        max(len(words[k]) for k in ("error", "warning", "info", "severity")) + 2.0,
        8.0,
        16.0,
        9.0,
        float(WIDEST["message"]),
    ]
    for c, width in enumerate(widths):
        alerts.set_column(c, c, width)
    r = 0
    for s in ordered:
        for severity, code, sheet_name, cell, message in s.findings:
            r += 1
            values = (s.name, words.get(severity, severity), code, sheet_name, cell, message)
            _write_row(alerts, r, [(str(v), formats["wrap"]) for v in values], widths)
    if r:
        alerts.autofilter(0, 0, r, 5)
    alerts.freeze_panes(1, 0)
    _print_setup(alerts, 0, words)


def _skipped_sheet(
    workbook: Any, formats: dict[str, Any], words: dict[str, str], skipped: Sequence[Skip], lang: str
) -> None:
    sheet = workbook.add_worksheet(words["skipped"][:31])
    sheet.write_string(0, 0, words["file"], formats["head"])
    sheet.write_string(0, 1, words["reason"], formats["head"])
    widths = [50.0, 80.0]
    sheet.set_column(0, 0, widths[0])
    sheet.set_column(1, 1, widths[1])
    for r, (path, reason) in enumerate(skipped, start=1):
        _write_row(sheet, r, [(path, formats["wrap"]), (reason_in(reason, lang), formats["wrap"])], widths)
    _print_setup(sheet, 0, words)


def _write(ws: Any, row: int, col: int, value: object, style: Any) -> None:
    """A cell by the type of its value; None leaves the cell blank (with its style, for the totals)."""
    if value is None or value == "":
        ws.write_blank(row, col, None, style)
    elif isinstance(value, str):
        ws.write_string(row, col, value, style)
    elif isinstance(value, date):
        moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        ws.write_datetime(row, col, moment, style)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value):
            ws.write_number(row, col, value, style)
        else:
            ws.write_blank(row, col, None, style)
    else:
        ws.write_string(row, col, str(value), style)
