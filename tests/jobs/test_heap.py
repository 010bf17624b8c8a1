"""The C heap a large job runs with (tkops/jobs/heap.py): set for the job, set back after it even when it fails,
and left alone where the C library is not glibc."""

from __future__ import annotations

import sys

import pytest

from tkops.jobs import heap


class FakeLibc:
    """The two glibc calls roomy_heap makes, recorded in order."""

    def __init__(self):
        self.calls = []

    def mallopt(self, option, value):
        self.calls.append(("mallopt", option, value))
        return 1

    def malloc_trim(self, pad):
        self.calls.append(("trim", pad))
        return 1


def test_the_heap_is_roomy_for_the_job_and_usual_again_after_it():
    libc = FakeLibc()
    with heap.roomy_heap(libc):
        inside = list(libc.calls)
    assert inside == [("mallopt", -3, 1 << 30), ("mallopt", -1, (1 << 31) - 1), ("mallopt", -2, 64 << 20)]
    assert libc.calls[3:] == [("mallopt", -3, 128 << 10), ("mallopt", -1, 128 << 10), ("mallopt", -2, 128 << 10),
                              ("trim", 0)]


def test_a_failing_job_still_sets_the_heap_back():
    libc = FakeLibc()
    with pytest.raises(ZeroDivisionError):
        with heap.roomy_heap(libc):
            1 / 0
    assert libc.calls[-1] == ("trim", 0) and ("mallopt", -3, 128 << 10) in libc.calls


def test_a_c_library_without_mallopt_and_malloc_trim_is_not_glibc(monkeypatch):
    import ctypes

    class Musl:  # has mallopt, as musl does, but no malloc_trim
        mallopt = staticmethod(lambda option, value: 0)

    monkeypatch.setattr(ctypes, "CDLL", lambda name: Musl())
    assert heap.glibc() is None

    def missing(name):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert heap.glibc() is None


def test_elsewhere_than_linux_nothing_is_touched(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert heap.glibc() is None
    with heap.roomy_heap():
        pass  # nothing to set, nothing raised


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_on_this_linux_the_real_glibc_is_found_and_used():
    libc = heap.glibc()
    assert libc is not None and libc.mallopt(heap.M_TOP_PAD, 128 << 10) == 1
    with heap.roomy_heap():
        block = bytearray(200 << 20)  # an array above glibc's usual threshold, then freed inside
        del block
