//! Messages follow `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`; codes and exit codes do not.

#![allow(
    clippy::unwrap_used,
    reason = "a test with a broken fixture should fail loudly"
)]

use std::process::{Command, Output};

/// `zhidu ARGS` with exactly the locale variables given.
fn zhidu(locale: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhidu"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd.envs(locale.iter().copied())
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const BAD_DATE: &[&str] = &[
    "due",
    "--policy",
    "s2-service-center",
    "--class",
    "promised",
    "--accepted",
    "2026-13-45",
    "--days",
    "5",
];

#[test]
fn a_chinese_locale_gives_chinese_messages_with_the_same_exit_code() {
    let zh = zhidu(&[("LANG", "zh_CN.UTF-8")], BAD_DATE);
    let en = zhidu(&[("LANG", "en_US.UTF-8")], BAD_DATE);
    assert_eq!(zh.status.code(), Some(2));
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(
        stderr(&zh),
        "错误：`2026-13-45`不是日期或时刻\n  帮助：请写`YYYY-MM-DD`、`YYYY-MM-DDTHH:MM`（按日历所在时区）或 RFC 3339 时刻，例如`2026-09-30T10:00:00+08:00`\n"
    );
    assert_eq!(
        stderr(&en),
        "error: `2026-13-45` is not a date or an instant\n  help: write `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (calendar's zone) or an RFC 3339 instant such as `2026-09-30T10:00:00+08:00`\n"
    );
}

#[test]
fn lc_all_overrides_lang_and_the_flag_overrides_both() {
    let c_over_zh = zhidu(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], BAD_DATE);
    assert!(stderr(&c_over_zh).starts_with("error: `2026-13-45`"));
    let messages = zhidu(&[("LC_MESSAGES", "zh_TW.UTF-8")], BAD_DATE);
    assert!(stderr(&messages).starts_with("错误："));
    let mut args = vec!["--lang", "en"];
    args.extend_from_slice(BAD_DATE);
    assert!(stderr(&zhidu(&[("LC_ALL", "zh_CN.UTF-8")], &args)).starts_with("error: "));
    let mut args = vec!["--lang", "zh"];
    args.extend_from_slice(BAD_DATE);
    assert!(stderr(&zhidu(&[], &args)).starts_with("错误："));
    let bad = zhidu(&[], &["--lang", "fr", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("`fr` is not a language zhidu writes"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn explanations_and_policy_diagnostics_follow_the_language() {
    let o = zhidu(
        &[("LANG", "zh_CN.UTF-8")],
        &[
            "due",
            "--policy",
            "s2-service-center",
            "--class",
            "promised",
            "--accepted",
            "2026-09-30T10:00:00+08:00",
            "--days",
            "5",
        ],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let expected = [
        "承诺件（promised）——制度s2-service-center，版本2023-10-23\n",
        "办结期限  2026-10-13\n",
        // A Chinese character takes two columns: the day's kind is padded to 34 columns.
        "  2026-10-01 周四  法定节假日 国庆节                  不计：法定节假日（国庆节），非工作日\n",
        "  2026-10-10 周六  调休上班日 国庆节                  第3天\n",
        "计算规则  5个工作日，自受理次日起算\n计算规则  到期日24:00截止\n",
    ];
    for line in expected {
        assert!(out.contains(line), "{line}\nnot in\n{out}");
    }

    let dir = std::env::temp_dir().join(format!("zhidu-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.toml");
    std::fs::write(&file, "[policy]\nid = \"x\"\nname = 5\n").unwrap();
    let path = file.display().to_string();
    let o = zhidu(&[("LANG", "zh_CN.UTF-8")], &["check", &path]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("错误：类型不符：此处为整数`5`，应为字符串\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!("  --> {path}:3:8（位于`policy.name`）")),
        "{out}"
    );
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhidu-lang-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_cli_own_errors_and_summaries_follow_the_language_with_the_same_exit_code() {
    // `calendar diff` without `--as-of` and a notice with no `published` date: the CLI's own
    // error, not the core's.
    let dir = scratch("diff");
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/notices/test-2027.toml"
    );
    let notice = std::fs::read_to_string(root).unwrap();
    let notice = notice.replace("published = 2026-12-01\n", "");
    let notice_path = dir.join("notice.toml");
    std::fs::write(&notice_path, notice).unwrap();
    let log = dir.join("log.jsonl");
    std::fs::write(&log, "").unwrap();
    let args = [
        "calendar",
        "diff",
        "--with",
        notice_path.to_str().unwrap(),
        "--cases",
        log.to_str().unwrap(),
    ];
    let zh = zhidu(&[("LANG", "zh_CN.UTF-8")], &args);
    let en = zhidu(&[("LANG", "en_US.UTF-8")], &args);
    assert_eq!(zh.status.code(), Some(2));
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(
        stderr(&zh),
        "错误：节假日通知文件没有写明`published`发布日期\n  帮助：请提供`--as-of`，或在通知的`[[year]]`中写明`published = YYYY-MM-DD`\n"
    );
    assert_eq!(
        stderr(&en),
        "error: the notice file gives no `published` date\n  help: give `--as-of`, or `published = YYYY-MM-DD` in its `[[year]]`\n"
    );

    // `due --input`: a bad row's `error` cell and the summary line on stderr.
    let input = dir.join("rows.csv");
    std::fs::write(&input, "accepted_at,days\n2026-09-30,5\n2026-13-45,5\n\n").unwrap();
    let args = [
        "due",
        "--policy",
        "s2-service-center",
        "--class",
        "promised",
        "--input",
        input.to_str().unwrap(),
    ];
    let zh = zhidu(&[("LANG", "zh_CN.UTF-8")], &args);
    let en = zhidu(&[("LANG", "en_US.UTF-8")], &args);
    assert_eq!(zh.status.code(), Some(1));
    assert_eq!(en.status.code(), Some(1));
    assert_eq!(stderr(&zh), "共2行，1行已算出，1行有错误，跳过1个空行\n");
    assert_eq!(
        stderr(&en),
        "2 rows, 1 answered, 1 with errors, 1 blank line skipped\n"
    );
    let zh_out = String::from_utf8(zh.stdout).unwrap();
    assert!(
        zh_out.contains(",第2行：`accepted_at`须为日期或时刻，而不是`2026-13-45`\n"),
        "{zh_out}"
    );
    let en_out = String::from_utf8(en.stdout).unwrap();
    assert!(
        en_out
            .contains(",\"row 2: `accepted_at` must be a date or an instant, not `2026-13-45`\"\n"),
        "{en_out}"
    );

    // `check`'s last line.
    let zh = zhidu(&[("LANG", "zh_CN.UTF-8")], &["check", root]);
    let out = String::from_utf8(zh.stdout).unwrap();
    assert!(out.ends_with("已检查1个文件：0个错误，0个警告\n"), "{out}");
}
