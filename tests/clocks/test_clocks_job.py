"""The clocks job on real workbooks: due times in the shop's zone (weekend, team holiday, library holiday, DST),
the flags that colour due cells and the review's tokens kept, the Unscanned sheet, the SLA sheet (default, changed,
bad), re-runs that write nothing, KPIs, and a fake Excel whose calls do not grow with the lines."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import python_calamine

from tkops import schema
from tkops.book import FileBook
from tkops.book.ooxml import OoxmlWorkbook
from tkops.book.layout import HOLIDAYS, ORDERS, SHIPLOG, STANDARD_SHEETS, orders_columns
from tkops.book.live import LiveBook
from tkops.clocks import WATCH_COLUMNS, SlaConfigError, sla_sheet_rows
from tkops.jobs.clocks import WRITTEN, run_clocks
from tkops.jobs.new_book import default_rows
from tkops.errors import ConfigError, DataError, TkopsError
from tkops.settings import Settings

from fakes.xlwings_fake import FakeBook
from test_review_job import cell_colour as colour

T = dt.datetime
US, TH = Settings(market="US"), Settings(market="TH")
US_NOW = T(2026, 3, 9, 10, 0)  # Monday 10:00 in Los Angeles (PDT since Sunday 02:00)
TH_NOW = T(2026, 4, 6, 3, 0, tzinfo=dt.timezone.utc)  # Monday 10:00 in Bangkok; Chakri Memorial Day
RED, YELLOW, GREEN = "FFC7CE", "FFEB9C", "C6EFCE"
USPS = "9400111899223197428490"


def row(order, paid, sku="1", status="Awaiting Shipment", country="United States", **cells):
    return {"Order ID": order, "SKU ID": sku, "Seller SKU": f"SKU-{sku}", "Quantity": 1, "Order Status": status,
            "Country": country, "Zipcode": "90001", "Paid Time": paid, "Created Time": paid, **cells}


US_ROWS = [
    # A: two lines paid Monday morning; the review already flagged its zipcode
    row("A", T(2026, 3, 9, 9, 0), "1", **{"tkops Flags": "|E:Zipcode|"}),
    row("A", T(2026, 3, 9, 9, 0), "2"),
    # B: paid Friday evening, reviewed (a time with seconds), not picked
    row("B", T(2026, 3, 6, 20, 0), **{"Review Status": "Ready", "Reviewed At": T(2026, 3, 6, 21, 0, 40)}),
    # C: picked and packed, dispatch deadline tonight
    row("C", T(2026, 3, 5, 15, 0), **{"Review Status": "Ready", "Reviewed At": T(2026, 3, 5, 16, 30),
                                      "Picked": "Yes", "Picked At": T(2026, 3, 5, 17, 0), "Packed": "Yes",
                                      "Packed At": T(2026, 3, 5, 17, 30)}),
    # D: tracking uploaded Thursday (ShipLog), the carrier never scanned it
    row("D", T(2026, 3, 4, 10, 0), status="Awaiting Collection", **{
        "Review Status": "Ready", "Reviewed At": T(2026, 3, 4, 13, 0), "Picked": "Yes", "Packed": "Yes",
        "Tracking ID": USPS, "Shipping Provider Name": "USPS"}),
    # E: cancelled; an old clock token must go, the review's stays
    row("E", T(2026, 3, 9, 8, 0), status="Cancelled", **{"tkops Flags": "|E:Zipcode|L:Review Due|"}),
    # G: paid at 01:30 on the night the clocks go forward
    row("G", T(2026, 3, 8, 1, 30)),
    # H: shipped and scanned: every clock done
    row("H", T(2026, 3, 3, 10, 0), status="In Transit", **{
        "Reviewed At": T(2026, 3, 3, 11, 0), "Picked": "Yes", "Packed": "Yes", "Tracking ID": "1Z999AA10123456784",
        "Shipping Provider Name": "UPS", "Shipped Time": T(2026, 3, 5, 9, 0), "tkops Flags": "|K:Review Due|"}),
]
US_HOLIDAYS = [{"Market": "US", "Date": "2026-03-10", "Name": "Team offsite", "Day Off": "Yes"}]
US_SHIPLOG = [
    {"Order ID": "D", "SKU ID": "1", "Tracking ID": USPS, "Shipping Provider Name": "USPS",
     "Exported At": T(2026, 3, 5, 9, 0), "File": "Shipping info.xlsx"},
    {"Order ID": "H", "SKU ID": "1", "Tracking ID": "1Z999AA10123456784", "Shipping Provider Name": "UPS",
     "Exported At": T(2026, 3, 4, 9, 0), "File": "Shipping info.xlsx"},
]

TH_ROWS = [
    row("T1", T(2026, 4, 3, 19, 0), country="Thailand"),  # Friday evening, Monday a public holiday
    row("T2", T(2026, 4, 6, 9, 0), country="Thailand"),  # paid on the holiday
    row("T3", T(2026, 4, 3, 9, 0), country="Thailand", status="Cancelled"),
    row("T4", T(2026, 4, 2, 10, 0), country="Thailand", status="Awaiting Collection", **{
        "Review Status": "Done", "Tracking ID": "TH0123456789", "Shipping Provider Name": "Flash Express"}),
]
TH_SHIPLOG = [{"Order ID": "T4", "SKU ID": "1", "Tracking ID": "TH0123456789", "Shipping Provider Name":
               "Flash Express", "Exported At": T(2026, 4, 4, 12, 0), "File": "Shipping info.xlsx"}]


def build(path, settings, rows, holidays=(), shiplog=()):
    """A real workbook made by the file backend: Orders, the Holidays and ShipLog rows, the standard sheets."""
    present = {schema.BY_NAME[h].key for r in rows for h in r if h in schema.BY_NAME}
    spec = ORDERS.with_columns(orders_columns([], present))
    book = FileBook(path, settings, defaults=default_rows)  # as the command line makes it
    book.write_table(spec, pd.DataFrame(rows).reindex(columns=spec.headers))
    book.write_table(HOLIDAYS, pd.DataFrame(list(holidays), columns=HOLIDAYS.headers))
    book.write_table(SHIPLOG, pd.DataFrame(list(shiplog), columns=SHIPLOG.headers))
    book.save()
    return path


def run(path, settings, now, **kw):
    return run_clocks(FileBook(path, settings), settings, now, **kw)


def records(path, sheet="Orders"):
    """Rows as header -> value, read with calamine (the values a person sees)."""
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v not in ("", None) for v in r)]


def by_order(path):
    out = {}
    for r in records(path):
        out.setdefault(r["Order ID"], r)
    return out


@pytest.fixture
def us_book(tmp_path):
    return build(tmp_path / "us.xlsx", US, US_ROWS, US_HOLIDAYS, US_SHIPLOG)


@pytest.fixture
def us_run(us_book):
    return us_book, run(us_book, US, US_NOW, kpi_period=(dt.date(2026, 3, 2), dt.date(2026, 3, 9)))


def test_written_columns_are_the_sheets_own():
    assert WRITTEN == [c.name for c in schema.FULFILMENT_COLUMNS if c.key not in ("reviewed_at", "wave", "api_upload")]


def test_due_times_in_the_shops_zone(us_run):
    book, _ = us_run
    o = by_order(book)
    assert (o["A"]["Review Due"], o["A"]["Print Due"]) == (T(2026, 3, 9, 11, 0), T(2026, 3, 9, 12, 0))
    assert o["A"]["Dispatch Deadline"] == T(2026, 3, 12, 23, 59)  # Mon + 2 business days, Tue a team holiday
    assert o["A"]["Auto-cancel At"] == T(2026, 3, 19, 23, 59)  # 7 business days
    assert o["B"]["Print Due"] == T(2026, 3, 6, 22, 0)  # reviewed at 21:00:40 + 1 h, shown to the minute
    assert o["B"]["Dispatch Deadline"] == T(2026, 3, 11, 23, 59)  # Fri evening: Mon, (Tue off), Wed
    assert o["C"]["Pack Due"] == T(2026, 3, 5, 18, 0) and o["C"]["Dispatch Deadline"] == T(2026, 3, 9, 23, 59)
    assert o["D"]["Dispatch Deadline"] == T(2026, 3, 6, 23, 59)
    # DST: 01:30 PST + 2 h is 04:30 PDT (02:00 does not exist that night)
    assert (o["G"]["Review Due"], o["G"]["Print Due"]) == (T(2026, 3, 8, 4, 30), T(2026, 3, 8, 5, 30))
    assert o["G"]["Dispatch Deadline"] == T(2026, 3, 11, 23, 59)  # Sunday is day 0: Mon, (Tue off), Wed
    assert o["A"]["Deliver By"] == T(2026, 3, 18, 23, 59) and o["A"]["Deadline Source"] == "computed"
    assert o["E"]["Dispatch Deadline"] in ("", None)  # cancelled: no due time at all
    assert o["E"]["Clock State"] in ("", None) and o["E"]["Next Deadline"] in ("", None)


def test_states_next_clock_and_counts(us_run):
    book, report = us_run
    o = by_order(book)
    assert {k: o[k]["Clock State"] for k in "ABCDGH"} == {
        "A": "ok", "B": "late", "C": "due soon", "D": "late", "G": "late", "H": "ok"}
    assert (o["C"]["Next Clock"], o["C"]["Next Deadline"]) == ("Dispatch Deadline", T(2026, 3, 9, 23, 59))
    assert (o["B"]["Next Clock"], o["B"]["Next Deadline"]) == ("Print Due", T(2026, 3, 6, 22, 0))
    assert o["H"]["Next Clock"] == "Deliver By"  # in transit: only the deliver-by clock still runs
    assert report.counts["all"] == {"late": 3, "due soon": 1, "ok": 2, "done": 0}  # orders, not lines
    assert report.counts["dispatch"] == {"late": 1, "due soon": 1, "ok": 3, "done": 1}
    assert report.lines("en")[0] == "Orders: 3 late, 1 due soon, 2 ok"
    assert "Deliver by: 0 late, 0 due soon, 6 ok" in report.lines("en")
    assert "Dispatch: 1 late, 1 due soon, 3 ok" in report.lines("en")
    assert "发货：超时 1，即将到期 1，正常 3" in report.lines("zh")
    home = report.home_text("en").splitlines()
    assert home[:3] == ["Print and pick: 2 late, 0 due soon, 1 ok", "Dispatch: 1 late, 1 due soon, 3 ok",
                        "Review: 1 late, 0 due soon, 1 ok"]
    assert home[-1] == "Uploaded but not scanned by the carrier: 1 (orders on the Unscanned sheet)"


def test_flags_colour_each_due_cell_and_keep_the_reviews(us_run):
    book, _ = us_run
    ws = openpyxl.load_workbook(book)["Orders"]
    headers = [c.value for c in ws[1]]
    flags = {r: ws.cell(r, headers.index("tkops Flags") + 1).value for r in range(2, ws.max_row + 1)}
    assert flags[2] == ("|E:Zipcode|K:Review Due|K:Print Due|K:Dispatch Deadline|K:Auto-cancel At|"
                        "K:Deliver By|K:Clock State|")
    assert flags[7] == "|E:Zipcode|"  # cancelled: the old clock token is gone, the review's stays
    assert flags[9] == "|K:Deliver By|K:Clock State|"  # shipped: only the deliver-by clock runs
    assert flags[6] == "|L:Dispatch Deadline|L:Clock State|K:Deliver By|"
    assert colour(ws, 2, "Zipcode") == RED and colour(ws, 2, "Review Due") == GREEN
    assert colour(ws, 3, "Zipcode") is None and colour(ws, 3, "Review Due") == GREEN
    assert colour(ws, 8, "Review Due") == RED and colour(ws, 8, "Dispatch Deadline") == GREEN  # G, DST
    assert colour(ws, 4, "Print Due") == RED and colour(ws, 4, "Review Due") is None  # done: uncoloured
    assert colour(ws, 5, "Dispatch Deadline") == YELLOW and colour(ws, 5, "Clock State") == YELLOW
    assert colour(ws, 5, "Pack Due") is None and colour(ws, 5, "Auto-cancel At") == GREEN
    assert colour(ws, 6, "Dispatch Deadline") == RED and colour(ws, 6, "Auto-cancel At") is None
    rules = {rule.formula[0]: cf.sqref for cf in ws.conditional_formatting for rule in cf.rules}
    for letter in "LSK":
        assert str(rules[ORDERS.highlights.formula(letter)]) == ORDERS.highlights.cells
    name = openpyxl.load_workbook(book).defined_names[ORDERS.highlights.name]
    letter = openpyxl.utils.get_column_letter(headers.index("tkops Flags") + 1)
    assert name.attr_text == f"'Orders'!${letter}:${letter}"


def test_unscanned_sheet(us_run):
    book, report = us_run
    got = records(book, "Unscanned")
    assert list(got[0]) == WATCH_COLUMNS == list(report.unscanned.columns)
    assert [(r["Order ID"], r["Tracking ID"], r["Exported At"], r["Hours Waiting"], r["Market"]) for r in got] == [
        ("D", USPS, T(2026, 3, 5, 9, 0), 96.0, "US")]  # Thu 09:00 PST to Mon 10:00 PDT: 96 real hours


def test_kpis_of_a_period(us_run):
    _, report = us_run
    k = report.kpis
    # G was never reviewed and its review was due long ago: a miss, not left out
    assert (k["orders"], k["reviewed"], k["reviewed_on_time"], k["review_missed"]) == (5, 4, 3, 1)
    assert k["review_share"] == 0.6
    assert (k["dispatched"], k["late_open"], k["to_dispatch"], k["dispatch_share"], k["ldr"]) == (1, 1, 2, 0.5, 0.0)
    rows = dict(report.kpi_rows("en"))
    assert rows["Reviewed within 2 h of payment"] == 3 and rows["Share reviewed on time"] == 0.6
    lines = report.lines("en")
    assert "KPIs of the orders paid from 2026-03-02 up to 2026-03-09 (not included):" in lines
    assert "  Share dispatched on time: 50.0%" in lines and "  Estimated late-dispatch rate (LDR): 0.0%" in lines


def formats(path):
    ws = openpyxl.load_workbook(path)["Orders"]
    return [(str(cf.sqref), rule.formula) for cf in ws.conditional_formatting for rule in cf.rules], \
        dict(ws.tables.items())


def test_a_second_run_writes_no_cell(us_run, monkeypatch):
    book, _ = us_run
    wb = openpyxl.load_workbook(book)  # the same flags in another order (an older tkops wrote them)
    ws = wb["Orders"]
    cell = ws.cell(2, [c.value for c in ws[1]].index("tkops Flags") + 1)
    cell.value = cell.value.replace("|E:Zipcode|", "|") + "E:Zipcode|"
    wb.save(book)
    before = {name: records(book, name) for name in ("Orders", "Unscanned", "SLA", "Holidays")}
    rules = formats(book)
    writes = []
    real = OoxmlWorkbook._set
    monkeypatch.setattr(OoxmlWorkbook, "_set", lambda self, sheet, r, c, edit: (writes.append((sheet, r, c)),
                                                                                 real(self, sheet, r, c, edit)))
    run(book, US, US_NOW)
    assert writes == []
    assert {name: records(book, name) for name in before} == before
    assert formats(book) == rules  # the rules are not added twice


def test_sea_shop_with_an_aware_now_and_the_thai_calendar_when_the_team_sets_it(tmp_path):
    book = build(tmp_path / "th.xlsx", TH, TH_ROWS, shiplog=TH_SHIPLOG)
    report = run(book, TH, TH_NOW)
    o = by_order(book)
    assert (o["T1"]["Review Due"], o["T1"]["Clock State"]) == (T(2026, 4, 3, 21, 0), "late")  # Bangkok time
    # TikTok TH names no holidays: Chakri Memorial Day (Mon 6th) is a working day unless the team says otherwise
    assert o["T1"]["Dispatch Deadline"] == T(2026, 4, 7, 23, 59)  # Fri, Mon, Tue
    assert o["T1"]["Auto-cancel At"] == T(2026, 4, 7, 23, 59)  # 2 working days without tracking (3 to collection)
    assert (o["T2"]["Review Due"], o["T2"]["Clock State"]) == (T(2026, 4, 6, 11, 0), "ok")
    assert o["T2"]["Dispatch Deadline"] == T(2026, 4, 8, 23, 59)
    assert o["T3"]["Clock State"] in ("", None) and o["T3"]["Dispatch Deadline"] in ("", None)
    # SEA: tracking meets the dispatch deadline; the carrier's collection within 3 working days stops auto-cancel
    assert o["T4"]["Dispatch Deadline"] == T(2026, 4, 6, 23, 59) and o["T4"]["Next Clock"] == "Auto-cancel At"
    assert o["T4"]["Auto-cancel At"] == T(2026, 4, 7, 23, 59)
    assert o["T4"]["Deliver By"] in ("", None)  # no deliver-by rule documented for TH
    got = records(book, "Unscanned")
    assert [(r["Order ID"], r["Hours Waiting"], r["Market"]) for r in got] == [("T4", 46.0, "TH")]
    assert report.counts["all"] == {"late": 1, "due soon": 0, "ok": 2, "done": 0}
    set_sla(book, "TH", "Holidays", "TH")  # the team chooses the holidays library's Thai calendar
    run(book, TH, TH_NOW)
    o = by_order(book)
    assert o["T1"]["Dispatch Deadline"] == T(2026, 4, 8, 23, 59)  # Fri, (Mon off), Tue, Wed
    assert o["T2"]["Dispatch Deadline"] == T(2026, 4, 8, 23, 59)  # placed on the holiday: Tue, Wed


def test_missing_sla_and_holidays_sheets_are_written_with_the_defaults(us_book):
    wb = openpyxl.load_workbook(us_book)
    del wb["SLA"], wb["Holidays"]
    wb.save(us_book)
    run(us_book, US, US_NOW)
    rows = python_calamine.CalamineWorkbook.from_path(str(us_book)).get_sheet_by_name("SLA").to_python()
    assert rows == [[("" if v is None else v) for v in r] for r in sla_sheet_rows()]
    assert records(us_book, "Holidays") == []
    names = openpyxl.load_workbook(us_book).sheetnames
    assert names.index("Rules") < names.index("SLA") < names.index("Holidays") < names.index("ShipLog")
    assert by_order(us_book)["A"]["Dispatch Deadline"] == T(2026, 3, 11, 23, 59)  # no team holiday any more


def test_header_only_sla_sheet_gets_the_defaults(us_book):
    wb = openpyxl.load_workbook(us_book)
    wb["SLA"].delete_rows(2, wb["SLA"].max_row)
    wb.save(us_book)
    run(us_book, US, US_NOW)
    assert len(records(us_book, "SLA")) == len(sla_sheet_rows()) - 1


def set_sla(path, market, setting, value):
    wb = openpyxl.load_workbook(path)
    ws = wb["SLA"]
    for r in range(2, ws.max_row + 1):
        if (ws.cell(r, 1).value, ws.cell(r, 2).value) == (market, setting):
            ws.cell(r, 3).value = value
            wb.save(path)
            return r
    raise AssertionError((market, setting))


def test_a_changed_sla_value_moves_the_deadline(us_book):
    set_sla(us_book, "US", "Dispatch Days", 3)
    run(us_book, US, US_NOW)
    assert by_order(us_book)["A"]["Dispatch Deadline"] == T(2026, 3, 13, 23, 59)
    set_sla(us_book, "*", "Review Hours", "4")
    run(us_book, US, US_NOW)
    assert by_order(us_book)["G"]["Review Due"] == T(2026, 3, 8, 6, 30)


def test_a_bad_sla_value_names_the_sheet_row_and_fix_and_changes_nothing(us_book):
    r = set_sla(us_book, "US", "Dispatch Days", "three")
    digest = hashlib.sha256(us_book.read_bytes()).hexdigest()
    with pytest.raises(SlaConfigError) as caught:
        run(us_book, US, US_NOW)
    err = caught.value
    assert isinstance(err, ConfigError) and isinstance(err, TkopsError) and err.exit_code == 1
    assert err.render("en") == (f'SLA sheet, row {r}, US / Dispatch Days: "three" is not valid (expected a whole '
                                "number of business days such as 2, or off).")
    assert f"SLA 工作表第 {r} 行" in err.render("zh")
    assert hashlib.sha256(us_book.read_bytes()).hexdigest() == digest


def test_home_text_when_nothing_is_late(tmp_path):
    book = build(tmp_path / "calm.xlsx", US, [US_ROWS[0], US_ROWS[-1]])
    report = run(book, US, US_NOW)
    assert report.home_text("en") == "No order is late or due soon (2 on time, 0 done)."
    assert report.home_text("zh") == "没有超时或即将到期的订单（正常 2，已完成 0）。"
    assert report.lines("en")[-1] == "No uploaded tracking is waiting for a carrier scan."
    assert records(book, "Unscanned") == [] and report.kpi_rows() == []


def test_an_empty_orders_sheet_is_an_error(tmp_path):
    book = build(tmp_path / "empty.xlsx", US, [])
    with pytest.raises(DataError) as caught:
        run(book, US, US_NOW)
    assert caught.value.code == "no_orders" and "empty.xlsx" in str(caught.value)


def live_book(lines: int) -> FakeBook:
    """A fake Excel with ``lines`` order lines in a few states, a fifth of them uploaded and unscanned; no SLA
    sheet (the first run writes it)."""
    spec = ORDERS.with_columns(orders_columns([], {"tracking_id", "shipping_provider"}))
    ids = {c.name for c in schema.ORDER_COLUMNS if c.kind is schema.Kind.ID}
    rows, log = [spec.headers], [SHIPLOG.headers]
    for n in range(lines):
        template = dict(US_ROWS[[0, 2, 3, 4, 6][n % 5]], **{"Order ID": f"5{n:017d}"})
        # typed into Excel as text (a leading apostrophe), as tkops writes IDs
        rows.append([f"'{template[h]}" if h in ids and template.get(h) else template.get(h) for h in spec.headers])
        if template.get("Tracking ID"):
            log.append([f"'{template['Order ID']}", "'1", f"'{USPS}", "USPS", T(2026, 3, 5, 9, 0), "x.xlsx"])
    sheets = {"Orders": rows, "Holidays": [HOLIDAYS.headers], "ShipLog": log}
    sheets.update({s.name: [s.headers] for s in STANDARD_SHEETS if s.name not in sheets and s.name != "SLA"})
    return FakeBook("/tmp/tkops.xlsm", sheets)


def test_excel_calls_do_not_grow_with_the_lines():
    counts = []
    for lines in (10, 2_000):
        fake = live_book(lines)
        report = run_clocks(LiveBook(fake), US, US_NOW)
        assert len(report.unscanned) == lines // 5
        counts.append(fake.calls)
        fake.calls, fake.log[:] = 0, []
        run_clocks(LiveBook(fake), US, US_NOW)  # nothing changed: values are read, none is written
        assert not [c for c in fake.log if c.startswith("set value")]
        assert fake.sheet("SLA").rows()[1:3] == [r[:5] for r in sla_sheet_rows()[1:3]]  # "25%" stays text
    assert counts[0] == counts[1] < 64
    orders = fake.sheet("Orders").rows()
    header = orders[0]
    assert orders[1][header.index("Dispatch Deadline")] == T(2026, 3, 11, 23, 59)
    assert orders[1][header.index("Clock State")] == "ok"


def test_an_sla_sheet_of_an_older_tkops_is_brought_up_to_date(us_book):
    """An older tkops wrote TH auto-cancel after 3 days without a scan, Thai holidays, 7 days for unverified markets,
    and no row for the settings added since: those defaults promised more than TikTok gives."""
    old = [r for r in sla_sheet_rows() if r[1] not in ("Collection Cancel Days", "Deliver Days",
                                                       "Cancel Request Hours", "Observed Days")]
    olds = {("TH", "Auto-cancel Days"): 3, ("TH", "Auto-cancel Done When"): "scan", ("TH", "Holidays"): "TH",
            ("DE", "Auto-cancel Days"): 7, ("US", "Dispatch Days"): 3}  # the last one is the team's own
    old = [r[:2] + [olds.get((r[0], r[1]), r[2])] + r[3:] for r in old]
    wb = openpyxl.load_workbook(us_book)
    del wb["SLA"]
    ws = wb.create_sheet("SLA")
    for r in old:
        ws.append(r)
    wb.save(us_book)
    report = run(us_book, US, US_NOW)
    notice = next(line for line in report.lines("en") if line.startswith("SLA sheet brought up to date"))
    assert "Auto-cancel Days 3 -> 2 (TH)" in notice and "Auto-cancel Days 7 -> off (DE)" in notice
    assert "Holidays TH -> none (TH)" in notice and "new settings Collection Cancel Days, Deliver Days" in notice
    sla = {(r["Market"], r["Setting"]): r["Value"] for r in records(us_book, "SLA")}
    assert (sla[("TH", "Auto-cancel Days")], sla[("TH", "Collection Cancel Days")], sla[("TH", "Holidays")]) == (
        2, 3, "none")
    assert sla[("US", "Dispatch Days")] == 3 and sla[("US", "Deliver Days")] == 6
    assert by_order(us_book)["A"]["Dispatch Deadline"] == T(2026, 3, 13, 23, 59)  # the team's 3 days kept
    again = run(us_book, US, US_NOW)
    assert not any(line.startswith("SLA sheet") for line in again.lines("en"))


def test_lines_without_a_market_are_named_in_the_report(tmp_path):
    rows = [row("A", T(2026, 3, 9, 9, 0), country=None), row("B", T(2026, 3, 9, 9, 0), country=None)]
    book = build(tmp_path / "nomarket.xlsx", Settings(), rows)
    report = run(book, Settings(), dt.datetime(2026, 3, 9, 17, 0, tzinfo=dt.timezone.utc))
    assert ("2 order lines have no market (no Country, no Market on the Settings sheet): their dispatch, "
            "auto-cancel and deliver-by times are not shown. Set Market on the Settings sheet.") in report.lines("en")
    assert by_order(book)["A"]["Dispatch Deadline"] in ("", None)
    assert by_order(book)["A"]["Review Due"] == T(2026, 3, 9, 11, 0)  # the SOP clocks still run


def test_pending_cancellation_requests_on_aftersales_get_a_clock(us_book):
    from tkops.book.layout import AFTERSALES

    cases = pd.DataFrame([
        {"Case ID": "C-A", "Order ID": "A", "Return Type": "Cancel", "Opened": T(2026, 3, 9, 9, 30)},
        {"Case ID": "C-B", "Order ID": "B", "Return Type": "Cancel", "Opened": T(2026, 3, 8, 9, 0),
         "Return Status": "Completed"},
        {"Case ID": "R-1", "Order ID": "C", "Return Type": "Return and refund", "Opened": T(2026, 3, 9, 9, 0)}],
        columns=AFTERSALES.headers)
    fb = FileBook(us_book, US)
    fb.write_table(AFTERSALES, cases)
    fb.save()
    report = run(us_book, US, US_NOW)
    o = by_order(us_book)
    assert o["A"]["Cancel Request Due"] == T(2026, 3, 10, 9, 30)  # 24 hours
    assert o["B"]["Cancel Request Due"] in ("", None) and o["C"]["Cancel Request Due"] in ("", None)
    assert report.counts["cancel_request"] == {"late": 0, "due soon": 0, "ok": 1, "done": 0}
    assert "Cancellation requests: 0 late, 0 due soon, 1 ok" in report.lines("en")


def test_the_command_reads_now_in_the_books_shop_time(tmp_path, capsys):
    """No Market anywhere but the lines' Country (United States): --now 10:00 is 10:00 in Los Angeles, as the
    sheet's times are; and ``tkops import --market`` keeps the market on the Settings sheet."""
    from tkops.cli import main

    book = build(tmp_path / "us.xlsx", Settings(), US_ROWS[:2])
    assert main(["clocks", "--book", str(book), "--now", "2026-03-09T11:30"]) == 0
    assert by_order(book)["A"]["Clock State"] == "late"  # 11:30 in Los Angeles (in UTC it is before the payment)
    assert main(["clocks", "--book", str(book), "--now", "2026-03-09T10:40", "--market", "US"]) == 0
    assert by_order(book)["A"]["Clock State"] == "due soon"
    assert "Review: 0 late, 1 due soon, 0 ok" in capsys.readouterr().out


def test_import_with_a_market_keeps_it_on_the_settings_sheet(tmp_path, capsys):
    from tkops.cli import main

    book = tmp_path / "ops.xlsx"
    export = Path(__file__).parents[1] / "data" / "exports" / "us_2025.csv"
    assert main(["import", str(export), "--book", str(book), "--market", "US"]) == 0
    assert "Market US written to the Settings sheet" in capsys.readouterr().out
    settings = {r["Setting"]: r["Value"] for r in records(book, "Settings")}
    assert settings["Market"] == "US" and len(list((tmp_path / "tkops-backups").glob("*"))) == 0
    assert main(["import", str(export), "--book", str(book), "--market", "TH"]) == 0  # never changed once set
    assert "Settings sheet" not in capsys.readouterr().out
    assert {r["Setting"]: r["Value"] for r in records(book, "Settings")}["Market"] == "US"
