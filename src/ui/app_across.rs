//! Views across reports: the compare view of one agency over the years (`c`) and the stats view of
//! the current results (`s`). State and `update` only; drawing is in `view_across`.

use super::action::{Action, Effect};
use super::app::{App, Screen};
use super::strings::Msg;
use crate::model::Report;
use crate::query::{GroupBy, Totals};
use crate::render::{self, Grid, sanitize_for_terminal};
use crate::series;

/// One agency's reports side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// Agency, region and how many reports.
    pub title: String,
    /// Key figures as rows, years as columns; cells carry the change and `!` where a check fails.
    pub grid: Grid,
    /// The cross-year checks: (year, failing, text).
    pub checks: Vec<(String, bool, String)>,
    /// First line shown.
    pub scroll: usize,
    /// Year columns scrolled off to the left.
    pub hscroll: usize,
    /// The screen to go back to.
    pub from: Screen,
}

impl CompareView {
    /// The view of an agency's reports (in year order).
    #[must_use]
    pub fn new(reports: &[Report], from: Screen, s: &super::strings::Strings) -> CompareView {
        let refs: Vec<&Report> = reports.iter().collect();
        let title = refs.first().map_or_else(String::new, |r| {
            format!("{} · {} · {}", r.agency.as_deref().unwrap_or("-"), render::region_text(r), s.reports(refs.len()))
        });
        let checks = refs
            .iter()
            .flat_map(|r| {
                r.checks.iter().filter(|c| series::is_series(c)).map(move |c| {
                    let y = r.year.map_or_else(|| "----".to_string(), |y| y.to_string());
                    (y, !c.ok && !c.note, format!("{}: {}", c.id, c.detail))
                })
            })
            .collect();
        CompareView {
            title: sanitize_for_terminal(&title),
            grid: render::compare_grid(&refs),
            checks,
            scroll: 0,
            hscroll: 0,
            from,
        }
    }

    /// Lines the body has: header, rows, a blank and a title before the checks.
    #[must_use]
    pub fn line_count(&self) -> usize {
        1 + self.grid.rows.len() + if self.checks.is_empty() { 0 } else { 2 + self.checks.len() }
    }
}

pub use super::strings::CHART_FIGURES;

/// Totals of the current results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsView {
    /// What the table groups by.
    pub by: GroupBy,
    /// The query the totals are of.
    pub query: String,
    /// The table's totals (grouped by `by`), when they have arrived.
    pub table: Option<Totals>,
    /// Totals by year, for the chart.
    pub years: Option<Totals>,
    /// Which of [`CHART_FIGURES`] the chart shows.
    pub figure: usize,
    /// First row of the table shown.
    pub scroll: usize,
}

/// A group's values in the stats view's column order: reports, failing, then the five sums.
#[must_use]
pub fn values(g: &crate::query::GroupTotals) -> [i64; 7] {
    let mut v = [0i64; 7];
    v[0] = i64::try_from(g.reports).unwrap_or(i64::MAX);
    v[1] = i64::try_from(g.failing).unwrap_or(i64::MAX);
    v[2..].copy_from_slice(&g.sums);
    v
}

impl App {
    /// `c`: the compare view of the open report's (or the selected hit's) agency.
    pub(super) fn open_compare(&mut self) -> Vec<Effect> {
        let Some(id) = self.current_id() else { return Vec::new() };
        self.status = self.lang.strings().msg(Msg::Comparing);
        vec![Effect::Compare(id)]
    }

    /// The agency's reports arrived.
    pub(super) fn compared(&mut self, reports: &[Report]) {
        if reports.is_empty() {
            self.status = self.lang.strings().msg(Msg::NoOtherReport);
            return;
        }
        let from = if self.screen == Screen::Compare {
            self.compare.as_ref().map_or(Screen::Main, |c| c.from)
        } else {
            self.screen
        };
        self.compare = Some(CompareView::new(reports, from, self.lang.strings()));
        self.screen = Screen::Compare;
        self.status.clear();
    }

    pub(super) fn compare_update(&mut self, action: Action) -> Vec<Effect> {
        let page = self.page();
        let width = usize::from(self.size.0).saturating_sub(2).max(20);
        let Some(v) = self.compare.as_mut() else {
            self.screen = Screen::Main;
            return Vec::new();
        };
        let max = v.line_count().saturating_sub(page);
        let hmax = compare_max_hscroll(&v.grid, width);
        match action {
            Action::Up => v.scroll = v.scroll.saturating_sub(1),
            Action::Down => v.scroll = (v.scroll + 1).min(max),
            Action::PageUp | Action::HalfUp => v.scroll = v.scroll.saturating_sub(page),
            Action::PageDown | Action::HalfDown => v.scroll = (v.scroll + page).min(max),
            Action::Top => v.scroll = 0,
            Action::Bottom => v.scroll = max,
            Action::Left => v.hscroll = v.hscroll.saturating_sub(1),
            Action::Right => v.hscroll = (v.hscroll + 1).min(hmax),
            Action::Copy => {
                let tsv = super::doc::tsv(&v.grid);
                self.status = self.lang.strings().msg(Msg::CopiedComparison);
                return vec![Effect::Copy(tsv)];
            }
            Action::Back => {
                self.screen = v.from;
                self.status.clear();
            }
            _ => {}
        }
        Vec::new()
    }

    /// `s`: the stats view of the current query and filters.
    pub(super) fn open_stats(&mut self) -> Vec<Effect> {
        let by = self.stats.as_ref().map_or(GroupBy::Year, |s| s.by);
        let figure = self.stats.as_ref().map_or(0, |s| s.figure);
        self.stats = Some(StatsView { by, query: self.query.clone(), table: None, years: None, figure, scroll: 0 });
        self.screen = Screen::Stats;
        vec![Effect::Totals(self.request(), by)]
    }

    /// Totals arrived: the year totals feed the chart, the others the table (year totals do both).
    pub(super) fn totals_done(&mut self, totals: Totals) {
        let Some(v) = self.stats.as_mut() else { return };
        if totals.by == GroupBy::Year {
            v.years = Some(totals.clone());
        }
        if totals.by == v.by {
            v.table = Some(totals);
        }
    }

    pub(super) fn stats_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(v) = self.stats.as_mut() else {
            self.screen = Screen::Main;
            return Vec::new();
        };
        let rows = v.table.as_ref().map_or(0, |t| t.groups.len());
        match action {
            Action::Up => v.scroll = v.scroll.saturating_sub(1),
            Action::Down => v.scroll = (v.scroll + 1).min(rows.saturating_sub(1)),
            Action::Top => v.scroll = 0,
            Action::Bottom => v.scroll = rows.saturating_sub(1),
            Action::FocusNext | Action::Right | Action::Left => {
                let i = GroupBy::ALL.iter().position(|b| *b == v.by).unwrap_or(0);
                let n = GroupBy::ALL.len();
                let by = GroupBy::ALL[if action == Action::Left { (i + n - 1) % n } else { (i + 1) % n }];
                v.by = by;
                v.table = None;
                v.scroll = 0;
                return vec![Effect::Totals(self.request(), by)];
            }
            Action::CycleFigure => v.figure = (v.figure + 1) % CHART_FIGURES.len(),
            Action::Copy => {
                let Some(t) = &v.table else { return Vec::new() };
                let s = self.lang.strings();
                let mut tsv = format!("{}\t{}\n", s.group_name(v.by), s.stats_headers.join("\t"));
                for g in &t.groups {
                    let vals: Vec<String> = values(g).iter().map(ToString::to_string).collect();
                    tsv.push_str(&format!("{}\t{}\n", g.key, vals.join("\t")));
                }
                self.status = self.lang.strings().msg(Msg::CopiedTotals);
                return vec![Effect::Copy(tsv)];
            }
            Action::Back | Action::Stats => {
                self.screen = Screen::Main;
                self.status.clear();
            }
            _ => {}
        }
        Vec::new()
    }
}

/// How far the compare grid can scroll sideways at `width`: to where its last year shows.
#[must_use]
pub fn compare_max_hscroll(grid: &Grid, width: usize) -> usize {
    render::last_hscroll(compare_label_width(grid), &render::column_widths(grid), width)
}

/// The compare grid's label column width.
#[must_use]
pub fn compare_label_width(grid: &Grid) -> usize {
    grid.rows.iter().map(|r| unicode_width::UnicodeWidthStr::width(r.label.as_str())).max().unwrap_or(4).clamp(4, 14)
}
