//! Which deadline policy reads the case rows of an assessment: chosen once here, for every
//! host.

use crate::Error;
use crate::{Policy, PolicySet};

impl PolicySet {
    /// The deadline policy of the case rows when scoring with `policy`: the one named
    /// `case_policy`, or else `policy` itself when it has deadline classes.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownPolicy`] for an unknown id; [`Error::Input`] when none is named and
    /// `policy` has no deadline classes (a scorecard such as S14 needs the deadline policy
    /// its cases are under).
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let s2 = ps.policy("s2-service-center")?;
    /// assert_eq!(ps.case_policy(s2, None)?.id(), "s2-service-center");
    /// let s14 = ps.policy("s14-window-scorecard")?;
    /// assert_eq!(ps.case_policy(s14, None).unwrap_err().help().as_deref(), Some("name the deadline policy of the cases, e.g. `s2-service-center`"));
    /// assert_eq!(ps.case_policy(s14, Some("s2-service-center"))?.id(), "s2-service-center");
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    pub fn case_policy<'a>(
        &'a self,
        policy: &'a Policy,
        case_policy: Option<&str>,
    ) -> Result<&'a Policy, Error> {
        match case_policy {
            Some(id) => self.policy(id),
            None if policy.classes().next().is_some() => Ok(policy),
            None => Err(Error::input(
                format!(
                    "policy `{}` has no deadline classes to read the cases with",
                    policy.id()
                ),
                Some("name the deadline policy of the cases, e.g. `s2-service-center`".to_owned()),
            )),
        }
    }
}
