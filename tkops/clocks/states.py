"""The SOP clocks of every order line: due times and a state per clock, the next deadline and the row's state.

Clocks: review (payment + Review Hours), print and pick (review + Print Hours: the Reviewed At time when the team
records it, else the review due time), pack (Picked At + Pack Hours; the print due time when a line is Picked
without a time; no clock before picking), and the platform's: dispatch deadline, auto-cancel (the earliest
auto-cancel rule not yet met), deliver-by and the answer to a buyer's cancellation request (the platform's own
times where the line has them, else computed: :mod:`tkops.clocks.evidence`). States: ``done`` when the step's
evidence is on the sheet, else ``late`` past the due time, ``due soon`` inside the Due Soon window, ``ok`` before it;
``""`` when no clock runs (unpaid, fulfilled by TikTok, the clock is off, or the order is closed: cancelled,
delivered or completed orders get no due time at all). Deadline Source says whether the platform clocks' times are
the platform's or computed.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.clocks import times
from tkops.clocks.catalogue import explain, state_key
from tkops.clocks.evidence import COMPUTED, PLATFORM, prepare, shop_zone
from tkops.clocks.sla import SlaTable
from tkops.settings import Settings

OK, SOON, LATE, DONE, NONE = "ok", "due soon", "late", "done", ""
STATES = (LATE, SOON, OK, DONE)
RANK = {NONE: -1, DONE: 0, OK: 1, SOON: 2, LATE: 3}
CLOCKS = ("review", "print", "pack", "dispatch", "auto_cancel", "deliver", "cancel_request")
#: The clocks whose times are the platform's rules (the rest are the team's SOP).
PLATFORM_CLOCKS = ("dispatch", "auto_cancel", "deliver", "cancel_request")
DUE_COLUMNS = {"review": "Review Due", "print": "Print Due", "pack": "Pack Due", "dispatch": "Dispatch Deadline",
               "auto_cancel": "Auto-cancel At", "deliver": "Deliver By", "cancel_request": "Cancel Request Due"}
STATE_COLUMNS = {"review": "Review State", "print": "Print State", "pack": "Pack State",
                 "dispatch": "Dispatch State", "auto_cancel": "Auto-cancel State", "deliver": "Deliver State",
                 "cancel_request": "Cancel Request State"}
SOURCE_COLUMN = "Deadline Source"
CLOCK_COLUMNS = ["Market", *[n for c in CLOCKS for n in (DUE_COLUMNS[c], STATE_COLUMNS[c])], "Next Deadline",
                 "Next Clock", "Clock State", SOURCE_COLUMN]
#: Fill colours of the states for the Orders sheet's conditional formatting (Excel's light red, yellow, green).
COLOURS = {LATE: "FFC7CE", SOON: "FFEB9C", OK: "C6EFCE", DONE: "EDEDED"}
_SOURCES = {"dispatch": "dispatch_src", "auto_cancel": "cancel_src", "deliver": "deliver_src",
            "cancel_request": "request_src"}


def clocks(lines: pd.DataFrame, team: pd.DataFrame | None, sla: SlaTable | None, now: dt.datetime, *,
           settings: Settings | None = None, requests: pd.DataFrame | None = None) -> pd.DataFrame:
    """The clocks of each order line: :data:`CLOCK_COLUMNS`, same index as ``lines``.

    ``lines``: canonical order lines (keys of :mod:`tkops.schema`, naive shop-local times); ``team``: the team's
    columns by header (Review Status, Reviewed At, Picked, Picked At, Packed, Packed At), aligned on the index
    (None: looked up in ``lines`` too); ``sla``: the SLA table (None = defaults); ``now``: an aware datetime, or a
    naive one in the shop's time zone (:func:`tkops.clocks.evidence.shop_zone`: the Time Zone or Market setting,
    else the lines' market); ``settings``: the shop's Market (for lines without a Country) and Time Zone (of the
    sheet's times; blank = each line's market's zone); ``requests``: the AfterSales sheet's cancellation requests
    (Order ID, Opened, Due, Settled). Due times come back as naive local times.
    """
    settings = settings or Settings()
    w = prepare(lines, team, sla or SlaTable(), settings, requests)
    now_utc = times.instant(now, shop_zone(settings, w["market"]))
    spans = _spans(w)
    running = w["start"].notna() & ~w["closed"] & ~w["fbt"]
    out = pd.DataFrame({"Market": w["market"]})
    dues, states = {}, {}
    for clock in CLOCKS:
        start, due, done = spans[clock]
        state = _state(w, start, due, done, running, now_utc)
        out[DUE_COLUMNS[clock]] = times.from_utc(due.where(state.ne(NONE)), w["zone"])  # no clock: no due time
        out[STATE_COLUMNS[clock]] = state
        dues[DUE_COLUMNS[clock]] = due.where(state.isin([OK, SOON, LATE]))
        states[clock] = state.map(RANK)
    _summary(out, w, pd.DataFrame(dues), pd.DataFrame(states))
    out[SOURCE_COLUMN] = _sources(out, w)
    return out


def _spans(w: pd.DataFrame) -> dict[str, tuple[pd.Series, pd.Series, pd.Series]]:
    """Per clock: when it starts, when it is due (UTC) and whether it is done."""
    def hours(column):
        return w[column] * pd.Timedelta(hours=1)

    review_due = w["start"] + hours("review_hours")
    print_from = w["reviewed_at"].fillna(review_due)
    print_due = print_from + hours("print_hours")
    pick_time = w["picked_at"].fillna(print_due.where(w["picked"]))
    return {
        "review": (w["start"], review_due, w["reviewed"]),
        "print": (print_from, print_due, w["picked"]),
        "pack": (pick_time, pick_time + hours("pack_hours"), w["packed"]),
        "dispatch": (w["placed"], w["dispatch_due"], w["dispatch_done"]),
        "auto_cancel": (w["placed"], w["cancel_due"], w["cancel_done"]),
        "deliver": (w["placed"], w["deliver_due"], w["deliver_done"]),
        "cancel_request": (w["request_start"], w["request_due"], w["request_done"]),
    }


def _state(w, start, due, done, running, now) -> pd.Series:
    """ok / due soon / late / done per line; "" where no clock runs. Due Soon is a share of the time allowed
    (start to due) or a number of hours before the due time."""
    share = w["soon_kind"].eq("share")
    window = ((due - start) * w["soon_value"]).where(share, w["soon_value"] * pd.Timedelta(hours=1))
    state = np.select([~running | due.isna(), done, now > due, now >= due - window], [NONE, DONE, LATE, SOON], OK)
    return pd.Series(state, index=w.index, dtype=object)


def _summary(out: pd.DataFrame, w: pd.DataFrame, dues: pd.DataFrame, ranks: pd.DataFrame) -> None:
    """Next Deadline (earliest due time of the clocks still running, the first clock on a tie), Next Clock and
    Clock State (the worst state)."""
    nxt = dues.min(axis=1)
    out["Next Deadline"] = times.from_utc(nxt, w["zone"])
    out["Next Clock"] = dues.eq(nxt, axis=0).idxmax(axis=1).where(nxt.notna(), "").astype(object)
    by_rank = {rank: state for state, rank in RANK.items()}
    out["Clock State"] = ranks.max(axis=1).map(by_rank).astype(object)


def _sources(out: pd.DataFrame, w: pd.DataFrame) -> pd.Series:
    """Per line, where the platform clocks' due times come from: "platform" (the Open API's own deadlines),
    "computed" (the SLA sheet), both named clock by clock when they differ, "" when no platform clock runs."""
    parts = [w[_SOURCES[clock]].where(out[STATE_COLUMNS[clock]].ne(NONE), "") for clock in PLATFORM_CLOCKS]
    rows = [tuple(row) for row in pd.concat(parts, axis=1).to_numpy()]
    texts = {}
    for row in set(rows):
        used = {clock: src for clock, src in zip(PLATFORM_CLOCKS, row) if src}
        kinds = set(used.values())
        if len(kinds) <= 1:
            texts[row] = kinds.pop() if kinds else ""
        else:
            texts[row] = "; ".join(f"{kind}: " + ", ".join(DUE_COLUMNS[c] for c, k in used.items() if k == kind)
                                   for kind in (PLATFORM, COMPUTED))
    return pd.Series([texts[row] for row in rows], index=out.index, dtype=object)


def clock_counts(frame: pd.DataFrame, order_ids: pd.Series | None = None) -> dict[str, dict[str, int]]:
    """Counts per clock for the Home sheet: {"review": {"late": n, "due soon": n, "ok": n, "done": n}, ...}.

    ``frame``: the output of :func:`clocks`. Key ``"all"`` counts the Clock State. With ``order_ids`` (aligned on
    the index) each order is counted once, in the worst state of its lines; else each line counts.
    """
    columns = {**{c: STATE_COLUMNS[c] for c in CLOCKS}, "all": "Clock State"}
    by_rank = {rank: state for state, rank in RANK.items()}
    out = {}
    for clock, column in columns.items():
        if column not in frame:
            out[clock] = dict.fromkeys(STATES, 0)
            continue
        states = frame[column]
        if order_ids is not None:  # grouped by the IDs aligned on the frame's index
            states = states.map(RANK).groupby(order_ids).max().map(by_rank)
        counts = states.value_counts()
        out[clock] = {state: int(counts.get(state, 0)) for state in STATES}
    return out


def notes(frame: pd.DataFrame, now: dt.datetime, lang: str) -> pd.Series:
    """Per line, the sentence for its next clock ("dispatch deadline ... (5 h left): ship ..."), "" when none.

    ``now`` is naive shop-local, like the frame's due times (the hours are rounded, DST ignored).
    """
    clock_of = {name: clock for clock, name in DUE_COLUMNS.items()}
    out = pd.Series("", index=frame.index, dtype=object)
    for pos, name in enumerate(frame["Next Clock"]):
        if name:
            clock = clock_of[name]
            due = frame["Next Deadline"].iat[pos]
            hours = abs((due - pd.Timestamp(now)) / pd.Timedelta(hours=1))
            out.iat[pos] = explain(f"clock.{clock}.{state_key(frame[STATE_COLUMNS[clock]].iat[pos])}", lang,
                                   due=f"{due:%Y-%m-%d %H:%M}", hours=round(hours, 1))
    return out
