//! `[[subsidy]]` entries → the subsidy model, with the loader's diagnostics.

use core::str::FromStr;

use crate::load::spanned::Spanned;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::model::{Model, Payee, Subsidy};
use crate::diagnostic::Diagnostic;
use crate::load::document::Document;
use crate::load::fields::check_id;
use crate::load::raw::{RawDefault, RawSource};
use crate::source::{Clause, DefaultNote};

/// 补贴 / `[[subsidy]]`: a monthly amount paid for each full month of training.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSubsidy {
    /// 标识（ASCII 字母、数字、`-`、`_`、`.`） / the entry's id (ASCII letters, digits, `-`, `_`, `.`)
    pub(crate) id: Spanned<String>,
    /// 名称 / the name, as the regulation words it
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; answers cite the clause"
    )]
    pub(crate) name: String,
    /// 领取人：学员或用人单位 / who is paid: the trainee or the employer
    pub(crate) payee: Spanned<Payee>,
    /// 每满一月的金额（元） / Yuan a full month, as decimal text (exact).
    pub(crate) monthly: Spanned<String>,
    /// 出处：条款编号与原文 / where it comes from: the clause id and its words
    pub(crate) source: RawSource,
    /// 本制度为条文未定之处所设的默认值（开放参数及理由） / values the regulation leaves open, set here, each with its open
    /// parameter and reason
    #[serde(default)]
    pub(crate) defaults: Vec<RawDefault>,
}

pub(crate) fn compile(
    doc: &Document<'_>,
    raw: &[(usize, RawSubsidy)],
    out: &mut Vec<Diagnostic>,
) -> Option<Model> {
    if raw.is_empty() {
        return None;
    }
    let mut model = Model {
        trainee: None,
        employer: None,
    };
    for (i, s) in raw {
        let path = format!("subsidy[{i}]");
        if !check_id(doc, &s.id, &format!("{path}.id"), out) {
            continue;
        }
        let Some(monthly) = Decimal::from_str(s.monthly.get_ref().trim())
            .ok()
            .filter(|m| *m >= Decimal::ZERO)
        else {
            out.push(doc.error_at(
                s.monthly.span(),
                format!("{path}.monthly"),
                format!("`{}` is not an amount of yuan", s.monthly.get_ref()),
                Some("write the yuan a month as decimal text, e.g. `monthly = \"400\"`".to_owned()),
            ));
            continue;
        };
        let slot = match s.payee.get_ref() {
            Payee::Trainee => &mut model.trainee,
            Payee::Employer => &mut model.employer,
        };
        if slot.is_some() {
            out.push(doc.error_at(
                s.payee.span(),
                format!("{path}.payee"),
                "a second subsidy for the same payee".to_owned(),
                Some("one `[[subsidy]]` per payee (`trainee`, `employer`)".to_owned()),
            ));
            continue;
        }
        *slot = Some(Subsidy {
            monthly,
            source: Clause::from(&s.source),
            defaults: s.defaults.iter().map(DefaultNote::from).collect(),
        });
    }
    Some(model)
}
