//! Query latency on a generated corpus: the sample reports replicated into 5,000 documents with
//! varied agencies, years and figures, in an in-RAM index. Compare each query with `all_docs_top20`,
//! the baseline measured in the same run.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use gongkai::index::{self, FileStamp};
use gongkai::model::Report;
use gongkai::query::{self, SearchRequest, Sort};

const DOCS: usize = 5_000;

fn corpus() -> Vec<Report> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.retain(|p| gongkai::load::is_supported_extension(p));
    paths.sort();
    let base: Vec<Report> = paths
        .iter()
        .filter_map(|p| gongkai::load::load_path(p).ok())
        .filter_map(|s| gongkai::parse::parse_source(&s, "x").ok())
        .collect();
    (0..DOCS)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            r.source = format!("gen/{i}.txt");
            r.agency = r.agency.map(|a| format!("{a}{}", i / base.len()));
            r.year = Some(2019 + (i % 6) as i32);
            for s in &mut r.sections {
                s.text.push_str(&format!("第{i}号补充说明。"));
            }
            r
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let idx = index::in_ram();
    let mut w: tantivy::IndexWriter = idx.writer(100_000_000).expect("writer");
    for r in corpus() {
        w.add_document(index::document(&r, &FileStamp::default()).expect("doc")).expect("add");
    }
    w.commit().expect("commit");
    let searcher = idx.reader().expect("reader").searcher();
    let req = |text: &str| SearchRequest { text: text.into(), limit: 20, ..SearchRequest::default() };
    let cases: Vec<(&str, SearchRequest)> = vec![
        ("all_docs_top20", req("")),
        ("word", req("依申请")),
        ("phrase", req("\"政府信息公开工作年度报告\"")),
        ("single_char", req("乡")),
        ("word_and_filters", SearchRequest { years: Some((2020, 2022)), province: Some("浙江".into()), ..req("公开") }),
        ("or_and_exclusion", req("枫桥镇 OR 茅坪乡 -2020")),
        ("sorted_by_applications", SearchRequest { sort: Sort::Applications, ..req("政府") }),
        ("typing_prefix", req("gov")),
    ];
    let mut g = c.benchmark_group("query_5000_docs");
    for (name, r) in &cases {
        g.bench_function(*name, |b| b.iter(|| black_box(query::search(&searcher, r).map(|x| x.total))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
