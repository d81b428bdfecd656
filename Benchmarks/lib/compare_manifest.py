#!/usr/bin/env python3
"""Compares the generator's manifest with `tiendo tasks --json`.

    compare_manifest.py MANIFEST.json TASKS.json [--show N]

Prints every directive whose task ids or assigned units differ and exits 1
if any does.
"""
import json
import sys


def main():
    manifest = json.load(open(sys.argv[1], encoding="utf-8"))
    read, dues = {}, {}
    for t in json.load(open(sys.argv[2], encoding="utf-8")):
        read.setdefault(t["directive"], {})[t["id"]] = sorted(t["units"])
        dues.setdefault(t["directive"], {})[t["id"]] = ((t.get("deadline") or {}).get("due"), (t.get("deadline") or {}).get("text"))
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 20
    bad = 0
    due_diffs = []
    for did in sorted(set(manifest) | set(read)):
        want = {k: sorted(v["units"]) for k, v in manifest.get(did, {}).items()}
        for tid, v in sorted(manifest.get(did, {}).items()):
            got_due = dues.get(did, {}).get(tid)
            if got_due is not None and got_due[0] != v["due"]:
                due_diffs.append("%s %s: expected due %s, tiendo read %s from %r" % (did, tid, v["due"], got_due[0], got_due[1]))
        got = read.get(did, {})
        if want == got:
            continue
        bad += 1
        if bad > show:
            continue
        print("%s:" % did)
        if set(want) != set(got):
            print("  expected ids: %s" % " ".join(sorted(want)))
            print("  tiendo read:  %s" % " ".join(sorted(got)))
        for tid in sorted(set(want) & set(got)):
            if want[tid] != got[tid]:
                w, g = set(want[tid]), set(got[tid])
                print("  %s: missing %s; extra %s" % (tid, sorted(w - g)[:6], sorted(g - w)[:6]))
    for line in due_diffs[:show]:
        print(line)
    if due_diffs:
        print("%d tasks with another due date than generated" % len(due_diffs))
    total = len(set(manifest) | set(read))
    print("%d of %d directives read as generated" % (total - bad, total))
    sys.exit(1 if bad or (due_diffs and '--ids-only' not in sys.argv) else 0)


if __name__ == "__main__":
    main()
