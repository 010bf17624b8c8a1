"""The rows of a sheet part, streamed (docs/ooxml.md#sheetdata): unchanged ``<row>`` elements are copied as the
bytes they are; only the rows with an edit are parsed and written again, and only their edited cells change.

Rows and cells are found with byte searches, not an XML parser: inside ``<sheetData>`` every ``<`` of text is
escaped, so ``<row`` and ``<c`` can only start elements. Rows and cells that leave out their ``r`` reference follow
the one before (ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from openpyxl.formula.translate import Translator, TranslatorError

from tkops.book.ooxml.cellxml import cell_xml, column_index, column_letter, range_bounds
from tkops.book.ooxml.edits import KEEP, Edit, Look
from tkops.book.ooxml.reader import unescape

_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData\b[^>]*?(/?)>")
_ROW_R = re.compile(rb'\sr="(\d+)"')
_SPANS = re.compile(rb'\sspans="[^"]*"')
_ROW_S = re.compile(rb'\ss="(\d+)"')
_CUSTOM = re.compile(rb'\scustomFormat="(1|true)"')
_HEIGHT = re.compile(rb'\s(?:ht|customHeight)="[^"]*"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_F = re.compile(rb"<((?:\w+:)?)f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>/]")

@dataclass
class Bounds:
    """Where ``<sheetData>``'s rows are in a sheet part."""

    prefix: bytes
    open_start: int
    data_start: int
    data_end: int
    close_end: int


def sheet_data(xml: bytes) -> Bounds:
    m = _SHEET_DATA.search(xml)
    if not m:
        raise ValueError("no sheetData element")
    prefix = m.group(1)
    if m.group(2):
        return Bounds(prefix, m.start(), m.end(), m.end(), m.end())
    close = b"</" + prefix + b"sheetData>"
    end = xml.find(close, m.end())
    if end < 0:
        raise ValueError("sheetData is not closed")
    return Bounds(prefix, m.start(), m.end(), end, end + len(close))


@dataclass
class Row:
    index: int
    start: int
    body_start: int
    body_end: int
    end: int
    tag: bytes

    def body(self, xml: bytes) -> bytes:
        return xml[self.body_start:self.body_end]


def iter_rows(xml: bytes, bounds: Bounds | None = None) -> Iterator[Row]:
    """The ``<row>`` elements of a sheet part, in order."""
    bounds = bounds or sheet_data(xml)
    opening = b"<" + bounds.prefix + b"row"
    closing = b"</" + bounds.prefix + b"row>"
    pos, end, index = bounds.data_start, bounds.data_end, 0
    while True:
        at = xml.find(opening, pos, end)
        if at < 0:
            return
        after = xml[at + len(opening):at + len(opening) + 1]
        if after not in (b" ", b">", b"/", b"\t", b"\r", b"\n"):
            pos = at + 1
            continue
        tag_end = xml.find(b">", at) + 1
        tag = xml[at:tag_end]
        m = _ROW_R.search(tag)
        number = int(m.group(1)) if m else index + 1
        if number <= index:
            raise ValueError(f"row {number} comes after row {index}")
        index = number
        if tag.endswith(b"/>"):
            yield Row(index, at, tag_end, tag_end, tag_end, tag)
            pos = tag_end
            continue
        close = xml.find(closing, tag_end, end)
        if close < 0:
            raise ValueError(f"row {index} is not closed")
        yield Row(index, at, tag_end, close, close + len(closing), tag)
        pos = close + len(closing)


@dataclass
class Cell:
    column: int
    raw: bytes
    attrs: dict
    body: bytes

    def ref(self, row: int) -> str:
        return f"{column_letter(self.column)}{row}"

    @property
    def style(self) -> int:
        return int(self.attrs.get(b"s", b"0") or 0)

    def formula(self) -> tuple[dict, bytes | None] | None:
        m = _F.search(self.body)
        return (dict(_ATTR.findall(m.group(2))), m.group(3)) if m else None


def parse_cells(body: bytes) -> list[Cell]:
    cells, column = [], 0
    for m in _CELL.finditer(body):
        attrs = dict(_ATTR.findall(m.group(1)))
        ref = attrs.get(b"r")
        column = column_index(ref.decode().rstrip("0123456789").lstrip("$")) if ref else column + 1
        cells.append(Cell(column, m.group(0), attrs, m.group(3) or b""))
    return cells


@dataclass
class Patch:
    """What to do to a sheet's rows: ``edits`` (row -> column -> :class:`Edit`), an optional band of columns
    cleared on every row (values and fills; a block beside a table), or every row replaced."""

    edits: dict[int, dict[int, Edit]] = field(default_factory=dict)
    band: tuple[int, int] | None = None  # first and last column
    replace_all: bool = False
    #: row -> its height in points (None: back to the default height), for rows of wrapped multi-line text
    heights: dict[int, float | None] = field(default_factory=dict)


@dataclass
class Report:
    """What streaming found out: whether a formula was removed (the calculation chain is then stale)."""

    formulas_removed: bool = False


class Patcher:
    """Streams the new ``<sheetData>`` content of one sheet part."""

    def __init__(self, xml: bytes, bounds: Bounds, patch: Patch, col_styles: dict[int, int],
                 style: Callable[[int, Edit], int], has_fill: Callable[[int], bool], date1904: bool) -> None:
        self.xml, self.bounds, self.patch = xml, bounds, patch
        self.prefix = bounds.prefix.decode()
        self.col_styles, self.style, self.has_fill, self.date1904 = col_styles, style, has_fill, date1904
        self.report = Report()
        self._shared: dict[bytes, tuple[str, str, tuple[int, int, int, int]]] = {}

    def chunks(self) -> Iterator[bytes]:
        xml, edits = memoryview(self.xml), self.patch.edits
        pending = sorted(edits)
        i, copied = 0, self.bounds.data_start
        if self.patch.replace_all:
            self.report.formulas_removed = bool(_F.search(self.xml, self.bounds.data_start, self.bounds.data_end))
            for r in pending:
                yield self._new_row(r, edits[r])
            return
        for row in iter_rows(self.xml, self.bounds):
            out: list[bytes] = []
            while i < len(pending) and pending[i] < row.index:
                out.append(self._new_row(pending[i], edits[pending[i]]))
                i += 1
            replaced = None
            row_edits = edits.get(row.index)
            if row_edits is not None:
                i += 1
            if row_edits is not None or self.patch.band or self._in_shared(row.index) or \
                    row.index in self.patch.heights:
                replaced = self._changed_row(row, row_edits or {})
            if out or replaced is not None:
                yield xml[copied:row.start]
                copied = row.start
                yield b"".join(out)
            if replaced is not None:
                yield replaced
                copied = row.end
        yield xml[copied:self.bounds.data_end]
        yield b"".join(self._new_row(r, edits[r]) for r in pending[i:])

    def _in_shared(self, row: int) -> bool:
        return any(b[0] <= row <= b[2] for _t, _r, b in self._shared.values())

    def _new_row(self, r: int, cells: dict[int, Edit]) -> bytes:
        parts = [self._cell(r, c, cells[c], self.col_styles.get(c, 0)) for c in sorted(cells)]
        body = "".join(parts)
        if not body:
            return b""
        return _with_height(f'<{self.prefix}row r="{r}">'.encode(), self.patch.heights, r) + body.encode() + \
            f"</{self.prefix}row>".encode()

    def _changed_row(self, row: Row, cells: dict[int, Edit]) -> bytes | None:
        existing = parse_cells(row.body(self.xml))
        row_style = None
        if _CUSTOM.search(row.tag):
            m = _ROW_S.search(row.tag)
            row_style = int(m.group(1)) if m else None
        out, changed, seen = [], bool(cells) or row.index in self.patch.heights, set()
        band = self.patch.band
        for cell in existing:
            seen.add(cell.column)
            edit = cells.get(cell.column)
            if edit is None and band and band[0] <= cell.column <= band[1]:
                edit = self._band_clear(cell)
            if edit is None:
                expanded = self._expand_dependent(cell, row.index)
                if expanded is not None:
                    changed = True
                    out.append((cell.column, expanded))
                else:
                    out.append((cell.column, cell.raw))
                continue
            changed = True
            out.append((cell.column, self._replace(cell, edit, row.index)))
        for c in cells:
            if c not in seen:
                base = row_style if row_style is not None else self.col_styles.get(c, 0)
                out.append((c, self._cell(row.index, c, cells[c], base).encode()))
        if not changed:
            return None
        out.sort(key=lambda item: item[0])
        tag = _SPANS.sub(b"", row.tag)
        if not _ROW_R.search(tag):
            tag = tag.replace(self.bounds.prefix + b"row", self.bounds.prefix + b'row r="%d"' % row.index, 1)
        if tag.endswith(b"/>"):
            tag = tag[:-2] + b">"
        tag = _with_height(tag, self.patch.heights, row.index)
        return tag + b"".join(raw for _c, raw in out) + f"</{self.prefix}row>".encode()

    def _band_clear(self, cell: Cell) -> Edit | None:
        has_value = bool(_HAS_VALUE.search(cell.body))
        filled = self.has_fill(cell.style)
        if not has_value and not filled:
            return None
        return Edit(None if has_value else KEEP, None, Look(fill="none") if filled else None)

    def _replace(self, cell: Cell, edit: Edit, row: int) -> bytes:
        if edit.value is KEEP:
            style = self.style(cell.style, edit)
            return cell.raw if style == cell.style else _with_style(cell.raw, style)
        formula = cell.formula()
        if formula is not None:
            self.report.formulas_removed = True
            attrs, text = formula
            if attrs.get(b"t") == b"shared" and text and b"ref" in attrs:
                bounds = range_bounds(attrs[b"ref"].decode())
                self._shared[attrs.get(b"si", b"")] = (unescape(text.decode("utf-8")), cell.ref(row), bounds)
        return self._cell(row, cell.column, edit, cell.style).encode()

    def _expand_dependent(self, cell: Cell, row: int) -> bytes | None:
        """A cell that used a shared formula whose first cell was overwritten gets the formula written out."""
        if not self._shared or b"<" not in cell.body:
            return None
        formula = cell.formula()
        if formula is None:
            return None
        attrs, text = formula
        si = attrs.get(b"si")
        if attrs.get(b"t") != b"shared" or text or si not in self._shared:
            return None
        master_text, master_ref, _bounds = self._shared[si]
        try:
            own = Translator("=" + master_text, origin=master_ref).translate_formula(cell.ref(row))[1:]
        except TranslatorError:
            raise ValueError(f"the shared formula of {master_ref} cannot be written out for {cell.ref(row)}") from None
        own = own.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        m = _F.search(cell.body)
        f = m.group(1).decode()
        new_body = cell.body[:m.start()] + f"<{f}f>{own}</{f}f>".encode() + cell.body[m.end():]
        start = cell.raw[:cell.raw.index(b">") + 1]
        if start.endswith(b"/>"):
            return None
        return start + new_body + cell.raw[len(start) + len(cell.body):]

    def _cell(self, row: int, column: int, edit: Edit, base: int) -> str:
        style = self.style(base, edit)
        return cell_xml(f"{column_letter(column)}{row}", None if edit.value is KEEP else edit.value, style,
                        self.prefix, self.date1904)


def _with_style(raw: bytes, style: int) -> bytes:
    """A cell element with its ``s`` attribute set to ``style`` (left out for 0), everything else as it was."""
    end = raw.index(b">")
    head, slash = (raw[:end - 1], b"/") if raw[end - 1:end] == b"/" else (raw[:end], b"")
    head = re.sub(rb'\ss="\d+"', b"", head) + (b' s="%d"' % style if style else b"")
    return head + slash + raw[end:]


def _with_height(tag: bytes, heights: dict[int, float | None], row: int) -> bytes:
    """A ``<row ...>`` start tag with the height ``heights`` gives the row (none given: the tag as it is)."""
    if row not in heights:
        return tag
    tag = _HEIGHT.sub(b"", tag)
    height = heights[row]
    if height is None:
        return tag
    points = str(int(height)) if float(height).is_integer() else str(height)
    return tag[:-1] + b' ht="%s" customHeight="1">' % points.encode()
