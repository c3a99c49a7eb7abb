//! The parsed report record: the JSON contract of `shared/SCHEMA.md` (schema version 1).
//!
//! Plain data with serde derives and no I/O. The same record is printed by `parse --json`, stored in the
//! index, printed by `show --json` and flattened by `export`.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Version of the JSON contract written into every record.
pub const SCHEMA_VERSION: u32 = 1;

/// One parsed annual report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The path as given on the command line.
    pub source: String,
    /// `text`, `html` or `docx`.
    pub format: String,
    /// The detected encoding: `utf-8`, `gb18030`, `utf-16le`, `utf-16be`.
    pub encoding: String,
    /// Title lines joined, trimmed; `None` if the report has no title.
    pub title: Option<String>,
    /// The reporting unit's own name, without 人民政府/政府/办事处.
    pub agency: Option<String>,
    /// The name as the report prints it, when it does.
    pub agency_full: Option<String>,
    /// See [`AgencyType`].
    pub agency_type: AgencyType,
    /// Administrative level of the unit.
    pub level: Option<Level>,
    /// Where the unit sits, resolved with the gazetteer.
    pub region: Option<Region>,
    /// The year reported on.
    pub year: Option<i32>,
    /// Which standard format the tables follow.
    pub template: Template,
    /// The date printed on the report, ISO `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Contact details from the report's contact line.
    pub contact: Contact,
    /// Top-level sections in order.
    pub sections: Vec<Section>,
    /// Text before the first section heading (the report's lead paragraph).
    #[serde(default)]
    pub preamble: String,
    /// The three standard tables.
    pub figures: Figures,
    /// Consistency checks that could be computed.
    pub checks: Vec<Check>,
    /// Everything the parser read with doubt or left out.
    pub warnings: Vec<String>,
}

/// Kind of reporting unit (SCHEMA "Agency types").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgencyType {
    /// 乡 / 民族乡 / 苏木.
    Township,
    /// 镇.
    Town,
    /// 街道(办事处).
    Subdistrict,
    /// Government of a 县 / 自治县 / 县级市 / 市辖区 / 旗.
    County,
    /// Government of a 地级市 / 自治州 / 地区 / 盟.
    Prefecture,
    /// Government of a 省 / 自治区 / 直辖市.
    Province,
    /// Any government department or office at any level.
    Department,
    /// 开发区管委会 and the like.
    Other,
    /// Not known.
    #[default]
    Unknown,
}

impl AgencyType {
    /// Every type, in SCHEMA order.
    pub const ALL: [AgencyType; 9] = [
        AgencyType::Township,
        AgencyType::Town,
        AgencyType::Subdistrict,
        AgencyType::County,
        AgencyType::Prefecture,
        AgencyType::Province,
        AgencyType::Department,
        AgencyType::Other,
        AgencyType::Unknown,
    ];

    /// The SCHEMA name (`town`, `county` …).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyType::Township => "township",
            AgencyType::Town => "town",
            AgencyType::Subdistrict => "subdistrict",
            AgencyType::County => "county",
            AgencyType::Prefecture => "prefecture",
            AgencyType::Province => "province",
            AgencyType::Department => "department",
            AgencyType::Other => "other",
            AgencyType::Unknown => "unknown",
        }
    }

    /// The Chinese word users type for this type (乡, 镇, 街道, 县, 市, 省, 部门).
    #[must_use]
    pub fn chinese(self) -> &'static str {
        match self {
            AgencyType::Township => "乡",
            AgencyType::Town => "镇",
            AgencyType::Subdistrict => "街道",
            AgencyType::County => "县",
            AgencyType::Prefecture => "市",
            AgencyType::Province => "省",
            AgencyType::Department => "部门",
            AgencyType::Other => "其他",
            AgencyType::Unknown => "未知",
        }
    }

    /// Parses a SCHEMA name or a Chinese word.
    #[must_use]
    pub fn from_name(s: &str) -> Option<AgencyType> {
        let s = s.trim();
        AgencyType::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s) || t.chinese() == s).or(match s {
            "民族乡" | "苏木" => Some(AgencyType::Township),
            "街道办事处" | "办事处" => Some(AgencyType::Subdistrict),
            "区" | "县级市" | "旗" => Some(AgencyType::County),
            "地级市" | "州" | "地区" | "盟" => Some(AgencyType::Prefecture),
            "自治区" | "直辖市" => Some(AgencyType::Province),
            "局" | "委" | "办" | "厅" => Some(AgencyType::Department),
            _ => None,
        })
    }
}

/// Administrative level the unit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 省级.
    Province,
    /// 地级.
    Prefecture,
    /// 县级.
    County,
    /// 乡级.
    Township,
}

impl Level {
    /// All four, highest first.
    pub const ALL: [Level; 4] = [Level::Province, Level::Prefecture, Level::County, Level::Township];

    /// The level of a SCHEMA name.
    #[must_use]
    pub fn from_name(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The SCHEMA name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Township => "township",
        }
    }
}

/// Region resolved with the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Region {
    /// Canonical province name (安徽省).
    pub province: Option<String>,
    /// Canonical prefecture name (蚌埠市).
    pub city: Option<String>,
    /// Canonical county name (固镇县).
    pub county: Option<String>,
    /// Canonical township name (刘集镇), when the unit is or sits in one.
    #[serde(default)]
    pub township: Option<String>,
    /// Gazetteer code of the finest unit resolved: 2, 4, 6 or 9 digits.
    pub code: Option<String>,
    /// How many gazetteer places matched; more than one means ambiguous.
    pub candidates: u32,
}

/// Which standard format a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Template {
    /// Reports on 2019 and 2020.
    #[serde(rename = "2019")]
    T2019,
    /// Reports on 2021 onward.
    #[serde(rename = "2021")]
    T2021,
    /// Free-form reports on 2018 and before.
    #[serde(rename = "legacy")]
    Legacy,
    /// Not known.
    #[serde(rename = "unknown")]
    #[default]
    Unknown,
}

impl Template {
    /// The SCHEMA name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Template::T2019 => "2019",
            Template::T2021 => "2021",
            Template::Legacy => "legacy",
            Template::Unknown => "unknown",
        }
    }
}

/// Contact details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Contact {
    /// 地址.
    pub address: Option<String>,
    /// 邮编, six digits.
    pub postcode: Option<String>,
    /// 电话, normalized to `0552-6801005`.
    pub phone: Option<String>,
    /// 电子邮箱.
    pub email: Option<String>,
    /// 网址.
    pub website: Option<String>,
}

/// Kind of a top-level section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 总体情况.
    Overview,
    /// 主动公开政府信息情况.
    Active,
    /// 收到和处理政府信息公开申请情况.
    Applications,
    /// 政府信息公开行政复议、行政诉讼情况.
    Reviews,
    /// 存在的主要问题及改进情况.
    Problems,
    /// 其他需要报告的事项.
    OtherMatters,
    /// Anything else.
    Unknown,
}

impl SectionKind {
    /// The SCHEMA name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::Active => "active",
            SectionKind::Applications => "applications",
            SectionKind::Reviews => "reviews",
            SectionKind::Problems => "problems",
            SectionKind::OtherMatters => "other_matters",
            SectionKind::Unknown => "unknown",
        }
    }
}

/// One top-level section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The numeral as printed (一, 2, …), or `None` for a bare heading.
    pub number: Option<String>,
    /// The heading without its numeral.
    pub title: String,
    /// What the section is about.
    pub kind: SectionKind,
    /// Body text, lines joined with `\n` (table cells left out).
    pub text: String,
}

/// A figure: an integer, or a decimal for amounts in 万元.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Figure {
    /// A count.
    Int(i64),
    /// An amount (万元).
    Dec(f64),
}

impl Figure {
    /// The value as f64, for sums and comparisons.
    #[must_use]
    pub fn as_f64(self) -> f64 {
        match self {
            Figure::Int(i) => i as f64,
            Figure::Dec(d) => d,
        }
    }

    /// The value as an integer when it is one.
    #[must_use]
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Figure::Int(i) => Some(i),
            Figure::Dec(d) if d.fract() == 0.0 && d.abs() < 9.0e15 => Some(d as i64),
            Figure::Dec(_) => None,
        }
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Figure::Int(i) => write!(f, "{i}"),
            Figure::Dec(d) => write!(f, "{d}"),
        }
    }
}

/// One row of a table: column key → value (`None` when the cell is blank or unreadable).
pub type FigureRow = IndexMap<String, Option<Figure>>;
/// One table: row key → row, in the table's canonical order.
pub type FigureTable = IndexMap<String, FigureRow>;

/// The three standard tables; each `None` when absent from the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Figures {
    /// 主动公开政府信息情况.
    pub active: Option<FigureTable>,
    /// 收到和处理政府信息公开申请情况.
    pub applications: Option<FigureTable>,
    /// 政府信息公开行政复议、行政诉讼情况.
    pub reviews: Option<FigureTable>,
}

/// One consistency check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// `applications.balance` …
    pub id: String,
    /// Whether the equation holds.
    pub ok: bool,
    /// Names the first offending row/column and both sides.
    pub detail: String,
    /// Where the first failing equation looks, as keys (additions SCHEMA allows): the table
    /// (`applications`, `reviews`) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// … its row key (`total`, `review`), when the equation names one row …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// … and its column key (`natural_person`, `total`), when it names one column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// For a check across years (`series.*`): the source of the other report it compares with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// A finding to note rather than an error (`series.normative_docs`: other changes exist), so a
    /// report is not counted as failing for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub note: bool,
}

impl Check {
    /// A check with no place (a passing one, or one about the whole report).
    #[must_use]
    pub fn new(id: &str, ok: bool, detail: String) -> Check {
        Check { id: id.to_string(), ok, detail, table: None, row: None, column: None, other: None, note: false }
    }
}

impl Report {
    /// An empty record for `source`, before parsing fills it in.
    #[must_use]
    pub fn empty(source: &str, format: &str, encoding: &str) -> Report {
        Report {
            schema: SCHEMA_VERSION,
            source: source.to_string(),
            format: format.to_string(),
            encoding: encoding.to_string(),
            title: None,
            agency: None,
            agency_full: None,
            agency_type: AgencyType::Unknown,
            level: None,
            region: None,
            year: None,
            template: Template::Unknown,
            published: None,
            contact: Contact::default(),
            sections: Vec::new(),
            preamble: String::new(),
            figures: Figures::default(),
            checks: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Whether any computed check failed (notes aside).
    #[must_use]
    pub fn has_failing_check(&self) -> bool {
        self.checks.iter().any(|c| !c.ok && !c.note)
    }
}
