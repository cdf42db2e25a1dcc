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
