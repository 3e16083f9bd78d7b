"""No Rust toolchain (PX020): setuptools-rust, maturin, or cargo not on PATH;
a Rust toolchain older than the sources need (PX021: the version they ask for; PX022: a feature rustc
does not have yet)."""
import re

from pip_explain.enrich.fixes import Context
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules._shapes import is_rust_tool, missing_program


def _fix(ctx: Context):
    if ctx.platform.system == "windows":
        return (Fix("winget install Rustlang.Rustup", "install Rust with rustup, then open a new terminal"),)
    return (
        Fix("curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh",
            "install Rust with rustup (distribution packages are often too old)"),
        Fix('. "$HOME/.cargo/env"', "put cargo on PATH in this shell"),
    )


# the next "Caused by:" of maturin's chain when the program it ran was not there (io::ErrorKind::NotFound, its
# Unix and Windows strerror, or which's "program not found")
_NOT_RUN = (r"Caused by: (?:No such file or directory \(os error 2\)|program not found"
            r"|The system cannot find the file specified)")


RUST = Rule(
    code="PX020",
    cause="rust-missing",
    title="Rust compiler not found",
    summary="{package} contains Rust code: building it needs cargo and rustc, which were not found on PATH.",
    patterns=missing_program(is_rust_tool) + (
        # setuptools-rust: "can't find Rust compiler" (>= 0.12), "Can not find Rust compiler" (0.6 - 0.11, its
        # get_rust_version(); the same releases' "Can not get rustc version: ..." is another failure)
        Pattern("rust compiler", r"(?:can.t|can not) find Rust compiler"),
        # the advice setuptools-rust >= 0.12 appends to that error only (command.py), when the excerpt kept no
        # more than its paragraphs: libcst on aarch64, cryptography, tokenizers logs
        Pattern("installing a rust compiler",
                r"try installing a Rust compiler from your system package manager and ensure it is on the PATH",
                weak=True),
        # setuptools-rust before 0.12 (build.py, on any OSError running cargo; "rust" lower-case before 0.10):
        # "Unable to execute 'cargo' - this package requires Rust to be installed and cargo to be on the PATH"
        Pattern("unable to execute 'cargo'", r"Unable to execute 'cargo' - this package requires Rust to be installed",
                detail="cargo"),
        # maturin's PEP 517 backend
        Pattern("rust package manager", r"Cargo, the Rust package manager, is not installed or is not on PATH"),
        Pattern("requires rust and cargo", r"This package requires Rust and Cargo to compile extensions"),
        # the end of setuptools-rust's "can't find Rust compiler" advice, when only the tail was kept: its
        # rustc_info.py / build.py append "This package requires Rust {min_version}." to that error only (a
        # Rust that is too old gets "Rust X does not match extension requirement Y"); cryptography (thirdparty
        # 27, b4 03 on a Raspberry Pi), bcrypt logs end with it
        Pattern("this package requires rust", r"This package requires Rust (?:>=|\d)"),
        # ... and its bootstrap (puccinialin's setup_rust(), when no cargo is on PATH) gives up where rustup has no
        # toolchain for the host: "Target triple not supported by rustup: riscv64-unknown-linux-musl" (maturin's
        # sdist on RISC-V musl, b17-rust-pyo3/06; pydantic-core and cryptography on Termux in their threads)
        Pattern("not supported by rustup", r"Target triple not supported by rustup: \S"),
        # maturin >= 1.8.4 then tries to download Rust; only a hint of the cause
        Pattern("rust not found", r"Rust not found, installing into a temporary directory", weak=True),
        # maturin: "Cargo metadata failed. Do you have cargo in your PATH?" (maturin's project_layout.rs; older
        # releases print it for any failure of `cargo metadata`, so the next "Caused by:" must say not found)
        Pattern("do you have cargo in your path", r"Cargo metadata failed\. Do you have cargo in your PATH\?",
                detail="cargo", then=_NOT_RUN, within=2),
        # ... the chain flattened into one line, as Home Assistant's log panel shows uv's error (stream-unzip under uv
        # in its Docker image, b51-linux-arm-musl-2/01)
        Pattern("do you have cargo in your path", r"Cargo metadata failed\. Do you have cargo in your PATH\?[^\S\n]{1,8}"
                + _NOT_RUN, detail="cargo"),
        # ... and its other contexts for a program it runs, in the same "Caused by:" chain (maturin's own source:
        # project_layout.rs "Cargo metadata failed", target.rs "Failed to run rustc to get the host target"), the
        # next cause saying the program was not there (clvm_rs and anki under `maturin develop`,
        # b30-rust-longtail/13, 19)
        Pattern("cargo metadata failed", r"Caused by: Cargo metadata failed\s*$", detail="cargo", then=_NOT_RUN,
                within=1),
        Pattern("failed to run rustc", r"Caused by: Failed to run rustc to get the host target\s*$", detail="rustc",
                then=_NOT_RUN, within=1),
    ),
    fix=_fix,
    verify=lambda ctx: ("cargo --version", "rustc --version"),
    why="Packages written in Rust (via PyO3 with maturin or setuptools-rust) compile their Rust code when pip"
    " finds no wheel for your platform; that needs cargo and rustc on PATH. rustup installs them into"
    " ~/.cargo/bin, which a new shell (or a CI step) may not have on PATH.",
    prevent="Use a Python version and platform the package has wheels for; in images, install Rust with rustup"
    " and put ~/.cargo/bin on PATH.",
    examples=(
        "error: can't find Rust compiler",
        "error: Can not find Rust compiler",
        "If you did intend to build this package from source, try installing a Rust compiler from your system"
        " package manager and ensure it is on the PATH during installation. Alternatively, rustup (available at"
        " https://rustup.rs) is the recommended way to download and update the Rust compiler toolchain.",
        "Cargo, the Rust package manager, is not installed or is not on PATH.",
        "This package requires Rust and Cargo to compile extensions. Install it through the system's package"
        " manager or via https://rustup.rs/",
        "error: [Errno 2] No such file or directory: 'cargo'",
        "/bin/sh: 1: cargo: not found",
        "      This package requires Rust >=1.48.0.",
        "error: Unable to execute 'cargo' - this package requires Rust to be installed and cargo to be on the PATH",
        "error: Unable to execute 'cargo' - this package requires rust to be installed and cargo to be on the PATH",
        "      Target triple not supported by rustup: riscv64-unknown-linux-musl",
        "Target triple not supported by rustup: arm-unknown-linux-androideabi",
    ),
    counter_examples=(
        "error: Can not get rustc version: [Errno 13] Permission denied",
        "error: can't find Rust extension project file: rust/Cargo.toml",
        "error: package `foo v1.0.0` cannot be built because it requires rustc 1.70 or newer, while the currently"
        " active rustc version is 1.63.0",
    ),
)

def _too_old_fix(ctx: Context):
    asked = " %s" % ctx.detail if ctx.detail else ""
    return (
        Fix("rustup update stable", ("update Rust to%s or newer" % asked if asked else "update Rust to the latest"
                                     " release") + " (rustup-managed toolchains)"),
        Fix("", "a Rust from the distribution's packages is often too old: install one with rustup"
                " (https://rustup.rs) and make sure its ~/.cargo/bin comes first on PATH"),
    )


RUST_TOO_OLD = Rule(
    code="PX021",
    cause="rust-too-old",
    title="Rust compiler too old",
    summary="{package} needs a newer Rust than the one on PATH (it asks for rustc {detail}).",
    patterns=(
        # cargo (rust-version of a crate): "package `x v1` cannot be built because it requires rustc 1.70 or
        # newer, while the currently active rustc version is 1.63.0"
        Pattern("cannot be built because it requires rustc",
                r"cannot be built because it requires rustc (?P<d>\d+\.\d+(?:\.\d+)?)"),
        # cargo >= 1.72: "rustc 1.94.0 is not supported by the following package:" / "  x@1.2 requires rustc 1.95"
        Pattern("requires rustc", r"^\s*\S+@\S+ requires rustc (?P<d>\d+\.\d+(?:\.\d+)?)"),
        # setuptools-rust: "error: Rust 1.41.1 does not match extension requirement >=1.45.0"
        Pattern("does not match extension requirement",
                r"Rust \S+ does not match extension requirement (?P<d>[<>=~^!]*\s*\d[\w.]*)",
                clean=lambda d: d.lstrip("<>=~^! ")),
        # cargo older than the manifest's edition or lock file
        # (the edition's first stable Rust: 2021 -> 1.56, 2024 -> 1.85; lock file v4 -> cargo 1.78)
        Pattern("feature `edition2021`", r"feature `edition2021` is required", detail="1.56"),
        Pattern("feature `edition2024`", r"feature `edition2024` is required", detail="1.85"),
    ) + tuple(
        # ... and other manifest features a cargo knew only as unstable, with the release that stabilised each
        # (Cargo's changelog): orjson 3.7.8's `resolver = "2"` read by a cargo older than 1.51, "feature `resolver`
        # is required" (a Home Assistant venv, b30-wrappers-outside-pip/17)
        Pattern("feature `%s`" % feature, r"feature `%s` is required" % re.escape(feature), detail=version)
        for feature, version in (("resolver", "1.51"), ("rename-dependency", "1.31"), ("named-profiles", "1.57"),
                                 ("strip", "1.59"), ("namespaced-features", "1.60"), ("weak-dep-features", "1.60"),
                                 ("workspace-inheritance", "1.64"))
    ) + (
        # cargo from 1.31 until the edition is stable: "this version of Cargo is older than the `2021` edition, and
        # only supports `2015` and `2018` editions." (features.rs; helium/miner #1539, watchfiles on piwheels). A
        # year that is no edition ("`2023`", a typo in Cargo.toml) is the package's bug, not this.
        Pattern("this version of cargo is older than the",
                r"this version of Cargo is older than the `(?P<d>2021|2024)` edition",
                clean=lambda d: {"2021": "1.56", "2024": "1.85"}[d]),
        Pattern("lock file version", r"lock file version 4 requires `-Znext-lockfile-bump`", detail="1.78"),
        # workspace inheritance (`authors.workspace = true`, stable in Cargo 1.64) read by an older Cargo, whose
        # manifest schema wants the value itself: "invalid type: map, expected a sequence for key
        # `package.authors`" (cryptography 43 under iSH's Rust 1.52, b17-rust-pyo3/16), "... expected a string for
        # key `package.version`"
        Pattern("invalid type: map, expected a", r"invalid type: map, expected a (?:sequence|string|boolean) for key"
                r" `package\.(?:authors|version|edition|rust-version|description|documentation|homepage|license|"
                r"license-file|repository|readme|keywords|categories|publish|exclude|include)`", detail="1.64"),
        Pattern("does not understand this lock file",
                r"lock file version `?4`? was found, but this version of Cargo does not understand", detail="1.78"),
        Pattern("does not understand this lock file",
                r"lock file version `?3`? was found, but this version of Cargo does not understand", detail="1.53"),
    ),
    fix=_too_old_fix,
    verify=lambda ctx: ("rustc --version", "cargo --version"),
    why="Rust crates declare the oldest compiler they support; distributions ship a Rust that lags the crates"
    " by months or years, and an old rustup toolchain is not updated by itself.",
    prevent="Manage Rust with rustup and run `rustup update` before building; pin the package to a version with a"
    " wheel for your platform.",
    examples=(
        "error: package `bitstream-io v2.5.3` cannot be built because it requires rustc 1.79 or newer, while the"
        " currently active rustc version is 1.76.0",
        "    cargo-credential-libsecret@0.5.8 requires rustc 1.95",
        "  feature `edition2021` is required",
        "    this version of Cargo is older than the `2021` edition, and only supports `2015` and `2018` editions.",
        "        invalid type: map, expected a sequence for key `package.authors`",
        "  invalid type: map, expected a string for key `package.version`",
    ),
    counter_examples=(
        "error: can't find Rust compiler",
        "This package requires Rust >=1.48.0.",
        "this version of Cargo is older than the `2023` edition, and only supports `2015`, `2018`, and `2021`"
        " editions.",
        "invalid type: map, expected a string for key `dependencies.foo.version`",
    ),
)

# rustc's E0658 ("An unstable feature was used", rustc --explain E0658): the sources use a language or library
# feature this rustc does not have as stable -- stabilised in a later release (or-patterns in 1.53, once_cell's
# OnceLock in 1.70, let-else in 1.65). Its wordings: "or-patterns syntax is experimental", "`let...else`
# statements are unstable", "use of unstable library feature 'once_cell'"; all carry the code. (A crate that
# needs nightly says E0554 "`#![feature]` may not be used on the stable release channel": not this.)
RUST_FEATURE_TOO_NEW = Rule(
    code="PX022",
    cause="rust-too-old",
    title="Rust compiler too old for the code",
    summary="{package}'s Rust code uses a language or library feature that this rustc does not have yet"
    " (rustc error E0658): a newer Rust has it.",
    patterns=(Pattern("error[e0658]", r"error\[E0658\]: "),),
    fix=_too_old_fix,
    verify=lambda ctx: ("rustc --version", "cargo --version"),
    why="rustc rejects features that a later release made stable: the crate (or one of its dependencies) was"
    " written for a newer Rust than the one on PATH, typically a distribution's packaged rustc, which lags"
    " the crates by months or years.",
    prevent="Manage Rust with rustup and run `rustup update` before building; pin the package to a version with a"
    " wheel for your platform.",
    examples=(
        "error[E0658]: or-patterns syntax is experimental",
        "error[E0658]: use of unstable library feature 'once_cell'",
        "error[E0658]: `let...else` statements are unstable",
    ),
    counter_examples=(
        "error[E0554]: `#![feature]` may not be used on the stable release channel",
        "For more information about this error, try `rustc --explain E0658`.",
    ),
)

RULES = (RUST, RUST_TOO_OLD, RUST_FEATURE_TOO_NEW)
