"""Text layouts: tabbed text (as a crawler saves a web page: every table cell on its own line after a tab,
a blank line after every row), Markdown (as a PDF-to-Markdown converter writes it) and a crawler's file with
the whole report on one line.

block_lines() walks a document's blocks (prose.py) for every plain-text layout; how a layout prints a
table is given to it as a function. Options a case may set (besides those of tables.py):
  title_gap (default on)  a blank line after the title;   table_gap  a blank line before each table
  para_gap                a blank line after every paragraph and heading
  relation_note (on)      the 勾稽关系 note over the applications table
  top_indent              an empty cell before the labels that span the head columns (本年新收 …)
  span_once               a merged group cell only on its first row (no empty cell on the rows below it)
  results_outside         the 三、本年度办理结果 head printed outside the cells, as bare lines
  page_marks              (table, sub-table index or row key) → (page text, repeat the header rows?): a page
                          number inside a table; repeat "with_note" repeats the note too
  label_apart             row key → "before"/"after": the label cells in a row group of their own
  md_cuts, md_lost_labels, md_width    Markdown: where a table is cut, rows that lost their labels, line width
  crawl                   the crawler's header block (posted, url, crumb)
"""

import re

from . import schema
from .tables import active_model, app_model, applicant_heads, is_top, review_labels, review_values
from .tables import splits, row_splits, settle


NO_LINE_START = "，。、；：）”》！？"
WRAP_TOKENS = re.compile(r"[0-9A-Za-z.:/@_\-]+| +|.")


def wrap(text, width, first_indent=0):
    """Fixed-width wrapping as on a printed page: Han characters take one unit, Latin letters and digits half
    a unit and are never split; words break anywhere; punctuation is kept off line starts."""
    lines, cur, used, limit = [], "", 0.0, width - first_indent
    for tok in WRAP_TOKENS.findall(text):
        w = 1 if len(tok) == 1 and tok > "\x7f" else len(tok) * (0.5 if tok.isascii() else 1)
        if cur and used + w > limit and tok[0] not in NO_LINE_START:
            carry = ""
            if cur[-1] in "《（“":
                cur, carry = cur[:-1], cur[-1]
            lines.append(cur.rstrip())
            cur, used, limit = carry, float(len(carry)), width
            if tok.isspace():
                continue
        cur += tok
        used += w
    if cur:
        lines.append(cur.rstrip())
    return lines


def block_lines(spec, doc, table_lines):
    """The lines of a plain-text report: title, paragraphs, headings, contact lines, tables (table_lines(kind)
    gives a table's lines) and the signature."""
    L = []
    gap = spec.get("para_gap", False)
    for kind, payload in doc:
        if kind == "title":
            L.extend(payload)
            if spec.get("title_gap", True):
                L.append("")
        elif kind in ("para", "subheading", "heading"):
            L.append(payload)
            if gap:
                L.append("")
        elif kind == "contact":
            L.extend(payload)
        elif kind == "signature":
            L.append("")
            L.extend([payload[0], payload[1]])
        elif kind == "table":
            if spec.get("table_gap"):
                L.append("")
            L.extend(table_lines(payload))
    return L


# ======================================================================== tabbed text (as crawled)


def tabbed(spec, doc, cells):
    """The report as tabbed text."""
    return "\n".join(block_lines(spec, doc, lambda kind: tab_table(spec, kind, cells))) + "\n"


def tab_table(spec, kind, cells):
    """The lines of one table in tabbed text."""
    L = []

    def cell(text):
        """A cell: its first line after a tab, the lines it wraps onto bare."""
        parts = text.split("\n")
        L.append("\t" + parts[0])
        L.extend(parts[1:])

    split = spec.get("split_headers", {})
    pages = spec.get("page_marks", {})  # (table, sub-table index or row key) -> (page text, repeat header?)
    if kind == "active":
        for i, (item, header, body) in enumerate(active_model(spec, cells)):
            if ("active", i) in pages:
                L.append(pages[("active", i)][0])
            cell(item)
            L.append("")
            for h in header:
                cell(split.get(h, h))
            L.append("")
            for _, label, vals in body:
                cell(label)
                for v in vals:
                    L.append("\t" + v)
                L.append("")
        L.append("")
    elif kind == "applications":
        natural, legal, others, total = applicant_heads(spec)

        def header(note):
            """The header rows (申请人情况, 自然人 … 总计, 商业企业 … 其他), the note first when asked."""
            if note:
                cell(schema.RELATION_NOTE)
            cell(schema.APPLICANTS)
            L.append("")
            for t in ["", natural, legal, total]:
                cell(t)
            L.append("")
            for t in ["", ""] + others + [""]:
                cell(t)
            L.append("")

        header(spec.get("relation_note", True))
        for row in app_model(spec, cells):
            if ("applications", row["key"]) in pages:
                text, repeat = pages[("applications", row["key"])]
                L.append(text)
                if repeat:
                    header(repeat == "with_note")
            mark = len(L)
            if is_top(row):
                if spec.get("top_indent"):
                    cell("")
                cell(row["top"])
            elif row.get("results"):
                if spec.get("results_outside"):
                    L.extend(row["top"].split("\n"))
                else:
                    cell(row["top"])
                cell(row["label"])
            else:
                cell("")
                if row.get("in_group") and (row["group"] or not spec.get("span_once")):
                    cell(row["group"] or "")
                cell(row["label"])
            apart = spec.get("label_apart", {}).get(row["key"])
            if apart:
                # the label cells stand in a row group of their own, above or below the figures
                label_lines = L[mark:]
                del L[mark:]
                if apart == "after":
                    L.extend(label_lines + [""])
            for v in row["cells"]:
                L.append("\t" + v)
            L.append("")
            if apart == "before":
                L.extend(label_lines + [""])
        L.append("")
    elif kind == "reviews":
        first, litigation, subs, heads = review_labels(spec)
        cell(first)
        cell(litigation)
        L.append("")
        for t in heads + subs:
            cell(t)
        L.append("")
        for _ in heads:
            cell("")
        for t in heads * len(subs):
            cell(t)
        L.append("")
        for v in review_values(cells):
            L.append("\t" + v)
        L.append("")
        L.append("")
    return L


# ======================================================================== Markdown (a PDF-to-Markdown converter)
#
# Pipe tables with a separator row after the first row; a table cut by a page break goes on as a new
# table whose header row the converter makes up (数据1 …) or takes from the first row after the break
# (spec["md_cuts"]: row key or "active:N" → "placeholder" | "promoted"); rows whose label cells were lost
# (spec["md_lost_labels"]); `#` headings, bold sub-headings, paragraphs broken into short lines.


def md_row(cells):
    """A pipe-table row."""
    return "| " + " | ".join(c.replace("\n", "<br>") for c in cells) + " |"


def md_sep(n):
    """A pipe-table separator row of n columns."""
    return "|" + "---|" * n


def md_layout(spec, doc, cells):
    """The report as Markdown."""
    L = []
    for kind, payload in doc:
        if kind == "title":
            L.extend("# " + t.strip() for t in payload)
            L.append("")
        elif kind == "para":
            L.extend(wrap(payload, spec.get("md_width", 36)))
            L.append("")
        elif kind == "subheading":
            L.extend(["**" + payload + "**", ""])
        elif kind == "contact":
            for x in payload:
                L.extend([x, ""])
        elif kind == "heading":
            L.extend(["## " + payload, ""])
        elif kind == "signature":
            L.extend([payload[0], "", payload[1], ""])
        elif kind == "table":
            L.extend(md_table(spec, payload, cells))
            L.append("")
    return "\n".join(L)


def md_table(spec, kind, cells):
    """The table's rows as (cut key or None, cells); then printed as pipe tables, cut where asked."""
    rows = []
    lost = spec.get("md_lost_labels", ())
    if kind == "active":
        for i, (item, header, body) in enumerate(active_model(spec, cells)):
            rows.append((f"active:{i}", [item, "", "", ""]))
            rows.append((None, header + [""] * (4 - len(header))))
            for key, label, vals in body:
                label = "" if f"active:{key}" in lost else label
                rows.append((None, [label] + vals + [""] * (3 - len(vals))))
        width = 4
    elif kind == "applications":
        natural, legal, others, total = applicant_heads(spec)
        n = len(schema.columns("applications"))
        rows.append((None, [schema.RELATION_NOTE, "", "", schema.APPLICANTS] + [""] * (n - 1)))
        rows.append((None, ["", "", "", natural, legal] + [""] * (len(others) - 1) + [total]))
        rows.append((None, ["", "", "", ""] + others + [""]))
        for r in app_model(spec, cells):
            vals = r["cells"] + [""] * (n - len(r["cells"]))
            if r["key"] in lost:
                head = ["", "", ""]
            elif is_top(r):
                head = [r["top"], "", ""]
            elif r.get("results"):
                head = [r["top"], r["label"], ""]
            elif r.get("in_group"):
                head = ["", r["group"] or "", r["label"]]
            else:
                head = ["", r["label"], ""]
            rows.append((r["key"], head + vals))
        width = 3 + n
    else:
        first, litigation, subs, heads = review_labels(spec)
        n = len(heads)
        rows.append((None, [first] + [""] * (n - 1) + [litigation] + [""] * (n * len(subs) - 1)))
        rows.append((None, heads + [x for sub in subs for x in [sub] + [""] * (n - 1)]))
        rows.append((None, [""] * n + heads * len(subs)))
        rows.append((None, review_values(cells)))
        width = n * (1 + len(subs))
    cuts = spec.get("md_cuts", {})
    out = []
    for i, (key, row) in enumerate(rows):
        style = cuts.get(key)
        if i == 0:
            out.extend([md_row(row), md_sep(width)])
        elif style == "placeholder":
            out.extend(["", md_row([f"数据{k + 1}" for k in range(width)]), md_sep(width), md_row(row)])
        elif style == "promoted":
            out.extend(["", md_row(row), md_sep(width)])
        else:
            out.append(md_row(row))
    return out


# ======================================================================== a crawler's file on one line
#
# A crawler's header block (标题/发布时间/来源/原文链接, ===== 正文 =====), a breadcrumb, the page's text
# nodes all on one line (every table cell, in the order of the page, without separators: a row's figures
# run together), then the page's share and print links.


def crawl_cells(spec, kind, cells):
    """The text nodes of one table in page order."""
    if kind == "active":
        out = []
        for item, header, body in active_model(spec, cells):
            out += [item] + header
            for _, label, vals in body:
                out += [label] + vals
        return out
    if kind == "applications":
        natural, legal, others, total = applicant_heads(spec)
        out = [schema.RELATION_NOTE, schema.APPLICANTS, natural, legal, total] + others
        for r in app_model(spec, cells):
            if is_top(r):
                out.append(r["top"])
            elif r.get("results"):
                out += [r["top"], r["label"]]
            else:
                if r.get("group"):
                    out.append(r["group"])
                out.append(r["label"])
            out += r["cells"]
        return out
    first, litigation, subs, heads = review_labels(spec)
    return [first, litigation] + heads + subs + heads * len(subs) + review_values(cells)


def crawler_layout(spec, doc, cells):
    """The report as a crawler's one-line file."""
    parts = []
    title = "".join(t.strip() for t in spec["title_lines"])
    for kind, payload in doc:
        if kind == "title":
            parts.append(title)
        elif kind in ("para", "subheading", "heading"):
            parts.append(payload)
        elif kind in ("contact", "signature"):
            parts.extend(payload)
        elif kind == "table":
            parts.extend(crawl_cells(spec, payload, cells))
    c = spec["crawl"]
    head = [f"标题: {title}", f"发布时间: {c['posted']}", f"来源: {spec['agency_full']}", f"原文链接: {c['url']}",
            "===== 正文 ====="]
    if c.get("crumb"):
        head.append(c["crumb"])
    tail = ["分享到： 微信 微博 QQ空间", "【打印本页】 【关闭窗口】"]
    return "\n".join(head + ["".join(parts).replace("\n", "")] + tail) + "\n"


def well_formed(piece, amount):
    """Whether a piece of a run is a figure as printed (an amount may have decimals)."""
    return re.fullmatch(r"(0|[1-9][0-9]*)(\.[0-9]+)?" if amount else r"0|[1-9][0-9]*", piece) is not None


def cuts_of(run, cols):
    """Every cut of a run of figures into one well-formed figure per column."""
    if len(cols) == 1:
        return [[run]] if well_formed(run, schema.column("active", cols[0]).unit == "wan_yuan") else []
    out = []
    for i in range(1, len(run)):
        if well_formed(run[:i], schema.column("active", cols[0]).unit == "wan_yuan"):
            out += [[run[:i]] + rest for rest in cuts_of(run[i:], cols[1:])]
    return out


def crawl_nulls(spec, figs, cells):
    """The cells a reader must leave null when every separator is lost: an active row whose run can be cut
    more than one way (or not at all); application rows whose runs the row totals and the column
    equations, taken together, do not settle; the review groups unless one split keeps every group total."""
    nulls = set()
    tpl = spec["template"]
    for key in schema.row_keys("active", tpl):
        cols = schema.columns("active", key, tpl)
        run = "".join(cells.shown("active", key, c) for c in cols)
        if len(run) > 15 or len(cuts_of(run, cols)) != 1:
            nulls |= {("active", key, c) for c in cols}
    keys = list(figs["applications"])
    n = len(schema.columns("applications"))
    # a run cut more than 20000 ways (counting cuts that ignore the total) is not tried (split.rs)
    runs = {k: "".join(cells.row_texts("applications", k)) for k in keys}
    # nor a run of more than 15 characters, which is no figure at all (value.rs)
    options = {k: row_splits(r) if len(r) <= 15 and sum(1 for _ in splits(r, n)) < 20000 else []
               for k, r in runs.items()}
    settled = settle(keys, options)
    for k in keys:
        if k not in settled:
            nulls |= {("applications", k, c) for c in schema.columns("applications")}
    rev = "".join(review_values(cells))
    cols = schema.columns("reviews")
    groups = len(schema.row_keys("reviews"))
    w = len(cols)
    good = [p for p in splits(rev, groups * w)
            if all(sum(p[g * w:g * w + w - 1]) == p[g * w + w - 1] for g in range(groups))] if len(rev) <= 15 else []
    if len(good) != 1:
        nulls |= {("reviews", g, c) for g in schema.row_keys("reviews") for c in cols}
    return nulls
