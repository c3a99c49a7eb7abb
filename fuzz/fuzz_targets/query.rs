//! The query language (words, phrases, fields, figure comparisons): any text parses or is refused
//! with a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = gongkai_search::query::parse(text);
    for token in text.split_whitespace() {
        let _ = gongkai_search::query::figures::parse_comparison(token);
    }
    let _ = gongkai_search::query::Sort::from_name(text);
});
