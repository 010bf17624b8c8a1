"""Order sources: the explicit registry, and reading any order file through the one source that claims it.

A file that no source claims, or that several claim, is an error naming the sources and the headers found: tkops
never guesses the first match.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from tkops.errors import (
    AmbiguousFormat,
    ConfigError,
    DataError,
    EncodingProblem,
    UnknownFormat,
)
from tkops.schema import Table, header_key
from tkops.settings import Settings
from tkops.sources import dianxiaomi, mabang, tiktok_export
from tkops.sources.base import HeaderMapSource
from tkops.sources.raw import (
    SPREADSHEET_SUFFIXES,
    RawTable,
    decode,
    file_hash,
    open_workbook,
    parse_csv,
    read_sheet,
    read_text_bytes,
    sheet_headers,
)

#: The built-in sources, in the order their names are listed in messages.
BUILTIN: tuple[HeaderMapSource, ...] = (tiktok_export.SOURCE, mabang.SOURCE, dianxiaomi.SOURCE)


@dataclass
class ReadResult:
    """What reading one file gave: the canonical table and where it came from."""

    table: Table
    path: Path
    sheet: str | None
    encoding: str | None
    sha256: str


def registry(mappings: Sequence[HeaderMapSource] = ()) -> tuple[HeaderMapSource, ...]:
    """The sources in force: the built-ins, then the team's column mappings."""
    return BUILTIN + tuple(mappings)


def read_orders(path: str | Path, settings: Settings, mappings: Sequence[HeaderMapSource] = (),
                source: str | None = None) -> ReadResult:
    """Read one order file into the canonical order-line table.

    ``source`` forces a source by name (skipping identification); otherwise exactly one source must claim the file.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError("file_not_found", file=str(path))
    sources = registry(mappings)
    if source:
        chosen = [s for s in sources if s.name == source or s.name == f"mapping:{source}"]
        if not chosen:
            raise ConfigError("unknown_source", name=source, sources=", ".join(s.name for s in sources))
        sources = tuple(chosen)
    raw, claimed = _load(path, settings, sources, forced=bool(source))
    raw.sha256 = file_hash(path)
    table = claimed.read(raw, settings)
    return ReadResult(table, path, raw.sheet, raw.encoding, raw.sha256)


#: The header only the Seller Center Return/Refund export has (folded).
RETURNS_MARK = "return order id"


def _claim(headers: list[str], sources: Sequence[HeaderMapSource], forced: bool, name: str
           ) -> HeaderMapSource | None:
    if forced:
        return sources[0]
    if RETURNS_MARK in {header_key(h) for h in headers if h}:  # shares many order headers: say what it is
        raise DataError("returns_given_as_orders", file=name)
    matches = [s for s in sources if s.identify(headers)]
    if len(matches) > 1:
        raise AmbiguousFormat(file=name, sources=", ".join(s.name for s in matches))
    return matches[0] if matches else None


def _load(path: Path, settings: Settings, sources: Sequence[HeaderMapSource], forced: bool
          ) -> tuple[RawTable, HeaderMapSource]:
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return _load_workbook(path, settings, sources, forced)
    return _load_text(path, settings, sources, forced)


def _load_workbook(path: Path, settings: Settings, sources, forced) -> tuple[RawTable, HeaderMapSource]:
    workbook = open_workbook(path, settings)
    names = list(workbook.sheet_names)
    preferred = [n for s in sources for p in s.preferred_sheets for n in names if n.casefold() == p.casefold()]
    order = list(dict.fromkeys(preferred + names))
    first_headers: list[str] = []
    for name in order:
        sheet = workbook.get_sheet_by_name(name)  # calamine loads the whole sheet here: load it once
        headers = sheet_headers(sheet)
        if not first_headers:
            first_headers = headers
        claimed = _claim(headers, sources, forced, f"{path.name} [{name}]")
        if claimed:
            return read_sheet(path, sheet, name), claimed
    raise UnknownFormat(file=path.name, sources=", ".join(s.name for s in sources),
                        headers=_show(first_headers))


def _load_text(path: Path, settings: Settings, sources, forced) -> tuple[RawTable, HeaderMapSource]:
    data = read_text_bytes(path, settings)
    fallbacks = tuple(dict.fromkeys(e for s in sources for e in s.auto_encodings))
    first_headers: list[str] = []
    for text, encoding in decode(path, data, settings.encoding, fallbacks):
        if encoding.startswith("!"):
            raise EncodingProblem(file=path.name, position=int(encoding[1:]))
        headers = _first_row(text)
        first_headers = first_headers or headers
        is_fallback = encoding in fallbacks and encoding not in ("utf-8", "utf-16", settings.encoding)
        allowed = [s for s in sources if not is_fallback or encoding in s.auto_encodings]
        claimed = _claim(headers, allowed, forced, path.name) if allowed else None
        if claimed:
            return parse_csv(path, text, encoding), claimed
        if not is_fallback:
            break
    raise UnknownFormat(file=path.name, sources=", ".join(s.name for s in sources), headers=_show(first_headers))


def _first_row(text: str) -> list[str]:
    line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=line.count)
    try:
        return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
    except csv.Error:
        return []


def _show(headers: list[str], limit: int = 12) -> str:
    shown = [h.strip() for h in headers if h and h.strip()][:limit]
    more = len([h for h in headers if h and h.strip()]) - len(shown)
    return (", ".join(shown) or "(none)") + (f", ... (+{more})" if more > 0 else "")
