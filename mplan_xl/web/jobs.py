"""The plan work of the web app, done in warm worker processes with a time and a memory limit.

A request's upload is saved in its private folder; the server then hands a job (a function below and
the paths in that folder) to the pool. A worker that runs past `job_seconds` is killed and replaced;
one that needs more than `job_memory` fails its job with MemoryError. Either way the request gets a
clear 4xx answer and the other workers go on serving. Jobs return plain data (never an exception
object, whose French wording would not survive pickling): `("ok", value)` or `("refused", fr, en)`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import resource
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import MplanError
from ..i18n import Number, Text
from .refusal import Refusal

# What a worker imports once, at start, so that no request pays for it.
PRELOAD = ("mplan_xl.pipeline", "mplan_xl.report", "mplan_xl.export", "mplan_xl.snapshot", "mplan_xl.web.views")
TASKS_PER_WORKER = 500  # a worker is replaced after this many jobs: whatever a job leaked goes with it


TOO_LONG = Text(
    "ce fichier a demandé trop de temps de calcul ({seconds} s) : il a été abandonné ; "
    "vérifiez qu'il s'agit bien d'un plan mplan, ou allégez-le",
    "this file took too long to process ({seconds} s) and was given up; "
    "check that it is an mplan plan, or make it lighter",
)
TOO_BIG = Text(
    "ce fichier a demandé trop de mémoire : il a été abandonné ; vérifiez qu'il s'agit bien d'un plan mplan",
    "this file needed too much memory and was given up; check that it is an mplan plan",
)
CRASHED = Text(
    "le traitement de ce fichier s'est arrêté de façon inattendue ; rien n'a été conservé",
    "processing this file stopped unexpectedly; nothing was kept",
)
BUSY = Text("le serveur s'arrête : réessayez dans un instant", "the server is stopping: try again in a moment")


# -- in the worker ------------------------------------------------------------------------------------------


def _start_worker(memory: int) -> None:
    """Each worker: a cap on its address space, the modules imported before the first job."""
    import importlib

    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    for name in PRELOAD:
        importlib.import_module(name)


def _call(function: Callable, args: tuple, names: dict[str, str]) -> tuple:
    """Run a job; an MplanError becomes its two wordings, with the folder's paths shown as the user's names."""
    try:
        return ("ok", function(*args))
    except MplanError as exc:
        fr, en = exc.text.fr, exc.text.en
        for path, name in names.items():
            fr, en = fr.replace(path, name), en.replace(path, name)
        return ("refused", fr, en)
    except MemoryError:
        return ("memory",)


def _checked(path: str, today: date | None, lang: str | None, name: str):
    from ..pipeline import check

    checked = check(path, today=today)
    checked.path = name  # findings and JSON name the user's file, never the server's folder
    if lang:
        checked.lang = lang
    return checked


def validate_job(path: str, today: date | None, lang: str | None, name: str) -> dict:
    """Exactly `mplan validate --format json`'s data."""
    return _checked(path, today, lang, name).report.to_dict()


def result_job(path: str, today: date | None, lang: str, name: str) -> dict:
    """The result page's data (views.result)."""
    from .views import result

    checked = _checked(path, today, None, name)
    checked.lang = lang  # the findings in the page's language
    return result(checked, lang)


def report_job(path: str, out: str, today: date | None, lang: str | None) -> dict:
    """The workbook with its report written back: the same package surgery and checks as `mplan report`."""
    from ..ooxml.check import check_file
    from ..report import write_report

    source = Path(path)
    if source.suffix.lower() not in (".xlsx", ".xlsm"):  # a name without .xlsx: the content decides
        check_file(source)  # an .xls, .ods, text…: the same one line as validate's
        source = source.rename(source.with_suffix(".xlsx"))
    written = write_report(source, out, today=today, lang=lang, backup=False)
    return {"counts": written.report.counts, "sheets": list(written.sheets)}


def export_job(path: str, fmt: str, out: str, today: date | None, lang: str | None, options: dict) -> dict:
    """ICS into out, CSV files into the folder out, or JSON into out (`mplan export`)."""
    from .. import hygiene
    from ..export import plan_document, write_csv, write_ics
    from ..pipeline import check

    checked = check(path, today=today, lang=lang)
    target = Path(out)
    if fmt == "ics":
        count = write_ics(checked, target, **options)
        return {"events": count}
    if fmt == "csv":
        written = write_csv(checked, target, sep=options.get("sep", ";"))
        return {"files": [p.name for p in written]}
    target.write_text(hygiene.json_text(plan_document(checked)) + "\n", encoding="utf-8")
    return {}


def template_job(out: str, lang: str, start: date | None, months: int, example: bool, currency: str) -> str:
    from ..template import create_plan

    return str(create_plan(out, lang=lang, start=start, months=months, example=example, currency=currency))


def diff_job(old: str, new: str, today: date | None, lang: str | None, names: tuple[str, str]) -> dict:
    """`mplan diff`'s data, and its lines worded in lang (the newer plan's language by default)."""
    from ..i18n import Locale
    from ..snapshot import diff_files, lines

    result = diff_files(old, new, today)
    result.old_file, result.new_file = names
    loc = Locale(lang or result.lang)
    return {"data": result.to_dict(), "lines": lines(result, loc), "changed": result.changed, "lang": loc.lang}


# -- in the server ------------------------------------------------------------------------------------------


@dataclass
class Pool:
    """Warm worker processes (pebble's ProcessPool: a job past its timeout has its worker killed and replaced)."""

    workers: int
    seconds: float
    memory: int

    def __post_init__(self):
        self._pool: Any = None

    def start(self) -> None:
        import pebble

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["mplan_xl.web.jobs", *PRELOAD])
        self._pool = pebble.ProcessPool(
            max_workers=self.workers,
            max_tasks=TASKS_PER_WORKER,
            initializer=_start_worker,
            initargs=(self.memory,),
            context=context,
        )

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None

    async def run(self, function: Callable, *args: Any, names: dict[str, str] | None = None) -> Any:
        """function(*args) in a worker; Refusal for a file that fails, too long or too big."""
        import pebble

        if self._pool is None:
            raise Refusal(503, BUSY)
        future = self._pool.schedule(_call, args=(function, args, names or {}), timeout=self.seconds)
        try:
            outcome = await asyncio.wrap_future(future)
        except asyncio.CancelledError:  # the client went away: stop the work (pebble kills a running job)
            future.cancel()
            raise
        except concurrent.futures.TimeoutError:
            seconds = Number(self.seconds)
            raise Refusal(
                422, Text(TOO_LONG.format("fr", seconds=seconds), TOO_LONG.format("en", seconds=seconds))
            ) from None
        except pebble.ProcessExpired:  # killed: by the memory cap (or the kernel) most of the time
            raise Refusal(422, TOO_BIG) from None
        except MemoryError:
            raise Refusal(422, TOO_BIG) from None
        except (RuntimeError, concurrent.futures.CancelledError):  # the pool is stopping
            raise Refusal(503, BUSY) from None
        if outcome[0] == "ok":
            return outcome[1]
        if outcome[0] == "memory":
            raise Refusal(422, TOO_BIG)
        raise Refusal(422, Text(outcome[1], outcome[2]))
