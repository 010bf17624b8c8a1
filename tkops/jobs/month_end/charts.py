"""The month-end HTML summary's charts: geometry computed here, SVG drawn by jinja2 templates (autoescaped, so a
label is never markup) and embedded as ``data:`` images, which browsers, LibreOffice and mail clients all show, with
no script and no network.
"""

from __future__ import annotations

import base64
import math
from typing import Callable, Sequence

from tkops.templating import render

BAR_TEMPLATE = "month_end/bar_chart.svg.j2"
TREND_TEMPLATE = "month_end/trend_chart.svg.j2"
#: One colour per bar, in order (colour-blind friendly: Okabe-Ito, then greys).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999", "#666666")
WIDTH = 640


#: A fixed colour per cause, so a cause looks the same in every month's report.
CAUSE_COLOURS = {"size_fit": PALETTE[0], "logistics": PALETTE[1], "description_mismatch": PALETTE[2],
                 "buyer_remorse": PALETTE[7], "fulfilment_error": PALETTE[3], "product_quality": PALETTE[5],
                 "unknown": PALETTE[8]}


def bar_chart(items: Sequence[tuple[str, float]], shown: Callable[[float], str], title: str = "",
              colours: Sequence[str] = ()) -> dict:
    """Horizontal bars, one per (label, value), longest value = full width; ``shown`` writes a value; ``colours``
    one per bar (default: :data:`PALETTE` in order)."""
    label_w, value_w, row, top = 200, 80, 28, 30 if title else 8
    room = WIDTH - label_w - value_w - 10
    most = max((v for _l, v in items), default=0) or 1
    bars = [{"y": top + i * row, "width": max(v / most * room, 1 if v else 0), "label": label, "value": shown(v),
             "colour": colours[i] if i < len(colours) else PALETTE[i % len(PALETTE)],
             "text_y": top + i * row + row / 2 + 4}
            for i, (label, v) in enumerate(items)]
    return {"width": WIDTH, "height": top + len(items) * row + 8, "title": title, "label_w": label_w,
            "bar_x": label_w + 6, "bar_h": row - 8, "bars": bars}


def trend_chart(months: Sequence[str], bars: Sequence[float], line: Sequence[float | None], *, bar_label: str,
                line_label: str, bar_shown: Callable[[float], str], line_shown: Callable[[float], str]) -> dict:
    """Columns (``bars``, left axis) and a line with dots (``line``, right axis; None leaves a gap) per month;
    a month shows its number, and its year under January and the first month."""
    left, right, top, plot_h = 56, 56, 34, 170
    step = (WIDTH - left - right) / max(len(months), 1)
    most = nice(max(bars, default=0))
    highest = nice(max((v for v in line if v is not None), default=0))
    bottom = top + plot_h
    columns, points = [], []
    for i, (month, value, rate) in enumerate(zip(months, bars, line)):
        x = left + i * step
        h = value / most * plot_h
        year, mon = month.split("-")
        columns.append({"x": x + step * 0.18, "y": bottom - h, "w": step * 0.64, "h": h, "mid": x + step / 2,
                        "month": mon, "year": year if i == 0 or mon == "01" else ""})
        if rate is not None:
            points.append({"x": x + step / 2, "y": bottom - rate / highest * plot_h, "value": line_shown(rate)})
    halves = (0, 0.5, 1) if (most / 2).is_integer() else (0, 1)  # the columns count whole things
    ticks = [{"y": bottom - f * plot_h, "left": bar_shown(most * f), "right": line_shown(highest * f)}
             for f in halves]
    return {"width": WIDTH, "height": bottom + 40, "left": left, "right": WIDTH - right, "top": top,
            "bottom": bottom, "columns": columns, "points": points, "path": " ".join(f"{p['x']:.1f},{p['y']:.1f}"
                                                                                     for p in points),
            "ticks": ticks, "bar_label": bar_label, "line_label": line_label}


def nice(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at least ``value`` (a round axis top)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= value * (1 - 1e-9)))


def svg_uri(template: str, chart: dict, extra_folder: str = "") -> str:
    """The chart drawn by ``template`` as a ``data:image/svg+xml;base64,...`` URI."""
    svg = render(template, {"chart": chart}, extra_folder)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
