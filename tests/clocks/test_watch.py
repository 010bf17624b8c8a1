"""The "uploaded but not scanned" watch."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.clocks.conftest import T, frame, line
from tkops.clocks import WATCH_COLUMNS, SlaTable, unscanned
from tkops.settings import Settings

NOW = T(2026, 11, 25, 12, 0)
US = Settings(market="US")
WAITING = {"order_status": "Awaiting Collection"}


def ago(hours: float) -> dt.datetime:
    return NOW - dt.timedelta(hours=hours)


def lines():
    return frame(
        line("1", tracking_id="T1", shipping_provider="USPS", **WAITING),  # uploaded 30 h ago: listed
        line("1", tracking_id="T1", shipping_provider="USPS", **WAITING),  # a second line of the same order
        line("2", tracking_id="T2", order_status="In Transit", shipped_time=ago(20)),  # scanned
        line("3", tracking_id="T3", **WAITING),  # uploaded 10 h ago: not yet
        line("4", tracking_id="T4b", **WAITING),  # tracking corrected 20 h ago: counts from the correction
        line("5", tracking_id="T5", order_status="Cancelled"),  # cancelled: nothing to chase
        line("7", tracking_id="T7", shipping_provider="UPS", **WAITING),  # uploaded twice: from the first time
        line("8", tracking_id="T8", shipped_time=ago(2), **WAITING),  # a Shipped Time is a scan too
    )


def uploads():
    rows = [("1", "T1", ago(30)), ("1", "T1", ago(30)), ("2", "T2", ago(40)), ("3", "T3", ago(10)),
            ("4", "T4a", ago(50)), ("4", "T4b", ago(20)), ("5", "T5", ago(60)), ("6", "T6", ago(60)),
            ("7", "T7", ago(30.04)), ("7", "T7", ago(5)), ("8", "T8", ago(48))]
    return pd.DataFrame(rows, columns=["Order ID", "Tracking ID", "Exported At"])


def test_uploaded_and_not_scanned():
    out = unscanned(lines(), uploads(), NOW, hours=24, settings=US)
    assert list(out.columns) == WATCH_COLUMNS
    assert out[["Order ID", "Tracking ID", "Hours Waiting"]].values.tolist() == [["7", "T7", 30.0], ["1", "T1", 30.0]]
    assert out["Shipping Provider Name"].tolist() == ["UPS", "USPS"]
    assert out["Order Status"].tolist() == ["Awaiting Collection"] * 2 and out["Market"].tolist() == ["US", "US"]
    assert out["Exported At"].tolist() == [pd.Timestamp(ago(30.04)), pd.Timestamp(ago(30))]


def test_the_threshold():
    assert unscanned(lines(), uploads(), NOW, hours=8, settings=US)["Order ID"].tolist() == ["7", "1", "4", "3"]
    assert unscanned(lines(), uploads(), NOW, hours=31, settings=US).empty


def test_threshold_per_market_from_the_sla_sheet():
    sla = SlaTable.from_sheet_rows([["Market", "Setting", "Value"], ["TH", "Unscanned Hours", 12]])
    th = frame(line("9", country="Thailand", tracking_id="TH9", **WAITING),
               line("1", tracking_id="T1", **WAITING), line("3", tracking_id="T3", **WAITING))
    log = pd.DataFrame({"order_id": ["9", "1", "3"], "tracking_id": ["TH9", "T1", "T3"],
                        "exported_at": [ago(15), ago(30), ago(15)]})
    out = unscanned(th, log, NOW, sla=sla, settings=US)
    assert out[["Order ID", "Market"]].values.tolist() == [["1", "US"], ["9", "TH"]]


def test_nothing_uploaded():
    assert unscanned(lines(), None, NOW).empty
    assert unscanned(lines(), pd.DataFrame(columns=["Order ID", "Tracking ID", "Exported At"]), NOW).empty
