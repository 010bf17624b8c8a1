"""What every order source is: a name, ``identify(headers)`` and ``read(raw, settings)``.

Most sources are a header map plus read options; :class:`HeaderMapSource` implements both methods from those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tkops import schema
from tkops.schema import Table
from tkops.settings import Settings
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

    def identify(self, headers: list[str]) -> bool:
        """True when the header row carries this source's signature."""
        folded = {schema.header_key(h) for h in headers}
        return self.signature <= folded and len(folded & self.header_map.keys()) >= self.min_known

    def read(self, raw: RawTable, settings: Settings) -> Table:
        """The canonical order lines of ``raw``."""
        frame, written = pick_columns(raw, self.header_map)
        return normalize(frame, raw, written, settings, self.options, self.name)


def folded_map(pairs: dict[str, str]) -> dict[str, str]:
    """{header as written: canonical display name or key} -> {folded header: canonical key}."""
    out = {}
    for header, target in pairs.items():
        column = schema.BY_NAME.get(target) or schema.BY_KEY.get(target)
        if column is None:
            raise KeyError(f"{target!r} is not a canonical column")
        out[schema.header_key(header)] = column.key
    return out
