//! The fuzz targets' entry functions, one per target, shared with the stable regression test
//! `crates/zhidu/tests/fuzz_regressions.rs` (which includes `entries.rs` by path).

pub mod entries;
