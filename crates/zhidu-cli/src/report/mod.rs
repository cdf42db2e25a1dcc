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

/// Read the inputs and build the report. The case log is read in chunks and each chunk is
/// dropped once counted ([`zhidu::ReportBuilder`]), so memory holds the report, not the log;
/// the other inputs are read whole and dropped on return, before rendering.
fn build(policy: &zhidu::Policy, period: Period, args: &Args) -> Result<Report, CliError> {
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
    let previous_incidents = match &args.previous_incidents {
        Some(path) => Some(crate::assess::read_incidents(path)?),
        None => None,
    };
    let mut req = ReportRequest::new(period)
        .incidents(&incidents)
        .violations(&violations)
        .roster_rows(&roster);
    if let Some(a) = &args.as_of {
        req = req.as_of(Start::parse_instant(a, policy.calendar().offset())?);
    }
    if args.previous_cases.is_some() {
        req = req.previous_cases(&[]);
    }
    if let Some(rows) = &previous_incidents {
        req = req.previous_incidents(rows);
    }
    let mut builder = zhidu::ReportBuilder::new(policy, &req)?;
    // The same file as this period's is read once, each chunk counted for both periods.
    let same = args.previous_cases.as_ref() == Some(&args.cases);
    let mut progress = Progress::default();
    each_chunk(&args.cases, |chunk| {
        builder.push_cases(chunk)?;
        if same {
            builder.push_previous_cases(chunk)?;
        }
        progress.read(chunk.len());
        Ok(())
    })?;
    if let Some(path) = args.previous_cases.as_ref().filter(|_| !same) {
        each_chunk(path, |chunk| Ok(builder.push_previous_cases(chunk)?))?;
    }
    progress.done();
    Ok(builder.finish()?)
}

/// Cases read and counted at a time: large enough that the per-chunk work is amortized,
/// small enough (a few megabytes of rows) that the log's size does not show in memory.
const CHUNK: usize = 16_384;

/// Each chunk of the case log at `path` (JSON Lines or CSV, by its name), in order.
fn each_chunk(
    path: &Path,
    mut f: impl FnMut(&[Result<Case, zhidu::Error>]) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut rows = crate::table::stream_rows::<Case>(path)?;
    loop {
        let chunk: Vec<Result<Case, zhidu::Error>> = crate::table::values(
            rows.chunk(CHUNK)
                .map_err(|e| crate::table::in_file(path, e))?,
        );
        if chunk.is_empty() {
            return Ok(());
        }
        f(&chunk)?;
    }
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

/// A line on stderr while a long report runs, only when it is a terminal: the cases read so
/// far, every [`PROGRESS_EVERY`] of them.
#[derive(Default)]
struct Progress {
    read: usize,
    shown: bool,
}

const PROGRESS_EVERY: usize = 100_000;

impl Progress {
    fn read(&mut self, n: usize) {
        let before = self.read / PROGRESS_EVERY;
        self.read += n;
        if self.read / PROGRESS_EVERY > before && std::io::stderr().is_terminal() {
            let cases = self.read.to_string();
            let line = crate::output::say("label.cli.progress", &[("cases", &cases)]);
            eprint!("\r{line}");
            self.shown = true;
        }
    }

    fn done(&self) {
        if self.shown {
            eprintln!(" done");
        }
    }
}
