//! Every default note of the shipped deduction tables (rules, categories, effects and the
//! tables themselves) reads in both languages: each English note has a Chinese text in the
//! catalogue, so the Chinese table has no note left as the English one (issue #14: the
//! clerk's rule card and a report in Chinese).

use zhidu::{DeductionTable, DefaultNote, Lang, PolicySet};

/// Every note of a table with where it stands, in a fixed order.
fn notes(table: &DeductionTable) -> Vec<(String, &DefaultNote)> {
    let mut out = Vec::new();
    for r in &table.rules {
        out.extend(r.defaults.iter().map(|d| (format!("rule {}", r.code), d)));
    }
    for c in &table.categories {
        out.extend(c.defaults.iter().map(|d| (format!("category {}", c.id), d)));
    }
    for e in &table.effects {
        out.extend(e.defaults.iter().map(|d| (format!("effect {}", e.id), d)));
    }
    out.extend(table.defaults.iter().map(|d| ("table".to_owned(), d)));
    out
}

#[test]
fn every_shipped_table_note_has_chinese() -> Result<(), zhidu::Error> {
    let set = PolicySet::builtin()?;
    let mut missing = Vec::new();
    let mut count = 0;
    for policy in set.policies() {
        let Ok(en) = policy.deduction_table() else {
            continue;
        };
        let zh = en.in_lang(Lang::Zh);
        let (en_notes, zh_notes) = (notes(&en), notes(&zh));
        assert_eq!(en_notes.len(), zh_notes.len());
        for ((place, en_note), (_, zh_note)) in en_notes.iter().zip(&zh_notes) {
            count += 1;
            if en_note.note == zh_note.note {
                missing.push(format!(
                    "{}: {place} ({}): {}",
                    policy.id(),
                    en_note.param,
                    en_note.note
                ));
            }
        }
    }
    assert!(count > 40, "only {count} notes: the tables were not read");
    assert!(
        missing.is_empty(),
        "{} notes without Chinese:\n{}",
        missing.len(),
        missing.join("\n")
    );
    Ok(())
}
