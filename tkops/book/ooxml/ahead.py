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
    """The reads started ahead, by (sheet name, headers asked for)."""

    def __init__(self) -> None:
        self._reads: dict[tuple[str, tuple[str, ...]], Future] = {}

    def start(self, sheet: str, headers: Sequence[str], read: Callable[[], Rows]) -> None:
        """Run ``read`` in a background thread, for :meth:`take` with the same ``sheet`` and ``headers``."""
        key = (sheet, tuple(headers))
        if key in self._reads:
            return
        future: Future = Future()

        def work() -> None:
            future.set_running_or_notify_cancel()
            try:
                future.set_result(read())
            except BaseException as err:  # handed to the step that asks for the sheet, raised there
                future.set_exception(err)

        self._reads[key] = future
        # a daemon: a command that stops early (a refusal elsewhere) does not wait for a read it no longer needs
        threading.Thread(target=work, name=f"tkops-read-{sheet}", daemon=True).start()

    def take(self, sheet: str, headers: Sequence[str]) -> Rows | None:
        """The rows of the read started for ``sheet`` and ``headers`` (waiting for it, raising what it raised);
        None when no such read was started."""
        future = self._reads.pop((sheet, tuple(headers)), None)
        return None if future is None else future.result()

    def drop(self, sheet: str) -> None:
        """Forget the reads of ``sheet``, once they are finished (the sheet is about to be read whole or changed)."""
        for key in [k for k in self._reads if k[0] == sheet]:
            self._reads.pop(key).exception()  # waits; what it raised no longer matters
