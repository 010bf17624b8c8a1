"""tkops' exceptions: one base class, specific subclasses, each carrying a message code and its parameters.

The text a person reads comes from the message catalogue (:mod:`tkops.messages`) in the team's language, so an
exception never holds a sentence of its own. Exit codes: 1 for configuration problems, 2 for bad data.
"""

from __future__ import annotations

from typing import Any


class TkopsError(Exception):
    """Base of every error tkops reports to a person."""

    code = "error"
    exit_code = 2

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.code)

    def render(self, lang: str = "en") -> str:
        """The message for a person, in ``lang`` (en or zh)."""
        from tkops.messages import render

        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")


class ConfigError(TkopsError):
    """Settings, options or the environment are wrong: the data may be fine (exit code 1)."""

    exit_code = 1


class DataError(TkopsError):
    """An input file or workbook cannot be used as it is (exit code 2)."""

    exit_code = 2


class UnknownFormat(DataError):
    code = "unknown_format"


class AmbiguousFormat(DataError):
    code = "ambiguous_format"


class MangledIds(DataError):
    code = "mangled_ids"


class MissingColumn(DataError):
    code = "missing_column"


class EncodingProblem(DataError):
    code = "encoding"


class AmbiguousDates(DataError):
    code = "ambiguous_dates"


class BadValue(DataError):
    code = "bad_value"


class WorkbookLocked(DataError):
    code = "workbook_locked"


class UnsafeWorkbook(DataError):
    """Saving over this workbook would drop parts the writer cannot keep."""

    code = "unsafe_workbook"


class BadWorkbook(DataError):
    code = "bad_workbook"


class BookBusy(ConfigError):
    """Another tkops run holds the workbook's lock and did not let go within the wait (exit code 1)."""

    code = "book_busy"


class BookChanged(ConfigError):
    """The workbook on disk is no longer the one this run read: saving would lose the other change (exit 1)."""

    code = "book_changed"
