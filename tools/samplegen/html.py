"""HTML layouts.

  - "html" (the numbered set, the bulk mode): a CMS article page (title, optional breadcrumb, paragraphs with
    indents) whose tables merge cells with rowspan/colspan as the template does;
  - "html-plain" (the s-set): every line of the report a <p>, each table a plain grid of <td> cells with a
    few colspans.
"""

from collections import Counter

from . import schema
from .tables import active_model, app_model, applicant_heads, is_top, outcome_group, review_labels, review_values
from .text import block_lines


def esc(s):
    """Text escaped for HTML."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ======================================================================== the article page


def html_layout(spec, doc, cells):
    """The report as an article page."""
    title = "".join(t.strip() for t in spec["title_lines"])
    H = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">', f"<title>{esc(title)}</title>",
         "<style>table{border-collapse:collapse;margin:0 auto} "
         "td{border:1px solid #333;padding:2px 4px;text-align:center}</style>",
         "</head>", "<body>"]
    if spec.get("crumb"):
        H.append(f'<div class="crumb">{esc(spec["crumb"])}</div>')
    H.append('<div class="article">')
    for kind, payload in doc:
        if kind == "title":
            H.append('<h1 class="title">' + "<br>".join(esc(t) for t in payload) + "</h1>")
            H.append('<div class="content">')
        elif kind == "para":
            H.append(f'<p style="text-indent:2em">{esc(payload)}</p>')
        elif kind == "subheading":
            H.append(f'<p style="text-indent:2em"><b>{esc(payload)}</b></p>')
        elif kind == "contact":
            H.extend(f'<p style="text-indent:2em">{esc(x)}</p>' for x in payload)
        elif kind == "heading":
            H.append(f'<p style="text-indent:2em"><strong>{esc(payload)}</strong></p>')
        elif kind == "signature":
            H.extend(f'<p style="text-align:right">{esc(x)}</p>' for x in payload)
        elif kind == "table":
            H.extend(html_table(spec, payload, cells))
    H.extend(["</div>", "</div>", "</body>", "</html>"])
    return "\n".join(H) + "\n"


def td(text, rowspan=1, colspan=1):
    """A table cell (a non-breaking space when empty)."""
    a = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    inner = "<br>".join(esc(x) for x in text.split("\n")) if text else "&nbsp;"
    return f"<td{a}>{inner}</td>"


def html_table(spec, kind, cells):
    """One table's lines, cells merged as the template prints them."""
    T = ['<table border="1" cellspacing="0" cellpadding="0">', "<tbody>"]
    split = spec.get("split_headers", {})
    if kind == "active":
        for item, header, body in active_model(spec, cells):
            T.append("<tr>" + td(item, colspan=4) + "</tr>")
            span = 4 - len(header) + 1
            heads = [split.get(h, h) for h in header]
            T.append("<tr>" + "".join(td(h) for h in heads[:-1]) + td(heads[-1], colspan=span) + "</tr>")
            for _, label, vals in body:
                T.append("<tr>" + td(label) + "".join(td(v) for v in vals[:-1]) + td(vals[-1], colspan=span) + "</tr>")
    elif kind == "applications":
        rows = app_model(spec, cells)
        natural, legal, others, total = applicant_heads(spec)
        n = len(schema.columns("applications"))
        T.append("<tr>" + td(schema.RELATION_NOTE, rowspan=3, colspan=3) + td(schema.APPLICANTS, colspan=n) + "</tr>")
        T.append("<tr>" + td(natural, rowspan=2) + td(legal, colspan=len(others)) + td(total, rowspan=2) + "</tr>")
        T.append("<tr>" + "".join(td(x) for x in others) + "</tr>")
        n_results = sum(1 for r in rows if not is_top(r))
        groups = Counter(outcome_group(r["key"]) for r in rows if r.get("in_group"))
        for r in rows:
            vals = "".join(td(v) for v in r["cells"])
            if is_top(r):
                T.append("<tr>" + td(r["top"], colspan=3) + vals + "</tr>")
                continue
            head = td(r["top"], rowspan=n_results) if r.get("results") else ""
            if r.get("in_group"):
                if r["group"]:
                    head += td(r["group"], rowspan=groups[outcome_group(r["key"])])
                T.append("<tr>" + head + td(r["label"]) + vals + "</tr>")
            else:
                T.append("<tr>" + head + td(r["label"], colspan=2) + vals + "</tr>")
    elif kind == "reviews":
        first, litigation, subs, heads = review_labels(spec)
        n = len(heads)
        T.append("<tr>" + td(first, colspan=n) + td(litigation, colspan=n * len(subs)) + "</tr>")
        T.append("<tr>" + "".join(td(h, rowspan=2) for h in heads) + "".join(td(s, colspan=n) for s in subs) + "</tr>")
        T.append("<tr>" + "".join(td(h) for h in heads * len(subs)) + "</tr>")
        T.append("<tr>" + "".join(td(v) for v in review_values(cells)) + "</tr>")
    T.extend(["</tbody>", "</table>"])
    return T


# ======================================================================== the plain page


def html_plain(spec, doc, cells):
    """The report as a plain page: each line a paragraph, tables as grids."""
    lines = block_lines(spec, doc, lambda kind: grid_table(spec, kind, cells).split("\n"))
    body = "\n".join(line if line.startswith(("<table", "<tr", "</table")) else f"<p>{line}</p>"
                     for line in lines if line.strip())
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府信息公开</title></head><body>\n"
            + body + "\n</body></html>\n")


def grid(rows, spans=None):
    """A plain grid: one <tr> per row, one <td> per cell, colspans where given ((row, cell) → attribute)."""
    out = ["<table border=\"1\">"]
    for i, r in enumerate(rows):
        tds = []
        for j, c in enumerate(r):
            attr = (spans or {}).get((i, j), "")
            tds.append(f"<td{attr}>{c.replace(chr(10), '<br>')}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def grid_table(spec, kind, cells):
    """One table as a plain grid: the cells a row prints, left to right (merged cells once)."""
    split = spec.get("split_headers", {})
    if kind == "active":
        rows = []
        for item, header, body in active_model(spec, cells):
            rows.append([item])
            rows.append([split.get(h, h) for h in header])
            rows += [[label] + vals for _, label, vals in body]
        return grid(rows)
    if kind == "applications":
        natural, legal, others, total = applicant_heads(spec)
        rows = [[schema.RELATION_NOTE, schema.APPLICANTS], ["", natural, legal, total], ["", ""] + others + [""]]
        for r in app_model(spec, cells):
            head = [r["top"]] if r.get("results") else [r["group"]] if r["group"] else []
            rows.append(head + [r["label"] or r["top"]] + r["cells"])
        n = len(schema.columns("applications"))
        return grid(rows, {(0, 1): f" colspan=\"{n}\"", (1, 2): f" colspan=\"{len(others)}\""})
    first, litigation, subs, heads = review_labels(spec)
    rows = [[first, litigation], heads + subs, [""] * len(heads) + heads * len(subs), review_values(cells)]
    n = len(heads)
    return grid(rows, {(0, 0): f" colspan=\"{n}\"", (0, 1): f" colspan=\"{n * len(subs)}\""})
