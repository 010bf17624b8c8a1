"""The access token's life: first grant from an authorisation code, renewal with the refresh token, and when to
renew (5 minutes before expiry). The auth host's calls are not signed: the app secret goes in their query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from tkops.api.secrets import Secret, SecretStore

TOKEN_GET = "/api/v2/token/get"
TOKEN_REFRESH = "/api/v2/token/refresh"
#: Renew the access token when it expires within this many seconds.
REFRESH_MARGIN = 300


def _expiry(value: Any, now: float) -> int | None:
    """An absolute expiry in Unix seconds; small numbers are durations (older auth answers) and are added to now."""
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds > 1_000_000_000 else int(now) + seconds


@dataclass(frozen=True)
class TokenGrant:
    """The auth host's answer to a token get or refresh (the tokens as :class:`Secret`)."""

    access_token: Secret
    refresh_token: Secret | None
    access_expires: int | None
    refresh_expires: int | None
    seller_name: str = ""
    open_id: str = ""
    region: str = ""
    scopes: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], now: float) -> "TokenGrant":
        """The grant from the auth host's ``data`` (``now`` resolves relative expiries)."""
        refresh = data.get("refresh_token")
        return cls(access_token=Secret(str(data.get("access_token") or "")),
                   refresh_token=Secret(str(refresh)) if refresh else None,
                   access_expires=_expiry(data.get("access_token_expire_in"), now),
                   refresh_expires=_expiry(data.get("refresh_token_expire_in"), now),
                   seller_name=str(data.get("seller_name") or ""), open_id=str(data.get("open_id") or ""),
                   region=str(data.get("seller_base_region") or ""),
                   scopes=tuple(str(s) for s in data.get("granted_scopes") or ()))

    def save(self, store: SecretStore) -> bool:
        """Keep the tokens and their expiries in ``store``; True when the keyring holds them."""
        kept = store.save("access_token", self.access_token, self.access_expires)
        if self.refresh_token:
            kept = store.save("refresh_token", self.refresh_token, self.refresh_expires) and kept
        return kept

    def info(self) -> dict[str, Any]:
        """What may be shown of the grant: who authorised, where, which scopes, until when (no token)."""
        return {"seller_name": self.seller_name, "open_id": self.open_id, "region": self.region,
                "scopes": list(self.scopes), "access_expires": self.access_expires,
                "refresh_expires": self.refresh_expires}


def needs_refresh(store: SecretStore, now: float, margin: int = REFRESH_MARGIN) -> bool:
    """Whether the access token is missing or expires within ``margin`` seconds (unknown expiry: no)."""
    if store.get("access_token") is None:
        return True
    expires = store.expiry("access_token")
    return expires is not None and expires - now < margin


def grant_query(app_key: str, app_secret: Secret, grant: str, code: Secret) -> list[tuple[str, str]]:
    """The auth host's query for ``grant`` (``authorized_code`` with an auth code, ``refresh_token`` with the
    refresh token). It holds the secrets in clear: build it right before sending, never log it."""
    name = "auth_code" if grant == "authorized_code" else "refresh_token"
    return [("app_key", app_key), ("app_secret", app_secret.reveal()), (name, code.reveal()),
            ("grant_type", grant)]
