//! `zhidu access`: allow, deny or allow with approval for a file of access requests.
//!
//! Requests are CSV with header `subject,role,action,item,level,scope,facts,note` (`facts`
//! separated by `;`), or JSON Lines, read by the core (`zhidu::rows::REQUEST`); every row is
//! answered or reported with its row number.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{AccessDecisions, AccessRequest, Verdict};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with access rules (`s12-confidentiality`, `s1-window-it`, `s3-culture-centre`, …).
    #[arg(long)]
    policy: String,
    /// Requests: CSV, or JSON Lines (`.jsonl`).
    #[arg(long, value_name = "FILE")]
    request: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Allow => "allow",
        Verdict::AllowWithApproval => "allow_with_approval",
        Verdict::Deny => "deny",
    }
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let requests: Vec<Result<AccessRequest, zhidu::Error>> =
        crate::table::values(crate::table::read_rows::<AccessRequest>(&args.request)?);
    let d = p.access(&requests)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&d, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "row",
                "subject",
                "role",
                "action",
                "item",
                "level",
                "decision",
                "approvals",
                "conditions",
                "rules",
                "clauses",
            ])?;
            for x in &d.decisions {
                w.write_record([
                    x.row.to_string(),
                    x.subject.clone(),
                    x.role.clone(),
                    x.action.clone(),
                    x.item.clone().unwrap_or_default(),
                    x.level.clone().unwrap_or_default(),
                    verdict(x.decision).to_owned(),
                    x.approvals
                        .iter()
                        .map(|a| a.id.clone())
                        .collect::<Vec<_>>()
                        .join(";"),
                    x.conditions
                        .iter()
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                        .join(";"),
                    x.rules.join(";"),
                    x.clauses.join(";"),
                ])?;
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &d)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &d.errors {
        eprintln!("{}", crate::output::row_line("request", e.row, &e.error));
    }
    Ok(if d.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_human(out: &mut impl Write, d: &AccessDecisions) -> Result<(), CliError> {
    writeln!(out, "{} · access", d.policy)?;
    for x in &d.decisions {
        let what = [x.item.as_deref(), x.level.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("/");
        writeln!(
            out,
            "{:>4}  {:<8} {:<16} {:<12} {:<14} {}",
            x.row,
            x.subject,
            x.role,
            x.action,
            what,
            verdict(x.decision)
        )?;
        for a in &x.approvals {
            let given = if a.given { "given" } else { "needed" };
            writeln!(
                out,
                "      approval {} ({}) by {}: {given}",
                a.id, a.name, a.by
            )?;
        }
        for c in &x.conditions {
            writeln!(out, "      condition {}: {}", c.id, c.text)?;
        }
        writeln!(
            out,
            "      {} · {}",
            x.clauses.join(", "),
            x.reasons.join("; ")
        )?;
        for n in &x.defaults {
            writeln!(out, "      default {}: {}", n.param, n.note)?;
        }
    }
    Ok(())
}
