"""The sentences about workbooks: opening, locking, saving, backups, sheets the team renamed or damaged.

Looked up through :func:`tkops.messages.render` like every section catalogue (one lookup, strict under tests).
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    # --- workbooks ------------------------------------------------------------------------------------------------
    "workbook_locked": {
        "en": "{file} is open in Excel or another program ({detail}). Close it and run again; nothing was changed.",
        "zh": "{file} 正在被 Excel 或其他程序打开（{detail}）。请关闭后重试；未做任何更改。",
    },
    "book_waiting": {
        "en": "{file} is in use by another tkops run: tkops {command} (process {pid} on {host}, user {user}, since "
              "{since}). Waiting up to {seconds} s ...",
        "zh": "{file} 正被另一个 tkops 任务使用：tkops {command}（{host} 上的进程 {pid}，用户 {user}，开始于 {since}）。"
              "最多等待 {seconds} 秒……",
    },
    "book_waiting_unknown": {
        "en": "{file} is in use by another tkops run. Waiting up to {seconds} s ...",
        "zh": "{file} 正被另一个 tkops 任务使用。最多等待 {seconds} 秒……",
    },
    "book_busy": {
        "en": "{file} is still in use by another tkops run after {seconds} s: tkops {command} (process {pid} on "
              "{host}, user {user}, since {since}). Nothing was changed. Run the command again when that run has "
              "finished (or wait longer: --wait SECONDS, or Lock Wait on the Settings sheet).",
        "zh": "等待 {seconds} 秒后，{file} 仍被另一个 tkops 任务使用：tkops {command}（{host} 上的进程 {pid}，用户 {user}，"
              "开始于 {since}）。未做任何更改。请在该任务结束后重新运行此命令（或延长等待：--wait 秒数，或 Settings 表中的 "
              "Lock Wait）。",
    },
    "book_busy_unknown": {
        "en": "{file} is still in use by another tkops run after {seconds} s. Nothing was changed. Run the command "
              "again when that run has finished (or wait longer: --wait SECONDS, or Lock Wait on the Settings "
              "sheet).",
        "zh": "等待 {seconds} 秒后，{file} 仍被另一个 tkops 任务使用。未做任何更改。请在该任务结束后重新运行此命令"
              "（或延长等待：--wait 秒数，或 Settings 表中的 Lock Wait）。",
    },
    "book_changed": {
        "en": "{file} was changed by someone else while tkops worked on it ({what}). tkops did not save, so that "
              "change is kept and nothing of this run was written. Close the workbook in Excel if it is open, then "
              "run the command again.",
        "zh": "tkops 处理期间，{file} 被其他人或程序修改了（{what}）。tkops 没有保存，因此那次修改得以保留，本次运行未写入"
              "任何内容。如工作簿在 Excel 中打开，请先关闭，然后重新运行此命令。",
    },
    "book_changed_bytes": {"en": "its contents differ from what was read", "zh": "内容与读取时不同"},
    "book_changed_gone": {"en": "it was moved or deleted", "zh": "文件被移动或删除"},
    "book_changed_created": {"en": "a file of that name appeared", "zh": "出现了同名文件"},
    "book_saved": {
        "en": "Saved {book}; the previous version is kept as {backup}.",
        "zh": "已保存 {book}；上一版本备份为 {backup}。",
    },
    "book_saved_new": {"en": "Saved {book} (a new workbook).", "zh": "已保存 {book}（新工作簿）。"},
    "book_saved_no_backup": {
        "en": "Saved {book} (no backup: the Backups setting is 0).",
        "zh": "已保存 {book}（未备份：Backups 设置为 0）。",
    },
    "unsafe_workbook": {
        "en": "{file} holds {parts}, which tkops cannot keep when saving. Nothing was changed.",
        "zh": "{file} 含有 tkops 保存时无法保留的内容：{parts}。未做任何更改。",
    },
    # What the package-level writer cannot carry (docs/ooxml.md#what-is-refused).
    "workbook_encrypted": {
        "en": "{file} is password-protected (encrypted) or is an old .xls file: tkops cannot read or save it. "
              "Nothing was changed. In Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
              "Password, clear it) and save it as an Excel Workbook (.xlsx or .xlsm), then run again.",
        "zh": "{file} 设有打开密码（已加密），或是旧的 .xls 文件：tkops 无法读取或保存。未做任何更改。请在 Excel 中取消"
              "密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），另存为 Excel 工作簿（.xlsx 或 .xlsm）后重试。",
    },
    "workbook_strict": {
        "en": "{file} is saved as Strict Open XML, which tkops does not write. Nothing was changed. In Excel, use "
              "File > Save As > Excel Workbook (*.xlsx), then run again.",
        "zh": "{file} 以“Strict Open XML”格式保存，tkops 不写入这种格式。未做任何更改。请在 Excel 中用“文件 > 另存为 > "
              "Excel 工作簿 (*.xlsx)”保存后重试。",
    },
    "workbook_binary": {
        "en": "{file} is an Excel Binary Workbook (.xlsb inside), which tkops does not write. Nothing was changed. "
              "In Excel, use File > Save As > Excel Workbook (*.xlsx), then run again.",
        "zh": "{file} 是 Excel 二进制工作簿（实为 .xlsb），tkops 不写入这种格式。未做任何更改。请在 Excel 中用“文件 > "
              "另存为 > Excel 工作簿 (*.xlsx)”保存后重试。",
    },
    "workbook_signed": {
        "en": "{file} is digitally signed: any change would break the signature. Nothing was changed. Work on an "
              "unsigned copy (in Excel: File > Info > View Signatures, remove the signature), then run again.",
        "zh": "{file} 带有数字签名：任何修改都会使签名失效。未做任何更改。请使用未签名的副本（在 Excel 中：文件 > 信息 > "
              "查看签名，删除签名）后重试。",
    },
    "workbook_part_unreadable": {
        "en": "{file}: tkops would have to rewrite the part {part} but cannot read it ({detail}). Nothing was "
              "changed. Open the workbook in Excel and save it again (Excel repairs damaged parts), then run again.",
        "zh": "{file}：tkops 需要改写其中的部件 {part}，但无法读取（{detail}）。未做任何更改。请在 Excel 中打开并重新保存"
              "该工作簿（Excel 会修复损坏的部件）后重试。",
    },
    "book_not_found": {
        "en": "{book}: no such workbook. Check the path of --book, or create the workbook first with tkops import "
              "(or tkops demo to try things out).",
        "zh": "{book}：工作簿不存在。请检查 --book 的路径，或先用 tkops import 创建工作簿（或用 tkops demo 试用）。",
    },
    "book_folder_missing": {
        "en": "The folder {folder} (of --book {book}) does not exist. Create it first, or give a --book in a folder "
              "that exists; nothing was written.",
        "zh": "--book {book} 所在的文件夹 {folder} 不存在。请先创建该文件夹，或指定已存在的文件夹中的工作簿；未写入任何内容。",
    },
    "book_is_folder": {
        "en": "--book {book} is a folder: give the workbook's file name, e.g. {book}/ops.xlsx.",
        "zh": "--book {book} 是一个文件夹：请给出工作簿文件名，例如 {book}/ops.xlsx。",
    },
    "book_read_while_open": {
        "en": "Note: {book} is open in Excel or another program; tkops read the version saved last.",
        "zh": "提示：{book} 正在被 Excel 或其他程序打开；tkops 读取的是最后保存的版本。",
    },
    "no_sheet": {
        "en": "{book} has no sheet named \"{sheet}\" (tkops finds its sheets by name). If you renamed it, rename it "
              "back to {sheet}; if you deleted it, {fix}",
        "zh": "{book} 中没有名为“{sheet}”的工作表（tkops 按名称查找工作表）。如果改过名，请改回 {sheet}；如果已删除，{fix}",
    },
    "fix_orders": {"en": "import the orders again (tkops import).", "zh": "请重新导入订单（tkops import）。"},
    "table_elsewhere": {
        "en": "{file}: the table \"{table}\" is on the sheet \"{sheet}\", not on a sheet named \"{table}\": tkops "
              "finds its "
              "sheets by name. Rename the sheet \"{sheet}\" back to \"{table}\" and run again; nothing was changed.",
        "zh": "{file}：表格“{table}”在工作表“{sheet}”上，而不是名为“{table}”的工作表上：tkops 按名称查找工作表。请把工作表“{sheet}”改回“{table}”"
              "后重试；未做任何更改。",
    },
    "bad_workbook": {
        "en": "{file}: {detail}",
        "zh": "{file}：{detail}",
    },
    "no_order_id_header": {
        "en": "the Orders sheet has no \"Order ID\" header in row 1; restore it (tkops finds its columns by name).",
        "zh": "Orders 工作表第 1 行没有“Order ID”表头；请恢复它（tkops 按名称查找列）。",
    },
    "duplicate_header": {
        "en": "sheet \"{sheet}\" has the header \"{column}\" twice; rename or delete one.",
        "zh": "工作表“{sheet}”中“{column}”表头出现了两次；请重命名或删除其中一个。",
    },
    "book.sheet_too_far": {
        "en": "{file}, sheet \"{sheet}\": a value at {ref} makes the sheet {cells} cells from A1, more than a sheet of "
              "the workbook may span ({limit}: Max Sheet Cells on the Settings sheet, at least 50,000,000). Reading "
              "it would take more memory than this computer has, so nothing was read or changed. Open the workbook "
              "in Excel, delete the rows and columns beyond your data (or the stray value at {ref}), save, and run "
              "the command again.",
        "zh": "{file}，工作表“{sheet}”：{ref} 处的值使该表从 A1 起共 {cells} 个单元格，超过工作簿中一个工作表允许的范围"
              "（{limit}：Settings 工作表的 Max Sheet Cells，至少 50,000,000）。读取它所需的内存超过本机所有，因此未读取也未"
              "修改任何内容。请在 Excel 中打开工作簿，删除数据以外的行和列（或 {ref} 处多余的值），保存后重新运行该命令。",
    },
}
