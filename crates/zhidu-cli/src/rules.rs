//! `zhidu rules --policy ID [--format table|json]`: every entry of a policy with its
//! clauses, quotes, values and defaults (the core's `PolicySet::rules`; rendering only).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{DefaultMark, Entry, EntryRef, PolicyRules};

use crate::error::CliError;
use crate::output::{lang, say, stamp_line, stamped};

/// Output format of `rules` and `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// For people, in the language of `--lang`.
    Table,
    /// The core's answer as JSON (documented on `zhidu::PolicyRules` and
    /// `zhidu::Explanation`).
    Json,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The policy, such as `s2-service-center`.
    #[arg(long, value_name = "ID")]
    policy: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let rules = set.rules(&args.policy)?;
    let p = set.policy(&args.policy)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ListFormat::Json => writeln!(out, "{}", stamped(&rules, p)?)?,
        ListFormat::Table => write!(out, "{}\n{}\n", table(&rules), stamp_line(p))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The policy's heading, then its entries grouped by kind in file order.
fn table(rules: &PolicyRules) -> String {
    let mut s = say(
        "label.doc.heading",
        &[
            ("name", &rules.name),
            ("policy", &rules.policy),
            ("version", &rules.version),
        ],
    );
    s.push('\n');
    let mut kinds: Vec<&str> = Vec::new();
    for e in &rules.entries {
        if !kinds.contains(&e.kind.as_str()) {
            kinds.push(&e.kind);
        }
    }
    for kind in kinds {
        s.push('\n');
        s.push_str(&kind_heading(kind));
        s.push('\n');
        for e in rules.entries.iter().filter(|e| e.kind == kind) {
            s.push_str(&entry_block(e, "  "));
        }
    }
    s
}

/// `扣分规则 (rule)`: a kind's label in this run's language, and the kind.
pub(crate) fn kind_heading(kind: &str) -> String {
    match lang().text(&format!("label.doc.kind.{kind}"), &[]) {
        Some(label) => [label.as_str(), " (", kind, ")"].concat(),
        None => kind.to_owned(),
    }
}

/// One entry: its id and name, then one line per clause, value line, default and reference.
pub(crate) fn entry_block(e: &Entry, indent: &str) -> String {
    let mut s = [indent, &e.id].concat();
    if let Some(name) = &e.name {
        s.push_str("  ");
        s.push_str(name);
    }
    s.push('\n');
    let pad = [indent, "  "].concat();
    let label = |id: &str| format!("{:<14}", say(id, &[]));
    for c in &e.sources {
        s.push_str(&format!(
            "{pad}{} {} 「{}」\n",
            label("label.doc.clause"),
            c.clause,
            c.quote
        ));
    }
    if !e.values.is_empty() {
        let values: Vec<String> = e
            .values
            .iter()
            .map(|v| [v.key.as_str(), " = ", &v.text].concat())
            .collect();
        s.push_str(&format!(
            "{pad}{} {}\n",
            label("label.doc.values"),
            values.join(" · ")
        ));
    }
    for d in &e.defaults {
        let mark = say(
            match d.mark {
                DefaultMark::Default => "label.doc.mark.default",
                DefaultMark::Deviation => "label.doc.mark.deviation",
                DefaultMark::Choice => "label.doc.mark.choice",
            },
            &[],
        );
        let key = d
            .key
            .as_deref()
            .map(|k| [" ", k].concat())
            .unwrap_or_default();
        let note = lang().translate(&d.note);
        s.push_str(&format!(
            "{pad}{} [{mark} {}]{key}: {note}\n",
            label("label.doc.defaults"),
            d.param
        ));
    }
    if !e.refers_to.is_empty() {
        s.push_str(&format!(
            "{pad}{} {}\n",
            label("label.doc.refers_to"),
            refs(&e.refers_to)
        ));
    }
    s
}

/// `category att · effect annual_commendation_revoked`, with the policy when it is another.
pub(crate) fn refs(refs: &[EntryRef]) -> String {
    let parts: Vec<String> = refs
        .iter()
        .map(|r| [r.policy.as_str(), ":", &r.kind, " ", &r.id].concat())
        .collect();
    parts.join(" · ")
}
