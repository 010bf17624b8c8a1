"""A large part is inflated by ISA-L only when what it gives is exactly what ``zipfile`` gives; anything else goes
through ``zipfile``, whose refusals tkops reports (``tkops.book.ooxml.inflate``)."""

from __future__ import annotations

import io
import random
import struct
import zipfile

import pytest

from tkops.book.ooxml import inflate
from tkops.book.ooxml.inflate import SMALL, inflated
from tkops.book.ooxml.package import Package, UnreadablePart


def _zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _big(n: int = SMALL * 3) -> bytes:
    rng = random.Random(n)
    return "".join(f'<row r="{i}"><c r="A{i}"><v>{rng.random()}</v></c></row>' for i in range(n // 40)).encode()


def test_a_large_part_is_what_zipfile_gives():
    body = _big()
    data = _zip({"xl/worksheets/sheet1.xml": body, "small.xml": b"<x/>"})
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert inflated(data, archive.getinfo("xl/worksheets/sheet1.xml")) == body == archive.read("xl/worksheets/sheet1.xml")
    assert inflated(data, archive.getinfo("small.xml")) is None  # below SMALL: zipfile reads it


def test_what_isal_does_not_read_is_left_to_zipfile(monkeypatch):
    body = _big()
    stored = _zip({"a.xml": body}, zipfile.ZIP_STORED)
    assert inflated(stored, zipfile.ZipFile(io.BytesIO(stored)).getinfo("a.xml")) is None
    data = _zip({"a.xml": body})
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    monkeypatch.setattr(inflate, "_fast", None)  # python-isal not installed
    assert inflated(data, info) is None


def _entry(data: bytes) -> zipfile.ZipInfo:
    return zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")


def _local_name_changed(data: bytes) -> bytes:
    at = _entry(data).header_offset + 30
    return data[:at] + b"b" + data[at + 1:]  # "a.xml" -> "b.xml" in the local header only


def _crc_changed(data: bytes) -> bytes:
    at = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1) + 16  # a.xml's CRC-32 in the central directory
    crc = struct.unpack("<I", data[at:at + 4])[0] ^ 1
    return data[:at] + struct.pack("<I", crc) + data[at + 4:]


def _deflate_damaged(data: bytes) -> bytes:
    at = _entry(data).header_offset + 30 + len("a.xml") + 1000
    return data[:at] + bytes(b ^ 0xFF for b in data[at:at + 64]) + data[at + 64:]


@pytest.mark.parametrize("damage", [_local_name_changed, _crc_changed, _deflate_damaged],
                         ids=["local-name", "crc", "deflate-stream"])
def test_a_damaged_entry_is_refused_as_zipfile_refuses_it(tmp_path, damage):
    data = damage(_zip({"[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                                               b'content-types"/>', "a.xml": _big()}))
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    assert inflated(data, info) is None
    path = tmp_path / "b.xlsx"
    path.write_bytes(data)
    package = Package(path)
    for own in (False, True):
        with pytest.raises(UnreadablePart):
            package.read("a.xml", own_reader=own)


def test_the_package_reads_a_large_part_through_isal(tmp_path, monkeypatch):
    body = _big()
    path = tmp_path / "b.xlsx"
    path.write_bytes(_zip({"[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                                                  b'content-types"/>', "a.xml": body}))
    calls = []
    real = inflate._fast.decompress
    monkeypatch.setattr(inflate._fast, "decompress", lambda *a: calls.append(1) or real(*a))
    assert Package(path).read("a.xml") == body and calls == [1]


def test_entries_with_extra_fields_non_ascii_names_and_exactly_the_threshold_are_read_by_isal():
    body = _big()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        info.extra = struct.pack("<HH", 0xCAFE, 6) + b"tkops!"  # a field of the writer's own, in the local header too
        z.writestr(info, body)
        z.writestr("xl/数据.xml", body)  # a name beyond ASCII: stored as UTF-8, flagged so
        z.writestr("exact.xml", body[:SMALL])
    data = out.getvalue()
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.getinfo("xl/数据.xml").flag_bits & 0x800
    for name, expected in (("xl/worksheets/sheet1.xml", body), ("xl/数据.xml", body), ("exact.xml", body[:SMALL])):
        assert inflated(data, archive.getinfo(name)) == expected == archive.read(name), name
