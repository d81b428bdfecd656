"""tiendo's Excel files, read by programs other than tiendo.

- tien-do/tien-do.xlsx, read by openpyxl and converted to CSV by LibreOffice
  headless, holds the values of the JSON export (tien-do/tien-do.json), with
  numbers stored as numbers, dates as dates and codes as text.
- `tiendo template --xlsx`, filled in by openpyxl as a clerk would in Excel,
  is read back by `tiendo check` with no error, and by `tiendo build`.

Run by scripts/check-xlsx (environment: TIENDO, TIENDO_CONTENT).
"""
import csv
import datetime
import json
import os
import pathlib
import shutil
import subprocess

import openpyxl
import pytest

TIENDO = os.environ.get("TIENDO", ".build/debug/tiendo")
CONTENT = os.environ.get("TIENDO_CONTENT", "content")
SHEETS = ["Theo nhiệm vụ", "Theo đơn vị", "Theo nhóm", "Ma trận", "Chi tiết"]
STATE_LABELS = {"not-started": "Chưa thực hiện", "in-progress": "Đang thực hiện", "done": "Đã hoàn thành"}
DATE_HEADERS = {"Hạn cuối", "Ngày hoàn thành", "Ngày cập nhật"}
TEXT_HEADERS = {"Mã văn bản", "Nhiệm vụ", "Mã đơn vị", "Số báo cáo"}


def run(args, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="session")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("xlsx")


@pytest.fixture(scope="session")
def site(work):
    out = work / "site"
    done = run([TIENDO, "build", "--content", CONTENT, "--output", out, "--quiet"])
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def export(site):
    return json.loads((site / "tien-do" / "tien-do.json").read_text(encoding="utf-8"))


def vn_date(iso):
    return "" if iso is None else datetime.date.fromisoformat(iso).strftime("%d/%m/%Y")


def counts(progress, classes):
    row = {classes[c]: str(n) for c, n in progress["counts"].items()}
    # Report state is counted inside the classes: the silent part of the overdue, and of all.
    row["Quá hạn: trong đó chưa báo cáo"] = str(progress["not_reported"]["overdue"])
    row["Chưa báo cáo (mọi tình trạng)"] = str(sum(progress["not_reported"].values()))
    row["Tổng"] = str(progress["total"])
    row["Số đã hoàn thành"] = str(progress["done"])
    row["% hoàn thành"] = progress["percent_done"]
    row["% đúng hạn"] = progress["on_time_rate"]
    return row


def expected_sheets(export):
    """Each sheet's rows as {header: value}, from the JSON export alone."""
    classes = export["classes"]
    tasks = {(t["directive"], t["id"]): t for t in export["tasks"]}
    task_rows = []
    for t in export["tasks"]:
        row = {"Mã văn bản": t["directive"], "Nhiệm vụ": t["id"], "Hạn cuối": vn_date(t["due"]),
               "Thời hạn ghi trong văn bản": t["deadline"] or ""}
        row.update(counts(t["progress"], classes))
        task_rows.append(row)
    unit_rows = []
    for u in export["units"]:
        row = {"Mã đơn vị": u["code"], "Đơn vị": u["name"]}
        row.update(counts(u["progress"], classes))
        unit_rows.append(row)
    group_rows = []
    for g in export["groups"]:
        row = {"Nhóm": g["label"], "Số đơn vị": str(g["units"])}
        row.update(counts(g["progress"], classes))
        group_rows.append(row)
    overall = {"Nhóm": "Tất cả", "Số đơn vị": str(len(export["units"]))}
    overall.update(counts(export["overall"], classes))
    group_rows.append(overall)
    detail_rows = []
    for a in export["assignments"]:
        detail_rows.append({
            "Mã văn bản": a["directive"], "Nhiệm vụ": a["task"], "Mã đơn vị": a["unit"],
            "Tình trạng": classes[a["class"]],
            "Báo cáo": "Đã báo cáo" if a["reported"] else "Chưa báo cáo",
            "Trạng thái đơn vị báo cáo": STATE_LABELS.get(a["state"], ""),
            "Hạn cuối": vn_date(tasks[(a["directive"], a["task"])]["due"]),
            "Ngày hoàn thành": vn_date(a["completed"]), "Số báo cáo": a["report"] or "",
        })
    return {"Theo nhiệm vụ": task_rows, "Theo đơn vị": unit_rows, "Theo nhóm": group_rows, "Chi tiết": detail_rows}


def same(header, got, want):
    """A cell as a program read it (text) against the JSON's value."""
    if header.startswith("%"):
        if want is None:
            return got == ""
        # Stored rounded to one decimal, as the pages show it.
        return got != "" and abs(float(got) - want) <= 0.05 + 1e-9
    return got == want


def compare(tables, export):
    """tables: sheet name -> list of rows of text, header first."""
    for name, rows in expected_sheets(export).items():
        header, *body = tables[name]
        assert len(body) == len(rows), f"{name}: {len(body)} rows, the JSON has {len(rows)}"
        for number, (got, want) in enumerate(zip(body, rows), start=2):
            got = dict(zip(header, got + [""] * (len(header) - len(got))))
            for key, value in want.items():
                assert key in got, f"{name}: no column {key!r} in {header}"
                assert same(key, got[key], value), f"{name}!row {number} {key}: {got[key]!r}, the JSON says {value!r}"
    # The matrix: each unit's class on each task it is assigned, nothing else.
    header, *body = tables["Ma trận"]
    classes = export["classes"]
    assigned = [t for t in export["tasks"] if t["progress"]["total"] > 0]
    assert len(header) - 3 == len(assigned)
    # The class, and for a silent unit its report state, as the matrix page shows it.
    pairs = {(a["unit"], a["directive"], a["task"]): classes[a["class"]] + ("" if a["reported"] else " · chưa báo cáo")
             for a in export["assignments"]}
    filled = 0
    for row in body:
        row = row + [""] * (len(header) - len(row))
        for task, cell in zip(assigned, row[3:]):
            want = pairs.get((row[0], task["directive"], task["id"]), "")
            assert cell == want, f"Ma trận {row[0]} × {task['directive']} {task['id']}: {cell!r}, want {want!r}"
            filled += cell != ""
    assert filled == len(pairs)
    assert len(body) == len(export["units"])


def openpyxl_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_openpyxl_reads_the_json_values_with_numbers_dates_and_text_typed(site, export):
    book = openpyxl.load_workbook(site / "tien-do" / "tien-do.xlsx")
    assert book.sheetnames == SHEETS
    tables = {}
    for sheet in book.worksheets:
        assert sheet.freeze_panes is not None and sheet.freeze_panes[-1] == "2", f"{sheet.title}: header not frozen"
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        header = rows[0]
        for column, title in enumerate(header):
            letter = openpyxl.utils.get_column_letter(column + 1)
            assert sheet.column_dimensions[letter].width, f"{sheet.title}!{letter}: no width"
            values = [r[column] for r in rows[1:] if column < len(r) and r[column] is not None]
            if title in DATE_HEADERS:
                assert all(isinstance(v, datetime.datetime) for v in values), f"{sheet.title} {title}: not dates"
                cells = [c for c in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1) for c in c if c.value is not None]
                assert all(c.number_format == "dd/mm/yyyy" for c in cells), f"{sheet.title} {title}: not shown dd/mm/yyyy"
            elif title in TEXT_HEADERS:
                assert all(isinstance(v, str) for v in values), f"{sheet.title} {title}: not text"
            elif title.startswith("%") or title in ("Tổng", "Số đơn vị") or title in export["classes"].values() and sheet.title != "Ma trận":
                assert all(isinstance(v, (int, float)) for v in values), f"{sheet.title} {title}: not numbers"
        tables[sheet.title] = [[openpyxl_text(v) for v in r] for r in rows]
    compare(tables, export)


def test_libreoffice_converts_it_to_csv_with_the_json_values(site, export, work):
    out = work / "libreoffice"
    out.mkdir()
    profile = (work / "lo-profile").as_uri()
    # Comma, double quote, UTF-8, from row 1, cells as shown (dates dd/mm/yyyy), every sheet.
    options = "44,34,76,1,,1033,false,true,true,false,false,-1"
    done = run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", out, site / "tien-do" / "tien-do.xlsx"])
    assert done.returncode == 0, done.stderr
    tables = {}
    for name in SHEETS:
        path = out / f"tien-do-{name}.csv"
        assert path.exists(), f"LibreOffice wrote no {path.name}: {sorted(p.name for p in out.iterdir())} {done.stdout} {done.stderr}"
        with path.open(encoding="utf-8", newline="") as f:
            tables[name] = [row for row in csv.reader(f)]
    compare(tables, export)


def test_template_xlsx_filled_by_openpyxl_reads_back_through_tiendo(work, export):
    template = work / "trang-thai.xlsx"
    done = run([TIENDO, "template", "--content", CONTENT, "--xlsx", "--output", template])
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(template)
    sheet = book.active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Văn bản", "Nhiệm vụ", "Mã đơn vị", "Tên đơn vị", "Trạng thái", "Ngày hoàn thành",
                       "Số báo cáo", "Ngày cập nhật", "Ghi chú"]
    # The state column is a drop-down list; ids and codes are text cells in text columns.
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and "E2" in lists[0].sqref and "Đã hoàn thành" in lists[0].formula1
    for cell in sheet["B"][1:] + sheet["C"][1:]:
        assert cell.data_type == "s" and cell.number_format == "@", f"{cell.coordinate}: {cell.value!r} {cell.number_format}"
    # It starts from the status file: every reported pair carries its row.
    assert len(rows) - 1 == len(export["assignments"])
    for row, a in zip(rows[1:], export["assignments"]):
        assert (row[0], row[1], row[2]) == (a["directive"], a["task"], a["unit"])
        assert row[4] == STATE_LABELS.get(a["state"], "Chưa báo cáo")
        assert openpyxl_text(row[5]) == vn_date(a["completed"])
        assert (row[6] or "") == (a["report"] or "")

    # A clerk fills in every unreported pair: half in progress, half done on the date of the figures.
    as_of = datetime.datetime.fromisoformat(export["as_of"])
    filled_done = 0
    for number, cells in enumerate(sheet.iter_rows(min_row=2), start=2):
        if cells[4].value != "Chưa báo cáo":
            continue
        if number % 2:
            cells[4].value = "Đã hoàn thành"
            cells[5].value = as_of
            cells[5].number_format = "dd/mm/yyyy"
            cells[6].value = f"{number}/BC-UBND"
            filled_done += 1
        else:
            cells[4].value = "Đang thực hiện"
        cells[7].value = as_of
        cells[7].number_format = "dd/mm/yyyy"
        cells[8].value = "Đã điền bằng openpyxl"
    content = work / "content"
    shutil.copytree(CONTENT, content)
    for old in ("status.csv", "status.xlsx"):
        (content / old).unlink(missing_ok=True)
    book.save(content / "status.xlsx")

    checked = run([TIENDO, "check", "--content", content, "--as-of", export["as_of"]])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ": lỗi:" not in checked.stdout + checked.stderr
    built = work / "filled-site"
    done = run([TIENDO, "build", "--content", content, "--output", built, "--as-of", export["as_of"], "--quiet"])
    assert done.returncode == 0, done.stderr
    after = json.loads((built / "tien-do" / "tien-do.json").read_text(encoding="utf-8"))
    assert all(a["state"] is not None for a in after["assignments"])
    assert after["overall"]["done"] == export["overall"]["done"] + filled_done
