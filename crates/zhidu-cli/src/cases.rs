//! `zhidu cases --policy ID --as-of INSTANT FILE`: the status of every case in a case log.
//!
//! The log is JSON Lines (one case object per line, see `zhidu::Case`) or CSV with header
//! `id,class,accepted_at,days,handler,window,completed_at,events,joint`, read by the core
//! (`zhidu::rows::CASE`: `events` in the compact form of `zhidu::CaseEvent::parse_list`;
//! `joint` a yes/no, empty for no: a 联办件, priced by the joint-item rules such as
//! S14.biz.1.4c). Every row gets an answer or an error with its row and file line; nothing
//! is dropped.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::{Case, CaseStatus, Policy, Start, Status};

use crate::Format;
use crate::error::CliError;
use crate::output::{error_json, error_line, row_error_cell, say, stamp_line, stamp_member};

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
        // Streamed: `{"cases": [` now, one row a line, `], "stamp": …}` at the end.
        Format::Json => write!(out, "{{\n  \"cases\": [")?,
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
                    "{}\n    {}",
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
                Err(e) => writeln!(out, "{line:<6} {}", error_line(&row_error_cell(e)))?,
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
                        row.push(row_error_cell(e));
                        row
                    }
                };
                out.write_all(&csv_line(&row)?)?;
            }
        }
        first = false;
    }
    if args.format == Format::Json {
        writeln!(out, "\n  ],\n  {}\n}}", stamp_member(policy)?)?;
    }
    if args.format == Format::Human && provisional > 0 {
        writeln!(out, "\n{}", say("label.cli.provisional_note", &[]))?;
        for b in &basis {
            writeln!(out, "  {b}")?;
        }
    }
    if args.format == Format::Human {
        writeln!(out, "\n{}", stamp_line(policy))?;
    }
    out.flush()?;
    let summary: Vec<String> = counts.iter().map(|(s, n)| format!("{s} {n}")).collect();
    let mut details = summary.join(", ");
    // Each part is a label with its count, appended only when the count is not 0.
    for (n, id) in [
        (bad, "label.cli.with_errors"),
        (provisional, "label.cli.provisional"),
        (unknown, "label.cli.not_yet_accepted"),
    ] {
        if n > 0 {
            details.push_str(&say(id, &[("count", &n.to_string())]));
        }
    }
    let total = (counts.values().sum::<u64>() + bad).to_string();
    eprintln!(
        "{}",
        say(
            "label.cli.cases_summary",
            &[("total", &total), ("details", &details)]
        )
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

/// Read a case log (JSON Lines or CSV, see `zhidu::rows::CASE`) into cases with the file
/// line each starts on.
pub(crate) fn read_log(path: &Path) -> Result<Vec<LoggedCase>, CliError> {
    Ok(crate::table::read_rows::<Case>(path)?
        .into_iter()
        .map(|(line, case)| (line, case.map_err(zhidu::Error::from)))
        .collect())
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
