//! Row and column labels of the three standard tables, matched by meaning.
//!
//! Labels are compared after [`clean`]: whitespace, numbering (（一）, 1., 三、) and quotes removed,
//! 其它 unified to 其他. Each row is recognised by a few distinctive words, so typos elsewhere in a label
//! (危机 for 危及, 行政法案卷 for 行政执法案卷) and variants (1、/1., （）/()) do not matter.

use super::normalize::squeeze;

/// The columns of the applications table, in the template's order, with their Chinese headers.
pub const APPLICANT_COLUMNS: [(&str, &str); 7] = [
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social_org", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
];

/// The rows of the applications table in order, with the label the template prints.
pub const APPLICATION_ROWS: [(&str, &str); 26] = [
    ("new", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"),
    ("partial", "（二）部分公开"),
    ("denied_state_secret", "（三）1.属于国家秘密"),
    ("denied_law", "（三）2.其他法律行政法规禁止公开"),
    ("denied_security_stability", "（三）3.危及“三安全一稳定”"),
    ("denied_third_party", "（三）4.保护第三方合法权益"),
    ("denied_internal", "（三）5.属于三类内部事务信息"),
    ("denied_process", "（三）6.属于四类过程性信息"),
    ("denied_enforcement_file", "（三）7.属于行政执法案卷"),
    ("denied_query", "（三）8.属于行政查询事项"),
    ("unable_not_held", "（四）1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", "（四）2.没有现成信息需要另行制作"),
    ("unable_unclear", "（四）3.补正后申请内容仍不明确"),
    ("rejected_petition", "（五）1.信访举报投诉类申请"),
    ("rejected_duplicate", "（五）2.重复申请"),
    ("rejected_publication", "（五）3.要求提供公开出版物"),
    ("rejected_excessive", "（五）4.无正当理由大量反复申请"),
    ("rejected_confirm", "（五）5.要求行政机关确认或重新出具已获取信息"),
    ("other", "（六）其他处理"),
    ("other_no_correction", "（六）1.申请人无正当理由逾期不补正"),
    ("other_no_fee", "（六）2.申请人逾期未按收费通知要求缴纳费用"),
    ("other_misc", "（六）3.其他"),
    ("total", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
];

/// The outcome rows that add up to （七）总计.
pub const OUTCOME_ROWS: [&str; 22] = [
    "granted",
    "partial",
    "denied_state_secret",
    "denied_law",
    "denied_security_stability",
    "denied_third_party",
    "denied_internal",
    "denied_process",
    "denied_enforcement_file",
    "denied_query",
    "unable_not_held",
    "unable_needs_creation",
    "unable_unclear",
    "rejected_petition",
    "rejected_duplicate",
    "rejected_publication",
    "rejected_excessive",
    "rejected_confirm",
    "other",
    "other_no_correction",
    "other_no_fee",
    "other_misc",
];

/// The review table's groups and columns.
pub const REVIEW_GROUPS: [(&str, &str); 3] = [
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼·未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼·复议后起诉"),
];
/// Columns of each review group, in the template's order.
pub const REVIEW_COLUMNS: [(&str, &str); 5] = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
];

/// The printed label of an application row key.
#[must_use]
pub fn application_label(key: &str) -> &'static str {
    APPLICATION_ROWS.iter().find(|(k, _)| *k == key).map_or("", |(_, l)| l)
}

/// Removes whitespace, leading numbering and quotes; unifies 其它 → 其他.
#[must_use]
pub fn clean(label: &str) -> String {
    let s = squeeze(label).replace('它', "他");
    let s: String = s.chars().filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」')).collect();
    let mut rest = s.as_str();
    loop {
        let next = strip_one_numbering(rest);
        if next.len() == rest.len() {
            break;
        }
        rest = next;
    }
    rest.to_string()
}

fn strip_one_numbering(s: &str) -> &str {
    const CN: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(r) = s.strip_prefix(open)
            && let Some(end) = r.find(close)
            && end > 0
            && r[..end].chars().all(|c| CN.contains(&c) || c.is_ascii_digit())
        {
            return &r[end + close.len_utf8()..];
        }
    }
    let head: usize =
        s.char_indices().take_while(|(_, c)| CN.contains(c) || c.is_ascii_digit()).map(|(_, c)| c.len_utf8()).sum();
    if head > 0 && head <= 6 {
        let r = &s[head..];
        if let Some(r2) = r.strip_prefix(['、', '.', '．', ',', '，']) {
            return r2;
        }
    }
    s
}

/// What an applications-table label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppLabel {
    /// A data row.
    Row(&'static str),
    /// A bare `其他` under （六）其他处理 (2021's third row).
    OtherMisc,
    /// A group or header label that carries no row of its own (（三）不予公开, 申请人情况 …).
    Group,
    /// Not a label of this table.
    Unknown,
}

/// Matches a cleaned applications label.
#[must_use]
pub fn match_application(label: &str) -> AppLabel {
    let l = clean(label);
    let has = |w: &str| l.contains(w);
    if l.is_empty() || l.starts_with("其中") || has("其中：") {
        return AppLabel::Unknown;
    }
    const RULES: &[(&[&str], &str)] = &[
        (&["本年新收", "新收到", "本年收到"], "new"),
        (&["上年结转", "上年度结转"], "carried_over"),
        (&["结转下年", "下年度继续", "转下年度"], "carried_forward"),
        (&["总计", "合计"], "total"),
        (&["部分公开"], "partial"),
        (&["国家秘密"], "denied_state_secret"),
        (&["法规禁止公开", "法律行政法规禁止", "法律法规禁止"], "denied_law"),
        (&["三安全一稳定", "安全一稳定"], "denied_security_stability"),
        (&["第三方"], "denied_third_party"),
        (&["内部事务"], "denied_internal"),
        (&["过程性"], "denied_process"),
        (&["执法案卷", "法案卷"], "denied_enforcement_file"),
        (&["行政查询", "查询事项"], "denied_query"),
        (&["不掌握"], "unable_not_held"),
        (&["另行制作", "没有现成", "需另行"], "unable_needs_creation"),
        (&["不明确"], "unable_unclear"),
        (&["信访", "举报投诉"], "rejected_petition"),
        (&["重复申请"], "rejected_duplicate"),
        (&["出版物"], "rejected_publication"),
        (&["大量反复", "反复申请"], "rejected_excessive"),
        (&["重新出具", "确认或", "要求行政机关确认"], "rejected_confirm"),
        (&["不补正"], "other_no_correction"),
        (&["缴纳费用", "收费通知", "未按收费"], "other_no_fee"),
        (&["其他处理"], "other"),
    ];
    for (words, key) in RULES {
        if words.iter().any(|w| has(w)) {
            return AppLabel::Row(key);
        }
    }
    if has("予以公开") && !has("不予") {
        return AppLabel::Row("granted");
    }
    if l == "其他" {
        return AppLabel::OtherMisc;
    }
    const GROUPS: &[&str] =
        &["不予公开", "无法提供", "不予处理", "办理结果", "申请人情况", "自然人", "勾稽关系", "法人或其他组织"];
    if GROUPS.iter().any(|w| has(w)) {
        return AppLabel::Group;
    }
    AppLabel::Unknown
}

/// Active-table row keys with the words that identify them.
#[must_use]
pub fn match_active(label: &str) -> Option<&'static str> {
    let l = clean(label);
    if l.starts_with("其中") {
        return None;
    }
    const RULES: &[(&[&str], &str)] = &[
        (&["规范性文件"], "normative_docs"),
        (&["规章"], "regulations"),
        (&["行政许可"], "licensing"),
        (&["其他对外管理服务", "对外管理服务"], "other_services"),
        (&["行政处罚"], "penalties"),
        (&["行政强制"], "enforcement"),
        (&["事业性收费", "行政收费"], "fees"),
        (&["集中采购", "政府采购"], "procurement"),
    ];
    RULES.iter().find(|(words, _)| words.iter().any(|w| l.contains(w))).map(|(_, k)| *k)
}

/// Active-table column keys named by a header cell.
#[must_use]
pub fn match_active_column(header: &str) -> Option<&'static str> {
    let h = clean(header);
    let has = |w: &str| h.contains(w);
    let key = if has("新制作") {
        "new_made"
    } else if has("新公开") {
        "new_published"
    } else if has("对外公开总") || has("公开总数") {
        "total"
    } else if has("上一年项目") || has("上年项目") {
        "prev_items"
    } else if has("增/减") || has("增减") || has("增（减）") {
        "change"
    } else if has("采购项目") {
        "items"
    } else if has("采购总金额") || has("收费金额") {
        "amount"
    } else if has("制发") {
        "issued"
    } else if has("废止") {
        "repealed"
    } else if has("现行有效") {
        "in_force"
    } else if has("处理决定") {
        "decisions"
    } else {
        return None;
    };
    Some(key)
}

/// Review-table column named by a header cell.
#[must_use]
pub fn match_review_column(header: &str) -> Option<&'static str> {
    let h = clean(header);
    if h.contains("维持") {
        Some("upheld")
    } else if h.contains("纠正") {
        Some("corrected")
    } else if h.contains("其他") && !h.contains("组织") {
        Some("other")
    } else if h.contains("审结") || h.contains("未结") {
        Some("pending")
    } else if h == "总计" || h == "合计" || h == "小计" {
        Some("total")
    } else {
        None
    }
}

/// Review-table group named by a row label.
#[must_use]
pub fn match_review_group(label: &str) -> Option<&'static str> {
    let l = clean(label);
    if l.contains("直接起诉") || l.contains("未经复议") {
        Some("litigation_direct")
    } else if l.contains("复议后起诉") {
        Some("litigation_after_review")
    } else if l == "行政复议" || l == "行政法复议" {
        Some("review")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_numbering_spaces_and_quotes() {
        assert_eq!(clean("三 、本 年 度办 理 结果"), "本年度办理结果");
        assert_eq!(clean("（三）1. 属于国家秘密"), "属于国家秘密");
        assert_eq!(clean("(四)无法提供"), "无法提供");
        assert_eq!(clean("3.危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(clean("2.其它法律行政法规禁止公开"), "其他法律行政法规禁止公开");
    }

    #[test]
    fn application_rows_match_despite_typos_and_variants() {
        use AppLabel::Row;
        let cases = [
            ("一、本年新收到政府信息公开申请数量", Row("new")),
            ("二、上年结转政府信息公开数量", Row("carried_over")),
            ("(一)予以公开", Row("granted")),
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Row("partial")),
            ("3.危机“三安全一稳定”", Row("denied_security_stability")),
            ("7.属于行政法案卷", Row("denied_enforcement_file")),
            ("2.没有现成信息需另行制作", Row("unable_needs_creation")),
            ("5.要求行政机关确认或重新出具已获取信息", Row("rejected_confirm")),
            ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Row("other_no_correction")),
            ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Row("other_no_fee")),
            ("3.其他", AppLabel::OtherMisc),
            ("（六）其它处理", Row("other")),
            ("（七）总计", Row("total")),
            ("四、结转下年度继续办理", Row("carried_forward")),
            ("（三）不予公开", AppLabel::Group),
            ("其中：涉及第三方", AppLabel::Unknown),
        ];
        for (label, want) in cases {
            assert_eq!(match_application(label), want, "{label}");
        }
    }

    #[test]
    fn active_rows_and_columns() {
        assert_eq!(match_active("行政规范性文件"), Some("normative_docs"));
        assert_eq!(match_active("规章"), Some("regulations"));
        assert_eq!(match_active("其他对外管理服务事项"), Some("other_services"));
        assert_eq!(match_active_column("本年新\n制作数量"), Some("new_made"));
        assert_eq!(match_active_column("本年收费金额（单位：万元）"), Some("amount"));
        assert_eq!(match_active_column("上年项目数量"), Some("prev_items"));
        assert_eq!(match_active_column("信息内容"), None);
    }

    #[test]
    fn review_headers() {
        assert_eq!(match_review_column("结果维持"), Some("upheld"));
        assert_eq!(match_review_column("尚未审结"), Some("pending"));
        assert_eq!(match_review_group("未经复议直接起诉"), Some("litigation_direct"));
        assert_eq!(match_review_group("行政复议"), Some("review"));
    }
}
