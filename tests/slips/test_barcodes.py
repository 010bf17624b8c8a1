"""Code 128 and QR: the bars drawn in the SVG decode back to the order ID; the QR is a real (not Micro) QR code."""

from __future__ import annotations

import re

import pytest
import segno

from tests.slips.code128_decode import DecodeError, decode
from tkops.slips.barcodes import QR_BORDER, QUIET_MODULES, bar_runs, code128_modules, code128_svg, qr_matrix
from tkops.slips.barcodes import qr_runs, qr_svg

IDS = ["577596606699233119", "576461413222883431", "1", "0001", "12345", "PKG-1156631412840363655"]


def svg_modules(svg: str) -> str:
    """The module string drawn by a Code 128 SVG path (bars are "M{x} 0h{w}...")."""
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    cells = ["0"] * width
    for x, w in re.findall(r"M(\d+) 0h(\d+)v", svg):
        cells[int(x):int(x) + int(w)] = "1" * int(w)
    return "".join(cells)


@pytest.mark.parametrize("value", IDS)
def test_the_code128_drawn_decodes_to_the_value(value):
    modules = code128_modules(value)
    assert decode(modules) == value
    drawn = svg_modules(str(code128_svg(value)))
    assert drawn == "0" * QUIET_MODULES + modules + "0" * QUIET_MODULES
    assert decode(drawn) == value


def test_the_decoder_rejects_damaged_bars():
    modules = code128_modules("577596606699233119")
    flipped = modules[:30] + ("0" if modules[30] == "1" else "1") + modules[31:]
    with pytest.raises(DecodeError):
        decode(flipped)
    with pytest.raises(DecodeError):
        decode(modules[:-13])


def test_values_code128_cannot_carry_give_no_barcode():
    assert code128_modules("") == "" and code128_modules("订单") == "" and code128_svg("订单") == ""
    assert code128_modules("a\nb") == ""


@pytest.mark.parametrize("value", IDS[:3])
def test_the_qr_code_is_a_full_qr_code_of_the_value(value):
    matrix = qr_matrix(value)
    reference = segno.make_qr(value, error="m", mask=2)
    assert not reference.is_micro and reference.error in ("M", "Q", "H")
    assert matrix == tuple(tuple(bool(c) for c in row) for row in reference.matrix)
    assert len(matrix) == 21  # version 1 for an 18-digit order ID
    svg = str(qr_svg(value))
    size = len(matrix) + 2 * QR_BORDER
    assert f'viewBox="0 0 {size} {size}"' in svg and 'class="qr"' in svg
    drawn = set()
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)v1", svg):
        drawn |= {(int(y) - QR_BORDER, int(x) - QR_BORDER + k) for k in range(int(w))}
    assert drawn == {(r, c) for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark}


def test_runs_cover_exactly_the_dark_modules():
    assert bar_runs("0110111001") == [(1, 2), (4, 3), (9, 1)]
    assert qr_runs(((True, True, False), (False, False, True))) == [(0, 0, 2), (1, 2, 1)]
    assert qr_matrix("") == () and qr_svg("") == ""
