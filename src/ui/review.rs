//! Review state (reviewed, flagged, notes), kept per index in the user's data directory as JSON and
//! written atomically (temp file + rename), so it survives restarts and crashes.
//!
//! Never lost: a save re-reads the file and applies only this session's changes to it, so two TUIs on
//! one index keep each other's marks; a file with a damaged entry keeps every readable entry, and the
//! file itself is moved aside (never overwritten) with a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One report's review state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Marked reviewed.
    #[serde(default)]
    pub reviewed: bool,
    /// Flagged for attention.
    #[serde(default)]
    pub flagged: bool,
    /// The flag's note.
    #[serde(default)]
    pub note: String,
}

/// Review state of every report of one index, by report id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    /// Entries by id (as a string, for JSON).
    #[serde(default)]
    pub entries: BTreeMap<String, Entry>,
    /// Where it is kept; `None` in tests.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// This session's changes by id (`None`: back to nothing), applied over the file on save.
    #[serde(skip)]
    changed: BTreeMap<String, Option<Entry>>,
    /// What went wrong reading the file (shown once in the TUI).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The review file of an index: `<data dir>/reviews/<hash of the index path>.json`.
#[must_use]
pub fn path_for(index: &Path) -> PathBuf {
    path_in(&crate::paths::data_dir(), index)
}

/// The review file of an index under a given gongkai data directory.
#[must_use]
pub fn path_in(data_dir: &Path, index: &Path) -> PathBuf {
    crate::paths::per_index_file(data_dir, "reviews", index)
}

impl Store {
    /// Loads the store of an index (empty when there is none yet). A damaged file gives what can be
    /// read of it; it is moved aside as `….damaged-<time>.json` and said in `warnings`.
    #[must_use]
    pub fn load_for(index: &Path) -> Store {
        let path = path_for(index);
        let (entries, warnings) = read_entries(&path);
        Store { entries, path: Some(path), changed: BTreeMap::new(), warnings }
    }

    /// The entry of a report.
    #[must_use]
    pub fn get(&self, id: u64) -> Entry {
        self.entries.get(&id.to_string()).cloned().unwrap_or_default()
    }

    /// Changes an entry (dropping it when it is back to default).
    pub fn update(&mut self, id: u64, f: impl FnOnce(&mut Entry)) {
        let mut e = self.get(id);
        f(&mut e);
        let key = id.to_string();
        if e == Entry::default() {
            self.entries.remove(&key);
            self.changed.insert(key, None);
        } else {
            self.entries.insert(key.clone(), e.clone());
            self.changed.insert(key, Some(e));
        }
    }

    /// Ids with the given state.
    #[must_use]
    pub fn ids(&self, pred: impl Fn(&Entry) -> bool) -> Vec<u64> {
        self.entries.iter().filter(|(_, e)| pred(e)).filter_map(|(k, _)| k.parse().ok()).collect()
    }

    /// Writes the store atomically: the file as it is now (another TUI may have written it), with
    /// this session's changes applied. The store then holds the merged entries.
    ///
    /// # Errors
    /// When the data directory cannot be written.
    pub fn save(&mut self) -> std::io::Result<()> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let (mut merged, warnings) = read_entries(&path);
        self.warnings.extend(warnings);
        for (k, v) in &self.changed {
            match v {
                Some(e) => merged.insert(k.clone(), e.clone()),
                None => merged.remove(k),
            };
        }
        self.entries = merged;
        let tmp = path.with_extension(format!("json.{}.tmp", std::process::id()));
        std::fs::write(&tmp, serde_json::to_string_pretty(self).map_err(std::io::Error::other)?)?;
        std::fs::rename(&tmp, &path)
    }
}

/// The readable entries of a review file (none when it is absent). When anything in it cannot be
/// read, the file is moved aside so that no later save overwrites what could not be read.
fn read_entries(path: &Path) -> (BTreeMap<String, Entry>, Vec<String>) {
    let mut out = BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(path) else { return (out, Vec::new()) };
    let mut damaged = 0;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(v) => match v.get("entries").and_then(serde_json::Value::as_object) {
            Some(map) => {
                for (k, e) in map {
                    match serde_json::from_value::<Entry>(e.clone()) {
                        Ok(e) if k.parse::<u64>().is_ok() => {
                            out.insert(k.clone(), e);
                        }
                        _ => damaged += 1,
                    }
                }
            }
            None => damaged += 1,
        },
        Err(_) => damaged += 1,
    }
    if damaged == 0 {
        return (out, Vec::new());
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let aside = path.with_extension(format!("damaged-{stamp}.json"));
    let moved = std::fs::rename(path, &aside).is_ok();
    let warning = format!(
        "review file {}: {damaged} damaged part(s) left out, {} entries kept; {}",
        path.display(),
        out.len(),
        if moved { format!("the file was moved to {}", aside.display()) } else { "it could not be moved aside".into() }
    );
    (out, vec![warning])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_a_round_trip_on_disk() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut s = Store { path: Some(dir.path().join("r.json")), ..Store::default() };
        s.update(7, |e| e.reviewed = true);
        s.update(9, |e| {
            e.flagged = true;
            e.note = "数字不平".into();
        });
        assert!(s.save().is_ok());
        let text = std::fs::read_to_string(dir.path().join("r.json")).unwrap_or_default();
        let back: Store = serde_json::from_str(&text).unwrap_or_default();
        assert!(back.get(7).reviewed);
        assert_eq!(back.get(9).note, "数字不平");
        assert_eq!(back.ids(|e| e.flagged), vec![9]);
    }

    #[test]
    fn two_sessions_keep_each_others_marks() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("r.json");
        let mut a = Store { path: Some(path.clone()), ..Store::default() };
        let mut b = Store { path: Some(path.clone()), ..Store::default() };
        a.update(1, |e| e.reviewed = true);
        assert!(a.save().is_ok());
        b.update(2, |e| e.flagged = true);
        assert!(b.save().is_ok(), "b saves after a, with a's mark on disk");
        a.update(1, |e| e.note = "再看".into());
        assert!(a.save().is_ok());
        let (back, warnings) = read_entries(&path);
        assert!(warnings.is_empty());
        assert!(back["1"].reviewed && back["1"].note == "再看" && back["2"].flagged, "{back:?}");
        assert!(a.get(2).flagged, "a sees b's mark after saving");
    }

    #[test]
    fn a_damaged_entry_keeps_the_rest_and_the_file_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("r.json");
        let text = r#"{"entries": {"1": {"reviewed": true, "note": "留"}, "2": {"reviewed": "yes?"}, "3": {"flagged": true}}}"#;
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let (entries, warnings) = read_entries(&path);
        assert_eq!(entries.keys().collect::<Vec<_>>(), vec!["1", "3"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(!path.exists(), "moved aside, never overwritten");
        let aside: Vec<_> =
            std::fs::read_dir(dir.path()).map(|d| d.filter_map(Result::ok).collect()).unwrap_or_default();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read_to_string(aside[0].path()).unwrap_or_default(), text);
    }

    #[test]
    fn default_entries_are_dropped() {
        let mut s = Store::default();
        s.update(1, |e| e.reviewed = true);
        s.update(1, |e| e.reviewed = false);
        assert!(s.entries.is_empty());
    }
}
