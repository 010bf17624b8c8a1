"""The font chain of one PDF: fonts tried in order for every character, each embedded (subset) by reportlab.

Order: the team's own fonts (Settings: PDF Fonts), Noto Sans (Latin with Vietnamese, Greek, Cyrillic), Noto Sans
Thai, the pip CJK fonts (Noto Sans SC/JP/TC/KR; Japanese shapes first for a Japanese document, Chinese shapes
first otherwise), then TrueType CJK fonts of the system. Thai is shaped with HarfBuzz (uharfbuzz), so tone marks
sit above upper vowels. A character no font has is dropped when it is a symbol (emoji), else printed as "?".
Sources: docs/fonts.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, shapeStr

from tkops.pdf import discovery
from tkops.pdf.instances import font_codes, registered_piece

_DROP_CATEGORIES = {"So", "Sk", "Cf", "Cs", "Co", "Cn", "Me"}


def _is_thai(code: int) -> bool:
    return 0x0E00 <= code <= 0x0E7F


@dataclass(frozen=True)
class Face:
    """A font of the chain embedded as it is: its reportlab name, which characters it draws, whether runs in it are
    shaped (Thai)."""

    name: str
    covers: Callable[[int], bool]
    shape: bool = False

    def ensure(self, codes: Iterable[int]) -> None:
        """Nothing to make: the whole font is registered."""

    def name_for(self, code: int) -> str:
        """The reportlab font that draws ``code``."""
        return self.name


class PieceFace:
    """A pip variable font drawn at Regular weight through pieces made for this document's characters
    (:mod:`tkops.pdf.instances`): characters announced with :meth:`prepare` go into the first piece, any other one
    met later into a further piece."""

    shape = False

    def __init__(self, path: str) -> None:
        self.path = path
        self.codes = font_codes(path)
        self.pending: set[int] = set()
        self.pieces: dict[int, str] = {}

    def covers(self, code: int) -> bool:
        """Whether the font has a glyph for ``code``."""
        return code in self.codes

    def prepare(self, codes: set[int]) -> None:
        """Remember ``codes`` for the next piece, so one piece serves the whole document."""
        self.pending |= (codes & self.codes) - self.pieces.keys()

    def ensure(self, codes: Iterable[int]) -> None:
        """Make a piece for those of ``codes`` no piece has yet (with every prepared character)."""
        missing = set(codes) - self.pieces.keys()
        if missing:
            wanted = frozenset(missing | self.pending)
            name = registered_piece(self.path, wanted)
            self.pieces.update(dict.fromkeys(wanted, name))
            self.pending.clear()

    def name_for(self, code: int) -> str:
        """The piece that draws ``code`` (after :meth:`ensure`)."""
        return self.pieces[code]


@lru_cache(maxsize=32)
def truetype(path: str, index: int = 0) -> Face | None:
    """The TrueType font at ``path`` registered with reportlab, or None when it cannot be embedded."""
    name = f"tkops-{Path(path).stem}-{index}"
    try:
        font = TTFont(name, path, subfontIndex=index)
    except (TTFError, OSError, KeyError, ValueError):
        return None
    pdfmetrics.registerFont(font)
    chars = font.face.charToGlyph
    return Face(name, chars.__contains__, shape=any(_is_thai(c) for c in chars))


class FontChain:
    """The fonts of one PDF, tried in order for every character; ``lang`` orders Japanese or Chinese glyph shapes
    first for Han characters. Call :meth:`prepare` with the document's texts first, so the CJK glyphs are made in
    one go."""

    def __init__(self, extra_fonts: tuple[str, ...] | list[str] = ()) -> None:
        faces = [truetype(p) for p in (*extra_fonts, *discovery.shipped_fonts())]
        self.faces: list[Face] = [f for f in faces if f is not None] or [truetype(str(discovery.VERA))]
        self._pieces: dict[str, PieceFace] = {}
        self._system: list[Face] | None = None
        self._runs: dict[tuple[str, str], list[tuple[str, str]]] = {}

    def _piece(self, path: str) -> PieceFace:
        if path not in self._pieces:
            self._pieces[path] = PieceFace(path)
        return self._pieces[path]

    def _chain(self, lang: str) -> list:
        if self._system is None:
            self._system = [f for f in map(truetype, discovery.system_fonts()) if f is not None]
        return [*self.faces, *(self._piece(p) for p in discovery.cjk_fonts(lang)), *self._system]

    def prepare(self, texts: Iterable[str]) -> None:
        """Announce the texts the document will draw: the CJK characters among them are made in one piece per
        font when first needed."""
        codes = {ord(ch) for text in texts for ch in str(text) if ord(ch) >= 0x2E80}
        if codes:
            for path in discovery.cjk_fonts():
                self._piece(path).prepare(codes)

    def runs(self, text: str, lang: str = "") -> list[tuple[str, str]]:
        """``text`` split into (font name, text) runs; Thai runs come back shaped."""
        key = (text, lang)
        cached = self._runs.get(key)
        if cached is not None:
            return cached
        faces = self.faces if text.isascii() else self._chain(lang)
        picked: list[tuple[object, str]] = []
        for ch in text:
            code = ord(ch)
            last = picked[-1][0] if picked else None
            # a run stays in its static font while that font has the characters (Thai with its spaces and digits);
            # pieces of the CJK fonts take only what the fonts before them lack
            face = last if isinstance(last, Face) and last.covers(code) else None
            face = face or next((f for f in faces if f.covers(code)), None)
            if face is None:
                if unicodedata.category(ch) in _DROP_CATEGORIES:
                    continue
                face, ch = faces[0], "?"
            picked.append((face, ch))
        for face in {id(f): f for f, _ in picked}.values():
            face.ensure(ord(c) for f, c in picked if f is face)
        grouped: list[tuple[object, str, list[str]]] = []
        for face, ch in picked:
            name = face.name_for(ord(ch))
            if grouped and grouped[-1][1] == name:
                grouped[-1][2].append(ch)
            else:
                grouped.append((face, name, [ch]))
        runs = [(name, _shaped("".join(chars), name) if face.shape else "".join(chars))
                for face, name, chars in grouped]
        if len(self._runs) > 50_000:
            self._runs.clear()
        self._runs[key] = runs
        return runs

    def width(self, text: str, size: float, lang: str = "") -> float:
        """The printed width of ``text`` at ``size`` points."""
        return sum(pdfmetrics.stringWidth(str(chunk), name, size) for name, chunk in self.runs(text, lang))


@lru_cache(maxsize=8192)
def _shaped(text: str, font: str):
    if not any(_is_thai(ord(c)) for c in text):
        return text
    return shapeStr(text, font, 1000)


def strings_in(value) -> Iterable[str]:
    """Every string inside ``value`` (dicts, lists, tuples, sets, dataclasses, namespaces), for
    :meth:`FontChain.prepare`."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings_in(k)
            yield from strings_in(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from strings_in(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from strings_in(getattr(value, name))
    elif isinstance(value, SimpleNamespace):
        yield from strings_in(vars(value))
