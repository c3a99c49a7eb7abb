//! Crawled text with the whole report on one line → the tabbed layout the rest of the parser reads.
//!
//! A crawler that strips a page's tags keeps its text nodes and drops every separator: the title, the
//! paragraphs, the section headings and the tables' cells follow each other on one line, a table row's
//! figures run together (`一、本年新收政府信息公开申请数量801000081`), and a header block (`标题:`,
//! `发布时间:`, `原文链接:` … `===== 正文 =====`) and page chrome (`当前位置：首页 > …`, `微信 微博`)
//! stand around it. This module finds the section headings by the template's own titles, cuts prose
//! into sentences, and cuts each table section into label cells and runs of figures, one row group
//! per label and run. The runs stay whole: the table readers split them only where the table's
//! equations leave exactly one way (see `split.rs`).

use super::labels::{AppLabel, match_active, match_application};
use super::normalize::squeeze;
use super::sections::kind_of;
use crate::model::SectionKind;

/// A line this long holding two or more section titles and a table's words is a whole report.
const LONG: usize = 300;

/// The template's section titles (and their common variants), as they follow `一、` … `六、`.
const TITLES: [&str; 12] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "政府信息公开行政复议和行政诉讼情况",
    "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "存在的主要问题及改进情况",
    "存在的主要问题及整改情况",
    "存在的主要问题及改进措施",
    "存在的主要问题及整改措施",
    "其他需要报告的事项",
    "其它需要报告的事项",
];

/// Shorter titles some reports number (`二、主动公开情况`); bare, they would be sub-headings.
const NUMBERED_TITLES: [&str; 1] = ["主动公开情况"];

const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Whether some line of the text is a whole report run together.
#[must_use]
pub fn is_one_line(text: &str) -> bool {
    text.lines().any(|l| {
        !l.contains('\t')
            && l.chars().count() >= LONG
            && headings(l).len() >= 2
            && ["本年新收", "结果维持", "信息内容"].iter().any(|w| l.contains(w))
    })
}

/// Converts crawled text: header block and chrome dropped, long lines cut into the tabbed layout.
#[must_use]
pub fn to_tabbed(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut title: Option<String> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(v) = header_value(t, "标题") {
            title = Some(v.to_string());
            out.push(v.to_string());
            continue;
        }
        if is_chrome(t) {
            continue;
        }
        if t.chars().count() >= LONG && headings(t).len() >= 2 {
            out.extend(report_lines(t, title.as_deref()));
        } else {
            out.push(t.to_string());
        }
    }
    out.join("\n") + "\n"
}

/// The value of a crawler's header line `key: value` / `key：value`.
fn header_value<'a>(t: &'a str, key: &str) -> Option<&'a str> {
    let rest = t.strip_prefix(key)?.trim_start();
    let v = rest.strip_prefix([':', '：'])?.trim();
    (!v.is_empty()).then_some(v)
}

/// Header-block lines and page chrome: not part of the report.
fn is_chrome(t: &str) -> bool {
    const KEYS: [&str; 9] =
        ["发布时间", "发布日期", "原文链接", "来源", "索引号", "发布机构", "采集时间", "链接", "URL"];
    let squeezed = squeeze(t);
    KEYS.iter().any(|k| header_value(t, k).is_some())
        || (squeezed.starts_with("=====") && squeezed.contains("正文"))
        || squeezed.starts_with("当前位置")
        || (t.contains("微信") && t.contains("微博"))
        || squeezed.starts_with("【字体")
        || squeezed.contains("打印本页")
        || squeezed.contains("关闭窗口")
        || squeezed.starts_with("分享到")
}

/// Byte ranges of the section headings in a long line: numbered ones (see [`numbered`]) and bare
/// titles (see [`bare`]) together, kept while their sections follow the template's order.
fn headings(line: &str) -> Vec<(usize, usize)> {
    let mut all = numbered(line);
    all.extend(bare(line));
    all.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last = 0;
    for (a, b) in all {
        let r = rank(kind_of(&line[a..b]));
        if r > last && out.last().is_none_or(|&(_, end)| a >= end) {
            last = r;
            out.push((a, b));
        }
    }
    out
}

/// A section kind's place in the template (0 for none).
fn rank(kind: SectionKind) -> u8 {
    match kind {
        SectionKind::Overview => 1,
        SectionKind::Active => 2,
        SectionKind::Applications => 3,
        SectionKind::Reviews => 4,
        SectionKind::Problems => 5,
        SectionKind::OtherMatters => 6,
        SectionKind::Unknown => 0,
    }
}

/// Bare titles (`总体情况2019年，我镇…`): a template title right after the title, a sentence's end or a
/// table's last figure, not followed by `、` or `，` as in a list of the sections (`包括总体情况、主动公开…`), in the
/// template's order of sections.
fn bare(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for (i, _) in line.char_indices() {
        let starts =
            i == 0 || line[..i].ends_with(['。', '）', ')']) || line[..i].ends_with(|p: char| p.is_ascii_digit());
        if !starts {
            continue;
        }
        let rest = &line[i..];
        let Some(t) = TITLES.iter().find(|t| rest.starts_with(*t)) else { continue };
        let after = rest[t.len()..].chars().next();
        if after.is_none_or(|a| matches!(a, '、' | '，' | ',' | '；' | '。')) {
            continue;
        }
        let n = rank(kind_of(t));
        if n > last {
            last = n;
            out.push((i, i + t.len()));
        }
    }
    out
}

/// Numbered headings: `一、` (or `1、`, spaces allowed around `、`) followed by a template title, in
/// increasing order of their numbers.
fn numbered(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for (i, c) in line.char_indices() {
        let n = match NUMERALS.iter().position(|x| *x == c) {
            Some(n) => n + 1,
            // After a table's last figures only the next number in turn is a heading's.
            None if c.is_ascii_digit() => {
                let n = (c as usize).saturating_sub('0' as usize);
                if line[..i].ends_with(|p: char| p.is_ascii_digit()) && n != last + 1 {
                    continue;
                }
                n
            }
            None => continue,
        };
        let rest = line[i + c.len_utf8()..].trim_start();
        let Some(after) = rest.strip_prefix(['、', '.', '．']) else { continue };
        let after = after.trim_start();
        let Some(t) = TITLES.iter().chain(NUMBERED_TITLES.iter()).find(|t| after.starts_with(*t)) else { continue };
        if n > last && n <= 10 {
            last = n;
            out.push((i, line.len() - after.len() + t.len()));
        }
    }
    out
}

/// A report on one line → lines: title, preamble sentences, headings, sections.
fn report_lines(line: &str, title: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    // The title first (the header block's, or up to 年度报告 near the start): a bare heading may follow it.
    let head_end = match title.filter(|t| line.starts_with(*t)) {
        Some(t) => t.len(),
        None => ["年度报告", "年报"]
            .iter()
            .filter_map(|w| line.find(w).map(|i| i + w.len()))
            .filter(|&e| line[..e].chars().count() <= 80)
            .min()
            .inspect(|&e| out.push(line[..e].to_string()))
            .unwrap_or(0),
    };
    let line = &line[head_end..];
    let heads = headings(line);
    let first = heads.first().map_or(line.len(), |h| h.0);
    let pre = &line[..first];
    out.extend(sentences(pre));
    for (k, &(start, end)) in heads.iter().enumerate() {
        let heading = &line[start..end];
        let body_end = heads.get(k + 1).map_or(line.len(), |h| h.0);
        let body = &line[end..body_end];
        out.push(heading.to_string());
        match kind_of(heading) {
            kind @ (SectionKind::Active | SectionKind::Applications | SectionKind::Reviews) => {
                out.push(String::new());
                out.extend(table_lines(body, kind));
            }
            _ => out.extend(sentences(body)),
        }
    }
    out
}

/// Prose cut after each `。`; a closing date (落款) stands on its own line.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in text.split_inclusive('。') {
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        match closing_date(s) {
            Some(i) if i > 0 => {
                out.push(s[..i].to_string());
                out.push(s[i..].to_string());
            }
            _ => out.push(s.to_string()),
        }
    }
    out
}

/// Where a trailing `2022年1月21日` starts, when the text ends with one.
fn closing_date(s: &str) -> Option<usize> {
    let body = s.strip_suffix('日')?;
    let i = body.rfind('年')?;
    let year_start = body[..i].char_indices().rev().take_while(|(_, c)| c.is_ascii_digit()).last()?.0;
    (i - year_start == 4 && body[i..].chars().skip(1).all(|c| c.is_ascii_digit() || c == '月')).then_some(year_start)
}

/// A piece of a table section: text, or a run of figures (several when spaces still part them).
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Run(Vec<String>),
}

/// Cuts a table section into text and runs of figures. Digits that number a label (`2.其他…`, `1、`)
/// are text; figures parted by spaces only (`0 0 3`) stay one row's cells.
fn pieces(body: &str) -> Vec<Piece> {
    let chars: Vec<char> = body.chars().collect();
    // One digit 1–9 (the template numbers at most eight rows a group), `.`/`、`, then a non-digit.
    let numbering = |i: usize| -> bool {
        chars.get(i).is_some_and(|c| matches!(c, '1'..='9'))
            && chars.get(i + 1).is_some_and(|c| matches!(c, '.' | '．' | '、'))
            && chars.get(i + 2).is_some_and(|c| !c.is_ascii_digit())
    };
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let starts_run = |i: usize| (digit_at(i) && !numbering(i)) || (chars.get(i) == Some(&'-') && digit_at(i + 1));
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        if !starts_run(i) {
            text.push(chars[i]);
            i += 1;
            continue;
        }
        let mut runs = Vec::new();
        loop {
            let mut run = String::new();
            while i < chars.len() {
                let c = chars[i];
                let more = (c.is_ascii_digit() && (run.is_empty() || !numbering(i)))
                    || (matches!(c, '.' | '-') && digit_at(i + 1));
                if !more {
                    break;
                }
                run.push(c);
                i += 1;
            }
            runs.push(run);
            let mut j = i;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            if j == i || !starts_run(j) {
                break;
            }
            i = j;
        }
        if !text.trim().is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        text.clear();
        out.push(Piece::Run(runs));
    }
    if !text.trim().is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// Cuts text before each label numbering: `一、`, `（一）` (not `第（一）项`), `1.`/`1、`.
fn split_numbering(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let cn = NUMERALS.contains(&c) && next == Some('、') && after.is_some_and(super::normalize::is_han);
        let paren = matches!(c, '（' | '(')
            && next.is_some_and(|n| NUMERALS.contains(&n))
            && matches!(after, Some('）' | ')'))
            && prev != Some('第');
        let arabic = c.is_ascii_digit()
            && matches!(next, Some('.' | '．' | '、'))
            && after.is_some_and(super::normalize::is_han)
            && !prev.is_some_and(|p| p.is_ascii_digit());
        if (cn || paren || arabic) && !cur.trim().is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a label of this table names a row.
fn names_row(kind: SectionKind, label: &str) -> bool {
    match kind {
        SectionKind::Active => match_active(label).is_some(),
        SectionKind::Applications => matches!(match_application(label), AppLabel::Row(_) | AppLabel::OtherMisc),
        _ => false,
    }
}

/// Splits header text off the front of a label (`…现行有效件数规章` → `…现行有效件数`, `规章`): the
/// shortest tail that names a row. Text that starts with its own numbering is one label.
fn label_tail(kind: SectionKind, text: &str) -> (Option<String>, String) {
    let starts_numbered = split_numbering(text).len() == 1
        && text.chars().next().is_some_and(|c| NUMERALS.contains(&c) || c.is_ascii_digit() || c == '（' || c == '(');
    if starts_numbered {
        return (None, text.to_string());
    }
    let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    for &i in idx.iter().rev() {
        if names_row(kind, &text[i..]) {
            let head = text[..i].trim();
            return ((!head.is_empty()).then(|| head.to_string()), text[i..].to_string());
        }
    }
    (None, text.to_string())
}

/// A table section → tabbed row groups: each label with the run after it; header text alone.
fn table_lines(body: &str, kind: SectionKind) -> Vec<String> {
    let mut out = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let cell_rows = |cells: &[String], out: &mut Vec<String>| {
        out.extend(cells.iter().map(|c| format!("\t{}", c.trim())));
        out.push(String::new());
    };
    for piece in pieces(body) {
        match piece {
            Piece::Text(t) => texts.extend(split_numbering(&t)),
            Piece::Run(runs) => {
                let label = if kind == SectionKind::Reviews { None } else { texts.pop() };
                for t in texts.drain(..) {
                    cell_rows(&[t], &mut out);
                }
                match label {
                    Some(l) => {
                        let (head, label) = label_tail(kind, &l);
                        if let Some(h) = head {
                            cell_rows(&[h], &mut out);
                        }
                        cell_rows(&[vec![label], runs].concat(), &mut out);
                    }
                    None => cell_rows(&runs, &mut out),
                }
            }
        }
    }
    for t in texts {
        cell_rows(&[t], &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_label_numbering_are_told_apart() {
        let p = pieces("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开1000001");
        assert_eq!(
            p,
            vec![
                Piece::Text("（三）不予公开1.属于国家秘密".into()),
                Piece::Run(vec!["0000000".into()]),
                Piece::Text("2.其他法律行政法规禁止公开".into()),
                Piece::Run(vec!["1000001".into()]),
            ]
        );
        assert_eq!(
            pieces("行政事业性收费369.9365"),
            vec![Piece::Text("行政事业性收费".into()), Piece::Run(vec!["369.9365".into()])]
        );
        let spaced = vec![
            Piece::Text("规章".into()),
            Piece::Run(vec!["0".into(), "0".into(), "3".into()]),
            Piece::Text(" 规范性文件".into()),
        ];
        assert_eq!(pieces("规章0 0 3 规范性文件"), spaced);
    }

    #[test]
    fn numbering_cuts_labels_but_not_item_numbers() {
        assert_eq!(split_numbering("三、本年度办理结果（一）予以公开"), vec!["三、本年度办理结果", "（一）予以公开"]);
        assert_eq!(split_numbering("第二十条第（一）项信息内容"), vec!["第二十条第（一）项信息内容"]);
    }

    #[test]
    fn header_text_is_cut_off_the_row_label() {
        let (head, label) = label_tail(SectionKind::Active, "第二十条第（一）项信息内容本年制发件数现行有效件数规章");
        assert_eq!(
            (head.as_deref(), label.as_str()),
            (Some("第二十条第（一）项信息内容本年制发件数现行有效件数"), "规章")
        );
        let (head, label) = label_tail(SectionKind::Applications, "一、本年新收政府信息公开申请数量");
        assert_eq!((head, label.as_str()), (None, "一、本年新收政府信息公开申请数量"));
    }

    #[test]
    fn a_one_line_report_is_cut_into_sections_and_rows() {
        let body = "某镇2021年政府信息公开工作年度报告本报告依据条例编制。一、总体情况今年我镇公开信息12条。{pad}\
                    二、主动公开政府信息情况第二十条第（五）项信息内容本年处理决定数量行政许可45\
                    三、收到和处理政府信息公开申请情况申请人情况自然人一、本年新收政府信息公开申请数量801000081\
                    四、政府信息公开行政复议、行政诉讼情况行政复议结果维持总计000000000000000\
                    五、存在的主要问题及改进情况一是不足。六、其他需要报告的事项无。某镇人民政府2022年1月21日";
        let body = body.replace("{pad}", &"我镇坚持以公开为常态、不公开为例外，持续规范公开程序。".repeat(8));
        let text =
            format!("标题: 某镇2021年政府信息公开工作年度报告\n发布时间: 2022-01-25\n===== 正文 =====\n{body}\n");
        assert!(is_one_line(&text));
        let t = to_tabbed(&text);
        assert!(t.starts_with("某镇2021年政府信息公开工作年度报告\n本报告依据条例编制。\n一、总体情况\n"), "{t}");
        assert!(t.contains("\t行政许可\n\t45\n"), "{t}");
        assert!(t.contains("\t一、本年新收政府信息公开申请数量\n\t801000081\n"), "{t}");
        assert!(t.contains("\t000000000000000\n"), "{t}");
        assert!(t.ends_with("某镇人民政府\n2022年1月21日\n"), "{t}");
        assert!(!t.contains("发布时间"));
    }

    #[test]
    fn arabic_headings_after_figures_are_found_in_turn() {
        let line = "1、总体情况正文。2、主动公开政府信息情况规章0003、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001";
        let found: Vec<&str> = headings(line).iter().map(|&(a, b)| &line[a..b]).collect();
        assert_eq!(found, vec!["1、总体情况", "2、主动公开政府信息情况", "3、收到和处理政府信息公开申请情况"]);
        let spaced = "一、总体情况正文。二、 主动公开政府信息情况规章000三 、 收到和处理政府信息公开申请情况";
        assert_eq!(headings(spaced).len(), 3);
    }

    #[test]
    fn bare_titles_are_headings_but_a_list_of_them_is_not() {
        let line = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。总体情况2019年，我镇公开。\
                    主动公开政府信息情况第二十条规章000收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量1000001";
        let found: Vec<&str> = headings(line).iter().map(|&(a, b)| &line[a..b]).collect();
        assert_eq!(found, vec!["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]);
    }

    #[test]
    fn a_bare_heading_right_after_the_title_and_a_short_numbered_one() {
        let lines = report_lines("某镇政府信息公开工作年度报告总体情况今年公开12条。二、主动公开情况规章000", None);
        assert_eq!(lines[..3], ["某镇政府信息公开工作年度报告", "总体情况", "今年公开12条。"]);
        assert!(lines.contains(&"二、主动公开情况".to_string()), "{lines:?}");
    }
}
