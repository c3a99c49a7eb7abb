"""Many varied reports for benchmarks (no expected records): `gen_samples.py --bulk N --out DIR [--seed S]`.

Agencies are drawn over the whole gazetteer: townships (镇, 乡, 街道), counties (县, 区, 县级市, 旗 …),
prefectures, provinces, departments of counties and prefectures, and development zones. Years run from 2019
to 2024, each with the template of its year (2019 and 2020 the 2019 one, later years the 2021 one). About a
third of the agencies report over several consecutive years (up to all six), with the same name, contact and
mostly the same layout, and this year's 上年结转 equal to last year's 结转下年度, so cross-year series exist.
Layouts are mixed: tabbed text, pdftotext -layout text, HTML pages, .docx, a crawler's run-together one-line
text and Markdown; text files are mostly UTF-8, some GB18030. Figures come from the weighted model, the
prose from the full style (a longer 总体情况 for half the agencies above townships), so the files run from
about 3.5 KB to 12 KB.

Files go to DIR/0000/, DIR/0001/ … (at most 1000 files in each), named bNNNNNN-CODE-YEAR.EXT. The output is
the same for the same N and seed, whatever the number of worker processes (--jobs): every case is drawn
first, in order, and an agency's years are rendered in one batch, in order.
"""

import multiprocessing
import os
import random
import time

from . import gazetteer, schema
from .prose import ARABIC_VARIANTS, BARE, STD, STRAY_SPACES, contact
from .render import file_bytes, prepare

PER_FOLDER = 1000
YEARS = tuple(range(2019, 2025))

# how often each kind of agency and each layout is drawn
KINDS = (("town", 30), ("township", 9), ("subdistrict", 14), ("county", 20), ("department_county", 10),
         ("department_prefecture", 6), ("prefecture", 6), ("province", 2), ("zone", 3))
LAYOUTS = (("tabbed", 30), ("pdf", 24), ("html", 20), ("docx", 10), ("crawler", 8), ("markdown", 8))
EXT = {"tabbed": "txt", "pdf": "txt", "html": "html", "docx": "docx", "crawler": "txt", "markdown": "md"}
SERIES = ((1, 66), (2, 10), (3, 8), (4, 7), (5, 5), (6, 4))  # how many consecutive years an agency reports

DEPARTMENTS = ("教育局", "财政局", "民政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
               "交通运输局", "农业农村局", "水利局", "商务局", "文化和旅游局", "卫生健康委员会", "市场监督管理局",
               "应急管理局", "发展和改革委员会", "统计局", "医疗保障局")
TOPICS = ("征地补偿、低保救助、项目审批", "房屋征收、规划许可", "学校招生、教师招聘、学生资助", "社会保险、劳动关系",
          "道路运输许可、交通工程建设", "环境影响评价、排污许可", "市场主体登记、食品安全抽检", "财政预决算、专项资金使用")
ROADS = ("人民路", "中山路", "解放路", "建设路", "政府路", "新华路", "府前街", "胜利路", "文化路", "朝阳路")
# scale (applications handled a year) by kind of agency
SCALES = {"town": (2, 40), "township": (1, 20), "subdistrict": (3, 60), "county": (30, 400),
          "department_county": (3, 60), "department_prefecture": (10, 150), "prefecture": (150, 1500),
          "province": (400, 2500), "zone": (2, 40)}


def pick(rng, weighted):
    """One of the (value, weight) pairs' values, drawn by weight."""
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def pools():
    """The gazetteer's divisions by kind of agency (codes in the gazetteer's order)."""
    towns, townships, subdistricts = [], [], []
    for code, name in gazetteer.STREETS.items():
        if code[:6] not in gazetteer.AREAS:
            continue
        if name.endswith("街道"):
            subdistricts.append(code)
        elif name.endswith("镇"):
            towns.append(code)
        elif name.endswith("乡"):
            townships.append(code)
    counties = [c for c, n in gazetteer.AREAS.items() if n[-1] in "县区市旗" and c[:4] in gazetteer.CITIES]
    prefectures = [c for c, n in gazetteer.CITIES.items() if n not in gazetteer.MUNICIPAL]
    provinces = list(gazetteer.PROVINCES)
    return {"town": towns, "township": townships, "subdistrict": subdistricts, "county": counties,
            "department_county": counties, "department_prefecture": prefectures, "prefecture": prefectures,
            "province": provinces, "zone": [c for c in counties if gazetteer.AREAS[c][-1] in "县市"]}


def county_full(code):
    """A county's name as its government writes it: districts with their city (苏州市吴中区)."""
    name = gazetteer.AREAS[code]
    if name.endswith("区"):
        city = gazetteer.CITIES[code[:4]]
        return (gazetteer.PROVINCES[code[:2]] if city in gazetteer.MUNICIPAL else city) + name
    return name


def superior_kind(code):
    """The kind of government above a township (县, 区 or 市)."""
    last = gazetteer.AREAS[code[:6]][-1]
    return last if last in "县区市" else "县"


def agency(rng, kind, code):
    """The fixed facts of an agency: a dict of the case keys that stay the same from year to year."""
    a = {"code": code, "superior_kind": "市"}
    if kind in ("town", "township", "subdistrict"):
        name = gazetteer.STREETS[code]
        county = county_full(code[:6])
        suffix = "办事处" if kind == "subdistrict" else "人民政府"
        a.update(agency=name, agency_full=county + name + suffix, agency_type=kind, level="township",
                 superior_kind=superior_kind(code), place=county + name)
    elif kind == "county":
        full = county_full(code)
        a.update(agency=gazetteer.AREAS[code], agency_full=full + "人民政府", agency_type="county", level="county",
                 place=full)
    elif kind == "prefecture":
        name = gazetteer.CITIES[code]
        office = "行政公署" if name[-1] in "盟" or name.endswith("地区") else "人民政府"
        a.update(agency=name, agency_full=name + office, agency_type="prefecture", level="prefecture", place=name)
    elif kind == "province":
        name = gazetteer.PROVINCES[code]
        a.update(agency=name, agency_full=name + "人民政府", agency_type="province", level="province", place=name)
    elif kind == "zone":
        stem = gazetteer.AREAS[code][:-1] if len(gazetteer.AREAS[code]) > 2 else gazetteer.AREAS[code]
        name = stem + rng.choice(("经济开发区", "经济技术开发区", "高新技术产业开发区", "工业园区")) + "管理委员会"
        a.update(agency=name, agency_full=name, agency_type="other", level="county", place=gazetteer.AREAS[code])
    else:
        level = "county" if kind == "department_county" else "prefecture"
        place = county_full(code) if level == "county" else gazetteer.CITIES[code]
        name = place + rng.choice(DEPARTMENTS)
        a.update(agency=name, agency_full=name, agency_type="department", level=level, place=place)
    area = gazetteer.phone_code(code) or "0" + str(rng.randint(300, 999))
    number = str(rng.randint(2000000, 8999999)) if len(area) == 4 else str(rng.randint(20000000, 89999999))
    raw = rng.choice(("{a}-{n}", "{a}-{n}", "{a}－{n}", "({a}){n}", "{a} {n}")).format(a=area, n=number)
    road = rng.choice(ROADS)
    a["contact"] = contact(f"{a['place']}{road}{rng.randint(1, 199)}号", str(rng.randint(100000, 859999)), raw,
                           f"{area}-{number}", f"gk{rng.randint(100, 999)}@example.cn" if rng.random() < 0.4 else None,
                           f"http://www.{code}.example.gov.cn" if rng.random() < 0.2 else None)
    a["contact_style"] = rng.choice(("inline", "inline", "lines"))
    a["layout"] = pick(rng, LAYOUTS)
    a["scale"] = rng.randint(*SCALES[kind])
    a["topic"] = rng.choice(TOPICS)
    return a


def report_spec(rng, i, a, year):
    """The case of one report of agency a on year."""
    tpl = schema.template_of_year(year)
    layout = a["layout"] if rng.random() < 0.85 else pick(rng, LAYOUTS)
    scale = max(1, round(a["scale"] * rng.uniform(0.7, 1.3)))
    spec = dict(a, name=f"b{i:06d}-{a['code']}-{year}", ext=EXT[layout], layout=layout, year=year, template=tpl,
                app_rows=tpl, seed=rng.randrange(1 << 30), scale=scale,
                reviews_scale=rng.randint(0, max(1, scale // 25)))
    if rng.random() < 0.2:
        spec["title_lines"] = [a["agency_full"], f"{year}年政府信息公开工作年度报告"]
    else:
        spec["title_lines"] = [f"{a['agency_full']}{year}年政府信息公开工作年度报告"]
    if layout == "pdf":
        spec["title_lines"] = [" " * rng.randint(4, 14) + t for t in spec["title_lines"]]
        spec.update(page_lines=rng.randint(40, 48), page_style=rng.choice(("-{n}-", "— {n} —", "- {n} -")))
    spec["headings"] = pick(rng, ((STD, 80), (ARABIC_VARIANTS, 10), (STRAY_SPACES, 5), (BARE, 5)))
    month, day = pick(rng, ((1, 85), (2, 10), (3, 5))), rng.randint(5, 28)
    if rng.random() < 0.05:
        spec["published"], spec["sign"] = None, None
    else:
        spec["published"] = f"{year + 1}-{month:02d}-{day:02d}"
        spec["sign"] = (a["agency_full"], f"{year + 1}年{month}月{day}日")
    spec["encoding"] = "gb18030" if spec["ext"] == "txt" and layout != "crawler" and rng.random() < 0.15 else "utf-8"
    spec["para_gap"] = rng.random() < 0.2
    spec["table_intro"] = rng.random() < 0.3
    spec["problem_subheadings"] = rng.random() < 0.3
    spec["thousands"] = scale > 300 and rng.random() < 0.5
    spec["long_overview"] = a["level"] != "township" and rng.random() < 0.5
    if rng.random() < 0.1:
        spec["other_word"] = "其它"
    if rng.random() < 0.3:
        spec["split_headers"] = {"本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量",
                                 "本年制发件数": "本年制发\n件数", "本年处理决定数量": "本年处理\n决定数量"}
    if layout == "crawler":
        posted = f"{year + 1}-{month:02d}-{day:02d} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00"
        spec["crawl"] = dict(posted=posted,
                             url=f"http://www.{a['code']}.example.gov.cn/xxgk/ndbg/{year + 1}/{i}.html",
                             crumb="当前位置：首页 > 政务公开 > 政府信息公开年报" if rng.random() < 0.5 else None)
    if layout == "html" and rng.random() < 0.4:
        spec["crumb"] = "当前位置：首页 > 信息公开 > 政府信息公开年报"
    if layout == "docx":
        spec["compress"] = True
    return spec


def plan(n, rng):
    """The reports to write, in order: (agency, year), an agency's years consecutive."""
    by_kind = pools()
    out, used, tries = [], set(), 0
    while len(out) < n:
        kind = pick(rng, KINDS)
        a = agency(rng, kind, rng.choice(by_kind[kind]))
        if a["agency_full"] in used and tries < 50:
            tries += 1  # an agency already drawn: draw another (unless the gazetteer runs out)
            continue
        used.add(a["agency_full"])
        tries = 0
        a["serial"] = len(used)
        years = pick(rng, SERIES)
        start = rng.randint(YEARS[0], YEARS[-1] - years + 1)
        out += [(a, y) for y in range(start, start + years)]
    return out[:n]


def batches(specs, size):
    """The cases in batches of about `size`, an agency's consecutive reports never split."""
    out, cur = [], []
    for i, spec in enumerate(specs):
        if len(cur) >= size and spec["serial"] != specs[i - 1]["serial"]:
            out.append(cur)
            cur = []
        cur.append((i, spec))
    if cur:
        out.append(cur)
    return out


def write_batch(job):
    """Writes one batch of reports ((out_dir, [(index, case)])); returns the bytes written. A report that
    follows its agency's report of the year before takes that report's 结转下年度 as its 上年结转."""
    out_dir, batch = job
    total = 0
    prev = None  # (agency serial, year, applications) of the report before
    for i, spec in batch:
        carried_in = None
        if prev and prev[0] == spec["serial"] and prev[1] == spec["year"] - 1:
            forward = prev[2][schema.CARRIED_FORWARD]
            carried_in = {c: forward[c] for c in schema.summed_columns("applications")}
        figs, cells, doc = prepare(spec, carried_in)
        prev = (spec["serial"], spec["year"], figs["applications"])
        folder = os.path.join(out_dir, f"{i // PER_FOLDER:04d}")
        os.makedirs(folder, exist_ok=True)
        data = file_bytes(spec, doc, cells)
        with open(os.path.join(folder, f"{spec['name']}.{spec['ext']}"), "wb") as f:
            f.write(data)
        total += len(data)
    return total


def write(n, out_dir, seed, jobs=None):
    """Writes n reports into out_dir with `jobs` processes (default: one per CPU) and prints one line:
    files, bytes, folders, seconds."""
    t0 = time.perf_counter()
    rng = random.Random(seed)
    specs = [report_spec(rng, i, a, year) for i, (a, year) in enumerate(plan(n, rng))]
    jobs = max(1, jobs or os.cpu_count() or 1)
    work = [(out_dir, b) for b in batches(specs, max(50, n // (jobs * 8)))]
    if jobs > 1 and len(work) > 1:
        with multiprocessing.Pool(jobs) as pool:
            total = sum(pool.imap_unordered(write_batch, work))
    else:
        total = sum(write_batch(w) for w in work)
    secs = time.perf_counter() - t0
    folders = (n + PER_FOLDER - 1) // PER_FOLDER
    print(f"wrote {n} reports ({total} bytes, {total / 1e6:.1f} MB) to {out_dir} in {folders} folders "
          f"in {secs:.1f} s ({jobs} processes)")
