"""What the after-sales fixes cost and how long a case may wait: the cost rows of the Settings sheet (defined with
the sheet, :data:`tkops.settings.COST_SETTINGS`), validated.

Money rows take one amount per currency ("USD 6.5; THB 45"; a bare number counts for every currency not listed),
since a shop selling in several markets pays its carriers in each one. A blank money row is unknown, not zero: a
suggestion that needs it says its cost is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.markets import CURRENCY_MARKS
from tkops.settings import COST_SETTINGS, cost_settings_rows  # noqa: F401 (the cost rows: defined with the sheet)

SETTINGS_SHEET = "Settings"

_MONEY = ("reship_shipping", "return_label", "return_threshold", "coupon")
_MARKS = {mark.casefold(): code for mark, code in CURRENCY_MARKS}
_ITEM = re.compile(r"(?P<a>[^\d+-]*?)\s*(?P<n>[+-]?\d[\d.,' \u00a0]*?)\s*(?P<b>[^\d]*)")
_CODE = re.compile(r"[A-Za-z]{3}|")
PerCurrency = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class CaseCosts:
    """The cost settings. Money is ``((currency, amount), ...)`` with ``""`` for every other currency."""

    reship_shipping: PerCurrency = ()
    return_label: PerCurrency = ()
    return_threshold: PerCurrency = ()
    partial_share: float = 0.30
    coupon: PerCurrency = ()
    due_hours: float = 48.0
    due_soon_hours: float = 12.0
    lost_days: float = 10.0

    @classmethod
    def from_rows(cls, rows: list[list[Any]] | None, sheet: str = SETTINGS_SHEET) -> "CaseCosts":
        """The costs of Settings-sheet rows (header first: Setting, Value, ...); rows not about costs are ignored,
        blank values keep the defaults. Raises :class:`AfterSalesConfigError` naming the sheet, row and setting."""
        rows = rows or []
        header = [str(h).strip().casefold() if h is not None else "" for h in (rows[0] if rows else [])]
        name_at = header.index("setting") if "setting" in header else 0
        value_at = header.index("value") if "value" in header else 1
        spec = {name.casefold(): (name, attr) for name, attr, *_ in COST_SETTINGS}
        values: dict[str, Any] = {}
        for n, row in enumerate(rows[1:], start=2):
            cells = list(row) + [None] * 2
            found = spec.get(str(cells[name_at] or "").strip().casefold())
            value = cells[value_at]
            if found and not pd.isna(value) and str(value).strip() != "":
                values[found[1]] = _parse(found[1], value, sheet, n, found[0])
        return cls(**values)

    def money(self, attr: str, currencies: pd.Series) -> pd.Series:
        """The money setting ``attr`` for each currency of ``currencies`` (NaN where the setting has none)."""
        table = dict(getattr(self, attr))
        codes, uniques = pd.factorize(currencies, use_na_sentinel=True)
        values = [table.get(str(u).strip().upper(), table.get("", np.nan)) for u in uniques]
        return pd.Series(np.append(np.asarray(values, dtype="float64"), table.get("", np.nan))[codes],
                         index=currencies.index, dtype="float64")


def _parse(attr: str, value: Any, sheet: str, row: int, name: str):
    text = repr(float(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value).strip()
    if attr in _MONEY:
        return _per_currency(value, sheet, row, name)
    if attr == "partial_share":
        share = _number(text.rstrip("%").strip())
        if share is not None and (text.endswith("%") or share > 1):
            share /= 100
        if share is None or not 0 <= share <= 1:
            raise AfterSalesConfigError("aftersales.cost_share", sheet=sheet, row=row, setting=name, value=text)
        return share
    hours = _number(text)
    if hours is None or not hours > 0:
        raise AfterSalesConfigError("aftersales.cost_hours", sheet=sheet, row=row, setting=name, value=text)
    return hours


def _per_currency(value: Any, sheet: str, row: int, name: str) -> PerCurrency:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = repr(float(value))
    out: dict[str, float] = {}
    for item in (i for i in re.split(r"\s*[;\n|]\s*", str(value).strip()) if i):
        m = _ITEM.fullmatch(item)
        mark = (m.group("a") or m.group("b")) if m and not (m.group("a") and m.group("b")) else None
        code = None if mark is None else _MARKS.get(mark.casefold(), mark.upper() if _CODE.fullmatch(mark) else None)
        amount = _number(m.group("n")) if m else None
        if code is None or amount is None or amount < 0 or code in out:
            raise AfterSalesConfigError("aftersales.cost_money", sheet=sheet, row=row, setting=name,
                                        value=str(value).strip()[:80])
        out[code] = amount
    return tuple(out.items())


def _number(text: str) -> float | None:
    """A non-negative amount as people type it: "6.5", "6,5", "1,234.50", "1.234,50"; "1,234" is refused (a
    thousands separator or a decimal comma?)."""
    text = text.replace(" ", "").replace("'", "").replace("\u00a0", "")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in text:
        if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
            return None
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if np.isfinite(number) else None
