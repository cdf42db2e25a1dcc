//! The answers of the 验厂 triggers and the item flow in a chosen language: the reasons a
//! trigger fired or a case broke the flow, and the default notes. Clauses, codes, names and
//! numbers never change; user input (a reason a person recorded) stays as written.

use super::Lang;
use crate::source::DefaultNote;
use crate::{FlowFindings, Triggers};

fn notes(lang: Lang, list: &mut [DefaultNote]) {
    for d in list {
        d.note = lang.translate(&d.note);
    }
}

impl Triggers {
    /// These triggers with their reasons and default notes in `lang`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{EnterpriseFacts, Lang, Start};
    /// let s8 = zhidu::PolicySet::builtin()?.policy_arc("s8-investment-centre")?;
    /// let mut f = EnterpriseFacts::new("永利制衣", "2026-11-01".parse::<Start>()?);
    /// f.rent_arrears_months = Some(2);
    /// let t = s8.triggers(&[Ok(f)])?.in_lang(Lang::Zh);
    /// assert_eq!(t.enterprises[0].fired[0].reason, "拖欠厂租2个月（不少于2个月）");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Triggers {
        self.clone().into_lang(lang)
    }

    /// [`Triggers::in_lang`] of an answer the caller owns: in English it is returned as it
    /// is, without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// let s8 = zhidu::PolicySet::builtin()?.policy_arc("s8-investment-centre")?;
    /// let t = s8.triggers(&[])?;
    /// assert_eq!(t.clone().into_lang(zhidu::Lang::En), t);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn into_lang(mut self, lang: Lang) -> Triggers {
        if lang == Lang::En {
            return self;
        }
        for f in self.enterprises.iter_mut().flat_map(|e| &mut e.fired) {
            f.reason = lang.translate(&f.reason);
            notes(lang, &mut f.defaults);
        }
        self
    }
}

impl FlowFindings {
    /// These findings with their reasons and default notes in `lang`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, CaseEvent, Lang, Start};
    /// let s14 = zhidu::PolicySet::builtin()?.policy_arc("s14-window-scorecard")?;
    /// let mut c = Case::new("C1", "promised", "2026-10-09T09:00+08:00".parse::<Start>()?, Some(5));
    /// c.handler = Some("张三".into());
    /// c.events = CaseEvent::parse_list("step 2026-10-09T09:00 accept")?;
    /// let f = s14.flow_findings(&[Ok(c)])?.in_lang(Lang::Zh);
    /// assert_eq!(f.findings[0].reason, "跳过一次性告知");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> FlowFindings {
        self.clone().into_lang(lang)
    }

    /// [`FlowFindings::in_lang`] of an answer the caller owns: in English it is returned as
    /// it is, without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// let s14 = zhidu::PolicySet::builtin()?.policy_arc("s14-window-scorecard")?;
    /// let f = s14.flow_findings(&[])?;
    /// assert_eq!(f.clone().into_lang(zhidu::Lang::En), f);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn into_lang(mut self, lang: Lang) -> FlowFindings {
        if lang == Lang::En {
            return self;
        }
        for f in &mut self.findings {
            f.reason = lang.translate(&f.reason);
        }
        notes(lang, &mut self.defaults);
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::{EnterpriseFacts, Lang, PolicySet, Start};

    /// S8.verify.2's reason in Chinese, worked from the README's 华丰电子: halted 2026-09-15,
    /// applying 2027-03-15 = 2026-09-15 + 6 months, with a new contract.
    #[test]
    fn a_halt_reason_in_chinese() -> Result<(), crate::Error> {
        let s8 = PolicySet::builtin()?.policy_arc("s8-investment-centre")?;
        let mut f = EnterpriseFacts::new("华丰电子", "2027-03-15".parse::<Start>()?);
        f.new_contract = true;
        f.halt_start = Some("2026-09-15".parse::<Start>()?);
        let en = s8.triggers(&[Ok(f)])?;
        let zh = en.in_lang(Lang::Zh);
        let reason = |t: &crate::Triggers, clause: &str| {
            t.enterprises
                .iter()
                .flat_map(|e| &e.fired)
                .find(|x| x.clause == clause)
                .map(|x| x.reason.clone())
        };
        assert_eq!(
            reason(&en, "S8.verify.2").as_deref(),
            Some(
                "halted from 2026-09-15 to 2027-03-15, 6 whole months (at least 6), then a new contract"
            )
        );
        assert_eq!(
            reason(&zh, "S8.verify.2").as_deref(),
            Some("自2026-09-15至2027-03-15停产，满6个月（不少于6个月），后申办新合同")
        );
        assert_eq!(
            reason(&zh, "S8.verify.3").as_deref(),
            Some("企业申报新合同")
        );
        Ok(())
    }

    /// Rent and wages both in arrears: one reason, whole in Chinese.
    #[test]
    fn both_arrears_in_chinese() -> Result<(), crate::Error> {
        let s8 = PolicySet::builtin()?.policy_arc("s8-investment-centre")?;
        let mut f = EnterpriseFacts::new("E1", "2026-11-01".parse::<Start>()?);
        f.rent_arrears_months = Some(3);
        f.wage_arrears_months = Some(2);
        let t = s8.triggers(&[Ok(f)])?;
        let fired = t.enterprises.first().and_then(|e| e.fired.first());
        assert_eq!(
            fired.map(|x| x.reason.as_str()),
            Some("rent in arrears 3 months (at least 2); wages in arrears 2 months (at least 2)")
        );
        let zh = t.in_lang(Lang::Zh);
        let fired = zh.enterprises.first().and_then(|e| e.fired.first());
        assert_eq!(
            fired.map(|x| x.reason.as_str()),
            Some("拖欠厂租3个月（不少于2个月）；拖欠工人工资2个月（不少于2个月）")
        );
        Ok(())
    }
}
