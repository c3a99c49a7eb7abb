//! PDF reports, read directly: lopdf parses the file (cross-reference repair, object streams,
//! filters, the standard security handler with an empty user password, bounded decompression);
//! `pdf/page.rs` interprets each page's content stream into placed characters and ruling lines;
//! `pdf/font.rs` maps character codes to Unicode; `pdf/grid.rs` rebuilds lines, paragraphs and
//! tables from the geometry into the flattened layout the parser reads.
//!
//! Limits, per file: [`MAX_PAGES`] pages, [`STREAM_LIMIT`] bytes for any one decompressed stream,
//! [`TOTAL_LIMIT`] bytes of content in all, [`MAX_OPS`] content operators, and [`TIME_LIMIT`]; past
//! any of them the file gets a named error instead of a result.

mod font;
mod grid;
mod page;

use std::time::{Duration, Instant};

/// Most pages read from one file.
pub const MAX_PAGES: usize = 500;
/// Most bytes one stream may decompress to.
pub const STREAM_LIMIT: usize = 32 << 20;
/// Most bytes of page content read from one file.
pub const TOTAL_LIMIT: usize = 128 << 20;
/// Most content-stream operators interpreted in one file.
pub const MAX_OPS: usize = 5_000_000;
/// Longest time spent on one file.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The file is encrypted with a password.
    #[error("the PDF is encrypted with a password; save an unprotected copy first")]
    Encrypted,
    /// The file is damaged past repair.
    #[error("the PDF is damaged or truncated: {0}")]
    Corrupt(String),
    /// No page has text: a scan.
    #[error("no text layer: a scanned image, OCR needed")]
    NoText,
    /// Text is drawn in fonts whose codes cannot be mapped to characters.
    #[error("the PDF's fonts carry no Unicode mapping ({0} of its characters are unreadable)")]
    Unmapped(usize),
    /// A limit was passed.
    #[error("the PDF is too large to read: {0}")]
    TooLarge(String),
}

/// What reading a file may still spend.
#[derive(Debug)]
pub(crate) struct Budget {
    pub(crate) stream_limit: usize,
    bytes_left: usize,
    ops_left: usize,
    deadline: Instant,
}

impl Budget {
    fn new() -> Self {
        Self {
            stream_limit: STREAM_LIMIT,
            bytes_left: TOTAL_LIMIT,
            ops_left: MAX_OPS,
            deadline: Instant::now() + TIME_LIMIT,
        }
    }

    pub(crate) fn spend_bytes(&mut self, n: usize) -> Result<(), PdfError> {
        self.bytes_left = self
            .bytes_left
            .checked_sub(n)
            .ok_or_else(|| PdfError::TooLarge(format!("more than {} MB of page content", TOTAL_LIMIT >> 20)))?;
        Ok(())
    }

    pub(crate) fn spend_op(&mut self) -> Result<(), PdfError> {
        self.ops_left = self
            .ops_left
            .checked_sub(1)
            .ok_or_else(|| PdfError::TooLarge(format!("more than {MAX_OPS} drawing operations")))?;
        if self.ops_left.is_multiple_of(4096) && Instant::now() > self.deadline {
            return Err(PdfError::TooLarge(format!("reading took longer than {} s", TIME_LIMIT.as_secs())));
        }
        Ok(())
    }
}

/// Whether the bytes are a PDF file (`%PDF-` within the first KiB).
#[must_use]
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads a PDF into the flattened text layout.
///
/// # Errors
/// [`PdfError`]: encrypted, damaged, scanned (no text), unmapped fonts, or past a limit.
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    let mut budget = Budget::new();
    let options = lopdf::LoadOptions { max_decompressed_size: Some(STREAM_LIMIT), ..Default::default() };
    let doc = match lopdf::Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(e) => return Err(load_error(&e)),
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::Corrupt("no pages".into()));
    }
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooLarge(format!("{} pages (at most {MAX_PAGES})", pages.len())));
    }
    let mut read = Vec::with_capacity(pages.len());
    for id in pages.values() {
        read.push(page::read(&doc, *id, &mut budget)?);
    }
    let chars: usize = read.iter().map(|p| p.chars.len()).sum();
    let unmapped: usize = read.iter().map(|p| p.unmapped).sum();
    if chars == 0 && unmapped == 0 {
        return Err(PdfError::NoText);
    }
    if unmapped * 2 > chars {
        return Err(PdfError::Unmapped(unmapped));
    }
    Ok(grid::flatten(&read))
}

fn load_error(e: &lopdf::Error) -> PdfError {
    let msg = e.to_string();
    let lower = msg.to_lowercase();
    if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt") {
        PdfError::Encrypted
    } else if lower.contains("limit") {
        PdfError::TooLarge(msg)
    } else {
        PdfError::Corrupt(msg)
    }
}
