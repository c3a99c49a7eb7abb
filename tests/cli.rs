//! The binary as a user runs it: every subcommand on the sample reports, error exits included.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

/// How many sample reports there are (every supported file in sample-reports/).
fn sample_count() -> usize {
    std::fs::read_dir(samples())
        .map(|d| d.filter_map(Result::ok).filter(|e| gongkai::load::is_supported_extension(&e.path())).count())
        .unwrap_or(0)
}

fn gongkai(index: &Path) -> Command {
    let mut c = Command::cargo_bin("gongkai").expect("binary");
    c.arg("--index").arg(index).env("NO_COLOR", "1").env_remove("GONGKAI_INDEX");
    c
}

/// A temp dir with the samples indexed into `ix`.
fn indexed() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("ix");
    gongkai(&ix).arg("index").arg(samples()).assert().success();
    (tmp, ix)
}

#[test]
fn parse_prints_tables_and_names_bad_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let bad = tmp.path().join("notes.txt");
    std::fs::write(&bad, "just a shopping list").expect("write");
    let good = samples().join("s01-town-2020-tabbed.txt");
    Command::cargo_bin("gongkai")
        .expect("bin")
        .args(["parse"])
        .arg(&bad)
        .arg(&good)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("枫桥镇").and(predicate::str::contains("收到和处理政府信息公开申请情况")))
        .stderr(predicate::str::contains("notes.txt"));
}

#[test]
fn parse_json_is_one_record_per_file_in_order() {
    let a = samples().join("s02-township-2019-vertical-typos.txt");
    let b = samples().join("s01-town-2020-tabbed.txt");
    let out =
        Command::cargo_bin("gongkai").expect("bin").arg("parse").arg("--json").arg(&a).arg(&b).output().expect("run");
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["agency"], "茅坪乡");
    assert_eq!(lines[1]["agency"], "枫桥镇");
}

#[test]
fn parse_missing_file_fails_with_its_name() {
    Command::cargo_bin("gongkai").expect("bin").args(["parse", "no/such/report.txt"]).assert().code(2).stderr(
        predicate::function(|err: &str| {
            // The path and the system's reason, each said once.
            err.matches("no/such/report.txt").count() == 1 && err.matches("os error 2").count() == 1
        }),
    );
    // `show` of a file that is no report, without an index: parsed on the spot, named once.
    let tmp = tempfile::tempdir().expect("tempdir");
    let junk = tmp.path().join("junk.txt");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]).expect("write");
    let shown = junk.display().to_string();
    Command::cargo_bin("gongkai")
        .expect("bin")
        .env("XDG_DATA_HOME", tmp.path())
        .arg("--index")
        .arg(tmp.path().join("ix"))
        .arg("show")
        .arg(&junk)
        .assert()
        .code(2)
        .stderr(predicate::function(move |err: &str| err.matches(shown.as_str()).count() == 1));
}

#[test]
fn index_is_incremental() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    for f in
        ["s01-town-2020-tabbed.txt", "s02-township-2019-vertical-typos.txt", "s09-department-county-2020-docx.docx"]
    {
        std::fs::copy(samples().join(f), docs.join(f)).expect("copy");
    }
    std::fs::write(docs.join("cover.jpg"), b"\xFF\xD8\xFF").expect("write");
    let ix = tmp.path().join("ix");
    gongkai(&ix)
        .arg("index")
        .arg(&docs)
        .assert()
        .success()
        .stderr(predicate::str::contains("seen 3, indexed 3, unchanged 0, failed 0, skipped 1"));
    gongkai(&ix).arg("index").arg(&docs).assert().success().stderr(predicate::str::contains("indexed 0, unchanged 3"));
    // change one file's content, delete another
    let p = docs.join("s01-town-2020-tabbed.txt");
    let text = std::fs::read_to_string(&p).expect("read").replace("枫桥镇", "枫桥镇 ");
    std::fs::write(&p, text).expect("write");
    std::fs::remove_file(docs.join("s02-township-2019-vertical-typos.txt")).expect("rm");
    gongkai(&ix)
        .arg("index")
        .arg(&docs)
        .assert()
        .success()
        .stderr(predicate::str::contains("seen 2, indexed 1, unchanged 1").and(predicate::str::contains("deleted 1")));
    gongkai(&ix).args(["search", "茅坪乡"]).assert().code(1);
    gongkai(&ix).args(["search", "枫桥镇"]).assert().success();
}

/// Three sample reports in `docs/` of a fresh temp dir.
fn three_docs() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).expect("mkdir");
    std::fs::copy(samples().join("s01-town-2020-tabbed.txt"), docs.join("a.txt")).expect("copy");
    std::fs::copy(samples().join("s02-township-2019-vertical-typos.txt"), docs.join("sub/b.txt")).expect("copy");
    std::fs::copy(samples().join("s09-department-county-2020-docx.docx"), docs.join("sub/c.docx")).expect("copy");
    let ix = tmp.path().join("ix");
    (tmp, docs, ix)
}

fn stats_reports(ix: &Path) -> u64 {
    let out = gongkai(ix).args(["stats", "--json"]).output().expect("stats");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("stats json")["reports"].as_u64().unwrap_or(0))
        .sum()
}

#[test]
fn chinese_exclusions_need_no_double_dash_and_limits_are_checked() {
    let (_tmp, ix) = indexed();
    let all = sample_count();
    gongkai(&ix)
        .args(["search", "公开", "-涞源", "--limit", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("2 of {} reports", all - 1)));
    gongkai(&ix)
        .args(["stats", "-涞源"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("{} reports", all - 1)));
    gongkai(&ix)
        .args(["search", "公开", "--limit", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at least 1"));
    gongkai(&ix).args(["search", "２０２０年"]).assert().success();
    // Escape sequences in arguments never reach the terminal through error messages.
    let tmp = tempfile::tempdir().expect("tempdir");
    gongkai(&tmp.path().join("\u{1b}[31mred"))
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at").and(predicate::str::contains("\u{1b}").not()));
}

#[test]
fn a_named_index_that_does_not_exist_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("nope");
    for args in [vec!["search", "镇"], vec!["stats"], vec!["export"], vec!["show", "镇"], vec!["tui"]] {
        gongkai(&ix)
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no index at").and(predicate::str::contains("gongkai index")));
    }
    assert!(!ix.exists(), "no index is made by reading commands");
    // One result reads as one.
    let (_tmp, ix) = indexed();
    gongkai(&ix).args(["search", "秭归县"]).assert().success().stdout(predicate::str::contains("1 of 1 report in"));
}

#[test]
fn index_errors_count_and_exit_2_naming_the_path_once() {
    let (tmp, docs, ix) = three_docs();
    let missing = tmp.path().join("no-such-folder");
    let shown = missing.display().to_string();
    gongkai(&ix).arg("index").arg(&docs).arg(&missing).assert().code(2).stderr(
        predicate::str::contains("indexed 3").and(predicate::str::contains("failed 1")).and(predicate::function(
            move |e: &str| e.matches(shown.as_str()).count() == 1 && e.contains("no such file"),
        )),
    );
    // A file larger than a report can be is named and not read; the rest are indexed.
    let big = docs.join("huge.txt");
    std::fs::File::create(&big).and_then(|f| f.set_len(60 << 20)).expect("sparse file");
    gongkai(&ix).arg("index").arg(&docs).assert().code(2).stderr(
        predicate::str::contains("huge.txt: 60 MB, larger than a report can be")
            .and(predicate::str::contains("failed 1")),
    );
    std::fs::remove_file(&big).expect("rm");
    // A legacy .doc is named with what to do, and passed over (not a failure).
    std::fs::write(docs.join("old.doc"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").expect("write");
    gongkai(&ix).arg("index").arg(&docs).assert().success().stderr(
        predicate::str::contains("old.doc: skipped: a legacy Word file").and(predicate::str::contains(".docx")),
    );
}

#[cfg(unix)]
#[test]
fn index_roots_that_overlap_or_loop_give_one_document_per_file() {
    let (_tmp, docs, ix) = three_docs();
    // The same folder twice, a folder and its subfolder, a symlink to a file: one document each.
    std::os::unix::fs::symlink(docs.join("a.txt"), docs.join("sub/link-to-a.txt")).expect("symlink");
    gongkai(&ix).arg("index").arg(&docs).arg(&docs).arg(docs.join("sub")).assert().success();
    assert_eq!(stats_reports(&ix), 3);
    gongkai(&ix).arg("index").arg(docs.join("sub")).arg(&docs).assert().success();
    assert_eq!(stats_reports(&ix), 3);
    // Two links back to the folder itself: each reported once, the walk ends, nothing doubled.
    std::os::unix::fs::symlink(&docs, docs.join("sub/up")).expect("symlink");
    std::os::unix::fs::symlink(".", docs.join("here")).expect("symlink");
    gongkai(&ix).arg("index").arg(&docs).timeout(std::time::Duration::from_secs(60)).assert().code(2).stderr(
        predicate::function(|e: &str| {
            e.matches("already walked").count() == 2 && e.contains("seen 3,") && e.contains("failed 2")
        }),
    );
    assert_eq!(stats_reports(&ix), 3);
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_drops_nothing_and_a_vanished_one_is_dropped() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, docs, ix) = three_docs();
    gongkai(&ix).arg("index").arg(&docs).assert().success();
    let sub = docs.join("sub");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read_dir(&sub).is_ok() {
        eprintln!("note: running as root, an unreadable folder cannot be made; that half is skipped");
    } else {
        gongkai(&ix).arg("index").arg(&docs).assert().code(2).stderr(predicate::str::contains("deleted 0"));
        assert_eq!(stats_reports(&ix), 3);
    }
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::remove_dir_all(&sub).expect("rm");
    gongkai(&ix).arg("index").arg(&docs).assert().success().stderr(predicate::str::contains("deleted 2"));
    assert_eq!(stats_reports(&ix), 1);
}

#[test]
fn index_reports_a_bad_file_and_keeps_the_rest() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    std::fs::copy(samples().join("s01-town-2020-tabbed.txt"), docs.join("a.txt")).expect("copy");
    std::fs::write(docs.join("broken.docx"), b"PK\x03\x04 not really a zip").expect("write");
    std::fs::write(docs.join("cut.pdf"), b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog").expect("write");
    let ix = tmp.path().join("ix");
    gongkai(&ix).arg("index").arg(&docs).assert().code(2).stderr(
        predicate::str::contains("broken.docx")
            .and(predicate::str::contains("cut.pdf"))
            .and(predicate::str::contains("damaged"))
            .and(predicate::str::contains("indexed 1")),
    );
    gongkai(&ix).args(["search", "枫桥镇"]).assert().success();
}

#[test]
fn a_second_writer_is_told_the_index_is_locked() {
    let (_tmp, ix) = indexed();
    let idx = gongkai::index::open_or_create(&ix).expect("open");
    let _writer = gongkai::index::writer(&idx, &ix).expect("first writer");
    gongkai(&ix)
        .arg("index")
        .arg(samples())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("locked by another gongkai process"));
}

#[test]
fn search_exit_codes_and_json() {
    let (_tmp, ix) = indexed();
    gongkai(&ix)
        .args(["search", "枫桥镇"])
        .assert()
        .success()
        .stdout(predicate::str::contains("枫桥镇").and(predicate::str::contains("1 of 1")));
    gongkai(&ix).args(["search", "不存在的词语组合"]).assert().code(1);
    gongkai(&ix).args(["search", "year:abc"]).assert().code(2).stderr(predicate::str::contains("year"));
    let out = gongkai(&ix).args(["search", "政府", "--type", "镇", "--json"]).output().expect("run");
    assert!(out.status.success());
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        assert_eq!(v["agency_type"], "town");
        for key in ["source", "agency", "level", "region", "year", "score", "snippet"] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
    }
}

#[test]
fn search_filters_from_flags() {
    let (_tmp, ix) = indexed();
    let out = gongkai(&ix)
        .args(["search", "政府", "--year", "2021..2022", "--province", "浙江", "--json"])
        .output()
        .expect("run");
    let years: Vec<i64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["year"].as_i64().unwrap_or(0))
        .collect();
    assert!(!years.is_empty() && years.iter().all(|y| (2021..=2022).contains(y)), "{years:?}");
    gongkai(&ix)
        .args(["search", "政府", "--failing-checks"])
        .assert()
        .success()
        .stdout(predicate::str::contains("!check"));
    gongkai(&ix).args(["search", "政府", "--type", "村"]).assert().code(2);
}

#[test]
fn show_by_name_id_and_path() {
    let (_tmp, ix) = indexed();
    gongkai(&ix)
        .args(["show", "茅坪乡"])
        .assert()
        .success()
        .stdout(predicate::str::contains("茅坪乡").and(predicate::str::contains("## ")));
    gongkai(&ix)
        .args(["show", "茅坪乡", "--table", "reviews"])
        .assert()
        .success()
        .stdout(predicate::str::contains("结果维持"));
    let out = gongkai(&ix).args(["search", "茅坪乡", "--json"]).output().expect("run");
    let hit: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("{}")).expect("json");
    let id = hit["id"].as_u64().expect("id").to_string();
    let rec = gongkai(&ix).args(["show", &id, "--json"]).output().expect("run");
    let rec: serde_json::Value = serde_json::from_slice(&rec.stdout).expect("record");
    assert_eq!(rec["agency"], "茅坪乡");
    gongkai(&ix)
        .arg("show")
        .arg(samples().join("s01-town-2020-tabbed.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("枫桥镇"));
    // No match exits 1, as `search` does; a year with no report names the years there are.
    gongkai(&ix).args(["show", "无此机关"]).assert().code(1).stderr(predicate::str::contains("no report matches"));
    gongkai(&ix).args(["show", "#1"]).assert().code(1).stderr(predicate::str::contains("no report matches"));
    gongkai(&ix)
        .args(["show", "秭归县", "--year", "2020"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no report for 2020; its reports are of 2022"));
    // The full printed name finds the report of its short name.
    gongkai(&ix).args(["show", "秭归县人民政府"]).assert().success().stdout(predicate::str::contains("秭归县"));
}

#[test]
fn show_lists_several_matches() {
    let (_tmp, ix) = indexed();
    gongkai(&ix)
        .args(["show", "秭归县"])
        .assert()
        .success()
        .stdout(predicate::str::contains("agency     秭归县  county"));
    // `镇` is part of agency names only: towns are listed, not the counties whose text mentions 镇.
    gongkai(&ix).args(["show", "镇"]).assert().code(2).stderr(
        predicate::str::contains("佛子岭镇")
            .and(predicate::str::contains("秭归县").not())
            .and(predicate::str::contains("reports; name one by id")),
    );
    for name in ["宝塔", "沭阳县"] {
        gongkai(&ix)
            .args(["show", name])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("matches").and(predicate::str::contains("#")));
    }
}

#[test]
fn export_csv_and_ndjson() {
    let (tmp, ix) = indexed();
    let csv_path = tmp.path().join("out.csv");
    gongkai(&ix).args(["export", "--format", "csv", "--bom", "--out"]).arg(&csv_path).assert().success();
    let bytes = std::fs::read(&csv_path).expect("csv");
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8_lossy(&bytes);
    let header = text.lines().next().unwrap_or_default();
    assert!(header.contains("applications.new.total") && header.contains("reviews.review.upheld"), "{header}");
    assert_eq!(text.lines().count(), 1 + sample_count());
    let out = gongkai(&ix).args(["export", "type:镇", "--format", "ndjson"]).output().expect("run");
    let n = String::from_utf8_lossy(&out.stdout).lines().filter(|l| l.contains("\"agency_type\":\"town\"")).count();
    assert!(n >= 3);
    // Every figure any record gives has its column (the schema's, in its order), and the same value.
    let columns: Vec<&str> = header.trim_start_matches('\u{feff}').split(',').collect();
    let out = gongkai(&ix).args(["export", "--format", "ndjson"]).output().expect("run");
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let by_source: std::collections::HashMap<String, csv::StringRecord> =
        rows.records().map(|r| r.expect("row")).map(|r| (r[0].to_string(), r)).collect();
    let mut checked = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let row = &by_source[v["source"].as_str().expect("source")];
        for (table, rows) in v["figures"].as_object().into_iter().flatten() {
            for (r, cols) in rows.as_object().into_iter().flatten() {
                for (c, val) in cols.as_object().into_iter().flatten() {
                    let key = format!("{table}.{r}.{c}");
                    let at = columns.iter().position(|h| *h == key).unwrap_or_else(|| panic!("no column {key}"));
                    assert_eq!(row[at], val.as_f64().map_or(String::new(), |_| val.to_string()), "{key}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn stats_group_sums() {
    let (_tmp, ix) = indexed();
    gongkai(&ix)
        .args(["stats", "--by", "type"])
        .assert()
        .success()
        .stdout(predicate::str::contains("town").and(predicate::str::contains(format!("{} reports", sample_count()))));
    let out = gongkai(&ix).args(["stats", "--by", "year", "--json"]).output().expect("run");
    let total: i64 = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["reports"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(usize::try_from(total).unwrap_or(0), sample_count());
}

#[test]
fn index_location_from_environment() {
    let (_tmp, ix) = indexed();
    Command::cargo_bin("gongkai").expect("bin").env("GONGKAI_INDEX", &ix).args(["search", "枫桥镇"]).assert().success();
}

#[test]
fn reading_commands_explain_a_missing_index() {
    let tmp = tempfile::tempdir().expect("tempdir");
    gongkai(&tmp.path().join("none"))
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gongkai index"));
}

#[test]
fn export_includes_review_state_on_request() {
    let (tmp, ix) = indexed();
    let data = tmp.path().join("data");
    let src = std::fs::canonicalize(samples().join("s01-town-2020-tabbed.txt")).expect("path");
    let id = gongkai::index::id_of(&src.display().to_string());
    // The TUI writes this file; write it the same way here.
    let store_path = gongkai::ui::review::path_in(&data.join("gongkai"), &ix);
    std::fs::create_dir_all(store_path.parent().expect("dir")).expect("mkdir");
    std::fs::write(
        &store_path,
        format!("{{\"entries\":{{\"{id}\":{{\"reviewed\":true,\"flagged\":true,\"note\":\"核对\"}}}}}}"),
    )
    .expect("write");
    let out = gongkai(&ix)
        .env("XDG_DATA_HOME", &data)
        .args(["export", "枫桥镇", "--format", "csv", "--reviews"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().next().unwrap_or_default().contains("reviewed,flagged,note"), "{text}");
    assert!(text.contains("true,true,核对"), "{text}");
    let out = gongkai(&ix)
        .env("XDG_DATA_HOME", &data)
        .args(["export", "枫桥镇", "--format", "ndjson", "--reviews"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"review\":{\"flagged\":true"));
}

#[test]
fn a_killed_index_run_leaves_a_usable_index_and_a_rerun_completes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    let names: Vec<PathBuf> = std::fs::read_dir(samples())
        .expect("samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| gongkai::load::is_supported_extension(p))
        .collect();
    for i in 0..300 {
        let src = &names[i % names.len()];
        let ext = src.extension().and_then(|e| e.to_str()).unwrap_or("txt");
        std::fs::copy(src, docs.join(format!("r{i:04}.{ext}"))).expect("copy");
    }
    let ix = tmp.path().join("ix");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .arg("--index")
        .arg(&ix)
        .arg("index")
        .arg(&docs)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(150));
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    // Whatever was committed opens; a re-run completes and holds every report once.
    gongkai(&ix).arg("index").arg(&docs).assert().success().stderr(predicate::str::contains("seen 300"));
    let out = gongkai(&ix).args(["stats", "--json"]).output().expect("stats");
    let total: i64 = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["reports"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(total, 300);
}

#[test]
fn index_without_paths_walks_the_current_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::copy(samples().join("s01-town-2020-tabbed.txt"), tmp.path().join("a.txt")).expect("copy");
    let ix = tmp.path().join(".ix");
    gongkai(&ix)
        .current_dir(tmp.path())
        .arg("index")
        .assert()
        .success()
        .stderr(predicate::str::contains("seen 1, indexed 1"));
}

#[test]
fn schema_json_is_the_committed_file_the_generator_reads() {
    let out = gongkai(Path::new("unused-index")).args(["schema", "--json"]).output().expect("run gongkai");
    assert!(out.status.success());
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/schema.json"))
        .expect("tools/schema.json");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        committed,
        "tools/schema.json is stale: run `gongkai schema --json > tools/schema.json`"
    );
    let text = gongkai(Path::new("unused-index")).arg("schema").output().expect("run gongkai");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("row    other_services") && text.contains("[2019]"), "{text}");
}

/// An index folder written with another schema (as an older gongkai would leave it).
fn foreign_schema_index(dir: &Path) {
    let mut b = tantivy::schema::Schema::builder();
    let old = b.add_text_field("old_field", tantivy::schema::STRING | tantivy::schema::STORED);
    std::fs::create_dir_all(dir).expect("dir");
    let idx = tantivy::Index::create_in_dir(dir, b.build()).expect("index");
    let mut w: tantivy::IndexWriter = idx.writer(15_000_000).expect("writer");
    w.add_document(tantivy::doc!(old => "x")).expect("add");
    w.commit().expect("commit");
}

#[test]
fn an_index_of_another_version_says_rebuild_and_rebuild_works() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("ix");
    foreign_schema_index(&ix);
    gongkai(&ix).args(["search", "镇"]).assert().failure().stderr(predicate::str::contains("--rebuild"));
    gongkai(&ix).arg("index").arg(samples()).assert().failure().stderr(predicate::str::contains("--rebuild"));
    gongkai(&ix).args(["index", "--rebuild", "--quiet"]).arg(samples()).assert().success();
    gongkai(&ix).args(["search", "枫桥镇"]).assert().success().stdout(predicate::str::contains("枫桥镇"));
}

#[test]
fn rebuild_never_deletes_a_folder_that_is_not_an_index() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("ix");
    foreign_schema_index(&ix);
    std::fs::write(ix.join("notes.txt"), "mine").expect("write");
    gongkai(&ix)
        .args(["index", "--rebuild", "--quiet"])
        .arg(samples())
        .assert()
        .failure()
        .stderr(predicate::str::contains("notes.txt"));
    assert_eq!(std::fs::read_to_string(ix.join("notes.txt")).ok().as_deref(), Some("mine"));
    assert!(ix.join("meta.json").is_file(), "nothing was deleted");
}

#[test]
fn figure_queries_and_sorting_by_a_figure_on_the_command_line() {
    let (_tmp, ix) = indexed();
    let out = gongkai(&ix).args(["search", "--json", "--limit", "100", "apps>=10"]).output().expect("run");
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["applications"].as_i64().is_some_and(|n| n >= 10)), "{hits:?}");
    let out =
        gongkai(&ix).args(["search", "--json", "--limit", "100", "--sort", "apps", "apps>=0"]).output().expect("run");
    let apps: Vec<i64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|h| h["applications"].as_i64())
        .collect();
    assert!(apps.len() > 5 && apps.windows(2).all(|w| w[0] >= w[1]), "{apps:?}");
    gongkai(&ix)
        .args(["search", "--sort", "nonsense", "镇"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an order"));
    gongkai(&ix).args(["search", "apps>=x"]).assert().failure().stderr(predicate::str::contains("needs a number"));
    gongkai(&ix)
        .args(["stats", "--json", "rate.granted>=0.5"])
        .assert()
        .success()
        .stdout(predicate::str::contains("reports"));
}
