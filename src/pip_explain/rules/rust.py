"""No Rust toolchain (PX020): setuptools-rust, maturin, or cargo not on PATH."""
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


RUST = Rule(
    code="PX020",
    cause="rust-missing",
    title="Rust compiler not found",
    summary="{package} contains Rust code: building it needs cargo and rustc, which were not found on PATH.",
    patterns=missing_program(is_rust_tool) + (
        # setuptools-rust
        Pattern("rust compiler", r"can.t find Rust compiler"),
        # maturin's PEP 517 backend
        Pattern("rust package manager", r"Cargo, the Rust package manager, is not installed or is not on PATH"),
        Pattern("requires rust and cargo", r"This package requires Rust and Cargo to compile extensions"),
        # maturin >= 1.8.4 then tries to download Rust; only a hint of the cause
        Pattern("rust not found", r"Rust not found, installing into a temporary directory", weak=True),
    ),
    fix=_fix,
    verify=lambda ctx: ("cargo --version", "rustc --version"),
    examples=(
        "error: can't find Rust compiler",
        "Cargo, the Rust package manager, is not installed or is not on PATH.",
        "This package requires Rust and Cargo to compile extensions. Install it through the system's package"
        " manager or via https://rustup.rs/",
        "error: [Errno 2] No such file or directory: 'cargo'",
        "/bin/sh: 1: cargo: not found",
    ),
    counter_examples=(
        "error: package `foo v1.0.0` cannot be built because it requires rustc 1.70 or newer, while the currently"
        " active rustc version is 1.63.0",
    ),
)

RULES = (RUST,)
