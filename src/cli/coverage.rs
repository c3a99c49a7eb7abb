//! `gongkai coverage --year Y`: which units of a region published a report that year, and which did not.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use super::report_cmds::open;
use crate::gazetteer::{self, Unit};
use crate::model::Level;
use crate::query::{self, SearchRequest};
use crate::render::sanitize_for_terminal;

/// What `coverage` is asked.
#[derive(Debug, Clone)]
pub struct Ask {
    /// The year.
    pub year: i32,
    /// A province name or its prefix.
    pub province: Option<String>,
    /// A prefecture name or its prefix.
    pub city: Option<String>,
    /// A county name or its prefix.
    pub county: Option<String>,
    /// The level of the units counted.
    pub level: Level,
}

/// One unit and the reports placed at it.
struct Covered<'a> {
    unit: &'a Unit,
    reports: Vec<u64>,
}

/// Runs `coverage`.
pub(super) fn coverage(index: &Path, ask: &Ask, as_json: bool) -> Result<ExitCode> {
    let (region, units) =
        gazetteer::units_under(ask.province.as_deref(), ask.city.as_deref(), ask.county.as_deref(), ask.level)
            .map_err(|e| anyhow::anyhow!(sanitize_for_terminal(&e)))?;
    if units.is_empty() {
        let within = region.as_ref().map_or_else(|| "the gazetteer".to_string(), |r| r.name.clone());
        anyhow::bail!("{within} has no units at level {}", ask.level.as_str());
    }
    let searcher = open(index)?;
    let req = SearchRequest { years: Some((ask.year, ask.year)), ..SearchRequest::default() };
    let mut by_code: HashMap<String, Vec<u64>> = HashMap::new();
    for (id, code) in query::region_codes(&searcher, &req)? {
        by_code.entry(code).or_default().push(id);
    }
    let all: Vec<Covered> =
        units.iter().map(|u| Covered { unit: u, reports: by_code.get(&u.code).cloned().unwrap_or_default() }).collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if as_json {
        writeln!(out, "{}", serde_json::to_string(&to_json(ask, region.as_ref(), &all))?)?;
    } else {
        write_text(&mut out, ask, region.as_ref(), &all)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Per parent unit: (code, name) → (with a report, all).
fn per_parent<'a>(all: &'a [Covered]) -> BTreeMap<(&'a str, &'a str), (usize, usize)> {
    let mut m: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for c in all {
        let key = c.unit.parent.as_ref().map_or(("", "-"), |(code, name)| (code.as_str(), name.as_str()));
        let e = m.entry(key).or_default();
        e.0 += usize::from(!c.reports.is_empty());
        e.1 += 1;
    }
    m
}

fn region_name(region: Option<&Unit>) -> String {
    region.map_or_else(|| "全国".to_string(), |r| r.name.clone())
}

fn write_text(out: &mut impl Write, ask: &Ask, region: Option<&Unit>, all: &[Covered]) -> io::Result<()> {
    let with = all.iter().filter(|c| !c.reports.is_empty()).count();
    let head = format!(
        "{} · {} units of {} · {with} with a report, {} without",
        ask.year,
        ask.level.as_str(),
        region_name(region),
        all.len() - with
    );
    writeln!(out, "{}", sanitize_for_terminal(&head))?;
    let parents = per_parent(all);
    if parents.len() > 1 {
        let above = match ask.level {
            Level::Township => "county",
            Level::County => "prefecture",
            Level::Prefecture | Level::Province => "province",
        };
        writeln!(out, "\nby {above}:")?;
        for ((code, name), (w, n)) in &parents {
            let pct = w * 100 / (*n).max(1);
            writeln!(out, "  {code:<9}  {}  {w}/{n}  {pct}%", sanitize_for_terminal(&pad(name, 16)))?;
        }
    }
    writeln!(out, "\nwith a report ({with}):")?;
    for c in all.iter().filter(|c| !c.reports.is_empty()) {
        let ids: Vec<String> = c.reports.iter().map(|id| format!("#{id}")).collect();
        let line = format!("  {}  {}  {}", c.unit.code, pad(&c.unit.name, 16), ids.join(" "));
        writeln!(out, "{}", sanitize_for_terminal(&line))?;
    }
    writeln!(out, "\nwithout ({}):", all.len() - with)?;
    for c in all.iter().filter(|c| c.reports.is_empty()) {
        let parent = if parents.len() > 1 { c.unit.parent.as_ref().map_or("", |p| p.1.as_str()) } else { "" };
        let line = format!("  {}  {}  {parent}", c.unit.code, pad(&c.unit.name, 16));
        writeln!(out, "{}", sanitize_for_terminal(line.trim_end()))?;
    }
    Ok(())
}

/// `s` padded with spaces to `width` terminal columns (never cut: a long name pushes the line on).
fn pad(s: &str, width: usize) -> String {
    crate::render::fit(s, width.max(unicode_width::UnicodeWidthStr::width(s)), false)
}

fn to_json(ask: &Ask, region: Option<&Unit>, all: &[Covered]) -> serde_json::Value {
    let with: Vec<serde_json::Value> = all
        .iter()
        .filter(|c| !c.reports.is_empty())
        .map(|c| json!({"code": c.unit.code, "name": c.unit.name, "reports": c.reports}))
        .collect();
    let without: Vec<serde_json::Value> = all
        .iter()
        .filter(|c| c.reports.is_empty())
        .map(|c| json!({"code": c.unit.code, "name": c.unit.name}))
        .collect();
    let parents: Vec<serde_json::Value> = per_parent(all)
        .into_iter()
        .map(|((code, name), (w, n))| json!({"code": code, "name": name, "with": w, "units": n}))
        .collect();
    json!({
        "year": ask.year,
        "level": ask.level.as_str(),
        "region": region.map(|r| json!({"code": r.code, "name": r.name})),
        "with": with,
        "without": without,
        "by_parent": parents,
    })
}
