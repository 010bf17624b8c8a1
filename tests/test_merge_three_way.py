"""The three-way merge of platform cells on small frames: sheet (what the team sees), incoming (the platform), base
(what tkops last imported). Every case of the rule, the per-column winners, the conflict records, the base."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tkops.merge import MergeCounts, merge_three_way, plan_cells
from tkops.merge_rules import PLATFORM, TEAM, WHY, Conflict, rule_of
from tkops.schema import Kind

COLS = ("order_id", "sku_id", "quantity", "order_status", "tracking_id", "recipient", "currency", "paid_time")
PAID = dt.datetime(2026, 11, 25, 9, 0)


def lines(*rows, cols=COLS):
    frame = pd.DataFrame([list(r) for r in rows], columns=list(cols[:len(rows[0])]))
    if "quantity" in frame:
        frame["quantity"] = frame["quantity"].astype("Int64")
    if "paid_time" in frame:
        frame["paid_time"] = pd.to_datetime(frame["paid_time"]).astype("datetime64[ns]")
    return frame


def first_import(*rows):
    done = merge_three_way(pd.DataFrame(), lines(*rows))
    return done.sheet, done.base


def typed_by_team(sheet, **cells):
    out = sheet.copy()
    for name, value in cells.items():
        out[name] = out[name].astype(object)
        out.loc[0, name] = value
    return out


LINE = ("1", "A", 1, "Awaiting Shipment", None, "Ann Lee", "USD", PAID)


def test_a_new_line_is_appended_and_becomes_its_own_base():
    done = merge_three_way(pd.DataFrame(), lines(LINE))
    assert done.counts == MergeCounts(new=1)
    assert list(done.base.index) == ["1|A|0"] and done.base.loc["1|A|0", "recipient"] == "Ann Lee"
    assert done.base.loc["1|A|0", "tracking_id"] is None and done.conflicts == []


def test_a_blank_incoming_value_never_erases_what_the_team_typed():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, **{"Tracking ID": "9400111201080805480017"})
    done = merge_three_way(sheet, lines(LINE), base)
    assert done.sheet.loc[0, "Tracking ID"] == "9400111201080805480017"
    assert (done.counts.updated, done.counts.unchanged, done.counts.conflicts) == (0, 1, 0)


def test_an_edit_of_a_cell_the_platform_did_not_change_is_kept():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, Recipient="Ann Lee-Park")
    done = merge_three_way(sheet, lines(LINE), base)
    assert done.sheet.loc[0, "Recipient"] == "Ann Lee-Park"
    assert (done.counts.kept, done.counts.updated, done.counts.conflicts) == (1, 0, 0)
    assert done.base.loc["1|A|0", "recipient"] == "Ann Lee"  # still what the platform said


def test_an_untouched_cell_takes_the_platform_change():
    sheet, base = first_import(LINE)
    done = merge_three_way(sheet, lines(LINE[:3] + ("Shipped",) + LINE[4:]), base)
    assert done.sheet.loc[0, "Order Status"] == "Shipped" and done.counts.updated == 1
    assert done.base.loc["1|A|0", "order_status"] == "Shipped" and done.conflicts == []


def test_both_changed_address_the_team_wins_and_both_values_are_recorded():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, Recipient="Ann Lee-Park")
    done = merge_three_way(sheet, lines(LINE[:5] + ("Anne Lee",) + LINE[6:]), base)
    assert done.sheet.loc[0, "Recipient"] == "Ann Lee-Park"
    assert done.conflicts == [Conflict(0, "recipient", "Ann Lee-Park", "Anne Lee", "Ann Lee", TEAM, "team_fix")]
    assert done.counts.conflicts == 1 and done.counts.updated == 0
    assert done.base.loc["1|A|0", "recipient"] == "Anne Lee"  # recorded once: the same file again is quiet
    again = merge_three_way(done.sheet, lines(LINE[:5] + ("Anne Lee",) + LINE[6:]), done.base)
    assert again.conflicts == [] and again.counts.kept == 1 and again.sheet.loc[0, "Recipient"] == "Ann Lee-Park"


@pytest.mark.parametrize("status,kept,winner", [
    ("Awaiting Shipment", "9400111201080805480017", TEAM), ("Shipped", "1ZPLATFORM", PLATFORM),
    ("Awaiting Collection", "1ZPLATFORM", PLATFORM), ("Delivered", "1ZPLATFORM", PLATFORM),
])
def test_tracking_both_changed_follows_the_order_status(status, kept, winner):
    sheet, base = first_import(LINE[:4] + ("OLD",) + LINE[5:])
    sheet = typed_by_team(sheet, **{"Tracking ID": "9400111201080805480017"})
    done = merge_three_way(sheet, lines(LINE[:3] + (status, "1ZPLATFORM") + LINE[5:]), base)
    assert done.sheet.loc[0, "Tracking ID"] == kept
    assert [(c.key, c.team, c.platform, c.base, c.kept) for c in done.conflicts] == [
        ("tracking_id", "9400111201080805480017", "1ZPLATFORM", "OLD", winner)]


def test_the_carrier_rule_reads_the_sheet_status_when_the_file_has_none():
    sheet, base = first_import(LINE[:3] + ("Shipped", "OLD") + LINE[5:])
    sheet = typed_by_team(sheet, **{"Tracking ID": "MINE"})
    done = merge_three_way(sheet, lines(("1", "A", 1), cols=COLS).assign(tracking_id=["NEW"]), base)
    assert done.sheet.loc[0, "Tracking ID"] == "NEW" and done.conflicts[0].kept == PLATFORM


def test_both_changed_status_the_platform_wins():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, **{"Order Status": "On Hold"})
    done = merge_three_way(sheet, lines(LINE[:3] + ("Shipped",) + LINE[4:]), base)
    assert done.sheet.loc[0, "Order Status"] == "Shipped" and done.counts.updated == 1
    assert [(c.team, c.platform, c.kept, c.rule) for c in done.conflicts] == [
        ("On Hold", "Shipped", PLATFORM, "platform")]


def test_both_changed_to_the_same_value_is_no_conflict():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, Recipient="Anne Lee")
    done = merge_three_way(sheet, lines(LINE[:5] + ("Anne Lee",) + LINE[6:]), base)
    assert done.conflicts == [] and done.counts.updated == 0 and done.counts.kept == 0
    assert done.base.loc["1|A|0", "recipient"] == "Anne Lee"


def test_a_cell_the_team_cleared_stays_clear_until_the_platform_changes_it():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, Recipient=None)
    done = merge_three_way(sheet, lines(LINE), base)
    assert done.sheet.loc[0, "Recipient"] is None and done.counts.kept == 1
    changed = merge_three_way(sheet, lines(LINE[:5] + ("Anne Lee",) + LINE[6:]), base)
    assert changed.sheet.loc[0, "Recipient"] is None and changed.conflicts[0].team is None


def test_currency_is_set_once_and_never_a_conflict():
    sheet, base = first_import(LINE)
    done = merge_three_way(sheet, lines(LINE[:6] + ("THB",) + LINE[7:]), base)
    assert done.sheet.loc[0, "Currency"] == "USD"
    assert (done.counts.currency_kept, done.counts.updated, done.counts.conflicts) == (1, 0, 0)
    blank = typed_by_team(sheet, Currency=None)
    filled = merge_three_way(blank, lines(LINE[:6] + ("THB",) + LINE[7:]), base)
    assert filled.sheet.loc[0, "Currency"] == "THB" and filled.counts.currency_kept == 0


def test_times_and_numbers_compare_by_value_not_by_type():
    sheet, base = first_import(LINE)
    sheet = sheet.astype(object)
    sheet.loc[0, "Quantity"] = 1.0  # what Excel gives back
    sheet.loc[0, "Paid Time"] = PAID + dt.timedelta(milliseconds=200)
    done = merge_three_way(sheet, lines(LINE), base)
    assert (done.counts.updated, done.counts.kept, done.counts.conflicts) == (0, 0, 0)
    later = merge_three_way(sheet, lines(LINE[:7] + (PAID + dt.timedelta(hours=1),)), base)
    assert later.counts.updated == 1 and later.sheet.loc[0, "Paid Time"] == PAID + dt.timedelta(hours=1)


def test_without_a_base_a_differing_value_goes_by_the_column_rule_and_is_recorded():
    sheet, _ = first_import(LINE)  # a book from before tkops kept a base
    sheet = typed_by_team(sheet, Recipient="Ann Lee-Park")
    incoming = lines(LINE[:3] + ("Shipped",) + LINE[4:])
    done = merge_three_way(sheet, incoming, None)
    assert done.sheet.loc[0, "Recipient"] == "Ann Lee-Park" and done.sheet.loc[0, "Order Status"] == "Shipped"
    assert sorted((c.key, c.kept, c.has_base, c.base) for c in done.conflicts) == [
        ("order_status", PLATFORM, False, None), ("recipient", TEAM, False, None)]
    assert done.counts.based == 1 and list(done.base.index) == ["1|A|0"]
    assert done.conflicts[0].why("en").startswith("no record of what tkops last imported")
    quiet = merge_three_way(done.sheet, incoming, done.base)
    assert quiet.conflicts == [] and quiet.counts.based == 0 and quiet.counts.kept == 1


def test_without_a_base_a_blank_sheet_cell_is_filled_quietly():
    sheet, _ = first_import(LINE)
    done = merge_three_way(sheet, lines(LINE[:4] + ("1Z999",) + LINE[5:]), pd.DataFrame())
    assert done.sheet.loc[0, "Tracking ID"] == "1Z999" and done.conflicts == [] and done.counts.updated == 1


def test_a_column_missing_from_a_lines_base_is_a_blank_base():
    sheet, base = first_import(LINE)
    base = base.drop(columns=["recipient"])  # the platform never filled it for this line
    sheet = typed_by_team(sheet, Recipient="Ann Lee-Park", **{"Order Status": "On Hold"})
    done = merge_three_way(sheet, lines(LINE), base)
    assert [(c.key, c.has_base, c.base, c.kept) for c in done.conflicts] == [("recipient", True, None, TEAM)]
    assert done.counts.kept == 1  # the status: a team edit of a cell the platform did not change
    assert done.base.loc["1|A|0", "recipient"] == "Ann Lee"


def test_base_rows_of_other_lines_are_kept_and_new_lines_added():
    sheet, base = first_import(LINE, ("2", "B", 2, "Awaiting Shipment", None, "Bo", "USD", PAID))
    done = merge_three_way(sheet, lines(("3", "C", 1, "Awaiting Shipment", None, "Cy", "USD", PAID),
                                        ("1",) + LINE[1:]), base)
    assert list(done.base.index) == ["2|B|0", "1|A|0", "3|C|0"]
    assert list(done.sheet["Order ID"]) == ["1", "2", "3"]
    assert (done.counts.new, done.counts.unchanged) == (1, 1)


def test_a_column_new_to_the_sheet_is_added_for_matched_lines():
    sheet, base = first_import(LINE[:4])
    done = merge_three_way(sheet, lines(LINE[:5] + ("Ann Lee",)), base)
    assert done.sheet.loc[0, "Recipient"] == "Ann Lee" and done.counts.updated == 1
    assert done.base.loc["1|A|0", "recipient"] == "Ann Lee"


def test_conflict_records_carry_plain_values():
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, **{"Paid Time": PAID + dt.timedelta(hours=2)})
    done = merge_three_way(sheet, lines(LINE[:7] + (PAID + dt.timedelta(hours=1),)), base)
    [conflict] = done.conflicts
    assert type(conflict.team) is dt.datetime and type(conflict.platform) is dt.datetime
    assert conflict.base == PAID and conflict.kept == PLATFORM


def test_empty_incoming_changes_nothing():
    sheet, base = first_import(LINE)
    done = merge_three_way(sheet, lines(LINE).iloc[0:0], base)
    assert done.sheet is sheet and done.base is base and done.counts == MergeCounts()


def test_plan_cells_case_by_case():
    sheet = pd.Series(["a", "team", None, "a", "x", None, "team"], dtype=object)
    new = pd.Series(["b", "a", "c", None, "x", "d", "new"], dtype=object)
    base = pd.Series(["a", "a", None, "a", "a", None, "a"], dtype=object)
    has = np.array([True, True, True, True, True, False, True])
    plan = plan_cells("recipient", Kind.TEXT, sheet, new, base, has, pd.Series([""] * 7))
    assert plan.take.tolist() == [True, False, True, False, False, True, False]
    assert plan.kept.tolist() == [False, True, False, False, False, False, False]
    assert plan.conflict.tolist() == [False, False, False, False, False, False, True]
    assert not plan.set_once.any()
    status = plan_cells("order_status", Kind.TEXT, sheet, new, base, has, pd.Series([""] * 7))
    assert status.take.tolist() == [True, False, True, False, False, True, True]


def test_rules_per_column():
    status = pd.Series(["Shipped", "Awaiting Shipment"])
    assert rule_of("zipcode", status)[0].tolist() == [False, False]
    assert rule_of("seller_note", status)[1].tolist() == ["team_fix", "team_fix"]
    assert rule_of("tracking_id", status)[0].tolist() == [True, False]
    assert rule_of("shipping_provider", status)[1].tolist() == ["with_carrier", "before_carrier"]
    assert rule_of("paid_time", status)[0].tolist() == [True, True]
    assert set(WHY) == {"team_fix", "with_carrier", "before_carrier", "platform"}
    assert all(set(texts) == {"en", "zh"} for texts in WHY.values())
    assert Conflict(0, "zipcode", "1", "2", None, TEAM, "team_fix", has_base=False).why("zh").startswith("没有")


def test_why_falls_back_to_english_and_blank_values_are_none():
    conflict = Conflict(0, "zipcode", "1", "2", None, TEAM, "team_fix", has_base=False)
    assert conflict.why("fr") == conflict.why("en") and conflict.why("en").endswith(WHY["team_fix"]["en"])
    assert Conflict(0, "zipcode", "1", "2", "0", TEAM, "team_fix").why("fr") == WHY["team_fix"]["en"]
    sheet, base = first_import(LINE)
    sheet = typed_by_team(sheet, **{"Order Status": float("nan"), "Paid Time": pd.NaT})
    done = merge_three_way(sheet, lines(LINE[:3] + ("Shipped",) + LINE[4:7] + (PAID + dt.timedelta(hours=1),)),
                           base.drop(columns=["order_status", "paid_time"]))
    assert {c.key: c.team for c in done.conflicts} == {}  # blank sheet cells are filled, not conflicts
    assert done.sheet.loc[0, "Order Status"] == "Shipped"


def test_counts_add_up_field_by_field():
    total = MergeCounts(1, 2, 3, 4, 5, 6, 7)
    total.add(MergeCounts(10, 20, 30, 40, 50, 60, 70))
    assert total == MergeCounts(11, 22, 33, 44, 55, 66, 77)


def test_a_cell_equal_to_the_base_by_value_is_untouched_and_takes_the_platform_change():
    sheet, base = first_import(LINE)
    sheet = sheet.astype(object)
    sheet.loc[0, "Quantity"] = 1.0  # Excel's float for the 1 tkops wrote: not a team edit
    done = merge_three_way(sheet, lines(LINE[:2] + (2,) + LINE[3:]), base)
    assert done.sheet.loc[0, "Quantity"] == 2 and done.conflicts == [] and done.counts.updated == 1


def test_changes_in_different_columns_of_different_lines_all_count_and_nothing_else_moves():
    other = ("2", "B", 5, "Awaiting Shipment", "OLD", "Bo", "USD", PAID)
    sheet, base = first_import(LINE, other)
    sheet["Quantity"] = sheet["Quantity"].astype("Int64")  # a typed column, as a caller may hand it over
    done = merge_three_way(sheet, lines(LINE[:2] + (3,) + LINE[3:], other[:4] + (None, "Bob") + other[6:]), base)
    assert done.counts.updated == 2
    assert done.sheet["Quantity"].tolist() == [3, 5] and done.sheet["Recipient"].tolist() == ["Ann Lee", "Bob"]
    assert done.sheet.loc[1, "Tracking ID"] == "OLD"
    assert done.base.loc["2|B|0", "tracking_id"] == "OLD"  # a blank incoming value leaves the base as it was


def test_a_conflict_says_why_in_the_team_language():
    from tkops.merge_rules import NO_BASE, RULE_CARRIER, WHY, Conflict

    conflict = Conflict(row=0, key="tracking_id", team="A", platform="B", base="C", kept="platform",
                        rule=RULE_CARRIER)
    assert conflict.why("zh") == WHY[RULE_CARRIER]["zh"] and conflict.why("en") == WHY[RULE_CARRIER]["en"]
    assert conflict.why("fr") == WHY[RULE_CARRIER]["en"]
    no_base = Conflict(row=0, key="tracking_id", team="A", platform="B", base=None, kept="platform",
                       rule=RULE_CARRIER, has_base=False)
    assert no_base.why("zh") == NO_BASE["zh"] + WHY[RULE_CARRIER]["zh"]
