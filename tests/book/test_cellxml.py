"""Cell references and the ``<c>`` elements tkops writes (docs/ooxml.md#cells-tkops-writes)."""

from __future__ import annotations

import datetime as dt

import pytest

from tkops.book.ooxml.cellxml import (
    cell_xml, column_index, column_letter, escape_text, number_text, range_bounds, serial, split_ref,
)


@pytest.mark.parametrize("index, letters", [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (702, "ZZ"),
                                            (703, "AAA"), (16384, "XFD")])
def test_column_letters(index, letters):
    assert column_letter(index) == letters
    assert column_index(letters) == index
    assert column_index(letters.lower()) == index


def test_references_and_ranges():
    assert split_ref("B7") == (7, 2)
    assert split_ref("$AB$12") == (12, 28)
    assert range_bounds("A1:XFD1048576") == (1, 1, 1048576, 16384)
    assert range_bounds("C3") == (3, 3, 3, 3)
    with pytest.raises(ValueError):
        split_ref("7B")
    with pytest.raises(ValueError):
        split_ref("ABCD1")


def test_text_is_escaped_for_xml_and_for_excel():
    assert escape_text("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert escape_text("x\x00\x07y\x0bz") == "xyz"
    assert escape_text("tab\tline\nend") == "tab\tline\nend"
    assert escape_text("a\r\nb") == "a&#13;\nb"
    assert escape_text("_x0041_ and _x00ff_ and _X0041_") == "_x005F_x0041_ and _x005F_x00ff_ and _X0041_"
    assert escape_text("_x004_ _xZZZZ_") == "_x004_ _xZZZZ_"
    assert escape_text("bad\ud800\ufffe\uffffok") == "badok"
    assert escape_text('"quotes" \'kept\'') == '"quotes" \'kept\''


def test_serial_numbers_of_dates_and_times():
    assert serial(dt.datetime(1900, 1, 1)) == 1
    assert serial(dt.datetime(1900, 2, 28)) == 59
    assert serial(dt.datetime(1900, 3, 1)) == 61  # Excel's 29 February 1900 is serial 60
    assert serial(dt.date(2026, 11, 25)) == 46351
    assert serial(dt.datetime(2026, 11, 25, 12, 0)) == 46351.5
    assert serial(dt.datetime(2026, 11, 25, 6, 0), date1904=True) == 46351 - 1462 + 0.25
    assert serial(dt.datetime(1904, 1, 1), date1904=True) == 0
    assert serial(dt.time(6, 0)) == 0.25
    assert serial(dt.time(6, 30, 15)) == pytest.approx((6 * 3600 + 30 * 60 + 15) / 86400, rel=1e-12)
    assert serial(dt.time(0, 0, 1, 500000)) == pytest.approx(1.5 / 86400, rel=1e-12)
    assert serial(dt.timedelta(days=1, hours=12)) == 1.5
    aware = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert serial(aware) == 46351.5
    assert serial(dt.datetime(2026, 11, 25, 0, 0, 0, 864000)) == pytest.approx(46351 + 0.864 / 86400, abs=1e-12)


def test_numbers_as_text():
    assert number_text(5) == "5"
    assert number_text(-5.0) == "-5"
    assert number_text(0.1) == "0.1"
    assert number_text(1e15) == "1000000000000000"
    assert number_text(1e20) == "1e+20"
    assert number_text(2.0**53 - 1) == "9007199254740991"
    assert number_text(2.0**53) == "9007199254740992.0"  # past 2**53 a double is no longer an exact whole number
    assert number_text(123456789012345.0) == "123456789012345"
    assert number_text(2.5e-7) == "2.5e-07"


def test_cells_of_each_kind():
    assert cell_xml("A1", "=1+1", 0) == '<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>'
    assert cell_xml("B2", "x", 3, "x:") == '<x:c r="B2" s="3" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c>'
    # whitespace at either end is kept by saying so; inside the text it needs nothing
    assert cell_xml("A1", " x", 0) == '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>'
    assert cell_xml("A1", "x\n", 0) == '<c r="A1" t="inlineStr"><is><t xml:space="preserve">x\n</t></is></c>'
    assert cell_xml("A1", "\tx", 0).count('xml:space="preserve"') == 1
    assert cell_xml("A1", "a b\nc", 0) == '<c r="A1" t="inlineStr"><is><t>a b\nc</t></is></c>'
    assert cell_xml("A1", 7, 0) == '<c r="A1"><v>7</v></c>'
    assert cell_xml("A1", 7.25, 2) == '<c r="A1" s="2"><v>7.25</v></c>'
    assert cell_xml("A1", True, 0) == '<c r="A1" t="b"><v>1</v></c>'
    assert cell_xml("A1", False, 0) == '<c r="A1" t="b"><v>0</v></c>'
    assert cell_xml("A1", float("inf"), 0) == '<c r="A1" t="e"><v>#NUM!</v></c>'
    assert cell_xml("A1", float("nan"), 0) == '<c r="A1" t="e"><v>#NUM!</v></c>'
    assert cell_xml("A1", dt.datetime(2026, 11, 25, 12), 5) == '<c r="A1" s="5"><v>46351.5</v></c>'
    assert cell_xml("A1", dt.date(1904, 1, 2), 5, date1904=True) == '<c r="A1" s="5"><v>1</v></c>'
    # float noise below a microsecond is rounded away: 1 microsecond past midnight is written as the whole day
    assert cell_xml("A1", dt.datetime(2026, 11, 25, 0, 0, 0, 1), 0) == '<c r="A1"><v>46351</v></c>'
    assert cell_xml("A1", dt.datetime(2026, 11, 25, 0, 0, 0, 50), 0) == '<c r="A1"><v>46351.0000000006</v></c>'
    assert cell_xml("A1", None, 0) == ""
    assert cell_xml("A1", "", 0) == ""
    assert cell_xml("A1", None, 4) == '<c r="A1" s="4"/>'
    assert cell_xml("A1", "", 4) == '<c r="A1" s="4"/>'
    assert cell_xml("A1", ("tuple",), 0) == ('<c r="A1" t="inlineStr"><is><t>(&apos;tuple&apos;,)'
                                            '</t></is></c>').replace("&apos;", "'")
