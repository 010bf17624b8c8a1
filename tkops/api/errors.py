"""The API's errors as typed exceptions, each with a message (from :mod:`tkops.api.catalogue`) saying what to do.

An error keeps the API's code, its message (with any secret value blanked), the request path without its query
and the request id; never a secret, a token or a full URL with its query string.
"""

from __future__ import annotations

from typing import Any, Mapping

from tkops.api.catalogue import api_detail
from tkops.api.redact import redact, safe_url
from tkops.errors import ConfigError, TkopsError


class _ApiCatalogue:
    """Renders from tkops.api's own catalogue, so messages work before it is registered in tkops.messages."""

    code: str
    params: dict[str, Any]

    def render(self, lang: str = "en") -> str:
        from tkops.api.catalogue import render

        return render(self.code, lang, **self.params)


class ApiError(_ApiCatalogue, TkopsError):
    """The TikTok Shop API (or the way to it) refused or failed a call."""

    code = "api.error"
    exit_code = 1

    def __init__(self, code: str | None = None, *, api_code: int | None = None, api_message: Any = "",
                 path: str = "", request_id: Any = "", **params: Any) -> None:
        self.api_code = api_code
        self.api_message = redact(str(api_message or ""))[:500]
        self.path = safe_url(path).split("?")[0] if path else ""
        self.request_id = redact(str(request_id or ""))
        clean = {k: redact(v) if isinstance(v, str) else v for k, v in params.items()}
        super().__init__(code, api_code="" if api_code is None else api_code, api_message=self.api_message,
                         path=self.path, request_id=self.request_id, **clean)
        # rendered again per language by tkops.api.catalogue; this one serves tkops.messages.render too
        self.params["api"] = api_detail("en", self.params)


class InvalidSign(ApiError):
    code = "api.invalid_sign"


class MissingScope(ApiError):
    code = "api.missing_scope"


class MissingShopCipher(ApiError):
    code = "api.missing_shop_cipher"


class TokenShopMismatch(ApiError):
    code = "api.token_shop_mismatch"


class RequestRejected(ApiError):
    code = "api.request_rejected"


class ClockSkew(RequestRejected):
    code = "api.clock_skew"


class IpNotAllowed(ApiError):
    code = "api.ip_not_allowed"


class InvalidVersion(ApiError):
    code = "api.invalid_version"


class TokenExpired(ApiError):
    code = "api.token_expired"


class RateLimited(ApiError):
    code = "api.rate_limited"


class ServerBusy(ApiError):
    code = "api.server_busy"


class ApiTimeout(ApiError):
    code = "api.timeout"


class ApiUnreachable(ApiError):
    code = "api.unreachable"


class OutcomeUnknown(ApiError):
    """The connection broke after a call that changes something may have reached TikTok: not sent again."""

    code = "api.outcome_unknown"


class BadResponse(ApiError):
    code = "api.bad_response"


class TokenRefused(ApiError):
    code = "api.token_refused"


class ReauthorizeNeeded(ApiError):
    code = "api.reauthorize"


class ShopNotFound(ApiError):
    code = "api.shop_not_found"


class PagingLoop(ApiError):
    code = "api.paging_loop"


class FulfilmentError(ApiError):
    """The API refused a shipment or tracking update: the reason belongs on the order's row (exit code 2)."""

    code = "api.fulfilment"
    exit_code = 2


class InvalidTracking(FulfilmentError):
    code = "api.invalid_tracking"


class DuplicateTracking(FulfilmentError):
    code = "api.duplicate_tracking"


class AlreadyShipped(FulfilmentError):
    code = "api.already_shipped"


class OrderCancelled(FulfilmentError):
    code = "api.order_cancelled"


class AfterSalePending(FulfilmentError):
    code = "api.after_sale_pending"


class TrackingUpdateLimit(FulfilmentError):
    code = "api.tracking_update_limit"


class SecretsError(_ApiCatalogue, ConfigError):
    """A secret cannot be found or kept (exit code 1)."""


class SecretMissing(SecretsError):
    code = "api.secret_missing"


class KeyringUnavailable(SecretsError):
    code = "api.keyring_unavailable"


#: API error code -> exception class (codes: docs/open-api.md#errors).
CODES: dict[int, type[ApiError]] = {
    106001: InvalidSign, 105005: MissingScope, 106013: MissingShopCipher, 101000: TokenShopMismatch,
    36009004: RequestRejected, 36009033: IpNotAllowed, 36009014: InvalidVersion, 105002: TokenExpired,
    36009002: RateLimited, 36009003: ServerBusy, 36009007: ServerBusy,
    11028006: InvalidTracking, 21004012: InvalidTracking, 21004015: InvalidTracking, 21004016: InvalidTracking,
    21011022: InvalidTracking, 21011025: DuplicateTracking, 21034012: DuplicateTracking,
    21011026: DuplicateTracking, 21011020: AlreadyShipped, 21008099: AlreadyShipped, 11006021: AlreadyShipped,
    21011041: OrderCancelled, 21011007: AfterSalePending, 21008044: AfterSalePending,
    21011050: TrackingUpdateLimit, 21011051: TrackingUpdateLimit, 21011052: TrackingUpdateLimit,
}

#: Codes answered by waiting and trying again (too many requests, internal error, gateway timeout).
RETRY_CODES = frozenset({36009002, 36009003, 36009007})
#: HTTP statuses answered the same way (429 over the rate limit, 503 overloaded).
RETRY_STATUS = frozenset({429, 503})


def _by_message(message: str) -> type[ApiError] | None:
    """An error class for an unlisted code whose message is about a tracking number (codes change by version)."""
    text = message.lower()
    if "tracking" not in text:
        return None
    if "duplicate" in text or "has been used" in text or "already used" in text:
        return DuplicateTracking
    if "invalid" in text or "mismatch" in text or "cannot be matched" in text or "verify failed" in text:
        return InvalidTracking
    return None


def error_for(envelope: Mapping[str, Any] | None, *, path: str, http_status: int | None = None,
              **params: Any) -> ApiError:
    """The exception for a failed call: ``envelope`` is the API's JSON answer (None when it was not JSON);
    ``params`` fill the message (e.g. ``retries``)."""
    if not isinstance(envelope, Mapping):
        envelope = None
    status_cls = {429: RateLimited, 503: ServerBusy}.get(http_status or 0)
    status = "" if http_status is None else http_status
    try:
        code = int(envelope.get("code")) if envelope is not None else None
    except (TypeError, ValueError):
        code = None
    if code is None:
        return (status_cls or BadResponse)(path=path, http_status=status, **params)
    message = str(envelope.get("message") or "")
    cls = CODES.get(code) or _by_message(message)
    cls = cls or status_cls
    if cls is RequestRejected and "timestamp" in message.lower():
        cls = ClockSkew
    return (cls or ApiError)(api_code=code, api_message=message, path=path, http_status=status,
                             request_id=envelope.get("request_id") or "", **params)
