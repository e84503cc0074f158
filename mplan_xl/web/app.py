"""The web app (`mplan serve`, or `uvicorn mplan_xl.web:app`): pages, the JSON API, and the rules.

Stateless: nothing outlives a request. An upload goes into the request's private folder, a warm worker
process reads it (jobs.Pool), the answer is sent, the folder is deleted. The page keeps the file in the
browser and sends it again for each download.
"""

from __future__ import annotations

import contextlib
import io
import logging
import zipfile
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import hygiene
from ..i18n import Text
from . import jobs, security
from .config import Settings
from .refusal import Refusal
from .uploads import Form, download_name, read_form, request_folder
from .words import WORDS, word

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12"
KINDS = {"ics": "text/calendar; charset=utf-8", "json": "application/json; charset=utf-8", "csv": "application/zip"}


# -- rendering ----------------------------------------------------------------------------------------------

_env = Environment(loader=PackageLoader("mplan_xl.web", "templates"), autoescape=select_autoescape(default=True))


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang, remember = security.page_lang(request)
    csrf, new_csrf = security.csrf_token(request)
    template = _env.get_template(name)
    other = "en" if lang == "fr" else "fr"
    path = request.url.path
    here = path if request.method == "GET" or path in ("/compare", "/login") else "/"  # a page one can GET
    here = "/" + here.lstrip("/")  # never '//host/…', which a browser reads as another site
    html = template.render(
        switch_url=f"{here}?lang={other}",
        other_lang=other,
        lang=lang,
        _=lambda key, **values: word(key, lang, **values),
        csrf=csrf,
        token_required=request.app.state.settings.token is not None,
        path=request.url.path,
        svg=Markup,  # the charts: SVG built by charts.py, every text in it escaped there
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    secure = request.url.scheme == "https"
    if new_csrf:
        response.set_cookie(security.CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=secure)
    if remember:
        response.set_cookie(security.LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", secure=secure)
    return response


def error_page(request: Request, status: int, text: Text) -> HTMLResponse:
    lang, _ = security.page_lang(request)
    return page(request, "error.html", status=status, message=text(lang))


def api_error(request: Request, status: int, text: Text, lang: str | None = None) -> JSONResponse:
    lang = lang if lang in ("fr", "en") else security.page_lang(request)[0]
    return JSONResponse({"error": {"status": status, "message": text(lang)}}, status_code=status)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


# -- inputs ---------------------------------------------------------------------------------------------------


def parse_today(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Refusal(
            400,
            Text(
                f"date de référence '{value[:40]}' illisible : écrivez-la AAAA-MM-JJ",
                f"reference date '{value[:40]}' is not a date: write it YYYY-MM-DD",
            ),
        ) from None
    if not date(1900, 1, 1) <= day <= date(9998, 12, 31):
        raise Refusal(400, Text("date de référence hors limites", "reference date out of range"))
    return day


def parse_lang(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in ("fr", "en"):
        raise Refusal(400, Text("langue inconnue : fr ou en", "unknown language: fr or en"))
    return value


async def form_of(request: Request, folder: Path) -> Form:
    form = await read_form(request, folder, request.app.state.settings.max_upload)
    request.state.lang = form.get("lang")  # an API refusal is worded in the form's language (docs/web.md)
    return form


def one_file(form: Form, field: str = "file"):
    upload = form.files.get(field)
    if upload is None:
        raise Refusal(400, WORDS["no_file"])
    return upload


async def run(request: Request, function: Callable, *args: Any, names: dict | None = None) -> Any:
    return await request.app.state.pool.run(function, *args, names=names)


def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """Refusals as pages or JSON; anything unexpected as a plain 500 that names no file (nothing logged)."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except Refusal as exc:
            if is_api(request):
                return api_error(request, exc.status, exc.text, getattr(request.state, "lang", None))
            return error_page(request, exc.status, exc.text)
        except ClientDisconnect:
            return Response(status_code=400)
        except Exception:  # noqa: BLE001 - the answer names nothing of the file, the log nothing at all
            if is_api(request):
                return api_error(request, 500, WORDS["server_error"])
            return error_page(request, 500, WORDS["server_error"])

    endpoint.__name__ = handler.__name__
    return endpoint


def csrf_first(request: Request) -> None:
    """Before reading a form's body: refuse at once what cannot pass need_csrf (another site, no cookie)."""
    if not security.csrf_possible(request):
        raise Refusal(403, WORDS["bad_csrf"])


def need_csrf(request: Request, form: Form) -> None:
    if not security.csrf_ok(request, form.get("csrf")):
        raise Refusal(403, WORDS["bad_csrf"])


def need_api(request: Request) -> None:
    if not security.api_ok(request):
        raise Refusal(403, WORDS["bad_api"])


# -- pages --------------------------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    return page(request, "home.html", year=date.today().year + 1)


@guarded
async def check_page(request: Request) -> Response:
    lang, _ = security.page_lang(request)
    csrf_first(request)
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        need_csrf(request, form)
        upload = one_file(form)
        today = parse_today(form.get("today"))
        data = await run(
            request, jobs.result_job, str(upload.path), today, lang, upload.filename, names=_names(folder, upload)
        )
    return page(request, "result.html", result=data, today_value=form.get("today"))


@guarded
async def download(request: Request) -> Response:
    """The page's downloads without JavaScript: the file chosen again, the download named by `what`."""
    csrf_first(request)
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        need_csrf(request, form)
        what = form.get("what")
        if what == "report":
            return await _report(request, form, folder)
        if what in KINDS:
            return await _export(request, form, folder, what)
        raise Refusal(400, WORDS["bad_what"])


@guarded
async def compare_page(request: Request) -> Response:
    if request.method in ("GET", "HEAD"):
        return page(request, "compare.html", diff=None)
    lang, _ = security.page_lang(request)
    csrf_first(request)
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        need_csrf(request, form)
        data = await _diff(request, form, folder, lang)
    return page(request, "compare.html", diff=data)


async def rules_page(request: Request) -> Response:
    from ..rules.catalog import SPECS, spec

    lang, _ = security.page_lang(request)
    code = request.path_params.get("code")
    chosen = SPECS
    if code:
        one = spec(code)
        if one is None:
            return error_page(request, 404, WORDS["not_found"])
        chosen = (one,)
    rules = [
        {
            "code": s.code,
            "name": s.name,
            "severity": s.severity,
            "title": s.title(lang),
            "sections": s.sections(lang),
            "message": s.message(lang),
            "hint": s.hint(lang),
        }
        for s in chosen
    ]
    return page(request, "rules.html", rules=rules, one=bool(code))


async def login(request: Request) -> Response:
    token = request.app.state.settings.token
    if token is None:
        return RedirectResponse("/", status_code=303)
    if request.method in ("GET", "HEAD"):
        return page(request, "login.html", failed=False)
    form = await small_form(request)
    if form is None:
        return error_page(request, 403, WORDS["bad_csrf"])
    if not security.token_matches(form.get("token"), token):
        return page(request, "login.html", status=401, failed=True)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        security.SESSION_COOKIE,
        security.session_value(token),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


async def logout(request: Request) -> Response:
    if await small_form(request) is None:
        return error_page(request, 403, WORDS["bad_csrf"])
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(security.SESSION_COOKIE)
    return response


async def small_form(request: Request) -> Form | None:
    """A form of text fields only (login, logout) with a valid CSRF token; None otherwise."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return None
    if not security.csrf_possible(request):
        return None
    try:
        with request_folder(request.app.state.settings.tmp_root) as folder:
            form = await read_form(request, folder, 64 * 1024)
    except (Refusal, ClientDisconnect):
        return None
    return form if security.csrf_ok(request, form.get("csrf")) else None


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


@guarded
async def template_page(request: Request) -> Response:
    return await _template(request)


# -- the API ------------------------------------------------------------------------------------------------


@guarded
async def api_validate(request: Request) -> Response:
    need_api(request)
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        upload = one_file(form)
        args = (str(upload.path), parse_today(form.get("today")), parse_lang(form.get("lang")), upload.filename)
        data = await run(request, jobs.validate_job, *args, names=_names(folder, upload))
    return Response(hygiene.json_text(data), media_type="application/json; charset=utf-8")


@guarded
async def api_report(request: Request) -> Response:
    need_api(request)
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        return await _report(request, form, folder)


@guarded
async def api_export(request: Request) -> Response:
    need_api(request)
    fmt = request.query_params.get("format", "")
    if fmt not in KINDS:
        raise Refusal(400, WORDS["bad_format"])
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        return await _export(request, form, folder, fmt)


@guarded
async def api_diff(request: Request) -> Response:
    need_api(request)
    with request_folder(request.app.state.settings.tmp_root) as folder:
        form = await form_of(request, folder)
        data = await _diff(request, form, folder, parse_lang(form.get("lang")))
    return Response(hygiene.json_text(data["data"]), media_type="application/json; charset=utf-8")


@guarded
async def api_template(request: Request) -> Response:
    need_api(request)
    return await _template(request)


# -- shared by pages and API --------------------------------------------------------------------------------


def _names(folder: Path, *uploads, more: dict[Path, str] | None = None) -> dict[str, str]:
    """The folder's paths as the user's file names, for messages (the files first, then the folder)."""
    names = {str(u.path): u.filename for u in uploads}
    names.update({str(path): name for path, name in (more or {}).items()})
    names[str(folder)] = "…"
    return names


def _stem(filename: str) -> str:
    stem = Path(filename).stem
    return stem or "plan"


async def _report(request: Request, form: Form, folder: Path) -> Response:
    upload = one_file(form)
    suffix = upload.path.suffix if upload.path.suffix in (".xlsx", ".xlsm") else ".xlsx"
    out = folder / f"out{suffix}"
    report_word = "rapport" if (parse_lang(form.get("lang")) or security.page_lang(request)[0]) == "fr" else "report"
    name = f"{_stem(upload.filename)}-{report_word}{suffix}"
    names = _names(folder, upload, more={out: name, upload.path.with_suffix(".xlsx"): upload.filename})
    args = (str(upload.path), str(out), parse_today(form.get("today")), parse_lang(form.get("lang")))
    done = await run(request, jobs.report_job, *args, names=names)
    return Response(
        out.read_bytes(),
        media_type=XLSM if suffix == ".xlsm" else XLSX,
        headers={
            "content-disposition": download_name(name),
            "x-mplan-counts": ",".join(f"{k}={v}" for k, v in done["counts"].items()),
        },
    )


async def _export(request: Request, form: Form, folder: Path, fmt: str) -> Response:
    upload = one_file(form)
    today, lang = parse_today(form.get("today")), parse_lang(form.get("lang"))
    options: dict[str, Any] = {}
    if fmt == "csv":
        sep = form.get("sep", ";")
        if sep not in (";", ","):
            raise Refusal(400, Text("séparateur CSV : ; ou ,", "CSV separator: ; or ,"))
        options["sep"] = sep
    if fmt == "ics":
        options.update(_calendar_options(form))
    out = folder / ("csv" if fmt == "csv" else f"out.{fmt}")
    await run(
        request, jobs.export_job, str(upload.path), fmt, str(out), today, lang, options, names=_names(folder, upload)
    )
    stem = _stem(upload.filename)
    if fmt == "csv":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for item in sorted(out.iterdir()):
                archive.write(item, f"{stem}-csv/{item.name}")
        body, name = buffer.getvalue(), f"{stem}-csv.zip"
    else:
        body, name = out.read_bytes(), f"{stem}.{fmt}"
    return Response(body, media_type=KINDS[fmt], headers={"content-disposition": download_name(name)})


def _calendar_options(form: Form) -> dict[str, Any]:
    options: dict[str, Any] = {"span": form.get("span") in ("1", "on", "true")}
    days = form.get("remind_days").strip()
    if days:
        if not days.isdigit() or not 0 <= int(days) <= 365:
            raise Refusal(
                400, Text("rappel : un nombre de jours de 0 à 365", "reminder: a number of days from 0 to 365")
            )
        options["remind_days"] = int(days)
    owner = form.get("owner").strip()
    if owner:
        options["owner"] = owner[:200]
    return options


async def _diff(request: Request, form: Form, folder: Path, lang: str | None) -> dict:
    old, new = form.files.get("old"), form.files.get("new")
    if old is None or new is None:
        raise Refusal(400, WORDS["no_files"])
    today = parse_today(form.get("today"))
    names = (old.filename, new.filename)
    return await run(
        request, jobs.diff_job, str(old.path), str(new.path), today, lang, names, names=_names(folder, old, new)
    )


async def _template(request: Request) -> Response:
    query = request.query_params
    lang = parse_lang(query.get("lang")) or security.page_lang(request)[0]
    start = parse_today(query.get("start", ""))
    months_text = query.get("months", "12").strip() or "12"
    if not months_text.isdigit() or not 1 <= int(months_text) <= 60:
        raise Refusal(400, Text("durée : de 1 à 60 mois", "length: 1 to 60 months"))
    example = query.get("example", "") in ("1", "on", "true")
    currency = (query.get("currency", "EUR").strip() or "EUR").upper()
    if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
        raise Refusal(400, Text("devise : un code ISO 4217 comme EUR", "currency: an ISO 4217 code such as EUR"))
    with request_folder(request.app.state.settings.tmp_root) as folder:
        out = folder / "plan.xlsx"
        await run(request, jobs.template_job, str(out), lang, start, int(months_text), example, currency)
        body = out.read_bytes()
    if example:
        name = "exemple-plan-marketing.xlsx" if lang == "fr" else "example-marketing-plan.xlsx"
    else:
        name = "plan-marketing.xlsx" if lang == "fr" else "marketing-plan.xlsx"
    return Response(body, media_type=XLSX, headers={"content-disposition": download_name(name)})


# -- the app ------------------------------------------------------------------------------------------------


class Shield:
    """ASGI middleware: whatever escapes a route or the gate (a malformed header, a client gone) ends as a
    plain 500 that names nothing, and nothing reaches the log: the log holds the request lines only."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        started = False

        async def sending(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception:  # noqa: BLE001 - by design: no traceback in the log, no detail in the answer
            if scope["type"] == "http" and not started:
                await PlainTextResponse("500", status_code=500)(scope, receive, send)


class Gate:
    """ASGI middleware: who may be served (security.authorised) before any route runs."""

    def __init__(self, app, settings: Settings):
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        path = scope["path"]
        token = self.settings.token
        if token is None and not security.authorised(request, None):
            lang = security.page_lang(request)[0]
            message = WORDS["forbidden_remote"](lang)
            response: Response = (
                JSONResponse({"error": {"status": 403, "message": message}}, 403)
                if path.startswith("/api/")
                else PlainTextResponse(message, status_code=403)
            )
        elif token is not None and not security.is_open(path) and not security.authorised(request, token):
            if path.startswith("/api/"):
                lang = security.page_lang(request)[0]
                response = JSONResponse({"error": {"status": 401, "message": WORDS["need_login"](lang)}}, 401)
            else:
                response = RedirectResponse("/login", status_code=303)
        else:
            return await self.app(scope, receive, send)
        await response(scope, receive, send)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        pool = jobs.Pool(settings.workers, settings.job_seconds, settings.job_memory)
        pool.start()
        app.state.pool = pool
        try:
            yield
        finally:
            pool.stop()

    static = StaticFiles(packages=[("mplan_xl.web", "static")])
    routes = [
        Route("/", home),
        Route("/check", check_page, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/compare", compare_page, methods=["GET", "POST"]),
        Route("/template", template_page),
        Route("/rules", rules_page),
        Route("/rules/{code}", rules_page),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/healthz", healthz),
        Route("/api/validate", api_validate, methods=["POST"]),
        Route("/api/report", api_report, methods=["POST"]),
        Route("/api/export", api_export, methods=["POST"]),
        Route("/api/diff", api_diff, methods=["POST"]),
        Route("/api/template", api_template),
        Mount("/static", static, name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        text = WORDS["not_found"] if status == 404 else Text(str(exc.detail), str(exc.detail))
        if is_api(request):
            return api_error(request, status, text)
        return error_page(request, status, text)

    for name in ("python_multipart", "multipart"):  # its warnings about a malformed body: not in the log
        logging.getLogger(name).setLevel(logging.CRITICAL)
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: not_found})
    app.state.settings = settings
    app.add_middleware(Gate, settings=settings)
    app.add_middleware(Shield)
    app.add_middleware(security.Headers)
    return app
