//! Row and column labels of the three standard tables, matched by meaning.
//!
//! Labels are compared after [`clean`]: whitespace, numbering (（一）, 1., 三、) and quotes removed,
//! 其它 unified to 其他. Each row is recognised by a few distinctive words, so typos elsewhere in a label
//! (危机 for 危及, 行政法案卷 for 行政执法案卷) and variants (1、/1., （）/()) do not matter.

use crate::schema::{ACTIVE_COLUMNS, ACTIVE_ROWS, APP_ROWS, ActiveRow, AppRow, ReviewCol, ReviewRow, Table};

/// The printed label of an application row key (empty for a key that is not one).
#[must_use]
pub fn application_label(key: &str) -> &'static str {
    Table::Applications.row(key).map_or("", |r| r.label)
}

/// The keys of the rows that add up to （七）总计, in order.
pub fn outcome_rows() -> impl Iterator<Item = &'static str> {
    APP_ROWS.iter().filter(|r| r.outcome).map(|r| r.key)
}

/// Removes whitespace, leading numbering and quotes; unifies 其它 → 其他.
#[must_use]
pub fn clean(label: &str) -> String {
    // One pass, one allocation: whitespace and quotes dropped, 它 → 他.
    let mut s = String::with_capacity(label.len());
    for c in label.chars() {
        match c {
            c if c.is_whitespace() => {}
            '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' => {}
            '它' => s.push('他'),
            c => s.push(c),
        }
    }
    let mut rest = s.as_str();
    loop {
        let next = strip_one_numbering(rest);
        if next.len() == rest.len() {
            break;
        }
        rest = next;
    }
    let cut = s.len() - rest.len();
    s.drain(..cut);
    s
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
    // The frame rows first (a 总计 or 结转 label wins), then the outcomes in the template's order,
    // （六）其他处理 last (its sub-rows' labels are more specific).
    const FIRST: [AppRow; 4] = [AppRow::New, AppRow::CarriedOver, AppRow::CarriedForward, AppRow::Total];
    let first = FIRST.iter().map(|r| r.key());
    let rest = APP_ROWS
        .iter()
        .map(|r| r.key)
        .filter(|k| !FIRST.iter().any(|f| f.key() == *k) && *k != AppRow::Granted.key() && *k != AppRow::Other.key());
    for key in first.chain(rest).chain([AppRow::Other.key()]) {
        let words = Table::Applications.row(key).map_or(&[][..], |r| r.words);
        if words.iter().any(|w| has(w)) {
            return AppLabel::Row(key);
        }
    }
    if has("予以公开") && !has("不予") {
        return AppLabel::Row(AppRow::Granted.key());
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
    // 规范性文件 before 规章, as a label naming both is about the documents.
    let docs = ActiveRow::NormativeDocs.key();
    let first = ACTIVE_ROWS.iter().filter(|r| r.key == docs);
    first
        .chain(ACTIVE_ROWS.iter().filter(|r| r.key != docs))
        .find(|r| r.words.iter().any(|w| l.contains(w)))
        .map(|r| r.key)
}

/// Active-table column keys named by a header cell.
#[must_use]
pub fn match_active_column(header: &str) -> Option<&'static str> {
    let h = clean(header);
    ACTIVE_COLUMNS.iter().find(|c| c.words.iter().any(|w| h.contains(w))).map(|c| c.key)
}

/// Review-table column named by a header cell.
#[must_use]
pub fn match_review_column(header: &str) -> Option<&'static str> {
    let h = clean(header);
    let col = |c: ReviewCol| Table::Reviews.column(c.key());
    let hit = |c: ReviewCol| col(c).is_some_and(|d| d.words.iter().any(|w| h.contains(w)));
    // 总计 only as the whole header (a 其他 header of the applicant columns is 其他组织-like).
    let found = [ReviewCol::Upheld, ReviewCol::Corrected, ReviewCol::Other, ReviewCol::Pending]
        .into_iter()
        .find(|c| hit(*c) && !(*c == ReviewCol::Other && h.contains("组织")))
        .or_else(|| col(ReviewCol::Total).is_some_and(|d| d.words.contains(&h.as_str())).then_some(ReviewCol::Total));
    found.map(ReviewCol::key)
}

/// Review-table group named by a row label.
#[must_use]
pub fn match_review_group(label: &str) -> Option<&'static str> {
    let l = clean(label);
    let words = |g: ReviewRow| Table::Reviews.row(g.key()).map_or(&[][..], |r| r.words);
    // The litigation groups by any of their words; 行政复议 only as the whole label (复议后起诉 has it).
    [ReviewRow::LitigationDirect, ReviewRow::LitigationAfterReview]
        .into_iter()
        .find(|g| words(*g).iter().any(|w| l.contains(w)))
        .or_else(|| words(ReviewRow::Review).contains(&l.as_str()).then_some(ReviewRow::Review))
        .map(ReviewRow::key)
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
