//! `zhidu schema [KIND] [--out DIR]`: the JSON Schemas of policy files and input rows (the
//! core's `zhidu::schema`; printing and writing only here).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The kind: `policy`, `calendar`, `clauses`, or a row kind (`case`, `incident`, …);
    /// without one (and without `--out`), the kinds are listed.
    kind: Option<String>,
    /// Write every kind's schema to DIR/KIND.json (the shipped ones are `policies/schema/`).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|source| CliError::WriteFile {
            path: dir.clone(),
            source,
        })?;
        for kind in zhidu::schema::kinds() {
            let path = dir.join(format!("{kind}.json"));
            let text = schema_text(kind)?;
            std::fs::write(&path, text).map_err(|source| CliError::WriteFile {
                path: path.clone(),
                source,
            })?;
            writeln!(out, "{}", path.display())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    match &args.kind {
        Some(kind) => write!(out, "{}", schema_text(kind)?)?,
        None => {
            for kind in zhidu::schema::kinds() {
                writeln!(out, "{kind}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn schema_text(kind: &str) -> Result<String, CliError> {
    zhidu::schema::schema_text(kind).ok_or_else(|| CliError::UnknownSchema {
        kind: kind.to_owned(),
        kinds: zhidu::schema::kinds().join("`, `"),
    })
}
