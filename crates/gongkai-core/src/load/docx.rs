//! Word .docx (Office Open XML) → the flattened text layout: `word/document.xml` streamed through
//! quick-xml.
//!
//! `w:p` is a line (its `w:t` texts joined; `w:tab` a space; `w:br`/`w:cr` a line break), keeping
//! its indentation; empty paragraphs stay as blank lines. `w:tbl`/`w:tr`/`w:tc` give the TAB layout, a cell's paragraphs
//! its lines; merged cells (`w:gridSpan`, `w:vMerge` continuations) are the cells the XML holds.
//! Deleted and moved-away text, hidden runs and `mc:Fallback` copies are skipped; inserted text is
//! kept.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::layout::Layout;

/// `word/document.xml` larger than this when unpacked is refused (a zip bomb, or not a report).
const MAX_XML: u64 = 64 * 1024 * 1024;

/// What is wrong with an archive.
#[derive(Debug)]
pub(super) enum Problem {
    /// Not a readable .docx: the reason, in words.
    Bad(String),
    /// Another kind of Office/zip document, and what to do about it.
    Other {
        /// What it is.
        what: &'static str,
        /// What to do.
        hint: &'static str,
    },
}

/// Extracts the text of a .docx held in memory.
pub(super) fn text(bytes: &[u8]) -> Result<String, Problem> {
    let xml = document_xml(bytes, MAX_XML)?;
    flatten(&xml).map_err(Problem::Bad)
}

/// The unpacked `word/document.xml`, refused when larger than `limit` bytes (checked against the
/// size the archive declares, and again while unpacking).
fn document_xml(bytes: &[u8], limit: u64) -> Result<String, Problem> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Problem::Bad(format!("it is not a readable zip archive ({e})")))?;
    let Some(index) = zip.index_for_name("word/document.xml") else {
        return Err(other_kind(&zip));
    };
    let mut file =
        zip.by_index(index).map_err(|e| Problem::Bad(format!("word/document.xml cannot be opened ({e})")))?;
    let too_big =
        || Problem::Bad(format!("word/document.xml unpacks to more than {limit} bytes; refused (a zip bomb?)"));
    if file.size() > limit {
        return Err(too_big());
    }
    let mut xml = Vec::new();
    file.by_ref()
        .take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| Problem::Bad(format!("word/document.xml cannot be unpacked ({e})")))?;
    if xml.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(match encoding_rs::Encoding::for_bom(&xml) {
        Some((enc, _)) => enc.decode_with_bom_removal(&xml).0.into_owned(),
        None => String::from_utf8_lossy(&xml).into_owned(),
    })
}

/// A zip archive without `word/document.xml`: what it probably is.
fn other_kind<R: std::io::Read + std::io::Seek>(zip: &zip::ZipArchive<R>) -> Problem {
    const SAVE: &str = "save it as .docx, HTML or text first";
    if zip.index_for_name("xl/workbook.xml").is_some() {
        Problem::Other { what: "an Excel .xlsx workbook", hint: SAVE }
    } else if zip.index_for_name("ppt/presentation.xml").is_some() {
        Problem::Other { what: "a PowerPoint .pptx file", hint: SAVE }
    } else if zip.index_for_name("content.xml").is_some() {
        Problem::Other { what: "an OpenDocument (.odt) file", hint: SAVE }
    } else {
        Problem::Bad("it is a zip archive without word/document.xml, so not a Word document".into())
    }
}

/// Walks the XML: paragraphs become lines, tables the TAB layout.
fn flatten(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut w = Walker { layout: Layout::new(true), ..Walker::default() };
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("word/document.xml is broken XML near byte {at}: {e}"))?;
        match event {
            Event::Start(e) => w.start(&e),
            Event::End(e) => w.end(e.name().into_inner()),
            Event::Text(t) => w.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = r.resolve_char_ref().ok().flatten().or(match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                });
                if let Some(c) = c {
                    w.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(w.finish())
}

/// The `WordprocessingML` element name (`w:` prefix, or none), if it is one.
fn word(name: &str) -> Option<&str> {
    match name.split_once(':') {
        Some(("w", local)) => Some(local),
        Some(_) => None,
        None => Some(name),
    }
}

/// Elements whose content is not in the document: deletions, moved-away text, fallback copies.
fn skipped(name: &str) -> bool {
    matches!(name, "w:del" | "w:moveFrom" | "mc:Fallback")
}

/// State of the walk through `document.xml`.
#[derive(Default)]
struct Walker {
    layout: Layout,
    /// Open paragraphs (text boxes nest them), innermost last.
    paras: Vec<String>,
    /// Inside `w:t`.
    in_text: bool,
    /// Depth of skipped elements.
    skip: usize,
    /// Depth of runs (`w:r`); tabs and breaks count only inside one.
    runs: usize,
    /// Depth of paragraph properties, whose `w:tab`s are tab stops, not text.
    props: usize,
    /// The current run is hidden (`w:vanish`).
    hidden: bool,
}

impl Walker {
    fn start(&mut self, e: &BytesStart<'_>) {
        let name = e.name().into_inner();
        if skipped(name) {
            self.skip += 1;
        }
        let Some(tag) = word(name).filter(|_| self.skip == 0) else { return };
        let in_run = self.runs > 0 && self.props == 0;
        match tag {
            "p" => self.paras.push(String::new()),
            "r" => self.runs += 1,
            "pPr" => self.props += 1,
            "t" => self.in_text = true,
            "tab" if in_run => self.push(" "),
            "br" | "cr" if in_run => self.push("\n"),
            "noBreakHyphen" if in_run => self.push("-"),
            "vanish" if in_run => self.hidden = !is_off(e),
            "tbl" => self.layout.open_table(),
            "tr" => self.layout.open_row(),
            "tc" => self.layout.open_cell(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        let skipping = self.skip > 0;
        if skipped(name) {
            self.skip = self.skip.saturating_sub(1);
        }
        let Some(tag) = word(name).filter(|_| !skipping) else { return };
        match tag {
            "p" => {
                let text = self.paras.pop().unwrap_or_default();
                self.layout.paragraph(&text);
            }
            "r" => {
                self.runs = self.runs.saturating_sub(1);
                self.hidden = false;
            }
            "pPr" => self.props = self.props.saturating_sub(1),
            "t" => self.in_text = false,
            "tbl" => self.layout.close_table(),
            "tr" => self.layout.close_row(),
            "tc" => self.layout.close_cell(),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.in_text {
            self.push(t);
        }
    }

    fn push(&mut self, t: &str) {
        if self.skip > 0 || self.hidden {
            return;
        }
        match self.paras.last_mut() {
            Some(p) => p.push_str(t),
            None => self.paras.push(t.to_string()),
        }
    }

    fn finish(mut self) -> String {
        while let Some(text) = self.paras.pop() {
            self.layout.paragraph(&text);
        }
        self.layout.finish()
    }
}

/// A toggle property switched off: `w:val="0"`, `"false"` or `"off"`.
fn is_off(e: &BytesStart<'_>) -> bool {
    e.attributes().flatten().any(|a| a.key.into_inner() == "w:val" && matches!(a.value.as_ref(), "0" | "false" | "off"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx whose body is `body`, plus any extra parts.
    pub(crate) fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{body}\
             <w:sectPr/></w:body></w:document>"
        );
        let types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
            <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        let mut parts = vec![("[Content_Types].xml", types), ("word/document.xml", xml.as_str())];
        parts.extend_from_slice(extra);
        zip_of(&parts)
    }

    pub(crate) fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, content) in parts {
            assert!(z.start_file(*name, opts).is_ok() && z.write_all(content.as_bytes()).is_ok());
        }
        assert!(z.finish().is_ok());
        buf.into_inner()
    }

    fn p(t: &str) -> String {
        format!(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"
        )
    }

    fn load(bytes: &[u8]) -> Result<String, String> {
        text(bytes).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn paragraphs_and_a_table_with_a_two_paragraph_cell_and_vmerge() {
        let body = [
            p("某镇2020年度报告"),
            "<w:p/>".to_string(),
            "<w:p><w:r><w:t xml:space=\"preserve\">　　一、总体情况 &amp; </w:t></w:r><w:r><w:tab/><w:t>说明</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>".into(),
            "<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>".into(),
            p("信息内容"),
            "</w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>".into(),
            p("本年新"),
            p("制作数量"),
            "</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>".into(),
            p("3"),
            "</w:tc></w:tr></w:tbl>".into(),
            p("二、主动公开"),
        ]
        .concat();
        let want = "某镇2020年度报告\n\n\u{3000}\u{3000}一、总体情况 &  说明\n第二行\n\n\t信息内容\n\t本年新\n制作数量\n\n\t\n\t3\n\n二、主动公开\n";
        assert_eq!(load(&docx(&body, &[])).as_deref(), Ok(want));
    }

    #[test]
    fn deleted_hidden_and_fallback_text_is_skipped_inserted_kept() {
        let body = "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>\
            <w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>\
            <w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>\
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>";
        assert_eq!(load(&docx(body, &[])).as_deref(), Ok("文本框\n保留插入\n"));
    }

    #[test]
    fn a_zip_without_document_xml_is_refused() {
        let e = load(&zip_of(&[("x.txt", "刘集镇")])).err().unwrap_or_default();
        assert!(e.contains("word/document.xml"), "{e}");
        let e = load(&zip_of(&[("xl/workbook.xml", "<workbook/>")])).err().unwrap_or_default();
        assert!(e.contains("Excel"), "{e}");
        assert!(load(b"PK\x03\x04garbage").is_err());
    }

    #[test]
    fn a_document_larger_than_the_limit_is_refused() {
        let bytes = docx(&p("政府信息公开").repeat(2000), &[]);
        assert!(bytes.len() < 20_000);
        let e = document_xml(&bytes, 65_536).err().map(|e| format!("{e:?}")).unwrap_or_default();
        assert!(e.contains("more than 65536 bytes; refused"), "{e}");
        assert!(document_xml(&bytes, MAX_XML).is_ok());
    }

    proptest::proptest! {
        #[test]
        fn any_nesting_of_word_elements_gives_the_layout(ops in proptest::collection::vec(0usize..13, 0..80)) {
            const TAGS: [&str; 10] = ["w:tbl", "w:tr", "w:tc", "w:p", "w:r", "w:t", "w:del", "w:pPr", "mc:Fallback", "w:ins"];
            let mut xml = String::from("<w:document><w:body>");
            let mut open = Vec::new();
            for op in ops {
                match TAGS.get(op) {
                    Some(tag) => {
                        xml.push_str(&format!("<{tag}>"));
                        open.push(*tag);
                    }
                    None if op == 10 => xml.push_str(&open.pop().map(|t| format!("</{t}>")).unwrap_or_default()),
                    None if op == 11 => xml.push_str("文\t字 &amp; "),
                    None => xml.push_str("<w:br/><w:tab/><w:p/><w:tc/>"),
                }
            }
            while let Some(t) = open.pop() {
                xml.push_str(&format!("</{t}>"));
            }
            xml.push_str("</w:body></w:document>");
            let out = flatten(&xml);
            proptest::prop_assert!(out.is_ok(), "{:?}", out);
            for line in out.unwrap_or_default().lines() {
                proptest::prop_assert!(!line.strip_prefix('\t').unwrap_or(line).contains('\t'), "{line:?}");
            }
        }
    }

    #[test]
    fn broken_xml_is_an_error() {
        let bytes = zip_of(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]);
        let e = load(&bytes).err().unwrap_or_default();
        assert!(e.contains("broken XML"), "{e}");
    }
}
