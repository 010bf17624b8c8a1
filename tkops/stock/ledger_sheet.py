"""The stock ledger's sheets (pure): what the team typed on StockLog, Inventory and AfterSales turned into movements
(:mod:`tkops.stock.ledger`), and the On Hand the ledger writes back on Inventory.

- StockLog rows the team typed (an ``adjust`` with a Reason, a ``count``) get a Movement ID once, and a time;
- an On Hand typed on Inventory that differs from what the ledger last left there (:data:`WRITTEN`, a hidden column)
  is a shelf recount: a ``count`` movement. On first use (no movement yet) every typed On Hand is the opening count;
- AfterSales rows ticked Received with a Return Condition are returns; without a condition they wait.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.cells.yes_no import ticks
from tkops.stock.ledger import COLUMNS, KINDS

#: Inventory's hidden column: the On Hand as the ledger last left it, to tell a value the team typed from its own.
WRITTEN = "tkops On Hand Written"
#: Movement ID prefixes of the counts taken from Inventory.
OPENING, TYPED = "opening", "typed"
#: Case IDs of cancelled orders (tkops.case_schema.CANCEL_PREFIX): the unship movement of a cancelled order
#: already brings its units back, so a Received tick on it moves nothing.
CANCEL_PREFIX = "C-"


def stamp(at: dt.datetime) -> str:
    """A run's time as it appears in the Movement IDs it assigns."""
    return at.strftime("%Y%m%d%H%M%S")


def typed_rows(log: pd.DataFrame, at: dt.datetime) -> tuple[pd.DataFrame, list[int], list[int]]:
    """``log`` (StockLog's :data:`COLUMNS`, index = sheet row - 2) with an ID, a time and a lower-case Kind on each
    row the team typed (a Seller SKU and no Movement ID); the index of the rows that got an ID, and of the rows whose
    Kind is not a ledger kind (left out of the sums)."""
    out = log.astype(object).copy()
    kinds = out["Kind"].map(lambda v: scalar_text(v).casefold())
    out["Kind"] = [k or None for k in kinds]
    skus = out["Seller SKU"].map(scalar_text)
    new = (out["Movement ID"].map(scalar_text) == "") & (skus != "")
    for row in out.index[new]:
        out.at[row, "Movement ID"] = f"{kinds[row] or 'row'}|{TYPED}|{stamp(at)}|{row + 2}"
        if scalar_text(out.at[row, "At"]) == "":
            out.at[row, "At"] = at
    unknown = [int(r) for r in out.index[(skus != "") & ~kinds.isin(KINDS)]]
    return out, [int(r) for r in out.index[new]], unknown


def recounts(inventory: pd.DataFrame, first_use: bool, at: dt.datetime, skip: set[str] = frozenset()
             ) -> pd.DataFrame:
    """Count movements of the On Hand typed on Inventory (``Seller SKU``, ``On Hand``, :data:`WRITTEN`): every typed
    value on ``first_use`` (the opening count), else those that differ from what the ledger wrote. A SKU on several
    rows (bins) counts its sum. SKUs in ``skip`` (counted by a stock file in the same run) are left out."""
    out = []
    for key, (sku, typed, written) in _by_sku(inventory).items():
        if typed is None or key in skip or (not first_use and typed == written):
            continue
        kind = OPENING if first_use else TYPED
        out.append({"Movement ID": f"count|{kind}|{stamp(at)}|{key}", "At": at, "Seller SKU": sku, "Kind": "count",
                    "Quantity": typed, "Reference": kind})
    return pd.DataFrame(out, columns=list(COLUMNS))


def write_back(inventory: pd.DataFrame, totals: dict[str, int]) -> tuple[pd.DataFrame, bool, list[str]]:
    """Inventory with the ledger's On Hand (``totals``, SKU -> On Hand) on each SKU's row and :data:`WRITTEN` beside
    it; a SKU on several rows (bins) keeps its On Hand per bin (:data:`WRITTEN` records them). Also whether any cell
    changed, and the SKUs kept per bin."""
    out = inventory.astype(object).copy()
    if WRITTEN not in out:
        out[WRITTEN] = None
    by_key = {k.casefold(): v for k, v in totals.items()}
    keys = out["Seller SKU"].map(lambda v: scalar_text(v).casefold())
    rows = keys.value_counts()
    changed, per_bin = False, []
    for key, index in out.groupby(keys, sort=False).groups.items():
        if key not in by_key:  # blank SKUs are never in it
            continue
        if rows[key] > 1:
            per_bin.append(scalar_text(out.at[index[0], "Seller SKU"]))
            values = {i: _number(out.at[i, "On Hand"]) for i in index}
        else:
            values = {index[0]: by_key[key]}
        for i, value in values.items():
            for column in ("On Hand", WRITTEN):
                if _number(out.at[i, column]) != value:
                    out.at[i, column], changed = value, True
    return out, changed, per_bin


def received_returns(cases: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The AfterSales rows ticked Received (any yes word) as :func:`tkops.stock.ledger.return_movements` takes them
    (``case_id``, seller_sku, quantity, condition), and the Case IDs still waiting for a Return Condition.
    Cancelled orders' rows are left out (their unship movement brings the units back)."""
    columns = ["case_id", "seller_sku", "quantity", "condition"]
    if cases.empty or "Received" not in cases:
        return pd.DataFrame(columns=columns), []
    get = (lambda h: cases[h] if h in cases else None)
    case_ids = get("Case ID").map(scalar_text)
    take = ticks(cases["Received"], cases.index) & ~case_ids.str.startswith(CANCEL_PREFIX)
    frame = pd.DataFrame({"case_id": case_ids, "seller_sku": get("Seller SKU"), "quantity": get("Quantity"),
                          "condition": get("Return Condition").map(scalar_text)})[take]
    waiting = frame["condition"] == ""
    return frame[~waiting].reset_index(drop=True), list(frame.loc[waiting, "case_id"])


def _by_sku(inventory: pd.DataFrame) -> dict[str, tuple[str, int | None, int | None]]:
    """Per SKU (case-folded): its name as first written, the sum of its typed On Hand (None: none typed) and of
    :data:`WRITTEN` (None: none written)."""
    out: dict[str, tuple[str, int | None, int | None]] = {}
    if "Seller SKU" not in inventory or "On Hand" not in inventory:
        return out
    written = inventory[WRITTEN] if WRITTEN in inventory else [None] * len(inventory)
    for sku, typed, ours in zip(inventory["Seller SKU"], inventory["On Hand"], written):
        name = scalar_text(sku)
        if not name:
            continue
        first, total, mine = out.get(name.casefold(), (name, None, None))
        out[name.casefold()] = (first, _add(total, _number(typed)), _add(mine, _number(ours)))
    return out


def _add(total: int | None, value: int | None) -> int | None:
    if value is None:
        return total
    return value if total is None else total + value


def _number(value) -> int | None:
    """A cell's whole number (None: blank or not a number)."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else int(round(number))
