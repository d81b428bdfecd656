"""Every iCalendar feed parses and keeps the RFC 5545 rules that parsers forgive.

python -m sitecheck.ics SITE_DIR FILE.ics...   (files relative to SITE_DIR)

icalendar accepts bad dates silently and vobject (validate=True) checks values, but
neither checks line endings or folding, which strict calendar clients reject.
"""
import os
import re
import sys

import icalendar
import vobject

from .common import Results, say

MAX_OCTETS = 75  # RFC 5545 3.1, not counting the CRLF


def check(path):
    problems = []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"not UTF-8: {e}"], 0
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a byte order mark")
    if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
        problems.append("line endings must all be CRLF (RFC 5545 3.1)")
    if not raw.endswith(b"\r\n"):
        problems.append("last line must end with CRLF")
    for n, line in enumerate(re.split(rb"\r?\n", raw), 1):
        if len(line) > MAX_OCTETS:
            problems.append(f"line {n}: {len(line)} octets, fold at {MAX_OCTETS} (RFC 5545 3.1)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: folded inside a UTF-8 character")
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        return problems + [f"icalendar: {type(e).__name__}: {str(e).splitlines()[0][:200]}"], 0
    if cal.name != "VCALENDAR":
        problems.append(f"top component is {cal.name}, not VCALENDAR")
    for prop in ("VERSION", "PRODID"):
        if prop not in cal:
            problems.append(f"VCALENDAR without {prop}")
    uids = {}
    for c in cal.walk():
        label = f"{c.name} {c.get('UID', '')}".strip()
        problems += [f"{label}: {prop}: {msg}" for prop, msg in getattr(c, "errors", [])]
        if c.name in ("VEVENT", "VTODO"):
            for prop in ("UID", "DTSTAMP", "DTSTART"):
                if prop not in c:
                    problems.append(f"{label}: no {prop}")
            uid = str(c.get("UID", ""))
            if uid:
                uids[uid] = uids.get(uid, 0) + 1
            if "DTSTART" in c and "DTEND" in c:
                try:
                    s, e = c.decoded("DTSTART"), c.decoded("DTEND")
                    if type(s) is type(e) and e <= s:
                        problems.append(f"{label}: DTEND not after DTSTART")
                except Exception as e:  # noqa: BLE001
                    problems.append(f"{label}: bad date: {e}")
    problems += [f"UID {u} used {n} times in this feed" for u, n in uids.items() if n > 1]
    try:
        comps = list(vobject.readComponents(text, validate=True))
        if len(comps) != 1:
            problems.append(f"vobject: {len(comps)} top-level components, want 1")
    except Exception as e:  # noqa: BLE001
        problems.append(f"vobject: {type(e).__name__}: {' '.join(str(e).split())[:200]}")
    return list(dict.fromkeys(problems)), sum(uids.values())


def main():
    site, files = sys.argv[1], sys.argv[2:]
    res = Results()
    bad = events = 0
    for rel in files:
        problems, n = check(os.path.join(site, rel))
        events += n
        if problems:
            bad += 1
            if bad <= 20:
                say(f"BAD  {rel}: {len(problems)} problem(s)")
                for p in problems[:8]:
                    say(f"        - {p}")
    if bad > 20:
        say(f"... and {bad - 20} more feeds with problems")
    if not files:
        res.record("ics", False, "no .ics feeds in the site")
    else:
        res.record("ics", bad == 0, f"{len(files)} feeds, {events} events"
                   + ("" if bad == 0 else f": {bad} feed(s) with problems"))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
