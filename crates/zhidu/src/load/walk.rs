//! The loader's file-system walk: the only place the core touches the disk.
//!
//! Everything else in the crate takes text; [`PolicySet::load`](crate::PolicySet::load) and
//! [`PolicySet::read_paths`](crate::PolicySet::read_paths) call [`read_paths`] and hand its
//! `(name, text)` pairs to the same path as [`PolicySet::from_sources`](crate::PolicySet::from_sources).

use std::path::{Path, PathBuf};

use super::{MAX_FILE_BYTES, MAX_FILES, MAX_SET_BYTES};
use crate::Error;

/// Read files and directories into `(name, text)` pairs, refusing oversized files before
/// reading them and never following symbolic links.
pub(crate) fn read_paths(paths: &[PathBuf]) -> Result<Vec<(String, String)>, Error> {
    let mut walk = Walk::default();
    for path in paths {
        walk.collect(path, 0)?;
    }
    if walk.found > MAX_FILES {
        return Err(Error::TooLarge {
            what: "the policy set".to_owned(),
            size: walk.found as u64,
            limit: MAX_FILES as u64,
            unit: "files",
        });
    }
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for path in walk.files {
        let name = path.display().to_string();
        let io = |e: std::io::Error| Error::Io {
            path: name.clone(),
            message: e.to_string(),
        };
        let too_large = |size: u64| Error::TooLarge {
            what: format!("`{name}`"),
            size,
            limit: MAX_FILE_BYTES as u64,
            unit: "bytes",
        };
        let size = std::fs::metadata(&path).map_err(io)?.len();
        if size > MAX_FILE_BYTES as u64 {
            return Err(too_large(size));
        }
        // Never more than the limit, whatever the file claims: a device such as `/dev/zero`
        // or a pipe reports size 0 and never ends (issue #8).
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(
                std::fs::File::open(&path).map_err(io)?,
                MAX_FILE_BYTES as u64 + 1,
            ),
            &mut bytes,
        )
        .map_err(io)?;
        if bytes.len() > MAX_FILE_BYTES {
            return Err(too_large(bytes.len() as u64));
        }
        total += bytes.len() as u64;
        if total > MAX_SET_BYTES as u64 {
            return Err(Error::TooLarge {
                what: "the policy set".to_owned(),
                size: total,
                limit: MAX_SET_BYTES as u64,
                unit: "bytes",
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| Error::Io {
            path: name.clone(),
            message: format!(
                "the file is not UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        })?;
        out.push((name, text));
    }
    Ok(out)
}

/// The deepest directories a policy directory may nest.
const MAX_DEPTH: usize = 16;

/// The policy files found in a walk: the first [`MAX_FILES`] + 1 kept, all counted (so a
/// directory of millions of files costs a count, not a list).
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    found: usize,
}

impl Walk {
    fn collect(&mut self, path: &Path, depth: usize) -> Result<(), Error> {
        let io = |e: std::io::Error| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let meta = std::fs::symlink_metadata(path).map_err(io)?;
        if meta.is_dir() {
            if depth > MAX_DEPTH {
                // Deeper files were once skipped without a word (issue #8).
                return Err(Error::Io {
                    path: path.display().to_string(),
                    message: format!("directories nest deeper than {MAX_DEPTH} levels"),
                });
            }
            let mut entries: Vec<PathBuf> = Vec::new();
            for entry in std::fs::read_dir(path).map_err(io)? {
                let entry = entry.map_err(io)?;
                let kind = entry.file_type().map_err(io)?;
                let e = entry.path();
                // Links are skipped, so nothing outside the directory is read; of the rest,
                // directories and `.toml` files.
                if kind.is_dir() || (kind.is_file() && e.extension().is_some_and(|x| x == "toml")) {
                    entries.push(e);
                }
            }
            entries.sort();
            for e in entries {
                self.collect(&e, depth + 1)?;
            }
        } else if depth == 0 || meta.is_file() {
            // A file named explicitly is read even through a link; found in a walk, only
            // plain files.
            self.found += 1;
            if self.files.len() <= MAX_FILES {
                self.files.push(path.to_path_buf());
            }
        }
        Ok(())
    }
}
