"""tkops.xlsm opened by LibreOffice (headless): the VBA modules it imports, each Home button bound to a macro that
exists, and the Home sheet rendered to PDF and PNG (not blank, the title band drawn).

Skipped only when LibreOffice (``soffice``) is not installed; .ci/run installs it with poppler-utils (pdftoppm),
python3-uno and fonts-noto-cjk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tkops.xlsm import home, sheets

from tests._run import run_killable

from ._png import read_png

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")

HELPER = Path(__file__).with_name("_lo_inspect.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's Python, which has LibreOffice's UNO bridge (python3-uno)


@pytest.fixture(scope="module")
def office(xlsm, tmp_path_factory) -> dict:
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True) \
        if os.path.exists(SYSTEM_PYTHON) else None
    if probe is None or probe.returncode != 0:
        pytest.fail(f"{SYSTEM_PYTHON} cannot import uno: install python3-uno (apt-get install python3-uno)")
    profile = tmp_path_factory.mktemp("lo-profile")
    done = run_killable([SYSTEM_PYTHON, str(HELPER), str(xlsm), str(profile)])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_libreoffice_imports_every_module_with_its_type(office):
    assert "VBAProject" in office["libraries"]
    modules = office["modules"]
    documents = [sheets.WORKBOOK_CODE_NAME] + [sheets.code_name(n) for n in sheets.all_sheet_names()]
    expected = {name: "document" for name in documents}
    expected.update({"Buttons": "normal", "xlwings": "normal", "Dictionary": "class"})
    assert {name: m["type"] for name, m in modules.items()} == expected
    for button in home.BUTTONS:
        assert f"Sub {button.macro}()" in modules["Buttons"]["source"]


def test_sheets_and_code_names(office):
    assert [(s["name"], s["codename"]) for s in office["sheets"]] == \
        [(n, sheets.code_name(n)) for n in sheets.all_sheet_names()]


def test_every_button_is_bound_to_an_existing_macro(office):
    controls = office["sheets"][0]["controls"]
    assert [c["label"] for c in controls] == [b.caption for b in home.BUTTONS]
    for control, button in zip(controls, home.BUTTONS):
        (event,) = control["events"]  # LibreOffice drops a binding whose macro does not exist
        assert event["listener"] == "XActionListener" and event["method"] == "actionPerformed"
        assert event["code"] == (f"vnd.sun.star.script:VBAProject.Buttons.{button.macro}"
                                 f"?language=Basic&location=document")
        assert event["resolves"], f"{event['code']} does not resolve to a macro"
    for other in office["sheets"][1:]:
        assert other["controls"] == []


def test_each_button_covers_the_cell_holding_its_caption(office):
    for control in office["sheets"][0]["controls"]:
        cell = control["cell"]
        assert cell is not None and cell["text"] == control["label"]
        for key in ("x", "y", "width", "height"):  # 1/100 mm
            assert abs(control[key] - cell[key]) <= 50, (key, control, cell)


def test_named_ranges_point_at_home(office):
    ranges = office["named_ranges"]
    assert ranges[home.STATUS_NAME].startswith("$Home.$D$")
    assert ranges[home.SUMMARY_NAME].startswith("$Home.$D$") and ":" not in ranges[home.SUMMARY_NAME]


@pytest.fixture(scope="module")
def home_png(xlsm, tmp_path_factory) -> bytes:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is not installed (apt-get install poppler-utils)")
    out = tmp_path_factory.mktemp("pdf")
    profile = (out / "profile").as_uri()
    done = run_killable(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(out), str(xlsm)])
    pdf = out / (xlsm.stem + ".pdf")
    assert pdf.exists(), done.stdout + done.stderr
    done = run_killable(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(out / "home")])
    assert done.returncode == 0, done.stderr
    (png,) = out.glob("home*.png")
    return png.read_bytes()


def test_home_page_renders_and_is_not_blank(home_png):
    width, height, rows = read_png(home_png)
    assert width > 300 and height > 400  # an A4 page at 60 dpi is about 496 x 702
    pixels = [p for row in rows for p in row]
    ink = sum(1 for r, g, b in pixels if min(r, g, b) < 235)
    assert ink / len(pixels) > 0.03, f"only {ink} of {len(pixels)} pixels are not white"
    # The dark title band: a run of rows in the top fifth that are mostly near-black.
    dark_rows = [y for y, row in enumerate(rows[: height // 5])
                 if sum(1 for r, g, b in row if max(r, g, b) < 60) > width * 0.6]
    assert len(dark_rows) >= 10, "the title band is missing"
    # The pink-red accent (section rules, step numbers) is there too.
    assert any(r > 200 and g < 90 and b < 130 for r, g, b in pixels), "no accent colour on the page"
