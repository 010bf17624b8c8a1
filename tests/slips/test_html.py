"""Slips and the checklist as HTML: every layout in every language, escaping, gifts, pick order, team templates."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pandas as pd
import pytest

from tests.slips.sample import BUYERS, LANGUAGES, frame, line, one_order_per_language, order_id
from tkops import templating
from tkops.errors import ConfigError
from tkops.jobs.slips import slip_files, write_atomic
from tkops.slips import LAYOUTS, SlipSettings, build_slips, render_checklist, render_html
from tkops.slips.labels import CHECKLIST_LABELS, SLIP_LABELS

LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|Undefined|None|<built-in|object at 0x")
SETTINGS = SlipSettings.from_mapping({"Shop Name": "Demo Shop", "Return Address": "1 Warehouse Rd\nOntario CA",
                                      "QC Points": "No stains; Tags on"})


def write_html(slips, path, settings=None, layout=""):
    """The slips' HTML in a file, written as the slips job writes it (into the output folder it made)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, render_html(slips, settings, layout).encode("utf-8"))


def every_block(lang_count: int = len(LANGUAGES)):
    """One order per language with a buyer message, an agreed change and (every third) a gift."""
    lines = one_order_per_language(buyer_message="Please hurry")
    review = pd.DataFrame(
        [{"Order ID": order_id(i), "Code": "message.colour_change", "Agreed": "yes", "Agreed Variation": "Red"}
         for i in range(lang_count)] + [{"Order ID": order_id(i), "Code": "message.gift"} for i in range(0, 12, 3)])
    return build_slips(lines, SETTINGS, review=review)


class Sections(HTMLParser):
    """The data-order-id of each slip section, and the text inside each."""

    def __init__(self):
        super().__init__()
        self.orders, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "slip" in attrs.get("class", ""):
            self.orders.append(attrs["data-order-id"])
        self.scripts += tag == "script"


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_layout_renders_every_language_with_nothing_left_over(layout):
    slips = every_block()
    html = render_html(slips, SETTINGS, layout)
    assert not LEFTOVER.search(html), LEFTOVER.search(html).group(0)
    parsed = Sections()
    parsed.feed(html)
    assert parsed.orders == [s.order_id for s in slips]
    sections = html.split('<section class="slip"')[1:]
    for slip, section in zip(slips, sections):
        labels = SLIP_LABELS[slip.lang]
        assert f'lang="{slip.lang}"' in section
        for key in ("ship_to", "product", "qty", "agreed", "message", "thanks"):
            assert labels[key].replace("'", "&#39;") in section, (layout, slip.lang, key)
        assert slip.order_id in section and '<svg class="code128"' in section and '<svg class="qr"' in section
        assert (labels["gift"] in section) == slip.gift
        assert ('class="price"' in section) == (not slip.gift)
    page = {"a4": "size: A4", "a6": "size: 105mm 148mm", "4x6": "size: 4in 6in"}[layout]
    assert page in html and "break-after: page" in html


def test_hostile_buyer_text_stays_text():
    hostile = {"recipient": '=HYPERLINK("http://evil.example","Click")', "buyer_message": "<script>alert(1)</script>"
               " <img src=x onerror=alert(2)> 🎁 \u202eevil", "address_line_1": "שלום עולם 12", "variation": '"><b>x',
               "product_name": "{{ 7*7 }} {% raw %}"}
    slips = build_slips(frame(line(0, "en", **hostile)), SETTINGS)
    for html in (render_html(slips, SETTINGS, "a4"), render_checklist(slips, SETTINGS)):
        parsed = Sections()
        parsed.feed(html)
        assert parsed.scripts == 0 and "<img" not in html and "<b>x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "=HYPERLINK(&#34;http://evil.example&#34;,&#34;Click&#34;)" in html
        assert "🎁" in html and "\u202e" not in html and "49" not in html.split("{{ 7*7 }}")[0][-5:]
        assert "{{ 7*7 }} {% raw %}" in html
    slip_html = render_html(slips, SETTINGS, "a4")
    assert '<p dir="auto">שלום עולם 12</p>' in slip_html


def test_gift_slips_show_no_prices():
    review = pd.DataFrame({"Order ID": [order_id(0)], "Code": ["message.gift"]})
    slips = build_slips(frame(line(0, "de"), line(0, "de", 1), line(1, "de")), SETTINGS, review=review)
    html = render_html(slips, SETTINGS, "a4")
    gift, normal = html.split('<section class="slip"')[1:]
    assert "EUR" not in gift and SLIP_LABELS["de"]["gift"] in gift and 'class="price"' not in gift
    assert "12,50 EUR" in normal and "49,99 EUR" in normal


def test_slips_come_in_pick_order_in_the_html(tmp_path):
    lines = frame(line(3, "en"), line(1, "fr"), line(2, "ja"))
    path = write_html(build_slips(lines, pick_order=[order_id(2)]), tmp_path / "out" / "slips.html")
    parsed = Sections()
    parsed.feed(path.read_text(encoding="utf-8"))
    assert parsed.orders == [order_id(2), order_id(3), order_id(1)]
    assert [p.name for p in path.parent.iterdir()] == ["slips.html"]  # no temporary file left


def test_a_logo_is_embedded_once(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo)
    settings = SlipSettings.from_mapping({"Shop Name": "Demo", "Shop Logo": str(logo)})
    html = render_html(build_slips(one_order_per_language(), settings), settings, "a4", slip_files(settings))
    assert html.count("data:image/png;base64,") == 1 and html.count('<use href="#shop-logo"/>') == len(LANGUAGES)


def copy_shipped(folder, name):
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(templating.shipped_templates() / name, target)
    return target


def test_a_team_template_is_used_and_a_misspelt_name_is_reported_with_template_line_and_name(tmp_path):
    own = copy_shipped(tmp_path, "slips/a4.html.j2")
    own.write_text(own.read_text(encoding="utf-8").replace("<h1>", "<h1>OUR SHOP · "), encoding="utf-8")
    settings = SlipSettings.from_mapping({"Templates Folder": str(tmp_path)})
    slips = build_slips(frame(line(0, "en")), settings)
    assert "<h1>OUR SHOP · Packing slip</h1>" in render_html(slips, settings)

    text = own.read_text(encoding="utf-8").replace("slip.labels.title", "slip.labels.titel")
    own.write_text(text, encoding="utf-8")
    wanted = next(i for i, ln in enumerate(text.splitlines(), 1) if "titel" in ln)
    with pytest.raises(ConfigError) as err:
        render_html(slips, settings)
    message = str(err.value)
    assert err.value.code == "template_error"
    assert "slips/a4.html.j2" in message and str(own) in message and f"line {wanted}" in message
    assert "titel" in message


def test_an_error_inside_a_partial_names_the_partial(tmp_path):
    own = copy_shipped(tmp_path, "slips/_blocks.html.j2")
    text = own.read_text(encoding="utf-8").replace("{{ slip.recipient }}", "{{ slip.recipent }}")
    own.write_text(text, encoding="utf-8")
    wanted = next(i for i, ln in enumerate(text.splitlines(), 1) if "recipent" in ln)
    settings = SlipSettings.from_mapping({"Templates Folder": str(tmp_path)})
    with pytest.raises(ConfigError) as err:
        render_html(build_slips(frame(line(0, "en")), settings), settings, "a6")
    assert "slips/_blocks.html.j2" in str(err.value) and f"line {wanted}" in str(err.value)
    assert "recipent" in str(err.value)


def test_a_template_syntax_error_is_reported_too(tmp_path):
    own = copy_shipped(tmp_path, "slips/4x6.html.j2")
    own.write_text(own.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")
    settings = SlipSettings.from_mapping({"Templates Folder": str(tmp_path)})
    with pytest.raises(ConfigError) as err:
        render_html(build_slips(frame(line(0, "en")), settings), settings, "4x6")
    assert "4x6.html.j2" in str(err.value) and err.value.code == "template_error"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_packing_checklist_lists_items_requests_and_qc_points(lang):
    lines = frame(line(0, "en", buyer_message="Blue please"), line(0, "en", 1), line(1, "th"))
    review = pd.DataFrame([{"Order ID": order_id(0), "SKU ID": line(0, "en")["sku_id"], "Code":
                            "message.colour_change", "Agreed": "yes", "Agreed Variation": "Blue, S"}])
    settings = SlipSettings.from_mapping({"QC Points": "No stains; Tags on", "Language": lang})
    html = render_checklist(build_slips(lines, settings, review=review), settings)
    labels = CHECKLIST_LABELS[lang]
    assert not LEFTOVER.search(html)
    first, second = html.split('<article class="card"')[1:]
    # the buyer's request (for the packer), items, agreed change, QC points: each with a box to tick
    assert first.count('<span class="box"></span>') == 1 + 2 + 1 + 2
    assert first.index("Blue please") < first.index("SKU-EN-0")  # what the packer must do comes first
    assert "Blue please" in first and "Blue, S" in first and labels["agreed"] in first
    assert "SKU-EN-0" in first and "SKU-EN-1" in first and "No stains" in first and "Tags on" in first
    assert labels["packed_by"] in second and "ชุดเดรสลายดอกไม้" in second and "Blue" not in second


def test_an_unknown_layout_is_a_setting_error():
    with pytest.raises(ConfigError) as err:
        render_html([], SETTINGS, "a5")
    assert "Slip Layout" in str(err.value)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed")
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_browser_prints_one_page_per_slip(layout, tmp_path):
    import subprocess

    from pypdf import PdfReader

    slips = every_block()
    html = write_html(slips, tmp_path / "slips.html", SETTINGS, layout)
    pdf = tmp_path / "printed.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.as_uri()], check=False, capture_output=True,
                   timeout=120)
    assert len(PdfReader(pdf).pages) == len(slips)


def long_slips():
    """Per language an order of 12 lines with the longest text a slip keeps: recipient, address parts, products,
    variations and the buyer's message at their limits, an agreed change and (zh, ja) a gift."""
    rows = []
    for i, lang in enumerate(LANGUAGES):
        name, street, product, variation = (BUYERS[lang][k] for k in (1, 2, 8, 9))
        for j in range(12):
            rows.append(line(i, lang, j, recipient=(name + " ") * 12, address_line_1=(street + " ") * 20,
                             address_line_2=(street + " ") * 8, product_name=f"{j:02d} " + (product + " ") * 12,
                             variation=(variation + " ") * 8, buyer_message=("Please hurry " + name + " ") * 40))
    review = pd.DataFrame([{"Order ID": order_id(i), "Code": "message.colour_change", "Agreed": "yes",
                            "Agreed Variation": "Red"} for i in range(len(LANGUAGES))]
                          + [{"Order ID": order_id(i), "Code": "message.gift"} for i in (10, 11)])
    return build_slips(frame(*rows), SETTINGS, review=review)


def test_a_long_slip_goes_on_over_labels_that_say_so():
    slips = long_slips()
    for layout in ("4x6", "a6"):
        html = render_html(slips, SETTINGS, layout)
        sections = html.split('<section class="slip"')[1:]
        assert len(sections) > len(slips)
        for slip in slips:
            mine = [s for s in sections if f'data-order-id="{slip.order_id}"' in s]
            labels = SLIP_LABELS[slip.lang]
            assert len(mine) > 1, (layout, slip.lang)
            for n, section in enumerate(mine, 1):
                if n > 1:
                    assert f"{labels['continued']} {n}/{len(mine)}" in section and slip.order_id in section
                    assert labels["ship_to"] not in section
                if n < len(mine):
                    assert f"{labels['continued']} » {n + 1}/{len(mine)}" in section
            joined = "".join(mine)
            for j in range(12):  # every item once, in order
                assert joined.count(f"SKU-{slip.lang.upper()}-{j}<") == 1, (layout, slip.lang, j)
            assert joined.count(labels["thanks"].replace("'", "&#39;")) == 1
            assert joined.count('class="message"') == 1 and joined.count('class="gift"') == slip.gift


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed")
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_browser_prints_each_label_of_a_long_slip_on_one_page(layout, tmp_path):
    import subprocess

    from pypdf import PdfReader

    slips = long_slips()
    path = write_html(slips, tmp_path / "slips.html", SETTINGS, layout)
    sections = path.read_text(encoding="utf-8").split('<section class="slip"')[1:]
    pdf = tmp_path / "printed.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", path.as_uri()], check=False, capture_output=True, timeout=180)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(pages) == len(sections)
    for slip in slips:  # a page per label, each with the order ID
        labels = sum(f'data-order-id="{slip.order_id}"' in s for s in sections)
        assert sum(slip.order_id in p for p in pages) == labels, slip.lang
