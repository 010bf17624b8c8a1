"""Shipping: tracking-number checks and the Seller Center bulk-shipping upload (pure functions on DataFrames; the
upload file is written by the book layer, :func:`tkops.book.text_sheet.write_text_sheet`)."""

from tkops.shipping.carriers import (
                                     DEFAULT_PROVIDERS,
                                     ProviderMap,
                                     carriers_sheet_rows,
                                     provider_map,
                                     provider_map_from_rows,
)
from tkops.shipping.catalogue import CATALOGUE, explain, render
from tkops.shipping.tracking import (
                                     PROBLEM_COLUMNS,
                                     carrier_of,
                                     clean_tracking,
                                     validate_tracking,
)
from tkops.shipping.upload import (
                                     REJECTED_COLUMNS,
                                     SHIPLOG_COLUMNS,
                                     UPLOAD_COLUMNS,
                                     UPLOAD_MIN_WIDTHS,
                                     UPLOAD_SHEET,
                                     already_exported,
                                     export_log_rows,
                                     shipping_upload,
)

__all__ = [
    "CATALOGUE", "DEFAULT_PROVIDERS", "PROBLEM_COLUMNS", "REJECTED_COLUMNS", "SHIPLOG_COLUMNS",
    "UPLOAD_COLUMNS", "UPLOAD_MIN_WIDTHS", "UPLOAD_SHEET", "ProviderMap", "already_exported", "carrier_of", "carriers_sheet_rows",
    "clean_tracking", "explain", "export_log_rows", "provider_map", "provider_map_from_rows", "render",
    "shipping_upload", "validate_tracking",
]
