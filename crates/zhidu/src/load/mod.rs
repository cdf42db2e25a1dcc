//! The loader's reading layer, below every domain: policy files from disk ([`walk`], the
//! only I/O in the core), TOML text with spans for diagnostics ([`document`]), the serde
//! shapes of every section ([`raw`]) and the value checks they share ([`fields`]). Each
//! domain compiles its own sections from these; [`crate::policy`] assembles the results.

pub(crate) mod document;
pub(crate) mod fields;
pub(crate) mod raw;
#[cfg(feature = "schema")]
pub(crate) mod shapes;
pub(crate) mod spanned;
pub(crate) mod walk;

pub use document::{MAX_FILE_BYTES, MAX_NESTING};
pub use fields::MAX_ID_LEN;

/// The most bytes a whole policy set may have.
pub const MAX_SET_BYTES: usize = 64 * 1024 * 1024;

/// The most files a policy set may have.
pub const MAX_FILES: usize = 1_000;
