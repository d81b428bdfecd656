#!/usr/bin/env python3
"""Writes the bad status files that StatusTableTests reads, one mistake each.

Run from this folder: python3 generate.py. The files are committed; this
script says how each was made (the encodings above all), so a reviewer can
check that a "Windows-1258" file really is Windows-1258.
"""
import unicodedata
import zipfile, io

H = "directive,task,unit,state,completed,report,updated,note"
D = "trien-khai-tb-406"
GOOD = [
    f"{D},1.4,11413,hoàn thành,23/06/2026,125/BC-UBND,23/06/2026,Đã trình HĐND cấp xã.",
    f"{D},1.4,Xã Cẩm Giàng,đang thực hiện,,,22/06/2026,",
    f"{D},3.1,Sở Tài chính,hoàn thành,25/06/2026,12/BC-STC,25/06/2026,Đã gửi **đúng hạn**",
    f"{D},4.7,SNV,chưa thực hiện,,,20/06/2026,",
]

def csv(*rows, sep=",", eol="\n", header=H):
    lines = ([header.replace(",", sep)] if header is not None else []) + [r.replace(",", sep) if sep != "," else r for r in rows]
    # "§" is a comma that stays a comma whatever the separator.
    return (eol.join(lines) + eol).replace("§", ",")

files = {}
def put(name, data):
    files[name] = data.encode("utf-8") if isinstance(data, str) else data

# TCVN3 (ABC): Vietnamese lowercase letters in 0xA1...0xFE.
TCVN3 = dict(zip("ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    [0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6,
     0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8,
     0xDC, 0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED,
     0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE]))
TCVN3.update({"Đ": 0xA7, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6})

def tcvn3(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80: out.append(ord(ch))
        elif ch in TCVN3: out.append(TCVN3[ch])
        else: out.append(TCVN3[ch.lower()])  # capitals with tones: the .VnTimeH font's business
    return bytes(out)

def cp1258(text):
    # Windows-1258 has ă â ê ô ơ ư đ precomposed and the five tones as combining marks.
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base, marks = decomposed[0], decomposed[1:]
            for mark in [m for m in marks if m in "\u0302\u0306\u031b"]:
                base = unicodedata.normalize("NFC", base + mark)
            out += base.encode("cp1258")
            for mark in [m for m in marks if m not in "\u0302\u0306\u031b"]:
                out += mark.encode("cp1258")
    return bytes(out)

def utf16(text, little, bom):
    data = text.encode("utf-16-le" if little else "utf-16-be")
    return ((b"\xff\xfe" if little else b"\xfe\xff") if bom else b"") + data

# --- Encodings -------------------------------------------------------------
put("enc-windows-1258.csv", cp1258(csv(*GOOD)))
put("enc-tcvn3.csv", tcvn3(csv(*GOOD)))
put("enc-latin1.csv", csv(f"{D},4.7,SNV,in progress,,,20/06/2026,Café và Résumé").encode("latin-1"))
put("enc-utf8-bom.csv", b"\xef\xbb\xbf" + csv(*GOOD, eol="\r\n").encode())
put("enc-utf16le-bom.txt", utf16(csv(*GOOD, sep="\t", eol="\r\n"), True, True))  # Excel's "Unicode text"
put("enc-utf16le-nobom.csv", utf16(csv(*GOOD, eol="\r\n"), True, False))
put("enc-utf16le-nobom-nfd.csv", utf16(unicodedata.normalize("NFD", csv(*GOOD)), True, False))
put("enc-utf16be-bom.csv", utf16(csv(*GOOD), False, True))
put("enc-utf16be-nobom.csv", utf16(csv(*GOOD), False, False))
# UTF-8 opened as Windows-1252 and saved as UTF-8 again.
put("enc-garbled.csv", csv(*GOOD).encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as workbook:
    workbook.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
put("enc-xlsx-renamed.csv", buffer.getvalue())
put("enc-nul-bytes.csv", csv(GOOD[0]).encode() + b"\x00\x00\x00\x00")

# --- Separators and line ends ------------------------------------------------
put("sep-comma-lf.csv", csv(*GOOD))
put("sep-semicolon-crlf.csv", csv(*GOOD[:3], f"{D},4.7,SNV,đang thực hiện,,,20/06/2026,Tỷ lệ 12§5%§ đạt", sep=";", eol="\r\n"))
put("sep-tab.tsv", csv(*GOOD, sep="\t"))
put("sep-cr-only.csv", csv(*GOOD, eol="\r"))
put("sep-semicolon-blank-first-line.csv", "\r\n" + csv(*GOOD, sep=";", eol="\r\n"))
put("sep-pipe.csv", csv(*GOOD, sep="|"))

# --- Quoting -------------------------------------------------------------------
put("quote-unterminated.csv", csv(GOOD[0], f'{D},1.5,11413,hoàn thành,23/06/2026,,23/06/2026,"Đã gửi', GOOD[2]))
put("quote-inside-unquoted.csv", csv(f'{D},1.4,11413,hoàn thành,23/06/2026,125/BC-UBND,23/06/2026,Đã gửi "bản 2" kèm phụ lục'))
put("quote-inside-unquoted-with-comma.csv", csv(f'{D},1.4,11413,hoàn thành,23/06/2026,125/BC-UBND,23/06/2026,Đã gửi "bản 2, có phụ lục"'))
put("quote-embedded-newline-separator.csv", csv(
    f'{D},1.4,11413,hoàn thành,23/06/2026,"125/BC-UBND, bản 2",23/06/2026,"Đã gửi ""bản 2"";\r\nkèm phụ lục, bảng 3"',
    f'{D},1.5,11413,"đang thực hiện" ,,,22/06/2026,"Hai dòng\nmột, hai"', GOOD[2], eol="\r\n"))
put("quote-newline-then-error.csv", csv(
    f'{D},1.4,11413,hoàn thành,23/06/2026,,23/06/2026,"Ghi chú\ndài\nba dòng"', f"{D},1.5,11413,xong rồi,,,22/06/2026,"))
put("unquoted-comma-in-note.csv", csv(GOOD[0], f"{D},1.4,10888,hoàn thành,21/06/2026,7/BC-UBND,21/06/2026,Đã gửi, chờ duyệt"))

# --- Layout ---------------------------------------------------------------------
put("trailing-empty-rows-and-columns.csv", csv(*[r + ",,," for r in GOOD], ",,,,,,,,,,", ",,,,,,,,,,", "", header=H + ",,,"))
put("spaces-around-values.csv", csv(
    f"  {D} , 1.4 ,\u00a011413\u00a0, hoàn thành ,\t23/06/2026 , 125/BC-UBND , 23/06/2026 ,  Đã gửi  ",
    f"{D},1.4,\u200bXã Cẩm Giàng\u200b,đang thực hiện,,,22/06/2026,", header=" directive , task , unit , state , completed , report , updated , note "))
put("blank-rows-between.csv", csv(GOOD[0], ",,,,,,,", "", GOOD[1], "   ", GOOD[2]))
put("title-rows-above-header.csv", csv("BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÔNG VĂN,,,,,,,", ",,,,,,,", H, *GOOD, header=None))
put("row-short.csv", csv(GOOD[0], f"{D},1.4,10888"))
put("no-completed-column.csv", csv(f"{D},3.1,STC,hoàn thành,12/BC-STC", header="directive,task,unit,state,report"))

# --- Header --------------------------------------------------------------------
put("header-vietnamese.csv", csv(*GOOD, sep=";", header="Văn bản,Nhiệm vụ,Đơn vị,Trạng thái,Ngày hoàn thành,Số báo cáo,Ngày cập nhật,Ghi chú"))
put("header-vietnamese-no-diacritics.csv", csv(*GOOD, header="VAN BAN,Nhiem vu,Don vi,Trang thai,Ngay hoan thanh,So bao cao,Ngay cap nhat,Ghi chu"))
put("header-vietnamese-reordered.csv", csv(f"hoàn thành,Sở Tài chính,3.1,{D},25/06/2026", header="Trạng thái,Đơn vị,Nhiệm vụ,Văn bản,Ngày hoàn thành"))
put("header-missing-column.csv", csv(f"{D},1.4,11413,23/06/2026", header="directive,task,unit,completed"))
put("header-duplicate-column.csv", csv(f"{D},1.4,11413,hoàn thành,hoàn thành,23/06/2026", header="directive,task,unit,state,Trạng thái,completed"))
put("header-typo.csv", csv(f"{D},1.4,11413,hoàn thành,23/06/2026,xanh", header="Văn bản,Nhiem vuu,Đơn vị,Trạng thái,Ngày hoàn thành,Màu"))
put("header-missing.csv", csv(*GOOD, header=None))
put("empty.csv", b"")
put("empty-bom.csv", b"\xef\xbb\xbf")
put("header-only.csv", csv(header=H))

# --- Data ------------------------------------------------------------------------
put("unit-unknown.csv", csv(f"{D},1.4,Phường Hải Ann,hoàn thành,23/06/2026,,23/06/2026,"))
put("unit-unknown-two-suggestions.csv", csv(f"{D},1.4,Xã Cẩm Gianng,đang thực hiện,,,22/06/2026,"))
put("unit-unknown-far.csv", csv(f"{D},1.4,Phòng Kế toán,đang thực hiện,,,22/06/2026,"))
put("unit-missing.csv", csv(f"{D},1.4,,đang thực hiện,,,22/06/2026,"))
put("unit-not-assigned.csv", csv(f"{D},1.4,SNV,hoàn thành,23/06/2026,,23/06/2026,"))
put("task-unknown.csv", csv(f"{D},9.9,11413,hoàn thành,23/06/2026,,23/06/2026,"))
put("task-turned-into-date.csv", csv(f"{D},01/04/2026,11413,hoàn thành,23/06/2026,,23/06/2026,", f"{D},5-Apr,11413,hoàn thành,23/06/2026,,23/06/2026,"))
put("task-decimal-comma.csv", csv(f"{D},1§4,11413,hoàn thành,23/06/2026,,23/06/2026,", sep=";"))
put("directive-unknown.csv", csv(f"trien-khai-tb-40,1.4,11413,hoàn thành,23/06/2026,,23/06/2026,", f"van-ban-khac,1.1,SNV,hoàn thành,23/06/2026,,23/06/2026,"))
put("directive-missing.csv", csv(f",1.4,11413,hoàn thành,23/06/2026,,23/06/2026,"))
put("state-unknown.csv", csv(f"{D},1.4,11413,xong rồi,23/06/2026,,23/06/2026,"))
put("state-missing.csv", csv(f"{D},1.4,11413,,,,23/06/2026,"))
put("state-shifted-date.csv", csv(f"{D},1.4,11413,23/06/2026,,23/06/2026,,"))
put("state-words.csv", csv(*[f"{D},1.4,{u},{s},{c},,22/06/2026," for u, s, c in [
    ("10888", "Đã hoàn thành", "22/06/2026"), ("10903", "da hoan thanh", "22/06/2026"), ("11413", "DONE", "21/06/2026"),
    ("11914", "Đang thực hiện", ""), ("10507", "in progress", ""), ("10525", "Chưa thực hiện", ""), ("11680", "not started", "")]]))
put("date-impossible.csv", csv(f"{D},1.4,11413,hoàn thành,31/02/2026,,01/03/2026,", f"{D},1.5,11413,hoàn thành,15/13/2026,,2026-02-29,"))
put("date-two-digit-year.csv", csv(f"{D},1.4,11413,hoàn thành,23/06/26,,23/06/2026,"))
put("date-month-first.csv", csv(f"{D},1.4,11413,hoàn thành,06/23/2026,,06/24/2026,"))
put("date-excel-serial.csv", csv(f"{D},1.4,11413,hoàn thành,46196,,46196,"))
put("date-unreadable.csv", csv(f"{D},1.4,11413,hoàn thành,ngày 23/6,,hôm qua,"))
put("date-forms.csv", csv(f"{D},1.4,11413,hoàn thành,2026-06-23,,23.06.2026,", f"{D},1.5,11413,hoàn thành,3/6/2026,,03-06-2026,"))
put("completed-after-as-of.csv", csv(f"{D},3.1,STC,hoàn thành,26/06/2026,,26/06/2026,"))
put("completed-after-updated.csv", csv(f"{D},3.1,STC,hoàn thành,26/06/2026,,24/06/2026,"))
put("done-without-date.csv", csv(f"{D},3.1,STC,hoàn thành,,12/BC-STC,25/06/2026,"))
put("date-with-state-not-done.csv", csv(f"{D},3.1,STC,đang thực hiện,25/06/2026,,25/06/2026,"))
# Same pair and same update day as the first row, saying something else: an error naming both.
put("duplicate-task-unit.csv", csv(GOOD[0], GOOD[1], f"{D},1.4,UBND phường Hải An,hoàn thành,22/06/2026,,23/06/2026,"))
put("many-mistakes.csv", csv(
    f"{D},1.4,Phường Hải Ann,hoàn thành,23/06/2026,,23/06/2026,",
    f"{D},9.9,11413,hoàn thành,23/06/2026,,23/06/2026,",
    GOOD[1],
    f"{D},1.4,11413,xong,31/06/2026,,,",
    f"{D},4.7,SNV,hoàn thành,,,24/06/2026,",
    f"{D},1.4,10903,hoàn thành,22/06/2026,,22/06/2026,"))

for name, data in sorted(files.items()):
    with open(name, "wb") as f:
        f.write(data)
print(len(files), "files")
