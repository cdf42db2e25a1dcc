//! The identity of the rules that gave an answer: a policy's id, version and first day in
//! force, and the content hash of the files of its set, so that two answers can always be
//! traced to the rules behind them (issue #17, point 5).
//!
//! The hash is SHA-256 over the files' bytes as they were given, independent of their names
//! and of the order they were loaded in: each file's SHA-256 is taken, the hex digests are
//! sorted, and the hash is the SHA-256 of the sorted digests, each followed by `\n`. It is
//! a hash of bytes, not of meaning: reformatting a file (a comment, a blank line, CRLF for
//! LF) changes it, as the bytes a centre keeps under version control changed. A set that
//! counts in a builtin calendar it does not ship adds that calendar file's digest, since the
//! calendar's days are part of every due date.

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The identity of the rules an answer was computed under.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin()?;
/// let stamp = ps.policy("s2-service-center")?.stamp();
/// assert_eq!((stamp.policy.as_str(), stamp.version.as_str()), ("s2-service-center", "2023-10-23"));
/// assert_eq!(stamp.effective_from.to_string(), "2004-01-01");
/// assert_eq!(stamp.hash, ps.content_hash());
/// assert_eq!(stamp.hash.len(), 64);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Stamp {
    /// The policy's id.
    pub policy: String,
    /// Its version string.
    pub version: String,
    /// The first day it is in force.
    pub effective_from: NaiveDate,
    /// SHA-256 of the set's files (lowercase hex, 64 digits; see [`crate::PolicySet::content_hash`]).
    pub hash: String,
}

impl core::fmt::Display for Stamp {
    /// `s2-service-center 2023-10-23 (2004-01-01) sha256:…`: id, version, first day in force
    /// and the hash in full (no words, so the same in every language).
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let text = ps.policy("s2-service-center")?.stamp().to_string();
    /// assert!(text.starts_with("s2-service-center 2023-10-23 (2004-01-01) sha256:"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} {} ({}) sha256:{}",
            self.policy, self.version, self.effective_from, self.hash
        )
    }
}

/// The lowercase hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The set hash of files whose own digests are `digests` (in any order).
pub(crate) fn set_hash(mut digests: Vec<String>) -> String {
    digests.sort();
    let mut h = Sha256::new();
    for d in &digests {
        h.update(d.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    use core::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digest of the empty string, from FIPS 180-2's test vectors (well known).
    #[test]
    fn sha256_of_nothing() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn set_hash_ignores_order() {
        let (a, b) = (sha256_hex(b"a"), sha256_hex(b"b"));
        assert_eq!(
            set_hash(vec![a.clone(), b.clone()]),
            set_hash(vec![b.clone(), a.clone()])
        );
        assert_ne!(set_hash(vec![a.clone()]), set_hash(vec![a, b]));
    }
}
