//! `zhidu rota` and `zhidu patrols`: S4's duty rota for a year, and a patrol log checked
//! against the patrols each duty window owes a day.
//!
//! The ordered window list (`--windows`, rows `window,head`) is required unless the policy
//! lists its windows; absences (`--away`, rows `window,from,until,stand_in`) and patrols
//! (`--log`, rows `window,at,by`) are CSV or JSON Lines, read by the core
//! (`zhidu::rows::DUTY_WINDOW`, `AWAY`, `PATROL`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhidu::rows::{Away, Patrol};
use zhidu::{DutyWindow, PatrolCheck, Rota};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct RotaArgs {
    /// Policy id with a duty rota (`s4-duty-rota`).
    #[arg(long)]
    policy: String,
    /// The year.
    #[arg(long)]
    year: i32,
    /// The ordered window list, CSV `window,head` (the seed's annex is empty, A25).
    #[arg(long, value_name = "FILE.csv")]
    windows: Option<PathBuf>,
    /// Officers away, CSV `window,from,until,stand_in` (S4.req.3).
    #[arg(long, value_name = "FILE.csv")]
    away: Option<PathBuf>,
    /// Output format: `human`, `json`, or `csv` (one row per duty window and month).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(clap::Args)]
pub(crate) struct PatrolArgs {
    /// Policy id with a patrol rule (`s4-duty-rota`).
    #[arg(long)]
    policy: String,
    /// The period: a month `2027-01`, a quarter `2027-Q1` or a year `2027`.
    #[arg(long)]
    period: String,
    /// The patrol log, CSV `window,at,by`.
    #[arg(long, value_name = "FILE.csv")]
    log: PathBuf,
    /// The ordered window list, CSV `window,head`.
    #[arg(long, value_name = "FILE.csv")]
    windows: Option<PathBuf>,
    /// Output format: `human`, `json`, or `csv` (the failures as incident rows for
    /// `zhidu assess` and `zhidu rank`).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// The window list: every row must read, since one missing window shifts the rotation.
fn read_windows(path: Option<&Path>) -> Result<Vec<DutyWindow>, CliError> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    crate::table::read_rows::<DutyWindow>(path)?
        .into_iter()
        .map(|(_, r)| r.map_err(|e| CliError::Core(e.into())))
        .collect()
}

pub(crate) fn run_rota(global: &[PathBuf], args: &RotaArgs) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let windows = read_windows(args.windows.as_deref())?;
    let away: Vec<Result<Away, zhidu::Error>> = match &args.away {
        Some(path) => crate::table::values(crate::table::read_rows::<Away>(path)?),
        None => Vec::new(),
    };
    let rota = p.rota(args.year, &windows, &away)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&rota, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["month", "position", "window", "officer", "convener"])?;
            for m in &rota.months {
                for d in &m.duty {
                    w.write_record([
                        m.month.clone(),
                        d.position.to_string(),
                        d.window.clone(),
                        d.officer.clone().unwrap_or_default(),
                        d.convener.to_string(),
                    ])?;
                }
            }
            w.flush()?;
        }
        Format::Human => {
            write_rota(&mut out, &rota)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &rota.errors {
        eprintln!("{}", crate::output::row_line("away", e.row, &e.error));
    }
    Ok(if rota.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_rota(out: &mut impl Write, rota: &Rota) -> Result<(), CliError> {
    writeln!(
        out,
        "{} · rota {} · {} windows, {} a month",
        rota.policy, rota.year, rota.windows, rota.per_month
    )?;
    for m in &rota.months {
        let duty: Vec<String> = m
            .duty
            .iter()
            .map(|d| match &d.officer {
                Some(o) => format!("{}({o})", d.window),
                None => d.window.clone(),
            })
            .collect();
        writeln!(
            out,
            "{}  convener {:<6} {}",
            m.month,
            m.convener,
            duty.join(" ")
        )?;
        for d in &m.duty {
            for s in &d.stand_ins {
                let who = s.stand_in.as_deref().unwrap_or("—");
                writeln!(
                    out,
                    "    {} away {}–{}: stand-in {who}",
                    d.window, s.from, s.until
                )?;
            }
        }
    }
    writeln!(out, "clauses: {}", rota.clauses.join(", "))?;
    Ok(())
}

pub(crate) fn run_patrols(global: &[PathBuf], args: &PatrolArgs) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let period: zhidu::Period = args.period.parse()?;
    let windows = read_windows(args.windows.as_deref())?;
    let log: Vec<Result<Patrol, zhidu::Error>> =
        crate::table::values(crate::table::read_rows::<Patrol>(&args.log)?);
    let check = p.patrol_failures(period, &windows, &log)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&check, p)?)?,
        // The failures as incident rows, ready for `zhidu assess` or `zhidu rank --incidents`.
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["subject", "window", "at", "rule", "quantity", "note"])?;
            for i in &check.incidents {
                let (at, quantity) = (i.at.to_string(), i.quantity.to_string());
                w.write_record([&i.subject, &i.window, &at, &i.rule, &quantity, &i.note])?;
            }
            w.flush()?;
        }
        Format::Human => {
            write_patrols(&mut out, &check)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &check.errors {
        eprintln!("{}", crate::output::row_line("patrol", e.row, &e.error));
    }
    Ok(if check.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_patrols(out: &mut impl Write, c: &PatrolCheck) -> Result<(), CliError> {
    writeln!(
        out,
        "{} · patrols {} · {} a day",
        c.policy, c.period, c.per_day
    )?;
    for w in &c.windows {
        writeln!(
            out,
            "{}  {:<6} days {:>2}  patrols {:>3}  short {:>2}",
            w.month, w.window, w.days, w.patrols, w.days_short
        )?;
    }
    for f in &c.failures {
        writeln!(
            out,
            "{}  {:<6} {}/{}",
            f.date, f.window, f.patrols, f.required
        )?;
    }
    writeln!(out, "clauses: {}", c.clauses.join(", "))?;
    Ok(())
}
