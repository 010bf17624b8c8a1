"""tkops pull against the fake TikTok Shop server: real .xlsx workbooks (FileBook), read back with openpyxl
(the Pull step)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import traceback
import zipfile

import openpyxl
import pytest

from tests.api import payloads as P
from tests.api import server_data as D
from tkops import schema
from tkops.api import ApiError, ServerBusy
from tkops.api.orders_map import API_KEYS, RETURN_KEYS, SLA_KEYS
from tkops.book import FileBook
from tkops.errors import ConfigError
from tkops.jobs.import_orders import import_files
from tkops.jobs.pull import ADDRESS_KEYS, CANCELLATIONS, DETAIL, RETURNS, SEARCH, run_pull
from tkops.settings import Settings

UTC = dt.timezone.utc
US = Settings(market="US")  # America/Los_Angeles
NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
JAN = dt.datetime(2026, 1, 2, tzinfo=UTC)  # after the server_data orders (2026-01-01)
FAKE_WAREHOUSE = ("7000714532876273420", "LA warehouse")  # the one the fake's warehouse endpoint lists
PULLED = {c.name for c in schema.ORDER_COLUMNS if c.key in {*API_KEYS, *RETURN_KEYS, "warehouse_name"}}
ADDRESS = [schema.BY_KEY[k].name for k in ADDRESS_KEYS]


def new_book(tmp_path, name: str = "ops.xlsx"):
    path = tmp_path / name
    FileBook(path, US).save()
    return path


def pull(path, client, now=NOW, days=300, settings=US):
    return run_pull(FileBook(path, settings), settings, client, now, days=days)


def rows(path, sheet: str) -> list[dict]:
    values = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(values[0], r)) for r in values[1:]]


def cells(path) -> list:
    return [c for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows(values_only=True) for c in row]


def bodies(fake, path: str) -> list[dict]:
    return [json.loads(r.body) for r in fake.calls(path)]


def stamp(moment: dt.datetime) -> int:
    return int(moment.timestamp())


def many(shop: P.Shop, copies: int) -> P.Shop:
    """``copies`` copies of every order and return of ``shop`` under new IDs, shipped from the fake's warehouse."""
    def oid(text: str, c: int) -> str:
        return text[:9] + f"{c:06d}" + text[-3:]

    orders = [dataclasses.replace(o, id=oid(o.id, c)) for c in range(copies) for o in shop.orders]
    returns = [dataclasses.replace(r, id=r.id[:10] + f"{c:06d}" + r.id[-3:], order=oid(r.order, c))
               for c in range(copies) for r in shop.returns]
    return dataclasses.replace(shop, orders=tuple(orders), returns=tuple(returns), warehouse=FAKE_WAREHOUSE)


def serve(fake, shop: P.Shop) -> None:
    fake.orders, fake.returns, fake.cancellations = P.api_orders(shop), P.api_returns(shop), P.api_cancellations(shop)


def pulled_orders(fake, client, tmp_path):
    """A new book after a first pull of the US shop, opened for the team to type in: the book, the workbook, its Orders
    sheet, the sheet's headers and the Order ID of each row from row 2."""
    serve(fake, P.US)
    book = new_book(tmp_path)
    pull(book, client)
    wb = openpyxl.load_workbook(book)
    ws = wb["Orders"]
    header = [c.value for c in ws[1]]
    return book, wb, ws, header, [ws.cell(r, header.index("Order ID") + 1).value for r in range(2, ws.max_row + 1)]


def compared(lines: list[dict], columns: list[str], blank: set[str]) -> list[tuple]:
    """The lines' values in ``columns``, sorted; address cells of the orders in ``blank`` set to None."""
    out = [tuple(None if c in ADDRESS and r["Order ID"] in blank else r.get(c) for c in columns) for r in lines]
    return sorted(out, key=repr)


def test_a_pull_of_many_pages_gives_the_rows_of_the_export_import(fake, make_client, tmp_path):
    shop = many(P.US, 36)  # 252 orders: 3 search pages of 100, 6 detail calls of up to 50
    serve(fake, shop)
    exported = new_book(tmp_path, "exported.xlsx")
    import_files([P.write_order_export(shop, tmp_path / "orders.csv")], FileBook(exported, US), US)
    pulled = new_book(tmp_path, "pulled.xlsx")

    report = pull(pulled, make_client())

    assert [r.query["page_size"] for r in fake.calls(SEARCH)] == ["100"] * 3
    detail_ids = [r.query["ids"].split(",") for r in fake.calls(DETAIL)]
    assert [len(ids) for ids in detail_ids] == [50] * 5 + [2]
    assert sorted(sum(detail_ids, [])) == sorted(o.id for o in shop.orders)
    assert (report.orders, report.counts.new, report.counts.updated) == (252, report.lines_read, 0)
    got, want = rows(pulled, "Orders"), rows(exported, "Orders")
    assert len(got) == len(want) == report.lines_read == 14 * 36
    columns = [h for h in got[0] if h in PULLED and h in want[0]]
    assert {schema.BY_KEY[k].name for k in ("order_id", "recipient", "warehouse_name", "return_quantity",
                                             "order_refund_amount", "shipped_time")} <= set(columns)
    # the API withholds the recipient of an unpaid order: the export's address cells are the expected difference
    withheld = {o.id for o in shop.orders if o.status == "UNPAID"}
    assert compared(got, columns, set()) == compared(want, columns, withheld)
    assert all(r[h] is None for r in got if r["Order ID"] in withheld for h in ADDRESS if h in r)

    # pulled over the import of the same orders: nothing changes, withheld addresses included, except that the
    # platform's deadlines (RTS SLA Time, ...: no export has them) are added
    again = pull(exported, make_client())
    assert again.counts.new == 0 and again.counts.updated + again.counts.unchanged == 14 * 36
    deadlines = {schema.BY_KEY[k].name for k in SLA_KEYS}
    after = rows(exported, "Orders")
    assert {h for r in after for h, v in r.items() if v is not None} & deadlines >= {"RTS SLA Time"}
    assert [{h: v for h, v in r.items() if h not in deadlines} for r in after] == want
    with_deadlines = sum(1 for r in after if any(r.get(h) is not None for h in deadlines))
    assert again.counts.updated == with_deadlines > 0
    log = rows(exported, "ImportLog")
    assert [(r["Source"], r["File"]) for r in log][-1] == ("tiktok_api", "TikTok Shop API")
    assert (log[-1]["Rows Read"], log[-1]["New"], log[-1]["Updated"], log[-1]["Unchanged"]) == (
        504, 0, with_deadlines, 504 - with_deadlines)
    assert log[-1]["Pulled Until"] == dt.datetime(2026, 11, 26, 12, 0)  # NOW in Los Angeles


def test_rate_limit_and_expired_token_mid_pull_still_complete(fake, make_client, sleeps, tmp_path):
    serve(fake, many(P.US, 20))
    book = new_book(tmp_path)
    client = make_client()
    issued, call = len(fake.issued), client.request

    def request(method, path, *args, **kwargs):
        if path == DETAIL and len(fake.calls(DETAIL)) == 1:  # the second detail call
            fake.expire_next, fake.rate_limit_next = 1, 2
        return call(method, path, *args, **kwargs)

    client.request = request
    report = pull(book, client)
    assert len(sleeps) >= 2 and len(fake.issued) == issued + 2  # waited twice, renewed the token once
    assert (report.orders, report.counts.new) == (140, 280)
    assert len({r["Order ID"] for r in rows(book, "Orders")}) == 140


def test_a_failure_on_page_7_writes_nothing_and_the_next_pull_resumes(fake, make_client, tmp_path):
    book = new_book(tmp_path)
    pull(book, make_client(), now=JAN, days=7)  # the three default orders
    first_log = rows(book, "ImportLog")
    fake.orders = [D.order(i, update_time=stamp(JAN) + 60 * i) for i in range(1, 651)]  # 7 pages of 100
    fake.fail_on_page = 7
    before = book.read_bytes()
    with pytest.raises(ServerBusy):
        pull(book, make_client(), now=JAN + dt.timedelta(days=1))
    assert book.read_bytes() == before and rows(book, "ImportLog") == first_log
    assert len(fake.calls(SEARCH)) > 7 and not fake.calls(DETAIL)[1:]  # paged to 7, never asked for details

    fake.fail_on_page = None
    fake.requests.clear()
    report = pull(book, make_client(), now=JAN + dt.timedelta(days=1, hours=1))
    assert bodies(fake, SEARCH)[0]["update_time_ge"] == stamp(JAN - dt.timedelta(minutes=10))
    assert (report.counts.new, report.counts.unchanged) == (650 - 3, 3)  # the first three were pulled already
    assert len(rows(book, "Orders")) == 650 and len(rows(book, "ImportLog")) == 2


def test_the_window_starts_at_the_last_pulled_until_minus_the_overlap(fake, make_client, tmp_path):
    book = new_book(tmp_path)
    first = pull(book, make_client(), now=JAN, days=7)
    assert (first.since, first.until) == (dt.datetime(2025, 12, 25, 16, 0), dt.datetime(2026, 1, 1, 16, 0))
    later = JAN + dt.timedelta(hours=5)
    pull(book, make_client(), now=later)
    window = {"update_time_ge": stamp(JAN - dt.timedelta(minutes=10)), "update_time_lt": stamp(later)}
    for path in (SEARCH, CANCELLATIONS):
        assert [{k: b[k] for k in window} for b in bodies(fake, path)] == [
            {"update_time_ge": stamp(JAN - dt.timedelta(days=7)), "update_time_lt": stamp(JAN)}, window]
    assert [{k: b[k] for k in window} for b in bodies(fake, RETURNS) if "update_time_ge" in b][-1] == window
    assert all(b["order_ids"] for b in bodies(fake, RETURNS) if "update_time_ge" not in b)
    assert [r["Pulled Until"] for r in rows(book, "ImportLog")] == [
        dt.datetime(2026, 1, 1, 16, 0), dt.datetime(2026, 1, 1, 21, 0)]


def test_returns_and_cancellations_become_cases_typed_by_their_reason_keys(fake, make_client, tmp_path):
    serve(fake, P.US)
    book = new_book(tmp_path)
    report = pull(book, make_client())
    cases = {(r["Case ID"], r["Seller SKU"]): r for r in rows(book, "AfterSales")}
    assert {k: r["Case Type"] for k, r in cases.items()} == {
        ("4035118812903456781", "TEE-BLK-M"): "defective", ("4035118812903456799", "TEE-BLK-M"): "size_fit",
        ("4035118812903456799", "HOOD-NVY-M"): "size_fit", ("C-577100000000000404", "HOOD-NVY-M"): "late"}
    assert cases[("C-577100000000000404", "HOOD-NVY-M")]["Country"] == "United States"  # from the pulled order
    assert (report.returns, report.cancellations, report.cases.counts.new) == (2, 1, 4)
    again = pull(book, make_client(), now=NOW + dt.timedelta(hours=1))
    assert (again.cases.counts.new, again.cases.counts.updated) == (0, 0)
    assert again.lines("en")[2] == "After-sales: 0 returns and 0 cancellations: 0 new cases, 0 updated."


def test_team_columns_and_withheld_addresses_are_kept(fake, make_client, tmp_path):
    book, wb, ws, header, ids = pulled_orders(fake, make_client(), tmp_path)
    at = {h: i + 1 for i, h in enumerate(header)}
    unpaid = ids.index("577100000000000606") + 2
    ws.cell(2, at["Team Note"]).value = "call buyer about colour"
    ws.cell(2, at["Assignee"]).value = "Lin"
    ws.cell(unpaid, at["Recipient"]).value = "Jordan Lee"  # typed by the team from the buyer's chat
    ws.cell(1, len(header) + 1).value = "Profit"
    ws.cell(2, len(header) + 1).value = "=1+1"
    wb.save(book)
    later = NOW + dt.timedelta(hours=2)
    for order in fake.orders:  # every order changes status after the first pull
        order.update(status="COMPLETED", update_time=stamp(NOW) + 60)

    report = pull(book, make_client(), now=later)
    assert (report.counts.updated, report.counts.unchanged) == (12, 2)  # order 505 was completed already
    ws = openpyxl.load_workbook(book)["Orders"]
    assert (ws.cell(2, at["Team Note"]).value, ws.cell(2, at["Assignee"]).value) == ("call buyer about colour", "Lin")
    assert ws.cell(2, len(header) + 1).data_type == "f"
    assert ws.cell(unpaid, at["Recipient"]).value == "Jordan Lee"
    assert {ws.cell(r, at["Order Status"]).value for r in range(2, ws.max_row + 1)} == {"Completed"}


def test_no_secret_in_logs_cells_or_errors(fake, ring, make_client, tmp_path, caplog):
    serve(fake, P.US)
    book = new_book(tmp_path)
    errors = []
    with caplog.at_level(logging.DEBUG):
        fake.expire_next = 1  # renewed on the first call: more tokens to look for
        pull(book, make_client())
        fake.fail_on_page, fake.fail_code = 1, 36009004  # a refusal, not retried
        for client in (make_client(), make_client(max_retries=1)):
            try:
                pull(book, client, now=NOW + dt.timedelta(hours=1))
            except ApiError as exc:
                errors.append(exc)
            fake.fail_code = 36009003
    assert [type(e).__name__ for e in errors] == ["RequestRejected", "ServerBusy"]
    texts = [r.getMessage() for r in caplog.records] + caplog.text.splitlines()
    for exc in errors:
        texts += [str(exc), repr(exc), exc.render("zh"), repr(exc.params), "".join(traceback.format_exception(exc))]
    texts += [str(c) for c in cells(book)]
    for path in [book, *(tmp_path / "tkops-backups").glob("*")]:
        with zipfile.ZipFile(path) as z:
            texts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
    secrets = {fake.app_secret, *fake.issued}
    assert len(fake.issued) >= 4 and any("tiktok_api" in t for t in texts)
    assert [(s[:6], t[:80]) for s in secrets for t in texts if s in t] == []


def test_the_app_key_setting_is_required(tmp_path):
    book = new_book(tmp_path)
    with pytest.raises(ConfigError) as err:
        run_pull(FileBook(book, US), US)
    assert "API App Key" in err.value.render("en") and "API App Key" in err.value.render("zh")
    with pytest.raises(ConfigError):
        run_pull(FileBook(book, US), US, days=0)


def test_without_the_logistics_scope_warehouse_names_are_left_alone(fake, make_client, tmp_path):
    serve(fake, dataclasses.replace(P.US, warehouse=FAKE_WAREHOUSE))
    fake.missing_scope = {"/logistics/"}
    book = new_book(tmp_path)
    report = pull(book, make_client())
    assert report.counts.new == 14 and all(r.get("Warehouse Name") is None for r in rows(book, "Orders"))


def test_the_report_reads_in_both_languages(fake, make_client, tmp_path):
    serve(fake, P.US)
    report = pull(tmp_path / "new.xlsx", make_client())  # no workbook yet: a new one is written
    assert report.saved.created and len(rows(tmp_path / "new.xlsx", "AfterSales")) == 4
    assert report.lines("en") == [
        "Pulled from TikTok Shop: changes from 2026-01-30 12:00 to 2026-11-26 12:00 (America/Los_Angeles).",
        "Orders: 7 updated orders, 14 lines: 14 new, 0 updated, 0 unchanged.",
        "After-sales: 2 returns and 1 cancellation: 4 new cases, 0 updated.",
        # the stock ledger's first use: the shipped lines are recorded (no count yet, so On Hand does not move)
        "Stock ledger: 6 movements added to StockLog (ship 6)."]
    assert report.lines("zh")[1] == "订单：7 个有变动的订单，14 行：新增 14，更新 0，未变 0。"


def test_pulled_deadlines_drive_the_clocks(fake, make_client, tmp_path):
    """Through the fake API: rts_sla_time lands on Orders as RTS SLA Time (shop time), and the clocks use it as the
    Dispatch Deadline instead of computing one, saying so in Deadline Source."""
    from tkops.jobs.clocks import run_clocks

    serve(fake, P.US)
    book = new_book(tmp_path)
    pull(book, make_client())
    report = run_clocks(FileBook(book, US), US, NOW)
    got = rows(book, "Orders")
    open_lines = [r for r in got if r["Dispatch Deadline"] is not None]
    # shown to the minute, as every due time (never later than the platform's second)
    assert open_lines and all(r["Dispatch Deadline"] == r["RTS SLA Time"].replace(second=0) for r in open_lines)
    assert {r["Deadline Source"] for r in open_lines} == {"platform: Dispatch Deadline; computed: Auto-cancel At, "
                                                          "Deliver By"}
    assert report.counts["dispatch"]["late"] == len({r["Order ID"] for r in open_lines if r["Order Status"] in (
        "Awaiting Shipment", "Awaiting Collection")})


def test_a_pull_keeps_what_the_team_typed_and_records_cells_both_changed(fake, make_client, tmp_path):
    """The three-way merge of an import, on a pull: typed cells the API leaves blank or unchanged are kept; a
    recipient both changed stays the team's and lands on Conflicts with both values; the same pull is quiet."""
    book, wb, ws, header, ids = pulled_orders(fake, make_client(), tmp_path)
    at = {h: i + 1 for i, h in enumerate(header)}
    paid = [r for r in range(2, ws.max_row + 1) if ws.cell(r, at["Recipient"]).value]
    first, second = paid[0], next(r for r in paid if ids[r - 2] != ids[paid[0] - 2])
    typed = {(first, "Recipient"): "Jordan Lee (fixed)", (first, "Zipcode"): "94107",
             (first, "Seller Note"): "call first", (second, "Tracking ID"): "TEAM-NUMBER-1",
             (second, "Address Line 1"): "1 Fixed St"}
    for (r, name), value in typed.items():
        ws.cell(r, at[name]).value = value
    wb.save(book)
    for order in fake.orders:
        order["update_time"] = stamp(NOW) + 60
        if order["id"] == ids[first - 2]:
            order["recipient_address"]["name"] = "Jordan Platform"
    report = pull(book, make_client(), now=NOW + dt.timedelta(hours=2))
    assert report.counts.conflicts == 1 and any("Conflicts sheet" in line for line in report.lines("en"))
    ws = openpyxl.load_workbook(book)["Orders"]
    for (r, name), value in typed.items():
        assert ws.cell(r, at[name]).value == value, name
    conflicts = rows(book, "Conflicts")
    assert [(c["Column"], c["Team Value"], c["Platform Value"], c["Kept"], c["File"]) for c in conflicts] == [
        ("Recipient", "Jordan Lee (fixed)", "Jordan Platform", "team", "TikTok Shop API")]
    assert conflicts[0]["Order ID"] == ids[first - 2] and conflicts[0]["Orders Row"] == first
    for order in fake.orders:  # the same orders again in the next window: nothing new to say
        order["update_time"] = stamp(NOW + dt.timedelta(hours=2)) + 60
    again = pull(book, make_client(), now=NOW + dt.timedelta(hours=3))
    assert again.orders == len(fake.orders) and again.counts.kept >= 1
    assert again.counts.conflicts == 0 and again.counts.updated == 0 and len(rows(book, "Conflicts")) == 1
