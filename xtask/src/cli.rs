//! Arguments and exit codes of `cargo xtask`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::codegen::{self, Failure, Options, Outcome};

/// Everything went as asked.
pub const EXIT_OK: u8 = 0;
/// `--check` found `generated/` stale.
pub const EXIT_STALE: u8 = 1;
/// Invalid input (the description or the arguments) or an I/O error; nothing was written.
pub const EXIT_ERROR: u8 = 2;

const USAGE: &str = "\
usage: cargo xtask codegen [--check] [--api PATH] [--out DIR]

Generates the SDK crate from the API description.

  --check      write nothing; exit 1 with a diff if DIR is not what PATH produces
  --api PATH   the API description (default: api.yaml)
  --out DIR    the generated crate (default: generated); DIR/tests/ is never touched

exit codes: 0 ok, 1 stale (--check), 2 invalid input or I/O error";

/// Runs `cargo xtask ARGS...` and says how it went.
pub fn main(args: Vec<String>) -> ExitCode {
    let options = match parse(&args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::from(EXIT_OK);
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match codegen::run(&options) {
        Ok(Outcome::Fresh { files }) => {
            println!("{} is up to date ({files} files)", options.out.display());
            ExitCode::from(EXIT_OK)
        }
        Ok(Outcome::Written(summary)) => {
            println!("{summary}");
            ExitCode::from(EXIT_OK)
        }
        Ok(Outcome::Stale(report)) => {
            println!("{report}");
            ExitCode::from(EXIT_STALE)
        }
        Err(Failure::Invalid(diagnostics)) => {
            eprintln!("{diagnostics}");
            eprintln!("nothing under {} was changed", options.out.display());
            ExitCode::from(EXIT_ERROR)
        }
        Err(Failure::Io(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The options of `codegen ...`, `None` for `--help`, or what is wrong with the arguments.
fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("codegen") => {}
        None | Some("-h" | "--help" | "help") => return Ok(None),
        Some(other) => return Err(format!("unknown command `{other}`")),
    }
    let mut options = Options {
        api: PathBuf::from("api.yaml"),
        out: PathBuf::from("generated"),
        check: false,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => options.check = true,
            "--api" => options.api = value(&mut args, "--api")?,
            "--out" => options.out = value(&mut args, "--out")?,
            "-h" | "--help" => return Ok(None),
            other => {
                if let Some(path) = other.strip_prefix("--api=") {
                    options.api = PathBuf::from(path);
                } else if let Some(path) = other.strip_prefix("--out=") {
                    options.out = PathBuf::from(path);
                } else {
                    return Err(format!("unknown argument `{other}`"));
                }
            }
        }
    }
    Ok(Some(options))
}

fn value<'a>(args: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<PathBuf, String> {
    args.next()
        .map(PathBuf::from)
        .ok_or_else(|| format!("`{flag}` needs a path"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_flags_in_any_order() {
        let options = parse(&args("codegen --out x --check --api=a.yaml"))
            .unwrap()
            .unwrap();
        assert_eq!(options.api, PathBuf::from("a.yaml"));
        assert_eq!(options.out, PathBuf::from("x"));
        assert!(options.check);
    }

    #[test]
    fn rejects_what_it_does_not_know() {
        assert!(
            parse(&args("codegen --chek"))
                .unwrap_err()
                .contains("--chek")
        );
        assert!(
            parse(&args("codegen --api"))
                .unwrap_err()
                .contains("needs a path")
        );
        assert!(parse(&args("build")).unwrap_err().contains("build"));
        assert!(parse(&args("--help")).unwrap().is_none());
    }
}
