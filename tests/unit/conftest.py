"""The fast lane's one shared hook: see src_support.forget_cached_results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from src_support import forget_cached_results


@pytest.fixture(autouse=True)
def _each_test_calls_what_it_uses() -> Iterator[None]:
    forget_cached_results()
    yield
