"""Read linkchecker's CSV report (run with --verbose): every broken link and warning fails.

python -m sitecheck.links NAME REPORT.csv LINKCHECKER_EXIT_CODE BASE_URL
"""
import csv
import sys

from .common import Results, say


def main():
    name, report, rc, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    res = Results()
    with open(report, encoding="utf-8", newline="") as f:
        rows = list(csv.reader((line for line in f if not line.startswith("#")), delimiter=";"))
    if not rows or rows[0][:4] != ["urlname", "parentname", "base", "result"]:
        res.record(f"links-{name}", False, f"linkchecker wrote no CSV report (exit {rc}), see {report}")
        return 1
    head = rows[0]
    col = {k: head.index(k) for k in ("urlname", "parentname", "result", "warningstring", "valid", "line", "column")}
    problems, checked = [], 0
    for r in rows[1:]:
        if len(r) <= col["valid"]:
            continue
        r += [""] * (len(head) - len(r))  # rows of start URLs come short
        checked += 1
        valid = r[col["valid"]] == "True"
        warning = r[col["warningstring"]].strip()
        if valid and not warning:
            continue
        where = r[col["parentname"]].replace(base, "") or "(start page)"
        what = r[col["result"]] if not valid else warning
        problems.append(f"{where}:{r[col['line']]}:{r[col['column']]}: link '{r[col['urlname']]}': "
                        + " ".join(what.split()))
    for p in problems[:30]:
        say(f"   BAD  {p}")
    if len(problems) > 30:
        say(f"   ... and {len(problems) - 30} more in {report}")
    if rc > 1:
        res.record(f"links-{name}", False, f"linkchecker failed (exit {rc}), see {report} and .stderr")
    else:
        res.record(f"links-{name}", not problems and rc == 0,
                   f"{checked} URLs checked (each once)" + (f", {len(problems)} broken or warned" if problems else ", none broken"))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
