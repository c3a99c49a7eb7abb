//! Review state (reviewed, flagged, notes), kept per index in the user's data directory as JSON and
//! written atomically (temp file + rename), so it survives restarts and crashes.

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
}

/// The review file of an index: `<data dir>/reviews/<hash of the index path>.json`.
#[must_use]
pub fn path_for(index: &Path) -> PathBuf {
    path_in(&crate::index::data_dir(), index)
}

/// The review file of an index under a given gongkai data directory.
#[must_use]
pub fn path_in(data_dir: &Path, index: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(index).unwrap_or_else(|_| index.to_path_buf());
    let h = crate::index::fnv1a(abs.display().to_string().as_bytes());
    data_dir.join("reviews").join(format!("{h:016x}.json"))
}

impl Store {
    /// Loads the store of an index (empty when there is none yet or it cannot be read).
    #[must_use]
    pub fn load_for(index: &Path) -> Store {
        let path = path_for(index);
        let mut s: Store =
            std::fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        s.path = Some(path);
        s
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
        if e == Entry::default() {
            self.entries.remove(&id.to_string());
        } else {
            self.entries.insert(id.to_string(), e);
        }
    }

    /// Ids with the given state.
    #[must_use]
    pub fn ids(&self, pred: impl Fn(&Entry) -> bool) -> Vec<u64> {
        self.entries.iter().filter(|(_, e)| pred(e)).filter_map(|(k, _)| k.parse().ok()).collect()
    }

    /// Writes the store atomically.
    ///
    /// # Errors
    /// When the data directory cannot be written.
    pub fn save(&self) -> std::io::Result<()> {
        let Some(path) = &self.path else { return Ok(()) };
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
    fn default_entries_are_dropped() {
        let mut s = Store::default();
        s.update(1, |e| e.reviewed = true);
        s.update(1, |e| e.reviewed = false);
        assert!(s.entries.is_empty());
    }
}
