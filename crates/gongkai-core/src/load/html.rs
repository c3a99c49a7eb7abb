//! HTML pages → the flattened text layout, with scraper's HTML5 parser.
//!
//! Decoding respects a declared charset. Scripts, styles, the head (with its `<title>`), hidden
//! elements and the like are dropped; block elements and `<br>` end lines; whitespace runs collapse
//! to one space (`&nbsp;` included). Data tables become the TAB layout; a table that holds tables and
//! long text, or only one column, is page layout and is read through as if it were not there.

use scraper::{ElementRef, Html, Node};

use super::charset;
use super::layout::Layout;

/// Elements whose content is never report text.
const SKIP: [&str; 12] = [
    "script", "style", "head", "title", "noscript", "template", "iframe", "svg", "object", "select", "button",
    "textarea",
];

/// Elements that end the line before and after them.
const BLOCK: [&str; 28] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "center",
    "blockquote",
    "hr",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "form",
    "fieldset",
    "address",
    "figure",
];

/// Elements deeper than this are read as plain text (the walk recurses).
const MAX_DEPTH: usize = 256;

/// Own cell text (outside nested tables) this long in a table holding tables means the table
/// frames the page.
const LONG_CELL: usize = 80;

/// Text this long in a one-column table, or in any one cell, means the table frames the page: no
/// data cell of a report is nearly as long.
const LONG_TEXT: usize = 300;

/// Whether the bytes start like an HTML document: after a BOM, whitespace, an XML declaration and
/// comments, a doctype or one of the usual first tags.
#[must_use]
pub(super) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(2048)).unwrap_or_default();
    // '<' is the byte 0x3C in every encoding the decoder reads (UTF-8, GB18030, Big5, … and one of
    // the two bytes of a UTF-16 unit), and no multi-byte character of those holds that byte as
    // '<' would be: without it the head cannot start with a tag, and the decoding (a charset guess
    // over 2 KB) is not needed.
    if !head.contains(&b'<') {
        return false;
    }
    let (head, _) = super::decode(head);
    let mut rest = head.to_ascii_lowercase();
    loop {
        let t = rest.trim_start_matches('\u{feff}').trim_start();
        let skipped = [("<?", "?>"), ("<!--", "-->")].iter().find_map(|(open, close)| {
            t.strip_prefix(open).map(|r| r.find(close).map_or("", |end| &r[end + close.len()..]))
        });
        match skipped {
            Some(r) => rest = r.to_string(),
            None => return starts_with_tag(t),
        }
    }
}

fn starts_with_tag(t: &str) -> bool {
    const TAGS: [&str; 24] = [
        "html", "head", "body", "table", "meta", "title", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "span",
        "font", "center", "style", "script", "link", "base", "pre", "br", "tr",
    ];
    if t.starts_with("<!doctype html") {
        return true;
    }
    TAGS.iter().any(|tag| {
        t.strip_prefix('<')
            .and_then(|r| r.strip_prefix(tag))
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
    })
}

/// Decodes a page: a BOM or UTF-16 first, then the declared charset (unless the page is valid
/// UTF-8 text while declaring another, as re-saved pages are), else [`super::decode`].
fn decode_page(bytes: &[u8]) -> (String, String) {
    let bom_or_utf16 = encoding_rs::Encoding::for_bom(bytes).is_some() || charset::utf16_without_bom(bytes).is_some();
    let declared = charset::declared(bytes)
        .filter(|e| !bom_or_utf16 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE);
    match declared {
        Some(e) if e == encoding_rs::UTF_8 && !charset::is_mostly_utf8(bytes) => owned(super::decode(bytes)),
        Some(e) if e != encoding_rs::UTF_8 && !charset::is_strict_utf8_with_text(bytes) => {
            let e = charset::widen(e);
            let (text, _) = e.decode_without_bom_handling(bytes);
            (text.into_owned(), charset::label(e).to_string())
        }
        _ => owned(super::decode(bytes)),
    }
}

fn owned((text, enc): (String, &'static str)) -> (String, String) {
    (text, enc.to_string())
}

/// Decodes and flattens a page; returns the text and the encoding's name.
#[must_use]
pub(super) fn text(bytes: &[u8]) -> (String, String) {
    let (src, enc) = decode_page(bytes);
    let src = cap_nesting(&src, MAX_NESTING);
    let doc = Html::parse_document(&src);
    let mut f = Flattener { layout: Layout::new(false), line: String::new(), tables: Vec::new(), pre: 0 };
    f.walk(doc.root_element(), 0);
    f.flush();
    (f.layout.finish(), enc)
}

/// Deepest element nesting a page keeps before it is parsed: a real report nests a few dozen levels;
/// the HTML parser's scope checks grow with depth times length, so `<div>` × 100,000 would stall
/// `index` for minutes.
const MAX_NESTING: usize = 200;

/// Elements that never have an end tag.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The page with start and end tags nested deeper than `max` dropped (their text kept); the page
/// itself, untouched, when it never nests that deep. Tags are found by a plain scan: `<name …>` opens,
/// `</name>` closes, comments, doctypes, void and self-closing elements are left alone.
fn cap_nesting(src: &str, max: usize) -> std::borrow::Cow<'_, str> {
    // (byte range of a tag, +1 open / -1 close)
    let mut tags: Vec<(usize, usize, i8)> = Vec::new();
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut i = 0;
    while let Some(off) = src[i..].find('<') {
        let start = i + off;
        let Some(len) = src[start..].find('>') else { break };
        let end = start + len + 1;
        let inner = &src[start + 1..end - 1];
        i = end;
        if inner.starts_with('!') || inner.starts_with('?') || inner.ends_with('/') {
            continue;
        }
        let (closing, name) = match inner.strip_prefix('/') {
            Some(n) => (true, n),
            None => (false, inner),
        };
        let name: String =
            name.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) || bytes.get(start + 1).is_some_and(u8::is_ascii_whitespace)
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            tags.push((start, end, -1));
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            tags.push((start, end, 1));
        }
    }
    if deepest <= max {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() / 2);
    let (mut at, mut depth) = (0usize, 0usize);
    for (start, end, d) in tags {
        let keep = if d > 0 {
            depth += 1;
            depth <= max
        } else {
            let keep = depth <= max;
            depth = depth.saturating_sub(1);
            keep
        };
        out.push_str(&src[at..start]);
        if keep {
            out.push_str(&src[start..end]);
        }
        at = end;
    }
    out.push_str(&src[at..]);
    std::borrow::Cow::Owned(out)
}

/// Walks the element tree, collecting the current line of inline text.
struct Flattener {
    layout: Layout,
    line: String,
    /// One entry per open `<table>`: whether it is read as data (`true`) or as page layout.
    tables: Vec<bool>,
    /// Depth of `<pre>` elements, where line ends are kept.
    pre: usize,
}

impl Flattener {
    fn walk(&mut self, el: ElementRef<'_>, depth: usize) {
        let name = el.value().name();
        if SKIP.contains(&name) || hidden(el) {
            return;
        }
        if depth > MAX_DEPTH {
            el.text().for_each(|t| self.text(t));
            return;
        }
        let in_data_table = self.tables.last().copied().unwrap_or(false);
        match name {
            "table" => self.table(el, depth),
            "tr" if in_data_table => {
                self.flush();
                self.layout.open_row();
                self.children(el, depth);
                self.flush();
                self.layout.close_row();
            }
            "td" | "th" if in_data_table => {
                self.flush();
                self.layout.open_cell();
                self.children(el, depth);
                self.flush();
                self.layout.close_cell();
            }
            "br" => self.flush(),
            "pre" => {
                self.flush();
                self.pre += 1;
                self.children(el, depth);
                self.pre -= 1;
                self.flush();
            }
            n if BLOCK.contains(&n) || matches!(n, "tr" | "td" | "th" | "caption" | "tbody" | "thead") => {
                self.flush();
                self.children(el, depth);
                self.flush();
            }
            _ => self.children(el, depth),
        }
    }

    fn children(&mut self, el: ElementRef<'_>, depth: usize) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.walk(e, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn table(&mut self, el: ElementRef<'_>, depth: usize) {
        let data = !is_page_layout(el);
        self.flush();
        self.tables.push(data);
        if data {
            self.layout.open_table();
        }
        self.children(el, depth);
        self.flush();
        if data {
            self.layout.close_table();
        }
        self.tables.pop();
    }

    /// Appends inline text, collapsing whitespace runs (`&nbsp;` too) to one space; inside `<pre>`,
    /// line ends end lines.
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c == '\n' && self.pre > 0 {
                self.flush();
            } else if c.is_ascii_whitespace() || c == '\u{a0}' {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    /// Ends the current line: into the open cell, or as a paragraph.
    fn flush(&mut self) {
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            self.layout.paragraph(&line);
        }
    }
}

/// `hidden`, or an inline style with `display:none`.
fn hidden(el: ElementRef<'_>) -> bool {
    let v = el.value();
    v.attr("hidden").is_some()
        || v.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

fn is_table(el: ElementRef<'_>) -> bool {
    el.value().name() == "table"
}

/// A table that frames the page rather than holding data: one that holds other tables and has
/// one column or a cell with some text of its own; or one with a single column of long text, or
/// with a cell longer than any data cell is.
fn is_page_layout(table: ElementRef<'_>) -> bool {
    let own = |e: &ElementRef<'_>| e.ancestors().filter_map(ElementRef::wrap).find(|a| is_table(*a)) == Some(table);
    let rows: Vec<ElementRef<'_>> =
        table.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "tr" && own(e)).collect();
    let cells: Vec<Vec<ElementRef<'_>>> = rows
        .iter()
        .map(|r| {
            r.children().filter_map(ElementRef::wrap).filter(|c| matches!(c.value().name(), "td" | "th")).collect()
        })
        .collect();
    let one_column = cells.iter().all(|r| r.len() <= 1);
    let lengths: Vec<usize> = cells.iter().flatten().map(|c| own_text_len(*c)).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    if table.descendants().skip(1).filter_map(ElementRef::wrap).any(is_table) {
        one_column || longest >= LONG_CELL
    } else {
        (one_column && lengths.iter().sum::<usize>() >= LONG_TEXT) || longest >= LONG_TEXT
    }
}

/// Characters of visible text in an element outside any nested table.
fn own_text_len(el: ElementRef<'_>) -> usize {
    let mut n = 0;
    let mut stack = vec![el];
    while let Some(e) = stack.pop() {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => n += t.chars().filter(|c| !c.is_whitespace()).count(),
                Node::Element(c) if c.name() != "table" && !SKIP.contains(&c.name()) => {
                    stack.extend(ElementRef::wrap(child));
                }
                _ => {}
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_nesting_is_capped_and_its_text_kept() {
        let page = format!("<html><body>{}刘集镇{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let capped = super::cap_nesting(&page, super::MAX_NESTING);
        assert!(capped.matches("<div>").count() < 300, "{}", capped.len());
        assert!(capped.contains("刘集镇"));
        let normal = "<html><body><div><p>一、总体情况</p><br><img src=x /></div></body></html>";
        assert!(matches!(super::cap_nesting(normal, super::MAX_NESTING), std::borrow::Cow::Borrowed(_)));
        let (text, _) = super::text(page.as_bytes());
        assert!(text.contains("刘集镇"), "{text}");
    }

    #[test]
    fn heading_paragraph_and_table_with_colspan_br_and_nbsp() {
        let page = "<!DOCTYPE html><html><head><title>某镇人民政府网</title><style>p{color:red}</style>\
            <script>var a = 1;</script></head><body>\
            <h1>某镇2020年度政府信息公开工作年度报告</h1>\
            <p>  一、总体情况：本机关&nbsp;&nbsp;主动公开\n   信息1036条。</p>\
            <table border=1><tr><th colspan=\"2\">信息内容</th><th>本年新<br>制作数量</th></tr>\
            <tr><td>规章</td><td>&nbsp;</td><td rowspan=2> 3 </td></tr></table>\
            <p>二、主动公开</p></body></html>";
        let (t, enc) = text(page.as_bytes());
        assert_eq!(enc, "utf-8");
        let want = "某镇2020年度政府信息公开工作年度报告\n一、总体情况：本机关 主动公开 信息1036条。\n\n\
            \t信息内容\n\t本年新\n制作数量\n\n\t规章\n\t\n\t3\n\n二、主动公开\n";
        assert_eq!(t, want);
    }

    #[test]
    fn paragraphs_in_a_cell_are_continuation_lines() {
        let page = "<table><tr><td><p>申请人</p><p>情况</p></td><td>1</td></tr></table>";
        assert_eq!(text(page.as_bytes()).0, "\t申请人\n情况\n\t1\n");
    }

    #[test]
    fn a_layout_table_around_the_report_is_read_through() {
        let page = "<table><tr><td><p>一、总体情况</p><p>正文。</p>\
            <table><tr><td>规章</td><td>3</td></tr></table><p>二、主动公开</p></td></tr></table>";
        let (t, _) = text(page.as_bytes());
        assert_eq!(t, "一、总体情况\n正文。\n\n\t规章\n\t3\n\n二、主动公开\n");
    }

    #[test]
    fn a_frame_table_around_plain_paragraphs_is_read_through() {
        let para = "本机关主动公开政府信息，".repeat(30);
        let page = format!("<table><tr><td><p>一、总体情况</p><p>{para}</p></td></tr></table>");
        assert_eq!(text(page.as_bytes()).0, format!("一、总体情况\n{para}\n"));
        let short = "<table><tr><td>一、总体情况</td></tr><tr><td>3</td></tr></table>";
        assert_eq!(text(short.as_bytes()).0, "\t一、总体情况\n\n\t3\n");
    }

    #[test]
    fn a_nested_data_table_joins_the_outer_rows() {
        let page = "<table><tr><td>申请人情况</td><td><table><tr><td>自然人</td></tr><tr><td>0</td></tr></table></td></tr>\
            <tr><td>总计</td><td>1</td></tr></table>";
        let (t, _) = text(page.as_bytes());
        assert_eq!(t, "\t申请人情况\n\t\n\n\t自然人\n\n\t0\n\n\t总计\n\t1\n");
    }

    #[test]
    fn declared_gbk_charset_is_used() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
            </head><body><p>刘集镇政府信息公开</p><div hidden>隐藏</div></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let (t, enc) = text(&bytes);
        assert_eq!((t.as_str(), enc.as_str()), ("刘集镇政府信息公开\n", "gb18030"));
    }

    #[test]
    fn a_resaved_utf8_page_declaring_gbk_is_read_as_utf8() {
        let page = "<meta charset=gbk><p>刘集镇政府信息公开</p>";
        assert_eq!(text(page.as_bytes()), ("刘集镇政府信息公开\n".to_string(), "utf-8".to_string()));
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(text("<pre>一、总体情况\n  正文\n</pre>".as_bytes()).0, "一、总体情况\n正文\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}正文{}", "<div><span>".repeat(1500), "</span></div>".repeat(1500));
        assert_eq!(text(page.as_bytes()).0, "正文\n");
    }

    proptest::proptest! {
        #[test]
        fn any_tag_soup_gives_the_layout(s in "(</?(table|tr|td|th|p|br|div|pre|caption|span)>|文|字|\t| |\n|&nbsp;){0,120}") {
            let (out, _) = text(s.as_bytes());
            for line in out.lines() {
                proptest::prop_assert!(!line.strip_prefix('\t').unwrap_or(line).contains('\t'), "{line:?}");
                proptest::prop_assert!(line.is_empty() || line == "\t" || line.trim() == line.trim_start_matches('\t'));
            }
        }
    }

    #[test]
    fn recognises_html() {
        assert!(looks_like_html(b"\xEF\xBB\xBF\n <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<html xmlns=\"x\">"));
        assert!(looks_like_html(b"  <TABLE border=1>"));
        let le: Vec<u8> = "\u{feff}<html><body>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(looks_like_html(&le));
        assert!(!looks_like_html("刘集镇<p>".as_bytes()));
        assert!(!looks_like_html(b"<pdf"));
    }
}
