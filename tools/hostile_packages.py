"""Hand-made workbook packages for the hostile corpus (tools/make_hostile.py) and the guard's tests: a minimal XLSX
around any sheet XML, cells and rows written in any form, zips whose headers lie, an ODS around any content."""

from __future__ import annotations

import io
import struct
import zipfile

ZIP_TIME = (2026, 11, 25, 0, 0, 0)
#: The header cells of the small order layout (the first 8 columns of tools/make_hostile.py's HEADERS).
HEADER_CELLS = ["Order ID", "Order Status", "Cancelation/Return Type", "SKU ID", "Seller SKU", "Product Name",
                "Variation", "Quantity"]


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 b'<Default Extension="xml" ContentType="application/xml"/>'
                 b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 b'spreadsheetml.sheet.main+xml"/>'
                 b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                 b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
        b'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.'
            b'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships"><sheets><sheet name="OrderSKUList" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
                 b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                 b'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 b'</Relationships>')


def package(sheet: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal XLSX with one sheet (OrderSKUList) holding ``sheet`` as its XML."""
    buf = io.BytesIO()
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": WORKBOOK,
             "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet, **(extra or {})}
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def sheet_xml(body: bytes, dimension: bytes = b"", root: bytes = b"worksheet", prefix: bytes = b"") -> bytes:
    ns = b' xmlns' + (b":" + prefix[:-1] if prefix else b"") + \
         b'="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    dim = b"<" + prefix + b'dimension ref="' + dimension + b'"/>' if dimension else b""
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><' + prefix + root + ns + b">" + dim + b"<"
            + prefix + b"sheetData>" + body + b"</" + prefix + b"sheetData></" + prefix + root + b">")


def text_cell(ref: str, value: str, prefix: bytes = b"") -> bytes:
    p = prefix
    return (b"<" + p + b'c r="' + ref.encode() + b'" t="inlineStr"><' + p + b"is><" + p + b"t>" + value.encode()
            + b"</" + p + b"t></" + p + b"is></" + p + b"c>")


def header_row(prefix: bytes = b"") -> bytes:
    cells = b"".join(text_cell(f"{chr(65 + i)}1", h, prefix) for i, h in enumerate(HEADER_CELLS))
    return b"<" + prefix + b'row r="1">' + cells + b"</" + prefix + b"row>"


def far_value(ref: str, row: int, prefix: bytes = b"") -> bytes:
    return (b"<" + prefix + b'row r="' + str(row).encode() + b'">' + text_cell(ref, "x", prefix) + b"</" + prefix
            + b"row>")


def patch_sizes(data: bytes, part: str, size: int, crc: int) -> bytes:
    """``data`` (a zip) with ``part``'s declared uncompressed size and CRC changed in both of its headers."""
    out = bytearray(data)
    name = part.encode()
    at = 0
    while (at := out.find(b"PK\x03\x04", at)) >= 0:
        if out[at + 30:at + 30 + len(name)] == name:
            struct.pack_into("<I", out, at + 14, crc)
            struct.pack_into("<I", out, at + 22, size)
        at += 4
    at = 0
    while (at := out.find(b"PK\x01\x02", at)) >= 0:
        if out[at + 46:at + 46 + len(name)] == name:
            struct.pack_into("<I", out, at + 16, crc)
            struct.pack_into("<I", out, at + 24, size)
        at += 4
    return bytes(out)


def ods(content: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        info = zipfile.ZipInfo("mimetype", date_time=ZIP_TIME)
        archive.writestr(info, b"application/vnd.oasis.opendocument.spreadsheet")
        for name, data in (("content.xml", content), ("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:'
                           b'manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def zip_of(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data)
    return buf.getvalue()


def flip_stored_byte() -> bytes:
    buf = io.BytesIO()
    sheet = sheet_xml(header_row())
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as archive:
        for name, data in {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": WORKBOOK,
                           "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet}.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data)
    data = bytearray(buf.getvalue())
    at = data.find(b"Order ID")
    data[at] ^= 0x20
    return bytes(data)


def two_sheets() -> bytes:
    workbook = WORKBOOK.replace(b'</sheets>', b'<sheet name="Notes" sheetId="2" r:id="rId2"/></sheets>')
    rels = WORKBOOK_RELS.replace(b"</Relationships>", b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.'
                                 b'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
                                 b"</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": workbook,
                           "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet1.xml": sheet_xml(header_row()),
                           "xl/worksheets/sheet2.xml": sheet_xml(far_value("XFD1048576", 1048576))}.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buf.getvalue()
