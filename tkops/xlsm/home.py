"""The Home sheet of tkops.xlsm: title, one button per macro, the status cell, the last run's summary and short
instructions in Chinese and English.

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


#: The Home sheet's buttons, top to bottom. A new button: a Sub in macros/Buttons.bas plus one line here.
BUTTONS: tuple[Button, ...] = (
    Button("ImportOrders", "导入订单", "Import orders",
           "第一步：读取 Seller Center / ERP 导出文件（设置表中的导入文件夹，或选择文件），合并到 Orders 表；"
           "团队自己填写的列不会被改动。",
           "Start here: reads Seller Center or ERP exports (the Import Folder on Settings, or files you pick) into "
           "Orders. Your own columns are kept."),
    Button("LoadStock", "导入库存", "Stock",
           "读取库存文件（TikTok 商品导出、马帮/店小秘库存导出；设置表中的 Stock Folder，或选择文件），更新 Inventory 表的"
           "库存、库位、成本和条码。",
           "Stock files (TikTok product export, Mabang/DianXiaoMi stock exports; the Stock Folder, or files you "
           "pick) into Inventory: on hand, bins, cost, barcodes."),
    Button("Reorder", "补货建议", "Reorder",
           "按近 7 天和 30 天销量计算每个 SKU 的可售天数和建议补货量（Reorder 表），低于补货点的标红；数量见下方。",
           "Sales of the last 7 and 30 days, days of cover and the quantity to order per SKU (Reorder sheet); "
           "SKUs below their reorder point in red, counted below."),
    Button("ReviewOrders", "审核订单", "Review orders",
           "检查地址、SKU、库存和买家留言；问题列在 Review 表，并附上买家语言的沟通话术。",
           "Checks addresses, SKUs, stock and buyer notes. Problems go to the Review sheet with a message "
           "to the buyer in their language."),
    Button("PickList", "拣货单", "Pick list",
           "把 Ready 且未拣货的订单按波次、库位顺序生成拣货单（PickList 表可直接打印，另存 HTML/PDF）。",
           "Ready, unpicked lines in waves, in zone and bin order: the PickList sheet (ready to print), HTML, PDF."),
    Button("PackingSlips", "装箱单", "Packing slips",
           "按拣货顺序生成装箱单（订单号条码和二维码）和打包检查清单（HTML/PDF）；可合并的订单相邻并注明。",
           "Packing slips in pick order (order ID barcode, QR code) and the packing checklist; orders to ship "
           "together side by side."),
    Button("BarcodeLabels", "条码标签", "Barcode labels",
           "为 Inventory 表中没有条码的 SKU 生成 Code 128 标签（A4 标签纸 3 x 8 和 2 x 1 英寸热敏标签的 PDF），扫码打包可直接扫描。",
           "Code 128 labels for Inventory SKUs without a barcode (PDFs: A4 sheets of 3 x 8, 2 x 1 inch thermal), "
           "scannable at the pack station."),
    Button("PackStation", "扫码打包", "Pack station",
           "打开 Pack 表：先扫装箱单上的订单条码，再逐件扫商品；对错立即显示，订单齐了自动在 Orders 表打勾（Packed、QC OK）。",
           "Opens the Pack sheet: scan the slip's order barcode, then each item; right or wrong at once, and a "
           "complete order is ticked Packed and QC OK on Orders."),
    Button("ShipOrders", "发货上传", "Ship",
           "检查运单号并生成 Seller Center 批量发货文件，只含有效且未上传过的行。",
           "Checks tracking IDs and writes the Seller Center bulk-shipping file: valid lines not uploaded before."),
    Button("CheckClocks", "检查时效", "Deadlines",
           "计算审单、打单、打包、发货和自动取消时限，在 Orders 表标色，并在下方汇总。",
           "Review, print, pack, dispatch and auto-cancel due times, coloured on Orders, counted below."),
    Button("AfterSalesCases", "售后案例", "Cases",
           "读取退货/退款导出（Returns Folder）和已取消订单，更新 AfterSales 表：原因分类、建议方案、费用和处理时限。",
           "Return/Refund exports (Returns Folder) and cancelled orders into AfterSales: cause, suggestion, cost, "
           "deadline."),
    Button("DraftReplies", "回复草稿", "Replies",
           "为未回复的售后案例和差评生成买家语言的回复草稿，并附中文说明；已修改的草稿不会被覆盖。",
           "Reply drafts in the buyer's language for open cases and low reviews, with a line saying what each says."),
    Button("FollowUpShipments", "物流跟进", "Follow-up",
           "列出已发货但超时未签收的订单（FollowUp 表），并生成主动联系买家的消息。",
           "Shipped orders not delivered in time (FollowUp sheet), with a message to send before a case opens."),
    Button("EvidencePack", "证据包", "Evidence",
           "先在 AfterSales 表选中某个案例所在行，再点击：把该案例文件夹（Evidence Folder）中的证据打包成 ZIP 和 PDF 清单。",
           "Select the row of a case on AfterSales, then click: its evidence folder packed into a ZIP with a PDF "
           "checklist."),
    Button("AfterSalesSummary", "售后汇总", "Summary",
           "按原因×SKU、月份、承运商汇总售后，列出最需处理的 SKU 与负责方（AfterSalesSummary 表），图表另存。",
           "Cases by cause x SKU, month and carrier, and what to fix first with its owner; charts in a file."),
    Button("MonthEnd", "月末报告", "Month-end",
           "用当月订单和退货导出（Month-end Folder）生成月末报告工作簿和 HTML；默认统计上个月（Report Month）。",
           "The month-end report workbook and HTML from the month's exports (Month-end Folder); last month unless "
           "Report Month says."),
    Button("ArchiveClosed", "归档已关闭订单", "Archive closed",
           "把关闭超过 Keep Closed Days 天且无未结售后的订单移入工作簿旁的历史文件夹（导入时也会自动执行）。",
           "Moves orders closed over Keep Closed Days ago, with no open case, to the history folder beside the book."),
    Button("PullFromTikTok", "从 TikTok 拉取", "Pull from TikTok",
           "仅适用于有自己 TikTok Shop API 应用的团队（设置 API App Key 并运行 tkops connect）；否则请用“导入订单”。",
           "Only for teams with their own TikTok Shop API app (API App Key, tkops connect); others use Import orders."),
    Button("UploadTracking", "上传运单号", "Upload tracking",
           "仅适用于有 API 应用的团队：上传检查通过的运单号（不会重复上传），并下载面单；否则请用“发货上传”。",
           "Only with an API app: uploads checked tracking numbers (never twice), labels downloaded; else use Ship."),
)

STEPS: tuple[tuple[str, str], ...] = (
    ("首次使用：按安装指南安装 Python 和 tkops，并在 xlwings.conf 表核对 Python 路径；打开本工作簿时点击“启用内容”。",
     "First time: install Python and tkops (docs/setup.md), check the Python path on xlwings.conf, Enable Content."),
    ("在 Settings 表填写站点（Market）、语言（Language）、导入文件夹（Import Folder）和库存文件夹（Stock Folder）。",
     "Fill in Market, Language, Import Folder and Stock Folder on the Settings sheet."),
    ("点击“导入订单”，再点击“导入库存”（库存有变化时）；然后“审核订单”，处理 Review 表列出的问题。",
     "Click Import orders, then Stock (when stock changed), then Review orders; fix what Review lists."),
    ("点击“拣货单”和“装箱单”打印；拣完、打包后在 Orders 表填写 Picked、Packed、QC OK。",
     "Click Pick list and Packing slips and print them; tick Picked, Packed and QC OK on Orders as you go."),
    ("填入运单号后点击“发货上传”，把生成的文件上传到 Seller Center；随时点击“检查时效”。",
     "Enter tracking IDs, click Ship and upload the file to Seller Center; click Deadlines any time."),
    ("售后：退货导出放进 Returns Folder，点击“售后案例”、“回复草稿”；纠纷时选中案例行点击“证据包”。",
     "After-sales: Return exports in the Returns Folder, then Cases and Replies; Evidence for a selected case."),
    ("每周点击“售后汇总”；月初点击“月末报告”。出错时，上方“状态”说明原因，详细日志在本工作簿所在文件夹。",
     "Summary weekly, Month-end at the start of a month. If something goes wrong, Status says why; log beside."),
)

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
    line(8)
    r = line(STATUS_LINES * 13 + 6)
    ws.write_string(r, FIRST, "当前状态  Status", f["label"])
    ws.merge_range(r, 3, r, LAST, "就绪  Ready", f["status"])
    status_cell = xlsxwriter.utility.xl_rowcol_to_cell(r, 3, row_abs=True, col_abs=True)
    line(8)
    r = line(SUMMARY_LINES * 13 + 8)
    ws.write_string(r, FIRST, "上次运行  Last run", f["label_top"])
    ws.merge_range(r, 3, r, LAST, "尚未运行  Not run yet", f["summary"])
    summary_cell = xlsxwriter.utility.xl_rowcol_to_cell(r, 3, row_abs=True, col_abs=True)
    line(8)
    r = line(CLOCKS_LINES * 13 + 8)
    ws.write_string(r, FIRST, "时效  Deadlines", f["label_top"])
    ws.merge_range(r, 3, r, LAST, "点击“检查时效”  Click Deadlines", f["summary"])
    clocks_cell = xlsxwriter.utility.xl_rowcol_to_cell(r, 3, row_abs=True, col_abs=True)
    line(8)
    r = line(REORDER_LINES * 13 + 8)
    ws.write_string(r, FIRST, "补货  Reorder", f["label_top"])
    ws.merge_range(r, 3, r, LAST, "点击“补货建议”  Click Reorder", f["summary"])
    reorder_cell = xlsxwriter.utility.xl_rowcol_to_cell(r, 3, row_abs=True, col_abs=True)
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

    workbook.define_name(STATUS_NAME, f"={HOME}!{status_cell}")
    workbook.define_name(SUMMARY_NAME, f"={HOME}!{summary_cell}")
    workbook.define_name(CLOCKS_NAME, f"={HOME}!{clocks_cell}")
    workbook.define_name(REORDER_NAME, f"={HOME}!{reorder_cell}")

    ws.set_paper(9)  # A4
    ws.set_portrait()
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.center_horizontally()
    ws.print_area(0, 0, last, len(COLUMN_WIDTHS) - 1)
    ws.fit_to_pages(1, 1)
    ws.set_selection(status_cell.replace("$", ""))
    ws.activate()
    return ws


def _section(ws, r: int, title: str, f: dict) -> None:
    ws.write_string(r, FIRST, title, f["section"])
    for col in range(FIRST + 1, LAST + 1):
        ws.write_blank(r, col, None, f["section_line"])
