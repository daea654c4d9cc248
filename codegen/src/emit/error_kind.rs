//! `src/error_kind.rs`: the error kinds the API documents, as an open enum.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tokens::ident;
use super::{docs, enums};
use crate::model::{Api, Variant};

pub(super) fn error_kind_rs(api: &Api) -> TokenStream {
    let kinds = &api.error_kinds.kinds;
    let variants: Vec<Variant> = kinds
        .iter()
        .map(|k| Variant {
            name: k.variant.clone(),
            wire: k.wire.clone(),
            docs: k.docs.clone(),
        })
        .collect();
    let idents: Vec<_> = kinds.iter().map(|k| ident(&k.variant)).collect();
    // Every kind's status is declared (the model checks), so each has its constant.
    let statuses = kinds.iter().map(|k| {
        let constant = api.status(k.status).map(|s| ident(&s.const_name));
        match constant {
            Some(constant) => quote!(StatusCode::#constant),
            None => {
                let code = Literal::u16_unsuffixed(k.status);
                quote!(StatusCode::from_u16(#code))
            }
        }
    });
    let descriptions = kinds
        .iter()
        .map(|k| k.docs.description.as_deref().unwrap_or_default().trim());
    let messages = kinds.iter().map(|k| match &k.message {
        Some(message) => quote!(Some(#message)),
        None => quote!(None),
    });
    let common: Vec<_> = kinds
        .iter()
        .filter(|k| k.common)
        .map(|k| ident(&k.variant))
        .collect();
    let is_common = if common.is_empty() {
        quote!(false)
    } else {
        quote!(matches!(self, #(Self::#common)|*))
    };
    let fallback = ident(&api.error_kinds.fallback);
    let methods = quote! {
        /// The status code the API sends this kind with; `None` for an unknown kind.
        pub const fn status(&self) -> Option<StatusCode> {
            match self {
                #(Self::#idents => Some(#statuses),)*
                Self::#fallback(_) => None,
            }
        }

        /// What the kind means, from the API's documentation.
        pub const fn description(&self) -> Option<&'static str> {
            match self {
                #(Self::#idents => Some(#descriptions),)*
                Self::#fallback(_) => None,
            }
        }

        /// A typical `message` the API sends with this kind, where one is documented.
        pub const fn message(&self) -> Option<&'static str> {
            match self {
                #(Self::#idents => #messages,)*
                Self::#fallback(_) => None,
            }
        }

        /// Whether any operation may return this kind (authentication, billing, outages).
        pub const fn is_common(&self) -> bool {
            #is_common
        }
    };
    let doc = docs::lines(
        "The kind of an error the API reports: the `kind` field of an error body.\n\n\
         Kinds this version of the SDK does not know decode into the fallback variant, so a\n\
         new kind on the server never breaks decoding.",
    );
    let module_doc = docs::inner_lines(&format!("The error kinds the {} API documents.", api.name));
    let body = enums::string_enum(
        "ErrorKind",
        doc,
        &variants,
        &api.error_kinds.fallback,
        methods,
    );
    quote! {
        #module_doc

        use std::fmt;
        use std::str::FromStr;

        use serde::{Deserialize, Serialize};

        use crate::StatusCode;

        #body
    }
}
