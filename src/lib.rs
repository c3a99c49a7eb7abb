//! gongkai: parse, index and browse China's government information-disclosure annual reports
//! (政府信息公开工作年度报告).
//!
//! The library holds everything; `src/main.rs` is a thin binary. The record every layer shares is
//! [`model::Report`], the JSON contract of `SCHEMA.md`.

pub mod cli;
pub mod gazetteer;
pub mod index;
pub mod indexer;
pub mod load;
pub mod model;
pub mod parse;
pub mod query;
pub mod render;
pub mod ui;
