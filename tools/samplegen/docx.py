"""A real .docx (WordprocessingML in a zip) from a report in tabbed text: lines starting with a tab are table
cells (a blank line ends a row, a line that follows a cell continues it), other lines are paragraphs."""

import io
import zipfile

STAMP = (2024, 1, 1, 0, 0, 0)  # every part's date, so the files are reproducible
CONTENT_TYPES = ("<?xml version=\"1.0\"?>"
                 "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                 "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")


def para(t):
    """A paragraph of one run."""
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>"


def document_xml(text):
    """word/document.xml for the tabbed text: paragraphs and w:tbl tables."""
    body, rows, row, cell = [], [], None, None

    def close_table():
        """Ends the table being collected, if any."""
        nonlocal rows
        if rows:
            tr = ("<w:tr>" + "".join("<w:tc>" + ("".join(para(x) for x in c) or "<w:p/>") + "</w:tc>" for c in r)
                  + "</w:tr>" for r in rows)
            body.append("<w:tbl>" + "".join(tr) + "</w:tbl>")
            rows = []
    for line in text.split("\n"):
        if line.startswith("\t"):
            if row is None:
                row = []
                rows.append(row)
            cell = [line[1:]] if line[1:] else []
            row.append(cell)
        elif line == "":
            row = None
        elif row is not None and cell is not None:
            cell.append(line)
        else:
            close_table()
            body.append(para(line))
    close_table()
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "".join(body) + "</w:body></w:document>")


def docx_bytes(text, compress=False):
    """The .docx file of a tabbed-text report (parts stored, or deflated when compress)."""
    how = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", STAMP), CONTENT_TYPES, compress_type=how)
        z.writestr(zipfile.ZipInfo("word/document.xml", STAMP), document_xml(text), compress_type=how)
    return buf.getvalue()
