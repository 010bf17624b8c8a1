"""Checks on a workbook's package before calamine reads it: the zip's parts, their real unzipped sizes, the
compression ratio, and how far each sheet's cells reach.

A crafted or damaged workbook must end in a clear error, never in calamine allocating gigabytes (a zip bomb, one
value at XFD1048576) or a traceback. Every part is unzipped here once, as a stream, counting the bytes it really
gives (a part may say it is small and be large), checking its CRC, and feeding the worksheet parts to the extent
scanners of :mod:`tkops.cells.extent`. The limits come from the Settings sheet (docs/input-files.md#limits).
"""

from __future__ import annotations

import html
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from tkops.errors import DataError
from tkops.settings import DEFAULT, Settings
from tkops.cells import extent
from tkops.cells.extent import XML_PREFIX

#: More parts than any workbook has (a workbook with hundreds of sheets has about 3 parts per sheet).
MAX_PARTS = 10_000
#: The ratio limit applies to parts that unzip to more than this (small parts of any ratio are harmless).
RATIO_FLOOR = 10 * 2**20
_CHUNK = 1 << 22
_MB = 2**20


@dataclass(frozen=True)
class Limits:
    """What an input file may hold (Settings: Max File MB, Max Zip Ratio, Max Sheet Cells)."""

    max_bytes: int
    max_ratio: int
    max_cells: int

    @classmethod
    def of(cls, settings: Settings | None) -> "Limits":
        s = settings or DEFAULT
        return cls(int(s.max_file_mb) * _MB, int(s.max_zip_ratio), int(s.max_sheet_cells))


def check_package(path: Path, kind: str, limits: Limits) -> None:
    """Raise a :class:`DataError` unless the zip package of an XLSX/XLSM, XLSB or ODS file at ``path`` is within
    ``limits`` and whole. ``kind`` is the file's kind from :func:`tkops.sources.sniff.expect`."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_declared(name, kind, infos, limits)
            sheets = _sheet_parts(archive, kind)
            with open(path, "rb") as fh:
                total = 0
                for info in infos:
                    total = _read_part(fh, info, name, kind, limits, total, sheets)
    except zipfile.BadZipFile as err:
        raise _damaged(name, kind, str(err)) from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError, struct.error, zlib.error) as err:
        raise _damaged(name, kind, f"{type(err).__name__}: {err}") from None


def _read_part(fh, info: zipfile.ZipInfo, name: str, kind: str, limits: Limits, total: int,
               sheets: dict[str, str]) -> int:
    """Unzip one part (a sheet through its extent scanner, again tag by tag when the scanner asks); returns the
    running total of real bytes."""
    sheet = sheets.get(info.filename, info.filename)
    scanner = _scanner(kind, info.filename, sheets)
    watch = (lambda found: _refuse_reach(name, sheet, found, limits)) if scanner else None
    try:
        after = _inflate(fh, info, name, kind, limits, total, scanner, watch)
        if scanner is not None:
            _check_reach(name, sheet, scanner, limits)
    except extent.Restart:
        scanner = extent.XmlSheetExtent(exact=True)
        after = _inflate(fh, info, name, kind, limits, total, scanner, watch)
        _check_reach(name, sheet, scanner, limits)
    return after


def _damaged(name: str, kind: str, detail: str) -> DataError:
    return DataError("input.damaged", file=name, kind=kind.upper(), detail=detail.strip().splitlines()[0][:200]
                     if detail.strip() else "?")


def _check_declared(name: str, kind: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > MAX_PARTS:
        raise DataError("input.zip_parts", file=name, parts=len(infos), limit=MAX_PARTS)
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_bytes:
        raise DataError("input.unzips_too_big", file=name, size=_mb(declared), limit=_mb(limits.max_bytes))
    for info in infos:
        if info.flag_bits & 0x1:
            raise DataError("input.encrypted", file=name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(name, kind, f"part {info.filename} is packed with method {info.compress_type}, which "
                                       "workbooks do not use")
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise DataError("input.zip_ratio", file=name, part=info.filename,
                            ratio=info.file_size // max(info.compress_size, 1), limit=limits.max_ratio)


def _mb(size: int) -> str:
    return f"{size / _MB:,.0f}" if size >= 10 * _MB else f"{size / _MB:,.1f}"


def _inflate(fh, info: zipfile.ZipInfo, name: str, kind: str, limits: Limits, total: int, scanner, watch) -> int:
    """Unzip one part as a stream, ignoring the sizes it declares; returns the running total of real bytes."""
    fh.seek(info.header_offset)
    head = fh.read(30)
    if len(head) < 30 or head[:4] != b"PK\x03\x04":
        raise _damaged(name, kind, f"part {info.filename} is not where the archive's index says")
    name_length, extra_length = struct.unpack("<HH", head[26:30])
    fh.seek(info.header_offset + 30 + name_length + extra_length)
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    size, crc = 0, 0
    while left > 0:
        block = fh.read(min(_CHUNK, left))
        if not block:
            raise _damaged(name, kind, f"part {info.filename} is cut short (the file is truncated)")
        left -= len(block)
        pending = block
        while pending:
            if inflater is None:
                out, pending = pending, b""
            else:
                out = inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
            size, crc, total = _count(out, info, name, kind, limits, size, crc, total, scanner)
            if watch is not None:
                watch(scanner.reach())  # a bomb is refused as soon as it reaches too far, not at its end
    if inflater is not None:
        out = inflater.flush()
        size, crc, total = _count(out, info, name, kind, limits, size, crc, total, scanner)
        if not inflater.eof:
            raise _damaged(name, kind, f"part {info.filename} is cut short (the file is truncated)")
    if size != info.file_size or crc != info.CRC:
        raise _damaged(name, kind, f"part {info.filename} does not match its checksum")
    return total


def _count(out: bytes, info, name, kind, limits: Limits, size: int, crc: int, total: int, scanner):
    if not out:
        return size, crc, total
    size += len(out)
    total += len(out)
    if size > info.file_size:
        raise _damaged(name, kind, f"part {info.filename} is larger than the archive's index says")
    if total > limits.max_bytes:
        raise DataError("input.unzips_too_big", file=name, size=f"> {_mb(limits.max_bytes)}",
                        limit=_mb(limits.max_bytes))
    if scanner is not None:
        scanner.feed(out)
    return size, zlib.crc32(out, crc), total


# --- which parts are sheets, and their names ------------------------------------------------------------------------
# element prefixes may be any XML name (calamine compares local names): a relationship under a prefix of letters
# beyond ASCII still points calamine at its part
_SHEET = re.compile(rb'<' + XML_PREFIX + rb'sheet\s[^>]*?name\s*=\s*"([^"]*)"[^>]*?(?:[\w.-]+:)?id\s*=\s*"([^"]*)"')
_SHEET_ID_FIRST = re.compile(rb'<' + XML_PREFIX
                             + rb'sheet\s[^>]*?(?:[\w.-]+:)id\s*=\s*"([^"]*)"[^>]*?name\s*=\s*"([^"]*)"')
_RELATION = re.compile(rb'<' + XML_PREFIX + rb'Relationship\s([^>]*)>')
_ATTR = re.compile(rb'([\w.:-]+)\s*=\s*"([^"]*)"')
_SHEET_FOLDERS = ("xl/worksheets/", "xl/macrosheets/", "xl/dialogsheets/", "xl/chartsheets/")
#: Relationship types calamine reads a part of as a sheet (worksheet, chartsheet, dialogsheet), and the macro sheets.
SHEET_TYPES = ("worksheet", "chartsheet", "macrosheet", "dialogsheet", "xlmacrosheet", "xlintlmacrosheet")


def _sheet_parts(archive: zipfile.ZipFile, kind: str) -> dict[str, str]:
    """Part name -> sheet name for every part calamine may read as a sheet (names as the workbook gives them), a
    superset of what it reads: every part in the sheet folders, and every part a sheet relationship of *any*
    relationships part points at. calamine finds the workbook through the package's ``_rels/.rels`` (it need not be
    ``xl/workbook.xml``; a decoy there changes nothing), joins a target to the folder of the ``_rels`` folder as
    written, and looks names up without case; so targets are resolved that way and as the OPC resolves them
    (``..`` followed), and names compared without case and with either slash."""
    if kind == "ods":
        return {"content.xml": "content.xml"}
    real = {_normal(n): n for n in archive.namelist()}
    parts = {n: n for key, n in real.items() if key.startswith(_SHEET_FOLDERS) and key.endswith((".xml", ".bin"))}
    for key, rels in real.items():
        if not key.endswith(".rels"):
            continue
        base = key.rpartition("_rels/")[0]  # the folder targets start from: "xl/" for xl/_rels/workbook.xml.rels
        workbook = real.get(base + "workbook.xml") if kind == "xlsx" else None
        sheet_names = _names(_read_capped(archive, workbook)) if workbook else {}
        for rid, target in _targets(_read_capped(archive, rels)).items():
            for path in _resolved(base, target):
                if path in real:
                    parts[real[path]] = sheet_names.get(rid, real[path])
    return parts


def _normal(name: str) -> str:
    """A part name as calamine looks it up: forward slashes, no case."""
    return name.replace("\\", "/").lower()


def _targets(rels_xml: bytes) -> dict[str, str]:
    """Relationship Id -> Target (as written) of every sheet-like relationship (worksheet, chart, macro or dialog
    sheet) of a relationships part."""
    out = {}
    for attrs in _RELATION.findall(rels_xml):
        values = {k.decode("ascii", "replace"): v.decode("utf-8", "replace") for k, v in _ATTR.findall(attrs)}
        if values.get("Type", "").rstrip("/").lower().endswith(SHEET_TYPES):
            out[values.get("Id", "")] = values.get("Target", "")
    return out


def _resolved(base: str, target: str) -> set[str]:
    """The part names (:func:`_normal`) a relationship target of a ``_rels`` folder in ``base`` may mean: joined as
    written (calamine; an absolute target from the package's root), and with ``..`` followed (the OPC), entities
    decoded or not."""
    found = set()
    for text in {target, html.unescape(target)}:
        text = text.replace("\\", "/")
        joined = text[1:] if text.startswith("/") else base + text
        found |= {_normal(joined), _normal(posixpath.normpath("/" + joined).lstrip("/"))}
    return found


def _read_capped(archive: zipfile.ZipFile, name: str, cap: int = 16 * _MB) -> bytes:
    """A small part (the workbook, its relationships), read before the parts are checked: never more than ``cap``
    bytes, whatever it unzips to (the checks that follow refuse a bomb)."""
    with archive.open(name) as part:
        return part.read(cap)


def _names(workbook_xml: bytes) -> dict[str, str]:
    found = {rid: name for name, rid in _SHEET.findall(workbook_xml)}
    found.update({rid: name for rid, name in _SHEET_ID_FIRST.findall(workbook_xml)})
    return {html.unescape(rid.decode("utf-8", "replace")): html.unescape(name.decode("utf-8", "replace"))
            for rid, name in found.items()}


def _scanner(kind: str, part: str, sheets: dict[str, str]):
    if part not in sheets:
        return None
    if kind == "ods":
        return extent.OdsExtent()
    return extent.BinSheetExtent() if part.lower().endswith(".bin") else extent.XmlSheetExtent()


def _check_reach(name: str, sheet: str, scanner, limits: Limits) -> None:
    if isinstance(scanner, extent.OdsExtent):
        _refuse_reach(name, sheet, scanner.finish(), limits)
        return
    declared = None
    if isinstance(scanner, extent.XmlSheetExtent):
        declared = extent.declared_dimension(scanner.head)
    elif scanner.declared:
        rows, columns = scanner.declared
        declared = (f"A1:{extent.reference(rows, columns)}", rows, columns)
    if declared and declared[1] * declared[2] > limits.max_cells:
        raise DataError("input.dimension_too_big", file=name, sheet=sheet, ref=declared[0],
                        cells=f"{declared[1] * declared[2]:,}", limit=f"{limits.max_cells:,}")
    rows, columns = scanner.finish()
    _refuse_reach(name, sheet, {"": (rows, columns)}, limits)


def _refuse_reach(name: str, sheet: str, found: dict[str, tuple[int, int]], limits: Limits) -> None:
    """Refuse a sheet (or an ODS table, named in ``found``) whose cells reach beyond Max Sheet Cells."""
    for table, (rows, columns) in found.items():
        if rows * columns > limits.max_cells:
            raise DataError("input.sheet_too_big", file=name, sheet=table or sheet,
                            ref=extent.reference(rows, columns), cells=f"{rows * columns:,}",
                            limit=f"{limits.max_cells:,}")
