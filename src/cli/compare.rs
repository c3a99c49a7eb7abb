//! `gongkai compare TARGET`: one agency's reports over the years, key figures side by side, with the
//! cross-year checks.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::json;
use tantivy::Searcher;

use super::report_cmds::open;
use crate::model::Report;
use crate::query::{self, Hit, SearchRequest};
use crate::render::{self, sanitize_for_terminal};
use crate::series;

/// Where the agency is to be looked for.
#[derive(Debug, Clone, Default)]
pub struct Place {
    /// A province name or its prefix.
    pub province: Option<String>,
    /// A county name or its prefix.
    pub county: Option<String>,
}

/// The series a target names: one, none (with a message) or several (listed).
enum Found {
    One(String),
    None(String),
    Several(Vec<Hit>),
}

/// The agency series a target names: an id, an indexed path, or an agency name (narrowed by place).
fn find(searcher: &Searcher, target: &str, place: &Place) -> Result<Found> {
    let by_record = |r: Report| {
        series::group_key(&r).map_or_else(
            || Found::None(format!("{target}: the report names no agency or year, so it has no series")),
            Found::One,
        )
    };
    if let Ok(id) = target.trim_start_matches('#').parse::<u64>()
        && let Some(r) = query::record_by_id(searcher, id)?
    {
        return Ok(by_record(r));
    }
    let path = Path::new(target);
    if path.is_file() {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        return match query::record_by_id(searcher, crate::index::id_of(&abs.display().to_string()))? {
            Some(r) => Ok(by_record(r)),
            None => Ok(Found::None(format!("{target} is not in the index; `gongkai index` it first"))),
        };
    }
    // The name as given first; the gazetteer (which costs its tables' build) only when that finds
    // nothing: a printed full name (刘集镇人民政府) is then tried as its short agency name (刘集镇).
    let search_name = |name: &str| -> Result<Vec<Hit>> {
        let name: String = name.chars().filter(|c| !c.is_whitespace() && *c != '"').collect();
        let mut text = format!("agency:{name}");
        if let Some(c) = &place.county {
            let c: String = c.chars().filter(|c| !c.is_whitespace() && *c != '"').collect();
            text.push_str(&format!(" county:{c}"));
        }
        let req = SearchRequest { text, province: place.province.clone(), limit: 1000, ..SearchRequest::default() };
        Ok(query::search(searcher, &req)?.hits)
    };
    let mut names: Vec<String> = vec![target.to_string()];
    let mut hits = search_name(target)?;
    if hits.is_empty() {
        let short = crate::gazetteer::identify(target, "", None).agency;
        if !short.is_empty() && short != target {
            hits = search_name(&short)?;
            names.push(short);
        }
    }
    let exact: Vec<Hit> = hits.iter().filter(|h| names.contains(&h.agency)).cloned().collect();
    let hits = if exact.is_empty() { hits } else { exact };
    let mut groups: BTreeMap<String, Hit> = BTreeMap::new();
    for h in hits.into_iter().filter(|h| h.year.is_some()) {
        groups.entry(series::group_key_of(&h.agency, h.region.code.as_deref())).or_insert(h);
    }
    Ok(match groups.len() {
        0 => Found::None(format!("no report matches '{target}' (an agency name, an id or an indexed path)")),
        1 => groups.into_keys().next().map_or_else(|| Found::None(String::new()), Found::One),
        _ => Found::Several(groups.into_values().collect()),
    })
}

/// Runs `compare`.
pub(super) fn compare(index: &Path, target: &str, place: &Place, as_json: bool) -> Result<ExitCode> {
    let searcher = open(index)?;
    let group = match find(&searcher, target, place)? {
        Found::One(g) => g,
        Found::None(msg) => {
            eprintln!("gongkai: {}", sanitize_for_terminal(&msg));
            return Ok(ExitCode::from(1));
        }
        Found::Several(hits) => {
            let mut msg = format!(
                "'{target}' names {} agencies; narrow it with --province or --county, or give an id:\n",
                hits.len()
            );
            for h in &hits {
                let region: Vec<&str> = h.region.parts().collect();
                let code = h.region.code.as_deref().unwrap_or("no code");
                msg.push_str(&format!("  #{}  {}  {} ({code})\n", h.id, h.agency, region.join(" ")));
            }
            bail!(sanitize_for_terminal(msg.trim_end()))
        }
    };
    let reports = query::series_reports(&searcher, &group)?;
    let refs: Vec<&Report> = reports.iter().collect();
    let first = refs.first().context("the agency's reports cannot be read from the index")?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    if as_json {
        writeln!(out, "{}", serde_json::to_string(&to_json(&refs))?)?;
    } else {
        let head = format!(
            "{} · {} · {}",
            first.agency.as_deref().unwrap_or("-"),
            render::region_text(first),
            render::reports(refs.len())
        );
        writeln!(out, "{}", sanitize_for_terminal(&head))?;
        let grid = render::compare_grid(&refs);
        for line in render::grid_lines(&grid, 18) {
            writeln!(out, "{}", sanitize_for_terminal(&line))?;
        }
        let checks: Vec<(&Report, &crate::model::Check)> =
            refs.iter().flat_map(|r| r.checks.iter().filter(|c| series::is_series(c)).map(move |c| (*r, c))).collect();
        if !checks.is_empty() {
            writeln!(out, "\ncross-year checks:")?;
        }
        for (r, c) in checks {
            let y = r.year.map_or_else(|| "----".to_string(), |y| y.to_string());
            let mark = if c.ok {
                "ok  "
            } else if c.note {
                "note"
            } else {
                "FAIL"
            };
            writeln!(out, "  {y} {mark} {}: {}", c.id, sanitize_for_terminal(&c.detail))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON form: agency, region, years, reports, rows (values by year) and the series checks.
fn to_json(reports: &[&Report]) -> serde_json::Value {
    let grid = render::compare_grid(reports);
    let rows: Vec<serde_json::Value> = series::compare_rows(reports)
        .into_iter()
        .map(|row| {
            let values: serde_json::Map<String, serde_json::Value> =
                grid.header.iter().zip(&row.values).map(|(y, v)| (y.clone(), json!(v))).collect();
            json!({"key": row.key.name(), "label": row.label, "values": values})
        })
        .collect();
    let checks: Vec<serde_json::Value> = reports
        .iter()
        .flat_map(|r| {
            r.checks.iter().filter(|c| series::is_series(c)).map(move |c| {
                let mut v = json!(c);
                if let Some(o) = v.as_object_mut() {
                    o.insert("year".into(), json!(r.year));
                    o.insert("source".into(), json!(r.source));
                }
                v
            })
        })
        .collect();
    let first = reports.first();
    json!({
        "agency": first.and_then(|r| r.agency.clone()),
        "region": first.and_then(|r| r.region.clone()),
        "years": reports.iter().map(|r| r.year).collect::<Vec<_>>(),
        "reports": reports.iter().map(|r| json!({
            "year": r.year, "id": crate::index::id_of(&r.source), "source": r.source,
        })).collect::<Vec<_>>(),
        "rows": rows,
        "checks": checks,
    })
}
