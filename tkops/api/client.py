"""The TikTok Shop Open API client (version 202309): signed calls with the shop's cipher and the access token,
renewal of the token, retries, paging and typed errors. Secrets stay in :class:`tkops.api.secrets.SecretStore`
and are revealed only into the signature, the token header and the auth host's query."""

from __future__ import annotations

import json
import logging
import random as _random
import time
from typing import Any, Callable, Iterable, Iterator, Mapping
from urllib.parse import urlsplit

import httpx

from tkops.api.catalogue import render
from tkops.api.errors import (
    BadResponse,
    PagingLoop,
    ReauthorizeNeeded,
    ShopNotFound,
    TokenRefused,
    error_for,
)
from tkops.api.redact import LOGGER_NAME, install_log_filter
from tkops.api.secrets import ENV, Secret, SecretStore
from tkops.api.signing import query_value, sign
from tkops.api.tokens import (
    TOKEN_GET,
    TOKEN_REFRESH,
    TokenGrant,
    grant_query,
    needs_refresh,
)
from tkops.api.transport import Transport, envelope_code

log = logging.getLogger(LOGGER_NAME)

API_URL = "https://open-api.tiktokglobalshop.com"
AUTH_URL = "https://auth.tiktok-shops.com"
SHOPS_PATH = "/authorization/202309/shops"
#: Paths that must not carry shop_cipher (docs/open-api.md#transport-and-signing; the product/compliance exceptions are not used here).
UNSCOPED = ("/authorization/", "/seller/")
#: Query keys a caller may not set: the token goes in a header, the signature is computed here.
_RESERVED = ("sign", "access_token", "app_secret")
EXPIRED_TOKEN = 105002
INVENTORY_SEARCH = "/product/202309/inventory/search"
INVENTORY_UPDATE = "/product/202309/products/{product_id}/inventory/update"
#: Most SKU ids one inventory search takes (docs/open-api.md#inventory).
SKU_BATCH = 600


class ApiClient:
    """A client for one app key and one shop. ``secrets`` defaults to ``SecretStore(app_key, shop)``;
    ``clock``, ``sleep`` and ``random`` are injectable so tests neither wait nor depend on chance."""

    def __init__(self, app_key: str, secrets: SecretStore | None = None, *, shop: str = "",
                 base_url: str = API_URL, auth_url: str = AUTH_URL, http: httpx.Client | None = None,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], Any] = time.sleep,
                 max_retries: int = 5, rate: float = 50, timeout: float = 30.0,
                 random: Callable[[], float] = _random.random) -> None:
        install_log_filter()
        self.app_key, self.shop = str(app_key).strip(), str(shop).strip()
        self.secrets = secrets if secrets is not None else SecretStore(self.app_key, self.shop)
        self.base_url, self.auth_url = base_url.rstrip("/"), auth_url.rstrip("/")
        self._own_http = http is None
        self.http = http if http is not None else httpx.Client(timeout=timeout)
        self.clock = clock
        self.transport = Transport(self.http, clock=clock, sleep=sleep, random=random, max_retries=max_retries,
                                   rate=rate, timeout=timeout)
        self._shops: list[dict[str, Any]] | None = None
        self._cipher: str | None = None

    def __repr__(self) -> str:
        return f"ApiClient(app_key={self.app_key!r}, shop={self.shop!r}, base_url={self.base_url!r})"

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections (only those of a client this object made)."""
        if self._own_http:
            self.http.close()

    # --- calls ------------------------------------------------------------------------------------------------
    def get(self, path: str, query: Mapping[str, Any] | None = None, body: Any = None,
            shop_scoped: bool = True) -> dict[str, Any]:
        """``data`` of a signed GET to ``path`` (see :meth:`request`)."""
        return self.request("GET", path, query, body, shop_scoped)

    def post(self, path: str, query: Mapping[str, Any] | None = None, body: Any = None,
             shop_scoped: bool = True) -> dict[str, Any]:
        """``data`` of a signed POST of the JSON ``body`` to ``path`` (see :meth:`request`)."""
        return self.request("POST", path, query, body, shop_scoped)

    def request(self, method: str, path: str, query: Mapping[str, Any] | None = None, body: Any = None,
                shop_scoped: bool = True) -> dict[str, Any]:
        """The envelope's ``data`` of a signed call; raises an :class:`tkops.api.errors.ApiError` subclass.

        app_key, timestamp and (on shop-scoped paths outside /authorization and /seller) shop_cipher are added;
        the body is serialised once and those exact bytes are signed and sent. An expired token is renewed once
        and the call repeated.
        """
        content = _content(method, body)
        cipher = self.shop_cipher() if shop_scoped and not path.startswith(UNSCOPED) else None
        renewed = False
        while True:
            token = self._access_token()
            response, envelope = self._send(method, path, query or {}, content, token, cipher)
            code = envelope_code(envelope)
            if code == 0:
                data = envelope.get("data") if envelope else None
                return data if isinstance(data, dict) else {}
            if code == EXPIRED_TOKEN and not renewed:
                log.info("%s %s: the access token has expired; renewing it once", method, path)
                self.refresh_tokens()
                renewed = True
                continue
            raise error_for(envelope, path=path, http_status=response.status_code)

    def paginate(self, path: str, query: Mapping[str, Any] | None = None, body: Any = None,
                 items_key: str = "orders", method: str = "POST", shop_scoped: bool = True) -> Iterator[dict]:
        """Every item under ``data[items_key]`` of every page, following ``next_page_token`` until it is empty.

        Page size and sort go in ``query``, filters in ``body`` (docs/open-api.md#endpoints). A failed page raises; the items
        already yielded are the caller's to keep or drop.
        """
        query = dict(query or {})
        token, seen = str(query.pop("page_token", "") or ""), set()
        while True:
            data = self.request(method, path, {**query, **({"page_token": token} if token else {})}, body,
                                shop_scoped)
            yield from data.get(items_key) or []
            token = str(data.get("next_page_token") or "")
            if not token:
                return
            if token in seen:
                raise PagingLoop(path=path)
            seen.add(token)

    def download(self, url: str) -> bytes:
        """The file at ``url`` (e.g. a shipping document's ``doc_url``, valid 24 h), fetched without credentials."""
        label = urlsplit(url).path or "/"
        response, _ = self.transport.call("GET", url, label, lambda: ([], {}), parse=False)
        if response.status_code != 200:
            raise BadResponse(path=label, http_status=response.status_code)
        return response.content

    def _send(self, method: str, path: str, query: Mapping[str, Any], content: bytes | None, token: Secret,
              cipher: str | None):
        app_secret = self.secrets.require("app_secret")

        def build() -> tuple[list[tuple[str, str]], dict[str, str]]:
            params = {str(k): query_value(v) for k, v in query.items() if v is not None and k not in _RESERVED}
            params.update(app_key=self.app_key, timestamp=str(int(self.clock())))
            if cipher:
                params["shop_cipher"] = cipher
            params["sign"] = sign(app_secret, path, params, content)
            return list(params.items()), {"x-tts-access-token": token.reveal(), "content-type": "application/json"}

        # a search or a GET changes nothing on TikTok's side, so it may be sent again after a broken connection
        # nor does setting an absolute stock quantity a second time
        repeatable = method.upper() == "GET" or path.endswith(("/search", "/inventory/update"))
        return self.transport.call(method, self.base_url + path, path, build, content, repeatable=repeatable)

    # --- inventory --------------------------------------------------------------------------------------------
    def inventory_search(self, sku_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The products (``data.inventory``: product_id, skus with seller_sku and warehouse_inventory) of the TikTok
        SKU ids ``sku_ids`` (digits only; each asked once), :data:`SKU_BATCH` ids a call (docs/open-api.md#inventory)."""
        ids = list(dict.fromkeys(s for s in (str(i).strip() for i in sku_ids) if s.isdigit()))
        found: list[dict[str, Any]] = []
        for start in range(0, len(ids), SKU_BATCH):
            found += self.post(INVENTORY_SEARCH, body={"sku_ids": ids[start:start + SKU_BATCH]}).get("inventory") or []
        return found

    def update_inventory(self, product_id: str, skus: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Set the stock of one product's SKUs (``skus``: [{"id", "inventory": [{"warehouse_id", "quantity"}]}]);
        returns the SKUs TikTok refused (``data.errors``: code, message, detail.sku_id), [] when all were set."""
        product = str(product_id).strip()
        if not product.isdigit():  # it goes into the request path
            raise ValueError(f"a product id is digits, not {product_id!r}")
        data = self.post(INVENTORY_UPDATE.format(product_id=product), body={"skus": skus})
        return [e for e in data.get("errors") or [] if isinstance(e, dict)]

    # --- shop -------------------------------------------------------------------------------------------------
    def shops(self) -> list[dict[str, Any]]:
        """The shops the token may use (``GET /authorization/202309/shops``: id, name, code, region, cipher)."""
        if self._shops is None:
            self._shops = list(self.get(SHOPS_PATH, shop_scoped=False).get("shops") or [])
        return self._shops

    def shop_cipher(self) -> str:
        """The cipher of the shop named by ``shop`` (its name, code or id), fetched once and cached."""
        if self._cipher is None:
            self._cipher = str(_match_shop(self.shops(), self.shop)["cipher"])
        return self._cipher

    # --- tokens -----------------------------------------------------------------------------------------------
    def authorize(self, auth_code: str) -> dict[str, Any]:
        """First-time setup: trade the seller's ``auth_code`` for tokens and keep them (keyring needed).

        Returns what may be shown (seller name, region, scopes, expiries); checks the app secret and the keyring
        first, so a single-use code is not spent in vain.
        """
        self.secrets.require("app_secret")
        self.secrets.require_keyring()
        grant = self._grant("authorized_code", Secret(str(auth_code).strip()))
        grant.save(self.secrets)
        self._shops = self._cipher = None
        return grant.info()

    def refresh_tokens(self) -> dict[str, Any]:
        """Renew the access token with the refresh token through the auth host, and keep the new tokens."""
        refresh = self.secrets.get("refresh_token")
        if refresh is None:
            raise ReauthorizeNeeded(app_key=self.app_key, reason="no refresh token")
        expires = self.secrets.expiry("refresh_token")
        if expires is not None and expires <= self.clock():
            when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(expires))
            raise ReauthorizeNeeded(app_key=self.app_key, reason=f"the refresh token expired {when}")
        grant = self._grant("refresh_token", refresh)
        if not grant.save(self.secrets):
            log.warning(render("api.tokens_not_kept", detail=self.secrets.problem() or "no keyring",
                               variables=", ".join(v for k, v in ENV.items() if k != "app_secret")))
        return grant.info()

    def _access_token(self) -> Secret:
        if needs_refresh(self.secrets, self.clock()) and self.secrets.get("refresh_token") is not None:
            self.refresh_tokens()
        return self.secrets.require("access_token")

    def _grant(self, grant_type: str, code: Secret) -> TokenGrant:
        app_secret = self.secrets.require("app_secret")
        path = TOKEN_GET if grant_type == "authorized_code" else TOKEN_REFRESH
        response, envelope = self.transport.call(
            "GET", self.auth_url + path, path, lambda: (grant_query(self.app_key, app_secret, grant_type, code), {}))
        code_ = envelope_code(envelope)
        if code_ is None:
            raise BadResponse(path=path, http_status=response.status_code)
        data = envelope.get("data") if envelope else None
        if code_ != 0 or not isinstance(data, dict) or not data.get("access_token"):
            raise TokenRefused(api_code=code_, api_message=envelope.get("message", ""), path=path,
                               request_id=envelope.get("request_id", ""))
        return TokenGrant.from_data(data, self.clock())


def _content(method: str, body: Any) -> bytes | None:
    """The exact bytes sent (and signed): JSON serialised once, compactly; GET without a body sends none."""
    if body is None:
        return None if method.upper() == "GET" else b"{}"
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _match_shop(shops: list[dict[str, Any]], wanted: str) -> dict[str, Any]:
    """The one shop whose name, code or id is ``wanted`` (case-insensitive); the only shop when ``wanted`` is ""."""
    key = wanted.strip().casefold()
    found = [s for s in shops
             if key and key in {str(s.get(f) or "").strip().casefold() for f in ("name", "code", "id")}]
    if not key and len(shops) == 1:
        found = shops
    if len(found) != 1 or not found[0].get("cipher"):
        listed = ", ".join(f"{s.get('name')} ({s.get('code') or s.get('id')}, {s.get('region')})" for s in shops)
        raise ShopNotFound(shop=wanted, shops=listed or "none")
    return found[0]
