//! A report laid out as lines for the report view: header, sections (wrapped to the width), tables
//! (rows with their labels wrapped), failing checks and warnings. Pure functions of the record.

use std::collections::HashSet;

use unicode_width::UnicodeWidthStr;

use super::strings::Strings;
use crate::model::Report;
use crate::render::sanitize_for_terminal;
use crate::render::{Grid, wrap};
use crate::schema::Table;

/// One line of the report view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    /// The report's title.
    Title(String),
    /// A metadata line.
    Meta(String),
    /// Nothing.
    Blank,
    /// A section heading; `n` counts sections from 1.
    Heading {
        /// Section number (1-based).
        n: usize,
        /// The numeral printed on it (三 → 3), when there is one.
        numeral: Option<usize>,
        /// Heading text.
        text: String,
    },
    /// A line of section text.
    Text(String),
    /// A table's title.
    TableTitle(Table),
    /// A table's column headers.
    TableHeader(Table),
    /// A part of a table row: `part` 0 carries the values, later parts the rest of a long label.
    TableRow {
        /// Which table.
        table: Table,
        /// Row index in the grid.
        row: usize,
        /// 0 for the line with the values.
        part: usize,
        /// The label text on this line.
        label: String,
    },
    /// A failing check or a warning.
    Note(String),
}

/// The text a line shows, for finding in the report.
#[must_use]
pub fn line_text(l: &DocLine) -> String {
    match l {
        DocLine::Title(t) | DocLine::Meta(t) | DocLine::Text(t) | DocLine::Note(t) => t.clone(),
        DocLine::Heading { text, .. } => text.clone(),
        DocLine::TableTitle(id) => id.title().to_string(),
        DocLine::TableRow { label, .. } => label.clone(),
        DocLine::TableHeader(_) | DocLine::Blank => String::new(),
    }
}

/// The lines that hold `term` (case-insensitive for Latin letters).
#[must_use]
pub fn find_lines(doc: &[DocLine], term: &str) -> Vec<usize> {
    let term = term.to_lowercase();
    if term.trim().is_empty() {
        return Vec::new();
    }
    doc.iter().enumerate().filter(|(_, l)| line_text(l).to_lowercase().contains(&term)).map(|(i, _)| i).collect()
}

/// `s` in at most `width` columns: its start and its end (the file name) kept, `…` between.
#[must_use]
pub fn shorten_middle(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let keep = width.saturating_sub(1);
    let (mut head, mut tail) = (String::new(), Vec::new());
    let (mut hw, mut tw) = (0, 0);
    let (mut i, mut j) = (0, chars.len());
    // Two thirds of the room for the end, where the file name is.
    while j > i {
        let w = unicode_width::UnicodeWidthChar::width(chars[j - 1]).unwrap_or(0);
        if tw + w > keep * 2 / 3 {
            break;
        }
        tw += w;
        j -= 1;
        tail.push(chars[j]);
    }
    while i < j {
        let w = unicode_width::UnicodeWidthChar::width(chars[i]).unwrap_or(0);
        if hw + w + tw > keep {
            break;
        }
        hw += w;
        head.push(chars[i]);
        i += 1;
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

/// Display width of a table's label column at a screen width.
#[must_use]
pub fn label_width(grid: &Grid, width: usize) -> usize {
    let widest = grid.rows.iter().map(|r| r.label.width()).max().unwrap_or(4);
    widest.min((width / 3).max(14)).max(4)
}

/// Lays a report out for a screen `width` columns wide.
#[must_use]
pub fn lines(r: &Report, grids: &[(Table, Grid)], s: &Strings, width: usize) -> Vec<DocLine> {
    let clean = |s: &str| sanitize_for_terminal(s).replace(['\t', '\n'], " ");
    let mut out = vec![DocLine::Title(clean(r.title.as_deref().unwrap_or(s.untitled)))];
    out.push(DocLine::Meta(clean(&format!(
        "{} | {} | {} | {}",
        r.agency.as_deref().unwrap_or("-"),
        r.agency_type.chinese(),
        r.level.map_or("-", |l| s.level_name(l)),
        crate::render::region_text(r)
    ))));
    let meta = format!(
        "{} {} | {} {} | {} {} | ",
        s.meta[0],
        r.year.map_or("-".into(), |y| y.to_string()),
        s.meta[1],
        r.template.as_str(),
        s.meta[2],
        r.published.as_deref().unwrap_or("-"),
    );
    let path = shorten_middle(&clean(&r.source), width.saturating_sub(meta.width()).max(12));
    out.push(DocLine::Meta(clean(&format!("{meta}{path}"))));
    for c in r.checks.iter().filter(|c| !c.ok) {
        for l in wrap(&clean(&format!("! {}: {}", c.id, c.detail)), width.max(10)) {
            out.push(DocLine::Note(l));
        }
    }
    let mut tables_done = false;
    for (i, s) in r.sections.iter().enumerate() {
        out.push(DocLine::Blank);
        let num = s.number.as_deref().map_or(String::new(), |n| format!("{n}、"));
        let numeral = s.number.as_deref().and_then(numeral_value);
        out.push(DocLine::Heading { n: i + 1, numeral, text: clean(&format!("{num}{}", s.title)) });
        for para in s.text.lines() {
            for l in wrap(&clean(para), width.max(10)) {
                out.push(DocLine::Text(l));
            }
        }
        let table = match s.kind {
            crate::model::SectionKind::Active => Some(Table::Active),
            crate::model::SectionKind::Applications => Some(Table::Applications),
            crate::model::SectionKind::Reviews => Some(Table::Reviews),
            _ => None,
        };
        if let Some((id, g)) = table.and_then(|t| grids.iter().find(|(g, _)| *g == t)) {
            table_lines(&mut out, *id, g, width);
            tables_done |= *id == Table::Reviews;
        }
    }
    if !tables_done {
        let shown: HashSet<Table> =
            out.iter().filter_map(|l| if let DocLine::TableTitle(t) = l { Some(*t) } else { None }).collect();
        for (id, g) in grids.iter().filter(|(id, _)| !shown.contains(id)) {
            table_lines(&mut out, *id, g, width);
        }
    }
    if !r.warnings.is_empty() {
        out.push(DocLine::Blank);
        for w in &r.warnings {
            for l in wrap(&clean(&format!("{}: {w}", s.warning)), width.max(10)) {
                out.push(DocLine::Note(l));
            }
        }
    }
    out
}

fn table_lines(out: &mut Vec<DocLine>, id: Table, g: &Grid, width: usize) {
    out.push(DocLine::Blank);
    out.push(DocLine::TableTitle(id));
    out.push(DocLine::TableHeader(id));
    let lw = label_width(g, width);
    for (row, r) in g.rows.iter().enumerate() {
        for (part, label) in wrap(&sanitize_for_terminal(&r.label), lw).into_iter().enumerate() {
            out.push(DocLine::TableRow { table: id, row, part, label });
        }
    }
}

/// The grid as the report view shows it at `width`: full column headers, or the short ones (商业,
/// 公益 …) when the full ones would not fit beside the labels; with the label column's width.
#[must_use]
pub fn shown_grid(full: &Grid, width: usize) -> (Grid, usize) {
    let lw = label_width(full, width);
    let fits = |g: &Grid| lw + crate::render::column_widths(g).iter().map(|w| w + 2).sum::<usize>() <= width;
    if fits(full) { (full.clone(), lw) } else { (crate::render::with_short_headers(full), lw) }
}

/// How far a table can scroll sideways at `width`: to where its last column shows, no further.
#[must_use]
pub fn max_hscroll(full: &Grid, width: usize) -> usize {
    let (g, lw) = shown_grid(full, width);
    crate::render::last_hscroll(lw, &crate::render::column_widths(&g), width)
}

/// The table whose rows fill the top line of the view at `at`, with the line of its column header,
/// when that header has scrolled off (the view then keeps it on top: a sticky header).
#[must_use]
pub fn sticky_header(doc: &[DocLine], at: usize) -> Option<(Table, usize)> {
    let DocLine::TableRow { table, .. } = doc.get(at)? else { return None };
    let header = doc.iter().take(at).rposition(|l| *l == DocLine::TableHeader(*table))?;
    Some((*table, header))
}

/// The section the line `at` belongs to: the numeral of the nearest heading above (三 → 3), else its
/// position among the headings.
#[must_use]
pub fn section_of(doc: &[DocLine], at: usize) -> Option<usize> {
    doc.iter().take(at + 1).rev().find_map(|l| match l {
        DocLine::Heading { numeral: Some(k), .. } => Some(*k),
        DocLine::Heading { n, .. } => Some(*n),
        _ => None,
    })
}

/// `三` → 3, `3` → 3.
fn numeral_value(s: &str) -> Option<usize> {
    const CN: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    s.parse().ok().or_else(|| s.chars().next().and_then(|c| CN.iter().position(|d| *d == c)).map(|i| i + 1))
}

/// The line where section `n` starts: the heading numbered `n` (三 for 3), else the n-th heading.
#[must_use]
pub fn section_line(doc: &[DocLine], n: usize) -> Option<usize> {
    doc.iter()
        .position(|l| matches!(l, DocLine::Heading { numeral: Some(k), .. } if *k == n))
        .or_else(|| doc.iter().position(|l| matches!(l, DocLine::Heading { n: k, .. } if *k == n)))
}

/// The table in view: the first whose title is within the page starting at `at`, else the nearest above.
#[must_use]
pub fn table_at(doc: &[DocLine], at: usize, page: usize) -> Option<Table> {
    let title = |l: &DocLine| if let DocLine::TableTitle(t) = l { Some(*t) } else { None };
    doc.iter().skip(at).take(page).find_map(title).or_else(|| doc.iter().take(at + 1).rev().find_map(title))
}

/// A grid as TSV: header row, then a row per label.
#[must_use]
pub fn tsv(g: &Grid) -> String {
    let mut s = String::from("\t");
    s.push_str(&g.header.join("\t"));
    s.push('\n');
    for r in &g.rows {
        s.push_str(&r.label);
        for c in &r.cells {
            s.push('\t');
            s.push_str(c);
        }
        s.push('\n');
    }
    s
}

/// Where failing checks look, from their structured places: (table, row key) and (table, column key).
#[must_use]
pub fn failing_marks(r: &Report) -> HashSet<(Table, String)> {
    let mut out = HashSet::new();
    for c in r.checks.iter().filter(|c| !c.ok) {
        let Some(table) = c.place_table() else { continue };
        for key in [&c.row, &c.column].into_iter().flatten() {
            out.insert((table, key.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::GridRow;

    fn grid() -> Grid {
        Grid {
            header: vec!["自然人".into(), "总计".into()],
            short: vec!["自然人".into(), "总计".into()],
            keys: vec!["natural_person".into(), "total".into()],
            rows: vec![GridRow {
                key: "new".into(),
                label: "一、本年新收政府信息公开申请数量".into(),
                cells: vec!["1".into(), "-".into()],
            }],
        }
    }

    #[test]
    fn long_paths_keep_their_start_and_file_name() {
        let p = "/home/analyst/reports/2021/安徽省/六安市/霍山县/佛子岭镇2021年报告.pdf";
        let short = shorten_middle(p, 30);
        assert!(short.width() <= 30 && short.contains('…') && short.ends_with("报告.pdf"), "{short}");
        assert!(short.starts_with("/home"), "{short}");
        assert_eq!(shorten_middle("a.txt", 30), "a.txt");
    }

    #[test]
    fn tsv_has_header_and_rows() {
        assert_eq!(tsv(&grid()), "\t自然人\t总计\n一、本年新收政府信息公开申请数量\t1\t-\n");
    }

    #[test]
    fn long_labels_wrap_onto_parts() {
        let mut out = Vec::new();
        table_lines(&mut out, Table::Applications, &grid(), 42);
        let parts = out.iter().filter(|l| matches!(l, DocLine::TableRow { .. })).count();
        assert_eq!(parts, 3, "{out:?}");
    }
}
