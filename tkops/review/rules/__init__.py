"""The review rules, in one explicit registry (no discovery): a new rule is a new entry here.

Order matters only for the order problems are listed in when they are equal in every other way.
"""

from __future__ import annotations

from tkops.review.rules import (address, buyer_message, combinable, phone, postcode, quantity, region, risk, sku,
                                stock, timing)
from tkops.review.rules.base import Rule

REGISTRY: tuple[Rule, ...] = (
    timing.STATE,
    timing.COOLING_OFF,
    sku.SKU,
    quantity.QUANTITY,
    stock.STOCK,
    stock.UNCHECKED,
    address.COUNTRY,
    address.REQUIRED,
    address.PLACEHOLDER,
    postcode.ZIP_FORMAT,
    region.STATE,
    address.HOUSE_NUMBER,
    address.PO_BOX,
    address.PRINTABLE,
    phone.PHONE,
    buyer_message.MESSAGES,
    combinable.COMBINABLE,
    risk.HIGH_VALUE,
    risk.UNUSUAL_QUANTITY,
    risk.SHARED_ADDRESS,
)


def codes() -> dict[str, str]:
    """Every code a registered rule can yield -> the rule's name."""
    return {code: rule.name for rule in REGISTRY for code in rule.codes}


__all__ = ["REGISTRY", "Rule", "codes"]
