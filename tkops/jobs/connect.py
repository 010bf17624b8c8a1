"""Connecting tkops to a shop's TikTok Shop API app: the one-time setup behind ``tkops connect``.

The seller authorises the app in TikTok Shop (the authorisation link of the app in Partner Center) and gets an
authorisation code (valid 30 minutes, single use). ``tkops connect --code CODE`` keeps the app secret in the
system keyring (asked for once, typed hidden, never on a sheet), trades the code for tokens, keeps them in the
keyring too, and lists the shops the authorisation covers, so the API Shop setting can name one.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from tkops.api import ApiClient, SecretStore
from tkops.errors import ConfigError
from tkops.messages import render
from tkops.settings import Settings


def api_client(settings: Settings, **options) -> ApiClient:
    """The client of the API App Key and API Shop settings (secrets from the keyring or the environment)."""
    if not settings.api_app_key:
        raise ConfigError("bad_setting", name="API App Key", value="",
                          hint="the App Key of your TikTok Shop API app (Partner Center > App & Service)")
    return ApiClient(settings.api_app_key, SecretStore(settings.api_app_key, settings.api_shop),
                     shop=settings.api_shop, **options)


def run_connect(settings: Settings, code: str, client: ApiClient | None = None,
                ask_secret: Callable[[str], str] | None = None) -> list[str]:
    """Authorise with ``code`` and return what to tell the person (seller, region, expiry, shops); asks for the
    app secret with ``ask_secret`` (a hidden prompt) when neither the keyring nor TKOPS_APP_SECRET has it."""
    client = client or api_client(settings)
    lang = settings.lang
    if client.secrets.get("app_secret") is None:
        client.secrets.require_keyring()  # the secret is kept only there: say so before asking for it
        if ask_secret is None:
            client.secrets.require("app_secret")  # raises the message naming TKOPS_APP_SECRET
        typed = ask_secret(render("api_connect_ask_secret", lang)).strip()
        if not typed:
            client.secrets.require("app_secret")
        client.secrets.save("app_secret", typed)
    info = client.authorize(code)
    until = dt.datetime.fromtimestamp(info["refresh_expires"], dt.timezone.utc).strftime("%Y-%m-%d") \
        if info.get("refresh_expires") else "-"
    lines = [render("api_connected", lang, seller=info.get("seller_name") or "-", region=info.get("region") or "-",
                    until=until, scopes=", ".join(info.get("scopes") or []) or "-")]
    shops = client.shops()
    lines += [f"  {s.get('name', '')} ({s.get('code', '') or s.get('region', '')})" for s in shops]
    if len(shops) > 1 and not settings.api_shop:
        lines.append(render("api_pick_shop", lang))
    return lines
