"""Quantity rule: every line to be shipped has a possible number of units. Imported lines were checked at the door
(tkops.sources.checks); this catches the ones the team typed or changed on the Orders sheet: empty, 0, negative,
not a whole number, or above the Quantity Limit of the Settings sheet. Cancelled and shipped lines are not looked at.
"""

from __future__ import annotations

import pandas as pd

from tkops.review import problems as P
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule
from tkops.values import whole_number


def check_quantity(ctx: ReviewContext) -> pd.DataFrame:
    """quantity.invalid: Quantity empty, not a whole number, below 1 or above the Quantity Limit."""
    if not ctx.has("quantity"):
        return P.none()
    limit = ctx.settings.max_quantity()
    lines = ctx.w[ctx.w["scope"]]
    typed = lines["qty_text"]
    numbers = typed.map(whole_number)
    blank = typed == ""
    wrong = ~blank & numbers.map(lambda n: n is None or not 1 <= n <= limit)
    out = [P.emit(lines.index[blank], "quantity.invalid", "quantity", {"limit": limit}, variant="blank"),
           P.emit(lines.index[wrong], "quantity.invalid", "quantity",
                  [{"value": v, "limit": limit} for v in typed[wrong]])]
    return P.concat(out)


QUANTITY = Rule("quantity", ("quantity.invalid",), check_quantity)
RULES = (QUANTITY,)
