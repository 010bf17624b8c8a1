"""The XML of the parts :mod:`tests.book.extra_parts` adds to a workbook, minimal but laid out as Excel writes them
(ECMA-376 Part 1 for the pivot, external-link and customXml parts; [MS-XLSX] for rich data, slicers, threaded
comments and persons; [MS-CUSTOMUI] for the ribbon)."""

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PIVOT_CACHE = DECL + f"""<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{R}" r:id="rId1" refreshOnLoad="0" \
recordCount="3">\
<cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="Team"/></cacheSource><cacheFields count="2">\
<cacheField name="SKU" numFmtId="0"><sharedItems count="3"><s v="A-1"/><s v="B-2"/><s v="C-3"/></sharedItems>\
</cacheField>\
<cacheField name="Sold" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" \
containsInteger="1" minValue="2" maxValue="9"/></cacheField></cacheFields></pivotCacheDefinition>"""

PIVOT_RECORDS = DECL + f"""<pivotCacheRecords xmlns="{MAIN}" xmlns:r="{R}" count="3"><r><x v="0"/><n v="5"/></r>\
<r><x v="1"/><n v="9"/></r><r><x v="2"/><n v="2"/></r></pivotCacheRecords>"""

PIVOT_TABLE = DECL + f"""<pivotTableDefinition xmlns="{MAIN}" name="PivotTable1" cacheId="1" applyNumberFormats="0" \
applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" \
applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" \
indent="0" outline="1" outlineData="1"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>\
<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/>\
<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1">\
<field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i>\
</rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Sold" fld="1" \
baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" \
showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>"""

ACTIVEX = DECL + """<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" xmlns:r="%s" \
ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistStreamInit" r:id="rId1"/>""" % R

CUSTOM_XML = DECL + """<shop xmlns="urn:example:tkops-test"><owner>Team A</owner></shop>"""
CUSTOM_XML_PROPS = DECL + """<ds:datastoreItem ds:itemID="{6D3A1B52-2F0B-4C3E-9E7A-0F3C2B1A4D5E}" \
xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>\
<ds:schemaRef ds:uri="urn:example:tkops-test"/></ds:schemaRefs></ds:datastoreItem>"""

CUSTOM_UI = """<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs>\
<tab id="tkopsTest" label="Shop"><group id="g1" label="Orders"><button id="b1" label="Refresh" onAction="Refresh"/>\
</group></tab></tabs></ribbon></customUI>"""

METADATA = DECL + f"""<metadata xmlns="{MAIN}" \
xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata">\
<metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000" copy="1" pasteAll="1" \
pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1"/>\
</metadataTypes><futureMetadata name="XLRICHVALUE" count="1"><bk><extLst>\
<ext uri="{{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}}">\
<xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata><valueMetadata count="1"><bk><rc t="1" v="0"/></bk>\
</valueMetadata></metadata>"""
RICH_VALUES = DECL + """<rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1">\
<rv s="0"><v>0</v><v>5</v></rv></rvData>"""
RICH_STRUCTURES = DECL + """<rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" \
count="1"><s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s></rvStructures>"""
RICH_TYPES = DECL + """<rvTypesInfo xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata2" \
xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" \
xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><global><keyFlags><key name="_Self">\
<flag name="ExcludeFromFile" value="1"/><flag name="ExcludeFromCalcComparison" value="1"/></key></keyFlags></global>\
</rvTypesInfo>"""
RICH_VALUE_REL = DECL + f"""<richValueRels xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel" \
xmlns:r="{R}"><rel r:id="rId1"/></richValueRels>"""

EXTERNAL_LINK = DECL + f"""<externalLink xmlns="{MAIN}" xmlns:r="{R}"><externalBook r:id="rId1"><sheetNames>\
<sheetName val="Prices"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="n"><v>9.5</v>\
</cell></row></sheetData></sheetDataSet></externalBook></externalLink>"""

SLICER = DECL + """<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" \
xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" \
xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><slicer name="SKU" cache="Slicer_SKU" \
caption="SKU" rowHeight="241300"/></slicers>"""
SLICER_CACHE = DECL + """<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" \
xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" \
xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Slicer_SKU" sourceName="SKU">\
<pivotTables><pivotTable tabId="12" name="PivotTable1"/></pivotTables><data><tabular pivotCacheId="1"><items count="3">\
<i x="0" s="1"/><i x="1" s="1"/><i x="2" s="1"/></items></tabular></data></slicerCacheDefinition>"""

THREADED = DECL + """<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" \
xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="A2" \
dT="2026-11-20T09:15:00.00" personId="{0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0}" \
id="{11111111-2222-3333-4444-555555555555}"><text>best seller last month</text></threadedComment></ThreadedComments>"""
PERSONS = DECL + """<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" \
xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Mei" \
id="{0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0}" userId="mei@example.com" providerId="None"/></personList>"""
