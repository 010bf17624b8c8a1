"""The printable HTML pick list: escaped, a section per wave, headings in the team's language; printed to PDF by
headless Chromium when the machine has it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pandas as pd
import pytest

from tests.picking.conftest import BUNDLES, INVENTORY, frame, line, order_id
from tkops.picking import pick_list, picklist_html, released, wave_summary, waves
from tkops.picking.html import SHOWN_IDS

PRINTED = dt.datetime(2026, 11, 25, 10, 30)
SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
FORMULA = '=HYPERLINK("http://evil.example","click")'


def page(lines: pd.DataFrame, lang: str = "en", inventory=INVENTORY, **kw) -> str:
    ready = released(lines)
    wave = waves(ready, bundles=BUNDLES)
    pick = pick_list(ready, inventory, BUNDLES, wave)
    return picklist_html(pick, wave_summary(ready, wave, BUNDLES), lang, printed=PRINTED, **kw)


def sample() -> pd.DataFrame:
    """Wave 1: single-item orders 1 (a mug) and 3 (a pin, no bin). Wave 2: order 2, a gift set (mug and cap),
    three tees and a SKU the Inventory does not know."""
    return frame(line(1, "MUG"), line(2, "GIFT-SET"), line(2, "TEE-M", qty=3), line(2, "GHOST"), line(3, "PIN"))


def test_hostile_text_is_escaped():
    inventory = pd.concat([INVENTORY, pd.DataFrame({"Seller SKU": [FORMULA], "Product Name": [SCRIPT],
                                                    "Variation": [IMG], "Zone": ["<b>"], "Bin": ["</td>"],
                                                    "On Hand": [5]})], ignore_index=True)
    html = page(frame(line(1, FORMULA), line(2, "GHOST", product_name=SCRIPT + IMG)), inventory=inventory,
                shop="<i>Shop</i>")
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html and "<i>Shop" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)" in html
    assert "&lt;/td&gt;" in html and "&lt;i&gt;Shop&lt;/i&gt;" in html


def test_one_section_per_wave_with_a_page_break():
    html = page(sample())
    assert html.count('<section class="wave"') == 2
    assert "break-after: page" in html and "size: A4" in html
    assert "Wave 1" in html and "Wave 2" in html and "Single-item orders" in html and "Multi-item orders" in html
    assert "2 orders · 2 items · 2 pick lines" in html  # wave 1: orders 1 and 3 (mug, pin)
    assert html.count('class="box"') == 6  # a check box per pick row


def test_no_bin_rows_under_one_heading_after_the_binned_rows():
    html = page(sample())
    single = html[html.index('id="wave-1"'):html.index('id="wave-2"')]
    assert single.count("No bin: find these by SKU") == 1
    assert single.index("B-01-03") < single.index("No bin") < single.index(">PIN<")
    multi = html[html.index('id="wave-2"'):]
    assert multi.index("A-10") < multi.index("No bin") < multi.index(">GHOST<")
    assert "no bin; not in Inventory" in multi


def test_chinese_headings():
    html = page(sample(), "zh")
    assert 'lang="zh-CN"' in html and "第 1 波" in html and "单件订单" in html and "库位" in html
    assert "无库位；" not in html and "无库位; 库存表中无此 SKU" in html
    assert "打印时间 2026-11-25 10:30" in html


def test_many_orders_are_counted_not_all_listed():
    html = page(frame(*(line(n, "MUG") for n in range(1, SHOWN_IDS + 4))))
    assert order_id(SHOWN_IDS) in html and order_id(SHOWN_IDS + 1) not in html
    assert "+3 more" in html


def test_nothing_to_pick_and_bad_page_size():
    assert "Nothing to pick" in page(frame(line(1, "MUG", review_status="Hold")))
    with pytest.raises(ValueError):
        page(sample(), page_size="A4; } body { display: none")


CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdfinfo") is None, reason="no headless Chromium / poppler")
def test_prints_a_page_per_wave_with_chromium(tmp_path):
    source = tmp_path / "pick.html"
    source.write_text(page(sample()), encoding="utf-8")
    pdf = tmp_path / "pick.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-zygote", "--single-process",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    source.as_uri()], capture_output=True, timeout=120, check=False)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info and "A4" in info
    pages = [" ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                                     text=True).stdout.split()) for n in (1, 2)]
    assert "Wave 1" in pages[0] and order_id(3) in pages[0] and "B-01-03" in pages[0]
    assert "Wave 2" in pages[1] and order_id(2) in pages[1] and "GHOST" in pages[1]
