//! PDF fonts as far as text extraction needs them: how a string's bytes split into character
//! codes, what Unicode text each code stands for, and how far each code advances.
//!
//! Unicode comes from the font's `/ToUnicode` CMap when it has one (Word and WPS exports embed
//! subset fonts with one); else from a predefined CJK CMap named by `/Encoding` (`UniGB-UCS2-H`,
//! `UniGB-UTF16-H`, `GBK-EUC-H`, `GBpc-EUC-H`, `GB-EUC-H`, `B5pc-H`, `ETenms-B5-H` … and their
//! `-V` forms); else, for simple fonts, from the base encoding and `/Differences` (lopdf's tables).
//! A code with no mapping becomes U+FFFD and is counted, so a page that cannot be read is told
//! apart from an empty one.

use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// How a string's bytes are split into codes.
#[derive(Debug, Clone, PartialEq)]
enum Codes {
    /// One byte per code (simple fonts).
    OneByte,
    /// Two bytes per code (Identity-H, UCS2 CMaps).
    TwoByte,
    /// UTF-16BE: two bytes, four for a surrogate pair.
    Utf16,
    /// A lead byte in 0x81..=0xFE starts a two-byte code, otherwise one byte (EUC/GBK/Big5 CMaps).
    Euc,
    /// Code lengths from the codespace ranges of an embedded CMap: (length, low, high).
    Ranges(Vec<(usize, u32, u32)>),
}

/// What a code means when no `/ToUnicode` entry covers it.
#[derive(Debug, Clone)]
enum Fallback {
    /// The code is the UCS-2 / UTF-16 code unit sequence itself.
    Unicode,
    /// The code is a character in a legacy encoding.
    Legacy(&'static encoding_rs::Encoding),
    /// A table for one-byte codes (simple fonts).
    Table(Box<[Option<String>; 256]>),
    /// No way to know (Identity-H without ToUnicode, an unknown CMap).
    None,
}

/// A font resolved for text extraction.
#[derive(Debug, Clone)]
pub(super) struct Font {
    codes: Codes,
    to_unicode: HashMap<(u8, u32), String>,
    fallback: Fallback,
    /// Simple fonts: `/FirstChar` and `/Widths`; CID fonts: widths by CID from `/W`.
    widths: HashMap<u32, f64>,
    /// Width of a code missing from `widths` (CID fonts' `/DW`, else an estimate).
    default_width: f64,
    /// Whether widths are by CID = code (Identity) or unknown (predefined CMaps: estimated).
    widths_by_code: bool,
    /// Whether the font writes vertically (`-V` CMaps).
    pub(super) vertical: bool,
}

/// One code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Glyph {
    /// The Unicode text (may be empty for a code that draws nothing, U+FFFD when unknown).
    pub(super) text: String,
    /// The advance in text space units (thousandths of the font size).
    pub(super) width: f64,
    /// Whether this is the single-byte code 32 (word spacing applies).
    pub(super) is_space: bool,
    /// Whether the code had no Unicode mapping.
    pub(super) unmapped: bool,
}

impl Font {
    /// A font that maps nothing, for a `Tf` naming a font the resources lack.
    pub(super) fn missing() -> Self {
        Self {
            codes: Codes::OneByte,
            to_unicode: HashMap::new(),
            fallback: Fallback::None,
            widths: HashMap::new(),
            default_width: 500.0,
            widths_by_code: true,
            vertical: false,
        }
    }

    /// Resolves a font dictionary; `limit` bounds each stream's decompressed size.
    pub(super) fn from_dict(doc: &Document, font: &Dictionary, limit: usize) -> Self {
        let subtype = name(doc, font.get(b"Subtype").ok()).unwrap_or_default();
        let to_unicode = deref(doc, font.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.decompressed_content_with_limit(limit).ok().or_else(|| Some(s.content.clone())))
            .map(|bytes| parse_cmap(&bytes))
            .unwrap_or_default();
        if subtype == "Type0" {
            return Self::composite(doc, font, to_unicode, limit);
        }
        let mut table: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|_| None));
        if let Ok(encoding) = font.get_font_encoding(doc) {
            for (b, slot) in table.iter_mut().enumerate() {
                let byte = u8::try_from(b).unwrap_or(0);
                if let Ok(s) = encoding.bytes_to_string(&[byte])
                    && !s.is_empty()
                    && !s.contains('\u{FFFD}')
                {
                    *slot = Some(s);
                }
            }
        }
        let mut widths = HashMap::new();
        let first = deref(doc, font.get(b"FirstChar").ok()).and_then(number).unwrap_or(0.0);
        if let Some(Object::Array(ws)) = deref(doc, font.get(b"Widths").ok()) {
            for (i, w) in ws.iter().enumerate() {
                if let (Some(w), Ok(i)) = (deref(doc, Some(w)).and_then(number), u32::try_from(i)) {
                    widths.insert(first as u32 + i, w);
                }
            }
        }
        let missing = deref(doc, font.get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| deref(doc, d.get(b"MissingWidth").ok()))
            .and_then(number)
            .filter(|w| *w > 0.0)
            .unwrap_or(500.0);
        Self {
            codes: Codes::OneByte,
            to_unicode: to_unicode.map,
            fallback: Fallback::Table(table),
            widths,
            default_width: missing,
            widths_by_code: true,
            vertical: false,
        }
    }

    fn composite(doc: &Document, font: &Dictionary, to_unicode: CMap, limit: usize) -> Self {
        let encoding = deref(doc, font.get(b"Encoding").ok());
        let (codes, fallback, by_code, vertical) = match encoding {
            Some(Object::Name(n)) => predefined(&String::from_utf8_lossy(n)),
            Some(Object::Stream(s)) => {
                let bytes = s.decompressed_content_with_limit(limit).unwrap_or_else(|_| s.content.clone());
                let cmap = parse_cmap(&bytes);
                let vertical = deref(doc, s.dict.get(b"WMode").ok()).and_then(number).is_some_and(|w| w == 1.0);
                let codes = if cmap.ranges.is_empty() { Codes::TwoByte } else { Codes::Ranges(cmap.ranges) };
                (codes, Fallback::None, true, vertical)
            }
            _ => (Codes::TwoByte, Fallback::None, true, false),
        };
        let descendant = deref(doc, font.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, Some(o)))
            .and_then(|o| o.as_dict().ok());
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        if let Some(d) = descendant {
            if let Some(dw) = deref(doc, d.get(b"DW").ok()).and_then(number) {
                default_width = dw;
            }
            if let Some(Object::Array(w)) = deref(doc, d.get(b"W").ok()) {
                cid_widths(doc, w, &mut widths);
            }
        }
        Self { codes, to_unicode: to_unicode.map, fallback, widths, default_width, widths_by_code: by_code, vertical }
    }

    /// Splits a shown string into glyphs.
    pub(super) fn glyphs(&self, bytes: &[u8], out: &mut Vec<Glyph>) {
        let mut i = 0;
        while i < bytes.len() {
            let len = self.code_len(&bytes[i..]).clamp(1, bytes.len() - i);
            let code_bytes = &bytes[i..i + len];
            let code = code_bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            i += len;
            let key = (u8::try_from(len).unwrap_or(4), code);
            let mapped = self.to_unicode.get(&key).cloned().or_else(|| self.fallback_text(code_bytes, code));
            let unmapped = mapped.is_none();
            let text = mapped.unwrap_or_else(|| "\u{FFFD}".to_string());
            let width = self.width(code, &text);
            out.push(Glyph { is_space: len == 1 && code == 32, text, width, unmapped });
        }
    }

    fn code_len(&self, rest: &[u8]) -> usize {
        let first = rest.first().copied().unwrap_or(0);
        match &self.codes {
            Codes::OneByte => 1,
            Codes::TwoByte => 2,
            Codes::Utf16 => {
                if (0xD8..=0xDB).contains(&first) {
                    4
                } else {
                    2
                }
            }
            Codes::Euc => {
                if (0x81..=0xFE).contains(&first) {
                    2
                } else {
                    1
                }
            }
            Codes::Ranges(ranges) => {
                for (len, lo, hi) in ranges {
                    if rest.len() >= *len {
                        let code = rest[..*len].iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
                        if (*lo..=*hi).contains(&code) {
                            return *len;
                        }
                    }
                }
                ranges.iter().map(|r| r.0).min().unwrap_or(1)
            }
        }
    }

    fn fallback_text(&self, code_bytes: &[u8], code: u32) -> Option<String> {
        match &self.fallback {
            Fallback::Unicode => {
                let units: Vec<u16> =
                    code_bytes.chunks(2).map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0))).collect();
                let s = String::from_utf16(&units).ok()?;
                (!s.is_empty()).then_some(s)
            }
            Fallback::Legacy(enc) => {
                let (s, _, bad) = enc.decode(code_bytes);
                (!bad).then(|| s.into_owned())
            }
            Fallback::Table(t) => usize::try_from(code).ok().and_then(|c| t.get(c)).cloned().flatten(),
            Fallback::None => None,
        }
    }

    fn width(&self, code: u32, text: &str) -> f64 {
        if self.widths_by_code
            && let Some(w) = self.widths.get(&code)
        {
            return *w;
        }
        if self.widths_by_code {
            return self.default_width;
        }
        // A predefined CMap maps codes to CIDs we do not carry: half width for ASCII, else full.
        if text.is_ascii() { 500.0 } else { 1000.0 }
    }
}

/// Codes, fallback, whether widths are keyed by code, and vertical writing, of a predefined CMap.
fn predefined(name: &str) -> (Codes, Fallback, bool, bool) {
    let vertical = name.ends_with("-V");
    let base = name.trim_end_matches("-H").trim_end_matches("-V");
    match base {
        "Identity" => (Codes::TwoByte, Fallback::None, true, vertical),
        "UniGB-UCS2" | "UniCNS-UCS2" | "UniJIS-UCS2" | "UniKS-UCS2" => {
            (Codes::TwoByte, Fallback::Unicode, false, vertical)
        }
        "UniGB-UTF16" | "UniCNS-UTF16" | "UniJIS-UTF16" | "UniKS-UTF16" => {
            (Codes::Utf16, Fallback::Unicode, false, vertical)
        }
        "GBK-EUC" | "GBpc-EUC" | "GB-EUC" | "GBKp-EUC" | "GBK2K" => {
            (Codes::Euc, Fallback::Legacy(encoding_rs::GBK), false, vertical)
        }
        "B5pc" | "ETen-B5" | "ETenms-B5" | "HKscs-B5" | "CNS-EUC" => {
            (Codes::Euc, Fallback::Legacy(encoding_rs::BIG5), false, vertical)
        }
        _ => (Codes::TwoByte, Fallback::None, true, vertical),
    }
}

/// A parsed CMap: code → Unicode text, and codespace ranges.
#[derive(Debug, Default)]
struct CMap {
    map: HashMap<(u8, u32), String>,
    ranges: Vec<(usize, u32, u32)>,
}

/// Most entries one CMap may hold (a bfrange can name 65,536 codes; a font has far fewer).
const MAX_CMAP_ENTRIES: usize = 200_000;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

fn tokens(bytes: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = bytes[start..].iter().position(|c| *c == b'>').map_or(bytes.len(), |p| start + p);
                let digits: Vec<u8> = bytes[start..end].iter().copied().filter(u8::is_ascii_hexdigit).collect();
                let mut v = Vec::with_capacity(digits.len() / 2 + 1);
                for pair in digits.chunks(2) {
                    let hi = hex(pair[0]);
                    let lo = pair.get(1).map_or(0, |c| hex(*c));
                    v.push((hi << 4) | lo);
                }
                out.push(Tok::Hex(v));
                i = end + 1;
                continue;
            }
            b'[' => out.push(Tok::Open),
            b']' => out.push(Tok::Close),
            b'(' => {
                // A literal string (rare in CMaps): skip it, balancing parentheses.
                let mut depth = 0;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                out.push(Tok::Word(String::new()));
            }
            c if c.is_ascii_whitespace() => {}
            _ => {
                let start = i;
                while i < bytes.len() && !b"<>[]()% \t\r\n\x0c\0/".contains(&bytes[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1; // a lone '/', part of a name
                }
                out.push(Tok::Word(String::from_utf8_lossy(&bytes[start..i]).into_owned()));
                continue;
            }
        }
        i += 1;
    }
    out
}

fn hex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn code_of(v: &[u8]) -> u32 {
    v.iter().take(4).fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16be(v: &[u8]) -> String {
    let units: Vec<u16> = v.chunks(2).map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0))).collect();
    String::from_utf16_lossy(&units)
}

/// Parses a CMap's codespace ranges and its bfchar / bfrange entries; bad entries are skipped.
fn parse_cmap(bytes: &[u8]) -> CMap {
    let toks = tokens(bytes);
    let mut cmap = CMap::default();
    let mut i = 0;
    let word = |t: &Tok, w: &str| matches!(t, Tok::Word(x) if x == w);
    while i < toks.len() && cmap.map.len() < MAX_CMAP_ENTRIES {
        if word(&toks[i], "begincodespacerange") {
            i += 1;
            while i + 1 < toks.len() && !word(&toks[i], "endcodespacerange") {
                if let (Tok::Hex(lo), Tok::Hex(hi)) = (&toks[i], &toks[i + 1])
                    && !lo.is_empty()
                    && lo.len() <= 4
                {
                    cmap.ranges.push((lo.len(), code_of(lo), code_of(hi)));
                }
                i += 2;
            }
        } else if word(&toks[i], "beginbfchar") {
            i += 1;
            while i + 1 < toks.len() && !word(&toks[i], "endbfchar") {
                if let (Tok::Hex(src), Tok::Hex(dst)) = (&toks[i], &toks[i + 1])
                    && !src.is_empty()
                    && src.len() <= 4
                {
                    cmap.map.insert((u8::try_from(src.len()).unwrap_or(4), code_of(src)), utf16be(dst));
                }
                i += 2;
            }
        } else if word(&toks[i], "beginbfrange") {
            i += 1;
            while i + 2 < toks.len() && !word(&toks[i], "endbfrange") {
                let (Tok::Hex(lo), Tok::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                    i += 1;
                    continue;
                };
                let len = u8::try_from(lo.len().clamp(1, 4)).unwrap_or(4);
                let (lo, hi) = (code_of(lo), code_of(hi));
                let count = hi.saturating_sub(lo).min(65_535);
                match &toks[i + 2] {
                    Tok::Hex(dst) if !dst.is_empty() => {
                        let mut units: Vec<u16> = dst
                            .chunks(2)
                            .map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0)))
                            .collect();
                        for k in 0..=count {
                            if cmap.map.len() >= MAX_CMAP_ENTRIES {
                                break;
                            }
                            cmap.map.insert((len, lo + k), String::from_utf16_lossy(&units));
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(1);
                            }
                        }
                        i += 3;
                    }
                    Tok::Open => {
                        let mut j = i + 3;
                        let mut k = 0;
                        while j < toks.len() && toks[j] != Tok::Close {
                            if let Tok::Hex(dst) = &toks[j]
                                && k <= count
                            {
                                cmap.map.insert((len, lo + k), utf16be(dst));
                            }
                            k += 1;
                            j += 1;
                        }
                        i = j + 1;
                    }
                    _ => i += 3,
                }
            }
        }
        i += 1;
    }
    cmap
}

/// Reads a CID font's `/W` array: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i + 1 < w.len() && out.len() < MAX_CMAP_ENTRIES {
        let Some(first) = deref(doc, Some(&w[i])).and_then(number) else { break };
        let first = first.max(0.0) as u32;
        match deref(doc, Some(&w[i + 1])) {
            Some(Object::Array(ws)) => {
                for (k, x) in ws.iter().enumerate() {
                    if let (Some(x), Ok(k)) = (deref(doc, Some(x)).and_then(number), u32::try_from(k)) {
                        out.insert(first + k, x);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(o).unwrap_or(0.0).max(0.0) as u32;
                let width = w.get(i + 2).and_then(|x| deref(doc, Some(x))).and_then(number).unwrap_or(1000.0);
                for c in first..=last.min(first.saturating_add(65_535)) {
                    out.insert(c, width);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// Follows references (a bounded number of them).
pub(super) fn deref<'a>(doc: &'a Document, mut o: Option<&'a Object>) -> Option<&'a Object> {
    for _ in 0..16 {
        match o {
            Some(Object::Reference(id)) => o = doc.get_object(*id).ok(),
            other => return other,
        }
    }
    None
}

/// A number object's value.
pub(super) fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)).filter(|r| r.is_finite()),
        _ => None,
    }
}

fn name(doc: &Document, o: Option<&Object>) -> Option<String> {
    match deref(doc, o) {
        Some(Object::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bfchar_and_bfrange() {
        let cmap = parse_cmap(
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <01A2> <653F> endbfchar\n\
              2 beginbfrange <0010> <0012> <0030> <0100> <0101> [<4E00> <4E8C>] endbfrange",
        );
        assert_eq!(cmap.ranges, vec![(2, 0, 0xFFFF)]);
        let get = |c: u32| cmap.map.get(&(2, c)).cloned();
        assert_eq!(get(3).as_deref(), Some(" "));
        assert_eq!(get(0x1A2).as_deref(), Some("政"));
        assert_eq!(get(0x12).as_deref(), Some("2"));
        assert_eq!(get(0x101).as_deref(), Some("二"));
        assert_eq!(get(0x13), None);
    }

    #[test]
    fn predefined_cmaps_decode_without_a_to_unicode() {
        let mut font = Font::missing();
        (font.codes, font.fallback, font.widths_by_code, font.vertical) = predefined("UniGB-UCS2-H");
        let mut out = Vec::new();
        font.glyphs(&[0x65, 0x3F, 0x00, 0x31], &mut out);
        let text: String = out.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "政1");
        assert_eq!(out[1].width, 500.0);
        (font.codes, font.fallback, font.widths_by_code, font.vertical) = predefined("GBK-EUC-H");
        out.clear();
        let (gbk, _, _) = encoding_rs::GBK.encode("年度3");
        font.glyphs(&gbk, &mut out);
        assert_eq!(out.iter().map(|g| g.text.as_str()).collect::<String>(), "年度3");
        (font.codes, font.fallback, font.widths_by_code, font.vertical) = predefined("Identity-H");
        out.clear();
        font.glyphs(&[0, 5, 0], &mut out);
        assert!(out.iter().all(|g| g.unmapped) && out.len() == 2);
    }

    #[test]
    fn garbage_cmaps_never_panic() {
        for bytes in [&b"beginbfrange <FFFFFFFF> <0000> <"[..], b"beginbfchar <> <>", b"<<<>>>[[]]((", b"<0"] {
            let _ = parse_cmap(bytes);
        }
    }
}
