"""What every order source is: a name, ``identify(headers)`` and ``read(raw, settings)``.

Most sources are a header map plus read options; :class:`HeaderMapSource` implements both methods from those.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tkops import schema
from tkops.markets import market
from tkops.messages import render
from tkops.schema import Table
from tkops.settings import Settings
from tkops.sources.file_market import file_market
from tkops.sources.normalize import ReadOptions, normalize, pick_columns
from tkops.sources.raw import RawTable


@dataclass
class HeaderMapSource:
    """A source defined by its headers.

    ``header_map`` maps folded headers (:func:`tkops.schema.header_key`) to canonical keys. :meth:`identify`
    claims a file when every header of ``signature`` is present and at least ``min_known`` of its headers are ones
    the map knows (so a file missing one required column is still recognised, and then refused by name).
    """

    name: str
    title: str
    header_map: dict[str, str]
    signature: frozenset[str]
    min_known: int = 1
    options: ReadOptions = field(default_factory=ReadOptions)
    auto_encodings: tuple[str, ...] = ()  # encodings accepted without a setting (confirmed by identify)
    preferred_sheets: tuple[str, ...] = ()  # workbook sheets to look at first
    market_from_file: bool = False  # one shop's export: the market its addresses are in sets currency and dates

    def identify(self, headers: list[str]) -> bool:
        """True when the header row carries this source's signature."""
        folded = {schema.header_key(h) for h in headers}
        return self.signature <= folded and len(folded & self.header_map.keys()) >= self.min_known

    def read(self, raw: RawTable, settings: Settings) -> Table:
        """The canonical order lines of ``raw``, with the headers no column took (``ignored``) and the address
        parts the file has no column for (``lacks``, also on every line in :data:`tkops.schema.EXPORT_LACKS`)."""
        frame, written = pick_columns(raw, self.header_map)
        options, notes = self.options, []
        if self.market_from_file:
            settings, options, notes = settings_of_file(frame.get("country"), raw, settings, options)
        table = normalize(frame, raw, written, settings, options, self.name)
        table.warnings[:0] = notes
        table.ignored = ignored_headers(raw.headers, self.header_map)
        table.lacks = [k for k in schema.EXPORT_PARTS if k not in written]
        if table.lacks and len(table.frame):
            table.frame["export_lacks"] = ", ".join(schema.BY_KEY[k].name for k in table.lacks)
        return table


def ignored_headers(headers: list[str], header_map: dict[str, str]) -> list[str]:
    """The non-blank headers no canonical column takes (unknown ones, and a second header for a column already
    taken: the first one wins), as written."""
    taken, out = set(), []
    for header in headers:
        text = " ".join(str(header or "").split())
        key = header_map.get(schema.header_key(text)) if text else None
        if not text:
            continue
        if key is None or key in taken:
            out.append(text)
        else:
            taken.add(key)
    return out


def settings_of_file(countries, raw: RawTable, settings: Settings, options: ReadOptions
                     ) -> tuple[Settings, ReadOptions, list[str]]:
    """How to read one shop's export whose addresses say which market it is from (:func:`file_market`): amounts
    without a currency mark in that market's currency; when the Settings name another market with another date
    order, dates by their own order only (an explicit Date Order still wins); and the warning that says so."""
    found = market(file_market(countries, raw.headers))
    given = market(settings.market)
    if found is None or options.currency or (given is not None and given.code == found.code):
        return settings, options, []
    options = replace(options, currency=found.currency)
    other_currency = settings.effective_currency() not in ("", found.currency)
    other_dates = given is not None and given.date_order != found.date_order
    if not (other_currency or other_dates):
        return settings, options, []
    note = render("file_market", settings.lang, file=raw.name, market=found.code, currency=found.currency,
                  settings=given.code if given else "-", given=settings.effective_currency() or "-")
    return (replace(settings, market="") if other_dates else settings), options, [note]


def folded_map(pairs: dict[str, str]) -> dict[str, str]:
    """{header as written: canonical display name or key} -> {folded header: canonical key}."""
    out = {}
    for header, target in pairs.items():
        column = schema.BY_NAME.get(target) or schema.BY_KEY.get(target)
        if column is None:
            raise KeyError(f"{target!r} is not a canonical column")
        out[schema.header_key(header)] = column.key
    return out
