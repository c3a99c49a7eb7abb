//! The App's filter picker and its query terms (see [`super::picker`]): what the bar asks the worker for,
//! how the picker moves, and how a choice edits the query.

use super::action::{Action, Effect};
use super::app::{App, ReviewFilter};
use super::picker::{self, Facet};
use crate::query::SearchRequest;

impl App {
    /// A filter given twice (`year:2020 year:2021`): both must hold, which no report can.
    pub(super) fn conflicts(&self) -> Option<String> {
        Facet::ALL.iter().filter_map(|f| f.field()).find_map(|field| {
            let v = picker::field_values(&self.query, field);
            (v.len() > 1).then(|| format!("{field}: {} are all required, so no report can match", v.join(" and ")))
        })
    }

    /// The searches that give the picker of `facet` its counts.
    pub(super) fn picker_requests(&self, facet: Facet) -> Vec<SearchRequest> {
        let mut base = self.request();
        base.limit = 1;
        if let Some(field) = facet.field() {
            base.text = picker::set_field(&self.query, field, None);
        } else {
            base.only_ids = None;
            base.exclude_ids = Vec::new();
        }
        let all = SearchRequest { limit: 1, facets: true, ..SearchRequest::default() };
        let mut out = vec![base.clone(), all];
        if facet == Facet::Review {
            let reviewed = self.reviews.ids(|e| e.reviewed);
            out.push(SearchRequest { exclude_ids: reviewed.clone(), ..base.clone() });
            out.push(SearchRequest { only_ids: Some(reviewed), ..base.clone() });
            out.push(SearchRequest { only_ids: Some(self.reviews.ids(|e| e.flagged)), ..base });
        }
        out
    }

    pub(super) fn picker_action(&self, a: &Action) -> bool {
        matches!(
            a,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::Open
                | Action::Back
                | Action::Input(_)
                | Action::Backspace
        )
    }

    pub(super) fn picker_update(&mut self, action: Action) -> Vec<Effect> {
        let page = self.page();
        let Some(p) = self.picker.as_mut() else { return Vec::new() };
        match action {
            Action::Up => p.step(-1),
            Action::Down => p.step(1),
            Action::PageUp => p.step(-isize::try_from(page).unwrap_or(1)),
            Action::PageDown => p.step(isize::try_from(page).unwrap_or(1)),
            Action::Top => p.sel = 0,
            Action::Bottom => p.step(isize::MAX / 2),
            Action::Input(c) => {
                p.narrow.push(c);
                p.sel = 0;
            }
            Action::Backspace => {
                p.narrow.pop();
                p.sel = 0;
            }
            Action::Open => {
                let chosen = p.chosen().cloned();
                let facet = p.facet;
                self.picker = None;
                if let Some(item) = chosen {
                    return self.apply_filter(facet, item.value.as_deref());
                }
            }
            _ => self.picker = None,
        }
        Vec::new()
    }

    /// Sets a filter: a query term for year, type, province and failing checks.
    pub(super) fn apply_filter(&mut self, facet: Facet, value: Option<&str>) -> Vec<Effect> {
        match facet.field() {
            Some(field) => {
                self.query = picker::set_field(&self.query, field, value);
                self.cursor = self.query.chars().count();
            }
            None => {
                self.filters.review = match value {
                    Some(v) if v == picker::REVIEW_VALUES[0] => ReviewFilter::Unreviewed,
                    Some(v) if v == picker::REVIEW_VALUES[1] => ReviewFilter::Reviewed,
                    Some(v) if v == picker::REVIEW_VALUES[2] => ReviewFilter::Flagged,
                    _ => ReviewFilter::All,
                };
            }
        }
        self.edited()
    }
}
