//! Finding a rule in a deduction table by what a clerk types: a clause id or a part of one
//! (`S14.att` finds the attendance rules), or words of the rule (吃拿卡要 finds S14.att.6,
//! whose quote reads 吃、拿、卡、要), grouped by category as the table lists them.

use serde::Serialize;

use super::DeductionTable;

/// The rules of one category that a search found.
///
/// # Example
///
/// ```
/// let table = zhidu::PolicySet::builtin()?.policy("s14-window-scorecard")?.deduction_table()?;
/// let groups = table.search("吃拿卡要");
/// assert_eq!(groups[0].category.as_deref(), Some("att"));
/// assert_eq!(groups[0].rules, ["S14.att.6"]);
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleGroup {
    /// The category's id, `None` for the rules outside every category (bonuses, effects only).
    pub category: Option<String>,
    /// The codes of the rules found, in the table's order.
    pub rules: Vec<String>,
}

/// Letters and digits only, lower case: `S14.att.6` reads `s14att6` and 吃、拿、卡、要 reads
/// 吃拿卡要, so neither the dots of a clause id nor the seed's 顿号 stand in a search's way.
fn searchable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl DeductionTable {
    /// The rules whose code, quote, category name or effect names contain `query` (compared as
    /// letters and digits only, ignoring case), grouped by category in the table's order, the
    /// rules outside every category last; groups without a rule are left out. An empty query
    /// (or one of punctuation only) finds every rule.
    ///
    /// # Example
    ///
    /// ```
    /// let table = zhidu::PolicySet::builtin()?.policy("s14-window-scorecard")?.deduction_table()?;
    /// // A clause id's prefix finds the whole section, in one group: the seed's items 1–6
    /// // of 考勤 (L903–L913), item 1 split in four rules (1a–1d), so nine.
    /// let att = table.search("S14.att");
    /// assert_eq!(att.len(), 1);
    /// assert_eq!(att[0].rules.len(), 9);
    /// assert!(table.search("no such words").is_empty());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<RuleGroup> {
        let q = searchable(query);
        let found = |r: &super::RuleInfo| {
            if q.is_empty() {
                return true;
            }
            let category = self
                .categories
                .iter()
                .find(|c| Some(&c.id) == r.category.as_ref())
                .map_or("", |c| c.name.as_str());
            // Each part alone: a query never matches across the end of one and the start of
            // the next.
            [&r.code, &r.quote, category]
                .into_iter()
                .chain(r.effects.iter().map(String::as_str))
                .any(|part| searchable(part).contains(&q))
        };
        let group = |category: Option<&String>| RuleGroup {
            category: category.cloned(),
            rules: self
                .rules
                .iter()
                .filter(|r| r.category.as_ref() == category && found(r))
                .map(|r| r.code.clone())
                .collect(),
        };
        self.categories
            .iter()
            .map(|c| group(Some(&c.id)))
            .chain([group(None)])
            .filter(|g| !g.rules.is_empty())
            .collect()
    }
}
