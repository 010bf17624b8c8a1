"""Settings: what the team sets on the Settings sheet (or on the command line), validated once.

The Settings sheet has the columns Setting, Value, Description. Command-line options win over the sheet; the sheet
wins over the market's defaults (:mod:`tkops.markets`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, fields, replace
from typing import Any, Mapping

from tkops.cells.times import shop_now
from tkops.cells.yes_no import yes_no
from tkops.errors import ConfigError
from tkops.markets import MARKETS, market

#: (setting name on the sheet, attribute, default, English description, Chinese description)
SETTINGS_SPEC: tuple[tuple[str, str, str, str, str], ...] = (
    ("Language", "language", "en", "Language of tkops' messages: en or zh", "tkops 提示语言：en 或 zh"),
    ("Market", "market", "", "Shop market, e.g. US, UK, TH, VN (sets date order, currency, time zone)",
     "店铺站点，例如 US、UK、TH、VN（决定日期顺序、币种、时区）"),
    ("Time Zone", "time_zone", "", "Shop time zone (IANA name), e.g. America/Los_Angeles; blank = market's",
     "店铺时区（IANA 名称），例如 America/Los_Angeles；留空则按站点"),
    ("Currency", "currency", "", "Currency when a file does not say; blank = market's",
     "文件未注明币种时使用的币种；留空则按站点"),
    ("Date Order", "date_order", "", "How exports write 03/04/2026: MDY or DMY; blank = market's",
     "导出文件中 03/04/2026 的日期顺序：MDY 或 DMY；留空则按站点"),
    ("Decimal", "decimal", "", "Decimal separator of money in exports: . or , ; blank = tell from the values",
     "导出金额的小数点：. 或 ,；留空则自动判断"),
    ("Encoding", "encoding", "", "Encoding of non-UTF-8 files, e.g. gb18030, cp1252; blank = UTF-8 only",
     "非 UTF-8 文件的编码，例如 gb18030、cp1252；留空则只接受 UTF-8"),
    ("Import Folder", "import_folder", "", "Folder the Import button reads new exports from",
     "“导入”按钮读取导出文件的文件夹"),
    ("Stock Folder", "stock_folder", "", "Folder the Stock button reads stock files from (TikTok product export, "
     "Mabang/DianXiaoMi stock export, or a file with the Inventory headers)",
     "“导入库存”按钮读取库存文件的文件夹（TikTok 商品导出、马帮/店小秘库存导出，或带 Inventory 表头的文件）"),
    ("Templates Folder", "templates_folder", "", "Folder of the team's own message and slip templates (searched "
     "before the shipped ones); blank = shipped templates only", "团队自定义模板所在文件夹（优先于自带模板）；留空则只用自带模板"),
    ("Backups", "backups", "20", "How many of the newest previous versions of the workbook to keep (folder "
     "tkops-backups beside it); 0 = no backups", "保留最近多少个工作簿历史版本（在工作簿旁的 tkops-backups 文件夹中）；0 = 不备份"),
    ("Backup Days", "backup_days", "14", "Also keep the last version of each of this many days",
     "另外保留最近这么多天中每天的最后一个版本"),
    ("Keep Closed Days", "keep_closed", "30", "Days a delivered, completed or cancelled order stays on Orders after it "
     "closed (with no open after-sales case) before it moves to history (the folder <book>.tkops-history beside the "
     "workbook)", "已签收、已完成或已取消且无未结售后的订单，关闭后在 Orders 表中保留的天数，之后移入历史（工作簿旁的 "
     "<工作簿名>.tkops-history 文件夹）"),
    ("Lock Wait", "lock_wait", "10", "Seconds a command waits for another tkops run on the same workbook before "
     "giving up", "同一工作簿被另一个 tkops 任务占用时，命令最多等待的秒数"),
    ("Returns Folder", "returns_folder", "", "Folder the Cases button reads Seller Center Return/Refund exports from "
     "(CSV, XLSX); blank = only the cancelled orders and the rows you type", "“售后案例”按钮读取 Seller Center 退货/退款导出文件的"
     "文件夹（CSV、XLSX）；留空则只处理已取消订单和手工录入的案例"),
    ("Tracking Folder", "tracking_folder", "", "Folder of carrier/3PL files with tracking numbers the Ship button "
     "reads first (CSV, XLSX); blank = only the numbers typed on Orders", "发货按钮先读取的承运商/海外仓运单号文件所在文件夹（CSV、"
     "XLSX）；留空则只用 Orders 表中填写的单号"),
    ("Month-end Folder", "month_end_folder", "", "Folder of the month's order exports and Return/Refund exports for "
     "the Month-end button; blank = the Import Folder and the Returns Folder",
     "“月末报告”按钮读取当月订单导出和退货/退款导出的文件夹；留空则使用 Import Folder 和 Returns Folder"),
    ("Report Month", "report_month", "", "Month the Month-end button reports, e.g. 2026-11; blank = the month before "
     "this one", "“月末报告”按钮统计的月份，例如 2026-11；留空则为上个月"),
    ("Evidence Folder", "evidence_folder", "", "Folder with one folder per after-sales case, named after the Case ID "
     "(more words may follow, e.g. 577…123 wrong colour), holding the dispute evidence; blank = a folder named "
     "Evidence beside the workbook", "售后纠纷证据文件夹：每个案例一个子文件夹，以 Case ID 命名（ID 后可加说明）；留空则为工作簿旁的 "
     "Evidence 文件夹"),
    ("Appeal Days", "appeal_days", "7", "Days after a case is opened to appeal the platform's decision (counted from "
     "Opened; the default 7 is unverified: check your market's rule in Seller Center)",
     "案例开启后可申诉平台判定的天数（从开启时间起算；默认 7 天未经核实，请在 Seller Center 查看本站点规则）"),
    ("API App Key", "api_app_key", "", "App key of your TikTok Shop API app (Partner Center > App & Service). The app "
     "secret and tokens are kept in the system keyring or the TKOPS_* environment variables, never on this sheet",
     "TikTok Shop API 应用的 App Key（Partner Center > 应用与服务）。App Secret 和令牌保存在系统钥匙串或 TKOPS_* 环境变量中，"
     "绝不填在本表"),
    ("API Shop", "api_shop", "", "Name (or shop code) of the shop to pull from and upload to, as TikTok shows it; "
     "blank = the only authorised shop", "要拉取和上传的店铺名称（或店铺代码），与 TikTok 显示的一致；留空则使用唯一已授权的店铺"),
    ("API Warehouse", "api_warehouse", "", "TikTok warehouse ID that tkops push-stock sets the stock of, for SKUs "
     "TikTok keeps in several warehouses; blank = the SKU's only warehouse", "tkops push-stock 更新库存的 TikTok 仓库 ID（用于在"
     "多个仓库有库存的 SKU）；留空则使用该 SKU 唯一的仓库"),
    ("Output Folder", "output_folder", "", "Folder for pick lists, packing slips and shipping upload files; blank = "
     "a folder named tkops-output beside the workbook", "拣货单、面单（装箱单）和发货上传文件的保存文件夹；留空则为工作簿旁的 "
     "tkops-output 文件夹"),
    ("Separate Single Items", "separate_single", "Yes", "Yes = orders of one item get their own pick waves "
     "(picked in bulk); No = one kind of wave", "是否把单件订单单独分波次（Yes/No）"),
    ("Wave Size", "wave_size", "", "Most orders per pick wave; blank = no cap", "每个拣货波次最多的订单数；留空则不限"),
    ("Shop Name", "shop_name", "", "Shop name printed at the top of each packing slip", "装箱单顶部显示的店铺名称"),
    ("Shop Logo", "shop_logo", "", "Path of a PNG or JPEG logo for the packing slips; blank = no logo",
     "装箱单上的店铺标志（PNG 或 JPEG 文件路径）；留空则不显示"),
    ("Return Address", "return_address", "", "Return address on the packing slips (a new line: Alt+Enter in the "
     "cell)", "装箱单上的退货地址（单元格内换行：Alt+Enter）"),
    ("Slip Layout", "slip_layout", "A4", "Packing slip size: A4, A6 or 4x6 (inches, label printers)",
     "装箱单尺寸：A4、A6 或 4x6（英寸，标签打印机）"),
    ("QC Points", "qc_points", "", "Checks on the packing checklist, separated by ; (e.g. no scratches; size label "
     "matches)", "打包检查清单上的质检要点，用 ; 分隔（例如：无划痕；尺码标签一致）"),
    ("PDF Fonts", "pdf_fonts", "", "Your own TrueType fonts (.ttf/.ttc) for the PDFs, tried before the shipped "
     "Noto fonts, separated by ; (optional: every script prints without them)",
     "PDF（装箱单、拣货单、证据索引）优先使用的自有 TrueType 字体（.ttf/.ttc），用 ; 分隔（可不填：内置字体已支持各语言）"),
    ("Lead Time Days", "lead_time_days", "14", "Days from placing a purchase order to the stock on the shelf, for the "
     "Reorder sheet, when neither the SKU's row on Inventory nor its supplier's row on Suppliers says",
     "从下采购单到货上架的天数，用于 Reorder 表；Inventory 表该 SKU 行和 Suppliers 表其供应商行都未填写时使用"),
    ("Cover Days", "cover_days", "30", "Days of sales a purchase order should cover once it arrives (Reorder sheet), "
     "when neither the SKU's row on Inventory nor its supplier's row on Suppliers says",
     "每次补货到货后应覆盖的销售天数（Reorder 表）；Inventory 表该 SKU 行和 Suppliers 表其供应商行都未填写时使用"),
    # Checks at the door: what an input file may hold before tkops reads it (docs/input-files.md#limits).
    ("Quantity Limit", "quantity_limit", "999", "Most units one order line may have; a file with more is refused "
     "(and the review flags such a line typed on Orders)", "每个订单行最多的件数；超过时拒绝导入文件（Orders 表中手工填写的此类行会被审核标记）"),
    ("Max File MB", "max_file_mb", "1024", "Largest input file tkops reads, in MB: a CSV, or all parts of a workbook "
     "once unzipped", "tkops 读取的输入文件大小上限（MB）：CSV 文件，或工作簿解压后所有部分的总和"),
    ("Max Zip Ratio", "max_zip_ratio", "100", "How many times its stored size a part of an input workbook may unzip "
     "to (parts above 10 MB); more is a zip bomb and is refused", "输入工作簿中某一部分解压后最多可为其压缩大小的多少倍（"
     "仅限超过 10 MB 的部分）；超过即视为压缩炸弹并拒绝"),
    ("Max Sheet Cells", "max_sheet_cells", "8000000", "Most cells (rows × columns, counted from A1) a sheet of an "
     "input file may span; a larger used range is refused before it is read", "输入文件的单个工作表最多可占的单元格数（"
     "行 × 列，从 A1 起算）；超过的使用范围在读取前即被拒绝"),
)

#: The Settings rows the packing slips read (:class:`tkops.slips.SlipSettings`): sheet name -> attribute.
SLIP_ROWS: dict[str, str] = {"Shop Name": "shop_name", "Shop Logo": "shop_logo", "Return Address": "return_address",
                             "Slip Layout": "slip_layout", "QC Points": "qc_points", "PDF Fonts": "pdf_fonts"}




@dataclass(frozen=True)
class Settings:
    """Validated settings. Empty strings mean "not set"."""

    language: str = "en"
    market: str = ""
    time_zone: str = ""
    currency: str = ""
    date_order: str = ""
    decimal: str = ""
    encoding: str = ""
    import_folder: str = ""
    stock_folder: str = ""
    templates_folder: str = ""
    backups: str = "20"
    backup_days: str = "14"
    keep_closed: str = "30"
    lock_wait: str = "10"
    returns_folder: str = ""
    tracking_folder: str = ""
    month_end_folder: str = ""
    report_month: str = ""
    evidence_folder: str = ""
    appeal_days: str = "7"
    api_app_key: str = ""
    api_shop: str = ""
    api_warehouse: str = ""
    output_folder: str = ""
    separate_single: str = "Yes"
    wave_size: str = ""
    shop_name: str = ""
    shop_logo: str = ""
    return_address: str = ""
    slip_layout: str = "A4"
    qc_points: str = ""
    pdf_fonts: str = ""
    quantity_limit: str = "999"
    max_file_mb: str = "1024"
    max_zip_ratio: str = "100"
    max_sheet_cells: str = "8000000"
    lead_time_days: str = "14"
    cover_days: str = "30"

    @property
    def lang(self) -> str:
        """The message language (en or zh)."""
        return self.language

    def effective_date_order(self) -> str:
        """MDY or DMY from the Date Order setting, else the market's; "" when neither says."""
        if self.date_order:
            return self.date_order
        m = market(self.market)
        return m.date_order if m else ""

    def effective_currency(self) -> str:
        """The currency for amounts that carry none."""
        if self.currency:
            return self.currency
        m = market(self.market)
        return m.currency if m else ""

    def effective_time_zone(self) -> str:
        """The shop's time zone name (UTC when nothing says)."""
        if self.time_zone:
            return self.time_zone
        m = market(self.market)
        return m.time_zone if m else "UTC"

    def effective_decimal(self) -> str:
        """"." or "," when the Decimal setting says; "" to tell from the values."""
        return self.decimal

    def backup_count(self) -> int:
        """How many of the newest backups to keep (Backups)."""
        return int(self.backups or 0)

    def shop_now(self) -> dt.datetime:
        """The current time in the shop's time zone, naive and to the second (as the sheets' times are)."""
        return shop_now(self.effective_time_zone())

    def backup_day_count(self) -> int:
        """For how many days to keep each day's last backup (Backup Days)."""
        return int(self.backup_days or 0)

    def keep_closed_days(self) -> int:
        """Days a closed order stays on Orders before it moves to history (Keep Closed Days)."""
        return int(self.keep_closed or 0)

    def lock_wait_seconds(self) -> float:
        """How long a command waits for another run's lock (Lock Wait)."""
        return float(self.lock_wait or 0)

    def separate_single_items(self) -> bool:
        """Whether single-item orders get their own pick waves."""
        return bool(yes_no(self.separate_single))

    def wave_cap(self) -> int | None:
        """The most orders per pick wave, None for no cap."""
        return int(self.wave_size) if self.wave_size else None

    def max_quantity(self) -> int:
        """The most units one order line may have (Quantity Limit)."""
        return int(self.quantity_limit)

    def reorder_days(self) -> tuple[int, int]:
        """The last fallbacks of the Reorder sheet: (Lead Time Days, Cover Days)."""
        return int(self.lead_time_days), int(self.cover_days)

    def slip_values(self) -> dict[str, Any]:
        """The Settings rows the packing slips read, by sheet name (for :meth:`tkops.slips.SlipSettings.from_mapping`;
        the slips job reads and checks the logo and font files they name)."""
        return {name: getattr(self, attr) for name, attr in SLIP_ROWS.items()}

    def with_overrides(self, **values: Any) -> "Settings":
        """A copy with the non-empty ``values`` applied and validated."""
        given = {k: v for k, v in values.items() if v not in (None, "")}
        return Settings.from_values({**{f.name: getattr(self, f.name) for f in fields(self)}, **given})

    @staticmethod
    def from_values(values: Mapping[str, Any]) -> "Settings":
        """Settings from attribute names -> values, validated (raises ConfigError naming the setting)."""
        clean = {}
        names = {attr: name for name, attr, *_ in SETTINGS_SPEC}
        for f in fields(Settings):
            raw = values.get(f.name, getattr(Settings, f.name))
            if isinstance(raw, float) and raw.is_integer():  # Excel turns a typed 5 into 5.0
                raw = int(raw)
            clean[f.name] = "" if raw is None else str(raw).strip()
        s = Settings(**clean)
        _validate(s, names)
        return s

    @staticmethod
    def from_sheet_rows(rows: list[list[Any]]) -> "Settings":
        """Settings from the Settings sheet's rows (header first: Setting, Value, ...)."""
        by_name = {name.casefold(): attr for name, attr, *_ in SETTINGS_SPEC}
        values: dict[str, Any] = {}
        for row in rows[1:]:
            if not row or row[0] is None:
                continue
            attr = by_name.get(str(row[0]).strip().casefold())
            if attr and len(row) > 1 and row[1] not in (None, ""):
                values[attr] = row[1]
        return Settings.from_values(values)


def _validate(s: Settings, names: dict[str, str]) -> None:
    def bad(attr: str, hint: str) -> ConfigError:
        return ConfigError("bad_setting", name=names[attr], value=getattr(s, attr), hint=hint)

    if s.language not in ("en", "zh"):
        raise bad("language", "en or zh")
    if s.market and market(s.market) is None:
        raise bad("market", ", ".join(MARKETS))
    if s.market:
        object.__setattr__(s, "market", market(s.market).code)
    if s.date_order:
        object.__setattr__(s, "date_order", s.date_order.upper())
        if s.date_order not in ("MDY", "DMY"):
            raise bad("date_order", "MDY or DMY")
    if s.decimal not in ("", ".", ","):
        raise bad("decimal", ". or ,")
    if s.encoding:
        try:
            codecs.lookup(s.encoding)
        except LookupError:
            raise bad("encoding", "an encoding name such as gb18030, cp1252, utf-16") from None
    if s.time_zone:
        try:
            zoneinfo.ZoneInfo(s.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise bad("time_zone", "an IANA time zone such as America/Los_Angeles or Asia/Bangkok") from None
    if s.currency:
        object.__setattr__(s, "currency", s.currency.upper())
    if not s.backups.isdigit():
        raise bad("backups", "a whole number such as 20")
    if not s.backup_days.isdigit():
        raise bad("backup_days", "a whole number such as 14")
    if not s.keep_closed.isdigit():
        raise bad("keep_closed", "a whole number of days such as 30")
    try:
        if not 0 <= float(s.lock_wait) <= 3600:
            raise ValueError(s.lock_wait)
    except ValueError:
        raise bad("lock_wait", "seconds from 0 to 3600, such as 10") from None
    if yes_no(s.separate_single) is None:
        raise bad("separate_single", "Yes or No")
    if s.wave_size and not (s.wave_size.isdigit() and int(s.wave_size) > 0):
        raise bad("wave_size", "a whole number such as 30, or blank for no cap")
    if s.report_month and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", s.report_month):
        raise bad("report_month", "a month such as 2026-11, or blank for the month before this one")
    if s.slip_layout.casefold().replace(" ", "") not in ("a4", "a6", "4x6"):
        raise bad("slip_layout", "A4, A6 or 4x6")
    for attr, example in (("lead_time_days", "14"), ("cover_days", "30")):
        value = getattr(s, attr)
        if not (value.isascii() and value.isdigit() and int(value) <= 3650):
            raise bad(attr, f"a whole number of days from 0 to 3650 such as {example}")
        object.__setattr__(s, attr, str(int(value)))
    for attr, example in (("quantity_limit", "999"), ("max_file_mb", "1024"), ("max_zip_ratio", "100"),
                          ("max_sheet_cells", "8000000")):
        value = getattr(s, attr).replace(",", "")
        if not (value.isascii() and value.isdigit() and int(value) > 0):
            raise bad(attr, f"a whole number above 0 such as {example}")
        object.__setattr__(s, attr, str(int(value)))


#: The after-sales cost rows of the Settings sheet, below the settings above (read and validated by
#: :mod:`tkops.aftersales.case_costs`): (setting name, attribute, default, English description, Chinese description).
COST_SETTINGS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Reship Shipping Cost", "reship_shipping", "",
     "Shipping cost of sending an item again, per currency, e.g. USD 6.5; THB 45 (a bare number: every currency); "
     "blank = unknown", "补发一件商品的运费，按币种填写，例如 USD 6.5; THB 45（只填数字则适用于所有币种）；留空表示未知"),
    ("Return Label Cost", "return_label", "", "Cost of a prepaid return label, per currency, e.g. USD 8; GBP 5",
     "预付退货面单的费用，按币种填写，例如 USD 8; GBP 5"),
    ("Return Label Threshold", "return_threshold", "",
     "Case amount from which a size/fit or not-as-expected item is worth getting back with a prepaid label (below "
     "it: coupon or partial refund), per currency, e.g. USD 25; THB 800",
     "尺码或不符预期的售后：金额达到此值才提供预付退货面单（低于此值发优惠券或部分退款），按币种填写，例如 USD 25; THB 800"),
    ("Partial Refund Share", "partial_share", "30%", "Share of the case amount offered as a partial refund, e.g. 30%",
     "部分退款占售后金额的比例，例如 30%"),
    ("Coupon Value", "coupon", "", "Value of a goodwill coupon, per currency, e.g. USD 5; THB 100",
     "补偿优惠券的面额，按币种填写，例如 USD 5; THB 100"),
    ("Case Due Hours", "due_hours", "48", "Hours from a case's opening until the platform acts on its own (for "
     "cases without a Due time)", "售后申请提交后平台自动处理前的小时数（用于没有截止时间的售后）"),
    ("Due Soon Hours", "due_soon_hours", "12", "A case is flagged \"due soon\" this many hours before its due time",
     "距截止时间少于此小时数时标记为“即将到期”"),
    ("Tracking Lost Days", "lost_days", "10", "Days without a carrier scan (without scan data: since shipping) "
     "after which an undelivered parcel counts as lost", "包裹超过此天数没有物流扫描（无扫描数据时按发货时间算）且未签收，视为丢件"),
)


def cost_settings_rows() -> list[list[str]]:
    """The cost rows of the Settings sheet (Setting, Value, Description, 说明), defaults filled in."""
    return [[name, default, en, zh] for name, _attr, default, en, zh in COST_SETTINGS]


DEFAULT = Settings()


def sheet_rows(settings: Settings = DEFAULT) -> list[list[str]]:
    """The Settings sheet's rows for ``settings``: header, then one row per setting, then the after-sales cost rows
    with their defaults."""
    rows = [["Setting", "Value", "Description", "说明"]]
    for name, attr, _default, en, zh in SETTINGS_SPEC:
        rows.append([name, getattr(settings, attr), en, zh])
    return rows + cost_settings_rows()  # the case costs: tkops.aftersales.case_costs reads them itself


__all__ = ["Settings", "DEFAULT", "SETTINGS_SPEC", "sheet_rows", "replace"]
