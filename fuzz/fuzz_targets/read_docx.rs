//! The docx reader, then the parser on what it read: any bytes, never a panic, a hang or a runaway
//! allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = gongkai_core::load::load_bytes(data, "fuzz.docx") {
        let _ = gongkai_core::parse::parse_source(&src, "fuzz.docx");
    }
});
