//! The App's report view: opening a report, reading it (scroll, sections, wide tables), moving to
//! the next one, review marks and flags, copying a table.

use super::action::{Action, Effect};
use super::app::{App, Focus, Screen};
use super::doc;
use super::strings::Msg;
use crate::model::Report;
use crate::schema::Table;

impl App {
    pub(super) fn open_selected(&mut self) -> Vec<Effect> {
        match self.result.hits.get(self.selected) {
            Some(h) => {
                self.report_pos = self.selected;
                self.status = self.t().msg(Msg::Opening(&h.agency));
                vec![Effect::Load(h.id)]
            }
            None => Vec::new(),
        }
    }

    pub(super) fn report_update(&mut self, action: Action) -> Vec<Effect> {
        let max = self.doc.len().saturating_sub(self.page());
        let page = self.page();
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = (self.scroll + 1).min(max),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll = (self.scroll + page).min(max),
            Action::HalfUp => self.scroll = self.scroll.saturating_sub(page / 2),
            Action::HalfDown => self.scroll = (self.scroll + page / 2).min(max),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = max,
            // Sideways: only the table in view, and no further than its last column.
            Action::Left | Action::Right => {
                let width = self.text_width();
                let Some(id) = doc::table_at(&self.doc, self.scroll, page) else { return Vec::new() };
                let Some((_, g)) = self.grids.iter().find(|(t, _)| *t == id) else { return Vec::new() };
                let max = doc::max_hscroll(g, width);
                let h = &mut self.hscroll[table_index(id)];
                *h = if action == Action::Left { h.saturating_sub(1) } else { (*h + 1).min(max) };
                if action == Action::Right && *h == max {
                    self.status = self.t().msg(Msg::LastColumn(id.title()));
                }
            }
            Action::Section(n) => {
                if let Some(line) = doc::section_line(&self.doc, usize::from(n)) {
                    self.scroll = line.min(max);
                } else {
                    self.status = self.t().msg(Msg::NoSection(n));
                }
            }
            Action::NextReport | Action::PrevReport => return self.step_report(action == Action::NextReport),
            Action::StartFind => self.find_input = Some(String::new()),
            Action::NextMatch | Action::PrevMatch => self.goto_match(action == Action::NextMatch),
            Action::Back if self.find.is_some() => {
                self.find = None;
                self.find_hits.clear();
                self.status.clear();
            }
            Action::ToggleReviewed => return self.toggle_reviewed(self.current_id()),
            Action::StartFlag => self.flag_input = Some(self.reviews.get(self.current_id().unwrap_or(0)).note),
            Action::Copy => return self.copy_table(),
            Action::Compare => return self.open_compare(),
            Action::Back => {
                self.screen = Screen::Main;
                self.focus = Focus::List;
            }
            Action::FocusSearch => {
                self.screen = Screen::Main;
                self.focus = Focus::Search;
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn step_report(&mut self, forward: bool) -> Vec<Effect> {
        self.keep_section = doc::section_of(&self.doc, self.scroll).filter(|_| self.scroll > 0);
        let n = self.result.hits.len();
        let pos = if forward { self.report_pos + 1 } else { self.report_pos.wrapping_sub(1) };
        match self.result.hits.get(pos) {
            Some(h) if pos < n => {
                self.report_pos = pos;
                self.selected = pos;
                vec![Effect::Load(h.id)]
            }
            _ => {
                self.status = self.t().msg(if forward { Msg::LastReport } else { Msg::FirstReport });
                Vec::new()
            }
        }
    }

    /// The id of the open report (or the selected hit).
    #[must_use]
    pub fn current_id(&self) -> Option<u64> {
        let pos = if self.screen == Screen::Report { self.report_pos } else { self.selected };
        self.result.hits.get(pos).map(|h| h.id)
    }

    pub(super) fn toggle_reviewed(&mut self, id: Option<u64>) -> Vec<Effect> {
        let Some(id) = id else { return Vec::new() };
        self.reviews.update(id, |e| e.reviewed = !e.reviewed);
        self.status =
            self.t().msg(if self.reviews.get(id).reviewed { Msg::MarkedReviewed } else { Msg::ReviewRemoved });
        vec![Effect::SaveReviews]
    }

    pub(super) fn flag_action(&self, a: &Action) -> bool {
        matches!(a, Action::Input(_) | Action::Backspace | Action::CommitFlag | Action::Back)
    }

    pub(super) fn flag_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(note) = self.flag_input.as_mut() else { return Vec::new() };
        match action {
            Action::Input(c) => note.push(c),
            Action::Backspace => {
                note.pop();
            }
            Action::CommitFlag => {
                let note = note.trim().to_string();
                self.flag_input = None;
                if let Some(id) = self.current_id() {
                    self.reviews.update(id, |e| {
                        e.flagged = !note.is_empty();
                        e.note.clone_from(&note);
                    });
                    self.status = self.t().msg(if note.is_empty() { Msg::FlagRemoved } else { Msg::Flagged(&note) });
                    return vec![Effect::SaveReviews];
                }
            }
            _ => self.flag_input = None,
        }
        Vec::new()
    }

    pub(super) fn open_report(&mut self, report: Report) {
        self.grids = Table::ALL.iter().filter_map(|id| crate::render::grid(&report, *id).map(|g| (*id, g))).collect();
        self.marks = doc::failing_marks(&report);
        self.report = Some(Box::new(report));
        self.screen = Screen::Report;
        self.scroll = 0;
        self.hscroll = [0; 3];
        self.find = None;
        self.find_hits.clear();
        self.status.clear();
        self.rebuild_doc();
        if let Some(line) = self.resume_scroll.take() {
            self.scroll = line.min(self.doc.len().saturating_sub(self.page()));
        }
        // Opened with n/p: at the section that was being read, when this report has it.
        if let Some(n) = self.keep_section.take()
            && let Some(line) = doc::section_line(&self.doc, n)
        {
            self.scroll = line.min(self.doc.len().saturating_sub(self.page()));
        }
    }

    /// Columns the report view's tables are drawn in (the whole width).
    #[must_use]
    pub fn text_width(&self) -> usize {
        usize::from(self.size.0).max(20)
    }

    /// How far table `id` is scrolled sideways.
    #[must_use]
    pub fn hscroll_of(&self, id: Table) -> usize {
        self.hscroll[table_index(id)]
    }

    pub(super) fn rebuild_doc(&mut self) {
        if let Some(r) = &self.report {
            self.doc = doc::lines(r, &self.grids, self.t(), usize::from(self.size.0).saturating_sub(2).max(20));
        }
    }

    /// The table nearest above the top of the view (else the first one) as TSV.
    pub(super) fn copy_table(&mut self) -> Vec<Effect> {
        let id = doc::table_at(&self.doc, self.scroll, self.page()).or_else(|| self.grids.first().map(|(id, _)| *id));
        let Some((id, grid)) = self.grids.iter().find(|(g, _)| Some(*g) == id) else {
            self.status = self.t().msg(Msg::NoTable);
            return Vec::new();
        };
        self.status = self.t().msg(Msg::Copied(id.title()));
        vec![Effect::Copy(doc::tsv(grid))]
    }
}

fn table_index(id: Table) -> usize {
    Table::ALL.iter().position(|t| *t == id).unwrap_or(0)
}
