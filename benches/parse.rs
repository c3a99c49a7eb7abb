//! Parsing throughput: every bundled sample report (all layouts and encodings), decoded once up front,
//! parsed per iteration. Reports per second on one core = 18 / (time per iteration).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn sources() -> Vec<(String, gongkai::load::Source)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.retain(|p| gongkai::load::is_supported_extension(p));
    paths.sort();
    paths.into_iter().filter_map(|p| gongkai::load::load_path(&p).ok().map(|s| (p.display().to_string(), s))).collect()
}

fn bench(c: &mut Criterion) {
    let srcs = sources();
    let bytes: usize = srcs.iter().map(|(_, s)| s.text.len()).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(srcs.len() as u64));
    g.bench_function("sample_reports", |b| {
        b.iter(|| {
            for (name, s) in &srcs {
                let _ = black_box(gongkai::parse::parse_source(s, name));
            }
        });
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("normalize_only", |b| {
        b.iter(|| {
            for (_, s) in &srcs {
                black_box(gongkai::parse::normalize::normalize_text(&s.text));
            }
        });
    });
    g.finish();
    let raw: Vec<(String, Vec<u8>)> =
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .filter(|p| gongkai::load::is_supported_extension(p))
            .filter_map(|p| std::fs::read(&p).ok().map(|b| (p.display().to_string(), b)))
            .collect();
    c.bench_function("load_and_parse/sample_reports", |b| {
        b.iter(|| {
            for (name, bytes) in &raw {
                if let Ok(s) = gongkai::load::load_bytes(bytes, name) {
                    let _ = black_box(gongkai::parse::parse_source(&s, name));
                }
            }
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
