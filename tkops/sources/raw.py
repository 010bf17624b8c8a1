"""Reading an input file into a raw table: the header row and the cells as written, with row numbers.

This is the only place that opens input files (orders, returns, tracking files, month-end inputs). Every file is
first checked for what it holds (:mod:`tkops.sources.sniff`); a workbook's package is checked before calamine reads
it (:mod:`tkops.sources.guard`) and calamine's own errors become a :class:`DataError` naming the file
(:func:`open_workbook`). CSV text must be UTF-8 (with or without BOM), or the encoding named in Settings, or an
encoding a source declares for its own files (the Chinese ERPs' GB18030); XLSX/XLS files are read with calamine
(fast, and it keeps IDs that were stored as text).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tkops.errors import DataError, EncodingProblem
from tkops.settings import Settings
from tkops.sources import guard, sniff
from tkops.sources.sniff import SPREADSHEET_SUFFIXES


__all__ = ["SPREADSHEET_SUFFIXES", "RawTable", "file_hash", "decode", "parse_csv", "read_text_bytes", "open_workbook",
           "GuardedWorkbook", "GuardedSheet", "sheet_headers", "read_sheet"]


@dataclass
class RawTable:
    """The cells of one sheet or CSV file: ``headers`` as written, ``cells`` (object dtype, positional columns),
    and ``rows``, the spreadsheet row number of each cell row (the header is row 1)."""

    path: Path
    headers: list[str]
    cells: pd.DataFrame
    rows: pd.Series
    sheet: str | None = None
    encoding: str | None = None
    sha256: str = ""
    notes: list = field(default_factory=list)

    @property
    def name(self) -> str:
        """How messages name the file (and the sheet, for workbooks)."""
        return f"{self.path.name} [{self.sheet}]" if self.sheet else self.path.name


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes: how the ImportLog recognises a file it has seen."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def decode(path: Path, data: bytes, encoding: str = "", fallbacks: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Candidate decodings of a text file, best first: ``[(text, encoding), ...]``.

    UTF-8 (BOM or not) and UTF-16 with a BOM are always accepted. With ``encoding`` set, only that is tried.
    Otherwise ``fallbacks`` are offered for sources to confirm by their headers; with none fitting the caller
    raises :class:`EncodingProblem`.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [(data.decode("utf-16"), "utf-16")]
    try:
        return [(data.decode("utf-8-sig"), "utf-8")]
    except UnicodeDecodeError as err:
        position = err.start
    if encoding:
        try:
            return [(data.decode(encoding), encoding)]
        except UnicodeDecodeError as err:
            raise EncodingProblem("encoding_setting", file=path.name, encoding=encoding, position=err.start) from None
    found = []
    for name in fallbacks:
        try:
            found.append((data.decode(name), name))
        except UnicodeDecodeError:
            continue
    if not found:
        raise EncodingProblem(file=path.name, position=position)
    found.append(("", f"!{position}"))  # marker: what to report if no source accepts a fallback decoding
    return found


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


def parse_csv(path: Path, text: str, encoding: str) -> RawTable:
    """A raw table from decoded CSV text; blank lines keep their row numbers."""
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str, keep_default_na=False,
                            na_filter=False, skip_blank_lines=False, quoting=csv.QUOTE_MINIMAL, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise DataError("not_a_spreadsheet", file=path.name, kind="CSV", detail=str(err).strip()) from None
    return _from_grid(path, frame, sheet=None, encoding=encoding)


def _from_grid(path: Path, frame: pd.DataFrame, sheet: str | None, encoding: str | None) -> RawTable:
    if frame.empty:
        return RawTable(path, [], pd.DataFrame(), pd.Series([], dtype=int), sheet, encoding)
    headers = ["" if h is None else str(h) for h in frame.iloc[0].tolist()]
    cells = frame.iloc[1:].reset_index(drop=True)
    cells.columns = range(len(headers))
    rows = pd.Series(range(2, len(cells) + 2), index=cells.index)
    # CSV cells are all text: keeping pandas' string dtype lets the parsers skip per-cell type checks.
    return RawTable(path, headers, cells, rows, sheet, encoding)


def _compact(values: np.ndarray) -> list | np.ndarray:
    """The same strings re-made one column at a time. calamine makes them row by row, scattered in memory, and
    every later pass over a column then runs about twice as slowly; a join and a split costs a fraction of that."""
    joined = "\x1f".join(values)
    parts = joined.split("\x1f")
    return parts if len(parts) == len(values) else values


def read_text_bytes(path: Path, settings: Settings | None = None) -> bytes:
    """The bytes of a CSV (text) input file, once it is known to be text of a size within the limits (Max File MB,
    Max Sheet Cells); otherwise a :class:`DataError` saying what the file is and what to do."""
    path = Path(path)
    if not path.is_file():
        raise DataError("file_not_found", file=str(path))
    sniff.expect(path)
    limits = guard.Limits.of(settings)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise DataError("input.too_big", file=path.name, size=f"{size / 2**20:,.0f}",
                        limit=f"{limits.max_bytes / 2**20:,.0f}")
    data = path.read_bytes()
    first = data.split(b"\n", 1)[0]
    columns = max(first.count(b","), first.count(b";"), first.count(b"\t")) + 1
    rows = data.count(b"\n") + 1
    if rows * columns > limits.max_cells:
        raise DataError("input.csv_too_many_cells", file=path.name, rows=f"{rows:,}", columns=f"{columns:,}",
                        cells=f"{rows * columns:,}", limit=f"{limits.max_cells:,}")
    return data


def open_workbook(path: Path, settings: Settings | None = None) -> "GuardedWorkbook":
    """The workbook at ``path`` through calamine, after its checks: what the file holds, its zip package and every
    sheet's reach (limits from ``settings``). Every error, before or while calamine reads, is a :class:`DataError`
    naming the file (exit code 2, no traceback)."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    if not path.is_file():
        raise DataError("file_not_found", file=str(path))
    kind = sniff.expect(path)
    if kind in ("xlsx", "xlsb", "ods"):
        guard.check_package(path, kind, guard.Limits.of(settings))
    elif path.stat().st_size > guard.Limits.of(settings).max_bytes:
        raise DataError("input.too_big", file=path.name, size=f"{path.stat().st_size / 2**20:,.0f}",
                        limit=f"{guard.Limits.of(settings).max_bytes / 2**20:,.0f}")
    workbook = GuardedWorkbook(None, path, kind)
    workbook.book = workbook.call(lambda: CalamineWorkbook.from_path(str(path)))
    return workbook


def _is_calamine_error(err: BaseException) -> bool:
    """calamine's own errors (CalamineError and its kinds), its panics surfacing as pyo3's PanicException (a
    BaseException), and the conversion errors its cells can raise."""
    from python_calamine import CalamineError

    return isinstance(err, (CalamineError, ValueError, OverflowError, TypeError, UnicodeError, IndexError)) \
        or type(err).__name__ == "PanicException"


#: calamine's error kinds in words (its messages alone can be as short as the name of an XML element).
_KINDS = {"XmlError": "broken XML", "ZipError": "broken zip archive", "PanicException": "calamine stopped",
          "CalamineError": "calamine"}


def _detail(err: BaseException) -> str:
    kind = type(err).__name__
    message = (str(err).strip().splitlines() or [""])[0][:160]
    return f"{_KINDS.get(kind, kind)}: {message}" if message else _KINDS.get(kind, kind)


class GuardedWorkbook:
    """A calamine workbook whose every call turns calamine's errors into the project's :class:`DataError`."""

    def __init__(self, book, path: Path, kind: str) -> None:
        self.book = book
        self.path = path
        self.kind = kind

    def call(self, work):
        """``work()``, with calamine's errors reported as a damaged file."""
        try:
            return work()
        except BaseException as err:  # noqa: B036 (pyo3 panics are BaseExceptions; anything else is re-raised)
            if not _is_calamine_error(err):
                raise
            if type(err).__name__ == "PasswordError":
                raise DataError("input.encrypted", file=self.path.name) from None
            raise DataError("input.damaged", file=self.path.name, kind=self.kind.upper(), detail=_detail(err)) from None

    @property
    def sheet_names(self) -> list[str]:
        return self.call(lambda: list(self.book.sheet_names))

    def get_sheet_by_name(self, name: str) -> "GuardedSheet":
        """The sheet, loaded (calamine reads the whole sheet here: load it once)."""
        return GuardedSheet(self.call(lambda: self.book.get_sheet_by_name(name)), self)


class GuardedSheet:
    """A loaded calamine sheet whose reads report calamine's errors as a damaged file."""

    def __init__(self, sheet, workbook: GuardedWorkbook) -> None:
        self.sheet = sheet
        self.workbook = workbook

    def to_python(self, **options) -> list[list]:
        return self.workbook.call(lambda: self.sheet.to_python(**options))

    def iter_rows(self):
        rows = self.workbook.call(self.sheet.iter_rows)
        while True:
            row = self.workbook.call(lambda: next(rows, None))
            if row is None:
                return
            yield row


def sheet_headers(sheet) -> list[str]:
    """The first row of a loaded calamine sheet, as text."""
    for row in sheet.iter_rows():
        return ["" if v is None else str(v) for v in row]
    return []


def read_sheet(path: Path, sheet, name: str) -> RawTable:
    """A raw table from one loaded calamine sheet, with spreadsheet row numbers kept even when the sheet starts
    lower down. Columns holding only text get pandas' string dtype, as CSV columns have, so the parsers take their
    fast path; columns with numbers or dates keep their cells as objects (an ID stored as a number must be seen)."""
    data = sheet.to_python(skip_empty_area=False)
    first = next((i for i, row in enumerate(data) if any(v != "" for v in row)), None)
    if first is None:
        return RawTable(path, [], pd.DataFrame(), pd.Series([], dtype=int), name, None)
    headers = ["" if h is None else str(h) for h in data[first]]
    grid = np.empty((len(data) - first - 1, len(headers)), dtype=object)
    grid[:] = data[first + 1:] if len(data) > first + 1 else grid
    del data
    cells = {}
    for j in range(len(headers)):
        values = grid[:, j].copy()
        if pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty"):
            cells[j] = pd.Series(_compact(values), dtype="str")
        else:
            values[values == ""] = None
            cells[j] = pd.Series(values, dtype=object)
    frame = pd.DataFrame(cells)
    rows = pd.Series(range(first + 2, first + 2 + len(frame)), index=frame.index)
    return RawTable(path, headers, frame, rows, name, None)
