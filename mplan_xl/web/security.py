"""What every request and answer goes through: the access token, loopback-only serving without one,
security headers, CSRF checks for forms and the `X-Mplan: 1` header for the API.

- Without a token the app answers only requests from this machine (client and Host header both
  loopback: a web page elsewhere cannot reach it, not even by DNS rebinding).
- With a token every request needs it: the session cookie set by the login form (HttpOnly,
  SameSite=Strict; it carries an HMAC of the token, not the token), or `Authorization: Bearer <token>`.
- Forms carry a CSRF token equal to the `mplan_csrf` cookie (double submit: nothing kept on the
  server, so any worker or machine checks it), and a cross-site POST is refused on its Origin or
  Sec-Fetch-Site header whatever it carries.
- API calls carry `X-Mplan: 1`: a browser sends that header cross-site only after a CORS preflight,
  which this app never grants.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

from .config import is_loopback

SESSION_COOKIE = "mplan_session"
CSRF_COOKIE = "mplan_csrf"
LANG_COOKIE = "mplan_lang"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
NO_STORE = (b"cache-control", b"no-store")
STATIC_CACHE = (b"cache-control", b"public, max-age=3600")
OPEN_PATHS = ("/login", "/static/", "/healthz")


class Headers:
    """ASGI middleware: the security headers on every answer; no-store on all but the static files."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")

        async def sending(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in names]
                if b"cache-control" not in names:  # only a static file found may be kept by a cache
                    extra.append(STATIC_CACHE if static and message["status"] in (200, 304) else NO_STORE)
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, sending)


SESSION_HOURS = 12  # a login lasts a working day; a copied cookie stops working after it


def _signature(token: str, issued: int) -> str:
    return hmac.new(token.encode(), f"mplan-session-v2:{issued}".encode(), hashlib.sha256).hexdigest()


def session_value(token: str, now: float | None = None) -> str:
    """The login cookie: when it was issued, and an HMAC of that time by the token (never the token)."""
    issued = int(time.time() if now is None else now)
    return f"{issued}.{_signature(token, issued)}"


def session_ok(value: str, token: str, now: float | None = None) -> bool:
    issued_text, _, signature = value.partition(".")
    if not issued_text.isdigit() or len(issued_text) > 12:
        return False
    issued = int(issued_text)
    age = (time.time() if now is None else now) - issued
    fresh = -300 <= age <= SESSION_HOURS * 3600
    return hmac.compare_digest(signature.encode(), _signature(token, issued).encode()) and fresh


def _host(value: str) -> str:
    """The host name of a Host or Origin value; empty when it cannot be read."""
    try:
        return urlsplit("//" + value).hostname or ""
    except ValueError:
        return ""


def authorised(conn: HTTPConnection, token: str | None) -> bool:
    """True when the request may be served: loopback without a token; the token's proof with one."""
    if token is None:
        client = conn.client.host if conn.client else ""
        host = _host(conn.headers.get("host", ""))
        return is_loopback(client) and is_loopback(host)
    if session_ok(conn.cookies.get(SESSION_COOKIE, ""), token):
        return True
    scheme, _, given = conn.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and token_matches(given, token)


def token_matches(given: str, token: str) -> bool:
    return hmac.compare_digest(given.strip().encode(), token.encode())


def is_open(path: str) -> bool:
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in OPEN_PATHS)


def csrf_token(conn: HTTPConnection) -> tuple[str, bool]:
    """The request's CSRF token, and whether it is new (then the answer sets the cookie)."""
    current = conn.cookies.get(CSRF_COOKIE, "")
    if len(current) == 43 and current.replace("-", "").replace("_", "").isalnum():
        return current, False
    return secrets.token_urlsafe(32), True


def cross_site(conn: HTTPConnection) -> bool:
    """True when the browser says the request comes from another site: by Sec-Fetch-Site, which every
    current browser sends (and which survives a proxy that rewrites Host), else by Origin against Host."""
    site = conn.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = conn.headers.get("origin")
    if origin is None:
        return False  # not a browser's cross-site request (curl, a script): the token or loopback rule applies
    if origin == "null":
        return True
    try:
        return urlsplit(origin).netloc.lower() != conn.headers.get("host", "").lower()
    except ValueError:  # an Origin that cannot be read is not this site
        return True


def csrf_ok(conn: HTTPConnection, given: str) -> bool:
    cookie = conn.cookies.get(CSRF_COOKIE, "")
    return (
        bool(cookie) and bool(given) and hmac.compare_digest(cookie.encode(), given.encode()) and not cross_site(conn)
    )


def csrf_possible(conn: HTTPConnection) -> bool:
    """Before a form's body is read: a request from another site, or without the CSRF cookie, cannot pass
    csrf_ok, so it is refused at once and costs no upload."""
    return bool(conn.cookies.get(CSRF_COOKIE)) and not cross_site(conn)


def api_ok(conn: HTTPConnection) -> bool:
    return conn.headers.get("x-mplan") == "1" and not cross_site(conn)


def page_lang(conn: HTTPConnection) -> tuple[str, bool]:
    """The page's language: ?lang=, else the cookie the switch set, else the browser's, else French.
    Second: whether ?lang= asked for it (then the answer remembers it in the cookie)."""
    asked = conn.query_params.get("lang")
    if asked in ("fr", "en"):
        return asked, True
    cookie = conn.cookies.get(LANG_COOKIE)
    if cookie in ("fr", "en"):
        return cookie, False
    return accept_language(conn.headers.get("accept-language", "")), False


def accept_language(header: str) -> str:
    """fr or en, by the Accept-Language weights; French when neither is named."""
    best, best_q = "fr", 0.0
    for order, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower()[:2]
        if lang in ("fr", "en") and q - order * 1e-6 > best_q:
            best, best_q = lang, q - order * 1e-6
    return best
