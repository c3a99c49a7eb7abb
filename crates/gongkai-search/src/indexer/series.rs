//! The cross-year checks (`gongkai_core::series`) kept with each report: after a run writes and
//! deletes documents, every agency series it touched is re-read and re-checked, and a document whose
//! series checks changed is written again with the new ones. A year re-indexed or removed so
//! re-evaluates its neighbours.

use std::collections::HashSet;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use crate::index::{self, Fields, FileStamp};
use gongkai_core::model::{Check, Report};
use gongkai_core::series;

/// The series groups of documents already in the index, by source path.
pub(super) fn groups_of(searcher: &Searcher, sources: &[String]) -> tantivy::Result<HashSet<String>> {
    let fl = Fields::get();
    let mut out = HashSet::new();
    for source in sources {
        let q = TermQuery::new(index::source_term(source), IndexRecordOption::Basic);
        for addr in searcher.search(&q, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            if let Some(g) = doc.get_first(fl.group).and_then(|v| v.as_str()).filter(|g| !g.is_empty()) {
                out.insert(g.to_string());
            }
        }
    }
    Ok(out)
}

/// One stored report with the stamp it was indexed with.
fn stored(searcher: &Searcher, addr: tantivy::DocAddress) -> tantivy::Result<Option<(Report, FileStamp)>> {
    let fl = Fields::get();
    let doc: TantivyDocument = searcher.doc(addr)?;
    let text = |f| doc.get_first(f).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let num = |f| doc.get_first(f).and_then(|v| v.as_u64()).unwrap_or(0);
    let Ok(report) = serde_json::from_str::<Report>(&text(fl.record)) else { return Ok(None) };
    Ok(Some((report, FileStamp { size: num(fl.size), mtime: num(fl.mtime), hash: text(fl.hash) })))
}

fn series_of(r: &Report) -> Vec<&Check> {
    r.checks.iter().filter(|c| series::is_series(c)).collect()
}

/// Re-checks every group in `groups` against the committed index (`searcher`), rewriting the
/// documents whose series checks changed. Returns how many were rewritten; the caller commits.
pub(super) fn update(
    searcher: &Searcher,
    writer: &mut IndexWriter,
    groups: &HashSet<String>,
) -> tantivy::Result<usize> {
    let fl = Fields::get();
    let mut rewritten = 0;
    let mut sorted: Vec<&String> = groups.iter().collect();
    sorted.sort();
    for group in sorted {
        let q = TermQuery::new(Term::from_field_text(fl.group, group), IndexRecordOption::Basic);
        let mut members = Vec::new();
        for addr in searcher.search(&q, &DocSetCollector)? {
            if let Some(m) = stored(searcher, addr)? {
                members.push(m);
            }
        }
        let refs: Vec<&Report> = members.iter().map(|(r, _)| r).collect();
        let checks = series::checks(&refs);
        for ((mut report, stamp), new) in members.into_iter().zip(checks) {
            if series_of(&report) == new.iter().collect::<Vec<_>>() {
                continue;
            }
            series::set_checks(&mut report, new);
            writer.delete_term(index::source_term(&report.source));
            writer.add_document(index::document(&report, &stamp)?)?;
            rewritten += 1;
        }
    }
    Ok(rewritten)
}
