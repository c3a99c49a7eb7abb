//! Table 政府信息公开行政复议、行政诉讼情况: three groups of five columns.
//!
//! Usually one row of fifteen numbers under a stacked header; sometimes one labelled row per group.
//! The header's own order of 结果维持/结果纠正/其他结果/尚未审结/总计 is used when it can be read.

use super::super::labels::{match_review_column, match_review_group};
use super::super::split::candidates;
use super::{Entry, Warn, figure, trim_blank_tail};
use crate::model::{Figure, FigureRow, FigureTable};
use crate::schema::{REVIEW_COLUMNS, REVIEW_ROWS, ReviewCol, Table};

/// Reads the table; `None` when it has no values at all.
pub fn read(entries: &[Entry], w: &mut Warn) -> Option<FigureTable> {
    let order = column_order(entries);
    let mut table: FigureTable = FigureTable::new();
    let mut stream: Vec<&str> = Vec::new();
    for e in entries.iter().filter(|e| e.row) {
        let (labels, values) = e.split();
        if values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let group = labels.iter().rev().find_map(|l| match_review_group(l));
        match group {
            Some(g) if !table.contains_key(g) => {
                let vals = trim_blank_tail(&values, 5);
                table.insert(g.to_string(), read_group(g, &vals, &order, w));
            }
            _ => stream.extend(values),
        }
    }
    if table.is_empty() && stream.is_empty() {
        return None;
    }
    let open: Vec<&str> = REVIEW_ROWS.iter().map(|r| r.key).filter(|k| !table.contains_key(*k)).collect();
    let stream = trim_blank_tail(&stream, open.len() * 5);
    if stream.len() == open.len() * 5 {
        for (g, chunk) in open.iter().zip(stream.chunks(5)) {
            table.insert((*g).to_string(), read_group(g, chunk, &order, w));
        }
    } else if !open.is_empty() {
        fill_from_split(&mut table, &open, &stream, &order, w);
    }
    let mut out = FigureTable::new();
    for g in REVIEW_ROWS.iter().map(|r| r.key) {
        out.insert(g.to_string(), table.shift_remove(g).unwrap_or_else(null_group));
    }
    Some(out)
}

fn null_group() -> FigureRow {
    REVIEW_COLUMNS.iter().map(|c| (c.key.to_string(), None)).collect()
}

fn group_label(g: &str) -> &'static str {
    Table::Reviews.row(g).map_or("", |r| r.label)
}

fn column_label(c: &str) -> &'static str {
    Table::Reviews.column(c).map_or("", |d| d.header)
}

/// Five values → one group, in the header's column order.
fn read_group(g: &str, values: &[&str], order: &[&'static str], w: &mut Warn) -> FigureRow {
    let mut row = null_group();
    if values.len() != 5 {
        w.push(format_args!(
            "{}: {} values for 5 columns ({}), cells left null",
            group_label(g),
            values.len(),
            values.join(" ")
        ));
        return row;
    }
    for (col, raw) in order.iter().zip(values) {
        let place = || format!("{}, column {}", group_label(g), column_label(col));
        row.insert((*col).to_string(), figure(raw, false, w, &place));
    }
    row
}

/// The header's order of the five columns, or the template's.
fn column_order(entries: &[Entry]) -> Vec<&'static str> {
    let standard: Vec<&'static str> = REVIEW_COLUMNS.iter().map(|c| c.key).collect();
    let mut seen: Vec<&'static str> = Vec::new();
    for e in entries {
        if !e.split().1.is_empty() && e.row {
            break;
        }
        for c in &e.cells {
            if let Some(k) = match_review_column(c) {
                if seen.contains(&k) {
                    break;
                }
                seen.push(k);
            }
        }
        if seen.len() == 5 {
            return seen;
        }
        seen.clear();
    }
    standard
}

/// Values that do not make up whole groups: try splitting run-together cells by each group's total.
fn fill_from_split(table: &mut FigureTable, open: &[&str], stream: &[&str], order: &[&'static str], w: &mut Warn) {
    let n = open.len() * 5;
    let total_at = order.iter().position(|c| *c == ReviewCol::Total.key()).unwrap_or(4);
    let valid = |v: &[i64]| {
        v.chunks(5)
            .all(|g| g.iter().enumerate().filter(|(i, _)| *i != total_at).map(|(_, x)| x).sum::<i64>() == g[total_at])
    };
    let tokens: Vec<String> = stream.iter().map(|s| s.replace([',', '，', ' '], "")).collect();
    match candidates(&tokens, n, &valid) {
        Some(opts) if opts.len() == 1 => {
            w.push(format_args!("cells run together ({}) split by the group totals", stream.join(" ")));
            for (g, chunk) in open.iter().zip(opts[0].chunks(5)) {
                let row = order.iter().zip(chunk).map(|(c, v)| ((*c).to_string(), Some(Figure::Int(*v)))).collect();
                table.insert((*g).to_string(), row);
            }
        }
        _ => w.push(format_args!("{} values for {n} cells ({}), cells left null", stream.len(), stream.join(" "))),
    }
}
