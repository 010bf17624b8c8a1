"""No secret (app secret, access or refresh token, auth code) in any log line, exception or repr, across the
scenarios: first authorisation, paging, renewal, rate limit, timeouts, bad sign, missing scope, refused tokens,
duplicate tracking, documents, no keyring; and none in the workbook, log or report of a push-stock run."""

from __future__ import annotations

import logging
import time
import traceback
import zipfile

import keyring.backends.fail
import pytest

from tests.api.conftest import stored
from tests.api.server import APP_KEY, AUTH_CODE, SHOP_NAME
from tests.api.server_inventory import Stock
from tkops.api import ApiError, SecretsError, SecretStore
from tkops.book import FileBook
from tkops.jobs.push_stock import run_push_stock
from tkops.settings import Settings

SEARCH = "/order/202309/orders/search"
STALE_REFRESH = "RFT_not_the_current_one_123"
OTHER_CODE = "ROW_another_code_1234"  # a name, not a literal, on the line a traceback quotes


def _scenarios(fake, ring, make_client):
    """Run every scenario; return the exceptions raised and the objects whose repr could show."""
    errors, shown = [], []

    def expect(call):
        try:
            call()
        except (ApiError, SecretsError) as exc:
            errors.append(exc)
        else:
            raise AssertionError("the scenario should have failed")

    first = SecretStore(fake.app_key, SHOP_NAME, env={}, backend=ring)
    first.save("app_secret", fake.app_secret)
    client = make_client(first)
    client.authorize(AUTH_CODE)
    expect(lambda: client.authorize(AUTH_CODE))  # spent code: refused
    fake.orders = fake.orders * 10
    list(client.paginate(SEARCH, {"page_size": 7}, {"update_time_ge": 0}))
    fake.expire_next = 1
    client.post(SEARCH, {"page_size": 20})
    fake.expire_next = 2
    expect(lambda: client.post(SEARCH, {"page_size": 20}))
    fake.rate_limit_next = 50
    expect(lambda: make_client(first, max_retries=2).post(SEARCH, {"page_size": 20}))
    fake.rate_limit_next = 0
    fake.delay_next, fake.delay_seconds = 3, 0.3
    expect(lambda: make_client(first, timeout=0.1, max_retries=2).shops())
    fake.missing_scope = {"/return_refund/"}
    expect(lambda: client.post("/return_refund/202309/returns/search", {"page_size": 10}, {}))
    fake.used_tracking.add("1Z5R89390357567127")
    package = fake.orders[0]["packages"][0]["id"]
    expect(lambda: client.post(f"/fulfillment/202309/packages/{package}/ship", body={
        "self_shipment": {"tracking_number": "1Z5R89390357567127", "shipping_provider_id": "6617675021119438850"}}))
    client.post(f"/fulfillment/202309/packages/{package}/ship", body={"handover_method": "PICKUP"})
    doc = client.get(f"/fulfillment/202309/packages/{package}/shipping_documents", {"document_type": "SHIPPING_LABEL"})
    client.download(doc["doc_url"])

    fake.inventory["11"] = Stock("1001", "TEE", {"7000714532876273420": 1})
    fake.inventory_refuse["11"] = (12052700, "The SKU is not live")
    client.inventory_search(["11", "12"])
    client.update_inventory("1001", [{"id": "11", "inventory": [{"quantity": 2}]}])
    fake.update_faults = [401]
    client.update_inventory("1001", [{"id": "11", "inventory": [{"quantity": 2}]}])  # renewed, sent again
    expect(lambda: client.update_inventory("999", [{"id": "11", "inventory": [{"quantity": 2}]}]))
    soon = stored(fake, ring, expires=int(time.time()) + 60)  # renewed before the call
    make_client(soon).shops()
    wrong = stored(fake, ring)
    ring.set_password("tkops", wrong.username("app_secret"), "wrong-" + fake.app_secret)
    expect(lambda: make_client(wrong).shops())  # bad sign
    ring.set_password("tkops", wrong.username("app_secret"), fake.app_secret)
    ring.set_password("tkops", wrong.username("refresh_token"), STALE_REFRESH)
    fake.expire_next = 1
    expect(lambda: make_client(wrong).shops())  # the auth host refuses the refresh token
    ring.set_password("tkops", wrong.username("refresh_token_expire_in"), "1000")
    fake.expire_next = 1
    expect(lambda: make_client(wrong).shops())  # refresh token expired: authorise again
    nowhere = SecretStore(fake.app_key, SHOP_NAME, env={"TKOPS_APP_SECRET": fake.app_secret},
                          backend=keyring.backends.fail.Keyring())
    expect(lambda: make_client(nowhere).shops())
    expect(lambda: make_client(nowhere).authorize(OTHER_CODE))
    shown += [client, first, soon, wrong, nowhere, client.transport]
    return errors, shown


def _texts(exc: BaseException):
    while exc is not None:
        yield str(exc)
        yield repr(exc)
        yield repr(exc.args)
        yield "".join(traceback.format_exception(exc))
        if isinstance(exc, (ApiError, SecretsError)):
            yield exc.render("zh")
            yield repr(exc.params) + repr(vars(exc))
        exc = exc.__cause__ or exc.__context__


def test_no_secret_appears_in_logs_errors_or_reprs(fake, ring, make_client, caplog):
    with caplog.at_level(logging.DEBUG):
        errors, shown = _scenarios(fake, ring, make_client)
    secrets = {fake.app_secret, AUTH_CODE, STALE_REFRESH, OTHER_CODE, *fake.issued}
    assert len(fake.issued) >= 8
    lines = [r.getMessage() for r in caplog.records] + caplog.text.splitlines()
    texts = [t for e in errors for t in _texts(e)] + [repr(o) for o in shown] + lines
    leaks = [(s[:6], t[:120]) for s in secrets for t in texts if s in t]
    assert leaks == []
    assert {type(e).__name__ for e in errors} >= {
        "TokenRefused", "TokenExpired", "RateLimited", "ApiTimeout", "MissingScope", "DuplicateTracking",
        "InvalidSign", "ReauthorizeNeeded", "KeyringUnavailable"}
    # the test means something: httpx did log the auth host's URLs (with the secrets blanked)
    assert any(r.name == "httpx" and "token/refresh" in r.getMessage() for r in caplog.records)
    assert any("refresh_token=***" in line for line in lines)


def test_the_access_token_travels_only_in_its_header(fake, make_client):
    client = make_client()
    client.post(SEARCH, {"page_size": 20, "access_token": "ignored"})
    api_calls = [r for r in fake.requests if not r.path.startswith("/auth/")]
    assert api_calls and all("access_token" not in r.query for r in api_calls)
    assert all(r.headers["x-tts-access-token"] == fake.access_token for r in api_calls)


@pytest.mark.parametrize("name", ["app_secret", "access_token", "refresh_token"])
def test_a_secret_in_an_api_message_is_blanked(name, fake, ring):
    store = stored(fake, ring)
    value = store.get(name).reveal()
    error = ApiError(api_code=1, api_message=f"bad {name}={value}", path=f"/x?{name}={value}")
    assert value not in str(error) and value not in repr(error.params)


def test_a_push_stock_run_leaves_no_secret_in_the_book_the_log_or_the_report(fake, make_client, caplog, tmp_path):
    from tests.api.test_push_stock import IDS, line, make_book

    sku_ids = [IDS["TS-BLK-M"], IDS["MUG-1"]]
    fake.inventory[sku_ids[0]] = Stock("1001", "TS-BLK-M", {"7000714532876273420": 1})
    fake.inventory[sku_ids[1]] = Stock("1002", "MUG-1", {"7000714532876273420": 1})
    fake.inventory_refuse[sku_ids[1]] = (12052700, f"bad token {fake.access_token}")  # an answer quoting a secret
    fake.rate_limit_next, fake.update_faults = 1, [401, 503]
    path = tmp_path / "ops.xlsx"
    make_book(path, [{"Seller SKU": "TS-BLK-M", "On Hand": 5}, {"Seller SKU": "MUG-1", "On Hand": 3}],
              [line("TS-BLK-M", 1), line("MUG-1", 1)])
    settings = Settings(market="US", api_app_key=APP_KEY, api_shop=SHOP_NAME)
    with caplog.at_level(logging.DEBUG):
        report = run_push_stock(FileBook(path), settings, make_client(), dry_run=False)
        dry = run_push_stock(FileBook(path), settings, make_client(), dry_run=True)
    assert fake.inventory[sku_ids[0]].available == {"7000714532876273420": 4}
    assert len(fake.calls("/auth/api/v2/token/refresh")) == 1  # the renewal did happen
    with zipfile.ZipFile(path) as book:
        parts = [book.read(name).decode("utf-8", "replace") for name in book.namelist()]
    texts = parts + report.lines("en") + report.lines("zh") + dry.lines("en") + caplog.text.splitlines()
    assert any("not live" in t or "bad token" in t for t in parts)  # the refusal is on the sheet, blanked
    secrets = {fake.app_secret, *fake.issued}
    assert [(s[:6], t[:120]) for s in secrets for t in texts if s in t] == []
