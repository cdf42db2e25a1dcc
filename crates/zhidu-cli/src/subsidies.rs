//! `zhidu subsidies`: the training subsidies of each trainee and employer (S8.train.1a/1b).
//!
//! Trainees are CSV with header `person,employer,start,end` (both days of training
//! included), or JSON Lines, read by the core (`zhidu::rows::TRAINEE`); every row is answered
//! or reported with its number.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{Subsidies, Trainee};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with `[[subsidy]]` (`s8-investment-centre`).
    #[arg(long)]
    policy: String,
    /// Trainees, CSV or JSON Lines.
    #[arg(long, value_name = "FILE.csv")]
    trainees: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let rows = crate::table::values(crate::table::read_rows::<Trainee>(&args.trainees)?);
    let s = p.subsidies(&rows)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&s, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "row",
                "person",
                "employer",
                "start",
                "end",
                "full_months",
                "trainee_amount",
                "employer_amount",
                "partial_months",
            ])?;
            for t in &s.trainees {
                w.write_record([
                    t.row.to_string(),
                    t.person.clone(),
                    t.employer.clone(),
                    t.start.to_string(),
                    t.end.to_string(),
                    t.full_months.len().to_string(),
                    t.trainee_amount.to_string(),
                    t.employer_amount.to_string(),
                    partial(t),
                ])?;
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &s)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &s.errors {
        eprintln!("{}", crate::output::row_line("trainee", e.row, &e.error));
    }
    Ok(if s.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Partial months as `month:days/of`, for a person to decide.
fn partial(t: &zhidu::TraineeSubsidy) -> String {
    t.partial_months
        .iter()
        .map(|p| {
            [
                p.month.clone(),
                [p.days.to_string(), p.of_days.to_string()].join("/"),
            ]
            .join(":")
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn write_human(out: &mut impl Write, s: &Subsidies) -> Result<(), CliError> {
    writeln!(out, "{}", [s.policy.as_str(), "随岗培训补贴"].join(" · "))?;
    for t in &s.trainees {
        let line = [
            t.person.as_str(),
            t.employer.as_str(),
            &[t.start.to_string(), t.end.to_string()].join(".."),
            &t.full_months.len().to_string(),
            &t.trainee_amount.to_string(),
            &t.employer_amount.to_string(),
            &partial(t),
        ]
        .join("  ");
        writeln!(out, "{line}")?;
    }
    for e in &s.employers {
        let line = [
            e.employer.as_str(),
            &e.trainees.to_string(),
            &e.person_months.to_string(),
            &e.amount.to_string(),
            &e.partial_months.to_string(),
        ]
        .join("  ");
        writeln!(out, "{line}")?;
    }
    let totals = [
        s.trainee_total.to_string(),
        s.employer_total.to_string(),
        s.needs_decision.to_string(),
    ]
    .join("  ");
    writeln!(out, "Σ  {totals}")?;
    Ok(())
}
