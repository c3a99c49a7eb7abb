//! Metadata read from prose: title, the agency's name as printed, year, publication date, contact.

use std::sync::OnceLock;

use regex::Regex;

use super::normalize::{is_han, squeeze};
use crate::model::Contact;

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // The patterns are literals checked by the tests below; a failure here is a programming error.
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}")))
}

/// Finds the title among the first lines: a short line naming a report, joined with the line above
/// when the title was broken in two. Returns the title and how many leading lines it used.
#[must_use]
pub fn title(lines: &[String]) -> Option<String> {
    let head: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).take(12).collect();
    let is_title = |l: &str| {
        let n = l.chars().count();
        let crumbs = l.contains(['>', '|', '»', '＞']) || l.contains("首页") || l.contains("当前位置");
        n <= 70 && !l.contains('。') && !crumbs && (l.contains("报告") || l.contains("年报"))
    };
    let k = head.iter().position(|l| is_title(l))?;
    let marks: &[char] = &['【', '】', '《', '》', '#', '*', ' ', '\t'];
    let line = head[k].trim_matches(marks);
    if k > 0 {
        let prev = head[k - 1].trim_matches(marks);
        let short = prev.chars().count() <= 30 && !prev.contains(['。', '，', '；', '>', '|']);
        if short && prev.chars().any(is_han) && !prev.contains("首页") && !prev.contains("报告") {
            return Some(format!("{}{}", prev.trim(), line));
        }
    }
    Some(line.to_string())
}

/// The agency part of a title: what precedes the year or the words 政府信息公开/信息公开/关于.
#[must_use]
pub fn agency_from_title(title: &str) -> Option<String> {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let s = chinese_year_digits(&squeeze(title));
    let mut cut = s.len();
    if let Some(m) = re(&YEAR, r"(19|20)\d{2}年").find(&s) {
        cut = cut.min(m.start());
    }
    for w in ["政府信息公开", "信息公开", "政务公开", "关于", "年度"] {
        if let Some(i) = s.find(w) {
            cut = cut.min(i);
        }
    }
    let prefix = s[..cut].trim_end_matches(['的', '：', ':']);
    if prefix.chars().filter(|&c| is_han(c)).count() >= 2 {
        return Some(prefix.to_string());
    }
    // `2020年度某某镇政府信息公开工作年度报告`: the name follows the year.
    let after = re(&YEAR, r"(19|20)\d{2}年").find(&s).filter(|m| m.start() == 0)?;
    let rest = s[after.end()..].trim_start_matches('度');
    let end = ["政府信息公开", "信息公开", "政务公开"].iter().filter_map(|w| rest.find(w)).min()?;
    let name = &rest[..end];
    (name.chars().filter(|&c| is_han(c)).count() >= 2).then(|| name.to_string())
}

/// Names of reporting units mentioned in the body (`…肖寨门镇政府…`, `…派镇人民政府…`), most
/// frequent first: the Han run before each 人民政府/政府/办事处/管委会.
#[must_use]
pub fn agency_mentions(text: &str) -> Vec<String> {
    static UNIT: OnceLock<Regex> = OnceLock::new();
    let r = re(&UNIT, r"(\p{Han}{2,14}?)(人民政府|街道办事处|办事处|政府|管理委员会|管委会)");
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in r.captures_iter(text) {
        let (Some(name), Some(suffix)) = (c.get(1), c.get(2)) else { continue };
        // 政府信息公开 is the law's phrase, not a unit: `…高度重视政府信息公开工作`.
        if suffix.as_str() == "政府" && text[suffix.end()..].starts_with("信息") {
            continue;
        }
        let full = format!("{}{}", name.as_str(), suffix.as_str());
        match counts.iter_mut().find(|(n, _)| *n == full) {
            Some((_, k)) => *k += 1,
            None => counts.push((full, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(n, _)| n).collect()
}

/// The year reported on: from the title, else the 统计期限, else the most frequent `20xx年度`.
#[must_use]
pub fn year(title: Option<&str>, text: &str) -> Option<i32> {
    static Y: OnceLock<Regex> = OnceLock::new();
    static PERIOD: OnceLock<Regex> = OnceLock::new();
    static NIANDU: OnceLock<Regex> = OnceLock::new();
    let y = re(&Y, r"((?:19|20)\d{2})\s*年");
    if let Some(t) = title.map(chinese_year_digits)
        && let Some(c) = y.captures(&t)
    {
        return c.get(1).and_then(|m| m.as_str().parse().ok());
    }
    let period = re(&PERIOD, r"((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日");
    if let Some(c) = period.captures(text) {
        return c.get(1).and_then(|m| m.as_str().parse().ok());
    }
    let niandu = re(&NIANDU, r"((?:19|20)\d{2})\s*年度");
    if let Some(y) = most_frequent(niandu.captures_iter(text).filter_map(|c| c.get(1)?.as_str().parse().ok())) {
        return Some(y);
    }
    // Last resort: a year the text names at least twice (`2020年以来…`, `2020年，…`).
    let mentions: Vec<i32> = y.captures_iter(text).filter_map(|c| c.get(1)?.as_str().parse().ok()).collect();
    most_frequent(mentions.iter().copied()).filter(|best| mentions.iter().filter(|m| *m == best).count() >= 2)
}

/// `二〇二〇年度` → `2020年度`: four Chinese digits before 年 become Arabic.
fn chinese_year_digits(s: &str) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let digits: Option<String> = chars
            .get(i..i + 4)
            .filter(|_| chars.get(i + 4) == Some(&'年'))
            .and_then(|w| {
                w.iter()
                    .map(|c| D.iter().position(|d| d == c).or((*c == '零').then_some(0)))
                    .collect::<Option<Vec<_>>>()
            })
            .map(|v| v.iter().map(ToString::to_string).collect());
        match digits {
            Some(d) => {
                out.push_str(&d);
                i += 4;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

fn most_frequent(it: impl Iterator<Item = i32>) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for y in it {
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some((_, k)) => *k += 1,
            None => counts.push((y, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(y, k)| (k, y)).map(|(y, _)| y)
}

/// The printed date: a `发布日期` near the top, else a date alone on one of the last lines (落款).
#[must_use]
pub fn published(lines: &[String]) -> Option<String> {
    static LABELLED: OnceLock<Regex> = OnceLock::new();
    let labelled = re(&LABELLED, r"(?:发布日期|发布时间|成文日期)\s*[:：]?\s*(.{6,20})");
    for l in lines.iter().take(15) {
        if let Some(d) = labelled.captures(l).and_then(|c| c.get(1)).and_then(|m| parse_date(m.as_str())) {
            return Some(d);
        }
    }
    lines.iter().rev().filter(|l| !l.trim().is_empty()).take(8).find_map(|l| {
        let t = squeeze(l);
        (t.chars().count() <= 16).then(|| parse_date(&t)).flatten()
    })
}

/// The signing unit (落款): the short line just above the date at the end of the report.
#[must_use]
pub fn signature_name(lines: &[String]) -> Option<String> {
    let tail: Vec<&str> = lines.iter().rev().map(|l| l.trim()).filter(|l| !l.is_empty()).take(8).collect();
    let date_at = tail.iter().position(|l| l.chars().count() <= 16 && parse_date(&squeeze(l)).is_some())?;
    let name = tail.get(date_at + 1)?;
    let ok = name.chars().count() <= 30 && name.chars().any(is_han) && !name.contains(['。', '，', '；', '：']);
    ok.then(|| squeeze(name))
}

/// Reads `2021年1月20日`, `2021-01-20`, `2021.1.20` or `二〇二一年一月二十日` at the start of `s`.
#[must_use]
pub fn parse_date(s: &str) -> Option<String> {
    static D: OnceLock<Regex> = OnceLock::new();
    let d = re(&D, r"^\s*((?:19|20)\d{2})\s*(?:年|-|\.|/)\s*(\d{1,2})\s*(?:月|-|\.|/)\s*(\d{1,2})\s*日?");
    let s = chinese_date_digits(s);
    let c = d.captures(&s)?;
    let y: u32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let day: u32 = c.get(3)?.as_str().parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&day)).then(|| format!("{y:04}-{m:02}-{day:02}"))
}

/// `二〇二一年一月二十日` → `2021年1月20日`; other text unchanged.
fn chinese_date_digits(s: &str) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: char| D.iter().position(|&d| d == c).or_else(|| (c == '零' || c == 'О').then_some(0));
    let Some((y, rest)) = s.split_once('年') else { return s.to_string() };
    let Some((m, rest)) = rest.split_once('月') else { return s.to_string() };
    let d = rest.split_once('日').map_or(rest, |(d, _)| d);
    let year: Option<String> = y.trim().chars().map(|c| digit(c).map(|v| char::from(b'0' + v as u8))).collect();
    let small = |t: &str| -> Option<usize> {
        let t = t.trim();
        match t.split_once('十') {
            Some((a, b)) => {
                let tens = if a.is_empty() { 1 } else { digit(a.chars().next()?)? };
                let ones = if b.is_empty() { 0 } else { digit(b.chars().next()?)? };
                Some(tens * 10 + ones)
            }
            None if t.chars().count() == 1 => digit(t.chars().next()?),
            None => None,
        }
    };
    match (year, small(m), small(d)) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 => format!("{y}年{m}月{d}日"),
        _ => s.to_string(),
    }
}

/// Contact details from the text (prose lines joined).
#[must_use]
pub fn contact(text: &str) -> Contact {
    static ADDR: OnceLock<Regex> = OnceLock::new();
    static POST: OnceLock<Regex> = OnceLock::new();
    static PHONE: OnceLock<Regex> = OnceLock::new();
    static MAIL: OnceLock<Regex> = OnceLock::new();
    static WEB: OnceLock<Regex> = OnceLock::new();
    let first = |r: &Regex| r.captures(text).and_then(|c| c.get(1)).map(|m| m.as_str().trim().to_string());
    let address = first(re(&ADDR, r"(?:通讯地址|办公地址|联系地址|地址)\s*[:：]\s*([^；;，,。）)\n]{2,60})"))
        .map(|a| cut_at_labels(&a))
        .filter(|a| !a.is_empty());
    let postcode = first(re(&POST, r"(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})"));
    let phone = first(re(&PHONE, r"(?:电话|联系电话|咨询电话|热线|传真)\s*[:：]?\s*([0-9\-－—–()（）\s]{7,24})"))
        .and_then(|p| normalize_phone(&p));
    let email = re(&MAIL, r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
        .find(text)
        .map(|m| m.as_str().to_string());
    let website = first(re(
        &WEB,
        r"(?:网址|网站地址|网站|网页)\s*[:：]?\s*((?:https?://)?(?:www\.)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/[A-Za-z0-9_./?=&%#\-]*)?)",
    ));
    Contact { address, postcode, phone, email, website }
}

/// Contact labels that end the field before them.
const CONTACT_LABELS: [&str; 9] =
    ["邮政编码", "邮编", "联系电话", "电话", "传真", "电子邮箱", "邮箱", "网址", "联系人"];

/// An address run on into the next field (`…66号邮编：611731`) is cut before that field's label.
fn cut_at_labels(a: &str) -> String {
    let end = CONTACT_LABELS.iter().filter_map(|l| a.find(l)).min().unwrap_or(a.len());
    a[..end].trim().to_string()
}

/// `0552－6801005`, `(0552)6801005`, `0552 6801005`, `05526801005` → `0552-6801005`; mobiles as digits.
#[must_use]
pub fn normalize_phone(raw: &str) -> Option<String> {
    let groups: Vec<String> =
        raw.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).map(str::to_string).collect();
    match groups.as_slice() {
        [area, num, ..] if area.starts_with('0') && (3..=4).contains(&area.len()) && (7..=8).contains(&num.len()) => {
            Some(format!("{area}-{num}"))
        }
        [one, ..] if one.len() == 11 && one.starts_with('1') => Some(one.clone()),
        [one, ..] if one.starts_with('0') && (10..=12).contains(&one.len()) => {
            let area_len = if one.starts_with("01") || one.starts_with("02") { 3 } else { 4 };
            Some(format!("{}-{}", &one[..area_len], &one[area_len..]))
        }
        [num, ..] if (7..=8).contains(&num.len()) => Some(num.clone()),
        _ => None,
    }
}

/// Joins lines broken inside a sentence (between two Han characters or digits), as PDF text has them.
#[must_use]
pub fn unwrap_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for l in lines {
        let l = l.trim();
        let join = out.chars().last().is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
            && l.chars().next().is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
            && !CONTACT_LABELS.iter().chain(&["地址"]).any(|w| l.starts_with(w))
            && super::sections::candidate(l).is_none_or(|h| h.number.is_none());
        if !out.is_empty() && !join {
            out.push('\n');
        }
        out.push_str(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn title_on_two_lines_is_joined() {
        let t = title(&lines("韶关市武江区西联镇人民政府2019年信息\n公开工作年度报告\n根据……"));
        assert_eq!(t.as_deref(), Some("韶关市武江区西联镇人民政府2019年信息公开工作年度报告"));
        let t = title(&lines("  淮安市人民政府\n  2024 年政府信息公开工作年度报告\n"));
        assert_eq!(t.as_deref(), Some("淮安市人民政府2024 年政府信息公开工作年度报告"));
    }

    #[test]
    fn breadcrumbs_are_not_titles() {
        let t = title(&lines("首页 > 政务公开 > 政府信息公开年报\n某县2020年政府信息公开工作年度报告\n正文"));
        assert_eq!(t.as_deref(), Some("某县2020年政府信息公开工作年度报告"));
    }

    #[test]
    fn agency_is_what_precedes_year_or_disclosure_words() {
        assert_eq!(agency_from_title("刘集镇2020年度政府信息公开年报").as_deref(), Some("刘集镇"));
        assert_eq!(agency_from_title("九间楼乡政府信息公开工作2020年度报告").as_deref(), Some("九间楼乡"));
        assert_eq!(agency_from_title("淮安市人民政府2024 年政府信息公开").as_deref(), Some("淮安市人民政府"));
        assert_eq!(agency_from_title("政府信息公开工作年度报告"), None);
        assert_eq!(agency_from_title("2020年度枫桥镇政府信息公开工作年度报告").as_deref(), Some("枫桥镇"));
        assert_eq!(agency_from_title("2021年政府信息公开工作年度报告"), None);
        assert_eq!(agency_from_title("某某县二〇二一年政府信息公开工作年度报告").as_deref(), Some("某某县"));
    }

    #[test]
    fn body_mentions_counted() {
        let m = agency_mentions("2020年以来，肖寨门镇政府认真贯彻。肖寨门镇政府所属便民服务中心。请与县人民政府联系");
        assert_eq!(m.first().map(String::as_str), Some("肖寨门镇政府"));
    }

    #[test]
    fn year_from_title_period_or_body() {
        assert_eq!(year(Some("刘集镇2020年度政府信息公开年报"), ""), Some(2020));
        assert_eq!(year(Some("某县二〇二一年政府信息公开工作年度报告"), ""), Some(2021));
        assert_eq!(year(None, "统计期限自2019年1月1日起至2019年12月31日止"), Some(2019));
        assert_eq!(year(None, "2018年度……2018年度……2017年度"), Some(2018));
    }

    #[test]
    fn dates_in_many_forms() {
        assert_eq!(parse_date("2021年1月20日").as_deref(), Some("2021-01-20"));
        assert_eq!(parse_date("2021-01-20").as_deref(), Some("2021-01-20"));
        assert_eq!(parse_date("二〇二一年一月二十日").as_deref(), Some("2021-01-20"));
        assert_eq!(parse_date("二〇二〇年十二月三十一日").as_deref(), Some("2020-12-31"));
        assert_eq!(parse_date("2021年13月1日"), None);
        let l = lines("正文\n米林县派镇人民政府\n\n2020年1月20日\n");
        assert_eq!(published(&l).as_deref(), Some("2020-01-20"));
    }

    #[test]
    fn signature_is_the_line_above_the_closing_date() {
        let l = lines("……正文。\n沭阳县教育局\n2021年1月20日\n");
        assert_eq!(signature_name(&l).as_deref(), Some("沭阳县教育局"));
        assert_eq!(signature_name(&lines("正文。\n无落款。")), None);
    }

    #[test]
    fn contact_fields() {
        let c = contact(
            "（地址：刘集镇五固路南侧；邮编：233708；电话：0552－6801005；电子邮箱：ljz@sina.com）(网址http://www.milin.gov.cn)。",
        );
        assert_eq!(c.address.as_deref(), Some("刘集镇五固路南侧"));
        assert_eq!(c.postcode.as_deref(), Some("233708"));
        assert_eq!(c.phone.as_deref(), Some("0552-6801005"));
        assert_eq!(c.email.as_deref(), Some("ljz@sina.com"));
        assert_eq!(c.website.as_deref(), Some("http://www.milin.gov.cn"));
    }

    #[test]
    fn contact_fields_on_separate_lines() {
        let text = unwrap_lines(&lines("联系方式：\n地址：郫都区犀浦街道犀团路66号\n邮编：611731\n电话：028 87912345"));
        let c = contact(&text);
        assert_eq!(c.address.as_deref(), Some("郫都区犀浦街道犀团路66号"));
        assert_eq!(c.postcode.as_deref(), Some("611731"));
        assert_eq!(c.phone.as_deref(), Some("028-87912345"));
        assert_eq!(contact("地址：某路1号邮编：100000").address.as_deref(), Some("某路1号"));
    }

    #[test]
    fn phones_normalize() {
        for p in ["0552－6801005", "(0552)6801005", "（0552）6801005", "0552 6801005", "05526801005"] {
            assert_eq!(normalize_phone(p).as_deref(), Some("0552-6801005"), "{p}");
        }
        assert_eq!(normalize_phone("010-12345678").as_deref(), Some("010-12345678"));
    }

    #[test]
    fn pdf_lines_are_unwrapped() {
        let s = unwrap_lines(&lines(
            "联系（地址：淮\n安市翔宇南道 1 号，邮编：223001，电\n话：0517-83605210）。\n一、总体情况",
        ));
        assert!(s.contains("地址：淮安市翔宇南道 1 号"), "{s}");
        assert!(s.ends_with("\n一、总体情况"), "{s}");
    }
}
