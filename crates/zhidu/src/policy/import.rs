//! `[[import]]`: a policy that uses another regulation's rule names it instead of copying it.
//!
//! Each regulation is its own namespace (regulations.md §0): S4.req.4 (当月不得评为红旗窗口)
//! is S4's, so S2 and S14 import it from `s4-duty-rota` rather than restating it. Imports
//! are resolved when the set compiles: policies are compiled after those they import from,
//! the importer's deduction table gets each rule exactly as its policy defines it (with the
//! effects it carries), and every line, rule view and explanation names where it came from.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::Policy;
use crate::assess::compile::Imported;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::load::document::Document;
use crate::load::raw::RawImport;

/// One policy of the set as the import order sees it.
pub(crate) struct Node<'a> {
    pub(crate) id: &'a str,
    pub(crate) doc: &'a Document<'a>,
    pub(crate) imports: &'a [(usize, RawImport)],
}

/// The order to compile `nodes` in: each policy after the policies of the set it imports
/// from. An import that closes a cycle is a diagnostic and is not followed.
pub(crate) fn order(nodes: &[Node<'_>], out: &mut Vec<Diagnostic>) -> Vec<usize> {
    let ids: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let mut state = vec![State::New; nodes.len()];
    let mut stack = Vec::new();
    let mut order = Vec::with_capacity(nodes.len());
    for i in 0..nodes.len() {
        if state.get(i) == Some(&State::New) {
            visit(i, nodes, &ids, &mut state, &mut stack, &mut order, out);
        }
    }
    order
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    Open,
    Done,
}

fn visit(
    i: usize,
    nodes: &[Node<'_>],
    ids: &HashMap<&str, usize>,
    state: &mut [State],
    stack: &mut Vec<usize>,
    order: &mut Vec<usize>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(node) = nodes.get(i) else {
        return;
    };
    if let Some(s) = state.get_mut(i) {
        *s = State::Open;
    }
    stack.push(i);
    for (k, imp) in node.imports {
        let Some(&j) = ids.get(imp.policy.get_ref().as_str()) else {
            continue;
        };
        match state.get(j) {
            Some(State::New) => visit(j, nodes, ids, state, stack, order, out),
            Some(State::Open) => {
                let from = stack.iter().position(|&x| x == j).unwrap_or(0);
                let cycle: Vec<String> = stack
                    .get(from..)
                    .unwrap_or_default()
                    .iter()
                    .chain(core::iter::once(&j))
                    .filter_map(|&x| nodes.get(x))
                    .map(|n| format!("`{}`", n.id))
                    .collect();
                out.push(node.doc.error_at(
                    imp.policy.span(),
                    format!("import[{k}].policy"),
                    format!("import cycle: {}", cycle.join(" → ")),
                    Some("a policy cannot import, directly or through others, from itself: keep each rule in the policy of the regulation that states it".to_owned()),
                ));
            }
            _ => {}
        }
    }
    stack.pop();
    if let Some(s) = state.get_mut(i) {
        *s = State::Done;
    }
    order.push(i);
}

/// Resolve a policy's `[[import]]` entries against the policies compiled so far (`set`, in
/// dependency order) and, for ids no file of the set defines, the builtin ones (`fallback`).
///
/// `set_ids` are every policy id the set's files define: an import from one of them that
/// did not compile is skipped without a word (its own errors, or the cycle, are reported).
pub(crate) fn resolve(
    doc: &Document<'_>,
    imports: &[(usize, RawImport)],
    set_ids: &[&str],
    set: &BTreeMap<String, Arc<Policy>>,
    fallback: Option<&BTreeMap<String, Arc<Policy>>>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Imported> {
    let mut resolved: Vec<Imported> = Vec::new();
    for (k, imp) in imports {
        let id = imp.policy.get_ref().as_str();
        let exporter = if set_ids.contains(&id) {
            match set.get(id) {
                Some(p) => p,
                None => continue,
            }
        } else if let Some(p) = fallback.and_then(|f| f.get(id)) {
            p
        } else {
            let known = set_ids.iter().copied().chain(
                fallback
                    .into_iter()
                    .flat_map(|f| f.keys().map(String::as_str)),
            );
            out.push(
                doc.error_at(
                    imp.policy.span(),
                    format!("import[{k}].policy"),
                    format!("no policy `{id}` to import from"),
                    did_you_mean(id, known)
                        .or_else(|| Some("name a policy of the set or a builtin one".to_owned())),
                ),
            );
            continue;
        };
        let Some(model) = exporter.assessment.as_ref() else {
            out.push(doc.error_at(
                imp.policy.span(),
                format!("import[{k}].policy"),
                format!("policy `{id}` has no deduction table to import rules from"),
                None,
            ));
            continue;
        };
        for (j, code) in imp.rules.iter().enumerate() {
            let path = format!("import[{k}].rules[{j}]");
            let code_str = code.get_ref().as_str();
            let Some(rule) = model
                .rule_index
                .get(code_str)
                .and_then(|&r| model.rules.get(r))
            else {
                out.push(doc.error_at(
                    code.span(),
                    path,
                    format!("policy `{id}` has no rule `{code_str}`"),
                    did_you_mean(code_str, model.rule_index.keys().map(String::as_str)),
                ));
                continue;
            };
            if let Some(prev) = resolved.iter().find(|r| &*r.rule.meta.code == code_str) {
                out.push(doc.error_at(
                    code.span(),
                    path,
                    format!("rule `{code_str}` is imported twice"),
                    Some(format!("it is already imported at `{}`", prev.path)),
                ));
                continue;
            }
            let effects = rule
                .effects
                .iter()
                .filter_map(|&e| {
                    model
                        .effects
                        .get(e)
                        .map(|def| (def.clone(), model.disqualifying.contains(&e)))
                })
                .collect();
            let category = rule
                .category
                .and_then(|c| model.categories.get(c))
                .map(|c| c.id.clone());
            resolved.push(Imported {
                // A rule imported into the exporter keeps its origin.
                from: rule
                    .meta
                    .imported_from
                    .clone()
                    .unwrap_or_else(|| Arc::from(id)),
                rule: rule.clone(),
                effects,
                category,
                span: code.span(),
                path,
            });
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use crate::PolicySet;

    const HEADER: &str = "[policy]\nid = \"ID\"\nname = \"n\"\nversion = \"1\"\n\
        effective_from = 2024-01-01\ncalendar = \"cn-mainland\"\nsource = \"local rules\"\n";

    fn policy(id: &str, rest: &str) -> String {
        format!("{}{rest}", HEADER.replace("ID", id))
    }

    /// S2 and S14 have S4.req.4 exactly as S4 defines it, and say where it comes from.
    #[test]
    fn s2_and_s14_use_s4_req_4_as_s4_defines_it() {
        let ps = PolicySet::builtin().unwrap();
        let s4 = ps
            .policy("s4-duty-rota")
            .unwrap()
            .deduction_table()
            .unwrap();
        let own = s4.rules.iter().find(|r| r.code == "S4.req.4").unwrap();
        assert_eq!(own.imported_from, None);
        for id in ["s2-service-center", "s14-window-scorecard"] {
            let t = ps.policy(id).unwrap().deduction_table().unwrap();
            let r = t.rules.iter().find(|r| r.code == "S4.req.4").unwrap();
            assert_eq!(r.imported_from.as_deref(), Some("s4-duty-rota"), "{id}");
            assert_eq!(
                (r.kind, r.unit, r.charge, &r.effects, &r.quote, &r.defaults),
                (
                    own.kind,
                    own.unit,
                    own.charge,
                    &own.effects,
                    &own.quote,
                    &own.defaults
                ),
                "{id}"
            );
            let e = t.effects.iter().find(|e| e.id == "no_red_flag").unwrap();
            assert!(e.disqualifying, "{id}");
            assert_eq!(e.imported_from.as_deref(), Some("s4-duty-rota"), "{id}");
        }
    }

    /// A rule imported from a policy that imports it keeps its origin.
    #[test]
    fn an_imported_rule_keeps_its_origin() {
        let text = policy(
            "town",
            "[[import]]\npolicy = \"s2-service-center\"\nrules = [\"S4.req.4\"]\n\n\
             [assessment]\nperiod = \"month\"\n",
        );
        let ps = PolicySet::from_sources(&[("town.toml", &text)]).unwrap();
        let t = ps.policy("town").unwrap().deduction_table().unwrap();
        let r = t.rules.iter().find(|r| r.code == "S4.req.4").unwrap();
        assert_eq!(r.imported_from.as_deref(), Some("s4-duty-rota"));
    }

    /// Imports need a deduction table to go into, and a category for rules with points.
    #[test]
    fn imports_need_an_assessment_and_the_rule_s_category() {
        let text = policy(
            "town",
            "[[import]]\npolicy = \"s4-duty-rota\"\nrules = [\"S4.req.4\"]\n",
        );
        let d = PolicySet::check_sources(&[("town.toml", &text)]).unwrap();
        assert_eq!(
            d[0].message,
            "deduction-table entries need an `[assessment]` table"
        );
        let text = policy(
            "town",
            "[[import]]\npolicy = \"s2-service-center\"\nrules = [\"S2.assess.qin.1\"]\n\n\
             [assessment]\nperiod = \"month\"\n",
        );
        let d = PolicySet::check_sources(&[("town.toml", &text)]).unwrap();
        assert_eq!(
            (
                d[0].line,
                d[0].column,
                d[0].path.as_str(),
                d[0].message.as_str()
            ),
            (
                10,
                10,
                "import[0].rules[0]",
                "imported rule `S2.assess.qin.1` counts its points in category `qin`, which this policy does not have"
            )
        );
        // With the category, the rule counts in it.
        let text = format!(
            "{text}\n[[category]]\nid = \"qin\"\nname = \"勤\"\nmaximum = 20\n\
             source = {{ clause = \"X.1\", quote = \"勤(20分)\" }}\n"
        );
        let ps = PolicySet::from_sources(&[("town.toml", &text)]).unwrap();
        let t = ps.policy("town").unwrap().deduction_table().unwrap();
        assert_eq!(t.rules[0].category.as_deref(), Some("qin"));
        assert_eq!(
            t.rules[0].imported_from.as_deref(),
            Some("s2-service-center")
        );
    }

    /// Importing a rule twice, or from a policy with no deduction table, is a diagnostic.
    #[test]
    fn a_rule_imported_twice_or_from_no_table() {
        let text = policy(
            "town",
            "[[import]]\npolicy = \"s4-duty-rota\"\nrules = [\"S4.req.4\", \"S4.req.4\"]\n\n\
             [[import]]\npolicy = \"s12-confidentiality\"\nrules = [\"x\"]\n\n\
             [assessment]\nperiod = \"month\"\n",
        );
        let d = PolicySet::check_sources(&[("town.toml", &text)]).unwrap();
        let got: Vec<(&str, &str)> = d
            .iter()
            .map(|d| (d.path.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("import[0].rules[1]", "rule `S4.req.4` is imported twice"),
                (
                    "import[1].policy",
                    "policy `s12-confidentiality` has no deduction table to import rules from"
                ),
            ]
        );
    }
}
