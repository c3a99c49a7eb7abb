//! Table 主动公开政府信息情况, both templates.
//!
//! The template is decided by the table's own column headers (新制作数量 … for 2019, 制发件数 … for
//! 2021), the year only breaking a tie. Column headers seen above a row say which value is which; when
//! there are none (or they do not fit the row) the template's column order applies.

use super::super::labels::{match_active, match_active_column};
use super::{Entry, Warn, figure, label_candidates, trim_blank_tail};
use crate::model::{FigureRow, FigureTable, Template};
use crate::schema::{ACTIVE_ROWS, Table, Unit};

/// A row of a template: (key, label, columns).
pub type RowSpec = (&'static str, &'static str, &'static [&'static str]);

/// The rows of a template, from the schema.
#[must_use]
pub fn rows(template: Template) -> Vec<RowSpec> {
    ACTIVE_ROWS.iter().filter_map(|r| r.layout(template).map(|l| (r.key, l.label, l.columns))).collect()
}

/// Whether a column counts money (万元, decimals allowed) rather than items.
fn is_amount(col: &str) -> bool {
    Table::Active.column(col).is_some_and(|c| c.unit == Unit::WanYuan)
}

/// Whether a column (or row) belongs to the 2019 template only, the 2021 one only, or both.
fn only_in(layouts: impl Iterator<Item = (bool, bool)>) -> Option<Template> {
    let (a, b) = layouts.fold((false, false), |(a, b), (x, y)| (a || x, b || y));
    match (a, b) {
        (true, false) => Some(Template::T2019),
        (false, true) => Some(Template::T2021),
        _ => None,
    }
}

/// The template a column key belongs to alone.
fn column_template(key: &str) -> Option<Template> {
    let has = |l: &Option<crate::schema::Layout>| l.is_some_and(|l| l.columns.contains(&key));
    only_in(ACTIVE_ROWS.iter().map(|r| (has(&r.t2019), has(&r.t2021))))
}

/// The template a row key belongs to alone.
fn row_template(key: &str) -> Option<Template> {
    only_in(ACTIVE_ROWS.iter().filter(|r| r.key == key).map(|r| (r.t2019.is_some(), r.t2021.is_some())))
}

/// Reads the table; `None` when no row of it is found.
pub fn read(
    entries: &[Entry],
    year: Option<i32>,
    run_together: bool,
    w: &mut Warn,
) -> (Option<FigureTable>, Option<Template>) {
    let template = detect_template(entries, year);
    let spec = &rows(template);
    let mut found: FigureTable = FigureTable::new();
    let mut columns: Vec<&str> = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    let mut orphans: Vec<(usize, String, Vec<String>, usize)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let (_, values) = e.split();
        let own = e.split().0.last().and_then(|l| match_active(l));
        let key = own.or_else(|| label_candidates(entries, i).iter().find_map(|c| match_active(c)));
        let key = key.filter(|k| spec.iter().any(|(sk, _, _)| sk == k));
        if values.is_empty() || key.is_none() {
            let cols: Vec<&str> = e.cells.iter().filter_map(|c| match_active_column(c)).collect();
            if !cols.is_empty() {
                columns = cols;
            } else if e.row && values.iter().any(|v| !v.trim().is_empty()) && key.is_none() {
                let label = e.split().0.last().map_or(String::new(), |s| (*s).to_string());
                let values = values.iter().map(|v| (*v).to_string()).collect();
                orphans.push((e.line, label, values, seen.len()));
            }
            continue;
        }
        let Some(key) = key else { continue };
        seen.push(key);
        let Some((_, label, expected)) = spec.iter().find(|(k, _, _)| *k == key) else { continue };
        if found.contains_key(key) {
            w.push(format_args!("line {}: row {label} appears again, kept the first", e.line));
            continue;
        }
        if run_together && values.len() == 1 && expected.len() > 1 {
            let row = match split_run(values[0], expected, label, w) {
                Some(cells) => {
                    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                    read_row(&cells, label, expected, &[], w)
                }
                None => expected.iter().map(|c| ((*c).to_string(), None)).collect(),
            };
            found.insert(key.to_string(), row);
            continue;
        }
        found.insert(key.to_string(), read_row(&values, label, expected, &columns, w));
    }
    if found.is_empty() {
        return (None, None);
    }
    place(&orphans, &seen, spec, &columns, &mut found, w);
    let mut table = FigureTable::new();
    for (key, label, cols) in spec {
        let row = found.shift_remove(*key).unwrap_or_else(|| {
            w.push(format_args!("row {label} not found, its cells are null"));
            cols.iter().map(|c| ((*c).to_string(), None)).collect()
        });
        table.insert((*key).to_string(), row);
    }
    (Some(table), Some(template))
}

/// Rows whose label names no row (lost, or damaged past recognition), placed by the template's order:
/// the rows of one gap between recognised rows fill its free slots in order when they are as many, each
/// has as many figures as its slot has columns and a printed label resembles the slot's. Else left out.
fn place(
    orphans: &[(usize, String, Vec<String>, usize)],
    seen: &[&'static str],
    spec: &[(&'static str, &'static str, &'static [&'static str])],
    columns: &[&str],
    found: &mut FigureTable,
    w: &mut Warn,
) {
    let pos = |k: &str| spec.iter().position(|(sk, _, _)| *sk == k);
    let mut k = 0;
    while k < orphans.len() {
        let end = orphans[k..].iter().take_while(|o| o.3 == orphans[k].3).count() + k;
        let group = &orphans[k..end];
        k = end;
        let gap = group[0].3;
        let lo = gap.checked_sub(1).and_then(|g| seen.get(g)).and_then(|a| pos(a)).map_or(0, |p| p + 1);
        let hi = seen.get(gap).and_then(|b| pos(b)).unwrap_or(spec.len());
        let free: Vec<&(&str, &str, &[&str])> =
            spec.get(lo..hi).unwrap_or_default().iter().filter(|(sk, _, _)| !found.contains_key(*sk)).collect();
        let fits = group.len() == free.len()
            && group.iter().zip(&free).all(|((_, label, values, _), (_, slot_label, cols))| {
                let filled = values.iter().filter(|v| !v.trim().is_empty()).count();
                !label.contains("其中")
                    && (label.is_empty() || super::order::resembles_label(label, slot_label))
                    && filled == cols.len()
            });
        for (n, (line, label, values, _)) in group.iter().enumerate() {
            match free.get(n).filter(|_| fits) {
                Some((slot, slot_label, cols)) => {
                    w.push(format_args!(
                        "line {line}: row '{label}' read as {slot_label} by the order of the rows around it"
                    ));
                    let vals: Vec<&str> = values.iter().map(String::as_str).collect();
                    let vals = trim_blank_tail(&vals, cols.len());
                    found.insert((*slot).to_string(), read_row(&vals, slot_label, cols, columns, w));
                }
                None => w.push(format_args!("line {line}: row '{label}' is not a standard row, left out")),
            }
        }
    }
}

/// Maps one row's values onto its columns.
fn read_row(values: &[&str], label: &str, expected: &[&str], header: &[&str], w: &mut Warn) -> FigureRow {
    let values = trim_blank_tail(values, expected.len());
    let order: Vec<&str> = if header.len() == values.len() && header.iter().all(|h| expected.contains(h)) {
        header.to_vec()
    } else {
        expected.to_vec()
    };
    let mut row: FigureRow = expected.iter().map(|c| ((*c).to_string(), None)).collect();
    if values.len() != order.len() {
        w.push(format_args!(
            "row {label}: {} values for {} columns ({}), cells left null",
            values.len(),
            order.len(),
            values.join(" ")
        ));
        return row;
    }
    for (col, raw) in order.iter().zip(&values) {
        let amount = is_amount(col);
        let place = || format!("row {label}, column {}", Table::Active.column(col).map_or("", |c| c.header));
        row.insert((*col).to_string(), figure(raw, amount, w, &place));
    }
    row
}

/// A run of figures that lost its separators (`1025` for three columns): its cells when exactly one cut
/// makes every piece a well-formed figure (no leading zeros; a decimal only in an amount column), else
/// `None` (the row is left null, with a warning).
fn split_run(run: &str, expected: &[&str], label: &str, w: &mut Warn) -> Option<Vec<String>> {
    let mut found: Vec<Vec<String>> = Vec::new();
    if run.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        cut(run, expected, &mut Vec::new(), &mut found);
    }
    if let [only] = found.as_slice() {
        w.push(format_args!("row {label}: figures run together ({run}) split as {}, the only cut", only.join(" ")));
        return Some(only.clone());
    }
    let ways = if found.is_empty() { "cannot be cut into figures" } else { "can be cut more than one way" };
    w.push(format_args!("row {label}: figures run together ({run}) {ways}, cells left null"));
    None
}

fn cut(rest: &str, cols: &[&str], acc: &mut Vec<String>, found: &mut Vec<Vec<String>>) {
    let Some((col, more)) = cols.split_first() else {
        if rest.is_empty() {
            found.push(acc.clone());
        }
        return;
    };
    if found.len() > 1 {
        return;
    }
    let ends: Vec<usize> = if more.is_empty() { vec![rest.len()] } else { (1..rest.len()).collect() };
    for end in ends {
        let piece = &rest[..end];
        if well_formed(piece, is_amount(col)) {
            acc.push(piece.to_string());
            cut(&rest[end..], more, acc, found);
            acc.pop();
        }
    }
}

/// `0`, or digits without a leading zero; with a fraction (`369.9365`, `0.5`) for amounts.
fn well_formed(piece: &str, amount: bool) -> bool {
    let (whole, frac) = match piece.split_once('.') {
        Some((w, f)) if amount => (w, Some(f)),
        Some(_) => return false,
        None => (piece, None),
    };
    let whole_ok = whole == "0" || (!whole.is_empty() && !whole.starts_with('0'));
    whole_ok
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// 2019 or 2021 by the column headers and row labels; the year breaks a tie.
fn detect_template(entries: &[Entry], year: Option<i32>) -> Template {
    let (mut new, mut old) = (0, 0);
    for c in entries.iter().flat_map(|e| e.cells.iter()) {
        let by_column = match_active_column(c).and_then(column_template);
        let by_row = match_active(c).and_then(row_template);
        for t in [by_column, by_row].into_iter().flatten() {
            if t == Template::T2021 {
                new += 1;
            } else {
                old += 1;
            }
        }
        // The 2021 fee row's own header (its amount column has one in 2019's procurement row too).
        if c.contains("收费金额") {
            new += 1;
        }
    }
    match new.cmp(&old) {
        std::cmp::Ordering::Greater => Template::T2021,
        std::cmp::Ordering::Less => Template::T2019,
        std::cmp::Ordering::Equal if year.is_some_and(|y| y >= 2021) => Template::T2021,
        std::cmp::Ordering::Equal => Template::T2019,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(run: &str, cols: &[&str]) -> Vec<Vec<String>> {
        let mut found = Vec::new();
        cut(run, cols, &mut Vec::new(), &mut found);
        found
    }

    #[test]
    fn a_run_is_cut_only_when_one_cut_fits() {
        assert_eq!(cuts("000", &["issued", "repealed", "in_force"]), vec![vec!["0", "0", "0"]]);
        assert_eq!(cuts("0012", &["issued", "repealed", "in_force"]), vec![vec!["0", "0", "12"]]);
        assert_eq!(cuts("1025", &["issued", "repealed", "in_force"]).len(), 2, "1 0 25 or 10 2 5: ambiguous");
        assert_eq!(cuts("0369.9365", &["items", "amount"]), vec![vec!["0", "369.9365"]]);
        assert!(cuts("3369.9365", &["items", "amount"]).len() > 1);
    }

    fn entry(line: usize, cells: &[&str]) -> Entry {
        Entry { line, cells: cells.iter().map(|c| (*c).to_string()).collect(), item: line, row: true }
    }

    #[test]
    fn a_row_without_its_label_is_placed_by_the_order_of_the_rows() {
        let rows: [&[&str]; 5] = [
            &["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            &["行政许可", "1", "2", "3"],
            &["", "4", "5", "6"],
            &["行政处罚", "7", "8", "9"],
            &["", "1", "2"],
        ];
        let entries: Vec<Entry> = rows.iter().enumerate().map(|(i, r)| entry(i + 1, r)).collect();
        let mut out = Vec::new();
        let mut w = Warn { table: super::super::Kind::Active, out: &mut out };
        let (t, _) = read(&entries, Some(2020), false, &mut w);
        let t = t.unwrap_or_default();
        let get = |r: &str, c: &str| t.get(r).and_then(|x| x.get(c)).copied().flatten();
        assert_eq!(get("other_services", "decisions"), Some(crate::model::Figure::Int(6)), "{out:?}");
        // After the last recognised row, two figures for a free slot of three columns: left out.
        assert_eq!(get("enforcement", "prev_items"), None);
        assert!(out.iter().any(|x| x.contains("not a standard row")), "{out:?}");
    }
}
