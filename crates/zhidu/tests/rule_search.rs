//! The score calculator's rule picker, searched once in the core (issue #14 point 5): by
//! clause id or its prefix, by words of the rule's quote, grouped by category. The expected
//! codes are read from the seed's numbering, not from a run of the search.

use zhidu::{DeductionTable, Lang, PolicySet};

fn table(policy: &str) -> Result<DeductionTable, zhidu::Error> {
    PolicySet::builtin()?.policy(policy)?.deduction_table()
}

/// `(category, codes)` of each group.
fn groups(table: &DeductionTable, query: &str) -> Vec<(Option<String>, Vec<String>)> {
    table
        .search(query)
        .into_iter()
        .map(|g| (g.category, g.rules))
        .collect()
}

#[test]
fn words_of_the_rule_find_it() -> Result<(), zhidu::Error> {
    // Seed L913: 「有吃、拿、卡、要等不廉洁行为的」 is S14.att.6; the 顿号 do not count.
    let s14 = table("s14-window-scorecard")?;
    assert_eq!(
        groups(&s14, "吃拿卡要"),
        [(Some("att".to_owned()), vec!["S14.att.6".to_owned()])]
    );
    assert_eq!(groups(&s14, "吃、拿"), groups(&s14, "吃拿"));
    // The Chinese table searches the same (its quotes are the seed's either way).
    assert_eq!(
        groups(&s14.in_lang(Lang::Zh), "吃拿卡要"),
        groups(&s14, "吃拿卡要")
    );
    Ok(())
}

#[test]
fn a_clause_id_or_its_prefix_finds_its_rules_in_their_group() -> Result<(), zhidu::Error> {
    let s14 = table("s14-window-scorecard")?;
    // Any case and punctuation: s14.ATT.6, s14att6.
    for q in ["S14.att.6", "s14.ATT.6", "s14att6"] {
        assert_eq!(
            groups(&s14, q),
            [(Some("att".to_owned()), vec!["S14.att.6".to_owned()])],
            "{q}"
        );
    }
    // S14.att.1 is item 1 of 考勤 (seed L903), four rules 1a–1d.
    let att1 = groups(&s14, "S14.att.1");
    assert_eq!(att1.len(), 1);
    assert_eq!(
        att1[0].1,
        ["S14.att.1a", "S14.att.1b", "S14.att.1c", "S14.att.1d"]
    );
    Ok(())
}

#[test]
fn groups_follow_the_table_and_an_empty_query_finds_every_rule() -> Result<(), zhidu::Error> {
    let s2 = table("s2-service-center")?;
    let all = s2.search("");
    let total: usize = all.iter().map(|g| g.rules.len()).sum();
    assert_eq!(total, s2.rules.len());
    // Category groups in the table's order, then the rules outside every category.
    let order: Vec<Option<String>> = all.iter().map(|g| g.category.clone()).collect();
    let mut expected: Vec<Option<String>> = s2
        .categories
        .iter()
        .map(|c| Some(c.id.clone()))
        .filter(|c| s2.rules.iter().any(|r| &r.category == c))
        .collect();
    if s2.rules.iter().any(|r| r.category.is_none()) {
        expected.push(None);
    }
    assert_eq!(order, expected);
    assert!(
        s2.search("。，").len() == all.len(),
        "punctuation alone finds every rule"
    );
    assert!(s2.search("zzzz").is_empty());
    Ok(())
}
