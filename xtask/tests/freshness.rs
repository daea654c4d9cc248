//! `cargo test --workspace` fails when `generated/` is not exactly what `api.yaml` produces.

use xtask::codegen::{Failure, Options, Outcome, run};

#[test]
fn generated_crate_matches_api_yaml() {
    // From the workspace root, so the report names `cargo xtask codegen` without flags.
    std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
    let options = Options {
        api: "api.yaml".into(),
        out: "generated".into(),
        check: true,
    };
    match run(&options) {
        Ok(Outcome::Fresh { files }) => assert!(files > 10, "only {files} generated files"),
        Ok(Outcome::Stale(report)) => panic!("{report}"),
        Ok(Outcome::Written(_)) => panic!("--check wrote files"),
        Err(Failure::Invalid(diagnostics)) => panic!("api.yaml is invalid:\n{diagnostics}"),
        Err(Failure::Io(message)) => panic!("{message}"),
    }
}
