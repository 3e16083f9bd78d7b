"""Reading a failed subprocess's lines out of what each pip version leaves.

The shapes below are pip's own structures (shared/pip-internals.md §2):
22.0+ keeps the lines in ``exc.context`` (a rich Text; ``.plain``); pip <= 21.3
logs one ERROR record with "Complete output"; -v / --log give one record per
line, and 22+ then logs the error itself with the exception as its argument.
The integration suite checks the same on real pips.
"""
import logging

from pip_explain._pip import output_lines


class Text:  # the part of rich.text.Text pip-explain reads
    def __init__(self, plain):
        self.plain = plain


class InstallationError(Exception):
    pass


class InstallationSubprocessError(InstallationError):
    def __init__(self, context=None):
        self.context = context


def record(msg, level=logging.DEBUG, args=None):
    return logging.LogRecord("pip.subprocessor", level, __file__, 1, msg, args, None)


def test_pip22_context_plain():
    exc = InstallationSubprocessError(Text("[3 lines of output]\nrunning build_ext\nerror: [Errno 2] No such file or directory: 'gcc'\nlast[end of output]"))
    assert output_lines(exc, []) == ["running build_ext", "error: [Errno 2] No such file or directory: 'gcc'", "last"]


def test_see_above_means_no_lines():
    assert output_lines(InstallationSubprocessError(Text("See above for output.")), []) == []
    assert output_lines(InstallationSubprocessError(Text("No available output.")), []) == []


def test_pip21_complete_output_record():
    msg = ("Command errored out with exit status 1:\n command: /v/bin/python -c 'setup.py' bdist_wheel\n"
           "     cwd: /tmp/pip-req-build-x/\nComplete output (2 lines):\nrunning build_ext\n"
           "unable to execute 'gcc': No such file or directory\n----------------------------------------")
    exc = InstallationError("Command errored out with exit status 1")
    assert output_lines(exc, [record(msg, logging.ERROR)]) == [
        "running build_ext", "unable to execute 'gcc': No such file or directory"]


def test_verbose_records_stop_at_the_error_record():
    exc = InstallationSubprocessError(Text("See above for output."))
    records = [record("Running command Building wheel for x (pyproject.toml)", 15), record("line one", 15),
               record("error: can't find Rust compiler", 15), record("%s", logging.ERROR, (exc,)),
               record("full command: /v/bin/python ...", 15)]
    assert output_lines(exc, records) == ["line one", "error: can't find Rust compiler"]
