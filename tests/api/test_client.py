"""The client against the fake server: the request contract, shop_cipher, paging, tokens and their renewal."""

from __future__ import annotations

import json
import time

import pytest

from tests.api import server_data as D
from tests.api.conftest import stored
from tests.api.server import AUTH_CODE, SHOP_CIPHER, SHOP_NAME
from tkops.api import (KeyringUnavailable, ReauthorizeNeeded, SecretStore, ServerBusy, ShopNotFound, TokenExpired,
                       TokenRefused)

SEARCH = "/order/202309/orders/search"
SHOPS = "/authorization/202309/shops"
REFRESH = "/auth/api/v2/token/refresh"


def test_a_signed_call_carries_the_documented_parameters_and_headers(fake, make_client):
    client = make_client()
    data = client.post(SEARCH, {"page_size": 50}, {"update_time_ge": D.BASE_TIME})
    assert [o["id"] for o in data["orders"]] == [o["id"] for o in reversed(fake.orders)]
    seen = fake.calls(SEARCH)[0]
    assert set(seen.query) == {"page_size", "app_key", "timestamp", "shop_cipher", "sign"}
    assert seen.query["shop_cipher"] == SHOP_CIPHER
    assert seen.headers["x-tts-access-token"] == fake.access_token
    assert seen.headers["content-type"] == "application/json"
    assert seen.body == b'{"update_time_ge":1767225600}'  # compact, and the very bytes that were signed
    assert abs(int(seen.query["timestamp"]) - time.time()) < 5


def test_shop_cipher_is_fetched_once_and_not_sent_to_authorization(fake, make_client):
    client = make_client()
    for _ in range(3):
        client.post(SEARCH, {"page_size": 10})
    client.get("/order/202309/orders", {"ids": [o["id"] for o in fake.orders]})
    assert len(fake.calls(SHOPS)) == 1
    assert "shop_cipher" not in fake.calls(SHOPS)[0].query
    assert client.shop_cipher() == SHOP_CIPHER


@pytest.mark.parametrize("shop", ["sunny home us", "USLCX2ZPQ7", "7495598528765544843"])
def test_the_shop_is_matched_by_name_code_or_id(fake, ring, make_client, shop):
    assert make_client(stored(fake, ring, shop), shop=shop).shop_cipher() == SHOP_CIPHER


def test_an_unknown_shop_lists_the_shops_the_token_may_use(fake, ring, make_client):
    with pytest.raises(ShopNotFound) as caught:
        make_client(stored(fake, ring, "Sunny Home DE"), shop="Sunny Home DE").shop_cipher()
    assert "Sunny Home US (USLCX2ZPQ7, US)" in str(caught.value) and "Sunny Home UK" in str(caught.value)
    assert "API Shop" in caught.value.render("zh")


def test_many_pages_are_followed_to_the_end(fake, make_client):
    fake.orders = [D.order(i) for i in range(1, 251)]
    client = make_client()
    ids = [o["id"] for o in client.paginate(SEARCH, {"page_size": 20, "sort_order": "ASC"},
                                            {"create_time_ge": D.BASE_TIME})]
    assert ids == [o["id"] for o in fake.orders]
    calls = fake.calls(SEARCH)
    assert len(calls) == 13 and "page_token" not in calls[0].query
    assert all(c.query["page_token"] for c in calls[1:])


def test_returns_and_cancellations_page_within_their_limits(fake, make_client):
    fake.returns = [D.return_order(i) for i in range(1, 26)]
    fake.cancellations = [D.cancellation(i) for i in range(1, 4)]
    client = make_client()
    returns = list(client.paginate("/return_refund/202309/returns/search", {"page_size": 10}, {},
                                   items_key="return_orders"))
    cancels = list(client.paginate("/return_refund/202309/cancellations/search", {"page_size": 10}, {},
                                   items_key="cancellations"))
    assert len(returns) == 25 and len(fake.calls("/return_refund/202309/returns/search")) == 3
    assert [c["cancel_id"] for c in cancels] == [c["cancel_id"] for c in fake.cancellations]


def test_order_details_in_batches_of_fifty(fake, make_client):
    fake.orders = [D.order(i) for i in range(1, 61)]
    client = make_client()
    ids = [o["id"] for o in fake.orders]
    got = client.get("/order/202309/orders", {"ids": ids[:50]})["orders"]
    assert len(got) == 50 and fake.calls("/order/202309/orders")[0].query["ids"] == ",".join(ids[:50])


def test_a_failure_on_page_7_raises_after_six_pages_and_a_new_run_gets_everything(fake, make_client, sleeps):
    fake.orders = [D.order(i) for i in range(1, 201)]
    fake.fail_on_page = 7
    client = make_client(max_retries=2)
    got = []
    with pytest.raises(ServerBusy) as caught:
        for item in client.paginate(SEARCH, {"page_size": 20}, {}):
            got.append(item)
    assert len(got) == 120 and len(sleeps) == 2
    assert "nothing was written" in str(caught.value)
    fake.fail_on_page = None
    assert len(list(client.paginate(SEARCH, {"page_size": 20}, {}))) == 200


def test_an_expired_token_is_renewed_once_and_the_call_repeated(fake, ring, make_client):
    store = stored(fake, ring)
    client = make_client(store)
    client.shop_cipher()
    old = fake.access_token
    fake.expire_next = 1
    assert client.post(SEARCH, {"page_size": 20})["orders"]
    assert len(fake.calls(REFRESH)) == 1
    assert fake.access_token != old and store.get("access_token").reveal() == fake.access_token
    assert ring.get_password("tkops", store.username("refresh_token")) == fake.refresh_token
    assert int(ring.get_password("tkops", store.username("access_token_expire_in"))) > time.time() + 86400
    assert [c.headers["x-tts-access-token"] for c in fake.calls(SEARCH)] == [old, fake.access_token]


def test_a_token_still_expired_after_renewal_is_an_error_not_a_loop(fake, make_client):
    fake.expire_next = 2
    with pytest.raises(TokenExpired) as caught:
        make_client().post(SEARCH, {"page_size": 20})
    assert len(fake.calls(REFRESH)) == 1
    assert "authorise the shop again" in str(caught.value).lower() or "Authorise" in str(caught.value)


def test_the_token_is_renewed_before_it_expires(fake, ring, make_client):
    client = make_client(stored(fake, ring, expires=int(time.time()) + 120))
    client.post(SEARCH, {"page_size": 20})
    paths = [r.path for r in fake.requests]
    assert paths.index(REFRESH) < paths.index(SHOPS)
    assert len(fake.calls(REFRESH)) == 1


def test_a_token_far_from_expiry_is_not_renewed(fake, ring, make_client):
    make_client(stored(fake, ring, expires=int(time.time()) + 3600)).post(SEARCH, {"page_size": 20})
    assert fake.calls(REFRESH) == []


def test_an_expired_refresh_token_asks_to_authorise_again(fake, ring, make_client):
    store = stored(fake, ring, expires=int(time.time()) - 10)
    ring.set_password("tkops", store.username("refresh_token_expire_in"), str(int(time.time()) - 5))
    with pytest.raises(ReauthorizeNeeded) as caught:
        make_client(store).post(SEARCH, {"page_size": 20})
    assert "authorisation link" in str(caught.value) and fake.calls(REFRESH) == []


def test_authorize_trades_the_code_for_tokens_and_keeps_them(fake, ring, make_client):
    store = SecretStore(fake.app_key, SHOP_NAME, env={}, backend=ring)
    store.save("app_secret", fake.app_secret)
    client = make_client(store)
    info = client.authorize(AUTH_CODE)
    assert info["seller_name"] == SHOP_NAME and info["access_expires"] > time.time()
    assert "access_token" not in json.dumps(info)
    assert ring.get_password("tkops", store.username("access_token")) == fake.access_token
    assert client.post(SEARCH, {"page_size": 20})["orders"]
    with pytest.raises(TokenRefused):  # an authorisation code works once
        client.authorize(AUTH_CODE)


def test_authorize_without_a_keyring_keeps_the_code_unspent(fake, make_client):
    import keyring.backends.fail

    store = SecretStore(fake.app_key, SHOP_NAME, env={"TKOPS_APP_SECRET": fake.app_secret},
                        backend=keyring.backends.fail.Keyring())
    with pytest.raises(KeyringUnavailable) as caught:
        make_client(store).authorize(AUTH_CODE)
    assert caught.value.code == "api.keyring_cannot_store" and "TKOPS_ACCESS_TOKEN" in str(caught.value)
    assert AUTH_CODE in fake.auth_codes and fake.calls("/auth/api/v2/token/get") == []
