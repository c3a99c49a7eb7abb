//! Table 收到和处理政府信息公开申请情况: 26 rows by seven applicant columns.
//!
//! Rows are found by meaning ([`match_application`]); columns follow the template's fixed order, which
//! every report keeps. A row with too few values may be cells run together by a crawler: it is split
//! only when the row's own total, or failing that the table's column equations, allow exactly one split.

use super::super::labels::{
    APPLICANT_COLUMNS, APPLICATION_ROWS, AppLabel, OUTCOME_ROWS, application_label, match_application,
};
use super::super::split::candidates;
use super::super::value::{CellValue, parse_value};
use super::{Entry, Warn, figure, label_candidates, trim_blank_tail};
use crate::model::{Figure, FigureRow, FigureTable};

/// The row keys of the table in order: （六） as one row (2019) or three (2021).
#[must_use]
pub fn row_order(split_other: bool) -> Vec<&'static str> {
    let three = ["other_no_correction", "other_no_fee", "other_misc"];
    APPLICATION_ROWS
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| if split_other { *k != "other" } else { !three.contains(k) })
        .collect()
}

/// A row waiting for a unique split.
struct Pending {
    key: &'static str,
    options: Vec<Vec<i64>>,
}

/// Reads the table; also says whether （六） has three rows.
pub fn read(entries: &[Entry], w: &mut Warn) -> (Option<FigureTable>, Option<bool>) {
    let mut found: FigureTable = FigureTable::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut prev: Option<&'static str> = None;
    for (i, e) in entries.iter().enumerate() {
        let (_, values) = e.split();
        if !e.row || values.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let Some(key) = row_key(entries, i, prev, w) else { continue };
        prev = Some(key);
        if found.contains_key(key) || pending.iter().any(|p| p.key == key) {
            w.push(format_args!("line {}: row {} appears again, kept the first", e.line, application_label(key)));
            continue;
        }
        match read_row(key, &values, w) {
            RowRead::Done(row) => {
                found.insert(key.to_string(), row);
            }
            RowRead::Split(options) => {
                found.insert(key.to_string(), null_row());
                pending.push(Pending { key, options });
            }
        }
    }
    if found.is_empty() {
        return (None, None);
    }
    let split_other = ["other_no_correction", "other_no_fee", "other_misc"].iter().any(|k| found.contains_key(*k));
    resolve_pending(&mut found, pending, w);
    let mut table = FigureTable::new();
    for key in row_order(split_other) {
        let row = found.shift_remove(key).unwrap_or_else(|| {
            w.push(format_args!("row {} not found, its cells are null", application_label(key)));
            null_row()
        });
        table.insert(key.to_string(), row);
    }
    (Some(table), Some(split_other))
}

/// Finds the row key of entry `i`, warning about rows that are not part of the template.
fn row_key(entries: &[Entry], i: usize, prev: Option<&'static str>, w: &mut Warn) -> Option<&'static str> {
    let mut group = false;
    let mut decide = |c: &str| match match_application(c) {
        AppLabel::Row(k) => Some(k),
        AppLabel::OtherMisc if matches!(prev, Some("other_no_correction" | "other_no_fee")) => Some("other_misc"),
        AppLabel::Group => {
            group = true;
            None
        }
        AppLabel::OtherMisc | AppLabel::Unknown => None,
    };
    // The row's own label first; labels joined with neighbouring fragments only when it says nothing.
    if let Some(k) = entries[i].split().0.last().and_then(|l| decide(l)) {
        return Some(k);
    }
    if let Some(k) = label_candidates(entries, i).iter().find_map(|c| decide(c)) {
        return Some(k);
    }
    let (labels, values) = entries[i].split();
    let has_number = values.iter().any(|v| matches!(parse_value(v), CellValue::Number { .. }));
    if has_number && !group {
        let label = labels.last().copied().unwrap_or("(no label)");
        w.push(format_args!("line {}: row '{label}' is not a standard row, left out", entries[i].line));
    }
    None
}

fn null_row() -> FigureRow {
    APPLICANT_COLUMNS.iter().map(|(k, _)| ((*k).to_string(), None)).collect()
}

enum RowRead {
    Done(FigureRow),
    Split(Vec<Vec<i64>>),
}

/// Reads seven values, or tries to split run-together cells.
fn read_row(key: &'static str, values: &[&str], w: &mut Warn) -> RowRead {
    let label = application_label(key);
    let values = trim_blank_tail(values, 7);
    if values.len() == 7 {
        let mut row = FigureRow::new();
        for ((col, head), raw) in APPLICANT_COLUMNS.iter().zip(&values) {
            let place = || format!("row {label}, column {head}");
            row.insert((*col).to_string(), figure(raw, false, w, &place));
        }
        return RowRead::Done(row);
    }
    let tokens: Vec<String> = values.iter().map(|v| v.replace([',', '，', ' '], "")).collect();
    let row_sum = |v: &[i64]| v[..6].iter().sum::<i64>() == v[6];
    if values.len() < 7 {
        match candidates(&tokens, 7, &row_sum) {
            Some(opts) if opts.len() == 1 => {
                w.push(format_args!(
                    "row {label}: cells run together ({}) split as {} by the row total",
                    values.join(" "),
                    join(&opts[0])
                ));
                return RowRead::Done(to_row(&opts[0]));
            }
            Some(opts) if !opts.is_empty() => return RowRead::Split(opts),
            _ => {}
        }
    }
    w.push(format_args!("row {label}: {} values for 7 columns ({}), cells left null", values.len(), values.join(" ")));
    RowRead::Done(null_row())
}

fn to_row(v: &[i64]) -> FigureRow {
    APPLICANT_COLUMNS.iter().zip(v).map(|((k, _), x)| ((*k).to_string(), Some(Figure::Int(*x)))).collect()
}

fn join(v: &[i64]) -> String {
    v.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

/// Settles ambiguous splits with the column equations (balance and outcomes sum), when they leave one.
fn resolve_pending(found: &mut FigureTable, pending: Vec<Pending>, w: &mut Warn) {
    for p in pending {
        let label = application_label(p.key);
        let fitting: Vec<&Vec<i64>> = p.options.iter().filter(|opt| columns_hold(found, p.key, opt)).collect();
        if let [only] = fitting.as_slice() {
            w.push(format_args!("row {label}: cells run together split as {} by the column totals", join(only)));
            found.insert(p.key.to_string(), to_row(only));
        } else {
            w.push(format_args!("row {label}: cells run together allow {} splits, cells left null", p.options.len()));
        }
    }
}

/// Whether putting `candidate` in row `key` makes every fully known column equation hold.
fn columns_hold(found: &FigureTable, key: &str, candidate: &[i64]) -> bool {
    let get = |row: &str, c: usize| -> Option<i64> {
        if row == key {
            return candidate.get(c).copied();
        }
        found.get(row)?.get_index(c)?.1.and_then(Figure::as_i64)
    };
    (0..7).all(|c| {
        let outcomes: Option<i64> =
            OUTCOME_ROWS.iter().filter(|r| found.contains_key(**r) || **r == key).map(|r| get(r, c)).sum();
        let sum_ok = match (outcomes, get("total", c)) {
            (Some(o), Some(t)) => o == t,
            _ => true,
        };
        let balance = [get("new", c), get("carried_over", c), get("total", c), get("carried_forward", c)];
        let bal_ok = match balance {
            [Some(a), Some(b), Some(t), Some(f)] => a + b == t + f,
            _ => true,
        };
        sum_ok && bal_ok
    })
}
