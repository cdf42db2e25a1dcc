//! Every batch zhidu-arrow writes names the rules that gave it (issue #16 point 4, issue #17
//! point 5): its schema metadata holds, under `zhidu:stamp`, the JSON of the policy's stamp —
//! the policy's id, its version, its first day in force and the set's content hash — as the
//! CLI writes an answer's `stamp` field. The expected values are S2's and S14's headers
//! (policies/s2-service-center.toml: version 2023-10-23, in force from 2004-01-01) and the
//! set's hash, which the core computes once (`PolicySet::content_hash`).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, RecordBatch, StringArray};
use zhidu::PolicySet;

/// The stamp of a batch, parsed.
fn stamp_of(batch: &RecordBatch) -> serde_json::Value {
    let text = batch
        .schema()
        .metadata()
        .get(zhidu_arrow::STAMP_KEY)
        .cloned()
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap()
}

/// The stamp as the CLI writes it: the JSON of `Policy::stamp()`.
fn expected(p: &zhidu::Policy) -> serde_json::Value {
    serde_json::to_value(p.stamp()).unwrap()
}

#[test]
fn every_batch_written_carries_its_policys_stamp() {
    let ps = PolicySet::builtin().unwrap();
    let s2 = ps.policy("s2-service-center").unwrap();
    let hash = ps.content_hash();
    let s2_stamp = serde_json::json!({
        "policy": "s2-service-center",
        "version": "2023-10-23",
        "effective_from": "2004-01-01",
        "hash": hash,
    });
    assert_eq!(expected(s2), s2_stamp);

    // Due dates: a good row and a bad one; with and without instants.
    let starts = Date32Array::from(vec![Some(20726), None]);
    for instants in [false, true] {
        let options = zhidu_arrow::DueOptions {
            instants,
            ..Default::default()
        };
        let out = zhidu_arrow::due_many_arrays(s2, "promised", &starts, None, &options).unwrap();
        assert_eq!(stamp_of(&out), s2_stamp);
    }

    // Case statuses, an empty batch of cases included.
    let cases = RecordBatch::try_from_iter([
        ("id", Arc::new(StringArray::from(vec!["C1"])) as ArrayRef),
        (
            "class",
            Arc::new(StringArray::from(vec!["promised"])) as ArrayRef,
        ),
        (
            "accepted_at",
            Arc::new(StringArray::from(vec!["2026-09-30"])) as ArrayRef,
        ),
    ])
    .unwrap();
    let as_of = "2026-10-12T12:00:00+08:00".parse().unwrap();
    for batch in [cases.clone(), cases.slice(0, 0)] {
        let out = zhidu_arrow::case_statuses(s2, &batch, as_of, &Default::default()).unwrap();
        assert_eq!(stamp_of(&out), s2_stamp);
    }

    // Scorecards and skipped rows of S14: its own stamp, the same set's hash.
    let s14 = ps.policy("s14-window-scorecard").unwrap();
    let incidents = RecordBatch::try_from_iter([
        (
            "subject",
            Arc::new(StringArray::from(vec!["张三", "张三"])) as ArrayRef,
        ),
        (
            "window",
            Arc::new(StringArray::from(vec!["W01", "W01"])) as ArrayRef,
        ),
        (
            "at",
            Arc::new(StringArray::from(vec!["2026-10-12", "2026-10-12"])) as ArrayRef,
        ),
        (
            "rule",
            Arc::new(StringArray::from(vec!["S14.att.2", "S14.nope"])) as ArrayRef,
        ),
    ])
    .unwrap();
    let out = zhidu_arrow::assess(
        s14,
        &incidents,
        "2026-10".parse().unwrap(),
        &Default::default(),
    )
    .unwrap();
    let cards = zhidu_arrow::scorecards(s14, &out, None).unwrap();
    let skipped = zhidu_arrow::skipped_rows(s14, &out.errors, zhidu::Lang::En).unwrap();
    assert_eq!(skipped.num_rows(), 1);
    for batch in [cards, skipped] {
        let stamp = stamp_of(&batch);
        assert_eq!(stamp, expected(s14));
        assert_eq!(stamp["policy"], "s14-window-scorecard");
        assert_eq!(stamp["hash"], hash);
    }
}
