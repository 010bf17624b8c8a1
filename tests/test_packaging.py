"""What a wheel carries: every package, the templates and the bundled sample data (pip install ., not -e)."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_setup_cfg_lists_every_package():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "tkops").rglob("__init__.py")}
    assert found | {"tkops.templates", "tkops.macros"} <= listed


def test_wheel_carries_templates_and_samples(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    wheel = next(tmp_path.glob("tkops-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for sample in (ROOT / "tkops" / "samples").iterdir():
        assert f"tkops/samples/{sample.name}" in names
    shipped = {str(p.relative_to(ROOT / "templates")).replace("\\", "/")
               for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert shipped and all(f"tkops/templates/{name}" in names for name in shipped)
    macros = [p.name for p in (ROOT / "macros").glob("*.bas")]
    assert macros and all(f"tkops/macros/{name}" in names for name in macros)
    assert any(n.endswith("entry_points.txt") for n in names)


def test_the_built_wheel_installs_into_a_fresh_venv_and_runs_the_demo(tmp_path):
    """docs/setup.md, as a team follows it: a wheel made by ``python -m build``, installed into a new virtual
    environment, ``tkops --version`` and ``tkops demo`` run from there (not from this checkout). The environment sees
    the machine's libraries (--system-site-packages) so that nothing is downloaded; tkops itself comes from the
    wheel only."""
    pytest.importorskip("build")
    dist = tmp_path / "dist"
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist),
                           str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    wheel = next(dist.glob("tkops-*-py3-none-any.whl"))
    base = getattr(sys, "_base_executable", sys.executable)
    venv = tmp_path / "tkops-env"
    subprocess.run([base, "-m", "venv", "--system-site-packages", str(venv)], check=True, capture_output=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if sys.prefix != sys.base_prefix:  # the tests run in a virtual environment: its libraries are the machine's
        own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
        # a .pth line only adds the folder: the .pth files in it (this checkout's editable tkops) are not run
        libraries = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        Path(own, "tests-libraries.pth").write_text("\n".join(sorted(libraries)) + "\n", encoding="utf-8")
    tkops = venv / ("Scripts/tkops.exe" if sys.platform == "win32" else "bin/tkops")
    done = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    home = tmp_path / "team"
    home.mkdir()
    where = subprocess.run([str(python), "-c", "import tkops; print(tkops.__file__)"], capture_output=True,
                           text=True, cwd=home, env=env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout  # the wheel's tkops, not this checkout
    version = subprocess.run([str(tkops), "--version"], capture_output=True, text=True, cwd=home, env=env)
    assert version.returncode == 0 and version.stdout.startswith("tkops "), version.stderr
    demo = subprocess.run([str(tkops), "demo"], capture_output=True, text=True, cwd=home, env=env, timeout=900)
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert (home / "tkops-demo" / "tkops-demo.xlsx").exists() and "Traceback" not in demo.stderr
    outputs = {p.name.split(" 20")[0] for p in (home / "tkops-demo" / "tkops-output").iterdir()}
    assert {"Pick list", "Packing slips", "Packing checklist", "Shipping info"} <= outputs
