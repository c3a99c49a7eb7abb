//! Plain-text rendering of a record: the readable `parse` / `show` output, and the table grids the TUI
//! draws too. Widths are display widths (a Han character takes two columns), never char counts.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::{FigureTable, Report, Template};
use crate::parse::labels::{APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, application_label};
use crate::parse::normalize::sanitize_for_terminal;
use crate::parse::tables::active_rows;

/// Which of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableId {
    /// 主动公开政府信息情况.
    Active,
    /// 收到和处理政府信息公开申请情况.
    Applications,
    /// 政府信息公开行政复议、行政诉讼情况.
    Reviews,
}

impl TableId {
    /// All three in report order.
    pub const ALL: [TableId; 3] = [TableId::Active, TableId::Applications, TableId::Reviews];

    /// The table's Chinese title.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            TableId::Active => "主动公开政府信息情况",
            TableId::Applications => "收到和处理政府信息公开申请情况",
            TableId::Reviews => "行政复议、行政诉讼情况",
        }
    }

    /// The SCHEMA key (`active`, `applications`, `reviews`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            TableId::Active => "active",
            TableId::Applications => "applications",
            TableId::Reviews => "reviews",
        }
    }
}

/// A table ready to draw: column headers, and rows of a label plus cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Headers of the value columns.
    pub header: Vec<String>,
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

/// Builds the grid of one table; `None` if the report does not have it.
#[must_use]
pub fn grid(r: &Report, id: TableId) -> Option<Grid> {
    match id {
        TableId::Active => r.figures.active.as_ref().map(|t| active_grid(t, r.template)),
        TableId::Applications => r.figures.applications.as_ref().map(applications_grid),
        TableId::Reviews => r.figures.reviews.as_ref().map(reviews_grid),
    }
}

fn cell_text(t: &FigureTable, row: &str, col: &str) -> String {
    match t.get(row).and_then(|r| r.get(col)) {
        Some(Some(v)) => v.to_string(),
        Some(None) => "-".to_string(),
        None => String::new(),
    }
}

fn active_grid(t: &FigureTable, template: Template) -> Grid {
    let spec = active_rows(if t.contains_key("other_services") { Template::T2019 } else { template });
    let mut cols: Vec<&str> = Vec::new();
    for (_, _, c) in spec {
        for k in c.iter() {
            if !cols.contains(k) {
                cols.push(k);
            }
        }
    }
    let header = cols.iter().map(|c| crate::parse::tables::active_column_label(c).to_string()).collect();
    let keys = cols.iter().map(|c| (*c).to_string()).collect();
    let rows = spec
        .iter()
        .map(|(key, label, _)| GridRow {
            key: (*key).to_string(),
            label: (*label).to_string(),
            cells: cols.iter().map(|c| cell_text(t, key, c)).collect(),
        })
        .collect();
    Grid { header, keys, rows }
}

fn applications_grid(t: &FigureTable) -> Grid {
    let header = APPLICANT_COLUMNS.iter().map(|(_, h)| (*h).to_string()).collect();
    let keys = APPLICANT_COLUMNS.iter().map(|(k, _)| (*k).to_string()).collect();
    let rows = t
        .keys()
        .map(|k| GridRow {
            key: k.clone(),
            label: application_label(k).to_string(),
            cells: APPLICANT_COLUMNS.iter().map(|(c, _)| cell_text(t, k, c)).collect(),
        })
        .collect();
    Grid { header, keys, rows }
}

fn reviews_grid(t: &FigureTable) -> Grid {
    let header = REVIEW_COLUMNS.iter().map(|(_, h)| (*h).to_string()).collect();
    let keys = REVIEW_COLUMNS.iter().map(|(k, _)| (*k).to_string()).collect();
    let rows = REVIEW_GROUPS
        .iter()
        .map(|(g, label)| GridRow {
            key: (*g).to_string(),
            label: (*label).to_string(),
            cells: REVIEW_COLUMNS.iter().map(|(c, _)| cell_text(t, g, c)).collect(),
        })
        .collect();
    Grid { header, keys, rows }
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

/// A short form of a column header, for narrow screens (自然人 … 总计 → 商业, 公益 …).
#[must_use]
pub fn short_header(h: &str) -> &str {
    match h {
        "商业企业" => "商业",
        "科研机构" => "科研",
        "社会公益组织" => "公益",
        "法律服务机构" => "法律",
        "结果维持" => "维持",
        "结果纠正" => "纠正",
        "其他结果" => "其他",
        "尚未审结" => "未结",
        "本年新制作数量" => "新制作",
        "本年新公开数量" => "新公开",
        "对外公开总数量" => "公开总数",
        "上一年项目数量" => "上年项目",
        "本年增/减" => "增减",
        "处理决定数量" => "决定",
        "采购项目数量" => "采购项",
        "金额(万元)" => "万元",
        "本年制发件数" => "制发",
        "本年废止件数" => "废止",
        "现行有效件数" => "现行有效",
        other => other,
    }
}

/// The grid with short column headers.
#[must_use]
pub fn with_short_headers(g: &Grid) -> Grid {
    Grid {
        header: g.header.iter().map(|h| short_header(h).to_string()).collect(),
        keys: g.keys.clone(),
        rows: g.rows.clone(),
    }
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
    for id in TableId::ALL {
        match grid(r, id) {
            Some(g) => {
                s.push_str(&format!("\n{}\n", id.title()));
                for l in grid_lines(&g, if id == TableId::Applications { 26 } else { 22 }) {
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

/// `1 report`, `2 reports`.
#[must_use]
pub fn reports(n: usize) -> String {
    if n == 1 { "1 report".to_string() } else { format!("{n} reports") }
}

#[cfg(test)]
mod tests {
    use super::*;

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
