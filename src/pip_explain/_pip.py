"""The pip adapter: wraps ``call_subprocess`` and ``Command.main``.

Imported only when pip itself is being imported, so it may use the stdlib
modules pip has loaded anyway (logging, functools); it compiles no regex and
imports nothing of rich or packaging. Everything costly happens in
:mod:`pip_explain.report`, and only after a build subprocess failed or pip
logged a build failure as its final error (:func:`final_error`).

Facts this relies on (see ``shared/pip-internals.md``, pip 19.3 - 26.3):

* every pip module takes ``call_subprocess`` by name from
  ``pip._internal.utils.subprocess``; ``runner_with_spinner_message`` reads the
  module global. Patching the module right after it executed reaches all;
* the output lines are only in the exception's ``context`` (22.0+, non-verbose)
  or in records of the ``pip.subprocessor`` logger (verbose, ``--log``, and the
  single "Complete output" error record of pip <= 21.3);
* ``Command.main(self, args) -> int`` runs last, after pip's logging shut down;
* pip logs its final error on ``pip._internal.cli.base_command`` inside the
  ``except`` that caught it, before its temporary directories are removed.
"""
import functools
import logging
import os
import sys
import types

from pip_explain._env import ENV_ACTIVE, debug

_SUBPROCESS_LOGGER = "pip.subprocessor"
#: logs pip's "Exception information:" traceback (-v, --log) in every version
_COMMAND_LOGGER = "pip._internal.cli.base_command"
_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_CAP_LINES = 200_000  # per failure; a build log longer than this keeps its head


class Failure:
    """One failed build subprocess, as seen at raise time."""

    __slots__ = ("description", "exit_code", "lines", "cwd", "kind", "package", "version",
                 "finder", "requirement", "from_index")

    def __init__(self, description, exit_code, lines, cwd, kind):
        self.description = description
        self.exit_code = exit_code
        self.lines = lines
        self.cwd = cwd
        self.kind = kind
        self.package = self.version = None  # filled by report.on_failure
        # pip's PackageFinder, the requirement (its text) and whether pip found
        # the source through the finder (not a path or URL the user gave):
        # what the wheel oracle may ask about, found by :func:`find_context`.
        self.finder = self.requirement = None
        self.from_index = False

    def __repr__(self):
        return "Failure(%r, exit_code=%r, %d lines)" % (self.description, self.exit_code, len(self.lines))


class Run:
    """One top-level pip command: its arguments and the failures seen."""

    def __init__(self, command, args):
        self.command = command
        self.args = list(args) if isinstance(args, (list, tuple)) else []
        self.failures = []


_run = None  # the Run in progress in this process, if any


# -- patching ---------------------------------------------------------------

def patch_module(name, module):
    if name.endswith(".utils.subprocess"):
        _patch_call_subprocess(module)
    elif name.endswith(".cli.base_command"):
        _patch_command(module)


def patch_loaded():
    """pip was imported before the hook: patch now, rebind the copies."""
    mods = sys.modules
    sub = mods.get("pip._internal.utils.subprocess")
    if sub is not None:
        original = getattr(sub, "call_subprocess", None)
        _patch_call_subprocess(sub)
        _rebind(original, getattr(sub, "call_subprocess", None))
    base = mods.get("pip._internal.cli.base_command")
    if base is not None:
        _patch_command(base)


def _rebind(original, wrapper):
    """Point every loaded pip module's copy of ``original`` at ``wrapper``."""
    if original is None or wrapper is None or original is wrapper:
        return
    for name, mod in list(sys.modules.items()):
        if not name.startswith("pip._internal.") or mod is None:
            continue
        try:
            if getattr(mod, "call_subprocess", None) is original:
                mod.call_subprocess = wrapper
        except Exception:
            pass


def _patch_call_subprocess(module):
    original = getattr(module, "call_subprocess", None)
    if not callable(original) or getattr(original, "_pip_explain", False):
        return
    module.call_subprocess = _wrap_call_subprocess(original)


def _patch_command(module):
    cls = getattr(module, "Command", None)
    # Only a plain function defined on Command itself: a staticmethod, a
    # classmethod or an inherited main (a future pip) is left alone.
    main = getattr(cls, "__dict__", {}).get("main") if isinstance(cls, type) else None
    if type(main) is not types.FunctionType or getattr(main, "_pip_explain", False):
        return
    cls.main = _wrap_main(main)


# -- call_subprocess ----------------------------------------------------------

class _Capture(logging.Handler):
    """Keeps the records pip logs for the running subprocess (not formatted)."""

    def __init__(self):
        logging.Handler.__init__(self, logging.NOTSET)
        self.records = []

    def emit(self, record):
        if len(self.records) < _CAP_LINES:
            self.records.append(record)

    def handle(self, record):  # no lock, no filters: append only
        self.emit(record)
        return True


def _wrap_call_subprocess(original):
    @functools.wraps(original)
    def call_subprocess(*args, **kwargs):
        if _run is None:
            return original(*args, **kwargs)
        capture = _Capture()
        logger = logging.getLogger(_SUBPROCESS_LOGGER)
        logger.addHandler(capture)
        try:
            return original(*args, **kwargs)
        except Exception as exc:
            _record(exc, capture.records, args, kwargs)
            raise
        finally:
            logger.removeHandler(capture)

    call_subprocess._pip_explain = True
    return call_subprocess


def _record(exc, records, args, kwargs):
    """Keep what a failed build subprocess left; never raises."""
    try:
        run = _run
        if run is None or not _is_installation_error(exc):
            return
        if kwargs.get("log_failed_cmd", True) is False:
            return  # an expected failure pip handles itself (VCS probes)
        lines = output_lines(exc, records)
        description = (
            kwargs.get("command_desc")
            or getattr(exc, "command_description", None)
            or getattr(exc, "description", None)
            or _describe(args)
        )
        exit_code = getattr(exc, "exit_code", getattr(exc, "returncode", None))
        cwd = kwargs.get("cwd")
        failure = Failure(str(description), exit_code, lines, cwd, type(exc).__name__)
        find_context(failure, sys._getframe(1))
        run.failures.append(failure)
        # Import what the report needs now, during the build phase (pip 26.3
        # blocks imports once its install phase has started), and read the
        # build directory before pip deletes it.
        import pip_explain.report

        pip_explain.report.on_failure(failure)
    except KeyboardInterrupt:
        raise  # the user's Ctrl-C is pip's to handle, as without pip-explain
    except BaseException as e:  # noqa: BLE001 - a hook must never raise
        debug(e)


def find_context(failure, frame, depth=80):
    """Walk up pip's frames at raise time for the ``PackageFinder`` (a local
    ``finder``, or ``self.finder`` / ``self._finder``) and the
    ``InstallRequirement`` being built (a local ``req``); never raises."""
    try:
        while frame is not None and depth > 0 and (failure.finder is None or failure.requirement is None):
            local = frame.f_locals
            if failure.finder is None:
                for value in (local.get("finder"), getattr(local.get("self"), "finder", None),
                              getattr(local.get("self"), "_finder", None)):
                    if type(value).__name__ == "PackageFinder":
                        failure.finder = value
                        break
            req = local.get("req")
            if failure.requirement is None and type(req).__name__ == "InstallRequirement":
                parsed = getattr(req, "req", None)
                failure.requirement = str(parsed) if parsed is not None else None
                link = getattr(req, "link", None)
                failure.from_index = (link is not None and getattr(req, "original_link", None) is None
                                      and not getattr(req, "editable", False))
            frame = frame.f_back
            depth -= 1
    except Exception as exc:
        debug(exc)


def _is_installation_error(exc):
    return any(cls.__name__ == "InstallationError" for cls in type(exc).__mro__)


def _describe(args):
    cmd = args[0] if args else None
    if isinstance(cmd, (list, tuple)):
        return " ".join(str(part) for part in cmd)
    return str(cmd) if cmd is not None else "a build subprocess"


def output_lines(exc, records):
    """The subprocess's output lines, whichever way this pip kept them."""
    lines = []
    for record in records:
        if record.args and isinstance(record.args, tuple) and record.args[0] is exc:
            break  # pip 22+ logs the error itself after the output
        try:
            message = record.getMessage()
        except Exception:
            continue
        if record.levelno >= logging.ERROR:
            block = _complete_output(message)  # pip <= 21.3, not verbose
            if block is not None:
                lines.extend(block)
            continue
        if not lines and message.startswith("Running command "):
            continue
        lines.extend(message.splitlines() or [""])
    if not lines:
        lines = _context_lines(exc)
    if not lines:
        lines = list(getattr(exc, "output_lines", None) or [])
    return [line.rstrip("\r\n") for line in lines[:_CAP_LINES]]


def _complete_output(message):
    head = message.find("Complete output (")
    if head < 0:
        return None
    body = message[head:].split("\n")[1:]
    while body and set(body[-1].strip()) <= {"-"}:
        body.pop()
    return body


def _context_lines(exc):
    context = getattr(exc, "context", None)
    text = getattr(context, "plain", None)
    if text is None and isinstance(context, str):
        text = context
    if not text:
        return []
    lines = text.splitlines()
    if lines and lines[0].startswith("[") and lines[0].endswith("lines of output]"):
        lines = lines[1:]
    if lines and lines[-1].endswith("[end of output]"):
        last = lines.pop()[: -len("[end of output]")]
        if last.strip():
            lines.append(last)
    if len(lines) == 1 and lines[0] in ("See above for output.", "No available output."):
        return []
    return lines


# -- Command.main ----------------------------------------------------------

def _wrap_main(original):
    @functools.wraps(original)
    def main(self, *args, **kwargs):
        global _run
        if _run is not None or os.environ.get(ENV_ACTIVE):
            return original(self, *args, **kwargs)
        # pip calls main(self, args); any other call is passed on untouched
        run = Run(self, args[0] if args else kwargs.get("args"))
        _run = run
        os.environ[ENV_ACTIVE] = "1"
        hide = _HideOurFrames(run)
        command_logger = logging.getLogger(_COMMAND_LOGGER)
        command_logger.addFilter(hide)
        try:
            _late_patch()
            status = original(self, *args, **kwargs)
        finally:
            _run = None
            os.environ.pop(ENV_ACTIVE, None)
            command_logger.removeFilter(hide)
        if run.failures and type(status) is int and status:
            _report(run, status)
        return status

    main._pip_explain = True
    return main


class _HideOurFrames(logging.Filter):
    """A build error travels through the call_subprocess wrapper, so the
    traceback pip logs with -v or --log ("Exception information:") would
    show one frame more than pip alone: unlink pip-explain's frames from it
    before any handler formats it. Never rejects a record.

    It also sees pip's final error (logged on this logger in every pip): when
    no build subprocess failed, a build failure pip raised itself becomes the
    run's failure (:func:`final_error`)."""

    def __init__(self, run=None):
        logging.Filter.__init__(self)
        self.run = run

    def filter(self, record):
        if record.levelno >= logging.ERROR and self.run is not None and not self.run.failures:
            final_error(self.run, record)
        try:
            info = record.exc_info
            if info and info[2] is not None:
                _unlink_our_frames(info[2])
                seen = {id(info[1])}
                exc = info[1]
                while exc is not None:
                    exc = exc.__cause__ if exc.__cause__ is not None else exc.__context__
                    if exc is None or id(exc) in seen:
                        break
                    seen.add(id(exc))
                    _unlink_our_frames(exc.__traceback__)
        except Exception as exc:
            debug(exc)
        return True


def _unlink_our_frames(tb):
    """Skip the traceback entries of pip-explain's own code (never the first:
    that is pip's frame which caught the exception)."""
    prev = tb
    tb = tb.tb_next if tb is not None else None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(_HERE):
            prev.tb_next = tb.tb_next
        else:
            prev = tb
        tb = tb.tb_next


# -- pip's final error ----------------------------------------------------------
#
# Build failures pip raises without a failed call_subprocess behind them (see
# README, "Which pip failures get a panel"): the class names of the errors
# pip raises while preparing or building a distribution, 20.3 ... 26.3.
_BUILD_ERRORS = {
    "BackendUnavailableError": "Calling build backend hook",  # 26.3, the import error as context
    "BackendUnavailable": "Calling build backend hook",  # pep517 / pyproject_hooks, uncaught by pip <= 26.2
    "BackendInvalid": "Calling build backend hook",  # pep517 / pyproject_hooks (backend-path outside the tree)
    "HookMissing": "Calling build backend hook",
    "MetadataGenerationFailed": "Preparing metadata",  # 22.0+
    "FailedToPrepareCandidate": "Preparing the distribution",  # 25.3+
    "InstallWheelBuildError": "Building wheel",  # 25.2+
    "BuildDependencyInstallError": "installing build dependencies",  # 26.0+, --use-feature=inprocess-build-deps
    "LegacyInstallFailure": "Running setup.py install",  # 22.0 - 23.0.1
}
# The same for pips that raise a plain InstallationError / CommandError with a text.
_BUILD_TEXTS = (
    ("Could not build wheels for ", "Building wheel"),  # 19.3 - 24.0
    ("Failed to build installable wheels", "Building wheel"),  # 24.1 - 25.1
    ("Failed to build one or more wheels", "Building wheel"),  # pip wheel
    ("Command errored out with exit status", None),  # <= 20.3.3, the command follows
    ("Some build dependencies for ", "Installing build dependencies"),  # conflicting or missing ones, 20.x - 26.x
)
_CHAIN = 8  # exceptions followed along __cause__ / __context__


def final_error(run, record):
    """pip logged its final error (``record``): if it ends a failed build that
    no call_subprocess failure explained, keep it as the run's failure, with
    the build directory still there. Never raises, never changes ``record``."""
    try:
        exc = _error_of(record)
        if exc is None:
            return
        chain = _chain(exc)
        if not any(type(e).__name__ in _BUILD_ERRORS for e in chain) and _text_step(exc) is False:
            return
        failure = failure_from_error(chain)
        if failure is None:
            return
        run.failures.append(failure)
        import pip_explain.report  # before pip's install phase, see _record

        guess = failure.package, failure.version
        pip_explain.report.on_failure(failure)
        if failure.package is None and guess[0]:
            failure.package, failure.version = guess
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # noqa: BLE001 - a hook must never raise
        debug(e)


def _error_of(record):
    """The exception behind pip's final error record: the argument of
    ``logger.error("%s", exc)`` (DiagnosticPipError, CommandError), the
    ``exc_info`` of ``logger.critical("Exception:", exc_info=True)`` (an
    unexpected exception, exit 2), or the exception being handled for
    ``logger.critical(str(exc))``."""
    args = record.args
    if isinstance(args, tuple) and args and isinstance(args[0], BaseException):
        return args[0]
    info = record.exc_info
    if info and isinstance(info, tuple) and isinstance(info[1], BaseException):
        return info[1]
    handled = sys.exc_info()[1]
    if handled is not None and not args and record.msg == str(handled):
        return handled
    return None


def _text_step(exc):
    """The step a plain error's text names (None: it names none), or False
    when the text is not one of a failed build."""
    text = str(exc) if isinstance(exc, Exception) else ""
    for prefix, step in _BUILD_TEXTS:
        if text.startswith(prefix):
            return step
    return False


def _chain(exc):
    """``exc`` and the exceptions it was raised from, outermost first."""
    chain = []
    while exc is not None and len(chain) < _CHAIN and all(exc is not e for e in chain):
        chain.append(exc)
        exc = exc.__cause__ if exc.__cause__ is not None else exc.__context__
    return chain


def failure_from_error(chain):
    """A :class:`Failure` from a chain of pip's exceptions (outermost first):
    the lines are what they carry, innermost first (the hook process's
    traceback of an unimportable backend, a diagnostic's message and context,
    the nested pip's log), the step and package what the classes name."""
    lines, seen = [], set()
    specific = generic = package = None
    for exc in reversed(chain):
        name = type(exc).__name__
        own = _error_lines(exc)
        lines.extend(line for line in own if line not in seen or not line.strip())
        seen.update(own)  # an outer error repeating an inner line adds nothing
        # the step: what an error says it ran (the outermost wins), else what its class stands for
        step = getattr(exc, "failed_step", None) or getattr(exc, "command_description", None)
        if name in ("BackendUnavailable", "HookMissing"):
            hook = _hook_name(exc)
            step = "Calling build backend hook " + hook if hook else None
        if isinstance(step, str) and step:
            specific = step
        elif generic is None:
            generic = _BUILD_ERRORS.get(name) or _text_step(exc) or None
        named = getattr(exc, "package_name", None)
        if isinstance(named, str) and named:
            package = named
        elif name == "InstallWheelBuildError":
            named = _plain(getattr(exc, "context", None))
            package = named if named and "," not in named else package
        elif _text_step(exc):
            package = _for_name(str(exc)) or package
    outer = chain[0]
    failure = Failure(specific or generic or type(outer).__name__, None, lines[:_CAP_LINES], None, type(outer).__name__)
    frame = _innermost_frame(chain)
    if frame is not None:
        find_context(failure, frame)
        failure.cwd, known = _source_dir(frame)
        package = package or known
    if package:
        failure.package, failure.version = _name_version(package)
    return failure


def _for_name(text):
    """"Could not build wheels for X, which ..." -> X (one package only);
    "Some build dependencies for X==1.0 from URL conflict ..." -> X==1.0."""
    head, sep, rest = text.partition(" for ")
    name = rest.split(",", 1)[0].split(" ", 1)[0].strip() if sep else ""
    tail = rest[len(name):].lstrip(", ")
    if head == "Some build dependencies" and name:
        return name
    return name if name and (not tail or tail.startswith("which ")) else None


def _plain(value):
    """A rich ``Text`` or a markup string (pip's diagnostic messages) as text."""
    if value is None:
        return ""
    plain = getattr(value, "plain", None)
    if isinstance(plain, str):
        return plain
    text = str(value)
    markup = sys.modules.get("pip._vendor.rich.markup")
    if markup is not None and "[" in text:
        try:
            return markup.render(text).plain
        except Exception:
            pass
    return text


def _error_lines(exc):
    name = type(exc).__name__
    if name == "BackendUnavailable":
        # 25.0+: "message\n\nTraceback:\n<the hook process's traceback>"
        head = str(exc).split("\n\nTraceback:\n", 1)[0]
        text = (head + "\n" if head else "") + (getattr(exc, "traceback", None) or "")
    elif getattr(exc, "reference", None) is not None and hasattr(exc, "message"):
        text = _plain(exc.message) + "\n" + _plain(getattr(exc, "context", None))
    else:
        text = str(exc)
        message = getattr(exc, "message", None)
        if isinstance(message, str) and message not in text:
            text = message + "\n" + text
    lines = []
    for line in text.splitlines():
        bare = line.strip()
        if bare.startswith("[") and (bare.endswith(" lines of output]") or bare == "[end of output]"):
            continue
        if bare.endswith("[end of output]"):
            line = line[: line.rindex("[end of output]")]
        lines.append(line.rstrip())
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _hook_name(exc):
    """The hook pyproject_hooks was calling (a local of its ``_call_hook``)."""
    tb = getattr(exc, "__traceback__", None)
    while tb is not None:
        hook = tb.tb_frame.f_locals.get("hook_name") if tb.tb_frame.f_code.co_name == "_call_hook" else None
        if isinstance(hook, str):
            return hook
        tb = tb.tb_next
    return None


def _innermost_frame(chain):
    """The frame that raised the innermost exception with a traceback: its
    callers (``f_back``) are pip's frames at that moment."""
    for exc in reversed(chain):
        tb = getattr(exc, "__traceback__", None)
        if tb is None:
            continue
        while tb.tb_next is not None:
            tb = tb.tb_next
        return tb.tb_frame
    return None


def _source_dir(frame, depth=80):
    """The unpacked source of the ``InstallRequirement`` being prepared (a
    local ``req``, ``self.req`` or ``self._ireq``), while it still exists,
    and its name when pip knows it: ``(dir, name)``."""
    name = None
    while frame is not None and depth > 0:
        local = frame.f_locals
        owner = local.get("self")
        for req in (local.get("req"), getattr(owner, "req", None), getattr(owner, "_ireq", None)):
            if type(req).__name__ == "InstallRequirement":
                try:
                    name = name or req.name
                    where = req.unpacked_source_directory
                except Exception:
                    where = getattr(req, "source_dir", None)
                if isinstance(where, str) and os.path.isdir(where):
                    return where, name if isinstance(name, str) else None
        frame = frame.f_back
        depth -= 1
    return None, name if isinstance(name, str) else None


_SDIST_SUFFIXES = (".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".tar")


def _name_version(text):
    """``FailedToPrepareCandidate.package_name``: a name, or the link's text
    when pip did not know the name yet (``file:///.../numpy-1.24.4.tar.gz``);
    a pinned requirement (``pymssql==2.3.0``)."""
    if "/" not in text and ":" not in text:
        name, sep, version = text.partition("==")
        return (name, version) if sep and name and version[:1].isdigit() else (text, None)
    base = text.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    for suffix in _SDIST_SUFFIXES:
        if base.lower().endswith(suffix):
            name, sep, version = base[: -len(suffix)].rpartition("-")
            if sep and name and version[:1].isdigit():
                return name, version
    return None, None


def _late_patch():
    """If pip's subprocess module is loaded but was not patched (pip imported
    before the hook in an unusual way), patch it now and rebind the names
    other pip modules already took. A module not loaded yet is left alone:
    the finder patches it when pip imports it (``pip list`` never does, and
    must not pay for importing it)."""
    try:
        sub = sys.modules.get("pip._internal.utils.subprocess")
        if sub is None:
            return
        current = getattr(sub, "call_subprocess", None)
        if current is not None and not getattr(current, "_pip_explain", False):
            _patch_call_subprocess(sub)
            _rebind(current, sub.call_subprocess)
    except Exception as exc:
        debug(exc)


def _report(run, status):
    try:
        import pip_explain.report

        pip_explain.report.emit(run, status)
    except BaseException as exc:  # noqa: BLE001 - pip's exit code wins
        debug(exc)
