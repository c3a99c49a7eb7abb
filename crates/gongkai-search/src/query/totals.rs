//! Totals of the headline figures over every report a request matches, grouped by year, type or
//! province: read from fast fields and facets, never from stored records, so it costs the same
//! whatever the records weigh.

use std::collections::BTreeMap;

use tantivy::Searcher;

use super::{QueryError, SearchRequest};
use crate::index::{NUMERIC_FIELDS, f};

/// What the reports are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// Year reported on.
    #[default]
    Year,
    /// Agency type (SCHEMA name).
    Type,
    /// Province (canonical name).
    Province,
}

impl GroupBy {
    /// All, in the order a view cycles through them.
    pub const ALL: [GroupBy; 3] = [GroupBy::Year, GroupBy::Type, GroupBy::Province];

    /// Its name (`year`, `type`, `province`): also the facet's root.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Year => "year",
            GroupBy::Type => "type",
            GroupBy::Province => "province",
        }
    }
}

/// One group's totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupTotals {
    /// The group (`2020`, `town`, `安徽省`; `unknown` when a report does not say).
    pub key: String,
    /// Reports in it.
    pub reports: u64,
    /// Reports with a failing check.
    pub failing: u64,
    /// Sums of the headline figures in [`NUMERIC_FIELDS`] order (null figures count as nothing).
    pub sums: [i64; 5],
}

/// Totals by group, in key order, and over all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    /// What the groups are.
    pub by: GroupBy,
    /// The groups in key order.
    pub groups: Vec<GroupTotals>,
    /// Reports matched.
    pub total: u64,
}

/// Totals of the headline figures of every report `req` matches (its limit and sort are ignored).
///
/// # Errors
/// [`QueryError`] for bad syntax or index failures.
pub fn totals(searcher: &Searcher, req: &SearchRequest, by: GroupBy) -> Result<Totals, QueryError> {
    let by_segment = super::matches_by_segment(searcher, req)?;
    let mut groups: BTreeMap<String, GroupTotals> = BTreeMap::new();
    let mut total = 0;
    for (seg, docs) in by_segment {
        let reader = searcher.segment_reader(seg);
        let ff = reader.fast_fields();
        let numeric = NUMERIC_FIELDS.map(|name| ff.i64(name).ok());
        let failing = ff.u64(f::FAILING).ok();
        let facets = reader.facet_reader(f::FACETS)?;
        // The group each facet ordinal of this segment names (only the `by` root's): the root's part of
        // the dictionary read once, in order (a lookup per ordinal re-reads its block each time).
        let mut group_of: Vec<Option<usize>> = vec![None; facets.num_facets()];
        let mut names: Vec<String> = Vec::new();
        let prefix = format!("{}\0", by.name());
        let mut end = prefix.clone().into_bytes();
        if let Some(last) = end.last_mut() {
            *last = 1;
        }
        if let Ok(mut terms) = facets.facet_dict().range().ge(prefix.as_bytes()).lt(&end).into_stream() {
            while terms.advance() {
                let value = String::from_utf8_lossy(&terms.key()[prefix.len()..]).into_owned();
                if value.contains('\0') {
                    continue; // a deeper facet, not a group
                }
                if let Some(slot) = usize::try_from(terms.term_ord()).ok().and_then(|i| group_of.get_mut(i)) {
                    *slot = Some(names.len());
                    names.push(value);
                }
            }
        }
        // This segment's sums per group (and for reports in none: the last slot), added up by name below.
        let unknown = names.len();
        let mut local = vec![GroupTotals::default(); names.len() + 1];
        for doc in docs {
            let at = facets
                .facet_ords(doc)
                .find_map(|ord| usize::try_from(ord).ok().and_then(|i| group_of.get(i).copied().flatten()))
                .unwrap_or(unknown);
            let Some(g) = local.get_mut(at) else { continue };
            g.reports += 1;
            total += 1;
            g.failing += failing.as_ref().and_then(|c| c.first(doc)).map_or(0, |v| u64::from(v == 1));
            for (sum, column) in g.sums.iter_mut().zip(&numeric) {
                *sum += column.as_ref().and_then(|c| c.first(doc)).filter(|v| *v >= 0).unwrap_or(0);
            }
        }
        for (i, g) in local.into_iter().enumerate().filter(|(_, g)| g.reports > 0) {
            let key = names.get(i).cloned().unwrap_or_else(|| "unknown".into());
            let all = groups.entry(key).or_default();
            all.reports += g.reports;
            all.failing += g.failing;
            for (a, b) in all.sums.iter_mut().zip(g.sums) {
                *a += b;
            }
        }
    }
    let groups = groups
        .into_iter()
        .map(|(key, mut g)| {
            g.key = key;
            g
        })
        .collect();
    Ok(Totals { by, groups, total })
}
