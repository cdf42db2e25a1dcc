//! What every end-to-end test of the binary shares: running it.

use std::process::{Command, Output};

/// Run the `zhidu` binary with `args`, in English whatever the machine's locale (the tests
/// match English messages).
pub fn zhidu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhidu"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}
