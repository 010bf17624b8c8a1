"""The C heap while a job works through a year of lines.

glibc gives every allocation above its threshold (128 KB to start with) pages of its own from the kernel and hands
them back as soon as it is freed; it also returns the top of its heap above 128 KB free. A month-end over a year of
lines makes and drops arrays of tens to hundreds of megabytes by the hundred (pandas, numpy, the readers), and each
time the kernel maps and zeroes the pages again: over a second of system time on the benchmark's year, with two
cores to share. For the duration of such a job (:func:`roomy_heap`) glibc keeps what is freed for the next arrays;
afterwards its thresholds are set back and what it kept is returned, so a long-lived process (the Excel buttons')
does not hold the job's peak. Elsewhere than glibc (Windows, macOS) nothing is changed.
"""

from __future__ import annotations

import ctypes
import sys
from contextlib import contextmanager
from typing import Iterator

# mallopt's parameters (glibc's malloc.h)
M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3
#: While a large job runs: arrays up to 1 GiB come from the heap, freed memory stays for the next ones.
ROOMY = {M_MMAP_THRESHOLD: 1 << 30, M_TRIM_THRESHOLD: (1 << 31) - 1, M_TOP_PAD: 64 << 20}
#: Afterwards: glibc's starting values (mallopt(3)). Set by hand, the mmap threshold stays fixed at 128 KB where glibc
#: would raise it as large blocks are freed: a later job maps its large arrays afresh, as at the process's start.
USUAL = {M_MMAP_THRESHOLD: 128 << 10, M_TRIM_THRESHOLD: 128 << 10, M_TOP_PAD: 128 << 10}


def glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (has ``mallopt`` and ``malloc_trim``), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


@contextmanager
def roomy_heap(libc: ctypes.CDLL | None = None) -> Iterator[None]:
    """Run the block with glibc keeping freed memory for the next large arrays (:data:`ROOMY`), then set
    :data:`USUAL` back and return what it kept to the system. ``libc``: the C library (default: :func:`glibc`)."""
    libc = libc or glibc()
    if libc is None:
        yield
        return
    for option, value in ROOMY.items():
        libc.mallopt(option, value)
    try:
        yield
    finally:
        for option, value in USUAL.items():
            libc.mallopt(option, value)
        libc.malloc_trim(0)
