//! Report text → [`Report`]: the parser. Pure functions over `&str`; the only I/O is in `load`.
//!
//! Steps: [`normalize`] characters; [`layout`] splits lines into prose and table rows; [`sections`]
//! finds the headings; [`tables`] reads the three standard tables by meaning; [`meta`] reads title,
//! year, date and contact; the gazetteer identifies the agency; [`checks`] verifies the figures.

pub mod checks;
pub mod crawl;
pub mod labels;
pub mod layout;
pub mod markdown;
pub mod meta;
pub mod normalize;
pub mod sections;
pub mod split;
pub mod tables;
pub mod value;

use crate::gazetteer;
use crate::load::Source;
use crate::model::{AgencyType, Figures, Report, SectionKind, Template};
use layout::Item;

/// Why a file is not read as a report.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but whitespace after decoding.
    #[error("the file holds no text")]
    Empty,
    /// No title, no section headings and no tables of an annual report.
    #[error("no title, section heading or table of an annual report found ({0} lines read)")]
    NotAReport(usize),
}

/// Parses a loaded file. `source` is the path as the user gave it.
///
/// # Errors
/// [`ParseError`] when the text is empty or shows nothing of an annual report.
pub fn parse_source(src: &Source, source: &str) -> Result<Report, ParseError> {
    parse_text(&src.text, source, src.format, &src.encoding)
}

/// Parses report text.
///
/// # Errors
/// [`ParseError`] when the text is empty or shows nothing of an annual report.
pub fn parse_text(raw: &str, source: &str, format: &str, encoding: &str) -> Result<Report, ParseError> {
    let text = normalize::normalize_text(raw);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let (text, run_together) = reshape(text);
    let is_heading = |l: &str| sections::candidate(l).is_some_and(|h| h.kind != SectionKind::Unknown);
    let items = layout::items(&text, &is_heading);
    let outline = sections::outline(&items);
    let prose: Vec<String> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.clone()),
            Item::Row { .. } => None,
        })
        .collect();
    let mut r = Report::empty(source, format, encoding);
    r.title = meta::title(&outline.preamble);
    let flat = meta::unwrap_lines(&prose);
    r.year = meta::year(r.title.as_deref(), &flat);
    let tables = tables::read(&items, &outline, r.year, run_together);
    let mut outline = outline;
    sections::refill_text(&mut outline, &items, &tables.fragments);
    let has_tables =
        tables.figures.active.is_some() || tables.figures.applications.is_some() || tables.figures.reviews.is_some();
    if r.title.is_none() && outline.sections.is_empty() && !has_tables {
        return Err(ParseError::NotAReport(text.lines().count()));
    }
    r.published = meta::published(&prose);
    r.contact = meta::contact(&flat);
    identify_agency(&mut r, &flat, meta::signature_name(&prose).as_deref());
    r.template = template(&tables, r.year, &outline.sections);
    r.figures = tables.figures;
    r.warnings.extend(tables.warnings);
    let replaced = raw.chars().filter(|c| *c == '\u{FFFD}').count();
    if replaced > 0 {
        r.warnings.push(format!(
            "{replaced} undecodable byte sequence(s) in the file were replaced with U+FFFD: the text around them may be damaged"
        ));
    }
    if r.template == Template::Legacy && r.figures != Figures::default() {
        r.warnings.push("legacy report: its free-form tables are not read as standard figures".into());
        r.figures = Figures::default();
    }
    r.checks = checks::run(&r.figures, r.year, r.published.as_deref());
    r.preamble = meta::unwrap_lines(&preamble_body(&outline.preamble, r.title.as_deref()));
    r.sections = outline.sections;
    Ok(r)
}

/// Text in another layout made tabbed: a report crawled onto one line (its figures run together,
/// said by the flag) or Markdown with pipe tables.
fn reshape(text: String) -> (String, bool) {
    if crawl::is_one_line(&text) {
        (crawl::to_tabbed(&text), true)
    } else if markdown::is_markdown(&text) {
        (markdown::to_tabbed(&text), false)
    } else {
        (text, false)
    }
}

/// The preamble without the title lines (and whatever stood above the title).
fn preamble_body(preamble: &[String], title: Option<&str>) -> Vec<String> {
    let Some(title) = title else { return preamble.to_vec() };
    let t = normalize::squeeze(title);
    let mut joined = String::new();
    for (k, line) in preamble.iter().enumerate().take(12) {
        joined.push_str(&normalize::squeeze(line));
        if joined.ends_with(&t) {
            return preamble[k + 1..].to_vec();
        }
    }
    preamble.to_vec()
}

/// Agency, type, level and region: the title's name first, else names the body mentions, else the
/// signature. A name counts only when it is a unit's (a place government, a department, a zone):
/// words around a place (`路南区党委高度重视`) or no place at all (`工作`) are passed over.
fn identify_agency(r: &mut Report, flat: &str, signature: Option<&str>) {
    let area = r.contact.phone.as_deref().and_then(|p| p.split_once('-')).map(|(a, _)| a.to_string());
    let area = area.as_deref();
    let from_title = r.title.as_deref().and_then(meta::agency_from_title);
    let title_id = from_title.as_deref().map(|name| gazetteer::identify(name, flat, area));
    let is_unit = |id: &gazetteer::Identity| id.agency_type != AgencyType::Unknown;
    let mut title_used = true;
    let id = match title_id.clone().filter(is_unit) {
        Some(id) => id,
        None => {
            title_used = false;
            meta::agency_mentions(flat)
                .iter()
                .take(6)
                .find_map(|m| resolve_mention(m, flat, area))
                .or_else(|| signature.map(|s| gazetteer::identify(s, flat, area)).filter(is_unit))
                .or_else(|| {
                    // A title naming a place with words we do not know as a unit's: its place only.
                    title_used = true;
                    title_id.filter(|id| id.region.as_ref().is_some_and(|reg| reg.candidates >= 1))
                })
                .unwrap_or_else(|| gazetteer::identify("", flat, area))
        }
    };
    if id.agency.is_empty() && id.region.is_none() {
        r.warnings.push("agency: no reporting unit recognised in the title or body".into());
        return;
    }
    if id.agency_type == AgencyType::Unknown {
        r.warnings.push(format!("agency: '{}' is not a unit's name the gazetteer knows", id.agency));
    }
    r.agency = Some(id.agency.clone()).filter(|a| !a.is_empty() && id.agency_type != AgencyType::Unknown);
    r.agency_type = id.agency_type;
    r.level = id.level;
    r.region = id.region;
    r.warnings.extend(id.notes.into_iter().map(|n| format!("agency: {n}")));
    let shown = if title_used && r.agency.is_some() { from_title.as_deref() } else { None };
    r.agency_full = agency_full(shown, r.agency.as_deref().unwrap_or(""), flat);
}

/// A body mention such as `请与刘集镇人民政府`: the longest tail of it that names a known place.
fn resolve_mention(mention: &str, flat: &str, area: Option<&str>) -> Option<gazetteer::Identity> {
    let chars: Vec<(usize, char)> = mention.char_indices().collect();
    chars.iter().take(chars.len().saturating_sub(3)).find_map(|&(i, _)| {
        let id = gazetteer::identify(&mention[i..], flat, area);
        let placed = id.region.as_ref().is_some_and(|reg| reg.candidates >= 1);
        (placed && id.agency_type != AgencyType::Unknown).then_some(id)
    })
}

/// The name as the report prints it with its 人民政府/办事处 wrapper, when it does.
fn agency_full(from_title: Option<&str>, agency: &str, flat: &str) -> Option<String> {
    const WRAPPERS: [&str; 5] = ["人民政府", "街道办事处", "办事处", "行政公署", "管委会"];
    if let Some(t) = from_title
        && (WRAPPERS.iter().any(|w| t.ends_with(w)) || t != agency)
    {
        return Some(t.to_string());
    }
    if agency.is_empty() {
        return None;
    }
    WRAPPERS.iter().map(|w| format!("{agency}{w}")).find(|full| flat.contains(full.as_str()))
}

/// The template by the tables' own labels; the year and the sections when there are none.
fn template(t: &tables::TablesOut, year: Option<i32>, sections: &[crate::model::Section]) -> Template {
    if let Some(tpl) = t.active_template {
        return tpl;
    }
    match t.applications_2021 {
        Some(true) => return Template::T2021,
        Some(false) if year.is_some_and(|y| y >= 2021) => return Template::T2021,
        Some(false) => return Template::T2019,
        None => {}
    }
    let legacy_words = sections.iter().any(|s| s.title.contains("收费及减免") || s.title.contains("依申请公开"));
    match year {
        Some(y) if y <= 2018 => Template::Legacy,
        _ if legacy_words && t.figures.reviews.is_none() => Template::Legacy,
        Some(y) if t.figures.reviews.is_some() && y >= 2021 => Template::T2021,
        Some(_) if t.figures.reviews.is_some() => Template::T2019,
        _ => Template::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_unrelated_text_are_errors() {
        assert_eq!(parse_text("  \n\t\n", "a.txt", "text", "utf-8"), Err(ParseError::Empty));
        assert!(matches!(parse_text("hello world", "a.txt", "text", "utf-8"), Err(ParseError::NotAReport(_))));
    }

    #[test]
    fn preamble_drops_the_title_lines() {
        let p = vec!["韶关市2019年信息".to_string(), "公开工作年度报告".to_string(), "根据条例".to_string()];
        assert_eq!(preamble_body(&p, Some("韶关市2019年信息公开工作年度报告")), vec!["根据条例".to_string()]);
    }

    fn agency_of(text: &str) -> (Option<String>, AgencyType, Vec<String>) {
        let r = parse_text(text, "a.txt", "text", "utf-8").unwrap_or_else(|e| panic!("{e}"));
        (r.agency, r.agency_type, r.warnings)
    }

    #[test]
    fn agency_is_a_units_name_never_the_words_around_it() {
        let body = "\n一、总体情况\n2021年，路南区党委高度重视政府信息公开工作。现公布垣曲县社区服务中心政府信息公开年度报告。\n";
        // The title names no agency and the body's 政府 is the law's phrase: no agency, a warning.
        let (agency, kind, warnings) = agency_of(&format!("2021年政府信息公开工作年度报告\n{body}"));
        assert_eq!((agency, kind), (None, AgencyType::Unknown), "{warnings:?}");
        assert!(warnings.iter().any(|w| w.starts_with("agency:")), "{warnings:?}");
        // A title wrapped mid-phrase with heading marks: joined, the agency read from it.
        let (agency, kind, _) = agency_of(&format!("# 沐阳县发展和改革局2021年度政府信息公开\n# 工作年度报告\n{body}"));
        assert_eq!((agency.as_deref(), kind), (Some("沭阳县发展和改革局"), AgencyType::Department));
        // `工作年度报告` alone names nobody: the unit the body names is taken instead.
        let text = "工作年度报告\n\n一、总体情况\n2021年，刘集镇人民政府认真落实条例。固镇县刘集镇人民政府\n";
        let (agency, kind, _) = agency_of(text);
        assert_eq!((agency.as_deref(), kind), (Some("刘集镇"), AgencyType::Town));
    }
}
