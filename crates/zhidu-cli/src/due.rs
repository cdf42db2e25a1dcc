//! `zhidu due`: one due date with its explanation, or a streaming CSV batch.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use zhidu::{Class, DayStepKind, DueExplanation, Start};

use crate::Format;
use crate::error::CliError;
use crate::output::error_cell;
use zhidu::rows::csv::Rows;
use zhidu::rows::{DueRow, RowError, RowProblem};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Policy id, such as `s2-service-center`.
    #[arg(long)]
    policy: String,
    /// Deadline class or service item id, such as `promised`.
    #[arg(long)]
    class: String,
    /// Acceptance: an RFC 3339 instant, `YYYY-MM-DDTHH:MM` (calendar's zone) or a date.
    #[arg(long, required_unless_present = "input", conflicts_with = "input")]
    accepted: Option<String>,
    /// The per-case limit (promised days) for classes that take one.
    #[arg(long)]
    days: Option<u32>,
    /// A CSV file with header `accepted_at,days` (more columns are passed through); `-` for
    /// standard input. Writes CSV with `due_date,due_at,provisional,basis,error` appended,
    /// one row per row (`provisional` is `true` for an answer that touched a year derived
    /// from the statute; `basis` then gives each such year's basis, joined by ` | `).
    #[arg(long, value_name = "FILE.csv")]
    input: Option<PathBuf>,
    /// Output format (the batch form always writes CSV).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub(crate) fn run(global: &[PathBuf], args: &Args) -> Result<ExitCode, CliError> {
    let set = crate::policy_set(global)?;
    let policy = set.policy(&args.policy)?;
    let class = policy.class(&args.class)?;
    if let Some(input) = &args.input {
        return batch(class, input);
    }
    let accepted: Start = args.accepted.as_deref().unwrap_or_default().parse()?;
    let ex = class
        .explain(accepted, args.days)?
        .into_lang(crate::output::lang());
    match args.format {
        Format::Json => println!("{}", crate::output::stamped(&ex, policy)?),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout().lock());
            w.write_record(["due_date", "due_at", "provisional", "basis"])?;
            w.write_record([
                ex.due.due_date.to_string(),
                ex.due.due_at.to_rfc3339(),
                ex.due.provisional.to_string(),
                ex.due.basis.join(" | "),
            ])?;
            w.flush()?;
        }
        Format::Human => {
            print_human(&ex);
            println!("\n{}", crate::output::stamp_line(policy));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_human(ex: &DueExplanation) {
    let lang = crate::output::lang();
    // Labels from the core's catalogue; an id it lacks prints as itself, never panics.
    let text =
        |id: &str, params: &[(&str, &str)]| lang.text(id, params).unwrap_or_else(|| id.to_owned());
    let label = |id: &str| pad(&text(id, &[]), 10);
    println!(
        "{}",
        text(
            "label.heading",
            &[
                ("name", &ex.class_name),
                ("class", &ex.class),
                ("policy", &ex.policy),
                ("version", &ex.policy_version),
            ]
        )
    );
    println!("{}{}", label("label.start"), ex.start.to_rfc3339());
    let unit = match lang {
        zhidu::Lang::En => format!(" {}", ex.due.unit),
        zhidu::Lang::Zh => lang.translate(&ex.due.unit.to_string()),
    };
    println!("{}{}{unit}", label("label.limit"), ex.due.limit);
    if ex.due.provisional {
        let provisional = text("label.provisional", &[]);
        let gap = if lang == zhidu::Lang::En { " " } else { "" };
        println!(
            "{}{}{gap}{provisional}",
            label("label.due_date"),
            ex.due.due_date
        );
    } else {
        println!("{}{}", label("label.due_date"), ex.due.due_date);
    }
    println!("{}{}", label("label.due_at"), ex.due.due_at.to_rfc3339());
    for b in &ex.due.basis {
        println!("{}{b}", label("label.basis"));
    }
    if !ex.days.is_empty() {
        println!();
        for d in &ex.days {
            let festival = d.festival.as_deref().unwrap_or("");
            let kind = match d.kind {
                DayStepKind::Workday => lang.translate("workday"),
                DayStepKind::MakeupWorkday => text("label.makeup_day", &[("festival", festival)]),
                DayStepKind::Weekend => lang.translate("weekend"),
                DayStepKind::Holiday => text("label.holiday_day", &[("festival", festival)]),
            };
            let counted = match (d.counted, &d.note) {
                (Some(n), _) => text("label.day_n", &[("n", &n.to_string())]),
                // The day the count lands on (after a roll) is the due day, never "skipped".
                (None, Some(note)) if d.date == ex.due.due_date => {
                    text("label.due_day", &[("note", note)])
                }
                (None, Some(note)) => text("label.skipped", &[("note", note)]),
                (None, None) => text("label.not_counted", &[]),
            };
            let weekday = match lang {
                zhidu::Lang::En => d.date.format("%a").to_string(),
                zhidu::Lang::Zh => weekday_zh(d.date).to_owned(),
            };
            println!("  {} {}  {} {}", d.date, weekday, pad(&kind, 34), counted);
        }
    }
    println!();
    for r in &ex.rules {
        println!("{}{r}", label("label.rule"));
    }
    for c in &ex.clauses {
        match &c.external {
            Some(what) => println!(
                "{}{} 「{}」 {}",
                label("label.clause"),
                c.clause,
                c.quote,
                text("label.from", &[("what", what)])
            ),
            None => println!("{}{} 「{}」", label("label.clause"), c.clause, c.quote),
        }
    }
    for d in &ex.defaults {
        println!(
            "{}{}{}: {}",
            label("label.default"),
            d.param,
            d.key
                .as_deref()
                .map(|k| format!(" ({k})"))
                .unwrap_or_default(),
            d.note
        );
    }
    for n in &ex.notices {
        println!("{}{n}", label("label.notice"));
    }
    for w in &ex.due.warnings {
        println!(
            "{}[{}] {} ({}{})",
            label("label.warning"),
            w.code,
            w.message,
            w.clause,
            w.default
                .as_deref()
                .map(|d| text("label.with_default", &[("param", d)]))
                .unwrap_or_default()
        );
    }
}

/// `s` padded with spaces to `width` terminal columns (a Chinese character takes two), so
/// the columns line up in both languages.
fn pad(s: &str, width: usize) -> String {
    let used: usize = s
        .chars()
        .map(|c| {
            if ('\u{2e80}'..='\u{ffef}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}

/// 周一 … 周日.
fn weekday_zh(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    match date.weekday() {
        chrono::Weekday::Mon => "周一",
        chrono::Weekday::Tue => "周二",
        chrono::Weekday::Wed => "周三",
        chrono::Weekday::Thu => "周四",
        chrono::Weekday::Fri => "周五",
        chrono::Weekday::Sat => "周六",
        chrono::Weekday::Sun => "周日",
    }
}

/// Stream a CSV of `accepted_at,days` rows: one output row per input row, in order, with the
/// input columns then `due_date,due_at,provisional,basis,error`. Memory stays flat whatever the file size: rows
/// are read one at a time, within the limits of [`crate::rows`] (a broken row is reported in
/// its place and never takes the rows after it along).
fn batch(class: Class<'_>, input: &PathBuf) -> Result<ExitCode, CliError> {
    let reader: Box<dyn Read> = if input.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(File::open(input).map_err(|source| CliError::Read {
            path: input.clone(),
            source,
        })?)
    };
    let read_error = |source: std::io::Error| CliError::Read {
        path: input.clone(),
        source,
    };
    let mut rows = Rows::new(BufReader::with_capacity(1 << 16, reader));
    let mut headers: Vec<String> = Vec::new();
    match rows.next(&mut headers, None).map_err(read_error)? {
        Some((_, Ok(()))) => {}
        Some((line, Err(e))) => {
            return Err(read_error(std::io::Error::other(format!(
                "the header (line {line}) cannot be read: {e}"
            ))));
        }
        None => {}
    }
    if let Some(first) = headers.first_mut() {
        *first = first.trim_start_matches('\u{feff}').to_owned();
    }
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let accepted_col = col("accepted_at").ok_or_else(|| CliError::MissingColumn {
        path: input.display().to_string(),
        column: "accepted_at".to_owned(),
    })?;
    let days_col = col("days");
    let width = headers.len();
    let stdout = std::io::stdout();
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(BufWriter::with_capacity(1 << 16, stdout.lock()));
    let mut header: Vec<&str> = headers.iter().map(String::as_str).collect();
    header.extend(["due_date", "due_at", "provisional", "basis", "error"]);
    out.write_record(&header)?;
    let (mut n, mut bad) = (0u64, 0u64);
    let mut fields: Vec<String> = Vec::with_capacity(width + 5);
    while let Some((_, row)) = rows.next(&mut fields, Some(width)).map_err(read_error)? {
        n += 1;
        // The same reading of a due row as every host's (`zhidu::rows::DUE`), on the texts.
        let result = match row {
            Err(detail) => {
                // A row that cannot be read keeps its place, with empty input columns.
                fields.clear();
                Err(RowError::new("due", RowProblem::Unreadable { detail }).into())
            }
            Ok(()) if fields.len() != width => Err(RowError::new(
                "due",
                RowProblem::Width {
                    fields: fields.len(),
                    header: width,
                },
            )
            .into()),
            Ok(()) => DueRow::from_texts(
                fields.get(accepted_col).map_or("", String::as_str),
                days_col.and_then(|c| fields.get(c)).map(String::as_str),
            )
            .map_err(zhidu::Error::from)
            .and_then(|r| class.due(r.accepted_at, r.days)),
        };
        // Keep the columns aligned with the header even for short or long rows.
        fields.resize(width, String::new());
        match result {
            Ok(due) => fields.extend([
                due.due_date.to_string(),
                due.due_at.to_rfc3339(),
                due.provisional.to_string(),
                due.basis.join(" | "),
                String::new(),
            ]),
            Err(e) => {
                bad += 1;
                fields.extend([
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    crate::output::lang().translate(&format!("row {n}: {}", error_cell(&e))),
                ]);
            }
        }
        out.write_record(&fields)?;
    }
    out.flush()?;
    drop(out);
    std::io::stdout().flush()?;
    let (b, say) = (rows.blank.to_string(), crate::output::say);
    let blank = match rows.blank {
        0 => String::new(),
        1 => say("label.cli.blank_line", &[]),
        _ => say("label.cli.blank_lines", &[("count", &b)]),
    };
    let (rows, answered, bad_text) = (n.to_string(), (n - bad).to_string(), bad.to_string());
    let summary = [
        ("rows", rows.as_str()),
        ("answered", &answered),
        ("bad", &bad_text),
    ];
    let blank = [("blank", blank.as_str())];
    eprintln!(
        "{}",
        say(
            "label.cli.rows_summary",
            &[summary.as_slice(), &blank].concat()
        )
    );
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
