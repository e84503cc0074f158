"""A zip writer that copies members of another zip as their compressed bytes.

The report rewrites a handful of small index parts and adds its own sheets; every other part of the
user's package is copied as it lies in the original file, without inflating and deflating it again
(on a 10,000-action plan that was 0.8 s of the report's time). Python's zipfile has no public way to
copy a member raw, so this writes the zip records itself: a local header, the data, then the central
directory. No ZIP64: a package that would need it (4 GB, 65,535 parts) is refused before, by package.py.
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from types import TracebackType
from typing import BinaryIO

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_UTF8 = 0x800
_LIMIT = 0xFFFFFFFF


def stored_bytes(source: BinaryIO, info: zipfile.ZipInfo) -> bytes:
    """A member's data as stored in the zip (compressed), read from the open binary file `source`."""
    source.seek(info.header_offset)
    header = source.read(_LOCAL.size)
    if len(header) != _LOCAL.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    source.seek(info.header_offset + _LOCAL.size + name_length + extra_length)
    data = source.read(info.compress_size)
    if len(data) != info.compress_size:
        raise zipfile.BadZipFile(f"{info.filename} is truncated")
    return data


class RawZipWriter:
    """Writes a zip file member by member; use as a context manager, like zipfile.ZipFile."""

    def __init__(self, path: str | os.PathLike[str]):
        self.handle = open(path, "wb")
        self.entries: list[tuple] = []

    def __enter__(self) -> RawZipWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            self.handle.close()

    def copy(self, source: BinaryIO, info: zipfile.ZipInfo) -> None:
        """Copy member `info` of the open binary file `source` (a zip) without recompressing it."""
        if info.flag_bits & 0x1:
            raise zipfile.BadZipFile(f"{info.filename} is encrypted")
        data = stored_bytes(source, info)
        made_by = info.create_system << 8 | 20
        self._member(
            info.filename,
            data,
            info.compress_type,
            info.CRC,
            info.file_size,
            info.date_time,
            info.external_attr,
            made_by,
        )

    def write(
        self,
        name: str,
        body: bytes,
        date_time: tuple[int, int, int, int, int, int] = (1980, 1, 1, 0, 0, 0),
        external_attr: int = 0,
    ) -> None:
        """Add a member, deflated."""
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = packer.compress(body) + packer.flush()
        self._member(name, data, zipfile.ZIP_DEFLATED, zlib.crc32(body), len(body), date_time, external_attr)

    def _member(
        self,
        name: str,
        data: bytes,
        method: int,
        crc: int,
        size: int,
        date_time: tuple[int, int, int, int, int, int],
        external_attr: int,
        made_by: int = 20,
    ) -> None:
        offset = self.handle.tell()
        if max(offset, len(data), size) >= _LIMIT:
            raise zipfile.LargeZipFile("the package would need ZIP64")
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else _UTF8
        year, month, day, hour, minute, second = date_time
        dos_date = max(year - 1980, 0) << 9 | month << 5 | day
        dos_time = hour << 11 | minute << 5 | second // 2
        self.handle.write(
            _LOCAL.pack(b"PK\x03\x04", 20, flags, method, dos_time, dos_date, crc, len(data), size, len(encoded), 0)
        )
        self.handle.write(encoded)
        self.handle.write(data)
        self.entries.append(
            (encoded, made_by, flags, method, dos_time, dos_date, crc, len(data), size, external_attr, offset)
        )

    def _finish(self) -> None:
        start = self.handle.tell()
        for encoded, made_by, flags, method, dos_time, dos_date, crc, csize, size, external, offset in self.entries:
            self.handle.write(
                _CENTRAL.pack(
                    b"PK\x01\x02",
                    made_by,
                    20,
                    flags,
                    method,
                    dos_time,
                    dos_date,
                    crc,
                    csize,
                    size,
                    len(encoded),
                    0,
                    0,
                    0,
                    0,
                    external,
                    offset,
                )
            )
            self.handle.write(encoded)
        size = self.handle.tell() - start
        count = len(self.entries)
        if count > 0xFFFF or start >= _LIMIT:
            raise zipfile.LargeZipFile("the package would need ZIP64")
        self.handle.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))
