//! Section headings (一、总体情况 …) in any numbering, mapped to SCHEMA's kinds by meaning.
//!
//! A top-level heading is numbered 一、/1、/1./第一部分 or bare; （一）-style numbering is always a
//! sub-heading and stays inside its section. Bare and Arabic-numbered headings are accepted only when
//! their wording names a standard section and they come after the section read so far, so a bold
//! paragraph title such as `平台建设情况` is never mistaken for one.

use super::layout::Item;
use super::normalize::squeeze;
use crate::model::{Section, SectionKind};

/// A line read as a top-level heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The numeral as printed (`一`, `3`), if any.
    pub number: Option<String>,
    /// Chinese-numeral style (一、) rather than Arabic (1、).
    pub chinese: bool,
    /// The numeral's value.
    pub ordinal: Option<u32>,
    /// Heading text without numbering, whitespace removed.
    pub title: String,
    /// What it is about.
    pub kind: SectionKind,
    /// Text run on after the heading on the same line (`一、总体情况。2020年，…`).
    pub rest: Option<String>,
}

/// Chinese numerals 一…十 and their values.
const NUMERALS: [(char, u32); 10] =
    [('一', 1), ('二', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('七', 7), ('八', 8), ('九', 9), ('十', 10)];

/// Reads a line as a candidate top-level heading (numbering + a short title), whatever its kind.
#[must_use]
pub fn candidate(line: &str) -> Option<Heading> {
    let s = squeeze(line);
    let s = s.trim_end_matches(['：', ':', '。']);
    if s.is_empty() || s.starts_with(['（', '(']) {
        return None;
    }
    if s.ends_with(['、', '，', '；', ',']) {
        return None; // a wrapped line of a sentence, not a heading
    }
    let (number, chinese, ordinal, rest) = split_numbering(s);
    let title = rest.trim_start_matches(['、', '.', '．', ' ']).to_string();
    if number.is_none() && !starts_like_a_section(&title) {
        return None; // a bare line must begin as a section title does, not mid-sentence
    }
    let len = title.chars().count();
    if !(2..=32).contains(&len) || title.contains(['。', '；', ';', '，']) {
        return run_in(number, chinese, ordinal, &title);
    }
    if title.chars().any(|c| c.is_ascii_digit()) && kind_of(&title) == SectionKind::Unknown {
        return None;
    }
    Some(Heading { number, chinese, ordinal, kind: kind_of(&title), title, rest: None })
}

/// A numbered heading with its paragraph run on after `。` or `：` (`一、总体情况。2020年，我镇…`).
fn run_in(number: Option<String>, chinese: bool, ordinal: Option<u32>, title: &str) -> Option<Heading> {
    if !chinese || number.is_none() {
        return None;
    }
    let (i, sep) = title.char_indices().take(33).find(|(_, c)| matches!(c, '。' | '：' | ':'))?;
    let head = &title[..i];
    let kind = kind_of(head);
    if kind == SectionKind::Unknown || head.contains(['，', '；']) {
        return None;
    }
    let rest = title[i + sep.len_utf8()..].trim().to_string();
    Some(Heading {
        number,
        chinese,
        ordinal,
        kind,
        title: head.to_string(),
        rest: Some(rest).filter(|r| !r.is_empty()),
    })
}

/// How the standard section titles begin (bare headings must begin so).
fn starts_like_a_section(title: &str) -> bool {
    const STARTS: [&str; 17] = [
        "总体情况",
        "概述",
        "基本情况",
        "总体概况",
        "主动公开",
        "收到和处理",
        "依申请",
        "政府信息公开行政复议",
        "政府信息公开的行政复议",
        "因政府信息公开",
        "行政复议",
        "存在的主要问题",
        "存在问题",
        "主要问题",
        "其他需要",
        "其它需要",
        "其他事项",
    ];
    STARTS.iter().any(|w| title.starts_with(w)) && title.matches('、').count() <= 1
}

/// Splits `一、` / `1、` / `1.` / `第一部分` numbering off. Returns (numeral, chinese, value, rest).
fn split_numbering(s: &str) -> (Option<String>, bool, Option<u32>, &str) {
    let s2 = s.strip_prefix('第').unwrap_or(s);
    let mut chars = s2.char_indices();
    if let Some((_, c)) = chars.next()
        && let Some(&(_, v)) = NUMERALS.iter().find(|(n, _)| *n == c)
    {
        let rest = &s2[c.len_utf8()..];
        let rest = rest
            .strip_prefix("部分")
            .or_else(|| rest.strip_prefix('章'))
            .or_else(|| rest.strip_prefix(['、', '.', '．']))
            .filter(|_| s2.len() < s.len() || rest.starts_with(['、', '.', '．']));
        if let Some(rest) = rest {
            return (Some(c.to_string()), true, Some(v), rest);
        }
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let rest = &s[digits.len()..];
        if let Some(r) = rest.strip_prefix(['、', '.', '．']) {
            return (Some(digits.clone()), false, digits.parse().ok(), r);
        }
    }
    (None, false, None, s)
}

/// Maps a heading's wording to a section kind.
#[must_use]
pub fn kind_of(title: &str) -> SectionKind {
    let t = title.replace('它', "他");
    let has = |w: &str| t.contains(w);
    if has("其他需要报告") || has("需要报告的") || t == "其他事项" || has("其他需报告") {
        SectionKind::OtherMatters
    } else if has("行政复议") || has("行政诉讼") || has("行政法复议") {
        SectionKind::Reviews
    } else if has("存在的主要问题") || has("存在问题") || has("主要问题") || has("问题及") || has("不足")
    {
        SectionKind::Problems
    } else if has("收到和处理") || has("依申请") || has("申请情况") || has("申请公开") {
        SectionKind::Applications
    } else if has("主动公开") {
        SectionKind::Active
    } else if has("总体情况") || has("概述") || has("基本情况") || has("总体概况") || t == "概况" {
        SectionKind::Overview
    } else {
        SectionKind::Unknown
    }
}

fn order(kind: SectionKind) -> Option<u8> {
    match kind {
        SectionKind::Overview => Some(0),
        SectionKind::Active => Some(1),
        SectionKind::Applications => Some(2),
        SectionKind::Reviews => Some(3),
        SectionKind::Problems => Some(4),
        SectionKind::OtherMatters => Some(5),
        SectionKind::Unknown => None,
    }
}

/// Tracks the headings accepted so far and decides on the next one.
#[derive(Debug, Default)]
pub struct Tracker {
    last_order: Option<u8>,
    last_ordinal: Option<u32>,
    chinese_style: Option<bool>,
}

impl Tracker {
    /// Accepts `line` as the next top-level heading, or not.
    pub fn accept(&mut self, line: &str) -> Option<Heading> {
        let h = candidate(line)?;
        if h.number.is_some() && self.chinese_style.is_some_and(|c| c != h.chinese) {
            return None;
        }
        let progresses = match (order(h.kind), self.last_order) {
            (Some(o), Some(last)) => o > last,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let next_ordinal = h.ordinal.is_some() && h.ordinal == Some(self.last_ordinal.unwrap_or(0) + 1);
        let ok = if h.kind == SectionKind::Unknown {
            next_ordinal && self.chinese_style.unwrap_or(true) == h.chinese && looks_like_heading(&h.title)
        } else {
            progresses || (next_ordinal && h.number.is_some())
        };
        if !ok {
            return None;
        }
        if let Some(o) = order(h.kind) {
            self.last_order = Some(o);
        }
        if h.ordinal.is_some() {
            self.last_ordinal = h.ordinal;
            self.chinese_style.get_or_insert(h.chinese);
        }
        Some(h)
    }
}

/// Wording typical of a report's own section titles.
fn looks_like_heading(title: &str) -> bool {
    ["情况", "工作", "问题", "事项", "措施", "概述", "建议", "减免", "收费", "说明", "计划"]
        .iter()
        .any(|w| title.contains(w))
}

/// Sections built from the items, the preamble, and the section index of every item.
#[derive(Debug, Default)]
pub struct Outline {
    /// Top-level sections in order.
    pub sections: Vec<Section>,
    /// Prose before the first heading.
    pub preamble: Vec<String>,
    /// For each item, the index of the section it lies in.
    pub section_of: Vec<Option<usize>>,
    /// Indices of the items that are headings.
    pub headings: Vec<usize>,
    /// Text run on after each section's heading on the same line.
    pub run_in: Vec<Option<String>>,
}

/// Splits the items into sections.
#[must_use]
pub fn outline(items: &[Item]) -> Outline {
    let mut out = Outline::default();
    let mut tracker = Tracker::default();
    let mut texts: Vec<Vec<String>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Item::Text { text, .. } = item
            && let Some(h) = tracker.accept(text)
        {
            out.headings.push(i);
            out.sections.push(Section { number: h.number, title: h.title, kind: h.kind, text: String::new() });
            texts.push(h.rest.clone().into_iter().collect());
            out.run_in.push(h.rest);
            out.section_of.push(Some(out.sections.len() - 1));
            continue;
        }
        out.section_of.push(out.sections.len().checked_sub(1));
        if let Item::Text { text, .. } = item {
            match texts.last_mut() {
                Some(t) => t.push(text.clone()),
                None => out.preamble.push(text.clone()),
            }
        }
    }
    for (s, t) in out.sections.iter_mut().zip(texts) {
        s.text = t.join("\n");
    }
    out
}

/// Sets the sections' text and the preamble again, leaving out the items in `skip` (table pieces).
pub fn refill_text(out: &mut Outline, items: &[Item], skip: &std::collections::HashSet<usize>) {
    let mut texts: Vec<Vec<String>> = out.run_in.iter().map(|r| r.clone().into_iter().collect()).collect();
    let mut preamble = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Item::Text { text, .. } = item else { continue };
        if skip.contains(&i) || out.headings.contains(&i) {
            continue;
        }
        match out.section_of.get(i).copied().flatten().and_then(|s| texts.get_mut(s)) {
            Some(t) => t.push(text.clone()),
            None => preamble.push(text.clone()),
        }
    }
    for (s, t) in out.sections.iter_mut().zip(texts) {
        s.text = t.join("\n");
    }
    out.preamble = preamble;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(lines: &[&str]) -> Vec<SectionKind> {
        let mut t = Tracker::default();
        lines.iter().filter_map(|l| t.accept(l)).map(|h| h.kind).collect()
    }

    #[test]
    fn numbered_headings_in_any_style() {
        use SectionKind::*;
        let k = kinds(&[
            "一、总体情况",
            "二 、 主动公开政府信息情况",
            "三 、 收到和处理政府信息公开申请情况",
            "四．因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "五、存在的主要问题及整改措施",
            "六、其它需要报告的事项",
        ]);
        assert_eq!(k, vec![Overview, Active, Applications, Reviews, Problems, OtherMatters]);
    }

    #[test]
    fn sub_headings_and_paragraph_titles_are_not_sections() {
        let k = kinds(&["一、总体情况", "（一）主动公开情况", "平台建设情况", "1.完善了政府信息公开制度。"]);
        assert_eq!(k, vec![SectionKind::Overview]);
    }

    #[test]
    fn bare_headings_must_progress() {
        use SectionKind::*;
        let k = kinds(&["总体情况", "主动公开政府信息情况", "总体情况", "存在的主要问题及改进情况"]);
        assert_eq!(k, vec![Overview, Active, Problems]);
    }

    #[test]
    fn legacy_unknown_section_in_sequence() {
        use SectionKind::*;
        let k = kinds(&[
            "一、概述",
            "二、主动公开政府信息情况",
            "三、依申请公开政府信息情况",
            "四、政府信息公开的收费及减免情况",
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "三、本",
        ]);
        assert_eq!(k, vec![Overview, Active, Applications, Unknown, Reviews]);
    }

    #[test]
    fn heading_with_its_paragraph_on_the_same_line() {
        let h = candidate("一、总体情况。2020年，我镇认真贯彻落实条例。").unwrap_or_else(|| panic!("no heading"));
        assert_eq!((h.kind, h.title.as_str()), (SectionKind::Overview, "总体情况"));
        assert_eq!(h.rest.as_deref(), Some("2020年，我镇认真贯彻落实条例"));
        assert!(candidate("一是加强领导。主动公开政府信息情况良好。").is_none());
    }

    #[test]
    fn wrapped_lead_paragraph_lines_are_not_headings() {
        assert!(candidate("处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、").is_none());
        assert!(candidate("主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题").is_none());
        assert!(candidate("四、政府信息公开行政复议、行政诉讼情况").is_some());
        assert!(candidate("和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情").is_none());
        assert!(candidate("政府信息公开行政复议、行政诉讼情况").is_some());
    }

    #[test]
    fn heading_number_and_title_are_kept() {
        let h = candidate("3、 收到和处理政府信息公开申请情况").unwrap_or_else(|| panic!("no heading"));
        assert_eq!((h.number.as_deref(), h.title.as_str()), (Some("3"), "收到和处理政府信息公开申请情况"));
    }
}
