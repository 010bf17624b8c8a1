"""Format detection and the reading rules shared by every source."""

from __future__ import annotations

import pytest

from tkops.errors import AmbiguousFormat, EncodingProblem, UnknownFormat
from tkops.settings import Settings
from tkops.sources import mapping, read_orders

from conftest import EXPORTS

US = Settings(market="US")


def test_unknown_format_names_sources_and_headers():
    with pytest.raises(UnknownFormat) as err:
        read_orders(EXPORTS / "not_orders.csv", US)
    text = err.value.render()
    assert "not_orders.csv" in text and "tiktok_export" in text and "mabang" in text
    header = (EXPORTS / "not_orders.csv").read_text(encoding="utf-8").splitlines()[0].split(",")[0]
    assert header in text


def test_two_sources_claiming_a_file_is_an_error(tmp_path):
    toml = tmp_path / "greedy.mapping.toml"
    toml.write_text('name = "greedy"\n[columns]\n"Order ID" = "Order ID"\n"Quantity" = "Quantity"\n'
                    '"Seller SKU" = "Seller SKU"\n', encoding="utf-8")
    greedy = [mapping.from_toml(toml)]
    with pytest.raises(AmbiguousFormat) as err:
        read_orders(EXPORTS / "us_2025.csv", US, greedy)
    assert "tiktok_export" in err.value.render() and "mapping:greedy" in err.value.render()
    forced = read_orders(EXPORTS / "us_2025.csv", US, greedy, source="tiktok_export")
    assert forced.table.source == "tiktok_export"


def test_gb18030_is_only_guessed_for_the_chinese_erps(tmp_path):
    assert read_orders(EXPORTS / "mabang_gb18030.csv", Settings()).encoding == "gb18030"
    tiktok_gbk = tmp_path / "tiktok_gbk.csv"
    text = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8").replace("Awaiting", "待发货 Awaiting")
    tiktok_gbk.write_bytes(text.encode("gb18030"))
    with pytest.raises(EncodingProblem) as err:
        read_orders(tiktok_gbk, US)
    assert "--encoding" in err.value.render() and "tiktok_gbk.csv" in err.value.render()
    assert read_orders(tiktok_gbk, Settings(market="US", encoding="gb18030")).table.frame["order_status"].notna().all()


def test_utf16_and_semicolons(tmp_path):
    text = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path = tmp_path / "semi.csv"
    path.write_bytes(out.getvalue().encode("utf-16"))
    result = read_orders(path, US)
    assert len(result.table.frame) == len(read_orders(EXPORTS / "us_2025.csv", US).table.frame)


def test_order_level_values_are_made_consistent_with_a_warning(tmp_path):
    lines = (EXPORTS / "us_2025.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    import csv
    import io

    rows = list(csv.reader(io.StringIO("".join(lines))))
    header = rows[0]
    oid, amount = header.index("Order ID"), header.index("Order Amount")
    ids = [r[oid].strip() for r in rows[2:]]
    target = next(i for i in ids if ids.count(i) > 1)
    second = [n for n, r in enumerate(rows) if n >= 2 and r[oid].strip() == target][1]
    rows[second][amount] = "999.99"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = tmp_path / "inconsistent.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    table = read_orders(path, US).table
    amounts = table.frame.loc[table.frame["order_id"] == target, "order_amount"]
    assert amounts.nunique() == 1 and 999.99 not in set(amounts)
    assert any(f"row {second + 1}" in w and "Order Amount" in w for w in table.warnings)


def test_blank_lines_keep_spreadsheet_row_numbers(tmp_path):
    text = (EXPORTS / "bad_quantity.csv").read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    path = tmp_path / "blank.csv"
    path.write_text(first + "\n\n" + rest, encoding="utf-8")
    from tkops.errors import BadValue
    from expectations import load

    with pytest.raises(BadValue) as err:
        read_orders(path, US)
    assert err.value.params["row"] == load(EXPORTS / "bad_quantity.expected.json")["row"] + 1


@pytest.mark.parametrize("name", ["us_returns.csv", "br_returns.xlsx"])
def test_a_return_export_given_as_orders_says_what_it_is(name):
    """A Return/Refund export shares many order headers: the message says which file it is and where orders come
    from, instead of a missing Quantity column."""
    from conftest import DATA
    from tkops.errors import DataError

    with pytest.raises(DataError) as err:
        read_orders(DATA / "returns" / name, Settings(market="US"))
    assert err.value.code == "returns_given_as_orders"
    assert name in err.value.render("en") and "Return/Refund export" in err.value.render("en")
    assert "退货/退款导出文件" in err.value.render("zh")


@pytest.mark.parametrize("option", ["date_format = 1", "encoding = [\"utf-8\"]", "decimal = 0.5", "currency = true"])
def test_a_mapping_option_that_is_not_text_is_named(tmp_path, option):
    from tkops.errors import ConfigError

    toml = tmp_path / "erp.mapping.toml"
    toml.write_text(f'name = "erp"\n{option}\n[columns]\n"Order No" = "Order ID"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        mapping.from_toml(toml)
    key = option.split(" = ")[0]
    assert err.value.code == "bad_mapping" and f"{key} must be text in quotes" in err.value.render("en")
    assert "erp" in err.value.render("zh")
