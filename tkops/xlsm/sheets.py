"""Which sheets tkops.xlsm has, in tab order, and the VBA codeName of each.

``WORKBOOK_SHEETS`` is the one list the builder reads: adding a sheet to the macro workbook is one line there
(its SheetSpec lives in :mod:`tkops.book.layout`). Home comes first and ``xlwings.conf`` last; both are laid out
by their own modules, not from a SheetSpec.
"""

from __future__ import annotations

import re

from tkops.book import layout
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.schema import Kind

HOME = "Home"
XLWINGS_CONF = "xlwings.conf"  # exact name: xlwings' VBA looks the sheet up by it

# --- PLACEHOLDERS owned by the review work ----------------------------------------------------------------------
# The Review and Rules sheets are defined here only so tkops.xlsm has them from the start. The review work will
# define the real specs (columns, widths, drop-down lists) in tkops.book.layout; then delete these two and point
# WORKBOOK_SHEETS at layout.REVIEW / layout.RULES.
REVIEW_PLACEHOLDER = SheetSpec("Review", "Review", (
    ColumnSpec("Order ID", Kind.ID, 21), ColumnSpec("SKU ID", Kind.ID, 21), ColumnSpec("Column", Kind.TEXT, 18),
    ColumnSpec("Code", Kind.TEXT, 18), ColumnSpec("Severity", Kind.TEXT, 10), ColumnSpec("Explanation", Kind.TEXT, 48),
    ColumnSpec("Buyer Language", Kind.TEXT, 10), ColumnSpec("Message to Buyer", Kind.TEXT, 60),
))
RULES_PLACEHOLDER = SheetSpec("Rules", "Rules", (
    ColumnSpec("Rule", Kind.TEXT, 24), ColumnSpec("Enabled", Kind.TEXT, 9), ColumnSpec("Setting", Kind.TEXT, 20),
    ColumnSpec("Value", Kind.TEXT, 16), ColumnSpec("Description", Kind.TEXT, 70),
), style="Table Style Light 9")
# --- end of placeholders ----------------------------------------------------------------------------------------

#: The data sheets of tkops.xlsm between Home and xlwings.conf, in tab order.
WORKBOOK_SHEETS: tuple[SheetSpec, ...] = (
    layout.ORDERS,
    REVIEW_PLACEHOLDER,
    layout.INVENTORY,
    layout.BUNDLES,
    RULES_PLACEHOLDER,
    layout.SETTINGS,
    layout.IMPORT_LOG,
    layout.MAPPINGS,
)

WORKBOOK_CODE_NAME = "ThisWorkbook"


def code_name(sheet_name: str) -> str:
    """The sheet's VBA codeName: ``sh`` + the ASCII letters and digits of its name (``xlwings.conf`` ->
    ``shXlwingsConf``). The VBA project has a document module of the same name."""
    parts = re.findall(r"[A-Za-z0-9]+", sheet_name)
    name = "sh" + "".join(p[:1].upper() + p[1:] for p in parts)
    if len(name) > 31 or len(name) == 2:
        raise ValueError(f"sheet {sheet_name!r}: cannot derive a codeName (need ASCII letters, at most 29)")
    return name


def all_sheet_names() -> list[str]:
    """Every sheet of tkops.xlsm in tab order."""
    return [HOME] + [spec.name for spec in WORKBOOK_SHEETS] + [XLWINGS_CONF]
