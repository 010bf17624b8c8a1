"""A fake TikTok Shop Open API on 127.0.0.1 for the tests: a real HTTP server (stdlib) that enforces the documented
contract of docs/open-api.md#transport-and-signing (it recomputes the signature with its own signer, checks the timestamp window, the token
header and shop_cipher) and serves the endpoints of docs/open-api.md#endpoints (routes in server_routes.py).

Scenario switches (attributes a test sets): ``rate_limit_next`` (HTTP 429 / 36009002 for the next k calls),
``busy_next`` (503 / 36009003), ``expire_next`` (105002, the token expires), ``bad_sign_next`` (106001),
``delay_next`` with ``delay_seconds`` (late answers, for timeouts), ``fail_on_page`` with ``fail_code``,
``missing_scope`` (path prefixes answered 105005), ``used_tracking`` (duplicates), ``invalid_tracking``; data:
``shops``, ``orders``, ``returns``, ``cancellations`` (any payload lists, e.g. from tests/api/payloads.py);
``inventory`` (SKU id -> :class:`tests.api.server_inventory.Stock`, read back after an update) with
``inventory_refuse`` (SKU id -> (code, message): a per-SKU error in the update's answer).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

from tests.api import server_data as D
from tests.api.server_inventory import INVENTORY_ROUTES, Stock
from tests.api.server_routes import AUTH_ROUTES, ROUTES, Fault

APP_KEY = "6a1b2c3d4e5f7"
APP_SECRET = "e59af819cc4d1f0b7a2c9e3d5f6a8b1c2d3e4f50"
SHOP_NAME = "Sunny Home US"
SHOP_CIPHER = "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK"
AUTH_CODE = "ROW_aUtHcOdE_4f9c2e81b7d3a6"
UNSCOPED = ("/authorization/", "/seller/")


def tts_sign(secret: str, path: str, raw_query: str, body: bytes, content_type: str) -> str:
    """The test's own signer (independent of tkops.api.signing), from the raw query string and body bytes."""
    pairs = [(k, v) for k, v in parse_qsl(raw_query, keep_blank_values=True) if k not in ("sign", "access_token")]
    pairs.sort(key=lambda kv: kv[0].encode())
    signed = path.encode() + b"".join(k.encode() + v.encode() for k, v in pairs)
    if not content_type.lower().startswith("multipart/form-data"):
        signed += body
    key = secret.encode()
    return hmac.new(key, key + signed + key, hashlib.sha256).hexdigest()


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json"
    delay: float = 0.0


@dataclass
class FakeTikTok:
    """The fake API and auth host (auth paths under ``/auth``) with its state and scenario switches."""

    app_key: str = APP_KEY
    app_secret: str = APP_SECRET
    orders: list[dict] = field(default_factory=lambda: [D.order(i) for i in range(1, 4)])
    returns: list[dict] = field(default_factory=lambda: [D.return_order(1)])
    cancellations: list[dict] = field(default_factory=lambda: [D.cancellation(2)])
    shops: list[dict] = field(default_factory=lambda: [
        {"id": "7495598528765544843", "name": SHOP_NAME, "code": "USLCX2ZPQ7", "region": "US",
         "seller_type": "CROSS_BORDER", "cipher": SHOP_CIPHER},
        {"id": "7495598528765544999", "name": "Sunny Home UK", "code": "GBLCK8J3RT", "region": "GB",
         "seller_type": "CROSS_BORDER", "cipher": "ROW_gbCiPhErAAAA0eZWebFQq5aI"}])
    providers: list[dict] = field(default_factory=lambda: list(D.PROVIDERS))
    auth_codes: set[str] = field(default_factory=lambda: {AUTH_CODE})
    rate_limit_next: int = 0
    busy_next: int = 0
    expire_next: int = 0
    bad_sign_next: int = 0
    delay_next: int = 0
    delay_seconds: float = 0.5
    fail_on_page: int | None = None
    fail_code: int = 36009003
    missing_scope: set[str] = field(default_factory=set)
    used_tracking: set[str] = field(default_factory=set)
    invalid_tracking: set[str] = field(default_factory=set)
    shipped: dict[str, dict] = field(default_factory=dict)
    updates: dict[str, int] = field(default_factory=dict)
    inventory: dict[str, Stock] = field(default_factory=dict)
    inventory_refuse: dict[str, tuple[int, str]] = field(default_factory=dict)
    inventory_denied_after: int | None = None
    inventory_updates: int = 0
    update_faults: list[int] = field(default_factory=list)
    requests: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.url = ""
        self.expired_tokens: set[str] = set()
        self.access_token = self.refresh_token = ""
        self.issued: list[str] = []  # every token ever issued (the leak test looks for each)
        self.issue_tokens()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def issue_tokens(self) -> dict:
        """New tokens (the previous access token counts as expired from now on); the token answer's data."""
        if self.access_token:
            self.expired_tokens.add(self.access_token)
        now = int(time.time())
        self.access_token = "TTP_" + secrets.token_urlsafe(24)
        self.refresh_token = "RFT_" + secrets.token_urlsafe(24)
        self.issued += [self.access_token, self.refresh_token]
        return {"access_token": self.access_token, "access_token_expire_in": now + 7 * 86400,
                "refresh_token": self.refresh_token, "refresh_token_expire_in": now + 60 * 86400,
                "open_id": "7010736057180325637", "seller_name": SHOP_NAME, "seller_base_region": "US",
                "user_type": 0, "granted_scopes": ["seller.order.info", "seller.fulfillment.basic"]}

    # --- the HTTP server --------------------------------------------------------------------------------------
    def start(self) -> "FakeTikTok":
        """Serve on a free port of 127.0.0.1 in a background thread."""
        fake = self

        class Handler(_Handler):
            pass

        Handler.fake = fake
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def calls(self, path: str) -> list[Seen]:
        """The requests made to ``path`` (exact path, no query)."""
        return [r for r in self.requests if r.path == path]

    # --- the contract -----------------------------------------------------------------------------------------
    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        """The reply to one request (thread-safe)."""
        path, _, raw_query = target.partition("?")
        query = dict(parse_qsl(raw_query, keep_blank_values=True))
        with self._lock:
            self.requests.append(Seen(method, path, query, headers, body))
            delay = 0.0
            if self.delay_next:
                self.delay_next -= 1
                delay = self.delay_seconds
            try:
                reply = self._dispatch(method, path, raw_query, query, headers, body)
            except Fault as fault:
                reply = _json(fault.status, {"code": fault.code, "message": fault.message, "data": None})
            reply.delay = delay
            return reply

    def _dispatch(self, method, path, raw_query, query, headers, body) -> Reply:
        if path.startswith("/files/"):
            return Reply(200, D.pdf(path.rsplit("/", 1)[-1]), "application/pdf")
        if path.startswith("/auth/"):
            route = AUTH_ROUTES.get(path[len("/auth"):])
            if route is None or method != "GET":
                raise Fault(36009009, "Invalid path", 404)
            return _ok(route(self, query))
        if self.rate_limit_next:
            self.rate_limit_next -= 1
            raise Fault(36009002, "Too many requests", 429)
        if self.busy_next:
            self.busy_next -= 1
            raise Fault(36009003, "Internal error, please retry", 503)
        self._check(method, path, raw_query, query, headers, body)
        for verb, pattern, handler in ROUTES + INVENTORY_ROUTES:
            match = pattern.fullmatch(path)
            if match and verb == method:
                payload = json.loads(body) if body else {}
                return _ok(handler(self, query, payload, *match.groups()))
        raise Fault(36009009, "The request path is invalid", 404)

    def _check(self, method, path, raw_query, query, headers, body) -> None:
        if query.get("app_key") != self.app_key:
            raise Fault(36009004, "Invalid app_key", 401)
        stamp = query.get("timestamp", "")
        now = time.time()
        if not (stamp.isdigit() and len(stamp) == 10 and now - 300 <= int(stamp) <= now + 30):
            raise Fault(36009004, "Invalid timestamp: it must be within 5 minutes of the current time", 401)
        content_type = headers.get("content-type", "")
        if method == "POST" and not content_type.startswith("application/json"):
            raise Fault(36009022, "Invalid content-type", 400)
        forced, self.bad_sign_next = self.bad_sign_next > 0, max(0, self.bad_sign_next - 1)
        if forced or query.get("sign") != tts_sign(self.app_secret, path, raw_query, body, content_type):
            raise Fault(106001, "Invalid credentials. The 'sign' query parameter is invalid.", 401)
        token = headers.get("x-tts-access-token", "")
        if token in self.expired_tokens:
            raise Fault(105002, "Expired credentials. The access token has expired.", 401)
        if self.expire_next:
            self.expire_next -= 1
            self.expired_tokens.add(self.access_token)
            raise Fault(105002, "Expired credentials. The access token has expired.", 401)
        if token != self.access_token:
            raise Fault(36009004, "Invalid access token header", 401)
        scoped = not path.startswith(UNSCOPED)
        if scoped and not query.get("shop_cipher"):
            raise Fault(106013, "The shop_cipher parameter is missing", 400)
        if not scoped and "shop_cipher" in query:
            raise Fault(36009004, "Unexpected shop_cipher", 400)
        if scoped and query["shop_cipher"] not in {s["cipher"] for s in self.shops}:
            raise Fault(36009004, "Invalid shop_cipher", 400)
        if any(path.startswith(prefix) for prefix in self.missing_scope):
            raise Fault(105005, "Access denied. The app lacks the required scope for this API.", 403)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: don't let them wait for an ACK
    fake: FakeTikTok

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        reply = self.fake.handle(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            self.send_header("content-type", reply.content_type)
            self.send_header("content-length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args) -> None:  # keep the test output quiet
        pass


def _json(status: int, envelope: dict) -> Reply:
    request_id = time.strftime("%Y%m%d%H%M%S") + secrets.token_hex(8).upper()
    return Reply(status, json.dumps({**envelope, "request_id": request_id}).encode())


def _ok(data: dict) -> Reply:
    return _json(200, {"code": 0, "message": "Success", "data": data})
