"""Each order's facts the pivots look up (carrier, currency, month), found in one pass over the lines: the same as
grouping the lines by their Order ID text and taking the first value given."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tkops.aftersales.line_facts import facts_of
from tkops.aftersales.pivot_inputs import catalogue, month_numbers, order_facts, text
from tkops.aftersales.pivots import month_number

from line_samples import year_of_lines


def by_grouping(lines: pd.DataFrame) -> pd.DataFrame:
    """The definition, written the plain way: group by the Order ID text, first carrier given, first line's rest."""
    provider = text(lines, "shipping_provider")
    facts = pd.DataFrame({"order_id": text(lines, "order_id"), "carrier": provider.where(provider != ""),
                          "currency": text(lines, "currency"),
                          "month": month_numbers(lines["paid_time"].fillna(lines["created_time"]))})
    out = facts.groupby("order_id", sort=False).first()
    out["carrier"] = out["carrier"].fillna("")
    out.index = out.index.astype(pd.StringDtype("pyarrow", na_value=np.nan))  # the IDs stay Arrow's text
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_order_facts_are_the_first_values_given_per_order(seed):
    lines = year_of_lines(seed)
    # orders whose lines all lack a carrier, or whose first line lacks one
    lines.loc[lines["order_id"] == lines["order_id"].iloc[-1], "shipping_provider"] = ""
    lines.loc[0, "shipping_provider"] = None
    lines = lines.sample(frac=1, random_state=seed).reset_index(drop=True)  # an order's lines far apart
    pd.testing.assert_frame_equal(order_facts(lines), by_grouping(lines), check_exact=True)
    assert (order_facts(lines)["carrier"] == "").any()


def test_order_facts_first_line_currency_and_month_first_carrier_given():
    lines = pd.DataFrame({
        "order_id": ["1", None, "2", "1", " 2", 3, ""],
        "shipping_provider": [None, "X", "", "UPS", "DHL", None, "Y"],
        "currency": ["USD", "GBP", None, "EUR", "USD", "USD", "JPY"],
        "paid_time": pd.to_datetime([None, "2026-01-02", "2026-02-03", "2026-05-01", None, "2026-03-01", None]),
        "created_time": pd.to_datetime(["2025-12-30", None, None, None, None, None, "2026-04-04"])})
    facts = order_facts(lines)
    assert facts.index.tolist() == ["1", "", "2", "3"]  # blank IDs are one order, " 2" is "2"
    assert facts["carrier"].tolist() == ["UPS", "X", "DHL", ""]
    assert facts["currency"].tolist() == ["USD", "GBP", "", "USD"]
    assert facts["month"].tolist() == [month_number("2025-12"), month_number("2026-01"), month_number("2026-02"),
                                       month_number("2026-03")]
    assert order_facts(lines.iloc[:0]).empty
    assert order_facts(lines.drop(columns=["paid_time", "created_time"]))["month"].eq(-1).all()


@pytest.mark.parametrize("seed, index", [(1, None), (2, None), (1, object), (2, "string[python]")])
def test_facts_of_ids_are_the_facts_reindexed_with_blanks_filled(seed, index):
    lines = year_of_lines(seed)
    lines.loc[3, "order_id"] = None  # lines without an Order ID: the "" order
    facts = order_facts(lines)
    if index is not None:  # facts a caller made itself, with another kind of index
        facts.index = facts.index.astype(index)
    known = facts.index.to_numpy()
    rng = np.random.default_rng(seed)
    ids = np.concatenate([rng.choice(known, 500), ["", "no such order", "NO-1", known[0].lower() + " "]])
    ids = ids[rng.permutation(len(ids))].astype(object)
    expected = facts.reindex(ids).fillna({"carrier": "", "currency": "", "month": -1}).astype({"month": "int64"})
    found = facts_of(facts, ids)
    pd.testing.assert_frame_equal(found, expected.reset_index(drop=True), check_exact=True, check_index_type=False)
    assert found["month"].eq(-1).sum() == 3 and "" in set(found["carrier"])
    assert facts_of(facts.iloc[:0], np.array(["1", ""], dtype=object))["month"].tolist() == [-1, -1]


def catalogue_by_dedupe(lines: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The catalogue's definition, written the plain way: the first row giving both, per SKU ID / per SKU."""
    ids = pd.DataFrame({"sku_id": text(lines, "sku_id"), "seller_sku": text(lines, "seller_sku")})
    ids = ids[(ids["sku_id"] != "") & (ids["seller_sku"] != "")].drop_duplicates("sku_id")
    seller = text(lines, "seller_sku")
    names = pd.DataFrame({"sku": seller.where(seller != "", text(lines, "sku_id")),
                          "product_name": text(lines, "product_name")})
    names = names[names["product_name"] != ""].drop_duplicates("sku")
    return ids.set_index("sku_id")["seller_sku"], names.set_index("sku")["product_name"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_catalogue_is_the_first_seller_sku_and_name_given(seed):
    lines = year_of_lines(seed).sample(frac=1, random_state=seed).reset_index(drop=True)
    lines.loc[lines.index[:5], "product_name"] = ["  Padded  ", None, "", "x", " "]
    got, want = catalogue(lines), catalogue_by_dedupe(lines)
    for g, w in zip(got, want):
        pd.testing.assert_series_equal(g, w, check_exact=True)
    assert len(got[0]) > 10 and len(got[1]) > 10


def test_the_catalogue_of_blank_and_numeric_cells():
    lines = pd.DataFrame({"sku_id": ["1", " 1 ", None, 17.0, "2", ""],
                          "seller_sku": [None, "A", "B", " C ", "", None],
                          "product_name": ["", "Alpha", "Beta", "Gamma", "Two", "Nothing"]})
    seller_of_id, names = catalogue(lines)
    assert seller_of_id.to_dict() == {"1": "A", "17": "C"}  # " 1 " is "1"; 17.0 typed is "17"
    assert names.to_dict() == {"A": "Alpha", "B": "Beta", "C": "Gamma", "2": "Two", "": "Nothing"}
    assert names.index.name == "sku" and seller_of_id.index.name == "sku_id"
    empty = catalogue(lines.iloc[:0])
    assert empty[0].empty and empty[1].empty
    assert catalogue(lines[["sku_id"]])[0].empty
