//! Figure queries: `FIELD OP NUMBER` (`applications.new.total>=10`, `apps>=10`, `rate.granted<0.5`).
//!
//! FIELD is a figure key of SCHEMA.md (`table.row.column`), a short alias, or a derived rate; OP one of
//! `> >= < <= =` (full-width `＞ ≥ ＜ ≤ ＝` too). A figure a report leaves null never satisfies a
//! comparison, and a rate whose denominator is null or zero is null.

pub use gongkai_core::measure::{NumField, Rate, aliases};
use gongkai_core::model::Report;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `=`.
    Eq,
}

impl Op {
    /// Its symbol.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Eq => "=",
        }
    }
}

/// `FIELD OP NUMBER`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// What is compared.
    pub field: NumField,
    /// How.
    pub op: Op,
    /// With what.
    pub value: f64,
}

impl Comparison {
    /// Whether a report satisfies it (never when its value is null).
    #[must_use]
    pub fn holds(&self, r: &Report) -> bool {
        self.field.of(r).is_some_and(|v| match self.op {
            Op::Gt => v > self.value,
            Op::Ge => v >= self.value,
            Op::Lt => v < self.value,
            Op::Le => v <= self.value,
            Op::Eq => (v - self.value).abs() < 1e-9,
        })
    }
}

/// Reads a token as a comparison: `None` when it has no operator (it is text), `Some(Err)` when it
/// has one but the field or the number is not valid.
#[must_use]
pub fn parse_comparison(token: &str) -> Option<Result<Comparison, String>> {
    let token: String = token
        .chars()
        .map(|c| match c {
            '＞' => '>',
            '＜' => '<',
            '＝' => '=',
            c => c,
        })
        .collect::<String>()
        .replace('≥', ">=")
        .replace('≤', "<=");
    let at = token.find(['>', '<', '='])?;
    let (name, rest) = token.split_at(at);
    let (op, number) = if let Some(n) = rest.strip_prefix(">=") {
        (Op::Ge, n)
    } else if let Some(n) = rest.strip_prefix("<=") {
        (Op::Le, n)
    } else if let Some(n) = rest.strip_prefix('>') {
        (Op::Gt, n)
    } else if let Some(n) = rest.strip_prefix('<') {
        (Op::Lt, n)
    } else {
        (Op::Eq, rest.trim_start_matches('='))
    };
    if name.is_empty() {
        return Some(Err(format!("'{token}': a comparison needs a figure before {}", op.symbol())));
    }
    let Some(field) = NumField::parse(name) else {
        return Some(Err(format!(
            "'{name}' is not a figure: use a SCHEMA key (applications.new.total), an alias (apps, 申请, \
             granted, reviews …) or rate.granted / rate.review_corrected"
        )));
    };
    let value = match number.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => v,
        _ => return Some(Err(format!("'{token}': {name}{} needs a number", op.symbol()))),
    };
    Some(Ok(Comparison { field, op, value }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_aliases_and_rates_parse() {
        let c = parse_comparison("apps>=10").and_then(Result::ok).map(|c| (c.field.name(), c.op, c.value));
        assert_eq!(c, Some(("applications.new.total".into(), Op::Ge, 10.0)));
        let c = parse_comparison("申请＞5").and_then(Result::ok).map(|c| (c.field.name(), c.op));
        assert_eq!(c, Some(("applications.new.total".into(), Op::Gt)));
        let c = parse_comparison("rate.granted<0.5").and_then(Result::ok).map(|c| c.field);
        assert_eq!(c, Some(NumField::Rate(Rate::Granted)));
        let c = parse_comparison("reviews.review.corrected=0").and_then(Result::ok).map(|c| c.op);
        assert_eq!(c, Some(Op::Eq));
        let c = parse_comparison("active.licensing.decisions≤3").and_then(Result::ok).map(|c| c.op);
        assert_eq!(c, Some(Op::Le));
    }

    #[test]
    fn plain_words_are_not_comparisons_and_bad_ones_say_why() {
        assert!(parse_comparison("刘集镇").is_none());
        assert!(parse_comparison("apps>").is_some_and(|r| r.is_err_and(|e| e.contains("needs a number"))));
        assert!(parse_comparison("nope>3").is_some_and(|r| r.is_err_and(|e| e.contains("not a figure"))));
        assert!(parse_comparison(">3").is_some_and(|r| r.is_err()));
        assert!(parse_comparison("apps>=x").is_some_and(|r| r.is_err()));
    }

    #[test]
    fn null_never_satisfies_and_rates_need_a_denominator() {
        let r = Report::empty("x.txt", "text", "utf-8");
        let c = Comparison { field: NumField::parse("apps").expect("alias"), op: Op::Le, value: 1e9 };
        assert!(!c.holds(&r));
        assert_eq!(Rate::Granted.of(&r), None);
    }
}
