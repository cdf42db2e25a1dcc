use super::*;

/// The policy file schema names exactly the sections the loader dispatches on, less the
/// calendar file's.
#[test]
fn policy_schema_has_every_policy_section() {
    let policy = schema("policy").unwrap_or_default();
    let mut keys: Vec<&str> = policy["properties"]
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    let mut expected: Vec<&str> = crate::policy::compile::SECTIONS
        .iter()
        .copied()
        .filter(|s| !["calendar", "year", "statute"].contains(s))
        .collect();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    let calendar = schema("calendar").unwrap_or_default();
    let mut keys: Vec<&str> = calendar["properties"]
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(keys, ["calendar", "statute", "year"]);
}

#[test]
fn every_kind_has_a_schema_with_a_title() {
    for kind in kinds() {
        let s = schema(kind).unwrap_or_default();
        assert!(
            s["title"].as_str().is_some_and(|t| t.contains(" / ")),
            "{kind}"
        );
    }
}

/// Descriptions pair the Chinese with the English.
#[test]
fn descriptions_are_in_both_languages() {
    let policy = schema("policy").unwrap_or_default();
    let class = &policy["properties"]["class"]["description"];
    assert_eq!(class, "时限类别 / deadline classes.");
    let case = schema("case").unwrap_or_default();
    assert_eq!(
        case["properties"]["accepted_at"]["description"],
        "受理时间 / when it was accepted (受理) (instant)"
    );
}
