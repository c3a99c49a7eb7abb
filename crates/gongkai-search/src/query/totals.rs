//! Totals of the headline figures over every report a request matches, grouped by year, type or
//! province: read from fast fields and facets, never from stored records, so it costs the same
//! whatever the records weigh.

use std::collections::{BTreeMap, HashMap};

use tantivy::Searcher;
use tantivy::schema::Facet;

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
        // Facet ordinals seen in this segment → the group they name (None: another root).
        let mut names: HashMap<u64, Option<String>> = HashMap::new();
        let mut facet = Facet::root();
        for doc in docs {
            let mut key = None;
            for ord in facets.facet_ords(doc) {
                let name = names.entry(ord).or_insert_with(|| {
                    facets.facet_from_ord(ord, &mut facet).ok()?;
                    match facet.to_path().as_slice() {
                        [root, value] if *root == by.name() => Some((*value).to_string()),
                        _ => None,
                    }
                });
                if let Some(n) = name {
                    key = Some(n.clone());
                    break;
                }
            }
            let g = groups.entry(key.unwrap_or_else(|| "unknown".into())).or_default();
            g.reports += 1;
            total += 1;
            g.failing += failing.as_ref().and_then(|c| c.first(doc)).map_or(0, |v| u64::from(v == 1));
            for (sum, column) in g.sums.iter_mut().zip(&numeric) {
                *sum += column.as_ref().and_then(|c| c.first(doc)).filter(|v| *v >= 0).unwrap_or(0);
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
