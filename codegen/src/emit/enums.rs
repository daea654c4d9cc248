//! String enums that stay open: a value the SDK does not know decodes into the fallback
//! variant and encodes back unchanged, so the API can grow without breaking old clients.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::tokens::ident;
use crate::model::Variant;

/// The enum `name`, its `as_str`, conversions, `Display`, `FromStr` and serde impls.
/// `methods` go into the inherent impl after `as_str`.
pub(super) fn string_enum(
    name: &str,
    doc: TokenStream,
    variants: &[Variant],
    fallback: &str,
    methods: TokenStream,
) -> TokenStream {
    let name = ident(name);
    let fallback = ident(fallback);
    let idents: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<&str> = variants.iter().map(|v| v.wire.as_str()).collect();
    let variant_docs = variants
        .iter()
        .map(|v| docs::item(&v.docs, &format!("The value `{}`.", v.wire)));
    let fallback_doc = docs::lines(
        "A value this version of the SDK does not know, kept exactly as the server sent it.\n\n\
         Match the known variants instead of constructing this one: a later version of the\n\
         SDK may know the value and decode it as its own variant.",
    );
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #idents,
            )*
            #fallback_doc
            #fallback(String),
        }

        impl #name {
            /// Every value this version of the SDK knows, in the order the API lists them.
            pub const KNOWN: &'static [Self] = &[#(Self::#idents),*];

            /// The value as the API writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    Self::#fallback(value) => value,
                }
            }

            #methods
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#idents,)*
                    other => Self::#fallback(other.to_owned()),
                }
            }
        }

        impl From<String> for #name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::#fallback(_) => Self::#fallback(value),
                    known => known,
                }
            }
        }

        impl FromStr for #name {
            type Err = std::convert::Infallible;

            /// Never fails: a value the SDK does not know becomes the fallback variant.
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl fmt::Display for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }
    }
}
