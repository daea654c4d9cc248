//! `cargo xtask codegen [--check]`: make the output directory exactly what the description
//! produces, or say how it differs.
//!
//! Every file is generated in memory first; nothing is written unless generation succeeded,
//! so an invalid description never touches the output.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{diff, tree};

/// What to generate from where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The API description.
    pub api: PathBuf,
    /// The generated crate's directory.
    pub out: PathBuf,
    /// Compare only; write nothing.
    pub check: bool,
}

/// How a run ended.
#[derive(Debug)]
pub enum Outcome {
    /// The output already matched: `files` generated files, all identical.
    Fresh {
        /// How many files the generator owns.
        files: usize,
    },
    /// The output was brought up to date.
    Written(Summary),
    /// `--check` found differences.
    Stale(Report),
}

/// Why a run could not complete; nothing was written.
#[derive(Debug)]
pub enum Failure {
    /// The description has problems.
    Invalid(codegen::Diagnostics),
    /// A file could not be read or written.
    Io(String),
}

/// What differs between the output directory and what the description produces.
#[derive(Debug, Default)]
pub struct Report {
    out: PathBuf,
    api: PathBuf,
    /// Relative paths of files whose contents differ, with their diff.
    changed: Vec<(String, String)>,
    /// Files the generator writes that are not there.
    missing: Vec<(String, String)>,
    /// Files that are there but the generator no longer writes.
    stray: Vec<String>,
}

impl Report {
    /// Relative paths of every file that differs, in order: changed, missing, stray.
    pub fn paths(&self) -> Vec<&str> {
        self.changed
            .iter()
            .chain(&self.missing)
            .map(|(path, _)| path.as_str())
            .chain(self.stray.iter().map(String::as_str))
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.stray.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let out = self.out.display();
        writeln!(
            f,
            "{out}/ is stale: it is not what {} produces.\n",
            self.api.display()
        )?;
        for (path, _) in &self.changed {
            writeln!(f, "  changed: {out}/{path}")?;
        }
        for (path, _) in &self.missing {
            writeln!(f, "  missing: {out}/{path}")?;
        }
        for path in &self.stray {
            writeln!(
                f,
                "  stray:   {out}/{path} (the generator does not write it)"
            )?;
        }
        let diffs: String = self
            .changed
            .iter()
            .chain(&self.missing)
            .map(|(_, diff)| diff.as_str())
            .collect();
        let (shown, cut) = diff::cap(&diffs, diff::MAX_LINES);
        writeln!(f, "\n{shown}")?;
        if cut > 0 {
            writeln!(f, "... {cut} more diff lines not shown\n")?;
        }
        let api = if self.api == Path::new("api.yaml") {
            String::new()
        } else {
            format!(" --api {}", self.api.display())
        };
        let out_flag = if self.out == Path::new("generated") {
            String::new()
        } else {
            format!(" --out {out}")
        };
        write!(
            f,
            "Run `cargo xtask codegen{api}{out_flag}` and commit the result."
        )
    }
}

/// What a write changed.
#[derive(Debug, Default)]
pub struct Summary {
    out: PathBuf,
    /// Relative paths written (new or changed).
    pub written: Vec<String>,
    /// Relative paths deleted.
    pub deleted: Vec<String>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let out = self.out.display();
        for path in &self.written {
            writeln!(f, "  wrote   {out}/{path}")?;
        }
        for path in &self.deleted {
            writeln!(f, "  deleted {out}/{path}")?;
        }
        write!(
            f,
            "{out}/ updated: {} written, {} deleted",
            self.written.len(),
            self.deleted.len()
        )
    }
}

/// Generates from `options.api` and compares with, or writes to, `options.out`.
///
/// # Errors
///
/// An invalid description, or a file that cannot be read or written.
pub fn run(options: &Options) -> Result<Outcome, Failure> {
    let source = fs::read_to_string(&options.api)
        .map_err(|error| Failure::Io(format!("cannot read {}: {error}", options.api.display())))?;
    let origin = options.api.display().to_string();
    let output = codegen::generate(&source, &origin).map_err(Failure::Invalid)?;
    let current = tree::read_owned(&options.out)
        .map_err(|error| Failure::Io(format!("cannot read {}: {error}", options.out.display())))?;

    let mut report = Report {
        out: options.out.clone(),
        api: options.api.clone(),
        ..Report::default()
    };
    for (path, text) in output.files() {
        match current.get(path) {
            Some(Some(old)) if old == text => {}
            Some(old) => {
                let diff = diff::unified(path, old.as_deref().unwrap_or("(not UTF-8)\n"), text);
                report.changed.push((path.to_owned(), diff));
            }
            None => report
                .missing
                .push((path.to_owned(), diff::unified(path, "", text))),
        }
    }
    report.stray = current
        .keys()
        .filter(|path| output.get(path).is_none())
        .cloned()
        .collect();

    if report.is_empty() {
        return Ok(Outcome::Fresh {
            files: output.len(),
        });
    }
    if options.check {
        return Ok(Outcome::Stale(report));
    }
    let mut summary = Summary {
        out: options.out.clone(),
        ..Summary::default()
    };
    let io = |path: &Path, error: std::io::Error| {
        Failure::Io(format!("cannot write {}: {error}", path.display()))
    };
    for path in report.paths() {
        let target = options.out.join(path);
        match output.get(path) {
            Some(text) => {
                tree::write_atomically(&target, text).map_err(|e| io(&target, e))?;
                summary.written.push(path.to_owned());
            }
            None => {
                tree::remove_and_prune(&options.out, &target).map_err(|e| io(&target, e))?;
                summary.deleted.push(path.to_owned());
            }
        }
    }
    Ok(Outcome::Written(summary))
}
