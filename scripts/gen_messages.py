#!/usr/bin/env python3
"""Generate src/pip_explain/rules/_messages.py from Debian's message catalogues.

The rules recognise translated tool messages (gcc's "fatal error", glibc's
strerror texts, ld's "cannot find -l", bash's "command not found") from the
tools' own catalogues instead of hand-typed wordings. This script downloads
the Debian packages that ship those catalogues (from deb.debian.org, for
Debian 11, 12 and 13; nothing is installed), unpacks them with ``dpkg-deb -x`` into a temporary directory,
reads every language's ``.mo`` file with :mod:`gettext`, takes the msgstr of
the chosen msgids and writes each as a regular-expression fragment:

* literal text is escaped; a colon is ``[:：]`` and the spaces around it (and
  inside French guillemets) are optional ``\\s?``: French puts a no-break space
  before a colon, CJK catalogues use the full-width colon, and pasted logs
  lose no-break spaces;
* every printf/GCC directive is a ``str.format`` field the rules fill in:
  ``{0}``, ``{1}``... for the arguments in the English order (``%2$s`` is
  ``{1}``), ``{lq}``/``{rq}`` for GCC's quotes around ``%qs`` / ``%<...%>``,
  ``{m}`` for glibc's strerror(errno) (GCC's ``%m``, binutils' ``%E``) and
  ``{P}`` for binutils' program name (``%P``); literal braces are doubled.

Each wording also carries its needle (the longest literal run, lower case:
the classifier's prefilter) and the raw msgstr (the tests format it into a
line). Output is sorted and does not depend on the order of the files.

    python scripts/gen_messages.py                 # download, unpack, write the module
    python scripts/gen_messages.py --debs DIR      # use the .deb files in DIR/<release>/
    python scripts/gen_messages.py --check         # exit 1 when the module differs
    python scripts/gen_messages.py --stdout        # print instead of writing
"""
from __future__ import annotations

import argparse
import gettext
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "pip_explain", "rules", "_messages.py")

# The Debian packages that ship the catalogues, from three releases: wordings change between
# versions (glibc's pt_BR ENOENT, binutils' de "cannot find"), and logs come from every year's tools.
MIRROR = "http://deb.debian.org/debian"
RELEASES = (
    ("bookworm", ("bash", "binutils-common", "gcc-12-locales", "libc-l10n", "make", "gettext")),  # Debian 12
    ("trixie", ("bash", "binutils-common", "gcc-14-locales", "libc-l10n", "make", "gettext")),  # Debian 13
    ("bullseye", ("bash", "binutils-common", "gcc-10-locales", "libc-l10n", "make", "gettext")),  # Debian 11
)
# Ubuntu ships the translations of glibc, binutils, bash and make in its language packs (one per language,
# from Launchpad: the wordings Ubuntu users see, which may differ from upstream's), gcc's in gcc-N-locales.
UBUNTU_MIRROR = "http://archive.ubuntu.com/ubuntu"
UBUNTU_RELEASES = (
    ("xenial", "gcc-5-locales"),  # 16.04
    ("bionic", "gcc-7-locales"),  # 18.04
    ("focal", "gcc-9-locales"),  # 20.04
    ("jammy", "gcc-11-locales"),  # 22.04
    ("noble", "gcc-13-locales"),  # 24.04
)
_LANGPACK = re.compile(r"language-pack-[a-z]{2,3}(?:-[a-z]{2,4})?-base")
# the domains read from the language packs (the rest of a pack is left packed)
_LANGPACK_DOMAINS = ("libc", "ld", "bash", "make", "gettext-tools")
# gcc's and cpplib's catalogues carry the compiler's major version in their name (gcc-12.mo)
_VERSIONED = ("gcc", "cpplib")

# message id -> (catalogue domain, msgid)
MESSAGES = {
    # glibc strerror()
    "libc.ENOENT": ("libc", "No such file or directory"),
    "libc.EACCES": ("libc", "Permission denied"),
    "libc.ENOSPC": ("libc", "No space left on device"),
    "libc.ENOMEM": ("libc", "Cannot allocate memory"),
    # other reasons a file cannot be opened: not a missing file
    "libc.EPERM": ("libc", "Operation not permitted"),
    "libc.EIO": ("libc", "Input/output error"),
    "libc.EISDIR": ("libc", "Is a directory"),
    "libc.ENOTDIR": ("libc", "Not a directory"),
    "libc.EMFILE": ("libc", "Too many open files"),
    "libc.ENAMETOOLONG": ("libc", "File name too long"),
    "libc.ELOOP": ("libc", "Too many levels of symbolic links"),
    # glibc strsignal(SIGKILL), in gcc's "%s signal terminated program %s" and "%s (program %s)" when the
    # kernel's OOM killer ends cc1/cc1plus (pt "internal compiler error: Morto (program cc1plus)")
    "libc.SIGKILL": ("libc", "Killed"),
    "gcc.signal_terminated": ("gcc", "%s signal terminated program %s"),
    "gcc.internal_error": ("gcc", "internal compiler error: "),
    "gcc.terminated_with_signal": ("gcc", "%s terminated with signal %d [%s]%s"),
    # gcc's diagnostic kinds (the prefix before every message) and its quotes
    "gcc.fatal_error": ("gcc", "fatal error: "),
    "gcc.error": ("gcc", "error: "),
    "gcc.open_quote": ("gcc", "`"),
    "gcc.close_quote": ("gcc", "'"),
    # gcc's driver without its compiler proper (cc1, cc1plus): gcc/gcc.cc execute()
    "gcc.cannot_execute": ("gcc", "cannot execute %qs: %s: %m"),
    "gcc.cannot_execute_noerrno": ("gcc", "cannot execute %qs: %s"),
    # collect2 when no linker is on its search path: "collect2: fatal error: cannot find 'ld'"
    "gcc.cannot_find": ("gcc", "cannot find %qs"),
    # the preprocessor: #include of a file that is not there (libcpp cpp_errno_filename)
    "cpplib.errno_filename": ("cpplib", "%s: %s"),
    "cpplib.no_include_path": ("cpplib", "no include path in which to search for %s"),
    # GNU ld (binutils >= 2.39 adds the reason; older ones print the bare form)
    "ld.cannot_find": ("ld", "%P: cannot find %s: %E\n"),
    "ld.cannot_find_bare": ("ld", "%P: cannot find %s\n"),
    # gcc's errors on C API an extension uses and this Python changed or removed (c/c-typeck.cc,
    # c/c-decl.cc, cp/typeck.cc, cp/name-lookup.cc ...): the "did you mean" forms are separate
    # msgids, translated on their own (German words them differently)
    "gcc.no_member": ("gcc", "%qT has no member named %qE"),
    "gcc.no_member_mean": ("gcc", "%qT has no member named %qE; did you mean %qE?"),
    "gcc.cxx_no_member": ("gcc", "%q#T has no member named %qE"),
    "gcc.cxx_no_member_mean": ("gcc", "%q#T has no member named %qE; did you mean %qE?"),
    "gcc.undeclared": ("gcc", "%qE undeclared (first use in this function)"),
    "gcc.undeclared_mean": ("gcc", "%qE undeclared (first use in this function); did you mean %qs?"),
    "gcc.undeclared_here": ("gcc", "%qE undeclared here (not in a function)"),
    "gcc.undeclared_here_mean": ("gcc", "%qE undeclared here (not in a function); did you mean %qs?"),
    "gcc.implicit_function": ("gcc", "implicit declaration of function %qE"),
    "gcc.implicit_function_mean": ("gcc", "implicit declaration of function %qE; did you mean %qs?"),
    "gcc.too_few_arguments": ("gcc", "too few arguments to function %qE"),
    "gcc.too_many_arguments": ("gcc", "too many arguments to function %qE"),
    "gcc.cxx_too_few_arguments": ("gcc", "too few arguments to function %q#D"),
    "gcc.cxx_too_many_arguments": ("gcc", "too many arguments to function %q#D"),
    "gcc.not_declared": ("gcc", "%qD was not declared in this scope"),
    "gcc.not_declared_mean": ("gcc", "%qD was not declared in this scope; did you mean %qs?"),
    "gcc.unknown_type": ("gcc", "unknown type name %qE"),
    "gcc.unknown_type_mean": ("gcc", "unknown type name %qE; did you mean %qs?"),
    # bash
    "bash.command_not_found": ("bash", "%s: command not found"),
    # GNU gettext's msgfmt merging translations into an XML file (--xml, meson's i18n.merge_file) without the ITS
    # rules for its type: "msgfmt: cannot locate ITS rules for data/x.metainfo.xml.in" (msgfmt.c)
    "gettext.its_rules": ("gettext-tools", "cannot locate ITS rules for %s"),
    # GNU make
    "make.no_rule": ("make", "%sNo rule to make target '%s'%s"),
    "make.no_rule_needed_by": ("make", "%sNo rule to make target '%s', needed by '%s'%s"),
}

_DIRECTIVE = re.compile(r"%(?:(\d+)\$)?[-+ #0']*(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|z|j|t|L|w)?"
                        r"(q[#+]{0,2}[a-zA-Z]|[a-zA-Z]|%|<|>)")  # gcc's %q#T, %q+D: quoted, with flags
_COLONS = ":："
_SPACES = " \u00a0\u202f"
_QUOTE_MARKS = "«»「」"  # a space next to these is optional (French « x », pasted)
_QUOTES = "'\"`‘’“”„«»「」"


def _fields(msgid: str, msgstr: str):
    """Yield ("text", str) and ("field", name) parts of msgstr, the fields
    numbered in the English order of msgid's arguments."""
    del msgid  # the positional form (%2$s) already says which argument it is
    pos = 0
    n = 0
    for m in _DIRECTIVE.finditer(msgstr):
        if m.start() > pos:
            yield "text", msgstr[pos:m.start()]
        pos = m.end()
        conv = m.group(5)
        if conv == "%":
            yield "text", "%"
            continue
        if conv == "<":
            yield "field", "lq"
            continue
        if conv == ">":
            yield "field", "rq"
            continue
        if conv == "m" or conv == "E":
            yield "field", "m"
            continue
        if conv == "P":
            yield "field", "P"
            continue
        if m.group(2) == "*":
            n += 1  # a width argument
        if m.group(3) == "*":
            n += 1  # a precision argument
        if m.group(1):
            index = int(m.group(1)) - 1
        else:
            index, n = n, n + 1
        if conv.startswith("q"):
            yield "field", "lq"
            yield "field", str(index)
            yield "field", "rq"
        else:
            yield "field", str(index)
    if pos < len(msgstr):
        yield "text", msgstr[pos:]


def _positional_check(msgstr: str) -> None:
    """A catalogue either numbers all its arguments or none."""
    numbered = [m.group(1) for m in _DIRECTIVE.finditer(msgstr) if m.group(5) not in ("%", "<", ">", "m", "E", "P")]
    if any(numbered) and not all(numbered):
        raise ValueError("mixed positional and sequential directives: %r" % msgstr)


def _escape_char(ch: str) -> str:
    if ch in "{}":
        return ch * 2
    return re.escape(ch)


def fragment(msgid: str, msgstr: str) -> str:
    """msgstr as a regex fragment with str.format fields (see the module docstring)."""
    _positional_check(msgstr)
    out = []
    parts = list(_fields(msgid, msgstr.rstrip("\n")))
    for k, (kind, value) in enumerate(parts):
        if kind == "field":
            out.append("{%s}" % value)
            continue
        before = parts[k - 1] if k else None
        after = parts[k + 1] if k + 1 < len(parts) else None
        for i, ch in enumerate(value):
            prev = value[i - 1] if i else ""
            nxt = value[i + 1] if i + 1 < len(value) else ""
            if ch in _COLONS:
                out.append("[:：]")
            elif ch in _SPACES:
                marks = _COLONS + _QUOTE_MARKS
                near_mark = ((prev != "" and prev in marks) or (nxt != "" and nxt in marks)
                             or (not nxt and after is None) or (not prev and before is None))
                if ch != " " or near_mark:
                    out.append(r"\s?")
                else:
                    out.append(" ")
            else:
                out.append(_escape_char(ch))
    return "".join(out)


def needle(msgstr: str) -> str:
    """The longest literal run of msgstr that every line it prints contains
    (no directive, colon or optional space in it), in lower case."""
    runs = []
    for kind, value in _fields("", msgstr.rstrip("\n")):
        if kind != "text":
            continue
        # split where the fragment is flexible
        for run in re.split(r"[%s]|[%s]" % (_COLONS, _SPACES.replace(" ", "")), value):
            run = run.strip(" " + _QUOTES)  # the spaces next to them may be optional; quotes vary
            if run:
                runs.append(run)
    if not runs:
        return ""
    return max(runs, key=lambda r: (len(r.encode("utf-8")), r)).lower()


def _catalogues(root: str, domain: str):
    """(language, catalogue) of every .mo of ``domain`` under ``root`` (one unpacked tree per release)."""
    names = [domain + ".mo"] + ([domain + "-*.mo"] if domain in _VERSIONED else [])
    paths = set()
    for name in names:
        for locale in ("locale", "locale-langpack"):
            paths.update(glob.glob(os.path.join(root, "*", "usr", "share", locale, "*", "LC_MESSAGES", name)))
    for path in sorted(paths):
        if domain in _VERSIONED and not re.fullmatch(r"%s(?:-\d+)?\.mo" % domain, os.path.basename(path)):
            continue
        lang = path.split(os.sep)[-3]
        if lang.startswith("en"):  # en_GB, en@quot, en@boldquot: English
            continue
        with open(path, "rb") as f:
            yield lang, gettext.GNUTranslations(f)


def collect(root: str):
    """{message id: [(msgstr, [langs])]}, "C" being the msgid itself."""
    result = {}
    cache = {}
    for mid, (domain, msgid) in sorted(MESSAGES.items()):
        by_text = {msgid: ["C"]}
        if domain not in cache:
            cache[domain] = list(_catalogues(root, domain))
        for lang, cat in cache[domain]:
            text = cat._catalog.get(msgid)  # untranslated: the tool prints msgid
            if not text:
                continue
            if lang not in by_text.setdefault(text, []):
                by_text[text].append(lang)
        result[mid] = sorted((text, sorted(langs)) for text, langs in by_text.items())
    return result


def gcc_quotes(data):
    """GCC's quotes per language in a UTF-8 locale: the catalogue's, or ‘’
    when the catalogue keeps ` and ' (gcc/intl.cc gcc_init_libintl)."""
    def per_lang(mid):
        out = {}
        for text, langs in data[mid]:
            for lang in langs:
                out[lang] = text
        return out

    opens, closes = per_lang("gcc.open_quote"), per_lang("gcc.close_quote")
    quotes = {}
    for lang in sorted(set(opens) | set(closes)):
        o, c = opens.get(lang, "`"), closes.get(lang, "'")
        if o == "`" and c == "'":
            o, c = "\u2018", "\u2019"
        quotes[lang] = (o, c)
    return quotes


def render(data, versions) -> str:
    lines = [
        '"""Tool messages in every language Debian and Ubuntu ship, as regex fragments (GENERATED: do not edit).',
        "",
        "Made by scripts/gen_messages.py from the message catalogues (.mo) of these Debian and Ubuntu packages (the",
        "union of their wordings: Debian 11-13 and Ubuntu 16.04-24.04 cover the tools of 2016-2026):",
        "",
    ]
    lines += ["    %s %s" % (p, v) for p, v in versions]
    lines += [
        "",
        "Regenerate: python scripts/gen_messages.py   (needs deb.debian.org, archive.ubuntu.com and dpkg-deb;",
        "--check compares)",
        "",
        "MESSAGES[id] is a tuple of wordings (msgstr, fragment, needle, langs): the catalogue text, the",
        "same as a regular-expression fragment whose str.format fields the rules fill ({0}, {1}: the",
        "arguments in the English order; {lq}/{rq}: gcc's quotes; {m}: strerror; {P}: the program),",
        "the lower-case literal every printed line contains (\"\" when there is none) and the languages",
        '("C": the untranslated msgid, also printed where a catalogue lacks the string).',
        "GCC_QUOTES[lang] = (open, close): the quotes gcc prints around %qs in a UTF-8 locale.",
        '"""',
        "",
        "PACKAGES = (",
    ]
    lines += ["    (%r, %r)," % (p, v) for p, v in versions]
    lines += [")", "", "SOURCES = {"]
    lines += ["    %r: (%r, %r)," % (mid, dom, msgid) for mid, (dom, msgid) in sorted(MESSAGES.items())]
    lines += ["}", "", "MESSAGES = {"]
    for mid in sorted(data):
        domain, msgid = MESSAGES[mid]
        lines.append("    %r: (" % mid)
        for text, langs in data[mid]:
            lines.append("        (%r, %r, %r, (%s)),"
                         % (text, fragment(msgid, text), needle(text), "".join("%r, " % lang for lang in langs)))
        lines.append("    ),")
    lines += ["}", "", "GCC_QUOTES = {"]
    lines += ["    %r: (%r, %r)," % (lang, o, c) for lang, (o, c) in sorted(gcc_quotes(data).items())]
    lines += ["}", ""]
    return "\n".join(lines)


def _packages_index(release: str, mirror: str = MIRROR, components=("main",)):
    """{package: pool path} of a release's binary-amd64 packages (its Packages.xz, per component)."""
    import lzma
    import urllib.request

    index = {}
    for component in components:
        url = "%s/dists/%s/%s/binary-amd64/Packages.xz" % (mirror, release, component)
        with urllib.request.urlopen(url, timeout=120) as r:
            text = lzma.decompress(r.read()).decode("utf-8", "replace")
        for stanza in text.split("\n\n"):
            fields = dict(line.split(": ", 1) for line in stanza.splitlines()
                          if ": " in line and not line[:1].isspace())
            if "Package" in fields and "Filename" in fields:
                index.setdefault(fields["Package"], fields["Filename"])
    return index


def _fetch(url: str, path: str) -> None:
    import urllib.request

    with urllib.request.urlopen(url, timeout=300) as r:
        data = r.read()
    with open(path, "wb") as f:
        f.write(data)


def download(workdir: str) -> str:
    """The .deb files of RELEASES and UBUNTU_RELEASES, in ``workdir``/debs/<release>/."""
    debs = os.path.join(workdir, "debs")
    for release, packages in RELEASES:
        os.makedirs(os.path.join(debs, release), exist_ok=True)
        index = _packages_index(release)
        for package in packages:
            path = index[package]
            _fetch("%s/%s" % (MIRROR, path), os.path.join(debs, release, os.path.basename(path)))
    for release, gcc in UBUNTU_RELEASES:
        os.makedirs(os.path.join(debs, release), exist_ok=True)
        index = _packages_index(release, UBUNTU_MIRROR, ("main", "universe"))
        for package in sorted(p for p in index if _LANGPACK.fullmatch(p)) + [gcc]:
            path = index[package]
            _fetch("%s/%s" % (UBUNTU_MIRROR, path), os.path.join(debs, release, os.path.basename(path)))
    return debs


def unpack(debs: str, root: str):
    """Unpack each release's packages into ``root``/<release>; their (release/package, version)."""
    versions = []
    for release, packages in RELEASES:
        for package in packages:
            found = sorted(glob.glob(os.path.join(debs, release, package + "_*.deb")))
            if not found:
                raise SystemExit("no %s_*.deb in %s" % (package, os.path.join(debs, release)))
            deb = found[-1]
            version = subprocess.run(["dpkg-deb", "-f", deb, "Version"], check=True, stdout=subprocess.PIPE,
                                     universal_newlines=True).stdout.strip()
            os.makedirs(os.path.join(root, release), exist_ok=True)
            subprocess.run(["dpkg-deb", "-x", deb, os.path.join(root, release)], check=True)
            versions.append(("%s/%s" % (release, package), version))
    for release, gcc in UBUNTU_RELEASES:
        folder = os.path.join(debs, release)
        packs = sorted(glob.glob(os.path.join(folder, "language-pack-*-base_*.deb")))
        gccs = sorted(glob.glob(os.path.join(folder, gcc + "_*.deb")))
        if not packs or not gccs:
            raise SystemExit("no language packs or %s in %s" % (gcc, folder))
        dest = os.path.join(root, release)
        os.makedirs(dest, exist_ok=True)
        subprocess.run(["dpkg-deb", "-x", gccs[-1], dest], check=True)
        versions.append(("%s/%s" % (release, gcc), _version(gccs[-1])))
        seen = set()
        for deb in packs:
            # only the domains read: a language pack holds hundreds of catalogues
            tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], check=True, stdout=subprocess.PIPE).stdout
            subprocess.run(["tar", "-x", "-C", dest, "--wildcards", "--no-anchored"]
                           + ["*/LC_MESSAGES/%s.mo" % d for d in _LANGPACK_DOMAINS], input=tar, check=False,
                           stderr=subprocess.DEVNULL)
            seen.add(_version(deb))
        versions.append(("%s/language-pack-*-base" % release, "%s (%d languages)" % (" ".join(sorted(seen)), len(packs))))
    return versions


def _version(deb: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", deb, "Version"], check=True, stdout=subprocess.PIPE,
                          universal_newlines=True).stdout.strip()


def generate(debs=None) -> str:
    with tempfile.TemporaryDirectory(prefix="gen-messages-") as tmp:
        if debs is None:
            debs = download(tmp)
        root = os.path.join(tmp, "root")
        versions = unpack(debs, root)
        return render(collect(root), versions)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--debs", help="directory with the .deb files in one folder per release (default: download"
                    " them from deb.debian.org)")
    ap.add_argument("--check", action="store_true", help="compare with the committed module, write nothing")
    ap.add_argument("--stdout", action="store_true", help="print the module instead of writing it")
    args = ap.parse_args(argv)
    text = generate(args.debs)
    if args.stdout:
        sys.stdout.write(text)
        return 0
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == text
        print("%s is %s" % (os.path.relpath(OUT, ROOT), "up to date" if same else "OUT OF DATE"))
        return 0 if same else 1
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote", os.path.relpath(OUT, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
