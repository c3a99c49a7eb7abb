//! Every bundled sample report must parse to its expected record (`sample-reports/expected/`), field by
//! field: agency types, templates, layouts (tabbed, pdftotext, HTML, DOCX), encodings and quirks.

mod common;

use std::path::PathBuf;
use std::process::Command;

#[test]
fn sample_reports_match_expected_records() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
    let mut expected: Vec<PathBuf> = std::fs::read_dir(dir.join("expected"))
        .expect("sample-reports/expected")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    expected.sort();
    assert!(expected.len() >= 15, "at least 15 sample reports, found {}", expected.len());
    let mut failures = Vec::new();
    for exp in &expected {
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(exp).expect("read")).expect("expected json");
        let file = dir.join(want["source"].as_str().expect("source"));
        if cfg!(not(feature = "pdf")) && file.extension().is_some_and(|e| e == "pdf") {
            continue;
        }
        let out =
            Command::new(env!("CARGO_BIN_EXE_gongkai")).arg("parse").arg("--json").arg(&file).output().expect("run");
        if !out.status.success() {
            failures.push(format!(
                "{}: exit {:?}: {}",
                file.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        failures.extend(common::compare(&got, &want).into_iter().map(|d| format!("{name}: {d}")));
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}
