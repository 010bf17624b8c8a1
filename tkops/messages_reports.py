"""The sentences of the steps' reports: what each job did, counted, in the team's language.

Looked up through :func:`tkops.messages.render` like every section catalogue (one lookup, strict under tests).
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
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
