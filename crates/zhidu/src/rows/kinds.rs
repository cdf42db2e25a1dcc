//! The row kinds of the core's inputs, each declared once: its schema and its reader.

use super::cell::Cell;
use super::error::RowError;
use super::problem::RowProblem;
use super::record::{FromRow, Record};
use super::schema::{Field, FieldType as T, Schema};
use super::values;
use crate::assess::Incident;
use crate::case::{Case, CaseEvent, MAX_EVENTS_PER_CASE};
use crate::deadline::Start;
use crate::decide::ViolationRecord;

/// A case of a case log (`zhidu cases`, the overdue deductions of `assess`).
pub static CASE: Schema = Schema::new(
    "case",
    &[
        Field::required("id", T::Text, "the case's id in the log"),
        Field::required("class", T::Text, "deadline class or service item id").alias(&["item"]),
        Field::required("accepted_at", T::Instant, "when it was accepted (受理)"),
        Field::optional(
            "days",
            T::Days,
            "the per-case limit (promised days); default: the class's",
        ),
        Field::optional("handler", T::Text, "the handling person"),
        Field::optional("window", T::Text, "the window (窗口)"),
        Field::optional(
            "completed_at",
            T::Instant,
            "when it was completed (办结); default: open",
        ),
        Field::optional(
            "events",
            T::Events,
            "suspensions, resumptions, extensions, clock starts; default: none",
        ),
        Field::optional("joint", T::Bool, "a joint item (联办件, A18); default: no"),
    ],
    "a case has `id`, `class`, `accepted_at` and optionally `days`, `handler`, `window`, \
     `completed_at`, `events` and `joint`",
);

/// An event of a case, as an object in a case's `events` list.
pub static EVENT: Schema = Schema::new(
    "event",
    &[
        Field::required(
            "kind",
            T::Text,
            "`suspend`, `resume`, `extend`, `start` or `step`",
        ),
        Field::required("at", T::Instant, "when"),
        Field::optional(
            "reason",
            T::Text,
            "a suspension reason id (required to suspend), or an extension's logged notice",
        ),
        Field::optional(
            "days",
            T::Days,
            "units an extension adds (required to extend)",
        ),
        Field::optional("approved_by", T::Text, "who approved an extension"),
        Field::optional(
            "step",
            T::Text,
            "the flow step done (required by `step`, S14.biz.1.2a)",
        ),
    ],
    "an event has `kind` (`suspend`, `resume`, `extend`, `start` or `step`) and `at`; \
     `suspend` takes a `reason`, `extend` takes `days` and optionally `approved_by` and \
     `reason`, `step` takes `step`",
);

/// An incident of a deduction table (`assess`, `rank`).
pub static INCIDENT: Schema = Schema::new(
    "incident",
    &[
        Field::required("subject", T::Text, "the person (or anyone on the window)"),
        Field::optional("window", T::Text, "the person's window"),
        Field::optional("department", T::Text, "the person's department"),
        Field::required("at", T::Instant, "when it happened"),
        Field::required(
            "rule",
            T::Text,
            "the rule code, a clause id such as `S14.att.1a`",
        ),
        Field::optional("quantity", T::Whole, "units of the rule; default: 1"),
        Field::optional(
            "points",
            T::Whole,
            "the magnitude chosen in a discretionary range, without sign",
        ),
        Field::optional("case", T::Text, "the case it concerns"),
        Field::optional(
            "note",
            T::Text,
            "the assessor's reason (required with a chosen value, A6)",
        ),
        Field::optional(
            "basis",
            T::Text,
            "the rule whose amount applies (S2.kq.5, A30)",
        ),
        Field::optional(
            "ref",
            T::Text,
            "the deed the incident is about: bonuses of one family count once per `ref` (A33)",
        ),
    ],
    "an incident has `subject`, `at` and `rule`, and optionally `window`, `department`, \
     `quantity`, `points`, `case`, `note`, `basis` and `ref`",
);

/// A violation record of the accountability rules (`decide`).
pub static VIOLATION: Schema = Schema::new(
    "violation",
    &[
        Field::required("subject", T::Text, "the person"),
        Field::required("at", T::Instant, "when"),
        Field::required(
            "violation",
            T::Text,
            "the violation's clause id, such as `S2.zr.t1.1`",
        ),
        Field::optional(
            "flags",
            T::Flags,
            "flag ids set by a person (情节严重 …); default: none",
        ),
        Field::optional("note", T::Text, "a note"),
        Field::optional(
            "amount",
            T::Amount,
            "the original price of the item, for a clause of 照价赔偿",
        ),
    ],
    "a violation has `subject`, `at` and `violation`, and optionally `flags` (a list or a \
     `;`-separated text), `note` and `amount` (the original price, 照价赔偿)",
);

/// A roster entry: someone to score even without incidents.
pub static ROSTER: Schema = Schema::new(
    "roster",
    &[
        Field::required("subject", T::Text, "the person"),
        Field::required("window", T::Text, "the person's window"),
    ],
    "a roster entry has `subject` and `window`",
);

/// A row of a due-date batch (`zhidu due --input`).
pub static DUE: Schema = Schema::new(
    "due",
    &[
        Field::required("accepted_at", T::Instant, "when the clock starts"),
        Field::optional("days", T::Days, "the per-case limit; default: the class's"),
    ],
    "a due row has `accepted_at` and optionally `days`",
);

/// The facts about an enterprise on the day it applies (`triggers`, S8.verify).
pub static ENTERPRISE: Schema = Schema::new(
    "enterprise",
    &[
        Field::required("enterprise", T::Text, "the enterprise"),
        Field::required("as_of", T::Instant, "the day of the application"),
        Field::optional(
            "new_enterprise",
            T::Bool,
            "a newly established processing-trade firm; default: no",
        ),
        Field::optional(
            "new_contract",
            T::Bool,
            "it applies for a new contract; default: no",
        ),
        Field::optional(
            "halt_start",
            T::Instant,
            "the first day of a production halt",
        ),
        Field::optional(
            "halt_end",
            T::Instant,
            "the day production resumed; default: the halt lasts until `as_of`",
        ),
        Field::optional(
            "beyond_scope",
            T::Bool,
            "products beyond the original business scope; default: no",
        ),
        Field::optional(
            "declared",
            T::Amount,
            "the quantity the new contract declares",
        ),
        Field::optional(
            "writeoffs",
            T::Flags,
            "contracts executed, each `date=quantity` written off",
        ),
        Field::optional("rent_arrears_months", T::Days, "months of rent in arrears"),
        Field::optional("wage_arrears_months", T::Days, "months of wages in arrears"),
        Field::optional(
            "other",
            T::Text,
            "another reason to verify, recorded by a person",
        ),
    ],
    "an enterprise row has `enterprise` and `as_of`, and the facts the triggers read: \
     `new_enterprise`, `new_contract`, `halt_start`, `halt_end`, `beyond_scope`, `declared`, \
     `writeoffs` (`date=quantity;…`), `rent_arrears_months`, `wage_arrears_months`, `other`",
);

/// A trainee of the 随岗培训班 (`subsidies`, S8.train.1).
pub static TRAINEE: Schema = Schema::new(
    "trainee",
    &[
        Field::required(
            "person",
            T::Text,
            "the trainee, a registered unemployed person",
        ),
        Field::required(
            "employer",
            T::Text,
            "the employer the trainee is placed with",
        ),
        Field::required("start", T::Instant, "the first day of training"),
        Field::required("end", T::Instant, "the last day of training"),
    ],
    "a trainee row has `person`, `employer`, `start` and `end`",
);

/// Every row kind of the core, in the order of the README's input-format table.
pub static KINDS: [&Schema; 14] = [
    &CASE,
    &EVENT,
    &INCIDENT,
    &VIOLATION,
    &ROSTER,
    &DUE,
    &super::DUTY_WINDOW,
    &super::AWAY,
    &super::PATROL,
    &super::ACTION,
    &REQUEST,
    &RECORD,
    &ENTERPRISE,
    &TRAINEE,
];

/// An access request (`zhidu access`, [`crate::Policy::access`]).
pub static REQUEST: Schema = Schema::new(
    "request",
    &[
        Field::required("subject", T::Text, "the person").alias(&["who"]),
        Field::required(
            "role",
            T::Text,
            "the person's role or level, as the policy names it",
        ),
        Field::required(
            "action",
            T::Text,
            "`read`, `copy`, `borrow`, `lend`, `take_out`, `repair`, `share` …",
        ),
        Field::optional(
            "item",
            T::Text,
            "the item, as the policy's rules name items",
        ),
        Field::optional(
            "level",
            T::Text,
            "the item's secrecy level (绝密, 机密, 秘密 …)",
        ),
        Field::optional(
            "scope",
            T::Text,
            "the item's scope item when it has no level",
        ),
        Field::optional(
            "facts",
            T::Flags,
            "facts the rules read (approvals given, `work_need` …); default: none",
        ),
        Field::optional("note", T::Text, "a note"),
    ],
    "a request has `subject`, `role` and `action`, and optionally `item`, `level`, `scope`, \
     `facts` (a list or a `;`-separated text) and `note`",
);

/// A record to keep (`zhidu retention`, [`crate::Policy::retention`]).
pub static RECORD: Schema = Schema::new(
    "record",
    &[
        Field::required("id", T::Text, "the record's id"),
        Field::required(
            "kind",
            T::Text,
            "the record's kind, as the policy's rules name it",
        ),
        Field::optional(
            "date",
            T::Instant,
            "the record's date (required by period rules)",
        ),
        Field::optional(
            "event_on",
            T::Instant,
            "when the event of an event rule happened (made public, discarded)",
        ),
        Field::optional("note", T::Text, "a note"),
    ],
    "a record has `id` and `kind`, and optionally `date`, `event_on` and `note`",
);

impl FromRow for crate::AccessRequest {
    const SCHEMA: &'static Schema = &REQUEST;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let mut q = crate::AccessRequest::new(
            r.required_text("subject")?,
            r.required_text("role")?,
            r.required_text("action")?,
        );
        q.item = r.text("item")?;
        q.level = r.text("level")?;
        q.scope = r.text("scope")?;
        q.facts = r.flags("facts")?;
        q.note = r.text("note")?;
        Ok(q)
    }
}

impl FromRow for crate::RetentionRecord {
    const SCHEMA: &'static Schema = &RECORD;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(crate::RetentionRecord {
            id: r.required_text("id")?,
            kind: r.required_text("kind")?,
            date: r.instant("date")?,
            event_on: r.instant("event_on")?,
            note: r.text("note")?,
        })
    }
}

impl FromRow for crate::EnterpriseFacts {
    const SCHEMA: &'static Schema = &ENTERPRISE;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let mut f = crate::EnterpriseFacts::new(
            r.required_text("enterprise")?,
            r.required_instant("as_of")?,
        );
        f.new_enterprise = r.boolean("new_enterprise")?;
        f.new_contract = r.boolean("new_contract")?;
        f.halt_start = r.instant("halt_start")?;
        f.halt_end = r.instant("halt_end")?;
        f.beyond_scope = r.boolean("beyond_scope")?;
        f.declared = r.amount("declared")?;
        let writeoffs = r.flags("writeoffs")?;
        f.writeoffs = writeoffs
            .iter()
            .map(|w| {
                crate::WriteOff::parse(w).map_err(|e| {
                    r.problem(
                        "writeoffs",
                        RowProblem::BadEvent {
                            detail: e.to_string(),
                        },
                    )
                    .hint("write each contract as `date=quantity`, e.g. `2026-03-01=1000;2026-08-15=1500`")
                })
            })
            .collect::<Result<_, _>>()?;
        f.rent_arrears_months = r.days("rent_arrears_months")?;
        f.wage_arrears_months = r.days("wage_arrears_months")?;
        f.other = r.text("other")?;
        Ok(f)
    }
}

impl FromRow for crate::Trainee {
    const SCHEMA: &'static Schema = &TRAINEE;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(crate::Trainee::new(
            r.required_text("person")?,
            r.required_text("employer")?,
            r.required_instant("start")?,
            r.required_instant("end")?,
        ))
    }
}

impl FromRow for Case {
    const SCHEMA: &'static Schema = &CASE;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let mut case = Case::new(
            r.required_text("id")?,
            r.required_text("class")?,
            r.required_instant("accepted_at")?,
            r.days("days")?,
        );
        case.handler = r.text("handler")?;
        case.window = r.text("window")?;
        case.completed_at = r.instant("completed_at")?;
        let events = r.cell("events");
        case.events = events_of(r, &events)?;
        case.joint = r.boolean("joint")?;
        Ok(case)
    }
}

/// A case's events: a list of event objects, or the compact text form.
fn events_of(r: &Record, cell: &Cell) -> Result<Vec<CaseEvent>, RowError> {
    if cell.is_missing() {
        return Ok(Vec::new());
    }
    match cell {
        Cell::Text(t) => CaseEvent::parse_list(t).map_err(|e| {
            let err = r.problem(
                "events",
                RowProblem::BadEvent {
                    detail: e.to_string(),
                },
            );
            match e.help() {
                Some(h) => err.hint(h),
                None => err,
            }
        }),
        Cell::List(items) => {
            if items.len() > MAX_EVENTS_PER_CASE {
                return Err(r.problem(
                    "events",
                    RowProblem::TooMany {
                        limit: MAX_EVENTS_PER_CASE,
                    },
                ));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    Record::from_cell(&EVENT, item.clone())
                        .and_then(|mut e| CaseEvent::from_record(&mut e))
                        .map_err(|e| {
                            r.problem(
                                "events",
                                RowProblem::BadEvent {
                                    detail: format!("event {}: {}", i + 1, e.message()),
                                },
                            )
                            .hint(e.hint.unwrap_or_else(|| EVENT.hint.to_owned()))
                        })
                })
                .collect()
        }
        other => Err(r.problem(
            "events",
            RowProblem::NotList {
                got: other.describe(),
            },
        )),
    }
}

impl FromRow for CaseEvent {
    const SCHEMA: &'static Schema = &EVENT;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let kind = r.required_text("kind")?;
        let at = r.required_instant("at")?;
        Ok(match kind.as_str() {
            "suspend" => CaseEvent::Suspend {
                at,
                reason: r.required_text("reason")?,
            },
            "resume" => CaseEvent::Resume { at },
            "start" => CaseEvent::Start { at },
            "step" => CaseEvent::Step {
                at,
                step: r.required_text("step")?,
            },
            "extend" => CaseEvent::Extend {
                at,
                days: r
                    .days("days")?
                    .ok_or_else(|| r.problem("days", RowProblem::Missing))?,
                approved_by: r.text("approved_by")?,
                reason: r.text("reason")?,
            },
            other => {
                return Err(r
                    .problem(
                        "kind",
                        RowProblem::BadEvent {
                            detail: format!(
                                "`{}` is not `suspend`, `resume`, `extend`, `start` or `step`",
                                super::cell::shown(other)
                            ),
                        },
                    )
                    .hint(EVENT.hint));
            }
        })
    }
}

impl FromRow for Incident {
    const SCHEMA: &'static Schema = &INCIDENT;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let subject = r.required_text("subject")?;
        let window = r.text("window")?;
        let department = r.text("department")?;
        let at = r.required_instant("at")?;
        let mut i = Incident::new(subject, r.required_text("rule")?, at);
        i.window = window;
        i.department = department;
        i.quantity = r.whole("quantity")?;
        i.points = r.whole("points")?;
        i.case = r.text("case")?;
        i.note = r.text("note")?;
        i.basis = r.text("basis")?;
        i.reference = r.text("ref")?;
        Ok(i)
    }
}

impl FromRow for ViolationRecord {
    const SCHEMA: &'static Schema = &VIOLATION;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let subject = r.required_text("subject")?;
        let at = r.required_instant("at")?;
        let mut v = ViolationRecord::new(subject, r.required_text("violation")?, at);
        v.flags = r.flags("flags")?;
        v.note = r.text("note")?;
        v.amount = r.amount("amount")?;
        Ok(v)
    }
}

/// Someone to score in a period, incidents or not.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, RosterEntry};
/// let e: RosterEntry = zhidu::rows::read(Cell::from_json(&serde_json::json!({"subject": "李四", "window": "W02"})), 1).unwrap();
/// assert_eq!(e.pair(), ("李四".to_owned(), "W02".to_owned()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RosterEntry {
    /// The person.
    pub subject: String,
    /// The person's window.
    pub window: String,
}

impl RosterEntry {
    /// The row of a `(person, window)` pair a host was given (a pair, or a mapping's
    /// key and value), to be read like any roster row.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, RosterEntry};
    /// let row = RosterEntry::row(Cell::Text("李四".into()), Cell::Integer(2));
    /// let e: RosterEntry = zhidu::rows::read(row, 1).unwrap();
    /// assert_eq!(e.window, "2");
    /// ```
    #[must_use]
    pub fn row(subject: Cell, window: Cell) -> Cell {
        Cell::Record(vec![
            ("subject".to_owned(), subject),
            ("window".to_owned(), window),
        ])
    }

    /// The `(person, window)` pair that [`crate::AssessRequest::roster`] takes.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Cell, RosterEntry};
    /// let e: RosterEntry = zhidu::rows::read(Cell::from_json(&serde_json::json!({"subject": "李四", "window": "W02"})), 1).unwrap();
    /// assert_eq!(e.pair().1, "W02");
    /// ```
    #[must_use]
    pub fn pair(&self) -> (String, String) {
        (self.subject.clone(), self.window.clone())
    }
}

impl FromRow for RosterEntry {
    const SCHEMA: &'static Schema = &ROSTER;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(RosterEntry {
            subject: r.required_text("subject")?,
            window: r.required_text("window")?,
        })
    }
}

/// One row of a due-date batch: a start and, for classes that take one, a limit.
///
/// # Example
///
/// ```
/// let row = zhidu::rows::DueRow::from_texts("2026-09-30", Some("5")).unwrap();
/// assert_eq!(row.days, Some(5));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DueRow {
    /// When the clock starts.
    pub accepted_at: Start,
    /// The per-case limit.
    pub days: Option<u32>,
}

impl DueRow {
    /// A due row from two texts (a CSV row), without building cells: the streaming batch's
    /// fast path, reading exactly as [`DUE`] reads cells.
    ///
    /// # Errors
    ///
    /// The row error of the first bad field.
    ///
    /// # Example
    ///
    /// ```
    /// let e = zhidu::rows::DueRow::from_texts("2026-09-30", Some("-5")).unwrap_err();
    /// assert_eq!((e.code(), e.field.as_deref()), ("out_of_range", Some("days")));
    /// ```
    pub fn from_texts(accepted_at: &str, days: Option<&str>) -> Result<DueRow, RowError> {
        let field = |name: &str, p: RowProblem| {
            let e = RowError::new(DUE.kind, p).field(name);
            if e.problem == RowProblem::Missing {
                e.hint(DUE.hint)
            } else {
                e
            }
        };
        let accepted_at = values::instant_text(accepted_at)
            .map_err(|p| field("accepted_at", p))?
            .ok_or_else(|| field("accepted_at", RowProblem::Missing))?;
        let days = match days {
            Some(d) => values::days_text(d).map_err(|p| field("days", p))?,
            None => None,
        };
        Ok(DueRow { accepted_at, days })
    }
}

impl FromRow for DueRow {
    const SCHEMA: &'static Schema = &DUE;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(DueRow {
            accepted_at: r.required_instant("accepted_at")?,
            days: r.days("days")?,
        })
    }
}
