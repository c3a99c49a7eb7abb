//! The five real seed reports re-encoded (GB18030, UTF-16 LE/BE with and without BOM) and rebuilt as
//! HTML, DOCX and Markdown must give the same expected record: the loader and the parser agree on every format.

mod common;

use std::io::Write;

/// Rows of the tabbed layout: prose lines and table rows (cells, each a list of lines).
enum Block {
    Line(String),
    Row(Vec<Vec<String>>),
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut row: Option<Vec<Vec<String>>> = None;
    for line in text.split('\n') {
        if let Some(cell) = line.strip_prefix('\t') {
            row.get_or_insert_with(Vec::new).push(vec![cell.to_string()]);
        } else if line.trim().is_empty() && !line.contains('\t') {
            if let Some(r) = row.take() {
                out.push(Block::Row(r));
            }
        } else if let Some(last) = row.as_mut().and_then(|r| r.last_mut()) {
            last.push(line.to_string());
        } else {
            out.push(Block::Line(line.to_string()));
        }
    }
    if let Some(r) = row {
        out.push(Block::Row(r));
    }
    out
}

/// The seed as a PDF-to-Markdown converter writes it: paragraphs apart, `#` on the first line, each table
/// a pipe table (a separator row after its first row; `<br>` inside a cell).
fn to_markdown(text: &str) -> Vec<u8> {
    let mut out: Vec<String> = Vec::new();
    let mut in_table = false;
    for (i, b) in blocks(text).into_iter().enumerate() {
        match b {
            Block::Line(l) if l.trim().is_empty() => {}
            Block::Line(l) => {
                in_table = false;
                out.push(if i == 0 { format!("# {l}") } else { l });
                out.push(String::new());
            }
            Block::Row(cells) => {
                let cells: Vec<String> = cells.iter().map(|c| c.join("<br>")).collect();
                if !in_table {
                    out.push(String::new());
                }
                out.push(format!("| {} |", cells.join(" | ")));
                if !in_table {
                    out.push(format!("|{}", "---|".repeat(cells.len())));
                }
                in_table = true;
            }
        }
    }
    out.join("\n").into_bytes()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn to_html(text: &str) -> Vec<u8> {
    let mut h = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>站点</title></head><body>\n");
    let mut in_table = false;
    for b in blocks(text) {
        match b {
            Block::Line(l) => {
                if in_table {
                    h.push_str("</table>\n");
                    in_table = false;
                }
                h.push_str(&format!("<p>{}</p>\n", esc(&l)));
            }
            Block::Row(cells) => {
                if !in_table {
                    h.push_str("<table>\n");
                    in_table = true;
                }
                h.push_str("<tr>");
                for c in cells {
                    let lines: Vec<String> = c.iter().map(|l| esc(l)).collect();
                    h.push_str(&format!("<td>{}</td>", lines.join("<br>")));
                }
                h.push_str("</tr>\n");
            }
        }
    }
    if in_table {
        h.push_str("</table>\n");
    }
    h.push_str("</body></html>\n");
    h.into_bytes()
}

fn to_docx(text: &str) -> Vec<u8> {
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", esc(t));
    let mut body = String::new();
    let mut in_table = false;
    for b in blocks(text) {
        match b {
            Block::Line(l) => {
                if in_table {
                    body.push_str("</w:tbl>");
                    in_table = false;
                }
                body.push_str(&p(&l));
            }
            Block::Row(cells) => {
                if !in_table {
                    body.push_str("<w:tbl>");
                    in_table = true;
                }
                body.push_str("<w:tr>");
                for c in cells {
                    let paras: String = c.iter().filter(|l| !l.is_empty()).map(|l| p(l)).collect();
                    body.push_str(&format!("<w:tc>{}</w:tc>", if paras.is_empty() { "<w:p/>".into() } else { paras }));
                }
                body.push_str("</w:tr>");
            }
        }
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    z.start_file("[Content_Types].xml", opts).expect("zip");
    z.write_all(b"<Types/>").expect("zip");
    z.start_file("word/document.xml", opts).expect("zip");
    z.write_all(xml.as_bytes()).expect("zip");
    z.finish().expect("zip");
    buf.into_inner()
}

#[test]
fn seeds_parse_the_same_in_every_encoding_and_format() {
    let Some(shared) = common::shared_dir() else { return };
    let seeds = shared.join("seeds");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&seeds).expect("seeds").filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&path).expect("seed");
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(seeds.join("expected").join(format!("{stem}.json"))).expect("expected"),
        )
        .expect("json");
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let variants: Vec<(&str, &str, Vec<u8>)> = vec![
            ("gb18030", "txt", gb.into_owned()),
            ("utf-16le", "txt", [&[0xFF, 0xFE][..], &le].concat()),
            ("utf-16be", "txt", [&[0xFE, 0xFF][..], &be].concat()),
            ("utf-16le", "txt", le),
            ("utf-8", "txt", [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()),
            ("utf-8", "html", to_html(&text)),
            // copied from a web page: the cells lose their TABs, one cell per line
            (
                "utf-8",
                "text",
                text.lines().map(|l| l.trim_start_matches('\t')).collect::<Vec<_>>().join("\n").into_bytes(),
            ),
            ("utf-8", "docx", to_docx(&text)),
            ("utf-8", "md", to_markdown(&text)),
        ];
        for (enc, ext, bytes) in variants {
            let name = format!("{stem}.{ext}");
            let src = gongkai::load::load_bytes(&bytes, &name).expect("load");
            assert_eq!(src.encoding, enc, "{name}");
            let r = gongkai::parse::parse_source(&src, &name).expect("parse");
            let got = serde_json::to_value(&r).expect("json");
            for d in common::compare(&got, &want) {
                failures.push(format!("{name} ({enc}): {d}"));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 45);
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}
