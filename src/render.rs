//! Plain-text rendering of a record: the readable `parse` / `show` output, and the table grids the TUI
//! draws too. Widths are display widths (a Han character takes two columns), never char counts.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::{FigureTable, Report};
use crate::parse::normalize::normalize_char;
use crate::schema::{ColumnDef, RowDef, Table, active_template};

/// A table ready to draw: column headers, and rows of a label plus cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Headers of the value columns.
    pub header: Vec<String>,
    /// Short headers of the same columns, for narrow screens.
    pub short: Vec<String>,
    /// The value columns' keys (`natural_person` …), in the same order.
    pub keys: Vec<String>,
    /// Rows in order.
    pub rows: Vec<GridRow>,
}

/// One row of a [`Grid`].
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    /// Row key (`new`, `regulations`, `review` …).
    pub key: String,
    /// Row label.
    pub label: String,
    /// Cell texts (`-` for null); an empty string where the row has no such column.
    pub cells: Vec<String>,
}

static COLOR: std::sync::OnceLock<Option<bool>> = std::sync::OnceLock::new();

/// Sets `--color` for the whole run: `None` for auto, `Some(on)` for always or never.
pub fn set_color(choice: Option<bool>) {
    let _ = COLOR.set(choice);
}

/// Whether output to a terminal (`is_terminal`) is coloured: `--color always|never`, else on a
/// terminal unless NO_COLOR is set.
#[must_use]
pub fn use_color(is_terminal: bool) -> bool {
    COLOR
        .get()
        .copied()
        .flatten()
        .unwrap_or_else(|| is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
}

/// Makes report text (or a file name, an argument) safe to print on a terminal: every control character except newline and TAB
/// (escape sequences start with ESC) and bidi overrides are dropped.
#[must_use]
pub fn sanitize_for_terminal(s: &str) -> String {
    s.chars().filter(|&c| c == '\n' || c == '\t' || normalize_char(c).is_some() && !c.is_control()).collect()
}

/// Builds the grid of one table; `None` if the report does not have it.
#[must_use]
pub fn grid(r: &Report, id: Table) -> Option<Grid> {
    let t = id.of(&r.figures)?;
    let (rows, columns): (Vec<(&RowDef, &str)>, Vec<&ColumnDef>) = match id {
        Table::Active => {
            let template = active_template(t, r.template);
            let rows: Vec<_> =
                id.rows().iter().filter_map(|row| row.layout(template).map(|l| (row, l.label))).collect();
            // The columns the template's rows use, in the order they first appear.
            let mut columns: Vec<&ColumnDef> = Vec::new();
            for l in rows.iter().filter_map(|(row, _)| row.layout(template)) {
                for c in l.columns.iter().filter_map(|k| id.column(k)) {
                    if !columns.contains(&c) {
                        columns.push(c);
                    }
                }
            }
            (rows, columns)
        }
        // The rows the report holds, in its order (the template's, as the parser wrote them).
        Table::Applications => {
            (t.keys().filter_map(|k| id.row(k)).map(|row| (row, row.label)).collect(), id.columns().iter().collect())
        }
        Table::Reviews => (id.rows().iter().map(|row| (row, row.label)).collect(), id.columns().iter().collect()),
    };
    Some(Grid {
        header: columns.iter().map(|c| c.header.to_string()).collect(),
        short: columns.iter().map(|c| c.short.to_string()).collect(),
        keys: columns.iter().map(|c| c.key.to_string()).collect(),
        rows: rows
            .iter()
            .map(|(row, label)| GridRow {
                key: row.key.to_string(),
                label: (*label).to_string(),
                cells: columns.iter().map(|c| cell_text(t, row.key, c.key)).collect(),
            })
            .collect(),
    })
}

fn cell_text(t: &FigureTable, row: &str, col: &str) -> String {
    match t.get(row).and_then(|r| r.get(col)) {
        Some(Some(v)) => v.to_string(),
        Some(None) => "-".to_string(),
        None => String::new(),
    }
}

/// Pads `s` with spaces to exactly `width` display columns, truncating (with `~`) if longer. Never
/// splits a wide character: a half column left over becomes a space.
#[must_use]
pub fn fit(s: &str, width: usize, right: bool) -> String {
    let w = s.width();
    if w <= width {
        let pad = " ".repeat(width - w);
        return if right { format!("{pad}{s}") } else { format!("{s}{pad}") };
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > width {
            break;
        }
        out.push(c);
        used += cw;
    }
    if width > 0 {
        out.push('~');
        used += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// Wraps `s` into lines of at most `width` display columns.
#[must_use]
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > width.max(2) {
            lines.push(String::new());
            used = 0;
        }
        if let Some(l) = lines.last_mut() {
            l.push(c);
        }
        used += cw;
    }
    lines
}

/// Column widths of a grid: each column as wide as its header or widest cell.
#[must_use]
pub fn column_widths(g: &Grid) -> Vec<usize> {
    g.header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            g.rows.iter().filter_map(|r| r.cells.get(i)).map(|c| c.width()).chain([h.width()]).max().unwrap_or(1)
        })
        .collect()
}

/// The grid with short column headers.
#[must_use]
pub fn with_short_headers(g: &Grid) -> Grid {
    Grid { header: g.short.clone(), ..g.clone() }
}

/// A grid as aligned text lines: labels wrapped to `label_width`, numbers right-aligned.
#[must_use]
pub fn grid_lines(g: &Grid, label_width: usize) -> Vec<String> {
    let widths = column_widths(g);
    let mut out = Vec::new();
    let head: Vec<String> = g.header.iter().zip(&widths).map(|(h, w)| fit(h, *w, true)).collect();
    out.push(format!("{}  {}", fit("", label_width, false), head.join("  ")));
    for row in &g.rows {
        let label = wrap(&row.label, label_width);
        let cells: Vec<String> = row.cells.iter().zip(&widths).map(|(c, w)| fit(c, *w, true)).collect();
        for (i, l) in label.iter().enumerate() {
            let tail = if i == 0 { cells.join("  ") } else { String::new() };
            out.push(format!("{}  {tail}", fit(l, label_width, false)).trim_end().to_string());
        }
    }
    out
}

/// The readable summary `gongkai parse` prints for one report.
#[must_use]
pub fn summary(r: &Report) -> String {
    let mut s = String::new();
    let na = "-";
    s.push_str(&format!("== {} ==\n", r.source));
    s.push_str(&format!("title      {}\n", r.title.as_deref().unwrap_or(na)));
    let ty = format!("{} ({})", r.agency_type.as_str(), r.level.map_or(na, |l| l.as_str()));
    s.push_str(&format!("agency     {}  {ty}\n", r.agency.as_deref().unwrap_or(na)));
    s.push_str(&format!("region     {}\n", region_text(r)));
    let year = r.year.map_or(na.to_string(), |y| y.to_string());
    let published = r.published.as_deref().unwrap_or(na);
    s.push_str(&format!("year       {year}   template {}   published {published}\n", r.template.as_str()));
    let c = &r.contact;
    let contact: Vec<&str> =
        [&c.address, &c.postcode, &c.phone, &c.email, &c.website].iter().filter_map(|f| f.as_deref()).collect();
    if !contact.is_empty() {
        s.push_str(&format!("contact    {}\n", contact.join(" · ")));
    }
    let secs: Vec<String> = r
        .sections
        .iter()
        .map(|x| format!("{}{}", x.number.as_deref().map_or(String::new(), |n| format!("{n} ")), x.title))
        .collect();
    s.push_str(&format!("sections   {}\n", if secs.is_empty() { na.to_string() } else { secs.join(" | ") }));
    for id in Table::ALL {
        match grid(r, id) {
            Some(g) => {
                s.push_str(&format!("\n{}\n", id.title()));
                for l in grid_lines(&g, if id == Table::Applications { 26 } else { 22 }) {
                    s.push_str(&l);
                    s.push('\n');
                }
            }
            None => s.push_str(&format!("\n{}: not in this report\n", id.title())),
        }
    }
    let failing: Vec<_> = r.checks.iter().filter(|c| !c.ok).collect();
    if !r.checks.is_empty() {
        s.push_str(&format!("\nchecks     {} of {} pass\n", r.checks.len() - failing.len(), r.checks.len()));
    }
    for c in failing {
        s.push_str(&format!("  FAIL {}: {}\n", c.id, c.detail));
    }
    for w in &r.warnings {
        s.push_str(&format!("  warning: {w}\n"));
    }
    s.push('\n');
    sanitize_for_terminal(&s)
}

/// `安徽省 蚌埠市 固镇县 (340323104)`, or a note on ambiguity.
#[must_use]
pub fn region_text(r: &Report) -> String {
    let Some(reg) = &r.region else { return "-".into() };
    let parts: Vec<&str> =
        [&reg.province, &reg.city, &reg.county, &reg.township].iter().filter_map(|p| p.as_deref()).collect();
    let mut s = parts.join(" ");
    if let Some(code) = &reg.code {
        s.push_str(&format!(" ({code})"));
    }
    if reg.candidates > 1 {
        s.push_str(&format!(" ({} candidate places)", reg.candidates));
    }
    s
}

/// One agency's key figures over the years as a grid: a column per report (its year), a row per
/// figure that some year fills; a cell is the value and its change from the column before
/// (`15 +3`), with `!` where a failing cross-year check points at it.
#[must_use]
pub fn compare_grid(reports: &[&Report]) -> Grid {
    let mut header: Vec<String> = Vec::new();
    for r in reports {
        let y = r.year.map_or_else(|| "----".to_string(), |y| y.to_string());
        let n = header.iter().filter(|h| h.starts_with(&y)).count();
        header.push(if n == 0 { y } else { format!("{y}#{}", n + 1) });
    }
    let rows = crate::series::compare_rows(reports)
        .into_iter()
        .map(|row| {
            let cells = row
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let mut cell = v.map_or_else(|| "-".to_string(), |v| v.to_string());
                    if i > 0
                        && let (Some(now), Some(Some(before))) = (v, row.values.get(i - 1))
                    {
                        let d = now.as_f64() - before.as_f64();
                        let d = if d.fract() == 0.0 { format!("{d:+}") } else { format!("{d:+.2}") };
                        cell.push(' ');
                        cell.push_str(if d == "+0" { "±0" } else { &d });
                    }
                    if row.failing.get(i).copied().unwrap_or(false) {
                        cell.push_str(" !");
                    }
                    cell
                })
                .collect();
            GridRow { key: row.key.name(), label: row.label.to_string(), cells }
        })
        .collect();
    Grid { short: header.clone(), keys: header.clone(), header, rows }
}

/// How many value columns a grid can scroll off to the left so that its last one shows: the label
/// column `label_width` wide stays, each column takes its width plus 2 of a `width`-column screen.
#[must_use]
pub fn last_hscroll(label_width: usize, widths: &[usize], width: usize) -> usize {
    (0..widths.len())
        .find(|&start| label_width + widths[start..].iter().map(|w| w + 2).sum::<usize>() <= width)
        .unwrap_or(widths.len().saturating_sub(1))
}

/// `1 report`, `2 reports`.
#[must_use]
pub fn reports(n: usize) -> String {
    if n == 1 { "1 report".to_string() } else { format!("{n} reports") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_keeps_text_and_drops_escapes() {
        assert_eq!(sanitize_for_terminal("镇\u{1b}]52;c;x\u{7}名\u{202e}"), "镇]52;c;x名");
    }

    #[test]
    fn fit_pads_by_display_width() {
        assert_eq!(fit("规章", 6, false), "规章  ");
        assert_eq!(fit("12", 4, true), "  12");
        assert_eq!(fit("行政许可", 5, false), "行政~");
        assert_eq!(fit("行政许可", 6, false), "行政~ "); // 5 columns + 1 pad: never half a character
        assert_eq!(fit("行政许可", 5, false).width(), 5);
    }

    #[test]
    fn wrap_never_exceeds_width() {
        for l in wrap("（六）2.申请人逾期未按收费通知要求缴纳费用", 11) {
            assert!(l.width() <= 11, "{l}");
        }
    }
}
