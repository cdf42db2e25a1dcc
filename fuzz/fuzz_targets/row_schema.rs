#![no_main]
//! `cargo +nightly fuzz run row_schema`: see `fuzz/src/entries.rs` (`row_schema`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::row_schema(data));
