//! The layers stay layers: the core crate's dependency tree holds no index, command-line or terminal
//! crate, and the search crate's none of the command-line or terminal ones (`docs/ARCHITECTURE.md`).

use std::process::Command;

fn tree(package: &str) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--offline", "-e", "normal", "--prefix", "none", "-p", package])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree");
    assert!(out.status.success(), "cargo tree -p {package}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn crates_in(tree: &str) -> Vec<String> {
    tree.lines().filter_map(|l| l.split_whitespace().next()).map(str::to_string).collect()
}

#[test]
fn core_knows_no_index_no_command_line_and_no_terminal() {
    let deps = crates_in(&tree("gongkai-core"));
    assert!(deps.iter().any(|d| d == "regex"), "the tree was read: {deps:?}");
    for banned in ["tantivy", "clap", "ratatui", "crossterm", "gongkai-search", "gongkai"] {
        assert!(!deps.iter().any(|d| d == banned), "gongkai-core depends on {banned}");
    }
}

#[test]
fn search_knows_no_command_line_and_no_terminal() {
    let deps = crates_in(&tree("gongkai-search"));
    assert!(deps.iter().any(|d| d == "tantivy"), "the tree was read: {deps:?}");
    for banned in ["clap", "ratatui", "crossterm", "gongkai"] {
        assert!(!deps.iter().any(|d| d == banned), "gongkai-search depends on {banned}");
    }
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push((p.clone(), std::fs::read_to_string(&p).unwrap_or_default()));
        }
    }
    out
}

#[test]
fn the_tui_does_not_import_the_cli() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = sources(&root.join("ui"));
    files.push((root.join("ui.rs"), std::fs::read_to_string(root.join("ui.rs")).unwrap_or_default()));
    assert!(files.len() > 5);
    for (p, text) in files {
        assert!(!text.contains("crate::cli"), "{} imports the CLI", p.display());
    }
}
