"""The pip adapter: wraps ``call_subprocess`` and ``Command.main``.

Imported only when pip itself is being imported, so it may use the stdlib
modules pip has loaded anyway (logging, functools); it compiles no regex and
imports nothing of rich or packaging. Everything costly happens in
:mod:`pip_explain.report`, and only after a build subprocess failed.

Facts this relies on (see ``shared/pip-internals.md``, pip 19.3 - 26.3):

* every pip module takes ``call_subprocess`` by name from
  ``pip._internal.utils.subprocess``; ``runner_with_spinner_message`` reads the
  module global. Patching the module right after it executed reaches all;
* the output lines are only in the exception's ``context`` (22.0+, non-verbose)
  or in records of the ``pip.subprocessor`` logger (verbose, ``--log``, and the
  single "Complete output" error record of pip <= 21.3);
* ``Command.main(self, args) -> int`` runs last, after pip's logging shut down.
"""
import functools
import logging
import os
import sys
import types

from pip_explain._hook import ENV_ACTIVE, debug

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
        hide = _HideOurFrames()
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
    before any handler formats it. Never rejects a record."""

    def filter(self, record):
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


def _late_patch():
    """If the import-time patch did not happen (a loader we could not wrap), do
    it now and rebind the names other pip modules already took."""
    try:
        sub = sys.modules.get("pip._internal.utils.subprocess")
        if sub is None:
            import pip._internal.utils.subprocess as sub  # noqa: F811
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
