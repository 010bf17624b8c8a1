"""The Seller Center bulk-shipping upload: which lines go in, and the log that keeps a line from being uploaded
twice. The file itself is written by the book layer (:func:`tkops.book.text_sheet.write_text_sheet`).

The template (docs/seller-center-files.md#upload-template): one sheet named "Shipping info" with the columns :data:`UPLOAD_COLUMNS`, "N/A" in
Auto Combine Group ID when the order was not combined. Every cell is text: 18-digit IDs stay intact.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Iterable, Mapping

import pandas as pd

from tkops.cells.text import scalar_text
from tkops.shipping.carriers import ProviderMap, fold
from tkops.shipping.carriers import provider_map as make_provider_map
from tkops.shipping.catalogue import render
from tkops.shipping.tracking import _column, clean_tracking
from tkops.statuses import canonical_statuses
from tkops.values import CONTROL_CHARS

UPLOAD_SHEET = "Shipping info"
UPLOAD_COLUMNS = ["Order ID", "SKU ID(optional)", "Quantity(optional)", "Tracking ID", "Shipping Provider Name",
                  "Shipping Service(optional)", "Auto Combine Group ID"]
#: Columns of the upload file wider than their header and values need (the Order ID), by position.
UPLOAD_MIN_WIDTHS = {0: 22}
NOT_COMBINED = "N/A"
SHIPLOG_COLUMNS = ["Order ID", "SKU ID", "Tracking ID", "Shipping Provider Name", "Exported At", "File"]
REJECTED_COLUMNS = ["row", "Order ID", "SKU ID", "Tracking ID", "Shipping Provider Name", "Codes", "Reason"]
_DONE = {"Shipped", "In Transit", "Delivered", "Completed", "Awaiting Collection"}  # nothing left to upload
_BLOCKED = {"Cancelled", "Unpaid", "On Hold"}


def _key(order_id: Any, sku_id: Any, tracking: Any) -> tuple[str, str, str]:
    return scalar_text(order_id), scalar_text(sku_id), clean_tracking(tracking)[0] if tracking is not None else ""


def shipping_upload(lines: pd.DataFrame, problems: pd.DataFrame | None, already_exported: set | Mapping,
                    provider_map: Mapping | ProviderMap | None = None, lang: str = "en"
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The upload rows (exactly :data:`UPLOAD_COLUMNS`, text, indexed like ``lines``) and the rejected lines.

    A line goes in when it has a tracking number, no error in ``problems`` (from :func:`validate_tracking` on the
    same ``lines``; ``row`` = index label), an order still awaiting shipment, and its (Order ID, SKU ID, Tracking
    ID) is not in ``already_exported``. Lines already shipped or awaiting collection are left out silently; every
    other held-back line is in ``rejected`` (:data:`REJECTED_COLUMNS`) with the reason in ``lang``.
    """
    if not lines.index.is_unique:
        raise ValueError("lines must have a unique index (problems refer to lines by index label)")
    pm = make_provider_map(provider_map)
    errors: dict[Any, list[tuple[str, dict]]] = {}
    if problems is None or problems.empty:
        problems = pd.DataFrame(columns=["row", "code", "severity", "params"])
    for row, code, severity, params in zip(problems["row"], problems["code"], problems["severity"],
                                           problems["params"]):
        if severity == "error":
            errors.setdefault(row, []).append((code, params if isinstance(params, Mapping) else {}))
    status = canonical_statuses(_column(lines, "order_status", "Order Status"))
    columns = [_column(lines, *names) for names in (
        ("order_id", "Order ID"), ("sku_id", "SKU ID"), ("quantity", "Quantity"), ("tracking_id", "Tracking ID"),
        ("shipping_provider", "Shipping Provider Name"), ("shipping_service", "Shipping Service"),
        ("auto_combine_group_id", "Auto Combine Group ID"))]
    upload, rejected = [], []
    for label, st, order, sku, qty, raw, prov, service, group in zip(lines.index, status, *columns):
        number, state = clean_tracking(raw)
        if st in _DONE or (state == "empty" and label not in errors):
            continue
        entry = pm.lookup(prov)
        provider = entry[0] if entry else scalar_text(prov)
        reasons: list[tuple[str, dict]] = []
        if st in _BLOCKED:
            reasons.append(("upload.status", {"status": st, "variant": st}))
        reasons += errors.get(label, [])
        key = (scalar_text(order), scalar_text(sku), number)
        if not reasons and key in already_exported:
            info = already_exported.get(key) if isinstance(already_exported, Mapping) else None
            when, file = info if isinstance(info, tuple) and len(info) == 2 else ("", "")
            reasons.append(("upload.already_exported", {"when": when, "file": file}))
        if reasons:
            rejected.append([label, key[0], key[1], number or scalar_text(raw), provider,
                             ", ".join(dict.fromkeys(c for c, _ in reasons)),
                             "; ".join(dict.fromkeys(render(c, lang, **p) for c, p in reasons))])
            continue
        upload.append((label, [_cell(v) for v in (key[0], key[1], _quantity(qty), number, provider, scalar_text(service),
                                                  scalar_text(group) or NOT_COMBINED)]))
    frame = pd.DataFrame([r for _, r in upload], columns=UPLOAD_COLUMNS, index=[i for i, _ in upload], dtype=object)
    return frame, pd.DataFrame(rejected, columns=REJECTED_COLUMNS, dtype=object)


def _quantity(value: Any) -> str:
    if value is None or value is pd.NA or isinstance(value, float) and math.isnan(value):
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return scalar_text(value)
    return str(int(number)) if number.is_integer() else scalar_text(value)


def _cell(value: Any) -> str:
    text = scalar_text(value)
    return CONTROL_CHARS.sub("", text)[:32_767]


def export_log_rows(upload_frame: pd.DataFrame, when: dt.datetime, file_name: str) -> pd.DataFrame:
    """Rows for the ShipLog sheet (:data:`SHIPLOG_COLUMNS`) recording that ``upload_frame`` was exported."""
    return pd.DataFrame({
        "Order ID": upload_frame["Order ID"].map(scalar_text).astype(object),
        "SKU ID": upload_frame["SKU ID(optional)"].map(scalar_text).astype(object),
        "Tracking ID": upload_frame["Tracking ID"].map(scalar_text).astype(object),
        "Shipping Provider Name": upload_frame["Shipping Provider Name"].map(scalar_text).astype(object),
        "Exported At": pd.Series([when] * len(upload_frame), index=upload_frame.index, dtype=object),
        "File": pd.Series([str(file_name)] * len(upload_frame), index=upload_frame.index, dtype=object),
    }, columns=SHIPLOG_COLUMNS).reset_index(drop=True)


def already_exported(log_rows: pd.DataFrame | Iterable[Iterable[Any]] | None) -> dict[tuple[str, str, str], tuple]:
    """The (Order ID, SKU ID, Tracking ID) keys in the ShipLog, each with (Exported At, File) of its first export.

    ``log_rows`` is the ShipLog frame or its sheet rows (header first). The result works as the set of keys
    :func:`shipping_upload` wants, and also names when and in which file a line went out.
    """
    if log_rows is None:
        return {}
    if not isinstance(log_rows, pd.DataFrame):
        rows = [list(r) for r in log_rows]
        if len(rows) < 2:
            return {}
        log_rows = pd.DataFrame(rows[1:], columns=[str(h) for h in rows[0]])
    by_fold = {fold(c): c for c in log_rows.columns}
    get = [log_rows[by_fold[fold(h)]] if fold(h) in by_fold else pd.Series([None] * len(log_rows))
           for h in SHIPLOG_COLUMNS]
    found: dict[tuple[str, str, str], tuple] = {}
    for order, sku, tracking, _prov, when, file in zip(*(g.tolist() for g in get)):
        key = _key(order, sku, tracking)
        if key[0] and key[2]:
            found.setdefault(key, (scalar_text(when), scalar_text(file)))
    return found
