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
from tkops.locale_files import catalogue
from tkops.markets import MARKETS, market

#: (setting name on the sheet, attribute, default); each description is in tkops/locale/settings.toml
#: (``setting.<attribute>``, English and Chinese)
SETTINGS_SPEC: tuple[tuple[str, str, str], ...] = (
    ("Language", "language", "en"),
    ("Market", "market", ""),
    ("Time Zone", "time_zone", ""),
    ("Currency", "currency", ""),
    ("Date Order", "date_order", ""),
    ("Decimal", "decimal", ""),
    ("Encoding", "encoding", ""),
    ("Import Folder", "import_folder", ""),
    ("Stock Folder", "stock_folder", ""),
    ("Templates Folder", "templates_folder", ""),
    ("Backups", "backups", "20"),
    ("Backup Days", "backup_days", "14"),
    ("Keep Closed Days", "keep_closed", "30"),
    ("Lock Wait", "lock_wait", "10"),
    ("Returns Folder", "returns_folder", ""),
    ("Tracking Folder", "tracking_folder", ""),
    ("Month-end Folder", "month_end_folder", ""),
    ("Report Month", "report_month", ""),
    ("Evidence Folder", "evidence_folder", ""),
    ("Appeal Days", "appeal_days", "7"),
    ("API App Key", "api_app_key", ""),
    ("API Shop", "api_shop", ""),
    ("API Warehouse", "api_warehouse", ""),
    ("Output Folder", "output_folder", ""),
    ("Separate Single Items", "separate_single", "Yes"),
    ("Wave Size", "wave_size", ""),
    ("Shop Name", "shop_name", ""),
    ("Shop Logo", "shop_logo", ""),
    ("Return Address", "return_address", ""),
    ("Slip Layout", "slip_layout", "A4"),
    ("QC Points", "qc_points", ""),
    ("PDF Fonts", "pdf_fonts", ""),
    ("Lead Time Days", "lead_time_days", "14"),
    ("Cover Days", "cover_days", "30"),
    # Checks at the door: what an input file may hold before tkops reads it (docs/input-files.md#limits).
    ("Quantity Limit", "quantity_limit", "999"),
    ("Max File MB", "max_file_mb", "1024"),
    ("Max Zip Ratio", "max_zip_ratio", "100"),
    ("Max Sheet Cells", "max_sheet_cells", "8000000"),
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
    described = catalogue("settings")
    for name, attr, _default in SETTINGS_SPEC:
        rows.append([name, getattr(settings, attr), described[f"setting.{attr}"]["en"],
                     described[f"setting.{attr}"]["zh"]])
    return rows + cost_settings_rows()  # the case costs: tkops.aftersales.case_costs reads them itself


__all__ = ["Settings", "DEFAULT", "SETTINGS_SPEC", "sheet_rows", "replace"]
