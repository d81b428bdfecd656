"""Static checks on every page that neither vnu nor linkchecker make.

python -m sitecheck.markup SITE_DIR

- links and resources are relative: "/x" breaks under a sub-path and over file://,
  and linkchecker skips such links over file:// as "extern" instead of failing;
- links do not end at a folder ("don-vi/"): over file:// a browser shows a listing;
- nothing is loaded from outside the site (http:, https:, //host);
- no inline <script>, <style>, style= or on*= handlers: the pages' Content-Security-Policy
  ("script-src 'self'", "style-src 'self'") blocks them;
- a CSP meta, a viewport meta for phones, <html lang="vi...">;
- every <table> has a <caption> and at least one <th>.
"""
import collections
import html.parser
import os
import posixpath
import re
import sys
import urllib.parse

from .common import Results, say, site_files

URL_ATTRS = {"href", "src", "srcset", "poster", "action", "formaction", "data", "cite", "background"}
# elements whose URL the browser fetches by itself (a link is followed only on a click)
LOADING = {("img", "src"), ("img", "srcset"), ("script", "src"), ("iframe", "src"), ("source", "src"),
           ("source", "srcset"), ("audio", "src"), ("video", "src"), ("video", "poster"), ("track", "src"),
           ("embed", "src"), ("object", "data"), ("input", "src"), ("link", "href")}
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class Page(html.parser.HTMLParser):
    def __init__(self, site, rel):
        super().__init__(convert_charrefs=True)
        self.site, self.rel = site, rel
        self.problems = []        # (kind, message)
        self.external_links = 0
        self.tables = []          # stack of [line, has_caption, has_th]
        self.has_csp = self.has_viewport = False
        self.lang = None
        self.in_script = None     # line of an open <script> without src

    def problem(self, kind, msg):
        self.problems.append((kind, f"{self.rel}:{self.getpos()[0]}: {msg}"))

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta":
            if a.get("http-equiv", "").lower() == "content-security-policy":
                self.has_csp = True
            if a.get("name", "").lower() == "viewport" and "width=device-width" in a.get("content", "").replace(" ", ""):
                self.has_viewport = True
        elif tag == "script" and "src" not in a:
            self.in_script = self.getpos()[0]
            if a.get("type", "").lower() in ("application/json", "application/ld+json"):
                self.in_script = None  # data, not run
        elif tag == "style":
            self.problem("inline", "<style> element: blocked by the CSP (style-src 'self'); move it to a .css file")
        elif tag == "table":
            self.tables.append([self.getpos()[0], False, False])
        elif tag == "caption" and self.tables:
            self.tables[-1][1] = True
        elif tag == "th" and self.tables:
            self.tables[-1][2] = True
        for k, v in a.items():
            if k == "style":
                self.problem("inline", f"style= attribute on <{tag}>: blocked by the CSP (style-src 'self')")
            elif k.startswith("on"):
                self.problem("inline", f"{k}= handler on <{tag}>: blocked by the CSP (script-src 'self')")
            elif k in URL_ATTRS and not (tag == "meta" or (tag == "link" and a.get("rel", "").lower() in ("canonical",))):
                urls = [u.strip().split()[0] for u in v.split(",") if u.strip()] if k == "srcset" else [v.strip()]
                for u in urls:
                    self.check_url(tag, k, u)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None
        elif tag == "table" and self.tables:
            line, caption, th = self.tables.pop()
            if not caption:
                self.problems.append(("table", f"{self.rel}:{line}: <table> without <caption>"))
            if not th:
                self.problems.append(("table", f"{self.rel}:{line}: <table> without <th> header cells"))

    def handle_data(self, data):
        if self.in_script is not None and data.strip():
            self.problems.append(("inline", f"{self.rel}:{self.in_script}: inline <script>: blocked by the CSP "
                                            "(script-src 'self'); use <script src=...>"))
            self.in_script = None

    def check_url(self, tag, attr, u):
        loads = (tag, attr) in LOADING
        if u.startswith("//"):
            self.problem("outside", f"<{tag} {attr}=\"{u}\">: protocol-relative URL leaves the site")
            return
        m = SCHEME.match(u)
        if m:
            scheme = m.group(0)[:-1].lower()
            if scheme == "data" and loads:
                return
            if scheme in ("http", "https") and not loads and tag in ("a", "area"):
                self.external_links += 1   # a link out is allowed; loading from outside is not
                return
            if scheme in ("mailto", "tel") and tag in ("a", "area"):
                return
            kind = "outside" if scheme in ("http", "https") else "scheme"
            self.problem(kind, f"<{tag} {attr}=\"{u}\">: {'loads from outside the site' if loads else scheme + ': URL'}")
            return
        if u.startswith("/"):
            self.problem("absolute", f"<{tag} {attr}=\"{u}\">: root-absolute URL breaks under a sub-path "
                                     "and over file://; make it relative")
            return
        path = urllib.parse.unquote(urllib.parse.urlsplit(u).path)
        if not path:
            return  # "#anchor" or "?q" on the page itself
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.rel), path))
        if target == ".." or target.startswith("../"):
            self.problem("outside", f"<{tag} {attr}=\"{u}\">: points above the site folder")
        elif path.endswith("/") or path in (".", "..") or os.path.isdir(os.path.join(self.site, target)):
            self.problem("folder", f"<{tag} {attr}=\"{u}\">: links to a folder; over file:// that shows a "
                                   "file listing: link to the file (…/index.html)")


KINDS = {
    "absolute": "root-absolute URLs", "outside": "URLs leaving the site", "scheme": "odd URL schemes",
    "folder": "links to folders", "inline": "inline script/style (CSP)", "head": "missing head metadata",
    "table": "tables without caption/th",
}


def main():
    site = sys.argv[1]
    res = Results()
    pages = site_files(site, ".html")
    problems = collections.defaultdict(list)
    external = 0
    for rel in pages:
        p = Page(site, rel)
        with open(os.path.join(site, rel), encoding="utf-8", errors="replace") as f:
            p.feed(f.read())
        p.close()
        external += p.external_links
        for kind, msg in p.problems:
            problems[kind].append(msg)
        if not p.has_csp:
            problems["head"].append(f"{rel}: no <meta http-equiv=\"Content-Security-Policy\">")
        if not p.has_viewport:
            problems["head"].append(f"{rel}: no <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        if not (p.lang or "").lower().startswith("vi"):
            problems["head"].append(f"{rel}: <html> without lang=\"vi\"")
    for kind, msgs in problems.items():
        say(f"{KINDS[kind]}: {len(msgs)}")
        for m in msgs[:10]:
            say(f"   BAD  {m}")
        if len(msgs) > 10:
            say(f"   ... and {len(msgs) - 10} more")
    n = sum(len(m) for m in problems.values())
    detail = f"{len(pages)} pages"
    if n:
        detail += ": " + ", ".join(f"{len(m)} {KINDS[k]}" for k, m in problems.items())
    elif external:
        detail += f" ok ({external} links to outside sites, not followed)"
    else:
        detail += " ok"
    res.record("markup", n == 0, detail)
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
