//! Report file → text: the parser side's only file I/O.
//!
//! This module owns reading a report file and turning it into the one text layout the parser reads
//! (the layout of the seed reports):
//!
//! - a paragraph is one line, never starting with a TAB;
//! - a table is preceded and followed by a blank line; each row is a group of lines and rows are
//!   separated by one blank line; each cell starts a line with a TAB (`\t` + text), a cell's further
//!   paragraphs continue on the next lines without a TAB, and an empty cell is a line holding `\t`;
//! - a merged cell is the one cell the source holds; nested tables' rows join the outer table's rows.
//!
//! Formats are sniffed from the content first (zip with `word/document.xml` → DOCX, `%PDF-` → PDF read by
//! `load/pdf.rs`, `<html`/`<table`/`<!doctype html` near the start → HTML, else text), the file name's
//! extension second. Text is decoded by [`decode`]: BOM, UTF-16 without BOM, UTF-8, else a chardetng
//! guess (GBK and GB2312 read as GB18030). Text files are returned as they are, with line ends made
//! `\n`; HTML (`load/html.rs`) and DOCX (`load/docx.rs`) are flattened by `load/layout.rs`.

mod charset;
mod docx;
mod html;
mod layout;
#[cfg(feature = "pdf")]
pub mod pdf;

use std::path::{Path, PathBuf};

/// What a report file was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// `text`, `html`, `docx` or `pdf`.
    pub format: &'static str,
    /// The encoding the bytes were decoded from: `utf-8`, `gb18030`, `utf-16le`, `utf-16be`, `big5`,
    /// or another WHATWG encoding name; `utf-8` for DOCX.
    pub encoding: String,
    /// The text in the flattened layout (see the module documentation).
    pub text: String,
}

/// Why a file could not be read as a report. Every variant carries the file ([`LoadError::path`]); the
/// message is the reason alone, so that `path: reason` is printed with the path once.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read from disk.
    #[error("cannot read the file: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        error: std::io::Error,
    },
    /// A format that is not read directly (PDF, legacy .doc, spreadsheets, images …).
    #[error("{what} is not read directly; {hint}")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What the file is, e.g. `PDF`.
        what: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
    /// A zip archive that is not a readable Word .docx.
    #[error("cannot read it as a Word .docx: {reason}")]
    BadDocx {
        /// The file.
        path: PathBuf,
        /// What is wrong with the archive or its XML.
        reason: String,
    },
    /// Binary data that is neither text, HTML nor DOCX.
    #[error("this is binary data, not a text, HTML or .docx report")]
    NotAReport {
        /// The file.
        path: PathBuf,
    },
    /// A PDF that cannot be read (encrypted, damaged, a scan, past a limit).
    #[cfg(feature = "pdf")]
    #[error("{reason}")]
    BadPdf {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: pdf::PdfError,
    },
    /// Not a regular file (a folder, a FIFO, a device), or larger than a report can be.
    #[error("{reason}")]
    NotRead {
        /// The file.
        path: PathBuf,
        /// Why it is not read.
        reason: String,
    },
    /// The file holds no text.
    #[error("the file holds no text")]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

impl LoadError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Unsupported { path, .. }
            | LoadError::BadDocx { path, .. }
            | LoadError::NotAReport { path }
            | LoadError::NotRead { path, .. }
            | LoadError::Empty { path } => path,
            #[cfg(feature = "pdf")]
            LoadError::BadPdf { path, .. } => path,
        }
    }
}

/// Extensions the directory indexer reads (compared case-insensitively).
const EXTENSIONS: [&str; 10] = ["txt", "text", "md", "markdown", "htm", "html", "shtml", "xhtml", "docx", "pdf"];

/// Whether the file's extension is one the indexer reads: txt, text, md, markdown (read as text), htm,
/// html, shtml, xhtml, docx, pdf (any case). A folder's own Markdown documentation (README.md,
/// CHANGELOG.md, CONTRIBUTING.md, LICENSE.md) is not a report.
#[must_use]
pub fn is_supported_extension(path: &Path) -> bool {
    const DOCS: [&str; 4] = ["readme", "changelog", "contributing", "license"];
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_ascii_lowercase();
    let markdown = ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown");
    EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(ext)) && !(markdown && DOCS.contains(&stem.as_str()))
}

/// Reads a report file and returns its text in the flattened layout.
///
/// # Errors
/// [`LoadError`] naming the file: it cannot be read, is a PDF or another unsupported format, is a
/// broken .docx, is binary data, or holds no text.
pub fn load_path(path: &Path) -> Result<Source, LoadError> {
    let meta = std::fs::metadata(path).map_err(|error| LoadError::Io { path: path.to_path_buf(), error })?;
    if let Some(reason) = not_read(&meta) {
        return Err(LoadError::NotRead { path: path.to_path_buf(), reason });
    }
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io { path: path.to_path_buf(), error })?;
    load_bytes(&bytes, &path.display().to_string())
}

/// The largest file read as a report: 50 MB (a report is a few hundred KB; a scanned PDF a few MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file is not read at all, told before reading it: not a regular file (a FIFO would block, a
/// device never ends), or past [`MAX_FILE_BYTES`].
#[must_use]
pub fn not_read(meta: &std::fs::Metadata) -> Option<String> {
    if !meta.is_file() {
        return Some("not a regular file (a folder, FIFO or device), not read".into());
    }
    (meta.len() > MAX_FILE_BYTES).then(|| {
        format!("{} MB, larger than a report can be ({} MB at most), not read", meta.len() >> 20, MAX_FILE_BYTES >> 20)
    })
}

/// Reads a report held in memory; `name_hint` (a file name or path) gives the extension used when
/// the content does not show the format, and names the file in errors.
///
/// # Errors
/// As [`load_path`], except for I/O errors.
pub fn load_bytes(bytes: &[u8], name_hint: &str) -> Result<Source, LoadError> {
    let path = PathBuf::from(name_hint);
    #[cfg(feature = "pdf")]
    if pdf::is_pdf(bytes) {
        let text = pdf::text(bytes).map_err(|reason| LoadError::BadPdf { path: path.clone(), reason })?;
        if text.trim().is_empty() {
            return Err(LoadError::Empty { path });
        }
        return Ok(Source { format: "pdf", encoding: "utf-8".into(), text });
    }
    if let Some((what, hint)) = unsupported(bytes) {
        return Err(LoadError::Unsupported { path, what, hint });
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let html = !zip && html::looks_like_html(bytes);
    let source = if zip || (!html && ext == "docx") {
        load_docx(bytes, &path)?
    } else if html || matches!(ext.as_str(), "htm" | "html" | "shtml" | "xhtml") {
        let (text, encoding) = html::text(bytes);
        Source { format: "html", encoding, text }
    } else {
        let (text, encoding) = decode(bytes);
        if charset::looks_binary(&text) {
            return Err(LoadError::NotAReport { path });
        }
        Source { format: "text", encoding: encoding.to_string(), text: text.replace("\r\n", "\n").replace('\r', "\n") }
    };
    if source.text.trim().is_empty() {
        return Err(LoadError::Empty { path });
    }
    Ok(source)
}

fn load_docx(bytes: &[u8], path: &Path) -> Result<Source, LoadError> {
    match docx::text(bytes) {
        Ok(text) => Ok(Source { format: "docx", encoding: "utf-8".into(), text }),
        Err(docx::Problem::Bad(reason)) => Err(LoadError::BadDocx { path: path.to_path_buf(), reason }),
        Err(docx::Problem::Other { what, hint }) => {
            Err(LoadError::Unsupported { path: path.to_path_buf(), what, hint })
        }
    }
}

/// Formats recognised by their first bytes that are not read: what they are and what to do.
fn unsupported(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    const OFFICE: &str = "save it as .docx, HTML or text first (e.g. `libreoffice --headless --convert-to docx FILE`)";
    const NOT_REPORT: &str = "a report must be a text, HTML or .docx file";
    let head = &bytes[..bytes.len().min(1024)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    if head[start..].starts_with(b"%PDF") || head.windows(5).any(|w| w == b"%PDF-") {
        if cfg!(feature = "pdf") {
            return Some(("PDF", "it lacks the `%PDF-` header; save it again from the original"));
        }
        return Some(("PDF", "this gongkai was built without the `pdf` feature; build it with default features"));
    }
    let magic: [(&[u8], &'static str, &'static str); 9] = [
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a legacy Office file (.doc/.xls/.wps)", OFFICE),
        (b"{\\rtf", "an RTF document", OFFICE),
        (b"\x89PNG", "an image (PNG)", NOT_REPORT),
        (b"\xFF\xD8\xFF", "an image (JPEG)", NOT_REPORT),
        (b"GIF8", "an image (GIF)", NOT_REPORT),
        (b"Rar!", "a RAR archive", "unpack it first"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive", "unpack it first"),
        (b"\x1F\x8B", "a gzip archive", "unpack it first"),
        (b"\x7FELF", "a program (ELF)", NOT_REPORT),
    ];
    magic.iter().find(|(m, _, _)| bytes.starts_with(m)).map(|(_, what, hint)| (*what, *hint))
}

/// Decodes text bytes and names the encoding. Never fails: undecodable bytes become U+FFFD.
///
/// In order: a BOM (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without a BOM, told by its zero bytes at
/// every other position or by decoding to CJK text; UTF-8 (a few stray invalid bytes in otherwise
/// UTF-8 text are tolerated); else chardetng's guess, with GBK, GB2312 and GB18030 all read and
/// reported as `gb18030`.
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text.into_owned(), charset::label(enc));
    }
    if let Some(enc) = charset::utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), charset::label(enc));
    }
    if charset::is_mostly_utf8(bytes) {
        return (String::from_utf8_lossy(bytes).into_owned(), "utf-8");
    }
    let enc = charset::guess_legacy(bytes);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), charset::label(enc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LINE: &str = "刘集镇2020年度政府信息公开年报。本年度报告根据《中华人民共和国政府信息公开条例》编制。";

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(decode(LINE.as_bytes()), (LINE.to_string(), "utf-8"));
        assert_eq!(decode(&[b"\xEF\xBB\xBF", LINE.as_bytes()].concat()), (LINE.to_string(), "utf-8"));
    }

    #[test]
    fn decodes_gb18030_and_reports_it() {
        let (bytes, _, _) = encoding_rs::GB18030.encode(LINE);
        assert_eq!(decode(&bytes), (LINE.to_string(), "gb18030"));
        let (gbk, _, _) = encoding_rs::GBK.encode("一、总体情况\n本机关主动公开政府信息1036条。\n");
        assert_eq!(decode(&gbk).1, "gb18030");
    }

    #[test]
    fn decodes_utf16_with_and_without_bom() {
        let le: Vec<u8> = LINE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = LINE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&[&[0xFF, 0xFE][..], &le].concat()), (LINE.to_string(), "utf-16le"));
        assert_eq!(decode(&[&[0xFE, 0xFF][..], &be].concat()), (LINE.to_string(), "utf-16be"));
        assert_eq!(decode(&le), (LINE.to_string(), "utf-16le"));
        assert_eq!(decode(&be), (LINE.to_string(), "utf-16be"));
    }

    #[test]
    fn decodes_utf16_without_ascii_and_never_mistakes_gbk_for_it() {
        let cjk = "政府信息公开工作年度报告主动公开规章";
        let le: Vec<u8> = cjk.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le), (cjk.to_string(), "utf-16le"));
        let lines =
            ["一、总体情况", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "规章 0 0 0", "Total 12"];
        for l in lines {
            let (gbk, _, _) = encoding_rs::GBK.encode(l);
            assert_eq!(decode(&gbk).0, l, "{l}");
        }
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let bytes = [LINE.as_bytes(), b"\xFF", LINE.as_bytes()].concat();
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, "utf-8");
        assert_eq!(text, format!("{LINE}\u{FFFD}{LINE}"));
    }

    #[test]
    fn a_burst_of_garbage_in_utf8_stays_utf8() {
        let long = LINE.repeat(40);
        let burst: Vec<u8> = (0..150u8).map(|k| 0x80 + (k % 64)).collect();
        let bytes = [long.as_bytes(), &burst, long.as_bytes()].concat();
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, "utf-8");
        assert!(text.starts_with(&long) && text.ends_with(&long));
        assert!(load_bytes(&bytes, "a.txt").is_ok_and(|s| s.encoding == "utf-8"), "not taken for binary data");
        // GBK text is still told apart.
        let (gbk, _, _) = encoding_rs::GBK.encode(&long);
        assert_eq!(decode(&gbk), (long.clone(), "gb18030"));
    }

    #[test]
    fn short_garbage_decodes_without_failing() {
        for bytes in [&[0xFF, 0x00, 0x81, 0x30, 0xC0][..], &[0x80], &[], &[0xFE], &[0, 0, 0]] {
            let (text, enc) = decode(bytes);
            assert!(!enc.is_empty());
            assert!(text.len() <= bytes.len() * 3 + 3);
        }
    }

    #[test]
    fn text_files_keep_their_text_with_unix_line_ends() {
        let src = load_bytes("一、总体情况\r\n\t规章\r\n\t3\r正文  ".as_bytes(), "a.txt").ok();
        let src = src.unwrap_or_else(|| panic!("text should load"));
        assert_eq!((src.format, src.encoding.as_str()), ("text", "utf-8"));
        assert_eq!(src.text, "一、总体情况\n\t规章\n\t3\n正文  ");
    }

    /// `path: reason`, as the CLI prints an error.
    fn named(e: LoadError) -> String {
        format!("{}: {e}", e.path().display())
    }

    #[test]
    #[cfg(feature = "pdf")]
    fn a_damaged_pdf_is_named() {
        let e = load_bytes(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "r.pdf").err().map(named);
        let e = e.unwrap_or_default();
        assert!(e.starts_with("r.pdf: ") && e.contains("PDF") && e.contains("damaged"), "{e}");
    }

    #[test]
    fn other_formats_are_refused_with_a_hint() {
        let e = load_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", "r.doc").err().map(|e| e.to_string());
        assert!(e.unwrap_or_default().contains(".docx"));
        assert!(matches!(load_bytes(b"  \n\t", "e.txt"), Err(LoadError::Empty { .. })));
        assert!(matches!(load_bytes(b"", "e.txt"), Err(LoadError::Empty { .. })));
        let binary: Vec<u8> = (0u8..=255).cycle().take(4000).collect();
        assert!(matches!(load_bytes(&binary, "b.txt"), Err(LoadError::NotAReport { .. })));
    }

    #[test]
    fn sniffs_content_before_extension() {
        let page = "\u{feff}  <!DOCTYPE html><html><body><p>一、总体情况</p></body></html>";
        let src = load_bytes(page.as_bytes(), "report.txt").ok().map(|s| (s.format, s.text));
        assert_eq!(src, Some(("html", "一、总体情况\n".to_string())));
        let src = load_bytes("一、总体情况".as_bytes(), "report.html").ok().map(|s| s.format);
        assert_eq!(src, Some("html"));
        let e = load_bytes("一、总体情况".as_bytes(), "report.docx").err().map(named);
        assert!(e.unwrap_or_default().contains("report.docx"));
    }

    #[test]
    fn docx_is_read_and_a_zip_without_document_xml_names_the_file() {
        let body = "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let src = load_bytes(&docx::tests::docx(body, &[]), "报告.bin").ok();
        let src = src.map(|s| (s.format, s.encoding, s.text));
        assert_eq!(src, Some(("docx", "utf-8".to_string(), "一、总体情况\n\n\t规章\n".to_string())));
        let e = load_bytes(&docx::tests::zip_of(&[("a.txt", "x")]), "dir/报告.docx").err();
        assert!(matches!(&e, Some(LoadError::BadDocx { path, .. }) if path == Path::new("dir/报告.docx")));
        let msg = e.map(named).unwrap_or_default();
        assert!(msg.starts_with("dir/报告.docx: ") && msg.contains("word/document.xml"), "{msg}");
    }

    #[test]
    fn supported_extensions() {
        for ok in ["a/B.HTML", "x.docx", "x.txt", "x.Text", "x.htm", "x.shtml", "x.xhtml", "x.md", "x.MD"] {
            assert!(is_supported_extension(Path::new(ok)), "{ok}");
        }
        assert!(is_supported_extension(Path::new("x.PDF")));
        for no in ["README", "x.doc", "txt", "reports/README.md", "CHANGELOG.markdown"] {
            assert!(!is_supported_extension(Path::new(no)), "{no}");
        }
    }

    #[test]
    #[cfg(unix)]
    fn fifos_and_devices_are_not_read() {
        let e = load_path(Path::new("/dev/zero")).err().map(named).unwrap_or_default();
        assert!(e.starts_with("/dev/zero: not a regular file"), "{e}");
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let big = dir.path().join("big.txt");
        let f = std::fs::File::create(&big).unwrap_or_else(|e| panic!("{e}"));
        f.set_len(MAX_FILE_BYTES + 1).unwrap_or_else(|e| panic!("{e}"));
        let e = load_path(&big).err().map(named).unwrap_or_default();
        assert!(e.contains("larger than a report can be"), "{e}");
    }

    #[test]
    fn a_missing_file_is_an_io_error_naming_it() {
        let e = load_path(Path::new("/nonexistent/报告.txt")).err().map(named).unwrap_or_default();
        assert!(e.contains("/nonexistent/报告.txt") && e.contains("cannot read"), "{e}");
    }

    proptest! {
        #[test]
        fn load_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = load_bytes(&bytes, "x.txt");
            let _ = load_bytes(&bytes, "x.docx");
            let _ = load_bytes(&[b"PK\x03\x04", &bytes[..]].concat(), "x");
            let _ = load_bytes(&[b"<html>", &bytes[..]].concat(), "x");
            let _ = decode(&bytes);
        }

        #[test]
        fn html_like_text_never_panics(s in "(<(/?)(table|tr|td|th|p|br|div|pre|script|caption|b) ?(colspan=2|hidden)?>|[a-z一二\t\n &;]){0,80}") {
            let _ = load_bytes(s.as_bytes(), "x.html");
        }
    }
}
