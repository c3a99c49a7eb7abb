//! `gongkai parse --json` on the five real seed reports must match `seeds/expected/*.json` exactly on
//! every given field.

mod common;

use std::process::Command;

#[test]
fn seeds_match_expected_records() {
    let Some(shared) = common::shared_dir() else { return };
    let seeds = shared.join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .map(|d| {
            d.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    names.sort();
    assert_eq!(names.len(), 5, "expected five seeds in {}", seeds.display());
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .arg("parse")
        .arg("--json")
        .args(&names)
        .output()
        .expect("run gongkai");
    assert!(out.status.success(), "parse failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let records: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).expect("NDJSON line")).collect();
    assert_eq!(records.len(), names.len(), "one record per file, in order");
    let mut failures = Vec::new();
    for (path, got) in names.iter().zip(&records) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let want_text =
            std::fs::read_to_string(seeds.join("expected").join(format!("{stem}.json"))).expect("expected json");
        let want: serde_json::Value = serde_json::from_str(&want_text).expect("expected json parses");
        assert_eq!(got["source"], serde_json::Value::String(path.display().to_string()));
        for d in common::compare(got, &want) {
            failures.push(format!("{stem}: {d}"));
        }
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}
