"""The shipped fonts inside an HTML page: each family holds the glyphs of the page's text, the parts browsers draw
some characters from, and the Chinese font holds the Han characters unless the page is Japanese."""

from __future__ import annotations

import base64
import io
import re

from fontTools.ttLib import TTFont

from tkops.pdf.webfonts import font_face_css


def families(css: str) -> dict[str, TTFont]:
    found = {}
    for family, data in re.findall(r'font-family: "([^"]+)";.*?base64,([A-Za-z0-9+/=]+)\)', css):
        found[family] = TTFont(io.BytesIO(base64.b64decode(data)))
    return found


def test_each_family_holds_the_glyphs_of_the_text():
    fonts = families(font_face_css(["Nguyễn คำสั่งซื้อ 收货照片"]))
    assert list(fonts) == ["tkops Noto Sans", "tkops Noto Sans Thai", "tkops Noto Sans SC"]
    assert all(f.flavor == "woff" for f in fonts.values())
    latin = fonts["tkops Noto Sans"].getBestCmap()
    assert {ord(c) for c in "Nguyễn»…·"} <= set(latin) and 0x0E04 not in latin
    thai = fonts["tkops Noto Sans Thai"].getBestCmap()
    assert {0x0E04, 0x0E33, 0x0E4D, 0x0E32} <= set(thai)  # SARA AM and the two parts browsers draw it from
    assert "GSUB" in fonts["tkops Noto Sans Thai"] and "GSUB" not in fonts["tkops Noto Sans SC"]
    assert {ord(c) for c in "收货照片"} <= set(fonts["tkops Noto Sans SC"].getBestCmap())


def test_japanese_pages_get_the_han_characters_in_japanese_shapes_chinese_ones_in_chinese_shapes():
    zh = families(font_face_css(["山田 太郎"]))
    assert list(zh) == ["tkops Noto Sans", "tkops Noto Sans SC"]
    ja = families(font_face_css([], ["山田 太郎 コットン"]))
    assert list(ja) == ["tkops Noto Sans", "tkops Noto Sans JP"]
    assert {ord(c) for c in "山田太郎コットン"} <= set(ja["tkops Noto Sans JP"].getBestCmap())
    both = families(font_face_css(["陈小明 山田"], ["山田 太郎"]))
    assert {ord(c) for c in "陈小明山田"} <= set(both["tkops Noto Sans SC"].getBestCmap())
    assert {ord(c) for c in "山田太郎"} <= set(both["tkops Noto Sans JP"].getBestCmap())
    assert ord("陈") not in both["tkops Noto Sans JP"].getBestCmap()  # not Japanese, and SC has it


def test_latin_only_pages_carry_no_cjk_or_thai_font():
    assert list(families(font_face_css(["Emily Carter"]))) == ["tkops Noto Sans"]


def test_slip_pages_carry_the_fonts():
    from tests.slips.sample import frame, line
    from tkops.slips import build_slips, render_html

    html = render_html(build_slips(frame(line(0, "th"), line(1, "zh"))), layout="4x6")
    assert html.count("@font-face") == 3 and 'font-family: "tkops Noto Sans Thai"' in html
    assert 'html {\n  font-family: "tkops Noto Sans", "tkops Noto Sans Thai", "tkops Noto Sans SC"' in html
