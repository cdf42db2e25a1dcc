//! The pages of the documentation site.

use core::fmt::Write as _;

use super::Site;
use super::html::{bi, esc, kind_label, note_text, page, root, slug};
use crate::catalog::{DefaultMark, Entry, EntryRef, MarkedDefault, PolicyRules};
use crate::source::Clause;
use crate::{ClauseStatus, CoverageTotals, RegulationCoverage};

/// The path of an entry's page from the site's root (a policy's own table is its index).
pub(super) fn entry_path(policy: &str, kind: &str, id: &str) -> String {
    if kind == "policy" {
        format!("policies/{}/index.html", slug(policy))
    } else {
        format!("policies/{}/{}/{}.html", slug(policy), slug(kind), slug(id))
    }
}

impl Site<'_> {
    /// A link to a clause's row on its regulation's page, or the id alone when the index
    /// does not have it (a clause of another text).
    fn clause_link(&self, depth: usize, clause: &str) -> String {
        match self.regulation_of.get(clause) {
            Some(reg) => format!(
                "<a href=\"{}regulations/{}.html#{}\"><code>{}</code></a>",
                root(depth),
                slug(reg),
                slug(clause),
                esc(clause)
            ),
            None => format!("<code>{}</code>", esc(clause)),
        }
    }

    /// The index's status of a clause.
    fn status(&self, clause: &str) -> Option<&ClauseStatus> {
        let reg = self.regulation_of.get(clause)?;
        self.coverage?
            .regulations
            .iter()
            .find(|r| r.id == *reg)?
            .clauses
            .iter()
            .find(|c| c.id == clause)
    }
}

/// A link to an entry: `kind id name`.
fn entry_link(depth: usize, r: &EntryRef, site: &Site<'_>) -> String {
    let name = site
        .names
        .get(&(r.policy.as_str(), r.kind.as_str(), r.id.as_str()))
        .copied();
    format!(
        "<a href=\"{}{}\"><span class=\"tag\">{}</span> <code>{}</code> {}</a>",
        root(depth),
        entry_path(&r.policy, &r.kind, &r.id),
        esc(&r.kind),
        esc(&r.id),
        esc(name.unwrap_or_default())
    )
}

fn as_ref(e: &Entry) -> EntryRef {
    e.as_ref_via("")
}

/// `DEFAULT A6 (range)` or `deviation — (key)` and the note.
fn default_item(d: &MarkedDefault) -> String {
    let (class, label) = match d.mark {
        DefaultMark::Default => ("default", "label.doc.mark.default"),
        DefaultMark::Deviation => ("deviation", "label.doc.mark.deviation"),
        DefaultMark::Choice => ("choice", "label.doc.mark.choice"),
    };
    let key = d
        .key
        .as_deref()
        .map(|k| format!(" <code>{}</code>", esc(k)))
        .unwrap_or_default();
    format!(
        "<span class=\"mark {class}\">{} {}</span>{key}: {}",
        bi(label),
        esc(&d.param),
        note_text(&d.note)
    )
}

fn defaults_list(defaults: &[MarkedDefault]) -> String {
    if defaults.is_empty() {
        return String::new();
    }
    let items: Vec<String> = defaults
        .iter()
        .map(|d| format!("<li>{}</li>", default_item(d)))
        .collect();
    format!("<ul class=\"defaults\">{}</ul>", items.concat())
}

fn values_table(e: &Entry) -> String {
    if e.values.is_empty() {
        return format!("<p class=\"muted\">{}</p>", bi("label.doc.none"));
    }
    let mut h = format!(
        "<table class=\"values\"><tr><th>{}</th><th>{}</th></tr>",
        bi("label.doc.key"),
        bi("label.doc.value")
    );
    for v in &e.values {
        let _ = write!(
            h,
            "<tr data-key=\"{}\"><td><code>{}</code></td><td class=\"v\">{}</td></tr>",
            esc(&v.key),
            esc(&v.key),
            esc(&v.text)
        );
    }
    h.push_str("</table>");
    h
}

fn quote_block(site: &Site<'_>, depth: usize, s: &Clause) -> String {
    let external = s
        .external
        .as_deref()
        .map(|x| {
            format!(
                "<p class=\"muted\">{}: {}</p>",
                bi("label.doc.external"),
                esc(x)
            )
        })
        .unwrap_or_default();
    format!(
        "<div class=\"source\"><p>{}</p><blockquote lang=\"zh\">{}</blockquote>{external}</div>",
        site.clause_link(depth, &s.clause),
        esc(&s.quote)
    )
}

/// The status of a clause in words: where it is encoded, why not, or that it needs nothing.
fn status_text(site: &Site<'_>, depth: usize, c: &ClauseStatus) -> String {
    let citing = site
        .citing
        .get(c.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    if !c.encoded.is_empty() {
        // The catalog's entries, not the coverage's: an entry inside a table (an access rule
        // of `[access]`) is linked itself, not its table.
        let links: Vec<String> = citing
            .iter()
            .map(|e| entry_link(depth, &as_ref(e), site))
            .collect();
        format!(
            "<span class=\"tag\">{}</span> {}",
            bi("label.coverage.encoded"),
            links.join("<br>")
        )
    } else if let Some(r) = &c.reason {
        let note = c
            .note
            .as_deref()
            .map(|n| format!(": {}", note_text(n)))
            .unwrap_or_default();
        format!(
            "<a class=\"tag\" href=\"{}coverage.html#reason-{}\">{}</a>{note}",
            root(depth),
            slug(r),
            esc(r)
        )
    } else if c.computable {
        format!("<span class=\"tag\">{}</span>", bi("label.doc.unencoded"))
    } else {
        format!("<span class=\"muted\">{}</span>", bi("label.doc.narrative"))
    }
}

fn kinds_text(c: &ClauseStatus) -> String {
    let kinds: Vec<String> = c
        .kinds
        .iter()
        .filter_map(|k| serde_json::to_value(k).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    esc(&kinds.join(", "))
}

fn totals_row(name: &str, t: &CoverageTotals) -> String {
    format!(
        "<tr><td>{name}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
        t.clauses, t.computable, t.encoded, t.with_reason, t.planned, t.missing
    )
}

fn totals_head() -> String {
    let heads: Vec<String> = [
        "regulation",
        "clauses",
        "computable",
        "encoded",
        "with_reason",
        "planned",
        "missing",
    ]
    .iter()
    .map(|h| format!("<th>{}</th>", bi(&format!("label.coverage.{h}"))))
    .collect();
    format!("<tr>{}</tr>", heads.concat())
}

/// `index.html`: the policies and the regulations.
pub(super) fn index(site: &Site<'_>) -> String {
    let mut h = format!("<h1>{}</h1>", bi("label.doc.site_title"));
    let _ = write!(
        h,
        "<h2>{}</h2><table class=\"policies\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        bi("label.doc.policies"),
        bi("label.doc.id"),
        bi("label.doc.name"),
        bi("label.doc.version"),
        bi("label.doc.effective"),
        bi("label.doc.entries")
    );
    for p in &site.catalog.policies {
        let _ = write!(
            h,
            "<tr><td><a href=\"{}\"><code>{}</code></a></td><td>{}</td><td>{}</td><td>{}{}</td><td class=\"n\">{}</td></tr>",
            entry_path(&p.policy, "policy", &p.policy),
            esc(&p.policy),
            esc(&p.name),
            esc(&p.version),
            esc(&p.effective_from),
            p.effective_until
                .as_deref()
                .map(|u| format!(" – {}", esc(u)))
                .unwrap_or_default(),
            p.entries.len().saturating_sub(1)
        );
    }
    h.push_str("</table>");
    if let Some(cov) = site.coverage {
        let _ = write!(
            h,
            "<h2>{}</h2><table class=\"regulations\">{}",
            bi("label.doc.regulations"),
            totals_head()
        );
        for r in &cov.regulations {
            h.push_str(&totals_row(&regulation_link(0, r), &r.totals));
        }
        let _ = write!(
            h,
            "</table><p><a href=\"coverage.html\">{}</a></p>",
            bi("label.doc.coverage")
        );
    }
    page(0, "制度文档 · Policy documentation", &h)
}

fn regulation_link(depth: usize, r: &RegulationCoverage) -> String {
    format!(
        "<a href=\"{}regulations/{}.html\"><code>{}</code> {}</a>",
        root(depth),
        slug(&r.id),
        esc(&r.id),
        esc(&r.title)
    )
}

/// `coverage.html`: the totals per regulation and the reasons table.
pub(super) fn coverage(site: &Site<'_>) -> String {
    let mut h = format!("<h1>{}</h1>", bi("label.doc.coverage"));
    let Some(cov) = site.coverage else {
        h.push_str(&format!("<p>{}</p>", bi("label.doc.none")));
        return page(0, "条款覆盖情况 · Coverage", &h);
    };
    let _ = write!(h, "<p class=\"muted\">{}</p>", esc(&cov.source));
    let _ = write!(h, "<table class=\"coverage\">{}", totals_head());
    for r in &cov.regulations {
        h.push_str(&totals_row(&regulation_link(0, r), &r.totals));
    }
    h.push_str(&totals_row(&bi("label.coverage.total"), &cov.totals));
    let _ = write!(
        h,
        "</table><h2>{}</h2><table class=\"reasons\"><tr><th>{}</th><th>{}</th></tr>",
        bi("label.doc.reasons"),
        bi("label.doc.reason"),
        bi("label.doc.note")
    );
    for r in &cov.reasons {
        let _ = write!(
            h,
            "<tr id=\"reason-{}\"><td><code>{}</code></td><td>{}</td></tr>",
            slug(&r.id),
            esc(&r.id),
            note_text(&r.note)
        );
    }
    h.push_str("</table>");
    page(0, "条款覆盖情况 · Coverage", &h)
}

/// `regulations/S2.html`: every clause of a regulation with its status and the quotes of the
/// entries citing it.
pub(super) fn regulation(site: &Site<'_>, r: &RegulationCoverage) -> String {
    let mut h = format!(
        "<h1><code>{}</code> {}</h1><p class=\"muted\">{} L{}</p>",
        esc(&r.id),
        esc(&r.title),
        bi("label.doc.line"),
        esc(&r.lines)
    );
    let _ = write!(h, "<table class=\"totals\">{}", totals_head());
    h.push_str(&totals_row(&esc(&r.id), &r.totals));
    let _ = write!(
        h,
        "</table><table class=\"clauses\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        bi("label.doc.clause"),
        bi("label.doc.line"),
        bi("label.doc.kinds"),
        bi("label.doc.status"),
        bi("label.doc.quote")
    );
    for c in &r.clauses {
        let quotes: Vec<String> = site
            .citing
            .get(c.id.as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .flat_map(|e| e.sources.iter().filter(|s| s.clause == c.id))
            .map(|s| s.quote.as_str())
            .filter(|q| !q.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|q| format!("<blockquote lang=\"zh\">{}</blockquote>", esc(q)))
            .collect();
        let _ = write!(
            h,
            "<tr id=\"{}\"><td><code>{}</code></td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            slug(&c.id),
            esc(&c.id),
            c.line.map(|l| l.to_string()).unwrap_or_default(),
            kinds_text(c),
            status_text(site, 1, c),
            quotes.concat()
        );
    }
    h.push_str("</table>");
    page(1, &format!("{} {}", r.id, r.title), &h)
}

/// `policies/<id>/index.html`: the policy and every entry, grouped by kind.
pub(super) fn policy(site: &Site<'_>, p: &PolicyRules) -> String {
    let depth = 2;
    let mut h = format!(
        "<h1>{}</h1><table class=\"meta\"><tr><th>{}</th><td><code>{}</code></td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}{}</td></tr><tr><th>{}</th><td><code>{}</code></td></tr></table>",
        esc(&p.name),
        bi("label.doc.id"),
        esc(&p.policy),
        bi("label.doc.version"),
        esc(&p.version),
        bi("label.doc.effective"),
        esc(&p.effective_from),
        p.effective_until
            .as_deref()
            .map(|u| format!(" – {}", esc(u)))
            .unwrap_or_default(),
        bi("label.doc.file"),
        esc(&p.file)
    );
    if let Some(own) = p.entries.iter().find(|e| e.kind == "policy") {
        h.push_str(&values_table(own));
        h.push_str(&defaults_list(&own.defaults));
    }
    let mut kinds: Vec<&str> = Vec::new();
    for e in &p.entries {
        if e.kind != "policy" && !kinds.contains(&e.kind.as_str()) {
            kinds.push(&e.kind);
        }
    }
    for kind in kinds {
        let _ = write!(
            h,
            "<h2 id=\"{}\">{}</h2><table class=\"entries\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            slug(kind),
            kind_label(kind),
            bi("label.doc.id"),
            bi("label.doc.quote"),
            bi("label.doc.values"),
            bi("label.doc.defaults")
        );
        for e in p.entries.iter().filter(|e| e.kind == kind) {
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| quote_block(site, depth, s))
                .collect();
            let values: Vec<String> = e
                .values
                .iter()
                .map(|v| {
                    format!(
                        "<code>{}</code> = <span class=\"v\">{}</span>",
                        esc(&v.key),
                        esc(&v.text)
                    )
                })
                .collect();
            let marks: Vec<String> = e
                .defaults
                .iter()
                .map(|d| {
                    let class = match d.mark {
                        DefaultMark::Default => "default",
                        DefaultMark::Deviation => "deviation",
                        DefaultMark::Choice => "choice",
                    };
                    format!("<span class=\"mark {class}\">{}</span>", esc(&d.param))
                })
                .collect();
            let _ = write!(
                h,
                "<tr><td><a href=\"{}/{}.html\"><code>{}</code></a><br>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                slug(kind),
                slug(&e.id),
                esc(&e.id),
                esc(e.name.as_deref().unwrap_or_default()),
                sources.concat(),
                values.join("<br>"),
                marks.join(" ")
            );
        }
        h.push_str("</table>");
    }
    page(depth, &format!("{} · {}", p.name, p.policy), &h)
}

/// `policies/<id>/<kind>/<entry>.html`: one entry in full.
pub(super) fn entry(site: &Site<'_>, e: &Entry) -> String {
    let depth = 3;
    let mut h = format!(
        "<p>{} <a href=\"../index.html\"><code>{}</code></a> · {}</p><h1><code>{}</code> {}</h1>",
        kind_label("policy"),
        esc(&e.policy),
        kind_label(&e.kind),
        esc(&e.id),
        esc(e.name.as_deref().unwrap_or_default())
    );
    h.push_str("<div class=\"side\"><section class=\"text\">");
    let _ = write!(h, "<h2>{}</h2>", bi("label.doc.quote"));
    if e.sources.is_empty() {
        let _ = write!(h, "<p class=\"muted\">{}</p>", bi("label.doc.none"));
    }
    for s in &e.sources {
        h.push_str(&quote_block(site, depth, s));
        if let Some(c) = site.status(&s.clause) {
            let _ = write!(
                h,
                "<p class=\"muted\">{} {} · {}</p>",
                bi("label.doc.line"),
                c.line.map(|l| l.to_string()).unwrap_or_default(),
                kinds_text(c)
            );
        } else if s.external.is_none() {
            let _ = write!(h, "<p class=\"muted\">{}</p>", bi("label.doc.not_in_index"));
        }
    }
    let _ = write!(
        h,
        "</section><section class=\"encoded\"><h2>{}</h2>{}</section></div>",
        bi("label.doc.values"),
        values_table(e)
    );
    let _ = write!(h, "<h2>{}</h2>", bi("label.doc.defaults"));
    if e.defaults.is_empty() {
        let _ = write!(h, "<p class=\"muted\">{}</p>", bi("label.doc.none"));
    } else {
        h.push_str(&defaults_list(&e.defaults));
    }
    let links = |refs: &[EntryRef]| -> String {
        if refs.is_empty() {
            return format!("<p class=\"muted\">{}</p>", bi("label.doc.none"));
        }
        let items: Vec<String> = refs
            .iter()
            .map(|r| {
                format!(
                    "<li><code>{}</code> → {}</li>",
                    esc(&r.key),
                    entry_link(depth, r, site)
                )
            })
            .collect();
        format!("<ul>{}</ul>", items.concat())
    };
    let _ = write!(
        h,
        "<h2>{}</h2>{}<h2>{}</h2>{}",
        bi("label.doc.refers_to"),
        links(&e.refers_to),
        bi("label.doc.used_by"),
        links(&site.catalog.used_by(e))
    );
    let _ = write!(
        h,
        "<h2>{}</h2><p><code>{}</code> L{} · <code>{}</code></p>",
        bi("label.doc.location"),
        esc(&e.file),
        e.line,
        esc(&e.path)
    );
    page(
        depth,
        &[
            &e.id,
            " ",
            e.name.as_deref().unwrap_or_default(),
            " · ",
            &e.policy,
        ]
        .concat(),
        &h,
    )
}
