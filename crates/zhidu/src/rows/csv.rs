//! CSV rows read one at a time in bounded memory, so that a broken export cannot take good
//! rows with it. It reads any `BufRead` (a file, standard input, the bytes of a file a
//! browser user picked): the core opens nothing.
//!
//! Fields follow the CSV rules of the `csv` crate (RFC 4180: a quote opens a field only at
//! its start, `""` inside quotes is a quote, quoted fields may hold commas and newlines), but
//! a record is assembled line by line with limits:
//!
//! - a quoted field that is not closed within [`MAX_ROW_LINES`] lines or [`MAX_ROW_BYTES`]
//!   bytes, or whose record spans several lines but does not have the header's number of
//!   fields, is an unclosed quote: its first line is one bad row, and the lines after it are
//!   read again as rows (a stray `"` once swallowed every row after it into one);
//! - a line longer than [`MAX_ROW_BYTES`] is one bad row, skipped without being kept;
//! - blank lines are not rows (as for the `csv` crate and pandas); they are counted.

use std::collections::VecDeque;
use std::io::{self, BufRead};

/// The longest row (all its lines) kept in memory.
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// The most lines one row may span (a quoted field with newlines).
pub const MAX_ROW_LINES: usize = 1_000;

/// A line as read: its bytes (without the line ending), or too long to keep.
#[derive(Debug)]
pub enum Line {
    /// The line's bytes, without `\n` or `\r\n`.
    Text(Vec<u8>),
    /// A line over [`MAX_ROW_BYTES`], skipped without being kept.
    TooLong,
}

/// The lines of a stream, each at most [`MAX_ROW_BYTES`] long: a longer one is skipped
/// without being kept (so a file without newlines cannot fill memory).
///
/// # Example
///
/// ```
/// use zhidu::rows::csv::{Line, Lines};
/// let mut lines = Lines::new(&b"a\r\nb"[..]);
/// assert!(matches!(lines.next_line().unwrap(), Some((1, Line::Text(t))) if t == b"a"));
/// assert!(matches!(lines.next_line().unwrap(), Some((2, Line::Text(t))) if t == b"b"));
/// ```
#[derive(Debug)]
pub struct Lines<R> {
    src: R,
    /// The number of the last line read.
    line: u64,
}

impl<R: BufRead> Lines<R> {
    /// The lines of `src`.
    ///
    /// # Example
    ///
    /// ```
    /// let _ = zhidu::rows::csv::Lines::new(&b""[..]);
    /// ```
    pub fn new(src: R) -> Self {
        Lines { src, line: 0 }
    }

    /// The next line with its number (1-based), `None` at the end of the stream.
    ///
    /// # Errors
    ///
    /// The stream's read error.
    ///
    /// # Example
    ///
    /// ```
    /// let mut lines = zhidu::rows::csv::Lines::new(&b""[..]);
    /// assert!(lines.next_line().unwrap().is_none());
    /// ```
    pub fn next_line(&mut self) -> io::Result<Option<(u64, Line)>> {
        let mut buf = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = self.src.fill_buf()?;
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (available.get(..i).unwrap_or_default(), Some(i + 1)),
                None => (available, None),
            };
            if !too_long {
                if buf.len() + chunk.len() > MAX_ROW_BYTES {
                    too_long = true;
                    buf = Vec::new();
                } else {
                    buf.extend_from_slice(chunk);
                }
            }
            let used = done.unwrap_or(available.len());
            self.src.consume(used);
            if done.is_some() {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        if too_long {
            return Ok(Some((self.line, Line::TooLong)));
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        Ok(Some((self.line, Line::Text(buf))))
    }
}

/// The rows of a CSV stream.
///
/// # Example
///
/// ```
/// let mut rows = zhidu::rows::csv::Rows::new(&b"a,b\n\"x,1\ny,2\n"[..]);
/// let mut fields = Vec::new();
/// rows.next(&mut fields, None).unwrap();
/// assert_eq!(fields, ["a", "b"]);
/// let (line, row) = rows.next(&mut fields, Some(2)).unwrap().unwrap();
/// assert_eq!((line, row), (2, Err("line 2 has a quote that is not closed".to_owned())));
/// ```
#[derive(Debug)]
pub struct Rows<R> {
    lines: Lines<R>,
    /// Lines to read again: those after an unclosed quote.
    replay: VecDeque<(u64, Line)>,
    /// Blank lines skipped so far.
    pub blank: u64,
}

/// Where a field is in the CSV grammar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the quotes, or the first of `""`.
    QuoteInQuoted,
}

impl<R: BufRead> Rows<R> {
    /// The rows of `src`.
    ///
    /// # Example
    ///
    /// ```
    /// let rows = zhidu::rows::csv::Rows::new(&b""[..]);
    /// assert_eq!(rows.blank, 0);
    /// ```
    pub fn new(src: R) -> Self {
        Rows {
            lines: Lines::new(src),
            replay: VecDeque::new(),
            blank: 0,
        }
    }

    /// The next line: one to read again first, then the stream's.
    fn next_line(&mut self) -> io::Result<Option<(u64, Line)>> {
        match self.replay.pop_front() {
            Some(l) => Ok(Some(l)),
            None => self.lines.next_line(),
        }
    }

    /// The next row into `fields`, with the number of its first line: `Ok(())` when its
    /// fields were read, or why it could not be. `None` at the end of the stream. `width`
    /// is the header's number of fields (none while reading the header).
    ///
    /// # Errors
    ///
    /// The stream's read error.
    ///
    /// # Example
    ///
    /// ```
    /// let mut rows = zhidu::rows::csv::Rows::new(&b"a\n"[..]);
    /// let mut fields = Vec::new();
    /// assert_eq!(rows.next(&mut fields, None).unwrap(), Some((1, Ok(()))));
    /// ```
    pub fn next(
        &mut self,
        fields: &mut Vec<String>,
        width: Option<usize>,
    ) -> io::Result<Option<(u64, Result<(), String>)>> {
        let (first, line) = loop {
            match self.next_line()? {
                None => return Ok(None),
                Some((_, Line::Text(t))) if t.is_empty() => self.blank += 1,
                Some(l) => break l,
            }
        };
        let mut text = match line {
            Line::TooLong => {
                return Ok(Some((
                    first,
                    Err(format!("line {first} is longer than {MAX_ROW_BYTES} bytes")),
                )));
            }
            Line::Text(t) => t,
        };
        let mut raw: Vec<Vec<u8>> = Vec::new();
        let mut stray = false;
        let mut state = split(&text, State::Start, &mut raw, &mut stray);
        // A quoted field goes on over the next lines, within the limits.
        let mut taken: Vec<(u64, Line)> = Vec::new();
        let mut bytes = text.len();
        while state == State::Quoted {
            let next = self.next_line()?;
            let unclosed = match &next {
                None | Some((_, Line::TooLong)) => true,
                Some((_, Line::Text(t))) => {
                    bytes += t.len() + 1;
                    bytes > MAX_ROW_BYTES || taken.len() + 1 >= MAX_ROW_LINES
                }
            };
            if let Some(n) = next {
                taken.push(n);
            }
            if unclosed {
                return Ok(Some((first, Err(self.unclosed(first, taken)))));
            }
            if let Some((_, Line::Text(t))) = taken.last() {
                // The newline belongs to the quoted field.
                if let Some(field) = raw.last_mut() {
                    field.push(b'\n');
                }
                state = split(t, State::Quoted, &mut raw, &mut stray);
            }
        }
        // A record over several lines that does not fit the header, or whose quotes close
        // in the middle of a field, was not meant to span them: a stray quote.
        if !taken.is_empty() && (stray || width.is_some_and(|w| w != raw.len())) {
            return Ok(Some((first, Err(self.unclosed(first, taken)))));
        }
        text.clear();
        fields.clear();
        for f in raw {
            match String::from_utf8(f) {
                Ok(s) => fields.push(s),
                Err(e) => {
                    return Ok(Some((
                        first,
                        Err(format!(
                            "line {first} is not UTF-8 (byte {} of a field)",
                            e.utf8_error().valid_up_to()
                        )),
                    )));
                }
            }
        }
        Ok(Some((first, Ok(()))))
    }

    /// The error for an unclosed quote on line `first`; the lines read after it are read
    /// again as rows.
    fn unclosed(&mut self, first: u64, taken: Vec<(u64, Line)>) -> String {
        for l in taken.into_iter().rev() {
            self.replay.push_front(l);
        }
        format!("line {first} has a quote that is not closed")
    }
}

/// Split one line into fields, starting in `state` (quoted when the line continues a quoted
/// field); appends to the last field of `out` when continuing. Returns the state at the end
/// of the line; `stray` is set when a closing quote is followed by more of the field.
fn split(line: &[u8], mut state: State, out: &mut Vec<Vec<u8>>, stray: &mut bool) -> State {
    if state == State::Start {
        out.push(Vec::new());
    }
    for &b in line {
        let Some(field) = out.last_mut() else {
            break;
        };
        state = match (state, b) {
            (State::Start, b'"') => State::Quoted,
            (State::Start | State::Unquoted | State::QuoteInQuoted, b',') => {
                out.push(Vec::new());
                State::Start
            }
            (State::Start | State::Unquoted, b) => {
                field.push(b);
                State::Unquoted
            }
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, b) => {
                field.push(b);
                State::Quoted
            }
            (State::QuoteInQuoted, b'"') => {
                field.push(b'"');
                State::Quoted
            }
            // After the closing quote, the rest of the field is taken as it is (as the
            // `csv` crate does).
            (State::QuoteInQuoted, b) => {
                *stray = true;
                field.push(b);
                State::Unquoted
            }
        };
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row's first line and fields (or error), and the blank lines skipped.
    type Read = (Vec<(u64, Result<Vec<String>, String>)>, u64);

    fn rows(text: &str, width: Option<usize>) -> Read {
        let mut r = Rows::new(text.as_bytes());
        let mut out = Vec::new();
        let mut fields = Vec::new();
        while let Ok(Some((line, row))) = r.next(&mut fields, width) {
            out.push((line, row.map(|()| fields.clone())));
        }
        (out, r.blank)
    }

    fn ok(fields: &[&str]) -> Result<Vec<String>, String> {
        Ok(fields.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn fields_as_the_csv_crate_reads_them() {
        let (r, blank) = rows(
            "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n5\" pipe,\n\n\"multi\nline\",2\n",
            Some(2),
        );
        assert_eq!(
            r,
            [
                (1, ok(&["a", "b"])),
                (2, ok(&["x, y", "say \"hi\""])),
                (3, ok(&["5\" pipe", ""])),
                (5, ok(&["multi\nline", "2"])),
            ]
        );
        assert_eq!(blank, 1);
    }

    #[test]
    fn an_unclosed_quote_is_one_bad_row_and_the_next_lines_are_rows() {
        let text = "a,b\n\"x,1\ny,2\nz,3\n";
        let (r, _) = rows(text, Some(2));
        assert_eq!(
            r[1],
            (2, Err("line 2 has a quote that is not closed".to_owned()))
        );
        assert_eq!(r[2..], [(3, ok(&["y", "2"])), (4, ok(&["z", "3"]))]);
        // Closed by a later quote in the middle of a field: the same.
        let (r, _) = rows("a,b\n\"x,1\ny,2\n\"z\",3\n", Some(2));
        assert_eq!(r.len(), 4);
        assert!(r[1].1.is_err());
        assert_eq!(r[3], (4, ok(&["z", "3"])));
        // Closed at a field's end, but not a row of the header's width: the same.
        let (r, _) = rows("a,b\n\"x,1\ny,2\nz\"\n", Some(2));
        assert_eq!(
            r[1..],
            [
                (2, Err("line 2 has a quote that is not closed".to_owned())),
                (3, ok(&["y", "2"])),
                (4, ok(&["z\""]))
            ]
        );
    }

    #[test]
    fn long_rows_are_refused_without_being_kept() {
        let text = format!("a\n{}\nb\n", "x".repeat(MAX_ROW_BYTES + 1));
        let (r, _) = rows(&text, Some(1));
        assert_eq!(
            r[1],
            (
                2,
                Err(format!("line 2 is longer than {MAX_ROW_BYTES} bytes"))
            )
        );
        assert_eq!(r[2], (3, ok(&["b"])));
        let text = format!("a\n\"{}\nb\n", "x\n".repeat(MAX_ROW_LINES + 5));
        let (r, _) = rows(&text, Some(1));
        assert!(r[1].1.is_err());
        // The header, the bad row, the other lines of `x`, and `b`.
        assert_eq!(r.len(), 2 + (MAX_ROW_LINES + 4) + 1);
    }
}
