//! What makes gongkai feel native in a shell: completions and the man page name every subcommand
//! and flag of the command line (read from the clap definition itself), and `--version` says the
//! schemas and readers.

use assert_cmd::Command;
use clap::CommandFactory;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("gongkai").expect("binary").args(args).output().expect("run");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every subcommand and every long flag (the subcommand's own and the global ones).
fn definition() -> Vec<(String, Vec<String>)> {
    let cli = gongkai::cli::Cli::command();
    let globals: Vec<String> = cli.get_arguments().filter_map(|a| a.get_long().map(String::from)).collect();
    let mut out = vec![(String::new(), globals)];
    for sub in cli.get_subcommands() {
        let flags = sub.get_arguments().filter_map(|a| a.get_long().map(String::from)).collect();
        out.push((sub.get_name().to_string(), flags));
    }
    out
}

#[test]
fn completions_name_every_subcommand_and_flag() {
    let def = definition();
    assert!(def.len() > 10, "{def:?}");
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        for (sub, flags) in &def {
            assert!(sub.is_empty() || script.contains(sub.as_str()), "{shell}: subcommand {sub}");
            for f in flags {
                assert!(script.contains(f.as_str()), "{shell}: --{f} of '{sub}'");
            }
        }
    }
    assert!(run(&["completions", "bash"]).contains("complete -F _gongkai"));
    assert!(run(&["completions", "fish"]).contains("complete -c gongkai"));
}

#[test]
fn the_man_page_names_every_subcommand_and_global_flag() {
    let page = run(&["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH gongkai 1"), "{}", &page[..200.min(page.len())]);
    for (sub, flags) in definition() {
        if sub.is_empty() {
            for f in flags {
                assert!(page.contains(&format!("\\-\\-{}", f.replace('-', "\\-"))), "man: --{f}");
            }
        } else {
            assert!(page.contains(&sub), "man: subcommand {sub}");
        }
    }
}

#[test]
fn version_names_the_schemas_and_readers() {
    let v = run(&["--version"]);
    assert!(v.starts_with(&format!("gongkai {}", env!("CARGO_PKG_VERSION"))), "{v}");
    assert!(v.contains("record schema 1") && v.contains("index schema ") && v.contains("readers:"), "{v}");
    assert!(v.contains("HTML") && v.contains("DOCX"), "{v}");
    assert!(v.contains(&gongkai::index::schema_id()), "{v}");
}

#[test]
fn color_is_chosen_by_the_flag_on_every_command() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("ix");
    let sample = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports/s01-town-2020-tabbed.txt");
    let gk = || {
        let mut c = Command::cargo_bin("gongkai").expect("binary");
        c.arg("--index").arg(&ix).env_remove("NO_COLOR");
        c
    };
    gk().args(["index", "--quiet"]).arg(&sample).assert().success();
    let out = |args: &[&str], no_color: bool| {
        let mut c = gk();
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8(c.args(args).output().expect("run").stdout).expect("utf-8")
    };
    // Into a pipe: plain by default, coloured when asked, even over NO_COLOR.
    assert!(out(&["search", "公开"], false).contains("【公开】"));
    assert!(out(&["search", "公开", "--color", "always"], true).contains("\u{1b}[7m公开"));
    assert!(out(&["--color", "never", "search", "公开"], false).contains("【公开】"));
    let bad = gk().args(["search", "公开", "--color", "sometimes"]).output().expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn both_readmes_name_every_subcommand_and_flag_of_the_help() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["README.md", "README.zh-CN.md"] {
        let text = std::fs::read_to_string(root.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (sub, flags) in definition() {
            if !sub.is_empty() {
                assert!(text.contains(&format!("gongkai {sub}")), "{name} does not show `gongkai {sub}`");
            }
            for f in flags {
                assert!(text.contains(&format!("--{f}")), "{name} does not name --{f} ({sub})");
            }
        }
    }
}

#[test]
fn index_verbose_names_each_file_and_quiet_keeps_to_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (docs, ix) = (tmp.path().join("docs"), tmp.path().join("ix"));
    std::fs::create_dir_all(&docs).expect("mkdir");
    let sample = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports/s01-town-2020-tabbed.txt");
    std::fs::copy(sample, docs.join("a.txt")).expect("copy");
    std::fs::write(docs.join("old.doc"), "x").expect("write");
    let run = |flag: &str| {
        let out = Command::cargo_bin("gongkai")
            .expect("bin")
            .arg("--index")
            .arg(&ix)
            .args(["index", flag])
            .arg(&docs)
            .output()
            .expect("run");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let verbose = run("--verbose");
    assert!(verbose.contains("a.txt") && verbose.contains("old.doc: skipped"), "{verbose}");
    let quiet = run("--quiet");
    assert!(!quiet.contains("a.txt") && !quiet.contains("old.doc"), "{quiet}");
    assert!(quiet.contains("unchanged 1"), "the summary stays: {quiet}");
}
