"""What a report reported, kept for the next one, and what changed between two versions of a plan.

SPEC section 5 "Snapshot": each report stores, inside the sheets it owns, a compact snapshot of the plan
it reported: the report's date, `today`, the envelope and planned spend, per action its cost, revenue,
start, deadline, status and owner, per objective its target and deadline, and the counts of findings.
The next report compares the plan with it and shows "Depuis le dernier rapport" / "Since the last
report" at the top of the Summary; `mplan diff OLD NEW` makes the same comparison between two workbooks
(SPEC section 4, whose JSON `Diff.to_dict()` is).

The snapshot is stored as text cells (JSON in chunks below Excel's 32,767 characters a cell) that start
with a signature and end with a checksum, so that it survives a re-save by LibreOffice, Excel or openpyxl
(which rewrite every part but keep cell text), and so that no cell a user typed is ever taken for one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import Locale, Text
from .values import id_key

if TYPE_CHECKING:
    from .figures import Figures
    from .reader import Plan

SIGNATURE = "mplan-snapshot/1"
CHUNK = 30_000  # characters of JSON per cell, below Excel's 32,767 limit


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def take(plan: Plan, figures: Figures, counts: dict[str, int], today: date, generated: date | None = None) -> dict:
    """The snapshot of a plan as reported (plain JSON-able data)."""
    schedule = {id_key(i.action.get("id")): i for i in figures.items if i.action.get("id")}
    actions = {}
    for item in schedule.values():
        row, sched = item.action, item.schedule
        actions[str(row.get("id"))] = {
            "cost": _num(row.get("cost")),
            "revenue": _num(row.get("revenue")),
            "start": _iso(sched.get("start")) if sched else None,
            "deadline": _iso(sched.get("end")) if sched else None,
            "status": sched.get("status") if sched else None,
            "owner": str(sched.get("owner")) if sched and sched.get("owner") is not None else None,
        }
    objectives = {}
    for row in plan.rows("objectives"):
        if row.get("id"):
            objectives[str(row.get("id"))] = {"target": _num(row.get("target")), "deadline": _iso(row.get("deadline"))}
    envelope = plan.setting("envelope")
    return {
        "generated": (generated or date.today()).isoformat(),
        "today": today.isoformat(),
        "envelope": _num(envelope),
        "planned_spend": _num(figures.planned_spend),
        "actions": actions,
        "objectives": objectives,
        "counts": {k: int(counts.get(k, 0)) for k in ("error", "warning", "info")},
    }


_NOT_COMPARED = ("generated", "base", "lang")  # when and in which language a report was made is not the plan


def same_plan(a: dict, b: dict) -> bool:
    """Whether two snapshots describe the same plan judged on the same day (ignoring when and in which
    language each report was made)."""
    return {k: v for k, v in a.items() if k not in _NOT_COMPARED} == {
        k: v for k, v in b.items() if k not in _NOT_COMPARED
    }


def rebase(current: dict, previous: dict | None) -> tuple[dict | None, dict]:
    """(the snapshot to compare with, the snapshot to store) for a report taking `current`.

    Normally the comparison is with the previous report. When the plan has not changed since then (the
    report is run again, in another language, or by mistake), the previous report's own comparison is kept,
    so that running the report twice never wipes "since the last report" and writes the same sheets.
    The stored snapshot carries the snapshot it was compared with (one level, never nested further).
    """
    if previous is None:
        base = None
    elif same_plan(current, previous):
        base = previous.get("base")
    else:
        base = {k: v for k, v in previous.items() if k != "base"}
    return base, dict(current, base=base)


# -- storage in cells --------------------------------------------------------------------------------------


def _digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def encode(snapshot: dict) -> list[str]:
    """The cell texts that hold a snapshot: a header (signature, chunk count, checksum), then the JSON."""
    payload = json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    chunks = [payload[i : i + CHUNK] for i in range(0, len(payload), CHUNK)] or [""]
    return [f"{SIGNATURE} {len(chunks)} {_digest(payload)}", *chunks]


def decode(cells: list) -> dict | None:
    """The snapshot held by these cell values, or None when they are not a valid, intact snapshot."""
    texts = [c for c in cells if isinstance(c, str)]
    if not texts:
        return None
    head = texts[0].split(" ")
    if len(head) != 3 or head[0] != SIGNATURE or not head[1].isdigit():
        return None
    count, digest = int(head[1]), head[2]
    payload = "".join(texts[1 : 1 + count])
    if len(texts) < 1 + count or _digest(payload) != digest:
        return None
    try:
        snapshot = json.loads(payload)
    except ValueError:
        return None
    return snapshot if isinstance(snapshot, dict) and isinstance(snapshot.get("actions"), dict) else None


# -- comparison --------------------------------------------------------------------------------------------


@dataclass
class Diff:
    """What changed between two snapshots (SPEC section 4, `mplan diff --format json`)."""

    old_file: str | None
    new_file: str | None
    old: dict
    new: dict
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    moved: list[dict] = field(default_factory=list)
    cost: list[dict] = field(default_factory=list)
    revenue: list[dict] = field(default_factory=list)
    objectives: list[dict] = field(default_factory=list)

    @property
    def lang(self) -> str:
        """The language of the newer version (a workbook's snapshot carries it)."""
        return self.new.get("lang") or self.old.get("lang") or "fr"

    @property
    def envelope(self) -> dict:
        return {"old": self.old.get("envelope"), "new": self.new.get("envelope")}

    @property
    def planned_spend(self) -> dict:
        return {"old": self.old.get("planned_spend"), "new": self.new.get("planned_spend")}

    @property
    def counts(self) -> dict:
        return {"old": self.old.get("counts", {}), "new": self.new.get("counts", {})}

    @property
    def changed(self) -> bool:
        lists = (self.added, self.removed, self.cancelled, self.done, self.moved, self.cost, self.revenue)
        return (
            any(lists)
            or bool(self.objectives)
            or self.envelope["old"] != self.envelope["new"]
            or not _same(self.planned_spend["old"], self.planned_spend["new"])
        )

    def to_dict(self) -> dict:
        return {
            "old": self.old_file,
            "new": self.new_file,
            "actions": {
                "added": self.added,
                "removed": self.removed,
                "cancelled": self.cancelled,
                "done": self.done,
                "moved": self.moved,
                "cost": self.cost,
                "revenue": self.revenue,
            },
            "envelope": self.envelope,
            "planned_spend": self.planned_spend,
            "objectives": self.objectives,
            "counts": self.counts,
        }


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 0.005
    return a == b


def _days(old: str | None, new: str | None) -> int | None:
    if old == new:
        return 0
    if old is None or new is None:
        return None
    return (date.fromisoformat(new) - date.fromisoformat(old)).days


def compare(old: dict, new: dict, old_file: str | None = None, new_file: str | None = None) -> Diff:
    """Compare two snapshots; ids are matched ignoring case and spaces and shown as the new version writes them."""
    diff = Diff(old_file, new_file, old, new)
    old_actions = {id_key(k): (k, v) for k, v in old.get("actions", {}).items()}
    new_actions = {id_key(k): (k, v) for k, v in new.get("actions", {}).items()}
    for key, (name, now) in new_actions.items():
        before = old_actions.get(key)
        if before is None:
            diff.added.append(name)
        was = before[1] if before else {}
        for status, target in (("cancelled", diff.cancelled), ("done", diff.done)):
            if now.get("status") == status and was.get("status") != status:
                target.append(name)
        if before is None:
            continue
        start, deadline = _days(was.get("start"), now.get("start")), _days(was.get("deadline"), now.get("deadline"))
        if (start or deadline) and start is not None and deadline is not None:
            diff.moved.append({"id": name, "start_days": start, "deadline_days": deadline})
        for money, changes in (("cost", diff.cost), ("revenue", diff.revenue)):
            if not _same(was.get(money), now.get(money)):
                changes.append({"id": name, "old": was.get(money), "new": now.get(money)})
    diff.removed = [name for key, (name, _) in old_actions.items() if key not in new_actions]
    old_objectives = {id_key(k): v for k, v in old.get("objectives", {}).items()}
    for name, now in new.get("objectives", {}).items():
        was = old_objectives.get(id_key(name))
        if was is None:
            continue
        for key in ("target", "deadline"):
            if not _same(was.get(key), now.get(key)):
                diff.objectives.append({"id": name, "field": key, "old": was.get(key), "new": now.get(key)})
    return diff


def of_workbook(path: str | Path, today: date | None = None) -> dict:
    """The snapshot of a workbook's current contents, as a report made now would take it (with its `lang`)."""
    from .pipeline import check

    done = check(path, today=today)
    return dict(take(done.plan, done.figures, done.report.counts, done.today), lang=done.plan.lang)


def diff_files(old: str | Path, new: str | Path, today: date | None = None) -> Diff:
    """`mplan diff OLD NEW`: what changed between two versions of a plan (files as given)."""
    return compare(of_workbook(old, today), of_workbook(new, today), str(old), str(new))


# -- wording -----------------------------------------------------------------------------------------------

WORDS = {
    "title": Text("Depuis le dernier rapport ({date})", "Since the last report ({date})"),
    "first": Text(
        "Premier rapport : les changements apparaîtront au prochain.",
        "First report: changes will show from the next one.",
    ),
    "between": Text("Changements de {old} à {new}", "Changes from {old} to {new}"),
    "none": Text("Aucun changement du plan.", "No change to the plan."),
    "added": Text("Actions ajoutées", "Actions added"),
    "removed": Text("Actions retirées", "Actions removed"),
    "cancelled": Text("Actions annulées", "Actions cancelled"),
    "done": Text("Actions terminées", "Actions done"),
    "moved": Text("Actions décalées", "Actions moved"),
    "cost": Text("Coûts modifiés", "Costs changed"),
    "revenue": Text("CA attendu modifié", "Expected revenue changed"),
    "envelope": Text("Enveloppe", "Envelope"),
    "planned_spend": Text("Dépenses prévues", "Planned spend"),
    "objectives": Text("Objectifs modifiés", "Objectives changed"),
    "counts": Text("Constats", "Findings"),
    "start": Text("début", "start"),
    "deadline": Text("échéance", "deadline"),
    "target": Text("cible", "target"),
    "unset": Text("non renseigné", "not set"),
}


def _signed_days(loc: Locale, days: int) -> str:
    """+14 j / +14d: a move in calendar days, later when positive."""
    return loc.pick(f"{days:+d}\u00a0j", f"{days:+d}d")


def _money(loc: Locale, value: object) -> str:
    return loc.money(value) if isinstance(value, (int, float)) else WORDS["unset"](loc.lang)


def _counts(loc: Locale, counts: dict) -> str:
    from .findings import counts_line

    return counts_line(loc, counts)


def lines(diff: Diff, loc: Locale) -> list[tuple[str, str]]:
    """The comparison as (label, text) lines in the locale's language; empty when nothing changed."""
    out: list[tuple[str, str]] = []
    w = {k: v(loc.lang) for k, v in WORDS.items()}
    for key in ("added", "removed", "cancelled", "done"):
        ids = getattr(diff, key)
        if ids:
            out.append((w[key], ", ".join(ids)))
    if diff.moved:
        parts = []
        for move in diff.moved:
            what = []
            if move["start_days"]:
                what.append(f"{w['start']} {_signed_days(loc, move['start_days'])}")
            if move["deadline_days"]:
                what.append(f"{w['deadline']} {_signed_days(loc, move['deadline_days'])}")
            parts.append(f"{move['id']} ({', '.join(what)})")
        out.append((w["moved"], "; ".join(parts)))
    for key in ("cost", "revenue"):
        changes = getattr(diff, key)
        if changes:
            out.append(
                (w[key], "; ".join(f"{c['id']} {_money(loc, c['old'])} → {_money(loc, c['new'])}" for c in changes))
            )
    for key in ("envelope", "planned_spend"):
        pair = getattr(diff, key)
        if not _same(pair["old"], pair["new"]):
            out.append((w[key], f"{_money(loc, pair['old'])} → {_money(loc, pair['new'])}"))
    if diff.objectives:
        parts = []
        for change in diff.objectives:
            old, new = change["old"], change["new"]
            if change["field"] == "deadline":
                old, new = (loc.date(date.fromisoformat(v)) if v else w["unset"] for v in (old, new))
            else:
                old, new = (loc.number(v) if isinstance(v, (int, float)) else w["unset"] for v in (old, new))
            parts.append(f"{change['id']} {w[change['field']]} {old} → {new}")
        out.append((w["objectives"], "; ".join(parts)))
    if out or diff.counts["old"] != diff.counts["new"]:
        out.append((w["counts"], f"{_counts(loc, diff.counts['old'])} → {_counts(loc, diff.counts['new'])}"))
    return out


def as_text(diff: Diff, loc: Locale) -> str:
    """`mplan diff`'s text output."""
    head = WORDS["between"].format(loc, old=diff.old_file or "?", new=diff.new_file or "?")
    body = lines(diff, loc)
    if not diff.changed:
        body = [("", WORDS["none"](loc.lang))] + [line for line in body if line[0] == WORDS["counts"](loc.lang)]
    width = max((len(label) for label, _ in body), default=0)
    return "\n".join(
        [head, *(f"  {label.ljust(width)}  {text}".rstrip() if label else f"  {text}" for label, text in body)]
    )


__all__ = [
    "SIGNATURE",
    "Diff",
    "same_plan",
    "rebase",
    "take",
    "encode",
    "decode",
    "compare",
    "lines",
    "as_text",
    "of_workbook",
    "diff_files",
]
