"""Running an outside program from a test (LibreOffice, its UNO helper scripts, poppler): in a new process group, so
that a program that hangs is killed with every child it started. Not a test module (pytest does not collect it)."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest


def run_killable(cmd: list[str], timeout: int = 300) -> subprocess.CompletedProcess:
    """``cmd`` run to its end, its output as text; when it takes longer than ``timeout`` seconds its process group is
    killed and the test fails, naming the command."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"timed out: {' '.join(cmd)}")
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)
