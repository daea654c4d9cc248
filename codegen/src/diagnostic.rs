//! Problems found in an API description, and how they are shown.
//!
//! Every stage reports problems as [`Diagnostic`]s that name the *key path* of what is wrong
//! (`resources.task.fields.status.type`). Key paths are stable and cheap; the line and column
//! are looked up from the source only when a diagnostic is reported (see `spec::locate`), so
//! the happy path never pays for positions and semantic errors still point at a column.

use std::fmt;

/// One step of a [`KeyPath`]: a mapping key or a sequence index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A key of a mapping, as written in the YAML (`200` for the key `200:`).
    Key(String),
    /// A position in a sequence, from 0.
    Index(usize),
}

/// Where a value sits in the description, e.g. `resources.task.fields.status.type`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPath(Vec<Segment>);

impl KeyPath {
    /// The document root.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        Self(segments)
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Self(segments)
    }

    /// The path without its last step (the root stays the root).
    pub(crate) fn parent(&self) -> Self {
        Self(self.0[..self.0.len().saturating_sub(1)].to_vec())
    }

    /// The steps from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(document root)");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => {
                    let plain = !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if plain {
                        f.write_str(key)?;
                    } else {
                        write!(f, "{key:?}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Which part of a mapping entry a diagnostic points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The key itself (unknown keys, collisions, missing children).
    Key,
    /// The value under the key (wrong type, unknown reference).
    Value,
}

/// A line and column in the source, both counted from 1 (columns in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// One problem in an API description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    message: String,
    path: KeyPath,
    target: Target,
    expected: Option<String>,
    help: Option<String>,
    note: Option<String>,
    occurrence: usize,
    location: Option<Location>,
    source_line: Option<String>,
}

impl Diagnostic {
    /// A problem with the value at `path`.
    pub fn at_value(path: &KeyPath, message: impl Into<String>) -> Self {
        Self::new(path, Target::Value, message)
    }

    /// A problem with the key at the end of `path`.
    pub fn at_key(path: &KeyPath, message: impl Into<String>) -> Self {
        Self::new(path, Target::Key, message)
    }

    fn new(path: &KeyPath, target: Target, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            path: path.clone(),
            target,
            expected: None,
            help: None,
            note: None,
            occurrence: 1,
            location: None,
            source_line: None,
        }
    }

    /// A problem the YAML parser found at a known position (syntax errors).
    pub(crate) fn at_location(message: impl Into<String>, location: Location) -> Self {
        let mut diagnostic = Self::new(&KeyPath::root(), Target::Value, message);
        diagnostic.location = Some(location);
        diagnostic
    }

    /// Says what was expected instead.
    #[must_use]
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// Says how to fix it.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds context: what the parser was doing, where something began.
    #[must_use]
    pub(crate) fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Points at the `n`th occurrence of a key written more than once (1 is the first).
    #[must_use]
    pub(crate) fn occurrence(mut self, n: usize) -> Self {
        self.occurrence = n;
        self
    }

    /// Which occurrence of the key it points at.
    pub(crate) fn nth(&self) -> usize {
        self.occurrence
    }

    /// Adds a did-you-mean hint when one of `candidates` is close to `found`.
    #[must_use]
    pub fn suggest<'a>(self, found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match closest(found, candidates) {
            Some(best) => self.help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where it is, as a key path.
    pub fn path(&self) -> &KeyPath {
        &self.path
    }

    /// Whether it points at the key or the value.
    pub fn target(&self) -> Target {
        self.target
    }

    /// The line and column, once resolved against the source.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// What was expected, if said.
    pub fn expected_text(&self) -> Option<&str> {
        self.expected.as_deref()
    }

    /// The hint, if any.
    pub fn help_text(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Attaches the resolved position and the text of its line.
    pub(crate) fn locate(&mut self, location: Option<Location>, source: &str) {
        if location.is_some() {
            self.location = location;
        }
        self.source_line = self
            .location
            .and_then(|at| source.lines().nth(at.line.saturating_sub(1)))
            .map(|line| line.trim_end_matches('\r').to_owned());
    }

    fn render(&self, origin: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        let Some(at) = self.location else {
            writeln!(f, "  --> {origin}")?;
            return self.render_notes(f, 3);
        };
        let number = at.line.to_string();
        let gutter = " ".repeat(number.len());
        writeln!(f, "{gutter}--> {origin}:{}:{}", at.line, at.column)?;
        if let Some(line) = &self.source_line {
            let start = at.column.saturating_sub(1);
            let width = token_width(line, start);
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{number} | {line}")?;
            let pad: String = line
                .chars()
                .take(start)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{gutter} | {pad}{}", "^".repeat(width))?;
        }
        self.render_notes(f, gutter.len() + 1)
    }

    fn render_notes(&self, f: &mut fmt::Formatter<'_>, indent: usize) -> fmt::Result {
        let pad = " ".repeat(indent);
        if !self.path.segments().is_empty() {
            writeln!(f, "{pad}= at: {}", self.path)?;
        }
        if let Some(expected) = &self.expected {
            writeln!(f, "{pad}= expected: {expected}")?;
        }
        if let Some(note) = &self.note {
            writeln!(f, "{pad}= note: {note}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad}= help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in one description, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostics {
    origin: String,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// The problems, in the order of the source (problems without a position first).
    pub(crate) fn new(origin: &str, mut items: Vec<Diagnostic>) -> Self {
        items.sort_by_key(|item| item.location.map(|at| (at.line, at.column)));
        Self {
            origin: origin.to_owned(),
            items,
        }
    }

    /// The problems, in the order of the description.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none (never true for a returned error).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for item in &self.items {
            item.render(&self.origin, f)?;
            writeln!(f)?;
        }
        let count = self.items.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        write!(f, "error: {} has {count} {noun}", self.origin)
    }
}

impl std::error::Error for Diagnostics {}

/// How many columns to underline: the scalar (or quoted string) starting at `start`.
fn token_width(line: &str, start: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(start).collect();
    let width = match rest.first() {
        Some(&quote @ ('"' | '\'')) => rest
            .iter()
            .skip(1)
            .position(|&c| c == quote)
            .map_or(rest.len(), |end| end + 2),
        _ => rest
            .iter()
            .enumerate()
            .position(|(i, &c)| {
                matches!(c, ',' | '}' | ']' | '#')
                    || (c == ':' && rest.get(i + 1).is_none_or(|next| next.is_whitespace()))
            })
            .unwrap_or(rest.len()),
    };
    let trimmed = rest.iter().take(width).collect::<String>();
    trimmed.trim_end().chars().count().max(1)
}

/// The candidate nearest to `found`, if it is near enough to be a likely typo.
pub(crate) fn closest<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(found, candidate), candidate))
        .filter(|(score, candidate)| *score >= 0.8 && *candidate != found)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_paths_read_like_yaml() {
        let path = KeyPath::root()
            .key("resources")
            .key("task")
            .key("examples")
            .index(1);
        assert_eq!(path.to_string(), "resources.task.examples[1]");
        assert_eq!(
            KeyPath::root().key("types").key("task.created").to_string(),
            "types.\"task.created\""
        );
    }

    #[test]
    fn underline_covers_the_scalar() {
        assert_eq!(token_width("  type: TaskStatsu, required", 8), 10);
        assert_eq!(token_width("  x: \"a, b\" # c", 5), 6);
        assert_eq!(token_width("  method: POST", 2), 6);
    }

    #[test]
    fn suggestions_need_a_close_match() {
        assert_eq!(
            closest("TaskStatsu", ["TaskStatus", "Run"]),
            Some("TaskStatus")
        );
        assert_eq!(closest("zzz", ["TaskStatus", "Run"]), None);
    }
}
