//! The clause index and coverage (issue #15): every citation of the shipped policies is an
//! indexed clause, every computable clause is encoded or says why not, and no clause is both
//! encoded and `planned`. Expected counts are worked by hand from regulations.md §2.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use zhidu::{ClauseCoverage, PolicySet, Severity};

fn builtin() -> ClauseCoverage {
    PolicySet::builtin().unwrap().clause_coverage(None).unwrap()
}

#[test]
fn every_shipped_citation_is_an_indexed_clause() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies");
    for set in [PolicySet::builtin().unwrap(), PolicySet::load(dir).unwrap()] {
        let unknown: Vec<String> = set
            .warnings()
            .iter()
            .filter(|d| d.message.contains("not in the clause index"))
            .map(|d| {
                format!(
                    "{}:{}:{} {}: {} ({:?})",
                    d.file, d.line, d.column, d.path, d.message, d.help
                )
            })
            .collect();
        assert!(unknown.is_empty(), "{}", unknown.join("\n"));
    }
}

#[test]
fn every_computable_clause_is_encoded_or_has_a_reason() {
    let cov = builtin();
    let missing: Vec<&str> = cov
        .regulations
        .iter()
        .flat_map(|r| &r.clauses)
        .filter(|c| c.computable && c.encoded.is_empty() && c.reason.is_none())
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "computable clauses with neither an encoding nor a reason: {missing:?}"
    );
}

#[test]
fn no_clause_is_both_encoded_and_planned() {
    // `planned` and `unplanned` say no policy encodes the clause: an encoding makes them stale.
    let both: Vec<String> = builtin()
        .regulations
        .iter()
        .flat_map(|r| &r.clauses)
        .filter(|c| {
            !c.encoded.is_empty() && matches!(c.reason.as_deref(), Some("planned" | "unplanned"))
        })
        .map(|c| {
            format!(
                "{} (encoded by {} {})",
                c.id, c.encoded[0].policy, c.encoded[0].entry
            )
        })
        .collect();
    assert!(
        both.is_empty(),
        "remove `reason = \"planned\"` / `\"unplanned\"` from clauses.toml for: {both:?}"
    );
}

#[test]
fn s1_counts_by_hand() {
    // regulations.md §2 S1: it.2–it.8 in the table (7, all computable kinds), it.1 descriptive.
    // `s1-window-it` encodes it.2, it.4, it.5, it.7 (disks, outsiders, sharing, self-repair) as
    // access rules and it.3, it.8 as obligations with no period (定期, A32): 6 encoded; it.6
    // (a standing set-up requirement with no sanction) keeps its reason.
    let cov = PolicySet::builtin()
        .unwrap()
        .clause_coverage(Some("S1"))
        .unwrap();
    let t = cov.regulations[0].totals;
    assert_eq!(
        (
            t.clauses,
            t.computable,
            t.encoded,
            t.with_reason,
            t.planned,
            t.missing
        ),
        (8, 7, 6, 1, 0, 0)
    );
    assert_eq!(cov.totals, t);
}

#[test]
fn s14_is_encoded_but_for_the_fine_clause() {
    // §3b S14: 30 rows (att.1a–1d, 1f, 2–6: 10; svc.1–4: 4; biz.1.1, 1.2a–d, 1.3a–d,
    // 1.4a–e, 1.5, 1.6: 16) plus the section ids
    // S14.att, S14.svc, S14.biz, S14.biz.1 the policy cites for its caps. att.1f is the fine
    // of 1a–1d (A5), carried by those rules: covered-by, not encoded.
    let cov = PolicySet::builtin()
        .unwrap()
        .clause_coverage(Some("S14"))
        .unwrap();
    let r = &cov.regulations[0];
    let t = r.totals;
    assert_eq!(
        (t.clauses, t.computable, t.encoded, t.with_reason, t.missing),
        (34, 30, 29, 1, 0)
    );
    let ji = r.clauses.iter().find(|c| c.id == "S14.att.1f").unwrap();
    assert_eq!(ji.reason.as_deref(), Some("covered-by"));
    let att = r.clauses.iter().find(|c| c.id == "S14.att").unwrap();
    assert!(!att.computable);
    assert_eq!(att.encoded[0].entry, "category att");
    assert_eq!(att.encoded[0].path, "category[0].source.clause");
}

#[test]
fn a_policy_of_its_own_counts_where_it_cites() {
    let text = r#"
[policy]
id = "s10-local"
name = "test"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "test"

[[class]]
id = "quick"
name = "即办件"
unit = "minutes"
limit = 30
source = { clause = "S10.xs.3.4a", quote = "现场30分钟内办结" }
"#;
    let set = PolicySet::from_sources(&[("s10-local.toml", text)]).unwrap();
    let cov = set.clause_coverage(Some("S10")).unwrap();
    let quick = cov.regulations[0]
        .clauses
        .iter()
        .find(|c| c.id == "S10.xs.3.4a")
        .unwrap();
    assert_eq!(quick.encoded.len(), 1);
    assert_eq!(quick.encoded[0].policy, "s10-local");
    assert_eq!(quick.encoded[0].entry, "class quick");
    assert_eq!(quick.encoded[0].path, "class[0].source.clause");
}

#[test]
fn a_citation_the_index_lacks_is_a_warning_with_the_closest_id() {
    let text = r#"
[policy]
id = "typo"
name = "typo"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "test"

[[class]]
id = "c"
name = "c"
unit = "working_days"
limit = 5
source = { clause = "S10.xs.34a", quote = "现场30分钟内办结" }

[[suspension]]
id = "s"
name = "s"
effect = "pause"
source = { clause = "X.1", quote = "a local rule, outside the index's namespace" }
"#;
    let set = PolicySet::from_sources(&[("typo.toml", text)]).unwrap();
    let w = set.warnings();
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!(
        (w[0].file.as_str(), w[0].line, w[0].column),
        ("typo.toml", 15, 21)
    );
    assert_eq!(w[0].path, "class[0].source.clause");
    assert_eq!(
        w[0].message,
        "clause `S10.xs.34a` is not in the clause index"
    );
    assert_eq!(w[0].help.as_deref(), Some("did you mean `S10.xs.3.4a`?"));
    assert_eq!(
        zhidu::Lang::Zh.translate(&w[0].message),
        "条款`S10.xs.34a`不在条款索引中"
    );
}

#[test]
fn a_broken_index_is_reported_with_its_place() {
    let index = r#"
[clause_index]
source = "test"
regulations = [ { id = "S1", title = "t", lines = "1–2" } ]
reasons = [ { id = "descriptive", note = "n" } ]
clauses = [
  { id = "S1.it.1", kinds = ["descriptive"], reason = "descriptive" },
  { id = "S1.it.1", kinds = ["schedule"] },
  { id = "S1.it.3", kinds = ["schedule"], reason = "descriptve" },
  { id = "S2.gen.1", kinds = ["schedule"] },
]
"#;
    let d = PolicySet::check_sources(&[("clauses.toml", index)]).unwrap();
    let msgs: Vec<(u32, &str, Option<&str>)> = d
        .iter()
        .map(|d| (d.line, d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        msgs,
        [
            (8, "clause `S1.it.1` is listed twice", None),
            (
                9,
                "no reason `descriptve` in `reasons`",
                Some("did you mean `descriptive`?")
            ),
            (
                10,
                "clause `S2.gen.1` belongs to no regulation of the index",
                Some(
                    "a clause id starts with its regulation, such as `S2.`, listed in `regulations`"
                )
            ),
        ]
    );
}
