//! `zhidu flow`: the cases whose `step` events skip or reorder the item flow
//! (S14.biz.1.2a), each one piece of the flow rule.
//!
//! Cases are the case log of `zhidu cases` (CSV or JSON Lines, `zhidu::rows::CASE`), with
//! `step` events such as `step 2026-10-09T09:00 accept`. `--format csv` prints the findings
//! as incident rows (`subject,window,at,rule,quantity,case,note`) that `zhidu assess
//! --incidents` reads, so a finding is deducted like any incident.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{Case, FlowFindings};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with `[flow]` (`s14-window-scorecard`).
    #[arg(long)]
    policy: String,
    /// Case log, CSV or JSON Lines.
    #[arg(long, value_name = "FILE.csv")]
    cases: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let rows = crate::table::values(crate::table::read_rows::<Case>(&args.cases)?);
    let f = p.flow_findings(&rows)?.into_lang(crate::output::lang());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&f, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "subject", "window", "at", "rule", "quantity", "case", "note",
            ])?;
            for x in &f.findings {
                w.write_record([
                    x.subject.clone(),
                    x.window.clone().unwrap_or_default(),
                    x.at.to_rfc3339(),
                    x.rule.clone(),
                    "1".to_owned(),
                    x.case.clone(),
                    x.reason.clone(),
                ])?;
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &f)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &f.errors {
        eprintln!("{}", crate::output::row_line("case", e.row, &e.error));
    }
    Ok(if f.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_human(out: &mut impl Write, f: &FlowFindings) -> Result<(), CliError> {
    writeln!(
        out,
        "{}",
        [f.policy.as_str(), &f.steps.join("→")].join(" · ")
    )?;
    for x in &f.findings {
        let line = [
            x.case.as_str(),
            x.subject.as_str(),
            &x.at.format("%Y-%m-%d").to_string(),
            x.rule.as_str(),
            x.reason.as_str(),
        ]
        .join("  ");
        writeln!(out, "{line}")?;
    }
    let counts = [
        f.findings.len().to_string(),
        f.checked.to_string(),
        f.unlogged.to_string(),
    ]
    .join("/");
    writeln!(out, "Σ  {counts}")?;
    Ok(())
}
