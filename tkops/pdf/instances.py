"""Static Regular-weight pieces of variable fonts, made per document with fontTools.

The CJK fonts installed by pip (Noto Sans SC/JP/TC/KR from justmytype-intl-cjk, see docs/fonts.md#the-cjk-font)
are variable TrueType fonts whose default instance is Thin (wght 100). reportlab embeds the default outlines of a
variable font, so drawn as they are the characters would come out hairline-thin on a label printer. Instancing a
whole CJK font at Regular takes 5-15 s, too slow for a button; instancing only the characters a document uses
takes a fraction of a second, and reportlab then subsets that small font again into the PDF.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabFont

#: The weight every piece is drawn at (user-space value of the wght axis): Regular. Bold is drawn by stroking the
#: outlines, as for every other font of the chain.
REGULAR = 400.0
#: Tables a piece does not need: vertical metrics, layout (reportlab does not apply GSUB/GPOS to CJK text), hinting.
_DROP = ["BASE", "GSUB", "GPOS", "GDEF", "JSTF", "vhea", "vmtx", "VVAR", "STAT", "MVAR", "gasp", "prep", "fpgm",
         "cvt ", "cvar", "hdmx", "LTSH", "VDMX", "kern", "DSIG", "meta"]
_LAYOUT = ("GSUB", "GPOS", "GDEF", "kern")


@lru_cache(maxsize=16)
def font_codes(path: str) -> frozenset[int]:
    """The code points the font at ``path`` has a glyph for (its cmap), read once per process."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def regular_piece(path: str, codes: frozenset[int], tag: str = "", web: bool = False) -> bytes:
    """A static TrueType font with the glyphs of ``codes`` from the variable font at ``path``, at Regular weight
    (other axes at their defaults), named "<family>-Regular" (PostScript name "<Family>-Regular<tag>").
    ``web``: for a browser, as WOFF; a piece with Thai keeps the layout tables that place Thai marks (the Latin
    and CJK fonts' tables are large and slow to subset, and precomposed letters need none)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(path, lazy=True)
    web_layout = web and any(0x0E00 <= code <= 0x0E7F for code in codes)  # Thai: its marks need placing
    options = subset.Options()
    # marks placed on their bases; kerning left out: slow to subset, and a label does not need it
    options.layout_features = ["ccmp", "locl", "mark", "mkmk", "rlig", "liga", "abvm", "blwm"] if web_layout else []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [1, 2, 3, 4, 6, 16, 17]
    options.drop_tables = [*options.drop_tables, *(t for t in _DROP if not web_layout or t not in _LAYOUT)]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    if "fvar" in font:
        location = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes}
        for axis in font["fvar"].axes:
            if axis.axisTag == "wght":
                location["wght"] = min(max(REGULAR, axis.minValue), axis.maxValue)
        instancer.instantiateVariableFont(font, location, inplace=True)
    _rename_regular(font, tag)
    if web:
        font.flavor = "woff"
    out = io.BytesIO()
    font.save(out)
    font.close()
    return out.getvalue()


def _rename_regular(font, tag: str) -> None:
    """Name the instance Regular, so the PDF's font list says what is drawn (not the variable font's Thin); ``tag``
    keeps the PostScript names of two pieces of one font apart (reportlab files embedded fonts under that name)."""
    names = font["name"]
    family = names.getDebugName(16) or names.getDebugName(1) or "Font"
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    for record in list(names.names):
        ids = (record.nameID, record.platformID, record.platEncID, record.langID)
        value = {1: family, 2: "Regular", 4: f"{family} Regular",
                 6: f"{family.replace(' ', '')}-Regular{tag}"}.get(record.nameID)
        if value is not None:
            names.setName(value, *ids)


@lru_cache(maxsize=256)
def registered_piece(path: str, codes: frozenset[int]) -> str:
    """The reportlab name of the Regular piece of ``path`` holding ``codes``, made and registered on first use
    (the same characters of the same font give the same name, so documents of one run share pieces)."""
    digest = hashlib.sha1(",".join(map(str, sorted(codes))).encode()).hexdigest()[:12]
    name = f"tkops-{Path(path).stem.split('[')[0]}-{digest}"
    data = io.BytesIO(regular_piece(path, codes, tag=digest[:6]))
    data.name = name  # reportlab keys the embedded file by this name: each piece its own
    pdfmetrics.registerFont(ReportlabFont(name, data))
    return name
