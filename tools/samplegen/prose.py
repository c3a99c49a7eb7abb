"""The report as a list of blocks, independent of the layout: (kind, payload) with kind one of title (lines),
para, subheading, heading, contact (lines), table (the table's key) and signature ((signer, date)).

Two house styles of prose, chosen by a case's "prose":
  - "full" (the numbered set, the bulk mode): a preamble, 总体情况 in five sub-sections, problems and plans,
    signature as the case gives it; sentences picked by the seed (every sentence of each sub-section when
    long_overview), figures quoted from the tables;
  - "short" (the s-set): a two-sentence preamble with the contact, brief boilerplate sections, and the
    agency and date as signature when the report is dated.
Also the section headings' variants shared by the cases, and contact() to describe an agency's contact.
"""

import random

from . import schema

# ---------------------------------------------------------------- headings: (printed heading, section kind)

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
TABLE_KINDS = set(schema.TABLE_KEYS)


def contact(address, postcode, phone_raw, phone, email=None, website=None):
    """An agency's contact: as printed (phone_raw) and as a reader writes it down (phone)."""
    return {"address": address, "postcode": postcode, "phone_raw": phone_raw, "phone": phone, "email": email,
            "website": website}


def document(spec, figs):
    """The blocks of a case's report in its house style."""
    return short_document(spec) if spec.get("prose") == "short" else full_document(spec, figs)


# ---------------------------------------------------------------- the full style

SELF = {"town": "我镇", "township": "我乡", "subdistrict": "本街道", "prefecture": "我市", "province": "自治区人民政府",
        "other": "管委会"}


def self_word(spec):
    """How the agency calls itself (我镇, 我县, 我局, 我州, 省人民政府 …)."""
    t, agency = spec["agency_type"], spec["agency"]
    if t == "county":
        return "我" + agency[-1]
    if t == "department":
        return "我委" if agency.endswith("委员会") else "我局"
    if t == "province" and not agency.endswith("自治区"):
        return agency[-1] + "人民政府"
    if t == "prefecture" and agency[-1] in "州盟":
        return "我" + agency[-1]
    return SELF[t]


def superior(spec):
    """The leadership the agency works under."""
    t = spec["agency_type"]
    if t == "province":
        return "党中央、国务院"
    if t == "prefecture":
        return "省委、省政府"
    up = spec.get("superior_kind", "县")
    return {"县": "县委、县政府", "区": "区委、区政府", "市": "市委、市政府"}[up]


def ctx_for(spec, figs, rng):
    """The words and numbers the sentences quote."""
    s = spec["scale"]
    app = figs["applications"] if figs else None
    n_pub = rng.randint(s * 8 + 60, s * 15 + 200)
    total = schema.SUM_COLUMN
    return {
        "self": self_word(spec), "superior": superior(spec), "year": spec["year"], "next": spec["year"] + 1,
        "n_pub": n_pub, "n_key": n_pub // 3 + rng.randint(0, 20), "n_doc": rng.randint(3, 40), "n_news": n_pub // 2,
        "new_total": app[schema.NEW][total] if app else None,
        "co_total": app[schema.CARRIED_IN][total] if app else None,
        "cf_total": app[schema.CARRIED_FORWARD][total] if app else None,
        "topic": spec.get("topic", "征地补偿、低保救助、项目审批"),
        "new_col": rng.randint(2, 6), "staff": rng.randint(1, 3), "train": rng.randint(2, 6),
        "office": "办公室",
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


def full_document(spec, figs):
    """The report in the full style (see the module docstring)."""
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
    pre = None
    if spec["template"] != "legacy":
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
                first = (spec["seed"] + i) % len(pool)
                for k in range(len(pool) if spec.get("long_overview") else 1):
                    doc.append(("para", pool[(first + k) % len(pool)].format(**c)))
        elif kind in TABLE_KINDS:
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


# ---------------------------------------------------------------- the short style

LOREM = [
    "本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开，及时准确发布政府信息。",
    "通过政府门户网站、政务新媒体和公开栏等渠道，主动公开机构职能、政策文件、财政预决算等信息。",
    "严格执行依申请公开办理流程，做到依法依规、按时答复，未发生因答复不及时引发的争议。",
    "加强保密审查和信息发布审核，建立健全政府信息公开属性源头认定机制。",
]


def short_document(spec):
    """The report in the short style (see the module docstring)."""
    agency_full, year = spec["agency_full"], spec["year"]
    doc = [("title", spec["title_lines"]),
           ("para", f"本报告由{agency_full}根据《中华人民共和国政府信息公开条例》编制，"
                    f"所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。")]
    contact = spec.get("contact", {})
    if contact:
        bits = [f"{word}：{contact[key]}" for key, word in
                (("address", "地址"), ("postcode", "邮编"), ("phone_raw", "电话"), ("email", "电子邮箱")) if contact.get(key)]
        line = "如对本报告有疑问，请与本机关联系（" + "；".join(bits) + "）。"
        if contact.get("website"):
            line += f"本报告电子版可在本机关网站下载（网址：{contact['website']}）。"
        doc.append(("para", line))
    body_name = spec.get("body_name", agency_full)
    for heading, kind in spec["headings"]:
        doc.append(("heading", heading))
        if kind in TABLE_KINDS and spec["template"] != "legacy":
            doc.append(("table", kind))
        elif kind == "overview":
            doc += [("para", f"{year}年，{body_name}认真贯彻落实《中华人民共和国政府信息公开条例》，" + LOREM[0]),
                    ("subheading", "（一）主动公开情况"), ("para", LOREM[1]),
                    ("subheading", "（二）依申请公开情况"), ("para", LOREM[2])]
        elif kind == "problems":
            doc += [("para", "一是公开内容的深度还需加强；二是政策解读形式较为单一。"),
                    ("para", "下一步，将加强业务培训，丰富解读形式，提升公开质量。")]
        elif kind == "other_matters":
            doc.append(("para", "无。"))
        else:
            doc.append(("para", LOREM[3]))
    if spec.get("published"):
        y, m, d = spec["published"].split("-")
        doc.append(("signature", (agency_full, f"{int(y)}年{int(m)}月{int(d)}日")))
    return doc

