#![no_main]
//! `cargo +nightly fuzz run clock`: see `fuzz/src/entries.rs` (`clock`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::clock(data));
