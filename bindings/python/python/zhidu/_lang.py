"""The language of zhidu's messages: ``"en"`` (the default) or ``"zh"`` (简体中文).

Exceptions (their message, ``help`` and diagnostics) and explanations (counting rules, day
notes, warnings) are written in it; codes, rows, files, lines and columns never change.
``set_lang`` sets the process-wide default; ``with lang("zh"):`` overrides it for the
current thread or asyncio task only (a context variable), so a web server can answer each
request in its user's language.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Optional

from ._zhidu import _enter_lang, _set_lang

_default = "en"
_current: ContextVar[Optional[str]] = ContextVar("zhidu_lang", default=None)


def set_lang(name: str) -> None:
    """Write messages in ``name`` from now on: ``"zh"``, ``"en"`` or a locale such as
    ``"zh_CN.UTF-8"``. Raises ``InputError`` for any other name."""
    global _default
    _default = _set_lang(name)


def get_lang() -> str:
    """The language messages are written in now: ``"zh"`` or ``"en"``."""
    return _current.get() or _default


@contextmanager
def lang(name: str) -> Iterator[str]:
    """Write messages in ``name`` inside the ``with`` block (this thread or task only)."""
    token = _current.set(_enter_lang(name))
    try:
        yield _current.get() or _default
    finally:
        _current.reset(token)
