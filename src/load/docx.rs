//! DOCX (Office Open XML) → the flattened text layout: `word/document.xml` read with quick-xml.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::push_table;

/// `word/document.xml` larger than this (uncompressed) is refused: a zip bomb or not a report.
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Extracts the text of a DOCX held in memory.
///
/// # Errors
/// A message saying what is wrong with the archive or its XML.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a zip archive ({e})"))?;
    let file = zip.by_name("word/document.xml").map_err(|_| "no word/document.xml inside".to_string())?;
    let mut xml = String::new();
    file.take(MAX_XML + 1).read_to_string(&mut xml).map_err(|e| format!("word/document.xml unreadable ({e})"))?;
    if xml.len() as u64 > MAX_XML {
        return Err("word/document.xml is larger than 64 MiB".into());
    }
    flatten(&xml)
}

/// Walks the XML: paragraphs become lines, tables the tabbed layout.
fn flatten(xml: &str) -> Result<String, String> {
    let mut r = Reader::from_str(xml);
    let mut out = String::new();
    let mut para = String::new();
    // Rows of the outermost table, each a list of cells, each a list of lines.
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut depth = 0usize;
    let mut in_text = false;
    let mut deleted = 0usize;
    loop {
        let ev = r.read_event().map_err(|e| format!("XML error at byte {}: {e}", r.buffer_position()))?;
        match ev {
            Event::Start(e) | Event::Empty(e) if matches!(e.local_name().into_inner(), "tab") => para.push(' '),
            Event::Empty(e) if matches!(e.local_name().into_inner(), "br" | "cr") => para.push('\n'),
            Event::Empty(e) if e.local_name().into_inner() == "tc" && depth > 0 => {
                if let Some(row) = rows.last_mut() {
                    row.push(vec![String::new()]);
                }
            }
            Event::Start(e) => match e.local_name().into_inner() {
                "t" => in_text = true,
                "del" => deleted += 1,
                "tbl" => {
                    if depth == 0 {
                        flush_para(&mut out, &mut para);
                    }
                    depth += 1;
                }
                "tr" if depth > 0 => rows.push(Vec::new()),
                "tc" if depth > 0 => {
                    if rows.is_empty() {
                        rows.push(Vec::new());
                    }
                    if let Some(row) = rows.last_mut() {
                        row.push(Vec::new());
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "del" => deleted = deleted.saturating_sub(1),
                "p" => end_paragraph(&mut out, &mut para, &mut rows, depth),
                "tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        push_table(&mut out, &std::mem::take(&mut rows));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && deleted == 0 => para.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if in_text && deleted == 0 => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    para.push(c);
                } else {
                    para.push_str(match g.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush_para(&mut out, &mut para);
    Ok(out)
}

fn end_paragraph(out: &mut String, para: &mut String, rows: &mut [Vec<Vec<String>>], depth: usize) {
    if depth > 0 {
        if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
            cell.extend(para.split('\n').map(str::to_string));
        }
        para.clear();
    } else {
        flush_para(out, para);
    }
}

fn flush_para(out: &mut String, para: &mut String) {
    for l in para.split('\n') {
        let l = l.trim();
        if !l.is_empty() {
            out.push_str(l);
            out.push('\n');
        }
    }
    para.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx holding `body` as the document's body XML.
    pub fn docx(body: &str) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let ok = z.start_file("[Content_Types].xml", opts).is_ok()
            && z.write_all(b"<Types/>").is_ok()
            && z.start_file("word/document.xml", opts).is_ok()
            && z.write_all(xml.as_bytes()).is_ok();
        assert!(ok && z.finish().is_ok());
        buf.into_inner()
    }

    fn p(t: &str) -> String {
        format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_and_table_with_two_paragraph_cell_and_vmerge() {
        let body = format!(
            "{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}",
            p("一、总体情况 &amp; 说明"),
            p("信息内容"),
            p("本年新"),
            p("制作数量"),
            "<w:p/>",
            p("3"),
            p("二、主动公开")
        );
        let t = text(&docx(&body)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t, "一、总体情况 & 说明\n\n\t信息内容\n\t本年新\n制作数量\n\n\t\n\t3\n\n二、主动公开\n");
    }

    #[test]
    fn deleted_text_is_ignored() {
        let body = "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>";
        assert_eq!(text(&docx(body)).ok().as_deref(), Some("保留\n"));
    }

    #[test]
    fn a_zip_without_document_is_an_error() {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        assert!(z.start_file("x.txt", zip::write::SimpleFileOptions::default()).is_ok());
        assert!(z.finish().is_ok());
        let e = text(&buf.into_inner()).err().unwrap_or_default();
        assert!(e.contains("word/document.xml"), "{e}");
        assert!(text(b"PK\x03\x04garbage").is_err());
    }
}
