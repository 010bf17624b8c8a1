"""Timing and state: orders paid inside the hold window (the buyer may still cancel), orders not awaiting
shipment, cancelled orders and lines with a cancellation request."""

from __future__ import annotations

import pandas as pd

from tkops.review import problems as P
from tkops.review.context import ReviewContext
from tkops.review.rules.base import Rule

_FORMAT = "%Y-%m-%d %H:%M"


def check_cooling_off(ctx: ReviewContext) -> pd.DataFrame:
    """timing.cooling_off: Paid Time less than Hold Minutes before ``now`` (a Paid Time after ``now`` too)."""
    minutes = ctx.config.get("timing.cooling_off", "Hold Minutes")
    if not minutes:
        return P.none()
    o = ctx.orders(ctx.w["paid_time"].notna())
    until = o["paid_time"] + pd.Timedelta(minutes=minutes)
    hit = o[until > pd.Timestamp(ctx.now)]
    paid, held = hit["paid_time"].dt.strftime(_FORMAT), until[hit.index].dt.strftime(_FORMAT)
    params = [{"paid": p, "until": u, "minutes": minutes} for p, u in zip(paid, held)]
    return P.emit(hit.index, "timing.cooling_off", "paid_time", params)


def check_state(ctx: ReviewContext) -> pd.DataFrame:
    """state.cancelled (order cancelled), state.cancel_requested (Cancelation/Return Type "Cancel" on a line),
    state.not_awaiting_shipment (any other status that is not Awaiting Shipment, before shipping)."""
    w = ctx.w
    first = w["first"]
    cancelled = w[first & w["cancelled"]]
    out = [P.emit(cancelled.index, "state.cancelled", "order_status")]
    requested = w[w["scope"] & w["cancel_return_type"].str.casefold().str.contains("cancel", regex=False)]
    out.append(P.emit(requested.index, "state.cancel_requested", "cancel_return_type",
                      [{"value": v} for v in requested["cancel_return_type"]]))
    if ctx.has("order_status"):
        other = w[first & w["scope"] & ~w["status"].isin(["Awaiting Shipment", ""])]
        out.append(P.emit(other.index, "state.not_awaiting_shipment", "order_status",
                          [{"status": s} for s in other["order_status"]]))
    return P.concat(out)


COOLING_OFF = Rule("timing.cooling_off", ("timing.cooling_off",), check_cooling_off)
STATE = Rule("state", ("state.cancelled", "state.cancel_requested", "state.not_awaiting_shipment"), check_state)
RULES = (COOLING_OFF, STATE)
