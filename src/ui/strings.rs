//! Every user-visible label of the TUI.

/// Search box title.
pub const SEARCH: &str = " 搜索 Search ";
/// Result list title.
pub const RESULTS: &str = "结果";
/// Preview title.
pub const PREVIEW: &str = " 预览 ";
/// Indexing title.
pub const INDEXING: &str = " 首次使用：正在索引示例报告 Indexing sample reports ";
/// Shown while a search runs.
pub const SEARCHING: &str = " | searching...";
/// Before a query error: the results shown are those of the last query that parsed.
pub const QUERY_UNFINISHED: &str = "query unfinished, results kept";
/// The prompt of `/` in a report.
pub const FIND_PROMPT: &str = "查找 find: ";
/// No hits.
pub const NO_HITS: &str = "无结果: no report matches";
/// Filter names.
pub const F_YEAR: &str = "年份";
/// Filter: type.
pub const F_TYPE: &str = "类型";
/// Filter: province.
pub const F_PROVINCE: &str = "省份";
/// Filter: failing checks.
pub const F_FAILING: &str = "检查未过";
/// Filter: review state.
pub const F_REVIEW: &str = "审阅";
/// Filter value: everything.
pub const ALL: &str = "全部";
/// Filter value: only.
pub const ONLY: &str = "仅";
/// Review states.
pub const UNREVIEWED: &str = "未审";
/// Reviewed.
pub const REVIEWED: &str = "已审";
/// Flagged.
pub const FLAGGED: &str = "标记";
/// Short label of applications received.
pub const APPS_SHORT: &str = "申请";
/// Headline figures.
pub const APPS_NEW: &str = "新收";
/// Granted.
pub const APPS_GRANTED: &str = "公开";
/// Handled.
pub const APPS_TOTAL: &str = "办结";
/// Reviews and lawsuits.
pub const REVIEWS_TOTAL: &str = "复议诉讼";
/// Decisions.
pub const DECISIONS: &str = "处理决定";
/// Flag input title.
pub const FLAG_TITLE: &str = " 标记备注 Flag note (Enter save, empty clears, Esc cancel) ";
/// Help title.
pub const HELP_TITLE: &str = " 帮助 Help (j/k scroll, any other key closes) ";
/// Help title on narrow screens.
pub const HELP_TITLE_SHORT: &str = " 帮助 Help (j/k) ";
/// Key hints of the main screen.
pub const MAIN_KEYS: &str =
    "Enter open | ? help | q quit | Tab focus/filters | Up/Down move | / search | s stats | c compare";
/// Key hints of the report view.
pub const REPORT_KEYS: &str =
    "Esc back | n/p next/prev | 1-6 section | m reviewed | f flag | ? help | y copy | h/l scroll table | c compare";

/// Compare view title.
pub const COMPARE_TITLE: &str = "对比 Compare";
/// Above the cross-year checks.
pub const CROSS_YEAR_CHECKS: &str = "跨年检查 cross-year checks";
/// Key hints of the compare view.
pub const COMPARE_KEYS: &str = "Esc back | h/l scroll years | j/k scroll | y copy TSV | ? help";
/// Stats view title.
pub const STATS_TITLE: &str = "统计 Stats";
/// While totals are counted.
pub const COUNTING: &str = "counting...";
/// Bar chart title.
pub const CHART_TITLE: &str = "按年 by year:";
/// Bar chart hint.
pub const CHART_HINT: &str = "(v next figure)";
/// Key hints of the stats view.
pub const STATS_KEYS: &str = "Esc back | Tab/h/l group by | v chart figure | j/k scroll | y copy TSV";

/// The help overlay: key, what it does.
pub const HELP: &[(&str, &str)] = &[
    ("typing", "to the search box (Chinese from the list too); searches"),
    ("← → Home End", "box: move the cursor (Ctrl-a / Ctrl-e: start / end)"),
    ("Ctrl-w  Ctrl-u", "box: delete the word / everything before the cursor"),
    ("Up Down j k", "move (j/k outside the box; Ctrl-n / Ctrl-p anywhere)"),
    ("Enter", "open the report / pick a value of the chosen filter"),
    ("o", "order the list: relevance, year, applications"),
    ("s", "stats of the results: totals by year/type/province, chart by year"),
    ("c", "compare the agency's reports over the years (y copies, Esc back)"),
    ("Esc", "back out (leaves the box, closes the report)"),
    ("Tab", "cycle focus: box, filters, list"),
    ("Left Right h l", "filter bar: choose; report: scroll wide tables"),
    ("1-6", "report: jump to section 一 to 六"),
    ("n  p  ] [", "report: next / previous report of the list"),
    ("/  n N", "report: find text in it; n / N next / previous match"),
    ("m", "mark the report reviewed (again to undo)"),
    ("f", "flag the report with a short note"),
    ("g G", "top / bottom"),
    ("PgUp/Dn b space", "page up / down (in the filter bar space applies)"),
    ("Ctrl-d Ctrl-u", "half a page down / up (outside the box)"),
    ("y", "copy the table in view as TSV (OSC 52, works over SSH)"),
    ("/", "list: focus the search box; report: find in it"),
    ("? F1", "this help"),
    ("q  Ctrl-c", "quit (q outside the box)"),
];
