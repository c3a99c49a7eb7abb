//! Cells run together by a crawler (`640020470` for `6 4 0 0 2 0 470`… ) are split only when the
//! table's own equations leave exactly one way to do it.

/// Enumeration stops after this many candidate splits; beyond it the row is left ambiguous.
const MAX_CANDIDATES: usize = 20_000;

/// Every way to cut the digit strings `tokens` into exactly `n` integers (no leading zeros except a
/// lone `0`) that satisfies `valid`. `None` when a token is not all digits or there are too many ways.
#[must_use]
pub fn candidates(tokens: &[String], n: usize, valid: &dyn Fn(&[i64]) -> bool) -> Option<Vec<Vec<i64>>> {
    if tokens.is_empty()
        || tokens.len() > n
        || tokens.iter().any(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut out = Vec::new();
    let mut budget = MAX_CANDIDATES;
    let mut acc = Vec::with_capacity(n);
    walk(tokens, n, &mut acc, valid, &mut out, &mut budget);
    (budget > 0).then_some(out)
}

fn walk(
    tokens: &[String],
    n: usize,
    acc: &mut Vec<i64>,
    valid: &dyn Fn(&[i64]) -> bool,
    out: &mut Vec<Vec<i64>>,
    budget: &mut usize,
) {
    if *budget == 0 {
        return;
    }
    let Some((first, rest)) = tokens.split_first() else {
        *budget -= 1;
        if acc.len() == n && valid(acc) {
            out.push(acc.clone());
        }
        return;
    };
    let remaining = n.saturating_sub(acc.len());
    // This token takes `k` pieces; later tokens need at least one each.
    let max_k = remaining.saturating_sub(rest.len()).min(first.len());
    for k in 1..=max_k {
        let mut pieces = Vec::new();
        cuts(first, k, &mut pieces, &mut |parts| {
            let before = acc.len();
            acc.extend_from_slice(parts);
            walk(rest, n, acc, valid, out, budget);
            acc.truncate(before);
        });
    }
}

/// Calls `f` with every cut of `s` into `k` numbers without leading zeros.
fn cuts(s: &str, k: usize, pieces: &mut Vec<i64>, f: &mut dyn FnMut(&[i64])) {
    if k == 1 {
        if let Some(v) = piece(s) {
            pieces.push(v);
            f(pieces);
            pieces.pop();
        }
        return;
    }
    for i in 1..s.len() {
        if s.len() - i < k - 1 {
            break;
        }
        if let Some(v) = piece(&s[..i]) {
            pieces.push(v);
            cuts(&s[i..], k - 1, pieces, f);
            pieces.pop();
        }
    }
}

fn piece(s: &str) -> Option<i64> {
    if s.len() > 1 && s.starts_with('0') || s.len() > 12 {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_sum(v: &[i64]) -> bool {
        v.len() == 7 && v[..6].iter().sum::<i64>() == v[6]
    }

    fn toks(s: &[&str]) -> Vec<String> {
        s.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn unique_split_by_row_total() {
        // 6 4 0 0 2 0 | 12 printed without separators.
        let c = candidates(&toks(&["64002012"]), 7, &row_sum).unwrap_or_default();
        assert_eq!(c, vec![vec![6, 4, 0, 0, 2, 0, 12]]);
    }

    #[test]
    fn ambiguous_split_keeps_every_candidate() {
        let c = candidates(&toks(&["123"]), 2, &|_: &[i64]| true).unwrap_or_default();
        assert_eq!(c, vec![vec![1, 23], vec![12, 3]]);
    }

    #[test]
    fn split_with_some_cells_already_apart() {
        let c = candidates(&toks(&["12", "0", "0", "0", "0", "3"]), 7, &row_sum).unwrap_or_default();
        assert_eq!(c, vec![vec![1, 2, 0, 0, 0, 0, 3]]);
    }

    #[test]
    fn leading_zeros_are_not_numbers() {
        let c = candidates(&toks(&["05"]), 2, &|v: &[i64]| v.len() == 2).unwrap_or_default();
        assert_eq!(c, vec![vec![0, 5]]);
        let c = candidates(&toks(&["105"]), 2, &|v: &[i64]| v.len() == 2).unwrap_or_default();
        assert_eq!(c, vec![vec![10, 5]]);
    }

    #[test]
    fn non_digits_refuse() {
        assert!(candidates(&toks(&["1a"]), 2, &|_: &[i64]| true).is_none());
        assert!(candidates(&toks(&["1", "2", "3"]), 2, &|_: &[i64]| true).is_none());
    }
}
