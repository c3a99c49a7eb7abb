//! Every user-visible label, hint and message of the TUI, in English and in Chinese. Key names
//! (Enter, Esc, Tab, Ctrl-c …) are English in both; report text is shown as published.

pub use crate::lang::Lang;
use crate::model::Level;
use crate::query::{GroupBy, Sort};

/// The TUI's words in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// Which language these are.
    pub lang: Lang,
    /// Search box title.
    pub search: &'static str,
    /// Result list title.
    pub results: &'static str,
    /// Preview title.
    pub preview: &'static str,
    /// Indexing title.
    pub indexing: &'static str,
    /// Shown while a search runs.
    pub searching: &'static str,
    /// Before a query error: the results shown are those of the last query that parsed.
    pub query_unfinished: &'static str,
    /// The prompt of `/` in a report.
    pub find_prompt: &'static str,
    /// No hits.
    pub no_hits: &'static str,
    /// Filter names: year, type, province, failing checks, review state.
    pub filters: [&'static str; 5],
    /// Filter value: everything.
    pub all: &'static str,
    /// Filter value: only (failing checks).
    pub only: &'static str,
    /// Review states: unreviewed, reviewed, flagged.
    pub review_states: [&'static str; 3],
    /// Short label of applications received, in the list.
    pub apps_short: &'static str,
    /// The preview's headline figures: new, granted, handled, reviews and lawsuits, decisions.
    pub headline: [&'static str; 5],
    /// Flag input title.
    pub flag_title: &'static str,
    /// Help title.
    pub help_title: &'static str,
    /// Help title on narrow screens.
    pub help_title_short: &'static str,
    /// Key hints of the main screen.
    pub main_keys: &'static str,
    /// Key hints of the report view.
    pub report_keys: &'static str,
    /// Compare view title.
    pub compare_title: &'static str,
    /// Above the cross-year checks.
    pub cross_year_checks: &'static str,
    /// Key hints of the compare view.
    pub compare_keys: &'static str,
    /// Stats view title.
    pub stats_title: &'static str,
    /// While totals are counted.
    pub counting: &'static str,
    /// Bar chart title.
    pub chart_title: &'static str,
    /// Bar chart hint.
    pub chart_hint: &'static str,
    /// Key hints of the stats view.
    pub stats_keys: &'static str,
    /// The stats view's column headers, after the group's: reports, failing, then the five sums.
    pub stats_headers: [&'static str; 7],
    /// The chart's figures, in [`CHART_FIGURES`] order.
    pub chart_figures: [&'static str; 6],
    /// A report without a title.
    pub untitled: &'static str,
    /// The report's second meta line: year, template, published.
    pub meta: [&'static str; 3],
    /// Before a parser warning in the report view.
    pub warning: &'static str,
    /// The help overlay: key, what it does.
    pub help: &'static [(&'static str, &'static str)],
}

/// The figures the stats view's chart can show: index into a group's values (see
/// [`Strings::stats_headers`]); their labels are [`Strings::chart_figures`].
pub const CHART_FIGURES: [usize; 6] = [2, 3, 4, 5, 6, 0];

impl Lang {
    /// The words of this language.
    #[must_use]
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

impl Strings {
    /// `3 reports` / `3 份报告`.
    #[must_use]
    pub fn reports(&self, n: usize) -> String {
        match self.lang {
            Lang::En => crate::render::reports(n),
            Lang::Zh => format!("{n} 份报告"),
        }
    }

    /// The name of a sort order.
    #[must_use]
    pub fn sort_name(&self, s: Sort) -> String {
        let zh = self.lang == Lang::Zh;
        match s {
            Sort::Score => (if zh { "相关度" } else { "relevance" }).into(),
            Sort::Year => (if zh { "年份" } else { "year" }).into(),
            Sort::Applications => (if zh { "申请数" } else { "applications" }).into(),
            Sort::Field(f) => f.name(),
        }
    }

    /// The name of a grouping of the stats view.
    #[must_use]
    pub fn group_name(&self, g: GroupBy) -> &'static str {
        match (self.lang, g) {
            (Lang::En, g) => g.name(),
            (Lang::Zh, GroupBy::Year) => "年份",
            (Lang::Zh, GroupBy::Type) => "类型",
            (Lang::Zh, GroupBy::Province) => "省份",
        }
    }

    /// The name of an administrative level.
    #[must_use]
    pub fn level_name(&self, l: Level) -> &'static str {
        match (self.lang, l) {
            (Lang::En, l) => l.as_str(),
            (Lang::Zh, Level::Province) => "省级",
            (Lang::Zh, Level::Prefecture) => "地市级",
            (Lang::Zh, Level::County) => "县级",
            (Lang::Zh, Level::Township) => "乡镇级",
        }
    }

    /// A message of the status line.
    #[must_use]
    pub fn msg(&self, m: Msg<'_>) -> String {
        match self.lang {
            Lang::En => match m {
                Msg::SortedBy(s) => format!("sorted by {s}"),
                Msg::Opening(a) => format!("opening {a}..."),
                Msg::LastColumn(t) => format!("{t}: last column in view"),
                Msg::NoSection(n) => format!("this report has no section {n}"),
                Msg::LastReport => "last report of the list".into(),
                Msg::FirstReport => "first report of the list".into(),
                Msg::MarkedReviewed => "marked reviewed".into(),
                Msg::ReviewRemoved => "review mark removed".into(),
                Msg::FlagRemoved => "flag removed".into(),
                Msg::Flagged(n) => format!("flagged: {n}"),
                Msg::NoTable => "no table to copy".into(),
                Msg::Copied(t) => format!("copied {t} as TSV"),
                Msg::Comparing => "comparing the agency's years...".into(),
                Msg::NoOtherReport => "no other report of this agency in the index".into(),
                Msg::CopiedComparison => "copied the comparison as TSV".into(),
                Msg::CopiedTotals => "copied the totals as TSV".into(),
                Msg::SaveFailed(e) => format!("could not save review state: {e}"),
                Msg::NoIndex => "no index to search".into(),
                Msg::Gone(id) => format!("report #{id} is no longer in the index"),
                Msg::NoSeries => "the report names no agency or year, so it has no series to compare".into(),
                Msg::WorkerFailed(w) => format!(
                    "the search stopped on an internal error ({w}); the index may be damaged: `gongkai index --rebuild DIR` makes it anew"
                ),
                Msg::IndexedSamples(s) => format!("indexed the sample reports: {s}"),
                Msg::IndexingFailed(e) => format!("indexing failed: {e}"),
            },
            Lang::Zh => match m {
                Msg::SortedBy(s) => format!("排序：{s}"),
                Msg::Opening(a) => format!("正在打开 {a}…"),
                Msg::LastColumn(t) => format!("{t}：已到最后一列"),
                Msg::NoSection(n) => format!("本报告没有第 {n} 部分"),
                Msg::LastReport => "已是列表中最后一份".into(),
                Msg::FirstReport => "已是列表中第一份".into(),
                Msg::MarkedReviewed => "已标为已审".into(),
                Msg::ReviewRemoved => "已取消已审".into(),
                Msg::FlagRemoved => "已清除标记".into(),
                Msg::Flagged(n) => format!("已标记：{n}"),
                Msg::NoTable => "没有可复制的表格".into(),
                Msg::Copied(t) => format!("已复制 {t}（TSV）"),
                Msg::Comparing => "正在对比该机关各年度…".into(),
                Msg::NoOtherReport => "索引中没有该机关的其他报告".into(),
                Msg::CopiedComparison => "已复制对比表（TSV）".into(),
                Msg::CopiedTotals => "已复制统计表（TSV）".into(),
                Msg::SaveFailed(e) => format!("审阅状态未能保存：{e}"),
                Msg::NoIndex => "没有可搜索的索引".into(),
                Msg::Gone(id) => format!("报告 #{id} 已不在索引中"),
                Msg::NoSeries => "该报告没有机关名称或年度，无法按年对比".into(),
                Msg::WorkerFailed(w) => {
                    format!("搜索因内部错误停止（{w}），索引可能已损坏：`gongkai index --rebuild DIR` 可重建")
                }
                Msg::IndexedSamples(s) => format!("示例报告已索引：{s}"),
                Msg::IndexingFailed(e) => format!("索引失败：{e}"),
            },
        }
    }
}

/// A status-line message, before it is put in words.
#[derive(Debug, Clone, Copy)]
pub enum Msg<'a> {
    /// The list's order changed.
    SortedBy(&'a str),
    /// A report is being fetched.
    Opening(&'a str),
    /// A wide table cannot scroll further.
    LastColumn(&'a str),
    /// `1`–`6` on a report without that section.
    NoSection(u8),
    /// `n` at the end of the list.
    LastReport,
    /// `p` at its start.
    FirstReport,
    /// `m` marked.
    MarkedReviewed,
    /// `m` unmarked.
    ReviewRemoved,
    /// An empty flag note.
    FlagRemoved,
    /// A flag with its note.
    Flagged(&'a str),
    /// `y` with no table in view.
    NoTable,
    /// `y` copied a table.
    Copied(&'a str),
    /// `c` pressed.
    Comparing,
    /// `c` on an agency with one report.
    NoOtherReport,
    /// `y` in the compare view.
    CopiedComparison,
    /// `y` in the stats view.
    CopiedTotals,
    /// The review file could not be written.
    SaveFailed(&'a str),
    /// No index.
    NoIndex,
    /// A report was deleted since the list was drawn.
    Gone(u64),
    /// `c` on a report without agency or year.
    NoSeries,
    /// The search worker panicked.
    WorkerFailed(&'a str),
    /// First use: the samples are in.
    IndexedSamples(&'a str),
    /// First use: indexing failed.
    IndexingFailed(&'a str),
}

/// English.
pub static EN: Strings = Strings {
    lang: Lang::En,
    search: " Search ",
    results: "Results",
    preview: " Preview ",
    indexing: " First use: indexing the sample reports ",
    searching: " | searching...",
    query_unfinished: "query unfinished, results kept",
    find_prompt: "find: ",
    no_hits: "no report matches",
    filters: ["Year", "Type", "Province", "Failing", "Review"],
    all: "all",
    only: "only",
    review_states: ["unreviewed", "reviewed", "flagged"],
    apps_short: "apps",
    headline: ["new", "granted", "handled", "reviews+suits", "decisions"],
    flag_title: " Flag note (Enter save, empty clears, Esc cancel) ",
    help_title: " Help (j/k scroll, any other key closes) ",
    help_title_short: " Help (j/k) ",
    main_keys: "Enter open | ? help | q quit | Tab focus/filters | Up/Down move | / search | s stats | c compare",
    report_keys: "Esc back | n/p next/prev | 1-6 section | m reviewed | f flag | ? help | y copy | h/l scroll table | c compare",
    compare_title: "Compare",
    cross_year_checks: "cross-year checks",
    compare_keys: "Esc back | h/l scroll years | j/k scroll | y copy TSV | ? help",
    stats_title: "Stats",
    counting: "counting...",
    chart_title: "by year:",
    chart_hint: "(v next figure)",
    stats_keys: "Esc back | Tab/h/l group by | v chart figure | j/k scroll | y copy TSV",
    stats_headers: ["reports", "failing", "new", "granted", "handled", "rev+suits", "decisions"],
    chart_figures: ["applications new", "granted", "handled", "reviews+suits", "decisions", "reports"],
    untitled: "(untitled)",
    meta: ["year", "template", "published"],
    warning: "warning",
    help: &[
        ("typing", "goes to the search box; it searches as you type"),
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
    ],
};

/// Chinese.
pub static ZH: Strings = Strings {
    lang: Lang::Zh,
    search: " 搜索 ",
    results: "结果",
    preview: " 预览 ",
    indexing: " 首次使用：正在索引示例报告 ",
    searching: " | 搜索中…",
    query_unfinished: "查询未写完，保留上次结果",
    find_prompt: "查找：",
    no_hits: "无结果：没有匹配的报告",
    filters: ["年份", "类型", "省份", "检查未过", "审阅"],
    all: "全部",
    only: "仅",
    review_states: ["未审", "已审", "标记"],
    apps_short: "申请",
    headline: ["新收", "公开", "办结", "复议诉讼", "处理决定"],
    flag_title: " 标记备注（Enter 保存，留空清除，Esc 取消） ",
    help_title: " 帮助（j/k 滚动，其他键关闭） ",
    help_title_short: " 帮助 (j/k) ",
    main_keys: "Enter 打开 | ? 帮助 | q 退出 | Tab 焦点/筛选 | Up/Down 移动 | / 搜索 | s 统计 | c 对比",
    report_keys: "Esc 返回 | n/p 下一份/上一份 | 1-6 章节 | m 已审 | f 标记 | ? 帮助 | y 复制 | h/l 横移表格 | c 对比",
    compare_title: "对比",
    cross_year_checks: "跨年检查",
    compare_keys: "Esc 返回 | h/l 横移年份 | j/k 滚动 | y 复制 TSV | ? 帮助",
    stats_title: "统计",
    counting: "统计中…",
    chart_title: "按年：",
    chart_hint: "（v 换指标）",
    stats_keys: "Esc 返回 | Tab/h/l 分组 | v 图表指标 | j/k 滚动 | y 复制 TSV",
    stats_headers: ["报告数", "检查未过", "新收", "公开", "办结", "复议诉讼", "处理决定"],
    chart_figures: ["新收申请", "予以公开", "办理总计", "复议诉讼", "处理决定", "报告数"],
    untitled: "（无标题）",
    meta: ["年度", "模板", "发布"],
    warning: "提示",
    help: &[
        ("输入", "进入搜索框（可用输入法输入中文），随输随搜"),
        ("← → Home End", "搜索框：移动光标（Ctrl-a / Ctrl-e：行首 / 行尾）"),
        ("Ctrl-w  Ctrl-u", "搜索框：删除前一个词 / 光标前全部"),
        ("Up Down j k", "上下移动（j/k 在搜索框外；Ctrl-n / Ctrl-p 任何时候）"),
        ("Enter", "打开报告 / 选定筛选项的值"),
        ("o", "列表排序：相关度、年份、申请数"),
        ("s", "结果统计：按年份/类型/省份合计，按年图表"),
        ("c", "对比该机关各年度报告（y 复制，Esc 返回）"),
        ("Esc", "返回（离开搜索框，关闭报告）"),
        ("Tab", "切换焦点：搜索框、筛选栏、列表"),
        ("Left Right h l", "筛选栏：选择；报告：横移宽表格"),
        ("1-6", "报告：跳到第一至第六部分"),
        ("n  p  ] [", "报告：列表中下一份 / 上一份"),
        ("/  n N", "报告：查找文字；n / N 下一处 / 上一处"),
        ("m", "标为已审（再按取消）"),
        ("f", "标记报告并写简短备注"),
        ("g G", "到顶 / 到底"),
        ("PgUp/Dn b space", "上翻 / 下翻一页（筛选栏中 space 为选定）"),
        ("Ctrl-d Ctrl-u", "下翻 / 上翻半页（搜索框外）"),
        ("y", "把当前表格复制为 TSV（OSC 52，SSH 下也可用）"),
        ("/", "列表：聚焦搜索框；报告：查找文字"),
        ("? F1", "本帮助"),
        ("q  Ctrl-c", "退出（q 在搜索框外）"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_say_everything() {
        assert_eq!(EN.help.len(), ZH.help.len());
        for (e, z) in EN.help.iter().zip(ZH.help).skip(1) {
            assert_eq!(e.0.is_ascii(), z.0.is_ascii(), "key names stay English: {e:?} {z:?}");
        }
        // The hints list the same keys in the same order.
        for (e, z) in [(EN.main_keys, ZH.main_keys), (EN.report_keys, ZH.report_keys), (EN.stats_keys, ZH.stats_keys)] {
            let keys =
                |s: &str| s.split(" | ").map(|h| h.split(' ').next().unwrap_or("").to_string()).collect::<Vec<_>>();
            assert_eq!(keys(e), keys(z));
        }
        assert_eq!(ZH.reports(3), "3 份报告");
        assert_eq!(EN.reports(1), "1 report");
        assert_eq!(ZH.level_name(Level::Township), "乡镇级");
        assert!(ZH.msg(Msg::Gone(7)).contains("#7"));
    }
}
