"""The TikTok Shop Open API (version 202309): signing, secrets, the client with token renewal, retries and paging,
and typed errors whose messages say what to do. The payload -> order-line mapping lives in orders_map/returns_map."""

from tkops.api.catalogue import CATALOGUE, render
from tkops.api.client import API_URL, AUTH_URL, SHOPS_PATH, ApiClient
from tkops.api.errors import (
                              CODES,
                              AfterSalePending,
                              AlreadyShipped,
                              ApiError,
                              ApiTimeout,
                              ApiUnreachable,
                              BadResponse,
                              ClockSkew,
                              DuplicateTracking,
                              FulfilmentError,
                              InvalidSign,
                              InvalidTracking,
                              InvalidVersion,
                              IpNotAllowed,
                              KeyringUnavailable,
                              MissingScope,
                              MissingShopCipher,
                              OrderCancelled,
                              OutcomeUnknown,
                              PagingLoop,
                              RateLimited,
                              ReauthorizeNeeded,
                              RequestRejected,
                              SecretMissing,
                              SecretsError,
                              ServerBusy,
                              ShopNotFound,
                              TokenExpired,
                              TokenRefused,
                              TokenShopMismatch,
                              TrackingUpdateLimit,
                              error_for,
)
from tkops.api.redact import install_log_filter, redact, safe_url
from tkops.api.secrets import ENV, SERVICE, Secret, SecretStore
from tkops.api.signing import sign
from tkops.api.tokens import TokenGrant

__all__ = [
    "API_URL", "AUTH_URL", "CATALOGUE", "CODES", "ENV", "SERVICE", "SHOPS_PATH", "AfterSalePending",
    "AlreadyShipped", "ApiClient", "ApiError", "ApiTimeout", "ApiUnreachable", "BadResponse", "ClockSkew",
    "DuplicateTracking", "FulfilmentError", "InvalidSign", "InvalidTracking", "InvalidVersion", "IpNotAllowed",
    "KeyringUnavailable", "MissingScope", "MissingShopCipher", "OrderCancelled", "OutcomeUnknown", "PagingLoop",
    "RateLimited", "ReauthorizeNeeded", "RequestRejected", "Secret", "SecretMissing", "SecretStore", "SecretsError",
    "ServerBusy", "ShopNotFound", "TokenExpired", "TokenGrant", "TokenRefused", "TokenShopMismatch",
    "TrackingUpdateLimit", "error_for", "install_log_filter", "redact", "render", "safe_url", "sign",
]
