//! `zhidu rank`: the window ranking for the monthly 红旗窗口 (S4).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::Format;
use crate::assess::{PeriodArgs, report_errors};
use crate::error::CliError;
use crate::output::{enveloped, stamp_line};

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: PeriodArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let a = args.inputs.assess(&set)?;
    let p = set.policy(args.inputs.policy())?;
    let ranking = p.rank(&a)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", enveloped("ranks", &ranking, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "rank",
                "window",
                "score",
                "members",
                "eligible",
                "disqualified_by",
            ])?;
            for r in &ranking {
                let why: Vec<String> = r
                    .disqualified_by
                    .iter()
                    .map(|d| format!("{} ({}, {})", d.name, d.rule, d.subject))
                    .collect();
                w.write_record([
                    r.rank.to_string(),
                    r.window.clone(),
                    format!("{:.2}", r.score),
                    r.members.to_string(),
                    r.eligible.to_string(),
                    why.join("; "),
                ])?;
            }
            w.flush()?;
        }
        Format::Human => {
            writeln!(out, "{} · {} · 红旗窗口 ranking", a.policy, a.period)?;
            for r in &ranking {
                let why: Vec<String> = r
                    .disqualified_by
                    .iter()
                    .map(|d| match &d.imported_from {
                        Some(p) => format!("{} ({} from {p} · {})", d.name, d.rule, d.subject),
                        None => format!("{} ({} · {})", d.name, d.rule, d.subject),
                    })
                    .collect();
                let status = if r.eligible {
                    "eligible".to_owned()
                } else {
                    format!("not eligible: {}", why.join("; "))
                };
                writeln!(
                    out,
                    "{:>3}  {:<16} {:>7.2}  {:>2} members  {}",
                    r.rank, r.window, r.score, r.members, status
                )?;
            }
            writeln!(out, "\n{}", stamp_line(p))?;
        }
    }
    report_errors(&a);
    Ok(if a.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
