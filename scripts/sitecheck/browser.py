"""The site in headless Chromium (selenium), over http and over file://.

python -m sitecheck.browser --site DIR --base URL --out DIR [--checks browser,a11y]
                            [--unit SLUG] [--task ID/SLUG] [--directive ID]

One browser session does everything but the JavaScript-off filter test, which
needs a second one started with JavaScript disabled.
"""
import argparse
import base64
import importlib.util
import json
import os
import pathlib
import re
import time
import unicodedata
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions

from .common import Results, sample_pages, say

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Given explicitly: without it selenium would look for (and try to download) a driver.
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAIL_IMPACTS = {"minor", "moderate", "serious", "critical"}  # any violation fails
A4_WIDTH_PT, A4_HEIGHT_PT = 595.3, 841.9
PHONE_WIDTH = 360
# A4 (210 mm) less Chromium's default 1 cm margins each side, in CSS px (96/in)
PRINT_WIDTH_PX = round((210 - 20) / 25.4 * 96)

FILTER_PAGE = "browse"
FILTER_INPUT = "loc-don-vi"
FILTER_CASES = [  # what a reader types -> units that must stay visible, and whether only they may
    ("cam giang", {"Xã Cẩm Giang", "Xã Cẩm Giàng"}, True),
    ("Cẩm Giàng", {"Xã Cẩm Giàng"}, False),
    ("hai an", {"Phường Hải An"}, False),
]
NARROW_KINDS = ["home", "browse", "unit", "calendar", "progress", "matrix", "task", "directive", "recent"]
SCREENSHOT_KINDS = ["home", "unit", "task", "calendar", "progress"]
PRINT_KINDS = ["unit", "task", "progress"]
# Printed pages whose layout is checked box by box (overlaps, folded lists, stray text).
PRINT_LAYOUT_KINDS = ["unit", "task", "progress"]
AXE_KINDS = ["home", "browse", "unit", "task", "directive", "calendar", "progress", "matrix", "recent"]
FAVICON_HINT = (" (a page without <link rel=\"icon\" href=...> makes the browser ask the server root;"
                " declare one inside the site)")
IGNORED_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-error:", "devtools:", "chrome-extension:")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def make_driver(javascript=True):
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--lang=vi-VN", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--force-color-profile=srgb", "--font-render-hinting=none"):
        o.add_argument(arg)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    prefs = {"intl.accept_languages": "vi-VN,vi"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    o.add_experimental_option("prefs", prefs)
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)
    d.set_page_load_timeout(30)
    d.set_script_timeout(600)  # axe on a large page of an M site, on a loaded machine
    return d


class Site:
    """The two ways a reader reaches a page: the web server, and the folder on disk."""

    def __init__(self, site, base):
        self.dir = pathlib.Path(site).resolve()
        self.base = base if base.endswith("/") else base + "/"
        self.file_base = self.dir.as_uri() + "/"

    def url(self, rel, mode):
        return (self.base if mode == "http" else self.file_base) + urllib.parse.quote(rel)

    def inside(self, url, mode):
        if url.startswith(IGNORED_SCHEMES):
            return True
        return url.split("#")[0].startswith(self.base if mode == "http" else self.file_base)


class Browser:
    def __init__(self, args):
        self.site = Site(args.site, args.base)
        self.out = pathlib.Path(args.out)
        self.pages = sample_pages(args.site, args.unit, args.task, args.directive)
        self.d = make_driver()
        self.log = []

    # --- helpers
    def drain_logs(self):
        self.d.get_log("browser")
        self.d.get_log("performance")

    def load(self, rel, mode="http"):
        self.d.get(self.site.url(rel, mode))

    def emulate(self, width=None, mobile=False, media=None):
        if width is None:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        else:
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 800 if mobile else 900,
                                    "deviceScaleFactor": 1, "mobile": mobile})
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media or ""})

    def kinds(self, kinds):
        missing = [k for k in kinds if not self.pages.get(k)]
        return [(k, self.pages[k]) for k in kinds if self.pages.get(k)], missing

    # --- console errors and requests leaving the site
    def console_and_requests(self, mode):
        pages = sorted({p for p in self.pages.values() if p})
        errors, offsite = [], []
        for rel in pages:
            self.drain_logs()
            self.load(rel, mode)
            time.sleep(0.2)  # let deferred scripts run and late requests start
            urls = self.d.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                ".concat([location.href]);") or []
            for entry in self.d.get_log("performance"):
                msg = json.loads(entry["message"])["message"]
                if msg["method"] == "Network.requestWillBeSent":
                    urls.append(msg["params"]["request"]["url"])
                elif msg["method"] == "Network.webSocketCreated":
                    urls.append(msg["params"]["url"])
            for u in sorted(set(urls)):
                if not self.site.inside(u, mode):
                    offsite.append(f"{rel}: request to {u}{FAVICON_HINT if u.endswith('/favicon.ico') else ''}")
            for e in self.d.get_log("browser"):
                if e["level"] == "SEVERE":
                    msg = " ".join(e["message"].split())[:300]
                    errors.append(f"{rel}: {msg}{FAVICON_HINT if '/favicon.ico' in msg else ''}")
        return pages, errors, offsite

    # --- the unit filter
    def visible_units(self):
        return self.d.execute_script(
            "return Array.from(document.querySelectorAll('li[data-loc]'))"
            ".filter(li => li.getClientRects().length > 0).map(li => li.getAttribute('data-loc'));")

    def filter_test(self, mode):
        problems = []
        rel = self.pages.get(FILTER_PAGE)
        if not rel:
            return ["no don-vi/index.html"]
        self.load(rel, mode)
        inputs = self.d.find_elements(By.ID, FILTER_INPUT)
        if not inputs:
            return [f"{rel}: no element with id=\"{FILTER_INPUT}\""]
        box = inputs[0]
        if box.tag_name != "input" or box.get_attribute("type") != "search":
            problems.append(f"#{FILTER_INPUT} is <{box.tag_name} type={box.get_attribute('type')}>, "
                            "want <input type=\"search\">")
        total = self.d.execute_script("return document.querySelectorAll('li[data-loc]').length;")
        if not total:
            return problems + [f"{rel}: no <li data-loc=...> items"]
        if len(self.visible_units()) != total:
            problems.append(f"before typing only {len(self.visible_units())} of {total} units are visible")
        for query, want, exact in FILTER_CASES:
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.BACKSPACE)
            box.send_keys(query)
            time.sleep(0.1)
            seen = {nfc(x) for x in self.visible_units()}
            if exact and seen != want:
                problems.append(f"typing '{query}' shows {sorted(seen)[:6]}{'…' if len(seen) > 6 else ''} "
                                f"({len(seen)}), want exactly {sorted(want)}")
            elif not exact and not want <= seen:
                problems.append(f"typing '{query}' hides {sorted(want - seen)}")
            elif not exact and len(seen) >= total:
                problems.append(f"typing '{query}' hides nothing")
            else:
                say(f"      filter ({mode}): '{query}' -> {len(seen)} of {total}: "
                    f"{', '.join(sorted(seen)[:4])}{'…' if len(seen) > 4 else ''}")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        time.sleep(0.1)
        if len(self.visible_units()) != total:
            problems.append(f"after clearing the box only {len(self.visible_units())} of {total} are visible")
        return [f"{mode}: {p}" for p in problems]

    # --- 360 px
    OVERFLOW_JS = """
        const de = document.documentElement, w = de.clientWidth, out = [];
        function scrolls(el) {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
          }
          return false;
        }
        if (de.scrollWidth > w) {
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > w + 1 && !scrolls(el)) {
              out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                       (el.classList.length ? '.' + Array.from(el.classList).join('.') : '') +
                       ' (right edge ' + Math.round(r.right) + 'px)');
              if (out.length >= 3) break;
            }
          }
        }
        return {inner: window.innerWidth, client: w, scroll: de.scrollWidth, culprits: out};
    """

    # Links, buttons and fields a thumb taps: at least 44 px tall. Links inside running
    # text are exempt (WCAG 2.5.8): their paragraph, item or cell holds other text.
    TAP_JS = """
        const small = [];
        for (const el of document.querySelectorAll('a, button, input, summary, select')) {
          const r = el.getBoundingClientRect();
          if (!r.width || !r.height) continue;
          const block = el.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, caption');
          if (block && block.textContent.trim() !== el.textContent.trim()) continue;
          if (r.height < 43.5) small.push('"' + el.textContent.trim().slice(0, 30) + '" ' + Math.round(r.height) + ' px');
        }
        return small;
    """

    def narrow(self):
        problems, checked = [], []
        pages, missing = self.kinds(NARROW_KINDS)
        self.emulate(PHONE_WIDTH, mobile=True)
        try:
            for kind, rel in pages:
                self.load(rel)
                m = self.d.execute_script(self.OVERFLOW_JS)
                checked.append(rel)
                if m["client"] != PHONE_WIDTH:
                    problems.append(f"{rel}: laid out {m['client']} px wide on a {PHONE_WIDTH} px phone: "
                                    "needs <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                elif m["scroll"] > m["client"]:
                    problems.append(f"{rel}: scrolls sideways ({m['scroll']} px > {m['client']} px); "
                                    f"too wide: {', '.join(m['culprits']) or '?'}")
                small = self.d.execute_script(self.TAP_JS)
                if small:
                    problems.append(f"{rel}: {len(small)} tap target(s) under 44 px, e.g. {', '.join(small[:3])}")
        finally:
            self.emulate(None)
        return checked, problems + [f"no {k} page to check" for k in missing]

    # --- screenshots
    def screenshots(self):
        shot_dir = self.out / "screenshots"
        shot_dir.mkdir(parents=True, exist_ok=True)
        saved = []
        pages, missing = self.kinds(SCREENSHOT_KINDS)
        for width, mobile in ((1366, False), (PHONE_WIDTH, True)):
            self.emulate(width, mobile=mobile)
            try:
                for kind, rel in pages:
                    self.load(rel)
                    h = self.d.execute_script("return Math.min(document.documentElement.scrollHeight, 12000);")
                    shot = self.d.execute_cdp_cmd("Page.captureScreenshot", {
                        "format": "png", "captureBeyondViewport": True,
                        "clip": {"x": 0, "y": 0, "width": width, "height": h, "scale": 1}})
                    path = shot_dir / f"{kind}-{width}.png"
                    path.write_bytes(base64.b64decode(shot["data"]))
                    saved.append(path.name)
            finally:
                self.emulate(None)
        return saved, [f"no {k} page to photograph" for k in missing]

    # --- print layout, box by box
    PRINT_LAYOUT_JS = """
        const out = {overlaps: [], folded: [], outside: [], orphans: []};
        function shown(el) { return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'; }
        function textRects(el) {
          const rects = [], walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim() || !n.parentElement || !shown(n.parentElement)) continue;
            const r = document.createRange(); r.selectNodeContents(n);
            for (const b of r.getClientRects()) if (b.width > 0.5 && b.height > 0.5) rects.push(b);
          }
          return rects;
        }
        function meet(a, b) { return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1; }
        function name(el) { return el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''); }
        // 1. No two cells of a row have text boxes that overlap.
        for (const tr of document.querySelectorAll('tr')) {
          if (!shown(tr)) continue;
          const cells = Array.from(tr.children).filter(shown).map(c => [c, textRects(c)]);
          for (let i = 0; i < cells.length; i++) for (let j = i + 1; j < cells.length; j++)
            for (const a of cells[i][1]) for (const b of cells[j][1])
              if (meet(a, b) && out.overlaps.length < 10)
                out.overlaps.push('"' + cells[i][0].textContent.trim().slice(0, 30) + '" over "' + cells[j][0].textContent.trim().slice(0, 30) + '"');
        }
        // 2. Folded lists print open.
        for (const d of document.querySelectorAll('details')) {
          if (!shown(d)) continue;
          for (const c of d.children) if (c.tagName !== 'SUMMARY' && !shown(c))
            out.folded.push((d.querySelector('summary') || d).textContent.trim().slice(0, 60));
        }
        // 3. Every visible text stays inside its table cell, paragraph, item, heading or caption.
        const boxes = 'td, th, p, li, caption, figcaption, summary, h1, h2, h3, h4, dd, dt';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!n.textContent.trim() || !el || !shown(el)) continue;
          const box = el.closest(boxes);
          if (!box) { if (out.outside.length < 10) out.outside.push('"' + n.textContent.trim().slice(0, 40) + '" in ' + name(el) + ' (no cell, paragraph or item)'); continue; }
          const frame = box.getBoundingClientRect();
          const r = document.createRange(); r.selectNodeContents(n);
          for (const b of r.getClientRects()) {
            if (b.width < 0.5) continue;
            if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1) {
              if (out.outside.length < 10) out.outside.push('"' + n.textContent.trim().slice(0, 40) + '" overflows its ' + name(box));
              break;
            }
          }
        }
        // 4. No phrase left orphaned by a hidden button or link ("— thêm vào ứng dụng lịch…").
        for (const el of document.querySelectorAll('p, li')) {
          if (!shown(el)) continue;
          const text = el.innerText.trim();
          const next = el.nextElementSibling;
          const leadsIn = /:$/.test(text) && next && shown(next);  // "... theo thứ tự chữ cái:" before its list
          if (/^[—–-]|[—–]$/.test(text) || /^[;,.]/.test(text) || (/:$/.test(text) && !leadsIn))
            out.orphans.push('"' + text.slice(0, 60) + '"');
        }
        return out;
    """

    def print_layout(self):
        problems, done = [], []
        pages, missing = self.kinds(PRINT_LAYOUT_KINDS)
        # Also the biggest unit page: a consolidator's, with its lists of who has reported.
        unit_pages = sorted(self.site.dir.glob("don-vi/*.html"), key=lambda p: (-p.stat().st_size, p.name))
        unit_pages = [p for p in unit_pages if p.name != "index.html"]
        if unit_pages:
            biggest = unit_pages[0].relative_to(self.site.dir).as_posix()
            if biggest not in [rel for _, rel in pages]:
                pages.append(("unit", biggest))
        for kind, rel in pages:
            self.load(rel)
            self.emulate(PRINT_WIDTH_PX, media="print")
            try:
                r = self.d.execute_script(self.PRINT_LAYOUT_JS)
            finally:
                self.emulate(None)
            for what, label in (("overlaps", "table cells overlap"), ("folded", "<details> content hidden in print"),
                                ("outside", "text outside its box"), ("orphans", "orphan text")):
                problems += [f"{rel}: {label}: {x}" for x in r[what]]
            done.append(rel)
        return done, problems + [f"no {k} page to print" for k in missing]

    # --- print
    def print_checks(self):
        pdf_dir = self.out / "pdf"
        pdf_dir.mkdir(parents=True, exist_ok=True)
        problems, done = [], []
        pages, missing = self.kinds(PRINT_KINDS)
        for kind, rel in pages:
            self.load(rel)
            navs = self.d.execute_script(
                "return Array.from(document.querySelectorAll('nav')).filter(n => n.getClientRects().length).length;")
            if not navs:
                problems.append(f"{rel}: no visible <nav> on screen")
            self.emulate(PRINT_WIDTH_PX, media="print")
            try:
                shown = self.d.execute_script(
                    "return Array.from(document.querySelectorAll('nav')).filter(n => n.getClientRects().length)"
                    ".map(n => n.getAttribute('aria-label') || n.className || 'nav');")
                if shown:
                    problems.append(f"{rel}: <nav> still shown when printed ({', '.join(shown)}): hide it in @media print")
                m = self.d.execute_script(self.OVERFLOW_JS)
                if m["scroll"] > m["client"]:
                    problems.append(f"{rel}: printed content is {m['scroll']} px wide, A4 fits {m['client']} px; "
                                    f"too wide: {', '.join(m['culprits']) or '?'}")
            finally:
                self.emulate(None)
            opts = PrintOptions()
            opts.page_width, opts.page_height = 21.0, 29.7
            opts.background = True
            pdf = base64.b64decode(self.d.print_page(opts))
            path = pdf_dir / f"{kind}.pdf"
            path.write_bytes(pdf)
            boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
            if not boxes:
                problems.append(f"{rel}: no /MediaBox in the PDF")
            for b in set(boxes):
                w, h = float(b[2]) - float(b[0]), float(b[3]) - float(b[1])
                if abs(w - A4_WIDTH_PT) > 3 or abs(h - A4_HEIGHT_PT) > 3:
                    problems.append(f"{rel}: PDF page is {w:.1f}x{h:.1f} pt, A4 is {A4_WIDTH_PT}x{A4_HEIGHT_PT}")
            n_pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
            done.append(f"{path.name} ({n_pages} p.)")
        return done, problems + [f"no {k} page to print" for k in missing]

    # --- accessibility
    def axe(self):
        spec = importlib.util.find_spec("axe_playwright_python")  # find, don't import: it imports playwright
        src = (pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text(encoding="utf-8")
        pages, missing = self.kinds(AXE_KINDS)
        report, problems, minor, version = {}, [], 0, "?"
        for kind, rel in pages:
            self.load(rel)
            self.d.execute_script(src)
            r = self.d.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, arguments[0]).then(done, e => done({error: String(e)}));",
                {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
            if "error" in r:
                problems.append(f"{rel}: axe failed: {r['error']}")
                continue
            version = r["testEngine"]["version"]
            report[rel] = r["violations"]
            for v in r["violations"]:
                nodes = v["nodes"]
                line = (f"{rel}: [{v['impact']}] {v['id']}: {v['help']} ({len(nodes)}x, e.g. "
                        f"{' '.join(map(str, nodes[0]['target']))})")
                if v["impact"] in FAIL_IMPACTS:
                    problems.append(line)
                else:
                    minor += 1
                    say(f"      note {line}")
        (self.out / "axe.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        return [p for _, p in pages], problems + [f"no {k} page to check" for k in missing], minor, version

    FOCUS_JS = """
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return {what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' +
                      (el.textContent || el.value || '').trim().slice(0, 30) + '"',
                ring: ring, shown: el.getClientRects().length > 0};
    """

    def focus(self, tabs=8):
        problems, seen = [], 0
        for kind in ("home", "browse"):
            rel = self.pages.get(kind)
            if not rel:
                continue
            self.load(rel)
            for _ in range(tabs):
                ActionChains(self.d).send_keys(Keys.TAB).perform()
                f = self.d.execute_script(self.FOCUS_JS)
                if not f:
                    continue
                seen += 1
                if not f["ring"] or not f["shown"]:
                    problems.append(f"{rel}: keyboard focus on {f['what']} is not visible "
                                    f"({'no outline/box-shadow' if not f['ring'] else 'element not shown'})")
        if not seen:
            problems.append("Tab reached no element on home or browse")
        return seen, problems


def nojs_filter(site, rel):
    """With JavaScript off every unit is listed (a second browser, started with JS disabled)."""
    d = make_driver(javascript=False)
    try:
        d.get(site.url(rel, "http"))
        items = d.find_elements(By.CSS_SELECTOR, "li[data-loc]")
        shown = [li for li in items if li.is_displayed()]
        if not items:
            return 0, [f"no-JS: {rel} has no <li data-loc> items"]
        if len(shown) != len(items):
            return len(items), [f"no-JS: only {len(shown)} of {len(items)} units visible with JavaScript off"]
        return len(items), []
    finally:
        d.quit()


def task_filter(b):
    """The task page's filter by class and report state: each choice shows
    exactly the rows that carry it; with JavaScript off every row is listed."""
    rel = b.pages.get("task")
    if not rel:
        return ["no task page"], 0
    rows_js = ("return Array.from(document.querySelectorAll('table.status-table tbody tr[data-class]'))"
               ".map(r => [r.getAttribute('data-class'), r.getAttribute('data-reported'), r.getClientRects().length > 0]);")
    problems = []
    b.load(rel)
    if not b.d.find_elements(By.ID, "loc-nv-lop"):
        return [f"{rel}: no #loc-nv-lop select"], 0
    rows = b.d.execute_script(rows_js)
    if not rows or not all(shown for _, _, shown in rows):
        problems.append(f"{rel}: before choosing, {sum(1 for r in rows if r[2])} of {len(rows)} rows are visible")
    # A class the page offers (a standing task has no overdue row to choose).
    offered = b.d.execute_script("return Array.from(document.querySelectorAll('#loc-nv-lop option'))"
                                 ".map(o => o.value).filter(v => v);")
    first = "overdue" if "overdue" in offered else (offered[0] if offered else "overdue")
    for select, value, column in [("loc-nv-lop", first, 0), ("loc-nv-bao-cao", "0", 1), ("loc-nv-bao-cao", "1", 1)]:
        b.d.execute_script("for (const id of ['loc-nv-lop', 'loc-nv-bao-cao']) {"
                           " const s = document.getElementById(id); s.value = ''; s.dispatchEvent(new Event('change')); }")
        b.d.execute_script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                           " s.dispatchEvent(new Event('change'));", select, value)
        rows = b.d.execute_script(rows_js)
        wrong = [r for r in rows if r[2] != (r[column] == value)]
        if wrong:
            problems.append(f"{rel}: #{select}={value} shows or hides the wrong rows ({len(wrong)} of {len(rows)})")
    d = make_driver(javascript=False)
    try:
        d.get(b.site.url(rel, "http"))
        items = d.find_elements(By.CSS_SELECTOR, "table.status-table tbody tr")
        if len([r for r in items if r.is_displayed()]) != len(items):
            problems.append(f"no-JS: {rel}: not every row is visible with JavaScript off")
    finally:
        d.quit()
    return problems, len(rows)


def report(res, name, problems, ok_detail, limit=12):
    for p in problems[:limit]:
        say(f"   BAD  {p}")
    if len(problems) > limit:
        say(f"   ... and {len(problems) - limit} more")
    res.record(name, not problems, ok_detail if not problems else f"{len(problems)} problem(s): {problems[0]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--checks", default="browser,a11y")
    ap.add_argument("--unit")
    ap.add_argument("--task")
    ap.add_argument("--directive")
    args = ap.parse_args()
    checks = set(args.checks.split(","))
    res = Results()
    try:
        b = Browser(args)
    except WebDriverException as e:
        res.record("browser", False, f"cannot start chromium/chromedriver: {e.msg}")
        return 1
    say(f"   sample pages: {', '.join(f'{k}={v}' for k, v in b.pages.items())}")
    try:
        if "browser" in checks:
            for mode in ("http", "file"):
                pages, errors, offsite = b.console_and_requests(mode)
                report(res, f"console-{mode}", errors, f"{len(pages)} pages, no console error")
                report(res, f"offsite-{mode}", offsite, f"{len(pages)} pages, every request inside the site")
            problems = b.filter_test("http") + b.filter_test("file")
            n = 0
            if b.pages.get(FILTER_PAGE):
                n, more = nojs_filter(b.site, b.pages[FILTER_PAGE])
                problems += more
            report(res, "filter", problems,
                   f"#{FILTER_INPUT}: {len(FILTER_CASES)} queries over http and file://; "
                   f"all {n} units listed with JavaScript off")
            problems, n = task_filter(b)
            report(res, "task-filter", problems, f"class and report-state filter over {n} rows; all rows listed with JavaScript off")
            checked, problems = b.narrow()
            report(res, "phone-360px", problems, f"{len(checked)} pages fit {PHONE_WIDTH} px, tap targets >= 44 px")
            done, problems = b.print_checks()
            report(res, "print-a4", problems, f"A4, nav hidden: {', '.join(done)}")
            done, problems = b.print_layout()
            report(res, "print-layout", problems, f"printed: no overlapping cells, folded lists open, no stray text: {', '.join(done)}")
            saved, problems = b.screenshots()
            report(res, "screenshots", problems, f"{len(saved)} in {b.out / 'screenshots'}")
        if "a11y" in checks:
            pages, problems, minor, version = b.axe()
            report(res, "axe", problems, f"axe-core {version} on {len(pages)} pages: no violation of any impact")
            seen, problems = b.focus()
            report(res, "focus-visible", problems, f"{seen} Tab stops on home and browse, each with a focus ring")
    except WebDriverException as e:
        res.record("browser", False, f"browser failed: {' '.join(str(e.msg).split())[:300]}")
    finally:
        b.d.quit()
    return 1 if res.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
