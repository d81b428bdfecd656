"""A unit's report sheet (bao-cao/<unit>.xlsx), the round trip issue 14 asks for.

The sheet made by `tiendo build` is filled in by openpyxl as the unit would in
Excel, dropped unchanged into content/status/, and read back: `tiendo check`
finds no error and names the change, the rebuilt site shows the new state,
and only the files that show that unit's pairs are rewritten.

Run by scripts/check-xlsx (environment: TIENDO, TIENDO_CONTENT).
"""
import datetime
import json
import hashlib
import os
import pathlib
import shutil
import subprocess

import openpyxl

TIENDO = os.environ.get("TIENDO", ".build/debug/tiendo")
CONTENT = os.environ.get("TIENDO_CONTENT", "content")
THEME = str(pathlib.Path(__file__).resolve().parents[2] / "theme")
AS_OF = "2026-07-15"
UNIT, SLUG = "11413", "phuong-hai-an"


def run(args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600)


def digests(site):
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*") if p.is_file() and not p.name.startswith(".")}


def test_report_sheet_filled_in_reads_back(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    # The office keeps a folder: the old single file becomes one of its files.
    (content / "status").mkdir()
    for name in ("status.csv", "status.xlsx"):
        if (content / name).exists():
            (content / name).rename(content / "status" / ("00-tong-hop" + pathlib.Path(name).suffix))
    site = tmp_path / "site"
    done = run([TIENDO, "build", "--content", content, "--theme", THEME, "--output", site, "--as-of", AS_OF, "--quiet"])
    assert done.returncode == 0, done.stderr
    before = digests(site)
    unit_page = (site / "don-vi" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert f'href="../bao-cao/{SLUG}.xlsx"' in unit_page

    sheet_path = site / "bao-cao" / f"{SLUG}.xlsx"
    book = openpyxl.load_workbook(sheet_path)
    assert book.sheetnames == ["Phường Hải An", "Thông tin"]
    about = {row[0]: row[1] for row in book["Thông tin"].iter_rows(min_row=2, values_only=True)}
    # The sheet carries the data's latest update, as the site's JSON says it, not the
    # day it was made: so the 128 sheets are not all rewritten when only the date moves.
    data_updated = json.loads((site / "tien-do" / "tien-do.json").read_text(encoding="utf-8"))["data_updated"]
    assert about["Mã đơn vị"] == UNIT
    assert about["Số liệu cập nhật đến"] == datetime.datetime.fromisoformat(data_updated)
    assert "Ngày lập" not in about
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    col = {name: i for i, name in enumerate(header)}
    assert ws.protection.sheet
    # State is a drop-down; the pair's columns are locked text, the report's editable.
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and "Đã hoàn thành" in lists[0].formula1
    rows = list(ws.iter_rows(min_row=2))
    assert rows and all(r[col["Mã đơn vị"]].value == UNIT for r in rows)
    for r in rows:
        assert isinstance(r[col["Nhiệm vụ"]].value, str) and r[col["Nhiệm vụ"]].number_format == "@"
        assert r[col["Nhiệm vụ"]].protection.locked and not r[col["Trạng thái"]].protection.locked
    task11 = next(r for r in rows if r[col["Nhiệm vụ"]].value == "1.1")
    assert task11[col["Trạng thái"]].value == "Đang thực hiện"

    # The unit finishes 1.1 and sends the sheet back. Dated on the data's
    # latest update (26/06): every page states that date, so a later one
    # would rightly rewrite them all.
    task11[col["Trạng thái"]].value = "Đã hoàn thành"
    task11[col["Ngày hoàn thành"]].value = datetime.datetime(2026, 6, 26)
    task11[col["Số báo cáo"]].value = "170/BC-UBND"
    task11[col["Ngày cập nhật"]].value = datetime.datetime(2026, 6, 26)
    task11[col["Ghi chú"]].value = "Đã tổ chức hội nghị triển khai."
    book.save(content / "status" / "hai-an.xlsx")

    checked = run([TIENDO, "check", "--content", content, "--as-of", AS_OF])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ": lỗi:" not in checked.stdout + checked.stderr
    assert "Phường Hải An: nhiệm vụ 1.1 chuyển sang hoàn thành (ngày 26/06/2026, báo cáo số 170/BC-UBND)" in checked.stdout

    done = run([TIENDO, "build", "--content", content, "--theme", THEME, "--output", site, "--as-of", AS_OF, "--quiet"])
    assert done.returncode == 0, done.stderr
    after = digests(site)
    changed = {p for p in after if before.get(p) != after[p]}
    unit_page = (site / "don-vi" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "170/BC-UBND" in unit_page
    # The unit's own files change; no other unit's page, feed or sheet does;
    # of the task pages only 1.1's.
    assert f"don-vi/{SLUG}.html" in changed and f"bao-cao/{SLUG}.xlsx" in changed
    others = {p for p in changed if p.startswith(("don-vi/", "bao-cao/")) and SLUG not in p and p != "don-vi/index.html"}
    assert others == set()
    assert {p for p in changed if p.startswith("nhiem-vu/")} == {"nhiem-vu/trien-khai-tb-406/1-1.html"}
    sheet = openpyxl.load_workbook(site / "bao-cao" / f"{SLUG}.xlsx").worksheets[0]
    again = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[col["Nhiệm vụ"]] == "1.1")
    assert again[col["Trạng thái"]] == "Đã hoàn thành" and again[col["Số báo cáo"]] == "170/BC-UBND"


def test_template_unit_matches_the_site(tmp_path):
    site = tmp_path / "site"
    done = run([TIENDO, "build", "--content", CONTENT, "--theme", THEME, "--output", site, "--as-of", AS_OF, "--quiet"])
    assert done.returncode == 0, done.stderr
    out = tmp_path / "hai-an.xlsx"
    made = run([TIENDO, "template", "--content", CONTENT, "--unit", UNIT, "--xlsx", "--output", out, "--as-of", AS_OF])
    assert made.returncode == 0, made.stderr
    assert out.read_bytes() == (site / "bao-cao" / f"{SLUG}.xlsx").read_bytes()
