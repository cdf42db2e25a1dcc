//! `zhidu cases --policy ID --as-of INSTANT FILE`: the status of every case in a case log.
//!
//! The log is JSON Lines (one case object per line, see `zhidu::Case`) or CSV with header
//! `id,class,accepted_at,days,handler,window,completed_at,events,joint` (`events` in the
//! compact form of `zhidu::CaseEvent::parse_list`; `joint` is `true`/`false`, `1`/`0` or
//! empty for false: a 联办件, priced by the joint-item rules such as S14.biz.1.4c). Every line gets an answer or an error with its
//! line number; nothing is dropped.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::{Case, CaseEvent, CaseStatus, Policy, Start, Status};

use crate::Format;
use crate::error::CliError;
use crate::output::{error_cell, error_json};
use crate::rows::{Line, Lines, MAX_ROW_BYTES, Rows};
use crate::table::cell;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id.
    #[arg(long)]
    policy: String,
    /// The instant to evaluate at ("now" is always explicit).
    #[arg(long)]
    as_of: String,
    /// The case log: `.jsonl` (JSON Lines) or `.csv`.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// One case of the log, or the reason its line could not be read, with its line number.
pub(crate) type LoggedCase = (u64, Result<Case, zhidu::Error>);

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let policy = set.policy(&args.policy)?;
    let as_of = Start::parse_instant(&args.as_of, policy.calendar().offset())?;
    let cases = read_log(&args.file)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut counts: BTreeMap<Status, u64> = BTreeMap::new();
    let mut bad = 0u64;
    // Answers that touched a provisional year, and the basis lines seen.
    let mut provisional = 0u64;
    let mut basis: Vec<String> = Vec::new();
    match args.format {
        Format::Json => write!(out, "[")?,
        Format::Human => writeln!(
            out,
            "{:<6} {:<14} {:<20} {:<13} {:<11} {:>9} {:>8}  {:<8} window",
            "line", "id", "class", "status", "due", "remaining", "overdue", "handler"
        )?,
        Format::Csv => out.write_all(&csv_line(
            &[
                "line",
                "id",
                "class",
                "status",
                "due_date",
                "due_at",
                "remaining",
                "overdue_days",
                "handler",
                "window",
                "provisional",
                "warnings",
                "error",
            ]
            .map(str::to_owned),
        )?)?,
    }
    let mut first = true;
    let mut unknown = 0u64;
    for (line, case) in cases {
        let result = case.and_then(|c| status(policy, &c, as_of));
        // A case accepted after `--as-of` is not yet known then: left out of the listing.
        if matches!(&result, Ok(s) if !s.status.is_known()) {
            unknown += 1;
            continue;
        }
        match &result {
            Ok(s) => {
                *counts.entry(s.status).or_default() += 1;
                if s.provisional {
                    provisional += 1;
                    for b in &s.basis {
                        if !basis.contains(b) {
                            basis.push(b.clone());
                        }
                    }
                }
            }
            Err(_) => bad += 1,
        }
        match args.format {
            Format::Json => {
                let value = match &result {
                    Ok(s) => serde_json::to_value(s)?,
                    Err(e) => serde_json::json!({ "line": line, "error": error_json(e) }),
                };
                write!(
                    out,
                    "{}\n  {}",
                    if first { "" } else { "," },
                    serde_json::to_string(&value)?
                )?;
            }
            Format::Human => match &result {
                Ok(s) => {
                    writeln!(
                        out,
                        "{line:<6} {:<14} {:<20} {:<13} {:<11} {:>9} {:>8}  {:<8} {}",
                        s.id,
                        s.class,
                        s.status.to_string(),
                        s.due_date
                            .map(|d| format!("{d}{}", if s.provisional { "*" } else { "" }))
                            .unwrap_or_else(|| {
                                if s.provisional { "—*" } else { "—" }.to_owned()
                            }),
                        s.remaining.map(|r| r.to_string()).unwrap_or_default(),
                        s.overdue_days,
                        s.handler.as_deref().unwrap_or(""),
                        s.window.as_deref().unwrap_or("")
                    )?;
                    for w in &s.warnings {
                        writeln!(
                            out,
                            "       warning [{}] {} ({})",
                            w.code, w.message, w.clause
                        )?;
                    }
                }
                Err(e) => writeln!(out, "{line:<6} error: {}", error_cell(e))?,
            },
            Format::Csv => {
                let row = match &result {
                    Ok(s) => vec![
                        line.to_string(),
                        s.id.clone(),
                        s.class.clone(),
                        s.status.to_string(),
                        s.due_date.map(|d| d.to_string()).unwrap_or_default(),
                        s.due_at.map(|d| d.to_rfc3339()).unwrap_or_default(),
                        s.remaining.map(|r| r.to_string()).unwrap_or_default(),
                        s.overdue_days.to_string(),
                        s.handler.clone().unwrap_or_default(),
                        s.window.clone().unwrap_or_default(),
                        s.provisional.to_string(),
                        warnings_cell(&s.warnings),
                        String::new(),
                    ],
                    Err(e) => {
                        let mut row = vec![line.to_string()];
                        row.extend(std::iter::repeat_n(String::new(), 11));
                        row.push(error_cell(e));
                        row
                    }
                };
                out.write_all(&csv_line(&row)?)?;
            }
        }
        first = false;
    }
    if args.format == Format::Json {
        writeln!(out, "\n]")?;
    }
    if args.format == Format::Human && provisional > 0 {
        writeln!(
            out,
            "\n* provisional: the answer touched a year after the calendar's last State Council notice"
        )?;
        for b in &basis {
            writeln!(out, "  {b}")?;
        }
    }
    out.flush()?;
    let summary: Vec<String> = counts.iter().map(|(s, n)| format!("{s} {n}")).collect();
    eprintln!(
        "{} cases: {}{}{}{}",
        counts.values().sum::<u64>() + bad,
        summary.join(", "),
        if bad > 0 {
            format!(", {bad} with errors")
        } else {
            String::new()
        },
        if provisional > 0 {
            format!(" ({provisional} provisional)")
        } else {
            String::new()
        },
        if unknown > 0 {
            format!("; {unknown} accepted after the as-of instant, left out")
        } else {
            String::new()
        }
    );
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn status(
    policy: &Policy,
    case: &Case,
    as_of: chrono::DateTime<chrono::FixedOffset>,
) -> Result<CaseStatus, zhidu::Error> {
    policy.case_status(case, as_of).map_err(|e| match e {
        zhidu::Error::Input { message, hint } => zhidu::Error::Input {
            message: format!("case `{}`: {message}", case.id),
            hint,
        },
        other => other,
    })
}

/// Read a case log (JSON Lines or CSV) into cases with their line numbers.
pub(crate) fn read_log(path: &Path) -> Result<Vec<LoggedCase>, CliError> {
    let open = || {
        File::open(path).map_err(|source| CliError::Read {
            path: path.to_path_buf(),
            source,
        })
    };
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        return read_csv(path);
    }
    let mut cases = Vec::new();
    // Lines of at most `MAX_ROW_BYTES`: a longer one is an error for that line, not a file
    // read into memory whole.
    let mut lines = Lines::new(BufReader::new(open()?));
    while let Some((n, line)) = lines.next_line().map_err(|source| CliError::Read {
        path: path.to_path_buf(),
        source,
    })? {
        let bytes = match line {
            Line::Text(bytes) => bytes,
            Line::TooLong => {
                cases.push((
                    n,
                    Err(input(format!(
                        "line {n} is longer than {MAX_ROW_BYTES} bytes"
                    ))),
                ));
                continue;
            }
        };
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t.trim().trim_start_matches('\u{feff}'),
            Err(e) => {
                cases.push((
                    n,
                    Err(input(format!(
                        "line {n} is not UTF-8 (byte {})",
                        e.valid_up_to()
                    ))),
                ));
                continue;
            }
        };
        if text.is_empty() {
            continue;
        }
        let case = serde_json::from_str::<Case>(text).map_err(|e| input(format!("line {n}: {e}")));
        cases.push((n, case));
    }
    Ok(cases)
}

fn read_csv(path: &Path) -> Result<Vec<LoggedCase>, CliError> {
    let read_error = |source: std::io::Error| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    // Rows in bounded memory: a stray quote is one bad row, not the rest of the log.
    let mut rows = Rows::new(BufReader::new(file));
    let mut header = Vec::new();
    if let Some((line, Err(e))) = rows.next(&mut header, None).map_err(read_error)? {
        return Err(read_error(std::io::Error::other(format!(
            "the header (line {line}) cannot be read: {e}"
        ))));
    }
    let header = csv::StringRecord::from(header);
    let require = |name: &str| {
        crate::table::column(&header, name).ok_or_else(|| CliError::MissingColumn {
            path: path.display().to_string(),
            column: name.to_owned(),
        })
    };
    let (id, class, accepted) = (require("id")?, require("class")?, require("accepted_at")?);
    let column = |name: &str| crate::table::column(&header, name);
    let (days, handler, window, completed, events, joint) = (
        column("days"),
        column("handler"),
        column("window"),
        column("completed_at"),
        column("events"),
        column("joint"),
    );
    let mut cases = Vec::new();
    let mut fields = Vec::new();
    while let Some((n, row)) = rows
        .next(&mut fields, Some(header.len()))
        .map_err(read_error)?
    {
        // `n` is the line the row starts on (the header is line 1).
        if let Err(e) = row {
            cases.push((n, Err(input(format!("row {n}: unreadable csv row: {e}")))));
            continue;
        }
        let record = csv::StringRecord::from(std::mem::take(&mut fields));
        let get = |c: Option<usize>| cell(&record, c);
        let case = (|| -> Result<Case, zhidu::Error> {
            let mut case = Case::new(
                get(Some(id)).unwrap_or_default(),
                get(Some(class)).unwrap_or_default(),
                get(Some(accepted)).unwrap_or_default().parse::<Start>()?,
                match get(days) {
                    Some(d) => Some(
                        d.parse()
                            .map_err(|_| input(format!("`{d}` is not a whole number of days")))?,
                    ),
                    None => None,
                },
            );
            case.handler = get(handler).map(str::to_owned);
            case.window = get(window).map(str::to_owned);
            case.completed_at = get(completed).map(str::parse).transpose()?;
            case.events = get(events)
                .map(CaseEvent::parse_list)
                .transpose()?
                .unwrap_or_default();
            case.joint = match get(joint).map(str::to_ascii_lowercase).as_deref() {
                None | Some("false" | "0" | "no") => false,
                Some("true" | "1" | "yes") => true,
                Some(other) => {
                    return Err(input(format!("joint `{other}` is not `true` or `false`")));
                }
            };
            Ok(case)
        })()
        .map_err(|e| match e {
            zhidu::Error::Input { message, hint } => zhidu::Error::Input {
                message: format!("row {n}: {message}"),
                hint,
            },
            other => other,
        });
        cases.push((n, case));
    }
    Ok(cases)
}

/// Warnings in one cell: `code: message` joined by ` | `.
fn warnings_cell(warnings: &[zhidu::Warning]) -> String {
    warnings
        .iter()
        .map(|w| format!("{}: {}", w.code, w.message))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// One CSV-quoted line.
fn csv_line(fields: &[String]) -> Result<Vec<u8>, CliError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields)?;
    w.into_inner().map_err(|e| CliError::Write(e.into_error()))
}

fn input(message: String) -> zhidu::Error {
    zhidu::Error::Input {
        message,
        hint: None,
    }
}
