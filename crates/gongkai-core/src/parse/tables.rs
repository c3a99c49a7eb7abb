//! The three standard tables: which rows belong to which table, and the shared cell reading.
//!
//! Rows are assigned to a table by the section they sit in and by the table's own cues (申请人情况,
//! 结果维持, 第二十条 …), so a report with a missing or odd heading still has its tables read. Each
//! table's reader (in `tables/`) then maps rows and columns by meaning.

mod active;
mod applications;
mod order;
mod reviews;

pub use active::{RowSpec as ActiveRowSpec, rows as active_rows};

use super::labels::clean;
use super::layout::{Item, split_wide_gaps};
use super::sections::Outline;
use super::value::{CellValue, parse_value};
use crate::model::{Figure, Figures, SectionKind, Template};

/// Which standard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 主动公开政府信息情况.
    Active,
    /// 收到和处理政府信息公开申请情况.
    Applications,
    /// 政府信息公开行政复议、行政诉讼情况.
    Reviews,
}

impl Kind {
    fn title(self) -> &'static str {
        match self {
            Kind::Active => "主动公开政府信息情况",
            Kind::Applications => "收到和处理政府信息公开申请情况",
            Kind::Reviews => "政府信息公开行政复议、行政诉讼情况",
        }
    }
}

/// A row or a label fragment inside a table's region.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Line number in the normalized text.
    pub line: usize,
    /// Cells (a prose fragment is split on wide gaps).
    pub cells: Vec<String>,
    /// Index of the item it came from.
    pub item: usize,
    /// A table row (not a prose fragment).
    pub row: bool,
}

impl Entry {
    /// Splits the cells into label cells and the trailing run of value cells.
    #[must_use]
    pub fn split(&self) -> (Vec<&str>, Vec<&str>) {
        if !self.row {
            return (self.cells.iter().map(String::as_str).collect(), Vec::new());
        }
        let mut k = self.cells.len();
        while k > 0 && !matches!(parse_value(&self.cells[k - 1]), CellValue::Text) {
            k -= 1;
        }
        let labels = self.cells[..k].iter().map(String::as_str).filter(|c| !c.trim().is_empty()).collect();
        (labels, self.cells[k..].iter().map(String::as_str).collect())
    }
}

/// What the table readers produce.
#[derive(Debug, Default)]
pub struct TablesOut {
    /// The figures.
    pub figures: Figures,
    /// The template the active table's labels show, if any.
    pub active_template: Option<Template>,
    /// Whether the applications table splits （六） into three rows.
    pub applications_2021: Option<bool>,
    /// Doubts and omissions.
    pub warnings: Vec<String>,
    /// Prose items that are pieces of a table (headers, wrapped labels): not section text.
    pub fragments: std::collections::HashSet<usize>,
}

/// Reads every table of the document. `run_together`: the text lost every separator between cells
/// (a crawled one-line report), so a run of figures may be split where only one split fits.
#[must_use]
pub fn read(items: &[Item], outline: &Outline, year: Option<i32>, run_together: bool) -> TablesOut {
    let [act, app, rev] = segment(items, outline);
    let mut out = TablesOut::default();
    for stream in [&act, &app, &rev] {
        if let Some(last_row) = stream.iter().rposition(|e| e.row) {
            out.fragments.extend(stream[..last_row].iter().filter(|e| !e.row).map(|e| e.item));
        }
    }
    let mut w = Warn { table: Kind::Active, out: &mut out.warnings };
    let (table, template) = active::read(&act, year, run_together, &mut w);
    out.figures.active = table;
    out.active_template = template;
    w.table = Kind::Applications;
    let (table, split_other) = applications::read(&app, &mut w);
    out.figures.applications = table;
    out.applications_2021 = split_other;
    w.table = Kind::Reviews;
    out.figures.reviews = reviews::read(&rev, &mut w);
    out
}

/// Collects warnings prefixed with the table's title.
pub struct Warn<'a> {
    table: Kind,
    out: &'a mut Vec<String>,
}

impl Warn<'_> {
    /// Adds one warning about the current table.
    pub fn push(&mut self, msg: impl std::fmt::Display) {
        self.out.push(format!("table {}: {msg}", self.table.title()));
    }
}

/// Assigns rows and label fragments to the three tables.
fn segment(items: &[Item], outline: &Outline) -> [Vec<Entry>; 3] {
    let mut out: [Vec<Entry>; 3] = Default::default();
    let mut current: Option<Kind> = None;
    for (i, item) in items.iter().enumerate() {
        if outline.headings.contains(&i) {
            let kind = outline.section_of.get(i).copied().flatten().and_then(|s| outline.sections.get(s));
            current = kind.and_then(|s| table_of_section(s.kind));
            continue;
        }
        let entry = match item {
            Item::Row { line, cells } => Entry { line: *line, cells: cells.clone(), item: i, row: true },
            Item::Text { line, text } => {
                if super::normalize::squeeze(text).chars().count() > 60 || text.contains('。') {
                    continue;
                }
                Entry { line: *line, cells: split_wide_gaps(text), item: i, row: false }
            }
        };
        if let Some(k) = cue(&entry.cells) {
            current = Some(k);
        } else if current.is_none() && entry.row {
            current = guess(&entry);
        }
        if let Some(k) = current {
            out[k as usize].push(entry);
        }
    }
    out
}

fn table_of_section(kind: SectionKind) -> Option<Kind> {
    match kind {
        SectionKind::Active => Some(Kind::Active),
        SectionKind::Applications => Some(Kind::Applications),
        SectionKind::Reviews => Some(Kind::Reviews),
        _ => None,
    }
}

/// A table's own marks.
fn cue(cells: &[String]) -> Option<Kind> {
    let joined: String = cells.iter().map(|c| clean(c)).collect();
    let has = |words: &[&str]| words.iter().any(|w| joined.contains(w));
    if has(&["申请人情况", "本年新收", "勾稽关系", "自然人"]) {
        Some(Kind::Applications)
    } else if has(&["结果维持", "复议后起诉", "未经复议", "尚未审结"]) {
        Some(Kind::Reviews)
    } else if has(&["第二十条", "第二是条", "信息内容", "制发件数", "新制作数量"]) {
        Some(Kind::Active)
    } else {
        None
    }
}

/// A row outside any known table: which table its label belongs to.
fn guess(entry: &Entry) -> Option<Kind> {
    let (labels, values) = entry.split();
    let label = labels.last()?;
    if super::labels::match_active(label).is_some() {
        Some(Kind::Active)
    } else if matches!(super::labels::match_application(label), super::labels::AppLabel::Row(_)) {
        Some(Kind::Applications)
    } else if values.len() == 15 {
        Some(Kind::Reviews)
    } else {
        None
    }
}

/// Label texts to try for a row, most direct first: its own label cells, then joined with the prose
/// fragments just above and below (labels wrapped by `pdftotext -layout`).
#[must_use]
pub fn label_candidates(entries: &[Entry], idx: usize) -> Vec<String> {
    let Some(e) = entries.get(idx) else { return Vec::new() };
    let (labels, _) = e.split();
    let fragment = |j: Option<usize>| -> String {
        j.and_then(|j| entries.get(j))
            .filter(|f| !f.row)
            .and_then(|f| f.cells.last())
            .filter(|c| c.chars().filter(|&ch| super::normalize::is_han(ch)).count() >= 2)
            .cloned()
            .unwrap_or_default()
    };
    let prev = fragment(idx.checked_sub(1));
    let next = fragment(Some(idx + 1));
    let last = labels.last().map(|s| (*s).to_string()).unwrap_or_default();
    let last_two = labels.iter().rev().take(2).rev().copied().collect::<String>();
    let all = labels.concat();
    let mut c = vec![last.clone(), last_two, all, format!("{prev}{last}"), format!("{last}{next}")];
    c.push(format!("{prev}{last}{next}"));
    let mut seen = Vec::new();
    c.retain(|s| {
        !s.is_empty() && !seen.contains(s) && {
            seen.push(s.clone());
            true
        }
    });
    c
}

/// Reads one cell for a column. `amount` columns take decimals and money units.
pub fn figure(raw: &str, amount: bool, w: &mut Warn, place: &dyn Fn() -> String) -> Option<Figure> {
    match parse_value(raw) {
        CellValue::Number { value, decimal, money } => {
            if amount {
                return Some(if decimal { Figure::Dec(value) } else { Figure::Int(value as i64) });
            }
            if money || (decimal && value.fract() != 0.0) {
                w.push(format_args!("{}: '{}' is not a count, read as null", place(), raw.trim()));
                return None;
            }
            Some(Figure::Int(value as i64))
        }
        CellValue::Blank => {
            w.push(format_args!("{}: blank cell read as null", place()));
            None
        }
        CellValue::Placeholder => {
            w.push(format_args!("{}: '{}' read as null", place(), raw.trim()));
            None
        }
        CellValue::Text => {
            w.push(format_args!("{}: '{}' is not a number, read as null", place(), raw.trim()));
            None
        }
    }
}

/// Drops trailing blank cells beyond `n` (a merged cell's empty tail), then leading ones while still
/// beyond `n` (an empty label column before the figures, as Markdown tables keep it).
#[must_use]
pub fn trim_blank_tail<'a>(values: &[&'a str], n: usize) -> Vec<&'a str> {
    let mut v = values.to_vec();
    while v.len() > n && v.last().is_some_and(|c| c.trim().is_empty()) {
        v.pop();
    }
    let lead = v.iter().take_while(|c| c.trim().is_empty()).count().min(v.len().saturating_sub(n));
    v.split_off(lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_the_precision_written() {
        let mut out = Vec::new();
        let mut w = Warn { table: Kind::Active, out: &mut out };
        let place = || String::new();
        assert_eq!(figure("369.9365", true, &mut w, &place), Some(Figure::Dec(369.9365)));
        assert_eq!(figure("0.0001万元", true, &mut w, &place), Some(Figure::Dec(0.0001)));
        let json = serde_json::to_string(&Figure::Dec(369.9365)).unwrap_or_default();
        assert_eq!(json, "369.9365");
    }

    #[test]
    fn blank_cells_around_the_figures_are_dropped_beyond_the_columns() {
        assert_eq!(trim_blank_tail(&["", "1", "2", ""], 2), vec!["1", "2"]);
        assert_eq!(trim_blank_tail(&["", "1", "2"], 3), vec!["", "1", "2"]);
    }
}
