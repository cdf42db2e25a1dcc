//! The native baseline of `benches/wasm_due_many.mjs`: the same rows through the core's
//! column batch, `Class::due_many`, in Rust.
//!
//! ```sh
//! cargo run --release -p zhidu-wasm --example native_due_many -- ROWS.csv OUT.tsv [POLICY CLASS]
//! ```
//!
//! `ROWS.csv` has the header `accepted_at,days`. The timed work is what `dueMany` does for a
//! JavaScript caller: parse each acceptance, compute the due dates with `Class::due_many`,
//! and write `due_date` and `due_at` as text. Prints one JSON line with nanoseconds per row
//! (best of five runs) for each step and in all; writes `due_date<TAB>due_at<TAB>error code`
//! per row to `OUT.tsv` for the bench to compare with the WebAssembly answers.

use std::fmt::Write as _;
use std::time::Instant;

use zhidu::{Due, Error, PolicySet, Start};

type Rows = Vec<Result<Due, Error>>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else {
        return Err("usage: native_due_many ROWS.csv OUT.tsv [POLICY CLASS]".into());
    };
    let (policy, class) = match rest {
        [p, c] => (p.as_str(), c.as_str()),
        _ => ("s2-service-center", "promised"),
    };
    let text = std::fs::read_to_string(input)?;
    let mut accepted = Vec::new();
    let mut days = Vec::new();
    for line in text.lines().skip(1) {
        let (a, d) = line.split_once(',').unwrap_or((line, ""));
        accepted.push(a.to_owned());
        days.push(d.trim().parse::<u32>().ok());
    }
    let ps = PolicySet::builtin()?;
    let class = ps.policy(policy)?.class(class)?;

    let mut best = [u128::MAX; 4];
    let mut answers: Rows = Vec::new();
    let (mut due_date, mut due_at) = (String::new(), String::new());
    for _ in 0..5 {
        let t0 = Instant::now();
        // Parse: a row that does not parse keeps its place with its error.
        let parsed: Vec<Result<Start, Error>> = accepted.iter().map(|a| a.parse()).collect();
        let t1 = Instant::now();
        let (starts, keep): (Vec<Start>, Vec<usize>) = parsed
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().ok().map(|s| (*s, i)))
            .unzip();
        let kept_days: Vec<Option<u32>> = keep
            .iter()
            .map(|&i| days.get(i).copied().flatten())
            .collect();
        let mut computed = class.due_many(&starts, &kept_days)?.into_iter();
        let mut next_kept = keep.iter().peekable();
        let rows: Rows = parsed
            .into_iter()
            .enumerate()
            .map(|(i, p)| match p {
                Ok(_) if next_kept.next_if(|&&k| k == i).is_some() => {
                    computed.next().unwrap_or_else(|| {
                        Err(zhidu::Error::Input {
                            message: "lost row".into(),
                            hint: None,
                        })
                    })
                }
                Ok(_) => Err(zhidu::Error::Input {
                    message: "lost row".into(),
                    hint: None,
                }),
                Err(e) => Err(e),
            })
            .collect();
        let t2 = Instant::now();
        due_date = String::with_capacity(rows.len() * 11);
        due_at = String::with_capacity(rows.len() * 26);
        for r in &rows {
            if let Ok(d) = r {
                let _ = write!(due_date, "{}", d.due_date);
                due_at.push_str(&d.due_at.to_rfc3339());
            }
            due_date.push('\n');
            due_at.push('\n');
        }
        let t3 = Instant::now();
        for (slot, took) in best.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t3 - t0]) {
            *slot = (*slot).min(took.as_nanos());
        }
        answers = rows;
    }
    let n = accepted.len().max(1) as f64;
    let per_row = |ns: u128| ns as f64 / n;
    let [parse, due, format, total] = best.map(per_row);
    println!(
        "{{\"rows\":{},\"parse_ns_per_row\":{parse:.1},\"due_many_ns_per_row\":{due:.1},\"format_ns_per_row\":{format:.1},\"total_ns_per_row\":{total:.1}}}",
        accepted.len()
    );
    let mut out = String::with_capacity(answers.len() * 40);
    for (r, (date, at)) in answers.iter().zip(due_date.lines().zip(due_at.lines())) {
        let code = r.as_ref().err().map_or("", Error::code);
        let _ = writeln!(out, "{date}\t{at}\t{code}");
    }
    std::fs::write(output, out)?;
    Ok(())
}
