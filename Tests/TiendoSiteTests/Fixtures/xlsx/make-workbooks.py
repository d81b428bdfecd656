#!/usr/bin/env python3
"""Writes the fixture workbooks of the workbook tests with openpyxl, a real
spreadsheet writer (pip install openpyxl==3.1.5). Run from this folder:
    python3 make-workbooks.py
The .xlsx files are committed; rerun only to change them on purpose."""
import datetime
import openpyxl

HEADER = ["directive", "task", "unit", "state", "completed", "report", "updated", "note"]


def status_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Trạng thái"
    ws.append(HEADER)
    # Dates stored as Excel dates (serial numbers with a date format)...
    ws.append(["cv-12", "1.1", 10888, "hoàn thành", datetime.date(2026, 6, 24), "10/BC-UBND",
               datetime.date(2026, 6, 24), "Đã gửi **đúng hạn**."])
    # ... and as text, as a clerk may type them.
    ws.append(["cv-12", "1.1", "10903", "Hoàn thành", "25/06/2026", "11/BC-UBND", "25/6/2026", None])
    ws.append(["cv-12", "1.2", "Xã Cẩm Giang", "đang thực hiện", None, None, "2026-06-20", "Ghi chú, có dấu phẩy; và \"ngoặc kép\""])
    ws.append([])  # a trailing empty row
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    ws["G2"].number_format = "d/m/yyyy"
    other = wb.create_sheet("Ghi chú")
    other.append(["Trang này không phải dữ liệu"])
    second = wb.create_sheet("Tháng 7")
    second.append(HEADER)
    second.append(["cv-12", "2.1", "SNV", "hoàn thành", datetime.date(2026, 7, 2), "5/BC-SNV", datetime.date(2026, 7, 2), None])
    second["E2"].number_format = "yyyy-mm-dd"
    second["G2"].number_format = "yyyy-mm-dd"
    wb.save(path)


def bad_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    ws.append(["cv-12", "1.1", "Phường Hải Ann", "xong rồi", "31/02/2026", None, "24/06/2026", None])
    wb.save(path)


status_book("status.xlsx")
bad_book("bad-status.xlsx")


def shared_strings_book(path):
    """XlsxWriter (pip install XlsxWriter==3.3.1) stores text as shared strings, as Excel does."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Sheet1")
    date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
    for col, name in enumerate(["Văn bản", "Nhiệm vụ", "Đơn vị", "Trạng thái", "Ngày hoàn thành", "Số báo cáo", "Ngày cập nhật", "Ghi chú"]):
        ws.write_string(0, col, name)
    ws.write_string(1, 0, "cv-12")
    ws.write_string(1, 1, "2.1")
    ws.write_string(1, 2, "Sở Nội vụ")
    ws.write_string(1, 3, "Đã hoàn thành")
    ws.write_datetime(1, 4, datetime.datetime(2026, 6, 25), date_format)
    ws.write_string(1, 5, "5/BC-SNV")
    ws.write_datetime(1, 6, datetime.datetime(2026, 6, 25), date_format)
    ws.write_string(1, 7, "Đã tổng hợp báo cáo của các xã")
    wb.close()


shared_strings_book("shared-strings.xlsx")
