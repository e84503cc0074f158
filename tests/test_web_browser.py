"""`mplan serve` in a real browser (issue 16, point 4): headless Chromium driven by Selenium against a
real server started once for the module (tests/webserver.py).

What a manager does, in French and in English: create a template from the home form, upload her plan
through the file input, read the verdict and the findings, filter them, download the reported workbook
and the calendar. Then the same without JavaScript, a hostile plan, the keyboard alone, a phone-sized
and a desktop window, and a file that is not a workbook.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package (test extra); the module is
skipped with the reason when one is missing, except under CI (the variable CI set), where it fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from mplan_xl import load

from .webserver import CHROMEDRIVER, CHROMIUM, Server, served
from .webserver import chrome as new_chrome

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {"fr": ROOT / "samples" / "exemple-fr.xlsx", "en": ROOT / "samples" / "example-en.xlsx"}
CONTRACT = json.loads((ROOT / "docs" / "contract.json").read_text(encoding="utf-8"))


def _require(found: object, what: str) -> None:
    if found:
        return
    reason = f"browser tests need {what}"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: installing it is part of .ci/run)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


_require(CHROMIUM, "Chromium (Debian: apt-get install chromium)")
_require(CHROMEDRIVER, "chromedriver (Debian: apt-get install chromium-driver)")
if os.environ.get("CI"):
    import selenium  # noqa: F401 - fails loudly under CI
else:
    pytest.importorskip("selenium", reason="browser tests need selenium (pip install -e '.[test]')")

from selenium.common.exceptions import NoAlertPresentException, TimeoutException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 30  # seconds: a check or a report of the sample takes well under one on a quiet machine

# The words the pages and the workbooks use, per language (the pages' words are in mplan_xl/web/words.py).
WORDS = {
    "fr": {
        "verdict": "En une ligne",
        "report": "Classeur avec le rapport (.xlsx)",
        "ics": "Calendrier (.ics)",
        "report_file": "exemple-fr-rapport.xlsx",
        "ics_file": "exemple-fr.ics",
        "template_file": "exemple-plan-marketing.xlsx",
        "late": ("1 Objectifs", "A6", "MP803", "Objectif O2 en retard"),
        "sheet": "Onglet",
        "download": "Télécharger le modèle",
    },
    "en": {
        "verdict": "In one line",
        "report": "Workbook with the report (.xlsx)",
        "ics": "Calendar (.ics)",
        "report_file": "example-en-report.xlsx",
        "ics_file": "example-en.ics",
        "template_file": "example-marketing-plan.xlsx",
        "late": ("1 Objectives", "A6", "MP803", "Objective O2 off track"),
        "sheet": "Sheet",
        "download": "Download the template",
    },
}


def sheet_names(lang: str, generated: bool) -> list[str]:
    """The contract's sheet names in one language: the user's sheets, or the three a report adds."""
    return [s[lang] for s in CONTRACT["sheets"].values() if s["generated"] == generated]


# -- the browser ----------------------------------------------------------------------------------------------


def chrome(profile: Path, downloads: Path, *, javascript: bool = True, language: str = "fr-FR,fr") -> WebDriver:
    """A headless Chromium with its own fresh profile, downloading into `downloads` without asking."""
    driver = new_chrome(profile, downloads, javascript=javascript, language=language)
    driver.set_page_load_timeout(WAIT)
    return driver


def downloads_into(driver: WebDriver, folder: Path) -> Path:
    """Headless Chromium lands downloads only when told so through the DevTools protocol."""
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    return folder


def downloaded(driver: WebDriver, folder: Path, name: str) -> Path:
    """The file once its download is complete (Chromium writes `.crdownload` and renames it at the end)."""
    path = folder / name
    try:
        WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
            lambda _: path.exists() and not any(p.suffix == ".crdownload" for p in folder.iterdir())
        )
    except TimeoutException:
        status = " / ".join(s.text for s in driver.find_elements(By.CSS_SELECTOR, ".status") if s.text)
        landed = sorted(p.name for p in folder.iterdir())
        raise AssertionError(f"{name} not downloaded into {folder} (found {landed}; page says {status!r})") from None
    return path


def wait_for(driver: WebDriver, css: str) -> WebElement:
    return WebDriverWait(driver, WAIT, poll_frequency=0.1).until(
        lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, css)), False), f"nothing matches {css!r}"
    )


def check(driver: WebDriver, plan: Path) -> None:
    """Pick the plan in the home form's file input and submit; wait for the result page."""
    driver.find_element(By.ID, "file").send_keys(str(plan))
    driver.find_element(By.CSS_SELECTOR, "#check-form button[type=submit]").click()
    try:
        wait_for(driver, "#result .verdict")
    except TimeoutException:
        raise AssertionError(f"no result page: {driver.find_element(By.TAG_NAME, 'main').text[:500]}") from None


def console_errors(driver: WebDriver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def button(driver: WebDriver, text: str) -> WebElement:
    found = [b for b in driver.find_elements(By.TAG_NAME, "button") if b.text.strip() == text]
    assert found, f"no button {text!r}"
    return found[0]


# -- fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    with served(tmp_path_factory.mktemp("web-browser")) as running:
        yield running
        assert running.leftovers() == [], "a request left files in the server's temporary root"


@pytest.fixture(scope="module")
def browsers(tmp_path_factory) -> Iterator[Callable[..., WebDriver]]:
    """Start browsers on demand (each with a fresh profile); quit them all at the end of the module."""
    started: list[WebDriver] = []
    root = tmp_path_factory.mktemp("browsers")

    def start(**options) -> WebDriver:
        n = len(started)
        driver = chrome(root / f"profile-{n}", root / f"downloads-{n}", **options)
        started.append(driver)
        return driver

    try:
        yield start
    finally:
        for driver in started:
            with contextlib.suppress(Exception):
                driver.quit()


@pytest.fixture(scope="module")
def shared_browser(browsers) -> WebDriver:
    """One JavaScript-enabled browser whose language prefers French, reused by most tests."""
    return browsers()


@pytest.fixture
def browser(shared_browser: WebDriver, server: Server, tmp_path: Path) -> WebDriver:
    """The shared browser made fresh for a test: no cookie, a desktop window, downloads into tmp_path."""
    driver = shared_browser
    driver.get("about:blank")  # not /healthz: for a page without an icon Chromium asks for /favicon.ico
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.set_window_size(1280, 900)
    downloads_into(driver, tmp_path / "downloads")
    driver.get_log("browser")  # forget what earlier tests logged
    return driver


# -- 1 and 2: a manager's round trip, in French and in English -----------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_create_check_and_download(browser: WebDriver, server: Server, tmp_path: Path, lang: str):
    words = WORDS[lang]
    downloads = tmp_path / "downloads"
    browser.get(server.url)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"  # the browser prefers French
    if lang == "en":
        browser.find_element(By.CSS_SELECTOR, "nav a.lang").click()  # the switch on the page
        WebDriverWait(browser, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")

    # Create a template: the workbook's language, its length, with the example plan.
    assert browser.find_element(By.CSS_SELECTOR, "#t-lang option:checked").get_attribute("value") == lang
    start = date.fromisoformat(browser.find_element(By.ID, "t-start").get_attribute("value"))
    months = browser.find_element(By.ID, "t-months")
    months.clear()
    months.send_keys("6")
    browser.find_element(By.CSS_SELECTOR, "input[name=example]").click()
    button(browser, words["download"]).click()
    made = downloaded(browser, downloads, words["template_file"])
    template = openpyxl.load_workbook(made, read_only=True)
    assert template.sheetnames[: len(sheet_names(lang, False))] == sheet_names(lang, False)
    assert not set(sheet_names(lang, True)) & set(template.sheetnames)
    template.close()
    plan = load(made)
    assert (plan.setting("period_start"), plan.setting("period_end")) == (start, date(start.year, 6, 30))
    assert len(list(plan.rows("actions"))) > 10  # the example plan

    # Check the sample: the verdict, the counts, the findings grouped by sheet.
    check(browser, SAMPLES[lang])
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    verdict = browser.find_element(By.CSS_SELECTOR, ".verdict")
    assert verdict.text.startswith(words["verdict"]) and len(verdict.text) > len(words["verdict"]) + 5
    counts = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "p.counts .badge")]
    assert len(counts) == 3 and all(re.match(r"^\d+ \S", c) for c in counts), counts
    n_error, n_warning, n_info = (int(c.split()[0]) for c in counts)
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.finding")
    assert len(rows) == n_error + n_warning + n_info > 0
    sheet, cell, code, message = words["late"]
    group = browser.find_element(By.CSS_SELECTOR, f"section.sheet[aria-label='{words['sheet']} {sheet}']")
    assert group.find_element(By.TAG_NAME, "h3").text.startswith(sheet)
    late = [
        r
        for r in group.find_elements(By.CSS_SELECTOR, "tr.finding")
        if r.find_element(By.CSS_SELECTOR, ".cell").text == cell
    ]
    assert late, f"no finding at {sheet}!{cell}"
    assert late[0].find_element(By.CSS_SELECTOR, "a").text == code
    assert late[0].find_element(By.CSS_SELECTOR, ".message").text.startswith(message)
    assert late[0].find_element(By.CSS_SELECTOR, ".hint").text.startswith("→ ")

    # The filter by severity: unchecking the warnings hides their rows, and only theirs.
    warnings = [r for r in rows if r.get_attribute("data-severity") == "warning"]
    others = [r for r in rows if r.get_attribute("data-severity") != "warning"]
    assert warnings and others
    box = browser.find_element(By.CSS_SELECTOR, "#filter input[value=warning]")
    box.click()
    assert not any(r.is_displayed() for r in warnings)
    assert all(r.is_displayed() for r in others)
    box.click()
    assert all(r.is_displayed() for r in warnings)

    # The workbook with its report: the user's sheets, then the three generated ones.
    button(browser, words["report"]).click()
    reported = openpyxl.load_workbook(downloaded(browser, downloads, words["report_file"]), read_only=True)
    original = openpyxl.load_workbook(SAMPLES[lang], read_only=True)
    assert [s for s in reported.sheetnames if s not in sheet_names(lang, True)] == original.sheetnames
    assert set(sheet_names(lang, True)) <= set(reported.sheetnames)
    reported.close()
    original.close()

    # The calendar.
    button(browser, words["ics"]).click()
    ics = downloaded(browser, downloads, words["ics_file"]).read_text(encoding="utf-8")
    lines = ics.splitlines()
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") > 0
    assert console_errors(browser) == []


# -- 3: without JavaScript --------------------------------------------------------------------------------------


def test_without_javascript(browsers, server: Server, tmp_path: Path):
    """The home form posts, the server renders the result page, the download form asks for the file again."""
    driver = browsers(javascript=False)
    downloads = downloads_into(driver, tmp_path / "downloads")
    driver.get(server.url)
    assert "ready" not in (driver.find_element(By.ID, "drop").get_attribute("class") or "")  # app.js did not run
    check(driver, SAMPLES["fr"])
    assert driver.current_url == server.url + "check"  # a real page, rendered on the server
    assert driver.find_element(By.CSS_SELECTOR, ".verdict").text.startswith("En une ligne")
    rows = driver.find_elements(By.CSS_SELECTOR, "tr.finding")
    counts = [int(b.text.split()[0]) for b in driver.find_elements(By.CSS_SELECTOR, "p.counts .badge")]
    assert len(rows) == sum(counts) > 0

    # The severity filter still works (a CSS rule, no script).
    warnings = [r for r in rows if r.get_attribute("data-severity") == "warning"]
    driver.find_element(By.CSS_SELECTOR, "#filter input[value=warning]").click()
    assert warnings and not any(r.is_displayed() for r in warnings)
    assert all(r.is_displayed() for r in rows if r not in warnings)

    # The download form asks for the file again, and answers with the workbook and its report.
    again = driver.find_element(By.ID, "again-file")
    assert again.is_displayed()
    label = driver.find_element(By.CSS_SELECTOR, "label[for=again-file]")
    assert label.is_displayed() and "à nouveau" in label.text
    again.send_keys(str(SAMPLES["fr"]))
    button(driver, WORDS["fr"]["report"]).click()
    reported = openpyxl.load_workbook(downloaded(driver, downloads, WORDS["fr"]["report_file"]), read_only=True)
    assert set(sheet_names("fr", True)) <= set(reported.sheetnames)
    reported.close()


# -- 4: a hostile plan ------------------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","y")'
PLAN_NAME = '<img src=x onerror="alert(2)"> Plan <b>gras</b>'
OBJECTIVE = "<svg onload=f()>"  # short enough for the objectives' chart, which cuts long names


def hostile_plan(folder: Path) -> Path:
    """A copy of the French sample whose first action is named like a script, with a formula-like channel
    (typed as text), an HTML plan name and objective: what an upload may carry."""
    path = folder / "hostile.xlsx"
    workbook = openpyxl.load_workbook(SAMPLES["fr"])
    actions = workbook["6 Actions"]
    assert (actions["A4"].value, actions["B4"].value, actions["F4"].value) == ("ID", "Action", "Canal")
    actions["B5"] = SCRIPT
    actions["F5"] = FORMULA
    actions["F5"].data_type = "s"  # the text itself, not a formula
    objectives = workbook["1 Objectifs"]
    assert (objectives["A4"].value, objectives["B4"].value) == ("ID", "Objectif")
    objectives["B5"] = OBJECTIVE
    settings = workbook["Paramètres"]
    assert settings["A5"].value == "Nom du plan"
    settings["B5"] = PLAN_NAME
    workbook.save(path)
    return path


def test_hostile_plan_shown_as_text(browser: WebDriver, server: Server, tmp_path: Path):
    browser.get(server.url)
    check(browser, hostile_plan(tmp_path))
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 - reading it is the check
    assert browser.find_element(By.TAG_NAME, "h1").text == PLAN_NAME
    messages = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "tr.finding .message")]
    assert any(FORMULA in m for m in messages), messages
    main = browser.find_element(By.TAG_NAME, "main")
    labels = [t.get_attribute("textContent") for t in main.find_elements(By.CSS_SELECTOR, ".chart svg text")]
    # the charts, drawn on the server: the objectives' one, and the channels' one (whose labels are cut)
    assert f"O1 · {OBJECTIVE}" in labels, labels
    assert any(label.startswith(FORMULA[:12]) for label in labels), labels
    assert main.find_elements(By.TAG_NAME, "script") == []
    assert main.find_elements(By.CSS_SELECTOR, "img, b, svg svg, [onload], [onerror]") == []
    assert not main.find_elements(By.CSS_SELECTOR, "a[href^='http://x']")
    errors = console_errors(browser)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused to" in e], errors
    assert errors == []


# -- 5: the keyboard alone --------------------------------------------------------------------------------------


def focus_path(driver: WebDriver, last: WebElement, limit: int = 30) -> list[WebElement]:
    """The elements TAB reaches from the top of the page up to `last`, each once (a date field takes
    several TABs: one per part of the date)."""
    reached: list[WebElement] = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        if not reached or reached[-1] != active:
            reached.append(active)
        if active == last:
            return reached
    raise AssertionError(f"TAB never reached {last.tag_name} {last.text!r}")


UNLABELLED = r"""
const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const named = (el) => {
  const aria = (el.getAttribute("aria-label") || "").trim();
  if (aria) return true;
  const by = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
  if (by.some((id) => visible(document.getElementById(id)) && document.getElementById(id).innerText.trim())) return true;
  if (Array.from(el.labels || []).some((l) => visible(l) && l.innerText.trim())) return true;
  if (["A", "BUTTON", "SUMMARY"].includes(el.tagName)) return el.innerText.trim() !== "";
  return false;
};
return Array.from(document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary"))
  .filter(visible).filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 120));
"""


def test_keyboard_navigation(browser: WebDriver, server: Server):
    browser.get(server.url)
    submit = browser.find_element(By.CSS_SELECTOR, "#check-form button[type=submit]")
    path = focus_path(browser, submit)
    expected = [
        browser.find_element(By.CSS_SELECTOR, "a.skip"),
        browser.find_element(By.CSS_SELECTOR, "a.brand"),
        *browser.find_elements(By.CSS_SELECTOR, "header nav a"),
        browser.find_element(By.ID, "file"),
        browser.find_element(By.ID, "today"),
        submit,
    ]
    assert [e.get_attribute("outerHTML")[:60] for e in path] == [e.get_attribute("outerHTML")[:60] for e in expected]
    assert path == expected
    assert browser.execute_script(UNLABELLED) == []

    # The skip link shows when focused, and leads to the content.
    browser.get(server.url)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class") == "skip" and skip.is_displayed()
    assert browser.execute_script("return arguments[0].getBoundingClientRect().left", skip) >= 0

    # ENTER on the submit button submits (the file picked first: a dialog TAB does not drive).
    browser.get(server.url)
    browser.find_element(By.ID, "file").send_keys(str(SAMPLES["fr"]))
    submit = browser.find_element(By.CSS_SELECTOR, "#check-form button[type=submit]")
    path = focus_path(browser, submit)
    assert path[-1] == submit
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_for(browser, "#result .verdict")
    assert browser.execute_script(UNLABELLED) == []
    # The script moves the focus to the result's heading, for screen readers.
    assert browser.switch_to.active_element.tag_name == "h1"


# -- 6: a phone and a desktop ----------------------------------------------------------------------------------


# clientWidth: the window's width less its vertical scroll bar
NO_SIDEWAYS_SCROLL = (
    "const root = document.documentElement;"
    "return root.scrollWidth <= window.innerWidth && root.scrollWidth <= root.clientWidth;"
)
TOO_WIDE = """return Array.from(document.querySelectorAll("body *"))
  .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
  .map((e) => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)).slice(0, 10);"""


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_result_fits_the_window(browser: WebDriver, server: Server, size: tuple[int, int]):
    browser.set_window_size(*size)
    browser.get(server.url)
    assert browser.execute_script("return window.innerWidth") == size[0]
    assert browser.execute_script(NO_SIDEWAYS_SCROLL), browser.execute_script(TOO_WIDE)
    check(browser, SAMPLES["fr"])
    width = browser.execute_script("return window.innerWidth")
    assert width == size[0]
    assert browser.execute_script(NO_SIDEWAYS_SCROLL), browser.execute_script(TOO_WIDE)
    # Readable findings: every message inside the window, at least 16 characters wide, in a legible size.
    for box in browser.execute_script(
        """return Array.from(document.querySelectorAll("tr.finding .message")).map((m) => {
             const r = m.parentElement.getBoundingClientRect();
             return {left: r.left, right: r.right, width: r.width, font: parseFloat(getComputedStyle(m).fontSize)};
           });"""
    ):
        assert 0 <= box["left"] and box["right"] <= width, box
        assert box["width"] >= min(0.8 * width, 300), box
        assert box["font"] >= 14, box
    assert browser.find_elements(By.CSS_SELECTOR, "tr.finding")[0].is_displayed()


# -- 7: not a workbook ------------------------------------------------------------------------------------------


def test_not_a_workbook(browser: WebDriver, server: Server, tmp_path: Path):
    fake = tmp_path / "plan.xlsx"
    fake.write_text("Ceci n'est pas un classeur, juste du texte.\n", encoding="utf-8")
    browser.get(server.url)
    browser.find_element(By.ID, "file").send_keys(str(fake))
    browser.find_element(By.CSS_SELECTOR, "#check-form button[type=submit]").click()
    error = wait_for(browser, "main p.error")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Impossible de traiter la demande"
    assert error.get_attribute("role") == "alert"
    assert error.text.startswith("plan.xlsx : ce n'est pas un classeur Excel"), error.text
    answers = [line for line in server.log.read_text().splitlines() if '"POST /check ' in line]
    status = int(answers[-1].split('" ')[1].split()[0])
    assert 400 <= status < 500, answers[-1]
