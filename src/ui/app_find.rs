//! The App's find inside an open report (`/`, then `n`/`N`).

use super::action::{Action, Effect};
use super::app::App;
use super::doc;

impl App {
    pub(super) fn find_update(&mut self, action: Action) -> Vec<Effect> {
        let Some(text) = self.find_input.as_mut() else { return Vec::new() };
        match action {
            Action::Input(c) => text.push(c),
            Action::Backspace => {
                text.pop();
            }
            Action::CommitFind => {
                let term = text.trim().to_string();
                self.find_input = None;
                self.find_hits = doc::find_lines(&self.doc, &term);
                self.find = (!term.is_empty()).then_some(term);
                // The first match from the line on top of the view.
                self.goto_match_from(Some(self.scroll), true);
            }
            _ => self.find_input = None,
        }
        Vec::new()
    }

    /// Scrolls to the next (or previous) line holding the text found, wrapping round.
    pub(super) fn goto_match(&mut self, forward: bool) {
        self.goto_match_from(None, forward);
    }

    /// As [`App::goto_match`]; `from` a line that may itself be the match.
    pub(super) fn goto_match_from(&mut self, from: Option<usize>, forward: bool) {
        let Some(term) = &self.find else { return };
        if self.find_hits.is_empty() {
            self.status = format!("'{term}' is not in this report");
            return;
        }
        let n = self.find_hits.len();
        let k = if let Some(at) = from {
            self.find_hits.iter().position(|&l| l >= at).unwrap_or(0)
        } else if forward {
            self.find_hits.iter().position(|&l| l > self.scroll).unwrap_or(0)
        } else {
            self.find_hits.iter().rposition(|&l| l < self.scroll).unwrap_or(n - 1)
        };
        self.scroll = self.find_hits[k];
        self.status = format!("'{term}': {} of {n} (n / N next / previous, Esc ends)", k + 1);
    }
}
