//! What a host needs to show a policy rather than compute with it: policies, classes,
//! suspension reasons and calendars as JSON-shaped data (`Serialize`), one month of a
//! calendar, and the instant a case turns yellow.
//!
//! The browser calculator, the CLI and the bindings all describe a policy with these shapes,
//! so the field names are documented once, here.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::deadline::{Clock, DayEnd, Limit};
use crate::{Calendar, Class, DayKind, DayStepKind, Error, Policy, Start, SuspensionReason};

/// One day of a calendar month: its kind, and for holidays and make-up working days the
/// festival and the State Council notice that set it.
///
/// The fields mirror [`crate::DayStep`] of an explanation, so a host draws both the same way.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let oct = ps.calendar("cn-mainland").unwrap().month(2026, 10).unwrap();
/// assert_eq!(oct.len(), 31);
/// let v = serde_json::to_value(&oct[9]).unwrap();
/// assert_eq!(v["date"], "2026-10-10");
/// assert_eq!(v["kind"], "makeup_workday");
/// assert_eq!(v["festival"], "国庆节");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CalendarDay {
    /// The day.
    pub date: NaiveDate,
    /// Working day, make-up working day (调休上班), weekend or holiday.
    pub kind: DayStepKind,
    /// The festival, for holidays and make-up working days.
    pub festival: Option<String>,
    /// The notice that set the holiday or make-up day.
    pub notice: Option<String>,
}

impl Calendar {
    /// Every day of a month with its kind, for drawing a month view.
    ///
    /// # Errors
    ///
    /// [`Error::Input`] when `month` is not 1–12; [`Error::Coverage`] when the calendar does
    /// not cover `year`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::DayStepKind;
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let cal = ps.calendar("cn-mainland").unwrap();
    /// let feb = cal.month(2026, 2).unwrap();
    /// assert_eq!(feb.len(), 28);
    /// assert_eq!(feb[16].kind, DayStepKind::Holiday); // 02-17, 春节
    /// assert_eq!(cal.month(2026, 13).unwrap_err().code(), "input");
    /// assert_eq!(cal.month(2101, 1).unwrap_err().code(), "coverage");
    /// ```
    pub fn month(&self, year: i32, month: u32) -> Result<Vec<CalendarDay>, Error> {
        if !(1..=12).contains(&month) {
            return Err(Error::input(
                format!("month `{month}` is not from 1 to 12"),
                None,
            ));
        }
        let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| self.coverage(year))?;
        first
            .iter_days()
            .take_while(|d| d.month() == month)
            .map(|date| {
                let (kind, festival) = match self.day_kind(date)? {
                    DayKind::Workday => (DayStepKind::Workday, None),
                    DayKind::Weekend => (DayStepKind::Weekend, None),
                    DayKind::Holiday { name } => (DayStepKind::Holiday, Some(name.to_owned())),
                    DayKind::MakeupWorkday { name } => {
                        (DayStepKind::MakeupWorkday, Some(name.to_owned()))
                    }
                };
                Ok(CalendarDay {
                    date,
                    kind,
                    festival,
                    notice: self.notice(date)?.map(str::to_owned),
                })
            })
            .collect()
    }
}

impl Class<'_> {
    /// The instant from which a case of this class, with no suspensions, is yellow (黄牌预警):
    /// from then until it falls due at most `warn_before` units are left, counted as
    /// [`Policy::case_status`] counts `remaining`. It is the start itself when the whole limit
    /// is within the threshold.
    ///
    /// # Errors
    ///
    /// As [`Class::due`].
    ///
    /// # Example
    ///
    /// ```
    /// let ps = zhidu::PolicySet::builtin().unwrap();
    /// let c = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
    /// // Due 2026-10-13 with a threshold of 2 working days: yellow once only 10-12 and 10-13
    /// // are left, from the end of 10-10 (a make-up Saturday; 10-11 is a Sunday).
    /// let start = "2026-09-30T10:00:00+08:00".parse::<zhidu::Start>().unwrap();
    /// let y = c.yellow_from(start, Some(5)).unwrap();
    /// assert_eq!(y.to_rfc3339(), "2026-10-11T00:00:00+08:00");
    /// ```
    pub fn yellow_from(
        &self,
        start: impl Into<Start>,
        days: Option<u32>,
    ) -> Result<DateTime<FixedOffset>, Error> {
        let start = start.into();
        let due = self.due(start, days)?;
        let at = start.resolve(self.calendar(), self.class)?;
        let clock = Clock::new(self.calendar(), self.class, self.policy.day_end_minutes());
        let end = due.due_at.timestamp();
        let warn = u64::from(self.class.warn_before);
        let left = |t: i64| clock.counted(t, end).map(|n| clock.to_units(n));
        let mut lo = clock.anchor(at.timestamp()).min(end);
        if left(lo)? <= warn {
            return Ok(at);
        }
        // `left` never grows with time, is over the threshold at `lo` and 0 at `end`: find the
        // first second at which it is within the threshold.
        let mut hi = end;
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if left(mid)? <= warn {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let offset = self.calendar().offset();
        Ok(DateTime::from_timestamp(hi, 0).map_or(due.due_at, |t| t.with_timezone(&offset)))
    }
}

/// A class (or service item) as JSON: `{id, class, name, unit, per_case, limit, usual_range,
/// legal_limit, warn_before, max_extension, clock_starts, roll_to_working_day, source, also,
/// defaults}`.
///
/// `limit` is the limit used when a case gives none (a fixed limit, an item's promised limit
/// or the class's default), `null` when every case must give `days`; `per_case` says whether
/// a case may give `days` at all.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let c = ps.policy("s2-service-center").unwrap().class("promised").unwrap();
/// let v = serde_json::to_value(c).unwrap();
/// assert_eq!((v["name"].as_str(), v["per_case"].as_bool(), v["limit"].as_u64()), (Some("承诺件"), Some(true), Some(5)));
/// assert_eq!(v["source"]["clause"], "S2.xs.2");
/// ```
impl Serialize for Class<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.class;
        let (per_case, usual) = match c.limit {
            Limit::Fixed(_) => (false, None),
            Limit::PerCase { usual, .. } => (true, usual.map(|(a, b)| [a, b])),
        };
        let mut s = serializer.serialize_struct("Class", 15)?;
        s.serialize_field("id", self.id())?;
        s.serialize_field("class", self.class_id())?;
        s.serialize_field("name", self.name())?;
        s.serialize_field("unit", &c.unit)?;
        s.serialize_field("per_case", &per_case)?;
        s.serialize_field("limit", &self.resolve_limit(None).ok())?;
        s.serialize_field("usual_range", &usual)?;
        s.serialize_field("legal_limit", &self.legal_limit())?;
        s.serialize_field("warn_before", &c.warn_before)?;
        s.serialize_field("max_extension", &c.max_extension)?;
        s.serialize_field("clock_starts", &c.clock_start)?;
        s.serialize_field("roll_to_working_day", &c.roll)?;
        s.serialize_field("source", self.source())?;
        s.serialize_field("also", &c.also)?;
        let mut defaults = c.defaults.clone();
        if let Some(item) = self.item {
            defaults.extend(item.defaults.iter().cloned());
        }
        s.serialize_field("defaults", &defaults)?;
        s.end()
    }
}

/// A suspension reason as JSON: `{id, name, effect, source, defaults}`.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let r = ps.policy("s2-service-center").unwrap().suspension("correction").unwrap();
/// assert_eq!(serde_json::to_value(r).unwrap()["effect"], "restart");
/// ```
impl Serialize for SuspensionReason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("SuspensionReason", 5)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("effect", &self.effect)?;
        s.serialize_field("source", &self.source)?;
        s.serialize_field("defaults", &self.defaults)?;
        s.end()
    }
}

/// A calendar as JSON: `{id, name, utc_offset, first_year, last_year, source, defaults}`.
///
/// A calendar has no office sessions: they are its policy's (`office_sessions` of a policy).
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let v = serde_json::to_value(ps.calendar("cn-mainland").unwrap()).unwrap();
/// assert_eq!((v["utc_offset"].as_str(), v["last_year"].as_i64()), (Some("+08:00"), Some(2100)));
/// assert!(v.get("office_sessions").is_none());
/// ```
impl Serialize for Calendar {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (first_year, last_year) = self.years();
        let mut s = serializer.serialize_struct("Calendar", 7)?;
        s.serialize_field("id", self.id())?;
        s.serialize_field("name", self.name())?;
        s.serialize_field("utc_offset", &self.offset().to_string())?;
        // The years after the last notice, up to `last_year`, are provisional.
        s.serialize_field("last_notice_year", &self.notice_years().1)?;
        s.serialize_field("first_year", &first_year)?;
        s.serialize_field("last_year", &last_year)?;
        s.serialize_field("source", self.source())?;
        s.serialize_field("defaults", self.defaults())?;
        s.end()
    }
}

/// A policy as JSON: `{id, name, version, effective_from, effective_until, calendar,
/// day_ends_at, office_sessions, source, file, defaults, classes, suspensions}` with the
/// calendar, every class and service item and every suspension reason in the shapes above.
///
/// `office_sessions` is the policy's own office hours, `{sessions: [["08:30", "11:00"], …],
/// source, defaults}`, or `null` when its regulation states none.
///
/// # Example
///
/// ```
/// let ps = zhidu::PolicySet::builtin().unwrap();
/// let v = serde_json::to_value(ps.policy("s10-service-system").unwrap()).unwrap();
/// assert_eq!(v["calendar"]["id"], "cn-mainland");
/// assert_eq!(v["day_ends_at"], "midnight");
/// assert!(v["office_sessions"].is_null());
/// assert!(v["classes"].as_array().unwrap().iter().any(|c| c["id"] == "immediate"));
/// ```
impl Serialize for Policy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let classes: Vec<Class<'_>> = self.classes().collect();
        let suspensions: Vec<&SuspensionReason> = self.suspensions().collect();
        let mut s = serializer.serialize_struct("Policy", 13)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("version", &self.version)?;
        s.serialize_field("effective_from", &self.effective_from)?;
        s.serialize_field("effective_until", &self.effective_until)?;
        s.serialize_field("calendar", self.calendar.as_ref())?;
        s.serialize_field(
            "day_ends_at",
            match self.day_end {
                DayEnd::Midnight => "midnight",
                DayEnd::OfficeClose => "office_close",
            },
        )?;
        s.serialize_field("office_sessions", &self.office.as_deref())?;
        s.serialize_field("source", &self.source)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("defaults", &self.defaults)?;
        s.serialize_field("classes", &classes)?;
        s.serialize_field("suspensions", &suspensions)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Case, PolicySet, Start, Status};

    /// `yellow_from` is exactly where `case_status` turns yellow, for every unit.
    #[test]
    fn yellow_from_agrees_with_case_status() {
        let ps = PolicySet::builtin().unwrap();
        for (policy, class, accepted, days) in [
            (
                "s2-service-center",
                "promised",
                "2026-09-30T10:00:00+08:00",
                Some(5),
            ),
            (
                "s2-service-center",
                "promised",
                "2026-10-09T16:00:00+08:00",
                Some(2),
            ),
            (
                "s2-service-center",
                "complaint_complex",
                "2026-09-25T10:00:00+08:00",
                None,
            ),
            (
                "s2-service-center",
                "complaint_next_day",
                "2026-10-09T10:00:00+08:00",
                None,
            ),
            (
                "s10-service-system",
                "immediate",
                "2026-10-12T10:50:00+08:00",
                None,
            ),
            (
                "s10-service-system",
                "petition",
                "2026-09-20T10:00:00+08:00",
                Some(15),
            ),
            (
                "s12-confidentiality",
                "job_materials_return",
                "2026-10-09T18:00:00+08:00",
                None,
            ),
            (
                "s12-confidentiality",
                "borrowed_document",
                "2026-10-09T18:00:00+08:00",
                None,
            ),
        ] {
            let p = ps.policy(policy).unwrap();
            let start: Start = accepted.parse().unwrap();
            let c = p.class(class).unwrap();
            let y = c.yellow_from(start, days).unwrap();
            let case = Case::new("C", class, start, days);
            let at = p.case_status(&case, y).unwrap();
            assert_eq!(at.status, Status::Yellow, "{class} at {y}");
            let before = y - chrono::Duration::seconds(1);
            if before.timestamp() > start_ts(start, p) {
                let st = p.case_status(&case, before).unwrap();
                assert_eq!(st.status, Status::OnTrack, "{class} at {before}");
            }
        }
    }

    fn start_ts(start: Start, p: &crate::Policy) -> i64 {
        match start {
            Start::Instant(t) => t.timestamp(),
            _ => Start::parse_instant("2000-01-01", p.calendar().offset())
                .unwrap()
                .timestamp(),
        }
    }
}
