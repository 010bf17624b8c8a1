"""tkops connect: the app secret asked once and kept in the keyring, the code traded for tokens, the shops listed;
nothing secret printed."""

from __future__ import annotations

import pytest

from tests.api.server import AUTH_CODE, SHOP_NAME
from tkops.api import SecretStore
from tkops.jobs.connect import api_client, run_connect
from tkops.errors import ConfigError
from tkops.settings import Settings


def test_connect_keeps_secret_and_tokens_in_the_keyring(fake, ring, make_client):
    store = SecretStore(fake.app_key, SHOP_NAME, env={}, backend=ring)
    client = make_client(store)
    asked = []
    lines = run_connect(Settings(api_app_key=fake.app_key), AUTH_CODE, client,
                        ask_secret=lambda prompt: asked.append(prompt) or fake.app_secret)
    assert len(asked) == 1 and "keyring" in asked[0]
    assert ring.get_password("tkops", store.username("app_secret")) == fake.app_secret
    assert store.get("access_token") is not None and store.get("refresh_token") is not None
    text = "\n".join(lines)
    assert SHOP_NAME in text and "Connected" in text
    for secret in (fake.app_secret, store.get("access_token").reveal(), store.get("refresh_token").reveal()):
        assert secret not in text
    with pytest.raises(Exception):  # the code is single use
        run_connect(Settings(api_app_key=fake.app_key), AUTH_CODE, client, ask_secret=lambda p: "")


def test_connect_without_an_app_key_names_the_setting():
    with pytest.raises(ConfigError) as err:
        api_client(Settings())
    assert "API App Key" in err.value.render("en")
