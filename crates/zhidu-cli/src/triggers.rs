//! `zhidu triggers`: the 验厂 triggers each enterprise fires (S8.verify.1–7).
//!
//! Facts are CSV with header `enterprise,as_of,new_enterprise,new_contract,halt_start,
//! halt_end,beyond_scope,declared,writeoffs,rent_arrears_months,wage_arrears_months,other`
//! (any subset after the first two; `writeoffs` as `date=quantity;…`), or JSON Lines, read by
//! the core (`zhidu::rows::ENTERPRISE`); every row is answered or reported with its number.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{EnterpriseFacts, Triggers};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id with `[[trigger]]` (`s8-investment-centre`).
    #[arg(long)]
    policy: String,
    /// Enterprise facts, CSV or JSON Lines.
    #[arg(long, value_name = "FILE.csv")]
    facts: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let p = set.policy(&args.policy)?;
    let rows = crate::table::values(crate::table::read_rows::<EnterpriseFacts>(&args.facts)?);
    let t = p.triggers(&rows)?.into_lang(crate::output::lang());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => writeln!(out, "{}", crate::output::stamped(&t, p)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["row", "enterprise", "as_of", "clause", "check", "reason"])?;
            for e in &t.enterprises {
                for f in &e.fired {
                    w.write_record([
                        e.row.to_string(),
                        e.enterprise.clone(),
                        e.as_of.to_string(),
                        f.clause.clone(),
                        check_name(f.check).to_owned(),
                        f.reason.clone(),
                    ])?;
                }
            }
            w.flush()?;
        }
        Format::Human => {
            write_human(&mut out, &t)?;
            writeln!(out, "\n{}", crate::output::stamp_line(p))?;
        }
    }
    for e in &t.errors {
        eprintln!("{}", crate::output::row_line("enterprise", e.row, &e.error));
    }
    Ok(if t.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn check_name(c: zhidu::Check) -> &'static str {
    match c {
        zhidu::Check::Capacity => "capacity",
        zhidu::Check::Operations => "operations",
        _ => "other",
    }
}

fn write_human(out: &mut impl Write, t: &Triggers) -> Result<(), CliError> {
    writeln!(out, "{}", [t.policy.as_str(), "验厂"].join(" · "))?;
    for e in &t.enterprises {
        let count = e.fired.len().to_string();
        writeln!(
            out,
            "{}",
            [e.enterprise.as_str(), &e.as_of.to_string(), &count].join("  ")
        )?;
        for f in &e.fired {
            let check = crate::output::say(&["label.check.", check_name(f.check)].concat(), &[]);
            let line = [f.clause.as_str(), &check, f.reason.as_str()].join("  ");
            writeln!(out, "{}", ["   ", &line].join(" "))?;
        }
    }
    Ok(())
}
