//! A damaged index: every command ends with a clear error naming the index and the remedy (exit 2),
//! never a panic or an abort, and `index --rebuild` always makes it anew.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn gongkai(index: &Path) -> Command {
    let mut c = Command::cargo_bin("gongkai").expect("binary");
    c.arg("--index").arg(index).env("NO_COLOR", "1").env_remove("GONGKAI_INDEX").env_remove("RUST_BACKTRACE");
    c
}

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read").flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// Damage to one file of the index: bytes zeroed in the middle (0), the file cut in half (1), or bytes
/// flipped all along it (2).
fn damage(file: &Path, how: usize) {
    let mut b = std::fs::read(file).expect("read");
    let n = b.len();
    match how {
        0 => b[n / 2..(n / 2 + 64).min(n)].iter_mut().for_each(|x| *x = 0),
        1 => b.truncate(n / 2),
        _ => {
            for i in (0..n).step_by((n / 40).max(1)) {
                b[i] ^= 0x5a;
            }
        }
    }
    std::fs::write(file, b).expect("write");
}

#[test]
fn every_command_survives_a_damaged_index_and_rebuild_always_works() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (docs, good) = (tmp.path().join("docs"), tmp.path().join("good"));
    std::fs::create_dir_all(&docs).expect("mkdir");
    for f in ["s01-town-2020-tabbed.txt", "s02-township-2019-vertical-typos.txt", "s08-province-2021-utf16.txt"] {
        std::fs::copy(samples().join(f), docs.join(f)).expect("copy");
    }
    gongkai(&good).args(["index", "--quiet"]).arg(&docs).assert().success();
    let mut names: Vec<String> = std::fs::read_dir(&good)
        .expect("index")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".tantivy"))
        .collect();
    names.sort();
    assert!(names.iter().any(|n| n.ends_with(".store")) && names.iter().any(|n| n == "meta.json"), "{names:?}");
    let commands: [&[&str]; 5] = [
        &["search", "公开"],
        &["stats", "--by", "province"],
        &["export", "--format", "ndjson"],
        &["show", "枫桥镇"],
        &["coverage", "--year", "2020", "--province", "浙江"],
    ];
    let mut damaged_seen = 0;
    for name in &names {
        for how in [0, 2] {
            let ix = tmp.path().join(format!("ix-{name}-{how}"));
            copy_dir(&good, &ix);
            damage(&ix.join(name), how);
            for args in commands {
                let out = gongkai(&ix).args(args).output().expect("run");
                let err = String::from_utf8_lossy(&out.stderr);
                let code = out.status.code();
                assert!(matches!(code, Some(0..=2)), "{name} damaged ({how}), {args:?}: exit {code:?}\n{err}");
                assert!(!err.contains("panicked"), "{name} ({how}), {args:?}: {err}");
                if code == Some(2) {
                    damaged_seen += 1;
                    assert!(err.contains("--rebuild") && err.contains(&ix.display().to_string()), "{err}");
                }
            }
            // Incremental indexing over it fails cleanly or works; --rebuild always works.
            let out = gongkai(&ix).args(["index", "--quiet"]).arg(&docs).output().expect("run");
            assert!(matches!(out.status.code(), Some(0 | 2)), "{name} ({how}): index exit {:?}", out.status.code());
            gongkai(&ix).args(["index", "--rebuild", "--quiet"]).arg(&docs).assert().success();
            let out = gongkai(&ix).args(["stats"]).output().expect("run");
            assert!(String::from_utf8_lossy(&out.stdout).contains("3 reports"), "{name} ({how}) after rebuild");
        }
    }
    assert!(damaged_seen > 10, "the damage was noticed: {damaged_seen}");
}

#[test]
fn an_unreadable_meta_file_names_the_remedy_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("ix");
    gongkai(&ix).args(["index", "--quiet"]).arg(samples().join("s01-town-2020-tabbed.txt")).assert().success();
    std::fs::write(ix.join("meta.json"), "{\"bad").expect("write");
    let out = gongkai(&ix).args(["search", "公开"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("index --rebuild"), "{err}");
    assert_eq!(err.matches("Meta file cannot be deserialized").count(), 1, "said once: {err}");
    gongkai(&ix)
        .args(["index", "--rebuild", "--quiet"])
        .arg(samples().join("s01-town-2020-tabbed.txt"))
        .assert()
        .success();
}

/// Inputs the `open_index` fuzz target found (fuzz/regressions/open_index/), applied as it applies
/// them: the first byte picks a file of the index (by kind), the next two a place, the rest are
/// written there. One of them once made the index library ask for a terabyte and abort.
#[test]
fn fuzz_found_index_damage_stays_a_clear_error() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/open_index");
    let inputs: Vec<PathBuf> = std::fs::read_dir(&dir).expect("regressions").flatten().map(|e| e.path()).collect();
    assert!(!inputs.is_empty());
    for input in inputs {
        let data = std::fs::read(&input).expect("input");
        let tmp = tempfile::tempdir().expect("tempdir");
        let ix = tmp.path().join("ix");
        let files = ["s01-town-2020-tabbed.txt", "s02-township-2019-vertical-typos.txt"].map(|f| samples().join(f));
        gongkai(&ix).args(["index", "--quiet"]).args(&files).assert().success();
        let mut names: Vec<PathBuf> = std::fs::read_dir(&ix)
            .expect("ix")
            .flatten()
            .map(|e| e.path())
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".tantivy")))
            .filter(|p| !p.ends_with("gongkai-verified.json"))
            .collect();
        names.sort_by_key(|p| (p.extension().map(|e| e.to_os_string()), p.clone()));
        let [which, a, b, rest @ ..] = data.as_slice() else { continue };
        let victim = &names[usize::from(*which) % names.len()];
        let mut bytes = std::fs::read(victim).expect("read");
        let at = (usize::from(*a) << 8 | usize::from(*b)) % bytes.len();
        for (i, x) in rest.iter().take(64).enumerate() {
            if let Some(slot) = bytes.get_mut(at + i) {
                *slot = *x;
            }
        }
        std::fs::write(victim, bytes).expect("write");
        let mut noticed = false;
        for args in [&["search", "公开"][..], &["stats"], &["export", "--format", "ndjson"]] {
            let out = gongkai(&ix).args(args).output().expect("run");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(matches!(out.status.code(), Some(0..=2)), "{}: {args:?}: {:?}\n{err}", input.display(), out.status);
            assert!(!err.contains("panicked"), "{err}");
            noticed |= out.status.code() == Some(2) && err.contains("is damaged");
        }
        assert!(noticed, "{}: the damage to {} was noticed", input.display(), victim.display());
    }
}
