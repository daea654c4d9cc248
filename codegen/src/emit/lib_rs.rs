//! `src/lib.rs` (the crate's docs, modules and re-exports) and `src/resources/mod.rs`.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::tokens::ident;
use crate::model::Api;

pub(super) fn lib_rs(api: &Api) -> TokenStream {
    let crate_doc = docs::inner_lines(&crate_text(api));
    // rustfmt orders a run of `use` lines alphabetically; so does the generator.
    let mut modules: Vec<&str> = api.resources.iter().map(|r| r.module.as_str()).collect();
    modules.sort_by_key(|module| crate::model::unraw(module));
    let resources: Vec<_> = modules.into_iter().map(ident).collect();
    let base_url = &api.base_url;
    let auth = api.auth.as_ref().map(|auth| {
        let env = &auth.env;
        quote! {
            /// The environment variable that holds the API key.
            pub const API_KEY_ENV: &str = #env;
        }
    });
    let shared = !api.shared_types.is_empty();
    // Braces, not parentheses: rustfmt leaves brace-delimited macro bodies alone (it drops
    // the item from a parenthesised `quote!(#[rustfmt::skip] mod types;)`).
    let types_mod = shared.then(|| {
        quote! {
            #[rustfmt::skip]
            mod types;
        }
    });
    let types_use = shared.then(|| quote! { pub use types::*; });
    // `#[rustfmt::skip]` keeps `cargo fmt` out of the module files: their layout belongs to
    // the generator, and this file is written so that rustfmt leaves it as it is.
    quote! {
        #crate_doc

        #[rustfmt::skip]
        mod error_kind;
        #[rustfmt::skip]
        pub mod resources;
        #[rustfmt::skip]
        mod status;
        #[cfg(test)]
        #[rustfmt::skip]
        mod test_support;
        #[rustfmt::skip]
        mod timestamp;
        #types_mod

        pub use error_kind::ErrorKind;
        #(pub use resources::#resources::*;)*
        pub use status::{Retry, StatusCode};
        pub use timestamp::Timestamp;
        #types_use

        /// The API's base URL.
        pub const BASE_URL: &str = #base_url;

        #auth
    }
}

fn crate_text(api: &Api) -> String {
    let mut text = docs::text(&api.docs, &format!("Types for the {} API.", api.name));
    let _ = write!(
        text,
        "\n\nGenerated from `{}` by `cargo xtask codegen`; do not edit it by hand.\n\n# Conventions\n\n- Base URL: `{}` ([`BASE_URL`]).",
        api.source_name, api.base_url
    );
    if let Some(auth) = &api.auth {
        let _ = write!(
            text,
            "\n- Authentication: a bearer API key, read from `{}` ([`API_KEY_ENV`]).",
            auth.env
        );
        if let Some(description) = &auth.description {
            let _ = write!(text, " {}", description.trim());
        }
    }
    for header in &api.headers {
        let _ = write!(
            text,
            "\n- Header `{}`: {}",
            header.name,
            docs::text(&header.docs, "").trim()
        );
        if let Some(example) = &header.example {
            let _ = write!(text, " Example: `{example}`.");
        }
    }
    let kind = "[`ErrorKind`], which also decodes kinds this SDK does not know.";
    let _ = match api.error_body {
        Some(id) => write!(
            text,
            "\n- Errors: every error body is an [`{}`]; its kind is an {kind}",
            api.ty(id).name
        ),
        None => write!(text, "\n- Errors: the kind of an error is an {kind}"),
    };
    if let Some(p) = &api.pagination {
        let _ = write!(
            text,
            "\n- Pagination: lists come a page at a time. The `{}` header (RFC 8288) links the next page (`rel=\"next\"`, which sets `{}`); `{}` says whether more results exist and `{}` echoes the applied limit.",
            p.link_header, p.next_param, p.has_more_header, p.limit_header
        );
        if let Some(description) = &p.description {
            let _ = write!(text, " {}", description.trim());
        }
    }
    if let Some(r) = &api.rate_limit {
        let _ = write!(
            text,
            "\n- Rate limits: status `{}` with a `{}` header (seconds or an HTTP date).",
            r.status, r.retry_after
        );
        if let Some(description) = &r.description {
            let _ = write!(text, " {}", description.trim());
        }
    }
    text.push_str("\n- Timestamps: [`Timestamp`], whole seconds since the Unix epoch.");
    text
}

pub(super) fn resources_mod_rs(api: &Api) -> TokenStream {
    let modules = api.resources.iter().map(|r| {
        let name = ident(&r.module);
        let object = &api.ty(r.object).name;
        let doc = format!(" The `{object}` resource.");
        quote! {
            #[doc = #doc]
            #[rustfmt::skip]
            pub mod #name;
        }
    });
    quote! {
        //! The API's resources: one module each, holding the resource's object, its request
        //! types and its enums.

        #(#modules)*
    }
}
