//! `zhidu obligations`: the recurring obligations due in a period and, with a log of
//! actions (`--log`, rows `obligation,at,by`, CSV or JSON Lines, read by the core as
//! `zhidu::rows::ACTION`), each occurrence met, late or missed.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::Obligations;
use zhidu::rows::Action;

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with obligations (`s5-pest-control`, `s3-culture-centre`, …).
    #[arg(long)]
    policy: String,
    /// The period: a year `2027`, a quarter `2027-Q2` or a month `2027-04`.
    #[arg(long)]
    period: String,
    /// The actions done, CSV `obligation,at,by`; without it, the schedule of what is due.
    #[arg(long, value_name = "FILE.csv")]
    log: Option<PathBuf>,
    /// Output format: `human`, `json`, or `csv` (one row per occurrence).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let period: zhidu::Period = args.period.parse()?;
    let log: Option<Vec<Result<Action, zhidu::Error>>> = match &args.log {
        Some(path) => Some(crate::table::values(crate::table::read_rows::<Action>(
            path,
        )?)),
        None => None,
    };
    let answer = p.obligations(period, log.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&answer, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "obligation",
                "opens",
                "due",
                "late_until",
                "status",
                "done_at",
                "by",
                "row",
            ])?;
            for o in &answer.obligations {
                for x in &o.occurrences {
                    let status = serde_json::to_value(x.status)?;
                    w.write_record([
                        o.id.clone(),
                        x.opens.clone(),
                        x.due.clone(),
                        x.late_until.clone().unwrap_or_default(),
                        status.as_str().unwrap_or("").to_owned(),
                        x.done_at.clone().unwrap_or_default(),
                        x.by.clone().unwrap_or_default(),
                        x.row.map(|r| r.to_string()).unwrap_or_default(),
                    ])?;
                }
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &answer)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &answer.errors {
        eprintln!("{}", crate::output::row_line("action", e.row, &e.error));
    }
    Ok(if answer.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_human(out: &mut impl Write, a: &Obligations) -> Result<(), CliError> {
    writeln!(out, "{} · obligations {}", a.policy, a.period)?;
    for o in &a.obligations {
        writeln!(
            out,
            "{} [{}] {} ({})",
            o.id,
            o.cadence,
            o.what,
            o.clauses.join(", ")
        )?;
        if a.judged {
            writeln!(
                out,
                "    due {}  met {}  late {}  missed {}",
                o.occurrences.len(),
                o.met,
                o.late,
                o.missed
            )?;
            // The exceptions, one a line; met occurrences are counted only.
            for x in o
                .occurrences
                .iter()
                .filter(|x| x.status != zhidu::OccurrenceStatus::Met)
            {
                let status = serde_json::to_value(x.status)?;
                let done = x.done_at.as_deref().unwrap_or("");
                let line = format!("    {:<16} {} {done}", x.due, status.as_str().unwrap_or(""));
                writeln!(out, "{}", line.trim_end())?;
            }
        } else {
            for x in &o.occurrences {
                writeln!(out, "    {} … {}", x.opens, x.due)?;
            }
        }
    }
    for u in &a.unscheduled {
        writeln!(
            out,
            "{} [unset] {} ({}): {}",
            u.id,
            u.what,
            u.clauses.join(", "),
            u.reason
        )?;
    }
    if a.judged {
        writeln!(
            out,
            "due {}  met {}  late {}  missed {}",
            a.due, a.met, a.late, a.missed
        )?;
    }
    Ok(())
}
