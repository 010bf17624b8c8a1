"""review() as a whole: the result's shape, row labels kept, Hold/Ready per order, the summary, explanations in
the team's language from the catalogue."""

from __future__ import annotations

import re

import pandas as pd

from tests.review.conftest import frame, line, run, tuples
from tkops.review import CATALOGUE, CODES
from tkops.review.problems import PROBLEM_COLUMNS
from tkops.settings import Settings

#: One order line per problem family, on odd row labels.
MIXED = [line(n=1, zipcode="9001"), line(n=2, seller_sku="NOPE", buyer_message="black please"),
         line(n=3, order_status="Cancelled"), line(n=4, address_line_1="PO Box 4", order_amount=999.0),
         line(n=5), line(n=6, phone="12", quantity=7), line(n=7, cancel_return_type="Cancel"),
         line(n=8, buyer_message="gift, size L and ASAP please"), line(n=9, order_status="Delivered", zipcode="1")]


def test_problems_have_the_documented_columns_and_keep_row_labels():
    lines = frame(*MIXED, index=[101, 7, 55, 3, 9, 11, 13, 15, 17])
    result = run(lines)
    assert list(result.problems.columns) == PROBLEM_COLUMNS
    assert set(result.problems["row"]) <= set(lines.index)
    assert list(result.statuses.index) == list(lines.index)
    assert (101, "zipcode", "address.zip_format") in tuples(result)
    first = result.problems.iloc[0]
    assert (first["row"], first["order_id"], first["sku_id"], first["seller_sku"]) == \
        (101, "577000000000000001", "1729000000000000001", "TEE-WHT-M")


def test_problems_are_listed_by_line_then_severity():
    result = run(frame(*MIXED))
    rank = {"error": 0, "warning": 1, "info": 2}
    pairs = [(lines_pos, rank[s]) for lines_pos, s in
             zip(result.problems["row"].map(list(frame(*MIXED).index).index), result.problems["severity"])]
    assert pairs == sorted(pairs)


def test_hold_applies_to_every_line_of_an_order_with_an_error():
    lines = frame(line(n=1), line(n=1, seller_sku="NOPE"), line(n=2), line(n=3, address_line_1="PO Box 1"))
    result = run(lines)
    assert result.statuses.tolist() == ["Hold", "Hold", "Ready", "Ready"]
    assert result.summary == {"lines": 4, "reviewed": 4, "ready": 2, "hold": 2, "skipped": 0, "problems": 2,
                              "by_code": {"address.po_box": 1, "sku.unknown": 1},
                              "by_severity": {"error": 1, "warning": 1},
                              "inventory": {"empty": False, "check": True, "unknown": ["NOPE"], "uncounted": [],
                                            "unchecked_lines": 0}}


def test_summary_lines_in_both_languages():
    result = run(frame(*MIXED))
    en, zh = result.summary_lines("en"), result.summary_lines("zh")
    assert en[0].startswith("Review: 9 lines: ") and zh[0].startswith("审单：共 9 行")
    s = result.summary
    assert s["ready"] + s["hold"] + s["skipped"] == s["lines"] == 9  # every line accounted for
    assert f"{s['ready']} ready, {s['hold']} on hold, {s['skipped']} already past review" in en[0]
    assert len(en) == len(s["by_code"]) + 1 + bool(s["inventory"]["unknown"])
    assert all("(" + code + ")" in line for code, line in zip(s["by_code"], en[-len(s["by_code"]):]))


def test_summary_speaks_of_one_line_and_one_problem_in_the_singular():
    result = run(frame(line(n=1, address_line_1="PO Box 1")))
    assert result.summary_lines("en")[0] == "Review: 1 line: 1 ready, 0 on hold; 1 problem."


def test_catalogue_has_every_code():
    # en/zh and their placeholders: tests/test_catalogues.py checks every catalogue
    assert not [code for code in CODES if code not in CATALOGUE]


def test_explanations_are_filled_in_the_team_language():
    for lang in ("en", "zh"):
        result = run(frame(*MIXED), settings=Settings(language=lang))
        for text in result.problems["explanation"]:
            assert text and not re.search(r"\{[a-z_]+\}", text), text
        if lang == "zh":
            assert any("邮编" in t for t in result.problems["explanation"])


def test_the_input_frame_is_not_changed():
    lines = frame(*MIXED)
    before = lines.copy()
    run(lines)
    pd.testing.assert_frame_equal(lines, before)


def test_hostile_inventory_and_bundles_do_not_crash():
    inventory = pd.DataFrame({"Seller SKU": ["TEE-WHT-M", None, "=1+1"], "On Hand": ["lots", None, -4]})
    bundles = pd.DataFrame({"Bundle SKU": ["LOOP", "LOOP", None], "Component SKU": ["LOOP", "TEE-WHT-M", "X"],
                            "Quantity": ["two", 0, None]})
    result = run(frame(line(seller_sku="LOOP"), line(n=2)), inventory, bundles)
    # "lots" is no count: the stock of TEE-WHT-M cannot be checked, and its lines are held for that (not "short")
    assert {"stock.unchecked"} <= set(result.problems["code"])
    assert set(result.statuses) == {"Hold"}
