//! Loading the embedded CSV files into lookup tables. Names and codes borrow from the embedded text
//! (no string is copied) and the maps are sized up front: every process that names a place builds
//! these tables once, so their cost is start-up time.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// A hash map with rustc's Fx hasher: keys are our own embedded data, not input, so a fast
/// non-keyed hash is safe.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<rustc_hash::FxHasher>>;

fn map<K, V>(capacity: usize) -> FxMap<K, V> {
    FxMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

use crate::model::Level;

const PROVINCES: &str = include_str!("../../data/gazetteer/provinces.csv");
const CITIES: &str = include_str!("../../data/gazetteer/cities.csv");
const AREAS: &str = include_str!("../../data/gazetteer/areas.csv");
const STREETS: &str = include_str!("../../data/gazetteer/streets.csv");
const PHONES: &str = include_str!("../../data/gazetteer/phone_area_codes.csv");

/// One division.
#[derive(Debug, Clone)]
pub struct Place {
    /// Division code: 2, 4, 6 or 9 digits.
    pub code: &'static str,
    /// Canonical name.
    pub name: &'static str,
    /// Level.
    pub level: Level,
    /// Index of the parent (a municipality's districts hang under the province).
    pub parent: Option<usize>,
    /// The name without its suffix (安徽, 蚌埠, 固镇), when that leaves two or more characters.
    pub stem: Option<&'static str>,
}

/// The tables.
#[derive(Debug)]
pub struct Gazetteer {
    /// Every place.
    pub places: Vec<Place>,
    /// Exact name → places.
    pub by_name: FxMap<&'static str, Vec<usize>>,
    /// Province and prefecture stems → places.
    pub by_stem: FxMap<&'static str, Vec<usize>>,
    /// (length in chars, last char) → places, for typo search.
    pub by_len_suffix: FxMap<(usize, char), Vec<usize>>,
    /// Direct children.
    pub children: Vec<Vec<usize>>,
    /// Area code → place names.
    pub area_codes: FxMap<&'static str, Vec<&'static str>>,
}

/// The first four fields of one CSV line of the embedded files (missing ones empty), double quotes
/// around a field removed (no field of these files holds a comma); `None` without a code and a name.
fn fields(line: &'static str) -> Option<[&'static str; 4]> {
    let mut out = [""; 4];
    for (slot, f) in out.iter_mut().zip(line.split(',')) {
        *slot = f.trim().trim_matches('"');
    }
    (!out[0].is_empty() && !out[1].is_empty()).then_some(out)
}

fn rows(csv: &'static str) -> impl Iterator<Item = [&'static str; 4]> {
    csv.lines().skip(1).filter_map(fields)
}

fn stem(name: &'static str, suffixes: &[&str]) -> Option<&'static str> {
    suffixes.iter().find_map(|s| name.strip_suffix(s)).filter(|r| r.chars().count() >= 2)
}

/// Pseudo-prefectures of municipalities and province-administered counties.
fn transparent(name: &str) -> bool {
    name == "市辖区" || name == "县" || name.contains("直辖")
}

impl Gazetteer {
    /// Parses the embedded files.
    #[must_use]
    pub fn load() -> Gazetteer {
        let n = [PROVINCES, CITIES, AREAS, STREETS].iter().map(|t| t.lines().count()).sum::<usize>();
        let mut g = Gazetteer {
            places: Vec::with_capacity(n),
            by_name: map(n),
            by_stem: map(1024),
            by_len_suffix: map(4096),
            children: Vec::with_capacity(n),
            area_codes: map(512),
        };
        let mut by_code: FxMap<&'static str, usize> = map(n);
        let province_suffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"];
        for f in rows(PROVINCES) {
            let st = stem(f[1], &province_suffixes);
            g.add(&mut by_code, f[0], f[1], Level::Province, None, st);
        }
        for f in rows(CITIES) {
            let parent = by_code.get(f[2]).copied();
            if transparent(f[1]) {
                if let Some(p) = parent {
                    by_code.insert(f[0], p);
                }
                continue;
            }
            let st = stem(f[1], &["地区", "盟", "市"]);
            g.add(&mut by_code, f[0], f[1], Level::Prefecture, parent, st);
        }
        for f in rows(AREAS) {
            let parent = by_code.get(f[2]).or_else(|| by_code.get(f[3])).copied();
            let st = stem(f[1], &["自治县", "县", "区", "市", "旗"]);
            g.add(&mut by_code, f[0], f[1], Level::County, parent, st);
        }
        for f in rows(STREETS) {
            let parent = by_code.get(f[2]).copied();
            g.add(&mut by_code, f[0], f[1], Level::Township, parent, None);
        }
        for f in rows(PHONES) {
            g.area_codes.entry(f[0]).or_default().push(f[1]);
        }
        g
    }

    fn add(
        &mut self,
        by_code: &mut FxMap<&'static str, usize>,
        code: &'static str,
        name: &'static str,
        level: Level,
        parent: Option<usize>,
        stem: Option<&'static str>,
    ) {
        let i = self.places.len();
        if matches!(level, Level::Province | Level::Prefecture)
            && let Some(s) = stem
        {
            self.by_stem.entry(s).or_default().push(i);
        }
        self.places.push(Place { code, name, level, parent, stem });
        self.children.push(Vec::new());
        if let Some(p) = parent
            && let Some(c) = self.children.get_mut(p)
        {
            c.push(i);
        }
        self.by_name.entry(name).or_default().push(i);
        if let Some(last) = name.chars().last() {
            self.by_len_suffix.entry((name.chars().count(), last)).or_default().push(i);
        }
        by_code.insert(code, i);
    }

    /// Whether place `i` lies (strictly) below place `p`.
    #[must_use]
    pub fn is_below(&self, i: usize, p: usize) -> bool {
        let mut cur = self.places.get(i).and_then(|x| x.parent);
        while let Some(c) = cur {
            if c == p {
                return true;
            }
            cur = self.places.get(c).and_then(|x| x.parent);
        }
        false
    }

    /// The place and its ancestors, finest first.
    #[must_use]
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut cur = self.places.get(i).and_then(|x| x.parent);
        while let Some(c) = cur {
            out.push(c);
            cur = self.places.get(c).and_then(|x| x.parent);
        }
        out
    }

    /// Every place below any of `ps`.
    #[must_use]
    pub fn children_of(&self, ps: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = ps.to_vec();
        while let Some(p) = stack.pop() {
            for &c in self.children.get(p).into_iter().flatten() {
                out.push(c);
                stack.push(c);
            }
        }
        out
    }
}
