"""What to do about a cause of after-sales cases, and who does it: a small table the team edits (CauseActions).

One row per cause category (:data:`tkops.aftersales.reasons.CAUSES`) or case type (:data:`CASE_TYPES`); a case-type
row is more specific and wins over its cause's row (a damaged parcel is a logistics cause, but the fix starts with the
packing). Owners are keys of :data:`tkops.aftersales.reasons.OWNERS` (sourcing, listing, ads, warehouse, carrier);
a row without owners (buyer's choice, unknown) needs no fix and stays out of the action list. The sheet is laid over
the defaults: a sheet row for a key replaces the default row of that key.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

import pandas as pd

from tkops.aftersales.catalogue import choice, sheet_records
from tkops.aftersales.reasons import CASE_TYPES, CAUSES, OWNERS

ACTIONS_SHEET = "CauseActions"
ACTIONS_SHEET_HEADERS = ["Cause", "Action", "行动", "Owners"]
RESULT_COLUMNS = ["action_en", "action_zh", "owners"]


class Action(NamedTuple):
    """One row of the table: a cause or case-type key, the action in English and Chinese, the owners."""

    key: str
    en: str
    zh: str
    owners: tuple[str, ...]


DEFAULT_ACTIONS: tuple[Action, ...] = (
    Action("size_fit", "Runs small or large: add a size chart to the listing and to ad creatives",
           "尺码偏小或偏大：在商品页和广告素材中加入尺码表", ("listing", "ads")),
    Action("description_mismatch", "Not as described: make the photos, title and description match the product",
           "与描述不符：修改主图、标题和描述，使其与实物一致", ("listing",)),
    Action("colour_material", "Colour or material not as expected: add true-colour photos and the material to the "
           "listing and the ads", "颜色或材质不符预期：在商品页和广告中使用真实颜色照片并注明材质", ("listing", "ads")),
    Action("product_quality", "Quality complaints: check the stock, raise it with the supplier, tighten QC before "
           "packing", "质量问题：抽检库存，反馈供应商，打包前加强质检", ("sourcing",)),
    Action("fulfilment_error", "Wrong or missing items: check bin and SKU labels, scan every item when packing",
           "发错或漏发：核对库位和 SKU 标签，打包时逐件扫描", ("warehouse",)),
    Action("damaged", "Damaged in transit: stronger packaging for this SKU, claim with the carrier",
           "运输破损：加强该 SKU 的包装，并向物流商索赔", ("warehouse", "carrier")),
    Action("logistics", "Delivery problems: compare carriers on this route, claim lost parcels, upload tracking at "
           "once", "物流问题：比较该线路的物流商，丢件索赔，及时上传单号", ("carrier",)),
    Action("buyer_remorse", "Buyer's choice: nothing to fix; watch the trend (price, delivery time)",
           "买家原因：无需整改，关注趋势（价格、时效）", ()),
    Action("unknown", "Reason unclear: ask the buyer and note the cause in the case log",
           "原因不明：询问买家并在售后记录中注明原因", ()),
)

_KEYS = {**CAUSES, **CASE_TYPES}


class ActionTable:
    """Actions by key; a later row for a key replaces an earlier one (the team's rows come after the defaults)."""

    def __init__(self, actions: Iterable[Action] = DEFAULT_ACTIONS) -> None:
        self.by_key: dict[str, Action] = {}
        for action in actions:
            self.by_key[action.key] = action

    @classmethod
    def from_sheet_rows(cls, rows: list[list[Any]] | None, base: "ActionTable | None" = None,
                        sheet: str = ACTIONS_SHEET) -> "ActionTable":
        """``base`` (default: the built-in rows) overlaid with the CauseActions sheet's rows (header first, columns
        by name). Raises :class:`~tkops.aftersales.catalogue.AfterSalesConfigError` naming the sheet, row, column
        and allowed values of a bad Cause or Owners cell."""
        out = list((base or cls()).by_key.values())
        for n, r in sheet_records(rows or [], sheet, ("Cause", "Action", "Owners")):
            key = choice(r["cause"], _KEYS, sheet, n, "Cause")
            owners = tuple(dict.fromkeys(choice(o, OWNERS, sheet, n, "Owners")
                                         for o in re.split(r"[\s,;/、，]+", r["owners"]) if o))
            owners = tuple(o for o in owners if o != "none")
            out.append(Action(key, r["action"], r.get("行动", "") or r["action"], owners))
        return cls(out)

    def sheet_rows(self) -> list[list[str]]:
        """The CauseActions sheet for a new workbook: header, then one row per key."""
        return [list(ACTIONS_SHEET_HEADERS)] + [[a.key, a.en, a.zh, ", ".join(a.owners)] for a in self.by_key.values()]

    def find(self, case_type: str, cause: str) -> Action:
        """The action for a case of ``case_type`` and ``cause``: the case type's row, else the cause's, else
        "unknown"."""
        return (self.by_key.get(case_type) or self.by_key.get(cause) or self.by_key.get("unknown")
                or Action("unknown", "", "", ()))

    def lookup(self, case_types: pd.Series, causes: pd.Series) -> pd.DataFrame:
        """``action_en``, ``action_zh`` and ``owners`` (comma-separated keys, "" for none) for each row (one
        :meth:`find` per distinct pair)."""
        pairs = pd.Series(list(zip(case_types.fillna("").astype(str), causes.fillna("").astype(str))),
                          index=case_types.index, dtype=object)
        found = {p: self.find(*p) for p in pairs.unique()}
        rows = [(a.en, a.zh, ", ".join(a.owners)) for a in (found[p] for p in pairs)]
        return pd.DataFrame(rows, columns=RESULT_COLUMNS, index=case_types.index, dtype=object)
