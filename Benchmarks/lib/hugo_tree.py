#!/usr/bin/env python3
"""Writes a Hugo site equivalent in size to a tiendo build, for the comparison.

    hugo_tree.py --content DIR --tasks TASKS.json --pages N --out HUGO_DIR

Same number of HTML pages as tiendo wrote (N) and the same Markdown bytes
tiendo reads (every directive file plus every status note, from status.csv
or every CSV of status/):

  van-ban/<directive>.md       the directive's full text (front matter dropped)
  nhiem-vu/<directive>-<task>.md  the task's number as title, the notes of its
                               status rows as Markdown paragraphs
  don-vi/<code>.md             the unit's name
  trang-<n>.md                 filler pages (home, calendar, progress ...) so
                               that Hugo writes exactly N pages

with a one-template layout (title + content), ugly URLs (flat .html files,
like tiendo), and no RSS, sitemap, taxonomies or 404 page. Also writes
HUGO_DIR/all.md, the concatenated Markdown, for the cmark floor, and prints
the task and page counts and both Markdown byte totals.
"""

import argparse
import csv
import json
import os
import re
import shutil
import sys

csv.field_size_limit(1 << 30)

CONFIG = """baseURL = "http://intranet.invalid/"
title = "Benchmark"
languageCode = "vi"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
[markup.goldmark.renderer]
unsafe = false
"""

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">Tổng quan</a></header>
<main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body></html>
"""

LIST = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""

FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--content", required=True)
    ap.add_argument("--tasks", required=True)
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    for d in ("content/van-ban", "content/nhiem-vu", "content/don-vi", "layouts/_default"):
        os.makedirs(os.path.join(out, d))
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)
    for name, text in (("single.html", PAGE), ("list.html", LIST)):
        with open(os.path.join(out, "layouts/_default", name), "w", encoding="utf-8") as f:
            f.write(text)

    written = [0]  # Markdown bytes (bodies, without Hugo front matter)
    tiendo_md = 0
    pages = 0
    allmd = open(os.path.join(out, "all.md"), "w", encoding="utf-8", newline="\n")

    def page(path, title, body):
        nonlocal pages
        with open(os.path.join(out, "content", path), "w", encoding="utf-8", newline="\n") as f:
            f.write("---\ntitle: %s\n---\n" % q(title))
            f.write(body)
        allmd.write(body)
        allmd.write("\n\n")
        written[0] += len(body.encode("utf-8"))
        pages += 1

    # Directives.
    ddir = os.path.join(args.content, "directives")
    ids = {}
    for name in sorted(os.listdir(ddir)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(ddir, name), encoding="utf-8") as f:
            text = f.read()
        tiendo_md += len(text.encode("utf-8"))
        m = re.search(r"^id:\s*(\S+)", text[:400], re.M) if text.startswith("---") else None
        did = m.group(1) if m else name[:-3]
        ids[did] = name
        page("van-ban/%s.md" % did, did, FRONT.sub("", text))

    # Notes per task, streamed from the status file.
    # (status.csv, or every CSV of a status/ folder).
    notes = {}
    folder = os.path.join(args.content, "status")
    paths = ([os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".csv")]
             if os.path.isdir(folder) else [os.path.join(args.content, "status.csv")])
    for path in paths:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            di, ti, ni = header.index("directive"), header.index("task"), header.index("note")
            for row in reader:
                if len(row) > ni and row[ni]:
                    note = row[ni]
                    tiendo_md += len(note.encode("utf-8"))
                    notes.setdefault((row[di], row[ti]), []).append(note)

    with open(args.tasks, encoding="utf-8") as f:
        tasks = json.load(f)
    units = {}
    for t in tasks:
        for code in t["units"]:
            units[code] = True
        body = "\n\n".join(notes.pop((t["directive"], t["id"]), [])) + "\n"
        page("nhiem-vu/%s-%s.md" % (t["directive"], t["id"].replace(".", "-")), "Nhiệm vụ %s" % t["id"], body)

    # Units: every unit of the register (tiendo writes a page for each).
    unit_names = []
    with open(os.path.join(args.content, "units.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*-\s*\{code:\s*"?([^",]+)"?,\s*name:\s*("[^"]*"|[^,]+),', line)
            if m:
                unit_names.append((m.group(1).strip(), m.group(2).strip().strip('"')))
    for code, name in unit_names:
        page("don-vi/%s.md" % code, name, name + "\n")

    # Hugo adds the home page and one list page per section (3 here);
    # filler pages sit at the root, in no section.
    lists = 1 + 3
    filler = args.pages - pages - lists
    for i in range(max(0, filler)):
        page("trang-%d.md" % i, "Trang %d" % i, "Trang tổng hợp.\n")
    allmd.close()
    print("tasks %d, Hugo pages %d, Markdown bytes: Hugo %d, tiendo %d" % (len(tasks), pages + lists, written[0], tiendo_md))
    if filler < 0:
        print("hugo_tree: tiendo wrote fewer pages (%d) than there are directives, tasks and units (%d)"
              % (args.pages, pages + lists), file=sys.stderr)


if __name__ == "__main__":
    main()
