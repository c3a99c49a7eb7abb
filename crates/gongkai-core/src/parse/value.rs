//! One table cell's text → a value.
//!
//! Reads integers, decimals, thousands separators, signs, and units (件/个/条/项/元/万元; 元 becomes
//! 万元). Placeholders ('—', '-', '/', '无') and blanks are told apart from text so the table reader can
//! warn about them. Never invents a number.

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// Nothing at all.
    Blank,
    /// A dash, slash or 无: deliberately no number.
    Placeholder,
    /// A number. `decimal` when written with a decimal point or converted from 元.
    Number {
        /// The value, in 万元 for amounts given in 元.
        value: f64,
        /// Written with a fraction or converted.
        decimal: bool,
        /// The unit was 元 or 万元.
        money: bool,
    },
    /// Anything else (a label, a sentence).
    Text,
}

/// Reads one cell.
#[must_use]
pub fn parse_value(raw: &str) -> CellValue {
    let t = raw.trim_matches(|c: char| c.is_whitespace());
    // The common cells, without building a cleaned copy: plain digits (what the general path reads
    // the same way), and text that cannot be a number, unit or placeholder by its first character.
    if !t.is_empty() && t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<u64>().map_or(CellValue::Text, |v| CellValue::Number {
            value: v as f64,
            decimal: false,
            money: false,
        });
    }
    match t.chars().next() {
        None => return CellValue::Blank,
        Some(c) if !may_start_value(c) => return CellValue::Text,
        Some(_) => {}
    }
    parse_general(raw)
}

/// Reads one cell the long way: every character looked at, a cleaned copy built.
fn parse_general(raw: &str) -> CellValue {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '．' => '.',
            '－' | '−' | '–' => '-',
            '＋' => '+',
            '，' => ',',
            c => c,
        })
        .collect();
    if s.is_empty() {
        return CellValue::Blank;
    }
    if is_placeholder(&s) {
        return CellValue::Placeholder;
    }
    let (num, money, yuan) = strip_unit(&s);
    match parse_number(num) {
        Some((v, _)) if yuan => CellValue::Number { value: v / 10_000.0, decimal: true, money },
        Some((value, decimal)) => CellValue::Number { value, decimal, money },
        None => CellValue::Text,
    }
}

/// Whether a cell whose first non-blank character is `c` can be anything but text: a digit or sign
/// (half or full width), a decimal point or comma, or the first character of a placeholder.
fn may_start_value(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '-' | '+'
                | '.'
                | ','
                | '．'
                | '－'
                | '−'
                | '–'
                | '＋'
                | '，'
                | '无'
                | '/'
                | '／'
                | '\\'
                | '*'
                | '×'
                | 'x'
                | 'X'
                | '空'
                | '—'
                | '―'
                | '_'
                | '…'
        )
}

fn is_placeholder(s: &str) -> bool {
    matches!(s, "无" | "/" | "／" | "\\" | "*" | "×" | "x" | "X" | "空" | "—" | "-" | "―")
        || s.chars().all(|c| matches!(c, '-' | '—' | '―' | '_' | '…'))
}

/// Removes a trailing unit. Returns (number text, is money, needs 元→万元 conversion).
fn strip_unit(s: &str) -> (&str, bool, bool) {
    if let Some(n) = s.strip_suffix("万元") {
        return (n, true, false);
    }
    if let Some(n) = s.strip_suffix('元') {
        return (n, true, true);
    }
    for unit in ["件", "个", "条", "项", "次", "人次", "宗"] {
        if let Some(n) = s.strip_suffix(unit) {
            return (n, false, false);
        }
    }
    (s, false, false)
}

/// Parses `-1,234.5` → (-1234.5, true). Commas must group digits in threes.
fn parse_number(s: &str) -> Option<(f64, bool)> {
    let (sign, body) = match s.as_bytes().first()? {
        b'-' => (-1.0, &s[1..]),
        b'+' => (1.0, &s[1..]),
        _ => (1.0, s),
    };
    let (int_part, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = ungroup(int_part)?;
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    if let Some(f) = frac
        && (f.is_empty() || f.len() > 8 || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let text = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let v: f64 = text.parse().ok()?;
    Some((sign * v, frac.is_some()))
}

/// `1,234,567` → `1234567`; rejects misplaced commas and non-digits.
fn ungroup(s: &str) -> Option<String> {
    if !s.contains(',') {
        return s.bytes().all(|b| b.is_ascii_digit()).then(|| s.to_string());
    }
    let groups: Vec<&str> = s.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let all_digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && rest_ok && all_digits).then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(raw: &str) -> Option<(f64, bool)> {
        match parse_value(raw) {
            CellValue::Number { value, decimal, .. } => Some((value, decimal)),
            _ => None,
        }
    }

    #[test]
    fn integers_and_separators() {
        assert_eq!(num("473"), Some((473.0, false)));
        assert_eq!(num("1,234"), Some((1234.0, false)));
        assert_eq!(num("1，234，567"), Some((1_234_567.0, false)));
        assert_eq!(num(" 12 "), Some((12.0, false)));
        assert_eq!(num("12,34"), None);
    }

    #[test]
    fn signs_and_decimals() {
        assert_eq!(num("-3"), Some((-3.0, false)));
        assert_eq!(num("－3"), Some((-3.0, false)));
        assert_eq!(num("+2"), Some((2.0, false)));
        assert_eq!(num("96171.6"), Some((96171.6, true)));
    }

    #[test]
    fn units_are_read_and_yuan_becomes_wan() {
        assert_eq!(num("10.6424万元"), Some((10.6424, true)));
        let (v, d) = num("251000元").unwrap_or_default();
        assert!((v - 25.1).abs() < 1e-9 && d);
        assert_eq!(num("5件"), Some((5.0, false)));
    }

    proptest::proptest! {
        /// The short cuts read every cell as the long way does.
        #[test]
        fn short_cuts_agree_with_the_general_reader(
            cell in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "7", "12", "9999999999999999", " ", "\u{3000}", "\t", ",", "，", ".", "．", "-", "－", "−",
                "–", "+", "＋", "元", "万元", "件", "无", "/", "—", "_", "…", "x", "规", "章", "%", "（", "一",
            ]), 0..8)
        ) {
            let raw = cell.concat();
            proptest::prop_assert_eq!(parse_value(&raw), parse_general(&raw), "{:?}", raw);
        }
    }

    #[test]
    fn placeholders_blanks_and_text() {
        for p in ["—", "-", "/", "无", "——", "--"] {
            assert_eq!(parse_value(p), CellValue::Placeholder, "{p}");
        }
        assert_eq!(parse_value("  "), CellValue::Blank);
        assert_eq!(parse_value("规章"), CellValue::Text);
        assert_eq!(parse_value("1.属于国家秘密"), CellValue::Text);
        assert_eq!(parse_value("50%"), CellValue::Text);
        assert_eq!(parse_value("3."), CellValue::Text);
    }
}
