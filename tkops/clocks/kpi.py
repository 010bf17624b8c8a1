"""SOP KPIs for any period: review within the SOP hours, dispatch within the platform deadline, an estimated
late-dispatch rate (LDR) as TikTok computes it. Orders are counted once, however many lines they have.

An order belongs to the period by its payment time (shop-local, ``start <= paid < end``). An order is reviewed at
the latest Reviewed At of its lines, dispatched when every line is (what counts is the market's Dispatch Done When:
tracking uploaded, or the carrier's scan), at the latest such time of its lines. LDR = orders dispatched after the
deadline / orders dispatched (orders fulfilled by TikTok count as dispatched, never as late, as in TikTok's own
formula). "Dispatched within the deadline" is shared over the orders whose outcome is known by ``now``: dispatched,
or still undispatched past the deadline; cancelled orders that never shipped are left out.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.clocks import times
from tkops.clocks.catalogue import explain
from tkops.clocks.evidence import prepare
from tkops.clocks.sla import SlaTable
from tkops.settings import Settings

KPI_KEYS = ("orders", "reviewed", "reviewed_on_time", "review_share", "to_dispatch", "dispatched",
            "dispatched_on_time", "late_dispatched", "late_open", "dispatch_share", "ldr", "cancelled")


def kpis(lines: pd.DataFrame, team: pd.DataFrame | None, start: dt.date | dt.datetime, end: dt.date | dt.datetime,
         *, sla: SlaTable | None = None, settings: Settings | None = None,
         now: dt.datetime | None = None) -> dict[str, float | int | None]:
    """The KPIs of the orders paid in [``start``, ``end``) (naive shop-local dates or times).

    ``team``: the team's columns as for :func:`tkops.clocks.clocks` (Reviewed At measures the review); ``now``:
    when the outcome is judged (aware, or naive shop-local; default ``end``). Shares are fractions (0.875), None
    when nothing was measured. ``dispatched_untimed`` counts dispatched orders without an RTS or Shipped Time (left
    out of the LDR); ``review_hours`` is the * market's Review Hours (for the labels).
    """
    settings = settings or Settings()
    sla = sla or SlaTable()
    w = prepare(lines, team, sla, settings)
    paid_local = times.from_utc(w["start"], w["zone"])
    w = w[(paid_local >= pd.Timestamp(start)) & (paid_local < pd.Timestamp(end))]
    w = w.assign(review_due=w["start"] + pd.to_timedelta(w["review_hours"], unit="h"),
                 untimed=w["dispatch_done"] & w["dispatched_at"].isna() & ~w["fbt"])
    o = w.groupby("order_id", sort=False).agg(
        cancelled=("cancelled", "all"), fbt=("fbt", "all"), reviewed_at=("reviewed_at", "max"),
        review_due=("review_due", "first"), done=("dispatch_done", "all"), untimed=("untimed", "any"),
        dispatched_at=("dispatched_at", "max"), due=("dispatch_due", "first"), zone=("zone", "first"))
    if now is not None:
        as_of = pd.Series(times.instant(now, settings.effective_time_zone()), index=o.index)
    else:
        as_of = times.to_utc(pd.Series(pd.Timestamp(end), index=o.index), o["zone"])

    measured = o["reviewed_at"].notna() & ~o["fbt"]
    on_time_review = measured & (o["reviewed_at"] <= o["review_due"])
    timed = o["done"] & (o["fbt"] | ~o["untimed"])
    late = timed & ~o["fbt"] & (o["dispatched_at"] > o["due"])
    late_open = ~o["done"] & ~o["cancelled"] & ~o["fbt"] & (o["due"] < as_of)
    n = {"orders": len(o), "reviewed": measured.sum(), "reviewed_on_time": on_time_review.sum(),
         "dispatched": timed.sum(), "late_dispatched": late.sum(), "late_open": late_open.sum(),
         "cancelled": (o["cancelled"] & ~o["done"]).sum(), "dispatched_untimed": (o["done"] & o["untimed"]).sum()}
    n = {k: int(v) for k, v in n.items()}
    n["dispatched_on_time"] = n["dispatched"] - n["late_dispatched"]
    n["to_dispatch"] = n["dispatched"] + n["late_open"]
    n["review_share"] = _share(n["reviewed_on_time"], n["reviewed"])
    n["dispatch_share"] = _share(n["dispatched_on_time"], n["to_dispatch"])
    n["ldr"] = _share(n["late_dispatched"], n["dispatched"])
    n["review_hours"] = sla.get("*", "Review Hours")
    return n


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def kpi_rows(result: dict, lang: str = "en") -> list[list]:
    """The KPIs as [label, value] rows for a report sheet (shares as fractions, to be shown as percentages)."""
    hours = result.get("review_hours", 2)
    return [[explain(f"clock.kpi.{key}", lang, hours=hours), result[key]] for key in KPI_KEYS]
