#!/usr/bin/env bash
# Scripted benchmark of gongkai on a generated corpus, with ripgrep as the yardstick.
#
#   bash tools/bench.sh N [--keep DIR] [--seed S] [--reps R] [--json]
#
#   N          how many reports to generate (python3 tools/gen_samples.py --bulk N)
#   --keep DIR generate into DIR/corpus and keep everything (index, exports, raw numbers in
#              DIR/bench.json); a rerun reuses the corpus when DIR already holds N reports of seed S
#              from the same generator sources
#   --seed S   the generator's seed (default 1)
#   --reps R   runs per search query, gongkai and rg each (default 20; at least 10)
#   --json     standard output gets the raw numbers as one JSON object; the table goes to stderr
#
# Steps: installs ripgrep, tmux and GNU time with apt-get when missing; `cargo build --release` (into
# $CARGO_TARGET_DIR when set, else the project's target dir); generates the corpus; then measures
# on this machine, in this run: the full index build, a re-index after 1% of the files change, search
# latency (whole process: start, open the index, search, print; p50/p95) against `rg -l` over the same
# files, stats, export, compare, coverage, and the TUI's first frame and keystroke-to-result latency
# (tools/bench_tui.py, on a pseudo-terminal, and through tmux). Progress goes to stderr, the Markdown
# table to stdout. Temporary folders are removed at the end unless --keep is given.
#
# Times are wall-clock: python's time.perf_counter around each process, started from python with its
# output to /dev/null, after one untimed warm-up run; the corpus and the index are in the page cache
# (warm runs), as they are right after generating and indexing. Peak RSS is GNU time's %M
# (/usr/bin/time): every run for index and export, one extra run for the short commands.
set -Eeuo pipefail

CALLER_PWD="$PWD"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }
usage() { sed -n '2,/^set /p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//' >&2; exit 2; }
trap 'rc=$?; printf "bench: error: failed (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2; exit 2' ERR

# ------------------------------------------------------------------------------------ arguments
N="" KEEP="" SEED=1 REPS=20 JSON=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) [ $# -ge 2 ] || die "--keep needs a folder"; KEEP="$2"; shift 2 ;;
    --keep=*) KEEP="${1#--keep=}"; shift ;;
    --seed) [ $# -ge 2 ] || die "--seed needs a number"; SEED="$2"; shift 2 ;;
    --reps) [ $# -ge 2 ] || die "--reps needs a number"; REPS="$2"; shift 2 ;;
    --json) JSON=1; shift ;;
    -h|--help) usage ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$N" ] || die "one N only (got $N and $1)"; N="$1"; shift ;;
  esac
done
[ -n "$N" ] || usage
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number of reports, not '$N'"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "--seed must be a number, not '$SEED'"
[[ "$REPS" =~ ^[0-9]+$ ]] && [ "$REPS" -ge 10 ] || die "--reps must be a number of at least 10, not '$REPS'"

# ------------------------------------------------------------------------------------- tools
need_apt=()
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || die "apt-get install ${need_apt[*]} failed"
fi
for t in python3 cargo rg tmux; do
  command -v "$t" >/dev/null 2>&1 || die "$t is not installed"
done

# --------------------------------------------------------------------------------- work folder
if [ -n "$KEEP" ]; then
  case "$KEEP" in /*) ;; *) KEEP="$CALLER_PWD/$KEEP" ;; esac
  mkdir -p "$KEEP" || die "cannot create $KEEP"
  WORK="$(cd "$KEEP" && pwd)"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/gongkai-bench.XXXXXX")"
fi
CORPUS="$WORK/corpus" IX="$WORK/index" OUT="$WORK/out" RAW="$WORK/raw.jsonl" LIB="$WORK/.benchlib.py"
TUI_HOME="$WORK/xdg"
# Every command names its index; no review marks or TUI session of the user's are read or written.
unset GONGKAI_INDEX
export XDG_DATA_HOME="$TUI_HOME"
cleanup() {
  local rc=$?
  # Files changed for the re-index are put back even when a step failed.
  [ -f "$LIB" ] && [ -d "$WORK/touched" ] && python3 "$LIB" restore "$WORK/touched" >/dev/null 2>&1 || true
  if [ -z "$KEEP" ]; then rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$IX" "$OUT" "$TUI_HOME" "$RAW"
mkdir -p "$OUT"

# ----------------------------------------------------------------- the python helper (inline)
cat >"$LIB" <<'PY'
"""bench.sh's helper: timing (perf_counter, wait4 rusage), percentiles, corpus edits, the report."""
import json, os, re, subprocess, sys, time, shutil

def pct(xs, p):
    """Nearest-rank percentile: p95 of 20 runs is the 19th fastest, of 10 runs the slowest."""
    s = sorted(xs)
    k = -(-p * len(s) // 100)  # ceil
    return s[max(0, min(len(s), int(k)) - 1)]

TIME = "/usr/bin/time"

def run_once(cmd, stdout, wrap=False):
    """Wall time (ms), peak RSS (KB) and exit code of one run. Peak RSS comes from GNU time when
    wrap is set: a child forked by python inherits python's RSS (~14 MB) in its ru_maxrss."""
    rssf = None
    if wrap:
        import tempfile
        fd, rssf = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        cmd = [TIME, "-f", "%M", "-o", rssf] + cmd
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    ms = (time.perf_counter() - t) * 1000
    rc = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss
    if rssf:
        try:
            rss = int(open(rssf).read().strip().splitlines()[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rssf)
    return ms, rss, rc, err.decode("utf-8", "replace")

def cmd_time(args):
    """time KEY REPS WARMUP OKCODES RSS RAW -- CMD...: runs CMD (stdout to /dev/null), appends a JSON
    line to RAW. RSS: "wrap" runs every timed run under GNU time (long runs: its cost, a few ms, is
    noise there); "extra" times bare runs and takes the peak RSS from one more run under GNU time."""
    key, reps, warm = args[0], int(args[1]), int(args[2])
    ok, mode, raw = {int(c) for c in args[3].split(",")}, args[4], args[5]
    cmd = args[7:]
    have_time = os.access(TIME, os.X_OK)
    ms, rss, rcs, last_err = [], [], [], ""
    for i in range(warm + reps):
        m, r, rc, err = run_once(cmd, subprocess.DEVNULL, wrap=(mode == "wrap" and have_time))
        if rc not in ok:
            sys.exit(f"bench: error: `{' '.join(cmd)}` exited {rc}:\n{err.strip()[-2000:]}")
        if i >= warm:
            ms.append(m); rss.append(r); rcs.append(rc); last_err = err
    if mode == "extra" and have_time:
        rss = [run_once(cmd, subprocess.DEVNULL, wrap=True)[1]]
    rec = {"key": key, "cmd": cmd, "runs": reps, "ms": [round(x, 3) for x in ms], "rss_kb": rss,
           "rss_from": "GNU time" if have_time else "wait4 (floor: python's own RSS)",
           "rc": sorted(set(rcs)), "p50": round(pct(ms, 50), 3), "p95": round(pct(ms, 95), 3),
           "min": round(min(ms), 3), "max_rss_kb": max(rss), "stderr": last_err.strip()[-500:]}
    with open(raw, "a") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"bench:   {key}: {rec['p50']:.1f} ms p50, {rec['p95']:.1f} ms p95 of {reps}, "
          f"{max(rss) / 1024:.0f} MB peak RSS", file=sys.stderr)

def cmd_note(args):
    """note RAW KEY JSON: appends {"key": KEY, ...JSON} to RAW."""
    raw, key, obj = args[0], args[1], json.loads(args[2])
    obj["key"] = key
    with open(raw, "a") as f:
        f.write(json.dumps(obj, ensure_ascii=False) + "\n")

def cmd_count(args):
    """count gongkai|rg -- CMD...: the number of reports (gongkai search's last line) or of files (rg -l)."""
    kind, cmd = args[0], args[2:]
    p = subprocess.run(cmd, capture_output=True)
    out = p.stdout.decode("utf-8", "replace")
    if kind == "rg":
        print(len([l for l in out.splitlines() if l.strip()]))
    else:
        m = re.search(r"(\d+) of (\d+) reports? in", out.strip().splitlines()[-1] if out.strip() else "")
        print(m.group(2) if m else (0 if p.returncode == 1 else "?"))

def corpus_files(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        out += [os.path.join(d, f) for f in sorted(files) if not f.startswith(".")]
    return out

def cmd_corpus(args):
    """corpus DIR: {"files", "bytes", "by_ext"}."""
    files = corpus_files(args[0])
    by = {}
    total = 0
    for f in files:
        n = os.path.getsize(f)
        total += n
        e = os.path.splitext(f)[1].lower() or "(none)"
        by[e] = by.get(e, 0) + 1
    print(json.dumps({"files": len(files), "bytes": total, "by_ext": by}))

def cmd_touch(args):
    """touch DIR BACKUP PERCENT: changes the content (and so the mtime) of PERCENT% of the reports,
    spread evenly over the sorted list, keeping each readable: a newline appended to text, HTML and
    PDF; a zip comment added to DOCX; UTF-16 text skipped. Originals are copied to BACKUP first."""
    import zipfile
    root, backup, percent = args[0], args[1], float(args[2])
    cands = []
    for f in corpus_files(root):
        e = os.path.splitext(f)[1].lower()
        if e == ".docx" or e == ".pdf":
            cands.append(f)
        elif e in (".txt", ".text", ".md", ".markdown", ".htm", ".html", ".shtml", ".xhtml"):
            with open(f, "rb") as fh:
                head = fh.read(4096)
            if b"\x00" not in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                cands.append(f)
    total = len(corpus_files(root))
    k = max(1, round(total * percent / 100))
    k = min(k, len(cands))
    step = len(cands) / k
    chosen = [cands[int(i * step)] for i in range(k)]
    os.makedirs(backup, exist_ok=True)
    manifest = []
    for i, f in enumerate(chosen):
        b = os.path.join(backup, f"{i:06d}")
        shutil.copy2(f, b)
        manifest.append([f, b])
        if f.lower().endswith(".docx"):
            with zipfile.ZipFile(f, "a") as z:
                z.comment = b"gongkai bench touch"
        else:
            with open(f, "ab") as fh:
                fh.write(b"\n")
    with open(os.path.join(backup, "manifest.json"), "w") as fh:
        json.dump(manifest, fh)
    print(len(chosen))

def cmd_restore(args):
    """restore BACKUP: puts the touched files back (content and mtime), then removes BACKUP."""
    backup = args[0]
    mf = os.path.join(backup, "manifest.json")
    if os.path.exists(mf):
        for f, b in json.load(open(mf)):
            shutil.copy2(b, f)
    shutil.rmtree(backup, ignore_errors=True)

def cmd_pick(args):
    """pick NDJSON: names for the queries, from the exported records."""
    recs = []
    with open(args[0], encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            r = d.get("region") or {}
            recs.append((d.get("agency"), d.get("agency_type"), d.get("year"), r.get("code"), r.get("province"),
                         r.get("county")))
    names = {}
    for a, t, y, code, prov, county in recs:
        if not a:
            continue
        e = names.setdefault(a, {"n": 0, "codes": {}, "type": t})
        e["n"] += 1
        c = e["codes"].setdefault(code, {"years": set(), "province": prov, "county": county})
        c["years"].add(y)
    # A rare name: one report, a township-level unit if there is one (their names are the rarest).
    once = sorted(a for a, e in names.items() if e["n"] == 1 and len(a) >= 3)
    local = [a for a in once if names[a]["type"] in ("town", "township", "subdistrict")]
    pool = local or once or sorted(names)
    rare = pool[len(pool) // 2] if pool else ""
    # The agency (name + region) with the most years; its name alone when no other agency has it.
    best = None
    for a, e in names.items():
        for code, c in e["codes"].items():
            k = (len(c["years"]), -len(e["codes"]), a)
            if best is None or k > best[0]:
                best = (k, a, code, c, len(e["codes"]))
    out = {"rare": rare, "rare_reports": names.get(rare, {}).get("n", 0), "compare": "", "compare_args": [],
           "compare_years": 0}
    if best:
        (_, a, code, c, ncodes) = best
        out.update({"compare": a, "compare_years": len(c["years"]), "compare_code": code})
        if ncodes > 1:
            if c["province"]:
                out["compare_args"] += ["--province", c["province"]]
            if c["county"]:
                out["compare_args"] += ["--county", c["county"]]
    print(json.dumps(out, ensure_ascii=False))

def cmd_top_province(args):
    """top_province: from `stats --by province --json` on stdin, the group with most reports."""
    best = None
    for line in sys.stdin:
        line = line.strip()
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        g = d.get("group")
        if not g or g in ("-", "?", "unknown", "(none)", "未知"):
            continue
        if best is None or d.get("reports", 0) > best[1]:
            best = (g, d.get("reports", 0))
    if not best:
        sys.exit("bench: error: stats --by province --json gave no province")
    print(f"{best[0]}\t{best[1]}")

# ------------------------------------------------------------------------------------ report

def fms(x):
    if x is None:
        return "—"
    if x >= 10000:
        return f"{x / 1000:.1f} s"
    if x >= 100:
        return f"{x:.0f} ms"
    if x >= 10:
        return f"{x:.1f} ms"
    return f"{x:.2f} ms"

def mb(b):
    return b / 1e6

def plural(n, word):
    return f"{n} {word}" if str(n) == "1" else f"{n} {word}s"

def cmd_report(args):
    """report RAW META TUI_PTY TUI_TMUX BENCH_JSON: prints the Markdown table, writes BENCH_JSON."""
    raw, meta_path, tui_pty, tui_tmux, bench_json = args
    R = {}
    with open(raw) as fh:
        for line in fh:
            d = json.loads(line)
            R[d["key"]] = d
    meta = json.load(open(meta_path))
    m = meta["machine"]
    tui = {}
    for name, p in (("pty", tui_pty), ("tmux", tui_tmux)):
        if os.path.exists(p) and os.path.getsize(p):
            tui[name] = json.load(open(p))
    rows = []

    def row(what, g, rg="", ratio="", target=""):
        rows.append((what, g, rg, ratio, target))

    c = R["corpus"]
    row(f"corpus: {c['files']} files, {mb(c['bytes']):.1f} MB "
        f"({', '.join(f'{n} {e}' for e, n in sorted(c['by_ext'].items(), key=lambda kv: -kv[1]))})", "", "", "", "")
    ix = R["index_full"]
    s = ix["p50"] / 1000
    row(f"index, full build ({ix['summary']})",
        f"{s:.2f} s · {mb(c['bytes']) / s:.2f} MB/s · {c['files'] / s:.0f} reports/s · "
        f"peak RSS {ix['max_rss_kb'] / 1024:.0f} MB")
    sz = R["index_size"]["bytes"]
    row("index size / corpus size", f"{mb(sz):.1f} MB", "", f"{sz / c['bytes']:.2f}×")
    ri = R["index_touch"]
    row(f"re-index after changing {ri['touched']} files (1%) ({ri['summary']})",
        f"{ri['p50'] / 1000:.2f} s · peak RSS {ri['max_rss_kb'] / 1024:.0f} MB", "",
        f"{ri['p50'] / ix['p50']:.3f}× full build")
    rn = R["index_noop"]
    row(f"re-index, nothing changed ({rn['summary']})", f"{rn['p50'] / 1000:.2f} s", "",
        f"{rn['p50'] / ix['p50']:.3f}× full build")
    for q in meta["queries"]:
        g, r = R["search:" + q["key"]], R["rg:" + q["key"]]
        what = (f"search {q['label']} — p50 / p95 of {g['runs']} "
                f"({plural(q['gk_count'], 'report')}; rg: {q['rg_label']}, {plural(q['rg_count'], 'file')})")
        row(what, f"{fms(g['p50'])} / {fms(g['p95'])}", f"{fms(r['p50'])} / {fms(r['p95'])}",
            f"{r['p50'] / g['p50']:.1f}× / {r['p95'] / g['p95']:.1f}×")
    for by in ("province", "year"):
        k = R["stats:" + by]
        row(f"`stats --by {by}` — p50 of {k['runs']}", fms(k["p50"]))
    for fmt in ("csv", "ndjson"):
        k = R["export:" + fmt]
        s = k["p50"] / 1000
        row(f"`export --format {fmt} --out FILE` — p50 of {k['runs']} ({mb(k['out_bytes']):.1f} MB written)",
            f"{fms(k['p50'])} · {mb(k['out_bytes']) / s:.1f} MB/s · peak RSS {k['max_rss_kb'] / 1024:.0f} MB")
    k = R["compare"]
    row(f"`compare {' '.join(k['target'])}` ({plural(k['years'], 'year')}) — p50 of {k['runs']}", fms(k["p50"]), "", "",
        f"< 50 ms {'✓' if k['p50'] < 50 else '✗'}")
    k = R["coverage"]
    row(f"`coverage --year 2021 --province {k['province']}` ({plural(k['province_reports'], 'report')} in the province) "
        f"— p50 of {k['runs']}", fms(k["p50"]), "", "", f"< 200 ms {'✓' if k['p50'] < 200 else '✗'}")
    if "pty" in tui:
        t = tui["pty"]
        row(f"TUI first frame (pty, {t['cols']}x{t['rows']}: start → status line drawn)", fms(t["first_frame_ms"]))
        row(f"TUI first results (start → \"{t['first_count']} reports\" on the status line)",
            fms(t["first_results_ms"]))
        e, r, sr = t["echo"], t["result"], t["self_reported"]
        row(f"TUI key → box shows it (pty) — p50 / p95 of {e['n']} keys", f"{fms(e['p50'])} / {fms(e['p95'])}")
        row(f"TUI key → new result count drawn (pty) — p50 / p95 of {r['n']} keys "
            f"({t['unfinished']} keys left the query unfinished: no search"
            + (f"; {t['timeouts']} timed out" if t.get("timeouts") else "") + ")",
            f"{fms(r['p50'])} / {fms(r['p95'])}")
        row("TUI search time it reports on its status line (\"X.X ms\") — p50 / p95",
            f"{fms(sr['p50'])} / {fms(sr['p95'])}")
    if "tmux" in tui:
        t = tui["tmux"]
        r = t["result"]
        row(f"TUI key → new result count (tmux send-keys + capture-pane polling, resolution ≈ "
            f"{t['send_ms']['p50']:.0f} + {t['poll_ms']['p50']:.0f} ms) — p50 / p95 of {r['n']} keys"
            + (f", {t['ambiguous']} not told apart" if t.get("ambiguous") else "")
            + f"; the TUI's own search time in this run: p50 {fms(t['self_reported']['p50'])}"
            + (f" vs {fms(tui['pty']['self_reported']['p50'])} under pty: the polling processes compete for "
               f"the {m['nproc']} cores" if "pty" in tui else ""),
            f"{fms(r['p50'])} / {fms(r['p95'])}")
    lines = ["| what | gongkai | rg | ratio | target |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(x.replace("|", "\\|") for x in r) + " |" for r in rows]
    m = meta["machine"]
    lines += ["", f"Machine: {m['nproc']} cores, {m['cpu']}, {m['mem']}; {m['os']}; load average "
              f"{m['load_start']} at the start, {m['load_end']} at the end. Run {m['date']}, "
              f"gongkai {m['commit']} ({m['profile']} build), {m['rg']}, python {m['python']}.",
              f"Corpus: `{meta['generator']}` — {meta['generator_summary']}",
              "Times are wall-clock per process (start, open the index, work, print), warm page cache, one "
              "untimed warm-up run each; p95 is nearest-rank. ratio = rg / gongkai (> 1: gongkai faster); "
              "rg reads files as bytes and so finds UTF-8 text only (not GB18030 or UTF-16 text, DOCX or PDF): its file "
              "counts are lower. The TUI times: " + meta["tui_method"]]
    table = "\n".join(lines)
    out = {"n": meta["n"], "seed": meta["seed"], "machine": m, "queries": meta["queries"], "results": R, "tui": tui,
           "table": table}
    with open(bench_json, "w") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    print(table)

if __name__ == "__main__":
    globals()["cmd_" + sys.argv[1]](sys.argv[2:])
PY
py() { python3 "$LIB" "$@"; }
# tm KEY REPS WARMUP OKCODES wrap|extra -- CMD...
tm() { local key="$1" reps="$2" warm="$3" ok="$4" rss="$5"; shift 5; py time "$key" "$reps" "$warm" "$ok" "$rss" "$RAW" "$@"; }
note() { py note "$RAW" "$1" "$2"; }

# --------------------------------------------------------------------------------------- build
log "building: cargo build --release"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')" \
  || die "cargo metadata failed (is this the gongkai repository?)"
cargo build --release || die "cargo build --release failed"
BIN="$TARGET_DIR/release/gongkai"
[ -x "$BIN" ] || die "no binary at $BIN after the build"
gk() { "$BIN" --index "$IX" "$@"; }
log "binary: $BIN"

# ------------------------------------------------------------------------------------- corpus
GEN_CMD=(python3 -B tools/gen_samples.py --bulk "$N" --out "$CORPUS" --seed "$SEED")
GEN="${GEN_CMD[*]}"
MARK="$WORK/corpus.mark"
# The corpus is reused only when made by the same generator sources with the same N and seed.
GEN_HASH="$(cat tools/gen_samples.py $(find tools/samplegen -name '*.py' 2>/dev/null | sort) | sha1sum | cut -c1-12)"
want_mark="n=$N seed=$SEED generator=$GEN_HASH"
reuse=0
if [ -n "$KEEP" ] && [ -d "$CORPUS" ] && [ -f "$MARK" ] && [ "$(head -1 "$MARK")" = "$want_mark" ]; then
  have="$(py corpus "$CORPUS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["files"])')"
  if [ "$have" = "$(sed -n 2p "$MARK")" ]; then reuse=1; fi
fi
if [ "$reuse" = 1 ]; then
  log "reusing the corpus in $CORPUS ($want_mark)"
  GEN_SUMMARY="$(sed -n '3,$p' "$MARK")"
else
  grep -q -- '--bulk' tools/gen_samples.py || die "tools/gen_samples.py has no --bulk option yet"
  rm -rf "$CORPUS" "$MARK"
  log "generating: $GEN"
  t0=$(date +%s%N)
  GEN_SUMMARY="$("${GEN_CMD[@]}" 2>"$WORK/gen.err")" || { cat "$WORK/gen.err" >&2; die "the generator failed: $GEN"; }
  log "generated in $(( ($(date +%s%N) - t0) / 1000000 )) ms: $GEN_SUMMARY"
  [ -d "$CORPUS" ] || die "the generator wrote no $CORPUS"
  have="$(py corpus "$CORPUS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["files"])')"
  printf '%s\n%s\n%s\n' "$want_mark" "$have" "$GEN_SUMMARY" >"$MARK"
fi
CORPUS_JSON="$(py corpus "$CORPUS")"
note corpus "$CORPUS_JSON"
FILES="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["files"])' "$CORPUS_JSON")"
[ "$FILES" -gt 0 ] || die "the corpus in $CORPUS is empty"
[ "$FILES" -eq "$N" ] || log "warning: asked for $N reports, the corpus holds $FILES files"

# -------------------------------------------------------------------------------------- index
# index_run KEY: one timed `index CORPUS --quiet`; exit 2 (a file failed) is noted, not fatal.
index_run() {
  local key="$1"
  tm "$key" 1 0 0,2 wrap -- "$BIN" --index "$IX" index "$CORPUS" --quiet >&2
  python3 - "$RAW" "$key" <<'PY'
import json, re, sys
raw, key = sys.argv[1:]
lines = open(raw).read().splitlines()
d = json.loads(lines[-1]); assert d["key"] == key
summ = [l for l in d["stderr"].splitlines() if l.startswith("seen ")]
d["summary"] = re.sub(r", [0-9.]+s, [0-9.]+ MB/s.*", "", summ[-1]) if summ else "no summary line"
if d["rc"] != [0]:
    d["summary"] += f"; exit {d['rc']}"
    print(f"bench: warning: index exited {d['rc']}: {d['stderr'][-400:]}", file=sys.stderr)
lines[-1] = json.dumps(d, ensure_ascii=False)
open(raw, "w").write("\n".join(lines) + "\n")
print(f"bench:   {d['summary']}", file=sys.stderr)
PY
}
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
log "index, full build: gongkai --index IX index CORPUS --quiet"
index_run index_full
note index_size "{\"bytes\": $(du -sb "$IX" | cut -f1)}"

log "re-index after changing 1% of the files"
TOUCHED="$(py touch "$CORPUS" "$WORK/touched" 1)"
index_run index_touch
py restore "$WORK/touched"
python3 - "$RAW" "$TOUCHED" <<'PY'
import json, sys
raw, k = sys.argv[1], int(sys.argv[2])
lines = open(raw).read().splitlines()
d = json.loads(lines[-1]); d["touched"] = k
lines[-1] = json.dumps(d, ensure_ascii=False)
open(raw, "w").write("\n".join(lines) + "\n")
PY
# The restored originals are changes again: index them back, untimed, then time a run with no change.
"$BIN" --index "$IX" index "$CORPUS" --quiet 2>/dev/null || true
log "re-index with nothing changed"
index_run index_noop

# ------------------------------------------------------------------------------------- export
for fmt in csv ndjson; do
  log "export --format $fmt"
  tm "export:$fmt" 5 1 0 wrap -- "$BIN" --index "$IX" export --format "$fmt" --out "$OUT/all.$fmt" >&2
  python3 - "$RAW" "$OUT/all.$fmt" <<'PY'
import json, os, sys
raw, f = sys.argv[1:]
lines = open(raw).read().splitlines()
d = json.loads(lines[-1]); d["out_bytes"] = os.path.getsize(f)
lines[-1] = json.dumps(d, ensure_ascii=False)
open(raw, "w").write("\n".join(lines) + "\n")
PY
done

# ------------------------------------------------------------------------------ names to query
PICK="$(py pick "$OUT/all.ndjson")"
pj() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; sys.stdout.write("".join(x + "\n" for x in v) if isinstance(v, list) else f"{v}\n")' "$PICK" "$1"; }
RARE="$(pj rare)"
CMP="$(pj compare)"
CMP_YEARS="$(pj compare_years)"
mapfile -t CMP_ARGS < <(pj compare_args)
[ -n "$RARE" ] || die "no agency name in the exported records ($OUT/all.ndjson)"
log "rare name: $RARE ($(pj rare_reports) report); compare: $CMP ${CMP_ARGS[*]} ($CMP_YEARS years)"
[ "$CMP_YEARS" -gt 1 ] || log "warning: no agency has more than one year in this corpus"

# ------------------------------------------------------------------------------------- search
# squery KEY LABEL RG_LABEL RG_PATTERN -- SEARCH_ARGS...: gongkai search vs rg -l -F, REPS runs each.
QMETA="[]"
squery() {
  local key="$1" label="$2" rglabel="$3" pat="$4"; shift 5
  log "search $*  vs  rg -l -F $pat"
  tm "search:$key" "$REPS" 1 0,1 extra -- "$BIN" --index "$IX" search "$@" >&2
  tm "rg:$key" "$REPS" 1 0,1 extra -- rg --no-ignore -l -F -- "$pat" "$CORPUS" >&2
  local gc rc
  gc="$(py count gongkai -- "$BIN" --index "$IX" search "$@")"
  rc="$(py count rg -- rg --no-ignore -l -F -- "$pat" "$CORPUS")"
  QMETA="$(python3 -c 'import json,sys; q=json.loads(sys.argv[1]); q.append(dict(zip(["key","label","rg_label","gk_count","rg_count"], sys.argv[2:7]), args=sys.argv[7:])); print(json.dumps(q, ensure_ascii=False))' \
    "$QMETA" "$key" "$label" "$rglabel" "$gc" "$rc" "$@")"
}
squery common  '`公开`'                  '`公开`'                          公开       -- 公开
squery phrase  '`"依申请公开"`'          '`依申请公开`'                    依申请公开 -- '"依申请公开"'
squery char    '`镇`'                    '`镇`'                            镇         -- 镇
squery rare    "\`$RARE\` (a rare name)" "\`$RARE\`"                       "$RARE"    -- "$RARE"
squery filters '`公开 year:2021 type:镇`' '`公开`'                         公开       -- '公开 year:2021 type:镇'
squery figure  '`apps>=10`'              '`本年新收` (the row'"'"'s label)' 本年新收   -- 'apps>=10'
squery sorted  '`公开 --sort apps`'      '`公开`'                          公开       -- 公开 --sort apps

# -------------------------------------------------------------------------------------- stats
for by in province year; do
  log "stats --by $by"
  tm "stats:$by" 5 1 0 extra -- "$BIN" --index "$IX" stats --by "$by" >&2
done

# ---------------------------------------------------------------------------- compare, coverage
log "compare $CMP ${CMP_ARGS[*]}"
tm compare 10 1 0 extra -- "$BIN" --index "$IX" compare "$CMP" "${CMP_ARGS[@]}" >&2
python3 - "$RAW" "$CMP_YEARS" "$CMP" "${CMP_ARGS[@]}" <<'PY'
import json, sys
raw, years, target = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
lines = open(raw).read().splitlines()
d = json.loads(lines[-1]); d["years"] = years; d["target"] = target
lines[-1] = json.dumps(d, ensure_ascii=False)
open(raw, "w").write("\n".join(lines) + "\n")
PY
TOP="$(gk stats --by province --json | py top_province)" || die "stats --by province --json failed"
PROV="${TOP%%$'\t'*}" PROV_N="${TOP##*$'\t'}"
log "coverage --year 2021 --province $PROV ($PROV_N reports)"
tm coverage 10 1 0 extra -- "$BIN" --index "$IX" coverage --year 2021 --province "$PROV" >&2
python3 - "$RAW" "$PROV" "$PROV_N" <<'PY'
import json, sys
raw, prov, n = sys.argv[1:]
lines = open(raw).read().splitlines()
d = json.loads(lines[-1]); d["province"] = prov; d["province_reports"] = int(n)
lines[-1] = json.dumps(d, ensure_ascii=False)
open(raw, "w").write("\n".join(lines) + "\n")
PY

# ----------------------------------------------------------------------------------------- TUI
TUI_Q=(--query "依申请公开" --query "政府信息 apps>=10" --query "镇 year:2021")
log "TUI on a pseudo-terminal (tools/bench_tui.py --method pty)"
python3 tools/bench_tui.py --bin "$BIN" --index "$IX" --method pty --repeat 3 "${TUI_Q[@]}" >"$WORK/tui-pty.json" \
  || die "the TUI measurement (pty) failed: python3 tools/bench_tui.py --bin $BIN --index $IX --method pty"
log "TUI through tmux (tools/bench_tui.py --method tmux)"
python3 tools/bench_tui.py --bin "$BIN" --index "$IX" --method tmux --repeat 2 "${TUI_Q[@]}" >"$WORK/tui-tmux.json" \
  || die "the TUI measurement (tmux) failed: python3 tools/bench_tui.py --bin $BIN --index $IX --method tmux"

# -------------------------------------------------------------------------------------- report
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT+changes"; fi
python3 - "$WORK/meta.json" "$N" "$SEED" "$GEN" "$GEN_SUMMARY" "$QMETA" "$COMMIT" "$LOAD_START" <<'PY'
import json, os, platform, subprocess, sys, time
path, n, seed, gen, summary, queries, commit, load_start = sys.argv[1:]
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
mem = "?"
try:
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB RAM"; break
except OSError:
    pass
rg = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
meta = {"n": int(n), "seed": int(seed), "generator": gen, "generator_summary": summary,
        "queries": json.loads(queries),
        "machine": {"nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "os": platform.platform(),
                    "date": time.strftime("%Y-%m-%d %H:%M %Z"), "commit": commit,
                    "load_start": load_start, "load_end": " ".join(open("/proc/loadavg").read().split()[:3]), "profile": "release",
                    "rg": rg, "python": platform.python_version()},
        "tui_method": ("pty rows: the binary on a pseudo-terminal owned by tools/bench_tui.py, its output fed "
                       "to a small VT100 screen model; time from writing the key to the arrival of the bytes "
                       "that complete the frame showing it (resolution < 0.1 ms plus scheduling noise). "
                       "\"new result count\" = the first whole frame after the key's \"searching...\" frame; "
                       "keys that leave the query unparseable start no search and count for the echo only. "
                       "tmux row: keys by `tmux send-keys -l`, screen polled by `tmux capture-pane -p`; "
                       "includes starting send-keys and one poll interval (the resolution given).")}
json.dump(meta, open(path, "w"), ensure_ascii=False)
PY
TABLE="$(py report "$RAW" "$WORK/meta.json" "$WORK/tui-pty.json" "$WORK/tui-tmux.json" "$WORK/bench.json")"
if [ "$JSON" = 1 ]; then
  printf '%s\n' "$TABLE" >&2
  cat "$WORK/bench.json"
else
  printf '%s\n' "$TABLE"
fi
if [ -n "$KEEP" ]; then log "kept: $WORK (raw numbers in $WORK/bench.json)"; fi
