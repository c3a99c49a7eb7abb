//! The gazetteer: China's statistical division codes (统计用区划代码, National Bureau of Statistics,
//! 2023 edition) as compiled by the public dataset modood/Administrative-divisions-of-China (WTFPL),
//! and telephone area codes; see `data/gazetteer/SOURCE.md` (in this crate). Embedded in the binary and parsed once.
//!
//! [`identify`] turns the reporting unit's name as printed (`韶关市武江区西联镇人民政府`,
//! `沭阳县发展和改革局`, `刘集镇`) into its type, level and region. A name that fits several places is
//! narrowed with the phone area code and the other place names the report mentions, and never
//! guessed: with more than one candidate left only the common ancestors are filled in.

mod data;

use std::sync::OnceLock;

use crate::model::{AgencyType, Level, Region};
use data::{Gazetteer, Place};

/// The result of identifying the reporting unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    /// Short name: a place government's canonical name (`西联镇`); a department as printed.
    pub agency: String,
    /// SCHEMA agency type.
    pub agency_type: AgencyType,
    /// Administrative level.
    pub level: Option<Level>,
    /// Where it sits; `None` when nothing resolved.
    pub region: Option<Region>,
    /// Corrections and narrowing, in words.
    pub notes: Vec<String>,
}

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

/// Prefecture and county names that use a telephone area code (`0552` → `蚌埠市`).
#[must_use]
pub fn area_code_places(code: &str) -> Vec<String> {
    let code = if code.starts_with('0') { code.to_string() } else { format!("0{code}") };
    gaz().area_codes.get(code.as_str()).map(|v| v.iter().map(|s| (*s).to_string()).collect()).unwrap_or_default()
}

/// Wrappers that end a government's name.
const WRAPPERS: [&str; 6] = ["人民政府", "行政公署", "办事处", "公署", "政府", "管委会"];
/// Words that make a unit a zone (`other`): development zones, new areas, pilot zones and their 管委会.
const ZONE_WORDS: [&str; 16] = [
    "开发区",
    "高新区",
    "管委会",
    "管理委员会",
    "园区",
    "新区",
    "示范区",
    "试验区",
    "实验区",
    "保税区",
    "合作区",
    "度假区",
    "管理区",
    "风景区",
    "产业园",
    "自贸区",
];

/// Pairs of characters that differ by a stroke or a dot, which OCR and hurried typing confuse
/// (沐阳县 for 沭阳县). A one-character repair that is such a pair wins over other repairs.
const LOOK_ALIKE: [(char, char); 34] = [
    ('沐', '沭'),
    ('汨', '汩'),
    ('己', '已'),
    ('已', '巳'),
    ('己', '巳'),
    ('末', '未'),
    ('土', '士'),
    ('日', '曰'),
    ('戊', '戌'),
    ('戌', '戍'),
    ('戊', '戍'),
    ('侯', '候'),
    ('崇', '祟'),
    ('徽', '微'),
    ('睢', '雎'),
    ('亳', '毫'),
    ('泸', '沪'),
    ('大', '太'),
    ('太', '犬'),
    ('王', '玉'),
    ('王', '主'),
    ('白', '自'),
    ('木', '术'),
    ('木', '本'),
    ('千', '干'),
    ('干', '于'),
    ('天', '夭'),
    ('仑', '仓'),
    ('兔', '免'),
    ('鸟', '乌'),
    ('贝', '见'),
    ('淅', '浙'),
    ('冶', '治'),
    ('荥', '荣'),
];

fn look_alike(a: char, b: char) -> bool {
    LOOK_ALIKE.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

/// Identifies the reporting unit named `name`, using `context` (the report's text) and the contact
/// phone's `area_code` to narrow ambiguous names.
///
/// A name that is a place followed by words that are neither a department's nor a zone's
/// (`路南区党委高度重视`) is not a unit's name: its type is `Unknown` and callers look elsewhere.
#[must_use]
pub fn identify(name: &str, context: &str, area_code: Option<&str>) -> Identity {
    let g = gaz();
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let mut notes = Vec::new();
    let bare = strip_wrappers(&name);
    let zone = is_zone(bare);
    let (chain, consumed) = match_chain(g, bare, zone, &mut notes);
    let repaired = !notes.is_empty();
    let mut id =
        Identity { agency: bare.to_string(), agency_type: AgencyType::Unknown, level: None, region: None, notes };
    let Some(last) = chain.last() else { return unplaced(g, &name, bare, id) };
    let mut cands: Vec<usize> = last.clone();
    if cands.len() > 1 {
        cands = narrow(g, cands, context, area_code, &mut id.notes);
    }
    let rest = &bare[consumed..];
    let finest = &g.places[cands[0]];
    id.level = Some(finest.level);
    id.region = Some(region(g, &cands));
    // A name repaired in its place part (沐阳县发展和改革局) is given with the place's own name.
    let mut name = name.clone();
    if repaired && cands.len() == 1 && chain[..chain.len() - 1].iter().all(|c| c.len() == 1) {
        let mut fixed: String = chain[..chain.len() - 1].iter().map(|c| g.places[c[0]].name).collect();
        fixed.push_str(finest.name);
        fixed.push_str(&name[consumed..]);
        name = fixed;
    }
    if rest.is_empty() {
        id.agency_type = place_type(finest);
        if cands.len() == 1 {
            id.agency = finest.name.to_string();
        }
    } else if is_zone(rest) {
        // A zone the gazetteer does not list, named after the place it lies in or covers.
        id.agency_type = AgencyType::Other;
        id.agency = name.clone();
        if matches!(finest.level, Level::Province | Level::Prefecture) {
            id.level = None;
            id.notes.push(format!("{name}: a zone inside {}, its level is not in the gazetteer", finest.name));
        }
    } else if looks_like_department(rest) {
        id.agency_type = AgencyType::Department;
        id.agency = name.clone();
    } else {
        id.agency = name.clone();
    }
    id
}

fn is_zone(s: &str) -> bool {
    ZONE_WORDS.iter().any(|w| s.contains(w))
}

/// A name that does not start with a place: a national body (`国家发展和改革委员会`) or a unit whose
/// place comes later (`国家税务总局沭阳县税务局`, 县 of that place). Departments and zones only, and
/// only a place whose full name is printed: `雄安新区` is not in 安新县.
fn unplaced(g: &Gazetteer, name: &str, bare: &str, mut id: Identity) -> Identity {
    if !looks_like_department(bare) && !is_zone(bare) {
        return id;
    }
    id.agency = name.to_string();
    id.agency_type = if is_zone(bare) { AgencyType::Other } else { AgencyType::Department };
    let starts: Vec<usize> = bare.char_indices().map(|(i, _)| i).skip(1).collect();
    for i in starts {
        let (chain, _) = match_chain(g, &bare[i..], false, &mut Vec::new());
        if let Some(last) = chain.last().filter(|c| {
            c.len() == 1 && g.places[c[0]].name.chars().count() >= 3 && bare[i..].starts_with(g.places[c[0]].name)
        }) {
            id.level = Some(g.places[last[0]].level);
            id.region = Some(region(g, last));
            return id;
        }
    }
    id
}

fn looks_like_department(rest: &str) -> bool {
    [
        "局", "委", "办", "厅", "中心", "室", "处", "署", "院", "所", "站", "队", "会", "部", "司", "馆", "台", "社",
        "场", "行", "组",
    ]
    .iter()
    .any(|w| rest.ends_with(w))
        || rest.starts_with("人民政府")
}

/// Removes a trailing 人民政府/政府/办事处 … (`街道办事处` keeps `街道`).
fn strip_wrappers(name: &str) -> &str {
    let mut s = name;
    loop {
        let before = s.len();
        for w in WRAPPERS {
            if let Some(r) = s.strip_suffix(w)
                && r.chars().count() >= 2
            {
                s = r;
                break;
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Type of a place government by its level and, for townships, its suffix.
///
/// In the NBS codes a county-level unit numbered 71–79 within its prefecture (`130171`) is a
/// functional zone (经济技术开发区, 高新区 …), not a county government.
fn place_type(p: &Place) -> AgencyType {
    let zone_code = p.level == Level::County && p.code.get(4..5) == Some("7");
    match p.level {
        _ if zone_code => AgencyType::Other,
        Level::Province => AgencyType::Province,
        Level::Prefecture => AgencyType::Prefecture,
        Level::County => AgencyType::County,
        Level::Township if p.name.ends_with("街道") || p.name.ends_with("街道办事处") => AgencyType::Subdistrict,
        Level::Township if p.name.ends_with('镇') => AgencyType::Town,
        Level::Township if p.name.ends_with('乡') || p.name.ends_with("苏木") => AgencyType::Township,
        Level::Township => AgencyType::Other,
    }
}

/// Matches place names from the start of `s`, each a child of the one before. Returns the candidate
/// sets of each segment and the bytes consumed.
///
/// In a zone's name (`zone`) a county may be named by its stem alone (平潭综合实验区: 平潭县).
fn match_chain(g: &Gazetteer, s: &str, zone: bool, notes: &mut Vec<String>) -> (Vec<Vec<usize>>, usize) {
    let mut chain: Vec<Vec<usize>> = Vec::new();
    let mut pos = 0;
    while pos < s.len() {
        let parents = chain.last().cloned();
        let Some((cands, len)) = match_at(g, &s[pos..], parents.as_deref(), zone, notes) else { break };
        chain.push(cands);
        pos += len;
    }
    (chain, pos)
}

/// The longest place name at the start of `s` under `parents` (any depth), exact first, then former
/// suffixes, then one-character typos.
fn match_at(
    g: &Gazetteer,
    s: &str,
    parents: Option<&[usize]>,
    zone: bool,
    notes: &mut Vec<String>,
) -> Option<(Vec<usize>, usize)> {
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).take(16).collect();
    let under = |ids: &[usize]| -> Vec<usize> {
        ids.iter().copied().filter(|&i| parents.is_none_or(|ps| ps.iter().any(|&p| g.is_below(i, p)))).collect()
    };
    for &end in ends.iter().rev() {
        let prefix = &s[..end];
        if prefix.chars().count() < 2 {
            break;
        }
        if let Some(ids) = g.by_name.get(prefix) {
            let ok = under(ids);
            if !ok.is_empty() {
                return Some((ok, end));
            }
        }
        if let Some(ids) = g.by_stem.get(prefix) {
            let ok = under(ids);
            let next_is_suffix = s[end..].starts_with(['省', '市', '县', '区', '旗', '州']);
            if !ok.is_empty() && !next_is_suffix {
                return Some((ok, end));
            }
        }
        if zone && is_zone(&s[end..]) {
            let ids: Vec<usize> = ["县", "市", "区", "旗", "自治县"]
                .iter()
                .filter_map(|suffix| g.by_name.get(format!("{prefix}{suffix}").as_str()))
                .flatten()
                .copied()
                .filter(|&i| g.places[i].level == Level::County)
                .collect();
            let ok = under(&ids);
            if !ok.is_empty() {
                return Some((ok, end));
            }
        }
    }
    for &end in ends.iter().rev() {
        let prefix = &s[..end];
        if prefix.chars().count() < 3 {
            break;
        }
        if let Some(found) = renamed(g, prefix, &under) {
            notes.push(format!("{prefix} is now {}", g.places[found[0]].name));
            return Some((found, end));
        }
        if let Some(mut found) = typo(g, prefix, parents, &under) {
            let alike: Vec<usize> =
                found.iter().copied().filter(|&i| one_look_alike(prefix, g.places[i].name)).collect();
            let why = if found.len() > 1 && alike.len() == 1 {
                found = alike;
                " (characters that look alike)"
            } else {
                ""
            };
            let names: Vec<&str> = found.iter().map(|&i| g.places[i].name).collect();
            notes.push(format!("corrected {prefix} to {}{why}", names.join(" or ")));
            return Some((found, end));
        }
    }
    None
}

/// A county-level name with another suffix (米林县 → 米林市, 某县 → 某区).
fn renamed(g: &Gazetteer, prefix: &str, under: &dyn Fn(&[usize]) -> Vec<usize>) -> Option<Vec<usize>> {
    let last = prefix.chars().last()?;
    if !matches!(last, '县' | '市' | '区' | '旗') {
        return None;
    }
    let stem = &prefix[..prefix.len() - last.len_utf8()];
    let ids: Vec<usize> = ['县', '市', '区', '旗']
        .iter()
        .filter(|&&c| c != last)
        .filter_map(|c| g.by_name.get(format!("{stem}{c}").as_str()))
        .flatten()
        .copied()
        .filter(|&i| g.places[i].level == Level::County)
        .collect();
    let ok = under(&ids);
    (ok.len() == 1).then_some(ok)
}

/// Names one character off a gazetteer name of the same length and suffix (沐阳县 → 沭阳县 or 汝阳县);
/// the caller narrows several with the report's other clues.
fn typo(
    g: &Gazetteer,
    prefix: &str,
    parents: Option<&[usize]>,
    under: &dyn Fn(&[usize]) -> Vec<usize>,
) -> Option<Vec<usize>> {
    let chars: Vec<char> = prefix.chars().collect();
    let last = *chars.last()?;
    if !matches!(last, '省' | '市' | '县' | '区' | '旗' | '镇' | '乡' | '州') {
        return None;
    }
    let pool: Vec<usize> = match parents {
        Some(ps) => g.children_of(ps),
        None => g.by_len_suffix.get(&(chars.len(), last)).cloned().unwrap_or_default(),
    };
    let hits: Vec<usize> = pool
        .into_iter()
        .filter(|&i| {
            let n: Vec<char> = g.places[i].name.chars().collect();
            n.len() == chars.len()
                && n.iter().zip(&chars).filter(|(a, b)| a != b).count() == 1
                && n.last() == Some(&last)
        })
        .collect();
    let ok = under(&hits);
    (!ok.is_empty() && ok.len() <= 200).then_some(ok)
}

/// Whether the one character where `a` and `b` differ is a look-alike pair.
fn one_look_alike(a: &str, b: &str) -> bool {
    a.chars().zip(b.chars()).find(|(x, y)| x != y).is_some_and(|(x, y)| look_alike(x, y))
}

/// Narrows candidates by area code, then by the place names the report mentions.
fn narrow(g: &Gazetteer, cands: Vec<usize>, context: &str, area: Option<&str>, notes: &mut Vec<String>) -> Vec<usize> {
    let n = cands.len();
    let name = g.places[cands[0]].name;
    let mut cur = cands;
    if let Some(code) = area {
        let places = area_code_places(code);
        let kept: Vec<usize> = cur
            .iter()
            .copied()
            .filter(|&c| g.ancestors(c).iter().any(|&a| places.iter().any(|n| n == g.places[a].name)))
            .collect();
        if !kept.is_empty() && kept.len() < cur.len() {
            notes.push(format!("{name}: {n} places, narrowed by area code {code} to {}", kept.len()));
            cur = kept;
        }
    }
    if cur.len() > 1 {
        let score = |c: usize| -> usize {
            g.ancestors(c)
                .iter()
                .filter(|&&a| g.places[a].level != Level::Province)
                .map(|&a| mentions(context, &g.places[a]))
                .sum()
        };
        let scores: Vec<usize> = cur.iter().map(|&c| score(c)).collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        let kept: Vec<usize> = cur.iter().zip(&scores).filter(|(_, s)| **s == best).map(|(c, _)| *c).collect();
        if best > 0 && kept.len() < cur.len() {
            notes.push(format!("{name}: narrowed by place names in the text to {}", kept.len()));
            cur = kept;
        }
    }
    if cur.len() > 1 {
        notes.push(format!("{name}: {} candidate places left, region left at their common part", cur.len()));
    }
    cur
}

/// How often the text names a place (full name, or its stem when that has two or more characters).
fn mentions(context: &str, p: &Place) -> usize {
    let full = context.matches(p.name).count();
    match &p.stem {
        Some(stem) if stem.chars().count() >= 2 => full.max(context.matches(stem).count()),
        _ => full,
    }
}

/// The region of the candidates: everything when one is left, else their common ancestors.
fn region(g: &Gazetteer, cands: &[usize]) -> Region {
    let chains: Vec<Vec<usize>> = cands.iter().map(|&c| g.ancestors(c)).collect();
    let common: Vec<usize> = chains
        .first()
        .map(|first| first.iter().copied().filter(|a| chains.iter().all(|ch| ch.contains(a))).collect())
        .unwrap_or_default();
    let mut r = Region { candidates: u32::try_from(cands.len()).unwrap_or(u32::MAX), ..Region::default() };
    let mut finest: Option<&Place> = None;
    for &a in &common {
        let p = &g.places[a];
        match p.level {
            Level::Province => r.province = Some(p.name.to_string()),
            Level::Prefecture => r.city = Some(p.name.to_string()),
            Level::County => r.county = Some(p.name.to_string()),
            Level::Township => r.township = Some(p.name.to_string()),
        }
        if finest.is_none_or(|f| p.code.len() > f.code.len()) {
            finest = Some(p);
        }
    }
    r.code = finest.map(|p| p.code.to_string());
    r
}

/// Every province's canonical name (for filters and completion).
#[must_use]
pub fn provinces() -> Vec<String> {
    gaz().places.iter().filter(|p| p.level == Level::Province).map(|p| p.name.to_string()).collect()
}

/// A division of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Division code (2, 4, 6 or 9 digits).
    pub code: String,
    /// Canonical name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// The unit it sits in directly (code, name); `None` for a province.
    pub parent: Option<(String, String)>,
}

fn unit(g: &Gazetteer, i: usize) -> Option<Unit> {
    let p = g.places.get(i)?;
    let parent = p.parent.and_then(|q| g.places.get(q)).map(|q| (q.code.to_string(), q.name.to_string()));
    Some(Unit { code: p.code.to_string(), name: p.name.to_string(), level: p.level, parent })
}

/// The region named by a province, a prefecture and a county (each a prefix of the canonical name, or
/// `None`), and every unit at `level` inside it, in code order. With no names: the whole country.
///
/// # Errors
/// A message when a name matches no place at its level in what is above it, or several.
pub fn units_under(
    province: Option<&str>,
    city: Option<&str>,
    county: Option<&str>,
    level: Level,
) -> Result<(Option<Unit>, Vec<Unit>), String> {
    let g = gaz();
    let mut within: Option<usize> = None;
    for (name, at) in [(province, Level::Province), (city, Level::Prefecture), (county, Level::County)] {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else { continue };
        let pool: Vec<usize> = match within {
            Some(w) => g.children_of(&[w]),
            None => (0..g.places.len()).collect(),
        };
        let found: Vec<usize> =
            pool.into_iter().filter(|&i| g.places[i].level == at && g.places[i].name.starts_with(name)).collect();
        // An exact name wins over longer names it starts (`长沙县` against `长沙县…`).
        let exact: Vec<usize> = found.iter().copied().filter(|&i| g.places[i].name == name).collect();
        let found = if exact.len() == 1 { exact } else { found };
        within = match found.as_slice() {
            [one] => Some(*one),
            [] => return Err(format!("no {} named '{name}' there", at.as_str())),
            many => {
                let names: Vec<String> = many
                    .iter()
                    .take(8)
                    .filter_map(|&i| unit(g, i))
                    .map(|u| format!("{} {}", u.name, u.parent.map_or(String::new(), |p| format!("({})", p.1))))
                    .collect();
                return Err(format!("'{name}' names {} places: {}", many.len(), names.join(", ")));
            }
        };
    }
    let pool: Vec<usize> = match within {
        Some(w) => g.children_of(&[w]),
        None => (0..g.places.len()).collect(),
    };
    let mut units: Vec<Unit> =
        pool.into_iter().filter(|&i| g.places[i].level == level).filter_map(|i| unit(g, i)).collect();
    units.sort_by(|a, b| a.code.cmp(&b.code));
    Ok((within.and_then(|w| unit(g, w)), units))
}

/// Counts of places per name, for tests and diagnostics.
#[must_use]
pub fn name_count(name: &str) -> usize {
    gaz().by_name.get(name).map_or(0, Vec::len)
}

#[cfg(test)]
mod tests;
