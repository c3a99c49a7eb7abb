"""The generator of gongkai's sample reports (driven by tools/gen_samples.py).

    python3 tools/gen_samples.py                                  # the bundled samples, records, README
    python3 tools/gen_samples.py --bulk N --out DIR [--seed S]    # N varied reports for benchmarks

The bundled samples are two sets of cases: cases_s.py (sample-reports/sNN-*) and cases_numbered.py
(sample-reports/NN-*); samples.py writes them with their expected records (sample-reports/expected/) and
sample-reports/README.md. bulk.py writes the benchmark reports. A report is made by render.py from:

  schema.py      the tables' rows, columns, templates, outcome rows and labels, read from tools/schema.json
                 (written by `gongkai schema --json`); the few things schema.json lacks are named there
  gazetteer.py   places and division codes (crates/gongkai-core/data/gazetteer/), regions, phone area codes
  figures.py     balanced figures drawn from a seed (weighted and uniform models), deliberate breaks
  tables.py      what each cell prints and what a reader writes down; figures run together and their readings
  checks.py      the checks an expected record lists
  prose.py       the report as blocks (full and short house styles), section headings
  text.py        tabbed text, Markdown, a crawler's one-line file;  pdftext.py  pdftotext -layout text
  html.py        an article page and a plain page;  docx.py  .docx;  pdf.py  PDF (reportlab)
  encodings.py   UTF-8, GB18030, UTF-16LE with BOM

Output is deterministic. Python 3 standard library only, except pdf.py: drawing the PDF samples needs
`pip install reportlab` and `apt-get install fonts-wqy-zenhei` (the embedded producer's font); without
reportlab the PDF files are left as they are and their expected records are still written.
"""
