//! `zhidu diff`: the same period's inputs under two policy sets (what-if). Reads the two
//! sets and the rows, hands them to [`zhidu::Policy::what_if`] and prints its text, JSON or
//! HTML; the comparison is the core's.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::{Lang, Period, PolicySet, ReportRequest, Start};

use crate::error::CliError;
use crate::report::ReportFormat;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The rules before: `builtin`, or a policy directory or file.
    #[arg(long, value_name = "SET")]
    before: String,
    /// The rules after: `builtin`, or a policy directory or file.
    #[arg(long, value_name = "SET")]
    after: String,
    /// The policy to compare (needed when a set holds several policies with a deduction
    /// table or deadline classes; default: the only policy the `after` set defines, else
    /// `s2-service-center`).
    #[arg(long)]
    policy: Option<String>,
    /// Period: `2026-10`, `2026-Q4` or `2026`.
    #[arg(long)]
    period: String,
    /// The case log (JSON Lines or CSV).
    #[arg(long, value_name = "FILE")]
    cases: Option<PathBuf>,
    /// Incidents CSV.
    #[arg(long, value_name = "FILE.csv")]
    incidents: Option<PathBuf>,
    /// Violations CSV (accountability).
    #[arg(long, value_name = "FILE.csv")]
    violations: Option<PathBuf>,
    /// A CSV `subject,window` of everyone to score.
    #[arg(long, value_name = "FILE.csv")]
    roster: Option<PathBuf>,
    /// The instant statuses are taken at (default and latest: the period's last second).
    #[arg(long)]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

/// `lang` as for `report`: the global `--lang`, else Chinese.
pub(crate) fn run(lang: Option<Lang>, args: &Args) -> Result<ExitCode, CliError> {
    let before = load("before", &args.before)?;
    let after = load("after", &args.after)?;
    let id = match &args.policy {
        Some(id) => id.clone(),
        None => default_policy(&after),
    };
    let (b, a) = (before.policy(&id)?, after.policy(&id)?);
    let period: Period = args.period.parse()?;
    let cases: Vec<_> = match &args.cases {
        Some(p) => crate::cases::read_log(p)?
            .into_iter()
            .map(|(_, c)| c)
            .collect(),
        None => Vec::new(),
    };
    let incidents = read_or_empty(args.incidents.as_deref(), crate::assess::read_incidents)?;
    let violations = read_or_empty(args.violations.as_deref(), crate::decide::read_violations)?;
    let roster = read_or_empty(args.roster.as_deref(), crate::assess::read_roster)?;
    let mut req = ReportRequest::new(period)
        .cases(&cases)
        .incidents(&incidents)
        .violations(&violations)
        .roster_rows(&roster);
    if let Some(t) = &args.as_of {
        req = req.as_of(Start::parse_instant(t, b.calendar().offset())?);
    }
    let diff = b.what_if(a, &req)?;
    let lang = lang.unwrap_or(Lang::Zh);
    let text = match args.format {
        ReportFormat::Text => diff.to_text(lang),
        ReportFormat::Json => diff.to_json() + "\n",
        ReportFormat::Html => diff.to_html(lang),
    };
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).map_err(|source| CliError::Read {
                path: path.clone(),
                source,
            })?;
            let path = path.display().to_string();
            eprintln!(
                "{}",
                crate::output::say("label.cli.wrote", &[("path", &path)])
            );
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The rows of an optional file; none without one.
fn read_or_empty<T>(
    path: Option<&Path>,
    read: impl Fn(&Path) -> Result<Vec<T>, CliError>,
) -> Result<Vec<T>, CliError> {
    path.map_or_else(|| Ok(Vec::new()), read)
}

/// `builtin`, or the files under a path; an error names the side and the set.
fn load(side: &'static str, set: &str) -> Result<PolicySet, CliError> {
    let loaded = if set == "builtin" {
        PolicySet::builtin()
    } else {
        PolicySet::read_paths(&[PathBuf::from(set)]).and_then(|f| PolicySet::from_sources(&f))
    };
    loaded.map_err(|source| CliError::Set {
        side,
        set: set.to_owned(),
        source,
    })
}

/// The one policy the set's own files define, else S2 (the example centre's).
fn default_policy(set: &PolicySet) -> String {
    let own: Vec<&zhidu::Policy> = if set.is_builtin() {
        Vec::new()
    } else {
        let files: Vec<&str> = set.sources().iter().map(|(n, _)| n.as_str()).collect();
        set.policies()
            .filter(|p| files.contains(&p.file()))
            .collect()
    };
    match own.as_slice() {
        [one] => one.id().to_owned(),
        _ => "s2-service-center".to_owned(),
    }
}
