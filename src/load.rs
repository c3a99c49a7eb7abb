//! Report file → text: the parser side's only file I/O.
//!
//! Text files are decoded (BOM, UTF-16 without BOM, UTF-8, else a chardetng guess: GB18030 for
//! GBK/GB2312 too). HTML and DOCX are flattened into the layout the parser reads: paragraphs one per
//! line; a table between blank lines, a row per group of lines, each cell starting a line with a TAB,
//! a cell's further lines continuing without one, rows separated by a blank line.

mod docx;
mod html;

use std::path::{Path, PathBuf};

/// A file read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// `text`, `html` or `docx`.
    pub format: &'static str,
    /// The detected encoding (`utf-8`, `gb18030`, `utf-16le`, `utf-16be`, `big5` …).
    pub encoding: String,
    /// The text in the flattened layout.
    pub text: String,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// A PDF (or another format not read directly).
    #[error("{}: {what} is not read directly; {hint}", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What it is.
        what: &'static str,
        /// What to do.
        hint: &'static str,
    },
    /// A DOCX that cannot be read.
    #[error("{}: not a readable DOCX: {reason}", path.display())]
    BadDocx {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Nothing in it.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

/// Extensions the indexer reads (case-insensitive).
const EXTENSIONS: [&str; 7] = ["txt", "text", "htm", "html", "shtml", "xhtml", "docx"];

/// Whether the directory walker should read this file.
#[must_use]
pub fn is_supported_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads a file.
///
/// # Errors
/// [`LoadError`] naming the file.
pub fn load_path(path: &Path) -> Result<Source, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    load_bytes(&bytes, &path.display().to_string())
}

/// Reads a file's bytes; `name` is used for the extension and in errors.
///
/// # Errors
/// [`LoadError`] naming the file.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Source, LoadError> {
    let path = PathBuf::from(name);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty { path });
    }
    if bytes.starts_with(b"%PDF") {
        let hint = "convert it with `pdftotext -layout FILE.pdf FILE.txt` and read the text";
        return Err(LoadError::Unsupported { path, what: "PDF", hint });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let text = docx::text(bytes).map_err(|reason| LoadError::BadDocx { path, reason })?;
        return Ok(Source { format: "docx", encoding: "utf-8".into(), text });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let hint = "save it as .docx (or text) first";
        return Err(LoadError::Unsupported { path, what: "a legacy Word .doc file", hint });
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    if html::looks_like_html(bytes) || matches!(ext.as_str(), "htm" | "html" | "shtml" | "xhtml") {
        let (text, encoding) = html::text(bytes);
        return Ok(Source { format: "html", encoding, text });
    }
    let (text, encoding) = decode(bytes);
    Ok(Source { format: "text", encoding: encoding.to_string(), text: text.replace("\r\n", "\n").replace('\r', "\n") })
}

/// Decodes text bytes: BOM, UTF-16 by its zero bytes, UTF-8, else chardetng's guess. Never fails.
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), label(enc));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), label(enc));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "utf-8");
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let mut enc = det.guess(None, chardetng::Utf8Detection::Deny);
    if enc == encoding_rs::GBK || enc == encoding_rs::UTF_8 {
        enc = encoding_rs::GB18030;
    }
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), label(enc))
}

/// UTF-16 text without a BOM: its ASCII (digits, newlines, TABs) puts zero bytes in every other
/// position and almost never in the others, and it decodes to plausible text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let n = bytes.len().min(8192) / 2 * 2;
    if n < 8 {
        return None;
    }
    let sample = &bytes[..n];
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = n / 2;
    let enc = if odd * 20 > half && even < odd / 4 {
        encoding_rs::UTF_16LE
    } else if even * 20 > half && odd < even / 4 {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(sample);
    let plausible = text
        .chars()
        .filter(|c| {
            crate::parse::normalize::is_han(*c) || c.is_ascii_graphic() || c.is_whitespace() || is_cjk_punct(*c)
        })
        .count();
    (!had_errors && plausible * 10 >= text.chars().count() * 9).then_some(enc)
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2010}'..='\u{2027}')
}

fn label(enc: &'static encoding_rs::Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "utf-8",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        "GBK" | "gb18030" => "gb18030",
        "Big5" => "big5",
        _ => "other",
    }
}

/// Appends a table (rows of cells, each cell a list of lines) in the flattened layout.
fn push_table(out: &mut String, rows: &[Vec<Vec<String>>]) {
    if rows.iter().all(Vec::is_empty) {
        return;
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
    for row in rows.iter().filter(|r| !r.is_empty()) {
        for cell in row {
            out.push('\t');
            let lines: Vec<&String> = cell.iter().filter(|l| !l.trim().is_empty()).collect();
            out.push_str(&lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n"));
            out.push('\n');
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("刘集镇".as_bytes()), ("刘集镇".to_string(), "utf-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("刘集镇".as_bytes());
        assert_eq!(decode(&b), ("刘集镇".to_string(), "utf-8"));
    }

    #[test]
    fn gb18030_is_detected() {
        let line = "刘集镇2020年度政府信息公开年报。本年度报告根据《中华人民共和国政府信息公开条例》编制。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(line);
        assert_eq!(decode(&bytes), (line.to_string(), "gb18030"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let s = "政府信息公开工作年度报告 2020";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let ascii = "annual report 2020 text";
        let le_ascii: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&[&[0xFF, 0xFE][..], &le].concat()), (s.to_string(), "utf-16le"));
        assert_eq!(decode(&[&[0xFE, 0xFF][..], &be].concat()), (s.to_string(), "utf-16be"));
        assert_eq!(decode(&le_ascii), (ascii.to_string(), "utf-16le"));
    }

    #[test]
    fn garbage_decodes_without_failing() {
        let (t, _) = decode(&[0xFF, 0x00, 0x81, 0x30, 0xC0]);
        assert!(!t.is_empty());
    }

    #[test]
    fn pdf_and_doc_are_refused_with_a_hint() {
        let e = load_bytes(b"%PDF-1.7 ...", "r.pdf").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("r.pdf") && e.contains("pdftotext"), "{e}");
        let e = load_bytes(&[0xD0, 0xCF, 0x11, 0xE0, 1, 2], "r.doc").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains(".docx"), "{e}");
        assert!(matches!(load_bytes(b"  \n", "e.txt"), Err(LoadError::Empty { .. })));
    }

    #[test]
    fn supported_extensions() {
        assert!(is_supported_extension(Path::new("a/B.HTML")));
        assert!(is_supported_extension(Path::new("x.docx")));
        assert!(!is_supported_extension(Path::new("x.pdf")));
        assert!(!is_supported_extension(Path::new("README")));
    }
}
