//! Unified diffs for `--check`, capped so a large change stays readable.

use similar::TextDiff;

/// How many diff lines `--check` prints before it cuts the rest.
pub(crate) const MAX_LINES: usize = 400;

/// A unified diff from `old` (on disk) to `new` (generated), labelled with `path`.
pub(crate) fn unified(path: &str, old: &str, new: &str) -> String {
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("{path} (on disk)"), &format!("{path} (generated)"))
        .to_string()
}

/// The first `max` lines of `text`, and how many were cut.
pub(crate) fn cap(text: &str, max: usize) -> (String, usize) {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= max {
        return (text.to_owned(), 0);
    }
    let mut kept = lines[..max].join("\n");
    kept.push('\n');
    (kept, lines.len() - max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_names_the_file_and_the_change() {
        let diff = unified("src/a.rs", "one\ntwo\n", "one\nthree\n");
        assert!(diff.contains("--- src/a.rs (on disk)"));
        assert!(diff.contains("+++ src/a.rs (generated)"));
        assert!(diff.contains("-two\n+three\n"));
    }

    #[test]
    fn cap_counts_what_it_cuts() {
        assert_eq!(cap("a\nb\nc\n", 2), ("a\nb\n".to_owned(), 1));
        assert_eq!(cap("a\n", 2), ("a\n".to_owned(), 0));
    }
}
