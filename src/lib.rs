//! gongkai: parse, index and browse China's government information-disclosure annual reports
//! (政府信息公开工作年度报告).
//!
//! The layers are crates, and data flows one way: `gongkai-core` (load → parse → record, the
//! gazetteer, checks) → `gongkai-search` (index → query) → this crate (the CLI, the TUI and text
//! rendering). Their modules are re-exported here under their old paths. `src/main.rs` is a thin
//! binary. The record every layer shares is [`model::Report`], the JSON contract of `SCHEMA.md`.

pub use gongkai_core::{gazetteer, load, model, parse, schema, series};
pub use gongkai_search::{index, indexer, query};

pub mod cli;
pub mod config;
pub mod keys;
pub mod lang;
pub mod paths;
pub mod render;
pub mod ui;
