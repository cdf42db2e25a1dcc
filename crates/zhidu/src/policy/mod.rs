//! What a policy is, and how a set of files is assembled into policies.
//!
//! [`Policy`] holds its identity and each domain's data (deadline classes and suspension
//! reasons, the deduction table, the accountability rules); the answers on that data are
//! written in their domains (`deadline/answers.rs`, `case.rs`, `assess/`, `decide/`). A
//! [`PolicySet`] (set.rs) is parsed, validated and indexed once ([`compile`], [`import`]), is
//! immutable and `Send + Sync`, and is reused for every call.

mod builtin;
pub(crate) mod compile;
pub(crate) mod import;
mod lazy;
mod set;

pub use compile::MAX_ENTRIES;
pub use set::PolicySet;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::deadline::hours::OfficeHours;
use crate::deadline::{DayEnd, DeadlineClass, ServiceItem, SuspensionReason};
use crate::source::DefaultNote;
use crate::{Calendar, Error};

/// One regulation as code: its deadline classes, service items and suspension reasons,
/// bound to its calendar.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let p = ps.policy("s2-service-center").unwrap();
/// assert_eq!(p.id(), "s2-service-center");
/// assert_eq!(p.calendar().id(), "cn-mainland");
/// ```
#[derive(Debug)]
pub struct Policy {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) effective_from: NaiveDate,
    pub(crate) effective_until: Option<NaiveDate>,
    pub(crate) calendar: Arc<Calendar>,
    pub(crate) day_end: DayEnd,
    /// `beyond_notices = "error"`: a day past the calendar's last notice is a coverage error.
    pub(crate) beyond_notices_error: bool,
    /// The policy's own office sessions, if its regulation states any.
    pub(crate) office: Option<Arc<OfficeHours>>,
    pub(crate) classes: Vec<DeadlineClass>,
    pub(crate) items: Vec<ServiceItem>,
    /// Class or item id → (class index, item index).
    pub(crate) lookup: crate::FastMap<String, (usize, Option<usize>)>,
    pub(crate) suspensions: Vec<SuspensionReason>,
    pub(crate) suspension_ids: crate::FastMap<String, usize>,
    pub(crate) source: String,
    pub(crate) defaults: Vec<DefaultNote>,
    pub(crate) file: String,
    pub(crate) assessment: Option<crate::assess::model::AssessmentModel>,
    pub(crate) accountability: Option<crate::decide::model::AccountabilityModel>,
    pub(crate) rota: Option<crate::rota::model::RotaModel>,
    pub(crate) obligations: Option<crate::obligations::model::ObligationsModel>,
    pub(crate) access: Option<crate::access::model::AccessModel>,
    pub(crate) retention: Option<crate::retention::model::RetentionModel>,
    pub(crate) triggers: Option<crate::triggers::model::Model>,
    pub(crate) subsidies: Option<crate::subsidies::model::Model>,
    pub(crate) flow: Option<crate::flow::model::Model>,
    /// Every clause the policy file cites, for coverage (collected whatever the section).
    pub(crate) citations: Vec<crate::coverage::cite::Citation>,
    /// The content hash of the set the policy was loaded in, set once by the set.
    pub(crate) set_hash: std::sync::OnceLock<Arc<str>>,
}

impl Policy {
    /// The policy's id, such as `s2-service-center`.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s10-service-system").unwrap().id(), "s10-service-system");
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The policy's display name.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(!ps.policy("s2-service-center").unwrap().name().is_empty());
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The policy's version string.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(!ps.policy("s2-service-center").unwrap().version().is_empty());
    /// ```
    #[must_use]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The first day the policy is in force, and the last if it has one.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let (from, until) = ps.policy("s2-service-center").unwrap().effective();
    /// assert_eq!(from.to_string(), "2004-01-01");
    /// assert_eq!(until, None);
    /// ```
    #[must_use]
    pub fn effective(&self) -> (NaiveDate, Option<NaiveDate>) {
        (self.effective_from, self.effective_until)
    }

    /// Where the policy comes from, in words.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.policy("s2-service-center").unwrap().source().contains("S2"));
    /// ```
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The name of the file the policy was loaded from.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s2-service-center").unwrap().file(), "policies/s2-service-center.toml");
    /// ```
    #[must_use]
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The calendar the policy counts days in.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert_eq!(ps.policy("s2-service-center").unwrap().calendar().years(), (2004, 2100));
    /// ```
    #[must_use]
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The defaults set at policy level.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// assert!(ps.policy("s2-service-center").unwrap().defaults().iter().any(|d| d.param == "A4"));
    /// ```
    #[must_use]
    pub fn defaults(&self) -> &[DefaultNote] {
        &self.defaults
    }

    /// The identity of the rules this policy answers with: id, version, first day in force
    /// and its set's content hash ([`PolicySet::content_hash`]). Every result can carry it.
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let stamp = ps.policy("s14-window-scorecard")?.stamp();
    /// assert_eq!(stamp.policy, "s14-window-scorecard");
    /// assert_eq!(stamp.hash, ps.content_hash());
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn stamp(&self) -> crate::Stamp {
        crate::Stamp {
            policy: self.id.clone(),
            version: self.version.clone(),
            effective_from: self.effective_from,
            hash: self
                .set_hash
                .get()
                .map(|h| h.to_string())
                .unwrap_or_default(),
        }
    }

    pub(crate) fn check_in_force(&self, date: NaiveDate) -> Result<(), Error> {
        if date < self.effective_from || self.effective_until.is_some_and(|u| date > u) {
            return Err(Error::NotInForce {
                policy: self.id.clone(),
                date: date.to_string(),
            });
        }
        Ok(())
    }
}
