"""Request bodies read as a stream into the request's private folder, never past the size cap.

Each request that carries a file gets a folder of its own (mode 0700, under `MPLAN_TMPDIR` or the
system's temporary folder); `request_folder` deletes it when the request ends, whatever happens: an
answer sent, an error, a client gone mid-upload. Files are saved under neutral names (`in1.xlsx`), so a
user's file name never reaches the file system; it is kept, cleaned, to be shown back to her.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, quote

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from ..i18n import Text
from .refusal import Refusal

MAX_FIELD = 64 * 1024  # a text field (date, language, token): far more than any needs
MAX_PARTS = 16
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,5}")


def too_large(limit: int) -> Refusal:
    mb = f"{limit / 1024 / 1024:.3g}"
    return Refusal(
        413,
        Text(
            f"fichier trop volumineux : la limite est de {mb} Mo ; un plan pèse rarement plus de 5 Mo",
            f"file too large: the limit is {mb} MB; a plan rarely weighs more than 5 MB",
        ),
    )


MALFORMED = Text("envoi illisible : choisissez le fichier à nouveau", "unreadable upload: choose the file again")


@dataclass
class Upload:
    field: str
    filename: str  # the user's file name, cleaned, for showing back
    path: Path
    size: int = 0


@dataclass
class Form:
    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)


@contextlib.contextmanager
def request_folder(root: str | None) -> Iterator[Path]:
    """A private folder for one request, deleted on the way out, whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="mplan-web-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def display_name(raw: str, default: str = "plan.xlsx") -> str:
    """A file name to show: its last path part, controls removed, at most 120 characters."""
    name = re.split(r"[\\/]", raw)[-1]
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C").strip()
    name = name.strip(". ")
    if len(name) > 120:  # shortened in its stem: the extension says what the file is
        stem, dot, suffix = name.rpartition(".")
        name = stem[: 119 - len(suffix)] + dot + suffix if dot and len(suffix) <= 5 else name[:120]
    return name or default


def download_name(name: str) -> str:
    """The Content-Disposition value for a download: an ASCII fallback and the UTF-8 name (RFC 6266)."""
    clean = display_name(name, "mplan")
    ascii_name = unicodedata.normalize("NFKD", clean).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]", "_", ascii_name).strip() or "mplan"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(clean, safe='')}"


def _checked_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            if int(length) > limit:
                raise too_large(limit)
        except ValueError:
            raise Refusal(400, MALFORMED) from None


async def read_form(request: Request, folder: Path, limit: int) -> Form:
    """The request's form: text fields, and files saved into folder. Refusal on a malformed or too
    large body (413 as soon as Content-Length, or the bytes received, pass the limit)."""
    _checked_length(request, limit)
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind == b"application/x-www-form-urlencoded":
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > min(limit, MAX_FIELD * 4):
                raise too_large(min(limit, MAX_FIELD * 4))
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_PARTS)
        except (UnicodeDecodeError, ValueError):
            raise Refusal(400, MALFORMED) from None
        return Form(fields=dict(pairs))
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise Refusal(400, MALFORMED)
    reader = _Multipart(folder, limit)
    received = 0
    try:
        parser = MultipartParser(options[b"boundary"], reader.callbacks())
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise too_large(limit)
            parser.write(chunk)
        parser.finalize()
    except (FormParserError, UnicodeDecodeError, ValueError):
        raise Refusal(400, MALFORMED) from None
    finally:
        reader.close()
    if reader.error:
        raise reader.error
    return reader.form


class _Multipart:
    """python-multipart's callbacks: headers, then each part's bytes to a field or straight to its file."""

    def __init__(self, folder: Path, limit: int):
        self.folder, self.limit = folder, limit
        self.form = Form()
        self.error: Refusal | None = None
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._name = ""
        self._data = bytearray()
        self._file: IO[bytes] | None = None
        self._upload: Upload | None = None
        self._parts = 0
        self._files = 0
        self._empty_input = False

    def callbacks(self) -> Any:  # python-multipart's MultipartCallbacks
        return {
            "on_part_begin": self._begin,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_header_field": self._field,
            "on_header_value": self._value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done,
        }

    def _fail(self, error: Refusal) -> None:
        self.error = self.error or error
        raise error

    def _begin(self) -> None:
        self._parts += 1
        if self._parts > MAX_PARTS:
            self._fail(Refusal(400, MALFORMED))
        self._disposition, self._name, self._data, self._upload = b"", "", bytearray(), None

    def _field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"name" not in options:
            self._fail(Refusal(400, MALFORMED))
        self._name = options[b"name"].decode("utf-8", "replace")
        if b"filename" in options:
            if self._name in self.form.files:
                self._fail(Refusal(400, MALFORMED))  # one file per field
            raw = options[b"filename"].decode("utf-8", "replace")
            suffix = Path(re.split(r"[\\/]", raw)[-1].strip(". ")).suffix
            suffix = suffix.lower() if _SUFFIX.fullmatch(suffix) else ".bin"
            self._files += 1
            path = self.folder / f"in{self._files}{suffix}"
            self._upload = Upload(self._name, display_name(raw), path)
            self._empty_input = not raw  # a file input left empty sends a part with no file name
            self._file = open(path, "xb")  # noqa: SIM115 - closed at the part's end or in close()

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None and self._upload is not None:
            self._file.write(data[start:end])
            self._upload.size += end - start
        else:
            self._data += data[start:end]
            if len(self._data) > MAX_FIELD:
                self._fail(Refusal(400, MALFORMED))

    def _part_end(self) -> None:
        if self._upload is not None:
            self.close()
            if self._empty_input and not self._upload.size:
                self._upload.path.unlink(missing_ok=True)
            else:
                self.form.files[self._upload.field] = self._upload
        else:
            self.form.fields[self._name] = self._data.decode("utf-8", "replace")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
