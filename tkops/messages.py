"""The message catalogue: every sentence tkops shows a person, in English and Chinese.

Messages are looked up by a stable code and filled with named parameters. Errors name the file, the row and the
column where they apply, and say what to do.
"""

from __future__ import annotations

import functools

from tkops.message_lookup import (  # noqa: F401 - the one lookup, used through this module too
    LANGUAGES,
    STRICT_ENV,
    MessageProblem,
    fill,
    placeholders,
    sentence,
    strict,
)

CATALOGUE: dict[str, dict[str, str]] = {
    # --- reading input files -------------------------------------------------------------------------------------
    "unknown_format": {
        "en": "{file}: no known format matches this file (sources tried: {sources}). Headers found: {headers}. "
              "Export the orders again from Seller Center (Orders > Export), or add a column mapping for this "
              "file in the Mappings sheet.",
        "zh": "{file}：没有任何已知格式能识别此文件（已尝试：{sources}）。文件表头：{headers}。请从 Seller Center"
              "（订单 > 导出）重新导出订单，或在 Mappings 工作表中为此文件添加列映射。",
    },
    "ambiguous_format": {
        "en": "{file}: several formats match this file ({sources}); tkops will not guess. Name one with "
              "--source NAME, or make the column mappings more specific.",
        "zh": "{file}：有多个格式都能识别此文件（{sources}），tkops 不会猜测。请用 --source 指定一个，或让列映射更具体。",
    },
    "mangled_ids": {
        "en": "{file}, row {row}, column \"{column}\": the ID \"{value}\" was damaged by Excel (shown in scientific "
              "notation or as a number, its last digits are lost). Do not open and save the export in Excel: "
              "download it again from Seller Center and give tkops the downloaded file as it is (or, in Excel, "
              "import it with Data > From Text/CSV and set the ID columns to Text).",
        "zh": "{file}，第 {row} 行，“{column}”列：ID “{value}” 已被 Excel 损坏（显示为科学计数法或数字，末几位已丢失）。"
              "请不要用 Excel 打开并保存导出文件：从 Seller Center 重新下载，直接交给 tkops（或在 Excel 中用“数据 > 从文本/CSV”导入，并把 ID 列设为文本）。",
    },
    "sheet_mangled_id": {
        "en": "Sheet \"{sheet}\", row {row}, column \"{column}\": the ID \"{value}\" is a number Excel has rounded "
              "(its last digits are lost). Format the column as Text and type the ID again (or start it with an "
              "apostrophe: '577...), or import the order export again.",
        "zh": "“{sheet}”工作表第 {row} 行“{column}”列：ID “{value}” 是被 Excel 四舍五入的数字（末几位已丢失）。请把该列设为"
              "文本格式后重新输入 ID（或以英文单引号开头：'577...），或重新导入订单导出文件。",
    },
    "missing_column": {
        "en": "{file}: the required column \"{column}\" is missing. Headers found: {headers}. Export with all "
              "columns, or map a column to \"{column}\" in the Mappings sheet.",
        "zh": "{file}：缺少必需的列“{column}”。文件表头：{headers}。请导出全部列，或在 Mappings 工作表中把某一列映射为“{column}”。",
    },
    "encoding": {
        "en": "{file}: the file is not UTF-8 text (first bad byte at position {position}). If you know its "
              "encoding, set Encoding in the Settings sheet or pass --encoding (e.g. gb18030, cp1252), or save it "
              "again as CSV UTF-8.",
        "zh": "{file}：文件不是 UTF-8 文本（第一个无法识别的字节位于 {position}）。如果知道其编码，请在 Settings 工作表"
              "中设置 Encoding 或使用 --encoding（例如 gb18030、cp1252），或重新另存为 CSV UTF-8。",
    },
    "encoding_setting": {
        "en": "{file}: the file cannot be read as {encoding} (the Encoding setting) at byte {position}. Check the "
              "Encoding setting.",
        "zh": "{file}：无法按 {encoding}（Encoding 设置）读取该文件，出错字节位于 {position}。请检查 Encoding 设置。",
    },
    "ambiguous_dates": {
        "en": "{file}, column \"{column}\": dates such as \"{value}\" could be day/month or month/day. Set Market in "
              "the Settings sheet (or pass --market, e.g. US or TH) so tkops knows the order.",
        "zh": "{file}，“{column}”列：像“{value}”这样的日期既可能是日/月也可能是月/日。请在 Settings 工作表中设置 Market"
              "（或使用 --market，例如 US 或 TH），以确定日期顺序。",
    },
    "bad_date": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" is not a date tkops can read (expected e.g. "
              "{examples}). Export again, or set the date format of this file's mapping.",
        "zh": "{file}，第 {row} 行，“{column}”列：无法识别日期“{value}”（应为例如 {examples}）。请重新导出，或设置该映射的日期格式。",
    },
    "bad_value": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" is not {expected}. Correct the cell or export "
              "again.",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”不是{expected}。请更正该单元格或重新导出。",
    },
    "expected_int": {"en": "a whole number", "zh": "整数"},
    "expected_number": {"en": "a number", "zh": "数字"},
    "too_many_rows": {
        "en": "{file}: {rows} {rows|order line|order lines} do not fit on one Excel sheet (1,048,575 at most). "
              "Import fewer files at once or use month-end on files.",
        "zh": "{file}：{rows} 行订单超出 Excel 单个工作表的上限（最多 1,048,575 行）。请分批导入。",
    },
    "file_not_found": {
        "en": "{file}: no such file. Check the path.",
        "zh": "{file}：文件不存在，请检查路径。",
    },
    "not_a_spreadsheet": {
        "en": "{file}: cannot be opened as {kind} ({detail}). Give tkops the file as downloaded (CSV or XLSX).",
        "zh": "{file}：无法作为 {kind} 打开（{detail}）。请提供原始下载的文件（CSV 或 XLSX）。",
    },
    "workbook_as_csv": {
        "en": "{file} is an Excel workbook with the ending \"{suffix}\": rename it to end in .xlsx and try again.",
        "zh": "{file} 是 Excel 工作簿，但扩展名是“{suffix}”：请把扩展名改为 .xlsx 后重试。",
    },
    "unknown_source": {
        "en": "Unknown source \"{name}\". Known sources: {sources}.",
        "zh": "未知的来源“{name}”。已知来源：{sources}。",
    },
    "bad_mapping": {
        "en": "Mapping \"{mapping}\" ({where}): {problem}",
        "zh": "映射“{mapping}”（{where}）：{problem}",
    },
    "bad_setting": {
        "en": "Setting \"{name}\" = \"{value}\" is not valid: {hint}",
        "zh": "设置“{name}” = “{value}”无效：{hint}",
    },
    "text_truncated": {
        "en": "{file}, row {row}, column \"{column}\": text longer than Excel's 32,767 characters was cut.",
        "zh": "{file}，第 {row} 行，“{column}”列：文本超过 Excel 的 32,767 字符上限，已截断。",
    },
    "inconsistent_order_value": {
        "en": "{file}, row {row}, column \"{column}\": \"{value}\" differs from the order's first line "
              "(\"{first}\"); the first line's value is kept.",
        "zh": "{file}，第 {row} 行，“{column}”列：“{value}”与该订单首行（“{first}”）不一致，已保留首行的值。",
    },
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
    # --- reports --------------------------------------------------------------------------------------------------
    "import_file_summary": {
        "en": "{file}: {source}, {rows} {rows|line|lines} read, {new} new, {updated} updated, {unchanged} unchanged"
              "{skipped}.",
        "zh": "{file}：{source}，读取 {rows} 行，新增 {new}，更新 {updated}，未变 {unchanged}{skipped}。",
    },
    "skipped_rows": {
        "en": " ({n} {n|row|rows} without order data skipped: TikTok's description row, empty rows)",
        "zh": "（跳过 {n} 行无订单数据的行：TikTok 的说明行、空行）",
    },
    "ignored_headers": {
        "en": "{file}: {n} column(s) not imported (tkops has no place for them): {headers}.",
        "zh": "{file}：有 {n} 列未导入（tkops 没有对应的列）：{headers}。",
    },
    "export_lacks": {
        "en": "{file}: the file has no {parts} column; the review does not ask its lines for these.",
        "zh": "{file}：文件中没有 {parts} 列；审核不会要求这些订单行填写它们。",
    },
    "file_market": {
        "en": "{file}: every address is in market {market}, so it is read as that shop's export: amounts without a "
              "currency in {currency} (Settings: {given}), dates by their own order, not by Market {settings} (set "
              "Date Order if they are ambiguous).",
        "zh": "{file}：所有地址都在 {market} 站点，因此按该站点店铺的导出文件读取：未注明币种的金额按 {currency}（设置为 "
              "{given}），日期按文件自身的顺序判断，而不是按站点 {settings}（如日期有歧义请设置 Date Order）。",
    },
    "already_imported": {
        "en": "{file} was already imported on {when}; nothing changed.",
        "zh": "{file} 已于 {when} 导入过；没有任何变化。",
    },
    "market_stored": {
        "en": "Market {market} written to the Settings sheet of {book} (it was blank): later commands read this "
              "book's times and --now in {zone}.",
        "zh": "已将站点 {market} 写入 {book} 的 Settings 工作表（原为空）：之后的命令按 {zone} 读取本工作簿的时间和 --now。",
    },
    "merge_kept": {
        "en": "{n} cells your team changed were kept (the platform still has the value tkops imported before).",
        "zh": "保留了团队修改过的 {n} 个单元格（平台上仍是 tkops 上次导入的值）。",
    },
    "merge_conflicts": {
        "en": "{n} cells were changed both by your team and by the platform: each was decided by its column's rule "
              "and both values are on the {sheet} sheet. Check them there.",
        "zh": "有 {n} 个单元格团队和平台都修改过：已按各列的规则处理，两个值都记录在 {sheet} 工作表中，请到该表核对。",
    },
    "merge_currency_kept": {
        "en": "{n} lines keep the Currency they were first imported with; this import named another (the file, "
              "--market or the Market setting). Currency is set once; change a cell by hand if it is wrong.",
        "zh": "{n} 行保留了首次导入时的币种；本次导入给出了不同的币种（来自文件、--market 或 Market 设置）。"
              "币种只在首次导入时设定；如有错误请手动修改。",
    },
    "merge_based": {
        "en": "tkops now keeps what it imported into {n} lines (hidden sheet tkops Base), so that later imports "
              "tell your edits from the platform's.",
        "zh": "tkops 现已记录 {n} 行的导入值（隐藏工作表 tkops Base），以后导入时可区分团队修改与平台变化。",
    },
    "conflict_kept_team": {"en": "team", "zh": "团队"},
    "conflict_kept_platform": {"en": "platform", "zh": "平台"},
    "nothing_changed": {
        "en": "Nothing changed in {book}; it was not rewritten.",
        "zh": "{book} 没有任何变化，未重写。",
    },
    "book_written": {
        "en": "Saved {book} ({lines} {lines|order line|order lines}); the previous version is kept as "
              "{backup}.",
        "zh": "已保存 {book}（{lines} 行订单）；上一版本备份为 {backup}。",
    },
    "book_created": {
        "en": "Created {book} ({lines} {lines|order line|order lines}).",
        "zh": "已创建 {book}（{lines} 行订单）。",
    },
    "files_failed": {
        "en": "{n} of {total} {total|file|files} could not be imported; see the messages above.",
        "zh": "{total} 个文件中有 {n} 个无法导入；请查看上面的信息。",
    },
    "template_error": {
        "en": "Template {template}, line {line}: {detail}. Fix the template (or the Settings entry that points to it).",
        "zh": "模板 {template}，第 {line} 行：{detail}。请修正该模板（或指向它的 Settings 设置）。",
    },
    "running": {"en": "tkops: {task} ...", "zh": "tkops：正在{task}……"},
    "unexpected": {
        "en": "{task} stopped because of an unexpected error ({kind}). Nothing was changed by the failed step. "
              "Details are in {log} beside the workbook.",
        "zh": "{task}因意外错误（{kind}）而停止，失败的步骤未做任何更改。详细信息见工作簿旁的 {log}。",
    },
    "task_import": {"en": "importing orders", "zh": "导入订单"},
    "no_import_folder": {
        "en": "No files chosen. Set Import Folder on the Settings sheet, or pick the export files when asked.",
        "zh": "未选择文件。请在 Settings 工作表中设置 Import Folder，或在提示时选择导出文件。",
    },
    "import_done": {
        "en": "{files} {files|file|files}, {new} new {new|line|lines}, {updated} updated; {failed} "
              "{failed|file|files} failed.",
        "zh": "{files} 个文件，新增 {new} 行，更新 {updated} 行；{failed} 个文件失败。",
    },
    "task_review": {"en": "reviewing orders", "zh": "审核订单"},
    "task_picklist": {"en": "making the pick list", "zh": "生成拣货单"},
    "task_slips": {"en": "printing packing slips", "zh": "生成装箱单"},
    "task_ship": {"en": "checking tracking and writing the upload file", "zh": "检查运单号并生成上传文件"},
    "task_clocks": {"en": "checking the deadlines", "zh": "检查时效"},
    "task_cases": {"en": "updating the after-sales cases", "zh": "更新售后案例"},
    "task_replies": {"en": "drafting replies", "zh": "生成回复草稿"},
    "task_followup": {"en": "listing stalled shipments", "zh": "列出物流超时订单"},
    "task_summary": {"en": "summarising after-sales", "zh": "汇总售后"},
    "task_pull": {"en": "pulling from TikTok Shop", "zh": "从 TikTok Shop 拉取订单"},
    "task_evidence": {"en": "packing the dispute evidence", "zh": "打包纠纷证据"},
    "task_month_end": {"en": "writing the month-end report", "zh": "生成月末报告"},
    "button.needs_api_app": {
        "en": "{task}: this button needs your own TikTok Shop API app. Most teams do not have one: use Import orders "
              "with the Seller Center exports instead. With an app: put its key in API App Key on the Settings sheet "
              "and run tkops connect once (docs/setup.md).",
        "zh": "{task}：此按钮需要店铺自己的 TikTok Shop API 应用。大多数团队没有：请改用“导入订单”导入 Seller Center 导出文件。"
              "若有应用：在 Settings 表的 API App Key 填写其 Key，并运行一次 tkops connect（见 docs/setup.md）。"},
    "button.needs_api_app_ship": {
        "en": "{task}: this button needs your own TikTok Shop API app. Without one, click Ship and upload the "
              "file it writes in Seller Center (Orders > Ship in bulk). With an app: put its key in API App Key on "
              "the Settings sheet and run tkops connect once.",
        "zh": "{task}：此按钮需要店铺自己的 TikTok Shop API 应用。没有应用时，请点击“发货上传”，把生成的文件在 Seller Center"
              "（订单 > 批量发货）上传。若有应用：在 Settings 表的 API App Key 填写其 Key，并运行一次 tkops connect。"},
    "button.select_case": {
        "en": "Evidence packs one case: go to the AfterSales sheet, click any cell in the row of the case, then click "
              "Evidence (the selection was on \"{sheet}\").",
        "zh": "证据包针对单个案例：请到 AfterSales 表，点击该案例所在行的任一单元格，再点击“证据包”（当前选中的是“{sheet}”）。"},
    "button.select_case_empty": {
        "en": "Row {row} of the AfterSales sheet has no Case ID: click a cell in the row of a case, then Evidence.",
        "zh": "AfterSales 表第 {row} 行没有 Case ID：请点击某个案例所在行的单元格，再点击“证据包”。"},
    "button.month_end_no_files": {
        "en": "No order exports for the month-end report: put the month's order exports (and Return/Refund exports) "
              "in a folder and name it in Month-end Folder on the Settings sheet (or fill in Import Folder and "
              "Returns Folder). Report Month says which month (blank: the month before this one).",
        "zh": "没有可用于月末报告的订单导出：请把当月订单导出（及退货/退款导出）放进一个文件夹，并在 Settings 表的 Month-end Folder "
              "中填写该文件夹（或填写 Import Folder 和 Returns Folder）。Report Month 指定月份（留空为上个月）。"},
    "task_push": {"en": "uploading tracking to TikTok Shop", "zh": "上传运单号到 TikTok Shop"},
    "task_archive": {"en": "moving closed orders to history", "zh": "将已关闭订单移入历史"},
    "no_orders": {
        "en": "The Orders sheet of {book} has no order lines yet: import orders first.",
        "zh": "{book} 的 Orders 工作表还没有订单：请先导入订单。",
    },
    "review_saved": {"en": "Review written to {book} (sheets Orders and Review).",
                     "zh": "审核结果已写入 {book}（Orders 与 Review 工作表）。"},
    "legend": {"en": "Colours on Orders", "zh": "Orders 表颜色说明"},
    "legend_error": {"en": "error: fix before shipping", "zh": "错误：发货前必须处理"},
    "legend_warning": {"en": "warning: check", "zh": "警告：请核对"},
    "legend_info": {"en": "info", "zh": "提示"},
    "summary_title": {"en": "Review summary", "zh": "审核汇总"},
    "shortfall_line": {"en": "short: {sku} needs {needed}, on hand {on_hand}, short {short}",
                       "zh": "缺货：{sku} 需要 {needed}，库存 {on_hand}，缺 {short}"},
    "ship_summary": {
        "en": "{exported} {exported|order line|order lines} in the upload file {file}; {rejected} "
              "{rejected|line|lines} held back (below).",
        "zh": "上传文件 {file} 含 {exported} 行订单；{rejected} 行未上传（见下）。",
    },
    "ship_summary_all": {
        "en": "{exported} {exported|order line|order lines} in the upload file {file}; none held back.",
        "zh": "上传文件 {file} 含 {exported} 行订单；没有未上传的行。",
    },
    "ship_summary_none": {
        "en": "No upload file written: no line is ready to upload; {rejected} {rejected|line|lines} held back (below).",
        "zh": "未生成上传文件：没有可上传的行；{rejected} 行未上传（见下）。",
    },
    "ship_summary_nothing": {
        "en": "No upload file written: no line has a tracking number that is not uploaded yet.",
        "zh": "未生成上传文件：没有尚未上传的运单号。",
    },
    "returns_given_as_orders": {
        "en": "{file} is a Return/Refund export (it has a Return Order ID column), not an order export. Import "
              "order exports from Seller Center > Orders > Export orders; return exports belong to the after-sales "
              "steps.",
        "zh": "{file} 是退货/退款导出文件（含 Return Order ID 列），不是订单导出文件。请从 Seller Center > 订单 > 导出订单 导出订单文件；退货导出文件用于售后步骤。",
    },
    "cases_summary": {
        "en": "AfterSales: {cases} {cases|case row|case rows} ({new} new, {updated} updated; {cancelled} cancelled "
              "{cancelled|order|orders}).",
        "zh": "售后（AfterSales）：共 {cases} 行案例（新增 {new}，更新 {updated}；已取消订单 {cancelled} 个）。",
    },
    "cases_cancelled_why": {"en": "Cancelled order: nothing to resolve; its cause counts in the summary",
                            "zh": "已取消订单：无需处理；其原因计入售后汇总"},
    "replies_summary": {
        "en": "Reply drafts: {cases} {cases|case|cases} on AfterSales (Reply Text, with Reply Says for you), "
              "{reviews} {reviews|review|reviews} on "
              "Reviews (public reply and private message). Drafts you edited are kept; clear a cell for a new one.",
        "zh": "回复草稿：AfterSales 表 {cases} 个案例（Reply Text，Reply Says 为中文说明），Reviews 表 {reviews} 条评价（公开回复和"
              "私信）。已修改的草稿不会被覆盖；清空单元格即可重新生成。",
    },
    "followup_summary": {
        "en": "Follow-up: {orders} shipped {orders|order|orders} not delivered in time, with a message to send "
              "(FollowUp sheet).",
        "zh": "物流跟进：{orders} 个已发货订单超时未签收，已生成主动联系买家的消息（FollowUp 表）。",
    },
    "no_cases": {
        "en": "{book} has no cases on its AfterSales sheet yet. Run tkops cases (or the Cases button) first.",
        "zh": "{book} 的 AfterSales 表中还没有案例。请先运行 tkops cases（或点击“售后案例”按钮）。",
    },
    "summary_done_some": {
        "en": "AfterSalesSummary written: {cases} {cases|case row|case rows} summed; the first {shown} of the {pairs} "
              "SKU-cause pairs to fix (all of them on the AfterSalesSummary sheet):",
        "zh": "已写入 AfterSalesSummary：汇总 {cases} 行案例；共 {pairs} 个 SKU-原因组合需处理，以下为前 {shown} 个（全部见 AfterSalesSummary 表）：",
    },
    "summary_done": {
        "en": "AfterSalesSummary written: {cases} {cases|case row|case rows} summed; the {pairs} {pairs|SKU-cause "
              "pair|SKU-cause pairs} to fix first:",
        "zh": "已写入 AfterSalesSummary：汇总 {cases} 行案例；最需要处理的 {pairs} 个 SKU-原因组合：",
    },
    "summary_charts": {"en": "Charts (causes, monthly trend): {file}", "zh": "图表（原因分布、月度趋势）：{file}"},
    "aftersales_summary_title": {"en": "After-sales summary", "zh": "售后汇总"},
    "summary_made": {"en": "Made by tkops on {time} from the AfterSales, Orders and Reviews sheets.",
                     "zh": "tkops 于 {time} 根据 AfterSales、Orders 和 Reviews 表生成。"},
    "summary_none": {"en": "(nothing yet)", "zh": "（暂无）"},
    "summary_top": {"en": "Fix first: SKU and cause, the action and who owns it",
                    "zh": "优先处理：SKU 与原因、行动和负责方"},
    "summary_cause_sku": {"en": "Cases and cost by cause and SKU", "zh": "按原因和 SKU 的案例数与费用"},
    "summary_cause_month": {"en": "Cases and cost by month and cause", "zh": "按月份和原因的案例数与费用"},
    "summary_type_carrier": {"en": "Cases and cost by case type and carrier", "zh": "按案例类型和承运商的案例数与费用"},
    "summary_sku_health": {"en": "Return rate and health per SKU", "zh": "各 SKU 的退货率与健康度"},
    "summary_chart_sheet": {"en": "Charts", "zh": "图表"},
    "summary_chart_causes": {"en": "Cases by cause", "zh": "按原因的案例数"},
    "summary_chart_trend": {"en": "Cases per month by cause", "zh": "每月案例数（按原因）"},
    "summary_col_rank": {"en": "Rank", "zh": "排名"},
    "summary_col_sku": {"en": "Seller SKU", "zh": "卖家 SKU"},
    "summary_col_product": {"en": "Product", "zh": "商品"},
    "summary_col_cause": {"en": "Cause", "zh": "原因"},
    "summary_col_cases": {"en": "Cases", "zh": "案例数"},
    "summary_col_return_rate": {"en": "Return Rate", "zh": "退货率"},
    "summary_col_cost": {"en": "Cost", "zh": "费用"},
    "summary_col_currency": {"en": "Currency", "zh": "币种"},
    "summary_col_action": {"en": "Action", "zh": "行动"},
    "summary_col_owners": {"en": "Owners", "zh": "负责方"},
    "summary_col_units": {"en": "Units", "zh": "件数"},
    "summary_col_refund": {"en": "Refund Cost", "zh": "退款金额"},
    "summary_col_reship": {"en": "Reship Cost", "zh": "补发成本"},
    "summary_col_month": {"en": "Month", "zh": "月份"},
    "summary_col_case_type": {"en": "Case Type", "zh": "案例类型"},
    "summary_col_carrier": {"en": "Carrier", "zh": "承运商"},
    "summary_col_shipped": {"en": "Units Shipped", "zh": "发货件数"},
    "summary_col_refund_rate": {"en": "Refund Rate", "zh": "退款率"},
    "summary_col_negative": {"en": "Negative Reviews", "zh": "差评数"},
    "summary_col_negative_rate": {"en": "Negative Review Rate", "zh": "差评率"},
    "summary_col_top_cause": {"en": "Top Cause", "zh": "主要原因"},
    "api_connect_ask_secret": {"en": "App secret of the TikTok Shop API app (hidden; kept in the system keyring): ",
                               "zh": "TikTok Shop API 应用的 App Secret（输入不显示；保存在系统钥匙串中）："},
    "api_connected": {
        "en": "Connected: seller {seller} ({region}); the authorisation lasts until {until}; scopes: {scopes}. "
              "Shops it covers:",
        "zh": "已连接：卖家 {seller}（{region}）；授权有效期至 {until}；权限：{scopes}。可用店铺：",
    },
    "api_pick_shop": {"en": "Several shops: put the one to use in the API Shop setting.",
                      "zh": "有多个店铺：请在设置表的 API Shop 中填写要使用的店铺。"},
    "cases_file": {"en": "  {file}: {rows} rows read", "zh": "  {file}：读取 {rows} 行"},
    "cases_due": {
        "en": "Platform deadline: {late} {late|case|cases} past it, {soon} due soon (the Due cells are coloured).",
        "zh": "平台处理时限：已超时 {late} 个，即将到期 {soon} 个（Due 单元格已标色）。",
    },
    "warning": {"en": "Warning: {text}", "zh": "警告：{text}"},
    "error": {"en": "Error: {detail}", "zh": "错误：{detail}"},
    "demo_done": {
        "en": "Demo workbook: {book}\nOpen it in Excel or LibreOffice. Settings holds the shop's name, return address "
              "and QC points; Inventory the stock loaded from a stock file (tkops stock); Orders both shops' orders, "
              "the team's columns first, problems coloured and named in Issues, a Review Status, the pick wave, the "
              "team's ticks and the deadlines; Review each problem with a message to the buyer (the Thai buyer's "
              "two orders ticked Combine); PickList is ready to print; ShipLog records the upload; AfterSales holds "
              "the month's cases with a suggestion, its cost and a reply draft; Reviews a one-star review with its "
              "public reply and private message; FollowUp the shipments to chase; AfterSalesSummary what to fix "
              "first.\nPrinted files in {folder}: the pick list, the packing slips (buyers' orders that ship "
              "together side by side, the Thai pair as one slip), the packing checklist, the upload file, the "
              "after-sales charts, the evidence pack of a disputed case and the month-end report.",
        "zh": "演示工作簿：{book}\n用 Excel 或 LibreOffice 打开。Settings 表有店铺名称、退货地址和质检要点；Inventory 表为从库存文件"
              "导入的库存（tkops stock）；Orders 表包含两个店铺的订单，团队列在最前，问题单元格已着色并在 Issues 中说明，每行有审核状态、"
              "拣货波次、团队勾选和时效；Review 表列出每个问题及给买家的消息（泰国买家的两个订单已勾选 Combine）；PickList 可直接打印；"
              "ShipLog 记录上传；AfterSales 为本月售后案例，含建议方案、费用和回复草稿；Reviews 表有一条一星差评及公开回复和私信；"
              "FollowUp 表列出需跟进的包裹；AfterSalesSummary 列出最需处理的问题。\n打印文件在 {folder}：拣货单、装箱单（同一买家"
              "合并发货的订单相邻，泰国买家的两单合为一张）、打包核对单、上传文件、售后图表、纠纷案例的证据包和月末报告。",
    },
}


def render(code: str, lang: str = "en", **params) -> str:
    """The message ``code`` in ``lang`` (en or zh; anything else falls back to en), filled with ``params``.

    Parameters that are message codes themselves (e.g. ``expected="expected_int"``) are translated too.
    """
    entry = CATALOGUE.get(code) or _section_entry(code)
    template = sentence(entry, code, lang)
    if template is None:
        return f"{code}: {params}"
    filled = {}
    for key, value in params.items():
        if isinstance(value, str) and key in _TRANSLATED and (value in CATALOGUE or _is_part(value)):
            value = render(value, lang)
        filled[key] = value
    return fill(template, filled, code)


#: Parameters whose value may be a message code, rendered in the same language.
_TRANSLATED = ("expected", "hint", "problem", "detail", "what", "advice", "rule", "fix")


def _is_part(value: str) -> bool:
    """True for the sentence parts of the door's catalogue (``what.pdf``, ``advice.unzip``, ``rule.*``)."""
    return value.startswith(("what.", "advice.", "rule.")) and _section_entry(value) is not None


#: Catalogues kept beside the code they speak for (review rules, tracking checks, clocks): one lookup for all.
_SECTION_CATALOGUES = ("tkops.sources.catalogue", "tkops.review.catalogue", "tkops.stock.catalogue",
                       "tkops.shipping.catalogue", "tkops.clocks.catalogue", "tkops.picking.catalogue",
                       "tkops.slips.catalogue", "tkops.aftersales.returns_catalogue",
                       "tkops.aftersales.catalogue", "tkops.aftersales.evidence_catalogue",
                       "tkops.aftersales.month_end_catalogue", "tkops.api.catalogue",
                       "tkops.history.catalogue", "tkops.pack.catalogue")


@functools.lru_cache(maxsize=None)  # the catalogues are constants; the pack station renders on every scan
def _section_entry(code: str):
    """An entry of a section catalogue (imported when first needed, to keep this module free of cycles)."""
    import importlib

    for module in _SECTION_CATALOGUES:
        entry = importlib.import_module(module).CATALOGUE.get(code)
        if entry is not None:
            return entry
    return None
