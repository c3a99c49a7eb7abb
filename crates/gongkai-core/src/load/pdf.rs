//! PDF reports, read directly: lopdf parses the file (cross-reference repair, object streams,
//! filters, the standard security handler with an empty user password, bounded decompression);
//! `pdf/page.rs` interprets each page's content stream into placed characters and ruling lines;
//! `pdf/font.rs` maps character codes to Unicode; `pdf/grid.rs` rebuilds lines, paragraphs and
//! tables from the geometry into the flattened layout the parser reads.
//!
//! Limits, per file ([`Limits`]): pages, bytes for any one decompressed stream, bytes of content
//! in all, content operators, and time; past any of them the file gets a named error instead of a
//! result, and an index run goes on with the next file.

mod borderless;
mod font;
mod grid;
mod page;

use std::time::{Duration, Instant};

/// What reading one file may spend; past any of it the file gets [`PdfError::TooLarge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most pages read.
    pub pages: usize,
    /// Most bytes one stream may decompress to.
    pub stream_bytes: usize,
    /// Most bytes of page content in all.
    pub total_bytes: usize,
    /// Most content-stream operators interpreted.
    pub operators: usize,
    /// Longest time spent.
    pub time: Duration,
}

impl Default for Limits {
    /// 2,000 pages, 32 MB a stream, 256 MB of content, 20 million operators, 20 seconds: far above
    /// any annual report (a few to a hundred pages), far below what would stall an index run.
    fn default() -> Self {
        Self {
            pages: 2_000,
            stream_bytes: 32 << 20,
            total_bytes: 256 << 20,
            operators: 20_000_000,
            time: Duration::from_secs(20),
        }
    }
}

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
    limits: Limits,
    bytes_left: usize,
    ops_left: usize,
    deadline: Instant,
}

impl Budget {
    fn new(limits: Limits) -> Self {
        Self {
            stream_limit: limits.stream_bytes,
            limits,
            bytes_left: limits.total_bytes,
            ops_left: limits.operators,
            deadline: Instant::now() + limits.time,
        }
    }

    pub(crate) fn spend_bytes(&mut self, n: usize) -> Result<(), PdfError> {
        let total = self.limits.total_bytes;
        self.bytes_left = self
            .bytes_left
            .checked_sub(n)
            .ok_or_else(|| PdfError::TooLarge(format!("more than {} MB of page content", total >> 20)))?;
        self.check_time()
    }

    pub(crate) fn spend_op(&mut self) -> Result<(), PdfError> {
        let most = self.limits.operators;
        self.ops_left = self
            .ops_left
            .checked_sub(1)
            .ok_or_else(|| PdfError::TooLarge(format!("more than {most} drawing operations")))?;
        if self.ops_left.is_multiple_of(4096) { self.check_time() } else { Ok(()) }
    }

    fn check_time(&self) -> Result<(), PdfError> {
        if Instant::now() > self.deadline {
            let secs = self.limits.time.as_secs_f64();
            return Err(PdfError::TooLarge(format!("reading took longer than {secs} s")));
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
    text_with(bytes, Limits::default())
}

/// As [`text`], within the given limits.
///
/// # Errors
/// As [`text`].
pub fn text_with(bytes: &[u8], limits: Limits) -> Result<String, PdfError> {
    let mut budget = Budget::new(limits);
    let options = lopdf::LoadOptions { max_decompressed_size: Some(limits.stream_bytes), ..Default::default() };
    let doc = match lopdf::Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(e) => return Err(load_error(&e)),
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    // Each page object once, in order (a page tree that loops lists pages again).
    let mut seen = std::collections::HashSet::new();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().filter(|id| seen.insert(*id)).collect();
    if pages.is_empty() {
        return Err(PdfError::Corrupt("no pages".into()));
    }
    if pages.len() > limits.pages {
        return Err(PdfError::TooLarge(format!("{} pages (at most {})", pages.len(), limits.pages)));
    }
    budget.check_time()?;
    let mut read = Vec::with_capacity(pages.len());
    for id in &pages {
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
