#!/usr/bin/env python3
"""Measures the gongkai TUI: first frame, and keystroke → redrawn result count, on a real terminal.

    python3 tools/bench_tui.py --bin target/release/gongkai --index IX [--method pty|tmux]
                               [--repeat 3] [--query Q]... [--cols 120] [--rows 40]

Prints one JSON object (raw samples in milliseconds, and p50/p95) on standard output; progress and
problems go to standard error. Used by tools/bench.sh; standard library only (tmux for --method tmux).

The TUI runs with an empty XDG_DATA_HOME of its own (no saved session, no review marks), a UTF-8
locale and no GONGKAI_INDEX; `--index IX` names the index, and no subcommand opens the TUI.

Each query is typed one character at a time; before the next key the program waits for the result of
the last one. Per key two moments are taken:
  echo    the search box shows the new text (the first redraw after the key);
  result  the status line's " N reports | X.X ms" belongs to the new query: a " | searching..." was
          drawn after the key and is gone again. A key after which the query does not parse yet (an
          open quote, `year:` without a value) starts no search ("query unfinished" on the status
          line): it counts for echo only, and is reported as `unfinished`.
Between repetitions Ctrl-u empties the box (itself a key: the empty query, every report).

Methods:
  pty   (default) the binary runs on a pseudo-terminal this script owns; its output is fed to a small
        VT100 screen model (cursor moves, erase, text with East-Asian widths; colours ignored) and
        checked at every frame end (ratatui hides the cursor after each frame) and at the end of every
        read. Times run from just before os.write() of the key's bytes to the arrival (os.read()
        return) of the bytes that complete the condition: resolution well under 0.1 ms, plus the
        scheduling noise of a 2-core machine.
  tmux  the binary runs in a detached tmux session (own socket, no config); keys go in with
        `tmux send-keys -l`, the screen is polled with `tmux capture-pane -p` as fast as a process can
        be started. Times include starting `send-keys` (the key is delivered somewhere inside it), and
        a change is seen at the first poll after it: the resolution is about one send-keys plus one
        capture-pane round trip, measured and reported as `poll_ms`. Partial frames cannot be told
        from whole ones, and a search whose "searching..." frame falls between two polls is seen only
        by its count or time changing (else reported as `ambiguous`).
"""

import argparse
import codecs
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata

STATUS_RE = re.compile(r"^\s*(\d+) reports? \| ([0-9.]+) ms")
SEARCHING = "searching..."
UNFINISHED = "query unfinished"
DEFAULT_QUERIES = ["依申请公开", "政府信息 apps>=10", "镇 year:2021"]


def log(*a):
    print("bench_tui:", *a, file=sys.stderr, flush=True)


def pct(xs, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def summary(xs):
    if not xs:
        return {"n": 0, "p50": None, "p95": None, "min": None, "max": None}
    return {"n": len(xs), "p50": round(pct(xs, 50), 3), "p95": round(pct(xs, 95), 3),
            "min": round(min(xs), 3), "max": round(max(xs), 3)}


def char_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    """A minimal VT100 screen: enough for crossterm/ratatui output (absolute moves, erase, text)."""

    def __init__(self, rows, cols, on_frame=None, answer=None):
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.r = self.c = 0
        self.dec = codecs.getincrementaldecoder("utf-8")("replace")
        self.state = "text"
        self.buf = ""
        self.on_frame = on_frame  # called at every frame end (cursor hidden / shown)
        self.answer = answer  # writes replies to terminal queries (cursor position)

    def line(self, r):
        return "".join(ch for ch in self.grid[r] if ch is not None).rstrip()

    def text(self):
        return "\n".join(self.line(r) for r in range(self.rows))

    def _put(self, ch):
        w = char_width(ch)
        if w == 0:
            return
        if self.c + w > self.cols:
            self.c = 0
            self.r = min(self.rows - 1, self.r + 1)
        row = self.grid[self.r]
        if row[self.c] is None and self.c > 0:
            row[self.c - 1] = " "  # overwriting the right half of a wide character
        if w == 2 and self.c + 1 < self.cols and self.c + 2 < self.cols and row[self.c + 1] is not None \
                and row[self.c + 2] is None:
            row[self.c + 2] = " "
        row[self.c] = ch
        if w == 2:
            row[self.c + 1] = None
        elif self.c + 1 < self.cols and row[self.c + 1] is None:
            row[self.c + 1] = " "
        self.c += w

    def _csi(self, params, final):
        priv = params.startswith("?")
        nums = [int(x) if x.isdigit() else 0 for x in params.lstrip("?><=").split(";")] if params else []

        def n(i, d):
            return nums[i] if len(nums) > i and nums[i] else d

        if final in "Hf":
            self.r = min(self.rows - 1, n(0, 1) - 1)
            self.c = min(self.cols - 1, n(1, 1) - 1)
        elif final == "A":
            self.r = max(0, self.r - n(0, 1))
        elif final == "B":
            self.r = min(self.rows - 1, self.r + n(0, 1))
        elif final == "C":
            self.c = min(self.cols - 1, self.c + n(0, 1))
        elif final == "D":
            self.c = max(0, self.c - n(0, 1))
        elif final == "G":
            self.c = min(self.cols - 1, n(0, 1) - 1)
        elif final == "d":
            self.r = min(self.rows - 1, n(0, 1) - 1)
        elif final == "J":
            mode = n(0, 0)
            if mode in (2, 3):
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
            elif mode == 0:
                self.grid[self.r][self.c:] = [" "] * (self.cols - self.c)
                for r in range(self.r + 1, self.rows):
                    self.grid[r] = [" "] * self.cols
            elif mode == 1:
                for r in range(self.r):
                    self.grid[r] = [" "] * self.cols
                self.grid[self.r][: self.c + 1] = [" "] * (self.c + 1)
        elif final == "K":
            mode = n(0, 0)
            row = self.grid[self.r]
            if mode == 0:
                row[self.c:] = [" "] * (self.cols - self.c)
            elif mode == 1:
                row[: self.c + 1] = [" "] * (self.c + 1)
            else:
                self.grid[self.r] = [" "] * self.cols
        elif final == "n" and not priv and n(0, 0) == 6 and self.answer:
            self.answer(f"\x1b[{self.r + 1};{self.c + 1}R".encode())
        elif final in "hl" and priv and "25" in params.lstrip("?").split(";"):
            if self.on_frame:
                self.on_frame()
        # colours (m), modes (h/l), scroll regions and the rest change no text here

    def feed(self, data):
        for ch in self.dec.decode(data):
            st = self.state
            if st == "text":
                if ch == "\x1b":
                    self.state, self.buf = "esc", ""
                elif ch == "\r":
                    self.c = 0
                elif ch == "\n":
                    self.r = min(self.rows - 1, self.r + 1)
                elif ch == "\b":
                    self.c = max(0, self.c - 1)
                elif ch == "\t":
                    self.c = min(self.cols - 1, (self.c // 8 + 1) * 8)
                elif ch < " " or ch == "\x7f":
                    pass
                else:
                    self._put(ch)
            elif st == "esc":
                if ch == "[":
                    self.state, self.buf = "csi", ""
                elif ch == "]":
                    self.state, self.buf = "osc", ""
                elif ch in "()*+#%":
                    self.state = "esc1"  # one more character (charset selection)
                else:
                    self.state = "text"  # ESC 7, ESC 8, ESC =, ESC > …
            elif st == "esc1":
                self.state = "text"
            elif st == "csi":
                if "@" <= ch <= "~":
                    self.state = "text"
                    self._csi(self.buf, ch)
                else:
                    self.buf += ch
            elif st == "osc":
                if ch == "\x07":
                    self.state = "text"
                elif ch == "\x1b":
                    self.state = "osc_esc"
            elif st == "osc_esc":
                self.state = "text" if ch == "\\" else "osc"


def box_text(lines):
    """The search box's text (without the end-of-text cursor `_`), from the top rows of the screen."""
    for line in lines[:3]:
        s = line.strip()
        if s.startswith("│") or s.startswith("|"):
            inner = s[1:]
            if inner.endswith("│") or inner.endswith("|"):
                inner = inner[:-1]
            inner = inner.rstrip()
            return inner[:-1] if inner.endswith("_") else inner
        if s.startswith("> "):
            inner = s[2:].rstrip()
            return inner[:-1] if inner.endswith("_") else inner
    return None


def child_env(data_home):
    env = {k: v for k, v in os.environ.items() if k not in ("GONGKAI_INDEX", "NO_COLOR", "COLUMNS", "LINES")}
    env.update({"XDG_DATA_HOME": data_home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"})
    return env


# ------------------------------------------------------------------------------------------- pty


class PtyDriver:
    method = "pty"

    def __init__(self, argv, env, rows, cols):
        import fcntl
        import struct
        import termios

        self.rows, self.cols = rows, cols
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.fd = master
        self.screen = Screen(rows, cols, on_frame=self._frame_end, answer=lambda b: os.write(master, b))
        self.pred = None
        self.hit = False
        self.t_chunk = 0.0
        self.frames = 0

        def preexec():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.t_start = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     preexec_fn=preexec, close_fds=True)
        os.close(slave)
        self.eof = False

    def _frame_end(self):
        self.frames += 1
        if self.pred and not self.hit and self.pred(self.lines(), self.t_chunk, True):
            self.hit = True

    def lines(self):
        return [self.screen.line(r) for r in range(self.rows)]

    def snapshot(self):
        return self.screen.text()

    def send(self, data):
        t = time.perf_counter()
        os.write(self.fd, data.encode())
        return t

    def wait(self, pred, timeout):
        """Reads until pred(lines, t, frame_end) returns true (it is called at every frame end and
        after every read, t being the arrival time of the bytes read). False on timeout or end."""
        self.pred, self.hit = pred, False
        deadline = time.perf_counter() + timeout
        try:
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    return False
                r, _, _ = select.select([self.fd], [], [], left)
                if not r:
                    return False
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                self.t_chunk = time.perf_counter()
                if not data:
                    self.eof = True
                    return False
                self.screen.feed(data)
                if self.hit or pred(self.lines(), self.t_chunk, False):
                    return True
        finally:
            self.pred = None

    def drain(self, quiet=0.05):
        while True:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            self.screen.feed(data)

    def close(self):
        try:
            if self.proc.poll() is None:
                os.write(self.fd, b"\x03")  # Ctrl-c quits from anywhere
                t_end = time.time() + 3
                while self.proc.poll() is None and time.time() < t_end:
                    self.drain(0.05)
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(3)
        except Exception as e:  # noqa: BLE001
            log("closing the TUI:", e)
            self.proc.kill()
            self.proc.wait()
        finally:
            try:
                os.close(self.fd)
            except OSError:
                pass
        return self.proc.returncode


# ------------------------------------------------------------------------------------------ tmux


class TmuxDriver:
    method = "tmux"

    def __init__(self, argv, env, rows, cols):
        import shlex

        self.rows, self.cols = rows, cols
        self.sock = f"gongkai-bench-{os.getpid()}"
        self.target = "bench"
        envs = ["env", "-u", "GONGKAI_INDEX", "-u", "NO_COLOR"] + [
            f"{k}={env[k]}" for k in ("XDG_DATA_HOME", "LANG", "LC_ALL")]
        cmd = " ".join(shlex.quote(a) for a in envs + argv)
        self.t_start = time.perf_counter()
        subprocess.run(["tmux", "-L", self.sock, "-f", "/dev/null", "new-session", "-d", "-s", self.target,
                        "-x", str(cols), "-y", str(rows), cmd], check=True, env=env)
        self.sock_path = subprocess.run(["tmux", "-L", self.sock, "display-message", "-p", "#{socket_path}"],
                                        capture_output=True, text=True).stdout.strip()
        # Keep the pane when the program ends, to show why.
        subprocess.run(["tmux", "-L", self.sock, "set-option", "-t", self.target, "remain-on-exit", "on"],
                       capture_output=True)
        self.eof = False
        self.polls = []
        self.sends = []

    def lines(self):
        t = time.perf_counter()
        p = subprocess.run(["tmux", "-L", self.sock, "capture-pane", "-p", "-t", self.target],
                           capture_output=True, text=True)
        self.polls.append((time.perf_counter() - t) * 1000)
        if p.returncode != 0:
            self.eof = True
            return []
        return p.stdout.split("\n")[: self.rows]

    def snapshot(self):
        return "\n".join(self.lines())

    def send(self, data):
        t = time.perf_counter()
        args = ["tmux", "-L", self.sock, "send-keys", "-t", self.target]
        if data == "\x15":
            args += ["C-u"]
        elif data == "\x03":
            args += ["C-c"]
        else:
            args += ["-l", data]
        subprocess.run(args, check=True)
        self.sends.append((time.perf_counter() - t) * 1000)
        return t

    def wait(self, pred, timeout):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ls = self.lines()
            t = time.perf_counter()
            if self.eof:
                return False
            dead = subprocess.run(["tmux", "-L", self.sock, "display-message", "-p", "-t", self.target,
                                   "#{pane_dead}"], capture_output=True, text=True).stdout.strip() \
                if not ls or not ls[-1].strip() else "0"
            if dead == "1":
                self.eof = True
                return False
            if pred(ls, t, True):
                return True
        return False

    def drain(self, quiet=0.05):
        time.sleep(quiet)

    def close(self):
        try:
            self.send("\x03")
            time.sleep(0.3)
        except Exception:  # noqa: BLE001
            pass
        subprocess.run(["tmux", "-L", self.sock, "kill-server"], capture_output=True)
        if self.sock_path.endswith(self.sock):
            try:
                os.unlink(self.sock_path)  # kill-server leaves the socket file behind
            except OSError:
                pass
        return 0


# ----------------------------------------------------------------------------------------- bench


def status_of(lines):
    return lines[-1] if lines else ""


class KeyWatch:
    """What the screen shows after one key: when the box echoed it, when its result was drawn."""

    def __init__(self, expect, prev_head, method):
        self.expect, self.prev_head, self.method = expect, prev_head, method
        self.echo = self.result = None
        self.searching = False
        self.unfinished = False
        self.status = ""

    def __call__(self, ls, t, frame_end):
        if box_text(ls) != self.expect:
            return False
        if self.echo is None:
            self.echo = t
        # The status line is drawn last: only a whole frame tells it (pty: at a frame end).
        if not frame_end:
            return False
        st = status_of(ls)
        if SEARCHING in st:
            self.searching = True
            return False
        m = STATUS_RE.match(st)
        if UNFINISHED in st:
            self.unfinished, self.result, self.status = True, t, st
            return True
        if m and (self.searching or (self.method == "tmux" and m.group(0) != self.prev_head)):
            self.result, self.status = t, st
            return True
        return False


def run(args):
    data_home = tempfile.mkdtemp(prefix="gongkai-bench-tui-")
    env = child_env(data_home)
    argv = [os.path.abspath(args.bin), "--index", os.path.abspath(args.index)]
    Driver = PtyDriver if args.method == "pty" else TmuxDriver
    out = {"method": args.method, "cols": args.cols, "rows": args.rows, "queries": args.query,
           "repeat": args.repeat}
    drv = Driver(argv, env, args.rows, args.cols)
    try:
        first = {}

        def first_frame(ls, t, frame_end):
            st = status_of(ls)
            if STATUS_RE.match(st) and frame_end:
                first.setdefault("frame", t)
                if SEARCHING not in st:
                    first["results"] = t
                    return True
            return False

        if not drv.wait(first_frame, args.timeout):
            raise RuntimeError("no result count on the status line within %.0f s (exit %s); screen:\n%s"
                               % (args.timeout, getattr(getattr(drv, "proc", None), "returncode", "?"),
                                  drv.snapshot()))
        out["first_frame_ms"] = round((first["frame"] - drv.t_start) * 1000, 3)
        out["first_results_ms"] = round((first["results"] - drv.t_start) * 1000, 3)
        drv.drain(0.2)
        st = status_of(drv.lines())
        m = STATUS_RE.match(st)
        out["first_count"] = int(m.group(1)) if m else None
        prev_head = m.group(0) if m else ""

        keys = []
        for _ in range(args.repeat):
            for q in args.query:
                for i in range(1, len(q) + 1):
                    keys.append((q[i - 1], q[:i]))
                keys.append(("\x15", ""))  # Ctrl-u empties the box: the empty query
        echo, result, selfms, counts = [], [], [], {}
        unfinished = ambiguous = timeouts = 0
        for key, expect in keys:
            w = KeyWatch(expect, prev_head, drv.method)
            t0 = drv.send(key)
            ok = drv.wait(w, args.settle if drv.method == "tmux" else args.timeout)
            if not ok and drv.method == "tmux" and w.echo is not None and not w.searching:
                # Same count and same time as before, and the "searching..." frame fell between polls.
                ambiguous += 1
                echo.append((w.echo - t0) * 1000)
                drv.drain(0.05)
                continue
            if not ok and drv.method == "tmux":
                ok = drv.wait(w, args.timeout)
            if drv.eof:
                raise RuntimeError("the TUI ended while typing %r; screen:\n%s" % (expect, drv.snapshot()))
            if w.echo is not None:
                echo.append((w.echo - t0) * 1000)
            if not ok:
                timeouts += 1
                log(f"no result for {expect!r} within {args.timeout} s; status: {status_of(drv.lines())!r}")
                continue
            if w.unfinished:
                unfinished += 1
                continue
            m = STATUS_RE.match(w.status)
            prev_head = m.group(0)
            result.append((w.result - t0) * 1000)
            selfms.append(float(m.group(2)))
            counts[expect] = int(m.group(1))
        out.update({
            "keys": len(keys), "searched": len(result), "unfinished": unfinished, "ambiguous": ambiguous,
            "timeouts": timeouts, "echo": summary(echo), "result": summary(result),
            "self_reported": summary(selfms), "counts": counts,
            "echo_ms": [round(x, 3) for x in echo], "result_ms": [round(x, 3) for x in result],
        })
        if drv.method == "tmux":
            out["poll_ms"] = summary(drv.polls)
            out["send_ms"] = summary(drv.sends)
        else:
            out["frames"] = drv.frames
    finally:
        rc = drv.close()
        shutil.rmtree(data_home, ignore_errors=True)
    out["exit"] = rc
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--method", choices=["pty", "tmux"], default="pty")
    ap.add_argument("--query", action="append", help="a query to type (repeatable)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one redraw")
    ap.add_argument("--settle", type=float, default=0.5,
                    help="tmux: seconds to wait for a change when no 'searching...' frame was seen")
    args = ap.parse_args()
    args.query = args.query or DEFAULT_QUERIES
    if args.method == "tmux" and not shutil.which("tmux"):
        sys.exit("bench_tui: tmux is not installed")
    try:
        out = run(args)
    except RuntimeError as e:
        sys.exit(f"bench_tui: {e}")
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
