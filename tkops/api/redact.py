"""Keeping secrets out of text: every secret value tkops has seen is replaced by ``***`` in log records, error
parameters and URLs (defence in depth: secrets are also never put into such text on purpose)."""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: The one logger of tkops.api (a filter on a logger sees only records made on that very logger).
LOGGER_NAME = "tkops.api"

#: Query parameters whose values are secret (the auth host takes the app secret and tokens in the query string).
SECRET_PARAMS = ("access_token", "app_secret", "refresh_token", "auth_code", "sign")

#: Loggers of the HTTP stack that may show a URL; httpx logs every request's full URL at INFO.
HTTP_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy",
                "httpcore.socks")

_known: set[str] = set()
_lock = threading.Lock()
_PARAM = re.compile(r"\b((?:%s)=)[^&\s\"'>]*" % "|".join(SECRET_PARAMS), re.IGNORECASE)
_HEADER = re.compile(r"(x-tts-access-token['\"]?\s*[:=,]\s*['\"]?)[^\s'\",)]+", re.IGNORECASE)


def register(value: str) -> None:
    """Remember ``value`` as secret, so that :func:`redact` hides it."""
    if value and len(value) >= 4:  # shorter values would blank out ordinary text
        with _lock:
            _known.add(value)


def redact(text: str) -> str:
    """``text`` with every known secret value and every secret query parameter's value replaced by ``***``."""
    text = _HEADER.sub(r"\1***", _PARAM.sub(r"\1***", text))  # first: a known value may be a parameter's name
    for value in sorted(_known, key=len, reverse=True):
        if value in text:
            text = text.replace(value, "***")
    return text


def safe_url(url: str) -> str:
    """``url`` without the values of secret query parameters (see :data:`SECRET_PARAMS`), fit for a message."""
    parts = urlsplit(str(url))
    query = [(k, "***" if k.lower() in SECRET_PARAMS else v) for k, v in parse_qsl(parts.query, True)]
    return redact(urlunsplit(parts._replace(query=urlencode(query, safe="*,"))))


class RedactingFilter(logging.Filter):
    """A logging filter that rewrites a record's message with :func:`redact` (it never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: leave it to the handler to report
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTER = RedactingFilter()


def install_log_filter() -> None:
    """Put the redacting filter on tkops.api's logger and on the HTTP stack's loggers (idempotent)."""
    for name in (LOGGER_NAME, *HTTP_LOGGERS):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
