//! Keys → actions, by screen and focus. Pure: no state is changed here.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::app::{App, Focus, Screen};

/// The action a key asks for in the current state, if any.
#[must_use]
pub fn action(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => return Some(Action::Quit),
        KeyCode::F(1) => return Some(Action::Help),
        _ => {}
    }
    if app.help {
        // The help scrolls on small screens; any other key closes it.
        return Some(match key.code {
            KeyCode::Down | KeyCode::Char('j') => Action::Down,
            KeyCode::Up | KeyCode::Char('k') => Action::Up,
            KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
            KeyCode::PageUp | KeyCode::Char('b') => Action::PageUp,
            _ => Action::Help,
        });
    }
    if app.flag_input.is_some() {
        return match key.code {
            KeyCode::Enter => Some(Action::CommitFlag),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => None,
        };
    }
    if app.find_input.is_some() {
        return match key.code {
            KeyCode::Enter => Some(Action::CommitFind),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => None,
        };
    }
    if app.picker.is_some() {
        return picker_key(key, ctrl);
    }
    match app.screen {
        Screen::Indexing => (key.code == KeyCode::Char('q')).then_some(Action::Quit),
        Screen::Report => report_key(key, ctrl, app.find.is_some()),
        Screen::Main if app.focus == Focus::Search => search_key(key, ctrl),
        Screen::Main => list_key(app, key, ctrl),
        Screen::Compare => compare_key(key, ctrl),
        Screen::Stats => stats_key(key, ctrl),
    }
}

/// The filter picker: move, Enter applies, Esc closes, other text narrows the list.
fn picker_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Home | KeyCode::Char('g') => Action::Top,
        KeyCode::End | KeyCode::Char('G') => Action::Bottom,
        KeyCode::Enter | KeyCode::Char(' ') => Action::Open,
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Tab => Action::Back,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Char(c) if !ctrl => Action::Input(c),
        _ => return None,
    })
}

/// The search box edits as a shell's line does.
fn search_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('u') if ctrl => Action::ClearQuery,
        KeyCode::Char('w') if ctrl => Action::DeleteWord,
        KeyCode::Char('a') if ctrl => Action::CursorHome,
        KeyCode::Char('e') if ctrl => Action::CursorEnd,
        KeyCode::Char('b') if ctrl => Action::CursorLeft,
        KeyCode::Char('f') if ctrl => Action::CursorRight,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        KeyCode::Char('h') if ctrl => Action::Backspace,
        KeyCode::Char(c) if !ctrl => Action::Input(c),
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::DeleteForward,
        KeyCode::Left => Action::CursorLeft,
        KeyCode::Right => Action::CursorRight,
        KeyCode::Home => Action::CursorHome,
        KeyCode::End => Action::CursorEnd,
        KeyCode::Enter => Action::Open,
        KeyCode::Esc => Action::Back,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        _ => return None,
    })
}

/// Keys shared by the list, the filter bar and the report view.
fn common_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('d') if ctrl => Action::HalfDown,
        KeyCode::Char('u') if ctrl => Action::HalfUp,
        KeyCode::Char('n') if ctrl => Action::Down,
        KeyCode::Char('p') if ctrl => Action::Up,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('/') => Action::FocusSearch,
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Char('b') => Action::PageUp,
        KeyCode::Char('m') => Action::ToggleReviewed,
        KeyCode::Char('f') => Action::StartFlag,
        KeyCode::Esc => Action::Back,
        _ => return None,
    })
}

fn list_key(app: &App, key: KeyEvent, ctrl: bool) -> Option<Action> {
    let filters = app.focus == Focus::Filters;
    match key.code {
        KeyCode::Tab => Some(Action::FocusNext),
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Char(' ') if filters => Some(Action::Open),
        KeyCode::Char('o') => Some(Action::CycleSort),
        KeyCode::Char('s') => Some(Action::Stats),
        KeyCode::Char('c') => Some(Action::Compare),
        KeyCode::Left | KeyCode::Char('h') if filters => Some(Action::Left),
        KeyCode::Right | KeyCode::Char('l') if filters => Some(Action::Right),
        // Han and other non-ASCII text (an input method's output) goes to the search box.
        KeyCode::Char(c) if !ctrl && !c.is_ascii() => Some(Action::Input(c)),
        _ => common_key(key, ctrl),
    }
}

/// The compare view: scroll both ways, copy, back.
fn compare_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Char('y') => Some(Action::Copy),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::Left),
        KeyCode::Char('l') | KeyCode::Right => Some(Action::Right),
        KeyCode::Char('c') => Some(Action::Back),
        KeyCode::Char('m' | 'f' | '/') => None,
        _ => common_key(key, ctrl),
    }
}

/// The stats view: Tab or h/l change the grouping, v the charted figure, y copies, s or Esc back.
fn stats_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Tab => Some(Action::FocusNext),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::Left),
        KeyCode::Char('l') | KeyCode::Right => Some(Action::Right),
        KeyCode::Char('v') => Some(Action::CycleFigure),
        KeyCode::Char('y') => Some(Action::Copy),
        KeyCode::Char('s') => Some(Action::Stats),
        KeyCode::Char('m' | 'f' | '/') => None,
        _ => common_key(key, ctrl),
    }
}

/// The report view. While a text found with `/` is active, `n`/`N` move between its matches (as in
/// `less`); `]`/`[` always go to the next / previous report.
fn report_key(key: KeyEvent, ctrl: bool, finding: bool) -> Option<Action> {
    match key.code {
        KeyCode::Char(c @ '1'..='6') => Some(Action::Section(c as u8 - b'0')),
        KeyCode::Char('/') => Some(Action::StartFind),
        KeyCode::Char('n') if finding => Some(Action::NextMatch),
        KeyCode::Char('N') if finding => Some(Action::PrevMatch),
        KeyCode::Char('n' | ']') => Some(Action::NextReport),
        KeyCode::Char('p' | '[') => Some(Action::PrevReport),
        KeyCode::Char('y') => Some(Action::Copy),
        KeyCode::Char('c') => Some(Action::Compare),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::Left),
        KeyCode::Char('l') | KeyCode::Right => Some(Action::Right),
        _ => common_key(key, ctrl),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn typing_goes_to_the_box_and_q_quits_outside_it() {
        let mut app = App::default();
        assert_eq!(action(&app, key(KeyCode::Char('q'))), Some(Action::Input('q')));
        app.focus = Focus::List;
        assert_eq!(action(&app, key(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(action(&app, key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(action(&app, key(KeyCode::Char('?'))), Some(Action::Help));
    }

    #[test]
    fn report_view_keys() {
        let app = App { screen: Screen::Report, ..App::default() };
        assert_eq!(action(&app, key(KeyCode::Char('3'))), Some(Action::Section(3)));
        assert_eq!(action(&app, key(KeyCode::Char('n'))), Some(Action::NextReport));
        assert_eq!(action(&app, key(KeyCode::Char('y'))), Some(Action::Copy));
        assert_eq!(action(&app, KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)), Some(Action::HalfDown));
        assert_eq!(action(&app, key(KeyCode::F(1))), Some(Action::Help));
    }

    #[test]
    fn the_box_edits_as_a_shell_line_and_chinese_goes_to_it() {
        let app = App::default();
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(action(&app, ctrl('a')), Some(Action::CursorHome));
        assert_eq!(action(&app, ctrl('e')), Some(Action::CursorEnd));
        assert_eq!(action(&app, ctrl('w')), Some(Action::DeleteWord));
        assert_eq!(action(&app, ctrl('u')), Some(Action::ClearQuery));
        assert_eq!(action(&app, key(KeyCode::Left)), Some(Action::CursorLeft));
        assert_eq!(action(&app, key(KeyCode::End)), Some(Action::CursorEnd));
        let list = App { focus: Focus::List, ..App::default() };
        assert_eq!(action(&list, key(KeyCode::Char('镇'))), Some(Action::Input('镇')));
        assert_eq!(action(&list, ctrl('n')), Some(Action::Down));
        assert_eq!(action(&list, ctrl('p')), Some(Action::Up));
        let report = App { screen: Screen::Report, ..App::default() };
        assert_eq!(action(&report, key(KeyCode::Char(' '))), Some(Action::PageDown));
        assert_eq!(action(&report, key(KeyCode::Char('/'))), Some(Action::StartFind));
        assert_eq!(action(&report, key(KeyCode::Char('n'))), Some(Action::NextReport));
        let finding = App { screen: Screen::Report, find: Some("公开".into()), ..App::default() };
        assert_eq!(action(&finding, key(KeyCode::Char('n'))), Some(Action::NextMatch));
        assert_eq!(action(&finding, key(KeyCode::Char('N'))), Some(Action::PrevMatch));
        assert_eq!(action(&finding, key(KeyCode::Char(']'))), Some(Action::NextReport));
        assert_eq!(action(&report, key(KeyCode::Char('m'))), Some(Action::ToggleReviewed));
    }

    #[test]
    fn flag_note_takes_every_character() {
        let app = App { flag_input: Some(String::new()), focus: Focus::List, ..App::default() };
        assert_eq!(action(&app, key(KeyCode::Char('q'))), Some(Action::Input('q')));
        assert_eq!(action(&app, key(KeyCode::Enter)), Some(Action::CommitFlag));
    }
}
