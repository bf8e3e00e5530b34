#!/usr/bin/env python3
"""Writes the small CMRT/XLSX test workbooks under Tests/Fixtures/xlsx/ (needs openpyxl).

All content is invented: company names, people and e-mails are fictitious; CIDs are real RMI
smelter ids only as identifiers. The workbooks follow the RMI CMRT 6.x cell layout (see
docs/cmrt.md): Declaration J3 revision text, D8..D22 company fields, Q1-Q8 at D26.., company
questions at D75.., Smelter List header row 4 / data from row 5 (columns A-T), Product List
header row 5 / data from row 6, Smelter Look-up header row 4 / data from row 5.
Hostile files (not a zip, zip bombs, path traversal, DOCTYPE) are built with zipfile directly.

Usage: python3 Scripts/make_cmrt_fixtures.py   (from the repository root)
       python3 Scripts/make_cmrt_fixtures.py declarers   (only Tests/Fixtures/er/declarers/*.xlsx)
"""
import datetime
import io
import os
import struct
import zipfile

import openpyxl

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "xlsx")
FIXED = datetime.datetime(2025, 1, 1)
SL_HEADERS = ["Smelter Identification Number Input Column", "Metal (*)", "Smelter Look-up (*)",
              "Smelter Name (1)", "Smelter Country (*)", "Smelter Identification",
              "Source of Smelter Identification Number", "Smelter Street", "Smelter City",
              "Smelter Facility Location: State / Province", "Smelter Contact Name",
              "Smelter Contact Email", "Proposed next steps", "Name of Mine(s)",
              "Location (Country) of Mine(s)", "Recycled or scrap?", "Comments",
              "Standard Smelter Name", "Country Code", "State / Province Code"]


def path(name):
    return os.path.join(OUT, name)


def new_cmrt(version_text="Revision 6.4\nApril 26, 2024", title="Conflict Minerals Reporting Template",
             chinese=False):
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    rev = wb.active
    rev.title = "Revision"
    rev["B3"] = title
    dec = wb.create_sheet("Declaration")
    dec["D2"] = ("冲突矿产报告模板 (CMRT)" if chinese else title + " (CMRT)")
    dec["D3"] = "中文 Chinese" if chinese else "English"
    dec["J3"] = version_text
    labels = {8: "公司名称（*）：" if chinese else "Company Name (*):",
              9: "申报范围或种类 (*):" if chinese else "Declaration Scope or Class (*):"}
    for row, label in labels.items():
        dec[f"B{row}"] = label
    sl = wb.create_sheet("Smelter List")
    sl["Q3"] = version_text
    for i, header in enumerate(SL_HEADERS):
        sl.cell(row=4, column=i + 1, value=("冶炼厂" + str(i)) if chinese else header)
    pl = wb.create_sheet("Product List")
    pl["B5"], pl["C5"], pl["D5"] = "Manufacturer's Product Number (*)", "Manufacturer's Product Name", "Comments"
    return wb


def declaration(wb, fields, q1, more=None, company=None):
    dec = wb["Declaration"]
    for cell, value in fields.items():
        dec[cell] = value
    for offset, answer in enumerate(q1):  # Q1 Ta, Sn, Au, W at D26..D29
        if answer is not None:
            dec[f"D{26 + offset}"] = answer
    for cell, value in (more or {}).items():
        dec[cell] = value
    for cell, value in (company or {}).items():
        dec[cell] = value


def smelters(wb, rows):
    sl = wb["Smelter List"]
    for r, values in enumerate(rows):
        for col, value in values.items():
            sl[f"{col}{5 + r}"] = value


def lookup(wb, rows):
    lk = wb.create_sheet("Smelter Look-up")
    for i, header in enumerate(["Metal", "Smelter Look-up (*)", "Standard Smelter Names",
                                "Smelter Facility Location: Country", "Smelter ID",
                                "Source of Smelter Identification Number"]):
        lk.cell(row=4, column=i + 1, value=header)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            lk.cell(row=5 + r, column=c + 1, value=value)


FULL_FIELDS = {"D9": "A. Company", "D12": "5493001KJTIIGC8Y1R12", "D13": "LEI", "D14": "1 Example Road",
               "D15": "Pat Example", "D16": "pat@example.invalid", "D17": "+44 0000 000000",
               "D18": "Sam Example", "D19": "Director", "D20": "sam@example.invalid",
               "D22": datetime.datetime(2024, 5, 2)}


def clean():
    """A complete, consistent 6.4 declaration: 3 smelter rows (Ta, Sn), 2 products, tiny look-up."""
    wb = new_cmrt()
    declaration(wb, dict(FULL_FIELDS, D8="Acme Widgets Ltd"), ["Yes", "Yes", "No", "No"],
                more={"D32": "Yes", "D33": "Yes", "D56": "100%", "D57": "Greater than 90%"},
                company={"D75": "Yes", "D77": "Yes", "G77": "https://example.invalid/policy", "D89": "No"})
    smelters(wb, [
        {"A": "CID002500", "B": "Tantalum", "C": "Example Tantalum Smelter", "E": "CHINA", "F": "CID002500",
         "G": "RMI", "I": "Jiujiang", "R": "Example Tantalum Smelter", "S": "CN"},
        {"B": "Tin", "C": "Example Tin Smelter", "E": "INDONESIA", "F": "CID001070", "G": "RMI",
         "P": "No", "R": "Example Tin Smelter Standard", "S": "ID"},
        {"B": "Tin", "C": "Smelter not listed", "D": "Unlisted Tin Works Pty Ltd", "E": "AUSTRALIA"},
    ])
    pl = wb["Product List"]
    pl["B6"], pl["C6"] = "P-100", "Widget"
    pl["B7"], pl["C7"], pl["D7"] = "P-200", "Gadget", "contains tin solder"
    lookup(wb, [["Tantalum", "Example Tantalum Smelter", "Example Tantalum Smelter", "CHINA", "CID002500", "RMI"],
                ["Tantalum", "Old Name Tantalum", "Example Tantalum Smelter", "CHINA", "CID002500", "RMI"],
                ["Tin", "Example Tin Smelter", "Example Tin Smelter Standard", "INDONESIA", "CID001070", "RMI"],
                ["Gold", "Example Gold Refinery", "Example Gold Refinery", "UNITED STATES OF AMERICA", "CID000015",
                 "RMI"],
                ["Gold", "Smelter not listed", None, None, None, None],
                ["Tin", "Broken Row", "Broken Row", "JAPAN", "CID12", "RMI"]])
    wb.save(path("cmrt_clean.xlsx"))


def messy():
    """Tab padding, a text date, Chinese labels, scope C without description, duplicate CIDs,
    0 placeholders, malformed CID, incomplete 'Smelter not listed', 'not yet identified',
    country names only, Q1 Gold Yes without rows, tungsten rows with Q1 No, Q6 as number 1."""
    wb = new_cmrt(version_text="Revision 6.22\nMay 11, 2022", chinese=True)
    fields = dict(FULL_FIELDS, D8="  Messy Metals GmbH\t\t\t", D9="C. User defined [Specify in 'Description of scope']",
                  D12="12-345-6789", D13="DUNS", D22="02-May-2024")
    declaration(wb, fields, ["Yes\t", "Yes", "Yes", "No"], more={"D56": 1})
    smelters(wb, [
        {"A": "CID001522", "B": "Tantalum", "C": "Example Ta\t", "E": "CHINA", "F": "CID001522\t", "G": 0, "H": 0,
         "S": "CN"},
        {"A": "CID001522", "B": "Tantalum", "C": "Example Ta", "E": "CHINA", "F": "CID001522", "G": "0", "H": 0},
        {"B": "Tin", "C": "Smelter not listed", "D": "\tNo Id Tin Co., Ltd.", "E": "United States Of America",
         "M": "0", "N": 0, "O": 0},
        {"B": "Tin", "C": "Smelter not listed", "D": "Half Known Tin"},
        {"B": "Tin", "C": "Smelter not yet identified", "E": "Unknown"},
        {"B": "Tin", "C": "Typo Smelter", "E": "KOREA, REPUBLIC OF", "F": "CID12345"},
        {"A": "CID002082", "B": "Tungsten", "C": "Example W", "E": "Viet Nam", "F": "CID002082"},
        {"B": "Tungsten", "C": "Example W2", "E": "Atlantis", "F": "CID002320"},
    ])
    wb.save(path("cmrt_messy.xlsx"))


def blank_company():
    """Company name blank, effective date text that is not a date, one gold smelter."""
    wb = new_cmrt(version_text="Revision 6.5\nApril 25, 2025")
    declaration(wb, dict(FULL_FIELDS, D22="sometime in May"), ["No", "No", "Yes", "No"])
    smelters(wb, [{"B": "Gold", "C": "Example Gold Refinery", "E": "UNITED STATES OF AMERICA", "F": "CID000015",
                   "S": "US"}])
    wb.save(path("cmrt_blank_company.xlsx"))


def emrt():
    wb = new_cmrt(version_text="Revision 2.1\nOctober 17, 2025", title="Extended Mineral Reporting Template")
    wb["Declaration"]["D2"] = "Extended Minerals Reporting Template (EMRT)"
    declaration(wb, {"D8": "Cobalt Buyer AB", "D9": "A. Company"}, [None] * 4)
    smelters(wb, [{"B": "Cobalt", "C": "Example Cobalt Refinery", "E": "FINLAND", "F": "CID003000", "S": "FI"}])
    wb.save(path("emrt_2x.xlsx"))


def cmrt_2x():
    """CMRT 2.03a layout: B metal, C reference list, D name, E country, F smelter ID (legacy)."""
    wb = new_cmrt(version_text="Revision 2.03a\nJuly 25th, 2013")
    wb["Smelter List"]["Q3"] = None
    wb["Smelter List"]["O3"] = "Revision 2.03a July 25th 2013"
    declaration(wb, {"D8": "Old Template Inc.", "D9": "A. Company Level"}, [None] * 4)
    smelters(wb, [{"B": "Gold", "C": "Example Gold", "D": "Example Gold", "E": "GERMANY", "F": "#N/A",
                   "G": "Street 1", "O": "old comment"},
                  {"B": "Tin", "C": "Legacy Tin", "D": "Legacy Tin", "E": "CHINA", "F": "1CHN023"}])
    wb.save(path("cmrt_2x.xlsx"))


def missing_smelter_list():
    wb = new_cmrt()
    del wb["Smelter List"]
    declaration(wb, dict(FULL_FIELDS, D8="No List Co"), ["No", "No", "No", "No"])
    wb.save(path("missing_smelter_list.xlsx"))


def unknown_version():
    wb = new_cmrt(version_text="Revision 9.9\nJanuary 1, 2031")
    declaration(wb, {"D8": "Future Co"}, [None] * 4)
    wb.save(path("unknown_version.xlsx"))


def no_declaration():
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED
    wb.active["A1"] = "just a spreadsheet"
    wb.save(path("no_declaration.xlsx"))


# ---- hand-built packages -------------------------------------------------------------------

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def write_zip(name, parts, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), "w", method) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)


def handmade():
    """Every cell type: shared strings with rich-text runs and a phonetic guide, inline strings
    (plain and rich), formula string/number with cached values, booleans, errors, numbers, and
    a cell without an r attribute; an absolute relationship target; the 1904 date system."""
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {RNS}><workbookPr date1904="1"/><sheets>'
                '<sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Other" sheetId="2" r:id="rId2"/>'
                '</sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{REL_T}worksheet" Target="/xl/worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_T}worksheet" Target="worksheets/../worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId3" Type="{REL_T}sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId4" Type="{REL_T}hyperlink" Target="http://example.invalid/" '
            'TargetMode="External"/></Relationships>')
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="4" uniqueCount="4">'
           '<si><t>plain</t></si>'
           '<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">text </t></r><r><t>runs</t></r></si>'
           '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>'
           '<si><t>  padded\t</t></si></sst>')
    sheet1 = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
              '<c r="D1" t="s"><v>3</v></c></row>'
              '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c>'
              '<c r="B2" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line rich</t></r></is></c>'
              '<c r="C2" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="D2"><f>1+1</f><v>2</v></c></row>'
              '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c>'
              '<c r="D3"><v>45414</v></c><c r="E3" s="1"/><c r="F3" t="str"><f>""</f><v></v></c></row>'
              '<row r="5"><c r="A5"><v>3.25</v></c><c><v>7</v></c></row>'
              '</sheetData></worksheet>')
    sheet2 = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>other</t></is></c></row></sheetData></worksheet>')
    write_zip("handmade.xlsx", [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", workbook),
                                ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml", sst),
                                ("xl/worksheets/sheet1.xml", sheet1), ("xl/worksheets/sheet2.xml", sheet2)])


def minimal_parts(workbook_xml):
    return [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", workbook_xml),
            ("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"/>')]


def hostile():
    with open(path("not_a_zip.xlsx"), "wb") as f:
        f.write(b"This is plain text pretending to be a workbook.\n")
    with open(path("csv_renamed.xlsx"), "wb") as f:
        f.write(b"id,name,country\nS1,Shenzhen Widget Co,CN\n")
    # 300 MB of zeros, bzip2-compressed: the header declares 300 MB, over the 256 MB limit.
    zeros = b"\0" * (300 << 20)
    with zipfile.ZipFile(path("zip_bomb.xlsx"), "w", zipfile.ZIP_BZIP2, compresslevel=9) as z:
        for part, data in minimal_parts(""):
            if part != "xl/workbook.xml":
                z.writestr(zipfile.ZipInfo(part, date_time=(2025, 1, 1, 0, 0, 0)), data)
        info = zipfile.ZipInfo("xl/workbook.xml", date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_BZIP2
        z.writestr(info, zeros)
    del zeros
    # 20 MB of spaces, deflated (~20 KB): ratio about 1000:1, over the 200:1 limit.
    padding = b"<?xml version=\"1.0\"?><workbook " + NS.encode() + b">" + b" " * (20 << 20) + b"</workbook>"
    write_zip("zip_bomb_ratio.xlsx", minimal_parts(padding))
    # Same payload, but both headers lie: they declare 4,000 inflated bytes. Only counting while
    # inflating catches it.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in minimal_parts(padding):
            info = zipfile.ZipInfo(part, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    data = bytearray(buffer.getvalue())
    real = struct.pack("<I", len(padding))
    fake = struct.pack("<I", 4000)
    count = 0
    start = 0
    while True:
        index = data.find(real, start)
        if index < 0:
            break
        data[index:index + 4] = fake
        count += 1
        start = index + 4
    assert count == 2, count  # local header + central directory
    with open(path("zip_bomb_lying.xlsx"), "wb") as f:
        f.write(bytes(data))
    wb_xml = (f'<?xml version="1.0"?><workbook {NS} {RNS}><sheets><sheet name="Declaration" sheetId="1" '
              'r:id="rId1"/></sheets></workbook>')
    write_zip("zip_slip.xlsx", minimal_parts(wb_xml) + [("../../evil.txt", "escaped")])
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              f'<workbook {NS}><sheets>&lol2;</sheets></workbook>')
    write_zip("doctype.xlsx", minimal_parts(laughs))
    write_zip("malformed_xml.xlsx", minimal_parts(f'<?xml version="1.0"?><workbook {NS}><sheets><sheet'))
    write_zip("missing_workbook_part.xlsx", [("[Content_Types].xml", CT), ("_rels/.rels", RELS)])


DECLARERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "er", "declarers")


def declarer_workbooks():
    """CMRTs whose declaring companies are suppliers under other spellings (Tests/Fixtures/er/declarers/,
    docs/entity-resolution.md §7.1). Invented companies; D14 is the only contact-like field (a
    company address); no person, e-mail or phone."""
    cases = [
        # exact normalised name (SPEC §2.8): merged by name as before
        ("acme.xlsx", "Acme Metals Co., Ltd.", "12 Foundry Road, Ningbo, Zhejiang, China"),
        # CO.LTD defeats the exact rule; same address: the engine decides same and links it
        ("brighton.xlsx", "Brighton Solder Co., Ltd.", "Lot 5, Jalan Timah 3, 41050 Klang, Selangor, Malaysia"),
        # a bracketed place and no supplier address: possible, reported
        ("coral.xlsx", "Coral Tin Smelting (Thailand) Co., Ltd.", "99 Moo 4, Phuket, Thailand"),
        # a different company with a near name and another address: never merged
        ("everbright.xlsx", "Everbright Alloy Co., Ltd.", "7 Harbour Street, Xiamen, Fujian, China"),
        # would link (same name and address) but a not_same judgement overrides it
        ("fortune.xlsx", "Fortune Metal Co., Ltd.", "3 Gold Avenue, Shenzhen, Guangdong, China"),
    ]
    os.makedirs(DECLARERS, exist_ok=True)
    for name, company, address in cases:
        wb = new_cmrt()
        declaration(wb, {"D8": company, "D9": "A. Company", "D14": address, "D22": datetime.datetime(2025, 3, 1)},
                    ["No", "Yes", "No", "No"])
        smelters(wb, [{"A": "CID001070", "B": "Tin", "C": "Example Tin Smelter", "E": "INDONESIA", "F": "CID001070",
                       "G": "RMI", "S": "ID"}])
        wb.save(os.path.join(DECLARERS, name))


def main():
    import sys
    if sys.argv[1:] == ["declarers"]:
        declarer_workbooks()
        return
    os.makedirs(OUT, exist_ok=True)
    clean()
    messy()
    blank_company()
    emrt()
    cmrt_2x()
    missing_smelter_list()
    unknown_version()
    no_declaration()
    handmade()
    hostile()


if __name__ == "__main__":
    main()
