//! From raw files to the validated model: dispatch sections, check cross references, build
//! lookups. Every problem becomes a diagnostic; nothing stops at the first.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::load::spanned::Spanned;
use chrono::NaiveDate;

use super::Policy;
use super::import;
use crate::assess::compile::{Imported, RawTable, compile_table};
use crate::calendar::{Calendar, compile_calendar};
use crate::deadline::hours::compile_office_hours;
use crate::deadline::{
    ClockStart, DayEnd, DeadlineClass, Effect, Limit, ServiceItem, SuspensionReason, Unit,
};
use crate::decide::compile::{RawRules, compile_rules};
use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::load::document::Document;
use crate::load::fields::{check_id, to_date};
use crate::load::raw::{
    RawBeyondNotices, RawCalendarHeader, RawClass, RawClockEffect, RawClockStart, RawDayEnd,
    RawImport, RawItem, RawNoticeHeader, RawPolicyHeader, RawStatute, RawSuspension, RawUnit,
    RawYear,
};
use crate::source::{Clause, DefaultNote};

/// Top-level sections a file may have.
pub(crate) const SECTIONS: [&str; 24] = [
    "calendar",
    "year",
    "statute",
    "policy",
    "import",
    "class",
    "item",
    "suspension",
    "assessment",
    "effect",
    "category",
    "rule",
    "accountability",
    "tier",
    "flag",
    "violation",
    "rota",
    "patrols",
    "obligation",
    "access",
    "retention",
    "trigger",
    "subsidy",
    "flow",
];

/// The help of a diagnostic for office minutes or office close without office sessions.
const NO_SESSIONS_HELP: &str = "office hours are the policy's, not the calendar's: add `[policy.office_sessions]` with `sessions = [[\"08:30\", \"11:00\"], …]` and the `source` clause that states them";

/// The most entries one array of tables may hold.
pub const MAX_ENTRIES: usize = 100_000;

/// One file's raw content, sorted into its kind.
#[expect(
    clippy::large_enum_variant,
    reason = "one value per file, dropped after compiling"
)]
pub(crate) enum RawFile {
    Calendar {
        header: RawCalendarHeader,
        years: Vec<(usize, RawYear)>,
        statutes: Vec<(usize, RawStatute)>,
    },
    /// A notice file: `[calendar] extends = "…"` and its `[[year]]`s.
    Notice {
        extends: Spanned<String>,
        years: Vec<(usize, RawYear)>,
    },
    Policy {
        header: RawPolicyHeader,
        header_span: core::ops::Range<usize>,
        classes: Vec<(usize, RawClass)>,
        items: Vec<(usize, RawItem)>,
        suspensions: Vec<(usize, RawSuspension)>,
        table: RawTable,
        rules: RawRules,
        imports: Vec<(usize, RawImport)>,
        kinds: RawKinds,
    },
}

/// The sections of the policy kinds of issue #15, one field per kind.
#[derive(Default)]
pub(crate) struct RawKinds {
    rota: Option<crate::rota::RawRota>,
    patrols: Option<crate::rota::RawPatrols>,
    obligations: Vec<(usize, crate::obligations::RawObligation)>,
    pub(crate) access: Option<crate::access::compile::RawAccess>,
    pub(crate) retention: Vec<(usize, crate::retention::compile::RawRetention)>,
    pub(crate) triggers: Vec<(usize, crate::triggers::compile::RawTrigger)>,
    pub(crate) subsidies: Vec<(usize, crate::subsidies::compile::RawSubsidy)>,
    pub(crate) flow: Option<crate::flow::compile::RawFlow>,
}

impl RawKinds {
    /// Whether the kinds that make a policy on their own (access, retention, triggers,
    /// subsidies, flow) are absent; the schedules are counted once compiled (`has_schedules`).
    fn is_empty(&self) -> bool {
        self.access.is_none()
            && self.retention.is_empty()
            && self.triggers.is_empty()
            && self.subsidies.is_empty()
            && self.flow.is_none()
    }
}

/// Decode the sections of one parsed file.
pub(crate) fn read_file(doc: &Document<'_>, out: &mut Vec<Diagnostic>) -> Option<RawFile> {
    let mut calendar = None;
    let mut notice: Option<RawNoticeHeader> = None;
    let mut policy = None;
    let mut years = Vec::new();
    let mut statutes = Vec::new();
    let mut classes = Vec::new();
    let mut items = Vec::new();
    let mut suspensions = Vec::new();
    let mut imports = Vec::new();
    let mut table = RawTable {
        assessment: None,
        effects: Vec::new(),
        categories: Vec::new(),
        rules: Vec::new(),
    };
    let mut rules = RawRules {
        accountability: None,
        tiers: Vec::new(),
        flags: Vec::new(),
        violations: Vec::new(),
    };
    let mut kinds = RawKinds::default();
    let mut policy_only: Option<(String, core::ops::Range<usize>)> = None;
    let mut unknown_sections = 0;
    for (key, value) in doc.sections() {
        let name = key.get_ref().as_ref();
        if let toml::de::DeValue::Array(a) = value.get_ref() {
            if a.len() > MAX_ENTRIES {
                out.push(doc.error_at(
                    key.span(),
                    name,
                    format!(
                        "`{name}` has {} entries, over the limit of {MAX_ENTRIES}",
                        a.len()
                    ),
                    None,
                ));
                continue;
            }
        }
        match name {
            "calendar" => {
                let extends = matches!(value.get_ref(), toml::de::DeValue::Table(t) if t.contains_key("extends"));
                if extends {
                    notice = doc.decode::<RawNoticeHeader>("calendar", value, out);
                } else {
                    calendar = doc.decode::<RawCalendarHeader>("calendar", value, out);
                }
            }
            "year" => years = doc.decode_entries("year", value, out),
            "statute" => statutes = doc.decode_entries("statute", value, out),
            "policy" => {
                policy = doc
                    .decode::<RawPolicyHeader>("policy", value, out)
                    .map(|p| (p, key.span()))
            }
            "class" | "item" | "suspension" | "assessment" | "effect" | "category" | "rule"
            | "accountability" | "tier" | "flag" | "violation" | "import" | "rota" | "patrols"
            | "obligation" | "access" | "retention" | "trigger" | "subsidy" | "flow" => {
                policy_only.get_or_insert((name.to_owned(), key.span()));
                match name {
                    "import" => imports = doc.decode_entries("import", value, out),
                    "class" => classes = doc.decode_entries("class", value, out),
                    "item" => items = doc.decode_entries("item", value, out),
                    "suspension" => suspensions = doc.decode_entries("suspension", value, out),
                    "assessment" => table.assessment = doc.decode("assessment", value, out),
                    "effect" => table.effects = doc.decode_entries("effect", value, out),
                    "category" => table.categories = doc.decode_entries("category", value, out),
                    "rule" => table.rules = doc.decode_entries("rule", value, out),
                    "accountability" => {
                        rules.accountability = doc.decode("accountability", value, out)
                    }
                    "tier" => rules.tiers = doc.decode_entries("tier", value, out),
                    "flag" => rules.flags = doc.decode_entries("flag", value, out),
                    "rota" => kinds.rota = doc.decode("rota", value, out),
                    "patrols" => kinds.patrols = doc.decode("patrols", value, out),
                    "obligation" => {
                        kinds.obligations = doc.decode_entries("obligation", value, out)
                    }
                    "access" => kinds.access = doc.decode("access", value, out),
                    "retention" => kinds.retention = doc.decode_entries("retention", value, out),
                    "trigger" => kinds.triggers = doc.decode_entries("trigger", value, out),
                    "subsidy" => kinds.subsidies = doc.decode_entries("subsidy", value, out),
                    "flow" => kinds.flow = doc.decode("flow", value, out),
                    _ => rules.violations = doc.decode_entries("violation", value, out),
                }
            }
            other => {
                unknown_sections += 1;
                out.push(doc.error_at(
                key.span(),
                other,
                format!("unknown section `{other}`"),
                did_you_mean(other, SECTIONS).or_else(|| Some("a policy file has `[policy]`, `[[import]]` and deadline (`[[class]]`, `[[item]]`, `[[suspension]]`), deduction (`[assessment]`, `[[category]]`, `[[rule]]`, `[[effect]]`) and accountability (`[accountability]`, `[[tier]]`, `[[flag]]`, `[[violation]]`) sections; a calendar file has `[calendar]` and `[[year]]`".to_owned())),
                ));
            }
        }
    }
    let has_calendar_key = doc.root.get_ref().contains_key("calendar");
    let has_policy_key = doc.root.get_ref().contains_key("policy");
    if has_calendar_key && has_policy_key {
        out.push(doc.src.error(Some(0..0), "", "a file cannot be both a calendar and a policy", Some("put the calendar in its own file and refer to it by id from `[policy] calendar`".to_owned())));
        return None;
    }
    if !has_calendar_key && !has_policy_key {
        // A misspelt `[policy]` was already reported; one diagnostic per fault.
        if unknown_sections > 0 {
            return None;
        }
        out.push(doc.src.error(
            Some(0..0),
            "",
            "the file has neither a `[policy]` nor a `[calendar]` table",
            Some("start a policy file with `[policy]` and its `id`".to_owned()),
        ));
        return None;
    }
    if has_calendar_key {
        if let Some((name, span)) = policy_only {
            out.push(doc.error_at(
                span,
                name.clone(),
                format!("a calendar file cannot have `[[{name}]]` entries"),
                Some("put deadline classes in a policy file".to_owned()),
            ));
        }
        if let Some(n) = notice {
            if !statutes.is_empty() {
                out.push(doc.src.error(
                    Some(0..0),
                    "statute",
                    "a notice file cannot have `[[statute]]` entries",
                    Some("statute versions belong in the calendar it extends".to_owned()),
                ));
            }
            return Some(RawFile::Notice {
                extends: n.extends,
                years,
            });
        }
        return calendar.map(|header| RawFile::Calendar {
            header,
            years,
            statutes,
        });
    }
    if !years.is_empty() || !statutes.is_empty() {
        out.push(doc.src.error(
            Some(0..0),
            "year",
            "a policy file cannot have `[[year]]` entries",
            Some("holidays belong in a calendar file".to_owned()),
        ));
    }
    policy.map(|(header, header_span)| RawFile::Policy {
        header,
        header_span,
        classes,
        items,
        suspensions,
        table,
        rules,
        imports,
        kinds,
    })
}

/// The whole set's calendars and policies, compiled, with every diagnostic.
pub(crate) struct Compiled {
    pub(crate) calendars: BTreeMap<String, Arc<Calendar>>,
    pub(crate) policies: BTreeMap<String, Arc<Policy>>,
}

/// What a set falls back on for the calendars and imported policies its files do not define:
/// the builtin set's.
pub(crate) struct Fallback<'a> {
    pub(crate) calendars: &'a BTreeMap<String, Arc<Calendar>>,
    pub(crate) policies: &'a BTreeMap<String, Arc<Policy>>,
}

/// The calendar ids a reference may name, this set's and then the fallback's, for a
/// "did you mean".
fn known_calendars<'a>(
    ids: impl Iterator<Item = &'a String>,
    fallback: Option<&Fallback<'a>>,
) -> Vec<&'a str> {
    ids.chain(fallback.into_iter().flat_map(|f| f.calendars.keys()))
        .map(String::as_str)
        .collect()
}

/// Compile parsed files; `fallback` calendars and policies (the builtin ones) serve
/// references (`calendar`, `[[import]]`) that no file of the set defines.
pub(crate) fn compile(
    files: &[(Document<'_>, RawFile)],
    fallback: Option<&Fallback<'_>>,
    out: &mut Vec<Diagnostic>,
) -> Compiled {
    let mut calendars: BTreeMap<String, Arc<Calendar>> = BTreeMap::new();
    let mut calendar_ids: HashMap<String, String> = HashMap::new();
    for (doc, file) in files {
        if let RawFile::Calendar {
            header,
            years,
            statutes,
        } = file
        {
            let id = header.id.get_ref().clone();
            if let Some(prev) = calendar_ids.insert(id.clone(), doc.src.name.to_owned()) {
                out.push(doc.error_at(
                    header.id.span(),
                    "calendar.id",
                    format!("calendar `{id}` is defined twice"),
                    Some(format!("the other is in `{prev}`")),
                ));
                continue;
            }
            if let Some(cal) = compile_calendar(doc, header, years, statutes, out) {
                calendars.insert(id, Arc::new(cal));
            }
        }
    }
    // Notice files, in year order, on the calendars they extend (this set's or the builtin).
    let mut notices: Vec<(&Document<'_>, &Spanned<String>, &(usize, RawYear))> = files
        .iter()
        .filter_map(|(doc, file)| match file {
            RawFile::Notice { extends, years } => Some((doc, extends, years)),
            _ => None,
        })
        .flat_map(|(doc, extends, years)| years.iter().map(move |y| (doc, extends, y)))
        .collect();
    notices.sort_by_key(|(_, _, (_, y))| *y.year.get_ref());
    for (doc, extends, year) in notices {
        let id = extends.get_ref();
        let base = calendars
            .get(id)
            .or_else(|| fallback.and_then(|f| f.calendars.get(id)))
            .cloned();
        let Some(base) = base else {
            out.push(doc.error_at(
                extends.span(),
                "calendar.extends",
                format!("no calendar `{id}`"),
                did_you_mean(id, known_calendars(calendars.keys(), fallback)),
            ));
            continue;
        };
        if let Some(cal) = crate::calendar::add_notice(doc, &base, year, out) {
            calendars.insert(id.clone(), Arc::new(cal));
        }
    }
    // Policies by id, in file order; a second definition of an id is reported and dropped.
    let mut policy_files: HashMap<String, String> = HashMap::new();
    let mut nodes: Vec<import::Node<'_>> = Vec::new();
    let mut raws = Vec::new();
    for (doc, file) in files {
        let RawFile::Policy {
            header, imports, ..
        } = file
        else {
            continue;
        };
        let id = header.id.get_ref();
        if !check_id(doc, &header.id, "policy.id", out) {
            continue;
        }
        if let Some(prev) = policy_files.insert(id.clone(), doc.src.name.to_owned()) {
            out.push(doc.error_at(
                header.id.span(),
                "policy.id",
                format!("policy `{id}` is defined twice"),
                Some(format!("the other is in `{prev}`")),
            ));
            continue;
        }
        nodes.push(import::Node {
            id: id.as_str(),
            doc,
            imports,
        });
        raws.push((doc, file));
    }
    let set_ids: Vec<&str> = nodes.iter().map(|n| n.id).collect();
    let fallback_policies = fallback.map(|f| f.policies);
    let mut policies = BTreeMap::new();
    // Each policy after those it imports from.
    for i in import::order(&nodes, out) {
        let Some(&(doc, file)) = raws.get(i) else {
            continue;
        };
        let RawFile::Policy {
            header,
            header_span,
            classes,
            items,
            suspensions,
            table,
            rules,
            imports,
            kinds,
        } = file
        else {
            continue;
        };
        let id = header.id.get_ref().clone();
        let cal_id = header.calendar.get_ref();
        let calendar = calendars
            .get(cal_id)
            .or_else(|| fallback.and_then(|f| f.calendars.get(cal_id)))
            .cloned();
        let Some(calendar) = calendar else {
            if !calendar_ids.contains_key(cal_id) {
                out.push(doc.error_at(
                    header.calendar.span(),
                    "policy.calendar",
                    format!("no calendar `{cal_id}`"),
                    did_you_mean(cal_id, known_calendars(calendar_ids.keys(), fallback)),
                ));
            }
            continue;
        };
        let imported = import::resolve(doc, imports, &set_ids, &policies, fallback_policies, out);
        if let Some(p) = compile_policy(
            doc,
            header,
            header_span.clone(),
            calendar,
            classes,
            items,
            suspensions,
            (table, rules, imported),
            kinds,
            out,
        ) {
            policies.insert(id, Arc::new(p));
        }
    }
    Compiled {
        calendars,
        policies,
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site; the parts are the file's sections"
)]
fn compile_policy(
    doc: &Document<'_>,
    header: &RawPolicyHeader,
    header_span: core::ops::Range<usize>,
    calendar: Arc<Calendar>,
    raw_classes: &[(usize, RawClass)],
    raw_items: &[(usize, RawItem)],
    raw_suspensions: &[(usize, RawSuspension)],
    (table, rules, imported): (&RawTable, &RawRules, Vec<Imported>),
    kinds: &RawKinds,
    out: &mut Vec<Diagnostic>,
) -> Option<Policy> {
    let errors_before = errors(out);
    let from = to_date(doc, &header.effective_from, "policy.effective_from", out);
    let until = header
        .effective_until
        .as_ref()
        .and_then(|u| to_date(doc, u, "policy.effective_until", out));
    if let (Some(from), Some(until), Some(u)) = (from, until, header.effective_until.as_ref()) {
        if until < from {
            out.push(doc.error_at(
                u.span(),
                "policy.effective_until",
                format!("`effective_until` {until} is before `effective_from` {from}"),
                None,
            ));
        }
    }
    let (first, last) = calendar.years();
    if let Some(from) = from {
        let covered_end = NaiveDate::from_ymd_opt(last, 12, 31);
        let covered_start = NaiveDate::from_ymd_opt(first, 1, 1);
        let ends_before = until.zip(covered_start).is_some_and(|(u, s)| u < s);
        if covered_end.is_some_and(|e| from > e) || ends_before {
            out.push(doc.error_at(
                header.effective_from.span(),
                "policy.effective_from",
                format!("no date the policy is in force on is covered by calendar `{}` ({first}–{last})", calendar.id()),
                Some("check `effective_from`/`effective_until`, or extend the calendar".to_owned()),
            ));
        }
    }
    let day_end = match header.day_ends_at.as_ref().map(|d| *d.get_ref()) {
        None | Some(RawDayEnd::Midnight) => DayEnd::Midnight,
        Some(RawDayEnd::OfficeClose) => DayEnd::OfficeClose,
    };
    let office = header
        .office_sessions
        .as_ref()
        .and_then(|raw| compile_office_hours(doc, raw, out))
        .map(Arc::new);
    if let (DayEnd::OfficeClose, None, None, Some(d)) = (
        day_end,
        &office,
        &header.office_sessions,
        &header.day_ends_at,
    ) {
        out.push(doc.error_at(
            d.span(),
            "policy.day_ends_at",
            "`office_close` needs the policy's office sessions".to_owned(),
            Some(NO_SESSIONS_HELP.to_owned()),
        ));
    }
    let mut classes: Vec<DeadlineClass> = Vec::new();
    let mut lookup: crate::FastMap<String, (usize, Option<usize>)> = Default::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut take_id = |id: &Spanned<String>, path: &str, out: &mut Vec<Diagnostic>| -> bool {
        if !check_id(doc, id, &format!("{path}.id"), out) {
            return false;
        }
        if let Some(prev) = seen.insert(id.get_ref().clone(), path.to_owned()) {
            out.push(doc.error_at(
                id.span(),
                format!("{path}.id"),
                format!("id `{}` is used twice", id.get_ref()),
                Some(format!("it is already the id of `{prev}`")),
            ));
            return false;
        }
        true
    };
    for (i, c) in raw_classes {
        let path = format!("class[{i}]");
        if !take_id(&c.id, &path, out) {
            continue;
        }
        if *c.unit.get_ref() == RawUnit::OfficeMinutes && header.office_sessions.is_none() {
            out.push(doc.error_at(
                c.unit.span(),
                format!("{path}.unit"),
                format!(
                    "class `{}` counts `office_minutes` but the policy has no office sessions",
                    c.id.get_ref()
                ),
                Some(NO_SESSIONS_HELP.to_owned()),
            ));
            continue;
        }
        if let Some(mut class) = compile_class(doc, &path, c, out) {
            class.office = office.clone();
            lookup.insert(class.id.clone(), (classes.len(), None));
            classes.push(class);
        }
    }
    let mut items: Vec<ServiceItem> = Vec::new();
    for (i, it) in raw_items {
        let path = format!("item[{i}]");
        if !take_id(&it.id, &path, out) {
            continue;
        }
        let Some(&(class_index, _)) = lookup.get(it.class.get_ref()) else {
            let known: Vec<&str> = classes.iter().map(|c| c.id.as_str()).collect();
            out.push(doc.error_at(
                it.class.span(),
                format!("{path}.class"),
                format!("no deadline class `{}`", it.class.get_ref()),
                did_you_mean(it.class.get_ref(), known),
            ));
            continue;
        };
        let Some(class) = classes.get(class_index) else {
            continue;
        };
        let promised = *it.promised_limit.get_ref();
        let legal = it
            .legal_limit
            .as_ref()
            .map(|l| *l.get_ref())
            .or(class.legal_limit);
        if let Some(legal) = legal {
            if promised > legal {
                out.push(
                    doc.error_at(
                        it.promised_limit.span(),
                        format!("{path}.promised_limit"),
                        format!("promised limit {promised} is above the legal limit {legal}"),
                        Some(
                            "a promised limit (承诺时限) may not exceed the legal one (法定时限)"
                                .to_owned(),
                        ),
                    ),
                );
                continue;
            }
        }
        if let Limit::Fixed(n) = class.limit {
            if promised != n {
                out.push(doc.src.diagnostic(
                    Severity::Warning,
                    Some(it.promised_limit.span()),
                    format!("{path}.promised_limit"),
                    format!(
                        "item's promised limit {promised} replaces class `{}`'s fixed limit {n}",
                        class.id
                    ),
                    None,
                ));
            }
        }
        lookup.insert(it.id.get_ref().clone(), (class_index, Some(items.len())));
        items.push(ServiceItem {
            id: it.id.get_ref().clone(),
            name: it.name.clone(),
            class: class_index,
            legal_limit: it.legal_limit.as_ref().map(|l| *l.get_ref()),
            promised_limit: promised,
            source: Clause::from(&it.source),
            defaults: it.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    let mut suspensions: Vec<SuspensionReason> = Vec::new();
    let mut suspension_ids: crate::FastMap<String, usize> = Default::default();
    for (i, s) in raw_suspensions {
        let path = format!("suspension[{i}]");
        if !check_id(doc, &s.id, &format!("{path}.id"), out) {
            continue;
        }
        if suspension_ids
            .insert(s.id.get_ref().clone(), suspensions.len())
            .is_some()
        {
            out.push(doc.error_at(
                s.id.span(),
                format!("{path}.id"),
                format!("suspension reason `{}` is defined twice", s.id.get_ref()),
                None,
            ));
            continue;
        }
        suspensions.push(SuspensionReason {
            id: s.id.get_ref().clone(),
            name: s.name.clone(),
            effect: match s.effect {
                RawClockEffect::Pause => Effect::Pause,
                RawClockEffect::Restart => Effect::Restart,
            },
            source: Clause::from(&s.source),
            defaults: s.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    let imports = !imported.is_empty();
    let assessment = if table.is_empty() && !imports {
        None
    } else {
        compile_table(doc, table, imported, out)
    };
    let accountability = if rules.is_empty() {
        None
    } else {
        compile_rules(doc, rules, out)
    };
    let scored: Vec<(&str, &str)> = assessment
        .iter()
        .flat_map(|a| &a.rules)
        .map(|r| (&*r.meta.code, &*r.meta.quote))
        .collect();
    let rota = crate::rota::compile_rota(
        doc,
        kinds.rota.as_ref(),
        kinds.patrols.as_ref(),
        &scored,
        out,
    );
    let obligations =
        crate::obligations::compile_obligations(doc, &kinds.obligations, office.is_some(), out);
    let has_schedules = rota.is_some() || obligations.is_some() || office.is_some();
    let access = kinds
        .access
        .as_ref()
        .and_then(|a| crate::access::compile::compile_access(doc, a, out));
    let retention = if kinds.retention.is_empty() {
        None
    } else {
        crate::retention::compile::compile_retention(doc, &kinds.retention, out)
    };
    let triggers = crate::triggers::compile::compile(doc, &kinds.triggers, out);
    let subsidies = crate::subsidies::compile::compile(doc, &kinds.subsidies, out);
    let flow = crate::flow::compile::compile(doc, kinds.flow.as_ref(), assessment.as_ref(), out);
    if raw_classes.is_empty()
        && table.is_empty()
        && rules.is_empty()
        && !imports
        && !has_schedules
        && kinds.is_empty()
    {
        out.push(doc.src.diagnostic(
            Severity::Warning,
            Some(header_span),
            "policy",
            format!(
                "policy `{}` has no deadline classes and no deduction table",
                header.id.get_ref()
            ),
            None,
        ));
    }
    if errors(out) > errors_before {
        return None;
    }
    Some(Policy {
        id: header.id.get_ref().clone(),
        name: header.name.clone(),
        version: header.version.clone(),
        effective_from: from?,
        effective_until: until,
        calendar,
        day_end,
        beyond_notices_error: header.beyond_notices == Some(RawBeyondNotices::Error),
        office,
        classes,
        items,
        lookup,
        suspensions,
        suspension_ids,
        source: header.source.clone(),
        defaults: header.defaults.iter().map(DefaultNote::from).collect(),
        file: doc.src.name.to_owned(),
        assessment,
        accountability,
        rota,
        obligations,
        access,
        retention,
        triggers,
        subsidies,
        flow,
        citations: crate::coverage::cite::collect(doc),
        set_hash: std::sync::OnceLock::new(),
    })
}

fn errors(out: &[Diagnostic]) -> usize {
    out.iter().filter(|d| d.severity == Severity::Error).count()
}

fn compile_class(
    doc: &Document<'_>,
    path: &str,
    c: &RawClass,
    out: &mut Vec<Diagnostic>,
) -> Option<DeadlineClass> {
    let unit = match *c.unit.get_ref() {
        RawUnit::Minutes => Unit::Minutes,
        RawUnit::OfficeMinutes => Unit::OfficeMinutes,
        RawUnit::Hours => Unit::Hours,
        RawUnit::WorkingDays => Unit::WorkingDays,
        RawUnit::CalendarDays => Unit::CalendarDays,
    };
    let legal = c.legal_limit.as_ref().map(|l| *l.get_ref());
    let limit = match (&c.limit, c.per_case) {
        (Some(l), false) => {
            let n = *l.get_ref();
            if let Some(legal) = legal.filter(|&legal| n > legal) {
                out.push(
                    doc.error_at(
                        l.span(),
                        format!("{path}.limit"),
                        format!("limit {n} is above the legal limit {legal}"),
                        Some(
                            "a promised limit (承诺时限) may not exceed the legal one (法定时限)"
                                .to_owned(),
                        ),
                    ),
                );
                return None;
            }
            Limit::Fixed(n)
        }
        (Some(l), true) => {
            out.push(doc.error_at(
                l.span(),
                format!("{path}.limit"),
                "a class cannot have both a fixed `limit` and `per_case = true`".to_owned(),
                Some("use `default_limit` for the per-case default".to_owned()),
            ));
            return None;
        }
        (None, false) => {
            out.push(doc.error_at(
                c.id.span(),
                format!("{path}.limit"),
                format!("class `{}` has no limit", c.id.get_ref()),
                Some("set `limit = N`, or `per_case = true` when the limit is promised per case; where the regulation leaves the number blank, set it and mark it as a default".to_owned()),
            ));
            return None;
        }
        (None, true) => {
            let default = c.default_limit.as_ref().map(|d| *d.get_ref());
            let usual = c.usual_range.as_ref().map(|r| {
                let [lo, hi] = *r.get_ref();
                (lo, hi)
            });
            if let (Some(r), Some((lo, hi))) = (&c.usual_range, usual) {
                if lo > hi {
                    out.push(doc.error_at(
                        r.span(),
                        format!("{path}.usual_range"),
                        format!("range [{lo}, {hi}] is empty"),
                        Some("write the smaller bound first".to_owned()),
                    ));
                }
            }
            if let (Some(d), Some(n)) = (&c.default_limit, default) {
                if let Some(legal) = legal.filter(|&legal| n > legal) {
                    out.push(doc.error_at(
                        d.span(),
                        format!("{path}.default_limit"),
                        format!("default limit {n} is above the legal limit {legal}"),
                        None,
                    ));
                    return None;
                }
                if let Some((lo, hi)) = usual.filter(|&(lo, hi)| n < lo || n > hi) {
                    out.push(doc.src.diagnostic(
                        Severity::Warning,
                        Some(d.span()),
                        format!("{path}.default_limit"),
                        format!("default limit {n} is outside the usual range [{lo}, {hi}]"),
                        None,
                    ));
                }
            }
            Limit::PerCase { default, usual }
        }
    };
    if c.default_limit.is_some() && !c.per_case {
        if let Some(d) = &c.default_limit {
            out.push(doc.error_at(
                d.span(),
                format!("{path}.default_limit"),
                "`default_limit` needs `per_case = true`".to_owned(),
                None,
            ));
        }
        return None;
    }
    if c.roll_to_working_day.is_some() && unit != Unit::CalendarDays {
        out.push(doc.src.diagnostic(
            Severity::Warning,
            Some(c.id.span()),
            format!("{path}.roll_to_working_day"),
            "`roll_to_working_day` only affects `calendar_days` classes".to_owned(),
            None,
        ));
    }
    if c.uncapped_extension && c.max_extension.is_some() {
        out.push(
            doc.error_at(
                c.id.span(),
                format!("{path}.uncapped_extension"),
                "a class cannot have both `max_extension` and `uncapped_extension = true`"
                    .to_owned(),
                Some(
                    "keep `max_extension = N` for a cap, or `uncapped_extension = true` for none"
                        .to_owned(),
                ),
            ),
        );
        return None;
    }
    let warn_default = match unit {
        Unit::WorkingDays | Unit::CalendarDays => 2,
        Unit::Minutes | Unit::OfficeMinutes => 10,
        Unit::Hours => 2,
    };
    Some(DeadlineClass {
        id: c.id.get_ref().clone(),
        name: c.name.clone(),
        unit,
        limit,
        legal_limit: legal,
        warn_before: c.warn_before.unwrap_or(warn_default),
        roll: c.roll_to_working_day.unwrap_or(true),
        clock_start: match c.clock_starts.unwrap_or(RawClockStart::Acceptance) {
            RawClockStart::Acceptance => ClockStart::Acceptance,
            RawClockStart::StartEvent => ClockStart::StartEvent,
        },
        max_extension: if c.uncapped_extension {
            u32::MAX
        } else {
            c.max_extension.unwrap_or(0)
        },
        extension_needs_reason: c.extension_needs_reason,
        source: Clause::from(&c.source),
        also: c.also.clone(),
        defaults: c.defaults.iter().map(DefaultNote::from).collect(),
        office: None,
    })
}
