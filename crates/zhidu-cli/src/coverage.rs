//! `zhidu coverage`: for each regulation, every clause of the clause index with the policy
//! entries that encode it or the reason none does, and the totals (the core's
//! `PolicySet::clause_coverage`; rendering only here).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{ClauseCoverage, ClauseStatus, CoverageTotals};

use crate::error::CliError;
use crate::output::{hash_line, hashed, say};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CoverageFormat {
    /// Every clause under its regulation, then the totals.
    Table,
    /// The core's answer as JSON (the bindings' `clause_coverage` shape).
    Json,
    /// The totals as a Markdown table (the README's).
    Markdown,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Only this regulation, such as `S8`.
    #[arg(long, value_name = "S<n>")]
    regulation: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: CoverageFormat,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let lang = crate::output::lang();
    // A citation the index lacks is a load warning: shown here too, where it matters most.
    for d in set.warnings() {
        eprintln!("{}", d.in_lang(lang).render_in(lang));
    }
    let cov = set.clause_coverage(args.regulation.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        CoverageFormat::Json => writeln!(out, "{}", hashed(&cov, &set)?)?,
        CoverageFormat::Markdown => write!(out, "{}", markdown(&cov))?,
        CoverageFormat::Table => {
            for r in &cov.regulations {
                let heading = [r.id.as_str(), " ", &r.title, " (L", &r.lines, ")"].concat();
                writeln!(out, "{heading}")?;
                for c in &r.clauses {
                    writeln!(out, "  {}", clause_line(c))?;
                }
                writeln!(out)?;
            }
            write!(out, "{}", markdown(&cov))?;
            writeln!(out, "\n{}", hash_line(&set))?;
        }
    }
    // A computable clause with neither an encoding nor a reason is a problem of the input.
    Ok(if cov.totals.missing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `S2.assess.ji.2  L247  deduction  s2-service-center rule S2.assess.ji.2`, or the reason
/// and its note in place of the encodings.
fn clause_line(c: &ClauseStatus) -> String {
    let line = c.line.map(|l| format!("L{l}")).unwrap_or_default();
    let kinds: Vec<String> = c
        .kinds
        .iter()
        .map(|k| {
            serde_json::to_value(k)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        })
        .collect();
    let status = if !c.encoded.is_empty() {
        let at: Vec<String> = c
            .encoded
            .iter()
            .map(|e| format!("{} {}", e.policy, e.entry))
            .collect();
        at.join("; ")
    } else if let Some(r) = &c.reason {
        let mut s = format!("[{r}]");
        if let Some(n) = &c.note {
            s.push(' ');
            s.push_str(n);
        }
        s
    } else if c.computable {
        say("label.coverage.missing_clause", &[])
    } else {
        String::new()
    };
    let columns = [
        format!("{:<14}", c.id),
        format!("{line:<6}"),
        format!("{:<28}", kinds.join(", ")),
        status,
    ];
    columns.join(" ").trim_end().to_owned()
}

/// The totals per regulation and overall as a Markdown table.
fn markdown(cov: &ClauseCoverage) -> String {
    let head: Vec<String> = [
        "regulation",
        "clauses",
        "computable",
        "encoded",
        "with_reason",
        "planned",
        "missing",
    ]
    .iter()
    .map(|h| say(&format!("label.coverage.{h}"), &[]))
    .collect();
    let mut s = format!("| {} |\n", head.join(" | "));
    s.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
    let row = |name: &str, t: &CoverageTotals| {
        format!(
            "| {name} | {} | {} | {} | {} | {} | {} |\n",
            t.clauses, t.computable, t.encoded, t.with_reason, t.planned, t.missing
        )
    };
    for r in &cov.regulations {
        s.push_str(&row(&format!("{} {}", r.id, r.title), &r.totals));
    }
    if cov.regulations.len() > 1 {
        s.push_str(&row(&say("label.coverage.total", &[]), &cov.totals));
    }
    s
}
