"""One report from its case description: figures (figures.py), what the tables print (tables.py), the
document (prose.py), the file in the case's layout, the expected record, and the promises the case makes.

A case is a dict; the keys every case has:
  name, ext, layout, seed, scale, code, agency, agency_full, agency_type, level, title_lines, year, template
  ("2019", "2021" or "legacy"), app_rows (the applications rows' template), published, headings
and optional ones described where they are used: figures.py (figures, reviews_scale, col_weights, pin_rows,
breaks), tables.py, prose.py (prose, contact, contact_style, sign, …), the layout modules, and here:
  encoding   of a text report (utf-8, gb18030, utf-16le);  title  the title a reader gives the report
  names      code → the place name the report prints (checked against the gazetteer)
  fails      checks a set_cell break is meant to fail;  crawl_null_rows  rows a crawler's file leaves null
  follows    the name of the case of the same agency's report of the year before (an earlier case): its
             结转下年度 by column is this report's 上年结转 (series.carry_over holds), and when both follow the
             2021 template its 现行有效 normative documents plus this year's 制发 − 废止 are this year's
  carry_shift  with follows: {column: d} added to the 上年结转 taken over (a planted series.carry_over
             mismatch; the report is drawn around it, so its own tables still balance)
"""

from . import docx, gazetteer, html, pdf, pdftext, schema, text
from .checks import checks_for
from .encodings import encode
from .figures import BREAK_CHECK, make_figures
from .prose import document
from .tables import Cells


def docx_layout(spec, doc, cells):
    """The report as a .docx made from its tabbed text."""
    return docx.docx_bytes(text.tabbed(spec, doc, cells), compress=spec.get("compress", False))


LAYOUTS = {
    "tabbed": text.tabbed, "markdown": text.md_layout, "crawler": text.crawler_layout, "docx": docx_layout,
    "pdf": pdftext.pdf_layout, "spaced": pdftext.spaced, "html": html.html_layout, "html-plain": html.html_plain,
    "pdfdoc": pdf.pdf_document,
}


def follow(spec, before):
    """(carried_in, in_force_before) a case takes from its agency's report of the year before: `before` is
    (that case, its figures) for a case with `follows`, else None (nothing taken)."""
    if before is None:
        assert "follows" not in spec and "carry_shift" not in spec, spec["name"]
        return None, None
    prev, figs = before
    assert prev["name"] == spec["follows"], (spec["name"], prev["name"])
    for key in ("code", "agency", "agency_full", "agency_type", "level"):
        assert prev[key] == spec[key], (spec["name"], key, prev[key], spec[key])
    assert prev["year"] + 1 == spec["year"], (spec["name"], prev["year"], spec["year"])
    forward = figs["applications"][schema.CARRIED_FORWARD]
    six = schema.summed_columns("applications")
    assert sum(forward[c] for c in six) > 0, (spec["name"], "nothing carried forward the year before")
    shift = spec.get("carry_shift", {})
    assert set(shift) <= set(six), (spec["name"], shift)
    carried_in = {c: forward[c] + shift.get(c, 0) for c in six}
    assert min(carried_in.values()) >= 0, (spec["name"], carried_in)
    in_force = None
    if prev["template"] == spec["template"] == "2021":
        in_force = figs["active"]["normative_docs"]["in_force"]
    return carried_in, in_force


def prepare(spec, carried_in=None, in_force_before=None):
    """(figures, cells, document) of a case. A printed override that is a number is the figure itself."""
    figs = make_figures(spec, carried_in, in_force_before)
    for (t, r, c), (_, value) in spec.get("cells", {}).items():
        if value is not None:
            figs[t][r][c] = value
    cells = Cells(spec, figs)
    return figs, cells, document(spec, figs)


def file_bytes(spec, doc, cells):
    """The report file's bytes in the case's layout and encoding."""
    out = LAYOUTS[spec["layout"]](spec, doc, cells)
    return out if isinstance(out, bytes) else encode(out, spec.get("encoding", "utf-8"))


def render(spec, with_file=True, before=None):
    """(file bytes or None, expected record, figures) of a case, its promises verified. before: (case,
    figures) of the report the case follows (spec["follows"]), else None."""
    figs, cells, doc = prepare(spec, *follow(spec, before))
    data = file_bytes(spec, doc, cells) if with_file else None
    if spec["layout"] == "crawler":
        cells.forced_null = text.crawl_nulls(spec, figs, cells)
    record = expected_record(spec, figs, cells)
    verify(spec, figs, cells, record)
    return data, record, figs


def expected_record(spec, figs, cells):
    """What `gongkai parse --json` must give for the report (the form of the shared seeds' records)."""
    exp_figs = cells.expected_figures()
    c = spec.get("contact") or {}
    record = {
        "source": spec["name"] + "." + spec["ext"],
        "title": spec.get("title", "".join(t.strip() for t in spec["title_lines"])),
        "agency": spec["agency"],
        "agency_type": spec["agency_type"],
        "level": spec["level"],
        "region": gazetteer.region(spec["code"]),
        "year": spec["year"],
        "template": spec["template"],
        "published": spec.get("published"),
        "contact": {k: c.get(k) for k in ("address", "postcode", "phone", "email", "website")},
        "section_kinds": [k for _, k in spec["headings"]],
        "figures": exp_figs,
        "checks": checks_for(exp_figs if figs else None, spec["year"], spec.get("published")),
    }
    if cells.forced_null:
        # the cells left null by rule: some warning names each such row and says it was left null
        record["warnings_contain"] = null_warnings(spec, cells.forced_null)
    return record


def null_warnings(spec, nulls):
    """For each row with cells left null, the words of the warning it must get (its label, "left null");
    the reviews table gets one warning for all its cells."""
    out = []
    for table in schema.TABLE_KEYS:
        rows = {r for t, r, _ in nulls if t == table}
        if not rows:
            continue
        if table == "reviews":
            out.append(["cells left null"])
            continue
        for key in schema.row_keys(table):
            if key in rows:
                label = (schema.row_label(table, key, spec["template"]) if table == "active"
                         else schema.cell_label(key))
                out.append([f"{label}: ", "left null"])
    return out


def verify(spec, figs, cells, record):
    """Facts the case promises, checked on what was generated: the names it prints are the gazetteer's; the
    unbroken figures pass every check and the broken ones fail exactly the intended checks; its runs read back
    (or, for ambiguous_runs, cannot be settled); a crawler's file leaves exactly crawl_null_rows null."""
    gazetteer.check_place(spec)
    if figs is None:
        return
    failing = {c["id"] for c in record["checks"] if not c["ok"]}
    want = {BREAK_CHECK[b] for b in spec.get("breaks", []) if b in BREAK_CHECK} | set(spec.get("fails", ()))
    if spec.get("published") and spec["published"] <= f"{spec['year']}-12-31":
        want.add("report.published_after_year")
    assert failing == want, (spec["name"], failing, want)
    app = figs["applications"]
    ambiguous = set(spec.get("ambiguous_runs", ()))
    for key in spec.get("runs", {}):
        if key in ambiguous:
            assert key in cells.unsettled, (spec["name"], key, "meant to be ambiguous")
        else:
            assert cells.settled.get(key) == tuple(app[key].values()), (spec["name"], key, cells.settled.get(key))
    nulls = {r for t, r, _ in cells.forced_null if t == "applications"}
    assert nulls == set(spec.get("crawl_null_rows", [])), (spec["name"], nulls)
