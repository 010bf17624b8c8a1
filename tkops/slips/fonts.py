"""Fonts for slip PDFs: a chain of TrueType fonts, chosen per character, embedded (subset) by reportlab.

Order of the chain: the team's own fonts (Settings: PDF Fonts), Noto Sans (Latin incl. Vietnamese, Greek,
Cyrillic) and Noto Sans Thai, both installed by pip (fontpkg-noto-sans, fontpkg-noto-sans-thai, SIL OFL), then for
Chinese and Japanese a TrueType font of the system when there is one (Windows: Meiryo, Yu Gothic, Microsoft
YaHei, SimHei; macOS: Arial Unicode; Linux: IPA, WenQuanYi, Droid), else reportlab's standard CJK fonts
(HeiseiKakuGo-W5, STSong-Light), which every common PDF viewer draws but which are not embedded. Thai is shaped
with HarfBuzz (uharfbuzz) so tone marks sit above upper vowels. A character no font has is dropped when it is a
symbol (emoji), else printed as "?".
"""

from __future__ import annotations

import importlib.util
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont, shapeStr

#: Thai runs are shaped with HarfBuzz when uharfbuzz is installed (a dependency); without it Thai tone marks can
#: collide with upper vowels.
SHAPING = importlib.util.find_spec("uharfbuzz") is not None

_WINDOWS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
_MAC_UNICODE = ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf")
#: TrueType (not CFF) CJK fonts to embed when the system has them, by language.
SYSTEM_CJK: dict[str, tuple[str, ...]] = {
    "ja": (str(_WINDOWS / "meiryo.ttc"), str(_WINDOWS / "YuGothM.ttc"), str(_WINDOWS / "msgothic.ttc"),
           "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
           *_MAC_UNICODE),
    "zh": (str(_WINDOWS / "msyh.ttc"), str(_WINDOWS / "simhei.ttf"), str(_WINDOWS / "simsun.ttc"),
           "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
           "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", *_MAC_UNICODE),
}
CID_FONTS = {"ja": "HeiseiKakuGo-W5", "zh": "STSong-Light"}
_CJK_RANGES = ((0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
               (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
_DROP_CATEGORIES = {"So", "Sk", "Cf", "Cs", "Co", "Cn", "Me"}


@dataclass(frozen=True)
class Face:
    """One font of the chain: its reportlab name, which characters it draws, whether runs in it are shaped."""

    name: str
    covers: Callable[[int], bool]
    shape: bool = False


def _is_cjk(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


@lru_cache(maxsize=32)
def _truetype(path: str, index: int = 0) -> Face | None:
    """The TrueType font at ``path`` registered with reportlab, or None when it cannot be embedded."""
    name = f"tkops-{Path(path).stem}-{index}"
    try:
        font = TTFont(name, path, subfontIndex=index)
    except (TTFError, OSError, KeyError, ValueError):
        return None
    pdfmetrics.registerFont(font)
    chars = font.face.charToGlyph
    return Face(name, chars.__contains__, shape=SHAPING and any(0x0E00 <= c <= 0x0E7F for c in chars))


def _shipped(module: str, pattern: str) -> Face | None:
    try:
        package = __import__(module)
    except ImportError:
        return None
    found = sorted((Path(package.ROOT) / "files").glob(pattern))
    return _truetype(str(found[0])) if found else None


@lru_cache(maxsize=4)
def _cjk(lang: str) -> Face:
    """The CJK face for ``lang`` (ja or zh): a system TrueType font, else reportlab's standard CID font."""
    for path in SYSTEM_CJK[lang]:
        if Path(path).is_file():
            face = _truetype(path)
            if face is not None and face.covers(0x6CE8) and face.covers(0x3042 if lang == "ja" else 0x4E2A):
                return face
    name = CID_FONTS[lang]
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return Face(name, _is_cjk)


class FontChain:
    """The fonts of one PDF, tried in order for every character; ``lang`` of a slip orders Japanese or Chinese
    glyph shapes first for Han characters."""

    def __init__(self, extra_fonts: tuple[str, ...] = ()) -> None:
        faces = [_truetype(p) for p in extra_fonts]
        faces += [_shipped("fontpkg_noto_sans", "NotoSans[[]*.ttf"), _shipped("fontpkg_noto_sans_thai", "*.ttf")]
        self.faces = [f for f in faces if f is not None]
        if not self.faces:  # no shipped font installed: reportlab's own Vera (Latin-1)
            self.faces = [_truetype(str(Path(pdfmetrics.__file__).parents[1] / "fonts" / "Vera.ttf"))]
        self.primary = self.faces[0].name
        self._runs: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def _chain(self, lang: str) -> list[Face]:
        first, second = ("ja", "zh") if lang == "ja" else ("zh", "ja")
        return [*self.faces, _cjk(first), _cjk(second)]

    def runs(self, text: str, lang: str = "") -> list[tuple[str, str]]:
        """``text`` split into (font name, text) runs; Thai runs come back shaped."""
        key = (text, lang)
        cached = self._runs.get(key)
        if cached is not None:
            return cached
        out: list[tuple[Face, list[str]]] = []
        faces = self.faces if text.isascii() else self._chain(lang)
        for ch in text:
            code = ord(ch)
            if out and out[-1][0].covers(code):
                out[-1][1].append(ch)
                continue
            face = next((f for f in faces if f.covers(code)), None)
            if face is None:
                if unicodedata.category(ch) in _DROP_CATEGORIES:
                    continue
                face, ch = faces[0], "?"
            if out and out[-1][0] is face:
                out[-1][1].append(ch)
            else:
                out.append((face, [ch]))
        runs = [(f.name, _shaped("".join(chars), f.name) if f.shape else "".join(chars)) for f, chars in out]
        if len(self._runs) > 50_000:
            self._runs.clear()
        self._runs[key] = runs
        return runs

    def width(self, text: str, size: float, lang: str = "") -> float:
        """The printed width of ``text`` at ``size`` points."""
        return sum(pdfmetrics.stringWidth(str(chunk), name, size) for name, chunk in self.runs(text, lang))


@lru_cache(maxsize=8192)
def _shaped(text: str, font: str):
    if not any(0x0E00 <= ord(c) <= 0x0E7F for c in text):
        return text
    return shapeStr(text, font, 1000)
