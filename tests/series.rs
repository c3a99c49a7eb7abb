//! Cross-year checks as `gongkai index` keeps them: one agency's reports over several years, a year
//! changed, removed and put back, each time re-evaluating its neighbours.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn gongkai(index: &Path) -> Command {
    let mut c = Command::cargo_bin("gongkai").expect("binary");
    c.arg("--index").arg(index).env("NO_COLOR", "1").env_remove("GONGKAI_INDEX");
    c
}

const CARRIED_OVER: &str = "\t二、上年结转政府信息公开申请数量\n\t1\n\t0\n\t0\n\t0\n\t1\n\t0\n\t2\n";

/// The bundled 枫桥镇 2020 report (上年结转 2, 结转下年度 0) as the report of `year`, with
/// 上年结转 (总计) set to `carried_over`.
fn report(year: i32, carried_over: i64) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports/s01-town-2020-tabbed.txt");
    let text = std::fs::read_to_string(p).expect("sample");
    assert!(text.contains(CARRIED_OVER), "the sample's 上年结转 row is as this test expects");
    let row = if carried_over == 0 {
        "\t二、上年结转政府信息公开申请数量\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n".to_string()
    } else {
        CARRIED_OVER.replace("\t2\n", &format!("\t{carried_over}\n"))
    };
    text.replace(CARRIED_OVER, &row).replace("2020", &year.to_string())
}

/// The series checks of one indexed file: (id, ok, other report's file name).
fn series(ix: &Path, file: &Path) -> Vec<(String, bool, String)> {
    let out = gongkai(ix).arg("show").arg(file).arg("--json").output().expect("show");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut found = Vec::new();
    for c in v["checks"].as_array().into_iter().flatten() {
        let id = c["id"].as_str().unwrap_or("");
        if id.starts_with("series.") {
            let other = c["other"].as_str().map_or(String::new(), |o| {
                Path::new(o).file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())
            });
            found.push((id.to_string(), c["ok"].as_bool().unwrap_or(true), other));
        }
    }
    found
}

fn s(id: &str, ok: bool, other: &str) -> (String, bool, String) {
    (id.to_string(), ok, other.to_string())
}

#[test]
fn carry_over_and_gaps_are_checked_across_years_and_kept_up_to_date() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (dir, ix) = (tmp.path().join("reports"), tmp.path().join("ix"));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = |y: i32| dir.join(format!("fq-{y}.txt"));
    // 结转下年度 is 0 every year: 2020 and 2021 carry over 0 (right), 2022 carries over 2 (wrong).
    for (y, over) in [(2019, 2), (2020, 0), (2021, 0), (2022, 2)] {
        std::fs::write(file(y), report(y, over)).expect("write");
    }
    gongkai(&ix).args(["index", "--quiet"]).arg(&dir).assert().success();
    assert_eq!(series(&ix, &file(2019)), vec![]);
    assert_eq!(series(&ix, &file(2020)), vec![s("series.carry_over", true, "fq-2019.txt")]);
    assert_eq!(series(&ix, &file(2021)), vec![s("series.carry_over", true, "fq-2020.txt")]);
    assert_eq!(series(&ix, &file(2022)), vec![s("series.carry_over", false, "fq-2021.txt")]);
    let out = gongkai(&ix).arg("show").arg(file(2022)).output().expect("show");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("series.carry_over"), "show names the failing series check: {text}");

    // 2021 removed: 2022 now follows a gap, and names it.
    std::fs::remove_file(file(2021)).expect("rm");
    gongkai(&ix).args(["index", "--quiet"]).arg(&dir).assert().success();
    assert_eq!(series(&ix, &file(2022)), vec![s("series.gap", false, "fq-2020.txt")]);

    // 2021 back, now carrying over 2 (wrong against 2020's 0): both neighbours re-evaluated.
    std::fs::write(file(2021), report(2021, 2)).expect("write");
    gongkai(&ix).args(["index", "--quiet"]).arg(&dir).assert().success();
    assert_eq!(series(&ix, &file(2021)), vec![s("series.carry_over", false, "fq-2020.txt")]);
    assert_eq!(series(&ix, &file(2022)), vec![s("series.carry_over", false, "fq-2021.txt")]);
    assert_eq!(series(&ix, &file(2020)), vec![s("series.carry_over", true, "fq-2019.txt")]);

    // A failing series check makes the report failing (the filter finds it).
    let out =
        gongkai(&ix).args(["search", "--json", "--limit", "50", "枫桥镇", "failing:yes"]).output().expect("search");
    let failing = String::from_utf8_lossy(&out.stdout);
    assert!(failing.contains("fq-2022.txt") && failing.contains("fq-2021.txt"), "{failing}");
}

#[test]
fn compare_shows_the_years_side_by_side_with_changes_and_checks() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (dir, ix) = (tmp.path().join("reports"), tmp.path().join("ix"));
    std::fs::create_dir_all(&dir).expect("dir");
    for (y, over) in [(2019, 2), (2020, 0), (2021, 0), (2022, 2)] {
        std::fs::write(dir.join(format!("fq-{y}.txt")), report(y, over)).expect("write");
    }
    gongkai(&ix).args(["index", "--quiet"]).arg(&dir).assert().success();
    let out = gongkai(&ix).args(["compare", "枫桥镇"]).output().expect("compare");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().nth(1).unwrap_or("");
    assert!(["2019", "2020", "2021", "2022"].iter().all(|y| header.contains(y)), "{text}");
    let carried = text.lines().find(|l| l.starts_with("上年结转")).unwrap_or("");
    assert!(carried.contains("0 -2") && carried.contains("2 +2 !"), "{carried}");
    assert!(text.contains("FAIL series.carry_over"), "{text}");

    let out = gongkai(&ix).args(["compare", "--json", "枫桥镇"]).output().expect("compare");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["agency"], "枫桥镇");
    assert_eq!(v["years"], serde_json::json!([2019, 2020, 2021, 2022]));
    assert_eq!(v["reports"].as_array().map(Vec::len), Some(4));
    let row = v["rows"].as_array().and_then(|rows| rows.iter().find(|r| r["key"] == "applications.carried_over.total"));
    assert_eq!(row.map(|r| r["values"].clone()), Some(serde_json::json!({"2019": 2, "2020": 0, "2021": 0, "2022": 2})));
    let failing: Vec<&serde_json::Value> =
        v["checks"].as_array().into_iter().flatten().filter(|c| c["ok"] == false).collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0]["year"], 2022);

    // An id names the same series; a place that does not hold it matches nothing (exit 1).
    let id = v["reports"][0]["id"].as_u64().expect("id").to_string();
    let by_id = gongkai(&ix).args(["compare", "--json", &id]).output().expect("compare");
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&by_id.stdout).ok().map(|j| j["years"].clone()),
        Some(v["years"].clone())
    );
    gongkai(&ix).args(["compare", "枫桥镇", "--province", "安徽"]).assert().code(1);
}

#[test]
fn compare_lists_agencies_of_one_name_in_different_places() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (dir, ix) = (tmp.path().join("reports"), tmp.path().join("ix"));
    std::fs::create_dir_all(&dir).expect("dir");
    // 城关镇 is the name of towns in many counties: two of them, each a series of its own.
    let town = |year: i32, county: &str| {
        report(year, 2).replace("诸暨市枫桥镇", &format!("{county}城关镇")).replace("枫桥镇", "城关镇")
    };
    std::fs::write(dir.join("a.txt"), town(2020, "武清区")).expect("write");
    std::fs::write(dir.join("b.txt"), town(2021, "和林格尔县")).expect("write");
    gongkai(&ix).args(["index", "--quiet"]).arg(&dir).assert().success();
    let out = gongkai(&ix).args(["compare", "城关镇"]).output().expect("compare");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("2 agencies") && stderr.contains("武清区") && stderr.contains("和林格尔县"), "{stderr}");
    let out = gongkai(&ix).args(["compare", "城关镇", "--province", "内蒙古"]).output().expect("compare");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("和林格尔县") && !text.contains("武清区"), "{text}");
    let out = gongkai(&ix).args(["compare", "城关镇", "--county", "武清"]).output().expect("compare");
    assert!(String::from_utf8_lossy(&out.stdout).contains("武清区"));
}

/// `coverage`: townships of a county with and without a report of a year, from the index.
#[test]
fn coverage_splits_a_countys_townships_by_whether_they_reported() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (dir, ix) = (tmp.path().join("reports"), tmp.path().join("ix"));
    std::fs::create_dir_all(&dir).expect("dir");
    let town = |name: &str, year: i32| report(year, 2).replace("枫桥镇", name);
    std::fs::write(dir.join("fq-2020.txt"), town("枫桥镇", 2020)).expect("write");
    std::fs::write(dir.join("dk-2020.txt"), town("店口镇", 2020)).expect("write");
    std::fs::write(dir.join("fq-2021.txt"), town("枫桥镇", 2021)).expect("write");
    gongkai(&ix).args(["index", "--quiet"]).arg(&dir).assert().success();

    let json = |args: &[&str]| -> serde_json::Value {
        let out = gongkai(&ix).arg("coverage").args(args).arg("--json").output().expect("coverage");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let names = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v[key].as_array().into_iter().flatten().filter_map(|u| u["name"].as_str().map(String::from)).collect()
    };
    let v = json(&["--year", "2020", "--province", "浙江", "--county", "诸暨"]);
    assert_eq!(v["year"], 2020);
    assert_eq!(v["level"], "township");
    assert_eq!(v["region"]["name"], "诸暨市");
    assert_eq!(names(&v, "with"), vec!["店口镇", "枫桥镇"], "in code order");
    let without = names(&v, "without");
    assert!(without.len() > 10 && !without.iter().any(|n| n == "枫桥镇" || n == "店口镇"), "{without:?}");
    assert!(without.iter().any(|n| n == "暨阳街道"), "{without:?}");
    assert_eq!(v["with"][1]["reports"].as_array().map(Vec::len), Some(1));
    let parents = v["by_parent"].as_array().expect("by_parent");
    assert_eq!(parents.len(), 1);
    assert_eq!(parents[0]["with"], 2);
    assert_eq!(parents[0]["units"].as_u64(), Some(without.len() as u64 + 2));

    let v = json(&["--year", "2021", "--county", "诸暨"]);
    assert_eq!(names(&v, "with"), vec!["枫桥镇"]);

    // Counties of the prefecture: no county-level report was indexed, so none is covered.
    let v = json(&["--year", "2020", "--city", "绍兴", "--level", "county"]);
    assert!(names(&v, "with").is_empty());
    assert!(names(&v, "without").iter().any(|n| n == "诸暨市"), "{v}");

    // The text form: counts first, then both lists.
    let out = gongkai(&ix).args(["coverage", "--year", "2020", "--county", "诸暨"]).output().expect("coverage");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2020 · township units of 诸暨市 · 2 with a report,"), "{text}");
    assert!(text.contains("店口镇") && text.contains("暨阳街道"), "{text}");

    // A region that is not in the gazetteer: exit 2 with the reason.
    let out = gongkai(&ix).args(["coverage", "--year", "2020", "--county", "没有这个县"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有这个县"));
}

/// The bundled samples hold a town over four years (黄崖洞镇 2020–2023, one carry-over planted wrong)
/// and a county with three of its thirteen townships reporting (将乐县 2022).
#[test]
fn the_bundled_series_and_county_samples_show_in_compare_and_coverage() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ix = tmp.path().join("ix");
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-reports");
    gongkai(&ix).args(["index", "--quiet"]).arg(&samples).assert().success();
    let out = gongkai(&ix).args(["compare", "黄崖洞镇", "--json"]).output().expect("compare");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["years"], serde_json::json!([2020, 2021, 2022, 2023]));
    let failing: Vec<i64> = v["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["id"] == "series.carry_over" && c["ok"] == false)
        .filter_map(|c| c["year"].as_i64())
        .collect();
    assert_eq!(failing, vec![2023], "{v}");
    // The printed full name finds the same agency (through the gazetteer's short name).
    let out = gongkai(&ix).args(["compare", "黎城县黄崖洞镇人民政府", "--json"]).output().expect("compare");
    let full: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(full["years"], v["years"]);
    let out = gongkai(&ix).args(["coverage", "--year", "2022", "--county", "将乐", "--json"]).output().expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["with"].as_array().map(Vec::len), Some(3), "{v}");
    assert_eq!(v["without"].as_array().map(Vec::len), Some(10), "{v}");
}
