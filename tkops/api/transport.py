"""Sending a call with retries: a client-side rate limiter, exponential backoff with full jitter on "too many
requests", overload and timeouts, and a clear error when the retries run out."""

from __future__ import annotations

import logging
import re
from collections import deque
from typing import Any, Callable

import httpx

from tkops.api.errors import (
    RETRY_CODES,
    RETRY_STATUS,
    ApiError,
    ApiTimeout,
    ApiUnreachable,
    OutcomeUnknown,
    error_for,
)
from tkops.api.redact import LOGGER_NAME

log = logging.getLogger(LOGGER_NAME)

#: Failures after which the request surely did not reach TikTok: any call may be sent again.
_NOT_SENT = (httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ConnectError)
#: Failures of the connection itself (the rest of httpx's errors are bugs or bad settings, not retried).
_BROKEN = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

#: (query parameters, headers) for one attempt: rebuilt each time, so that every retry has a fresh timestamp.
Build = Callable[[], tuple[list[tuple[str, str]], dict[str, str]]]


def api_name(path: str) -> str:
    """The API a path calls, for the per-API rate limit: ids in the path (all digits) count as one API."""
    return re.sub(r"(?<=/)\d{8,}(?=/|$)", "{id}", path.split("?")[0])


def envelope_code(envelope: dict[str, Any] | None) -> int | None:
    """The envelope's ``code`` as an int, or None."""
    try:
        return int(envelope["code"]) if isinstance(envelope, dict) else None
    except (KeyError, TypeError, ValueError):
        return None


class RateLimiter:
    """At most ``rate`` calls per second per API, measured over a sliding one-second window."""

    def __init__(self, rate: float, clock: Callable[[], float], sleep: Callable[[float], Any]) -> None:
        self.rate = max(1, int(rate))
        self.clock, self.sleep = clock, sleep
        self._sent: dict[str, deque[float]] = {}

    def wait(self, api: str) -> float:
        """Wait (through ``sleep``) until a call to ``api`` keeps under the limit; return the seconds waited."""
        sent = self._sent.setdefault(api, deque())
        now = self.clock()
        while sent and sent[0] <= now - 1.0:
            sent.popleft()
        delay = 0.0
        if len(sent) >= self.rate:
            delay = sent[0] + 1.0 - now
            self.sleep(delay)
            sent.popleft()
        sent.append(now + delay)  # not clock(): a test's sleep need not move its clock
        return delay


class Transport:
    """Sends calls through an ``httpx.Client`` with the limiter and the retries."""

    def __init__(self, http: httpx.Client, *, clock: Callable[[], float], sleep: Callable[[float], Any],
                 random: Callable[[], float], max_retries: int = 5, rate: float = 50, timeout: float = 30.0,
                 base_delay: float = 0.5, max_delay: float = 30.0) -> None:
        self.http, self.sleep, self.random = http, sleep, random
        self.max_retries, self.timeout = max(0, int(max_retries)), timeout
        self.base_delay, self.max_delay = base_delay, max_delay
        self.limiter = RateLimiter(rate, clock, sleep)

    def backoff(self, attempt: int) -> float:
        """The wait before retry ``attempt`` + 1: uniform in [0, min(max_delay, base_delay * 2**attempt)]."""
        return self.random() * min(self.max_delay, self.base_delay * 2 ** attempt)

    def call(self, method: str, url: str, path: str, build: Build, content: bytes | None = None,
             parse: bool = True, repeatable: bool = True) -> tuple[httpx.Response, dict[str, Any] | None]:
        """(response, JSON envelope or None) of the first attempt that needs no retry; ``path`` names the call in
        logs and errors (never a query string); ``parse=False`` for files. A call that is not ``repeatable``
        (e.g. shipping a package) is not sent again once it may have reached TikTok (:class:`OutcomeUnknown`)."""
        api, error = api_name(path), None
        for attempt in range(self.max_retries + 1):
            self.limiter.wait(api)
            params, headers = build()
            try:
                response = self.http.request(method, url, params=params, content=content, headers=headers,
                                             timeout=self.timeout)
            except _BROKEN as exc:  # the error is raised outside this block, so it does not chain httpx's
                error = self._broken(exc, path, repeatable)
            else:
                envelope = _json(response) if parse else None
                code = envelope_code(envelope)
                log.debug("%s %s -> HTTP %s, code %s, request %s", method, path, response.status_code, code,
                          (envelope or {}).get("request_id", ""))
                if response.status_code not in RETRY_STATUS and code not in RETRY_CODES:
                    return response, envelope
                error = error_for(envelope, path=path, http_status=response.status_code, retries=self.max_retries)
            if isinstance(error, OutcomeUnknown):
                break
            if attempt < self.max_retries:
                delay = self.backoff(attempt)
                log.info("%s %s: %s; retry %d of %d in %.2f s", method, path, error.code, attempt + 1,
                         self.max_retries, delay)
                self.sleep(delay)
        raise error

    def _broken(self, exc: Exception, path: str, repeatable: bool) -> ApiError:
        if not repeatable and not isinstance(exc, _NOT_SENT):
            return OutcomeUnknown(path=path, detail=type(exc).__name__, seconds=self.timeout)
        if isinstance(exc, httpx.TimeoutException):
            return ApiTimeout(path=path, seconds=self.timeout, retries=self.max_retries)
        return ApiUnreachable(path=path, detail=type(exc).__name__, retries=self.max_retries)


def _json(response: httpx.Response) -> dict[str, Any] | None:
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
