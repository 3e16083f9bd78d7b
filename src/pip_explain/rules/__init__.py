"""The rule registry: every module in this package contributes ``RULES``.

Adding a rule means adding a :class:`~pip_explain.model.Rule` to a module
here (or a new module) plus its fixture logs under ``tests/fixtures``; the
engine in :mod:`pip_explain.classify` never names a rule.
"""
from __future__ import annotations

import importlib
import os
from typing import Dict, List, Tuple

from pip_explain.model import Rule

_RULES: Tuple[Rule, ...] = ()


def all_rules() -> Tuple[Rule, ...]:
    """Every rule, in code order (on one line, the lower code wins)."""
    global _RULES
    if not _RULES:
        found: List[Rule] = []
        # the modules beside this one (os.listdir: pkgutil's import costs more than the walk)
        names = sorted({entry[:-3] for directory in __path__ for entry in os.listdir(directory)
                        if entry.endswith(".py") and not entry.startswith("_")})
        for name in names:
            module = importlib.import_module(__name__ + "." + name)
            found.extend(getattr(module, "RULES", ()))
        codes = [r.code for r in found]
        duplicates = {c for c in codes if codes.count(c) > 1}
        if duplicates:
            raise RuntimeError("duplicate rule codes: %s" % ", ".join(sorted(duplicates)))
        _RULES = tuple(sorted(found, key=lambda r: r.code))
    return _RULES


def by_code() -> Dict[str, Rule]:
    return {rule.code.upper(): rule for rule in all_rules()}
