//! Which entry names which: a rule's `category`, a violation's `tier`, `refines` and
//! `repeat_escalation`, a flag's `implies`, an import's `rules`, a `policy:id` such as
//! S14's `joint_classes`. Found from the values, whatever the key, so a new kind's
//! references are linked without code here.

use std::collections::{BTreeMap, BTreeSet};

use super::{EntryRef, PolicyRules};

/// Fill every entry's `refers_to`.
///
/// A string names an entry of its own policy with that id (not itself); `policy:id` names
/// one of another policy; a string that is a policy id names that policy; an integer names
/// the entry of kind `key` with that id (`tier = 2`). In an entry with a `policy` key that
/// names another policy (an `[[import]]`), strings are looked up in that policy first.
pub(super) fn resolve(policies: &mut [PolicyRules]) {
    // (policy, id) → (kind, id) of every entry.
    let mut by_id: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for p in policies.iter() {
        for e in &p.entries {
            by_id
                .entry((p.policy.clone(), e.id.clone()))
                .or_default()
                .push(e.kind.clone());
        }
    }
    let policy_ids: BTreeSet<String> = policies.iter().map(|p| p.policy.clone()).collect();
    for p in policies.iter_mut() {
        for e in &mut p.entries {
            let home = e
                .values
                .iter()
                .find(|v| v.key == "policy")
                .and_then(|v| v.value.as_str())
                .filter(|other| policy_ids.contains(*other) && *other != p.policy)
                .map(str::to_owned);
            let mut found = BTreeSet::new();
            for v in &e.values {
                let mut atoms = Vec::new();
                atoms_of(&v.value, &mut atoms);
                for atom in atoms {
                    let targets = match atom {
                        Atom::Text(s) => texts(s, &p.policy, home.as_deref(), &by_id, &policy_ids),
                        Atom::Number(n) => {
                            let key = (p.policy.clone(), n.to_string());
                            by_id
                                .get(&key)
                                .filter(|kinds| kinds.contains(&v.key))
                                .map(|_| vec![(p.policy.clone(), v.key.clone(), n.to_string())])
                                .unwrap_or_default()
                        }
                    };
                    for (policy, kind, id) in targets {
                        if policy == p.policy && kind == e.kind && id == e.id {
                            continue;
                        }
                        found.insert(EntryRef {
                            policy,
                            kind,
                            id,
                            key: v.key.clone(),
                        });
                    }
                }
            }
            e.refers_to = found.into_iter().collect();
        }
    }
}

enum Atom<'v> {
    Text(&'v str),
    Number(i64),
}

/// The strings and integers of a value and of its arrays (not of inline tables: their
/// strings are words, such as an approval's name).
fn atoms_of<'v>(v: &'v serde_json::Value, out: &mut Vec<Atom<'v>>) {
    match v {
        serde_json::Value::String(s) => out.push(Atom::Text(s)),
        serde_json::Value::Number(n) => out.extend(n.as_i64().map(Atom::Number)),
        serde_json::Value::Array(items) => items.iter().for_each(|i| atoms_of(i, out)),
        _ => {}
    }
}

/// The entries a string names: `(policy, kind, id)`.
fn texts(
    s: &str,
    own: &str,
    home: Option<&str>,
    by_id: &BTreeMap<(String, String), Vec<String>>,
    policy_ids: &BTreeSet<String>,
) -> Vec<(String, String, String)> {
    let lookup = |policy: &str, id: &str| -> Vec<(String, String, String)> {
        by_id
            .get(&(policy.to_owned(), id.to_owned()))
            .map(|kinds| {
                kinds
                    .iter()
                    .map(|k| (policy.to_owned(), k.clone(), id.to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some((policy, id)) = s.split_once(':') {
        if policy_ids.contains(policy) {
            return lookup(policy, id);
        }
    }
    if policy_ids.contains(s) {
        return lookup(s, s);
    }
    if let Some(home) = home {
        let there = lookup(home, s);
        if !there.is_empty() {
            return there;
        }
    }
    lookup(own, s)
}
