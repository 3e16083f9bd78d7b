"""Wordings shared by several rules, and the predicates that tell them apart.

The same sentence names whatever program is missing ("command 'X' failed: No
such file or directory"); the rule that owns the sentence for a given X is
chosen by the ``accept`` predicate on X.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Dict, Optional, Tuple

from pip_explain.model import Pattern
from pip_explain.rules import _messages as _msg

# Quotes as tools print them: ASCII, gcc's typographic quotes in UTF-8 locales,
# and the quotes of gcc's catalogues (German »so«, French « so », Russian «so»,
# Swedish ”so”, Croatian „so“, Chinese 「so」), either way round.
_QUOTES = "".join(sorted(set("'\"`‘’«»「」" + "".join(o + c for o, c in _msg.GCC_QUOTES.values())) - {"\xa0"}))
OPEN = "[%s]" % _QUOTES
CLOSE = OPEN
NAME = "[^%s\\s]+" % _QUOTES


def program(path: str) -> str:
    """``/usr/bin/x86_64-linux-gnu-gcc-12.exe`` -> ``x86_64-linux-gnu-gcc-12``."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-4] if name.lower().endswith(".exe") else name


def _program_is(regex: str) -> Callable[[str], bool]:
    compiled = re.compile(r"(?:[A-Za-z0-9_.]+-)*(?:%s)(?:-\d+(?:\.\d+)*)?" % regex)

    def accept(detail: str) -> bool:
        return compiled.fullmatch(program(detail)) is not None

    return accept


# (clang-cl: clang's MSVC-compatible driver, the C compiler the cc crate asks for when cross-compiling to
# *-pc-windows-msvc, lz4-sys under maturin, b44-rust-maturin/09; cpp: the C preprocessor, which comes with the C
# compiler -- Debian's gcc depends on its cpp -- and which M2Crypto's setup.py runs to find OpenSSL's include
# directory, "error: [Errno 2] No such file or directory: 'cpp'" on a host without gcc, b70-ops-tools-1/01)
is_c_compiler = _program_is(r"gcc|cc|clang|clang-cl|icc|icx|tcc|c89|c99|cc1|cpp|suncc|xlc")
is_cxx_compiler = _program_is(r"g\+\+|c\+\+|clang\+\+|cc1plus|icpc|icpx")


def is_msvc(detail: str) -> bool:
    """cl.exe, or the SDK tools it drives: link.exe, the resource compiler rc, the manifest tool mt, the message
    compiler mc (pywin32's perfmon messages, "error: command 'mc.exe' failed: No such file or directory",
    b58-programs-missing-3/18; wxWidgets' nmake build running "rc" in Italian cmd.exe, 19)."""
    return program(detail).lower() in ("cl", "rc", "mt", "mc") or detail.lower().endswith("link.exe")


is_rust_tool = _program_is(r"cargo|rustc|rustup")


def meson_cmake_compiler(names: str, cmake_lang: str, env_var: str, detail: str) -> Tuple[Pattern, ...]:
    """How meson and CMake say they found no compiler for one language."""
    return (
        # meson: "ERROR: Unknown compiler(s): [['cc'], ['gcc'], ...]" (the first one it tried)
        Pattern("unknown compiler(s)", r"Unknown compiler\(s\): \[\[['\"](?P<d>%s)['\"]" % names),
        Pattern("no cmake_%s_compiler" % cmake_lang.lower(), r"No CMAKE_%s_COMPILER could be found" % cmake_lang,
                detail=detail),
        # CMake with CC/CXX/FC naming a compiler that is not there (the name follows on a later line)
        Pattern("could not find compiler set in environment variable",
                r"Could not find compiler set in environment variable %s\b" % env_var, detail=detail),
        Pattern("cmake_%s_compiler not set" % cmake_lang.lower(),
                r"CMAKE_%s_COMPILER not set, after EnableLanguage" % cmake_lang, detail=detail),
    )


ENOENT_EXCEPTION = r"^\s*(?:FileNotFoundError|WindowsError|OSError): \[(?:WinError|Errno|Error) 2\]"
# "[Errno 2] No such file or directory: 'README.md'": a text file a setup script reads, which its sdist lacks
# (rules/known.py's PX097 names it; rules/_knowledge.py's situations note it)
# (an extension ends its word: "ponysay.info" is no ".in" file but the manual makeinfo should have made, ponysay's setup
# script after "sh: makeinfo: command not found", b67-programs-7/04)
SDIST_TEXT_FILE = (r"\[Errno 2\][^\n]{0,120}: ['\"](?P<d>[^'\"\n]{0,200}?(?:README|readme|Readme|CHANGES|CHANGELOG|"
                   r"HISTORY|LICENSE|VERSION|requirements|(?:\.md|\.rst|\.txt|\.in|\.cfg|\.json|\.ya?ml)(?![A-Za-z0-9]))"
                   r"[^'\"/\\\n]{0,60})['\"]")


# CMake's find modules for programs, by the name they are called with (FindPkgConfig is "PkgConfig")
_CMAKE_PROGRAMS = {"pkgconfig": "pkg-config"}


def _cmake_program(name: str) -> str:
    return _CMAKE_PROGRAMS.get(name.lower(), name.lower())


# Python 2's subprocess, when the program it was to run is not there: the error names no program ("OSError: [Errno 2]
# No such file or directory", Windows' "WindowsError: [Error 2] The system cannot find the file specified"); the
# traceback's frames above it do
PY2_SPAWN_ENOENT = (r"^\s*(?:OSError: \[Errno 2\] No such file or directory|WindowsError: \[Error 2\] The system cannot"
                    r" find the file specified)\s*$")


def missing_program(accept: Callable[[str], bool], clean: Optional[Callable[[str], str]] = None
                    ) -> Tuple[Pattern, ...]:
    """The ways a build says "I tried to run X and X is not there"."""
    return tuple(replace(p, clean=clean) for p in _missing_program(accept)) if clean else _missing_program(accept)


def _missing_program(accept: Callable[[str], bool]) -> Tuple[Pattern, ...]:
    return (
        # qtchooser, the wrapper Debian and Ubuntu install as qmake, moc, lrelease ... for the Qt tool of the selected
        # version: "lrelease: could not exec '/usr/lib/i386-linux-gnu/qt5/bin/lrelease': No such file or directory"
        # when that Qt's tools are not installed (its format "%s: could not exec '%s': %s", read in Debian's qtchooser
        # binary; ibus-bogo's CMake translations step, b67-programs-7/24)
        Pattern("could not exec", r"^\s*[\w.+-]{1,60}: could not exec '[^'\n]{0,300}[/\\](?P<d>[\w.+-]{1,60})': ", accept),
        # setuptools 68-75 ("failed: No such file or directory"), old distutils
        Pattern("no such file or directory",
                r"command %s(?P<d>%s)%s failed: (?:EDC\d{4}I )?No such file or directory" % (OPEN, NAME, CLOSE), accept),
        # (Python 2.6's distutils printed the name unquoted: "unable to execute gcc: No such file ...")
        Pattern("unable to execute",
                r"unable to execute %s?(?P<d>%s)%s?: No such file or directory" % (OPEN, NAME, CLOSE), accept),
        # distutils/setuptools spawn on Windows: "command %r failed: %s" % (cmd, exc.args[-1]), and the
        # FileNotFoundError of CreateProcess carries None last (its filename2): "command 'swig.exe' failed: None"
        # (pip's "[end of output]" run onto the same line by a copy from a terminal: pyWinhook under conda,
        # b53-frontends-ci-2026/05)
        Pattern("failed: none", r"command %s(?P<d>%s)%s failed: None(?:\s{2,}\[end of output\])?\s*$" % (OPEN, NAME, CLOSE),
                accept),
        # nvcc, for the host compiler it drives: "nvcc fatal   : Cannot find compiler 'cl.exe' in PATH" (cudamat on
        # Windows, b36-cpp-cuda-ext/21), "... 'gcc' in PATH"
        Pattern("cannot find compiler", r"\bCannot find compiler %s(?P<d>%s)%s in PATH" % (OPEN, NAME, CLOSE), accept),
        # a build script's own words: "swig executable not found on path!", "pg_config executable not found."
        Pattern("executable not found", r"(?:^|[\s:'`])(?P<d>[\w.+-]{1,128})%s? executable not found" % CLOSE,
                accept),
        # ... and the other ways build scripts say it (issue 12's list; xmlsec's setup.py "error: pkg-config is not
        # installed", psycopg2's "pg_config is required to build psycopg2 from source", scikit-build's "CMake must
        # be installed", numpy.distutils' "Could not locate executable wx-config", "could not find the swig
        # executable"): the name, through ``accept``, says which program table it belongs to
        # (h5py: "error: pkg-config probably not installed: FileNotFoundError(2, ...)")
        # (mod_wsgi: "RuntimeError: The 'apxs' command appears not to be installed or is not executable.")
        Pattern("installed", r"(?:^|[\s:'\"`(])(?P<d>[\w.+-]{1,128})['\"`]? (?:is not|must be|(?:is )?probably not"
                r"|(?:command |program )?appears not to be)"
                r" installed\b", accept),
        # (PyAV's setup.py: "pkg-config is required for building PyAV", b23-wrappers-framing/04; libvirt-python's
        # "pkg-config binary is required to compile libvirt-python", b26-longtail-pkgs-b/02; secp256k1's "'pkg-config' is
        # required to install this package. Please see the README for details.", b31-unseen-libs-2/15, /16)
        Pattern("is required", r"(?:^|[\s:'\"`(])(?P<d>[\w.+-]{1,128})['\"`]? (?:binary |program |executable |command )?is"
                r" required (?:to build|for building|to compile|to install this package)\b", accept),
        # ... or that it needs the program: NetworKit's setup.py "ERROR: NetworKit compilation requires cmake."
        # (b32-cpp-bindings-2/03), pygsl's "I do not know how to run gsl-config on this system." (its
        # gsl_dist/gsl_Location.py; b32-middle-era-2020-23/12)
        Pattern("requires", r"\b(?:compilation|building|build|installation) requires (?P<d>[\w.+-]{0,39}[\w+-])\.?\s*$", accept),
        # ... or says the user needs it to compile: camb's setup.py "RuntimeError: You need ifort or gfortran 6 or
        # higher to compile (found: None)." (its _compilers.check_gfortran, live batch 31): the first program named
        Pattern("you need", r"\bYou need (?:to have )?(?:an? |the )?(?P<d>[\w.+-]{1,64}?)(?: or [\w.+-]{1,64}?){0,3}(?: \d{1,3}(?:\.\d{1,3}){0,2})?"
                r"(?: or (?:higher|newer|later|above))? (?:installed )?to (?:compile|build)\b", accept),
        Pattern("know how to run", r"\b(?:do not|don't) know how to run (?P<d>[\w.+-]{1,128})(?: on this system\b|\s*$)", accept),
        # Python 2's subprocess names no program when it cannot run one ("OSError: [Errno 2] No such file or
        # directory", Windows' "WindowsError: [Error 2] ..."): the traceback's echoed call names it, its first
        # argument ("ICU_VERSION = subprocess.check_output(('icu-config', '--version')).strip()": PyICU 1.9.5,
        # b34-old-pip-longtail-5/01)
        Pattern("subprocess.", r"\bsubprocess\.(?:check_output|check_call|call|Popen|run)\(\s?[\[(]\s?['\"](?P<d>[\w.+-]{1,128})['\"]",
                accept, then=PY2_SPAWN_ENOENT, within=12),
        # a script's own echo of the command it runs, then the system's "not found" for it: word2vec's setup.py
        # "Compilation command: gcc ...\word2vec.c -o Scripts\word2vec.exe" / "error: [WinError 2] 系统找不到指定的文件。"
        # (the errno is the same in every language; b34-old-pip-longtail-5/12)
        Pattern("command: ", r"^\s*(?:Compilation|Compile|Build|Running|Executing) command:\s+(?P<d>[\w.+-]{1,128}?)(?:\.exe)?\s",
                accept, then=r"^\s*(?:error: )?(?:\[WinError 2\]|\[Errno 2\]|FileNotFoundError: \[(?:WinError|Errno) 2\])",
                within=2),
        # `which X` run by a setup script, failing: X is not on PATH ("subprocess.CalledProcessError: Command
        # '['which', 'javac']' returned non-zero exit status 1": pyjnius, b34-old-pip-longtail-5/15)
        Pattern("which", r"Command %s\[['\"](?:which|where)['\"], ['\"](?P<d>[\w.+-]{1,128})['\"]\]%s returned non-zero exit"
                r" status 1\b" % (OPEN, CLOSE), accept),
        # a build helper's own check of PATH: fretwork's setup.py "checking for program pkg-config... not found" then
        # 'Could not find required program "pkg-config".' (b51-lib-lookups-5/06); "Could not find the program
        # ['swig']" (waf's find_program) is the same words turned round
        Pattern("could not find", r"\bCould not find (?:the )?(?:required )?program %s\[?%s?(?P<d>[\w.+-]{1,128})%s?\]?%s"
                % (OPEN + "?", OPEN, CLOSE, CLOSE + "?"), accept),
        # PyKCS11's setup.py when swig is not on PATH: "Install swig and try again" (live batch 3)
        Pattern("and try again", r"(?:^|[\s:])(?:Please )?install (?:the )?['\"`]?(?P<d>[\w.+-]{1,128})['\"`]? and try again\b",
                accept),
        # a setup script's own check, the name capitalised as a word: ibm_db's "No Gcc installation detected." after
        # its "Pre-requisite check [which gcc] : Failed" (z/OS, b14-lang-musl-mobile/05)
        Pattern("installation detected", r"\bNo (?P<d>[\w.+-]{1,64}) installation (?:detected|found)\b",
                lambda d: accept(d.lower()), clean=str.lower),
        # a setup script's bare words: nvtabular's setup.py "protoc not found" after its C++ link (b21-pages-qa/03);
        # weak: a lookup the build may recover from ("cython not found" before pre-generated C)
        Pattern("not found", r"^\s*(?:error:\s?)?(?P<d>[\w.+-]{1,128}) not found\.?\s*$", accept, weak=True),
        # an exception naming the program quoted, maybe with a clause between: pycld3's setup.py "RuntimeError: The
        # Protobuf compiler, `protoc`, which is required for building this package, could not be found." (live batch 11)
        # (the first quoted word after the colon: no backtracking into the text before it)
        Pattern("be found", r"(?:^|\s)(?:\w{0,40}Error|Exception|error|ERROR):[^`'\"\n]{0,120}[`'\"](?P<d>[\w.+-]{1,128})"
                r"[`'\"](?:,[^,\n]{0,120},)? (?:could not|cannot|can't|couldn't) be found", accept),
        # Perl running a program (autoreconf, autom4te, any perl build script): perldiag's 'Can't exec "%s": %s' with
        # the system's strerror, "Can't exec "aclocal": No such file or directory at .../FileUtils.pm line 326."
        # (pylibemu's bundled libemu under Homebrew's autoconf without automake, b21-pages-qa/01)
        Pattern("can't exec", r"\bCan't exec \"(?P<d>[\w.+/-]{1,256})\": %s" % ENOENT, accept),
        # xcrun's shim (macOS /usr/bin tools that forward to the developer directory), for a program neither the
        # Command Line Tools nor PATH has: 'nasm: error: unable to find utility "nasm", not a developer tool or in
        # PATH' (opencv-python's libjpeg-turbo under scikit-build, b28-missing-programs/01; xcrun's own "xcrun:
        # error: unable to find utility ...")
        Pattern("unable to find utility", r"unable to find utility [\"'](?P<d>[\w.+-]{1,64})[\"'], not a developer tool or"
                r" in PATH", accept),
        # a configure script's "X not found - make sure it's installed and available on %PATH%" (OpenSSL's
        # Configure for NASM on Windows, b28-missing-programs/02): the name as it writes it, capitals and all
        Pattern("not found", r"^\s*(?P<d>[A-Za-z][\w.+-]{1,63}) (?:was )?not found\s?[-–:;,]\s{0,2}(?:make sure|please"
                r" install|install it)\b", lambda d: accept(d.lower()), clean=str.lower),
        # CMake's find module for a program, REQUIRED: "Could NOT find SWIG (missing: SWIG_EXECUTABLE SWIG_DIR)"
        # (FindSWIG; rapidyaml's Python API, b28-missing-programs/08): the program, by the table of programs
        Pattern("could not find", r"^\s*Could (?-i:NOT) find (?P<d>[A-Za-z][\w-]{0,40}) \(missing: [^)\n]{0,200}?\b[A-Z][A-Z0-9_]{0,40}"
                r"_EXECUTABLE\b", lambda d: accept(_cmake_program(d)), clean=_cmake_program),
        # ... and the same lookup without REQUIRED, a status line CMake goes on from: "-- Could NOT find FLEX (missing:
        # FLEX_EXECUTABLE)" (igraph's C core from a git checkout, b56-lib-lookups-10/11); a probe, a later cause wins
        Pattern("could not find", r"^\s*-- Could (?-i:NOT) find (?P<d>[A-Za-z][\w-]{0,40}) \(missing: [^)\n]{0,200}?\b[A-Z][A-Z0-9_]"
                r"{0,40}_EXECUTABLE\b", lambda d: accept(_cmake_program(d)), clean=_cmake_program, probe=True),
        # ... and find_program() with REQUIRED (3.18+; cmFindBase: "Could not find <VAR> using the following names:
        # <names>" under "CMake Error at CMakeLists.txt:20 (find_program):"): the first name it asked for
        Pattern("(find_program):", r"\bCMake Error at [^\n]{1,300}\(find_program\):\s*$", accept,
                then=r"^\s*Could not find \w{1,80} using the following names: (?P<d>[\w.+-]{1,64}?)(?:,|\s*$)", within=1),
        # a build script's own "ERROR: uic not found -- please install PySide2 or PySide6 and adjust your PATH."
        # (OpenUSD's build_usd.py, b60-lib-lookups-12/12): the program, then the advice
        Pattern("not found", r"(?:^|\bERROR:\s{1,3}|\berror:\s{1,3})(?P<d>[\w.+-]{1,64}) (?:was |is )?not found\s?(?:--|[-–—:;,])\s?"
                r"please install\b", accept),
        # a setup script's own search for a program it runs, the name quoted after the word tool: Nsound's setup.py
        # "RuntimeError: FAILURE!" / "Could not find tool 'scons', is it installed?  Is it in your PATH?"
        # (b63-programs-5/01)
        Pattern("could not find tool", r"\bCould not find (?:the )?tool ['\"`‘](?P<d>[\w.+-]{1,128})['\"`’]", accept),
        # a build script's shell: "cmake required but not found." (h3's Windows helper script)
        Pattern("required but", r"(?:^|[\s:'\"`(])(?P<d>[\w.+-]{1,128})['\"`]? (?:is )?required but (?:was )?not found",
                accept),
    ) + tuple(
        # (a needle each: every line a pattern matches must hold its needle)
        # (not numpy.distutils' own "Could not locate executable X", below)
        # (nor a configure script's warning, which it goes on from: "configure: WARNING: cannot find 'cython' program.
        # You should look at http://www.cython.org ...", libimobiledevice's optional bindings, b52-lib-lookups-6/04, 06)
        Pattern(verb, r"\b(?<!WARNING: )(?!could not locate executable [\w.+-]{1,128}\s*$)(?:could not|couldn't|can ?not|can't|unable to"
                r"|failed to) %s (?:the |an? )?(?:(?:good|usable|valid|working|suitable|compatible|proper) )?(?:executable |program )?"
                r"['\"`]?(?P<d>[\w.+-]{1,128})['\"`]?"
                r"(?: executable| program| binary| command| (?:on|in) (?:the |your )?PATH|\.?\s*$|\.\s)" % verb, accept)
        for verb in ("find", "locate")
    ) + (
        # numpy.distutils' search for compilers and tools, one line per candidate it tries ("Could not locate
        # executable icc", then ecc, gfortran, f95 ...: its exec_command.find_executable, logged by each
        # CCompiler/FCompiler's customize): weak, the build goes on with what it found, and a later error outweighs
        # it (cmt on macOS, whose failure was clang refusing a flag, b52-old-pip-longtail-15/06)
        Pattern("locate executable", r"^\s*Could not locate executable (?P<d>[\w.+-]{1,128})\s*$", accept, weak=True),
        # bash's `type` builtin, which configure scripts use to look for a program: "./configure: line 18316: type:
        # /usr/bin/python-config: not found" (libimobiledevice's Python lookup, b52-lib-lookups-6/06): a probe
        Pattern("type:", r"\btype: (?P<d>[\w.+/\\-]{1,256}): not found\s*$", accept, probe=True),
        Pattern("executable", r"\b(?:executable|program) ['\"`](?P<d>[\w.+/\\-]{1,256})['\"`] (?:was |is )?not found", accept),
        # "X not found in PATH", "X (or Y) not found or not in the path!" (python-igraph's C core bootstrap:
        # "libtoolize or glibtoolize not found or not in the path!")
        Pattern("not found", r"(?:^|[\s:'\"`(])(?P<d>[\w.+-]{1,128})['\"`]?(?: or [\w.+-]{1,60})? (?:was |is )?not found"
                r" (?:or not )?(?:in|on) (?:the |your )?path\b", accept),
        # ... "X isn't in your $PATH" (pyBigWig's setup.py: "Either libcurl isn't installed, it didn't come with
        # curl-config, or curl-config isn't in your $PATH. This must be corrected before installing pyBigWig!",
        # b36-lib-lookups-2/09)
    ) + tuple(
        # (a needle each, "t in " / "t on ", rarer than "path")
        Pattern(needle, r"(?:^|[\s:'\"`(])(?P<d>[\w.+-]{1,128})['\"`]? (?:isn't|is not|wasn't|was not) %s(?:the"
                r" |your )?[$%%]?PATH\b" % needle[2:], accept)
        for needle in ("t in ", "t on ")
    ) + (
        # meson's find_program(): "ERROR: Program 'gfortran' not found or not executable" (0.60+: "Program or
        # command 'X' not found or not executable"), names or paths as the meson.build wrote them; a list of
        # alternatives joined by spaces ("Program 'bison win_bison' not found": beancount, b18-buildsystems/05)
        Pattern("not found or not executable",
                r"\bProgram (?:or command )?['\"](?P<d>[\w.+/\\:-]{1,256})(?: [\w.+/\\:-]{1,256}){0,4}['\"] not found or not"
                r" executable", accept),
        # GLib's g_spawn (flatpak-builder, meson's GLib tools): 'Failed to execute child process "eu-strip" (No such
        # file or directory)' (gspawn.c's _("Failed to execute child process “%s” (%s)"); flatpak-builder splitting
        # debug symbols without elfutils, b45-package-builders-3/29)
        Pattern("failed to execute child process", r"\bFailed to execute child process %s(?P<d>%s)%s \(%s\)"
                % (OPEN, NAME, CLOSE, ENOENT), accept),
        # a wrapper's own words for the program it could not run or find: pypandoc's 'OSError: No pandoc was found:
        # either install pandoc and add it to your PATH' (1.4+) and its older setup.py's "An error occurred while
        # trying to run `pandoc`" (b46-lib-lookups-3/13, 14)
        Pattern("was found", r"\bNo (?P<d>[\w.+-]{1,64}) (?:was |is )?found: either install\b", accept),
        # ... pypandoc before 1.1's own words from get_pandoc_formats(), 'raise OSError("You probably do not have
        # pandoc installed.")', its source line echoed in the same traceback (voluptuous 0.8.7's setup.py on Travis,
        # b59-programs-4/07)
        Pattern("pandoc installed", r"\bYou probably do not have pandoc installed\b", lambda d: accept("pandoc"),
                detail="pandoc"),
        # z3's mk_util.py testing the toolchain: "MKException: 'ar (archive tool) was not found'" (its check_ar(),
        # whose raise line the traceback echoes; z3 4.8.10's mk_make.py, b59-programs-4/10)
        Pattern("(archive tool) was not found", r"['\"]?(?P<d>[\w.+/\\-]{1,128}) \(archive tool\) was not found", accept),
        Pattern("error occurred while trying to run", r"\berror occurred while trying to run %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE),
                accept),
        # ... and before 1.4, a bare ENOENT out of subprocess at the end of a traceback through pypandoc, whose
        # functions run pandoc (convert -> get_pandoc_formats: 'File ".../pypandoc.py", line 74, in
        # get_pandoc_formats', then "OSError: [Errno 2] No such file or directory"; a setup.py converting README.md,
        # b54-programs-missing/13)
        Pattern("pypandoc", r'^\s*File "[^"\n]{0,300}[/\\]pypandoc(?:[/\\]__init__)?\.py", line \d{1,6}, in \w{1,80}\s*$',
                lambda d: accept("pandoc"), detail="pandoc", then=ENOENT_EXCEPTION + r"[^:\n]{0,80}$",
                within=12),
        # ... and a bare "npm unavailable" (ipywidgets 4.2's setup.py before "rebuilding js and css failed",
        # b46-lib-lookups-3/18); a probe: a build may go on without it, and a later cause wins
        Pattern("unavailable", r"^\s*(?P<d>[\w.+-]{1,64}) (?:is )?unavailable\.?\s*$", accept, probe=True),
        # ... and an exception a build step raises in those words: igrf's "FileNotFoundError: CMake not available" (its
        # build-on-first-run, b56-lib-lookups-10/17)
        Pattern("not available", r"(?:^|\s)\w{0,40}(?:Error|Exception):\s?(?P<d>[\w.+-]{1,64}) (?:is )?not available\.?\s*$",
                lambda d: accept(d.lower()), clean=str.lower),
        # ... and jupyter-packaging's which() check in the same words, quoted, with its advice for sudo: "`yarn`
        # unavailable.  If you're running this command using sudo, make sure `yarn` is available to sudo"
        # (jupyterlab-git's and ipytree's setup.py jsdeps, b55-programs-missing-2/09, /10)
        Pattern("unavailable", r"^\s*`(?P<d>[\w.+-]{1,64})` unavailable\.\s{1,3}If you're running this command using sudo",
                accept),
        # a shell's command-not-found hook for a program it does not have: openSUSE's "If 'f2py' is not a typo you can
        # use command-not-found to lookup the package that contains it, like this:" (scout / cnf; serval's f2py,
        # b55-programs-missing-2/15), Debian's and Ubuntu's "Command 'cmake' not found, but can be installed with:"
        Pattern("is not a typo", r"\bIf %s(?P<d>%s)%s is not a typo you can use command-not-found" % (OPEN, NAME, CLOSE),
                accept),
        Pattern("not found, but can be installed with", r"\bCommand %s(?P<d>%s)%s not found, but can be installed with"
                % (OPEN, NAME, CLOSE), accept),
        # a Rust build script's std::process::Command that could not spawn its program, the command in Rust's Debug
        # form (each argument quoted) and io::Error's NotFound: '"llvm-dlltool" "-m" "i386:x86-64" "-d" ... failed
        # with No such file or directory (os error 2)' (pyo3-ffi's python3.dll import library when cross-compiling
        # to Windows, b44-rust-maturin/08); Windows' strerror "The system cannot find the file specified. (os
        # error 2)"
        Pattern("(os error 2)", r'^\W{0,8}(?:\d{1,2}: )?"(?P<d>[\w.+/\\:-]{1,256})"(?: [^\n]{0,4000})? failed with (?:No such'
                r" file or directory|The system cannot find the file specified\.?) \(os error 2\)\s*$", accept),
        # the cc crate (cc-rs, a Rust build script compiling C): "Failed to find tool. Is `gcc` installed?", also
        # for the archiver ("Is `aarch64-linux-android-ar` installed?", maturin on Termux)
        Pattern("failed to find tool", r"Failed to find tool\. Is `(?P<d>[^`\s]{1,256})` installed\?", accept),
        # Open MPI's compiler wrappers (mpicc, mpicxx, mpifort) when the compiler they wrap is not on PATH: its help
        # text "The Open MPI wrapper compiler was unable to find the specified compiler\nx86_64-conda-linux-gnu-cc in
        # your PATH." (opal/tools/wrappers/help-opal-wrapper.txt; mpi4py with conda-forge's mpicc, b16-conda-pixi/13)
        Pattern("wrapper compiler was unable to find", r"The Open MPI wrapper compiler was unable to find the specified"
                r" compiler", accept, then=r"^\s*(?P<d>[^\s'\"`]{1,256}) in your PATH\.", within=1),
        # ... and cc >= 1.1's ToolNotFound, also in a warning of its compiler-family detection: 'failed to find tool
        # "clang": program not found' (ring on Windows ARM64, b14-ml-rust-cpp/04; cc-rs src/lib.rs)
        Pattern("failed to find tool", r"\bfailed to find tool %s(?P<d>[^\s\"'`«»‘’“”]{1,256})%s(?::|$)" % (OPEN, CLOSE),
                accept),
        # a setup.py that runs the program itself: the traceback's frame names the call, the exception (a few
        # frames of subprocess.py later) says the program is not there: FileNotFoundError: [WinError 2] (which
        # names no file) / [Errno 2], Python 2's WindowsError: [Error 2] / OSError: [Errno 2]
    ) + tuple(
        # (also through the script's own wrapper of the same name, and with the program in a variable named after
        # it: python-mapnik's check_output([mapnik_config, '--prefix']); or the whole command line in one, named
        # after the program: OpenSfM's check_call(cmake_command, cwd="cmake_build"), b19-windows-more/10)
        Pattern(call.lower() + "(", r"\b%s\(\s?(?P<list>\[\s?['\"]?)?(?P<d>[\w.+/\\:-]{1,256}?)"
                r"(?(list)['\"]?\s?[,\]]|_(?:command|cmd|cmdline|args|argv)\s?[,)])" % call, accept,
                then=ENOENT_EXCEPTION, within=12)
        for call in ("run", "call", "check_call", "check_output", "Popen")
    ) + (
        # ... or through its own helper named after the program, called with the program's arguments (pybullet's
        # setup.py: "extra_compile_args=pkgconfig('--cflags', 'bullet')", then WindowsError: [Error 2])
    ) + tuple(
        # (and "self.run_pkg_config('--cflags-only-I')": python-poppler-qt5's SIP 5 project.py on Windows,
        # b36-lib-lookups-2/21)
        Pattern(name + "(", r"\b(?:(?:run|call|exec|get)_)?(?P<d>%s)\(\s?['\"]-" % re.escape(name), accept,
                then=ENOENT_EXCEPTION, within=12,
                clean=lambda d: "pkg-config" if d.startswith("pkg") else d)
        for name in ("pkgconfig", "pkg_config", "cmake", "swig")
    ) + (
        # ... or that prints the command it runs, a Python list, before running it (OpenSfM's setup.py:
        # "['cmake', '../opensfm/src', ...]", then subprocess.check_call(cmake_command))
        Pattern("['", r"^\s*\[['\"](?P<d>[\w.+/\\:-]{1,256})['\"], ['\"]", accept, then=ENOENT_EXCEPTION, within=20),
        # ... or that says in its own words which command it could not run, then lets the exception through
        # (python-gphoto2's setup.py: 'ERROR: can not execute: "pkg-config --modversion libgphoto2"', then
        # "OSError: [Errno 2] No such file or directory")
        Pattern("execute", r"\b(?:can ?not|could not|couldn't|unable to|failed to) execute:? ['\"`]?(?P<d>%s)(?:['\"`\s]|$)"
                % NAME, accept, then=ENOENT_EXCEPTION, within=20),
        # a command line run through the shell (subprocess with shell=True: its CalledProcessError quotes a string,
        # not a list): exit status 127 is the shell's "command not found" for its first word
        Pattern("exit status 127", r"\bCommand %s(?P<d>[\w.+/-]{1,128})(?: [^'\"\n]{0,300})?%s returned non-zero exit"
                r" status 127\b" % (OPEN, CLOSE), accept),
        # ... and numpy.distutils' own report of it (its CCompiler_spawn: 'Command "%s" failed with exit status %d'):
        # 'error: Command "/.../_build_env/bin/llvm-ar rcs build/.../libnpymath.a ..." failed with exit status 127'
        # (numpy under a conda build environment on Apple silicon, b64-win-mac-4/11)
        Pattern("exit status 127", r'\bCommand "(?P<d>[\w.+/-]{1,512}?)(?: [^"\n]{0,4000})?" failed with exit status 127\b',
                accept, clean=lambda d: d.rsplit("/", 1)[-1]),
        # ... and a tool's own report of a command it ran through the shell, the program quoted alone: asciidoc's a2x
        # 'a2x: ERROR: "xsltproc"  --stringparam ... returned non-zero exit status 127' (ansible's man pages,
        # b54-programs-missing/21; a2x.py's shell_out quotes the program it found on its config)
        Pattern("exit status 127", r"\b(?:ERROR|Error|error): {1,3}['\"](?P<d>[\w.+/-]{1,128})['\"] [^\n]{0,2000}returned non-zero"
                r" exit status 127\b", accept),
        # coreutils' env that cannot start the program a script's shebang names ("#!/usr/bin/env node"): env.c's
        # error (EXIT_ENOENT, errno, "%s", quote (argv[0])), "/usr/bin/env: ‘node’: No such file or directory"
        # (newer coreutils quote it; older print "env: node: ..."; pythreejs' npm running webpack on Ubuntu's
        # nodejs package, b64-programs-6/07; sentencepiece's "env: pkg-config: ..." probe, b52's)
        Pattern("env: ", r"(?:^|[\s/])env: %s?(?P<d>%s)%s?: %s" % (OPEN, NAME, CLOSE, ENOENT), accept),
        # setuptools 84+, and any FileNotFoundError from subprocess
        Pattern("no such file or directory",
                r"\[Errno 2\] No such file or directory: %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE), accept),
        # POSIX shells: dash "sh: 1: gcc: not found", bash "gcc: command not found"
        Pattern(": not found", r"(?:^|[\s:/])(?P<d>[\w.+-]{1,128}): not found", accept),
        Pattern(": command not found", r"(?:^|[\s:/])(?<!make: )(?<!\]: )(?P<d>[\w.+-]{1,128}): command not found", accept),
        # ... GNU make's own "make: python-config: Command not found" (make[2]: ...), which it prints both for a
        # recipe's program (then "Error 127") and for a $(shell ...) expansion in a variable, which it goes on from
        # with an empty value (snowboy's swig/Python Makefile asking python-config for flags, then stopping on
        # swig, b58-programs-missing-3/06): the recipe's, which make's "Error 127" follows ("make: *** [x.cc] Error
        # 127", "make[2]: [all] Error 127 (ignored)"), is the failure; the other a probe, a later cause wins
        # (English: make's own catalogue is not among those the rules are generated from, and repeating bash's
        # translations here would double every program rule's patterns for a coincidence of words)
    ) + tuple(
        Pattern(": command not found", r"(?<![\w.-])(?:[\w.]{1,30}-)?g?make(?:\[\d{1,4}\])?: (?P<d>[\w.+-]{1,128}): command"
                r" not found", accept, probe=probe, then=None if probe else r"\bError 127\b", within=3)
        for probe in (False, True)
    ) + tuple(
        # bash in the languages of its catalogue ("gcc: orden no encontrada", nb "fant ikke kommando gcc")
        Pattern(needle, fragment.format(_PROGRAM), accept)
        for fragment, needle in _translated("bash.command_not_found")
    ) + (
        # gcc without its compiler proper: "cannot execute 'cc1plus': execvp: ..." (older gcc: "error
        # trying to exec"); where the catalogue translates the words, the quoted name and "execvp" stay
        Pattern("execvp", r"(?:cannot execute|error trying to exec|)\s?%s\s?(?P<d>%s)\s?%s: execvp:"
                % (OPEN, NAME, CLOSE), accept),
    ) + tuple(
        # ... and those that put the words after the name (de "»cc1plus« kann nicht ausgeführt werden")
        Pattern("execvp", _up_to_errno(fragment).format("(?P<d>%s)" % NAME, "execvp", **_QUOTED), accept)
        for fragment, _needle in _translated("gcc.cannot_execute") if fragment.startswith("{lq}")
    ) + (
        # GNU make running a recipe's program itself (no shell): "make: wget: No such file or directory" (its
        # "%s: %s" with glibc's strerror, in any language: "make: swig: Datei oder Verzeichnis nicht gefunden";
        # make 3.81 on macOS the same), "make[1]: ...", "gmake: ...", "mingw32-make: ..."
        Pattern("make", r"(?<![\w.-])(?:[\w.]{1,30}-)?g?make(?:\[\d{1,4}\])?: (?P<d>[\w.+/\\-]{1,128}): %s"
                % ENOENT, accept),
        # Windows cmd.exe
        Pattern("is not recognized as an internal or external command",
                r"%s(?P<d>%s)%s is not recognized as an internal or external command" % (OPEN, NAME, CLOSE), accept),
        # ... when the script ran a whole command line through the shell: '"krb5-config --cflags krb5"'
        Pattern("is not recognized as an internal or external command",
                r"'\"(?P<d>%s) [^'\"]{0,300}\"' is not recognized as an internal or external command" % NAME, accept),
    ) + tuple(
        # ... in Windows' other display languages (cmd.exe's message is no catalogue Debian ships)
        Pattern(needle, template.format(q=OPEN, name="(?P<d>%s)" % NAME), accept)
        for needle, template in _CMD_NOT_RECOGNIZED
    )


# cmd.exe's "'X' is not recognized as an internal or external command, operable program or batch file." in the
# display languages of Windows: (needle, regex with {q} a quote and {name} the program). The wordings are facts
# quoted by public text: logs in this repository (zh: sherpa-ncnn, b20-lang-pages/06; ru: onnx under MSBuild,
# b15-win-msvc/22), and, for the others, Microsoft Learn's translated pages (the C++ command-line walkthrough's
# "'cl' ..." note, Azure Dev Spaces' "'azds' ..." troubleshooting) and public READMEs and tests that quote
# the console. Quotes vary by language and version (German "cl", French 'cl' or ’cl’); Portuguese pastes from an
# OEM code page turn "não é" into "nÆo ‚"; Windows XP's German is "Der Befehl "X" ist entweder falsch
# geschrieben oder konnte nicht gefunden werden.", its Dutch leaves the name unquoted.
_CMD_NOT_RECOGNIZED = (
    ("不是内部或外部命令", r"{q}{name}{q}\s?不是内部或外部命令"),                                  # zh-Hans
    ("不是內部或外部命令", r"{q}{name}{q}\s?不是內部或外部命令"),                                  # zh-Hant
    ("не является внутренней или внешней", r"{q}{name}{q} не является внутренней или внешней"),     # ru
    ("wird nicht als interner oder externer befehl", r"{q}{name}{q} wird nicht als interner oder externer Befehl"),
    ("ist entweder falsch geschrieben oder", r"\bDer Befehl {q}{name}{q} ist entweder falsch geschrieben oder"),
    ("pas reconnu en tant que commande interne", r"{q}{name}{q} n.est pas reconnu en tant que commande interne"),
    ("no se reconoce como un comando interno", r"{q}{name}{q} no se reconoce como un comando interno"),      # es
    ("reconhecido como um comando interno", r"{q}{name}{q} n\S{{1,2}}o \S{{1,2}} reconhecido como um comando interno"),
    ("riconosciuto come comando interno", r"{q}{name}{q} non \S{{1,2}} riconosciuto come comando interno"),  # it
    ("内部コマンドまたは外部コマンド", r"{q}{name}{q}\s?は、内部コマンドまたは外部コマンド"),          # ja
    ("내부 또는 외부 명령", r"{q}{name}{q}은\(는\) 내부 또는 외부 명령"),                          # ko
    ("nie jest rozpoznawany jako polecenie", r"{q}{name}{q} nie jest rozpoznawany jako polecenie wewn"),   # pl
    ("wordt niet herkend als een interne", r"(?:^|\s){q}?{name}{q}? wordt niet herkend als een interne"),  # nl
    ("dış komut", r"{q}{name}{q} (?:bir )?iç (?:ya da|veya) dış komut"),                           # tr
    ("není názvem vnitřního ani vnějšího", r"{q}{name}{q} není názvem vnitřního ani vnějšího"),      # cs
)


def _translated(message: str, english: bool = False) -> Tuple[Tuple[str, str], ...]:
    """(regex fragment, needle) of each translated wording of a message in
    rules/_messages.py (generated from the tools' catalogues), and of the
    English msgid too with ``english``."""
    return tuple((fragment, needle) for fragment, needle, _langs in _translations(message, english))


def _translations(message: str, english: bool = False) -> Tuple[Tuple[str, str, Tuple[str, ...]], ...]:
    """(regex fragment, needle, languages) of each translated wording."""
    return tuple((fragment, needle, langs) for _text, fragment, needle, langs in _msg.MESSAGES[message]
                 if english or "C" not in langs)


def translated_patterns(message: str, *fills: str, **kwargs) -> Tuple[Pattern, ...]:
    """A Pattern for each translated wording of a gcc message with fields
    (rules/_messages.py): ``fills`` are the regexes of its arguments {0},
    {1}, ... in the English order; gcc's quotes may have a space inside
    (French) and a type's "{aka ...}" after them, in the language's words."""
    quotes = {"lq": OPEN + r"\s?", "rq": r"\s?" + CLOSE + r"(?: \{[^{}\n]{1,80}\})?"}
    return tuple(Pattern(needle, fragment.format(*fills, **quotes), **kwargs)
                 for fragment, needle in _translated(message))


def _english(message: str) -> Tuple[Tuple[str, str], ...]:
    """(regex fragment, needle) of the English msgid of a message."""
    return tuple((fragment, needle) for _text, fragment, needle, langs in _msg.MESSAGES[message] if "C" in langs)


def _alternation(*messages: str) -> str:
    """Every wording (English included) of fields-free messages, as one group."""
    return "(?:%s)" % "|".join(fragment for message in messages for fragment, _ in _translated(message, True))


def _up_to_errno(fragment: str) -> str:
    """A fragment cut before the strerror text (and the colon before it)."""
    head = fragment.split("{m}", 1)[0]
    for tail in (r"[:：]\s?", r"\s?"):
        head = head[:-len(tail)] if head.endswith(tail) else head
    return head


# A program a shell names: after a space, colon or slash, or at the start
_PROGRAM = r"(?<![^\s:/])(?P<d>[\w.+-]{1,128})"
# gcc's %qs quotes, whatever the language (French puts a no-break space inside)
_QUOTED = {"lq": r"%s\s?" % OPEN, "rq": r"\s?%s" % CLOSE}
# glibc's "No such file or directory" in every language
ENOENT = _alternation("libc.ENOENT")
# the other reasons a file cannot be opened (not a missing file)
_OTHER_ERRNOS = ("libc.EACCES", "libc.EPERM", "libc.EIO", "libc.EISDIR", "libc.ENOTDIR", "libc.EMFILE",
                 "libc.ENAMETOOLONG", "libc.ELOOP", "libc.ENOSPC", "libc.ENOMEM")


_ERRNO_FRAGMENTS = tuple((fragment, frozenset(in_langs)) for message in _OTHER_ERRNOS
                          for _text, fragment, _needle, in_langs in _msg.MESSAGES[message])


@lru_cache(maxsize=None)
def _not_enoent(langs: Tuple[str, ...]) -> str:
    """The other errnos' texts in these languages and in English, as one group."""
    wanted = frozenset(langs) | {"C"}
    return "(?:%s)" % "|".join(sorted({fragment for fragment, in_langs in _ERRNO_FRAGMENTS
                                       if not in_langs.isdisjoint(wanted)}))


# cpplib's "%s: %s" (file name, strerror): ": ", French " : ", CJK "："
_FILE_REASON = "(?:%s)" % "|".join(sorted({fragment.format("", "") for fragment, _ in
                                           _translated("cpplib.errno_filename", True)}))


# Headers of the C runtime and the Windows SDK: on Windows their absence means
# an incomplete Build Tools install (no Windows SDK / UCRT), not a library.
_WINDOWS_SDK_HEADERS = frozenset({
    "io.h", "stdio.h", "stdlib.h", "string.h", "stddef.h", "stdarg.h", "limits.h", "errno.h", "math.h", "time.h",
    "wchar.h", "ctype.h", "float.h", "assert.h", "malloc.h", "crtdbg.h", "corecrt.h", "vcruntime.h", "excpt.h",
    "sal.h", "basetsd.h", "windows.h", "winsock2.h", "ws2tcpip.h", "winapifamily.h", "sdkddkver.h", "rpc.h",
})


# the C++ standard library's headers (ISO C++'s [headers] table, C++98 to C++20), which MSVC keeps in its own toolset's
# include directory: cl without them runs outside a Visual Studio environment (INCLUDE unset: fairseq's libbleu.cpp
# asking for <map>, tiny-cuda-nn's fmt for <algorithm>, both with MSVC's Chinese C1083, b63-languages-3/01, /06)
_CXX_STANDARD_HEADERS = frozenset("""
    algorithm any array atomic bit bitset cassert cctype cerrno cfenv cfloat charconv chrono cinttypes climits clocale
    cmath codecvt compare complex concepts condition_variable csetjmp csignal cstdarg cstddef cstdint cstdio cstdlib
    cstring ctime cuchar cwchar cwctype deque exception execution filesystem format forward_list fstream functional
    future initializer_list iomanip ios iosfwd iostream istream iterator limits list locale map memory memory_resource
    mutex new numbers numeric optional ostream queue random ranges ratio regex scoped_allocator set shared_mutex
    source_location span sstream stack stdexcept streambuf string string_view system_error thread tuple type_traits
    typeindex typeinfo unordered_map unordered_set utility valarray variant vector version
""".split())


def is_msvc_own_header(detail: str) -> bool:
    """A header of the C runtime, the Windows SDK or MSVC's C++ standard library: none is a library's."""
    return is_windows_sdk_header(detail) or detail.replace("\\", "/").lower() in _CXX_STANDARD_HEADERS


def is_windows_sdk_header(detail: str) -> bool:
    # (POSIX's sys/time.h is not the C runtime's time.h: graphkernels under VC 9.0, b44-cpp-cuda-ext-7/25)
    path = detail.replace("\\", "/").lower()
    return header_name(detail) in _WINDOWS_SDK_HEADERS and not path.startswith(("sys/", "linux/", "machine/"))


# import libraries of the Windows SDK (um, ucrt) and of the MSVC runtime that every link of a program or an
# extension needs: LINK's default libraries and setuptools' own
_WINDOWS_SDK_LIBS = frozenset({
    "kernel32.lib", "user32.lib", "gdi32.lib", "advapi32.lib", "shell32.lib", "ole32.lib", "oleaut32.lib",
    "uuid.lib", "comdlg32.lib", "winspool.lib", "ws2_32.lib", "ucrt.lib", "libucrt.lib", "ucrtd.lib",
    "msvcrt.lib", "libcmt.lib", "oldnames.lib", "vcruntime.lib", "libvcruntime.lib", "msvcprt.lib",
    "libcpmt.lib",
})


def is_windows_sdk_lib(detail: str) -> bool:
    return detail.replace("\\", "/").rsplit("/", 1)[-1].lower() in _WINDOWS_SDK_LIBS


def ld_cannot_find(program: str, name: str) -> Tuple[Tuple[str, str], ...]:
    """(regex, needle) of GNU ld's translated "%P: cannot find %s[: %E]", the
    program and the name (a regex with group ``d``) filled in, cut before the reason."""
    seen: Dict[str, str] = {}
    for message in ("ld.cannot_find", "ld.cannot_find_bare"):
        for fragment, needle in _translated(message):
            seen.setdefault(_up_to_errno(fragment).format(name, P=program), needle)
    return tuple(sorted(seen.items()))


_FILE = "[^\\s:：'‘’\"]{1,256}"
# MSVC's C1083 in any language of its UI, the file quoted or not: German "Datei (Include) kann nicht geöffnet
# werden: "mysql.h"" (also with ö shown as ” in a console's code page), Chinese "无法打开包括文件: “io.h”"
# (and with its quotes turned to U+FFFD by a page that read GBK as UTF-8: "��io.h��"; French "include : 'io.h' :")
# French puts a no-break space before a colon, which a console's code page 850 shows as ÿ when read as Latin-1
# ("include\u00ff: 'stdio.h'\u00ff: No such file", pyedflib, b14-lang-musl-mobile/07)
MSVC_C1083 = (r"\bC1083\s?: [^:：\n]{1,80}[:：] ?[%s\"“”„\ufffd]{0,2}(?P<d>[\w.+/\\-]{1,256}?)[%s\"“”\ufffd]{0,2}"
              r"[ \u00a0\u202f\u00ff]?[:：]"
              r"(?: |\s*$)" % (_QUOTES, _QUOTES))


def _known(accept: Callable[[str], bool]) -> Callable[[str], bool]:
    """``accept``, for a header Python, the Windows SDK, a Python package (numpy's, pybind11's) or a row of the
    package table provides."""
    def known(detail: str) -> bool:
        if not accept(detail):
            return False
        name = header_name(detail)
        if name in PYTHON_HEADERS or name in REMOVED_PYTHON_HEADERS or name in _WINDOWS_SDK_HEADERS:
            return True
        if is_python_package_header(detail):  # (gcc < 4.5's plain "error: numpy/arrayobject.h: No such file ...",
            return True                       # freenect's wrapper, b59-cpp-bindings/13)
        from pip_explain.enrich.packages import library_ships_header

        return library_ships_header(detail)

    return known


def missing_header(accept: Callable[[str], bool]) -> Tuple[Pattern, ...]:
    """The ways a compiler says "#include <X>: not found"."""
    return (
        # gcc (all locales print the file name bare)
        Pattern("no such file or directory",
                r"fatal error: (?P<d>[^\s:'‘’\"]+): No such file or directory", accept),
        # gcc whose catalogue lacks "fatal error" (pt_BR, it: "fatal error: x.h: Arquivo ou diretório
        # inexistente"), or glibc's lacks the strerror text
    ) + tuple(
        Pattern(needle, r"%s(?P<d>%s)%s%s" % (fatal, _FILE, _FILE_REASON, ENOENT), accept)
        for fatal, needle in _english("gcc.fatal_error")
    ) + tuple(
        # gcc's translated "fatal error" with a reason in any words (glibc's catalogue or not: "error
        # fatal: longintrepr.h: File does not exist") but another errno's, in that language or English
        Pattern(needle, r"%s(?P<d>%s)%s(?!%s)\S" % (fatal, _FILE, _FILE_REASON, _not_enoent(langs)), accept)
        for fatal, needle, langs in _translations("gcc.fatal_error")
    ) + (
        # gcc's English "fatal error" with a reason in words no catalogue has (a reporter's own translation of
        # strerror, "fatal error: portmidi.h: There is no file or directory", pyo, b23-niche-domains/19) or in a
        # language glibc's catalogue lacks: gcc stops on a header only when it cannot open it, and says
        # "compilation terminated." right after the line (and its caret lines)
        Pattern("fatal error: ", r"\bfatal error: (?P<d>[^\s:'‘’\"*]{1,200}\.(?:h|hh|hpp|hxx|inc)): (?!No such file or"
                r" directory|Permission denied)[^\n]{2,120}$", accept,
                then=r"^\W{0,4}compilation terminated\.", within=3),
        # gcc < 4.5 reported a missing #include as a plain error (cpplib's open_file_failed, CPP_DL_ERROR):
        # "src/MD2.c:31:20: error: Python.h: No such file or directory"
        Pattern("no such file or directory",
                r":\d+(?::\d+)?: error: (?P<d>[^\s:'‘’\"]+): No such file or directory", _known(accept)),
        # ... gcc's line cut by the reporter after "No such file or", the #include echoed under it (pydensecrf on a
        # Red Hat-style Python, b40-cpp-cuda-ext-4/14)
        Pattern("no such file or", r"fatal error: (?P<d>[^\s:'‘’\"]+): No such file or\s*$", accept,
                then=r"^\s*(?:\d{1,7} \| )?#\s*include\b", within=1),
        # ... or only the #include the compiler echoed under its error, with the caret line (gcc's and clang's
        # source echo), the error line itself left out of the paste: memory_allocator 0.1.1 in Sage's spkg build,
        # "[memory_allocator-0.1.1]       #include "longintrepr.h"" then the carets, then "1 error generated."
        # (b52-package-builders-7/10). A compiler echoes an #include line and marks it only when it cannot open the
        # file. Weak: any other line that names a cause wins
        Pattern("include", r"^\s*(?:\[[^\]\n]{1,60}\]\s{1,8})?(?:\d{1,7} \| )?#\s*include\s*[<\"](?P<d>[\w./+-]{1,200})[>\"]\s*$",
                accept, then=r"^\s*(?:\[[^\]\n]{1,60}\]\s{1,8})?(?:\| )?\s*\^~{0,200}\s*$", within=1, weak=True),
        # clang
        Pattern("file not found", r"fatal error: %s(?P<d>%s)%s file not found" % (OPEN, NAME, CLOSE), accept),
        # ... or after the header's name ("fatal error: 'openssl/aes.h'" / "      file not found": scrypt 0.8.0 under
        # easy_install on macOS, b34-old-pip-longtail-5/06)
        Pattern("fatal error:", r"fatal error: %s(?P<d>%s)%s\s*$" % (OPEN, NAME, CLOSE), accept,
                then=r"^\s*file not found\s*$", within=1),
        # ... its line wrapped by a terminal after "fatal error:" (clang's err_pp_file_not_found on the next line)
        Pattern("fatal error:", r"fatal error:\s*$", accept,
                then=r"^\s*%s(?P<d>%s)%s file not found" % (OPEN, NAME, CLOSE), within=1),
        # ... and clang's error (not fatal) for an <angled> include it found only beside the source, in the quoted
        # search path: "pydeep.c:2:10: error: 'fuzzy.h' file not found with <angled> include; use "quotes" instead"
        # (pydeep on OS X, b37-old-pip-longtail-8/01): the system's include path has no such header; a library's only
        # (a package's own header wrongly included in angles is its bug)
        Pattern("file not found with <angled>", r"error: %s(?P<d>%s)%s file not found with <angled> (?:include|import)"
                % (OPEN, NAME, CLOSE), _known(accept)),
        # MSVC C1083
        Pattern("cannot open include file",
                r"Cannot open include file: %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE), accept),
        # (in other words than English, only headers the package table knows: a project's own header missing
        # from a checkout is no library to install)
        Pattern("c1083", MSVC_C1083, _known(accept)),
        # meson's has_header(..., required: true): "ERROR: C header 'pari/pari.h' not found" (mesonbuild's
        # interpreter/compiler.py; cypari2's meson.build checks PARI's header before its library, live batch 18)
        Pattern("header", r"\bERROR: (?:C|C\+\+|Objective-C|Objective-C\+\+) header '(?P<d>[^'\n]{1,200})' not found", accept),
        # Intel, nvcc
        Pattern("cannot open source file", r"cannot open source file %s(?P<d>%s)%s" % (OPEN, NAME, CLOSE), accept),
    )


_HEADER = re.compile(r"[\w+./-]+\.(?:h|hh|hpp|hxx|h\+\+|inc|tcc)", re.IGNORECASE)
PYTHON_HEADERS = frozenset({"python.h", "pyconfig.h", "structmember.h", "patchlevel.h"})
# Headers of CPython's public include directory that a later release no longer
# has there (moved to cpython/ or internal/, or removed), with the first release
# without them: a build that includes one by its old name has sources that
# predate this Python. Read from the include/ directories of CPython 2.7.18 and
# 3.6.15 ... 3.13.0 (tests/test_knowledge.py compares it with the Pythons it finds).
PYTHON_HEADERS_GONE = {
    # Python 2's own (pyatomic.h, gone from 3.8 to 3.12, is back in 3.13: not listed)
    "bufferobject.h": (3, 0), "cstringio.h": (3, 0), "cobject.h": (3, 0), "intobject.h": (3, 0),
    "pymactoolbox.h": (3, 0), "stringobject.h": (3, 0), "timefuncs.h": (3, 0),
    "pygetopt.h": (3, 7),
    "accu.h": (3, 8), "metagrammar.h": (3, 8), "pgen.h": (3, 8), "pgenheaders.h": (3, 8),
    "bytes_methods.h": (3, 9), "dtoa.h": (3, 9),
    "python-ast.h": (3, 10), "asdl.h": (3, 10), "ast.h": (3, 10), "bitset.h": (3, 10), "graminit.h": (3, 10),
    "grammar.h": (3, 10), "node.h": (3, 10), "odictobject.h": (3, 10), "parsetok.h": (3, 10),
    "picklebufobject.h": (3, 10), "pyarena.h": (3, 10), "pyctype.h": (3, 10), "pydebug.h": (3, 10),
    "pyfpe.h": (3, 10), "pytime.h": (3, 10), "symtable.h": (3, 10), "ucnhash.h": (3, 10),
    "cellobject.h": (3, 11), "classobject.h": (3, 11), "code.h": (3, 11), "context.h": (3, 11),
    "eval.h": (3, 11), "funcobject.h": (3, 11), "genobject.h": (3, 11), "longintrepr.h": (3, 11),
    "namespaceobject.h": (3, 11), "pystrhex.h": (3, 11),
    "token.h": (3, 12),
    "interpreteridobject.h": (3, 13), "tracemalloc.h": (3, 13),
}
# Names no other project uses for a header of its own: their absence alone tells. The others (ast.h,
# token.h, code.h, ...) tell only in a log that shows a Python at or past the release without them
# (a ruling: :data:`pip_explain.rules._knowledge.RULINGS`).
_GENERIC_HEADER_NAMES = frozenset({"accu.h", "asdl.h", "ast.h", "bitset.h", "code.h", "context.h", "dtoa.h",
                                   "grammar.h", "node.h", "pgen.h", "symtable.h", "timefuncs.h", "token.h",
                                   "tracemalloc.h"})
REMOVED_PYTHON_HEADERS = frozenset(h for h in PYTHON_HEADERS_GONE if h not in _GENERIC_HEADER_NAMES)
# Headers that belong to Python packages (a build requirement), not to the OS: PyTorch's include directory also
# holds ATen/, c10/ (and c10d/ before 1.8), caffe2/; TensorFlow's tensorflow/ (tf.sysconfig.get_include()). A
# custom op's build that misses one has a framework release other than its sources' or no include path to it
# (fastmoe's c10d/ProcessGroupNCCL.hpp, TF ops' tensorflow/stream_executor/lib/status.h: b49-cpp-cuda-ext-12/05, /40)
_PYTHON_PACKAGE_PREFIXES = ("numpy/", "pybind11/", "nanobind/", "cython", "torch/", "pythran/", "aten/", "c10/", "c10d/",
                            "caffe2/", "tensorflow/",
                            # CPython's own headers under its include directory (3.8+: cpython/initconfig.h, asked for
                            # by cpython/pystate.h when the compile lacks -I<python include>: LinuxCNC's configure test,
                            # b52-lib-lookups-6/18)
                            "cpython/")


# Headers a library's newer releases no longer install, with the release that removed them (the projects'
# release notes): a build that includes one has sources older than the library it meets, and installing
# the library's current development package does not bring the header back.
LIBRARY_HEADERS_GONE = {
    "proj_api.h": ("PROJ", "8.0"),  # PROJ 8.0.0 NEWS: the deprecated proj_api.h API removed
    "xlocale.h": ("glibc", "2.26"),  # glibc 2.26 NEWS: the nonstandard <xlocale.h> removed
    "libio.h": ("glibc", "2.28"), "_g_config.h": ("glibc", "2.28"),  # glibc 2.28 NEWS
    "ustat.h": ("glibc", "2.28"), "sys/ustat.h": ("glibc", "2.28"),  # glibc 2.28 NEWS: ustat removed
    "sys/sysctl.h": ("glibc", "2.32"),  # glibc 2.32 NEWS: <sys/sysctl.h> and sysctl() removed
    "libavresample/avresample.h": ("FFmpeg", "5.0"),  # FFmpeg 5.0 dropped libavresample
    "opencv/cv.h": ("OpenCV", "4.0"), "opencv/highgui.h": ("OpenCV", "4.0"),  # OpenCV 4.0: no opencv/ C API
    "opencv/cxcore.h": ("OpenCV", "4.0"), "opencv/cv.hpp": ("OpenCV", "4.0"),
    "linux/videodev.h": ("Linux", "2.6.38"),  # the kernel's V4L1 API, removed in 2.6.38
    # PyTorch 1.11's release notes: the legacy THC library removed (its umbrella header with it); CUDA extensions
    # written for older releases still include it (DCNv2 under torch 2.2, b36-cpp-cuda-ext/14)
    "thc/thc.h": ("PyTorch", "1.11"),
    # SUNDIALS 7.0 removed the deprecated direct-solver interface headers (its maintainer's answer in bmcage/odes#178:
    # one of the breaking changes between 6 and 7; scikits.odes' Cython sources included it, b52-cpp-cuda-ext-15/10)
    "cvode/cvode_direct.h": ("SUNDIALS", "7.0"),
    # wlroots 0.17 dropped the idle protocol's header (replaced by ext-idle-notify-v1); qtile's cffi sources written
    # for 0.16 include it (qtile#4850; b53-frontends-ci-2026/02, /03)
    "wlr/types/wlr_idle.h": ("wlroots", "0.17"),
}


# ... and libraries a project stopped building, by the name a linker is asked for (-lX)
LIBRARIES_GONE = {
    "ldap_r": ("OpenLDAP", "2.5"),  # OpenLDAP 2.5: libldap_r merged into libldap
    "avresample": ("FFmpeg", "5.0"),  # FFmpeg 5.0 dropped libavresample
    "boost_signals": ("Boost", "1.69"),  # Boost 1.69: Signals (v1) removed
    "g2c": ("GCC", "4.0"),  # g77's runtime, gone with g77 (gfortran's is libgfortran)
    "opencv_legacy": ("OpenCV", "3.0"), "opencv_gpu": ("OpenCV", "3.0"),  # OpenCV 3.0: legacy, gpu -> cuda*
    # OpenEXR 3.0 (its porting guide): libHalf moved into Imath (libImath), libIlmImf renamed libOpenEXR
    # (OpenEXR 1.3.9's setup.py linking the 2.x names, b31-unseen-libs-2/05)
    "half": ("OpenEXR", "3.0"), "ilmimf": ("OpenEXR", "3.0"),
}


def library_header_gone(detail: str) -> Optional[Tuple[str, str]]:
    """(library, the release that removed it) for a header its library no longer installs, else None."""
    if not is_header(detail):
        return None
    return LIBRARY_HEADERS_GONE.get(detail.replace("\\", "/").lower())


def library_file_gone(detail: str) -> Optional[Tuple[str, str]]:
    """:func:`library_header_gone`, or the same for a library a linker looked for ("ldap_r", "-lldap_r",
    "libldap_r.so", "ldap_r.lib")."""
    gone = library_header_gone(detail)
    if gone is not None:
        return gone
    name = detail.strip("'\"`‘’").replace("\\", "/").rsplit("/", 1)[-1].lower()
    name = name[2:] if name.startswith("-l") else name
    name = re.sub(r"(?:\.so(?:\.[\d.]{1,20})?|\.a|\.lib|\.dylib)$", "", name)
    if name.startswith("lib") and name[3:] in LIBRARIES_GONE:
        name = name[3:]
    return LIBRARIES_GONE.get(name)


def header_name(detail: str) -> str:
    return detail.replace("\\", "/").rsplit("/", 1)[-1].lower()


def is_header(detail: str) -> bool:
    """An include name (Windows' backslashes read as slashes: SWIG and MSVC print them), not an absolute or
    relative path."""
    detail = detail.replace("\\", "/")
    return bool(detail) and _HEADER.fullmatch(detail) is not None and not detail.startswith(("/", "."))


def _is_table_header(detail: str) -> bool:
    from pip_explain.enrich.packages import CXX_STANDARD_HEADERS

    if detail in CXX_STANDARD_HEADERS:  # C++'s own of C++98/11 (rules/_knowledge.py rules them out but on Linux)
        return True
    if not re.fullmatch(r"[A-Za-z][\w+-]{0,63}(?:/[A-Za-z][\w+-]{0,63}){1,2}", detail.replace("\\", "/")):
        return False
    from pip_explain.enrich.packages import row_for_header

    return row_for_header(detail) is not None


def is_python_header(detail: str) -> bool:
    return is_header(detail) and header_name(detail) in PYTHON_HEADERS


def is_removed_python_header(detail: str) -> bool:
    return is_header(detail) and "/" not in detail.replace("\\", "/") and header_name(detail) in REMOVED_PYTHON_HEADERS


def python_header_gone_in(detail: str) -> Optional[Tuple[int, int]]:
    """The first CPython without this header in its include directory (None: not one of CPython's)."""
    if not is_header(detail) or "/" in detail.replace("\\", "/"):
        return None
    return PYTHON_HEADERS_GONE.get(header_name(detail))


# numpy's headers asked for without their numpy/ directory (an include path that points into numpy/core/include/numpy:
# alpha-zero's build.sh and includes.h' "arrayobject.h", b50-cpp-cuda-ext-13/32); no library ships these names
_NUMPY_BARE_HEADERS = frozenset({"arrayobject.h", "ndarrayobject.h", "ndarraytypes.h", "ufuncobject.h", "npy_common.h",
                                 "npy_math.h", "arrayscalars.h", "npy_3kcompat.h", "_numpyconfig.h", "numpyconfig.h"})


def is_python_package_header(detail: str) -> bool:
    """numpy/arrayobject.h, pybind11/pybind11.h: a header a Python package ships (a build requirement's)."""
    path = detail.replace("\\", "/").lower()
    return is_header(detail) and (path.startswith(_PYTHON_PACKAGE_PREFIXES) or path.strip("'\"<> ") in _NUMPY_BARE_HEADERS)


def is_library_header(detail: str) -> bool:
    if not is_header(detail):
        # a header without an extension is C++'s own (<string_view>, <format>: a compiler too old for the
        # sources) unless the package table names its library: Eigen's <Eigen/Dense> (pygalmesh, live batch 23)
        return _is_table_header(detail)
    name = header_name(detail)
    if name in PYTHON_HEADERS or name in REMOVED_PYTHON_HEADERS:
        return False
    if name.startswith("pycore_"):
        # CPython's own internal headers (Include/internal/pycore_*.h), which no library ships: missing, the Python
        # is older or newer than the sources or its install lacks them (CPython 3.8.0's Windows installer,
        # debugpy's wheel build, b71-dev-hooks-1/09) -- not a package to install
        return False
    if name == "config.h" and "/" not in detail.replace("\\", "/"):
        return False  # a project's own generated config.h; under a directory, a library's (libfreenect2/config.h)
    return not detail.lower().startswith(_PYTHON_PACKAGE_PREFIXES) and name not in _NUMPY_BARE_HEADERS


is_fortran_compiler = _program_is(r"gfortran|f77|f90|f95|g77|g95|flang|flang-new|ifort|ifx|nvfortran|pgfortran")
is_cmake = _program_is(r"cmake")
# CUDA's compiler: the toolkit, which no taxonomy cause names (PX095, cause `other`)
is_nvcc = _program_is(r"nvcc(?:\.exe)?")
# Programs a build runs that are neither compilers nor a library's config tool.
BUILD_TOOLS = (
    "ninja", "ninja-build", "meson", "swig", "swig2.0", "swig3.0", "swig4.0", "make", "gmake", "nmake", "autoconf",
    "autoreconf", "automake", "aclocal", "libtool", "libtoolize", "m4", "bison", "yacc", "flex", "lex",
    "nasm", "yasm", "patch", "git", "hg", "svn", "protoc", "gperf", "patchelf", "scons", "bazel",
    # Java's build programs, which JVM bridges' builds run for their .jar (pyjnius' Makefile runs ant,
    # b55-programs-missing-2/01); the JDK itself (java, javac) is not a build program here (TAXONOMY: other)
    "ant", "mvn", "gradle",
    # Boost.Build (b2, bjam before it), which libtorrent's bindings/python/setup.py runs to build the module
    # ("error: [Errno 2] No such file or directory: 'b2'", b67-app-trackers-2/10)
    "b2", "bjam",
    "ar", "ranlib", "ld", "go",
    # SIP 4's code generator (distributions' sip4 / python3-sip-dev; SIP 5 and 6 have no program of that name, their
    # sip-build comes with the sip package from the index): PyKDL's CMake rule running /usr/bin/sip, b52-cpp-cuda-ext-15/17
    "sip",
    # Debian's helpers that debhelper's python_distutils build system runs (python-defaults' pyversions, py3versions)
    "pyversions", "py3versions",
    # the .NET SDK's driver, which pythonnet's and clr-loader's builds spawn ("dotnet build ..."; live batch 17)
    "dotnet",
    # Node.js and its package managers, which some builds run for a JavaScript part (PythonMonkey's pminit: "It
    # appears npm is not installed on this system.", b28-missing-programs/11)
    "npm", "node", "yarn", "pnpm",
    # ... and Bower, the front-end package manager older notebook-era packages' setup.py ran for their JavaScript
    # (bqplot 0.x's "js" step: "Failed to run bower: [Errno 2] No such file or directory: 'bower'",
    # b67-programs-7/01); installed with npm (npm install -g bower)
    "bower",
    # the document converter that setup scripts run for their long description (pypandoc's "No pandoc was found",
    # b46-lib-lookups-3/13, 14)
    "pandoc",
    # documentation generators a configure script requires for a binding's docs: xapian-bindings 1.4's "configure:
    # error: sphinx-build is required to build python documentation" (Homebrew, b53-lib-lookups-7/08)
    "sphinx-build", "doxygen",
    # generators of data files a setup script runs before packaging them: GNU gettext's message compilers (the .mo
    # files of translations; Django's compilemessages runs msgfmt), intltool's (GNOME's .desktop / .xml merging),
    # libxslt's xsltproc and libxml2's xmllint (man pages from DocBook), man-page and manual converters, and Qt's and
    # PyQt's / PySide's compilers of .ts, .qrc and .ui files (lrelease, rcc, uic, pyrcc5, pyuic5); b54-programs-missing
    "msgfmt", "msgmerge", "xgettext", "msginit", "intltool-update", "intltool-merge", "intltool-extract", "xsltproc",
    "xmllint", "help2man", "rst2man", "rst2man.py", "asciidoc", "a2x", "asciidoctor", "xmlto", "itstool",
    # Texinfo's converter, which setup scripts run for an info manual (ponysay's setup.py: "sh: makeinfo: command not
    # found", b67-programs-7/04)
    "makeinfo", "texi2any",
    "glib-compile-resources", "glib-compile-schemas", "glib-mkenums", "glib-genmarshal",
    # GNOME's Blueprint compiler of GTK UI files (.blp to .ui), which meson builds of GTK 4 applications run
    # (b67-programs-7/09)
    "blueprint-compiler",
    "lrelease", "lupdate", "lrelease-qt5", "lrelease-qt4", "lrelease-qt6", "rcc", "uic", "moc",
    "pyrcc4", "pyrcc5", "pyuic4", "pyuic5", "pylupdate4", "pylupdate5", "pyside-rcc", "pyside-uic", "pyside2-rcc",
    "pyside2-uic", "pyside6-rcc", "pyside6-uic",
    # JavaScript bundlers a theme's or a web UI's setup script runs (installed by npm into node_modules/.bin)
    "webpack", "npx", "gulp", "grunt",
)
_BUILD_TOOLS = frozenset(BUILD_TOOLS)


# binutils' tools, with a cross prefix too (aarch64-linux-android-ar, x86_64-w64-mingw32-dlltool) or LLVM's
# (llvm-dlltool: the import libraries pyo3-ffi makes for Windows, b44-rust-maturin/08)
_ARCHIVERS = ("ar", "ranlib", "ld", "dlltool", "strip")  # (eu-strip: elfutils')


def is_build_tool(detail: str) -> bool:
    name = program(detail).lower()
    return name in _BUILD_TOOLS or name.rsplit("-", 1)[-1] in _ARCHIVERS


def is_python_config(detail: str) -> bool:
    """python3-config, python3.12-config: installed with Python's headers."""
    return re.fullmatch(r"python[\d.]*m?-config", program(detail).lower()) is not None


def is_config_tool(detail: str) -> bool:
    """pg_config, mysql_config, curl-config, xslt-config, ... and pkg-config."""
    name = program(detail).lower()
    if name in ("pkg-config", "pkgconf", "pkgconfig", "apxs", "apxs2") or name.endswith("-pkg-config"):
        return True  # (apxs: Apache's, which mod_wsgi asks for its headers and flags)
    if name in ("qmake", "qmake-qt5", "qmake-qt4", "qmake6", "qmake-qt6"):
        return True  # Qt's, which sip / PyQt's builds query for Qt's directories (qmake -query)
    return (name.endswith(("-config", "_config")) and len(name) > 7
            and re.fullmatch(r"[a-z][a-z0-9_+.-]*", name) is not None)


# Modules the standard library lost: code that imports them predates this
# Python (distutils has its own cause).
REMOVED_MODULES = {
    "imp": "3.12", "asynchat": "3.12", "asyncore": "3.12", "smtpd": "3.12",
    "aifc": "3.13", "audioop": "3.13", "cgi": "3.13", "cgitb": "3.13", "chunk": "3.13", "crypt": "3.13",
    "imghdr": "3.13", "mailcap": "3.13", "msilib": "3.13", "nis": "3.13", "nntplib": "3.13",
    "ossaudiodev": "3.13", "pipes": "3.13", "sndhdr": "3.13", "spwd": "3.13", "sunau": "3.13",
    "telnetlib": "3.13", "uu": "3.13", "xdrlib": "3.13", "lib2to3": "3.13",
    # Python 2 names: sources that were never ported
    "urllib2": "3.0", "urlparse": "3.0", "ConfigParser": "3.0", "StringIO": "3.0", "cPickle": "3.0",
    "commands": "3.0", "httplib": "3.0", "Queue": "3.0", "__builtin__": "3.0", "cStringIO": "3.0",
}


def top_module(name: str) -> str:
    return name.split(".", 1)[0]


def is_removed_module(name: str) -> bool:
    return top_module(name) in REMOVED_MODULES


# Modules an interpreter has or lacks by how it was built: their absence is
# not a build requirement to install.
_STDLIB_EXTENSIONS = frozenset({
    "_ctypes", "_ssl", "ssl", "_sqlite3", "sqlite3", "_bz2", "bz2", "_lzma", "lzma", "zlib", "_tkinter",
    "tkinter", "readline", "_curses", "curses", "_dbm", "_gdbm", "_uuid", "_hashlib", "pyexpat", "_decimal",
    "binascii", "_socket", "select", "_posixsubprocess", "math", "_struct", "_json", "_pickle", "_ctypes_test",
})


def is_build_requirement(name: str) -> bool:
    """A module a build imported that a build requirement provides. Not the
    tools the index wraps as modules (cmake, ninja, swig): "No module named
    'swig'" comes from a stale swig script, not from the build's imports."""
    top = top_module(name)
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", top) or top in _STDLIB_EXTENSIONS:
        return False
    if top in _BUILD_TOOLS or top == "cmake":
        return False
    return top != "distutils" and top not in REMOVED_MODULES


# The families of CPython's C API: an undeclared or changed name of these
# means the sources were written for another Python (Py2-only families too).
_CAPI_FAMILIES = (
    "Unicode|Long|Int|String|Bytes|ByteArray|Float|Complex|Bool|Tuple|List|Dict|Set|FrozenSet|Slice|Object|"
    "Type|Module|Import|Eval|Frame|Code|ThreadState|InterpreterState|Interpreter|Thread|Err|Exc|Exception|"
    "Gen|Coro|AsyncGen|CFunction|Method|Function|Instance|Class|CObject|Capsule|File|Buffer|Number|"
    "Sequence|Mapping|Iter|Run|Arg|Weakref|Cell|Descr|StructSequence|Sys|Mem|OS|Traceback|Context|Config|"
    "PreConfig|Status|Hash|Time|Vectorcall|Cell|Memory|MemoryView|Callable|Compile|Parser|Node|Token|AST"
)
# (names starting with _Py are CPython's private API, whatever follows)
CAPI_NAME = r"(?:_Py[A-Z_]\w*|Py(?:_\w+|(?:%s)(?:_\w*)?|(?:%s)Object))" % (_CAPI_FAMILIES, _CAPI_FAMILIES)
# CPython's structs as gcc and clang name them (3.11's "struct _PyCFrame", whose use_tracing 3.12 removed:
# MACS2's Cython-generated Prob.c under clang, b59-science-4/02)
CAPI_STRUCT = (r"(?:struct )?_(?:ts|is|frame|longobject|err_stackitem|typeobject|object|code|interpreter_frame|cframe"
               r"|PyCFrame)")


# Download programs a build's own scripts run (a Makefile's "wget -N URL", a setup.py's curl): programs the
# build needs like the BUILD_TOOLS, kept apart from them because the index also has Python modules of these
# names (a setup.py's "import wget" is a build requirement, not this program).
FETCH_TOOLS = ("wget", "curl")


def is_fetch_tool(detail: str) -> bool:
    return program(detail).lower() in FETCH_TOOLS


def is_build_or_fetch_tool(detail: str) -> bool:
    """A program a build runs that build-tool-missing names: BUILD_TOOLS and FETCH_TOOLS."""
    return is_build_tool(detail) or is_fetch_tool(detail)


def is_msvc_link_helper(detail: str) -> bool:
    """The Windows SDK's programs link.exe runs itself (LNK1158 "cannot run 'rc.exe'"): the resource
    compiler rc.exe, the manifest tool mt.exe, cvtres.exe (older toolsets)."""
    return program(detail).lower() in ("rc", "mt", "cvtres")


# what PEP 667 changed in 3.13 (rules/python.py's PX014 names it; rules/_knowledge.py keeps it to logs of 3.13+)
EXEC_LOCALS = "exec() writing into a function's locals()"
