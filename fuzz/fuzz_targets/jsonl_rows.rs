#![no_main]
//! `cargo +nightly fuzz run jsonl_rows`: see `fuzz/src/entries.rs` (`jsonl_rows`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| zhidu_fuzz::entries::jsonl_rows(data));
