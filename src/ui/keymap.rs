//! Keys → actions, by screen and focus. Pure: no state is changed here.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use std::collections::{HashMap, HashSet};

use super::action::Action;
use super::app::{App, Focus, Screen};
pub use crate::keys::BINDABLE;

/// The user's key bindings as a translation in front of the default keymap: a bound key reads as
/// its action's default key; a default key whose action was bound elsewhere reads as nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bindings {
    translate: HashMap<KeyEvent, KeyEvent>,
    disabled: HashSet<KeyEvent>,
}

fn default_keys(action: &str) -> Vec<KeyEvent> {
    BINDABLE
        .iter()
        .find(|(n, _, _)| *n == action)
        .map(|(_, keys, _)| keys.iter().filter_map(|k| crate::keys::parse_key(k)).collect())
        .unwrap_or_default()
}

impl Bindings {
    /// Bindings from the config's `[keys]` (action, keys); conflicts are returned as messages and the
    /// binding that conflicts is left out.
    #[must_use]
    pub fn new(keys: &[(String, Vec<KeyEvent>)], origin: impl Fn(&str) -> String) -> (Bindings, Vec<String>) {
        let mut b = Bindings::default();
        let mut warnings = Vec::new();
        let rebound: HashSet<&str> = keys.iter().map(|(a, _)| a.as_str()).collect();
        let mut owner: HashMap<KeyEvent, String> = HashMap::new();
        // Default keys of actions left alone keep their meaning.
        for (name, _, _) in BINDABLE.iter().filter(|(n, _, _)| !rebound.contains(n)) {
            for k in default_keys(name) {
                owner.insert(k, (*name).to_string());
            }
        }
        for (action, wanted) in keys {
            let defaults = default_keys(action);
            let Some(canonical) = defaults.first().copied() else { continue };
            let mut accepted = Vec::new();
            for k in wanted {
                if let Some(other) = owner.get(k).filter(|o| *o != action) {
                    warnings.push(format!(
                        "{}: keys.{action}: {} is already the key of {other}; rebind {other} too, or choose another key",
                        origin(action),
                        crate::keys::key_name(k)
                    ));
                    continue;
                }
                owner.insert(*k, action.clone());
                b.translate.insert(*k, canonical);
                accepted.push(*k);
            }
            // An action none of whose keys could be bound keeps its default ones.
            for d in defaults.into_iter().filter(|_| !accepted.is_empty()) {
                if !accepted.contains(&d) {
                    b.disabled.insert(d);
                }
            }
        }
        // A disabled default that the user bound to something else is translated instead.
        let bound: Vec<KeyEvent> = b.translate.keys().copied().collect();
        for k in bound {
            b.disabled.remove(&k);
        }
        (b, warnings)
    }

    /// The key the default keymap should read for `key` (`None`: the key does nothing).
    fn apply(&self, key: KeyEvent) -> Option<KeyEvent> {
        let bare = KeyEvent::new(key.code, key.modifiers);
        if let Some(k) = self.translate.get(&bare) {
            return Some(KeyEvent { code: k.code, modifiers: k.modifiers, ..key });
        }
        (!self.disabled.contains(&bare)).then_some(key)
    }
}

/// Whether keys go to a text being typed (the search box, a flag note, a find, the picker's filter):
/// there, plain characters are text and never rebound.
fn typing(app: &App) -> bool {
    app.flag_input.is_some()
        || app.find_input.is_some()
        || app.picker.is_some()
        || (app.screen == Screen::Main && app.focus == Focus::Search)
}

/// The action a key asks for in the current state, if any, after the user's bindings.
#[must_use]
pub fn action(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let plain_char =
        matches!(key.code, KeyCode::Char(_)) && !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let is_ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    let key = if is_ctrl_c || (typing(app) && plain_char) { key } else { app.bindings.apply(key)? };
    default_action(app, key)
}

/// The default keymap.
fn default_action(app: &App, key: KeyEvent) -> Option<Action> {
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
    fn bindings_translate_bound_keys_and_silence_replaced_defaults() {
        let keys = vec![
            ("quit".to_string(), vec![KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)]),
            ("stats".to_string(), vec![KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)]),
            ("compare".to_string(), vec![KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)]),
        ];
        let (bindings, warnings) = Bindings::new(&keys, |a| format!("config.toml ({a})"));
        // j still moves down (down was not rebound): compare = j conflicts and is left out.
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("keys.compare") && warnings[0].contains("down"), "{warnings:?}");
        let app = App { focus: Focus::List, bindings, ..App::default() };
        assert_eq!(action(&app, key(KeyCode::Char('x'))), Some(Action::Quit));
        assert_eq!(action(&app, key(KeyCode::Char('q'))), Some(Action::Stats), "q was freed and rebound");
        assert_eq!(action(&app, key(KeyCode::Char('s'))), None, "stats' old key does nothing now");
        assert_eq!(action(&app, key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(action(&app, key(KeyCode::Char('c'))), Some(Action::Compare));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(&app, ctrl_c), Some(Action::Quit), "Ctrl-c always quits");
        // In the search box, characters are text.
        let typing = App { focus: Focus::Search, ..app.clone() };
        assert_eq!(action(&typing, key(KeyCode::Char('x'))), Some(Action::Input('x')));
    }

    #[test]
    fn every_bindable_default_key_parses() {
        for (name, keys, _) in BINDABLE {
            assert!(!keys.is_empty(), "{name}");
            for k in keys {
                assert!(crate::keys::parse_key(k).is_some(), "{name}: {k}");
            }
        }
    }

    #[test]
    fn flag_note_takes_every_character() {
        let app = App { flag_input: Some(String::new()), focus: Focus::List, ..App::default() };
        assert_eq!(action(&app, key(KeyCode::Char('q'))), Some(Action::Input('q')));
        assert_eq!(action(&app, key(KeyCode::Enter)), Some(Action::CommitFlag));
    }
}
