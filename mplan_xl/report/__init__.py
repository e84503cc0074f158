"""`mplan report`: writes Summary, Alerts and Timeline back into the user's workbook, losing nothing.

The sequence (SPEC section 5): refuse a workbook open in Excel or LibreOffice; read and check the plan;
render the generated sheets into a scratch package; graft them into a copy of the user's package in a
temporary file beside it; fsync; verify that every part of the user's is byte-identical and that the
copy reads back as the original did; keep one backup; atomically replace. Any failure before the
replace leaves the original untouched. The user's package is opened once, after the plan is read: the
graft and the verification work on that one opening.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import snapshot
from ..errors import MplanError, UsageError, WorkbookError
from ..findings import Report
from ..gcpause import paused_gc
from ..ooxml import workbook
from ..ooxml.check import check_file
from ..ooxml.graft import GraftError, Scratch, graft
from ..ooxml.graft import generated as generated_sheets
from ..ooxml.package import Package
from ..ooxml.safewrite import Fingerprint, commit, exclusive, refuse_busy, seal, staged, write_path
from ..ooxml.verify import verify
from ..pipeline import Checked, check
from ..schema import SHEET
from .previous import previous_snapshot
from .sheets import render

GENERATED = ("summary", "alerts", "timeline")


@dataclass
class ReportResult:
    path: Path
    sheets: list[str]
    report: Report
    backup: Path | None


def choose_names(workbook_xml: str, lang: str, generated_names: set[str] | None = None) -> list[str]:
    """The generated sheets' names: the usual ones, unless a sheet of the user's already has one.

    `generated_names`: the sheets proven to be a previous report's (graft.generated); by default those the
    marker lists."""
    marked = generated_names if generated_names is not None else set(workbook.read_marker(workbook_xml))
    previous = {n.casefold() for n in marked}
    taken = {e["name"].casefold() for e in workbook.sheet_entries(workbook_xml) if e["name"].casefold() not in previous}
    names = []
    for key in GENERATED:
        base = SHEET[key].name(lang)
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base} ({n})", n + 1
        taken.add(name.casefold())
        names.append(name)
    return names


def write_report(
    path: str | Path,
    out: str | Path | None = None,
    *,
    today: date | None = None,
    lang: str | None = None,
    backup: bool = True,
    force: bool = False,
) -> ReportResult:
    """Write the generated sheets into path (or into a copy at out). Returns what was written."""
    path = Path(path)
    target = Path(out) if out else path
    if path.suffix.lower() == ".ods":
        check_file(path)  # the same one line as validate's: save the plan as .xlsx
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(
            f"{target}: the output must be an .xlsx or .xlsm workbook",
            fr=f"{target} : la sortie doit être un classeur .xlsx ou .xlsm",
        )
    if out and target.suffix.lower() != path.suffix.lower():
        raise UsageError(
            f"{target}: keep the extension of {path.name} ({path.suffix})",
            fr=f"{target} : gardez l'extension de {path.name} ({path.suffix})",
        )
    in_place = target.exists() and path.exists() and target.samefile(path)
    if in_place and os.path.realpath(target) != os.path.realpath(path):  # a hard link of the input
        raise UsageError(
            f"{target} is {path} (or a link to it): omit -o to write the report into it",
            fr=f"{target} est {path} (ou un lien vers lui) : omettez -o pour y écrire le rapport",
        )
    refuse_busy({path, target}, target, force=force)
    with exclusive(write_path(target)):
        try:
            return _write_report(path, target, today=today, lang=lang, backup=backup, in_place=in_place)
        except MplanError:
            raise
        except Exception as exc:  # never a traceback: one line, exit 2, the original untouched
            reason = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise WorkbookError(
                f"{path}: cannot add the report sheets safely ({reason}); nothing was changed",
                fr=f"{path} : impossible d'ajouter sans risque les feuilles du rapport (détail technique : {reason}) ; "
                "rien n'a été modifié",
            ) from exc


@paused_gc()
def _write_report(path: Path, target: Path, *, today, lang, backup, in_place=True) -> ReportResult:
    read = Fingerprint.of(path) if in_place else None  # the version read: checked again before the replace
    checked = check(path, today=today, lang=lang, keep_raw=True)
    generated = date.today()  # the day the report is made; `today` is the day the plan is judged at
    current = dict(
        snapshot.take(checked.plan, checked.figures, checked.report.counts, checked.today, generated),
        lang=checked.lang,
    )
    with Package(path) as package:
        if workbook.is_strict(package.read(workbook.PART)):
            raise WorkbookError(
                f"{path}: saved as Strict Open XML: save it as 'Excel Workbook (.xlsx)' and run again",
                fr=f"{path} : enregistré en Strict Open XML : enregistrez-le en « Classeur Excel (.xlsx) » et relancez",
                lang=checked.lang,
            )
        proven = {entry["name"] for entry in generated_sheets(package)[0]}
        proofs = workbook.read_proofs(package.read(workbook.PART))
        token = next((proofs[name] for name in proven if proofs.get(name)), None)
        names = choose_names(package.text(workbook.PART), checked.lang, proven)
        # before the generated sheets are replaced; an unchanged plan keeps the previous comparison
        previous, current = snapshot.rebase(current, previous_snapshot(package))
        try:
            with tempfile.TemporaryDirectory(prefix="mplan-") as scratch_dir:
                scratch = render(
                    Path(scratch_dir) / "generated.xlsx",
                    checked.plan,
                    checked.figures,
                    checked.report,
                    names,
                    checked.lang,
                    generated=generated,
                    current=current,
                    previous=previous,
                    date_1904=workbook.uses_1904(package.read(workbook.PART)),
                    token=token,
                )
                saved = _replace(package, target, scratch, names, checked, backup, read)
        except OSError as exc:  # disk full, permissions, …: the original is untouched
            raise WorkbookError(
                f"cannot write {target}: {exc.strerror or exc}; nothing was changed",
                fr=f"impossible d'écrire {target} : {exc.strerror or exc} ; rien n'a été modifié",
                lang=checked.lang,
            ) from exc
    return ReportResult(target, names, checked.report, saved)


def _replace(package: Package, target: Path, scratch: Scratch, names: list[str], checked: Checked, backup: bool, read):
    """Graft into a temporary file beside target, verify, back up, then replace target in one step."""
    with staged(target) as temp:
        try:
            graft(package, scratch, temp)
        except (GraftError, KeyError, ValueError, IndexError, AttributeError, zipfile.BadZipFile, SyntaxError) as exc:
            reason_fr = exc.fr if isinstance(exc, GraftError) else f"détail technique : {exc}"
            raise WorkbookError(
                f"{package.path}: cannot add the report sheets safely ({exc}); nothing was changed",
                fr=f"{package.path} : impossible d'ajouter sans risque les feuilles du rapport ({reason_fr}) ; "
                "rien n'a été modifié",
                lang=checked.lang,
            ) from exc
        seal(temp, target)
        verify(package, temp, names, checked.plan)
        package.close()  # before the replace: a file still open cannot be replaced on Windows
        return commit(temp, target, backup, read)
