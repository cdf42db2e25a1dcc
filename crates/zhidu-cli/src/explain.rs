//! `zhidu explain CODE [--policy ID] [--format table|json]`: one clause, rule, class, tier
//! or other entry in full, with where it is used (the core's `PolicySet::explain`;
//! rendering only).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::Explanation;

use crate::error::CliError;
use crate::output::{hash_line, hashed, lang, say};
use crate::rules::{ListFormat, entry_block, kind_heading, refs};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// A clause id (`S14.att.6`), rule code, class or tier id, `kind:id` (`tier:2`) or
    /// `policy:id`.
    code: String,
    /// Only this policy's entries.
    #[arg(long, value_name = "ID")]
    policy: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let x = set.explain(&args.code, args.policy.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ListFormat::Json => writeln!(out, "{}", hashed(&x, &set)?)?,
        ListFormat::Table => write!(out, "{}\n{}\n", text(&x), hash_line(&set))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn text(x: &Explanation) -> String {
    let mut s = String::new();
    let label = |id: &str| format!("{:<14}", say(id, &[]));
    if let Some(c) = &x.clause {
        s.push_str(&c.id);
        if let (Some(r), Some(t)) = (&c.regulation, &c.regulation_title) {
            s.push_str(" — ");
            s.push_str(&say(
                "label.doc.regulation_of",
                &[("regulation", r), ("title", t)],
            ));
        }
        s.push('\n');
        if let Some(st) = &c.status {
            if let Some(line) = st.line {
                s.push_str(&format!("  {} L{line}\n", label("label.doc.line")));
            }
            let kinds: Vec<String> = st
                .kinds
                .iter()
                .filter_map(|k| serde_json::to_value(k).ok())
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            s.push_str(&format!(
                "  {} {}\n",
                label("label.doc.kinds"),
                kinds.join(", ")
            ));
            let status = if !st.encoded.is_empty() {
                say("label.coverage.encoded", &[])
            } else if let Some(r) = &st.reason {
                let meaning = c.reason_note.as_deref().map(|n| lang().translate(n));
                let note = st.note.as_deref().map(|n| lang().translate(n));
                [Some(format!("[{r}]")), meaning, note]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            } else if st.computable {
                say("label.doc.unencoded", &[])
            } else {
                say("label.doc.narrative", &[])
            };
            s.push_str(&format!("  {} {status}\n", label("label.doc.status")));
        } else {
            s.push_str(&format!("  {}\n", say("label.doc.not_in_index", &[])));
        }
        for cite in &c.cited_by {
            s.push_str(&format!(
                "  {} {} 「{}」\n",
                label("label.doc.cited_by"),
                refs(std::slice::from_ref(&cite.entry)),
                cite.source.quote
            ));
        }
    }
    for u in &x.entries {
        let e = &u.entry;
        s.push('\n');
        s.push_str(&format!(
            "{} — {} ({}:{})\n",
            kind_heading(&e.kind),
            e.policy,
            e.file,
            e.line
        ));
        s.push_str(&entry_block(e, "  "));
        if !u.used_by.is_empty() {
            s.push_str(&format!(
                "    {} {}\n",
                label("label.doc.used_by"),
                refs(&u.used_by)
            ));
        }
    }
    s
}
