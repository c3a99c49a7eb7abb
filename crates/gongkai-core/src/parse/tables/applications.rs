//! Table 收到和处理政府信息公开申请情况: 26 rows by seven applicant columns.
//!
//! Rows are found by meaning ([`match_application`]); columns follow the template's fixed order, which
//! every report keeps. A row with too few values may be cells run together by a crawler: it is split
//! only when the row's own total, or failing that the table's column equations, allow exactly one split.

use super::super::labels::{AppLabel, application_label, match_application, outcome_rows};
use super::super::split::candidates;
use super::super::value::{CellValue, parse_value};
use super::{Entry, Warn, figure, label_candidates, trim_blank_tail};
use crate::model::{Figure, FigureRow, FigureTable, Template};
use crate::schema::{APP_COLUMNS, APP_ROWS, AppRow};

/// The row keys of the table in order: （六） as one row (2019) or three (2021).
#[must_use]
pub fn row_order(split_other: bool) -> Vec<&'static str> {
    let template = if split_other { Template::T2021 } else { Template::T2019 };
    APP_ROWS.iter().filter(|r| r.in_template(template)).map(|r| r.key).collect()
}

/// A row waiting for a unique split.
pub struct Pending {
    key: &'static str,
    options: Vec<Vec<i64>>,
}

/// Reads the table; also says whether （六） has three rows.
pub fn read(entries: &[Entry], w: &mut Warn) -> (Option<FigureTable>, Option<bool>) {
    let keys = claims(entries);
    let mut found: FigureTable = FigureTable::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut prev: Option<&'static str> = None;
    let mut seen: Vec<&'static str> = Vec::new();
    let mut orphans: Vec<Orphan> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let (_, values) = e.split();
        let Some(claim) = keys.get(i).cloned().flatten() else { continue };
        let key = match claim {
            Ok((k, _)) => k,
            Err(Some(label)) if !label.contains("其中") => {
                // A row without a label keeps its empty label cells among the values: drop them.
                let lead =
                    values.iter().take_while(|v| v.trim().is_empty()).count().min(values.len().saturating_sub(7));
                let values = values[lead..].iter().map(|v| (*v).to_string()).collect();
                orphans.push(Orphan { line: e.line, label, values, after: prev, seen: seen.len() });
                continue;
            }
            Err(Some(label)) => {
                w.push(format_args!("line {}: row '{label}' is not a standard row, left out", e.line));
                continue;
            }
            Err(None) => continue,
        };
        prev = Some(key);
        seen.push(key);
        if found.contains_key(key) || pending.iter().any(|p| p.key == key) {
            w.push(format_args!("line {}: row {} appears again, kept the first", e.line, application_label(key)));
            continue;
        }
        take_row(key, &values, &mut found, &mut pending, w);
    }
    if found.is_empty() {
        return (None, None);
    }
    let split_other = APP_ROWS.iter().any(|r| !r.in_template(Template::T2019) && found.contains_key(r.key));
    super::order::place(&orphans, &seen, &row_order(split_other), &mut found, &mut pending, w);
    resolve_pending(&mut found, pending, &row_order(split_other), w);
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

/// A row with figures whose label names no row: lost (a bare number row), damaged by a typo, or set
/// apart from its figures. It is placed by the template's order of rows (see `order.rs`).
pub struct Orphan {
    /// Line number.
    pub line: usize,
    /// Its label as printed (`(no label)` when it has none).
    pub label: String,
    /// Its value cells.
    pub values: Vec<String>,
    /// The recognised row just above it.
    pub after: Option<&'static str>,
    /// How many recognised rows came before it (the next one, if any, is `seen[this]`).
    pub seen: usize,
}

/// Reads a row's values into `found`, or into `pending` when its cells ran together ambiguously.
pub fn take_row(key: &'static str, values: &[&str], found: &mut FigureTable, pending: &mut Vec<Pending>, w: &mut Warn) {
    match read_row(key, values, w) {
        RowRead::Done(row) => {
            found.insert(key.to_string(), row);
        }
        RowRead::Split(options) => {
            found.insert(key.to_string(), null_row());
            pending.push(Pending { key, options });
        }
    }
}

/// What each row claims to be (`None`: no figures to read). A row that names a row only through a label
/// fragment beside it (a wrapped label, which may belong to the row above or below) while another row
/// names the same row is unsure: it becomes a row without a label, placed by the template's order.
type Claim = Option<Result<(&'static str, bool), Option<String>>>;

fn claims(entries: &[Entry]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::with_capacity(entries.len());
    let mut prev: Option<&'static str> = None;
    for (i, e) in entries.iter().enumerate() {
        let (_, values) = e.split();
        if !e.row || values.iter().all(|v| v.trim().is_empty()) {
            out.push(None);
            continue;
        }
        let claim = row_key(entries, i, prev);
        if let Ok((k, _)) = claim {
            prev = Some(k);
        }
        out.push(Some(claim));
    }
    let keyed: Vec<(usize, &'static str, bool)> = out
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Some(Ok((k, borrowed))) => Some((i, *k, *borrowed)),
            _ => None,
        })
        .collect();
    for &(i, k, borrowed) in &keyed {
        let rivals: Vec<&(usize, &str, bool)> = keyed.iter().filter(|(j, kk, _)| *kk == k && *j != i).collect();
        if borrowed && !rivals.is_empty() {
            let label = entries[i].split().0.last().map_or("(no label)", |l| *l).to_string();
            out[i] = Some(Err(Some(label)));
        }
    }
    out
}

/// Finds the row key of entry `i`, and whether it came from a label fragment beside the row.
/// `Err(Some(label))`: a row with figures that names no row of the template (its label, or
/// `(no label)`); `Err(None)`: nothing to read (a group or header row).
fn row_key(entries: &[Entry], i: usize, prev: Option<&'static str>) -> Result<(&'static str, bool), Option<String>> {
    let mut group = false;
    let mut decide = |c: &str| match match_application(c) {
        AppLabel::Row(k) => Some(k),
        AppLabel::OtherMisc
            if [AppRow::OtherNoCorrection, AppRow::OtherNoFee].iter().any(|r| prev == Some(r.key())) =>
        {
            Some(AppRow::OtherMisc.key())
        }
        AppLabel::Group => {
            group = true;
            None
        }
        AppLabel::OtherMisc | AppLabel::Unknown => None,
    };
    let (labels, values) = entries[i].split();
    // The row's own label first; labels joined with neighbouring fragments only when it says nothing.
    if let Some(k) = labels.last().and_then(|l| decide(l)) {
        return Ok((k, false));
    }
    let own = labels.concat();
    if let Some((k, c)) = label_candidates(entries, i).iter().find_map(|c| decide(c).map(|k| (k, c.clone()))) {
        return Ok((k, !own.contains(c.as_str())));
    }
    let has_number = values.iter().any(|v| matches!(parse_value(v), CellValue::Number { .. }));
    if has_number && !group {
        return Err(Some(labels.last().copied().unwrap_or("(no label)").to_string()));
    }
    Err(None)
}

/// A row of seven nulls.
pub fn null_row() -> FigureRow {
    APP_COLUMNS.iter().map(|c| (c.key.to_string(), None)).collect()
}

enum RowRead {
    Done(FigureRow),
    Split(Vec<Vec<i64>>),
}

/// Reads seven values, or tries to split run-together cells.
fn read_row(key: &'static str, values: &[&str], w: &mut Warn) -> RowRead {
    let label = application_label(key);
    let mut values = trim_blank_tail(values, 7);
    // Cells that ran together leave the cells around them empty (`110000011` and six blanks, the total
    // among them): such a row is read as its run when a split of it keeps the row total.
    let first = values.iter().position(|v| !v.trim().is_empty()).unwrap_or(values.len());
    let filled = values[first..].iter().take_while(|v| !v.trim().is_empty()).count();
    let core = &values[first..first + filled];
    if values.len() >= 7 && filled < 7 && values[first + filled..].iter().all(|v| v.trim().is_empty()) {
        let tokens: Vec<String> = core.iter().map(|v| v.replace([',', '，', ' '], "")).collect();
        let row_sum = |v: &[i64]| v[..6].iter().sum::<i64>() == v[6];
        if candidates(&tokens, 7, &row_sum).is_some_and(|o| !o.is_empty()) {
            values = core.to_vec();
        }
    }
    if values.len() == 7 {
        let mut row = FigureRow::new();
        for (col, raw) in APP_COLUMNS.iter().zip(&values) {
            let place = || format!("row {label}, column {}", col.header);
            row.insert(col.key.to_string(), figure(raw, false, w, &place));
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
    APP_COLUMNS.iter().zip(v).map(|(c, x)| (c.key.to_string(), Some(Figure::Int(*x)))).collect()
}

fn join(v: &[i64]) -> String {
    v.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

/// Settles ambiguous splits with the column equations (balance and outcomes sum) taken together: every
/// combination of the pending rows' splits is tried, and a row is read when all combinations that make
/// the equations hold give it the same split.
fn resolve_pending(found: &mut FigureTable, pending: Vec<Pending>, order: &[&str], w: &mut Warn) {
    const MAX_COMBINATIONS: usize = 200_000;
    if pending.is_empty() {
        return;
    }
    let sizes: Vec<usize> = pending.iter().map(|p| p.options.len()).collect();
    let product = sizes.iter().try_fold(1usize, |acc, n| acc.checked_mul(*n)).filter(|n| *n <= MAX_COMBINATIONS);
    let mut agreed: Vec<Option<Option<usize>>> = vec![None; pending.len()];
    let known = with_missing_as_null(found, order);
    if product.is_some() {
        let mut pick = vec![0usize; pending.len()];
        loop {
            let assigned: Vec<(&str, &[i64])> =
                pending.iter().zip(&pick).map(|(p, &k)| (p.key, p.options[k].as_slice())).collect();
            if columns_hold(&known, &assigned) {
                for (slot, &k) in agreed.iter_mut().zip(&pick) {
                    *slot = match *slot {
                        None => Some(Some(k)),
                        Some(Some(j)) if j == k => Some(Some(k)),
                        _ => Some(None),
                    };
                }
            }
            // The next combination (an odometer over the options).
            let mut d = 0;
            while d < pick.len() {
                pick[d] += 1;
                if pick[d] < sizes[d] {
                    break;
                }
                pick[d] = 0;
                d += 1;
            }
            if d == pick.len() {
                break;
            }
        }
    }
    for (p, a) in pending.iter().zip(agreed) {
        let label = application_label(p.key);
        match a {
            Some(Some(k)) => {
                let only = &p.options[k];
                w.push(format_args!("row {label}: cells run together split as {} by the column totals", join(only)));
                found.insert(p.key.to_string(), to_row(only));
            }
            _ => w.push(format_args!(
                "row {label}: cells run together allow {} splits, cells left null",
                p.options.len()
            )),
        }
    }
}

/// The rows read so far, with every other template row as a row of nulls (unknown, not zero).
#[must_use]
pub fn with_missing_as_null(found: &FigureTable, order: &[&str]) -> FigureTable {
    let mut t = found.clone();
    for k in order {
        if !t.contains_key(*k) {
            t.insert((*k).to_string(), null_row());
        }
    }
    t
}

/// Whether putting the `assigned` rows in makes every fully known column equation they take part in hold.
pub fn columns_hold(found: &FigureTable, assigned: &[(&str, &[i64])]) -> bool {
    let get = |row: &str, c: usize| -> Option<i64> {
        if let Some((_, v)) = assigned.iter().find(|(k, _)| *k == row) {
            return v.get(c).copied();
        }
        found.get(row)?.get_index(c)?.1.and_then(Figure::as_i64)
    };
    let present = |r: &str| found.contains_key(r) || assigned.iter().any(|(k, _)| *k == r);
    // Only the equations the assigned rows take part in: one the report breaks elsewhere says nothing
    // about them.
    let touches = |rows: &[&str]| assigned.iter().any(|(k, _)| rows.contains(k));
    let outcomes: Vec<&str> = outcome_rows().collect();
    let total = AppRow::Total.key();
    let frame = [AppRow::New, AppRow::CarriedOver, AppRow::Total, AppRow::CarriedForward].map(AppRow::key);
    let in_sum = touches(&outcomes) || touches(&[total]);
    let in_balance = touches(&frame);
    (0..APP_COLUMNS.len()).all(|c| {
        let sum: Option<i64> = outcomes.iter().filter(|r| present(r)).map(|r| get(r, c)).sum();
        let sum_ok = match (sum, get(total, c)) {
            (Some(o), Some(t)) if in_sum => o == t,
            _ => true,
        };
        let balance = frame.map(|r| get(r, c));
        let bal_ok = match balance {
            [Some(a), Some(b), Some(t), Some(f)] if in_balance => a + b == t + f,
            _ => true,
        };
        sum_ok && bal_ok
    })
}
