//! The row kinds of rotas and schedules: the rota's window list, an officer's absence, a
//! patrol, an action done towards an obligation.

use super::error::RowError;
use super::record::{FromRow, Record};
use super::schema::{Field, FieldType as T, Schema};
use crate::deadline::Start;
use crate::rota::DutyWindow;

/// A window of the ordered rota list (`zhidu rota --windows`), in rotation order.
pub static DUTY_WINDOW: Schema = Schema::new(
    "duty_window",
    &[
        Field::required("window", T::Text, "the window, in rotation order"),
        Field::optional(
            "head",
            T::Text,
            "the window head (窗口负责人), the duty officer (S4.est.2)",
        ),
    ],
    "a duty window has `window` and optionally `head`",
);

/// A duty officer away (S4.req.3), with the stand-in named.
pub static AWAY: Schema = Schema::new(
    "away",
    &[
        Field::required("window", T::Text, "the duty window whose officer is away"),
        Field::required("from", T::Instant, "the first day away"),
        Field::optional("until", T::Instant, "the last day away; default: `from`"),
        Field::optional(
            "stand_in",
            T::Text,
            "the person named to stand in (指定专人); default: none named",
        ),
    ],
    "an absence has `window` and `from`, and optionally `until` and `stand_in`",
);

/// A hall patrol of a duty window (S4.req.1).
pub static PATROL: Schema = Schema::new(
    "patrol",
    &[
        Field::required("window", T::Text, "the duty window that patrolled"),
        Field::required("at", T::Instant, "when (a date counts for its day)"),
        Field::optional("by", T::Text, "who patrolled (the officer or the stand-in)"),
    ],
    "a patrol has `window` and `at`, and optionally `by`",
);

/// An action done towards a recurring obligation (`zhidu obligations --log`).
pub static ACTION: Schema = Schema::new(
    "action",
    &[
        Field::required("obligation", T::Text, "the obligation's id in the policy"),
        Field::required(
            "at",
            T::Instant,
            "when it was done (a time of day where the obligation has one)",
        ),
        Field::optional("by", T::Text, "who did it"),
    ],
    "an action has `obligation` and `at`, and optionally `by`",
);

/// An officer away from duty, and who stands in.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, Away};
/// let a: Away = zhidu::rows::read(Cell::from_json(&serde_json::json!({"window": "W01", "from": "2027-01-05", "stand_in": "王五"})), 1).unwrap();
/// assert_eq!(a.stand_in.as_deref(), Some("王五"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Away {
    /// The duty window.
    pub window: String,
    /// The first day away.
    pub from: Start,
    /// The last day away.
    pub until: Option<Start>,
    /// The stand-in named.
    pub stand_in: Option<String>,
}

/// A hall patrol.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, Patrol};
/// let p: Patrol = zhidu::rows::read(Cell::from_json(&serde_json::json!({"window": "W01", "at": "2027-01-04T09:30"})), 1).unwrap();
/// assert_eq!(p.window, "W01");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Patrol {
    /// The duty window.
    pub window: String,
    /// When.
    pub at: Start,
    /// Who.
    pub by: Option<String>,
}

/// An action done towards an obligation.
///
/// # Example
///
/// ```
/// use zhidu::rows::{Cell, Action};
/// let a: Action = zhidu::rows::read(Cell::from_json(&serde_json::json!({"obligation": "rodents", "at": "2027-03-10"})), 1).unwrap();
/// assert_eq!(a.obligation, "rodents");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Action {
    /// The obligation's id.
    pub obligation: String,
    /// When.
    pub at: Start,
    /// Who.
    pub by: Option<String>,
}

impl FromRow for DutyWindow {
    const SCHEMA: &'static Schema = &DUTY_WINDOW;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        let window = r.required_text("window")?;
        let head = r.text("head")?;
        Ok(DutyWindow::new(window, head.as_deref()))
    }
}

impl FromRow for Away {
    const SCHEMA: &'static Schema = &AWAY;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(Away {
            window: r.required_text("window")?,
            from: r.required_instant("from")?,
            until: r.instant("until")?,
            stand_in: r.text("stand_in")?,
        })
    }
}

impl FromRow for Patrol {
    const SCHEMA: &'static Schema = &PATROL;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(Patrol {
            window: r.required_text("window")?,
            at: r.required_instant("at")?,
            by: r.text("by")?,
        })
    }
}

impl FromRow for Action {
    const SCHEMA: &'static Schema = &ACTION;
    fn from_record(r: &mut Record) -> Result<Self, RowError> {
        Ok(Action {
            obligation: r.required_text("obligation")?,
            at: r.required_instant("at")?,
            by: r.text("by")?,
        })
    }
}
