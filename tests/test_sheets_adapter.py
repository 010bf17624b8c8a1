"""The jobs' Orders/AfterSales adapter (tkops/jobs/sheets.py) on real workbooks: read once and typed, written back
only when changed and only the columns a step gives, team columns kept."""

from __future__ import annotations

import shutil

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from tkops.book import FileBook
from tkops.book.layout import AFTERSALES
from tkops.cli import main
from tkops.errors import BadWorkbook, DataError
from tkops.schema import ORDER_COLUMNS
from tkops.jobs.lines import order_lines
from tkops.jobs.orders_sheet import orders_sheet, sheet_line_keys
from tkops.jobs.sheets import (
    OrdersView,
    case_lines,
    read_cases,
    read_orders,
    typed_cases,
    write_cases,
    write_orders,
)

from conftest import EXPORTS


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    book = tmp_path_factory.mktemp("adapter") / "ops.xlsx"
    assert main(["import", str(EXPORTS / "us_2025.csv"), "--book", str(book), "--market", "US"]) == 0
    return book


@pytest.fixture
def book_path(imported, tmp_path):
    path = tmp_path / "ops.xlsx"
    shutil.copy(imported, path)
    return path


def sheet_rows(path, name):
    """A sheet's rows as a second reader (calamine) sees them."""
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def column(path, sheet, header):
    rows = sheet_rows(path, sheet)
    at = [str(h) for h in rows[0]].index(header)
    return [r[at] for r in rows[1:]]


def test_read_orders_gives_the_sheet_and_its_lines_typed_once(book_path):
    view = read_orders(FileBook(book_path))
    rows = sheet_rows(book_path, "Orders")
    assert list(view.sheet.columns) == view.headers == [str(h) for h in rows[0] if h != ""]
    assert len(view.sheet) == len(rows) - 1
    assert view.columns is None
    assert view.lines is view.lines  # typed once
    assert list(view.lines["order_id"]) == [str(r[0]) for r in rows[1:]]
    assert "Order ID" not in view.lines


def test_with_team_adds_the_team_columns_the_sheet_has(book_path):
    view = read_orders(FileBook(book_path))
    view.sheet["Picked"] = "Yes"
    lines = view.with_team({"picked": "Picked", "nowhere": "No Such Column"})
    assert set(lines["picked"]) == {"Yes"}
    assert "nowhere" not in lines


def test_with_sheet_types_the_new_copy_afresh(book_path):
    view = read_orders(FileBook(book_path), ["Order ID"])
    sheet = view.sheet.copy()
    sheet["Order ID"] = "X1"
    sheet["Adapter Note"] = "n"
    again = view.with_sheet(sheet)
    assert set(again.lines["order_id"]) == {"X1"}
    assert again.headers[-1] == "Adapter Note" and "Adapter Note" not in view.headers
    assert again.columns == ("Order ID",)


def test_a_book_without_orders_is_refused_by_name(tmp_path):
    empty = tmp_path / "empty.xlsx"
    book = FileBook(empty)
    with pytest.raises(DataError) as err:
        read_orders(book)
    assert err.value.code == "no_orders"
    assert orders_sheet(book).empty


def test_nothing_is_written_unless_changed(book_path):
    book = FileBook(book_path)
    view = read_orders(book)
    first = view.sheet.index[0]
    view.sheet.loc[first, "Buyer Message"] = "changed"
    assert write_orders(book, view, changed=False) is False
    book.save()
    assert column(book_path, "Orders", "Buyer Message")[0] != "changed"
    book = FileBook(book_path)
    view = read_orders(book)
    view.sheet.loc[first, "Buyer Message"] = "changed"
    assert write_orders(book, view) is True
    book.save()
    assert column(book_path, "Orders", "Buyer Message")[0] == "changed"


def test_only_the_columns_a_step_gives_are_written(book_path):
    wb = openpyxl.load_workbook(book_path)
    ws = wb["Orders"]
    headers = [c.value for c in ws[1]]
    ws.cell(2, headers.index("Buyer Message") + 1).value = "typed in Excel meanwhile"
    wb.save(book_path)
    book = FileBook(book_path)
    view = read_orders(book)
    # the step changed Issues only: the frame it gives holds that column alone
    update = pd.DataFrame({"Issues": ["looked at"] * len(view.sheet)}, index=view.sheet.index)
    assert write_orders(book, view, update)
    book.save()
    assert set(column(book_path, "Orders", "Issues")) == {"looked at"}
    assert column(book_path, "Orders", "Buyer Message")[0] == "typed in Excel meanwhile"


def test_a_column_the_step_adds_is_written_at_the_right(book_path):
    book = FileBook(book_path)
    view = read_orders(book)
    sheet = view.sheet.copy()
    sheet["Adapter Note"] = "hello"
    write_orders(book, view.with_sheet(sheet))
    book.save()
    rows = sheet_rows(book_path, "Orders")
    assert rows[0][:len(view.headers)] == view.headers
    assert "Adapter Note" in rows[0]
    assert set(column(book_path, "Orders", "Adapter Note")) == {"hello"}


def test_a_view_read_for_some_columns_writes_back_those(book_path):
    book = FileBook(book_path)
    view = read_orders(book, ["Order ID", "Issues"])
    frame = view.sheet[["Order ID", "Issues"]].assign(Issues="seen")
    write_orders(book, view, frame)
    book.save()
    assert set(column(book_path, "Orders", "Issues")) == {"seen"}
    assert len(sheet_rows(book_path, "Orders")[0]) >= len(view.headers)


def test_line_keys_of_the_sheet(book_path):
    sheet = orders_sheet(FileBook(book_path))
    keys = sheet_line_keys(sheet)
    assert keys.index.equals(sheet.index)
    first = sheet.iloc[0]
    assert keys.iloc[0] == f"{first['Order ID']}|{first['SKU ID']}|0"
    assert keys.is_unique


def with_cases(path, rows):
    wb = openpyxl.load_workbook(path)
    ws = wb[AFTERSALES.name]
    header = [c.value for c in ws[1]]
    for i, values in enumerate(rows, start=2):
        for name, value in values.items():
            ws.cell(i, header.index(name) + 1).value = value
    wb.save(path)


def test_read_cases_types_the_case_columns(book_path):
    order = column(book_path, "Orders", "Order ID")[0]
    with_cases(book_path, [{"Case ID": "C1", "Order ID": order, "Status": "open"},
                           {"Case ID": "C2", "Order ID": order, "Seller SKU": "SKU-9"}])
    view = read_cases(FileBook(book_path))
    assert not view.empty and view.name == "ops.xlsx"
    assert list(view.sheet["Case ID"]) == ["C1", "C2"]
    assert list(view.cases["case_id"]) == ["C1", "C2"]
    assert view.cases is view.cases
    assert "status" in view.cases  # a team column of the sheet's case table
    assert "status" not in typed_cases(view.sheet)  # the platform's columns only
    assert list(typed_cases(view.sheet)["seller_sku"].fillna("")) == ["", "SKU-9"]


def test_a_book_without_cases_reads_empty(book_path):
    view = read_cases(FileBook(book_path))
    assert view.empty and view.sheet.empty


def test_write_cases_keeps_the_team_columns_and_writes_only_when_changed(book_path):
    with_cases(book_path, [{"Case ID": "C1"}])
    book = FileBook(book_path)
    frame = read_cases(book).sheet.assign(**{"Team Extra": "kept", "Reply Text": "draft"})
    assert write_cases(book, frame, changed=False) is False
    book.save()
    assert "Team Extra" not in sheet_rows(book_path, AFTERSALES.name)[0]
    book = FileBook(book_path)
    assert write_cases(book, frame) is True
    book.save()
    assert column(book_path, AFTERSALES.name, "Team Extra") == ["kept"]
    assert column(book_path, AFTERSALES.name, "Reply Text") == ["draft"]


def test_case_lines_are_the_orders_with_canonical_statuses(book_path):
    book = FileBook(book_path)
    wb = openpyxl.load_workbook(book_path)
    ws = wb["Orders"]
    status = [c.value for c in ws[1]].index("Order Status") + 1
    ws.cell(2, status).value = "awaiting shipment"  # as a person might type it
    wb.save(book_path)
    lines = case_lines(FileBook(book_path), ())
    assert len(lines) == len(orders_sheet(book).index)
    assert lines["order_status"].iloc[0] == "Awaiting Shipment"


def test_case_lines_of_a_book_without_lines_are_empty(tmp_path):
    assert case_lines(FileBook(tmp_path / "new.xlsx"), ()).empty


def test_an_orders_view_of_a_frame_knows_its_headers():
    view = OrdersView(pd.DataFrame({"Order ID": ["1"], "Team": ["t"]}))
    assert view.headers == ["Order ID", "Team"]


class ColumnsBook(FileBook):
    """A workbook file read the way the live backend reads it: only the columns a step asks for."""

    def read_columns(self, sheet, headers):
        rows = self.read_rows(sheet)
        keep = [i for i, h in enumerate(rows[0]) if h in headers]
        return [[r[i] if i < len(r) else None for i in keep] for r in rows]


def test_a_step_asking_for_some_columns_gets_those_and_writes_back_those(book_path):
    book = ColumnsBook(book_path)
    view = read_orders(book, ["Order ID", "Issues"])
    assert list(view.sheet.columns) == ["Order ID", "Issues"] and view.columns == ("Order ID", "Issues")
    write_orders(book, view, view.sheet.assign(Issues="seen"))
    book.save()
    assert set(column(book_path, "Orders", "Issues")) == {"seen"}
    assert any(v not in (None, "") for v in column(book_path, "Orders", "Order Status"))  # not blanked


def test_a_blank_status_stays_blank_in_the_case_lines(book_path):
    wb = openpyxl.load_workbook(book_path)
    ws = wb["Orders"]
    ws.cell(2, [c.value for c in ws[1]].index("Order Status") + 1).value = None
    wb.save(book_path)
    assert case_lines(FileBook(book_path), ())["order_status"].iloc[0] == ""


@pytest.mark.parametrize("sheet, header, read", [(AFTERSALES.name, "Case ID", read_cases),
                                                  ("Orders", "Order ID", orders_sheet)])
def test_a_sheet_with_a_header_twice_is_refused_naming_it(book_path, sheet, header, read):
    wb = openpyxl.load_workbook(book_path)
    wb[sheet].cell(1, 3).value = header
    wb.save(book_path)
    with pytest.raises(BadWorkbook) as err:
        read(FileBook(book_path))
    assert err.value.params["file"] == "ops.xlsx"
    assert f'sheet "{sheet}" has the header "{header}" twice' in err.value.params["detail"]


def test_a_case_id_excel_rounded_is_refused_naming_the_sheet(book_path):
    with_cases(book_path, [{"Case ID": "C1", "Order ID": 5.77e17}])
    view = read_cases(FileBook(book_path))
    with pytest.raises(DataError) as err:
        typed_cases(view.sheet)
    assert err.value.code == "sheet_mangled_id"
    assert err.value.params["sheet"] == "AfterSales" and err.value.params["row"] == 2



def test_an_aftersales_sheet_without_case_ids_is_refused_naming_the_header(book_path):
    wb = openpyxl.load_workbook(book_path)
    wb[AFTERSALES.name].cell(1, 1).value = "Case"
    wb.save(book_path)
    with pytest.raises(BadWorkbook) as err:
        read_cases(FileBook(book_path))
    assert 'sheet "AfterSales" has no "Case ID" header' in err.value.params["detail"]


def test_orders_without_a_status_column_give_no_case_lines(book_path):
    wb = openpyxl.load_workbook(book_path)
    ws = wb["Orders"]
    ws.cell(1, [c.value for c in ws[1]].index("Order Status") + 1).value = "Status Typed By Hand"
    wb.save(book_path)
    assert case_lines(FileBook(book_path), ()).empty


def test_case_lines_read_history_only_for_the_orders_named(book_path):
    assert main(["archive", "--book", str(book_path), "--before", "2027-01-01"]) == 0
    past = FileBook(book_path)
    history = order_lines(past)
    archived = history.loc[history["where"] == "history", "order_id"]
    assert len(archived)
    assert set(case_lines(past, ())["where"]) == {"orders"}
    named = case_lines(past, [archived.iloc[0]])
    assert set(named.loc[named["where"] == "history", "order_id"]) == {archived.iloc[0]}


def test_a_platform_column_the_sheet_lacks_is_added_where_the_step_gives_values(book_path):
    book = FileBook(book_path)
    view = read_orders(book)
    absent = [c.name for c in ORDER_COLUMNS if not c.core and c.name not in view.headers
              and c.kind.name == "TEXT"]
    assert absent  # an import lays out only the optional columns its file filled
    write_orders(book, view, view.sheet.assign(**{absent[0]: "given"}))
    book.save()
    assert set(column(book_path, "Orders", absent[0])) == {"given"}


def test_the_first_import_into_a_header_only_orders_sheet_writes_it_whole(tmp_path):
    from tkops.jobs.import_orders import import_files
    from tkops.jobs.orders_sheet import orders_spec
    from tkops.settings import Settings

    path = tmp_path / "new.xlsx"
    FileBook(path).save()
    book = FileBook(path)
    spec = orders_spec(book.read_rows("Orders")[0] + ["My Note"])
    book.write_table(spec, pd.DataFrame(columns=spec.headers))  # the team's own column, no line yet
    book.save()

    class Recording(FileBook):
        def write_table(self, spec, frame):
            if spec.name == "Orders":
                written.append((spec.headers, list(frame.columns)))
            super().write_table(spec, frame)

    written: list = []
    import_files([EXPORTS / "us_2025.csv"], Recording(path), Settings(market="US"), failfast=True)
    [(headers, columns)] = written
    assert columns == headers and "My Note" in headers  # every column the sheet had, not only the merged ones
    assert [str(h) for h in sheet_rows(path, "Orders")[0] if h != ""] == headers
    assert set(column(path, "Orders", "My Note")) == {""}
