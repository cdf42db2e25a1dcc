//! The catalogue is complete: both languages everywhere, an entry for every error kind,
//! warning code and message the engine's source can write.

use super::localize::{best_match, entries};
use super::template::{self, Piece};
use super::{Lang, catalogue};
use crate::{Diagnostic, Error, Severity};

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_entry_has_both_languages_with_the_same_parameters() {
    let mut ids = std::collections::HashSet::new();
    let mut shapes = std::collections::HashMap::new();
    for e in entries() {
        assert!(ids.insert(e.id), "id `{}` is used twice", e.id);
        assert!(!e.en.trim().is_empty(), "`{}` has no English", e.id);
        assert!(!e.zh.trim().is_empty(), "`{}` has no Chinese", e.id);
        assert!(
            has_chinese(e.zh),
            "`{}`'s Chinese has no Chinese: {}",
            e.id,
            e.zh
        );
        let (mut en, mut zh) = (template::params(e.en), template::params(e.zh));
        en.sort_unstable();
        zh.sort_unstable();
        assert_eq!(
            en, zh,
            "`{}`: the two languages take different parameters",
            e.id
        );
        assert!(
            e.id.starts_with(catalogue::LABEL) || !e.en.ends_with('.') && !e.zh.ends_with('。'),
            "`{}` ends with a period",
            e.id
        );
        let pieces = template::pieces(e.en);
        assert!(
            !pieces
                .windows(2)
                .any(|w| matches!(w, [Piece::Param(_), Piece::Param(_)])),
            "`{}`: two placeholders in a row cannot be matched",
            e.id
        );
        assert!(
            template::literal_len(e.en) >= 2,
            "`{}` is all placeholders",
            e.id
        );
        let shape = shape(e.en);
        if e.id.starts_with(catalogue::LABEL) {
            continue;
        }
        if let Some(other) = shapes.insert(shape, e.id) {
            panic!("`{}` and `{other}` have the same English template", e.id);
        }
    }
}

/// One sample of every error kind: adding a variant fails to compile here until it has one.
fn samples() -> Vec<Error> {
    let d = |message: &str, help: Option<&str>| Diagnostic {
        severity: Severity::Error,
        file: "a.toml".into(),
        line: 3,
        column: 7,
        path: "class[0].unit".into(),
        message: message.into(),
        help: help.map(str::to_owned),
    };
    let all = vec![
        Error::Policy {
            diagnostics: vec![d("unknown value `weeks`", Some("did you mean `weekly`?"))],
        },
        Error::Policy {
            diagnostics: vec![d("missing key `id`", None), d("no calendar `x`", None)],
        },
        Error::Coverage {
            calendar: "cn-mainland".into(),
            year: 2200,
            first_year: 2020,
            last_year: 2100,
        },
        Error::UnknownPolicy {
            id: "s3".into(),
            closest: Some("s2".into()),
        },
        Error::UnknownClass {
            policy: "s2".into(),
            id: "promsied".into(),
            closest: Some("promised".into()),
        },
        Error::NotInForce {
            policy: "s2".into(),
            date: "2001-01-01".into(),
        },
        Error::input("the clock is suspended", None),
        Error::TooLarge {
            what: "the policy set".into(),
            size: 1001,
            limit: 1000,
            unit: "files",
        },
        Error::Conflict {
            clauses: vec![],
            message: "`a` and `b` both apply with no priority between them and different outcomes"
                .into(),
        },
        Error::Io {
            path: "x.toml".into(),
            message: "No such file or directory (os error 2)".into(),
        },
        Error::from(
            crate::rows::RowError::new(
                "case",
                crate::rows::RowProblem::NotWhole {
                    got: "the number `1.5`".into(),
                },
            )
            .field("days")
            .at(3),
        ),
    ];
    for e in &all {
        match e {
            Error::Policy { .. }
            | Error::Coverage { .. }
            | Error::UnknownPolicy { .. }
            | Error::UnknownClass { .. }
            | Error::NotInForce { .. }
            | Error::Input { .. }
            | Error::TooLarge { .. }
            | Error::Conflict { .. }
            | Error::Row(_)
            | Error::Io { .. } => {}
        }
    }
    all
}

#[test]
fn every_error_kind_reads_in_both_languages_with_its_code() {
    for e in samples() {
        assert_eq!(e.message_in(Lang::En), e.to_string());
        let zh = e.message_in(Lang::Zh);
        assert!(has_chinese(&zh), "{}: {zh}", e.code());
        assert!(
            !has_chinese(&e.to_string()) || e.code() == "policy",
            "{}",
            e.to_string()
        );
        if let Some(help) = e.help_in(Lang::Zh) {
            assert!(has_chinese(&help), "{}: {help}", e.code());
        }
    }
}

#[test]
fn nested_messages_and_terms_are_translated_but_user_input_is_not() {
    let e = &samples()[0];
    assert_eq!(
        e.message_in(Lang::Zh),
        "制度文件`a.toml`第3行第7列有错误：未知的取值`weeks`"
    );
    assert_eq!(e.help_in(Lang::Zh).as_deref(), Some("是否想写`weekly`？"));
    let too_large = &samples()[7];
    assert_eq!(
        too_large.message_in(Lang::Zh),
        "制度集为1001个文件，超过上限1000个文件"
    );
    // A class named like a unit stays as named.
    assert_eq!(
        Lang::Zh.translate("class `hours` needs the limit promised for this case"),
        "类别`hours`须填写本件的承诺时限"
    );
    assert_eq!(
        Lang::Zh.translate("an operating system's words"),
        "an operating system's words"
    );
}

#[test]
fn every_warning_code_has_an_entry() {
    for code in [
        "outside_usual_range",
        "clock_never_started",
        "late_extension_ignored",
        "late_suspension_ignored",
    ] {
        let id = format!("warning.{code}");
        assert!(entries().any(|e| e.id == id), "no entry `{id}`");
    }
}

/// A template with its placeholders blanked, to compare with a format string of the source.
fn shape(template: &str) -> String {
    template::pieces(template)
        .iter()
        .map(|p| match p {
            Piece::Text(t) => (*t).to_owned(),
            Piece::Param(_) => "{}".to_owned(),
        })
        .collect()
}

/// A Rust format string with its arguments blanked: `{x}`, `{}`, `{0}`, `{x:?}` → `{}`.
fn format_shape(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                out.push_str("{}");
            }
            c => out.push(c),
        }
    }
    out
}

/// The string literals of a Rust file outside comments and `#[cfg(test)] mod tests`, with
/// `\`-newline continuations joined and escapes resolved.
fn literals(src: &str) -> Vec<String> {
    let src = src.split("#[cfg(test)]\nmod tests").next().unwrap_or(src);
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                // A char literal ('x', '\n', '"') or a lifetime.
                if chars.get(i + 1) == Some(&'\\') {
                    i += 4;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        match chars.get(i + 1) {
                            Some('\n') => {
                                i += 2;
                                while i < chars.len() && chars[i].is_whitespace() {
                                    i += 1;
                                }
                                continue;
                            }
                            Some('n') => s.push('\n'),
                            Some(c) => s.push(*c),
                            None => {}
                        }
                        i += 2;
                        continue;
                    }
                    s.push(chars[i]);
                    i += 1;
                }
                i += 1;
                out.push(s);
            }
            _ => i += 1,
        }
    }
    out
}

/// Literals that look like messages but are not, or are pieces of one the catalogue has whole.
const NOT_MESSAGES: &[&str] = &[
    "read by the schema derive only, never built",
    // The reason of a lint expectation in the scoring step (`assess/incidents.rs`).
    "an incident's parts as each path holds them, passed once per incident",
    "one value per file, dropped after compiling",
    "one call site; the parts are the file's sections",
    "documentation for readers of the file; answers cite the decree's number",
    "documentation for readers of the file; explanations use the Chinese name",
    "documentation for readers of the file; answers cite the clause",
    "one method today (`mean`); the key is accepted so files can say which",
    // Serde's wording, rewritten by `explain_serde_message` into entries of the catalogue.
    "unknown field `",
    "unknown variant `",
    "missing field `",
    "expected u32",
    "expected u64",
    "expected i32",
    "expected i64",
    "expected a boolean",
    "` as i128,",
    "` as u128,",
    "expected an array of length 2",
    "invalid type: ",
    "expected `true` or `false`",
    "expected a whole number",
    "expected a whole number from 0",
    "expected a whole number from 0 to 4294967295",
    "expected a pair `[a, b]`",
    "unknown {} `{}`",
    "{} `{}`",
    // Glue: a value in backticks, two parts joined, a festival's name.
    "`{}`",
    "{}: {}",
    "`{}`: {}",
    "{} {} 补假",
    "flag `{}` ({}): {}",
    // `Magnitude::describe` of a range: numbers only.
    "{}–{}",
    // An expect's reason, read by people reading the code.
    "whole and in range, checked above",
    // The report's glue: a rate, a row error's place, a window's figures on one line.
    "{}% ({}/{})",
    "{} {}: {}{}",
    "{} ({}) · {} {} · {} {}",
    "{} {}",
    "{} {} {}",
    "{} ({})",
    "{}. {}",
    "{} ({} · {})",
    "{} ({}){}",
    // A CSS class of the report's charts.
    "bar muted",
    // The JavaScript package's glue and examples: a list's separator, JS literals, a type.
    "`, `",
    "{ ",
    "{ class: ",
    "{ name: ",
    "{ period: ",
    "{ violations: [{ subject: ",
    "give `[[",
    "a case object such as { id: ",
    "readonly Case[]",
    "string | Date",
    // Reasons of `#[expect]` and `#[allow]` in the Python binding, read by people reading the
    // code; the names of a `(name, text)` pair it quotes as code (`file name` must be …).
    "used where another class nests this one",
    "one per keyword argument",
    "file name",
    "file text",
    // The CLI's human tables of `assess`, `rank`, `decide`, `cases`, `due` and `calendar`:
    // column heads and row layouts, English in both languages (README Languages); their
    // errors and summary lines are the catalogue's `cli.*` entries, and `zhidu report` is
    // the report in Chinese.
    "{:<6} {:<14} {:<20} {:<13} {:<11} {:>9} {:>8}  {:<8} window",
    "{line:<6} {:<14} {:<20} {:<13} {:<11} {:>9} {:>8}  {:<8} {}",
    "{} · accountability decisions",
    // `rota`, `patrols` and `obligations` (the same convention).
    "{} · rota {} · {} windows, {} a month",
    "{}  convener {:<6} {}",
    "clauses: {}",
    "{} · patrols {} · {} a day",
    "{}  {:<6} days {:>2}  patrols {:>3}  short {:>2}",
    "{}  {:<6} {}/{}",
    "{} · obligations {}",
    "{} [{}] {} ({})",
    "{} [unset] {} ({}): {}",
    "due {}  met {}  late {}  missed {}",
    "tier {t}",
    "{}  {:<8} {:<14} {:<7} {}",
    "{:<8} highest tier {}  ({} decisions, {} for review)",
    "{} {} — PROVISIONAL",
    "{} {} — notice {title}{when}",
    "{} {} — State Council notice",
    "day off",
    "make-up working day",
    "{:<6} {:<14} {:<29} {:<23} {:<23} overdue",
    "due (old → new)",
    "status (old → new)",
    "{line:<6} {:<14} {:<29} {:<23} {:<23} {} → {}",
    "{} → {}",
    "{} ({}, {})",
    "{} · {} · 红旗窗口 ranking",
    "{} ({} from {p} · {})",
    "not eligible: {}",
    "{:>3}  {:<16} {:>7.2}  {:>2} members  {}",
    "{}{} 「{}」 {}",
    "{}{} 「{}」",
    "{}{}{}: {}",
    "{}[{}] {} ({}{})",
    "{} · {}",
    "{} {}/{}",
    // The CLI's human tables of `access` and `retention` (issue #15).
    "{} · access",
    "{:>4}  {:<8} {:<16} {:<12} {:<14} {}",
    "{} · retention as of {}",
    "until {}",
    "{:>4}  {:<12} {:<22} {:<10} {:<16} {:<8} {}",
    "past: {}",
    // A result's stamp and the what-if's layouts (issue #17): ids, values and labels only.
    "{} {} ({}) sha256:{}",
    "{} {} · {} · {} · {}",
    "{} · {} · {} {}",
    "{} {a} → {b}",
    // Not messages: a Python signature for `help()` (issue #16) and a test's pattern (fmt).
    "($self, /, kind='person')",
    "set_hash: OnceLock(\"",
];

#[test]
fn every_message_of_the_source_has_an_entry() {
    // The core's sources and the hosts' own: a binding's or the CLI's message reaches its user
    // through the same catalogue (`Error::message_in`), so it needs an entry too.
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let roots = [
        manifest.join("src"),
        manifest.join("../../bindings/wasm/src"),
        manifest.join("../../bindings/python/src"),
        manifest.join("../zhidu-cli/src"),
        manifest.join("../zhidu-arrow/src"),
    ];
    let shapes: Vec<String> = entries().map(|e| shape(e.en)).collect();
    let mut missing = Vec::new();
    let mut checked = 0;
    let mut stack = roots.to_vec();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("messages") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            for lit in literals(&src) {
                let looks_like_words = lit.contains(' ')
                    && lit.starts_with(|c: char| c.is_ascii_lowercase() || "`{[(".contains(c));
                if !looks_like_words || lit.contains('\n') {
                    continue;
                }
                checked += 1;
                let s = format_shape(&lit);
                if NOT_MESSAGES.iter().any(|n| format_shape(n) == s) || shapes.contains(&s) {
                    continue;
                }
                missing.push(format!("{}: {lit}", path.display()));
            }
        }
    }
    assert!(
        checked > 250,
        "only {checked} messages found: is the scanner broken?"
    );
    assert!(
        missing.is_empty(),
        "messages without a catalogue entry:\n{}",
        missing.join("\n")
    );
}

#[test]
fn messages_built_at_run_time_match_their_entry() {
    for (english, id) in [
        (
            "case `A-1` is resumed at 2026-10-14T09:00+08:00 without being suspended",
            "case.resumed_not_suspended",
        ),
        (
            "holiday (国庆节), not a working day: the due day rolls past it",
            "explain.rolls_past",
        ),
        (
            "invalid type: string `\"x\"`, expected a whole number",
            "load.invalid_type",
        ),
    ] {
        assert_eq!(
            best_match(english).map(|(e, _)| e.id),
            Some(id),
            "{english}"
        );
    }
    let _ = catalogue::ALL;
}

#[test]
fn every_default_note_of_the_shipped_deadline_policies_has_an_entry() {
    fn notes(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::Table(t) => {
                for (key, v) in t {
                    match (key.as_str(), v) {
                        ("defaults", toml::Value::Array(list)) => out.extend(
                            list.iter()
                                .filter_map(|d| d.get("note").and_then(toml::Value::as_str))
                                .map(str::to_owned),
                        ),
                        _ => notes(v, out),
                    }
                }
            }
            toml::Value::Array(list) => list.iter().for_each(|v| notes(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    for (name, text) in crate::PolicySet::builtin_sources() {
        let doc: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The sections an explanation of a due date cites.
        for section in ["policy", "class", "item", "suspension"] {
            if let Some(v) = doc.get(section) {
                notes(v, &mut all);
            }
        }
    }
    assert!(all.len() > 40, "only {} notes found", all.len());
    let missing: Vec<_> = all
        .iter()
        .filter(|n| best_match(n).is_none_or(|(e, _)| !e.id.starts_with("note.")))
        .collect();
    assert!(
        missing.is_empty(),
        "default notes without a catalogue entry: {missing:#?}"
    );
}

#[test]
fn every_rule_note_of_the_shipped_deduction_tables_has_an_entry() {
    // The notes the score calculator shows beside a rule: each one in Chinese.
    let ps = crate::PolicySet::builtin().unwrap();
    let mut all = Vec::new();
    for policy in ps.policies() {
        if let Ok(table) = policy.deduction_table() {
            for rule in table.rules {
                all.extend(rule.defaults.into_iter().map(|d| d.note));
            }
        }
    }
    assert!(all.len() > 40, "only {} notes found", all.len());
    let missing: Vec<_> = all
        .iter()
        .filter(|n| best_match(n).is_none_or(|(e, _)| !e.id.starts_with("note.")))
        .collect();
    assert!(
        missing.is_empty(),
        "rule notes without a catalogue entry: {missing:#?}"
    );
}

#[test]
fn a_row_error_reads_in_chinese_with_its_kind_row_and_value() {
    let row = crate::rows::RowError::new(
        "case",
        crate::rows::RowProblem::NotWhole {
            got: "the number `1.5`".into(),
        },
    )
    .field("days")
    .at(3);
    assert_eq!(
        Lang::Zh.translate(&row.to_string()),
        "办件第3行：`days`须为整数，而不是数字`1.5`"
    );
    let e = Error::from(row);
    assert_eq!(e.message_in(Lang::Zh), "`days`须为整数，而不是数字`1.5`");
    // A file's message around a row error: the file name is user input, the row error is
    // translated in turn.
    assert_eq!(
        Lang::Zh.translate("`roster.csv`: roster row 1: `window` is missing"),
        "`roster.csv`有误：人员名单第1行：缺少`window`"
    );
    let width = crate::rows::RowProblem::Width {
        fields: 1,
        header: 4,
    };
    assert_eq!(
        Lang::Zh.translate(&width.message(None)),
        "该行只有1个字段，表头有4个"
    );
}

#[test]
fn the_hosts_entries_and_the_js_entries_each_match_their_own_english() {
    // A host's entry must not take another's message: the JavaScript package gives the id of
    // the entry a message matches to its users as the error's `key`.
    for e in entries().filter(|e| {
        ["js.", "py.", "cli.", "host."]
            .iter()
            .any(|p| e.id.starts_with(p))
    }) {
        let sample = template::render(e.en, |name| Some(format!("v_{name}")));
        assert_eq!(
            best_match(&sample).map(|(m, _)| m.id),
            Some(e.id),
            "{sample}"
        );
    }
}
