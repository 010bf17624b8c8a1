"""Order sources: the explicit registry, and reading any order file through the one source that claims it.

A file that no source claims, or that several claim, is an error naming the sources and the headers found: tkops
never guesses the first match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from tkops.errors import AmbiguousFormat, ConfigError, DataError, UnknownFormat
from tkops.schema import Table, header_key
from tkops.settings import Settings
from tkops.sources import dianxiaomi, mabang, tiktok_export
from tkops.sources.base import HeaderMapSource
from tkops.sources.raw import RawTable, file_hash
from tkops.sources.tables import candidates

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
    """The first table some source claims (sheets the sources prefer first) and that source."""
    fallbacks = tuple(dict.fromkeys(e for s in sources for e in s.auto_encodings))
    preferred = [p for s in sources for p in s.preferred_sheets]
    first_headers: list[str] = []
    for candidate in candidates(path, settings, preferred_sheets=preferred, fallbacks=fallbacks):
        headers = candidate.first_row()
        first_headers = first_headers or headers
        encoding = candidate.encoding
        # a fallback decoding is only believed by the sources that declare its encoding
        is_fallback = encoding in fallbacks and encoding not in ("utf-8", "utf-16", settings.encoding)
        allowed = [s for s in sources if not is_fallback or encoding in s.auto_encodings]
        claimed = _claim(headers, allowed, forced, candidate.name) if allowed else None
        if claimed:
            return candidate.table(), claimed
        if candidate.is_text and not is_fallback:
            break
    raise UnknownFormat(file=path.name, sources=", ".join(s.name for s in sources), headers=_show(first_headers))


def _show(headers: list[str], limit: int = 12) -> str:
    shown = [h.strip() for h in headers if h and h.strip()][:limit]
    more = len([h for h in headers if h and h.strip()]) - len(shown)
    return (", ".join(shown) or "(none)") + (f", ... (+{more})" if more > 0 else "")
