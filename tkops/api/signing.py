"""Request signing of the TikTok Shop Open API (202309 and later), exactly as the official "Sign your API request".

The string signed is ``secret + path + sorted query key/values + raw body + secret``; the signature is its
HMAC-SHA256 with the app secret as key, in lower-case hex. The access token is never part of it.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, Mapping

#: Query parameters that are never signed.
UNSIGNED = ("sign", "access_token")


def query_value(value: Any) -> str:
    """The text of a query value as it is both signed and sent (lists comma-joined, booleans lower-case)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(query_value(v) for v in value)
    return str(value)


def sign(secret: Any, path: str, query: Mapping[str, Any], body: bytes | str | None = None,
         content_type: str = "application/json") -> str:
    """The ``sign`` query parameter for a request to ``path`` with ``query`` and the raw ``body`` bytes as sent.

    ``secret`` is the app secret (a str or a :class:`tkops.api.secrets.Secret`). A multipart body is not signed.
    """
    key = (secret.reveal() if hasattr(secret, "reveal") else str(secret)).encode("utf-8")
    pairs = sorted((str(k), query_value(v)) for k, v in query.items() if k not in UNSIGNED)
    base = (path + "".join(k + v for k, v in pairs)).encode("utf-8")
    if body and not content_type.lower().startswith("multipart/form-data"):
        base += body if isinstance(body, bytes) else body.encode("utf-8")
    return hmac.new(key, key + base + key, hashlib.sha256).hexdigest()
