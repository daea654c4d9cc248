//! Rust names for the API's names. Each function returns `None` when no valid identifier can
//! be made, so the caller can report it; every name the model hands to `emit` is valid.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// Words a raw identifier (`r#type`) cannot stand for: they get a trailing `_` instead.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Every keyword of Rust 2024, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

fn is_plain_ident(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
}

/// `task_status` or `TaskStatus` → `TaskStatus`: a type's name.
pub(crate) fn type_name(raw: &str) -> Option<String> {
    let name = raw.to_upper_camel_case();
    (is_plain_ident(&name) && !KEYWORDS.contains(&name.as_str())).then_some(name)
}

/// `adaptive_video` or `task.created` → `AdaptiveVideo`, `TaskCreated`: an enum variant.
pub(crate) fn variant_name(raw: &str) -> Option<String> {
    let name = raw.to_upper_camel_case();
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        name
    };
    match name.as_str() {
        "Self" => Some("SelfValue".to_owned()),
        _ => is_plain_ident(&name).then_some(name),
    }
}

/// `createdAt` or `created_at` → `created_at`; keywords become raw (`r#type`).
pub(crate) fn member_name(raw: &str) -> Option<String> {
    let name = raw.to_snake_case();
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name
    };
    if NOT_RAW.contains(&name.as_str()) {
        return Some(format!("{name}_"));
    }
    if !is_plain_ident(&name) {
        return None;
    }
    Some(if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    })
}

/// `Too Many Requests` → `TOO_MANY_REQUESTS`: an associated constant.
pub(crate) fn const_name(raw: &str) -> Option<String> {
    let name = raw.to_shouty_snake_case();
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name
    };
    is_plain_ident(&name).then_some(name)
}

/// The test of example `example` of type `type_name`: `task_single_round_trips`.
pub(crate) fn test_name(type_name: &str, example: &str) -> Option<String> {
    let name = format!(
        "{}_{}_round_trips",
        type_name.to_snake_case(),
        example.to_snake_case()
    );
    is_plain_ident(&name).then_some(name)
}

/// A member name without the `r#` of a raw identifier: `r#type` → `type`.
pub(crate) fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_rust_conventions() {
        assert_eq!(type_name("task_status").as_deref(), Some("TaskStatus"));
        assert_eq!(
            type_name("webhook_endpoint").as_deref(),
            Some("WebhookEndpoint")
        );
        assert_eq!(variant_name("task.created").as_deref(), Some("TaskCreated"));
        assert_eq!(variant_name("1080p").as_deref(), Some("V1080p"));
        assert_eq!(variant_name("self").as_deref(), Some("SelfValue"));
        assert_eq!(member_name("createdAt").as_deref(), Some("created_at"));
        assert_eq!(member_name("type").as_deref(), Some("r#type"));
        assert_eq!(member_name("self").as_deref(), Some("self_"));
        assert_eq!(
            const_name("Too Many Requests").as_deref(),
            Some("TOO_MANY_REQUESTS")
        );
        assert_eq!(const_name("OK").as_deref(), Some("OK"));
    }

    #[test]
    fn impossible_names_are_refused() {
        assert_eq!(type_name("+++"), None);
        assert_eq!(type_name("café"), None);
        assert_eq!(member_name("---"), None);
        assert_eq!(variant_name(""), None);
    }
}
