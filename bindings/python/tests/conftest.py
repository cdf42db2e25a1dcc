"""Shared fixtures: the repository root, the builtin set and the S2 policy."""

from __future__ import annotations

import pathlib

import pytest

import zhidu

ROOT = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def ps() -> zhidu.PolicySet:
    return zhidu.PolicySet.builtin()


@pytest.fixture(scope="session")
def s2(ps: zhidu.PolicySet) -> zhidu.Policy:
    return ps.policy("s2-service-center")
