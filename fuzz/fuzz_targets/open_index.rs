//! Opening and searching an index whose files have been mutated: a small index is built once, then
//! each input overwrites bytes of one of its files (which file, where, what) in a fresh copy. The
//! index library may panic on damaged files (the binary catches that at its boundary and says how to
//! rebuild); what must never happen is an abort, a hang or a runaway allocation.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn good_index() -> &'static (tempfile::TempDir, Vec<PathBuf>) {
    static GOOD: OnceLock<(tempfile::TempDir, Vec<PathBuf>)> = OnceLock::new();
    GOOD.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample-reports");
        let files: Vec<PathBuf> = ["s01-town-2020-tabbed.txt", "s02-township-2019-vertical-typos.txt"]
            .iter()
            .map(|f| samples.join(f))
            .collect();
        struct Quiet;
        impl gongkai_search::indexer::Observer for Quiet {
            fn failed(&mut self, _path: &Path, _reason: &str) {}
        }
        // Panics inside the index library on damaged files are what the binary catches at its
        // boundary: here they are caught below instead of being reported as crashes.
        std::panic::set_hook(Box::new(|_| {}));
        gongkai_search::indexer::run(&files, &dir.path().join("ix"), false, &mut Quiet).expect("index");
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir.path().join("ix"))
            .expect("read")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".tantivy")))
            .collect();
        // By kind first (extension), so that an input names the same kind of file in every run
        // (segment names are random).
        names.sort_by_key(|p| (p.extension().map(|e| e.to_os_string()), p.clone()));
        (dir, names)
    })
}

fuzz_target!(|data: &[u8]| {
    let (good, files) = good_index();
    let [which, a, b, rest @ ..] = data else { return };
    let Some(victim) = files.get(usize::from(*which) % files.len().max(1)) else { return };
    let copy = tempfile::tempdir().expect("tempdir");
    let ix = copy.path().join("ix");
    std::fs::create_dir_all(&ix).expect("mkdir");
    for f in files {
        let _ = std::fs::copy(f, ix.join(f.file_name().unwrap_or_default()));
    }
    let target = ix.join(victim.file_name().unwrap_or_default());
    let mut bytes = std::fs::read(&target).unwrap_or_default();
    if bytes.is_empty() {
        return;
    }
    let at = (usize::from(*a) << 8 | usize::from(*b)) % bytes.len();
    for (i, x) in rest.iter().take(64).enumerate() {
        if let Some(slot) = bytes.get_mut(at + i) {
            *slot = *x;
        }
    }
    std::fs::write(&target, bytes).expect("write");
    let _ = good;
    let run = std::panic::catch_unwind(|| {
        let Ok(Some(index)) = gongkai_search::index::open_existing(&ix) else { return };
        let Ok(reader) = index.reader() else { return };
        let searcher = reader.searcher();
        let req = gongkai_search::query::SearchRequest { text: "公开".into(), limit: 10, ..Default::default() };
        let _ = gongkai_search::query::search(&searcher, &req);
        let _ = gongkai_search::query::totals(&searcher, &req, gongkai_search::query::GroupBy::Province);
    });
    let _ = run;
});
