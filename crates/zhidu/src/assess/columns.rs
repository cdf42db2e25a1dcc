//! Incidents as columns (issue #16): texts given once each and referred to by position (a
//! dictionary), instants as integers, quantities and points as integer columns. The scorer
//! reads them in place: a rule is looked up once per distinct code and a card once per
//! distinct subject, and no incident allocates. The answers are those of the same incidents
//! as rows (`crates/zhidu/tests/columns.rs` holds the two paths equal).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::cards::{Slots, UNKNOWN};
use super::incidents::{Fixed, Plan, Scoring};
use super::model;
use super::resolve;
use super::view::View;
use crate::Error;
use crate::columns::{NAT, from_epoch_day};
use crate::deadline::Start;
use crate::rows::{INCIDENT, RowError, RowProblem};

/// A column of texts: the distinct texts once (`values`), and for each row the position of
/// its text (`codes`). A code past the values, such as [`TextColumn::MISSING`], is a missing
/// value; texts are trimmed and an empty one is missing, as in every row reader. The same
/// text may appear twice among the values (an Arrow dictionary may repeat one).
///
/// # Example
///
/// ```
/// let c = zhidu::TextColumn::new(&["张三", "李四"], &[1, 0, zhidu::TextColumn::MISSING]);
/// assert_eq!(c.len(), 3);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct TextColumn<'a> {
    values: &'a [&'a str],
    codes: &'a [u32],
}

impl<'a> TextColumn<'a> {
    /// The code of a missing value.
    pub const MISSING: u32 = u32::MAX;

    /// A column of `codes.len()` rows over `values`.
    ///
    /// # Example
    ///
    /// ```
    /// let c = zhidu::TextColumn::new(&["S2.assess.qin.1"], &[0; 4]);
    /// assert!(!c.is_empty());
    /// ```
    #[must_use]
    pub fn new(values: &'a [&'a str], codes: &'a [u32]) -> Self {
        TextColumn { values, codes }
    }

    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::TextColumn::new(&[], &[]).len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the column has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::TextColumn::new(&["x"], &[]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The text of row `i` as given (untrimmed), if any.
    fn raw(&self, i: usize) -> Option<&'a str> {
        let code = *self.codes.get(i)?;
        self.values.get(code as usize).copied()
    }
}

/// The unit of an integer instant column.
///
/// # Example
///
/// ```
/// let u = zhidu::InstantUnit::Millisecond;
/// # let _ = u;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstantUnit {
    /// Seconds.
    Second,
    /// Milliseconds.
    Millisecond,
    /// Microseconds.
    Microsecond,
    /// Nanoseconds.
    Nanosecond,
}

impl InstantUnit {
    /// Units per second.
    fn per_second(self) -> i64 {
        match self {
            InstantUnit::Second => 1,
            InstantUnit::Millisecond => 1_000,
            InstantUnit::Microsecond => 1_000_000,
            InstantUnit::Nanosecond => 1_000_000_000,
        }
    }

    /// The date and time of `value` units since 1970-01-01 00:00, if chrono has it: what
    /// `DateTime::from_timestamp` gives, with the date of the day found in `days`.
    fn instant(self, value: i64, days: &mut DayCache) -> Option<NaiveDateTime> {
        const DAY: i64 = 86_400;
        let (seconds, nanos) = match self {
            // No division for whole seconds (what most hosts give).
            InstantUnit::Second => (value, 0),
            unit => {
                let per = unit.per_second();
                let nanos = u32::try_from(value.rem_euclid(per) * (1_000_000_000 / per)).ok()?;
                (value.div_euclid(per), nanos)
            }
        };
        // One division: the remainder follows from the quotient (wrapping: the product can
        // pass `i64::MIN` for the earliest seconds, the difference is exact modulo 2⁶⁴ and
        // lies in 0..DAY).
        let day = seconds.div_euclid(DAY);
        let of_day = u32::try_from(seconds.wrapping_sub(day.wrapping_mul(DAY))).ok()?;
        let time = NaiveTime::from_num_seconds_from_midnight_opt(of_day, nanos)?;
        Some(NaiveDateTime::new(days.date(day)?, time))
    }
}

/// The dates of recently seen day numbers: turning a day number into a date is most of the
/// cost of reading an instant, and a period's incidents fall on a few dozen days.
struct DayCache {
    slots: [(i64, NaiveDate); 64],
}

impl DayCache {
    fn new() -> DayCache {
        DayCache {
            slots: [(NAT, NaiveDate::MIN); 64],
        }
    }

    /// The date of day number `day` (days since 1970-01-01), if chrono has it.
    fn date(&mut self, day: i64) -> Option<NaiveDate> {
        let slot = self
            .slots
            .get_mut(usize::try_from(day.rem_euclid(64)).ok()?)?;
        if slot.0 != day {
            *slot = (day, from_epoch_day(day)?);
        }
        Some(slot.1)
    }
}

/// A column of instants as integers; [`NAT`] (and a value out of chrono's range) is a
/// missing value.
///
/// # Example
///
/// ```
/// use zhidu::{InstantColumn, InstantUnit};
/// let c = InstantColumn::Instants(&[1_791_795_600_000], InstantUnit::Millisecond);
/// assert_eq!(c.len(), 1);
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum InstantColumn<'a> {
    /// Instants: units since 1970-01-01 00:00 UTC (an Arrow timestamp with a time zone).
    Instants(&'a [i64], InstantUnit),
    /// Wall times in the calendar's zone, counted as if that zone were UTC (an Arrow
    /// timestamp without a time zone, numpy's `datetime64`).
    WallTimes(&'a [i64], InstantUnit),
    /// Dates: days since 1970-01-01 (Arrow's `Date32`), the start of the day in the
    /// calendar's zone.
    Days(&'a [i64]),
}

impl InstantColumn<'_> {
    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::InstantColumn::Days(&[20738, 20739]).len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            InstantColumn::Instants(v, _) | InstantColumn::WallTimes(v, _) => v.len(),
            InstantColumn::Days(v) => v.len(),
        }
    }

    /// Whether the column has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(zhidu::InstantColumn::Days(&[]).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The instant of row `i` in the calendar's zone `offset`, as a row reader would read
    /// it and the scorer place it (`resolve`); `None` when the row has no value. Instants
    /// skip the [`Start`] they would be read as: each is one `DateTime` away from its date
    /// and time (issue #16: the detour was a tenth of an incident's cost).
    #[inline(always)]
    fn at(
        &self,
        i: usize,
        days: &mut DayCache,
        offset: FixedOffset,
    ) -> Option<Result<DateTime<FixedOffset>, Error>> {
        match self {
            InstantColumn::Instants(v, unit) => {
                let x = *v.get(i).filter(|&&x| x != NAT)?;
                let utc = unit.instant(x, days)?;
                Some(Ok(DateTime::from_naive_utc_and_offset(utc, offset)))
            }
            _ => Some(resolve(self.start(i, days)?, offset)),
        }
    }

    /// The start of row `i`, as a row reader would read the same value.
    fn start(&self, i: usize, days: &mut DayCache) -> Option<Start> {
        match self {
            InstantColumn::Instants(v, unit) => {
                let x = *v.get(i).filter(|&&x| x != NAT)?;
                Some(Start::Instant(
                    unit.instant(x, days)?.and_utc().fixed_offset(),
                ))
            }
            InstantColumn::WallTimes(v, unit) => {
                let x = *v.get(i).filter(|&&x| x != NAT)?;
                Some(Start::Local(unit.instant(x, days)?))
            }
            InstantColumn::Days(v) => {
                let d = *v.get(i).filter(|&&d| d != NAT)?;
                days.date(d).map(Start::Date)
            }
        }
    }
}

/// Incidents as columns, named as the fields of [`INCIDENT`]: `subject`, `at` and `rule`,
/// and optionally the others. [`crate::AssessRequest::incident_columns`] scores them.
///
/// Rows a host could not read (a float quantity with a fraction, say) are given by position
/// (from 0) with their errors ([`IncidentColumns::unreadable`]): each is reported in its
/// place as if it were a bad row. `department` is accepted and, as in the rows, not scored.
///
/// # Example
///
/// ```
/// use zhidu::{AssessRequest, IncidentColumns, InstantColumn, TextColumn};
/// let ps = zhidu::PolicySet::builtin()?;
/// let p = ps.policy("s14-window-scorecard")?;
/// let (people, rules, windows) = (["张三", "李四"], ["S14.att.2", "S14.att.6"], ["W01"]);
/// let quantity = [Some(2), None, None];
/// let points = [None, None, Some(15)];
/// let note = ["考评小组评议"];
/// let columns = IncidentColumns::new(
///     TextColumn::new(&people, &[0, 1, 1]),
///     InstantColumn::Days(&[20738, 20738, 20739]),
///     TextColumn::new(&rules, &[0, 0, 1]),
/// )
/// .window(TextColumn::new(&windows, &[0, 0, 0]))
/// .quantity(&quantity)
/// .points(&points)
/// .note(TextColumn::new(&note, &[TextColumn::MISSING, TextColumn::MISSING, 0]));
/// let out = p.assess(&AssessRequest::new("2026-10".parse()?).incident_columns(&columns).lines(false))?;
/// assert_eq!(out.card("张三").map(|c| c.total), Some(86)); // 90 − 2 × 2 (迟到, S14.att.2)
/// assert_eq!(out.card("李四").map(|c| c.total), Some(73)); // 90 − 2 − 15 (S14.att.6, chosen 15)
/// # Ok::<(), zhidu::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct IncidentColumns<'a> {
    subject: TextColumn<'a>,
    at: InstantColumn<'a>,
    rule: TextColumn<'a>,
    window: Option<TextColumn<'a>>,
    department: Option<TextColumn<'a>>,
    quantity: Option<&'a [Option<i64>]>,
    points: Option<&'a [Option<i64>]>,
    case: Option<TextColumn<'a>>,
    note: Option<TextColumn<'a>>,
    basis: Option<TextColumn<'a>>,
    reference: Option<TextColumn<'a>>,
    unreadable: &'a [(usize, Error)],
}

impl<'a> IncidentColumns<'a> {
    /// The three columns every incident has; the row count is `subject`'s.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]));
    /// assert_eq!(c.len(), 0);
    /// ```
    #[must_use]
    pub fn new(subject: TextColumn<'a>, at: InstantColumn<'a>, rule: TextColumn<'a>) -> Self {
        IncidentColumns {
            subject,
            at,
            rule,
            window: None,
            department: None,
            quantity: None,
            points: None,
            case: None,
            note: None,
            basis: None,
            reference: None,
            unreadable: &[],
        }
    }

    /// The number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&["张三"], &[0]), InstantColumn::Days(&[20738]), TextColumn::new(&["S2.assess.qin.1"], &[0]));
    /// assert!(!c.is_empty());
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.subject.len()
    }

    /// Whether there are no rows.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// assert!(IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[])).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The person's window.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .window(TextColumn::new(&[], &[]));
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn window(mut self, column: TextColumn<'a>) -> Self {
        self.window = Some(column);
        self
    }

    /// The person's department (read, not scored).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .department(TextColumn::new(&[], &[]));
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn department(mut self, column: TextColumn<'a>) -> Self {
        self.department = Some(column);
        self
    }

    /// Units of the rule (`None`: 1).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .quantity(&[]);
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn quantity(mut self, column: &'a [Option<i64>]) -> Self {
        self.quantity = Some(column);
        self
    }

    /// The magnitudes chosen in discretionary ranges, without sign.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .points(&[]);
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn points(mut self, column: &'a [Option<i64>]) -> Self {
        self.points = Some(column);
        self
    }

    /// The case each incident concerns.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .case(TextColumn::new(&[], &[]));
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn case(mut self, column: TextColumn<'a>) -> Self {
        self.case = Some(column);
        self
    }

    /// The assessor's reasons (required with a chosen value, A6).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .note(TextColumn::new(&[], &[]));
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn note(mut self, column: TextColumn<'a>) -> Self {
        self.note = Some(column);
        self
    }

    /// The rule whose amount applies, for a rule priced by another (S2.kq.5, A30).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .basis(TextColumn::new(&[], &[]));
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn basis(mut self, column: TextColumn<'a>) -> Self {
        self.basis = Some(column);
        self
    }

    /// The deed each incident is about (`ref`: bonuses of one family count once, A33).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{IncidentColumns, InstantColumn, TextColumn};
    /// let c = IncidentColumns::new(TextColumn::new(&[], &[]), InstantColumn::Days(&[]), TextColumn::new(&[], &[]))
    ///     .reference(TextColumn::new(&[], &[]));
    /// # let _ = c;
    /// ```
    #[must_use]
    pub fn reference(mut self, column: TextColumn<'a>) -> Self {
        self.reference = Some(column);
        self
    }

    /// Rows the host could not read, by position (from 0), each with its error; the first
    /// error given for a row is reported.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::{AssessRequest, Error, IncidentColumns, InstantColumn, TextColumn};
    /// let ps = zhidu::PolicySet::builtin()?;
    /// let p = ps.policy("s2-service-center")?;
    /// let bad = [(0, Error::Input { message: "`quantity` is not a whole number: `1.5`".into(), hint: None })];
    /// let columns = IncidentColumns::new(
    ///     TextColumn::new(&["张三"], &[0, 0]),
    ///     InstantColumn::Days(&[20738, 20738]),
    ///     TextColumn::new(&["S2.assess.qin.1"], &[0, 0]),
    /// )
    /// .unreadable(&bad);
    /// let out = p.assess(&AssessRequest::new("2026-10".parse()?).incident_columns(&columns))?;
    /// assert_eq!((out.errors[0].row, out.card("张三").map(|c| c.total)), (1, Some(98)));
    /// # Ok::<(), zhidu::Error>(())
    /// ```
    #[must_use]
    pub fn unreadable(mut self, rows: &'a [(usize, Error)]) -> Self {
        self.unreadable = rows;
        self
    }

    /// Every column must have a row for each row of `subject`.
    fn check_lengths(&self) -> Result<(), Error> {
        let rows = self.len();
        let texts = [
            ("rule", Some(&self.rule)),
            ("window", self.window.as_ref()),
            ("department", self.department.as_ref()),
            ("case", self.case.as_ref()),
            ("note", self.note.as_ref()),
            ("basis", self.basis.as_ref()),
            ("ref", self.reference.as_ref()),
        ];
        let lengths = texts
            .into_iter()
            .filter_map(|(name, c)| c.map(|c| (name, c.len())))
            .chain([("at", self.at.len())])
            .chain(self.quantity.map(|q| ("quantity", q.len())))
            .chain(self.points.map(|p| ("points", p.len())));
        for (name, count) in lengths {
            if count != rows {
                return Err(Error::input(
                    format!(
                        "{}: column `{name}` has {count} values for {rows} rows",
                        "incidents"
                    ),
                    None,
                ));
            }
        }
        Ok(())
    }

    /// Whether a row that reads gives `rule` for `case` (an item-flow finding given as an
    /// incident already is not charged twice).
    pub(super) fn gives(&self, rule: &str, case: &str) -> bool {
        let Some(cases) = self.case.as_ref() else {
            return false;
        };
        let mut days = DayCache::new();
        (0..self.len()).any(|i| {
            cases.raw(i).map(str::trim) == Some(case)
                && self.rule.raw(i).map(str::trim) == Some(rule)
                && trimmed(self.subject.raw(i)).is_some()
                && self.at.start(i, &mut days).is_some()
                && !self.unreadable.iter().any(|(r, _)| *r == i)
        })
    }

    /// Score every row onto `scoring`'s cards.
    pub(super) fn score<'m>(
        &self,
        scoring: &mut Scoring<'_, 'm, 'a>,
        offset: FixedOffset,
    ) -> Result<(), Error> {
        self.check_lengths()?;
        let model = scoring.model;
        let policy = scoring.policy;
        let subject = Texts::new(&self.subject);
        let rule = Texts::new(&self.rule);
        let window = self.window.as_ref().map(Texts::new);
        let case = self.case.as_ref().map(Texts::new);
        let note = self.note.as_ref().map(Texts::new);
        let basis = self.basis.as_ref().map(Texts::new);
        let reference = self.reference.as_ref().map(Texts::new);
        // What each distinct text leads to, found on first use: a rule code's plan is made
        // once per code, not once per incident.
        let mut rules: Vec<Option<Result<Plan<'m>, Error>>> = vec![None; rule.values.len()];
        // The code's `Fixed` answer, if it has one: asked once the code has a plan.
        let mut fixed: Vec<Option<Option<Fixed<'m>>>> = vec![None; rule.values.len()];
        let mut cards = vec![UNKNOWN; subject.values.len()];
        let mut windows = vec![UNKNOWN; window.as_ref().map_or(0, |w| w.values.len())];
        let facts = scoring.facts;
        let mut unreadable: Vec<&(usize, Error)> = self.unreadable.iter().collect();
        unreadable.sort_by_key(|(i, _)| *i);
        let mut unreadable = unreadable.into_iter().peekable();
        let mut days = DayCache::new();
        let text = |column: &Option<Texts<'a>>, i: usize| column.as_ref().and_then(|c| c.get(i));
        let whole = |column: Option<&[Option<i64>]>, i: usize| {
            column.and_then(|c| c.get(i).copied().flatten())
        };
        for i in 0..self.len() {
            let row = i + 1;
            let mut host_error = None;
            while let Some((_, e)) = unreadable.next_if(|(r, _)| *r <= i) {
                host_error = host_error.or(Some(e));
            }
            if let Some(e) = host_error {
                scoring.skip(row, e.clone());
                continue;
            }
            // Read as the row reader reads: the first missing field, in the schema's order.
            let Some((subject_code, subject_text)) = subject.at(i) else {
                scoring.skip(row, missing("subject", row));
                continue;
            };
            let Some(at) = self.at.at(i, &mut days, offset) else {
                scoring.skip(row, missing("at", row));
                continue;
            };
            let Some((rule_code, rule_text)) = rule.at(i) else {
                scoring.skip(row, missing("rule", row));
                continue;
            };
            let at = match at {
                Ok(at) => at,
                Err(error) => {
                    scoring.skip(row, error);
                    continue;
                }
            };
            let window_at = window.as_ref().and_then(|w| w.at(i));
            let quantity = whole(self.quantity, i);
            let points = whole(self.points, i);
            let basis_text = text(&basis, i);
            let view = || View {
                rule: rule_text,
                window: window_at.map(|(_, w)| w),
                quantity,
                points,
                case: text(&case, i),
                note: text(&note, i),
                basis: basis_text,
                reference: text(&reference, i),
            };
            let slots = Slots {
                person: cards.get_mut(subject_code),
                window: window_at.and_then(|(w, _)| windows.get_mut(w)),
            };
            let plan = |found: Result<&'m model::Rule, Error>| found.map(|r| Plan::new(r, &facts));
            // Most rows: the code's plan, found by an earlier row.
            let known = match rules.get(rule_code) {
                Some(Some(Ok(plan))) => Some(*plan),
                _ => None,
            };
            // And of those, most give nothing the step reads but their subject, instant and
            // window: the code's answer, asked of the step once (`Fixed`).
            if let Some(known) = known {
                let fixed = match fixed.get_mut(rule_code) {
                    Some(Some(f)) => *f,
                    Some(slot) => *slot.insert(scoring.fixed(known, rule_text)),
                    None => None,
                };
                let window_text = window_at.map(|(_, w)| w);
                // A column's texts are trimmed, and an empty one is missing (`Texts`).
                let has_window = window_text.is_some();
                if let Some(f) = fixed.filter(|f| f.fits(quantity, points, basis_text, has_window))
                {
                    scoring.incident_fixed(
                        row,
                        subject_text,
                        at,
                        f,
                        known,
                        window_text,
                        view,
                        slots,
                    );
                    continue;
                }
            }
            let find = || match rules.get_mut(rule_code) {
                Some(Some(found)) => found.clone(),
                Some(slot) => slot
                    .insert(plan(policy.find_rule(model, rule_text)))
                    .clone(),
                None => plan(policy.find_rule(model, rule_text)),
            };
            scoring.incident(row, subject_text, at, known, find, view(), slots);
        }
        Ok(())
    }
}

/// A text column's values trimmed once (an empty text is missing), and its codes.
struct Texts<'a> {
    values: Vec<Option<&'a str>>,
    codes: &'a [u32],
}

impl<'a> Texts<'a> {
    fn new(column: &TextColumn<'a>) -> Texts<'a> {
        Texts {
            values: column.values.iter().map(|v| trimmed(Some(v))).collect(),
            codes: column.codes,
        }
    }

    /// The code and text of row `i`, if it has a text.
    fn at(&self, i: usize) -> Option<(usize, &'a str)> {
        let code = *self.codes.get(i)? as usize;
        Some((code, self.values.get(code).copied().flatten()?))
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        self.at(i).map(|(_, t)| t)
    }
}

/// A text as a row reader reads it: trimmed, and missing when empty.
fn trimmed(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// The error of a row without a required field, as the row reader words it.
fn missing(field: &str, row: usize) -> Error {
    RowError::new(INCIDENT.kind, RowProblem::Missing)
        .field(field)
        .hint(INCIDENT.hint)
        .at(row)
        .into()
}
