"""Shared helpers for the site check: the site's file list, the sample pages, results."""
import os
import pathlib
import sys
import time

# Pages the generator must write (relative to the site folder). Kinds with a
# glob are sampled: the first in sorted order unless the caller names one.
FIXED_PAGES = {
    "home": "index.html",
    "browse": "don-vi/index.html",
    "calendar": "lich/index.html",
    "progress": "tien-do/index.html",
    "matrix": "tien-do/ma-tran.html",
}
REQUIRED_FILES = [
    "index.html", "don-vi/index.html", "lich/index.html", "lich/tat-ca.ics",
    "tien-do/index.html", "tien-do/ma-tran.html", "tien-do/tien-do.csv", "tien-do/tien-do.json", "tien-do/tien-do.xlsx",
]


def site_files(site, suffix=None):
    """Every file under site as a sorted relative POSIX path (hidden entries skipped)."""
    root = pathlib.Path(site)
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            rel = (pathlib.Path(dirpath) / name).relative_to(root).as_posix()
            if suffix is None or rel.endswith(suffix):
                out.append(rel)
    return sorted(out)


def units(files):
    return [f for f in files if f.startswith("don-vi/") and f.endswith(".html")
            and f.count("/") == 1 and f != "don-vi/index.html"]


def tasks(files):
    return [f for f in files if f.startswith("nhiem-vu/") and f.endswith(".html") and f.count("/") == 2]


def directives(files):
    return [f for f in files if f.startswith("van-ban/") and f.endswith(".html") and f.count("/") == 1]


def sample_pages(site, unit=None, task=None, directive=None):
    """kind -> relative path of the page checked in the browser, or None when missing.

    unit is a slug (don-vi/SLUG.html), task is DIRECTIVE-ID/TASK-SLUG
    (nhiem-vu/DIRECTIVE-ID/TASK-SLUG.html), directive an id (van-ban/ID.html).
    """
    files = site_files(site, ".html")
    have = set(files)
    pages = {k: (v if v in have else None) for k, v in FIXED_PAGES.items()}
    for kind, named, pattern, found in (
            ("unit", unit, "don-vi/{}.html", units(files)),
            ("task", task, "nhiem-vu/{}.html", tasks(files)),
            ("directive", directive, "van-ban/{}.html", directives(files))):
        if named:
            rel = pattern.format(named.removesuffix(".html"))
            pages[kind] = rel if rel in have else None
        else:
            pages[kind] = found[0] if found else None
    return pages


def missing_layout(site):
    """Files and kinds of page the generator must write but did not."""
    files = site_files(site)
    have = set(files)
    missing = [f for f in REQUIRED_FILES if f not in have]
    if not units(files):
        missing.append("don-vi/<slug>.html")
    if not [f for f in files if f.startswith("don-vi/") and f.endswith(".ics")]:
        missing.append("don-vi/<slug>.ics")
    if not directives(files):
        missing.append("van-ban/<id>.html")
    if not tasks(files):
        missing.append("nhiem-vu/<id>/<task>.html")
    if not [f for f in files if f.startswith("assets/") and f.endswith(".css")]:
        missing.append("assets/*.css")
    return missing


class Results:
    """Collects named PASS/FAIL results; check-site reads the RESULT lines from stdout."""

    def __init__(self):
        self.failed = False
        # check-site passes when its step began, so a time includes the tool run before
        start = os.environ.get("CHECK_STEP_START_NS")
        self.t = int(start) / 1e9 if start else time.time()

    def record(self, name, ok, detail):
        now = time.time()
        status = "PASS" if ok else "FAIL"
        self.failed |= not ok
        detail = " ".join(str(detail).split())
        print(f"RESULT\t{name}\t{status}\t{now - self.t:.1f}\t{detail}", flush=True)
        self.t = now


def say(*args):
    print(*args, flush=True)


def warn(*args):
    print(*args, file=sys.stderr, flush=True)
