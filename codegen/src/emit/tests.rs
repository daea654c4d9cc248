//! The examples of `api.yaml` as tests: each one must decode into its type and encode back
//! to the same JSON.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::tokens::ident;
use crate::model::{Api, Json, TypeId};

/// Indentation of the example JSON inside the generated test function.
const JSON_INDENT: usize = 12;

/// A `#[cfg(test)] mod tests` with one test per example of the `types`, or nothing.
pub(super) fn examples_module(api: &Api, types: &[TypeId]) -> TokenStream {
    let tests: Vec<TokenStream> = types
        .iter()
        .flat_map(|id| {
            let def = api.ty(*id);
            let name = ident(&def.name);
            def.examples.iter().map(move |example| {
                let test = ident(&example.test_name);
                let ty = if example.list {
                    quote!(Vec<#name>)
                } else {
                    quote!(#name)
                };
                let doc = example.description.as_deref().map(docs::lines);
                let json = raw_string(&json_block(&example.json));
                quote! {
                    #doc
                    #[test]
                    fn #test() {
                        let json = #json;
                        crate::test_support::assert_round_trip::<#ty>(json);
                    }
                }
            })
        })
        .collect();
    if tests.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #[cfg(test)]
        mod tests {
            use super::*;

            #(#tests)*
        }
    }
}

/// The JSON on lines of its own, indented to sit inside the test function.
fn json_block(value: &Json) -> String {
    let mut text = String::from("\n");
    text.push_str(&" ".repeat(JSON_INDENT));
    write_json(value, JSON_INDENT, &mut text);
    text.push('\n');
    text.push_str(&" ".repeat(JSON_INDENT - 4));
    text
}

/// A raw string literal with enough `#`s for `content`.
fn raw_string(content: &str) -> Literal {
    let mut hashes = 1;
    let mut run = None;
    for c in content.chars() {
        run = match (c, run) {
            ('"', _) => Some(0),
            ('#', Some(n)) => Some(n + 1),
            _ => None,
        };
        if let Some(n) = run {
            hashes = hashes.max(n + 1);
        }
    }
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{content}\"{fence}")
        .parse()
        .unwrap_or_else(|_| Literal::string(content))
}

/// JSON in the layout of `serde_json::to_string_pretty`, starting at column `indent`.
fn write_json(value: &Json, indent: usize, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(n) => out.push_str(&n.to_string()),
        // `{:?}` keeps the fraction (`2.0`), so the number reads back as a float.
        Json::Float(f) => out.push_str(&format!("{f:?}")),
        Json::String(s) => write_json_string(s, out),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json(item, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        Json::Object(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json_string(key, out);
                out.push_str(": ");
                write_json(item, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
    }
}

fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn json_is_pretty_and_ordered() {
        let value = Json::Object(vec![
            (
                "b".to_owned(),
                Json::Array(vec![Json::Int(1), Json::Float(2.0)]),
            ),
            ("a".to_owned(), Json::String("say \"hi\"\n".to_owned())),
            ("c".to_owned(), Json::Array(Vec::new())),
        ]);
        let mut out = String::new();
        write_json(&value, 0, &mut out);
        assert_eq!(
            out,
            "{\n  \"b\": [\n    1,\n    2.0\n  ],\n  \"a\": \"say \\\"hi\\\"\\n\",\n  \"c\": []\n}"
        );
    }

    #[test]
    fn raw_strings_get_enough_hashes() {
        assert_eq!(raw_string("{}").to_string(), "r#\"{}\"#");
        assert_eq!(raw_string("\"#").to_string(), "r##\"\"#\"##");
    }
}
