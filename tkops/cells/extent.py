"""How far a sheet's cells reach, read from the sheet's own bytes before calamine loads it.

calamine gives a sheet one cell slot for every position between A1 and the farthest cell that holds a value, so
one value at XFD1048576 asks for 17 billion slots (512 GiB) and the process aborts. The declared
``<dimension ref>`` does not decide this (calamine ignores it), so the scanners below look at every cell position
as calamine will: its ``r`` reference, or for a cell without one, the next position in its row (and the next row
for a row without one). Each scanner is fed the part's bytes in chunks and reports the farthest (row, column),
1-based; cells without a value are counted too, which can only over-state the reach (docs/input-files.md#limits).
"""

from __future__ import annotations

import re
import struct

#: The form every writer seen uses for a cell: ``<c r="AB12"`` with ``r`` first. Chunks holding only this form are
#: read with one fast expression; any other form (a prefix, no ``r``, ``r`` not first, an odd reference) switches
#: the sheet to the exact tag-by-tag reading.
_FAST = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"([^>]*)>')
#: A namespace prefix of a tag (``x:``): any XML name, letters beyond ASCII too (calamine compares local names only).
XML_PREFIX = rb'(?:[^\s<>/:"\'=]+:)?'
_IRREGULAR = re.compile(rb':c[\s/>]|<c(?:[\t\n\r/>]| (?!r="[A-Z]{1,3}\d{1,7}"))')
_SECOND_R = re.compile(rb'(?:^|\s)r\s*=')  # calamine takes the last of two r attributes
_ROWS = re.compile(rb'<row r="(\d{1,7})"')
_TAG = re.compile(rb'<(/?)' + XML_PREFIX + rb'(row|c)(?=[\s/>])((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>')
_CELL_R = re.compile(rb'(?:^|\s)r\s*=\s*["\']\s*([A-Za-z]+)(\d+)\s*["\']')
_ROW_R = re.compile(rb'(?:^|\s)r\s*=\s*["\']\s*(\d+)\s*["\']')
_DIMENSION = re.compile(rb'<' + XML_PREFIX
                        + rb'dimension\s[^>]*?ref\s*=\s*["\']([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?["\']')
_REF = re.compile(r"([A-Za-z]+)(\d+)")


def column_number(letters: bytes | str) -> int:
    """1-based column number of column letters: A -> 1, Z -> 26, AA -> 27, XFD -> 16384."""
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    number = 0
    for char in text.upper():
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    """Column letters of a 1-based column number: 1 -> A, 16384 -> XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def reference(row: int, column: int) -> str:
    """An A1-style reference: (1048576, 16384) -> XFD1048576."""
    return f"{column_letters(column)}{row}"


def greater_than(value: str, alphabet: str, longest: int | None) -> bytes:
    """A pattern for strings over ``alphabet`` (in its order) greater than ``value`` by (length, then characters):
    longer ones (up to ``longest`` characters, or any length), or as long and larger at some position."""
    cls = f"[{alphabet[0]}-{alphabet[-1]}]"
    longer = f"{cls}{{{len(value) + 1},{longest if longest else ''}}}"
    if longest is not None and len(value) >= longest:
        longer = ""
    same = []
    for at, char in enumerate(value):
        rest = alphabet[alphabet.index(char) + 1:]
        if rest:
            tail = f"{cls}{{{len(value) - at - 1}}}" if at < len(value) - 1 else ""
            same.append(re.escape(value[:at]) + f"[{rest[0]}-{rest[-1]}]" + tail)
    return "|".join(p for p in [longer, *same] if p).encode() or b"(?!)"


_PREFIXED = re.compile(rb':c[\s/>]')  # a cell tag with a namespace prefix (or text that looks like one)
_TWO_R = re.compile(rb'"\s+r\s*=')  # an r attribute after another attribute: maybe a cell's second r
_SUSPECT: dict[tuple[int, int], re.Pattern] = {}


def _suspect(rows: int, columns: int) -> re.Pattern:
    """A cell the fast reading cannot vouch for within (rows, columns): one without a canonical first ``r``, or in
    a column or row beyond them (one pass over the ``<c`` positions)."""
    key = (rows, columns)
    if key not in _SUSPECT:
        letters = greater_than(column_letters(columns), "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3)
        digits = greater_than(str(rows), "0123456789", None)
        _SUSPECT.clear()  # the bounds grow chunk by chunk: keep only the current pattern
        _SUSPECT[key] = re.compile(rb'<c(?:[\t\n\r/>]| (?!r="[A-Z]{1,3}\d{1,7}")| r="(?:(?:' + letters
                                   + rb')\d|[A-Z]{1,3}(?:' + digits + rb')"))')
    return _SUSPECT[key]


def declared_dimension(head: bytes) -> tuple[str, int, int] | None:
    """The ``<dimension ref>`` in the head of a sheet's XML: (ref as written, last row, last column), or None."""
    found = _DIMENSION.search(head)
    if found is None:
        return None
    last = (found.group(2) or found.group(1)).decode("ascii")
    parts = _REF.fullmatch(last)
    if parts is None:
        return None
    ref = found.group(1).decode("ascii") + (":" + last if found.group(2) else "")
    return ref, int(parts.group(2)), column_number(parts.group(1))


class Restart(Exception):
    """The part must be read again from its start, tag by tag (:class:`XmlSheetExtent` met an irregular cell after
    reading earlier chunks the fast way, which does not count rows without a reference)."""


class XmlSheetExtent:
    """The reach of a worksheet part of an XLSX/XLSM (SpreadsheetML XML), fed in chunks. ``exact``: read tag by tag
    from the start (what :class:`Restart` asks for)."""

    def __init__(self, exact: bool = False) -> None:
        self.rows = 0
        self.columns = 0
        self.head = b""
        self._exact = exact
        self._fed = False
        self._carry = b""
        self._row = 0  # the current row, for cells and rows without a reference
        self._column = 0

    def feed(self, chunk: bytes) -> None:
        """Read the next bytes of the part."""
        if len(self.head) < 65536:
            self.head += chunk[:65536 - len(self.head)]
        data = self._carry + chunk
        end = data.rfind(b">") + 1
        body, self._carry = data[:end], data[end:]  # a tag cut by the chunk's end waits for the next chunk
        if not self._exact and (self._within(body) or (_IRREGULAR.search(body) is None and self._fast(body))):
            self._fed = True
            return
        if not self._exact:
            if self._fed:
                raise Restart()
            self._exact = True
        self._fed = True
        self._tags(body)

    def _within(self, data: bytes) -> bool:
        """True when every cell of the chunk is canonical and within the reach known so far (the rows its row
        elements give, the columns seen): one search finds anything else, so ordinary chunks cost no more."""
        rows = _ROWS.findall(data)
        if rows:
            self.rows = max(self.rows, max(int(r) for r in rows))
        if not self.columns:
            return False
        return not (_PREFIXED.search(data) or _suspect(self.rows, self.columns).search(data) or _TWO_R.search(data))

    def _fast(self, data: bytes) -> bool:
        """Read a chunk of canonical cells; False when one has a second ``r`` (then it needs the exact reading)."""
        refs = _FAST.findall(data)
        if not refs:
            return True
        if any(_SECOND_R.search(a) for a in {a for _, _, a in refs}):
            return False
        widest = max({c for c, _, _ in refs}, key=lambda c: (len(c), c))
        self.columns = max(self.columns, column_number(widest))
        self.rows = max(self.rows, max(int(r) for r in {r for _, r, _ in refs}))
        return True

    def _tags(self, data: bytes) -> None:
        for closing, name, attrs in _TAG.findall(data):
            if closing:
                continue
            if name == b"row":
                found = _ROW_R.search(attrs)
                self._row = int(found.group(1)) if found else self._row + 1
                self._column = 0
                continue
            found = _CELL_R.findall(attrs)
            if found:
                self._column = max(column_number(letters) for letters, _ in found)
                row = max(int(digits) for _, digits in found)
            else:
                self._column, row = self._column + 1, max(self._row, 1)
            self.rows = max(self.rows, row)
            self.columns = max(self.columns, self._column)

    def finish(self) -> tuple[int, int]:
        """The farthest (row, column) any cell takes (0, 0 for a sheet without cells)."""
        if self._carry:
            if not self._exact and self._fed and _IRREGULAR.search(self._carry + b">"):
                raise Restart()
            self._tags(self._carry + b">")
            self._carry = b""
        return self.rows, self.columns

    def reach(self) -> dict[str, tuple[int, int]]:
        """The reach so far, by sheet (one unnamed sheet)."""
        return {"": (self.rows, self.columns)}


#: How much of a part :func:`xml_sheet_reach` feeds at a time: the first chunk learns the columns cell by cell, the
#: others need one search each (the input guard streams its parts in chunks of this size too).
CHUNK = 1 << 22


def xml_sheet_reach(xml: bytes) -> tuple[int, int]:
    """The farthest (row, column) a whole worksheet part's cells take, as calamine will place them (cells without a
    value count too, see the module's text)."""
    for exact in (False, True):
        scanner = XmlSheetExtent(exact=exact)
        try:
            for start in range(0, len(xml), CHUNK):
                scanner.feed(xml[start:start + CHUNK])
            return scanner.finish()
        except Restart:
            continue
    raise AssertionError("the exact reading never restarts")


class BinSheetExtent:
    """The reach of an XLSB worksheet part (BIFF12 records), fed in chunks: rows from BrtRowHdr, columns from the
    cell records, and the BrtWsDim declaration (record numbers from [MS-XLSB] 2.3.2)."""

    ROW_HEADER = 0x0000
    CELLS = frozenset({0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007, 0x0008, 0x0009, 0x000A, 0x000B,
                       0x003E})
    DIMENSION = 0x0094

    def __init__(self) -> None:
        self.rows = 0
        self.columns = 0
        self.declared: tuple[int, int] | None = None
        self._buffer = b""
        self._skip = 0
        self._row = 0

    def feed(self, chunk: bytes) -> None:
        """Read the next bytes of the part."""
        if self._skip:
            dropped = min(self._skip, len(chunk))
            self._skip -= dropped
            chunk = chunk[dropped:]
        data = self._buffer + chunk
        at = 0
        while True:
            record = self._record(data, at)
            if record is None:
                break
            kind, start, size = record
            if start + size > len(data):
                if size > 4096:  # a large record none of the checks needs: skip it without buffering it
                    self._skip = start + size - len(data)
                    at = len(data)
                break
            self._use(kind, data[start:start + min(size, 16)])
            at = start + size
        self._buffer = data[at:]

    @staticmethod
    def _record(data: bytes, at: int) -> tuple[int, int, int] | None:
        if at >= len(data):
            return None
        kind = data[at] & 0x7F
        pos = at + 1
        if data[at] & 0x80:
            if pos >= len(data):
                return None
            kind |= (data[pos] & 0x7F) << 7
            pos += 1
        size = 0
        for shift in (0, 7, 14, 21):
            if pos >= len(data):
                return None
            byte = data[pos]
            pos += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        return kind, pos, size

    def _use(self, kind: int, payload: bytes) -> None:
        if len(payload) < 4:
            return
        first = struct.unpack_from("<I", payload)[0]
        if kind == self.ROW_HEADER:
            self._row = first + 1
        elif kind in self.CELLS:
            self.rows = max(self.rows, self._row)
            self.columns = max(self.columns, first + 1)
        elif kind == self.DIMENSION and len(payload) >= 16:
            _, last_row, _, last_col = struct.unpack_from("<IIII", payload)
            self.declared = (last_row + 1, last_col + 1)

    def finish(self) -> tuple[int, int]:
        """The farthest (row, column) any cell takes."""
        return self.rows, self.columns

    def reach(self) -> dict[str, tuple[int, int]]:
        """The reach so far, by sheet (one unnamed sheet)."""
        return {"": (self.rows, self.columns)}


_ODS_TAG = re.compile(rb'<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>')
_ODS_REPEAT = {b"table-row": re.compile(rb'number-rows-repeated\s*=\s*["\'](\d+)'),
               b"cell": re.compile(rb'number-columns-repeated\s*=\s*["\'](\d+)')}
_ODS_NAME = re.compile(rb'(?:^|\s)(?:[\w.-]+:)?name\s*=\s*["\']([^"\']*)')


class OdsExtent:
    """The reach of each table of an ODS ``content.xml``, fed in chunks: rows and cells repeated by
    ``number-rows-repeated`` / ``number-columns-repeated`` count once per repeat when they hold a value (a cell with
    a value type or with content); the empty filler LibreOffice writes to the sheet's end does not."""

    def __init__(self) -> None:
        self.tables: dict[str, tuple[int, int]] = {}
        self._name = ""
        self._row = 0
        self._row_repeat = 1
        self._column = 0
        self._row_has_value = False
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        """Read the next bytes of ``content.xml``."""
        data = self._carry + chunk
        end = data.rfind(b">") + 1
        for closing, name, attrs, empty in _ODS_TAG.findall(data[:end]):
            self._tag(closing, name, attrs, empty)
        self._carry = data[end:]

    def _tag(self, closing: bytes, name: bytes, attrs: bytes, empty: bytes) -> None:
        if name == b"table":
            if not closing:
                found = _ODS_NAME.search(attrs)
                self._name = found.group(1).decode("utf-8", "replace") if found else f"#{len(self.tables) + 1}"
                self._row = 0
                self.tables.setdefault(self._name, (0, 0))
            return
        if name == b"table-row":
            if closing:
                self._row += self._row_repeat
                return
            found = _ODS_REPEAT[b"table-row"].search(attrs)
            self._row_repeat = int(found.group(1)) if found else 1
            self._column = 0
            if empty:
                self._row += self._row_repeat
            return
        if closing:
            return
        found = _ODS_REPEAT[b"cell"].search(attrs)
        repeat = int(found.group(1)) if found else 1
        valued = not empty or b"value-type" in attrs
        self._column += repeat
        if valued:
            rows, columns = self.tables.get(self._name, (0, 0))
            self.tables[self._name] = (max(rows, self._row + self._row_repeat), max(columns, self._column))

    def finish(self) -> dict[str, tuple[int, int]]:
        """Each table's farthest (row, column) holding a value."""
        return self.tables

    def reach(self) -> dict[str, tuple[int, int]]:
        """The reach so far, by table name."""
        return self.tables
