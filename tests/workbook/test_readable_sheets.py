"""Sheets people can read, checked as rendered pages (LibreOffice -> PDF -> text and PNG) and as cell properties read
back with openpyxl, on the demo workbook: frozen panes, the team's columns first, codes as labels, multi-line cells
wrapped and tall enough, the pick list and the upload file inside their printed pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from tkops.jobs.demo import run_demo

from tests._run import run_killable

from ._png import read_png

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice and poppler are needed to render the pages")


def render(book: Path, out: Path) -> Path:
    """``book`` printed to PDF by headless LibreOffice (every sheet, as its page setup says)."""
    profile = (out / "lo-profile").as_uri()
    run_killable(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
          "--outdir", str(out), str(book)])
    pdf = out / (book.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not print {book.name}"
    return pdf


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last)] if first else []
    return run_killable(["pdftotext", "-layout", *pages, str(pdf), "-"]).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    run_demo(out)
    return out


@pytest.fixture(scope="module")
def book(demo) -> openpyxl.Workbook:
    return openpyxl.load_workbook(demo / "tkops-demo.xlsx")


@pytest.fixture(scope="module")
def printed(demo, tmp_path_factory) -> str:
    return pdf_text(render(demo / "tkops-demo.xlsx", tmp_path_factory.mktemp("pdf")))


def column_width(ws, column: int) -> float:
    """A column's width as the file says (openpyxl keys a run of alike columns by its first one)."""
    return next(d.width for d in ws.column_dimensions.values() if (d.min or 0) <= column <= (d.max or 0))


def headers(ws) -> list:
    return [c.value for c in ws[1]]


# --- cell properties ----------------------------------------------------------------------------------------------

def test_orders_freeze_order_id_and_header_and_show_the_team_columns_first(book):
    ws = book["Orders"]
    assert ws.freeze_panes == "B2"
    assert headers(ws)[:9] == ["Order ID", "Review Status", "Issues", "Assignee", "Team Note", "Picked", "Packed",
                               "QC OK", "Tracking ID"]
    detail = headers(ws).index("SKU Subtotal Before Discount") + 1
    dim = next(d for d in ws.column_dimensions.values() if (d.min or 0) <= detail <= (d.max or 0))
    assert dim.outlineLevel == 1 and dim.hidden  # money breakdowns grouped out of the way, one click to open


def test_codes_are_shown_as_labels_with_the_code_kept(book):
    orders = list(book["Orders"].iter_rows(values_only=True))
    h = orders[0]
    both = [(r[h.index("Issues")], r[h.index("Issue Codes")]) for r in orders[1:] if r[h.index("Issue Codes")]]
    assert ("Ship together", "order.combinable") in both
    assert not any("." in label for label, _ in both if label)  # no raw code among the labels
    cases = list(book["AfterSales"].iter_rows(values_only=True))
    h = cases[0]
    pairs = {(r[h.index("Suggested Resolution")], r[h.index("Suggested Resolution Label")]) for r in cases[1:]}
    assert ("explain_and_advise", "Explain and advise") in pairs
    assert h.index("Case Type Label") == h.index("Case Type") + 1
    assert {(r[h.index("Case Type")], r[h.index("Case Type Label")]) for r in cases[1:]} >= {("size_fit", "Size / fit")}


def test_multi_line_cells_wrap_and_their_rows_are_tall_enough(book):
    ws = book["Review"]
    column = headers(ws).index("Message to Buyer") + 1
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value]
    assert rows
    for r in rows:
        cell = ws.cell(r, column)
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        paragraphs = cell.value.count("\n") + 1
        assert ws.row_dimensions[r].height >= 15 * min(paragraphs, 12), (r, cell.value)
    replies = book["AfterSales"]
    column = headers(replies).index("Reply Text") + 1
    drafted = [r for r in range(2, replies.max_row + 1) if replies.cell(r, column).value]
    assert drafted and all(replies.cell(r, column).alignment.wrap_text for r in drafted)
    assert all(replies.row_dimensions[r].height >= 60 for r in drafted)


# --- rendered pages -------------------------------------------------------------------------------------------------

def test_every_line_of_a_message_to_the_buyer_is_on_the_page(book, printed):
    ws = book["Review"]
    column = headers(ws).index("Message to Buyer") + 1
    messages = [ws.cell(r, column).value for r in range(2, ws.max_row + 1) if ws.cell(r, column).value]
    text = flat(printed)
    for message in messages[:6]:
        for paragraph in [p for p in message.split("\n") if p.strip()]:
            assert flat(paragraph) in text, paragraph  # each paragraph, not only the last


def test_the_pick_list_prints_every_order_id_inside_the_page(book, demo, tmp_path):
    ws = book["PickList"]
    ids = {i for r in ws.iter_rows(min_row=2, values_only=True)
           for i in re.findall(r"\d{18}", str(r[headers(ws).index("Order IDs")] or ""))}
    assert ids
    only = openpyxl.load_workbook(demo / "tkops-demo.xlsx")
    for name in only.sheetnames:
        if name != "PickList":
            del only[name]
    single = tmp_path / "picklist.xlsx"
    only.save(single)
    pdf = render(single, tmp_path)
    assert set(re.findall(r"\d{18}", pdf_text(pdf))) >= ids
    run_killable(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")])
    width, _height, rows = read_png(next(tmp_path.glob("page*.png")).read_bytes())
    inked = [x for row in rows for x, (r, g, b) in enumerate(row) if min(r, g, b) < 128]
    assert max(inked) < width * 0.98  # nothing runs off the right edge


def test_the_upload_files_sku_ids_print_whole(demo, tmp_path):
    upload = next((demo / "tkops-output").glob("Shipping info*.xlsx"))
    ws = openpyxl.load_workbook(upload)["Shipping info"]
    sku_ids = [r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[1]]
    assert sku_ids and column_width(ws, 2) >= max(len(s) for s in sku_ids) + 1
    text = pdf_text(render(upload, tmp_path))
    assert "###" not in text
    assert set(sku_ids) <= set(re.findall(r"\d{19}", text))
