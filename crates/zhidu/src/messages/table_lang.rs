//! A deduction table in a chosen language: the shipped rules' default notes (and those of
//! categories, effects and the table, where the catalogue has them). Codes, names, quotes and
//! numbers are the policy's and never change.

use super::Lang;
use crate::DeductionTable;
use crate::source::DefaultNote;

impl DeductionTable {
    /// This table with the default notes in `lang`; a policy file's own notes stay as written.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let table = PolicySet::builtin()?.policy("s14-window-scorecard")?.deduction_table()?;
    /// let zh = table.in_lang(Lang::Zh);
    /// let att6 = zh.rules.iter().find(|r| r.code == "S14.att.6").unwrap();
    /// assert!(att6.defaults[0].note.starts_with("视情节轻重：考核人员填写10至20的整数"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> DeductionTable {
        self.clone().into_lang(lang)
    }

    /// [`DeductionTable::in_lang`] of a table the caller owns: in English it is returned as it
    /// is, without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let table = PolicySet::builtin()?.policy("s2-service-center")?.deduction_table()?;
    /// assert_eq!(table.clone().into_lang(Lang::En), table);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn into_lang(self, lang: Lang) -> DeductionTable {
        if lang == Lang::En {
            return self;
        }
        let mut table = self;
        let notes = |list: &mut Vec<DefaultNote>| {
            for d in list {
                d.note = lang.translate(&d.note);
            }
        };
        for r in &mut table.rules {
            notes(&mut r.defaults);
        }
        for c in &mut table.categories {
            notes(&mut c.defaults);
        }
        for e in &mut table.effects {
            notes(&mut e.defaults);
        }
        notes(&mut table.defaults);
        table
    }
}
