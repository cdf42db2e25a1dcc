//! An incident as the scorer reads it: borrowed fields, from an [`Incident`] row or from
//! columns, so both paths share one scorer and give the same answers.

use super::Incident;

/// The fields of one incident the scorer reads (the subject and instant are read apart).
#[derive(Clone, Copy, Debug)]
pub(super) struct View<'i> {
    pub(super) rule: &'i str,
    pub(super) window: Option<&'i str>,
    pub(super) quantity: Option<i64>,
    pub(super) points: Option<i64>,
    pub(super) case: Option<&'i str>,
    pub(super) note: Option<&'i str>,
    pub(super) basis: Option<&'i str>,
    pub(super) reference: Option<&'i str>,
}

impl<'i> View<'i> {
    pub(super) fn of(incident: &'i Incident) -> View<'i> {
        View {
            rule: &incident.rule,
            window: incident.window.as_deref(),
            quantity: incident.quantity,
            points: incident.points,
            case: incident.case.as_deref(),
            note: incident.note.as_deref(),
            basis: incident.basis.as_deref(),
            reference: incident.reference.as_deref(),
        }
    }
}
