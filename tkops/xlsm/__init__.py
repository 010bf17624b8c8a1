"""Building tkops.xlsm, the macro workbook, from text sources without Excel.

* :mod:`tkops.xlsm.sheets`: which sheets the workbook has (one list), their VBA codeNames.
* :mod:`tkops.xlsm.home`: the Home sheet: buttons, status cell, last-run summary, instructions.
* :mod:`tkops.xlsm.xlwings_conf`: the ``xlwings.conf`` sheet (where RunPython finds Python).
* :mod:`tkops.xlsm.vba`: the VBA project from ``macros/`` and the installed xlwings.
* :mod:`tkops.xlsm.build`: :func:`build_workbook` and :func:`main` (``tkops workbook [--out PATH]``).
"""

from tkops.xlsm.build import build_workbook, main

__all__ = ["build_workbook", "main"]
