//! A policy's deadline answers: its classes, service items and suspension reasons by id, and
//! the due date of a class started at an instant. The types they return are this module's;
//! [`Policy`] only holds them.

use super::{Class, DayEnd, Due, DueExplanation, Start, SuspensionReason};
use crate::diagnostic::closest;
use crate::{Error, Policy};

impl Policy {
    /// A deadline class or service item by id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClass`] with the closest id as a hint.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s10-service-system").unwrap();
    /// assert_eq!(p.class("promised").unwrap().name(), "承诺件");
    /// assert_eq!(p.class("promise").unwrap_err().code(), "unknown_class");
    /// ```
    pub fn class(&self, id: &str) -> Result<Class<'_>, Error> {
        let found = self.lookup.get(id).and_then(|&(c, i)| {
            let class = self.classes.get(c)?;
            let item = match i {
                Some(i) => Some(self.items.get(i)?),
                None => None,
            };
            Some(Class {
                policy: self,
                class,
                item,
            })
        });
        found.ok_or_else(|| Error::UnknownClass {
            policy: self.id.clone(),
            id: id.to_owned(),
            closest: closest(id, self.lookup.keys().map(String::as_str)).map(str::to_owned),
        })
    }

    /// Every deadline class and service item, classes first, in file order.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let ids: Vec<&str> = ps.policy("s10-service-system").unwrap().classes().map(|c| c.id()).collect();
    /// assert!(ids.contains(&"immediate") && ids.contains(&"promised"));
    /// ```
    pub fn classes(&self) -> impl Iterator<Item = Class<'_>> {
        let classes = self.classes.iter().map(move |class| Class {
            policy: self,
            class,
            item: None,
        });
        let items = self.items.iter().filter_map(move |item| {
            let class = self.classes.get(item.class)?;
            Some(Class {
                policy: self,
                class,
                item: Some(item),
            })
        });
        classes.chain(items)
    }

    /// A suspension reason by id.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] naming the closest known reason.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// assert_eq!(p.suspension("testing").unwrap().name(), "检验检测");
    /// assert!(p.suspension("holiday").is_err());
    /// ```
    pub fn suspension(&self, id: &str) -> Result<&SuspensionReason, Error> {
        self.suspension_ids
            .get(id)
            .and_then(|&i| self.suspensions.get(i))
            .ok_or_else(|| {
                Error::input(
                    format!("policy `{}` has no suspension reason `{id}`", self.id),
                    closest(id, self.suspensions.iter().map(|s| s.id.as_str()))
                        .map(|c| format!("did you mean `{c}`?"))
                        .or_else(|| {
                            Some(format!(
                                "known reasons: {}",
                                self.suspensions
                                    .iter()
                                    .map(|s| format!("`{}`", s.id))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        }),
                )
            })
    }

    /// Every suspension reason, in file order.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.policy("s2-service-center").unwrap().suspensions().count() >= 5);
    /// ```
    pub fn suspensions(&self) -> impl Iterator<Item = &SuspensionReason> {
        self.suspensions.iter()
    }

    /// Due date and instant for class (or item) `class` started at `start`, with the
    /// per-case limit `days` where the class takes one.
    ///
    /// # Errors
    ///
    /// As [`Policy::class`] and [`Class::due`].
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let due = p.due("promised", "2026-09-30T10:00:00+08:00".parse::<zhidu::Start>().unwrap(), Some(5)).unwrap();
    /// assert_eq!(due.due_date.to_string(), "2026-10-13");
    /// ```
    pub fn due(
        &self,
        class: &str,
        start: impl Into<Start>,
        days: Option<u32>,
    ) -> Result<Due, Error> {
        self.class(class)?.due(start, days)
    }

    /// [`Policy::due`] with its explanation.
    ///
    /// # Errors
    ///
    /// As [`Policy::due`].
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let p = ps.policy("s2-service-center").unwrap();
    /// let ex = p.explain_due("promised", "2026-09-30".parse::<zhidu::Start>().unwrap(), Some(5)).unwrap();
    /// assert!(ex.notices.iter().any(|n| n.contains("2026")));
    /// ```
    pub fn explain_due(
        &self,
        class: &str,
        start: impl Into<Start>,
        days: Option<u32>,
    ) -> Result<DueExplanation, Error> {
        self.class(class)?.explain(start, days)
    }

    pub(crate) fn day_end_minutes(&self) -> u32 {
        match self.day_end {
            DayEnd::Midnight => 24 * 60,
            DayEnd::OfficeClose => self.office.as_ref().map_or(24 * 60, |o| o.close()),
        }
    }
}
