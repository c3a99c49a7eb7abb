//! Rows of the applications table whose label names no row — lost (a bare number row), damaged
//! (「2.其他法律行政止公开」) or set apart from its figures — placed by the template's order.
//!
//! The template fixes the order of the rows. Such a row lies between the recognised rows around it; the
//! template slots between those that no recognised row took are where it can go. It is placed when the
//! rows in that gap are as many as the free slots (then in order), or when it is alone and exactly one
//! free slot keeps the table's equations (row total, outcomes sum, balance). A printed label must also
//! resemble the slot's. Anything else: left out with a warning, and the slots stay null.

use super::super::labels::{application_label, clean};
use super::Warn;
use super::applications::{Orphan, Pending, columns_hold, take_row, with_missing_as_null};
use crate::model::FigureTable;

/// Places the orphan rows. `seen`: the recognised rows in the order they were met; `order`: the
/// template's rows.
pub fn place(
    orphans: &[Orphan],
    seen: &[&'static str],
    order: &[&'static str],
    found: &mut FigureTable,
    pending: &mut Vec<Pending>,
    w: &mut Warn,
) {
    let taken = |k: &str, found: &FigureTable| found.contains_key(k);
    let mut k = 0;
    while k < orphans.len() {
        // The orphans of one gap: the same recognised rows around them.
        let gap_end = orphans[k..].iter().take_while(|o| o.seen == orphans[k].seen).count() + k;
        let group = &orphans[k..gap_end];
        k = gap_end;
        let after = group[0].after;
        let before = seen.get(group[0].seen).copied();
        let lo = after.and_then(|a| order.iter().position(|x| *x == a)).map_or(0, |p| p + 1);
        let hi = before.and_then(|b| order.iter().position(|x| *x == b)).unwrap_or(order.len());
        let free: Vec<&'static str> =
            order.get(lo..hi).unwrap_or_default().iter().copied().filter(|s| !taken(s, found)).collect();
        let slots: Vec<Option<&'static str>> = if group.len() == free.len() {
            free.iter().map(|s| Some(*s)).collect()
        } else if let [one] = group {
            vec![single_slot(one, &free, found, order)]
        } else {
            vec![None; group.len()]
        };
        for (o, slot) in group.iter().zip(slots) {
            let values: Vec<&str> = o.values.iter().map(String::as_str).collect();
            match slot.filter(|s| resembles(&o.label, s) && fits(s, &values, found, order)) {
                Some(s) => {
                    w.push(format_args!(
                        "line {}: row '{}' read as {} by the order of the rows around it",
                        o.line,
                        o.label,
                        application_label(s)
                    ));
                    take_row(s, &values, found, pending, w);
                }
                None => w.push(format_args!(
                    "line {}: row '{}' names no row and does not fit the {} free places between its neighbours, left out",
                    o.line,
                    o.label,
                    free.len()
                )),
            }
        }
    }
}

/// The one free slot a lone row fits by the equations, if exactly one does.
fn single_slot(o: &Orphan, free: &[&'static str], found: &FigureTable, order: &[&str]) -> Option<&'static str> {
    let values: Vec<&str> = o.values.iter().map(String::as_str).collect();
    let fitting: Vec<&'static str> =
        free.iter().copied().filter(|s| resembles(&o.label, s) && fits(s, &values, found, order)).collect();
    match fitting.as_slice() {
        [one] if numbers(&values).is_some() => Some(*one),
        [one] if free.len() == 1 => Some(*one),
        _ => None,
    }
}

/// Seven integers, when the row's cells are that.
fn numbers(values: &[&str]) -> Option<Vec<i64>> {
    let v: Vec<i64> = values.iter().map(|s| s.trim().parse::<i64>().ok()).collect::<Option<_>>()?;
    (v.len() == 7).then_some(v)
}

/// Whether the row's figures keep the row total and, put in `slot`, the table's column equations (a
/// template row not read yet counts as unknown, so an equation through it is not tested). A row that is
/// not seven plain integers is not tested here (its cells are read, or split, later).
fn fits(slot: &str, values: &[&str], found: &FigureTable, order: &[&str]) -> bool {
    let Some(v) = numbers(values) else { return true };
    v[..6].iter().sum::<i64>() == v[6] && columns_hold(&with_missing_as_null(found, order), &[(slot, v.as_slice())])
}

/// Whether a printed label could be the slot's (damaged by a typo or cut short): most of its
/// characters occur in the template's label. A missing label resembles anything.
fn resembles(label: &str, slot: &str) -> bool {
    // The template's full wording where the short label leaves words out.
    let full = crate::schema::Table::Applications.row(slot).map_or("", |r| r.full);
    resembles_label(label, full)
}

/// Whether a printed label could be a template label damaged or cut short: at least two of its
/// characters, and seven in ten, occur in the template label. A missing label resembles anything.
#[must_use]
pub fn resembles_label(label: &str, template: &str) -> bool {
    if label == "(no label)" {
        return true;
    }
    let l: Vec<char> = clean(label).chars().collect();
    let t = clean(template);
    if l.is_empty() {
        return true;
    }
    let shared = l.iter().filter(|c| t.contains(**c)).count();
    shared >= 2 && shared * 10 >= l.len() * 7
}

#[cfg(test)]
mod tests {
    use super::super::applications::read;
    use super::super::{Entry, Kind};
    use super::*;
    use crate::model::Figure;

    fn entry(line: usize, cells: &[&str]) -> Entry {
        Entry { line, cells: cells.iter().map(|c| (*c).to_string()).collect(), item: line, row: true }
    }

    fn table(rows: &[&[&str]]) -> (Option<FigureTable>, Vec<String>) {
        let entries: Vec<Entry> = rows.iter().enumerate().map(|(i, r)| entry(i + 1, r)).collect();
        let mut out = Vec::new();
        let mut w = Warn { table: Kind::Applications, out: &mut out };
        let (t, _) = read(&entries, &mut w);
        (t, out)
    }

    const ZERO: [&str; 7] = ["0"; 7];

    fn row<'a>(label: &'a str, v: &[&'a str]) -> Vec<&'a str> {
        let mut r = vec![label];
        r.extend_from_slice(v);
        r
    }

    fn cell(t: &FigureTable, row: &str, col: &str) -> Option<i64> {
        t.get(row).and_then(|r| r.get(col)).copied().flatten().and_then(Figure::as_i64)
    }

    #[test]
    fn damaged_label_is_placed_by_the_rows_around_it() {
        let one = ["0", "1", "0", "0", "0", "0", "1"];
        let r1 = row("1.属于国家秘密", &ZERO);
        let r2 = row("2.其他法律行政止公开", &one);
        let r3 = row("3.危及“三安全一稳定”", &ZERO);
        let (t, warnings) = table(&[&r1, &r2, &r3]);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "denied_law", "commercial"), Some(1), "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("其他法律行政止公开") && w.contains("by the order")));
    }

    #[test]
    fn a_bare_number_row_in_a_gap_of_two_free_slots_is_left_null() {
        let one = ["1", "0", "0", "0", "0", "0", "1"];
        let r1 = row("1.属于国家秘密", &ZERO);
        let r2 = row("", &one);
        let r4 = row("4.保护第三方合法权益", &ZERO);
        let (t, warnings) = table(&[&r1, &r2, &r4]);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "denied_law", "natural_person"), None);
        assert_eq!(cell(&t, "denied_security_stability", "natural_person"), None);
        assert!(warnings.iter().any(|w| w.contains("the 2 free places")), "{warnings:?}");
    }

    #[test]
    fn two_bare_rows_fill_two_free_slots_in_order() {
        let one = ["1", "0", "0", "0", "0", "0", "1"];
        let two = ["2", "0", "0", "0", "0", "0", "2"];
        let r1 = row("1.属于国家秘密", &ZERO);
        let (r2, r3) = (row("", &one), row("", &two));
        let r4 = row("4.保护第三方合法权益", &ZERO);
        let (t, _) = table(&[&r1, &r2, &r3, &r4]);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "denied_law", "natural_person"), Some(1));
        assert_eq!(cell(&t, "denied_security_stability", "natural_person"), Some(2));
    }

    #[test]
    fn an_extra_row_is_not_placed_into_a_missing_slot() {
        let r1 = row("（一）予以公开", &ZERO);
        let r2 = row("其中：转办", &["2", "0", "0", "0", "0", "0", "2"]);
        let r3 = row("1.属于国家秘密", &ZERO);
        let (t, warnings) = table(&[&r1, &r2, &r3]);
        assert_eq!(cell(&t.unwrap_or_default(), "partial", "natural_person"), None);
        assert!(warnings.iter().any(|w| w.contains("not a standard row")), "{warnings:?}");
    }

    /// Every 2019 row with zero figures, except the given ones.
    fn full_table(special: &[(&str, &[&str])]) -> (Option<FigureTable>, Vec<String>) {
        let rows: Vec<Vec<&str>> = super::super::applications::row_order(false)
            .into_iter()
            .map(|k| {
                let v: &[&str] = special.iter().find(|(s, _)| *s == k).map_or(&ZERO, |(_, v)| v);
                row(application_label(k), v)
            })
            .collect();
        let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        table(&refs)
    }

    #[test]
    fn a_run_is_settled_by_the_column_equations_when_they_leave_one_split() {
        let total = ["11", "0", "0", "0", "0", "0", "11"];
        let (t, w) = full_table(&[("new", &total), ("granted", &["110000011"]), ("total", &total)]);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "granted", "natural_person"), Some(11), "{w:?}");
    }

    #[test]
    fn two_runs_that_can_swap_are_left_null_with_a_warning() {
        let total = ["12", "10", "0", "0", "0", "0", "22"];
        let run: &[&str] = &["110000011"];
        let special = [("new", &total[..]), ("granted", run), ("unable_not_held", run), ("total", &total[..])];
        let (t, w) = full_table(&special);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "granted", "natural_person"), None);
        assert_eq!(cell(&t, "unable_not_held", "natural_person"), None);
        assert!(w.iter().any(|x| x.contains("予以公开") && x.contains("left null")), "{w:?}");
    }

    #[test]
    fn a_run_beside_empty_cells_is_split_not_read_as_one_cell() {
        let total = ["11", "0", "0", "0", "0", "0", "11"];
        let run: &[&str] = &["", "110000011", "", "", "", "", "", ""];
        let (t, w) = full_table(&[("new", &total), ("granted", run), ("total", &total)]);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "granted", "natural_person"), Some(11), "{w:?}");
        assert_eq!(cell(&t, "granted", "commercial"), Some(0));
    }

    #[test]
    fn a_wrapped_label_claimed_by_the_rows_above_and_below_it_places_both_by_order() {
        let fragment = |line: usize, text: &str| Entry { line, cells: vec![text.to_string()], item: line, row: false };
        let one = ["1", "0", "0", "0", "0", "0", "1"];
        let two = ["2", "0", "0", "0", "0", "0", "2"];
        let entries = vec![
            entry(1, &row("4.无正当理由大量反复申请", &ZERO)),
            fragment(2, "5.要求行政机关确认或重新出具"),
            fragment(3, "已获取信息"),
            entry(4, &row("", &one)),
            fragment(5, "1.申请人无正当理由逾期不补正、"),
            entry(6, &row("行政机关不再处理其政府信息公", &two)),
            fragment(7, "开申请"),
            entry(8, &row("2.申请人逾期未按收费通知要求缴纳费用", &ZERO)),
        ];
        let mut out = Vec::new();
        let mut w = Warn { table: Kind::Applications, out: &mut out };
        let (t, _) = read(&entries, &mut w);
        let t = t.unwrap_or_default();
        assert_eq!(cell(&t, "rejected_confirm", "natural_person"), Some(1), "{out:?}");
        assert_eq!(cell(&t, "other_no_correction", "natural_person"), Some(2), "{out:?}");
    }
}
