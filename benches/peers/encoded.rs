//! Incidents encoded as the columns a host hands over, for the columnar scorer
//! (`AssessRequest::incident_columns`): shared by `profile` and `peers_rust`, so the profile
//! and the peer table time the same encoding.

use zhidu::{Incident, Start};

/// Incidents as the columns a host hands over: subject, rule, window and note each as its
/// distinct texts and each row's position among them; `at` as Unix seconds.
pub struct Encoded {
    pub texts: Vec<(Vec<String>, Vec<u32>)>,
    pub at: Vec<i64>,
    pub points: Vec<Option<i64>>,
}

impl Encoded {
    pub fn new(rows: &[Incident]) -> Encoded {
        fn encode<'i>(texts: impl Iterator<Item = Option<&'i str>>) -> (Vec<String>, Vec<u32>) {
            let mut seen = std::collections::HashMap::new();
            let mut values = Vec::new();
            let codes = texts
                .map(|t| match t {
                    None => zhidu::TextColumn::MISSING,
                    Some(t) => *seen.entry(t).or_insert_with(|| {
                        values.push(t.to_owned());
                        u32::try_from(values.len() - 1).unwrap()
                    }),
                })
                .collect();
            (values, codes)
        }
        Encoded {
            texts: vec![
                encode(rows.iter().map(|i| Some(i.subject.as_str()))),
                encode(rows.iter().map(|i| Some(i.rule.as_str()))),
                encode(rows.iter().map(|i| i.window.as_deref())),
                encode(rows.iter().map(|i| i.note.as_deref())),
            ],
            at: rows
                .iter()
                .map(|i| match i.at {
                    Start::Instant(t) => t.timestamp(),
                    _ => unreachable!("the fixture's instants"),
                })
                .collect(),
            points: rows.iter().map(|i| i.points).collect(),
        }
    }
}

impl Encoded {
    /// The columns, borrowing the encoded texts (`values` holds each text column's
    /// distinct texts as `&str`).
    pub fn columns<'a>(&'a self, values: &'a [Vec<&'a str>]) -> zhidu::IncidentColumns<'a> {
        let text = |k: usize| zhidu::TextColumn::new(&values[k], &self.texts[k].1);
        zhidu::IncidentColumns::new(
            text(0),
            zhidu::InstantColumn::Instants(&self.at, zhidu::InstantUnit::Second),
            text(1),
        )
        .window(text(2))
        .note(text(3))
        .points(&self.points)
    }

    /// Each text column's distinct texts as `&str`, for [`Encoded::columns`].
    pub fn values(&self) -> Vec<Vec<&str>> {
        self.texts
            .iter()
            .map(|(v, _)| v.iter().map(String::as_str).collect())
            .collect()
    }
}
