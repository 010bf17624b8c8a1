"""Codes shown to people as words: the AfterSales sheet's code columns (Case Type, Cause, Cause Owner, Suggested
Resolution, Due State) each get a label column beside them in the team's language (Settings: Language). The codes
stay where they are, for filters, formulas and the Reasons and Resolutions sheets that speak in codes; a cell
holding no known code is shown as it is."""

from __future__ import annotations

import pandas as pd

from tkops.aftersales.reasons import CASE_TYPES, CAUSES, OWNERS, Label
from tkops.aftersales.resolutions import CLOSED, DUE_SOON, LATE, OK
from tkops.aftersales.resolutions_table import RESOLUTIONS
from tkops.book.layout import CASE_LABEL_COLUMNS
from tkops.cells.text import scalar_text

DUE_STATES: dict[str, Label] = {OK: Label("On time", "时间充足"), DUE_SOON: Label("Due soon", "即将到期"),
                                LATE: Label("Late", "已超时"), CLOSED: Label("Closed", "已结束")}
#: Code column -> its vocabulary (code -> en/zh label).
VOCABULARIES = {"Case Type": CASE_TYPES, "Cause": CAUSES, "Cause Owner": OWNERS, "Suggested Resolution": RESOLUTIONS,
                "Due State": DUE_STATES}


def label_of(vocabulary: dict, value, lang: str) -> str | None:
    """The label of a code cell in ``lang`` (en or zh); the text itself when it is no code; None when blank."""
    text = scalar_text(value)
    if not text:
        return None
    entry = vocabulary.get(text) or vocabulary.get(text.casefold().replace(" ", "_"))
    if entry is None:
        return text
    return entry.zh if lang == "zh" else entry.en


def with_case_labels(cases: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """``cases`` (AfterSales sheet frame, display headers) with each code column's label column filled."""
    out = cases.copy()
    for code_column, vocabulary in VOCABULARIES.items():
        if code_column in out.columns:
            out[CASE_LABEL_COLUMNS[code_column]] = out[code_column].map(
                lambda v, voc=vocabulary: label_of(voc, v, lang)).astype(object)
    return out
