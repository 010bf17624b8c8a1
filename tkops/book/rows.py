"""What the sheet specs ask of rows and panes, computed once for every backend: where panes freeze, how tall a row
of wrapped multi-line text must be, which columns the outline groups.

Excel does not grow a row to fit wrapped text a library wrote, so a row holding a three-paragraph reply shows its
last line only unless its height is set. Heights are estimated from the text: each paragraph takes as many lines
as its characters need at the column's width (East Asian wide characters count double), 15 points a line, capped
so that one long message cannot make a row taller than the window.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

import pandas as pd

from tkops.book.layout import SheetSpec

LINE_POINTS = 15.0  # Calibri 11 line height in points, as Excel draws it
MAX_LINES = 12  # a taller cell scrolls; the text is all there
CHARS_PER_WIDTH = 1.15  # average characters of running text per unit of Excel column width


def freeze_column(spec: SheetSpec, headers: list[str]) -> int:
    """How many columns stay in view when scrolling right: up to and including ``spec.freeze`` (0 when the sheet
    has none or lacks that header)."""
    if spec.freeze and spec.freeze in headers:
        return headers.index(spec.freeze) + 1
    return 0


def text_lines(value: Any, width: float) -> int:
    """Lines a wrapped cell of ``width`` (Excel column width) needs for ``value``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 1
    per_line = max(1.0, width * CHARS_PER_WIDTH)
    lines = 0
    for paragraph in str(value).split("\n"):
        size = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in paragraph)
        lines += max(1, math.ceil(size / per_line))
    return lines


def row_heights(spec: SheetSpec, frame: pd.DataFrame, widths: dict[str, float] | None = None) -> list[float | None]:
    """Per row of ``frame``: the height in points its wrapped columns need, None when one line is enough.
    ``widths`` overrides the spec's column widths (an existing sheet's own)."""
    wrapped = [c for c in spec.columns if c.header in spec.wrap and c.header in frame.columns]
    if not wrapped or frame.empty:
        return [None] * len(frame)
    lines = pd.Series(1, index=frame.index)
    for column in wrapped:
        width = (widths or {}).get(column.header, column.width)
        needed = frame[column.header].map(lambda v, w=width: text_lines(v, w))
        lines = lines.where(lines >= needed, needed)
    return [None if n <= 1 else min(n, MAX_LINES) * LINE_POINTS for n in lines.tolist()]


def outline_runs(spec: SheetSpec, headers: list[str]) -> list[tuple[int, int]]:
    """Runs of adjacent columns (0-based first, last) that the outline groups."""
    runs: list[tuple[int, int]] = []
    for i, header in enumerate(headers):
        if header not in spec.outline:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
