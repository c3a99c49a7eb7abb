//! The three standard tables, defined once: rows (key, printed label, the words that recognise it,
//! order, which template has it), columns (key, header, short header, unit) and typed handles for both.
//!
//! The parser's label matching, the renderer, the index's figure fields, `export`'s columns and the
//! checks all read this module; `gongkai schema --json` prints it for outside tools (the sample
//! generator under `tools/` reads that file). The keys are SCHEMA.md's names.

use serde::Serialize;

use crate::model::{Check, Figure, FigureTable, Figures, Template};

/// Which of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// 主动公开政府信息情况.
    Active,
    /// 收到和处理政府信息公开申请情况.
    Applications,
    /// 政府信息公开行政复议、行政诉讼情况.
    Reviews,
}

impl Table {
    /// All three, in report order.
    pub const ALL: [Table; 3] = [Table::Active, Table::Applications, Table::Reviews];

    /// The SCHEMA key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Table::Active => "active",
            Table::Applications => "applications",
            Table::Reviews => "reviews",
        }
    }

    /// The table's Chinese title (as the TUI heads it).
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Table::Active => "主动公开政府信息情况",
            Table::Applications => "收到和处理政府信息公开申请情况",
            Table::Reviews => "行政复议、行政诉讼情况",
        }
    }

    /// The table a SCHEMA key names.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Its rows, in the template's order (both templates' rows; see [`RowDef::in_template`]).
    #[must_use]
    pub fn rows(self) -> &'static [RowDef] {
        match self {
            Table::Active => &ACTIVE_ROWS,
            Table::Applications => &APP_ROWS,
            Table::Reviews => &REVIEW_ROWS,
        }
    }

    /// Its columns. The active table's rows use subsets of them, by template.
    #[must_use]
    pub fn columns(self) -> &'static [ColumnDef] {
        match self {
            Table::Active => &ACTIVE_COLUMNS,
            Table::Applications => &APP_COLUMNS,
            Table::Reviews => &REVIEW_COLUMNS,
        }
    }

    /// The row with this key.
    #[must_use]
    pub fn row(self, key: &str) -> Option<&'static RowDef> {
        self.rows().iter().find(|r| r.key == key)
    }

    /// The column with this key.
    #[must_use]
    pub fn column(self, key: &str) -> Option<&'static ColumnDef> {
        self.columns().iter().find(|c| c.key == key)
    }

    /// The table of a record.
    #[must_use]
    pub fn of(self, figures: &Figures) -> Option<&FigureTable> {
        match self {
            Table::Active => figures.active.as_ref(),
            Table::Applications => figures.applications.as_ref(),
            Table::Reviews => figures.reviews.as_ref(),
        }
    }
}

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of items, documents, decisions or applications (an integer; `change` may be negative).
    Count,
    /// An amount in 万元 (a decimal).
    WanYuan,
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ColumnDef {
    /// SCHEMA key (`natural_person`).
    pub key: &'static str,
    /// The template's header (商业企业).
    pub header: &'static str,
    /// A short header for narrow screens (商业).
    pub short: &'static str,
    /// What it counts.
    pub unit: Unit,
    /// Words that identify the column in a printed header, any one enough.
    pub words: &'static [&'static str],
}

/// How a row appears in one template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Layout {
    /// The label the template prints.
    pub label: &'static str,
    /// The row's column keys in order.
    pub columns: &'static [&'static str],
}

/// One row of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RowDef {
    /// SCHEMA key (`denied_law`).
    pub key: &'static str,
    /// The label the record's readers show (the 2021 template's where they differ).
    pub label: &'static str,
    /// The template's full wording, where the printed label is often cut short.
    pub full: &'static str,
    /// The group heading the row sits under (（三）不予公开), if any.
    pub group: Option<&'static str>,
    /// Words that identify the row in a printed label, any one enough (the parser's own order of
    /// trying rows is [`crate::parse::labels`]'s).
    pub words: &'static [&'static str],
    /// One of the outcome rows that add up to （七）总计.
    pub outcome: bool,
    /// In the 2019 template (`None`: not there).
    pub t2019: Option<Layout>,
    /// In the 2021 template.
    pub t2021: Option<Layout>,
}

impl RowDef {
    /// The row's layout in a template (2019's for 2019, legacy and unknown reports).
    #[must_use]
    pub fn layout(&self, template: Template) -> Option<&Layout> {
        if template == Template::T2021 { self.t2021.as_ref() } else { self.t2019.as_ref() }
    }

    /// Whether the template has this row.
    #[must_use]
    pub fn in_template(&self, template: Template) -> bool {
        self.layout(template).is_some()
    }
}

const fn col(
    key: &'static str,
    header: &'static str,
    short: &'static str,
    words: &'static [&'static str],
) -> ColumnDef {
    ColumnDef { key, header, short, unit: Unit::Count, words }
}

const APP_COLUMN_KEYS: &[&str] =
    &["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"];
const REVIEW_COLUMN_KEYS: &[&str] = &["upheld", "corrected", "other", "pending", "total"];

/// A row of the applications or reviews table: the same in both templates.
const fn both(
    key: &'static str,
    label: &'static str,
    full: &'static str,
    group: Option<&'static str>,
    outcome: bool,
    words: &'static [&'static str],
    columns: &'static [&'static str],
) -> RowDef {
    let l = Layout { label, columns };
    RowDef { key, label, full, group, words, outcome, t2019: Some(l), t2021: Some(l) }
}

/// A row of the applications table.
const fn app(
    key: &'static str,
    label: &'static str,
    group: Option<&'static str>,
    outcome: bool,
    words: &'static [&'static str],
) -> RowDef {
    both(key, label, label, group, outcome, words, APP_COLUMN_KEYS)
}

/// The row as only the 2019 template has it.
const fn in_2019(r: RowDef) -> RowDef {
    RowDef { t2021: None, ..r }
}

/// The row as only the 2021 template has it.
const fn in_2021(r: RowDef) -> RowDef {
    RowDef { t2019: None, ..r }
}

const DENIED: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const REJECTED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");

/// The applications table's rows in the template's order.
pub static APP_ROWS: [RowDef; 26] = [
    app("new", "一、本年新收政府信息公开申请数量", None, false, &["本年新收", "新收到", "本年收到"]),
    app("carried_over", "二、上年结转政府信息公开申请数量", None, false, &["上年结转", "上年度结转"]),
    app("granted", "（一）予以公开", None, true, &["予以公开"]),
    both(
        "partial",
        "（二）部分公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        None,
        true,
        &["部分公开"],
        APP_COLUMN_KEYS,
    ),
    app("denied_state_secret", "（三）1.属于国家秘密", DENIED, true, &["国家秘密"]),
    app(
        "denied_law",
        "（三）2.其他法律行政法规禁止公开",
        DENIED,
        true,
        &["法规禁止公开", "法律行政法规禁止", "法律法规禁止"],
    ),
    app("denied_security_stability", "（三）3.危及“三安全一稳定”", DENIED, true, &["三安全一稳定", "安全一稳定"]),
    app("denied_third_party", "（三）4.保护第三方合法权益", DENIED, true, &["第三方"]),
    app("denied_internal", "（三）5.属于三类内部事务信息", DENIED, true, &["内部事务"]),
    app("denied_process", "（三）6.属于四类过程性信息", DENIED, true, &["过程性"]),
    app("denied_enforcement_file", "（三）7.属于行政执法案卷", DENIED, true, &["执法案卷", "法案卷"]),
    app("denied_query", "（三）8.属于行政查询事项", DENIED, true, &["行政查询", "查询事项"]),
    app("unable_not_held", "（四）1.本机关不掌握相关政府信息", UNABLE, true, &["不掌握"]),
    app("unable_needs_creation", "（四）2.没有现成信息需要另行制作", UNABLE, true, &["另行制作", "没有现成", "需另行"]),
    app("unable_unclear", "（四）3.补正后申请内容仍不明确", UNABLE, true, &["不明确"]),
    app("rejected_petition", "（五）1.信访举报投诉类申请", REJECTED, true, &["信访", "举报投诉"]),
    app("rejected_duplicate", "（五）2.重复申请", REJECTED, true, &["重复申请"]),
    app("rejected_publication", "（五）3.要求提供公开出版物", REJECTED, true, &["出版物"]),
    app("rejected_excessive", "（五）4.无正当理由大量反复申请", REJECTED, true, &["大量反复", "反复申请"]),
    app(
        "rejected_confirm",
        "（五）5.要求行政机关确认或重新出具已获取信息",
        REJECTED,
        true,
        &["重新出具", "确认或", "要求行政机关确认"],
    ),
    // （六）: one row in 2019, three in 2021 (a 2021 report printing the single row keeps it in `other`).
    in_2019(app("other", "（六）其他处理", None, true, &["其他处理"])),
    in_2021(both(
        "other_no_correction",
        "（六）1.申请人无正当理由逾期不补正",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OTHER,
        true,
        &["不补正"],
        APP_COLUMN_KEYS,
    )),
    in_2021(both(
        "other_no_fee",
        "（六）2.申请人逾期未按收费通知要求缴纳费用",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OTHER,
        true,
        &["缴纳费用", "收费通知", "未按收费"],
        APP_COLUMN_KEYS,
    )),
    in_2021(app("other_misc", "（六）3.其他", OTHER, true, &[])),
    app("total", "（七）总计", None, false, &["总计", "合计"]),
    app("carried_forward", "四、结转下年度继续办理", None, false, &["结转下年", "下年度继续", "转下年度"]),
];

/// The applications table's applicant columns.
pub static APP_COLUMNS: [ColumnDef; 7] = [
    col("natural_person", "自然人", "自然人", &["自然人"]),
    col("commercial", "商业企业", "商业", &["商业企业"]),
    col("research", "科研机构", "科研", &["科研机构"]),
    col("social_org", "社会公益组织", "公益", &["社会公益"]),
    col("legal_service", "法律服务机构", "法律", &["法律服务"]),
    col("other_org", "其他", "其他", &[]),
    col("total", "总计", "总计", &["总计"]),
];

/// A row of the reviews table (a group of five results).
const fn review(key: &'static str, label: &'static str, words: &'static [&'static str]) -> RowDef {
    both(key, label, label, None, false, words, REVIEW_COLUMN_KEYS)
}

/// The reviews table's groups.
pub static REVIEW_ROWS: [RowDef; 3] = [
    review("review", "行政复议", &["行政复议", "行政法复议"]),
    review("litigation_direct", "行政诉讼·未经复议直接起诉", &["直接起诉", "未经复议"]),
    review("litigation_after_review", "行政诉讼·复议后起诉", &["复议后起诉"]),
];

/// The reviews table's columns (each group has all five).
pub static REVIEW_COLUMNS: [ColumnDef; 5] = [
    col("upheld", "结果维持", "维持", &["维持"]),
    col("corrected", "结果纠正", "纠正", &["纠正"]),
    col("other", "其他结果", "其他", &["其他"]),
    col("pending", "尚未审结", "未结", &["审结", "未结"]),
    col("total", "总计", "总计", &["总计", "合计", "小计"]),
];

const DOCS_2019: &[&str] = &["new_made", "new_published", "total"];
const DOCS_2021: &[&str] = &["issued", "repealed", "in_force"];
const ITEMS_2019: &[&str] = &["prev_items", "change", "decisions"];
const DECISIONS: &[&str] = &["decisions"];

/// A row of the active table.
const fn active(
    key: &'static str,
    words: &'static [&'static str],
    t2019: Option<Layout>,
    t2021: Option<Layout>,
) -> RowDef {
    let label = match (t2021, t2019) {
        (Some(l), _) | (None, Some(l)) => l.label,
        (None, None) => "",
    };
    RowDef { key, label, full: label, group: None, words, outcome: false, t2019, t2021 }
}

const fn lay(label: &'static str, columns: &'static [&'static str]) -> Option<Layout> {
    Some(Layout { label, columns })
}

/// The active table's rows, 2019's order (2021 keeps the order and drops two rows).
pub static ACTIVE_ROWS: [RowDef; 8] = [
    active("regulations", &["规章"], lay("规章", DOCS_2019), lay("规章", DOCS_2021)),
    active("normative_docs", &["规范性文件"], lay("规范性文件", DOCS_2019), lay("行政规范性文件", DOCS_2021)),
    active("licensing", &["行政许可"], lay("行政许可", ITEMS_2019), lay("行政许可", DECISIONS)),
    active("other_services", &["其他对外管理服务", "对外管理服务"], lay("其他对外管理服务事项", ITEMS_2019), None),
    active("penalties", &["行政处罚"], lay("行政处罚", ITEMS_2019), lay("行政处罚", DECISIONS)),
    active("enforcement", &["行政强制"], lay("行政强制", ITEMS_2019), lay("行政强制", DECISIONS)),
    active(
        "fees",
        &["事业性收费", "行政收费"],
        lay("行政事业性收费", &["prev_items", "change"]),
        lay("行政事业性收费", &["amount"]),
    ),
    active("procurement", &["集中采购", "政府采购"], lay("政府集中采购", &["items", "amount"]), None),
];

/// The active table's columns.
pub static ACTIVE_COLUMNS: [ColumnDef; 11] = [
    col("new_made", "本年新制作数量", "新制作", &["新制作"]),
    col("new_published", "本年新公开数量", "新公开", &["新公开"]),
    col("total", "对外公开总数量", "公开总数", &["对外公开总", "公开总数"]),
    col("prev_items", "上一年项目数量", "上年项目", &["上一年项目", "上年项目"]),
    col("change", "本年增/减", "增减", &["增/减", "增减", "增（减）"]),
    col("decisions", "处理决定数量", "决定", &["处理决定"]),
    col("items", "采购项目数量", "采购项", &["采购项目"]),
    ColumnDef {
        key: "amount",
        header: "金额(万元)",
        short: "万元",
        unit: Unit::WanYuan,
        words: &["采购总金额", "收费金额"],
    },
    col("issued", "本年制发件数", "制发", &["制发"]),
    col("repealed", "本年废止件数", "废止", &["废止"]),
    col("in_force", "现行有效件数", "现行有效", &["现行有效"]),
];

/// Typed handles for the rows and columns code names, so a key is never typed as a string: each is
/// checked against the tables above by a test.
macro_rules! handles {
    ($(#[$m:meta])* $name:ident, $table:expr, $defs:ident, { $($(#[$vm:meta])* $v:ident = $i:expr),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $v),* }
        impl $name {
            /// Every one, in the table's order.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            /// Its table.
            pub const TABLE: Table = $table;
            fn index(self) -> usize {
                match self { $($name::$v => $i),* }
            }
            /// SCHEMA key.
            #[must_use]
            pub fn key(self) -> &'static str {
                $defs[self.index()].key
            }
        }
    };
}

handles!(
    /// A row of the applications table.
    AppRow, Table::Applications, APP_ROWS, {
        /// 一、本年新收.
        New = 0,
        /// 二、上年结转.
        CarriedOver = 1,
        /// （一）予以公开.
        Granted = 2,
        /// （二）部分公开.
        Partial = 3,
        /// （六）其他处理 as one row (2019).
        Other = 20,
        /// （六）1.申请人无正当理由逾期不补正 (2021).
        OtherNoCorrection = 21,
        /// （六）2.申请人逾期未按收费通知要求缴纳费用 (2021).
        OtherNoFee = 22,
        /// （六）3.其他 (2021).
        OtherMisc = 23,
        /// （七）总计.
        Total = 24,
        /// 四、结转下年度继续办理.
        CarriedForward = 25,
    }
);

handles!(
    /// An applicant column.
    AppCol, Table::Applications, APP_COLUMNS, {
        /// 自然人.
        NaturalPerson = 0,
        /// 其他 (organisations).
        OtherOrg = 5,
        /// 总计.
        Total = 6,
    }
);

handles!(
    /// A group of the reviews table.
    ReviewRow, Table::Reviews, REVIEW_ROWS, {
        /// 行政复议.
        Review = 0,
        /// 行政诉讼·未经复议直接起诉.
        LitigationDirect = 1,
        /// 行政诉讼·复议后起诉.
        LitigationAfterReview = 2,
    }
);

handles!(
    /// A result column of the reviews table.
    ReviewCol, Table::Reviews, REVIEW_COLUMNS, {
        /// 结果维持.
        Upheld = 0,
        /// 结果纠正.
        Corrected = 1,
        /// 其他结果.
        Other = 2,
        /// 尚未审结.
        Pending = 3,
        /// 总计.
        Total = 4,
    }
);

handles!(
    /// A row of the active table.
    ActiveRow, Table::Active, ACTIVE_ROWS, {
        /// 规章.
        Regulations = 0,
        /// (行政)规范性文件.
        NormativeDocs = 1,
        /// 行政许可.
        Licensing = 2,
        /// 其他对外管理服务事项 (2019).
        OtherServices = 3,
        /// 行政处罚.
        Penalties = 4,
        /// 行政强制.
        Enforcement = 5,
        /// 行政事业性收费.
        Fees = 6,
        /// 政府集中采购 (2019).
        Procurement = 7,
    }
);

handles!(
    /// A column of the active table.
    ActiveCol, Table::Active, ACTIVE_COLUMNS, {
        /// 本年新制作数量 (2019).
        NewMade = 0,
        /// 本年新公开数量 (2019).
        NewPublished = 1,
        /// 对外公开总数量 (2019).
        Total = 2,
        /// 上一年项目数量 (2019).
        PrevItems = 3,
        /// 本年增/减 (2019).
        Change = 4,
        /// 处理决定数量.
        Decisions = 5,
        /// 采购项目数量 (2019).
        Items = 6,
        /// 金额(万元).
        Amount = 7,
        /// 本年制发件数 (2021).
        Issued = 8,
        /// 本年废止件数 (2021).
        Repealed = 9,
        /// 现行有效件数 (2021).
        InForce = 10,
    }
);

/// One figure of a record, by table, row and column: `applications.new.total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FigureKey {
    /// The table.
    pub table: Table,
    /// The row.
    pub row: &'static RowDef,
    /// The column.
    pub column: &'static ColumnDef,
}

impl FigureKey {
    /// Parses `table.row.column` (SCHEMA keys); `None` unless all three name a figure of the
    /// schema (an active row and column that no template pairs are refused).
    #[must_use]
    pub fn parse(s: &str) -> Option<FigureKey> {
        let mut parts = s.trim().splitn(3, '.');
        let table = Table::from_key(parts.next()?)?;
        let row = table.row(parts.next()?)?;
        let column = table.column(parts.next()?)?;
        let paired = [row.t2019, row.t2021].iter().flatten().any(|l| l.columns.contains(&column.key));
        paired.then_some(FigureKey { table, row, column })
    }

    /// An applications figure.
    #[must_use]
    pub fn app(row: AppRow, column: AppCol) -> FigureKey {
        FigureKey { table: Table::Applications, row: &APP_ROWS[row.index()], column: &APP_COLUMNS[column.index()] }
    }

    /// A reviews figure.
    #[must_use]
    pub fn review(row: ReviewRow, column: ReviewCol) -> FigureKey {
        FigureKey { table: Table::Reviews, row: &REVIEW_ROWS[row.index()], column: &REVIEW_COLUMNS[column.index()] }
    }

    /// An active-table figure.
    #[must_use]
    pub fn active(row: ActiveRow, column: ActiveCol) -> FigureKey {
        FigureKey { table: Table::Active, row: &ACTIVE_ROWS[row.index()], column: &ACTIVE_COLUMNS[column.index()] }
    }

    /// Every figure the schema has, table by table, row by row (a column once per row).
    #[must_use]
    pub fn all() -> Vec<FigureKey> {
        let mut out = Vec::new();
        for table in Table::ALL {
            for row in table.rows() {
                for column in table.columns() {
                    let paired = [row.t2019, row.t2021].iter().flatten().any(|l| l.columns.contains(&column.key));
                    if paired {
                        out.push(FigureKey { table, row, column });
                    }
                }
            }
        }
        out
    }

    /// `table.row.column`.
    #[must_use]
    pub fn name(&self) -> String {
        format!("{}.{}.{}", self.table.key(), self.row.key, self.column.key)
    }

    /// A readable Chinese name: the row's label and the column's header.
    #[must_use]
    pub fn label(&self) -> String {
        format!("{} · {}", self.row.label, self.column.header)
    }
}

impl Figures {
    /// One figure, `None` when its table is absent or the cell is null.
    #[must_use]
    pub fn value(&self, key: FigureKey) -> Option<Figure> {
        key.table.of(self)?.get(key.row.key)?.get(key.column.key).copied().flatten()
    }

    /// An applications figure as an integer.
    #[must_use]
    pub fn app(&self, row: AppRow, column: AppCol) -> Option<i64> {
        self.value(FigureKey::app(row, column)).and_then(Figure::as_i64)
    }

    /// A reviews figure as an integer.
    #[must_use]
    pub fn review(&self, row: ReviewRow, column: ReviewCol) -> Option<i64> {
        self.value(FigureKey::review(row, column)).and_then(Figure::as_i64)
    }

    /// An active-table figure.
    #[must_use]
    pub fn active(&self, row: ActiveRow, column: ActiveCol) -> Option<Figure> {
        self.value(FigureKey::active(row, column))
    }
}

/// The template whose active-table rows a table holds: 2019's when it has a row only 2019 has
/// (a 2021-dated report printed on the old form), else the report's.
#[must_use]
pub fn active_template(t: &FigureTable, template: Template) -> Template {
    let old_row = ACTIVE_ROWS.iter().any(|r| r.t2021.is_none() && t.contains_key(r.key));
    if old_row { Template::T2019 } else { template }
}

impl Check {
    /// The table a check looks at, typed (the record keeps its SCHEMA key).
    #[must_use]
    pub fn place_table(&self) -> Option<Table> {
        self.table.as_deref().and_then(Table::from_key)
    }
}

/// The schema as JSON, for `gongkai schema --json` and the sample generator.
#[must_use]
pub fn to_json() -> serde_json::Value {
    let tables: Vec<serde_json::Value> = Table::ALL
        .iter()
        .map(|t| {
            serde_json::json!({
                "key": t.key(),
                "title": t.title(),
                "columns": t.columns(),
                "rows": t.rows(),
            })
        })
        .collect();
    serde_json::json!({ "schema": crate::model::SCHEMA_VERSION, "tables": tables })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_name_their_rows() {
        let names: Vec<&str> = AppRow::ALL.iter().map(|r| r.key()).collect();
        assert_eq!(
            names,
            [
                "new",
                "carried_over",
                "granted",
                "partial",
                "other",
                "other_no_correction",
                "other_no_fee",
                "other_misc",
                "total",
                "carried_forward"
            ]
        );
        assert_eq!(ActiveCol::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(), ACTIVE_COLUMNS.map(|c| c.key));
        assert_eq!(AppCol::OtherOrg.key(), "other_org");
        assert_eq!(ReviewCol::ALL.iter().map(|c| c.key()).collect::<Vec<_>>(), REVIEW_COLUMN_KEYS);
        assert_eq!(ActiveRow::ALL.len(), ACTIVE_ROWS.len());
        assert_eq!(ActiveCol::InForce.key(), "in_force");
        assert_eq!(ActiveCol::Amount.key(), "amount");
    }

    #[test]
    fn keys_are_unique_and_layouts_name_real_columns() {
        for t in Table::ALL {
            let mut rows: Vec<&str> = t.rows().iter().map(|r| r.key).collect();
            rows.sort_unstable();
            rows.dedup();
            assert_eq!(rows.len(), t.rows().len(), "{t:?}");
            for r in t.rows() {
                for l in [r.t2019, r.t2021].iter().flatten() {
                    for c in l.columns {
                        assert!(t.column(c).is_some(), "{t:?} {} {c}", r.key);
                    }
                }
            }
        }
    }

    #[test]
    fn figure_keys_parse_and_refuse() {
        let k = FigureKey::parse("applications.new.total").map(|k| k.name());
        assert_eq!(k.as_deref(), Some("applications.new.total"));
        assert!(FigureKey::parse("reviews.review.corrected").is_some());
        assert!(FigureKey::parse("active.licensing.decisions").is_some());
        assert!(FigureKey::parse("active.procurement.in_force").is_none());
        assert!(FigureKey::parse("applications.new").is_none());
        assert!(FigureKey::parse("applications.nope.total").is_none());
        assert_eq!(FigureKey::all().len(), 26 * 7 + 3 * 5 + 29);
    }

    #[test]
    fn figures_by_handle() {
        let mut f = Figures::default();
        let mut row = crate::model::FigureRow::new();
        row.insert("total".into(), Some(Figure::Int(5)));
        f.applications = Some(FigureTable::from([("new".to_string(), row)]));
        assert_eq!(f.app(AppRow::New, AppCol::Total), Some(5));
        assert_eq!(f.app(AppRow::Total, AppCol::Total), None);
        assert_eq!(f.review(ReviewRow::Review, ReviewCol::Total), None);
    }
}
