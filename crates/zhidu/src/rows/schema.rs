//! What a row of each kind is: its fields, their types, their other spellings, and the hint
//! shown when a row is wrong.

/// The type of a field, which decides which cells it accepts (the same in every host).
///
/// # Example
///
/// ```
/// assert_eq!(zhidu::rows::FieldType::Whole.name(), "whole number");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldType {
    /// Text. A whole number is taken as its digits (ids that a spreadsheet or pandas read as
    /// numbers), so `1001`, `1001.0` and `"1001"` are the same id.
    Text,
    /// A signed whole number: an integer, a whole float, or its digits as text.
    Whole,
    /// A count of days from 0 to 4294967295: an integer, a whole float, or its digits.
    Days,
    /// A date, a wall time in the calendar's zone, or an instant: a host's date or time
    /// value, or text (RFC 3339, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD`).
    Instant,
    /// Yes or no: a boolean, `true`/`false`/`yes`/`no`/`1`/`0` as text (any case), or the
    /// integers 1 and 0. Missing is no.
    Bool,
    /// Ids: a list of texts, or one text with the ids separated by `;`.
    Flags,
    /// Case events: a list of event objects, or one text in the compact form of
    /// [`crate::CaseEvent::parse_list`].
    Events,
    /// An exact decimal (money, a quantity): an integer, or its digits as text (`1200.50`);
    /// a float is read by its shortest decimal spelling.
    Amount,
}

impl FieldType {
    /// The type's name for the input-format table and messages.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::rows::FieldType::Instant.name(), "instant");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Whole => "whole number",
            FieldType::Days => "days",
            FieldType::Instant => "instant",
            FieldType::Bool => "yes/no",
            FieldType::Flags => "ids",
            FieldType::Events => "events",
            FieldType::Amount => "amount",
        }
    }
}

/// One field of a row kind.
///
/// # Example
///
/// ```
/// let f = zhidu::rows::CASE.field("class").unwrap();
/// assert_eq!(f.aliases, ["item"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// The field's name, as a CSV header, a JSON key, a dict key or a JS key.
    pub name: &'static str,
    /// Other accepted names.
    pub aliases: &'static [&'static str],
    /// Its type.
    pub ty: FieldType,
    /// Whether a row without it is an error.
    pub required: bool,
    /// What it is, and its default when absent, for the input-format table.
    pub doc: &'static str,
}

impl Field {
    /// A required field.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Field, FieldType};
    /// assert!(Field::required("id", FieldType::Text, "the case's id").required);
    /// ```
    #[must_use]
    pub const fn required(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
        Field {
            name,
            aliases: &[],
            ty,
            required: true,
            doc,
        }
    }

    /// An optional field.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Field, FieldType};
    /// assert!(!Field::optional("note", FieldType::Text, "a note").required);
    /// ```
    #[must_use]
    pub const fn optional(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
        Field {
            name,
            aliases: &[],
            ty,
            required: false,
            doc,
        }
    }

    /// The same field, also accepted under `aliases`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Field, FieldType};
    /// let f = Field::required("class", FieldType::Text, "").alias(&["item"]);
    /// assert_eq!(f.aliases, ["item"]);
    /// ```
    #[must_use]
    pub const fn alias(mut self, aliases: &'static [&'static str]) -> Field {
        self.aliases = aliases;
        self
    }

    /// Whether `key` names this field.
    fn is(&self, key: &str) -> bool {
        self.name == key || self.aliases.contains(&key)
    }
}

/// One kind of input row: its name, its fields, and the hint shown with its errors.
///
/// # Example
///
/// ```
/// let s = &zhidu::rows::INCIDENT;
/// assert_eq!(s.kind, "incident");
/// assert!(s.field("rule").unwrap().required);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schema {
    /// The kind, as row errors name it: `case`, `incident` …
    pub kind: &'static str,
    /// Its fields, in the order of the input-format table (and of CSV headers).
    pub fields: &'static [Field],
    /// What a row of the kind has, shown with its errors.
    pub hint: &'static str,
}

impl Schema {
    /// A schema (a `const` for `static` declarations).
    ///
    /// # Example
    ///
    /// ```
    /// use zhidu::rows::{Field, FieldType, Schema};
    /// static PATROL: Schema = Schema::new("patrol", &[Field::required("at", FieldType::Instant, "when")], "a patrol has `at`");
    /// assert_eq!(PATROL.fields.len(), 1);
    /// ```
    #[must_use]
    pub const fn new(kind: &'static str, fields: &'static [Field], hint: &'static str) -> Schema {
        Schema { kind, fields, hint }
    }

    /// The field named `key` (or one of its aliases).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::rows::CASE.field("item").unwrap().name, "class");
    /// ```
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.is(key))
    }

    /// The position of the field named `key` (or one of its aliases) in [`Schema::fields`]:
    /// where a host puts its cell for [`crate::rows::Record::new`].
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(zhidu::rows::CASE.position("item"), Some(1));
    /// assert_eq!(zhidu::rows::CASE.position("nope"), None);
    /// ```
    #[must_use]
    pub fn position(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.is(key))
    }

    /// Every name a key of this kind may have, for "did you mean".
    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields
            .iter()
            .flat_map(|f| core::iter::once(f.name).chain(f.aliases.iter().copied()))
    }
}
