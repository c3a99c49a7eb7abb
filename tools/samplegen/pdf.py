"""PDF reports drawn with reportlab's canvas on A4 pages (layout "pdfdoc"), by one of two producers
(spec["pdf"]["producer"]):
  "embedded": a TrueType CJK font (WenQuanYi Zen Hei) embedded as a subset in one Type0 font, Identity-H
              codes and a ToUnicode CMap, table borders stroked per cell edge (as Word exports);
  "cmap":     reportlab's STSong-Light with the predefined CMap UniGB-UCS2-H, not embedded, table borders
              drawn as thin filled rectangles (as WPS exports).
Tables are drawn as grids of cells (the same rowspan/colspan structure as the HTML page); a table that does
not fit continues on the next page, with or without its header rows repeated.

Only drawing the PDFs needs `pip install reportlab` and `apt-get install fonts-wqy-zenhei`; reportlab is
imported when the first PDF is drawn (with invariant=1, so the files are reproducible). available() tells
whether it can be.
"""

import io
import os
import re
from collections import Counter

from . import schema
from .tables import active_model, app_model, applicant_heads, is_top, outcome_group, review_labels, review_values
from .text import NO_LINE_START


def available():
    """Whether reportlab can be imported (else the PDFs are left as they are)."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return False
    return True


A4 = (595.2756, 841.8898)
CM = 72 / 2.54
CJK_FONTS = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc"]
OPENERS = "《（“("


def identity_h_font(name, path):
    """A TrueType font that embeds as a single Type0 font: a CIDFontType2 subset (glyphs numbered in the
    order of first use, CIDToGIDMap, widths), Identity-H two-byte codes and a ToUnicode CMap, as office
    suites write. (reportlab's own TTFont writes simple TrueType fonts of 256 glyphs each instead.)"""
    import hashlib
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import TTFont

    class IdentityH(TTFont):
        """reportlab's TTFont, written as one Type0 font with Identity-H codes per document."""

        def __init__(self):
            """The font, with no document using it yet."""
            TTFont.__init__(self, name, path, subfontIndex=0, shapable=False)
            self.docs = {}

        def used(self, doc):
            """The characters a document uses (CIDs in the order of first use) and the font's name there."""
            return self.docs.setdefault(doc, {"cid": {}, "chars": [], "name": None})

        def splitString(self, text, doc, encoding="utf-8"):
            """The text as two-byte CIDs, new characters numbered as they come."""
            if isinstance(text, bytes):
                text = text.decode(encoding)
            st = self.used(doc)
            codes = bytearray()
            for ch in text:
                if ch not in st["cid"]:
                    st["chars"].append(ord(ch))
                    st["cid"][ch] = len(st["chars"])  # CID 0 stays .notdef
                codes += st["cid"][ch].to_bytes(2, "big")
            return [(0, bytes(codes))]

        def getSubsetInternalName(self, subset, doc):
            """The font's resource name in the document (registered for writing on first use)."""
            st = self.used(doc)
            if st["name"] is None:
                st["name"] = "F%d" % (len(doc.fontMapping) + 1)
                doc.fontMapping[self.fontName] = "/" + st["name"]
                doc.delayedFonts.append(self)
            return "/" + st["name"]

        def addObjects(self, doc):
            """Writes the Type0 font, its CIDFontType2 subset, CIDToGIDMap, widths and ToUnicode CMap."""
            st = self.docs.pop(doc)
            chars, face = st["chars"], self.face
            tag = hashlib.sha1(repr(chars).encode()).digest()
            base = "".join(chr(65 + b % 26) for b in tag[:6]) + "+" + face.name.decode("latin-1")
            # glyph numbers in the subset font program, as face.makeSubset assigns them
            gid, seen = [0], {0: 0}
            for u in chars:
                g = face.charToGlyph.get(u, 0)
                seen.setdefault(g, len(seen))
                gid.append(seen[g])
            to_gid = doc.Reference(pdfdoc.PDFStream(content=b"".join(g.to_bytes(2, "big") for g in gid)),
                                   "CIDToGIDMap:" + base)
            bf = [f"<{i + 1:04X}> <{u:04X}>" for i, u in enumerate(chars)]
            cmap = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                    "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                    "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
            for i in range(0, len(bf), 100):
                cmap += [f"{len(bf[i:i + 100])} beginbfchar"] + bf[i:i + 100] + ["endbfchar"]
            cmap += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
            to_unicode = doc.Reference(pdfdoc.PDFStream(content="\n".join(cmap)), "ToUnicode:" + base)
            widths = [int(round(face.getCharWidth(u))) for u in chars]
            cid_font = pdfdoc.PDFDictionary({
                "Type": "/Font", "Subtype": "/CIDFontType2", "BaseFont": pdfdoc.PDFName(base),
                "CIDSystemInfo": pdfdoc.PDFDictionary({"Registry": pdfdoc.PDFString("Adobe"),
                                                       "Ordering": pdfdoc.PDFString("Identity"), "Supplement": 0}),
                "FontDescriptor": face.addSubsetObjects(doc, base, chars),
                "DW": 1000, "W": pdfdoc.PDFArray([1, pdfdoc.PDFArray(widths)]), "CIDToGIDMap": to_gid,
            })
            font = pdfdoc.PDFDictionary({
                "Type": "/Font", "Subtype": "/Type0", "BaseFont": pdfdoc.PDFName(base), "Encoding": "/Identity-H",
                "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font, "CIDFont:" + base)]),
                "ToUnicode": to_unicode,
            })
            doc.idToObject["BasicFonts"].dict[st["name"]] = doc.Reference(font, st["name"])

    return IdentityH()


def pdf_font(producer):
    """The font name for a producer, registered with reportlab on first use."""
    from reportlab.pdfbase import pdfmetrics
    name = "CJK-Embedded" if producer == "embedded" else "STSong-Light"
    if name not in pdfmetrics.getRegisteredFontNames():
        if producer == "embedded":
            path = next((p for p in CJK_FONTS if os.path.exists(p)), None)
            assert path, "a CJK TrueType font is needed: apt-get install fonts-wqy-zenhei"
            pdfmetrics.registerFont(identity_h_font(name, path))
        else:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont
            pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def wrap_pt(text, measure, width, first_indent=0.0):
    """Lines of text for a width in points, as a word processor breaks Chinese text: anywhere between Han
    characters, never inside a Latin word or number; a closing mark never starts a line (the character
    before it moves down with it) and an opening mark never ends one."""
    tokens = re.findall(r"[0-9A-Za-z.,:/@_\-]+| +|.", text)
    lines, cur, used, limit = [], "", 0.0, width - first_indent
    for tok in tokens:
        w = measure(tok)
        if cur and used + w > limit + 0.01:
            carry = ""
            if tok[0] in NO_LINE_START and len(cur) > 1 and not cur[-1].isascii():
                cur, carry = cur[:-1], cur[-1]
            elif tok.isspace():
                lines.append(cur.rstrip())
                cur, used, limit = "", 0.0, width
                continue
            while len(cur) > 1 and cur[-1] in OPENERS:
                cur, carry = cur[:-1], cur[-1] + carry
            lines.append(cur.rstrip())
            cur, used, limit = carry, measure(carry), width
        cur += tok
        used += w
    if cur:
        lines.append(cur.rstrip())
    return lines or [""]


def gcell(r, c, text, rs=1, cs=1, align="center", vertical=False):
    """A grid cell at row r, column c spanning rs rows and cs columns."""
    return {"r": r, "c": c, "rs": rs, "cs": cs, "text": text, "align": align, "vertical": vertical}


def pdf_grid(spec, kind, cells):
    """The table as a grid: (column width fractions, header row count, cells)."""
    p = spec["pdf"]
    num = p.get("num_align", "center")
    G = []
    if kind == "active":
        r = 0
        for item, header, body in active_model(spec, cells):
            G.append(gcell(r, 0, item, cs=4, align="left"))
            span = 4 - len(header) + 1
            for i, h in enumerate(header):
                G.append(gcell(r + 1, i, h, cs=span if i == len(header) - 1 else 1))
            r += 2
            for _, label, vals in body:
                G.append(gcell(r, 0, label))
                for i, v in enumerate(vals):
                    G.append(gcell(r, i + 1, v, cs=span if i == len(vals) - 1 else 1, align=num))
                r += 1
        return list(p.get("active_cols", (0.31, 0.23, 0.23, 0.23))), 0, G
    if kind == "applications":
        rows = app_model(spec, cells)
        natural, legal, others, total = applicant_heads(spec)
        n = len(schema.columns("applications"))
        G += [gcell(0, 0, schema.RELATION_NOTE, rs=3, cs=3), gcell(0, 3, schema.APPLICANTS, cs=n),
              gcell(1, 3, natural, rs=2), gcell(1, 4, legal, cs=len(others)), gcell(1, 3 + n - 1, total, rs=2)]
        for i, h in enumerate(others):
            G.append(gcell(2, 4 + i, h))
        n_results = sum(1 for r in rows if not is_top(r))
        groups = Counter(outcome_group(r["key"]) for r in rows if r.get("in_group"))
        for i, r in enumerate(rows, start=3):
            assert not r["joined"], "run-together rows are a crawler's quirk, not drawn in a PDF"
            G += [gcell(i, 3 + j, v, align=num) for j, v in enumerate(r["cells"])]
            if is_top(r):
                G.append(gcell(i, 0, r["top"], cs=3, align="left"))
                continue
            if r.get("results"):
                G.append(gcell(i, 0, r["top"], rs=n_results, vertical=True))
            if r.get("in_group"):
                if r["group"]:
                    G.append(gcell(i, 1, r["group"], rs=groups[outcome_group(r["key"])]))
                G.append(gcell(i, 2, r["label"], align="left"))
            else:
                G.append(gcell(i, 1, r["label"], cs=2, align="left"))
        v, g, lab = p["app_cols"]
        rest = (1 - v - g - lab) / n
        return [v, g, lab] + [rest] * n, 3, G
    first, litigation, subs, heads = review_labels(spec)
    n = len(heads)
    G.append(gcell(0, 0, first, cs=n))
    G.append(gcell(0, n, litigation, cs=n * len(subs)))
    G += [gcell(1, i, h, rs=2) for i, h in enumerate(heads)]
    G += [gcell(1, n * (1 + k), s, cs=n) for k, s in enumerate(subs)]
    G += [gcell(2, n + i, h) for i, h in enumerate(heads * len(subs))]
    G += [gcell(3, i, v, align=num) for i, v in enumerate(review_values(cells))]
    width = n * (1 + len(subs))
    return [1 / width] * width, 3, G


class PdfPages:
    """A cursor over A4 pages: text lines placed top-down, a page number in the bottom margin."""

    def __init__(self, spec, title):
        """A canvas for the case's page settings (spec["pdf"]), the cursor at the top of page 1."""
        from reportlab.pdfgen import canvas
        from reportlab.pdfbase import pdfmetrics
        self.p = p = spec["pdf"]
        self.producer = p["producer"]
        self.font = pdf_font(self.producer)
        self.metrics = pdfmetrics
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4, invariant=1, pageCompression=1, initialFontName=self.font)
        self.c.setTitle(title)
        self.c.setCreator("tools/gen_samples.py")
        top, right, bottom, left = (m * CM for m in p["margins"])
        self.x0, self.x1, self.top, self.bottom = left, A4[0] - right, A4[1] - top, bottom
        self.width = self.x1 - self.x0
        self.size, self.leading = p.get("size", 12), p.get("leading", 22)
        self.y, self.page = self.top, 1
        self.splits = {}  # table kind -> number of pages it spans

    def measure(self, size):
        """A function giving a text's width in points at a font size."""
        return lambda s: self.metrics.stringWidth(s, self.font, size)

    def draw(self, x, baseline, text, size, bold=False):
        """Draws text at (x, baseline), bold by fill and stroke."""
        if not text:
            return
        c = self.c
        c.setFont(self.font, size)
        if bold:
            t = c.beginText(x, baseline)
            t.setTextRenderMode(2)  # simulated bold: fill and stroke
            t.textOut(text)
            t.setTextRenderMode(0)
            c.setLineWidth(size / 40)
            c.drawText(t)
        else:
            c.drawString(x, baseline, text)

    def footer(self):
        """Draws the page number in the bottom margin."""
        mark = self.p.get("page_style", "- {n} -").format(n=self.page)
        size = 10.5
        w = self.measure(size)(mark)
        self.draw((A4[0] - w) / 2, self.bottom / 2 - size / 2, mark, size)

    def new_page(self):
        """Ends the page and starts the next one."""
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = self.top

    def room(self, h):
        """Starts a new page unless h points fit above the bottom margin."""
        if self.y - h < self.bottom - 0.01:
            self.new_page()

    def line(self, text, x, size=None, leading=None, bold=False):
        """Draws one line at x and moves the cursor down by its leading."""
        size, leading = size or self.size, leading or self.leading
        self.room(leading)
        self.draw(x, self.y - (leading + size * 0.76) / 2, text, size, bold)
        self.y -= leading

    def para(self, text, indent=True):
        """Draws a paragraph wrapped to the text width, its first line indented by two characters."""
        m = self.measure(self.size)
        first = 2 * self.size if indent else 0
        for i, ln in enumerate(wrap_pt(text, m, self.width, first)):
            self.line(ln, self.x0 + (first if i == 0 else 0))

    def finish(self):
        """Ends the last page and returns the PDF's bytes."""
        self.footer()
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


class PdfTable:
    """A grid laid out for the page width: row heights from the wrapped cell text."""

    def __init__(self, pages, fractions, header_rows, cells):
        """A table of cells over columns of the given width fractions, its first header_rows rows the header."""
        p = pages.p
        self.pages = pages
        self.size = p.get("table_size", 9)
        self.lh = self.size * 1.3
        self.padx, self.pady = 3.0, 2.5
        total = sum(fractions)
        self.xs = [pages.x0]
        for f in fractions:
            self.xs.append(self.xs[-1] + pages.width * f / total)
        self.header_rows = header_rows
        self.cells = cells
        self.n = max(c["r"] + c["rs"] for c in cells)
        m = pages.measure(self.size)
        for c in cells:
            w = self.xs[c["c"] + c["cs"]] - self.xs[c["c"]] - 2 * self.padx
            if c["vertical"]:
                c["lines"] = list(c["text"])
            else:
                c["lines"] = [ln for part in c["text"].split("\n") for ln in wrap_pt(part, m, w)] if c["text"] else []
            c["need"] = len(c["lines"]) * self.lh + 2 * self.pady
        H = [p.get("row_min", 17.0)] * self.n
        for c in sorted(cells, key=lambda c: (c["rs"], c["r"], c["c"])):
            have = sum(H[c["r"]:c["r"] + c["rs"]])
            if c["need"] > have:
                for r in range(c["r"], c["r"] + c["rs"]):
                    H[r] += (c["need"] - have) / c["rs"]
        self.H = [round(h, 2) for h in H]

    def fragments(self, repeat):
        """Row lists, one per page: rows that fit below the cursor, then on each following page (after the
        header rows again when they repeat)."""
        pg = self.pages
        hr = self.header_rows
        start = sum(self.H[:hr + 2])
        if pg.y - start < pg.bottom:
            pg.new_page()
        frags, cur, room = [], [], pg.y - pg.bottom
        for r in range(self.n):
            if cur and sum(self.H[x] for x in cur) + self.H[r] > room:
                frags.append(cur)
                cur = list(range(hr)) if repeat else []
                room = pg.top - pg.bottom
            cur.append(r)
        frags.append(cur)
        return frags

    def draw(self, repeat):
        """Draws the table from the cursor on, over as many pages as it needs (header rows repeated when
        repeat); a merged cell cut by a page break has its lines shared between the pieces."""
        pg = self.pages
        frags = self.fragments(repeat)
        # each cell's pieces: (fragment, first row, last row) of the rows it covers on that page
        pieces = {}
        for f, rows in enumerate(frags):
            for c in self.cells:
                mine = [r for r in rows if c["r"] <= r < c["r"] + c["rs"]]
                if mine:
                    pieces.setdefault(id(c), []).append((f, mine[0], mine[-1]))
        lines_at = {}  # (cell id, fragment) -> (lines, centred?)
        for c in self.cells:
            ps = pieces[id(c)]
            if len(ps) == 1 or c["r"] < self.header_rows:
                for f, _, _ in ps:
                    lines_at[(id(c), f)] = (c["lines"], True)
                continue
            todo = list(c["lines"])
            for k, (f, a, b) in enumerate(ps):
                h = sum(self.H[a:b + 1]) - 2 * self.pady
                cap = len(todo) if k == len(ps) - 1 else max(0, int(h // self.lh))
                if k == 0 and len(todo) <= cap:
                    lines_at[(id(c), f)] = (todo, True)
                    todo = []
                else:
                    lines_at[(id(c), f)] = (todo[:cap], False)
                    todo = todo[cap:]
        for f, rows in enumerate(frags):
            if f:
                pg.new_page()
            top = {}
            y = pg.y
            for r in rows:
                top[r] = y
                y -= self.H[r]
            bottom = y
            edges = set()
            texts = []
            for c in self.cells:
                for pf, a, b in pieces[id(c)]:
                    if pf != f:
                        continue
                    x0, x1 = self.xs[c["c"]], self.xs[c["c"] + c["cs"]]
                    y0, y1 = top[a], top[b] - self.H[b]
                    x0, x1, y0, y1 = (round(v, 2) for v in (x0, x1, y0, y1))
                    edges |= {("h", y0, x0, x1), ("h", y1, x0, x1), ("v", x0, y1, y0), ("v", x1, y1, y0)}
                    texts.append((c, x0, x1, y0, y1, *lines_at[(id(c), f)]))
            if self.pages.producer == "embedded":
                for t in texts:
                    self.cell_text(*t)
                self.borders(edges)
            else:
                self.borders(edges)
                for t in texts:
                    self.cell_text(*t)
            pg.y = bottom
        pg.splits[self.kind] = len(frags)
        pg.y -= pg.leading * 0.5

    def borders(self, edges):
        """Draws the cell edges: stroked lines (embedded) or thin filled rectangles (cmap); none without rules."""
        if not self.pages.p.get("borders", True):
            return  # a table drawn without rules
        c = self.pages.c
        c.setLineWidth(0.5)
        for kind, at, a, b in sorted(edges):
            if self.pages.producer == "embedded":
                if kind == "h":
                    c.line(a, at, b, at)
                else:
                    c.line(at, a, at, b)
            elif kind == "h":
                c.rect(a - 0.25, at - 0.25, b - a + 0.5, 0.5, stroke=0, fill=1)
            else:
                c.rect(at - 0.25, a - 0.25, 0.5, b - a + 0.5, stroke=0, fill=1)

    def cell_text(self, c, x0, x1, y0, y1, lines, centred):
        """Draws a cell's lines inside its box, centred vertically or from the top."""
        m = self.pages.measure(self.size)
        block = len(lines) * self.lh
        first = y0 - ((y0 - y1 - block) / 2 if centred else self.pady)
        for i, ln in enumerate(lines):
            w = m(ln)
            if c["align"] == "left":
                x = x0 + self.padx
            elif c["align"] == "right":
                x = x1 - self.padx - w
            else:
                x = (x0 + x1 - w) / 2
            self.pages.draw(x, first - i * self.lh - (self.lh + self.size * 0.76) / 2, ln, self.size)


def pdf_document(spec, doc, cells):
    """The report as a PDF file (bytes)."""
    p = spec["pdf"]
    pg = PdfPages(spec, "".join(t.strip() for t in spec["title_lines"]))
    tables = {}
    for kind, payload in doc:
        if kind == "table":
            t = PdfTable(pg, *pdf_grid(spec, payload, cells))
            t.kind = payload
            tables[payload] = t
    for i, (kind, payload) in enumerate(doc):
        if kind == "title":
            size = p.get("title_size", 18)
            m = pg.measure(size)
            for t in payload:
                t = t.strip()
                year = re.search(r"\d{4}年", t)
                if m(t) > pg.width and year and max(m(t[:year.start()]), m(t[year.start():])) <= pg.width:
                    lines = [t[:year.start()], t[year.start():]]  # a long title breaks before the year
                else:
                    lines = wrap_pt(t, m, pg.width)
                for ln in lines:
                    pg.line(ln, (pg.x0 + pg.x1 - m(ln)) / 2, size, size * 1.6)
            pg.y -= pg.leading * 0.5
        elif kind == "para":
            pg.para(payload)
        elif kind == "subheading":
            pg.room(pg.leading * 2)
            pg.para(payload)
        elif kind == "contact":
            for x in payload:
                pg.line(x, pg.x0 + 2 * pg.size)
        elif kind == "heading":
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            keep = 2 * pg.leading
            if nxt and nxt[0] == "table":
                keep = pg.leading + sum(tables[nxt[1]].H[:tables[nxt[1]].header_rows + 2])
            pg.room(keep)
            pg.line(payload, pg.x0 + 2 * pg.size, bold=p.get("bold_headings", False))
        elif kind == "signature":
            pg.y -= pg.leading
            pg.room(2 * pg.leading)
            m = pg.measure(pg.size)
            right = pg.x1 - 2 * pg.size
            mid = right - m(payload[0]) / 2
            pg.line(payload[0], right - m(payload[0]))
            pg.line(payload[1], mid - m(payload[1]) / 2)
        elif kind == "table":
            tables[payload].draw(p.get("repeat_header", False))
    # the pages each table spans, as the description says (1 unless listed)
    assert pg.splits == {k: p.get("split", {}).get(k, 1) for k in pg.splits}, (spec["name"], pg.splits)
    return pg.finish()
