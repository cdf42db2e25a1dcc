//! `zhidu calendar show|check|diff`: a year's days off with their basis, a notice file's
//! problems, and the cases that move when a notice replaces a provisional year.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{PolicySet, Start};

use crate::Format;
use crate::error::CliError;
use crate::output::{error_cell, error_json};

#[derive(clap::Subcommand)]
pub(crate) enum Command {
    /// Every day off and make-up working day of a year, with its basis (notice or statute).
    Show(ShowArgs),
    /// Every problem of a notice file (`[calendar] extends = "…"` and one `[[year]]`).
    Check(CheckArgs),
    /// The cases whose due date, status or overdue days change when a notice file replaces
    /// the provisional year, old and new side by side.
    Diff(DiffArgs),
}

#[derive(clap::Args)]
pub(crate) struct ShowArgs {
    /// The year.
    year: i32,
    /// Calendar id.
    #[arg(long, default_value = "cn-mainland")]
    calendar: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// Notice files (loaded beside the builtin set, or beside `--policies`).
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// The notice file to compare against the calendar without it.
    #[arg(long = "with", value_name = "FILE")]
    with: PathBuf,
    /// The case log: `.jsonl` (JSON Lines) or `.csv`, as for `zhidu cases`.
    #[arg(long)]
    cases: PathBuf,
    /// Policy id the cases belong to.
    #[arg(long, default_value = "s2-service-center")]
    policy: String,
    /// The instant to compare at (default: the start of the day the notice was published,
    /// its `published` date; required when the notice has none).
    #[arg(long)]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], command: &Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Show(args) => show(global, args),
        Command::Check(args) => check(global, args),
        Command::Diff(args) => diff(global, args),
    }
}

fn show(global: &[PathBuf], args: &ShowArgs) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let cal = set.calendar(&args.calendar)?;
    let days = cal.year_days(args.year)?;
    let (_, last_notice) = cal.notice_years();
    let provisional = args.year > last_notice;
    let basis: Vec<&String> = cal
        .provisional_basis()
        .iter()
        .filter(|b| b.starts_with(&format!("{}:", args.year)))
        .collect();
    let added = cal.added_notices().iter().find(|n| n.0 == args.year);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "calendar": cal.id(),
                "year": args.year,
                "provisional": provisional,
                "basis": basis,
                "notice": added.map(|n| serde_json::json!({"title": n.1, "published": n.2})),
                "days": days,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "date",
                "weekday",
                "kind",
                "festival",
                "basis",
                "provisional",
            ])?;
            for d in &days {
                w.write_record([
                    d.date.to_string(),
                    d.date.format("%a").to_string(),
                    d.kind.to_owned(),
                    d.festival.clone(),
                    d.basis.clone(),
                    d.provisional.to_string(),
                ])?;
            }
            w.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        Format::Human => {
            if provisional {
                writeln!(out, "{} {} — PROVISIONAL", cal.id(), args.year)?;
                for b in &basis {
                    writeln!(out, "  {b}")?;
                }
                writeln!(
                    out,
                    "  days off from the statute, 补假 on the next working day for a statutory day on a weekend; no make-up working days"
                )?;
            } else if let Some((_, title, published)) = added {
                let when = published
                    .map(|d| format!(" (published {d})"))
                    .unwrap_or_default();
                writeln!(out, "{} {} — notice {title}{when}", cal.id(), args.year)?;
            } else {
                writeln!(out, "{} {} — State Council notice", cal.id(), args.year)?;
            }
            writeln!(out)?;
            for d in &days {
                let kind = if d.kind == "holiday" {
                    "day off"
                } else {
                    "make-up working day"
                };
                writeln!(
                    out,
                    "  {} {}  {:<20} {:<8} {}",
                    d.date,
                    d.date.format("%a"),
                    kind,
                    d.festival,
                    d.basis
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn check(global: &[PathBuf], args: &CheckArgs) -> Result<ExitCode, CliError> {
    let mut paths = global.to_vec();
    paths.extend(args.files.iter().cloned());
    let files = PolicySet::read_paths(&paths)?;
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let names: Vec<&str> = refs.iter().map(|(n, _)| *n).collect();
    // Only the given files' diagnostics: a notice-only set is loaded beside the builtin one.
    let diagnostics: Vec<zhidu::Diagnostic> = PolicySet::check_sources(&refs)?
        .into_iter()
        .filter(|d| names.contains(&d.file.as_str()))
        .collect();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == zhidu::Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    match args.format {
        Format::Json => {
            let out = serde_json::json!({ "files": files.len(), "errors": errors, "warnings": warnings, "diagnostics": diagnostics });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Human | Format::Csv => {
            for d in &diagnostics {
                println!("{d}\n");
            }
            let files = crate::output::count(
                files.len(),
                "label.cli.notice_file",
                "label.cli.notice_files",
            );
            println!("{}", crate::output::checked(&files, errors, warnings));
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn diff(global: &[PathBuf], args: &DiffArgs) -> Result<ExitCode, CliError> {
    let old_set = crate::policy_set(global)?;
    let mut paths = global.to_vec();
    paths.push(args.with.clone());
    let new_set = crate::policy_set(&paths)?;
    let old = old_set.policy(&args.policy)?;
    let new = new_set.policy(&args.policy)?;
    let as_of = match &args.as_of {
        Some(t) => Start::parse_instant(t, old.calendar().offset())?,
        None => {
            let published = new
                .calendar()
                .added_notices()
                .iter()
                .find_map(|n| n.2)
                .ok_or_else(|| {
                    // Built in English like the core's errors; `print_error` renders it in
                    // the run's language from the catalogue.
                    let en = |id| zhidu::Lang::En.text(id, &[]).unwrap_or_default();
                    zhidu::Error::Input {
                        message: en("cli.no_published"),
                        hint: Some(en("cli.no_published.help")),
                    }
                })?;
            Start::parse_instant(&published.to_string(), old.calendar().offset())?
        }
    };
    let cases = crate::cases::read_log(&args.cases)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut moved, mut total, mut bad) = (0u64, 0u64, 0u64);
    let mut json = Vec::new();
    let mut csv_out = (args.format == Format::Csv).then(|| csv::Writer::from_writer(Vec::new()));
    if let Some(w) = &mut csv_out {
        w.write_record([
            "line",
            "id",
            "changed",
            "old_due_date",
            "new_due_date",
            "old_status",
            "new_status",
            "old_overdue_days",
            "new_overdue_days",
            "error",
        ])?;
    }
    if args.format == Format::Human {
        writeln!(
            out,
            "as of {}: cases that move when {} replaces the provisional year\n",
            as_of.to_rfc3339(),
            args.with.display()
        )?;
        writeln!(
            out,
            "{:<6} {:<14} {:<29} {:<23} {:<23} overdue",
            "line", "id", "changed", "due (old → new)", "status (old → new)"
        )?;
    }
    for (line, case) in cases {
        total += 1;
        let result = case.and_then(|c| old.case_change(new, &c, as_of));
        match result {
            Ok(None) => {}
            Ok(Some(ch)) => {
                moved += 1;
                let date = |d: Option<chrono::NaiveDate>| {
                    d.map_or_else(|| "—".to_owned(), |d| d.to_string())
                };
                match args.format {
                    Format::Human => writeln!(
                        out,
                        "{line:<6} {:<14} {:<29} {:<23} {:<23} {} → {}",
                        ch.id,
                        ch.changed.join(","),
                        format!("{} → {}", date(ch.old.due_date), date(ch.new.due_date)),
                        format!("{} → {}", ch.old.status, ch.new.status),
                        ch.old.overdue_days,
                        ch.new.overdue_days
                    )?,
                    Format::Json => {
                        let mut v = serde_json::to_value(&ch)?;
                        if let Some(o) = v.as_object_mut() {
                            o.insert("line".to_owned(), line.into());
                        }
                        json.push(v);
                    }
                    Format::Csv => {
                        if let Some(w) = &mut csv_out {
                            w.write_record([
                                line.to_string(),
                                ch.id.clone(),
                                ch.changed.join(","),
                                date(ch.old.due_date),
                                date(ch.new.due_date),
                                ch.old.status.to_string(),
                                ch.new.status.to_string(),
                                ch.old.overdue_days.to_string(),
                                ch.new.overdue_days.to_string(),
                                String::new(),
                            ])?;
                        }
                    }
                }
            }
            Err(e) => {
                bad += 1;
                match args.format {
                    Format::Human => {
                        let line_error = crate::output::error_line(&error_cell(&e));
                        writeln!(out, "{line:<6} {line_error}")?;
                    }
                    Format::Json => {
                        json.push(serde_json::json!({ "line": line, "error": error_json(&e) }));
                    }
                    Format::Csv => {
                        if let Some(w) = &mut csv_out {
                            let mut row = vec![line.to_string()];
                            row.extend(std::iter::repeat_n(String::new(), 8));
                            row.push(error_cell(&e));
                            w.write_record(&row)?;
                        }
                    }
                }
            }
        }
    }
    match args.format {
        Format::Json => {
            /// The moved cases, then the stamps of the calendar without and with the notice
            /// (the same names as a what-if's): both sides name their rules.
            #[derive(serde::Serialize)]
            struct Moved<'a> {
                cases: &'a [serde_json::Value],
                before: zhidu::Stamp,
                after: zhidu::Stamp,
            }
            let moved = Moved {
                cases: &json,
                before: old.stamp(),
                after: new.stamp(),
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&moved)?)?;
        }
        Format::Csv => {
            if let Some(w) = csv_out {
                let bytes = w
                    .into_inner()
                    .map_err(|e| CliError::Write(std::io::Error::other(e.to_string())))?;
                out.write_all(&bytes)?;
            }
        }
        Format::Human => {
            // `computed under`, then each side as a what-if's text names it.
            let say = |id| crate::output::say(id, &[]);
            writeln!(out, "\n{}", say("label.report.stamp"))?;
            for (side, policy) in [("label.what_if.before", old), ("label.what_if.after", new)] {
                writeln!(out, "  {:<8}{}", say(side), policy.stamp())?;
            }
        }
    }
    out.flush()?;
    let (total, moved, bad_text) = (total.to_string(), moved.to_string(), bad.to_string());
    let params = [
        ("total", total.as_str()),
        ("moved", &moved),
        ("bad", &bad_text),
    ];
    eprintln!("{}", crate::output::say("label.cli.diff_summary", &params));
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
