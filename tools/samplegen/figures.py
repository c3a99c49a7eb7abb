"""The figures of a report's three tables, drawn from a seeded random generator so that they balance by
construction (every row total is its columns' sum, the total row the sum of the outcome rows, and
本年新收 + 上年结转 = 总计 + 结转下年度 in every column), then broken on purpose where a case says so.

Two figure models, chosen by a case's "figures":
  - "weighted" (the numbered set, the bulk mode): the active table's figures grow with the agency's level and
    type, applicants and outcomes are spread with realistic weights (scale = the applications handled),
    reviews and suits come from reviews_scale;
  - "uniform" (the s-set): every figure drawn uniformly from a range that grows with scale.
Rows and columns are drawn in schema.json's order, so the random draws follow the table.
"""

import random

from . import schema

# ---------------------------------------------------------------- helpers


def spread(rng, n, weights):
    """n items over len(weights) bins, drawn with the given weights (one draw per item)."""
    out = [0] * len(weights)
    if n:
        for i in rng.choices(range(len(weights)), weights, k=n):
            out[i] += 1
    return out


def amount(x):
    """A 万元 amount: an int when whole, else a float with at most 4 decimals."""
    x = round(x, 4)
    return int(x) if x == int(x) else x


def in_schema_order(table, template, draw):
    """The figures of a table from one drawing function per row (draw[key]() → {column: value}), called in the
    schema's row order; each row must give exactly the template's columns, in order."""
    keys = schema.row_keys(table, template)
    assert set(draw) == set(keys), (table, template, set(draw) ^ set(keys))
    out = {}
    for key in keys:
        out[key] = draw[key]()
        assert tuple(out[key]) == schema.columns(table, key, template), (table, template, key, tuple(out[key]))
    return out


def _keyed(weights, keys, what):
    """weights (a dict by key) as a list in the order of keys, every key weighted."""
    assert set(weights) >= set(keys), (what, set(keys) - set(weights))
    return [weights[k] for k in keys]


# ---------------------------------------------------------------- the weighted model

# how often each outcome is recorded (the weighted model)
OUTCOME_WEIGHTS = {
    "granted": 40, "partial": 6, "denied_state_secret": 0.3, "denied_law": 0.6, "denied_security_stability": 0.4,
    "denied_third_party": 0.8, "denied_internal": 0.8, "denied_process": 1.2, "denied_enforcement_file": 0.8,
    "denied_query": 1.5, "unable_not_held": 22, "unable_needs_creation": 3, "unable_unclear": 2,
    "rejected_petition": 5, "rejected_duplicate": 4, "rejected_publication": 0.8, "rejected_excessive": 0.8,
    "rejected_confirm": 1, "other": 9, "other_no_correction": 4, "other_no_fee": 0.5, "other_misc": 5,
}
# who applies (the weighted model; a case may give its own col_weights)
APPLICANT_WEIGHTS = {"natural_person": 86, "commercial": 7, "research": 0.5, "social_org": 0.5,
                     "legal_service": 4, "other_org": 2}
# the reviews rows' share of reviews_scale (1/1, 1/2, 1/3) and how their cases end
REVIEW_DIVISORS = {"review": 1, "litigation_direct": 2, "litigation_after_review": 3}
REVIEW_WEIGHTS = {"upheld": 6, "corrected": 1, "other": 2, "pending": 1}


def weighted_applications(rng, spec, carried_in=None):
    """Outcome rows first, then 总计 as their sum, then carried over/forward, then 本年新收 so that
    new + carried_over = total + carried_forward in every column; every row total is its columns' sum.
    carried_in (bulk series): last year's 结转下年度 by column, used as this year's 上年结转."""
    six = schema.summed_columns("applications")
    outs = schema.outcome_rows(spec["app_rows"])
    handled = spread(rng, spec["scale"], _keyed(spec.get("col_weights", APPLICANT_WEIGHTS), six, "col_weights"))
    app = {k: {c: 0 for c in six} for k in schema.row_keys("applications", spec["app_rows"])}
    pins = spec.get("pin_rows", {})
    weights = _keyed(OUTCOME_WEIGHTS, outs, "OUTCOME_WEIGHTS")
    for ci, c in enumerate(six):
        dist = spread(rng, handled[ci], [0 if k in pins else w for k, w in zip(outs, weights)])
        for key, v in zip(outs, dist):
            app[key][c] = pins[key][ci] if key in pins else v
    total, co_row, cf_row, new_row = (app[k] for k in (schema.TOTAL_ROW, schema.CARRIED_IN, schema.CARRIED_FORWARD,
                                                       schema.NEW))
    for c in six:
        total[c] = sum(app[k][c] for k in outs)
        if carried_in is None:
            co = rng.randint(0, max(0, total[c] // 12)) if total[c] else 0
        else:
            co = carried_in[c]
        cf = rng.randint(0, max(0, total[c] // 10)) if total[c] else 0
        if carried_in is not None and total[c] + cf < co:
            cf = co - total[c]  # what came in and was not handled goes on to next year
        co_row[c] = co
        cf_row[c] = cf
        new_row[c] = total[c] + cf - co
    for r in app.values():
        r[schema.SUM_COLUMN] = sum(r[c] for c in six)
    assert carried_in is not None or new_row[schema.SUM_COLUMN] > 0, spec["name"]
    return app


def weighted_reviews(rng, spec):
    """Reviews and suits: reviews_scale cases of 行政复议, a half and a third of that in the two kinds of suit."""
    r = spec.get("reviews_scale", 0)
    parts = schema.summed_columns("reviews")
    weights = _keyed(REVIEW_WEIGHTS, parts, "REVIEW_WEIGHTS")

    def group(key):
        """The drawing of one reviews row."""
        n = r // REVIEW_DIVISORS[key]
        return lambda: dict(zip(parts, spread(rng, n, weights)), **{schema.SUM_COLUMN: n})
    return {k: group(k)() for k in schema.row_keys("reviews")}


def weighted_active(rng, spec, in_force_before=None):
    """The active table: documents, decisions and fees that grow with the agency's level, fewer for a
    department or a zone; only provinces and prefectures make 规章. in_force_before (2021 template, a report
    following its agency's 2021-template report of the year before): last year's 现行有效 normative documents,
    to which this year's 制发 and 废止 are applied."""
    lvl = spec["level"]
    makes_rules = spec["agency_type"] in ("province", "prefecture")
    small = spec["agency_type"] in ("department", "other")
    tpl = spec["template"]
    if tpl == "2019":
        docs = rng.randint(1, 4) if lvl == "township" else rng.randint(4, 30)
        rules = rng.randint(1, 6) if makes_rules else 0
        base = {"township": 40, "county": 300, "prefecture": 2000, "province": 5000}[lvl] // (5 if small else 1)

        def items():
            """Last year's items of a kind."""
            return rng.randint(base // 10, base // 3)

        def fees():
            """The fees row: last year's items, and a change no larger than them."""
            prev = rng.randint(0, base // 10)
            return {"prev_items": prev, "change": rng.randint(-min(2, prev), 1)}
        draw = {
            "regulations": lambda: {"new_made": rules, "new_published": rules,
                                    "total": rules + (rng.randint(20, 90) if rules else 0)},
            "normative_docs": lambda: {"new_made": docs, "new_published": docs, "total": docs + rng.randint(5, 60)},
            "licensing": lambda: {"prev_items": items(), "change": rng.randint(-4, 6),
                                  "decisions": rng.randint(base, base * 30)},
            "other_services": lambda: {"prev_items": items(), "change": rng.randint(0, 5),
                                       "decisions": rng.randint(base // 2, base * 5)},
            "penalties": lambda: {"prev_items": items(), "change": rng.randint(-3, 8),
                                  "decisions": rng.randint(base // 8, base * 4)},
            "enforcement": lambda: {"prev_items": rng.randint(2, 20), "change": rng.randint(0, 2),
                                    "decisions": rng.randint(0, base // 6)},
            "fees": fees,
            "procurement": lambda: {"items": rng.randint(3, base // 10 + 5),
                                    "amount": amount(rng.randint(50000, base * 5000) / 10000)},
        }
        return in_schema_order("active", tpl, draw)
    rules = (rng.randint(1, 9), rng.randint(0, 4)) if makes_rules else (0, 0)
    docs = (rng.randint(1, 4), rng.randint(0, 2)) if lvl == "township" else (rng.randint(4, 40), rng.randint(0, 12))
    base = {"township": 60, "county": 2000, "prefecture": 40000, "province": 200000}[lvl] // (20 if small else 1)
    draw = {
        "regulations": lambda: {"issued": rules[0], "repealed": rules[1],
                                "in_force": rules[0] + (rng.randint(15, 160) if makes_rules else 0)},
        "normative_docs": lambda: {"issued": docs[0], "repealed": docs[1],
                                   "in_force": (docs[0] + rng.randint(3, 80) if in_force_before is None
                                                else in_force_before + docs[0] - docs[1])},
        "licensing": lambda: {"decisions": rng.randint(base // 4, base)},
        "penalties": lambda: {"decisions": rng.randint(base // 10, base // 2)},
        "enforcement": lambda: {"decisions": rng.randint(0, base // 40)},
        "fees": lambda: {"amount": amount(rng.randint(0, base * 30) / 100)},
    }
    return in_schema_order("active", tpl, draw)


# ---------------------------------------------------------------- the uniform model

UNIFORM_APPLICANTS = {"natural_person": 20, "commercial": 4, "research": 1, "social_org": 1, "legal_service": 2,
                      "other_org": 1}
UNIFORM_MAJOR = ("granted", "partial", "unable_not_held")  # outcomes that take up to half of what is left


def uniform_applications(rng, spec):
    """Per column: new and carried-over applications, some carried forward, the rest handled: the major
    outcomes take up to half of what is left each, the others one now and then, the last outcome the rest."""
    scale = spec["scale"]
    six = schema.summed_columns("applications")
    outs = schema.outcome_rows(spec["app_rows"])
    app = {k: {c: 0 for c in six} for k in schema.row_keys("applications", spec["app_rows"])}
    for c, w in zip(six, _keyed(UNIFORM_APPLICANTS, six, "UNIFORM_APPLICANTS")):
        new = rng.randint(0, scale * w // 10)
        carried = rng.randint(0, max(1, new // 8)) if new else 0
        pool = new + carried
        forward = rng.randint(0, pool // 10) if pool > 5 else 0
        handled = pool - forward
        app[schema.NEW][c], app[schema.CARRIED_IN][c] = new, carried
        app[schema.CARRIED_FORWARD][c], app[schema.TOTAL_ROW][c] = forward, handled
        left = handled
        for k in outs[:-1]:
            if left and k in UNIFORM_MAJOR:
                take = rng.randint(0, left // 2)
            else:
                take = 1 if left and rng.random() < 0.2 else 0
            app[k][c] = min(take, left)
            left -= app[k][c]
        app[outs[-1]][c] += left
    for r in app.values():
        r[schema.SUM_COLUMN] = sum(r[c] for c in six)
    return app


def uniform_reviews(rng, spec):
    """Each reviews row: every outcome 0 … scale/40, and their sum."""
    parts = schema.summed_columns("reviews")
    out = {}
    for k in schema.row_keys("reviews"):
        v = [rng.randint(0, max(0, spec["scale"] // 40)) for _ in parts]
        out[k] = dict(zip(parts, v), **{schema.SUM_COLUMN: sum(v)})
    return out


def uniform_active(rng, spec):
    """The active table with figures in fixed ranges (decisions grow with scale)."""
    scale, tpl = spec["scale"], spec["template"]
    if tpl == "2021":
        draw = {
            "regulations": lambda: {"issued": rng.randint(0, 2), "repealed": rng.randint(0, 1),
                                    "in_force": rng.randint(2, 12)},
            "normative_docs": lambda: {"issued": rng.randint(1, 9), "repealed": rng.randint(0, 4),
                                       "in_force": rng.randint(10, 80)},
            "licensing": lambda: {"decisions": rng.randint(100, 200 * scale)},
            "penalties": lambda: {"decisions": rng.randint(0, 20 * scale)},
            "enforcement": lambda: {"decisions": rng.randint(0, 3 * scale)},
            "fees": lambda: {"amount": round(rng.uniform(0, 50 * scale), 2)},
        }
        return in_schema_order("active", tpl, draw)

    def items():
        """Last year's items of a kind."""
        return rng.randint(0, 30)

    def docs():
        """The normative documents row: made and published alike."""
        n = rng.randint(0, 9)
        return {"new_made": n, "new_published": n, "total": n + rng.randint(0, 30)}
    draw = {
        "regulations": lambda: {"new_made": 0, "new_published": 0, "total": rng.randint(0, 3)},
        "normative_docs": docs,
        "licensing": lambda: {"prev_items": items(), "change": rng.randint(-3, 3),
                              "decisions": rng.randint(10, 50 * scale)},
        "other_services": lambda: {"prev_items": items(), "change": 0, "decisions": rng.randint(0, 20 * scale)},
        "penalties": lambda: {"prev_items": items(), "change": rng.randint(-2, 2),
                              "decisions": rng.randint(0, 5 * scale)},
        "enforcement": lambda: {"prev_items": items(), "change": 0, "decisions": rng.randint(0, scale)},
        "fees": lambda: {"prev_items": rng.randint(0, 5), "change": 0},
        "procurement": lambda: {"items": rng.randint(0, 40), "amount": round(rng.uniform(0, 800), 4)},
    }
    return in_schema_order("active", tpl, draw)


MODELS = {
    "weighted": (weighted_active, weighted_applications, weighted_reviews),
    "uniform": (uniform_active, uniform_applications, uniform_reviews),
}


def make_figures(spec, carried_in=None, in_force_before=None):
    """The three tables' figures for a case (None for a legacy report, which has no tables), drawn from
    Random(spec["seed"]) with the case's model, then broken as the case says (spec["breaks"]). carried_in:
    this year's 上年结转 by column (a series: last year's 结转下年度); in_force_before: last year's 现行有效
    normative documents (a series of 2021-template reports; weighted model only)."""
    if spec["template"] == "legacy":
        return None
    rng = random.Random(spec["seed"])
    active, applications, reviews = MODELS[spec.get("figures", "weighted")]
    figs = {"active": active(rng, spec) if in_force_before is None else active(rng, spec, in_force_before)}
    figs["applications"] = (applications(rng, spec, carried_in) if carried_in is not None
                            else applications(rng, spec))
    figs["reviews"] = reviews(rng, spec)
    for fn in spec.get("breaks", []):
        fn(figs)
    return figs


# ---------------------------------------------------------------- deliberate errors
# Each break is a function of the figures; BREAK_CHECK names the check each one is meant to fail.


def break_balance(figs, d=3):
    """结转下年度 too high in the first applicant column (and its row total):
    new + carried_over ≠ total + carried_forward."""
    row = figs["applications"][schema.CARRIED_FORWARD]
    row[schema.columns("applications")[0]] += d
    row[schema.SUM_COLUMN] += d


def break_outcomes_sum(figs, d=2):
    """The first outcome (予以公开) raised in the first applicant column and its row total: 总计 is no longer
    the sum of the outcomes."""
    row = figs["applications"][schema.outcome_rows("2019")[0]]
    row[schema.columns("applications")[0]] += d
    row[schema.SUM_COLUMN] += d


def break_column_total(figs, d=1):
    """One applicant moved from the second outcome (部分公开) to the first (予以公开) in the first column only:
    the column sums still hold, both rows' totals no longer equal the sum of their six columns."""
    a = figs["applications"]
    first, second = schema.outcome_rows("2019")[:2]
    col = schema.columns("applications")[0]
    assert a[second][col] >= d
    a[first][col] += d
    a[second][col] -= d


def break_reviews_totals(figs, d=1):
    """The first reviews row's total one too high."""
    figs["reviews"][schema.row_keys("reviews")[0]][schema.SUM_COLUMN] += d


BREAK_CHECK = {
    break_balance: "applications.balance", break_outcomes_sum: "applications.outcomes_sum",
    break_column_total: "applications.column_total", break_reviews_totals: "reviews.totals",
}


def set_cell(table, row, col, value):
    """A break that overwrites one cell (without mending any total); the case names the checks it fails."""
    def apply(figs):
        """Overwrites the cell."""
        figs[table][row][col] = value
    apply.__doc__ = f"{table}.{row}.{col} set to {value}"
    return apply
