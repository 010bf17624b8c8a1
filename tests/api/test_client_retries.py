"""Retries (rate limit, overload, timeouts), the client-side rate limiter, and the errors that say what to do."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from tests.api.conftest import stored
from tkops.api import (ApiClient, ApiTimeout, ApiUnreachable, BadResponse, ClockSkew, InvalidSign, MissingScope,
                       MissingShopCipher, PagingLoop, RateLimited, SecretStore)
from tkops.api.transport import RateLimiter, api_name

SEARCH = "/order/202309/orders/search"


def ready(make_client, **options) -> ApiClient:
    """A client that already knows the shop's cipher, so a scenario hits the call under test."""
    client = make_client(**options)
    client.shop_cipher()
    return client


def test_rate_limited_calls_are_retried_with_growing_backoff(fake, make_client, sleeps):
    client = ready(make_client, random=lambda: 1.0)
    fake.rate_limit_next = 4
    assert client.post(SEARCH, {"page_size": 20})["orders"]
    assert sleeps == [0.5, 1.0, 2.0, 4.0]


def test_backoff_jitter_stays_within_its_bounds(fake, make_client, sleeps):
    client = ready(make_client)
    fake.rate_limit_next = 5
    client.post(SEARCH, {"page_size": 20})
    assert len(sleeps) == 5
    assert all(0 <= s <= 0.5 * 2 ** i for i, s in enumerate(sleeps))
    assert len(set(sleeps)) > 1  # full jitter: not a fixed schedule


def test_backoff_is_capped(fake, make_client, sleeps):
    client = ready(make_client, random=lambda: 1.0, max_retries=9)
    fake.rate_limit_next = 9
    client.post(SEARCH, {"page_size": 20})
    assert max(sleeps) == 30.0


def test_every_retry_is_signed_afresh(fake, make_client):
    clock = iter(range(int(time.time()) - 60, int(time.time()) + 100))
    client = ready(make_client, clock=lambda: next(clock))
    fake.busy_next = 2
    client.post(SEARCH, {"page_size": 20})
    stamps = [c.query["timestamp"] for c in fake.calls(SEARCH)]
    assert len(stamps) == 3 and len(set(stamps)) == 3


def test_rate_limit_that_does_not_end_is_a_clear_error(fake, make_client, sleeps):
    client = ready(make_client, max_retries=3)
    fake.rate_limit_next = 100
    with pytest.raises(RateLimited) as caught:
        client.post(SEARCH, {"page_size": 20})
    assert len(sleeps) == 3 and len(fake.calls(SEARCH)) == 4
    assert "after 3 retries" in str(caught.value) and "36009002" in str(caught.value)
    assert "重试 3 次后" in caught.value.render("zh")


def test_overload_503_is_retried(fake, make_client, sleeps):
    client = ready(make_client)
    fake.busy_next = 2
    assert client.post(SEARCH, {"page_size": 20})["orders"]
    assert len(sleeps) == 2


def test_timeouts_are_retried(fake, make_client, sleeps):
    client = ready(make_client, timeout=0.2)
    fake.delay_next, fake.delay_seconds = 2, 0.6
    assert client.post(SEARCH, {"page_size": 20})["orders"]
    assert len(sleeps) == 2


def test_timeouts_that_do_not_end_are_a_clear_error(fake, make_client, sleeps):
    client = ready(make_client, timeout=0.15, max_retries=2)
    fake.delay_next, fake.delay_seconds = 10, 0.4
    with pytest.raises(ApiTimeout) as caught:
        client.post(SEARCH, {"page_size": 20})
    assert "within 0.15 seconds" in str(caught.value) and "internet connection" in str(caught.value)
    assert caught.value.__context__ is None and caught.value.__cause__ is None


def test_an_unreachable_host_is_a_clear_error(fake, ring, sleeps):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = ApiClient(fake.app_key, stored(fake, ring), base_url=f"http://127.0.0.1:{port}", sleep=sleeps,
                       max_retries=2)
    with pytest.raises(ApiUnreachable) as caught:
        client.shop_cipher()
    assert "ConnectError" in str(caught.value) and len(sleeps) == 2


def test_a_wrong_app_secret_is_an_invalid_sign_error_not_retried(fake, ring, make_client, sleeps):
    store = stored(fake, ring)
    ring.set_password("tkops", store.username("app_secret"), "0" * 40)
    with pytest.raises(InvalidSign) as caught:
        make_client(store).post(SEARCH, {"page_size": 20})
    assert sleeps == [] and caught.value.api_code == 106001
    assert "app secret" in str(caught.value) and "TKOPS_APP_SECRET" in str(caught.value)
    assert "/authorization/202309/shops" in str(caught.value)


def test_a_bad_sign_answer_is_not_retried_and_names_the_call(fake, make_client, sleeps):
    client = ready(make_client)
    fake.bad_sign_next = 1
    with pytest.raises(InvalidSign) as caught:
        client.post(SEARCH, {"page_size": 20})
    assert sleeps == [] and len(fake.calls(SEARCH)) == 1 and SEARCH in str(caught.value)


def test_a_missing_scope_says_to_add_it_and_authorise_again(fake, make_client):
    fake.missing_scope = {"/return_refund/"}
    with pytest.raises(MissingScope) as caught:
        make_client().post("/return_refund/202309/returns/search", {"page_size": 10}, {})
    assert "permission (scope)" in str(caught.value) and "105005" in str(caught.value)


def test_a_shop_scoped_call_without_cipher_is_refused(fake, make_client):
    with pytest.raises(MissingShopCipher) as caught:
        make_client().post(SEARCH, {"page_size": 20}, shop_scoped=False)
    assert "API Shop" in str(caught.value)


def test_a_wrong_clock_says_to_set_the_clock(fake, make_client):
    with pytest.raises(ClockSkew) as caught:
        make_client(clock=lambda: time.time() - 900).shop_cipher()
    assert "clock" in str(caught.value) and "时间" in caught.value.render("zh")


def test_the_limiter_keeps_each_api_under_its_rate():
    now, slept = [1000.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(3, lambda: now[0], sleep)
    for _ in range(7):
        limiter.wait("/order/202309/orders/search")
    limiter.wait("/order/202309/orders")  # another API has its own budget
    assert slept == [1.0, 1.0]


def test_ids_in_a_path_count_as_one_api():
    assert api_name("/fulfillment/202309/packages/1152921504606840001/ship") == \
        api_name("/fulfillment/202309/packages/1152921504606840002/ship")
    assert api_name("/order/202309/orders") != api_name("/order/202309/orders/search")


def _mock_client(handler, ring) -> ApiClient:
    store = SecretStore("key", "Shop", env={"TKOPS_APP_SECRET": "s" * 32, "TKOPS_ACCESS_TOKEN": "t" * 32},
                        backend=ring)
    client = ApiClient("key", store, shop="Shop", http=httpx.Client(transport=httpx.MockTransport(handler)),
                       sleep=lambda s: None, max_retries=1)
    client._cipher = "cipher"  # skip the shops call: these tests are about one answer
    return client


def test_a_page_token_that_repeats_stops_the_paging(ring):
    def handler(request):
        return httpx.Response(200, json={"code": 0, "data": {"orders": [{"id": "1"}], "next_page_token": "same"}})

    with pytest.raises(PagingLoop):
        list(_mock_client(handler, ring).paginate(SEARCH, {"page_size": 1}))


def test_an_answer_that_is_not_json_is_a_clear_error(ring):
    def handler(request):
        return httpx.Response(200, text="<html>captive portal</html>")

    with pytest.raises(BadResponse) as caught:
        _mock_client(handler, ring).post(SEARCH, {"page_size": 1})
    assert "proxy or firewall" in str(caught.value) and "HTTP 200" in str(caught.value)
