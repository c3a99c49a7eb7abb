//! Tables drawn without ruling lines, rebuilt from the alignment of their figures.
//!
//! A run of lines with wide gaps (see `grid::tabulate`) is read as a table when its figures line up:
//! a line ending in figures is a row; the figures' x-extents, clustered over the rows, are the
//! columns, so a row without a figure in a column gets a blank cell there (null, not a shift); header
//! lines (text over the figure columns, before the rows) give each column its header (a column blank
//! in every row is not seen: its rows come out short, and are left null by the parser); a label line
//! without figures (a label wrapped above or below its figures, a vertical row header one character
//! per line) joins the nearest row. A header line after rows starts a new table (the 2021 active table's
//! blocks). When anything does not fit — two figures in one column of a row, figures left of the
//! labels — the lines stay as they are, read like `pdftotext -layout` text.

use super::grid::{Block, Cell, Line, Table, is_figure};

/// The page's lines as blocks, with runs of table lines that line up turned into tables.
pub(super) fn tables(lines: Vec<Line>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut run: Vec<Line> = Vec::new();
    for mut line in lines {
        if line.columns && !is_section_heading(&line) {
            run.push(line);
            continue;
        }
        flush(&mut run, &mut out);
        if line.columns && is_section_heading(&line) {
            line.columns = false;
            line.text = line.text.trim_start().to_string();
        }
        out.push(Block::Line(line));
    }
    flush(&mut run, &mut out);
    out
}

/// A report section's heading (三、收到和处理政府信息公开申请情况): it ends a table, never joins one.
fn is_section_heading(line: &Line) -> bool {
    let t = line.text.trim();
    let mut chars = t.chars();
    let numbered = chars.next().is_some_and(|c| "一二三四五六七".contains(c)) && chars.next() == Some('、');
    numbered && line.segs.len() == 1 && ["情况", "问题", "事项"].iter().any(|w| t.contains(w))
}

fn flush(run: &mut Vec<Line>, out: &mut Vec<Block>) {
    let lines = std::mem::take(run);
    if lines.len() < 2 {
        out.extend(lines.into_iter().map(Block::Line));
        return;
    }
    for (a, b) in parts(&lines) {
        match one(&lines[a..b]) {
            Some((table, used)) => {
                out.push(Block::Table(table));
                out.extend(lines[a + used..b].iter().cloned().map(Block::Line));
            }
            None => out.extend(lines[a..b].iter().cloned().map(Block::Line)),
        }
    }
}

/// A figure, not a list number (`2.`, `3、`).
fn figure(seg: &Cell) -> bool {
    let t = seg.text.trim();
    is_figure(t) && !t.ends_with(['.', '、', '．']) && t.chars().any(|c| c.is_ascii_digit() || "—－-/".contains(c))
}

/// How many segments at the end of the line are figures.
fn trailing_figures(line: &Line) -> usize {
    line.segs.iter().rev().take_while(|s| figure(s)).count()
}

/// Where a run of lines splits into tables: at a header line (text over the next rows' figures)
/// that follows rows — the 2021 active table's blocks, each with its own header.
fn parts(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut seen_row = false;
    for (i, l) in lines.iter().enumerate() {
        let row = trailing_figures(l) > 0;
        let next_figures = lines[i..]
            .iter()
            .find(|n| trailing_figures(n) > 0)
            .map(|n| n.segs[n.segs.len() - trailing_figures(n)].x0 - 0.5 * n.size);
        let header = !row && next_figures.is_some_and(|b| l.segs.iter().any(|s| (s.x0 + s.x1) / 2.0 >= b));
        if header && seen_row {
            out.push((start, i));
            start = i;
            seen_row = false;
        }
        seen_row |= row;
    }
    out.push((start, lines.len()));
    out
}

/// One table: header lines, rows and label lines; and how many of the lines it took (lines after
/// its last row that are not its labels end it).
fn one(lines: &[Line]) -> Option<(Table, usize)> {
    let rows: Vec<bool> = lines.iter().map(|l| trailing_figures(l) > 0).collect();
    let first_row = rows.iter().position(|r| *r)?;
    // The label area ends where the leftmost trailing figure starts.
    let boundary = lines
        .iter()
        .filter(|l| trailing_figures(l) > 0)
        .map(|l| l.segs[l.segs.len() - trailing_figures(l)].x0 - 0.5 * l.size)
        .reduce(f64::min)?;
    let size = lines.iter().map(|l| l.size).fold(0.0, f64::max).max(1.0);
    // Figure columns: overlapping x-extents of the rows' trailing figures.
    let mut cols: Vec<(f64, f64)> = Vec::new();
    for l in lines.iter().zip(&rows).filter(|(_, r)| **r).map(|(l, _)| l) {
        for s in &l.segs[l.segs.len() - trailing_figures(l)..] {
            let (x0, x1) = (s.x0 - 0.3 * size, s.x1 + 0.3 * size);
            match cols.iter_mut().find(|c| c.0 < x1 && x0 < c.1) {
                Some(c) => *c = (c.0.min(s.x0), c.1.max(s.x1)),
                None => cols.push((s.x0, s.x1)),
            }
        }
    }
    cols.sort_by(|a, b| a.0.total_cmp(&b.0));
    if cols.is_empty() || cols.windows(2).any(|w| w[0].1 > w[1].0 + 0.3 * size) {
        return None;
    }
    // Each column owns x up to the midpoint between it and its neighbours.
    let bounds: Vec<f64> = cols.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0).collect();
    let column_of = |s: &Cell| bounds.partition_point(|b| *b < (s.x0 + s.x1) / 2.0);
    // A header segment spanning two columns' figures is a group header (申请人情况), not a column's.
    let spans = |s: &Cell| cols.iter().filter(|c| c.0 < s.x1 && s.x0 < c.1).count() > 1;
    // Label columns: starts of label-area text, clustered.
    let mut label_starts: Vec<f64> = Vec::new();
    for l in lines {
        for s in l.segs.iter().filter(|s| (s.x0 + s.x1) / 2.0 < boundary) {
            if !label_starts.iter().any(|x| (x - s.x0).abs() <= size) {
                label_starts.push(s.x0);
            }
        }
    }
    label_starts.sort_by(f64::total_cmp);
    let label_of = |s: &Cell| label_starts.iter().rposition(|x| *x <= s.x0 + size).unwrap_or(0);
    let n_labels = label_starts.len().max(1);
    // Header lines: up to the last line before the rows with text over the figure columns; label
    // lines after it are wrapped labels of the first rows.
    let header_end = lines[..first_row]
        .iter()
        .rposition(|l| l.segs.iter().any(|s| (s.x0 + s.x1) / 2.0 >= boundary))
        .map_or(0, |i| i + 1);
    // The header row: label-area text and each column's header, top to bottom.
    let mut header: Vec<String> = vec![String::new(); n_labels + cols.len()];
    for l in &lines[..header_end] {
        for s in &l.segs {
            if (s.x0 + s.x1) / 2.0 < boundary {
                header[label_of(s)].push_str(&s.text);
            } else if !spans(s) {
                header[n_labels + column_of(s)].push_str(&s.text);
            }
        }
    }
    // Rows, then label lines joined to the nearest row.
    let row_lines: Vec<usize> = (first_row..lines.len()).filter(|i| rows[*i]).collect();
    let mut body: Vec<Vec<String>> = vec![vec![String::new(); n_labels + cols.len()]; row_lines.len()];
    for (r, &i) in row_lines.iter().enumerate() {
        let l = &lines[i];
        let figures = trailing_figures(l);
        for (k, s) in l.segs.iter().enumerate() {
            if k >= l.segs.len() - figures {
                let cell = &mut body[r][n_labels + column_of(s)];
                if !cell.is_empty() {
                    return None; // two figures in one column
                }
                cell.push_str(s.text.trim());
            } else if (s.x0 + s.x1) / 2.0 < boundary {
                body[r][label_of(s)].push_str(&s.text);
            } else {
                return None; // text among the figures
            }
        }
    }
    // A label line well within a row's pitch of a row is part of its label; one a whole pitch away
    // from every row is a row of its own whose cells are all blank (never its neighbour's label); one
    // halfway between two rows leaves the table to be read as plain lines.
    // The pitch: the commonest distance between two figure rows (rows with one-line labels).
    let mut steps: Vec<f64> =
        row_lines.windows(2).map(|w| lines[w[1]].top - lines[w[0]].top).filter(|d| *d > 0.5 * size).collect();
    steps.sort_by(f64::total_cmp);
    let pitch = steps.get(steps.len() / 2).copied().unwrap_or(1.8 * size);
    let mut blank_rows: Vec<(usize, Vec<String>)> = Vec::new();
    let last_row = row_lines.last().copied().unwrap_or(0);
    let mut end = lines.len();
    // Label lines first are placed with the rows as read so far (their own labels).
    let own_labels: Vec<Vec<String>> = body.clone();
    for (i, l) in lines.iter().enumerate().skip(header_end).filter(|(i, _)| !rows[*i]) {
        let mut by_distance: Vec<(f64, usize)> =
            row_lines.iter().enumerate().map(|(r, k)| ((lines[*k].top - l.top).abs(), r)).collect();
        by_distance.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (d, nearest) = *by_distance.first()?;
        let second = by_distance.get(1).map_or((f64::MAX, nearest), |x| *x);
        if d <= 0.8 * pitch && second.0 < 1.25 * d + 0.1 * size {
            // Between two rows. Harmless only for a group label or a vertical header: text left
            // of where both rows' own labels stand (the parser reads a row by its last label).
            let right_of = |r: usize, k: usize| own_labels[r][k + 1..n_labels].iter().any(|t| !t.is_empty());
            let group = l.segs.iter().all(|s| {
                (s.x0 + s.x1) / 2.0 < boundary && right_of(nearest, label_of(s)) && right_of(second.1, label_of(s))
            });
            if !group {
                return None; // whose label it continues is not clear
            }
        }
        if d > 0.8 * pitch {
            if l.segs.iter().any(|s| (s.x0 + s.x1) / 2.0 >= boundary) {
                if i > last_row {
                    end = i; // the table ended: a heading or text after it
                    break;
                }
                return None;
            }
            if l.segs.iter().any(|s| (s.x0 + s.x1) / 2.0 >= boundary) {
                return None;
            }
            let mut cells = vec![String::new(); n_labels + cols.len()];
            for s in &l.segs {
                cells[label_of(s)].push_str(&s.text);
            }
            blank_rows.push((i, cells));
            continue;
        }
        let before = row_lines[nearest] > i;
        for s in &l.segs {
            if (s.x0 + s.x1) / 2.0 >= boundary {
                return None; // a header inside the rows
            }
            let cell = &mut body[nearest][label_of(s)];
            if before {
                cell.insert_str(0, &s.text);
            } else {
                cell.push_str(&s.text);
            }
        }
    }
    let left = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    let right = lines.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
    let cell_edges: Vec<(f64, f64)> = label_starts
        .iter()
        .enumerate()
        .map(|(k, x)| (*x, label_starts.get(k + 1).copied().unwrap_or(cols[0].0)))
        .chain(cols.iter().copied())
        .collect();
    // Label cells only where they hold text (an empty one would read as a blank figure); figure
    // cells always, blank or not.
    let to_cells = |texts: Vec<String>| -> Vec<Cell> {
        texts
            .into_iter()
            .enumerate()
            .filter(|(k, text)| *k >= n_labels || !text.is_empty())
            .map(|(k, text)| {
                let (x0, x1) = cell_edges.get(k).copied().unwrap_or((left, right));
                Cell { text, x0, x1 }
            })
            .collect()
    };
    let mut table_rows = Vec::new();
    if header.iter().any(|h| !h.is_empty()) {
        table_rows.push(to_cells(header));
    }
    // Rows in page order: figure rows and blank rows.
    let mut ordered: Vec<(usize, Vec<String>)> = row_lines.iter().copied().zip(body).collect();
    ordered.extend(blank_rows);
    ordered.sort_by_key(|(i, _)| *i);
    table_rows.extend(ordered.into_iter().map(|(_, cells)| to_cells(cells)));
    let top = lines.first().map_or(0.0, |l| l.top);
    let bottom = lines[..end].last().map_or(0.0, |l| l.top + l.size);
    Some((Table { top, bottom, left, right, rows: table_rows }, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table line at `top` from pieces `(x0, text)`, each piece 10 points a character.
    fn line(top: f64, pieces: &[(f64, &str)]) -> Line {
        let segs: Vec<Cell> = pieces
            .iter()
            .map(|(x, t)| Cell { text: (*t).to_string(), x0: *x, x1: x + 10.0 * t.chars().count() as f64 })
            .collect();
        let text = pieces.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("    ");
        Line {
            top,
            x0: segs.first().map_or(0.0, |s| s.x0),
            x1: segs.last().map_or(0.0, |s| s.x1),
            size: 10.0,
            text,
            segs,
            columns: true,
            lead: 0.0,
        }
    }

    fn cells(blocks: &[Block]) -> Vec<Vec<Vec<String>>> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t.rows.iter().map(|r| r.iter().map(|c| c.text.clone()).collect()).collect()),
                Block::Line(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_blank_cell_keeps_its_column_and_a_blank_row_stays_a_row() {
        let lines = vec![
            line(
                100.0,
                &[(50.0, "信息内容"), (200.0, "本年制发件数"), (300.0, "本年废止件数"), (400.0, "现行有效件数")],
            ),
            line(120.0, &[(50.0, "规章")]),
            line(140.0, &[(50.0, "行政规范性文件"), (230.0, "2"), (330.0, "0"), (430.0, "80")]),
            line(160.0, &[(50.0, "其他文件"), (230.0, "5"), (430.0, "7")]),
        ];
        let got = cells(&tables(lines));
        let want = vec![vec![
            vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            vec!["规章", "", "", ""],
            vec!["行政规范性文件", "2", "0", "80"],
            vec!["其他文件", "5", "", "7"],
        ]];
        assert_eq!(got, want);
    }

    #[test]
    fn a_label_wrapped_around_its_figures_is_one_label() {
        let lines = vec![
            line(100.0, &[(50.0, "一、本年新收"), (230.0, "3"), (330.0, "4")]),
            line(120.0, &[(50.0, "（二）部分公开（区分")]),
            line(126.0, &[(230.0, "1"), (330.0, "0")]),
            line(132.0, &[(50.0, "处理的）")]),
            line(146.0, &[(50.0, "（三）总计"), (230.0, "4"), (330.0, "4")]),
        ];
        let got = cells(&tables(lines));
        let want = vec![vec![
            vec!["一、本年新收", "3", "4"],
            vec!["（二）部分公开（区分处理的）", "1", "0"],
            vec!["（三）总计", "4", "4"],
        ]];
        assert_eq!(got, want);
    }

    #[test]
    fn a_label_line_halfway_between_two_rows_leaves_the_lines_as_they_are() {
        let lines = vec![
            line(100.0, &[(50.0, "甲"), (230.0, "3"), (330.0, "4")]),
            line(110.0, &[(50.0, "乙丙")]),
            line(120.0, &[(50.0, "丁"), (230.0, "1"), (330.0, "0")]),
            line(130.0, &[(50.0, "戊"), (230.0, "1"), (330.0, "0")]),
        ];
        let blocks = tables(lines);
        assert!(blocks.iter().all(|b| matches!(b, Block::Line(_))));
        // Two figures in one column, too.
        let lines = vec![
            line(100.0, &[(50.0, "甲"), (220.0, "12345"), (330.0, "4")]),
            line(120.0, &[(50.0, "丁"), (225.0, "1"), (255.0, "2"), (330.0, "0")]),
        ];
        assert!(tables(lines).iter().all(|b| matches!(b, Block::Line(_))));
    }
}
