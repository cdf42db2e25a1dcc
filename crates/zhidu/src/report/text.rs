//! The report as plain text for a terminal.

use core::fmt::Write;

use super::labels::{label, label_n};
use super::{Figures, Rate, Report};
use crate::Lang;
use crate::SkippedRow;

/// `s` padded with spaces to `width` terminal columns: a CJK character takes two, so the
/// columns of Chinese labels and window names line up.
pub(crate) fn pad(s: &str, width: usize) -> String {
    let wide = |c: char| matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
    let used: usize = s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}

/// A rate as `96.50% (193/200)`, or `—` with nothing to count.
pub(crate) fn rate(r: &Rate) -> String {
    match r.percent {
        Some(p) => format!("{p}% ({}/{})", r.numerator, r.denominator),
        None => "—".to_owned(),
    }
}

/// An optional number, or `—`.
pub(crate) fn opt<T: core::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| v.to_string())
}

/// A row error as `case row 3: message (help)`.
pub(crate) fn row_error(e: &SkippedRow, lang: Lang) -> String {
    let input = label(&format!("{}_row", e.input), lang).to_owned();
    let help = e
        .error
        .help()
        .map(|h| format!(" ({h})"))
        .unwrap_or_default();
    format!("{input} {}: {}{help}", label_n("row", lang, e.row), e.error)
}

/// The headline figures as `(label id, value)` pairs, in the order every renderer shows them.
pub(crate) fn headline(f: &Figures) -> Vec<(&'static str, String)> {
    vec![
        ("received", f.received.to_string()),
        ("completed", f.completed.to_string()),
        ("completed_on_time", f.completed_on_time.to_string()),
        ("completed_late", f.completed_late.to_string()),
        ("completed_early", f.completed_early.to_string()),
        ("on_time_rate", rate(&f.on_time_rate)),
        ("days_mean", opt(f.days_mean)),
        ("days_p90", opt(f.days_p90)),
        ("open", f.open.to_string()),
        ("open_overdue", f.open_overdue.to_string()),
        ("overdue", f.overdue.to_string()),
        ("overdue_rate", rate(&f.overdue_rate)),
        ("suspended_cases", f.suspended_cases.to_string()),
        ("suspensions", f.suspensions.to_string()),
        ("extended_cases", f.extended_cases.to_string()),
        ("extensions", f.extensions.to_string()),
    ]
}

pub(super) fn render(r: &Report, lang: Lang) -> String {
    let l = |id: &str| label(id, lang);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} ({}) · {} {} · {} {}",
        r.policy_name,
        r.policy,
        r.period,
        l("title"),
        l("as_of"),
        r.as_of.to_rfc3339()
    );
    let _ = writeln!(o, "\n== {} ({})", l("figures"), r.figures.cases);
    for (id, v) in headline(&r.figures) {
        let _ = writeln!(o, "  {} {v}", pad(l(id), 28));
    }
    let _ = writeln!(
        o,
        "  {} {}",
        pad(l("satisfaction"), 28),
        l("satisfaction_none")
    );
    if let (Some(p), Some(c)) = (&r.previous, &r.change) {
        let _ = writeln!(o, "  {} {}:", l("change"), p.period);
        let _ = writeln!(
            o,
            "    {} {:+}, {} {:+}, {} {}, {} {:+}, {} {}",
            l("received"),
            c.received,
            l("completed"),
            c.completed,
            l("on_time_rate"),
            opt(c
                .on_time_rate_points
                .map(|p| format!("{p:+}{}", l("points")))),
            l("overdue"),
            c.overdue,
            l("days_mean"),
            opt(c.days_mean.map(|d| format!("{d:+}"))),
        );
    }
    if r.cases_provisional > 0 {
        let _ = writeln!(
            o,
            "  {}: {}",
            l("provisional"),
            label_n("provisional_note", lang, r.cases_provisional)
        );
        for b in &r.provisional_basis {
            let _ = writeln!(o, "    {b}");
        }
    }
    let statuses: Vec<String> = r
        .figures
        .by_status
        .iter()
        .map(|(s, n)| format!("{} {n}", l(s)))
        .collect();
    let _ = writeln!(o, "  {}", statuses.join(", "));
    for (title, groups) in [
        ("by_window", &r.by_window),
        ("by_class", &r.by_class),
        ("by_item", &r.by_item),
    ] {
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "\n  {}: {} / {} / {} / {}",
            l(title),
            l("received"),
            l("completed"),
            l("on_time_rate"),
            l("overdue")
        );
        for g in groups {
            let _ = writeln!(
                o,
                "    {} {:>5} {:>5}  {:<22} {:>4}",
                pad(&g.key, 22),
                g.received,
                g.completed,
                rate(&g.on_time_rate),
                g.overdue
            );
        }
    }
    let _ = writeln!(o, "\n  {}: {}", l("top_windows"), r.top_windows.join(", "));
    let _ = writeln!(
        o,
        "  {}: {}",
        l("bottom_windows"),
        r.bottom_windows.join(", ")
    );
    let c = &r.complaints;
    let _ = writeln!(
        o,
        "  {}: {} {}, {} {}, {} {}, {} {}",
        l("complaints"),
        l("received"),
        c.received,
        l("completed"),
        c.completed,
        l("on_time_rate"),
        rate(&c.on_time_rate),
        l("overdue"),
        c.overdue
    );
    let _ = writeln!(o, "\n  {} ({}):", l("yellow_list"), r.yellow.len());
    for s in r.yellow.iter().take(20) {
        let _ = writeln!(
            o,
            "    {:<16} {:<18} {} {}  {} {}  {} {}",
            s.id,
            s.class,
            l("due"),
            opt(s.due_date),
            l("left"),
            s.remaining.unwrap_or(0),
            s.handler.as_deref().unwrap_or(""),
            s.window.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(o, "  {} ({}):", l("longest_overdue"), r.red.len());
    for s in &r.longest_overdue {
        let _ = writeln!(
            o,
            "    {:<16} {:<18} {} {}  {} {}  {} {}",
            s.id,
            s.class,
            l("due"),
            opt(s.due_date),
            l("days_over"),
            s.overdue_days,
            s.handler.as_deref().unwrap_or(""),
            s.window.as_deref().unwrap_or("")
        );
    }
    for e in &r.case_errors {
        let _ = writeln!(o, "  {}", row_error(e, lang));
    }
    if let Some(a) = &r.assessment {
        let _ = writeln!(
            o,
            "\n== {} ({} {})",
            l("scorecards"),
            r.people().count(),
            l("people")
        );
        for c in r.people() {
            let _ = writeln!(
                o,
                "  {:<8} {:<14} {:>4}  {} {:.2}  {} {:.2}{}",
                c.subject,
                c.window.as_deref().unwrap_or("—"),
                c.total,
                l("fines"),
                c.fines,
                l("withheld"),
                c.withholdings,
                c.effects
                    .iter()
                    .map(|e| format!("  {}", e.name))
                    .collect::<String>()
            );
        }
        let _ = writeln!(
            o,
            "  {}: {}",
            l("deductions_by_category"),
            r.deductions_by_category
                .iter()
                .map(|d| format!("{} {} {}", d.category, d.name, d.points))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for e in &a.errors {
            let _ = writeln!(o, "  {}", row_error(e, lang));
        }
        if a.outside_period > 0 {
            let _ = writeln!(o, "  {}", label_n("outside_period", lang, a.outside_period));
        }
        if a.unpriced_late > 0 {
            let _ = writeln!(o, "  {}", label_n("unpriced_late", lang, a.unpriced_late));
        }
        let _ = writeln!(o, "\n== {}", l("ranking"));
        for w in &r.ranking {
            let why: Vec<String> = w
                .disqualified_by
                .iter()
                .map(|d| format!("{} ({})", d.name, d.rule))
                .collect();
            let _ = writeln!(
                o,
                "  {:>2}  {} {:>7.2}  {}",
                w.rank,
                pad(&w.window, 16),
                w.score,
                if w.eligible {
                    l("eligible").to_owned()
                } else {
                    format!("{}: {}", l("not_eligible"), why.join("; "))
                }
            );
        }
    }
    let _ = writeln!(
        o,
        "\n== {} ({})",
        l("accountability"),
        label_n("decisions_in_period", lang, r.decisions.len())
    );
    for d in &r.decisions {
        let tier = d
            .tier
            .map_or_else(|| l("manual").to_owned(), |t| format!("{} {t}", l("tier")));
        let esc = d
            .escalation
            .as_ref()
            .map(|e| format!("  ← {}", e.clause))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "  {}  {} {:<14} {} {}{esc}{}",
            d.at.format("%m-%d"),
            pad(&d.subject, 8),
            d.violation,
            pad(&tier, 8),
            d.measures.join("、"),
            if d.needs_review {
                format!("  [{}]", l("review"))
            } else {
                String::new()
            }
        );
    }
    for e in &r.decision_errors {
        let _ = writeln!(o, "  {}", row_error(e, lang));
    }
    let _ = writeln!(o, "\n{} {}", l("stamp"), r.stamp);
    o
}

#[cfg(test)]
mod tests {
    use super::pad;

    #[test]
    fn chinese_takes_two_columns() {
        assert_eq!(pad("受理", 6), "受理  ");
        assert_eq!(pad("W01 不动产登记", 16), "W01 不动产登记  ");
        assert_eq!(pad("received", 4), "received");
    }
}
