"""`mplan report`: writes Summary, Alerts and Timeline back into the user's workbook, losing nothing.

The sequence (SPEC section 5): refuse a workbook open in Excel or LibreOffice; read and check the plan;
render the generated sheets into a scratch package; graft them into a copy of the user's package in a
temporary file beside it; fsync; verify that every part of the user's is byte-identical and that the
copy reads back as the original did; keep one backup; atomically replace. Any failure before the
replace leaves the original untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import MplanError, UsageError, WorkbookError
from ..figures import compute
from ..findings import Report
from ..gcpause import paused_gc
from ..reader import fingerprint, load, read_back
from ..rules import run
from ..schema import SHEET
from ..validate import plan_today
from ..ooxml.graft import INDEX_PARTS, GraftError, Package, graft, read_marker, sheet_entries
from ..ooxml.rawzip import stored_bytes
from .sheets import render

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

GENERATED = ("summary", "alerts", "timeline")


@dataclass
class ReportResult:
    path: Path
    sheets: list[str]
    report: Report
    backup: Path | None


def lock_files(path: Path) -> list[Path]:
    """Lock files Excel (~$name.xlsx) and LibreOffice (.~lock.name.xlsx#) leave beside an open workbook."""
    candidates = [path.with_name("~$" + path.name), path.with_name(".~lock." + path.name + "#")]
    if len(path.stem) > 2:  # Excel also shortens long names: ~$ + name without its first two characters
        candidates.append(path.with_name("~$" + path.name[2:]))
    return [c for c in candidates if c.exists()]


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def choose_names(workbook_xml: str, lang: str) -> list[str]:
    """The generated sheets' names: the usual ones, unless a sheet of the user's already has one."""
    previous = {n.casefold() for n in read_marker(workbook_xml)}
    taken = {e["name"].casefold() for e in sheet_entries(workbook_xml) if e["name"].casefold() not in previous}
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
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(f"{target}: the output must be an .xlsx or .xlsm workbook")
    if out and target.suffix.lower() != path.suffix.lower():
        raise UsageError(f"{target}: keep the extension of {path.name} ({path.suffix})")
    if not force:
        for candidate in {path, target}:
            locks = lock_files(candidate)
            if locks:
                raise WorkbookError(
                    f"{candidate} is open in Excel or LibreOffice ({locks[0].name} exists): close "
                    "it first, or add --force if that lock file is stale"
                )
    if target.exists() and not target.stat().st_mode & 0o222:
        raise WorkbookError(f"{target} is read-only: make it writable, or write a copy with -o")
    with exclusive(target):
        return _write_report(path, target, today=today, lang=lang, backup=backup)


@paused_gc()
def _write_report(path: Path, target: Path, *, today, lang, backup) -> ReportResult:
    plan = load(path, lang=None, keep_raw=True)
    when = plan_today(plan, today)
    lang = lang or plan.lang
    figures = compute(plan, when)
    findings = Report(str(path), when, run(plan, when, lang, figures), lang, plan.sheet_names)
    with zipfile.ZipFile(path) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
    names = choose_names(workbook_xml, lang)
    try:
        with tempfile.TemporaryDirectory(prefix="mplan-") as scratch_dir:
            scratch = render(Path(scratch_dir) / "generated.xlsx", plan, figures, findings, names, lang)
            saved = _replace_safely(path, target, scratch, names, plan, backup)
    except OSError as exc:  # disk full, permissions, …: the original is untouched
        raise WorkbookError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from exc
    return ReportResult(target, names, findings, saved)


def _replace_safely(path: Path, target: Path, scratch, names: list[str], plan, backup: bool) -> Path | None:
    """Graft into a temporary file beside target, verify, back up, then replace target in one step."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".mplan-tmp" + target.suffix, dir=target.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        try:
            graft(path, scratch, temp)
        except (GraftError, KeyError, ValueError, IndexError, AttributeError, zipfile.BadZipFile) as exc:
            raise WorkbookError(f"{path}: cannot add the report sheets safely ({exc}); nothing was changed") from exc
        if target.exists():
            shutil.copymode(target, temp)  # keep the workbook's permissions
        _fsync(temp)
        verify(path, temp, names, plan)
        saved = None
        if backup and target.exists():
            saved = backup_path(target)
            shutil.copy2(target, saved)
        os.replace(temp, target)
        _fsync_dir(target.parent)
        return saved
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def exclusive(target: Path, wait: float = 30.0):
    """Only one mplan report writes a workbook at a time: a second one waits, then refuses.

    The lock is an OS lock on a small file beside the workbook: it is released when the process ends,
    even killed, so a crash never leaves the workbook locked.
    """
    if not target.parent.is_dir():
        raise UsageError(f"folder {target.parent} does not exist")
    lock_path = target.with_name(f".{target.name}.mplan-lock")
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = open(lock_path, "a+b")
        except OSError as exc:
            raise WorkbookError(f"cannot write beside {target}: {exc.strerror or exc}; nothing was changed") from exc
        if _try_lock(handle) and _same_file(handle, lock_path):
            break  # locked, and the lock file was not removed meanwhile by the previous holder
        handle.close()
        if time.monotonic() > deadline:
            raise WorkbookError(f"{target} is being written by another mplan report; try again when it ends")
        time.sleep(0.1)
    try:
        yield
    finally:
        try:
            lock_path.unlink()  # before releasing: a waiter then sees a new file and locks that one
        except OSError:
            pass
        handle.close()


def _same_file(handle, path: Path) -> bool:
    try:
        return os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _try_lock(handle) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # Windows
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return True
    except OSError:
        return False


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def verify(original: Path, written: Path, names: list[str], plan) -> None:
    """Abort unless every part of the user's is byte-identical and the plan reads back the same.

    The user's parts are compared as stored (compressed bytes, CRC and size: they were copied, not
    re-encoded). Reading back compares, sheet by sheet, the raw values (and their types) the reader sees
    in the written file with those it saw when the plan was read, and the Excel tables' places: the same
    values in the same places make the same plan, without typing every cell again.
    """
    _, generated_parts = Package(original).generated()
    with open(original, "rb") as before_file, open(written, "rb") as after_file:
        with zipfile.ZipFile(before_file) as before, zipfile.ZipFile(after_file) as after:
            user_parts = {info.filename for info in before.infolist()} - set(INDEX_PARTS) - generated_parts
            copies: dict[str, list[zipfile.ZipInfo]] = {}
            for info in after.infolist():  # a list per name: a damaged package may repeat one
                copies.setdefault(info.filename, []).append(info)
                if info.filename not in user_parts:
                    after.read(info)  # inflates and checks the CRC of each part mplan wrote
            for info in before.infolist():
                if info.filename not in user_parts:
                    continue
                copy = copies[info.filename].pop(0) if copies.get(info.filename) else None
                if (
                    copy is None
                    or (copy.CRC, copy.file_size, copy.compress_type) != (info.CRC, info.file_size, info.compress_type)
                    or stored_bytes(after_file, copy) != stored_bytes(before_file, info)
                ):
                    raise MplanError(
                        f"{original}: verification failed, part {info.filename} would change; nothing was changed"
                    )
    sheet_names, places, values = read_back(written, list(plan.raw))
    if not set(names) <= set(sheet_names):
        raise MplanError(f"{original}: verification failed, the report sheets are missing; nothing was changed")
    seen = set()
    for sheet, again in values:
        seen.add(sheet)
        grid = plan.raw[sheet]
        if again != grid and fingerprint(again) != fingerprint(grid):  # NaN != NaN: then digests decide
            raise MplanError(
                f"{original}: verification failed, sheet '{sheet}' reads back differently; nothing was changed"
            )
    missing = set(plan.raw) - seen
    if missing:
        raise MplanError(
            f"{original}: verification failed, sheet '{sorted(missing)[0]}' is missing; nothing was changed"
        )
    if places != plan.table_places:
        raise MplanError(f"{original}: verification failed, the Excel tables moved; nothing was changed")
