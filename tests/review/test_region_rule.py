"""The state/province and postal-code rules on one mixed batch of orders, every problem asserted with its
catalogue key and parameters (a compact check of every branch of rules/region.py and rules/postcode.py)."""

from __future__ import annotations

from tests.review.conftest import frame, line, run

ROWS = [  # (market, fields), one order each, on sheet rows 2, 3, ...
    ("TH", {"state": "Bangkok", "zipcode": "10330"}),                      # 2 fine (sheet row)
    ("TH", {"state": "Narnia", "zipcode": "10330"}),                       # 3 unknown, no suggestion
    ("TH", {"state": "Bangkock", "zipcode": "10330"}),                     # 4 misspelt
    ("TH", {"state": "กรุงเทพมหานคร", "zipcode": "77110"}),                 # 5 postcode of another province
    ("PH", {"state": "Cebu", "zipcode": "1000"}),                          # 6 postcode of no province
    ("PH", {"state": "Metro Manila", "zipcode": "6000"}),                  # 7 no prefixes: not judged
    ("TH", {"state": "B*****", "zipcode": "77110"}),                       # 8 masked state
    ("TH", {"state": "Bangkok", "zipcode": "77***"}),                      # 9 masked postcode
    ("TH", {"state": "Bangkok", "zipcode": "1033"}),                       # 10 bad shape: format only
    ("US", {"state": "ID", "zipcode": "83414"}),                           # 11 USPS: WY
    ("US", {"state": "WY", "zipcode": "83414-1234"}),                      # 12 fine
    ("US", {"state": "MD", "zipcode": "21301"}),                           # 13 unassigned prefix
    ("US", {"state": "CA", "zipcode": "9001"}),                            # 14 lost leading zero
    ("IT", {"state": "Lazio", "zipcode": "20121"}),                        # 15 a region's provinces
    ("GB", {"state": "Narnia", "zipcode": "BFPO 105"}),                    # 16 no regions in the data
    ("VN", {"state": "Ha Noii", "zipcode": ""}),                           # 17 misspelt, no postcode
    ("US", {"state": "", "zipcode": "10001"}),                             # 18 no state: missing part only
    ("US", {"country": "Canada", "state": "Ontari", "zipcode": "M5V 2T6"}),  # 19 not a market
    ("JP", {"state": "大阪府", "zipcode": "１００-０００１"}),                  # 20 full-width digits, Tokyo's
    ("US", {"state": "CA", "zipcode": "900123456"}),                       # 21 ZIP+4 without hyphen: fine
    ("GB", {"zipcode": "XX1 1AA"}),                                        # 22 no such postcode area
    ("TH", {"state": "Chiang Mai", "zipcode": "7711"}),                    # 23 bad shape: not judged by province
    ("JP", {"state": "大阪府", "zipcode": "〒100-0001"}),                    # 24 the 〒 mark, Tokyo's
    ("TH", {"state": "Q" * 60, "zipcode": "10330"}),                       # 25 a long unknown name, shortened
]
TH_WORDS = {"country": "TH", "country_name": {"en": "Thailand", "zh": "泰国"}, "kind": {"en": "province", "zh": "省"}}
US_WORDS = {"country": "US", "country_name": {"en": "United States", "zh": "美国"}, "kind": {"en": "state", "zh": "州"}}
PH_WORDS = {"country": "PH", "country_name": {"en": "Philippines", "zh": "菲律宾"}, "kind": {"en": "province", "zh": "省"}}
IT_WORDS = {"country": "IT", "country_name": {"en": "Italy", "zh": "意大利"}, "kind": {"en": "province", "zh": "省"}}
VN_WORDS = {"country": "VN", "country_name": {"en": "Vietnam", "zh": "越南"}, "kind": {"en": "province", "zh": "省"}}
JP_WORDS = {"country": "JP", "country_name": {"en": "Japan", "zh": "日本"},
            "kind": {"en": "prefecture", "zh": "都道府县"}}
EXPECTED = {
    (3, "state", "address.state_invalid"): {"value": "Narnia", "suggestion": "", **TH_WORDS},
    (4, "state", "address.state_invalid:suggest"): {"value": "Bangkock", "suggestion": "Bangkok", **TH_WORDS},
    (5, "zipcode", "address.zip_state_mismatch:region"): {
        "zipcode": "77110", "state": "Bangkok (กรุงเทพมหานคร)", "expected": "Prachuap Khiri Khan (ประจวบคีรีขันธ์)",
        **TH_WORDS},
    (6, "zipcode", "address.zip_state_mismatch:nowhere"): {"zipcode": "1000", "state": "Cebu", "expected": "",
                                                            **PH_WORDS},
    (10, "zipcode", "address.zip_format"): {"value": "1033", "country": "TH", "example": "10110", "prefix": "103"},
    (11, "zipcode", "address.zip_state_mismatch"): {"zipcode": "83414", "state": "ID", "expected": "WY", **US_WORDS},
    (13, "zipcode", "address.zip_format:no_area"): {"value": "21301", "country": "US", "example": "90012 or 90012-3456",
                                                     "prefix": "213"},
    (14, "zipcode", "address.zip_format:leading_zero"): {"value": "9001", "country": "US",
                                                          "example": "90012 or 90012-3456", "prefix": "900"},
    (15, "zipcode", "address.zip_state_mismatch:region"): {
        "zipcode": "20121", "state": "Lazio", "expected": "Milano (MI)", **IT_WORDS},
    (17, "state", "address.state_invalid:suggest"): {"value": "Ha Noii", "suggestion": "Hà Nội", **VN_WORDS},
    (20, "zipcode", "address.zip_state_mismatch:region"): {
        "zipcode": "１００-０００１", "state": "Osaka (大阪府)", "expected": "Tokyo (東京都)", **JP_WORDS},
    (22, "zipcode", "address.zip_format"): {"value": "XX1 1AA", "country": "GB", "example": "SW1A 1AA",
                                            "prefix": "XX1"},
    (23, "zipcode", "address.zip_format"): {"value": "7711", "country": "TH", "example": "10110", "prefix": "771"},
    (24, "zipcode", "address.zip_state_mismatch:region"): {
        "zipcode": "〒100-0001", "state": "Osaka (大阪府)", "expected": "Tokyo (東京都)", **JP_WORDS},
    (25, "state", "address.state_invalid"): {"value": "Q" * 39 + "…", "suggestion": "", **TH_WORDS},
}


#: The start of each catalogue wording: the variant a problem was given.
WORDING = {"address.state_invalid": "Thailand has no province \"",
           "address.state_invalid:suggest": "has no province",
           "address.zip_state_mismatch": "ZIP code 83414 is in WY, but the state is ID",
           "address.zip_state_mismatch:region": "belongs to", "address.zip_state_mismatch:nowhere": "does not belong",
           "address.zip_format": "is not a valid", "address.zip_format:no_area": "is not assigned",
           "address.zip_format:leading_zero": "Excel probably dropped a leading zero"}


def test_every_state_and_postcode_problem_of_a_mixed_batch():
    lines = frame(*(line(market, n=n, **fields) for n, (market, fields) in enumerate(ROWS, start=1)))
    p = run(lines).problems
    mine = p[p["code"].isin(["address.state_invalid", "address.zip_state_mismatch", "address.zip_format"])]
    by_row = {(row, column, code): (params, text)
              for row, column, code, params, text in zip(mine["row"], mine["column"], mine["code"], mine["params"],
                                                          mine["explanation"])}
    assert {(r, c, k.split(":")[0]) for r, c, k in EXPECTED} == set(by_row)
    for (row, column, key), params in EXPECTED.items():
        found, text = by_row[(row, column, key.split(":")[0])]
        assert found == params, row
        assert WORDING[key] in text, (row, text)
        if key.endswith(":suggest"):
            assert text.endswith(f"probably {params['suggestion']}")
        if key == "address.state_invalid":
            assert text == f"Thailand has no province \"{params['value']}\""
    assert list(p.loc[p["code"] == "address.missing_part", "row"]) == [18]  # the US line without a state
