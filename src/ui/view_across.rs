//! Drawing the views across reports: compare (one agency over the years) and stats (totals and a
//! bar chart by year). Rendering never changes state.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::App;
use super::app_across::{CHART_FIGURES, CompareView, StatsView, compare_label_width, values};
use super::view::{Theme, block, with_hints};
use crate::render::{column_widths, fit, sanitize_for_terminal};

/// A one-line head and a one-line status around a body.
fn frame(area: Rect) -> [Rect; 3] {
    Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area)
}

fn status_line(app: &App, hints: &str, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let line = if app.status.is_empty() {
        with_hints("", hints, usize::from(area.width))
    } else {
        format!(" {}", sanitize_for_terminal(&app.status))
    };
    Paragraph::new(fit(&line, usize::from(area.width), false)).style(theme.dim()).render(area, buf);
}

/// The compare view: key figures as rows, years as columns (label column frozen), then the checks.
pub(super) fn compare_screen(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let [head, body, status] = frame(area);
    let Some(v) = &app.compare else { return };
    let title = format!(" {} · {}", s.compare_title, v.title);
    Paragraph::new(fit(&title, usize::from(head.width), false)).style(theme.accent()).render(head, buf);
    let b = block(app, "", false, theme).borders(Borders::TOP);
    let inner = b.inner(body);
    b.render(body, buf);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    if height == 0 {
        status_line(app, s.compare_keys, status, buf, theme);
        return;
    }
    // The year header stays on top; rows and checks scroll under it.
    let mut lines = vec![compare_row(v, None, width, theme)];
    let mut rest: Vec<Line> = (0..v.grid.rows.len()).map(|r| compare_row(v, Some(r), width, theme)).collect();
    if !v.checks.is_empty() {
        rest.push(Line::raw(""));
        rest.push(Line::styled(s.cross_year_checks, theme.accent()));
        for (year, failing, text) in &v.checks {
            let mark = if *failing { "!" } else { " " };
            let line = fit(&sanitize_for_terminal(&format!("{mark} {year} {text}")), width, false);
            rest.push(if *failing { Line::styled(line, theme.bad()) } else { Line::styled(line, theme.dim()) });
        }
    }
    lines.extend(rest.into_iter().skip(v.scroll).take(height - 1));
    Paragraph::new(lines).render(inner, buf);
    status_line(app, s.compare_keys, status, buf, theme);
}

/// One line of the compare grid (`None`: the year header), whole columns only.
fn compare_row<'a>(v: &CompareView, row: Option<usize>, width: usize, theme: &Theme) -> Line<'a> {
    let lw = compare_label_width(&v.grid);
    let widths = column_widths(&v.grid);
    let label = match row {
        Some(r) => v.grid.rows.get(r).map_or_else(String::new, |gr| sanitize_for_terminal(&gr.label)),
        None if v.hscroll > 0 => "<".to_string(),
        None => String::new(),
    };
    let mut spans = vec![Span::raw(fit(&label, lw, false))];
    let mut used = lw;
    for (c, w) in widths.iter().enumerate().skip(v.hscroll) {
        if used + 2 + w > width {
            spans.push(Span::styled(fit(" >", width.saturating_sub(used), false), theme.dim()));
            break;
        }
        let (text, style) = match row {
            None => (v.grid.header.get(c).cloned().unwrap_or_default(), theme.dim()),
            Some(r) => {
                let cell = v.grid.rows.get(r).and_then(|gr| gr.cells.get(c)).cloned().unwrap_or_default();
                let style = if cell.ends_with('!') { theme.bad() } else { theme.base() };
                (cell, style)
            }
        };
        spans.push(Span::raw("  "));
        spans.push(Span::styled(fit(&text, *w, true), style));
        used += 2 + w;
    }
    Line::from(spans)
}

/// The stats view: a table of totals by the chosen grouping, and a bar chart of one figure by year.
pub(super) fn stats_screen(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let [head, body, status] = frame(area);
    let Some(v) = &app.stats else { return };
    let query = if v.query.trim().is_empty() { s.all.to_string() } else { sanitize_for_terminal(&v.query) };
    let total = v.table.as_ref().map_or_else(|| "...".to_string(), |t| s.reports(count(t.total)));
    let title = format!(" {} · {} · {total} · {query}", s.stats_title, s.group_name(v.by));
    Paragraph::new(fit(&title, usize::from(head.width), false)).style(theme.accent()).render(head, buf);
    let years = v.years.as_ref().map_or(0, |t| t.groups.len());
    let groups = v.table.as_ref().map_or(1, |t| t.groups.len());
    // The table as tall as its rows (at most half the body), the chart below it; no chart on very
    // small screens.
    let table_h = u16::try_from(groups + 2).unwrap_or(u16::MAX).min(body.height / 2).max(3);
    let chart_h = if body.height >= 10 && years > 0 { body.height.saturating_sub(table_h) } else { 0 };
    let [table_area, chart_area] = Layout::vertical([Constraint::Fill(1), Constraint::Length(chart_h)]).areas(body);
    stats_table(app, v, table_area, buf, theme);
    if chart_h > 0 {
        year_chart(app, v, chart_area, buf, theme);
    }
    status_line(app, s.stats_keys, status, buf, theme);
}

fn count(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn stats_table(app: &App, v: &StatsView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let b = block(app, "", false, theme).borders(Borders::TOP);
    let inner = b.inner(area);
    b.render(area, buf);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let Some(t) = &v.table else {
        Paragraph::new(Line::styled(s.counting, theme.dim())).render(inner, buf);
        return;
    };
    if height == 0 {
        return;
    }
    let rows: Vec<(String, Vec<String>)> = t
        .groups
        .iter()
        .map(|g| (sanitize_for_terminal(&g.key), values(g).iter().map(ToString::to_string).collect()))
        .collect();
    let kw = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(4).clamp(4, 16);
    let widths: Vec<usize> = s
        .stats_headers
        .iter()
        .enumerate()
        .map(|(i, h)| rows.iter().map(|(_, v)| v[i].width()).chain([h.width()]).max().unwrap_or(1))
        .collect();
    // As many whole columns as fit.
    let mut shown = 0;
    let mut used = kw;
    for w in &widths {
        if used + 2 + w > width {
            break;
        }
        used += 2 + w;
        shown += 1;
    }
    let line = |key: &str, cells: &[String]| -> String {
        let mut l = fit(key, kw, false);
        for (c, w) in cells.iter().zip(&widths).take(shown) {
            l.push_str("  ");
            l.push_str(&fit(c, *w, true));
        }
        l
    };
    let head: Vec<String> = s.stats_headers.iter().map(|h| (*h).to_string()).collect();
    let mut lines = vec![Line::styled(line(s.group_name(v.by), &head), theme.dim())];
    lines.extend(rows.iter().skip(v.scroll).take(height - 1).map(|(k, cells)| Line::raw(line(k, cells))));
    Paragraph::new(lines).render(inner, buf);
}

fn year_chart(app: &App, v: &StatsView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let Some(years) = &v.years else { return };
    let col = CHART_FIGURES[v.figure % CHART_FIGURES.len()];
    let name = s.chart_figures[v.figure % CHART_FIGURES.len()];
    let title = format!(" {} {name} {} ", s.chart_title, s.chart_hint);
    let b = block(app, "", false, theme).borders(Borders::TOP).title(Span::styled(title, theme.accent()));
    let bars: Vec<Bar> = years
        .groups
        .iter()
        .map(|g| {
            let value = values(g)[col].max(0);
            Bar::default()
                .label(Line::raw(fit(&sanitize_for_terminal(&g.key), 7, false)))
                .value(u64::try_from(value).unwrap_or(0))
                .text_value(value.to_string())
        })
        .collect();
    // Bars as thick as the height allows (one to three rows), a row apart when there is room.
    let rows = usize::from(area.height.saturating_sub(1));
    let n = bars.len().max(1);
    let gap = usize::from(rows >= 2 * n);
    let width = ((rows + gap) / n).saturating_sub(gap).clamp(1, 3);
    let mut chart = BarChart::default()
        .block(b)
        .direction(Direction::Horizontal)
        .bar_width(u16::try_from(width).unwrap_or(1))
        .bar_gap(u16::try_from(gap).unwrap_or(0))
        .bar_style(theme.accent())
        .value_style(theme.base())
        .data(BarGroup::default().bars(&bars));
    if app.ascii {
        chart = chart.bar_set(ASCII_BARS);
    }
    chart.render(area, buf);
}

/// Bars drawn with `#` (for `--ascii` and non-UTF-8 locales).
const ASCII_BARS: ratatui::symbols::bar::Set = ratatui::symbols::bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "#",
    three_eighths: "#",
    one_quarter: "#",
    one_eighth: "#",
    empty: " ",
};
