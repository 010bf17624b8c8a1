"""Which sheets tkops.xlsm has, in tab order, and the VBA codeName of each.

``WORKBOOK_SHEETS`` is the one list the builder reads: adding a sheet to the macro workbook is one line there
(its SheetSpec lives in :mod:`tkops.book.layout`). Home comes first and ``xlwings.conf`` last; both are laid out
by their own modules, not from a SheetSpec.
"""

from __future__ import annotations

import re

from tkops.book import layout
from tkops.book.layout import SheetSpec

HOME = "Home"
XLWINGS_CONF = "xlwings.conf"  # exact name: xlwings' VBA looks the sheet up by it


#: The data sheets of tkops.xlsm between Home and xlwings.conf, in tab order.
WORKBOOK_SHEETS: tuple[SheetSpec, ...] = layout.STANDARD_SHEETS  # the same tabs as a workbook the commands write

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
