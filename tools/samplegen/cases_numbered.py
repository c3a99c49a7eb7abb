"""The numbered sample reports (sample-reports/NN-*.{txt,html,md,pdf}), one description each.

Each case names a real place (crates/gongkai-core/data/gazetteer/; `names` is checked against it) and an
invented agency text, the year and template, the layout (tabbed text as crawled, `pdftotext -layout` text, an
HTML page, Markdown, a crawler's one-line file, or a PDF drawn with reportlab), the encoding, and the quirks
to put in; `covers` says what the report is for (it is the README's table). Figures come from the weighted
model (figures.py) and the prose from the full style (prose.py). The keys are described in render.py and the
modules that read them.
"""

from . import schema
from .figures import break_balance, break_column_total, break_outcomes_sum, break_reviews_totals
from .prose import ARABIC_VARIANTS, BARE, LEGACY, STD, STRAY_SPACES, contact

SPACED_LABELS = {
    schema.RESULTS_LABEL: "三 、本 年 度办 理 结果",
    "new": "一、本年新收政府信息 公开申请数量",
    "（三）不予公开": "（ 三 ）不予 公开",
    "rejected_duplicate": "2. 重复 申请",
}

# ======================================================================== the reports

CASES = [
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
         labels={schema.RESULTS_LABEL: "三、本\n年\n度\n办\n理\n结\n果"},
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
         cells={("active", "regulations", "new_made"): ("—", None),
                ("active", "regulations", "new_published"): ("-", None),
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
         covers="县级市 (type county); pdftotext -layout text, 2021 template: title on two lines, wrapped labels, "
                "vertical "
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
         runs={"new": (7,)},
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
         col_weights=dict(natural_person=70, commercial=25, research=0, social_org=0, legal_service=3, other_org=2),
         runs={"granted": (7,), "unable_not_held": (7,)}, ambiguous_runs=["granted", "unable_not_held"],
         topic="民宿经营审批、景区管理",
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
         cells={("reviews", "litigation_after_review", c): ("", None) for c in schema.columns("reviews")},
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
                "（六）2. row and the 行政许可 row without their labels; 收费金额 369.9365 万元 kept to the fourth decimal; all "
                "checks pass"),
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
         col_weights=dict(natural_person=70, commercial=25, research=0, social_org=0, legal_service=3, other_org=2),
         crawl_null_rows=["granted", "unable_not_held"],
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

# ---------------------------------------------------------------- one agency over four years (33–36)
# 黎城县黄崖洞镇 reports on 2020 (2019 template) and 2021–2023 (2021 template) in four layouts. Each year follows
# the one before (`follows`, render.py): its 上年结转 is last year's 结转下年度, and its 现行有效 normative
# documents last year's plus this year's 制发 − 废止 (2021 template years); 2023 takes over 3 more than 2022
# carried forward (`carry_shift`), so series.carry_over fails there while every report balances.

SERIES_TOWN = dict(
    code="140426104", names={"14": "山西省", "1404": "长治市", "140426": "黎城县", "140426104": "黄崖洞镇"},
    agency="黄崖洞镇", agency_full="黎城县黄崖洞镇人民政府", agency_type="town", level="township", superior_kind="县",
    contact=contact("黎城县黄崖洞镇下赤峪村", "047600", "0355-6812345", "0355-6812345"), contact_style="inline",
    office_full="黄崖洞镇党政综合办公室", topic="宅基地审批、景区建设、惠农补贴发放", headings=STD,
)

CASES += [
    dict(SERIES_TOWN, name="33-town-2020-series-tabbed", ext="txt", layout="tabbed", seed=185, scale=34,
         reviews_scale=0,
         title_lines=["黎城县黄崖洞镇人民政府2020年政府信息公开工作年度报告"], year=2020, template="2019", app_rows="2019",
         published="2021-01-20", sign=("黎城县黄崖洞镇人民政府", "2021年1月20日"),
         covers="series 2020–2023 of 黎城县黄崖洞镇 (1/4): 2020, 2019 template, tabbed; carries forward 3 "
                "(结转下年度 总计) into 2021; all checks pass"),
    dict(SERIES_TOWN, name="34-town-2021-series-html", ext="html", layout="html", seed=186, scale=41,
         reviews_scale=1, follows="33-town-2020-series-tabbed",
         title_lines=["黎城县黄崖洞镇人民政府2021年政府信息公开工作年度报告"], year=2021, template="2021", app_rows="2021",
         published="2022-01-18", sign=("黎城县黄崖洞镇人民政府", "2022年1月18日"), table_intro=True,
         covers="series 2020–2023 of 黎城县黄崖洞镇 (2/4): 2021, 2021 template, HTML page; 上年结转 3 = 2020's "
                "结转下年度 (series.carry_over passes); carries forward 4; all checks pass"),
    dict(SERIES_TOWN, name="35-town-2022-series-pdflayout", ext="txt", layout="pdf", seed=187, scale=38,
         reviews_scale=0, follows="34-town-2021-series-html",
         title_lines=["        黎城县黄崖洞镇人民政府2022年政府信息公开工作年度报告"],
         title="黎城县黄崖洞镇人民政府 2022 年政府信息公开工作年度报告", year=2022, template="2021", app_rows="2021",
         published="2023-01-17", sign=("黎城县黄崖洞镇人民政府", "2023年1月17日"), page_lines=44, page_style="-{n}-",
         pdf_width=32,
         covers="series 2020–2023 of 黎城县黄崖洞镇 (3/4): 2022, 2021 template, pdftotext -layout text; 上年结转 4 "
                "= 2021's 结转下年度 (series.carry_over passes); 现行有效 normative documents = 2021's + 制发 − 废止 "
                "(series.normative_docs passes); carries forward 2; paragraphs 32 characters wide; all checks pass"),
    dict(SERIES_TOWN, name="36-town-2023-series-markdown-carry-over-fail", ext="md", layout="markdown",
         seed=188, scale=36, reviews_scale=1, follows="35-town-2022-series-pdflayout",
         carry_shift={"natural_person": 3},
         title_lines=["黎城县黄崖洞镇人民政府", "2023年政府信息公开工作年度报告"], year=2023, template="2021",
         app_rows="2021", published="2024-01-19", sign=("黎城县黄崖洞镇人民政府", "2024年1月19日"),
         covers="series 2020–2023 of 黎城县黄崖洞镇 (4/4): 2023, 2021 template, Markdown; 2023 carries over 5 "
                "(上年结转 总计) where 2022 carried forward 2 (series.carry_over fails; the report itself "
                "balances, all its own checks pass); 现行有效 normative documents = 2022's + 制发 − 废止"),
]

# ---------------------------------------------------------------- one county, some townships reporting (37–39)
# 将乐县 (福建省三明市) has 13 townships in the gazetteer; three of them report on 2022, the other ten do not
# (`gongkai coverage --year 2022 --county 将乐` lists 3 with a report, 10 without).

CASES += [
    dict(name="37-town-2022-coverage-tabbed", ext="txt", layout="tabbed", seed=137, scale=18, reviews_scale=0,
         code="350428100", names={"35": "福建省", "3504": "三明市", "350428": "将乐县", "350428100": "古镛镇"},
         agency="古镛镇", agency_full="将乐县古镛镇人民政府", agency_type="town", level="township", superior_kind="县",
         title_lines=["将乐县古镛镇人民政府2022年政府信息公开工作年度报告"], year=2022, template="2021", app_rows="2021",
         published="2023-01-16", sign=("将乐县古镛镇人民政府", "2023年1月16日"), headings=STD,
         contact=contact("将乐县古镛镇三华南路18号", "353300", "0598-2312345", "0598-2312345"), contact_style="inline",
         office_full="古镛镇党政办公室",
         covers="coverage of 将乐县 (福建省三明市; 13 townships) on 2022 (1/3): 镇, tabbed, 2021 template; with 38 and "
                "39 the county's only 2022 reports, the other ten townships have none; all checks pass"),
    dict(name="38-township-2022-coverage-html", ext="html", layout="html", seed=138, scale=7, reviews_scale=0,
         code="350428201", names={"35": "福建省", "3504": "三明市", "350428": "将乐县", "350428201": "漠源乡"},
         agency="漠源乡", agency_full="将乐县漠源乡人民政府", agency_type="township", level="township",
         superior_kind="县", title_lines=["将乐县漠源乡人民政府", "2022年政府信息公开工作年度报告"], year=2022,
         template="2021", app_rows="2021", published="2023-01-20", sign=("将乐县漠源乡人民政府", "2023年1月20日"),
         headings=STD, contact=contact("将乐县漠源乡漠源村", "353306", "0598-2512345", "0598-2512345"),
         contact_style="lines",
         covers="coverage of 将乐县 on 2022 (2/3): 乡, HTML page, title split by <br>, 2021 template, contact lines; "
                "all checks pass"),
    dict(name="39-township-2022-coverage-pdflayout", ext="txt", layout="pdf", seed=139, scale=5, reviews_scale=0,
         code="350428206", names={"35": "福建省", "3504": "三明市", "350428": "将乐县", "350428206": "余坊乡"},
         agency="余坊乡", agency_full="将乐县余坊乡人民政府", agency_type="township", level="township",
         superior_kind="县", title_lines=["          将乐县余坊乡人民政府2022年政府信息公开工作年度报告"],
         title="将乐县余坊乡人民政府 2022 年政府信息公开工作年度报告", year=2022, template="2021", app_rows="2021",
         published="2023-01-28", sign=("将乐县余坊乡人民政府", "2023年1月28日"), headings=STD, page_lines=46,
         page_style="— {n} —", pdf_width=32,
         contact=contact("将乐县余坊乡余坊村", "353305", "0598-2712345", "0598-2712345"),
         contact_style="inline",
         covers="coverage of 将乐县 on 2022 (3/3): 乡, pdftotext -layout text, 2021 template, page numbers '— n —', "
                "paragraphs 32 characters wide; all checks pass"),
]
