//! A hit as the list shows it: its stored fields and a snippet around the first match, matches
//! marked.

use serde::Deserialize;
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::{Hit, HitRegion, QueryError, Snippet, stored_text};
use crate::index::Fields;
use gongkai_core::model::{AgencyType, Level};

/// The parts of a stored record the hit list and snippets need.
#[derive(Deserialize)]
struct Light {
    title: Option<String>,
    #[serde(default)]
    preamble: String,
    #[serde(default)]
    sections: Vec<LightSection>,
}

#[derive(Deserialize)]
struct LightSection {
    title: String,
    text: String,
}

/// A hit: the document's stored fields, its headline figures and a snippet for `terms`.
pub(super) fn hit(searcher: &Searcher, addr: DocAddress, score: f32, terms: &[String]) -> Result<Hit, QueryError> {
    let fl = Fields::get();
    let doc: TantivyDocument = searcher.doc(addr)?;
    let s = |field: Field| stored_text(&doc, field);
    let opt = |field: Field| Some(s(field)).filter(|v| !v.is_empty());
    let num = |field: Field| doc.get_first(field).and_then(|v| v.as_i64());
    let id = doc.get_first(fl.id).and_then(|v| v.as_u64()).unwrap_or(0);
    let record = s(fl.record);
    let light: Option<Light> = serde_json::from_str(&record).ok();
    let snippet = light.as_ref().map(|l| snippet_of(l, terms)).unwrap_or_default();
    let year = num(fl.year).filter(|y| *y >= 0).and_then(|y| i32::try_from(y).ok());
    let headline = fl.numeric.map(|field| num(field).filter(|v| *v >= 0));
    let failing = doc.get_first(fl.failing).and_then(|v| v.as_u64()) == Some(1);
    Ok(Hit {
        id,
        source: s(fl.source),
        agency: s(fl.agency_exact),
        agency_type: AgencyType::from_name(&s(fl.agency_type)).unwrap_or(AgencyType::Other),
        level: Level::from_name(&s(fl.level)),
        region: HitRegion {
            province: opt(fl.province),
            city: opt(fl.city),
            county: opt(fl.county),
            code: opt(fl.region_code),
        },
        year,
        score,
        snippet,
        applications: headline[0],
        failing,
        headline,
        addr,
    })
}

/// A window of text around the first match, matches highlighted; the title when nothing matches.
fn snippet_of(l: &Light, terms: &[String]) -> Snippet {
    let mut text = String::new();
    for part in
        std::iter::once(l.preamble.as_str()).chain(l.sections.iter().flat_map(|s| [s.title.as_str(), s.text.as_str()]))
    {
        text.push_str(part);
        text.push(' ');
    }
    let text: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    make_snippet(&text, terms, l.title.as_deref().unwrap_or(""))
}

/// The text to look for the (lowercase) terms in: the text itself when no term has a letter with
/// case (Chinese, digits: a lowercased copy of a whole report, a third of a hit's cost, would change
/// nothing for them), else its lowercase.
fn lowered_for<'a>(text: &'a str, terms: &[String]) -> std::borrow::Cow<'a, str> {
    let caseless = terms.iter().all(|t| t.chars().all(|c| !c.is_lowercase() && !c.is_uppercase()));
    if caseless { std::borrow::Cow::Borrowed(text) } else { std::borrow::Cow::Owned(text.to_lowercase()) }
}

/// Cuts a window of about 40 characters before and 80 after the first match of any term.
#[must_use]
pub fn make_snippet(text: &str, terms: &[String], fallback: &str) -> Snippet {
    let lower = lowered_for(text, terms);
    let first = terms.iter().filter(|t| !t.is_empty()).filter_map(|t| lower.find(t.as_str())).min();
    let Some(pos) = first.filter(|_| lower.len() == text.len()) else {
        let t: String = fallback.chars().take(80).collect();
        return Snippet { text: t, highlights: Vec::new() };
    };
    let start = text[..pos].char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    let end = text[pos..].char_indices().nth(80).map_or(text.len(), |(i, _)| pos + i);
    let window = &text[start..end];
    Snippet { text: window.trim().to_string(), highlights: shift_after_trim(window, term_ranges(window, terms)) }
}

/// Byte ranges of every occurrence of the (lowercase) terms in `text`, in order; none when
/// lowercasing would move byte offsets.
#[must_use]
pub fn term_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let lower = lowered_for(text, terms);
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for t in terms.iter().filter(|t| !t.is_empty()) {
        let mut from = 0;
        while let Some(i) = lower[from..].find(t.as_str()) {
            out.push((from + i, from + i + t.len()));
            from += i + t.len();
        }
    }
    out.sort_unstable();
    out
}

fn shift_after_trim(window: &str, hl: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let lead = window.len() - window.trim_start().len();
    let len = window.trim().len();
    hl.into_iter().filter(|&(a, b)| a >= lead && b - lead <= len).map(|(a, b)| (a - lead, b - lead)).collect()
}

#[cfg(test)]
mod tests {
    use super::make_snippet;

    #[test]
    fn snippets_find_chinese_as_written_and_letters_in_any_case() {
        let text = "本机关 İstanbul 之外，依申请公开 APPS 办理。";
        let s = make_snippet(text, &["依申请".to_string()], "标题");
        assert!(s.text.contains("依申请公开"), "{s:?}");
        assert_eq!(s.highlights.iter().map(|&(a, b)| &s.text[a..b]).collect::<Vec<_>>(), ["依申请"]);
        let plain = make_snippet("前言，依申请公开 APPS 办理。", &["依申请".to_string(), "apps".to_string()], "标题");
        let marked: Vec<&str> = plain.highlights.iter().map(|&(a, b)| &plain.text[a..b]).collect();
        assert_eq!(marked, ["依申请", "APPS"]);
        let none = make_snippet("前言", &["无此词".to_string()], "标题");
        assert_eq!(none.text, "标题");
    }
}
