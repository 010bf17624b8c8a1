"""Editing an existing .xlsx/.xlsm workbook at the package level (docs/ooxml.md): values are read fast, and a save
rewrites only the parts a run changed, and only the changed rows inside them; every other part is copied byte for
byte, so charts, pivot tables, images, macros, controls and everything else a workbook holds are kept.
"""

from tkops.book.ooxml.carry import refuse_what_cannot_be_carried
from tkops.book.ooxml.editor import OoxmlWorkbook

__all__ = ["OoxmlWorkbook", "refuse_what_cannot_be_carried"]
