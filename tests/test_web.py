"""The web app through its ASGI interface (Starlette's TestClient, real worker processes): the API's
answers against the CLI's, the pages, and the security rules of issue 16. Browser tests are in
test_web_browser.py, load and faults in test_web_load.py."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

pytest.importorskip("httpx2")
from starlette.testclient import TestClient  # noqa: E402

from mplan_xl.cli import cli  # noqa: E402
from mplan_xl.web import create_app  # noqa: E402
from mplan_xl.web.config import Settings  # noqa: E402

from .helpers import Text, fill  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_FR = ROOT / "samples" / "exemple-fr.xlsx"
SAMPLE_EN = ROOT / "samples" / "example-en.xlsx"
API = {"X-Mplan": "1"}
LOCAL = {"base_url": "http://127.0.0.1:8765", "client": ("127.0.0.1", 50000)}


def client_for(tmp_path: Path, **settings) -> TestClient:
    root = tmp_path / "server-tmp"
    root.mkdir(exist_ok=True)
    values = {"workers": 1, "tmp_root": str(root), "token": None, **settings}
    return TestClient(create_app(Settings(**values)), **LOCAL)


@pytest.fixture(scope="module")
def server_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("web")


@pytest.fixture(scope="module")
def client(server_root):
    with client_for(server_root) as c:
        yield c


@pytest.fixture(autouse=True)
def nothing_left(server_root, client):
    """Every test starts without cookies (language, CSRF); every request's private folder is gone once
    it is answered."""
    client.cookies.clear()
    yield
    root = server_root / "server-tmp"
    assert not root.exists() or list(root.iterdir()) == []


def upload(path: Path, name: str | None = None) -> dict:
    return {"file": (name or path.name, path.read_bytes())}


def csrf_of(client: TestClient) -> str:
    page = client.get("/")
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


# -- the API answers as the command line does ----------------------------------------------------------------


def test_api_validate_is_the_cli_json(client, tmp_path, monkeypatch):
    shutil.copy(SAMPLE_FR, tmp_path / "exemple-fr.xlsx")
    monkeypatch.chdir(tmp_path)
    cli_json = json.loads(CliRunner().invoke(cli, ["validate", "exemple-fr.xlsx", "--format", "json"]).output)
    answer = client.post("/api/validate", files=upload(SAMPLE_FR), headers=API)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json() == cli_json
    assert cli_json["counts"]["warning"] > 0  # a real comparison, not two empty reports


def test_api_validate_today_and_lang(client, tmp_path, monkeypatch):
    shutil.copy(SAMPLE_FR, tmp_path / "exemple-fr.xlsx")
    monkeypatch.chdir(tmp_path)
    args = ["validate", "exemple-fr.xlsx", "--format", "json", "--today", "2027-03-01", "--lang", "en"]
    cli_json = json.loads(CliRunner().invoke(cli, args).output)
    answer = client.post(
        "/api/validate", files=upload(SAMPLE_FR), data={"today": "2027-03-01", "lang": "en"}, headers=API
    )
    assert answer.json() == cli_json
    assert answer.json()["today"] == "2027-03-01"


def test_api_report_returns_the_workbook_with_its_report(client, tmp_path):
    answer = client.post("/api/report", files=upload(SAMPLE_FR), data={"today": "2027-06-30"}, headers=API)
    assert answer.status_code == 200
    assert "exemple-fr-rapport.xlsx" in answer.headers["content-disposition"]
    assert answer.headers["x-mplan-counts"].startswith("error=0,warning=")
    out = tmp_path / "out.xlsx"
    out.write_bytes(answer.content)
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    original = openpyxl.load_workbook(SAMPLE_FR, read_only=True).sheetnames
    assert names[:4] == ["Guide", "Synthèse", "Alertes", "Calendrier"]
    assert [n for n in names if n not in ("Synthèse", "Alertes", "Calendrier")] == original
    # the same package surgery as `mplan report`: the user's parts are byte-identical
    with zipfile.ZipFile(SAMPLE_FR) as a, zipfile.ZipFile(out) as b:
        sheet = "xl/worksheets/sheet7.xml"
        assert a.read(sheet) == b.read(sheet)


@pytest.mark.parametrize("fmt", ["ics", "csv", "json"])
def test_api_export(client, fmt):
    answer = client.post(f"/api/export?format={fmt}", files=upload(SAMPLE_EN), headers=API)
    assert answer.status_code == 200
    if fmt == "ics":
        assert answer.text.startswith("BEGIN:VCALENDAR")
        assert "BEGIN:VALARM" in answer.text
    elif fmt == "csv":
        names = zipfile.ZipFile(io.BytesIO(answer.content)).namelist()
        assert "example-en-csv/actions.csv" in names and len(names) > 5
    else:
        data = answer.json()
        assert data["figures"]["planned_spend"] > 0


def test_api_export_csv_separator(client):
    answer = client.post("/api/export?format=csv", files=upload(SAMPLE_EN), data={"sep": ","}, headers=API)
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    assert archive.read("example-en-csv/actions.csv").decode("utf-8-sig").splitlines()[0].count(",") > 3


def test_api_export_unknown_format(client):
    answer = client.post("/api/export?format=pdf", files=upload(SAMPLE_EN), headers=API)
    assert answer.status_code == 400 and "ics" in answer.json()["error"]["message"]


def test_api_template(client, tmp_path):
    answer = client.get("/api/template?lang=en&start=2027-04-01&months=6&example=1", headers=API)
    assert answer.status_code == 200
    assert "example-marketing-plan.xlsx" in answer.headers["content-disposition"]
    out = tmp_path / "t.xlsx"
    out.write_bytes(answer.content)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert "Settings" in wb.sheetnames and "6 Actions" in wb.sheetnames
    assert client.get("/api/template?months=0", headers=API).status_code == 400
    assert client.get("/api/template?start=31/02/2027", headers=API).status_code == 400
    assert client.get("/api/template?currency=%3Cx%3E", headers=API).status_code == 400


def test_api_diff_is_the_cli_json(client, tmp_path, monkeypatch):
    old = fill(SAMPLE_FR, tmp_path / "old.xlsx", {"actions": [{"cost": 99999}]})
    shutil.copy(SAMPLE_FR, tmp_path / "new.xlsx")
    monkeypatch.chdir(tmp_path)
    cli_json = json.loads(CliRunner().invoke(cli, ["diff", "old.xlsx", "new.xlsx", "--format", "json"]).output)
    files = {"old": ("old.xlsx", old.read_bytes()), "new": ("new.xlsx", SAMPLE_FR.read_bytes())}
    answer = client.post("/api/diff", files=files, headers=API)
    assert answer.status_code == 200
    assert answer.json() == cli_json
    assert answer.json()["actions"]["cost"]


# -- refusals -----------------------------------------------------------------------------------------------


def test_unreadable_upload_is_a_clear_4xx_naming_the_users_file(client, server_root):
    answer = client.post("/api/validate", files={"file": ("mon plan.xlsx", b"id;action\n1;x\n")}, headers=API)
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    assert message.startswith("mon plan.xlsx") and "xlsx" in message
    assert str(server_root) not in answer.text and "in1" not in answer.text


def test_missing_file(client):
    answer = client.post("/api/validate", data={"today": "2027-01-01"}, headers=API)
    assert answer.status_code == 400


def test_bad_today(client):
    answer = client.post("/api/validate", files=upload(SAMPLE_FR), data={"today": "demain"}, headers=API)
    assert answer.status_code == 400 and "AAAA-MM-JJ" in answer.json()["error"]["message"]


def test_api_needs_the_header(client):
    answer = client.post("/api/validate", files=upload(SAMPLE_FR))
    assert answer.status_code == 403
    assert "X-Mplan" in answer.json()["error"]["message"]
    assert client.get("/api/template").status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
    ],
)
def test_api_refuses_other_sites(client, headers):
    answer = client.post("/api/validate", files=upload(SAMPLE_FR), headers={**API, **headers})
    assert answer.status_code == 403


def test_no_cors_preflight_is_granted(client):
    answer = client.options(
        "/api/validate",
        headers={
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-mplan",
        },
    )
    assert answer.status_code >= 400
    assert not any(h.lower().startswith("access-control-allow") for h in answer.headers)


def test_upload_cap(tmp_path):
    with client_for(tmp_path, max_upload=50_000) as small:
        answer = small.post("/api/validate", files=upload(SAMPLE_FR), headers=API)
        assert answer.status_code == 413
        assert "MB" in answer.json()["error"]["message"] or "Mo" in answer.json()["error"]["message"]
        assert list((tmp_path / "server-tmp").iterdir()) == []


# -- pages ----------------------------------------------------------------------------------------------------


def test_security_headers(client):
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    cookie = page.headers["set-cookie"]
    assert "mplan_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert '<script src="/static/app.js"' in page.text and "<script>" not in page.text
    static = client.get("/static/app.js")
    assert static.status_code == 200 and "no-store" not in static.headers["cache-control"]


def test_language(client):
    assert "Vérifier mon plan" in client.get("/").text
    assert "Check my plan" in client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"}).text
    assert "Vérifier mon plan" in client.get("/", headers={"Accept-Language": "de-DE,fr;q=0.8,en;q=0.5"}).text
    with client_for(Path(client.app.state.settings.tmp_root).parent) as other:
        switched = other.get("/?lang=en")
        assert "Check my plan" in switched.text and "mplan_lang=en" in switched.headers["set-cookie"]
        assert "Check my plan" in other.get("/").text  # remembered


def test_check_page_shows_findings_grouped_by_sheet(client):
    token = csrf_of(client)
    page = client.post("/check", data={"csrf": token}, files=upload(SAMPLE_FR))
    assert page.status_code == 200
    html = page.text
    assert "exemple-fr.xlsx" in html
    assert "avertissement" in html.lower()
    sheets = re.findall(r'<section class="sheet" aria-label="Onglet ([^"]+)">', html)
    order = openpyxl.load_workbook(SAMPLE_FR, read_only=True).sheetnames
    assert sheets and sheets == sorted(sheets, key=order.index)  # in the workbook's order
    assert html.count('class="finding sev-') == 14
    assert "MP803" in html and "Objectif O2 en retard" in html
    assert "Renforcez les actions" in html  # the hint
    assert "Prévision à terme" in html and "CA attendu" in html


def test_language_switch_links_to_a_page_one_can_get(client):
    token = csrf_of(client)
    page = client.post("/check", data={"csrf": token}, files=upload(SAMPLE_FR))
    link = re.search(r'<a class="lang" href="([^"]+)"', page.text).group(1)
    assert link == "/?lang=en" and client.get(link).status_code == 200
    again = client.get("/rules/MP101").text  # in English now (remembered): the link leads back to French
    assert re.search(r'<a class="lang" href="([^"]+)"', again).group(1) == "/rules/MP101?lang=fr"


def test_check_page_needs_csrf(client):
    client.get("/")
    assert client.post("/check", data={"csrf": "x" * 43}, files=upload(SAMPLE_FR)).status_code == 403
    assert client.post("/check", files=upload(SAMPLE_FR)).status_code == 403
    token = csrf_of(client)
    cross = client.post(
        "/check", data={"csrf": token}, files=upload(SAMPLE_FR), headers={"Origin": "http://evil.example"}
    )
    assert cross.status_code == 403


def test_download_without_javascript(client, tmp_path):
    token = csrf_of(client)
    answer = client.post("/download", data={"csrf": token, "what": "report", "lang": "fr"}, files=upload(SAMPLE_FR))
    assert answer.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True).sheetnames[1] == "Synthèse"
    ics = client.post("/download", data={"csrf": token, "what": "ics"}, files=upload(SAMPLE_FR))
    assert ics.text.startswith("BEGIN:VCALENDAR")
    assert client.post("/download", data={"csrf": token, "what": "exe"}, files=upload(SAMPLE_FR)).status_code == 400


def test_report_keeps_the_workbooks_language_whatever_the_page(client):
    """An English page downloads a French plan's report in French: the report belongs to the workbook."""
    token = csrf_of(client)
    headers = {"Accept-Language": "en"}
    page = client.post("/check", data={"csrf": token}, files=upload(SAMPLE_FR), headers=headers)
    assert "Check another plan" in page.text and 'name="lang"' not in page.text
    answer = client.post("/download", data={"csrf": token, "what": "report"}, files=upload(SAMPLE_FR), headers=headers)
    assert openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True).sheetnames[1] == "Synthèse"


def test_hostile_text_is_shown_as_text(client, tmp_path):
    hostile = fill(
        SAMPLE_FR,
        tmp_path / "hostile.xlsx",
        {"actions": [{"action": Text("<script>alert(1)</script>"), "channel": Text('=HYPERLINK("http://x","y")')}]},
    )
    token = csrf_of(client)
    page = client.post(
        "/check", data={"csrf": token}, files={"file": ("<img src=x onerror=alert(1)>.xlsx", hostile.read_bytes())}
    )
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;.xlsx" in page.text
    assert "=HYPERLINK(&#34;http://x&#34;,&#34;y&#34;)" in page.text or "=HYPERLINK(&quot;http://x" in page.text


def test_download_names_are_sanitised(client):
    answer = client.post("/api/report", files=upload(SAMPLE_FR, 'C:\\x\\..\\é"vil;\r\n name.xlsx'), headers=API)
    assert answer.status_code == 200
    value = answer.headers["content-disposition"]
    assert "\r" not in value and "\n" not in value and "\\" not in value
    ascii_part = re.search(r'filename="([^"]*)"', value).group(1)
    assert re.fullmatch(r"[A-Za-z0-9._ -]+", ascii_part) and ascii_part.endswith("-rapport.xlsx")
    assert "filename*=UTF-8''" in value


def test_rules_pages(client):
    page = client.get("/rules/MP503")
    assert page.status_code == 200 and "Pourquoi" in page.text
    assert client.get("/rules/MP503?lang=en").text.count("Why") >= 1
    assert client.get("/rules/MP999").status_code == 404
    assert client.get("/rules").text.count('class="rule"') > 60


def test_compare_page(client, tmp_path):
    old = fill(SAMPLE_FR, tmp_path / "avant.xlsx", {"actions": [{"cost": 99999}]})
    token = csrf_of(client)
    files = {"old": ("avant.xlsx", old.read_bytes()), "new": ("après.xlsx", SAMPLE_FR.read_bytes())}
    page = client.post("/compare", data={"csrf": token}, files=files)
    assert page.status_code == 200
    assert "Entre avant.xlsx et après.xlsx" in page.text and "→" in page.text


def test_unknown_page_is_a_page(client):
    answer = client.get("/nothing-here")
    assert answer.status_code == 404 and "page introuvable" in answer.text


# -- who may be served ----------------------------------------------------------------------------------------


def test_without_token_only_this_machine(tmp_path):
    app = create_app(Settings(workers=1, tmp_root=str(tmp_path)))
    remote = TestClient(app, base_url="http://192.168.1.20:8765", client=("192.168.1.7", 50000))
    assert remote.get("/").status_code == 403
    rebinding = TestClient(app, base_url="http://evil.example:8765", client=("127.0.0.1", 50000))
    assert rebinding.get("/").status_code == 403  # DNS rebinding: a loopback client, a foreign Host
    assert TestClient(app, base_url="http://localhost:8765", client=("127.0.0.1", 50000)).get("/").status_code == 200


def test_token_login(tmp_path):
    token = "s3cret-token-for-tests"
    app = create_app(Settings(workers=1, tmp_root=str(tmp_path), token=token))
    with TestClient(app, base_url="https://plans.example", client=("10.1.2.3", 50000)) as remote:
        first = remote.get("/", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/login"
        assert remote.post("/api/validate", files=upload(SAMPLE_FR), headers=API).status_code == 401
        login = remote.get("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
        wrong = remote.post("/login", data={"csrf": csrf, "token": "nope"}, follow_redirects=False)
        assert wrong.status_code == 401 and "Jeton incorrect" in wrong.text
        right = remote.post("/login", data={"csrf": csrf, "token": token}, follow_redirects=False)
        assert right.status_code == 303
        cookie = right.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" in cookie and token not in cookie
        assert remote.get("/").status_code == 200
        assert remote.post("/api/validate", files=upload(SAMPLE_FR), headers=API).status_code == 200
    with TestClient(app, base_url="https://plans.example", client=("10.1.2.3", 50000)) as script:
        bearer = {**API, "Authorization": f"Bearer {token}"}
        assert script.post("/api/validate", files=upload(SAMPLE_FR), headers=bearer).status_code == 200
        assert script.get("/static/style.css").status_code == 200  # the login page's own assets


def test_serve_refuses_the_network_without_a_token(monkeypatch):
    monkeypatch.delenv("MPLAN_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--lang", "en"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "mplan: --host 0.0.0.0 would open the server to the network: give --token (or MPLAN_TOKEN) first"
    ]
    short = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--token", "abc", "--lang", "fr"])
    assert short.exit_code == 2 and "12 caractères" in short.output


# -- what the security review found (each was a 500, a leak or a wrong refusal) --------------------------------


def test_malformed_headers_are_refusals_not_crashes(tmp_path, capfd):
    app = create_app(Settings(workers=1, tmp_root=str(tmp_path)))
    bad_host = TestClient(app, **LOCAL).get("/", headers={"host": "["})
    assert bad_host.status_code == 403 and "content-security-policy" in bad_host.headers
    token_app = create_app(Settings(workers=1, tmp_root=str(tmp_path), token="s3cret-token-for-tests"))
    remote = TestClient(token_app, base_url="https://plans.example", client=("10.1.2.3", 50000))
    odd_cookie = {"cookie": "mplan_session=\u00e9".encode("latin-1")}
    assert remote.get("/", headers=odd_cookie, follow_redirects=False).status_code == 303
    assert "Traceback" not in capfd.readouterr().err


def test_unreadable_origin_is_another_site(client):
    token = csrf_of(client)
    answer = client.post("/logout", data={"csrf": token}, headers={"Origin": "http://["})
    assert answer.status_code == 403
    check = client.post("/check", data={"csrf": token}, files=upload(SAMPLE_FR), headers={"Origin": "http://["})
    assert check.status_code == 403


def test_form_from_another_site_is_refused_before_its_body(client):
    client.cookies.clear()
    answer = client.post("/check", files=upload(SAMPLE_FR))  # no CSRF cookie at all
    assert answer.status_code == 403


@pytest.mark.parametrize("name", ["plan", "plan.xlsx.bak", "p" * 130 + ".xlsx"])
def test_report_takes_any_file_name(client, name):
    answer = client.post("/api/report", files=upload(SAMPLE_FR, name), headers=API)
    assert answer.status_code == 200, answer.text
    assert openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True).sheetnames[1] == "Synthèse"


def test_report_of_a_text_file_says_what_it_is(client):
    answer = client.post("/api/report", files={"file": ("notes.txt", b"hello, world\n")}, headers=API)
    assert answer.status_code == 422
    message = answer.json()["error"]["message"]
    assert message.startswith("notes.txt") and "in1" not in message and "out." not in message


def test_repeated_file_field_and_long_boundary_are_400(client):
    files = [("file", ("a.xlsx", b"x")), ("file", ("b.xlsx", b"y"))]
    assert client.post("/api/validate", files=files, headers=API).status_code == 400
    body = b"--" + b"b" * 5000 + b"\r\n"
    headers = {**API, "content-type": "multipart/form-data; boundary=" + "b" * 5000}
    assert client.post("/api/validate", content=body, headers=headers).status_code == 400


def test_language_link_stays_on_this_site(client):
    page = client.get("//evil.example/x")
    link = re.search(r'<a class="lang" href="([^"]+)"', page.text).group(1)
    assert link.startswith("/") and not link.startswith("//")


def test_only_static_files_found_are_cacheable(client):
    assert client.get("/static/nothing.css").headers["cache-control"] == "no-store"
    assert "max-age" in client.get("/static/style.css").headers["cache-control"]


def test_head_of_a_form_page(client):
    assert client.head("/compare").status_code == 200


def test_login_expires():
    from mplan_xl.web.security import SESSION_HOURS, session_ok, session_value

    value = session_value("s3cret-token-for-tests", now=1_000_000)
    assert session_ok(value, "s3cret-token-for-tests", now=1_000_000 + 3600)
    assert not session_ok(value, "s3cret-token-for-tests", now=1_000_000 + SESSION_HOURS * 3600 + 1)
    assert not session_ok(value, "another-token-for-tests", now=1_000_000 + 60)
    assert not session_ok("1000000.deadbeef", "s3cret-token-for-tests", now=1_000_000)


def test_remote_refusal_without_token_is_json_for_the_api(tmp_path):
    app = create_app(Settings(workers=1, tmp_root=str(tmp_path)))
    remote = TestClient(app, base_url="http://192.168.1.20:8765", client=("192.168.1.7", 50000))
    answer = remote.post("/api/validate", headers=API)
    assert answer.status_code == 403 and "MPLAN_TOKEN" in answer.json()["error"]["message"]


def test_unusable_tmpdir_is_refused_at_start(tmp_path):
    from mplan_xl.errors import UsageError

    with pytest.raises(UsageError, match="MPLAN_TMPDIR"):
        Settings.from_env({"MPLAN_TMPDIR": str(tmp_path / "missing")})


def test_uvicorn_with_several_workers_shares_nothing(tmp_path):
    """`uvicorn mplan_xl.web:app --workers 2`: a page got from one process and its form posted to another
    work together, since nothing is kept between requests (the CSRF check is a double-submit cookie)."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    from .webserver import free_port

    port = free_port()
    root = tmp_path / "tmp"
    root.mkdir()
    env = {**os.environ, "MPLAN_TMPDIR": str(root), "MPLAN_JOB_WORKERS": "1"}
    command = [sys.executable, "-m", "uvicorn", "mplan_xl.web:app", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        for _ in range(6):  # new connections: the kernel spreads them over both processes
            with httpx.Client(base_url=url, timeout=30) as browser:
                csrf = re.search(r'name="csrf" value="([^"]+)"', browser.get("/").text).group(1)
            with httpx.Client(base_url=url, timeout=30, cookies={"mplan_csrf": csrf}) as again:
                page = again.post("/check", data={"csrf": csrf}, files=upload(SAMPLE_FR))
                assert page.status_code == 200 and "MP803" in page.text
        assert list(root.iterdir()) == []
    finally:
        server.terminate()
        server.wait(15)


def test_serve_open_opens_the_page_in_the_browser(tmp_path):
    """`mplan serve --open` opens the page once the server answers (the browser: $BROWSER, here a script)."""
    import sys
    import time

    from .webserver import served

    seen = tmp_path / "opened.txt"
    opener = tmp_path / "opener.py"
    opener.write_text(f"import sys\nopen({str(seen)!r}, 'w').write(sys.argv[1])\n")
    with served(tmp_path, "--open", env={"BROWSER": f"{sys.executable} {opener} %s"}) as server:
        for _ in range(100):
            if seen.exists() and seen.read_text():
                break
            time.sleep(0.1)
        assert seen.read_text() == server.url
