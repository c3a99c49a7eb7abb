#!/usr/bin/env python3
"""Figure cells read right, null and wrong, per layout, over reports with expected records.

    python3 tools/score.py [--bin target/debug/gongkai] [DIR ...]

Each DIR (default: sample-reports, and ../shared/seeds and ../shared/pdf when present) holds reports and
`expected/*.json` (or `*.json` beside the report); each expected record names its report in "source".
A cell is right when the parsed figure equals the expected one (null expected and null read is right:
a blank cell), null when the parser left null a figure the report gives, wrong otherwise. The layout of a
report is its record's `format` plus the layout words in its file name (tabbed, pdf-layout, markdown …).
Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ["tabbed", "pdf-layout", "pdflayout", "pdf-embedded", "pdf-cmap", "run-together", "markdown", "md",
         "oneline", "crawler", "html", "docx", "utf16", "gb18030", "vertical"]


def pairs(d):
    exp_dir = os.path.join(d, "expected")
    jsons = [os.path.join(exp_dir, f) for f in sorted(os.listdir(exp_dir))] if os.path.isdir(exp_dir) else \
        [os.path.join(d, f) for f in sorted(os.listdir(d))]
    for j in jsons:
        if not j.endswith(".json"):
            continue
        with open(j, encoding="utf-8") as f:
            want = json.load(f)
        src = want.get("source")
        if src and os.path.exists(os.path.join(d, src)):
            yield os.path.join(d, src), want


def cells(prefix, got, want, out):
    for k, w in (want or {}).items():
        g = (got or {}).get(k) if isinstance(got, dict) else None
        if isinstance(w, dict):
            cells(f"{prefix}.{k}", g, w, out)
        else:
            out.append((f"{prefix}.{k}", g, w))


def layout(path, fmt):
    name = os.path.basename(path).lower()
    tags = [w for w in WORDS if w in name and w != fmt]
    return fmt + (" " + "+".join(tags) if tags else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "gongkai"))
    ap.add_argument("--show-wrong", action="store_true")
    ap.add_argument("dirs", nargs="*")
    a = ap.parse_args()
    dirs = a.dirs or [os.path.join(ROOT, "sample-reports")] + [
        p for p in (os.path.join(ROOT, "..", "shared", "seeds"), os.path.join(ROOT, "..", "shared", "pdf"))
        if os.path.isdir(p)]
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for d in dirs:
        for path, want in pairs(d):
            r = subprocess.run([a.bin, "parse", "--json", path], capture_output=True, text=True)
            got = json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else {}
            found = []
            cells("figures", got.get("figures"), want.get("figures"), found)
            t = totals[layout(path, got.get("format", "failed"))]
            t[3] += 1
            for p, g, w in found:
                if g == w or (isinstance(g, (int, float)) and isinstance(w, (int, float)) and abs(g - w) < 1e-9):
                    t[0] += 1
                elif g is None:
                    t[1] += 1
                else:
                    t[2] += 1
                    if a.show_wrong:
                        print(f"WRONG {path}: {p}: got {g}, want {w}", file=sys.stderr)
    print(f"{'layout':34} {'reports':>7} {'right':>6} {'null':>5} {'wrong':>5}")
    for k in sorted(totals):
        right, null, wrong, n = totals[k]
        print(f"{k:34} {n:7} {right:6} {null:5} {wrong:5}")
    s = [sum(v[i] for v in totals.values()) for i in range(4)]
    print(f"{'all':34} {s[3]:7} {s[0]:6} {s[1]:5} {s[2]:5}")


if __name__ == "__main__":
    main()
