#![no_main]
//! `cargo +nightly fuzz run loader`: see `fuzz/src/entries.rs` (`loader`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::loader(data));
