//! The user's settings: `$XDG_CONFIG_HOME/gongkai/config.toml` (else `~/.config/gongkai/config.toml`,
//! or `$GONGKAI_CONFIG`). A broken file never stops the program: each problem is named with the file,
//! line and key, and the defaults stand for what could not be read.
//!
//! ```toml
//! index = "~/reports/index"          # the default index (--index and $GONGKAI_INDEX still win)
//! ascii = false                      # ASCII borders and markers in the TUI
//! lang = "zh"                        # the TUI's labels: "en", "zh" or "auto" (the locale's)
//!
//! [filters]                          # defaults of search, export, stats and the TUI's first query
//! year = "2020..2024"
//! province = "安徽"
//! type = ["镇", "乡"]
//!
//! [keys]                             # any action of the TUI's keymap: a key or a list of keys
//! quit = ["q", "Ctrl-q"]
//! stats = "S"
//!
//! [colors]                           # names (cyan, dark_gray, …), #rrggbb or 0–255; NO_COLOR wins
//! accent = "cyan"
//! selected_bg = "#1f4e79"
//! ```

use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;

use crate::keys::parse_key;
use ratatui::style::Color;

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built in.
    Default,
    /// The config file, at a line.
    File(PathBuf, usize),
    /// An environment variable.
    Env(&'static str),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default => write!(f, "default"),
            Origin::File(p, line) => write!(f, "{}:{line}", p.display()),
            Origin::Env(v) => write!(f, "${v}"),
        }
    }
}

/// The colours of the TUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    /// Titles, the focused border, the cursor.
    pub accent: Color,
    /// Secondary text and borders.
    pub dim: Color,
    /// The selected line's text.
    pub selected_fg: Color,
    /// The selected line's background.
    pub selected_bg: Color,
    /// Search matches: text.
    pub hit_fg: Color,
    /// Search matches: background.
    pub hit_bg: Color,
    /// Failing checks, flags.
    pub bad: Color,
}

impl Default for Colors {
    fn default() -> Colors {
        Colors {
            accent: Color::Cyan,
            dim: Color::DarkGray,
            selected_fg: Color::White,
            selected_bg: Color::Blue,
            hit_fg: Color::Black,
            hit_bg: Color::Yellow,
            bad: Color::Red,
        }
    }
}

/// Names of the colour settings, in [`Colors`] order.
pub const COLOR_KEYS: [&str; 7] = ["accent", "dim", "selected_fg", "selected_bg", "hit_fg", "hit_bg", "bad"];

impl Colors {
    fn slot(&mut self, key: &str) -> Option<&mut Color> {
        Some(match key {
            "accent" => &mut self.accent,
            "dim" => &mut self.dim,
            "selected_fg" => &mut self.selected_fg,
            "selected_bg" => &mut self.selected_bg,
            "hit_fg" => &mut self.hit_fg,
            "hit_bg" => &mut self.hit_bg,
            "bad" => &mut self.bad,
            _ => return None,
        })
    }

    fn get(&self, key: &str) -> Option<Color> {
        let mut c = *self;
        c.slot(key).map(|s| *s)
    }
}

/// Default filters of search, export, stats and the TUI's first query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterDefaults {
    /// `2020` or `2019..2021`.
    pub year: Option<String>,
    /// Agency types (SCHEMA names or 乡 镇 街道 县 市 省 部门).
    pub types: Vec<String>,
    /// A province name or its prefix.
    pub province: Option<String>,
    /// province, prefecture, county or township.
    pub level: Option<String>,
}

impl FilterDefaults {
    /// As query terms (`year:2020..2024 province:安徽 type:镇`), for the TUI's box.
    #[must_use]
    pub fn as_query(&self) -> String {
        let mut terms = Vec::new();
        if let Some(y) = &self.year {
            terms.push(format!("year:{y}"));
        }
        if let Some(p) = &self.province {
            terms.push(format!("province:{p}"));
        }
        if let Some(l) = &self.level {
            terms.push(format!("level:{l}"));
        }
        if let [one] = self.types.as_slice() {
            terms.push(format!("type:{one}"));
        }
        terms.join(" ")
    }
}

/// The merged settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read (or looked for).
    pub path: PathBuf,
    /// The default index, when the file names one.
    pub index: Option<PathBuf>,
    /// ASCII borders.
    pub ascii: bool,
    /// The TUI's language; `None`: the locale's.
    pub lang: Option<crate::lang::Lang>,
    /// Default filters.
    pub filters: FilterDefaults,
    /// Key bindings: (action, keys) as configured, in file order.
    pub keys: Vec<(String, Vec<KeyEvent>)>,
    /// Colours.
    pub colors: Colors,
    /// Where each setting came from: (name, origin).
    pub origins: Vec<(String, Origin)>,
    /// Problems: `file:line: key: what` (the defaults stand for these).
    pub warnings: Vec<String>,
}

impl Config {
    /// The defaults, for a file at `path` (not read).
    #[must_use]
    pub fn defaults(path: PathBuf) -> Config {
        Config {
            path,
            index: None,
            ascii: false,
            lang: None,
            filters: FilterDefaults::default(),
            keys: Vec::new(),
            colors: Colors::default(),
            origins: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Where a setting came from.
    #[must_use]
    pub fn origin(&self, name: &str) -> Origin {
        self.origins.iter().rev().find(|(n, _)| n == name).map_or(Origin::Default, |(_, o)| o.clone())
    }
}

/// `$GONGKAI_CONFIG`, else `$XDG_CONFIG_HOME/gongkai/config.toml`, else `~/.config/gongkai/config.toml`.
#[must_use]
pub fn path() -> PathBuf {
    if let Some(p) = std::env::var_os("GONGKAI_CONFIG").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    if let Some(p) = std::env::var_os("XDG_CONFIG_HOME").filter(|p| !p.is_empty()) {
        return PathBuf::from(p).join("gongkai/config.toml");
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".config/gongkai/config.toml")
}

/// Reads the config file at `path`; a missing file is the defaults, a broken one the defaults plus
/// warnings.
#[must_use]
pub fn load(path: &Path) -> Config {
    let mut c = Config::defaults(path.to_path_buf());
    match std::fs::read_to_string(path) {
        Ok(text) => apply(&mut c, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => c.warnings.push(format!("{}: cannot be read: {e}; using the defaults", path.display())),
    }
    c
}

/// The line (1-based) where `key` is set in `[section]` (`""`: the top), else the section's line.
fn line_of(text: &str, section: &str, key: &str) -> usize {
    let mut current = String::new();
    let mut section_line = 1;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            current = name.trim().to_string();
            if current == section {
                section_line = i + 1;
            }
            continue;
        }
        let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if current == section && k == key && t.contains('=') {
            return i + 1;
        }
    }
    section_line
}

/// Applies the file's text to the defaults.
pub fn apply(c: &mut Config, text: &str) {
    let file = c.path.clone();
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map_or(1, |s| text[..s.start.min(text.len())].lines().count().max(1));
            let msg = e.message().to_string();
            c.warnings.push(format!("{}:{line}: {msg}; the whole file is ignored, using the defaults", file.display()));
            return;
        }
    };
    let at = |section: &str, key: &str| Origin::File(file.clone(), line_of(text, section, key));
    let mut warn = |c: &mut Config, section: &str, key: &str, what: String| {
        let name = if section.is_empty() { key.to_string() } else { format!("{section}.{key}") };
        c.warnings.push(format!("{}:{}: {name}: {what}", file.display(), line_of(text, section, key)));
    };
    for (key, value) in &table {
        match (key.as_str(), value) {
            ("index", toml::Value::String(s)) => {
                c.index = Some(expand_home(s));
                c.origins.push(("index".into(), at("", key)));
            }
            ("ascii", toml::Value::Boolean(b)) => {
                c.ascii = *b;
                c.origins.push(("ascii".into(), at("", key)));
            }
            ("lang", toml::Value::String(s)) if s.trim().eq_ignore_ascii_case("auto") => {
                c.lang = None;
                c.origins.push(("lang".into(), at("", key)));
            }
            ("lang", toml::Value::String(s)) => match crate::lang::Lang::from_name(s) {
                Some(l) => {
                    c.lang = Some(l);
                    c.origins.push(("lang".into(), at("", key)));
                }
                None => warn(c, "", key, format!("{s:?} is not a language (en, zh, auto); ignored")),
            },
            ("filters", toml::Value::Table(t)) => filters(c, t, text, &mut warn),
            ("keys", toml::Value::Table(t)) => keys(c, t, text, &mut warn),
            ("colors", toml::Value::Table(t)) => colors(c, t, text, &mut warn),
            ("index" | "ascii" | "lang" | "filters" | "keys" | "colors", v) => {
                warn(c, "", key, format!("has the wrong type ({}); ignored", v.type_str()));
            }
            _ => warn(c, "", key, "is not a setting (index, ascii, lang, [filters], [keys], [colors]); ignored".into()),
        }
    }
}

type Warn<'a> = dyn FnMut(&mut Config, &str, &str, String) + 'a;

fn filters(c: &mut Config, t: &toml::Table, text: &str, warn: &mut Warn<'_>) {
    for (key, v) in t {
        let ok = match (key.as_str(), v) {
            ("year", toml::Value::String(s)) if crate::query::syntax_year(s).is_some() => {
                c.filters.year = Some(s.clone());
                true
            }
            ("year", toml::Value::Integer(y)) => {
                c.filters.year = Some(y.to_string());
                true
            }
            ("province", toml::Value::String(s)) => {
                c.filters.province = Some(s.clone());
                true
            }
            ("level", toml::Value::String(s)) if crate::query::level_name(s).is_some() => {
                c.filters.level = Some(s.clone());
                true
            }
            ("type", toml::Value::String(s)) if crate::model::AgencyType::from_name(s).is_some() => {
                c.filters.types = vec![s.clone()];
                true
            }
            ("type", toml::Value::Array(a)) => {
                let types: Vec<String> = a.iter().filter_map(|v| v.as_str().map(String::from)).collect();
                let valid =
                    types.len() == a.len() && types.iter().all(|s| crate::model::AgencyType::from_name(s).is_some());
                if valid {
                    c.filters.types = types;
                }
                valid
            }
            _ => false,
        };
        if ok {
            c.origins.push((format!("filters.{key}"), Origin::File(c.path.clone(), line_of(text, "filters", key))));
        } else {
            warn(c, "filters", key, format!("{v} is not a valid value of year, type, province or level; ignored"));
        }
    }
}

fn keys(c: &mut Config, t: &toml::Table, text: &str, warn: &mut Warn<'_>) {
    for (action, v) in t {
        if !crate::keys::BINDABLE.iter().any(|(name, _, _)| name == action) {
            let names: Vec<&str> = crate::keys::BINDABLE.iter().map(|(n, _, _)| *n).collect();
            warn(c, "keys", action, format!("is not an action (one of: {}); ignored", names.join(", ")));
            continue;
        }
        let specs: Vec<String> = match v {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Array(a) => a.iter().filter_map(|v| v.as_str().map(String::from)).collect(),
            _ => Vec::new(),
        };
        let parsed: Vec<Option<KeyEvent>> = specs.iter().map(|s| parse_key(s)).collect();
        if specs.is_empty() || parsed.iter().any(Option::is_none) {
            warn(
                c,
                "keys",
                action,
                format!("{v}: not a key (q, Q, Enter, Esc, Tab, Space, F1, Ctrl-d, PageDown …); ignored"),
            );
            continue;
        }
        c.keys.push((action.clone(), parsed.into_iter().flatten().collect()));
        c.origins.push((format!("keys.{action}"), Origin::File(c.path.clone(), line_of(text, "keys", action))));
    }
}

fn colors(c: &mut Config, t: &toml::Table, text: &str, warn: &mut Warn<'_>) {
    for (key, v) in t {
        let color = v.as_str().and_then(|s| s.replace('-', "_").parse::<Color>().ok());
        match (c.colors.slot(key), color) {
            (Some(slot), Some(color)) => {
                *slot = color;
                c.origins.push((format!("colors.{key}"), Origin::File(c.path.clone(), line_of(text, "colors", key))));
            }
            (None, _) => {
                warn(c, "colors", key, format!("is not a colour setting ({}); ignored", COLOR_KEYS.join(", ")))
            }
            (Some(_), None) => {
                warn(c, "colors", key, format!("{v} is not a colour (cyan, dark_gray, #1f4e79, 0-255); ignored"))
            }
        }
    }
}

fn expand_home(s: &str) -> PathBuf {
    match s.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map_or_else(|| PathBuf::from(s), |h| PathBuf::from(h).join(rest)),
        None => PathBuf::from(s),
    }
}

/// The colour settings as (name, value) for printing.
#[must_use]
pub fn color_settings(c: &Colors) -> Vec<(&'static str, Color)> {
    COLOR_KEYS.iter().filter_map(|k| c.get(k).map(|v| (*k, v))).collect()
}
