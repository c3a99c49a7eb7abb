//! Search: the query syntax, filters, sorting, facet counts and snippets.
//!
//! Syntax: words and "quoted phrases" (every Han run is an exact substring search), `AND` (the
//! default) and `OR`, `-term` to exclude, and `field:value` with fields `year` (2020 or 2019..2021),
//! `type` (SCHEMA names or 乡/镇/街道/县/市/省/部门), `province`, `city`, `county` (prefix of the
//! canonical name: `province:安徽`), `level`, `template`, `agency`, `failing` (yes/no).

pub mod facets;
pub mod figures;
mod hits;
pub mod syntax;
pub mod totals;

use std::ops::Bound;
use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::index::{Fields, f, tokenizer};
use gongkai_core::model::{AgencyType, Level, Report};
pub use hits::{make_snippet, term_ranges};
pub use syntax::{Atom, Parsed, level_name, parse, year_range as syntax_year};
pub use totals::{GroupBy, GroupTotals, Totals, totals};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Relevance (BM25).
    #[default]
    Score,
    /// Newest year first.
    Year,
    /// Most applications received first.
    Applications,
    /// Largest value of a figure or rate first; reports without it last.
    Field(figures::NumField),
}

impl Sort {
    /// Its name on the command line and in saved sessions (`score`, `year`, `applications`, or a
    /// figure's name: `applications.granted.total`, `rate.granted`).
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Sort::Score => "score".into(),
            Sort::Year => "year".into(),
            Sort::Applications => "applications".into(),
            Sort::Field(f) => f.name(),
        }
    }

    /// The order a name gives: `score`, `year`, `applications`, or any figure key, alias or rate.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Sort> {
        match name.trim() {
            "score" | "relevance" => Some(Sort::Score),
            "year" => Some(Sort::Year),
            "applications" => Some(Sort::Applications),
            other => figures::NumField::parse(other).map(Sort::Field),
        }
    }
}

/// A search: query text plus filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchRequest {
    /// Query in the syntax above.
    pub text: String,
    /// Inclusive year range.
    pub years: Option<(i32, i32)>,
    /// Any of these agency types.
    pub types: Vec<AgencyType>,
    /// Province name or its prefix.
    pub province: Option<String>,
    /// Administrative level.
    pub level: Option<Level>,
    /// Only reports with a failing check.
    pub failing_only: bool,
    /// Only these ids (the TUI's review filter); `None` for all.
    pub only_ids: Option<Vec<u64>>,
    /// Never these ids (the TUI's "unreviewed only").
    pub exclude_ids: Vec<u64>,
    /// Order.
    pub sort: Sort,
    /// At most this many hits.
    pub limit: usize,
    /// Also count how many matches are among these ids (the TUI's reviewed reports).
    pub count_ids: Vec<u64>,
    /// Count the matches by year, type, province, city, county and failing checks (the TUI's filter
    /// bar and pickers); a search that prints hits leaves it off: counting visits every match.
    pub facets: bool,
}

/// A snippet of text with the byte ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// One line of text.
    pub text: String,
    /// Byte ranges into `text`.
    pub highlights: Vec<(usize, usize)>,
}

/// One hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Stable id (see `show ID`).
    pub id: u64,
    /// Source path.
    pub source: String,
    /// Agency name.
    pub agency: String,
    /// Agency type.
    pub agency_type: AgencyType,
    /// Level, when known.
    pub level: Option<Level>,
    /// Province, city, county, as far as resolved.
    pub region: HitRegion,
    /// Year reported on.
    pub year: Option<i32>,
    /// Relevance score (0 when sorted otherwise).
    pub score: f32,
    /// Matching text.
    pub snippet: Snippet,
    /// 一、本年新收 总计.
    pub applications: Option<i64>,
    /// A check fails.
    pub failing: bool,
    /// Headline figures in [`crate::index::NUMERIC_FIELDS`] order.
    pub headline: [Option<i64>; 5],
    /// Where the document is, for [`load_report`] with the same searcher.
    pub addr: DocAddress,
}

/// Where a hit's agency is: canonical names, as far as the gazetteer resolved them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HitRegion {
    /// Province (安徽省).
    pub province: Option<String>,
    /// Prefecture (蚌埠市).
    pub city: Option<String>,
    /// County (固镇县).
    pub county: Option<String>,
    /// Gazetteer code of the finest unit resolved.
    pub code: Option<String>,
}

impl HitRegion {
    /// The names known, province first.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        [&self.province, &self.city, &self.county].into_iter().flatten().map(String::as_str)
    }
}

/// Counts of the matching reports by facet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// By year, newest first.
    pub years: Vec<(String, u64)>,
    /// By agency type, largest first.
    pub types: Vec<(String, u64)>,
    /// By province, largest first.
    pub provinces: Vec<(String, u64)>,
    /// By prefecture, largest first (reports with a resolved prefecture only).
    pub cities: Vec<(String, u64)>,
    /// By county, largest first (reports with a resolved county only).
    pub counties: Vec<(String, u64)>,
    /// Reports with a failing check.
    pub failing: u64,
}

/// What a search returns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResult {
    /// Hits in order.
    pub hits: Vec<Hit>,
    /// How many reports match in all.
    pub total: usize,
    /// Facet counts over all matches.
    pub counts: Counts,
    /// How many matches are among the request's `count_ids`.
    pub among_ids: u64,
    /// Time taken.
    pub elapsed: Duration,
    /// The facet counts were not asked for here and follow on their own ([`facet_counts`]): the
    /// TUI shows the count and the list first, then the filter bar's counts.
    pub counts_pending: bool,
}

/// Errors of a search.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query text is not valid.
    #[error("query: {0}")]
    Syntax(String),
    /// The index failed.
    #[error("search failed: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// Runs a search.
///
/// # Errors
/// [`QueryError`] for bad syntax or index failures.
pub fn search(searcher: &Searcher, req: &SearchRequest) -> Result<SearchResult, QueryError> {
    let start = Instant::now();
    let parsed = parse(&req.text).map_err(QueryError::Syntax)?;
    let query = build(searcher, &parsed, req)?;
    let limit = req.limit.clamp(1, usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX).max(1));
    let (addrs, total, counts_found) = if req.facets {
        let (addrs, (total, fc)) = ranked(searcher, query.as_ref(), req.sort, limit, (Count, facets::FacetCounter))?;
        (addrs, total, facets::counts(&fc))
    } else {
        let (addrs, total) = ranked(searcher, query.as_ref(), req.sort, limit, Count)?;
        (addrs, total, Counts::default())
    };
    let among_ids = if req.count_ids.is_empty() {
        0
    } else {
        let id = Fields::get().id;
        let terms: Vec<Term> = req.count_ids.iter().map(|v| Term::from_field_u64(id, *v)).collect();
        let both = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (Occur::Must, Box::new(tantivy::query::TermSetQuery::new(terms))),
        ]);
        searcher.search(&both, &Count)? as u64
    };
    let terms = parsed.highlight_terms();
    let hits = addrs
        .into_iter()
        .map(|(score, addr)| hits::hit(searcher, addr, score, &terms))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SearchResult { hits, total, counts: counts_found, among_ids, elapsed: start.elapsed(), counts_pending: false })
}

/// The facet counts of every match of a request (what [`search`] adds with `facets`), alone.
///
/// # Errors
/// [`QueryError`] for bad syntax or index failures.
pub fn facet_counts(searcher: &Searcher, req: &SearchRequest) -> Result<Counts, QueryError> {
    let parsed = parse(&req.text).map_err(QueryError::Syntax)?;
    let query = build(searcher, &parsed, req)?;
    let found = searcher.search(query.as_ref(), &facets::FacetCounter)?;
    Ok(facets::counts(&found))
}

/// Documents in order, with their scores.
type Ranked = Vec<(f32, DocAddress)>;

/// The best `limit` documents a query matches in the order `sort` asks for (scores only for
/// [`Sort::Score`]), with what `extra` collects in the same pass.
fn ranked<C: tantivy::collector::Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    limit: usize,
    extra: C,
) -> Result<(Ranked, C::Fruit), QueryError> {
    Ok(match sort {
        Sort::Score => searcher.search(query, &(TopDocs::with_limit(limit).order_by_score(), extra))?,
        Sort::Field(field) => {
            let path = format!("{}.{}", f::FIGS, field.name());
            let top = TopDocs::with_limit(limit).tweak_score(move |segment: &tantivy::SegmentReader| {
                let column = segment.fast_fields().column_opt::<f64>(&path).ok().flatten();
                move |doc: tantivy::DocId, _score: tantivy::Score| {
                    column.as_ref().and_then(|c| c.first(doc)).unwrap_or(f64::NEG_INFINITY)
                }
            });
            let (top, fruit) = searcher.search(query, &(top, extra))?;
            (top.into_iter().map(|(_, a)| (0.0, a)).collect(), fruit)
        }
        Sort::Year | Sort::Applications => {
            let key = if sort == Sort::Year { f::YEAR } else { f::APP_NEW };
            let top = TopDocs::with_limit(limit).order_by_fast_field::<i64>(key, Order::Desc);
            let (top, fruit) = searcher.search(query, &(top, extra))?;
            (top.into_iter().map(|(_, a)| (0.0, a)).collect(), fruit)
        }
    })
}

/// The addresses of the documents a request matches, in its order, at most its limit: for reading
/// records one at a time (export) without holding them all.
///
/// # Errors
/// [`QueryError`] for bad syntax or index failures.
pub fn addresses(searcher: &Searcher, req: &SearchRequest) -> Result<Vec<DocAddress>, QueryError> {
    let parsed = parse(&req.text).map_err(QueryError::Syntax)?;
    let query = build(searcher, &parsed, req)?;
    let limit = req.limit.clamp(1, usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX).max(1));
    let (top, _) = ranked(searcher, query.as_ref(), req.sort, limit, Count)?;
    Ok(top.into_iter().map(|(_, a)| a).collect())
}

/// The whole query: text clauses plus the request's filters.
fn build(searcher: &Searcher, parsed: &Parsed, req: &SearchRequest) -> Result<Box<dyn Query>, QueryError> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for group in &parsed.groups {
        let mut ors = group.iter().map(|a| atom_query(a)).collect::<Result<Vec<_>, _>>()?;
        let q = if ors.len() == 1 {
            ors.remove(0)
        } else {
            Box::new(BooleanQuery::new(ors.into_iter().map(|q| (Occur::Should, q)).collect()))
        };
        clauses.push((Occur::Must, q));
    }
    for a in &parsed.excluded {
        // Excluded by id: tantivy's phrase scorer trips a debug assertion when seeked as an exclusion.
        let ids = matching_ids(searcher, atom_query(a)?.as_ref())?;
        let id = Fields::get().id;
        let terms: Vec<Term> = ids.into_iter().map(|v| Term::from_field_u64(id, v)).collect();
        clauses.push((Occur::MustNot, Box::new(tantivy::query::TermSetQuery::new(terms))));
    }
    for a in request_filters(req) {
        clauses.push((Occur::Must, atom_query(&a)?));
    }
    if let Some(ids) = &req.only_ids {
        let id = Fields::get().id;
        let terms: Vec<Term> = ids.iter().map(|v| Term::from_field_u64(id, *v)).collect();
        clauses.push((Occur::Must, Box::new(tantivy::query::TermSetQuery::new(terms))));
    }
    if !req.exclude_ids.is_empty() {
        let id = Fields::get().id;
        let terms: Vec<Term> = req.exclude_ids.iter().map(|v| Term::from_field_u64(id, *v)).collect();
        clauses.push((Occur::MustNot, Box::new(tantivy::query::TermSetQuery::new(terms))));
    }
    if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The ids of every document a query matches.
fn matching_ids(searcher: &Searcher, query: &dyn Query) -> Result<Vec<u64>, QueryError> {
    let docs = searcher.search(query, &tantivy::collector::DocSetCollector)?;
    let mut columns = std::collections::HashMap::new();
    let mut ids = Vec::with_capacity(docs.len());
    for addr in docs {
        if let std::collections::hash_map::Entry::Vacant(e) = columns.entry(addr.segment_ord) {
            e.insert(searcher.segment_reader(addr.segment_ord).fast_fields().u64(f::ID)?);
        }
        if let Some(v) = columns.get(&addr.segment_ord).and_then(|c| c.first(addr.doc_id)) {
            ids.push(v);
        }
    }
    Ok(ids)
}

/// Every document a request matches (its limit and sort ignored), by segment, in document order: for
/// passes that read fast fields of every match.
pub(crate) fn matches_by_segment(
    searcher: &Searcher,
    req: &SearchRequest,
) -> Result<std::collections::BTreeMap<u32, Vec<tantivy::DocId>>, QueryError> {
    let parsed = parse(&req.text).map_err(QueryError::Syntax)?;
    let query = build(searcher, &parsed, req)?;
    let docs = searcher.search(query.as_ref(), &tantivy::collector::DocSetCollector)?;
    let mut by_segment: std::collections::BTreeMap<u32, Vec<tantivy::DocId>> = std::collections::BTreeMap::new();
    for addr in docs {
        by_segment.entry(addr.segment_ord).or_default().push(addr.doc_id);
    }
    for docs in by_segment.values_mut() {
        docs.sort_unstable();
    }
    Ok(by_segment)
}

/// Every report a request matches, as (id, region code): read from fast fields, no record loaded.
/// The request's limit and sort are ignored. An empty code means the report's region was not resolved.
///
/// # Errors
/// [`QueryError`] for bad syntax or index failures.
pub fn region_codes(searcher: &Searcher, req: &SearchRequest) -> Result<Vec<(u64, String)>, QueryError> {
    let mut out = Vec::new();
    for (seg, docs) in matches_by_segment(searcher, req)? {
        let ff = searcher.segment_reader(seg).fast_fields();
        let ids = ff.u64(f::ID)?;
        let codes = ff.str(f::REGION_CODE)?;
        let found: Vec<(u64, Option<u64>)> = docs
            .into_iter()
            .filter_map(|doc| {
                let id = ids.first(doc)?;
                Some((id, codes.as_ref().and_then(|c| c.term_ords(doc).next())))
            })
            .collect();
        // Each distinct code of the segment read once, in order (a lookup per document decompresses
        // a dictionary block each time: 3.4 billion instructions for a province of 100,000 reports).
        let mut ords: Vec<u64> = found.iter().filter_map(|(_, o)| *o).collect();
        ords.sort_unstable();
        ords.dedup();
        let mut names: Vec<String> = Vec::with_capacity(ords.len());
        if let Some(c) = &codes {
            let all = c
                .dictionary()
                .sorted_ords_to_term_cb(&ords, |b| names.push(String::from_utf8_lossy(b).into_owned()))
                .map_err(tantivy::TantivyError::from)?;
            if !all || names.len() != ords.len() {
                return Err(QueryError::Index(tantivy::TantivyError::InternalError(
                    "a region code is missing from its dictionary".into(),
                )));
            }
        }
        for (id, ord) in found {
            let code = ord.and_then(|o| ords.binary_search(&o).ok()).and_then(|i| names.get(i)).cloned();
            out.push((id, code.unwrap_or_default()));
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// The request's filter fields as atoms.
fn request_filters(req: &SearchRequest) -> Vec<Atom> {
    let mut v = Vec::new();
    if let Some((a, b)) = req.years {
        v.push(Atom::Field("year".into(), format!("{a}..{b}")));
    }
    if !req.types.is_empty() {
        v.push(Atom::AnyType(req.types.clone()));
    }
    if let Some(p) = &req.province {
        v.push(Atom::Field("province".into(), p.clone()));
    }
    if let Some(l) = req.level {
        v.push(Atom::Field("level".into(), l.as_str().into()));
    }
    if req.failing_only {
        v.push(Atom::Field("failing".into(), "yes".into()));
    }
    v
}

/// One atom → a tantivy query.
fn atom_query(atom: &Atom) -> Result<Box<dyn Query>, QueryError> {
    match atom {
        Atom::Text(t, prefix_last) => text_query(t, *prefix_last),
        Atom::AnyType(types) => {
            let fld = Fields::get().agency_type;
            let terms: Vec<Term> = types.iter().map(|t| Term::from_field_text(fld, t.as_str())).collect();
            Ok(Box::new(tantivy::query::TermSetQuery::new(terms)))
        }
        Atom::Field(name, value) => field_query(name, value),
        Atom::Figure(c) => Ok(figure_query(c)),
    }
}

/// A comparison → a range over the figure's fast value (a document without the figure has none,
/// so a null never matches).
fn figure_query(c: &figures::Comparison) -> Box<dyn Query> {
    let term = |v: f64| {
        let mut t = Term::from_field_json_path(Fields::get().figs, &c.field.name(), false);
        t.append_type_and_fast_value(v);
        t
    };
    let (lo, hi) = match c.op {
        figures::Op::Gt => (Bound::Excluded(term(c.value)), Bound::Unbounded),
        figures::Op::Ge => (Bound::Included(term(c.value)), Bound::Unbounded),
        figures::Op::Lt => (Bound::Unbounded, Bound::Excluded(term(c.value))),
        figures::Op::Le => (Bound::Unbounded, Bound::Included(term(c.value))),
        figures::Op::Eq => (Bound::Included(term(c.value)), Bound::Included(term(c.value))),
    };
    Box::new(RangeQuery::new(lo, hi))
}

fn field_query(name: &str, value: &str) -> Result<Box<dyn Query>, QueryError> {
    let fl = Fields::get();
    let exact = |field: Field, v: &str| -> Result<Box<dyn Query>, QueryError> {
        let t = Term::from_field_text(field, v);
        Ok(Box::new(TermQuery::new(t, IndexRecordOption::Basic)))
    };
    let prefix = |field: Field, v: &str| -> Result<Box<dyn Query>, QueryError> {
        let pattern = format!("{}.*", regex_escape(v));
        Ok(Box::new(RegexQuery::from_pattern(&pattern, field)?))
    };
    match name {
        "year" => {
            let (a, b) = syntax::year_range(value).ok_or_else(|| QueryError::Syntax(format!("bad year '{value}'")))?;
            let fld = Fields::get().year;
            let lo = Term::from_field_i64(fld, i64::from(a));
            let hi = Term::from_field_i64(fld, i64::from(b));
            Ok(Box::new(RangeQuery::new(Bound::Included(lo), Bound::Included(hi))))
        }
        "type" => {
            let t =
                AgencyType::from_name(value).ok_or_else(|| QueryError::Syntax(format!("unknown type '{value}'")))?;
            exact(fl.agency_type, t.as_str())
        }
        "level" => exact(fl.level, &syntax::level_name(value).unwrap_or(value.to_string())),
        "template" => exact(fl.template, value),
        "province" => prefix(fl.province, value),
        "city" => prefix(fl.city, value),
        "county" => prefix(fl.county, value),
        // The agency's name contains the value (`agency:镇`, `agency:刘集`): the name only, not the text.
        "agency" => {
            let pattern = format!(".*{}.*", regex_escape(value));
            Ok(Box::new(RegexQuery::from_pattern(&pattern, Fields::get().agency_exact)?))
        }
        "failing" => {
            let yes = matches!(value, "yes" | "1" | "true" | "是");
            let t = Term::from_field_u64(Fields::get().failing, u64::from(yes));
            Ok(Box::new(TermQuery::new(t, IndexRecordOption::Basic)))
        }
        other => Err(QueryError::Syntax(format!("unknown field '{other}:'"))),
    }
}

fn regex_escape(s: &str) -> String {
    s.chars().fold(String::new(), |mut out, c| {
        if ".*+?()[]{}|^$\\".contains(c) {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

/// Text → AND of its pieces: a Han run is a phrase of its bigrams (an exact substring), a single Han
/// character a unigram term, a word a term (a prefix when `prefix_last` and it ends the query).
fn text_query(text: &str, prefix_last: bool) -> Result<Box<dyn Query>, QueryError> {
    let body = Fields::get().body;
    let body1 = Fields::get().body1;
    let pieces = tokenizer::pieces(text);
    let n = pieces.len();
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (i, p) in pieces.into_iter().enumerate() {
        let q: Box<dyn Query> = match p {
            tokenizer::Piece::Han(run) if run.len() == 1 => {
                let t = Term::from_field_text(body1, &run[0].1.to_string());
                Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
            }
            tokenizer::Piece::Han(run) => {
                let terms: Vec<Term> =
                    run.windows(2).map(|w| Term::from_field_text(body, &format!("{}{}", w[0].1, w[1].1))).collect();
                if terms.len() == 1 {
                    Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::WithFreqs))
                } else {
                    Box::new(PhraseQuery::new(terms))
                }
            }
            tokenizer::Piece::Word(w, _, _) if prefix_last && i + 1 == n => {
                Box::new(RegexQuery::from_pattern(&format!("{}.*", regex_escape(&w)), body)?)
            }
            tokenizer::Piece::Word(w, _, _) => {
                Box::new(TermQuery::new(Term::from_field_text(body, &w), IndexRecordOption::WithFreqs))
            }
        };
        parts.push((Occur::Must, q));
    }
    Ok(match parts.len() {
        0 => Box::new(AllQuery),
        1 => parts.remove(0).1,
        _ => Box::new(BooleanQuery::new(parts)),
    })
}

pub(crate) fn stored_text(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Loads a stored record by id.
///
/// # Errors
/// [`QueryError`] on index failures.
pub fn record_by_id(searcher: &Searcher, id: u64) -> Result<Option<Report>, QueryError> {
    let t = Term::from_field_u64(Fields::get().id, id);
    let top =
        searcher.search(&TermQuery::new(t, IndexRecordOption::Basic), &TopDocs::with_limit(1).order_by_score())?;
    let Some((_, addr)) = top.first() else { return Ok(None) };
    let doc: TantivyDocument = searcher.doc(*addr)?;
    Ok(serde_json::from_str(&stored_text(&doc, Fields::get().record)).ok())
}

/// Every report of one agency series (`gongkai_core::series::group_key`), in year order.
///
/// # Errors
/// [`QueryError`] on index failures.
pub fn series_reports(searcher: &Searcher, group: &str) -> Result<Vec<Report>, QueryError> {
    let t = Term::from_field_text(Fields::get().group, group);
    let addrs = searcher.search(&TermQuery::new(t, IndexRecordOption::Basic), &tantivy::collector::DocSetCollector)?;
    let mut out = Vec::new();
    for addr in addrs {
        if let Some(r) = load_report(searcher, addr)? {
            out.push(r);
        }
    }
    out.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.source.cmp(&b.source)));
    Ok(out)
}

/// Loads the stored record of a hit.
///
/// # Errors
/// [`QueryError`] on index failures; `Ok(None)` when the stored record does not deserialize.
pub fn load_report(searcher: &Searcher, addr: DocAddress) -> Result<Option<Report>, QueryError> {
    let doc: TantivyDocument = searcher.doc(addr)?;
    Ok(serde_json::from_str(&stored_text(&doc, Fields::get().record)).ok())
}
