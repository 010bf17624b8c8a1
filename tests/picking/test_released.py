"""Which lines are released for picking."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tkops.picking import released
from tests.picking.conftest import frame, line


def test_ready_unpicked_open_lines_only():
    lines = frame(
        line(1, "MUG"),                                          # 2 released
        line(2, "MUG", review_status="Hold"),                    # 3
        line(3, "MUG", review_status="ready "),                  # 4 released: case and spaces
        line(4, "MUG", picked=True),                             # 5 picked
        line(5, "MUG", picked="yes"),                            # 6 picked
        line(6, "MUG", picked=dt.datetime(2026, 11, 25, 9)),     # 7 picked (a time stamp)
        line(7, "MUG", picked=False),                            # 8 released
        line(8, "MUG", picked="no"),                             # 9 released
        line(9, "MUG", picked=0),                                # 10 released
        line(10, "MUG", picked=np.nan),                          # 11 released
        line(11, "MUG", order_status="Shipped"),                 # 12 not open
        line(12, "MUG", order_status="Cancelled"),               # 13 not open
        line(13, "MUG", order_status=""),                        # 14 released: blank status
        line(14, "MUG", order_status="ที่ต้องจัดส่ง"),  # 15 released: Thai "to ship"
        line(15, "MUG", order_status="待发货"),                   # 16 released: ERP Chinese
        line(16, "MUG", quantity=0),                             # 17 nothing to pick
        line(17, "MUG", review_status=None),                     # 18 not reviewed
    )
    assert list(released(lines).index) == [2, 4, 8, 9, 10, 11, 14, 15, 16]


def test_team_columns_by_sheet_header():
    lines = frame(line(1, "MUG"), line(2, "MUG")).rename(columns={"review_status": "Review Status",
                                                                  "picked": "Picked"})
    lines.loc[3, "Picked"] = "✓"
    assert list(released(lines).index) == [2]


def test_without_a_picked_column_nothing_is_picked():
    lines = frame(line(1, "MUG"), line(2, "CAP")).drop(columns=["picked"])
    assert len(released(lines)) == 2


def test_empty_frame():
    lines = frame(line(1, "MUG")).iloc[:0]
    assert released(lines).empty and isinstance(released(lines), pd.DataFrame)
