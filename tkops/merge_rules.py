"""Who wins when the team and the platform both changed a platform cell of the Orders sheet, and the record of it.

Pure data and functions. The three-way merge (:func:`tkops.merge.merge_three_way`) only asks this module when a
cell's value on the sheet differs from what tkops last imported (the team changed it) *and* the incoming value
differs from both (the platform changed it too), or when there is no record of what tkops last imported. One rule
per column (see README, "Importing orders"):

- **Addresses and the seller's note: the team wins.** Recipient, phone, the address parts, delivery instruction
  and Seller Note are what the team fixes after talking to the buyer; the platform's new value is recorded.
- **Tracking ID and Shipping Provider Name: the platform wins once the order is with the carrier** (Awaiting
  Collection, Shipped, In Transit, Delivered, Completed: the platform's label is the parcel's); before that the
  number the team typed wins.
- **Everything else, statuses and times first: the platform wins** (what was ordered, paid, shipped and
  cancelled is the platform's to say); the team's value is recorded.
- **Currency is set once** (by the file, or the market the line was first imported with) and never rewritten by
  an import; a different incoming currency is reported, not recorded as a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

TEAM = "team"
PLATFORM = "platform"

#: Columns whose team value wins over a changed platform value.
TEAM_WINS: frozenset[str] = frozenset({
    "recipient", "phone", "country", "region", "state", "city", "districts", "villages", "zipcode", "address_line_1",
    "address_line_2", "house_name_or_number", "delivery_instruction", "seller_note",
})
#: Columns whose platform value wins once the order is with the carrier, the team's before.
CARRIER_WINS: frozenset[str] = frozenset({"tracking_id", "shipping_provider"})
#: Order statuses of an order the carrier has (or is about to collect): its tracking is the platform's.
WITH_CARRIER: frozenset[str] = frozenset({"Awaiting Collection", "Shipped", "In Transit", "Delivered", "Completed"})
#: Columns an import never rewrites once they hold a value.
SET_ONCE: frozenset[str] = frozenset({"currency"})

#: Rule codes (the Conflicts sheet's Why column reads them from :data:`WHY`).
RULE_TEAM, RULE_CARRIER, RULE_BEFORE_CARRIER, RULE_PLATFORM = "team_fix", "with_carrier", "before_carrier", "platform"


def rule_of(key: str, status: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """For the cells of column ``key`` whose order statuses are ``status`` (canonical, per cell): whether the
    platform's value wins, and the rule code that decided, as arrays."""
    n = len(status)
    if key in TEAM_WINS:
        return np.zeros(n, dtype=bool), np.full(n, RULE_TEAM, dtype=object)
    if key in CARRIER_WINS:
        with_carrier = status.isin(WITH_CARRIER).to_numpy()
        return with_carrier, np.where(with_carrier, RULE_CARRIER, RULE_BEFORE_CARRIER).astype(object)
    return np.ones(n, dtype=bool), np.full(n, RULE_PLATFORM, dtype=object)


#: Why a conflict went the way it did, for the Conflicts sheet, in the team's language.
WHY: dict[str, dict[str, str]] = {
    RULE_TEAM: {"en": "address and note fixes are the team's: your value kept; check the platform's",
                "zh": "地址与备注以团队修改为准：保留了你们的值；请核对平台的新值"},
    RULE_CARRIER: {"en": "the order is with the carrier: the platform's tracking is the parcel's",
                   "zh": "订单已交承运商：以平台的运单信息为准"},
    RULE_BEFORE_CARRIER: {"en": "not yet with the carrier: the number the team typed is kept",
                          "zh": "尚未交承运商：保留团队填写的单号"},
    RULE_PLATFORM: {"en": "statuses, times, items and amounts are the platform's: your value is recorded here",
                    "zh": "状态、时间、商品和金额以平台为准：你们的值记录在此"},
}
NO_BASE = {"en": "no record of what tkops last imported (workbook from an earlier version): ",
           "zh": "没有 tkops 上次导入值的记录（旧版本的工作簿）："}


@dataclass(frozen=True)
class Conflict:
    """One cell both sides changed (or, without a base, that differs): where, the values, who won, why."""

    row: int  # 0-based row of the Orders sheet frame
    key: str  # canonical column key
    team: object  # the sheet's value before the merge
    platform: object  # the incoming value
    base: object  # what tkops last imported (None when there is no record)
    kept: str  # TEAM or PLATFORM
    rule: str
    has_base: bool = True

    def why(self, lang: str) -> str:
        """The rule in the team's language."""
        text = WHY[self.rule].get(lang, WHY[self.rule]["en"])
        return text if self.has_base else NO_BASE.get(lang, NO_BASE["en"]) + text
