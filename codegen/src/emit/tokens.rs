//! Identifiers, Rust types and `use` lines.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Api, Field, Ty, TypeId, TypeKind};

/// An identifier; `r#type` becomes a raw identifier. The model only hands out valid names.
pub(super) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type of a value of `ty`.
pub(super) fn ty(api: &Api, ty: &Ty) -> TokenStream {
    match ty {
        Ty::String => quote!(String),
        Ty::Integer => quote!(i64),
        Ty::Number => quote!(f64),
        Ty::Boolean => quote!(bool),
        Ty::Timestamp => quote!(Timestamp),
        Ty::Object => quote!(serde_json::Map<String, serde_json::Value>),
        Ty::Json => quote!(serde_json::Value),
        Ty::ErrorKind => quote!(ErrorKind),
        Ty::Named(id) => {
            let name = ident(&api.ty(*id).name);
            quote!(#name)
        }
        Ty::Array(inner) => {
            let inner = self::ty(api, inner);
            quote!(Vec<#inner>)
        }
    }
}

/// The type of a struct field: boxed when recursive, optional unless always present.
pub(super) fn field_ty(api: &Api, field: &Field) -> TokenStream {
    let mut tokens = ty(api, &field.ty);
    if field.boxed {
        tokens = quote!(Box<#tokens>);
    }
    if field.optional() {
        tokens = quote!(Option<#tokens>);
    }
    tokens
}

/// The `use` lines of a file that defines the types `local` and names the crate items `extra`.
pub(super) fn imports(api: &Api, local: &[TypeId], extra: &[&str]) -> TokenStream {
    let mut crate_items: BTreeSet<String> = extra.iter().map(|s| (*s).to_owned()).collect();
    let mut has_enum = false;
    for id in local {
        match &api.ty(*id).kind {
            TypeKind::Enum { .. } => has_enum = true,
            TypeKind::Struct { fields } => {
                for field in fields {
                    referenced(api, &field.ty, local, &mut crate_items);
                }
            }
        }
    }
    let mut tokens = TokenStream::new();
    if has_enum {
        tokens.extend(quote! {
            use std::fmt;
            use std::str::FromStr;
        });
    }
    if !local.is_empty() {
        tokens.extend(quote!(
            use serde::{Deserialize, Serialize};
        ));
    }
    let items: Vec<Ident> = crate_items.iter().map(|name| ident(name)).collect();
    match items.as_slice() {
        [] => {}
        [one] => tokens.extend(quote!(use crate::#one;)),
        many => tokens.extend(quote!(use crate::{#(#many),*};)),
    }
    tokens
}

fn referenced(api: &Api, ty: &Ty, local: &[TypeId], out: &mut BTreeSet<String>) {
    match ty {
        Ty::Timestamp => {
            out.insert("Timestamp".to_owned());
        }
        Ty::ErrorKind => {
            out.insert("ErrorKind".to_owned());
        }
        Ty::Named(id) if !local.contains(id) => {
            out.insert(api.ty(*id).name.clone());
        }
        Ty::Array(inner) => referenced(api, inner, local, out),
        _ => {}
    }
}
