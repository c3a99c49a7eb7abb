//! Search on an in-RAM index built from the bundled sample reports: every filter, the query syntax,
//! sorting, counts, snippets, and a property test that random substrings of indexed text are found.

use std::path::PathBuf;
use std::sync::OnceLock;

use gongkai::index::{self, FileStamp};
use gongkai::model::{AgencyType, Level, Report};
use gongkai::query::{self, SearchRequest, Sort};
use proptest::prelude::*;
use tantivy::Searcher;

struct Fixture {
    searcher: Searcher,
    reports: Vec<Report>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("sample-reports")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| gongkai::load::is_supported_extension(p))
            .collect();
        paths.sort();
        let reports: Vec<Report> = paths
            .iter()
            .map(|p| {
                let src = gongkai::load::load_path(p).expect("load");
                gongkai::parse::parse_source(&src, &p.file_name().unwrap_or_default().to_string_lossy()).expect("parse")
            })
            .collect();
        let idx = index::in_ram();
        let mut w: tantivy::IndexWriter = idx.writer(50_000_000).expect("writer");
        for r in &reports {
            w.add_document(index::document(r, &FileStamp::default()).expect("doc")).expect("add");
        }
        w.commit().expect("commit");
        let searcher = idx.reader().expect("reader").searcher();
        Fixture { searcher, reports }
    })
}

fn run(req: SearchRequest) -> query::SearchResult {
    let f = fixture();
    query::search(&f.searcher, &req).unwrap_or_else(|e| panic!("{e}"))
}

fn q(text: &str) -> SearchRequest {
    SearchRequest { text: text.into(), limit: 100, ..SearchRequest::default() }
}

fn sources(res: &query::SearchResult) -> Vec<String> {
    let mut v: Vec<String> = res.hits.iter().map(|h| h.source.clone()).collect();
    v.sort();
    v
}

/// The sample files whose record satisfies `pred`.
fn expect(pred: impl Fn(&Report) -> bool) -> Vec<String> {
    let mut v: Vec<String> = fixture().reports.iter().filter(|r| pred(r)).map(|r| r.source.clone()).collect();
    v.sort();
    v
}

#[test]
fn agency_name_finds_its_report() {
    let res = run(q("枫桥镇"));
    assert_eq!(sources(&res), vec!["s01-town-2020-tabbed.txt"]);
    assert!(res.hits[0].snippet.highlights.iter().any(|&(a, b)| &res.hits[0].snippet.text[a..b] == "枫桥镇"));
}

#[test]
fn year_filter_and_range() {
    let mut r = q("");
    r.years = Some((2020, 2020));
    assert_eq!(sources(&run(r)), expect(|r| r.year == Some(2020)));
    let mut r = q("");
    r.years = Some((2021, 2022));
    assert_eq!(sources(&run(r)), expect(|r| r.year.is_some_and(|y| (2021..=2022).contains(&y))));
    assert_eq!(sources(&run(q("year:2019..2020"))), expect(|r| r.year.is_some_and(|y| (2019..=2020).contains(&y))));
}

#[test]
fn type_filter_by_schema_name_and_chinese_word() {
    let mut r = q("");
    r.types = vec![AgencyType::Town];
    let towns = expect(|r| r.agency_type == AgencyType::Town);
    assert!(towns.len() >= 3);
    assert_eq!(sources(&run(r)), towns);
    assert_eq!(sources(&run(q("type:镇"))), towns);
    assert_eq!(sources(&run(q("type:department"))), expect(|r| r.agency_type == AgencyType::Department));
}

#[test]
fn province_filter_by_prefix() {
    let want = expect(|r| r.region.as_ref().and_then(|g| g.province.as_deref()) == Some("浙江省"));
    assert!(want.len() >= 3);
    let mut r = q("");
    r.province = Some("浙江".into());
    assert_eq!(sources(&run(r)), want);
    assert_eq!(sources(&run(q("province:浙江省"))), want);
}

#[test]
fn level_and_failing_filters() {
    let mut r = q("");
    r.level = Some(Level::Prefecture);
    assert_eq!(sources(&run(r)), expect(|r| r.level == Some(Level::Prefecture)));
    let mut r = q("");
    r.failing_only = true;
    let failing = expect(Report::has_failing_check);
    assert!(failing.len() >= 4);
    assert_eq!(sources(&run(r)), failing);
    assert_eq!(run(SearchRequest { facets: true, ..q("") }).counts.failing as usize, failing.len());
}

/// The counts of the filter bar: every match counted by year, type, province, city and county, as
/// the records say; none when a search does not ask for them.
#[test]
fn facet_counts_agree_with_the_records() {
    use std::collections::BTreeMap;
    let res = run(SearchRequest { facets: true, ..q("") });
    let tally = |key: &dyn Fn(&Report) -> Option<String>| -> BTreeMap<String, u64> {
        let mut m = BTreeMap::new();
        for r in &fixture().reports {
            if let Some(k) = key(r) {
                *m.entry(k).or_default() += 1;
            }
        }
        m
    };
    let as_map = |v: &[(String, u64)]| v.iter().cloned().collect::<BTreeMap<String, u64>>();
    let year = tally(&|r| Some(r.year.map_or("unknown".into(), |y| y.to_string())));
    assert_eq!(as_map(&res.counts.years), year);
    assert_eq!(as_map(&res.counts.types), tally(&|r| Some(r.agency_type.as_str().to_string())));
    let province = |r: &Report| Some(r.region.as_ref().and_then(|g| g.province.clone()).unwrap_or("unknown".into()));
    assert_eq!(as_map(&res.counts.provinces), tally(&province));
    assert_eq!(as_map(&res.counts.counties), tally(&|r| r.region.as_ref().and_then(|g| g.county.clone())));
    assert!(res.counts.years.windows(2).all(|w| w[0].0 >= w[1].0), "years newest first");
    assert!(res.counts.provinces.windows(2).all(|w| w[0].1 >= w[1].1), "largest first");
    assert_eq!(run(q("")).counts, query::Counts::default(), "not counted unless asked");
}

#[test]
fn phrase_or_and_exclusion() {
    let both = run(q("枫桥镇 OR 茅坪乡"));
    assert_eq!(sources(&both).len(), 2);
    let all_gov = run(q("人民政府"));
    let without = run(q("人民政府 -枫桥镇"));
    assert_eq!(without.total + 1, all_gov.total);
    let phrase = run(q("\"经济开发区 管理委员会\""));
    assert_eq!(sources(&phrase), vec!["s11-zone-2021-single-other-row.txt"]);
}

#[test]
fn single_character_query_works() {
    let res = run(q("乡"));
    assert!(sources(&res).contains(&"s02-township-2019-vertical-typos.txt".to_string()));
}

#[test]
fn word_broken_across_lines_is_found() {
    // PDF text breaks lines inside words: 加 / 强 must still match 加强.
    let text = "某镇2020年政府信息公开工作年度报告\n一、总体情况\n我镇进一步加\n强监督检查，规范公开流程。\n";
    let r = gongkai::parse::parse_text(text, "w.txt", "text", "utf-8").expect("parse");
    let idx = index::in_ram();
    let mut w: tantivy::IndexWriter = idx.writer(15_000_000).expect("writer");
    w.add_document(index::document(&r, &FileStamp::default()).expect("doc")).expect("add");
    w.commit().expect("commit");
    let searcher = idx.reader().expect("reader").searcher();
    let res = query::search(&searcher, &q("\"加强监督检查\"")).expect("search");
    assert_eq!(res.total, 1);
}

#[test]
fn sort_by_year_and_applications() {
    let mut r = q("");
    r.sort = Sort::Year;
    let years: Vec<i32> = run(r).hits.iter().filter_map(|h| h.year).collect();
    assert!(years.windows(2).all(|w| w[0] >= w[1]), "{years:?}");
    let mut r = q("");
    r.sort = Sort::Applications;
    let apps: Vec<i64> = run(r).hits.iter().map(|h| h.applications.unwrap_or(-1)).collect();
    assert!(apps.windows(2).all(|w| w[0] >= w[1]), "{apps:?}");
}

/// The sample files a comparison holds for, computed from the records (not the index).
fn holding(text: &str) -> Vec<String> {
    let c = query::figures::parse_comparison(text).expect("a comparison").expect("valid");
    expect(|r| c.holds(r))
}

#[test]
fn figure_queries_match_exactly_the_reports_whose_figure_satisfies_them() {
    for text in [
        "apps>=10",
        "apps>10",
        "apps<3",
        "apps<=3",
        "applications.new.total=0",
        "申请>=5",
        "reviews.review.total>0",
        "active.licensing.decisions>100",
        "active.fees.amount>0.5",
        "rate.granted>=0.5",
        "rate.granted<0.5",
        "rate.review_corrected>0",
    ] {
        let want = holding(text);
        assert_eq!(sources(&run(q(text))), want, "{text}");
    }
    // Several of them select a real part of the samples: the comparisons are not trivially all or none.
    let all = fixture().reports.len();
    for text in ["apps>=10", "apps<3", "rate.granted>=0.5"] {
        let n = holding(text).len();
        assert!(n > 0 && n < all, "{text}: {n} of {all}");
    }
    // A null figure satisfies nothing: reports without the table are in neither half.
    let (hi, lo) = (holding("apps>=10").len(), holding("apps<10").len());
    let with = fixture().reports.iter().filter(|r| r.figures.applications.is_some()).count();
    assert!(hi + lo <= with && with < all, "{hi} + {lo} of {with} with the table, {all} in all");
}

#[test]
fn figure_queries_combine_with_words_filters_and_exclusion() {
    let want = expect(|r| r.year.is_some_and(|y| (2020..=2022).contains(&y)));
    let want: Vec<String> = holding("apps>=5").into_iter().filter(|s| want.contains(s)).collect();
    assert_eq!(sources(&run(q("apps>=5 year:2020..2022"))), want);
    let all = run(q("")).total;
    assert_eq!(run(q("-apps>=5")).total + holding("apps>=5").len(), all);
    let words = sources(&run(q("人民政府 apps>=5")));
    assert!(words.iter().all(|s| holding("apps>=5").contains(s)) && !words.is_empty());
}

#[test]
fn sort_by_any_figure_puts_reports_without_it_last() {
    let mut r = q("");
    r.sort = Sort::Field(query::figures::NumField::parse("rate.granted").expect("rate"));
    let hits = run(r).hits;
    let reports = &fixture().reports;
    let rate = |source: &str| {
        let r = reports.iter().find(|r| r.source == source).expect("a sample");
        query::figures::Rate::Granted.of(r)
    };
    let values: Vec<Option<f64>> = hits.iter().map(|h| rate(&h.source)).collect();
    let known = values.iter().take_while(|v| v.is_some()).count();
    assert!(known > 3 && values[known..].iter().all(Option::is_none), "{values:?}");
    assert!(values[..known].windows(2).all(|w| w[0] >= w[1]), "{values:?}");
}

#[test]
fn bad_figure_queries_say_what_is_wrong() {
    for (bad, says) in [("apps>", "needs a number"), ("nope>=3", "not a figure"), ("apps>=abc", "needs a number")] {
        let err = query::search(&fixture().searcher, &q(bad)).map(|_| ()).expect_err(bad).to_string();
        assert!(err.contains(says), "{bad}: {err}");
    }
}

#[test]
fn chinese_quotes_and_pasted_sentences_find_their_report() {
    // Sample 13 prints 财政预决算及“三公”经费信息 in its prose.
    for text in [
        "财政预决算及“三公”经费信息",
        "“三公”经费",
        "其中县政府及办公室文件25条、人事任免信息130条、财政预决算及“三公”经费信息190条",
    ] {
        let res = run(q(text));
        assert!(res.hits.iter().any(|h| h.source.contains("13-county-2018-legacy")), "{text}: {:?}", sources(&res));
    }
}

#[test]
fn matches_among_given_ids_are_counted() {
    let all = run(q(""));
    let ids: Vec<u64> = all.hits.iter().take(3).map(|h| h.id).collect();
    let mut r = q("");
    r.count_ids = ids.clone();
    assert_eq!(run(r).among_ids, 3);
    let mut r = q("无此文字的报告");
    r.count_ids = ids;
    assert_eq!(run(r).among_ids, 0);
}

#[test]
fn counts_cover_every_match() {
    let res = run(SearchRequest { facets: true, ..q("") });
    assert_eq!(res.total, fixture().reports.len());
    let by_year: u64 = res.counts.years.iter().map(|(_, n)| n).sum();
    assert_eq!(by_year as usize, res.total);
    let by_type: u64 = res.counts.types.iter().map(|(_, n)| n).sum();
    assert_eq!(by_type as usize, res.total);
    let with_city = fixture().reports.iter().filter(|r| r.region.as_ref().is_some_and(|g| g.city.is_some())).count();
    assert_eq!(res.counts.cities.iter().map(|(_, n)| n).sum::<u64>() as usize, with_city);
    let shuyang = res.counts.counties.iter().find(|(c, _)| c == "沭阳县").map_or(0, |(_, n)| *n);
    let want = fixture()
        .reports
        .iter()
        .filter(|r| r.region.as_ref().is_some_and(|g| g.county.as_deref() == Some("沭阳县")))
        .count();
    assert!(want >= 2);
    assert_eq!(shuyang as usize, want, "{:?}", res.counts.counties);
}

#[test]
fn bad_syntax_is_an_error() {
    let f = fixture();
    for bad in ["\"unclosed", "year:abc", "type:村"] {
        assert!(query::search(&f.searcher, &q(bad)).is_err(), "{bad}");
    }
}

/// Han-only substrings of a report's searchable text.
fn han_runs(r: &Report) -> Vec<String> {
    let text = index::body_text(r);
    let mut runs = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if gongkai::parse::normalize::is_han(c) {
            cur.push(c);
        } else if c.is_whitespace() && !cur.is_empty() {
            // the tokenizer joins Han characters across line breaks
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs.into_iter().filter(|r| r.chars().count() >= 2).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_substring_of_two_or_more_characters_finds_its_report(doc in 0usize..1000, run in 0usize..10_000, start in 0usize..1000, len in 2usize..12) {
        let f = fixture();
        let r = &f.reports[doc % f.reports.len()];
        let runs = han_runs(r);
        prop_assume!(!runs.is_empty());
        let chars: Vec<char> = runs[run % runs.len()].chars().collect();
        let len = len.min(chars.len());
        let start = start % (chars.len() - len + 1);
        let needle: String = chars[start..start + len].iter().collect();
        let res = run_query(&needle);
        prop_assert!(res.contains(&r.source), "{needle:?} did not find {}", r.source);
    }
}

fn run_query(text: &str) -> Vec<String> {
    let mut req = q(&format!("\"{text}\""));
    req.limit = 1000;
    sources(&run(req))
}
