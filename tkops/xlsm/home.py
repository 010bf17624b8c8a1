"""The Home sheet of tkops.xlsm: title, one button per macro, the status cell, the last run's summary and short
instructions in Chinese and English (the buttons' words and the steps: ``tkops/locale/home.toml``).

The Python side finds the status cell, the summary cell, the clocks cell and the reorder cell by their defined names
(``STATUS_NAME``, ``SUMMARY_NAME``, ``CLOCKS_NAME``, ``REORDER_NAME``), never by address, so this layout can change
freely. Each name refers to one cell (the top-left cell of a merged, wrapping block), so writing one string with line
breaks to it fills the block.

The workbook is written in XlsxWriter's constant-memory mode, so the rows here are written strictly top to bottom
and every merged range spans a single row.
"""

from __future__ import annotations

from dataclasses import dataclass

import xlsxwriter.utility

from tkops.book.live_ui import CLOCKS_NAME, REORDER_NAME, STATUS_NAME, SUMMARY_NAME
from tkops.locale_files import catalogue
from tkops.xlsm.sheets import HOME

SUMMARY_LINES = 8  # lines of text the summary cell shows
STATUS_LINES = 3  # lines of text the status cell shows (an error message can be long)
CLOCKS_LINES = 6  # lines of the clocks cell: one per clock, the worst first
REORDER_LINES = 2  # lines of the reorder cell: how many SKUs to reorder


@dataclass(frozen=True)
class Button:
    """One button: the Sub it runs (in macros/), its caption and a line of help, each in Chinese and English."""

    macro: str
    caption_zh: str
    caption_en: str
    help_zh: str
    help_en: str

    @property
    def caption(self) -> str:
        return f"{self.caption_zh} {self.caption_en}"  # one space: VML collapses runs of spaces


#: The cells the Python side writes to, top to bottom, under their defined names: the name, the row height (lines of
#: text), the label, the text until the first run, and the formats of the label and of the cell.
NAMED_CELLS: tuple[tuple[str, float, str, str, str, str], ...] = (
    (STATUS_NAME, STATUS_LINES * 13 + 6, "当前状态  Status", "就绪  Ready", "label", "status"),
    (SUMMARY_NAME, SUMMARY_LINES * 13 + 8, "上次运行  Last run", "尚未运行  Not run yet", "label_top", "summary"),
    (CLOCKS_NAME, CLOCKS_LINES * 13 + 8, "时效  Deadlines", "点击“检查时效”  Click Deadlines", "label_top", "summary"),
    (REORDER_NAME, REORDER_LINES * 13 + 8, "补货  Reorder", "点击“补货建议”  Click Reorder", "label_top", "summary"),
)

#: The Home sheet's buttons, top to bottom, by the Sub each runs. A new button: a Sub in macros/Buttons.bas, its name
#: here, and its caption and help in tkops/locale/home.toml.
MACROS: tuple[str, ...] = ("ImportOrders", "LoadStock", "Reorder", "ReviewOrders", "PickList", "PackingSlips",
                           "BarcodeLabels", "PackStation", "ShipOrders", "CheckClocks", "AfterSalesCases",
                           "DraftReplies", "FollowUpShipments", "EvidencePack", "AfterSalesSummary", "MonthEnd",
                           "ArchiveClosed", "PullFromTikTok", "UploadTracking", "PushStock")

_WORDS = catalogue("home")


def _button(macro: str) -> Button:
    caption, help_line = _WORDS[f"home.{macro}"], _WORDS[f"home.{macro}.help"]
    return Button(macro, caption["zh"], caption["en"], help_line["zh"], help_line["en"])


BUTTONS: tuple[Button, ...] = tuple(_button(macro) for macro in MACROS)

#: The numbered steps of "How to use", (Chinese, English).
STEPS: tuple[tuple[str, str], ...] = tuple((entry["zh"], entry["en"]) for code, entry in _WORDS.items()
                                           if code.startswith("home.step."))

# Palette: TikTok's near-black and pink-red as accents on a quiet grey scale.
INK = "#161823"
ACCENT = "#FE2C55"
MUTED = "#6B6F7B"
LINE = "#D9DBE1"
PANEL = "#F5F6F8"
STATUS_FILL = "#E9F7F1"
STATUS_INK = "#0B6E4F"
FONT = "Microsoft YaHei"  # on every Windows since Vista; Excel for Mac and LibreOffice substitute a CJK font

# Columns: A margin, B buttons and labels, C gap, D-E text, F margin.
COLUMN_WIDTHS = (2.5, 30, 2, 52, 34, 2.5)
FIRST, LAST = 1, 4  # content columns B..E
BUTTON_HEIGHT = 38  # pixels; the button covers its cell exactly (row height in points = pixels * 0.75)
BUTTON_WIDTH = int(COLUMN_WIDTHS[FIRST] * 7 + 5)  # XlsxWriter's pixel width of column B (Calibri 11)


def _formats(workbook) -> dict:
    def fmt(**props):
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter", "font_color": INK}
        base.update(props)
        return workbook.add_format(base)

    return {
        "band": fmt(bg_color=INK),
        "title": fmt(bg_color=INK, font_color="#FFFFFF", font_size=22, bold=True),
        "title_sub": fmt(bg_color=INK, font_color="#FFFFFF", font_size=12),
        "tagline": fmt(bg_color=INK, font_color="#B8BBC6", font_size=9),
        "accent_bar": fmt(bg_color=ACCENT),
        "section": fmt(font_size=12, bold=True, bottom=2, bottom_color=ACCENT),
        "section_line": fmt(bottom=2, bottom_color=ACCENT),
        "help": fmt(text_wrap=True, font_color=MUTED, font_size=9),
        "label": fmt(bold=True, font_color=MUTED, align="left"),
        "status": fmt(bold=True, bg_color=STATUS_FILL, font_color=STATUS_INK, indent=1, text_wrap=True,
                      border=1, border_color="#BFE6D5"),
        "label_top": fmt(bold=True, font_color=MUTED, align="left", valign="top"),
        "summary": fmt(bg_color=PANEL, indent=1, text_wrap=True, valign="top", border=1, border_color=LINE),
        "step_no": fmt(bold=True, font_color=ACCENT, font_size=11, align="left", valign="top"),
        "button_face": fmt(bold=True, align="center", bg_color=PANEL, border=1, border_color=LINE),
        "step": fmt(text_wrap=True, font_size=9, valign="top"),
        "footer": fmt(font_color=MUTED, font_size=8),
    }


def write_home(workbook, version_line: str):
    """Add the Home sheet (call it first: it is the first tab) and its defined names; returns the worksheet."""
    ws = workbook.add_worksheet(HOME)
    f = _formats(workbook)
    for col, width in enumerate(COLUMN_WIDTHS):
        ws.set_column(col, col, width)
    ws.set_column(len(COLUMN_WIDTHS), 16383, None, None, {"hidden": True})
    ws.hide_gridlines(2)
    ws.hide_row_col_headers()
    ws.set_tab_color(ACCENT)

    row = 0

    def line(height: float, fill=None) -> int:
        """Start the next row: its height and, for a band, the fill of every column. Returns its index."""
        nonlocal row
        r = row
        ws.set_row(r, height)
        if fill is not None:
            for col in range(len(COLUMN_WIDTHS)):
                ws.write_blank(r, col, None, fill)
        row += 1
        return r

    # Title band.
    line(10, f["band"])
    r = line(40, f["band"])
    ws.write_rich_string(r, FIRST, f["title"], "tkops", f["title_sub"], "    TikTok Shop 订单助手  Order desk",
                         f["title"])
    r = line(20, f["band"])
    ws.write_string(r, FIRST, "导入 → 审核 → 拣货 → 发货 → 售后      Import → review → pick → ship → after-sales",
                    f["tagline"])
    line(10, f["band"])
    line(3, f["accent_bar"])
    line(12)

    # Buttons.
    r = line(24)
    _section(ws, r, "操作  Actions", f)
    line(8)
    for button in BUTTONS:
        r = line(BUTTON_HEIGHT * 0.75)
        ws.insert_button(r, FIRST, {
            "macro": button.macro, "caption": button.caption, "width": BUTTON_WIDTH, "height": BUTTON_HEIGHT,
            "x_offset": 0, "y_offset": 0, "description": button.caption_en,
        })
        # The cell under the button holds its caption: hidden behind the button on screen, shown when printed
        # (form buttons do not print).
        ws.write_string(r, FIRST, button.caption, f["button_face"])
        ws.merge_range(r, 3, r, LAST, f"{button.help_zh}\n{button.help_en}", f["help"])
        line(10)
    line(10)

    # Status and the last run's summary.
    r = line(24)
    _section(ws, r, "状态  Status", f)
    cells = {}
    for name, height, label, text, label_format, cell_format in NAMED_CELLS:
        line(8)
        r = line(height)
        ws.write_string(r, FIRST, label, f[label_format])
        ws.merge_range(r, 3, r, LAST, text, f[cell_format])
        cells[name] = xlsxwriter.utility.xl_rowcol_to_cell(r, 3, row_abs=True, col_abs=True)
    line(16)

    # How to use.
    r = line(24)
    _section(ws, r, "使用说明  How to use", f)
    line(6)
    for number, (zh, en) in enumerate(STEPS, start=1):
        r = line(28)
        ws.write_string(r, FIRST - 1, str(number), f["step_no"])
        ws.merge_range(r, FIRST, r, LAST, f"{zh}\n{en}", f["step"])
        line(4)
    line(10)
    r = line(16)
    ws.merge_range(r, FIRST, r, LAST, version_line, f["footer"])
    last = row - 1

    for name, cell in cells.items():
        workbook.define_name(name, f"={HOME}!{cell}")

    ws.set_paper(9)  # A4
    ws.set_portrait()
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.center_horizontally()
    ws.print_area(0, 0, last, len(COLUMN_WIDTHS) - 1)
    ws.fit_to_pages(1, 1)
    ws.set_selection(cells[STATUS_NAME].replace("$", ""))
    ws.activate()
    return ws


def _section(ws, r: int, title: str, f: dict) -> None:
    ws.write_string(r, FIRST, title, f["section"])
    for col in range(FIRST + 1, LAST + 1):
        ws.write_blank(r, col, None, f["section_line"])
