//! Facet counts of every match (year, type, province, city, county, failing checks): one counter per
//! facet ordinal of each segment, incremented as matches are visited, turned into names once per
//! segment at the end. tantivy's `FacetCollector` resolves and hashes facets per document, which cost
//! 150 ms for 20,000 matches; this costs a few.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::Counts;
use crate::index::f;

/// Counts every facet of the matches, by its path (`/year/2020`).
pub struct FacetCounter;

/// One segment's counters.
pub struct SegmentFacetCounter {
    reader: tantivy::fastfield::FacetReader,
    counts: Vec<u64>,
}

impl Collector for FacetCounter {
    type Fruit = HashMap<String, u64>;
    type Child = SegmentFacetCounter;

    fn for_segment(&self, _ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCounter> {
        let reader = segment.facet_reader(f::FACETS)?;
        let counts = vec![0; reader.num_facets()];
        Ok(SegmentFacetCounter { reader, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashMap<String, u64>>) -> tantivy::Result<HashMap<String, u64>> {
        let mut all: HashMap<String, u64> = HashMap::new();
        for fruit in fruits {
            for (k, n) in fruit {
                *all.entry(k).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for ord in self.reader.facet_ords(doc) {
            if let Some(c) = usize::try_from(ord).ok().and_then(|i| self.counts.get_mut(i)) {
                *c += 1;
            }
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        // The dictionary read once in order (looking each ordinal up alone re-reads its block: 150 ms
        // for 20,000 reports); a damaged dictionary ends the walk, never the program.
        let mut out = HashMap::new();
        let Ok(mut terms) = self.reader.facet_dict().stream() else { return out };
        while terms.advance() {
            let n = usize::try_from(terms.term_ord()).ok().and_then(|i| self.counts.get(i)).copied().unwrap_or(0);
            if n > 0 {
                // A facet is stored as its path's parts joined by NUL bytes.
                let path = String::from_utf8_lossy(terms.key()).replace('\0', "/");
                out.insert(format!("/{path}"), n);
            }
        }
        out
    }
}

/// The counts by root (`/year` …), largest first (years newest first).
#[must_use]
pub fn counts(all: &HashMap<String, u64>) -> Counts {
    let list = |root: &str| -> Vec<(String, u64)> {
        let prefix = format!("{root}/");
        let mut v: Vec<(String, u64)> = all
            .iter()
            .filter_map(|(k, n)| {
                k.strip_prefix(&prefix).filter(|rest| !rest.contains('/')).map(|r| (r.to_string(), *n))
            })
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    };
    let mut years = list("/year");
    years.sort_by(|a, b| b.0.cmp(&a.0));
    let failing = list("/failing").into_iter().find(|(k, _)| k == "1").map_or(0, |(_, n)| n);
    Counts {
        years,
        types: list("/type"),
        provinces: list("/province"),
        cities: list("/city"),
        counties: list("/county"),
        failing,
    }
}
