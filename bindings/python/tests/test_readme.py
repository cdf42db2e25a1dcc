"""The README's Python examples run as written, in order, in one namespace."""

from __future__ import annotations

import pathlib
import re
import warnings

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
