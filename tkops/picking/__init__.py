"""Picking: the SOP's "print and pick" step. Pure functions on DataFrames; no file or workbook I/O.

::

    ready = released(lines)                                   # Review Status Ready, not picked, order open
    wave = waves(ready, separate_single=True, max_orders=30, bundles=bundles)
    pick = pick_list(ready, inventory, bundles, wave)         # one row per wave x SKU x bin, walking order
    sheet = sheet_frame(pick, lang)                           # for the PickList sheet (laid out by tkops.book)
    html = picklist_html(pick, wave_summary(ready, wave, bundles), lang)

``lines`` is the canonical order-line frame (schema keys) plus the team columns Review Status and Picked (by key or
by header); ``inventory`` and ``bundles`` are the Inventory and Bundles sheets as read (headers as columns).
"""

from __future__ import annotations

from tkops.picking.catalogue import CATALOGUE, label
from tkops.picking.html import picklist_context, picklist_html
from tkops.picking.lines import released
from tkops.picking.natural import natural_key, natural_rank, natural_sorted
from tkops.picking.picklist import (
                                 NO_BIN,
                                 PICK_COLUMNS,
                                 SHORT,
                                 UNKNOWN_SKU,
                                 locations,
                                 pick_list,
)
from tkops.picking.sheet import sheet_frame
from tkops.picking.waves import order_table, wave_summary, waves

__all__ = ["released", "waves", "order_table", "wave_summary", "pick_list", "locations", "PICK_COLUMNS", "NO_BIN",
           "UNKNOWN_SKU", "SHORT", "sheet_frame", "picklist_html", "picklist_context", "natural_key", "natural_rank",
           "natural_sorted", "CATALOGUE", "label"]
