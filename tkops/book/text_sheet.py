"""A one-sheet workbook in which every cell is text: the file another system reads back (the Seller Center's
bulk-shipping upload, docs/seller-center-files.md#upload-template).

Every value is written as a string (never a number, formula or link), so 18-digit IDs stay intact and buyer text
never becomes a formula; control characters a spreadsheet refuses are removed and a cell keeps at most Excel's
32,767 characters. The file is written to a temporary file that then replaces the target.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Mapping, Sequence

import pandas as pd
import xlsxwriter

from tkops.book.safety import atomic_target
from tkops.cells.text import scalar_text
from tkops.values import CONTROL_CHARS

CELL_LIMIT = 32_767  # the most characters an Excel cell holds
#: A fixed creation time, so the same rows give the same file.
CREATED = dt.datetime(2026, 1, 1)


def text_cell(value) -> str:
    """``value`` as the text of a cell: control characters removed, cut to :data:`CELL_LIMIT` characters."""
    return CONTROL_CHARS.sub("", scalar_text(value))[:CELL_LIMIT]


def write_text_sheet(path: str | Path, sheet: str, frame: pd.DataFrame, columns: Sequence[str],
                     min_widths: Mapping[int, int] | None = None) -> Path:
    """Write ``frame`` as the only sheet ``sheet`` of a new workbook at ``path``: the header ``columns``, then one row
    a frame row, every cell text (empty cells left blank). ``frame`` must have exactly ``columns`` (a ValueError
    otherwise: the caller's mistake, not the user's). Each column is wide enough for its header and values, and at
    least ``min_widths[i]`` characters. Returns ``path``."""
    path = Path(path)
    if list(frame.columns) != list(columns):
        raise ValueError(f"columns must be exactly {list(columns)}")
    min_widths = dict(min_widths or {})
    with atomic_target(path) as tmp:
        workbook = xlsxwriter.Workbook(str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False,
                                                  "strings_to_urls": False, "constant_memory": True})
        workbook.set_properties({"created": CREATED, "title": sheet})
        text = workbook.add_format({"num_format": "@"})
        ws = workbook.add_worksheet(sheet)
        for c, header in enumerate(columns):
            longest = max((len(text_cell(v)) for v in frame.iloc[:, c]), default=0)
            ws.set_column(c, c, max(14, len(header) + 2, longest + 3, min_widths.get(c, 0)), text)
            ws.write_string(0, c, header, text)
        for r, values in enumerate(frame.itertuples(index=False, name=None), start=1):
            for c, value in enumerate(values):
                cell = text_cell(value)
                if cell:
                    ws.write_string(r, c, cell, text)
        workbook.close()
    return path
