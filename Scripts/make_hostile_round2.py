#!/usr/bin/env python3
"""Writes the second-round hostile cases under Tests/Fixtures/hostile/ (issue #14).

Small files only (no openpyxl needed). Cases that need the file system's help (symbolic links,
FIFOs, devices, hard links, non-UTF-8 names, very deep paths) and the large super-linear shapes
are built by the Swift tests at run time (Tests/TierscanCLITests/HostileRound2*.swift); outcomes
of the committed files are rows of EXPECTED.tsv. See docs/reliability.md.

Usage: python3 Scripts/make_hostile_round2.py   (from the repository root)
"""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "Fixtures", "hostile")
REL = b"from,to,type,share,confidence\n"
NS = 'xmlns="urn:tierscan:disclosure:1"'
DISCLOSER = '<discloser id="ACME" name="Acme Ltd" country="GB"/>'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def write(sub, name, data):
    os.makedirs(os.path.join(OUT, sub), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, sub, name), "wb") as f:
        f.write(data)


def numbers():
    """Class 1: numbers that trapped or were read as hexadecimal."""
    w = lambda name, data: write("csv", name, data)
    w("r2-share-20-digits.csv", REL + b"H1,ACME,owns,12345678901234567890,\nH2,ACME,owns,"
      + b"9" * 40 + b",\n")
    w("r2-share-trailing-zeros.csv", REL + b"H1,ACME,owns,50." + b"0" * 40 + b",0.9" + b"0" * 40 + b"\n"
      + b"H2,ACME,owns,100000000000000000000" + b"0" * 20 + b"e-38,\n")
    w("r2-confidence-20-digits.csv", REL + b"S1,ACME,supplies,,99999999999999999999\nS2,ACME,supplies,,0."
      + b"1" * 30 + b"0" * 30 + b"1\n")
    w("r2-hex-share.csv", REL + b"H1,ACME,owns,0x10,\nH2,ACME,owns,0X1P4,\n")
    w("r2-hex-float-confidence.csv", REL + b"S1,ACME,supplies,,0x1p-1\nS2,ACME,supplies,,0x.8p0\n")
    w("r2-hex-score.csv", b"country,category,score\nCN,forced_labour,0x1p-1\nIN,child_labour,infinity\n")
    w("r2-year-huge.csv", b"from,to,type,reporting_year\nS1,ACME,supplies,99999999999999999999\n"
      b"S2,ACME,supplies,0x7E8\n")
    x = lambda name, data: write("xml", name, data)
    x("r2-hex-share.xml", HEAD + f'<disclosure {NS}>{DISCLOSER}<owner id="H1" name="H" share="0x10"/>'
      '<supplier id="S1" confidence="0x1p-1"/></disclosure>\n')
    x("r2-long-share.xml", HEAD + f'<disclosure {NS}>{DISCLOSER}<owner id="H1" name="H" share="'
      + "9" * 400 + '"/><supplier id="S1" confidence="0.' + "0" * 400 + '1"/></disclosure>\n')


def hidden_errors():
    """Class 8: the input errors that explain an unknown focus."""
    w = lambda name, data: write("csv", name, data)
    w("r2-focus-ragged.csv", b"id,name,country\nACME,Acme Ltd,GB,extra\nS1,Supplier,CN\n")
    w("r2-focus-bad-quote.csv", b'id,name,country\nACME,"Acme "Ltd",GB\n')


def honesty():
    """Class 9: values that try to forge finding lines or flood stderr; workbook references."""
    w = lambda name, data: write("csv", name, data)
    w("r2-newline-forgery.csv", b'id,name,country\nS1,Acme,"GB\nfake.csv:9: error: forged-rule: gotcha"\n'
      b'S2,Widget,"CN\rfake.csv:10: error: forged-rule: carriage return"\n')
    w("r2-escape-sequences.csv", b'id,name,country\nS1,"\x1b[31mred\x1b[0m Ltd","\x1b]0;title\x07GB"\n'
      b'S2,Line\xe2\x80\xa8Separator,"\xc2\x85CN"\n')
    w("r2-long-value.csv", b"id,name,country\nS1,Acme," + b"Z" * 200000 + b"\n")
    sheet = (f'<?xml version="1.0"?><worksheet {XNS}><sheetData><c t="inlineStr"><is><t>outside</t></is></c>'
             '<row r="-5"><c r="A1"><v>1</v></c></row><row r="abc"><c r="B2"><v>2</v></c></row>'
             '<row r="3"><c r="J3" t="inlineStr"><is><t>6.4</t></is></c><c r="A1048577"><v>3</v></c>'
             '<c r="XFE3"><v>4</v></c><c r="$$3"><v>5</v></c></row></sheetData></worksheet>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL_T}worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    write_zip("r2-bad-references.xlsx", [("[Content_Types].xml", CT), ("_rels/.rels", RELS),
                                         ("xl/workbook.xml", WB_DECL), ("xl/_rels/workbook.xml.rels", rels),
                                         ("xl/worksheets/sheet1.xml", sheet)])


XNS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB_DECL = (f'<?xml version="1.0"?><workbook {XNS} {RNS}><sheets><sheet name="Declaration" sheetId="1" '
           'r:id="rId1"/></sheets></workbook>')


def write_zip(name, entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in entries:
            info = zipfile.ZipInfo(part, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    write("xlsx", name, buffer.getvalue())


def main():
    numbers()
    hidden_errors()
    honesty()


if __name__ == "__main__":
    main()
