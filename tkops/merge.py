"""Merging imported rows into a sheet: the upsert that never loses what the team typed.

Pure functions on DataFrames. The sheet frame's columns are its headers as written; platform columns are
recognised by their display names, every other column belongs to the team and is never written by an import.

The Orders sheet merges three ways (:func:`merge_three_way`): each platform cell is compared with what tkops last
imported into it (the *base*, kept per line in the book's hidden tkops Base sheet), so a blank incoming value never
erases a cell, a cell the team changed is kept while the platform has not changed it, and a cell both changed is
decided by one rule per column (:mod:`tkops.merge_rules`) and recorded. The AfterSales sheet (cases,
:mod:`tkops.case_schema`) is upserted two ways (:func:`merge_lines`) with its own columns and key.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tkops import schema
from tkops.cells.text import id_texts, scalar_text, texts_or_none
from tkops.errors import BadWorkbook, DataError
from tkops.merge_rules import PLATFORM, SET_ONCE, TEAM, Conflict, rule_of
from tkops.schema import Kind


@dataclass
class MergeCounts:
    """How one file's lines landed; for the three-way merge also what happened to the team's edits."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # cells the team changed, kept because the platform had not changed them
    conflicts: int = 0  # cells both changed (or differing without a base): decided by rule and recorded
    currency_kept: int = 0  # lines whose Currency stayed although this import named another
    based: int = 0  # matched lines that had no base yet and got one

    def add(self, other: "MergeCounts") -> None:
        """Add ``other``'s counts to these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def sheet_frame(rows: list[list] | np.ndarray | None, sheet: str = "Orders", file: str = "",
                id_header: str = "Order ID") -> pd.DataFrame:
    """A sheet's rows (header first) as a frame with the headers as columns, every row kept in place; ``rows`` may
    be a two-dimensional object array (:func:`tkops.book.read_only_grid`)."""
    if rows is None or not len(rows):
        return pd.DataFrame()
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    while header and header[-1] == "":
        header.pop()
    if id_header not in header:
        raise BadWorkbook(file=file, detail="no_order_id_header" if id_header == "Order ID"
                          else f'sheet "{sheet}" has no "{id_header}" header in row 1.')
    seen = set()
    for h in header:
        if h and h in seen:
            raise BadWorkbook(file=file, detail=f'sheet "{sheet}" has the header "{h}" twice; rename or delete one.')
        seen.add(h)
    width = len(header)
    body = rows[1:]
    if isinstance(body, np.ndarray):  # one array: all rows of one width, at least the header's
        body = body[:, :width]
    elif any(len(r) != width for r in body):  # a grid wider than its headers (or ragged): cut and pad its rows
        body = [list(r[:width]) + [None] * (width - len(r[:width])) for r in body]
    end = len(body)
    while end and all(v in (None, "") for v in body[end - 1]):
        end -= 1
    frame = pd.DataFrame(body[:end], columns=header, dtype=object)
    return frame.loc[:, [h for h in header if h]]


def rows_frame(rows: list[list] | None, headers: list[str] | None = None) -> pd.DataFrame:
    """A settings-like sheet's rows (header first) as a frame: the headers as columns, blank rows and unnamed
    columns dropped; with ``headers``, exactly those columns (missing ones empty)."""
    if not rows:
        return pd.DataFrame(columns=headers or [])
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    width = len(header)
    body = [list(r[:width]) + [None] * (width - len(r[:width])) for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object).dropna(how="all")
    frame = frame.loc[:, [h for h in header if h]]
    return frame.reindex(columns=headers) if headers else frame


def is_blank(column: pd.Series) -> pd.Series:
    """Cells with nothing in them: None, NaN or only spaces."""
    return column.isna() | column.astype(str).str.strip().eq("")


def fill_blank(frame: pd.DataFrame, header: str, values: pd.Series, where: pd.Series | None = None) -> pd.Series:
    """Column ``header`` of ``frame`` with its blank cells (those ``where`` allows) taken from ``values``: what a
    person typed is never replaced."""
    current = frame[header] if header in frame else pd.Series(None, index=frame.index, dtype=object)
    take = is_blank(current) if where is None else is_blank(current) & where
    return current.astype(object).where(~take, values.reindex(frame.index))


#: The kinds :func:`typed_numbers` converts (every other kind is text).
NUMERIC_KINDS = (Kind.DATETIME, Kind.INT, Kind.MONEY, Kind.NUMBER)


def typed_numbers(col: pd.Series, kind: Kind) -> pd.Series:
    """A column of one of :data:`NUMERIC_KINDS` as tkops compares it: datetime64[ns], Int64 (rounded) or Float64;
    what cannot be read is missing."""
    if kind is Kind.DATETIME:
        stamps = pd.to_datetime(col, errors="coerce")
        # text dateutil reads as a day nanoseconds cannot hold ("7a": 07:00 of the year 1) is no time either
        held = stamps.isna() | ((stamps >= pd.Timestamp.min) & (stamps <= pd.Timestamp.max))
        return stamps.where(held).astype("datetime64[ns]")
    numbers = pd.to_numeric(col, errors="coerce").astype("Float64")
    return numbers.round().astype("Int64") if kind is Kind.INT else numbers


def typed(frame: pd.DataFrame, columns: tuple[schema.Column, ...] = schema.ORDER_COLUMNS, sheet: str = "Orders"
          ) -> pd.DataFrame:
    """The platform ``columns`` of a sheet frame under canonical keys, typed like an import's (for comparing).

    Text cells come back as the text a person sees (12.0 -> "12"); an ID cell Excel has rounded is refused (the
    frame's index is the sheet row minus 2, as :func:`sheet_frame` makes it)."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        if column.name in frame.columns:
            out[column.key] = typed_column(frame[column.name], column, sheet)
    return out


def typed_column(col: pd.Series, column: schema.Column, sheet: str = "Orders") -> pd.Series:
    """One column of a sheet frame as :func:`typed` types it (``column``: its schema column)."""
    if column.kind in NUMERIC_KINDS:
        return typed_numbers(col, column.kind)
    return _id_texts(col, column.name, sheet) if column.kind is Kind.ID else texts_or_none(col)


def _id_texts(col: pd.Series, header: str, sheet: str) -> pd.Series:
    """An ID column as text; an ID cell Excel has rounded (5.77E+17) is refused naming its row: its real digits
    cannot be known."""
    texts, at = id_texts(col)
    if at is not None:
        raise mangled_id_error(sheet, at, header, col.loc[at])
    return texts


def mangled_id_error(sheet: str, at, header: str, value) -> DataError:
    """The refusal of an ID cell Excel has rounded: sheet, row (``at``: the frame's index label, the sheet row minus
    2), column and value."""
    row = at + 2 if isinstance(at, (int, np.integer)) else at
    return DataError("sheet_mangled_id", sheet=sheet, row=row, column=header, value=scalar_text(value))


def _differs(old: pd.Series, new: pd.Series, kind: Kind) -> np.ndarray:
    old_na, new_na = old.isna().to_numpy(), new.isna().to_numpy()
    both = ~old_na & ~new_na
    diff = old_na != new_na
    if not both.any():
        return diff
    if kind is Kind.DATETIME:
        delta = (pd.to_datetime(old[both]) - pd.to_datetime(new[both])).abs() >= pd.Timedelta(seconds=0.5)
        diff[both] = delta.to_numpy()
    elif kind in (Kind.MONEY, Kind.NUMBER, Kind.INT):
        a = old[both].astype(float).to_numpy()
        b = new[both].astype(float).to_numpy()
        diff[both] = ~np.isclose(a, b, rtol=1e-12, atol=1e-9)
    else:
        diff[both] = (old[both].astype(str).to_numpy() != new[both].astype(str).to_numpy())
    return diff


def merge_lines(sheet: pd.DataFrame, incoming: pd.DataFrame, columns: tuple[schema.Column, ...] = schema.ORDER_COLUMNS,
                keys=schema.line_keys) -> tuple[pd.DataFrame, MergeCounts]:
    """Upsert ``incoming`` canonical lines into the sheet frame.

    Lines are matched by Order ID + SKU + occurrence (:func:`tkops.schema.line_keys`; another table passes its
    platform ``columns`` and its ``keys`` function, e.g. the cases'). A matched line gets the
    incoming platform values for the columns the file has (a column the file lacks keeps its value); team columns
    are never touched; new lines are appended in file order; nothing is deleted. Returns the new sheet frame (display
    headers as columns, the sheet's rows first, in place) and the counts.
    """
    counts = MergeCounts()
    if incoming.empty:
        return sheet, counts
    sheet = sheet.copy() if not sheet.empty else pd.DataFrame()
    by_key = {c.key: c for c in columns}
    current, _, matched, rows_at = _match(sheet, incoming, columns, keys)
    changed = np.zeros(int(matched.sum()), dtype=bool)
    for key in incoming.columns:
        column = by_key[key]
        name = column.name
        new_values = incoming.loc[matched, key].reset_index(drop=True)
        if name not in sheet.columns:
            sheet[name] = pd.Series([None] * len(sheet), index=sheet.index, dtype=object)
            has_new = new_values.notna().to_numpy()
            changed |= has_new
            sheet.iloc[rows_at[has_new], sheet.columns.get_loc(name)] = new_values[has_new].to_numpy()
            continue
        old_values = current[key].iloc[rows_at].reset_index(drop=True)
        diff = _differs(old_values, new_values, column.kind)
        if diff.any():
            changed |= diff
            _set_cells(sheet, name, rows_at[diff], new_values[diff])
    counts.updated = int(changed.sum())
    counts.unchanged = int(matched.sum()) - counts.updated
    added = incoming.loc[~matched]
    counts.new = len(added)
    if counts.new:
        sheet = _appended(sheet, added, by_key)
    return sheet, counts


def _match(sheet: pd.DataFrame, incoming: pd.DataFrame, columns: tuple[schema.Column, ...],
           keys) -> tuple[pd.DataFrame, pd.Series, np.ndarray, np.ndarray]:
    """The sheet typed by ``columns``, each incoming line's key, whether it is on the sheet (the first row of a key
    wins) and, for each matched line, its row."""
    current = typed(sheet, columns) if not sheet.empty else pd.DataFrame()
    keys_in = keys(incoming)
    position = pd.Series(np.arange(len(current)), index=keys(current).to_numpy()) if len(current) \
        else pd.Series([], dtype=int)
    position = position[~position.index.duplicated(keep="first")]
    matched = keys_in.isin(position.index).to_numpy()
    return current, keys_in, matched, position.reindex(keys_in[matched].to_numpy()).to_numpy()


def _set_cells(sheet: pd.DataFrame, name: str, rows: np.ndarray, values: pd.Series) -> None:
    """Write ``values`` into the column ``name`` of ``sheet`` at the row positions ``rows``; the column becomes object
    first, as a sheet's cells hold text and numbers alike."""
    if sheet[name].dtype != object:
        sheet[name] = sheet[name].astype(object)
    sheet.iloc[rows, sheet.columns.get_loc(name)] = values.astype(object).to_numpy()


def _appended(sheet: pd.DataFrame, added: pd.DataFrame, by_key: dict[str, schema.Column]) -> pd.DataFrame:
    """``sheet`` with the ``added`` canonical lines after its rows, under their display headers."""
    appended = added.rename(columns={k: by_key[k].name for k in added.columns}).reset_index(drop=True)
    return pd.concat([sheet, appended.astype(object)], ignore_index=True) if len(sheet.columns) else appended


@dataclass
class CellPlan:
    """What the three-way merge does with one column's matched cells (boolean arrays, one item per cell)."""

    take: np.ndarray  # the incoming value goes on the sheet
    kept: np.ndarray  # the team's change stays: the platform did not change the cell
    conflict: np.ndarray  # both changed (or no base and the values differ): decided by ``platform_wins``
    platform_wins: np.ndarray
    rule: np.ndarray
    set_once: np.ndarray  # a Currency that stays although the incoming one differs


def plan_cells(key: str, kind: Kind, sheet: pd.Series, new: pd.Series, base: pd.Series, has_base: np.ndarray,
               status: pd.Series) -> CellPlan:
    """Decide, cell by cell, between the sheet's value, the incoming one and the base (what tkops last imported;
    ``has_base`` False where there is no record). Every series is aligned by position."""
    new_blank = new.isna().to_numpy()
    sheet_blank = sheet.isna().to_numpy()
    differs = ~new_blank & _differs(sheet, new, kind)
    platform_wins, rule = rule_of(key, status)
    if key in SET_ONCE:
        nothing = np.zeros(len(new), dtype=bool)
        return CellPlan(differs & sheet_blank, nothing, nothing, platform_wins, rule, differs & ~sheet_blank)
    team_changed = has_base & _differs(sheet, base, kind)
    platform_changed = _differs(new, base, kind)
    clean = differs & ((has_base & ~team_changed) | (~has_base & sheet_blank))
    kept = differs & team_changed & ~platform_changed
    conflict = differs & ((team_changed & platform_changed) | (~has_base & ~sheet_blank))
    return CellPlan(clean | (conflict & platform_wins), kept, conflict, platform_wins, rule,
                    np.zeros(len(new), dtype=bool))


@dataclass
class ThreeWay:
    """The outcome of a three-way merge: the new sheet frame, the new base (canonical keys as columns, indexed by
    line key), the counts and every conflict."""

    sheet: pd.DataFrame
    base: pd.DataFrame
    counts: MergeCounts
    conflicts: list[Conflict]


def merge_three_way(sheet: pd.DataFrame, incoming: pd.DataFrame, base: pd.DataFrame | None = None,
                    columns: tuple[schema.Column, ...] = schema.ORDER_COLUMNS, keys=schema.line_keys) -> ThreeWay:
    """Upsert ``incoming`` canonical lines into the sheet frame, cell by cell against ``base``.

    Lines are matched as in :func:`merge_lines`. For a matched line and a column the file has: a blank incoming
    value never erases; an untouched cell (sheet == base) takes the incoming value; a cell the team changed keeps
    the team's value while the incoming value equals the base; when both changed, or without a base the values
    differ, the column's rule (:mod:`tkops.merge_rules`) decides and a :class:`~tkops.merge_rules.Conflict` is
    recorded. Currency, once set, is never rewritten. New lines are appended; the base of every line becomes the
    incoming non-blank values. Team columns are never touched; nothing is deleted.
    """
    counts = MergeCounts()
    base = base if base is not None else pd.DataFrame()
    if incoming.empty:
        return ThreeWay(sheet, base, counts, [])
    sheet = sheet.copy() if not sheet.empty else pd.DataFrame()
    by_key = {c.key: c for c in columns}
    current, keys_in, matched, rows_at = _match(sheet, incoming, columns, keys)
    matched_keys = keys_in[matched].to_numpy()
    has_row = pd.Index(matched_keys).isin(base.index) if len(base) else np.zeros(len(matched_keys), dtype=bool)
    old_base = base.reindex(matched_keys) if len(base) else pd.DataFrame(index=matched_keys)
    status = _statuses(incoming.loc[matched], current, rows_at)
    changed = np.zeros(len(matched_keys), dtype=bool)
    currency_kept = np.zeros(len(matched_keys), dtype=bool)
    conflicts: list[Conflict] = []
    new_base = old_base.copy()
    for key in incoming.columns:
        column = by_key[key]
        name = column.name
        new_values = incoming.loc[matched, key].reset_index(drop=True)
        if name not in sheet.columns:
            sheet[name] = pd.Series([None] * len(sheet), index=sheet.index, dtype=object)
        old_values = current[key].iloc[rows_at].reset_index(drop=True) if key in current \
            else pd.Series([None] * len(rows_at), dtype=object)
        # a line's base lacks a column the platform has never filled for it: its base is blank
        in_base = key in old_base.columns
        base_values = old_base[key].reset_index(drop=True) if in_base else pd.Series([None] * len(rows_at),
                                                                                     dtype=object)
        plan = plan_cells(key, column.kind, old_values, new_values, base_values, has_row, status)
        if plan.take.any():
            changed |= plan.take
            _set_cells(sheet, name, rows_at[plan.take], new_values[plan.take])
        counts.kept += int(plan.kept.sum())
        currency_kept |= plan.set_once
        for i in np.flatnonzero(plan.conflict):
            conflicts.append(Conflict(int(rows_at[i]), key, _plain(old_values.iloc[i]), _plain(new_values.iloc[i]),
                                      _plain(base_values.iloc[i]), PLATFORM if plan.platform_wins[i] else TEAM,
                                      str(plan.rule[i]), bool(has_row[i])))
        filled = ~new_values.isna().to_numpy()
        column_base = base_values.astype(object) if in_base else pd.Series([None] * len(rows_at), dtype=object)
        new_base[key] = column_base.where(~filled, new_values.astype(object)).to_numpy()
    counts.updated = int(changed.sum())
    counts.unchanged = len(matched_keys) - counts.updated
    counts.conflicts = len(conflicts)
    counts.currency_kept = int(currency_kept.sum())
    counts.based = int((~has_row).sum())
    added = incoming.loc[~matched]
    counts.new = len(added)
    if counts.new:
        sheet = _appended(sheet, added, by_key)
        new_base = pd.concat([new_base, added.astype(object).set_axis(keys_in[~matched].to_numpy())])
    merged_base = pd.concat([base.drop(index=matched_keys, errors="ignore"), new_base]) if len(base) else new_base
    return ThreeWay(sheet, merged_base[~merged_base.index.duplicated(keep="last")], counts, conflicts)


def _statuses(incoming: pd.DataFrame, current: pd.DataFrame, rows_at: np.ndarray) -> pd.Series:
    """Each matched line's order status: the incoming one, else the sheet's (for the carrier rule)."""
    blank = pd.Series([None] * len(rows_at), dtype=object)
    new = incoming["order_status"].reset_index(drop=True) if "order_status" in incoming else blank
    old = current["order_status"].iloc[rows_at].reset_index(drop=True) if "order_status" in current else blank
    return new.where(new.notna(), old).fillna("").astype(str)


def _plain(value):
    """A cell value as plain Python (None for blanks), for the Conflicts sheet."""
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value
