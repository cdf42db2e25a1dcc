#![no_main]
//! `cargo +nightly fuzz run assess`: see `fuzz/src/entries.rs` (`assess`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::assess(data));
