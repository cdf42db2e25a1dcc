//! Python's cyclic garbage collector paused while one call builds a large result.
//!
//! A card's `lines` is one dict (with nested dicts and lists) per line: a million lines are
//! millions of new container objects, and the collector, which runs every few hundred new
//! containers and now and then over all of them, took half the CPU time of the first access
//! (200,000 lines: 3.8–4.5 s with it, 1.8–1.9 s without; benches/RESULTS.md). What is built
//! holds no cycles, so pausing it loses nothing; the collector is back on when the call ends,
//! however it ends, unless the caller had turned it off.

use pyo3::prelude::*;

/// While alive, the collector is off; dropped, it is on again if it was on before.
pub(crate) struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    /// Pause the collector (a no-op when it is already off).
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            return Ok(GcPause { gc: Some(gc) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // `gc.enable()` cannot fail; a Drop has nowhere to send an error anyway.
            let _ = gc.call_method0("enable");
        }
    }
}
