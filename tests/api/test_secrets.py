"""Where secrets live (environment variables win over the OS keyring), the Secret type, and redaction."""

from __future__ import annotations

import logging
import pickle
import sys

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest

from tkops.api import KeyringUnavailable, Secret, SecretMissing, SecretStore, redact, safe_url
from tkops.api.redact import install_log_filter

TOKEN = "TTP_q8Zr3LmN5vB7xC2kJ4hG6fD1sA9pO0iU"


def test_a_secret_never_formats_as_its_value():
    secret = Secret(TOKEN)
    assert repr(secret) == str(secret) == f"{secret}" == f"{secret!r}" == "%s" % secret == "***"
    assert TOKEN not in repr([secret, {"token": secret}])
    assert secret.reveal() == TOKEN and secret == Secret(TOKEN) and secret != Secret("other-token")
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_keyring_names_service_and_user(ring):
    store = SecretStore("29a39d", "Sunny Home US", env={}, backend=ring)
    assert store.save("access_token", TOKEN, expires=1767225600)
    assert ring.items[("tkops", "29a39d:Sunny Home US:access_token")] == TOKEN
    assert ring.items[("tkops", "29a39d:Sunny Home US:access_token_expire_in")] == "1767225600"
    fresh = SecretStore("29a39d", "Sunny Home US", env={}, backend=ring)
    assert fresh.get("access_token").reveal() == TOKEN and fresh.expiry("access_token") == 1767225600


def test_environment_variables_win_over_the_keyring(ring):
    ring.set_password("tkops", "k:S:app_secret", "from-the-keyring")
    ring.set_password("tkops", "k:S:access_token", "keyring-token")
    ring.set_password("tkops", "k:S:access_token_expire_in", "1767225600")
    store = SecretStore("k", "S", env={"TKOPS_APP_SECRET": " from-the-env \n"}, backend=ring)
    assert store.get("app_secret").reveal() == "from-the-env"
    assert store.get("access_token").reveal() == "keyring-token"
    env_token = SecretStore("k", "S", env={"TKOPS_ACCESS_TOKEN": "env-token"}, backend=ring)
    assert env_token.expiry("access_token") is None  # the keyring's expiry belongs to the keyring's token


def test_the_default_keyring_backend_is_used(ring):
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        store = SecretStore("k", "S", env={})
        assert store.available() and store.save("refresh_token", "RFT_abcdefgh")
        assert ring.items[("tkops", "k:S:refresh_token")] == "RFT_abcdefgh"
    finally:
        keyring.set_keyring(previous)


def test_a_missing_secret_names_the_environment_variable(ring):
    with pytest.raises(SecretMissing) as caught:
        SecretStore("k", "S", env={}, backend=ring).require("app_secret")
    assert "TKOPS_APP_SECRET" in str(caught.value) and "API setup" in str(caught.value)
    assert "TKOPS_APP_SECRET" in caught.value.render("zh") and caught.value.exit_code == 1


def test_no_keyring_backend_says_to_use_environment_variables():
    store = SecretStore("k", "S", env={}, backend=keyring.backends.fail.Keyring())
    assert store.get("access_token") is None and not store.available()
    with pytest.raises(KeyringUnavailable) as caught:
        store.require("access_token")
    message = str(caught.value)
    assert "NoKeyringError" in message
    assert all(v in message for v in ("TKOPS_APP_SECRET", "TKOPS_ACCESS_TOKEN", "TKOPS_REFRESH_TOKEN"))
    assert "环境变量" in caught.value.render("zh")


def test_no_keyring_backend_still_works_from_the_environment():
    store = SecretStore("k", "S", env={"TKOPS_ACCESS_TOKEN": TOKEN}, backend=keyring.backends.fail.Keyring())
    assert store.require("access_token").reveal() == TOKEN
    assert store.save("access_token", "TTP_renewed_token_value") is False
    assert store.get("access_token").reveal() == "TTP_renewed_token_value"  # kept for this run


def test_the_keyring_package_missing_is_a_message_not_an_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", None)
    store = SecretStore("k", "S", env={})
    with pytest.raises(KeyringUnavailable) as caught:
        store.require("refresh_token")
    assert "keyring package is not installed" in str(caught.value)


def test_a_backend_that_forgets_does_not_count_as_a_keyring():
    store = SecretStore("k", "S", env={}, backend=keyring.backends.null.Keyring())
    assert store.save("access_token", TOKEN) is False and "did not keep" in store.problem()


def test_secret_query_parameters_are_stripped_from_urls():
    url = ("https://auth.tiktok-shops.com/api/v2/token/refresh?app_key=29a39d&app_secret=abcdef123456"
           "&refresh_token=RFT_zzzz9999&grant_type=refresh_token")
    clean = safe_url(url)
    assert "abcdef123456" not in clean and "RFT_zzzz9999" not in clean
    assert "app_key=29a39d" in clean and "grant_type=refresh_token" in clean


def test_known_secret_values_are_redacted_anywhere():
    Secret("a-secret-value-4711")
    assert redact("oops: a-secret-value-4711 leaked") == "oops: *** leaked"
    assert redact("x-tts-access-token: TTP_whatever") == "x-tts-access-token: ***"


def test_the_log_filter_redacts_records(caplog):
    install_log_filter()
    Secret(TOKEN)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("tkops.api").debug("token is %s", TOKEN)
        logging.getLogger("httpx").info("HTTP Request: GET https://h/p?app_secret=zz9876zz&app_key=k")
    assert TOKEN not in caplog.text and "zz9876zz" not in caplog.text
    assert "token is ***" in caplog.text and "app_key=k" in caplog.text


def test_a_token_without_expiry_drops_the_previous_expiry(ring):
    store = SecretStore("k", "S", env={}, backend=ring)
    store.save("access_token", TOKEN, expires=1767225600)
    assert store.save("access_token", "TTP_no_expiry_given_here")
    assert ("tkops", "k:S:access_token_expire_in") not in ring.items
    assert SecretStore("k", "S", env={}, backend=ring).expiry("access_token") is None
