#!/usr/bin/env python3
"""Generates the numbered sample reports (sample-reports/NN-*.{txt,html,pdf}) and their expected records.

    python3 tools/gen_samples.py

Each report is described once, in SPECS at the end of this file: the agency (a real place from
crates/gongkai-core/data/gazetteer/, an invented agency text), the year and template, the layout (tabbed text as crawled,
`pdftotext -layout` text, an HTML page, or a PDF file), the encoding, and the quirks to put in. The figures
are drawn from a fixed seed so that the three tables balance by construction; chosen cells are then broken
on purpose, and the checks the expected record lists are computed from the figures a reader would write
down. The same description gives the file and its expected record (the form of the shared seeds'
expected/), so the two cannot disagree. Output is deterministic.

The text and HTML reports need python3's standard library only. The PDF reports (layout "pdfdoc") are
drawn on A4 pages with reportlab's canvas by one of two producers: "embedded" (a WenQuanYi Zen Hei subset
embedded as a Type0 font with Identity-H codes and a ToUnicode CMap, table borders stroked per cell edge,
as Word exports) or "cmap" (reportlab's STSong-Light with the predefined CMap UniGB-UCS2-H, not embedded,
borders as 0.5pt filled rectangles, as WPS exports). Only regenerating the PDFs needs
`pip install reportlab` and `apt-get install fonts-wqy-zenhei`; reportlab is imported when the first PDF is
rendered (with invariant=1, so the files are reproducible), and without it the PDFs are left as they are.

Agencies' text and figures are invented; place names and division codes are real (NBS 2023).
"""

import csv
import io
import json
import os
import random
import re
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "sample-reports")
EXP = os.path.join(OUT, "expected")
GAZ = os.path.join(ROOT, "crates", "gongkai-core", "data", "gazetteer")

# ======================================================================== gazetteer


def _csv(name):
    with open(os.path.join(GAZ, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


PROVINCES = {r["code"]: r["name"] for r in _csv("provinces.csv")}
CITIES = {r["code"]: r["name"] for r in _csv("cities.csv")}
AREAS = {r["code"]: r["name"] for r in _csv("areas.csv")}
STREETS = {r["code"]: r["name"] for r in _csv("streets.csv")}
STREET_COUNT = Counter(STREETS.values())
PHONE = _csv("phone_area_codes.csv")


def name_of(code):
    return {2: PROVINCES, 4: CITIES, 6: AREAS, 9: STREETS}[len(code)][code]


def region(code):
    """The expected region of a division code: canonical names of each level, null below the code."""
    city = CITIES[code[:4]] if len(code) >= 4 else None
    assert city not in ("市辖区", "县"), "municipalities are not used in this set"
    return {
        "province": PROVINCES[code[:2]],
        "city": city,
        "county": AREAS[code[:6]] if len(code) >= 6 else None,
        "code": code,
    }


def check_place(spec):
    """The names printed in the report are the gazetteer's, and a township name is unique nationally
    unless the report is meant to be resolved by its phone area code."""
    code = spec["code"]
    for level_code, printed in spec["names"].items():
        assert name_of(level_code) == printed, (spec["name"], level_code, name_of(level_code), printed)
        assert code.startswith(level_code), (spec["name"], level_code)
    if len(code) == 9:
        n = STREET_COUNT[STREETS[code]]
        if spec.get("ambiguous_name"):
            same_city = [c for c, v in STREETS.items() if v == STREETS[code] and c[:4] == code[:4]]
            assert n > 1 and same_city == [code], (spec["name"], n, same_city)
            area = spec["contact"]["phone"].split("-")[0]
            rows = [r for r in PHONE if r["area_code"] == area]
            assert [r["place"] for r in rows] == [CITIES[code[:4]]] and rows[0]["shared"] == "0", rows
        else:
            assert n == 1, (spec["name"], STREETS[code], n)


# ======================================================================== table structure

SIX = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org"]
APP_COLS = SIX + ["total"]

# (key, group label, row label, weight of the outcome in generated figures)
OUTCOMES = [
    ("granted", None, "（一）予以公开", 40),
    ("partial", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 6),
    ("denied_state_secret", "（三）不予公开", "1.属于国家秘密", 0.3),
    ("denied_law", "（三）不予公开", "2.其他法律行政法规禁止公开", 0.6),
    ("denied_security_stability", "（三）不予公开", "3.危及“三安全一稳定”", 0.4),
    ("denied_third_party", "（三）不予公开", "4.保护第三方合法权益", 0.8),
    ("denied_internal", "（三）不予公开", "5.属于三类内部事务信息", 0.8),
    ("denied_process", "（三）不予公开", "6.属于四类过程性信息", 1.2),
    ("denied_enforcement_file", "（三）不予公开", "7.属于行政执法案卷", 0.8),
    ("denied_query", "（三）不予公开", "8.属于行政查询事项", 1.5),
    ("unable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息", 22),
    ("unable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作", 3),
    ("unable_unclear", "（四）无法提供", "3.补正后申请内容仍不明确", 2),
    ("rejected_petition", "（五）不予处理", "1.信访举报投诉类申请", 5),
    ("rejected_duplicate", "（五）不予处理", "2.重复申请", 4),
    ("rejected_publication", "（五）不予处理", "3.要求提供公开出版物", 0.8),
    ("rejected_excessive", "（五）不予处理", "4.无正当理由大量反复申请", 0.8),
    ("rejected_confirm", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", 1),
]
OTHER_2019 = [("other", None, "（六）其他处理", 9)]
OTHER_2021 = [
    ("other_no_correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 4),
    ("other_no_fee", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0.5),
    ("other_misc", "（六）其他处理", "3.其他", 5),
]
TOP_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
RESULTS_LABEL = "三、本年度办理结果"
RELATION_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def outcome_rows(app_rows):
    return OUTCOMES + (OTHER_2019 if app_rows == "2019" else OTHER_2021)


def app_row_keys(app_rows):
    return ["new", "carried_over"] + [r[0] for r in outcome_rows(app_rows)] + ["total", "carried_forward"]


# Active table: (item number, header cells, rows [(key, label)], value columns)
ACTIVE_2019 = [
    ("（一）", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("regulations", "规章"), ("normative_docs", "规范性文件")], ["new_made", "new_published", "total"]),
    ("（五）", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")], ["prev_items", "change", "decisions"]),
    ("（六）", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("penalties", "行政处罚"), ("enforcement", "行政强制")], ["prev_items", "change", "decisions"]),
    ("（八）", ["信息内容", "上一年项目数量", "本年增/减"], [("fees", "行政事业性收费")], ["prev_items", "change"]),
    ("（九）", ["信息内容", "采购项目数量", "采购总金额"], [("procurement", "政府集中采购")], ["items", "amount"]),
]
ACTIVE_2021 = [
    ("（一）", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("regulations", "规章"), ("normative_docs", "行政规范性文件")], ["issued", "repealed", "in_force"]),
    ("（五）", ["信息内容", "本年处理决定数量"], [("licensing", "行政许可")], ["decisions"]),
    ("（六）", ["信息内容", "本年处理决定数量"], [("penalties", "行政处罚"), ("enforcement", "行政强制")], ["decisions"]),
    ("（八）", ["信息内容", "本年收费金额（单位：万元）"], [("fees", "行政事业性收费")], ["amount"]),
]
REVIEW_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]
REVIEW_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# ======================================================================== figures


def spread(rng, n, weights):
    """n items over len(weights) bins, drawn with the given weights (deterministic for a seeded rng)."""
    out = [0] * len(weights)
    for _ in range(n):
        out[rng.choices(range(len(weights)), weights)[0]] += 1
    return out


def make_applications(rng, spec):
    """Outcome rows first, then 总计 as their sum, then carried over/forward, then 本年新收 so that
    new + carried_over = total + carried_forward in every column; every row total is its columns' sum."""
    scale = spec["scale"]
    rows = outcome_rows(spec["app_rows"])
    col_w = spec.get("col_weights", [86, 7, 0.5, 0.5, 4, 2])
    handled = spread(rng, scale, col_w)
    app = {k: {c: 0 for c in SIX} for k in app_row_keys(spec["app_rows"])}
    pins = spec.get("pin_rows", {})
    for ci, c in enumerate(SIX):
        dist = spread(rng, handled[ci], [0 if r[0] in pins else r[3] for r in rows])
        for (key, _, _, _), v in zip(rows, dist):
            app[key][c] = pins[key][ci] if key in pins else v
    for c in SIX:
        app["total"][c] = sum(app[r[0]][c] for r in rows)
        co = rng.randint(0, max(0, app["total"][c] // 12)) if app["total"][c] else 0
        cf = rng.randint(0, max(0, app["total"][c] // 10)) if app["total"][c] else 0
        app["carried_over"][c] = co
        app["carried_forward"][c] = cf
        app["new"][c] = app["total"][c] + cf - co
    for row in app.values():
        row["total"] = sum(row[c] for c in SIX)
    assert app["new"]["total"] > 0
    return app


def make_reviews(rng, spec):
    r = spec.get("reviews_scale", 0)
    out = {}
    for g, n in zip(REVIEW_GROUPS, (r, r // 2, r // 3)):
        upheld, corrected, other, pending = spread(rng, n, [6, 1, 2, 1])
        out[g] = {"upheld": upheld, "corrected": corrected, "other": other, "pending": pending, "total": n}
    return out


def amount(x):
    """A 万元 amount: an int when whole, else a float with at most 4 decimals."""
    x = round(x, 4)
    return int(x) if x == int(x) else x


def fees_2019(prev, rng):
    return {"prev_items": prev, "change": rng.randint(-min(2, prev), 1)}


def make_active(rng, spec):
    s = spec["scale"]
    lvl = spec["level"]
    makes_rules = spec["agency_type"] in ("province", "prefecture")
    if spec["template"] == "2019":
        docs = rng.randint(1, 4) if lvl == "township" else rng.randint(4, 30)
        rules = rng.randint(1, 6) if makes_rules else 0
        base = {"township": 40, "county": 300, "prefecture": 2000, "province": 5000}[lvl]
        if spec["agency_type"] in ("department", "other"):
            base //= 5
        def items():
            return rng.randint(base // 10, base // 3)
        return {
            "regulations": {"new_made": rules, "new_published": rules, "total": rules + (rng.randint(20, 90) if rules else 0)},
            "normative_docs": {"new_made": docs, "new_published": docs, "total": docs + rng.randint(5, 60)},
            "licensing": {"prev_items": items(), "change": rng.randint(-4, 6), "decisions": rng.randint(base, base * 30)},
            "other_services": {"prev_items": items(), "change": rng.randint(0, 5), "decisions": rng.randint(base // 2, base * 5)},
            "penalties": {"prev_items": items(), "change": rng.randint(-3, 8), "decisions": rng.randint(base // 8, base * 4)},
            "enforcement": {"prev_items": rng.randint(2, 20), "change": rng.randint(0, 2), "decisions": rng.randint(0, base // 6)},
            "fees": fees_2019(rng.randint(0, base // 10), rng),
            "procurement": {"items": rng.randint(3, base // 10 + 5), "amount": amount(rng.randint(50000, base * 5000) / 10000)},
        }
    rules = (rng.randint(1, 9), rng.randint(0, 4)) if makes_rules else (0, 0)
    docs = (rng.randint(1, 4), rng.randint(0, 2)) if lvl == "township" else (rng.randint(4, 40), rng.randint(0, 12))
    base = {"township": 60, "county": 2000, "prefecture": 40000, "province": 200000}[lvl]
    if spec["agency_type"] in ("department", "other"):
        base //= 20
    return {
        "regulations": {"issued": rules[0], "repealed": rules[1], "in_force": rules[0] + (rng.randint(15, 160) if makes_rules else 0)},
        "normative_docs": {"issued": docs[0], "repealed": docs[1], "in_force": docs[0] + rng.randint(3, 80)},
        "licensing": {"decisions": rng.randint(base // 4, base)},
        "penalties": {"decisions": rng.randint(base // 10, base // 2)},
        "enforcement": {"decisions": rng.randint(0, base // 40)},
        "fees": {"amount": amount(rng.randint(0, base * 30) / 100)},
    }


def make_figures(spec):
    rng = random.Random(spec["seed"])
    if spec["template"] == "legacy":
        return None
    figs = {
        "active": make_active(rng, spec),
        "applications": make_applications(rng, spec),
        "reviews": make_reviews(rng, spec),
    }
    for fn in spec.get("breaks", []):
        fn(figs)
    return figs


# ---- deliberate errors (each breaks exactly one check; verified below)


def break_balance(figs, d=3):
    """结转下年度 too high in one column (and its row total): new + carried_over ≠ total + carried_forward."""
    cf = figs["applications"]["carried_forward"]
    cf["natural_person"] += d
    cf["total"] += d


def break_outcomes_sum(figs, d=2):
    """予以公开 raised in one column and its row total: 总计 is no longer the sum of the outcomes."""
    g = figs["applications"]["granted"]
    g["natural_person"] += d
    g["total"] += d


def break_column_total(figs, d=1):
    """One applicant moved from 部分公开 to 予以公开 in the 自然人 column only: the column sums still hold,
    both rows' totals no longer equal the sum of their six columns."""
    a = figs["applications"]
    assert a["partial"]["natural_person"] >= d
    a["granted"]["natural_person"] += d
    a["partial"]["natural_person"] -= d


def break_reviews_totals(figs, d=1):
    figs["reviews"]["review"]["total"] += d


# ======================================================================== checks


def checks_for(expected_figs, year, published, template):
    """The checks a reader can compute from the figures as printed; a check touching an unreadable
    (null) cell is left out, since its outcome is not determined by the report."""
    out = []
    if expected_figs is not None:
        app = expected_figs["applications"]
        rows = app_row_keys("2021" if "other_misc" in app else "2019")
        outs = rows[2:-2]

        def known(keys, cols):
            return all(app[k][c] is not None for k in keys for c in cols)

        if known(["new", "carried_over", "total", "carried_forward"], APP_COLS):
            ok = all(app["new"][c] + app["carried_over"][c] == app["total"][c] + app["carried_forward"][c] for c in APP_COLS)
            out.append({"id": "applications.balance", "ok": ok})
        if known(outs + ["total"], APP_COLS):
            ok = all(app["total"][c] == sum(app[k][c] for k in outs) for c in APP_COLS)
            out.append({"id": "applications.outcomes_sum", "ok": ok})
        if known(rows, APP_COLS):
            ok = all(app[k]["total"] == sum(app[k][c] for c in SIX) for k in rows)
            out.append({"id": "applications.column_total", "ok": ok})
        rev = expected_figs["reviews"]
        if all(v is not None for g in rev.values() for v in g.values()):
            ok = all(g["total"] == g["upheld"] + g["corrected"] + g["other"] + g["pending"] for g in rev.values())
            out.append({"id": "reviews.totals", "ok": ok})
    if year is not None and published is not None:
        out.append({"id": "report.published_after_year", "ok": published > f"{year}-12-31"})
    return out


# ======================================================================== cells as printed

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_number(v, thousands=False):
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
        self.spec = spec
        self.figs = figs
        self.over = spec.get("cells", {})  # (table, row, col) -> (shown text, expected value)
        self.forced_null = set()  # cells a reader must leave null by rule (see crawl_nulls)

    def shown(self, table, row, col):
        if (table, row, col) in self.over:
            return self.over[(table, row, col)][0]
        v = self.figs[table][row][col]
        text = fmt_number(v, self.spec.get("thousands", False))
        if table == "applications" and row in self.spec.get("fullwidth_rows", ()):
            text = text.translate(FULLWIDTH)
        suffix = self.spec.get("units", {}).get((table, row, col))
        return text + suffix if suffix else text

    def expected(self, table, row, col):
        if (table, row, col) in self.over:
            return self.over[(table, row, col)][1]
        if table == "applications" and row in self.spec.get("ambiguous_runs", ()):
            return None
        if (table, row, col) in self.forced_null:
            return None
        return self.figs[table][row][col]

    def expected_figures(self):
        if self.figs is None:
            return {"active": None, "applications": None, "reviews": None}
        return {t: {r: {c: self.expected(t, r, c) for c in cols} for r, cols in self.figs[t].items()}
                for t in ("active", "applications", "reviews")}


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
    return [p for p in splits(s, 7) if sum(p[:6]) == p[6]]


# ======================================================================== the table models


def active_model(spec, cells):
    groups = []
    words = spec.get("labels", {})
    item_word = spec.get("item_word", {})
    for i, (num, header, rows, cols) in enumerate(ACTIVE_2019 if spec["template"] == "2019" else ACTIVE_2021):
        item = item_word.get(i, "第二十条") + "第" + num + "项"
        hdr = [spec.get("active_headers", {}).get(h, h) for h in header]
        body = [(words.get(key, label), [cells.shown("active", key, c) for c in cols]) for key, label in rows]
        groups.append((item, hdr, body))
    return groups


def app_model(spec, cells):
    """Rows of the applications table as printed: dicts with top/group/label/cells (or run/extra)."""
    labels = spec.get("labels", {})
    other_word = spec.get("other_word", "其他")
    out = []
    for key in app_row_keys(spec["app_rows"]):
        row = {"key": key, "top": None, "group": None, "label": None}
        if key in TOP_LABELS and key != "total":
            row["top"] = labels.get(key, TOP_LABELS[key])
        else:
            found = [r for r in outcome_rows(spec["app_rows"]) if r[0] == key]
            if key == "total":
                row["label"] = labels.get(key, TOP_LABELS["total"])
            else:
                _, group, label, _ = found[0]
                row["label"] = labels.get(key, label.replace("其他", other_word))
                first_of_group = group and [r for r in outcome_rows(spec["app_rows"]) if r[1] == group][0][0] == key
                if first_of_group:
                    row["group"] = labels.get(group, group.replace("其他", other_word))
                if key == "granted":
                    row["top"] = labels.get(RESULTS_LABEL, RESULTS_LABEL)
            row["in_group"] = found[0][1] is not None if found else False
        vals = [cells.shown("applications", key, c) for c in APP_COLS]
        if key in spec.get("runs", ()) or key in spec.get("ambiguous_runs", ()):
            row["run"] = "".join(vals)
        else:
            row["cells"] = vals
        out.append(row)
        for after, label, values in spec.get("extra_rows", []):
            if after == key:
                out.append({"key": None, "top": None, "group": None, "label": label, "cells": values, "extra": True,
                            "in_group": False})
    return out


def review_values(cells):
    return [cells.shown("reviews", g, c) for g in REVIEW_GROUPS for c in REVIEW_COLS]


# ======================================================================== prose

SELF = {"town": "我镇", "township": "我乡", "subdistrict": "本街道", "prefecture": "我市", "province": "自治区人民政府",
        "other": "管委会"}


def self_word(spec):
    if spec["agency_type"] == "county":
        return "我" + spec["agency"][-1]
    if spec["agency_type"] == "department":
        return "我委" if spec["agency"].endswith("委员会") else "我局"
    return SELF[spec["agency_type"]]


def superior(spec):
    t = spec["agency_type"]
    if t == "province":
        return "党中央、国务院"
    if t == "prefecture":
        return "省委、省政府"
    up = spec.get("superior_kind", "县")
    return {"县": "县委、县政府", "区": "区委、区政府", "市": "市委、市政府"}[up]


def ctx_for(spec, figs, rng):
    s = spec["scale"]
    app = figs["applications"] if figs else None
    n_pub = rng.randint(s * 8 + 60, s * 15 + 200)
    return {
        "self": self_word(spec), "superior": superior(spec), "year": spec["year"], "next": spec["year"] + 1,
        "n_pub": n_pub, "n_key": n_pub // 3 + rng.randint(0, 20), "n_doc": rng.randint(3, 40), "n_news": n_pub // 2,
        "new_total": app["new"]["total"] if app else None,
        "co_total": app["carried_over"]["total"] if app else None,
        "cf_total": app["carried_forward"]["total"] if app else None,
        "topic": spec.get("topic", "征地补偿、低保救助、项目审批"),
        "new_col": rng.randint(2, 6), "staff": rng.randint(1, 3), "train": rng.randint(2, 6),
        "office": spec.get("office", "办公室"),
    }


INTRO = [
    "{year}年，{self}在{superior}的统一部署下，把政务公开作为转变作风、服务群众的重要抓手，按照《条例》要求持续规范公开程序、丰富公开内容，政府信息公开工作总体运行平稳。",
    "{year}年，{self}坚持以公开为常态、不公开为例外，对照上级政务公开工作要点逐项推进，公开的及时性和准确性进一步提高，群众的知情权、参与权和监督权得到较好保障。",
    "{year}年以来，{self}认真执行《中华人民共和国政府信息公开条例》，把信息公开与日常业务同部署、同落实，全年未发生因公开不当引发的负面舆情。",
]
SUBSECTIONS = [
    ("主动公开情况", [
        "全年通过政府网站信息公开专栏主动公开各类政府信息{n_pub}条，其中财政预决算、民生保障等重点领域信息{n_key}条。对群众关心的惠民补贴发放、项目建设进度等事项，做到应公开尽公开。",
        "{year}年，{self}共主动公开政府信息{n_pub}条，其中政策文件{n_doc}条、工作动态{n_news}条，重点领域信息均按规定时限发布，公开栏目实行专人维护、定期更新。",
    ]),
    ("依申请公开情况", [
        "全年共收到政府信息公开申请{new_total}件，上年结转{co_total}件，结转下年度办理{cf_total}件，其余均在法定期限内作出答复。申请内容主要集中在{topic}等方面。",
        "严格按照法定程序受理、登记、办理和答复依申请公开事项，本年度新收申请{new_total}件，均依法作出答复，未发生超期答复的情况。",
    ]),
    ("政府信息管理情况", [
        "落实公开前保密审查制度，拟公开信息实行起草科室初审、分管负责人复审、{office}终审的三级审核，全年未出现泄密或误公开事件。",
        "对现行有效的规范性文件进行梳理，及时调整公开属性，动态更新政府信息公开目录，确保目录与实际公开内容一致。",
    ]),
    ("政府信息公开平台建设情况", [
        "以政府网站为第一公开平台，配合使用政务微信公众号、公开栏和便民服务中心电子屏，形成线上线下互补的公开格局。",
        "优化政府网站信息公开专栏设置，新增{new_col}个专题栏目，对空白栏目和长期未更新栏目进行清理整合。",
    ]),
    ("监督保障情况", [
        "调整充实政务公开工作领导小组，明确一名分管负责人和{staff}名工作人员具体负责，全年开展业务培训{train}次，并将政务公开纳入年度目标考核。",
        "建立政务公开工作季度通报制度，对发现的问题实行清单式整改；主动接受人大代表、政协委员和社会公众监督，全年未发生责任追究的情况。",
    ]),
]
PROBLEMS = [
    "{year}年，{self}政府信息公开工作虽然取得一定进展，但仍存在一些不足：一是部分工作人员对《条例》理解不深，公开内容的规范性有待提升；二是政策解读形式较为单一，图解、音视频等解读方式运用不多；三是信息更新的及时性还需加强。",
    "下一步，{self}将重点做好以下工作：一是加强业务培训，提高工作人员依法公开的能力；二是丰富解读形式，围绕群众关注的热点问题及时回应；三是完善信息发布审核和更新机制，确保公开内容准确、及时、完整。",
]
OTHER_MATTERS = {
    "2019": "{year}年度，{self}未收取政府信息公开信息处理费，无其他需要报告的事项。",
    "2021": "依据《政府信息公开信息处理费管理办法》，{self}{year}年度未收取信息处理费。",
}
TABLE_INTRO = "本部分情况见下表："

LEGACY_TEXT = {
    "overview": [
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由{agency_full}办公室编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，存在的主要问题及改进措施，其他需要报告的事项。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "{year}年，{self}围绕县委、县政府中心工作，进一步健全政府信息公开工作机制，完善公开目录，拓展公开渠道，政府信息公开工作取得新进展。",
    ],
    "active": [
        "（一）公开情况。全年主动公开政府信息{n_pub}条，其中县政府及办公室文件{n_doc}条、人事任免信息{n_key}条、财政预决算及“三公”经费信息{n_news}条。",
        "（二）公开形式。主要通过县政府门户网站、政务微博、县电视台和各乡镇公开栏等渠道发布，方便公众获取。",
    ],
    "applications": [
        "{year}年，全县共受理政府信息公开申请{legacy_apps}件，其中网上申请{legacy_web}件、当面申请{legacy_desk}件。已答复{legacy_apps}件，其中同意公开{legacy_yes}件，信息不存在{legacy_none}件，不属于本机关公开范围{legacy_out}件。",
    ],
    "unknown": [
        "{year}年，{self}在政府信息公开工作中未收取任何费用，也未发生减免费用的情况。",
    ],
    "reviews": [
        "{year}年，{self}未发生因政府信息公开申请提起行政复议的情况，发生因政府信息公开提起行政诉讼案件1件，经法院审理，维持原答复。",
    ],
    "problems": [
        "一是部分单位对政府信息公开工作重视不够，信息更新不够及时；二是公开内容的深度和广度有待加强。下一步，{self}将加强督促检查和业务培训，推动政府信息公开工作规范化、常态化。",
    ],
    "other_matters": ["无。"],
}

# ======================================================================== the document (layout-free)


def build_doc(spec, figs, cells):
    """The report as a list of blocks: (kind, payload). Layouts render these."""
    rng = random.Random(spec["seed"] * 7919)
    c = ctx_for(spec, figs, rng)
    c["agency_full"] = spec["agency_full"]
    if spec["template"] == "legacy":
        n = spec["scale"]
        web = n * 2 // 3
        yes = n * 3 // 5
        none = (n - yes) // 2
        c.update(legacy_apps=n, legacy_web=web, legacy_desk=n - web, legacy_yes=yes, legacy_none=none,
                 legacy_out=n - yes - none)
    doc = [("title", spec["title_lines"])]
    pre = spec.get("preamble")
    if pre is None and spec["template"] != "legacy":
        pre = ("本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于做好政府信息公开工作年度报告的要求，由"
               f"{spec['agency_full']}编制，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
               f"存在的主要问题及改进情况、其他需要报告的事项。所列数据的统计期限为{spec['year']}年1月1日至{spec['year']}年12月31日。")
    contact = spec.get("contact")
    if contact and spec.get("contact_style") == "inline":
        items = [f"地址：{contact['address']}", f"邮编：{contact['postcode']}", f"电话：{contact['phone_raw']}"]
        if contact.get("email"):
            items.append(f"电子邮箱：{contact['email']}")
        pre += f"如对本报告有疑问，请与{spec.get('office_full', spec['agency_full'])}联系（" + "；".join(items) + "）。"
    if pre:
        doc.append(("para", pre))
    if contact and spec.get("contact_style") == "lines":
        lines = [f"地址：{contact['address']}", f"邮编：{contact['postcode']}", f"电话：{contact['phone_raw']}"]
        if contact.get("email"):
            lines.append(f"电子邮箱：{contact['email']}")
        if contact.get("website"):
            lines.append(f"网址：{contact['website']}")
        doc.append(("contact", lines))
    sub_num = spec.get("sub_numbers", ["（一）", "（二）", "（三）", "（四）", "（五）"])
    for heading, kind in spec["headings"]:
        doc.append(("heading", heading))
        if spec["template"] == "legacy":
            for p in LEGACY_TEXT[kind]:
                doc.append(("para", p.format(**c)))
            continue
        if kind == "overview":
            doc.append(("para", INTRO[spec["seed"] % len(INTRO)].format(**c)))
            for i, (title, pool) in enumerate(SUBSECTIONS):
                doc.append(("subheading", sub_num[i] + title))
                doc.append(("para", pool[(spec["seed"] + i) % len(pool)].format(**c)))
        elif kind in ("active", "applications", "reviews"):
            if spec.get("table_intro"):
                doc.append(("para", TABLE_INTRO))
            doc.append(("table", kind))
        elif kind == "problems":
            if spec.get("problem_subheadings"):
                doc.append(("subheading", sub_num[0] + "存在的主要问题"))
                doc.append(("para", PROBLEMS[0].format(**c)))
                doc.append(("subheading", sub_num[1] + "改进措施"))
                doc.append(("para", PROBLEMS[1].format(**c)))
            else:
                doc.append(("para", PROBLEMS[0].format(**c)))
                doc.append(("para", PROBLEMS[1].format(**c)))
        elif kind == "other_matters":
            doc.append(("para", OTHER_MATTERS[spec["app_rows"]].format(**c)))
    if spec.get("sign"):
        doc.append(("signature", spec["sign"]))
    return doc


# ======================================================================== layout: tabbed text (as crawled)


def tabbed(spec, doc, cells):
    L = []
    gap = spec.get("para_gap", False)

    def cell(text):
        parts = text.split("\n")
        L.append("\t" + parts[0])
        L.extend(parts[1:])

    for kind, payload in doc:
        if kind == "title":
            L.extend(payload)
            L.append("")
        elif kind in ("para", "subheading"):
            L.append(payload)
            if gap:
                L.append("")
        elif kind == "contact":
            L.extend(payload)
        elif kind == "heading":
            L.append(payload)
            if gap:
                L.append("")
        elif kind == "signature":
            L.append("")
            L.extend([payload[0], payload[1]])
        elif kind == "table":
            tab_table(spec, payload, cells, L, cell)
    return "\n".join(L) + "\n"


def tab_table(spec, kind, cells, L, cell):
    split = spec.get("split_headers", {})
    pages = spec.get("page_marks", {})  # (table, before key/group index) -> (page text, repeat header?)
    if kind == "active":
        for i, (item, header, body) in enumerate(active_model(spec, cells)):
            if ("active", i) in pages:
                L.append(pages[("active", i)][0])
            cell(item)
            L.append("")
            for h in header:
                cell(split.get(h, h))
            L.append("")
            for label, vals in body:
                cell(label)
                for v in vals:
                    L.append("\t" + v)
                L.append("")
        L.append("")
    elif kind == "applications":
        ow = spec.get("other_word", "其他")
        legal = spec.get("legal_word", "法人或其他组织")

        def header():
            cell("申请人情况")
            L.append("")
            for t in ["", "自然人", legal, "总计"]:
                cell(t)
            L.append("")
            for t in ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", ow, ""]:
                cell(t)
            L.append("")

        if spec.get("relation_note", True):
            cell(RELATION_NOTE)
        header()
        for row in app_model(spec, cells):
            if ("applications", row["key"]) in pages:
                text, repeat = pages[("applications", row["key"])]
                L.append(text)
                if repeat:
                    header()
            mark = len(L)
            if row["top"] and row["key"] != "granted":
                cell(row["top"])
            elif row["key"] == "granted":
                cell(row["top"])
                cell(row["label"])
            else:
                if row.get("in_group"):
                    cell("")
                    cell(row["group"] or "")
                else:
                    cell("")
                cell(row["label"])
            apart = spec.get("label_apart", {}).get(row["key"])
            if apart:
                # the label cells stand in a row group of their own, above or below the figures
                label_lines = L[mark:]
                del L[mark:]
                if apart == "after":
                    L.extend(label_lines + [""])
            if "run" in row:
                L.append("\t" + row["run"])
            else:
                for v in row["cells"]:
                    L.append("\t" + v)
            L.append("")
            if apart == "before":
                L.extend(label_lines + [""])
        L.append("")
    elif kind == "reviews":
        rl = spec.get("review_label", "行政复议")
        cell(rl)
        cell("行政诉讼")
        L.append("")
        for t in REVIEW_HEAD + ["未经复议直接起诉", "复议后起诉"]:
            cell(t)
        L.append("")
        for _ in range(5):
            cell("")
        for t in REVIEW_HEAD * 2:
            cell(t)
        L.append("")
        for v in review_values(cells):
            L.append("\t" + v)
        L.append("")
        L.append("")


# ======================================================================== layout: pdftotext -layout text

HAN = "\u4e00-\u9fff"
NO_LINE_START = "，。、；：）”》！？"


def pdf_spacing(text):
    """pdftotext puts a space where the font changes between Han characters and Latin digits."""
    text = re.sub(f"(?<=[{HAN}])(?=[0-9])", " ", text)
    return re.sub(f"(?<=[0-9])(?=[{HAN}])", " ", text)


def wrap(text, width, first_indent=0):
    """Fixed-width wrapping as on a printed page: Han characters take one unit, Latin letters and digits half
    a unit and are never split; words break anywhere; punctuation is kept off line starts."""
    tokens = re.findall(r"[0-9A-Za-z.:/@_\-]+| +|.", text)
    lines, cur, used, limit = [], "", 0.0, width - first_indent
    for tok in tokens:
        w = len(tok) * (0.5 if tok.isascii() else 1)
        if cur and used + w > limit and tok[0] not in NO_LINE_START:
            carry = ""
            if cur[-1] in "《（“":
                cur, carry = cur[:-1], cur[-1]
            lines.append(cur.rstrip())
            cur, used, limit = carry, float(len(carry)), width
            if tok.isspace():
                continue
        cur += tok
        used += w
    if cur:
        lines.append(cur.rstrip())
    return lines


KEEP = "\x00"  # a line that must not start a page (kept with the line before it)


def place(line, col, text):
    if len(line) >= col:
        line = line.rstrip(" ") + "  " if line.strip() else line
        return line + text
    return line + " " * (col - len(line)) + text


def pdf_layout(spec, doc, cells):
    L = []
    W = 30
    for kind, payload in doc:
        if kind == "title":
            for i, t in enumerate(payload):
                L.append((KEEP if i else "") + pdf_spacing(t))
            L.extend(["", ""])
        elif kind == "para":
            text = pdf_spacing(payload)
            for i, line in enumerate(wrap(text, W, 2)):
                L.append(("   " + line) if i == 0 else line)
        elif kind == "subheading":
            L.append("   " + payload)
        elif kind == "contact":
            L.extend("   " + x for x in payload)
        elif kind == "heading":
            L.append("     " + payload)
        elif kind == "signature":
            L.extend(["", "", " " * 32 + payload[0], KEEP + " " * 30 + pdf_spacing(payload[1])])
        elif kind == "table":
            L.extend(pdf_table(spec, payload, cells))
    return paginate(spec, L)


def paginate(spec, lines):
    per = spec.get("page_lines", 42)
    style = spec.get("page_style", "-{n}-")
    out, n, count = [], 1, 0

    def footer():
        mark = style.format(n=n)
        out.append(" " * 42 + mark if n % 2 else mark)

    for line in lines:
        keep = line.startswith(KEEP)
        if count >= per and not keep:
            footer()
            n += 1
            count = 0
        out.append(line.lstrip(KEEP))
        count += 1
    footer()
    return "\n".join(out) + "\n"


VC = [34, 44, 53, 62, 71, 79, 86]  # value columns of the applications table


def pdf_table(spec, kind, cells):
    L = []
    if kind == "active":
        for item, header, body in active_model(spec, cells):
            L.extend([item.replace("条第", "条 第"), "", ""])
            cols = [0, 18, 31, 44][:len(header)] if len(header) > 2 else [0, 30]
            split = spec.get("split_headers", {})
            parts = [split.get(h, h).split("\n") for h in header]
            for k in range(max(len(p) for p in parts)):
                line = ""
                for col, p in zip(cols, parts):
                    if k < len(p):
                        line = place(line, col, p[k])
                L.append(line.rstrip())
            L.extend(["", ""])
            for label, vals in body:
                line = place("", 0, label)
                for col, v in zip(cols[1:], vals):
                    line = place(line, col, v)
                L.extend([line, ""])
        L.extend(["", ""])
    elif kind == "applications":
        legal = spec.get("legal_word", "法人或其他组织")
        L.append(place("", 52, "申请人情况"))
        L.extend(["", ""])
        L.append(place(place("", 0, "（本列数据的勾稽关系为：第一项加第二项之"), 52, legal))
        L.append("和，等于第三项加第四项之和）")
        L.append(place(place("", VC[0], "自然人"), VC[6], "总计"))
        L.append(place(place(place(place("", VC[1], "商业企"), VC[2], "科研机"), VC[3], "社会公益"), VC[4], "法律服务"))
        L.append(place("", VC[5], spec.get("other_word", "其他")))
        L.append(place(place(place(place("", VC[1], "业"), VC[2], "构"), VC[3], "组织"), VC[4], "机构"))
        L.extend(["", ""])
        vertical = ["三、", "本", "年", "度", "办", "理", "结", "果"]
        rows = app_model(spec, cells)
        group_rows = {}
        for r in rows:
            if r.get("in_group"):
                group_rows.setdefault(outcome_group(spec, r["key"]), []).append(r["key"])
        vpos = 0
        for r in rows:
            vals = [r["run"]] if "run" in r else r["cells"]
            cols = VC[:1] if "run" in r else VC
            apart = spec.get("label_apart", {}).get(r["key"])
            if apart:
                col, width = (13, 14) if r.get("in_group") else (6, 20)
                label_lines = [place("", col, ch) for ch in wrap(r["label"], width)]
                number_line = [label_line("", col, vals, cols)]
                lines = label_lines + number_line if apart == "after" else number_line + label_lines
            elif r["top"] and r["key"] != "granted":
                lines = [label_line(r["top"], 0, vals, cols)]
            else:
                col, width = (13, 14) if r.get("in_group") else (6, 20)
                chunks = wrap(r["label"], width)
                if len(chunks) == 1:
                    lines = [label_line(chunks[0], col, vals, cols)]
                elif len(chunks) == 2:
                    lines = [place("", col, chunks[0]), label_line("", col, vals, cols), place("", col, chunks[1])]
                else:
                    lines = [place("", col, chunks[0]), "", label_line(chunks[1], col, vals, cols)]
                    lines += [place("", col, ch) for ch in chunks[2:]]
            L.extend(lines)
            L.append("")
            key = r["key"]
            g = outcome_group(spec, key) if r.get("in_group") else None
            if g and key == group_rows[g][len(group_rows[g]) // 2 - 1 if len(group_rows[g]) > 1 else 0]:
                label = spec.get("labels", {}).get(g, g.replace("其他", spec.get("other_word", "其他")))
                L.append(place("", 6, label[:4]))
                L.append(place("", 6, label[4:]))
            if key and key.startswith("denied") and vpos < len(vertical):
                take = 2 if vpos < 6 and key != "denied_state_secret" else 1
                for ch in vertical[vpos:vpos + take]:
                    L.append(ch)
                vpos += take
        assert vpos == len(vertical), vpos
        L.extend(["", ""])
    elif kind == "reviews":
        rc = [0, 6, 12, 18, 24, 32, 38, 44, 50, 56, 64, 70, 76, 82, 88]
        start = len(L) + 1
        L.extend(["", "", ""])
        L.append(place(place("", 32, "未经复议直接起诉"), 64, "复议后起诉"))
        L.extend(["", ""])
        tops = ["结果", "结果", "其他", "尚未", None] * 3
        bottoms = ["维持", "纠正", "结果", "审结", None] * 3
        L.append(stack(rc, tops))
        L.append(stack(rc, [None, None, None, None, "总计"] * 3))
        L.append(stack(rc, bottoms))
        L.extend(["", "", "", ""])
        L.append(stack(rc, review_values(cells)))
        L[:] = L[:start - 1] + [place(place("", 0, spec.get("review_label", "行政复议")), 32, "行政诉讼")] + [KEEP + x for x in L[start - 1:]]
        L.extend(["", "", ""])
    return L


def outcome_group(spec, key):
    return [r for r in outcome_rows(spec["app_rows"]) if r[0] == key][0][1]


def label_line(label, col, vals, cols):
    line = place("", col, label) if label else ""
    for c, v in zip(cols, vals):
        line = place(line, c, v)
    return line


def stack(cols, texts):
    line = ""
    for c, t in zip(cols, texts):
        if t is not None:
            line = place(line, c, t)
    return line.rstrip()


# ======================================================================== layout: HTML page


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_layout(spec, doc, cells):
    title = "".join(t.strip() for t in spec["title_lines"])
    H = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">', f"<title>{esc(title)}</title>",
         "<style>table{border-collapse:collapse;margin:0 auto} td{border:1px solid #333;padding:2px 4px;text-align:center}</style>",
         "</head>", "<body>"]
    if spec.get("crumb"):
        H.append(f'<div class="crumb">{esc(spec["crumb"])}</div>')
    H.append('<div class="article">')
    for kind, payload in doc:
        if kind == "title":
            H.append('<h1 class="title">' + "<br>".join(esc(t) for t in payload) + "</h1>")
            H.append('<div class="content">')
        elif kind == "para":
            H.append(f'<p style="text-indent:2em">{esc(payload)}</p>')
        elif kind == "subheading":
            H.append(f'<p style="text-indent:2em"><b>{esc(payload)}</b></p>')
        elif kind == "contact":
            H.extend(f'<p style="text-indent:2em">{esc(x)}</p>' for x in payload)
        elif kind == "heading":
            H.append(f'<p style="text-indent:2em"><strong>{esc(payload)}</strong></p>')
        elif kind == "signature":
            H.extend(f'<p style="text-align:right">{esc(x)}</p>' for x in payload)
        elif kind == "table":
            H.extend(html_table(spec, payload, cells))
    H.extend(["</div>", "</div>", "</body>", "</html>"])
    return "\n".join(H) + "\n"


def td(text, rowspan=1, colspan=1):
    a = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    inner = "<br>".join(esc(x) for x in text.split("\n")) if text else "&nbsp;"
    return f"<td{a}>{inner}</td>"


def html_table(spec, kind, cells):
    T = ['<table border="1" cellspacing="0" cellpadding="0">', "<tbody>"]
    split = spec.get("split_headers", {})
    if kind == "active":
        for item, header, body in active_model(spec, cells):
            T.append("<tr>" + td(item, colspan=4) + "</tr>")
            span = 4 - len(header) + 1
            T.append("<tr>" + "".join(td(split.get(h, h)) for h in header[:-1]) + td(split.get(header[-1], header[-1]), colspan=span) + "</tr>")
            for label, vals in body:
                T.append("<tr>" + td(label) + "".join(td(v) for v in vals[:-1]) + td(vals[-1], colspan=span) + "</tr>")
    elif kind == "applications":
        rows = app_model(spec, cells)
        legal = spec.get("legal_word", "法人或其他组织")
        T.append("<tr>" + td(RELATION_NOTE, rowspan=3, colspan=3) + td("申请人情况", colspan=7) + "</tr>")
        T.append("<tr>" + td("自然人", rowspan=2) + td(legal, colspan=5) + td("总计", rowspan=2) + "</tr>")
        T.append("<tr>" + "".join(td(x) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", spec.get("other_word", "其他")]) + "</tr>")
        n_results = sum(1 for r in rows if r["key"] not in ("new", "carried_over", "carried_forward"))
        groups = Counter(outcome_group(spec, r["key"]) for r in rows if r.get("in_group"))
        for r in rows:
            vals = "".join(td(v) for v in r["cells"])
            if r["top"] and r["key"] != "granted":
                T.append("<tr>" + td(r["top"], colspan=3) + vals + "</tr>")
                continue
            head = td(r["top"], rowspan=n_results) if r["key"] == "granted" else ""
            if r.get("in_group"):
                g = outcome_group(spec, r["key"])
                if r["group"]:
                    head += td(r["group"], rowspan=groups[g])
                T.append("<tr>" + head + td(r["label"]) + vals + "</tr>")
            else:
                T.append("<tr>" + head + td(r["label"], colspan=2) + vals + "</tr>")
    elif kind == "reviews":
        T.append("<tr>" + td(spec.get("review_label", "行政复议"), colspan=5) + td("行政诉讼", colspan=10) + "</tr>")
        T.append("<tr>" + "".join(td(h, rowspan=2) for h in REVIEW_HEAD) + td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5) + "</tr>")
        T.append("<tr>" + "".join(td(h) for h in REVIEW_HEAD * 2) + "</tr>")
        T.append("<tr>" + "".join(td(v) for v in review_values(cells)) + "</tr>")
    T.extend(["</tbody>", "</table>"])
    return T


# ======================================================================== layout: Markdown (a PDF-to-Markdown converter)
#
# Pipe tables with a separator row after the first row; a table cut by a page break goes on as a new
# table whose header row the converter makes up (数据1 …) or takes from the first row after the break
# (spec["md_cuts"]: row key or "active:N" → "placeholder" | "promoted"); rows whose label cells were lost
# (spec["md_lost_labels"]); `#` headings, bold sub-headings, paragraphs broken into short lines.


def md_row(cells):
    return "| " + " | ".join(c.replace("\n", "<br>") for c in cells) + " |"


def md_sep(n):
    return "|" + "---|" * n


def md_layout(spec, doc, cells):
    L = []
    for kind, payload in doc:
        if kind == "title":
            L.extend("# " + t.strip() for t in payload)
            L.append("")
        elif kind == "para":
            L.extend(wrap(payload, spec.get("md_width", 36)))
            L.append("")
        elif kind == "subheading":
            L.extend(["**" + payload + "**", ""])
        elif kind == "contact":
            for x in payload:
                L.extend([x, ""])
        elif kind == "heading":
            L.extend(["## " + payload, ""])
        elif kind == "signature":
            L.extend([payload[0], "", payload[1], ""])
        elif kind == "table":
            L.extend(md_table(spec, payload, cells))
            L.append("")
    return "\n".join(L)


def md_table(spec, kind, cells):
    """The table's rows as (cut key or None, cells); then printed as pipe tables, cut where asked."""
    rows = []
    lost = spec.get("md_lost_labels", ())
    if kind == "active":
        groups = ACTIVE_2019 if spec["template"] == "2019" else ACTIVE_2021
        for i, ((item, header, body), group) in enumerate(zip(active_model(spec, cells), groups)):
            rows.append((f"active:{i}", [item, "", "", ""]))
            rows.append((None, header + [""] * (4 - len(header))))
            for (label, vals), (key, _) in zip(body, group[2]):
                label = "" if f"active:{key}" in lost else label
                rows.append((None, [label] + vals + [""] * (3 - len(vals))))
        width = 4
    elif kind == "applications":
        legal = spec.get("legal_word", "法人或其他组织")
        ow = spec.get("other_word", "其他")
        rows.append((None, [RELATION_NOTE, "", "", "申请人情况"] + [""] * 6))
        rows.append((None, ["", "", "", "自然人", legal, "", "", "", "", "总计"]))
        rows.append((None, ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", ow, ""]))
        for r in app_model(spec, cells):
            vals = r["cells"] if "cells" in r else [r["run"]] + [""] * 6
            if r["key"] in lost:
                head = ["", "", ""]
            elif r["top"] and r["key"] != "granted":
                head = [r["top"], "", ""]
            elif r["key"] == "granted":
                head = [r["top"], r["label"], ""]
            elif r.get("in_group"):
                head = ["", r["group"] or "", r["label"]]
            else:
                head = ["", r["label"], ""]
            rows.append((r["key"], head + vals))
        width = 10
    else:
        rl = spec.get("review_label", "行政复议")
        rows.append((None, [rl, "", "", "", "", "行政诉讼"] + [""] * 9))
        rows.append((None, REVIEW_HEAD + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]))
        rows.append((None, [""] * 5 + REVIEW_HEAD * 2))
        rows.append((None, review_values(cells)))
        width = 15
    cuts = spec.get("md_cuts", {})
    out = []
    for i, (key, row) in enumerate(rows):
        style = cuts.get(key)
        if i == 0:
            out.extend([md_row(row), md_sep(width)])
        elif style == "placeholder":
            out.extend(["", md_row([f"数据{k + 1}" for k in range(width)]), md_sep(width), md_row(row)])
        elif style == "promoted":
            out.extend(["", md_row(row), md_sep(width)])
        else:
            out.append(md_row(row))
    return out


# ======================================================================== layout: crawler text on one line
#
# A crawler's header block (标题/发布时间/来源/原文链接, ===== 正文 =====), a breadcrumb, the page's text
# nodes all on one line (every table cell, in the order of the page, without separators: a row's figures
# run together), then the page's share and print links.


def crawl_cells(spec, kind, cells):
    if kind == "active":
        out = []
        for item, header, body in active_model(spec, cells):
            out += [item] + header
            for label, vals in body:
                out += [label] + vals
        return out
    if kind == "applications":
        legal = spec.get("legal_word", "法人或其他组织")
        out = [RELATION_NOTE, "申请人情况", "自然人", legal, "总计", "商业企业", "科研机构", "社会公益组织",
               "法律服务机构", spec.get("other_word", "其他")]
        for r in app_model(spec, cells):
            if r["top"] and r["key"] != "granted":
                out.append(r["top"])
            elif r["key"] == "granted":
                out += [r["top"], r["label"]]
            else:
                if r.get("group"):
                    out.append(r["group"])
                out.append(r["label"])
            out += r["cells"]
        return out
    return [spec.get("review_label", "行政复议"), "行政诉讼"] + REVIEW_HEAD + ["未经复议直接起诉", "复议后起诉"] + \
        REVIEW_HEAD * 2 + review_values(cells)


def crawler_layout(spec, doc, cells):
    parts = []
    title = "".join(t.strip() for t in spec["title_lines"])
    for kind, payload in doc:
        if kind == "title":
            parts.append(title)
        elif kind in ("para", "subheading", "heading"):
            parts.append(payload)
        elif kind in ("contact", "signature"):
            parts.extend(payload)
        elif kind == "table":
            parts.extend(crawl_cells(spec, payload, cells))
    c = spec["crawl"]
    head = [f"标题: {title}", f"发布时间: {c['posted']}", f"来源: {spec['agency_full']}", f"原文链接: {c['url']}",
            "===== 正文 ====="]
    if c.get("crumb"):
        head.append(c["crumb"])
    tail = ["分享到： 微信 微博 QQ空间", "【打印本页】 【关闭窗口】"]
    return "\n".join(head + ["".join(parts).replace("\n", "")] + tail) + "\n"


def well_formed(piece, amount):
    return re.fullmatch(r"(0|[1-9][0-9]*)(\.[0-9]+)?" if amount else r"0|[1-9][0-9]*", piece) is not None


def cuts_of(run, cols):
    """Every cut of a run of figures into one well-formed figure per column."""
    if len(cols) == 1:
        return [[run]] if well_formed(run, cols[0] == "amount") else []
    out = []
    for i in range(1, len(run)):
        if well_formed(run[:i], cols[0] == "amount"):
            out += [[run[:i]] + rest for rest in cuts_of(run[i:], cols[1:])]
    return out


def crawl_nulls(spec, figs, cells):
    """The cells a reader must leave null when every separator is lost: an active row whose run can be cut
    more than one way (or not at all); application rows whose runs the row totals and the column
    equations, taken together, do not settle; the review groups unless one split keeps every group total."""
    nulls = set()
    for _, _, body_rows, cols in (ACTIVE_2019 if spec["template"] == "2019" else ACTIVE_2021):
        for key, _ in body_rows:
            run = "".join(cells.shown("active", key, c) for c in cols)
            if len(run) > 15 or len(cuts_of(run, cols)) != 1:
                nulls |= {("active", key, c) for c in cols}
    app = figs["applications"]
    keys = app_row_keys(spec["app_rows"])
    # a run cut more than 20000 ways (counting cuts that ignore the total) is not tried (split.rs)
    runs = {k: "".join(cells.shown("applications", k, c) for c in APP_COLS) for k in keys}
    # nor a run of more than 15 characters, which is no figure at all (value.rs)
    options = {k: row_splits(r) if len(r) <= 15 and sum(1 for _ in splits(r, 7)) < 20000 else []
               for k, r in runs.items()}
    fixed = {k: o[0] for k, o in options.items() if len(o) == 1}
    pending = [k for k, o in options.items() if len(o) > 1]
    outs = keys[2:-2]
    agreed = {}
    combos = 1
    for k in pending:
        combos *= len(options[k])
    if pending and combos <= 200000:
        import itertools
        for pick in itertools.product(*(options[k] for k in pending)):
            rows = dict(fixed, **dict(zip(pending, pick)))
            ok = True
            bal = ["new", "carried_over", "total", "carried_forward"]
            # only the equations a pending row takes part in
            in_sum = any(k in outs or k == "total" for k in pending)
            in_bal = any(k in bal for k in pending)
            for i in range(7):
                if in_sum and all(k in rows for k in outs + ["total"]) and \
                        sum(rows[k][i] for k in outs) != rows["total"][i]:
                    ok = False
                if in_bal and all(k in rows for k in bal) and \
                        rows["new"][i] + rows["carried_over"][i] != rows["total"][i] + rows["carried_forward"][i]:
                    ok = False
            if ok:
                for k, v in zip(pending, pick):
                    agreed[k] = v if agreed.get(k, v) == v else "many"
    for k in keys:
        if k not in fixed and (k not in agreed or agreed[k] == "many"):
            nulls |= {("applications", k, c) for c in APP_COLS}
    rev = "".join(review_values(cells))
    n = 15
    good = [p for p in splits(rev, n) if all(sum(p[g * 5:g * 5 + 4]) == p[g * 5 + 4] for g in range(3))] \
        if len(rev) <= 15 else []
    if len(good) != 1:
        nulls |= {("reviews", g, c) for g in REVIEW_GROUPS for c in REVIEW_COLS}
    return nulls


# ======================================================================== layout: PDF file (reportlab)
#
# The report drawn on A4 pages with reportlab's canvas, by one of two producers (spec["pdf"]["producer"]):
#   "embedded": a TrueType CJK font (WenQuanYi Zen Hei) embedded as a subset in one Type0 font, Identity-H
#               codes and a ToUnicode CMap, table borders stroked per cell edge (as Word exports);
#   "cmap":     reportlab's STSong-Light with the predefined CMap UniGB-UCS2-H, not embedded, table borders
#               drawn as thin filled rectangles (as WPS exports).
# Tables are drawn as grids of cells (the same rowspan/colspan structure as html_table); a table that does not
# fit continues on the next page, with or without its header rows repeated.

A4 = (595.2756, 841.8898)
CM = 72 / 2.54
CJK_FONTS = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc"]
OPENERS = "《（“("
_FONTS = {}


def identity_h_font(name, path):
    """A TrueType font that embeds as a single Type0 font: a CIDFontType2 subset (glyphs numbered in the
    order of first use, CIDToGIDMap, widths), Identity-H two-byte codes and a ToUnicode CMap, as office
    suites write. (reportlab's own TTFont writes simple TrueType fonts of 256 glyphs each instead.)"""
    import hashlib
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfbase.ttfonts import TTFont

    class IdentityH(TTFont):
        def __init__(self):
            TTFont.__init__(self, name, path, subfontIndex=0, shapable=False)
            self.docs = {}

        def used(self, doc):
            return self.docs.setdefault(doc, {"cid": {}, "chars": [], "name": None})

        def splitString(self, text, doc, encoding="utf-8"):
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
            st = self.used(doc)
            if st["name"] is None:
                st["name"] = "F%d" % (len(doc.fontMapping) + 1)
                doc.fontMapping[self.fontName] = "/" + st["name"]
                doc.delayedFonts.append(self)
            return "/" + st["name"]

        def addObjects(self, doc):
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
    """The registered font name for a producer (reportlab is imported here, on the first PDF)."""
    if producer not in _FONTS:
        from reportlab.pdfbase import pdfmetrics
        if producer == "embedded":
            path = next((p for p in CJK_FONTS if os.path.exists(p)), None)
            assert path, "a CJK TrueType font is needed: apt-get install fonts-wqy-zenhei"
            pdfmetrics.registerFont(identity_h_font("CJK-Embedded", path))
            _FONTS[producer] = "CJK-Embedded"
        else:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            _FONTS[producer] = "STSong-Light"
    return _FONTS[producer]


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
            for label, vals in body:
                G.append(gcell(r, 0, label))
                for i, v in enumerate(vals):
                    G.append(gcell(r, i + 1, v, cs=span if i == len(vals) - 1 else 1, align=num))
                r += 1
        return list(p.get("active_cols", (0.31, 0.23, 0.23, 0.23))), 0, G
    if kind == "applications":
        rows = app_model(spec, cells)
        legal = spec.get("legal_word", "法人或其他组织")
        G += [gcell(0, 0, RELATION_NOTE, rs=3, cs=3), gcell(0, 3, "申请人情况", cs=7),
              gcell(1, 3, "自然人", rs=2), gcell(1, 4, legal, cs=5), gcell(1, 9, "总计", rs=2)]
        for i, h in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", spec.get("other_word", "其他")]):
            G.append(gcell(2, 4 + i, h))
        n_results = sum(1 for r in rows if r["key"] not in ("new", "carried_over", "carried_forward"))
        groups = Counter(outcome_group(spec, r["key"]) for r in rows if r.get("in_group"))
        for i, r in enumerate(rows, start=3):
            assert "run" not in r, "run-together rows are a crawler's quirk, not drawn in a PDF"
            G += [gcell(i, 3 + j, v, align=num) for j, v in enumerate(r["cells"])]
            if r["top"] and r["key"] != "granted":
                G.append(gcell(i, 0, r["top"], cs=3, align="left"))
                continue
            if r["key"] == "granted":
                G.append(gcell(i, 0, r["top"], rs=n_results, vertical=True))
            if r.get("in_group"):
                if r["group"]:
                    G.append(gcell(i, 1, r["group"], rs=groups[outcome_group(spec, r["key"])]))
                G.append(gcell(i, 2, r["label"], align="left"))
            else:
                G.append(gcell(i, 1, r["label"], cs=2, align="left"))
        v, g, lab = p["app_cols"]
        rest = (1 - v - g - lab) / 7
        return [v, g, lab] + [rest] * 7, 3, G
    G.append(gcell(0, 0, spec.get("review_label", "行政复议"), cs=5))
    G.append(gcell(0, 5, "行政诉讼", cs=10))
    G += [gcell(1, i, h, rs=2) for i, h in enumerate(REVIEW_HEAD)]
    G += [gcell(1, 5, "未经复议直接起诉", cs=5), gcell(1, 10, "复议后起诉", cs=5)]
    G += [gcell(2, 5 + i, h) for i, h in enumerate(REVIEW_HEAD * 2)]
    G += [gcell(3, i, v, align=num) for i, v in enumerate(review_values(cells))]
    return [1 / 15] * 15, 3, G


class PdfPages:
    """A cursor over A4 pages: text lines placed top-down, a page number in the bottom margin."""

    def __init__(self, spec, title):
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
        return lambda s: self.metrics.stringWidth(s, self.font, size)

    def draw(self, x, baseline, text, size, bold=False):
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
        mark = self.p.get("page_style", "- {n} -").format(n=self.page)
        size = 10.5
        w = self.measure(size)(mark)
        self.draw((A4[0] - w) / 2, self.bottom / 2 - size / 2, mark, size)

    def new_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = self.top

    def room(self, h):
        if self.y - h < self.bottom - 0.01:
            self.new_page()

    def line(self, text, x, size=None, leading=None, bold=False):
        size, leading = size or self.size, leading or self.leading
        self.room(leading)
        self.draw(x, self.y - (leading + size * 0.76) / 2, text, size, bold)
        self.y -= leading

    def para(self, text, indent=True):
        m = self.measure(self.size)
        first = 2 * self.size if indent else 0
        for i, ln in enumerate(wrap_pt(text, m, self.width, first)):
            self.line(ln, self.x0 + (first if i == 0 else 0))

    def finish(self):
        self.footer()
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


class PdfTable:
    """A grid laid out for the page width: row heights from the wrapped cell text."""

    def __init__(self, pages, fractions, header_rows, cells):
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


# ======================================================================== headings

STD = [("一、总体情况", "overview"), ("二、主动公开政府信息情况", "active"), ("三、收到和处理政府信息公开申请情况", "applications"),
       ("四、政府信息公开行政复议、行政诉讼情况", "reviews"), ("五、存在的主要问题及改进情况", "problems"),
       ("六、其他需要报告的事项", "other_matters")]
ARABIC_VARIANTS = [("1、总体情况", "overview"), ("2、主动公开政府信息情况", "active"),
                   ("3、收到和处理政府信息公开申请情况", "applications"),
                   ("4、因政府信息公开工作被申请行政复议和提起行政诉讼情况", "reviews"),
                   ("5、存在的主要问题及整改措施", "problems"), ("6、其它需要报告的事项", "other_matters")]
BARE = [(h.split("、", 1)[1], k) for h, k in STD]
STRAY_SPACES = [("一、总体情况", "overview"), ("二、 主动公开政府信息情况", "active"),
                ("三 、 收到和处理政府信息公开申请情况", "applications"), ("四、政府信息公开行政复议、行政诉讼情况", "reviews"),
                ("五 、存在的主要问题及改进情况", "problems"), ("六、其他需要报告的事项", "other_matters")]
LEGACY = [("一、概述", "overview"), ("二、主动公开政府信息情况", "active"), ("三、依申请公开政府信息情况", "applications"),
          ("四、政府信息公开的收费及减免情况", "unknown"), ("五、因政府信息公开申请行政复议、提起行政诉讼的情况", "reviews"),
          ("六、存在的主要问题及改进措施", "problems"), ("七、其他需要报告的事项", "other_matters")]


def contact(address, postcode, phone_raw, phone, email=None, website=None):
    return {"address": address, "postcode": postcode, "phone_raw": phone_raw, "phone": phone, "email": email,
            "website": website}


SPACED_LABELS = {
    RESULTS_LABEL: "三 、本 年 度办 理 结果",
    "new": "一、本年新收政府信息 公开申请数量",
    "（三）不予公开": "（ 三 ）不予 公开",
    "rejected_duplicate": "2. 重复 申请",
}

# ======================================================================== the reports

SPECS = [
    dict(name="01-town-2020-tabbed", ext="txt", layout="tabbed", seed=101, scale=9, reviews_scale=0,
         code="341525101", names={"34": "安徽省", "3415": "六安市", "341525": "霍山县", "341525101": "佛子岭镇"},
         agency="佛子岭镇", agency_full="霍山县佛子岭镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["霍山县佛子岭镇人民政府2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-18", sign=("霍山县佛子岭镇人民政府", "2021年1月18日"), headings=STD,
         contact=contact("霍山县佛子岭镇淠河路18号", "237271", "0564－5012345", "0564-5012345", "fzlzzf@example.cn"),
         contact_style="inline", office_full="佛子岭镇党政办公室",
         split_headers={"本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量", "对外公开总数量": "对外公开\n总数量"},
         units={("active", "procurement", "amount"): "万元"},
         covers="镇; 2019 template; tabbed; header cells split over lines (本年新/制作数量); 采购总金额 '…万元'; "
                "contact in the preamble, phone 0564－5012345; signature date; all checks pass"),
    dict(name="02-township-2019-tabbed-typos", ext="txt", layout="tabbed", seed=102, scale=4, reviews_scale=0,
         code="411524207", names={"41": "河南省", "4115": "信阳市", "411524": "商城县", "411524207": "苏仙石乡"},
         agency="苏仙石乡", agency_full="商城县苏仙石乡人民政府", agency_type="township", level="township", superior_kind="县",
         title_lines=["商城县苏仙石乡人民政府2019年政府信息", "公开工作年度报告"], year=2019, template="2019", app_rows="2019",
         published="2020-01-16", sign=("商城县苏仙石乡人民政府", "2020年1月16日"), headings=ARABIC_VARIANTS,
         sub_numbers=["(一)", "(二)", "(三)", "(四)", "(五)"], problem_subheadings=True,
         contact=contact("商城县苏仙石乡政府院内", "465350", "(0376)7912345", "0376-7912345"), contact_style="inline",
         relation_note=False,
         item_word={0: "第二是条"}, other_word="其它", legal_word="法人或其它组织", review_label="行政法复议",
         labels={"normative_docs": "行政规范性文件", "granted": "(一)予以公开",
                 "denied_security_stability": "3.危机“三安全一稳定”", "denied_enforcement_file": "7.属于行政法案卷",
                 "unable_not_held": "1、本机关不掌握相关政府信息", "unable_needs_creation": "2、没有现成信息需要另行制作",
                 "（四）无法提供": "(四)无法提供"},
         covers="乡; title over two lines; headings 1、… with variant titles (因政府信息公开工作被申请行政复议和提起行政诉讼情况, "
                "存在的主要问题及整改措施, 其它需要报告的事项); (一) sub-headings; typos 第二是条, 危机“三安全一稳定”, "
                "属于行政法案卷, 行政法复议; 其它 in labels and headers; 1、 vs 1.; () vs （）; 行政规范性文件 in a 2019 table; "
                "phone (0376)7912345; all checks pass"),
    dict(name="03-subdistrict-2021-tabbed-vertical", ext="txt", layout="tabbed", seed=103, scale=23, reviews_scale=2,
         code="510117006", names={"51": "四川省", "5101": "成都市", "510117": "郫都区", "510117006": "犀浦街道"},
         agency="犀浦街道", agency_full="成都市郫都区犀浦街道办事处", agency_type="subdistrict", level="township",
         superior_kind="区", title_lines=["成都市郫都区犀浦街道办事处2021年政府信息公开工作年度报告"], year=2021,
         template="2021", app_rows="2021", published="2022-01-25", sign=("成都市郫都区犀浦街道办事处", "2022年1月25日"),
         headings=STD, para_gap=True,
         contact=contact("郫都区犀浦街道犀团路66号", "611731", "028 87912345", "028-87912345", "xpjd@example.cn"),
         contact_style="lines",
         labels={RESULTS_LABEL: "三、本\n年\n度\n办\n理\n结\n果"},
         split_headers={"本年制发件数": "本年制发\n件数", "本年处理决定数量": "本年处理\n决定数量"},
         covers="街道办事处; 2021 template; tabbed; vertical row header 三、本/年/度/办/理/结/果; split 2021 headers; "
                "contact lines, phone '028 87912345'; all checks pass"),
    dict(name="04-county-2022-html", ext="html", layout="html", seed=104, scale=96, reviews_scale=5,
         code="420527", names={"42": "湖北省", "4205": "宜昌市", "420527": "秭归县"},
         agency="秭归县", agency_full="秭归县人民政府", agency_type="county", level="county", superior_kind="市",
         title_lines=["秭归县人民政府2022年政府信息公开工作年度报告"], year=2022, template="2021", app_rows="2021",
         published="2023-01-19", sign=("秭归县人民政府", "2023年1月19日"), headings=STD, table_intro=True,
         contact=contact("秭归县茅坪镇长宁大道8号", "443600", "0717-2881234", "0717-2881234", "zgxzwgk@example.cn",
                         "https://zigui.example.cn"), contact_style="lines", office_full="秭归县人民政府办公室",
         covers="县; HTML page, tables with rowspan/colspan; 2021 template; contact lines with 网址; the address names "
                "a town inside the county (the region stays the county); all checks pass"),
    dict(name="05-district-2020-gb18030", ext="txt", layout="tabbed", seed=105, scale=148, reviews_scale=7,
         encoding="gb18030",
         code="140702", names={"14": "山西省", "1407": "晋中市", "140702": "榆次区"},
         agency="榆次区", agency_full="晋中市榆次区人民政府", agency_type="county", level="county",
         title_lines=["晋中市榆次区人民政府2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-28", sign=("晋中市榆次区人民政府", "2021年1月28日"), headings=STD,
         contact=contact("晋中市榆次区顺城街1号", "030600", "0354-3012345", "0354-3012345"), contact_style="inline",
         office_full="榆次区人民政府办公室",
         cells={("active", "regulations", "new_made"): ("—", None), ("active", "regulations", "new_published"): ("-", None),
                ("active", "regulations", "total"): ("/", None), ("active", "fees", "change"): ("", None),
                ("active", "licensing", "change"): ("-3", -3)},
         thousands=True, fullwidth_rows=["new"],
         page_marks={("active", 3): ("— 3 —", False)},
         breaks=[break_reviews_totals],
         covers="市辖区 (type county); GB18030; 2019 template; active cells '—' '-' '/' and blank (null); 本年增/减 -3; "
                "thousands separators; full-width digits in the 本年新收 row; page number '— 3 —' inside the table; "
                "reviews.totals fails"),
    dict(name="06-citycounty-2023-pdflayout", ext="txt", layout="pdf", seed=106, scale=131, reviews_scale=6,
         code="350782", names={"35": "福建省", "3507": "南平市", "350782": "武夷山市"},
         agency="武夷山市", agency_full="武夷山市人民政府", agency_type="county", level="county", superior_kind="市",
         title_lines=["              武夷山市人民政府", "       2023年政府信息公开工作年度报告"],
         title="武夷山市人民政府2023 年政府信息公开工作年度报告", year=2023, template="2021", app_rows="2021",
         published=None, sign=None, headings=STD, page_lines=44, page_style="-{n}-",
         contact=contact("武夷山市崇安街道观景路市政府大楼", "354300", "0599-5312345", "0599-5312345"),
         contact_style="lines",
         covers="县级市 (type county); pdftotext -layout text, 2021 template: title on two lines, wrapped labels, vertical "
                "row header one character per line, group labels split, page numbers (-4-) inside tables, stacked "
                "review headers, words broken across lines; no date; all checks pass"),
    dict(name="07-prefecture-2020-pdflayout", ext="txt", layout="pdf", seed=107, scale=1180, reviews_scale=41,
         code="3607", names={"36": "江西省", "3607": "赣州市"},
         agency="赣州市", agency_full="赣州市人民政府", agency_type="prefecture", level="prefecture",
         title_lines=["          赣州市人民政府2020年政府信息公开工作年度报告"], title="赣州市人民政府 2020 年政府信息公开工作年度报告",
         year=2020, template="2019", app_rows="2019", published="2021-01-26", sign=("赣州市人民政府办公室", "2021年1月26日"),
         headings=STD, page_lines=46, page_style="— {n} —", thousands=True,
         split_headers={"本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量"},
         cells={("active", "procurement", "amount"): ("2,386.52万元", 2386.52)},
         contact=contact("赣州市章贡区长征大道市行政中心", "341000", "0797-8112345", "0797-8112345", "gzszwgk@example.cn"),
         contact_style="lines",
         extra_rows=[("total", "（八）其中：涉及征地拆迁的申请", ["97", "3", "0", "0", "6", "0", "106"])],
         breaks=[break_balance],
         covers="地级市; pdftotext -layout text, 2019 template (stacked 本年新/制作数量 headers); thousands separators "
                "incl. 2,386.52万元; page numbers '— n —'; an extra （八）其中 row (left out); title line with "
                "'政府 2020 年' spacing; signed by the city's 办公室; applications.balance fails"),
    dict(name="08-province-2021-utf16le", ext="txt", layout="tabbed", seed=108, scale=1623, reviews_scale=62,
         encoding="utf-16le",
         code="45", names={"45": "广西壮族自治区"},
         agency="广西壮族自治区", agency_full="广西壮族自治区人民政府", agency_type="province", level="province",
         title_lines=["广西壮族自治区人民政府2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2022-01-27", sign=("广西壮族自治区人民政府办公厅", "2022年1月27日"), headings=STD,
         contact=contact("南宁市民族大道1号", "530028", "0771-2812345", "0771-2812345", "gxzwgk@example.cn"),
         contact_style="inline", office_full="自治区人民政府办公厅",
         covers="自治区 (province); UTF-16LE with BOM; 2021 template; tabbed; figures in the thousands; all checks pass"),
    dict(name="09-department-county-2021-tabbed", ext="txt", layout="tabbed", seed=109, scale=31, reviews_scale=3,
         code="522634", names={"52": "贵州省", "5226": "黔东南苗族侗族自治州", "522634": "雷山县"},
         agency="雷山县教育局", agency_full="雷山县教育局", agency_type="department", level="county", superior_kind="县",
         title_lines=["雷山县教育局2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2022-01-14", sign=("雷山县教育局", "2022年1月14日"), headings=STD,
         contact=contact("雷山县丹江镇永乐路12号", "557100", "0855-3312345", "0855-3312345"), contact_style="inline",
         topic="学校招生、教师招聘、学生资助",
         breaks=[break_outcomes_sum],
         covers="a 县 教育局 (department, level county); 2021 template; tabbed; applications.outcomes_sum fails"),
    dict(name="10-department-prefecture-2022-html", ext="html", layout="html", seed=110, scale=58, reviews_scale=4,
         code="3707", names={"37": "山东省", "3707": "潍坊市"},
         agency="潍坊市发展和改革委员会", agency_full="潍坊市发展和改革委员会", agency_type="department", level="prefecture",
         superior_kind="市", title_lines=["潍坊市发展和改革委员会", "2022年政府信息公开工作年度报告"], year=2022,
         template="2021", app_rows="2021", published="2023-01-12", sign=("潍坊市发展和改革委员会", "2023年1月12日"),
         headings=STD, crumb="当前位置：首页 > 信息公开 > 政府信息公开年报",
         contact=contact("潍坊市奎文区东风东街6396号", "261041", "0536-8212345", "0536-8212345", "wffgw@example.cn"),
         contact_style="lines", topic="项目核准备案、价格政策、能源保供",
         labels={"granted": "(一)予以公开", "partial": "(二)部分公开(区分处理的，只计这一情形，不计其他情形)"},
         breaks=[break_column_total],
         covers="a 市 发改委 (department, level prefecture); HTML page with a breadcrumb line, title split by <br>; "
                "() labels; applications.column_total fails"),
    dict(name="11-zone-2021-single-other-row", ext="txt", layout="tabbed", seed=111, scale=14, reviews_scale=1,
         code="130630", names={"13": "河北省", "1306": "保定市", "130630": "涞源县"},
         agency="涞源县经济技术开发区管理委员会", agency_full="涞源县经济技术开发区管理委员会", agency_type="other",
         level="county", superior_kind="县",
         title_lines=["涞源县经济技术开发区管理委员会2021年政府信息公开工作年度报告"], year=2021, template="2021",
         app_rows="2019", published="2022-01-29", sign=("涞源县经济技术开发区管理委员会", "2022年1月29日"), headings=STD,
         contact=contact("涞源县城东工业大道", "074300", "0312-7312345", "0312-7312345"), contact_style="inline",
         cells={("active", "fees", "amount"): ("386500元", 38.65)},
         covers="开发区管委会 (other, level county); 2021 active table with the 2019 single （六）其他处理 row (key other); "
                "fee '386500元' → 38.65 万元; all checks pass"),
    dict(name="12-town-2020-ambiguous-name", ext="txt", layout="tabbed", seed=112, scale=6, reviews_scale=0,
         code="410328108", names={"41": "河南省", "4103": "洛阳市", "410328": "洛宁县", "410328108": "故县镇"},
         ambiguous_name=True,
         agency="故县镇", agency_full="故县镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["故县镇2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-15", sign=("故县镇人民政府", "2021年1月15日"), headings=STD[:5],
         contact=contact("故县镇政府街1号", "471722", "0379-66512345", "0379-66512345"), contact_style="inline",
         relation_note=False,
         covers="故县镇: three places of that name nationally, one in 洛阳市, resolved by the 0379 area code; no county "
                "named anywhere; five sections (no 其他需要报告的事项); all checks pass"),
    dict(name="13-county-2018-legacy", ext="txt", layout="tabbed", seed=113, scale=23,
         code="532924", names={"53": "云南省", "5329": "大理白族自治州", "532924": "宾川县"},
         agency="宾川县", agency_full="宾川县人民政府", agency_type="county", level="county",
         title_lines=["宾川县人民政府2018年政府信息公开工作年度报告"], year=2018, template="legacy", app_rows="2019",
         published="2019-03-12", sign=("宾川县人民政府", "2019年3月12日"), headings=LEGACY, para_gap=True,
         contact=contact("宾川县金牛镇宾居路", "671600", "0872-7112345", "0872-7112345"), contact_style="lines",
         covers="legacy report on 2018: free-form sections 概述 … 其他需要报告的事项 (收费及减免 → unknown), no tables, "
                "figures null"),
    dict(name="14-town-2020-run-together", ext="txt", layout="tabbed", seed=217, scale=19, reviews_scale=0,
         code="140728103", names={"14": "山西省", "1407": "晋中市", "140728": "平遥县", "140728103": "洪善镇"},
         agency="洪善镇", agency_full="平遥县洪善镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["平遥县洪善镇人民政府2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-22", sign=("平遥县洪善镇人民政府", "2021年1月22日"), headings=STD,
         contact=contact("平遥县洪善镇洪善村", "031103", "0354-5712345", "0354-5712345"), contact_style="inline",
         runs=["new"],
         extra_rows=[("granted", "其中：转办", ["2", "0", "0", "0", "0", "0", "2"])],
         page_marks={("applications", "denied_process"): ("-3-", True)},
         covers="the 本年新收 row run together into one cell (only one split adds up: expected the split values); an "
                "extra 其中：转办 row (left out); page number -3- and the 申请人情况 header rows repeated mid-table; "
                "all checks pass"),
    dict(name="15-town-2021-run-together-ambiguous", ext="txt", layout="tabbed", seed=115, scale=27, reviews_scale=0,
         code="450321103", names={"45": "广西壮族自治区", "4503": "桂林市", "450321": "阳朔县", "450321103": "兴坪镇"},
         agency="兴坪镇", agency_full="阳朔县兴坪镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["阳朔县兴坪镇人民政府2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2022-01-21", sign=("阳朔县兴坪镇人民政府", "2022年1月21日"), headings=STD,
         pin_rows={"granted": [11, 0, 0, 0, 0, 0], "unable_not_held": [1, 10, 0, 0, 0, 0]},
         col_weights=[70, 25, 0, 0, 3, 2],
         ambiguous_runs=["granted", "unable_not_held"], topic="民宿经营审批、景区管理",
         covers="two rows run together as '110000011', each readable as 11+0… or 1+10…, and the column sums allow "
                "both pairings: those rows are null, and the checks touching them are left out; no contact"),
    dict(name="16-town-2019-untitled-bare", ext="txt", layout="tabbed", seed=116, scale=7, reviews_scale=0,
         code="370783106", names={"37": "山东省", "3707": "潍坊市", "370783": "寿光市", "370783106": "田柳镇"},
         agency="田柳镇", agency_full="寿光市田柳镇人民政府", agency_type="town", level="township", superior_kind="市",
         title_lines=["政府信息公开工作2019年度报告"], year=2019, template="2019", app_rows="2019",
         published=None, sign=None, headings=BARE, para_gap=True,
         covers="title without the agency (found in the body: 寿光市田柳镇人民政府); bare headings; no contact, no date"),
    dict(name="17-township-2021-early-date", ext="txt", layout="tabbed", seed=117, scale=3, reviews_scale=0,
         code="360781202", names={"36": "江西省", "3607": "赣州市", "360781": "瑞金市", "360781202": "大柏地乡"},
         agency="大柏地乡", agency_full="瑞金市大柏地乡人民政府", agency_type="township", level="township", superior_kind="市",
         title_lines=["瑞金市大柏地乡人民政府2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2021-12-28", sign=("瑞金市大柏地乡人民政府", "2021年12月28日"), headings=STRAY_SPACES,
         contact=contact("瑞金市大柏地乡大柏地村", "342503", "0797-2512345", "0797-2512345", "dbdx@example.cn"),
         contact_style="lines",
         covers="乡; headings with stray spaces (三 、 收到…); date 2021年12月28日 before the year's end "
                "(report.published_after_year fails); table checks pass"),
    dict(name="18-subdistrict-2024-tabbed-spaced", ext="txt", layout="tabbed", seed=118, scale=17, reviews_scale=1,
         code="230112005", names={"23": "黑龙江省", "2301": "哈尔滨市", "230112": "阿城区", "230112005": "阿什河街道"},
         agency="阿什河街道", agency_full="哈尔滨市阿城区阿什河街道办事处", agency_type="subdistrict", level="township",
         superior_kind="区", title_lines=["哈尔滨市阿城区阿什河街道办事处2024年政府信息公开工作年度报告"], year=2024,
         template="2021", app_rows="2021", published="2025-01-16", sign=("哈尔滨市阿城区阿什河街道办事处", "2025年1月16日"),
         headings=STD, other_word="其它",
         contact=contact("哈尔滨市阿城区延川大街", "150300", "0451-53712345", "0451-53712345", "ashjd@example.cn",
                         "https://acheng.example.cn"), contact_style="lines",
         labels=dict(SPACED_LABELS, unable_not_held="1、本机关不掌握相关政府信息", denied_process="6、属于四类过程性信息"),
         covers="街道; 2024; spaces inside labels (三 、本 年 度办 理 结果, （ 三 ）不予 公开); 其它; 1、 vs 1.; "
                "contact lines with 网址; all checks pass"),
    dict(name="19-county-2020-pdf-embedded", ext="pdf", layout="pdfdoc", seed=119, scale=86, reviews_scale=4,
         code="330523", names={"33": "浙江省", "3305": "湖州市", "330523": "安吉县"},
         agency="安吉县", agency_full="安吉县人民政府", agency_type="county", level="county", superior_kind="市",
         title_lines=["安吉县人民政府", "2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-22", sign=("安吉县人民政府", "2021年1月22日"), headings=STD,
         contact=contact("安吉县递铺街道昌硕西路1号", "313300", "0572-5122345", "0572-5122345", "ajzwgk@example.cn"),
         contact_style="lines", office_full="安吉县人民政府办公室", units={("active", "procurement", "amount"): "万元"},
         pdf=dict(producer="embedded", margins=(2.2, 2.2, 2.2, 2.2), size=12, leading=22, table_size=9,
                  row_min=16, app_cols=(0.045, 0.1, 0.19), repeat_header=True, bold_headings=True,
                  split={"applications": 2}),
         covers="PDF, producer embedded (WenQuanYi Zen Hei subset as a Type0 font, Identity-H, ToUnicode; borders "
                "stroked per cell edge; bold headings by fill+stroke); 县; 2019 template; title on two lines; narrow "
                "label columns (（二）部分公开… over 2 lines, 5.要求行政机关确认… over 3, （三）不予公开 over 2); vertical "
                "三、本年度办理结果 one character per line in its merged cell; stacked 申请人情况 / 法人或其他组织 / 商业企业 "
                "headers; the applications table continues on page 3 with its three header rows repeated, the merged "
                "（四）无法提供 cell split by the page break; "
                "采购总金额 '…万元'; page numbers '- n -'; all checks pass"),
    dict(name="20-town-2022-pdf-cmap-blank-cells", ext="pdf", layout="pdfdoc", seed=120, scale=12, reviews_scale=0,
         code="320509108", names={"32": "江苏省", "3205": "苏州市", "320509": "吴江区", "320509108": "震泽镇"},
         agency="震泽镇", agency_full="苏州市吴江区震泽镇人民政府", agency_type="town", level="township",
         superior_kind="区", title_lines=["苏州市吴江区震泽镇人民政府2022年政府信息公开工作年度报告"], year=2022,
         template="2021", app_rows="2021", published="2023-01-17", sign=("苏州市吴江区震泽镇人民政府", "2023年1月17日"),
         headings=STD, contact=contact("吴江区震泽镇镇南路128号", "215231", "0512-63712345", "0512-63712345"),
         contact_style="inline", office_full="震泽镇党政办公室",
         cells={("active", "regulations", "issued"): ("", None), ("active", "regulations", "repealed"): ("", None),
                ("active", "regulations", "in_force"): ("", None), ("active", "fees", "amount"): ("—", None)},
         pdf=dict(producer="cmap", margins=(2.5, 2.0, 2.2, 2.0), size=11, leading=20, title_size=18, table_size=10,
                  app_cols=(0.05, 0.13, 0.25), repeat_header=False, split={"active": 2, "applications": 2}),
         covers="PDF, producer cmap (STSong-Light with UniGB-UCS2-H, not embedded; borders as 0.5pt filled "
                "rectangles); 镇; 2021 template; a one-line title broken before the year by the page width; the three "
                "规章 cells left empty (nothing drawn) and 收费金额 '—': null; long （六） labels over 3–4 lines; vertical "
                "row header; the active table runs from page 1 to 2 and the applications table from page 2 to 3, "
                "without repeated header rows; contact in the preamble; all checks pass"),
    dict(name="21-department-prefecture-2023-pdf-embedded-balance-fail", ext="pdf", layout="pdfdoc", seed=121,
         scale=47, reviews_scale=2,
         code="4306", names={"43": "湖南省", "4306": "岳阳市"},
         agency="岳阳市交通运输局", agency_full="岳阳市交通运输局", agency_type="department", level="prefecture",
         superior_kind="市", title_lines=["岳阳市交通运输局2023年政府信息公开工作年度报告"], year=2023, template="2021",
         app_rows="2021", published="2024-01-19", sign=("岳阳市交通运输局", "2024年1月19日"), headings=STD,
         contact=contact("岳阳市岳阳楼区金鹗中路288号", "414000", "0730-8812345", "0730-8812345", "yyjtj@example.cn"),
         contact_style="lines", topic="道路运输许可、交通工程建设、出租汽车管理",
         cells={("reviews", "litigation_after_review", c): ("", None) for c in REVIEW_COLS},
         breaks=[break_balance],
         pdf=dict(producer="embedded", margins=(2.5, 2.5, 2.5, 2.5), size=12, leading=21, table_size=9,
                  app_cols=(0.05, 0.12, 0.22), num_align="right", repeat_header=False, split={"applications": 2}),
         covers="PDF, producer embedded; a 市 交通运输局 (department, level prefecture); 2021 template; figures "
                "right-aligned; the applications table split over pages 2–3 without repeated header rows, the merged "
                "（五）不予处理 cell split by the page break (（五）不予 above it, 处理 below); the five 复议后起诉 cells (all 0) "
                "left empty: null, so reviews.totals is left out; applications.balance fails"),
    dict(name="22-township-2019-pdf-cmap", ext="pdf", layout="pdfdoc", seed=122, scale=5, reviews_scale=0,
         code="622921201", names={"62": "甘肃省", "6229": "临夏回族自治州", "622921": "临夏县", "622921201": "掌子沟乡"},
         agency="掌子沟乡", agency_full="临夏县掌子沟乡人民政府", agency_type="township", level="township",
         superior_kind="县", title_lines=["临夏县掌子沟乡人民政府", "2019年政府信息公开工作年度报告"], year=2019,
         template="2019", app_rows="2019", published="2020-01-20", sign=("临夏县掌子沟乡人民政府", "2020年1月20日"),
         headings=STD, contact=contact("临夏县掌子沟乡掌子沟村", "731800", "0930-5512345", "0930-5512345"),
         contact_style="inline", problem_subheadings=True,
         pdf=dict(producer="cmap", margins=(2.2, 1.8, 2.0, 1.8), size=11.5, leading=20, title_size=20, table_size=9,
                  app_cols=(0.045, 0.11, 0.17), repeat_header=True, split={"active": 2, "applications": 2}),
         covers="PDF, producer cmap; 乡; 2019 template; title on two lines; narrow label column, most outcome labels "
                "over 2–3 lines; vertical row header; the active table runs from page 1 to 2, the applications table "
                "from page 2 to 3 with its header rows repeated (the merged （五）不予处理 cell spans the break); "
                "（一）/（二） sub-headings under 五、; all checks pass"),
    dict(name="23-town-2020-markdown-subtables", ext="md", layout="markdown", seed=123, scale=21, reviews_scale=1,
         code="445381116", names={"44": "广东省", "4453": "云浮市", "445381": "罗定市", "445381116": "泗纶镇"},
         agency="泗纶镇", agency_full="罗定市泗纶镇人民政府", agency_type="town", level="township", superior_kind="市",
         title_lines=["罗定市泗纶镇人民政府2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-19", sign=("罗定市泗纶镇人民政府", "2021年1月19日"), headings=STD,
         contact=contact("罗定市泗纶镇泗纶圩新街1号", "527231", "0766-3712345", "0766-3712345"), contact_style="inline",
         office_full="泗纶镇党政综合办公室", topic="竹木加工审批、宅基地审批",
         md_cuts={"active:3": "placeholder", "denied_process": "placeholder"},
         md_lost_labels=["denied_law", "rejected_duplicate", "active:penalties"],
         covers="Markdown (.md) as a PDF-to-Markdown converter writes it: # headings, **bold** sub-headings, "
                "paragraphs broken into short lines; the active and applications tables cut into sub-tables with "
                "made-up header rows 数据1…数据N; rows that lost their label cells (2.其他法律行政法规禁止公开, "
                "2.重复申请, and 行政处罚 in the active table), placed by the template's order; 2019 template; "
                "all checks pass"),
    dict(name="24-county-2021-markdown-wrong-header", ext="md", layout="markdown", seed=124, scale=77, reviews_scale=3,
         code="610581", names={"61": "陕西省", "6105": "渭南市", "610581": "韩城市"},
         agency="韩城市", agency_full="韩城市人民政府", agency_type="county", level="county", superior_kind="市",
         title_lines=["韩城市人民政府", "2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2022-01-26", sign=("韩城市人民政府", "2022年1月26日"), headings=STD,
         contact=contact("韩城市金城大街66号", "715400", "0913-5212345", "0913-5212345", "hczwgk@example.cn"),
         contact_style="lines", office_full="韩城市人民政府办公室",
         cells={("active", "fees", "amount"): ("369.9365", 369.9365)},
         md_cuts={"rejected_petition": "promoted", "active:2": "placeholder"},
         md_lost_labels=["other_no_fee", "active:licensing"],
         covers="Markdown (.md), 2021 template, title in two # lines; the applications table cut at a page break "
                "and the row after the break (（五）不予处理 1.信访举报投诉类申请) made the new table's header row; a "
                "（六）2. row and the 行政许可 row without their labels; 收费金额 369.9365 万元 kept to the fourth decimal; all checks pass"),
    dict(name="25-subdistrict-2021-markdown-in-txt", ext="txt", layout="markdown", seed=125, scale=14, reviews_scale=0,
         code="210505004", names={"21": "辽宁省", "2105": "本溪市", "210505": "南芬区", "210505004": "思山岭街道"},
         agency="思山岭街道", agency_full="本溪市南芬区思山岭街道办事处", agency_type="subdistrict", level="township",
         superior_kind="区", title_lines=["本溪市南芬区思山岭街道办事处2021年政府信息公开工作年度报告"], year=2021,
         template="2021", app_rows="2021", published="2022-01-18", sign=("本溪市南芬区思山岭街道办事处", "2022年1月18日"),
         headings=STD, contact=contact("本溪市南芬区思山岭街道思山岭村", "117018", "024-45812345", "024-45812345"),
         contact_style="inline", md_width=28,
         md_cuts={"unable_not_held": "placeholder"}, md_lost_labels=["carried_over", "denied_process"],
         covers="Markdown pipe tables inside a .txt (told by content); 街道; 2021 template; 二、上年结转 and 6.属于四类"
                "过程性信息 without labels; a sub-table with 数据1… headers; all checks pass"),
    dict(name="26-town-2021-crawler-oneline", ext="txt", layout="crawler", seed=126, scale=24, reviews_scale=1,
         code="430121106", names={"43": "湖南省", "4301": "长沙市", "430121": "长沙县", "430121106": "春华镇"},
         agency="春华镇", agency_full="长沙县春华镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["长沙县春华镇人民政府2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2022-01-20", sign=("长沙县春华镇人民政府", "2022年1月20日"), headings=STD,
         contact=contact("长沙县春华镇春华山村", "410142", "0731-86912345", "0731-86912345"), contact_style="inline",
         office_full="春华镇党政综合办公室",
         crawl=dict(posted="2022-01-24 10:12:03", url="http://www.csx.gov.cn/zwgk/xxgknb/202201/t20220124_1.html",
                    crumb="当前位置：首页 > 政务公开 > 政府信息公开年报"),
         covers="a crawler's file: header block (标题/发布时间/来源/原文链接, ===== 正文 =====), breadcrumb, the whole "
                "report on ONE line (headings, paragraphs, table headers and cells run together; each row's figures "
                "one run), share/print links; runs split only where exactly one split keeps the row total and the "
                "column equations (an active row cut two ways is null); 2021 template"),
    dict(name="27-township-2020-crawler-ambiguous", ext="txt", layout="crawler", seed=127, scale=27, reviews_scale=0,
         code="220122204", names={"22": "吉林省", "2201": "长春市", "220122": "农安县", "220122204": "杨树林乡"},
         agency="杨树林乡", agency_full="农安县杨树林乡人民政府", agency_type="township", level="township",
         superior_kind="县", title_lines=["农安县杨树林乡人民政府2020年政府信息公开工作年度报告"], year=2020,
         template="2019", app_rows="2019", published="2021-01-25", sign=("农安县杨树林乡人民政府", "2021年1月25日"),
         headings=STD, contact=contact("农安县杨树林乡政府路8号", "130221", "0431-87212345", "0431-87212345"),
         contact_style="inline",
         pin_rows={"granted": [11, 0, 0, 0, 0, 0], "unable_not_held": [1, 10, 0, 0, 0, 0]},
         col_weights=[70, 25, 0, 0, 3, 2], crawl_null_rows=["granted", "unable_not_held"],
         crawl=dict(posted="2021-01-27 15:40:00", url="http://www.nongan.gov.cn/xxgk/ndbg/2021/0127.html"),
         covers="crawler one-line text, 2019 template: 予以公开 and 本机关不掌握 both run as '110000011' (11+0… or "
                "1+10…) and the column equations allow both pairings: those rows null (with a warning), the checks "
                "touching them left out; active rows cut more than one way null"),
    dict(name="28-town-2020-tabbed-damaged-labels", ext="txt", layout="tabbed", seed=128, scale=33, reviews_scale=2,
         code="610826107", names={"61": "陕西省", "6108": "榆林市", "610826": "绥德县", "610826107": "薛家河镇"},
         agency="薛家河镇", agency_full="绥德县薛家河镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["绥德县薛家河镇人民政府2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-21", sign=("绥德县薛家河镇人民政府", "2021年1月21日"), headings=STD,
         contact=contact("绥德县薛家河镇薛家河村", "718008", "0912-5612345", "0912-5612345"), contact_style="inline",
         labels={"denied_law": "2.其他法律行政止公开", "rejected_publication": "3.要求提供公开出版",
                 "denied_process": "6.属于四类过\n程性信息"},
         label_apart={"unable_needs_creation": "after", "rejected_petition": "before"},
         covers="tabbed; damaged labels (2.其他法律行政止公开, 3.要求提供公开出版) placed by the rows around them; a "
                "label wrapped in its cell; labels in a row group apart from their figures, above (2.没有现成信息…) "
                "and below (1.信访举报投诉类申请: a bare number row first); 2019 template; all checks pass"),
    dict(name="29-county-2022-pdflayout-labels-apart", ext="txt", layout="pdf", seed=129, scale=64, reviews_scale=2,
         code="652901", names={"65": "新疆维吾尔自治区", "6529": "阿克苏地区", "652901": "阿克苏市"},
         agency="阿克苏市", agency_full="阿克苏市人民政府", agency_type="county", level="county", superior_kind="市",
         title_lines=["        阿克苏市人民政府2022年政府信息公开工作年度报告"],
         title="阿克苏市人民政府 2022 年政府信息公开工作年度报告", year=2022, template="2021", app_rows="2021",
         published="2023-01-16", sign=("阿克苏市人民政府", "2023年1月16日"), headings=STD, page_lines=44,
         contact=contact("阿克苏市新华东路1号", "843000", "0997-2112345", "0997-2112345"), contact_style="lines",
         labels={"denied_law": "2.其他法律行政止公开"},
         label_apart={"denied_law": "after", "denied_internal": "before", "rejected_confirm": "after"},
         covers="pdftotext -layout text, 2021 template; a damaged label (2.其他法律行政止公开) on the line above a bare "
                "number row, placed by the template's order; a number row above its label (5.属于三类内部事务信息); "
                "5.要求行政机关确认或重新出具已获取信息 wrapped over two lines above its bare number row; "
                "all checks pass"),
    dict(name="30-town-2021-pdf-cmap-no-rules", ext="pdf", layout="pdfdoc", seed=130, scale=9, reviews_scale=0,
         code="330782100", names={"33": "浙江省", "3307": "金华市", "330782": "义乌市", "330782100": "佛堂镇"},
         agency="佛堂镇", agency_full="义乌市佛堂镇人民政府", agency_type="town", level="township",
         superior_kind="市", title_lines=["义乌市佛堂镇人民政府2021年政府信息公开工作年度报告"], year=2021,
         template="2021", app_rows="2021", published="2022-01-21", sign=("义乌市佛堂镇人民政府", "2022年1月21日"),
         headings=STD, contact=contact("义乌市佛堂镇佛堂大道1号", "322002", "0579-85712345", "0579-85712345"),
         contact_style="inline", office_full="佛堂镇党政办公室",
         cells={("active", "regulations", "issued"): ("", None), ("active", "regulations", "repealed"): ("", None),
                ("active", "regulations", "in_force"): ("", None),
                ("applications", "new", "research"): ("", None)},
         pdf=dict(producer="cmap", margins=(2.5, 2.0, 2.2, 2.0), size=11, leading=20, title_size=18, table_size=10,
                  app_cols=(0.05, 0.16, 0.34), repeat_header=False, borders=False,
                  split={"active": 2, "applications": 2}),
         covers="PDF, producer cmap, tables drawn without any rules (read from the alignment of their figures); "
                "镇; 2021 template; the three 规章 cells and one 科研机构 cell left empty: null in their own columns; "
                "wide label columns (few wrapped labels)"),
    dict(name="31-zone-2022-tabbed", ext="txt", layout="tabbed", seed=131, scale=21, reviews_scale=1,
         code="350128", names={"35": "福建省", "3501": "福州市", "350128": "平潭县"},
         agency="平潭综合实验区管委会", agency_full="平潭综合实验区管委会", agency_type="other", level="county",
         superior_kind="市", title_lines=["平潭综合实验区管委会2022年政府信息公开工作年度报告"], year=2022,
         template="2021", app_rows="2021", published="2023-01-30", sign=("平潭综合实验区管委会", "2023年1月30日"),
         headings=STD, contact=contact("平潭综合实验区金井湾片区商务营运中心", "350400", "0591-24123456",
                                       "0591-24123456"),
         contact_style="inline",
         covers="a zone the gazetteer does not list (平潭综合实验区): other, with the county its name carries "
                "(福建省 福州市 平潭县, by the stem 平潭 and the area code 0591)"),
    dict(name="32-county-2021-pdflayout-ocr-name", ext="txt", layout="pdf", seed=132, scale=88, reviews_scale=4,
         code="321322", names={"32": "江苏省", "3213": "宿迁市", "321322": "沭阳县"},
         agency="沭阳县", agency_full="沐阳县人民政府", agency_type="county", level="county", superior_kind="市",
         title_lines=["        沐阳县人民政府2021年政府信息公开", "              工作年度报告"],
         title="沐阳县人民政府 2021 年政府信息公开工作年度报告", year=2021, template="2021", app_rows="2021",
         published="2022-01-25", sign=("沐阳县人民政府", "2022年1月25日"), headings=STD, page_lines=46,
         page_style="-{n}-", contact=contact("沭阳县沭城街道人民路1号", "223600", "0527-83512345", "0527-83512345"),
         contact_style="lines",
         covers="OCR damage in the name (沐阳县 for 沭阳县, repaired by the gazetteer's look-alike rule); title "
                "wrapped mid-phrase (…政府信息公开 / 工作年度报告); pdftotext -layout text"),
]

# ======================================================================== writing


def expected_record(spec, figs, cells):
    exp_figs = cells.expected_figures()
    c = spec.get("contact") or {}
    record = {
        "source": spec["name"] + "." + spec["ext"],
        "title": spec.get("title", "".join(t.strip() for t in spec["title_lines"])),
        "agency": spec["agency"],
        "agency_type": spec["agency_type"],
        "level": spec["level"],
        "region": region(spec["code"]),
        "year": spec["year"],
        "template": spec["template"],
        "published": spec["published"],
        "contact": {k: c.get(k) for k in ("address", "postcode", "phone", "email", "website")},
        "section_kinds": [k for _, k in spec["headings"]],
        "figures": exp_figs,
        "checks": checks_for(exp_figs if figs else None, spec["year"], spec["published"], spec["template"]),
    }
    if cells.forced_null:
        # the cells left null by rule: some warning names each such row and says it was left null
        record["warnings_contain"] = null_warnings(spec, cells.forced_null)
    return record


def null_warnings(spec, nulls):
    labels = {key: label for _, _, rows, _ in (ACTIVE_2019 if spec["template"] == "2019" else ACTIVE_2021)
              for key, label in rows}
    labels.update({r[0]: r[2] for r in outcome_rows(spec["app_rows"])})
    labels.update({k: v for k, v in TOP_LABELS.items()})
    out = []
    for table in ("active", "applications", "reviews"):
        rows = sorted({r for t, r, _ in nulls if t == table}, key=lambda r: list(labels).index(r) if r in labels else 99)
        if table == "reviews" and rows:
            out.append(["cells left null"])
            continue
        out += [[f"{labels[r]}: ", "left null"] for r in rows]
    return out


def verify(spec, figs, cells, record):
    """Facts the descriptions promise, checked on what was generated."""
    check_place(spec)
    if figs is None:
        return
    # The unbroken figures pass every check; the broken ones fail exactly the intended checks.
    failing = {c["id"] for c in record["checks"] if not c["ok"]}
    intended = {
        break_balance: "applications.balance", break_outcomes_sum: "applications.outcomes_sum",
        break_column_total: "applications.column_total", break_reviews_totals: "reviews.totals",
    }
    want = {intended[b] for b in spec.get("breaks", [])}
    if spec["published"] and spec["published"] <= f"{spec['year']}-12-31":
        want.add("report.published_after_year")
    assert failing == want, (spec["name"], failing, want)
    app = figs["applications"]
    for key in spec.get("runs", []):
        s = "".join(str(app[key][c]) for c in APP_COLS)
        found = row_splits(s)
        assert found == [tuple(app[key][c] for c in APP_COLS)], (spec["name"], key, s, found)
    nulls = {r for t, r, _ in cells.forced_null if t == "applications"}
    assert nulls == set(spec.get("crawl_null_rows", [])), (spec["name"], nulls)
    amb = spec.get("ambiguous_runs", [])
    if amb:
        rows = app_row_keys(spec["app_rows"])[2:-2]
        cands = {k: row_splits("".join(str(app[k][c]) for c in APP_COLS)) for k in amb}
        known = {c: sum(app[k][c] for k in rows if k not in amb) for c in APP_COLS}
        combos = []
        for a in cands[amb[0]]:
            for b in cands[amb[1]]:
                if all(known[c] + a[i] + b[i] == app["total"][c] for i, c in enumerate(APP_COLS)):
                    combos.append((a, b))
        assert len(combos) >= 2 and all(len({cb[i] for cb in combos}) > 1 for i in range(2)), (spec["name"], combos)


def render(spec):
    figs = make_figures(spec)
    # A printed override that is a number is the figure itself.
    for (t, r, c), (text, value) in spec.get("cells", {}).items():
        if value is not None:
            figs[t][r][c] = value
    cells = Cells(spec, figs)
    doc = build_doc(spec, figs, cells)
    layouts = {"tabbed": tabbed, "pdf": pdf_layout, "html": html_layout, "pdfdoc": pdf_document,
               "markdown": md_layout, "crawler": crawler_layout}
    text = layouts[spec["layout"]](spec, doc, cells)
    if spec["layout"] == "crawler":
        cells.forced_null = crawl_nulls(spec, figs, cells)
    record = expected_record(spec, figs, cells)
    verify(spec, figs, cells, record)
    return text, record


def encode(text, encoding):
    if encoding == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


README_BEGIN = "<!-- gen_samples.py: begin -->"
README_END = "<!-- gen_samples.py: end -->"


def readme_section():
    lines = [
        README_BEGIN,
        "## Numbered set (01–%02d)" % len(SPECS),
        "",
        "Written by `python3 tools/gen_samples.py` (one description per report in that file; figures balance by",
        "construction, then chosen cells are broken on purpose). Agencies' text and figures are invented; the place",
        "names and division codes are real NBS 2023 divisions (`crates/gongkai-core/data/gazetteer/`), so region resolution can be",
        "checked. `expected/NN-….json` is in the form of the shared seeds' expected records. A check that touches",
        "a cell no reader can determine (15, 26, 27) is left out of the expected checks, and `warnings_contain`",
        "names the words of the warning each such row must get. The PDFs are drawn with reportlab",
        "by two producers: embedded (a WenQuanYi Zen Hei subset as a Type0 font, Identity-H, ToUnicode; borders",
        "stroked per cell edge) and cmap (STSong-Light, UniGB-UCS2-H, not embedded; borders as thin filled",
        "rectangles); regenerating them needs `pip install reportlab` and `apt-get install fonts-wqy-zenhei`.",
        "",
        "| file | covers |",
        "|---|---|",
    ]
    for s in SPECS:
        lines.append(f"| {s['name']}.{s['ext']} | {s['covers']} |")
    lines.append(README_END)
    return "\n".join(lines) + "\n"


def write_readme():
    path = os.path.join(OUT, "README.md")
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Sample reports\n"
    if README_BEGIN in old and README_END in old:
        head, rest = old.split(README_BEGIN, 1)
        tail = rest.split(README_END, 1)[1].lstrip("\n")
        new = head + readme_section() + ("\n" + tail if tail else "")
    else:
        new = old.rstrip("\n") + "\n\n" + readme_section()
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    os.makedirs(EXP, exist_ok=True)
    names = [s["name"] for s in SPECS]
    assert len(set(names)) == len(names)
    try:
        import reportlab  # noqa: F401  (only to know whether the PDFs can be drawn)
        have_pdf = True
    except ImportError:
        have_pdf = False
    written = 0
    for spec in SPECS:
        if spec["layout"] == "pdfdoc" and not have_pdf:
            print(f"skipped {spec['name']}.pdf: pip install reportlab to regenerate it")
            continue
        written += 1
        text, record = render(spec)
        with open(os.path.join(OUT, spec["name"] + "." + spec["ext"]), "wb") as f:
            f.write(text if isinstance(text, bytes) else encode(text, spec.get("encoding", "utf-8")))
        with open(os.path.join(EXP, spec["name"] + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False, indent=1))
    write_readme()
    print(f"wrote {written} reports to {os.path.relpath(OUT, ROOT)}/")


if __name__ == "__main__":
    main()
