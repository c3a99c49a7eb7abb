//! The consistency checks of SCHEMA.md. A check whose table is absent, or whose every equation has a
//! null term, is left out; otherwise it fails on the first equation that does not hold and its detail
//! names the row, the column and both sides.

use super::labels::{application_label, outcome_rows};
use crate::model::{Check, Figure, FigureTable, Figures};
use crate::schema::{APP_COLUMNS, APP_ROWS, AppCol, AppRow, REVIEW_COLUMNS, REVIEW_ROWS, ReviewCol, Table};

/// Every check that can be computed.
#[must_use]
pub fn run(figures: &Figures, year: Option<i32>, published: Option<&str>) -> Vec<Check> {
    let mut out = Vec::new();
    if let Some(app) = &figures.applications {
        out.extend(balance(app));
        out.extend(outcomes_sum(app));
        out.extend(column_total(app));
    }
    if let Some(rev) = &figures.reviews {
        out.extend(review_totals(rev));
    }
    if let (Some(y), Some(p)) = (year, published) {
        let end = format!("{y}-12-31");
        let ok = p > end.as_str();
        let detail = if ok {
            format!("published {p}, after the end of {y}")
        } else {
            format!("published {p} is not after the end of the year reported on ({end})")
        };
        out.push(Check::new("report.published_after_year", ok, detail));
    }
    out
}

fn cell(t: &FigureTable, row: &str, col: &str) -> Option<i64> {
    t.get(row)?.get(col).copied().flatten().and_then(Figure::as_i64)
}

/// The applicant columns that add up to 总计.
fn applicant_parts() -> impl Iterator<Item = &'static str> {
    APP_COLUMNS.iter().map(|c| c.key).filter(|k| *k != AppCol::Total.key())
}

/// Where a failing equation looks: table, row and column keys (each when it names one).
struct Place {
    table: Table,
    row: Option<&'static str>,
    column: Option<&'static str>,
}

/// Folds per-item results into one check: `None` if nothing was computable.
fn verdict(id: &str, results: Vec<Result<(), (String, Place)>>, what: &str) -> Option<Check> {
    if results.is_empty() {
        return None;
    }
    let n = results.len();
    match results.into_iter().find_map(Result::err) {
        Some((detail, at)) => Some(Check {
            table: Some(at.table.key().to_string()),
            row: at.row.map(str::to_string),
            column: at.column.map(str::to_string),
            ..Check::new(id, false, detail)
        }),
        None => Some(Check::new(id, true, format!("{what}: all {n} hold"))),
    }
}

fn balance(t: &FigureTable) -> Option<Check> {
    let results = APP_COLUMNS
        .iter()
        .filter_map(|c| {
            let (col, head) = (c.key, c.header);
            let [a, b, c, d] =
                [AppRow::New, AppRow::CarriedOver, AppRow::Total, AppRow::CarriedForward].map(|r| cell(t, r.key(), col));
            let (a, b, c, d) = (a?, b?, c?, d?);
            Some(if a + b == c + d {
                Ok(())
            } else {
                Err((
                    format!(
                        "column {head}: 一、本年新收 {a} + 二、上年结转 {b} = {} ≠ （七）总计 {c} + 四、结转下年度继续办理 {d} = {}",
                        a + b,
                        c + d
                    ),
                    Place { table: Table::Applications, row: None, column: Some(col) },
                ))
            })
        })
        .collect();
    verdict("applications.balance", results, "columns where new + carried over = total + carried forward")
}

fn outcomes_sum(t: &FigureTable) -> Option<Check> {
    let results = APP_COLUMNS
        .iter()
        .filter_map(|c| {
            let (col, head) = (c.key, c.header);
            let total = cell(t, AppRow::Total.key(), col)?;
            let rows: Vec<&str> = outcome_rows().filter(|r| t.contains_key(*r)).collect();
            let sum: i64 = rows.iter().map(|r| cell(t, r, col)).sum::<Option<i64>>()?;
            Some(if sum == total {
                Ok(())
            } else {
                Err((
                    format!("column {head}: （七）总计 {total} ≠ sum of the outcome rows （一）…（六） {sum}"),
                    Place { table: Table::Applications, row: Some(AppRow::Total.key()), column: Some(col) },
                ))
            })
        })
        .collect();
    verdict("applications.outcomes_sum", results, "columns where total = sum of outcomes")
}

fn column_total(t: &FigureTable) -> Option<Check> {
    let results = t
        .keys()
        .filter_map(|k| APP_ROWS.iter().map(|r| r.key).find(|key| key == k))
        .filter_map(|row| {
            let total = cell(t, row, AppCol::Total.key())?;
            let sum: i64 = applicant_parts().map(|c| cell(t, row, c)).sum::<Option<i64>>()?;
            Some(if sum == total {
                Ok(())
            } else {
                Err((
                    format!(
                        "row {}: {} {total} ≠ sum of the six applicant columns {sum}",
                        application_label(row),
                        Table::Applications.column(AppCol::Total.key()).map_or("", |c| c.header)
                    ),
                    Place { table: Table::Applications, row: Some(row), column: Some(AppCol::Total.key()) },
                ))
            })
        })
        .collect();
    verdict("applications.column_total", results, "rows where total = sum of applicant columns")
}

fn review_totals(t: &FigureTable) -> Option<Check> {
    let results = REVIEW_ROWS
        .iter()
        .filter_map(|r| {
            let (g, label) = (r.key, r.label);
            let total = cell(t, g, ReviewCol::Total.key())?;
            let sum: i64 = REVIEW_COLUMNS
                .iter()
                .filter(|c| c.key != ReviewCol::Total.key())
                .map(|c| cell(t, g, c.key))
                .sum::<Option<i64>>()?;
            Some(if sum == total {
                Ok(())
            } else {
                Err((
                    format!("{label}: 总计 {total} ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = {sum}"),
                    Place { table: Table::Reviews, row: Some(g), column: Some(ReviewCol::Total.key()) },
                ))
            })
        })
        .collect();
    verdict("reviews.totals", results, "groups where total = sum of results")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FigureRow;

    fn app_row(v: [i64; 7]) -> FigureRow {
        APP_COLUMNS.iter().zip(v).map(|(c, x)| (c.key.to_string(), Some(Figure::Int(x)))).collect()
    }

    fn table(rows: &[(&str, [i64; 7])]) -> FigureTable {
        rows.iter().map(|(k, v)| ((*k).to_string(), app_row(*v))).collect()
    }

    #[test]
    fn balance_fails_with_both_sides_named() {
        let t = table(&[
            ("new", [5, 0, 0, 0, 0, 0, 5]),
            ("carried_over", [1, 0, 0, 0, 0, 0, 1]),
            ("granted", [4, 0, 0, 0, 0, 0, 4]),
            ("total", [4, 0, 0, 0, 0, 0, 4]),
            ("carried_forward", [1, 0, 0, 0, 0, 0, 1]),
        ]);
        let c = balance(&t).unwrap_or_else(|| panic!("no check"));
        assert!(!c.ok);
        assert!(c.detail.contains("自然人") && c.detail.contains("= 6") && c.detail.contains("= 5"), "{}", c.detail);
        let place = (c.table.as_deref(), c.row.as_deref(), c.column.as_deref());
        assert_eq!(place, (Some("applications"), None, Some("natural_person")));
        assert!(outcomes_sum(&t).is_some_and(|c| c.ok));
        assert!(column_total(&t).is_some_and(|c| c.ok));
    }

    #[test]
    fn null_terms_leave_a_check_out() {
        let mut t = table(&[("new", [1, 0, 0, 0, 0, 0, 1])]);
        if let Some(r) = t.get_mut("new") {
            r.insert("total".into(), None);
        }
        assert!(column_total(&t).is_none());
        assert!(balance(&t).is_none());
    }

    #[test]
    fn published_after_year() {
        let f = Figures::default();
        let c = run(&f, Some(2020), Some("2020-01-20"));
        assert_eq!(c.len(), 1);
        assert!(!c[0].ok);
        assert!(run(&f, Some(2020), Some("2021-01-20"))[0].ok);
    }
}
