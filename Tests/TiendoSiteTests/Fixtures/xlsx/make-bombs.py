#!/usr/bin/env python3
"""Writes the hostile workbooks of the reliability tests, zip by hand (no
spreadsheet writer makes them). Run from this folder: python3 make-bombs.py
The .xlsx files are committed; rerun only to change them on purpose.

- bomb-declared.xlsx: a 1 MB file whose worksheet honestly inflates to
  1 GiB (the zip directory says so);
- bomb-lying.xlsx: the same kind of worksheet, 256 MiB inflated, whose zip
  directory claims 1,000 bytes;
(the worksheets are blanks between two rows: deflate packs them 1000 to 1);
- far-cell.xlsx: a tiny worksheet with one cell at XFD1048576.
"""
import struct
import zlib

WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        b'Target="worksheets/sheet1.xml"/></Relationships>')
HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
TAIL = b'</sheetData></worksheet>'
ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
BLANKS = b' ' * 4096


def deflate_stream(head, repeated, count, tail):
    """Raw deflate of head + repeated * count + tail, and its CRC-32 and length."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = zlib.crc32(head)
    out = [compressor.compress(head)]
    block = repeated * 4096
    full, rest = divmod(count, 4096)
    for _ in range(full):
        out.append(compressor.compress(block))
        crc = zlib.crc32(block, crc)
    out.append(compressor.compress(repeated * rest))
    crc = zlib.crc32(repeated * rest, crc)
    out.append(compressor.compress(tail))
    crc = zlib.crc32(tail, crc)
    out.append(compressor.flush())
    return b''.join(out), crc, len(head) + len(repeated) * count + len(tail)


def write_zip(path, entries):
    """entries: (name, compressed bytes, crc, declared size). Deflated, no zip64."""
    local, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        name = name.encode()
        offset = len(local)
        local += struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(name), 0)
        local += name + data
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(name), 0, 0, 0, 0, 0, offset)
        central += name
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(entries), len(entries), len(central), len(local), 0)
    with open(path, 'wb') as f:
        f.write(bytes(local) + bytes(central) + end)


def small(name, data):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return (name, packed, zlib.crc32(data), len(data))


def book(path, sheet):
    write_zip(path, [small('xl/workbook.xml', WORKBOOK), small('xl/_rels/workbook.xml.rels', RELS), sheet])


data, crc, size = deflate_stream(HEAD + ROW, BLANKS, (1 << 30) // len(BLANKS), TAIL)
book('bomb-declared.xlsx', ('xl/worksheets/sheet1.xml', data, crc, size))
data, crc, size = deflate_stream(HEAD + ROW, BLANKS, (256 << 20) // len(BLANKS), TAIL)
book('bomb-lying.xlsx', ('xl/worksheets/sheet1.xml', data, crc, 1000))
book('far-cell.xlsx', small('xl/worksheets/sheet1.xml', HEAD + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + TAIL))
