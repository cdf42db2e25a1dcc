//! `zhidu decide`: accountability decisions for a history of violations.
//!
//! Violations are CSV with header `subject,at,violation,flags,note` (`flags` separated by
//! `;`), or JSON Lines, read by the core (`zhidu::rows::VIOLATION`); every row is decided or
//! reported with its row number.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::{Decisions, Start, ViolationRecord};

use crate::Format;
use crate::error::CliError;
use crate::output::{enveloped, stamp_line};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with accountability rules (`s2-service-center`, `s7-joint-processing`, …).
    #[arg(long)]
    policy: String,
    /// Violations CSV.
    #[arg(long, value_name = "FILE.csv")]
    violations: PathBuf,
    /// Decide as of this instant: later records are not yet known.
    #[arg(long)]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn decide(
    set: &zhidu::PolicySet,
    policy: &str,
    path: &Path,
    as_of: Option<&str>,
) -> Result<Decisions, CliError> {
    let p = set.policy(policy)?;
    let records = read_violations(path)?;
    let as_of = as_of
        .map(|a| Start::parse_instant(a, p.calendar().offset()))
        .transpose()?;
    Ok(p.decide(&records, as_of)?)
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let d = decide(&set, &args.policy, &args.violations, args.as_of.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            enveloped("decisions", &d.decisions, set.policy(&args.policy)?)?
        )?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "row",
                "subject",
                "at",
                "violation",
                "applied",
                "tier",
                "tier_name",
                "measures",
                "needs_review",
                "escalation",
                "candidate_tier",
                "clauses",
            ])?;
            for x in &d.decisions {
                w.write_record([
                    x.row.to_string(),
                    x.subject.clone(),
                    x.at.to_rfc3339(),
                    x.violation.clone(),
                    x.applied.clone(),
                    x.tier.map(|t| t.to_string()).unwrap_or_default(),
                    x.tier_name.clone().unwrap_or_default(),
                    x.measures.join(";"),
                    x.needs_review.to_string(),
                    x.escalation
                        .as_ref()
                        .map(|e| e.clause.clone())
                        .unwrap_or_default(),
                    x.candidate_tier.map(|t| t.to_string()).unwrap_or_default(),
                    x.clauses.join(";"),
                ])?;
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &d)?;
            writeln!(out, "\n{}", stamp_line(set.policy(&args.policy)?))?;
        }
    }
    for e in &d.errors {
        eprintln!("{}", crate::output::row_line("violation", e.row, &e.error));
    }
    if d.after_as_of > 0 {
        let count = d.after_as_of.to_string();
        let line = crate::output::say("label.cli.after_as_of", &[("count", &count)]);
        eprintln!("{line}");
    }
    Ok(if d.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub(crate) fn write_human(out: &mut impl Write, d: &Decisions) -> Result<(), CliError> {
    writeln!(out, "{} · accountability decisions", d.policy)?;
    for x in &d.decisions {
        let tier = x
            .tier
            .map_or_else(|| "manual".to_owned(), |t| format!("tier {t}"));
        writeln!(
            out,
            "{}  {:<8} {:<14} {:<7} {}",
            x.at.format("%Y-%m-%d"),
            x.subject,
            x.violation,
            tier,
            x.measures.join("、")
        )?;
        if x.applied != x.violation {
            writeln!(out, "    applied {} (exception)", x.applied)?;
        }
        if let Some(e) = &x.escalation {
            let prior = e
                .refers_to
                .as_ref()
                .map(|p| format!(" after {} on {}", p.violation, p.at.format("%Y-%m-%d")))
                .unwrap_or_default();
            writeln!(out, "    escalation {} ({}){prior}", e.clause, e.kind)?;
        }
        for r in &x.review_reasons {
            writeln!(out, "    review: {r}")?;
        }
        if let Some(c) = &x.compensation {
            writeln!(out, "    照价赔偿 ¥{c}")?;
        }
    }
    writeln!(out)?;
    for s in &d.subjects {
        writeln!(
            out,
            "{:<8} highest tier {}  ({} decisions, {} for review)",
            s.subject,
            s.highest_tier
                .map_or_else(|| "—".to_owned(), |t| t.to_string()),
            s.decisions,
            s.needs_review
        )?;
    }
    Ok(())
}

/// Read the violations (CSV, or JSON Lines by extension), one result per row, in order.
pub(crate) fn read_violations(
    path: &Path,
) -> Result<Vec<Result<ViolationRecord, zhidu::Error>>, CliError> {
    Ok(crate::table::values(crate::table::read_rows::<
        ViolationRecord,
    >(path)?))
}
