"""TikTok Seller Center order export ("Export orders" / OrderSKUList), CSV or XLSX, every market's layout.

Headers are English in every market (docs/exports.md#layouts): the US 2025 layout (Address Line 1/2), the older
US layout (Detail Address / Additional address information / House Name or Number), the South-East Asian layouts
(Province / District / Commune / Districts in TH and VN, Regency and City / Villages in ID, Post Town in MY,
Region / Municipality / Barangay in PH), the Thai tax columns and the VN/ID extra columns all map onto the canonical
table by name (:data:`tkops.schema.HEADER_TO_KEY`); status words are read in every market's language
(:mod:`tkops.statuses`). A file is one shop's: the market its addresses are in decides the currency of its amounts
and the order of its dates (:mod:`tkops.sources.file_market`). Row 2 may hold TikTok's description of each column
(English or Thai): it is dropped with every other row whose Order ID is not an ID.
"""

from __future__ import annotations

from tkops import schema
from tkops.sources.base import HeaderMapSource

# A Seller Center order export has an "Order ID" column and many other columns of the known layouts.
SIGNATURE = frozenset({schema.header_key("Order ID")})
MIN_KNOWN = 8

SOURCE = HeaderMapSource(
    name="tiktok_export",
    title="TikTok Seller Center order export",
    header_map=dict(schema.HEADER_TO_KEY),
    signature=SIGNATURE,
    min_known=MIN_KNOWN,
    preferred_sheets=("OrderSKUList",),
    market_from_file=True,
)
