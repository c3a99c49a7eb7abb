#!/usr/bin/env python3
"""Writes the bundled sample reports and their expected records.

    python3 tools/make_samples.py

Every report is described once below (agency, year, template, layout, quirks); its figures are drawn
from a fixed seed so that the tables balance by construction, then chosen cells are broken on purpose.
The same description gives the expected record in sample-reports/expected/, which tests/samples.rs
compares with `gongkai parse --json`. Agencies' text and figures are invented; place names and codes
are real (NBS 2023 division codes, crates/gongkai-core/data/gazetteer/).
"""

import csv
import io
import json
import os
import random
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "sample-reports")
GAZ = os.path.join(ROOT, "crates", "gongkai-core", "data", "gazetteer")

# ---------------------------------------------------------------- gazetteer lookups

def _rows(name):
    with open(os.path.join(GAZ, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))

PROV = {r["code"]: r["name"] for r in _rows("provinces.csv")}
CITY = {r["code"]: r["name"] for r in _rows("cities.csv")}
AREA = {r["code"]: r["name"] for r in _rows("areas.csv")}
STREET = {r["code"]: r["name"] for r in _rows("streets.csv")}


def region(code):
    """Expected region for a division code (municipal districts have no prefecture)."""
    p = PROV[code[:2]]
    c = CITY.get(code[:4]) if len(code) >= 4 else None
    if c in ("市辖区", "县"):
        c = None
    a = AREA.get(code[:6]) if len(code) >= 6 else None
    return {"province": p, "city": c, "county": a, "code": code}


def name_of(code):
    return {2: PROV, 4: CITY, 6: AREA, 9: STREET}[len(code)][code]

# ---------------------------------------------------------------- table labels

APP_COLS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
OUTCOMES_2019 = [
    ("granted", "（一）予以公开", None),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("denied_state_secret", "1.属于国家秘密", "（三）不予公开"),
    ("denied_law", "2.其他法律行政法规禁止公开", None),
    ("denied_security_stability", "3.危及“三安全一稳定”", None),
    ("denied_third_party", "4.保护第三方合法权益", None),
    ("denied_internal", "5.属于三类内部事务信息", None),
    ("denied_process", "6.属于四类过程性信息", None),
    ("denied_enforcement_file", "7.属于行政执法案卷", None),
    ("denied_query", "8.属于行政查询事项", None),
    ("unable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("unable_needs_creation", "2.没有现成信息需要另行制作", None),
    ("unable_unclear", "3.补正后申请内容仍不明确", None),
    ("rejected_petition", "1.信访举报投诉类申请", "（五）不予处理"),
    ("rejected_duplicate", "2.重复申请", None),
    ("rejected_publication", "3.要求提供公开出版物", None),
    ("rejected_excessive", "4.无正当理由大量反复申请", None),
    ("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息", None),
]
OTHER_2019 = [("other", "（六）其他处理", None)]
OTHER_2021 = [
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None),
    ("other_misc", "3.其他", None),
]
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]
REVIEW_GROUPS = ["review", "litigation_direct", "litigation_after_review"]

# ---------------------------------------------------------------- figures


def make_applications(rng, scale, split_other):
    """A balanced applications table: dict row -> list of 7 ints."""
    outcomes = [k for k, _, _ in OUTCOMES_2019] + ([k for k, _, _ in OTHER_2021] if split_other else ["other"])
    weights = {"natural_person": 20, "commercial": 4, "research": 1, "social_org": 1, "legal_service": 2, "other_org": 1}
    rows = {k: [0] * 7 for k in ["new", "carried_over"] + outcomes + ["total", "carried_forward"]}
    for ci, col in enumerate(APP_COLS[:6]):
        new = rng.randint(0, scale * weights[col] // 10)
        carried = rng.randint(0, max(1, new // 8)) if new else 0
        pool = new + carried
        forward = rng.randint(0, pool // 10) if pool > 5 else 0
        handled = pool - forward
        rows["new"][ci], rows["carried_over"][ci], rows["carried_forward"][ci], rows["total"][ci] = new, carried, forward, handled
        left = handled
        for k in outcomes[:-1]:
            take = rng.randint(0, left // 2) if left and k in ("granted", "partial", "unable_not_held") else (1 if left and rng.random() < 0.2 else 0)
            take = min(take, left)
            rows[k][ci] = take
            left -= take
        rows[outcomes[-1]][ci] += left
    for r in rows.values():
        r[6] = sum(r[:6])
    return rows


def make_reviews(rng, scale):
    out = {}
    for g in REVIEW_GROUPS:
        v = [rng.randint(0, max(0, scale // 40)) for _ in range(4)]
        out[g] = v + [sum(v)]
    return out


def make_active(rng, template, scale):
    if template == "2021":
        return {
            "regulations": {"issued": rng.randint(0, 2), "repealed": rng.randint(0, 1), "in_force": rng.randint(2, 12)},
            "normative_docs": {"issued": rng.randint(1, 9), "repealed": rng.randint(0, 4), "in_force": rng.randint(10, 80)},
            "licensing": {"decisions": rng.randint(100, 200 * scale)},
            "penalties": {"decisions": rng.randint(0, 20 * scale)},
            "enforcement": {"decisions": rng.randint(0, 3 * scale)},
            "fees": {"amount": round(rng.uniform(0, 50 * scale), 2)},
        }
    t = lambda: rng.randint(0, 30)  # noqa: E731
    return {
        "regulations": {"new_made": 0, "new_published": 0, "total": rng.randint(0, 3)},
        "normative_docs": {"new_made": (n := rng.randint(0, 9)), "new_published": n, "total": n + rng.randint(0, 30)},
        "licensing": {"prev_items": t(), "change": rng.randint(-3, 3), "decisions": rng.randint(10, 50 * scale)},
        "other_services": {"prev_items": t(), "change": 0, "decisions": rng.randint(0, 20 * scale)},
        "penalties": {"prev_items": t(), "change": rng.randint(-2, 2), "decisions": rng.randint(0, 5 * scale)},
        "enforcement": {"prev_items": t(), "change": 0, "decisions": rng.randint(0, scale)},
        "fees": {"prev_items": rng.randint(0, 5), "change": 0},
        "procurement": {"items": rng.randint(0, 40), "amount": round(rng.uniform(0, 800), 4)},
    }

# ---------------------------------------------------------------- checks (the truth the parser must reach)


def checks(figs, year, published):
    out = []
    app = figs.get("applications")
    if app:
        def col_ok(c, f):
            vals = f(c)
            return None if vals is None else vals

        def bal(c):
            t = [app[r][c] for r in ("new", "carried_over", "total", "carried_forward")]
            return None if None in t else t[0] + t[1] == t[2] + t[3]

        def outs(c):
            rows = [r for r in app if r not in ("new", "carried_over", "total", "carried_forward")]
            t = [app[r][c] for r in rows] + [app["total"][c]]
            return None if None in t else sum(t[:-1]) == t[-1]

        def coltot(r):
            t = list(app[r])
            return None if None in t else sum(t[:6]) == t[6]

        for cid, res in (
            ("applications.balance", [bal(c) for c in range(7)]),
            ("applications.outcomes_sum", [outs(c) for c in range(7)]),
            ("applications.column_total", [coltot(r) for r in app]),
        ):
            res = [x for x in res if x is not None]
            if res:
                out.append({"id": cid, "ok": all(res)})
    rev = figs.get("reviews")
    if rev:
        res = []
        for g in REVIEW_GROUPS:
            t = list(rev[g])
            if None not in t:
                res.append(sum(t[:4]) == t[4])
        if res:
            out.append({"id": "reviews.totals", "ok": all(res)})
    if year and published:
        out.append({"id": "report.published_after_year", "ok": published > f"{year}-12-31"})
    return out

# ---------------------------------------------------------------- abstract tables -> layouts


def fmt(v):
    return "" if v is None else str(v)


def active_rows(template, act, q):
    """Rows (lists of cells) of the active table, header rows included."""
    rows = []
    if template == "2021":
        rows.append(["第二十条第（一）项"])
        rows.append(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        for k, label in (("regulations", "规章"), ("normative_docs", "行政规范性文件")):
            rows.append([label] + [q.get((k, c), fmt(act[k][c])) for c in ("issued", "repealed", "in_force")])
        for item, k, label in (("（五）", "licensing", "行政许可"), ("（六）", "penalties", "行政处罚")):
            rows.append([f"第二十条第{item}项"])
            rows.append(["信息内容", "本年处理决定数量"])
            rows.append([label, q.get((k, "decisions"), fmt(act[k]["decisions"]))])
            if k == "penalties":
                rows.append(["行政强制", q.get(("enforcement", "decisions"), fmt(act["enforcement"]["decisions"]))])
        rows.append(["第二十条第（八）项"])
        rows.append(["信息内容", "本年收费金额（单位：万元）"])
        rows.append(["行政事业性收费", q.get(("fees", "amount"), fmt(act["fees"]["amount"]))])
        return rows
    item = q.get("item_typo", "第二十条")
    rows.append([f"{item}第（一）项"])
    rows.append(["信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"])
    for k, label in (("regulations", "规章"), ("normative_docs", q.get("normative_label", "规范性文件"))):
        rows.append([label] + [q.get((k, c), fmt(act[k][c])) for c in ("new_made", "new_published", "total")])
    for item_no, pairs in (("（五）", [("licensing", "行政许可"), ("other_services", q.get("other_services_label", "其他对外管理服务事项"))]),
                           ("（六）", [("penalties", "行政处罚"), ("enforcement", "行政强制")])):
        rows.append([f"第二十条第{item_no}项"])
        rows.append(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"])
        for k, label in pairs:
            rows.append([label] + [q.get((k, c), fmt(act[k][c])) for c in ("prev_items", "change", "decisions")])
    rows.append(["第二十条第（八）项"])
    rows.append(["信息内容", "上一年项目数量", "本年增/减"])
    rows.append(["行政事业性收费"] + [q.get(("fees", c), fmt(act["fees"][c])) for c in ("prev_items", "change")])
    rows.append(["第二十条第（九）项"])
    rows.append(["信息内容", "采购项目数量", "采购总金额"])
    rows.append(["政府集中采购", q.get(("procurement", "items"), fmt(act["procurement"]["items"])),
                 q.get(("procurement", "amount"), fmt(act["procurement"]["amount"]) + "万元")])
    return rows


def app_rows(app, split_other, q):
    """Rows of the applications table: (leading group cells, label, values) triples, headers as lists."""
    head = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", q.get("natural", "自然人"), q.get("legal_person", "法人或其他组织"), "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", q.get("other_word", "其他"), ""],
    ]
    body = [("", q.get("new_label", "一、本年新收政府信息公开申请数量"), "new"),
            ("", "二、上年结转政府信息公开申请数量", "carried_over")]
    outcomes = OUTCOMES_2019 + (OTHER_2021 if split_other else OTHER_2019)
    for i, (k, label, group) in enumerate(outcomes):
        lead = q.get("vertical_lead", "三、本年度办理结果") if i == 0 else ""
        lab = q.get(("label", k), label)
        body.append(((lead + "|" + group) if group else lead, lab, k))
    body.append(("", "（七）总计", "total"))
    body.append(("", "四、结转下年度继续办理", "carried_forward"))
    out = []
    for lead, label, k in body:
        vals = q.get(("cells", k)) or [fmt(v) for v in app[k]]
        out.append((lead, label, vals))
    return head, out


def review_rows(rev, q):
    head = [["行政复议", "行政诉讼"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
            ["", "", "", "", ""] + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
    vals = q.get(("cells", "reviews")) or [fmt(rev[g][i]) for g in REVIEW_GROUPS for i in range(5)]
    return head, vals


def splits(tokens, n, valid):
    """Every cut of the digit strings into n integers (no leading zeros) that `valid` accepts."""
    out = []

    def cuts(s, k):
        if k == 1:
            return [[int(s)]] if s == "0" or not s.startswith("0") else []
        res = []
        for i in range(1, len(s) - k + 2):
            head = s[:i]
            if head != "0" and head.startswith("0"):
                continue
            for rest in cuts(s[i:], k - 1):
                res.append([int(head)] + rest)
        return res

    def walk(i, acc):
        if i == len(tokens):
            if len(acc) == n and valid(acc):
                out.append(acc)
            return
        left = n - len(acc) - (len(tokens) - i - 1)
        for k in range(1, min(left, len(tokens[i])) + 1):
            for piece in cuts(tokens[i], k):
                walk(i + 1, acc + piece)
    walk(0, [])
    return out


def run_together(app, key, how):
    """Cells of row `key` as a crawler runs them together; and whether a careful reader can split them
    (the row total first, then the table's column equations)."""
    vals = app[key]
    if how == "join":
        tokens = ["".join(str(v) for v in vals)]
    else:
        tokens = [str(vals[0]) + str(vals[1])] + [str(v) for v in vals[2:]]
    opts = splits(tokens, 7, lambda v: sum(v[:6]) == v[6])
    if len(opts) > 1:
        def fits(opt):
            for c in range(7):
                new = opt[c] if key == "new" else app["new"][c]
                co = opt[c] if key == "carried_over" else app["carried_over"][c]
                if new + co != app["total"][c] + app["carried_forward"][c]:
                    return False
            return True
        opts = [o for o in opts if fits(o)]
    return tokens, len(opts) == 1 and opts[0] == vals


def tabbed_table(rows):
    out = []
    for r in rows:
        for c in r:
            out.append("\t" + c)
        out.append("")
    return "\n".join(out) + "\n"


def tabbed_app(head, body, q):
    rows = [list(h) for h in head]
    text = tabbed_table(rows[:1] + rows[1:])
    for i, (lead, label, vals) in enumerate(body):
        if q.get("repeat_header_at") == i:
            text += "- 5 -\n\n" + tabbed_table(rows)
        cells = [c for c in lead.split("|")] if lead else [""]
        if q.get("vertical") and i == 2:
            # the row header set vertically, one character per line, before the first cell
            word = cells[0]
            text += "\n".join([word[:3]] + list(word[3:])) + "\n"
            cells = cells[1:]
        text += tabbed_table([cells + [label] + list(vals)])
        if q.get("extra_row_after") == body[i][2]:
            text += tabbed_table([["", q["extra_row_label"]] + q["extra_row_vals"]])
    return text


def spaced_line(label, vals, width=46, indent=0):
    pad = " " * indent
    lab = pad + label
    w = sum(2 if ord(ch) > 0x2E7F else 1 for ch in lab)
    nums = "".join(f"  {v:>7}" for v in vals)
    return lab + " " * max(2, width - w) + nums


def spaced_app(head, body, q):
    lines = ["                                                  申请人情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，          法人或其他组织",
             "等于第三项加第四项之和）                自然人                                       总计",
             "                                          商业企   科研机   社会公益  法律服务   其他",
             "                                          业       构       组织      机构"]
    vertical = list("三、本年度办理结果")
    vi = 0
    for i, (lead, label, vals) in enumerate(body):
        if q.get("page_at") == i:
            lines.append("                                           -4-")
            lines.append("\f")
        prefix = ""
        if 2 <= i < 2 + len(vertical):
            prefix = vertical[vi]
            vi += 1
        if len(label) > 16:
            cut = 14
            lines.append("      " + label[:cut])
            lines.append(spaced_line(prefix, vals) if prefix else spaced_line("", vals))
            lines.append("      " + label[cut:])
        else:
            lines.append(spaced_line((prefix + "      " if prefix else "      ") + label, vals))
    return "\n".join(lines) + "\n"


def spaced_active(rows):
    out = []
    for r in rows:
        if len(r) == 1:
            out.append(r[0].replace("第二十条第", "第二十条 第"))
        elif r[0] == "信息内容":
            out.append("信息内容          " + "     ".join(c.replace("\n", "") for c in r[1:]))
        else:
            out.append(spaced_line(r[0], r[1:], width=22))
    return "\n".join(out) + "\n"


def spaced_reviews(vals):
    return ("行政复议                          行政诉讼\n"
            "                              未经复议直接起诉                复议后起诉\n"
            "结果   结果    其他结    尚未\n"
            "                        总计\n"
            "维持   纠正    果      审结\n"
            + "   ".join(vals) + "\n")


def html_table(rows, spans=None):
    out = ["<table border=\"1\">"]
    for i, r in enumerate(rows):
        tds = []
        for j, c in enumerate(r):
            attr = (spans or {}).get((i, j), "")
            tds.append(f"<td{attr}>{c.replace(chr(10), '<br>')}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)

# ---------------------------------------------------------------- documents


LOREM = [
    "本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开，及时准确发布政府信息。",
    "通过政府门户网站、政务新媒体和公开栏等渠道，主动公开机构职能、政策文件、财政预决算等信息。",
    "严格执行依申请公开办理流程，做到依法依规、按时答复，未发生因答复不及时引发的争议。",
    "加强保密审查和信息发布审核，建立健全政府信息公开属性源头认定机制。",
]


def body_sections(agency, year, template, kinds_titles, tables_text):
    parts = []
    for num, title, kind in kinds_titles:
        head = f"{num}{title}" if num else title
        parts.append(head)
        if kind in tables_text:
            parts.append(tables_text[kind])
        elif kind == "overview":
            parts.append(f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，" + LOREM[0])
            parts.append("（一）主动公开情况")
            parts.append(LOREM[1])
            parts.append("（二）依申请公开情况")
            parts.append(LOREM[2])
        elif kind == "problems":
            parts.append("一是公开内容的深度还需加强；二是政策解读形式较为单一。")
            parts.append("下一步，将加强业务培训，丰富解读形式，提升公开质量。")
        elif kind == "other_matters":
            parts.append("无。")
        else:
            parts.append(LOREM[3])
    return "\n".join(parts)




def write(name, data):
    path = os.path.join(OUT, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": "\n"})) as f:
        f.write(data)


def docx_bytes(text):
    """A real .docx from the tabbed layout: paragraphs and w:tbl tables."""
    def para(t):
        t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>"
    body, rows, row, cell = [], [], None, None
    lines = text.split("\n")

    def close_table():
        nonlocal rows
        if rows:
            xml = "<w:tbl>" + "".join("<w:tr>" + "".join("<w:tc>" + ("".join(para(x) for x in c) or "<w:p/>") + "</w:tc>" for c in r) + "</w:tr>" for r in rows) + "</w:tbl>"
            body.append(xml)
            rows = []
    for line in lines:
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
    doc = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
           + "".join(body) + "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", (2024, 1, 1, 0, 0, 0)),
                   "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
        z.writestr(zipfile.ZipInfo("word/document.xml", (2024, 1, 1, 0, 0, 0)), doc)
    return buf.getvalue()

# ---------------------------------------------------------------- one report


def build(spec):
    rng = random.Random(spec["seed"])
    tpl = spec["template"]
    q = spec.get("q", {})
    split_other = tpl == "2021" and not spec.get("single_other")
    legacy = tpl == "legacy"
    figs = {}
    if not legacy:
        figs["active"] = make_active(rng, tpl, spec.get("scale", 10))
        app = make_applications(rng, spec.get("scale", 10), split_other)
        rev = make_reviews(rng, spec.get("scale", 10))
        for (t, row, col), v in spec.get("breaks", {}).items():
            (app if t == "applications" else rev)[row][col] = v
        figs["applications"] = app
        figs["reviews"] = rev
        for key, how in spec.get("runs", {}).items():
            q[("cells", key)], known = run_together(app, key, how)
            if not known:
                spec.setdefault("expect", {}).update({("applications", key, c): None for c in APP_COLS})
    # expected figures in SCHEMA form
    exp = {"active": None, "applications": None, "reviews": None}
    if not legacy:
        exp["active"] = json.loads(json.dumps(figs["active"]))
        exp["applications"] = {k: dict(zip(APP_COLS, v)) for k, v in figs["applications"].items()}
        exp["reviews"] = {g: dict(zip(REVIEW_COLS, v)) for g, v in figs["reviews"].items()}
        for (t, row, col), v in spec.get("expect", {}).items():
            exp[t][row][col] = v
    # the text of the tables in the chosen layout
    layout = spec["layout"]
    tables = {}
    if not legacy:
        act_rows = active_rows(tpl, figs["active"], q)
        head, body = app_rows(figs["applications"], split_other, q)
        rhead, rvals = review_rows(figs["reviews"], q)
        if layout == "spaced":
            tables["active"] = spaced_active(act_rows)
            tables["applications"] = spaced_app(head, body, q)
            tables["reviews"] = spaced_reviews(rvals)
        elif layout == "html":
            tables["active"] = html_table(act_rows)
            app_table = [h for h in head] + [([lead.split("|")[-1]] if lead else []) + [label] + list(vals) for lead, label, vals in body]
            tables["applications"] = html_table(app_table, {(0, 1): " colspan=\"7\"", (1, 2): " colspan=\"5\""})
            tables["reviews"] = html_table(rhead + [rvals], {(0, 0): " colspan=\"5\"", (0, 1): " colspan=\"10\""})
        else:
            tables["active"] = "\n" + tabbed_table(act_rows)
            tables["applications"] = "\n" + tabbed_app(head, body, q)
            tables["reviews"] = "\n" + tabbed_table(rhead + [rvals])
    code = spec["code"]
    agency_full = spec["full"]
    year = spec["year"]
    titles = spec["sections"]
    contact = spec.get("contact", {})
    pre = [f"本报告由{agency_full}根据《中华人民共和国政府信息公开条例》编制，"
           f"所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    if contact:
        bits = []
        for key, word in (("address", "地址"), ("postcode", "邮编"), ("phone_raw", "电话"), ("email", "电子邮箱")):
            if contact.get(key):
                bits.append(f"{word}：{contact[key]}")
        line = "如对本报告有疑问，请与本机关联系（" + "；".join(bits) + "）。"
        if contact.get("website"):
            line += f"本报告电子版可在本机关网站下载（网址：{contact['website']}）。"
        pre.append(line)
    text_parts = spec["title_lines"] + pre
    text_parts.append(body_sections(spec.get("body_name", agency_full), year, tpl, titles, tables))
    if spec.get("published"):
        y, m, d = spec["published"].split("-")
        text_parts += ["", agency_full, f"{int(y)}年{int(m)}月{int(d)}日"]
    text = "\n".join(text_parts) + "\n"
    if spec.get("pdf_style"):
        text = text.replace("\n\n\n", "\n\n")
    # expected record
    reg = region(spec.get("region_code", code))
    expected = {
        "source": spec["name"] + "." + spec["ext"],
        "title": "".join(spec["title_lines"]).strip(),
        "agency": spec["agency"],
        "agency_type": spec["type"],
        "level": spec["level"],
        "region": reg,
        "year": year,
        "template": tpl,
        "published": spec.get("published"),
        "contact": {
            "address": contact.get("address"),
            "postcode": contact.get("postcode"),
            "phone": contact.get("phone"),
            "email": contact.get("email"),
            "website": contact.get("website"),
        },
        "section_kinds": [k for _, _, k in titles],
        "figures": exp,
        "checks": checks({k: ({r: [v[c] for c in APP_COLS] for r, v in exp[k].items()} if k == "applications" else
                              {g: [v[c] for c in REVIEW_COLS] for g, v in exp[k].items()} if k == "reviews" else exp[k])
                          for k in exp if exp[k] is not None}, year, spec.get("published")),
    }
    if "title_expect" in spec:
        expected["title"] = spec["title_expect"]
    return text, expected


def encode(text, spec):
    if spec["ext"] == "docx":
        return docx_bytes(text)
    if spec["layout"] == "html":
        return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府信息公开</title></head><body>\n"
                + "\n".join(line if line.startswith("<table") or line.startswith("<tr") or line.startswith("</table") else f"<p>{line}</p>"
                            for line in text.split("\n") if line.strip())
                + "\n</body></html>\n").encode("utf-8")
    enc = spec.get("encoding", "utf-8")
    if enc == "gb18030":
        return text.encode("gb18030")
    if enc == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode("utf-8")


def main():
    from samples_spec import SPECS  # noqa: E402  (the report descriptions)
    os.makedirs(os.path.join(OUT, "expected"), exist_ok=True)
    for spec in SPECS:
        text, expected = build(spec)
        write(spec["name"] + "." + spec["ext"], encode(text, spec))
        write(os.path.join("expected", spec["name"] + ".json"), json.dumps(expected, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {len(SPECS)} reports to {OUT}")


if __name__ == "__main__":
    import sys
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
