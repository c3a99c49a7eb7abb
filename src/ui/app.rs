//! The TUI state and `update`: plain data, no terminal, no index, no channel.

use std::collections::HashSet;

use super::action::{Action, Effect};
use super::doc::DocLine;
use super::picker::{self, Facet, Picker};
use super::review::Store;
use super::strings::{Lang, Msg, Strings};
use crate::model::Report;
use crate::query::{SearchRequest, SearchResult, Sort};
use crate::render::Grid;
use crate::schema::Table;

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Indexing the bundled samples on first use.
    Indexing,
    /// Search box, filters, results, preview.
    Main,
    /// One report.
    Report,
    /// One agency's reports over the years.
    Compare,
    /// Totals and charts of the current results.
    Stats,
}

/// Where keys go on the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The search box.
    Search,
    /// The filter bar.
    Filters,
    /// The result list.
    List,
}

/// Review-state filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewFilter {
    /// Everything.
    #[default]
    All,
    /// Not yet reviewed.
    Unreviewed,
    /// Reviewed.
    Reviewed,
    /// Flagged.
    Flagged,
}

/// The filters that are not query terms (year, type, province and failing checks are: see
/// [`super::picker`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Review state.
    pub review: ReviewFilter,
}

/// Number of filters in the bar.
pub const FILTER_COUNT: usize = 5;

/// The whole TUI state.
#[derive(Debug, Clone)]
pub struct App {
    /// Current screen.
    pub screen: Screen,
    /// Focus on the main screen.
    pub focus: Focus,
    /// Search box text.
    pub query: String,
    /// The box's cursor, in characters from the start of `query`.
    pub cursor: usize,
    /// Filter values.
    pub filters: Filters,
    /// The filter chosen in the bar.
    pub filter_sel: usize,
    /// The open filter picker.
    pub picker: Option<Picker>,
    /// Why the query text does not parse (the last good results stay).
    pub query_error: Option<String>,
    /// Sequence number of the newest search sent.
    pub seq: u64,
    /// A search is running.
    pub pending: bool,
    /// The latest results.
    pub result: SearchResult,
    /// Selected hit.
    pub selected: usize,
    /// The open report and its position in the hits.
    pub report: Option<Box<Report>>,
    /// Index of the open report in `result.hits`.
    pub report_pos: usize,
    /// The open report as lines, for the current width.
    pub doc: Vec<DocLine>,
    /// Tables of the open report.
    pub grids: Vec<(Table, Grid)>,
    /// Rows and columns named by failing checks: (table, row or column key).
    pub marks: HashSet<(Table, String)>,
    /// Report view: first line shown.
    pub scroll: usize,
    /// Report view: value columns scrolled off to the left, per table (in [`Table::ALL`]'s order).
    pub hscroll: [usize; 3],
    /// The section to show when the next report opens (`n`/`p` keep the section being read).
    pub keep_section: Option<usize>,
    /// A saved session to resume when the first results arrive.
    pub resume: Option<super::session::Session>,
    /// The line to show when the report being opened arrives (a resumed session's scroll).
    pub resume_scroll: Option<usize>,
    /// The compare view, while it is open (or was last).
    pub compare: Option<super::app_across::CompareView>,
    /// The stats view, while it is open (or was last).
    pub stats: Option<super::app_across::StatsView>,
    /// Order of the list.
    pub sort: Sort,
    /// Hits asked for: [`HIT_LIMIT`], more as the list is scrolled towards the end of the results.
    pub limit: usize,
    /// Help overlay shown.
    pub help: bool,
    /// First line of the help shown (it scrolls on small screens).
    pub help_scroll: usize,
    /// The flag note being typed, when it is.
    pub flag_input: Option<String>,
    /// The text to find in the report, while it is typed after `/`.
    pub find_input: Option<String>,
    /// The text found in the report: `n`/`N` move between its lines.
    pub find: Option<String>,
    /// The lines of the report that hold it.
    pub find_hits: Vec<usize>,
    /// Review state.
    pub reviews: Store,
    /// Status line message.
    pub status: String,
    /// Why the program must end (the search worker broke down).
    pub fatal: Option<String>,
    /// First-run indexing progress.
    pub indexing: (usize, usize),
    /// Terminal size.
    pub size: (u16, u16),
    /// Colours allowed (NO_COLOR unset).
    pub color: bool,
    /// ASCII borders and markers.
    pub ascii: bool,
    /// The language of labels, help and messages.
    pub lang: Lang,
    /// The colours (the config's `[colors]`).
    pub colors: crate::config::Colors,
    /// The user's key bindings (the config's `[keys]`).
    pub bindings: super::keymap::Bindings,
}

impl Default for App {
    fn default() -> App {
        App {
            lang: Lang::En,
            screen: Screen::Main,
            focus: Focus::Search,
            query: String::new(),
            cursor: 0,
            filters: Filters::default(),
            filter_sel: 0,
            picker: None,
            query_error: None,
            seq: 0,
            pending: false,
            result: SearchResult::default(),
            selected: 0,
            report: None,
            report_pos: 0,
            doc: Vec::new(),
            grids: Vec::new(),
            marks: HashSet::new(),
            scroll: 0,
            hscroll: [0; 3],
            keep_section: None,
            resume: None,
            resume_scroll: None,
            limit: HIT_LIMIT,
            compare: None,
            stats: None,
            sort: Sort::Score,
            help: false,
            help_scroll: 0,
            flag_input: None,
            find_input: None,
            find: None,
            find_hits: Vec::new(),
            reviews: Store::default(),
            status: String::new(),
            fatal: None,
            indexing: (0, 0),
            size: (80, 24),
            color: true,
            ascii: false,
            colors: crate::config::Colors::default(),
            bindings: super::keymap::Bindings::default(),
        }
    }
}

/// Hits fetched per search (each is read from the document store and given a snippet: 1,000 of
/// them cost 50 ms a keystroke at 20,000 reports); the list fetches more as it is scrolled towards
/// the end, `G` all of them.
pub const HIT_LIMIT: usize = 60;

impl App {
    /// The words of the TUI's language.
    #[must_use]
    pub fn t(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The search the current query and filters ask for.
    #[must_use]
    pub fn request(&self) -> SearchRequest {
        let mut r = SearchRequest {
            text: self.query.clone(),
            limit: self.limit,
            sort: self.sort,
            facets: true,
            ..SearchRequest::default()
        };
        r.count_ids = self.reviews.ids(|e| e.reviewed);
        match self.filters.review {
            ReviewFilter::All => {}
            ReviewFilter::Unreviewed => r.exclude_ids = self.reviews.ids(|e| e.reviewed),
            ReviewFilter::Reviewed => r.only_ids = Some(self.reviews.ids(|e| e.reviewed)),
            ReviewFilter::Flagged => r.only_ids = Some(self.reviews.ids(|e| e.flagged)),
        }
        r
    }

    /// Starts a new search.
    pub fn search(&mut self) -> Vec<Effect> {
        self.seq += 1;
        self.pending = true;
        vec![Effect::Search(self.request(), self.seq)]
    }

    /// Rows of the report view's text area.
    #[must_use]
    pub fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(4)).max(1)
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Fatal(msg) = action {
            self.fatal = Some(msg);
            return vec![Effect::Quit];
        }
        if self.help
            && !matches!(
                action,
                Action::SearchDone { .. } | Action::CountsDone { .. } | Action::Loaded(_) | Action::Resize(..)
            )
        {
            // Wrapped on narrow screens the help has up to four lines an entry; the view clamps.
            let last = self.t().help.len() * 4;
            match action {
                Action::Down => self.help_scroll = (self.help_scroll + 1).min(last),
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::PageDown | Action::HalfDown => self.help_scroll = (self.help_scroll + self.page()).min(last),
                Action::PageUp | Action::HalfUp => self.help_scroll = self.help_scroll.saturating_sub(self.page()),
                Action::Quit => return vec![Effect::Quit],
                _ => {
                    self.help = false;
                    self.help_scroll = 0;
                }
            }
            return Vec::new();
        }
        if self.flag_input.is_some() && self.flag_action(&action) {
            return self.flag_update(action);
        }
        if self.picker.is_some() && self.picker_action(&action) {
            return self.picker_update(action);
        }
        if self.find_input.is_some()
            && matches!(action, Action::Input(_) | Action::Backspace | Action::CommitFind | Action::Back)
        {
            return self.find_update(action);
        }
        match action {
            Action::Quit => vec![Effect::Quit],
            Action::Help => {
                self.help = true;
                Vec::new()
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.rebuild_doc();
                Vec::new()
            }
            Action::SearchDone { seq, result } => self.search_done(seq, *result),
            Action::CountsDone { seq, counts } => {
                if seq == self.seq {
                    self.result.counts = *counts;
                    self.result.counts_pending = false;
                }
                Vec::new()
            }
            Action::PickerData(facet, data) => {
                if let Some(p) = self.picker.as_mut().filter(|p| p.facet == facet)
                    && let [base, all, review @ ..] = data.as_slice()
                {
                    let review: Vec<usize> = review.iter().map(|(n, _)| *n).collect();
                    p.items = picker::items(facet, base, all, &review, self.lang.strings());
                    p.sel = p.sel.min(p.items.len().saturating_sub(1));
                }
                Vec::new()
            }
            Action::Loaded(report) => {
                self.open_report(*report);
                Vec::new()
            }
            Action::Compared(reports) => {
                self.compared(&reports);
                Vec::new()
            }
            Action::TotalsDone(totals) => {
                self.totals_done(*totals);
                Vec::new()
            }
            Action::Fatal(msg) => {
                self.fatal = Some(msg);
                vec![Effect::Quit]
            }
            Action::Failed(msg) => {
                self.pending = false;
                if self.screen == Screen::Indexing {
                    self.screen = Screen::Main;
                }
                self.status = msg;
                Vec::new()
            }
            Action::Indexing(done, total) => {
                self.indexing = (done, total);
                Vec::new()
            }
            Action::Indexed(summary) => {
                self.status = summary;
                self.screen = Screen::Main;
                self.search()
            }
            other => match self.screen {
                Screen::Report => self.report_update(other),
                Screen::Main => self.main_update(other),
                Screen::Compare => self.compare_update(other),
                Screen::Stats => self.stats_update(other),
                Screen::Indexing => Vec::new(),
            },
        }
    }

    fn search_done(&mut self, seq: u64, result: SearchResult) -> Vec<Effect> {
        if seq != self.seq {
            return Vec::new();
        }
        self.pending = false;
        let mut result = result;
        if result.counts_pending {
            // The filter bar keeps the last counts until this search's arrive.
            result.counts = std::mem::take(&mut self.result.counts);
        }
        self.result = result;
        self.selected = self.selected.min(self.result.hits.len().saturating_sub(1));
        self.resume()
    }

    /// Resumes a saved session once its results are in: the selected report, and the report that
    /// was open, at the line that was on top.
    pub fn resume(&mut self) -> Vec<Effect> {
        let Some(s) = self.resume.take() else { return Vec::new() };
        let pos = |id: Option<u64>| id.and_then(|id| self.result.hits.iter().position(|h| h.id == id));
        if let Some(i) = pos(s.selected) {
            self.selected = i;
            self.focus = Focus::List;
        }
        match (s.open, pos(s.open)) {
            (Some(id), Some(i)) => {
                self.report_pos = i;
                self.selected = i;
                self.resume_scroll = Some(s.scroll);
                vec![Effect::Load(id)]
            }
            _ => Vec::new(),
        }
    }

    fn main_update(&mut self, action: Action) -> Vec<Effect> {
        let n = self.result.hits.len();
        match action {
            Action::Input(c) => {
                // Typed while the list has focus (Chinese through an input method): to the box.
                self.focus = Focus::Search;
                let at = self.byte_at(self.cursor);
                self.query.insert(at, c);
                self.cursor += 1;
                self.edited()
            }
            Action::Backspace if self.focus == Focus::Search && self.cursor > 0 => {
                let (a, b) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.query.replace_range(a..b, "");
                self.cursor -= 1;
                self.edited()
            }
            Action::DeleteForward if self.cursor < self.query.chars().count() => {
                let (a, b) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.query.replace_range(a..b, "");
                self.edited()
            }
            Action::ClearQuery => {
                let at = self.byte_at(self.cursor);
                self.query.replace_range(..at, "");
                self.cursor = 0;
                self.edited()
            }
            Action::DeleteWord if self.cursor > 0 => {
                let chars: Vec<char> = self.query.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
                self.query.replace_range(a..b, "");
                self.cursor = start;
                self.edited()
            }
            Action::CursorLeft => {
                self.cursor = self.cursor.saturating_sub(1);
                Vec::new()
            }
            Action::CursorRight => {
                self.cursor = (self.cursor + 1).min(self.query.chars().count());
                Vec::new()
            }
            Action::CursorHome => {
                self.cursor = 0;
                Vec::new()
            }
            Action::CursorEnd => {
                self.cursor = self.query.chars().count();
                Vec::new()
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1));
                self.fetch_more(false)
            }
            Action::PageUp | Action::HalfUp => {
                self.selected = self.selected.saturating_sub(self.page());
                Vec::new()
            }
            Action::PageDown | Action::HalfDown => {
                self.selected = (self.selected + self.page()).min(n.saturating_sub(1));
                self.fetch_more(false)
            }
            Action::Top => {
                self.selected = 0;
                Vec::new()
            }
            Action::Bottom => {
                self.selected = n.saturating_sub(1);
                let e = self.fetch_more(true);
                if !e.is_empty() {
                    // Lands on the last report once the rest has arrived.
                    self.selected = usize::MAX / 2;
                }
                e
            }
            Action::Left if self.focus == Focus::Filters => {
                self.filter_sel = (self.filter_sel + FILTER_COUNT - 1) % FILTER_COUNT;
                Vec::new()
            }
            Action::Right if self.focus == Focus::Filters => {
                self.filter_sel = (self.filter_sel + 1) % FILTER_COUNT;
                Vec::new()
            }
            Action::Open if self.focus == Focus::Filters => {
                let facet = Facet::ALL[self.filter_sel.min(FILTER_COUNT - 1)];
                self.picker = Some(Picker::new(facet));
                vec![Effect::Counts(facet, self.picker_requests(facet))]
            }
            Action::Open => self.open_selected(),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::Search => Focus::Filters,
                    Focus::Filters => Focus::List,
                    Focus::List => Focus::Search,
                };
                Vec::new()
            }
            Action::FocusSearch => {
                self.focus = Focus::Search;
                Vec::new()
            }
            Action::Back => {
                self.focus = if self.focus == Focus::Search { Focus::List } else { Focus::Search };
                Vec::new()
            }
            Action::ToggleReviewed => self.toggle_reviewed(self.result.hits.get(self.selected).map(|h| h.id)),
            Action::CycleSort => {
                self.sort = match self.sort {
                    Sort::Score => Sort::Year,
                    Sort::Year => Sort::Applications,
                    Sort::Applications | Sort::Field(_) => Sort::Score,
                };
                self.status = self.t().msg(Msg::SortedBy(&self.t().sort_name(self.sort)));
                self.selected = 0;
                self.limit = HIT_LIMIT;
                self.search()
            }
            Action::Compare => self.open_compare(),
            Action::Stats => self.open_stats(),
            Action::StartFlag if n > 0 => {
                let id = self.result.hits.get(self.selected).map_or(0, |h| h.id);
                self.flag_input = Some(self.reviews.get(id).note);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The byte offset of character `n` of the query (its end when past it).
    fn byte_at(&self, n: usize) -> usize {
        self.query.char_indices().nth(n).map_or(self.query.len(), |(i, _)| i)
    }

    /// Near the end of the fetched hits with more to come: ask for the next batch (`to_end`: all of
    /// them, for `G`), keeping the selection. The count shown is always the true total.
    fn fetch_more(&mut self, to_end: bool) -> Vec<Effect> {
        let have = self.result.hits.len();
        let near_end = self.selected + self.page() >= have;
        if self.pending || have >= self.result.total || !near_end || have < self.limit {
            return Vec::new();
        }
        self.limit = if to_end { self.result.total } else { have + HIT_LIMIT };
        self.search()
    }

    /// The query changed: back to the top of a new search. A query that does not parse yet (an open
    /// quote, a `field:` without its value) keeps the last good results and says why.
    pub(super) fn edited(&mut self) -> Vec<Effect> {
        if let Err(e) = crate::query::syntax::parse(&self.query) {
            self.query_error = Some(e);
            return Vec::new();
        }
        self.query_error = None;
        self.status = self.conflicts().unwrap_or_default();
        self.selected = 0;
        self.limit = HIT_LIMIT;
        self.search()
    }
}
