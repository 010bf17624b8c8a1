"""Fixtures of the API tests: the fake TikTok server on a free port, an in-memory keyring, a client whose sleeps
are recorded instead of waited."""

from __future__ import annotations

import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.api.server import APP_KEY, SHOP_NAME, FakeTikTok
from tkops.api import ApiClient, SecretStore


class MemoryKeyring(KeyringBackend):
    """A keyring backend in a dict (never chosen by keyring itself: it is only ever set explicitly)."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("a test backend, set explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def __str__(self) -> str:
        return "MemoryKeyring"

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def fake():
    server = FakeTikTok().start()
    yield server
    server.stop()


@pytest.fixture
def ring() -> MemoryKeyring:
    return MemoryKeyring()


def stored(fake: FakeTikTok, ring: MemoryKeyring, shop: str = SHOP_NAME, env: dict | None = None,
           expires: int | None = None) -> SecretStore:
    """A store holding the fake's app secret and current tokens in ``ring`` (nothing from the real environment)."""
    store = SecretStore(fake.app_key, shop, env=env or {}, backend=ring)
    for kind, value in (("app_secret", fake.app_secret), ("access_token", fake.access_token),
                        ("refresh_token", fake.refresh_token)):
        ring.set_password("tkops", store.username(kind), value)
    if expires is not None:
        ring.set_password("tkops", store.username("access_token_expire_in"), str(expires))
    return store


class Sleeps(list):
    """The sleep function of a test client: records the seconds instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_client(fake, ring, sleeps):
    """A factory of clients talking to ``fake``; keyword arguments go to ApiClient (``store=`` replaces the store)."""
    made = []

    def make(store: SecretStore | None = None, **options) -> ApiClient:
        options = {"shop": SHOP_NAME, "base_url": fake.url, "auth_url": fake.url + "/auth", "sleep": sleeps,
                   "timeout": 5.0, **options}
        client = ApiClient(APP_KEY, store if store is not None else stored(fake, ring), **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
