"""A small Code 128 decoder written from the symbology's tables (ISO/IEC 15417), to prove that the bars tkops
draws encode the order ID. Reads a module string ("1" = bar) with or without quiet zones."""

from __future__ import annotations

#: Symbol value -> bar/space widths (bar first), 0..102 data, 103..105 start A/B/C; the stop symbol is separate.
WIDTHS = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232",
)
STOP = "2331112"
BY_WIDTHS = {w: v for v, w in enumerate(WIDTHS)}
START = {103: "A", 104: "B", 105: "C"}


class DecodeError(ValueError):
    """The modules are not a valid Code 128 symbol."""


def widths(modules: str) -> str:
    """Run lengths of a module string ("11010011100" -> "211232")."""
    out, run = [], 1
    for prev, cur in zip(modules, modules[1:]):
        if cur == prev:
            run += 1
        else:
            out.append(str(run))
            run = 1
    out.append(str(run))
    return "".join(out)


def decode(modules: str) -> str:
    """The text a Code 128 module string encodes (code sets A, B and C, code switches and shift)."""
    modules = modules.strip("0")
    if len(modules) < 35 or (len(modules) - 13) % 11 or widths(modules[-13:]) != STOP:
        raise DecodeError(f"no stop pattern or wrong length ({len(modules)} modules)")
    values = []
    for k in range(0, len(modules) - 13, 11):
        w = widths(modules[k:k + 11])
        if w not in BY_WIDTHS:
            raise DecodeError(f"unknown symbol {w} at module {k}")
        values.append(BY_WIDTHS[w])
    start, data, check = values[0], values[1:-1], values[-1]
    if start not in START:
        raise DecodeError(f"no start symbol ({start})")
    if (start + sum(i * v for i, v in enumerate(data, 1))) % 103 != check:
        raise DecodeError("check symbol does not match")
    text, code, shift = [], START[start], False
    for v in data:
        current = ("B" if code == "A" else "A") if shift else code
        shift = False
        if current == "C" and v < 100:
            text.append(f"{v:02d}")
        elif current in "AB" and v < 96:
            text.append(chr(v + 32) if current == "B" or v < 64 else chr(v - 64))
        elif v == 98 and current in "AB":
            shift = True
        elif v == 99:
            code = "C"
        elif v == 100 and current != "B":
            code = "B"
        elif v == 101 and current != "A":
            code = "A"
        elif v in (96, 97, 100, 101, 102):
            continue  # FNC1-4: no text
        else:
            raise DecodeError(f"value {v} is not valid in code set {current}")
    return "".join(text)
