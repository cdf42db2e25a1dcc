//! The canonical key order of every table of a policy file: the field order of the loader's
//! raw type for that table, read from serde's own list of the struct's fields, so the order
//! cannot drift from the types (a test checks every table of the schemas has one).

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::load::raw::{
    RawAccountability, RawAssessment, RawCalendarHeader, RawCategory, RawClass, RawDefault,
    RawEffectDef, RawFestival, RawFlag, RawImport, RawItem, RawNoticeHeader, RawOfficeSessions,
    RawPolicyHeader, RawRule, RawRuleVersion, RawSource, RawStatute, RawStatuteFestival,
    RawSuspension, RawTier, RawViolation, RawYear,
};

/// A deserializer that only listens: a derived struct names its fields to
/// `deserialize_struct`, which records them and stops.
struct FieldNames(Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not_a_struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = Some(fields);
        Err(de::Error::custom("fields_read"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The fields of the derived struct `T`, in declaration order.
fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut names = FieldNames(None);
    // Always an error: the listener stops every deserialization once it has the names.
    let _ = T::deserialize(&mut names);
    names.0.unwrap_or(&[])
}

/// The key order of the table whose schema definition is `definition` (schemars names a
/// definition after its type), or `None` for a table of no known type (kept as written).
pub(crate) fn order_of(definition: &str) -> Option<&'static [&'static str]> {
    use crate::access::compile as access;
    Some(match definition {
        "RawCalendarHeader" => fields_of::<RawCalendarHeader>(),
        "RawNoticeHeader" => fields_of::<RawNoticeHeader>(),
        "RawStatute" => fields_of::<RawStatute>(),
        "RawStatuteFestival" => fields_of::<RawStatuteFestival>(),
        "RawYear" => fields_of::<RawYear>(),
        "RawFestival" => fields_of::<RawFestival>(),
        "RawDefault" => fields_of::<RawDefault>(),
        "RawSource" => fields_of::<RawSource>(),
        "RawPolicyHeader" => fields_of::<RawPolicyHeader>(),
        "RawOfficeSessions" => fields_of::<RawOfficeSessions>(),
        "RawImport" => fields_of::<RawImport>(),
        "RawClass" => fields_of::<RawClass>(),
        "RawItem" => fields_of::<RawItem>(),
        "RawSuspension" => fields_of::<RawSuspension>(),
        "RawAssessment" => fields_of::<RawAssessment>(),
        "RawEffectDef" => fields_of::<RawEffectDef>(),
        "RawCategory" => fields_of::<RawCategory>(),
        "RawRuleVersion" => fields_of::<RawRuleVersion>(),
        "RawRule" => fields_of::<RawRule>(),
        "RawAccountability" => fields_of::<RawAccountability>(),
        "RawTier" => fields_of::<RawTier>(),
        "RawFlag" => fields_of::<RawFlag>(),
        "RawViolation" => fields_of::<RawViolation>(),
        "RawRota" => fields_of::<crate::rota::RawRota>(),
        "RawDutyWindow" => fields_of::<crate::rota::RawDutyWindow>(),
        "RawConvener" => fields_of::<crate::rota::RawConvener>(),
        "RawStandIn" => fields_of::<crate::rota::RawStandIn>(),
        "RawPatrols" => fields_of::<crate::rota::RawPatrols>(),
        "RawObligation" => fields_of::<crate::obligations::RawObligation>(),
        "RawAccess" => fields_of::<access::RawAccess>(),
        "RawNamed" => fields_of::<access::RawNamed>(),
        "RawScope" => fields_of::<access::RawScope>(),
        "RawOtherwise" => fields_of::<access::RawOtherwise>(),
        "RawApproval" => fields_of::<access::RawApproval>(),
        "RawCondition" => fields_of::<access::RawCondition>(),
        "RawAccessRule" => fields_of::<access::RawRule>(),
        "RawRetention" => fields_of::<crate::retention::compile::RawRetention>(),
        "RawTrigger" => fields_of::<crate::triggers::compile::RawTrigger>(),
        "RawSubsidy" => fields_of::<crate::subsidies::compile::RawSubsidy>(),
        "RawFlow" => fields_of::<crate::flow::compile::RawFlow>(),
        "RawStep" => fields_of::<crate::flow::compile::RawStep>(),
        "RawIndex" => fields_of::<crate::coverage::index::RawIndex>(),
        "RawRegulation" => fields_of::<crate::coverage::index::RawRegulation>(),
        "RawReason" => fields_of::<crate::coverage::index::RawReason>(),
        "RawClause" => fields_of::<crate::coverage::index::RawClause>(),
        _ => return None,
    })
}

/// The section order of each kind of file: the order of the schema's file structs
/// (`schema/files.rs`), which the loader's section list mirrors.
pub(crate) const POLICY_SECTIONS: [&str; 21] = [
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

/// The sections of a calendar file, in order.
pub(crate) const CALENDAR_SECTIONS: [&str; 3] = ["calendar", "year", "statute"];

/// The one section of the clause index.
pub(crate) const CLAUSES_SECTIONS: [&str; 1] = ["clause_index"];
