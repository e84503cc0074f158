"""Load and faults of `mplan serve` (issue 16, point 5), on a real server in a subprocess (tests/webserver.py).

- concurrent uploads are answered exactly as `mplan validate --format json` / `mplan report` answer;
- the hostile corpus (tests/corpus/make_corpus.py and the realworld builders), file by file: what the CLI
  refuses is a clear 4xx naming the uploaded file (never the server's folder), what it reads is the CLI's
  JSON, and the server answers the sample correctly after each;
- the limits: upload size (413, with or without Content-Length), job time and job memory (422), the next
  request served each time;
- a client gone mid-upload or mid-job leaves no file, nor does any other request;
- 200 uploads in a row do not grow the server's memory.

The benchmark with the latency figures is benchmarks/web.py.
"""

from __future__ import annotations

import io
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from mplan_xl.cli import cli
from mplan_xl.i18n import Number
from mplan_xl.web import jobs

from .conftest import ROOT
from .test_realworld import dangling_relationship, strict, truncated_sheet, without
from .webserver import Server, served

SAMPLE = ROOT / "samples" / "exemple-fr.xlsx"
NAME = "exemple-fr.xlsx"
TODAY = "2027-06-30"
FIELDS = {"today": TODAY, "lang": "fr"}
API = {"X-Mplan": "1"}
TIMEOUT = 60.0  # per request: far above any answer, so a hang fails the test instead of blocking it
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


# -- what the CLI says, in this process --------------------------------------------------------------------


def cli_validate(path: Path, name: str) -> tuple[int, dict | str]:
    """`mplan validate PATH --format json`: (exit code, its JSON with `file` as name) or (2, its error line
    without the `mplan: ` prefix, the path written as name)."""
    result = CliRunner().invoke(cli, ["validate", str(path), "--format", "json", "--today", TODAY, "--lang", "fr"])
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        lines = [line for line in result.stderr.splitlines() if line.startswith("mplan: ")]
        assert len(lines) == 1, result.stderr
        return 2, lines[0].removeprefix("mplan: ").replace(str(path), name)
    data = json.loads(result.stdout)
    data["file"] = name
    return result.exit_code, data


def sheet_names(workbook: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        root = ET.fromstring(archive.read("xl/workbook.xml"))
    return [sheet.get("name", "") for sheet in root.iter(f"{M}sheet")]


@pytest.fixture(scope="module")
def expected() -> dict:
    code, data = cli_validate(SAMPLE, NAME)
    assert code in (0, 1) and isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory.mktemp("web")) as server:
        yield server


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory) -> Path:
    """A plan of 5,000 actions (benchmarks/make_plan.py): its report takes seconds, far past 0.5 s."""
    path = tmp_path_factory.mktemp("big") / "plan5k.xlsx"
    command = [sys.executable, str(ROOT / "benchmarks" / "make_plan.py"), "5000", str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return path


# -- talking to the server ---------------------------------------------------------------------------------


def post(
    client: httpx.Client,
    server: Server,
    data: bytes,
    name: str = NAME,
    what: str = "validate",
    fields: dict = FIELDS,
    **headers: str,
) -> httpx.Response:
    return client.post(
        server.url + f"api/{what}", headers={**API, **headers}, files={"file": (name, data)}, data=fields
    )


def answers_the_sample(client: httpx.Client, server: Server, expected: dict) -> None:
    answer = post(client, server, SAMPLE.read_bytes())
    assert answer.status_code == 200, answer.text
    assert answer.json() == expected


def no_leftovers(server: Server, wait: float = 5.0) -> None:
    """The requests' private folders are all gone (within `wait` seconds: a cancelled job's folder goes
    once its handler has unwound)."""
    deadline = time.monotonic() + wait
    while server.leftovers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.leftovers() == []


def refusal(answer: httpx.Response, server: Server, *names: str) -> str:
    """A clear 4xx: JSON naming its status, a message naming the file, nothing of the server's folders."""
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:300])
    body = answer.json()
    assert set(body) == {"error"} and body["error"]["status"] == answer.status_code
    message = body["error"]["message"]
    assert message and "Traceback" not in message
    for name in names:
        assert name in message, message
    assert str(server.tmp_root) not in answer.text and "mplan-web-" not in answer.text
    return message


# -- 1. concurrent uploads ---------------------------------------------------------------------------------


def in_parallel(count: int, work) -> list:
    """work(i) for i in range(count), all threads released at once."""
    start = threading.Barrier(count)

    def task(i: int):
        start.wait()
        return work(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(task, range(count)))


def test_twenty_concurrent_validations_answer_the_cli_json(server, expected):
    data = SAMPLE.read_bytes()
    with httpx.Client(timeout=TIMEOUT, limits=httpx.Limits(max_connections=20)) as client:
        answers = in_parallel(20, lambda i: post(client, server, data))
    assert [a.status_code for a in answers] == [200] * 20, [a.text[:200] for a in answers if a.status_code != 200]
    for answer in answers:
        got = answer.json()
        assert got["file"] == NAME and got["counts"] == expected["counts"]
        assert got == expected
    no_leftovers(server)


def test_eight_concurrent_reports_give_the_workbook_with_its_generated_sheets(server, tmp_path):
    out = tmp_path / "reported.xlsx"
    args = ["report", str(SAMPLE), "-o", str(out), "--today", TODAY, "--lang", "fr"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    sheets = sheet_names(out.read_bytes())
    assert len(sheets) > len(sheet_names(SAMPLE.read_bytes()))
    data = SAMPLE.read_bytes()
    with httpx.Client(timeout=TIMEOUT) as client:
        answers = in_parallel(8, lambda i: post(client, server, data, what="report"))
    for answer in answers:
        assert answer.status_code == 200, answer.text[:300]
        assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
        assert "exemple-fr-rapport.xlsx" in answer.headers["content-disposition"]
        assert sheet_names(answer.content) == sheets
    no_leftovers(server)


# -- 2. the hostile corpus ---------------------------------------------------------------------------------


def huge_core_xml(source: Path, target: Path) -> Path:
    """docProps/core.xml inflating to 120 MB inside the ratio limits (test_realworld's bloated core.xml)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in src.infolist():
            if info.filename != "docProps/core.xml":
                archive.writestr(info, src.read(info))
        payload = src.read("docProps/core.xml").replace(b"</cp:coreProperties>", b"")
        spaces = b" " * 16_000
        with archive.open("docProps/core.xml", "w", force_zip64=False) as stream:
            stream.write(payload + b"<!--")
            for _ in range(120_000_000 // len(spaces)):
                stream.write(os.urandom(48).hex().encode() + spaces)
            stream.write(b"--></cp:coreProperties>")
    return target


def declared_gigabyte(source: Path, target: Path) -> Path:
    """A member whose headers declare 1.1 GB once inflated, for 1 kB of data."""
    name = b"xl/media/image1.png"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in src.infolist():
            archive.writestr(info, src.read(info))
        archive.writestr(name.decode(), os.urandom(1000))
    body = bytearray(target.read_bytes())
    patched, at = 0, body.find(name)
    while at != -1:  # the name follows its local header (30 bytes) and its central directory entry (46 bytes)
        for signature, header, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
            if body[at - header : at - header + 4] == signature:
                struct.pack_into("<I", body, at - header + size_at, 1_100_000_000)
                patched += 1
        at = body.find(name, at + 1)
    assert patched == 2
    target.write_bytes(bytes(body))
    with zipfile.ZipFile(target) as archive:
        assert archive.getinfo(name.decode()).file_size == 1_100_000_000
    return target


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[Path], str]:
    folder = tmp_path_factory.mktemp("corpus")
    secret = folder.parent / "secret-outside.txt"
    secret.write_text("MPLAN-SECRET-5e0a77 outside the workbook\n")
    command = [sys.executable, str(ROOT / "tests" / "corpus" / "make_corpus.py"), str(folder), str(secret)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    strict(SAMPLE, folder / "strict_ooxml.xlsx")
    strict(SAMPLE, folder / "strict_far_cell.xlsx", far_cell=True)
    truncated_sheet(SAMPLE, folder / "truncated_sheet_xml.xlsx")
    dangling_relationship(SAMPLE, folder / "dangling_relationship.xlsx")
    without(SAMPLE, folder / "missing_styles.xlsx", "xl/styles.xml")
    huge_core_xml(SAMPLE, folder / "huge_core_xml.xlsx")
    declared_gigabyte(SAMPLE, folder / "member_declared_1gb.xlsx")
    (folder / "renamed_ods.xlsx").write_bytes((folder / "opendocument.ods").read_bytes())
    files = sorted(folder.iterdir())
    assert len(files) >= 40
    return files, secret.read_text().strip()


def test_the_hostile_corpus_file_by_file(server, corpus, expected):
    files, secret = corpus
    failures, refused = [], 0
    with httpx.Client(timeout=TIMEOUT) as client:
        for file in files:
            code, cli_answer = cli_validate(file, file.name)
            start = time.perf_counter()
            answer = post(client, server, file.read_bytes(), name=file.name)
            seconds = time.perf_counter() - start
            try:
                assert secret not in answer.text, "a local file's content was sent"
                assert seconds < 20, f"{seconds:.1f} s"
                if code == 2:
                    refused += 1
                    assert refusal(answer, server, file.name) == cli_answer
                else:
                    assert answer.status_code == 200, answer.text[:300]
                    assert answer.json() == cli_answer
                answers_the_sample(client, server, expected)
                no_leftovers(server)
            except AssertionError as exc:
                failures.append(f"{file.name}: {str(exc).splitlines()[0][:300]}")
    assert not failures, "\n".join(failures)
    assert refused >= 25, "most of the corpus is refused"


def test_a_refusal_is_worded_in_the_lang_field(server, tmp_path):
    """docs/web.md: a refused upload's message is in the `lang` field's language, else the browser's."""
    empty = tmp_path / "vide.xlsx"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["validate", str(empty), "--lang", "en"])
    line = result.stderr.strip().removeprefix("mplan: ").replace(str(empty), empty.name)
    with httpx.Client(timeout=TIMEOUT) as client:
        for what in ("validate", "report", "export?format=json"):
            answer = client.post(
                server.url + f"api/{what}", headers=API, files={"file": (empty.name, b"")}, data={"lang": "en"}
            )
            assert refusal(answer, server, empty.name) == line
        headers = {**API, "accept-language": "en"}
        answer = client.post(server.url + "api/validate", headers=headers, files={"file": (empty.name, b"")})
        assert refusal(answer, server) == line
        answer = post(client, server, b"", name=empty.name, **{"accept-language": "en"})  # lang=fr in the form
        assert refusal(answer, server, empty.name) != line and "vide" in answer.json()["error"]["message"]
    no_leftovers(server)


# -- 3. limits ---------------------------------------------------------------------------------------------


def multipart(boundary: str, name: str, data: bytes) -> tuple[bytes, bytes]:
    """A multipart body's head and tail around a file's bytes."""
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return head, f"\r\n--{boundary}--\r\n".encode()


def test_an_upload_past_the_size_limit_is_413_with_or_without_its_length(tmp_path, expected):
    boundary = "mplan-load-test"
    head, tail = multipart(boundary, "gros.xlsx", b"")
    payload = os.urandom(3 * 1024 * 1024)
    kind = {"content-type": f"multipart/form-data; boundary={boundary}", **API}

    def chunked():
        yield head
        for at in range(0, len(payload), 64 * 1024):
            yield payload[at : at + 64 * 1024]
        yield tail

    with served(tmp_path, env={"MPLAN_MAX_UPLOAD_MB": "1"}) as server, httpx.Client(timeout=TIMEOUT) as client:
        answer = client.post(server.url + "api/validate", headers=kind, content=head + payload + tail)
        assert answer.status_code == 413
        assert "1 Mo" in refusal(answer, server)
        answer = client.post(server.url + "api/validate", headers=kind, content=chunked())
        assert answer.request.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in answer.request.headers
        assert answer.status_code == 413
        assert "1 Mo" in refusal(answer, server)
        answers_the_sample(client, server, expected)
        no_leftovers(server)


def test_a_job_past_the_time_limit_is_422_and_the_next_is_served(tmp_path, big_plan, expected):
    env = {"MPLAN_JOB_SECONDS": "0.5"}
    with served(tmp_path, env=env) as server, httpx.Client(timeout=TIMEOUT) as client:
        answers_the_sample(client, server, expected)  # the workers are warm
        answer = post(client, server, big_plan.read_bytes(), name="plan5k.xlsx", what="report")
        assert answer.status_code == 422
        assert refusal(answer, server) == jobs.TOO_LONG.format("fr", seconds=Number(0.5))
        answer = post(client, server, big_plan.read_bytes(), name="plan5k.xlsx", fields={**FIELDS, "lang": "en"})
        assert answer.status_code == 422
        assert refusal(answer, server) == jobs.TOO_LONG.format("en", seconds=Number(0.5))
        answers_the_sample(client, server, expected)
        no_leftovers(server)


def texts_inflating_to(source: Path, target: Path, megabytes: int) -> Path:
    """The sample with shared strings of that many MB once inflated: under the reader's part limit (256 MB)
    and its ratio limit (200), so only the worker's memory cap stops it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in src.infolist():
            body = src.read(info)
            if info.filename != "xl/sharedStrings.xml":
                archive.writestr(info, body)
                continue
            head, tail = body.rsplit(b"</sst>", 1)
            with archive.open(info.filename, "w", force_zip64=True) as stream:
                stream.write(head)
                filler = b"x" * 10_000
                for _ in range(megabytes * 100):
                    stream.write(b"<si><t>" + os.urandom(48).hex().encode() + filler + b"</t></si>")
                stream.write(b"</sst>" + tail)
    return target


def test_a_job_past_the_memory_cap_is_refused_and_the_next_is_served(tmp_path, expected):
    plan = texts_inflating_to(SAMPLE, tmp_path / "gros-textes.xlsx", 240)
    with served(tmp_path, env={"MPLAN_JOB_MEMORY_MB": "256"}) as server, httpx.Client(timeout=TIMEOUT) as client:
        answers_the_sample(client, server, expected)
        answer = post(client, server, plan.read_bytes(), name=plan.name)
        assert refusal(answer, server) == jobs.TOO_BIG.fr
        answers_the_sample(client, server, expected)
        answer = post(client, server, plan.read_bytes(), name=plan.name, what="report")
        message = refusal(answer, server)
        assert message == jobs.TOO_BIG.fr or plan.name in message
        answers_the_sample(client, server, expected)
        no_leftovers(server)


# -- 4. clients that go away -------------------------------------------------------------------------------


def raw_request(server: Server, length: int, body: bytes) -> socket.socket:
    """A POST to /api/validate declaring `length` bytes of body and sending only `body`."""
    port = int(server.url.rstrip("/").rsplit(":", 1)[1])
    connection = socket.create_connection(("127.0.0.1", port))
    boundary = "mplan-gone"
    head = (
        f"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Mplan: 1\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()
    connection.sendall(head + body)
    return connection


def wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_client_gone_mid_upload_leaves_no_file(server, expected):
    start, _ = multipart("mplan-gone", "parti.xlsx", b"")
    connection = raw_request(server, 5 * 1024 * 1024, start + os.urandom(1024 * 1024))
    try:
        assert wait_for(lambda: any(server.tmp_root.rglob("in1.*"))), "the upload was being saved"
    finally:
        connection.close()
    no_leftovers(server)
    with httpx.Client(timeout=TIMEOUT) as client:
        answers_the_sample(client, server, expected)
    no_leftovers(server)


def test_a_client_gone_while_its_plan_is_processed_leaves_no_file(server, big_plan, expected):
    head, tail = multipart("mplan-gone", "plan5k.xlsx", b"")
    body = head + big_plan.read_bytes() + tail
    connection = raw_request(server, len(body), body)
    try:
        assert wait_for(lambda: any(server.tmp_root.rglob("in1.*"))), "the job has started"
        time.sleep(0.3)
    finally:
        connection.close()
    no_leftovers(server, wait=10)
    with httpx.Client(timeout=TIMEOUT) as client:
        answers_the_sample(client, server, expected)
    no_leftovers(server)


# -- 5. no growth ------------------------------------------------------------------------------------------


def test_two_hundred_uploads_do_not_grow_the_server(server, expected):
    data = SAMPLE.read_bytes()
    memory = []
    with httpx.Client(timeout=TIMEOUT) as client:
        for _batch in range(2):
            for _ in range(100):
                answer = post(client, server, data)
                assert answer.status_code == 200 and answer.json()["counts"] == expected["counts"]
            memory.append(server.rss_kb())
    first, second = memory
    assert second - first <= 30 * 1024, f"grew from {first // 1024} MB to {second // 1024} MB"
    no_leftovers(server)
