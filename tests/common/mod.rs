//! Shared helpers for integration tests: locating `../shared`, and comparing a parsed record with an
//! expected record field by field (the rules of `seeds/expected/README.md`).

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// The shared folder beside the project, or `None` (with a printed notice) when it is absent and
/// `GONGKAI_SHARED` is not set. With `GONGKAI_SHARED` set, a missing folder fails the test.
pub fn shared_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (dir, required) = match std::env::var("GONGKAI_SHARED") {
        Ok(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            (if p.is_absolute() { p } else { manifest.join(p) }, true)
        }
        _ => (manifest.join("../shared"), false),
    };
    if dir.join("seeds").is_dir() {
        return Some(dir);
    }
    assert!(!required, "GONGKAI_SHARED is set but {} has no seeds/", dir.display());
    println!("notice: {} not found; skipping tests that need the shared seeds", dir.display());
    None
}

/// Compares `got` with `want` on every field `want` gives; returns the differences.
pub fn compare(got: &Value, want: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let Some(want) = want.as_object() else { return vec!["expected record is not an object".into()] };
    for (key, w) in want {
        match key.as_str() {
            "source" => {}
            "section_kinds" => {
                let kinds: Vec<Value> = got["sections"]
                    .as_array()
                    .map(|s| s.iter().map(|x| x["kind"].clone()).collect())
                    .unwrap_or_default();
                if Value::Array(kinds.clone()) != *w {
                    diffs.push(format!("section_kinds: got {kinds:?}, want {w}"));
                }
            }
            "region" => {
                for f in ["province", "city", "county", "code"] {
                    let g = got["region"].get(f).cloned().unwrap_or(Value::Null);
                    let wf = w.get(f).cloned().unwrap_or(Value::Null);
                    if g != wf {
                        diffs.push(format!("region.{f}: got {g}, want {wf}"));
                    }
                }
            }
            "checks" => {
                for c in w.as_array().into_iter().flatten() {
                    let id = &c["id"];
                    let found = got["checks"].as_array().and_then(|a| a.iter().find(|x| x["id"] == *id));
                    match found {
                        Some(f) if f["ok"] == c["ok"] => {}
                        Some(f) => {
                            diffs.push(format!("check {id}: got ok={}, want {} ({})", f["ok"], c["ok"], f["detail"]))
                        }
                        None => diffs.push(format!("check {id}: missing")),
                    }
                }
            }
            "warnings_contain" => {
                // Each entry: words that one warning must hold together (a cell left null by rule).
                let warnings: Vec<&str> =
                    got["warnings"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                for words in w.as_array().into_iter().flatten() {
                    let words: Vec<&str> = words.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                    if !warnings.iter().any(|x| words.iter().all(|word| x.contains(word))) {
                        diffs.push(format!("warnings: none holds {words:?}"));
                    }
                }
            }
            _ => deep(key, &got[key.as_str()], w, &mut diffs),
        }
    }
    diffs
}

fn deep(path: &str, got: &Value, want: &Value, diffs: &mut Vec<String>) {
    match (got, want) {
        (Value::Number(g), Value::Number(w))
            if (g.as_f64().unwrap_or(f64::NAN) - w.as_f64().unwrap_or(f64::NAN)).abs() > 1e-9 =>
        {
            diffs.push(format!("{path}: got {g}, want {w}"));
        }
        (Value::Number(_), Value::Number(_)) => {}
        (_, Value::Object(wm)) => {
            for (k, wv) in wm {
                deep(&format!("{path}.{k}"), got.get(k).unwrap_or(&Value::Null), wv, diffs);
            }
        }
        (g, w) if g != w => diffs.push(format!("{path}: got {g}, want {w}")),
        _ => {}
    }
}
