"""One scan at the pack station: the verdict and the next state (pure; see docs/pack-station.md#verdicts).

The packer scans the order barcode on the slip (Code 128 of the Order ID), then each item. Every scan gives one
:class:`Verdict`, said in words (message key ``pack.<code>``) and colour (:attr:`Verdict.colour`). An order
barcode scanned while another order is unfinished opens the new one; the unfinished order stays unpacked and the
verdict says so (``left``). An order can be marked packed with a wrong or missing item only by an override that
gives a reason (:func:`override`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tkops.pack.codes import clean_scan
from tkops.pack.index import OrderLine, PackIndex

#: Verdict code -> colour name (the sheet maps the names to fills): what the packer must notice at a glance.
COLOURS: dict[str, str] = {
    "order_opened": "info", "order_switched": "warn", "right_item": "ok", "order_complete": "done",
    "wrong_item": "bad", "too_many": "bad", "not_in_order": "bad", "unknown_code": "bad", "no_order": "warn",
    "override": "warn", "override_no_reason": "bad", "empty": "info",
    "already_packed": "warn",
}


@dataclass(frozen=True)
class PackState:
    """Where the packer is: the open order (None before the first order scan) and the items counted into it."""

    order: str | None = None
    counted: tuple[tuple[str, int], ...] = ()
    #: Orders completed (or overridden) in this session: scanning one again says it is done.
    finished: frozenset[str] = frozenset()

    def count(self, sku: str) -> int:
        """How many of ``sku`` are in the open order's parcel."""
        return dict(self.counted).get(sku, 0)


@dataclass(frozen=True)
class Verdict:
    """What one scan means. ``code``: order_opened, order_switched, right_item, order_complete, wrong_item, too_many,
    not_in_order, unknown_code, no_order, already_packed, override, override_no_reason, empty. ``k``/``n``: items of ``sku`` in the
    parcel / wanted; ``left``: (SKU, missing) of an order left unfinished (``previous``) or overridden."""

    code: str
    scanned: str = ""
    order: str | None = None
    sku: str = ""
    k: int = 0
    n: int = 0
    previous: str | None = None
    left: tuple[tuple[str, int], ...] = ()
    reason: str = ""
    skus: tuple[str, ...] = field(default=())

    @property
    def colour(self) -> str:
        """ok, done, info, warn or bad."""
        return COLOURS[self.code]

    @property
    def completes(self) -> bool:
        """True when this scan finished the order (all items counted, or an override with a reason)."""
        return self.code in ("order_complete", "override")

    def params(self) -> dict:
        """The message parameters of ``pack.<code>``."""
        left = ", ".join(f"{sku} x{missing}" for sku, missing in self.left)
        return {"scanned": self.scanned, "order": self.order or "-", "sku": self.sku, "k": self.k, "n": self.n,
                "previous": self.previous or "-", "left": left or "-", "reason": self.reason,
                "skus": ", ".join(self.skus) or "-"}


def missing(index: PackIndex, state: PackState) -> tuple[tuple[str, int], ...]:
    """(SKU, items still missing) of the open order, in slip order; empty when it is complete or none is open."""
    if state.order is None:
        return ()
    counted = dict(state.counted)
    return tuple((line.sku, line.quantity - counted.get(line.sku, 0))
                 for line in index.orders.get(state.order, ()) if counted.get(line.sku, 0) < line.quantity)


def scan(index: PackIndex, state: PackState, raw: object) -> tuple[Verdict, PackState]:
    """The verdict of the scanned ``raw`` text and the state after it. An order barcode is looked up first (Order IDs
    are 18 digits, longer than any GTIN), then an item code."""
    code = clean_scan(raw)
    if not code:
        return Verdict("empty", order=state.order), state
    if index.order_of(code) is not None:
        return _open(index, state, code)
    skus = index.skus_of(code)
    if not skus:
        return Verdict("unknown_code", code, state.order), state
    if state.order is None or state.order in state.finished:
        return Verdict("no_order", code, state.order, skus=tuple(sorted(skus))), state
    lines = {line.sku: line for line in index.orders[state.order]}
    wanted = [sku for sku in sorted(skus) if sku in lines]
    if not wanted:
        return _not_wanted(index, state, code, skus, lines), state
    sku = next((s for s in wanted if state.count(s) < lines[s].quantity), wanted[0])
    k, n = state.count(sku) + 1, lines[sku].quantity
    if k > n:
        return Verdict("too_many", code, state.order, sku, k, n), state
    counted = dict(state.counted)
    counted[sku] = k
    after = replace(state, counted=tuple(counted.items()))
    if not missing(index, after):
        after = replace(after, finished=state.finished | {state.order})
        return Verdict("order_complete", code, state.order, sku, k, n), after
    return Verdict("right_item", code, state.order, sku, k, n), after


def override(index: PackIndex, state: PackState, reason: str) -> tuple[Verdict, PackState]:
    """Mark the open order packed as it is, with what is missing; refused (``override_no_reason``) without a
    reason or without an open, unfinished order."""
    reason = " ".join(str(reason or "").split())
    if not reason or state.order is None or state.order in state.finished:
        return Verdict("override_no_reason", order=state.order, reason=reason), state
    verdict = Verdict("override", order=state.order, left=missing(index, state), reason=reason)
    return verdict, replace(state, finished=state.finished | {state.order})


def _open(index: PackIndex, state: PackState, order: str) -> tuple[Verdict, PackState]:
    if order in state.finished:
        return Verdict("already_packed", order, order, n=_items(index.orders[order])), PackState(order, (),
                                                                                              state.finished)
    if order == state.order:  # the same slip again: show it, keep the count
        return Verdict("order_opened", order, order, n=_items(index.orders[order])), state
    # Only a parcel with something in it is worth a warning; its count starts again when it is scanned again.
    left = missing(index, state) if state.counted and state.order not in state.finished else ()
    after = PackState(order, (), state.finished)
    n = _items(index.orders[order])
    if left:
        return Verdict("order_switched", order, order, n=n, previous=state.order, left=left), after
    return Verdict("order_opened", order, order, n=n), after


def _not_wanted(index: PackIndex, state: PackState, code: str, skus: frozenset[str],
                lines: dict[str, OrderLine]) -> Verdict:
    """A known item the order does not hold: a wrong item when it is another variant of a product the order still
    needs (the usual mix-up: black for white, M for L), else not in this order."""
    needed = {index.products.get(sku, "") for sku, _ in missing(index, state)} - {""}
    sku = sorted(skus)[0]
    if index.products.get(sku, "") in needed:
        wants = ", ".join(s for s, _ in missing(index, state) if index.products.get(s, "") == index.products[sku])
        return Verdict("wrong_item", code, state.order, sku, skus=(wants,))
    return Verdict("not_in_order", code, state.order, sku)


def _items(lines: tuple[OrderLine, ...]) -> int:
    return sum(line.quantity for line in lines)


def replay(index: PackIndex, codes: list[str]) -> PackState:
    """The state after ``codes`` (the Scanned column of PackLog since the last order scan): the pack station picks
    up where it was when Python was restarted. An ``OVERRIDE: reason`` entry finishes its order again."""
    state = PackState()
    for code in codes:
        reason = override_reason(code)
        state = (override(index, state, reason) if reason is not None else scan(index, state, code))[1]
    return state


def override_reason(code: object) -> str | None:
    """The reason of an ``OVERRIDE: reason`` entry (any case, ``:`` or a space after the word), "" when none is
    given; None when ``code`` is not an override."""
    text = clean_scan(code)
    if text[:8].casefold() != "override":
        return None
    return text[8:].lstrip(" :：").strip()
