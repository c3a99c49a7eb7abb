//! Drawing: `impl Widget for &App`. Rendering never changes state. Widths are display widths.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, FILTER_COUNT, Focus, ReviewFilter, Screen};
use super::doc::{self, DocLine};
use super::picker::{Picker, field_values};
use crate::query::Hit;
use crate::render::sanitize_for_terminal;
use crate::render::{column_widths, fit};
use crate::schema::Table;

/// Styles for colour or NO_COLOR terminals.
pub(super) struct Theme {
    pub(super) color: bool,
    pub(super) c: crate::config::Colors,
}

impl Theme {
    pub(super) fn base(&self) -> Style {
        Style::default()
    }
    pub(super) fn dim(&self) -> Style {
        if self.color { Style::default().fg(self.c.dim) } else { Style::default() }
    }
    pub(super) fn accent(&self) -> Style {
        if self.color {
            Style::default().fg(self.c.accent).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    pub(super) fn selected(&self) -> Style {
        if self.color {
            Style::default().bg(self.c.selected_bg).fg(self.c.selected_fg)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    pub(super) fn hit(&self) -> Style {
        if self.color {
            Style::default().fg(self.c.hit_fg).bg(self.c.hit_bg)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    pub(super) fn bad(&self) -> Style {
        if self.color {
            Style::default().fg(self.c.bad).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
}

pub(super) fn block<'a>(app: &App, title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let set = if app.ascii { ASCII_BORDER } else { border::PLAIN };
    let style = if focused { theme.accent() } else { theme.dim() };
    Block::default().borders(Borders::ALL).border_set(set).border_style(style).title(Span::styled(title, style))
}

/// Borders made of ASCII only (for `--ascii` and non-UTF-8 locales).
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.lang.strings();
        let theme = Theme { color: self.color, c: self.colors };
        match self.screen {
            Screen::Indexing => indexing(self, area, buf, &theme),
            Screen::Main => main_screen(self, area, buf, &theme),
            Screen::Report => report_screen(self, area, buf, &theme),
            Screen::Compare => super::view_across::compare_screen(self, area, buf, &theme),
            Screen::Stats => super::view_across::stats_screen(self, area, buf, &theme),
        }
        if let Some(p) = &self.picker
            && self.screen == Screen::Main
        {
            picker_box(self, p, area, buf, &theme);
        }
        if self.flag_input.is_some() {
            flag_box(self, area, buf, &theme);
        }
        if let Some(text) = &self.find_input {
            let r =
                Rect { x: area.x, y: area.bottom().saturating_sub(1), width: area.width, height: 1.min(area.height) };
            clear(r, buf);
            let line = Line::from(vec![
                Span::styled(s.find_prompt, theme.accent()),
                Span::raw(sanitize_for_terminal(text)),
                Span::styled("_", theme.accent()),
            ]);
            Paragraph::new(line).render(r, buf);
        }
        if self.help {
            help(self, area, buf, &theme);
        }
    }
}

fn indexing(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let [_, mid, _] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5), Constraint::Fill(1)]).areas(area);
    let (done, total) = app.indexing;
    let ratio = if total == 0 { 0.0 } else { (done as f64 / total as f64).clamp(0.0, 1.0) };
    Gauge::default()
        .block(block(app, s.indexing, true, theme))
        .gauge_style(theme.accent())
        .ratio(ratio)
        .label(format!("{done}/{total}"))
        .render(mid, buf);
}

fn main_screen(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    // Small screens give up the box's border, then the filter bar, then the preview; the list stays.
    let search_h = if area.height < 9 { 1 } else { 3 };
    let bar_h = u16::from(area.height >= 12);
    let [search, filters, body, status] = Layout::vertical([
        Constraint::Length(search_h),
        Constraint::Length(bar_h),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if search_h == 3 {
        Paragraph::new(search_line(app, usize::from(search.width.saturating_sub(2)), theme))
            .block(block(app, s.search, app.focus == Focus::Search, theme))
            .render(search, buf);
    } else {
        let mut line = search_line(app, usize::from(search.width.saturating_sub(2)), theme);
        line.spans.insert(0, Span::styled("> ", theme.accent()));
        Paragraph::new(line).render(search, buf);
    }
    if bar_h > 0 {
        filter_bar(app, filters, buf, theme);
    }
    let (list_area, preview_area) = split_body(app, body);
    hit_list(app, list_area, buf, theme);
    if let Some(p) = preview_area {
        preview(app, p, buf, theme);
    }
    let pending = if app.pending { s.searching } else { "" };
    let msg = match &app.query_error {
        Some(e) => format!("{}: {}", s.query_unfinished, sanitize_for_terminal(e)),
        None if app.status.is_empty() => s.main_keys.to_string(),
        None => sanitize_for_terminal(&app.status),
    };
    let head =
        format!(" {} | {:.1} ms{pending}", s.reports(app.result.total), app.result.elapsed.as_secs_f64() * 1000.0);
    let text = if app.status.is_empty() && app.query_error.is_none() {
        with_hints(&head, &msg, usize::from(status.width))
    } else {
        format!("{head} | {msg}")
    };
    Paragraph::new(fit(&text, usize::from(status.width), false)).style(theme.dim()).render(status, buf);
}

/// `head` followed by as many whole key hints (`a | b | c`) as fit in `width`: none is cut mid-word.
pub(super) fn with_hints(head: &str, hints: &str, width: usize) -> String {
    let mut out = head.to_string();
    for h in hints.split(" | ") {
        let next = if out.trim().is_empty() { format!(" {h}") } else { format!("{out} | {h}") };
        if next.width() > width {
            break;
        }
        out = next;
    }
    out
}

/// The box's text with its cursor (the character under it reversed), scrolled so the cursor shows.
fn search_line(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let chars: Vec<char> = app.query.chars().collect();
    let at = app.cursor.min(chars.len());
    let clean = |cs: &[char]| sanitize_for_terminal(&cs.iter().collect::<String>());
    let mut before = clean(&chars[..at]);
    if app.focus != Focus::Search {
        return Line::from(sanitize_for_terminal(&app.query));
    }
    let Some(c) = chars.get(at) else {
        // At the end: an underscore, visible without colour too.
        let room = width.saturating_sub(1);
        while before.width() > room {
            before.remove(0);
        }
        return Line::from(vec![Span::raw(before), Span::styled("_", theme.accent())]);
    };
    let (under, after) = (clean(&[*c]), clean(&chars[at + 1..]));
    // Keep the cursor in view: drop characters from the left while the text before it is too wide.
    let room = width.saturating_sub(under.width().max(1));
    while before.width() > room {
        before.remove(0);
    }
    let cursor_style = if app.color { theme.accent().add_modifier(Modifier::REVERSED) } else { theme.hit() };
    Line::from(vec![Span::raw(before), Span::styled(under, cursor_style), Span::raw(after)])
}

fn count_of(list: &[(String, u64)], key: &str) -> u64 {
    list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
}

fn filter_bar(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let c = &app.result.counts;
    let all = s.all;
    // Year, type, province and failing checks are the query's own `field:value` terms.
    let shown = |field: &str, show: &dyn Fn(&str) -> String| -> String {
        let v = field_values(&app.query, field);
        if v.is_empty() { all.to_string() } else { v.iter().map(|x| show(x)).collect::<Vec<_>>().join("+") }
    };
    let year = shown("year", &|y| format!("{y}({})", count_of(&c.years, y)));
    let ty = shown("type", &|t| match crate::model::AgencyType::from_name(t) {
        Some(ty) => format!("{}({})", ty.chinese(), count_of(&c.types, ty.as_str())),
        None => t.to_string(),
    });
    let province = shown("province", &|p| p.to_string());
    let failing_on = !field_values(&app.query, "failing").is_empty();
    let failing = if failing_on { format!("{} {}", s.only, c.failing) } else { c.failing.to_string() };
    let reviewed = app.result.among_ids;
    let review = match app.filters.review {
        ReviewFilter::All => format!("{} {reviewed}", s.review_states[1]),
        ReviewFilter::Unreviewed => format!("{} {}", s.review_states[0], app.result.total),
        ReviewFilter::Reviewed => format!("{} {}", s.review_states[1], app.result.total),
        ReviewFilter::Flagged => format!("{} {}", s.review_states[2], app.result.total),
    };
    let items: [String; FILTER_COUNT] = [
        format!("{} {year}", s.filters[0]),
        format!("{} {ty}", s.filters[1]),
        format!("{} {province}", s.filters[2]),
        format!("{} {failing}", s.filters[3]),
        format!("{} {review}", s.filters[4]),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (i, it) in items.iter().enumerate() {
        let sel = app.focus == Focus::Filters && app.filter_sel == i;
        let marker = if sel { if app.ascii { ">" } else { "▶" } } else { " " };
        let it = sanitize_for_terminal(it);
        spans.push(Span::styled(format!("{marker}{it} "), if sel { theme.selected() } else { theme.base() }));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The open filter picker: every value with its count under the query (0 dimmed), below the bar.
fn picker_box(app: &App, p: &Picker, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let visible = p.visible();
    let width = visible.iter().map(|i| i.label.width() + 8).max().unwrap_or(10).clamp(20, 40) as u16;
    let height = (visible.len().max(1) as u16 + 2).min(area.height.saturating_sub(4).max(3));
    let x = area.x + (u16::try_from(app.filter_sel).unwrap_or(0) * 12).min(area.width.saturating_sub(width));
    let r = Rect { x, y: area.y + 4.min(area.height), width: width.min(area.width), height }.intersection(area);
    clear(r, buf);
    let name = s.filters[app.filter_sel.min(FILTER_COUNT - 1)];
    let title = if p.narrow.is_empty() { format!(" {name} ") } else { format!(" {name}: {} ", p.narrow) };
    let inner = usize::from(r.height.saturating_sub(2)).max(1);
    let first = p.sel.saturating_sub(inner - 1);
    let lines: Vec<Line> = if p.items.is_empty() {
        vec![Line::styled("…", theme.dim())]
    } else {
        visible
            .iter()
            .enumerate()
            .skip(first)
            .take(inner)
            .map(|(i, item)| {
                let w = usize::from(r.width.saturating_sub(2));
                let count = item.count.to_string();
                let label = fit(&sanitize_for_terminal(&item.label), w.saturating_sub(count.len() + 1), false);
                let text = format!("{label} {count}");
                let style = if i == p.sel {
                    theme.selected()
                } else if item.count == 0 {
                    theme.dim()
                } else {
                    theme.base()
                };
                Line::styled(text, style)
            })
            .collect()
    };
    Paragraph::new(lines).block(block(app, &title, true, theme)).render(r, buf);
}

/// The list and the preview: side by side on wide screens, the list as wide as its lines need (the
/// preview gets the rest, or nothing when no report is selected); stacked on narrow ones, the preview
/// only when the list keeps eight rows.
fn split_body(app: &App, body: Rect) -> (Rect, Option<Rect>) {
    if app.result.hits.get(app.selected).is_none() {
        return (body, None);
    }
    if body.width >= 100 {
        let rows = usize::from(body.height.saturating_sub(2)).max(1);
        let first = app.selected.saturating_sub(rows - 1);
        let natural = app.result.hits.iter().skip(first).take(rows).map(|h| hit_width(app, h)).max().unwrap_or(40) + 2;
        let list_w = u16::try_from(natural).unwrap_or(u16::MAX).clamp(body.width / 2, body.width - 36);
        let [l, p] = Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(body);
        return (l, Some(p));
    }
    if body.height >= 17 {
        let [l, p] = Layout::vertical([Constraint::Fill(1), Constraint::Length(7)]).areas(body);
        return (l, Some(p));
    }
    (body, None)
}

/// The width a hit's line needs to show in full.
fn hit_width(app: &App, h: &Hit) -> usize {
    let region: usize = h.region.parts().map(|r| r.width() + 1).sum();
    hit_line(app, h, 0, false).width() + region
}

fn hit_line(app: &App, h: &Hit, width: usize, selected: bool) -> String {
    let s = app.lang.strings();
    let e = app.reviews.get(h.id);
    let marker = if selected { if app.ascii { ">" } else { "▶" } } else { " " };
    let marks = format!(
        "{}{}{}",
        if h.failing { "!" } else { " " },
        if e.reviewed { "R" } else { " " },
        if e.flagged { "F" } else { " " }
    );
    let ty = h.agency_type.chinese();
    let region: Vec<&str> = h.region.parts().collect();
    let year = h.year.map_or("----".to_string(), |y| y.to_string());
    let apps = h.applications.map_or("-".into(), |n| n.to_string());
    let agency_w = if width > 0 && width < 50 { 8 } else { 14 };
    let lead = format!(
        "{marker}{marks} {} {year} {} ",
        fit(&sanitize_for_terminal(&h.agency), agency_w, false),
        fit(ty, 4, false)
    );
    let tail = format!(" {} {}", s.apps_short, fit(&apps, 5, true));
    let room = width.saturating_sub(lead.width() + tail.width());
    format!("{lead}{}{tail}", fit(&region.join(" "), room, false))
}

fn hit_list(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let title = if app.sort == crate::query::Sort::Score {
        format!(" {} {} ", s.results, app.result.total)
    } else {
        format!(" {} {} · {} ", s.results, app.result.total, s.sort_name(app.sort))
    };
    let b = block(app, &title, app.focus == Focus::List, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    if app.result.hits.is_empty() {
        let msg = if app.pending { s.searching.trim() } else { s.no_hits };
        Paragraph::new(msg).style(theme.dim()).render(inner, buf);
        return;
    }
    let rows = usize::from(inner.height).max(1);
    let first = app.selected.saturating_sub(rows - 1);
    let lines: Vec<Line> = app
        .result
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, h)| {
            let sel = i == app.selected;
            let style = if sel { theme.selected() } else { theme.base() };
            Line::styled(hit_line(app, h, usize::from(inner.width), sel), style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// `text` with the byte ranges in `hl` styled.
fn highlighted<'a>(text: &str, hl: &[(usize, usize)], theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    let mut at = 0;
    for &(a, b) in hl {
        if a < at || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        spans.push(Span::raw(sanitize_for_terminal(&text[at..a])));
        spans.push(Span::styled(sanitize_for_terminal(&text[a..b]), theme.hit()));
        at = b;
    }
    spans.push(Span::raw(sanitize_for_terminal(&text[at.min(text.len())..])));
    Line::from(spans)
}

fn preview(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let b = block(app, s.preview, false, theme);
    let inner = b.inner(area);
    b.render(area, buf);
    let Some(h) = app.result.hits.get(app.selected) else { return };
    let region: Vec<&str> = h.region.parts().collect();
    let mut lines = vec![
        Line::styled(sanitize_for_terminal(&format!("{} | {}", h.agency, region.join(" "))), theme.accent()),
        highlighted(&h.snippet.text, &h.snippet.highlights, theme),
    ];
    let figs: Vec<String> = s
        .headline
        .iter()
        .zip(&h.headline)
        .map(|(n, v)| format!("{n} {}", v.map_or("-".into(), |x| x.to_string())))
        .collect();
    lines.push(Line::raw(figs.join("  ")));
    let e = app.reviews.get(h.id);
    if e.flagged {
        lines.push(Line::styled(format!("{}: {}", s.review_states[2], sanitize_for_terminal(&e.note)), theme.bad()));
    }
    Paragraph::new(lines).wrap(Wrap { trim: true }).render(inner, buf);
}

fn report_screen(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let [head, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let pos = format!(" {}/{} ", app.report_pos + 1, app.result.total.max(app.result.hits.len()));
    let id = app.current_id().unwrap_or(0);
    let e = app.reviews.get(id);
    let marks = format!(
        "{}{}",
        if e.reviewed { format!("[{}]", s.review_states[1]) } else { String::new() },
        if e.flagged { format!("[{}: {}]", s.review_states[2], e.note) } else { String::new() }
    );
    let (agency, year) = app.report.as_ref().map_or((String::new(), String::new()), |r| {
        (r.agency.clone().unwrap_or_default(), r.year.map_or(String::new(), |y| y.to_string()))
    });
    let left = sanitize_for_terminal(&format!(" {agency} {year} {marks}"));
    let w = usize::from(head.width);
    let line = format!("{}{pos}", fit(&left, w.saturating_sub(pos.width()), false));
    Paragraph::new(line).style(theme.accent()).render(head, buf);
    let b = block(app, "", false, theme).borders(Borders::TOP);
    let inner = b.inner(body);
    b.render(body, buf);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    // A table's column header stays on top while its rows scroll.
    let sticky = doc::sticky_header(&app.doc, app.scroll).filter(|_| height > 2);
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    if let Some((table, _)) = sticky {
        lines.push(doc_line(app, &DocLine::TableHeader(table), width, theme).patch_style(theme.accent()));
    }
    let rest = height - lines.len();
    lines.extend(app.doc.iter().skip(app.scroll).take(rest).map(|l| doc_line(app, l, width, theme)));
    Paragraph::new(lines).render(inner, buf);
    let line = if app.status.is_empty() {
        with_hints("", s.report_keys, usize::from(status.width))
    } else {
        format!(" {}", sanitize_for_terminal(&app.status))
    };
    Paragraph::new(fit(&line, usize::from(status.width), false)).style(theme.dim()).render(status, buf);
}

fn doc_line<'a>(app: &App, l: &DocLine, width: usize, theme: &Theme) -> Line<'a> {
    match l {
        DocLine::Title(t) => Line::styled(t.clone(), theme.accent()),
        DocLine::Meta(t) => Line::styled(t.clone(), theme.dim()),
        DocLine::Blank => Line::raw(""),
        DocLine::Heading { text, .. } => Line::styled(text.clone(), theme.accent()),
        DocLine::Text(t) => {
            let mut terms = crate::query::parse(&app.query).map(|p| p.highlight_terms()).unwrap_or_default();
            terms.extend(app.find.iter().cloned());
            highlighted(t, &crate::query::term_ranges(t, &terms), theme)
        }
        DocLine::Note(t) => Line::styled(t.clone(), theme.bad()),
        DocLine::TableTitle(id) => Line::styled(format!("[{}]", id.title()), theme.accent()),
        DocLine::TableHeader(id) => table_line(app, *id, None, width, theme),
        DocLine::TableRow { table, row, part, label } => {
            table_line(app, *table, Some((*row, *part, label.as_str())), width, theme)
        }
    }
}

/// One line of a table: the label column frozen, value columns from `hscroll`, whole columns only.
fn table_line<'a>(app: &App, id: Table, row: Option<(usize, usize, &str)>, width: usize, theme: &Theme) -> Line<'a> {
    let Some((_, full)) = app.grids.iter().find(|(t, _)| *t == id) else { return Line::raw("") };
    let (g, lw) = doc::shown_grid(full, width);
    let widths = column_widths(&g);
    let hscroll = app.hscroll_of(id);
    let label = match row {
        Some((_, _, l)) => l.to_string(),
        None if hscroll > 0 => "<".to_string(),
        None => String::new(),
    };
    let marked_row =
        row.is_some_and(|(r, _, _)| g.rows.get(r).is_some_and(|gr| app.marks.contains(&(id, gr.key.clone()))));
    let mut spans = vec![Span::styled(fit(&label, lw, false), if marked_row { theme.bad() } else { theme.base() })];
    let mut used = lw;
    for (c, w) in widths.iter().enumerate().skip(hscroll) {
        if used + 2 + w > width {
            spans.push(Span::styled(fit(" >", width.saturating_sub(used), false), theme.dim()));
            break;
        }
        let head = g.header.get(c).cloned().unwrap_or_default();
        let marked_col = full.keys.get(c).is_some_and(|k| app.marks.contains(&(id, k.clone())));
        let text = match row {
            Some((r, 0, _)) => g.rows.get(r).and_then(|gr| gr.cells.get(c)).cloned().unwrap_or_default(),
            Some(_) => String::new(),
            None => head,
        };
        let style = if row.is_some() && (marked_row || marked_col) {
            theme.bad()
        } else if row.is_none() {
            theme.dim()
        } else {
            theme.base()
        };
        spans.push(Span::raw("  "));
        spans.push(Span::styled(fit(&text, *w, true), style));
        used += 2 + w;
    }
    Line::from(spans)
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// Clears an overlay's area, and the wide characters straddling its left and right edges, so no half
/// of a double-width character is left beside the overlay's border.
fn clear(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    for y in r.top()..r.bottom() {
        if r.left() > 0
            && let Some(c) = buf.cell_mut((r.left() - 1, y))
            && c.symbol().width() > 1
        {
            c.set_symbol(" ");
        }
        if let Some(c) = buf.cell_mut((r.right(), y))
            && c.symbol().is_empty()
        {
            c.set_symbol(" ");
        }
    }
}

fn help(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let r = centered(area, 76, 22);
    clear(r, buf);
    let rows = usize::from(r.height.saturating_sub(2)).max(1);
    let inner = usize::from(r.width.saturating_sub(2));
    // Wide enough: key and text on one line; narrow: the key, then its text wrapped below it.
    let mut lines: Vec<Line> = Vec::new();
    for (k, v) in s.help {
        if inner >= 16 + v.width() {
            lines.push(Line::from(vec![Span::styled(fit(k, 16, false), theme.accent()), Span::raw(*v)]));
        } else {
            lines.push(Line::styled((*k).to_string(), theme.accent()));
            for l in crate::render::wrap(v, inner.saturating_sub(2).max(4)) {
                lines.push(Line::raw(format!("  {l}")));
            }
        }
    }
    let first = app.help_scroll.min(lines.len().saturating_sub(rows));
    let shown: Vec<Line> = lines.into_iter().skip(first).take(rows).collect();
    let title = if inner >= s.help_title.width() { s.help_title } else { s.help_title_short };
    Paragraph::new(shown).block(block(app, title, true, theme)).render(r, buf);
}

fn flag_box(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let s = app.lang.strings();
    let r = Rect { x: area.x, y: area.bottom().saturating_sub(3), width: area.width, height: 3.min(area.height) };
    clear(r, buf);
    let note = sanitize_for_terminal(app.flag_input.as_deref().unwrap_or(""));
    Paragraph::new(Line::from(vec![Span::raw(note), Span::styled("_", theme.accent())]))
        .block(block(app, s.flag_title, true, theme))
        .render(r, buf);
}
