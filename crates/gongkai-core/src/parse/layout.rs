//! Lines → items: prose lines and table rows.
//!
//! Two table layouts are read. The *tabbed* layout (what the loader makes of HTML and DOCX tables, and
//! what crawled reports look like): a row is a group of lines between blank lines, each cell starts a
//! line with a TAB, and a line without a TAB continues the cell above (`本年新\n制作数量`); lines before
//! the first TAB of a group form a leading cell (a row header set vertically, `三、本\n年\n度…`). The
//! *spaced* layout (what `pdftotext -layout` makes of PDF reports): a line whose last tokens are numbers,
//! set off from its label by two or more spaces, is a row; everything else is a prose line.

use super::value::{CellValue, parse_value};

/// One unit of the document after layout analysis.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A prose line (trimmed), or a label fragment of a spaced table.
    Text {
        /// 1-based line number in the normalized text.
        line: usize,
        /// The line, trimmed.
        text: String,
    },
    /// A table row.
    Row {
        /// 1-based line number of the row's first line.
        line: usize,
        /// Cells in order; labels and values alike, trimmed.
        cells: Vec<String>,
    },
}

impl Item {
    /// The line number the item starts on.
    #[must_use]
    pub fn line(&self) -> usize {
        match self {
            Item::Text { line, .. } | Item::Row { line, .. } => *line,
        }
    }
}

/// Whether a line is a page number such as `-3-`, `— 5 —`, `- 12 -` or `第 3 页`.
#[must_use]
pub fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―');
    let inner = t.trim_start_matches(dashes);
    let core = inner.trim_end_matches(dashes);
    let had_both = inner.len() < t.len() && core.len() < inner.len();
    if had_both && !core.is_empty() && core.len() <= 3 && core.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(mid) = t.strip_prefix('第').and_then(|r| r.strip_suffix('页')) {
        return !mid.is_empty() && mid.len() <= 3 && mid.chars().all(|c| c.is_ascii_digit());
    }
    false
}

/// Splits normalized text into items. `is_heading` tells a section heading that sits directly above a
/// tabbed table (it must stay a prose line).
#[must_use]
pub fn items(text: &str, is_heading: &dyn Fn(&str) -> bool) -> Vec<Item> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_blank(lines[i]) || is_page_number(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !is_blank(lines[i]) {
            i += 1;
        }
        let group: Vec<(usize, &str)> =
            (start..i).map(|n| (n + 1, lines[n])).filter(|(_, l)| !is_page_number(l)).collect();
        if group.iter().any(|(_, l)| l.contains('\t')) {
            tabbed_group(&group, is_heading, &mut out);
        } else {
            plain_group(&group, &mut out);
        }
    }
    out
}

/// A line that separates rows: empty or spaces only (a lone TAB is an empty cell, not a separator).
fn is_blank(line: &str) -> bool {
    !line.contains('\t') && line.trim().is_empty()
}

/// A group containing TAB-led cells: leading prose/heading lines, then one row.
fn tabbed_group(group: &[(usize, &str)], is_heading: &dyn Fn(&str) -> bool, out: &mut Vec<Item>) {
    let first_tab = group.iter().position(|(_, l)| l.contains('\t')).unwrap_or(0);
    // A row header set vertically is a run of short lines right above the first cell; anything
    // before that run is prose.
    let is_lead = |t: &str| !is_heading(t) && t.chars().count() <= 8 && !t.ends_with(['。', '：', ':']);
    let mut lead_start = first_tab;
    while lead_start > 0 && is_lead(group[lead_start - 1].1.trim()) {
        lead_start -= 1;
    }
    for &(n, l) in &group[..lead_start] {
        out.push(Item::Text { line: n, text: l.trim().to_string() });
    }
    let mut lead = String::new();
    let mut lead_line = None;
    for &(n, l) in &group[lead_start..first_tab] {
        lead_line.get_or_insert(n);
        lead.push_str(l.trim());
    }
    let mut cells: Vec<String> = Vec::new();
    if !lead.is_empty() {
        cells.push(lead);
    }
    let row_line = lead_line.unwrap_or(group.get(first_tab).map_or(0, |g| g.0));
    for &(n, l) in &group[first_tab..] {
        if l.contains('\t') && !l.starts_with('\t') && cells.is_empty() {
            // A TSV-style line: the whole row on one line.
            out.push(Item::Row { line: n, cells: l.split('\t').map(|p| p.trim().to_string()).collect() });
            continue;
        }
        if l.contains('\t') {
            let mut parts = l.split('\t');
            let head = parts.next().unwrap_or("").trim();
            match cells.last_mut() {
                Some(last) if !head.is_empty() => last.push_str(head),
                _ if !head.is_empty() => cells.push(head.to_string()),
                _ => {}
            }
            cells.extend(parts.map(|p| p.trim().to_string()));
        } else if let Some(last) = cells.last_mut() {
            last.push_str(l.trim());
        } else {
            cells.push(l.trim().to_string());
        }
    }
    if !cells.is_empty() {
        out.push(Item::Row { line: row_line, cells });
    }
}

/// Lines without TABs. A short label followed by lines that each hold one value (a table copied from a
/// web page, one cell per line) becomes one row; everything else is read line by line.
fn plain_group(group: &[(usize, &str)], out: &mut Vec<Item>) {
    let lone_value = |l: &str| is_value_token(l.trim()) && !l.trim().is_empty() && !l.trim().contains(' ');
    let mut i = 0;
    while i < group.len() {
        let (n, l) = group[i];
        let run = group[i + 1..].iter().take_while(|(_, v)| lone_value(v)).count();
        let label = l.trim();
        let short_label = !lone_value(l) && label.chars().count() <= 40 && !label.ends_with(['。', '；', '，']);
        if run >= 1 && short_label && spaced_row(l).is_none() {
            let mut cells = vec![label.to_string()];
            cells.extend(group[i + 1..=i + run].iter().map(|(_, v)| v.trim().to_string()));
            out.push(Item::Row { line: n, cells });
            i += run + 1;
            continue;
        }
        // Five or more lone values with no label: a row of numbers (the review table's).
        if lone_value(l) && run >= 4 {
            let cells = group[i..=i + run].iter().map(|(_, v)| v.trim().to_string()).collect();
            out.push(Item::Row { line: n, cells });
            i += run + 1;
            continue;
        }
        out.push(plain_line(n, l));
        i += 1;
    }
}

/// A line outside tabbed groups: a spaced-layout row when it ends in numbers set off by two or more
/// spaces (or holds two or more numbers and nothing else), else prose.
fn plain_line(n: usize, line: &str) -> Item {
    match spaced_row(line) {
        Some(cells) => Item::Row { line: n, cells },
        None => Item::Text { line: n, text: line.trim().to_string() },
    }
}

/// Splits a spaced-layout row into label segments and value tokens.
fn spaced_row(line: &str) -> Option<Vec<String>> {
    let tokens = tokens_with_offsets(line);
    let mut k = tokens.len();
    while k > 0 && is_value_token(tokens[k - 1].1) {
        k -= 1;
    }
    let values = &tokens[k..];
    if values.is_empty() {
        return None;
    }
    let mut cells = Vec::new();
    if k == 0 {
        if values.len() < 2 {
            return None;
        }
    } else {
        let (last_off, last_tok) = tokens[k - 1];
        let gap = &line[last_off + last_tok.len()..values[0].0];
        let label = &line[..last_off + last_tok.len()];
        // Copied web text separates cells by one space: accept that only for a short label with two
        // or more numbers after it (`规章 0 0 3`), never for a sentence (`…共计 95`).
        let sentence = label.contains(['。', '；', '，', ',', '：', ':']);
        let single_space_row = values.len() >= 2 && label.chars().count() <= 40 && !sentence;
        if gap.chars().count() < 2 && !single_space_row {
            return None;
        }
        if label.trim_end().ends_with(['。', '；', '，', ',']) {
            return None;
        }
        cells.extend(split_wide_gaps(label));
    }
    cells.extend(values.iter().map(|(_, t)| (*t).to_string()));
    Some(cells)
}

/// Whitespace-separated tokens with their byte offsets.
fn tokens_with_offsets(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// Splits a label run on gaps of two or more spaces.
#[must_use]
pub fn split_wide_gaps(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut spaces = 0;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            spaces += 1;
            continue;
        }
        if spaces >= 2 && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        } else if spaces == 1 {
            cur.push(' ');
        }
        spaces = 0;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A token that reads as a table value (a number, possibly with a unit, or a dash/slash placeholder).
fn is_value_token(t: &str) -> bool {
    matches!(parse_value(t), CellValue::Number { .. } | CellValue::Placeholder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_heading(_: &str) -> bool {
        false
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        items(text, &no_heading)
            .into_iter()
            .filter_map(|i| match i {
                Item::Row { cells, .. } => Some(cells),
                Item::Text { .. } => None,
            })
            .collect()
    }

    #[test]
    fn tabbed_cells_with_wrapped_header() {
        let r = rows("\t信息内容\n\t本年新\n制作数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t5\n");
        assert_eq!(r, vec![vec!["信息内容", "本年新制作数量", "对外公开总数量"], vec!["规章", "0", "5"]]);
    }

    #[test]
    fn vertical_row_header_becomes_leading_cell() {
        let r = rows("三、本\n年\n度\n\t(一)予以公开\n\t1\n\t2");
        assert_eq!(r, vec![vec!["三、本年度", "(一)予以公开", "1", "2"]]);
    }

    #[test]
    fn heading_above_table_stays_prose() {
        let it =
            items("四、政府信息公开行政复议、行政诉讼情况\n\t行政复议\n\t行政诉讼", &|l: &str| l.starts_with("四、"));
        assert!(matches!(&it[0], Item::Text { text, .. } if text.starts_with("四、")));
        assert!(matches!(&it[1], Item::Row { cells, .. } if cells.len() == 2));
    }

    #[test]
    fn empty_tab_lines_are_empty_cells() {
        let r = rows("\t\n\t\n\t1.属于国家秘密\n\t0");
        assert_eq!(r, vec![vec!["", "", "1.属于国家秘密", "0"]]);
    }

    #[test]
    fn spaced_rows_need_a_wide_gap() {
        let r = rows("规章            1          0        11\n截至目前共计 95\n447   7  0\n2020");
        assert_eq!(r, vec![vec!["规章", "1", "0", "11"], vec!["447", "7", "0"]]);
    }

    #[test]
    fn single_spaces_between_cells_when_the_row_is_clearly_a_row() {
        let r = rows("规章 0 0 3\n电话：0552 6801005\n截至目前，共计 95 个");
        assert_eq!(r, vec![vec!["规章", "0", "0", "3"]]);
    }

    #[test]
    fn one_cell_per_line_without_tabs() {
        let r = rows("信息内容\n规章\n0\n1\n12\n行政许可\n447228\n二、正文。");
        assert_eq!(r, vec![vec!["规章", "0", "1", "12"], vec!["行政许可", "447228"]]);
    }

    #[test]
    fn spaced_row_keeps_label_segments() {
        let r = rows("本            2.其他法律行政法规禁止公开     30          1");
        assert_eq!(r, vec![vec!["本", "2.其他法律行政法规禁止公开", "30", "1"]]);
    }

    #[test]
    fn page_numbers_are_recognized() {
        for p in ["-3-", "— 5 —", "- 12 -", "第 3 页", "  -4-  "] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["-3", "3", "—", "规章", "-1234-"] {
            assert!(!is_page_number(p), "{p}");
        }
    }

    #[test]
    fn page_number_lines_vanish() {
        let it = items("正文\n-3-\n下文", &no_heading);
        assert_eq!(it.len(), 2);
    }
}
