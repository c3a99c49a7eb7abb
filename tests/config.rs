//! The config file: default index and filters, key bindings and colours; `config --print` says where
//! each setting came from; a broken file names the file, line and key, and the program runs on with
//! the defaults.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports")
}

fn gongkai(config: &Path) -> Command {
    let mut c = Command::cargo_bin("gongkai").expect("binary");
    c.env("GONGKAI_CONFIG", config).env("NO_COLOR", "1").env_remove("GONGKAI_INDEX");
    c
}

fn text(out: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn settings_apply_and_print_with_their_origin() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (cfg, ix) = (tmp.path().join("config.toml"), tmp.path().join("ix"));
    std::fs::write(
        &cfg,
        format!(
            "# mine\nindex = {:?}\n\n[filters]\nyear = \"2020\"\n\n[keys]\nstats = \"S\"\nquit = [\"q\", \"Ctrl-q\"]\n\n[colors]\naccent = \"#1f4e79\"\n",
            ix.display().to_string()
        ),
    )
    .expect("write");
    // The index named by the config must exist; then it is used without --index.
    let out = gongkai(&cfg).args(["search", "公开"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
    Command::cargo_bin("gongkai")
        .expect("bin")
        .arg("--index")
        .arg(&ix)
        .args(["index", "--quiet"])
        .arg(samples())
        .assert()
        .success();
    let (stdout, stderr) =
        text(&gongkai(&cfg).args(["search", "公开", "--json", "--limit", "500"]).output().expect("run"));
    assert!(stderr.is_empty(), "{stderr}");
    let years: Vec<i64> =
        stdout.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["year"].as_i64()).collect();
    assert!(!years.is_empty() && years.iter().all(|y| *y == 2020), "the config's year filter: {years:?}");
    // A filter on the command line wins over the config's.
    let (stdout, _) = text(&gongkai(&cfg).args(["search", "公开", "--json", "--year", "2021"]).output().expect("run"));
    assert!(stdout.lines().all(|l| l.contains("\"year\":2021")), "{stdout}");
    let (printed, _) = text(&gongkai(&cfg).args(["config", "--print"]).output().expect("run"));
    let line = |name: &str| printed.lines().find(|l| l.starts_with(name)).unwrap_or_default().to_string();
    let at = cfg.display().to_string();
    assert!(line("index ").contains(&format!("{at}:2")), "{printed}");
    assert!(
        line("filters.year").contains("\"2020\"") && line("filters.year").contains(&format!("{at}:5")),
        "{printed}"
    );
    assert!(line("keys.stats").contains("[\"S\"]") && line("keys.stats").contains(&format!("{at}:8")), "{printed}");
    assert!(line("keys.quit").contains("Ctrl-q"), "{printed}");
    assert!(line("keys.compare").contains("[\"c\"]") && line("keys.compare").ends_with("# default"), "{printed}");
    assert!(line("colors.accent").contains("#1F4E79") || line("colors.accent").contains("#1f4e79"), "{printed}");
    assert!(!printed.contains("# warning"), "{printed}");
}

#[test]
fn a_broken_config_names_file_line_and_key_and_the_defaults_stand() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (cfg, ix) = (tmp.path().join("config.toml"), tmp.path().join("ix"));
    Command::cargo_bin("gongkai")
        .expect("bin")
        .arg("--index")
        .arg(&ix)
        .args(["index", "--quiet"])
        .arg(samples().join("s01-town-2020-tabbed.txt"))
        .assert()
        .success();
    // Not TOML at all: the file and line, and the command still runs.
    std::fs::write(&cfg, "[keys]\nquit = \"q\"\nstats = [\"S\"\n").expect("write");
    let out = gongkai(&cfg).arg("--index").arg(&ix).args(["search", "枫桥镇"]).output().expect("run");
    let (stdout, stderr) = text(&out);
    assert!(out.status.success() && stdout.contains("枫桥镇"), "{stderr}");
    assert!(stderr.contains(&format!("{}:", cfg.display())) && stderr.contains("ignored"), "{stderr}");
    // Valid TOML with bad values: each named by line and key; the good ones apply.
    std::fs::write(
        &cfg,
        "ascii = true\ncolour = 1\n[filters]\nyear = \"someday\"\n[keys]\nfly = \"x\"\ncompare = \"j\"\nstats = \"Ctrl-\"\n[colors]\nbad = \"reddish\"\n",
    )
    .expect("write");
    let (printed, _) = text(&gongkai(&cfg).args(["config", "--print"]).output().expect("run"));
    let at = cfg.display().to_string();
    for (line, key) in [(2, "colour"), (4, "filters.year"), (6, "keys.fly"), (8, "keys.stats"), (10, "colors.bad")] {
        assert!(printed.contains(&format!("# warning: {at}:{line}: {key}:")), "{key} at line {line}:\n{printed}");
    }
    assert!(printed.contains("keys.compare: j is already the key of down"), "{printed}");
    assert!(printed.lines().any(|l| l.starts_with("ascii") && l.contains("true")), "{printed}");
    assert!(printed.lines().any(|l| l.starts_with("keys.stats") && l.contains("[\"s\"]")), "{printed}");
}

#[test]
fn the_tui_language_comes_from_the_file_else_the_locale() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cfg = tmp.path().join("config.toml");
    let lang_line = |c: &mut Command| {
        let (printed, _) = text(&c.args(["config", "--print"]).output().expect("run"));
        printed.lines().find(|l| l.starts_with("lang ")).unwrap_or_default().to_string()
    };
    // No file: the locale's language, and where that came from.
    let line = lang_line(gongkai(&cfg).env("LC_ALL", "zh_CN.UTF-8"));
    assert!(line.contains("auto (zh)") && line.ends_with("# $LC_ALL"), "{line}");
    let line = lang_line(gongkai(&cfg).env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "en_GB.UTF-8"));
    assert!(line.contains("auto (en)") && line.ends_with("# $LANG"), "{line}");
    // The file wins over the locale.
    std::fs::write(&cfg, "ascii = false\nlang = \"zh\"\n").expect("write");
    let line = lang_line(gongkai(&cfg).env("LC_ALL", "C.UTF-8"));
    assert!(line.contains("\"zh\"") && line.ends_with(&format!("{}:2", cfg.display())), "{line}");
    // A language it does not know: named with its line, and the locale's stands.
    std::fs::write(&cfg, "lang = \"klingon\"\n").expect("write");
    let (printed, _) = text(&gongkai(&cfg).env("LC_ALL", "C").args(["config", "--print"]).output().expect("run"));
    assert!(printed.contains(&format!("{}:1: lang: \"klingon\" is not a language", cfg.display())), "{printed}");
    assert!(printed.lines().any(|l| l.starts_with("lang ") && l.contains("auto (en)")), "{printed}");
    // `tui --lang` takes en, zh and auto only.
    let out = gongkai(&cfg).args(["tui", "--lang", "fr"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
}
