//! Stage 2: [`Spec`](crate::spec::Spec) → [`Api`], the validated model the emitters read.
//!
//! Every reference is resolved (type names to [`TypeId`]s, error kind names to indices), every
//! Rust name is computed and checked for collisions, and every example is checked against its
//! type. `emit` can therefore trust the model completely: nothing it reads can be invalid.

mod build;
mod examples;
mod names;

pub(crate) use build::build;
pub(crate) use names::unraw;

/// The API, as the SDK will present it.
#[derive(Debug)]
pub(crate) struct Api {
    pub name: String,
    pub crate_name: String,
    pub version: String,
    pub docs: Docs,
    pub base_url: String,
    pub auth: Option<Auth>,
    pub headers: Vec<Header>,
    pub status_codes: Vec<StatusCode>,
    pub error_kinds: ErrorKinds,
    pub error_body: Option<TypeId>,
    pub pagination: Option<Pagination>,
    pub rate_limit: Option<RateLimit>,
    /// Every named type; [`TypeId`] indexes this.
    pub types: Vec<TypeDef>,
    /// The types of `types:` in `api.yaml`, which live in `src/types.rs`.
    pub shared_types: Vec<TypeId>,
    pub resources: Vec<Resource>,
    /// The description's file name, for the "generated from" header.
    pub source_name: String,
}

impl Api {
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The declared status code `code`.
    pub fn status(&self, code: u16) -> Option<&StatusCode> {
        self.status_codes.iter().find(|s| s.code == code)
    }
}

/// An index into [`Api::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TypeId(pub usize);

/// A description and, when the item is a guess, why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Docs {
    pub description: Option<String>,
    pub inferred: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Auth {
    pub env: String,
    pub description: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Header {
    pub name: String,
    pub docs: Docs,
    pub example: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Retry {
    Never,
    Idempotent,
    Always,
}

#[derive(Debug)]
pub(crate) struct StatusCode {
    pub code: u16,
    /// The reason phrase, e.g. `Too Many Requests`.
    pub reason: String,
    /// The associated constant, e.g. `TOO_MANY_REQUESTS`.
    pub const_name: String,
    pub docs: Docs,
    pub retry: Retry,
}

#[derive(Debug)]
pub(crate) struct ErrorKinds {
    pub kinds: Vec<ErrorKind>,
    /// The variant that carries kinds this SDK does not know.
    pub fallback: String,
}

#[derive(Debug)]
pub(crate) struct ErrorKind {
    pub wire: String,
    pub variant: String,
    pub status: u16,
    pub docs: Docs,
    pub message: Option<String>,
    pub common: bool,
}

#[derive(Debug)]
pub(crate) struct Pagination {
    pub description: Option<String>,
    pub params: Vec<Field>,
    pub link_header: String,
    pub has_more_header: String,
    pub limit_header: String,
    /// The query parameter (wire name) that the next page sets.
    pub next_param: String,
}

#[derive(Debug)]
pub(crate) struct RateLimit {
    pub status: u16,
    pub retry_after: String,
    pub description: Option<String>,
}

#[derive(Debug)]
pub(crate) struct TypeDef {
    pub name: String,
    pub docs: Docs,
    pub kind: TypeKind,
    pub examples: Vec<Example>,
    /// Sent to the API: gets a constructor and setters.
    pub input: bool,
    /// Received from the API.
    pub output: bool,
    /// No floating-point number inside, so `Eq` and `Hash` can be derived.
    pub eq: bool,
    /// Every field optional, so `Default` can be derived.
    pub default: bool,
}

#[derive(Debug)]
pub(crate) enum TypeKind {
    Enum {
        variants: Vec<Variant>,
        fallback: String,
    },
    Struct {
        fields: Vec<Field>,
    },
}

#[derive(Debug)]
pub(crate) struct Variant {
    pub name: String,
    pub wire: String,
    pub docs: Docs,
}

#[derive(Clone, Debug)]
pub(crate) struct Field {
    /// The Rust name, possibly raw (`r#type`).
    pub name: String,
    pub wire: String,
    pub ty: Ty,
    pub required: bool,
    pub nullable: bool,
    /// Held in a `Box` because the type contains itself.
    pub boxed: bool,
    pub docs: Docs,
}

impl Field {
    /// Whether the Rust type is an `Option`.
    pub fn optional(&self) -> bool {
        !self.required || self.nullable
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    String,
    Integer,
    Number,
    Boolean,
    Timestamp,
    /// A JSON object of any shape.
    Object,
    /// Any JSON value.
    Json,
    ErrorKind,
    Named(TypeId),
    Array(Box<Ty>),
}

#[derive(Debug)]
pub(crate) struct Example {
    /// The name of the generated test, e.g. `task_single_round_trips`.
    pub test_name: String,
    pub description: Option<String>,
    /// A JSON array of the type, rather than one value.
    pub list: bool,
    pub json: Json,
}

/// A JSON value that keeps the key order of the YAML it came from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

#[derive(Debug)]
pub(crate) struct Resource {
    pub module: String,
    pub docs: Docs,
    /// The resource's own object.
    pub object: TypeId,
    /// The object, the resource's own types and its operations' parameter types, in order.
    pub types: Vec<TypeId>,
    pub operations: Vec<Operation>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

#[derive(Debug)]
pub(crate) struct Operation {
    /// The Rust name, e.g. `list`.
    pub name: String,
    pub docs: Docs,
    pub method: Method,
    pub path: String,
    pub path_params: Vec<Field>,
    /// The query parameters (pagination's included) as a struct, when there are any.
    pub params_type: Option<TypeId>,
    pub body: Option<TypeId>,
    pub status: u16,
    pub returns: Returns,
    pub paginated: bool,
    /// Indices into [`ErrorKinds::kinds`]: the kinds this operation names.
    pub errors: Vec<usize>,
}

#[derive(Debug)]
pub(crate) enum Returns {
    Nothing,
    One(Ty),
    List(Ty),
}
