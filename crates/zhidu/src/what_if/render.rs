//! The what-if as text and as one self-contained HTML page: both stamps, the totals, then
//! one row per change with its old and new values and the rules responsible. Both renderers
//! read the same rows ([`rows`]), so they cannot disagree.

use core::fmt::Write as _;

use super::{Responsible, WhatIf};
use crate::Lang;
use crate::report::esc;

/// A label of the diff in `lang` (`??` for an unknown id, caught by a test).
fn label(id: &str, lang: Lang) -> &'static str {
    crate::messages::template(lang, "label.what_if.", id).unwrap_or("??")
}

/// One changed row: what it is, each changed field with its two values, and why.
struct Row {
    key: String,
    fields: Vec<(&'static str, String, String)>,
    responsible: Vec<Responsible>,
}

/// A section: its label id and rows.
type Section = (&'static str, Vec<Row>);

fn opt<T: ToString>(v: Option<T>, lang: Lang) -> String {
    v.map_or_else(|| label("none", lang).to_owned(), |v| v.to_string())
}

fn sections(d: &WhatIf, lang: Lang) -> Vec<Section> {
    let cases = d
        .cases
        .iter()
        .map(|c| Row {
            key: format!("{} · {}", c.id, c.old.class),
            fields: c
                .changed
                .iter()
                .map(|f| match *f {
                    "due_date" => (*f, opt(c.old.due_date, lang), opt(c.new.due_date, lang)),
                    "status" => (
                        *f,
                        lang.translate(&c.old.status.to_string()),
                        lang.translate(&c.new.status.to_string()),
                    ),
                    _ => (
                        *f,
                        c.old.overdue_days.to_string(),
                        c.new.overdue_days.to_string(),
                    ),
                })
                .collect(),
            responsible: c.responsible.clone(),
        })
        .collect();
    let cards = d
        .scorecards
        .iter()
        .map(|c| {
            let side = |s: Option<&super::ScoreSide>, f: &str| match (s, f) {
                (None, _) => label("none", lang).to_owned(),
                (Some(s), "total") => s.total.to_string(),
                (Some(s), "fines") => s.fines.to_string(),
                (Some(s), "withholdings") => s.withholdings.to_string(),
                (Some(s), "effects") => s.effects.join(", "),
                (Some(s), _) => s.total.to_string(),
            };
            Row {
                key: match &c.window {
                    Some(w) if c.kind == crate::SubjectKind::Person => {
                        format!("{} · {w}", c.subject)
                    }
                    _ => c.subject.clone(),
                },
                fields: c
                    .changed
                    .iter()
                    .map(|f| (*f, side(c.before.as_ref(), f), side(c.after.as_ref(), f)))
                    .collect(),
                responsible: c.responsible.clone(),
            }
        })
        .collect();
    let ranks = d
        .ranks
        .iter()
        .map(|r| {
            let side = |s: Option<&super::RankSide>, f: &str| match (s, f) {
                (None, _) => label("none", lang).to_owned(),
                (Some(s), "rank") => s.rank.to_string(),
                (Some(s), "score") => s.score.to_string(),
                (Some(s), _) => s.eligible.to_string(),
            };
            Row {
                key: r.window.clone(),
                fields: r
                    .changed
                    .iter()
                    .map(|f| (*f, side(r.before.as_ref(), f), side(r.after.as_ref(), f)))
                    .collect(),
                responsible: r.responsible.clone(),
            }
        })
        .collect();
    let decisions = d
        .decisions
        .iter()
        .map(|x| {
            let tier = |t: Option<u32>| {
                t.map_or_else(|| label("manual", lang).to_owned(), |t| t.to_string())
            };
            Row {
                key: format!(
                    "{} {} · {} · {} · {}",
                    label("row", lang),
                    x.row,
                    x.subject,
                    x.violation,
                    x.at.format("%Y-%m-%d")
                ),
                fields: vec![("tier", tier(x.before), tier(x.after))],
                responsible: x.responsible.clone(),
            }
        })
        .collect();
    vec![
        ("cases", cases),
        ("scorecards", cards),
        ("ranks", ranks),
        ("decisions", decisions),
    ]
}

fn totals(d: &WhatIf) -> [(&'static str, usize); 6] {
    let t = &d.totals;
    [
        ("cases", t.cases),
        ("people", t.people),
        ("window_cards", t.window_cards),
        ("ranks", t.ranks),
        ("decisions", t.decisions),
        ("skipped", t.skipped),
    ]
}

/// Each skipped row as `(side label, row error text)`, the error as the report words it.
fn skipped_rows(d: &WhatIf, lang: Lang) -> Vec<(&'static str, String)> {
    d.skipped
        .iter()
        .map(|s| {
            (
                label(s.side, lang),
                crate::report::text::row_error(&s.skipped, lang),
            )
        })
        .collect()
}

fn responsible_text(r: &[Responsible]) -> String {
    r.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn text(d: &WhatIf, lang: Lang) -> String {
    let l = |id: &str| label(id, lang);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} · {} · {} {}",
        l("title"),
        d.period,
        l("as_of"),
        d.as_of.to_rfc3339()
    );
    let _ = writeln!(o, "{:<8}{}", l("before"), d.before);
    let _ = writeln!(o, "{:<8}{}", l("after"), d.after);
    let _ = writeln!(o);
    for (id, n) in totals(d) {
        let _ = writeln!(o, "{}: {n}", l(id));
    }
    let skipped = skipped_rows(d, lang);
    if !skipped.is_empty() {
        let _ = writeln!(o, "\n== {} ({})", l("skipped"), skipped.len());
        for (side, e) in &skipped {
            let _ = writeln!(o, "  [{side}] {e}");
        }
    }
    if d.is_empty() {
        let _ = writeln!(o, "\n{}", l("nothing"));
        return o;
    }
    for (id, rows) in sections(d, lang) {
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(o, "\n== {} ({})", l(id), rows.len());
        for r in rows {
            let fields: Vec<String> = r
                .fields
                .iter()
                .map(|(f, a, b)| format!("{} {a} → {b}", l(f)))
                .collect();
            let _ = writeln!(o, "  {}  {}", r.key, fields.join("; "));
            let _ = writeln!(
                o,
                "      {}: {}",
                l("responsible"),
                responsible_text(&r.responsible)
            );
        }
    }
    o
}

const CSS: &str = r#"
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1d2330; margin: 0 auto; max-width: 200mm; padding: 8mm; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1.5px solid #b3261e; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #e3e6ee; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f3f5f9; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.old { color: #8a93a6; text-decoration: line-through; } .new { font-weight: 600; }
code { font-size: 8.5pt; word-break: break-all; }
"#;

pub(super) fn html(d: &WhatIf, lang: Lang) -> String {
    let l = |id: &str| label(id, lang);
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} · {}</title><style>{CSS}</style></head><body>",
        l("title"),
        esc(&d.period)
    );
    let _ = write!(
        h,
        "<h1>{} · {}</h1><p>{} {}</p><table><tr><th>{}</th><td><code>{}</code></td></tr><tr><th>{}</th><td><code>{}</code></td></tr></table>",
        l("title"),
        esc(&d.period),
        l("as_of"),
        esc(&d.as_of.to_rfc3339()),
        l("before"),
        esc(&d.before.to_string()),
        l("after"),
        esc(&d.after.to_string())
    );
    h.push_str("<table id=\"totals\">");
    for (id, n) in totals(d) {
        let _ = write!(h, "<tr><th>{}</th><td class=\"n\">{n}</td></tr>", l(id));
    }
    h.push_str("</table>");
    let skipped = skipped_rows(d, lang);
    if !skipped.is_empty() {
        let _ = write!(
            h,
            "<h2 id=\"skipped\">{} ({})</h2><table>",
            l("skipped"),
            skipped.len()
        );
        for (side, e) in &skipped {
            let _ = write!(h, "<tr><td>{side}</td><td>{}</td></tr>", esc(e));
        }
        h.push_str("</table>");
    }
    if d.is_empty() {
        let _ = write!(h, "<p>{}</p>", l("nothing"));
    }
    for (id, rows) in sections(d, lang) {
        if rows.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            "<h2 id=\"{id}\">{} ({})</h2><table><tr><th></th><th></th><th>{}</th><th>{}</th><th>{}</th></tr>",
            l(id),
            rows.len(),
            l("before"),
            l("after"),
            l("responsible")
        );
        for r in rows {
            for (i, (f, a, b)) in r.fields.iter().enumerate() {
                let key = if i == 0 { esc(&r.key) } else { String::new() };
                let why = if i == 0 {
                    esc(&responsible_text(&r.responsible))
                } else {
                    String::new()
                };
                let _ = write!(
                    h,
                    "<tr><td>{key}</td><td>{}</td><td class=\"old\">{}</td><td class=\"new\">{}</td><td>{why}</td></tr>",
                    l(f),
                    esc(a),
                    esc(b)
                );
            }
        }
        h.push_str("</table>");
    }
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label the renderers ask for is in the catalogue, in both languages.
    #[test]
    fn labels_are_known() {
        let fields = [
            "due_date",
            "status",
            "overdue_days",
            "total",
            "fines",
            "withholdings",
            "effects",
            "card",
            "rank",
            "score",
            "eligible",
            "window",
            "tier",
        ];
        let others = [
            "title",
            "before",
            "after",
            "as_of",
            "cases",
            "people",
            "window_cards",
            "ranks",
            "decisions",
            "skipped",
            "both",
            "scorecards",
            "row",
            "responsible",
            "nothing",
            "none",
            "manual",
        ];
        for id in fields.iter().chain(&others) {
            for lang in [Lang::En, Lang::Zh] {
                assert_ne!(label(id, lang), "??", "{id}");
            }
        }
    }
}
