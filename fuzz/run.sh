#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), seeded from sample-reports/, and prints one
# line per target: executions, corpus size, result. Crashes, hangs and out-of-memory inputs are kept
# under fuzz/artifacts/<target>/.
#
#   bash fuzz/run.sh 600            # every target, 10 minutes each
#   bash fuzz/run.sh 60 query       # one target
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`); both are installed here
# when missing.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-600}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(read_text read_html read_docx read_pdf parse_text query open_index)
fi
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

SAMPLES=../sample-reports
seed() { # target, then file patterns
  local t=$1; shift
  mkdir -p "corpus/$t"
  for pat in "$@"; do
    for f in $SAMPLES/$pat; do [ -f "$f" ] && cp -n "$f" "corpus/$t/" || true; done
  done
}
seed read_text '*.txt' '*.md'
seed read_html '*.html'
seed read_docx '*.docx'
seed read_pdf '*.pdf'
seed parse_text '*.txt'
mkdir -p corpus/query corpus/open_index
for q in '刘集 apps>=10 year:2020..2022' '"依申请公开" -复议 type:镇 OR 街道' 'rate.granted<0.5 province:安徽' \
         'agency:枫桥 failing:yes level:county' '申请＞5 ２０２０年' 'year:' '"open'; do
  printf '%s' "$q" > "corpus/query/$(printf '%s' "$q" | md5sum | cut -c1-12)"
done
printf '\x03\x01\x10\xff\xff\xff\xff' > corpus/open_index/seed1
printf '\x05\x00\x40\x00\x00\x00\x00\x00\x00' > corpus/open_index/seed2

printf '%-12s %10s %8s %s\n' target executions corpus result
for t in "${TARGETS[@]}"; do
  log="logs/$t.log"
  mkdir -p logs "artifacts/$t"
  status=0
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=20 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"$log" 2>&1 || status=$?
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  size=$(ls "corpus/$t" | wc -l)
  result="no crash"
  [ "$status" -ne 0 ] && result="FAILED (exit $status): $(grep -m1 -E 'ERROR|panicked|SUMMARY' "$log" || true)"
  printf '%-12s %10s %8s %s\n' "$t" "${execs:-?}" "$size" "$result"
done
