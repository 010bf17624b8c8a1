"""Pack station: scan-to-verify packing (pure functions; the job is :mod:`tkops.jobs.pack`, the live sheet
:mod:`tkops.xl`'s ``pack_scan``).

:func:`build_index` turns the open order lines and the Inventory barcodes into a :class:`PackIndex` once per session;
:func:`scan` then gives the verdict of one scanned code (a dictionary lookup) and the next :class:`PackState`."""

from tkops.pack.codes import clean_scan, item_key
from tkops.pack.index import OrderLine, PackIndex, build_index
from tkops.pack.scan import PackState, Verdict, override, scan

__all__ = ["OrderLine", "PackIndex", "PackState", "Verdict", "build_index", "clean_scan", "item_key", "override",
           "scan"]
