"""Suggested resolutions: the Resolutions table (:mod:`tkops.aftersales.resolutions_table`) applied to the case
table, with what each suggestion would cost, why, and how close the platform's deadline is. Pure: frames in, a
frame out, vectorised over the cases.

Costs are in the case's currency. Reship: the Inventory's Unit Cost x quantity + the Reship Shipping Cost; full
refund: the case's Amount; partial refund: Amount x Partial Refund Share; return label: the Return Label Cost + the
Amount (refunded when the item comes back); coupon: the Coupon Value; checking tracking, explaining and apologising
cost nothing. A cost tkops cannot work out (SKU not on the Inventory sheet, no setting for the currency, no Amount,
a Unit Cost in another currency) is unknown (NaN), never 0, and the Why column says what is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import numpy as np
import pandas as pd

from tkops.aftersales import case_facts as F
from tkops.aftersales.case_costs import CaseCosts
from tkops.aftersales.catalogue import explain
from tkops.aftersales.reasons import CASE_TYPES, label
from tkops.aftersales.resolutions_table import (
    CONDITIONS,
    RESOLUTIONS,
    Rule,
    resolution_rules,
)
from tkops.clocks import times
from tkops.markets import ZERO_DECIMAL_CURRENCIES

SUGGESTION_COLUMNS = ["suggested_resolution", "suggestion", "alternative", "why", "est_cost", "tracking", "due",
                      "due_state", "hours_left", "flags"]
FREE = frozenset({"check_tracking", "explain_and_advise", "apologise_only"})
OK, DUE_SOON, LATE, CLOSED = "ok", "due soon", "late", "closed"
#: Letters of the hidden flags column that colour the Due cell (see :mod:`tkops.flags`).
DUE_LETTERS = {LATE: "L", DUE_SOON: "S", OK: "K"}
_SETTING_OF = {"reship": "Reship Shipping Cost", "return_label": "Return Label Cost", "coupon": "Coupon Value"}
_PUNCT = {"en": (", ", ": ", "; ", " (", ")"), "zh": ("，", "：", "；", "（", "）")}


def suggest(cases: pd.DataFrame, lines: pd.DataFrame | None, inventory: pd.DataFrame | None,
            costs: CaseCosts | None, table: Iterable[Rule] | None, now: dt.datetime, *, zone: str = "UTC",
            lang: str = "en") -> pd.DataFrame:
    """The SOP's suggestion for every case, indexed like ``cases`` (:data:`SUGGESTION_COLUMNS`).

    ``cases``: the case table (keys of :mod:`tkops.case_schema`; optional Buyer Insists, Last Scan and
    Tracking Status columns); ``lines``: the canonical order lines (None: tracking unknown); ``inventory``: the
    Inventory sheet as read (Seller SKU, Unit Cost, Currency); ``costs``: None for the defaults; ``table``: the
    rules (None: the defaults; see :func:`~tkops.aftersales.resolutions_table.resolution_rules`); ``now``: aware,
    or naive in ``zone``, the shop's time zone, in which the sheet's naive times are read. ``lang``: en or zh, for
    the suggestion and why texts.

    Columns: suggested_resolution (a key of RESOLUTIONS), suggestion (its label and the rule's note), alternative
    (keys joined by " or "), why (case type, conditions, costs compared), est_cost (NaN when unknown), tracking,
    due (the case's own Due, else Opened + Case Due Hours; naive local), due_state (ok, due soon, late, closed; ""
    without a time), hours_left, flags (the Due cell's colour token, e.g. ``|S:Due|``).
    """
    costs, lang = costs or CaseCosts(), "zh" if lang == "zh" else "en"
    rules = tuple(table) if table is not None else resolution_rules()
    if cases.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SUGGESTION_COLUMNS}, index=cases.index)
    given, cases = cases.index, cases.reset_index(drop=True)  # any index, even with repeats
    idx = cases.index
    facts = F.case_lines(cases, lines)
    state, days = F.tracking_state(cases, facts, costs.lost_days, now, zone)
    amount = pd.to_numeric(cases.get("amount", pd.Series(np.nan, index=idx)), errors="coerce").astype("float64")
    currency = F.text(cases.get("currency"), idx).str.upper()
    threshold = costs.money("return_threshold", currency)
    conds = {"tracking lost": state == F.LOST, "tracking moving": state == F.MOVING,
             "tracking delivered": state == F.DELIVERED, "not shipped": state == F.NOT_SHIPPED,
             "value >= threshold": amount >= threshold, "value < threshold": amount < threshold,
             "buyer insists": F.buyer_insists(cases)}
    types = _case_types(cases)
    prices, because = _prices(cases, facts, inventory, costs, amount, currency)
    money = {"amount": _money(amount, currency), "threshold": _money(threshold, currency)}

    n = len(idx)
    out = {c: np.full(n, "", dtype=object) for c in ("suggested_resolution", "suggestion", "alternative", "why")}
    out["est_cost"] = np.full(n, np.nan)
    todo = np.ones(n, dtype=bool)
    for rule in rules:
        hit = todo & (np.ones(n, bool) if "*" in rule.case_types else types.isin(rule.case_types).to_numpy())
        for c in rule.conditions:
            hit &= conds[c].to_numpy()
        if not hit.any():
            continue
        todo &= ~hit
        chosen, est, compared = _choose(rule, hit, prices, because, currency, lang)
        head = _head(rule, hit, types, state, days, costs.lost_days, money, lang)
        note = (rule.note_zh or rule.note_en) if lang == "zh" else rule.note_en
        names = {k: (v.zh if lang == "zh" else v.en) + (" — " + note if note else "") for k, v in RESOLUTIONS.items()}
        others = {c: " or ".join(a for a in rule.alternative if a != c) for c in rule.suggest}
        out["suggested_resolution"][hit] = chosen
        out["est_cost"][hit] = np.round(est, 2)
        out["why"][hit] = np.where(compared == "", head, head + _PUNCT[lang][1] + compared)
        out["suggestion"][hit] = [names[c] for c in chosen]
        out["alternative"][hit] = [others[c] for c in chosen]
    out = pd.DataFrame(out, index=idx)
    out["tracking"] = state
    return out.join(_due(cases, costs, now, zone)).set_axis(given)


def _case_types(cases: pd.DataFrame) -> pd.Series:
    """Case Type cells as keys (keys or en/zh labels); blank or unknown ones are "other"."""
    raw = F.text(cases.get("case_type"), cases.index)
    known = {k.casefold(): k for k in CASE_TYPES}
    known.update({t.en.casefold(): k for k, t in CASE_TYPES.items()} | {t.zh: k for k, t in CASE_TYPES.items()})
    return raw.map({v: known.get(v.casefold().replace(" ", "_"), known.get(v.casefold(), "other"))
                    for v in raw.unique()}).astype(object)


def _prices(cases, facts, inventory, costs, amount, currency):
    """Each resolution's cost per case (NaN: unknown), and why unknown (message codes and their parameters)."""
    idx = cases.index
    sku = F.text(cases.get("seller_sku"), idx)
    sku = sku.where(sku != "", facts["seller_sku"])
    qty = pd.to_numeric(cases.get("quantity", pd.Series(np.nan, index=idx)), errors="coerce")
    qty = qty.astype("float64").fillna(facts["quantity"]).fillna(1.0)
    inv = F.unit_costs(inventory).reindex(sku.str.casefold()).set_axis(idx)
    unit_cur = inv["currency"].fillna("").astype(object)
    same = (unit_cur == "") | (unit_cur == currency)
    product = (inv["unit_cost"].astype("float64") * qty).where(same)
    ship = {code: costs.money(attr, currency) for code, attr in
            (("reship", "reship_shipping"), ("return_label", "return_label"), ("coupon", "coupon"))}
    zero = pd.Series(0.0, index=idx)
    prices = {"reship": product + ship["reship"], "refund": amount, "partial_refund": amount * costs.partial_share,
              "return_label": ship["return_label"] + amount, "coupon": ship["coupon"], **dict.fromkeys(FREE, zero)}
    product_why = np.select([sku == "", inv["unit_cost"].isna() & inv["currency"].isna(), inv["unit_cost"].isna(),
                             ~same], ["no_sku", "not_in_inventory", "no_unit_cost", "cost_currency"], "")
    no_amount = np.where(amount.isna(), "no_amount", "")
    because = {"reship": np.where(product_why != "", product_why, np.where(ship["reship"].isna(), "no_setting", "")),
               "refund": no_amount, "partial_refund": no_amount,
               "return_label": np.where(ship["return_label"].isna(), "no_setting", no_amount),
               "coupon": np.where(ship["coupon"].isna(), "no_setting", "")}
    params = pd.DataFrame({"sku": sku, "unit_currency": unit_cur, "currency": currency.replace("", "?")}, index=idx)
    return prices, (because, params)


def _choose(rule: Rule, hit: np.ndarray, prices, because, currency: pd.Series, lang: str):
    """The chosen resolution, its cost and the cost comparison, for the ``hit`` rows of ``rule``."""
    opts = rule.suggest
    cost = np.column_stack([prices[o].to_numpy("float64")[hit] for o in opts])
    known = ~np.isnan(cost)
    cur = currency.to_numpy(object)[hit]
    shown = [_name(o, lang) + " " + _money(pd.Series(cost[:, j]), pd.Series(cur)).to_numpy(object)
             for j, o in enumerate(opts)]
    unknown = [_unknown(o, hit, because, lang) for o in opts]
    parts = np.column_stack([np.where(known[:, j], shown[j], unknown[j]) for j in range(len(opts))])
    every = known.all(axis=1)
    best = np.where(every, np.argmin(np.where(known, cost, np.inf), axis=1), 0)
    chosen = np.asarray(opts, dtype=object)[best]
    est = cost[np.arange(len(best)), best]
    if len(opts) == 1:
        paid = known[:, 0] & (opts[0] not in FREE)
        return chosen, est, np.where(paid | ~known[:, 0], parts[:, 0], "").astype(object)
    order = np.argsort(np.where(known, cost, np.inf), axis=1, kind="stable")
    ranked, sorted_cost = np.take_along_axis(parts, order, 1), np.take_along_axis(cost, order, 1)
    compared = ranked[:, 0]
    for j in range(1, len(opts)):
        op = np.where(np.isclose(sorted_cost[:, j - 1], sorted_cost[:, j]), " = ", " < ")
        compared = compared + op + ranked[:, j]
    listed = parts[:, 0]
    for j in range(1, len(opts)):
        listed = listed + _PUNCT[lang][2] + parts[:, j]
    return chosen, est, np.where(every, compared, listed).astype(object)


def _unknown(code: str, hit: np.ndarray, because, lang: str) -> np.ndarray:
    """"reship cost unknown (SKU-1 is not on the Inventory sheet)" for the ``hit`` rows (blank where known)."""
    kinds, params = because
    out = np.full(int(hit.sum()), "", dtype=object)
    kind = kinds[code][hit] if code in kinds else out
    missing = kind != ""
    if missing.any():
        p = params[hit][missing].assign(kind="aftersales.why." + kind[missing], setting=_SETTING_OF.get(code, ""))
        why = _render(p[["kind", "sku", "unit_currency", "currency", "setting"]], lang)
        frame = pd.DataFrame({"code": "aftersales.why.cost_unknown", "resolution": _name(code, lang), "because": why})
        out[missing] = _render(frame, lang)
    return out


def _head(rule: Rule, hit, types, state, days, lost_days, money, lang) -> np.ndarray:
    """The case type and the rule's conditions in words, with the numbers behind them."""
    comma = _PUNCT[lang][0]
    part = types[hit]
    head = part.map({t: label(CASE_TYPES, t, lang) for t in part.unique()}).to_numpy(object)
    for c in rule.conditions:
        word = CONDITIONS[c].zh if lang == "zh" else CONDITIONS[c].en
        if c == "tracking lost":
            d = days[hit]
            aged = (d >= lost_days).to_numpy()
            frame = pd.DataFrame({"code": np.where(aged, "aftersales.why.no_scan", "aftersales.why.reported_lost"),
                                  "days": d.fillna(0).astype(int).astype(str).to_numpy()})
            detail = _render(frame, lang)
            head = head + comma + word + _PUNCT[lang][3] + detail + _PUNCT[lang][4]
        elif c.startswith("value"):
            frame = pd.DataFrame({"code": "aftersales.why.value", "amount": money["amount"][hit].to_numpy(object),
                                  "op": c.split()[1], "threshold": money["threshold"][hit].to_numpy(object)})
            head = head + comma + _render(frame, lang)
        else:
            head = head + comma + word
    return head


def _due(cases: pd.DataFrame, costs: CaseCosts, now: dt.datetime, zone: str) -> pd.DataFrame:
    """Due (the case's own, else Opened + Case Due Hours), its state, the hours left and the Due cell's flag."""
    idx = cases.index
    own = times.times(cases.get("due"), idx)
    opened = F.utc(times.times(cases.get("opened"), idx), zone)
    due_utc = F.utc(own, zone).fillna(opened + pd.Timedelta(hours=costs.due_hours))
    left = (due_utc - times.instant(now, zone)) / pd.Timedelta(hours=1)
    over = F.closed(cases)
    state = np.select([over, due_utc.isna(), left <= 0, left <= costs.due_soon_hours],
                      [CLOSED, "", LATE, DUE_SOON], OK)
    state = pd.Series(state, index=idx, dtype=object)
    flags = state.map({s: f"|{letter}:Due|" for s, letter in DUE_LETTERS.items()}).astype(object)
    return pd.DataFrame({"due": own.fillna(F.utc(due_utc.where(own.isna()), zone, back=True)), "due_state": state,
                         "hours_left": left.round(1).where(~over),
                         "flags": flags.where(flags.notna(), None)}, index=idx)


def _name(code: str, lang: str) -> str:
    entry = RESOLUTIONS[code]
    return entry.zh if lang == "zh" else entry.en.lower()


def _money(values: pd.Series, currency: pd.Series) -> pd.Series:
    """Amounts as text: two decimals, none for JPY, IDR, VND; "?" for unknown. Each distinct value formatted once."""
    out = np.full(len(values), "?", dtype=object)
    zero = currency.isin(ZERO_DECIMAL_CURRENCIES).to_numpy()
    numbers = values.to_numpy("float64")
    for rows, fmt in ((zero, "{:.0f}"), (~zero, "{:.2f}")):
        codes, uniques = pd.factorize(numbers[rows])
        text = np.array(["?"] + [fmt.format(u) for u in uniques], dtype=object)
        out[rows] = text[codes + 1]
    return pd.Series(out, index=values.index, dtype=object)


def _render(frame: pd.DataFrame, lang: str) -> np.ndarray:
    """``explain(code, lang, **params)`` per row of ``frame`` (columns: the code, then the parameters), each
    distinct row rendered once."""
    key = np.zeros(len(frame), dtype=np.int64)
    for col in frame.columns:  # one small integer per distinct row, column by column
        codes, uniques = pd.factorize(frame[col])
        key = pd.factorize(key * (len(uniques) + 1) + codes + 1)[0]
    first, rows = np.unique(key, return_index=True, return_inverse=True)[1:]
    names = list(frame.columns[1:])
    texts = [explain(str(r[0]), lang, **dict(zip(names, map(str, r[1:]))))
             for r in frame.iloc[first].itertuples(index=False)]
    return np.asarray(texts, dtype=object)[rows] if len(frame) else np.array([], dtype=object)
