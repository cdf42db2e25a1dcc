//! Located problems found while loading policy files.
//!
//! Loading never stops at the first problem: every fault in every file becomes one
//! [`Diagnostic`] with the file, line, column, TOML key path, a message and, where one fits,
//! a help line such as "did you mean `promised`?".

use core::fmt;
use core::ops::Range;

use serde::Serialize;

/// How bad a diagnostic is.
///
/// Errors make loading fail; warnings are kept on the loaded [`crate::PolicySet`] so that
/// `zhidu check` can show them.
///
/// # Example
///
/// ```
/// use zhidu::Severity;
/// assert_eq!(Severity::Error.to_string(), "error");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The policy set cannot be used.
    Error,
    /// The policy set loads, but something is probably not what the author meant.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One located problem in a policy file.
///
/// Lines and columns are 1-based; columns count characters (not bytes), so a column points
/// at the same place in an editor whatever Chinese text precedes it on the line.
///
/// # Example
///
/// ```
/// use zhidu::PolicySet;
///
/// let err = PolicySet::from_sources(&[("bad.toml", "[policy]\nid = 5\n")]).unwrap_err();
/// let d = &err.diagnostics()[0];
/// assert_eq!((d.file.as_str(), d.line, d.column), ("bad.toml", 2, 6));
/// assert_eq!(d.path, "policy.id");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file name as given to the loader.
    pub file: String,
    /// 1-based line, 0 when the problem has no place in the file.
    pub line: u32,
    /// 1-based column in characters, 0 when the problem has no place in the file.
    pub column: u32,
    /// TOML key path such as `class[2].unit` (empty for the whole file).
    pub path: String,
    /// What is wrong, lowercase, user input in backticks.
    pub message: String,
    /// How to fix it, when the loader can tell.
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity, self.message)?;
        write!(f, "\n  --> {}:{}:{}", self.file, self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, " (at `{}`)", self.path)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// A file's text with a line index, to turn byte offsets into lines and columns.
#[derive(Debug)]
pub(crate) struct SourceText<'a> {
    pub(crate) name: &'a str,
    pub(crate) text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    pub(crate) fn new(name: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceText {
            name,
            text,
            line_starts,
        }
    }

    /// 1-based (line, column in characters) of a byte offset.
    pub(crate) fn locate(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (to_u32(line + 1), to_u32(column + 1))
    }

    pub(crate) fn error(
        &self,
        span: Option<Range<usize>>,
        path: impl Into<String>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        self.diagnostic(Severity::Error, span, path, message, help)
    }

    pub(crate) fn diagnostic(
        &self,
        severity: Severity,
        span: Option<Range<usize>>,
        path: impl Into<String>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        let (line, column) = span.map_or((0, 0), |s| self.locate(s.start));
        Diagnostic {
            severity,
            file: self.name.to_owned(),
            line,
            column,
            path: path.into(),
            message: message.into(),
            help,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The known name closest to `given`, if it is close enough to be a likely typo.
///
/// # Example
///
/// ```
/// assert_eq!(zhidu::closest("promsied", ["promised", "immediate"]), Some("promised"));
/// assert_eq!(zhidu::closest("zzz", ["promised"]), None);
/// ```
pub fn closest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given_len = given.chars().count();
    known
        .into_iter()
        .map(|k| (edit_distance(given, k), k))
        .filter(|(d, k)| {
            let len = given_len.max(k.chars().count());
            *d <= len.div_ceil(3).max(1) || k.contains(given) || given.contains(k)
        })
        // Ties go to the alphabetically first name, so the hint never depends on map order.
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, k)| k)
}

/// "did you mean `x`?" for the closest known name, if any.
pub(crate) fn did_you_mean<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(given, known).map(|k| format!("did you mean `{k}`?"))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = sub.min(del).min(ins);
            }
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_characters_not_bytes() {
        let src = SourceText::new("f.toml", "a = 1\nname = \"承诺件\" x\n");
        // `x` is the 14th character of line 2, after three 3-byte characters.
        let off = src.text.find(" x").unwrap() + 1;
        assert_eq!(src.locate(off), (2, 14));
        assert_eq!(src.locate(0), (1, 1));
    }

    #[test]
    fn edit_distance_is_levenshtein() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(closest("calender", ["calendar", "class"]), Some("calendar"));
        // Equally close names: the first in alphabetical order, whatever the input order.
        assert_eq!(closest("qin.9", ["qin.6", "qin.1", "qin.3"]), Some("qin.1"));
        assert_eq!(closest("qin.9", ["qin.3", "qin.6", "qin.1"]), Some("qin.1"));
    }
}
