//! Checks across the years of one agency (`series.*`): what one report says against the report of the
//! year before. Pure functions over records; the indexer groups the reports and keeps the result
//! with each of them.
//!
//! - `series.carry_over`: 四、结转下年度继续办理 (总计) of year N equals 二、上年结转政府信息公开申请数量
//!   (总计) of year N+1. Kept with the report of N+1 (the one whose figure should have come forward).
//! - `series.normative_docs`: for consecutive 2021-template years, 现行有效件数 of N+1 equals that of N
//!   plus 本年制发 minus 本年废止 of N+1. A note, not a failure: documents also lapse or are revised.
//! - `series.gap`: a year missing between an agency's first and last report. Kept with the report after
//!   the gap.

use crate::model::{Check, Report, Template};
use crate::schema::{ActiveCol, ActiveRow, AppCol, AppRow, FigureKey, Table};

/// The ids of the checks this module makes.
pub const IDS: [&str; 3] = ["series.carry_over", "series.normative_docs", "series.gap"];

/// Whether a check is one of this module's (so it can be replaced when the series changes).
#[must_use]
pub fn is_series(c: &Check) -> bool {
    c.id.starts_with("series.")
}

/// Which reports belong together: the same agency in the same place. `None` for a report without
/// an agency or a year (it has no series).
#[must_use]
pub fn group_key(r: &Report) -> Option<String> {
    let agency = r.agency.as_deref().filter(|a| !a.is_empty())?;
    r.year?;
    Some(group_key_of(agency, r.region.as_ref().and_then(|g| g.code.as_deref())))
}

/// The group of an agency name and a region code.
#[must_use]
pub fn group_key_of(agency: &str, region_code: Option<&str>) -> String {
    format!("{agency}\u{1f}{}", region_code.unwrap_or(""))
}

/// The series checks of every report of one group, in the order given: `out[i]` belongs to
/// `reports[i]`. Reports of the same year (duplicates, corrections) are compared with the nearest
/// earlier year only.
#[must_use]
pub fn checks(reports: &[&Report]) -> Vec<Vec<Check>> {
    let mut out = vec![Vec::new(); reports.len()];
    let mut order: Vec<usize> = (0..reports.len()).filter(|&i| reports[i].year.is_some()).collect();
    order.sort_by_key(|&i| (reports[i].year, reports[i].source.clone()));
    let years: Vec<i32> = order.iter().filter_map(|&i| reports[i].year).collect();
    for (pos, &i) in order.iter().enumerate() {
        let r = reports[i];
        let Some(year) = r.year else { continue };
        // The latest report of an earlier year.
        let Some(&j) = order[..pos].iter().rev().find(|&&j| reports[j].year.is_some_and(|y| y < year)) else {
            continue;
        };
        let prev = reports[j];
        let Some(prev_year) = prev.year else { continue };
        if prev_year + 1 < year {
            let missing: Vec<String> =
                (prev_year + 1..year).filter(|y| !years.contains(y)).map(|y| y.to_string()).collect();
            out[i].push(Check {
                other: Some(prev.source.clone()),
                ..Check::new(
                    "series.gap",
                    false,
                    format!("no report for {} between {prev_year} ({}) and {year}", missing.join(", "), prev.source),
                )
            });
            continue;
        }
        out[i].extend(carry_over(prev, r));
        out[i].extend(normative_docs(prev, r));
    }
    out
}

fn carry_over(prev: &Report, r: &Report) -> Option<Check> {
    let before = prev.figures.app(AppRow::CarriedForward, AppCol::Total)?;
    let after = r.figures.app(AppRow::CarriedOver, AppCol::Total)?;
    let (py, y) = (prev.year?, r.year?);
    let key = FigureKey::app(AppRow::CarriedOver, AppCol::Total);
    let ok = before == after;
    let detail = if ok {
        format!("{y}: 上年结转 {after} = {py}: 结转下年度继续办理 {before}")
    } else {
        format!("{y}: 上年结转 {after} ≠ {py}: 结转下年度继续办理 {before} ({} vs {})", r.source, prev.source)
    };
    Some(Check {
        table: (!ok).then(|| Table::Applications.key().to_string()),
        row: (!ok).then(|| key.row.key.to_string()),
        column: (!ok).then(|| key.column.key.to_string()),
        other: Some(prev.source.clone()),
        ..Check::new("series.carry_over", ok, detail)
    })
}

fn normative_docs(prev: &Report, r: &Report) -> Option<Check> {
    if prev.template != Template::T2021 || r.template != Template::T2021 {
        return None;
    }
    let get = |rep: &Report, col: ActiveCol| rep.figures.active(ActiveRow::NormativeDocs, col)?.as_i64();
    let before = get(prev, ActiveCol::InForce)?;
    let (issued, repealed, now) =
        (get(r, ActiveCol::Issued)?, get(r, ActiveCol::Repealed)?, get(r, ActiveCol::InForce)?);
    let (py, y) = (prev.year?, r.year?);
    let expected = before + issued - repealed;
    let ok = expected == now;
    let detail = if ok {
        format!("{y}: 现行有效 {now} = {before} ({py}) + 制发 {issued} − 废止 {repealed}")
    } else {
        format!(
            "{y}: 现行有效 {now} ≠ {before} ({py}) + 制发 {issued} − 废止 {repealed} = {expected}; other changes \
             (lapsed, revised) may explain it ({} vs {})",
            r.source, prev.source
        )
    };
    Some(Check {
        table: (!ok).then(|| Table::Active.key().to_string()),
        row: (!ok).then(|| ActiveRow::NormativeDocs.key().to_string()),
        column: (!ok).then(|| ActiveCol::InForce.key().to_string()),
        other: Some(prev.source.clone()),
        note: true,
        ..Check::new("series.normative_docs", ok, detail)
    })
}

/// The figures `compare` shows, in order, with short labels for narrow columns.
pub const COMPARE_ROWS: [(&str, &str); 18] = [
    ("applications.new.total", "新收申请"),
    ("applications.carried_over.total", "上年结转"),
    ("applications.granted.total", "予以公开"),
    ("applications.total.total", "办理总计"),
    ("applications.carried_forward.total", "结转下年"),
    ("reviews.review.total", "行政复议"),
    ("reviews.review.corrected", "复议纠正"),
    ("reviews.litigation_direct.total", "直接起诉"),
    ("reviews.litigation_direct.corrected", "直诉纠正"),
    ("reviews.litigation_after_review.total", "复议后起诉"),
    ("reviews.litigation_after_review.corrected", "复议后诉纠正"),
    ("active.normative_docs.issued", "规范性文件制发"),
    ("active.normative_docs.repealed", "规范性文件废止"),
    ("active.normative_docs.in_force", "规范性文件现行有效"),
    ("active.licensing.decisions", "行政许可"),
    ("active.penalties.decisions", "行政处罚"),
    ("active.enforcement.decisions", "行政强制"),
    ("active.fees.amount", "事业性收费(万元)"),
];

/// One row of a comparison: a figure over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRow {
    /// The figure.
    pub key: FigureKey,
    /// Its short label.
    pub label: &'static str,
    /// Its value in each report, in the reports' order.
    pub values: Vec<Option<crate::model::Figure>>,
    /// Whether a failing series check of that report points at this figure.
    pub failing: Vec<bool>,
}

/// One agency's figures over the years: `reports` in year order, rows that some year fills.
#[must_use]
pub fn compare_rows(reports: &[&Report]) -> Vec<SeriesRow> {
    let mut rows = Vec::new();
    for (name, label) in COMPARE_ROWS {
        let Some(key) = FigureKey::parse(name) else { continue };
        let values: Vec<_> = reports.iter().map(|r| r.figures.value(key)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        let failing = reports
            .iter()
            .map(|r| {
                r.checks.iter().any(|c| {
                    is_series(c)
                        && !c.ok
                        && c.table.as_deref() == Some(key.table.key())
                        && c.row.as_deref() == Some(key.row.key)
                        && c.column.as_deref() == Some(key.column.key)
                })
            })
            .collect();
        rows.push(SeriesRow { key, label, values, failing });
    }
    rows
}

/// Replaces a report's series checks with `new` (its own checks stay).
pub fn set_checks(r: &mut Report, new: Vec<Check>) {
    r.checks.retain(|c| !is_series(c));
    r.checks.extend(new);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, FigureRow, FigureTable};

    fn report(source: &str, year: i32, carried_over: i64, carried_forward: i64) -> Report {
        let mut r = Report::empty(source, "text", "utf-8");
        r.agency = Some("刘集镇".into());
        r.year = Some(year);
        let row = |v: i64| FigureRow::from([("total".to_string(), Some(Figure::Int(v)))]);
        r.figures.applications = Some(FigureTable::from([
            ("carried_over".to_string(), row(carried_over)),
            ("carried_forward".to_string(), row(carried_forward)),
        ]));
        r
    }

    fn ids(cs: &[Check]) -> Vec<(&str, bool)> {
        cs.iter().map(|c| (c.id.as_str(), c.ok)).collect()
    }

    #[test]
    fn carry_over_names_both_reports_and_values() {
        let (a, b, c) = (report("a2019", 2019, 0, 2), report("b2020", 2020, 2, 1), report("c2021", 2021, 3, 0));
        let out = checks(&[&c, &a, &b]);
        assert!(out[1].is_empty(), "the first year has nothing before it");
        assert_eq!(ids(&out[2]), [("series.carry_over", true)]);
        assert_eq!(ids(&out[0]), [("series.carry_over", false)]);
        let bad = &out[0][0];
        assert!(bad.detail.contains("c2021") && bad.detail.contains("b2020"), "{}", bad.detail);
        assert!(bad.detail.contains('3') && bad.detail.contains('1'), "{}", bad.detail);
        assert_eq!(bad.other.as_deref(), Some("b2020"));
        assert_eq!((bad.table.as_deref(), bad.row.as_deref()), (Some("applications"), Some("carried_over")));
    }

    #[test]
    fn a_missing_year_is_a_gap_and_null_figures_leave_the_check_out() {
        let (a, c) = (report("a2019", 2019, 0, 2), report("c2021", 2021, 2, 0));
        let out = checks(&[&a, &c]);
        assert_eq!(ids(&out[1]), [("series.gap", false)]);
        assert!(out[1][0].detail.contains("2020"), "{}", out[1][0].detail);
        let mut b = report("b2020", 2020, 2, 0);
        b.figures.applications = None;
        let out = checks(&[&a, &b]);
        assert!(out[1].is_empty(), "{:?}", out[1]);
    }

    #[test]
    fn normative_documents_are_a_note_not_a_failure() {
        let docs = |source: &str, year: i32, issued: i64, repealed: i64, in_force: i64| {
            let mut r = Report::empty(source, "text", "utf-8");
            r.agency = Some("刘集镇".into());
            r.year = Some(year);
            r.template = Template::T2021;
            let row: FigureRow = [("issued", issued), ("repealed", repealed), ("in_force", in_force)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), Some(Figure::Int(v))))
                .collect();
            r.figures.active = Some(FigureTable::from([("normative_docs".to_string(), row)]));
            r
        };
        let (a, b) = (docs("a", 2021, 3, 0, 10), docs("b", 2022, 2, 1, 11));
        assert_eq!(ids(&checks(&[&a, &b])[1]), [("series.normative_docs", true)]);
        let mut b2 = docs("b", 2022, 2, 1, 15);
        let out = checks(&[&a, &b2]);
        assert_eq!(ids(&out[1]), [("series.normative_docs", false)]);
        assert!(out[1][0].note);
        set_checks(&mut b2, out[1].clone());
        assert!(!b2.has_failing_check(), "a note does not make a report failing");
    }

    #[test]
    fn compare_rows_hold_filled_figures_and_mark_failing_series_cells() {
        let (a, b) = (report("a", 2019, 0, 2), report("b", 2020, 1, 0));
        let out = checks(&[&a, &b]);
        let mut b = b.clone();
        set_checks(&mut b, out[1].clone());
        let rows = compare_rows(&[&a, &b]);
        let names: Vec<String> = rows.iter().map(|r| r.key.name()).collect();
        assert_eq!(names, ["applications.carried_over.total", "applications.carried_forward.total"]);
        assert_eq!(rows[0].failing, [false, true]);
        assert_eq!(rows[1].failing, [false, false]);
        assert_eq!(rows[0].values, [Some(Figure::Int(0)), Some(Figure::Int(1))]);
        for (name, _) in COMPARE_ROWS {
            assert!(FigureKey::parse(name).is_some(), "{name}");
        }
    }

    #[test]
    fn groups_need_an_agency_and_a_year() {
        let r = report("a", 2020, 0, 0);
        assert!(group_key(&r).is_some());
        let mut r2 = r.clone();
        r2.year = None;
        assert_eq!(group_key(&r2), None);
    }
}
