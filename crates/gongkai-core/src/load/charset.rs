//! Encoding detection helpers for [`super::decode`] and the HTML reader: UTF-16 without a BOM,
//! "mostly UTF-8", the chardetng fallback, declared charsets, encoding labels, binary data.

use encoding_rs::Encoding;

/// How many bytes the detectors look at.
const SAMPLE: usize = 16 * 1024;

/// The name a [`super::Source`] reports for an encoding: GBK and GB18030 are both `gb18030`.
pub(super) fn label(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "utf-8",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        "GBK" | "gb18030" => "gb18030",
        "Big5" => "big5",
        "Shift_JIS" => "shift_jis",
        "EUC-JP" => "euc-jp",
        "EUC-KR" => "euc-kr",
        other => other,
    }
}

/// GBK (and so GB2312) is read as its superset GB18030; other encodings as they are.
pub(super) fn widen(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::GBK { encoding_rs::GB18030 } else { enc }
}

/// UTF-16 without a BOM. Bytes that read as UTF-8 (ASCII-only UTF-16 does) must show the zero
/// byte at every other position that ASCII characters give, and almost none at the others. Other
/// bytes need only decode, in the better of the two byte orders, to plausible report text (CJK
/// characters like 一 U+4E00 put zeros at the "wrong" positions too); with no zero bytes at all,
/// that must be nearly all of it, and many bytes must have the high bit set, as CJK text has.
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(SAMPLE) / 2 * 2)?;
    let units = sample.len() / 2;
    let (even, odd) = zeros(sample);
    if units < 4 {
        return None;
    }
    if is_mostly_utf8(sample) {
        let enc = if odd * 20 > units && even * 4 < odd {
            encoding_rs::UTF_16LE
        } else if even * 20 > units && odd * 4 < even {
            encoding_rs::UTF_16BE
        } else {
            return None;
        };
        return (plausible_share(enc, sample) >= 900).then_some(enc);
    }
    let high = sample.iter().filter(|b| **b >= 0x80).count();
    let need = if even + odd > 0 {
        900
    } else if high * 5 >= sample.len() {
        950
    } else {
        return None;
    };
    let le = plausible_share(encoding_rs::UTF_16LE, sample);
    let be = plausible_share(encoding_rs::UTF_16BE, sample);
    let (enc, share, other) = if le >= be { (encoding_rs::UTF_16LE, le, be) } else { (encoding_rs::UTF_16BE, be, le) };
    (share >= need && share > other).then_some(enc)
}

/// Zero bytes at even and at odd positions.
fn zeros(sample: &[u8]) -> (usize, usize) {
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    (even, odd)
}

/// The share, per mille, of plausible report characters in the sample decoded with `enc`
/// (undecodable units, such as a surrogate pair cut at the sample's end, count against it).
fn plausible_share(enc: &'static Encoding, sample: &[u8]) -> usize {
    let (text, _) = enc.decode_without_bom_handling(sample);
    let total = text.chars().count();
    let plausible = text.chars().filter(|c| plausible_char(*c)).count();
    (plausible * 1000).checked_div(total).unwrap_or(0)
}

/// Characters a Chinese report is made of.
fn plausible_char(c: char) -> bool {
    c.is_ascii_graphic()
        || matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
        || matches!(c,
            '\u{00A0}'..='\u{00FF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{2100}'..='\u{27BF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{20000}'..='\u{2FFFF}')
}

/// Valid UTF-8, or UTF-8 with a few stray bytes (a truncated last character, a byte or two of
/// damage): at least twenty well-formed multi-byte characters for each invalid sequence. Text in a
/// legacy encoding has invalid sequences nearly everywhere.
pub(super) fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    let (mut multibyte_bytes, mut invalid_bytes) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let wide = valid.chars().filter(|c| !c.is_ascii()).count();
        multibyte += wide;
        multibyte_bytes += valid.len() - (valid.chars().count() - wide);
        invalid += usize::from(!chunk.invalid().is_empty());
        invalid_bytes += chunk.invalid().len();
    }
    // Stray invalid bytes, or damage in one place (a burst of garbage in a long UTF-8 report): a
    // legacy encoding read as UTF-8 has invalid bytes all along it, far more than a tenth of the rest.
    invalid == 0 || multibyte >= invalid * 20 || (multibyte_bytes >= 600 && invalid_bytes * 10 <= multibyte_bytes)
}

/// Whether the bytes hold non-ASCII text that is valid UTF-8 throughout.
pub(super) fn is_strict_utf8_with_text(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// chardetng's guess for text that is not UTF-8 (no top-level domain hint).
pub(super) fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    widen(det.guess(None, chardetng::Utf8Detection::Deny))
}

/// The charset a page declares near its start: `<meta charset=…>`, `content="…; charset=…"`, or
/// an XML declaration's `encoding="…"`.
pub(super) fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(4096))?).to_ascii_lowercase();
    ["charset", "encoding"].iter().find_map(|key| {
        head.match_indices(key).find_map(|(at, _)| {
            let rest = head.get(at + key.len()..)?.trim_start().strip_prefix('=')?.trim_start();
            let name: String = rest
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            Encoding::for_label(name.as_bytes())
        })
    })
}

/// Decoded text that is mostly control characters or replacement characters is binary data. A run
/// of replacement characters counts once: a burst of damage in one place is not a binary file.
pub(super) fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    let mut prev_replaced = false;
    for c in text.chars().take(SAMPLE) {
        total += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        let replaced = c == '\u{FFFD}';
        bad += usize::from(control || (replaced && !prev_replaced));
        prev_replaced = replaced;
    }
    bad * 20 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_declared_charsets() {
        assert_eq!(declared(b"<meta charset=\"gb2312\">"), Some(encoding_rs::GBK));
        let http_equiv = b"<meta http-equiv=Content-Type content='text/html; charset=GBK'>";
        assert_eq!(declared(http_equiv), Some(encoding_rs::GBK));
        assert_eq!(declared(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><html>"), Some(encoding_rs::UTF_8));
        assert_eq!(declared(b"<html><body>charset</body>"), None);
    }

    #[test]
    fn binary_and_text() {
        assert!(looks_binary("\u{0}\u{1}\u{2}a"));
        assert!(!looks_binary("一、总体情况\n\t规章\n\u{c}"));
    }

    #[test]
    fn ascii_only_utf16_is_found_and_cjk_without_zeros_is_not() {
        let le: Vec<u8> = "2020 report\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_without_bom("一、总体情况".as_bytes()), None);
    }
}
