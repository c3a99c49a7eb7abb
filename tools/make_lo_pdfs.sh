#!/usr/bin/env bash
# A third PDF producer for tests: LibreOffice Writer's PDF export (as an office suite exports a Word
# report: CJK in simple fonts with ToUnicode, tables with drawn borders, rows cut by page breaks) of
# some HTML samples. Writes tests/fixtures/libreoffice/NAME.pdf; tests/pdf.rs checks each against
# sample-reports/expected/NAME.json. Needs: apt-get install libreoffice-writer-nogui fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/libreoffice
mkdir -p "$out"
for name in 04-county-2022-html 10-department-prefecture-2022-html s04-county-2021-html-outcomes-fail; do
  soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
    --outdir "$out" "sample-reports/$name.html" >/dev/null
done
ls -l "$out"
