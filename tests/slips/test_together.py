"""Orders packed together: one buyer's released orders to one address are picked in one wave and get adjacent slips
saying so (or one slip when the team ticked Combine); lines of one order with the same SKU are one slip item."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd

from tests.slips.sample import frame, line, order_id
from tkops.cli import main
from tkops.jobs.slips import combine_choice
from tkops.picking import waves
from tkops.picking.together import together_groups, together_with
from tkops.slips import build_slips, render_checklist, render_html

ROOT = Path(__file__).resolve().parents[2]


def _same_buyer(i: int, j: int = 0, **kw) -> dict:
    """Line j of order i of one buyer at one address (lines of the sample buyers differ by order otherwise)."""
    return line(i, "en", j, buyer_username="jasmine.p", **kw)


def test_same_buyer_same_address_is_one_group_and_other_buyers_are_not():
    lines = frame(_same_buyer(0), _same_buyer(0, 1), line(1, "en", buyer_username="someone"), _same_buyer(2),
                  _same_buyer(3, address_line_1="1 Other Street"))
    assert together_groups(lines).tolist() == [order_id(0), order_id(0), "", order_id(0), ""]
    assert together_with(lines) == {order_id(0): [order_id(2)], order_id(2): [order_id(0)]}


def test_no_group_without_a_buyer_an_address_or_an_order_id_and_countries_compare_as_codes():
    assert together_groups(frame(line(0, "en"), line(1, "de"))).tolist() == ["", ""]
    assert together_groups(frame(_same_buyer(0, country="United States"), _same_buyer(1, country="US"))).tolist() \
        == [order_id(0), order_id(0)]
    nobody = frame(line(0, "en", buyer_username=""), line(1, "en", buyer_username=""))
    assert together_groups(nobody).tolist() == ["", ""]
    nowhere = {k: "" for k in ("address_line_1", "address_line_2", "city", "state", "zipcode")}
    assert together_groups(frame(_same_buyer(0, **nowhere), _same_buyer(1, **nowhere))).tolist() == ["", ""]
    assert together_groups(frame(_same_buyer(0, order_id=""), _same_buyer(1))).tolist() == ["", ""]


def test_orders_shipping_together_share_a_wave_even_when_each_is_a_single_item():
    # order 0 and 2 are one buyer's single-item orders; order 1 a multi-item order of another buyer
    lines = frame(_same_buyer(0, quantity=1, paid_time="2026-11-25 08:00:00"),
                  line(1, "de", 0, paid_time="2026-11-25 09:00:00"), line(1, "de", 1, paid_time="2026-11-25 09:00:00"),
                  _same_buyer(2, quantity=1, paid_time="2026-11-25 10:00:00"),
                  line(3, "fr", 0, quantity=1, paid_time="2026-11-25 11:00:00"))
    got = waves(lines, separate_single=True)
    assert got.iloc[0] == got.iloc[3]  # one parcel: one wave...
    assert got.iloc[0] == got.iloc[1]  # ...with the multi-item orders (two items in the parcel)
    assert got.iloc[4] != got.iloc[0]  # the lone single-item order goes in the single-item wave
    capped = waves(lines, separate_single=False, max_orders=1)
    assert capped.iloc[0] == capped.iloc[3] and capped.nunique() == 3  # a cap never splits a parcel


def test_slips_of_one_parcel_are_adjacent_and_say_so():
    lines = frame(_same_buyer(0), line(1, "de"), _same_buyer(2))
    slips = build_slips(lines, together=together_with(lines), pick_order=[order_id(0), order_id(1), order_id(2)])
    assert [s.order_id for s in slips] == [order_id(0), order_id(2), order_id(1)]
    assert slips[0].together == (order_id(2),) and slips[1].together == (order_id(0),) and slips[2].together == ()
    html = render_html(slips)
    assert f"Shipped together with your order {order_id(2)}" in html
    checklist = render_checklist(slips)
    assert f"Same parcel as order {order_id(0)}: pack with the slip next to this one" in checklist


def test_combine_makes_one_slip_of_the_buyers_orders():
    lines = frame(_same_buyer(0, seller_sku="TEE", buyer_message="ship together please"), line(1, "de"),
                  _same_buyer(2, seller_sku="TEE"), _same_buyer(2, 1, seller_sku="CAP"))
    together = together_with(lines)
    review = pd.DataFrame({"Order ID": [order_id(2), order_id(1)], "Code": ["order.combinable", "order.combinable"],
                           "Combine": ["Yes", "Yes"]})  # order 1 has no partner being packed: nothing to combine
    combine = combine_choice(review, together, list(lines["order_id"]))
    assert combine == {order_id(0): order_id(0), order_id(2): order_id(0)}
    slips = build_slips(lines, together=together, combine=combine)
    assert [s.order_ids for s in slips] == [(order_id(0), order_id(2)), (order_id(1),)]
    merged = slips[0]
    assert merged.combined and merged.together == ()
    assert [(i.sku, i.quantity) for i in merged.items] == [("TEE", 2), ("CAP", 2)]
    assert f"One parcel, one slip for orders {order_id(0)}, {order_id(2)}" in render_checklist(slips)
    assert f"Your orders in this parcel: {order_id(0)}, {order_id(2)}" in render_html(slips)


def test_lines_of_one_order_with_the_same_sku_are_one_item():
    lines = frame(line(0, "en", 0, seller_sku="TEE", quantity=1, subtotal_after_discount=14.99),
                  line(0, "en", 1, seller_sku="TEE", product_name=line(0, "en")["product_name"], quantity=2,
                       subtotal_after_discount=20.0),
                  line(0, "en", 2, seller_sku="MUG", quantity=1, subtotal_after_discount=9.0))
    (slip,) = build_slips(lines)
    assert [(i.sku, i.quantity, i.price) for i in slip.items] == [("TEE", 3, "34.99 USD"), ("MUG", 1, "9.00 USD")]


def test_the_checklist_puts_the_buyers_instructions_and_the_team_note_before_the_items():
    lines = frame(line(0, "en", buyer_message="It's a gift, please don't put the receipt in the box",
                       team_note="use the blue box"))
    checklist = render_checklist(build_slips(lines))
    text = re.sub(r"<[^>]+>", " ", checklist)
    packer = text.index("For the packer")
    assert packer < text.index("don&#39;t put the receipt in the box") < text.index("Put in")
    assert packer < text.index("Team note: use the blue box") < text.index("Put in")


def test_from_the_review_sheet_to_one_slip(tmp_path):
    """The demo's buyer who asked to ship two orders together: Combine on the Review sheet, one slip for both."""
    from tkops.jobs.demo import run_demo

    run_demo(tmp_path / "demo")
    book = tmp_path / "demo" / "tkops-demo.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["Review"]
    header = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, header.index("Code") + 1).value == "order.combinable")
    chosen = ws.cell(row, header.index("Order ID") + 1).value
    (partner,) = re.findall(r"\d{18}", ws.cell(row, header.index("Explanation") + 1).value)
    ws.cell(row, header.index("Combine") + 1).value = "Yes"
    wb.save(book)
    out = tmp_path / "slips"
    assert main(["slips", "--book", str(book), "--out", str(out), "--order", chosen, "--order", partner]) == 0
    checklist = next(out.glob("Packing checklist*.html")).read_text(encoding="utf-8")
    (card,) = re.findall(r'<article class="card".*?</article>', checklist, re.S)  # one slip for both orders
    assert chosen in card and partner in card and "One parcel, one slip for orders" in card
