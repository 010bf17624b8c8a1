"""What a wheel carries: every package, the templates and the bundled sample data (pip install ., not -e)."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

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
