#![no_main]
//! `cargo +nightly fuzz run decide`: see `fuzz/src/entries.rs` (`decide`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::decide(data));
