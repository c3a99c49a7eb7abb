//! Character-level clean-up of report text before any structure is read.
//!
//! Full-width digits and Latin letters become ASCII, odd spaces (NBSP, ideographic space, thin spaces)
//! become plain spaces, zero-width characters and control characters (other than TAB and newline) are
//! dropped, CR/LF become LF, and Word's `[bookmark: _GoBack]` markers are removed.

/// Normalizes a whole document. Keeps line structure and leading TABs (they delimit table cells).
#[must_use]
pub fn normalize_text(input: &str) -> String {
    let input = input.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(input.len());
    for ch in input.chars() {
        if let Some(c) = normalize_char(ch) {
            out.push(c);
        }
    }
    strip_bookmarks(&out)
}

/// Maps one character; `None` drops it.
#[must_use]
pub fn normalize_char(ch: char) -> Option<char> {
    match ch {
        '\t' | '\n' => Some(ch),
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(ch as u32 - 0xFEE0),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        // Bidi controls could reorder what a terminal shows.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => None,
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Removes `[bookmark: …]` markers that DOCX-to-text converters leave behind.
fn strip_bookmarks(s: &str) -> String {
    if !s.contains("[bookmark:") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[bookmark:") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match after.find(']') {
            Some(j) if j < 80 && !after[..j].contains('\n') => rest = &after[j + 1..],
            _ => {
                out.push_str("[bookmark:");
                rest = &after["[bookmark:".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes every kind of whitespace, for comparing labels (`三 、本 年 度` → `三、本年度`).
#[must_use]
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a character is a Han ideograph (CJK Unified Ideographs and extension A).
#[must_use]
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_letters_become_ascii() {
        assert_eq!(normalize_text("共１２３件ＡＢｃ"), "共123件ABc");
    }

    #[test]
    fn odd_spaces_become_plain_and_controls_vanish() {
        assert_eq!(normalize_text("a\u{3000}b\u{a0}c\u{1b}[31md\u{200b}e\r\nf"), "a b c[31mde\nf");
    }

    #[test]
    fn bookmarks_are_removed() {
        assert_eq!(normalize_text("[bookmark: _GoBack]3.加强宣传"), "3.加强宣传");
        assert_eq!(normalize_text("[bookmark: never closed"), "[bookmark: never closed");
    }

    #[test]
    fn squeeze_drops_all_whitespace() {
        assert_eq!(squeeze("三 、本 年\t度"), "三、本年度");
    }
}
