"""A workbook that is only read, never saved: for the steps that change no workbook (evidence packs, packing slips,
the month-end's team sheets). It opens what the file backend refuses to save over (tkops.xlsm with its macros,
buttons and charts: nothing can be lost when nothing is written) and a workbook Excel has open (the last saved
version is read), and the workbooks the file backend refuses to edit (a signed package, Strict Open XML). Cells come
through python-calamine, as the readers of exports get them: the caller opens the file with the input checks
(:func:`tkops.sources.raw.open_workbook`: what it holds, its zip package, every sheet's reach) and hands it over.
"""

from __future__ import annotations

from pathlib import Path


class ReadOnlyBook:
    """``read_rows`` like :class:`tkops.book.FileBook`; there is nothing to write or save. ``workbook``: the file
    as opened and checked by :func:`tkops.sources.raw.open_workbook`; ``path``: where it is (its history store and
    output folder are beside it)."""

    def __init__(self, workbook, path: str | Path) -> None:
        self.workbook = workbook
        self.path = Path(path)
        self.exists = True

    def read_rows(self, sheet: str) -> list[list] | None:
        """A sheet's rows (header first), empty cells as None; None when there is no such sheet."""
        if sheet not in self.workbook.sheet_names:
            return None
        rows = self.workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        return [[None if v == "" else v for v in row] for row in rows]


__all__ = ["ReadOnlyBook"]
