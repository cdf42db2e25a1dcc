"""The stubs give precise return types, not ``Any`` (issue #14 point 12): mypy reads a
consumer's ``due_many`` result as an array or a list of dates, and narrows it."""

import subprocess
import sys
import textwrap

import pytest

mypy = pytest.importorskip("mypy")


def _mypy(tmp_path, code):
    path = tmp_path / "consumer.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    return out.returncode, out.stdout + out.stderr


def test_due_many_returns_an_array_or_a_list_of_dates(tmp_path):
    status, out = _mypy(
        tmp_path,
        """
        import datetime
        from typing import List, Optional, Tuple

        import numpy
        import numpy.typing
        import zhidu

        p = zhidu.PolicySet.builtin().policy("s2-service-center")
        dates = p.due_many("promised", ["2026-09-30"], 5)
        reveal_type(dates)
        if isinstance(dates, numpy.ndarray):
            days: numpy.typing.NDArray[numpy.datetime64] = dates
        else:
            listed: List[Optional[datetime.date]] = dates
        collected, errors = p.due_many("promised", ["x"], 5, errors="collect")
        first: Tuple[int, zhidu.ZhiduError] = errors[0]
        """,
    )
    assert status == 0, out
    revealed = [line for line in out.splitlines() if "Revealed type" in line]
    assert len(revealed) == 1, out
    assert "ndarray" in revealed[0] and "datetime64" in revealed[0], revealed
    assert "datetime.date" in revealed[0] and "Any" not in revealed[0].split("ndarray")[0], revealed


def test_a_wrong_use_of_due_many_is_a_type_error(tmp_path):
    # With `Any`, this passed silently.
    status, out = _mypy(
        tmp_path,
        """
        import zhidu

        p = zhidu.PolicySet.builtin().policy("s2-service-center")
        total: int = p.due_many("promised", ["2026-09-30"], 5)
        """,
    )
    assert status == 1, out
    assert "Incompatible types in assignment" in out, out
