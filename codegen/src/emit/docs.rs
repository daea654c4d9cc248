//! Doc comments from descriptions.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Docs;

/// `///` lines for `text`: one attribute per line, each with the leading space rustdoc expects.
pub(super) fn lines(text: &str) -> TokenStream {
    attributes(text, false)
}

/// `//!` lines for `text`.
pub(super) fn inner_lines(text: &str) -> TokenStream {
    attributes(text, true)
}

fn attributes(text: &str, inner: bool) -> TokenStream {
    text.trim_end()
        .lines()
        .map(|line| {
            let line = line.trim_end();
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            if inner {
                quote! { #![doc = #line] }
            } else {
                quote! { #[doc = #line] }
            }
        })
        .collect()
}

/// The doc comment for an item: its description (or `fallback`), then the inferred note.
pub(super) fn item(docs: &Docs, fallback: &str) -> TokenStream {
    lines(&text(docs, fallback))
}

/// The text of [`item`], for use inside other docs.
pub(super) fn text(docs: &Docs, fallback: &str) -> String {
    let mut text = docs
        .description
        .as_deref()
        .map_or_else(|| fallback.to_owned(), |d| d.trim_end().to_owned());
    if let Some(reason) = &docs.inferred {
        let reason = reason.trim_end();
        text.push_str("\n\n*Inferred:* ");
        text.push_str(reason);
        if !reason.ends_with(['.', '!', '?']) {
            text.push('.');
        }
    }
    text
}
