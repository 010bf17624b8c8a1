"""The zip container of a workbook package: parts read by name, and a new package written with every part that did
not change copied as its original compressed bytes (local header, data and descriptor byte for byte).

Python's :mod:`zipfile` reads the parts; it has no way to copy an entry without inflating and deflating it again,
so writing is done here (docs/ooxml.md#the-zip-package): the central directory of the source is read once, each kept
entry is copied from its local header up to the next entry, and its central-directory record is copied with only the
offset changed. Changed and new parts are deflated and get fresh records.
"""

from __future__ import annotations

import struct
import time
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterable

_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_ZIP64_EOCD_LOCATOR = b"PK\x06\x07"


class ZipProblem(ValueError):
    """The container cannot be copied safely (a multi-disk or damaged archive)."""


@dataclass
class Entry:
    """One entry of the source archive: its central-directory record as stored, and where its bytes start."""

    name: str
    record: bytes  # the central-directory record, name, extra and comment included
    offset: int  # of its local header


def read_entries(fh: BinaryIO) -> tuple[list[Entry], int, bytes]:
    """The entries of the archive ``fh`` in central-directory order, where the central directory starts, and the
    archive's comment."""
    fh.seek(0, 2)
    size = fh.tell()
    tail_len = min(size, 65_557)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0:
        raise ZipProblem("no end-of-central-directory record")
    (_sig, disk, cd_disk, _n_here, n_total, cd_size, cd_offset, comment_len) = struct.unpack(
        "<4sHHHHIIH", tail[at:at + 22])
    if disk or cd_disk:
        raise ZipProblem("a multi-disk archive")
    if cd_offset == 0xFFFFFFFF or n_total == 0xFFFF or tail[max(0, at - 20):at].startswith(_ZIP64_EOCD_LOCATOR):
        raise ZipProblem("a ZIP64 archive (over 4 GB or 65,535 parts)")
    comment = tail[at + 22:at + 22 + comment_len]
    fh.seek(cd_offset)
    directory = fh.read(cd_size)
    entries = []
    pos = 0
    for _ in range(n_total):
        if directory[pos:pos + 4] != _CENTRAL:
            raise ZipProblem("a damaged central directory")
        flags = struct.unpack_from("<H", directory, pos + 8)[0]
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", directory, pos + 28)
        offset = struct.unpack_from("<I", directory, pos + 42)[0]
        end = pos + 46 + name_len + extra_len + comment_len
        raw_name = directory[pos + 46:pos + 46 + name_len]
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437")
        record = directory[pos:end]
        if offset == 0xFFFFFFFF:
            raise ZipProblem("a ZIP64 entry")
        entries.append(Entry(name, record, offset))
        pos = end
    return entries, cd_offset, comment


@dataclass
class Deflated:
    """A part already compressed (raw deflate), with the checksum and size of its bytes."""

    crc: int
    size: int
    data: bytes


def deflate(chunks: Iterable[bytes], level: int = 6) -> Deflated:
    """Compress a part given as chunks (the chunks are consumed as they come)."""
    deflater = zlib.compressobj(level, zlib.DEFLATED, -15)
    crc, size, out = 0, 0, []
    for chunk in chunks:
        if not chunk:
            continue
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
        out.append(deflater.compress(chunk))
    out.append(deflater.flush())
    return Deflated(crc, size, b"".join(out))


def _dos_time(when: float) -> tuple[int, int]:
    t = time.localtime(when)
    year = max(t.tm_year, 1980)
    return (t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2), ((year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday


class PackageWriter:
    """Writes a new archive: :meth:`copy` an entry of the source as it is, :meth:`write` a part from its bytes
    (or already deflated), then :meth:`close`."""

    def __init__(self, out: BinaryIO, source: BinaryIO, cd_start: int, level: int = 6) -> None:
        self.out = out
        self.source = source
        self.cd_start = cd_start
        self.level = level
        self.records: list[bytes] = []
        self.names: set[str] = set()
        self._ends: dict[int, int] = {}

    def set_source_offsets(self, entries: Iterable[Entry]) -> None:
        """Remember where each source entry ends (at the next entry's local header, or the central directory)."""
        offsets = sorted({e.offset for e in entries})
        for here, following in zip(offsets, offsets[1:] + [self.cd_start]):
            self._ends[here] = following

    def copy(self, entry: Entry) -> None:
        """Copy ``entry`` from the source archive byte for byte; only its offset in the new directory changes."""
        self.source.seek(entry.offset)
        if self.source.read(4) != _LOCAL:
            raise ZipProblem(f"no local header for {entry.name}")
        self.source.seek(entry.offset)
        new_offset = self.out.tell()
        remaining = self._ends[entry.offset] - entry.offset
        while remaining:
            block = self.source.read(min(remaining, 1 << 20))
            if not block:
                raise ZipProblem(f"{entry.name} is cut short")
            self.out.write(block)
            remaining -= len(block)
        record = bytearray(entry.record)
        struct.pack_into("<I", record, 42, new_offset)
        self._add(entry.name, bytes(record))

    def write(self, name: str, data: bytes | Deflated, when: float | None = None) -> None:
        """Add the part ``name`` holding ``data`` (deflated here unless it already is)."""
        if not isinstance(data, Deflated):
            data = deflate([data], self.level)
        if data.size >= 0xFFFFFFFF or len(data.data) >= 0xFFFFFFFF:
            raise ZipProblem(f"{name} is over 4 GB")
        raw_name = name.encode("utf-8")
        flags = 0x800 if not name.isascii() else 0
        dos_time, dos_date = _dos_time(when if when is not None else time.time())
        offset = self.out.tell()
        self.out.write(struct.pack("<4sHHHHHIIIHH", _LOCAL, 20, flags, 8, dos_time, dos_date, data.crc,
                                   len(data.data), data.size, len(raw_name), 0) + raw_name)
        self.out.write(data.data)
        record = struct.pack("<4sHHHHHHIIIHHHHHII", _CENTRAL, 20, 20, flags, 8, dos_time, dos_date, data.crc,
                             len(data.data), data.size, len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name
        self._add(name, record)

    def _add(self, name: str, record: bytes) -> None:
        if name in self.names:
            raise ZipProblem(f"{name} written twice")
        self.names.add(name)
        self.records.append(record)

    def close(self, comment: bytes = b"") -> None:
        """Write the central directory and the end record."""
        start = self.out.tell()
        for record in self.records:
            self.out.write(record)
        size = self.out.tell() - start
        if len(self.records) >= 0xFFFF or start >= 0xFFFFFFFF:
            raise ZipProblem("the package would need ZIP64")
        self.out.write(struct.pack("<4sHHHHIIH", _EOCD, 0, 0, len(self.records), len(self.records), size, start,
                                   len(comment)) + comment)
