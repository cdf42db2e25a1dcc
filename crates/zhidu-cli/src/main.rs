//! `zhidu`: check policy files, compute due dates and case statuses from the command line.
//!
//! `main` parses and dispatches only; each command lives in its own module.
//!
//! Exit codes: 0 success; 1 the input has problems (policy diagnostics, bad rows — every good
//! row is still answered); 2 the command failed (usage, unreadable file, unknown policy).

mod access;
mod assess;
mod calendar;
mod cases;
mod check;
mod coverage;
mod decide;
mod diff;
mod doc;
mod due;
mod error;
mod explain;
mod flow;
mod fmt;
mod obligations;
mod output;
mod rank;
mod report;
mod retention;
mod rota;
mod rules;
mod schema;
mod subsidies;
mod table;
mod triggers;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::CliError;

/// Regulations of Chinese administrative service centres as code.
#[derive(Parser)]
#[command(name = "zhidu", version, about, long_about = None)]
struct Cli {
    /// Policy files or directories to use instead of the builtin policies.
    #[arg(long = "policies", global = true, value_name = "PATH")]
    policies: Vec<PathBuf>,

    /// Language of messages: `zh` (简体中文) or `en`; default from `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` (a `zh_*` locale gives Chinese, any other English).
    #[arg(long, global = true, value_name = "zh|en", value_parser = parse_lang)]
    lang: Option<zhidu::Lang>,

    #[command(subcommand)]
    command: Command,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people.
    Human,
    /// For programs: one JSON document.
    Json,
    /// Comma-separated values.
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Check policy files and print every diagnostic.
    Check(check::Args),
    /// Compute a due date (or a CSV batch of them) with its explanation.
    Due(due::Args),
    /// Print the status of every case of a case log at an instant.
    Cases(cases::Args),
    /// Score a period's incidents (and overdue cases) into scorecards.
    Assess(assess::Args),
    /// Rank the windows for the period's 红旗窗口.
    Rank(rank::Args),
    /// Decide accountability tiers for a history of violations.
    Decide(decide::Args),
    /// Allow, deny or allow with approval for access requests.
    Access(access::Args),
    /// Keep-until days of records and which are past them.
    Retention(retention::Args),
    /// One run over a period: case statuses, scorecards, ranking and decisions.
    Report(report::Args),
    /// S4's duty rota for a year: the windows on duty each month and the convener.
    Rota(rota::RotaArgs),
    /// A patrol log against the patrols each duty window owes a day (S4.req.1).
    Patrols(rota::PatrolArgs),
    /// Recurring obligations due in a period, met, late or missed against a log.
    Obligations(obligations::Args),
    /// The 验厂 triggers each enterprise fires (S8.verify).
    Triggers(triggers::Args),
    /// The training subsidies of trainees and employers (S8.train.1).
    Subsidies(subsidies::Args),
    /// The cases that skip or reorder the item flow (S14.biz.1.2a).
    Flow(flow::Args),
    /// For each regulation, every clause with where it is encoded or why not, and totals.
    Coverage(coverage::Args),
    /// The same period's inputs under two policy sets: what changes, and which rules did it.
    Diff(diff::Args),
    /// Every class, rule, tier and other entry of a policy with its clause, quote, values
    /// and defaults.
    Rules(rules::Args),
    /// One clause, rule, class, tier or other entry in full, with where it is used.
    Explain(explain::Args),
    /// Write the policies' documentation as a static offline site.
    Doc(doc::Args),
    /// A calendar year's days with their basis, notice files, and what moves when one lands.
    #[command(subcommand)]
    Calendar(calendar::Command),
    /// JSON Schemas of policy files and input rows, for editors and validators.
    Schema(schema::Args),
    /// Rewrite policy files in the canonical layout (`--check`: only name the files).
    Fmt(fmt::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    output::set_lang(cli.lang.unwrap_or_else(|| {
        let var = |name| std::env::var(name).ok();
        let (all, messages, lang) = (var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
        zhidu::Lang::from_locale_vars([all.as_deref(), messages.as_deref(), lang.as_deref()])
    }));
    let result = match cli.command {
        Command::Check(args) => check::run(&cli.policies, &args),
        Command::Due(args) => due::run(&cli.policies, &args),
        Command::Cases(args) => cases::run(&cli.policies, &args),
        Command::Assess(args) => assess::run(&cli.policies, &args),
        Command::Rank(args) => rank::run(&cli.policies, &args),
        Command::Decide(args) => decide::run(&cli.policies, &args),
        Command::Access(args) => access::run(&cli.policies, &args),
        Command::Retention(args) => retention::run(&cli.policies, &args),
        Command::Report(args) => report::run(&cli.policies, cli.lang, &args),
        Command::Rota(args) => rota::run_rota(&cli.policies, &args),
        Command::Patrols(args) => rota::run_patrols(&cli.policies, &args),
        Command::Obligations(args) => obligations::run(&cli.policies, &args),
        Command::Coverage(args) => coverage::run(&cli.policies, &args),
        Command::Calendar(command) => calendar::run(&cli.policies, &command),
        Command::Triggers(args) => triggers::run(&cli.policies, &args),
        Command::Subsidies(args) => subsidies::run(&cli.policies, &args),
        Command::Flow(args) => flow::run(&cli.policies, &args),
        Command::Diff(args) => diff::run(cli.lang, &args),
        Command::Rules(args) => rules::run(&cli.policies, &args),
        Command::Explain(args) => explain::run(&cli.policies, &args),
        Command::Doc(args) => doc::run(&cli.policies, &args),
        Command::Schema(args) => schema::run(&args),
        Command::Fmt(args) => fmt::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            output::print_error(&e);
            ExitCode::from(2)
        }
    }
}

/// `--lang`: the core's language names, with its English message for clap to print.
fn parse_lang(s: &str) -> Result<zhidu::Lang, String> {
    s.parse().map_err(|e: zhidu::Error| e.to_string())
}

/// The policy set: the given paths, or the builtin policies.
pub(crate) fn policy_set(paths: &[PathBuf]) -> Result<zhidu::PolicySet, CliError> {
    if paths.is_empty() {
        Ok(zhidu::PolicySet::builtin()?)
    } else {
        let files = zhidu::PolicySet::read_paths(paths)?;
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Ok(zhidu::PolicySet::from_sources(&refs)?)
    }
}
