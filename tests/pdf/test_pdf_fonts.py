"""Every PDF tkops writes draws Chinese, Japanese, Thai, Vietnamese and Latin from the fonts pip installs, embedded
and subset, on a computer with no fonts of its own; the text reads back from the PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from fontTools.pens.areaPen import AreaPen
from fontTools.ttLib import TTFont

from tests.pdf.conftest import JA, TH, VI, ZH, evidence_pdf_path, fonts_of, picklist_pdf_bytes, slips_pdf, text_of
from tkops.pdf import FontChain, discovery, font_paths, strings_in
from tkops.pdf.instances import REGULAR, font_codes, regular_piece

#: The 14 fonts every PDF viewer has: reportlab names Helvetica on every canvas, the evidence index prints hashes
#: in Courier. Anything else must be embedded.
BASE14 = re.compile(r"^/(Helvetica|Courier|Times|Symbol|ZapfDingbats)")


def pip_fonts(fonts: dict[str, bool]) -> set[str]:
    return {re.sub(r"^/[A-Z]{6}\+|-Regular.*$", "", name) for name in fonts if not BASE14.match(name)}


def test_the_cjk_fonts_are_installed_by_pip():
    paths = discovery.cjk_fonts()
    assert [p.rsplit("/", 1)[-1].split("[")[0] for p in paths] == ["NotoSansSC", "NotoSansJP", "NotoSansTC",
                                                                   "NotoSansKR"]
    assert [p.rsplit("/", 1)[-1].split("[")[0] for p in discovery.cjk_fonts("ja")][:2] == ["NotoSansJP", "NotoSansSC"]
    assert all("site-packages" in p or "dist-packages" in p for p in paths)
    assert {ord(c) for c in "收货照片开箱签收物流聊天截图称重面单"} <= font_codes(paths[0])
    assert {ord(c) for c in "コットンシャツ渋谷区"} <= font_codes(discovery.cjk_fonts("ja")[0])


def test_every_script_is_drawn_by_a_shipped_font_without_system_fonts(no_system_fonts):
    chain = FontChain()
    samples = {"zh": "收货照片.png 陈小明", "ja": "山田 太郎 コットンTシャツ", "th": "สมชาย ใจดี", "vi": VI["recipient"],
               "en": "Emily Carter"}
    chain.prepare(samples.values())
    for lang, text in samples.items():
        runs = chain.runs(text, lang)
        assert "".join(str(chunk) for _, chunk in runs).count("?") == 0, (lang, runs)
        names = {name for name, _ in runs}
        assert names <= {n for n in names if re.match(r"tkops-(NotoSans|NotoSansThai|NotoSansSC|NotoSansJP)\b", n)}
    assert {n for n, _ in chain.runs("収货", "ja")} == {n for n, _ in chain.runs("収", "ja")} | {
        n for n, _ in chain.runs("货", "ja")}  # 収 is Japanese only, 货 Chinese only: each from its font
    assert chain.runs("山", "ja")[0][0].startswith("tkops-NotoSansJP")
    assert chain.runs("山", "zh")[0][0].startswith("tkops-NotoSansSC")


def test_characters_not_announced_get_a_further_piece():
    chain = FontChain()
    chain.prepare(["收货"])
    first = chain.runs("收货", "zh")[0][0]
    later = chain.runs("照片", "zh")[0][0]
    assert first != later and later.startswith("tkops-NotoSansSC")
    assert chain.runs("收货照片", "zh") == [(first, "收货"), (later, "照片")]
    assert chain.width("收货", 10, "zh") == pytest.approx(20, abs=0.5)  # a CJK character is 1 em wide


def test_a_piece_is_drawn_at_regular_weight_not_the_variable_fonts_thin_default():
    path = discovery.cjk_fonts()[0]
    codes = frozenset(map(ord, "国"))
    piece = TTFont(io.BytesIO(regular_piece(path, codes, tag="x")))
    assert "fvar" not in piece and "gvar" not in piece
    assert piece["OS/2"].usWeightClass == REGULAR
    assert piece["name"].getDebugName(6) == "NotoSansSC-Regularx"
    thin = TTFont(path)

    def ink(font) -> float:
        glyphs = font.getGlyphSet()
        pen = AreaPen(glyphs)
        glyphs[font.getBestCmap()[ord("国")]].draw(pen)
        return abs(pen.value)

    assert ink(piece) > 2 * ink(thin)  # Regular strokes are more than twice as wide as Thin ones


def test_the_team_fonts_setting():
    assert font_paths("a.ttf; b.ttc\nc.ttf") == ("a.ttf", "b.ttc", "c.ttf")
    assert font_paths(["a.ttf", " ", "b.ttf "]) == ("a.ttf", "b.ttf")
    assert font_paths("") == ()


def test_strings_in_nested_values():
    from types import SimpleNamespace

    from tkops.slips.model import SlipItem

    value = {"a": [SlipItem("S", "产品", "红", 1, ""), ("x", {"y"})], "n": SimpleNamespace(t="标题"), "k": 3}
    assert sorted(strings_in(value)) == sorted(["a", "S", "产品", "红", "", "x", "y", "n", "t", "标题", "k"])


@pytest.mark.parametrize("layout", ["a4", "a6", "4x6"])
def test_slips_read_back_in_every_script_with_only_embedded_fonts(layout, no_system_fonts):
    data = slips_pdf(layout)
    text = text_of(data)
    for value in (ZH["recipient"], ZH["product"], "请不要放发票", "小店 Demo", "深圳市南山区", "收货人", "商品清单",
                  JA["recipient"], JA["product"], JA["address"], "お届け先",
                  TH["recipient"], "จัดส่งถึง", VI["recipient"], VI["address"]):
        assert value in text, (layout, value)
    fonts = fonts_of(data)
    assert all(embedded for name, embedded in fonts.items() if not BASE14.match(name)), fonts
    assert {"NotoSans", "NotoSansThai", "NotoSansSC", "NotoSansJP"} <= pip_fonts(fonts)
    assert not any("STSong" in f or "HeiseiKakuGo" in f for f in fonts)
    assert ("装箱单" in text) == (layout == "a4")  # the title: only A4 has room for it


def test_the_pick_list_reads_back_in_chinese_with_only_embedded_fonts(no_system_fonts):
    data = picklist_pdf_bytes("zh")
    text = text_of(data)
    for value in ("拣货单", "库位", "数量", "商品", ZH["product"], JA["product"], TH["product"], "小店"):
        assert value in text, value
    fonts = fonts_of(data)
    assert all(embedded for name, embedded in fonts.items() if not BASE14.match(name)), fonts
    assert {"NotoSansSC", "NotoSansThai"} <= pip_fonts(fonts)


def test_the_evidence_index_reads_back_chinese_japanese_and_thai_file_names(tmp_path, no_system_fonts):
    data = evidence_pdf_path(tmp_path, "zh").read_bytes()
    text = text_of(data).replace("\n", " ")
    for value in (ZH["file"], ZH["video"], "聊天记录/买家截图 1.png", JA["file"], TH["file"], "证据包",
                  "与买家的聊天记录"):
        assert value in text, value
    fonts = fonts_of(data)
    assert all(embedded for name, embedded in fonts.items() if not BASE14.match(name)), fonts


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
@pytest.mark.parametrize("lang, text", [("zh", "收货照片 拣货单"), ("ja", "山田 太郎 コットン"), ("th", "สมชาย ใจดี")])
def test_the_glyphs_are_drawn_when_the_page_is_rendered(lang, text, tmp_path, no_system_fonts):
    """Drawn alone and large, each script leaves ink on the rendered page: glyphs, not blanks or empty boxes."""
    from PIL import Image
    from reportlab.lib.pagesizes import A6, landscape

    from tkops.pdf import Geometry, Pen, new_canvas

    buffer = io.BytesIO()
    geo = Geometry(landscape(A6), 20, 10)
    canvas = new_canvas(buffer, geo, "glyphs")
    chain = FontChain()
    chain.prepare([text])
    pen = Pen(canvas, chain, geo, lang)
    pen.text(pen.left, pen.height / 2, text, 36)
    canvas.showPage()
    canvas.save()
    (tmp_path / "page.pdf").write_bytes(buffer.getvalue())
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(tmp_path / "page.pdf"), str(tmp_path / "page")],
                   check=True)
    image = Image.open(tmp_path / "page.png").convert("L")
    dark = image.point(lambda v: 255 if v < 128 else 0).histogram()[255]
    assert dark > 80 * len(text.replace(" ", "")), dark  # a 36 pt glyph inks a hundred pixels and more
    assert text in text_of(buffer.getvalue())


def test_a_team_font_that_cannot_be_embedded_is_skipped(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all" * 10)
    chain = FontChain((str(broken), str(tmp_path / "missing.ttf")))
    assert [f.name for f in chain.faces] == [f.name for f in FontChain().faces]
    assert chain.runs("Hello", "en")[0][0].startswith("tkops-NotoSans")


def test_a_thai_run_keeps_its_spaces_and_digits_and_unknown_letters_print_as_a_question_mark(no_system_fonts):
    chain = FontChain()
    (thai,) = chain.runs("สมชาย ใจดี 99/1", "th")  # one run: shaped as a whole
    assert thai[0].startswith("tkops-NotoSansThai")
    latin = chain.faces[0].name
    assert chain.runs("ཀ", "en") == [(latin, "?")]  # Tibetan: no shipped font has it
    assert chain.runs("a🎁ཀ", "en") == [(latin, "a?")]  # a symbol no font has is left out
