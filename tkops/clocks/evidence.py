"""What the sheet says about each order line, ready for the clocks and the KPIs: its market and zone, when its
clocks start, which steps are done (the evidence), when they were done, and its platform deadlines, all in UTC.

Evidence of each step, each implied by the later ones (a packed line was picked, a picked one reviewed):
review: Review Status Ready or Done, or a Reviewed At time; print and pick: Picked or Picked At; pack: Packed or
Packed At; tracking: a Tracking ID, an RTS Time, or a status from Awaiting Collection on; scan: a Shipped or
Delivered Time, or a status from Shipped on; delivered: a Delivered Time, or Delivered / Completed.

Platform deadlines (dispatch, auto-cancel, deliver-by, cancellation request): the platform's own time when the line
has it (pulled through the Open API: RTS SLA Time, Shipping Due Time, ...), else computed from the SLA sheet
(:mod:`tkops.clocks.calendar`), in every time zone the market's Time Zone setting lists, the earliest kept. Each
clock says which (``platform`` or ``computed``). A line whose market tkops cannot tell (no Country, no Market
setting, and the book's other lines not all of one market) gets no platform deadline: its days off and time zone are
unknown, and a guess could promise a day TikTok does not give.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tkops.cells.text import map_text
from tkops.clocks import calendar, times
from tkops.clocks.sla import SlaTable
from tkops.markets import MARKETS, market
from tkops.settings import Settings
from tkops.statuses import canonical_statuses

SCANNED = frozenset({"Shipped", "In Transit", "Delivered", "Completed"})
TRACKED = SCANNED | {"Awaiting Collection"}
DELIVERED = frozenset({"Delivered", "Completed"})
#: Orders no clock runs for: cancelled, delivered or completed.
CLOSED = DELIVERED | {"Cancelled"}
REVIEWED = frozenset({"ready", "done"})
PLATFORM, COMPUTED = "platform", "computed"
#: Order-line keys of the platform's own deadlines: the Open API fields of the same names
#: (docs/sla.md#where-a-deadline-comes-from).
PLATFORM_KEYS = ("rts_sla_time", "tts_sla_time", "shipping_due_time", "collection_due_time", "delivery_due_time",
                 "delivery_sla_time", "cancel_order_sla_time", "pick_up_cut_off_time")
#: The platform deadlines the dispatch clock takes (:func:`_platform_deadlines`).
DISPATCH_KEYS = ("rts_sla_time", "tts_sla_time", "pick_up_cut_off_time")
NAT = np.datetime64("NaT", "ns")


def line_markets(lines: pd.DataFrame, default: str = "") -> pd.Series:
    """Each line's market code: from Country (names or codes; GB is UK), else ``default`` (the shop's Market)."""
    from tkops.review.countries import (
        country_code,  # here: importing tkops.review takes ~0.4 s
    )

    fallback = market(default).code if market(default) else ""
    country = times.text(lines.get("country"), lines.index)

    def one(value: str) -> str:
        code = country_code(value) if value else ""
        code = "UK" if code == "GB" else code
        return code if code in MARKETS else fallback

    return map_text(country, one)


def book_markets(lines: pd.DataFrame, settings: Settings) -> pd.Series:
    """Each line's market: its Country, else the Settings' Market, else the one market of all the book's other
    lines when they agree (a book imported with ``--market`` but no Country column stays unknown: "")."""
    found = line_markets(lines, settings.market)
    known = found[found != ""].unique()
    return map_text(found, lambda m: m or known[0]) if len(known) == 1 else found


def shop_zone(settings: Settings, markets: pd.Series | None = None) -> str:
    """The shop's time zone, in which a naive ``now`` and the sheet's times are read: the Time Zone setting, else
    the Market setting's zone, else the zone of the market most lines belong to, else UTC. So ``--now`` means the
    same instant however the market was given (Settings sheet, command line, or each line's Country)."""
    if settings.time_zone or market(settings.market):
        return settings.effective_time_zone()
    known = markets[markets != ""] if markets is not None else pd.Series(dtype=object)
    return MARKETS[known.mode().iloc[0]].time_zone if len(known) else "UTC"


def prepare(lines: pd.DataFrame, team: pd.DataFrame | None, sla: SlaTable, settings: Settings,
            requests: pd.DataFrame | None = None, *, dispatch_only: bool = False) -> pd.DataFrame:
    """One row per line (same index): market, zone, cancelled/closed/fbt, start, step evidence and times, and the
    platform deadlines (UTC) with their sources. ``requests``: the AfterSales sheet's cancellation requests (Order
    ID, Opened, Due: naive shop times; Settled: True for one answered or closed), or None. ``dispatch_only``: of the
    platform deadlines only the dispatch one (what the KPIs measure), for a month of lines."""
    idx = lines.index
    both = (team, lines)
    w = pd.DataFrame(index=idx)
    w["order_id"] = times.text(lines.get("order_id"), idx)
    w["market"] = book_markets(lines, settings) if len(idx) else pd.Series(dtype=object)
    shop = shop_zone(settings, w["market"])
    w["zone"] = settings.time_zone or map_text(w["market"], lambda m: MARKETS[m].time_zone if m else shop)
    status = canonical_statuses(times.text(lines.get("order_status"), idx))
    substatus = canonical_statuses(times.text(lines.get("order_substatus"), idx))
    w["status"] = status
    w["cancelled"] = status.eq("Cancelled")
    # once per distinct text: a month of lines holds two or three fulfilment types
    w["fbt"] = map_text(times.text(lines.get("fulfillment_type"), idx), lambda v: "tiktok" in v.casefold()).astype(bool)

    def utc(key_or_col) -> pd.Series:
        col = lines.get(key_or_col) if isinstance(key_or_col, str) else key_or_col
        return times.to_utc(times.times(col, idx), w["zone"])

    paid = ~status.isin(["Unpaid", ""])
    created, paid_at = utc("created_time").where(paid), utc("paid_time")
    w["start"] = paid_at.fillna(created)
    # "from the order date" / "from when the order was placed": the earlier of the two times the sheet has (the
    # SLA sheet's Order Time = paid takes the payment's, per market: _platform_deadlines)
    w["placed"] = pd.concat([created, paid_at], axis=1).min(axis=1).astype(times.NS)
    w["cancelled_at"] = utc("cancelled_time")
    w["shipped_at"] = utc("shipped_time")
    w["tracked_at"] = utc("rts_time").fillna(w["shipped_at"])
    delivered_at = utc("delivered_time")
    w["delivered"] = delivered_at.notna() | status.isin(DELIVERED) | substatus.isin(DELIVERED)
    w["closed"] = w["delivered"] | w["cancelled"] | status.isin(CLOSED)
    w["scanned"] = w["shipped_at"].notna() | w["delivered"] | status.isin(SCANNED)
    w["tracked"] = (w["scanned"] | w["tracked_at"].notna() | status.isin(TRACKED)
                    | times.text(lines.get("tracking_id"), idx).ne(""))
    w["packed_at"] = utc(times.find(both, "Packed At"))
    w["packed"] = w["tracked"] | w["packed_at"].notna() | times.flags(times.find(both, "Packed"), idx)
    w["picked_at"] = utc(times.find(both, "Picked At"))
    w["picked"] = w["packed"] | w["picked_at"].notna() | times.flags(times.find(both, "Picked"), idx)
    w["reviewed_at"] = utc(times.find(both, "Reviewed At"))
    review_status = map_text(times.text(times.find(both, "Review Status"), idx), str.casefold)
    w["reviewed"] = w["picked"] | w["reviewed_at"].notna() | review_status.isin(REVIEWED)
    if dispatch_only:
        platform = pd.DataFrame({key: utc(key) for key in DISPATCH_KEYS}, index=idx)
        return _platform_deadlines(w, sla, platform, None, None, dispatch_only=True)
    platform = pd.DataFrame({key: utc(key) for key in PLATFORM_KEYS}, index=idx)
    request_at, request_due = _requests(w, lines, requests, utc)
    return _platform_deadlines(w, sla, platform, request_at, request_due)


def _requests(w, lines, requests, utc) -> tuple[pd.Series, pd.Series]:
    """Per line: when a pending cancellation request was made, and the AfterSales case's own Due (UTC)."""
    at = utc("request_cancel_time")
    due = pd.Series(pd.NaT, index=w.index, dtype=times.NS)
    if requests is not None and len(requests):
        idx = requests.index
        settled = times.find([requests], "Settled")
        r = pd.DataFrame({"order_id": times.text(times.find([requests], "Order ID"), idx),
                          "opened": times.times(times.find([requests], "Opened"), idx),
                          "due": times.times(times.find([requests], "Due"), idx),
                          "settled": settled.fillna(False).astype(bool) if settled is not None else False})
        r = r[r["order_id"] != ""]
        # an order whose every request is settled has none pending, whatever its Request Cancel Time says
        over = w["order_id"].isin(set(r["order_id"]) - set(r.loc[~r["settled"], "order_id"]))
        r = r[~r["settled"]].groupby("order_id", sort=False).agg(opened=("opened", "min"), due=("due", "min"))

        def per_line(column: str) -> pd.Series:
            return pd.Series(r[column].reindex(w["order_id"]).to_numpy(), index=w.index).astype(times.NS)

        at = at.where(~over).fillna(times.to_utc(per_line("opened"), w["zone"]))
        due = times.to_utc(per_line("due"), w["zone"])
    return at, due


def _deadlines(placed: pd.Series, days: int, s, off: dict) -> pd.Series:
    """``days`` business days from each UTC order time, the earliest over the market's time zones (UTC)."""
    found = []
    for zone in s.time_zones:
        local = times.from_utc(placed, zone)
        due = calendar.business_deadline(local, days, s.cutoff, s.working_days, off[zone], s.roll_first)
        found.append(times.to_utc(due, zone))
    return pd.concat(found, axis=1).min(axis=1).astype(times.NS)


def _platform_deadlines(w: pd.DataFrame, sla: SlaTable, platform: pd.DataFrame, request_at: pd.Series | None,
                        request_due: pd.Series | None, *, dispatch_only: bool = False) -> pd.DataFrame:
    """Per market: each platform clock's due time, source and evidence, and the SOP hours, on every row; with
    ``dispatch_only``, the dispatch clock alone (``platform``: :data:`DISPATCH_KEYS`; no requests)."""
    blank = pd.Series(pd.NaT, index=w.index, dtype=times.NS)
    calc = {key: blank.copy() for key in ("dispatch", "cancel_track", "cancel_scan", "deliver")}
    w["dispatched_at"] = blank.copy()
    w["dispatch_scan"], w["cancel_scan_rule"] = False, False
    w["request_hours"] = np.nan
    settings = {}
    for code, rows in w.groupby("market", sort=False).groups.items():
        s = settings[code] = sla.for_market(code)
        part = w.loc[rows]
        scan = s.dispatch_done_when == "scan"
        w.loc[rows, "dispatch_scan"] = scan
        w.loc[rows, "cancel_scan_rule"] = s.auto_cancel_done_when == "scan"
        at = part["shipped_at"] if scan else part["tracked_at"]
        w.loc[rows, "dispatched_at"] = at.where(part["scanned"] if scan else part["tracked"])
        w.loc[rows, "request_hours"] = np.nan if s.cancel_request_hours is None else s.cancel_request_hours
        placed = part["start"] if s.order_time == "paid" else part["placed"]
        w.loc[rows, "placed"] = placed
        if not s.time_zones or placed.isna().all():
            continue
        years = range(placed.min().year - 1, placed.max().year + 2)
        off = {zone: calendar.days_off(s.holidays, years, *sla.team_holidays(code), observed=s.observed)
               for zone in s.time_zones}
        for days, key in ((s.dispatch_days, "dispatch"), (s.auto_cancel_days, "cancel_track"),
                          (s.collection_cancel_days, "cancel_scan"), (s.deliver_days, "deliver")):
            if days is not None and (key == "dispatch" or not dispatch_only):
                calc[key].loc[rows] = _deadlines(placed, days, s, off)
    codes, markets = pd.factorize(w["market"])  # each market's hours put on its rows, without a map per hour

    def per_row(value) -> np.ndarray:  # a row without a market (code -1) takes the NaN at the end
        return np.append(np.array([value(settings[m]) for m in markets], dtype=float), np.nan)[codes]
    for attr in ("review_hours", "print_hours", "pack_hours", "unscanned_hours"):
        w[attr] = per_row(lambda s, a=attr: getattr(s, a))
    if not dispatch_only:
        w["soon_kind"] = map_text(w["market"], lambda c: settings[c].due_soon[0] if c in settings else np.nan)
        w["soon_value"] = per_row(lambda s: s.due_soon[1])
    dispatch_scan = w["dispatch_scan"].astype(bool)
    p = platform
    # dispatch: the platform's RTS (tracking) or TTS (collection) SLA time; the SEA pick-up cut-off "to avoid LDR"
    ship_by = p["tts_sla_time"].where(dispatch_scan).fillna(p["rts_sla_time"])
    ship_by = pd.concat([ship_by, p["pick_up_cut_off_time"]], axis=1).min(axis=1).astype(times.NS)
    _choose(w, "dispatch", ship_by, calc["dispatch"], w["scanned"].where(dispatch_scan, w["tracked"]))
    if dispatch_only:
        return w
    # auto-cancel: the earliest rule not yet met; each rule the platform's time when it has one
    track_done = w["scanned"].where(w["cancel_scan_rule"].astype(bool), w["tracked"])
    rules = [
        (p["shipping_due_time"].where(~w["cancel_scan_rule"].astype(bool)), calc["cancel_track"], track_done),
        (p["collection_due_time"], calc["cancel_scan"], w["scanned"]),
        (p["cancel_order_sla_time"], blank, w["tracked"]),
        (p["delivery_due_time"], blank, w["delivered"]),
    ]
    _auto_cancel(w, rules)
    _choose(w, "deliver", p["delivery_sla_time"], calc["deliver"], w["delivered"])
    computed = request_at + pd.to_timedelta(w["request_hours"], unit="h")
    use_case = request_due.notna() & ~(computed < request_due)  # the case's own Due when it is not later
    w["request_start"] = request_at.where(w["request_hours"].notna() | request_due.notna())
    w["request_due"] = request_due.where(use_case, computed).where(w["request_start"].notna())
    w["request_src"] = _sources(w["request_due"].notna() & use_case, w["request_due"].notna(), w.index)
    w["request_done"] = False
    return w


def _choose(w: pd.DataFrame, clock: str, platform: pd.Series, computed: pd.Series, done: pd.Series) -> None:
    """The platform's due time where the line has it, else the computed one; which it was; the evidence."""
    w[f"{clock}_due"] = platform.fillna(computed).astype(times.NS)
    w[f"{clock}_src"] = _sources(platform.notna(), computed.notna(), w.index)
    w[f"{clock}_done"] = done.astype(bool)


#: A clock's source by code: 0 none, 1 the platform's time, 2 computed (objects: pandas would make "<U8" text).
SOURCES = np.array(["", PLATFORM, COMPUTED], dtype=object)


def _source_codes(platform, computed) -> np.ndarray:
    return np.where(np.asarray(platform), 1, np.where(np.asarray(computed), 2, 0))


def _sources(platform, computed, index: pd.Index) -> pd.Series:
    """Each line's source: the platform's where ``platform`` holds, else computed where ``computed`` does, else ""."""
    return pd.Series(SOURCES[_source_codes(platform, computed)], index=index, dtype=object)


def _auto_cancel(w: pd.DataFrame, rules) -> None:
    """Auto-cancel At: the earliest due time of the rules not met yet (all met: the earliest of all, done)."""
    dues, srcs, dones = [], [], []
    for platform, computed, done in rules:
        due = platform.fillna(computed).astype(times.NS)
        dues.append(due.to_numpy())
        srcs.append(_source_codes(platform.notna(), computed.notna()))
        dones.append(done.astype(bool).to_numpy())
    due, src, done = np.column_stack(dues), np.column_stack(srcs), np.column_stack(dones)
    has = ~np.isnat(due)
    open_rule = has & ~done
    pick = np.where(open_rule.any(axis=1)[:, None], open_rule, has)
    key = np.where(pick, due.view("int64"), np.iinfo(np.int64).max)
    first = key.argmin(axis=1)
    rows = np.arange(len(w))
    found = pick.any(axis=1)
    w["cancel_due"] = pd.Series(np.where(found, due[rows, first], NAT), index=w.index).astype(times.NS)
    w["cancel_src"] = pd.Series(SOURCES[np.where(found, src[rows, first], 0)], index=w.index, dtype=object)
    w["cancel_done"] = found & ~open_rule.any(axis=1)
