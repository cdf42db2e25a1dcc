//! Fuzzing (proptest-driven) of the policy loader: arbitrary bytes (valid and invalid
//! UTF-8, through `PolicySet::from_sources` and through the file reader), TOML built from
//! the real schema (random keys, wrong types, huge numbers, missing tables), and mutated
//! copies of the shipped policy files.
//!
//! Every load is `Ok` or a typed error whose message is in the house style and whose
//! diagnostics point at a line and column that exist in the file; a file loads the same with
//! CRLF line endings and with a byte-order mark; and whatever loads answers every question
//! (due dates, case statuses, scorecards, decisions) with `Ok` or a typed error, quickly.
//!
//! `PROPTEST_CASES=200000 cargo test --release -p zhidu --test fuzz_loader` runs it long.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a fuzz target fails loudly"
)]

mod common;

use std::path::PathBuf;

use proptest::prelude::*;
use zhidu::{
    AssessRequest, Case, CaseEvent, Error, Incident, Policy, PolicySet, Start, ViolationRecord,
};

use common::{cases, check_diagnostics, check_error, timed};

// ---- what a loaded set must answer ----

/// Ask every question of every policy of `ps`; each answer is `Ok` or a typed error.
fn exercise(ps: &PolicySet) {
    for p in ps.policies() {
        timed(p.id(), || exercise_policy(p));
    }
}

fn ok_or_typed<T>(r: Result<T, Error>) -> Option<T> {
    match r {
        Ok(t) => Some(t),
        Err(e) => {
            check_error(&e, &[]);
            None
        }
    }
}

fn exercise_policy(p: &Policy) {
    let off = p.calendar().offset();
    let (first, last) = p.calendar().years();
    let starts: Vec<Start> = [
        format!("{first}-01-01"),
        format!("{last}-12-31T23:59"),
        "2026-10-12T10:00:00+08:00".to_owned(),
        "2026-10-10".to_owned(),
    ]
    .iter()
    .filter_map(|s| s.parse().ok())
    .collect();
    for c in p.classes() {
        for &start in &starts {
            for days in [None, Some(0), Some(3), Some(u32::MAX)] {
                if let Some(due) = ok_or_typed(c.due(start, days)) {
                    if due.limit < 5_000 {
                        ok_or_typed(c.explain(start, days));
                        ok_or_typed(c.yellow_from(start, days));
                    }
                }
            }
        }
        let Some(&start) = starts.first() else {
            continue;
        };
        let Ok(acc) = start.instant_in(off) else {
            continue;
        };
        let mut case = Case::new("C", c.id(), start, Some(3));
        let reason = p.suspensions().next().map_or("none", |s| s.id()).to_owned();
        case.events = vec![
            CaseEvent::Start {
                at: (acc + chrono::Duration::hours(1)).into(),
            },
            CaseEvent::Suspend {
                at: (acc + chrono::Duration::days(1)).into(),
                reason,
            },
            CaseEvent::Resume {
                at: (acc + chrono::Duration::days(3)).into(),
            },
            CaseEvent::Extend {
                at: (acc + chrono::Duration::days(4)).into(),
                days: 1,
                approved_by: None,
                reason: None,
            },
        ];
        for as_of in [acc, acc + chrono::Duration::days(40)] {
            if ok_or_typed(p.case_status(&case, as_of)).is_some() {
                ok_or_typed(p.explain_case(&case, as_of));
            }
        }
    }
    if let Some(table) = ok_or_typed(p.deduction_table()) {
        let at: Start = format!("{first}-01-15T10:00").parse().unwrap();
        let incidents: Vec<Incident> = table
            .rules
            .iter()
            .map(|r| {
                let mut i = Incident::new("甲", r.code.clone(), at);
                i.window = Some("W1".to_owned());
                i.quantity = Some(2);
                i
            })
            .collect();
        let period: zhidu::Period = format!("{first}-01").parse().unwrap();
        let req = AssessRequest::new(period).incidents(&incidents);
        if let Some(a) = ok_or_typed(p.assess(&req)) {
            assert_eq!(
                a.errors.len() + a.outside_period + rows_on_cards(&a),
                incidents.len(),
                "rows in = rows out"
            );
            ok_or_typed(p.rank(&a));
        }
    }
    if let Some(rules) = ok_or_typed(p.accountability_rules()) {
        let flags: Vec<String> = rules.flags.iter().map(|f| f.id.clone()).collect();
        let records: Vec<Result<ViolationRecord, Error>> = rules
            .violations
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut r = ViolationRecord::new(
                    "乙",
                    v.code.clone(),
                    format!("{first}-02-{:02}", i % 28 + 1)
                        .parse::<Start>()
                        .unwrap(),
                );
                if i % 2 == 0 {
                    r.flags = flags.clone();
                }
                Ok(r)
            })
            .collect();
        if let Some(d) = ok_or_typed(p.decide(&records, None)) {
            assert_eq!(d.decisions.len() + d.errors.len(), records.len());
        }
    }
    ok_or_typed(p.calendar().month(first, 1));
}

/// Incident rows that made at least one line on some card.
fn rows_on_cards(a: &zhidu::Assessment) -> usize {
    let mut rows: Vec<usize> = a
        .scorecards
        .iter()
        .flat_map(|c| &c.lines)
        .filter_map(|l| match l.source {
            zhidu::LineSource::Incident { row } => Some(row),
            _ => None,
        })
        .collect();
    rows.sort_unstable();
    rows.dedup();
    rows.len()
}

/// Load `sources`; check the error or exercise the set. Returns the error, if any.
fn load_and_check(sources: &[(&str, &str)]) -> Option<Error> {
    load(sources, true)
}

/// Load `sources` and check the error; exercise what loads when asked.
///
/// With `ZHIDU_FUZZ_STATS` set, each load prints its outcome on stderr (`--nocapture`), to see
/// how deep the generators reach.
fn load(sources: &[(&str, &str)], ask: bool) -> Option<Error> {
    let result = timed("load", || PolicySet::from_sources(sources));
    if std::env::var_os("ZHIDU_FUZZ_STATS").is_some() {
        match &result {
            Ok(_) => eprintln!("stats: ok"),
            Err(e) => eprintln!(
                "stats: {} {}",
                e.code(),
                e.diagnostics()
                    .first()
                    .map_or(String::new(), |d| d.message.clone())
            ),
        }
    }
    match result {
        Ok(ps) => {
            check_diagnostics(ps.warnings(), sources);
            if ask {
                exercise(&ps);
            }
            None
        }
        Err(e) => {
            check_error(&e, sources);
            Some(e)
        }
    }
}

/// Where and what each diagnostic says, for comparing two loads.
fn places(e: &Option<Error>) -> Vec<(u32, u32, String)> {
    e.as_ref()
        .map(|e| {
            e.diagnostics()
                .iter()
                .map(|d| (d.line, d.column, d.path.clone()))
                .collect()
        })
        .unwrap_or_default()
}

// ---- arbitrary bytes ----

fn temp_file(bytes: &[u8]) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!("zhidu-fuzz-loader-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("f{}.toml", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // Anything at all.
        prop::collection::vec(any::<u8>(), 0..512),
        // TOML-ish bytes: brackets, quotes, equals, newlines, digits, a BOM, Chinese text.
        prop::collection::vec(
            prop::sample::select(
                b"[]{}=\"'#\n\r\t ,.-_:+0123456789aeiopyTZ\\"
                    .iter()
                    .copied()
                    .chain([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0xff, 0x00])
                    .collect::<Vec<u8>>()
            ),
            0..512
        ),
        // A shipped file with bytes overwritten.
        (
            any::<prop::sample::Index>(),
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
        )
            .prop_map(|(file, edits)| {
                let sources = PolicySet::builtin_sources();
                let mut b = sources[file.index(sources.len())].1.as_bytes().to_vec();
                for (at, byte) in edits {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
                b
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    /// Arbitrary bytes, in memory and read from a file.
    #[test]
    fn arbitrary_bytes(bytes in bytes()) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        load_and_check(&[("fuzz.toml", &text)]);
        // Through the reader: invalid UTF-8 is an `io` error naming the first bad byte.
        let path = temp_file(&bytes);
        match PolicySet::read_paths(std::slice::from_ref(&path)) {
            Ok(files) => {
                prop_assert!(std::str::from_utf8(&bytes).is_ok());
                prop_assert_eq!(files.len(), 1);
                prop_assert_eq!(files[0].1.as_bytes(), &bytes[..]);
            }
            Err(e) => {
                check_error(&e, &[]);
                let bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                prop_assert_eq!(e.code(), "io");
                prop_assert!(e.to_string().ends_with(&format!("the file is not UTF-8 (first bad byte at offset {bad})")), "{}", e);
            }
        }
        match PolicySet::load(&path) {
            Ok(ps) => exercise(&ps),
            Err(e) => check_error(&e, &[]),
        }
        std::fs::remove_file(&path).unwrap();
    }
}

// ---- structure-aware TOML from the schema ----

/// A key of the schema: its name, whether the loader requires it, and values of the right
/// type (which may still be wrong for the loader's checks: reversed ranges, unknown ids,
/// limits above legal limits, the edges of `u32`).
struct Key {
    name: &'static str,
    required: bool,
    valid: &'static [&'static str],
}

const fn r(name: &'static str, valid: &'static [&'static str]) -> Key {
    Key {
        name,
        required: true,
        valid,
    }
}

const fn o(name: &'static str, valid: &'static [&'static str]) -> Key {
    Key {
        name,
        required: false,
        valid,
    }
}

/// A section of the schema: name, array of tables or table, keys, and groups of keys of
/// which at most one is written (the loader rejects more, and random picks would nearly
/// always write several).
struct Sect {
    name: &'static str,
    array: bool,
    keys: &'static [Key],
    one_of: &'static [&'static str],
}

const SRC: &[&str] = &[
    "{ clause = \"X.1\", quote = \"q\" }",
    "{ clause = \"X.2\", quote = \"二\" }",
];
const NAME: &[&str] = &["\"承诺件\"", "\"x\""];
const DEFAULTS: &[&str] = &["[{ key = \"limit\", param = \"A1\", note = \"n\" }]", "[]"];
const U32: &[&str] = &["5", "0", "1", "20", "4294967295"];

const POLICY: Sect = Sect {
    name: "policy",
    array: false,
    keys: &[
        r("id", &["\"p\"", "\"q\"", "\"s12-confidentiality\""]),
        r("name", NAME),
        r("version", &["\"1\""]),
        r(
            "effective_from",
            &[
                "2004-01-01",
                "2004-01-01",
                "2026-01-01",
                "1949-01-01",
                "2027-01-01",
                "0001-01-01",
                "9999-12-31",
            ],
        ),
        o(
            "effective_until",
            &["2026-12-31", "9999-12-31", "2003-12-31"],
        ),
        r("calendar", &["\"cn-mainland\"", "\"cal\""]),
        r("source", &["\"seed\""]),
        o("day_ends_at", &["\"midnight\"", "\"office_close\""]),
        o(
            "office_sessions",
            &[
                "{ sessions = [[\"08:30\", \"11:00\"], [\"14:30\", \"17:00\"]], source = { clause = \"T.0\", quote = \"q\" } }",
                "{ sessions = [[\"08:30\", \"24:00\"]], days = \"every_day\", source = { clause = \"T.0\", quote = \"q\" } }",
                "{ sessions = [[\"00:00\", \"24:00\"]], source = { clause = \"T.0\", quote = \"q\" } }",
                "{ sessions = [[\"09:00\", \"12:00\"], [\"11:00\", \"13:00\"]], source = { clause = \"T.0\", quote = \"q\" } }",
                "{ sessions = [], source = { clause = \"T.0\", quote = \"q\" } }",
            ],
        ),
        o("defaults", DEFAULTS),
    ],
    one_of: &[],
};

const CALENDAR: Sect = Sect {
    name: "calendar",
    array: false,
    keys: &[
        r("id", &["\"cal\"", "\"cn-mainland\""]),
        r("name", NAME),
        r(
            "utc_offset",
            &[
                "\"+08:00\"",
                "\"+14:00\"",
                "\"-12:00\"",
                "\"+05:45\"",
                "\"+00:00\"",
            ],
        ),
        r("first_year", &["2026", "2025", "1949"]),
        r("last_year", &["2026", "2200"]),
        r(
            "weekend",
            &["[\"saturday\", \"sunday\"]", "[\"friday\"]", "[]"],
        ),
        r("source", &["\"seed\""]),
        o("defaults", DEFAULTS),
    ],
    one_of: &[],
};

const YEAR: Sect = Sect {
    name: "year",
    array: true,
    keys: &[
        r("year", &["2026", "2026", "2025"]),
        r("notice", NAME),
        o(
            "festival",
            &[
                "[{ name = \"国庆节\", holidays = [2026-10-01, 2026-10-02], workdays = [2026-10-10] }]",
                "[{ name = \"x\", holidays = [2026-10-10], workdays = [2026-10-10] }]",
                "[{ name = \"y\", holidays = [2030-01-01], workdays = [2026-10-07] }]",
                "[]",
            ],
        ),
    ],
    one_of: &[],
};

/// The policy file's sections; a name may appear more than once, one entry per variant of
/// its keys (a class with a fixed limit, one with a per-case limit …).
const POLICY_SECTIONS: &[Sect] = &[
    Sect {
        name: "class",
        array: true,
        keys: &[
            r("id", IDS),
            r("name", NAME),
            r(
                "unit",
                &[
                    "\"working_days\"",
                    "\"calendar_days\"",
                    "\"minutes\"",
                    "\"office_minutes\"",
                    "\"hours\"",
                ],
            ),
            r("limit", U32),
            o("legal_limit", &["20", "1", "4294967295"]),
            o("warn_before", U32),
            o("roll_to_working_day", &["true", "false"]),
            o("clock_starts", &["\"acceptance\"", "\"start_event\""]),
            o("max_extension", U32),
            r("source", SRC),
            o("also", &["[\"S2.cn.3\"]"]),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "class",
        array: true,
        keys: &[
            r("id", IDS),
            r("name", NAME),
            r(
                "unit",
                &[
                    "\"working_days\"",
                    "\"calendar_days\"",
                    "\"minutes\"",
                    "\"office_minutes\"",
                    "\"hours\"",
                ],
            ),
            r("per_case", &["true"]),
            o("default_limit", U32),
            o("usual_range", &["[3, 5]", "[5, 3]", "[0, 4294967295]"]),
            o("legal_limit", &["20", "1", "4294967295"]),
            o("warn_before", U32),
            o("clock_starts", &["\"acceptance\"", "\"start_event\""]),
            o("max_extension", U32),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "item",
        array: true,
        keys: &[
            r(
                "id",
                &[
                    "\"i1\"", "\"i2\"", "\"i3\"", "\"i4\"", "\"i5\"", "\"i6\"", "\"a\"",
                ],
            ),
            r("name", NAME),
            r("class", &["\"a\"", "\"b\"", "\"nope\""]),
            o("legal_limit", &["15", "2", "4294967295"]),
            r("promised_limit", U32),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "suspension",
        array: true,
        keys: &[
            r(
                "id",
                &[
                    "\"pause\"",
                    "\"restart\"",
                    "\"hearing\"",
                    "\"s4\"",
                    "\"s5\"",
                    "\"s6\"",
                    "\"pause\"",
                ],
            ),
            r("name", NAME),
            r("effect", &["\"pause\"", "\"restart\""]),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "assessment",
        array: false,
        keys: &[
            o("period", &["\"month\"", "\"quarter\"", "\"year\""]),
            o("window_score", &["\"mean\""]),
            o("disqualifying_effects", &["[\"out\"]", "[]", "[\"nope\"]"]),
            o("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "effect",
        array: true,
        keys: &[
            r(
                "id",
                &[
                    "\"out\"", "\"warn\"", "\"e3\"", "\"e4\"", "\"e5\"", "\"e6\"", "\"out\"",
                ],
            ),
            r("name", NAME),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "category",
        array: true,
        keys: &[
            r(
                "id",
                &[
                    "\"qin\"", "\"ji\"", "\"c3\"", "\"c4\"", "\"c5\"", "\"c6\"", "\"qin\"",
                ],
            ),
            r("name", NAME),
            r("maximum", &["20", "0", "4294967295"]),
            o("floor", &["0", "10", "4294967295"]),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "rule",
        array: true,
        keys: &[
            r("code", RULES),
            r("category", &["\"qin\"", "\"ji\"", "\"nope\""]),
            r("kind", &["\"deduction\"", "\"bonus\""]),
            r("unit", RULE_UNITS),
            o("points", &["2", "0", "4294967295"]),
            o("range", &["[1, 5]", "[0, 4294967295]", "[5, 1]"]),
            o("choices", &["[1, 2]", "[4294967295, 0]", "[]"]),
            o(
                "fine",
                &[
                    "\"150\"",
                    "\"12.50\"",
                    "\"79228162514264337593543950335\"",
                    "\"0.001\"",
                ],
            ),
            o("effects", &["[\"out\"]", "[]", "[\"nope\"]"]),
            o(
                "charge",
                &["\"person\"", "\"window\"", "\"person_and_window\""],
            ),
            o("overdue", &["\"piece\"", "\"piece_day\""]),
            o("joint", &["\"any\"", "\"only\"", "\"never\""]),
            r("source", SRC),
            o(
                "versions",
                &[
                    "[{ from = 2004-01-01, until = 2025-12-31, points = 1 }, { from = 2026-01-01, points = 4294967295, fine = \"1000000\" }]",
                    "[{ from = 2026-01-01, points = 1 }, { from = 2025-01-01, points = 2 }]",
                ],
            ),
            o("defaults", DEFAULTS),
        ],
        one_of: &["points", "range", "choices", "versions"],
    },
    Sect {
        name: "rule",
        array: true,
        keys: &[
            r("code", RULES),
            r("kind", &["\"effect_only\""]),
            r("unit", RULE_UNITS),
            r("effects", &["[\"out\"]", "[]"]),
            o(
                "charge",
                &["\"person\"", "\"window\"", "\"person_and_window\""],
            ),
            r("source", SRC),
        ],
        one_of: &[],
    },
    Sect {
        name: "accountability",
        array: false,
        keys: &[
            o("repeat_months", &["12", "0", "4294967295"]),
            o("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "accountability",
        array: false,
        keys: &[
            o("repeat_months", &["12", "0", "4294967295"]),
            r("repeat_escalation", &["\"V.r\""]),
            o("complaint_threshold", &["3", "0", "4294967295"]),
            o("complaint_months", &["12", "4294967295"]),
            r("complaint_escalation", &["\"V.c\""]),
            r("complaint_flag", &["\"f1\""]),
            o("source", SRC),
        ],
        one_of: &[],
    },
    Sect {
        name: "tier",
        array: true,
        keys: &[
            r("level", &["1", "2", "3", "4", "5", "6", "4294967295"]),
            r("name", NAME),
            o("measures", &["[\"批评教育\"]", "[]"]),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "flag",
        array: true,
        keys: &[
            r(
                "id",
                &[
                    "\"f1\"", "\"f2\"", "\"f3\"", "\"f4\"", "\"f5\"", "\"f6\"", "\"f1\"",
                ],
            ),
            r("name", NAME),
            o("adds_measures", &["[\"移送\"]"]),
            o("needs_review", &["true", "false"]),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "violation",
        array: true,
        keys: &[
            r("code", VIOLATIONS),
            r("name", NAME),
            r("tier", &["1", "2", "4294967295"]),
            o("refines", &["\"V.1\"", "\"nope\""]),
            o("when_flags", &["[\"f1\"]", "[\"f1\", \"f2\"]", "[]"]),
            o("priority", &["1", "-2147483648", "2147483647"]),
            r("source", SRC),
            o("defaults", DEFAULTS),
        ],
        one_of: &[],
    },
    Sect {
        name: "violation",
        array: true,
        keys: &[
            r("code", VIOLATIONS),
            r("name", NAME),
            r("manual", &["true"]),
            o("refines", &["\"V.1\""]),
            o("when_flags", &["[\"f1\"]", "[]"]),
            r("source", SRC),
        ],
        one_of: &[],
    },
    Sect {
        name: "violation",
        array: true,
        keys: &[
            r("code", &["\"V.r\"", "\"V.c\""]),
            r("name", NAME),
            r("tier", &["1", "2"]),
            r("candidate_only", &["true"]),
            r("source", SRC),
        ],
        one_of: &[],
    },
];

const IDS: &[&str] = &[
    "\"a\"",
    "\"b\"",
    "\"c\"",
    "\"d\"",
    "\"e\"",
    "\"f\"",
    "\"a\"",
    "\"A-1.x_y\"",
];
const RULES: &[&str] = &[
    "\"R.1\"", "\"R.2\"", "\"R.3\"", "\"R.4\"", "\"R.5\"", "\"R.6\"", "\"R.1\"",
];
const VIOLATIONS: &[&str] = &[
    "\"V.1\"", "\"V.2\"", "\"V.3\"", "\"V.4\"", "\"V.5\"", "\"V.6\"", "\"V.1\"",
];
const RULE_UNITS: &[&str] = &[
    "\"occurrence\"",
    "\"person_time\"",
    "\"piece\"",
    "\"piece_day\"",
    "\"half_day\"",
    "\"discovery\"",
    "\"item\"",
    "\"title\"",
    "\"proposal\"",
];

/// Values of the wrong type or past the edges, for the anomalies.
const WRONG: &[&str] = &[
    "-1",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "1.5",
    "inf",
    "nan",
    "true",
    "\"\"",
    "\"5\"",
    "\"weeks\"",
    "\"+15:00\"",
    "\"24:00\"",
    "[[\"24:00\", \"08:00\"]]",
    "[]",
    "{}",
    "2026-10-01T10:00:00+08:00",
    "10:00:00",
    "\"../up\"",
    "\"a/b\"",
    "\"a b\"",
    "\"中文\"",
    "[1, [2, [3]]]",
    "0000-01-01",
];

/// Any TOML value: scalars at the edges of every type, arrays and inline tables.
fn any_value() -> impl Strategy<Value = String> {
    let scalar = prop_oneof![
        any::<i64>().prop_map(|i| i.to_string()),
        prop::sample::select(WRONG.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()),
        "[a-z0-9_./ -]{0,12}".prop_map(|s| format!("\"{s}\"")),
        prop::sample::select(list(&[
            "99999999999999999999",
            "2026-10-01T24:00:00",
            "2026-02-30",
            "'literal'",
            "\"\"\"multi\nline\"\"\""
        ])),
    ];
    scalar.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..3).prop_map(|kv| {
                let mut seen = std::collections::HashSet::new();
                let parts: Vec<String> = kv
                    .into_iter()
                    .filter(|(k, _)| seen.insert(k.clone()))
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect();
                format!("{{ {} }}", parts.join(", "))
            }),
        ]
    })
}

fn list(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// One entry: per key of its section whether an optional key is written, whether to use an
/// edge value rather than the first (canonical) one, and which edge value.
type EntryPicks = Vec<(bool, bool, prop::sample::Index)>;

/// A change to a well-formed document.
#[derive(Clone, Debug)]
enum Anomaly {
    /// Remove a key (required ones too).
    Drop(prop::sample::Index),
    /// Give a key a wrong or arbitrary value.
    Set(prop::sample::Index, String),
    /// Add an unknown key (often a near-miss of a real one).
    Extra(prop::sample::Index, String, String),
    /// Add a section of another kind of file (a `[[class]]` in a calendar file …).
    Foreign(prop::sample::Index, EntryPicks),
    /// Write a table as an array of tables, or the other way round.
    WrongForm(prop::sample::Index),
    /// Misspell a section's name.
    Rename(prop::sample::Index, String),
}

fn anomaly() -> impl Strategy<Value = Anomaly> {
    let idx = any::<prop::sample::Index>;
    prop_oneof![
        2 => idx().prop_map(Anomaly::Drop),
        4 => (idx(), prop_oneof![2 => prop::sample::select(list(WRONG)), 1 => any_value()]).prop_map(|(i, v)| Anomaly::Set(i, v)),
        2 => (idx(), prop_oneof!["[a-z_]{1,10}", Just("untis".to_owned()), Just("limt".to_owned()), Just("idd".to_owned())], prop::sample::select(list(&["1", "\"x\""]))).prop_map(|(i, k, v)| Anomaly::Extra(i, k, v)),
        1 => (idx(), entry()).prop_map(|(i, e)| Anomaly::Foreign(i, e)),
        1 => idx().prop_map(Anomaly::WrongForm),
        1 => (idx(), prop::sample::select(list(&["polcy", "classes", "calender", "yaer", "Policy"]))).prop_map(|(i, n)| Anomaly::Rename(i, n)),
    ]
}

/// A generated document: header entry, sections (which, and their entries), anomalies.
#[derive(Clone, Debug)]
struct Doc {
    header: EntryPicks,
    sections: Vec<(prop::sample::Index, Vec<EntryPicks>)>,
    anomalies: Vec<Anomaly>,
}

fn entry() -> impl Strategy<Value = EntryPicks> {
    prop::collection::vec(
        (
            any::<bool>(),
            prop::bool::weighted(0.2),
            any::<prop::sample::Index>(),
        ),
        16,
    )
}

fn doc(sections: std::ops::Range<usize>) -> impl Strategy<Value = Doc> {
    (
        entry(),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop::collection::vec(entry(), 1..4),
            ),
            sections,
        ),
        prop_oneof![1 => Just(Vec::new()), 1 => prop::collection::vec(anomaly(), 1..3)],
    )
        .prop_map(|(header, sections, anomalies)| Doc {
            header,
            sections,
            anomalies,
        })
}

/// A section as written: name, array of tables or not, entries of `key = value`.
struct Written {
    name: String,
    array: bool,
    entries: Vec<Vec<(String, String)>>,
}

/// The `position`-th entry of `sect`: ids by position (so entries do not collide unless an
/// edge pick says so), other keys canonical or, on an edge pick, any of their values.
fn write_entry(sect: &Sect, picks: &EntryPicks, position: usize) -> Vec<(String, String)> {
    // Of each `one_of` group, only the first key picked is written.
    let mut group_taken = false;
    let mut out = Vec::new();
    for (key, (take, edge, value)) in sect.keys.iter().zip(picks) {
        let in_group = sect.one_of.contains(&key.name);
        if !key.required && !take {
            continue;
        }
        if key.name == "refines" && position == 0 && !edge {
            continue; // the first violation is the base the others refine
        }
        if in_group {
            if group_taken {
                continue;
            }
            group_taken = true;
        }
        let n = key.valid.len();
        let i = match (*edge, matches!(key.name, "id" | "code" | "level")) {
            (true, _) => value.index(n),
            (false, true) => position % n,
            (false, false) => 0,
        };
        out.push((key.name.to_owned(), key.valid[i].to_owned()));
    }
    out
}

/// Render `d` as a policy file (`policy`) or a calendar file; a policy names the generated
/// calendar `cal` only when there is one (`own_calendar`), else the builtin one.
fn render_doc(d: &Doc, policy: bool, own_calendar: bool) -> String {
    let header = if policy { &POLICY } else { &CALENDAR };
    let mut head = write_entry(header, &d.header, 0);
    if policy && !own_calendar {
        for (k, v) in &mut head {
            if k == "calendar" {
                *v = "\"cn-mainland\"".to_owned();
            }
        }
    }
    let mut written = vec![Written {
        name: header.name.to_owned(),
        array: false,
        entries: vec![head],
    }];
    let kinds: &[Sect] = if policy {
        POLICY_SECTIONS
    } else {
        std::slice::from_ref(&YEAR)
    };
    for (which, entries) in &d.sections {
        let sect = &kinds[which.index(kinds.len())];
        if !sect.array && written.iter().any(|w| w.name == sect.name) {
            continue;
        }
        let entries = if sect.array {
            &entries[..]
        } else {
            &entries[..1]
        };
        // A section picked twice continues its entries (and their positions).
        let at = match written.iter().position(|w| w.name == sect.name) {
            Some(at) => at,
            None => {
                written.push(Written {
                    name: sect.name.to_owned(),
                    array: sect.array,
                    entries: Vec::new(),
                });
                written.len() - 1
            }
        };
        for e in entries {
            let position = written[at].entries.len();
            let entry = write_entry(sect, e, position);
            written[at].entries.push(entry);
        }
    }
    // What entries refer to is there (anomalies may still take it away): a deduction table
    // has its `[assessment]`, items their classes, rules their categories and effects,
    // violations their tiers and flags.
    let needs: [(&str, &[&str]); 5] = [
        ("item", &["class"]),
        ("rule", &["assessment", "category", "effect"]),
        ("effect", &["assessment"]),
        ("category", &["assessment"]),
        ("violation", &["tier", "flag"]),
    ];
    if policy {
        for (who, what) in needs {
            if !written.iter().any(|w| w.name == who) {
                continue;
            }
            for &need in what {
                if written.iter().any(|w| w.name == need) {
                    continue;
                }
                let Some(sect) = POLICY_SECTIONS.iter().find(|x| x.name == need) else {
                    continue;
                };
                let entries: Vec<Vec<(String, String)>> = (0..if sect.array { 2 } else { 1 })
                    .map(|position| {
                        sect.keys
                            .iter()
                            .filter(|k| k.required)
                            .map(|k| {
                                let i = if matches!(k.name, "id" | "code" | "level") {
                                    position
                                } else {
                                    0
                                };
                                (k.name.to_owned(), k.valid[i % k.valid.len()].to_owned())
                            })
                            .collect()
                    })
                    .collect();
                written.push(Written {
                    name: need.to_owned(),
                    array: sect.array,
                    entries,
                });
            }
        }
    }
    for a in &d.anomalies {
        let n = written.len();
        match a {
            Anomaly::Drop(i) | Anomaly::Set(i, _) | Anomaly::Extra(i, _, _) => {
                // The i-th `key = value` of the document.
                let all: Vec<(usize, usize, usize)> = written
                    .iter()
                    .enumerate()
                    .flat_map(|(s, w)| {
                        w.entries
                            .iter()
                            .enumerate()
                            .flat_map(move |(e, kv)| (0..kv.len()).map(move |k| (s, e, k)))
                    })
                    .collect();
                let Some(&(s, e, k)) = all.get(i.index(all.len().max(1))) else {
                    continue;
                };
                let kv = &mut written[s].entries[e];
                match a {
                    Anomaly::Drop(_) => {
                        kv.remove(k);
                    }
                    Anomaly::Set(_, v) => kv[k].1 = v.clone(),
                    Anomaly::Extra(_, key, v) if !kv.iter().any(|(k, _)| k == key) => {
                        kv.push((key.clone(), v.clone()));
                    }
                    _ => {}
                }
            }
            Anomaly::Foreign(i, picks) => {
                let foreign: Vec<&Sect> = if policy {
                    vec![&CALENDAR, &YEAR]
                } else {
                    POLICY_SECTIONS.iter().chain([&POLICY]).collect()
                };
                let sect = foreign[i.index(foreign.len())];
                if sect.array || !written.iter().any(|w| w.name == sect.name) {
                    written.push(Written {
                        name: sect.name.to_owned(),
                        array: sect.array,
                        entries: vec![write_entry(sect, picks, 0)],
                    });
                }
            }
            Anomaly::WrongForm(i) => {
                let w = &mut written[i.index(n)];
                w.array = !w.array;
            }
            Anomaly::Rename(i, name) => {
                let j = i.index(n);
                if !written.iter().any(|x| x.name == *name) {
                    written[j].name = name.clone();
                }
            }
        }
    }
    let mut out = String::new();
    for w in &written {
        for kv in &w.entries {
            out.push_str(&if w.array {
                format!("\n[[{}]]\n", w.name)
            } else {
                format!("\n[{}]\n", w.name)
            });
            for (k, v) in kv {
                out.push_str(&format!("{k} = {v}\n"));
            }
            if !w.array {
                break;
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    /// Policy and calendar files written from the schema with values of the right type, then
    /// broken by a few anomalies (a key dropped, retyped or misspelt, a section of the wrong
    /// kind or form); loaded alone, with a generated calendar, or beside a shipped file.
    #[test]
    fn schema_shaped_toml(
        policy in doc(1..8),
        calendar in prop::option::of(doc(1..3)),
        with_shipped in any::<bool>(),
    ) {
        let policy_text = render_doc(&policy, true, calendar.is_some());
        let calendar_text = calendar.map(|c| render_doc(&c, false, true));
        let mut sources: Vec<(&str, &str)> = vec![("gen.toml", &policy_text)];
        if let Some(c) = &calendar_text {
            sources.push(("cal.toml", c));
        }
        if with_shipped {
            // A small shipped policy beside it, for ids defined twice across files.
            sources.extend(PolicySet::builtin_sources().iter().copied().filter(|(n, _)| n.contains("s12-")));
        }
        let first = load_and_check(&sources);
        // CRLF line endings and a byte-order mark change nothing.
        let crlf: Vec<String> = sources.iter().map(|(_, t)| t.replace('\n', "\r\n")).collect();
        let crlf_sources: Vec<(&str, &str)> = sources.iter().zip(&crlf).map(|((n, _), t)| (*n, t.as_str())).collect();
        let second = load(&crlf_sources, false);
        prop_assert_eq!(first.as_ref().map(Error::code), second.as_ref().map(Error::code));
        prop_assert_eq!(places(&first), places(&second));
        let bom = format!("\u{feff}{policy_text}");
        let mut bom_sources = sources.clone();
        bom_sources[0] = ("gen.toml", &bom);
        let third = load(&bom_sources, false);
        prop_assert_eq!(places(&first), places(&third));
    }
}

// ---- mutated copies of the shipped files ----

#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(prop::sample::Index),
    DuplicateLine(prop::sample::Index),
    SwapLines(prop::sample::Index, prop::sample::Index),
    ReplaceValue(prop::sample::Index, String),
    BlowUpNumbers(prop::sample::Index, String),
    Truncate(prop::sample::Index),
    Insert(prop::sample::Index, String),
    RenameKey(prop::sample::Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let idx = any::<prop::sample::Index>;
    prop_oneof![
        1 => idx().prop_map(Mutation::DeleteLine),
        1 => idx().prop_map(Mutation::DuplicateLine),
        1 => (idx(), idx()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (idx(), any_value()).prop_map(|(i, v)| Mutation::ReplaceValue(i, v)),
        3 => (idx(), prop::sample::select(list(&["0", "4294967295", "4294967296", "9223372036854775807", "99999999999999999999", "-1", "1000000000"]))).prop_map(|(i, v)| Mutation::BlowUpNumbers(i, v)),
        1 => idx().prop_map(Mutation::Truncate),
        1 => (idx(), prop::sample::select(list(&["\n[policy]\n", "\"", "[[", "\u{feff}", "\r\n", "=", "#", "\\", "\n[[class]]\n", "\n[calendar]\n", "\0", "\n[[rule]]\ncode = \"x\"\n"]))).prop_map(|(i, t)| Mutation::Insert(i, t)),
        1 => (idx(), "[a-z_]{1,10}").prop_map(|(i, k)| Mutation::RenameKey(i, k)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for m in mutations {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let n = lines.len();
        match m {
            Mutation::DeleteLine(i) => {
                lines.remove(i.index(n));
            }
            Mutation::DuplicateLine(i) => {
                let l = lines[i.index(n)].clone();
                lines.insert(i.index(n), l);
            }
            Mutation::SwapLines(a, b) => lines.swap(a.index(n), b.index(n)),
            Mutation::ReplaceValue(i, v) => {
                // The i-th line that assigns a value.
                let assigns: Vec<usize> = (0..n).filter(|&j| lines[j].contains(" = ")).collect();
                if let Some(&j) = assigns.get(i.index(assigns.len().max(1))) {
                    let key = lines[j].split(" = ").next().unwrap_or("").to_owned();
                    lines[j] = format!("{key} = {v}");
                }
            }
            Mutation::BlowUpNumbers(i, v) => {
                let with_digits: Vec<usize> = (0..n)
                    .filter(|&j| {
                        lines[j].contains(" = ")
                            && lines[j].split(" = ").nth(1).is_some_and(|r| {
                                r.trim().bytes().all(|b| b.is_ascii_digit()) && !r.trim().is_empty()
                            })
                    })
                    .collect();
                if let Some(&j) = with_digits.get(i.index(with_digits.len().max(1))) {
                    let key = lines[j].split(" = ").next().unwrap_or("").to_owned();
                    lines[j] = format!("{key} = {v}");
                }
            }
            Mutation::Truncate(i) => {
                let mut joined = lines.join("\n");
                let mut cut = i.index(joined.len().max(1));
                while !joined.is_char_boundary(cut) {
                    cut -= 1;
                }
                joined.truncate(cut);
                lines = joined.split('\n').map(str::to_owned).collect();
            }
            Mutation::Insert(i, t) => {
                let j = i.index(n);
                let mut at = lines[j].len() / 2;
                while !lines[j].is_char_boundary(at) {
                    at -= 1;
                }
                lines[j].insert_str(at, t);
            }
            Mutation::RenameKey(i, k) => {
                let assigns: Vec<usize> = (0..n).filter(|&j| lines[j].contains(" = ")).collect();
                if let Some(&j) = assigns.get(i.index(assigns.len().max(1))) {
                    let value = lines[j]
                        .split_once(" = ")
                        .map(|(_, v)| v.to_owned())
                        .unwrap_or_default();
                    lines[j] = format!("{k} = {value}");
                }
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), .. ProptestConfig::default() })]

    /// A shipped file with a few lines deleted, duplicated, swapped, retyped, renamed or cut,
    /// loaded with the rest of the shipped set; whatever loads is exercised.
    #[test]
    fn mutated_shipped_files(
        file in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let shipped = PolicySet::builtin_sources();
        let i = file.index(shipped.len());
        let text = mutate(shipped[i].1, &mutations);
        // A policy file alone (its calendar comes from the builtin set); a calendar file with
        // the policies that count days in it and carry the biggest tables.
        let mut sources: Vec<(&str, &str)> = vec![(shipped[i].0, &text)];
        if shipped[i].0.contains("calendars/") {
            sources.extend(shipped.iter().copied().filter(|(n, _)| n.contains("s2-") || n.contains("s10-")));
        }
        let first = load_and_check(&sources);
        if text.contains('\r') {
            return Ok(()); // CRLF already, or a lone CR: converting would change the text
        }
        let crlf = text.replace('\n', "\r\n");
        sources[0] = (shipped[i].0, &crlf);
        let second = load(&sources, false);
        prop_assert_eq!(first.as_ref().map(Error::code), second.as_ref().map(Error::code));
        prop_assert_eq!(places(&first), places(&second));
    }
}

#[test]
fn the_generators_reach_every_outcome() {
    // Guards the fuzzer itself: the shipped set loads through the same path, a plausible
    // rendering of a small policy loads, and one with a missing key does not.
    assert!(load_and_check(PolicySet::builtin_sources()).is_none());
    let text = "[policy]\nid = \"a\"\nname = \"x\"\nversion = \"x\"\neffective_from = 2004-01-01\ncalendar = \"cn-mainland\"\nsource = \"seed\"\n\n[[class]]\nid = \"b\"\nname = \"x\"\nunit = \"working_days\"\nlimit = 5\nsource = { clause = \"X.1\", quote = \"q\" }\n";
    assert!(load_and_check(&[("gen.toml", text)]).is_none());
    let e = load_and_check(&[("gen.toml", &text.replace("limit = 5\n", ""))]).unwrap();
    assert_eq!(e.diagnostics()[0].path, "class[0].limit");
    assert_eq!(mutate("a = 1\nb = 2", &[]), "a = 1\nb = 2");
}

// ---- findings of this fuzzer, kept as named regression tests ----

/// A string left open before a CRLF line ending was reported twice (once for the `\r`, once
/// for the missing quote), at a column past the visible line; with LF it is one diagnostic.
#[test]
fn regression_crlf_unterminated_string_is_one_diagnostic() {
    let lf = "[policy]\nid = \"a\nname = \"x\"\n";
    let crlf = lf.replace('\n', "\r\n");
    let d = |text: &str| -> Vec<(u32, u32, String)> {
        PolicySet::check_sources(&[("a.toml", text)])
            .unwrap()
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    };
    assert_eq!(d(&crlf), d(lf));
    assert_eq!(
        d(lf)[0],
        (2, 8, "invalid basic string, expected `\"`".to_owned())
    );
}
