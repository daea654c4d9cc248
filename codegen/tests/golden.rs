//! Golden tests: each `tests/golden/<case>/api.yaml` must generate exactly the files under
//! `tests/golden/<case>/expected/`. Those are workspace members, so `cargo test --workspace`
//! also compiles them and runs their example tests: the generator cannot emit code that only
//! looks right.
//!
//! After an intended change: `UPDATE_GOLDEN=1 cargo test -p codegen --test golden`, then
//! review the diff of `tests/golden/` like any other code.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.join("api.yaml").is_file())
        .collect();
    cases.sort();
    cases
}

/// Every file under `dir`, relative with `/`, except build output.
fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let Ok(entries) = fs::read_dir(&current) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn golden_outputs_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for case in cases() {
        let source = fs::read_to_string(case.join("api.yaml")).unwrap();
        let output = codegen::generate(&source, "api.yaml")
            .unwrap_or_else(|diagnostics| panic!("{}:\n{diagnostics}", case.display()));
        let expected_dir = case.join("expected");
        let expected = read_tree(&expected_dir);
        let generated: BTreeMap<String, String> = output
            .files()
            .map(|(path, text)| (path.to_owned(), text.to_owned()))
            .collect();
        if generated == expected {
            continue;
        }
        if update {
            let _ = fs::remove_dir_all(&expected_dir);
            for (path, text) in &generated {
                let target = expected_dir.join(path);
                fs::create_dir_all(target.parent().unwrap()).unwrap();
                fs::write(target, text).unwrap();
            }
            continue;
        }
        for (path, text) in &generated {
            if expected.get(path) != Some(text) {
                stale.push(format!("{}/expected/{path}", case.display()));
            }
        }
        for path in expected
            .keys()
            .filter(|path| !generated.contains_key(*path))
        {
            stale.push(format!(
                "{}/expected/{path} (no longer generated)",
                case.display()
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "golden files differ from what the generator writes:\n  {}\n\
         if the change is intended: UPDATE_GOLDEN=1 cargo test -p codegen --test golden, then review the diff",
        stale.join("\n  ")
    );
}

#[test]
fn generation_is_deterministic() {
    for case in cases() {
        let source = fs::read_to_string(case.join("api.yaml")).unwrap();
        let first = codegen::generate(&source, "api.yaml").unwrap();
        let second = codegen::generate(&source, "api.yaml").unwrap();
        assert_eq!(first, second, "{}", case.display());
    }
}

#[test]
fn every_file_starts_with_the_generated_header() {
    for case in cases() {
        let source = fs::read_to_string(case.join("api.yaml")).unwrap();
        let output = codegen::generate(&source, "api.yaml").unwrap();
        let header = codegen::header("api.yaml");
        for (path, text) in output.files() {
            let first = text.lines().next().unwrap_or_default();
            assert!(
                first == format!("// {header}") || first == format!("# {header}"),
                "{path} starts with {first:?}"
            );
            assert!(
                text.ends_with('\n') && !text.ends_with("\n\n"),
                "{path} must end in one newline"
            );
            assert!(!text.contains('\r'), "{path} has a carriage return");
        }
    }
}
