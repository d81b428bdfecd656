#!/usr/bin/env python3
"""Writes a Hugo site that does the same job as tiendo's task and unit pages.

    hugo_equal.py --content DIR --tasks TASKS.json --progress TIEN-DO.json --out HUGO_DIR

The job tiendo's two heaviest page kinds do: a page per task with a row per
assigned unit, a page per unit with a row per task it is assigned, each row
carrying the unit or task, the role, the class badge (symbol, words, report
state), the completion date, the report number and the note rendered from
Markdown. Every row goes into the page's front matter (JSON), and one layout
per kind renders them with the markup tiendo's theme uses (the same element
names, classes, data- attributes and captions), notes through Hugo's
Markdown (`markdownify`), the badge looked up per row from site data as
tiendo looks it up per row. The directives' full text is rendered too, one
page each, as tiendo's directive pages do.

Where the rows come from: the corpus (units.yaml, the status files for the
notes: status.csv or every status/*.csv, the latest `updated` row of a pair
winning) and tiendo's own reading of it (`tiendo tasks --json` for the
tasks, their text, deadlines and assignees; `tien-do/tien-do.json` of a
tiendo build for each pair's class, report state, completion date and report
number, and the progress counts). Classifying is tiendo's work; Hugo gets
the classes as data, and does the rendering, which is the job compared.

Not rendered for Hugo (tiendo does them in the same build): the home page,
the browse index, calendars and .ics feeds, progress pages, exports, the
unit page's "Sắp đến hạn" cards and the consolidator's lists. `Benchmarks/run`
compares bytes over the pages both write (van-ban/, nhiem-vu/, don-vi/ unit
pages) and prints the ratio.

The progress charts of the directive and task pages ("Tiến độ theo thời
gian") are rendered too: their series (the replay of every pair's history,
tiendo's work) is read from tiendo's page as data (--site, default the site
of --progress), and Hugo draws the same SVG and table from it.

Prints the page counts and the number of rows put in front matter.
"""

import argparse
import csv
import json
import os
import re
import shutil
import unicodedata

csv.field_size_limit(1 << 30)

CONFIG = """baseURL = "http://intranet.invalid/"
title = "Tiến độ thực hiện nhiệm vụ"
languageCode = "vi"
uglyURLs = true
relativeURLs = true
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser]
autoHeadingID = false
"""

# tiendo's layout.mustache, in Go template syntax (the task and unit pages
# leave out the date of the figures: it is on the pages whose figures move with it).
BASEOF = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'">
<title>{{ .Title }} — {{ site.Title }}</title>
<link rel="icon" href="{{ .Params.root }}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{ .Params.root }}assets/style.css">
<script src="{{ .Params.root }}assets/loc.js" defer></script>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
<p class="site-name"><a href="{{ .Params.root }}index.html">{{ site.Title }}</a></p>
<p class="as-of">Số liệu cập nhật đến <strong>{{ site.Data.site.dataUpdated }}</strong></p>
<nav aria-label="Điều hướng chính">
<ul>
{{ $root := .Params.root }}{{ range site.Data.site.nav }}<li><a href="{{ $root }}{{ .href }}">{{ .label }}</a></li>
{{ end }}</ul>
</nav>
</header>
<main id="noi-dung">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>Trang được tạo bằng tiendo từ văn bản chỉ đạo và tệp trạng thái; số liệu cập nhật đến ngày {{ site.Data.site.dataUpdated }}.</p>
</footer>
</body>
</html>
"""

BADGE = """{{ $b := index (index site.Data.badges .c) (.s | default "none") }}<span class="st {{ $b.css }}" data-class="{{ .c }}" data-reported="{{ if .s }}1{{ else }}0{{ end }}"><span class="st-sym" aria-hidden="true">{{ $b.symbol }}</span> {{ $b.label }}</span>"""

PROGRESS = """{{ with .Params.progress }}<p class="big-figure"><strong>{{ .percent }}</strong> đã hoàn thành ({{ .done }}/{{ .total }} {{ $.Params.counted }})</p>
<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="{{ .percent }} hoàn thành. {{ .description }}"><rect class="bar-bg" x="0" y="0" width="100" height="6"/>{{ range .segments }}<rect class="{{ .css }}" x="{{ .x }}" y="0" width="{{ .width }}" height="6"/>{{ end }}</svg>
<ul class="counts">
{{ range .counts }}{{ $b := index (index site.Data.badges .c) "done" }}<li class="st-{{ .c }}{{ if eq .n 0 }} zero{{ end }}" data-class="{{ .c }}" data-count="{{ .n }}" data-silent="{{ .silent }}"><span class="st-sym" aria-hidden="true">{{ $b.symbol }}</span> <span class="count">{{ .n }}</span> <span class="count-label">{{ index site.Data.labels .c }}</span>{{ if gt .silent 0 }}<span class="count-silent">, trong đó {{ .silent }} chưa báo cáo</span>{{ end }}</li>
{{ end }}</ul>{{ end }}"""

# theme/templates/timeline.mustache: the chart (one rect per class per day)
# and its table, from the series tiendo worked out (read from its page as
# data: the replay of every pair's history is tiendo's work, the markup is
# the job compared).
TIMELINE = """{{ with .Params.timeline }}<figure class="timeline"><figcaption>{{ .caption }}</figcaption>
<svg class="timeline-chart" viewBox="0 0 {{ .width }} 100" preserveAspectRatio="none" role="img" aria-label="{{ .summary }}">{{ range .segments }}<rect class="{{ .css }}" x="{{ .x }}" y="{{ .y }}" width="10" height="{{ .h }}"/>{{ end }}</svg>
<p class="timeline-axis muted"><span>{{ .first }}</span><span>{{ .last }}</span></p>
{{ with .note }}<p class="muted">{{ . }}</p>{{ end }}
<details class="timeline-table"><summary>Bảng số liệu theo ngày</summary><div class="table-wrap"><table data-timeline><caption>{{ .caption }}: số lượt giao việc theo tình trạng</caption><thead><tr><th scope="col">Ngày</th>{{ range .headers }}<th scope="col">{{ . }}</th>{{ end }}<th scope="col">Tổng</th></tr></thead>
<tbody>{{ $classes := .classes }}{{ range .rows }}<tr data-date="{{ .iso }}"><th scope="row">{{ .date }}</th>{{ range $i, $n := .cells }}<td data-timeline-class="{{ index $classes $i }}">{{ $n }}</td>{{ end }}<td>{{ .total }}</td></tr>
{{ end }}</tbody></table></div></details></figure>{{ end }}"""

TASK = """{{ define "main" }}<p class="breadcrumb"><a href="{{ .Params.root }}index.html">Tổng quan</a> › <a href="{{ .Params.directiveHref }}">{{ .Params.directiveTitle }}</a> › Nhiệm vụ {{ .Params.id }}</p>
<h1>Nhiệm vụ {{ .Params.id }}</h1>
{{ with .Params.section }}<p class="muted">Mục: {{ . }}</p>{{ end }}
<div class="task-text">
{{ .Content }}
</div>
<p><a href="{{ .Params.directiveHref }}#nv-{{ .Params.anchor }}">Xem nhiệm vụ trong toàn văn</a></p>
<div class="table-scroll">
<table class="meta">
<caption>Thông tin nhiệm vụ</caption>
<tbody>
<tr><th scope="row">Thời hạn (như văn bản ghi)</th><td>{{ with .Params.phrase }}“{{ . }}”{{ else }}<span class="blank">Văn bản không ghi thời hạn</span>{{ end }}</td></tr>
<tr><th scope="row">Hạn cuối</th><td>{{ with .Params.due }}<strong>{{ . }}</strong>{{ else }}<span class="blank">Không có ngày cụ thể</span>{{ end }} ({{ .Params.kindLabel }})</td></tr>
<tr><th scope="row">Giao cho</th><td><ul class="plain">{{ range .Params.assignees }}<li>{{ .role }}: {{ if .href }}<a href="{{ .href }}">{{ .name }}</a>{{ else }}{{ .name }}{{ end }}{{ if .members }} ({{ .members }} đơn vị){{ end }}</li>{{ end }}</ul></td></tr>
<tr><th scope="row">Đơn vị tổng hợp</th><td>{{ with .Params.consolidator }}{{ . }}{{ else }}<span class="blank">(không ghi)</span>{{ end }}</td></tr>
</tbody>
</table>
</div>
""" + PROGRESS + TIMELINE + """

<section aria-labelledby="don-vi-thuc-hien">
<h2 id="don-vi-thuc-hien">Tình hình của {{ len .Params.rows }} đơn vị</h2>
<p class="muted">Xếp theo mức cần đôn đốc: quá hạn chưa báo cáo, quá hạn đã báo cáo, còn trong hạn, thường xuyên, hoàn thành quá hạn, hoàn thành đúng hạn; cùng mức thì theo tên.</p>
<div class="table-scroll">
<table class="status-table{{ if .Params.hasNotes }} with-notes{{ end }}">
<caption>Tình trạng thực hiện nhiệm vụ {{ .Params.id }} của từng đơn vị được giao</caption>
<thead><tr><th scope="col" class="col-unit">Đơn vị</th>{{ if .Params.hasPartners }}<th scope="col">Vai trò</th>{{ end }}<th scope="col" class="col-status">Tình trạng</th>{{ if .Params.hasNotes }}<th scope="col" class="col-note">Ghi chú</th>{{ end }}</tr></thead>
<tbody>
{{ $partners := .Params.hasPartners }}{{ $notes := .Params.hasNotes }}{{ range .Params.rows }}<tr data-class="{{ .c }}" data-reported="{{ if .s }}1{{ else }}0{{ end }}"><th scope="row" class="col-unit"><a href="{{ .h }}">{{ .u }}</a></th>{{ if $partners }}<td data-label="Vai trò">{{ .r }}</td>{{ end }}<td class="col-status">""" + BADGE + """
{{ with .s }}<span class="status-detail">Báo cáo: {{ index site.Data.states . }}</span>{{ end }}{{ with .f }}<span class="status-detail" data-first-reported="{{ . }}">Báo cáo lần đầu: <span class="nowrap">{{ . }}</span></span>{{ end }}{{ with .x }}<span class="status-detail" data-finished="{{ . }}">Xong: <span class="nowrap">{{ . }}</span></span>{{ end }}{{ with .d }}<span class="status-detail">Hoàn thành ngày <span class="nowrap">{{ . }}</span></span>{{ end }}{{ with .n }}<span class="status-detail">Báo cáo số <span class="nowrap">{{ . }}</span></span>{{ end }}</td>{{ if $notes }}<td class="note col-note" data-label="Ghi chú">{{ with .m }}{{ . | markdownify }}{{ end }}</td>{{ end }}</tr>
{{ end }}</tbody>
</table>
</div>
</section>
{{ end }}
"""

UNIT = """{{ define "main" }}<p class="breadcrumb"><a href="../index.html">Tổng quan</a> › <a href="index.html">Đơn vị</a> › {{ .Title }}</p>
<h1>{{ .Title }}</h1>
<p class="muted">{{ .Params.typeLabel }} · mã {{ .Params.code }}</p>
<p><a class="button" href="{{ .Params.feedHref }}">Lịch thời hạn của đơn vị (.ics)</a> <span class="muted">— thêm vào ứng dụng lịch để được nhắc hạn.</span></p>
<p><a href="../tien-do/tien-do.xlsx">Bảng tiến độ Excel (.xlsx)</a> <span class="muted">— trang “Chi tiết” có từng nhiệm vụ của từng đơn vị.</span></p>
{{ if .Params.rows }}""" + PROGRESS + """
<section aria-labelledby="nhiem-vu-duoc-giao">
<h2 id="nhiem-vu-duoc-giao">Nhiệm vụ được giao</h2>
<div class="table-scroll">
<table class="status-table">
<caption>Các nhiệm vụ giao cho {{ .Title }} và tình trạng thực hiện</caption>
<thead><tr><th scope="col">Nhiệm vụ</th><th scope="col">Nội dung</th><th scope="col">Thời hạn</th><th scope="col">Tình trạng</th><th scope="col">Hoàn thành</th><th scope="col">Số báo cáo</th><th scope="col">Ghi chú</th></tr></thead>
<tbody>
{{ range .Params.rows }}<tr data-class="{{ .c }}" data-reported="{{ if .s }}1{{ else }}0{{ end }}"><th scope="row"><a href="{{ .h }}">{{ .t }}</a><br><a class="muted" href="{{ .dh }}">{{ .dn }}</a></th><td data-label="Nội dung">{{ .x }}<br><span class="muted">{{ .r }}</span></td><td data-label="Thời hạn">{{ with .dp }}<span class="dl-phrase">{{ . }}</span>{{ end }}{{ with .dd }}<br><span class="dl-due">Hạn cuối: <strong>{{ . }}</strong></span>{{ end }}{{ if not .dp }}<span class="muted">Không ghi thời hạn</span>{{ end }}</td><td data-label="Tình trạng">""" + BADGE + """{{ with .s }}<br><span class="muted">Báo cáo: {{ index site.Data.states . }}</span>{{ end }}</td><td data-label="Hoàn thành">{{ .d }}</td><td data-label="Số báo cáo">{{ .n }}</td><td class="note" data-label="Ghi chú">{{ with .m }}{{ . | markdownify }}{{ end }}</td></tr>
{{ end }}</tbody>
</table>
</div>
</section>
{{ else }}<p>Đơn vị chưa được giao nhiệm vụ nào trong các văn bản đang theo dõi.</p>{{ end }}
{{ end }}
"""

DIRECTIVE = """{{ define "main" }}<p class="breadcrumb"><a href="../index.html">Tổng quan</a> › Văn bản</p>
<h1>{{ .Title }}</h1>
""" + TIMELINE + """
<div class="directive-text">
{{ .Content }}
</div>
{{ end }}
"""

CLASSES = ["done-on-time", "done-late", "in-progress", "standing", "overdue"]
LABEL = {"done-on-time": "Đã hoàn thành đúng hạn", "done-late": "Đã hoàn thành quá hạn",
         "in-progress": "Đang thực hiện trong hạn", "overdue": "Quá hạn chưa hoàn thành",
         "standing": "Thường xuyên / không có hạn cụ thể"}
SYMBOL = {"done-on-time": "✓", "done-late": "✓!", "in-progress": "…", "overdue": "✗", "standing": "∞"}
STATE = {"not-started": "Chưa thực hiện", "in-progress": "Đang thực hiện", "done": "Đã hoàn thành"}
SEVERITY = {"overdue": 0, "in-progress": 2, "standing": 3, "done-late": 4, "done-on-time": 5}
TYPE_LABEL = {"phuong": "Phường", "xa": "Xã", "dac-khu": "Đặc khu"}
KIND_LABEL = {"on": "đến hết ngày", "before": "trước ngày ghi trong văn bản, tức là đến hết ngày hôm trước",
              "within": "trong kỳ, đến hết ngày cuối kỳ", "recurring": "định kỳ",
              "standing": "thường xuyên, không có hạn cụ thể", "reference": "theo tiến độ của văn bản khác"}
NAV = [("index.html", "Tổng quan"), ("van-ban/index.html", "Văn bản"), ("don-vi/index.html", "Đơn vị"),
       ("lich/index.html", "Lịch thời hạn"), ("tien-do/index.html", "Tiến độ"), ("cap-nhat/index.html", "Cập nhật")]
UNIT_LINE = re.compile(r'^\s*-\s*\{code:\s*"?([^",]+)"?,\s*name:\s*("[^"]*"|[^,]+),\s*type:\s*([a-z-]+)')
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def badge_words(cls, state):
    """tiendo's BadgeView.words: the class, with the report state where it adds something."""
    if cls == "overdue" and state is None:
        return LABEL[cls] + " · chưa báo cáo"
    if cls == "in-progress" and state is None:
        return "Còn trong hạn · chưa báo cáo"
    if cls == "in-progress" and state == "not-started":
        return "Chưa thực hiện · còn trong hạn"
    if cls == "standing":
        return "Thường xuyên · " + ("chưa báo cáo" if state is None else STATE[state].lower())
    return LABEL[cls]


def slug(text):
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def vn(iso):
    if not iso:
        return ""
    if "/" in iso:
        return iso
    y, m, d = iso.split("-")
    return "%s/%s/%s" % (d, m, y)


def plain(markdown, limit=220):
    """The task's text as one plain line, cut at a space like tiendo's Format.cut."""
    t = re.sub(r"[*_`#>]+", "", markdown)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = " ".join(t.split())
    if len(t) <= limit:
        return t
    cut = t[:limit]
    sp = cut.rfind(" ")
    return (cut[:sp] if sp >= 0 else cut) + " …"


def status_files(content):
    folder = os.path.join(content, "status")
    if os.path.isdir(folder):
        return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".csv")]
    return [os.path.join(content, "status.csv")]


def date_key(text):
    text = text.strip()
    if "/" in text:
        d, m, y = text.split("/")
        return (int(y), int(m), int(d))
    if "-" in text:
        y, m, d = text.split("-")
        return (int(y), int(m), int(d))
    return (0, 0, 0)


def history_of(content):
    """(directive, task, unit) -> (first report day, finish day), as tiendo's
    StatusHistory.firstReported / finished read the pair's rows in date order."""
    rows = {}
    for path in status_files(content):
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            di, ti, ui, si, ci, up = (header.index(k) for k in ("directive", "task", "unit", "state", "completed", "updated"))
            for row in reader:
                if len(row) <= max(di, ti, ui, si, ci, up):
                    continue
                rows.setdefault((row[di], row[ti], row[ui]), []).append((date_key(row[up]), row[si].strip(), row[ci].strip(), row[up].strip()))
    out = {}
    for key, history in rows.items():
        history.sort(key=lambda r: r[0])
        first = next((vn(r[3]) for r in history if r[3]), "")
        done = next((r for r in history if r[1] in ("hoàn thành", "done", "đã hoàn thành")), None)
        out[key] = (first, vn(done[2] or done[3]) if done else "")
    return out


def notes_of(content):
    """(directive, task, unit) -> the note of its latest row."""
    notes = {}
    for path in status_files(content):
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            di, ti, ui, ni, up = (header.index(k) for k in ("directive", "task", "unit", "note", "updated"))
            for row in reader:
                if len(row) <= ni:
                    continue
                key = (row[di], row[ti], row[ui])
                when = date_key(row[up])
                old = notes.get(key)
                if old is None or when >= old[0]:
                    notes[key] = (when, row[ni])
    return {k: v[1] for k, v in notes.items() if v[1]}


def progress(p, counted):
    counts = p["counts"]
    silent = p.get("not_reported") or {}
    total = p["total"] or 0
    segments, x = [], 0.0
    for c in CLASSES:
        n = counts.get(c, 0)
        if n and total:
            w = 100.0 * n / total
            segments.append({"css": "st-" + c, "x": "%.2f" % x, "width": "%.2f" % w})
            x += w
    return {"percent": "%d %%" % (p.get("percent_done") or 0), "done": p.get("done", 0), "total": total,
            "description": ", ".join("%d %s" % (counts.get(c, 0), LABEL[c].lower()) for c in CLASSES),
            "segments": segments,
            "counts": [{"c": c, "n": counts.get(c, 0), "silent": silent.get(c, 0) if isinstance(silent, dict) else 0}
                       for c in CLASSES]}


FIGURE = re.compile(r'<figure class="timeline"><figcaption>(.*?)</figcaption>\n<svg class="timeline-chart" viewBox="0 0 (\d+) 100"'
                    r'[^>]*aria-label="([^"]*)">(.*?)</svg>\n<p class="timeline-axis muted"><span>(.*?)</span><span>(.*?)</span></p>\n'
                    r'(?:<p class="muted">(.*?)</p>)?\n<details.*?<thead><tr><th scope="col">Ngày</th>(.*?)<th scope="col">Tổng</th></tr></thead>\n'
                    r'<tbody>(.*?)</tbody>', re.S)
RECT = re.compile(r'<rect class="([^"]*)" x="([^"]*)" y="([^"]*)" width="10" height="([^"]*)"/>')
ROW = re.compile(r'<tr data-date="([^"]*)"><th scope="row">([^<]*)</th>(.*?)<td>(\d+)</td></tr>')
CELL = re.compile(r'<td data-timeline-class="([^"]*)">(\d+)</td>')


def timeline_of(page):
    """The series of tiendo's chart on `page`, as data (None without one)."""
    try:
        with open(page, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return None
    m = FIGURE.search(text)
    if not m:
        return None
    rows, classes = [], []
    for r in ROW.finditer(m.group(9)):
        cells = CELL.findall(r.group(3))
        classes = [c for c, _ in cells]
        rows.append({"iso": r.group(1), "date": r.group(2), "cells": [int(n) for _, n in cells], "total": int(r.group(4))})
    return {"caption": m.group(1), "width": int(m.group(2)), "summary": m.group(3),
            "segments": [{"css": c, "x": x, "y": y, "h": h} for c, x, y, h in RECT.findall(m.group(4))],
            "first": m.group(5), "last": m.group(6), "note": m.group(7) or "",
            "headers": re.findall(r'<th scope="col">([^<]*)</th>', m.group(8)), "classes": classes, "rows": rows}


def write(path, front, body=""):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(front, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n\n")
        f.write(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--content", required=True)
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--progress", required=True, help="tien-do/tien-do.json of a tiendo build of the same content")
    ap.add_argument("--out", required=True)
    ap.add_argument("--site", help="the tiendo site the charts are read from (default: two folders above --progress)")
    args = ap.parse_args()
    out = args.out
    site = args.site or os.path.dirname(os.path.dirname(os.path.abspath(args.progress)))
    ncharts = 0
    if os.path.exists(out):
        shutil.rmtree(out)
    for d in ("layouts/_default", "layouts/nhiem-vu", "layouts/don-vi", "layouts/van-ban", "data", "content"):
        os.makedirs(os.path.join(out, d))
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    for path, text in (("layouts/_default/baseof.html", BASEOF), ("layouts/_default/single.html", DIRECTIVE),
                       ("layouts/nhiem-vu/single.html", TASK), ("layouts/don-vi/single.html", UNIT),
                       ("layouts/van-ban/single.html", DIRECTIVE)):
        with open(os.path.join(out, path), "w", encoding="utf-8") as f:
            f.write(text)

    with open(args.tasks, encoding="utf-8") as f:
        tasks = json.load(f)
    with open(args.progress, encoding="utf-8") as f:
        figures = json.load(f)
    units, unit_type = {}, {}
    with open(os.path.join(args.content, "units.yaml"), encoding="utf-8") as f:
        for line in f:
            m = UNIT_LINE.match(line)
            if m:
                code = m.group(1).strip()
                units[code] = m.group(2).strip().strip('"')
                unit_type[code] = m.group(3)
    # tiendo's page names: the name's slug, with the code added to every unit
    # whose slug another unit shares (two "Xã Cẩm Giang" in one register).
    slugs = {}
    for code, name in units.items():
        slugs.setdefault(slug(name), []).append(code)
    unit_page = {code: (slug(name) if len(slugs[slug(name)]) == 1 else "%s-%s" % (slug(name), code)) + ".html"
                 for code, name in units.items()}
    notes = notes_of(args.content)
    history = history_of(args.content)

    as_of = vn(figures.get("as_of") or "")
    data_updated = vn(figures.get("data_updated") or figures.get("as_of") or "")
    badges = {c: {s or "none": {"css": "st-" + c + ("" if s else " st-silent"), "symbol": SYMBOL[c],
                                "label": badge_words(c, s)}
                  for s in (None, "not-started", "in-progress", "done")} for c in CLASSES}
    with open(os.path.join(out, "data", "badges.json"), "w", encoding="utf-8") as f:
        json.dump(badges, f, ensure_ascii=False)
    with open(os.path.join(out, "data", "states.json"), "w", encoding="utf-8") as f:
        json.dump(STATE, f, ensure_ascii=False)
    with open(os.path.join(out, "data", "labels.json"), "w", encoding="utf-8") as f:
        json.dump(LABEL, f, ensure_ascii=False)
    with open(os.path.join(out, "data", "site.json"), "w", encoding="utf-8") as f:
        json.dump({"asOf": as_of, "dataUpdated": data_updated,
                   "nav": [{"href": h, "label": l} for h, l in NAV]}, f, ensure_ascii=False)

    task_progress = {(t["directive"], t["id"]): t["progress"] for t in figures["tasks"]}
    unit_progress = {u["code"]: u["progress"] for u in figures["units"]}
    assignment = {(a["directive"], a["task"], a["unit"]): a for a in figures["assignments"]}
    directive_title = {d["id"]: d.get("title") or d["id"] for d in figures["directives"]}

    # Directives: their full text.
    ddir = os.path.join(args.content, "directives")
    ndirectives = 0
    for name in sorted(os.listdir(ddir)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(ddir, name), encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"^id:\s*(\S+)", text[:400], re.M) if text.startswith("---") else None
        did = m.group(1) if m else name[:-3]
        front = {"title": directive_title.get(did, did), "root": "../"}
        chart = timeline_of(os.path.join(site, "van-ban", did + ".html"))
        if chart:
            front["timeline"] = chart
            ncharts += 1
        write(os.path.join(out, "content", "van-ban", did + ".md"), front, FRONT.sub("", text))
        ndirectives += 1

    # Tasks, and each unit's rows gathered on the way.
    unit_rows = {code: [] for code in units}
    nrows = 0
    for t in tasks:
        did, tid = t["directive"], t["id"]
        page = tid.replace(".", "-") + ".html"
        roles = {}
        group_role = None
        for a in t.get("assignees") or []:
            role = "Chủ trì" if a.get("role") == "lead" else "Phối hợp"
            if a.get("code") in units:
                roles.setdefault(a["code"], role)
            elif group_role is None:
                group_role = role
        deadline = t.get("deadline") or {}
        rows = []
        for code in t["units"]:
            a = assignment.get((did, tid, code), {})
            cls = a.get("class") or "standing"
            state = a.get("state")
            row = {"c": cls, "s": state or "", "u": units.get(code, code), "h": "../../don-vi/" + unit_page.get(code, code + ".html"),
                   "r": roles.get(code, group_role or "Chủ trì"), "d": vn(a.get("completed") or ""),
                   "n": a.get("report") or "", "m": notes.get((did, tid, code), ""),
                   "f": history.get((did, tid, code), ("", ""))[0] if state else "",
                   "x": history.get((did, tid, code), ("", ""))[1] if state else ""}
            rows.append(row)
            unit_rows.setdefault(code, []).append({
                "t": tid, "h": "../nhiem-vu/%s/%s" % (did, page), "dn": did, "dh": "../van-ban/%s.html" % did,
                "x": plain(t["text"]), "r": row["r"], "dp": deadline.get("text") or "", "dd": vn(deadline.get("due") or ""),
                "c": cls, "s": row["s"], "d": row["d"], "n": row["n"], "m": row["m"]})
        rows.sort(key=lambda r: (SEVERITY[r["c"]] + (1 if r["c"] == "overdue" and r["s"] else 0), r["u"]))
        nrows += len(rows)
        front = {"title": "Nhiệm vụ %s" % tid, "root": "../../", "id": tid, "anchor": page[:-5],
                 "directiveHref": "../../van-ban/%s.html" % did, "directiveTitle": directive_title.get(did, did),
                 "section": t.get("section") or "", "phrase": deadline.get("text") or "", "due": vn(deadline.get("due") or ""),
                 "kindLabel": KIND_LABEL.get(deadline.get("kind"), "văn bản không ghi thời hạn"),
                 "assignees": [{"role": "Chủ trì" if a.get("role") == "lead" else "Phối hợp", "name": a["name"],
                                "href": ("../../don-vi/" + unit_page[a["code"]]) if a.get("code") in units else "",
                                "members": (len(t["units"]) if a.get("code") not in units else 0)}
                               for a in t.get("assignees") or []],
                 "consolidator": ((t.get("consolidator") or {}).get("name") or ""),
                 "counted": "đơn vị", "rows": rows,
                 "hasPartners": any(r["r"] != "Chủ trì" for r in rows), "hasNotes": any(r["m"] for r in rows)}
        if (did, tid) in task_progress:
            front["progress"] = progress(task_progress[(did, tid)], "đơn vị")
        chart = timeline_of(os.path.join(site, "nhiem-vu", did, page.lower()))
        if chart:
            front["timeline"] = chart
            ncharts += 1
        write(os.path.join(out, "content", "nhiem-vu", did, tid.replace(".", "-") + ".md"), front, t["text"] + "\n")

    for code, name in units.items():
        rows = unit_rows.get(code, [])
        nrows += len(rows)
        front = {"title": name, "root": "../", "code": code, "typeLabel": TYPE_LABEL.get(unit_type[code], "Sở, ngành"),
                 "feedHref": unit_page[code][:-5] + ".ics", "counted": "nhiệm vụ", "rows": rows}
        if code in unit_progress:
            front["progress"] = progress(unit_progress[code], "nhiệm vụ")
        write(os.path.join(out, "content", "don-vi", unit_page[code][:-5] + ".md"), front)

    print("equal job: %d directive, %d task and %d unit pages, %d rows and %d progress charts in front matter"
          % (ndirectives, len(tasks), len(units), nrows, ncharts))


if __name__ == "__main__":
    main()
