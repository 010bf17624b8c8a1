"""The door's messages (input files checked before and while they are read), in English and Chinese, in the format
of :data:`tkops.messages.CATALOGUE` (code -> {"en": ..., "zh": ...} with named placeholders).

``what.*``, ``advice.*`` and ``rule.*`` entries are parts of sentences: :func:`tkops.messages.render` translates
them when they are given as the ``what``, ``advice`` or ``rule`` parameter of another message.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # --- what a file is ---------------------------------------------------------------------------------------------
    "input.empty": {
        "en": "{file} is empty (0 bytes). Download the export again and give tkops the downloaded file.",
        "zh": "{file} 是空文件（0 字节）。请重新下载导出文件，并把下载的文件交给 tkops。",
    },
    "input.not_data": {
        "en": "{file} is {what}, not a CSV or Excel file tkops can read. {advice}",
        "zh": "{file} 是{what}，不是 tkops 能读取的 CSV 或 Excel 文件。{advice}",
    },
    "input.wrong_suffix": {
        "en": "{file} holds {what} although its name ends in {suffix}. Rename it to end in {right} and import it "
              "again.",
        "zh": "{file} 的内容是{what}，但文件名以 {suffix} 结尾。请把文件名改为以 {right} 结尾后重新导入。",
    },
    "what.pdf": {"en": "a PDF document", "zh": "PDF 文档"},
    "what.image": {"en": "an image (PNG, JPEG or GIF)", "zh": "图片（PNG、JPEG 或 GIF）"},
    "what.zip": {"en": "a ZIP archive", "zh": "ZIP 压缩包"},
    "what.archive": {"en": "a compressed archive (GZIP, 7-Zip or RAR)", "zh": "压缩包（GZIP、7-Zip 或 RAR）"},
    "what.document": {"en": "a text document or presentation (Word, PowerPoint or OpenDocument)",
                      "zh": "文字文档或演示文稿（Word、PowerPoint 或 OpenDocument）"},
    "what.html": {"en": "a web page (HTML)", "zh": "网页（HTML）"},
    "what.xml": {"en": "an XML file", "zh": "XML 文件"},
    "what.xml2003": {"en": "an Excel 2003 XML spreadsheet", "zh": "Excel 2003 XML 表格"},
    "what.binary": {"en": "a binary file of an unknown kind", "zh": "未知类型的二进制文件"},
    "what.utf16": {"en": "UTF-16 text without a byte-order mark", "zh": "不带字节顺序标记（BOM）的 UTF-16 文本"},
    "what.csv": {"en": "CSV text", "zh": "CSV 文本"},
    "what.xlsx": {"en": "an Excel workbook (XLSX)", "zh": "Excel 工作簿（XLSX）"},
    "what.xlsb": {"en": "an Excel binary workbook (XLSB)", "zh": "Excel 二进制工作簿（XLSB）"},
    "what.xls": {"en": "an Excel 97-2003 workbook (XLS)", "zh": "Excel 97-2003 工作簿（XLS）"},
    "what.ods": {"en": "an OpenDocument spreadsheet (ODS)", "zh": "OpenDocument 表格（ODS）"},
    "advice.export": {
        "en": "Export the data again (Seller Center, your ERP or your carrier) as CSV or XLSX and give tkops that "
              "file as downloaded.",
        "zh": "请重新导出数据（Seller Center、ERP 或物流商）为 CSV 或 XLSX，并把下载的原始文件交给 tkops。",
    },
    "advice.unzip": {
        "en": "Unzip it and give tkops the CSV or XLSX file inside.",
        "zh": "请先解压，再把其中的 CSV 或 XLSX 文件交给 tkops。",
    },
    "advice.save_utf8": {
        "en": "Open it and save it again as CSV UTF-8 (in Excel: Save As > CSV UTF-8), then import that file.",
        "zh": "请打开后重新另存为 CSV UTF-8（Excel：另存为 > CSV UTF-8），再导入该文件。",
    },
    "advice.save_xlsx": {
        "en": "Some systems save this under an .xls name: open it in Excel, save it as Excel Workbook (.xlsx) and "
              "import that file.",
        "zh": "有些系统会以 .xls 为名保存此类文件：请用 Excel 打开，另存为 Excel 工作簿（.xlsx）后导入该文件。",
    },
    # --- damaged and crafted workbooks ------------------------------------------------------------------------------
    "input.damaged": {
        "en": "{file} is damaged or not a complete {kind} file ({detail}). Download it again (from an e-mail or a "
              "chat, save the original attachment) and import the new copy.",
        "zh": "{file} 已损坏或不是完整的 {kind} 文件（{detail}）。请重新下载（来自邮件或聊天时请保存原始附件）后导入新文件。",
    },
    "input.encrypted": {
        "en": "{file} is protected by a password, so tkops cannot read it. Open it in Excel, remove the password "
              "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and import it again.",
        "zh": "{file} 设有密码保护，tkops 无法读取。请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，"
              "清空），保存后重新导入。",
    },
    "input.too_big": {
        "en": "{file} is {size} MB, over the limit of {limit} MB (Max File MB on the Settings sheet). Export fewer "
              "orders at a time (e.g. one week), or raise the limit.",
        "zh": "{file} 有 {size} MB，超过上限 {limit} MB（Settings 工作表的 Max File MB）。请分批导出（例如每次一周），"
              "或提高上限。",
    },
    "input.unzips_too_big": {
        "en": "{file} unzips to {size} MB, over the limit of {limit} MB (Max File MB on the Settings sheet). It was "
              "not read. Export fewer orders at a time, or raise the limit.",
        "zh": "{file} 解压后有 {size} MB，超过上限 {limit} MB（Settings 工作表的 Max File MB），未读取。请分批导出，或提高上限。",
    },
    "input.zip_ratio": {
        "en": "{file}: its part {part} unzips to {ratio} times its stored size (the limit is {limit}, Max Zip "
              "Ratio on the Settings sheet). Excel never packs a workbook this tightly: the file is built to exhaust "
              "memory (a zip bomb) and was not read. Download the export again from its source.",
        "zh": "{file}：其中的部分 {part} 解压后是压缩大小的 {ratio} 倍（上限 {limit}，Settings 工作表的 Max Zip Ratio）。"
              "Excel 不会这样压缩工作簿：该文件会耗尽内存（压缩炸弹），未读取。请从来源重新下载导出文件。",
    },
    "input.zip_parts": {
        "en": "{file} holds {parts} parts, more than a workbook ever has (at most {limit}). It was not read: "
              "download the export again.",
        "zh": "{file} 含有 {parts} 个部分，超过工作簿可能有的数量（最多 {limit}），未读取。请重新下载导出文件。",
    },
    "input.sheet_too_big": {
        "en": "{file}, sheet \"{sheet}\": its cells reach {ref}, {cells} cells counted from A1 (the limit is {limit}, "
              "Max Sheet Cells on the Settings sheet). Reading it would take more memory than an import may use, so "
              "it was not read. Delete the rows and columns beyond the data (or the stray value at {ref}), save, and "
              "import again; or export fewer orders at a time.",
        "zh": "{file}，工作表“{sheet}”：单元格延伸到 {ref}，从 A1 起共 {cells} 个单元格（上限 {limit}，Settings 工作表的 Max "
              "Sheet Cells）。读取它所需的内存超过导入允许的范围，因此未读取。请删除数据以外的行和列（或 {ref} 处多余的值），保存"
              "后重新导入；或分批导出。",
    },
    "input.dimension_too_big": {
        "en": "{file}, sheet \"{sheet}\": the sheet declares its used range as {ref}, {cells} cells (the limit is "
              "{limit}, Max Sheet Cells on the Settings sheet). It was not read. Delete the rows and columns beyond "
              "the data, save, and import again.",
        "zh": "{file}，工作表“{sheet}”：该表声明的使用范围为 {ref}，共 {cells} 个单元格（上限 {limit}，Settings 工作表的 Max "
              "Sheet Cells），未读取。请删除数据以外的行和列，保存后重新导入。",
    },
    "input.csv_too_many_cells": {
        "en": "{file}: {rows} rows × {columns} columns make {cells} cells, over the limit of {limit} (Max Sheet "
              "Cells on the Settings sheet). Export fewer orders at a time, or raise the limit.",
        "zh": "{file}：{rows} 行 × {columns} 列共 {cells} 个单元格，超过上限 {limit}（Settings 工作表的 Max Sheet Cells）。"
              "请分批导出，或提高上限。",
    },
    # --- rows and values --------------------------------------------------------------------------------------------
    "input.order_id_bad": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" is not an order ID ({rule}). tkops imports every "
              "row and does not skip this one: correct the cell, or export again.",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”不是订单号（{rule}）。tkops 会导入每一行，不会跳过此行：请更正"
              "该单元格或重新导出。",
    },
    "rule.tiktok_order_id": {"en": "TikTok order IDs are 18 digits", "zh": "TikTok 订单号为 18 位数字"},
    "rule.order_id": {"en": "an order ID is letters, digits, - or _ and holds at least one digit",
                      "zh": "订单号由字母、数字、- 或 _ 组成，且至少含一位数字"},
    "input.order_id_missing": {
        "en": "{file}, row {row}: the row holds an order line ({line}) but its \"{column}\" is empty, and no order "
              "line above it gives one. Fill in the order ID, or export again; tkops does not skip order lines.",
        "zh": "{file}，第 {row} 行：该行是订单行（{line}），但“{column}”为空，且上方没有可沿用的订单行。请填写订单号或重新导出；"
              "tkops 不会跳过订单行。",
    },
    "input.number_too_big": {
        "en": "{file}, row {row}, column \"{column}\": {value} is too big for this column (at most {limit}). Correct "
              "the cell, or export again.",
        "zh": "{file}，第 {row} 行，“{column}”列：{value} 超出该列的范围（最大 {limit}）。请更正该单元格或重新导出。",
    },
    "input.quantity": {
        "en": "{file}, row {row}, column \"{column}\": a quantity of {value} is not possible. An order line has 1 to "
              "{limit} units (0 only on a cancelled line; the limit is Quantity Limit on the Settings sheet). "
              "Correct the cell, or export again.",
        "zh": "{file}，第 {row} 行，“{column}”列：数量 {value} 不可能。每个订单行的件数为 1 到 {limit}（只有已取消的行可以为 0；"
              "上限为 Settings 工作表的 Quantity Limit）。请更正该单元格或重新导出。",
    },
    "input.quantity_blank": {
        "en": "{file}, row {row}, column \"{column}\": the quantity is empty. Every order line needs its number of "
              "units: correct the cell, or export again.",
        "zh": "{file}，第 {row} 行，“{column}”列：数量为空。每个订单行都需要件数：请更正该单元格或重新导出。",
    },
    "input.date_range": {
        "en": "{file}, row {row}, column \"{column}\": {value} is outside the years tkops accepts ({first} to "
              "{last}), so the cell is damaged or holds something else. Correct the cell, or export again.",
        "zh": "{file}，第 {row} 行，“{column}”列：{value} 超出 tkops 接受的年份范围（{first} 至 {last}），单元格可能已损坏或"
              "填错了内容。请更正该单元格或重新导出。",
    },
    "input.paid_before_created": {
        "en": "{file}, row {row}: \"{paid_column}\" {paid} is before \"{created_column}\" {created}; an order cannot "
              "be paid before it is created. Export again, or correct the cells.",
        "zh": "{file}，第 {row} 行：“{paid_column}” {paid} 早于“{created_column}” {created}；订单不可能在创建之前付款。"
              "请重新导出或更正这些单元格。",
    },
    "input.conflicting_lines": {
        "en": "{file}, rows {first_row} and {row}, column \"{column}\": order {order} has \"{first}\" on one line and "
              "\"{value}\" on another. tkops will not guess which one is right: correct the file (or export again) "
              "so that every line of the order agrees.",
        "zh": "{file}，第 {first_row} 行和第 {row} 行，“{column}”列：订单 {order} 的一行为“{first}”，另一行为“{value}”。"
              "tkops 不会猜测哪一个正确：请更正文件（或重新导出），使该订单的每一行一致。",
    },
    "input.duplicate_header": {
        "en": "{file}: the header \"{header}\" appears in columns {columns}, so tkops cannot tell which one holds the "
              "data. Delete or rename the extra column and import again.",
        "zh": "{file}：表头“{header}”出现在第 {columns} 列，tkops 无法判断哪一列是数据。请删除或重命名多余的列后重新导入。",
    },
    "input.identical_rows": {
        "en": "{file}, rows {rows}: the same line of order {order} ({sku}) appears {n} times, identical in every "
              "column. Each is kept as a line of its own (an order can list one SKU on two lines); if the file "
              "repeats rows by mistake, export it again.",
        "zh": "{file}，第 {rows} 行：订单 {order}（{sku}）的同一行出现 {n} 次，每一列都相同。每一行都作为单独的订单行保留（一个"
              "订单可以把同一 SKU 列为两行）；如果文件误重复了行，请重新导出。",
    },
}
