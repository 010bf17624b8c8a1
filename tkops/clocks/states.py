"""The SOP clocks of every order line: due times and a state per clock, the next deadline and the row's state.

Clocks: review (payment + Review Hours), print and pick (review + Print Hours: the Reviewed At time when the team
records it, else the review due time), pack (Picked At + Pack Hours; the print due time when a line is Picked
without a time; no clock before picking), dispatch (payment + Dispatch Days business days at the cut-off) and
auto-cancel (payment + Auto-cancel Days business days). States: ``done`` when the step's evidence is on the sheet,
else ``late`` past the due time, ``due soon`` inside the Due Soon window, ``ok`` before it; ``""`` when no clock
runs (unpaid, cancelled, fulfilled by TikTok, or the clock is off).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.clocks import times
from tkops.clocks.catalogue import explain, state_key
from tkops.clocks.evidence import prepare
from tkops.clocks.sla import SlaTable
from tkops.settings import Settings

OK, SOON, LATE, DONE, NONE = "ok", "due soon", "late", "done", ""
STATES = (LATE, SOON, OK, DONE)
RANK = {NONE: -1, DONE: 0, OK: 1, SOON: 2, LATE: 3}
CLOCKS = ("review", "print", "pack", "dispatch", "auto_cancel")
DUE_COLUMNS = {"review": "Review Due", "print": "Print Due", "pack": "Pack Due", "dispatch": "Dispatch Deadline",
               "auto_cancel": "Auto-cancel At"}
STATE_COLUMNS = {c: name.replace(" Due", "").replace(" Deadline", "").replace(" At", "") + " State"
                 for c, name in DUE_COLUMNS.items()}
CLOCK_COLUMNS = ["Market", *[n for c in CLOCKS for n in (DUE_COLUMNS[c], STATE_COLUMNS[c])], "Next Deadline",
                 "Next Clock", "Clock State"]
#: Fill colours of the states for the Orders sheet's conditional formatting (Excel's light red, yellow, green).
COLOURS = {LATE: "FFC7CE", SOON: "FFEB9C", OK: "C6EFCE", DONE: "EDEDED"}


def clocks(lines: pd.DataFrame, team: pd.DataFrame | None, sla: SlaTable | None, now: dt.datetime, *,
           settings: Settings | None = None) -> pd.DataFrame:
    """The clocks of each order line: :data:`CLOCK_COLUMNS`, same index as ``lines``.

    ``lines``: canonical order lines (keys of :mod:`tkops.schema`, naive shop-local times); ``team``: the team's
    columns by header (Review Status, Reviewed At, Picked, Picked At, Packed, Packed At), aligned on the index
    (None: looked up in ``lines`` too); ``sla``: the SLA table (None = defaults); ``now``: an aware datetime, or a
    naive one in the shop's time zone; ``settings``: the shop's Market (for lines without a Country) and Time Zone
    (of the sheet's times; blank = each line's market's zone). Due times come back as naive local times.
    """
    settings = settings or Settings()
    w = prepare(lines, team, sla or SlaTable(), settings)
    now_utc = times.instant(now, settings.effective_time_zone())
    spans = _spans(w)
    running = w["start"].notna() & ~w["cancelled"] & ~w["fbt"]
    out = pd.DataFrame(index=w.index)
    out["Market"] = w["market"]
    dues, ranks = [], []
    for clock in CLOCKS:
        start, due, done = spans[clock]
        state = _state(w, start, due, done, running, now_utc)
        out[DUE_COLUMNS[clock]] = times.from_utc(due, w["zone"])
        out[STATE_COLUMNS[clock]] = state
        active = state.isin([OK, SOON, LATE]).to_numpy()
        dues.append(np.where(active, due.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT")))
        ranks.append(state.map(RANK).to_numpy())
    _summary(out, w, np.column_stack(dues) if len(w) else np.empty((0, 5), "datetime64[ns]"),
             np.column_stack(ranks) if len(w) else np.empty((0, 5), int))
    return out


def _spans(w: pd.DataFrame) -> dict[str, tuple[pd.Series, pd.Series, pd.Series]]:
    """Per clock: when it starts, when it is due (UTC) and whether it is done."""
    def hours(column):
        return pd.to_timedelta(w[column], unit="h")

    review_due = w["start"] + hours("review_hours")
    print_from = w["reviewed_at"].fillna(review_due)
    print_due = print_from + hours("print_hours")
    pick_time = w["picked_at"].fillna(print_due.where(w["picked"]))
    return {
        "review": (w["start"], review_due, w["reviewed"]),
        "print": (print_from, print_due, w["picked"]),
        "pack": (pick_time, pick_time + hours("pack_hours"), w["packed"]),
        "dispatch": (w["start"], w["dispatch_due"], w["dispatch_done"]),
        "auto_cancel": (w["start"], w["cancel_due"], w["cancel_done"]),
    }


def _state(w, start, due, done, running, now) -> pd.Series:
    share = w["soon_kind"].eq("share").to_numpy()
    window = np.where(share, (due - start) * w["soon_value"].fillna(0),
                      pd.to_timedelta(w["soon_value"].fillna(0), unit="h"))
    window = pd.Series(window, index=w.index).astype("timedelta64[ns]")
    state = np.select([~running | due.isna(), done, now > due, now >= due - window], [NONE, DONE, LATE, SOON], OK)
    return pd.Series(state, index=w.index, dtype=object)


def _summary(out: pd.DataFrame, w: pd.DataFrame, dues: np.ndarray, ranks: np.ndarray) -> None:
    """Next Deadline (earliest due time of the clocks still running), Next Clock and Clock State (the worst)."""
    as_int = np.where(np.isnat(dues), np.iinfo(np.int64).max, dues.view("int64"))
    first = as_int.argmin(axis=1) if len(out) else np.array([], dtype=int)
    has_next = ~np.isnat(dues).all(axis=1) if len(out) else np.array([], dtype=bool)
    picked = dues[np.arange(len(out)), first] if len(out) else np.array([], "datetime64[ns]")
    nxt = pd.Series(np.where(has_next, picked, np.datetime64("NaT")), index=out.index).astype(times.NS)
    out["Next Deadline"] = times.from_utc(nxt, w["zone"])
    labels = np.array([DUE_COLUMNS[c] for c in CLOCKS], dtype=object)
    out["Next Clock"] = np.where(has_next, labels[first] if len(out) else [], "")
    worst = ranks.max(axis=1) if len(out) else np.array([], dtype=int)
    by_rank = {rank: state for state, rank in RANK.items()}
    out["Clock State"] = pd.Series(worst, index=out.index).map(by_rank).astype(object)


def clock_counts(frame: pd.DataFrame, order_ids: pd.Series | None = None) -> dict[str, dict[str, int]]:
    """Counts per clock for the Home sheet: {"review": {"late": n, "due soon": n, "ok": n, "done": n}, ...}.

    ``frame``: the output of :func:`clocks`. Key ``"all"`` counts the Clock State. With ``order_ids`` (aligned on
    the index) each order is counted once, in the worst state of its lines; else each line counts.
    """
    columns = {**{c: STATE_COLUMNS[c] for c in CLOCKS}, "all": "Clock State"}
    by_rank = {rank: state for state, rank in RANK.items()}
    out = {}
    for clock, column in columns.items():
        states = frame[column] if column in frame else pd.Series(dtype=object)
        if order_ids is not None:
            ranks = states.map(RANK).groupby(order_ids.reindex(states.index), sort=False).max()
            states = ranks.map(by_rank)
        counts = states.value_counts()
        out[clock] = {state: int(counts.get(state, 0)) for state in STATES}
    return out


def notes(frame: pd.DataFrame, now: dt.datetime, lang: str = "en") -> pd.Series:
    """Per line, the sentence for its next clock ("dispatch deadline ... (5 h left): ship ..."), "" when none.

    ``now`` is naive shop-local, like the frame's due times (the hours are rounded, DST ignored).
    """
    clock_of = {name: clock for clock, name in DUE_COLUMNS.items()}
    out = []
    for pos, (name, due) in enumerate(zip(frame["Next Clock"], frame["Next Deadline"])):
        if not name or pd.isna(due):
            out.append("")
            continue
        clock = clock_of[name]
        state = frame[STATE_COLUMNS[clock]].iat[pos]
        hours = abs((pd.Timestamp(due) - pd.Timestamp(now)) / pd.Timedelta(hours=1))
        out.append(explain(f"clock.{clock}.{state_key(state)}", lang, due=f"{due:%Y-%m-%d %H:%M}",
                           hours=round(hours, 1)))
    return pd.Series(out, index=frame.index, dtype=object)
