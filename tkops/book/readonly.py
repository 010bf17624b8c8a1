"""A workbook that is only read, never saved: for the steps that change no workbook (evidence packs, packing slips,
the month-end's team sheets). It opens what the file backend refuses to save over (tkops.xlsm with its macros,
buttons and charts: nothing can be lost when nothing is written) and a workbook Excel has open (the last saved
version is read). Cells come through python-calamine, as the readers of exports get them.
"""

from __future__ import annotations

from pathlib import Path

from tkops.errors import BadWorkbook, DataError


class ReadOnlyBook:
    """``read_rows`` like :class:`tkops.book.FileBook`; there is nothing to write or save."""

    def __init__(self, path: str | Path) -> None:
        from tkops.sources.raw import open_workbook

        self.path = Path(path)
        self.exists = True
        try:
            self.workbook = open_workbook(self.path)
        except DataError:
            raise BadWorkbook(file=self.path.name, detail="cannot be opened as a workbook (.xlsx or .xlsm)") from None

    def read_rows(self, sheet: str) -> list[list] | None:
        """A sheet's rows (header first), empty cells as None; None when there is no such sheet."""
        if sheet not in self.workbook.sheet_names:
            return None
        rows = self.workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        return [[None if v == "" else v for v in row] for row in rows]


__all__ = ["ReadOnlyBook"]
