#![no_main]
//! `cargo +nightly fuzz run kinds`: see `fuzz/src/entries.rs` (`kinds`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::kinds(data));
