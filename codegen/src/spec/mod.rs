//! Stage 1: YAML text → [`Spec`], a faithful mirror of `api.yaml` (format: `docs/api-yaml.md`).
//!
//! Nothing here knows Rust: the spec only checks the *shape* of the document (known keys,
//! value kinds) and keeps where each value came from, so that later stages can point at it.

mod decode;
mod locate;
mod node;

pub(crate) use locate::locate;
pub(crate) use node::Node;

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, KeyPath, Location};

/// A value and the key path it was read from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Spanned<T> {
    pub value: T,
    pub path: KeyPath,
}

/// Documentation shared by most entries: the description and the `inferred` note.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Docs {
    pub description: Option<String>,
    /// Why the item is a guess, when the API's documentation does not state it.
    pub inferred: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Spec {
    pub api: ApiInfo,
    pub status_codes: Vec<StatusCodeSpec>,
    pub errors: ErrorsSpec,
    pub pagination: Option<PaginationSpec>,
    pub rate_limit: Option<RateLimitSpec>,
    pub types: Vec<TypeSpec>,
    pub resources: Vec<ResourceSpec>,
}

#[derive(Debug)]
pub(crate) struct ApiInfo {
    pub name: Spanned<String>,
    pub crate_name: Spanned<String>,
    pub version: Spanned<String>,
    pub description: Option<String>,
    pub base_url: Spanned<String>,
    pub auth: Option<AuthSpec>,
    pub headers: Vec<HeaderSpec>,
}

#[derive(Debug)]
pub(crate) struct AuthSpec {
    pub env: Spanned<String>,
    pub description: Option<String>,
}

#[derive(Debug)]
pub(crate) struct HeaderSpec {
    pub name: Spanned<String>,
    pub docs: Docs,
    pub example: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetrySpec {
    Never,
    Idempotent,
    Always,
}

#[derive(Debug)]
pub(crate) struct StatusCodeSpec {
    pub code: Spanned<i64>,
    pub name: Spanned<String>,
    pub docs: Docs,
    pub retry: RetrySpec,
}

#[derive(Debug)]
pub(crate) struct ErrorsSpec {
    pub body: Option<Spanned<String>>,
    pub kinds: Vec<ErrorKindSpec>,
}

#[derive(Debug)]
pub(crate) struct ErrorKindSpec {
    pub name: Spanned<String>,
    pub status: Spanned<i64>,
    pub docs: Docs,
    pub message: Option<String>,
    pub common: bool,
}

#[derive(Debug)]
pub(crate) struct PaginationSpec {
    pub path: KeyPath,
    pub description: Option<String>,
    pub query: Vec<FieldSpec>,
    pub link_header: String,
    pub has_more_header: String,
    pub limit_header: String,
    pub next: Spanned<String>,
}

#[derive(Debug)]
pub(crate) struct RateLimitSpec {
    pub status: Spanned<i64>,
    pub retry_after: String,
    pub description: Option<String>,
}

#[derive(Debug)]
pub(crate) struct TypeSpec {
    pub name: Spanned<String>,
    pub docs: Docs,
    pub body: TypeBody,
    pub examples: Vec<ExampleSpec>,
}

#[derive(Debug)]
pub(crate) enum TypeBody {
    Enum(Vec<EnumValueSpec>),
    Struct(Vec<FieldSpec>),
}

#[derive(Debug)]
pub(crate) struct EnumValueSpec {
    pub value: Spanned<String>,
    pub docs: Docs,
}

/// A struct field, or a path or query parameter (which never has `nullable`).
#[derive(Debug)]
pub(crate) struct FieldSpec {
    pub name: Spanned<String>,
    pub ty: TypeRefSpec,
    pub required: bool,
    pub nullable: bool,
    pub docs: Docs,
}

/// `type: X`, or `type: array` with `items: X`.
#[derive(Debug)]
pub(crate) struct TypeRefSpec {
    pub name: Spanned<String>,
    pub items: Option<Spanned<String>>,
}

#[derive(Debug)]
pub(crate) struct ExampleSpec {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub status: Option<Spanned<i64>>,
    pub value: Spanned<Node>,
}

#[derive(Debug)]
pub(crate) struct ResourceSpec {
    pub name: Spanned<String>,
    pub docs: Docs,
    pub fields: Vec<FieldSpec>,
    pub types: Vec<TypeSpec>,
    pub operations: Vec<OperationSpec>,
    pub examples: Vec<ExampleSpec>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MethodSpec {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

#[derive(Debug)]
pub(crate) enum ReturnsSpec {
    One(Spanned<String>),
    List(Spanned<String>),
}

#[derive(Debug)]
pub(crate) struct OperationSpec {
    pub name: Spanned<String>,
    pub docs: Docs,
    /// `None` (already reported) when missing or invalid; the rest is still checked.
    pub method: Option<Spanned<MethodSpec>>,
    pub path: Option<Spanned<String>>,
    pub path_params: Vec<FieldSpec>,
    pub query: Vec<FieldSpec>,
    pub body: Option<Spanned<String>>,
    pub status: Spanned<i64>,
    pub returns: Option<ReturnsSpec>,
    pub paginated: Spanned<bool>,
    pub errors: Vec<Spanned<String>>,
}

/// A decoded description: as much of it as could be read, and what was wrong with the rest.
pub(crate) struct Parsed {
    /// `None` when the document is not YAML or lacks a section everything depends on.
    pub spec: Option<Spec>,
    pub problems: Vec<Diagnostic>,
    /// Names of declarations left out of `spec` because of their problems: later stages
    /// do not report references to them, which would only repeat the first error.
    pub poisoned: BTreeSet<String>,
}

/// Parses and shape-checks a description, collecting every problem.
pub(crate) fn parse(source: &str) -> Parsed {
    match serde_yaml::from_str::<Node>(source) {
        Ok(node) => decode::decode(&node),
        Err(error) => Parsed {
            spec: None,
            problems: vec![syntax_error(&error, source)],
            poisoned: BTreeSet::new(),
        },
    }
}

fn syntax_error(error: &serde_yaml::Error, source: &str) -> Diagnostic {
    // serde_yaml writes "PROBLEM at line L column C, while parsing X at line L column C";
    // the position goes on its own line and the context becomes a note.
    let text = error.to_string();
    let (problem, context) = match text.split_once(" at line ") {
        Some((problem, rest)) => (
            problem.to_owned(),
            rest.split_once(", ").map(|(_, c)| c.to_owned()),
        ),
        None => (text.clone(), None),
    };
    let message = format!("invalid YAML: {problem}");
    let diagnostic = match error.location() {
        Some(at) => Diagnostic::at_location(message, clamp(at.line(), at.column(), source)),
        None => Diagnostic::at_value(&KeyPath::root(), message),
    };
    let diagnostic = match context {
        Some(context) => diagnostic.note(context),
        None => diagnostic,
    };
    diagnostic.help("fix the YAML syntax; `docs/api-yaml.md` describes the format")
}

/// A position past the end of the source (an unclosed bracket) moves to the end of its last line.
fn clamp(line: usize, column: usize, source: &str) -> Location {
    let lines: Vec<&str> = source.lines().collect();
    match lines.last() {
        Some(last) if line > lines.len() => Location {
            line: lines.len(),
            column: last.chars().count() + 1,
        },
        _ => Location { line, column },
    }
}
