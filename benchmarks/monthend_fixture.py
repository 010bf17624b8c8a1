"""The book of benchmarks/bench_monthend.py: a year of order lines in the history store and a year's cases on the
AfterSales sheet, generated (seeded, vectorised) and cached under the temporary folder, keyed by the parameters.

- Cases: ``tests/aftersales/generated_cases.py`` (one case per order, opened in the 3 days before ``NOW``), with a
  return reason, return type and status drawn from ``tests/month_end_samples.py``'s US tables; on the book's
  AfterSales sheet under its headers, as tkops keeps them.
- History: the cases' order lines (delivered), then the rest of ``lines`` in orders of 1 to 3 lines created over the
  year before ``NOW`` (completed, delivered or cancelled), written as one part of the store with the canonical
  columns typed as the store types them (:data:`tkops.history.columns._ARROW`), and the book's hidden mark sheet
  saying so.
- Orders: a working set of 300 open lines (``tkops import`` of benchmarks/bench_import.py's US export).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

NOW = dt.datetime(2026, 11, 28, 12, 0)
MONTH = "2026-11"
RUN = "20261101-000000-bench001"
VERSION = 3  # bump when the generator or the way tkops writes a sheet changes: the cache key includes it
CARRIERS = np.array(["USPS", "USPS", "USPS", "UPS", "FedEx"], dtype=object)


def fixture(n_lines: int, n_cases: int, seed: int = 7, root: Path | None = None) -> Path:
    """The cached book (``ops.xlsx`` beside ``ops.tkops-history/``) for these parameters; generated when missing."""
    root = Path(root or tempfile.gettempdir()) / f"tkops-monthend-v{VERSION}-{n_lines}-{n_cases}-{seed}"
    book = root / "ops.xlsx"
    if (root / "done").exists():
        return book
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    cases, case_lines = generate_cases(n_cases)
    lines = generate_lines(n_lines, case_lines, seed)
    write_book(book, cases, lines)
    (root / "done").write_text("ok\n")
    return book


def generate_cases(n_cases: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The AfterSales sheet rows (display headers) and the cases' own order lines (canonical keys)."""
    from tests.aftersales.generated_cases import generate
    from tests.month_end_samples import RETURN_REASONS, RETURN_STATUSES

    from tkops import case_schema as C

    cases, lines, _inventory = generate(n_cases, NOW)
    rng = np.random.default_rng(11)
    reasons = np.array([r for r, _w, _c in RETURN_REASONS], dtype=object)
    weights = np.array([w for _r, w, _c in RETURN_REASONS], dtype=float)
    statuses = np.array([s for s, _w in RETURN_STATUSES], dtype=object)
    status_w = np.array([w for _s, w in RETURN_STATUSES], dtype=float)
    n = len(cases)
    cases = cases.drop(columns=["case_type"]).assign(
        reason=reasons[rng.choice(len(reasons), n, p=weights / weights.sum())],
        return_type=np.where(rng.random(n) < 0.7, "Return and refund", "Refund only"),
        return_status=statuses[rng.choice(len(statuses), n, p=status_w / status_w.sum())],
        source=C.SOURCE_RETURNS, country="United States")
    closed = cases["return_status"].eq("Completed")
    cases["closed"] = (cases["opened"] + pd.to_timedelta(rng.integers(3600, 86400 * 2, n), unit="s")).where(closed)
    sheet = cases.rename(columns={k: C.CASE_BY_KEY[k].name for k in cases.columns})
    return sheet, lines


def generate_lines(n_lines: int, case_lines: pd.DataFrame, seed: int) -> pd.DataFrame:
    """``n_lines`` order lines (canonical keys): the cases' lines first, then orders over the year before NOW."""
    rng = np.random.default_rng(seed)
    k = len(case_lines)
    shipped = pd.to_datetime(case_lines["shipped_time"]).to_numpy()
    first = pd.DataFrame({"order_id": case_lines["order_id"].to_numpy(), "sku_id": case_lines["sku_id"].to_numpy(),
                          "order_status": "Delivered", "shipped_time": shipped, "quantity": 1})
    rest = max(n_lines - k, 0)
    per_order = rng.integers(1, 4, rest // 2 + 1)
    if per_order.sum() < rest:  # rarely, too few lines drawn: single-line orders make up the rest
        per_order = np.concatenate([per_order, np.ones(rest - per_order.sum(), dtype=per_order.dtype)])
    order_no = np.repeat(np.arange(len(per_order)), per_order)[:rest]
    created = pd.Timestamp(NOW) - pd.to_timedelta(rng.integers(86400 * 2, 86400 * 365, len(per_order)), unit="s")
    status = np.array(["Completed", "Completed", "Delivered", "Delivered", "Delivered", "Delivered", "Delivered",
                       "Delivered", "Delivered", "Cancelled"], dtype=object)[rng.integers(0, 10, len(per_order))]
    second = pd.DataFrame({"order_id": pd.Series(order_no).map(lambda i: f"5771{i:014d}").to_numpy(),
                           "sku_id": (order_no * 7 + np.arange(rest) % 3) % 300,
                           "order_status": status[order_no],
                           "shipped_time": (created + pd.to_timedelta(rng.integers(3600 * 6, 86400 * 2,
                                                                                   len(per_order)), unit="s"))
                           .to_numpy()[order_no],
                           "quantity": rng.integers(1, 3, rest)})
    second["sku_id"] = "SKU-" + second["sku_id"].astype(str)
    out = pd.concat([first, second], ignore_index=True).iloc[:n_lines]
    n = len(out)
    shipped = pd.to_datetime(out["shipped_time"])
    created = shipped - pd.to_timedelta(rng.integers(3600 * 6, 86400 * 2, n), unit="s")
    created = created.groupby(out["order_id"].to_numpy()).transform("min")  # one order, one time
    cancelled = out["order_status"].eq("Cancelled")
    price = rng.integers(500, 6000, n) / 100
    out = out.assign(
        seller_sku=out["sku_id"], product_name="Product " + out["sku_id"], currency="USD",
        subtotal_after_discount=price * out["quantity"], created_time=created,
        paid_time=created + pd.Timedelta(minutes=3), rts_time=(shipped - pd.Timedelta(hours=2)).where(~cancelled),
        shipped_time=shipped.where(~cancelled),
        delivered_time=(shipped + pd.to_timedelta(rng.integers(86400 * 2, 86400 * 6, n), unit="s")).where(~cancelled),
        cancelled_time=(created + pd.Timedelta(hours=5)).where(cancelled),
        cancel_by=np.where(cancelled, "Buyer", None), cancel_reason=np.where(cancelled, "No longer needed", None),
        fulfillment_type="Fulfillment by seller", shipping_provider=CARRIERS[rng.integers(0, 5, n)],
        country="United States", order_refund_amount=np.where(cancelled, price, 0.0))
    out["tracking_id"] = np.where(cancelled, None, "9400" + out["order_id"].str[-12:])
    out["order_amount"] = out.groupby("order_id")["subtotal_after_discount"].transform("sum") + 3.99
    return out


def history_table(lines: pd.DataFrame):
    """The store's part for ``lines``: display headers, typed as :mod:`tkops.history.columns` types them."""
    import pyarrow as pa

    from tkops import schema
    from tkops.history import ARCHIVED_AT, LINE_KEY, RUN as RUN_COLUMN
    from tkops.history.columns import _ARROW

    n = len(lines)
    arrays = {LINE_KEY: pa.array(schema.line_keys(lines).to_numpy(), type=pa.string()),
              RUN_COLUMN: pa.array([RUN] * n, type=pa.string()),
              ARCHIVED_AT: pa.array(["2026-11-01 00:00:00"] * n, type=pa.string())}
    for column in schema.ORDER_COLUMNS:
        if column.key in lines:
            values = lines[column.key]
            kind = _ARROW[column.kind]
            if pa.types.is_timestamp(kind):
                values = pd.to_datetime(values).astype("datetime64[us]")
            arrays[column.name] = pa.array(values, type=kind, from_pandas=True)
    return pa.table(arrays)


def write_book(book: Path, cases: pd.DataFrame, lines: pd.DataFrame) -> None:
    """The book: a working set imported, the cases on AfterSales, ``lines`` as one part of its history store."""
    import bench_import
    import pyarrow.parquet as pq

    from tkops.book import FileBook
    from tkops.book.layout import AFTERSALES
    from tkops.cli import main as tkops_main
    from tkops.history import HistoryStore
    from tkops.history.mark import MARK, Mark
    from tkops.history.store import PREFIX, ROW_GROUP, SUFFIX
    from tkops.settings import Settings

    working = book.with_name("working.csv")
    bench_import.write_csv(working, 300, seed=2)
    assert tkops_main(["import", str(working), "--book", str(book), "--market", "US"]) == 0
    store = HistoryStore(book)
    store.folder.mkdir(exist_ok=True)
    pq.write_table(history_table(lines), store.folder / f"{PREFIX}{RUN}{SUFFIX}", row_group_size=ROW_GROUP,
                   compression="zstd")
    edited = FileBook(book, Settings(market="US"))
    with edited.session:
        had = Mark.from_rows(edited.read_rows(MARK.name))
        edited.write_table(AFTERSALES.with_extra(list(cases.columns)),
                           cases.reindex(columns=AFTERSALES.with_extra(list(cases.columns)).headers))
        edited.write_table(MARK, Mark(store.folder.name, had.lines + len(lines), had.runs + 1, RUN,
                                      "2026-11-01 00:00:00").frame())
        edited.save()
