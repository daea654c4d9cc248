//! The files of the output directory that the generator owns, and writing them.
//!
//! The generator owns everything under the output directory except `tests/`, which holds the
//! SDK's hand-written behaviour tests.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The directory under the output that belongs to people, not the generator.
pub(crate) const HAND_WRITTEN: &str = "tests";

/// The owned files under `out` (relative path with `/` → contents); none if `out` is absent.
/// A file that is not UTF-8 reads as `None` and so always differs.
pub(crate) fn read_owned(out: &Path) -> io::Result<BTreeMap<String, Option<String>>> {
    let mut files = BTreeMap::new();
    if !out.exists() {
        return Ok(files);
    }
    let mut stack = vec![PathBuf::new()];
    while let Some(relative) = stack.pop() {
        for entry in fs::read_dir(out.join(&relative))? {
            let entry = entry?;
            let path = relative.join(entry.file_name());
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if !(relative.as_os_str().is_empty() && entry.file_name() == HAND_WRITTEN) {
                    stack.push(path);
                }
            } else {
                let text = String::from_utf8(fs::read(entry.path())?).ok();
                files.insert(slash_path(&path), text);
            }
        }
    }
    Ok(files)
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes `text` to `path` through a temporary file in the same directory, so a reader never
/// sees half a file.
pub(crate) fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.codegen-tmp"));
    fs::write(&temporary, text)?;
    fs::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// Removes `path`, then every directory above it (up to `root`) that it leaves empty.
pub(crate) fn remove_and_prune(root: &Path, path: &Path) -> io::Result<()> {
    fs::remove_file(path)?;
    let mut dir = path.parent();
    while let Some(current) = dir {
        if current == root || fs::read_dir(current)?.next().is_some() {
            break;
        }
        fs::remove_dir(current)?;
        dir = current.parent();
    }
    Ok(())
}
