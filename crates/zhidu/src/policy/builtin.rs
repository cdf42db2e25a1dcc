//! The shipped policy files, embedded so that `PolicySet::builtin()` needs no files (in WASM
//! too). The repository's `policies/` directory is the one source of truth.

macro_rules! shipped {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../../", $path)))),*]
    };
}

pub(super) static SOURCES: &[(&str, &str)] = shipped![
    "policies/calendars/cn-mainland.toml",
    "policies/clauses.toml",
    "policies/s1-window-it.toml",
    "policies/s2-service-center.toml",
    "policies/s3-culture-centre.toml",
    "policies/s4-duty-rota.toml",
    "policies/s5-pest-control.toml",
    "policies/s6-food-additives.toml",
    "policies/s7-joint-processing.toml",
    "policies/s8-investment-centre.toml",
    "policies/s9-culture-centre-variant.toml",
    "policies/s10-service-system.toml",
    "policies/s11-occupational-health.toml",
    "policies/s12-confidentiality.toml",
    "policies/s14-window-scorecard.toml",
    "policies/s15-township-center.toml",
];

/// The embedded clause index's name and text.
pub(super) fn shipped_index() -> Option<(&'static str, &'static str)> {
    SOURCES
        .iter()
        .find(|(name, _)| name.ends_with("clauses.toml"))
        .copied()
}

/// Whether `text` is the embedded clause index, byte for byte (also when a set loads the
/// repository's `policies/` from disk).
pub(super) fn is_shipped_index(text: &str) -> bool {
    shipped_index().is_some_and(|(_, t)| t == text)
}

/// The shipped calendars by id (the file's name without `.toml`), with their file.
pub(super) fn calendars() -> impl Iterator<Item = (&'static str, (&'static str, &'static str))> {
    by_id(|name| name.starts_with("policies/calendars/"))
}

/// The shipped policies by id (the file's name without `.toml`: the tests hold each file's
/// `[policy] id` to it), with their file.
pub(super) fn policies() -> impl Iterator<Item = (&'static str, (&'static str, &'static str))> {
    by_id(|name| !name.starts_with("policies/calendars/") && !name.ends_with("clauses.toml"))
}

fn by_id(
    keep: impl Fn(&str) -> bool,
) -> impl Iterator<Item = (&'static str, (&'static str, &'static str))> {
    SOURCES
        .iter()
        .filter(move |(name, _)| keep(name))
        .filter_map(|&(name, text)| {
            let stem = name.rsplit('/').next()?.strip_suffix(".toml")?;
            Some((stem, (name, text)))
        })
}
