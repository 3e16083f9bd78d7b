"""``pip-explain run -- COMMAND ...``: run any installer untouched, explain its failure.

The command gets the same standard input, the same kind of standard output
and error (a terminal stays a terminal: colours and progress bars are kept),
the same environment and the same signals; its exit status is ours. What it
prints is copied through byte for byte as it comes and also spooled to a
temporary file (bounded: the last :data:`SPOOL_LIMIT` bytes at most), which is
read, escapes stripped, by the same machinery as ``pip-explain explain``
(:func:`pip_explain.report.explain_log`). When the command fails and its
output shows a build failure, the panel follows its last line on stderr.

How each stream is carried:

* a terminal: a pseudo-terminal of the same size (resized with it), output
  processing off so bytes reach the real terminal unchanged; stdout and stderr
  on the same terminal share one pseudo-terminal, so their order is kept;
* anything else (a pipe, a file): a pipe; stdout and stderr open on the same
  file (``2>&1``, one pipe of a CI runner) share one pipe, in order.

Signals: the command stays in our process group, so Ctrl-C, Ctrl-\\ and a
terminal hang-up reach it from the terminal, as they would without
pip-explain, and are not sent twice. A signal sent to pip-explain alone
(``kill PID``: SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2) is
forwarded. A command killed by a signal kills pip-explain with the same
signal (the shell reports the same status), after its output.

A pip in whose environment pip-explain is installed explains its own failure
(its hook has the package, the version and pip's index for the wheel oracle):
it leaves a mark in the file ``_PIP_EXPLAIN_RUN_MARK`` names (:mod:`pip_explain.runmark`), and ``run`` then adds
nothing. ``PIP_EXPLAIN=0``: ``run`` is a plain ``exec`` of the command.
"""
from __future__ import annotations

import errno
import os
import select
import signal
import sys
import tempfile
import threading
from typing import List, Optional, Sequence, Tuple

from pip_explain.runmark import ENV_MARK

#: Bytes of output kept for the classifier (the last ones; two halves rotate).
SPOOL_LIMIT = 64 << 20
#: After the command exits, seconds to wait for output from what it left
#: running (a background process holding the pipe) before finishing.
DRAIN_SECONDS = 0.2

_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)
_SI_KERNEL = 0x80  # Linux: sent by the kernel (the terminal driver), to the whole foreground group
_OFF = ("0", "false", "no", "off")


def _enabled() -> bool:
    return (os.environ.get("PIP_EXPLAIN") or "1").strip().lower() not in _OFF


def _not_found(command: Sequence[str], exc: OSError) -> int:
    """What a shell says and returns for a command it cannot run."""
    if isinstance(exc, FileNotFoundError):
        sys.stderr.write("pip-explain: %s: command not found\n" % command[0])
        return 127
    sys.stderr.write("pip-explain: %s: %s\n" % (command[0], exc.strerror or exc))
    return 126


def exec_plain(command: Sequence[str]) -> int:
    """Replace this process with the command (``PIP_EXPLAIN=0``)."""
    _default_signals()
    try:
        os.execvp(command[0], list(command))
    except OSError as exc:
        return _not_found(command, exc)
    return 127  # not reached


def _default_signals() -> None:
    """Python ignores SIGPIPE (and SIGXFSZ); an exec'd command must not inherit that."""
    for name in ("SIGPIPE", "SIGXFSZ"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, signal.SIG_DFL)
            except (OSError, ValueError):
                pass


# -- the streams -------------------------------------------------------------------

def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
        return True
    except OSError:
        return False


def _same_file(a: int, b: int) -> bool:
    try:
        sa, sb = os.fstat(a), os.fstat(b)
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino, sa.st_rdev) == (sb.st_dev, sb.st_ino, sb.st_rdev)


def _winsize(fd: int) -> Optional[bytes]:
    import fcntl
    import termios

    try:
        return fcntl.ioctl(fd, termios.TIOCGWINSZ, b"\0" * 8)
    except OSError:
        return None


def _open_pty(like: int) -> Tuple[int, int]:
    """(master, slave) of a pseudo-terminal the size of terminal ``like``,
    output processing off: the bytes the command writes reach ``like`` as
    they are, and the real terminal does its own newline translation."""
    import fcntl
    import termios

    master, slave = os.openpty()
    size = _winsize(like)
    if size is not None:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, size)
    try:
        attrs = termios.tcgetattr(slave)
        attrs[1] &= ~termios.OPOST
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
    except termios.error:
        pass
    return master, slave


class _Channel:
    """One source the command writes to (a pipe or a pty master) and the fd it is copied to."""

    def __init__(self, read_fd: int, write_fd: int, dest: int, tty_of: Optional[int]):
        self.read_fd, self.write_fd, self.dest, self.tty_of = read_fd, write_fd, dest, tty_of
        self.open = True
        self.dest_ok = True


def _channels() -> Tuple[List[_Channel], int, int]:
    """The channels, and the fds the command gets as its stdout and stderr."""
    chans: List[_Channel] = []
    out_tty, err_tty = os.isatty(1), os.isatty(2)
    if _same_file(1, 2) and out_tty == err_tty:
        r, w = _open_pty(1) if out_tty else os.pipe()
        chans.append(_Channel(r, w, 1, 1 if out_tty else None))
        return chans, w, w
    ends = []
    for fd, tty in ((1, out_tty), (2, err_tty)):
        r, w = _open_pty(fd) if tty else os.pipe()
        chans.append(_Channel(r, w, fd, fd if tty else None))
        ends.append(w)
    return chans, ends[0], ends[1]


class _Spool:
    """The last bytes of the output, on disk: two files of half the limit each."""

    def __init__(self, limit: int = SPOOL_LIMIT):
        self.half = max(1, limit // 2)
        self.dir = tempfile.mkdtemp(prefix="pip-explain-run-")
        self.paths = [os.path.join(self.dir, "a.log"), os.path.join(self.dir, "b.log")]
        self.current = 0
        self.size = 0
        self.rotated = False
        self.file = open(self.paths[0], "wb")
        self.total = 0

    def write(self, data: bytes) -> None:
        self.total += len(data)
        while data:
            room = self.half - self.size
            part, data = data[:room], data[room:]
            self.file.write(part)
            self.size += len(part)
            if self.size >= self.half:
                self.file.close()
                self.current ^= 1
                self.file = open(self.paths[self.current], "wb")
                self.size = 0
                self.rotated = True

    def finish(self) -> str:
        """The path of one file holding the kept output."""
        self.file.close()
        if not self.rotated:
            return self.paths[self.current]
        older = self.paths[self.current ^ 1]
        with open(older, "ab") as out, open(self.paths[self.current], "rb") as f:
            while True:
                block = f.read(1 << 20)
                if not block:
                    break
                out.write(block)
        return older

    def remove(self) -> None:
        import shutil

        try:
            self.file.close()
        except Exception:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        try:
            n = os.write(fd, view)
        except InterruptedError:
            continue
        except BlockingIOError:
            select.select([], [fd], [])
            continue
        view = view[n:]


# -- running -------------------------------------------------------------------------

class Outcome:
    def __init__(self, status: int, spool: Optional[_Spool], mark: Optional[str], dest_ok: bool):
        self.status = status  # os.waitpid status
        self.spool = spool
        self.mark = mark
        self.dest_ok = dest_ok

    @property
    def signal(self) -> Optional[int]:
        return os.WTERMSIG(self.status) if os.WIFSIGNALED(self.status) else None

    @property
    def code(self) -> int:
        if os.WIFEXITED(self.status):
            return os.WEXITSTATUS(self.status)
        if os.WIFSIGNALED(self.status):
            return 128 + os.WTERMSIG(self.status)
        return 1

    def reported(self) -> bool:
        try:
            return bool(self.mark and os.path.getsize(self.mark) > 0)
        except OSError:
            return False


def _signal_thread(pid_box: list, wake_w: int, stop: threading.Event, waited: tuple) -> None:
    while not stop.is_set():
        try:
            info = signal.sigtimedwait(waited, 0.25)
        except Exception:
            return
        if info is None:
            continue
        sig = info.si_signo
        if sig == signal.SIGCHLD:
            try:
                os.write(wake_w, b"c")
            except OSError:
                pass
            continue
        if sig == signal.SIGWINCH:
            try:
                os.write(wake_w, b"w")
            except OSError:
                pass
            continue
        if info.si_code == _SI_KERNEL:
            continue  # from the terminal, to the whole foreground group: the command has it
        pid = pid_box[0]
        if pid:
            try:
                os.kill(pid, sig)
            except OSError:
                pass


def execute(command: Sequence[str], spool_limit: int = SPOOL_LIMIT) -> Outcome:
    """Run the command; copy its output through; return how it ended."""
    chans, child_out, child_err = _channels()
    spool = _Spool(spool_limit)
    fd, mark = tempfile.mkstemp(prefix="pip-explain-mark-")
    os.close(fd)
    env = dict(os.environ)
    env[ENV_MARK] = mark
    waited = tuple(_FORWARDED) + (signal.SIGCHLD, signal.SIGWINCH)
    # Until the waiting thread takes over, signals are only noted (a handled
    # signal is reset to its default by exec: the command gets the caller's
    # dispositions; one the caller ignores stays ignored, and is not waited for).
    # A signal noted once the command runs is sent on at once: the handler may
    # run after the notes were read (it runs between bytecodes, not on arrival).
    early: List[int] = []
    pid_box = [0]

    def _note(sig: int, frame: object) -> None:
        if pid_box[0] and sig not in (signal.SIGCHLD, signal.SIGWINCH):
            try:
                os.kill(pid_box[0], sig)
            except OSError:
                pass
        else:
            early.append(sig)

    saved = {}
    for sig in waited:
        try:
            if signal.getsignal(sig) != signal.SIG_IGN:
                saved[sig] = signal.signal(sig, _note)
        except (OSError, ValueError):
            pass
    waited = tuple(saved)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    stop = threading.Event()
    thread = None
    old_mask = None
    try:
        import subprocess

        try:
            # the caller's signal mask, stdin and environment (plus the mark);
            # SIGPIPE and SIGXFSZ back to their defaults (Python ignores them)
            child = subprocess.Popen(list(command), stdin=None, stdout=child_out, stderr=child_err, env=env,
                                     close_fds=True, restore_signals=True)
        except OSError:
            for c in chans:
                os.close(c.read_fd)
            for w in {child_out, child_err}:
                os.close(w)
            spool.remove()
            _unlink(mark)
            raise
        pid = child.pid
        child.returncode = 0  # reaped here with os.waitpid, not by Popen
        pid_box[0] = pid
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, waited)
        thread = threading.Thread(target=_signal_thread, args=(pid_box, wake_w, stop, waited), daemon=True)
        thread.start()
        for noted in list(early):
            if noted in (signal.SIGCHLD, signal.SIGWINCH):
                continue
            try:
                os.kill(pid, noted)
            except OSError:
                pass
        os.write(wake_w, b"c")  # it may have ended already
        for w in {child_out, child_err}:
            os.close(w)
        status = _pump(pid, chans, spool, wake_r)
    finally:
        stop.set()
        if thread is not None:
            thread.join(1.0)
        if old_mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
        for sig, handler in saved.items():
            try:
                signal.signal(sig, handler)
            except (OSError, ValueError, TypeError):
                pass
        os.close(wake_r)
        os.close(wake_w)
    for c in chans:
        if c.open:
            os.close(c.read_fd)
    return Outcome(status, spool, mark, all(c.dest_ok for c in chans))


def _unlink(path: Optional[str]) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


def _pump(pid: int, chans: List[_Channel], spool: _Spool, wake_r: int) -> int:
    import time

    status: Optional[int] = None
    drain_until = 0.0
    by_fd = {c.read_fd: c for c in chans}
    while True:
        readers = [c.read_fd for c in chans if c.open]
        if status is not None:
            now = time.monotonic()
            if not readers or now >= drain_until:
                return status
            timeout = drain_until - now
        else:
            timeout = None
        try:
            ready, _, _ = select.select(readers + [wake_r], [], [], timeout)
        except InterruptedError:
            continue
        if wake_r in ready:
            try:
                what = os.read(wake_r, 64)
            except OSError:
                what = b""
            if b"w" in what:
                for c in chans:
                    if c.tty_of is not None and c.open:
                        _copy_size(c)
            if status is None:
                try:
                    done, st = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done, st = pid, 0
                if done == pid:
                    status = st
                    drain_until = time.monotonic() + DRAIN_SECONDS
        for fd in ready:
            if fd == wake_r:
                continue
            c = by_fd[fd]
            try:
                data = os.read(fd, 65536)
            except OSError as exc:  # EIO: the last writer closed the pseudo-terminal
                if exc.errno not in (errno.EIO,):
                    raise
                data = b""
            if not data:
                c.open = False
                os.close(fd)
                continue
            if status is not None:
                drain_until = time.monotonic() + DRAIN_SECONDS
            if c.dest_ok:
                try:
                    _write_all(c.dest, data)
                except OSError:
                    # our stdout/stderr is gone (a closed pipe): so is the
                    # command's, as it would be without pip-explain
                    c.dest_ok = False
                    c.open = False
                    os.close(fd)
            spool.write(data)
        if status is None and not any(c.open for c in chans):
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:
                status = 0
            return status


def _copy_size(c: _Channel) -> None:
    import fcntl
    import termios

    size = _winsize(c.tty_of) if c.tty_of is not None else None
    if size is not None:
        try:
            fcntl.ioctl(c.read_fd, termios.TIOCSWINSZ, size)
        except OSError:
            pass


# -- explaining ------------------------------------------------------------------------

def explain_output(path: str, command: Sequence[str]):
    """(explained, retry, platform) for the output in ``path``, or None when
    it shows no build failure (a failing command that is not an install)."""
    from pip_explain import report
    from pip_explain.enrich.platform import detect
    from pip_explain.logparse import LogFile, pipx_full_log
    from pip_explain.sanitize import redact

    platform = detect()
    # pipx shows an excerpt of pip's output and names the file that holds all of it (a file of this run)
    pipx_log, here = pipx_full_log(LogFile(path))
    if here:
        path = str(pipx_log)
    # the retry is the command itself; a LogFile streams the spool like explain FILE
    explained, _ = report.explain_saved_log(LogFile(path), platform)  # type: ignore[arg-type]
    shown = [e for e in explained if e.diagnosis is not None]
    if not shown:
        # an installer's frame around a failed build step, without a known cause
        shown = [e for e in explained if e.step][:1]
    if not shown:
        return None
    if not report._off(report.ENV_CHECKS):
        from pip_explain.enrich.probes import Prober

        prober = Prober()
        shown = [report._guarded(report.with_checks, e, prober) for e in shown]
    from pip_explain.enrich.alternatives import join

    retry = redact(join(list(command)))
    return shown, retry, platform


def report_failure(explained, retry: str, platform, stream=None) -> None:
    import json
    import shutil

    from pip_explain import ci, render

    stream = stream or sys.stderr
    label = platform.label if platform is not None else ""
    ci.annotate(explained, retry, label, stream)
    if os.environ.get("PIP_EXPLAIN_FORMAT", "").strip().lower() == "json":
        from pip_explain import report

        where = report.machine_json(platform) if hasattr(report, "machine_json") else label
        stream.write(json.dumps(render.to_json(explained, retry, where), ensure_ascii=False) + "\n")
        stream.flush()
        return
    width = shutil.get_terminal_size((80, 24)).columns
    lines = render.panel(explained, retry, width, label)
    stream.write("\n")
    with ci.section(stream, ci.header(explained)):
        render.write(lines, stream, render.use_color(stream), width)
    stream.flush()


def main(command: Sequence[str]) -> int:
    """``pip-explain run``: the command's exit status (or its death by signal)."""
    command = list(command)
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        sys.stderr.write("pip-explain: error: run needs a command: pip-explain run -- COMMAND [ARG...]\n")
        return 2
    if not _enabled() or os.name != "posix" or not all(_is_open(fd) for fd in (0, 1, 2)):
        return exec_plain(command)
    try:
        outcome = execute(command)
    except OSError as exc:
        return _not_found(command, exc)
    try:
        if outcome.signal is None and outcome.code != 0 and not outcome.reported():
            _explain_quietly(outcome, command)
    finally:
        if outcome.spool is not None:
            outcome.spool.remove()
        _unlink(outcome.mark)
    if outcome.signal is not None:
        _die_by(outcome.signal)
    return outcome.code


def _explain_quietly(outcome: Outcome, command: Sequence[str]) -> None:
    """The panel on stderr; any error of pip-explain's own is swallowed
    (shown with PIP_EXPLAIN_DEBUG=1)."""
    try:
        sys.stdout.flush()
    except Exception:
        pass
    try:
        assert outcome.spool is not None
        found = explain_output(outcome.spool.finish(), command)
        if found is not None:
            report_failure(*found)
    except (Exception, KeyboardInterrupt) as exc:  # never let pip-explain change the command's outcome
        if os.environ.get("PIP_EXPLAIN_DEBUG", "").strip() not in ("", "0"):
            import traceback

            traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)


def _die_by(sig: int) -> None:
    """End this process by ``sig``, as the command did (no core file)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except Exception:
        pass
    try:
        signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
    except (OSError, ValueError):  # SIGKILL, SIGSTOP: no handler to reset
        pass
    try:
        os.kill(os.getpid(), sig)
    except (OSError, ValueError):
        pass
    # a signal whose default action does not end a process
    os._exit(128 + sig)
