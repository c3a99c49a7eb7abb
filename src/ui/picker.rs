//! The filter bar's picker, and the query text as the one state of the filters.
//!
//! Year, type, province and failing checks live in the query as `field:value` terms: typing
//! `year:2020 type:镇` shows 2020 and 镇 in the bar, and choosing in the bar edits those terms. The
//! picker lists every value of a facet the index holds, with its count under the current query
//! without that facet's own term (a value with 0 is shown dimmed). Review state is not a query
//! term; it stays a filter of the TUI.

use super::strings::Strings;
use crate::query::Counts;

/// The values of the review filter's choices: unreviewed, reviewed, flagged (labels in
/// [`Strings::review_states`]).
pub const REVIEW_VALUES: [&str; 3] = ["unreviewed", "reviewed", "flagged"];

/// The five filters of the bar, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// 年份.
    Year,
    /// 类型.
    Type,
    /// 省份.
    Province,
    /// 检查未过.
    Failing,
    /// 审阅.
    Review,
}

impl Facet {
    /// In the bar's order.
    pub const ALL: [Facet; 5] = [Facet::Year, Facet::Type, Facet::Province, Facet::Failing, Facet::Review];

    /// The query field the facet edits (`None` for review state).
    #[must_use]
    pub fn field(self) -> Option<&'static str> {
        match self {
            Facet::Year => Some("year"),
            Facet::Type => Some("type"),
            Facet::Province => Some("province"),
            Facet::Failing => Some("failing"),
            Facet::Review => None,
        }
    }
}

/// One choice of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The value written into the query (`None`: the facet's term is removed, 全部).
    pub value: Option<String>,
    /// As shown.
    pub label: String,
    /// Reports under the current query with this value.
    pub count: u64,
}

/// The open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// Which filter.
    pub facet: Facet,
    /// The choices; empty while the counts are on their way.
    pub items: Vec<Item>,
    /// The highlighted choice, among the visible ones.
    pub sel: usize,
    /// Typed to narrow the list (provinces).
    pub narrow: String,
}

impl Picker {
    /// A picker waiting for its counts.
    #[must_use]
    pub fn new(facet: Facet) -> Picker {
        Picker { facet, items: Vec::new(), sel: 0, narrow: String::new() }
    }

    /// The choices whose label holds the narrowing text.
    #[must_use]
    pub fn visible(&self) -> Vec<&Item> {
        self.items.iter().filter(|i| self.narrow.is_empty() || i.label.contains(self.narrow.as_str())).collect()
    }

    /// The highlighted choice.
    #[must_use]
    pub fn chosen(&self) -> Option<&Item> {
        self.visible().get(self.sel).copied()
    }

    /// Moves the highlight by `d`, within the visible choices.
    pub fn step(&mut self, d: isize) {
        let n = self.visible().len();
        if n == 0 {
            self.sel = 0;
            return;
        }
        self.sel = self.sel.saturating_add_signed(d).min(n - 1);
    }
}

/// Builds the choices from the counts of the current query without the facet (`base`) and of the
/// whole index (`all`, for the values that have none here).
#[must_use]
pub fn items(facet: Facet, base: &(usize, Counts), all: &(usize, Counts), review: &[usize], s: &Strings) -> Vec<Item> {
    let everything = Item { value: None, label: s.all.to_string(), count: base.0 as u64 };
    let count_in = |list: &[(String, u64)], key: &str| list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n);
    let mut out = vec![everything];
    match facet {
        Facet::Year => {
            for (y, _) in &all.1.years {
                if y.parse::<i32>().is_ok() {
                    out.push(Item { value: Some(y.clone()), label: y.clone(), count: count_in(&base.1.years, y) });
                }
            }
        }
        Facet::Type => {
            for (t, _) in &all.1.types {
                let Some(ty) = crate::model::AgencyType::from_name(t) else { continue };
                let label = format!("{} {}", ty.chinese(), ty.as_str());
                out.push(Item { value: Some(ty.chinese().to_string()), label, count: count_in(&base.1.types, t) });
            }
        }
        Facet::Province => {
            let mut provs: Vec<Item> = all
                .1
                .provinces
                .iter()
                .filter(|(p, _)| p != "unknown")
                .map(|(p, _)| Item { value: Some(p.clone()), label: p.clone(), count: count_in(&base.1.provinces, p) })
                .collect();
            provs.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            out.extend(provs);
        }
        Facet::Failing => {
            out.push(Item { value: Some("yes".into()), label: s.only.into(), count: base.1.failing });
        }
        Facet::Review => {
            for (i, label) in s.review_states.iter().enumerate() {
                let count = review.get(i).copied().unwrap_or(0) as u64;
                out.push(Item { value: Some(REVIEW_VALUES[i].to_string()), label: (*label).to_string(), count });
            }
        }
    }
    out
}

/// Splits the query into terms at whitespace outside `"…"`, keeping each term's text as typed.
fn terms(query: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoted = false;
    for (i, c) in query.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push(&query[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&query[s..]);
    }
    out
}

/// The value of a `field:value` term (either colon, any case of the field's name).
fn value_of<'a>(term: &'a str, field: &str) -> Option<&'a str> {
    let (name, value) = term.split_once([':', '：'])?;
    name.eq_ignore_ascii_case(field).then_some(value)
}

/// The values the query gives `field` (several when the user typed it more than once).
#[must_use]
pub fn field_values(query: &str, field: &str) -> Vec<String> {
    terms(query).into_iter().filter_map(|t| value_of(t, field)).map(str::to_string).collect()
}

/// The query with every `field:` term removed and, when `value` is given, `field:value` appended.
#[must_use]
pub fn set_field(query: &str, field: &str, value: Option<&str>) -> String {
    let mut kept: Vec<String> =
        terms(query).into_iter().filter(|t| value_of(t, field).is_none()).map(str::to_string).collect();
    if let Some(v) = value {
        kept.push(format!("{field}:{v}"));
    }
    let mut q = kept.join(" ");
    if !q.is_empty() {
        q.push(' ');
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_terms_are_read_and_replaced() {
        let q = "刘集 year:2020 \"依申请 公开\" 类型 TYPE：镇 ";
        assert_eq!(field_values(q, "year"), vec!["2020".to_string()]);
        assert_eq!(field_values(q, "type"), vec!["镇".to_string()]);
        assert_eq!(set_field(q, "year", Some("2021")), "刘集 \"依申请 公开\" 类型 TYPE：镇 year:2021 ");
        assert_eq!(set_field(q, "type", None), "刘集 year:2020 \"依申请 公开\" 类型 ");
        assert_eq!(set_field("", "province", Some("浙江省")), "province:浙江省 ");
        assert_eq!(set_field("year:2020", "year", None), "");
    }

    #[test]
    fn every_value_is_listed_with_its_count_under_the_query() {
        let base = (3, Counts { years: vec![("2020".into(), 3)], ..Counts::default() });
        let all = (9, Counts { years: vec![("2021".into(), 4), ("2020".into(), 5)], ..Counts::default() });
        let items = items(Facet::Year, &base, &all, &[], &crate::ui::strings::EN);
        let shown: Vec<(Option<&str>, u64)> = items.iter().map(|i| (i.value.as_deref(), i.count)).collect();
        assert_eq!(shown, vec![(None, 3), (Some("2021"), 0), (Some("2020"), 3)]);
        let mut p = Picker { items, ..Picker::new(Facet::Year) };
        p.step(5);
        assert_eq!(p.chosen().and_then(|i| i.value.as_deref()), Some("2020"));
        p.narrow = "2021".into();
        p.sel = 0;
        assert_eq!(p.chosen().and_then(|i| i.value.as_deref()), Some("2021"));
    }
}
