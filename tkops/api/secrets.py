"""Where the API secrets live: the app secret, the access and refresh tokens (and when the tokens expire).

They are kept in the operating system's keyring (service ``tkops``, user name ``<app_key>:<shop>:<kind>``) or given
in environment variables (:data:`ENV`), which win. The Settings sheet holds only the app key and the shop name.
A secret travels as a :class:`Secret`, which shows as ``***`` wherever it is formatted.
"""

from __future__ import annotations

import hmac
import os
from typing import Any, Mapping

from tkops.api.errors import KeyringUnavailable, SecretMissing
from tkops.api.redact import register

SERVICE = "tkops"
#: Secret kind -> the environment variable that gives it (and wins over the keyring).
ENV = {"app_secret": "TKOPS_APP_SECRET", "access_token": "TKOPS_ACCESS_TOKEN", "refresh_token": "TKOPS_REFRESH_TOKEN"}
#: Token kind -> the kind under which its expiry (absolute Unix seconds) is kept.
EXPIRY = {"access_token": "access_token_expire_in", "refresh_token": "refresh_token_expire_in"}


class Secret:
    """A secret value that formats as ``***`` (repr, str, f-strings): only :meth:`reveal` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: "str | Secret") -> None:
        self._value = value.reveal() if isinstance(value, Secret) else str(value)
        register(self._value)

    def reveal(self) -> str:
        """The secret value itself: only for the signature, the token header and the auth host's query."""
        return self._value

    def __repr__(self) -> str:
        return "***"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return "***"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self):
        raise TypeError("a Secret cannot be pickled")  # keeps secrets out of caches and files


def _keyring_errors() -> tuple[type[BaseException], ...]:
    try:
        from keyring.errors import KeyringError
    except ImportError:
        return ()
    return (KeyringError,)


class SecretStore:
    """The secrets of one app key and shop: environment variables first, then the OS keyring.

    ``env`` defaults to ``os.environ``; ``backend`` is a keyring backend (default: keyring's own choice). Values
    saved while no keyring is available are kept for this run only.
    """

    def __init__(self, app_key: str, shop: str = "", *, env: Mapping[str, str] | None = None,
                 backend: Any = None) -> None:
        self.app_key, self.shop = str(app_key), str(shop)
        self._env = os.environ if env is None else env
        self._backend = backend
        self._session: dict[str, str] = {}
        self._problem = ""

    def __repr__(self) -> str:
        return f"SecretStore(app_key={self.app_key!r}, shop={self.shop!r})"

    def username(self, kind: str) -> str:
        """The keyring user name of ``kind`` for this app key and shop."""
        return f"{self.app_key}:{self.shop}:{kind}"

    def _ring(self) -> Any:
        if self._backend is not None:
            return self._backend
        try:
            import keyring
        except ImportError:
            self._problem = "the keyring package is not installed"
            return None
        return keyring.get_keyring()

    def _read(self, kind: str) -> str | None:
        ring = self._ring()
        if ring is None:
            return None
        try:
            return ring.get_password(SERVICE, self.username(kind))
        except _keyring_errors() as exc:
            self._problem = _describe(exc)
            return None

    def _write(self, kind: str, value: str) -> bool:
        ring = self._ring()
        if ring is None:
            return False
        try:
            ring.set_password(SERVICE, self.username(kind), value)
            kept = ring.get_password(SERVICE, self.username(kind)) == value
        except _keyring_errors() as exc:
            self._problem = _describe(exc)
            return False
        if not kept:  # e.g. keyring's "null" backend accepts and forgets
            self._problem = f"{type(ring).__name__} did not keep the value"
        return kept

    def _delete(self, kind: str) -> None:
        try:
            self._ring().delete_password(SERVICE, self.username(kind))
        except _keyring_errors():  # nothing stored: nothing to delete
            pass

    def available(self) -> bool:
        """Whether an OS keyring can be used (reading a value proves it)."""
        self._problem = ""
        self._read("app_secret")
        return not self._problem

    def get(self, kind: str) -> Secret | None:
        """The secret ``kind`` (app_secret, access_token, refresh_token), or None when nowhere to be found."""
        value = self._session.get(kind) or self._env.get(ENV[kind], "").strip() or self._read(kind)
        return Secret(value) if value else None

    def require(self, kind: str) -> Secret:
        """The secret ``kind``, or a :class:`SecretMissing` / :class:`KeyringUnavailable` saying where to put it."""
        self._problem = ""
        secret = self.get(kind)
        if secret is not None:
            return secret
        if self._problem:
            raise KeyringUnavailable(detail=self._problem, variables=", ".join(ENV.values()))
        raise SecretMissing(kind=kind, variable=ENV[kind], app_key=self.app_key, shop=self.shop)

    def expiry(self, kind: str) -> int | None:
        """When the token ``kind`` expires (Unix seconds), or None when unknown (e.g. a token from the environment)."""
        name = EXPIRY[kind]
        if kind in self._session:
            value = self._session.get(name)
        elif self._env.get(ENV[kind], "").strip():
            return None
        else:
            value = self._read(name)
        return int(value) if value and str(value).isdigit() else None

    def save(self, kind: str, value: "str | Secret", expires: int | None = None) -> bool:
        """Keep ``value`` as ``kind`` (and its expiry); True when the keyring holds it, False when only this run."""
        raw = value.reveal() if isinstance(value, Secret) else str(value)
        register(raw)
        self._problem = ""
        self._session[kind] = raw
        persisted = self._write(kind, raw)
        if kind in EXPIRY:
            stamp = "" if expires is None else str(int(expires))
            self._session[EXPIRY[kind]] = stamp
            if persisted and stamp:
                persisted = self._write(EXPIRY[kind], stamp)
            elif persisted:  # an older token's expiry must not outlive it
                self._delete(EXPIRY[kind])
        return persisted

    def require_keyring(self) -> None:
        """Raise :class:`KeyringUnavailable` (code ``api.keyring_cannot_store``) when no keyring can keep secrets."""
        if not self.available():
            raise KeyringUnavailable("api.keyring_cannot_store", detail=self._problem,
                                     variables=", ".join(ENV.values()))

    def problem(self) -> str:
        """Why the keyring could not be used the last time, or ""."""
        return self._problem


def _describe(exc: BaseException) -> str:
    """A short reason from a keyring exception (its first sentence; keyring messages hold no secrets)."""
    text = str(exc).split(". ")[0].strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}"
