//! Parsing throughput: every bundled sample report (all layouts and encodings), decoded once up front,
//! parsed per iteration (reports per second on one core = files / time per iteration); and from bytes,
//! the PDFs apart from the other formats.

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
    let (pdfs, others): (Vec<_>, Vec<_>) = raw.into_iter().partition(|(name, _)| name.ends_with(".pdf"));
    let mut g = c.benchmark_group("load_and_parse");
    for (label, files) in [("sample_reports_not_pdf", &others), ("sample_pdfs", &pdfs)] {
        g.throughput(Throughput::Elements(files.len() as u64));
        g.bench_function(label, |b| {
            b.iter(|| {
                for (name, bytes) in files {
                    if let Ok(s) = gongkai::load::load_bytes(bytes, name) {
                        let _ = black_box(gongkai::parse::parse_source(&s, name));
                    }
                }
            });
        });
    }
    // The shared WPS export (6 pages), when ../shared sits beside the project.
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/pdf/huaian_city_2024.pdf");
    if let Ok(bytes) = std::fs::read(&shared) {
        g.throughput(Throughput::Elements(1));
        g.bench_function("shared_huaian_pdf", |b| {
            b.iter(|| {
                if let Ok(s) = gongkai::load::load_bytes(&bytes, "huaian_city_2024.pdf") {
                    let _ = black_box(gongkai::parse::parse_source(&s, "huaian_city_2024.pdf"));
                }
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
