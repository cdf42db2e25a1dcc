//! The Rust host of the cross-host differential test (tests/differential/run.py): reads the
//! generated scenarios (JSON) and prints the core's answers in the harness's normal form.
//!
//! `cargo run -q -p zhidu --example differential -- scenarios.json`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test driver: a broken scenario file should stop it loudly"
)]

use serde_json::{Value, json};
use zhidu::{AssessRequest, Case, Incident, PolicySet, Start};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: differential SCENARIOS.json");
    let input: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ps = PolicySet::builtin().unwrap();
    let err = |e: zhidu::Error| json!({ "error": e.code() });

    let due: Vec<Value> = input["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let p = ps.policy(r["policy"].as_str().unwrap()).unwrap();
            let days = r["days"].as_u64().map(|d| u32::try_from(d).unwrap());
            match r["accepted_at"]
                .as_str()
                .unwrap()
                .parse::<Start>()
                .and_then(|s| p.due(r["class"].as_str().unwrap(), s, days))
            {
                Ok(d) => {
                    json!({ "due_date": d.due_date.to_string(), "due_at": d.due_at.to_rfc3339() })
                }
                Err(e) => err(e),
            }
        })
        .collect();

    let cases: Vec<Value> = input["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let p = ps.policy(r["policy"].as_str().unwrap()).unwrap();
            let result = serde_json::from_value::<Case>(r["case"].clone())
                .map_err(|e| zhidu::Error::Input {
                    message: e.to_string(),
                    hint: None,
                })
                .and_then(|c| {
                    Ok((
                        c,
                        Start::parse_instant(r["as_of"].as_str().unwrap(), p.calendar().offset())?,
                    ))
                })
                .and_then(|(c, as_of)| p.case_status(&c, as_of));
            match result {
                Ok(s) => json!({
                    "status": s.status.to_string(),
                    "due_date": s.due_date.map(|d| d.to_string()),
                    "due_at": s.due_at.map(|d| d.to_rfc3339()),
                    "remaining": s.remaining,
                    "overdue_days": s.overdue_days,
                }),
                Err(e) => err(e),
            }
        })
        .collect();

    let a = &input["assess"];
    let p = ps.policy(a["policy"].as_str().unwrap()).unwrap();
    let rows: Vec<Result<Incident, zhidu::Error>> = a["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            serde_json::from_value(r.clone()).map_err(|e| zhidu::Error::Input {
                message: e.to_string(),
                hint: None,
            })
        })
        .collect();
    let out = p
        .assess(
            &AssessRequest::new(a["period"].as_str().unwrap().parse().unwrap())
                .incident_rows(&rows),
        )
        .unwrap();
    let cards: Vec<Value> = out
        .scorecards
        .iter()
        .map(|c| {
            let cats: serde_json::Map<String, Value> = c.categories.iter().map(|x| (x.id.clone(), json!(x.score))).collect();
            json!({ "subject": c.subject, "kind": c.kind, "total": c.total, "bonus": c.bonus, "fines": format!("{:.2}", c.fines), "categories": cats })
        })
        .collect();
    let errors: Vec<Value> = out
        .errors
        .iter()
        .map(|e| json!([e.row, e.error.code()]))
        .collect();
    println!(
        "{}",
        json!({ "due": due, "cases": cases, "assess": { "cards": cards, "errors": errors } })
    );
}
