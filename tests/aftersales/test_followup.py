"""Stalled shipments: days in transit per market (defaults, the FollowUpDays sheet, a mapping), delivered,
cancelled and already-cased orders left out, one row per order, the proactive message in the buyer's language."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.followup import (DEFAULT_FOLLOWUP_DAYS, FOLLOWUP_DAYS_HEADERS, FOLLOWUP_HEADERS,
                                       followup_days, followup_days_sheet_rows, shipped_text, stalled_shipments)
from tkops.aftersales.replies import REPLY_LANGUAGES

NOW = dt.datetime(2026, 11, 20, 12, 0)  # naive: the sheet's local time
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|Undefined|\bNone\b|\bnan\b|NaT")


def line(n: int, country: str = "US", shipped: str | None = "2026-11-01 10:00", status: str = "In Transit",
         **values) -> dict:
    return {"order_id": f"5770000000000000{n:02d}", "order_status": status, "shipped_time": shipped,
            "delivered_time": None, "tracking_id": f"YT24{n:08d}", "shipping_provider": "YunExpress",
            "country": country, "buyer_username": "ana.souza", "recipient": "Ana Souza",
            "product_name": "Basic Tee", "variation": "White, M", **values}


def lines(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def ids(out: pd.DataFrame) -> list[str]:
    return out["Order ID"].tolist()


def test_the_days_per_market_decide_what_is_stalled():
    # 8 days in transit: stalled in Thailand (6), not yet in the US (10) nor in an unknown country (* = 10)
    frame = lines(line(1, "US", "2026-11-12 09:00"), line(2, "TH", "2026-11-12 09:00"),
                  line(3, "Narnia", "2026-11-12 09:00"), line(4, "US", "2026-11-10 09:00"))
    assert ids(stalled_shipments(frame, now=NOW)) == ["577000000000000004", "577000000000000002"]
    assert ids(stalled_shipments(frame, now=NOW, days={"US": 5, "*": 3})) == [
        "577000000000000004", "577000000000000001", "577000000000000002", "577000000000000003"]
    assert ids(stalled_shipments(frame, now=NOW, shop_market="TH")) == [
        "577000000000000004", "577000000000000002", "577000000000000003"]  # no country: the shop's market


def test_the_followup_days_sheet_overrides_the_defaults():
    table = followup_days([["Market", "Days", "Note"], ["GB", "12", ""], ["*", 9.0, "all"], ["th", 4, ""], [],
                           ["", "", ""]], days={"USA": 3})
    assert table["UK"] == 12 and table["*"] == 9 and table["TH"] == 4 and table["US"] == 3
    assert table["DE"] == DEFAULT_FOLLOWUP_DAYS["DE"]
    rows = followup_days_sheet_rows()
    assert rows[0] == FOLLOWUP_DAYS_HEADERS and ["*", 10] == rows[1][:2] and len(rows) == len(DEFAULT_FOLLOWUP_DAYS) + 1
    assert followup_days(rows) == DEFAULT_FOLLOWUP_DAYS


@pytest.mark.parametrize("row, column, value", [(["XX", "5"], "Market", "XX"), (["US", "ten"], "Days", "ten"),
                                                (["US", "2.5"], "Days", "2.5"), (["US", "0"], "Days", "0")])
def test_a_bad_followup_days_row_names_sheet_row_and_column(row, column, value):
    with pytest.raises(AfterSalesConfigError) as err:
        followup_days([["Market", "Days"], ["*", "10"], row])
    for lang in ("en", "zh"):
        text = err.value.render(lang)
        assert "FollowUpDays" in text and "3" in text and column in text and value in text


def test_a_followup_days_sheet_without_its_columns_is_an_error():
    with pytest.raises(AfterSalesConfigError) as err:
        followup_days([["Market", "Tage"], ["US", "5"]])
    assert "Days" in err.value.render("en")


def test_delivered_completed_cancelled_unshipped_and_cased_orders_are_left_out():
    frame = lines(line(1), line(2, status="Delivered"), line(3, delivered_time="2026-11-09 15:00"),
                  line(4, status="Completed"), line(5, status="Cancelled"), line(6, status="已取消"),
                  line(7, status="Awaiting Shipment", shipped=None), line(8, status="Shipped"), line(9),
                  line(10, status="จัดส่งแล้ว"))
    cases = pd.DataFrame({"order_id": ["577000000000000009"], "case_id": ["RC1"]})
    assert ids(stalled_shipments(frame, cases, now=NOW)) == ["577000000000000001", "577000000000000008",
                                                            "577000000000000010"]


def test_one_row_per_order_from_its_earliest_shipped_line():
    frame = lines(line(1, shipped="2026-11-05 08:00"), line(1, shipped="2026-11-03 08:00", product_name="Cap",
                                                             variation=""),
                  line(2, shipped="2026-11-03 08:00"), line(2, status="Delivered", delivered_time="2026-11-08"))
    out = stalled_shipments(frame, now=NOW)
    assert list(out.columns) == FOLLOWUP_HEADERS and ids(out) == ["577000000000000001"]
    row = out.iloc[0]
    assert row["Shipped"] == pd.Timestamp("2026-11-03 08:00") and row["Days in Transit"] == 17
    assert (row["Tracking ID"], row["Provider"], row["Market"], row["Buyer Language"]) == (
        "YT2400000001", "YunExpress", "US", "en")
    assert "Basic Tee (White, M) +1" in row["Message"]


def test_days_are_counted_in_the_markets_own_time():
    frame = lines(line(1, "US", "2026-11-10 00:30"))  # Los Angeles time
    aware = dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.timezone.utc)  # 19 Nov 23:00 in Los Angeles: 9 days
    assert stalled_shipments(frame, now=aware).empty
    assert stalled_shipments(frame, now=aware.replace(hour=9)).iloc[0]["Days in Transit"] == 10
    assert stalled_shipments(frame, now=dt.datetime(2026, 11, 20, 7)).iloc[0]["Days in Transit"] == 10


def test_the_message_is_proactive_and_carries_the_order_details():
    out = stalled_shipments(lines(line(1, "US")), now=NOW)
    message = out.iloc[0]["Message"]
    assert message.startswith("Hi Ana,\n\nSorry for the wait! Your order 577000000000000001 for Basic Tee (White, M) "
                              "left us on Nov 1")
    assert "YunExpress" in message and "YT2400000001" in message
    assert out.iloc[0]["Team Line"].startswith("Proactive: 19 days in transit with YunExpress")
    zh = stalled_shipments(lines(line(1, "US")), now=NOW, team_lang="zh").iloc[0]["Team Line"]
    assert zh.startswith("主动联系：已运输 19 天（YunExpress）")


@pytest.mark.parametrize("lang", REPLY_LANGUAGES)
def test_the_followup_renders_in_every_language(lang):
    frame = lines(line(1, buyer_language=lang), line(2, buyer_language=lang, tracking_id="", shipping_provider="",
                                                     recipient="", buyer_username="", product_name="", variation=""))
    out = stalled_shipments(frame, now=NOW)
    assert out["Buyer Language"].tolist() == [lang, lang]
    for order_id, message in zip(out["Order ID"], out["Message"]):
        assert order_id in message and not LEFTOVER.search(message) and len(message) < 700, message
    assert "YT2400000001" in out.iloc[0]["Message"] and "Basic Tee" in out.iloc[0]["Message"]


def test_the_language_follows_the_destination():
    frame = lines(line(1, "DE"), line(2, "Việt Nam"), line(3, "JP"), line(4, "Brasil"), line(5, "GB"))
    out = stalled_shipments(frame, now=NOW, days={"BR": 15}).set_index("Order ID")  # BR's default is 20
    assert out["Buyer Language"].to_dict() == {"577000000000000001": "de", "577000000000000002": "vi",
                                               "577000000000000003": "ja", "577000000000000004": "pt",
                                               "577000000000000005": "en"}
    assert "am 1.11.2026" in out.loc["577000000000000001", "Message"]
    assert "2026年11月1日" in out.loc["577000000000000003", "Message"]
    assert "1 Nov" in out.loc["577000000000000005", "Message"]


def test_buyer_text_is_inert():
    evil = "{{ 7*7 }}<script>=HYPERLINK(\"x\")"
    out = stalled_shipments(lines(line(1, recipient=evil, product_name=evil, tracking_id="{% raw %}")), now=NOW)
    message = out.iloc[0]["Message"]
    assert "{{ 7*7 }}<script>" in message and "{% raw %}" in message and "49" not in message


def test_shipped_text():
    when = pd.Timestamp("2026-03-04 10:00")
    assert [shipped_text(when, lang, m) for lang, m in [("en", "US"), ("en", "UK"), ("de", "DE"), ("ja", "JP"),
                                                         ("es", "MX"), ("th", "TH")]] == [
        "Mar 4", "4 Mar", "4.3.2026", "2026年3月4日", "04/03/2026", "04/03/2026"]


def test_no_lines_give_an_empty_list():
    out = stalled_shipments(pd.DataFrame(columns=["order_id", "order_status", "shipped_time"]), now=NOW)
    assert list(out.columns) == FOLLOWUP_HEADERS and out.empty
