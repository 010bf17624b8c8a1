"""Shared fixtures of the review tests: a clean order line per market, small frames, and a runner that returns
compact (row, column, code) tuples."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tkops.review import RuleConfig, review
from tkops.settings import Settings

NOW = dt.datetime(2026, 11, 25, 12, 0)
PAID = NOW - dt.timedelta(hours=3)

#: A clean line per destination: every rule passes on it.
CLEAN: dict[str, dict] = {
    "US": {"country": "United States", "state": "CA", "city": "Los Angeles", "zipcode": "90012",
           "address_line_1": "123 Main St", "recipient": "John Smith", "phone": "(+1)213*****45"},
    "GB": {"country": "United Kingdom", "state": "", "city": "London", "zipcode": "SW1A 1AA",
           "address_line_1": "10 Downing Street", "recipient": "Jane Doe", "phone": "+44 7911 123456"},
    "IE": {"country": "Ireland", "city": "Dublin", "zipcode": "D02 X285", "address_line_1": "1 Grafton Street",
           "recipient": "Sean Murphy", "phone": "+353 85 123 4567"},
    "DE": {"country": "Germany", "city": "Berlin", "zipcode": "10115", "address_line_1": "Hauptstraße 5",
           "recipient": "Anna Müller", "phone": "+49 151 23456789"},
    "FR": {"country": "France", "city": "Paris", "zipcode": "75001", "address_line_1": "5 rue de Rivoli",
           "recipient": "Marie Dubois", "phone": "+33 6 12 34 56 78"},
    "IT": {"country": "Italy", "city": "Roma", "zipcode": "00184", "address_line_1": "Via Nazionale 12",
           "recipient": "Luca Rossi", "phone": "+39 312 345 6789"},
    "ES": {"country": "Spain", "city": "Madrid", "zipcode": "28013", "address_line_1": "Calle Mayor 10",
           "recipient": "Lucía García", "phone": "+34 612 34 56 78"},
    "MX": {"country": "Mexico", "state": "Ciudad de México", "city": "Cuauhtémoc", "zipcode": "06600",
           "address_line_1": "Av. Reforma 222", "recipient": "José Pérez", "phone": "+52 55 1234 5678"},
    "BR": {"country": "Brazil", "state": "SP", "city": "São Paulo", "zipcode": "01310-100",
           "address_line_1": "Avenida Paulista 1000", "recipient": "Ana Souza", "phone": "+55 11 91234-5678"},
    "JP": {"country": "Japan", "state": "東京都", "city": "千代田区", "zipcode": "100-0001",
           "address_line_1": "千代田1-1", "recipient": "山田 太郎", "phone": "090-1234-5678"},
    "ID": {"country": "Indonesia", "state": "DKI Jakarta", "city": "Jakarta Pusat", "zipcode": "10110",
           "address_line_1": "Jl. Merdeka No. 5", "recipient": "Budi Santoso", "phone": "0812-3456-7890"},
    "MY": {"country": "Malaysia", "state": "Kuala Lumpur", "city": "Kuala Lumpur", "zipcode": "50450",
           "address_line_1": "No 12, Jalan Ampang", "recipient": "Siti Aminah", "phone": "012-345 6789"},
    "PH": {"country": "Philippines", "state": "Metro Manila", "city": "Makati", "zipcode": "1200",
           "address_line_1": "123 Ayala Avenue", "recipient": "Maria Santos", "phone": "0917 123 4567"},
    "SG": {"country": "Singapore", "city": "Singapore", "zipcode": "018956",
           "address_line_1": "10 Bayfront Avenue", "recipient": "Tan Wei", "phone": "+65 8123 4567"},
    "TH": {"country": "Thailand", "state": "กรุงเทพมหานคร", "city": "เขตปทุมวัน", "zipcode": "10330",
           "address_line_1": "99/1 ถนนพระราม 1", "recipient": "สมชาย ใจดี", "phone": "(+66)8*******12"},
    "VN": {"country": "Viet Nam", "state": "Hồ Chí Minh", "city": "Quận 1", "zipcode": "",
           "address_line_1": "12 Nguyễn Huệ", "recipient": "Nguyễn Văn An", "phone": "0912 345 678"},
}

BASE = {"order_status": "Awaiting Shipment", "cancel_return_type": "", "sku_id": "1729000000000000001",
        "seller_sku": "TEE-WHT-M", "product_name": "Basic Tee", "variation": "White, M", "quantity": 1,
        "order_amount": 19.99, "currency": "USD", "paid_time": PAID, "created_time": PAID,
        "buyer_message": "", "buyer_username": "buyer1", "address_line_2": "", "state": "", "zipcode": "",
        "districts": "", "house_name_or_number": ""}

INVENTORY = pd.DataFrame({
    "Seller SKU": ["TEE-WHT-M", "TEE-WHT-L", "TEE-BLK-M", "TEE-BLK-L", "MUG", "CAP"],
    "Product Name": ["Basic Tee"] * 4 + ["Mug", "Cap"],
    "Variation": ["White, M", "White, L", "Black, M", "Black, L", "", ""],
    "On Hand": [100, 100, 100, 100, 100, 100],
})
NO_BUNDLES = pd.DataFrame(columns=["Bundle SKU", "Component SKU", "Quantity"])


def line(market: str = "US", n: int = 1, **overrides) -> dict:
    """A clean order line to ``market`` for order number ``n`` (its own buyer and flat), with ``overrides``."""
    own = {"buyer_username": f"buyer{n}", "address_line_2": f"Apt {n}" if n > 1 else ""}
    return {"order_id": f"5770000000000{n:05d}", **BASE, **CLEAN[market], **own, **overrides}


def frame(*lines: dict, index=None) -> pd.DataFrame:
    """Order lines as a frame (index: sheet rows 2, 3, ... unless given)."""
    out = pd.DataFrame(list(lines))
    out.index = index if index is not None else range(2, 2 + len(out))
    return out


def run(lines: pd.DataFrame, inventory: pd.DataFrame | None = None, bundles: pd.DataFrame | None = None,
        config: RuleConfig | None = None, settings: Settings | None = None, now: dt.datetime = NOW, **kw):
    """The review of ``lines`` with the standard inventory."""
    inv = INVENTORY if inventory is None else inventory
    return review(lines, inv, NO_BUNDLES if bundles is None else bundles, config, settings or Settings(), now, **kw)


def tuples(result, prefix: str = "") -> set[tuple]:
    """The problems as (row, column, code), only codes starting with ``prefix``."""
    p = result.problems
    return {(r, c, k) for r, c, k in zip(p["row"], p["column"], p["code"]) if k.startswith(prefix)}


def problem(result, code: str) -> dict:
    """The first problem with ``code`` as a dict (fails when there is none)."""
    rows = result.problems[result.problems["code"] == code]
    assert len(rows), f"no {code} in {tuples(result)}"
    return rows.iloc[0].to_dict()


@pytest.fixture
def now() -> dt.datetime:
    return NOW
