#![allow(clippy::unwrap_used, reason = "scratch")]
mod common;
#[test]
fn scratch() {
    let cal = common::calendar_with_festival("wide", "+05:45", 1949, 2200, "17:00");
    let close = common::all_units_policy("p-close", "wide", true);
    let ps = common::load(&[("wide.toml", &cal), ("close.toml", &close)]);
    let p = ps.policy("p-close").unwrap();
    for c in ["wd", "cd"] {
        let d = p
            .class(c)
            .unwrap()
            .due("1949-01-01T23:00".parse::<zhidu::Start>().unwrap(), Some(0));
        println!("{c} {d:?}");
        let d = p
            .class(c)
            .unwrap()
            .due("1949-01-04T23:00".parse::<zhidu::Start>().unwrap(), Some(0));
        println!("{c} {d:?}");
    }
}
