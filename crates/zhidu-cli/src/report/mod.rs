//! `zhidu report`: reads the period's files and hands the rows to [`zhidu::Policy::report`];
//! the core computes and renders (text, JSON, HTML), this prints.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::{Case, Lang, Period, Report, ReportRequest, Start};

use crate::error::CliError;

/// Output formats of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    /// Plain text for a terminal.
    Text,
    /// One JSON document.
    Json,
    /// One self-contained HTML file (inline CSS and SVG, no network), A4-printable.
    Html,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id (deadline classes, deduction table and accountability rules).
    #[arg(long)]
    policy: String,
    /// Period: `2026-10`, `2026-Q4` or `2026`.
    #[arg(long)]
    period: String,
    /// The case log (JSON Lines or CSV).
    #[arg(long, value_name = "FILE")]
    cases: PathBuf,
    /// Incidents CSV.
    #[arg(long, value_name = "FILE.csv")]
    incidents: Option<PathBuf>,
    /// Violations CSV (accountability).
    #[arg(long, value_name = "FILE.csv")]
    violations: Option<PathBuf>,
    /// A CSV `subject,window` of everyone to score.
    #[arg(long, value_name = "FILE.csv")]
    roster: Option<PathBuf>,
    /// The previous period's case log, for the month-on-month change (it may be the same
    /// file: each period counts only its own cases).
    #[arg(long, value_name = "FILE")]
    previous_cases: Option<PathBuf>,
    /// The previous period's incidents CSV, for its mean score.
    #[arg(long, value_name = "FILE.csv")]
    previous_incidents: Option<PathBuf>,
    /// The instant case statuses are taken at (default and latest: the last second of the
    /// period).
    #[arg(long)]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

/// `lang` is the global `--lang`: a report's labels are in it, else in Chinese (the report is
/// read by the centre's staff, whatever the machine's locale).
pub(crate) fn run(
    global: &[PathBuf],
    lang: Option<Lang>,
    args: &Args,
) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let policy = set.policy(&args.policy)?;
    let period: Period = args.period.parse()?;
    let lang = lang.unwrap_or(Lang::Zh);
    let report = build(policy, period, args)?;
    // The inputs are dropped by now; JSON is written as it is serialized, never held whole (a
    // report over a million cases is hundreds of megabytes of JSON).
    if args.format == ReportFormat::Json {
        write_json(&report, args.out.as_deref())?;
    } else {
        let text = match args.format {
            ReportFormat::Text => report.to_text(lang),
            _ => report.to_html(lang),
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
    }
    // Bad rows are in the report; say so on stderr too, as `assess` and `decide` do.
    for e in &report.case_errors {
        eprintln!("{}", crate::output::row_line("case", e.row, &e.error));
    }
    if let Some(a) = &report.assessment {
        crate::assess::report_errors(a);
    }
    for e in &report.decision_errors {
        eprintln!("{}", crate::output::row_line("violation", e.row, &e.error));
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Read the inputs and build the report; the inputs are dropped on return, before rendering.
fn build(policy: &zhidu::Policy, period: Period, args: &Args) -> Result<Report, CliError> {
    let cases = read_cases(&args.cases)?;
    let incidents = match &args.incidents {
        Some(path) => crate::assess::read_incidents(path)?,
        None => Vec::new(),
    };
    let violations = match &args.violations {
        Some(path) => crate::decide::read_violations(path)?,
        None => Vec::new(),
    };
    let roster = match &args.roster {
        Some(path) => crate::assess::read_roster(path)?,
        None => Vec::new(),
    };
    // The same file as this period's is read once and not copied.
    let previous_cases = match &args.previous_cases {
        Some(path) if *path != args.cases => Some(read_cases(path)?),
        _ => None,
    };
    let previous_cases: Option<&[Result<zhidu::Case, zhidu::Error>]> = match &args.previous_cases {
        Some(_) if previous_cases.is_none() => Some(&cases),
        _ => previous_cases.as_deref(),
    };
    let previous_incidents = match &args.previous_incidents {
        Some(path) => Some(crate::assess::read_incidents(path)?),
        None => None,
    };
    let mut req = ReportRequest::new(period)
        .cases(&cases)
        .incidents(&incidents)
        .violations(&violations)
        .roster_rows(&roster);
    if let Some(a) = &args.as_of {
        req = req.as_of(Start::parse_instant(a, policy.calendar().offset())?);
    }
    if let Some(rows) = previous_cases {
        req = req.previous_cases(rows);
    }
    if let Some(rows) = &previous_incidents {
        req = req.previous_incidents(rows);
    }
    let progress = Progress::start(cases.len());
    let report = policy.report(&req)?;
    progress.done();
    Ok(report)
}

/// The report as pretty JSON (as [`Report::to_json`]), streamed to `out` or stdout.
fn write_json(report: &Report, out: Option<&Path>) -> Result<(), CliError> {
    fn write(report: &Report, w: impl Write) -> std::io::Result<()> {
        let mut w = std::io::BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, report)?;
        w.write_all(b"\n")?;
        w.flush()
    }
    match out {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|source| CliError::Read {
                path: path.to_path_buf(),
                source,
            })?;
            write(report, file).map_err(|source| CliError::Read {
                path: path.to_path_buf(),
                source,
            })?;
            let path = path.display().to_string();
            eprintln!(
                "{}",
                crate::output::say("label.cli.wrote", &[("path", &path)])
            );
        }
        None => write(report, std::io::stdout().lock())?,
    }
    Ok(())
}

fn read_cases(path: &Path) -> Result<Vec<Result<Case, zhidu::Error>>, CliError> {
    Ok(crate::cases::read_log(path)?
        .into_iter()
        .map(|(_, c)| c)
        .collect())
}

/// A line on stderr while a long report runs, only when it is a terminal.
struct Progress {
    on: bool,
}

impl Progress {
    fn start(cases: usize) -> Progress {
        let on = cases >= 100_000 && std::io::stderr().is_terminal();
        if on {
            let cases = cases.to_string();
            let line = crate::output::say("label.cli.progress", &[("cases", &cases)]);
            eprint!("{line}");
        }
        Progress { on }
    }

    fn done(&self) {
        if self.on {
            eprintln!(" done");
        }
    }
}
