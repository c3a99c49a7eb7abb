//! The subcommands that read the index: search, show, export, stats.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::json;
use tantivy::Searcher;

use super::{ByArg, FormatArg, TableArg};
use crate::model::Report;
use crate::query::{self, Hit, SearchRequest, Snippet};
use crate::render;
use crate::render::sanitize_for_terminal;
use crate::schema::Table;

/// Opens the index for reading, with a hint when there is none.
pub(super) fn open(index: &Path) -> Result<Searcher> {
    open_with_cache(index, 100)
}

/// A searcher whose document stores each keep `blocks` decompressed blocks (an export reading the
/// store in order needs few). A command reads one version of the index.
fn open_with_cache(index: &Path, blocks: usize) -> Result<Searcher> {
    let idx = crate::index::open_existing(index)?
        .with_context(|| format!("no index at {}; create one with `gongkai index DIR`", index.display()))?;
    Ok(crate::index::reader(&idx, blocks).context("opening the index reader")?.searcher())
}

fn color() -> bool {
    render::use_color(io::stdout().is_terminal())
}

/// The snippet with matches in reverse video on a colour terminal, else in 【】.
fn highlight(s: &Snippet, color: bool) -> String {
    let (on, off) = if color { ("\x1b[7m", "\x1b[0m") } else { ("【", "】") };
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in &s.highlights {
        if a < at || b > s.text.len() || !s.text.is_char_boundary(a) || !s.text.is_char_boundary(b) {
            continue;
        }
        out.push_str(&sanitize_for_terminal(&s.text[at..a]));
        out.push_str(on);
        out.push_str(&sanitize_for_terminal(&s.text[a..b]));
        out.push_str(off);
        at = b;
    }
    out.push_str(&sanitize_for_terminal(&s.text[at.min(s.text.len())..]));
    out
}

fn or_empty(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn region(h: &Hit) -> String {
    h.region.parts().collect::<Vec<_>>().join(" ")
}

pub(super) fn search(index: &Path, req: &SearchRequest, as_json: bool) -> Result<ExitCode> {
    let searcher = open(index)?;
    let res = query::search(&searcher, req)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let color = color();
    for h in &res.hits {
        if as_json {
            let v = json!({
                "id": h.id, "source": h.source, "agency": h.agency, "agency_type": h.agency_type.as_str(),
                "level": h.level.map_or("", |l| l.as_str()),
                "region": {"province": or_empty(&h.region.province), "city": or_empty(&h.region.city),
                           "county": or_empty(&h.region.county)},
                "year": h.year, "score": h.score, "snippet": h.snippet.text, "applications": h.applications,
                "failing_checks": h.failing,
            });
            writeln!(out, "{v}")?;
            continue;
        }
        let year = h.year.map_or("----".to_string(), |y| y.to_string());
        let apps = h.applications.map_or("—".to_string(), |n| n.to_string());
        let mark = if h.failing { " !check" } else { "" };
        let line =
            format!("{}  {year}  {}  {}  申请 {apps}  #{}{mark}", h.agency, h.agency_type.as_str(), region(h), h.id);
        writeln!(out, "{}", sanitize_for_terminal(&line))?;
        writeln!(out, "    {}", highlight(&h.snippet, color))?;
    }
    if !as_json {
        writeln!(
            out,
            "{} of {} in {:.1} ms",
            res.hits.len(),
            render::reports(res.total),
            res.elapsed.as_secs_f64() * 1000.0
        )?;
    }
    out.flush()?;
    Ok(if res.total == 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Finds the report a `show` target names: an indexed path, an id, a file, or an agency name.
/// What `show TARGET` names.
enum Resolved {
    One(Box<Report>),
    /// Nothing matches: the message (exit 1, as `search`).
    NoMatch(String),
}

fn resolve(searcher: &Searcher, target: &str, year: Option<i32>) -> Result<Resolved> {
    if let Ok(id) = target.trim_start_matches('#').parse::<u64>()
        && let Some(r) = query::record_by_id(searcher, id)?
    {
        return Ok(Resolved::One(Box::new(r)));
    }
    let path = Path::new(target);
    if path.is_file() {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(r) = query::record_by_id(searcher, crate::index::id_of(&abs.display().to_string()))? {
            return Ok(Resolved::One(Box::new(r)));
        }
        return Ok(Resolved::One(Box::new(parse_file(path, target)?)));
    }
    // An agency name, or part of one; a full name with its 人民政府 wrapper as the short name too.
    let short = crate::gazetteer::identify(target, "", None).agency;
    let names: Vec<&str> = if short.is_empty() || short == target { vec![target] } else { vec![target, &short] };
    let by_name = |name: &str, year: Option<i32>| -> Result<Vec<Hit>> {
        // Agency names hold no spaces or quotes; the value must stay one `agency:` term.
        let name: String = name.chars().filter(|c| !c.is_whitespace() && *c != '"').collect();
        let mut req = SearchRequest { text: format!("agency:{name}"), limit: 50, ..SearchRequest::default() };
        req.years = year.map(|y| (y, y));
        Ok(query::search(searcher, &req)?.hits)
    };
    let mut hits = Vec::new();
    for name in &names {
        hits = by_name(name, year)?;
        if !hits.is_empty() {
            break;
        }
    }
    let exact: Vec<&Hit> = hits.iter().filter(|h| names.contains(&h.agency.as_str())).collect();
    let pick: Vec<&Hit> = if exact.is_empty() { hits.iter().collect() } else { exact };
    match pick.as_slice() {
        [] => {
            if let Some(y) = year {
                let other = by_name(names[0], None)?;
                let mut years: Vec<i32> = other.iter().filter_map(|h| h.year).collect();
                years.sort_unstable();
                years.dedup();
                if !years.is_empty() {
                    let list: Vec<String> = years.iter().map(ToString::to_string).collect();
                    return Ok(Resolved::NoMatch(format!(
                        "'{target}' has no report for {y}; its reports are of {}",
                        list.join(", ")
                    )));
                }
            }
            Ok(Resolved::NoMatch(format!(
                "no report matches '{target}' (a path, an id from `gongkai search`, or an agency name)"
            )))
        }
        [one] => Ok(Resolved::One(Box::new(
            query::load_report(searcher, one.addr)?.context("the stored record cannot be read")?,
        ))),
        many => {
            let mut msg = format!("'{target}' matches {}; name one by id:\n", render::reports(many.len()));
            for h in many {
                let y = h.year.map_or("----".into(), |y| y.to_string());
                msg.push_str(&format!("  #{}  {}  {y}  {}\n", h.id, h.agency, region(h)));
            }
            bail!(sanitize_for_terminal(msg.trim_end()))
        }
    }
}

pub(super) fn show(
    index: &Path,
    target: &str,
    year: Option<i32>,
    table: Option<TableArg>,
    as_json: bool,
) -> Result<ExitCode> {
    let r = match open(index) {
        Ok(searcher) => match resolve(&searcher, target, year)? {
            Resolved::One(r) => *r,
            Resolved::NoMatch(msg) => {
                eprintln!("gongkai: {}", sanitize_for_terminal(&msg));
                return Ok(ExitCode::from(1));
            }
        },
        // No index yet: a file can still be shown, parsed on the spot.
        Err(_) if Path::new(target).is_file() => parse_file(Path::new(target), target)?,
        Err(e) => return Err(e),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if as_json {
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
    } else if let Some(t) = table {
        let id = match t {
            TableArg::Active => Table::Active,
            TableArg::Applications => Table::Applications,
            TableArg::Reviews => Table::Reviews,
        };
        match render::grid(&r, id) {
            Some(g) => {
                writeln!(out, "{}", id.title())?;
                for l in render::grid_lines(&g, 26) {
                    writeln!(out, "{}", sanitize_for_terminal(&l))?;
                }
            }
            None => writeln!(out, "{}: not in this report", id.title())?,
        }
    } else {
        write!(out, "{}", render::summary(&r))?;
        for s in &r.sections {
            let head = format!("{}{}", s.number.as_deref().map_or(String::new(), |n| format!("{n}、")), s.title);
            writeln!(out, "\n## {}\n{}", sanitize_for_terminal(&head), sanitize_for_terminal(&s.text))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

const META: [&str; 15] = [
    "source",
    "agency",
    "agency_full",
    "agency_type",
    "level",
    "province",
    "city",
    "county",
    "code",
    "year",
    "template",
    "published",
    "phone",
    "failing_checks",
    "warnings",
];

fn meta_values(r: &Report) -> Vec<String> {
    let reg = r.region.clone().unwrap_or_default();
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        r.source.clone(),
        s(&r.agency),
        s(&r.agency_full),
        r.agency_type.as_str().into(),
        r.level.map_or(String::new(), |l| l.as_str().into()),
        s(&reg.province),
        s(&reg.city),
        s(&reg.county),
        s(&reg.code),
        r.year.map_or(String::new(), |y| y.to_string()),
        r.template.as_str().into(),
        s(&r.published),
        s(&r.contact.phone),
        r.checks.iter().filter(|c| !c.ok).map(|c| c.id.as_str()).collect::<Vec<_>>().join(" "),
        r.warnings.len().to_string(),
    ]
}

/// Writes the records a request matches, read one at a time (memory stays flat whatever the corpus):
/// NDJSON, or CSV with the metadata columns and then every figure of the schema in its order.
pub(super) fn export(
    index: &Path,
    req: &SearchRequest,
    format: FormatArg,
    out: Option<&Path>,
    bom: bool,
    with_reviews: bool,
) -> Result<ExitCode> {
    // Records are read in the export's order, ascending within each segment: a few blocks of cache
    // per segment are enough, and memory stays flat however many segments there are.
    let searcher = open_with_cache(index, 4)?;
    let addrs = query::addresses(&searcher, req)?;
    let store = with_reviews.then(|| crate::ui::review::Store::load_for(index));
    for w in store.iter().flat_map(|s| &s.warnings) {
        eprintln!("gongkai: {}", sanitize_for_terminal(w));
    }
    let review_of = |r: &Report| store.as_ref().map(|s| s.get(crate::index::id_of(&r.source)));
    let sink: Box<dyn Write> = match out {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut sink = io::BufWriter::with_capacity(1 << 16, sink);
    // A record that cannot be read is an error, never a silently shorter export.
    let records = addrs.iter().map(|a| {
        query::load_report(&searcher, *a)?.ok_or_else(|| anyhow::anyhow!("a stored record in the index cannot be read"))
    });
    let mut written = 0usize;
    if format == FormatArg::Ndjson {
        // Each record as `parse --json` writes it (fields in the schema's order), straight to the
        // sink; the review object, when asked for, goes in as the last field.
        let mut line = Vec::with_capacity(1 << 14);
        for r in records {
            let r = r?;
            line.clear();
            serde_json::to_writer(&mut line, &r)?;
            if let Some(e) = review_of(&r)
                && line.last() == Some(&b'}')
            {
                line.pop();
                let review = json!({"reviewed": e.reviewed, "flagged": e.flagged, "note": e.note});
                write!(line, ",\"review\":{review}}}")?;
            }
            line.push(b'\n');
            sink.write_all(&line)?;
            written += 1;
        }
        sink.flush()?;
    } else {
        if bom {
            sink.write_all("\u{feff}".as_bytes())?;
        }
        let keys = crate::schema::FigureKey::all();
        let columns: Vec<String> = keys.iter().map(crate::schema::FigureKey::name).collect();
        // CSV printed on a terminal carries no escape sequence from report text (a file gets it as it is).
        let to_terminal = out.is_none() && io::stdout().is_terminal();
        let clean = |v: String| if to_terminal { sanitize_for_terminal(&v) } else { v };
        let mut w = csv::Writer::from_writer(sink);
        let review_cols: Vec<String> =
            if with_reviews { vec!["reviewed".into(), "flagged".into(), "note".into()] } else { Vec::new() };
        w.write_record(META.iter().map(|s| (*s).to_string()).chain(review_cols).chain(columns.iter().cloned()))?;
        for r in records {
            let r = r?;
            let review: Vec<String> =
                review_of(&r).map(|e| vec![e.reviewed.to_string(), e.flagged.to_string(), e.note]).unwrap_or_default();
            let row = meta_values(&r)
                .into_iter()
                .chain(review)
                .chain(keys.iter().map(|k| r.figures.value(*k).map_or_else(String::new, |f| f.to_string())))
                .map(clean);
            w.write_record(row)?;
            written += 1;
        }
        w.flush()?;
    }
    if let Some(p) = out {
        eprintln!("{} → {}", render::reports(written), sanitize_for_terminal(&p.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn stats(index: &Path, req: &SearchRequest, by: ByArg, as_json: bool) -> Result<ExitCode> {
    let searcher = open(index)?;
    let by = match by {
        ByArg::Year => query::GroupBy::Year,
        ByArg::Type => query::GroupBy::Type,
        ByArg::Province => query::GroupBy::Province,
    };
    let totals = query::totals(&searcher, req, by)?;
    let groups: Vec<(String, [i64; 7])> = totals
        .groups
        .iter()
        .map(|g| {
            let mut row = [0i64; 7];
            row[0] = i64::try_from(g.reports).unwrap_or(i64::MAX);
            row[1] = i64::try_from(g.failing).unwrap_or(i64::MAX);
            row[2..].copy_from_slice(&g.sums);
            (g.key.clone(), row)
        })
        .collect();
    let names =
        ["reports", "failing_checks", "applications_new", "granted", "handled", "reviews_lawsuits", "decisions"];
    let mut out = io::BufWriter::new(io::stdout().lock());
    if as_json {
        for (k, g) in &groups {
            let mut m = serde_json::Map::new();
            m.insert("group".into(), json!(k));
            for (n, v) in names.iter().zip(g) {
                m.insert((*n).into(), json!(v));
            }
            writeln!(out, "{}", serde_json::Value::Object(m))?;
        }
    } else {
        let head = ["", "报告数", "检查未过", "本年新收", "予以公开", "办理总计", "复议诉讼", "处理决定"];
        let rows: Vec<Vec<String>> = groups
            .iter()
            .map(|(k, g)| std::iter::once(k.clone()).chain(g.iter().map(ToString::to_string)).collect())
            .collect();
        let widths: Vec<usize> = (0..head.len())
            .map(|i| {
                rows.iter()
                    .map(|r| unicode_width::UnicodeWidthStr::width(r[i].as_str()))
                    .chain([unicode_width::UnicodeWidthStr::width(head[i])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: Vec<String>| -> String {
            cells.iter().enumerate().map(|(i, c)| render::fit(c, widths[i], i > 0)).collect::<Vec<_>>().join("  ")
        };
        writeln!(out, "{}", line(head.iter().map(|s| (*s).to_string()).collect()))?;
        for r in rows {
            writeln!(out, "{}", sanitize_for_terminal(&line(r)))?;
        }
        writeln!(out, "{}", render::reports(usize::try_from(totals.total).unwrap_or(usize::MAX)))?;
    }
    out.flush()?;
    Ok(if totals.total == 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads and parses one file; an error names the file once.
fn parse_file(path: &Path, shown: &str) -> Result<Report> {
    let src = crate::load::load_path(path).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    crate::parse::parse_source(&src, shown).map_err(|e| anyhow::anyhow!("{shown}: {e}"))
}
