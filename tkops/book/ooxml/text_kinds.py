"""Which columns of a large sheet hold only text, so that fastexcel reads them as text without first looking at
every cell's kind (docs/ooxml.md#reading-values).

fastexcel decides each column's kind before it converts it; looking at all 200,000 rows of a year of cases takes
about 0.4 s and holds Python's lock throughout. Told that a column is text, it skips that look, but it then turns
any number, date or true/false it meets in the column into text without a word, where the calamine path keeps the
number (and refuses an ID Excel has rounded). So a column is told text only when that is proven:

1. the rows near the top and the bottom of the part (below the header row) are looked at here: a column in which
   they show a number, date, true/false or error is left to fastexcel's own look;
2. every other column of the declared dimension is claimed text, and :func:`non_text_pattern` is an RE2 pattern
   matching any cell of those columns, from row 2 on, that holds a value and is not a text cell (shared string,
   inline string or formula string). The month-end's one pass over the part (:mod:`.prescan`) searches for it
   with everything else; found, no column is told anything and fastexcel looks at every cell as before.

A column that only this proof calls text reads the same either way: fastexcel's own look finds only text (or
nothing, which it reads as text too).
"""

from __future__ import annotations

import re

from tkops.cells.extent import column_letters, declared_dimension

#: How much of the part's start and end the sample reads (a few thousand rows of a wide sheet).
SAMPLE_BYTES = 262_144
#: Wider sheets are left to fastexcel's own look (the pattern names every column).
MAX_COLUMNS = 1_000
#: A cell's tag (``<c r="AB12" ...>`` as the prescan vouches they are written), its attributes and whether it is
#: empty (``/>``).
_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"([^>]*?)(/?)>')
_TYPE = re.compile(rb'\st="([^"]*)"')
#: The cell types that hold text: a shared string, an inline string, a formula's string.
TEXT_TYPES = (b"s", b"inlineStr", b"str")
#: From row 2 on: the header row is text in every column.
_BELOW_HEADER = "(?:[2-9][0-9]*|1[0-9]+)"
#: An attribute of a cell that is not a text type: any name but ``t``, or ``t`` of another type (b, d, e, n).
_OTHER_ATTRIBUTE = r'\s+(?:(?:[A-Za-su-z_][\w:.-]*|t[\w:.-]+)="[^"]*"|t="(?:b|d|e|n)?")'


def sampled_text_columns(xml: bytes, sample: int = SAMPLE_BYTES) -> list[int]:
    """The 0-based columns of the declared dimension in which no cell of the part's first and last ``sample``
    bytes (row 2 on) holds a value other than text; [] without a dimension or beyond :data:`MAX_COLUMNS`."""
    declared = declared_dimension(xml[:65536])
    if declared is None:
        return []
    _ref, _rows, columns = declared
    if columns > MAX_COLUMNS:
        return []
    other: set[bytes] = set()
    windows = (xml[:sample], xml[-sample:]) if len(xml) > 2 * sample else (xml,)
    for window in windows:
        for letters, row, attributes, empty in _CELL.findall(window):
            if empty or row == b"1":
                continue
            kind = _TYPE.search(attributes)
            if kind is None or kind.group(1) not in TEXT_TYPES:
                other.add(letters)
    return [i for i in range(columns) if column_letters(i + 1).encode("ascii") not in other]


def non_text_pattern(columns: list[int]) -> str:
    """RE2 pattern (no lookaround) matching a cell of one of the 0-based ``columns``, row 2 on, that holds a value
    (is not written empty, ``/>``) and is not a text cell; or any such cell whose attributes are written with single
    quotes or spaces around ``=``. "" for no columns."""
    if not columns:
        return ""
    letters = "|".join(column_letters(i + 1) for i in columns)
    cell = rf'<c r="(?:{letters}){_BELOW_HEADER}"'
    return rf"{cell}(?:{_OTHER_ATTRIBUTE})*\s*>|{cell}[^>]*(?:'|\s=|=\s)"
