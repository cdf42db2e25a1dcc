//! `zhidu retention`: keep-until days of a file of records and which are past them.
//!
//! Records are CSV with header `id,kind,date,event_on,note`, or JSON Lines, read by the core
//! (`zhidu::rows::RECORD`); every row is answered or reported with its row number.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use zhidu::{Retained, Retention, RetentionRecord};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with retention rules (`s6-food-additives`, `s12-confidentiality`, …).
    #[arg(long)]
    policy: String,
    /// Records: CSV, or JSON Lines (`.jsonl`).
    #[arg(long, value_name = "FILE")]
    records: PathBuf,
    /// The day asked, such as `2027-01-01`.
    #[arg(long)]
    as_of: NaiveDate,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

fn status(s: Retained) -> &'static str {
    match s {
        Retained::Keep => "keep",
        Retained::Past => "past",
        Retained::Destroy => "destroy",
        _ => "",
    }
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let records: Vec<Result<RetentionRecord, zhidu::Error>> =
        crate::table::values(crate::table::read_rows::<RetentionRecord>(&args.records)?);
    let r = p.retention(&records, args.as_of)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&r, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "row",
                "id",
                "kind",
                "rule",
                "date",
                "keep_until",
                "until_event",
                "status",
                "clauses",
            ])?;
            for x in &r.records {
                w.write_record([
                    x.row.to_string(),
                    x.id.clone(),
                    x.kind.clone(),
                    x.rule.clone(),
                    x.date.map(|d| d.to_string()).unwrap_or_default(),
                    x.keep_until.map(|d| d.to_string()).unwrap_or_default(),
                    x.until_event.clone().unwrap_or_default(),
                    status(x.status).to_owned(),
                    x.clauses.join(";"),
                ])?;
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &r)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &r.errors {
        eprintln!("{}", crate::output::row_line("record", e.row, &e.error));
    }
    Ok(if r.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_human(out: &mut impl Write, r: &Retention) -> Result<(), CliError> {
    writeln!(out, "{} · retention as of {}", r.policy, r.as_of)?;
    for x in &r.records {
        let until = x.keep_until.map_or_else(
            || format!("until {}", x.until_event.as_deref().unwrap_or("")),
            |d| d.to_string(),
        );
        writeln!(
            out,
            "{:>4}  {:<12} {:<22} {:<10} {:<16} {:<8} {}",
            x.row,
            x.id,
            x.kind,
            x.date.map(|d| d.to_string()).unwrap_or_default(),
            until,
            status(x.status),
            x.clauses.join(", ")
        )?;
    }
    writeln!(out, "past: {}", r.past.len())?;
    Ok(())
}
