//! Struct types: serde derives, optional fields, and for request types a constructor from the
//! required fields plus one setter per optional field (so adding an optional field later is
//! not a breaking change: every type is `#[non_exhaustive]`).

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{field_ty, ident, ty};
use super::{docs, enums};
use crate::model::{Api, Field, Ty, TypeDef, TypeId, TypeKind, unraw};

/// The items of one named type.
pub(super) fn type_items(api: &Api, id: TypeId) -> TokenStream {
    let def = api.ty(id);
    let doc = docs::item(&def.docs, &format!("The `{}` type.", def.name));
    match &def.kind {
        TypeKind::Enum { variants, fallback } => {
            enums::string_enum(&def.name, doc, variants, fallback, TokenStream::new())
        }
        TypeKind::Struct { fields } => structure(api, def, doc, fields),
    }
}

fn structure(api: &Api, def: &TypeDef, doc: TokenStream, fields: &[Field]) -> TokenStream {
    let name = ident(&def.name);
    let mut derives = vec![quote!(Clone), quote!(Debug), quote!(PartialEq)];
    if def.eq {
        derives.push(quote!(Eq));
    }
    if def.default {
        derives.push(quote!(Default));
    }
    derives.extend([quote!(Serialize), quote!(Deserialize)]);
    let fields_tokens = fields.iter().map(|field| {
        let doc = docs::item(&field.docs, &format!("The `{}` field.", field.wire));
        let name = ident(&field.name);
        let ty = field_ty(api, field);
        let mut serde = Vec::new();
        if field.wire != unraw(&field.name) {
            let wire = &field.wire;
            serde.push(quote!(rename = #wire));
        }
        if !field.required {
            serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
        }
        let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
        quote! {
            #doc
            #serde
            pub #name: #ty,
        }
    });
    let builder = def.input.then(|| builder(api, def, fields));
    quote! {
        #doc
        #[derive(#(#derives),*)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields_tokens)*
        }

        #builder
    }
}

/// `new` from the required fields, and a setter for each optional one.
fn builder(api: &Api, def: &TypeDef, fields: &[Field]) -> TokenStream {
    let name = ident(&def.name);
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let constructor = (!required.is_empty() || !def.default).then(|| {
        let params = required.iter().map(|f| {
            let name = ident(&f.name);
            let ty = param_ty(api, f);
            quote!(#name: #ty)
        });
        let inits = fields.iter().map(|f| {
            let name = ident(&f.name);
            if f.required {
                match conversion(f) {
                    Some(value) => quote!(#name: #value),
                    None => quote!(#name),
                }
            } else {
                quote!(#name: None)
            }
        });
        let doc = format!(
            " Creates a `{}` from its required fields; the optional ones start unset.",
            def.name
        );
        quote! {
            #[doc = #doc]
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits),* }
            }
        }
    });
    let setters = fields.iter().filter(|f| !f.required).map(|f| {
        let name = ident(&f.name);
        let ty = param_ty(api, f);
        let value = conversion(f).unwrap_or_else(|| quote!(#name));
        let doc = format!(" Sets `{}`.", f.wire);
        quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #name(mut self, #name: #ty) -> Self {
                self.#name = Some(#value);
                self
            }
        }
    });
    quote! {
        impl #name {
            #constructor
            #(#setters)*
        }
    }
}

/// The parameter type of a constructor argument or setter: strings take `impl Into<String>`.
fn param_ty(api: &Api, field: &Field) -> TokenStream {
    let inner = ty(api, &field.ty);
    match (&field.ty, field.required && field.nullable) {
        (_, true) => quote!(Option<#inner>),
        (Ty::String, false) => quote!(impl Into<String>),
        _ => inner,
    }
}

/// How a parameter becomes the field's value (without a setter's `Some`), or `None` when
/// the parameter is the value as it is.
fn conversion(field: &Field) -> Option<TokenStream> {
    let name = ident(&field.name);
    let nullable = field.required && field.nullable;
    match (&field.ty, nullable, field.boxed) {
        (_, true, true) => Some(quote!(#name.map(Box::new))),
        (Ty::String, false, true) => Some(quote!(Box::new(#name.into()))),
        (_, false, true) => Some(quote!(Box::new(#name))),
        (Ty::String, false, false) => Some(quote!(#name.into())),
        _ => None,
    }
}
