"""Text as `pdftotext -layout` prints a PDF report: paragraphs wrapped at a fixed width, table cells placed
at columns, labels wrapped inside their cells, stacked headers, page numbers and form feeds.

Two imitations:
  - layout "pdf" (the numbered set): a whole report paginated (page_lines, page_style), vertical and
    group heads spread over the rows beside them, labels wrapped in narrow cells; paragraphs wrapped at
    pdf_width Han characters (default 30);
  - layout "spaced" (the s-set): the tables placed on fixed display columns, long labels cut over three lines
    around their figures, a page break (page_at) inside the applications table.
"""

import re

from . import schema
from .tables import active_model, app_model, applicant_heads, is_top, outcome_group, review_labels, review_values
from .text import block_lines, wrap

HAN = "\u4e00-\u9fff"


def pdf_spacing(text):
    """pdftotext puts a space where the font changes between Han characters and Latin digits."""
    text = re.sub(f"(?<=[{HAN}])(?=[0-9])", " ", text)
    return re.sub(f"(?<=[0-9])(?=[{HAN}])", " ", text)


KEEP = "\x00"  # a line that must not start a page (kept with the line before it)


def place(line, col, text):
    """text put at character column col of line (after two spaces when the line already reaches it)."""
    if len(line) >= col:
        line = line.rstrip(" ") + "  " if line.strip() else line
        return line + text
    return line + " " * (col - len(line)) + text


def stacked(head):
    """A narrow column's header as pdftotext stacks it: (top, bottom), or (None, None) for a short one that
    stands on the middle line."""
    if len(head) <= 2:
        return None, None
    cut = (2 * len(head) + 2) // 3
    return head[:cut], head[cut:]


# ======================================================================== layout "pdf" (the numbered set)


def pdf_layout(spec, doc, cells):
    """The report as pdftotext -layout text of a paginated PDF."""
    L = []
    W = spec.get("pdf_width", 30)
    for kind, payload in doc:
        if kind == "title":
            for i, t in enumerate(payload):
                L.append((KEEP if i else "") + pdf_spacing(t))
            L.extend(["", ""])
        elif kind == "para":
            text = pdf_spacing(payload)
            for i, line in enumerate(wrap(text, W, 2)):
                L.append(("   " + line) if i == 0 else line)
        elif kind == "subheading":
            L.append("   " + payload)
        elif kind == "contact":
            L.extend("   " + x for x in payload)
        elif kind == "heading":
            L.append("     " + payload)
        elif kind == "signature":
            L.extend(["", "", " " * 32 + payload[0], KEEP + " " * 30 + pdf_spacing(payload[1])])
        elif kind == "table":
            L.extend(pdf_table(spec, payload, cells))
    return paginate(spec, L)


def paginate(spec, lines):
    """Lines cut into pages of page_lines, each ended by its page number (page_style)."""
    per = spec.get("page_lines", 42)
    style = spec.get("page_style", "-{n}-")
    out, n, count = [], 1, 0

    def footer():
        """Appends the page number (to the right on odd pages)."""
        mark = style.format(n=n)
        out.append(" " * 42 + mark if n % 2 else mark)

    for line in lines:
        keep = line.startswith(KEEP)
        if count >= per and not keep:
            footer()
            n += 1
            count = 0
        out.append(line.lstrip(KEEP))
        count += 1
    footer()
    return "\n".join(out) + "\n"


VC = [34, 44, 53, 62, 71, 79, 86]  # value columns of the applications table
NOTE_CUT = 20  # where the 勾稽关系 note breaks in its cell


def pdf_table(spec, kind, cells):
    """The lines of one table."""
    L = []
    if kind == "active":
        for item, header, body in active_model(spec, cells):
            L.extend([item.replace("条第", "条 第"), "", ""])
            cols = [0, 18, 31, 44][:len(header)] if len(header) > 2 else [0, 30]
            split = spec.get("split_headers", {})
            parts = [split.get(h, h).split("\n") for h in header]
            for k in range(max(len(p) for p in parts)):
                line = ""
                for col, p in zip(cols, parts):
                    if k < len(p):
                        line = place(line, col, p[k])
                L.append(line.rstrip())
            L.extend(["", ""])
            for _, label, vals in body:
                line = place("", 0, label)
                for col, v in zip(cols[1:], vals):
                    line = place(line, col, v)
                L.extend([line, ""])
        L.extend(["", ""])
    elif kind == "applications":
        natural, legal, others, total = applicant_heads(spec)
        note = schema.RELATION_NOTE
        L.append(place("", 52, schema.APPLICANTS))
        L.extend(["", ""])
        L.append(place(place("", 0, note[:NOTE_CUT]), 52, legal))
        L.append(note[NOTE_CUT:])
        L.append(place(place("", VC[0], natural), VC[6], total))
        heads = [stacked(h) for h in others]
        L.append(stack(VC[1:6], [top for top, _ in heads]))
        L.append(stack(VC[1:6], [h if top is None else None for h, (top, _) in zip(others, heads)]))
        L.append(stack(VC[1:6], [bottom for _, bottom in heads]))
        L.extend(["", ""])
        res = schema.RESULTS_LABEL
        vertical = [res[:2]] + list(res[2:])
        rows = app_model(spec, cells)
        group_rows = {}
        for r in rows:
            if r.get("in_group"):
                group_rows.setdefault(outcome_group(r["key"]), []).append(r["key"])
        first_group = next(iter(schema.groups(spec["app_rows"]).values()))
        vpos = 0
        for r in rows:
            vals = r["cells"]
            cols = VC[:len(vals)]
            apart = spec.get("label_apart", {}).get(r["key"])
            if apart:
                col, width = (13, 14) if r.get("in_group") else (6, 20)
                label_lines = [place("", col, ch) for ch in wrap(r["label"], width)]
                number_line = [label_line("", col, vals, cols)]
                lines = label_lines + number_line if apart == "after" else number_line + label_lines
            elif is_top(r):
                lines = [label_line(r["top"], 0, vals, cols)]
            else:
                col, width = (13, 14) if r.get("in_group") else (6, 20)
                chunks = wrap(r["label"], width)
                if len(chunks) == 1:
                    lines = [label_line(chunks[0], col, vals, cols)]
                elif len(chunks) == 2:
                    lines = [place("", col, chunks[0]), label_line("", col, vals, cols), place("", col, chunks[1])]
                else:
                    lines = [place("", col, chunks[0]), "", label_line(chunks[1], col, vals, cols)]
                    lines += [place("", col, ch) for ch in chunks[2:]]
            L.extend(lines)
            L.append("")
            key = r["key"]
            g = outcome_group(key) if r.get("in_group") else None
            if g and key == group_rows[g][len(group_rows[g]) // 2 - 1 if len(group_rows[g]) > 1 else 0]:
                label = spec.get("labels", {}).get(g, g.replace("其他", spec.get("other_word", "其他")))
                L.append(place("", 6, label[:4]))
                L.append(place("", 6, label[4:]))
            if key in first_group and vpos < len(vertical):
                # the vertical head spreads over the rows of the first group, two characters a row
                take = 2 if vpos < 6 and key != first_group[0] else 1
                for ch in vertical[vpos:vpos + take]:
                    L.append(ch)
                vpos += take
        assert vpos == len(vertical), vpos
        L.extend(["", ""])
    elif kind == "reviews":
        first, litigation, subs, heads = review_labels(spec)
        rc = [0, 6, 12, 18, 24, 32, 38, 44, 50, 56, 64, 70, 76, 82, 88]
        start = len(L) + 1
        L.extend(["", "", ""])
        L.append(place(place("", 32, subs[0]), 64, subs[1]))
        L.extend(["", ""])
        parts = [stacked2(h) for h in heads] * 3
        L.append(stack(rc, [top for top, _, _ in parts]))
        L.append(stack(rc, [mid for _, mid, _ in parts]))
        L.append(stack(rc, [bottom for _, _, bottom in parts]))
        L.extend(["", "", "", ""])
        L.append(stack(rc, review_values(cells)))
        L[:] = L[:start - 1] + [place(place("", 0, first), 32, litigation)] + [KEEP + x for x in L[start - 1:]]
        L.extend(["", "", ""])
    return L


def stacked2(head):
    """A reviews header over two lines (结果/维持), or alone on the middle line (总计): (top, middle, bottom)."""
    return (None, head, None) if len(head) <= 2 else (head[:2], None, head[2:])


def label_line(label, col, vals, cols):
    """A row's label at col and its figures at cols."""
    line = place("", col, label) if label else ""
    for c, v in zip(cols, vals):
        line = place(line, c, v)
    return line


def stack(cols, texts):
    """Texts placed at cols (None: nothing), trailing spaces dropped."""
    line = ""
    for c, t in zip(cols, texts):
        if t is not None:
            line = place(line, c, t)
    return line.rstrip()


# ======================================================================== layout "spaced" (the s-set)


def width(text):
    """Display width: two cells for a Han character or full-width mark, one for anything else."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def put(line, col, text):
    """text put at display column col of line."""
    return line + " " * max(0, col - width(line)) + text


def spaced_line(label, vals, width_=46):
    """A row: the label, padded to width_ display cells, then the figures right-aligned in 9 cells each."""
    nums = "".join(f"  {v:>7}" for v in vals)
    return label + " " * max(2, width_ - width(label)) + nums


def spaced(spec, doc, cells):
    """The report as the s-set's pdftotext text."""

    def table_lines(kind):
        """A table's lines and the blank line after it."""
        if kind == "active":
            return spaced_active(spec, cells) + [""]
        if kind == "applications":
            return spaced_app(spec, cells) + [""]
        return spaced_reviews(spec, cells) + [""]
    return "\n".join(block_lines(spec, doc, table_lines)) + "\n"


def spaced_active(spec, cells):
    """The active table's lines: item lines, headers on one line, rows at a 22-cell label column."""
    out = []
    split = spec.get("split_headers", {})
    for item, header, body in active_model(spec, cells):
        out.append(item.replace("第二十条第", "第二十条 第"))
        out.append(header[0] + " " * 10 + "     ".join(split.get(h, h).replace("\n", "") for h in header[1:]))
        for _, label, vals in body:
            out.append(spaced_line(label, vals, width_=22))
    return out


SPACED_APP_COLS = (42, 51, 60, 70, 81)  # display columns of the applicant heads after 自然人


def spaced_app(spec, cells):
    """The applications table's lines: stacked heads, then each row (long labels over three lines, the
    vertical 三、本年度办理结果 head one character a row, a page break where page_at says)."""
    natural, legal, others, total = applicant_heads(spec)
    note = schema.RELATION_NOTE
    cut = note.index("，") + 1
    heads = [stacked(h) for h in others]
    top, bottom = "", ""
    for col, h, (t, b) in zip(SPACED_APP_COLS, others, heads):
        top = put(top, col, t if t is not None else h)
        if b is not None:
            bottom = put(bottom, col, b)
    lines = [put("", 50, schema.APPLICANTS), put(note[:cut], 54, legal), put(put(note[cut:], 40, natural), 85, total),
             top, bottom]
    vertical = list(schema.RESULTS_LABEL)
    vi = 0
    for i, r in enumerate(app_model(spec, cells)):
        label, vals = r["label"] or r["top"], r["cells"]
        if spec.get("page_at") == i:
            lines.append(" " * 43 + "-4-")
            lines.append("\f")
        prefix = ""
        if 2 <= i < 2 + len(vertical):
            prefix = vertical[vi]
            vi += 1
        if len(label) > 16:
            lines.append("      " + label[:14])
            lines.append(spaced_line(prefix, vals))
            lines.append("      " + label[14:])
        else:
            lines.append(spaced_line((prefix + "      " if prefix else "      ") + label, vals))
    return lines


# the stacked reviews headers as the s-set's PDF prints them: display column and cut of each head, on the
# top and bottom lines (总计 alone on a middle line)
SPACED_REVIEW_HEADS = [(0, 0, 2), (7, 7, 2), (15, 15, 3), (25, 23, 2)]


def spaced_reviews(spec, cells):
    """The reviews table's lines."""
    first, litigation, subs, heads = review_labels(spec)
    top, bottom = "", ""
    for (ct, cb, cut), h in zip(SPACED_REVIEW_HEADS, heads):
        top = put(top, ct, h[:cut])
        bottom = put(bottom, cb, h[cut:])
    return [put(first, 34, litigation), put(put("", 30, subs[0]), 62, subs[1]), top, put("", 24, heads[-1]), bottom,
            "   ".join(review_values(cells))]
