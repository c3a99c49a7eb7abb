//! The numbers a report can be compared and sorted by: each figure of the record and a few derived
//! rates, with the short aliases analysts type (`apps` for `applications.new.total`).

use crate::model::{Figure, Report};
use crate::schema::{ActiveCol, ActiveRow, AppCol, AppRow, FigureKey, ReviewCol, ReviewRow};

/// A derived rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rate {
    /// （一）予以公开 / （七）总计 (column 总计).
    Granted,
    /// 行政复议 结果纠正 / 行政复议 总计.
    ReviewCorrected,
}

impl Rate {
    /// All rates.
    pub const ALL: [Rate; 2] = [Rate::Granted, Rate::ReviewCorrected];

    /// Its name in queries (`rate.granted`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Rate::Granted => "rate.granted",
            Rate::ReviewCorrected => "rate.review_corrected",
        }
    }

    /// The value for a report; `None` when a term is null or the denominator is zero.
    #[must_use]
    pub fn of(self, r: &Report) -> Option<f64> {
        let f = &r.figures;
        let (num, den) = match self {
            Rate::Granted => (f.app(AppRow::Granted, AppCol::Total)?, f.app(AppRow::Total, AppCol::Total)?),
            Rate::ReviewCorrected => {
                (f.review(ReviewRow::Review, ReviewCol::Corrected)?, f.review(ReviewRow::Review, ReviewCol::Total)?)
            }
        };
        #[allow(clippy::cast_precision_loss)] // Counts of applications are far below 2^52.
        (den > 0).then(|| num as f64 / den as f64)
    }
}

/// A number a query can compare or sort by: one figure of the record, or a derived rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumField {
    /// A figure (`applications.new.total`).
    Figure(FigureKey),
    /// A rate (`rate.granted`).
    Rate(Rate),
}

/// Short names for the figures analysts ask about most: (alias, figure).
#[must_use]
pub fn aliases() -> Vec<(&'static str, FigureKey)> {
    let new = FigureKey::app(AppRow::New, AppCol::Total);
    let carried_in = FigureKey::app(AppRow::CarriedOver, AppCol::Total);
    let granted = FigureKey::app(AppRow::Granted, AppCol::Total);
    let handled = FigureKey::app(AppRow::Total, AppCol::Total);
    let carried = FigureKey::app(AppRow::CarriedForward, AppCol::Total);
    let reviews = FigureKey::review(ReviewRow::Review, ReviewCol::Total);
    let corrected = FigureKey::review(ReviewRow::Review, ReviewCol::Corrected);
    let direct = FigureKey::review(ReviewRow::LitigationDirect, ReviewCol::Total);
    let licensing = FigureKey::active(ActiveRow::Licensing, ActiveCol::Decisions);
    let penalties = FigureKey::active(ActiveRow::Penalties, ActiveCol::Decisions);
    let enforcement = FigureKey::active(ActiveRow::Enforcement, ActiveCol::Decisions);
    vec![
        ("apps", new),
        ("申请", new),
        ("新收", new),
        ("carried_in", carried_in),
        ("上年结转", carried_in),
        ("granted", granted),
        ("予以公开", granted),
        ("handled", handled),
        ("办理", handled),
        ("carried", carried),
        ("结转下年", carried),
        ("reviews", reviews),
        ("复议", reviews),
        ("corrected", corrected),
        ("纠正", corrected),
        ("direct_suits", direct),
        ("licensing", licensing),
        ("许可", licensing),
        ("penalties", penalties),
        ("处罚", penalties),
        ("enforcement", enforcement),
        ("强制", enforcement),
    ]
}

impl NumField {
    /// A field by key, alias or rate name; `None` for anything else.
    #[must_use]
    pub fn parse(name: &str) -> Option<NumField> {
        let name = name.trim();
        if let Some(rate) = Rate::ALL.into_iter().find(|r| r.name() == name) {
            return Some(NumField::Rate(rate));
        }
        if let Some((_, key)) = aliases().into_iter().find(|(alias, _)| alias.eq_ignore_ascii_case(name)) {
            return Some(NumField::Figure(key));
        }
        FigureKey::parse(name).map(NumField::Figure)
    }

    /// Its canonical name (`applications.new.total`, `rate.granted`): also its path in the index.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            NumField::Figure(k) => k.name(),
            NumField::Rate(r) => r.name().to_string(),
        }
    }

    /// The value for a report.
    #[must_use]
    pub fn of(&self, r: &Report) -> Option<f64> {
        match self {
            NumField::Figure(k) => r.figures.value(*k).map(Figure::as_f64),
            NumField::Rate(rate) => rate.of(r),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_parses_to_its_figure() {
        let all = aliases();
        assert!(all.len() >= 20);
        for (alias, key) in all {
            assert_eq!(NumField::parse(alias), Some(NumField::Figure(key)), "{alias}");
            assert_eq!(NumField::parse(&alias.to_uppercase()), Some(NumField::Figure(key)), "{alias}");
        }
        assert_eq!(NumField::parse("apps").map(|f| f.name()).as_deref(), Some("applications.new.total"));
        assert_eq!(NumField::parse("rate.granted"), Some(NumField::Rate(Rate::Granted)));
        assert_eq!(NumField::parse("nope"), None);
    }

    #[test]
    fn rates_need_a_denominator() {
        let r = Report::empty("x.txt", "text", "utf-8");
        assert_eq!(Rate::Granted.of(&r), None);
        assert_eq!(NumField::parse("apps").and_then(|f| f.of(&r)), None);
    }
}
