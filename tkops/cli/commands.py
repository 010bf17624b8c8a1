"""Every ``tkops`` command, in the order of the team's day: what it is called, its help, its options and the job it
runs. Adding a command is adding an entry here (and its line in the README); see docs/architecture.md."""

from __future__ import annotations

from pathlib import Path

from tkops.cli import standalone
from tkops.cli.session import mappings, shop_time, stock_mappings
from tkops.cli.table import Command, opt


def book(help_text: str, required: bool = True):
    """The --book option, with what the command does with the workbook."""
    return opt("--book", required=required, help=help_text)


def now(help_text: str = "shop-local time to run as of, e.g. 2026-11-25T11:30 (default: now)"):
    """The --now option: run as of a shop-local time (tests, re-runs of a past day)."""
    return opt("--now", help=help_text)


MARKET = opt("--market", help="shop market (US, UK, TH, VN, ...): dates, money and lines without a country")
ENCODING = opt("--encoding", help="encoding of non-UTF-8 files, e.g. gb18030 or cp1252")
DATE_ORDER = opt("--date-order", choices=("MDY", "DMY"), help="day/month order of the files' dates")
TZ = opt("--tz", help="shop time zone, e.g. America/Los_Angeles")
OUT_FOLDER = opt("--out", help="folder for the files (default: the Output Folder setting)")


def _kpi_period(args):
    return (shop_time(args.kpi[0], "--kpi"), shop_time(args.kpi[1], "--kpi")) if args.kpi else None


COMMANDS: tuple[Command, ...] = (
    Command(
        "import", "import order exports into the Orders sheet of a workbook",
        "Import TikTok Seller Center order exports, Mabang/DianXiaoMi exports or any mapped export into the Orders "
        "sheet; team columns are kept.",
        (opt("files", nargs="+", metavar="FILE", help="order export files (CSV, XLSX)"),
         book("the workbook to update (created if missing), e.g. ops.xlsx"), MARKET, ENCODING, DATE_ORDER, TZ,
         opt("--source", help="force a source (tiktok_export, mabang, dianxiaomi or a mapping's name)"),
         opt("--mapping", action="append", metavar="TOML", help="a column-mapping file (repeatable)"),
         opt("--failfast", action="store_true", help="stop at the first file that fails")),
        run=standalone.run_import, creates_book=True),
    Command(
        "stock", "load stock (on hand, bins, cost, barcodes) into Inventory",
        "Load stock files into the Inventory sheet, upserted by Seller SKU (and Bin when the file has bins): TikTok "
        "Seller Center's product export, Mabang or DianXiaoMi stock exports, a file with the Inventory headers, or "
        "any file through a stock mapping. The team's columns and rows are kept; nothing is written when a file "
        "cannot be read. The review then checks SKUs and stock against Inventory.",
        (opt("files", nargs="+", metavar="FILE", help="stock files (CSV, XLSX)"),
         book("the workbook to update (created if missing), e.g. ops.xlsx"),
         opt("--mapping", action="append", metavar="TOML",
             help="a stock mapping file: their headers -> Seller SKU, On Hand, Bin, ... (repeatable)"),
         opt("--source", help="force a format (tkops_inventory, tiktok_products, mabang_stock, dianxiaomi_stock or a "
                              "mapping's name)"),
         opt("--encoding", help="encoding of non-UTF-8 files, e.g. gb18030"),
         opt("--market", help="shop market (US, UK, TH, ...): currency of costs that name none")),
        job="tkops.jobs.stock:run_stock", creates_book=True,
        call=lambda job, bk, settings, args: job(args.files, bk, settings, stock_mappings(bk, args), args.source),
        exit_code=lambda report: max((f.error.exit_code for f in report.failed), default=0)),
    Command(
        "ledger", "bring the stock ledger (StockLog) and On Hand up to date",
        "Record the stock movements not on the StockLog sheet yet (lines exported or shown shipped, orders cancelled "
        "after shipping, returns ticked Received on AfterSales, adjust and count rows typed on StockLog, On Hand "
        "typed on Inventory as a recount) and write On Hand = last count + movements since on Inventory. Import, "
        "pull, stock, ship and cases do this too; running it twice moves nothing twice.",
        (book("the workbook with the Inventory and StockLog sheets"),
         now("shop-local time of the movements recorded (default: now)")),
        job="tkops.jobs.stock_ledger:run_ledger",
        call=lambda job, bk, settings, args: job(bk, settings, shop_time(args.now))),
    Command(
        "pack", "check packed items against their orders from a file of scans",
        "The pack station without Excel: each line of the scans file is one scan (an order barcode from the packing "
        "slip, then its items' barcodes or Seller SKUs; OVERRIDE: reason marks the open order packed as it is). Every "
        "scan gets a verdict (PackLog sheet); complete orders get Packed, QC OK, Packed By and Packed At on Orders; "
        "the Pack sheet shows the last scan.",
        (book("the workbook with the Orders and Inventory sheets"),
         opt("--scans", required=True, metavar="FILE", help="a text file, one scanned code a line"),
         opt("--packer", help="who packs (Packed By; default: the computer's user name)"),
         now("shop-local time written as Packed At (default: now)")),
        job="tkops.jobs.pack:run_pack_file",
        call=lambda job, bk, settings, args: job(bk, settings, args.scans, args.packer, shop_time(args.now))),
    Command(
        "reorder", "list what to reorder: sales velocity, days of cover, suggested quantities",
        "Write the Reorder sheet: per stock SKU, units sold in the last 7 and 30 days (Orders and history, bundles "
        "as their components, cancelled lines left out), velocity per day (the higher of the two rates), days of "
        "cover and the suggested order quantity for Lead Time Days + Cover Days (Inventory, else Suppliers, else "
        "Settings); SKUs below their reorder point are coloured.",
        (book("the workbook with the Orders, Inventory and Suppliers sheets"),
         now("as of this shop-local time, e.g. 2026-11-30T09:00 (default: now)")),
        job="tkops.jobs.reorder:run_reorder",
        call=lambda job, bk, settings, args: job(bk, settings, shop_time(args.now))),
    Command(
        "review", "flag what needs a human before shipping",
        "Check every order line (address, phone, SKU and stock, buyer message, combinable and risky orders, timing): "
        "colour the offending cells on Orders, set Review Status, list each problem on the Review sheet with a "
        "message to the buyer.",
        (book("the workbook whose Orders sheet to review"), MARKET,
         opt("--tz", help="shop time zone, e.g. America/Los_Angeles (for the 1-hour hold after payment)"),
         now("review as of this shop-local time, e.g. 2026-11-25T11:30 (default: now)")),
        job="tkops.jobs.review:run_review", footer="review_saved",
        call=lambda job, bk, settings, args: job(bk, settings, shop_time(args.now))),
    Command(
        "ship", "check tracking IDs and write the Seller Center upload file",
        "Check every Tracking ID on Orders (carrier format and check digit, provider, duplicates, packed lines "
        "without one) and write the bulk-shipping upload file (sheet \"Shipping info\") with the valid lines not "
        "exported before.",
        (book("the workbook whose Orders sheet holds the tracking IDs"),
         opt("--out", help="the upload file (default: \"Shipping info <time>.xlsx\" in the Output Folder)"),
         opt("--tracking", action="append", metavar="FILE",
             help="a carrier/3PL/warehouse file (CSV, XLSX) whose tracking numbers go onto Orders first, never over "
                  "a different number (repeatable)"),
         opt("--mapping", action="append", metavar="TOML",
             help="a column-mapping file for --tracking files (repeatable; the Mappings sheet's mappings are always "
                  "used)"),
         ENCODING),
        job="tkops.jobs.ship:run_ship",
        call=lambda job, bk, settings, args: job(
            bk, settings, Path(args.out) if args.out else None, tracking_files=args.tracking or (),
            mappings=mappings(bk, args) if args.tracking else ())),
    Command(
        "picklist", "print the pick list of the lines released for picking",
        "Lines with Review Status Ready and not yet picked, bundles expanded, in waves (single-item orders apart), "
        "one line per SKU and bin in walking order: written to the PickList sheet (set up for printing), an HTML "
        "page and a PDF; the Orders sheet records each line's wave.",
        (book("the workbook whose Orders sheet to pick from"),
         opt("--out", help="folder for the HTML and PDF (default: the Output Folder setting)"),
         opt("--again", action="store_true", help="include lines already in a wave but not picked (reprint)"),
         now("shop-local time stamped on the files, e.g. 2026-11-25T12:00 (default: now)")),
        job="tkops.jobs.picklist:run_picklist",
        call=lambda job, bk, settings, args: job(bk, settings, args.out, shop_time(args.now),
                                                 include_waved=args.again)),
    Command(
        "slips", "print packing slips and the packing checklist",
        "Packing slips (HTML and PDF, a page per order, in pick order, with barcode and QR code of the order ID) and "
        "the packing checklist for the orders being picked: lines in a wave and not yet packed (else the released "
        "ones).",
        (book("the workbook whose Orders sheet to print slips for"), OUT_FOLDER,
         opt("--layout", type=str.casefold, choices=("a4", "a6", "4x6"),
             help="slip size: A4, A6 or 4x6 (default: the Slip Layout setting)"),
         opt("--wave", type=int, action="append", metavar="N", help="only this wave (repeatable)"),
         opt("--order", action="append", metavar="ID", help="only this order (repeatable)"),
         now("shop-local time stamped on the files (default: now)")),
        job="tkops.jobs.slips:run_slips", read_only=True,  # slips change no workbook
        call=lambda job, bk, settings, args: job(bk, settings, args.out, shop_time(args.now), layout=args.layout,
                                                 waves=args.wave, orders=args.order)),
    Command(
        "labels", "print Code 128 labels for SKUs without a barcode (and bins)",
        "Code 128 labels of every Seller SKU on the Inventory sheet that has no Barcode (the pack station takes the "
        "scan as that SKU) and, with --bins, of every Bin: a PDF of A4 sheets (3 x 8 labels of 70 x 37 mm) and/or "
        "one of 2 x 1 inch thermal labels. Rows whose code cannot be printed are listed and left out.",
        (book("the workbook whose Inventory sheet to label"), OUT_FOLDER,
         opt("--size", type=str.casefold, choices=("a4", "thermal", "both"), default="both",
             help="label stock: A4 sheets, 2 x 1 inch thermal labels, or both (default)"),
         opt("--bins", action="store_true", help="also one label per distinct Bin"),
         now("shop-local time stamped on the file names (default: now)")),
        job="tkops.jobs.barcode_labels:run_barcode_labels", read_only=True,  # labels change no workbook
        call=lambda job, bk, settings, args: job(bk, settings, args.out, shop_time(args.now), size=args.size,
                                                 bins=args.bins)),
    Command(
        "clocks", "check the SOP deadlines of every order",
        "Review, print, pack, dispatch, auto-cancel, deliver-by and cancellation-request due times of every open "
        "order in the shop's time zone (TikTok's own deadlines where the Open API gave them), coloured ok / due soon "
        "/ late on the Orders sheet; uploaded tracking not yet scanned; KPIs for a period.",
        (book("the workbook whose Orders sheet to check"),
         opt("--market", help="market for lines without a country (US, UK, TH, ...; default: the Settings sheet's "
                              "Market, else the one market of the book's lines)"),
         opt("--tz", help="shop time zone of the sheet's times and --now, e.g. America/Los_Angeles (default: the "
                          "Settings sheet's, else the market's)"),
         now("check as of this shop-local time, e.g. 2026-11-25T16:00 (default: now)"),
         opt("--kpi", nargs=2, metavar=("FROM", "TO"),
             help="also print the KPIs of orders paid from FROM up to (not including) TO, e.g. 2026-11-01 "
                  "2026-12-01")),
        job="tkops.jobs.clocks:run_clocks",
        call=lambda job, bk, settings, args: job(bk, settings, shop_time(args.now), kpi_period=_kpi_period(args))),
    Command(
        "cases", "update the after-sales case log (AfterSales sheet)",
        "Read Seller Center Return/Refund exports and the cancelled orders on Orders into the AfterSales sheet (team "
        "columns kept): case type and cause from the Reasons sheet, the suggested resolution with its cost from the "
        "Resolutions sheet, and the platform's deadline coloured.",
        (book("the workbook with the Orders and AfterSales sheets"),
         opt("--returns", action="append", metavar="FILE", help="a Return/Refund export (repeatable)"),
         opt("--market", help="shop market for the exports' dates and money (US, UK, TH, ...)"), ENCODING,
         now("as of this shop-local time, e.g. 2026-11-26T10:00 (default: now)")),
        job="tkops.jobs.cases:run_cases",
        call=lambda job, bk, settings, args: job(bk, settings, args.returns or (), shop_time(args.now))),
    Command(
        "replies", "draft replies to cases and negative reviews",
        "Draft a reply in the buyer's language for every open case on AfterSales without one (apologise first, one "
        "clear solution), with a line for the team saying what it says; and a public reply and a private message "
        "for every low-rated review on the Reviews sheet. Drafts you edited are kept.",
        (book("the workbook with the AfterSales and Reviews sheets"),),
        job="tkops.jobs.replies:run_replies", call=lambda job, bk, settings, args: job(bk, settings)),
    Command(
        "followup", "list shipped orders not delivered in time",
        "Shipped orders with no delivery after the market's days (FollowUpDays sheet) and no case yet, with a "
        "proactive message to the buyer, on the FollowUp sheet.",
        (book("the workbook with the Orders sheet"), now("as of this shop-local time (default: now)")),
        job="tkops.jobs.replies:run_followup",
        call=lambda job, bk, settings, args: job(bk, settings, shop_time(args.now))),
    Command(
        "summary", "after-sales pivots: causes by SKU, month, carrier",
        "Write the AfterSalesSummary sheet from the AfterSales cases: the SKU-cause pairs to fix first with the "
        "action and owner (CauseActions sheet), cases and cost by cause x SKU, cause x month, case type x carrier, "
        "and the return rate per SKU; plus a chart workbook in the Output Folder.",
        (book("the workbook with the AfterSales sheet"),
         opt("--out", help="folder for the chart workbook (default: the Output Folder setting)"),
         opt("--top", type=int, default=20, help="how many SKU-cause pairs to list (default 20)"),
         now("shop-local time stamped on the summary (default: now)")),
        job="tkops.jobs.summary:run_summary",
        call=lambda job, bk, settings, args: job(bk, settings, args.out, shop_time(args.now), top=args.top)),
    Command(
        "month-end", "the month-end report from export files alone",
        "Read a month's (or a year's) order and Return/Refund exports and write a report workbook with charts and an "
        "HTML summary: orders and sales, cancellations by reason, return and refund rates and costs, response "
        "times, the fulfilment KPIs, per-SKU health and the action list by owner. Needs no Excel.",
        (opt("--month", required=True, help="the month to report, e.g. 2026-11"),
         opt("--orders", nargs="+", metavar="FILE",
             help="order exports (CSV, XLSX); without them, the order lines of --book (Orders and its history)"),
         opt("--returns", nargs="*", metavar="FILE", help="Return/Refund exports (CSV, XLSX)"),
         book("the team's workbook (Reasons, Inventory costs, AfterSales, Reviews); read only", required=False),
         opt("--out", required=True, help="folder for the report workbook and the HTML summary"),
         opt("--market", help="shop market for the files' dates and money (US, UK, TH, ...)"), ENCODING, DATE_ORDER,
         TZ, opt("--top", type=int, default=20, help="how many SKU-cause pairs in the action list (default 20)"),
         now("shop-local time for the KPIs' open clocks (default: now)")),
        run=standalone.run_month_end),
    Command(
        "archive", "move closed orders from Orders to the history store",
        "Move the lines of delivered, completed and cancelled orders with no open after-sales case, closed more than "
        "Keep Closed Days ago (Settings, default 30), from the Orders sheet to the history store beside the workbook "
        "(<book>.tkops-history). Every import and pull does this too.",
        (book("the workbook whose closed orders to archive"),
         opt("--before", metavar="DATE", help="archive the orders closed before this day (YYYY-MM-DD) instead"),
         opt("--dry-run", action="store_true", help="only say how many lines would move"),
         now("as of this shop-local time (default: now)")),
        job="tkops.jobs.archive:run_archive", lines=lambda report, lang: report.text(lang),
        call=lambda job, bk, settings, args: job(bk, settings, args.before, args.dry_run, shop_time(args.now))),
    Command(
        "history", "find an archived order, or export a month of lines",
        "Read the history store back: 'find ORDER_ID' writes an archived order's lines to the History sheet; "
        "'export --month YYYY-MM' writes the month's lines (history and Orders) to an xlsx in the Output Folder.",
        (opt("action", choices=("find", "export"), help="find an order, or export a month"),
         opt("order", nargs="?", metavar="ORDER_ID", help="the Order ID to find"),
         book("the workbook whose history to read"),
         opt("--month", help="the month to export, e.g. 2026-11"),
         opt("--out", help="the xlsx file or folder to write (default: the Output Folder setting)"),
         now("shop-local time stamped on the file (default: now)")),
        job="tkops.jobs.history:run_history", lines=lambda report, lang: report.text(lang),
        call=lambda job, bk, settings, args: job(bk, settings, args.action, args.order, args.month, args.out,
                                                 shop_time(args.now))),
    Command(
        "connect", "connect to your TikTok Shop API app (once)",
        "Trade the authorisation code of your TikTok Shop API app for tokens, kept in the system keyring with the "
        "app secret (asked once, hidden); lists the shops. The Settings sheet holds only API App Key and API Shop.",
        (book("the workbook whose Settings name the API App Key"),
         opt("--code", required=True, help="the authorisation code TikTok Shop gave (valid 30 minutes)")),
        run=standalone.run_connect),
    Command(
        "pull", "pull orders, returns and cancellations from TikTok Shop",
        "Fetch the orders updated since the last pull (every page, details in batches of 50) into Orders, and "
        "returns and cancellations into AfterSales, the same rows as the exports give. A failed pull writes "
        "nothing; the next one resumes.",
        (book("the workbook to update"),
         opt("--days", type=int, default=7, help="how far back the first pull goes (default 7 days)"),
         now("pull up to this shop-local time (default: now)")),
        job="tkops.jobs.pull:run_pull", creates_book=True,
        call=lambda job, bk, settings, args: job(bk, settings, now=shop_time(args.now), days=args.days)),
    Command(
        "push-tracking", "upload checked tracking numbers to TikTok Shop",
        "Upload the tracking numbers that pass the ship checks (never twice), matched to TikTok's shipping "
        "providers; each result is written on Orders; labels and packing slips of the packages are downloaded at "
        "once.",
        (book("the workbook whose Orders sheet holds the tracking IDs"),
         opt("--no-documents", action="store_true", help="do not download labels and packing slips"),
         opt("--out", help="folder for the documents (default: the Output Folder setting)"),
         now("shop-local time of the upload (default: now)")),
        job="tkops.jobs.push:run_push_tracking",
        call=lambda job, bk, settings, args: job(bk, settings, now=shop_time(args.now),
                                                 documents=not args.no_documents, out=args.out),
        exit_code=lambda report: 1 if report.stopped else 0),  # stopped part-way (token, network): the rest is saved
    Command(
        "push-stock", "send each SKU's available stock to TikTok Shop",
        "Send every Inventory SKU's available quantity (On Hand - units of open orders, bundles by their components "
        "- Safety Stock, at least 0) to TikTok Shop through the API, one update per product; SKUs without a TikTok "
        "SKU, a count or a single warehouse are held back with the reason; each result is written on the StockPush "
        "sheet.",
        (book("the workbook whose Inventory sheet holds the stock"),
         opt("--dry-run", action="store_true", help="show what would be sent; send no update and change nothing"),
         now("shop-local time of the push (default: now)")),
        job="tkops.jobs.push_stock:run_push_stock",
        call=lambda job, bk, settings, args: job(bk, settings, now=shop_time(args.now), dry_run=args.dry_run),
        exit_code=lambda report: 1 if report.stopped else 0),
    Command(
        "evidence", "pack a case's dispute evidence into one archive",
        "Gather the files the team put in the case's folder (Evidence Folder setting, one folder per Case ID) into a "
        "ZIP with an HTML index and a PDF index: the checklist for the case type ticked, what is missing, the appeal "
        "deadline.",
        (opt("case", metavar="CASE", help="the Case ID (AfterSales sheet)"),
         book("the workbook with the AfterSales sheet"),
         opt("--folder", help="the evidence root folder (default: the Evidence Folder setting)"),
         opt("--out", help="folder for the archive and the PDF (default: the Output Folder setting)"),
         now("shop-local time for the deadline check (default: now)")),
        job="tkops.jobs.evidence:run_evidence", read_only=True,  # an evidence pack changes no workbook
        call=lambda job, bk, settings, args: job(bk, settings, args.case, args.folder, args.out,
                                                 shop_time(args.now))),
    Command(
        "demo", "run the daily job on the bundled sample data",
        "Build a demo workbook from the bundled sample exports of a US and a Thai shop.",
        (opt("--out", default="tkops-demo", help="folder for the demo workbook (default: ./tkops-demo)"),),
        run=standalone.run_demo),
    Command(
        "workbook", "build the tkops.xlsm macro workbook with its buttons",
        "Write tkops.xlsm (buttons on a Home sheet, every tkops sheet, the xlwings VBA module) from the text sources "
        "in macros/. Never overwrites a different file.",
        (opt("--out", help="file or folder for the workbook (default: ./tkops.xlsm)"),),
        run=standalone.run_workbook),
)
