//! A real PDF report, read as `pdftotext -layout` text, must give its expected record
//! (`shared/pdf/huaian_city_2024.json`): vertical row headers, wrapped labels, page numbers inside
//! the table and stacked review headers.

mod common;

use std::process::Command;

#[test]
fn pdftotext_layout_of_real_report_matches_expected() {
    let Some(shared) = common::shared_dir() else { return };
    let pdf = shared.join("pdf/huaian_city_2024.pdf");
    let tmp = tempfile::tempdir().expect("tempdir");
    let txt = tmp.path().join("huaian_city_2024.txt");
    match Command::new("pdftotext").arg("-layout").arg(&pdf).arg(&txt).status() {
        Ok(s) if s.success() => {}
        other => {
            assert!(std::env::var_os("GONGKAI_SHARED").is_none(), "pdftotext needed under GONGKAI_SHARED: {other:?}");
            println!("notice: pdftotext (poppler-utils) not installed; skipping the PDF test");
            return;
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai")).arg("parse").arg("--json").arg(&txt).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("pdf/huaian_city_2024.json")).expect("read"))
            .expect("expected json");
    let diffs = common::compare(&got, &want);
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}

/// The same real report, read directly (no external program): the expected record exactly.
#[test]
#[cfg(feature = "pdf")]
fn real_pdf_read_directly_matches_expected() {
    let Some(shared) = common::shared_dir() else { return };
    let pdf = shared.join("pdf/huaian_city_2024.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai")).arg("parse").arg("--json").arg(&pdf).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    assert_eq!(got["format"], "pdf");
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("pdf/huaian_city_2024.json")).expect("read"))
            .expect("expected json");
    let diffs = common::compare(&got, &want);
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
    let warnings = got["warnings"].as_array().map(Vec::len).unwrap_or_default();
    assert_eq!(warnings, 0, "{}", got["warnings"]);
}

/// A third producer: LibreOffice's PDF export of HTML samples (`tools/make_lo_pdfs.sh`) gives the
/// HTML sample's record: every figure, check, date and place; title and contact as printed, which
/// may carry the gaps the office suite puts between Chinese and Latin text.
#[test]
#[cfg(feature = "pdf")]
fn libreoffice_exports_give_the_html_records() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/fixtures/libreoffice");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let pdf = entry.expect("entry").path();
        let name = pdf.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
        let out =
            Command::new(env!("CARGO_BIN_EXE_gongkai")).arg("parse").arg("--json").arg(&pdf).output().expect("run");
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let mut got: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
        let want_path = root.join("sample-reports/expected").join(format!("{name}.json"));
        let mut want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(want_path).expect("expected")).expect("json");
        for v in [&mut got, &mut want] {
            for key in ["title", "agency_full"] {
                if let Some(s) = v[key].as_str() {
                    v[key] = s.replace(' ', "").into();
                }
            }
            if let Some(contact) = v["contact"].as_object_mut() {
                for s in contact.values_mut() {
                    if let Some(t) = s.as_str() {
                        *s = t.replace(' ', "").into();
                    }
                }
            }
        }
        let diffs = common::compare(&got, &want);
        assert!(diffs.is_empty(), "{name}: {} differences:\n{}", diffs.len(), diffs.join("\n"));
        assert_eq!(got["warnings"], serde_json::json!([]), "{name}");
        n += 1;
    }
    assert_eq!(n, 3);
}
