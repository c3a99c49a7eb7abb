//! The parser on any text (already decoded): never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = gongkai_core::parse::parse_text(text, "fuzz.txt", "text", "utf-8");
});
