//! The TUI without a terminal: `update(action)` sequences, and every screen drawn on ratatui's
//! TestBackend at 80x24 and 120x40 (insta snapshots), plus exact lines for one CJK table.

use std::path::PathBuf;
use std::time::Duration;

use gongkai::model::Report;
use gongkai::query::{Counts, Hit, HitRegion, SearchResult, Snippet};
use gongkai::schema::Table;
use gongkai::ui::action::{Action, Effect};
use gongkai::ui::app::{App, Focus, ReviewFilter, Screen};
use gongkai::ui::picker::Facet;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn sample(name: &str) -> Report {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports").join(name);
    let src = gongkai::load::load_path(&p).expect("load");
    gongkai::parse::parse_source(&src, name).expect("parse")
}

fn hit(id: u64, agency: &str, ty: &str, region: [&str; 3], year: i32, apps: Option<i64>, failing: bool) -> Hit {
    let text = format!("{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，及时准确发布政府信息。");
    let at = text.find("政府信息").unwrap_or(0);
    Hit {
        id,
        source: format!("{agency}.txt"),
        agency: agency.into(),
        agency_type: gongkai::model::AgencyType::from_name(ty).expect("a SCHEMA type"),
        level: Some(gongkai::model::Level::Township),
        region: HitRegion {
            province: Some(region[0].to_string()).filter(|s| !s.is_empty()),
            city: Some(region[1].to_string()).filter(|s| !s.is_empty()),
            county: Some(region[2].to_string()).filter(|s| !s.is_empty()),
            code: None,
        },
        year: Some(year),
        score: 1.0,
        snippet: Snippet { text: text.clone(), highlights: vec![(at, at + "政府信息".len())] },
        applications: apps,
        failing,
        headline: [apps, Some(4), Some(13), Some(0), Some(215)],
        addr: tantivy::DocAddress::new(0, id as u32),
    }
}

fn result() -> SearchResult {
    SearchResult {
        hits: vec![
            hit(1, "枫桥镇", "town", ["浙江省", "绍兴市", "诸暨市"], 2020, Some(15), false),
            hit(2, "茅坪乡", "township", ["湖南省", "湘西土家族苗族自治州", "龙山县"], 2019, Some(1), false),
            hit(3, "西溪街道", "subdistrict", ["浙江省", "杭州市", "西湖区"], 2022, Some(12), true),
        ],
        total: 3,
        counts: Counts {
            years: vec![("2022".into(), 1), ("2020".into(), 1), ("2019".into(), 1)],
            types: vec![("town".into(), 1), ("township".into(), 1), ("subdistrict".into(), 1)],
            provinces: vec![("浙江省".into(), 2), ("湖南省".into(), 1)],
            failing: 1,
            ..Counts::default()
        },
        among_ids: 1,
        elapsed: Duration::from_micros(1234),
        counts_pending: false,
    }
}

fn app_with_results(w: u16, h: u16) -> App {
    let mut app = App { color: false, ..App::default() };
    app.update(Action::Resize(w, h));
    let effects = app.update(Action::Input('镇'));
    let seq = match effects.first() {
        Some(Effect::Search(_, seq)) => *seq,
        other => panic!("expected a search, got {other:?}"),
    };
    app.update(Action::SearchDone { seq, result: Box::new(result()) });
    app
}

/// The screen's rows as text (a wide character's second cell shows as a space).
fn lines(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    let w = usize::from(buf.area.width);
    buf.content().chunks(w).map(|row| row.iter().map(|c| c.symbol()).collect()).collect()
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| f.render_widget(app, f.area())).expect("draw");
    t
}

fn open_report(app: &mut App, name: &str) {
    app.update(Action::Back);
    let effects = app.update(Action::Open);
    assert!(matches!(effects.as_slice(), [Effect::Load(1)]), "{effects:?}");
    app.update(Action::Loaded(Box::new(sample(name))));
}

#[test]
fn typing_searches_and_stale_results_are_dropped() {
    let mut app = App::default();
    let e1 = app.update(Action::Input('枫'));
    let e2 = app.update(Action::Input('桥'));
    let (Some(Effect::Search(r1, s1)), Some(Effect::Search(r2, s2))) = (e1.first(), e2.first()) else {
        panic!("every key searches")
    };
    assert_eq!((r1.text.as_str(), r2.text.as_str()), ("枫", "枫桥"));
    assert!(s2 > s1);
    app.update(Action::SearchDone { seq: *s1, result: Box::new(result()) });
    assert!(app.result.hits.is_empty() && app.pending, "an older result is dropped");
    app.update(Action::SearchDone { seq: *s2, result: Box::new(result()) });
    assert_eq!(app.result.hits.len(), 3);
    assert!(!app.pending);
}

#[test]
fn the_box_edits_like_a_shell_line() {
    let mut app = App::default();
    let typed = |app: &mut App, s: &str| {
        for c in s.chars() {
            app.update(Action::Input(c));
        }
    };
    typed(&mut app, "刘集镇 year:2020");
    assert_eq!((app.query.as_str(), app.cursor), ("刘集镇 year:2020", 13));
    app.update(Action::DeleteWord);
    assert_eq!((app.query.as_str(), app.cursor), ("刘集镇 ", 4));
    app.update(Action::CursorHome);
    app.update(Action::CursorRight);
    app.update(Action::DeleteForward);
    assert_eq!((app.query.as_str(), app.cursor), ("刘镇 ", 1));
    typed(&mut app, "集");
    assert_eq!((app.query.as_str(), app.cursor), ("刘集镇 ", 2));
    app.update(Action::CursorEnd);
    app.update(Action::Backspace);
    assert_eq!(app.query, "刘集镇");
    app.update(Action::CursorLeft);
    let e = app.update(Action::ClearQuery);
    assert_eq!((app.query.as_str(), app.cursor), ("镇", 0));
    assert!(matches!(e.as_slice(), [Effect::Search(r, _)] if r.text == "镇"), "every edit searches: {e:?}");
    // Text typed while the list has focus lands in the box.
    app.focus = Focus::List;
    app.update(Action::CursorEnd);
    app.update(Action::Input('乡'));
    assert_eq!((app.focus, app.query.as_str()), (Focus::Search, "镇乡"));
}

#[test]
fn tables_scroll_sideways_alone_and_keep_their_header_on_top() {
    let mut app = app_with_results(50, 20);
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    app.update(Action::Section(3));
    for _ in 0..20 {
        app.update(Action::Right);
    }
    let (applications, active) = (app.hscroll_of(Table::Applications), app.hscroll_of(Table::Active));
    assert!(applications > 0 && applications < 7, "stops where the last column shows: {applications}");
    assert_eq!(active, 0, "the other tables stay");
    assert!(app.status.contains("last column"), "{}", app.status);
    // Rows scrolled under the header: the header is drawn on the first line of the view.
    for _ in 0..8 {
        app.update(Action::Down);
    }
    let screen = lines(&draw(&app, 50, 20));
    assert!(screen[2].contains('<') && screen[2].contains("总 计"), "{}", screen[2]);
}

#[test]
fn n_and_p_keep_the_section_being_read_and_the_title_bar_says_where() {
    let mut app = app_with_results(80, 24);
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    app.update(Action::Section(3));
    app.update(Action::Down);
    assert_eq!(app.update(Action::NextReport), vec![Effect::Load(2)]);
    app.update(Action::Loaded(Box::new(sample("s02-township-2019-vertical-typos.txt"))));
    let top = &app.doc[app.scroll];
    assert!(matches!(top, gongkai::ui::doc::DocLine::Heading { numeral: Some(3), .. }), "{top:?}");
    let bar = lines(&draw(&app, 80, 24))[0].replace(' ', "");
    assert!(bar.contains("茅坪乡2019") && bar.ends_with("2/3"), "{bar}");
}

#[test]
fn a_saved_session_resumes_where_it_stopped() {
    let mut app = app_with_results(80, 24);
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    app.update(Action::NextReport);
    app.update(Action::Loaded(Box::new(sample("s02-township-2019-vertical-typos.txt"))));
    app.update(Action::Section(3));
    let saved = gongkai::ui::session::Session::of(&app);
    assert_eq!((saved.open, saved.selected, saved.query.as_str()), (Some(2), Some(2), "镇"));
    // A new start: the query comes back at once; the report when the results are in.
    let mut fresh = App { color: false, ..App::default() };
    fresh.update(Action::Resize(80, 24));
    saved.restore(&mut fresh);
    let e = fresh.search();
    let Some(Effect::Search(req, seq)) = e.first() else { panic!("a search") };
    assert_eq!(req.text, "镇");
    let e = fresh.update(Action::SearchDone { seq: *seq, result: Box::new(result()) });
    assert_eq!(e, vec![Effect::Load(2)]);
    fresh.update(Action::Loaded(Box::new(sample("s02-township-2019-vertical-typos.txt"))));
    assert_eq!((fresh.screen, fresh.report_pos, fresh.scroll), (Screen::Report, 1, app.scroll));
}

#[test]
fn the_list_fetches_more_as_it_scrolls_and_counts_the_true_total() {
    let many = |n: usize, total: usize| SearchResult {
        hits: (0..n as u64)
            .map(|i| hit(i + 1, "枫桥镇", "town", ["浙江省", "绍兴市", "诸暨市"], 2020, None, false))
            .collect(),
        total,
        ..result()
    };
    use gongkai::ui::app::HIT_LIMIT;
    let total = HIT_LIMIT * 5 / 2;
    let mut app = app_with_results(80, 24);
    let Some(Effect::Search(_, seq)) = app.update(Action::Input('镇')).first().cloned() else { panic!("search") };
    app.update(Action::SearchDone { seq, result: Box::new(many(HIT_LIMIT, total)) });
    app.focus = Focus::List;
    assert!(lines(&draw(&app, 80, 24)).iter().any(|l| l.contains(&total.to_string())), "the true total is shown");
    assert!(app.update(Action::Down).is_empty(), "far from the end: nothing fetched");
    app.selected = HIT_LIMIT - 10;
    let e = app.update(Action::Down);
    let Some(Effect::Search(req, seq)) = e.first().cloned() else { panic!("more fetched: {e:?}") };
    assert_eq!(req.limit, 2 * HIT_LIMIT);
    app.update(Action::SearchDone { seq, result: Box::new(many(2 * HIT_LIMIT, total)) });
    assert_eq!(app.selected, HIT_LIMIT - 9, "the selection stays");
    let e = app.update(Action::Bottom);
    let Some(Effect::Search(req, seq)) = e.first().cloned() else { panic!("the rest fetched: {e:?}") };
    assert_eq!(req.limit, total);
    app.update(Action::SearchDone { seq, result: Box::new(many(total, total)) });
    assert_eq!(app.selected, total - 1);
}

#[test]
fn long_notes_wrap_and_long_paths_are_shortened() {
    let mut app = app_with_results(80, 24);
    app.lang = gongkai::lang::Lang::Zh; // the labels it reads are the Chinese ones
    let mut r = sample("s01-town-2020-tabbed.txt");
    let long = format!("{}END", "第二十条第（五）项 规范性文件 ".repeat(8));
    r.warnings.push(long);
    r.source = format!("/data/{}/佛子岭镇2020年报告.txt", "很长的文件夹名称/".repeat(10));
    app.update(Action::Back);
    app.update(Action::Open);
    app.update(Action::Loaded(Box::new(r)));
    let text: Vec<String> = app
        .doc
        .iter()
        .filter_map(|l| match l {
            gongkai::ui::doc::DocLine::Note(t) | gongkai::ui::doc::DocLine::Meta(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert!(text.iter().any(|t| t.ends_with("END")), "the note is read to its end: {text:?}");
    assert!(text.iter().any(|t| t.contains('…') && t.ends_with("佛子岭镇2020年报告.txt")), "{text:?}");
}

#[test]
fn slash_finds_text_in_the_report_and_n_moves_between_matches() {
    let mut app = app_with_results(80, 24);
    app.lang = gongkai::lang::Lang::Zh; // the labels it reads are the Chinese ones
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    app.update(Action::StartFind);
    for c in "公开".chars() {
        app.update(Action::Input(c));
    }
    let screen = lines(&draw(&app, 80, 24));
    assert!(screen[23].replace(' ', "").contains("查找：公开"), "{}", screen[23]);
    app.update(Action::CommitFind);
    let hits = app.find_hits.clone();
    assert!(hits.len() > 3, "{hits:?}");
    assert_eq!(app.scroll, hits[0]);
    app.update(Action::NextMatch);
    assert_eq!(app.scroll, hits[1]);
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    assert_eq!(app.scroll, *hits.last().unwrap_or(&0), "wraps round");
    assert!(app.status.contains(&format!("{} of {}", hits.len(), hits.len())), "{}", app.status);
    // Esc ends the find first, then closes the report.
    app.update(Action::Back);
    assert!(app.find.is_none() && app.screen == Screen::Report);
    app.update(Action::Back);
    assert_eq!(app.screen, Screen::Main);
}

#[test]
fn a_broken_worker_ends_the_program_with_its_error() {
    let mut app = app_with_results(80, 24);
    app.update(Action::Help);
    assert_eq!(app.update(Action::Fatal("index damaged".into())), vec![Effect::Quit]);
    assert_eq!(app.fatal.as_deref(), Some("index damaged"));
}

#[test]
fn failing_checks_mark_their_cells_by_the_checks_own_places() {
    let mut app = app_with_results(120, 40);
    open_report(&mut app, "s07-prefecture-2024-pdf-layout-balance-fail.txt");
    let report = app.report.clone().expect("open");
    let failing: Vec<_> = report.checks.iter().filter(|c| !c.ok).collect();
    assert!(!failing.is_empty());
    for c in &failing {
        assert_eq!(c.table.as_deref(), Some("applications"), "{c:?}");
        assert!(c.row.is_some() || c.column.is_some(), "{c:?}");
    }
    assert!(!app.marks.is_empty());
    // Every mark names a row or a column of the grid it marks.
    for (table, key) in &app.marks {
        let (_, g) = app.grids.iter().find(|(t, _)| t == table).expect("grid");
        assert!(g.keys.contains(key) || g.rows.iter().any(|r| &r.key == key), "{table:?} {key}");
    }
}

#[test]
fn o_cycles_the_sort_order() {
    let mut app = app_with_results(80, 24);
    app.focus = Focus::List;
    let e = app.update(Action::CycleSort);
    assert!(matches!(e.as_slice(), [Effect::Search(r, _)] if r.sort == gongkai::query::Sort::Year), "{e:?}");
    let e = app.update(Action::CycleSort);
    assert!(matches!(e.as_slice(), [Effect::Search(r, _)] if r.sort == gongkai::query::Sort::Applications));
    assert!(lines(&draw(&app, 80, 24))[4].contains("applications"));
    app.update(Action::CycleSort);
    assert_eq!(app.sort, gongkai::query::Sort::Score);
}

#[test]
fn enter_loads_and_n_p_walk_the_list() {
    let mut app = app_with_results(80, 24);
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    assert_eq!(app.screen, Screen::Report);
    assert_eq!(app.update(Action::NextReport), vec![Effect::Load(2)]);
    assert_eq!(app.report_pos, 1);
    assert_eq!(app.update(Action::PrevReport), vec![Effect::Load(1)]);
    assert!(app.update(Action::PrevReport).is_empty(), "no report before the first");
    app.update(Action::Section(3));
    assert!(app.scroll > 0);
    app.update(Action::Back);
    assert_eq!((app.screen, app.focus), (Screen::Main, Focus::List));
}

#[test]
fn review_marks_and_flags_are_stored() {
    let mut app = app_with_results(80, 24);
    app.focus = Focus::List;
    assert_eq!(app.update(Action::ToggleReviewed), vec![Effect::SaveReviews]);
    assert!(app.reviews.get(1).reviewed);
    app.update(Action::StartFlag);
    for c in "数字不平".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.update(Action::CommitFlag), vec![Effect::SaveReviews]);
    assert_eq!(app.reviews.get(1).note, "数字不平");
    assert!(app.reviews.get(1).flagged);
    app.filters.review = ReviewFilter::Unreviewed;
    assert_eq!(app.request().exclude_ids, vec![1]);
}

/// Counts as the worker would give them for a picker: the query without the facet, the whole index.
fn picker_data(facet: Facet) -> Action {
    let mut all = result().counts;
    all.years.push(("2018".into(), 4));
    all.provinces.push(("安徽省".into(), 2));
    Action::PickerData(facet, vec![(3, result().counts), (9, all), (2, Counts::default()), (1, Counts::default())])
}

#[test]
fn the_filter_picker_reaches_every_value_and_edits_the_query() {
    let mut app = app_with_results(80, 24);
    app.lang = gongkai::lang::Lang::Zh; // the labels it reads are the Chinese ones
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Filters);
    // Enter opens the year picker and asks for counts under the query without its year term.
    let e = app.update(Action::Open);
    let Some(Effect::Counts(Facet::Year, reqs)) = e.first() else { panic!("counts asked: {e:?}") };
    assert_eq!((reqs[0].text.as_str(), reqs[1].text.as_str()), ("镇 ", ""));
    app.update(picker_data(Facet::Year));
    let labels: Vec<(String, u64)> =
        app.picker.as_ref().map_or(Vec::new(), |p| p.items.iter().map(|i| (i.label.clone(), i.count)).collect());
    assert_eq!(labels[0], ("全部".to_string(), 3));
    assert!(labels.contains(&("2018".to_string(), 0)), "a year with no report under the query is listed: {labels:?}");
    // Down to 2020 (全部, 2022, 2020 …), Enter: the query holds the term, the search runs.
    app.update(Action::Down);
    app.update(Action::Down);
    let e = app.update(Action::Open);
    assert_eq!(app.query, "镇 year:2020 ");
    assert!(app.picker.is_none());
    assert!(matches!(e.as_slice(), [Effect::Search(r, _)] if r.text == "镇 year:2020 "), "{e:?}");
    // Provinces narrow as you type.
    app.update(Action::Right);
    app.update(Action::Right);
    app.update(Action::Open);
    app.update(picker_data(Facet::Province));
    app.update(Action::Input('安'));
    app.update(Action::Open);
    assert_eq!(app.query, "镇 year:2020 province:安徽省 ");
    // 全部 removes the term again; the review picker sets the TUI's own filter.
    app.update(Action::Open);
    app.update(picker_data(Facet::Province));
    app.update(Action::Open);
    assert_eq!(app.query, "镇 year:2020 ");
    app.update(Action::Right);
    app.update(Action::Right);
    let e = app.update(Action::Open);
    assert!(matches!(e.as_slice(), [Effect::Counts(Facet::Review, r)] if r.len() == 5), "{e:?}");
    app.update(picker_data(Facet::Review));
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.filters.review, ReviewFilter::Unreviewed);
    // Esc closes a picker without a change.
    app.update(Action::Open);
    app.update(Action::Back);
    assert!(app.picker.is_none());
    assert_eq!(app.filters.review, ReviewFilter::Unreviewed);
}

#[test]
fn terms_typed_in_the_box_show_in_the_bar_and_unfinished_queries_keep_results() {
    let mut app = app_with_results(80, 24);
    app.lang = gongkai::lang::Lang::Zh; // the labels it reads are the Chinese ones
    app.update(Action::ClearQuery);
    let before = app.result.clone();
    for c in "year:2020 type:镇 \"依申".chars() {
        app.update(Action::Input(c));
    }
    // The quote is open: no search, the last results stay, the error says why.
    assert!(app.query_error.is_some());
    assert_eq!(app.result, before);
    let e = app.update(Action::Input('"'));
    assert!(app.query_error.is_none());
    assert!(matches!(e.as_slice(), [Effect::Search(..)]));
    let bar = lines(&draw(&app, 80, 24))[3].replace(' ', "");
    assert!(bar.contains("年份2020(1)") && bar.contains("类型镇(1)"), "{bar}");
    // The same filter twice explains itself.
    app.update(Action::CursorHome);
    for c in "year:2019 ".chars() {
        app.update(Action::Input(c));
    }
    assert!(app.status.contains("year: 2019 and 2020"), "{}", app.status);
}

#[test]
fn help_scrolls_and_other_keys_close_it() {
    let mut app = app_with_results(40, 12);
    app.update(Action::Help);
    assert!(app.help);
    let before = lines(&draw(&app, 40, 12));
    assert!(app.update(Action::Down).is_empty());
    assert!(app.help && app.help_scroll == 1);
    assert_ne!(lines(&draw(&app, 40, 12)), before, "the help scrolled");
    assert!(app.update(Action::Open).is_empty());
    assert!(!app.help);
    app.update(Action::Help);
    assert_eq!(app.update(Action::Quit), vec![Effect::Quit]);
}

#[test]
fn small_screens_keep_the_list() {
    for (w, h) in [(40, 12), (30, 8), (20, 6)] {
        let app = app_with_results(w, h);
        let screen = lines(&draw(&app, w, h)).join("\n");
        assert!(screen.contains("枫"), "{w}x{h}:\n{screen}");
    }
}

#[test]
fn copy_gives_the_table_in_view_as_tsv() {
    let mut app = app_with_results(120, 40);
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    app.update(Action::Section(4));
    let e = app.update(Action::Copy);
    let Some(Effect::Copy(tsv)) = e.first() else { panic!("copy") };
    assert!(tsv.starts_with("\t结果维持\t结果纠正"), "{tsv}");
}

/// The 枫桥镇 sample as four consecutive years, 2022 carrying over 2 where 2021 carried forward 0,
/// with the cross-year checks `index` would keep.
fn series_reports() -> Vec<Report> {
    let base = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports/s01-town-2020-tabbed.txt"),
    )
    .expect("sample");
    let carried = "\t二、上年结转政府信息公开申请数量\n\t1\n\t0\n\t0\n\t0\n\t1\n\t0\n\t2\n";
    assert!(base.contains(carried));
    let none = "\t二、上年结转政府信息公开申请数量\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n";
    let mut reports: Vec<Report> = [(2019, carried), (2020, none), (2021, none), (2022, carried)]
        .into_iter()
        .map(|(y, row)| {
            let text = base.replace(carried, row).replace("2020", &y.to_string());
            let src = gongkai::load::load_bytes(text.as_bytes(), &format!("fq-{y}.txt")).expect("load");
            gongkai::parse::parse_source(&src, &format!("fq-{y}.txt")).expect("parse")
        })
        .collect();
    let checks = gongkai::series::checks(&reports.iter().collect::<Vec<_>>());
    for (r, c) in reports.iter_mut().zip(checks) {
        gongkai::series::set_checks(r, c);
    }
    reports
}

fn stats_totals(by: gongkai::query::GroupBy) -> gongkai::query::Totals {
    use gongkai::query::{GroupBy, GroupTotals, Totals};
    let g =
        |key: &str, reports: u64, failing: u64, sums: [i64; 5]| GroupTotals { key: key.into(), reports, failing, sums };
    let groups = match by {
        GroupBy::Year => vec![
            g("2019", 12, 2, [130, 41, 128, 6, 9120]),
            g("2020", 15, 1, [162, 58, 160, 9, 11873]),
            g("2021", 14, 3, [171, 66, 175, 4, 10234]),
            g("2022", 9, 0, [88, 30, 90, 2, 6011]),
        ],
        GroupBy::Type => {
            vec![g("county", 13, 3, [1020, 366, 1008, 74, 32961]), g("town", 15, 0, [256, 65, 262, 5, 5782])]
        }
        GroupBy::Province => {
            vec![g("安徽省", 20, 2, [300, 120, 310, 8, 9000]), g("浙江省", 30, 4, [251, 75, 243, 13, 28238])]
        }
    };
    Totals { by, total: groups.iter().map(|g| g.reports).sum(), groups }
}

fn open_compare(app: &mut App) {
    app.update(Action::Back);
    let e = app.update(Action::Compare);
    assert!(matches!(e.as_slice(), [Effect::Compare(1)]), "{e:?}");
    app.update(Action::Compared(Box::new(series_reports())));
}

fn open_stats(app: &mut App) {
    app.focus = Focus::List;
    let e = app.update(Action::Stats);
    assert!(matches!(e.as_slice(), [Effect::Totals(_, gongkai::query::GroupBy::Year)]), "{e:?}");
    app.update(Action::TotalsDone(Box::new(stats_totals(gongkai::query::GroupBy::Year))));
}

#[test]
fn c_compares_the_agencys_years_marks_the_failing_check_and_copies_tsv() {
    let mut app = app_with_results(80, 24);
    open_compare(&mut app);
    assert_eq!(app.screen, Screen::Compare);
    let text = lines(&draw(&app, 80, 24)).join("\n");
    for y in ["2019", "2020", "2021", "2022"] {
        assert!(text.contains(y), "{text}");
    }
    let packed = text.replace(' ', "");
    assert!(packed.contains("上年结转20-20±02+2!"), "the failing carry-over is marked: {text}");
    let v = app.compare.as_ref().expect("compare view");
    assert!(v.checks.iter().any(|(y, failing, t)| y == "2022" && *failing && t.contains("series.carry_over")));
    let e = app.update(Action::Copy);
    match e.as_slice() {
        [Effect::Copy(tsv)] => {
            assert!(tsv.starts_with("\t2019\t2020\t2021\t2022\n"), "{tsv}");
            assert!(tsv.contains("上年结转\t2\t0 -2\t0 ±0\t2 +2 !"), "{tsv}");
        }
        other => panic!("expected a copy, got {other:?}"),
    }
    // From the report view too, and Esc goes back where it came from.
    app.update(Action::Back);
    assert_eq!(app.screen, Screen::Main);
    open_report(&mut app, "s01-town-2020-tabbed.txt");
    assert!(matches!(app.update(Action::Compare).as_slice(), [Effect::Compare(1)]));
    app.update(Action::Compared(Box::new(series_reports())));
    assert_eq!(app.screen, Screen::Compare);
    app.update(Action::Back);
    assert_eq!(app.screen, Screen::Report);
}

#[test]
fn s_totals_the_results_by_year_type_province_and_charts_by_year() {
    use gongkai::query::GroupBy;
    let mut app = app_with_results(80, 24);
    app.lang = gongkai::lang::Lang::Zh; // the labels it reads are the Chinese ones
    open_stats(&mut app);
    assert_eq!(app.screen, Screen::Stats);
    let text = lines(&draw(&app, 80, 24)).join("\n");
    let packed = text.replace(' ', "");
    assert!(packed.contains("50份报告") && packed.contains("11873") && packed.contains("新收申请"), "{text}");
    // Tab: by type; the chart stays by year.
    let e = app.update(Action::FocusNext);
    assert!(matches!(e.as_slice(), [Effect::Totals(_, GroupBy::Type)]), "{e:?}");
    app.update(Action::TotalsDone(Box::new(stats_totals(GroupBy::Year))));
    app.update(Action::TotalsDone(Box::new(stats_totals(GroupBy::Type))));
    let v = app.stats.as_ref().expect("stats");
    assert_eq!(v.table.as_ref().map(|t| t.by), Some(GroupBy::Type));
    assert_eq!(v.years.as_ref().map(|t| t.groups.len()), Some(4));
    let text = lines(&draw(&app, 80, 24)).join("\n");
    assert!(text.contains("county") && text.contains("32961"), "{text}");
    app.update(Action::CycleFigure);
    assert!(lines(&draw(&app, 80, 24)).join("\n").replace(' ', "").contains("予以公开"));
    match app.update(Action::Copy).as_slice() {
        [Effect::Copy(tsv)] => assert!(tsv.starts_with("类型\t报告数") && tsv.contains("town\t15\t0\t256"), "{tsv}"),
        other => panic!("expected a copy, got {other:?}"),
    }
    // The stats of what the box holds: the request carries the query.
    app.update(Action::Back);
    assert_eq!(app.screen, Screen::Main);
    let e = app.update(Action::Stats);
    assert!(matches!(e.as_slice(), [Effect::Totals(r, GroupBy::Type)] if r.text == "镇"), "{e:?}");
}

macro_rules! screens {
    ($($name:ident: $w:expr, $h:expr, $setup:expr;)*) => {$(
        #[test]
        fn $name() {
            let mut app = app_with_results($w, $h);
            let setup: fn(&mut App) = $setup;
            setup(&mut app);
            insta::assert_snapshot!(draw(&app, $w, $h).backend());
        }
    )*};
}

screens! {
    main_80x24: 80, 24, |_| {};
    main_120x40: 120, 40, |_| {};
    main_filters_focused_80x24: 80, 24, |a| { a.update(Action::FocusNext); };
    empty_results_80x24: 80, 24, |a| {
        let e = a.update(Action::Input('无'));
        if let Some(Effect::Search(_, seq)) = e.first() {
            a.update(Action::SearchDone { seq: *seq, result: Box::default() });
        }
    };
    report_80x24: 80, 24, |a| open_report(a, "s02-township-2019-vertical-typos.txt");
    report_tables_120x40: 120, 40, |a| { open_report(a, "s07-prefecture-2024-pdf-layout-balance-fail.txt"); a.update(Action::Section(3)); };
    report_scrolled_sideways_50x20: 50, 20, |a| { a.update(Action::Resize(50, 20)); open_report(a, "s01-town-2020-tabbed.txt"); a.update(Action::Section(3)); for _ in 0..9 { a.update(Action::Right); } };
    report_sticky_header_80x24: 80, 24, |a| { open_report(a, "s01-town-2020-tabbed.txt"); a.update(Action::Section(3)); for _ in 0..8 { a.update(Action::Down); } };
    help_80x24: 80, 24, |a| { a.update(Action::Help); };
    help_120x40: 120, 40, |a| { a.update(Action::Help); };
    flag_note_80x24: 80, 24, |a| { a.focus = Focus::List; a.update(Action::StartFlag); for c in "核对数字".chars() { a.update(Action::Input(c)); } };
    indexing_80x24: 80, 24, |a| { a.screen = Screen::Indexing; a.update(Action::Indexing(7, 18)); };
    indexing_120x40: 120, 40, |a| { a.screen = Screen::Indexing; a.update(Action::Indexing(7, 18)); };
    empty_results_120x40: 120, 40, |a| {
        let e = a.update(Action::Input('无'));
        if let Some(Effect::Search(_, seq)) = e.first() {
            a.update(Action::SearchDone { seq: *seq, result: Box::default() });
        }
    };
    report_120x40: 120, 40, |a| open_report(a, "s02-township-2019-vertical-typos.txt");
    report_tables_80x24: 80, 24, |a| { open_report(a, "s07-prefecture-2024-pdf-layout-balance-fail.txt"); a.update(Action::Section(3)); };
    flag_note_120x40: 120, 40, |a| { a.focus = Focus::List; a.update(Action::StartFlag); for c in "核对数字".chars() { a.update(Action::Input(c)); } };
    main_filters_focused_120x40: 120, 40, |a| { a.update(Action::FocusNext); };
    picker_80x24: 80, 24, |a| { a.update(Action::FocusNext); a.update(Action::Open); a.update(picker_data(Facet::Year)); a.update(Action::Down); };
    main_40x12: 40, 12, |_| {};
    help_40x12: 40, 12, |a| { a.update(Action::Help); a.update(Action::Down); a.update(Action::Down); };
    compare_80x24: 80, 24, open_compare;
    compare_120x40: 120, 40, open_compare;
    compare_40x12: 40, 12, open_compare;
    stats_80x24: 80, 24, open_stats;
    stats_120x40: 120, 40, open_stats;
    stats_40x12: 40, 12, open_stats;
    picker_provinces_40x12: 40, 12, |a| { a.update(Action::FocusNext); a.update(Action::Right); a.update(Action::Right); a.update(Action::Open); a.update(picker_data(Facet::Province)); };
}

/// The same screens in Chinese (`--lang zh`, config `lang = "zh"`): every label, hint and help line
/// Chinese, key names English.
fn zh(app: &mut App) {
    app.lang = gongkai::lang::Lang::Zh;
}

screens! {
    zh_main_80x24: 80, 24, zh;
    zh_main_40x12: 40, 12, zh;
    zh_main_filters_focused_80x24: 80, 24, |a| { zh(a); a.update(Action::FocusNext); };
    zh_report_80x24: 80, 24, |a| { zh(a); open_report(a, "s02-township-2019-vertical-typos.txt"); };
    zh_help_80x24: 80, 24, |a| { zh(a); a.update(Action::Help); };
    zh_help_120x40: 120, 40, |a| { zh(a); a.update(Action::Help); };
    zh_compare_80x24: 80, 24, |a| { zh(a); open_compare(a); };
    zh_stats_80x24: 80, 24, |a| { zh(a); open_stats(a); };
    zh_stats_40x12: 40, 12, |a| { zh(a); open_stats(a); };
    zh_picker_80x24: 80, 24, |a| { zh(a); a.update(Action::FocusNext); a.update(Action::Open); a.update(picker_data(Facet::Year)); a.update(Action::Down); };
    zh_flag_note_80x24: 80, 24, |a| { zh(a); a.focus = Focus::List; a.update(Action::StartFlag); for c in "核对数字".chars() { a.update(Action::Input(c)); } };
    zh_indexing_80x24: 80, 24, |a| { zh(a); a.screen = Screen::Indexing; a.update(Action::Indexing(7, 18)); };
}

/// One language at a time: the English screens hold no Chinese label of ours and the Chinese ones no
/// English word but key names (report text, shown as published, is left out of the count).
#[test]
fn labels_are_in_one_language() {
    use gongkai::ui::strings::{EN, ZH};
    for lang in [gongkai::lang::Lang::En, gongkai::lang::Lang::Zh] {
        let mut app = app_with_results(120, 40);
        app.lang = lang;
        let mut screens = vec![lines(&draw(&app, 120, 40)).join("\n")];
        app.update(Action::FocusNext);
        screens.push(lines(&draw(&app, 120, 40)).join("\n"));
        app.update(Action::FocusNext);
        app.update(Action::Help);
        screens.push(lines(&draw(&app, 120, 40)).join("\n"));
        app.update(Action::Help);
        open_stats(&mut app);
        screens.push(lines(&draw(&app, 120, 40)).join("\n"));
        let text = screens.join("\n").replace(' ', "");
        let (ours, other) = if lang == gongkai::lang::Lang::En { (&EN, &ZH) } else { (&ZH, &EN) };
        for (mine, theirs) in ours.filters.iter().zip(&other.filters) {
            assert!(text.contains(&mine.replace(' ', "")), "{lang:?}: {mine} shown");
            assert!(!text.contains(&theirs.replace(' ', "")), "{lang:?}: {theirs} not shown\n{text}");
        }
        for (mine, theirs) in ours.stats_headers.iter().zip(&other.stats_headers) {
            assert!(text.contains(&mine.replace(' ', "")), "{lang:?}: {mine} shown");
            // Chinese headers like 公开 occur in report text too: only English words are looked for.
            if theirs.is_ascii() {
                assert!(!text.contains(&theirs.replace(' ', "")), "{lang:?}: {theirs} not shown");
            }
        }
        for (k, v) in ours.help.iter().take(12) {
            assert!(text.contains(&v.replace(' ', "")), "{lang:?}: help {k} shown");
        }
    }
}

#[test]
fn reviews_table_columns_align_exactly() {
    let mut app = app_with_results(80, 24);
    open_report(&mut app, "s07-prefecture-2024-pdf-layout-balance-fail.txt");
    app.update(Action::Section(4));
    let t = draw(&app, 80, 24);
    let buf = t.backend().buffer();
    // Rebuild each screen line as a terminal shows it: a wide character hides the cell after it.
    let lines: Vec<String> = (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym).max(1)).unwrap_or(1);
            }
            line
        })
        .collect();
    let at =
        lines.iter().position(|l| l.contains("[政府信息公开行政复议") || l.contains("[行政复议")).expect("table title");
    // The header, then one row per group; every number right-aligned under its header.
    let header = &lines[at + 1];
    let row = &lines[at + 2];
    let col_end = |line: &str, needle: &str| -> usize {
        let i = line.find(needle).unwrap_or(0);
        unicode_width::UnicodeWidthStr::width(&line[..i + needle.len()])
    };
    assert!(header.contains("结果维持") && header.contains("总计"), "{header}");
    assert!(row.starts_with("行政复议"), "{row}");
    let exact = [
        "[行政复议、行政诉讼情况]                                                        ",
        "                           结果维持  结果纠正  其他结果  尚未审结  总计         ",
        "行政复议                          2         0         0         0     2         ",
        "行政诉讼·未经复议直接起诉         1         0         2         0     3         ",
        "行政诉讼·复议后起诉               0         1         3         1     5         ",
    ];
    assert_eq!(lines[at..at + 5], exact);
    let digits_end = row.trim_end().len();
    assert_eq!(unicode_width::UnicodeWidthStr::width(&row[..digits_end]), col_end(header, "总计"), "\n{header}\n{row}");
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [(1, 1), (10, 3), (20, 5), (30, 8), (200, 3), (3, 60)] {
        let mut app = app_with_results(w, h);
        draw(&app, w, h);
        app.update(Action::Help);
        draw(&app, w, h);
        app.update(Action::Help);
        open_report(&mut app, "s07-prefecture-2024-pdf-layout-balance-fail.txt");
        for a in [Action::Section(3), Action::Right, Action::Right, Action::Bottom, Action::StartFlag] {
            app.update(a);
            draw(&app, w, h);
        }
        app.update(Action::Back);
        open_compare(&mut app);
        for a in [Action::Right, Action::Right, Action::Bottom, Action::Down] {
            app.update(a);
            draw(&app, w, h);
        }
        app.update(Action::Back);
        open_stats(&mut app);
        for a in [Action::CycleFigure, Action::Bottom, Action::FocusNext] {
            app.update(a);
            draw(&app, w, h);
        }
    }
}

#[test]
fn escape_sequences_from_reports_never_reach_the_screen() {
    let mut app = app_with_results(80, 24);
    let mut hostile = sample("s01-town-2020-tabbed.txt");
    hostile.title = Some("标题\u{1b}]52;c;aGk=\u{7}\u{1b}[2J".into());
    hostile.sections[0].text = "正文\u{1b}[31m红色\u{9b}31m\r回车".into();
    app.result.hits[0].agency = "枫桥镇\u{1b}[5m".into();
    let t = draw(&app, 80, 24);
    let check = |t: &Terminal<TestBackend>| {
        let buf = t.backend().buffer();
        for cell in buf.content() {
            assert!(!cell.symbol().chars().any(|c| c.is_control()), "control character on screen: {:?}", cell.symbol());
        }
    };
    check(&t);
    app.update(Action::Back);
    app.update(Action::Open);
    app.update(Action::Loaded(Box::new(hostile)));
    check(&draw(&app, 80, 24));
}

#[test]
fn the_count_comes_first_and_the_filter_bar_counts_follow() {
    let mut app = app_with_results(80, 24);
    let before = app.result.counts.clone();
    let e = app.update(Action::Input('乡'));
    let Some(Effect::Search(req, seq)) = e.first().cloned() else { panic!("a search: {e:?}") };
    assert!(req.facets, "the TUI asks for the bar's counts");
    // The worker answers with hits and total, counts to follow: the bar keeps the last counts.
    let first = SearchResult { total: 1, counts: Counts::default(), counts_pending: true, ..result() };
    app.update(Action::SearchDone { seq, result: Box::new(first) });
    assert_eq!((app.result.total, &app.result.counts), (1, &before));
    // Counts of an older search are dropped; this search's replace the bar's.
    let mine = Counts { years: vec![("2019".into(), 1)], ..Counts::default() };
    app.update(Action::CountsDone { seq: seq - 1, counts: Box::new(Counts::default()) });
    assert_eq!(app.result.counts, before);
    app.update(Action::CountsDone { seq, counts: Box::new(mine.clone()) });
    assert_eq!(app.result.counts, mine);
    assert!(lines(&draw(&app, 80, 24))[3].replace(' ', "").contains("Yearall"), "the bar is drawn");
}
