//! PDFs that cannot give a report get a clear error naming the file, never a panic or a hang:
//! scans, passwords, damage, bombs, page floods, loops. The PDFs are built here with lopdf, or
//! are small fixtures made with reportlab (`tests/fixtures/`).

#![cfg(feature = "pdf")]

use gongkai::load::pdf::{self, Limits, PdfError};
use gongkai::load::{LoadError, load_bytes};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use proptest::prelude::*;
use std::path::Path;
use std::time::Duration;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).expect("fixture")
}

/// A document whose pages each draw `content` with a Helvetica font; `extra` adds to the page.
fn document(pages: usize, content: &[u8], extra: impl Fn(&mut Document, &mut Dictionary)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
    let mut kids = Vec::with_capacity(pages);
    for _ in 0..pages {
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        };
        extra(&mut doc, &mut page);
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let count = i64::try_from(pages).unwrap_or(0);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

const HELLO: &[u8] = b"BT /F1 12 Tf 72 760 Td (Annual report 2021) Tj ET";

fn error_of(bytes: &[u8], name: &str) -> String {
    match load_bytes(bytes, name) {
        Ok(src) => panic!("{name} should fail, read {:?}", src.text),
        Err(e) => format!("{}: {e}", e.path().display()),
    }
}

#[test]
fn a_simple_pdf_reads_with_winansi_text() {
    let text = pdf::text(&document(1, HELLO, |_, _| {})).expect("reads");
    assert_eq!(text, "Annual report 2021\n");
}

#[test]
fn a_scan_is_told_apart_and_needs_ocr() {
    let e = error_of(&fixture("scanned.pdf"), "dir/scan.pdf");
    assert_eq!(e, "dir/scan.pdf: no text layer: a scanned image, OCR needed");
}

#[test]
fn a_password_is_an_error_and_an_owner_only_lock_is_read() {
    let e = error_of(&fixture("encrypted.pdf"), "locked.pdf");
    assert!(e.starts_with("locked.pdf: ") && e.contains("encrypted"), "{e}");
    let text = pdf::text(&fixture("owner-password-only.pdf")).expect("empty user password opens it");
    assert!(text.contains("一、总体情况") && text.contains("120条"), "{text}");
}

#[test]
fn truncated_and_corrupt_files_name_the_damage() {
    let whole = document(2, HELLO, |_, _| {});
    for cut in [12, whole.len() / 3, whole.len() / 2] {
        let e = load_bytes(&whole[..cut], "cut.pdf").err();
        // lopdf repairs what it can: a cut file either reads what is left or is named as damaged.
        if let Some(e) = e {
            let e = format!("{}: {e}", e.path().display());
            assert!(e.starts_with("cut.pdf: ") && (e.contains("damaged") || e.contains("no text")), "{e}");
        }
    }
    let e = error_of(b"%PDF-1.4\n%garbage\x00\x01\x02 trailer <<>>", "bad.pdf");
    assert!(e.starts_with("bad.pdf: ") && e.contains("damaged"), "{e}");
}

#[test]
fn a_decompression_bomb_is_refused() {
    let mut bomb = Stream::new(Dictionary::new(), vec![b' '; 40 << 20]);
    bomb.compress().expect("compress");
    let bytes = document(1, b"", |doc, page| {
        let id = doc.add_object(bomb.clone());
        page.set("Contents", id);
    });
    assert!(bytes.len() < 1 << 20, "the bomb is small: {}", bytes.len());
    let e = pdf::text(&bytes).err();
    assert!(matches!(&e, Some(PdfError::TooLarge(_))), "{e:?}");
}

#[test]
fn too_many_pages_or_operators_or_too_long_is_refused() {
    let small = Limits { pages: 50, ..Limits::default() };
    let e = pdf::text_with(&document(10_000, HELLO, |_, _| {}), small).err();
    assert_eq!(e, Some(PdfError::TooLarge("10000 pages (at most 50)".into())));
    let busy = b"q Q ".repeat(5_000);
    let few_ops = Limits { operators: 1_000, ..Limits::default() };
    let e = pdf::text_with(&document(1, &busy, |_, _| {}), few_ops).err();
    assert_eq!(e, Some(PdfError::TooLarge("more than 1000 drawing operations".into())));
    let no_time = Limits { time: Duration::ZERO, ..Limits::default() };
    let e = pdf::text_with(&document(3, HELLO, |_, _| {}), no_time).err().map(|e| e.to_string());
    assert!(e.is_some_and(|e| e.contains("longer than")));
}

#[test]
fn a_form_that_draws_itself_and_a_looping_page_tree_end() {
    // A form XObject whose content draws itself.
    let bytes = document(1, b"/X1 Do", |doc, page| {
        let id = doc.new_object_id();
        let form = Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "X1" => id } } },
            b"BT /F1 12 Tf 72 700 Td (Form text) Tj ET /X1 Do".to_vec(),
        );
        doc.objects.insert(id, Object::Stream(form));
        if let Ok(Object::Dictionary(res)) = page.get_mut(b"Resources") {
            res.set("XObject", dictionary! { "X1" => id });
        }
    });
    let text = pdf::text(&bytes).expect("the form is drawn once");
    assert_eq!(text.matches("Form text").count(), 1, "{text}");
    // A page tree whose Kids include the tree itself.
    let mut doc = Document::load_mem(&document(1, HELLO, |_, _| {})).expect("load");
    let pages_id = doc.catalog().and_then(|c| c.get(b"Pages")).and_then(Object::as_reference).expect("pages");
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(pages_id)
        && let Ok(Object::Array(kids)) = d.get_mut(b"Kids")
    {
        kids.push(Object::Reference(pages_id));
    }
    let mut looped = Vec::new();
    doc.save_to(&mut looped).expect("save");
    match pdf::text(&looped) {
        Ok(text) => assert!(text.contains("Annual report 2021"), "{text}"),
        Err(e) => assert!(matches!(e, PdfError::Corrupt(_)), "{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Damage anywhere in a real-looking PDF never panics: flipped bytes, cuts, repeats.
    #[test]
    fn damaged_pdfs_never_panic(seed in any::<u64>(), flips in 1usize..40, cut in 0.2f64..1.0) {
        let base = sample();
        let mut bytes = base.clone();
        let mut x = seed | 1;
        for _ in 0..flips {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            let at = usize::try_from(x % bytes.len() as u64).unwrap_or(0);
            bytes[at] = u8::try_from(x >> 56).unwrap_or(0);
        }
        let keep = ((bytes.len() as f64) * cut) as usize;
        bytes.truncate(keep.max(8));
        let _ = load_bytes(&bytes, "x.pdf");
    }
}

/// A small sample PDF with a table (the uncompressed predefined-CMap one) to damage.
fn sample() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
            let mut pdfs: Vec<_> = std::fs::read_dir(&dir)
                .expect("sample-reports")
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .collect();
            pdfs.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(u64::MAX));
            std::fs::read(&pdfs[0]).expect("a sample PDF")
        })
        .clone()
}

#[test]
fn load_errors_are_bad_pdf_errors() {
    let e = load_bytes(&fixture("scanned.pdf"), "s.pdf").err();
    assert!(matches!(e, Some(LoadError::BadPdf { reason: PdfError::NoText, .. })));
}
