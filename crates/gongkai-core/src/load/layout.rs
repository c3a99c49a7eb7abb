//! The flattened text layout HTML and DOCX are turned into: paragraphs as lines; a table between
//! blank lines, a row per group of lines, each cell starting a line with a TAB and continuing on
//! lines without one, rows separated by one blank line. Nested tables' rows join the outermost
//! table's rows, in the order they start.

/// Builds the flattened text. Callers open and close tables, rows and cells as the source does and
/// hand over paragraphs; a paragraph goes into the innermost open cell, else into the text.
#[derive(Debug, Default)]
pub(super) struct Layout {
    out: String,
    /// Rows of the outermost open table (nested tables' rows too): cells, each a list of lines.
    rows: Vec<Vec<Vec<String>>>,
    /// One entry per open table, innermost last.
    levels: Vec<Level>,
    /// Whether paragraphs outside tables keep their indentation and empty ones give a blank line
    /// (DOCX), or are trimmed and dropped when empty (HTML).
    faithful: bool,
}

/// The current row and cell of one open table (indexes into `Layout::rows`).
#[derive(Debug, Default, Clone, Copy)]
struct Level {
    row: Option<usize>,
    cell: Option<(usize, usize)>,
}

impl Layout {
    /// A new layout; when `faithful`, paragraphs outside tables keep their leading whitespace, empty
    /// ones stay as blank lines, and so does a cell's empty first paragraph when text follows it
    /// (`\t` alone, then the text). Otherwise empty lines are dropped; cell lines are always trimmed.
    pub(super) fn new(faithful: bool) -> Self {
        Self { faithful, ..Self::default() }
    }

    /// Adds a paragraph (`\n` in it separates lines): to the innermost open cell, where empty lines
    /// are dropped, or else to the text, one line each.
    pub(super) fn paragraph(&mut self, text: &str) {
        let faithful = self.faithful;
        let in_cell = self.current_cell().is_some();
        let lines: Vec<String> =
            text.split('\n').map(|l| clean(l, faithful && !in_cell)).filter(|l| !l.trim().is_empty()).collect();
        if let Some(cell) = self.current_cell() {
            if faithful && cell.is_empty() && lines.is_empty() {
                cell.push(String::new());
            }
            cell.extend(lines);
        } else if lines.is_empty() {
            if self.faithful {
                self.out.push('\n');
            }
        } else {
            for l in lines {
                self.out.push_str(&l);
                self.out.push('\n');
            }
        }
    }

    /// Opens a table (inside a cell, a nested one).
    pub(super) fn open_table(&mut self) {
        self.levels.push(Level::default());
    }

    /// Closes the innermost table; closing the outermost writes the table out.
    pub(super) fn close_table(&mut self) {
        if self.levels.pop().is_some() && self.levels.is_empty() {
            self.write_table();
        }
    }

    /// Starts a row in the innermost table (ignored outside tables).
    pub(super) fn open_row(&mut self) {
        let index = self.rows.len();
        if let Some(level) = self.levels.last_mut() {
            *level = Level { row: Some(index), cell: None };
            self.rows.push(Vec::new());
        }
    }

    /// Ends the innermost table's row.
    pub(super) fn close_row(&mut self) {
        if let Some(level) = self.levels.last_mut() {
            *level = Level::default();
        }
    }

    /// Starts a cell in the innermost table's row (a row is started if none is open).
    pub(super) fn open_cell(&mut self) {
        if self.levels.last().is_some_and(|l| l.row.is_none()) {
            self.open_row();
        }
        let Some(level) = self.levels.last_mut() else { return };
        if let Some(row) = level.row.and_then(|r| self.rows.get_mut(r).map(|cells| (r, cells))) {
            row.1.push(Vec::new());
            level.cell = Some((row.0, row.1.len() - 1));
        }
    }

    /// Ends the innermost table's cell.
    pub(super) fn close_cell(&mut self) {
        if let Some(level) = self.levels.last_mut() {
            level.cell = None;
        }
    }

    /// The text, with any table left open written out; no trailing blank lines, nor leading ones
    /// unless `faithful`.
    pub(super) fn finish(mut self) -> String {
        if !self.levels.is_empty() {
            self.levels.clear();
            self.write_table();
        }
        let text = if self.faithful { &self.out } else { self.out.trim_start_matches('\n') };
        let text = text.trim_end_matches('\n');
        if text.is_empty() { String::new() } else { format!("{text}\n") }
    }

    /// The lines of the innermost open cell of any open table.
    fn current_cell(&mut self) -> Option<&mut Vec<String>> {
        let (r, c) = self.levels.iter().rev().find_map(|l| l.cell)?;
        self.rows.get_mut(r)?.get_mut(c)
    }

    /// Writes the collected rows: a blank line first (unless at the start or after one), then each
    /// row's cells and a blank line.
    fn write_table(&mut self) {
        let rows = std::mem::take(&mut self.rows);
        if rows.iter().all(Vec::is_empty) {
            return;
        }
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
        for row in rows.iter().filter(|r| !r.is_empty()) {
            for cell in row {
                let used = cell.iter().rposition(|l| !l.is_empty()).map_or(0, |last| last + 1);
                self.out.push('\t');
                self.out.push_str(&cell[..used].join("\n"));
                self.out.push('\n');
            }
            self.out.push('\n');
        }
    }
}

/// A line as the layout holds it: TABs and other control characters made spaces, the end trimmed,
/// and the start too unless `keep_indent`.
fn clean(line: &str, keep_indent: bool) -> String {
    let spaced: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if keep_indent { spaced.trim_end().to_string() } else { spaced.trim().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_a_table_with_a_nested_table() {
        let mut l = Layout::new(false);
        l.paragraph("  一、总体情况\t ");
        l.paragraph("");
        l.open_table();
        l.open_row();
        l.open_cell();
        l.paragraph("本年新\n\n制作数量");
        l.close_cell();
        l.open_cell();
        l.open_table();
        l.open_cell();
        l.paragraph("内");
        l.close_table();
        l.paragraph("外");
        l.close_cell();
        l.open_cell();
        l.close_row();
        l.close_table();
        l.paragraph("二、主动公开");
        let want = "一、总体情况\n\n\t本年新\n制作数量\n\t外\n\t\n\n\t内\n\n二、主动公开\n";
        assert_eq!(l.finish(), want);
    }

    #[test]
    fn blank_paragraphs_and_indents_are_kept_when_faithful() {
        let mut l = Layout::new(true);
        for p in ["", "甲", " ", "", "\u{3000}\u{3000}乙\t", ""] {
            l.paragraph(p);
        }
        l.open_table();
        for cell in [&["", "本列数据"][..], &["", ""], &["", "合计", ""]] {
            l.open_cell();
            for p in cell {
                l.paragraph(p);
            }
            l.close_cell();
        }
        l.close_table();
        let want = "\n甲\n\n\n\u{3000}\u{3000}乙\n\n\t\n本列数据\n\t\n\t\n合计\n";
        assert_eq!(l.finish(), want);
    }
}
