"""What the sheet says about each order line, ready for the clocks and the KPIs: its market and zone, when its
clocks start, which steps are done (the evidence), when they were done, and its platform deadlines, all in UTC.

Evidence of each step, each implied by the later ones (a packed line was picked, a picked one reviewed):
review: Review Status Ready or Done, or a Reviewed At time; print and pick: Picked or Picked At; pack: Packed or
Packed At; tracking: a Tracking ID, an RTS Time, or a status from Awaiting Collection on; scan: a Shipped or
Delivered Time, or a status from Shipped on.
"""

from __future__ import annotations

import pandas as pd

from tkops.clocks import calendar, times
from tkops.clocks.sla import SlaTable
from tkops.markets import MARKETS, market
from tkops.settings import Settings
from tkops.statuses import canonical_statuses

SCANNED = frozenset({"Shipped", "In Transit", "Delivered", "Completed"})
TRACKED = SCANNED | {"Awaiting Collection"}
REVIEWED = frozenset({"ready", "done"})


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

    return country.map({v: one(v) for v in country.unique()}).astype(object)


def prepare(lines: pd.DataFrame, team: pd.DataFrame | None, sla: SlaTable, settings: Settings) -> pd.DataFrame:
    """One row per line (same index): market, zone, cancelled/fbt, start, step evidence and times, deadlines (UTC)."""
    idx = lines.index
    both = (team, lines)
    w = pd.DataFrame(index=idx)
    w["order_id"] = times.text(lines.get("order_id"), idx)
    w["market"] = line_markets(lines, settings.market)
    w["zone"] = settings.time_zone or w["market"].map(lambda m: MARKETS[m].time_zone if m else "UTC")
    status = canonical_statuses(times.text(lines.get("order_status"), idx))
    w["status"] = status
    w["cancelled"] = status.eq("Cancelled")
    w["fbt"] = times.text(lines.get("fulfillment_type"), idx).str.casefold().str.contains("tiktok", regex=False)

    def utc(key_or_col) -> pd.Series:
        col = lines.get(key_or_col) if isinstance(key_or_col, str) else key_or_col
        return times.to_utc(times.times(col, idx), w["zone"])

    created = utc("created_time").where(~status.isin(["Unpaid", ""]))
    w["start"] = utc("paid_time").fillna(created)
    w["shipped_at"] = utc("shipped_time")
    w["tracked_at"] = utc("rts_time").fillna(w["shipped_at"])
    w["scanned"] = w["shipped_at"].notna() | utc("delivered_time").notna() | status.isin(SCANNED)
    w["tracked"] = (w["scanned"] | w["tracked_at"].notna() | status.isin(TRACKED)
                    | times.text(lines.get("tracking_id"), idx).ne(""))
    w["packed_at"] = utc(times.find(both, "Packed At"))
    w["packed"] = w["tracked"] | w["packed_at"].notna() | times.flags(times.find(both, "Packed"), idx)
    w["picked_at"] = utc(times.find(both, "Picked At"))
    w["picked"] = w["packed"] | w["picked_at"].notna() | times.flags(times.find(both, "Picked"), idx)
    w["reviewed_at"] = utc(times.find(both, "Reviewed At"))
    review_status = times.text(times.find(both, "Review Status"), idx).str.casefold()
    w["reviewed"] = w["picked"] | w["reviewed_at"].notna() | review_status.isin(REVIEWED)
    return _platform_deadlines(w, sla)


def _platform_deadlines(w: pd.DataFrame, sla: SlaTable) -> pd.DataFrame:
    """Per market: the dispatch deadline and auto-cancel time, what meets each, and the SOP hours, on every row."""
    for column in ("dispatch_due", "cancel_due", "dispatched_at"):
        w[column] = pd.Series(pd.NaT, index=w.index, dtype=times.NS)
    for column in ("dispatch_done", "cancel_done"):
        w[column] = False
    settings = {}
    for code, rows in w.groupby("market", sort=False).groups.items():
        s = settings[code] = sla.for_market(code)
        part = w.loc[rows]
        zone = s.time_zone or part["zone"].iloc[0]
        local = times.from_utc(part["start"], zone)
        done = {"tracking": part["tracked"], "scan": part["scanned"]}
        at = {"tracking": part["tracked_at"], "scan": part["shipped_at"]}
        w.loc[rows, "dispatch_done"] = done[s.dispatch_done_when]
        w.loc[rows, "cancel_done"] = done[s.auto_cancel_done_when]
        w.loc[rows, "dispatched_at"] = at[s.dispatch_done_when].where(done[s.dispatch_done_when])
        if local.notna().any():
            years = range(local.min().year, local.max().year + 2)
            off = calendar.days_off(s.holidays, years, *sla.team_holidays(code))
            for days, column in ((s.dispatch_days, "dispatch_due"), (s.auto_cancel_days, "cancel_due")):
                if days is not None:
                    due = calendar.business_deadline(local, days, s.cutoff, s.working_days, off)
                    w.loc[rows, column] = times.to_utc(due, zone)
    for attr in ("review_hours", "print_hours", "pack_hours", "unscanned_hours"):
        w[attr] = w["market"].map({c: getattr(s, attr) for c, s in settings.items()}).astype(float)
    w["soon_kind"] = w["market"].map({c: s.due_soon[0] for c, s in settings.items()})
    w["soon_value"] = w["market"].map({c: s.due_soon[1] for c, s in settings.items()}).astype(float)
    return w
