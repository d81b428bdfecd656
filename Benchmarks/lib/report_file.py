#!/usr/bin/env python3
"""Writes one unit's new report, as the office would drop it into content/status/.

    report_file.py --content DIR --tasks TASKS.json --as-of YYYY-MM-DD
                   --format xlsx|csv --out FILE [--unit CODE]

The report covers every task assigned to the unit (from `tiendo tasks --json`),
as the unit's prefilled workbook does, each row updated on the date of the
figures: "chưa thực hiện" becomes "đang thực hiện", "đang thực hiện" (or no row
yet) becomes "hoàn thành" on that day with a report number, "hoàn thành" stays
as it was. A pair whose latest row is already dated on the date of the figures
is left out (a second, different row on the same day is an error by design).
Without --unit the commune with the most assigned tasks is chosen (ties: the
smallest code), so the report is as large as a unit's report gets. The output
says when the report is the newest data (its date then stands in every page's
header, so every page changes).

--format xlsx writes a workbook with the status file's Vietnamese headers
(Văn bản, Nhiệm vụ, Đơn vị, Trạng thái, Ngày hoàn thành, Số báo cáo, Ngày cập
nhật, Ghi chú), text cells stored inline and dates as dd/mm/yyyy text, with
the standard library only (zipfile); --format csv writes the same table as
UTF-8 CSV. Prints the unit and the number of rows. Same inputs, same bytes.
"""

import argparse
import csv
import datetime as dt
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

csv.field_size_limit(1 << 30)

HEADERS = ["Văn bản", "Nhiệm vụ", "Đơn vị", "Trạng thái", "Ngày hoàn thành", "Số báo cáo", "Ngày cập nhật", "Ghi chú"]
NEXT_STATE = {"chưa thực hiện": "đang thực hiện", "đang thực hiện": "hoàn thành", "": "hoàn thành"}


def vn(d):
    return "%02d/%02d/%04d" % (d.day, d.month, d.year)


def parse_date(text):
    text = text.strip()
    if not text:
        return None
    if "-" in text:
        return dt.date.fromisoformat(text)
    d, m, y = (int(x) for x in text.split("/"))
    return dt.date(y, m, d)


def status_files(content):
    folder = os.path.join(content, "status")
    if os.path.isdir(folder):
        return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".csv")]
    return [os.path.join(content, "status.csv")]


def latest_rows(content, unit):
    """(directive, task) -> the unit's latest row, from every CSV status file;
    and the latest `updated` date of all the data."""
    latest = {}
    newest = dt.date.min
    for path in status_files(content):
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            col = {h: i for i, h in enumerate(header)}
            for row in reader:
                newest = max(newest, parse_date(row[col["updated"]]) or dt.date.min)
                if row[col["unit"]] != unit:
                    continue
                key = (row[col["directive"]], row[col["task"]])
                rec = {k: row[col[k]] for k in ("state", "completed", "report", "updated", "note")}
                rec["updated_date"] = parse_date(rec["updated"]) or dt.date.min
                old = latest.get(key)
                if old is None or rec["updated_date"] >= old["updated_date"]:
                    latest[key] = rec
    return latest, newest


def table(tasks, latest, unit, as_of):
    rows = []
    for t in tasks:
        if unit not in t["units"]:
            continue
        old = latest.get((t["directive"], t["id"]))
        if old is not None and old["updated_date"] >= as_of:
            continue
        state = old["state"].strip().lower() if old else ""
        if "hoàn thành" in state:  # "đã hoàn thành", "Hoàn thành": all read as done
            state = "hoàn thành"
        new_state = NEXT_STATE.get(state, state)
        completed, report = (old["completed"], old["report"]) if old else ("", "")
        if new_state == "hoàn thành" and state != "hoàn thành":
            completed, report = vn(as_of), "%d/BC-UBND" % (900 + len(rows) % 99)
        note = "Báo cáo ngày %s: %s." % (vn(as_of), "đã hoàn thành" if new_state == "hoàn thành" else "đang triển khai")
        rows.append([t["directive"], t["id"], unit, new_state, completed, report, vn(as_of), note])
    return rows


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def write_xlsx(path, sheet_name, rows):
    def cells(r, values):
        out = []
        for c, v in enumerate(values):
            ref = "%s%d" % (column(c), r)
            out.append('<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">%s</t></is></c>'
                       % (ref, ' s="1"' if r == 1 else "", escape(v)))
        return '<row r="%d">%s</row>' % (r, "".join(out))

    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData>%s</sheetData></worksheet>'
             % "".join(cells(i + 1, v) for i, v in enumerate([HEADERS] + rows)))
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % escape(sheet_name, {'"': "&quot;"}),
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>',
        "xl/styles.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>'
            '</styleSheet>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # fixed: same inputs, same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--content", required=True)
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--as-of", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    ap.add_argument("--out", required=True)
    ap.add_argument("--unit")
    args = ap.parse_args()
    with open(args.tasks, encoding="utf-8") as f:
        tasks = json.load(f)
    unit = args.unit
    if not unit:
        count = {}
        for t in tasks:
            for code in t["units"]:
                count[code] = count.get(code, 0) + 1
        communes = [c for c in count if c[:1].isdigit()] or list(count)
        unit = min(communes, key=lambda c: (-count[c], c))
    latest, newest = latest_rows(args.content, unit)
    rows = table(tasks, latest, unit, args.as_of)
    if not rows:
        sys.exit("report_file: unit %s has no task left to report on %s" % (unit, args.as_of))
    if args.format == "csv":
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADERS)
            w.writerows(rows)
    else:
        write_xlsx(args.out, "Trạng thái", rows)
    # A report dated after every row moves "Số liệu cập nhật đến", which
    # every page shows: then every page changes, whatever the rows say.
    moved = "" if newest >= args.as_of else "; moves the data's latest update from %s: every page's header changes" % vn(newest)
    print("unit %s, %d rows dated %s%s" % (unit, len(rows), vn(args.as_of), moved))


if __name__ == "__main__":
    main()
