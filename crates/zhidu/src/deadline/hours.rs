//! Office sessions (办公时间): the hours of the policy whose regulation states them.
//!
//! Office hours are not the calendar's: the calendar every policy shares holds holidays and
//! make-up working days only. A policy that counts `office_minutes`, or ends its days at
//! `office_close`, declares its own sessions with the clause that states them (S3's opening
//! hours are S3's, S3.open.1, A26).

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::calendar::parse_hhmm;
use crate::diagnostic::Diagnostic;
use crate::load::document::Document;
use crate::load::raw::{RawOfficeDays, RawOfficeSessions};
use crate::source::{Clause, DefaultNote};

/// An office session such as 08:30–11:00, half-open `[start, end)`, minutes from midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Session {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A policy's office sessions, with the clause that states them and the defaults they rest
/// on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OfficeHours {
    pub(crate) sessions: Vec<Session>,
    /// Kept every day (holidays and weekends too), not only on the calendar's working days.
    pub(crate) every_day: bool,
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

impl OfficeHours {
    /// Office close (end of the last session) in minutes from midnight.
    pub(crate) fn close(&self) -> u32 {
        self.sessions.last().map_or(24 * 60, |s| s.end)
    }
}

/// `{sessions: [["08:30", "11:00"], …], days: "working_days" | "every_day", source,
/// defaults}`.
impl Serialize for OfficeHours {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let hhmm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        let sessions: Vec<[String; 2]> = self
            .sessions
            .iter()
            .map(|s| [hhmm(s.start), hhmm(s.end)])
            .collect();
        let mut s = serializer.serialize_struct("OfficeSessions", 4)?;
        s.serialize_field("sessions", &sessions)?;
        s.serialize_field(
            "days",
            if self.every_day {
                "every_day"
            } else {
                "working_days"
            },
        )?;
        s.serialize_field("source", &self.source)?;
        s.serialize_field("defaults", &self.defaults)?;
        s.end()
    }
}

/// Validate `[policy.office_sessions]`: at least one session, each a pair of wall times,
/// in order and without overlap.
pub(crate) fn compile_office_hours(
    doc: &Document<'_>,
    raw: &RawOfficeSessions,
    out: &mut Vec<Diagnostic>,
) -> Option<OfficeHours> {
    let list = &raw.sessions;
    let before = out.len();
    if list.get_ref().is_empty() {
        out.push(doc.error_at(
            list.span(),
            "policy.office_sessions.sessions",
            "`sessions` is empty".to_owned(),
            Some("list the sessions as `[[\"08:30\", \"11:00\"], …]`".to_owned()),
        ));
        return None;
    }
    let mut sessions: Vec<Session> = Vec::new();
    for (i, [a, b]) in list.get_ref().iter().enumerate() {
        let path = format!("policy.office_sessions.sessions[{i}]");
        match (parse_hhmm(a), parse_hhmm(b)) {
            (Some(start), Some(end)) if start < end => {
                if sessions.last().is_some_and(|prev| prev.end > start) {
                    out.push(doc.error_at(
                        list.span(),
                        path,
                        format!("session `{a}`–`{b}` overlaps or precedes the one before it"),
                        Some("list sessions in order, without overlap".to_owned()),
                    ));
                } else {
                    sessions.push(Session { start, end });
                }
            }
            (Some(_), Some(_)) => out.push(doc.error_at(
                list.span(),
                path,
                format!("session `{a}`–`{b}` ends before it starts"),
                None,
            )),
            _ => out.push(doc.error_at(
                list.span(),
                path,
                format!("`{a}`–`{b}` is not a pair of wall times"),
                Some("write sessions as `[\"08:30\", \"11:00\"]`, 24-hour `HH:MM`".to_owned()),
            )),
        }
    }
    if out.len() > before {
        return None;
    }
    Some(OfficeHours {
        sessions,
        every_day: raw.days == Some(RawOfficeDays::EveryDay),
        source: Clause::from(&raw.source),
        defaults: raw.defaults.iter().map(DefaultNote::from).collect(),
    })
}

#[cfg(test)]
mod tests {
    use crate::{PolicySet, Start};

    const TOWN: &str = r#"[policy]
id = "town"
name = "镇便民服务中心"
version = "1"
effective_from = 2024-01-01
calendar = "cn-mainland"
source = "local rules"
day_ends_at = "office_close"

[policy.office_sessions]
sessions = [["08:30", "11:00"], ["14:30", "17:00"]]
source = { clause = "X.1", quote = "上午8:30—11:00,下午2:30—5:00" }
defaults = [{ param = "A26", note = "half-open" }]

[[class]]
id = "counter"
name = "窗口办件"
unit = "office_minutes"
limit = 400
source = { clause = "X.2", quote = "400分钟内办结" }

[[class]]
id = "permit"
name = "许可件"
unit = "working_days"
limit = 1
source = { clause = "X.3", quote = "1个工作日内办结" }
"#;

    fn start(s: &str) -> Start {
        s.parse().unwrap()
    }

    /// The sessions are the policy's: its explanations cite their clause and defaults, and
    /// its JSON carries them; the calendar's JSON has none.
    #[test]
    fn explanations_and_json_show_the_policy_s_sessions() {
        let ps = PolicySet::from_sources(&[("town.toml", TOWN)]).unwrap();
        let p = ps.policy("town").unwrap();
        // Fri 10:00–11:00 60, 14:30–17:00 150, Mon 08:30–11:00 150: 360; 40 more from 14:30.
        let ex = p
            .explain_due("counter", start("2026-11-27T10:00:00+08:00"), None)
            .unwrap();
        assert_eq!(ex.due.due_at.to_rfc3339(), "2026-11-30T15:10:00+08:00");
        assert!(ex.clause_ids.iter().any(|c| c == "X.1"));
        assert!(ex.defaults.iter().any(|d| d.param == "A26"));
        let v = serde_json::to_value(p).unwrap();
        assert_eq!(
            v["office_sessions"]["sessions"],
            serde_json::json!([["08:30", "11:00"], ["14:30", "17:00"]])
        );
        assert_eq!(v["office_sessions"]["source"]["clause"], "X.1");
        assert!(v["calendar"].get("office_sessions").is_none());
    }

    /// `day_ends_at = "office_close"` closes a day at the end of the policy's last session:
    /// 1 working day from Friday 2026-11-27 is due Monday 11-30 at 17:00.
    #[test]
    fn office_close_is_the_policy_s() {
        let ps = PolicySet::from_sources(&[("town.toml", TOWN)]).unwrap();
        let due = ps
            .policy("town")
            .unwrap()
            .due("permit", start("2026-11-27T10:00:00+08:00"), None)
            .unwrap();
        assert_eq!(due.due_at.to_rfc3339(), "2026-11-30T17:00:00+08:00");
    }

    /// Sessions kept every day (S3's 周一至周日, A26) count on weekends and holidays too.
    #[test]
    fn sessions_kept_every_day_count_on_weekends() {
        let text = TOWN.replace(
            "sessions = [[\"08:30\", \"11:00\"], [\"14:30\", \"17:00\"]]\n",
            "sessions = [[\"08:30\", \"11:00\"], [\"14:30\", \"17:00\"]]\ndays = \"every_day\"\n",
        );
        let ps = PolicySet::from_sources(&[("town.toml", &text)]).unwrap();
        let p = ps.policy("town").unwrap();
        // Fri 60 + 150 = 210; Sat 11-28 08:30–11:00 150 = 360; 40 more from Sat 14:30.
        let ex = p
            .explain_due("counter", start("2026-11-27T10:00:00+08:00"), None)
            .unwrap();
        assert_eq!(ex.due.due_at.to_rfc3339(), "2026-11-28T15:10:00+08:00");
        assert!(ex.rules[0].contains("of every day"));
        let v = serde_json::to_value(p).unwrap();
        assert_eq!(v["office_sessions"]["days"], "every_day");
    }

    /// A calendar that still carries office sessions is told where they go.
    #[test]
    fn a_calendar_has_no_office_sessions() {
        let cal = "[calendar]\nid = \"c\"\nname = \"c\"\nutc_offset = \"+08:00\"\n\
            first_year = 2026\nlast_year = 2026\nweekend = [\"saturday\", \"sunday\"]\n\
            source = \"s\"\noffice_sessions = [[\"08:30\", \"11:00\"]]\n\n\
            [[year]]\nyear = 2026\nnotice = \"n\"\n";
        let d = PolicySet::check_sources(&[("c.toml", cal)]).unwrap();
        assert_eq!(
            (d[0].line, d[0].path.as_str(), d[0].message.as_str()),
            (
                9,
                "calendar.office_sessions",
                "a calendar has no office sessions"
            )
        );
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .contains("[policy.office_sessions]")
        );
    }
}
