//! The catalogue applied to what the engine returns: errors, diagnostics, warnings and
//! explanations in a chosen language, codes and positions unchanged.

use super::Lang;
use crate::{CaseStatus, Diagnostic, Due, DueExplanation, Error, Severity, Warning};

impl Error {
    /// The message in `lang`; `to_string()` is the English one.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let err = PolicySet::builtin()?.policy("s2-service-centre").unwrap_err();
    /// assert_eq!(err.message_in(Lang::En), err.to_string());
    /// assert_eq!(err.message_in(Lang::Zh), "没有编号为`s2-service-centre`的制度");
    /// assert_eq!(err.code(), "unknown_policy");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn message_in(&self, lang: Lang) -> String {
        lang.translate(&self.to_string())
    }

    /// The help text in `lang`; [`Error::help`] is the English one.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let err = PolicySet::builtin()?.policy("s2-service-centre").unwrap_err();
    /// assert_eq!(err.help_in(Lang::Zh).as_deref(), Some("是否想写`s2-service-center`？"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.help().map(|h| lang.translate(&h))
    }

    /// The catalogue key of the message, with its parameters: stable across versions and
    /// languages, for a host that shows its own words.
    ///
    /// # Example
    ///
    /// ```
    /// let err = zhidu::PolicySet::builtin()?.policy("s2-service-centre").unwrap_err();
    /// let key = err.key().unwrap();
    /// assert_eq!(key.id, "error.unknown_policy");
    /// assert_eq!(key.params, vec![("id".to_owned(), "s2-service-centre".to_owned())]);
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn key(&self) -> Option<super::MessageKey> {
        super::MessageKey::of(&self.to_string())
    }

    /// The diagnostics of a policy error in `lang`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let err = PolicySet::from_sources(&[("a.toml", "[polcy]\n")]).unwrap_err();
    /// let d = &err.diagnostics_in(Lang::Zh)[0];
    /// assert_eq!(d.message, "未知的表`polcy`");
    /// assert_eq!((d.line, d.column), (1, 2));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn diagnostics_in(&self, lang: Lang) -> Vec<Diagnostic> {
        self.diagnostics().iter().map(|d| d.in_lang(lang)).collect()
    }
}

impl Diagnostic {
    /// This diagnostic with its message and help in `lang`; file, line, column and key path
    /// unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let err = PolicySet::from_sources(&[("a.toml", "[policy]\nid = 5\n")]).unwrap_err();
    /// let d = err.diagnostics()[0].in_lang(Lang::Zh);
    /// assert_eq!((d.line, d.column, d.path.as_str()), (2, 6, "policy.id"));
    /// assert!(d.message.starts_with("类型不符"));
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Diagnostic {
        let mut d = self.clone();
        d.message = lang.translate(&self.message);
        d.help = self.help.as_deref().map(|h| lang.translate(h));
        d
    }

    /// The diagnostic as `Display` writes it, in `lang` (`错误：…`, `--> 文件:行:列`, `帮助：…`).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet};
    /// let err = PolicySet::from_sources(&[("a.toml", "[polcy]\n")]).unwrap_err();
    /// let d = &err.diagnostics()[0];
    /// assert_eq!(d.render_in(Lang::En), d.to_string());
    /// assert!(d.render_in(Lang::Zh).starts_with("错误：未知的表`polcy`\n  --> a.toml:1:2"));
    /// ```
    #[must_use]
    pub fn render_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => {
                let d = self.in_lang(lang);
                let severity = match d.severity {
                    Severity::Error => "错误",
                    Severity::Warning => "警告",
                };
                let mut out = format!(
                    "{severity}：{}\n  --> {}:{}:{}",
                    d.message, d.file, d.line, d.column
                );
                if !d.path.is_empty() {
                    out.push_str(&format!("（位于`{}`）", d.path));
                }
                if let Some(help) = &d.help {
                    out.push_str(&format!("\n  帮助：{help}"));
                }
                out
            }
        }
    }
}

impl Warning {
    /// This warning with its message in `lang`; code, clause and default unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let due = ps.policy("s2-service-center")?.due("promised", "2026-09-30".parse::<Start>()?, Some(8))?;
    /// let w = due.warnings[0].in_lang(Lang::Zh);
    /// assert_eq!(w.code, "outside_usual_range");
    /// assert_eq!(w.message, "承诺时限`8`个工作日超出类别`promised`的通常范围3—5");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Warning {
        let mut w = self.clone();
        w.message = lang.translate(&self.message);
        w
    }
}

impl DueExplanation {
    /// This explanation with its counting rules, day notes, warnings, the basis of
    /// provisional years and the shipped policies' default notes in `lang`; dates,
    /// numbers, clauses and the policy's own text unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let class = ps.policy("s2-service-center")?.class("promised")?;
    /// let ex = class.explain("2026-09-30T10:00:00+08:00".parse::<Start>()?, Some(5))?.in_lang(Lang::Zh);
    /// assert_eq!(ex.rules[0], "5个工作日，自受理次日起算");
    /// assert_eq!(ex.days[0].note.as_deref(), Some("法定节假日（国庆节），非工作日"));
    /// assert!(ex.defaults.iter().any(|d| d.param == "A3" && d.note.starts_with("3—5日是通常范围")));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> DueExplanation {
        self.clone().into_lang(lang)
    }

    /// [`DueExplanation::in_lang`] of an explanation the caller owns: in English it is
    /// returned as it is, without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let class = ps.policy("s2-service-center")?.class("promised")?;
    /// let ex = class.explain("2026-09-30T10:00:00+08:00".parse::<Start>()?, Some(5))?;
    /// assert_eq!(ex.clone().into_lang(Lang::En), ex);
    /// assert_eq!(ex.clone().into_lang(Lang::Zh), ex.in_lang(Lang::Zh));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn into_lang(self, lang: Lang) -> DueExplanation {
        if lang == Lang::En {
            return self;
        }
        let mut ex = self;
        for day in &mut ex.days {
            day.note = day.note.as_deref().map(|n| lang.translate(n));
        }
        for rule in &mut ex.rules {
            *rule = lang.translate(rule);
        }
        // The shipped policies' notes are in the catalogue; a file's own stay as written.
        for d in &mut ex.defaults {
            d.note = lang.translate(&d.note);
        }
        ex.due = ex.due.into_lang(lang);
        ex
    }
}

impl Due {
    /// This due date with its warnings and the basis of provisional years in `lang`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let due = ps.policy("s2-service-center")?.due("promised", "2026-12-10".parse::<Start>()?, Some(20))?;
    /// assert_eq!(due.in_lang(Lang::Zh).basis[0], "2027年：国务院令第795号；日历中尚无2027年的放假通知，调休上班日未知");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Due {
        self.clone().into_lang(lang)
    }

    /// [`Due::in_lang`] of a due date the caller owns: in English it is returned as it is,
    /// without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let due = ps.policy("s2-service-center")?.due("promised", "2026-12-10".parse::<Start>()?, Some(20))?;
    /// assert_eq!(due.clone().into_lang(Lang::En), due);
    /// assert_eq!(due.clone().into_lang(Lang::Zh), due.in_lang(Lang::Zh));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn into_lang(mut self, lang: Lang) -> Due {
        if lang == Lang::En {
            return self;
        }
        for w in &mut self.warnings {
            w.message = lang.translate(&w.message);
        }
        for b in &mut self.basis {
            *b = lang.translate(b);
        }
        self
    }
}

impl CaseStatus {
    /// This status with its warnings and the basis of provisional years in `lang`; everything
    /// else unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let at = |s: &str| Start::parse_instant(s, p.calendar().offset());
    /// let case = Case::new("2026-1002", "promised", at("2026-09-30T10:00")?, Some(8));
    /// let s = p.case_status(&case, at("2026-10-09T12:00")?)?.in_lang(Lang::Zh);
    /// assert_eq!(s.warnings[0].code, "outside_usual_range");
    /// assert!(s.warnings[0].message.starts_with("承诺时限`8`个工作日"));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> CaseStatus {
        self.clone().into_lang(lang)
    }

    /// [`CaseStatus::in_lang`] of a status the caller owns: in English it is returned as it
    /// is, without a copy.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{Case, Lang, PolicySet, Start};
    /// let ps = PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let at = |s: &str| Start::parse_instant(s, p.calendar().offset());
    /// let case = Case::new("2026-1002", "promised", at("2026-09-30T10:00")?, Some(8));
    /// let s = p.case_status(&case, at("2026-10-09T12:00")?)?;
    /// assert_eq!(s.clone().into_lang(Lang::En), s);
    /// assert_eq!(s.clone().into_lang(Lang::Zh), s.in_lang(Lang::Zh));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn into_lang(mut self, lang: Lang) -> CaseStatus {
        if lang == Lang::En {
            return self;
        }
        for w in &mut self.warnings {
            w.message = lang.translate(&w.message);
        }
        for b in &mut self.basis {
            *b = lang.translate(b);
        }
        self
    }
}
