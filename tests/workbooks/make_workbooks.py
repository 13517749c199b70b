#!/usr/bin/env python3
"""Writes the workbooks the spreadsheet tests read (issue 18), as a cadre's files come: by openpyxl (the way
Excel lays out a file), and by hand with the zip module in the shapes other writers use (WPS-style inline strings
and prefixed names, phonetic runs, absolute part names), plus broken ones: a zip bomb, a damaged zip, a password-
protected (encrypted) container. Usage: make_workbooks.py OUTDIR"""
import os
import struct
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

# The national system's shape: one row per household, the streams summed, under a merged title and a note row.
HOUSEHOLD_HEADER = ["序号", "户主姓名", "证件号码", "家庭人口数", "工资性收入", "其中：公益性岗位收入",
                    "生产经营性收入", "生产经营性支出", "财产性收入", "其中：资产收益扶贫分红收入", "转移性收入",
                    "养老金或离退休金", "计划生育金", "生态补偿金", "最低生活保障金", "特困供养金", "人均纯收入"]
HOUSEHOLDS = [
    [1, "李国强", "530524197901010011", 4, 36000, 9600, 12000, 4000, 800, 800, 2400, 1800, 0, 300, 0, 0, None],
    [2, "王秀英", "530524198103030022", 3, 18000.5, 0, 5000, 1500.25, 0, 0, 1200, 1200, 0, 0, 0, 0, None],
    [3, "张婧", "530524199005050043", 2, 0, 0, 3000, 1000, 0, 0, 6500, 0, 0, 0, 6500, 0, None],
]


def household_sheet(ws, title_rows):
    width = len(HOUSEHOLD_HEADER)
    row = 1
    if title_rows:
        ws.cell(row=1, column=1, value="某村2024年脱贫户家庭收入测算表")
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
        ws.cell(row=1, column=1).font = Font(bold=True, size=16)
        ws.cell(row=2, column=1, value="填报单位：某乡镇　　单位：元")
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
        row = 3
    for c, name in enumerate(HOUSEHOLD_HEADER, 1):
        ws.cell(row=row, column=c, value=name)
    for h in HOUSEHOLDS:
        row += 1
        for c, v in enumerate(h, 1):
            ws.cell(row=row, column=c, value=v)
        # 人均纯收入 as the county sheets compute it: a formula (openpyxl stores no cached value).
        ws.cell(row=row, column=width, value=f"=(E{row}+G{row}-H{row}+I{row}+K{row})/D{row}")
    ws.freeze_panes = ws.cell(row=(3 if title_rows else 1) + 1, column=1)


wb = openpyxl.Workbook()
ws = wb.active
ws.title = "说明"
ws["A1"] = "本表由村委会填报"
household_sheet(wb.create_sheet("收入测算"), True)
wb.save(os.path.join(out, "per-household-openpyxl.xlsx"))

# The village ledger's shape: one row per member.
MEMBER_HEADER = ["户编号", "户主", "姓名", "证件号码", "与户主关系", "出生年份", "劳动技能", "务工时间（月）",
                 "务工所在地", "月工资", "在校生状况"]
MEMBERS = [
    ["H01", "李国强", "李国强", "530524197901010011", "户主", 1979, "普通劳动力", 10, "省外", 4000, ""],
    ["H01", "李国强", "王玥", "530524198103030022", "配偶", 1981, "普通劳动力", 8, "县内", 2500, ""],
    ["H01", "李国强", "李昇", "530524201301010033", "之子", 2013, "无劳动力", None, "", None, "小学"],
    ["H02", "张堃", "张堃", "530524195505050044", "户主", 1955, "丧失劳动力", None, "", None, ""],
]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "家庭成员"
ws["A1"] = "某村2024年农户家庭成员台账"
ws.merge_cells("A1:K1")
for c, name in enumerate(MEMBER_HEADER, 1):
    ws.cell(row=2, column=c, value=name)
for r, m in enumerate(MEMBERS, 3):
    for c, v in enumerate(m, 1):
        ws.cell(row=r, column=c, value=v)
wb.save(os.path.join(out, "per-member-openpyxl.xlsx"))


# By hand: another writer's conventions — prefixed element names (x:), inline strings, a shared string with a
# phonetic run and rich-text runs, an absolute part name, a number in exponent form, cells without "r".
def write_zip(path, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, text in parts.items():
            z.writestr(name, text)


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}"><x:sheets><x:sheet name="花名册" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="x" Target="/xl/worksheets/data.xml"/></Relationships>',
    "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="{MAIN}"><x:si><x:r><x:t>户</x:t></x:r><x:r><x:t>主</x:t></x:r><x:rPh sb="0" eb="1"><x:t>hu</x:t></x:rPh></x:si><x:si><x:t xml:space="preserve"> 月工资 </x:t></x:si></x:sst>',
    "xl/worksheets/data.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
    '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>'
    '<x:row><x:c t="inlineStr"><x:is><x:t>和&amp;丽</x:t></x:is></x:c><x:c><x:v>1.5E3</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c>'
    '<x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:f>SUM(A1:A2)</x:f></x:c><x:c t="str"><x:f>A3</x:f><x:v>文字</x:v></x:c></x:row>'
    '</x:sheetData></x:worksheet>',
}
write_zip(os.path.join(out, "wps-style.xlsx"), parts)

# Far columns: a cell at ZZZ in each of 1000 rows is 18 278 cells a row (the empty ones to its left take memory too).
far = dict(parts)
far["xl/worksheets/data.xml"] = (f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>' +
                                 "".join(f'<x:row r="{r}"><x:c r="ZZZ{r}"><x:v>1</x:v></x:c></x:row>'
                                         for r in range(1, 1001)) + "</x:sheetData></x:worksheet>")
write_zip(os.path.join(out, "far-columns.xlsx"), far)

# A zip bomb: one sheet part of 600 MB of spaces, deflated to well under a megabyte.
with zipfile.ZipFile(os.path.join(out, "zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        if name != "xl/worksheets/data.xml":
            z.writestr(name, text)
    with z.open("xl/worksheets/data.xml", "w", force_zip64=True) as f:
        f.write(f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'.encode())
        block = b" " * (1 << 20)
        for _ in range(600):
            f.write(block)
        f.write(b"</x:sheetData></x:worksheet>")

# Damaged: the first workbook cut in half.
with open(os.path.join(out, "per-household-openpyxl.xlsx"), "rb") as f:
    whole = f.read()
with open(os.path.join(out, "damaged.xlsx"), "wb") as f:
    f.write(whole[: len(whole) // 2])

# Encrypted: Office's container for a password-protected .xlsx starts as a compound file and names its
# "EncryptedPackage" stream in UTF-16 (a stand-in with just those marks).
with open(os.path.join(out, "password.xlsx"), "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)

# Not a workbook: a .docx-like zip.
write_zip(os.path.join(out, "not-a-workbook.xlsx"), {"word/document.xml": "<w/>"})

# Excel 97–2003 (.xls, BIFF8) by xlwt: the per-household shape under a merged title, as older county sheets are.
import xlwt  # noqa: E402  (only the .xls needs it)



def xls_sheet(name, title, header, rows):
    """An .xls book of one sheet: the title merged across row 1, the header in row 2, then the rows."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(name)
    sheet.write_merge(0, 0, 0, len(header) - 1, title)
    for c, text in enumerate(header):
        sheet.write(1, c, text)
    for r, row in enumerate(rows, 2):
        for c, v in enumerate(row):
            if v is not None:
                sheet.write(r, c, v)
    return book, sheet


book, sheet = xls_sheet("收入测算", "某村2024年脱贫户家庭收入测算表", HOUSEHOLD_HEADER, [h[:-1] for h in HOUSEHOLDS])
for r in range(2, 2 + len(HOUSEHOLDS)):  # 人均纯收入 as a formula, as the county sheets compute it
    sheet.write(r, len(HOUSEHOLD_HEADER) - 1, xlwt.Formula(f"(E{r + 1}+G{r + 1}-H{r + 1}+I{r + 1}+K{r + 1})/D{r + 1}"))
book.save(os.path.join(out, "per-household-xlwt.xls"))

# The per-member ledger as .xls too.
book, _ = xls_sheet("家庭成员", "某村2024年农户家庭成员台账", MEMBER_HEADER, MEMBERS)
book.save(os.path.join(out, "per-member-xlwt.xls"))

# Many names in one .xls: xlwt splits its shared-string table over CONTINUE records, cutting strings in two, with
# one-byte (Latin) and two-byte (Chinese) strings mixed; and numbers of each kind xlwt writes (RK, hundredths, doubles).
book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("名单")
for i in range(3000):
    sheet.write(i, 0, f"Li Wei {i}" if i % 3 == 0 else f"{i}号张婧昇" + "测" * (i % 9))
    sheet.write(i, 1, i * 100 + 25 if i % 2 else -(i + 0.5))
book.save(os.path.join(out, "many-names-xlwt.xls"))


# A compound file written by hand ([MS-CFB] version 3): streams under 4096 bytes go in the mini stream, as a small
# workbook's do, which xlwt never writes.
def compound_file(streams):
    sector, mini_size, end, free = 512, 64, 0xFFFFFFFE, 0xFFFFFFFF
    sectors, fat = [], []

    def chain(data):
        count = max(1, -(-len(data) // sector))
        start = len(sectors)
        for i in range(count):
            sectors.append(data[i * sector:(i + 1) * sector].ljust(sector, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else end)
        return start

    mini, mini_fat, entries = b"", [], []
    for name, data in streams.items():
        if len(data) < 4096:
            start, count = len(mini) // mini_size, max(1, -(-len(data) // mini_size))
            mini_fat += [start + i + 1 if i < count - 1 else end for i in range(count)]
            mini += data.ljust(count * mini_size, b"\0")
        else:
            start = chain(data)
        entries.append((name, 2, start, len(data)))
    root_start = chain(mini) if mini else end
    mini_fat_start = chain(b"".join(struct.pack("<I", x) for x in mini_fat)) if mini_fat else end

    def entry(name, kind, start, size, right, child):
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, free, right, child) +
                b"\0" * 36 + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, root_start, len(mini), free, 1 if entries else free)
    for i, (name, kind, start, size) in enumerate(entries, 1):
        directory += entry(name, kind, start, size, i + 1 if i < len(entries) else free, free)
    directory_start = chain(directory.ljust(-(-len(directory) // sector) * sector, b"\0"))
    fat_count = 1
    while len(sectors) + fat_count > fat_count * sector // 4:
        fat_count += 1
    fat_ids = list(range(len(sectors), len(sectors) + fat_count))
    fat += [0xFFFFFFFD] * fat_count
    fat += [free] * (fat_count * sector // 4 - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) +
              b"\0" * 6 + struct.pack("<IIIIIIIII", 0, fat_count, directory_start, 0, 4096, mini_fat_start,
                                      len(mini_fat) * 4 // sector + (1 if mini_fat else 0), end, 0) +
              b"".join(struct.pack("<I", x) for x in fat_ids + [free] * (109 - fat_count)))
    return header + b"".join(sectors) + fat_bytes


def record(kind, data=b""):
    return struct.pack("<HH", kind, len(data)) + data


def bof(kind, version=0x0600):
    return record(0x0809, struct.pack("<HHHHII", version, kind, 0x0DBB, 0x07CC, 0, 6))


def cell(kind, row, column, data):
    return record(kind, struct.pack("<HHH", row, column, 15) + data)


def wide(text):
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def formula(row, column, value):
    return cell(0x0006, row, column, value + struct.pack("<HIH", 0, 0, 0))


# A workbook of each record a roster sheet may hold, made by hand so each is certain: strings cut across CONTINUE
# records (one-byte then two-byte), rich and phonetic strings, RK numbers (integers, hundredths, a double's top),
# MULRK, NUMBER, formulas' kept values (a string in the STRING after, TRUE, #DIV/0!, a number), BOOLERR, LABEL, a
# cell out of order, a chart sheet (skipped) and an empty sheet.
strings = (struct.pack("<II", 5, 5) + wide("户主") + struct.pack("<HB", 7, 0) + b"Wang")
continued = (b"\x01" + "婧昇王".encode("utf-16-le") +
             struct.pack("<HBH", 2, 0x09, 1) + "富文".encode("utf-16-le") + b"\0\0\0\0" +
             struct.pack("<HBI", 3, 0x04, 6) + b"abc" + b"xxxxxx" + wide(""))
rows = b"".join([
    cell(0x00FD, 0, 0, struct.pack("<I", 0)), cell(0x00FD, 0, 1, struct.pack("<I", 1)),
    cell(0x00FD, 0, 2, struct.pack("<I", 2)), cell(0x00FD, 0, 3, struct.pack("<I", 3)),
    cell(0x027E, 1, 0, struct.pack("<I", 1500 << 2 | 2)), cell(0x027E, 1, 1, struct.pack("<I", 123456 << 2 | 3)),
    cell(0x027E, 1, 2, struct.pack("<I", (-5 << 2 | 3) & 0xFFFFFFFF)), cell(0x027E, 1, 3, struct.pack("<I", 0x3FE00000)),
    cell(0x027E, 1, 4, struct.pack("<I", 1230 << 2 | 3)),
    record(0x00BD, struct.pack("<HH", 2, 0) + b"".join(struct.pack("<HI", 15, v << 2 | 2) for v in (1, 2, 30)) +
           struct.pack("<H", 2)),
    cell(0x0203, 3, 0, struct.pack("<d", 18000.5)),
    formula(3, 1, bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF])), record(0x0207, wide("合计")),
    formula(3, 2, bytes([1, 0, 1, 0, 0, 0, 0xFF, 0xFF])), formula(3, 3, bytes([2, 0, 7, 0, 0, 0, 0xFF, 0xFF])),
    formula(3, 4, struct.pack("<d", 42.0)), formula(3, 5, bytes([3, 0, 0, 0, 0, 0, 0xFF, 0xFF])),
    cell(0x0205, 4, 0, bytes([0, 0])), cell(0x0204, 4, 1, wide("文字")),
    cell(0x00FD, 0, 5, struct.pack("<I", 4)), cell(0x00FD, 0, 4, struct.pack("<I", 2)),
])


def workbook_stream(sheets, globals_extra=b"", version=0x0600):
    """BIFF8 globals naming the sheets, the shared strings, then each sheet's BOF … EOF."""
    def globals_part(offsets):
        names = b"".join(record(0x0085, struct.pack("<IBB", at, 0, kind) + struct.pack("<BB", len(n), 1) +
                                n.encode("utf-16-le")) for (n, kind, _), at in zip(sheets, offsets))
        return bof(5, version) + globals_extra + names + record(0x00FC, strings) + record(0x003C, continued) + \
            record(0x000A)
    size = len(globals_part([0] * len(sheets)))
    offsets, body = [], b""
    for _, kind, data in sheets:
        offsets.append(size + len(body) if kind == 0 else 0xFFFFFF)
        body += bof(0x10, version) + data + record(0x000A) if kind == 0 else b""
    return globals_part(offsets) + body


with open(os.path.join(out, "handmade.xls"), "wb") as f:
    f.write(compound_file({"Workbook": workbook_stream([("花名册", 0, rows), ("图表", 2, b""), ("空表", 0, b"")])}))
# Broken and other files in the same container, each one clear problem.
with open(os.path.join(out, "password.xls"), "wb") as f:
    f.write(compound_file({"Workbook": workbook_stream([("花名册", 0, rows)], record(0x002F, b"\1\0" + b"\0" * 52))}))
with open(os.path.join(out, "excel95.xls"), "wb") as f:
    f.write(compound_file({"Book": bof(5, 0x0500) + record(0x000A)}))
with open(os.path.join(out, "word.xls"), "wb") as f:
    f.write(compound_file({"WordDocument": b"\xEC\xA5" + b"\0" * 600}))
with open(os.path.join(out, "per-member-xlwt.xls"), "rb") as f:
    whole = f.read()
with open(os.path.join(out, "damaged.xls"), "wb") as f:
    f.write(whole[: len(whole) // 2])
