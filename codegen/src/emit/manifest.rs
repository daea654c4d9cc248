//! `Cargo.toml` of the generated crate. Dependency versions are the generator's choice (they
//! are part of its source), so the crate is a pure function of the description.

use std::fmt::Write as _;

use crate::model::Api;

pub(super) fn cargo_toml(api: &Api) -> String {
    let mut text = String::new();
    let _ = write!(
        text,
        r#"[package]
name = {name}
version = {version}
description = {description}
edition = "2024"
rust-version = "1.88"
publish = false

[dependencies]
serde = {{ version = "1.0.228", features = ["derive"] }}
serde_json = "1.0.140"

[lints.rust]
missing_docs = "warn"
unsafe_code = "forbid"
"#,
        name = toml_string(&api.crate_name),
        version = toml_string(&api.version),
        description = toml_string(&format!("Typed Rust SDK for the {} API", api.name)),
    );
    text
}

/// A TOML basic string.
fn toml_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
