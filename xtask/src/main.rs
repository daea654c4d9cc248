//! `cargo xtask`: the project's own commands. See `cargo xtask --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    xtask::cli::main(std::env::args().skip(1).collect())
}
