"""``pip-explain``: explain a saved pip log, list the rules, show one rule."""
from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional, Sequence

from pip_explain import __version__


class UsageError(Exception):
    pass


def main(argv: Optional[List[str]] = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words and words[0] == "run" and (len(words) == 1 or words[1] not in ("-h", "--help")):
        return cmd_run(words[1:])  # everything after "run" is the command's, options included
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["doctor"] and not ({"-h", "--help"} & set(argv[1:])):
        args = _doctor_args(argv[1:])  # pip's options and -r files pass through to pip's own parser
    else:
        args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except UsageError as exc:
        sys.stderr.write("pip-explain: error: %s\n" % exc)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pip-explain", description="Explains failed source builds in pip install.")
    p.add_argument("--version", action="version", version="pip-explain " + __version__)
    sub = p.add_subparsers(metavar="COMMAND")
    e = sub.add_parser("explain", help="classify a saved pip log (a file, or - for standard input)")
    e.add_argument("log", metavar="FILE", help="pip's output, saved to a file; - reads standard input")
    e.add_argument("--format", choices=("text", "json"), default="text")
    e.add_argument("--check", action="store_true",
                   help="also check this machine's toolchain for the diagnosed cause (only when the log may come "
                        "from this kind of machine, or with --platform this)")
    e.add_argument("--platform", metavar="NAME[:VERSION]",
                   help="give the fixes for this platform instead of the one the log shows: debian, ubuntu:22.04, "
                        "fedora, rhel, alpine, arch, opensuse, macos, windows, conda; 'this' for this machine")
    e.set_defaults(func=cmd_explain)
    d = sub.add_parser("doctor", help="check this environment's build toolchain; with PACKAGEs, whether they "
                                      "install from wheels here")
    d.add_argument("packages", nargs="*", metavar="PACKAGE",
                   help="what pip install would get: requirements (numpy, 'psycopg2<3'), -r requirements.txt, "
                        "-c constraints.txt, a local sdist or source tree, and pip's own options "
                        "(--index-url, --no-binary, --no-build-isolation...)")
    d.add_argument("--format", choices=("text", "json"), default="text")
    d.set_defaults(func=cmd_doctor)
    u = sub.add_parser("run", help="run an installer (uv, poetry, pip, ...) untouched; explain its build failure",
                       usage="pip-explain run [--] COMMAND [ARG...]",
                       description="Runs COMMAND exactly as without pip-explain (output, terminal, exit status, "
                                   "signals); when it fails on a source build, the explanation follows its output "
                                   "on stderr. PIP_EXPLAIN=0 runs the command alone.")
    u.add_argument("command", nargs=argparse.REMAINDER, metavar="COMMAND [ARG...]")
    u.set_defaults(func=lambda args: cmd_run(args.command))
    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.set_defaults(func=cmd_rules)
    o = sub.add_parser("rule", help="explain one rule (e.g. PX001)")
    o.add_argument("code")
    o.add_argument("--format", choices=("text", "json"), default="text")
    o.set_defaults(func=cmd_rule)
    return p


MAX_LOG = 1 << 30  # bytes read of a log (logparse.MAX_LOG)
_SNIFF = 8192


def _read(path: str):
    """The log's lines: a :class:`~pip_explain.logparse.LogFile` that streams
    the file (standard input is spooled to a temporary file first), or a list
    for a UTF-16 log. Raises UsageError for what is not a readable text file."""
    from pip_explain.logparse import LogFile

    try:
        if path == "-":
            spool = _spool(sys.stdin.buffer)
            log = LogFile(spool, MAX_LOG)
            log.spool = spool
        else:
            log = LogFile(path, MAX_LOG)
            log.spool = None
        with open(log.path, "rb") as f:
            head = f.read(_SNIFF)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                data = head + f.read(MAX_LOG - len(head))
    except FileNotFoundError:
        raise UsageError("no such file: %s" % path) from None
    except IsADirectoryError:
        raise UsageError("%s is a directory, not a log file" % path) from None
    except PermissionError:
        raise UsageError("permission denied: %s" % path) from None
    except OSError as exc:
        raise UsageError("cannot read %s: %s" % (path, exc.strerror or exc)) from None
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        _unspool(log)
        raise UsageError("%s looks like a binary file, not a pip log" % path)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        _unspool(log)
        return _decode(data).splitlines()  # PowerShell's > redirection: read whole
    return log


def _spool(stream) -> str:
    import tempfile

    fd, name = tempfile.mkstemp(prefix="pip-explain-", suffix=".log")
    with open(fd, "wb") as out:
        left = MAX_LOG
        while left > 0:
            block = stream.read(min(1 << 20, left))
            if not block:
                break
            out.write(block)
            left -= len(block)
    return name


def _unspool(log) -> None:
    import os

    spool = getattr(log, "spool", None)
    if spool:
        try:
            os.unlink(spool)
        except OSError:
            pass


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")  # PowerShell's > redirection
    return data.decode("utf-8-sig", errors="replace")


def cmd_explain(args) -> int:
    from pip_explain.logparse import pipx_full_log

    lines = _read(args.log)
    notes: List[str] = []
    pipx_log, here = pipx_full_log(lines)
    if here:  # pipx's summary names the file that holds pip's whole output: explained from it
        _unspool(lines)
        lines = _read(str(pipx_log))
        notes.append("explained from pip's full output, which pipx kept in %s (its summary shows only an excerpt)."
                     % pipx_log)
    elif pipx_log is not None:
        notes.append("pipx kept pip's full output in %s, which is not on this machine: explain that file where it is"
                     " (pip-explain explain FILE)." % pipx_log)
    try:
        return _explain(args, lines, notes)
    except OSError as exc:  # the file changed or vanished while it was read
        if isinstance(exc, BrokenPipeError):
            raise
        raise UsageError("cannot read %s: %s" % (args.log, exc.strerror or exc)) from None
    finally:
        _unspool(lines)


def log_platform(args, lines):
    """Where the log was made (its own evidence), or what --platform says."""
    from pip_explain.enrich import logplatform
    from pip_explain.logparse import LogFile

    if isinstance(lines, LogFile):
        inferred = logplatform.infer_file(lines.path, lines.limit)
    else:
        inferred = logplatform.infer(lines)
    spec = getattr(args, "platform", None)
    if not spec:
        return inferred
    if spec.strip().lower() in ("this", "here", "this-machine", "local"):
        from pip_explain.enrich.platform import detect

        return logplatform.this_machine(detect())
    try:
        return logplatform.given(spec, inferred)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _explain(args, lines, source_notes: Sequence[str] = ()) -> int:
    from pip_explain import render
    from pip_explain.enrich import logplatform
    from pip_explain.report import explain_saved_log

    where = log_platform(args, lines)
    platform = where.platform()
    side = logplatform.common_platforms(where) if platform is None or where.name == "linux" else []
    if where.source == "this-machine":
        from pip_explain.enrich.platform import detect

        platform, side = detect(), []
    explained, retry = explain_saved_log(lines, None if side else platform, side)
    if all(e.diagnosis is None for e in explained) and len(explained) > 1:
        explained = [e for e in explained if e.decisive][:1] or explained[:1]
    notes = render.platform_notes(where) + list(source_notes)
    if getattr(args, "check", False):
        # Live checks say something about the log only when it may come from this kind of
        # machine: the platform it shows (or was given) is this machine's, or it shows none.
        from pip_explain.enrich.platform import detect

        here = detect()
        if where.source == "this-machine" or logplatform.same_machine_kind(where, here):
            from pip_explain.enrich.probes import Prober
            from pip_explain.report import with_checks

            prober = Prober()
            explained = [with_checks(e, prober) for e in explained]
        else:
            notes.append("not checked: the log was made on %s and this machine is %s (--platform this checks"
                         " anyway)." % (where.label, here.label))
    from pip_explain import ci

    ci.annotate([e for e in explained if e.diagnosis is not None] or explained, retry,
                "" if side else where.label, sys.stderr)  # GitHub Actions: ::error lines, step summary
    if args.format == "json":
        out = render.to_json(explained, retry, where.as_json())
        extra = list(dict.fromkeys(list(where.notes) + notes[1:]))
        if extra:
            out["platform"]["notes"] = render._safe_tree(extra)
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    explained = [e for e in explained if e.diagnosis is not None] or explained
    label = "" if side else where.label
    lines_out = render.panel(explained, retry, width, label, platform_notes=notes)
    with ci.section(sys.stdout, ci.header(explained)):  # GitLab CI: a collapsible section
        render.write(lines_out, sys.stdout, render.use_color(sys.stdout), width)
    return 0


def _doctor_args(rest: List[str]) -> argparse.Namespace:
    """doctor's own --format; everything else is pip install's command line."""
    fmt, packages, i = "text", [], 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--format" and i + 1 < len(rest):
            fmt = rest[i + 1]
            i += 2
            continue
        if arg.startswith("--format="):
            fmt = arg.split("=", 1)[1]
        else:
            packages.append(arg)
        i += 1
    if fmt not in ("text", "json"):
        return argparse.Namespace(func=lambda a: _usage("--format must be text or json"))
    return argparse.Namespace(func=cmd_doctor, packages=packages, format=fmt)


def _usage(message: str) -> int:
    raise UsageError(message)


def cmd_run(command: List[str]) -> int:
    from pip_explain import run

    return run.main(command)


def cmd_doctor(args) -> int:
    from pip_explain import doctor, render
    from pip_explain.enrich.platform import detect

    platform = detect()
    checks, reports, info = doctor.run(args.packages, platform)
    code = doctor.exit_code(checks, reports, info)
    if args.format == "json":
        sys.stdout.write(json.dumps(render._safe_tree(doctor.to_json(checks, reports, platform, info)), indent=2,
                                    ensure_ascii=False) + "\n")
        return code
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    lines = [[(render._safe(t), s) for t, s in line] for line in doctor.lines(checks, reports, platform, info)]
    render.write(lines, sys.stdout, render.use_color(sys.stdout), width)
    return code


def cmd_rules(args) -> int:
    from pip_explain.rules import all_rules

    rules = all_rules()
    if args.format == "json":
        sys.stdout.write(json.dumps([_rule_json(r) for r in rules], indent=2) + "\n")
        return 0
    for r in rules:
        sys.stdout.write("%-6s %-24s %s\n" % (r.code, r.cause, r.title.format(detail="<detail>")))
    return 0


def _find_rule(code: str):
    from pip_explain.rules import by_code

    rule = by_code().get(code.strip().upper())
    if rule is None:
        raise UsageError("no rule %r (pip-explain rules lists them)" % code)
    return rule


def _rule_json(rule, example=None) -> dict:
    info = {
        "code": rule.code,
        "cause": rule.cause,
        "title": rule.title.format(detail="<detail>"),
        "what": rule.summary.format(package="<package>", detail="<detail>"),
        "why": rule.why,
        "prevent": rule.prevent,
        "patterns": [p.regex for p in rule.patterns],
        "examples": list(rule.examples),
    }
    if example is not None:  # fix and verify are computed for a machine: this one
        info["fix"] = [{"command": f.command, "label": f.label} for f in example.fixes]
        info["verify"] = list(example.verify)
    return info


def cmd_rule(args) -> int:
    """The long explanation: what / why / fix / verify / prevent, from the
    same rule object and the same functions the panel uses, applied to the
    rule's first example on this machine."""
    rule = _find_rule(args.code)
    from pip_explain.enrich.platform import detect
    from pip_explain.report import explain_lines

    platform = detect()
    example = explain_lines([rule.examples[0]], platform, None, None, "the build")
    info = _rule_json(rule, example)
    if args.format == "json":
        info["platform"] = platform.label
        sys.stdout.write(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
        return 0
    import shutil
    import textwrap

    width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns))
    out = sys.stdout

    def section(title, text):
        out.write(title + "\n")
        out.write(textwrap.fill(text, width, initial_indent="  ", subsequent_indent="  ") + "\n\n")

    out.write("%s  %s  (cause: %s)\n\n" % (rule.code, info["title"], rule.cause))
    what = rule.summary.format(package="the package", detail="<detail>")
    section("What it means", what[:1].upper() + what[1:])
    section("Why it happens", rule.why)
    out.write("How to fix it%s\n" % (" (on %s)" % platform.label if platform.label else ""))
    for f in example.fixes:
        if f.label:
            out.write(textwrap.fill(f.label[:1].upper() + f.label[1:] + (":" if f.command else "."), width,
                                    initial_indent="  ", subsequent_indent="  ") + "\n")
        if f.command:
            out.write("      %s\n" % f.command)
    if not example.fixes:
        out.write("  (depends on what the log names)\n")
    out.write("\nHow to verify\n")
    for command in example.verify or ("(nothing to run: rebuild)",):
        out.write("      %s\n" % command)
    out.write("\n")
    section("How to prevent it", rule.prevent)
    out.write("Recognised wordings (examples from real logs)\n")
    for ex in rule.examples:
        out.write("  %s\n" % ex)
    return 0
