"""The "uploaded but not scanned" watch: tracking sent to TikTok hours ago that no carrier has scanned yet.

Under the US late-dispatch rule the carrier's scan (In Transit) is what counts, not the upload; a parcel still
waiting on the shelf after the upload is caught here while there is time to call the carrier.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tkops.clocks import times
from tkops.clocks.evidence import prepare, shop_zone
from tkops.clocks.sla import SlaTable
from tkops.settings import Settings

WATCH_COLUMNS = ["Order ID", "Tracking ID", "Shipping Provider Name", "Exported At", "Hours Waiting",
                 "Order Status", "Market"]


def unscanned(lines: pd.DataFrame, uploads: pd.DataFrame | None, now: dt.datetime, hours: float | None = None, *,
              sla: SlaTable | None = None, settings: Settings | None = None) -> pd.DataFrame:
    """Orders whose tracking was uploaded more than ``hours`` ago and that the latest export still shows unscanned.

    ``lines``: the canonical order lines of the latest export (Orders sheet); ``uploads``: the upload log, one row
    per uploaded line or order, with Order ID, Tracking ID and Exported At (naive shop-local), optionally Shipping
    Provider Name; ``hours``: the threshold (None = each market's Unscanned Hours in ``sla``); ``now``: aware, or
    naive in the shop's time zone (:func:`tkops.clocks.evidence.shop_zone`). An order counts from the first upload
    of its latest tracking number; it is scanned when any of its lines shows a Shipped or Delivered Time or a status
    from Shipped on. Cancelled orders and orders missing from ``lines`` are left out. One row per order
    (:data:`WATCH_COLUMNS`), longest wait first.
    """
    settings = settings or Settings()
    if uploads is None or uploads.empty or lines.empty:
        return pd.DataFrame(columns=WATCH_COLUMNS)
    idx = uploads.index
    log = pd.DataFrame({
        "order_id": times.text(times.find([uploads], "Order ID"), idx),
        "tracking_id": times.text(times.find([uploads], "Tracking ID"), idx),
        "provider": times.text(times.find([uploads], "Shipping Provider Name", "Shipping Provider"), idx),
        "exported": times.times(times.find([uploads], "Exported At"), idx),
    })
    log = log[(log["order_id"] != "") & (log["tracking_id"] != "") & log["exported"].notna()]
    first = log.groupby(["order_id", "tracking_id"], sort=False)["exported"].transform("min")
    log = log.assign(first=first).sort_values("exported", kind="mergesort")
    latest = log.drop_duplicates("order_id", keep="last").set_index("order_id")

    w = prepare(lines, None, sla or SlaTable(), settings)
    w["order_status"] = times.text(lines.get("order_status"), lines.index)
    w["line_provider"] = times.text(lines.get("shipping_provider"), lines.index)
    orders = w.groupby("order_id", sort=False).agg(
        scanned=("scanned", "any"), cancelled=("cancelled", "all"), zone=("zone", "first"),
        market=("market", "first"), limit=("unscanned_hours", "first"), status=("order_status", "first"),
        line_provider=("line_provider", "first"))
    found = latest.join(orders, how="inner")
    found = found[~found["scanned"] & ~found["cancelled"]]
    if found.empty:
        return pd.DataFrame(columns=WATCH_COLUMNS)
    since = times.to_utc(found["first"], found["zone"])
    waited = (times.instant(now, shop_zone(settings, w["market"])) - since) / pd.Timedelta(hours=1)
    limit = found["limit"] if hours is None else pd.Series(float(hours), index=found.index)
    found = found.assign(waited=waited)[waited > limit].sort_values("waited", ascending=False, kind="mergesort")
    out = pd.DataFrame({
        "Order ID": found.index, "Tracking ID": found["tracking_id"].to_numpy(),
        "Shipping Provider Name": found["provider"].where(found["provider"] != "", found["line_provider"]).to_numpy(),
        "Exported At": found["first"].to_numpy(), "Hours Waiting": found["waited"].round(1).to_numpy(),
        "Order Status": found["status"].to_numpy(), "Market": found["market"].to_numpy(),
    }, columns=WATCH_COLUMNS)
    return out
