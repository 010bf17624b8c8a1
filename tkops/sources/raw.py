"""Reading an input file into a raw table: the header row and the cells as written, with row numbers.

This is the only place that opens order files. CSV text must be UTF-8 (with or without BOM), or the encoding named
in Settings, or an encoding a source declares for its own files (the Chinese ERPs' GB18030); XLSX/XLS files are
read with calamine (fast, and it keeps IDs that were stored as text).
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

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


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


def open_workbook(path: Path):
    """A calamine workbook, or a clear error when the file is not one."""
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as err:  # calamine raises its own error types, one per format problem
        raise DataError("not_a_spreadsheet", file=path.name, kind="XLSX", detail=type(err).__name__) from None


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
