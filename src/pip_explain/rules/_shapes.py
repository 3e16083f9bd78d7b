"""Wordings shared by several rules, and the predicates that tell them apart.

The same sentence names whatever program is missing ("command 'X' failed: No
such file or directory"); the rule that owns the sentence for a given X is
chosen by the ``accept`` predicate on X.
"""
from __future__ import annotations

import re
from typing import Callable, Tuple

from pip_explain.model import Pattern

# Quotes as tools print them: ASCII, gcc's typographic quotes in UTF-8 locales,
# and the guillemets/CJK brackets of translated messages.
OPEN = "['‘\"`«「]"
CLOSE = "['’\"`»」]"
NAME = "[^'‘’\"`«»「」\\s]+"


def program(path: str) -> str:
    """``/usr/bin/x86_64-linux-gnu-gcc-12.exe`` -> ``x86_64-linux-gnu-gcc-12``."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-4] if name.lower().endswith(".exe") else name


def _program_is(regex: str) -> Callable[[str], bool]:
    compiled = re.compile(r"(?:[A-Za-z0-9_.]+-)*(?:%s)(?:-\d+(?:\.\d+)*)?" % regex)

    def accept(detail: str) -> bool:
        return compiled.fullmatch(program(detail)) is not None

    return accept


is_c_compiler = _program_is(r"gcc|cc|clang|icc|icx|tcc|c89|c99|cc1|suncc|xlc")
is_cxx_compiler = _program_is(r"g\+\+|c\+\+|clang\+\+|cc1plus|icpc|icpx")


def is_msvc(detail: str) -> bool:
    """cl.exe, or the SDK tools (link.exe, rc.exe, mt.exe) it drives."""
    return program(detail).lower() == "cl" or detail.lower().endswith(("link.exe", "rc.exe", "mt.exe"))


is_rust_tool = _program_is(r"cargo|rustc|rustup")


def missing_program(accept: Callable[[str], bool]) -> Tuple[Pattern, ...]:
    """The ways a build says "I tried to run X and X is not there"."""
    return (
        # setuptools 68-75 ("failed: No such file or directory"), old distutils
        Pattern("no such file or directory",
                r"command %s(?P<d>%s)%s failed: No such file or directory" % (OPEN, NAME, CLOSE), accept),
        Pattern("unable to execute",
                r"unable to execute %s(?P<d>%s)%s: No such file or directory" % (OPEN, NAME, CLOSE), accept),
        # setuptools 84+, and any FileNotFoundError from subprocess
        Pattern("no such file or directory",
                r"\[Errno 2\] No such file or directory: %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE), accept),
        # POSIX shells: dash "sh: 1: gcc: not found", bash "gcc: command not found"
        Pattern(": not found", r"(?:^|[\s:/])(?P<d>[\w.+-]+): not found", accept),
        Pattern(": command not found", r"(?:^|[\s:/])(?P<d>[\w.+-]+): command not found", accept),
        # gcc without its compiler proper: "cannot execute 'cc1plus': execvp: ..."
        Pattern("execvp", r"(?:cannot execute|error trying to exec) %s(?P<d>%s)%s: execvp: No such file"
                % (OPEN, NAME, CLOSE), accept),
        # Windows cmd.exe
        Pattern("is not recognized as an internal or external command",
                r"%s(?P<d>%s)%s is not recognized as an internal or external command" % (OPEN, NAME, CLOSE), accept),
    )


def missing_header(accept: Callable[[str], bool]) -> Tuple[Pattern, ...]:
    """The ways a compiler says "#include <X>: not found"."""
    return (
        # gcc (all locales print the file name bare)
        Pattern("no such file or directory",
                r"fatal error: (?P<d>[^\s:'‘’\"]+): No such file or directory", accept),
        # clang
        Pattern("file not found", r"fatal error: %s(?P<d>%s)%s file not found" % (OPEN, NAME, CLOSE), accept),
        # MSVC C1083
        Pattern("cannot open include file",
                r"Cannot open include file: %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE), accept),
        # Intel, nvcc
        Pattern("cannot open source file", r"cannot open source file %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE), accept),
    )


_HEADER = re.compile(r"[\w+./-]+\.(?:h|hh|hpp|hxx|h\+\+|inc|tcc)", re.IGNORECASE)
PYTHON_HEADERS = frozenset({"python.h", "pyconfig.h", "structmember.h", "patchlevel.h"})
# Headers CPython moved or removed: their absence means the sources predate
# this Python, not that a package is missing.
REMOVED_PYTHON_HEADERS = frozenset({"longintrepr.h", "eval.h", "pymactoolbox.h"})
# Headers that belong to Python packages (a build requirement), not to the OS.
_PYTHON_PACKAGE_PREFIXES = ("numpy/", "pybind11/", "nanobind/", "cython", "torch/", "pythran/")


def header_name(detail: str) -> str:
    return detail.replace("\\", "/").rsplit("/", 1)[-1].lower()


def is_header(detail: str) -> bool:
    return bool(detail) and _HEADER.fullmatch(detail) is not None and not detail.startswith(("/", "."))


def is_python_header(detail: str) -> bool:
    return is_header(detail) and header_name(detail) in PYTHON_HEADERS


def is_removed_python_header(detail: str) -> bool:
    return is_header(detail) and header_name(detail) in REMOVED_PYTHON_HEADERS


def is_library_header(detail: str) -> bool:
    if not is_header(detail):
        return False
    name = header_name(detail)
    if name in PYTHON_HEADERS or name in REMOVED_PYTHON_HEADERS or name == "config.h":
        return False
    return not detail.lower().startswith(_PYTHON_PACKAGE_PREFIXES)
