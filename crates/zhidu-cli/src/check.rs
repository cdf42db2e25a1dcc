//! `zhidu check [PATH…]`: every diagnostic of the given policy files.

use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{PolicySet, Severity};

use crate::Format;
use crate::error::CliError;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy files or directories (default: the builtin policies).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let mut paths = global.to_vec();
    paths.extend(args.paths.iter().cloned());
    let (diagnostics, files) = if paths.is_empty() {
        let sources = PolicySet::builtin_sources();
        (PolicySet::check_sources(sources)?, sources.len())
    } else {
        let files = PolicySet::read_paths(&paths)?;
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        (PolicySet::check_sources(&refs)?, files.len())
    };
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let lang = crate::output::lang();
    let diagnostics: Vec<_> = diagnostics.iter().map(|d| d.in_lang(lang)).collect();
    match args.format {
        Format::Json => {
            let out = serde_json::json!({ "files": files, "errors": errors, "warnings": warnings, "diagnostics": diagnostics });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Human | Format::Csv => {
            for d in &diagnostics {
                println!("{}\n", d.render_in(lang));
            }
            let files = crate::output::count(files, "label.cli.file", "label.cli.files");
            println!("{}", crate::output::checked(&files, errors, warnings));
        }
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
