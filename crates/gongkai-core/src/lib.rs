//! gongkai-core: China's government information-disclosure annual reports (政府信息公开工作年度报告)
//! read into records — loading files (text in any common encoding, HTML, DOCX, PDF), parsing them
//! into [`model::Report`] (the JSON record of `SCHEMA.md`), the gazetteer of division codes, and the
//! consistency checks. It knows nothing of terminals or indexes: data flows one way, load → parse →
//! record, and the search and the views are built on it in other crates.
//!
//! ```
//! let text = "刘集镇人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本年度新收申请3件。\n";
//! let report = gongkai_core::parse::parse_text(text, "report.txt", "text", "utf-8").expect("a report");
//! assert_eq!(report.year, Some(2020));
//! assert_eq!(report.agency.as_deref(), Some("刘集镇"));
//! // Figures are read through the table schema's typed handles (this text has no tables).
//! use gongkai_core::schema::{AppCol, AppRow, FigureKey};
//! assert_eq!(report.figures.app(AppRow::New, AppCol::Total), None);
//! let key = FigureKey::parse("applications.new.total").expect("a figure of the schema");
//! assert_eq!(key.label(), "一、本年新收政府信息公开申请数量 · 总计");
//! ```

pub mod gazetteer;
pub mod load;
pub mod measure;
pub mod model;
pub mod parse;
pub mod schema;
pub mod series;
