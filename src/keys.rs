//! Keys as people write them (`q`, `Enter`, `Ctrl-d`, `PageDown`) and the TUI's bindable actions
//! with their default keys: shared by the config file (which names them) and the keymap (which reads
//! them), so neither imports the other.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The actions a config file can bind (`[keys]`): name, default keys (the first is the one the
/// keymap below reads), what it does.
pub const BINDABLE: [(&str, &[&str], &str); 25] = [
    ("quit", &["q"], "quit (Ctrl-c always quits too)"),
    ("help", &["?", "F1"], "help"),
    ("open", &["Enter"], "open the report / pick a filter value"),
    ("back", &["Esc"], "back out"),
    ("down", &["j", "Down"], "move down"),
    ("up", &["k", "Up"], "move up"),
    ("page_down", &["PageDown", "Space"], "page down"),
    ("page_up", &["PageUp", "b"], "page up"),
    ("half_down", &["Ctrl-d"], "half a page down"),
    ("half_up", &["Ctrl-u"], "half a page up"),
    ("top", &["g", "Home"], "to the top"),
    ("bottom", &["G", "End"], "to the bottom"),
    ("left", &["h", "Left"], "left: scroll a table, choose a filter"),
    ("right", &["l", "Right"], "right: scroll a table, choose a filter"),
    ("focus_next", &["Tab"], "cycle focus: box, filters, list"),
    ("focus_search", &["/"], "focus the search box / find in the report"),
    ("reviewed", &["m"], "mark reviewed"),
    ("flag", &["f"], "flag with a note"),
    ("copy", &["y"], "copy as TSV"),
    ("order", &["o"], "order the list"),
    ("stats", &["s"], "stats view"),
    ("compare", &["c"], "compare view"),
    ("next_report", &["n", "]"], "next report of the list"),
    ("prev_report", &["p", "["], "previous report of the list"),
    ("chart_figure", &["v"], "stats view: chart the next figure"),
];

/// A key as written in the config: `q`, `Q`, `Enter`, `Esc`, `Tab`, `Space`, `Backspace`, `Up`,
/// `PageDown`, `F1`, `Ctrl-d` (or `C-d`), `Alt-x`.
#[must_use]
pub fn parse_key(spec: &str) -> Option<KeyEvent> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = spec.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        if let Some(r) = ["ctrl-", "c-", "ctrl+"].iter().find_map(|p| lower.starts_with(p).then(|| &rest[p.len()..])) {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) =
            ["alt-", "m-", "alt+"].iter().find_map(|p| lower.starts_with(p).then(|| &rest[p.len()..]))
        {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(ch), None) => {
            KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) { ch.to_ascii_lowercase() } else { ch })
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            f if f.starts_with('f') => KeyCode::F(f[1..].parse::<u8>().ok().filter(|n| (1..=12).contains(n))?),
            _ => return None,
        },
    };
    Some(KeyEvent::new(code, mods))
}

/// A key as the config writes it (for `config --print` and messages).
#[must_use]
pub fn key_name(k: &KeyEvent) -> String {
    let mut s = String::new();
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        s.push_str("Ctrl-");
    }
    if k.modifiers.contains(KeyModifiers::ALT) {
        s.push_str("Alt-");
    }
    match k.code {
        KeyCode::Char(' ') => s.push_str("Space"),
        KeyCode::Char(c) => s.push(c),
        KeyCode::F(n) => s.push_str(&format!("F{n}")),
        KeyCode::PageUp => s.push_str("PageUp"),
        KeyCode::PageDown => s.push_str("PageDown"),
        other => s.push_str(&format!("{other:?}")),
    }
    s
}
