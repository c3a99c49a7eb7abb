#!/usr/bin/env python3
"""Writes the bundled sample reports, or many varied reports for benchmarks.

    python3 tools/gen_samples.py
        writes both sets of sample reports (sample-reports/sNN-* and NN-*), their expected records
        (sample-reports/expected/*.json) and sample-reports/README.md
    python3 tools/gen_samples.py --bulk N --out DIR [--seed S] [--jobs J]
        writes N varied reports (no expected records) into DIR, in subfolders of at most 1000 files, with
        J processes (default: one per CPU; the files are the same for any J)

The work is done by the package tools/samplegen/ (see its __init__.py). Everything is deterministic. Only
drawing the PDF samples needs `pip install reportlab` and `apt-get install fonts-wqy-zenhei`; without
reportlab the PDF files are left as they are (their expected records are still written).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from samplegen import bulk, samples  # noqa: E402


def main(argv=None):
    """Parses the command line and writes the samples or the bulk reports."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bulk", type=int, metavar="N", help="write N varied reports (no expected records)")
    ap.add_argument("--out", metavar="DIR", help="the folder for --bulk")
    ap.add_argument("--seed", type=int, default=1, help="the seed for --bulk (default 1)")
    ap.add_argument("--jobs", type=int, metavar="J", help="processes for --bulk (default: one per CPU; the "
                    "output is the same for any number)")
    args = ap.parse_args(argv)
    if args.bulk is None:
        if args.out:
            ap.error("--out goes with --bulk")
        samples.write_all()
        return
    if not args.out or args.bulk < 0:
        ap.error("--bulk N needs N >= 0 and --out DIR")
    bulk.write(args.bulk, args.out, args.seed, args.jobs)


if __name__ == "__main__":
    main()
