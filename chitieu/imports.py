"""Imports kept off the start-up path of every command."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def without(*modules: str) -> Iterator[None]:
    """Import something as if `modules` were absent, unless they are loaded already.
    sqlite_utils imports pandas, numpy and pyarrow whenever it finds them (0.5 s at each start)
    only to convert their values, which the catalogue never stores; `chitieu export` and the
    tokeniser import them themselves when they need them."""
    blocked = [name for name in modules if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` now raises ImportError
    try:
        yield
    finally:
        for name in blocked:
            del sys.modules[name]
