"""Writes the bundled sample reports, their expected records and sample-reports/README.md.

Two sets: the s-set (cases_s.py, sNN-*) and the numbered set (cases_numbered.py, NN-*). A PDF report
(layout "pdfdoc") is drawn only when reportlab is installed; without it the PDF file is left as it is, and
its expected record is still written (it does not depend on the drawing). The s-set's records end with a
newline, the numbered set's do not.
"""

import json
import os

from . import cases_numbered, cases_s, pdf
from .paths import EXPECTED, README, ROOT, SAMPLES
from .render import render

SETS = (
    ("s", cases_s.CASES, "\n"),
    ("numbered", cases_numbered.CASES, ""),
)
README_BEGIN = "<!-- gen_samples.py: begin -->"
README_END = "<!-- gen_samples.py: end -->"


def write_bytes(path, data):
    """Writes a file's bytes."""
    with open(path, "wb") as f:
        f.write(data)


def write_all():
    """Every sample report and expected record of both sets, then the README; prints a summary."""
    os.makedirs(EXPECTED, exist_ok=True)
    names = [c["name"] for _, cases, _ in SETS for c in cases]
    assert len(set(names)) == len(names), "two cases with one name"
    have_pdf = pdf.available()
    written = kept = 0
    drawn = {}  # name → (case, figures), for a case that follows another (a series)
    for _, cases, newline in SETS:
        for spec in cases:
            draw = spec["layout"] != "pdfdoc" or have_pdf
            before = drawn[spec["follows"]] if "follows" in spec else None
            data, record, figs = render(spec, with_file=draw, before=before)
            drawn[spec["name"]] = (spec, figs)
            if draw:
                write_bytes(os.path.join(SAMPLES, spec["name"] + "." + spec["ext"]), data)
                written += 1
            else:
                print(f"kept {spec['name']}.pdf as it is: pip install reportlab (and apt-get install "
                      "fonts-wqy-zenhei) to draw it again")
                kept += 1
            text = json.dumps(record, ensure_ascii=False, indent=1) + newline
            write_bytes(os.path.join(EXPECTED, spec["name"] + ".json"), text.encode("utf-8"))
    write_bytes(README, readme().encode("utf-8"))
    print(f"wrote {written} reports ({kept} PDFs kept) and {written + kept} expected records to "
          f"{os.path.relpath(SAMPLES, ROOT)}/")


def readme():
    """sample-reports/README.md: the s-set's table, then the numbered set's between the markers."""
    lines = [
        "# Sample reports",
        "",
        "Written by the project (`python3 tools/gen_samples.py`; descriptions in `tools/samplegen/cases_s.py`).",
        "Agencies' text and figures are invented; the place names and division codes are real (NBS 2023,",
        "`crates/gongkai-core/data/gazetteer/`), so region resolution can be checked. `expected/` holds what "
        "`gongkai parse --json`",
        "must produce for each file (the format of the shared seeds' expected records); `tests/samples.rs` checks it.",
        "",
        "| file | covers |",
        "|---|---|",
    ]
    lines += [f"| {s['name']}.{s['ext']} | {s['covers']} |" for s in cases_s.CASES]
    numbered = cases_numbered.CASES
    lines += [
        "",
        README_BEGIN,
        "## Numbered set (01–%02d)" % len(numbered),
        "",
        "Written by `python3 tools/gen_samples.py` (one description per report in `tools/samplegen/cases_numbered.py`; "
        "figures balance by",
        "construction, then chosen cells are broken on purpose). Agencies' text and figures are invented; the place",
        "names and division codes are real NBS 2023 divisions (`crates/gongkai-core/data/gazetteer/`), so region "
        "resolution can be",
        "checked. `expected/NN-….json` is in the form of the shared seeds' expected records. A check that touches",
        "a cell no reader can determine (15, 26, 27) is left out of the expected checks, and `warnings_contain`",
        "names the words of the warning each such row must get. The PDFs are drawn with reportlab",
        "by two producers: embedded (a WenQuanYi Zen Hei subset as a Type0 font, Identity-H, ToUnicode; borders",
        "stroked per cell edge) and cmap (STSong-Light, UniGB-UCS2-H, not embedded; borders as thin filled",
        "rectangles); regenerating them needs `pip install reportlab` and `apt-get install fonts-wqy-zenhei`.",
        "",
        "| file | covers |",
        "|---|---|",
    ]
    lines += [f"| {s['name']}.{s['ext']} | {s['covers']} |" for s in numbered]
    lines.append(README_END)
    return "\n".join(lines) + "\n"
