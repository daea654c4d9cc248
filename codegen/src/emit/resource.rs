//! `src/resources/<name>.rs` (a resource: its object, its types, its operations' parameters)
//! and `src/types.rs` (the types several resources share).

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::type_items;
use super::tests::examples_module;
use super::{docs, tokens};
use crate::model::{Api, Operation, Resource, Returns, Ty};

pub(super) fn resource_rs(api: &Api, resource: &Resource) -> TokenStream {
    let module_doc = docs::inner_lines(&module_text(api, resource));
    file(api, module_doc, &resource.types)
}

pub(super) fn types_rs(api: &Api) -> TokenStream {
    let module_doc = docs::inner_lines("Types that several resources share.");
    file(api, module_doc, &api.shared_types)
}

fn file(api: &Api, module_doc: TokenStream, types: &[crate::model::TypeId]) -> TokenStream {
    let imports = tokens::imports(api, types, &[]);
    let items = types.iter().map(|id| type_items(api, *id));
    let tests = examples_module(api, types);
    quote! {
        #module_doc
        #imports
        #(#items)*
        #tests
    }
}

/// The module's docs: the resource's description, then what each operation does.
fn module_text(api: &Api, resource: &Resource) -> String {
    let object = &api.ty(resource.object).name;
    let mut text = docs::text(&resource.docs, &format!("The `{object}` resource."));
    if resource.operations.is_empty() {
        return text;
    }
    text.push_str("\n\n# Operations\n");
    for op in &resource.operations {
        let _ = write!(
            text,
            "\n## `{}`: `{} {}`\n\n{}\n",
            crate::model::unraw(&op.name),
            op.method.as_str(),
            op.path,
            docs::text(&op.docs, "")
        );
        let _ = writeln!(text, "\n{}", operation_facts(api, op));
    }
    text
}

/// One line: body, parameters, success status and response, error kinds.
fn operation_facts(api: &Api, op: &Operation) -> String {
    let mut facts = Vec::new();
    if !op.path_params.is_empty() {
        let params: Vec<String> = op
            .path_params
            .iter()
            .map(|p| match &p.docs.description {
                Some(description) => format!(
                    "`{}` ({})",
                    p.wire,
                    description.trim().trim_end_matches('.')
                ),
                None => format!("`{}`", p.wire),
            })
            .collect();
        facts.push(format!("Path: {}.", params.join(", ")));
    }
    if let Some(body) = op.body {
        facts.push(format!("Body: {}.", link(&api.ty(body).name)));
    }
    if let Some(params) = op.params_type {
        facts.push(format!("Query: {}.", link(&api.ty(params).name)));
    }
    let reason = api.status(op.status).map_or("", |s| s.reason.as_str());
    let response = match &op.returns {
        Returns::Nothing => "no body the SDK reads".to_owned(),
        Returns::One(ty) => type_text(api, ty),
        Returns::List(ty) => format!("a JSON array of {}", type_text(api, ty)),
    };
    let paged = if op.paginated {
        ", one page at a time"
    } else {
        ""
    };
    facts.push(format!(
        "Success: `{} {reason}` with {response}{paged}.",
        op.status
    ));
    if !op.errors.is_empty() {
        let kinds: Vec<String> = op
            .errors
            .iter()
            .map(|&i| {
                format!(
                    "[`{}`](crate::ErrorKind::{})",
                    api.error_kinds.kinds[i].wire, api.error_kinds.kinds[i].variant
                )
            })
            .collect();
        facts.push(format!("Errors: {}.", kinds.join(", ")));
    }
    facts.join(" ")
}

fn type_text(api: &Api, ty: &Ty) -> String {
    match ty {
        Ty::Named(id) => link(&api.ty(*id).name),
        Ty::Array(inner) => format!("a list of {}", type_text(api, inner)),
        Ty::String => "a string".to_owned(),
        Ty::Integer => "an integer".to_owned(),
        Ty::Number => "a number".to_owned(),
        Ty::Boolean => "a boolean".to_owned(),
        Ty::Timestamp => "a [`Timestamp`](crate::Timestamp)".to_owned(),
        Ty::Object | Ty::Json => "JSON".to_owned(),
        Ty::ErrorKind => "an [`ErrorKind`](crate::ErrorKind)".to_owned(),
    }
}

/// An intra-doc link to a crate-root item; module docs resolve links from the crate root.
fn link(name: &str) -> String {
    format!("[`{name}`](crate::{name})")
}
