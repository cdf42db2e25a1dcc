//! The source layout keeps the architecture the crate docs describe (issue #13 point 6):
//!
//! - the ground floor (calendar, the loader's reading layer, diagnostics, error, sources,
//!   warnings) names no domain and no policy;
//! - the data a [`zhidu::Policy`] holds (each domain's model) and each domain's section
//!   compiler depend on the ground floor only, so `policy/` can hold and assemble them without
//!   an import cycle;
//! - `policy/` keeps what a policy is and how a set is assembled: its one `impl Policy` is the
//!   policy's identity, every answer is its domain's;
//! - only `policy/` reaches into `policy/`, and only the loader's walk touches the disk.
//!
//! The check reads `crate::` paths (a re-exported name counts as the module it comes from);
//! comments and `#[cfg(test)]` modules are left out.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test over the crate's own files should fail loudly"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules of the ground floor.
const GROUND: [&str; 6] = [
    "calendar",
    "load",
    "diagnostic",
    "error",
    "source",
    "warning",
];

/// Files below a higher module that belong to the ground floor: a row error is what the one
/// error type carries for a bad row, so it sits with the error and names nothing above it.
const GROUND_FILES: [&str; 2] = ["rows/error.rs", "rows/problem.rs"];

/// The only paths into a ground file the ground floor may name.
const GROUND_PATHS: [&str; 2] = ["crate::rows::RowError", "crate::rows::RowProblem"];

/// What a policy holds and how each domain compiles its sections: ground floor only.
const DOMAIN_DATA: [&str; 15] = [
    "deadline/model.rs",
    "deadline/hours.rs",
    "assess/model.rs",
    "assess/period.rs",
    "assess/compile.rs",
    "decide/model.rs",
    "decide/compile.rs",
    "rota/model.rs",
    "rota/compile.rs",
    "obligations/model.rs",
    "obligations/compile.rs",
    "access/model.rs",
    "access/compile.rs",
    "retention/model.rs",
    "retention/compile.rs",
];

/// Every `.rs` file under `src/` as (path from `src/` with `/`, its code).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|x| x == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                // A `tests.rs` file is a `#[cfg(test)]` module of its own (it may read the
                // sources), left out as the inline test modules are.
                let name = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, code(&std::fs::read_to_string(&path).unwrap())));
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&src, &src, &mut out);
    assert!(out.len() > 30, "found only {} source files", out.len());
    out
}

/// A file's code: without comments (doc examples name anything) and without its unit tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module of a file: `deadline` for `deadline/clock.rs`, `case` for `case.rs`.
fn module(file: &str) -> &str {
    file.split('/').next().unwrap().trim_end_matches(".rs")
}

/// The crate root's `pub use` re-exports: public name → module it comes from.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in lib.split("pub use ").skip(1) {
        let statement = statement.split(';').next().unwrap();
        let (module, list) = statement.split_once("::").unwrap();
        for name in list
            .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
            .split(',')
        {
            let name = name.trim();
            if !name.is_empty() {
                names.insert(name.to_owned(), module.to_owned());
            }
        }
    }
    names
}

/// The top-level modules `code` names through `crate::` paths.
fn deps(
    code: &str,
    names: &BTreeMap<String, String>,
    modules: &BTreeSet<&str>,
) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    let mut add = |first: String| {
        if let Some(m) = names.get(&first) {
            out.insert(m.clone());
        } else if modules.contains(first.as_str()) {
            out.insert(first);
        }
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            for item in group.split('}').next().unwrap().split(',') {
                add(ident(item));
            }
        } else {
            add(ident(rest));
        }
    }
    out
}

/// Whether `word` occurs in `code` as a whole identifier.
fn names_word(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

struct Crate {
    files: Vec<(String, String)>,
    names: BTreeMap<String, String>,
}

impl Crate {
    fn read() -> Crate {
        let files = sources();
        let lib = files.iter().find(|(f, _)| f == "lib.rs").unwrap().1.clone();
        Crate {
            files,
            names: reexports(&lib),
        }
    }

    fn deps(&self, code: &str) -> BTreeSet<String> {
        let modules: BTreeSet<&str> = self.files.iter().map(|(f, _)| module(f)).collect();
        deps(code, &self.names, &modules)
    }
}

#[test]
fn the_ground_floor_names_no_domain_and_no_policy() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for (file, code) in &krate.files {
        let ground_file = GROUND_FILES.contains(&file.as_str());
        if !GROUND.contains(&module(file)) && !ground_file {
            continue;
        }
        let code = GROUND_PATHS
            .iter()
            .fold(code.clone(), |code, path| code.replace(path, ""));
        for dep in krate.deps(&code) {
            if !GROUND.contains(&dep.as_str()) {
                wrong.push(format!("{file} uses `{dep}`"));
            }
        }
    }
    assert!(wrong.is_empty(), "the ground floor reaches up: {wrong:#?}");
}

#[test]
fn what_a_policy_holds_depends_on_the_ground_floor_only() {
    let krate = Crate::read();
    let mut wrong = Vec::new();
    for file in DOMAIN_DATA {
        let (_, code) = krate.files.iter().find(|(f, _)| f == file).unwrap();
        for dep in krate.deps(code) {
            if !GROUND.contains(&dep.as_str()) && dep != module(file) {
                wrong.push(format!("{file} uses `{dep}`"));
            }
        }
        if names_word(code, "Policy") || names_word(code, "PolicySet") {
            wrong.push(format!("{file} names `Policy`"));
        }
    }
    assert!(
        wrong.is_empty(),
        "a domain's data or compiler depends on the policy: {wrong:#?}"
    );
}

#[test]
fn policy_keeps_what_a_policy_is_and_every_answer_is_its_domains() {
    let krate = Crate::read();
    let blocks: Vec<(&str, usize)> = krate
        .files
        .iter()
        .map(|(f, code)| (f.as_str(), code.matches("impl Policy {").count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    let in_policy: Vec<&(&str, usize)> = blocks
        .iter()
        .filter(|(f, _)| f.starts_with("policy/"))
        .collect();
    assert_eq!(
        in_policy,
        [&("policy/mod.rs", 1)],
        "impl Policy blocks: {blocks:?}"
    );
    // The deadline answers are the deadline domain's.
    assert!(
        blocks.contains(&("deadline/answers.rs", 1)),
        "impl Policy blocks: {blocks:?}"
    );
}

#[test]
fn only_policy_reaches_into_policy() {
    let krate = Crate::read();
    let wrong: Vec<&str> = krate
        .files
        .iter()
        .filter(|(f, code)| {
            !f.starts_with("policy/") && f != "lib.rs" && code.contains("crate::policy")
        })
        .map(|(f, _)| f.as_str())
        .collect();
    assert!(wrong.is_empty(), "these use policy's internals: {wrong:?}");
}

#[test]
fn only_the_loaders_walk_touches_the_disk() {
    let krate = Crate::read();
    let touching: Vec<&str> = krate
        .files
        .iter()
        .filter(|(_, code)| code.contains("std::fs") || code.contains("std::io::Read"))
        .map(|(f, _)| f.as_str())
        .collect();
    assert_eq!(touching, ["load/walk.rs"]);
}
