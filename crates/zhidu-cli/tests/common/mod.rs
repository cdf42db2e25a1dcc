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

/// The list and the stamp of a list answer's `--format json` envelope (issue #17): exactly
/// `{"<noun>": [...], "stamp": {...}}`, the list a JSON array and the stamp's hash 64 hex
/// digits.
#[allow(dead_code, reason = "each test file uses a part of the shared helpers")]
pub fn listed(json: &str, noun: &str) -> (serde_json::Value, serde_json::Value) {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    let mut want = vec![noun.to_owned(), "stamp".to_owned()];
    want.sort();
    assert_eq!(keys, want, "the envelope of a list answer");
    assert!(v[noun].is_array(), "`{noun}` is the list");
    let hash = v["stamp"]["hash"].as_str().unwrap();
    assert!(hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    (v[noun].take(), v["stamp"].take())
}

/// The stamp a builtin policy's answers carry, as JSON: the policy's id, version and first
/// day in force, and the builtin set's content hash.
#[allow(dead_code, reason = "each test file uses a part of the shared helpers")]
pub fn builtin_stamp(policy: &str) -> serde_json::Value {
    let set = zhidu::PolicySet::builtin().unwrap();
    let stamp = serde_json::to_value(set.policy(policy).unwrap().stamp()).unwrap();
    assert_eq!(stamp["hash"], set.content_hash());
    stamp
}
