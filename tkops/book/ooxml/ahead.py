"""Reading a large sheet in the background while a step does other work (:meth:`OoxmlWorkbook.read_columns_ahead`).

A year of cases is a 200 MB worksheet part. Most of its reading time is calamine's parse, which runs without
Python's global lock, so a step that knows it will need the sheet (the month-end: the AfterSales columns) starts the
read first and reads its other inputs (Orders, history) meanwhile; on a machine with two cores the two overlap. A
read ahead does exactly what the read it stands for does (the reach check first, then calamine, then the formula and
error cells), with its own calamine and zip readers and nothing shared that the step may change, and its errors come
out where the step asks for the sheet, as they would have. Whatever touches the sheet otherwise (a write, a
whole-sheet read) drops the read ahead and waits for it, so no second thread outlives the change.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any, Callable, Sequence

Rows = Any  # what the read gives: the editor's reads give a two-dimensional object array


class ReadsAhead:
    """The reads started ahead, by (sheet name, headers asked for). A step may take a read from another thread of
    its own (the month-end types the cases while it reads Orders): the table of reads is guarded by a lock."""

    def __init__(self) -> None:
        self._reads: dict[tuple[str, tuple[str, ...]], Future] = {}
        self._lock = threading.Lock()

    def start(self, sheet: str, headers: Sequence[str], read: Callable[[], Rows]) -> bool:
        """Run ``read`` in a background thread, for :meth:`take` with the same ``sheet`` and ``headers`` (True:
        started now or before)."""
        key = (sheet, tuple(headers))
        future: Future = Future()
        with self._lock:
            if key in self._reads:
                return True
            self._reads[key] = future

        def work() -> None:
            future.set_running_or_notify_cancel()
            try:
                future.set_result(read())
            except BaseException as err:  # handed to the step that asks for the sheet, raised there
                future.set_exception(err)

        # a daemon: a command that stops early (a refusal elsewhere) does not wait for a read it no longer needs
        threading.Thread(target=work, name=f"tkops-read-{sheet}", daemon=True).start()
        return True

    def take(self, sheet: str, headers: Sequence[str]) -> Rows | None:
        """The rows of the read started for ``sheet`` and ``headers`` (waiting for it, raising what it raised);
        None when no such read was started."""
        with self._lock:
            future = self._reads.pop((sheet, tuple(headers)), None)
        return None if future is None else future.result()

    def drop(self, sheet: str) -> None:
        """Forget the reads of ``sheet``, once they are finished (the sheet is about to be read whole or changed)."""
        with self._lock:
            dropped = [self._reads.pop(k) for k in [k for k in self._reads if k[0] == sheet]]
        for future in dropped:
            future.exception()  # waits; what it raised no longer matters
