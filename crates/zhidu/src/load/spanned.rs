//! A value of a policy file with the bytes it came from: [`toml::Spanned`], wrapped so the raw
//! types can also describe themselves as JSON Schemas (`schema` feature) — the schema of a
//! spanned value is the value's own, since the span is the loader's, not the file's.

use core::ops::Deref;

use serde::Deserialize;

/// A raw value and its byte range in the file; reads exactly as [`toml::Spanned`] does.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub(crate) struct Spanned<T>(toml::Spanned<T>);

impl<T> Spanned<T> {
    /// The value.
    pub(crate) fn get_ref(&self) -> &T {
        self.0.get_ref()
    }

    /// Its byte range in the file.
    pub(crate) fn span(&self) -> core::ops::Range<usize> {
        self.0.span()
    }
}

impl<T> Deref for Spanned<T> {
    type Target = toml::Spanned<T>;
    fn deref(&self) -> &toml::Spanned<T> {
        &self.0
    }
}

#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}
