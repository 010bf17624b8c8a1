"""Every API error has a sentence in English and Chinese with the same placeholders, and the code table is sane."""

from __future__ import annotations

import pytest

from tkops import api
from tkops.api import CATALOGUE, CODES, ApiError, SecretsError, error_for


def error_classes():
    return [c for c in vars(api).values()
            if isinstance(c, type) and issubclass(c, (ApiError, SecretsError)) and c is not SecretsError]


def test_every_api_code_is_named_api():
    # en/zh and their placeholders: tests/test_catalogues.py checks every catalogue
    assert all(code.startswith("api.") for code in CATALOGUE)


@pytest.mark.parametrize("cls", error_classes(), ids=lambda c: c.__name__)
def test_every_error_class_has_a_sentence(cls):
    assert cls.code in CATALOGUE
    error = cls(api_code=1, api_message="m", path="/p") if issubclass(cls, ApiError) else cls()
    for lang in ("en", "zh"):
        assert "{" not in error.render(lang) and error.render(lang).strip()


def test_the_code_table_maps_the_documented_codes():
    assert {CODES[c].__name__ for c in (106001, 105005, 106013, 101000, 36009004, 105002)} == {
        "InvalidSign", "MissingScope", "MissingShopCipher", "TokenShopMismatch", "RequestRejected", "TokenExpired"}
    assert CODES[21011025].__name__ == "DuplicateTracking" and CODES[21004015].__name__ == "InvalidTracking"


def test_unknown_codes_fall_back_to_the_api_message():
    error = error_for({"code": 99999999, "message": "Something new", "request_id": "r1"}, path="/x/202309/y")
    assert type(error) is ApiError
    assert str(error) == ("TikTok Shop refused /x/202309/y (TikTok code 99999999: Something new; request r1). "
                          "Check the request and try again; if it persists, send the request id to TikTok Partner "
                          "support.")


def test_a_tracking_message_under_an_unlisted_code_is_still_recognised():
    duplicate = error_for({"code": 21999999, "message": "The tracking number has been used"}, path="/p")
    invalid = error_for({"code": 21999998, "message": "Invalid tracking number for this provider"}, path="/p")
    assert type(duplicate).__name__ == "DuplicateTracking" and type(invalid).__name__ == "InvalidTracking"


def test_http_status_alone_is_enough_for_rate_limit_and_overload():
    assert type(error_for(None, path="/p", http_status=429)).__name__ == "RateLimited"
    assert type(error_for("<html>", path="/p", http_status=503)).__name__ == "ServerBusy"
    assert type(error_for(None, path="/p", http_status=502)).__name__ == "BadResponse"


def test_errors_render_through_tkops_messages_once_registered(monkeypatch):
    from tkops import messages

    monkeypatch.setattr(messages, "_SECTION_CATALOGUES", (*messages._SECTION_CATALOGUES, "tkops.api.catalogue"))
    error = error_for({"code": 105005, "message": "scope"}, path="/return_refund/202309/returns/search")
    for lang in ("en", "zh"):
        text = messages.render(error.code, lang, **error.params)
        assert "{" not in text and "105005" in text and "/return_refund/202309/returns/search" in text
