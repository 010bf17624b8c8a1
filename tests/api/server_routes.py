"""The fake server's endpoints (docs/open-api.md#endpoints): each takes (fake, query, JSON body, *path ids) and returns the
envelope's ``data`` or raises :class:`Fault` with the documented error code."""

from __future__ import annotations

import base64
import re

#: The reference lists no code for a malformed parameter of these endpoints; any non-zero code fails the call.
BAD_PARAM = 40006
DOCUMENT_TYPES = ("SHIPPING_LABEL", "PACKING_SLIP", "SHIPPING_LABEL_AND_PACKING_SLIP", "SHIPPING_LABEL_PICTURE",
                  "HAZMAT_LABEL")


class Fault(Exception):
    """An error answer: API code, message, HTTP status."""

    def __init__(self, code: int, message: str, status: int = 200) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def _token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _offset(token: str) -> int:
    if not token:
        return 0
    try:
        return int(base64.urlsafe_b64decode(token.encode()).decode().split(":")[1])
    except (ValueError, IndexError):
        raise Fault(BAD_PARAM, "Invalid page_token") from None


def _page(fake, items: list[dict], query: dict, key: str, default: int, low: int, high: int) -> dict:
    size = int(query.get("page_size") or default)
    if not low <= size <= high:
        raise Fault(BAD_PARAM, f"page_size must be between {low} and {high}")
    offset = _offset(query.get("page_token", ""))
    if fake.fail_on_page is not None and offset // size + 1 == fake.fail_on_page:
        raise Fault(fake.fail_code, "Internal error, please retry", 500)
    chunk = items[offset:offset + size]
    more = offset + size < len(items)
    return {key: chunk, "next_page_token": _token(offset + size) if more else "", "total_count": len(items)}


def _filtered(items: list[dict], body: dict, query: dict, default_order: str) -> list[dict]:
    for name in ("create_time", "update_time"):
        if f"{name}_ge" in body:
            items = [i for i in items if i.get(name, 0) >= int(body[f"{name}_ge"])]
        if f"{name}_lt" in body:
            items = [i for i in items if i.get(name, 0) < int(body[f"{name}_lt"])]
    field = query.get("sort_field") or "create_time"
    descending = (query.get("sort_order") or default_order) == "DESC"
    return sorted(items, key=lambda i: i.get(field, 0), reverse=descending)


def shops(fake, query, body):
    return {"shops": fake.shops}


def order_search(fake, query, body):
    items = _filtered(fake.orders, body, query, "DESC")
    if body.get("order_status"):
        items = [o for o in items if o.get("status") == body["order_status"]]
    return _page(fake, items, query, "orders", 20, 1, 100)


def order_detail(fake, query, body):
    ids = [i for i in query.get("ids", "").split(",") if i]
    if not 1 <= len(ids) <= 50:
        raise Fault(BAD_PARAM, "ids: give 1 to 50 order ids")
    wanted = set(ids)
    return {"orders": [o for o in fake.orders if o["id"] in wanted]}


def returns_search(fake, query, body):
    items = _filtered(fake.returns, body, query, "ASC")
    if body.get("order_ids"):
        items = [r for r in items if r["order_id"] in set(body["order_ids"])]
    return _page(fake, items, query, "return_orders", 10, 10, 50)


def cancellations_search(fake, query, body):
    items = _filtered(fake.cancellations, body, query, "ASC")
    return _page(fake, items, query, "cancellations", 10, 10, 50)


def warehouses(fake, query, body):
    return {"warehouses": [{"id": "7000714532876273420", "name": "LA warehouse", "type": "SALES_WAREHOUSE",
                            "sub_type": "DOMESTIC_WAREHOUSE", "is_default": True, "effect_status": "ENABLED"}]}


def delivery_options(fake, query, body, warehouse_id):
    return {"delivery_options": [{"id": "7091146663229654785", "name": "Standard shipping",
                                  "type": "SEND_BY_SELLER", "description": "Seller ships with own carrier"}]}


def shipping_providers(fake, query, body, option_id):
    return {"shipping_providers": fake.providers}


def _check_tracking(fake, key: str, tracking: str, provider_id: str) -> None:
    if provider_id not in {p["id"] for p in fake.providers}:
        raise Fault(21011022, "Invalid tracking number or shipping provider ID")
    if tracking in fake.invalid_tracking:
        raise Fault(21004015, "Tracking number mismatch provider")
    if tracking in fake.used_tracking:
        raise Fault(21011025, "Duplicate tracking number")
    if key in fake.shipped:
        raise Fault(21011020, "The package has been shipped")


def ship_package(fake, query, body, package_id):
    own = body.get("self_shipment")
    if own:
        _check_tracking(fake, package_id, own.get("tracking_number", ""), own.get("shipping_provider_id", ""))
        tracking = own["tracking_number"]
    elif package_id in fake.shipped:
        raise Fault(21011020, "The package has been shipped")
    else:
        tracking = f"TT{package_id[-10:]}US"
    fake.used_tracking.add(tracking)
    fake.shipped[package_id] = {"tracking_number": tracking, "handover_method": body.get("handover_method")}
    return {}


def mark_shipped(fake, query, body, order_id):
    _check_tracking(fake, order_id, body.get("tracking_number", ""), body.get("shipping_provider_id", ""))
    order = next((o for o in fake.orders if o["id"] == order_id), None)
    if order is not None and order.get("status") == "CANCELLED":
        raise Fault(21011041, "The order has been cancelled")
    fake.used_tracking.add(body["tracking_number"])
    package_id = order["packages"][0]["id"] if order and order.get("packages") else str(1152921504606900000)
    fake.shipped[order_id] = {"tracking_number": body["tracking_number"], "package_id": package_id}
    return {"order_id": order_id, "order_line_item_ids": body.get("order_line_item_ids", []),
            "package_id": package_id, "warning": {"message": ""}}


def update_shipping_info(fake, query, body, entity_id):
    if fake.updates.get(entity_id):
        raise Fault(21011051, "The tracking number can only be updated once")
    tracking, provider = body.get("tracking_number", ""), body.get("shipping_provider_id", "")
    if provider not in {p["id"] for p in fake.providers}:
        raise Fault(21011022, "Invalid tracking number or shipping provider ID")
    if tracking in fake.used_tracking:
        raise Fault(21011025, "Duplicate tracking number")
    fake.updates[entity_id] = 1
    fake.used_tracking.add(tracking)
    return {}


def shipping_documents(fake, query, body, package_id):
    kind = query.get("document_type", "")
    if kind not in DOCUMENT_TYPES:
        raise Fault(BAD_PARAM, "document_type is invalid")
    tracking = fake.shipped.get(package_id, {}).get("tracking_number", "")
    return {"doc_url": f"{fake.url}/files/{package_id}-{kind}-{query.get('document_size', 'A6')}.pdf",
            "tracking_number": tracking}


def token_get(fake, query):
    _check_app(fake, query, "authorized_code")
    if query.get("auth_code") not in fake.auth_codes:
        raise Fault(36004004, "Invalid or expired auth_code")  # auth host codes: not in the reference
    fake.auth_codes.discard(query["auth_code"])  # single use
    return fake.issue_tokens()


def token_refresh(fake, query):
    _check_app(fake, query, "refresh_token")
    if query.get("refresh_token") != fake.refresh_token:
        raise Fault(36004005, "Invalid or expired refresh_token")
    return fake.issue_tokens()


def _check_app(fake, query, grant: str) -> None:
    if query.get("app_key") != fake.app_key or query.get("app_secret") != fake.app_secret:
        raise Fault(36004001, "Invalid app_key or app_secret")
    if query.get("grant_type") != grant:
        raise Fault(36004002, "Invalid grant_type")


_V = "/202309"
ROUTES = [(verb, re.compile(pattern.replace("{v}", _V)), handler) for verb, pattern, handler in (
    ("GET", r"/authorization{v}/shops", shops),
    ("POST", r"/order{v}/orders/search", order_search),
    ("GET", r"/order{v}/orders", order_detail),
    ("POST", r"/return_refund{v}/returns/search", returns_search),
    ("POST", r"/return_refund{v}/cancellations/search", cancellations_search),
    ("GET", r"/logistics{v}/warehouses", warehouses),
    ("GET", r"/logistics{v}/warehouses/(\d+)/delivery_options", delivery_options),
    ("GET", r"/logistics{v}/delivery_options/(\d+)/shipping_providers", shipping_providers),
    ("POST", r"/fulfillment{v}/packages/(\d+)/ship", ship_package),
    ("POST", r"/fulfillment{v}/orders/(\d+)/packages", mark_shipped),
    ("POST", r"/fulfillment{v}/orders/(\d+)/shipping_info/update", update_shipping_info),
    ("POST", r"/fulfillment{v}/packages/(\d+)/shipping_info/update", update_shipping_info),
    ("GET", r"/fulfillment{v}/packages/(\d+)/shipping_documents", shipping_documents),
)]
AUTH_ROUTES = {"/api/v2/token/get": token_get, "/api/v2/token/refresh": token_refresh}
