//! HTML pages → the flattened text layout (scraper's HTML5 parser).

use scraper::{ElementRef, Html, Node};

use super::{decode, push_table};

/// Whether the bytes start like an HTML document.
#[must_use]
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    ["<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<div", "<p>", "<p "]
        .iter()
        .any(|t| head.starts_with(t))
}

/// The charset a page declares in its first bytes.
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset")?;
    let rest = head[at + "charset".len()..].trim_start().strip_prefix('=')?.trim_start();
    let label: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Decodes and flattens a page. Returns the text and the encoding name.
#[must_use]
pub fn text(bytes: &[u8]) -> (String, String) {
    let (src, enc) = match declared(bytes) {
        Some(e) if encoding_rs::Encoding::for_bom(bytes).is_none() => {
            let e = if e == encoding_rs::GBK || e == encoding_rs::GB18030 { encoding_rs::GB18030 } else { e };
            let (t, _) = e.decode_without_bom_handling(bytes);
            let name = if e == encoding_rs::GB18030 { "gb18030".to_string() } else { e.name().to_ascii_lowercase() };
            (t.into_owned(), name)
        }
        _ => {
            let (t, e) = decode(bytes);
            (t, e.to_string())
        }
    };
    let doc = Html::parse_document(&src);
    let mut f = Flattener::default();
    f.walk(doc.root_element());
    f.flush_line();
    (f.out.trim_end().to_string() + "\n", enc)
}

fn has_inner_table(el: ElementRef<'_>) -> bool {
    el.descendants().skip(1).any(|n| n.value().as_element().is_some_and(|e| e.name().eq_ignore_ascii_case("table")))
}

/// Builds the flattened text while walking the tree.
#[derive(Default)]
struct Flattener {
    out: String,
    line: String,
    /// Rows of the outermost open table; each row a list of cells, each cell a list of lines.
    rows: Vec<Vec<Vec<String>>>,
    depth: usize,
}

const SKIP: [&str; 8] = ["script", "style", "head", "title", "noscript", "template", "iframe", "svg"];
const BLOCK: [&str; 16] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "section",
    "article",
    "center",
    "pre",
    "blockquote",
    "hr",
];

impl Flattener {
    fn walk(&mut self, el: ElementRef<'_>) {
        let name = el.value().name().to_ascii_lowercase();
        if SKIP.contains(&name.as_str()) {
            return;
        }
        match name.as_str() {
            // A table that holds tables is page layout, not data: read through it.
            "table" if has_inner_table(el) => self.children(el),
            "table" => self.table(el),
            "tr" if self.depth > 0 => {
                self.rows.push(Vec::new());
                self.children(el);
            }
            "td" | "th" if self.depth > 0 => {
                if self.rows.is_empty() {
                    self.rows.push(Vec::new());
                }
                if let Some(r) = self.rows.last_mut() {
                    r.push(vec![String::new()]);
                }
                self.children(el);
            }
            n if BLOCK.contains(&n) => {
                self.break_line();
                self.children(el);
                self.break_line();
            }
            _ => self.children(el),
        }
    }

    fn children(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.walk(e);
                    }
                }
                _ => {}
            }
        }
    }

    fn table(&mut self, el: ElementRef<'_>) {
        if self.depth == 0 {
            self.flush_line();
        }
        self.depth += 1;
        self.children(el);
        self.depth -= 1;
        if self.depth == 0 {
            let rows = std::mem::take(&mut self.rows);
            push_table(&mut self.out, &rows);
        }
    }

    /// Appends text, collapsing whitespace runs as a browser does.
    fn text(&mut self, t: &str) {
        let target = match self.rows.last_mut().and_then(|r| r.last_mut()).and_then(|c| c.last_mut()) {
            Some(cell_line) if self.depth > 0 => cell_line,
            _ => &mut self.line,
        };
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{a0}' && c != '\u{3000}' {
                if !target.is_empty() && !target.ends_with(' ') {
                    target.push(' ');
                }
            } else {
                target.push(c);
            }
        }
    }

    /// A line break: a new line in the current cell, or the end of a paragraph.
    fn break_line(&mut self) {
        if self.depth > 0 {
            if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut())
                && cell.last().is_some_and(|l| !l.trim().is_empty())
            {
                cell.push(String::new());
            }
        } else {
            self.flush_line();
        }
    }

    fn flush_line(&mut self) {
        let l = self.line.trim().to_string();
        self.line.clear();
        if !l.is_empty() {
            if self.out.ends_with('\t') {
                self.out.push('\n');
            }
            self.out.push_str(&l);
            self.out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_a_table() {
        let page = "<html><head><title>站点</title><style>p{}</style></head><body>\
            <h1>某镇2020年度报告</h1><p>一、总体情况</p><p>正文&nbsp;内容。</p>\
            <table><tr><td colspan=2>信息内容</td><td>本年新<br>制作数量</td></tr>\
            <tr><td>规章</td><td></td><td>3</td></tr></table><p>三、收到</p></body></html>";
        let (t, enc) = text(page.as_bytes());
        assert_eq!(enc, "utf-8");
        assert_eq!(
            t,
            "某镇2020年度报告\n一、总体情况\n正文\u{a0}内容。\n\n\t信息内容\n\t本年新\n制作数量\n\n\t规章\n\t\n\t3\n\n三、收到\n"
        );
    }

    #[test]
    fn a_layout_table_around_the_report_is_read_through() {
        let page = "<table><tr><td><p>一、总体情况</p><p>正文。</p><table><tr><td>规章</td><td>3</td></tr></table></td></tr></table>";
        let (t, _) = text(page.as_bytes());
        assert_eq!(t, "一、总体情况\n正文。\n\n\t规章\n\t3\n");
    }

    #[test]
    fn declared_gbk_charset_is_used() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><p>刘集镇政府信息公开</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let (t, enc) = text(&bytes);
        assert_eq!((t.as_str(), enc.as_str()), ("刘集镇政府信息公开\n", "gb18030"));
    }

    #[test]
    fn recognises_html() {
        assert!(looks_like_html(b"\n <!DOCTYPE html><html>"));
        assert!(!looks_like_html("刘集镇".as_bytes()));
    }
}
