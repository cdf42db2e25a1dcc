//! `zhidu assess` and `zhidu rank`: scorecards and the window ranking for a period.
//!
//! Incidents are CSV with header `subject,window,at,rule,quantity,points,note` (optional
//! `department`, `case`, `basis` and `ref` columns), or JSON Lines, read by the core
//! (`zhidu::rows::INCIDENT`); every row is scored or reported with its row number.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::{AssessRequest, Assessment, Incident, Period, PolicySet, SubjectKind};

use crate::Format;
use crate::error::CliError;
use crate::output::{enveloped, stamp_line};

/// What `assess` and `rank` read: a policy, a period and its inputs.
#[derive(clap::Args)]
pub(crate) struct PeriodArgs {
    /// Policy id with a deduction table (`s2-service-center`, `s14-window-scorecard`).
    #[arg(long)]
    policy: String,
    /// Period: `2026-10`, `2026-Q4` or `2026`.
    #[arg(long)]
    period: String,
    /// Incidents CSV.
    #[arg(long, value_name = "FILE.csv")]
    incidents: PathBuf,
    /// A case log (JSON Lines or CSV) whose overdue cases generate deductions.
    #[arg(long, value_name = "FILE")]
    cases: Option<PathBuf>,
    /// The deadline policy of the case log (default: `--policy` if it has deadline classes).
    #[arg(long, value_name = "ID")]
    case_policy: Option<String>,
    /// A CSV `subject,window` of everyone to score, so people without incidents appear.
    #[arg(long, value_name = "FILE.csv")]
    roster: Option<PathBuf>,
}

impl PeriodArgs {
    /// Read the inputs and score the period.
    pub(crate) fn assess(&self, set: &PolicySet) -> Result<Assessment, CliError> {
        let inputs = read_inputs(
            &self.incidents,
            self.cases.as_deref(),
            self.roster.as_deref(),
        )?;
        run_assessment(
            set,
            &self.policy,
            &self.period,
            self.case_policy.as_deref(),
            &inputs,
        )
    }

    pub(crate) fn policy(&self) -> &str {
        &self.policy
    }
}

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: PeriodArgs,
    /// Output format (`human` is a table).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// Everything `assess`, `rank` and `report` read for a period: every row in its place, the
/// rows that could not be read as errors (reported with their row numbers by the core).
pub(crate) struct Inputs {
    pub(crate) incidents: Vec<Result<Incident, zhidu::Error>>,
    pub(crate) cases: Vec<Result<zhidu::Case, zhidu::Error>>,
    pub(crate) roster: Vec<zhidu::rows::RosterRow>,
}

pub(crate) fn read_inputs(
    incidents: &Path,
    cases: Option<&Path>,
    roster: Option<&Path>,
) -> Result<Inputs, CliError> {
    let cases = match cases {
        // Case rows are numbered among the log's non-empty lines.
        Some(path) => crate::cases::read_log(path)?
            .into_iter()
            .map(|(_, c)| c)
            .collect(),
        None => Vec::new(),
    };
    let roster = match roster {
        Some(path) => read_roster(path)?,
        None => Vec::new(),
    };
    Ok(Inputs {
        incidents: read_incidents(incidents)?,
        cases,
        roster,
    })
}

pub(crate) fn run_assessment(
    set: &PolicySet,
    policy: &str,
    period: &str,
    case_policy: Option<&str>,
    inputs: &Inputs,
) -> Result<Assessment, CliError> {
    let p = set.policy(policy)?;
    let period: Period = period.parse()?;
    let mut req = AssessRequest::new(period)
        .incident_rows(&inputs.incidents)
        .roster_rows(&inputs.roster);
    if !inputs.cases.is_empty() {
        req = req.case_rows(set.case_policy(p, case_policy)?, &inputs.cases);
    }
    Ok(p.assess(&req)?)
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let a = args.inputs.assess(&set)?;
    let p = set.policy(args.inputs.policy())?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => writeln!(out, "{}", enveloped("scorecards", &a.scorecards, p)?)?,
        Format::Csv => write_csv(&mut out, &a)?,
        Format::Human => {
            write_table(&mut out, &a)?;
            writeln!(out, "\n{}", stamp_line(p))?;
        }
    }
    out.flush()?;
    report_errors(&a);
    Ok(if a.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Row errors and out-of-period rows go to stderr, one line each.
pub(crate) fn report_errors(a: &Assessment) {
    for e in &a.errors {
        eprintln!("{}", crate::output::row_line(e.input, e.row, &e.error));
    }
    if a.outside_period > 0 {
        eprintln!(
            "{}",
            leftover(
                "label.cli.outside_period",
                a.outside_period,
                a,
                &a.outside_rows
            )
        );
    }
    if a.unpriced_late > 0 {
        eprintln!(
            "{}",
            leftover(
                "label.cli.unpriced_late",
                a.unpriced_late,
                a,
                &a.unpriced_rows
            )
        );
    }
}

/// A line about rows the period left out: label `id` with the count, period and rows.
fn leftover(id: &str, count: usize, a: &Assessment, rows: &[usize]) -> String {
    let rows: Vec<String> = rows.iter().map(usize::to_string).collect();
    let (count, period) = (count.to_string(), a.period.to_string());
    let params = [
        ("count", count.as_str()),
        ("period", &period),
        ("rows", &rows.join(", ")),
    ];
    crate::output::say(id, &params)
}

fn write_table(out: &mut impl Write, a: &Assessment) -> Result<(), CliError> {
    writeln!(out, "{} · {}", a.policy, a.period)?;
    for card in &a.scorecards {
        let kind = if card.kind == SubjectKind::Window {
            " (window)"
        } else {
            ""
        };
        writeln!(
            out,
            "\n{}{}  window {}  total {}  bonus {}  fines ¥{:.2}  withheld ¥{:.2}",
            card.subject,
            kind,
            card.window.as_deref().unwrap_or("—"),
            card.total,
            card.bonus,
            card.fines,
            card.withholdings
        )?;
        let cats: Vec<String> = card
            .categories
            .iter()
            .map(|c| format!("{} {}/{}", c.name, c.score, c.maximum))
            .collect();
        writeln!(out, "  {}", cats.join("  "))?;
        for l in &card.lines {
            writeln!(
                out,
                "  {:+4}  {:<18} ×{:<3} ¥{:>7.2}  {}  「{}」{}{}{}{}{}",
                l.points,
                l.rule,
                l.quantity,
                l.fine,
                l.at.format("%m-%d"),
                l.quote,
                if l.withholding.is_zero() {
                    String::new()
                } else {
                    format!(" withheld ¥{:.2}", l.withholding)
                },
                l.basis
                    .as_deref()
                    .map(|b| format!(" (basis {b})"))
                    .unwrap_or_default(),
                if l.superseded {
                    " (superseded, A33)"
                } else {
                    ""
                },
                l.imported_from
                    .as_deref()
                    .map(|p| format!(" (imported from {p})"))
                    .unwrap_or_default(),
                l.effects
                    .iter()
                    .map(|e| format!(" → {e}"))
                    .collect::<String>()
            )?;
        }
        for e in &card.effects {
            writeln!(out, "  effect: {} ({})", e.name, e.rule)?;
        }
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, a: &Assessment) -> Result<(), CliError> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec![
        "subject".to_owned(),
        "kind".to_owned(),
        "window".to_owned(),
        "total".to_owned(),
        "bonus".to_owned(),
        "fines".to_owned(),
        "withholdings".to_owned(),
    ];
    if let Some(first) = a.scorecards.first() {
        header.extend(first.categories.iter().map(|c| c.id.clone()));
    }
    header.push("effects".to_owned());
    w.write_record(&header)?;
    for card in &a.scorecards {
        let mut row = vec![
            card.subject.clone(),
            if card.kind == SubjectKind::Window {
                "window"
            } else {
                "person"
            }
            .to_owned(),
            card.window.clone().unwrap_or_default(),
            card.total.to_string(),
            card.bonus.to_string(),
            format!("{:.2}", card.fines),
            format!("{:.2}", card.withholdings),
        ];
        row.extend(card.categories.iter().map(|c| c.score.to_string()));
        row.push(
            card.effects
                .iter()
                .map(|e| &*e.name)
                .collect::<Vec<_>>()
                .join(";"),
        );
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Read the incidents (CSV, or JSON Lines by extension), one result per row, in order.
pub(crate) fn read_incidents(path: &Path) -> Result<Vec<Result<Incident, zhidu::Error>>, CliError> {
    Ok(crate::table::values(crate::table::read_rows::<Incident>(
        path,
    )?))
}

/// Read a roster (`subject,window`): an entry that cannot be read is a `roster` row error,
/// every other row is still answered.
pub(crate) fn read_roster(path: &Path) -> Result<Vec<zhidu::rows::RosterRow>, CliError> {
    crate::table::read_roster(path)
}
