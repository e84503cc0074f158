"""Writing a workbook safely: never half-written, never two writers at once, never over an open file.

The new file is written to a temporary file beside the target (`staged`), flushed to disk (`seal`),
checked by the caller, then put in place in one atomic step after keeping one backup (`commit`). Any
failure before the replace leaves the target untouched, and the temporary file is removed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import UsageError, WorkbookError

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


def lock_files(path: Path) -> list[Path]:
    """Lock files Excel (~$name.xlsx) and LibreOffice (.~lock.name.xlsx#) leave beside an open workbook."""
    candidates = [path.with_name("~$" + path.name), path.with_name(".~lock." + path.name + "#")]
    if len(path.stem) > 2:  # Excel also shortens long names: ~$ + name without its first two characters
        candidates.append(path.with_name("~$" + path.name[2:]))
    return [c for c in candidates if c.exists()]


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def refuse_busy(paths: Iterable[Path], target: Path, *, force: bool = False) -> None:
    """Refuse a workbook open in Excel or LibreOffice (unless force), and a read-only target."""
    if not force:
        for candidate in paths:
            locks = lock_files(candidate)
            if locks:
                raise WorkbookError(
                    f"{candidate} is open in Excel or LibreOffice ({locks[0].name} exists): close "
                    "it first, or add --force if that lock file is stale"
                )
    if target.exists() and not target.stat().st_mode & 0o222:
        raise WorkbookError(f"{target} is read-only: make it writable, or write a copy with -o")


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary file beside target (same folder: the replace is atomic), removed unless committed."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".mplan-tmp" + target.suffix, dir=target.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def seal(temp: Path, target: Path) -> None:
    """Give the written temporary file target's permissions and flush it to disk."""
    if target.exists():
        shutil.copymode(target, temp)  # keep the workbook's permissions
    _fsync(temp)


def commit(temp: Path, target: Path, backup: bool) -> Path | None:
    """Keep one backup of target, then replace it by temp in one step. Returns the backup's path."""
    saved = None
    if backup and target.exists():
        saved = backup_path(target)
        shutil.copy2(target, saved)
    os.replace(temp, target)
    _fsync_dir(target.parent)
    return saved


@contextmanager
def exclusive(target: Path, wait: float = 30.0) -> Iterator[None]:
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


def _same_file(handle: IO[bytes], path: Path) -> bool:
    try:
        return os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _try_lock(handle: IO[bytes]) -> bool:
    try:
        if sys.platform == "win32":
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
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
