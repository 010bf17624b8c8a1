"""Tracking upload and shipping documents through the client: provider ids, accepted shipments, and the API's
reasons for refusing one (each a typed error whose message goes on the order's row)."""

from __future__ import annotations

import pytest

from tests.api import server_data as D
from tkops.api import (AlreadyShipped, DuplicateTracking, FulfilmentError, InvalidTracking, OrderCancelled,
                       OutcomeUnknown, TrackingUpdateLimit)

UPS = "6617675021119438850"


def ship(client, package_id: str, tracking: str, provider: str = UPS) -> dict:
    own = {"tracking_number": tracking, "shipping_provider_id": provider}
    return client.post(f"/fulfillment/202309/packages/{package_id}/ship",
                       body={"handover_method": "DROP_OFF", "self_shipment": own})


def test_shipping_providers_come_from_the_orders_delivery_option(fake, make_client):
    client = make_client()
    warehouse = client.get("/logistics/202309/warehouses")["warehouses"][0]["id"]
    option = client.get(f"/logistics/202309/warehouses/{warehouse}/delivery_options")["delivery_options"][0]
    assert option["id"] == fake.orders[0]["delivery_option_id"]
    providers = client.get(f"/logistics/202309/delivery_options/{option['id']}/shipping_providers")
    assert {p["name"]: p["id"] for p in providers["shipping_providers"]}["UPS"] == UPS


def test_a_package_is_shipped_with_the_sellers_tracking_number(fake, make_client):
    package = fake.orders[0]["packages"][0]["id"]
    assert ship(make_client(), package, "1Z5R89390357567127") == {}
    assert fake.shipped[package]["tracking_number"] == "1Z5R89390357567127"
    sent = fake.calls(f"/fulfillment/202309/packages/{package}/ship")[0]
    assert b'"self_shipment":{"tracking_number":"1Z5R89390357567127"' in sent.body


def test_a_duplicate_tracking_number_is_refused_with_its_reason(fake, make_client):
    fake.used_tracking.add("1Z5R89390357567127")
    with pytest.raises(DuplicateTracking) as caught:
        ship(make_client(), fake.orders[0]["packages"][0]["id"], "1Z5R89390357567127")
    error = caught.value
    assert error.api_code == 21011025 and error.api_message == "Duplicate tracking number"
    assert isinstance(error, FulfilmentError) and error.exit_code == 2
    assert "already used" in str(error) and "已被使用" in error.render("zh")


def test_a_tracking_number_of_another_carrier_is_refused(fake, make_client):
    fake.invalid_tracking.add("9400111201080805483016")
    with pytest.raises(InvalidTracking) as caught:
        ship(make_client(), fake.orders[0]["packages"][0]["id"], "9400111201080805483016")
    assert caught.value.api_code == 21004015 and "Shipping Provider" in str(caught.value)


def test_an_unknown_provider_id_is_an_invalid_tracking_error(fake, make_client):
    with pytest.raises(InvalidTracking) as caught:
        ship(make_client(), fake.orders[0]["packages"][0]["id"], "1Z5R89390357567127", provider="123")
    assert caught.value.api_code == 21011022


def test_shipping_twice_is_refused_and_nothing_changes(fake, make_client):
    client = make_client()
    package = fake.orders[0]["packages"][0]["id"]
    ship(client, package, "1Z5R89390357567127")
    with pytest.raises(AlreadyShipped):
        ship(client, package, "1Z879E930346834440")
    assert fake.shipped[package]["tracking_number"] == "1Z5R89390357567127"


def test_a_shipment_whose_answer_is_lost_is_not_sent_again(fake, make_client, sleeps):
    client = make_client(timeout=0.15)
    client.shop_cipher()
    package = fake.orders[0]["packages"][0]["id"]
    fake.delay_next, fake.delay_seconds = 1, 0.4
    with pytest.raises(OutcomeUnknown) as caught:
        ship(client, package, "1Z5R89390357567127")
    assert len(fake.calls(f"/fulfillment/202309/packages/{package}/ship")) == 1 and sleeps == []
    assert package in fake.shipped  # TikTok did apply it: sending it again would have been refused as a duplicate
    assert "Seller Center" in str(caught.value)


def test_mark_as_shipped_answers_the_package_id(fake, make_client):
    order = fake.orders[1]
    data = make_client().post(f"/fulfillment/202309/orders/{order['id']}/packages", body={
        "tracking_number": "1Z879E930346834440", "shipping_provider_id": UPS,
        "order_line_item_ids": [line["id"] for line in order["line_items"]]})
    assert data["package_id"] == order["packages"][0]["id"] and data["warning"] == {"message": ""}


def test_a_cancelled_order_is_not_shipped(fake, make_client):
    fake.orders[1]["status"] = "CANCELLED"
    with pytest.raises(OrderCancelled):
        make_client().post(f"/fulfillment/202309/orders/{fake.orders[1]['id']}/packages", body={
            "tracking_number": "1Z879E930346834440", "shipping_provider_id": UPS, "order_line_item_ids": []})


def test_a_tracking_number_is_corrected_only_once(fake, make_client):
    client = make_client()
    path = f"/fulfillment/202309/packages/{fake.orders[0]['packages'][0]['id']}/shipping_info/update"
    client.post(path, body={"tracking_number": "1Z5R89390357567127", "shipping_provider_id": UPS})
    with pytest.raises(TrackingUpdateLimit):
        client.post(path, body={"tracking_number": "1Z879E930346834440", "shipping_provider_id": UPS})


@pytest.mark.parametrize("kind", ["SHIPPING_LABEL", "PACKING_SLIP"])
def test_shipping_documents_are_downloaded_without_credentials(fake, make_client, kind):
    client = make_client()
    package = fake.orders[0]["packages"][0]["id"]
    client.post(f"/fulfillment/202309/packages/{package}/ship", body={"handover_method": "PICKUP"})
    data = client.get(f"/fulfillment/202309/packages/{package}/shipping_documents",
                      {"document_type": kind, "document_size": "A6"})
    assert data["tracking_number"]
    pdf = client.download(data["doc_url"])
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    fetched = [r for r in fake.requests if r.path.startswith("/files/")][0]
    assert "x-tts-access-token" not in fetched.headers and not fetched.query


def test_default_payloads_have_one_line_item_per_unit():
    order = D.order(5, lines=3)
    assert len(order["line_items"]) == 3 and len({line["id"] for line in order["line_items"]}) == 3
    assert len(order["id"]) == 18
