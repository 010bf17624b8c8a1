"""The tables an input file may hold, in the order a reader looks at them: a workbook's sheets (the preferred ones
first), or a text file's decodings (UTF-8, UTF-16 with a BOM or the Encoding setting; else each fallback that
decodes it).

Every reader of an input table (order exports, Return/Refund exports, tracking files) walks these candidates and
takes the first whose headers it accepts; what "accepted" means, when to stop and what to say when nothing is
accepted are the reader's own. The files are opened with their input checks by :mod:`tkops.sources.raw`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from tkops.errors import EncodingProblem
from tkops.settings import Settings
from tkops.sources.raw import (
    SPREADSHEET_SUFFIXES,
    GuardedSheet,
    RawTable,
    decode,
    open_workbook,
    parse_csv,
    read_sheet,
    read_text_bytes,
    sheet_headers,
)


@dataclass
class Candidate:
    """One table of a file: a loaded sheet (``sheet`` names it) or the file's text in one ``encoding``."""

    path: Path
    sheet: str | None = None
    loaded: GuardedSheet | None = None
    text: str = ""
    encoding: str | None = None

    @property
    def is_text(self) -> bool:
        """True for a decoding of a text file, False for a workbook's sheet."""
        return self.loaded is None

    @property
    def name(self) -> str:
        """How messages name the candidate: the file, and the sheet for a workbook."""
        return self.path.name if self.is_text else f"{self.path.name} [{self.sheet}]"

    def first_row(self) -> list[str]:
        """The first row as text: what identifies the table, read without parsing the rest."""
        if not self.is_text:
            return sheet_headers(self.loaded)
        line = self.text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=line.count)
        try:
            return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
        except csv.Error:
            return []

    def table(self) -> RawTable:
        """The whole table, its header row being the first row that is not blank (for a sheet)."""
        if self.is_text:
            return parse_csv(self.path, self.text, self.encoding)
        return read_sheet(self.path, self.loaded, self.sheet)


def candidates(path: Path, settings: Settings, *, preferred_sheets: Sequence[str] = (),
               fallbacks: tuple[str, ...] = ()) -> Iterator[Candidate]:
    """The tables of the file at ``path``, best first, each loaded only when the walk reaches it.

    A workbook (opened with its input checks) gives its sheets: those named in ``preferred_sheets`` (in that
    order, names compared case-insensitively) first, then the others in the workbook's order. A text file gives its
    decodings (:func:`tkops.sources.raw.decode` with the Encoding setting and ``fallbacks``); a walk that goes past
    the last fallback raises :class:`~tkops.errors.EncodingProblem` at the first byte UTF-8 could not read.
    """
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        workbook = open_workbook(path, settings)
        names = list(workbook.sheet_names)
        preferred = [n for p in preferred_sheets for n in names if n.casefold() == p.casefold()]
        for name in dict.fromkeys(preferred + names):
            # calamine loads the whole sheet here: it is loaded once, and only when the walk gets to it
            yield Candidate(path, sheet=name, loaded=workbook.get_sheet_by_name(name))
        return
    for text, encoding in decode(path, read_text_bytes(path, settings), settings.encoding, fallbacks):
        if encoding.startswith("!"):
            raise EncodingProblem(file=path.name, position=int(encoding[1:]))
        yield Candidate(path, text=text, encoding=encoding)
