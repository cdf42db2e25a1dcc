//! Provisional years: the statute's days against the notices of 2025 and 2026, worked out by
//! hand from 国务院令第795号 and the lunar table, and notice files checked.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "a test with a broken fixture should fail loudly"
)]

use chrono::NaiveDate;
use zhidu::{PolicySet, Severity, StatutoryKind, SubstituteRule};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dates(v: &[&str]) -> Vec<NaiveDate> {
    v.iter().map(|s| d(s)).collect()
}

/// The 13 statutory days of 2025 and 2026 by hand (795号 第二条: 元旦 1, 春节 4 from 除夕,
/// 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), and 补假 on the next working day for the ones
/// on a weekend; each is a day off in that year's notice.
#[test]
fn reproduces_the_statutory_days_of_2025_and_2026() {
    let ps = PolicySet::builtin().unwrap();
    let cal = ps.calendar("cn-mainland").unwrap();
    let cases = [
        (
            2025,
            dates(&[
                "2025-01-01",
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31",
                "2025-04-04",
                "2025-05-01",
                "2025-05-02",
                "2025-05-31",
                "2025-10-01",
                "2025-10-02",
                "2025-10-03",
                "2025-10-06",
            ]),
            // 端午 05-31 is a Saturday: 补假 Monday 06-02.
            dates(&["2025-06-02"]),
        ),
        (
            2026,
            dates(&[
                "2026-01-01",
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-02-19",
                "2026-04-05",
                "2026-05-01",
                "2026-05-02",
                "2026-06-19",
                "2026-09-25",
                "2026-10-01",
                "2026-10-02",
                "2026-10-03",
            ]),
            // 清明 04-05 Sunday → 04-06; 劳动节 05-02 Saturday → 05-04; 国庆 10-03 Saturday → 10-05.
            dates(&["2026-04-06", "2026-05-04", "2026-10-05"]),
        ),
    ];
    for (year, statutory, substitute) in cases {
        let days = cal
            .statutory_days(year, SubstituteRule::NextWorkingDay)
            .unwrap();
        let got = |k: StatutoryKind| -> Vec<NaiveDate> {
            days.iter()
                .filter(|x| x.kind == k)
                .map(|x| x.date)
                .collect()
        };
        assert_eq!(got(StatutoryKind::Statutory), statutory, "{year}");
        assert_eq!(got(StatutoryKind::Substitute), substitute, "{year}");
        for x in &days {
            assert_eq!(x.statute, "国务院令第795号");
            assert!(
                !cal.is_working_day(x.date).unwrap(),
                "{year}: {} is off in the notice",
                x.date
            );
        }
    }
}

#[test]
fn statute_versions_by_year() {
    let ps = PolicySet::builtin().unwrap();
    let cal = ps.calendar("cn-mainland").unwrap();
    // 2013 (513号): 春节 = 除夕, 初一, 初二 = 02-09, 02-10, 02-11.
    let y2013 = cal.statutory_days(2013, SubstituteRule::None).unwrap();
    let spring: Vec<_> = y2013
        .iter()
        .filter(|x| x.festival == "春节")
        .map(|x| x.date)
        .collect();
    assert_eq!(spring, dates(&["2013-02-09", "2013-02-10", "2013-02-11"]));
    assert_eq!(y2013[0].statute, "国务院令第513号");
    assert_eq!(y2013.len(), 11);
    // 2014 (644号): 春节 = 初一 to 初三 = 01-31, 02-01, 02-02.
    let y2014 = cal.statutory_days(2014, SubstituteRule::None).unwrap();
    let spring: Vec<_> = y2014
        .iter()
        .filter(|x| x.festival == "春节")
        .map(|x| x.date)
        .collect();
    assert_eq!(spring, dates(&["2014-01-31", "2014-02-01", "2014-02-02"]));
    assert_eq!(y2014[0].statute, "国务院令第644号");
    // Before 2008 no version of the table is in force: an error, not a guess.
    assert_eq!(
        cal.statutory_days(2007, SubstituteRule::None)
            .unwrap_err()
            .code(),
        "coverage"
    );
}

#[test]
fn provisional_2027_days_and_basis() {
    let ps = PolicySet::builtin().unwrap();
    let cal = ps.calendar("cn-mainland").unwrap();
    assert_eq!(cal.notice_years(), (2004, 2026));
    assert_eq!(cal.years(), (2004, 2100));
    // 2027 春节: 除夕 02-05 (Fri) .. 初三 02-08 (Mon); 02-06, 02-07 on the weekend → 02-09, 02-10.
    for s in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"] {
        assert!(!cal.is_working_day(d(s)).unwrap(), "{s}");
    }
    assert!(cal.is_working_day(d("2027-02-11")).unwrap());
    let days = cal.year_days(2027).unwrap();
    assert!(days.iter().all(|x| x.provisional && x.kind == "holiday"));
    let feb10 = days.iter().find(|x| x.date == d("2027-02-10")).unwrap();
    assert_eq!(feb10.basis, "国务院令第795号 第六条 补假");
    assert_eq!(cal.provisional_basis().len(), 2100 - 2026);
}

fn notice(extra: &str, new_year: &str) -> String {
    format!(
        r#"[calendar]
extends = "cn-mainland"

[[year]]
year = 2027
notice = "test"

[[year.festival]]
name = "元旦"
holidays = [{new_year}]
{extra}
[[year.festival]]
name = "春节"
holidays = [2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08]

[[year.festival]]
name = "其他"
holidays = [2027-04-05, 2027-05-01, 2027-05-02, 2027-06-09, 2027-09-15, 2027-10-01, 2027-10-02, 2027-10-03]
"#
    )
}

#[test]
fn notice_file_problems() {
    // Every problem at once: a statutory day missing, a make-up day on a Wednesday, a date in
    // another year.
    let text = notice("workdays = [2027-01-06, 2028-01-08]\n", "2027-01-02");
    let diags = PolicySet::check_sources(&[("n.toml", &text)]).unwrap();
    let errors: Vec<_> = diags
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .collect();
    let messages: Vec<&str> = errors.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "2027-01-01 (元旦) is a statutory day off (国务院令第795号 第二条) that the notice does not list",
            "make-up working day 2027-01-06 is not on a weekend",
            "2028-01-08 is outside 2027",
        ],
        "{errors:#?}"
    );
    assert_eq!(errors[1].path, "year[0].festival[0].workdays[0]");
    assert_eq!((errors[1].line, errors[1].column), (11, 13));
    // More than six working days in a row (the weekend 01-09, 01-10 made working: Mon 01-04
    // to Fri 01-15 is 12) is a warning (第七条), not an error; the file loads.
    let text = notice("workdays = [2027-01-09, 2027-01-10]\n", "2027-01-01");
    let diags = PolicySet::check_sources(&[("n.toml", &text)]).unwrap();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(
        diags[0].message,
        "12 consecutive working days from 2027-01-04 to 2027-01-15"
    );
    // A year that already has its notice, and one that skips the next.
    for (year, msg) in [
        ("2026", "calendar `cn-mainland` already has the 2026 notice"),
        ("2028", "the 2027 notice must come before the 2028 one"),
    ] {
        let text = notice("", "2027-01-01").replace("year = 2027", &format!("year = {year}"));
        let e = PolicySet::from_sources(&[("n.toml", &text)]).unwrap_err();
        assert_eq!(e.diagnostics()[0].message, msg);
    }
    // A notice that extends an unknown calendar.
    let text = notice("", "2027-01-01").replace("cn-mainland", "cn-mainlnad");
    let e = PolicySet::from_sources(&[("n.toml", &text)]).unwrap_err();
    assert_eq!(e.diagnostics()[0].message, "no calendar `cn-mainlnad`");
}

#[test]
fn notice_only_set_keeps_the_builtin_policies() {
    let text = notice("", "2027-01-01");
    let ps = PolicySet::from_sources(&[("n.toml", &text)]).unwrap();
    assert!(ps.policy("s2-service-center").is_ok());
    let cal = ps.calendar("cn-mainland").unwrap();
    assert_eq!(cal.notice_years(), (2004, 2027));
    assert_eq!(cal.added_notices()[0].0, 2027);
    // 2028 is still provisional, its basis first.
    assert!(cal.provisional_basis()[0].starts_with("2028: 国务院令第795号"));
    // The notice has no 补假: 2027-02-09 (Tuesday) works.
    assert!(cal.is_working_day(d("2027-02-09")).unwrap());
}
