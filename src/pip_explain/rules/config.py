"""A library's configuration data is missing (PX031): its config program
(pg_config, mysql_config, curl-config, ...), pkg-config itself, or the
library's pkg-config / CMake package files, which come with its -dev package."""
import re
from typing import Optional
from dataclasses import replace

from pip_explain.enrich.fixes import Context, install, install_command, quote, search_hint
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import CLOSE, NAME, OPEN, PY2_SPAWN_ENOENT, is_build_tool, is_config_tool, missing_program, program

# Dependencies that are Python packages or Python itself: not a system library.
_NOT_A_LIBRARY = re.compile(r"(?:python\d*(?:[.-]\S*)?|pythonlibs|pythoninterp|nanobind|torch|numpy"
                            r"|cython|scikit-build|threads|openmp\w*)", re.IGNORECASE)


def _is_library(name: str) -> bool:
    return bool(name) and _NOT_A_LIBRARY.fullmatch(name) is None


def _is_cmake_library(name: str) -> bool:
    """A library's CMake package, not a Python package's (nanobind, Torch, scikit-build's Cython, NumPy, F2PY and
    PythonExtensions modules) nor CMake's own Python ones (pybind11's is also a distribution's -dev package's)."""
    return (_is_library(name) and name not in ("nanobind", "Torch", "Cython", "NumPy", "F2PY")
            and not name.lower().startswith("python"))


def _is_config_program(name: str) -> bool:
    return is_config_tool(name) and not program(name).lower().startswith("python")


def _is_known_pkgconfig(name: str) -> bool:
    from pip_explain.enrich.packages import packages_for_pkgconfig

    return bool(packages_for_pkgconfig(name))


def _pkgconfig_name(name: str) -> str:
    return "pkg-config" if name.lower() in ("pkgconfig", "pkg-config", "pkgconf") else name


_CONFIG = r"(?P<d>[\w.+-]{1,128}[-_]config)"


def _with(package: Optional[str], also: Optional[str]) -> Optional[str]:
    """``package`` and ``also`` in one install command (``also`` alone is not asked for)."""
    return package + " " + also if package and also and also not in package.split() else package


def _fix(ctx: Context):
    from pip_explain.enrich import packages

    name = ctx.detail or ""
    if name == "pybind11":
        # its CMake package comes with the distribution's development package, or inside pip's pybind11
        dev = packages.packages_for_pkgconfig(name) or {}
        fixes = install(ctx, dev, "install pybind11's development files (its CMake package)") if dev else ()
        return tuple(fixes) + (Fix("pip install pybind11",
                                   "or use pip's pybind11 and pass its CMake directory: -Dpybind11_DIR=\"$(python -m"
                                   " pybind11 --cmakedir)\" on cmake's command line (CMAKE_ARGS for a pip build)"),)
    if name == "girepository-2.0":
        # GLib's own from 2.80 (PyGObject 3.52's meson.build: dependency('girepository-2.0', version: '>= 2.80.0');
        # 3.50's asked for gobject-introspection-1.0 and GLib >= 2.64): a distribution with an older GLib (Debian
        # 12, Ubuntu 22.04) has no package for it, and the newest PyGObject cannot build there
        # (b70-desktop-apps-1/06, b11-mixed-b/24)
        return tuple(_install(ctx, name)) + (
            Fix("pip install 'PyGObject<3.52'", "or, where GLib is older than 2.80 (Debian 12, Ubuntu 22.04: check"
                " with pkg-config --modversion glib-2.0) and no package ships girepository-2.0: PyGObject 3.50 is"
                " the last release that builds with gobject-introspection-1.0 (libgirepository1.0-dev)"),)
    return _install(ctx, name)


def _install(ctx: Context, name: str):
    from pip_explain.enrich import packages

    if is_config_tool(name):
        found = packages.packages_for_tool(program(name))
        what = "%s (it comes with the library's development package)" % program(name)
    else:
        found = packages.packages_for_pkgconfig(name)
        what = "the development files of %s (they ship %s.pc) and pkg-config, which reads it" % (name, name)
        tool = packages.packages_for_tool("pkg-config") or {}
        if found:
            found = {m: _with(p, tool.get(m)) for m, p in found.items()}
    if found:
        fixes = install(ctx, found, "install " + what)
        if fixes:
            return fixes
    if not is_config_tool(name) and ctx.platform.manager in ("dnf", "yum"):
        return (Fix(install_command(ctx.platform, ctx.platform.manager, ["pkgconfig(%s)" % name]),
                    "install the package that provides the pkg-config module %s" % name),)
    hint = search_hint(ctx, program(name) if is_config_tool(name) else name + ".pc")
    return hint or (Fix("", "install the development package of the library that provides %s" % name),)


def _verify(ctx: Context):
    name = ctx.detail or ""
    if not name or ctx.platform.system == "windows":
        return ()
    if name in ("pkg-config", "pkgconf"):
        return ("pkg-config --version",)
    if is_config_tool(name):
        return ("command -v " + quote(program(name)),)
    return ("pkg-config --modversion " + quote(name),)


CONFIG_TOOL = Rule(
    code="PX031",
    cause="config-tool-missing",
    title="Library configuration not found: {detail}",
    summary="{package} links against a C library and asks {detail} where that library is; {detail} is not"
    " there, because the library's development package is not installed.",
    # A config program run through a shell or subprocess and missing is a lookup the build may go past:
    # lxml prints "ERROR: /bin/sh: 1: xslt-config: not found" and carries on (setupinfo.py's run_command
    # returns ''), then fails on the missing header, or on MSVC. A probe: a later cause wins (TAXONOMY.md);
    # mysqlclient's "OSError: mysql_config not found" after its shell line is the same cause.
    patterns=tuple(replace(p, probe=True) for p in missing_program(_is_config_program)) + (
        # psycopg2: "Error: pg_config executable not found."; mysqlclient < 2.2: "OSError: mysql_config not found"
        Pattern("not found", r"(?:^|[\s:'\"`(])" + _CONFIG + r"['\"`]?(?: executable| command| program)?"
                r" (?:was |is )?not found", _is_config_program),
        # pycurl: "Could not run curl-config: [Errno 2] ..."; GDAL: "Could not find gdal-config."
        Pattern("could not", r"Could not (?:run|find|locate|execute) %s?%s" % (OPEN, _CONFIG), _is_config_program),
        # lxml (setupinfo.py), when xml2-config / xslt-config are missing: "Error: Please make sure the libxml2 and
        # libxslt development packages are installed." (the end of the line left out: a terminal's copy may
        # cut "installed" in two)
        Pattern("libxml2 and libxslt development packages",
                r"Please make sure the libxml2 and libxslt development packages are\b", detail="xml2-config"),
        # pyproj's setup.py finds PROJ through its "proj" program: "proj executable not found. Please set the
        # PROJ_DIR variable." (2.1: "Proj executable not found. Please set PROJ_DIR variable.", b17-syslibs-longtail/16)
        Pattern("executable not found. please set",
                r"(?<![\w.+-])(?P<d>[\w.+-]{1,64}) executable not found\. Please set (?:the )?\w{1,40}_DIR\b",
                clean=str.lower),
        # fuse-python's setup.py when running pkg-config raised: "pkg-config unavailable, build terminated" (its
        # maintainer: "You need to install pkg-config", b20-syslibs-gui-hw/14)
        Pattern("unavailable", r"^\s*(?P<d>pkg-config|pkgconf|[\w.+-]{1,64}-config) unavailable, build terminated",
                _is_config_program),
        # ... and its kin python-shout's, with pkg-config present and the library's .pc file absent: "pkg-config could
        # not find libshout: check PKG_CONFIG_PATH", then shout-config tried, then "pkg-config and shout-config
        # unavailable, build terminated" (live batch 34). A probe: a script may go on to another way of finding it
        Pattern("pkg-config could not find", r"\bpkg-config could not find (?P<d>[\w.+-]{1,128}?):? check PKG_CONFIG_PATH\b",
                probe=True),
        Pattern("unavailable", r"^\s*(?:pkg-config|pkgconf) and (?P<d>[\w.+-]{1,64}-config) unavailable, build terminated",
                _is_config_program, weak=True),
        # the pkgconfig module's parse() / cflags() / libs() when "pkg-config --exists X" fails: "raise
        # PackageNotFoundError(package)", whose message is '%s not found' (pkgconfig 1.6's pkgconfig.py), uncaught in
        # a setup script: "pkgconfig.pkgconfig.PackageNotFoundError: libalpm not found" (pyalpm, live batch 34)
        # bob.extension's own wrapper: "RuntimeError: pkg-config package `blitz' was not found" (bob.blitz under pip 8,
        # b46-lib-lookups-3/20)
        Pattern("pkg-config package", r"\bpkg-config package %s(?P<d>[\w.+-]{1,128})%s (?:was )?not found" % (OPEN, CLOSE)),
        Pattern("packagenotfounderror:", r"\bpkgconfig\.(?:pkgconfig\.)?PackageNotFoundError: (?P<d>[\w.+-]{1,128}) not found\s*$"),
        # a setup script's own pkg-config helper failing in a traceback, its call echoed with the module it asked for,
        # then the helper's frame: ffcv's "extension_kwargs = pkgconfig('opencv4', extension_kwargs)" and "File
        # ".../setup.py", line 18, in pkgconfig" before its bare "raise Exception()" (b51-lib-lookups-5/01, /02; the
        # recipe python-tdbus, pdfparser and cyipopt follow, whose pkg-config output names it too). Weak: what the
        # helper or a later step prints decides when it can
        Pattern("pkgconfig(", r"^\s{2,}[^\n]{0,200}?\bpkg_?config\(\s*['\"](?P<d>[A-Za-z][\w.+-]{0,100})['\"]",
                then=r'^\s*File "[^"\n]{1,400}", line \d{1,7}, in pkg_?config\s*$', within=1, weak=True),
        # Cartopy 0.19-0.20's setup.py, when shutil.which('proj') finds nothing: "Proj 8.0.0 must be installed."
        # (also "... must be installed in Conda environment "x"."; b17-syslibs-longtail/18)
        Pattern("must be installed", r"^\s*Proj \d{1,2}(?:\.\d{1,3}){0,2} must be installed\b", detail="proj"),
        # ... and when running "proj" (or, before it, pkg-config) gave no version it could read, its find_proj_version
        # returns (0, 0, 0): "Proj version 0.0.0 is installed, but cartopy requires at least version 4.9.0." (0.16-0.18:
        # "Proj4 version 0.0.0 ..."; b19-scientific-fortran/11; the cure is PROJ's programs and headers, proj-bin and
        # libproj-dev). A real version below the minimum is a PROJ too old, not this.
        Pattern("version 0.0.0 is installed", r"^\s*Proj4? version 0\.0\.0 is installed, but \w{1,40} requires at least",
                detail="proj"),
        # Debian's pg_config (postgresql-common's wrapper, which runs libpq-dev's pg_config.libpq-dev or a server-dev
        # one) when neither is installed: "You need to install postgresql-server-dev-NN for building a server-side
        # extension or libpq-dev for building a client-side application." (postgresql-common 248's /usr/bin/pg_config;
        # "X.Y" in older releases: psycopg2 2.6.1 under pip-tools, b71-dev-hooks-1/13)
        Pattern("for building a client-side application", r"You need to install postgresql-server-dev-\S{1,8} for"
                r" building a server-side extension or libpq-dev for building a client-side application", detail="pg_config"),
        # PyICU's setup.py when it cannot learn ICU's version: up to 1.9 from icu-config alone, "Please set the
        # ICU_VERSION environment variable to the version of / ICU you have installed." (1.9.8's setup.py, read here;
        # PyThaiNLP on Windows, b70-speech-nlp-1/08), from 2.x after icu-config then pkg-config's icu-i18n "Please
        # install pkg-config on your system or set the ICU_VERSION environment" (2.4's and 2.14's)
        Pattern("icu_version environment", r"^\s*Please set the ICU_VERSION environment variable to the version of\b",
                detail="icu-config"),
        Pattern("icu_version environment", r"^\s*Please install (?P<d>pkg-config) on your system or set the ICU_VERSION"
                r" environment\b"),
        # python-xmlsec's setup.py when pkg-config gives no xmlsec1 flags: "Could not find xmlsec1 config. Are
        # libxmlsec1-dev and pkg-config installed?" (its fatal_xmlsec1_error; b17-syslibs-longtail/05)
        Pattern("could not find xmlsec1 config", r"Could not find (?P<d>xmlsec1) config\. Are \S{1,60} and pkg-config"
                r" installed"),
        # ... and 1.3's setup.py, after the same pkg-config query: "error: xmlsec1 is not installed or not in path."
        # (b23-niche-domains/08); a setup script's words for any pkg-config module the package table knows
        Pattern("is not installed or not in path", r"(?:^|[\s:'\"`])(?P<d>[\w.+-]{1,64})['\"`]? is not installed or not in"
                r" (?:the |your )?path\b", _is_known_pkgconfig),
        # llvmlite's ffi/build.py when running llvm-config raised OSError (not found) or it failed: "RuntimeError:
        # llvm-config failed executing, please point LLVM_CONFIG to the path for llvm-config" (pdm on an M1 Mac,
        # b15-installers-framing/09)
        Pattern("failed executing, please point", r"(?P<d>[^\s'\"]{0,200}llvm-config[\w.-]{0,20}) failed executing,"
                r" please point LLVM_CONFIG\b", clean=lambda d: d.replace("\\", "/").rsplit("/", 1)[-1]),
        # horovod's setup.py asks the MPI compiler wrapper for its flags: "error: mpicxx -show failed (see error
        # below), is MPI in $PATH?" (its setup.py / cmake helpers; b16-gpu-hpc/18)
        Pattern("-show failed", r"\b(?P<d>mpicxx|mpicc|mpiCC|mpic\+\+) -show failed\b.{0,40}is MPI in \$PATH"),
        # Fiona's and rasterio's setup.py without gdal-config: "A GDAL API version must be specified. Provide a path
        # to gdal-config using a GDAL_CONFIG environment variable or use a GDAL_VERSION environment variable."
        Pattern("provide a path to", r"Provide a path to (?P<d>[\w.+-]{1,64}-config) using a \w{1,40} environment"
                r" variable", _is_config_program),
        # a setup script naming the .pc file it looked for: borg's "Could not find lz4 lib/headers, please set
        # BORG_LIBLZ4_PREFIX or ensure liblz4.pc is in PKG_CONFIG_PATH"
        Pattern(".pc is in pkg_config_path", r"ensure (?P<d>[\w.+-]{1,128})\.pc is in PKG_CONFIG_PATH"),
        # Qt's qmake, which PyQt's builds query for Qt: sip 4's configure.py "Error: Use the --qmake argument to
        # explicitly specify a working Qt qmake." (Windows: "Make sure you have a working Qt qmake on your PATH."),
        # sip >= 5's pyqtbuild "raise PyProjectOptionException('qmake', ..." (PyQt5 on macOS, b14-media-gui-hw/03)
        Pattern("qmake argument to explicitly specify", r"Use the --qmake argument to explicitly specify a working"
                r" Qt qmake", detail="qmake"),
        Pattern("working qt qmake on your path", r"Make sure you have a working Qt qmake on your PATH", detail="qmake"),
        Pattern("pyprojectoptionexception", r"\bPyProjectOptionException\(\s?['\"](?P<d>qmake)['\"]"),
        # mysqlclient >= 2.2
        Pattern("can not find valid pkg-config name", r"Can not find valid pkg-config name", detail="mysqlclient"),
        # mysqlclient >= 2.2 runs "pkg-config --exists NAME": status 1 = no NAME.pc, 127 = no pkg-config
        Pattern("pkg-config --exists", r"Command %s?pkg-config --exists (?P<d>[\w.+-]{1,128})%s? returned non-zero exit"
                r" status 1\b" % (OPEN, CLOSE)),
        Pattern("pkg-config --exists", r"Command %s?pkg-config --exists [\w.+-]{1,128}%s? returned non-zero exit status 127"
                % (OPEN, CLOSE), detail="pkg-config"),
        # Python 2's subprocess names no program when it cannot run one ("OSError: [Errno 2] No such file or
        # directory", Windows' "WindowsError: [Error 2] The system cannot find the file specified"): the traceback's
        # frame of the setup script's pkg-config helper says which (pycairo 1.x's setup.py pkg_config_parse(), whose
        # body is subprocess.check_output(["pkg-config"] + args): b30-old-pip-longtail/12)
        Pattern("in pkg", r"^\s*File \"[^\"\n]{1,400}\", line \d{1,6}, in pkg_?config\w{0,30}\s*$", detail="pkg-config",
                then=PY2_SPAWN_ENOENT, within=12),
        # ... or whose echoed source line runs it: hyperscan's setup.py "'pkg-config', '--cflags', 'libhs']).decode(...)"
        # then "WindowsError: [Error 2] The system cannot find the file specified" (b32-library-lookups/03)
        Pattern("'pkg-config',", r"^\s*[^\n]{0,200}\[?['\"]pkg-config['\"],\s", detail="pkg-config",
                then=PY2_SPAWN_ENOENT, within=12),
        # a setup script's own report of a pkg-config query that failed: python-gphoto2 2.3's 'RuntimeError: ERROR:
        # command "pkg-config --modversion libgphoto2" failed' (live batch 4; its 2.2 said 'can not execute:')
        Pattern("pkg-config --", r"\bcommand %s?pkg-config (?:--[\w-]{1,30} ){1,3}(?P<d>[\w.+-]{1,128})%s? failed\b"
                % (OPEN, CLOSE)),
        # ... or with the verb first: python-ethtool's setup.py runs each query through getstatusoutput (pkg-config's
        # own words swallowed) and prints "Failed to query pkg-config --cflags-only-I libnl-3.0" before sys.exit(1)
        # (its source; live batch 70, recorded in tests/fixtures/logs)
        Pattern("pkg-config --", r"\bFailed to (?:query|run|execute) %s?pkg-config (?:--[\w-]{1,30} ){1,3}"
                r"(?P<d>[\w.+-]{1,128})%s?\s*$" % (OPEN, CLOSE)),
        # ... and in the list form subprocess.CalledProcessError prints for check_call([...]): manimpango's setup.py
        # "Command '['pkg-config', '--print-errors', '--atleast-version', '1.30.0', 'pangocairo']' returned non-zero
        # exit status 1." (b26-longtail-pkgs-b/03), pycairo's "Command '['pkg-config', '--print-errors', '--exists',
        # 'cairo >= 1.15.10']' ...", dbus-python's "['pkg-config', '--cflags', 'dbus-1']"; the module is the last
        # argument (a version constraint after it dropped). A probe: a script may catch it and carry on
        Pattern("'pkg-config',", r"Command %s\['pkg-config', (?:'[\w.=<> -]{1,40}', ){0,6}'(?P<d>[\w.+-]{1,128})(?: ?[<>=!]{1,2}"
                r" ?[\w.]{1,30})?'\]%s returned non-zero exit status 1\b" % (OPEN, CLOSE), probe=True),
        # pkg-config: "Package libffi was not found in the pkg-config search path."; pkgconf: "Package
        # 'libffi', required by 'virtual:world', not found"; autoconf: "No package 'x' found". Probes: a
        # build script asks and may carry on (cffi compiles next), so a later cause wins (TAXONOMY.md).
        Pattern("was not found in the pkg-config search path",
                r"Package %s?(?P<d>[\w.+-]{1,128})%s? was not found in the pkg-config search path" % (OPEN, CLOSE),
                probe=True),
        Pattern("not found", r"Package %s(?P<d>[\w.+-]{1,128})%s, required by %s%s%s, not found"
                % (OPEN, CLOSE, OPEN, NAME, CLOSE), probe=True),
        Pattern("no package", r"No package %s(?P<d>[\w.+-]{1,128})%s found" % (OPEN, CLOSE), probe=True),
        # pkgconf's --print-errors with a version test (--atleast-version, --exact-version): "Package 'gammu' was
        # not found", the search path unnamed (python-gammu 3.5's setup.py, live batch 51; manimpango's
        # --atleast-version pangocairo, b26-longtail-pkgs-b/03). A probe, like the others
        Pattern("was not found", r"^\s*Package '(?P<d>[\w.+-]{1,128})' was not found\s*$", probe=True),
        # wxWidgets' configure (AM_PATH_GTK_3_0 / _2_0, run by wxPython's build.py build_wx) when pkg-config knows
        # no gtk+-3.0: "checking for GTK+ - version >= 3.0.0... no", its test program failing to build, then
        # "configure: error:" / "The development files for GTK+ were not found. For GTK+ 2, please ..." whatever
        # GTK it asked for (wxPython 4.2.2 on Debian 12, live batch 51; the GTK 2 check line is the same macro's,
        # wxWidgets 3.2's configure; b32-library-lookups/16 is the same end after pkg-config's "No package" lines)
        Pattern("checking for gtk+ - version", r"checking for GTK\+ - version >= 3\.[\d.]{1,12}\.\.\. no\s*$",
                detail="gtk+-3.0", then=r"The development files for GTK\+ were not found", within=12),
        Pattern("checking for gtk+ - version", r"checking for GTK\+ - version >= 2\.[\d.]{1,12}\.\.\. no\s*$",
                detail="gtk+-2.0", then=r"The development files for GTK\+ were not found", within=12),
        # ... and its verdict alone, the check line cut from a short paste ("Building wheel for wxPython (setup.py) ...
        # error" / "The development files for GTK+ were not found.": easykeymap building wxPython 4 on Zorin 16,
        # b69-app-trackers-6/02; the same words end live batch 51's and b32-library-lookups/16): wxPython 4 builds
        # against GTK 3 unless told otherwise (its build.py --gtk2), so gtk+-3.0; a check line above names the version
        Pattern("the development files for gtk+ were not found", r"^\W{0,8}The development files for GTK\+ were not found\b",
                detail="gtk+-3.0"),
        # CMake's FindPkgConfig, REQUIRED: pkg_search_module's "None of the required 'fftw3' found" (alternatives
        # joined by ';', the first named: ndarray's tests, b58-lib-lookups-11/25) and pkg_check_modules' "The following
        # required packages were not found:" then " - libpsl" a line (FindPkgConfig.cmake's SEND_ERROR texts)
        Pattern("none of the required", r"\bNone of the required '(?P<d>[\w.+-]{1,128})(?:[<>=]{1,2}[\w.]{1,30})?(?:;[^'\n]{0,300})?'"
                r" found", _is_library),
        Pattern("the following required packages were not found",
                r"\bThe following required packages were not found:?\s*$", _is_library,
                then=r"^\s*- (?P<d>[\w.+-]{1,128})(?:[<>=]{1,2}[\w.]{1,30})?\s*$", within=3),
        # ... and CMake 2.8's FindPkgConfig, which names each package in a status line ("--   package
        # 'libusb-1.0>=1.0.20' not found") before its SEND_ERROR "A required package was not found" (its
        # _pkg_check_modules_internal; libfreenect2 on Ubuntu 14.04, b63-lib-lookups-13/25)
        Pattern("package '", r"^\s*--\s{1,4}package '(?P<d>[\w.+-]{1,128}?)(?:\s?[<>=]{1,2}\s?[\w.]{1,30})?' not found\s*$",
                _is_library, then=r"^\s*A required package was not found", within=3),
        # python-gammu's setup.py when neither pkg-config nor its own search under /usr, /usr/local and GAMMU_PATH
        # found Gammu: "Failed to find Gammu!" / "Either it is not installed or not found." / ... " * Install
        # pkg-config." (its GammuConfig; Ubuntu 16.04, b64-lib-lookups-15/16; pkg-config hidden, live batch 55)
        Pattern("failed to find gammu", r"^\s*Failed to find Gammu!\s*$", detail="gammu"),
        # mod_wsgi's setup.py under Python 2, whose subprocess raises a bare "OSError: [Errno 2] No such file or
        # directory" naming no program: the frame of its get_apxs_config(), which runs [APXS, '-q', name], says
        # which (mod_wsgi 4.5.22's setup.py; WSL and Synology DSM, b19-old-stack/07, b64-programs-6/05)
        Pattern("get_apxs_config", r", in get_apxs_config\s*$", detail="apxs",
                then=r"^\s*OSError: \[Errno 2\] No such file or directory\s*$", within=10),
        # meson: 'ERROR: Dependency "cairo" not found (tried pkg-config and cmake)'
        # (two spaces after "ERROR:" in some releases: piper's meson.build on Ubuntu, b51-lib-lookups-5/19)
        Pattern("dependency", r"ERROR:\s{1,2}Dependency %s?(?P<d>[\w.+-]{1,128})%s? (?:is required but )?not found" % (OPEN, CLOSE),
                _is_library),
        # ... wrapped by an installer at the terminal's width after the name (uv: dbus-python, b13-installers-ci/16)
        Pattern("dependency", r"ERROR:\s{1,2}Dependency %s?(?P<d>[\w.+-]{1,128})%s?\s*$" % (OPEN, CLOSE), _is_library,
                then=r"^\s*not found\b", within=1),
        # meson before 0.41 (its dependencies.py: "%s dependency %s not found" with "Native" or "Cross"), after "Meson
        # encountered an error in file meson.build, line 15, column 0:" (icon-requests on Ubuntu 16.04,
        # b51-lib-lookups-5/25)
        Pattern("dependency", r"^\s*(?:Native|Cross) dependency %s?(?P<d>[\w.+-]{1,128})%s? not found\.?\s*$" % (OPEN, CLOSE),
                _is_library),
        # meson's lookup, when the dependency() call names a fallback subproject (dependencyfallbacks.py: "Looking for a
        # fallback subproject for the dependency X"), and the fallback fails in its turn ("ERROR: Subproject exists but
        # has no meson.build file", "Neither a subproject directory nor a X.wrap file was found"): the lookup was the
        # root (xtb-python's port on FreeBSD, whose xtb was built with CMake and installed no xtb.pc,
        # b54-lib-lookups-8/15). A probe: a fallback that builds goes on, and a later cause wins
        Pattern("found: no", r"^\s*Run-time dependency (?P<d>[\w.+-]{1,128}) found: NO\b", _is_library, probe=True,
                then=r"^\s*Looking for a fallback subproject for the dependency [\w.+-]{1,128}\s*$", within=1),
        # a build script's own words for a pkg-config lookup that found nothing: raylib's CFFI build script
        # "Exception: ERROR: raylib not found by pkg-config.  Please install pkg-config and Raylib." (raylib 4.0 on a
        # Raspberry Pi, b54-domain-media-hw/11)
        Pattern("not found by pkg-config", r"\b(?P<d>[A-Za-z][\w.+-]{0,80}) (?:was |is )?not found by pkg-?config\b", _is_library),
        # a CMake project's own probe of llvm-config through its helper that runs a program and keeps the failure
        # (PySide2 5.9-5.11's shiboken2 CMake: "LLVM version 3.9 is required (llvm-config detected Process failed
        # because: / for command: llvm-config --version ...", b55-lib-lookups-9/03)
        Pattern("detected process failed because", r"\((?P<d>[\w.+-]{1,64}-config) detected Process failed because:",
                _is_config_program),
        # CMake's generate step for a target that links to an IMPORTED target no find_package() defined (cmTarget:
        # 'Target "teaser_registration" links to target "Eigen3::Eigen" but the target / was not found.  Perhaps a
        # find_package() call is missing for an IMPORTED target'): the library's CMake package was not found by a
        # quiet lookup before (TEASER++'s bindings on Windows, b55-lib-lookups-9/11); the namespace names it
        Pattern("links to target", r'\blinks to target "(?P<d>[A-Za-z][\w.+-]{0,63})::[\w.+-]{1,64}" but the target\s*$',
                _is_cmake_library, then=r"^\s*was not found\.", within=1),
        # qtchooser's qmake (Debian's and Ubuntu's /usr/bin/qmake) when no Qt of the version asked is installed:
        # "qmake: could not find a Qt installation of '5'" (its source, main.cpp); PySide2's setup.py running qmake
        # (b51-lib-lookups-5/08)
        Pattern("could not find a qt installation", r"\bcould not find a Qt installation of ['\"]?\d", detail="qmake"),
        # Rust build scripts (a -sys crate) asking for a C library: the pkg-config crate "The system library
        # `openssl` required by crate `openssl-sys` was not found." (its .pc file is missing), and, without pkg-config
        # itself, "The pkg-config command could not be found."; system-deps (gtk-rs) "could not find system
        # library 'gobject-2.0' required by the 'gobject-sys' crate" (the crates' sources: pkg-config-rs lib.rs,
        # system-deps). (openssl-sys' own search is PX011's: it asks for OpenSSL's development package)
        Pattern("required by crate", r"The system library `(?P<d>[\w.+-]{1,128})` required by crate `[\w-]{1,80}` was"
                r" not found"),
        Pattern("the pkg-config command could not be found", r"The pkg-config command could not be found",
                detail="pkg-config"),
        # pygame 1.9's buildconfig hunt (config_unix.py's DependencyProg) after its config program could not run:
        # 'WARNING: "freetype-config" failed!', its row "FREETYPE: not found", then "Missing dependencies"
        # (b36-lib-lookups-2/14; sdl-config's the same way, b9-platforms/28): the program the hunt asked
        Pattern("failed!", r'^\s*WARNING: "(?P<d>[\w.+-]{1,60}-config)" failed!\s*$',
                then=r"^\s*Missing dependencies\s*$", within=24),
        # autoconf's pkg.m4 (PKG_CHECK_MODULES without a pkg-config): "configure: error: The pkg-config script
        # could not be found or is too old.  Make sure it is in your PATH ..." (dbus-python, b12-qa-forums/20)
        Pattern("the pkg-config script could not be found", r"The pkg-config script could not be found",
                detail="pkg-config"),
        # ... and a configure script that autoreconf generated without pkg.m4 (pkg-config's autoconf macros, which
        # come with pkg-config): PKG_CHECK_MODULES is left unexpanded, and sh stops on it, "configure: line 16465:
        # syntax error near unexpected token `CFITSIO,'" / "configure: line 16465: `PKG_CHECK_MODULES(CFITSIO, ..."
        # (healpy's healpix_cxx on macOS under Anaconda, b30-unseen-libs/12, 13; its maintainer's diagnosis; the
        # backtick lost to a paste's Markdown, libpff's bindings on Windows, b55-lib-lookups-9/07)
        Pattern("syntax error near unexpected token", r"\bconfigure: line \d{1,7}: syntax error near unexpected token",
                detail="pkg-config", then=r"\bconfigure: line \d{1,7}: `?\s*PKG_(?:CHECK_MODULES|PROG_PKG_CONFIG|CHECK_EXISTS)\(",
                within=1),
        Pattern("could not find system library", r"could not find system library '(?P<d>[\w.+-]{1,128})' required by"
                r" the '[\w-]{1,80}' crate"),
        # numpy >= 1.26's meson.build when no BLAS answered its pkg-config / CMake lookups ("Run-time dependency
        # openblas found: NO (tried pkgconfig and cmake)"): "ERROR: Problem encountered: No BLAS library
        # detected! Install one, or use the `allow-noblas` build option": OpenBLAS's .pc (libopenblas-dev) and
        # pkg-config itself are what it reads (numpy on python:3.9-slim, blind b8-issues/17)
        Pattern("no blas library detected", r"No BLAS library detected!? Install one", detail="openblas"),
        # meson without pkg-config: "Pkg-config for machine host machine not found. Giving up."
        Pattern("pkg-config", r"Pkg-?config (?:binary )?for machine .{1,40} not found", detail="pkg-config"),
        # CMake, a REQUIRED find_package (the optional ones print "-- Could NOT find ...")
        # (not a program's find module, FindSWIG's "Could NOT find SWIG (missing: SWIG_EXECUTABLE ...)": the table
        # of programs names that, b28-missing-programs/08)
        # (not FindBoost with the headers found and compiled components missing, "Could NOT find Boost (missing:
        # thread date_time) (found version "1.66.0")": the libraries, PX030's)
        # (nor a find module that found the library and refused its version, "Could NOT find Eigen3 (missing:
        # EIGEN3_VERSION_OK) (Required is at least version "3.3")": g2o-python's FindEigen3 reading Eigen 5,
        # b39-cpp-cuda-ext-3/23)
        # (nor FPHSA's verdict on a package found in an unsuitable version, "Could NOT find HOOMD: Found unsuitable
        # version "", but required is at least "2.6.0"": a version check, here of a find script run by the wrong Python,
        # azplugins, b55-lib-lookups-9/01)
        Pattern("could not find", r"^\s*Could (?-i:NOT) find (?P<d>\w+)\b(?!: Found unsuitable version)"
                r"(?! \(missing:(?: [a-z][a-z0-9_]{0,40}){1,30}\) \(found\b)"
                r"(?! \(missing: \w{1,60}_VERSION_OK\))"
                r"(?! \(missing:(?: [A-Za-z]\w{0,40}_LIBRAR(?:Y|IES)(?:_RELEASE|_DEBUG)?){1,4}(?:\)|\s*$))",  # (the file alone: PX030's)
                lambda d: _is_library(d) and not is_build_tool(d.lower()), clean=_pkgconfig_name),
        Pattern("but cmake did not find one", r'provided by "(?P<d>[\w.+-]{1,128})",? but CMake did not find one', _is_library),
        # CMake's find_package() in CONFIG mode (cmFindPackageCommand): "Could not find a package configuration
        # file provided by "Eigen3" with any of the following names: Eigen3Config.cmake ...", the library's CMake
        # files, which its development package installs (weak: the same words come as a CMake Warning for a
        # lookup that is not REQUIRED; the name may be wrapped onto the next line)
        Pattern("could not find a package configuration file provided by",
                r'Could not find a package configuration file provided by\s?"(?P<d>[\w.+-]{1,128})"', _is_library,
                weak=True),
        Pattern("could not find a package configuration file provided by",
                r"Could not find a package configuration file provided by\s*$", _is_library, weak=True,
                then=r'^\s*"(?P<d>[\w.+-]{1,128})" with any', within=1),
        # ... as the error of a find_package() call, REQUIRED (the same words under "CMake Warning" are a lookup the
        # configure goes past), in both its wordings: "CMake Error at CMakeLists.txt:5 (find_package):" / "  Could not
        # find a package configuration file provided by "SymEngine"" (symengine.py, b32-library-lookups/10), and, when
        # no Find module exists either, "  By not providing "FindLLVM.cmake" in CMAKE_MODULE_PATH ..." (a conda
        # SymEngine's own config asking for LLVM, b32-library-lookups/11). A Python package's CMake files (pybind11,
        # scikit-build's FindCython) are PX096's and PX051's, not a library's
        Pattern("(find_package):", r"\bCMake Error at [^\n]{1,300}\(find_package\):\s*$", _is_cmake_library,
                then=r'^\s*(?:Could not find a package configuration file provided by\s?"|By not providing\s?"Find)'
                r'(?P<d>[\w.+-]{1,128}?)(?:\.cmake)?"', within=1),
    ),
    fix=_fix,
    verify=_verify,
    why="Build scripts ask the library where its headers and files are, through a program the library's"
    " development package installs (pg_config, mysql_config, curl-config, ...) or through pkg-config and the"
    " library's .pc file. Without the development package neither exists, even when the library itself is"
    " installed.",
    prevent="Install the library's -dev/-devel package (and pkg-config) before building, or use the package's"
    " binary distribution where one exists (psycopg2-binary, psycopg[binary]).",
    examples=(
        "  error: mpicxx -show failed (see error below), is MPI in $PATH?",
        "RuntimeError: llvm-config failed executing, please point LLVM_CONFIG to the path for llvm-config",
        "Error: pg_config executable not found.",
        # pyBigWig's setup.py (b36-lib-lookups-2/09)
        "Either libcurl isn't installed, it didn't come with curl-config, or curl-config isn't in your $PATH. This must"
        " be corrected before installing pyBigWig!",
        "OSError: mysql_config not found",
        "/bin/sh: 1: mysql_config: not found",
        "Exception: Can not find valid pkg-config name.",
        "Could not run curl-config: [Errno 2] No such file or directory: 'curl-config'",
        "FileNotFoundError: [Errno 2] No such file or directory: 'krb5-config'",
        "'\"krb5-config --cflags krb5\"' is not recognized as an internal or external command,",
        "/bin/sh: 1: pkg-config: not found",
        "Package libffi was not found in the pkg-config search path.",
        "      Package 'gammu' was not found",
        "subprocess.CalledProcessError: Command '['pkg-config', '--print-errors', '--atleast-version', '1.30.0',"
        " 'pangocairo']' returned non-zero exit status 1.",
        "Error: Please make sure the libxml2 and libxslt development packages are installed.",
        # (b7/36: a Raspberry Pi's terminal copy)
        "Error: Please make sure the libxml2 and libxslt development packages are ins talled.",
        "proj executable not found. Please set the PROJ_DIR variable. For more information see:"
        " https://pyproj4.github.io/pyproj/stable/installation.html",
        "Package 'libffi', required by 'virtual:world', not found",
        "  Proj executable not found. Please set PROJ_DIR variable.",
        "      Proj 8.0.0 must be installed.",
        "  Proj version 0.0.0 is installed, but cartopy requires at least version 4.9.0.",
        "      pkg-config unavailable, build terminated",
        "      pkg-config could not find libshout: check PKG_CONFIG_PATH",
        "      pkgconfig.pkgconfig.PackageNotFoundError: libalpm not found",
        '      RuntimeError: ERROR: command "pkg-config --modversion libgphoto2" failed',
        "Proj4 version 0.0.0 is installed, but cartopy requires at least version 4.9.0.",
        "    Could not find xmlsec1 config. Are libxmlsec1-dev and pkg-config installed?",
        "      error: xmlsec1 is not installed or not in path.",
        "../cairo/meson.build:31:12: ERROR: Dependency \"cairo\" not found (tried pkg-config and cmake)",
        "ERROR: Pkg-config for machine host machine not found. Giving up.",
        "  configure: error: The pkg-config script could not be found or is too old.  Make sure it",
        "  Could NOT find PkgConfig (missing: PKG_CONFIG_EXECUTABLE)",
        '  Could not find a package configuration file provided by "Eigen3" with any',
        '  Could not find a package configuration file provided by "pybind11" with any',
        "  Exception: ERROR: raylib not found by pkg-config.  Please install pkg-config and Raylib.",
        "  LLVM version 3.9 is required (llvm-config detected Process failed because:",
        # meson's dependency fallbacks (interpreter/dependencyfallbacks.py), PyGObject >= 3.51 without
        # girepository-2.0's .pc (b13-buildsystems/02)
        "415.2       ../meson.build:31:9: ERROR: Dependency 'girepository-2.0' is required but not found.",
        "    RuntimeError: The 'apxs' command appears not to be installed or is not executable. Please check the list"
        " of prerequisites in the documentation for this package and install any missing Apache httpd server"
        " packages.",
        "  The system library `openssl` required by crate `openssl-sys` was not found.",
        "        ERROR: A GDAL API version must be specified. Provide a path to gdal-config using a GDAL_CONFIG"
        " environment variable or use a GDAL_VERSION environment variable.",
        "  error: could not find system library 'gobject-2.0' required by the 'gobject-sys' crate",
        "../../numpy/meson.build:207:4: ERROR: Problem encountered: No BLAS library detected! Install one, or use"
        " the `allow-noblas` build option (note, this may be up to 100x slower for some linear algebra operations).",
    ),
    counter_examples=(
        "-- Could NOT find OpenMP_C (missing: OpenMP_C_FLAGS OpenMP_C_LIB_NAMES)",
        "Run-time dependency cairo found: NO (tried pkgconfig and cmake)",
        "/bin/sh: 1: python3-config: not found",
        "ERROR: Dependency \"python\" not found",
        "Proj version 4.8.0 is installed, but cartopy requires at least version 4.9.0.",
    ),
)

RULES = (CONFIG_TOOL,)
