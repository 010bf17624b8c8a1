"""Minimal default payloads of the fake TikTok Shop server, with field names from docs/open-api.md#endpoints (richer builders live
in tests/api/payloads.py; the server takes any list of payload dicts)."""

from __future__ import annotations

BASE_TIME = 1767225600  # 2026-01-01 00:00:00 UTC
WAREHOUSE_ID = "7000714532876273420"
DELIVERY_OPTION_ID = "7091146663229654785"
PROVIDERS = [{"id": "6617675021119438849", "name": "USPS"}, {"id": "6617675021119438850", "name": "UPS"},
             {"id": "6617675021119438851", "name": "FedEx"}]


def order(i: int, update_time: int | None = None, lines: int = 1) -> dict:
    """Order number ``i`` (id 5764614130387857xx-like, 18 digits), AWAITING_SHIPMENT, ``lines`` units of one SKU."""
    order_id = str(576461413038700000 + i)
    package_id = str(1152921504606840000 + i)
    created = BASE_TIME + 60 * i
    line = {"id": "", "sku_id": "1729382938492834921", "product_id": "1729382938492830000",
            "product_name": "Cotton T-shirt", "sku_name": "Black, M", "seller_sku": "TS-BLK-M",
            "original_price": "19.99", "sale_price": "17.99", "platform_discount": "0", "seller_discount": "2.00",
            "currency": "USD", "display_status": "AWAITING_SHIPMENT", "package_id": package_id,
            "package_status": "TO_FULFILL", "is_gift": False}
    return {
        "id": order_id, "status": "AWAITING_SHIPMENT", "create_time": created, "paid_time": created + 30,
        "update_time": update_time if update_time is not None else created + 120,
        "rts_sla_time": created + 2 * 86400, "tts_sla_time": created + 3 * 86400,
        "shipping_due_time": created + 3 * 86400, "shipping_type": "SELLER",
        "fulfillment_type": "FULFILLMENT_BY_SELLER", "delivery_type": "HOME_DELIVERY",
        "delivery_option_id": DELIVERY_OPTION_ID, "delivery_option_name": "Standard shipping",
        "warehouse_id": WAREHOUSE_ID, "user_id": "7021436810468230000", "buyer_email": "v3b8x@scs.tiktokw.us",
        "buyer_message": "", "is_cod": False, "payment_method_name": "Credit card",
        "payment": {"currency": "USD", "sub_total": f"{17.99 * lines:.2f}", "shipping_fee": "0",
                    "seller_discount": f"{2 * lines:.2f}", "platform_discount": "0",
                    "total_amount": f"{17.99 * lines:.2f}", "original_total_product_price": f"{19.99 * lines:.2f}",
                    "tax": "0"},
        "recipient_address": {"name": "J*** D***", "phone_number": "(+1)213-***-1234",
                              "full_address": "1 M*** St, Los Angeles, California, 90001", "postal_code": "90001",
                              "region_code": "US", "address_line1": "1 M*** St",
                              "district_info": [{"address_level_name": "State", "address_name": "California",
                                                 "address_level": "L1"},
                                                {"address_level_name": "City", "address_name": "Los Angeles",
                                                 "address_level": "L3"}]},
        "line_items": [{**line, "id": str(57646141303870000 + 100 * i + n)} for n in range(lines)],
        "packages": [{"id": package_id}],
    }


def return_order(i: int, order_id: str | None = None) -> dict:
    """Return number ``i``: a defective item, refund and return requested."""
    return {"return_id": str(4035318427520000000 + i), "order_id": order_id or str(576461413038700000 + i),
            "return_type": "RETURN_AND_REFUND", "return_status": "RETURN_OR_REFUND_REQUEST_PENDING",
            "role": "BUYER", "return_reason": "ecom_order_delivered_refund_and_return_reason_defective",
            "return_reason_text": "Damaged or defective item", "create_time": BASE_TIME + 86400 + i,
            "update_time": BASE_TIME + 86400 + i,
            "refund_amount": {"currency": "USD", "refund_total": "17.99", "refund_subtotal": "17.99",
                              "refund_shipping_fee": "0", "refund_tax": "0"},
            "return_line_items": [{"return_line_item_id": str(4035318427520100000 + i),
                                   "order_line_item_id": str(57646141303870000 + 100 * i),
                                   "sku_id": "1729382938492834921",
                                   "sku_name": "Black, M", "product_name": "Cotton T-shirt", "seller_sku": "TS-BLK-M",
                                   "refund_amount": {"currency": "USD", "refund_total": "17.99"}}]}


def cancellation(i: int, order_id: str | None = None) -> dict:
    """Cancellation number ``i``: the buyer changed their mind before shipping."""
    return {"cancel_id": str(4035318427530000000 + i), "order_id": order_id or str(576461413038700000 + i),
            "cancel_type": "BUYER_CANCEL", "cancel_status": "CANCELLATION_REQUEST_COMPLETE", "role": "BUYER",
            "cancel_reason": "ecom_order_to_ship_cancel_reason_no_longer_needed",
            "cancel_reason_text": "No longer needed", "create_time": BASE_TIME + 3600 + i,
            "update_time": BASE_TIME + 3600 + i,
            "refund_amount": {"currency": "USD", "refund_total": "17.99"},
            "cancel_line_items": [{"cancel_line_item_id": str(4035318427530100000 + i),
                                   "order_line_item_id": str(57646141303870000 + 100 * i),
                                   "sku_id": "1729382938492834921",
                                   "seller_sku": "TS-BLK-M", "product_name": "Cotton T-shirt",
                                   "refund_amount": {"currency": "USD", "refund_total": "17.99"}}]}


def pdf(title: str) -> bytes:
    """A small valid one-page PDF (stands for a shipping label or packing slip)."""
    text = title.replace("(", "").replace(")", "").replace("\\", "")
    stream = f"BT /F1 12 Tf 20 380 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
