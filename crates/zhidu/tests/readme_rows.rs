//! The README's input-format table is the schemas' (`zhidu::rows::markdown_table`): this
//! fails when a field changes and the README does not. `ZHIDU_WRITE_README=1 cargo test -p
//! zhidu --test readme_rows` writes the table into the README.

const BEGIN: &str =
    "<!-- rows:begin (generated from zhidu::rows; see crates/zhidu/tests/readme_rows.rs) -->\n";
const END: &str = "<!-- rows:end -->";

#[test]
fn the_readme_input_table_is_the_schemas() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let readme = std::fs::read_to_string(path).expect("the README");
    let table = zhidu::rows::markdown_table();
    let start = readme
        .find(BEGIN)
        .expect("the README has the rows:begin marker")
        + BEGIN.len();
    let end = readme
        .get(start..)
        .and_then(|r| r.find(END))
        .expect("the rows:end marker")
        + start;
    let current = readme.get(start..end).unwrap_or_default();
    if current != table && std::env::var_os("ZHIDU_WRITE_README").is_some() {
        let updated = format!(
            "{}{table}{}",
            readme.get(..start).unwrap_or_default(),
            readme.get(end..).unwrap_or_default()
        );
        std::fs::write(path, updated).expect("write the README");
        return;
    }
    assert_eq!(
        current, table,
        "run with ZHIDU_WRITE_README=1 to update the README"
    );
}
