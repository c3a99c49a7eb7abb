//! Page geometry → the flattened text layout: text lines rebuilt by baseline, paragraphs rejoined
//! where a line runs to the right margin, tables rebuilt from their ruling lines as a grid of
//! cells (merged where a border is missing), so that every cell — a blank one too — keeps its own
//! place and a label wrapped inside its cell is one label. A table that runs on over a page break
//! stays one table, with a repeated header row dropped; page numbers in the margins are dropped.

use super::page::{Char, Page, Rule};
use crate::load::layout::Layout;

/// Points within which two rules or edges are the same line.
const SNAP: f64 = 2.0;

/// A table rebuilt from rules (or, without rules, from the alignment of its figures).
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub(super) top: f64,
    pub(super) bottom: f64,
    pub(super) left: f64,
    pub(super) right: f64,
    /// Rows of cells, each cell in the row where it starts.
    pub(super) rows: Vec<Vec<Cell>>,
}

/// A table cell: its text (empty for a blank cell) and its left and right edges.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) x0: f64,
    pub(super) x1: f64,
}

/// A text line outside tables.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) top: f64,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) size: f64,
    pub(super) text: String,
    /// The line's pieces between wide gaps (a size or more), left to right.
    pub(super) segs: Vec<Cell>,
    /// A line with wide gaps (columns of a table without rules): kept as it is, never joined.
    pub(super) columns: bool,
    /// The width of the Latin word (a URL, an e-mail address, a number) the line starts with, if
    /// it starts with one: such a word moves whole to the next line when it does not fit.
    pub(super) lead: f64,
}

#[derive(Debug, Clone)]
pub(super) enum Block {
    Line(Line),
    Table(Table),
}

impl Block {
    fn top(&self) -> f64 {
        match self {
            Block::Line(l) => l.top,
            Block::Table(t) => t.top,
        }
    }
}

/// The flattened text of the pages.
pub(super) fn flatten(pages: &[Page]) -> String {
    let mut layout = Layout::new(true);
    // The table being built: it may run on over the next page break.
    let mut open: Option<Vec<Vec<Cell>>> = None;
    let mut paragraph: Option<(Line, f64, f64)> = None; // the line being built, with its page's margins
    let mut all: Vec<Vec<Block>> = pages.iter().map(blocks).collect();
    drop_running_lines(&mut all, pages);
    let (left, right) = margins(all.iter().flatten());
    for blocks in all {
        if !matches!(blocks.first(), Some(Block::Table(_))) {
            write_table(&mut layout, open.take());
        }
        for (i, block) in blocks.into_iter().enumerate() {
            match block {
                Block::Line(line) => {
                    write_table(&mut layout, open.take());
                    let joins = paragraph.as_ref().is_some_and(|(prev, _, prev_right)| {
                        !prev.columns
                            && !line.columns
                            && (prev.size - line.size).abs() <= 0.15 * prev.size.max(line.size)
                            && (prev.x1 >= prev_right - 2.0 * prev.size
                                || (line.lead > 0.0 && prev.x1 + line.lead > prev_right - 0.5 * prev.size))
                            && prev.x0 <= left + 2.5 * prev.size
                            && line.x0 <= left + 0.6 * line.size
                            && !starts_like_heading(&line.text)
                    });
                    if joins {
                        if let Some((prev, _, _)) = paragraph.as_mut() {
                            join_into(&mut prev.text, &line.text);
                            (prev.x0, prev.x1) = (line.x0, line.x1);
                        }
                    } else {
                        if let Some((prev, _, _)) = paragraph.take() {
                            layout.paragraph(&prev.text);
                        }
                        paragraph = Some((line, left, right));
                    }
                }
                Block::Table(table) => {
                    if let Some((prev, _, _)) = paragraph.take() {
                        layout.paragraph(&prev.text);
                    }
                    match open.as_mut() {
                        Some(rows) if i == 0 => run_on(rows, table.rows),
                        _ => {
                            write_table(&mut layout, open.take());
                            open = Some(table.rows);
                        }
                    }
                }
            }
        }
    }
    if let Some((prev, _, _)) = paragraph.take() {
        layout.paragraph(&prev.text);
    }
    write_table(&mut layout, open.take());
    layout.finish()
}

/// Adds the rows of a table's next page: a repeated header (the first rows again) is dropped, and
/// a row cut by the page break — a first row holding only the rest of labels, or the figures of a
/// row whose label stood on the page before — is joined to the cells it continues.
fn run_on(rows: &mut Vec<Vec<Cell>>, next: Vec<Vec<Cell>>) {
    let texts = |r: &[Cell]| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
    let repeated = next.iter().zip(rows.iter()).take(4).take_while(|(a, b)| texts(a) == texts(b)).count();
    let mut next = next.into_iter().skip(repeated).peekable();
    if let Some(first) = next.peek()
        && continues_row(rows, first)
    {
        for cell in next.next().into_iter().flatten().filter(|c| !c.text.is_empty()) {
            // The cell it continues: in the last row, else the nearest row above holding that column.
            if let Some(target) = rows.iter_mut().rev().find_map(|r| r.iter_mut().find(|t| overlaps(t, &cell))) {
                join_into(&mut target.text, &cell.text);
            }
        }
    }
    rows.extend(next);
}

/// Whether `first` (the first row on a new page) finishes the last row of `rows`: every text it
/// holds lands in a label cell or an empty cell of that row, never on a figure, and it holds no
/// figure where the last row has one.
fn continues_row(rows: &[Vec<Cell>], first: &[Cell]) -> bool {
    let Some(last) = rows.last() else { return false };
    let filled: Vec<&Cell> = first.iter().filter(|c| !c.text.is_empty()).collect();
    !filled.is_empty()
        && last.iter().any(|c| !c.text.is_empty() && !is_figure(&c.text))
        && filled.iter().all(|c| match last.iter().find(|t| overlaps(t, c)) {
            Some(t) if is_figure(&t.text) => false,
            Some(t) => !t.text.is_empty() || is_figure(&c.text),
            None => !is_figure(&c.text),
        })
}

fn overlaps(a: &Cell, b: &Cell) -> bool {
    a.x0.max(b.x0) < a.x1.min(b.x1) - SNAP
}

/// A cell that holds a figure (or a placeholder for one), not a label.
pub(super) fn is_figure(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || ",.，-—－/ 万元".contains(c))
}

/// Writes a finished table into the layout.
fn write_table(layout: &mut Layout, rows: Option<Vec<Vec<Cell>>>) {
    let Some(rows) = rows else { return };
    layout.open_table();
    for row in rows {
        layout.open_row();
        for cell in row {
            layout.open_cell();
            if !cell.text.is_empty() {
                layout.paragraph(&cell.text);
            }
            layout.close_cell();
        }
        layout.close_row();
    }
    layout.close_table();
}

/// Drops running headers and footers: a line in the top or bottom margin whose text (digits
/// aside) recurs in that margin on at least half the pages, three at least.
fn drop_running_lines(all: &mut [Vec<Block>], pages: &[Page]) {
    let key = |l: &Line| -> String {
        l.text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
    };
    let in_margin = |l: &Line, h: f64| l.top < h * 0.10 || l.top > h * 0.88;
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (blocks, page) in all.iter().zip(pages) {
        let mut seen = std::collections::HashSet::new();
        for b in blocks {
            if let Block::Line(l) = b
                && in_margin(l, page.height)
                && seen.insert(key(l))
            {
                *counts.entry(key(l)).or_default() += 1;
            }
        }
    }
    let need = (pages.len() / 2).max(3);
    for (blocks, page) in all.iter_mut().zip(pages) {
        blocks.retain(|b| match b {
            Block::Line(l) => !(in_margin(l, page.height) && counts.get(&key(l)).is_some_and(|n| *n >= need)),
            Block::Table(_) => true,
        });
    }
}

/// Joins a wrapped line to the one before: no space between CJK text, one between Latin words.
fn join_into(prev: &mut String, next: &str) {
    let a = prev.chars().last();
    let b = next.trim_start().chars().next();
    if a.is_some_and(|c| c.is_ascii_alphanumeric()) && b.is_some_and(|c| c.is_ascii_alphabetic()) {
        prev.push(' ');
    }
    prev.push_str(next.trim_start());
}

/// Whether a line opens a heading or a numbered item, so it never continues the line before.
fn starts_like_heading(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    let numerals = "一二三四五六七八九十";
    (numerals.contains(first) && (second == '、' || numerals.contains(second)))
        || matches!(first, '（' | '(' | '第' | '#' | '|' | '【')
        || (first.is_ascii_digit() && matches!(second, '、' | '.' | '．'))
}

/// Left margin (the leftmost start shared by three lines, or a tenth of them) and right margin (the
/// furthest end) of the document's body lines.
fn margins<'a>(blocks: impl Iterator<Item = &'a Block>) -> (f64, f64) {
    let lines: Vec<&Line> = blocks.filter_map(|b| if let Block::Line(l) = b { Some(l) } else { None }).collect();
    let mut starts: Vec<f64> = lines.iter().map(|l| l.x0).collect();
    starts.sort_by(f64::total_cmp);
    let need = (lines.len() / 10).clamp(1, 3);
    let left = (0..starts.len())
        .find(|&i| starts[i..].iter().take_while(|x| **x <= starts[i] + 3.0).count() >= need)
        .map_or(0.0, |i| starts[i]);
    let right = lines.iter().map(|l| l.x1).fold(0.0, f64::max);
    (left, right)
}

/// A page's text lines and tables, top to bottom, without page numbers in the margins.
fn blocks(page: &Page) -> Vec<Block> {
    let tables = tables(page);
    let outside: Vec<&Char> = page.chars.iter().filter(|c| !tables.iter().any(|t| inside(t, c))).collect();
    let mut lines: Vec<Line> = lines(&outside).into_iter().filter(|l| !is_page_furniture(l, page.height)).collect();
    tabulate(&mut lines);
    let mut blocks = super::borderless::tables(lines);
    blocks.extend(tables.into_iter().map(Block::Table));
    blocks.sort_by(|a, b| a.top().total_cmp(&b.top()));
    blocks
}

fn inside(t: &Table, c: &Char) -> bool {
    let (cx, cy) = ((c.x0 + c.x1) / 2.0, c.y - c.size * 0.35);
    cx >= t.left - 1.0 && cx <= t.right + 1.0 && cy >= t.top - 1.0 && cy <= t.bottom + 1.0
}

/// Lines of a table drawn without rules — lines with wide gaps, and the lines between two such
/// lines close together (a label wrapped above or below its figures, a vertical row header) —
/// keep their place on the page as `pdftotext -layout` does: indented to where they start, never
/// joined into paragraphs.
fn tabulate(lines: &mut [Line]) {
    let Some(unit) = lines.iter().map(|l| l.size).reduce(f64::min).map(|s| s.max(1.0) / 2.0) else { return };
    let tops: Vec<(f64, bool)> = lines.iter().map(|l| (l.top, l.columns)).collect();
    for (i, line) in lines.iter_mut().enumerate() {
        let near = 3.0 * line.size;
        let above = tops[..i].iter().rev().take_while(|(t, _)| line.top - t <= near).any(|(_, c)| *c);
        let below = tops[i + 1..].iter().take_while(|(t, _)| t - line.top <= near).any(|(_, c)| *c);
        if line.columns || (above && below) {
            line.columns = true;
            let indent = ((line.x0 / unit).round() as usize).min(200);
            line.text = format!("{}{}", " ".repeat(indent), line.text);
        }
    }
}

/// A page number or running footer line in the top or bottom margin.
fn is_page_furniture(line: &Line, height: f64) -> bool {
    if line.top > height * 0.12 && line.top < height * 0.85 {
        return false;
    }
    let t: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    let core = core.trim_start_matches('第').trim_end_matches('页');
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) && core.len() <= 4 {
        return true;
    }
    // "第 3 页 共 6 页", "3 / 6"
    let digits_and: String = core.chars().filter(|c| !c.is_ascii_digit()).collect();
    !core.is_empty() && matches!(digits_and.as_str(), "/" | "页共" | "页，共" | "页,共" | "of")
}

/// Groups characters into lines by baseline and orders each line left to right.
fn lines(chars: &[&Char]) -> Vec<Line> {
    let mut sorted: Vec<&Char> = chars.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<&Char>> = Vec::new();
    for c in sorted {
        match groups.last_mut() {
            Some(g) if (c.y - g[0].y).abs() <= 0.45 * c.size.max(g[0].size) => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for mut g in groups {
        g.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let size = median(g.iter().map(|c| c.size).collect()).max(1.0);
        let mut text = String::new();
        let mut columns = false;
        let mut prev: Option<&Char> = None;
        let unit = size / 2.0;
        let x0 = g[0].x0;
        let mut segs: Vec<Cell> = Vec::new();
        for c in &g {
            if let Some(p) = prev {
                if c.text == p.text && (c.x0 - p.x0).abs() < 0.1 * size && (c.y - p.y).abs() < 0.1 * size {
                    continue; // fake bold: the same character drawn twice
                }
                let gap = c.x0 - p.x1;
                if gap >= 2.0 * size {
                    columns = true;
                }
                if gap > 0.2 * size {
                    let n = ((gap / unit).round() as usize).clamp(1, 60);
                    text.extend(std::iter::repeat_n(' ', n));
                }
                match segs.last_mut() {
                    Some(seg) if gap < size => {
                        if gap > 0.2 * size {
                            seg.text.push(' ');
                        }
                        seg.text.push_str(&c.text);
                        seg.x1 = c.x1;
                    }
                    _ => segs.push(Cell { text: c.text.clone(), x0: c.x0, x1: c.x1 }),
                }
            } else {
                segs.push(Cell { text: c.text.clone(), x0: c.x0, x1: c.x1 });
            }
            text.push_str(&c.text);
            prev = Some(c);
        }
        let x1 = g.iter().map(|c| c.x1).fold(f64::MIN, f64::max);
        let lead = g
            .iter()
            .take_while(|c| c.text.chars().all(|ch| ch.is_ascii_graphic()))
            .zip(g.iter().skip(1).map(Some).chain([None]))
            .take_while(|(c, next)| next.is_none_or(|n| n.x0 - c.x1 <= 0.2 * size))
            .last()
            .map_or(0.0, |(c, _)| c.x1 - x0);
        out.push(Line { top: g[0].y - size, x0, x1, size, text, segs, columns, lead });
    }
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Values within `SNAP` of each other, as one value each (their mean), ascending.
fn cluster(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some((mean, n)) if x - *mean <= SNAP => {
                *mean = (*mean * *n as f64 + x) / (*n as f64 + 1.0);
                *n += 1;
            }
            _ => out.push((x, 1)),
        }
    }
    out.into_iter().map(|(m, _)| m).collect()
}

/// Tables from the page's rules: connected groups of horizontal and vertical rules, each with at
/// least two of both, become grids.
fn tables(page: &Page) -> Vec<Table> {
    let rules: Vec<Rule> =
        page.rules.iter().copied().filter(|r| (r.x1 - r.x0).max(r.y1 - r.y0) >= 3.0).take(20_000).collect();
    let n = rules.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let touches =
        |a: &Rule, b: &Rule| a.x0 <= b.x1 + SNAP && b.x0 <= a.x1 + SNAP && a.y0 <= b.y1 + SNAP && b.y0 <= a.y1 + SNAP;
    for i in 0..n {
        for j in i + 1..n {
            if touches(&rules[i], &rules[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = std::collections::BTreeMap::new();
    for (i, r) in rules.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(*r);
    }
    let mut out = Vec::new();
    for group in groups.into_values() {
        let (hs, vs): (Vec<Rule>, Vec<Rule>) = group.into_iter().partition(Rule::horizontal);
        if hs.len() < 2 || vs.len() < 2 {
            continue;
        }
        if let Some(t) = grid(page, &hs, &vs) {
            out.push(t);
        }
    }
    out
}

/// Builds one table from its rules and the characters inside it.
fn grid(page: &Page, hs: &[Rule], vs: &[Rule]) -> Option<Table> {
    // Edges are the rules' positions, plus the far ends of the other direction's rules: a table
    // drawn without its outer left/right (or top/bottom) border still has those edges.
    let (h_lo, h_hi) = hs.iter().fold((f64::MAX, f64::MIN), |(lo, hi), h| (lo.min(h.x0), hi.max(h.x1)));
    let (v_lo, v_hi) = vs.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v.y0), hi.max(v.y1)));
    let xs = cluster(vs.iter().map(|v| v.x0).chain([h_lo, h_hi]).collect());
    let ys = cluster(hs.iter().map(|h| h.y0).chain([v_lo, v_hi]).collect());
    if xs.len() < 2 || ys.len() < 2 || xs.len() > 200 || ys.len() > 2000 {
        return None;
    }
    if xs.len() == 2 && ys.len() == 2 {
        return None; // a box around text (a frame, a text box), not a table
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    let covers_v = |x: f64, y: f64| vs.iter().any(|v| (v.x0 - x).abs() <= SNAP && v.y0 - SNAP <= y && y <= v.y1 + SNAP);
    let covers_h = |y: f64, x: f64| hs.iter().any(|h| (h.y0 - y).abs() <= SNAP && h.x0 - SNAP <= x && x <= h.x1 + SNAP);
    let idx = |r: usize, c: usize| r * cols + c;
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for r in 0..rows {
        let ymid = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let xmid = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !covers_v(xs[c + 1], ymid) {
                let (a, b) = (find(&mut parent, idx(r, c)), find(&mut parent, idx(r, c + 1)));
                parent[a] = b;
            }
            if r + 1 < rows && !covers_h(ys[r + 1], xmid) {
                let (a, b) = (find(&mut parent, idx(r, c)), find(&mut parent, idx(r + 1, c)));
                parent[a] = b;
            }
        }
    }
    // Each merged cell: its first grid row and column, and its characters.
    let mut cells: std::collections::HashMap<usize, (usize, usize, usize, Vec<&Char>)> =
        std::collections::HashMap::new();
    for r in 0..rows {
        for c in 0..cols {
            let root = find(&mut parent, idx(r, c));
            let cell = cells.entry(root).or_insert((r, c, c, Vec::new()));
            cell.2 = cell.2.max(c);
        }
    }
    let (top, bottom, left, right) = (ys[0], ys[rows], xs[0], xs[cols]);
    for ch in &page.chars {
        let (cx, cy) = ((ch.x0 + ch.x1) / 2.0, ch.y - ch.size * 0.35);
        if cx < left - 1.0 || cx > right + 1.0 || cy < top - 1.0 || cy > bottom + 1.0 {
            continue;
        }
        let c = xs.partition_point(|x| *x < cx).saturating_sub(1).min(cols - 1);
        let r = ys.partition_point(|y| *y < cy).saturating_sub(1).min(rows - 1);
        let root = find(&mut parent, idx(r, c));
        if let Some(cell) = cells.get_mut(&root) {
            cell.3.push(ch);
        }
    }
    let mut by_row: Vec<Vec<(usize, Cell)>> = vec![Vec::new(); rows];
    for (r, c, last, chars) in cells.into_values() {
        by_row[r].push((c, Cell { text: cell_text(&chars), x0: xs[c], x1: xs[last + 1] }));
    }
    let table_rows: Vec<Vec<Cell>> = by_row
        .into_iter()
        .map(|mut row| {
            row.sort_by_key(|(c, _)| *c);
            row.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
        })
        .filter(|row: &Vec<Cell>| row.iter().any(|t| !t.text.is_empty()))
        .collect();
    if table_rows.is_empty() {
        return None;
    }
    Some(Table { top, bottom, left, right, rows: table_rows })
}

/// A cell's text: its lines top to bottom, joined (a label wrapped inside its cell is one label).
fn cell_text(chars: &[&Char]) -> String {
    let mut text = String::new();
    for line in lines(chars) {
        join_into(&mut text, line.text.trim());
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(text: &str, x0: f64, y: f64) -> Char {
        Char { text: text.into(), x0, x1: x0 + 10.0, y, size: 10.0 }
    }

    fn word(s: &str, x0: f64, y: f64) -> Vec<Char> {
        s.chars().enumerate().map(|(i, c)| ch(&c.to_string(), x0 + 10.0 * i as f64, y)).collect()
    }

    fn rule(x0: f64, y0: f64, x1: f64, y1: f64) -> Rule {
        Rule { x0, y0, x1, y1 }
    }

    /// A 3-column grid from x=100 to 400 with rows at the given ys.
    fn grid_page(ys: &[f64], chars: Vec<Char>) -> Page {
        let mut rules: Vec<Rule> = ys.iter().map(|y| rule(100.0, *y, 400.0, *y)).collect();
        let (top, bottom) = (ys[0], ys[ys.len() - 1]);
        for x in [100.0, 250.0, 325.0, 400.0] {
            rules.push(rule(x, top, x, bottom));
        }
        Page { height: 842.0, chars, rules, unmapped: 0, images: 0 }
    }

    #[test]
    fn a_blank_cell_stays_in_its_column_and_a_wrapped_label_is_one_label() {
        let mut chars = word("规章", 105.0, 115.0);
        chars.extend(word("3", 330.0, 115.0)); // the middle column is blank
        chars.extend(word("本年新收政府信", 105.0, 135.0));
        chars.extend(word("息公开申请数量", 105.0, 147.0));
        chars.extend(word("12", 255.0, 140.0));
        chars.extend(word("5", 330.0, 140.0));
        let page = grid_page(&[100.0, 120.0, 155.0], chars);
        let text = flatten(&[page]);
        assert_eq!(text, "\t规章\n\t\n\t3\n\n\t本年新收政府信息公开申请数量\n\t12\n\t5\n");
    }

    #[test]
    fn a_vertical_header_spanning_rows_is_one_cell_in_its_first_row() {
        let mut rules: Vec<Rule> = [100.0, 120.0, 140.0].iter().map(|y| rule(100.0, *y, 300.0, *y)).collect();
        rules.push(rule(100.0, 100.0, 100.0, 140.0));
        rules.push(rule(130.0, 100.0, 130.0, 140.0));
        rules.push(rule(300.0, 100.0, 300.0, 140.0));
        rules.push(rule(200.0, 100.0, 200.0, 140.0));
        // the row line between the two rows does not cross the first column
        rules[1] = rule(130.0, 120.0, 300.0, 120.0);
        let mut chars = vec![ch("三", 110.0, 112.0), ch("、", 110.0, 122.0), ch("本", 110.0, 132.0)];
        chars.extend(word("予以公开", 135.0, 115.0));
        chars.extend(word("7", 210.0, 115.0));
        chars.extend(word("部分公开", 135.0, 135.0));
        chars.extend(word("8", 210.0, 135.0));
        let page = Page { height: 842.0, chars, rules, unmapped: 0, images: 0 };
        let text = flatten(&[page]);
        assert_eq!(text, "\t三、本\n\t予以公开\n\t7\n\n\t部分公开\n\t8\n");
    }

    #[test]
    fn a_table_running_onto_the_next_page_is_one_table_without_its_repeated_header() {
        let mut a = word("内容", 105.0, 115.0);
        a.extend(word("数量", 255.0, 115.0));
        a.extend(word("规章", 105.0, 135.0));
        a.extend(word("1", 255.0, 135.0));
        a.extend(word("-3-", 290.0, 800.0));
        let mut b = word("内容", 105.0, 115.0);
        b.extend(word("数量", 255.0, 115.0));
        b.extend(word("文件", 105.0, 135.0));
        b.extend(word("2", 255.0, 135.0));
        b.extend(word("正文继续", 100.0, 200.0));
        let pages = [grid_page(&[100.0, 120.0, 140.0], a), grid_page(&[100.0, 120.0, 140.0], b)];
        let text = flatten(&pages);
        let want = "\t内容\n\t数量\n\t\n\n\t规章\n\t1\n\t\n\n\t文件\n\t2\n\t\n\n正文继续\n";
        assert_eq!(text, want);
    }

    #[test]
    fn a_table_without_outer_side_borders_keeps_its_first_and_last_columns() {
        let mut rules: Vec<Rule> = [100.0, 120.0, 140.0].iter().map(|y| rule(100.0, *y, 400.0, *y)).collect();
        rules.extend([250.0, 325.0].iter().map(|x| rule(*x, 100.0, *x, 140.0)));
        let mut chars = word("规章", 105.0, 115.0);
        chars.extend(word("1", 260.0, 115.0));
        chars.extend(word("9", 330.0, 115.0));
        chars.extend(word("文件", 105.0, 135.0));
        chars.extend(word("4", 330.0, 135.0));
        let page = Page { height: 842.0, chars, rules, unmapped: 0, images: 0 };
        assert_eq!(flatten(&[page]), "\t规章\n\t1\n\t9\n\n\t文件\n\t\n\t4\n");
    }

    #[test]
    fn a_frame_around_text_is_not_a_table_and_running_headers_go() {
        let frame = vec![
            rule(90.0, 90.0, 500.0, 90.0),
            rule(90.0, 300.0, 500.0, 300.0),
            rule(90.0, 90.0, 90.0, 300.0),
            rule(500.0, 90.0, 500.0, 300.0),
        ];
        let page = |body: &str, n: &str| {
            let mut chars = word("某某县人民政府办公室", 100.0, 40.0);
            chars.extend(word(body, 100.0, 150.0));
            chars.extend(word(n, 290.0, 800.0));
            Page { height: 842.0, chars, rules: frame.clone(), unmapped: 0, images: 0 }
        };
        let text = flatten(&[page("一、总体情况", "1"), page("二、主动公开", "2"), page("三、收到", "3")]);
        assert_eq!(text, "一、总体情况\n二、主动公开\n三、收到\n");
    }

    #[test]
    fn wrapped_paragraph_lines_are_joined_and_headings_are_not() {
        let mut chars = word("一、总体情况", 100.0, 100.0);
        chars.extend(word("本机关坚持以人民为中心推进政务公开工作取得", 120.0, 120.0)); // indented first line
        chars.extend(word("新进展今年主动公开信息一千条较上年有所增加", 100.0, 140.0));
        chars.extend(word("全年。", 100.0, 160.0));
        chars.extend(word("二、主动公开政府信息情况", 100.0, 180.0));
        let page = Page { height: 842.0, chars, rules: vec![], unmapped: 0, images: 0 };
        let text = flatten(&[page]);
        let want = "一、总体情况\n本机关坚持以人民为中心推进政务公开工作取得新进展今年主动公开信息一千条较上年有所增加全年。\n二、主动公开政府信息情况\n";
        assert_eq!(text.replace("  ", ""), want.replace("  ", ""), "{text}");
    }
}
