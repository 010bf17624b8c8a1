"""One cell edit: the value to write and what it changes in the cell's format (docs/ooxml.md#cells-tkops-writes).

A cell that changes value keeps its format, except for the number format its column's kind needs, the way the
openpyxl-based editor did it (``_put``): dates get the date format, IDs the text format, numbers theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from tkops.book.cells import NUMBER_FORMATS
from tkops.schema import Kind

if TYPE_CHECKING:
    from tkops.book.ooxml.styles import Styles

KEEP = object()  # an edit that changes a cell's look only


class Look(NamedTuple):
    """Changes to a cell's format besides its number format."""

    bold: bool = False
    fill: str | None = None  # "#RRGGBB", or "none"
    bottom_border: bool = False
    wrap: bool = False  # wrapped and top-aligned: a multi-line text column (SheetSpec.wrap)


class Edit(NamedTuple):
    """A cell's new value (or :data:`KEEP`), the number format it needs, and any other change of look."""

    value: Any
    number_format: str | None = None
    look: Look | None = None


#: The look of a header cell tkops adds (the new-book writer's header format).
HEADER_LOOK = Look(bold=True, fill="#DDEBF7", bottom_border=True)


def put(value: Any, kind: Kind, fmt: str) -> Edit:
    """The edit writing ``value`` into a cell of a ``kind`` column (the number format it needs, if any)."""
    if isinstance(value, str):
        return Edit(value, fmt if kind is Kind.ID else None)
    if isinstance(value, (dt.datetime, dt.date)):
        return Edit(value, NUMBER_FORMATS[Kind.DATETIME])
    if isinstance(value, dt.time):
        return Edit(value, "h:mm:ss")
    if isinstance(value, dt.timedelta):
        return Edit(value, "[h]:mm:ss")
    if value is not None and not isinstance(value, bool) and kind in (Kind.MONEY, Kind.INT, Kind.NUMBER):
        return Edit(value, fmt)
    return Edit(value)


def style_of(styles: Styles | None, base: int, edit: Edit) -> int:
    """The cell format of a cell that had ``base`` once ``edit`` is applied (``base`` when nothing changes)."""
    if styles is None or (edit.number_format is None and edit.look is None):
        return base
    look = edit.look or Look()
    return styles.derive(base, edit.number_format, look.bold, look.fill, look.bottom_border, look.wrap)
