"""The three tables as a report prints them, independent of the layout: what each cell shows and what a
reader writes down for it (Cells), the active table's sub-tables (active_model), the applications table's
rows with their head cells (app_model) and the reviews figures (review_values); and the readings of figures
a crawler ran together (run_readings, settle).

Labels and headers come from tools/schema.json (see schema.py); a case may print its own words instead:
  labels         row key, group label or schema.RESULTS_LABEL → the printed text (typos, legacy words)
  column_labels  column key → the printed header of an applications column
  other_word     其它 for 其他 in every label and header;  legal_word  the 法人或其他组织 head
  item_word      sub-table index → the words before 第（N）项 (a typo such as 第二是条)
  split_headers  header text → the text as printed over several lines
  cells          (table, row, column) → (shown text, expected value)
  thousands, fullwidth_rows, units    how figures are printed
  runs           applications row → how its figures run together: the sizes of the groups of cells that
                 became one token ((7,): the whole row one run; (2, 1, 1, 1, 1, 1): the first two cells)
  ambiguous_runs runs the case means to be unreadable
  extra_rows     (after row, label, values): rows the template does not have (left out by a reader)
"""

import itertools

from . import schema

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_number(v, thousands=False):
    """A figure as printed: floats without trailing zeros, optionally with thousands separators."""
    if isinstance(v, float):
        s = f"{v:.4f}".rstrip("0").rstrip(".")
        if thousands:
            whole, _, frac = s.partition(".")
            s = f"{int(whole):,}" + ("." + frac if frac else "")
        return s
    return f"{v:,}" if thousands and abs(v) >= 1000 else str(v)


class Cells:
    """What each table cell shows and what a reader writes down for it."""

    def __init__(self, spec, figs):
        """Cells of the case's figures; runs the table's equations cannot settle are unreadable."""
        self.spec = spec
        self.figs = figs
        self.over = spec.get("cells", {})  # (table, row, col) -> (shown text, expected value)
        self.thousands = spec.get("thousands", False)
        self.fullwidth = spec.get("fullwidth_rows", ())
        self.units = spec.get("units", {})
        # rows with a cell printed otherwise than its figure (the others take a fast path in row_texts)
        self.special = {(t, r) for t, r, _ in list(self.over) + list(self.units)}
        self.special |= {("applications", r) for r in self.fullwidth}
        self.forced_null = set()  # cells a reader must leave null by rule (text.crawl_nulls)
        self.settled, self.unsettled = {}, set()  # runs read back / not settled by the equations
        if figs is not None and spec.get("runs"):
            self.settled = settle_runs(self)
            self.unsettled = {k for k in spec["runs"] if k not in self.settled}

    def shown(self, table, row, col):
        """The text printed in a cell."""
        key = (table, row, col)
        if key in self.over:
            return self.over[key][0]
        v = self.figs[table][row][col]
        text = str(v) if type(v) is int and not self.thousands else fmt_number(v, self.thousands)
        if row in self.fullwidth and table == "applications":
            text = text.translate(FULLWIDTH)
        suffix = self.units.get(key)
        return text + suffix if suffix else text

    def expected(self, table, row, col):
        """The value a reader writes down for a cell (None: unreadable)."""
        if (table, row, col) in self.over:
            return self.over[(table, row, col)][1]
        if table == "applications" and row in self.unsettled:
            return None
        if (table, row, col) in self.forced_null:
            return None
        return self.figs[table][row][col]

    def expected_figures(self):
        """The record's figures: every table's rows and columns as a reader writes them down."""
        if self.figs is None:
            return {t: None for t in schema.TABLE_KEYS}
        return {t: {r: {c: self.expected(t, r, c) for c in cols} for r, cols in self.figs[t].items()}
                for t in schema.TABLE_KEYS}

    def row_texts(self, table, row):
        """The shown texts of a row's cells in the schema's column order."""
        if (table, row) in self.special or self.thousands:
            return [self.shown(table, row, c) for c in self.figs[table][row]]
        return [str(v) if type(v) is int else fmt_number(v) for v in self.figs[table][row].values()]


# ---------------------------------------------------------------- the table models


def header_text(spec, table, col):
    """The printed header of a column: the case's own words, else the schema's header (with its 其它)."""
    own = spec.get("column_labels", {}).get(col)
    if own is not None:
        return own
    return schema.column(table, col).header.replace("其他", spec.get("other_word", "其他"))


def applicant_heads(spec):
    """The printed heads of the six applicant columns after 自然人 … and the 法人或其他组织 head above them:
    (自然人, 法人…, [商业企业 … 其他], 总计)."""
    cols = schema.columns("applications")
    heads = [header_text(spec, "applications", c) for c in cols]
    return heads[0], spec.get("legal_word", schema.LEGAL_PERSONS), heads[1:-1], heads[-1]


def active_model(spec, cells):
    """The active table's sub-tables: (item, header cells, [(row key, label, shown cells)])."""
    groups = []
    words = spec.get("labels", {})
    item_word = spec.get("item_word", {})
    tpl = spec["template"]
    for i, (num, header, rows, cols) in enumerate(schema.active_items(tpl)):
        item = item_word.get(i, "第二十条") + "第" + num + "项"
        body = [(key, words.get(key, schema.row_label("active", key, tpl)),
                 [cells.shown("active", key, c) for c in cols]) for key in rows]
        groups.append((item, header, body))
    return groups


def is_top(row):
    """A row whose label spans the head columns (本年新收, 上年结转, 结转下年度)."""
    return bool(row["top"]) and not row.get("results")


def app_model(spec, cells):
    """Rows of the applications table as printed: dicts with
    key, top (a label spanning the head columns, or on the first outcome row the 三、本年度办理结果 head),
    results (the first outcome row), group (the group label, on its first row), label, in_group,
    cells (the shown figures, fewer than the columns when they ran together), joined, extra."""
    labels = spec.get("labels", {})
    ow = spec.get("other_word", "其他")
    tpl = spec["app_rows"]
    outs = schema.outcome_rows(tpl)
    firsts = {keys[0] for keys in schema.groups(tpl).values()}
    out = []
    for key in schema.row_keys("applications", tpl):
        r = schema.row("applications", key)
        row = {"key": key, "top": None, "group": None, "label": None}
        if not r.outcome and key != schema.TOTAL_ROW:
            row["top"] = labels.get(key, r.full)
        else:
            if key == schema.TOTAL_ROW:
                row["label"] = labels.get(key, r.full)
            else:
                row["label"] = labels.get(key, schema.cell_label(key).replace("其他", ow))
                if key in firsts:
                    row["group"] = labels.get(r.group, r.group.replace("其他", ow))
                if key == outs[0]:
                    row["top"] = labels.get(schema.RESULTS_LABEL, schema.RESULTS_LABEL)
                    row["results"] = True
            row["in_group"] = r.group is not None
        vals = cells.row_texts("applications", key)
        sizes = spec.get("runs", {}).get(key)
        row["cells"] = run_tokens(vals, sizes) if sizes else vals
        row["joined"] = bool(sizes)
        out.append(row)
        for after, label, values in spec.get("extra_rows", []):
            if after == key:
                out.append({"key": None, "top": None, "group": None, "label": label, "cells": values, "extra": True,
                            "in_group": False, "joined": False})
    return out


def outcome_group(key):
    """The group label of an outcome row (None for one without a group)."""
    return schema.row("applications", key).group


def review_values(cells):
    """The reviews figures as printed, row after row."""
    return [v for k in schema.row_keys("reviews") for v in cells.row_texts("reviews", k)]


def review_labels(spec):
    """The printed heads of the reviews table: (行政复议, 行政诉讼, [未经复议直接起诉, 复议后起诉], [结果维持 … 总计])."""
    heads = schema.review_heads()
    first = spec.get("review_label", heads[0][0])
    return (first, heads[1][0], [sub for _, sub in heads[1:]],
            [schema.column("reviews", c).header for c in schema.columns("reviews")])


# ---------------------------------------------------------------- figures run together


def run_tokens(values, sizes):
    """The shown figures of a row grouped as they ran together (sizes: cells per token)."""
    assert sum(sizes) == len(values), (sizes, values)
    out, i = [], 0
    for n in sizes:
        out.append("".join(values[i:i + n]))
        i += n
    return out


def splits(s, k):
    """Every way to cut the digit string s into k numbers written without leading zeros."""
    if k == 1:
        if s and (s == "0" or s[0] != "0"):
            yield (int(s),)
        return
    for i in range(1, len(s) - k + 2):
        head = s[:i]
        if head != "0" and head[0] == "0":
            continue
        for rest in splits(s[i:], k - 1):
            yield (int(head),) + rest


def row_splits(s):
    """Splits of a run-together application row (six columns then the total) that add up."""
    n = len(schema.columns("applications"))
    return [p for p in splits(s, n) if sum(p[:-1]) == p[-1]]


def run_readings(tokens):
    """Every reading of a row's tokens as the table's columns (each token one figure or more) whose
    figures add up to the row total."""
    n = len(schema.columns("applications"))
    if len(tokens) == 1:
        return row_splits(tokens[0])
    out = []

    def walk(i, acc):
        """Cuts tokens[i:] after the figures acc read so far."""
        if i == len(tokens):
            if len(acc) == n and sum(acc[:-1]) == acc[-1]:
                out.append(acc)
            return
        left = n - len(acc) - (len(tokens) - i - 1)
        for k in range(1, min(left, len(tokens[i])) + 1):
            for piece in splits(tokens[i], k):
                walk(i + 1, acc + piece)
    walk(0, ())
    return out


def settle(keys, options, limit=200000):
    """The readings of the applications rows that the table's equations settle. options: row → its possible
    readings (a single one for a row read plainly, none for an unreadable one). Rows read one way are fixed;
    the others are tried together (when there are at most `limit` combinations) against the equations they
    take part in (the total row as the outcomes' sum; the balance of 本年新收, 上年结转, 总计, 结转下年度), and a
    row is settled when every combination that holds gives it the same reading. Returns row → reading."""
    fixed = {k: o[0] for k, o in options.items() if len(o) == 1}
    pending = [k for k, o in options.items() if len(o) > 1]
    outs = [k for k in keys if schema.row("applications", k).outcome]
    total = schema.TOTAL_ROW
    bal = [schema.NEW, schema.CARRIED_IN, total, schema.CARRIED_FORWARD]
    n = len(schema.columns("applications"))
    agreed = {}
    combos = 1
    for k in pending:
        combos *= len(options[k])
    if pending and combos <= limit:
        in_sum = any(k in outs or k == total for k in pending)
        in_bal = any(k in bal for k in pending)
        for pick in itertools.product(*(options[k] for k in pending)):
            rows = dict(fixed, **dict(zip(pending, pick)))
            ok = True
            for i in range(n):
                if in_sum and all(k in rows for k in outs + [total]) and \
                        sum(rows[k][i] for k in outs) != rows[total][i]:
                    ok = False
                if in_bal and all(k in rows for k in bal) and \
                        rows[bal[0]][i] + rows[bal[1]][i] != rows[bal[2]][i] + rows[bal[3]][i]:
                    ok = False
            if ok:
                for k, v in zip(pending, pick):
                    agreed[k] = v if agreed.get(k, v) == v else "many"
    settled = dict(fixed)
    settled.update({k: v for k, v in agreed.items() if v != "many"})
    return settled


def settle_runs(cells):
    """The runs of a case's applications table that a reader can settle (row → reading): every other row
    is read as printed."""
    spec, app = cells.spec, cells.figs["applications"]
    keys = list(app)
    options = {}
    for k in keys:
        if k in spec["runs"]:
            options[k] = run_readings(run_tokens(cells.row_texts("applications", k), spec["runs"][k]))
        else:
            options[k] = [tuple(app[k].values())]
    return settle(keys, options)
