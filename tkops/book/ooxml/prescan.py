"""One pass over a worksheet part, outside Python's lock, that vouches for what two slower scans of a large sheet
look for. Before calamine parses a sheet, the reach check (:mod:`.reach`) finds its farthest cell and the formula
scan (:func:`.reader.special_cells`) finds its formula and error cells; both search the part with Python's regular
expressions or byte searches, holding Python's lock (over a second for a year of cases, while the month-end's other
work waits for the lock).

When the part declares its dimension, one search by Arrow's RE2 (a linear-time engine that releases the lock) looks
for any cell that is not written as ``<c r="AB12"`` (no namespace prefix, ``r`` first and once), any cell or row
reference beyond the declared dimension, and any formula or error cell. Finding none proves the reach is at most
the dimension (calamine places such cells by their reference) and that the formula scan would find nothing, so
neither runs. Anything found, no dimension, or a dimension beyond the limit: both scans run as before. The answer
never differs from theirs; only who computes it.
"""

from __future__ import annotations

from tkops.cells.extent import column_letters, declared_dimension, greater_than

NEVER = "(?!)"  # what greater_than gives when nothing is greater (a lookahead: RE2 has none)

#: A cell tag written other than as ``<c r="AB12"`` followed by its next attribute or the tag's end. A prefix is any
#: name before ``:c`` (XML allows letters beyond ASCII in it; calamine compares the local name only).
_IRREGULAR_CELL = (r':c[\s/>]', r'<c[\t\n\r/>]', r'<c (?:[^r]|r[^=]|r=[^"]|r="[^A-Z]|r="[A-Z][^A-Z0-9]'
                   r'|r="[A-Z]{2}[^A-Z0-9]|r="[A-Z]{3}[^0-9]|r="[A-Z]{1,3}[0-9]{1,7}[^0-9"]|r="[A-Z]{1,3}[0-9]{8})',
                   r'"\s+r\s*=')  # an r after another attribute: a cell's second r (calamine takes the last)
#: What :func:`.reader.special_cells` looks for: a formula (prefixed or not) or an error cell.
_SPECIAL = (r'<f[\s>/]', r':f[\s>/]', r' t="e"')


def suspect_pattern(rows: int, columns: int) -> str:
    """RE2 pattern (no lookaround) matching anything in a worksheet part that stops :func:`vouched`: an irregular
    cell tag, a cell beyond column ``columns`` or row ``rows``, a row element beyond ``rows``, a formula or error."""
    letters = greater_than(column_letters(columns), "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3).decode("ascii")
    digits = greater_than(str(rows), "0123456789", None).decode("ascii")
    beyond = [rf'<c r="(?:{letters})[0-9]'] if letters != NEVER else []  # none beyond XFD
    beyond += [rf'<c r="[A-Z]{{1,3}}(?:{digits})"', rf'<row r="(?:{digits})"']
    return "|".join((*_IRREGULAR_CELL, *beyond, *_SPECIAL))


def vouched(xml: bytes, max_cells: int) -> bool:
    """True when the worksheet part ``xml`` declares a dimension within ``max_cells`` (rows x columns from A1) and
    holds no cell beyond it, no irregular cell tag and no formula or error cell: then it needs neither the reach
    check nor the formula scan. One RE2 search in Arrow, outside Python's lock."""
    return vouched_and_absent(xml, max_cells, "")[0]


def vouched_and_absent(xml: bytes, max_cells: int, also: str) -> tuple[bool, bool]:
    """(:func:`vouched`, whether RE2 pattern ``also`` matches nothing in the part either), in the same one pass when
    both hold; the second is False when the part is not vouched for or ``also`` is "" (then it is not searched)."""
    declared = declared_dimension(xml[:65536])
    if declared is None:
        return False, False
    _ref, rows, columns = declared
    if rows * columns > max_cells:
        return False, False
    import pyarrow as pa
    import pyarrow.compute as pc

    offsets = pa.array([0, len(xml)], pa.int64()).buffers()[1]
    # the part's bytes as one binary value, not copied; RE2 reads binary as Latin-1, byte by byte
    part = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(xml)])
    suspect = suspect_pattern(rows, columns)
    if also:
        try:
            if not pc.match_substring_regex(part, f"{suspect}|{also}")[0].as_py():
                return True, True
        except pa.ArrowException:  # a pattern RE2 refuses: as if ``also`` had matched
            pass
    # something matched (or nothing else was asked): whether it is the part's own suspect, its search says
    try:
        return not pc.match_substring_regex(part, suspect)[0].as_py(), False
    except pa.ArrowException:  # a pattern RE2 refuses: the scans decide, as without this search
        return False, False
