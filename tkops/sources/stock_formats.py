"""The stock files tkops reads without a mapping: what each calls its columns, and how to tell them apart.

Facts and their sources are in ``docs/stock-files.md``. In short: TikTok Seller Center's product export and its
batch-edit template name the Seller SKU and one quantity column per warehouse ("Quantity in <warehouse>", "Total
quantity in <warehouse>"), with the GTIN/UPC/EAN in "Identifier Code"; Mabang (马帮) calls a stock item 库存SKU;
DianXiaoMi (店小秘) lists SKU with Chinese stock
columns (实际库存, 可用库存, ...) and its 货架位 (shelf position). The Chinese ERPs let each user build export templates,
so these maps hold the common names; a team whose template differs adds a column mapping (Mappings sheet or TOML).

Each format is a :class:`StockFormat`: a header map (folded header -> stock key), the headers that must all be there
(``signature``), headers of which one must be there (``any_of``), and the prefixes of per-warehouse quantity headers
whose values are added up into On Hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tkops.schema import STOCK_HEADERS, header_key  # STOCK_HEADERS: the stock keys a file can give

#: Keys whose several columns are joined with ", " (TikTok's "Variation 1", "Variation 2").
JOINED = ("variation",)


@dataclass(frozen=True)
class StockFormat:
    """One kind of stock file.

    ``header_map``: folded header -> stock key (several headers may give one key: the first present wins, except
    for :data:`JOINED` keys, whose present columns are joined); ``signature``: folded headers that must all be
    present; ``any_of``: folded headers of which at least one must be present (a quantity, usually);
    ``quantity_prefixes``: folded prefixes of per-warehouse quantity headers, added up into On Hand;
    ``currency``: the currency of Unit Cost when neither the cell nor a Currency column names one;
    ``encodings``: encodings accepted for CSV files without a setting (confirmed by the headers).
    """

    name: str
    title: str
    header_map: dict[str, str]
    signature: frozenset[str]
    any_of: frozenset[str] = frozenset()
    quantity_prefixes: tuple[str, ...] = ()
    currency: str = ""
    encodings: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # message codes printed when this format is read

    def quantity_headers(self, folded: list[str]) -> list[str]:
        """The per-warehouse quantity headers among ``folded`` (in file order), of the first prefix that has any: a
        file with both "Total quantity in X" and "Quantity in X" columns counts the totals only."""
        for prefix in self.quantity_prefixes:
            found = [h for h in folded if h and h.startswith(prefix)]
            if found:
                return found
        return []

    def identify(self, headers: list[str]) -> bool:
        """True when a header row (as written) is this format's."""
        folded = [header_key(h) for h in headers if h is not None]
        have = set(folded)
        if not self.signature <= have:
            return False
        if self.any_of and not (self.any_of & have) and not self.quantity_headers(folded):
            return False
        return True


def _map(pairs: dict[str, str]) -> dict[str, str]:
    return {header_key(header): key for header, key in pairs.items()}


TKOPS = StockFormat(
    name="tkops_inventory", title="tkops Inventory sheet layout",
    header_map=_map({h: k for k, h in STOCK_HEADERS.items()} | {"GTIN": "barcode", "EAN": "barcode",
                                                                "UPC": "barcode"}),
    signature=frozenset({header_key("Seller SKU"), header_key("On Hand")}),
)

TIKTOK = StockFormat(
    name="tiktok_products", title="TikTok Seller Center product export",
    header_map=_map({
        "Seller SKU": "seller_sku", "Product Name": "product_name", "Variation": "variation",
        "Variation 1": "variation", "Variation 2": "variation", "Variation Value": "variation",
        "Identifier Code": "barcode", "GTIN": "barcode", "UPC": "barcode", "EAN": "barcode",
        "Quantity": "on_hand", "Stock": "on_hand", "Available Stock": "on_hand", "Inventory": "on_hand",
    }),
    signature=frozenset({header_key("Seller SKU")}),
    any_of=frozenset({header_key("Quantity"), header_key("Stock"), header_key("Available Stock"),
                      header_key("Inventory")}),
    quantity_prefixes=("total quantity in ", "quantity in "),
    notes=("stock.note.tiktok_available",),
)

MABANG = StockFormat(
    name="mabang_stock", title="Mabang (马帮) stock export",
    header_map=_map({
        "库存SKU": "seller_sku", "库存SKU中文名称": "product_name", "商品中文名称": "product_name",
        "中文名称": "product_name", "库存SKU英文名称": "product_name", "规格": "variation", "属性": "variation",
        "仓位": "bin", "仓位号": "bin", "仓位编码": "bin", "库位": "bin", "库区": "zone", "仓库": "zone",
        "库存数量": "on_hand", "实际库存": "on_hand", "在库数量": "on_hand", "库存": "on_hand", "可用库存": "on_hand",
        "成本价": "unit_cost", "商品成本价": "unit_cost", "采购价": "unit_cost", "最新采购价": "unit_cost",
        "币种": "currency", "条码": "barcode", "商品条码": "barcode", "EAN": "barcode", "UPC": "barcode",
    }),
    signature=frozenset({header_key("库存SKU")}),
    any_of=frozenset(header_key(h) for h in ("库存数量", "实际库存", "在库数量", "库存", "可用库存")),
    currency="CNY", encodings=("gb18030",),
)

DIANXIAOMI = StockFormat(
    name="dianxiaomi_stock", title="DianXiaoMi (店小秘) stock export",
    header_map=_map({
        "SKU": "seller_sku", "商品SKU": "seller_sku", "商品名称": "product_name", "中文名称": "product_name",
        "产品名称": "product_name", "规格": "variation", "产品规格": "variation", "属性": "variation",
        "货架位": "bin", "货位": "bin", "库位": "bin", "仓库": "zone",
        "实际库存": "on_hand", "库存总量": "on_hand", "在库库存": "on_hand", "可用库存": "on_hand", "可用量": "on_hand",
        "成本价": "unit_cost", "单价": "unit_cost", "采购价": "unit_cost", "币种": "currency",
        "商品条码": "barcode", "条码": "barcode",
    }),
    signature=frozenset({header_key("SKU")}),
    any_of=frozenset(header_key(h) for h in ("实际库存", "库存总量", "在库库存", "可用库存", "可用量")),
    currency="CNY", encodings=("gb18030",),
)

#: The built-in stock formats, in the order their names are listed in messages. A new format is a new entry.
BUILTIN: tuple[StockFormat, ...] = (TKOPS, TIKTOK, MABANG, DIANXIAOMI)
