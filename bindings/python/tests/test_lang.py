"""The language option: messages in 简体中文 or English, codes and positions unchanged."""

import threading

import pytest

import zhidu

S2 = zhidu.PolicySet.builtin().policy("s2-service-center")


@pytest.fixture(autouse=True)
def english_by_default():
    zhidu.set_lang("en")
    yield
    zhidu.set_lang("en")


def bad_date() -> zhidu.ZhiduError:
    with pytest.raises(zhidu.InputError) as info:
        S2.due("promised", accepted_at="2026-13-45", days=5)
    return info.value


def test_english_is_the_default():
    assert zhidu.get_lang() == "en"
    e = bad_date()
    assert e.code == "input"
    assert e.message == "`2026-13-45` is not a date or an instant"


def test_set_lang_chinese_keeps_the_code_and_class():
    zhidu.set_lang("zh_CN.UTF-8")
    assert zhidu.get_lang() == "zh"
    e = bad_date()
    assert isinstance(e, ValueError)
    assert e.code == "input"
    assert e.message == "`2026-13-45`不是日期或时刻"
    assert e.help.startswith("请写`YYYY-MM-DD`")


def test_the_context_manager_is_local_to_its_block_and_thread():
    seen = {}

    def other_thread():
        seen["other"] = zhidu.get_lang()

    with zhidu.lang("zh") as now:
        assert now == "zh"
        assert bad_date().message == "`2026-13-45`不是日期或时刻"
        t = threading.Thread(target=other_thread)
        t.start()
        t.join()
    assert seen["other"] == "en"
    assert bad_date().message == "`2026-13-45` is not a date or an instant"


def test_policy_diagnostics_keep_their_place():
    with zhidu.lang("zh"):
        with pytest.raises(zhidu.PolicyError) as info:
            zhidu.PolicySet.from_sources([("bad.toml", '[policy]\nid = "x"\nname = 5\n')])
    d = info.value.diagnostics[0]
    assert (d.file, d.line, d.column, d.path) == ("bad.toml", 3, 8, "policy.name")
    assert d.message == "类型不符：此处为整数`5`，应为字符串"
    assert info.value.code == "policy"


def test_explanations_follow_the_language():
    with zhidu.lang("zh"):
        ex = S2.explain("promised", accepted_at="2026-09-30T10:00:00+08:00", days=5)
    assert ex.rules[0] == "5个工作日，自受理次日起算"
    ex = S2.explain("promised", accepted_at="2026-09-30T10:00:00+08:00", days=5)
    assert ex.rules[0] == "5 working days, counted from the day after the start (次日起算)"


def test_an_unknown_language_is_an_input_error():
    with pytest.raises(zhidu.InputError) as info:
        zhidu.set_lang("fr")
    assert info.value.message == "`fr` is not a language zhidu writes"
    assert zhidu.get_lang() == "en"


def test_warnings_of_a_due_date_follow_the_language():
    with zhidu.lang("zh"):
        d = S2.due("promised", accepted_at="2026-09-30", days=8)
    assert d.warnings[0]["code"] == "outside_usual_range"
    assert d.warnings[0]["message"] == "承诺时限`8`个工作日超出类别`promised`的通常范围3—5"


def test_dataframe_column_errors_follow_the_language():
    pd = pytest.importorskip("pandas")
    s14 = zhidu.PolicySet.builtin().policy("s14-window-scorecard")
    df = pd.DataFrame([{"subject": "张三", "at": "2026-10-12", "rule": "S14.att.1a", "quantiy": 1}])
    with zhidu.lang("zh"), pytest.raises(zhidu.InputError) as info:
        s14.assess(df, period="2026-10")
    assert info.value.message == "incidents：DataFrame 的`quantiy`列不是字段；是否想写`quantity`？"
    with pytest.raises(zhidu.InputError) as info:
        s14.assess(df, period="2026-10")
    assert info.value.message == (
        "incidents: the DataFrame has a column `quantiy` that is not a field; did you mean `quantity`?"
    )


def test_the_binding_own_argument_errors_follow_the_language():
    """The binding's own checks (not the core's) come from the same catalogue: English by
    default, Chinese under `lang("zh")`, the same class and code."""

    def raised(call) -> zhidu.ZhiduError:
        with pytest.raises(zhidu.InputError) as info:
            call()
        return info.value

    cases = [
        (
            lambda: S2.due(5, accepted_at="2026-09-30"),
            "`class_id` must be a string, not `int`",
            "`class_id`须为字符串，而不是`int`",
        ),
        (
            lambda: S2.due_many("promised", ["2026-09-30"], errors="ignore"),
            "`errors` must be \"warn\", \"raise\" or \"collect\", not 'ignore'",
            "`errors`须为\"warn\"、\"raise\"或\"collect\"，而不是'ignore'",
        ),
        (
            lambda: S2.due("promised", accepted_at="2026-09-30", days=1.5),
            "`days` must be a whole number from 0 to 4294967295, not `1.5`",
            "`days`须为0至4294967295的整数，而不是`1.5`",
        ),
        (
            lambda: S2.assess({"subject": "张三"}, period="2026-10"),
            "`incidents` must be an iterable of dicts, a pandas or polars DataFrame, a pyarrow"
            " Table or a dict of columns, not `dict`",
            "`incidents`须为由字典组成的可迭代对象、pandas 或 polars DataFrame、pyarrow Table"
            " 或由列组成的字典，而不是`dict`",
        ),
    ]
    for call, en, zh in cases:
        e = raised(call)
        assert (type(e), e.code, e.message) == (zhidu.InputError, "input", en)
        with zhidu.lang("zh"):
            z = raised(call)
        assert (type(z), z.code, z.message) == (zhidu.InputError, "input", zh)
    with zhidu.lang("zh"):
        assert raised(lambda: S2.assess({}, period="2026-10")).help == "单独一行请放在列表中传入"


def test_a_batch_warning_follows_the_language():
    with zhidu.lang("zh"), pytest.warns(zhidu.RowWarning) as caught:
        S2.due_many("promised", ["2026-09-30", "2026-13-45"], 5)
    assert str(caught[0].message).startswith(
        "2行中有1行出错（行1）；第1行：`2026-13-45`不是日期或时刻；传入errors=\"collect\""
    )


def test_the_default_language_is_read_without_a_context_and_with_one():
    """In a fresh process no `with zhidu.lang(…)` was entered yet, so the binding reads the
    default it keeps itself; after one, the context variable. Both must agree with
    `get_lang()`."""
    import subprocess
    import sys

    script = """
import zhidu
p = zhidu.PolicySet.builtin().policy("s2-service-center")
def message():
    try:
        p.due("promised", "2026-13-45", 5)
    except zhidu.InputError as e:
        return e.message
print(message())
zhidu.set_lang("zh")
print(p.due("promised", "2026-09-30", 8).warnings[0]["message"])
print(message())
with zhidu.lang("en"):
    print(message())
print(message())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        "`2026-13-45` is not a date or an instant",
        "承诺时限`8`个工作日超出类别`promised`的通常范围3—5",
        "`2026-13-45`不是日期或时刻",
        "`2026-13-45` is not a date or an instant",
        "`2026-13-45`不是日期或时刻",
    ]


def test_the_package_python_code_words_no_message_of_its_own():
    # Every message the package's Python code raises comes from the catalogue (`_text`), so
    # it has a Chinese text too; a literal `raise X("…")` or `raise X(f"…")` would be English only.
    import pathlib
    import re

    package = pathlib.Path(zhidu.__file__).parent
    literal = re.compile(r"raise\s+\w+\(\s*f?[\"']")
    found = [
        f"{path.name}:{n}"
        for path in sorted(package.glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert found == []


def test_the_package_python_errors_follow_the_language():
    from zhidu._instants import end_of_day
    from zhidu._status import Status

    with pytest.raises(TypeError) as info:
        end_of_day(3)
    assert str(info.value) == "`day` must be a date or `YYYY-MM-DD` text, not int"
    with zhidu.lang("zh"):
        with pytest.raises(TypeError) as info:
            end_of_day(3)
        assert str(info.value) == "`day`须为日期或`YYYY-MM-DD`文本，而不是int"
        with pytest.raises(ValueError) as info:
            _ = Status.RED == "overdue"
        assert str(info.value).startswith("`overdue`不是办件状态：请与`")
    with pytest.raises(KeyError):
        zhidu._zhidu._text("py.no_such_entry")
