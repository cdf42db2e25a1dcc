//! `zhidu report`: one run over a period — case statuses, scorecards, the window ranking and
//! accountability decisions — as text, JSON or one self-contained HTML file with charts.

mod html;
mod svg;
mod text;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use zhidu::{
    Assessment, CaseStatus, Decision, Decisions, Period, PolicySet, RowError, Start, Status,
    SubjectKind, WindowRank,
};

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
    incidents: PathBuf,
    /// Violations CSV (accountability).
    #[arg(long, value_name = "FILE.csv")]
    violations: Option<PathBuf>,
    /// A CSV `subject,window` of everyone to score.
    #[arg(long, value_name = "FILE.csv")]
    roster: Option<PathBuf>,
    /// The instant case statuses are taken at (default: the last second of the period).
    #[arg(long)]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

/// Case counts for one class.
#[derive(Serialize)]
pub(crate) struct ClassCount {
    pub(crate) class: String,
    pub(crate) total: usize,
    pub(crate) by_status: BTreeMap<String, usize>,
    pub(crate) overdue: usize,
}

/// Everything the report shows, in one JSON shape.
#[derive(Serialize)]
pub(crate) struct Report {
    pub(crate) policy: String,
    pub(crate) policy_name: String,
    pub(crate) period: String,
    pub(crate) as_of: String,
    pub(crate) cases_total: usize,
    /// Case answers that touched a provisional year (after the calendar's last notice).
    pub(crate) cases_provisional: usize,
    /// The basis of each provisional year those answers touched.
    pub(crate) provisional_basis: Vec<String>,
    pub(crate) by_status: BTreeMap<String, usize>,
    pub(crate) by_class: Vec<ClassCount>,
    pub(crate) overdue_by_window: Vec<(String, usize)>,
    pub(crate) yellow: Vec<CaseStatus>,
    pub(crate) red: Vec<CaseStatus>,
    pub(crate) case_errors: Vec<(u64, zhidu::Error)>,
    pub(crate) assessment: Assessment,
    pub(crate) deductions_by_category: Vec<(String, i64)>,
    pub(crate) ranking: Vec<WindowRank>,
    pub(crate) decisions: Vec<Decision>,
    pub(crate) decision_errors: Vec<RowError>,
    pub(crate) highest_tiers: Vec<(String, Option<u32>)>,
}

impl Report {
    /// Person scorecards only.
    pub(crate) fn people(&self) -> impl Iterator<Item = &zhidu::Scorecard> {
        self.assessment
            .scorecards
            .iter()
            .filter(|c| c.kind == SubjectKind::Person)
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.case_errors.is_empty()
            || !self.assessment.errors.is_empty()
            || !self.decision_errors.is_empty()
    }
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let report = build(&set, args)?;
    let mut buf: Vec<u8> = Vec::new();
    match args.format {
        ReportFormat::Json => writeln!(buf, "{}", serde_json::to_string_pretty(&report)?)?,
        ReportFormat::Text => text::write(&mut buf, &report)?,
        ReportFormat::Html => html::write(&mut buf, &report)?,
    }
    match &args.out {
        Some(path) => std::fs::write(path, &buf).map_err(|source| CliError::Read {
            path: path.clone(),
            source,
        })?,
        None => std::io::stdout().lock().write_all(&buf)?,
    }
    if let Some(path) = &args.out {
        eprintln!("wrote {}", path.display());
    }
    // Bad rows are in the report; say so on stderr too, as `assess` and `decide` do.
    for (line, e) in &report.case_errors {
        eprintln!("case line {line}: {}", crate::output::error_cell(e));
    }
    crate::assess::report_errors(&report.assessment);
    for e in &report.decision_errors {
        eprintln!(
            "violation row {}: {}",
            e.row,
            crate::output::error_cell(&e.error)
        );
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn build(set: &PolicySet, args: &Args) -> Result<Report, CliError> {
    let policy = set.policy(&args.policy)?;
    let period: Period = args.period.parse()?;
    let offset = policy.calendar().offset();
    let as_of = match &args.as_of {
        Some(a) => Start::parse_instant(a, offset)?,
        None => {
            let (_, last) = period.days();
            Start::parse_instant(&format!("{last}T23:59:59"), offset)?
        }
    };
    let log = crate::cases::read_log(&args.cases)?;
    let progress = Progress::new(log.len());
    let mut statuses = Vec::with_capacity(log.len());
    let mut case_errors = Vec::new();
    for (i, (line, case)) in log.iter().enumerate() {
        progress.tick(i);
        match case
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|c| policy.case_status(c, as_of))
        {
            // A case accepted after `as_of` is not yet known then: not in the report.
            Ok(s) if !s.status.is_known() => {}
            Ok(s) => statuses.push(s),
            Err(e) => case_errors.push((*line, e)),
        }
    }
    progress.done();
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_class: BTreeMap<String, ClassCount> = BTreeMap::new();
    let mut overdue_by_window: BTreeMap<String, usize> = BTreeMap::new();
    for s in &statuses {
        *by_status.entry(s.status.to_string()).or_default() += 1;
        let c = by_class
            .entry(s.class.clone())
            .or_insert_with(|| ClassCount {
                class: s.class.clone(),
                total: 0,
                by_status: BTreeMap::new(),
                overdue: 0,
            });
        c.total += 1;
        *c.by_status.entry(s.status.to_string()).or_default() += 1;
        if matches!(s.status, Status::Red | Status::DoneLate) {
            c.overdue += 1;
            *overdue_by_window
                .entry(s.window.clone().unwrap_or_else(|| "—".to_owned()))
                .or_default() += 1;
        }
    }
    let mut yellow: Vec<CaseStatus> = statuses
        .iter()
        .filter(|s| s.status == Status::Yellow)
        .cloned()
        .collect();
    let mut red: Vec<CaseStatus> = statuses
        .iter()
        .filter(|s| s.status == Status::Red)
        .cloned()
        .collect();
    yellow.sort_by(|a, b| (a.due_at, &a.id).cmp(&(b.due_at, &b.id)));
    red.sort_by(|a, b| {
        b.overdue_days
            .cmp(&a.overdue_days)
            .then_with(|| a.id.cmp(&b.id))
    });
    let inputs =
        crate::assess::read_inputs(&args.incidents, Some(&args.cases), args.roster.as_deref())?;
    let assessment = crate::assess::run_assessment(set, &args.policy, &args.period, None, &inputs)?;
    let ranking = policy.rank(&assessment)?;
    let mut deductions: BTreeMap<(usize, String), i64> = BTreeMap::new();
    for card in assessment
        .scorecards
        .iter()
        .filter(|c| c.kind == SubjectKind::Person)
    {
        for (i, c) in card.categories.iter().enumerate() {
            *deductions
                .entry((i, format!("{} {}", c.id, c.name)))
                .or_default() += c.raw_deductions;
        }
    }
    let (decisions, decision_errors, highest_tiers) = match &args.violations {
        Some(path) => {
            let d: Decisions =
                crate::decide::decide(set, &args.policy, path, Some(&as_of.to_rfc3339()))?;
            let (start, end) = period.days();
            let in_period: Vec<Decision> = d
                .decisions
                .iter()
                .filter(|x| (start..=end).contains(&x.at.date_naive()))
                .cloned()
                .collect();
            let mut highest: BTreeMap<String, Option<u32>> = BTreeMap::new();
            for x in &in_period {
                let h = highest.entry(x.subject.clone()).or_default();
                *h = (*h).max(x.tier);
            }
            (in_period, d.errors, highest.into_iter().collect())
        }
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    let mut overdue_by_window: Vec<(String, usize)> = overdue_by_window.into_iter().collect();
    overdue_by_window.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Report {
        policy: policy.id().to_owned(),
        policy_name: policy.name().to_owned(),
        period: period.to_string(),
        as_of: as_of.to_rfc3339(),
        cases_total: statuses.len() + case_errors.len(),
        cases_provisional: statuses.iter().filter(|s| s.provisional).count(),
        provisional_basis: {
            let mut basis: Vec<String> = statuses.iter().flat_map(|s| s.basis.clone()).collect();
            basis.sort();
            basis.dedup();
            basis
        },
        by_status,
        by_class: by_class.into_values().collect(),
        overdue_by_window,
        yellow,
        red,
        case_errors,
        assessment,
        deductions_by_category: deductions
            .into_iter()
            .map(|((_, name), v)| (name, v))
            .collect(),
        ranking,
        decisions,
        decision_errors,
        highest_tiers,
    })
}

/// A progress line on stderr, only when it is a terminal and the run is long.
struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            on: total >= 10_000 && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self, i: usize) {
        if self.on && i % 5_000 == 0 {
            let width = 30;
            let filled = i * width / self.total.max(1);
            eprint!(
                "\rcases [{}{}] {i}/{}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    fn done(&self) {
        if self.on {
            eprintln!("\rcases [{}] {}/{}", "#".repeat(30), self.total, self.total);
        }
    }
}
