"""What slips take from the Review sheet: gift orders and the colour/size changes the team agreed with the buyer.

The input is a small frame with the Review sheet's own headers (extra columns are ignored, headers match loosely):

=================  ===========================================================================================
Order ID           the order (required)
Code               the review code: ``message.gift``, ``message.colour_change`` or ``message.size_change``
SKU ID             the line the change is for (blank: the order's only line, or the order as a whole)
Agreed             a team column: yes / y / true / x / 1 / 是 / 同意 when the team agreed the change with the buyer
Agreed Variation   a team column: what is sent instead (e.g. "Red, M"); blank prints the change without it
=================  ===========================================================================================

A gift row needs no "Agreed": the review found that the buyer asked for a gift, so prices are hidden.
"""

from __future__ import annotations

import pandas as pd

from tkops.cells.yes_no import tick
from tkops.review import text as T
from tkops.schema import header_key

GIFT_CODE = "message.gift"
CHANGE_CODES = {"message.colour_change": "colour", "message.size_change": "size"}
REVIEW_INPUT_COLUMNS = ("Order ID", "Code", "SKU ID", "Agreed", "Agreed Variation")
#: A ticked team column (Agreed, Gift): the one tick vocabulary of every step.
is_yes = tick


def normalise(review: pd.DataFrame | None) -> pd.DataFrame:
    """``review`` with the columns of :data:`REVIEW_INPUT_COLUMNS` as plain strings ("" when absent)."""
    if review is None or review.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in REVIEW_INPUT_COLUMNS})
    wanted = {header_key(c): c for c in REVIEW_INPUT_COLUMNS}
    found = {wanted[header_key(c)]: c for c in review.columns if header_key(str(c)) in wanted}
    src = review.reset_index(drop=True)
    out = pd.DataFrame(index=src.index)
    for column in REVIEW_INPUT_COLUMNS:
        if column == "Agreed":
            out[column] = src[found[column]].map(is_yes) if column in found else False
        else:
            out[column] = T.as_text(src[found[column]] if column in found else None, src.index)
    return out


def gift_orders(review: pd.DataFrame | None) -> set[str]:
    """Order IDs the review flagged as gifts (prices are hidden on their slips)."""
    r = normalise(review)
    return set(r.loc[r["Code"] == GIFT_CODE, "Order ID"])


def agreed_changes(review: pd.DataFrame | None) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(Order ID, SKU ID or "") -> [(kind, agreed variation), ...] for the changes the team agreed."""
    r = normalise(review)
    r = r[r["Code"].isin(CHANGE_CODES) & r["Agreed"].astype(bool)]
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for order_id, sku_id, code, sending in zip(r["Order ID"], r["SKU ID"], r["Code"], r["Agreed Variation"]):
        change = (CHANGE_CODES[code], sending)
        bucket = out.setdefault((order_id, sku_id), [])
        if change not in bucket:
            bucket.append(change)
    return out
