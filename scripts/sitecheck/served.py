"""Every file of the site, fetched from the web server, answers 200 with the right Content-Type.

python -m sitecheck.served SITE_DIR BASE_URL   (BASE_URL like http://127.0.0.1:PORT/tiendo/)
"""
import http.client
import sys
import urllib.parse

from .common import Results, say, site_files

# extension -> accepted media types. Text types must also say charset=utf-8.
MEDIA_TYPES = {
    "html": {"text/html"}, "htm": {"text/html"},
    "css": {"text/css"},
    "js": {"application/javascript", "text/javascript"},
    "mjs": {"application/javascript", "text/javascript"},
    "json": {"application/json"},
    "csv": {"text/csv"},
    "ics": {"text/calendar"},
    "svg": {"image/svg+xml"},
    "txt": {"text/plain"},
    "xml": {"text/xml", "application/xml"},
    "atom": {"application/atom+xml"},
    "png": {"image/png"}, "jpg": {"image/jpeg"}, "jpeg": {"image/jpeg"}, "gif": {"image/gif"},
    "webp": {"image/webp"}, "ico": {"image/x-icon", "image/vnd.microsoft.icon"},
    "woff2": {"font/woff2"}, "woff": {"font/woff", "application/font-woff"},
    "pdf": {"application/pdf"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}
TEXT_TYPES = {"application/javascript", "application/json", "image/svg+xml",
              "application/atom+xml", "application/xml"}


def is_text(media):
    return media.startswith("text/") or media in TEXT_TYPES


def check_file(conn, path, rel, site):
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    ctype = resp.getheader("Content-Type", "")
    if resp.status != 200:
        return f"HTTP {resp.status}"
    media, _, params = ctype.partition(";")
    media = media.strip().lower()
    charset = None
    for p in params.split(";"):
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    ext = rel.rsplit(".", 1)[-1].lower() if "." in rel.rsplit("/", 1)[-1] else ""
    want = MEDIA_TYPES.get(ext)
    if want is None:
        return f"no known media type for '.{ext}' (served as '{ctype}'): use a usual file type"
    if media not in want:
        return f"Content-Type '{ctype}', want {' or '.join(sorted(want))}"
    if is_text(media):
        if charset != "utf-8":
            return f"Content-Type '{ctype}' lacks charset=utf-8"
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as e:
            return f"not valid UTF-8: {e}"
        # CSV exports carry a BOM on purpose (Excel needs it to read UTF-8);
        # anywhere else a BOM is a mistake.
        if body.startswith(b"\xef\xbb\xbf") and not rel.endswith(".csv"):
            return "starts with a UTF-8 byte order mark"
        if rel.endswith(".csv") and not body.startswith(b"\xef\xbb\xbf"):
            return "CSV export lacks the UTF-8 byte order mark Excel needs"
    with open(f"{site}/{rel}", "rb") as f:
        if f.read() != body:
            return "served bytes differ from the file"
    return None


def main():
    site, base = sys.argv[1], sys.argv[2]
    u = urllib.parse.urlsplit(base)
    prefix = u.path if u.path.endswith("/") else u.path + "/"
    res = Results()
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=20)
    files = site_files(site)
    bad = 0
    for rel in files:
        problem = check_file(conn, prefix + urllib.parse.quote(rel), rel, site)
        if problem:
            bad += 1
            if bad <= 30:
                say(f"   BAD  {rel}: {problem}")
    # the folder URL (what a reader types) answers with the home page
    conn.request("GET", prefix)
    resp = conn.getresponse()
    resp.read()
    if resp.status != 200 or not resp.getheader("Content-Type", "").startswith("text/html"):
        bad += 1
        say(f"   BAD  {prefix}: HTTP {resp.status} {resp.getheader('Content-Type')}")
    if bad > 30:
        say(f"   ... and {bad - 30} more")
    res.record("served", bad == 0, f"{len(files)} files over http under {prefix}"
               + ("" if bad == 0 else f": {bad} wrong"))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
