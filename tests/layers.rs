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

/// Code lines of a file: comments and the unit-test module left out.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The crate-internal imports between top-level modules of the crate rooted at `src`: (from, to).
fn module_edges(src: &std::path::Path) -> Vec<(String, String)> {
    let mut edges = Vec::new();
    for (p, text) in sources(src) {
        let Ok(rel) = p.strip_prefix(src) else { continue };
        let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
        let from = first.trim_end_matches(".rs").to_string();
        let code = code_of(&text);
        for (i, _) in code.match_indices("crate::") {
            let to: String =
                code[i + "crate::".len()..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !to.is_empty() && to != from && !edges.contains(&(from.clone(), to.clone())) {
                edges.push((from.clone(), to));
            }
        }
    }
    edges
}

/// A cycle in a directed graph, if there is one.
fn find_cycle(edges: &[(String, String)]) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &[(String, String)],
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            let mut cycle = path[at..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.iter().any(|d| d == n) {
            return None;
        }
        path.push(n.to_string());
        for (_, to) in edges.iter().filter(|(f, _)| f == n) {
            if let Some(c) = visit(to, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.push(n.to_string());
        None
    }
    let mut done = Vec::new();
    edges.iter().find_map(|(from, _)| visit(from, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for src in ["crates/gongkai-core/src", "crates/gongkai-search/src", "src"] {
        let edges = module_edges(&root.join(src));
        assert!(edges.len() >= 2, "{src}: the imports were read: {edges:?}");
        assert_eq!(find_cycle(&edges), None, "{src}: modules import each other ({edges:?})");
    }
    // The check itself finds a circle when there is one.
    let e = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert!(find_cycle(&[e("a", "b"), e("b", "c"), e("c", "a")]).is_some());
    assert!(find_cycle(&[e("a", "b"), e("b", "c"), e("a", "c")]).is_none());
}

#[test]
fn table_keys_are_typed_in_the_schema_only() {
    use gongkai::schema::Table;
    // Keys no other word of the code shares (`total`, `other` … are too common to tell).
    let mut keys: Vec<&str> = Vec::new();
    for t in Table::ALL {
        keys.extend(t.rows().iter().map(|r| r.key).chain(t.columns().iter().map(|c| c.key)));
    }
    keys.retain(|k| k.contains('_'));
    keys.sort_unstable();
    keys.dedup();
    assert!(keys.len() > 30, "{keys:?}");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for src in ["crates/gongkai-core/src", "crates/gongkai-search/src", "src"] {
        files.extend(sources(&root.join(src)));
    }
    for (p, text) in files {
        if p.ends_with("schema.rs") {
            continue;
        }
        let code = code_of(&text);
        for k in &keys {
            assert!(!code.contains(&format!("\"{k}\"")), "{} types the table key \"{k}\"", p.display());
        }
    }
}

#[test]
fn terminal_text_is_made_safe_on_the_presentation_side() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for src in ["crates/gongkai-core/src", "crates/gongkai-search/src"] {
        for (p, text) in sources(&root.join(src)) {
            assert!(!text.contains("sanitize_for_terminal"), "{} knows about terminals", p.display());
        }
    }
}
