//! `zhidu doc --out DIR`: the policy set's documentation as a static offline site (the
//! core's `PolicySet::doc_site` builds the pages; this writes them).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::error::CliError;
use crate::output::say;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The folder to write the site into (created if needed; files of the same name are
    /// replaced, others left alone).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let files = set.doc_site()?;
    let mut bytes = 0;
    for f in &files {
        // The core's paths are relative, `/`-separated and free of `..`.
        let path = f
            .path
            .split('/')
            .fold(args.out.clone(), |p, part| p.join(part));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| cannot_write(dir, e))?;
        }
        std::fs::write(&path, &f.contents).map_err(|e| cannot_write(&path, e))?;
        bytes += f.contents.len();
    }
    eprintln!(
        "{}",
        say(
            "label.doc.wrote",
            &[
                ("files", &files.len().to_string()),
                ("bytes", &bytes.to_string()),
                ("dir", &args.out.display().to_string()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn cannot_write(path: &Path, e: std::io::Error) -> CliError {
    CliError::Write(std::io::Error::new(
        e.kind(),
        format!("{}: {e}", path.display()),
    ))
}
