//! Office sessions (办公时间): the hours of the policy whose regulation states them.
//!
//! Office hours are not the calendar's: the calendar every policy shares holds holidays and
//! make-up working days only. A policy that counts `office_minutes`, or ends its days at
//! `office_close`, declares its own sessions with the clause that states them (S3's opening
//! hours are S3's, S3.open.1, A26).

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::document::Document;
use super::raw::RawOfficeSessions;
use crate::calendar::parse_hhmm;
use crate::diagnostic::Diagnostic;
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
    pub(crate) source: Clause,
    pub(crate) defaults: Vec<DefaultNote>,
}

impl OfficeHours {
    /// Office close (end of the last session) in minutes from midnight.
    pub(crate) fn close(&self) -> u32 {
        self.sessions.last().map_or(24 * 60, |s| s.end)
    }
}

/// `{sessions: [["08:30", "11:00"], …], source, defaults}`.
impl Serialize for OfficeHours {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let hhmm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        let sessions: Vec<[String; 2]> = self
            .sessions
            .iter()
            .map(|s| [hhmm(s.start), hhmm(s.end)])
            .collect();
        let mut s = serializer.serialize_struct("OfficeSessions", 3)?;
        s.serialize_field("sessions", &sessions)?;
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
        source: Clause::from(&raw.source),
        defaults: raw.defaults.iter().map(DefaultNote::from).collect(),
    })
}
