"""What a tkops sheet has besides its cells (docs/ooxml.md#what-a-tkops-sheet-carries), laid out on an edited
sheet the way the new-book writer lays it out: its table, drop-down lists, the highlight rules and their defined
name, the print setup of printed sheets, and the ``<dimension>`` covering what was written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from tkops.book.layout import SheetSpec
from tkops.book.ooxml.cellxml import column_letter
from tkops.book.ooxml.package import Package
from tkops.book.ooxml.rows import Edit
from tkops.book.ooxml.sheet import SheetPart
from tkops.book.ooxml.tables import (
    Table,
    all_tables,
    new_table,
    table_ref,
    unique_headers,
)
from tkops.book.printing import FOOTER, MARGINS

if TYPE_CHECKING:
    from tkops.book.ooxml.editor import OoxmlWorkbook


def quote_sheet(name: str) -> str:
    """A sheet name in a formula, quoted the way the new-book writer quotes it (``'Orders'``, quotes doubled inside)."""
    return "'" + name.replace("'", "''") + "'"


def find_table(package: Package, part: SheetPart, name: str) -> Table | None:
    """The table called ``name`` on this sheet, if any."""
    tables = [Table(package, p) for p in part.table_parts()]
    for table in tables:
        if table.name == name:
            return table
    return next((t for t in tables if t.name.lower() == name.lower()), None)


def _free_table_name(book: "OoxmlWorkbook", wanted: str) -> str:
    used = {t.name.lower() for t in all_tables(book.package)} | {
        n.lower() for n, _local, _f in book.workbook.defined_names()}
    name, n = wanted, 2
    while name.lower() in used:
        name = f"{wanted}_{n}"
        n += 1
    return name


def table(book: "OoxmlWorkbook", name: str, spec: SheetSpec, last_col: int, last_row: int) -> None:
    """The sheet's table covers A1 to (``last_row``, ``last_col``); its columns are named like the header cells."""
    grid, part = book._grids[name], book._sheet(name)
    ref = table_ref(last_col, last_row)
    first = grid[0] if grid else []
    headers = [first[c - 1] if c <= len(first) else None for c in range(1, last_col + 1)]
    for c, header in enumerate(headers, start=1):
        if header in (None, ""):
            headers[c - 1] = f"Column{c}"
            book._set(name, 1, c, Edit(f"Column{c}"))
    current = find_table(book.package, part, spec.table)
    if current is not None and current.ref == ref:
        return
    names = unique_headers([str(h) for h in headers])
    for c, (header, column_name) in enumerate(zip(headers, names), start=1):
        if header != column_name:  # a table's header cells hold its column names, as text
            book._set(name, 1, c, Edit(column_name))
    if current is not None:
        current.resize(ref, names)
        return
    _table, rid = new_table(book.package, part.part, _free_table_name(book, spec.table), ref, names, spec.style)
    part.add_table_part(rid)


def lists(part: SheetPart, spec: SheetSpec, positions: dict[str, int]) -> None:
    """A drop-down list on each listed column, from row 2 down (unless that range has one)."""
    present = part.validation_ranges()
    for header, choices in spec.lists.items():
        letter = column_letter(positions[header])
        target = f"{letter}2:{letter}1048576"
        if target not in present:
            part.add_list_validation(target, [str(c) for c in choices])


def highlights(book: "OoxmlWorkbook", name: str, spec: SheetSpec, flags_col: int) -> None:
    """The defined name of the flags column, and one conditional-format rule per colour (added once)."""
    marks = spec.highlights
    letter = column_letter(flags_col)
    book.workbook.set_name(marks.name, f"{quote_sheet(name)}!${letter}:${letter}")
    part = book._sheet(name)
    wanted = [(marks.formula(code), colour) for code, _severity, colour in marks.colours]
    if {f for f, _c in wanted} <= part.rule_formulas():
        return
    part.add_formula_rules(marks.cells, [(f, book.styles.solid_dxf(colour)) for f, colour in wanted])


def print_setup(book: "OoxmlWorkbook", name: str, last_row: int, last_col: int) -> None:
    """The print setup of :mod:`tkops.book.printing` on an edited sheet."""
    index = book.workbook.index(name)
    sheet = quote_sheet(name)
    book.workbook.set_name("_xlnm.Print_Area", f"{sheet}!$A$1:${column_letter(max(last_col, 1))}${max(last_row, 2)}",
                           index)
    book.workbook.set_name("_xlnm.Print_Titles", f"{sheet}!$1:$1", index)
    part = book._sheet(name)
    pr = part.ensure("sheetPr")
    setup_pr = pr.find(part.q("pageSetUpPr"))
    if setup_pr is None:
        setup_pr = etree.SubElement(pr, part.q("pageSetUpPr"))  # the last of tabColor, outlinePr, pageSetUpPr
    _set(part, setup_pr, fitToPage="1")
    _set(part, part.ensure("printOptions"), horizontalCentered="1", gridLines="1")
    margins = part.ensure("pageMargins", left="0.7", right="0.7", top="0.75", bottom="0.75", header="0.3",
                          footer="0.3")
    _set(part, margins, **{side: str(inches) for side, inches in MARGINS.items()})
    _set(part, part.ensure("pageSetup"), orientation="landscape", fitToWidth="1", fitToHeight="0")
    header_footer = part.ensure("headerFooter")
    footer = header_footer.find(part.q("oddFooter"))
    if footer is None:
        footer = etree.Element(part.q("oddFooter"))
        header = header_footer.find(part.q("oddHeader"))
        (header.addnext if header is not None else lambda e: header_footer.insert(0, e))(footer)
    if footer.text != FOOTER:
        footer.text = FOOTER
        part.changed = True


def _set(part: SheetPart, element: etree._Element, **attrs: str) -> None:
    for key, value in attrs.items():
        if element.get(key) != value:
            element.set(key, value)
            part.changed = True


def dimension(part: SheetPart, grid: list[list[Any]]) -> None:
    """``<dimension>`` covers every row and column written (a replaced sheet: exactly its new cells)."""
    edits = part.patch.edits
    if part.patch.replace_all:
        dim = part.find("dimension")
        last_row = max(edits, default=1)
        last_col = max((c for cells in edits.values() for c in cells), default=1)
        if dim is not None:
            dim.set("ref", f"A1:{column_letter(last_col)}{last_row}")
        return
    if not edits:
        return
    last_row = max(edits)
    last_col = max(max(cells) for cells in edits.values() if cells)
    part.grow_dimension(last_row, last_col)
