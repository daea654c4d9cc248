//! Stage 3: [`Api`] → the files of the SDK crate, as tokens (Rust) or text (everything else).
//!
//! One module per kind of output file. The emitters trust the model: every name is a valid
//! identifier and every reference resolves, so nothing here can fail.

mod docs;
mod enums;
mod error_kind;
mod lib_rs;
mod manifest;
mod resource;
mod status;
mod structs;
mod tests;
mod tokens;

use proc_macro2::TokenStream;

use crate::model::Api;

/// The runtime part of the SDK: ordinary Rust that does not depend on the API, copied as is.
const TIMESTAMP_RS: &str = include_str!("../../runtime/timestamp.rs");
const TEST_SUPPORT_RS: &str = include_str!("../../runtime/test_support.rs");

/// One file of the generated crate, before rendering.
pub(crate) struct File {
    /// Relative to the crate root, with `/` separators.
    pub path: String,
    pub content: Content,
}

pub(crate) enum Content {
    /// Rust items, formatted by `render`.
    Rust(TokenStream),
    /// Rust copied verbatim from `codegen/runtime/`.
    RustSource(&'static str),
    /// A TOML manifest.
    Toml(String),
}

/// Every file of the crate, in a fixed order.
pub(crate) fn emit(api: &Api) -> Vec<File> {
    let mut files = vec![
        File {
            path: "Cargo.toml".to_owned(),
            content: Content::Toml(manifest::cargo_toml(api)),
        },
        rust("src/lib.rs", lib_rs::lib_rs(api)),
        rust("src/error_kind.rs", error_kind::error_kind_rs(api)),
        rust("src/status.rs", status::status_rs(api)),
        rust("src/resources/mod.rs", lib_rs::resources_mod_rs(api)),
        File {
            path: "src/timestamp.rs".to_owned(),
            content: Content::RustSource(TIMESTAMP_RS),
        },
        File {
            path: "src/test_support.rs".to_owned(),
            content: Content::RustSource(TEST_SUPPORT_RS),
        },
    ];
    if !api.shared_types.is_empty() {
        files.push(rust("src/types.rs", resource::types_rs(api)));
    }
    for resource in &api.resources {
        let path = format!("src/resources/{}.rs", crate::model::unraw(&resource.module));
        files.push(rust(&path, resource::resource_rs(api, resource)));
    }
    files
}

fn rust(path: &str, tokens: TokenStream) -> File {
    File {
        path: path.to_owned(),
        content: Content::Rust(tokens),
    }
}
