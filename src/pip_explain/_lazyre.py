"""A regular expression compiled on first use (a leaf: imports only ``re``).

Most of the saved-log readers' expressions never run on a given log (they
are looked for only on lines that hold their literal words); compiling them
all would cost every ``pip-explain explain``."""
import re


class LazyRegex:
    __slots__ = ("args", "rx")

    def __init__(self, *args):
        self.args = args
        self.rx = None

    def __getattr__(self, name):
        if self.rx is None:
            self.rx = re.compile(*self.args)
        return getattr(self.rx, name)
