//! Where the user was: query, review filter, the selected report and an open report with its scroll,
//! kept per index (`<data dir>/sessions/<hash of the index path>.json`, written atomically on quit),
//! so that a review session resumes where it stopped.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::app::{App, ReviewFilter, Screen};
use super::picker::Facet;
use crate::query::Sort;

/// The saved part of the state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The search box.
    #[serde(default)]
    pub query: String,
    /// 审阅 filter: `all`, `unreviewed`, `reviewed`, `flagged`.
    #[serde(default)]
    pub review: String,
    /// The id of the selected report.
    #[serde(default)]
    pub selected: Option<u64>,
    /// The id of the open report, if one was open.
    #[serde(default)]
    pub open: Option<u64>,
    /// Its first line in view.
    #[serde(default)]
    pub scroll: usize,
    /// The filter chosen in the bar.
    #[serde(default)]
    pub filter_sel: usize,
    /// The list's order: `score`, `year`, `applications`.
    #[serde(default)]
    pub sort: String,
    /// The selected (or open) report's place in the list: the first search fetches that far, so
    /// that a session deep in a long list resumes there.
    #[serde(default)]
    pub position: usize,
}

/// The session file of an index under a gongkai data directory.
#[must_use]
pub fn path_in(data_dir: &Path, index: &Path) -> PathBuf {
    crate::paths::per_index_file(data_dir, "sessions", index)
}

impl Session {
    /// What `app` shows now.
    #[must_use]
    pub fn of(app: &App) -> Session {
        let review = match app.filters.review {
            ReviewFilter::All => "all",
            ReviewFilter::Unreviewed => "unreviewed",
            ReviewFilter::Reviewed => "reviewed",
            ReviewFilter::Flagged => "flagged",
        };
        let open = (app.screen == Screen::Report).then(|| app.current_id()).flatten();
        Session {
            query: app.query.clone(),
            review: review.into(),
            selected: app.result.hits.get(app.selected).map(|h| h.id),
            open,
            scroll: if open.is_some() { app.scroll } else { 0 },
            filter_sel: app.filter_sel,
            sort: app.sort.name(),
            position: if open.is_some() { app.report_pos } else { app.selected },
        }
    }

    /// Puts the saved query and filters back into a fresh `app` (the selection and the open report
    /// come back when the first results arrive: see [`App::resume`]).
    pub fn restore(&self, app: &mut App) {
        app.query.clone_from(&self.query);
        app.cursor = app.query.chars().count();
        app.filters.review = match self.review.as_str() {
            "unreviewed" => ReviewFilter::Unreviewed,
            "reviewed" => ReviewFilter::Reviewed,
            "flagged" => ReviewFilter::Flagged,
            _ => ReviewFilter::All,
        };
        app.filter_sel = self.filter_sel.min(Facet::ALL.len() - 1);
        app.sort = Sort::from_name(&self.sort).unwrap_or_default();
        app.limit = self.position.saturating_add(super::app::HIT_LIMIT).min(1 << 20);
        app.resume = Some(self.clone());
    }

    /// Reads the session (none when absent or unreadable: a fresh start, never an error).
    #[must_use]
    pub fn load(path: &Path) -> Option<Session> {
        std::fs::read_to_string(path).ok().and_then(|t| serde_json::from_str(&t).ok())
    }

    /// Writes the session atomically.
    ///
    /// # Errors
    /// When the data directory cannot be written.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_string_pretty(self).map_err(std::io::Error::other)?)?;
        std::fs::rename(&tmp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_a_round_trip_on_disk() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = path_in(dir.path(), Path::new("/some/index"));
        let s = Session {
            query: "刘集 year:2020 ".into(),
            review: "unreviewed".into(),
            selected: Some(7),
            open: Some(7),
            scroll: 12,
            filter_sel: 3,
            sort: "year".into(),
            position: 250,
        };
        assert!(s.save(&path).is_ok());
        assert_eq!(Session::load(&path), Some(s.clone()));
        let mut app = App::default();
        s.restore(&mut app);
        assert_eq!(
            (app.query.as_str(), app.cursor, app.filters.review),
            ("刘集 year:2020 ", 13, ReviewFilter::Unreviewed)
        );
        // Deep in a long list: the first search fetches that far, so the selection is found again.
        assert_eq!(app.limit, 250 + crate::ui::app::HIT_LIMIT);
        std::fs::write(&path, "{ not json").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Session::load(&path), None);
    }
}
