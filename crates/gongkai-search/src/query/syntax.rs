//! The query language: words, "phrases", AND/OR, -exclusion and field:value.

use super::figures::{Comparison, parse_comparison};
use crate::index::tokenizer::{Piece, pieces};
use gongkai_core::model::AgencyType;

/// One searchable unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// Text to find; `true` when it is the last, unquoted word (matched as a prefix while typing).
    Text(String, bool),
    /// `field:value`.
    Field(String, String),
    /// Any of several agency types (from the filter bar).
    AnyType(Vec<AgencyType>),
    /// `FIELD OP NUMBER`: a figure compared with a number.
    Figure(Comparison),
}

/// A parsed query: groups joined by AND, atoms within a group joined by OR.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// AND of OR-groups.
    pub groups: Vec<Vec<Atom>>,
    /// Excluded atoms (`-word`).
    pub excluded: Vec<Atom>,
}

const FIELDS: [&str; 9] = ["year", "type", "province", "city", "county", "level", "template", "agency", "failing"];

impl Parsed {
    /// The literal strings to highlight: each positive text atom's Han runs and words.
    #[must_use]
    pub fn highlight_terms(&self) -> Vec<String> {
        let mut out = Vec::new();
        for a in self.groups.iter().flatten() {
            if let Atom::Text(t, _) = a {
                for p in pieces(t) {
                    out.push(match p {
                        Piece::Han(run) => run.iter().map(|(_, c)| *c).collect(),
                        Piece::Word(w, _, _) => w,
                    });
                }
            }
        }
        out
    }
}

/// Splits the query into raw tokens, keeping quoted parts together; `true` marks a quoted token.
/// Only the ASCII `"` quotes: Chinese quotation marks (“” ‘’ 「」) and other full-width punctuation are
/// text, as in the reports (`开展政务公开“六提六促”` finds the report that prints it).
fn lex(input: &str) -> Result<Vec<(String, bool)>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut had_quote = false;
    for c in input.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                had_quote = true;
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() || had_quote {
                    out.push((std::mem::take(&mut cur), had_quote));
                }
                had_quote = false;
            }
            c => cur.push(c),
        }
    }
    if quoted {
        return Err("unclosed quote".into());
    }
    if !cur.is_empty() || had_quote {
        out.push((cur, had_quote));
    }
    Ok(out)
}

/// Parses query text.
///
/// # Errors
/// A message for unclosed quotes, unknown types or bad years.
pub fn parse(input: &str) -> Result<Parsed, String> {
    // As in reports: full-width digits and letters are ASCII (`２０２０年` finds what `2020年` finds).
    let normalized: String = input.chars().filter_map(gongkai_core::parse::normalize::normalize_char).collect();
    let input = normalized.as_str();
    let tokens = lex(input)?;
    let ends_open = !input.ends_with(char::is_whitespace);
    let mut p = Parsed::default();
    let mut join_next = false;
    let n = tokens.len();
    for (i, (tok, quoted)) in tokens.into_iter().enumerate() {
        if !quoted && matches!(tok.as_str(), "OR" | "|" | "或") {
            join_next = !p.groups.is_empty();
            continue;
        }
        if !quoted && matches!(tok.as_str(), "AND" | "&" | "且") {
            continue;
        }
        let (neg, body) = match tok.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, tok),
        };
        if body.is_empty() {
            continue;
        }
        let atom = atom(&body, quoted, i + 1 == n && ends_open)?;
        if neg {
            p.excluded.push(atom);
        } else if join_next && let Some(g) = p.groups.last_mut() {
            g.push(atom);
            join_next = false;
        } else {
            p.groups.push(vec![atom]);
        }
    }
    Ok(p)
}

fn atom(body: &str, quoted: bool, last_open: bool) -> Result<Atom, String> {
    if !quoted && let Some(cmp) = parse_comparison(body) {
        return cmp.map(Atom::Figure);
    }
    if !quoted && let Some((name, value)) = body.split_once([':', '：']) {
        let name = name.to_ascii_lowercase();
        if FIELDS.contains(&name.as_str()) {
            if value.is_empty() {
                return Err(format!("{name}: needs a value"));
            }
            if name == "year" && year_range(value).is_none() {
                return Err(format!("year: '{value}' is not a year or a range like 2019..2021"));
            }
            if name == "type" && AgencyType::from_name(value).is_none() {
                return Err(format!(
                    "type: '{value}' is not a known type (乡 镇 街道 县 市 省 部门, or township town …)"
                ));
            }
            return Ok(Atom::Field(name, value.to_string()));
        }
    }
    Ok(Atom::Text(body.to_string(), last_open && !quoted))
}

/// `2020` → (2020, 2020); `2019..2021` or `2019-2021` → (2019, 2021).
#[must_use]
pub fn year_range(v: &str) -> Option<(i32, i32)> {
    let (a, b) = v.split_once("..").or_else(|| v.split_once('-')).unwrap_or((v, v));
    let a: i32 = a.trim().parse().ok()?;
    let b: i32 = b.trim().parse().ok()?;
    ((1900..=2100).contains(&a) && (1900..=2100).contains(&b)).then(|| (a.min(b), a.max(b)))
}

/// Level names in SCHEMA form from English or Chinese words.
#[must_use]
pub fn level_name(v: &str) -> Option<String> {
    let l = match v {
        "province" | "省级" | "省" => "province",
        "prefecture" | "地级" | "市级" | "市" => "prefecture",
        "county" | "县级" | "县" => "county",
        "township" | "乡级" | "乡镇" | "乡" => "township",
        _ => return None,
    };
    Some(l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Atom {
        Atom::Text(s.into(), false)
    }

    #[test]
    fn words_phrases_and_or() {
        let p = parse("刘集镇 \"依申请 公开\" 财政 OR 预算 ").unwrap_or_default();
        assert_eq!(p.groups, vec![vec![text("刘集镇")], vec![text("依申请 公开")], vec![text("财政"), text("预算")]]);
    }

    #[test]
    fn exclusion_and_fields() {
        let p = parse("信访 -重复 year:2019..2021 type:镇 province:安徽").unwrap_or_default();
        assert_eq!(p.excluded, vec![text("重复")]);
        assert_eq!(p.groups[1], vec![Atom::Field("year".into(), "2019..2021".into())]);
        assert_eq!(p.groups[2], vec![Atom::Field("type".into(), "镇".into())]);
    }

    #[test]
    fn last_open_word_is_a_prefix() {
        let p = parse("ljz").unwrap_or_default();
        assert_eq!(p.groups, vec![vec![Atom::Text("ljz".into(), true)]]);
    }

    #[test]
    fn chinese_quotation_marks_are_text() {
        let p = parse("开展政务公开“六提六促”行动").unwrap_or_default();
        assert_eq!(p.groups, vec![vec![Atom::Text("开展政务公开“六提六促”行动".into(), true)]]);
        let p = parse("「三公」 ‘一网通办’ ").unwrap_or_default();
        assert_eq!(p.groups, vec![vec![text("「三公」")], vec![text("‘一网通办’")]]);
        assert!(parse("“未闭合").is_ok());
    }

    #[test]
    fn full_width_digits_and_letters_are_ascii() {
        assert_eq!(parse("２０２０年 ＡＢ").unwrap_or_default(), parse("2020年 AB").unwrap_or_default());
        assert_eq!(
            parse("year：２０２０").unwrap_or_default().groups[0],
            vec![Atom::Field("year".into(), "2020".into())]
        );
    }

    #[test]
    fn errors_are_explained() {
        assert!(parse("\"open").is_err());
        assert!(parse("year:abc").is_err());
        assert!(parse("type:村").is_err());
    }

    #[test]
    fn year_ranges() {
        assert_eq!(year_range("2020"), Some((2020, 2020)));
        assert_eq!(year_range("2021..2019"), Some((2019, 2021)));
        assert_eq!(year_range("1800"), None);
    }
}
