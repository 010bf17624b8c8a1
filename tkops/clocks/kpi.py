"""SOP KPIs for any period: review within the SOP hours, dispatch within the platform deadline, an estimated
late-dispatch rate (LDR) as TikTok computes it. Orders are counted once, however many lines they have.

An order belongs to the period by its payment time (shop-local, ``start <= paid < end``). An order is reviewed at
the latest Reviewed At of its lines, dispatched when every line is (what counts is the market's Dispatch Done When:
tracking uploaded, or the carrier's scan), at the latest such time of its lines. LDR = orders dispatched after the
deadline / orders dispatched (orders fulfilled by TikTok count as dispatched, never as late, as in TikTok's own
formula). "Dispatched within the deadline" is shared over the orders whose outcome is known by ``now``: dispatched,
or still undispatched past the deadline; cancelled orders that never shipped are left out.

"Reviewed on time" is shared the same way: over the orders reviewed with a Reviewed At time and the orders never
reviewed whose review was due before ``now`` (misses: an order nobody looked at is not left out of the share). Left
out, and counted by reason so a report can say how many and why (:data:`EXCLUSIONS`, :func:`exclusion_lines`):
reviewed without a time (Review Status Done, a Picked tick, ... but no Reviewed At: on time or not is unknown),
review not due yet, cancelled before the review was due (or at a time the sheet does not say), fulfilled by TikTok.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.clocks import times
from tkops.clocks.catalogue import explain
from tkops.clocks.evidence import prepare, shop_zone
from tkops.clocks.sla import ALL, SlaTable
from tkops.settings import Settings

KPI_KEYS = ("orders", "reviewed", "reviewed_on_time", "review_missed", "review_share", "to_dispatch", "dispatched",
            "dispatched_on_time", "late_dispatched", "late_open", "dispatch_share", "ldr", "cancelled")
#: Orders left out of a share, by share and reason: result key -> (share, reason code in the catalogue).
EXCLUSIONS = {
    "review_untimed": ("review", "untimed"), "review_not_due": ("review", "not_due"),
    "review_cancelled": ("review", "cancelled"), "review_fbt": ("review", "fbt"),
    "dispatched_untimed": ("dispatch", "untimed"), "dispatch_not_due": ("dispatch", "not_due"),
    "cancelled": ("dispatch", "cancelled"), "dispatch_fbt": ("dispatch", "fbt"),
}


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
    w = prepare(lines, team, sla, settings, dispatch_only=True)
    paid_local = times.from_utc(w["start"], w["zone"])
    w = w[(paid_local >= pd.Timestamp(start)) & (paid_local < pd.Timestamp(end))]
    w = w.assign(review_due=w["start"] + w["review_hours"] * pd.Timedelta(hours=1),
                 untimed=w["dispatch_done"] & w["dispatched_at"].isna() & ~w["fbt"])
    o = w.groupby("order_id", sort=False).agg(  # every figure counts orders: their order does not matter
        cancelled=("cancelled", "all"), fbt=("fbt", "all"), reviewed_at=("reviewed_at", "max"),
        reviewed=("reviewed", "all"), review_due=("review_due", "first"), cancelled_at=("cancelled_at", "min"),
        done=("dispatch_done", "all"), untimed=("untimed", "any"), dispatched_at=("dispatched_at", "max"),
        due=("dispatch_due", "first"), zone=("zone", "first"))
    if now is not None:
        as_of = pd.Series(times.instant(now, shop_zone(settings, w["market"])), index=o.index)
    else:
        as_of = times.to_utc(pd.Series(pd.Timestamp(end), index=o.index), o["zone"])

    own = ~o["fbt"]
    measured = o["reviewed_at"].notna() & own
    on_time_review = measured & (o["reviewed_at"] <= o["review_due"])
    unreviewed = own & ~o["reviewed"] & o["reviewed_at"].isna()
    overdue = o["review_due"] < as_of
    # a cancelled order nobody reviewed is a miss only when it was cancelled after its review was due
    cancelled_late = o["cancelled"] & (o["cancelled_at"] > o["review_due"])
    missed = unreviewed & overdue & (~o["cancelled"] | cancelled_late)
    timed = o["done"] & (o["fbt"] | ~o["untimed"])
    late = timed & ~o["fbt"] & (o["dispatched_at"] > o["due"])
    late_open = ~o["done"] & ~o["cancelled"] & own & (o["due"] < as_of)
    n = {"orders": len(o), "reviewed": measured.sum(), "reviewed_on_time": on_time_review.sum(),
         "review_missed": missed.sum(), "dispatched": timed.sum(), "late_dispatched": late.sum(),
         "late_open": late_open.sum(), "cancelled": (o["cancelled"] & ~o["done"]).sum(),
         "dispatched_untimed": (o["done"] & o["untimed"]).sum(),
         "review_untimed": (own & o["reviewed_at"].isna() & o["reviewed"]).sum(),
         "review_not_due": (unreviewed & ~o["cancelled"] & ~overdue).sum(),
         "review_cancelled": (unreviewed & o["cancelled"] & ~missed).sum(), "review_fbt": (~own).sum(),
         "dispatch_not_due": (~o["done"] & ~o["cancelled"] & own & ~(o["due"] < as_of)).sum(),
         "dispatch_fbt": (~own & ~o["done"]).sum()}
    n = {k: int(v) for k, v in n.items()}
    n["dispatched_on_time"] = n["dispatched"] - n["late_dispatched"]
    n["to_dispatch"] = n["dispatched"] + n["late_open"]
    n["review_share"] = _share(n["reviewed_on_time"], n["reviewed"] + n["review_missed"])
    n["dispatch_share"] = _share(n["dispatched_on_time"], n["to_dispatch"])
    n["ldr"] = _share(n["late_dispatched"], n["dispatched"])
    n["review_hours"] = sla.for_market(ALL).review_hours
    return n


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def kpi_rows(result: dict, lang: str) -> list[list]:
    """The KPIs as [label, value] rows for a report sheet (shares as fractions, to be shown as percentages)."""
    hours = result.get("review_hours", 2)
    return [[explain(f"clock.kpi.{key}", lang, hours=hours), result[key]] for key in KPI_KEYS]


def exclusion_lines(result: dict, lang: str) -> list[str]:
    """One line per share saying how many orders it leaves out and why ("Left out of the review share: 3 (1
    reviewed without a Reviewed At time, 2 review not due yet)"); none for a share that leaves nothing out."""
    out = []
    for share in ("review", "dispatch"):
        parts = [(key, reason) for key, (s, reason) in EXCLUSIONS.items() if s == share and result.get(key)]
        if parts:
            why = explain("clock.kpi.sep", lang).join(
                explain(f"clock.kpi.excluded.{share}.{reason}", lang, n=result[key]) for key, reason in parts)
            out.append(explain(f"clock.kpi.excluded.{share}", lang, n=sum(result[k] for k, _ in parts), why=why))
    return out
