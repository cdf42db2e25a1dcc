//! # zhidu for JavaScript
//!
//! The WebAssembly build of the zhidu core behind the `zhidu` npm package (Node and
//! browsers) and the browser calculators in `www/`. The binding converts and delegates:
//!
//! - requests are plain objects read field by field (`{ class, acceptedAt, days }`), with
//!   unknown keys refused ([`convert`]);
//! - a case is read as its JSON, exactly like a line of a case log;
//! - results are the core's serde shapes, so a JavaScript result has the same field names as
//!   the CLI's `--format json` ([`convert::to_js`]);
//! - every failure is thrown as an `Error` named `ZhiduError` with `code`, `help` and, for
//!   policy files, `diagnostics` ([`error`]).
//!
//! The TypeScript declarations of every shape are in `types.d.ts`, appended to the generated
//! declarations; `tests/usage.ts` checks them with `tsc` and `tests/shapes.test.mjs` checks
//! that the objects at run time have exactly the declared keys.
//!
//! Assessment and accountability (`assess`, `rankPeriod`, `decide`, `deductionTable`,
//! `accountabilityRules`) read their rows one by one ([`scoring`]): a bad row is reported
//! with its 1-based row in the result's `errors`, never thrown.

mod access;
pub mod convert;
pub mod error;
mod flow;
pub mod lang;
mod report;
mod schedules;
pub mod scoring;
mod stamp;
mod subsidies;
mod triggers;
pub mod words;

use std::sync::Arc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use zhidu::columns::{DueOptions, LimitColumn, NAT, StartColumn, from_epoch_day};
use zhidu::{Error, Start};

use crate::convert::{DueManyRequest, DueRequest, to_js};
use crate::error::js;

/// The most row errors a batch result lists in full (`errors`); `error_count` counts them
/// all, and every failed row is `null` in the result's columns.
pub const MAX_ROW_ERRORS: usize = 1000;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A validated set of calendars and policies: the shipped ones or your own TOML files.
#[wasm_bindgen]
pub struct PolicySet {
    inner: Arc<zhidu::PolicySet>,
}

#[wasm_bindgen]
impl PolicySet {
    /// The shipped policies, embedded in the module.
    pub fn builtin() -> Result<PolicySet, JsValue> {
        js(|| {
            Ok(PolicySet {
                inner: Arc::new(zhidu::PolicySet::builtin()?),
            })
        })
    }

    /// Load policy and calendar files given as `{ "name.toml": text, … }`. A policy may refer
    /// to the builtin calendar `cn-mainland` without shipping it.
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(
        #[wasm_bindgen(unchecked_param_type = "PolicySources")] files: JsValue,
    ) -> Result<PolicySet, JsValue> {
        js(|| {
            let files = convert::sources(&files)?;
            Ok(PolicySet {
                inner: Arc::new(zhidu::PolicySet::from_sources(&files)?),
            })
        })
    }

    /// The files of the builtin set as `{ "name.toml": text, … }`: to load your own files
    /// beside them, `PolicySet.fromToml({ ...PolicySet.builtinSources(), "town.toml": text })`.
    #[wasm_bindgen(js_name = builtinSources, unchecked_return_type = "PolicySources")]
    pub fn builtin_sources() -> Result<JsValue, JsValue> {
        js(|| {
            let files: serde_json::Map<String, serde_json::Value> =
                zhidu::PolicySet::builtin_sources()
                    .iter()
                    .map(|(name, text)| ((*name).to_owned(), serde_json::Value::from(*text)))
                    .collect();
            to_js(&files)
        })
    }

    /// Every diagnostic of the files, errors and warnings, without throwing for them.
    #[wasm_bindgen(js_name = checkToml, unchecked_return_type = "Diagnostic[]")]
    pub fn check_toml(
        #[wasm_bindgen(unchecked_param_type = "PolicySources")] files: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let files = convert::sources(&files)?;
            let diagnostics = zhidu::PolicySet::check_sources(&files)?;
            let lang = lang::current();
            let diagnostics: Vec<_> = diagnostics.iter().map(|d| d.in_lang(lang)).collect();
            to_js(&diagnostics)
        })
    }

    /// A policy by id, such as `s2-service-center`.
    pub fn policy(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<Policy, JsValue> {
        js(|| {
            let id = convert::text(&id, "id", convert::MAX_FIELD)?;
            Ok(Policy {
                inner: self.inner.policy_arc(&id)?,
                set: Arc::clone(&self.inner),
            })
        })
    }

    /// Every policy, by id.
    #[wasm_bindgen(unchecked_return_type = "Policy[]")]
    pub fn policies(&self) -> Array {
        self.inner
            .policies()
            .filter_map(|p| self.inner.policy_arc(p.id()).ok())
            .map(|inner| {
                JsValue::from(Policy {
                    inner,
                    set: Arc::clone(&self.inner),
                })
            })
            .collect()
    }

    /// The ids of every policy, sorted.
    #[wasm_bindgen(getter, js_name = policyIds)]
    pub fn policy_ids(&self) -> Vec<String> {
        self.inner.policy_ids().map(str::to_owned).collect()
    }

    /// For each regulation (or only `regulation`, such as `"S8"`), every clause of the clause
    /// index with the policy entries that encode it or the reason none does, and the totals:
    /// the core's `PolicySet::clause_coverage`, as `zhidu coverage --format json` prints it.
    /// Not `coverage`: that name is the calendar's years.
    #[wasm_bindgen(js_name = clauseCoverage, unchecked_return_type = "ClauseCoverage")]
    pub fn clause_coverage(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RegulationId | null | undefined")]
        regulation: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let regulation = if regulation.is_undefined() || regulation.is_null() {
                None
            } else {
                Some(convert::text(
                    &regulation,
                    "regulation",
                    convert::MAX_FIELD,
                )?)
            };
            to_js(&self.inner.clause_coverage(regulation.as_deref())?)
        })
    }

    /// Every entry of policy `policy` (class, rule, tier, obligation …) with its clauses,
    /// quotes, values and marked defaults: the core's `PolicySet::rules`, as `zhidu rules
    /// --format json` prints it.
    #[wasm_bindgen(unchecked_return_type = "PolicyRules")]
    pub fn rules(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PolicyId")] policy: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let policy = convert::text(&policy, "policy", convert::MAX_FIELD)?;
            to_js(&self.inner.rules(&policy)?)
        })
    }

    /// One clause id, rule code, class or tier id (`"tier:2"`) in full, with where it is used:
    /// the core's `PolicySet::explain`, as `zhidu explain --format json` prints it.
    #[wasm_bindgen(unchecked_return_type = "CodeExplanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PolicyId | null | undefined")] policy: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let code = convert::text(&code, "code", convert::MAX_FIELD)?;
            let policy = if policy.is_undefined() || policy.is_null() {
                None
            } else {
                Some(convert::text(&policy, "policy", convert::MAX_FIELD)?)
            };
            to_js(&self.inner.explain(&code, policy.as_deref())?)
        })
    }

    /// Warnings found while loading (errors make loading throw instead).
    #[wasm_bindgen(getter, unchecked_return_type = "Diagnostic[]")]
    pub fn warnings(&self) -> JsValue {
        to_js(self.inner.warnings()).unwrap_or_else(|_| Array::new().into())
    }

    /// SHA-256 (hex) of the set's files, independent of their names and load order: the
    /// `hash` of every result's stamp.
    #[wasm_bindgen(getter, js_name = contentHash)]
    pub fn content_hash(&self) -> String {
        self.inner.content_hash().to_owned()
    }

    /// Whether this is the embedded builtin set.
    #[wasm_bindgen(getter, js_name = isBuiltin)]
    pub fn is_builtin(&self) -> bool {
        self.inner.is_builtin()
    }
}

/// One regulation as code: its deadline classes, service items and suspension reasons,
/// bound to its calendar.
#[wasm_bindgen]
pub struct Policy {
    pub(crate) inner: Arc<zhidu::Policy>,
    /// The set it came from: `casePolicy` ids are looked up in it.
    set: Arc<zhidu::PolicySet>,
}

#[wasm_bindgen]
impl Policy {
    /// The policy's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// The policy's display name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name().to_owned()
    }

    /// The policy's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.version().to_owned()
    }

    /// The rules this policy answers with: `{ policy, version, effective_from, hash }`, the
    /// hash being its set's content hash (SHA-256 of its files, hex).
    #[wasm_bindgen(getter, unchecked_return_type = "Stamp")]
    pub fn stamp(&self) -> Result<JsValue, JsValue> {
        js(|| to_js(&self.inner.stamp()))
    }

    /// The policy with its calendar, classes, service items and suspension reasons.
    #[wasm_bindgen(unchecked_return_type = "PolicyInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        js(|| to_js(self.inner.as_ref()))
    }

    /// Due date and instant of a case of `class` accepted at `acceptedAt`, with `days` for
    /// classes whose limit is promised per case.
    #[wasm_bindgen(unchecked_return_type = "Due")]
    pub fn due(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DueRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let r = DueRequest::read(&request)?;
            let out = to_js(
                &self
                    .inner
                    .due(&r.class, r.start, r.days)?
                    .into_lang(lang::current()),
            )?;
            stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// `due` with the explanation: every day counted or skipped and why, the
    /// clauses, defaults and notices used (what `zhidu due --format json` prints).
    #[wasm_bindgen(unchecked_return_type = "DueExplanation")]
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DueRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let r = DueRequest::read(&request)?;
            let ex = self.inner.explain_due(&r.class, r.start, r.days)?;
            let out = to_js(&ex.into_lang(lang::current()))?;
            stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// The instant (RFC 3339) from which such a case, with no suspensions, is yellow
    /// (黄牌预警).
    #[wasm_bindgen(js_name = yellowFrom)]
    pub fn yellow_from(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DueRequest")] request: JsValue,
    ) -> Result<String, JsValue> {
        js(|| {
            let r = DueRequest::read(&request)?;
            let class = self.inner.class(&r.class)?;
            Ok(class.yellow_from(r.start, r.days)?.to_rfc3339())
        })
    }

    /// Due dates for a column of acceptance instants: `due_date`, `due_at` and `provisional`
    /// columns in the same order (`null` for a row that fails), the `basis` of every
    /// provisional year met, and the failed rows in `errors`.
    #[wasm_bindgen(js_name = dueMany, unchecked_return_type = "DueColumns")]
    pub fn due_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DueManyRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let r = DueManyRequest::read(&request)?;
            let class = self.inner.class(&r.class)?;
            let cells = convert::cells(&r.accepted_json)?;
            // This binding converts the columns; the core computes them (`zhidu::columns`).
            // A bad `days` cell is reported before a bad start of the same row.
            // Past the errors a result shows, a bad start's error is not kept: a million bad
            // rows must not hold a million messages in memory that never shrinks.
            let mut bad_seen = r.bad_days.len();
            let starts = cells
                .iter()
                .map(|cell| {
                    cell.start().map_err(|e| {
                        bad_seen += 1;
                        if bad_seen > MAX_ROW_ERRORS {
                            convert::input(String::new(), None)
                        } else {
                            e
                        }
                    })
                })
                .collect();
            let (starts, bad_starts) = StartColumn::from_starts(starts, false);
            let mut bad = r.bad_days;
            bad.extend(bad_starts);
            let limits = if r.days.is_empty() {
                LimitColumn::Default
            } else {
                LimitColumn::Rows(r.days)
            };
            let options = DueOptions {
                instants: true,
                details: true,
                threads: 1,
            };
            let mut out = class.due_column(&starts, &limits, options)?;
            out.merge(bad);
            let offset = self.inner.calendar().offset();
            let n = out.dates.len();
            let mut due_date = convert::Column::new(n);
            let mut due_at = convert::Column::new(n);
            let provisional = Array::new();
            let instants = out.instants.unwrap_or_default();
            let flags = out.provisional.unwrap_or_default();
            for (i, &day) in out.dates.iter().enumerate() {
                let at = instants.get(i).copied().unwrap_or(NAT);
                match from_epoch_day(day).filter(|_| day != NAT) {
                    Some(date) => {
                        due_date.set(i, day, || date.to_string());
                        due_at.set(i, at, || {
                            chrono::DateTime::from_timestamp(at, 0)
                                .map(|t| t.with_timezone(&offset).to_rfc3339())
                                .unwrap_or_default()
                        });
                        provisional
                            .push(&JsValue::from_bool(flags.get(i).copied().unwrap_or(false)));
                    }
                    None => {
                        due_date.null(i);
                        due_at.null(i);
                        provisional.push(&JsValue::NULL);
                    }
                }
            }
            // The first errors in full and how many rows failed: a million failing rows
            // answer as fast as a million good ones (each failed row is `null` in the columns).
            let errors = Array::new();
            for (i, e) in out.errors.iter().take(MAX_ROW_ERRORS) {
                errors.push(&error::row_error(*i, e));
            }
            let error_count = JsValue::from(out.errors.len() as f64);
            let basis = out.basis;
            let result = Object::new();
            for (key, value) in [
                ("due_date", due_date.into_array()),
                ("due_at", due_at.into_array()),
                ("provisional", provisional),
                (
                    "basis",
                    basis
                        .iter()
                        .map(|b| JsValue::from_str(b))
                        .collect::<Array>(),
                ),
                ("errors", errors),
            ] {
                Reflect::set(&result, &key.into(), &value).map_err(|e| convert::thrown(key, &e))?;
            }
            Reflect::set(&result, &"error_count".into(), &error_count)
                .map_err(|e| convert::thrown("error_count", &e))?;
            stamp::attach(&result, &self.inner)?;
            Ok(result.into())
        })
    }

    /// The status of a case (a case-log object) at `asOf`: on track, yellow, red, suspended,
    /// done on time or late, with the remaining and overdue working days.
    #[wasm_bindgen(js_name = caseStatus, unchecked_return_type = "CaseStatus")]
    pub fn case_status(
        &self,
        #[wasm_bindgen(js_name = caseRecord, unchecked_param_type = "Case")] case: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let case = convert::case(&case)?;
            let as_of = self.as_of(&as_of)?;
            let out = to_js(
                &self
                    .inner
                    .case_status(&case, as_of)?
                    .into_lang(lang::current()),
            )?;
            stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// What moves when a notice lands (`zhidu calendar diff`): the case's status under this
    /// policy and under `withPolicy` (the same policy from a set loaded with the notice
    /// file) when its due date, status or overdue days differ, else `null`.
    #[wasm_bindgen(js_name = caseChange, unchecked_return_type = "CaseChange | null")]
    pub fn case_change(
        &self,
        #[wasm_bindgen(js_name = withPolicy)] with_policy: &Policy,
        #[wasm_bindgen(js_name = caseRecord, unchecked_param_type = "Case")] case: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let case = convert::case(&case)?;
            let as_of = self.as_of(&as_of)?;
            match self.inner.case_change(&with_policy.inner, &case, as_of)? {
                Some(change) => to_js(&change),
                None => Ok(JsValue::NULL),
            }
        })
    }

    /// `caseStatus` for many cases: `statuses` in order (`null` for a case that
    /// fails) and the failed cases in `errors`, so a bad case never hides the others.
    #[wasm_bindgen(js_name = caseStatuses, unchecked_return_type = "CaseStatuses")]
    pub fn case_statuses(
        &self,
        #[wasm_bindgen(unchecked_param_type = "readonly Case[]")] cases: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let as_of = self.as_of(&as_of)?;
            let Some(cases) = cases.dyn_ref::<Array>() else {
                return Err(convert::input(
                    "`cases` must be an array of case objects".to_owned(),
                    None,
                ));
            };
            let statuses = Array::new();
            let errors = Array::new();
            for (i, case) in cases.iter().enumerate() {
                let status = convert::case_at(&case, i + 1)
                    .and_then(|c| self.inner.case_status(&c, as_of))
                    .and_then(|s| to_js(&s));
                match status {
                    Ok(s) => statuses.push(&s),
                    Err(e) => {
                        errors.push(&error::row_error(i, &e));
                        statuses.push(&JsValue::NULL)
                    }
                };
            }
            let result = Object::new();
            for (key, value) in [("statuses", statuses), ("errors", errors)] {
                Reflect::set(&result, &key.into(), &value).map_err(|e| convert::thrown(key, &e))?;
            }
            stamp::attach(&result, &self.inner)?;
            Ok(result.into())
        })
    }

    /// The explanation of a case's due date at `asOf`, with its suspensions.
    #[wasm_bindgen(js_name = explainCase, unchecked_return_type = "DueExplanation")]
    pub fn explain_case(
        &self,
        #[wasm_bindgen(js_name = caseRecord, unchecked_param_type = "Case")] case: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string | Date")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let case = convert::case(&case)?;
            let as_of = self.as_of(&as_of)?;
            let out = to_js(
                &self
                    .inner
                    .explain_case(&case, as_of)?
                    .into_lang(lang::current()),
            )?;
            stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// Every day of a month of the policy's calendar with its kind (working day, make-up
    /// working day, weekend, holiday with its festival), for a month view.
    #[wasm_bindgen(js_name = calendarMonth, unchecked_return_type = "CalendarDay[]")]
    pub fn calendar_month(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] month: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let year = convert::int(&year, "year")?;
            let month = convert::int(&month, "month")?;
            let (year, month) = match (i32::try_from(year), u32::try_from(month)) {
                (Ok(y), Ok(m)) => (y, m),
                _ => {
                    return Err(convert::input(
                        format!("no month {month} of year {year}"),
                        Some("give a year such as 2026 and a month from 1 to 12".to_owned()),
                    ));
                }
            };
            to_js(&self.inner.calendar().month(year, month)?)
        })
    }

    /// Score a period: `{ period, incidents, cases?, casePolicy?, roster?, lines? }` → the
    /// assessment (one scorecard per person, and per window for window-charged rules), with
    /// every row that could not be scored in `errors` by its 1-based row.
    #[wasm_bindgen(unchecked_return_type = "Assessment")]
    pub fn assess(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let assessment = self.assessment(&request)?;
            let out = to_js(&assessment)?;
            error::localize_row_errors(&out, &assessment.errors);
            stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// The window ranking (红旗窗口) of a period: the same request as `assess`, scored and
    /// ranked (a JavaScript assessment object is a copy, so the ranking scores again).
    #[wasm_bindgen(js_name = rankPeriod, unchecked_return_type = "WindowRank[]")]
    pub fn rank_period(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AssessRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| to_js(&self.inner.rank(&self.assessment(&request)?)?))
    }

    /// Decide a history of violations: `{ violations, asOf? }` → decisions in time order
    /// with tiers, measures, exceptions and escalations; bad rows (conflicts included) in
    /// `errors` by their 1-based row.
    #[wasm_bindgen(unchecked_return_type = "Decisions")]
    pub fn decide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DecideRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let r = scoring::DecideInput::read(&request)?;
            let as_of = r
                .as_of
                .map(|a| Start::parse_instant(&a, self.inner.calendar().offset()))
                .transpose()?;
            let decisions = self.inner.decide(&r.violations, as_of)?;
            let out = to_js(&decisions)?;
            error::localize_row_errors(&out, &decisions.errors);
            stamp::attach(&out, &self.inner)?;
            Ok(out)
        })
    }

    /// The deduction table (categories, rules with their points, fines and effects) for a
    /// rule picker; the shipped rules' default notes in the language of `setLang`.
    #[wasm_bindgen(js_name = deductionTable, unchecked_return_type = "DeductionTable")]
    pub fn deduction_table(&self) -> Result<JsValue, JsValue> {
        js(|| to_js(&self.inner.deduction_table()?.into_lang(lang::current())))
    }

    /// The deduction table's rules that `query` finds (a clause id or its prefix, words of the
    /// rule's quote, a category or effect name; letters and digits only, any case), grouped
    /// by category in the table's order: what a rule picker lists for its search box.
    #[wasm_bindgen(js_name = searchRules, unchecked_return_type = "RuleGroup[]")]
    pub fn search_rules(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(|| {
            let query = convert::text(&query, "query", convert::MAX_FIELD)?;
            let table = self.inner.deduction_table()?.into_lang(lang::current());
            to_js(&table.search(&query))
        })
    }

    /// The accountability rules: tiers, flags, violations and escalations.
    #[wasm_bindgen(js_name = accountabilityRules, unchecked_return_type = "AccountabilityRules")]
    pub fn accountability_rules(&self) -> Result<JsValue, JsValue> {
        js(|| to_js(&self.inner.accountability_rules()?))
    }

    /// Whether the policy has a deduction table (`assess`, `rankPeriod`, `deductionTable`).
    #[wasm_bindgen(getter, js_name = hasDeductionTable)]
    pub fn has_deduction_table(&self) -> bool {
        self.inner.deduction_table().is_ok()
    }

    /// Whether the policy has accountability rules (`decide`, `accountabilityRules`).
    #[wasm_bindgen(getter, js_name = hasAccountabilityRules)]
    pub fn has_accountability_rules(&self) -> bool {
        self.inner.accountability_rules().is_ok()
    }
}

impl Policy {
    fn assessment(&self, request: &JsValue) -> Result<zhidu::Assessment, Error> {
        let r = scoring::AssessInput::read(request)?;
        let mut req = zhidu::AssessRequest::new(r.period)
            .incident_rows(&r.incidents)
            .roster(&r.roster)
            .lines(r.lines);
        if let Some(cases) = &r.cases {
            // The core's choice: the named policy, or this one if it has deadline classes.
            let policy = self
                .set
                .case_policy(&self.inner, r.case_policy.as_deref())?;
            req = req.case_rows(policy, cases);
        }
        self.inner.assess(&req)
    }

    fn as_of(&self, value: &JsValue) -> Result<chrono::DateTime<chrono::FixedOffset>, Error> {
        let text = convert::instant_text(value, "asOf")?;
        Start::parse_instant(&text, self.inner.calendar().offset())
    }
}
