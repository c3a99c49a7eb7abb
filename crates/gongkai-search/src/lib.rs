//! gongkai-search: the tantivy index of report records — the Chinese tokenizer (bigrams and single
//! characters, so no substring is missed), the schema and its fields, the incremental indexer, and
//! queries with filters, facet counts and snippets. Built on `gongkai-core`; knows nothing of
//! terminals.

pub mod index;
pub mod indexer;
pub mod query;
