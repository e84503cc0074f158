"""Writing a workbook safely: never half-written, never two writers at once, never over an open file.

The new file is written to a temporary file beside the target (`staged`), flushed to disk (`seal`),
checked by the caller, then put in place in one atomic step after keeping one backup (`commit`). Any
failure before the replace leaves the target untouched, and the temporary file is removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO, Any

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
                    "it first, or add --force if that lock file is stale",
                    fr=f"{candidate} est ouvert dans Excel ou LibreOffice ({locks[0].name} existe) : fermez-le "
                    "d'abord, ou ajoutez --force si ce fichier de verrou est périmé",
                )
    if target.exists() and not target.stat().st_mode & 0o222:
        raise WorkbookError(
            f"{target} is read-only: make it writable, or write a copy with -o",
            fr=f"{target} est en lecture seule : rendez-le modifiable, ou écrivez une copie avec -o",
        )


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary file beside target (same folder: the replace is atomic), removed unless committed.

    A symlinked target is written through: the temporary file goes beside the file the link points to.
    SIGTERM and SIGHUP remove it too (Ctrl-C does through the finally clause).
    """
    real = write_path(target)
    with _cleanup_on_signals():
        with _signals_blocked():  # a TERM between creating the file and recording it would leave it
            handle, temp_name = tempfile.mkstemp(
                prefix=f".{real.stem}.", suffix=".mplan-tmp" + real.suffix, dir=real.parent
            )
            temp = Path(temp_name)
            _LIVE_TEMPS.add(temp)
        os.close(handle)
        try:
            yield temp
        finally:
            temp.unlink(missing_ok=True)
            _LIVE_TEMPS.discard(temp)


def write_path(target: Path) -> Path:
    """The file a write to target changes: target itself, or the file a symlink points to."""
    return Path(os.path.realpath(target)) if os.path.islink(target) else target


def new_file_mode() -> int:
    """The mode a new file gets from open(): 0666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def seal(temp: Path, target: Path) -> None:
    """Give the written temporary file target's permissions (a new file's if none) and flush it to disk."""
    real = write_path(target)
    if real.exists():
        shutil.copymode(real, temp)  # keep the workbook's permissions
    else:
        os.chmod(temp, new_file_mode())  # mkstemp made it 0600
    _fsync(temp)


@dataclass(frozen=True)
class Fingerprint:
    """What identifies the version of a file that was read: size, modification time, inode, content hash."""

    size: int
    mtime_ns: int
    inode: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        try:
            info = os.stat(path)
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            return None
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, digest.hexdigest())


class ConflictError(WorkbookError):
    """The workbook was saved by another program while mplan was writing its new version."""


def conflict_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.mplan-conflict{path.suffix}")


def commit(temp: Path, target: Path, backup: bool, expect: Fingerprint | None = None) -> Path | None:
    """Keep one backup of target, then replace it by temp in one step. Returns the backup's path.

    With expect (the fingerprint of target when it was read), a target changed meanwhile by another
    program is left as it is, backup included: the new version is kept beside it as
    NAME.mplan-conflict.xlsx and ConflictError is raised.
    """
    real = write_path(target)
    _check_unchanged(temp, real, expect)
    saved = None
    if backup and real.exists():
        saved = backup_path(real)
        copy_atomic(real, saved)  # never truncates the previous backup: written beside it, then renamed
        _check_unchanged(temp, real, expect)
    os.replace(temp, real)
    _fsync_dir(real.parent)
    return saved


def _check_unchanged(temp: Path, real: Path, expect: Fingerprint | None) -> None:
    if expect is None or Fingerprint.of(real) == expect:
        return
    kept = conflict_path(real)
    os.replace(temp, kept)
    _fsync_dir(real.parent)
    raise ConflictError(
        f"{real} was saved by another program while the report was being written: it is left as that "
        f"program saved it; the report is in {kept} (run mplan report again to report on the new version)",
        fr=f"{real} a été enregistré par un autre programme pendant l'écriture du rapport : il reste tel que ce "
        f"programme l'a enregistré ; le rapport est dans {kept} (relancez mplan report sur la nouvelle version)",
    )


def copy_atomic(source: Path, target: Path) -> None:
    """Copy source to target (contents, mode, times) through a temporary file: target is never half-written."""
    with staged(target) as temp:
        shutil.copyfile(source, temp)
        shutil.copystat(source, temp)
        _fsync(temp)
        os.replace(temp, write_path(target))
    _fsync_dir(write_path(target).parent)


def refuse_output(target: Path, inputs: Iterable[Path] = (), *, force: bool = False, looks_like=None) -> None:
    """Refuse an output that is a folder, one of the inputs (also through a link), or an existing file of
    another kind (looks_like(first bytes) is false: a workbook given as the .ics to write) unless force."""
    if target.is_dir():
        raise UsageError(
            f"{target} is a folder: give a file name", fr=f"{target} est un dossier : donnez un nom de fichier"
        )
    folder = write_path(target).parent
    if not folder.is_dir():
        raise UsageError(
            f"folder {folder} does not exist; nothing was written",
            fr=f"le dossier {folder} n'existe pas ; rien n'a été écrit",
        )
    if not target.exists():
        return
    for source in inputs:
        try:
            same = os.path.samefile(target, source)
        except OSError:
            continue
        if same:
            raise UsageError(
                f"{target} is {source} (or a link to it): choose another output name",
                fr=f"{target} est {source} (ou un lien vers lui) : choisissez un autre nom de sortie",
            )
    if force or looks_like is None:
        return
    try:
        with open(target, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return  # the write reports it
    if head and not looks_like(head):
        raise UsageError(
            f"{target} exists and is not a file mplan wrote (a workbook?): choose another name or add --force",
            fr=f"{target} existe et n'a pas été écrit par mplan (un classeur ?) : "
            "choisissez un autre nom ou ajoutez --force",
        )


@contextmanager
def output(target: Path, inputs: Iterable[Path] = (), *, force: bool = False, looks_like=None) -> Iterator[Path]:
    """A temporary file to write target's new content into; put in place atomically if the block succeeds.

    Refuses what refuse_output refuses. Any failure (disk full, …) leaves target as it was.
    """
    refuse_output(target, inputs, force=force, looks_like=looks_like)
    with staged(target) as temp:
        yield temp
        seal(temp, target)
        os.replace(temp, write_path(target))
        _fsync_dir(write_path(target).parent)


def write_files(
    contents: list[tuple[Path, bytes]], inputs: Iterable[Path] = (), *, force: bool = False, looks_like=None
) -> None:
    """Write several files all or nothing: every one to its temporary file first, then each renamed."""
    inputs = list(inputs)
    for target, _ in contents:
        refuse_output(target, inputs, force=force, looks_like=looks_like)
    with ExitStack() as stack:
        ready = []
        for target, data in contents:
            temp = stack.enter_context(staged(target))
            temp.write_bytes(data)
            seal(temp, target)
            ready.append((temp, write_path(target)))
        for temp, real in ready:
            os.replace(temp, real)
        for folder in {real.parent for _, real in ready}:
            _fsync_dir(folder)


def looks_like_text(head: bytes) -> bool:
    """Not a zip (xlsx, docx, ods), not an OLE file (xls, doc), no NUL byte: a text file."""
    return not head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) and b"\x00" not in head


_LIVE_TEMPS: set[Path] = set()
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_installed: dict[int, Callable[[int, FrameType | None], Any] | int] = {}  # signal -> the handler replaced
_depth = 0


def _on_signal(signum, frame):
    for temp in list(_LIVE_TEMPS):
        try:
            temp.unlink()
        except OSError:
            pass
    _LIVE_TEMPS.clear()
    previous = _installed.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)
        return
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # die of the signal, as without the handler


@contextmanager
def _signals_blocked():
    if not _SIGNALS or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def _cleanup_on_signals():
    """While temporary files exist, TERM and HUP remove them before the process ends as it would have.

    A signal ignored (nohup) stays ignored; the previous handlers are restored on the way out.
    """
    global _depth
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _depth == 0:
        for signum in _SIGNALS:
            previous = signal.getsignal(signum)
            if previous is signal.SIG_IGN or previous is None:
                continue
            _installed[signum] = previous
            signal.signal(signum, _on_signal)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for signum, previous in _installed.items():
                signal.signal(signum, previous)
            _installed.clear()


@contextmanager
def exclusive(target: Path, wait: float = 30.0) -> Iterator[None]:
    """Only one mplan report writes a workbook at a time: a second one waits, then refuses.

    The lock is an OS lock on a small file beside the workbook: it is released when the process ends,
    even killed, so a crash never leaves the workbook locked.
    """
    if not target.parent.is_dir():
        raise UsageError(f"folder {target.parent} does not exist", fr=f"le dossier {target.parent} n'existe pas")
    lock_path = target.with_name(f".{target.name}.mplan-lock")
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = open(lock_path, "a+b")
        except OSError as exc:
            raise WorkbookError(
                f"cannot write beside {target}: {exc.strerror or exc}; nothing was changed",
                fr=f"impossible d'écrire à côté de {target} : {exc.strerror or exc} ; rien n'a été modifié",
            ) from exc
        if _try_lock(handle) and _same_file(handle, lock_path):
            break  # locked, and the lock file was not removed meanwhile by the previous holder
        handle.close()
        if time.monotonic() > deadline:
            raise WorkbookError(
                f"{target} is being written by another mplan report; try again when it ends",
                fr=f"{target} est en cours d'écriture par un autre mplan report ; réessayez quand il aura fini",
            )
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
