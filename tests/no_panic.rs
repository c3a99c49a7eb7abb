//! Property tests: no input makes the parser panic — random text, report lines shuffled, reports
//! truncated anywhere, and text made of table fragments.

use gongkai::parse::parse_text;
use proptest::prelude::*;

/// A small report with every table, built from fragments real reports use.
fn fixture() -> String {
    let mut s = String::from(
        "某某镇2020年度政府信息公开工作年度报告\n一、总体情况\n正文（地址：某路；电话：0552-6801005）。\n",
    );
    s.push_str("二、主动公开政府信息情况\n\n\t第二十条第（一）项\n\n\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n\n");
    s.push_str("\t规章\n\t1\n\t1\n\t1\n\n\t政府集中采购\n\t10\n\t10.6424万元\n\n");
    s.push_str("三、收到和处理政府信息公开申请情况\n\n\t申请人情况\n\n\t一、本年新收政府信息公开申请数量\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n\n");
    s.push_str("三、本\n年\n度\n\t（一）予以公开\n\t640020470\n\n\t（七）总计\n\t—\n\t/\n\t-\n\t\n\t0\n\t0\n\t1\n\n");
    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n\t结果维持\n\t总计\n\n\t0\n\t0\n\t0\n\t0\n\t0\n\n");
    s.push_str("规章            1          0        11\n          447         7        0\n-3-\n");
    s.push_str("五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n某某镇人民政府\n2021年1月20日\n");
    s
}

const FRAGMENTS: &[&str] = &[
    "\t",
    "\n",
    "\n\n",
    "  ",
    "0",
    "12",
    "-3",
    "—",
    "/",
    "万元",
    "元",
    "1,234",
    "（一）",
    "三、",
    "1.",
    "本年新收",
    "予以公开",
    "总计",
    "其他",
    "结果维持",
    "规章",
    "行政许可",
    "第二十条",
    "申请人情况",
    "-4-",
    "2020年",
    "报告",
    "政府",
    "镇",
    "一、总体情况",
    "四、政府信息公开行政复议",
    "电话：",
    "０",
    "\u{3000}",
    "\u{1b}[2J",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = parse_text(&s, "x.txt", "text", "utf-8");
    }

    #[test]
    fn table_fragments_never_panic(parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..200)) {
        let s: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        let _ = parse_text(&s, "x.txt", "text", "utf-8");
    }

    #[test]
    fn shuffled_report_lines_never_panic(seed in any::<u64>()) {
        let text = fixture();
        let mut lines: Vec<&str> = text.split('\n').collect();
        // A deterministic shuffle from the seed (xorshift), so failures reproduce.
        let mut x = seed | 1;
        for i in (1..lines.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            lines.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let _ = parse_text(&lines.join("\n"), "x.txt", "text", "utf-8");
    }

    #[test]
    fn spliced_markdown_and_one_line_reports_never_panic(
        which in 0usize..3,
        at in 0usize..12_000,
        junk in "[0-9一二三四、.．|（）万元\\-\n ]{0,16}",
    ) {
        const FILES: [&str; 3] = [
            "26-town-2021-crawler-oneline.txt",
            "27-township-2020-crawler-ambiguous.txt",
            "23-town-2020-markdown-subtables.md",
        ];
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-reports").join(FILES[which]);
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let spliced = format!("{}{junk}{}", &text[..at], &text[at..]);
        let _ = parse_text(&spliced, "x.txt", "text", "utf-8");
        let _ = parse_text(&text[..at], "x.txt", "text", "utf-8");
    }

    #[test]
    fn truncated_report_never_panics(cut in 0usize..2000) {
        let text = fixture();
        let mut end = cut.min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let _ = parse_text(&text[..end], "x.txt", "text", "utf-8");
    }
}

#[test]
fn fixture_itself_parses_with_tables() {
    let r = parse_text(&fixture(), "x.txt", "text", "utf-8").unwrap_or_else(|e| panic!("{e}"));
    assert!(r.figures.active.is_some() && r.figures.applications.is_some() && r.figures.reviews.is_some());
    assert_eq!(r.published.as_deref(), Some("2021-01-20"));
}
