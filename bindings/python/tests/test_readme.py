"""The README's Python examples run as written: together in order in one namespace, and each
alone in a fresh interpreter (every example is self-contained)."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys
import warnings

import pytest

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


def blocks() -> list:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_has_examples() -> None:
    assert len(blocks()) >= 5


def test_readme_examples_run() -> None:
    namespace: dict = {"__name__": "readme"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an example that warns is a broken example
        for i, code in enumerate(blocks()):
            exec(compile(code, f"README.md python block {i + 1}", "exec"), namespace)


@pytest.mark.parametrize("number", range(1, len(blocks()) + 1))
def test_each_readme_example_runs_alone(number: int) -> None:
    """Each example is self-contained: it runs on its own in a fresh interpreter (warnings
    as errors), so a reader can paste any one of them."""
    code = blocks()[number - 1]
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True, text=True, timeout=120, cwd=README.parent,
    )
    assert done.returncode == 0, f"README.md python block {number}:\n{done.stderr[-2000:]}"


TOP = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def test_top_level_readme_python_examples_run() -> None:
    """The repository README's Python section runs as written too."""
    found = re.findall(r"```python\n(.*?)```", TOP.read_text(encoding="utf-8"), re.S)
    assert found, "the top-level README has a Python example"
    namespace: dict = {"__name__": "readme"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for i, code in enumerate(found):
            exec(compile(code, f"top-level README.md python block {i + 1}", "exec"), namespace)
