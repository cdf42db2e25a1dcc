#![no_main]
//! `cargo +nightly fuzz run csv_rows`: see `fuzz/src/entries.rs` (`csv_rows`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::csv_rows(data));
