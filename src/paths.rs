//! Where the program keeps things: the index, the user's data folder (review state, sessions), the
//! bundled samples. The CLI and the TUI both use these; neither imports the other for them.

use std::path::{Path, PathBuf};

/// The index location: `--index`, else `GONGKAI_INDEX`, else `$XDG_DATA_HOME/gongkai/index`, else
/// `~/.local/share/gongkai/index`.
#[must_use]
pub fn index_location(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("GONGKAI_INDEX").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    data_dir().join("index")
}

/// `$XDG_DATA_HOME/gongkai`, else `~/.local/share/gongkai`.
#[must_use]
pub fn data_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("XDG_DATA_HOME").filter(|p| !p.is_empty()) {
        return PathBuf::from(p).join("gongkai");
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    home.join(".local/share/gongkai")
}

/// The bundled sample reports folder.
#[must_use]
pub fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

/// A file kept per index under `data_dir/folder/`, named by a hash of the index's canonical path
/// (review state, sessions).
#[must_use]
pub fn per_index_file(data_dir: &Path, folder: &str, index: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(index).unwrap_or_else(|_| index.to_path_buf());
    let h = crate::index::fnv1a(abs.display().to_string().as_bytes());
    data_dir.join(folder).join(format!("{h:016x}.json"))
}
