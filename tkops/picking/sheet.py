"""The PickList sheet: the frame written to it. The book layer lays it out and prints it: its layout is
:data:`tkops.book.layout.PICKLIST` (whose headers are :data:`COLUMNS`), its print setup (print area, header row on
every page, fit to width, landscape) :mod:`tkops.book.printing`.

Excel ignores manual page breaks when a sheet is fitted to width, so the sheet cannot start each wave on a new page;
the HTML pick list (:mod:`tkops.picking.html`) does.
"""

from __future__ import annotations

import pandas as pd

from tkops.picking.catalogue import flag_text

#: Pick-list frame column -> PickList sheet header.
HEADERS = {"wave": "Wave", "zone": "Zone", "bin": "Bin", "seller_sku": "Seller SKU", "product_name": "Product Name",
           "variation": "Variation", "quantity": "Quantity", "orders": "Orders", "flags": "Flag",
           "order_ids": "Order IDs"}
#: The PickList sheet's columns, in sheet order (the picker's Check box beside the quantity).
COLUMNS = ("Wave", "Zone", "Bin", "Seller SKU", "Product Name", "Variation", "Quantity", "Check", "Orders", "Flag",
           "Order IDs")


def sheet_frame(pick: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The :func:`tkops.picking.pick_list` frame as the PickList sheet holds it: its headers, flags in words in
    the team's language, an empty Check column for the picker's tick."""
    out = pick.rename(columns=HEADERS)
    out["Flag"] = pick["flags"].map(lambda f: flag_text(f, lang)).astype(object) if len(pick) else []
    out["Check"] = None
    return out.reindex(columns=list(COLUMNS))


__all__ = ["COLUMNS", "HEADERS", "sheet_frame"]
