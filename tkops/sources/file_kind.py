"""What kind of file a person gave, by its content (``filetype``: magic numbers), so that a PDF, a picture or a Word
document given where an export belongs is named as what it is ("a PDF document"), not reported as "not UTF-8 text";
and an Excel workbook renamed to .csv is recognised as a workbook.

Only the first bytes are read. Text files (CSV) have no magic number: they pass, and the reader decides. Without
the ``filetype`` package (a partial install) every file passes and the readers' own messages apply.
"""

from __future__ import annotations

from pathlib import Path

from tkops.errors import DataError

try:
    import filetype
except ImportError:  # pragma: no cover - installed with tkops; a partial install only loses this check
    filetype = None

#: Kinds an export can be: CSV (text, no magic number) and spreadsheets.
SPREADSHEETS = frozenset({"xlsx", "xls", "ods"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
#: How a person calls a kind that is not an export, in English and Chinese.


def kind_of(path: Path) -> str | None:
    """The file's kind by content (an extension such as "pdf" or "xlsx"), None for text or anything unknown."""
    if filetype is None:
        return None
    try:
        found = filetype.guess(str(path))
    except (OSError, TypeError):
        return None
    return found.extension if found is not None else None


def refuse_wrong_kind(path: Path, what: str) -> None:
    """Raise DataError("wrong_file_kind") when ``path`` is not a CSV or spreadsheet (``what``: a message code naming
    what was expected, e.g. "kind_orders"), or "workbook_as_csv" when a workbook carries a text suffix."""
    path = Path(path)
    kind = kind_of(path)
    if kind is None or kind in SPREADSHEETS:
        if kind in SPREADSHEETS and path.suffix.casefold() not in WORKBOOK_SUFFIXES:
            raise DataError("workbook_as_csv", file=path.name, suffix=path.suffix or "(none)")
        return
    if kind == "zip" and path.suffix.casefold() in WORKBOOK_SUFFIXES:
        return  # a macro workbook or an .xlsb is a zip filetype does not name: the spreadsheet reader decides
    from tkops.messages import CATALOGUE

    named = f"file_kind.{kind}"  # the kind in the team's language when the catalogue names it, else its extension
    raise DataError("wrong_file_kind", file=path.name, kind=named if named in CATALOGUE else kind.upper(),
                    expected=what)
