//! The generator: an API description (`api.yaml`) in, the files of a Rust SDK crate out.
//!
//! A pure function in four stages, each knowing only the one before it:
//! `spec` (YAML → a mirror of the format) → `model` (validated, resolved, Rust names) →
//! `emit` (tokens per file) → `render` (formatted text). File system access belongs to the
//! caller (`xtask`). See `ARCHITECTURE.md` for the invariants.

// No input may panic the generator, and no shortcut that could panic gets in.
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod diagnostic;
mod emit;
mod model;
mod render;
mod spec;

use std::collections::BTreeMap;

pub use diagnostic::{Diagnostic, Diagnostics, KeyPath, Location, Segment, Target};

/// The generated files: relative path (with `/`) → contents, in path order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<String, String>,
}

impl Output {
    /// Every file, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
    }

    /// One file's contents.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Generates the SDK crate described by `source`. `origin` names the source in diagnostics
/// (usually its path); its last component is named in every file's "generated from" header.
///
/// # Errors
///
/// Every problem in the description, each with its line, column and key path.
pub fn generate(source: &str, origin: &str) -> Result<Output, Diagnostics> {
    let fail = |items: Vec<Diagnostic>| resolve(items, source, origin);
    let parsed = spec::parse(source);
    let mut problems = parsed.problems;
    let Some(spec) = parsed.spec else {
        return Err(fail(problems));
    };
    let source_name = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    // The model runs even when the spec had problems, so that every problem is reported at
    // once; what failed to decode is left out of `spec`, and `poisoned` silences echoes of it.
    let api = match model::build(&spec, &parsed.poisoned, source_name) {
        Ok(api) if problems.is_empty() => api,
        Ok(_) => return Err(fail(problems)),
        Err(more) => {
            problems.extend(more);
            return Err(fail(problems));
        }
    };
    let mut files = BTreeMap::new();
    for file in emit::emit(&api) {
        let text = render::render(&file, source_name).map_err(|error| {
            fail(vec![Diagnostic::at_value(
                &KeyPath::root(),
                format!("internal error: the code generated for `{}` is not valid Rust: {error}", file.path),
            )
            .help("this is a bug in the generator; please report it with the description that caused it")])
        })?;
        files.insert(file.path, text);
    }
    Ok(Output { files })
}

/// The header line every generated file starts with (after `// ` or `# `).
pub fn header(source_name: &str) -> String {
    render::header(source_name)
}

/// Attaches line and column to each diagnostic; a path that is not in the source (a missing
/// key) points at the nearest enclosing key that is.
fn resolve(mut items: Vec<Diagnostic>, source: &str, origin: &str) -> Diagnostics {
    for item in &mut items {
        if item.location().is_some() {
            item.locate(None, source);
            continue;
        }
        let mut path = item.path().clone();
        let mut target = item.target();
        let mut nth = item.nth();
        let location = loop {
            if path.segments().is_empty() {
                break None;
            }
            if let Some(found) = spec::locate(source, &path, target, nth) {
                break Some(found);
            }
            if target == Target::Value {
                target = Target::Key;
                continue;
            }
            path = path.parent();
            nth = 1;
        };
        item.locate(location, source);
    }
    Diagnostics::new(origin, items)
}
