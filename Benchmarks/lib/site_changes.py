#!/usr/bin/env python3
"""What a rebuild wrote, and whether it wrote only files whose bytes changed.

    site_changes.py snapshot SITE OUT.json [--previous OLD.json]
    site_changes.py diff BEFORE.json AFTER.json

`snapshot` records every file of SITE (dot files too: the build manifest
counts) with its size, modification time in nanoseconds, inode and SHA-256.
With --previous, a file whose inode, mtime and size are those of the older
snapshot is not read again (its hash is taken over): a rebuild that leaves a
file alone leaves all three alone.

`diff` prints one line, `written W changed C same-bytes S added A removed R`:
  written     files present in both whose inode or mtime changed (the build
              wrote or replaced them), plus the added ones;
  changed     files present in both whose bytes differ, plus the added ones;
  same-bytes  written files whose bytes did not change: what "writes only the
              files whose bytes change" forbids (must be 0);
  added, removed  files only in AFTER, only in BEFORE.
A changed file that kept its inode and mtime cannot happen without the clock
being set back; it is counted in `changed` and reported as `unseen N`.
"""

import hashlib
import json
import os
import sys


def snapshot(root, previous=None):
    old = {}
    if previous:
        with open(previous, encoding="utf-8") as f:
            old = json.load(f)
    files = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            st = os.stat(path)
            entry = [st.st_size, st.st_mtime_ns, st.st_ino]
            prior = old.get(rel)
            if prior and prior[:3] == entry:
                entry.append(prior[3])
            else:
                h = hashlib.sha256()
                with open(path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        h.update(block)
                entry.append(h.hexdigest())
            files[rel] = entry
    return files


def diff(before, after):
    written = changed = same = unseen = 0
    for rel in before.keys() & after.keys():
        b, a = before[rel], after[rel]
        touched = b[1] != a[1] or b[2] != a[2]
        differs = b[3] != a[3]
        written += touched
        changed += differs
        same += touched and not differs
        unseen += differs and not touched
    added = len(after.keys() - before.keys())
    removed = len(before.keys() - after.keys())
    return {"written": written + added, "changed": changed + added, "same": same,
            "added": added, "removed": removed, "unseen": unseen}


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "snapshot":
        previous = sys.argv[sys.argv.index("--previous") + 1] if "--previous" in sys.argv else None
        files = snapshot(sys.argv[2], previous)
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            json.dump(files, f)
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        with open(sys.argv[2], encoding="utf-8") as f:
            before = json.load(f)
        with open(sys.argv[3], encoding="utf-8") as f:
            after = json.load(f)
        d = diff(before, after)
        print("written %(written)d changed %(changed)d same-bytes %(same)d added %(added)d removed %(removed)d unseen %(unseen)d" % d)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
