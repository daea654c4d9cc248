//! Bad input, rustc-style: each `tests/ui/<case>.yaml` must be rejected, and the rendered
//! diagnostics must match `tests/ui/<case>.stderr`. Update with
//! `UPDATE_GOLDEN=1 cargo test -p codegen --test ui` and review the diff.

use std::fs;
use std::path::Path;

#[test]
fn bad_descriptions_are_reported_with_positions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the UI cases are missing");
    let mut mismatched = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let source = fs::read_to_string(case).unwrap();
        let diagnostics = match codegen::generate(&source, &format!("tests/ui/{name}")) {
            Ok(_) => panic!("{name} was accepted, but it is invalid"),
            Err(diagnostics) => diagnostics,
        };
        assert!(
            !diagnostics.is_empty(),
            "{name}: an error without diagnostics"
        );
        for item in diagnostics.items() {
            assert!(
                item.location().is_some() || item.path().segments().is_empty(),
                "{name}: `{}` at {} has no line and column",
                item.message(),
                item.path()
            );
        }
        let rendered = format!("{diagnostics}\n");
        let expected_path = case.with_extension("stderr");
        if update {
            fs::write(&expected_path, &rendered).unwrap();
        } else if fs::read_to_string(&expected_path).ok().as_deref() != Some(rendered.as_str()) {
            mismatched.push(format!("{name}:\n{rendered}"));
        }
    }
    assert!(
        mismatched.is_empty(),
        "diagnostics differ from tests/ui/*.stderr (UPDATE_GOLDEN=1 to accept):\n\n{}",
        mismatched.join("\n")
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let source = fs::read_to_string(dir.join("many_problems.yaml")).unwrap();
    let diagnostics = codegen::generate(&source, "many_problems.yaml").unwrap_err();
    let messages: Vec<&str> = diagnostics.items().iter().map(|d| d.message()).collect();
    assert!(messages.len() >= 4, "{messages:#?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown HTTP method `get`")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("missing key `method`")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("expected `true` or `false`")),
        "{messages:#?}"
    );
}
