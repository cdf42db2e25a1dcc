//! The report as one self-contained HTML file: inline CSS and SVG, no scripts or network,
//! laid out to print on A4.

use core::fmt::Write as _;

use super::labels::{label, label_n};
use super::svg::{Bar, bars, esc, histogram};
use super::text::{headline, opt, rate, row_error};
use super::{Figures, Report};
use crate::CaseStatus;
use crate::Lang;

const CSS: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1d2330; margin: 0 auto; max-width: 190mm; padding: 8mm 0; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5px solid #b3261e; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
.meta { color: #5b6475; margin: 0; }
.kpis { display: flex; gap: 3mm; flex-wrap: wrap; margin: 4mm 0; }
.kpi { border: 1px solid #d8dce6; border-radius: 2mm; padding: 2mm 4mm; min-width: 28mm; }
.kpi b { display: block; font-size: 15pt; }
.kpi.red b { color: #b3261e; } .kpi.yellow b { color: #a86b00; } .kpi.green b { color: #1e7a3a; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #e3e6ee; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f3f5f9; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.chart { max-width: 100%; height: auto; break-inside: avoid; }
.chart .bar { fill: #3a6ea5; } .chart .bar.muted { fill: #b8bfcc; }
.chart .label { font-size: 11px; fill: #333; } .chart .value { font-size: 10px; fill: #333; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.muted { color: #8a93a6; } .err { color: #b3261e; }
.tag { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-size: 8.5pt; background: #eef1f6; }
.tag.review { background: #fff1d6; } .tag.no { background: #fde2e0; }
table.groups { font-size: 8pt; table-layout: auto; } table.groups th { font-size: 7.5pt; } table.groups td, table.groups th { padding: 0.8mm 1mm; }
footer { margin-top: 8mm; color: #8a93a6; font-size: 8.5pt; }
@media print { body { padding: 0; } .grid { grid-template-columns: 1fr 1fr; } }
"#;

/// The case statuses in the order of the tables.
const STATUSES: [&str; 7] = [
    "done_on_time",
    "done_late",
    "on_track",
    "yellow",
    "red",
    "suspended",
    "not_started",
];

/// How many rows a case list shows before pointing to the JSON report.
const LIST_ROWS: usize = 40;

pub(super) fn render(r: &Report, lang: Lang) -> String {
    let l = |id: &str| label(id, lang);
    let mut h = String::new();
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let _ = write!(
        h,
        "<!doctype html><html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · {} {}</title><style>{CSS}</style></head><body>",
        esc(&r.policy_name),
        esc(&r.period),
        l("title")
    );
    let _ = write!(
        h,
        "<header><h1>{} · {} {}</h1><p class=\"meta\">{} <code>{}</code> · {} {} · {}</p></header>",
        esc(&r.policy_name),
        esc(&r.period),
        l("title"),
        l("policy"),
        esc(&r.policy),
        l("as_of"),
        esc(&r.as_of.to_rfc3339()),
        l("generated")
    );
    let f = &r.figures;
    h.push_str("<section class=\"kpis\">");
    for (id, class, value) in [
        ("received", "", f.received.to_string()),
        ("completed", "", f.completed.to_string()),
        (
            "on_time_rate",
            "green",
            opt(f.on_time_rate.percent.map(|p| format!("{p}%"))),
        ),
        ("overdue", "red", f.overdue.to_string()),
        ("red", "red", f.open_overdue.to_string()),
        (
            "yellow",
            "yellow",
            f.by_status.get("yellow").copied().unwrap_or(0).to_string(),
        ),
    ] {
        let _ = write!(
            h,
            "<div class=\"kpi {class}\" data-figure=\"{id}\"><b>{value}</b>{}</div>",
            l(id)
        );
    }
    h.push_str("</section>");
    if r.cases_provisional > 0 {
        let _ = write!(
            h,
            "<p class=\"notice\">{}: {} — {}</p>",
            l("provisional"),
            esc(&label_n("provisional_note", lang, r.cases_provisional)),
            esc(&r.provisional_basis.join("; "))
        );
    }

    // The supervisor's figures, with the previous period and the change.
    let _ = write!(
        h,
        "<h2>{}</h2><table class=\"figures\"><thead><tr><th></th><th class=\"n\">{}</th>",
        l("figures"),
        esc(&r.period)
    );
    if let Some(p) = &r.previous {
        let _ = write!(
            h,
            "<th class=\"n\">{} {}</th><th class=\"n\">{}</th>",
            l("previous"),
            esc(&p.period),
            l("change")
        );
    }
    h.push_str("</tr></thead><tbody>");
    let before = r.previous.as_ref().map(|p| headline(&p.figures));
    for (i, (id, value)) in headline(f).into_iter().enumerate() {
        let _ = write!(
            h,
            "<tr data-figure=\"{id}\"><td>{}</td><td class=\"n\">{}</td>",
            l(id),
            esc(&value)
        );
        if let Some(before) = &before {
            let prev = before.get(i).map(|(_, v)| v.as_str()).unwrap_or("");
            let _ = write!(
                h,
                "<td class=\"n\">{}</td><td class=\"n\">{}</td>",
                esc(prev),
                change_cell(r, id, lang)
            );
        }
        h.push_str("</tr>");
    }
    let _ = write!(
        h,
        "<tr><td>{}</td><td class=\"n muted\" colspan=\"3\">{}</td></tr></tbody></table>",
        l("satisfaction"),
        l("satisfaction_none")
    );
    let _ = write!(
        h,
        "<p>{}: {} · {}: {}</p>",
        l("top_windows"),
        esc(&r.top_windows.join("、")),
        l("bottom_windows"),
        esc(&r.bottom_windows.join("、"))
    );

    // Cases by status and group.
    let _ = write!(h, "<h2>{}</h2>", l("statuses"));
    for (title, key, groups) in [
        ("by_class", "class", &r.by_class),
        ("by_window", "window", &r.by_window),
        ("by_item", "item", &r.by_item),
    ] {
        if groups.is_empty() {
            continue;
        }
        let _ = write!(h, "<h3>{}</h3>", l(title));
        group_table(&mut h, key, groups, lang);
    }
    let _ = write!(h, "<h3>{}</h3>", l("complaints"));
    group_table(&mut h, "class", core::slice::from_ref(&r.complaints), lang);
    let _ = write!(
        h,
        "<div class=\"grid\"><div><h3>{}</h3>",
        l("overdue_by_window")
    );
    let mut windows: Vec<&Figures> = r.by_window.iter().filter(|w| w.overdue > 0).collect();
    windows.sort_by(|a, b| b.overdue.cmp(&a.overdue).then_with(|| a.key.cmp(&b.key)));
    let window_bars: Vec<Bar> = windows
        .iter()
        .map(|w| count_bar(&w.key, w.overdue))
        .collect();
    h.push_str(&bars(
        "overdue-by-window",
        l("overdue_by_window"),
        &window_bars,
    ));
    let _ = write!(h, "</div><div><h3>{}</h3>", l("overdue_by_class"));
    let class_bars: Vec<Bar> = r
        .by_class
        .iter()
        .map(|c| count_bar(&c.key, c.overdue))
        .collect();
    h.push_str(&bars(
        "overdue-by-class",
        l("overdue_by_class"),
        &class_bars,
    ));
    h.push_str("</div></div>");
    case_list(
        &mut h,
        "longest_overdue",
        &r.longest_overdue,
        r.longest_overdue.len(),
        true,
        lang,
    );
    case_list(&mut h, "red_list", &r.red, r.red.len(), true, lang);
    case_list(
        &mut h,
        "yellow_list",
        &r.yellow,
        r.yellow.len(),
        false,
        lang,
    );
    errors(&mut h, r.case_errors.iter(), lang);

    if let Some(a) = &r.assessment {
        scorecards(&mut h, r, a, lang);
        ranking(&mut h, r, lang);
    }
    accountability(&mut h, r, lang);
    let _ = writeln!(
        h,
        "<footer>{}<br>{} <code>{}</code></footer></body></html>",
        l("footer"),
        l("stamp"),
        esc(&r.stamp.to_string())
    );
    h
}

/// The change of one headline figure, when it has one: `+3`, `−1.25 个百分点`.
fn change_cell(r: &Report, id: &str, lang: Lang) -> String {
    let Some(c) = &r.change else {
        return String::new();
    };
    let points = |p: Option<rust_decimal::Decimal>| {
        p.map(|p| format!("{p:+}{}", label("points", lang)))
            .unwrap_or_default()
    };
    match id {
        "received" => format!("{:+}", c.received),
        "completed" => format!("{:+}", c.completed),
        "on_time_rate" => points(c.on_time_rate_points),
        "overdue" => format!("{:+}", c.overdue),
        "overdue_rate" => points(c.overdue_rate_points),
        "days_mean" => opt(c.days_mean.map(|d| format!("{d:+}"))),
        "open" => format!("{:+}", c.open),
        _ => String::new(),
    }
}

fn count_bar(label: &str, n: u64) -> Bar {
    Bar {
        label: label.to_owned(),
        value: n as f64,
        text: n.to_string(),
        muted: false,
    }
}

/// One row per group: counts, rates, days, and the statuses of its cases.
fn group_table(h: &mut String, key: &str, groups: &[Figures], lang: Lang) {
    let l = |id: &str| label(id, lang);
    let _ = write!(h, "<table class=\"groups\"><thead><tr><th>{}</th>", l(key));
    for id in [
        "cases",
        "received",
        "completed",
        "on_time_rate",
        "days_mean",
        "days_p90",
        "overdue",
        "overdue_rate",
    ] {
        let _ = write!(h, "<th class=\"n\">{}</th>", l(id));
    }
    for s in STATUSES {
        let _ = write!(h, "<th class=\"n\">{}</th>", l(s));
    }
    h.push_str("</tr></thead><tbody>");
    for g in groups {
        let _ = write!(
            h,
            "<tr data-key=\"{}\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
            esc(&g.key),
            esc(if g.key == "complaints" {
                l("complaints")
            } else {
                &g.key
            }),
            g.cases,
            g.received,
            g.completed,
            esc(&rate(&g.on_time_rate)),
            opt(g.days_mean),
            opt(g.days_p90),
            g.overdue,
            esc(&rate(&g.overdue_rate)),
        );
        for s in STATUSES {
            let _ = write!(
                h,
                "<td class=\"n\">{}</td>",
                g.by_status.get(s).copied().unwrap_or(0)
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
}

fn case_list(
    h: &mut String,
    title: &str,
    list: &[CaseStatus],
    total: usize,
    red: bool,
    lang: Lang,
) {
    let l = |id: &str| label(id, lang);
    let _ = write!(h, "<h3 data-list=\"{title}\">{}: {total}</h3>", l(title));
    if list.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        l("case"),
        l("class"),
        l("due"),
        l(if red { "days_over" } else { "left" }),
        l("handler"),
        l("window"),
        l("clauses")
    );
    for s in list.iter().take(LIST_ROWS) {
        let n = if red {
            s.overdue_days.to_string()
        } else {
            s.remaining.unwrap_or(0).to_string()
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{n}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.id),
            esc(&s.class),
            opt(s.due_date),
            esc(s.handler.as_deref().unwrap_or("")),
            esc(s.window.as_deref().unwrap_or("")),
            esc(&s.clauses.join(" "))
        );
    }
    if list.len() > LIST_ROWS {
        let _ = write!(
            h,
            "<tr><td colspan=\"7\" class=\"muted\">{}</td></tr>",
            esc(&label_n("more", lang, list.len() - LIST_ROWS))
        );
    }
    h.push_str("</tbody></table>");
}

fn errors<'a>(h: &mut String, rows: impl Iterator<Item = &'a crate::SkippedRow>, lang: Lang) {
    let lines: Vec<String> = rows
        .map(|e| format!("<li>{}</li>", esc(&row_error(e, lang))))
        .collect();
    if !lines.is_empty() {
        let _ = write!(
            h,
            "<h3 class=\"err\">{}</h3><ul class=\"err\">{}</ul>",
            label("row_errors", lang),
            lines.concat()
        );
    }
}

fn scorecards(h: &mut String, r: &Report, a: &crate::Assessment, lang: Lang) {
    let l = |id: &str| label(id, lang);
    let _ = write!(
        h,
        "<h2 data-section=\"scorecards\">{}</h2><div class=\"grid\"><div><h3>{}</h3>",
        l("scorecards"),
        l("score_distribution")
    );
    let totals: Vec<i64> = r.people().map(|c| c.total).collect();
    h.push_str(&histogram(
        "score-distribution",
        l("score_distribution"),
        &totals,
        5,
    ));
    let _ = write!(h, "</div><div><h3>{}</h3>", l("deductions_by_category"));
    let cat_bars: Vec<Bar> = r
        .deductions_by_category
        .iter()
        .map(|d| Bar {
            label: format!("{} {}", d.category, d.name),
            value: d.points as f64,
            text: format!("−{}", d.points),
            muted: false,
        })
        .collect();
    h.push_str(&bars(
        "deductions-by-category",
        l("deductions_by_category"),
        &cat_bars,
    ));
    let _ = write!(
        h,
        "</div></div><table class=\"scorecards\"><thead><tr><th>{}</th><th>{}</th>",
        l("person"),
        l("window")
    );
    let categories: Vec<String> = r
        .people()
        .next()
        .map(|c| c.categories.iter().map(|x| x.name.clone()).collect())
        .unwrap_or_default();
    for c in &categories {
        let _ = write!(h, "<th class=\"n\">{}</th>", esc(c));
    }
    let _ = write!(
        h,
        "<th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead><tbody>",
        l("bonus"),
        l("total"),
        l("fines"),
        l("withheld"),
        l("effects")
    );
    for c in r.people() {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td>",
            esc(&c.subject),
            esc(c.window.as_deref().unwrap_or(""))
        );
        for x in &c.categories {
            let _ = write!(h, "<td class=\"n\">{}</td>", x.score);
        }
        let effects: Vec<String> = c
            .effects
            .iter()
            .map(|e| format!("<span class=\"tag no\">{}</span>", esc(&e.name)))
            .collect();
        let _ = write!(
            h,
            "<td class=\"n\">{}</td><td class=\"n\"><b>{}</b></td><td class=\"n\">{:.2}</td><td class=\"n\">{:.2}</td><td>{}</td></tr>",
            c.bonus,
            c.total,
            c.fines,
            c.withholdings,
            effects.join(" ")
        );
    }
    h.push_str("</tbody></table>");
    errors(h, a.errors.iter(), lang);
    if a.outside_period > 0 {
        let _ = write!(
            h,
            "<p class=\"muted\">{}</p>",
            esc(&label_n("outside_period", lang, a.outside_period))
        );
    }
    if a.unpriced_late > 0 {
        let _ = write!(
            h,
            "<p class=\"muted\">{}</p>",
            esc(&label_n("unpriced_late", lang, a.unpriced_late))
        );
    }
}

fn ranking(h: &mut String, r: &Report, lang: Lang) {
    let l = |id: &str| label(id, lang);
    let _ = write!(h, "<h2>{}</h2>", l("ranking"));
    let rank_bars: Vec<Bar> = r
        .ranking
        .iter()
        .map(|w| Bar {
            label: format!("{}. {}", w.rank, w.window),
            // Chart geometry only; the printed number is the exact score.
            value: w.score.to_string().parse::<f64>().unwrap_or(0.0).max(0.0),
            text: format!("{:.2}", w.score),
            muted: !w.eligible,
        })
        .collect();
    h.push_str(&bars("ranking", l("ranking"), &rank_bars));
    let _ = write!(
        h,
        "<table><thead><tr><th class=\"n\">{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead><tbody>",
        l("rank"),
        l("window"),
        l("score"),
        l("members"),
        l("eligible")
    );
    for w in &r.ranking {
        let why: Vec<String> = w
            .disqualified_by
            .iter()
            .map(|d| format!("{} ({} · {})", esc(&d.name), esc(&d.rule), esc(&d.subject)))
            .collect();
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            w.rank,
            esc(&w.window),
            w.score,
            w.members,
            if w.eligible {
                "✓".to_owned()
            } else {
                format!(
                    "<span class=\"tag no\">{}</span> {}",
                    l("not_eligible"),
                    why.join("; ")
                )
            }
        );
    }
    h.push_str("</tbody></table>");
}

fn accountability(h: &mut String, r: &Report, lang: Lang) {
    let l = |id: &str| label(id, lang);
    let _ = write!(
        h,
        "<h2>{}</h2><p>{}</p>",
        l("accountability"),
        esc(&label_n("decisions_in_period", lang, r.decisions.len()))
    );
    if !r.decisions.is_empty() {
        let _ = write!(
            h,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            l("date"),
            l("person"),
            l("violation"),
            l("tier"),
            l("measures"),
            l("escalation"),
            l("review")
        );
        for d in &r.decisions {
            let tier = d
                .tier
                .map_or_else(|| l("manual").to_owned(), |t| t.to_string());
            let esc_text = d.escalation.as_ref().map(|e| {
                let prior = e
                    .refers_to
                    .as_ref()
                    .map(|p| format!(" ← {}", p.at.format("%Y-%m-%d")))
                    .unwrap_or_default();
                format!("{} ({}){prior}", e.clause, e.kind)
            });
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}{}</td><td class=\"n\">{tier}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                d.at.format("%m-%d"),
                esc(&d.subject),
                esc(&d.violation),
                if d.applied == d.violation {
                    String::new()
                } else {
                    format!(" → {}", esc(&d.applied))
                },
                esc(&d.measures.join("、")),
                esc(&esc_text.unwrap_or_default()),
                if d.needs_review {
                    format!(
                        "<span class=\"tag review\">{}</span> {}",
                        l("review"),
                        esc(&d.review_reasons.join("; "))
                    )
                } else {
                    String::new()
                }
            );
        }
        let _ = write!(h, "</tbody></table><h3>{}</h3><p>", l("highest_tiers"));
        let parts: Vec<String> = r
            .highest_tiers
            .iter()
            .map(|t| {
                format!(
                    "{} {}",
                    esc(&t.subject),
                    t.tier
                        .map_or_else(|| l("manual").to_owned(), |n| format!("{} {n}", l("tier")))
                )
            })
            .collect();
        h.push_str(&parts.join(" · "));
        h.push_str("</p>");
    }
    errors(h, r.decision_errors.iter(), lang);
}
