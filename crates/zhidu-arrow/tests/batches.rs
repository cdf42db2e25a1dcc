//! zhidu-arrow on hand-computed batches: every accepted column type, bad rows in place.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int8Type, Int64Type, UInt64Type};
use arrow_array::{
    Array, ArrayRef, Date32Array, DictionaryArray, Int64Array, LargeStringArray, RecordBatch,
    StringArray, StringViewArray, TimestampMillisecondArray, UInt16Array,
};
use zhidu::PolicySet;

fn s2() -> PolicySet {
    PolicySet::builtin().unwrap()
}

/// S2 (total 100): 上班迟到 S2.assess.qin.1 is −2 per occurrence.
#[test]
fn incidents_of_every_text_and_instant_type_score_alike() {
    let ps = s2();
    let p = ps.policy("s2-service-center").unwrap();
    // 2026-10-12 09:30 in Beijing = 01:30 UTC, as milliseconds.
    let instant = 1_791_768_600_000_i64;
    let subject_dict: DictionaryArray<Int8Type> =
        vec![Some("张三"), Some("张三"), None, Some("李四"), Some("李四")]
            .into_iter()
            .collect();
    let rules = [
        "S2.assess.qin.1",
        "S2.assess.qin.1",
        "S2.assess.qin.1",
        "S2.assess.qin.9",
        "S2.assess.qin.1",
    ];
    let batch = |subject: ArrayRef, rule: ArrayRef, at: ArrayRef| {
        RecordBatch::try_from_iter([
            ("subject", subject),
            ("rule", rule),
            ("at", at),
            (
                "quantity",
                Arc::new(Int64Array::from(vec![Some(3), None, None, None, Some(0)])) as ArrayRef,
            ),
        ])
        .unwrap()
    };
    let dictionary = batch(
        Arc::new(subject_dict),
        Arc::new(rules.into_iter().collect::<DictionaryArray<Int8Type>>()),
        Arc::new(TimestampMillisecondArray::from(vec![instant; 5]).with_timezone("Asia/Shanghai")),
    );
    let subjects = vec![
        Some("张三"),
        Some(" 张三 "),
        None,
        Some("李四"),
        Some("李四"),
    ];
    let plain = batch(
        Arc::new(LargeStringArray::from(subjects.clone())),
        Arc::new(StringViewArray::from_iter_values(rules)),
        Arc::new(Date32Array::from(vec![20738; 5])), // 2026-10-12
    );
    let texts = batch(
        Arc::new(StringArray::from(subjects)),
        Arc::new(StringArray::from(rules.to_vec())),
        Arc::new(StringArray::from(vec!["2026-10-12T09:30"; 5])),
    );
    let period = "2026-10".parse().unwrap();
    let options = zhidu_arrow::AssessOptions::new().lines(false);
    let out = zhidu_arrow::assess(p, &dictionary, period, &options).unwrap();
    // 张三: 3 + 1 late arrivals, −8 → 92; 李四: no rule qin.9, quantity 0 refused → no card.
    assert_eq!(out.card("张三").unwrap().total, 92);
    assert!(out.card("李四").is_none());
    let rows: Vec<(usize, &str)> = out.errors.iter().map(|e| (e.row, e.error.code())).collect();
    assert_eq!(rows, [(3, "input"), (4, "input"), (5, "input")]);
    assert_eq!(out.errors[0].error.to_string(), "`subject` is missing");
    assert_eq!(
        out.errors[2].error.to_string(),
        "quantity `0` of rule `S2.assess.qin.1` is not a count of units"
    );
    // Other text types, dates, and dates as text (the row reader's path): the same answer.
    let line_free = |b: &RecordBatch| zhidu_arrow::assess(p, b, period, &options).unwrap();
    assert_eq!(line_free(&plain), out);
    assert_eq!(line_free(&texts), out);

    let cards = zhidu_arrow::scorecards(p, &out, None).unwrap();
    assert_eq!(cards.num_rows(), 1);
    assert_eq!(
        cards
            .column_by_name("total")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(0),
        92
    );
    // 勤 (qin) is worth 20: 20 − 4 × 2.
    assert_eq!(
        cards
            .column_by_name("qin")
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(0),
        12
    );
    let skipped = zhidu_arrow::skipped_rows(p, &out.errors, zhidu::Lang::Zh).unwrap();
    assert_eq!(
        skipped
            .column_by_name("row")
            .unwrap()
            .as_primitive::<UInt64Type>()
            .values()
            .to_vec(),
        [3, 4, 5]
    );
    assert_eq!(
        skipped
            .column_by_name("field")
            .unwrap()
            .as_string::<i32>()
            .value(0),
        "subject"
    );
    assert_eq!(
        skipped
            .column_by_name("code")
            .unwrap()
            .as_string::<i32>()
            .value(0),
        "missing"
    );
}

#[test]
fn integer_ids_are_texts_and_a_roster_adds_people() {
    let ps = s2();
    let p = ps.policy("s2-service-center").unwrap();
    let batch = RecordBatch::try_from_iter([
        (
            "subject",
            Arc::new(UInt16Array::from(vec![1001, 1002])) as ArrayRef,
        ),
        (
            "at",
            Arc::new(Date32Array::from(vec![20738, 20738])) as ArrayRef,
        ),
        (
            "rule",
            Arc::new(StringArray::from(vec!["S2.assess.qin.1"; 2])) as ArrayRef,
        ),
    ])
    .unwrap();
    let roster = RecordBatch::try_from_iter([
        (
            "subject",
            Arc::new(StringArray::from(vec!["1003"])) as ArrayRef,
        ),
        (
            "window",
            Arc::new(StringArray::from(vec!["W02"])) as ArrayRef,
        ),
    ])
    .unwrap();
    let options = zhidu_arrow::AssessOptions::new().roster(&roster);
    let out = zhidu_arrow::assess(p, &batch, "2026-10".parse().unwrap(), &options).unwrap();
    let totals: Vec<(&str, i64)> = out
        .scorecards
        .iter()
        .map(|c| (c.subject.as_str(), c.total))
        .collect();
    assert_eq!(totals, [("1001", 98), ("1002", 98), ("1003", 100)]);
}

#[test]
fn a_column_that_is_no_field_or_of_an_unread_type_fails_the_call() {
    let ps = s2();
    let p = ps.policy("s2-service-center").unwrap();
    let typo = RecordBatch::try_from_iter([(
        "subjcet",
        Arc::new(StringArray::from(vec!["张三"])) as ArrayRef,
    )])
    .unwrap();
    let e =
        zhidu_arrow::assess(p, &typo, "2026-10".parse().unwrap(), &Default::default()).unwrap_err();
    assert!(e.to_string().contains("did you mean `subject`?"), "{e}");
    let floats = arrow_array::Float16Array::from(vec![half(1.0)]);
    let e = zhidu_arrow::column("days", &floats).unwrap_err();
    assert_eq!(
        e.to_string(),
        "column `days` has the Arrow type `Float16`, which zhidu does not read"
    );
}

fn half(f: f32) -> <arrow_array::types::Float16Type as arrow_array::ArrowPrimitiveType>::Native {
    <arrow_array::types::Float16Type as arrow_array::ArrowPrimitiveType>::Native::from_f32(f)
}

/// S2 承诺件 (promised, working days): accepted 2026-09-30, 5 days → 10-09, 10-10 (a
/// make-up working Saturday), 10-12, 10-13 … the core's own example says 2026-10-13.
#[test]
fn due_dates_from_dates_and_texts_with_bad_rows_in_place() {
    let ps = s2();
    let p = ps.policy("s2-service-center").unwrap();
    let batch = RecordBatch::try_from_iter([
        (
            "accepted_at",
            Arc::new(StringArray::from(vec![
                Some("2026-09-30"),
                Some("2026-13-45"),
                None,
            ])) as ArrayRef,
        ),
        (
            "days",
            Arc::new(Int64Array::from(vec![5, 5, 5])) as ArrayRef,
        ),
    ])
    .unwrap();
    let out = zhidu_arrow::due_many(p, "promised", &batch, &Default::default()).unwrap();
    let due = out
        .column_by_name("due_date")
        .unwrap()
        .as_primitive::<Date32Type>();
    assert_eq!(due.value_as_date(0).unwrap().to_string(), "2026-10-13");
    assert!(due.is_null(1) && due.is_null(2));
    let errors = out.column_by_name("error").unwrap().as_string::<i32>();
    assert!(errors.is_null(0));
    assert_eq!(errors.value(2), "the start is missing (NaT or None)");
    assert!(!errors.is_null(1));
    // The same start as a Date32 with a negative day count: a bad row, the others kept.
    let out = zhidu_arrow::due_many_arrays(
        p,
        "promised",
        &Date32Array::from(vec![20726, 20726]),
        Some(&Int64Array::from(vec![5, -1])),
        &zhidu_arrow::DueOptions {
            instants: true,
            ..Default::default()
        },
    )
    .unwrap();
    let due = out
        .column_by_name("due_date")
        .unwrap()
        .as_primitive::<Date32Type>();
    assert_eq!(due.value_as_date(0).unwrap().to_string(), "2026-10-13");
    assert!(due.is_null(1));
    assert!(out.column_by_name("due_at").is_some());
    assert_eq!(
        out.column_by_name("error")
            .unwrap()
            .as_string::<i32>()
            .value(1),
        "`days` must be a whole number from 0 to 4294967295, not `-1`"
    );
}

#[test]
fn case_statuses_read_events_as_lists_of_records() {
    use arrow_array::builder::{ListBuilder, StringBuilder, StructBuilder};
    use arrow_schema::{DataType, Field};
    let ps = s2();
    let p = ps.policy("s2-service-center").unwrap();
    let fields = vec![
        Field::new("kind", DataType::Utf8, true),
        Field::new("at", DataType::Utf8, true),
    ];
    let mut events = ListBuilder::new(StructBuilder::from_fields(fields, 2));
    // C1: no events. C2: an extension without its `days`, which the case reader refuses.
    events.append(true);
    let e = events.values();
    e.field_builder::<StringBuilder>(0)
        .unwrap()
        .append_value("extend");
    e.field_builder::<StringBuilder>(1)
        .unwrap()
        .append_value("2026-10-09");
    e.append(true);
    events.append(true);
    let cases = RecordBatch::try_from_iter([
        (
            "id",
            Arc::new(StringArray::from(vec!["C1", "C2"])) as ArrayRef,
        ),
        (
            "class",
            Arc::new(StringArray::from(vec!["promised"; 2])) as ArrayRef,
        ),
        (
            "accepted_at",
            Arc::new(Date32Array::from(vec![20726; 2])) as ArrayRef,
        ),
        ("days", Arc::new(Int64Array::from(vec![5, 5])) as ArrayRef),
        ("events", Arc::new(events.finish()) as ArrayRef),
    ])
    .unwrap();
    let as_of = "2026-10-12T12:00:00+08:00".parse().unwrap();
    let out = zhidu_arrow::case_statuses(p, &cases, as_of, &Default::default()).unwrap();
    // C1 is due 2026-10-13 (5 working days from 09-30): on 10-12 two remain, 10-12 and 10-13.
    let remaining = out
        .column_by_name("remaining")
        .unwrap()
        .as_primitive::<Int64Type>();
    assert_eq!(remaining.value(0), 2);
    let error = out.column_by_name("error").unwrap().as_string::<i32>();
    assert!(error.is_null(0) && !error.is_null(1));
    assert!(out.column_by_name("id").unwrap().is_null(1));
}

/// The same S2 承诺件 start (2026-09-30, 5 working days → 2026-10-13, README: a day-counted
/// limit runs out at the end of its due day; S2's `day_ends_at` is midnight, so 2026-10-14
/// 00:00 +08:00 = 2026-10-13 16:00 UTC = 20739 × 86,400 + 57,600 = 1,791,907,200 s). A
/// null-free column of counts takes the one-pass reading: a count above `u32` is still an
/// error in its own row, and a batch without a bad row has no null mask at all.
#[test]
fn null_free_counts_keep_a_bad_count_in_its_row_and_due_at_is_the_days_end() {
    let ps = s2();
    let p = ps.policy("s2-service-center").unwrap();
    let options = zhidu_arrow::DueOptions {
        instants: true,
        ..Default::default()
    };
    let starts = Date32Array::from(vec![20726, 20726]);
    let days = arrow_array::UInt64Array::from(vec![5, 4_294_967_296]);
    let out = zhidu_arrow::due_many_arrays(p, "promised", &starts, Some(&days), &options).unwrap();
    let due = out.column(0).as_primitive::<Date32Type>();
    assert_eq!(due.value(0), 20739);
    assert!(due.is_null(1));
    let at = out
        .column_by_name("due_at")
        .unwrap()
        .as_primitive::<arrow_array::types::TimestampSecondType>();
    assert_eq!(at.value(0), 1_791_907_200);
    assert!(at.is_null(1));
    let errors = out.column_by_name("error").unwrap().as_string::<i32>();
    assert!(errors.is_null(0));
    assert_eq!(
        errors.value(1),
        "`days` must be a whole number from 0 to 4294967295, not `4294967296`"
    );

    let days = arrow_array::Int32Array::from(vec![5, 0]);
    let out = zhidu_arrow::due_many_arrays(p, "promised", &starts, Some(&days), &options).unwrap();
    let due = out.column(0).as_primitive::<Date32Type>();
    // 0 working days: due the day of acceptance, 2026-09-30 (a working Wednesday).
    assert_eq!((due.value(0), due.value(1)), (20739, 20726));
    assert_eq!(due.nulls(), None);
    assert_eq!(out.column_by_name("due_at").unwrap().nulls(), None);
    assert_eq!(out.column_by_name("error").unwrap().null_count(), 2);
}
