"""Cutting a slip too long for its label into continuation labels (tkops.slips.fit): nothing lost or repeated, in
order, the header on the first label only, and plain slips left whole."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from tests.slips.sample import frame, line, one_order_per_language, order_id
from tkops.slips import SlipSettings, build_slips
from tkops.slips.fit import BOXES, _Measure, fit_labels, line_count, line_growth, text_em

SETTINGS = SlipSettings.from_mapping({"Shop Name": "Demo Shop", "Return Address": "1 Warehouse Rd\nOntario CA"})


def long_slip(lang: str = "en", items: int = 12, gift: bool = False):
    rows = [line(0, lang, j, product_name=f"{j:02d} " + "Very long product name " * 5, variation="Navy blue, XL " * 4)
            for j in range(items)]
    review = [{"Order ID": order_id(0), "Code": "message.colour_change", "Agreed": "yes", "Agreed Variation": "Red"}]
    review += [{"Order ID": order_id(0), "Code": "message.gift"}] if gift else []
    (slip,) = build_slips(frame(*rows), SETTINGS, review=pd.DataFrame(review))
    return dataclasses.replace(slip, buyer_message="Please pack it well " * 20)


def test_text_widths_in_em():
    assert text_em("") == 0
    assert text_em("收货") == 2.0 and text_em("ｱ") == 0.56  # half-width katakana is narrow
    assert text_em("aA1 ") == pytest.approx(0.56 + 0.7 + 0.6 + 0.3)
    assert text_em("สั") == pytest.approx(0.7)  # the vowel mark above takes no room
    assert text_em("e\u0301") == pytest.approx(0.56)


def test_combining_marks_take_no_room_and_the_text_goes_on_after_them():
    assert text_em("e\u0301x") == pytest.approx(0.56 * 2)
    assert text_em("สัม") == pytest.approx(0.7 * 2)


@pytest.mark.parametrize("layout", ["a4", "a6", "4x6"])
def test_the_text_width_is_the_page_less_its_margins(layout):
    box = BOXES[layout]
    assert _Measure(box, "", ()).width == pytest.approx(box.page_w - 2 * box.pad)


def test_line_counts():
    assert line_count("", 10, 100) == 1
    assert line_count("a" * 16, 10, 100) == 1  # 89.6 pt in 90 usable
    assert line_count("a" * 17, 10, 100) == 2
    assert line_count("a\nb\n", 10, 100) == 3
    assert line_count("收" * 9, 10, 100) == 1 and line_count("收" * 10, 10, 100) == 2
    assert line_growth("abc") == 1.0 and line_growth("สวัสดี") > line_growth("你好") > 1.0


@pytest.mark.parametrize("layout", ["a4", "a6", "4x6"])
def test_ordinary_slips_stay_whole(layout):
    slips = build_slips(one_order_per_language(buyer_message="Please hurry"), SETTINGS)
    assert fit_labels(slips, layout, SETTINGS.shop_name, SETTINGS.return_address) == slips
    assert all((s.part, s.parts) == (1, 1) for s in slips)


def test_an_unknown_layout_is_left_alone():
    slip = long_slip()
    assert fit_labels([slip], "letter") == [slip]


@pytest.mark.parametrize("layout, gift", [("4x6", False), ("a6", True), ("4x6", True)])
def test_a_long_slip_goes_on_over_labels_with_nothing_lost_or_repeated(layout, gift):
    slip = long_slip(gift=gift)
    labels = fit_labels([slip], layout, SETTINGS.shop_name, SETTINGS.return_address)
    n = len(labels)
    assert n >= 3
    assert [(p.part, p.parts) for p in labels] == [(i, n) for i in range(1, n + 1)]
    assert all(p.order_id == slip.order_id and p.recipient == slip.recipient for p in labels)
    assert [i for p in labels for i in p.items] == list(slip.items)
    assert [c for p in labels for c in p.agreed] == list(slip.agreed)
    assert [p.buyer_message for p in labels if p.buyer_message] == [slip.buyer_message]
    assert labels[-1].buyer_message  # the message comes after the items, on the last label
    assert [p.total for p in labels if p.total] == ([slip.total] if slip.total else [])
    assert [p.gift for p in labels] == [gift] + [False] * (n - 1)
    totals = [k for k, p in enumerate(labels) if p.total]
    last_item = max(k for k, p in enumerate(labels) if p.items)
    assert all(k >= last_item for k in totals)


@pytest.mark.parametrize("layout", ["a6", "4x6"])
def test_every_label_is_planned_within_its_page(layout):
    slip = long_slip()
    m = _Measure(BOXES[layout], SETTINGS.shop_name, SETTINGS.return_address)
    labels = fit_labels([slip], layout, SETTINGS.shop_name, SETTINGS.return_address)
    for label in labels[1:-1]:
        items = sum(m.item(label, i) for i in range(len(label.items)))
        assert items + m.banner() + m.table_head() + m.footer() <= m.room()
    assert m.room() == pytest.approx((BOXES[layout].page_h - 2 * BOXES[layout].pad) * 0.97)


def test_a_header_too_tall_for_any_item_leaves_the_items_to_the_next_label():
    slip = dataclasses.replace(long_slip(items=1), address=("Block " * 60,) * 5, buyer_message="")
    labels = fit_labels([slip], "4x6", SETTINGS.shop_name, SETTINGS.return_address)
    assert [len(p.items) for p in labels] == [0, 1]


def test_a_message_taller_than_a_label_gets_a_label_of_its_own():
    slip = dataclasses.replace(long_slip(items=1), agreed=(), buyer_message="word " * 2000)
    labels = fit_labels([slip], "4x6", SETTINGS.shop_name, SETTINGS.return_address)
    assert [bool(p.buyer_message) for p in labels] == [False, True]
    assert labels[0].items == slip.items


#: Heights in points Chromium gave the blocks of the slips of tests/slips/test_html.py's every_block() (2026-12, with
#: the inlined fonts): head (codes, shop, return address; on A4 with the title), recipient box with order and date,
#: gift note, items table (caption, header, two items, total when priced), agreed change, message, footer.
MEASURED = {
    ("4x6", "en"): {"head": 75, "ship": 83, "gift": 17, "table": 92, "agreed": 34, "message": 23, "footer": 16},
    ("4x6", "fr"): {"head": 75, "ship": 93, "gift": 17, "table": 92, "agreed": 34, "message": 23, "footer": 16},
    ("4x6", "th"): {"head": 75, "ship": 83, "table": 107, "agreed": 34, "message": 23, "footer": 16},
    ("4x6", "zh"): {"head": 75, "ship": 83, "table": 107, "agreed": 34, "message": 23, "footer": 16},
    ("a6", "en"): {"head": 65, "ship": 78, "gift": 16, "table": 86, "agreed": 31, "message": 22, "footer": 15},
    ("a6", "es"): {"head": 65, "ship": 88, "table": 100, "agreed": 31, "message": 22, "footer": 15},
    ("a4", "en"): {"head": 91, "ship": 98, "gift": 22, "table": 98, "agreed": 46, "message": 31, "footer": 21},
    ("a4", "es"): {"head": 91, "ship": 112, "table": 119, "agreed": 46, "message": 31, "footer": 21},
}


@pytest.mark.parametrize("layout, lang", list(MEASURED))
def test_block_estimates_are_generous_but_not_wasteful(layout, lang):
    """Each block's estimate is at least what Chromium measured (1.5 pt of rounding aside) and at most 15 % more:
    generous enough that a label never spills, tight enough that an ordinary slip stays on one label."""
    from tests.slips.test_html import every_block

    slip = next(s for s in every_block() if s.lang == lang)
    m = _Measure(BOXES[layout], SETTINGS.shop_name, SETTINGS.return_address)
    gap = m.b.base * m.b.gap
    table = m.table_head() + sum(m.item(slip, i) for i in range(len(slip.items))) + (m.total() if slip.total else 0)
    estimate = {"head": m.head(slip), "ship": m.ship_to(slip) - (gap if m.b.stacked else 0), "table": table,
                "agreed": m.boxed() - gap + sum(m.change(slip, i) for i in range(len(slip.agreed))),
                "message": m.message(slip) - gap, "footer": m.footer()}
    if slip.gift:
        estimate["gift"] = m.gift(slip)
    assert set(estimate) == set(MEASURED[layout, lang])
    for block, measured in MEASURED[layout, lang].items():
        assert measured - 1.5 <= estimate[block] <= measured * 1.15 + 2, (block, measured, estimate[block])


def _units(label, m: _Measure):
    """The planned cost of each unit on ``label``, the headings it brings with it included, in order."""
    gap, costs, seen = m.b.base * m.b.gap, [], set()
    for i in range(len(label.items)):
        costs.append(m.item(label, i) + (0 if "table" in seen else m.table_head() + gap))
        seen.add("table")
    if label.total:
        costs.append(m.total() + (0 if "table" in seen else m.table_head() + gap))
        seen.add("table")
    for i in range(len(label.agreed)):
        costs.append(m.change(label, i) + (0 if i else m.boxed()))
    if label.buyer_message:
        costs.append(m.message(label))
    return costs


@pytest.mark.parametrize("layout, gift", [("4x6", False), ("4x6", True), ("a6", False), ("a4", True)])
def test_each_label_is_filled_as_far_as_its_room_allows(layout, gift):
    """Greedy and safe: what a label holds fits above its footer, and the next label's first unit would not have."""
    slip = dataclasses.replace(long_slip(gift=gift, items=30 if layout == "a4" else 12))
    m = _Measure(BOXES[layout], SETTINGS.shop_name, SETTINGS.return_address)
    gap, room = m.b.base * m.b.gap, m.room() - m.footer()
    labels = fit_labels([slip], layout, SETTINGS.shop_name, SETTINGS.return_address)
    assert len(labels) >= 2
    first = m.head(slip) + gap + m.ship_to(slip) + gap + (m.gift(slip) + gap if gift else 0)
    for n, label in enumerate(labels):
        costs = _units(label, m)
        used = (first if n == 0 else m.banner() + gap) + sum(costs)
        assert used <= room or len(costs) == 1, (n, used, room)
        if n + 1 < len(labels):  # the unit that opens the next label, had it stayed on this one
            nxt = labels[n + 1]
            table = 0 if (label.items or label.total) else m.table_head() + gap
            height = (m.item(nxt, 0) + table if nxt.items else m.total() + table if nxt.total
                      else m.change(nxt, 0) + (0 if label.agreed else m.boxed()) if nxt.agreed else m.message(nxt))
            assert used + height > room, (n, used, height, room)
