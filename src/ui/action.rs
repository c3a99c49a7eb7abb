//! What can happen to the TUI state ([`Action`]) and what the event loop must do about it ([`Effect`]).

use crate::model::Report;
use crate::query::{SearchRequest, SearchResult};

/// Everything that changes the state: keys turned into intents, and results coming back.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A character typed into the search box (or the flag note).
    Input(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the text before the cursor (Ctrl-u, as in a shell).
    ClearQuery,
    /// Delete the word before the cursor (Ctrl-w).
    DeleteWord,
    /// Delete the character under the cursor (Delete).
    DeleteForward,
    /// Move the box's cursor one character left.
    CursorLeft,
    /// Move the box's cursor one character right.
    CursorRight,
    /// Move the box's cursor to the start (Home, Ctrl-a).
    CursorHome,
    /// Move the box's cursor to the end (End, Ctrl-e).
    CursorEnd,
    /// Move the selection or scroll up one line.
    Up,
    /// Move the selection or scroll down one line.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Half a page up (Ctrl-u).
    HalfUp,
    /// Half a page down (Ctrl-d).
    HalfDown,
    /// To the top (g).
    Top,
    /// To the bottom (G).
    Bottom,
    /// Scroll a wide table left, or choose the previous filter.
    Left,
    /// Scroll a wide table right, or choose the next filter.
    Right,
    /// Open the selected report, or cycle the chosen filter's value.
    Open,
    /// Back out: close overlays, leave the box, leave the report.
    Back,
    /// Cycle focus: search box → filters → list.
    FocusNext,
    /// Focus the search box (/).
    FocusSearch,
    /// Show or hide the help overlay.
    Help,
    /// Jump to section 一…六 in the report view.
    Section(u8),
    /// Open the next report of the result list without leaving the view.
    NextReport,
    /// Open the previous report of the result list.
    PrevReport,
    /// Mark the current report reviewed (or not).
    ToggleReviewed,
    /// Start typing a flag note.
    StartFlag,
    /// Save the flag note being typed.
    CommitFlag,
    /// Copy the table in view as TSV (OSC 52).
    Copy,
    /// Next sort order of the list: relevance, year, applications.
    CycleSort,
    /// Report view: start typing a text to find in the report (`/`).
    StartFind,
    /// Find the typed text.
    CommitFind,
    /// The next match of the text found (`n` while finding).
    NextMatch,
    /// The previous match (`N`).
    PrevMatch,
    /// Open the compare view of the report's agency over the years (`c`).
    Compare,
    /// Open (or close) the stats view of the current results (`s`).
    Stats,
    /// Stats view: chart the next figure (`v`).
    CycleFigure,
    /// Leave the program.
    Quit,
    /// The reports of the agency asked to compare, in year order.
    Compared(Box<Vec<Report>>),
    /// Totals for the stats view.
    TotalsDone(Box<crate::query::Totals>),
    /// A search finished; stale ones (older `seq`) are dropped.
    SearchDone {
        /// The request's sequence number.
        seq: u64,
        /// What it found.
        result: Box<SearchResult>,
    },
    /// The facet counts of search `seq` (sent after its [`Action::SearchDone`]).
    CountsDone {
        /// The request's sequence number.
        seq: u64,
        /// The counts.
        counts: Box<crate::query::Counts>,
    },
    /// A report's record arrived.
    Loaded(Box<Report>),
    /// Something failed; shown on the status line.
    Failed(String),
    /// The search worker broke down: the program ends, restoring the terminal, with this error.
    Fatal(String),
    /// First-run indexing progress: files done, files in all.
    Indexing(usize, usize),
    /// First-run indexing finished, with its summary line.
    Indexed(String),
    /// The terminal's size (at start and on resize).
    Resize(u16, u16),
    /// Counts for the open picker: the query without the facet, the whole index, then (review
    /// state) the query's unreviewed, reviewed and flagged reports.
    PickerData(crate::ui::picker::Facet, Vec<(usize, crate::query::Counts)>),
}

/// Work for the event loop: the state never holds the index, the terminal or a channel.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search; answer with [`Action::SearchDone`].
    Search(SearchRequest, u64),
    /// Load a record by id; answer with [`Action::Loaded`].
    Load(u64),
    /// Run these searches for the picker's counts (one hit each).
    Counts(crate::ui::picker::Facet, Vec<SearchRequest>),
    /// Load the reports of the agency of report `id`; answer with [`Action::Compared`].
    Compare(u64),
    /// Total the request's reports by a grouping (and by year, for the chart); answer with
    /// [`Action::TotalsDone`].
    Totals(SearchRequest, crate::query::GroupBy),
    /// Write the review store to disk.
    SaveReviews,
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Restore the terminal and exit.
    Quit,
}
