//! One test per layout quirk of real reports, each on a small hand-written report.

use gongkai::model::{Figure, Report, Template};
use gongkai::parse::parse_text;

/// Rows of cells → the tabbed layout (a TAB before each cell, a blank line between rows).
fn tabbed(rows: &[Vec<String>]) -> String {
    let mut s = String::new();
    for r in rows {
        for c in r {
            s.push('\t');
            s.push_str(c);
            s.push('\n');
        }
        s.push('\n');
    }
    s
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_string()).collect()
}

/// A row label with seven values.
fn app(label: &str, v: [i64; 7]) -> Vec<String> {
    let mut r = vec![label.to_string()];
    r.extend(v.iter().map(ToString::to_string));
    r
}

/// A complete, balanced applications table (2019 form) with `new` = 10 from natural persons.
fn applications_rows() -> Vec<Vec<String>> {
    let z = [0; 7];
    let mut rows = vec![
        row(&["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]),
        row(&["", "自然人", "法人或其他组织", "总计"]),
        row(&["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]),
        app("一、本年新收政府信息公开申请数量", [8, 2, 0, 0, 0, 0, 10]),
        app("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
        app("三、本年度办理结果（一）予以公开", [5, 1, 0, 0, 0, 0, 6]),
        app("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
    ];
    for l in [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ] {
        rows.push(app(l, z));
    }
    rows.push(app("1.本机关不掌握相关政府信息", [2, 1, 0, 0, 0, 0, 3]));
    for l in ["2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"] {
        rows.push(app(l, z));
    }
    for l in ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请"]
    {
        rows.push(app(l, z));
    }
    rows.push(app("5.要求行政机关确认或重新出具已获取信息", z));
    rows.push(app("（六）其他处理", z));
    rows.push(app("（七）总计", [8, 2, 0, 0, 0, 0, 10]));
    rows.push(app("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]));
    rows
}

fn report(body: &str) -> Report {
    let text = format!(
        "某某镇2020年度政府信息公开工作年度报告\n一、总体情况\n正文。\n{body}\n五、存在的主要问题及改进情况\n无。\n"
    );
    parse_text(&text, "t.txt", "text", "utf-8").unwrap_or_else(|e| panic!("parse failed: {e}"))
}

fn app_report(rows: &[Vec<String>]) -> Report {
    report(&format!("三、收到和处理政府信息公开申请情况\n\n{}", tabbed(rows)))
}

/// Warnings about the tables (these fragments name no agency, which is warned about too).
fn table_warnings(r: &Report) -> Vec<&String> {
    r.warnings.iter().filter(|w| !w.starts_with("agency:")).collect()
}

fn get(r: &Report, t: &str, row: &str, col: &str) -> Option<Figure> {
    let key = gongkai::schema::FigureKey::parse(&format!("{t}.{row}.{col}"));
    r.figures.value(key.unwrap_or_else(|| panic!("{t}.{row}.{col} is not a figure of the schema")))
}

fn int(v: i64) -> Option<Figure> {
    Some(Figure::Int(v))
}

fn check_ok(r: &Report, id: &str) -> Option<bool> {
    r.checks.iter().find(|c| c.id == id).map(|c| c.ok)
}

#[test]
fn balanced_table_reads_and_passes_checks() {
    let r = app_report(&applications_rows());
    assert_eq!(get(&r, "applications", "new", "total"), int(10));
    assert_eq!(get(&r, "applications", "new", "commercial"), int(2));
    assert_eq!(get(&r, "applications", "granted", "total"), int(6));
    assert_eq!(get(&r, "applications", "unable_not_held", "commercial"), int(1));
    for id in ["applications.balance", "applications.outcomes_sum", "applications.column_total"] {
        assert_eq!(check_ok(&r, id), Some(true), "{id}: {:?}", r.checks);
    }
    assert!(table_warnings(&r).is_empty(), "{:?}", r.warnings);
}

#[test]
fn vertical_row_header_and_spaced_labels() {
    let mut text = String::from("三、收到和处理政府信息公开申请情况\n\n");
    text.push_str(&tabbed(&applications_rows()[..5]));
    text.push_str("三、本\n年\n度\n办\n理\n结\n果\n\t(一)予以公开\n\t5\n\t1\n\t0\n\t0\n\t0\n\t0\n\t6\n\n");
    text.push_str(&tabbed(&[app("（三）不予公开 1. 属于 国家 秘密", [0; 7])]));
    let r = report(&text);
    assert_eq!(get(&r, "applications", "granted", "natural_person"), int(5));
    assert_eq!(get(&r, "applications", "denied_state_secret", "total"), int(0));
}

#[test]
fn typos_and_variants_still_map() {
    let mut rows = applications_rows();
    for r in &mut rows {
        if let Some(label) = r.first_mut() {
            *label = label
                .replace("危及", "危机")
                .replace("行政执法案卷", "行政法案卷")
                .replace("其他法律", "其它法律")
                .replace("（一）", "(一)")
                .replace("1.", "1、");
        }
    }
    let r = app_report(&rows);
    assert_eq!(get(&r, "applications", "denied_security_stability", "total"), int(0));
    assert_eq!(get(&r, "applications", "denied_enforcement_file", "total"), int(0));
    assert_eq!(get(&r, "applications", "granted", "total"), int(6));
    assert_eq!(get(&r, "applications", "unable_not_held", "total"), int(3));
    assert!(table_warnings(&r).is_empty(), "{:?}", r.warnings);
}

#[test]
fn placeholders_and_blanks_become_null_with_warnings() {
    let mut rows = applications_rows();
    rows[3] = row(&["一、本年新收政府信息公开申请数量", "8", "—", "-", "/", "", "0", "10"]);
    let r = app_report(&rows);
    assert_eq!(get(&r, "applications", "new", "natural_person"), int(8));
    for col in ["commercial", "research", "social_org", "legal_service"] {
        assert_eq!(get(&r, "applications", "new", col), None, "{col}");
    }
    assert_eq!(r.warnings.iter().filter(|w| w.contains("本年新收")).count(), 4, "{:?}", r.warnings);
    // Never a 0 invented: the check cannot be computed for those columns, the others still are.
    assert_eq!(check_ok(&r, "applications.column_total"), Some(true));
}

#[test]
fn extra_province_row_is_left_out_with_a_warning() {
    let mut rows = applications_rows();
    rows.insert(8, app("其中：涉及第三方的申请", [1, 0, 0, 0, 0, 0, 1]));
    let r = app_report(&rows);
    assert_eq!(get(&r, "applications", "denied_third_party", "total"), int(0));
    assert!(r.warnings.iter().any(|w| w.contains("其中：涉及第三方") && w.contains("left out")), "{:?}", r.warnings);
}

#[test]
fn repeated_group_header_and_page_number_mid_table() {
    let rows = applications_rows();
    let mut text = String::from("三、收到和处理政府信息公开申请情况\n\n");
    text.push_str(&tabbed(&rows[..10]));
    text.push_str("-3-\n\n— 4 —\n\n");
    text.push_str(&tabbed(&rows[..3]));
    text.push_str(&tabbed(&rows[10..]));
    let r = report(&text);
    assert_eq!(get(&r, "applications", "total", "total"), int(10));
    assert_eq!(check_ok(&r, "applications.outcomes_sum"), Some(true));
    assert!(!r.warnings.iter().any(|w| w.contains("appears again")), "{:?}", r.warnings);
}

#[test]
fn run_together_cells_split_when_the_total_proves_it() {
    let mut rows = applications_rows();
    rows[3] = row(&["一、本年新收政府信息公开申请数量", "82000010"]);
    let r = app_report(&rows);
    assert_eq!(get(&r, "applications", "new", "natural_person"), int(8));
    assert_eq!(get(&r, "applications", "new", "commercial"), int(2));
    assert_eq!(get(&r, "applications", "new", "total"), int(10));
    assert!(r.warnings.iter().any(|w| w.contains("run together")), "{:?}", r.warnings);
}

#[test]
fn run_together_cells_stay_null_when_ambiguous() {
    let mut rows = applications_rows();
    // "110" can be 1|10 or 11|0: both make the row add up, and neither fits the table's balance.
    rows[4] = row(&["二、上年结转政府信息公开申请数量", "110", "0", "0", "0", "0", "11"]);
    let r = app_report(&rows);
    assert_eq!(get(&r, "applications", "carried_over", "natural_person"), None);
    assert_eq!(get(&r, "applications", "carried_over", "total"), None);
    assert!(r.warnings.iter().any(|w| w.contains("2 splits")), "{:?}", r.warnings);
}

#[test]
fn active_table_2019_with_wrapped_headers_units_and_signs() {
    let rows = vec![
        row(&["第二是条第（一）项"]),
        row(&["信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"]),
        row(&["规章", "１", "1", "1,234"]),
        row(&["行政规范性文件", "3", "3", "40"]),
        row(&["第二十条第（五）项"]),
        row(&["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
        row(&["行政许可", "120", "-3", "2,410"]),
        row(&["其它对外管理服务事项", "5", "0", "7"]),
        row(&["行政处罚", "9", "+2", "31"]),
        row(&["行政强制", "1", "0", "2"]),
        row(&["信息内容", "上一年项目数量", "本年增/减"]),
        row(&["行政事业性收费", "4", "0"]),
        row(&["信息内容", "采购项目数量", "采购总金额"]),
        row(&["政府集中采购", "12", "251000元"]),
    ];
    let r = report(&format!("二、主动公开政府信息情况\n\n{}", tabbed(&rows)));
    assert_eq!(r.template, Template::T2019);
    assert_eq!(get(&r, "active", "regulations", "new_made"), int(1));
    assert_eq!(get(&r, "active", "regulations", "total"), int(1234));
    assert_eq!(get(&r, "active", "normative_docs", "total"), int(40));
    assert_eq!(get(&r, "active", "licensing", "change"), int(-3));
    assert_eq!(get(&r, "active", "licensing", "decisions"), int(2410));
    assert_eq!(get(&r, "active", "other_services", "decisions"), int(7));
    assert_eq!(get(&r, "active", "penalties", "change"), int(2));
    let amount = get(&r, "active", "procurement", "amount").map(Figure::as_f64).unwrap_or(f64::NAN);
    assert!((amount - 25.1).abs() < 1e-9, "{amount}");
}

#[test]
fn active_table_2021_and_single_other_row() {
    let rows = vec![
        row(&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        row(&["规章", "0", "0", "2"]),
        row(&["行政规范性文件", "4", "1", "17"]),
        row(&["信息内容", "本年处理决定数量"]),
        row(&["行政许可", "3,300"]),
        row(&["行政处罚", "12"]),
        row(&["行政强制", "0"]),
        row(&["信息内容", "本年收费金额（单位：万元）"]),
        row(&["行政事业性收费", "10.6424"]),
    ];
    let text = format!(
        "二、主动公开政府信息情况\n\n{}三、收到和处理政府信息公开申请情况\n\n{}",
        tabbed(&rows),
        tabbed(&applications_rows())
    );
    let r = report(&text);
    assert_eq!(r.template, Template::T2021);
    assert_eq!(get(&r, "active", "normative_docs", "in_force"), int(17));
    assert_eq!(get(&r, "active", "licensing", "decisions"), int(3300));
    assert_eq!(get(&r, "active", "fees", "amount"), Some(Figure::Dec(10.6424)));
    let app = r.figures.applications.as_ref().map(|t| t.contains_key("other"));
    assert_eq!(app, Some(true), "a 2021 report keeping the single （六） row keeps key `other`");
}

#[test]
fn reviews_row_and_typo_heading() {
    let mut cells: Vec<String> = (0..15).map(|i| ((i % 5) + 1).to_string()).collect();
    for g in 0..3 {
        cells[g * 5 + 4] = "10".into();
    }
    let header = row(&["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]);
    let text = format!(
        "四、政府信息公开行政法复议、行政诉讼情况\n\n{}",
        tabbed(&[row(&["行政复议", "行政诉讼"]), header, cells])
    );
    let r = report(&text);
    assert_eq!(get(&r, "reviews", "review", "upheld"), int(1));
    assert_eq!(get(&r, "reviews", "litigation_after_review", "pending"), int(4));
    assert_eq!(get(&r, "reviews", "litigation_direct", "total"), int(10));
    assert_eq!(check_ok(&r, "reviews.totals"), Some(true));
}

#[test]
fn pdftotext_layout_with_wrapped_labels() {
    let text = "\
某某县2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
                         申请人情况
一、本年新收政府信息公开申请数量      5    0    0    0    0    0    5
二、上年结转政府信息公开申请数量      0    0    0    0    0    0    0
      （一）予以公开                  3    0    0    0    0    0    3
      （二）部分公开（区分处理的，只计这一情
                                      1    0    0    0    0    0    1
      形，不计其他情形）
三、
本            1.属于国家秘密          0    0    0    0    0    0    0
-4-
               5.要求行政机关确认或重新出
                                        1    0    0    0    0    0    1
               具已获取信息
     （七）总计                       5    0    0    0    0    0    5
四、结转下年度继续办理                0    0    0    0    0    0    0
";
    let r = parse_text(text, "p.txt", "text", "utf-8").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(get(&r, "applications", "partial", "total"), int(1));
    assert_eq!(get(&r, "applications", "rejected_confirm", "natural_person"), int(1));
    assert_eq!(get(&r, "applications", "total", "total"), int(5));
    assert_eq!(check_ok(&r, "applications.balance"), Some(true));
}

#[test]
fn failing_balance_names_both_sides() {
    let mut rows = applications_rows();
    rows[3] = app("一、本年新收政府信息公开申请数量", [9, 2, 0, 0, 0, 0, 11]);
    let r = app_report(&rows);
    let c = r.checks.iter().find(|c| c.id == "applications.balance").unwrap_or_else(|| panic!("no check"));
    assert!(!c.ok);
    assert!(c.detail.contains("自然人") && c.detail.contains('9') && c.detail.contains('8'), "{}", c.detail);
}

#[test]
fn agency_from_the_signature_when_title_and_body_name_none() {
    let text = "政府信息公开工作年度报告\n一、总体情况\n本年度我局认真落实条例。\n五、存在的主要问题及改进情况\n无。\n\n沭阳县教育局\n2021年1月20日\n";
    let r = parse_text(text, "sig.txt", "text", "utf-8").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.agency.as_deref(), Some("沭阳县教育局"));
    assert_eq!(r.agency_type, gongkai::model::AgencyType::Department);
    assert_eq!(r.region.and_then(|g| g.county).as_deref(), Some("沭阳县"));
}
