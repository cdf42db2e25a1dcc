//! The report as plain text.

use std::io::Write;

use super::Report;
use crate::error::CliError;
use crate::output::error_cell;

pub(super) fn write(out: &mut impl Write, r: &Report) -> Result<(), CliError> {
    writeln!(
        out,
        "{} ({}) · {} · as of {}",
        r.policy_name, r.policy, r.period, r.as_of
    )?;
    writeln!(out, "\n== cases: {}", r.cases_total)?;
    let statuses: Vec<String> = r
        .by_status
        .iter()
        .map(|(s, n)| format!("{s} {n}"))
        .collect();
    writeln!(out, "  {}", statuses.join(", "))?;
    if r.cases_provisional > 0 {
        writeln!(
            out,
            "  provisional: {} of the answers touched a year without its State Council notice",
            r.cases_provisional
        )?;
        for b in &r.provisional_basis {
            writeln!(out, "    {b}")?;
        }
    }
    for c in &r.by_class {
        writeln!(
            out,
            "  {:<22} {:>5} cases, {:>3} overdue",
            c.class, c.total, c.overdue
        )?;
    }
    writeln!(
        out,
        "  overdue by window: {}",
        r.overdue_by_window
            .iter()
            .map(|(w, n)| format!("{w} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(out, "\n  yellow ({}):", r.yellow.len())?;
    for s in r.yellow.iter().take(20) {
        writeln!(
            out,
            "    {:<14} {:<18} due {}  {} left  {} {}",
            s.id,
            s.class,
            s.due_date.map(|d| d.to_string()).unwrap_or_default(),
            s.remaining.unwrap_or(0),
            s.handler.as_deref().unwrap_or(""),
            s.window.as_deref().unwrap_or("")
        )?;
    }
    writeln!(out, "  red ({}):", r.red.len())?;
    for s in r.red.iter().take(20) {
        writeln!(
            out,
            "    {:<14} {:<18} due {}  {} days over  {} {}",
            s.id,
            s.class,
            s.due_date.map(|d| d.to_string()).unwrap_or_default(),
            s.overdue_days,
            s.handler.as_deref().unwrap_or(""),
            s.window.as_deref().unwrap_or("")
        )?;
    }
    for (line, e) in &r.case_errors {
        writeln!(out, "  case line {line}: {}", error_cell(e))?;
    }
    writeln!(out, "\n== scorecards ({} people)", r.people().count())?;
    for c in r.people() {
        writeln!(
            out,
            "  {:<8} {:<14} {:>4}  fines ¥{:.2}  withheld ¥{:.2}{}",
            c.subject,
            c.window.as_deref().unwrap_or("—"),
            c.total,
            c.fines,
            c.withholdings,
            c.effects
                .iter()
                .map(|e| format!("  {}", e.name))
                .collect::<String>()
        )?;
    }
    writeln!(
        out,
        "  deductions by category: {}",
        r.deductions_by_category
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    for e in &r.assessment.errors {
        writeln!(out, "  {} row {}: {}", e.input, e.row, error_cell(&e.error))?;
    }
    if r.assessment.outside_period > 0 {
        writeln!(
            out,
            "  {} incident(s) outside the period not used",
            r.assessment.outside_period
        )?;
    }
    if r.assessment.unpriced_late > 0 {
        writeln!(
            out,
            "  {} late case(s) priced by no rule (complaint replies, 即收即办 …)",
            r.assessment.unpriced_late
        )?;
    }
    writeln!(out, "\n== 红旗窗口 ranking")?;
    for w in &r.ranking {
        let why: Vec<String> = w
            .disqualified_by
            .iter()
            .map(|d| format!("{} ({})", d.name, d.rule))
            .collect();
        writeln!(
            out,
            "  {:>2}  {:<14} {:>7.2}  {}",
            w.rank,
            w.window,
            w.score,
            if w.eligible {
                "eligible".to_owned()
            } else {
                format!("not eligible: {}", why.join("; "))
            }
        )?;
    }
    writeln!(
        out,
        "\n== accountability ({} decisions in the period)",
        r.decisions.len()
    )?;
    for d in &r.decisions {
        let tier = d
            .tier
            .map_or_else(|| "manual".to_owned(), |t| format!("tier {t}"));
        let esc = d
            .escalation
            .as_ref()
            .map(|e| format!("  ← {}", e.clause))
            .unwrap_or_default();
        writeln!(
            out,
            "  {}  {:<8} {:<14} {:<7} {}{esc}{}",
            d.at.format("%m-%d"),
            d.subject,
            d.violation,
            tier,
            d.measures.join("、"),
            if d.needs_review { "  [review]" } else { "" }
        )?;
    }
    for e in &r.decision_errors {
        writeln!(out, "  violation row {}: {}", e.row, error_cell(&e.error))?;
    }
    Ok(())
}
