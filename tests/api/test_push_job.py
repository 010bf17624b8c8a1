"""tkops push-tracking against the fake TikTok Shop: only validated lines are sent, providers are matched by name
(or a Carriers alias), each result is written on its row, nothing goes twice, labels and packing slips are saved."""

from __future__ import annotations

import datetime as dt
import logging
import traceback

import openpyxl
import pandas as pd
import pytest

from tests.api import server_data as D
from tests.api.conftest import stored
from tests.api.server import APP_KEY, SHOP_NAME
from tests.shipping.conftest import DHL, FEDEX, UPS, UPS_2, USPS
from tkops.api import ApiError, InvalidSign
from tkops.book import FileBook
from tkops.book.layout import CARRIERS, ORDERS, orders_columns
from tkops.errors import ConfigError
from tkops.jobs.push import API_FILE, RESULT, match_provider, run_push_tracking
from tkops.settings import Settings
from tkops.shipping import provider_map_from_rows
from tkops.shipping.carriers import carriers_sheet_rows

NOW = dt.datetime(2026, 1, 2, 10, 0)
SETTINGS = Settings(market="US", api_app_key=APP_KEY, api_shop=SHOP_NAME)
BAD_UPS = "1Z5R89390357567128"  # wrong check digit
ALIAS = "United States Postal Service"
SHIP = "/fulfillment/202309/packages/{}/ship"


def oid(i: int) -> str:
    return D.order(i)["id"]


def pid(i: int) -> str:
    return D.order(i)["packages"][0]["id"]


def make_book(path, rows, carriers=()) -> FileBook:
    """A real workbook: the Orders rows (dicts by header) and the Carriers sheet with extra alias rows."""
    spec = ORDERS.with_columns(orders_columns([], set()))
    frame = pd.DataFrame([{"Order Status": "Awaiting Shipment", "SKU ID": "1729382938492834921", "Quantity": 1,
                           **r} for r in rows]).reindex(columns=spec.headers).astype(object)
    book = FileBook(path)
    book.write_table(spec, frame.where(frame.notna(), None))
    rows = carriers_sheet_rows() + [list(c) + [""] * (len(CARRIERS.headers) - len(c)) for c in carriers]
    book.write_table(CARRIERS, pd.DataFrame(rows[1:], columns=rows[0]))
    book.save()
    return FileBook(path)


def sheet(path, name="Orders") -> list[dict]:
    ws = openpyxl.load_workbook(path)[name]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def results(path) -> dict[str, str | None]:
    return {r["Order ID"]: r[RESULT] for r in sheet(path)}


def posts(fake) -> list:
    return [r for r in fake.requests if r.method == "POST" and r.path.startswith("/fulfillment/")]


@pytest.fixture
def scenario(fake, tmp_path):
    """Orders 1-7: UPS, USPS under an alias, a bad check digit, a number TikTok has seen, DHL (not offered),
    a TikTok Shipping order, and a picked TikTok Shipping package without tracking."""
    fake.orders = [D.order(i) for i in range(1, 8)]
    for i in (6, 7):
        fake.orders[i - 1]["shipping_type"] = "TIKTOK"
    fake.used_tracking.add(FEDEX)
    rows = [{"Order ID": oid(1), "Tracking ID": UPS, "Shipping Provider Name": "ups"},
            {"Order ID": oid(2), "Tracking ID": USPS, "Shipping Provider Name": ALIAS},
            {"Order ID": oid(3), "Tracking ID": BAD_UPS, "Shipping Provider Name": "UPS"},
            {"Order ID": oid(4), "Tracking ID": FEDEX, "Shipping Provider Name": "FedEx"},
            {"Order ID": oid(5), "Tracking ID": DHL, "Shipping Provider Name": "DHL"},
            {"Order ID": oid(6), "Tracking ID": UPS_2, "Shipping Provider Name": "UPS"},
            {"Order ID": oid(7), "Package ID": pid(7), "Wave": 1, "Picked": "Yes"}]
    path = tmp_path / "ops.xlsx"
    make_book(path, rows, carriers=[(ALIAS, "usps, s10:US")])
    return path


def run(path, client, **kw):
    return run_push_tracking(FileBook(path), SETTINGS, client, NOW, out=path.parent / "out", **kw)


def test_validated_lines_are_uploaded_and_each_result_is_on_its_row(fake, make_client, scenario):
    report = run(scenario, make_client())
    shipped = {p.path for p in posts(fake)}
    assert shipped == {SHIP.format(pid(i)) for i in (1, 2, 4, 6)}  # 3 failed the checks, 5 has no provider
    assert all(BAD_UPS.encode() not in r.body for r in fake.requests)
    assert fake.shipped[pid(2)]["tracking_number"] == USPS  # the alias found TikTok's "USPS"
    body = [r for r in posts(fake) if r.path == SHIP.format(pid(2))][0].body
    assert b'"shipping_provider_id":"6617675021119438849"' in body

    got = results(scenario)
    assert got[oid(1)] == got[oid(2)] == got[oid(6)] == "accepted 2026-01-02 10:00"
    assert got[oid(3)] is None
    assert "already used" in got[oid(4)] and "21011025" in got[oid(4)]
    assert got[oid(5)].startswith("not sent") and "USPS, UPS, FedEx" in got[oid(5)]
    log = sheet(scenario, "ShipLog")
    assert {(r["Order ID"], r["Tracking ID"], r["File"]) for r in log} == {
        (oid(1), UPS, API_FILE), (oid(2), USPS, API_FILE), (oid(6), UPS_2, API_FILE)}

    text = "\n".join(report.lines("en"))
    assert "3 line(s) accepted, 1 refused, 1 with an unknown shipping provider" in text
    assert oid(3) in text and "1 held back" in text
    assert "已接受" not in text and "承运商无法匹配" in "\n".join(report.lines("zh"))


def test_labels_and_packing_slips_are_saved_as_pdfs(fake, make_client, scenario):
    report = run(scenario, make_client())
    folder = scenario.parent / "out"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{title} {oid(i)} {pid(i)}.pdf" for i in (6, 7) for title in ("Label", "Packing slip"))
    label = (folder / f"Label {oid(6)} {pid(6)}.pdf").read_bytes()
    assert label == D.pdf(f"{pid(6)}-SHIPPING_LABEL-A6.pdf")
    assert (folder / f"Packing slip {oid(7)} {pid(7)}.pdf").read_bytes() == D.pdf(f"{pid(7)}-PACKING_SLIP-A6.pdf")
    assert report.documents and not report.document_errors and "4 PDF(s)" in "\n".join(report.lines("en"))


def test_a_second_run_uploads_nothing(fake, make_client, scenario):
    run(scenario, make_client())
    before, log = len(posts(fake)), sheet(scenario, "ShipLog")
    report = run(scenario, make_client())
    # only the refused line is offered again (TikTok's answer may change); nothing accepted goes twice
    assert [r.path for r in posts(fake)[before:]] == [SHIP.format(pid(4))] and report.documents == []
    assert [o.status for o in report.outcomes] == ["refused", "unmatched"]
    assert sheet(scenario, "ShipLog") == log
    assert results(scenario)[oid(1)] == "accepted 2026-01-02 10:00"


def test_a_document_error_is_reported_not_fatal(fake, make_client, scenario):
    fake.missing_scope = {"/fulfillment/202309/packages/" + pid(7)}
    report = run(scenario, make_client())
    assert len(report.documents) == 2 and len(report.document_errors) == 2
    assert any("not saved" in line and pid(7) in line for line in report.lines("en"))


def test_an_expired_token_mid_run_is_renewed(fake, make_client, scenario):
    client = make_client()
    post = client.post

    def expiring(path, *args, **kw):
        if path == SHIP.format(pid(2)):
            fake.expire_next = 1
        return post(path, *args, **kw)

    client.post = expiring
    run(scenario, client, documents=False)
    assert len(fake.calls("/auth/api/v2/token/refresh")) == 1
    assert len(fake.calls(SHIP.format(pid(2)))) == 2  # refused as expired, then sent with the new token
    assert results(scenario)[oid(2)].startswith("accepted")


def test_an_unknown_outcome_is_not_logged_and_later_confirmed_from_the_order(fake, make_client, tmp_path):
    fake.orders = [D.order(1)]
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Order ID": oid(1), "Tracking ID": UPS, "Shipping Provider Name": "UPS"}])
    client = make_client(timeout=0.15)
    client.shop_cipher()
    post = client.post

    def slow(*args, **kw):
        fake.delay_next, fake.delay_seconds = 1, 0.4
        return post(*args, **kw)

    client.post = slow
    report = run(path, client)
    assert [o.status for o in report.outcomes] == ["unknown"] and len(posts(fake)) == 1
    assert "Seller Center" in results(path)[oid(1)] and sheet(path, "ShipLog") == []

    for item in fake.orders[0]["line_items"]:  # TikTok did take it: the order now shows the number
        item["tracking_number"] = UPS
    report = run(path, make_client())
    assert len(posts(fake)) == 1 and [o.status for o in report.outcomes] == ["accepted"]
    assert "already had" in results(path)[oid(1)] and len(sheet(path, "ShipLog")) == 1


def test_a_package_without_id_is_marked_as_shipped(fake, make_client, tmp_path):
    order = D.order(1, lines=2)
    order["packages"] = []
    for item in order["line_items"]:
        item["package_id"] = ""
    fake.orders = [order]
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Order ID": oid(1), "Tracking ID": UPS, "Shipping Provider Name": "UPS", "Quantity": 2}])
    run(path, make_client(), documents=False)
    sent = fake.calls(f"/fulfillment/202309/orders/{oid(1)}/packages")
    assert len(sent) == 1 and [i["id"] for i in order["line_items"]][1].encode() in sent[0].body
    assert results(path)[oid(1)].startswith("accepted")


def test_outside_the_mark_as_shipped_markets_nothing_is_sent(fake, make_client, tmp_path):
    order = D.order(1)
    order["line_items"][0]["package_status"] = "PROCESSING"
    order["recipient_address"]["region_code"] = "TH"
    fake.orders = [order]
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Order ID": oid(1), "Tracking ID": UPS, "Shipping Provider Name": "UPS"}])
    run(path, make_client(), documents=False)
    assert posts(fake) == [] and "TH" in results(path)[oid(1)]


def test_the_api_app_key_setting_is_required(tmp_path):
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Order ID": oid(1), "Tracking ID": UPS, "Shipping Provider Name": "UPS"}])
    with pytest.raises(ConfigError) as caught:
        run_push_tracking(FileBook(path), Settings(), now=NOW)
    assert "API App Key" in str(caught.value)


def test_providers_match_by_folded_name_or_same_couriers():
    pm = provider_map_from_rows(carriers_sheet_rows() + [[ALIAS, "usps, s10:US"]])
    assert match_provider("u.p.s", D.PROVIDERS, pm)["name"] == "UPS"
    assert match_provider(ALIAS, D.PROVIDERS, pm)["name"] == "USPS"
    assert match_provider("DHL", D.PROVIDERS, pm) is None
    assert match_provider("TikTok Shipping", D.PROVIDERS, pm) is None  # carries anything: no guess


@pytest.mark.parametrize("name", ["=UPS", "+UPS", "@UPS", "<b>UPS</b>", '=HYPERLINK("x","UPS")'])
def test_a_provider_name_that_is_a_formula_or_markup_matches_nothing(name):
    pm = provider_map_from_rows(carriers_sheet_rows())
    assert match_provider(name, D.PROVIDERS, pm) is None  # "=UPS" folds like "UPS", but is never sent


def _texts(exc: BaseException):
    yield str(exc)
    yield repr(exc)
    yield "".join(traceback.format_exception(exc))
    if isinstance(exc, ApiError):
        yield exc.render("zh")
        yield repr(exc.params)


def test_no_secret_in_logs_cells_reports_or_errors(fake, ring, make_client, scenario, caplog):
    errors = []
    with caplog.at_level(logging.DEBUG):
        fake.expire_next = 1
        report = run(scenario, make_client())
        wrong = stored(fake, ring)
        ring.set_password("tkops", wrong.username("app_secret"), "wrong-" + fake.app_secret)
        fake.used_tracking.discard(FEDEX)
        try:
            run(scenario, make_client(wrong))
        except InvalidSign as err:
            errors.append(err)
    assert errors and len(fake.issued) >= 4
    secrets = {fake.app_secret, "wrong-" + fake.app_secret, *fake.issued}
    cells = [str(v) for ws in openpyxl.load_workbook(scenario).worksheets
             for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    texts = ([r.getMessage() for r in caplog.records] + caplog.text.splitlines() + cells
             + report.lines("en") + report.lines("zh") + [t for e in errors for t in _texts(e)]
             + [t for o in report.outcomes if isinstance(o.reason, ApiError) for t in _texts(o.reason)])
    assert [(s[:6], t[:100]) for s in secrets for t in texts if s in t] == []
    assert any("shipping_documents" in line for line in caplog.text.splitlines())  # the log was captured
