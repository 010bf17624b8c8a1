"""The Open API client's sentences for the team, in English and Chinese (``tkops/locale/api.toml``), merged into the
lookup of :mod:`tkops.messages`; ``{api}`` in a sentence is the API's own code, message and request id, filled in by
:func:`render` when known.

Every API error names the call (``{path}``, never its query string), the API's code and message, and what to do.
"""

from __future__ import annotations

from typing import Any

from tkops.locale_files import catalogue
from tkops.message_lookup import fill, sentence

#: How the API's code, message and request id read, per language (request id only when TikTok sent one).
_DETAIL = {"en": (" (TikTok code {api_code}: {api_message}", "; request {request_id}", ")"),
           "zh": ("（TikTok 错误码 {api_code}：{api_message}", "；请求 {request_id}", "）")}

CATALOGUE = catalogue("api")


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def api_detail(lang: str, params: dict[str, Any]) -> str:
    """" (TikTok code …: message; request …)" in ``lang`` from an error's params, or "" without an API code."""
    if params.get("api_code") in (None, ""):
        return ""
    head, request, tail = _DETAIL.get(lang, _DETAIL["en"])
    text = head + (request if params.get("request_id") else "") + tail
    return fill(text, _Blank(params), "api.detail")


def render(code: str, lang: str = "en", **params: Any) -> str:
    """The sentence ``code`` in ``lang`` (en or zh; else en), filled in; unknown codes go to tkops.messages."""
    entry = CATALOGUE.get(code)
    if entry is None:
        from tkops.messages import render as render_message

        return render_message(code, lang, **params)
    template = sentence(entry, code, lang)
    values = _Blank({k: "" if v is None else v for k, v in params.items()})
    values["api"] = api_detail(lang if lang in _DETAIL else "en", values)
    return fill(template, values, code)
