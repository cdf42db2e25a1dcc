//! `[[trigger]]` entries → the trigger model, with the loader's diagnostics.

use core::str::FromStr;

use crate::load::spanned::Spanned;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::model::{Check, Model, Test, Trigger};
use crate::diagnostic::Diagnostic;
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawDefault, RawSource};
use crate::source::{Clause, DefaultNote};

/// 触发条件 / The test a `[[trigger]]` names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawTest {
    NewEnterprise,
    HaltThenNewContract,
    NewContract,
    BeyondScope,
    DeclaredOverWriteOff,
    Arrears,
    Other,
}

/// 验厂触发条件 / `[[trigger]]`: one 验厂 trigger.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTrigger {
    /// 条款编号，即本条的代码 / the clause id, the entry's code
    pub(crate) code: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    pub(crate) name: String,
    /// 核查内容：生产能力或经营情况 / what is verified: capacity or operations
    pub(crate) check: Check,
    /// 触发条件 / the test that fires it
    pub(crate) test: Spanned<RawTest>,
    /// 月数 / Halt or arrears length, or the look-back of write-offs, in months.
    #[serde(default)]
    pub(crate) months: Option<Spanned<u32>>,
    /// 比例 / Declared ÷ largest write-off at which the trigger fires, as decimal text.
    #[serde(default)]
    pub(crate) ratio: Option<Spanned<String>>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

pub(crate) fn compile(
    doc: &Document<'_>,
    raw: &[(usize, RawTrigger)],
    out: &mut Vec<Diagnostic>,
) -> Option<Model> {
    if raw.is_empty() {
        return None;
    }
    let mut triggers: Vec<Trigger> = Vec::new();
    // Codes seen, in a set: a scan per trigger is quadratic at 10^5 triggers.
    let mut codes = std::collections::HashSet::new();
    for (i, t) in raw {
        let path = format!("trigger[{i}]");
        if !check_id(doc, &t.code, &format!("{path}.code"), out) {
            continue;
        }
        if !codes.insert(t.code.get_ref().as_str()) {
            out.push(doc.error_at(
                t.code.span(),
                format!("{path}.code"),
                format!("trigger `{}` is defined twice", t.code.get_ref()),
                None,
            ));
            continue;
        }
        let months = || {
            t.months
                .as_ref()
                .map(|m| *m.get_ref())
                .filter(|&m| m > 0)
                .ok_or_else(|| {
                    doc.error_at(
                        t.months
                            .as_ref()
                            .map_or_else(|| t.test.span(), Spanned::span),
                        format!("{path}.months"),
                        "this test needs `months`, a whole number above 0".to_owned(),
                        Some("e.g. `months = 6` for a half-year halt (A27)".to_owned()),
                    )
                })
        };
        let test = match *t.test.get_ref() {
            RawTest::NewEnterprise => Ok(Test::NewEnterprise),
            RawTest::NewContract => Ok(Test::NewContract),
            RawTest::BeyondScope => Ok(Test::BeyondScope),
            RawTest::Other => Ok(Test::Other),
            RawTest::HaltThenNewContract => {
                months().map(|months| Test::HaltThenNewContract { months })
            }
            RawTest::Arrears => months().map(|months| Test::Arrears { months }),
            RawTest::DeclaredOverWriteOff => months().and_then(|months| {
                let ratio = t
                    .ratio
                    .as_ref()
                    .and_then(|r| Decimal::from_str(r.get_ref().trim()).ok())
                    .filter(|r| *r > Decimal::ZERO);
                ratio
                    .map(|ratio| Test::DeclaredOverWriteOff { ratio, months })
                    .ok_or_else(|| {
                        doc.error_at(
                            t.ratio
                                .as_ref()
                                .map_or_else(|| t.test.span(), Spanned::span),
                            format!("{path}.ratio"),
                            "this test needs `ratio`, a decimal number above 0 as text".to_owned(),
                            Some("e.g. `ratio = \"1.2\"` for 20%以上 (A14)".to_owned()),
                        )
                    })
            }),
        };
        match test {
            Ok(test) => triggers.push(Trigger {
                name: t.name.clone(),
                check: t.check,
                test,
                source: Clause::from(&t.source),
                defaults: t.defaults.iter().map(DefaultNote::from).collect(),
            }),
            Err(d) => out.push(d),
        }
    }
    Some(Model { triggers })
}
