"""TikTok Seller Center order export ("Export orders" / OrderSKUList), CSV or XLSX, every market's layout.

Headers are English in every market (docs/seller-center-files.md#order-export): the US 2025 layout (Address Line 1/2), the older US layout
(Detail Address / Additional address information / House Name or Number), the SEA layouts (Province / District /
Commune / Districts), the Thai tax columns and the VN/ID extra columns all map onto the canonical table by name.
Row 2 may hold TikTok's description of each column (English or Thai): it is dropped with every other row whose
Order ID is not an ID.
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
)
