"""The Pack sheet of tkops.xlsm as the packer first sees it: the scan cell B1 (Text format, so an 18-digit Order ID or
a UPC's leading zero arrive as scanned), the packer's name in E1, big type, and a line saying what to do. Its code
(macros/shPack.sheet) sends each scan to Python."""

from __future__ import annotations

from tkops.pack.screen import FILLS


def pack_sheet(workbook, ws) -> None:
    """Lay out the Pack sheet on an XlsxWriter worksheet."""
    label = workbook.add_format({"bold": True, "font_size": 14, "align": "right", "valign": "vcenter"})
    scan = workbook.add_format({"num_format": "@", "font_size": 16, "border": 2, "bg_color": "#FFFFFF",
                                "valign": "vcenter"})
    packer = workbook.add_format({"num_format": "@", "font_size": 12, "border": 1, "valign": "vcenter"})
    ready = workbook.add_format({"font_size": 14, "bg_color": FILLS["info"], "text_wrap": True})
    ws.set_row(0, 30)
    ws.set_row(1, 40)
    ws.set_column(0, 0, 20)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 2, 4)
    ws.set_column(3, 4, 12)
    ws.write_string(0, 0, "在此扫描 Scan here", label)
    ws.write_blank(0, 1, None, scan)
    ws.write_string(0, 3, "Packer", label)
    ws.write_blank(0, 4, None, packer)
    ws.merge_range(1, 0, 1, 4, "就绪：请扫描订单条码。  Ready: scan an order barcode.", ready)
    ws.set_selection("B1")
