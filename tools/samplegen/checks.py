"""The checks an expected record lists, computed from the figures a reader writes down.

applications.balance (本年新收 + 上年结转 = 总计 + 结转下年度 in every column), applications.outcomes_sum
(总计 = the sum of the outcome rows), applications.column_total (every row's 总计 = the sum of its applicant
columns), reviews.totals (every reviews row's 总计 = the sum of its outcomes) and report.published_after_year.
A check touching an unreadable (null) cell is left out, since its outcome is not determined by the report.
"""

from . import schema


def checks_for(figs, year, published):
    """The checks of a record with the expected figures `figs` (None: a report without tables)."""
    out = []
    if figs is not None:
        app = figs["applications"]
        rows = list(app)
        outs = [k for k in rows if schema.row("applications", k).outcome]
        cols = schema.columns("applications")
        six = schema.summed_columns("applications")
        total, s = schema.TOTAL_ROW, schema.SUM_COLUMN
        bal = (schema.NEW, schema.CARRIED_IN, total, schema.CARRIED_FORWARD)

        def known(keys, columns):
            """Whether every cell of the rows and columns was read."""
            return all(app[k][c] is not None for k in keys for c in columns)

        if known(bal, cols):
            ok = all(app[bal[0]][c] + app[bal[1]][c] == app[bal[2]][c] + app[bal[3]][c] for c in cols)
            out.append({"id": "applications.balance", "ok": ok})
        if known(outs + [total], cols):
            ok = all(app[total][c] == sum(app[k][c] for k in outs) for c in cols)
            out.append({"id": "applications.outcomes_sum", "ok": ok})
        if known(rows, cols):
            ok = all(app[k][s] == sum(app[k][c] for c in six) for k in rows)
            out.append({"id": "applications.column_total", "ok": ok})
        rev = figs["reviews"]
        if all(v is not None for g in rev.values() for v in g.values()):
            parts = schema.summed_columns("reviews")
            ok = all(g[s] == sum(g[c] for c in parts) for g in rev.values())
            out.append({"id": "reviews.totals", "ok": ok})
    if year is not None and published is not None:
        out.append({"id": "report.published_after_year", "ok": published > f"{year}-12-31"})
    return out
