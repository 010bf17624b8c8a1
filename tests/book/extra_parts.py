"""Workbooks holding every kind of part a team's book may carry, built for the tests without Excel: the tkops
sheets and a Team sheet with a chart, an image, a text box, a legacy comment, a form button, x14 data bars and
sparklines (XlsxWriter), then parts added to the zip the way Excel writes them: a pivot table and its cache, an OLE
object, an ActiveX control, customXml, a customUI ribbon, rich data (an image in a cell), an external link, a
slicer and threaded comments.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import xlsxwriter

from tkops.book.layout import ORDERS, STANDARD_SHEETS, orders_columns
from tkops.book.xlsx_new import WORKBOOK_OPTIONS, cell_formats, write_sheet
from tkops.jobs.new_book import starting_frame

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"


def png() -> bytes:
    """A 2x2 red PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def base_book(path: Path, orders: pd.DataFrame | None = None, vba: Path | None = None) -> Path:
    """The tkops sheets (Orders with ``orders``) and a Team sheet with drawings, comments and x14 formats."""
    options = dict(WORKBOOK_OPTIONS)
    wb = xlsxwriter.Workbook(str(path), options)
    formats = cell_formats(wb)
    for spec in STANDARD_SHEETS:
        if spec is ORDERS:
            spec = ORDERS.with_columns(orders_columns([], set()))
            frame = orders if orders is not None else starting_frame(spec, "en")
            frame = frame.reindex(columns=spec.headers)
        else:
            frame = starting_frame(spec, "en")
        write_sheet(wb, spec, frame, formats)
    team = wb.add_worksheet("Team")
    team.write_row(0, 0, ["SKU", "Sold", "Trend"])
    for r, (sku, sold) in enumerate([("A-1", 5), ("B-2", 9), ("C-3", 2)], start=1):
        team.write_row(r, 0, [sku, sold])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"categories": "=Team!$A$2:$A$4", "values": "=Team!$B$2:$B$4"})
    team.insert_chart("E2", chart)
    team.insert_image("E20", "logo.png", {"image_data": io.BytesIO(png())})
    team.insert_textbox("H20", "Team notes: restock B-2 on Friday")
    team.write_comment("A2", "best seller last month")
    team.insert_button("H2", {"macro": "Refresh", "caption": "Refresh"})
    team.conditional_format("B2:B4", {"type": "data_bar", "data_bar_2010": True, "bar_solid": True})
    team.add_sparkline("C2", {"range": "Team!B2:B4"})
    pivot = wb.add_worksheet("Pivot")
    pivot.write(0, 0, "Sum of Sold")
    if vba is not None:
        wb.add_vba_project(str(vba))
    wb.close()
    return path


def _read(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _write(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _sheet_of(parts: dict[str, bytes], name: str) -> str:
    wb = parts["xl/workbook.xml"].decode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rid = wb.split(f'name="{name}"', 1)[1].split('r:id="', 1)[1].split('"', 1)[0]
    target = rels.split(f'Id="{rid}"', 1)[1].split('Target="', 1)[1].split('"', 1)[0]
    return "xl/" + target.lstrip("/").removeprefix("xl/")


def _add_rel(parts: dict[str, bytes], rels_part: str, rid: str, rel_type: str, target: str,
             external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"{mode}/>'
    if rels_part in parts:
        parts[rels_part] = parts[rels_part].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    else:
        parts[rels_part] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
                            f'"http://schemas.openxmlformats.org/package/2006/relationships">{rel}</Relationships>'
                            ).encode()


def _override(parts: dict[str, bytes], part: str, content_type: str) -> None:
    item = f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", item + b"</Types>")


def _default(parts: dict[str, bytes], ext: str, content_type: str) -> None:
    if f'Extension="{ext}"'.encode() not in parts["[Content_Types].xml"]:
        item = f'<Default Extension="{ext}" ContentType="{content_type}"/>'.encode()
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"<Override", item + b"<Override", 1)


def _sheet_insert(parts: dict[str, bytes], sheet: str, before: list[str], xml: str) -> None:
    """Put ``xml`` into a sheet before the first of the ``before`` elements present (else before the end)."""
    data = parts[sheet].decode()
    for tag in before:
        at = data.find(f"<{tag}")
        if at >= 0:
            parts[sheet] = (data[:at] + xml + data[at:]).encode()
            return
    parts[sheet] = data.replace("</worksheet>", xml + "</worksheet>").encode()


def _workbook_insert(parts: dict[str, bytes], before: list[str], xml: str) -> None:
    data = parts["xl/workbook.xml"].decode()
    for tag in before:
        at = data.find(f"<{tag}")
        if at >= 0:
            parts["xl/workbook.xml"] = (data[:at] + xml + data[at:]).encode()
            return
    parts["xl/workbook.xml"] = data.replace("</workbook>", xml + "</workbook>").encode()


from tests.book.extra_xml import (  # noqa: E402  (the XML of each part, kept apart for length)
    ACTIVEX, CUSTOM_UI, CUSTOM_XML, CUSTOM_XML_PROPS, EXTERNAL_LINK, METADATA, PERSONS, PIVOT_CACHE, PIVOT_RECORDS,
    PIVOT_TABLE, RICH_STRUCTURES, RICH_TYPES, RICH_VALUE_REL, RICH_VALUES, SLICER, SLICER_CACHE, THREADED,
)

WB_REL = "xl/_rels/workbook.xml.rels"
WB_BEFORE = ["definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "extLst"]


def add_extra_parts(path: Path) -> list[str]:
    """Add to the book at ``path`` every part kind listed in the module docstring; returns their names."""
    parts = _read(path)
    added_before = set(parts)
    team = _sheet_of(parts, "Team")
    team_rels = team.replace("worksheets/", "worksheets/_rels/") + ".rels"
    pivot = _sheet_of(parts, "Pivot")
    pivot_rels = pivot.replace("worksheets/", "worksheets/_rels/") + ".rels"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    ms = "application/vnd.ms-excel."

    # a pivot table on Pivot summing Team!A1:B4, with its cache and records
    parts["xl/pivotCache/pivotCacheDefinition1.xml"] = PIVOT_CACHE.encode()
    parts["xl/pivotCache/pivotCacheRecords1.xml"] = PIVOT_RECORDS.encode()
    parts["xl/pivotTables/pivotTable1.xml"] = PIVOT_TABLE.encode()
    _add_rel(parts, "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", "rId1", R + "/pivotCacheRecords",
             "pivotCacheRecords1.xml")
    _add_rel(parts, "xl/pivotTables/_rels/pivotTable1.xml.rels", "rId1", R + "/pivotCacheDefinition",
             "../pivotCache/pivotCacheDefinition1.xml")
    _add_rel(parts, pivot_rels, "rIdPivot1", R + "/pivotTable", "../pivotTables/pivotTable1.xml")
    _add_rel(parts, WB_REL, "rIdCache1", R + "/pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")
    _workbook_insert(parts, ["smartTagPr", "extLst"],
                     '<pivotCaches><pivotCache cacheId="1" r:id="rIdCache1"/></pivotCaches>')
    _override(parts, "xl/pivotCache/pivotCacheDefinition1.xml", ct + "pivotCacheDefinition+xml")
    _override(parts, "xl/pivotCache/pivotCacheRecords1.xml", ct + "pivotCacheRecords+xml")
    _override(parts, "xl/pivotTables/pivotTable1.xml", ct + "pivotTable+xml")

    # an OLE object (an embedded package) and an ActiveX control on Team
    parts["xl/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    parts["xl/activeX/activeX1.xml"] = ACTIVEX.encode()
    parts["xl/activeX/activeX1.bin"] = bytes(range(64))
    _add_rel(parts, team_rels, "rIdOle1", R + "/oleObject", "../embeddings/oleObject1.bin")
    _add_rel(parts, team_rels, "rIdCtl1", R + "/control", "../activeX/activeX1.xml")
    _add_rel(parts, "xl/activeX/_rels/activeX1.xml.rels", "rId1",
             "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary", "activeX1.bin")
    _sheet_insert(parts, team, ["webPublishItems", "tableParts", "extLst"],
                  '<oleObjects><oleObject progId="Package" shapeId="3073" r:id="rIdOle1"/></oleObjects>'
                  '<controls><control shapeId="4097" r:id="rIdCtl1" name="CheckBox1"/></controls>')
    _default(parts, "bin", "application/vnd.openxmlformats-officedocument.oleObject")
    _override(parts, "xl/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")
    _override(parts, "xl/activeX/activeX1.bin", "application/vnd.ms-office.activeX")

    # customXml data and a customUI ribbon
    parts["customXml/item1.xml"] = CUSTOM_XML.encode()
    parts["customXml/itemProps1.xml"] = CUSTOM_XML_PROPS.encode()
    _add_rel(parts, "customXml/_rels/item1.xml.rels", "rId1", R + "/customXmlProps", "itemProps1.xml")
    _add_rel(parts, WB_REL, "rIdCx1", R + "/customXml", "../customXml/item1.xml")
    _override(parts, "customXml/itemProps1.xml",
              "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
    parts["customUI/customUI14.xml"] = CUSTOM_UI.encode()
    _add_rel(parts, "_rels/.rels", "rIdUi1", "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
             "customUI/customUI14.xml")

    # rich data: an image in a cell (Team!D2 points at value metadata 1)
    parts["xl/metadata.xml"] = METADATA.encode()
    parts["xl/richData/rdrichvalue.xml"] = RICH_VALUES.encode()
    parts["xl/richData/rdrichvaluestructure.xml"] = RICH_STRUCTURES.encode()
    parts["xl/richData/rdRichValueTypes.xml"] = RICH_TYPES.encode()
    parts["xl/richData/richValueRel.xml"] = RICH_VALUE_REL.encode()
    parts["xl/media/incell1.png"] = png()
    _add_rel(parts, "xl/richData/_rels/richValueRel.xml.rels", "rId1", R + "/image", "../media/incell1.png")
    _add_rel(parts, WB_REL, "rIdMeta1", R + "/sheetMetadata", "metadata.xml")
    _add_rel(parts, WB_REL, "rIdRv1", "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue",
             "richData/rdrichvalue.xml")
    _add_rel(parts, WB_REL, "rIdRv2", "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure",
             "richData/rdrichvaluestructure.xml")
    _add_rel(parts, WB_REL, "rIdRv3", "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueTypes",
             "richData/rdRichValueTypes.xml")
    _add_rel(parts, WB_REL, "rIdRv4", "http://schemas.microsoft.com/office/2022/10/relationships/richValueRel",
             "richData/richValueRel.xml")
    team_xml = parts[team].decode()
    row2 = team_xml.index('<row r="2"')
    end = team_xml.index("</row>", row2)
    parts[team] = (team_xml[:end] + '<c r="D2" t="e" vm="1"><v>#VALUE!</v></c>' + team_xml[end:]).encode()
    _override(parts, "xl/metadata.xml", ct + "sheetMetadata+xml")
    _override(parts, "xl/richData/rdrichvalue.xml", "application/vnd.ms-excel.rdrichvalue+xml")
    _override(parts, "xl/richData/rdrichvaluestructure.xml", "application/vnd.ms-excel.rdrichvaluestructure+xml")
    _override(parts, "xl/richData/rdRichValueTypes.xml", "application/vnd.ms-excel.rdrichvaluetypes+xml")
    _override(parts, "xl/richData/richValueRel.xml", "application/vnd.ms-excel.richvaluerel+xml")
    _default(parts, "png", "image/png")

    # an external link
    parts["xl/externalLinks/externalLink1.xml"] = EXTERNAL_LINK.encode()
    _add_rel(parts, "xl/externalLinks/_rels/externalLink1.xml.rels", "rId1", R + "/externalLinkPath",
             "file:///C:/Shop/prices.xlsx", external=True)
    _add_rel(parts, WB_REL, "rIdExt1", R + "/externalLink", "externalLinks/externalLink1.xml")
    _workbook_insert(parts, ["definedNames", "calcPr"],
                     '<externalReferences><externalReference r:id="rIdExt1"/></externalReferences>')
    _override(parts, "xl/externalLinks/externalLink1.xml", ct + "externalLink+xml")

    # a slicer on the pivot table, and threaded comments on Team
    parts["xl/slicers/slicer1.xml"] = SLICER.encode()
    parts["xl/slicerCaches/slicerCache1.xml"] = SLICER_CACHE.encode()
    _add_rel(parts, pivot_rels, "rIdSlicer1", "http://schemas.microsoft.com/office/2007/relationships/slicer",
             "../slicers/slicer1.xml")
    _add_rel(parts, WB_REL, "rIdSc1", "http://schemas.microsoft.com/office/2007/relationships/slicerCache",
             "slicerCaches/slicerCache1.xml")
    pivot_xml = parts[pivot].decode()
    parts[pivot] = pivot_xml.replace("</worksheet>", f'<extLst><ext uri="{{A8765BA9-456A-4dab-B4F3-ACF838C121DE}}" '
                                     f'xmlns:x14="{X14}"><x14:slicerList><x14:slicer r:id="rIdSlicer1"/>'
                                     "</x14:slicerList></ext></extLst></worksheet>").encode()
    _workbook_insert(parts, [], f'<extLst><ext uri="{{BBE1A952-AA13-448e-AADC-164F8A28A991}}" xmlns:x14="{X14}">'
                     '<x14:slicerCaches><x14:slicerCache r:id="rIdSc1"/></x14:slicerCaches></ext></extLst>')
    _override(parts, "xl/slicers/slicer1.xml", ms + "slicer+xml")
    _override(parts, "xl/slicerCaches/slicerCache1.xml", ms + "slicerCache+xml")
    parts["xl/threadedComments/threadedComment1.xml"] = THREADED.encode()
    parts["xl/persons/person.xml"] = PERSONS.encode()
    _add_rel(parts, team_rels, "rIdTc1", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
             "../threadedComments/threadedComment1.xml")
    _add_rel(parts, WB_REL, "rIdPerson1", "http://schemas.microsoft.com/office/2017/10/relationships/person",
             "persons/person.xml")
    _override(parts, "xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml")
    _override(parts, "xl/persons/person.xml", "application/vnd.ms-excel.person+xml")

    _write(path, parts)
    return sorted(set(parts) - added_before)
