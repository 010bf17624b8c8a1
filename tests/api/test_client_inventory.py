"""The client's inventory calls against the fake: the search asks 600 SKU ids a call at most, each id once; the update
sends one product's SKUs in one signed call and returns the SKUs TikTok refused."""

from __future__ import annotations

import json

import pytest

from tests.api.server_inventory import Stock
from tkops.api.client import INVENTORY_SEARCH, SKU_BATCH

W = "7000714532876273420"


def test_700_skus_are_searched_in_two_calls_of_600_and_100(fake, make_client):
    ids = [str(1729382938492800000 + n) for n in range(700)]
    for n, sku_id in enumerate(ids):
        fake.inventory[sku_id] = Stock(str(1729382938492700000 + n // 3), f"SKU-{n}", {W: n})
    found = make_client().inventory_search(ids + ids[:5] + ["not-an-id", ""])
    calls = fake.calls(INVENTORY_SEARCH)
    assert SKU_BATCH == 600 and [len(json.loads(c.body)["sku_ids"]) for c in calls] == [600, 100]
    assert sorted(s["id"] for p in found for s in p["skus"]) == sorted(ids)
    assert {s["seller_sku"]: s["warehouse_inventory"][0]["available_quantity"] for p in found for s in p["skus"]
            }["SKU-699"] == 699


def test_no_ids_no_call(fake, make_client):
    assert make_client().inventory_search([]) == []
    assert fake.calls(INVENTORY_SEARCH) == []


def test_the_update_sets_the_quantities_and_returns_the_refused_skus(fake, make_client):
    fake.inventory["11"] = Stock("1001", "A", {W: 1})
    fake.inventory["12"] = Stock("1001", "B", {W: 1})
    fake.inventory_refuse["12"] = (12052700, "The SKU is not live")
    errors = make_client().update_inventory("1001", [
        {"id": "11", "inventory": [{"warehouse_id": W, "quantity": 7}]},
        {"id": "12", "inventory": [{"warehouse_id": W, "quantity": 8}]}])
    assert fake.inventory["11"].available == {W: 7} and fake.inventory["12"].available == {W: 1}
    assert [(e["code"], e["detail"]["sku_id"]) for e in errors] == [(12052700, "12")]
    assert len(fake.calls("/product/202309/products/1001/inventory/update")) == 1


def test_a_product_id_that_is_not_digits_never_reaches_a_path(fake, make_client):
    with pytest.raises(ValueError):
        make_client().update_inventory("1001/../../x", [{"id": "11", "inventory": [{"quantity": 1}]}])
    assert not [r for r in fake.requests if "inventory" in r.path]


def test_an_update_cut_off_by_the_connection_is_sent_again(fake, make_client, sleeps):
    # setting an absolute quantity twice changes nothing, so a timeout is retried like a search
    fake.inventory["11"] = Stock("1001", "A", {W: 1})
    client = make_client(timeout=0.2, max_retries=2)
    client.shop_cipher()
    fake.delay_next, fake.delay_seconds = 1, 0.5
    assert client.update_inventory("1001", [{"id": "11", "inventory": [{"warehouse_id": W, "quantity": 3}]}]) == []
    assert fake.inventory["11"].available == {W: 3}
    assert len(fake.calls("/product/202309/products/1001/inventory/update")) == 2
