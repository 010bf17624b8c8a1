"""Small packages written by hand, for the corner cases of the sheet XML (a sheet laid out exactly as a test needs
it, which no library writes on demand)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from tkops.book.layout import ColumnSpec, Highlights, SheetSpec
from tkops.schema import Kind

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

STYLES = DECL + f"""<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>\
</fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
</fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""

#: The sheet the corner-case tests write: an ID, a number, text, and a hidden flags column coloured by rules.
SPEC = SheetSpec("Data", "Data", (ColumnSpec("Order ID", Kind.ID, 20), ColumnSpec("Qty", Kind.INT, 8),
                                  ColumnSpec("Note", Kind.TEXT, 30), ColumnSpec("Flags", Kind.TEXT, 10)),
                 lists={"Note": ["ok", "check"]}, hidden=("Flags",), highlights=Highlights("Flags", name="t_flags"))


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=SPEC.headers)


def make_book(path: Path, sheet_xml: str, extra: dict[str, str | bytes] | None = None,
              workbook_rels: str = "", overrides: str = "", shared: str | None = None) -> Path:
    """A workbook with one sheet "Data" holding ``sheet_xml`` (a whole worksheet part)."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
           'spreadsheetml.sharedStrings+xml"/>' if shared is not None else "") + overrides + "</Types>",
        "_rels/.rels": DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{R}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
        "xl/_rels/workbook.xml.rels": DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{R}/styles" Target="styles.xml"/>'
        + (f'<Relationship Id="rId3" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>' if shared is not None
           else "") + workbook_rels + "</Relationships>",
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def sheet(body: str, before: str = "", after: str = "", root_attrs: str = "") -> str:
    """A worksheet part: ``before`` sheetData, the rows ``body``, ``after`` it."""
    return (DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{R}"{root_attrs}>{before}<sheetData>{body}</sheetData>'
            f"{after}</worksheet>")


def istr(ref: str, text: str, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = '<row r="1">' + istr("A1", "Order ID") + istr("B1", "Qty") + istr("C1", "Note") + istr("D1", "Flags") \
    + "</row>"
