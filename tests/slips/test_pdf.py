"""Slips as PDF: a page per slip, order IDs as text, in pick order, gifts without prices, codes that scan."""

from __future__ import annotations

import io
import shutil
import subprocess

import pandas as pd
import pytest
from pypdf import PdfReader

from tests.slips.sample import LANGUAGES, frame, line, one_order_per_language, order_id
from tkops.errors import ConfigError
from tkops.jobs.slips import write_atomic
from tkops.slips import LAYOUTS, SlipSettings, build_slips, render_pdf
from tkops.pdf import FontChain

SETTINGS = SlipSettings.from_mapping({"Shop Name": "Demo Shop", "Return Address": "1 Warehouse Rd\nOntario CA"})


def write_pdf(slips, path, settings=None, layout=""):
    """The slips' PDF in a file, written as the slips job writes it."""
    return write_atomic(path, render_pdf(slips, settings, layout))


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_page_per_order_with_the_order_id_as_text(layout):
    review = pd.DataFrame([{"Order ID": order_id(i), "Code": "message.size_change", "Agreed": "yes",
                            "Agreed Variation": "XL"} for i in range(len(LANGUAGES))])
    slips = build_slips(one_order_per_language(buyer_message="Leave at the door please"), SETTINGS, review=review)
    texts = pages_text(render_pdf(slips, SETTINGS, layout))
    assert len(texts) == len(slips) == len(LANGUAGES)
    for slip, text in zip(slips, texts):
        assert slip.order_id in text, (layout, slip.lang)
        assert "Demo Shop" in text and "Leave at the door please" in text


def test_the_pdf_follows_pick_order_and_page_size(tmp_path):
    lines = frame(line(5, "en"), line(3, "de"), line(4, "fr"))
    path = write_pdf(build_slips(lines, pick_order=[order_id(4)]), tmp_path / "slips.pdf", layout="4x6")
    reader = PdfReader(path)
    assert [order_id(4) in t for t in pages_text(path.read_bytes())] == [True, False, False]
    assert [order_id(5) in t for t in pages_text(path.read_bytes())] == [False, True, False]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (288, 432)
    assert [p.name for p in tmp_path.iterdir()] == ["slips.pdf"]


def test_gift_pages_show_no_prices():
    review = pd.DataFrame({"Order ID": [order_id(0)], "Code": ["message.gift"]})
    slips = build_slips(frame(line(0, "en"), line(1, "en")), SETTINGS, review=review)
    gift, normal = pages_text(render_pdf(slips, SETTINGS, "a4"))
    assert "USD" not in gift and "gift" in gift
    assert "12.50 USD" in normal and "49.99 USD" in normal


def test_a_long_order_continues_on_the_next_page():
    lines = frame(*(line(0, "en", j, seller_sku=f"LONG-{j:02d}") for j in range(40)))
    texts = pages_text(render_pdf(build_slips(lines, SETTINGS), SETTINGS, "a6"))
    assert len(texts) > 1 and "continued" in texts[1] and order_id(0) in texts[1]
    joined = "".join(texts)
    assert all(f"LONG-{j:02d}" in joined for j in range(40))


def test_hostile_text_is_drawn_as_text():
    hostile = {"recipient": '=HYPERLINK("http://evil","x")', "buyer_message": "<script>alert(1)</script> 🎁\u202e",
               "address_line_1": "שלום 12"}
    (text,) = pages_text(render_pdf(build_slips(frame(line(0, "en", **hostile))), SETTINGS, "a4"))
    assert '=HYPERLINK("http://evil","x")' in text and "<script>alert(1)</script>" in text
    assert "🎁" not in text


def test_fonts_cover_every_slip_language():
    chain = FontChain()
    for sample, lang in (("Nguyễn Thị Hoa", "vi"), ("Jürgen Müller", "de"), ("สมชาย ใจดี", "th"),
                         ("山田 太郎 渋谷区", "ja"), ("陈小明 纯棉T恤", "zh")):
        runs = chain.runs(sample, lang)
        assert "?" not in "".join(str(chunk) for _, chunk in runs), (lang, runs)
    assert [name for name, _ in chain.runs("สมชาย", "th")] == [chain.runs("สมชาย", "th")[0][0]]
    assert "Thai" in chain.runs("สมชาย", "th")[0][0]
    assert "".join(str(c) for _, c in chain.runs("A🎁B", "en")) == "AB"
    assert chain.width("Hello", 10) > 0


def test_an_unknown_layout_is_a_setting_error():
    with pytest.raises(ConfigError):
        render_pdf([], SETTINGS, "letter")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_pages_render_to_png_and_the_codes_scan(layout, tmp_path):
    slips = build_slips(frame(line(0, "th"), line(1, "ja")), SETTINGS)
    pdf = write_pdf(slips, tmp_path / "slips.pdf", SETTINGS, layout)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 2 and all(p.stat().st_size > 5000 for p in pngs)
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed: the codes were not scanned")
    for slip, png in zip(slips, pngs):
        found = subprocess.run(["zbarimg", "-q", str(png)], check=False, capture_output=True, text=True).stdout.split()
        assert sorted(found) == sorted([f"CODE-128:{slip.order_id}", f"QR-Code:{slip.order_id}"])
