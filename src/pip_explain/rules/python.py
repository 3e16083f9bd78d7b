"""Failures of the Python side of a build.

- PX013: the C sources use C API this Python changed or removed;
- PX014: the build imports a module (or name) this Python removed;
- PX050: the build imports distutils, removed from Python 3.12;
- PX051: a build requirement is missing from, or broken in, the build
  environment (no build isolation, Cython 3 with old sources, setuptools
  without use_2to3, numpy imported by setup.py).
"""
import re
from typing import Tuple

from pip_explain.enrich.fixes import Context, quote
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules import _capi
from pip_explain.rules._shapes import (
    EXEC_LOCALS,
    CAPI_NAME,
    CAPI_STRUCT,
    CLOSE,
    OPEN,
    is_build_requirement,
    missing_program,
    program,
    translated_patterns,
    is_removed_module,
    top_module,
)

_C = "(?P<d>%s|%s)" % (CAPI_NAME, CAPI_STRUCT)
# g++ quotes a function with its signature: ‘int _PyLong_AsByteArray(PyLongObject*, ...)’
_FN = r"(?:[\w:]+[\s*&]+){0,4}" + _C + r"(?:\([^()'’]{0,300}\))?"
_AKA = r"(?: \{aka [^{}]{1,80}\})?"
# MSVC's error codes name the error in every language of its UI (Spanish "error C2065: 'tv': identificador no
# declarado"); the quotes are the UI's too
_MQ = "[%s\"“”„]" % OPEN[1:-1]
_ANY = r".{0,200}?"  # an argument that does not matter ("did you mean ...?")
# The same gcc errors in the other languages of its catalogue: the message id and its arguments
_TRANSLATED = (
    ("gcc.no_member", _C, r"\w{1,100}"), ("gcc.no_member_mean", _C, r"\w{1,100}", _ANY),
    ("gcc.cxx_no_member", _C, r"\w{1,100}"), ("gcc.cxx_no_member_mean", _C, r"\w{1,100}", _ANY),
    ("gcc.undeclared", _C), ("gcc.undeclared_mean", _C, _ANY),
    ("gcc.undeclared_here", _C), ("gcc.undeclared_here_mean", _C, _ANY),
    ("gcc.implicit_function", _C), ("gcc.implicit_function_mean", _C, _ANY),
    ("gcc.too_few_arguments", _FN), ("gcc.too_many_arguments", _FN),
    ("gcc.cxx_too_few_arguments", _FN), ("gcc.cxx_too_many_arguments", _FN),
    ("gcc.not_declared", _C), ("gcc.not_declared_mean", _C, _ANY),
    ("gcc.unknown_type", _C), ("gcc.unknown_type_mean", _C, _ANY),
)


# C API that CPython removed, by the version that removed it: names the headers of 3.8-3.13 declare no more
# (a call is an implicit declaration) or libpython exports no more (a link fails), compared with the version
# before (the "Removed" lists of the C API sections of What's New). Only functions and function-like macros
# an extension calls; renamed ones whose old name stays a macro (PyCode_New) are not here.
_REMOVED_CAPI_BY_VERSION = {
    "3.8": "PyByteArray_Init PyByteArray_Fini PyEval_ReInitThreads PyParser_SimpleParseStringFilename",
    "3.9": "PyAsyncGen_ClearFreeLists PyCFunction_ClearFreeList PyContext_ClearFreeList PyDict_ClearFreeList"
    " PyFloat_ClearFreeList PyFrame_ClearFreeList PyFrame_ExtendStack PyGen_NeedsFinalizing PyImport_Cleanup"
    " PyList_ClearFreeList PyMethod_ClearFreeList PySet_ClearFreeList PyTuple_ClearFreeList PyUnicode_ClearFreeList"
    " PyModule_GetWarningsModule PyAST_Check",
    "3.10": "PyAST_Compile PyAST_CompileEx PyAST_CompileObject PyAST_FromNode PyAST_FromNodeObject PyAST_Validate"
    " PyFuture_FromAST PyFuture_FromASTObject PyLong_FromUnicode PyOS_InitInterrupts PySymtable_Build"
    " PySymtable_BuildObject PySymtable_Free Py_SymtableString Py_SymtableStringObject PyUnicode_AsUnicodeCopy"
    " PyUnicode_GetMax Py_ALLOW_RECURSION Py_END_ALLOW_RECURSION",
    "3.11": "PyFrame_BlockPop PyFrame_BlockSetup PyUnicodeEncodeError_Create PyUnicodeTranslateError_Create"
    " PyUnicode_Encode PyUnicode_EncodeASCII PyUnicode_EncodeCharmap PyUnicode_EncodeDecimal PyUnicode_EncodeLatin1"
    " PyUnicode_EncodeMBCS PyUnicode_EncodeRawUnicodeEscape PyUnicode_EncodeUTF16 PyUnicode_EncodeUTF32"
    " PyUnicode_EncodeUTF7 PyUnicode_EncodeUTF8 PyUnicode_EncodeUnicodeEscape PyUnicode_TransformDecimalToASCII"
    " PyUnicode_TranslateCharmap PyErr_SetExcFromWindowsErrWithUnicodeFilename PyErr_SetFromErrnoWithUnicodeFilename"
    " PyErr_SetFromWindowsErrWithUnicodeFilename PyHeapType_GET_MEMBERS Py_UNICODE_COPY Py_UNICODE_FILL",
    "3.12": "PyUnicode_AS_UNICODE PyUnicode_AS_DATA PyUnicode_AsUnicode PyUnicode_AsUnicodeAndSize PyUnicode_FromUnicode"
    " PyUnicode_GET_SIZE PyUnicode_GetSize PyUnicode_GET_DATA_SIZE PyUnicode_WSTR_LENGTH PyUnicode_InternImmortal"
    " _PyUnicode_AsUnicode _PyUnicode_Ready PyToken_OneChar PyToken_TwoChars PyToken_ThreeChars",
    "3.13": "PyCFunction_Call PyEval_AcquireLock PyEval_ReleaseLock PyEval_CallFunction PyEval_CallMethod"
    " PyEval_CallObject PyEval_CallObjectWithKeywords PyEval_ThreadsInitialized PyObject_AsCharBuffer"
    " PyObject_AsReadBuffer PyObject_AsWriteBuffer PyObject_CheckReadBuffer PyObject_FastCallDict"
    " PySys_AddWarnOption PySys_AddWarnOptionUnicode PySys_AddXOption PySys_HasWarnOptions PySys_SetPath Py_SetPath"
    " Py_SetStandardStreamEncoding Py_TRASHCAN_SAFE_BEGIN Py_TRASHCAN_SAFE_END _PyLong_AsInt _PyObject_LookupAttr"
    " _PyObject_LookupAttrId _PyImport_GetModuleId _PyInterpreterState_GetMainModule _Py_IsFinalizing"
    " _PyInterpreterState_Get _PyInterpreterState_GetConfig",
}
# ... and, generated from the headers themselves (scripts/capi_removals.py, rules/_capi.py), every Py*/_Py* name the
# public headers of one release declare and the next one's do not (3.7-3.13); the hand-written list wins where both
# name it, and keeps what the headers cannot show (older releases, names exported but never declared)
REMOVED_CAPI = {name: version for version, names in _capi.REMOVED_FROM_HEADERS.items() for name in names.split()}
REMOVED_CAPI.update(
    {name: version for version, names in _REMOVED_CAPI_BY_VERSION.items() for name in names.split()})
# ... and whole families: the old parser's (3.10: PEP 617), the tokenizer's and grammar's (3.9), Py_UNICODE's
# string functions (3.10)
_REMOVED_FAMILIES = re.compile(r"(?:PyParser|PyNode|PyArena|PyTokenizer|PyGrammar|PyPegen)_\w+|Py_UNICODE_str\w+")


def removed_capi(name: str) -> str:
    """The version of CPython that removed this C API name, or ""."""
    if name in REMOVED_CAPI:
        return REMOVED_CAPI[name]
    if _REMOVED_FAMILIES.fullmatch(name):
        return "3.10" if not name.startswith(("PyTokenizer_", "PyGrammar_")) else "3.9"
    return ""


def _is_removed_capi(name: str) -> bool:
    return bool(removed_capi(name))


def _is_removed_symbol(name: str) -> bool:
    """A linker's unresolved symbol that is C API this Python removed. Not ``__imp_X``: MSVC and MinGW name a
    function the headers declared (dllimport) so; a removed one is undeclared, called by its bare name (32-bit
    MSVC adds one underscore). A declared one unresolved is libpython not linked, not a removal."""
    if name.startswith("__imp_"):
        return False
    return _is_removed_capi(name) or (name.startswith("_") and _is_removed_capi(name[1:]))


def _symbol(name: str) -> str:
    return name if _is_removed_capi(name) else name[1:]


# Types CPython made opaque: PyInterpreterState (3.8), PyFrameObject (3.11); gcc and clang name them by the
# typedef or the struct
_OPAQUE = r"(?P<d>PyFrameObject|PyInterpreterState|_PyInterpreterFrame|(?:struct )?_(?:frame|is|interpreter_frame))"
# gcc's quotes, also as a paste in another code page turned them: UTF-8 read as cp1252 (â€˜ â€™: libcec#645,
# weewx-interceptor#120) or cp1251 (вЂ вЂ™: b6 27), or shown as bytes by a log viewer (<E2><80><98>:
# cassandra-python-driver#1242)
_Q = "(?:%s|\u00e2\u20ac[\u02dc\u2122]|\u0432\u0402\u2122?|<E2><80><9[89]>)" % OPEN


def _upgrade(ctx: Context, why: str):
    if not ctx.package:
        return Fix("", why % "the package")
    return Fix("pip install --upgrade " + quote(ctx.package), why % ctx.package)


def _older_python(ctx: Context, what: str):
    py = ctx.platform.python
    if py is None or not ctx.live:
        return Fix("", "or build it with an older Python, %s" % what)
    return Fix("", "or use a Python older than %d.%d for this version of %s" % (py.version + (ctx.package or
                                                                                       "the package",)))


def _too_new_fix(ctx: Context):
    return (_upgrade(ctx, "a newer release of %s may support this Python"),
            _older_python(ctx, "one its sources were written for"))


CAPI = Rule(
    code="PX013",
    cause="python-too-new",
    title="The C sources do not support this Python",
    summary="{package}'s C code uses {detail}, part of CPython's C API that this Python changed or removed:"
    " these sources (often C generated by an old Cython) predate this Python. No system package fixes that.",
    patterns=(
        # gcc: "error: ‘PyThreadState’ {aka ‘struct _ts’} has no member named ‘recursion_depth’"
        # (gcc < 8 put the aka inside the quotes: "‘PyThreadState {aka struct _ts}’ has no member named")
        Pattern("has no member named", r"error: %s%s%s%s%s has no member named" % (_Q, _C, _AKA, _Q, _AKA)),
        # ... as a reader rendered a translated gcc's line back into English (de "»PyThreadState« hat kein Element
        # namens »exc_type«" read as "Error: »PyThreadState« has no element named »exc_type«": biom-format 2.1.7 on
        # Python 3.7, b54-domain-science/05): CPython's struct named in quotes, and the member after it
        Pattern("named", r"(?i:error): %s%s%s%s%s has no (?:member|element|field) named %s\w{1,80}%s"
                % (_Q, _C, _AKA, _Q, _AKA, _Q, _Q)),
        # clang: "error: no member named 'recursion_depth' in 'struct _ts'"
        Pattern("no member named", r"error: no member named %s\w+%s in %s%s%s" % (_Q, _Q, _Q, _C, _Q)),
        # Zig's translation of Python.h (a zig build-lib extension): "error: no field named 'ob_refcnt' in struct
        # '...cimport.struct__object'" (3.12 put ob_refcnt in an anonymous union, PEP 683: zaml, b22-rust-go-fortran/04;
        # ziggy-pydust's "handle ob_refcnt access from python 3.12"); the struct is CPython's (_object, _ts, _frame)
        Pattern("no field named", r"error: no field named '\w{1,100}' in struct '[^'\n]{0,300}\bstruct__(?:object|ts|frame|"
                r"typeobject|is)'"),
        # MSVC: "error C2039: 'recursion_depth': is not a member of '_ts'"
        Pattern("is not a member of", r"error C2039: %s\w+%s: is not a member of %s%s%s" % (_Q, _Q, _Q, _C, _Q)),
        # gcc: "error: too few arguments to function ‘_PyLong_AsByteArray’" (3.13 added a parameter)
        Pattern("arguments to function", r"error: too (?:few|many) arguments to function %s%s%s" % (_Q, _FN, _Q)),
        # ... and C from a Cython older than 0.27.3 calling a METH_FASTCALL function with the kwnames argument that
        # Python 3.7 dropped from _PyCFunctionFast: "freesasa.c:13555:13: error: too many arguments to function
        # ‘(PyObject * (*)(PyObject *, PyObject * const*, Py_ssize_t))meth’" (in __Pyx_PyCFunction_FastCall; freesasa
        # on 3.7, b57-small-trackers-2/01)
        Pattern("arguments to function", r"error: too many arguments to function %s\(PyObject \* \(\*\)\(PyObject \*, PyObject"
                r" \* const ?\*, Py_ssize_t\)\)meth%s" % (_Q, _Q), detail="_PyCFunctionFast"),
        # clang++ (a C++ source: overload resolution): "error: no matching function for call to
        # '_PyLong_AsByteArray'", then "note: candidate function not viable: requires 6 arguments, but 5 were
        # provided" (pydensecrf's Cython-generated eigen.cpp on Homebrew's 3.14, b20-py314-2026/01)
        Pattern("no matching function for call to", r"error: no matching function for call to %s%s%s" % (_Q, _FN, _Q),
                then=r"note: candidate function not viable: requires \d{1,2} arguments?, but \d{1,2} (?:was|were)"
                r" provided", within=4),
        # ... the error line alone (libfte's cDFA.cc quoted in its fix for 3.13, b37-new-pythons-tools/08): a C function,
        # never overloaded, so no match is its argument list; weak, the note may say more
        Pattern("no matching function for call to", r"error: no matching function for call to %s%s%s" % (_Q, _FN, _Q),
                weak=True),
        # clang names no function: the call is on the source line it shows next
        Pattern("arguments to function call", r"error: too (?:few|many) arguments to function call",
                then=r"(?:\b|note: %s)%s(?:\s*\(|%s declared here)" % (_Q, _C, _Q)),
        # MSVC: "error C2198: 'int _PyLong_AsByteArray(PyLongObject *,...)': too few arguments for call" (C2197:
        # too many), "error C3861: 'PyUnicode_AsUnicode': identifier not found", "error C2065: '_PyNone_Type':
        # undeclared identifier"
        Pattern("arguments for call", r"error C219[78]: %s%s%s: too (?:few|many) arguments for call" % (_Q, _FN, _Q)),
        Pattern("identifier not found", r"error C3861: %s%s%s: identifier not found" % (_Q, _C, _Q)),
        Pattern("undeclared identifier", r"error C2065: %s%s%s: undeclared identifier" % (_Q, _C, _Q)),
        # ... the same codes in any language of MSVC's UI
        Pattern("c2039", r"error C2039: %s\w{1,100}%s\s?: [^\n]{0,80}%s%s%s" % (_MQ, _MQ, _MQ, _C, _MQ)),
        # (Russian's leaves the name unquoted: "error C3861: _PyGen_Send: идентификатор не найден", shown as CP866
        # read as CP1251 in DAWG's build on 3.10, b58-languages-2/04)
        Pattern("c3861", r"error C3861: %s?%s%s?\s?: \w" % (_MQ, _C, _MQ)),
        Pattern("c2065", r"error C2065: %s%s%s\s?: \w" % (_MQ, _C, _MQ)),
        Pattern("c219", r"error C219[78]: %s%s%s\s?: \w" % (_MQ, _FN, _MQ)),
        # g++: "error: ‘PyUnicode_WCHAR_KIND’ was not declared in this scope"
        Pattern("was not declared in this scope", r"error: %s%s%s was not declared in this scope" % (_Q, _C, _Q)),
        # gcc >= 14, clang >= 16: implicit declarations are errors
        Pattern("implicit declaration of function",
                r"error: implicit declaration of function %s%s%s" % (_Q, _C, _Q)),
        # ... and the errors an implicit declaration leads to (the call taken as returning int), on a line whose echo
        # (gcc's "2323 | ...") calls a function CPython removed: "error: subscripted value is neither array / nor
        # pointer nor vector" at "PyUnicode_AS_UNICODE(char_)[0]" (qutepart on 3.12, b55-domain-text-web-data/21),
        # "makes pointer from integer without a cast", "invalid type argument of unary '*' (have 'int')"
        Pattern("error: ", r"\berror: (?:subscripted value is neither array|invalid type argument of unary|[^\n]{0,200}makes"
                r" pointer from integer without a cast|incompatible integer to pointer conversion)",
                lambda d: d in REMOVED_CAPI,
                then=r"^\s*\d{1,7} \| [^\n]{0,300}?\b(?P<d>_?Py[A-Za-z]\w{1,60})\s?\(", within=3),
        # Cython's code-object helper, whose arity the generated C picks by the Python version it knows (3.8 added
        # posonlyargcount, 3.11 a new code object): C generated before this Python calls it with the old count, and
        # gcc says 'macro "__Pyx_PyCode_New" requires 16 arguments, but only 15 given' (LibRecommender's shipped
        # _bpr.cpp under 3.8, b49-cpp-cuda-ext-12/39; clang's "too few arguments to function call" under 3.11 is the
        # pattern above, fdint b44-pip21-23-era/13)
        Pattern("__pyx_pycode_new", r"macro %s__Pyx_PyCode_New%s (?:requires|passed) \d{1,2} arguments, but (?:only )?"
                r"\d{1,2} given" % (_Q, _Q), detail="__Pyx_PyCode_New"),
        # MSVC's "warning C4013: 'Py_InitModule' undefined; assuming extern returning int" (SoundAnalyse, rdpy's
        # rle.c: b49-win-mac-2014-20-g/11, /12), the same Python 2 names as below
        Pattern("c4013", r"warning C4013: %s(?P<d>Py_InitModule\w{0,8}|PyInt_\w{1,40}|PyString_\w{1,40}|PyCObject_\w{1,40})%s"
                % (_MQ, _MQ)),
        # Python 2's staticforward / statichere, which pyport.h dropped in 3.0: MSVC's "error C2054: expected '(' to
        # follow 'staticforward'" (pyclips under 3.7, b49-win-mac-2014-20-g/06), gcc's "unknown type name
        # ‘staticforward’"
        Pattern("staticforward", r"error(?: C\d{4})?:[^\n]{0,80}%s(?P<d>staticforward|statichere)%s" % (_MQ, _MQ)),
        Pattern("statichere", r"error(?: C\d{4})?:[^\n]{0,80}%s(?P<d>staticforward|statichere)%s" % (_MQ, _MQ)),
        # a module with Python 2's init<name>() only: the PyInit_<name> that distutils exports for Python 3 is
        # nowhere ("LINK : error LNK2001: unresolved external symbol PyInit_pydasm": b49-win-mac-2014-20-g/10,
        # umysql b37-old-pip-longtail-8/08; an extension named unlike its init function would give the same line, a
        # rarer mistake than sources from before Python 3; not "PyInit_pydensecrf/eigen", a .pyx path Cython never
        # translated, b39-win-mac-2014-20/10)
        Pattern("unresolved external symbol", r"error LNK2001: unresolved external symbol _?(?P<d>PyInit_\w{1,80})(?![\w/.])"),
        # ... older ones only warn, and the build stops at what follows; for Python 2's own C API, which Python 3.0
        # removed (module init, PyInt_*, PyString_*, PyCObject_*), the warning is the cause: pynetinfo's
        # "warning: implicit declaration of function ‘Py_InitModule’" under 3.4, then "conflicting types for
        # ‘initnetinfo’" (b49-old-pip-longtail-12/03)
        Pattern("implicit declaration of function", r"warning: implicit declaration of function %s(?P<d>Py_InitModule\w{0,8}|"
                r"PyInt_\w{1,40}|PyString_\w{1,40}|PyCObject_\w{1,40})%s" % (_Q, _Q)),
        Pattern("call to undeclared function", r"error: call to undeclared function %s%s%s" % (_Q, _C, _Q)),
        # gcc: "error: ‘Py_UNICODE’ undeclared", "error: unknown type name ‘PyUnicodeObject’"
        Pattern("undeclared", r"error: %s%s%s undeclared" % (_Q, _C, _Q)),
        # gcc's c-decl: "%qE undeclared (first use in this function)" / "... here (not in a function)" is only
        # ever an error, so the line counts without its "error:" (wrapped off in mailed pastes: b4 43)
        Pattern("undeclared", r"%s%s%s undeclared (?:\(first use in this function\)|here \(not in a function\))"
                % (_Q, _C, _Q)),
        Pattern("use of undeclared identifier", r"error: use of undeclared identifier %s%s%s" % (_Q, _C, _Q)),
        Pattern("unknown type name", r"error: unknown type name %s%s%s" % (_Q, _C, _Q)),
        # ... and a name outside the families that the table of names CPython's headers dropped knows
        # (PyFutureFeatures left the public headers in 3.13: typed_ast 1.5.4's parsers there, live batch 18)
        Pattern("unknown type name", r"error: unknown type name %s(?P<d>Py[A-Z]\w{1,100})%s" % (_Q, _Q), _is_removed_capi),
        # C that Cython < 3.1 generated, on a free-threaded build (3.13t, 3.14t): Cython 3.0 defines its own
        # __pyx_vectorcallfunc typedef only where it uses vectorcall, which it turns off without the GIL, and
        # calls through it anyway: "error: unknown type name ‘__pyx_vectorcallfunc’; did you mean
        # ‘vectorcallfunc’?" (Cython 3.0 itself in nixpkgs' 3.13t set, wxPython on 3.14t: b17-newpy-freethreaded
        # 09, 10; numpy#27688's maintainers: "use a newer Cython on the free-threaded build")
        Pattern("__pyx_vectorcallfunc", r"error: unknown type name %s__pyx_vectorcallfunc%s" % (_Q, _Q)),
        # A type CPython made opaque (PyFrameObject in 3.11: Cython < 0.29.31's __Pyx_PyFrame_SetLineNumber, old
        # pybind11): gcc < 10 "dereferencing pointer to incomplete type ‘PyFrameObject’ {aka ‘struct _frame’}", gcc
        # "invalid use of incomplete typedef ‘PyFrameObject’", g++ "invalid use of incomplete type ‘PyFrameObject’",
        # clang "member access into incomplete type 'PyFrameObject'", "incomplete definition of type 'struct _frame'"
        Pattern("incomplete type", r"error: (?:dereferencing pointer to|invalid use of|member access into) incomplete"
                r" type(?:def)? %s%s%s" % (_Q, _OPAQUE, _Q)),
        Pattern("incomplete definition of type", r"error: incomplete definition of type %s%s%s" % (_Q, _OPAQUE, _Q)),
        # ... and MSVC's words for it, which name the struct's tag: "error C2027: use of undefined type '_frame'" (old
        # pybind11 bundled by pyscylla and by record3d on CPython 3.11, b44-pip21-23-era/21, 22), "error C2037: left of
        # 'f_lineno' specifies undefined struct/union '_frame'"
        # (the code is MSVC's in every language it speaks, the words are not: Chinese "error C2027: 使用了未定义
        # 类型“_frame”", ctpbee_api's bundled pybind11 on 3.11, b58-small-trackers-3/18)
        Pattern("error c2027:", r"\berror C2027: [^\n]{0,60}?%s%s%s" % (_Q, _OPAQUE, _Q)),
        Pattern("specifies undefined struct/union", r"\berror C2037: left of %s\w{1,60}%s specifies undefined struct/union"
                r" %s%s%s" % (_Q, _Q, _Q, _OPAQUE, _Q)),
        # Python 2's object header read directly: "self->ob_type" on an object struct whose PyObject_HEAD became
        # "PyObject ob_base" in Python 3.0 (PEP 3123), gcc "error: 'pyIRSB {aka struct <anonymous>}' has no member
        # named 'ob_type'" (pyvex's stale checkout, b35-old-pip-longtail-6/16); the sources predate Python 3
        Pattern("has no member named", r"error: %s[^'‘’\n]{1,200}%s has no member named %s(?P<d>ob_type|ob_refcnt)%s"
                % (_Q, _Q, _Q, _Q)),
        # ... and gcc's note under such an error, pointing into CPython's own headers, when a paste kept the note and
        # not the error: "include/python3.11/pytypedefs.h:22:16: note: forward declaration of ‘PyFrameObject {aka
        # struct _frame}’" (nmslib 2.1.1's pinned pybind11 2.6.1 on 3.11, b32-cpp-bindings-2/17)
        Pattern("forward declaration of", r"\b(?:pytypedefs|pystate|pyframe|frameobject)\.h:\d{1,6}:\d{1,5}: note: forward"
                r" declaration of %s%s(?: \{aka [^}\n]{1,60}\})?%s" % (_Q, _OPAQUE, _Q)),
        # Py_REFCNT() stopped being an lvalue in 3.10, Py_TYPE() and Py_SIZE() in 3.11 (CPython's What's New: use
        # Py_SET_REFCNT / Py_SET_TYPE / Py_SET_SIZE): gcc "error: lvalue required as increment operand" (decrement,
        # left operand of assignment), clang "error: expression is not assignable", then the source line that
        # names the macro (old Cython's "++Py_REFCNT(o);": PyOpenGL-accelerate on 3.10, b14-media-gui-hw/14)
        Pattern("lvalue required as", r"error: lvalue required as (?:increment|decrement|left) operand",
                then=r"\b(?P<d>Py_(?:REFCNT|TYPE|SIZE))\s?\(", within=2),
        Pattern("expression is not assignable", r"error: expression is not assignable",
                then=r"\b(?P<d>Py_(?:REFCNT|TYPE|SIZE))\s?\(", within=2),
        # a function this Python's headers no longer declare, called and its result dereferenced: C takes it as an
        # implicit int, gcc says "error: invalid type argument of ‘->’ (have ‘int’)" and shows the source line
        # (Cython 0.29's __Pyx_init_assertions_enabled calling _PyInterpreterState_GetConfig on 3.13: lxml 4.9.4,
        # b18-popular-2025-26/14; grpcio 1.63's C++ says "was not declared", b18-popular-2025-26/02)
        Pattern("invalid type argument of", r"error: invalid type argument of %s->%s \(have %sint%s\)" % (_Q, _Q, _Q, _Q),
                _is_removed_capi, then=r"\b(?P<d>_?Py[A-Z]\w{1,100})\s?\([^\n]{0,300}?\)\s?->", within=2),
        # Python 3.10's PC/pyconfig.h stopped defining POSIX's ssize_t for MSVC (bpo-11717, cpython#24479): sources
        # that used it through Python.h (old pybind11's numpy.h, pandas < 1.3.4's parser) fail, in MSVC's every
        # language: "error C2065: 'ssize_t': undeclared identifier" (dlib 19.22 in Spanish, b15-win-msvc/17; pandas,
        # b15-win-msvc/26; numpy#18888, PyMatching#24, CPyCppyy#3 in their threads). Knowledge rules an older Python out
        Pattern("c2065", r"\bC2065\s?: %s(?P<d>ssize_t)%s\s?:" % (_Q, _Q)),
        # a package's own fallback for a C API function (pythoncapi_compat.h's, a backport) that this Python's
        # headers now declare themselves: gcc and clang "error: static declaration of ‘PyThreadState_GetInterpreter’
        # follows non-static declaration" (bitarray 3.1 on PyPy 3.11, b15-parsers-compression/08; pythoncapi-compat
        # itself on PyPy 3.12, its #177; safe-pysha3's _Py_strhex on PyPy 3.10, pypy#3951)
        Pattern("follows non-static declaration", r"error: static declaration of %s(?P<d>_{0,2}(?-i:Py[A-Z_])\w{0,100})%s follows"
                r" non-static declaration" % (_Q, _Q)),
        # ... MSVC's words for it, when the Python's header declares the function for import from its DLL: "error
        # C2375: '_PyUnicode_Equal': redefinition; different linkage" (mypyc's pythoncapi_compat.h under CPython
        # 3.13's internal headers, b24-windows-2024-26/15)
        Pattern("c2375", r"error C2375: %s(?P<d>_{0,2}(?-i:Py[A-Z_])\w{0,100})%s\s?: redefinition; different linkage"
                % (_MQ, _MQ)),
        # The link of C API this Python removed (no header declares it: the call compiled as an implicit
        # declaration): GNU ld "undefined reference to `PyParser_SimpleParseString'", MSVC "error LNK2001:
        # unresolved external symbol PyUnicode_AsUnicode" (a declared function would be __imp_PyUnicode_AsUnicode)
        Pattern("undefined reference to", r"undefined reference to [`'‘](?P<d>_{0,2}Py\w{1,100})['’]",
                _is_removed_symbol, clean=_symbol),
        Pattern("unresolved external symbol", r"error LNK20(?:01|19): unresolved external symbol (?P<d>_{0,2}Py\w{1,100})",
                _is_removed_symbol, clean=_symbol),
        # gcc < 14 only warns of a call to a function no header declares; of C API this Python removed, that
        # call is the failure to come (an int taken for a pointer, an unresolved symbol). Weak: an error the rules
        # do not explain, after it, is the failure
        Pattern("implicit declaration of function", r"warning: implicit declaration of function %s(?P<d>\w{1,100})%s"
                % (_Q, _Q), _is_removed_capi, weak=True),
        # ... that line wrapped by a mail or a narrow terminal before the name: the continuation starts with gcc's
        # "%qE; did you mean %qs?" (its implicit-declaration, unknown-type and no-member messages end so), weak
        # too: warning or error, the line before says, and that line names nothing
        Pattern("; did you mean", r"^\s{0,40}%s(?P<d>\w{1,100})%s; did you mean %s" % (_Q, _Q, _Q), _is_removed_capi,
                weak=True),
        # Python 3.7 made PyUnicode_AsUTF8() and PyUnicode_AsUTF8AndSize() return const char* (What's New in 3.7, C API
        # changes): C++ that keeps the result in a char* no longer compiles. g++ "invalid conversion from 'const
        # char*' to 'char*'", clang++ "cannot initialize a variable of type 'char *' with an rvalue of type 'const char
        # *'", MSVC C2440 "cannot convert from 'const char *' to 'char *'", each with the call in the echoed line (its
        # quotes in any code page: python-cec 0.2.6 on Raspbian's 3.7, b26-longtail-pkgs-a/19, shows them as '?')
        Pattern("const char", r"(?:error: invalid conversion from [^\w\s]{1,3}const char ?\*[^\w\s]{1,3} to [^\w\s]{1,3}"
                r"char ?\*[^\w\s]{1,3}|error: cannot initialize a variable of type [^\w\s]{1,3}char ?\*[^\w\s]{1,3} with an"
                r" (?:rvalue|lvalue) of type [^\w\s]{1,3}const char ?\*|error C2440: [^\n]{0,40}const char ?\*[^\n]{0,12}"
                r" to [^\w\s]{1,3}char ?\*)",
                then=r"\b(?P<d>PyUnicode_AsUTF8(?:AndSize)?)\s?\(", within=2),
        # Python 3.12 put "int initialized;" first in _PyArg_Parser (Include/cpython/modsupport.h): Argument Clinic
        # output of 3.11 or older fills it positionally from its format string, and gcc says "initialization of
        # 'int' from 'char *' makes integer from pointer" with the declaration echoed under it, whatever flag
        # made it an error (cbitstruct on 3.12 with -Werror=int-conversion, b28-capi-compile-errors/17)
        Pattern("initialization of", r"error: initialization of %sint%s from %s(?:const )?char ?\*%s makes integer from pointer"
                % (_Q, _Q, _Q, _Q), then=r"\bstatic _PyArg_Parser \w{1,100} = \{", within=2),
        # ... and in every other language gcc speaks (German "»PyThreadState« {alias »struct _ts«} hat kein Element
        # namens »use_tracing«"), from its catalogue
    ) + tuple(p for message, *fills in _TRANSLATED for p in translated_patterns(message, *fills)),
    fix=_too_new_fix,
    verify=lambda ctx: (),
    why="Python's C API changes between minor versions: private functions and struct members (PyThreadState,"
    " PyFrameObject, _PyLong_AsByteArray, ...) are removed or change signature. C files that an old Cython"
    " generated, or extensions that reach into CPython's internals, stop compiling on the next Python."
    " pip falls back to these old sources when the version you asked for has no wheel for your Python.",
    prevent="Upgrade packages together with Python; before moving to a new Python, check that your pinned"
    " versions publish wheels for it.",
    detail_kind="python-version",
    examples=(
        "greenlet.c:176:21: error: ‘_PyErr_StackItem’ {aka ‘struct _err_stackitem’} has no member named ‘exc_type’",
        "      ast27/Custom/../Include/compile.h:12:12: error: unknown type name ‘PyFutureFeatures’",
        "src/x.c:10:5: error: ‘PyThreadState’ {aka ‘struct _ts’} has no member named ‘recursion_depth’",
        "error: no member named 'recursion_depth' in 'struct _ts'",
        "biom/_filter.c:8393:19: Error: »PyThreadState« has no element named »exc_type«",
        "x.c:99:9: error: too few arguments to function ‘_PyLong_AsByteArray’",
        "    libreco/algorithms/_bpr.cpp:24251:5: error: macro \"__Pyx_PyCode_New\" requires 16 arguments, but only 15 given",
        "netinfo.c:41:5: warning: implicit declaration of function ‘Py_InitModule’ [-Wimplicit-function-declaration]",
        "imgui/core.cpp:1:46: error: too few arguments to function ‘int _PyLong_AsByteArray(PyLongObject*, unsigned"
        " char*, size_t, int, int, int)’",
        "x.c:5:3: error: implicit declaration of function ‘PyUnicode_AS_UNICODE’ [-Wimplicit-function-declaration]",
        "    freesasa.c:13555:13: error: too many arguments to function ‘(PyObject * (*)(PyObject *, PyObject * const*,"
        " Py_ssize_t))meth’",
        "zamlmodule.zig:39:26: error: no field named 'ob_refcnt' in struct"
        " '%ZIGPATH%.zig.o.f50a540243561e8d55a8f2208b6843e4.cimport.struct__object'",
        # MSVC (caterpillar on 3.13, pytaglib on 3.12), g++ (duckdb 0.9 on 3.12)
        "src\\ccaterpillar\\atomimpl\\int.c(129,13): error C2198: 'int _PyLong_AsByteArray(PyLongObject *,unsigned char"
        " *,size_t,int,int,int)': too few arguments for call",
        "src\\ccaterpillar\\atomimpl\\pad.c(10,10): error C2065: '_PyNone_Type': undeclared identifier",
        "src\\taglib.cpp(3927): error C3861: 'PyUnicode_AsUnicode': identifier not found",
        "src/numpy/numpy_scan.cpp:402:69: error: ‘PyUnicode_WCHAR_KIND’ was not declared in this scope; did you mean"
        " ‘PyUnicode_4BYTE_KIND’?",
        # b4 43-mwparserfromhell on 3.12, the "error:" wrapped onto the line before
        "‘PyUnicode_WCHAR_KIND’ undeclared (first use in this function); did you",
        # PyFrameObject on 3.11: b5 50 ssh-python (gcc 8), b6 28 python-crfsuite (g++), b6 27 vidcutter (gcc, pasted
        # in cp1251), b6 30 pytype (clang, old pybind11), mypyc's exc_ops.c (clang)
        "ssh/channel.c:438:62: error: dereferencing pointer to incomplete type ‘PyFrameObject’ {aka ‘struct _frame’}",
        "pycrfsuite/_pycrfsuite.cpp:452:62: error: invalid use of incomplete type ‘PyFrameObject’ {aka ‘struct _frame’}",
        "vidcutter/libs/pympv/mpv.c:457:62: error: invalid use of incomplete typedef \u0432\u0402PyFrameObject\u0432\u0402\u2122"
        " {aka \u0432\u0402struct _frame\u0432\u0402\u2122}",
        "pybind11/include/pybind11/cast.h:446:36: error: member access into incomplete type 'PyFrameObject' (",
        "exc_ops.c:217:14: error: incomplete definition of type 'struct _frame'",
        "[...]\\record3d\\python-bindings\\pybind11\\include\\pybind11\\cast.h(442,36): error C2027: use of undefined type"
        " '_frame'",
        "ctpbee_api\\ctp\\include\\pybind11\\cast.h(441): error C2027: 使用了未定义 类型“_frame”",
        # b7 48 uWSGI 2.0.19.1 on 3.10 (the old parser's API), b5 53 py_gd on 3.12 (MSVC)
        "pyloader.c:(.text+0x170f): undefined reference to `PyParser_SimpleParseString'",
        "py_gd.obj : error LNK2001: unresolved external symbol PyUnicode_AsUnicode",
        # gcc's quotes as pasted: cp1252 (libcec 6.0.2 and weewx-interceptor's pcap.c on 3.13), bytes shown by a log
        # viewer (cassandra-driver's libevwrapper.c on 3.13)
        "SwigHelper.h:122:18: error: \u00e2\u20ac\u02dcPyEval_CallObject\u00e2\u20ac\u2122 was not declared in this scope;"
        " did you mean \u00e2\u20ac\u02dcPyObject_CallObject\u00e2\u20ac\u2122?",
        "pcap.c:557:51: error: implicit declaration of function \u00e2\u20ac\u02dc_PyUnicode_Ready\u00e2\u20ac\u2122; did you"
        " mean \u00e2\u20ac\u02dcPyUnicode_READY\u00e2\u20ac\u2122? [-Wimplicit-function-declaration]",
        "2025-10-01T22:04:21,186   cassandra/io/libevwrapper.c:668:10: error: implicit declaration of function"
        " <E2><80><98>PyEval_ThreadsInitialized<E2><80><99> [-Wimplicit-function-declaration]",
        "wx/svg/_nanosvg.c:2455:80: error: unknown type name ‘__pyx_vectorcallfunc’; did you mean ‘vectorcallfunc’?",
        "pandas/_libs/src/parser/io.c(139): error C2065: 'ssize_t': undeclared identifier",
        # MSVC in Japanese puts the struct first (preshed on 3.10, b18-lang-issues/16)
        "preshed/maps.cpp(5728): error C2039: 'tp_print': '_typeobject' のメンバーではありません",
        "pybind11/numpy.h(35,22): error C2065: 'ssize_t': identificador no declarado (compilando archivo de origen"
        " C:\\x\\cca.cpp) [",
        "bitarray/pythoncapi_compat.h:301:1: error: static declaration of ‘PyThreadState_GetInterpreter’ follows"
        " non-static declaration",
        "/pythoncapi_compat.h:130:29: error: static declaration of ‘PyFrame_GetCode’ follows non-static declaration",
        # b5 52 urwid on 3.12, gcc 13: wrapped after "function", and with its wrapping undone
        "‘PyUnicode_AS_UNICODE’; did you mean ‘PyUnicode_AsUCS4’?",
        "source/str_util.c:484:16: warning: implicit declaration of function ‘PyUnicode_AS_UNICODE’; did you mean"
        " ‘PyUnicode_AsUCS4’? [-Wimplicit-function-declaration]",
    ),
    counter_examples=(
        # Cython 3.0.3's own regression on a module's inline function (cython#5747): not the C API
        "nattype.pyx.c:8729:26: error: static declaration of ‘__pyx_f_6pandas_5_libs_6tslibs_4util_is_timedelta64_object’"
        " follows non-static declaration",
        # a warning on a name CPython still has is no removal (regex's Python 3 sources against Python 2's headers,
        # plone/bobtemplates.plone#495: a Python too old; pygit2 0.20 on PyPy 3.2 lacking PyLong_AsSize_t)
        "x.c:5:3: warning: implicit declaration of function ‘PyUnicode_New’ [-Wimplicit-function-declaration]",
        "regex_3/_regex.c:18037:13: warning: implicit declaration of function ‘PyUnicode_READY’; did you mean"
        " ‘PyUnicode_Check’? [-Wimplicit-function-declaration]",
        "src/remote.c:486:5: warning: implicit declaration of function ‘PyLong_AsSize_t’ [-Wimplicit-function-declaration]",
        "‘PyLong_AsSize_t’; did you mean ‘PyLong_AsSsize_t’?",
        # a declared function unresolved: libpython not linked (python3X.lib missing), not a removal
        "x.obj : error LNK2001: unresolved external symbol __imp_PyUnicode_AsUnicode",
        "x.obj : error LNK2019: unresolved external symbol __imp_PyArg_ParseTuple referenced in function f",
        "/usr/bin/ld: main.o: undefined reference to `Py_Initialize'",
        "x.c:3:1: error: invalid use of incomplete typedef ‘MyFrame’",
        "src/objc.m:3:1: error: unknown type name ‘PyObjCObject’",
        "x.c:12:5: error: too few arguments to function ‘my_helper’",
        "x.cpp(12): error C3861: 'my_helper': identifier not found",
        "x.cpp:3:1: error: ‘PyObjC_Foo’ was not declared in this scope",
        "‘my_table’ undeclared (first use in this function)",
    ),
)

PYO3 = Rule(
    code="PX015",
    cause="python-too-new",
    title="The Rust bindings (PyO3) do not support this Python",
    summary="{package} is built with a PyO3 that predates this Python: its build script refuses it, or the C API"
    " it binds for this Python lacks what the crate calls. A newer release of the package (with a newer PyO3)"
    " supports it.",
    patterns=(
        # PyO3's build-script guard: pyo3-ffi/build.rs 0.20-0.26 "the configured Python interpreter version (3.13)
        # is newer than PyO3's maximum supported version (3.12)" (PyPy and GraalPy: "the configured PyPy
        # interpreter version ..."; 0.24 free-threaded: "The configured ..."), pyo3-build-config's
        # MaximumVersionExceeded from 0.27 on: "the configured Python version (3.14) is newer than ..."
        Pattern("maximum supported version", r"the configured (?:Python|PyPy|GraalPy|RustPython)(?: interpreter)?"
                r" version \((?P<d>\d+\.\d+)[^()]{0,20}\) is newer than PyO3's maximum supported version"),
        # ... and PyO3's help line under that error, which only the newer-than-maximum check prints ("= help: please
        # check if an updated version of PyO3 is available. Current version: 0.21.2", pyo3-build-config's impl_.rs):
        # it stands when a terminal cut the error line itself (b58-frontends-ci-2/12 hard-wrapped at 80 columns)
        Pattern("please check if an updated version of pyo3", r"\bplease check if an updated version of PyO3 is available\b"),
        # ... as cargo prints it, over two lines ("error: the configured Python interpreter version (3.14) is newer
        # than" / "       PyO3's maximum supported version (3.13)": pydantic-core 2.33 on 3.14 in pip and in a
        # GitHub Actions log, b20-py314-2026/05, b20-ci-docker-cloud/13)
        Pattern("is newer than", r"the configured (?:Python|PyPy|GraalPy|RustPython)(?: interpreter)? version"
                r" \((?P<d>\d+\.\d+)[^()]{0,20}\) is newer than\s*$", then=r"(?:^|\s)PyO3's maximum supported version\b",
                within=1),
        # rustc: C API that the bindings do not offer for this Python (pyo3-ffi and rust-cpython's python3-sys
        # compile each function only for the versions that have it): "error[E0425]: cannot find function, tuple
        # struct or tuple variant `PyUnicode_FromKindAndData` in module `pyo3::ffi`" (tokenizers 0.20, PyO3 0.21
        # on 3.13), "... `PyEval_ThreadsInitialized` in module `ffi`" (PyO3 0.15 on 3.12), "`PyUnicode_READY`"
        Pattern("in module `", r"error\[E04(?:25|12)\]: cannot find (?:function|type|value|struct|macro)[^`]{0,80}"
                r"`(?P<d>%s)` in module `(?:\w{1,40}::){0,3}ffi`" % CAPI_NAME),
        # a crate that imports what PyO3 configures out on a free-threaded build (its GILProtected is
        # cfg(not(Py_GIL_DISABLED)) in 0.23+): "error[E0432]: unresolved import `pyo3::sync::GILProtected`", rustc's
        # "note: found an item that was configured out" after it (rust-numpy 0.23 in tokenizers on 3.13t,
        # b17-rust-pyo3/10; fixed by rust-numpy 0.24)
        Pattern("gilprotected", r"error\[E04(?:32|12|25)\]: (?:unresolved import `(?:\w{1,40}::){0,3}sync::GILProtected`|"
                r"cannot find type `GILProtected` in module `(?:\w{1,40}::){0,3}sync`)",
                then=r"note: found an item that was configured out", within=8),
    ),
    fix=_too_new_fix,
    verify=lambda ctx: (),
    why="PyO3 binds CPython's C API version by version, and each PyO3 release knows the Pythons released before it:"
    " its build script refuses a newer one, and an old PyO3 forced past that check (or one from before it existed)"
    " lacks functions the crate calls, or binds ones that this Python removed. pip falls back to building from"
    " source when the version you asked for has no wheel for your Python.",
    prevent="Upgrade packages together with Python; before moving to a new Python, check that your pinned"
    " versions publish wheels for it. PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 only builds crates that use nothing"
    " outside the stable ABI.",
    detail_kind="python-version",
    examples=(
        # b6 09 orjson (PyO3 0.21.2), b6 10 DiffeRT (0.20.3), b6 73 icechunk (0.24.2, 3.14), b6 68 pydantic-core on
        # PyPy 3.11 (0.23.4); pyo3-build-config's own test of the 0.27 wording
        "error: the configured Python interpreter version (3.13) is newer than PyO3's maximum supported version (3.12)",
        "error: the configured Python interpreter version (3.14) is newer than PyO3's maximum supported version (3.13)",
        "error: the configured PyPy interpreter version (3.11) is newer than PyO3's maximum supported version (3.10)",
        "the configured Python version (3.13) is newer than PyO3's maximum supported version (3.12)",
        "        = help: please check if an updated version of PyO3 is available. Current vers",
        # b6 17 tokenizers; hyperqueue#808 (pyo3 0.15.2); PyO3#4983 (0.15.2 on 3.13)
        "28.56       error[E0425]: cannot find function, tuple struct or tuple variant `PyUnicode_FromKindAndData` in"
        " module `pyo3::ffi`",
        "error[E0425]: cannot find function, tuple struct or tuple variant `PyEval_ThreadsInitialized` in module `ffi`",
        "error[E0425]: cannot find function, tuple struct or tuple variant `PyUnicode_READY` in module `ffi`",
    ),
    counter_examples=(
        # the other end of the guard: an interpreter too old is not a Python too new
        "error: the configured Python interpreter version (3.6) is lower than PyO3's minimum supported version (3.7)",
        "error[E0425]: cannot find function `my_helper` in module `ffi`",
    ),
)


# Names the standard library lost, by the version that removed them.
REMOVED_NAMES = {
    "pkgutil.ImpImporter": "3.12", "pkgutil.ImpLoader": "3.12", "configparser.SafeConfigParser": "3.12",
    "configparser.readfp": "3.12", "inspect.getargspec": "3.11", "inspect.formatargspec": "3.11",
    "asyncio.coroutine": "3.11", "time.clock": "3.8", "platform.linux_distribution": "3.8", "platform.dist": "3.8",
    "sys.setcheckinterval": "3.9", "unittest.makeSuite": "3.13", "unittest.findTestCases": "3.13",
    "locale.resetlocale": "3.13", "ast.Num": "3.14", "ast.Str": "3.14", "ast.Bytes": "3.14",
    "ast.NameConstant": "3.14", "ast.Ellipsis": "3.14", "pkgutil.find_loader": "3.14", "pkgutil.get_loader": "3.14",
    "ssl.wrap_socket": "3.12", "ssl.match_hostname": "3.12", "locale.format": "3.12",
    "importlib.util.module_for_loader": "3.12", "importlib.util.set_package": "3.12",
    "importlib.util.set_loader": "3.12", "base64.encodestring": "3.9", "base64.decodestring": "3.9",
    "fractions.gcd": "3.9", "cgi.escape": "3.8", "os.errno": "3.7", "typing.io": "3.13", "typing.re": "3.13",
    # importlib.resources' functional API, removed in 3.13's first pre-releases and restored before 3.13.0
    # (meson 1.2's "module 'importlib.resources' has no attribute 'path'" on 3.13.0a2: pandas 2.1.4, b12; meson
    # #12401)
    "importlib.resources.path": "3.13", "importlib.resources.open_text": "3.13",
    "importlib.resources.read_text": "3.13", "importlib.resources.open_binary": "3.13",
    "importlib.resources.read_binary": "3.13", "importlib.resources.contents": "3.13",
    "importlib.resources.is_resource": "3.13",
    # Python 2's names, in a setup script run by Python 3
    "sys.maxint": "3.0", "string.maketrans": "3.0", "string.letters": "3.0", "os.getcwdu": "3.0",
    "itertools.izip": "3.0", "urllib.urlopen": "3.0", "urllib.urlencode": "3.0", "urllib.quote": "3.0",
    "urllib.urlretrieve": "3.0",
}
_ABCS = ("Mapping", "MutableMapping", "Sequence", "MutableSequence", "Iterable", "Iterator", "Callable", "Set",
         "MutableSet", "Hashable", "Sized", "Container", "Generator", "Awaitable", "Coroutine", "KeysView",
         "ItemsView", "ValuesView", "MappingView")
REMOVED_NAMES.update(("collections." + n, "3.10") for n in _ABCS)

_ATTR = re.compile(r"(?P<m>[\w.]+)%s has no attribute %s(?P<a>\w+)" % (CLOSE, OPEN))
_IMPORT_NAME = re.compile(r"(?P<a>\w+)%s from %s(?P<m>[\w.]+)" % (CLOSE, OPEN))


def _removed_name(span: str) -> str:
    m = _ATTR.match(span) or _IMPORT_NAME.match(span)
    return "%s.%s" % (m.group("m"), m.group("a")) if m else ""


def _is_removed_name(span: str) -> bool:
    return _removed_name(span) in REMOVED_NAMES


def _is_removed_module(name: str) -> bool:
    return is_removed_module(name) or name in ("xml.etree.cElementTree",)


REMOVED = Rule(
    code="PX014",
    cause="python-too-new",
    title="The build script does not support this Python",
    summary="{package}'s build uses {detail}, which this Python no longer has (removed from its standard library,"
    " or, like numpy.distutils, no longer built for it): the sources predate this Python.",
    patterns=(
        Pattern("no module named", r"No module named %s(?P<d>[\w.]+)%s" % (OPEN, CLOSE), _is_removed_module),
        # "AttributeError: module 'pkgutil' has no attribute 'ImpImporter'"
        Pattern("has no attribute", r"module %s(?P<d>[\w.]+%s has no attribute %s\w+)" % (OPEN, CLOSE, OPEN),
                _is_removed_name, clean=_removed_name),
        # typing.ForwardRef._evaluate's recursive_guard became keyword-only (3.12.4, 3.13): pydantic-core's
        # build script (generate_self_schema.py) of releases before 2.20 and pydantic v1 call it positionally
        Pattern("recursive_guard", r"ForwardRef\._evaluate\(\) missing 1 required keyword-only argument:"
                r" %srecursive_guard%s" % (OPEN, CLOSE), detail="typing.ForwardRef._evaluate"),
        # "ImportError: cannot import name 'Mapping' from 'collections'"
        Pattern("cannot import name", r"cannot import name %s(?P<d>\w+%s from %s[\w.]+)" % (OPEN, CLOSE, OPEN),
                _is_removed_name, clean=_removed_name),
        # PEP 667 (3.13): exec() in a function no longer writes into the locals() it reads next, so a setup script's
        # get_version() that exec()s its version file and reads locals()['__version__'] fails with "KeyError:
        # '__version__'" (BasicSR on 3.13, b18-popular-2025-26/06; its PR #736; the same get_version() in GFPGAN,
        # facexlib, Real-ESRGAN; a dict given to exec() still gets it). Only on a log that builds for 3.13 or later
        # (rules/_knowledge.py rules the others out)
        Pattern("keyerror", r"^\s*KeyError: %s__version__%s\s*$" % (OPEN, CLOSE), detail=EXEC_LOCALS),
        # 3.14 removed ast.Constant's deprecated aliases .s and .n (with ast.Str and ast.Num, its What's New); a
        # setup script's get_version() that walks the AST for a string: "AttributeError: 'Constant' object has no
        # attribute 's'" (scspell under nix's 3.14, b20-py314-2026/04). Before 3.8 strings were ast.Str, and
        # 3.8-3.13 keep the aliases, so the line means 3.14 or later
        Pattern("object has no attribute", r"AttributeError: %sConstant%s object has no attribute %s[sn]%s"
                % (OPEN, CLOSE, OPEN, CLOSE), detail="ast.Constant.s and .n"),
        # a setup script written for Python 2 only: its print statement ("SyntaxError: Missing parentheses in call to
        # 'print'", CPython 3.4+'s own hint; PyODE 1.2.1, live batch 28), its other syntax echoed above a bare
        # "SyntaxError: invalid syntax" ("raise DistutilsSetupError, \\": distorm3 3.3.1, b35-old-pip-longtail-6/03;
        # "except X, e:"), and the builtins Python 3 dropped (pyliblzma's "NameError: name 'xrange' is not
        # defined", live batch 28): the sources predate Python 3, as an import of urllib2 or ConfigParser does
        Pattern("missing parentheses in call to", r"SyntaxError: Missing parentheses in call to %s(?:print|exec)%s"
                % (OPEN, CLOSE), detail="Python 2's print statement"),
        # ... and CPython 3.10+'s own words for two more Python 2 forms (its grammar's invalid_except_stmt and
        # invalid_number rules): "except ValueError, ve:" -> "SyntaxError: multiple exception types must be
        # parenthesized" (the index's 'turtle' 0.0.2 under pip 24, b49-pip22-25-era/15), an octal 0755 -> "leading
        # zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
        Pattern("multiple exception types must be parenthesized",
                r"SyntaxError: multiple exception types must be parenthesized\s*$", detail="Python 2 syntax"),
        Pattern("leading zeros in decimal integer literals", r"SyntaxError: leading zeros in decimal integer literals are"
                r" not permitted", detail="Python 2 syntax"),
        # ... and Python 2's tuple parameters, which PEP 3113 removed from Python 3 ("def visit((prefix, strip, found),
        # dirname, names):" in MoinMoin 1.9's setup.py, b70-web-apps-7/21): CPython 3.11+ says so in its own words
        # (its grammar's invalid_parameters and invalid_lambda_parameters, checked on 3.11-3.13 here), older ones
        # echo the line above a bare "invalid syntax" (the forms below)
        Pattern("parameters cannot be parenthesized", r"SyntaxError: (?:Function|Lambda expression) parameters cannot"
                r" be parenthesized", detail="Python 2 syntax"),
    ) + tuple(
        Pattern(needle, r"^\s*" + statement, detail="Python 2 syntax", then=r"^\s*SyntaxError: invalid syntax\s*$", within=3)
        # (the print statement also after another statement on its line and with a name: configure's Python 2 probe
        # "import sys; print sys.prefix" run by Python 3.8, jack_mixer, b53-lib-lookups-7/06)
        for needle, statement in (("print", r"(?:[^\n;]{0,200};\s*)?print\s+(?:[\"'%]|[A-Za-z_][\w.]{0,100}\s*(?:,|$))"),
                                  ("raise", r"raise\s+[A-Za-z_][\w.]{0,100}\s*,"),
                                  ("except", r"except\s+\(?[A-Za-z_][\w., ]{0,100}\)?\s*,\s*[A-Za-z_]\w{0,40}\s*:"),
                                  ("exec", r"exec\s+[\"']"),
                                  # (" def ": a traceback's echo is indented; a bare "def" is in
                                  # every "#define" and "undefined" of a build's output)
                                  (" def ", r"def\s+[A-Za-z_]\w{0,100}\s*\((?:[^()\n]{0,200},\s*)?\("),
                                  ("lambda", r"[^\n]{0,200}\blambda\s*\("))
    ) + (
        # PEP 479 (Python 3.7): a StopIteration raised inside a generator becomes "RuntimeError: generator raised
        # StopIteration"; a build tool written before 3.7 stops on it (essentia's bundled waf 1.9 under Python 3.7,
        # b41-cpp-cuda-ext-5/12; waf fixed it in 2.0)
        Pattern("generator raised stopiteration", r"RuntimeError: generator raised StopIteration\s*$", detail="3.7"),
        # QEMU's configure before 2.12 (bundled by unicorn 1.0.x) accepts only Python 2: "ERROR: Cannot use 'python',
        # Python 2.4 or later is required." where python is Python 3 (unicorn in a py3 venv and on macOS,
        # b35-old-pip-longtail-6/04, /05)
        Pattern("or later is required", r"ERROR: Cannot use %s[\w./-]{1,100}%s, Python 2\.\d or later is required"
                % (OPEN, CLOSE), detail="a configure script for Python 2"),
        Pattern("is not defined", r"NameError: (?:global )?name %s(?P<d>xrange|unicode|basestring|raw_input|execfile|unichr)%s"
                r" is not defined" % (OPEN, CLOSE), clean=lambda d: "Python 2's " + d),
        # pythonnet < 3's setup.py ships src/runtime/interopXY.cs for the Pythons it knows and otherwise runs
        # tools/geninterop/geninterop.py to generate one, which fails on Pythons newer than the release: "Command
        # '['...python.exe', 'tools\\geninterop\\geninterop.py', 'src\\runtime\\interop313.cs']' returned non-zero exit
        # status 1." (pythonnet 2.5.2 under pywebview on 3.13, b19-windows-more/19; pythonnet#2263 on 3.12)
        Pattern("geninterop", r"geninterop\.py['\"], ['\"][^'\"\n]{0,200}interop3\d{1,2}\.cs['\"]\]['\"] returned non-zero",
                detail="the C-API layout that pythonnet 2's interop generator reads"),
    ),
    fix=_too_new_fix,
    verify=lambda ctx: (),
    why="Each Python release removes deprecated modules and functions (imp and pkgutil.ImpImporter in 3.12,"
    " the 'dead batteries' of PEP 594 in 3.13, collections' ABC aliases in 3.10). A setup.py, or an old"
    " setuptools/pkg_resources pinned as build requirement, that still uses them fails before compiling.",
    prevent="Upgrade packages (and their build requirements) together with Python.",
    detail_kind="python-version",
    examples=(
        "ModuleNotFoundError: No module named 'imp'",
        "AttributeError: module 'pkgutil' has no attribute 'ImpImporter'. Did you mean: 'zipimporter'?",
        "ImportError: cannot import name 'Mapping' from 'collections' (/usr/lib/python3.10/collections/__init__.py)",
        "ModuleNotFoundError: No module named 'cgi'",
        "TypeError: ForwardRef._evaluate() missing 1 required keyword-only argument: 'recursive_guard'",
        "       > AttributeError: 'Constant' object has no attribute 's'",
        "      SyntaxError: multiple exception types must be parenthesized",
        "      subprocess.CalledProcessError: Command '['C:\\\\venv\\\\Scripts\\\\python.exe', 'tools\\\\geninterop\\\\geninterop.py',"
        " 'src\\\\runtime\\\\interop313.cs']' returned non-zero exit status 1.",
    ),
    counter_examples=(
        "ModuleNotFoundError: No module named 'numpy'",
        "AttributeError: module 'foo' has no attribute 'bar'",
    ),
)


def _distutils_fix(ctx: Context):
    return (
        _upgrade(ctx, "a newer release of %s no longer needs distutils"),
        Fix("pip install setuptools", "with --no-build-isolation: setuptools provides a replacement distutils"),
        _older_python(ctx, "3.11 or older (distutils was removed in Python 3.12)"),
    )


DISTUTILS = Rule(
    code="PX050",
    cause="distutils-missing",
    title="distutils is not available",
    summary="{package}'s build imports distutils, which Python 3.12 removed from the standard library.",
    patterns=(
        Pattern("no module named", r"No module named %s(?P<d>distutils(?:\.[\w.]+)?)%s" % (OPEN, CLOSE),
                clean=lambda d: "distutils"),
        # autoconf-archive's AX_PYTHON_DEVEL in a C/C++ project's configure that builds its Python bindings:
        # 'configure: error: cannot import Python module "distutils".' (libtorrent-rasterbar 1.2 under nixpkgs'
        # Python 3.12, b50-package-builders-6/16; the macro's own message, older releases of ax_python_devel.m4)
        Pattern("cannot import python module", r"cannot import Python module %s(?P<d>distutils(?:\.[\w.]+)?)%s"
                % ("[\"'`]", "[\"'`]"), clean=lambda d: "distutils"),
        # meson's python module, whose introspection of the interpreter imported distutils (before 1.2.3): "ERROR:
        # <PythonExternalProgram 'python3' -> ['/.../bin/python']> is not a valid python or it is missing distutils"
        # (numpy's vendored meson on Python 3.12, b52-lib-lookups-6/21), and before 0.51 without the clause, "ERROR:
        # <ExternalProgram 'python3' -> ['/usr/bin/python3']> is not a valid python" (Ubuntu 19.04 without
        # python3-distutils, b52-lib-lookups-6/25; later releases say "missing setuptools/distutils")
        Pattern("is not a valid python", r"\bERROR: <(?:Python)?ExternalProgram '[^'\n]{1,80}' -> \[[^\]\n]{0,400}\]> is not a"
                r" valid python(?: or it is missing (?:setuptools/)?distutils)?\s*$", detail="distutils"),
    ),
    fix=_distutils_fix,
    verify=lambda ctx: ("python -c 'import setuptools, distutils; print(distutils.__file__)'",),
    why="distutils was deprecated by PEP 632 and removed in Python 3.12. setuptools ships a copy that it"
    " installs as 'distutils' only when setuptools is present and imported first; old setup.py scripts and old"
    " pinned build requirements (e.g. numpy < 1.26) import distutils directly.",
    prevent="Use releases that support your Python; keep setuptools in the build requirements.",
    examples=("ModuleNotFoundError: No module named 'distutils'", "ModuleNotFoundError: No module named 'distutils.util'",
              'configure: error: cannot import Python module "distutils".'),
)


# Evidence that names a version limit rather than a missing module.
_LIMITS: Tuple[Tuple[str, str], ...] = (
           ("cython_sources", "Cython<3"), (") noexcept:", "Cython>=0.29.31"), (") noexcept nogil:", "Cython>=0.29.31"),
           ("noexcept", "Cython<3"), ("use_2to3", "setuptools<58"),
           ("cpython/PyInt_", "Cython<3.1"), ("cpython/PyString_", "Cython<3.1"), ("numpy/math.pxd", "numpy<2"),
           ("get_script_", "setuptools<68"), ("Cython 3.3 requires the Python Limited API", "Cython<3.3"),
           ("No module named pkg_resources", "setuptools<82"), ("'get_writer'", "setuptools<68"), ("'dry_run'", "setuptools<81"),
           ("option --editable not recognized", "setuptools<80"), ("no such option 'py_limited_api'", "wheel>=0.30"),
           ("Compiler.__init__() takes from", "setuptools<81"), ("pxd' not found", "Cython<3"))
# Cython 3.1 dropped Python 2's C API declarations: its wheel's Cython/Includes/cpython/ has no cobject.pxd, int.pxd,
# oldbuffer.pxd nor string.pxd, 3.0.12's has them (read here): "'cpython/int.pxd' not found" for "from cpython.int cimport
# PyInt_FromLong" (brainpy 1.5.17, b70-sci-apps-1/09), 'cpython/string.pxd' likewise
_LIMITS += tuple(("'cpython/%s.pxd'" % name, "Cython<3.1") for name in ("cobject", "int", "oldbuffer", "string"))
# Cython 3.1 dropped Python 2's builtins from what .pyx code may name (gevent 23.9.1's corecext.pyx, live batch 7)
_LIMITS += tuple(("undeclared name not builtin: " + name, "Cython<3.1")
                 for name in ("long", "unicode", "basestring", "xrange", "unichr"))
# Modules setuptools stopped shipping, with the first release without each (scripts/setuptools_removals.py reads
# the wheels: 82.0.0 dropped pkg_resources, 81.0.0's wheel still has it): a setup script that imports one needs an
# older setuptools (pyproj 2.6, rasterio 1.3, tables 3.6, skia-pathops 0.7 and pkg_resources: live batch 3)
SETUPTOOLS_GONE = (("pkg_resources", "82"), ("pkg_resources.extern", "71"), ("setuptools.extern", "71"),
                   ("setuptools.sandbox", "80"), ("setuptools.package_index", "80.3"),
                   ("setuptools.command.upload", "75"), ("setuptools.command.register", "75"),
                   ("setuptools.command.upload_docs", "75"))
# (setuptools' own distutils dropped msvc9compiler and msvccompiler in 74: rules/_knowledge.py's ruling says so,
# the corpus labels that a regression, other)
_LIMITS += tuple(("No module named '%s'" % mod, "setuptools<" + version) for mod, version in SETUPTOOLS_GONE)


_WANTED = re.compile(r" is incompatible with ([A-Za-z0-9][\w.\[\],<>=!~*-]{0,200}?)\.?(?:, |$)")


def _build_dependency_fix(ctx: Context):
    detail = ctx.detail or ""
    name = top_module(detail)
    fixes = []
    limit = next((pin for needle, pin in _LIMITS if needle in (ctx.evidence or "")), None)
    if limit:
        detail = limit
        fixes.append(Fix('echo %s > build-constraints.txt && PIP_CONSTRAINT=build-constraints.txt'
                         ' PIP_BUILD_CONSTRAINT=build-constraints.txt pip install %s'
                         % (quote(detail), quote(ctx.package) if ctx.package else "PACKAGE"),
                         "build with %s (pip reads PIP_BUILD_CONSTRAINT for the build environment from 25.3 on,"
                         " PIP_CONSTRAINT before)" % detail))
        fixes.insert(0, _upgrade(ctx, "a newer release of %s may build with current tools"))
        if detail.startswith("setuptools<"):
            fixes.append(Fix("pip install %s" % quote(detail), "when the build uses this environment's setuptools"
                                                               " (--no-build-isolation, or a pip older than 10)"))
        return tuple(fixes)
    if detail.startswith("numpy.distutils"):
        return (_upgrade(ctx, "a newer release of %s may build without numpy.distutils"),
                Fix("pip install 'numpy<2' setuptools && pip install --no-build-isolation %s"
                    % (quote(ctx.package) if ctx.package else "PACKAGE"),
                    "or, on Python 3.11 or older, build against numpy < 2, the last with numpy.distutils (on 3.12"
                    " and later no numpy has it: use Python 3.11 for this version)"))
    wanted = _WANTED.search(ctx.evidence or "")
    if wanted:  # pip's conflict: the version the backend asked for, installed first, no isolation
        spec = wanted.group(1)
        return (Fix("pip install %s && pip install --no-build-isolation %s"
                    % (quote(spec), quote(ctx.package) if ctx.package else "PACKAGE"),
                    "the build asks for %s while its declared requirements installed another version: install the"
                    " one it asks for and build without isolation" % spec),
                _upgrade(ctx, "or another release of %s, whose requirements agree"))
    if name == "octoprint_setuptools":
        return (Fix("~/oprint/bin/pip install %s" % (quote(ctx.package) if ctx.package else "PLUGIN"),
                    "install the plugin with the pip of the environment OctoPrint runs in (~/oprint/bin/pip on"
                    " OctoPi), or through OctoPrint's plugin manager"),)
    dist = {"skbuild": "scikit-build", "Cython": "Cython", "pkg_resources": "setuptools", "yaml": "PyYAML",
            "setuptools_scm": "setuptools-scm", "setuptools_rust": "setuptools-rust", "google": "protobuf",
            "cv2": "opencv-python", "sklearn": "scikit-learn", "PIL": "Pillow"}.get(name, name)
    if dist:
        fixes.append(Fix("pip install %s && pip install --no-build-isolation %s"
                         % (quote(dist), quote(ctx.package) if ctx.package else "PACKAGE"),
                         "install %s first and build without isolation, so the build can import it" % dist))
    fixes.append(Fix("", "if you used --no-build-isolation, install every build requirement of the package"
                         " (its pyproject.toml [build-system] requires) first, or drop that option"))
    return tuple(fixes)


# a requirement as build frontends list it, extras and specifiers included ("setuptools_scm[toml] >= 3.4",
# "Cython<3.2.0,>=3.1.6")
_REQUIREMENT_LINE = r"(?P<d>[A-Za-z0-9][\w.-]{0,100}(?:\[[\w,.-]{1,100}\])?(?:\s?[=<>!~]=?\s?[\w.*+!-]{1,40}(?:\s?,\s?[=<>!~]=?\s?[\w.*+!-]{1,40}){0,4})?)"


def _requirement(name: str) -> str:
    """A build requirement's name as its project spells it: Cython, torch for PyTorch, the others in lower case."""
    return {"cython": "Cython", "pytorch": "torch"}.get(name.lower(), name.lower())


_REQUIREMENT_PROGRAM = re.compile(r"cythonize|cython|f2py[\d.]{0,4}|pythran")


def _is_requirement_program(detail: str) -> bool:
    """cythonize, cython, f2py, pythran: programs that build requirements install."""
    return _REQUIREMENT_PROGRAM.fullmatch(program(detail).lower()) is not None


def _program_requirement(detail: str) -> str:
    """A build requirement's command-line program -> the requirement that installs it (f2py comes with numpy)."""
    name = program(detail).lower()
    return "numpy" if name.startswith("f2py") else "Cython" if name.startswith("cython") else name


# hatchling's plugins by the name a pyproject.toml gives them, and the package that provides each (their READMEs)
_HATCH_PLUGINS = {"vcs": "hatch-vcs", "fancy-pypi-readme": "hatch-fancy-pypi-readme", "nodejs": "hatch-nodejs-version",
                  "requirements_txt": "hatch-requirements-txt", "mypyc": "hatch-mypyc",
                  "jupyter-builder": "hatch-jupyter-builder"}


BUILD_DEPENDENCY = Rule(
    code="PX051",
    cause="build-dependency-missing",
    title="Build requirement missing or broken: {detail}",
    summary="{package}'s build needs {detail}, which is missing from, or the wrong version in, its build"
    " environment.",
    patterns=(
        Pattern("no module named", r"(?:ModuleNotFoundError|ImportError): No module named %s?(?P<d>[\w.]+)%s?"
                % (OPEN, CLOSE), is_build_requirement),
        # Cython 3 with sources written for Cython 0.29 (PyYAML 5.4, ...)
        # a setup script's own words for a build requirement it imports (matplotlib's setupext "You must install
        # numpy 1.4 or later to build matplotlib", MPDAF, aeneas: b5/09)
        Pattern("you must install", r"\bYou must install (?P<d>numpy|cython)\b(?: [\d.]{1,12} or later)? (?:to build|before)",
                clean=lambda d: "Cython" if d.lower() == "cython" else "numpy"),
        # ... or the package and the pip command that installs it: scalene's setup.py when its import of wheel's
        # bdist_wheel fails, "You need to install the wheel package, as in `pip install wheel`." (1.5.15's setup.py,
        # read in the sdist; Python 3.11's venv no longer seeds wheel, b71-dev-hooks-1/19): the pip command makes it
        # a Python package, whatever its name
        Pattern("you need to install the", r"\bYou need to install the (?P<d>[A-Za-z][\w.-]{0,60}) (?:package|module),?"
                r" (?:as in|with|e\.g\.|using|by running|run)?:? ?[`'\"]?pip3? install (?P=d)\b"),
        # jrl-cmakemodules' FIND_NUMPY (eigenpy, pinocchio, hpp-fcl, crocoddyl ...) runs the Python it found with
        # "import numpy; print(numpy.get_include())" and stops with MESSAGE(FATAL_ERROR "Failed to detect numpy") when
        # that prints nothing (its python.cmake; eigenpy under Homebrew's python@2 without numpy,
        # b58-lib-lookups-11/08)
        Pattern("failed to detect numpy", r"^\s*Failed to detect numpy\s*$", detail="numpy"),
        # the find_python_module() idiom of CMake projects (a FindPackageHandleStandardArgs over "import X" run by the
        # Python found: "-- Could NOT find PY_Cython (missing: PY_CYTHON)", mlpack's Python bindings then stopping on
        # Cython, b58-lib-lookups-11/12): a lookup, which an optional module goes on from; a later cause wins
        Pattern("could not find py_", r"^\s*(?:-- )?Could (?-i:NOT) find PY_(?P<d>[A-Za-z]\w{0,60}) \(missing: PY_\w{1,60}\)",
                clean=_requirement, probe=True),
        # ... and other scripts' words for the build requirements they check before importing them ("RuntimeError:
        # Cython is required to build this package", "Cython is not installed", "ERROR: numpy must be installed
        # before ..."); meson's find_program of the Cython / Pythran a meson-python build declares ("Program
        # 'cython' not found or not executable": --no-build-isolation without them)
    ) + missing_program(
        # the command-line programs of build requirements, run by a build script without them, in every way a build
        # says a program is missing: "sh: 1: cythonize: not found" (openpilot's SConstruct, b47-cpp-cuda-ext-10/05),
        # "/bin/sh: 1: f2py: not found" (pyglow's Makefile: f2py comes with numpy, b47-cpp-cuda-ext-10/27)
        _is_requirement_program, clean=_program_requirement,
    ) + tuple(
        # one pattern per wording, its needle the wording (the names, short and common, make poor needles)
        Pattern(needle, r"(?:^|[\s:'\"(])(?P<d>Cython|numpy|pybind11|pythran|cffi|torch|pip)['\"]? %s" % tail,
                clean=_requirement)
        # (not wheel nor setuptools: pip's own notices say "since package 'wheel' is not installed")
        for needle, tail in (("is required", r"is required (?:to|for) build"), ("is not installed", r"is not installed"),
                             ("must be installed", r"must be installed"), ("is needed to build", r"is needed to build"),
                             ("not found, ", r"(?:is )?not found, (?:please )?install"))
    ) + (
        # ... and the build's sentence with the requirement after its verb: MonetDBLite 0.1.9's setup.py "Building
        # MonetDBLite from source requires NumPy to be installed." (b60-small-trackers-4/01)
        Pattern("to be installed", r"\brequires (?P<d>Cython|numpy|NumPy|pybind11|pythran|cffi|torch)(?: [\d.]{1,12}(?: or"
                r" (?:later|newer|higher))?)? to be installed\b", clean=_requirement),
    ) + (
        # setuptools refusing the requirements a setup.py declares, in the words of dist.py's check_extras /
        # check_requirements without a parse error after them: a setuptools too new for legacy versions (66+,
        # packaging 22: gym 0.21's "opencv-python>=3.", b54-domain-media-hw/03, /04, whose reporters pinned 65.5) or
        # too old for environment markers (setuptools 18 under bonobo's extras, b25-old-pip-py2/14; pipenv on RHEL 6,
        # b22-old-platforms/06): either way the build's setuptools. (With "; Expected ..." after it, packaging 22's
        # parse error, the requirement itself may be malformed, a missing comma or a stray quote: left alone)
        Pattern("valid project/version requirement specifiers", r"\berror in [^\n]{1,80} setup command: %s(?:extras_require|"
                r"install_requires|setup_requires|tests_require)%s must be [^\n]{0,120}valid project/version requirement"
                r" specifiers(?!;)" % (OPEN, CLOSE), detail="setuptools"),
        # ... and with the old pkg_resources parser's error after it, stopping right at an environment marker: "...
        # specifiers; Expected version spec in typing;python_version<"3.5" at ;python_version<"3.5"" (python-can under
        # Apple's Python 2.7, b67-platforms-2/07), "Expected ',' or end-of-list in typing>=3.0.0;python_version<"3.5" at
        # ;python_version<"3.5"" (esphome 1.11, /14): the requirement is well formed, the setuptools predates markers
        Pattern("valid project/version requirement specifiers", r"\berror in [^\n]{1,80} setup command: %s(?:extras_require|"
                r"install_requires|setup_requires|tests_require)%s must be [^\n]{0,120}valid project/version requirement"
                r" specifiers; Expected (?:version spec|',' or end-of-list) in [^\n]{1,200} at ;\s?(?:python_(?:full_)?version|"
                r"sys_platform|platform_system|os_name|platform_machine|implementation_name|platform_python_implementation|"
                r"extra)\b" % (OPEN, CLOSE), detail="setuptools"),
        # ... or says the build requires it: PLUMED's setup.py "Error: building plumed requires cython. Please install it
        # first with pip install cython" (b55-lib-lookups-9/16)
        Pattern("requires", r"\b(?:[Bb]uilding|[Tt]o build) [\w.+-]{1,60} requires (?P<d>Cython|cython|numpy|NumPy|pybind11|"
                r"pythran|cffi)\b", clean=_requirement),
        # ... or says that the one it found is too old: NEST's CMake "Your Cython version is too old.  Please install
        # newer version (0.19.2+)" (its probe runs `cython --version`, so a launcher that cannot import Cython reads
        # as too old too; b54-lib-lookups-8/17, /18)
        Pattern("version is too old", r"\bYour (?P<d>Cython|numpy|NumPy|pybind11|setuptools) version is too old\b",
                clean=_requirement),
        # GNU Radio's GR_REGISTER_COMPONENT (GrComponent.cmake) for a component the user forced on: each dependency
        # printed "  Dependency X = FALSE", then "user force-enabled gnuradio-companion but configuration checked
        # failed"; a Python module its GR_PYTHON_CHECK_MODULE calls looked for (NUMPY_FOUND, MAKO_FOUND ...: gnuradio
        # 3.7 under PyBOMBS, b54-lib-lookups-8/20)
        Pattern("_found = false", r"^\s*(?:--\s*)?Dependency (?:PYTHON_)?(?P<d>NUMPY|MAKO|SIX|CHEETAH|LXML|PYYAML|CLICK)_FOUND"
                r" = FALSE\s*$", clean=lambda d: {"NUMPY": "numpy", "MAKO": "Mako", "SIX": "six", "CHEETAH": "Cheetah",
                                                  "LXML": "lxml", "PYYAML": "PyYAML", "CLICK": "click"}[d],
                then=r"\buser force-enabled \S{1,80} but configuration checked failed", within=12),
        # ... and "Cannot find Cython. Have you installed all the requirements?" (cyvcf2's setup.py in an Alpine
        # image, b32-middle-era-2020-23/01)
        Pattern("find cython", r"\b(?:Cannot|Can't|Could not|Couldn't|Unable to) find (?P<d>Cython)\b[.!]?(?:\s*$| Have you"
                r" installed| Please install)", clean=_requirement),
        Pattern("find numpy", r"\b(?:Cannot|Can't|Could not|Couldn't|Unable to) find (?P<d>numpy|NumPy)\b[.!]?(?:\s*$| Have you"
                r" installed| Please install)", clean=_requirement),
        # OctoPrint's plugin template (every plugin's setup.py from its cookiecutter): "Could not import OctoPrint's
        # setuptools, are you sure you are running that under the same python installation that OctoPrint is installed
        # under?", when `import octoprint_setuptools` (a module of OctoPrint itself) fails: a plugin installed with
        # another pip than OctoPrint's (b51-linux-arm-musl-2/08, 15, 19, 21: four plugins on Raspberry Pis)
        Pattern("could not import octoprint's setuptools", r"Could not import OctoPrint's setuptools\b",
                detail="octoprint_setuptools"),
        # a build script's shell running pip, which the build environment does not have: snapcraft's override-build
        # "scriptlet.sh: line 5: pip: command not found" in Launchpad's builders (landscape-client,
        # b45-package-builders-3/27; its fix: python3-pip in build-packages), dash's "sh: 1: pip3: not found" (a script's
        # line, not a user's own "sudo: pip3.2: command not found" above a paste, b26-longtail-pkgs-a/01)
        Pattern("not found", r"(?:\bline \d{1,6}|\bsh: \d{1,6}): (?P<d>pip)3?(?:\.\d{1,2})?: (?:command )?not found\b",
                clean=_requirement),
        # ... and "Please install 'numpy' first." (PyAstronomy 0.10's setup.py before its NameError, under pip 9,
        # b45-old-pip-longtail-11/18), "Please install Cython first"
        Pattern("first", r"\b(?:Please )?install %s?(?P<d>Cython|numpy|NumPy|pybind11|cffi)%s? first\b" % (OPEN, CLOSE),
                clean=_requirement),
        # ... or gives the pip command that installs it: cornac 2.3.0's "We need some dependencies to build Cornac." /
        # "Run: pip3 install Cython "numpy<2.0.0" ..." (b49-cpp-cuda-ext-12/38), the first of them named
        Pattern("pip", r"(?:^|[\s:])(?:Please )?(?:[Rr]un|[Tt]ry|[Ee]xecute)(?: this)?:? %s?pip3? install (?:-U |--upgrade )?%s?"
                r"(?P<d>Cython|cython|numpy|NumPy|pybind11|cffi|torch)\b" % ("[`'\"]", "[`'\"]"), clean=_requirement),
    ) + tuple(
        # a setup script's check of the setuptools (or other build tool) running it: mock 1.x "mock requires
        # setuptools>=17.1. Aborting installation" (easy_install's old setuptools, b13-old-pip-py2/21)
        Pattern("requires " + name.lower(), r"\b[\w.-]{1,100} requires (?P<d>%s) ?>= ?[\d.]{1,20}\b"
                r"(?:\.? ?Aborting| (?:to build|or later|or newer))" % name, clean=_requirement)
        for name in ("setuptools", "pip", "wheel", "Cython", "numpy")
    ) + (
        # Python 2's ImportError names no module ("ImportError: cannot import name build_ext"): the traceback's
        # source line before it does ("from Cython.Build import cythonize, build_ext": an older Cython; madmom
        # on 2.7, b13-old-pip-py2/13)
        Pattern("import", r"^\s*from (?P<d>(?:setuptools|pkg_resources|Cython|numpy|wheel|packaging|pybind11|skbuild)"
                r"[\w.]*) import [\w, ()]{1,200}$", clean=top_module,
                then=r"^\s*ImportError: cannot import name %s?\w+%s?\s*$" % (OPEN, CLOSE), within=1),
        Pattern("not found or not executable", r"\bProgram (?:or command )?['\"](?P<d>cython|pythran)['\"] not found or"
                r" not executable", clean=_requirement),
        # a setup script's own words for a build requirement it could not import: HTSeq's "Setup script for HTSeq:
        # Failed to import 'numpy'." (b14-bio-geo-sci/01), "Unable to import Cython"
        Pattern("to import", r"\b(?:Failed|Unable) to import %s?(?P<d>numpy|Cython|pybind11|setuptools|cffi|torch)%s?"
                r"(?:[.:\s]|$)" % (OPEN, CLOSE), clean=_requirement),
        # ... or that asks for it first: auto-gptq's "Building cuda extension requires PyTorch (>=1.13.0) being
        # installed, please install PyTorch first: No module named 'torch'" (under uv's build isolation,
        # b17-uv-poetry-ci/11), "Please install numpy first", "please install Cython first"
        # CMake's find_package() in CONFIG mode, when the Python package that ships the CMake files is there in a
        # version the project does not accept (cmFindPackageCommand: 'Could not find a configuration file for package
        # "nanobind" that is compatible with requested version "2.9".', then the file it refused with "version:
        # 3.0.0"): the build requirement's version is wrong (nanobind 3.0.0 under LLVM's MLIR bindings,
        # b29-newpython-2025-26/11)
        Pattern("configuration file for package", r"Could not find a configuration file for package \"(?P<d>nanobind|pybind11"
                r"|Torch)\" that is(?: compatible with requested version \"[\d.]{1,20}\")?\s*$",
                then=r"\b(?:(?:nanobind|pybind11|Torch)Config|(?:nanobind|pybind11)-config)\.cmake, version: [\d.]{1,20}",
                within=8, clean=lambda d: d.lower()),
        Pattern("please install", r"\b[Pp]lease install (?P<d>PyTorch|torch|NumPy|numpy|Cython|cython|pybind11) first\b",
                clean=_requirement),
        # ... or that a module must be installed: numpy's tools/cythonize.py (numpy < 1.20 from its sdist, Chaquopy's
        # pip with no wheel for it, b39-package-builders-2/23) "OSError: Cython needs to be installed in Python as a
        # module"
        Pattern("needs to be installed", r"\b(?P<d>Cython|NumPy|numpy|pybind11|setuptools_scm|wheel) needs to be installed\b",
                clean=_requirement),
        # ... or that says what it needs: scikit-image's setup.py (0.14-0.18) "To install scikit-image from source,
        # you will need NumPy." (docker build via easy_install, b15-alpine-docker-ci/07)
        Pattern("you will need", r"\byou (?:will )?need (?:to install )?(?P<d>NumPy|Cython)\b",
                clean=_requirement),
        # python -m build --no-isolation checks build-system.requires first (build/__main__.py: "ERROR Missing
        # dependencies:" and one tab-indented requirement per line; urllib3 pinning hatch-vcs==0.4.0 in a
        # BuildStream sandbox, b15-installers-framing/10)
        # (without the colon in other releases: statsmodels under a SlackBuild, b52-package-builders-7/14)
        Pattern("missing dependencies", r"^\s*ERROR Missing dependencies:?\s*$",
                then=r"^\s+%s\s*$" % _REQUIREMENT_LINE, within=1),
        # ... and picobuild (OpenEmbedded's python_pep517 class in 2022) the same way: "Missing build dependencies:" and
        # "- setuptools_scm[toml] >= 3.4" (python3-anyio without python3-setuptools-scm-native, b37-ci-docker-2/16)
        Pattern("missing build dependencies:", r"^\s*Missing build dependencies:\s*$",
                then=r"^\s*- %s\s*$" % _REQUIREMENT_LINE, within=1),
        # A packaging sandbox that forbids setuptools' own download of a setup_requires requirement, naming it:
        # OpenEmbedded's setuptools ("ERROR: Do not try to fetch `wheel' for building. Please add its native recipe to
        # DEPENDS.", python3-cryptoauthlib, b37-ci-docker-2/15), conda-build's ("RuntimeError: Setuptools downloading
        # is disabled in conda build. Be sure to add all dependencies in the meta.yaml  url=https://pypi.org/simple/
        # pyyaml/", b37-ci-docker-2/08 and /09, the line wrapped in 08)
        Pattern("do not try to fetch", r"\bDo not try to fetch [`'\"](?P<d>[A-Za-z0-9][\w.-]{0,100}(?:[=<>!~]=?[\w.*+!-]{1,40}"
                r"(?:,[=<>!~]=?[\w.*+!-]{1,40}){0,4})?)['\"`] for building\b",
                clean=_requirement),
        Pattern("setuptools downloading is disabled", r"\bSetuptools downloading is disabled in conda build\b[^\n]{0,200}?"
                r"\burl=\S{0,200}?/simple/(?P<d>[A-Za-z0-9][\w.-]{0,100})", clean=_requirement),
        Pattern("setuptools downloading is disabled", r"\bSetuptools downloading is disabled in conda build\b[^\n]{0,200}$",
                then=r"\burl=\S{0,200}?/simple/(?P<d>[A-Za-z0-9][\w.-]{0,100})", within=1, clean=_requirement),
        # setuptools' fetch_build_egg without the wheel package (installer.py: "WARNING: The wheel package is not
        # available."; Spack's py-templateflow, b37-ci-docker-2/12; only before "No module named pip": pip's own
        # builds print the same warning and go on), and a setup.py's own "ImportError: wheel package is not
        # installed and bdist_wheel command is used" (pywbem under build 1.1, b37-ci-docker-2/11)
        Pattern("package is not available", r"^\W{0,12}WARNING: The (?P<d>wheel) package is not available\.?\s*$",
                then=r": No module named pip\s*$", within=2),
        Pattern("package is not installed", r"\bImportError: (?P<d>wheel|setuptools|Cython|numpy) package is not installed\b",
                clean=_requirement),
        # an include directory inside a zipped egg that setuptools fetched for setup_requires (easy_install, no pip in
        # the build root): gcc cannot open it, "cc1plus: error: .../.eggs/cppy-1.1.0-py3.8.egg/cppy/include: Not a
        # directory" (kiwisolver 1.2.0 packaged for Pisi Linux, b37-old-pip-longtail-8/14)
        Pattern("not a directory", r"\berror: \S{0,300}[/\\]\.eggs[/\\](?P<d>[A-Za-z0-9][\w.]{0,80}?)-\d[\w.]{0,30}-py\d\.\d{1,2}"
                r"\.egg[/\\]\S{0,200}: Not a directory\s*$", clean=_requirement),
        # `python -m X` without X: CPython's runpy exits with "<sys.executable>: No module named X" (runpy.py's
        # _run_module_as_main; unquoted, no "ModuleNotFoundError"). For the PEP 517 frontends and backends a
        # packaging recipe runs (makepkg's `python -m build`, Gentoo's gpep517, `python -m installer`:
        # subliminal's PKGBUILD, b17-distro-packaging/11); not pip: uv's venvs have none and setup scripts that
        # try `python -m pip install` carry on to their own import error (fasttext under uv, b4-mixed/28). A script
        # may tag each line it relays ("LIBGPIOD /usr/bin/python: No module named build": Adafruit's libgpiod
        # installer running libgpiod's Makefile, b26-longtail-pkgs-a/20)
        # (or in brackets: Sage's spkg-install "[sagetex-3.6.1] [spkg-install] .../python3: No module named build",
        # b47-package-builders-4/16)
        Pattern("no module named", r"^\s*(?:[A-Za-z][\w.-]{0,40}\s{1,4}|(?:\[[^\]\n]{1,60}\]\s{1,4}){1,3})?\S{0,300}?python[\d.]{0,6}"
                r"(?:\.exe)?: No module named (?P<d>build|installer|wheel|setuptools|gpep517|pyproject_hooks|hatchling|flit_core|"
                r"maturin|mesonpy|Cython|cython|pybind11)\s*$", clean=_requirement),
        # ... and pip in conda-build's environments (its build prefix "_build_env", its host prefix "_h_env..."): a
        # recipe's `python -m pip install .` whose requirements lack pip (salib's feedstock, b47-package-builders-4/01;
        # conda-forge's recipes list pip under host). Elsewhere a script that tries `python -m pip` may carry on to its
        # own import error (uv's venvs have no pip: fasttext, b4-mixed/28)
        Pattern("no module named", r"[/\\](?:_build_env|_h_env\w{0,300})[/\\](?:bin[/\\])?python[\d.]{0,6}(?:\.exe)?: No module named"
                r" (?P<d>pip)\s*$", clean=_requirement),
        # a setuptools older than 40.8.0 (which added the fallback backend pip uses for a project with no
        # [build-system] backend): "AttributeError: module 'setuptools.build_meta' has no attribute '__legacy__'"
        # (anitya under pip 19 with a setuptools pinned in the venv, psycogreen under pip-compile;
        # b23-pip-error-paths/07, /08)
        Pattern("has no attribute '__legacy__'", r"AttributeError: module %ssetuptools\.build_meta%s has no attribute"
                r" %s__legacy__%s" % (OPEN, CLOSE, OPEN, CLOSE), detail="setuptools>=40.8.0"),
        # pkg_resources' own words for a requirement (setup_requires, an entry point's) absent from the environment
        # that runs the build (pkg_resources/__init__.py, DistributionNotFound.report: "The 'packaging>=20.0'
        # distribution was not found and is required by the application"; setuptools-scm 6.3 under Spack,
        # b23-sandboxed-builders/09)
        Pattern("distribution was not found", r"DistributionNotFound: The %s(?P<d>[A-Za-z0-9][\w.-]{0,100}(?:\[[\w,.-]{1,100}"
                r"\])?(?:\s?[=<>!~]=?\s?[\w.*+!-]{1,40}(?:,\s?[=<>!~]=?\s?[\w.*+!-]{1,40}){0,4})?)%s distribution was not found"
                % (OPEN, CLOSE)),
        # setup_requires fetched by setuptools 42+ through pip (setuptools/installer.py fetch_build_egg: "python -m pip
        # --disable-pip-version-check wheel --no-deps -w TMP --quiet REQ"), which failed: the requirement is missing,
        # whatever pip said before (a Python without pip: Fink's python3.10 building lazy-object-proxy,
        # b23-sandboxed-builders/14)
        Pattern("--no-deps", r"Command %s\[[^\]\n]{0,600}?['\"]-m['\"], ['\"]pip['\"], [^\]\n]{0,300}?['\"]wheel['\"],"
                r" ['\"]--no-deps['\"], [^\]\n]{0,400}, ['\"](?P<d>[A-Za-z0-9][^'\"\n]{0,200})['\"]\]%s returned non-zero exit"
                r" status" % (OPEN, CLOSE)),
        # maturin's own reading of Cargo.toml (its cargo_toml parser, not Cargo's "failed to parse manifest at"),
        # older than a manifest feature: workspace inheritance (`license.workspace = true`, Cargo 1.64) read by
        # maturin < 0.13.5 (rerun_py, b24-pip-paths-backends/03: "Caused by: Failed to parse Cargo.toml at
        # Cargo.toml" / "Caused by: invalid type: map, expected a string for key `package.license`")
        Pattern("failed to parse cargo.toml at", r"^\s*(?:Caused by: )?Failed to parse Cargo\.toml at ",
                then=r"invalid type: map, expected a (?:sequence|string|boolean) for key `package\.", within=1,
                detail="maturin"),
        # poetry-core 1.5 and later validate pyproject.toml against their schema, whose extras are lists of package
        # names; a specifier in one ('pip-shims<=0.3.4', isort 5.10's) passed older releases: "The Poetry
        # configuration is invalid:" then "- [extras.pipfile_deprecated_finder.2] 'pip-shims<=0.3.4' does not match
        # '^[a-zA-Z-_.0-9]+$'" (1.5-1.9), "- data.extras.pipfile_deprecated_finder[2] must match pattern
        # ^[a-zA-Z-_.0-9]+$" (2.x; b24-pip-paths-backends/19, /01)
        Pattern("extras", r"^\s*- (?:\[extras\.[\w.-]{1,100}\.\d{1,4}\] '[^'\n]{1,200}' does not match|data\.extras\."
                r"[\w.-]{1,100}\[\d{1,4}\] must match pattern) '?\^\[a-zA-Z-_\.0-9\]\+\$", detail="poetry-core<1.5"),
        # a setuptools (pkg_resources) older than PEP 508's environment markers in a package's requirements (20.5+
        # reads them all; 18.5 some): "error in cryptography setup command: Invalid environment marker: python_version <
        # '3'", "... Invalid environment marker: python_version<"2.7"" (cryptography 2.1 under an old gsutil's
        # setuptools, funcsigs under CentOS 7's easy_install; b25-old-pip-py2/07, /08)
        Pattern("invalid environment marker", r"\bInvalid environment marker: \(?(?:python_version|python_full_version|"
                r"platform_python_implementation|implementation_name|sys_platform|platform_system|platform_machine|"
                r"os_name|extra)\b", detail="setuptools>=20.5"),
        # setuptools 38 and later refuse a set (or dict) where a list of requirements is due (dist.py's
        # check_requirements: "Unordered types are not allowed"); older ones took it (postgresfixture 0.4's
        # tests_require under tox, b25-old-pip-py2/13)
        Pattern("unordered types are not allowed", r"must be a string or list of strings containing valid project/version"
                r" requirement specifiers; Unordered types are not allowed", detail="setuptools<38"),
        # hatchling without the plugin a project names (its version source, build or metadata hook): "Unknown
        # version source: vcs" (hatchling/metadata/core.py: a ValueError, later UnknownPluginError) when hatch-vcs
        # is not in the build environment (conda-libmamba-solver under Gentoo's gpep517, b15-installers-framing/11)
        Pattern("unknown version source", r"\bUnknown (?:version source|build hook|metadata hook): (?P<d>[\w.-]{1,60})\s*$",
                clean=lambda d: _HATCH_PLUGINS.get(d.lower(), "the hatch plugin of %r" % d)),
        # a setup script that imports Cython's cythonize in a try block and calls it anyway (MACS2 2.1.3, Python 2:
        # "NameError: global name 'cythonize' is not defined", b14-bio-geo-sci/16; Python 3 drops "global")
        Pattern("is not defined", r"NameError: (?:global )?name %s(?P<d>cythonize)%s is not defined" % (OPEN, CLOSE),
                clean=lambda d: "Cython"),
        # distutils' compiler for a source it has no rule for: a .pyx / .pxd handed to a build_ext without Cython
        # (an old setuptools that does not hand them to Cython, or no Cython): ccompiler.py's "unknown file type
        # '.pyx' (from 'x.pyx')" (cython-hidapi, b14-media-gui-hw/19)
        Pattern("unknown file type", r"\bunknown file type '\.(?:pyx|pxd|py)' \(from '", detail="Cython"),
        # numpy's own import-time check, of a numpy that cannot work here (1.19.4 on Windows 10 2004's fmod bug;
        # in pip's build environment when the path says pip-build-env): "RuntimeError: The current Numpy
        # installation ('...') fails to pass a sanity check" (numpy/__init__.py; hdbscan, b14-bio-geo-sci/05)
        Pattern("fails to pass a sanity check", r"The current Numpy installation \(.{0,600}?\) fails to pass a sanity check",
                detail="numpy"),
        # a build requirement installed in pip's isolated build environment that cannot load there (numpy without
        # its BLAS symbols under PyPy: b5/08, scipy)
        Pattern("undefined symbol", r"^\s*ImportError: \S{0,300}?/pip-build-env-\w{1,16}/(?:overlay|normal)/\S{0,200}?"
                r"site-packages/(?P<d>[A-Za-z_]\w{0,60})/\S{0,200}\s?(?:\S{0,200}: )?undefined symbol"),
        Pattern("cython_sources", r"AttributeError: (?:cython_sources|.{1,60} has no attribute 'cython_sources')",
                detail="Cython"),
        # Cython 3 with .pyx written for 0.29: a cdef function now propagates exceptions by default ("except *",
        # "except? -1"), so it no longer fits a C callback's noexcept pointer. Cython's own message (Compiler/
        # PyrexTypes.py, tests/errors/cfunc_directive_*): "Cannot assign type 'void (long) except *' to 'void (*)(long)
        # noexcept'. Exception values are incompatible. Suggest adding 'noexcept' to type ..." (3.0.0: the first
        # sentence alone). b6 20 cypari2, b6 21 pyamdgpuinfo; scikit-learn, numpy's _philox.pyx, PyAV in threads
        Pattern("cannot assign type", r"Cannot assign type '[^'\n]{1,300}\bexcept\b[^'\n]{0,300}' to '[^'\n]{0,300}"
                r"\bnoexcept\b", detail="Cython"),
        # ... and to a typedef'd function pointer, which names no noexcept ("Cannot assign type 'int (void *,
        # dpiAccessToken *) except? -1 nogil' to 'dpiAccessTokenCallback'": python-oracledb on 3.0.0's day,
        # b14-db-crypto-net/13): Cython 3 gives cdef functions an exception value by default, Cython 0.29 did not
        Pattern("cannot assign type", r"Cannot assign type '[^'\n]{1,300}\bexcept(?:\? ?-?\d{1,6}| ?\*)[^'\n]{0,300}' to"
                r" '(?![^'\n]{0,300}\bexcept\b)[^'\n]{1,300}'", detail="Cython"),
        Pattern("suggest adding 'noexcept'", r"Exception values are incompatible\. Suggest adding 'noexcept'",
                detail="Cython"),
        # ... and the other way round, a C function (noexcept: Cython 3's default for cdef extern) to a function
        # pointer the .pyx declared, which Cython 3 gives "except *": "Cannot assign type 'void (roaring_bitmap_t *,
        # const roaring_bitmap_t *) noexcept' to 'void (...) except *'" (pyroaring, b44-rust-maturin/11). Cython
        # 0.29 never prints "noexcept" in a type (0.29.37's PyrexTypes.py has no such word): the words are Cython 3's
        Pattern("cannot assign type", r"Cannot assign type '[^'\n]{1,300}\bnoexcept\b[^'\n]{0,300}' to '[^'\n]{1,300}"
                r"\bexcept(?:\? ?-?\d{1,6}| ?\*)", detail="Cython"),
        # a pybind11 older than the sources: PYBIND11_MODULE came with pybind11 2.2 (its changelog; before it,
        # PYBIND11_PLUGIN), so an older one's headers leave the macro undefined and g++ reads the line as a
        # declaration, "error: expected constructor, destructor, or type conversion before ‘(’ token" and the echo
        # "PYBIND11_MODULE(sophuspy, m)" (sophuspy under CMake finding Ubuntu 18.04's pybind11 2.0.1,
        # b45-cpp-cuda-ext-8/27)
        Pattern("expected constructor, destructor, or type conversion before",
                r"error: expected constructor, destructor, or type conversion before %s\(%s token" % (_Q, _Q),
                then=r"^\s*(?:\d{1,7} ?\| ?)?PYBIND11_MODULE\s?\(", within=2, detail="pybind11"),
        # a Cython older than 0.18, which did not know the const qualifier (its CHANGES: 0.18 added "const"): its error
        # block echoes the cdef line and stops under the type, "rocksdb/_rocksdb.pyx:52:20: Syntax error in C variable
        # declaration" (pyrocksdb with Debian wheezy's system Cython, b45-old-pip-longtail-11/02; Markdown may escape the
        # "*" of the echo)
        Pattern("cdef const", r"^\s*c?p?def (?:extern )?const [\w.]{1,100}[^\n]{0,300}$", detail="Cython",
                then=r"\.p(?:yx|xd|xi):\d{1,7}:\d{1,5}: Syntax error in C variable declaration\s*$", within=4),
        # ... and the reverse, sources written for Cython 3 built by a Cython older than 0.29.31, which does not know
        # the `noexcept` annotation: its error block echoes the cdef line and stops at the word, "djvu/sexpr.pyx:150:52:
        # Syntax error in C variable declaration" (python-djvulibre with a system Cython 0.29.14,
        # b30-new-toolchains-2024-26/19; Cython's CHANGES: 0.29.31 added noexcept for forward compatibility)
        Pattern(") noexcept", r"^\s*c?p?def [^\n]{1,300}\)\s?noexcept(?: nogil)?:\s*$", detail="Cython",
                then=r"\.p(?:yx|xd|xi):\d{1,7}:\d{1,5}: Syntax error in C variable declaration\s*$", within=4),
        # a build backend newer than the package's configuration: scikit-build-core 1.0 removed keys deprecated in
        # 0.10 ("ERROR: Use build.targets instead of cmake.targets for scikit-build-core >= 0.10": ruckig's sdists,
        # b16-newpip-newpy/02); maturin 1.8 requires project.version ("`project.version` field is required in
        # pyproject.toml unless it is present in the `project.dynamic` list": cramjam < 2.8.4, b16-newpip-newpy/18)
        # (0.10-0.11 only warn with the same words: "WARNING: Use build.verbose instead of cmake.verbose ...", b4/39)
        # (1.0 words the cmake.minimum-version one "with scikit-build-core >= 0.8": fsps in a tox job on 1.0's day,
        # b21-pkg-bugs-2025/06)
        Pattern("instead of", r"\bERROR: Use [\w.-]{1,60} instead of [\w.-]{1,60} (?:for|with) scikit-build-core >= ?"
                r"[\d.]{1,10}\b",
                detail="scikit-build-core"),
        # ... and 0.10.0 refusing the deprecated cmake.minimum-version next to the version it derives itself:
        # "ERROR: Cannot set both cmake.minimum_version and cmake.version; use version only for scikit-build-core >=
        # 0.8." (CUDA-Q's CI on the day 0.10.0 came out, b18-buildsystems/20; fixed in scikit-build-core #853)
        Pattern("cannot set both", r"\bERROR: Cannot set both [\w.-]{1,60} and [\w.-]{1,60}; use [\w.-]{1,60} only for"
                r" scikit-build-core >= ?[\d.]{1,10}\b", detail="scikit-build-core"),
        # scikit-build (classic) provides CMake modules of its own (skbuild/resources/cmake: FindCython,
        # FindPythonExtensions, FindNumPy, FindF2PY); CMake that cannot find one runs without scikit-build's module
        # path, or with a release that lost them (0.16.0's wheel: rapidfuzz, b18-buildsystems/03; scikit-build#786):
        # "By not providing "FindCython.cmake" in CMAKE_MODULE_PATH this project has asked CMake to find ..."
        Pattern("by not providing", r'By not providing "Find(?:Cython|PythonExtensions|NumPy|F2PY)\.cmake" in'
                r" CMAKE_MODULE_PATH", detail="scikit-build"),
        Pattern("field is required in pyproject.toml", r"`project\.version` field is required in pyproject\.toml unless"
                r" it is present in the `project\.dynamic` list", detail="maturin"),
        # Cython 3 refusing an implicit relative cimport of sources written for Cython 0.x: "rocksdb/_rocksdb.pyx:15:0:
        # 'std_memory.pxd' not found" (python-rocksdb 0.7.0 from setup_requires' Cython 3.3.1, live batch 24); a
        # ruling (_knowledge.SIBLING_PXD) keeps it only when the log shows that .pxd in the .pyx's own directory
        Pattern("pxd' not found", r"\.p(?:yx|xd):\d{1,7}:\d{1,5}: '\w{1,100}\.pxd' not found\s*$", detail="Cython"),
        # a Cython too old for `const` (before 0.18): its error block echoes a declaration with const and stops
        # right after it, "primer3/thermoanalysis.pxd:57:31: Expected ')', found 'char'" / "... found '*'"
        # (primer3-py with Debian's python-cython, thriftpy2 under Python 2.7: b33-old-pip-longtail-4/19, /20)
        Pattern("const", r"^\s*[^\n]{0,200}[(,]\s*const (?:unsigned |signed )?[A-Za-z_]\w{0,40}\s?\*?[^\n]{0,200}$",
                detail="Cython", then=r"\.p(?:yx|xd|xi):\d{1,7}:\d{1,5}: Expected '\)', found '(?:\*|[A-Za-z_]\w{0,40})'\s*$",
                within=5),
        # Cython 3.1 no longer knows Python 2's builtins in .pyx code ("undeclared name not builtin: long"): sources
        # written for Cython < 3.1 (simplerandom, b16-newpip-newpy/07; peewee#2987, pygrib#265, pyopengl#147,
        # libplist#269, CyMySQL#48 in their threads)
        Pattern("undeclared name not builtin", r"\.p[yx][xid]?:\d{1,7}:\d{1,5}: undeclared name not builtin:"
                r" (?:long|unicode|basestring|xrange|unichr)\s*$", detail="Cython"),
        # pip's own shim around a setup.py (utils/setuptools_build.py, pip 22.0 and later, read in its wheels), when the interpreter that runs it
        # cannot import setuptools: "ERROR: Can not execute `setup.py` since setuptools is not available in the build
        # environment." (a conda env's pip: step, b21-conda-pixi/19; a Python 3.12 image, b21-ci-builders/11)
        Pattern("setuptools is not available", r"Can not execute `setup\.py` since setuptools is not available in the"
                r" build environment", detail="setuptools"),
        # distutils.version reached through a bare "import distutils": setuptools >= 59.6's distutils (the one
        # its _distutils_hack puts first) does not import it with the package (PyTorch < 1.11's
        # tools/setup_helpers/cmake.py, its tensorboard module; b14-ml-rust-cpp/20): a setuptools older than that
        Pattern("has no attribute", r"AttributeError: module %sdistutils%s has no attribute %sversion%s"
                % (OPEN, CLOSE, OPEN, CLOSE), detail="setuptools"),
        # setuptools >= 78 refuses setup.cfg's dash-separated keys (dist.py's _enforce_underscore): "Invalid
        # dash-separated key 'description-file' in 'metadata' (setup.cfg), please use the underscore name
        # 'description_file' instead." (drain3, b14-newtools-2526/03): a setuptools older than 78 builds the release.
        # Only the error: 78.0.1 and later print the same words as a SetuptoolsDeprecationWarning and build on
        # (bluepy 1.3.0 under pip 25.0.1, live batch 15)
        Pattern("invalid dash-separated key", r"(?:InvalidConfigError|\berror):\s?Invalid dash-separated key '[\w-]{1,80}'"
                r" in '[\w:.-]{1,80}'", detail="setuptools"),
        # a PEP 639 license expression (`license = "MIT"`) read by a setuptools older than 77, whose pyproject
        # validator knows only the {file} / {text} tables: "configuration error: `project.license` must be valid
        # exactly by one definition (2 matches found):" and the table forms listed first ("- keys:" / "'file':
        # {type: string}"); 77's schema lists the SPDX string form before them. optree 0.16 with
        # --no-build-isolation, types-PyYAML under nixpkgs' setuptools 69 (b17-newpy-freethreaded 05, 06)
        Pattern("must be valid exactly by one definition", r"`project\.license` must be valid exactly by one definition",
                then=r"^\s*- keys:\s*$", within=1, detail="setuptools"),
        # ... and PEP 639's license-files array read by a hatchling older than 1.27, which knew only the draft's
        # table ({paths = [...]} / {globs = [...]}): its metadata/core.py raises "TypeError: Field
        # `project.license-files` must be a table" (read in hatchling 1.25.0's wheel; 1.27.0 says "must be an array"
        # of a table, the project's own outdated form). urllib3 built by NixOS's hatchling 1.25 (urllib3 #3638,
        # b68-frontends-2027/09): a hatchling of 1.27 or later builds it
        Pattern("must be a table", r"\bField `project\.license-files` must be a table\b", detail="hatchling"),
        # Cython 3.3 dropped the Limited API below 3.9: "Cython 3.3 requires the Python Limited API version to be 3.9
        # or greater." (reacnetgenerator, built as abi3 for 3.7 with cython>=3.0.1 resolving to 3.3 in the isolated
        # environment, b20-py314-2026/09; Cython's own check): a Cython older than 3.3 builds it
        Pattern("requires the python limited api version", r"\bCython 3\.\d{1,2} requires the Python Limited API version"
                r" to be 3\.\d{1,2} or greater", detail="Cython"),
        # setuptools >= 58 dropped 2to3
        Pattern("use_2to3 is invalid", r"use_2to3 is invalid", detail="setuptools"),
        # setuptools 68 removed easy_install's deprecated get_script_args, get_script_header and get_writer (its
        # changelog, #3948): setup scripts that still use them stop at "AttributeError: type object '_ScriptWriter'
        # has no attribute 'get_script_args'" (emonoda, b19-package-bugs/09) or "module
        # 'setuptools.command.easy_install' has no attribute 'get_script_header'" (gnocchi #1304)
        Pattern("has no attribute", r"has no attribute %s(?:get_script_args|get_script_header|get_writer)%s"
                % (OPEN, CLOSE), detail="setuptools"),
        # setuptools 81 removed distutils' dry-run option everywhere (pypa/setuptools#4872): setup scripts and build
        # helpers that still pass it stop at "TypeError: copy_file() got an unexpected keyword argument 'dry_run'"
        # (cffsubr, pytest-dependency) or "new_compiler() got ..." (setuptools_dso; b19-package-bugs 15, 16, 20)
        Pattern("unexpected keyword argument", r"\w\(\) got an unexpected keyword argument %sdry_run%s" % (OPEN, CLOSE),
                detail="setuptools"),
        # ... and numpy.distutils, which passes it by position ("compiler = klass(None, dry_run, force)" in its
        # ccompiler.new_compiler): "TypeError: Compiler.__init__() takes from 1 to 3 positional arguments but 4 were
        # given" (pyhdf 0.10.5, live batch 4: with setuptools<81 it builds on, to its own hdf.h)
        # setuptools 80 turned `setup.py develop` into a shim over `pip install -e` and dropped its easy_install
        # options (its 80.0.0 changelog, as the thread quotes); colcon's --symlink-install still runs "setup.py develop --editable ...":
        # "error: option --editable not recognized" (colcon-core#696 on a Jetson, b49-pip22-25-era/08)
        Pattern("option --editable not recognized", r"error: option --editable not recognized", detail="setuptools"),
        Pattern("positional arguments but", r"\bCompiler\.__init__\(\) takes from \d to \d positional arguments but \d"
                r" were given", detail="setuptools"),
        # setuptools < 70.1 without the wheel package
        Pattern("invalid command 'bdist_wheel'", r"invalid command 'bdist_wheel'", detail="wheel"),
        # ... or with a wheel older than an option the package's setup.cfg sets for bdist_wheel ("error: error in
        # setup.cfg: command 'bdist_wheel' has no such option 'py_limited_api'": wheel 0.30 added it, its changelog;
        # tdl 4.1.1 under Ubuntu 17.10's wheel, b49-old-pip-longtail-12/10)
        Pattern("command 'bdist_wheel' has no such option", r"command 'bdist_wheel' has no such option '\w{1,60}'",
                detail="wheel"),
        # a setup.py that falls back to plain distutils when setuptools is absent: distutils' command list
        # (distutils/command/__init__.py) has none of setuptools' egg_info, dist_info, develop, bdist_egg, which pip
        # runs ("error: invalid command 'egg_info'": sabyenc 3.3.1 under Entware's pip, b26-longtail-pkgs-c/04)
        Pattern("invalid command '", r"invalid command '(?:egg_info|dist_info|develop|bdist_egg)'", detail="setuptools"),
        # ... and the commands other packages add to setup.py through their entry points: Sphinx < 7's build_sphinx
        # (pip 9's own FreeBSD port building its man pages with a Sphinx the interpreter cannot import,
        # b45-package-builders-3/06), Babel's compile_catalog / extract_messages
        Pattern("invalid command '", r"invalid command 'build_sphinx'", detail="sphinx"),
        # stdeb's commands (its setup.cfg entry points: bdist_deb, sdist_dsc, debianize), which Debian packaging
        # scripts run (indicator-ip's build.sh, b47-package-builders-4/14)
        Pattern("invalid command '", r"invalid command '(?:bdist_deb|sdist_dsc|debianize)'", detail="stdeb"),
        Pattern("invalid command '", r"invalid command '(?:compile_catalog|extract_messages|init_catalog|update_catalog)'",
                detail="babel"),
        # a build requirement of another version than the build script expects
        Pattern("cannot import name", r"cannot import name %s\w+%s from %s(?P<d>(?:setuptools|pkg_resources|Cython|"
                r"numpy|wheel|packaging|pybind11|skbuild)[\w.]*)%s" % (OPEN, CLOSE, OPEN, CLOSE),
                clean=top_module),
        # setuptools < 64 has no PEP 660 hooks; uv calls them without asking (its hook script): "AttributeError:
        # module 'setuptools.build_meta' has no attribute 'build_editable'" (b4 93), "... '_BuildMetaLegacyBackend'
        # object has no attribute 'build_editable'" (uv issue 3459: setuptools 59.8 / --exclude-newer 2020)
        Pattern("build_editable", r"(?:module %ssetuptools\.build_meta%s|%s_BuildMetaLegacyBackend%s object) has no"
                r" attribute %s(?:prepare_metadata_for_)?build_editable%s" % (OPEN, CLOSE, OPEN, CLOSE, OPEN, CLOSE),
                detail="setuptools"),
        # Cython 3.1 dropped Python 2's names from its cpython/*.pxd (PyInt_*, PyString_*): sources that cimport
        # them stop at "libmc/_client.pyx:11:0: 'cpython/PyInt_AsLong.pxd' not found" (libmc on 3.13, b9-issues/56)
        Pattern("cpython/py", r"'cpython/Py(?:Int|String)_\w{1,60}\.pxd' not found", detail="Cython"),
        # ... and the Python 2 modules of them themselves: "unqlite.pyx:14:0: 'cpython/string.pxd' not found" (from
        # cpython.string cimport PyString_AsStringAndSize; unqlite 0.9.8 and its medspacy fork under Cython 3.1,
        # b54-domain-db-net-sys/01, /02), "'cpython/int.pxd' not found" (brainpy, b70-sci-apps-1/09); the four
        # modules Cython 3.1's wheel no longer has (_LIMITS)
        Pattern("pxd' not found", r"'cpython/(?:string|int|cobject|oldbuffer)\.pxd' not found", detail="Cython"),
        # NumPy 2 no longer ships numpy/math.pxd: .pyx files that cimport it, built against the newest numpy that
        # build isolation installs, stop at "x.pyx:18:0: 'numpy/math.pxd' not found" (scikit-learn-extra 0.3.0,
        # b12-newpy-newpip/16; madmom #547, fixed by cimporting libc.math)
        Pattern("numpy/math.pxd", r"'numpy/math\.pxd' not found", detail="numpy"),
        # Cython before 0.29 for a cimport of a Python package's .pxd it cannot find (Cython/Compiler's "cannot find
        # cimported module '%s'"): SciPy's cython_blas / cython_lapack came with SciPy 0.16, so an older SciPy in
        # the build environment stops pylds at "pylds/lds_messages.pyx: cannot find cimported module
        # 'scipy.linalg.cython_lapack'" (b63-small-trackers-5/06): that package, absent or too old; only packages
        # known to ship .pxd files (a relative cimport, '.includes', is the package's own file)
        Pattern("cannot find cimported module", r"\bcannot find cimported module '(?P<d>numpy|scipy|cysignals|cypari2|gmpy2"
                r"|cymem|preshed|murmurhash|mpi4py|pysam|sklearn)(?:\.\w{1,60}){0,4}'"),
        # cffi < 1.0 (a distribution's old python-cffi) under a setup script written for its out-of-line API:
        # "AttributeError: 'FFI' object has no attribute 'set_source'" (zstandard on Debian 8, b9-platforms/53)
        Pattern("'ffi' object has no attribute", r"'FFI' object has no attribute '(?:set_source|compile|emit_c_code)'",
                detail="cffi"),
        # CMake's FindPython asked for its NumPy component, without numpy where the build runs (pip's isolated
        # environment when pyproject.toml does not list it): "Could NOT find Python3 (missing:
        # Python3_NumPy_INCLUDE_DIRS NumPy)" (FindPython/Support.cmake names the variable and the component)
        Pattern("numpy", r"^\s*Could (?-i:NOT) find Python3?\b \(missing:(?: Python3?_NumPy_INCLUDE_DIRS?)? NumPy\)",
                detail="numpy"),
        Pattern("strip_trailing_zero", r"unexpected keyword argument 'strip_trailing_zero'", detail="packaging"),
        # The build backend itself could not be imported (often --no-build-isolation without it), in words
        # that name only the backend: pep517 / pyproject_hooks < 1.0 (pip <= 23.0) "Cannot import 'X'",
        # python -m build "Backend 'X' is not available." Weak: an import error inside it, when the log shows
        # one, is the root cause. (pyproject_hooks >= 1.0 and pip 26.3's "Cannot import build backend" carry
        # that import error, which the patterns above read.)
        Pattern("backendunavailable: cannot import", r"BackendUnavailable: Cannot import %s(?P<d>[\w.]+)" % OPEN,
                clean=top_module, weak=True),
        Pattern("is not available", r"^ERROR Backend %s(?P<d>[\w.]+)[\w.:]*%s is not available" % (OPEN, CLOSE),
                clean=top_module, weak=True),
        # pip's own check of the build environment (pip/_internal/distributions/sdist.py, 20.x-26.x): "Some build
        # dependencies for X conflict with the backend dependencies: setuptools_scm==10.3.4 is incompatible with
        # setuptools_scm[toml]>=5.0,<9.0." (also "... conflict with PEP 517/518 supported requirements: ..."),
        # "Some build dependencies for X are missing: 'setuptools>=64'."
        Pattern("some build dependencies for", r"Some build dependencies for \S{1,300}(?: from \S{1,1000})? conflict with"
                r" [^:]{1,80}: (?P<d>[A-Za-z0-9][\w.-]{0,100})[^,]{0,300} is incompatible with"),
        Pattern("some build dependencies for", r"Some build dependencies for \S{1,300}(?: from \S{1,1000})? are missing:"
                r" '?(?P<d>[A-Za-z0-9][\w.-]{0,100})"),
        # pip could not install the build requirements (no network error seen: see PX061)
        Pattern("could not find a version that satisfies the requirement",
                r"Could not find a version that satisfies the requirement (?P<d>[A-Za-z0-9][\w.-]*)", weak=True),
        Pattern("no matching distribution found for",
                r"No matching distribution found for (?P<d>[A-Za-z0-9][\w.-]*)", weak=True),
    ),
    fix=_build_dependency_fix,
    verify=lambda ctx: (),
    why="pip builds each sdist in an isolated environment holding only what the package declares in"
    " pyproject.toml; a setup.py that imports numpy, Cython or torch without declaring it fails there."
    " With --no-build-isolation it is the other way round: whatever the current environment lacks is"
    " missing. New major versions of build tools (Cython 3, setuptools 58+) also break old sources.",
    prevent="Keep build isolation on; when a package needs an old build tool, pin it with a build constraint"
    " file (PIP_BUILD_CONSTRAINT on pip 25.3+, PIP_CONSTRAINT before).",
    examples=(
        "Could not import OctoPrint's setuptools, are you sure you are running that under the same python installation that"
        " OctoPrint is installed under?",
        "To install scikit-image from source, you will need NumPy.",
        "    OSError: Cython needs to be installed in Python as a module",
        "ERROR: Do not try to fetch `setuptools>=40.9.0' for building. Please add its native recipe to DEPENDS.",
        "cc1plus: error: /x/.eggs/cppy-1.1.0-py3.8.egg/cppy/include: Not a directory",
        "      Building cuda extension requires PyTorch (>=1.13.0) being installed, please install PyTorch first: No",
        "cython/_bitcolumnmatrix_cython.pyx:10:59: undeclared name not builtin: long",
        "ERROR: Use build.targets instead of cmake.targets for scikit-build-core >= 0.10",
        "ERROR: Cannot set both cmake.minimum_version and cmake.version; use version only for scikit-build-core >= 0.8.",
        '    By not providing "FindCython.cmake" in CMAKE_MODULE_PATH this project has',
        "  Caused by: `project.version` field is required in pyproject.toml unless it is present in the"
        " `project.dynamic` list",
        "hatchling.plugin.exceptions.UnknownPluginError: Unknown version source: vcs",
        "/usr/bin/python: No module named build",
        "/usr/bin/python3.12: No module named installer",
        "ValueError: Unknown version source: vcs",
        "ModuleNotFoundError: No module named 'setuptools'",
        "ModuleNotFoundError: No module named 'numpy'",
        "        Could NOT find Python3 (missing: Python3_NumPy_INCLUDE_DIRS NumPy) (found",
        "228.2       sklearn_extra/robust/_robust_weighted_estimator_helper.pyx:18:0: 'numpy/math.pxd' not found",
        "AttributeError: cython_sources",
        "cypari2/handle_error.pyx:152:26: Cannot assign type 'void (long) except *' to 'void (*)(long) noexcept'."
        " Exception values are incompatible. Suggest adding 'noexcept' to type 'void (long) except *'.",
        "pyamdgpuinfo/_pyamdgpuinfo.pyx:382:50: Cannot assign type 'void *(void *) except * nogil' to"
        " 'void *(void *) noexcept nogil'",
        "Exception values are incompatible. Suggest adding 'noexcept' to the type of 'c_warning_callback'.",
        "error in anyjson setup command: use_2to3 is invalid.",
        "error: option --editable not recognized",
        "  error: error in setup.cfg: command 'bdist_wheel' has no such option 'py_limited_api'",
        "AttributeError: type object '_ScriptWriter' has no attribute 'get_script_args'. Did you mean: '_get_script_args'?",
        "AttributeError: module 'setuptools.command.easy_install' has no attribute 'get_script_header'",
        "Cython 3.3 requires the Python Limited API version to be 3.9 or greater.",
        "  TypeError: copy_file() got an unexpected keyword argument 'dry_run'",
        "TypeError: new_compiler() got an unexpected keyword argument 'dry_run'",
        "      TypeError: Compiler.__init__() takes from 1 to 3 positional arguments but 4 were given",
        "error: invalid command 'bdist_wheel'",
        "    error: invalid command 'egg_info'",
        "* You must install numpy 1.4 or later to build * matplotlib.",
        "meson.build:1:0: ERROR: Program 'cython' not found or not executable",
        "RuntimeError: Cython is required to build this package",
        "ImportError: /tmp/pip-build-env-b0vqctdk/overlay/site-packages/numpy/core/ undefined symbol: cblas_sgemm",
        "ERROR: Some build dependencies for pymssql==2.3.0 from https://files.pythonhosted.org/packages/13/ee/cbcea"
        "68250177a4ceb8637f029b6c6ac2afa21e9b8c22314201e34f75f28/pymssql-2.3.0.tar.gz conflict with the backend"
        " dependencies: setuptools_scm==10.3.4 is incompatible with setuptools_scm[toml]>=5.0,<9.0.",
        "pip._vendor.pyproject_hooks._impl.BackendUnavailable: Cannot import 'setuptools.build_meta'",
        "pyproject_hooks._impl.BackendUnavailable: Cannot import 'hatchling.build'",
        "      AttributeError: module 'setuptools.build_meta' has no attribute 'build_editable'",
        "AttributeError: '_BuildMetaLegacyBackend' object has no attribute 'build_editable'",
        "  AttributeError: module 'setuptools.build_meta' has no attribute '__legacy__'",
        "pkg_resources.DistributionNotFound: The 'packaging>=20.0' distribution was not found and is required by the"
        " application",
        "subprocess.CalledProcessError: Command '['/opt/sw/bin/python3.10', '-m', 'pip', '--disable-pip-version-check',"
        " 'wheel', '--no-deps', '-w', '/tmp/tmpcrbxxrgt', '--quiet', 'setuptools_scm>=3.3.1']' returned non-zero exit"
        " status 1.",
        "AttributeError: 'FFI' object has no attribute 'set_source'",
        "libmc/_client.pyx:11:0: 'cpython/PyInt_AsLong.pxd' not found",
        "      unqlite.pyx:14:0: 'cpython/string.pxd' not found",
        "  Your Cython version is too old.  Please install newer version (0.19.2+)",
        "Error: building plumed requires cython. Please install it first with pip install cython",
        "      error in gym setup command: 'extras_require' must be a dictionary whose values are strings or lists of"
        " strings containing valid project/version requirement specifiers.",
    ),
    counter_examples=(
        "WARNING: Use build.verbose instead of cmake.verbose for scikit-build-core >= 0.10",
        "ModuleNotFoundError: No module named '_ctypes'",
        # setuptools 78.0.1+ only warns (bluepy 1.3.0, live batch 15)
        "      /tmp/pip-build-env-tij4b2_q/overlay/lib/python3.12/site-packages/setuptools/dist.py:599:"
        " SetuptoolsDeprecationWarning: Invalid dash-separated key 'description-file' in 'metadata' (setup.cfg),"
        " please use the underscore name 'description_file' instead.",
        "ModuleNotFoundError: No module named 'distutils'",
        "ModuleNotFoundError: No module named 'imp'",
        "/tmp/.tmpXuExdC/.venv/bin/python: No module named pip",
        # Cython's other assignment errors: the project's own type mistake
        "x.pyx:3:8: Cannot assign type 'long' to 'char *'",
        # a project's own in-tree backend without the hook: its bug, not a build requirement's
        "AttributeError: module 'build_backend' has no attribute 'build_editable'",
    ),
)



def _upper_bounded(listed: str) -> bool:
    """pip's "1.21.2 Requires-Python >=3.7,<3.11; 1.21.3 Requires-Python ..." (the last entry may be cut):
    every version was left out for an upper bound, so this Python is newer than all of them."""
    entries = listed.split(";")
    complete = entries[:-1] if len(entries) > 1 else entries
    return "<" in listed and all("<" in e for e in complete if "Requires-Python" in e)


GUARD = Rule(
    code="PX017",
    cause="python-too-new",
    title="The build script refuses this Python version",
    summary="{package}'s setup script checks the Python version before building and refuses this one ({detail}):"
    " this version of the package predates it.",
    patterns=(
        # numba's and llvmlite's setup.py (_guard_py_ver): "RuntimeError: Cannot install on Python version 3.11.14;
        # only versions >=3.6,<3.10 are supported." An old release without an upper Requires-Python, which a
        # resolver picked for a newer Python (llvmlite 0.36 on 3.11, b13-sci-ml-linux/12)
        Pattern("cannot install on python version", r"Cannot install on Python version (?P<d>\d+\.\d+)[\d.]*; only"
                r" versions"),
        # a Python 2 package that stops on Python 3 as a whole (the major version alone: a warning naming one minor
        # version, Pillow's "does not support Python 3.14 and does not provide prebuilt Windows binaries", builds
        # on): pysqlite 2.8.3's setup.py "pysqlite is not supported on Python 3. When using Python 3, use the
        # sqlite3 module from the standard library." (live batch 21)
        Pattern("support", r"\b(?:(?:is|are) not supported on|does not support) Python ?(?P<d>3)(?!\.?\d)"),
    ),
    fix=_too_new_fix,
    verify=lambda ctx: (),
    detail_kind="python-version",
    why="Packages with compiled parts support each Python explicitly; some setup scripts stop on any other. pip"
    " reaches such a release when the version you pinned (or a resolver backtracking) has no wheel for your"
    " Python and declares no upper bound in Requires-Python.",
    prevent="Upgrade pinned packages together with Python; with uv or pip, a lower bound on the package keeps the"
    " resolver from old releases.",
    examples=("      RuntimeError: Cannot install on Python version 3.11.14; only versions",
              "      pysqlite is not supported on Python 3. When using Python 3, use the sqlite3 module from the standard"
              " library."),
    counter_examples=("      <string>:50: RuntimeWarning: Pillow 10.4.0 does not support Python 3.14 and does not provide"
                      " prebuilt Windows binaries. We do not recommend building from source on Windows.",),
)


def _free_threaded_fix(ctx: Context):
    py = ctx.platform.python
    name = ctx.package or "the package"
    fixes = [Fix("pip install --upgrade " + quote(ctx.package) if ctx.package else "",
                 "a newer release of %s may build for the free-threaded Python" % name)]
    if py is not None:
        fixes.append(Fix("", "or install it with the regular build of Python %d.%d (python%d.%d, not"
                             " python%d.%dt)" % (py.version * 3)))
    else:
        fixes.append(Fix("", "or install it with the regular build of this Python (python3.X, not python3.Xt)"))
    return tuple(fixes)


FREE_THREADED = Rule(
    code="PX016",
    cause="python-too-new",
    title="The package does not build for free-threaded Python",
    summary="{package} builds for CPython's stable ABI (the limited API, abi3), which the free-threaded build"
    " (python3.13t, 3.14t: Py_GIL_DISABLED) does not offer; or its Rust bindings refuse that build. The"
    " package does not support this interpreter yet.",
    patterns=(
        # CPython's own guard, Include/Python.h 3.13-3.14 (gh-111506): '#  error "The limited API is not
        # currently supported in the free-threaded build"'
        Pattern("limited api is not currently supported",
                r"The limited API is not currently supported in the free-threaded build"),
        # setuptools' bdist_wheel._validate_py_limited_api: "`py_limited_api='cp310'` not supported.
        # `Py_LIMITED_API` is currently incompatible with `Py_GIL_DISABLED`." (zopfli on 3.14t, b12)
        Pattern("py_limited_api", r"`?Py_LIMITED_API`? is currently incompatible with `?Py_GIL_DISABLED"),
        # ... and a setup script's own check: PyMuPDF 1.27's "AssertionError: self.py_limited_api=True and
        # Py_GIL_DISABLED=1 are not supported together" (a 3.15t on Fedora, b29-newpython-2025-26/09)
        Pattern("py_gil_disabled", r"\b(?:py_limited_api|Py_LIMITED_API|limited API)\b[^\n]{0,60}\bPy_GIL_DISABLED\b[^\n]{0,40}"
                r"\bnot supported\b"),
        # maturin, an abi3 crate for a free-threaded interpreter before 3.14: "Free-threaded Python interpreter
        # is only supported on 3.14 and later." (httpr's release CI with 3.13t, b12). (Its "... on 3.13 and
        # later", for an interpreter spec such as 3.12t that names no existing Python, is not this.)
        Pattern("free-threaded python interpreter",
                r"Free-threaded Python interpreter is only supported on 3\.(?:1[4-9]|[2-9]\d) and later"),
        # PyO3 0.22.2+'s build script before free-threading support (its changelog: opt-in through
        # UNSAFE_PYO3_BUILD_FREE_THREADED=1): "error: the Python interpreter was built with the GIL disabled, which
        # is not yet supported by PyO3"
        Pattern("gil disabled", r"\bthe Python interpreter was built with the GIL disabled\b"),
        # maturin before free-threading support, asked for python3.14t.exe on Windows (whose sysconfig has ABIFLAGS
        # "t"): "Failed to get information from the python interpreter at C:\Python314\python3.14t.exe", then "A python
        # 3 interpreter on windows does not define abiflags in its sysconfig" (its own words, then a face; pywinpty
        # 1.1.6 under python.org's 3.14t, b24-pip-paths-backends/07). The same refusal of another interpreter whose
        # sysconfig has ABIFLAGS (a venv's python.exe of a bundled Python: ComfyUI-aki's, b44-rust-maturin/20) is no
        # free-threaded build that the log shows
        Pattern("failed to get information from the python interpreter at",
                r"Failed to get information from the python interpreter at [^\n]{0,300}\bpython3\.?\d{0,2}t(?:\.exe)?\s*$",
                then=r"A python 3 interpreter on windows does not define abiflags in its sysconfig", within=1),
        # uv, when the wheel it built is abi3 and the interpreter a 3.13 or 3.14 that rejects it: a regular 3.13+
        # loads any abi3 wheel of an older minimum, the free-threaded build none ("The built wheel
        # `tree_sitter_matlab-1.2.10-cp310-abi3-linux_x86_64.whl` is not compatible with the current Python 3.14 on
        # manylinux x86_64", wrapped before the version in a terminal; b20-py314-2026/20, uv's own message)
        Pattern("is not compatible with the current python", r"The built wheel `[^`\s]{1,200}-cp3\d{1,2}-abi3-[^`\s]{1,100}`"
                r" is not compatible with the current Python (?:3\.1[34]\b)"),
        Pattern("is not compatible with the current python", r"The built wheel `[^`\s]{1,200}-cp3\d{1,2}-abi3-[^`\s]{1,100}`"
                r" is not compatible with the current Python\s*$", then=r"(?:^|\s)3\.1[34] on\b", within=1),
    ),
    fix=_free_threaded_fix,
    verify=lambda ctx: (),
    why="The free-threaded build of CPython (3.13t, 3.14t) has a different object layout: in 3.13 and 3.14 it has no"
    " stable ABI (the limited API), so an extension built as abi3 cannot target it, and bindings written"
    " before free-threading refuse it. Packages add free-threaded (cp313t, cp314t) wheels and builds one by"
    " one.",
    prevent="Check that every package you need publishes cp313t/cp314t wheels before moving to a free-threaded"
    " Python; keep the regular build for the others.",
    examples=(
        "      ValueError: `py_limited_api='cp310'` not supported. `Py_LIMITED_API` is currently incompatible with"
        " `Py_GIL_DISABLED`. See https://github.com/python/cpython/issues/111506.",
        "  Caused by: Free-threaded Python interpreter is only supported on 3.14 and later.",
        "/usr/include/python3.13t/Python.h:51:4: error: #error \"The limited API is not currently supported in the"
        " free-threaded build\"",
        "  error: the Python interpreter was built with the GIL disabled, which is not yet supported by PyO3",
        "  ╰─▶ The built wheel `tree_sitter_matlab-1.2.10-cp310-abi3-linux_x86_64.whl` is not compatible with the"
        " current Python 3.14 on manylinux x86_64",
    ),
    counter_examples=(
        "Caused by: Free-threaded Python interpreter is only supported on 3.13 and later.",
    ),
)


REQUIRES_PYTHON = Rule(
    code="PX018",
    cause="python-too-new",
    title="Every version the build asks for excludes this Python",
    summary="{package}'s build (or install) asks for a version that declares, in its Requires-Python, an upper bound"
    " this Python is past: pip left out every matching version and found nothing to install.",
    patterns=(
        # pip (21.2+, resolvelib's factory) before "Could not find a version that satisfies the requirement X": the
        # versions it left out for their Requires-Python ("Ignored the following versions that require a different
        # python version: 1.21.2 Requires-Python >=3.7,<3.11; ..."); when each was left out for an upper bound, the
        # pin predates this Python (numpy==1.21.2 for opencv's build on 3.11, b23-pip-error-paths/03). Lower
        # bounds only (an old Python) are not this.
        Pattern("require a different python version", r"Ignored the following versions that require a different python"
                r" version: (?P<d>[^\n]{1,4000})", _upper_bounded,
                clean=lambda d: "a release that declares this Python unsupported"),
    ),
    fix=lambda ctx: (_upgrade(ctx, "a newer release of %s may pin versions that support this Python"),
                     _older_python(ctx, "one the pinned versions support")),
    verify=lambda ctx: (),
    detail_kind="python-version",
    why="A release declares the Pythons it supports (Requires-Python), and pip skips releases that exclude the running"
    " one. Old sdists pin exact versions of their build requirements (numpy==1.21.2 in a pyproject.toml), which a"
    " newer Python rules out one by one.",
    prevent="Upgrade pinned packages together with Python; look for a release with wheels for this Python first.",
    # (pip prints the line only before its "Could not find a version that satisfies the requirement")
    examples=(
        "ERROR: Ignored the following versions that require a different python version: 1.21.2 Requires-Python"
        " >=3.7,<3.11; 1.21.3 Requires-Python >=3.7,<3.11; 1.21.4 Requires-Python >=3.7,<3.11",
    ),
    counter_examples=(
        "ERROR: Ignored the following versions that require a different python version: 2.3.0 Requires-Python >=3.11;"
        " 2.3.1 Requires-Python >=3.11",
    ),
)

RULES = (CAPI, REMOVED, PYO3, FREE_THREADED, GUARD, REQUIRES_PYTHON, DISTUTILS, BUILD_DEPENDENCY)
