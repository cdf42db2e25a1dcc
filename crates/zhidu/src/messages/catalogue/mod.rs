//! The message catalogue: every message the engine writes, in English and 简体中文.
//!
//! One entry per message: a stable id, the English template (exactly as the engine writes the
//! message) and the Chinese one, with the same `{name}` placeholders. A placeholder between
//! backticks is user input and is never translated; any other value is translated in turn when
//! it is itself a message or a term (`working_days` → 个工作日). The files follow the engine's
//! domains; a new message is one more entry in the file of its domain.

mod access;
mod accountability;
mod arrow;
mod bindings;
mod calendar;
mod cases;
mod coverage;
mod deadlines;
mod defaults;
mod errors;
mod flow;
mod hosts;
mod labels;
mod loader;
mod report;
mod rows;
mod rule_notes;
mod schedules;
mod scoring;
mod subsidies;
mod table_notes;
mod terms;
mod triggers;

/// One message in both languages.
#[derive(Debug)]
pub(crate) struct Entry {
    /// Stable id, `domain.name`.
    pub(crate) id: &'static str,
    /// The English template, as the engine writes the message.
    pub(crate) en: &'static str,
    /// The Chinese template, same placeholders.
    pub(crate) zh: &'static str,
}

/// An entry: `e("id", "english {x}", "中文{x}")`.
pub(crate) const fn e(id: &'static str, en: &'static str, zh: &'static str) -> Entry {
    Entry { id, en, zh }
}

/// The id prefix of labels: texts looked up by id, never matched against an English message.
pub(crate) const LABEL: &str = "label.";

/// Every part of the catalogue.
pub(crate) const ALL: &[&[Entry]] = &[
    errors::ENTRIES,
    hosts::ENTRIES,
    labels::ENTRIES,
    terms::ENTRIES,
    loader::ENTRIES,
    calendar::ENTRIES,
    deadlines::ENTRIES,
    defaults::ENTRIES,
    cases::ENTRIES,
    scoring::ENTRIES,
    rule_notes::ENTRIES,
    table_notes::ENTRIES,
    accountability::ENTRIES,
    access::ENTRIES,
    rows::ENTRIES,
    report::ENTRIES,
    bindings::ENTRIES,
    schedules::ENTRIES,
    triggers::ENTRIES,
    subsidies::ENTRIES,
    flow::ENTRIES,
    coverage::ENTRIES,
    arrow::ENTRIES,
];
