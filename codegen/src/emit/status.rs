//! `src/status.rs`: the API's status codes as typed values with names, descriptions and the
//! retry class the client will use.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs;
use super::tokens::ident;
use crate::model::{Api, Retry};

pub(super) fn status_rs(api: &Api) -> TokenStream {
    let codes = &api.status_codes;
    let consts = codes.iter().map(|s| {
        let name = ident(&s.const_name);
        let code = Literal::u16_unsuffixed(s.code);
        let mut text = format!("`{} {}`: {}", s.code, s.reason, docs::text(&s.docs, ""));
        if let Some(limit) = api.rate_limit.as_ref().filter(|r| r.status == s.code) {
            text.push_str(&format!(
                "\n\nThe rate-limit status: the `{}` header says when to try again.",
                limit.retry_after
            ));
        }
        let doc = docs::lines(&text);
        quote! {
            #doc
            pub const #name: Self = Self(#code);
        }
    });
    let names: Vec<_> = codes.iter().map(|s| ident(&s.const_name)).collect();
    let numbers: Vec<_> = codes
        .iter()
        .map(|s| Literal::u16_unsuffixed(s.code))
        .collect();
    let reasons = codes.iter().map(|s| s.reason.as_str());
    let descriptions = codes
        .iter()
        .map(|s| s.docs.description.as_deref().unwrap_or_default().trim());
    let retry_arm = |class: Retry, variant: TokenStream| {
        let matching: Vec<_> = codes
            .iter()
            .filter(|s| s.retry == class)
            .map(|s| Literal::u16_unsuffixed(s.code))
            .collect();
        (!matching.is_empty()).then(|| quote!(#(#matching)|* => Retry::#variant,))
    };
    let always = retry_arm(Retry::Always, quote!(Always));
    let idempotent = retry_arm(Retry::Idempotent, quote!(Idempotent));
    let module_doc = docs::inner_lines(&format!(
        "The HTTP status codes the {} API documents.",
        api.name
    ));
    quote! {
        #module_doc

        use std::fmt;

        /// An HTTP status code: one of the documented constants below, or any other code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct StatusCode(u16);

        impl StatusCode {
            #(#consts)*

            /// Every status code the API documents, in the order of its documentation.
            pub const DOCUMENTED: &'static [Self] = &[#(Self::#names),*];

            /// The status code `code`, documented or not.
            pub const fn from_u16(code: u16) -> Self {
                Self(code)
            }

            /// The number, e.g. `404`.
            pub const fn as_u16(self) -> u16 {
                self.0
            }

            /// The reason phrase of a documented status code, e.g. `Not Found`.
            pub const fn reason(self) -> Option<&'static str> {
                match self.0 {
                    #(#numbers => Some(#reasons),)*
                    _ => None,
                }
            }

            /// What the API's documentation says the status code means.
            pub const fn description(self) -> Option<&'static str> {
                match self.0 {
                    #(#numbers => Some(#descriptions),)*
                    _ => None,
                }
            }

            /// Whether a request that got this status may be sent again.
            pub const fn retry(self) -> Retry {
                match self.0 {
                    #always
                    #idempotent
                    _ => Retry::Never,
                }
            }

            /// Whether the status is a success (2xx).
            pub const fn is_success(self) -> bool {
                self.0 / 100 == 2
            }
        }

        impl From<u16> for StatusCode {
            fn from(code: u16) -> Self {
                Self(code)
            }
        }

        impl From<StatusCode> for u16 {
            fn from(status: StatusCode) -> Self {
                status.0
            }
        }

        impl fmt::Display for StatusCode {
            /// `404 Not Found`, or the bare number for an undocumented code.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.reason() {
                    Some(reason) => write!(f, "{} {reason}", self.0),
                    None => write!(f, "{}", self.0),
                }
            }
        }

        /// When a request that failed with a given status may be retried.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Retry {
            /// Never: sending the same request again will fail the same way.
            Never,
            /// Only when repeating the request is harmless: GET, PUT and DELETE.
            Idempotent,
            /// Always: the server did not act on the request.
            Always,
        }
    }
}
