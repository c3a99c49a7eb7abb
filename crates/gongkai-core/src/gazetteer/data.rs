//! Loading the embedded CSV files into lookup tables.

use std::collections::HashMap;

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
    pub code: String,
    /// Canonical name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Index of the parent (a municipality's districts hang under the province).
    pub parent: Option<usize>,
    /// The name without its suffix (安徽, 蚌埠, 固镇), when that leaves two or more characters.
    pub stem: Option<String>,
}

/// The tables.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Every place.
    pub places: Vec<Place>,
    /// Exact name → places.
    pub by_name: HashMap<String, Vec<usize>>,
    /// Province and prefecture stems → places.
    pub by_stem: HashMap<String, Vec<usize>>,
    /// (length in chars, last char) → places, for typo search.
    pub by_len_suffix: HashMap<(usize, char), Vec<usize>>,
    /// Direct children.
    pub children: Vec<Vec<usize>>,
    /// Area code → place names.
    pub area_codes: HashMap<String, Vec<String>>,
}

/// Splits one CSV line into fields (double quotes around a field are removed).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|f| f.trim().to_string()).collect()
}

fn rows(csv: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    csv.lines().skip(1).map(fields).filter(|f| f.len() >= 2 && !f[0].is_empty() && !f[1].is_empty())
}

fn stem(name: &str, suffixes: &[&str]) -> Option<String> {
    suffixes.iter().find_map(|s| name.strip_suffix(s)).filter(|r| r.chars().count() >= 2).map(str::to_string)
}

/// Pseudo-prefectures of municipalities and province-administered counties.
fn transparent(name: &str) -> bool {
    name == "市辖区" || name == "县" || name.contains("直辖")
}

impl Gazetteer {
    /// Parses the embedded files.
    #[must_use]
    pub fn load() -> Gazetteer {
        let mut g = Gazetteer::default();
        let mut by_code: HashMap<String, usize> = HashMap::new();
        let province_suffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"];
        for f in rows(PROVINCES) {
            let st = stem(&f[1], &province_suffixes);
            g.add(&mut by_code, &f[0], &f[1], Level::Province, None, st);
        }
        for f in rows(CITIES) {
            let parent = f.get(2).and_then(|p| by_code.get(p)).copied();
            if transparent(&f[1]) {
                if let Some(p) = parent {
                    by_code.insert(f[0].clone(), p);
                }
                continue;
            }
            let st = stem(&f[1], &["地区", "盟", "市"]);
            g.add(&mut by_code, &f[0], &f[1], Level::Prefecture, parent, st);
        }
        for f in rows(AREAS) {
            let parent =
                f.get(2).and_then(|p| by_code.get(p)).or_else(|| f.get(3).and_then(|p| by_code.get(p))).copied();
            let st = stem(&f[1], &["自治县", "县", "区", "市", "旗"]);
            g.add(&mut by_code, &f[0], &f[1], Level::County, parent, st);
        }
        for f in rows(STREETS) {
            let parent = f.get(2).and_then(|p| by_code.get(p)).copied();
            g.add(&mut by_code, &f[0], &f[1], Level::Township, parent, None);
        }
        for f in rows(PHONES) {
            g.area_codes.entry(f[0].clone()).or_default().push(f[1].clone());
        }
        g
    }

    fn add(
        &mut self,
        by_code: &mut HashMap<String, usize>,
        code: &str,
        name: &str,
        level: Level,
        parent: Option<usize>,
        stem: Option<String>,
    ) {
        let i = self.places.len();
        if matches!(level, Level::Province | Level::Prefecture)
            && let Some(s) = &stem
        {
            self.by_stem.entry(s.clone()).or_default().push(i);
        }
        self.places.push(Place { code: code.to_string(), name: name.to_string(), level, parent, stem });
        self.children.push(Vec::new());
        if let Some(p) = parent
            && let Some(c) = self.children.get_mut(p)
        {
            c.push(i);
        }
        self.by_name.entry(name.to_string()).or_default().push(i);
        if let Some(last) = name.chars().last() {
            self.by_len_suffix.entry((name.chars().count(), last)).or_default().push(i);
        }
        by_code.insert(code.to_string(), i);
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
