//! `Policy.rota`, `Policy.patrol_failures` and `Policy.obligations`: rows in, the core's
//! answer out as a dict (its serde form, `date` values as `datetime.date`); bad rows are
//! reported as `errors=` says, like every batch call.

use pyo3::prelude::*;
use zhidu::DutyWindow;
use zhidu::rows::{Action, Away, Patrol};

use crate::Obj;
use crate::args::text;
use crate::batch::{self, Mode};
use crate::convert;
use crate::error::OrRaise;
use crate::labels::RowLabels;
use crate::rows;

/// The ordered window list: every row must read, since a missing window shifts the rotation.
fn windows(py: Python<'_>, obj: Option<&Obj>) -> PyResult<Vec<DutyWindow>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    rows::each::<DutyWindow>(obj, "windows")?
        .into_iter()
        .map(|r| r.or_raise(py))
        .collect()
}

fn rows_of<T: zhidu::rows::FromRow>(
    obj: Option<&Obj>,
    plural: &str,
) -> PyResult<Vec<Result<T, zhidu::Error>>> {
    match obj.filter(|o| !o.is_none()) {
        Some(o) => rows::each::<T>(o, plural),
        None => Ok(Vec::new()),
    }
}

pub(crate) fn rota<'py>(
    policy: &zhidu::Policy,
    year: i32,
    windows_obj: Option<&Bound<'py, PyAny>>,
    away: Option<&Bound<'py, PyAny>>,
    errors: Option<&Obj>,
    py: Python<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    let mode = Mode::parse(errors)?;
    let labels = RowLabels::default().with("away", away)?;
    let list = windows(py, windows_obj)?;
    let away_rows: Vec<Result<Away, zhidu::Error>> = rows_of(away, "away")?;
    let n = away_rows.len();
    let answer = py
        .detach(|| policy.rota(year, &list, &away_rows))
        .or_raise(py)?;
    batch::report_skipped(py, &answer.errors, n, mode, &labels, 1)?;
    crate::stamped::dict_answer(convert::to_dict(py, &answer)?, &policy.stamp())
}

pub(crate) fn patrol_failures<'py>(
    policy: &zhidu::Policy,
    period: &Bound<'py, PyAny>,
    log: &Bound<'py, PyAny>,
    windows_obj: Option<&Bound<'py, PyAny>>,
    errors: Option<&Obj>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = period.py();
    let mode = Mode::parse(errors)?;
    let labels = RowLabels::default().with("patrol", Some(log))?;
    let period: zhidu::Period = text(period, "period")?.parse().or_raise(py)?;
    let list = windows(py, windows_obj)?;
    let patrols: Vec<Result<Patrol, zhidu::Error>> = rows::each(log, "log")?;
    let n = patrols.len();
    let answer = py
        .detach(|| policy.patrol_failures(period, &list, &patrols))
        .or_raise(py)?;
    batch::report_skipped(py, &answer.errors, n, mode, &labels, 1)?;
    crate::stamped::dict_answer(convert::to_dict(py, &answer)?, &policy.stamp())
}

pub(crate) fn obligations<'py>(
    policy: &zhidu::Policy,
    period: &Bound<'py, PyAny>,
    log: Option<&Bound<'py, PyAny>>,
    errors: Option<&Obj>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = period.py();
    let mode = Mode::parse(errors)?;
    let labels = RowLabels::default().with("action", log)?;
    let period: zhidu::Period = text(period, "period")?.parse().or_raise(py)?;
    let actions: Option<Vec<Result<Action, zhidu::Error>>> = match log.filter(|o| !o.is_none()) {
        Some(o) => Some(rows::each(o, "log")?),
        None => None,
    };
    let n = actions.as_ref().map_or(0, Vec::len);
    let answer = py
        .detach(|| policy.obligations(period, actions.as_deref()))
        .or_raise(py)?;
    batch::report_skipped(py, &answer.errors, n, mode, &labels, 1)?;
    crate::stamped::dict_answer(convert::to_dict(py, &answer)?, &policy.stamp())
}
