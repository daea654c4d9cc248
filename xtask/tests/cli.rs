//! `cargo xtask codegen` as a user runs it: the real binary, on a copy of `api.yaml`, writing
//! into a temporary directory.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    /// A temporary directory holding a copy of the real `api.yaml`.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let api = Path::new(env!("CARGO_MANIFEST_DIR")).join("../api.yaml");
        fs::copy(api, dir.path().join("api.yaml")).unwrap();
        Self { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Runs `xtask codegen ARGS` in the directory (so the defaults apply).
    fn codegen(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .arg("codegen")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    /// Every file under `generated/`, with its contents.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut stack = vec![self.path("generated")];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.insert(path.clone(), fs::read(&path).unwrap());
                }
            }
        }
        files
    }

    fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.path(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn writes_then_reports_fresh() {
    let ws = Workspace::new();
    let first = ws.codegen(&[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("wrote   generated/src/resources/task.rs"),
        "{}",
        stdout(&first)
    );
    assert!(ws.path("generated/Cargo.toml").is_file());

    let again = ws.codegen(&[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains("generated is up to date"),
        "{}",
        stdout(&again)
    );

    let check = ws.codegen(&["--check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

#[test]
fn a_changed_message_makes_check_fail_with_a_diff_until_regenerated() {
    let ws = Workspace::new();
    assert_eq!(ws.codegen(&[]).status.code(), Some(0));
    ws.edit(
        "api.yaml",
        "message: The task does not exist. Verify the task ID.",
        "message: No task has this ID.",
    );

    let before = ws.snapshot();
    let check = ws.codegen(&["--check"]);
    let report = stdout(&check);
    assert_eq!(check.status.code(), Some(1), "{report}");
    assert!(
        report.contains("changed: generated/src/error_kind.rs"),
        "{report}"
    );
    let diff_line = |sign: char, text: &str| {
        report
            .lines()
            .any(|l| l.starts_with(sign) && l.contains(text))
    };
    assert!(
        diff_line('+', "Self::TaskNotFound => Some(\"No task has this ID.\"),"),
        "{report}"
    );
    assert!(
        diff_line(
            '-',
            "Self::TaskNotFound => Some(\"The task does not exist. Verify the task ID.\"),"
        ),
        "{report}"
    );
    assert!(
        report.contains("Run `cargo xtask codegen` and commit the result."),
        "{report}"
    );
    assert_eq!(ws.snapshot(), before, "--check wrote files");

    let write = ws.codegen(&[]);
    assert!(
        stdout(&write).contains("1 written, 0 deleted"),
        "{}",
        stdout(&write)
    );
    assert_eq!(ws.codegen(&["--check"]).status.code(), Some(0));
}

#[test]
fn hand_edits_and_strays_are_found_and_tests_are_left_alone() {
    let ws = Workspace::new();
    assert_eq!(ws.codegen(&[]).status.code(), Some(0));
    ws.edit(
        "generated/src/lib.rs",
        "pub const BASE_URL",
        "pub const BASE",
    );
    fs::write(ws.path("generated/src/resources/old.rs"), "// left over\n").unwrap();
    fs::create_dir_all(ws.path("generated/tests")).unwrap();
    fs::write(ws.path("generated/tests/behaviour.rs"), "// hand-written\n").unwrap();
    fs::remove_file(ws.path("generated/src/types.rs")).unwrap();

    let check = ws.codegen(&["--check"]);
    let report = stdout(&check);
    assert_eq!(check.status.code(), Some(1), "{report}");
    assert!(report.contains("changed: generated/src/lib.rs"), "{report}");
    assert!(
        report.contains("missing: generated/src/types.rs"),
        "{report}"
    );
    assert!(
        report.contains("stray:   generated/src/resources/old.rs"),
        "{report}"
    );
    assert!(
        !report.contains("behaviour.rs"),
        "tests/ is not the generator's: {report}"
    );

    let write = ws.codegen(&[]);
    assert!(
        stdout(&write).contains("deleted generated/src/resources/old.rs"),
        "{}",
        stdout(&write)
    );
    assert!(!ws.path("generated/src/resources/old.rs").exists());
    assert_eq!(
        fs::read_to_string(ws.path("generated/tests/behaviour.rs")).unwrap(),
        "// hand-written\n"
    );
    assert_eq!(ws.codegen(&["--check"]).status.code(), Some(0));
}

#[test]
fn a_large_difference_is_cut_and_counted() {
    let ws = Workspace::new();
    let check = ws.codegen(&["--check"]);
    let report = stdout(&check);
    assert_eq!(check.status.code(), Some(1));
    assert!(report.contains("missing: generated/src/lib.rs"), "{report}");
    let cut = report
        .lines()
        .find_map(|line| {
            line.strip_prefix("... ")?
                .strip_suffix(" more diff lines not shown")
        })
        .unwrap_or_else(|| panic!("no cut line in:\n{report}"));
    assert!(cut.parse::<usize>().unwrap() > 1000, "{cut}");
    assert!(report.lines().count() < 500, "the diff was not capped");
}

#[test]
fn invalid_input_exits_2_and_touches_nothing() {
    let ws = Workspace::new();
    assert_eq!(ws.codegen(&[]).status.code(), Some(0));
    let before = ws.snapshot();
    ws.edit(
        "api.yaml",
        "type: TaskStatus, required: true",
        "type: TaskStatsu, required: true",
    );
    ws.edit(
        "api.yaml",
        "method: POST\n        path: /tasks",
        "method: POSTT\n        path: /tasks",
    );

    for args in [&[][..], &["--check"][..]] {
        let run = ws.codegen(args);
        let errors = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{errors}");
        assert!(
            errors.contains("error: unknown type `TaskStatsu`"),
            "{errors}"
        );
        assert!(
            errors.contains("= help: did you mean `TaskStatus`?"),
            "{errors}"
        );
        assert!(
            errors.contains("error: unknown HTTP method `POSTT`"),
            "{errors}"
        );
        assert!(errors.contains("api.yaml has 2 problems"), "{errors}");
        let line = errors
            .lines()
            .find(|l| l.contains("--> api.yaml:"))
            .unwrap();
        let position: Vec<&str> = line
            .trim_start_matches(|c| c != ':')
            .split(':')
            .skip(1)
            .collect();
        assert!(
            position.len() == 2 && position.iter().all(|p| p.parse::<usize>().is_ok()),
            "{line}"
        );
        assert_eq!(ws.snapshot(), before, "invalid input changed generated/");
    }
}

#[test]
fn io_and_usage_errors_exit_2() {
    let ws = Workspace::new();
    let missing = ws.codegen(&["--api", "nope.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("cannot read nope.yaml"),
        "{}",
        stderr(&missing)
    );

    let unknown = ws.codegen(&["--frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown argument `--frobnicate`"));
    assert!(stderr(&unknown).contains("usage: cargo xtask codegen"));
    assert!(!ws.path("generated").exists());
}

#[test]
fn api_and_out_can_point_anywhere() {
    let ws = Workspace::new();
    fs::rename(ws.path("api.yaml"), ws.path("other.yaml")).unwrap();
    let run = ws.codegen(&["--api", "other.yaml", "--out", "sdk"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let lib = fs::read_to_string(ws.path("sdk/src/lib.rs")).unwrap();
    assert!(
        lib.starts_with("// @generated by `cargo xtask codegen` from other.yaml."),
        "{lib}"
    );
    fs::write(ws.path("sdk/src/extra.rs"), "").unwrap();
    let check = ws.codegen(&["--api", "other.yaml", "--out", "sdk", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("Run `cargo xtask codegen --api other.yaml --out sdk`"),
        "{}",
        stdout(&check)
    );
}
