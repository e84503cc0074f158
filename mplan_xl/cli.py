"""The `mplan` command line: parses options, calls the library, turns MplanError into one line + exit 2."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date, datetime
from functools import wraps
from pathlib import Path

import click

from . import hygiene
from .errors import MplanError, UsageError, WorkbookError
from .i18n import Locale, Text, choose_lang, norm_lang

DEFAULT_PORT = 8765  # mplan serve's


def _one_line_errors(func):
    """An MplanError becomes one line on stderr and its exit code, in the user's language: --lang, else
    the workbook's (carried by the error, else read from the command's workbook), else the system's."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except MplanError as exc:
            lang = _error_lang(exc, kwargs)
            try:
                click.echo(f"mplan: {hygiene.terminal(exc.message(lang))}", err=True)
            except OSError:
                pass
            sys.exit(exc.exit_code)

    return wrapper


def _error_lang(exc: MplanError, options: dict) -> str:
    explicit = norm_lang(options.get("lang"))
    if explicit:
        return explicit
    if exc.lang:
        return choose_lang(exc.lang)
    for key in ("path", "new"):  # the workbook the command works on, if it can be read
        if options.get(key) is not None:
            return choose_lang(_workbook_lang(Path(options[key])))
    return choose_lang()


def _workbook_lang(path: Path) -> str | None:
    """The language of the workbook at path (its Settings, else its sheet names); None when unreadable."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # missing, a folder, a pipe: nothing to read (a pipe would block)
        from .reader import load

        return load(path).lang
    except Exception:
        return None


def _message_lang(lang: str | None) -> str:
    """The language of a command's own lines when no workbook was read: --lang, else the system's."""
    return choose_lang(lang)


def _emit(text: str) -> None:
    """Print a command's result on stdout; a full disk or closed pipe there is one line and exit 2."""
    try:
        click.echo(text)
        sys.stdout.flush()
    except OSError as exc:
        _drop_stdout()
        raise UsageError(
            f"cannot write to standard output: {exc.strerror or exc}",
            fr=f"impossible d'écrire sur la sortie standard : {exc.strerror or exc}",
        ) from exc


def _say(text: str, err: bool = False) -> None:
    """Print a progress line; if stdout cannot take it, the work done stands: go on without it."""
    try:
        click.echo(hygiene.terminal(text), err=err)
        (sys.stderr if err else sys.stdout).flush()
    except OSError:
        if not err:
            _drop_stdout()


def _drop_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit does not fail again with a traceback."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def _readable(path: Path) -> Path:
    """Refuse a pipe or a device given as a workbook (it would be called damaged): one line, exit 2."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return path  # missing: the reader says so
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise WorkbookError(
            f"{path}: not a regular file (a pipe or a device?); save the workbook to a file first",
            fr=f"{path} : ce n'est pas un fichier ordinaire (un tube ou un périphérique ?) ; "
            "enregistrez d'abord le classeur dans un fichier",
        )
    return path


def _dumps(data) -> str:
    """JSON that is JSON: infinities and NaN, which a workbook can produce, written as null."""
    return hygiene.json_text(data)


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)  # Excel's dates, with a year of margin


def _parse_cli_date(value: str, option: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y"):
        try:
            day = datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
        if not FIRST_DAY <= day <= LAST_DAY:
            raise UsageError(
                f"{option} '{value}' is out of range: give a date between 1900 and 9998",
                fr=f"{option} '{value}' est hors limites : donnez une date entre 1900 et 9998",
            )
        return day
    raise UsageError(
        f"{option} '{value}' is not a date: write it as 2027-01-01 or 01/01/2027",
        fr=f"{option} '{value}' n'est pas une date : écrivez-la 2027-01-01 ou 01/01/2027",
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mplan-xl", prog_name="mplan")
def cli():
    """mplan: your marketing action plan, kept in Excel.

    Create a workbook with `mplan init`, fill it in Excel or LibreOffice, then check it and write the
    summary back into it.
    """


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", help="Language of the workbook (and of the messages): fr or en.  [default: fr]")
@click.option("--start", "start", metavar="DATE", help="First day of the plan (default: 1 January next year).")
@click.option("--months", default=12, show_default=True, type=int, help="Length of the plan period in months.")
@click.option("--currency", default="EUR", show_default=True, help="ISO 4217 code of the plan's currency.")
@click.option("--example", is_flag=True, help="Fill the workbook with a complete fictional plan.")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@_one_line_errors
def init(path, lang, start, months, currency, example, force):
    """Create a plan workbook from the template.

    \b
    Examples:
      mplan init plan.xlsx
      mplan init plan.xlsx --lang en --start 2027-04-01 --months 12
      mplan init exemple.xlsx --example
    """
    from .template import create_plan

    if lang is not None and lang not in ("fr", "en"):
        raise UsageError(
            f"--lang '{lang}' is not supported: use fr or en",
            fr=f"--lang '{lang}' : utilisez fr ou en",
            lang=choose_lang(),
        )
    says = _message_lang(lang)  # the workbook is French unless --lang en; the messages follow the user
    lang = lang or "fr"
    try:
        start_date = _parse_cli_date(start, "--start") if start else None
        currency = currency.strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise UsageError(
                f"--currency '{currency}' is not an ISO 4217 code such as EUR or USD",
                fr=f"--currency '{currency}' n'est pas un code ISO 4217 comme EUR ou USD",
            )
        written = create_plan(
            path, lang=lang, start=start_date, months=months, example=example, currency=currency, force=force
        )
    except MplanError as exc:  # in the user's language, not in that of a workbook already at path
        exc.lang = says
        raise
    kind = WORDS["example"] if example else WORDS["template"]
    click.echo(WORDS["wrote_plan"].format(says, path=written, kind=kind, lang=lang))
    click.echo(WORDS["next"].format(says, path=written))


def _today(value: str | None) -> date | None:
    return _parse_cli_date(value, "--today") if value else None


SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
WORDS = {
    "no_problem": Text("Aucun problème trouvé.", "No problem found."),
    "wrote_report": Text("Écrit {sheets} dans {path} ({counts}).", "Wrote {sheets} into {path} ({counts})."),
    "backup": Text("Sauvegarde : {path}", "Backup: {path}"),
    "wrote_plan": Text("Écrit {path} ({kind}, {lang}).", "Wrote {path} ({kind}, {lang})."),
    "example": Text("plan d'exemple", "example plan"),
    "template": Text("modèle", "template"),
    "next": Text(
        "Ensuite : remplissez-le dans Excel ou LibreOffice, puis lancez : mplan validate {path}",
        "Next: fill it in Excel or LibreOffice, then run: mplan validate {path}",
    ),
    "wrote": Text("Écrit {path}", "Wrote {path}"),
    "wrote_csv": Text("Écrit {count} dans {path}", "Wrote {count} into {path}"),
    "csv_files": Text("fichier CSV", "CSV file"),
    "csv_files_many": Text("fichiers CSV", "CSV files"),
    "wrote_ics": Text("Écrit {count} dans {path}", "Wrote {count} into {path}"),
    "event": Text("événement", "event"),
    "events": Text("événements", "events"),
    "reading_plans": Text("Lecture des plans", "Reading plans"),
    "skipped": Text("mplan: ignoré {reason}", "mplan: skipped {reason}"),
    "wrote_portfolio": Text("Écrit {path} : {plans}{skipped}.", "Wrote {path}: {plans}{skipped}."),
    "n_skipped": Text(", {n}", ", {n}"),
    "serving": Text("mplan est servi sur {url} (Ctrl+C pour arrêter)", "mplan is served at {url} (Ctrl+C to stop)"),
}


def _counts_line(counts: dict[str, int], lang: str) -> str:
    """'0 erreur, 12 avertissements, 4 informations' / '0 errors, 12 warnings, 4 infos'."""
    from .findings import counts_line

    return counts_line(Locale(lang), counts)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option(
    "--today", metavar="DATE", help="Date to check deadlines against (default: Settings reference date, else today)."
)
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of the messages (default: the workbook's).")
@_one_line_errors
def validate(path, fmt, strict, today, lang):
    """Check a plan cell by cell and list what is wrong.

    Exit code 0: no error (warnings allowed unless --strict); 1: errors found; 2: the file could not be
    read.

    \b
    Examples:
      mplan validate plan.xlsx
      mplan validate plan.xlsx --format json --today 2027-06-30
    """
    from .validate import validate as run_validate

    report = run_validate(_readable(path), today=_today(today), lang=lang)
    if fmt == "json":
        _emit(_dumps(report.to_dict()))
    else:
        _print_report(report, lang)
    counts = report.counts
    sys.exit(1 if counts["error"] or (strict and counts["warning"]) else 0)


def _print_report(report, lang: str | None) -> None:
    lang = lang or report.lang
    sheets: dict[str, list] = {}
    for f in report.findings:
        sheets.setdefault(f.sheet, []).append(f)
    order = {name: i for i, name in enumerate(report.sheets)}
    severities = {key: click.style(f"{key:<7}", fg=colour) for key, colour in SEVERITY_STYLE.items()}
    lines = []  # one write at the end: thousands of findings print in a blink
    clean = hygiene.terminal  # cell text never reaches the terminal as escape sequences
    for sheet, findings in sorted(sheets.items(), key=lambda kv: order.get(kv[0], len(order))):
        lines.append(click.style(clean(str(sheet)), bold=True))
        for f in findings:
            lines.append(f"  {clean(f.cell):<6} {severities[f.severity]} {f.code}  {clean(f.message)}")
            lines.append(click.style(f"                        → {clean(f.hint)}", dim=True))
    if not report.findings:
        lines.append(click.style(WORDS["no_problem"](lang), fg="green"))
    lines.append(f"{clean(str(report.file))}: {_counts_line(report.counts, lang)}")
    _emit("\n".join(lines))


@cli.command()
@click.argument("code", required=False)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the titles and explanations (default: the system's language).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the catalogue as data, both languages.",
)
@_one_line_errors
def rules(code, lang, fmt):
    """List the rules in code order, or explain one (by code or name).

    \b
    Examples:
      mplan rules
      mplan rules MP503
      mplan rules overload
      mplan rules --lang fr MP503
      mplan rules --format json
    """
    import json

    from .i18n import system_lang
    from .rules.catalog import SPECS, spec

    lang = lang or system_lang()
    chosen = SPECS
    if code:
        one = spec(code)
        if one is None:
            raise UsageError(
                f"unknown rule '{code}': run 'mplan rules' for the list",
                fr=f"règle inconnue '{code}' : lancez 'mplan rules' pour la liste",
            )
        chosen = (one,)
    if fmt == "json":
        data = [s.to_dict() for s in chosen]
        _emit(json.dumps(data[0] if code else data, ensure_ascii=False, indent=2))
    elif code:
        _emit(_explain_rule(chosen[0], lang))
    else:
        width = max(len(s.name) for s in SPECS)
        lines = []
        for s in SPECS:
            lines.append(f"{s.code}  {s.name:<{width}}  {s.severity:<7}  {s.title(lang)}")
            lines.append(click.style(f"       {s.message(lang)}\n       → {s.hint(lang)}", dim=True))
        _emit("\n".join(lines))


def _explain_rule(rule, lang: str) -> str:
    """The rule in one language: its title, then What/Why/Example/Fix (Ce qui est vérifié, Pourquoi…)."""
    import textwrap

    from .rules.catalog import HEADINGS

    colon = "\u00a0:" if lang == "fr" else ":"  # French typography: a no-break space before the colon
    lines = [click.style(f"{rule.code} {rule.name} ({rule.severity}){colon} {rule.title(lang)}", bold=True), ""]
    for key, text in rule.sections(lang).items():
        lines += textwrap.wrap(f"{key}{colon} {text}", 100, subsequent_indent="  ")
    lines += [
        "",
        f"{HEADINGS['message'](lang)}{colon} {rule.message(lang)}",
        f"{HEADINGS['hint'](lang)}{colon} {rule.hint(lang)}",
    ]
    return "\n".join(lines)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write into a copy at this path instead of PATH.",
)
@click.option("--today", metavar="DATE", help="Date of the report (default: Settings reference date, else today).")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of the report (default: the workbook's).")
@click.option("--no-backup", is_flag=True, help="Do not keep NAME.bak.xlsx beside the workbook.")
@click.option("--force", is_flag=True, help="Write even if a lock file says the workbook is open.")
@_one_line_errors
def report(path, out, today, lang, no_backup, force):
    """Write the Summary, Alerts and Timeline sheets into the workbook.

    Everything you typed stays exactly as it was: only the three generated sheets are replaced. The
    report is written even when the plan has errors (the Alerts sheet lists them). Exit code 0: no
    error; 1: errors found (the report was written); 2: nothing was written.

    \b
    Examples:
      mplan report plan.xlsx
      mplan report plan.xlsx -o plan-report.xlsx --today 2027-06-30
    """
    from .report import write_report

    result = write_report(_readable(path), out, today=_today(today), lang=lang, backup=not no_backup, force=force)
    counts = result.report.counts
    lang = result.report.lang
    line = _counts_line(counts, lang)
    _say(WORDS["wrote_report"].format(lang, sheets=", ".join(result.sheets), path=result.path, counts=line))
    if result.backup:
        _say(WORDS["backup"].format(lang, path=result.backup))
    sys.exit(1 if counts["error"] else 0)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["ics", "csv", "json"]), required=True)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    help="File (ics, json) or folder (csv). JSON goes to standard output without it.",
)
@click.option("--today", metavar="DATE", help="Date of the figures (default: Settings reference date, else today).")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of labels (default: the workbook's).")
@click.option(
    "--sep",
    type=click.Choice([";", ","]),
    default=";",
    show_default=True,
    help="CSV separator: ';' with decimal commas for French Excel, ',' with decimal points.",
)
@click.option(
    "--span", is_flag=True, help="Calendar: one event from each action's start to its deadline (default: two events)."
)
@click.option(
    "--remind-days",
    type=int,
    metavar="N",
    help="Calendar: a reminder N days before each deadline (default: 2; 0: none).",
)
@click.option("--owner", metavar="NAME", help="Calendar: only NAME's actions and objectives (and the peaks).")
@click.option("--force", is_flag=True, help="Overwrite OUT even if it is not a file of this format (a workbook?).")
@_one_line_errors
def export(path, fmt, out, today, lang, sep, span, remind_days, owner, force):
    """Export the plan: deadlines to a calendar, tables and figures to CSV or JSON.

    \b
    Examples:
      mplan export plan.xlsx --format ics -o plan.ics
      mplan export plan.xlsx --format ics -o claire.ics --owner Claire --remind-days 5
      mplan export plan.xlsx --format csv -o plan-csv/
      mplan export plan.xlsx --format csv -o plan-csv/ --sep ,
      mplan export plan.xlsx --format json > plan.json
    """
    from .export import REMIND_DAYS, looks_like_json, plan_document, write_csv, write_ics
    from .ooxml.safewrite import write_files
    from .pipeline import check

    if fmt in ("ics", "csv") and out is None:
        raise UsageError(
            f"--format {fmt} needs -o: a {'file' if fmt == 'ics' else 'folder'} to write to",
            fr=f"--format {fmt} demande -o : un {'fichier' if fmt == 'ics' else 'dossier'} où écrire",
        )
    calendar_options = [
        name
        for name, given in (
            ("--span", span),
            ("--remind-days", remind_days is not None),
            ("--owner", owner is not None),
        )
        if given
    ]
    if fmt != "ics" and calendar_options:
        raise UsageError(
            f"{', '.join(calendar_options)}: only for --format ics",
            fr=f"{', '.join(calendar_options)} : seulement avec --format ics",
        )
    checked = check(_readable(path), today=_today(today), lang=lang)
    if fmt == "json" and not out:
        _emit(_dumps(plan_document(checked)))
        return
    says = lang or checked.lang
    loc = Locale(says)
    try:
        try:
            if fmt == "json":
                data = (_dumps(plan_document(checked)) + "\n").encode("utf-8")
                write_files([(out, data)], [path], force=force, looks_like=looks_like_json)
                _say(WORDS["wrote"].format(says, path=out), err=True)
            elif fmt == "csv":
                written = write_csv(checked, out, sep=sep, force=force)
                files = loc.count(len(written), WORDS["csv_files"], WORDS["csv_files_many"])
                _say(WORDS["wrote_csv"].format(says, count=files, path=out))
            else:
                days = REMIND_DAYS if remind_days is None else remind_days
                count = write_ics(checked, out, force=force, span=span, remind_days=days, owner=owner)
                events = loc.count(count, WORDS["event"], WORDS["events"])
                _say(WORDS["wrote_ics"].format(says, count=events, path=out))
        except OSError as exc:
            raise UsageError(
                f"cannot write {out}: {exc.strerror or exc}; nothing was changed",
                fr=f"impossible d'écrire {out} : {exc.strerror or exc} ; rien n'a été modifié",
            ) from exc
    except MplanError as exc:  # the workbook has been read: its language words the refusal
        exc.lang = exc.lang or checked.lang
        raise


@cli.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The portfolio workbook to write (.xlsx).",
)
@click.option("--today", metavar="DATE", help="Date of the figures (default: each plan's reference date, else today).")
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the portfolio (default: fr) and of its messages (default: the system's).",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@_one_line_errors
def consolidate(plans, out, today, lang, force):
    """Roll several plans up into one portfolio workbook.

    One row per plan (owner, period, reference date, envelope, spend, ROI, errors, objectives on and
    off track) with a totals row per currency, spend by channel and by month across plans (never summed
    across currencies), and every alert with its plan's name; in one language (--lang), ready to print.
    A file that cannot be read is reported and skipped; a plan given twice (the same file, or a copy) is
    read once and reported as a duplicate. Exit code 0: every plan was read; 1: some were skipped
    (listed on stderr and in the portfolio); 2: nothing could be written.

    \b
    Example:
      mplan consolidate marques/*.xlsx -o portefeuille.xlsx
    """
    from .consolidate import read_plans, reason_in, write_portfolio

    says = _message_lang(lang)
    lang = lang or "fr"
    if out.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{out}: the portfolio must be an .xlsx file", fr=f"{out} : le portefeuille doit être un fichier .xlsx"
        )
    from .ooxml.safewrite import refuse_output

    resolved = {p.resolve() for p in plans if p.exists()}
    if out.exists() and out.resolve() in resolved:
        raise UsageError(
            f"{out} is one of the plans: choose another output name",
            fr=f"{out} est l'un des plans : choisissez un autre nom de sortie",
        )
    refuse_output(out, plans)  # a hard link of a plan, a folder, a missing folder
    if out.exists() and not force:
        raise UsageError(
            f"{out} already exists: choose another name or add --force to overwrite it",
            fr=f"{out} existe déjà : choisissez un autre nom ou ajoutez --force pour l'écraser",
        )
    for plan in plans:
        _readable(plan)
    when = _today(today)
    if len(plans) > 3:
        with click.progressbar(length=len(plans), label=WORDS["reading_plans"](says), file=sys.stderr) as bar:
            summaries, skipped = read_plans(list(plans), when, lang, bar.update)
    else:
        summaries, skipped = read_plans(list(plans), when, lang)
    for _, reason in skipped:
        _say(WORDS["skipped"].format(says, reason=reason_in(reason, says)), err=True)
    if not summaries:
        raise UsageError("no plan could be read: nothing written", fr="aucun plan n'a pu être lu : rien n'a été écrit")
    write_portfolio(out, summaries, skipped, lang, when or date.today(), inputs=plans)
    plans_count = Locale(says).count(len(summaries), Text("plan", "plan(s)"), Text("plans", "plan(s)"))
    left = Locale(says).count(len(skipped), Text("ignoré", "skipped"), Text("ignorés", "skipped"))
    more = WORDS["n_skipped"].format(says, n=left) if skipped else ""
    _say(WORDS["wrote_portfolio"].format(says, path=out, plans=plans_count, skipped=more))
    sys.exit(1 if skipped else 0)


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of the text (default: NEW's).")
@click.option("--today", metavar="DATE", help="Date both versions are judged at (default: each one's reference date).")
@_one_line_errors
def diff(old, new, fmt, lang, today):
    """Show what changed between two versions of a plan.

    Actions added, removed, cancelled and done; start and deadline moves in days; cost and revenue
    changes; the envelope and planned spend; objectives' targets and deadlines; the counts of findings.
    Exit code 0; 2 when a file cannot be read.

    \b
    Examples:
      mplan diff plan.bak.xlsx plan.xlsx
      mplan diff plan-mai.xlsx plan-juin.xlsx --format json
    """
    from .i18n import Locale
    from .snapshot import as_text, diff_files

    result = diff_files(_readable(old), _readable(new), _today(today))
    if fmt == "json":
        _emit(_dumps(result.to_dict()))
    else:
        _emit(hygiene.terminal(as_text(result, Locale(lang or result.lang))))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser once the server is up.")
@click.option(
    "--token",
    metavar="T",
    help="Access token every request needs (default: $MPLAN_TOKEN); required to listen beyond this machine.",
)
@click.option(
    "--max-upload-mb", type=click.FloatRange(0.001, 4096), help="Largest upload accepted, in MB.  [default: 25]"
)
@click.option("--workers", type=click.IntRange(1, 256), help="Worker processes reading the plans.  [default: CPUs]")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of this command's own lines.")
@_one_line_errors
def serve(host, port, open_browser, token, max_upload_mb, workers, lang):
    """Serve the plan checker in the browser (see docs/web.md).

    Create a template, check a plan, download it with its report, compare two versions: all from a web
    page, with nothing kept on the server. Listens on this machine only unless --host says otherwise,
    which needs a token.

    \b
    Examples:
      mplan serve --open
      MPLAN_TOKEN=$(openssl rand -hex 16) mplan serve --host 0.0.0.0 --port 8765
    """
    from .web.config import Settings, is_loopback

    says = _message_lang(lang)
    try:
        settings = Settings.from_env(
            token=token,
            max_upload=int(max_upload_mb * 1024 * 1024) if max_upload_mb else None,
            workers=workers,
        )
    except MplanError as exc:
        exc.lang = says
        raise
    if not is_loopback(host) and settings.token is None:
        raise UsageError(
            f"--host {host} would open the server to the network: give --token (or MPLAN_TOKEN) first",
            fr=f"--host {host} ouvrirait le serveur au réseau : donnez d'abord --token (ou MPLAN_TOKEN)",
            lang=says,
        )
    if settings.token is not None:
        from .web.config import check_token

        try:
            check_token(settings.token)
        except MplanError as exc:
            exc.lang = says
            raise
    _run_server(settings, host, port, open_browser, says)


def _run_server(settings, host: str, port: int, open_browser: bool, lang: str) -> None:
    import socket

    import uvicorn

    from .web import create_app

    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    try:  # a port in use is one line, not uvicorn's traceback
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            fr=f"impossible d'écouter sur {host}:{port} : {exc.strerror or exc}",
            lang=lang,
        ) from exc
    _say(WORDS["serving"].format(lang, url=url))
    config = uvicorn.Config(create_app(settings), host=host, port=port, log_level="info", access_log=True)
    server = uvicorn.Server(config)
    if open_browser:
        import threading
        import webbrowser

        def opener():
            import time

            for _ in range(100):  # wait for the server to listen, at most 10 s
                if server.started:
                    webbrowser.open(url)
                    return
                time.sleep(0.1)

        threading.Thread(target=opener, daemon=True).start()
    server.run()


def main(argv=None):
    cli.main(args=argv, prog_name="mplan")
