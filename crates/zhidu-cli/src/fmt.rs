//! `zhidu fmt [PATHS] [--check]`: policy files in the canonical layout (the core's
//! `zhidu::fmt::format_policy`; reading and writing files only here).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy files or directories (every `.toml` below them).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Change nothing: name the files that are not in the canonical layout and exit 1 if
    /// there are any (for CI).
    #[arg(long)]
    check: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, CliError> {
    let lang = crate::output::lang();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut changed = 0;
    let mut failed = false;
    for (name, text) in zhidu::PolicySet::read_paths(&args.paths)? {
        let formatted = match zhidu::fmt::format_policy(&name, &text) {
            Ok(f) => f,
            Err(e) => {
                // A file that is not TOML is reported and the others still formatted.
                for d in e.diagnostics() {
                    eprintln!("{}", d.in_lang(lang).render_in(lang));
                }
                failed = true;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        changed += 1;
        if args.check {
            writeln!(out, "{name}")?;
        } else {
            std::fs::write(&name, formatted).map_err(|source| CliError::WriteFile {
                path: PathBuf::from(&name),
                source,
            })?;
            writeln!(out, "{name}")?;
        }
    }
    Ok(if failed || (args.check && changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
