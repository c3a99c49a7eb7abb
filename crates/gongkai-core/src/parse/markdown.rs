//! Markdown as PDF-to-Markdown converters write it → the tabbed layout the rest of the parser reads.
//!
//! Told by content, not by file name: pipe rows (`| 规章 | 0 | 0 | 3 |`) with a separator row
//! (`|---|---|`). Each pipe row becomes a row group (one TAB-led line per cell, a blank line after it);
//! separator rows and placeholder header rows a converter invents for a table cut into pieces (数据1 …
//! 数据6, 列1, Column 2) are dropped. Whatever the row means — a real header, a data row promoted to a
//! header, a row whose label was lost — is left to the table readers. `#` marks, `**bold**`, `<br>` and
//! paragraph lines broken inside a sentence are undone.

/// Whether the text is Markdown with pipe tables: at least three pipe rows and a separator row.
#[must_use]
pub fn is_markdown(text: &str) -> bool {
    let mut rows = 0;
    let mut separator = false;
    for line in text.lines() {
        let t = line.trim();
        if is_pipe_row(t) {
            rows += 1;
            separator |= is_separator(&cells(t));
        }
    }
    rows >= 3 && separator
}

fn is_pipe_row(t: &str) -> bool {
    t.len() > 2 && t.starts_with('|') && t.ends_with('|') && !t.contains('\t')
}

/// The cells of a pipe row, trimmed, outer pipes removed.
fn cells(t: &str) -> Vec<String> {
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| inline(c.trim())).collect()
}

fn is_separator(cells: &[String]) -> bool {
    cells.iter().any(|c| c.contains('-'))
        && cells.iter().all(|c| c.is_empty() || c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// A header cell a converter makes up when a table has none of its own: 数据1, 列2, Column 3, Col4.
fn is_placeholder_header(cell: &str) -> bool {
    let c = cell.trim();
    ["数据", "列", "Column", "column", "Col", "col"].iter().any(|p| {
        c.strip_prefix(p).is_some_and(|r| {
            let r = r.trim();
            !r.is_empty() && r.chars().all(|ch| ch.is_ascii_digit())
        })
    })
}

/// Removes inline marks: `**bold**`, `__bold__`, `<br>` (a line break inside a cell), backslash escapes.
fn inline(s: &str) -> String {
    let mut t = s.replace("**", "").replace("__", "");
    for br in ["<br/>", "<br />", "<br>", "<BR>"] {
        t = t.replace(br, "");
    }
    t.replace("\\|", "|").replace("\\*", "*").trim().to_string()
}

/// A `#` heading's text, marks removed.
fn heading(t: &str) -> Option<String> {
    let rest = t.trim_start_matches('#');
    (rest.len() < t.len() && (rest.is_empty() || rest.starts_with(' '))).then(|| inline(rest.trim()))
}

/// Whether a prose line ends where a sentence or a short line (title, name, date) may end.
fn closes(line: &str) -> bool {
    line.ends_with(['。', '！', '？', '：', ':', '；', '）', ')', '”'])
}

/// Converts Markdown text to the tabbed layout.
#[must_use]
pub fn to_tabbed(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut para: Option<String> = None;
    let flush = |para: &mut Option<String>, out: &mut Vec<String>| {
        if let Some(p) = para.take() {
            out.push(p);
        }
    };
    for line in text.lines() {
        let t = line.trim();
        if is_pipe_row(t) {
            flush(&mut para, &mut out);
            let row = cells(t);
            let skip = is_separator(&row)
                || row.iter().all(|c| c.is_empty() || is_placeholder_header(c))
                || row.iter().filter(|c| is_placeholder_header(c)).count() >= 2;
            if skip {
                continue;
            }
            if out.last().is_some_and(|l| !l.is_empty()) {
                out.push(String::new());
            }
            out.extend(row.iter().map(|c| format!("\t{c}")));
            out.push(String::new());
            continue;
        }
        if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')) {
            flush(&mut para, &mut out);
            continue;
        }
        if let Some(h) = heading(t) {
            flush(&mut para, &mut out);
            if !h.is_empty() {
                out.push(h);
            }
            continue;
        }
        let t = inline(t.trim_start_matches('>').trim());
        // A paragraph's lines are one paragraph (Markdown's rule), unless a line ends as a sentence
        // does or the next is a date standing alone (a signature's 落款).
        match para.as_mut() {
            Some(p) if !closes(p) && super::meta::parse_date(&t).is_none_or(|_| t.chars().count() > 16) => {
                p.push_str(&t);
            }
            _ => {
                flush(&mut para, &mut out);
                para = Some(t);
            }
        }
    }
    flush(&mut para, &mut out);
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    const MD: &str = "# 某镇2021年政府信息公开\n# 工作年度报告\n\n本报告依据\n《条例》编制。\n\n## 三、收到和处理政府信息公开申请情况\n\n| 申请人情况 | | 自然人 |\n|---|---|---|\n| 一、本年新收政府信息公开申请数量 | | 32 |\n\n| 数据1 | 数据2 | 数据3 |\n|---|---|---|\n| | **（七）总计** | 5 |\n";

    #[test]
    fn detects_pipe_tables() {
        assert!(is_markdown(MD));
        assert!(!is_markdown("规章 | 0 | 3\n一、总体情况\n"));
    }

    #[test]
    fn rows_become_tabbed_and_placeholder_headers_vanish() {
        let t = to_tabbed(MD);
        assert!(t.contains("\t一、本年新收政府信息公开申请数量\n\t\n\t32\n"), "{t}");
        assert!(t.contains("\t\n\t（七）总计\n\t5\n"), "{t}");
        assert!(!t.contains("数据1") && !t.contains("---") && !t.contains('#'), "{t}");
    }

    #[test]
    fn paragraph_lines_join_and_headings_stand_alone() {
        let t = to_tabbed(MD);
        assert!(t.contains("\n本报告依据《条例》编制。\n"), "{t}");
        assert!(t.contains("\n三、收到和处理政府信息公开申请情况\n"), "{t}");
        assert!(t.starts_with("某镇2021年政府信息公开\n工作年度报告\n"), "{t}");
    }

    #[test]
    fn a_date_alone_is_not_joined_to_the_name_above() {
        let t = to_tabbed("某镇人民政府\n2022年1月21日\n");
        assert_eq!(t, "某镇人民政府\n2022年1月21日\n");
    }
}
