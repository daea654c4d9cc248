//! The YAML tree → [`Spec`]: checks keys and value kinds, collecting every problem.
//!
//! Hand-written rather than `#[derive(Deserialize)]`: serde stops at the first error, and the
//! format's users deserve all of them at once, each with its key path and a did-you-mean.

use std::collections::BTreeSet;

use super::node::{Mapping, Node};
use super::{
    ApiInfo, AuthSpec, Docs, EnumValueSpec, ErrorKindSpec, ErrorsSpec, ExampleSpec, FieldSpec,
    HeaderSpec, MethodSpec, OperationSpec, PaginationSpec, Parsed, RateLimitSpec, ResourceSpec,
    RetrySpec, ReturnsSpec, Spanned, Spec, StatusCodeSpec, TypeBody, TypeRefSpec, TypeSpec,
};
use crate::diagnostic::{Diagnostic, KeyPath};

pub(super) fn decode(root: &Node) -> Parsed {
    let mut d = Decoder::default();
    let spec = d.spec(root);
    Parsed {
        spec,
        problems: d.diagnostics,
        poisoned: d.poisoned,
    }
}

/// A mapping whose keys have been checked, with the path it sits at.
struct Obj<'a> {
    path: KeyPath,
    map: &'a Mapping,
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<(&'a Node, KeyPath)> {
        self.map.get(key).map(|node| (node, self.path.key(key)))
    }
}

#[derive(Default)]
struct Decoder {
    diagnostics: Vec<Diagnostic>,
    /// Names of declarations that were dropped because they had problems.
    poisoned: BTreeSet<String>,
}

const TOP: &[&str] = &[
    "api",
    "status_codes",
    "errors",
    "pagination",
    "rate_limit",
    "types",
    "resources",
];
const API: &[&str] = &[
    "name",
    "crate",
    "version",
    "description",
    "base_url",
    "auth",
    "headers",
];
const HEADER: &[&str] = &["description", "inferred", "example"];
const STATUS: &[&str] = &["name", "description", "inferred", "retry"];
const ERRORS: &[&str] = &["body", "kinds"];
const ERROR_KIND: &[&str] = &["status", "description", "inferred", "message", "common"];
const PAGINATION: &[&str] = &["description", "query", "headers", "next"];
const PAGINATION_HEADERS: &[&str] = &["link", "has_more", "limit"];
const RATE_LIMIT: &[&str] = &["status", "retry_after", "description"];
const TYPE: &[&str] = &["description", "inferred", "values", "fields", "examples"];
const VALUE: &[&str] = &["description", "inferred"];
const FIELD: &[&str] = &[
    "type",
    "items",
    "required",
    "nullable",
    "description",
    "inferred",
];
const PARAM: &[&str] = &["type", "items", "required", "description", "inferred"];
const EXAMPLE: &[&str] = &["description", "status", "value"];
const RESOURCE: &[&str] = &[
    "description",
    "inferred",
    "fields",
    "types",
    "operations",
    "examples",
];
const OPERATION: &[&str] = &[
    "description",
    "inferred",
    "method",
    "path",
    "path_params",
    "query",
    "body",
    "status",
    "returns",
    "paginated",
    "errors",
];

impl Decoder {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn wrong_kind(&mut self, node: &Node, path: &KeyPath, expected: &str) {
        let found = node.kind();
        self.report(
            Diagnostic::at_value(path, format!("expected {expected}, found {found}"))
                .expected(expected),
        );
    }

    /// A mapping whose keys must come from `allowed`.
    fn object<'a>(&mut self, node: &'a Node, path: &KeyPath, allowed: &[&str]) -> Option<Obj<'a>> {
        let map = self.mapping(node, path, "a mapping")?;
        for (key, value) in &map.entries {
            if !allowed.contains(&key.as_str()) {
                let list = allowed
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let diagnostic = Diagnostic::at_key(&path.key(key), format!("unknown key `{key}`"))
                    .expected(format!("one of {list}"));
                // `{ description: a, b }` reads as the key `b` with no value.
                let cut_value = key.contains(' ') && matches!(value, Node::Null);
                self.report(if cut_value {
                    diagnostic
                        .help("a `,` inside `{ ... }` ends a value: put the whole value in quotes")
                } else {
                    diagnostic.suggest(key, allowed.iter().copied())
                });
            }
        }
        Some(Obj {
            path: path.clone(),
            map,
        })
    }

    /// A mapping with keys of the author's choosing (names of types, fields, ...).
    fn mapping<'a>(
        &mut self,
        node: &'a Node,
        path: &KeyPath,
        expected: &str,
    ) -> Option<&'a Mapping> {
        let Node::Map(map) = node else {
            self.wrong_kind(node, path, expected);
            return None;
        };
        for (key, occurrence) in &map.duplicates {
            self.report(
                Diagnostic::at_key(&path.key(key), format!("duplicate key `{key}`"))
                    .occurrence(*occurrence)
                    .help("each key may appear once in a mapping: remove or rename this one"),
            );
        }
        if map.complex_keys > 0 {
            self.report(
                Diagnostic::at_value(path, "a mapping key here is a sequence or a mapping")
                    .expected("plain keys (names or numbers)"),
            );
        }
        Some(map)
    }

    fn required<'a>(
        &mut self,
        obj: &Obj<'a>,
        key: &str,
        expected: &str,
    ) -> Option<(&'a Node, KeyPath)> {
        let found = obj.get(key);
        if found.is_none() {
            let at = if obj.path.segments().is_empty() {
                "at the top level".to_owned()
            } else {
                format!("under `{}`", obj.path)
            };
            self.report(
                Diagnostic::at_key(&obj.path, format!("missing key `{key}`"))
                    .expected(format!("`{key}`: {expected}"))
                    .help(format!("add `{key}:` {at}")),
            );
        }
        found
    }

    fn string(&mut self, node: &Node, path: &KeyPath) -> Option<Spanned<String>> {
        match node {
            Node::Str(value) => Some(Spanned {
                value: value.clone(),
                path: path.clone(),
            }),
            Node::Int(_) | Node::Float(_) | Node::Bool(_) => {
                self.report(
                    Diagnostic::at_value(path, format!("expected a string, found {}", node.kind()))
                        .expected("a string")
                        .help("quote the value to make it a string"),
                );
                None
            }
            _ => {
                self.wrong_kind(node, path, "a string");
                None
            }
        }
    }

    /// The value `pick` finds in `node`, or a report that it is not `expected`.
    fn scalar<T>(
        &mut self,
        node: &Node,
        path: &KeyPath,
        expected: &str,
        pick: impl FnOnce(&Node) -> Option<T>,
    ) -> Option<Spanned<T>> {
        let Some(value) = pick(node) else {
            self.wrong_kind(node, path, expected);
            return None;
        };
        Some(Spanned {
            value,
            path: path.clone(),
        })
    }

    fn integer(&mut self, node: &Node, path: &KeyPath) -> Option<Spanned<i64>> {
        self.scalar(node, path, "an integer", |node| match node {
            Node::Int(value) => Some(*value),
            _ => None,
        })
    }

    fn boolean(&mut self, node: &Node, path: &KeyPath) -> Option<Spanned<bool>> {
        self.scalar(node, path, "`true` or `false`", |node| match node {
            Node::Bool(value) => Some(*value),
            _ => None,
        })
    }

    fn req_string(&mut self, obj: &Obj<'_>, key: &str, expected: &str) -> Option<Spanned<String>> {
        let (node, path) = self.required(obj, key, expected)?;
        self.string(node, &path)
    }

    fn opt_string(&mut self, obj: &Obj<'_>, key: &str) -> Option<Spanned<String>> {
        let (node, path) = obj.get(key)?;
        self.string(node, &path)
    }

    fn opt_text(&mut self, obj: &Obj<'_>, key: &str) -> Option<String> {
        self.opt_string(obj, key).map(|s| s.value)
    }

    fn opt_bool(&mut self, obj: &Obj<'_>, key: &str) -> Option<Spanned<bool>> {
        let (node, path) = obj.get(key)?;
        self.boolean(node, &path)
    }

    fn flag(&mut self, obj: &Obj<'_>, key: &str) -> bool {
        self.opt_bool(obj, key).is_some_and(|b| b.value)
    }

    fn docs(&mut self, obj: &Obj<'_>, description_required: bool) -> Docs {
        let description = if description_required {
            self.req_string(
                obj,
                "description",
                "a sentence or two for the generated docs",
            )
        } else {
            self.opt_string(obj, "description")
        };
        let inferred = match obj.get("inferred") {
            None | Some((Node::Bool(false), _)) => None,
            Some((Node::Bool(true), _)) => Some("not stated by the API's documentation".to_owned()),
            Some((Node::Str(reason), _)) => Some(reason.clone()),
            Some((node, path)) => {
                self.wrong_kind(node, &path, "`true` or a string saying what is inferred");
                None
            }
        };
        Docs {
            description: description.map(|s| s.value),
            inferred,
        }
    }

    /// The entries of a mapping of named things, decoded one by one.
    fn named<T>(
        &mut self,
        node: &Node,
        path: &KeyPath,
        expected: &str,
        mut each: impl FnMut(&mut Self, Spanned<String>, &Node, &KeyPath) -> Option<T>,
    ) -> Vec<T> {
        let Some(map) = self.mapping(node, path, expected) else {
            return Vec::new();
        };
        map.entries
            .iter()
            .filter_map(|(key, value)| {
                let at = path.key(key);
                let name = Spanned {
                    value: key.clone(),
                    path: at.clone(),
                };
                each(self, name, value, &at)
            })
            .collect()
    }

    /// Like [`Self::named`], for declarations that others refer to by name: one that fails to
    /// decode is remembered, so that references to it do not add errors of their own.
    fn declarations<T>(
        &mut self,
        node: &Node,
        path: &KeyPath,
        expected: &str,
        mut each: impl FnMut(&mut Self, Spanned<String>, &Node, &KeyPath) -> Option<T>,
    ) -> Vec<T> {
        self.named(node, path, expected, |d, name, node, path| {
            let key = name.value.clone();
            let decoded = each(d, name, node, path);
            if decoded.is_none() {
                d.poisoned.insert(key);
            }
            decoded
        })
    }

    fn spec(&mut self, root: &Node) -> Option<Spec> {
        if matches!(root, Node::Null) {
            self.report(
                Diagnostic::at_value(&KeyPath::root(), "the description is empty")
                    .expected("a mapping with `api`, `status_codes`, `errors` and `resources`")
                    .help("`docs/api-yaml.md` describes the format"),
            );
            return None;
        }
        let top = self.object(root, &KeyPath::root(), TOP)?;
        let api = self
            .required(&top, "api", "the API's name, crate, version and base URL")
            .and_then(|(node, path)| self.api(node, &path));
        let status_codes = self
            .required(&top, "status_codes", "a mapping of HTTP status codes")
            .map(|(node, path)| {
                self.declarations(node, &path, "a mapping of status codes", Self::status_code)
            });
        let errors = self
            .required(&top, "errors", "the error kinds")
            .and_then(|(node, path)| self.errors(node, &path));
        let pagination = top
            .get("pagination")
            .and_then(|(node, path)| self.pagination(node, &path));
        let rate_limit = top
            .get("rate_limit")
            .and_then(|(node, path)| self.rate_limit(node, &path));
        let types = top.get("types").map_or_else(Vec::new, |(node, path)| {
            self.declarations(node, &path, "a mapping of type names", Self::type_spec)
        });
        let resources = self
            .required(&top, "resources", "a mapping of resources")
            .map(|(node, path)| {
                self.declarations(node, &path, "a mapping of resources", Self::resource)
            });
        Some(Spec {
            api: api?,
            status_codes: status_codes?,
            errors: errors?,
            pagination,
            rate_limit,
            types,
            resources: resources?,
        })
    }

    fn api(&mut self, node: &Node, path: &KeyPath) -> Option<ApiInfo> {
        let obj = self.object(node, path, API)?;
        let name = self.req_string(&obj, "name", "the API's name, e.g. `Ittybit`");
        let crate_name = self.req_string(&obj, "crate", "the generated crate's name");
        let version = self.req_string(&obj, "version", "the crate version, e.g. `0.1.0`");
        let description = self.opt_text(&obj, "description");
        let base_url = self.req_string(&obj, "base_url", "the API's base URL");
        let auth = obj.get("auth").and_then(|(node, path)| {
            let auth = self.object(node, &path, &["bearer"])?;
            let (node, path) = self.required(&auth, "bearer", "the bearer token scheme")?;
            let bearer = self.object(node, &path, &["env", "description"])?;
            Some(AuthSpec {
                env: self.req_string(&bearer, "env", "the environment variable holding the key")?,
                description: self.opt_text(&bearer, "description"),
            })
        });
        let headers = obj.get("headers").map_or_else(Vec::new, |(node, path)| {
            self.named(
                node,
                &path,
                "a mapping of header names",
                |d, name, node, path| {
                    let obj = d.object(node, path, HEADER)?;
                    Some(HeaderSpec {
                        name,
                        docs: d.docs(&obj, true),
                        example: d.opt_text(&obj, "example"),
                    })
                },
            )
        });
        Some(ApiInfo {
            name: name?,
            crate_name: crate_name?,
            version: version?,
            description,
            base_url: base_url?,
            auth,
            headers,
        })
    }

    fn code(&mut self, name: &Spanned<String>) -> Option<Spanned<i64>> {
        let parsed = name.value.parse::<i64>().ok();
        if parsed.is_none() {
            self.report(
                Diagnostic::at_key(&name.path, format!("`{}` is not a status code", name.value))
                    .expected("a three-digit HTTP status code, e.g. `404`"),
            );
        }
        parsed.map(|value| Spanned {
            value,
            path: name.path.clone(),
        })
    }

    fn status_code(
        &mut self,
        name: Spanned<String>,
        node: &Node,
        path: &KeyPath,
    ) -> Option<StatusCodeSpec> {
        let code = self.code(&name);
        let obj = self.object(node, path, STATUS)?;
        let reason = self.req_string(&obj, "name", "the reason phrase, e.g. `Not Found`");
        let docs = self.docs(&obj, true);
        let retry = match obj.get("retry") {
            None => Some(RetrySpec::Never),
            Some((node, path)) => {
                let text = self.string(node, &path)?;
                match text.value.as_str() {
                    "never" => Some(RetrySpec::Never),
                    "idempotent" => Some(RetrySpec::Idempotent),
                    "always" => Some(RetrySpec::Always),
                    other => {
                        self.report(
                            Diagnostic::at_value(&path, format!("unknown retry class `{other}`"))
                                .expected("`never`, `idempotent` or `always`")
                                .suggest(other, ["never", "idempotent", "always"]),
                        );
                        None
                    }
                }
            }
        };
        Some(StatusCodeSpec {
            code: code?,
            name: reason?,
            docs,
            retry: retry?,
        })
    }

    fn errors(&mut self, node: &Node, path: &KeyPath) -> Option<ErrorsSpec> {
        let obj = self.object(node, path, ERRORS)?;
        let body = self.opt_string(&obj, "body");
        let kinds = self
            .required(&obj, "kinds", "a mapping of error kinds")
            .map(|(node, path)| {
                self.named(
                    node,
                    &path,
                    "a mapping of error kinds",
                    |d, name, node, path| {
                        let obj = d.object(node, path, ERROR_KIND)?;
                        let status = d
                            .required(&obj, "status", "the HTTP status code it comes with")
                            .and_then(|(node, path)| d.integer(node, &path));
                        Some(ErrorKindSpec {
                            name,
                            docs: d.docs(&obj, true),
                            message: d.opt_text(&obj, "message"),
                            common: d.flag(&obj, "common"),
                            status: status?,
                        })
                    },
                )
            });
        Some(ErrorsSpec {
            body,
            kinds: kinds?,
        })
    }

    fn pagination(&mut self, node: &Node, path: &KeyPath) -> Option<PaginationSpec> {
        let obj = self.object(node, path, PAGINATION)?;
        let description = self.opt_text(&obj, "description");
        let query = obj
            .get("query")
            .map_or_else(Vec::new, |(node, path)| self.params(node, &path));
        let headers = self
            .required(
                &obj,
                "headers",
                "the `link`, `has_more` and `limit` header names",
            )
            .and_then(|(node, path)| {
                let headers = self.object(node, &path, PAGINATION_HEADERS)?;
                let link = self.req_string(&headers, "link", "the RFC 8288 `Link` header's name");
                let more =
                    self.req_string(&headers, "has_more", "the header saying more results exist");
                let limit =
                    self.req_string(&headers, "limit", "the header echoing the applied limit");
                Some((link?.value, more?.value, limit?.value))
            });
        let next = self.req_string(
            &obj,
            "next",
            "the query parameter a next page sets, e.g. `after`",
        );
        let (link_header, has_more_header, limit_header) = headers?;
        Some(PaginationSpec {
            path: path.clone(),
            description,
            query,
            link_header,
            has_more_header,
            limit_header,
            next: next?,
        })
    }

    fn rate_limit(&mut self, node: &Node, path: &KeyPath) -> Option<RateLimitSpec> {
        let obj = self.object(node, path, RATE_LIMIT)?;
        let status = self
            .required(&obj, "status", "the status code of a rate-limited response")
            .and_then(|(node, path)| self.integer(node, &path));
        let retry_after = self.req_string(&obj, "retry_after", "the header saying when to retry");
        Some(RateLimitSpec {
            status: status?,
            retry_after: retry_after?.value,
            description: self.opt_text(&obj, "description"),
        })
    }

    fn type_spec(
        &mut self,
        name: Spanned<String>,
        node: &Node,
        path: &KeyPath,
    ) -> Option<TypeSpec> {
        let obj = self.object(node, path, TYPE)?;
        let docs = self.docs(&obj, true);
        let examples = self.examples(&obj);
        let body = match (obj.get("values"), obj.get("fields")) {
            (Some((node, path)), None) => TypeBody::Enum(self.enum_values(node, &path)),
            (None, Some((node, path))) => TypeBody::Struct(self.fields(node, &path)),
            (values, _) => {
                let message = if values.is_some() {
                    "a type has either `values` or `fields`, not both"
                } else {
                    "a type needs `values` (an enum) or `fields` (a struct)"
                };
                self.report(
                    Diagnostic::at_key(path, message)
                        .expected("`values: [a, b]` for an enum, or `fields:` for a struct"),
                );
                return None;
            }
        };
        if matches!(body, TypeBody::Enum(_)) && !examples.is_empty() {
            self.report(
                Diagnostic::at_key(&path.key("examples"), "examples are for struct types")
                    .help("remove `examples` from this enum"),
            );
        }
        Some(TypeSpec {
            name,
            docs,
            body,
            examples,
        })
    }

    fn enum_values(&mut self, node: &Node, path: &KeyPath) -> Vec<EnumValueSpec> {
        match node {
            Node::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let value = self.string(item, &path.index(i))?;
                    Some(EnumValueSpec {
                        value,
                        docs: Docs::default(),
                    })
                })
                .collect(),
            _ => self.named(
                node,
                path,
                "a sequence of values, or a mapping of value to description",
                |d, value, node, path| {
                    let docs = match node {
                        Node::Null => Docs::default(),
                        _ => {
                            let obj = d.object(node, path, VALUE)?;
                            d.docs(&obj, false)
                        }
                    };
                    Some(EnumValueSpec { value, docs })
                },
            ),
        }
    }

    fn fields(&mut self, node: &Node, path: &KeyPath) -> Vec<FieldSpec> {
        self.named(
            node,
            path,
            "a mapping of field names",
            |d, name, node, path| d.field(name, node, path, FIELD),
        )
    }

    fn params(&mut self, node: &Node, path: &KeyPath) -> Vec<FieldSpec> {
        self.named(
            node,
            path,
            "a mapping of parameter names",
            |d, name, node, path| d.field(name, node, path, PARAM),
        )
    }

    /// A field or parameter: `name: TypeName`, or a mapping with `type` and the rest.
    fn field(
        &mut self,
        name: Spanned<String>,
        node: &Node,
        path: &KeyPath,
        allowed: &[&str],
    ) -> Option<FieldSpec> {
        if let Node::Str(ty) = node {
            return Some(FieldSpec {
                name,
                ty: TypeRefSpec {
                    name: Spanned {
                        value: ty.clone(),
                        path: path.clone(),
                    },
                    items: None,
                },
                required: false,
                nullable: false,
                docs: Docs::default(),
            });
        }
        let obj = self.object(node, path, allowed)?;
        let ty = self.req_string(
            &obj,
            "type",
            "a type name: string, integer, a declared type, ...",
        );
        let items = self.opt_string(&obj, "items");
        Some(FieldSpec {
            name,
            required: self.flag(&obj, "required"),
            nullable: self.flag(&obj, "nullable"),
            docs: self.docs(&obj, false),
            ty: TypeRefSpec { name: ty?, items },
        })
    }

    fn examples(&mut self, obj: &Obj<'_>) -> Vec<ExampleSpec> {
        let Some((node, path)) = obj.get("examples") else {
            return Vec::new();
        };
        self.named(
            node,
            &path,
            "a mapping of example names",
            |d, name, node, path| {
                let obj = d.object(node, path, EXAMPLE)?;
                let status = obj
                    .get("status")
                    .and_then(|(node, path)| d.integer(node, &path));
                let (value, value_path) = d.required(&obj, "value", "the example body")?;
                Some(ExampleSpec {
                    name,
                    description: d.opt_text(&obj, "description"),
                    status,
                    value: Spanned {
                        value: value.clone(),
                        path: value_path,
                    },
                })
            },
        )
    }

    fn resource(
        &mut self,
        name: Spanned<String>,
        node: &Node,
        path: &KeyPath,
    ) -> Option<ResourceSpec> {
        let obj = self.object(node, path, RESOURCE)?;
        let docs = self.docs(&obj, true);
        let fields = self
            .required(&obj, "fields", "the fields of the resource's object")
            .map(|(node, path)| self.fields(node, &path));
        let types = obj.get("types").map_or_else(Vec::new, |(node, path)| {
            self.declarations(node, &path, "a mapping of type names", Self::type_spec)
        });
        let operations = obj.get("operations").map_or_else(Vec::new, |(node, path)| {
            self.named(node, &path, "a mapping of operation names", Self::operation)
        });
        let examples = self.examples(&obj);
        Some(ResourceSpec {
            name,
            docs,
            fields: fields?,
            types,
            operations,
            examples,
        })
    }

    fn operation(
        &mut self,
        name: Spanned<String>,
        node: &Node,
        path: &KeyPath,
    ) -> Option<OperationSpec> {
        let obj = self.object(node, path, OPERATION)?;
        let docs = self.docs(&obj, true);
        let method = self
            .required(&obj, "method", "GET, POST, PUT, PATCH or DELETE")
            .and_then(|(node, path)| {
                let text = self.string(node, &path)?;
                let method = match text.value.as_str() {
                    "GET" => MethodSpec::Get,
                    "POST" => MethodSpec::Post,
                    "PUT" => MethodSpec::Put,
                    "PATCH" => MethodSpec::Patch,
                    "DELETE" => MethodSpec::Delete,
                    other => {
                        let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
                        let upper = other.to_ascii_uppercase();
                        let diagnostic =
                            Diagnostic::at_value(&path, format!("unknown HTTP method `{other}`"))
                                .expected("GET, POST, PUT, PATCH or DELETE");
                        self.report(if methods.contains(&upper.as_str()) {
                            diagnostic.help(format!("write it in capitals: `{upper}`"))
                        } else {
                            diagnostic.suggest(other, methods)
                        });
                        return None;
                    }
                };
                Some(Spanned {
                    value: method,
                    path,
                })
            });
        let url_path = self.req_string(&obj, "path", "the path template, e.g. `/tasks/{id}`");
        let path_params = obj
            .get("path_params")
            .map_or_else(Vec::new, |(node, path)| self.params(node, &path));
        let query = obj
            .get("query")
            .map_or_else(Vec::new, |(node, path)| self.params(node, &path));
        let body = self.opt_string(&obj, "body");
        let status = match obj.get("status") {
            Some((node, path)) => self.integer(node, &path),
            None => Some(Spanned {
                value: 200,
                path: path.key("status"),
            }),
        };
        let returns = obj.get("returns").and_then(|(node, path)| match node {
            Node::Seq(items) if items.len() == 1 => self
                .string(&items[0], &path.index(0))
                .map(ReturnsSpec::List),
            Node::Str(_) => self.string(node, &path).map(ReturnsSpec::One),
            _ => {
                self.wrong_kind(
                    node,
                    &path,
                    "a type name, or `[TypeName]` for a JSON array of it",
                );
                None
            }
        });
        let paginated = self.opt_bool(&obj, "paginated").unwrap_or(Spanned {
            value: false,
            path: path.key("paginated"),
        });
        let errors = obj
            .get("errors")
            .map_or_else(Vec::new, |(node, path)| match node {
                Node::Seq(items) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| self.string(item, &path.index(i)))
                    .collect(),
                _ => {
                    self.wrong_kind(node, &path, "a sequence of error kind names");
                    Vec::new()
                }
            });
        Some(OperationSpec {
            name,
            docs,
            method,
            path: url_path,
            path_params,
            query,
            body,
            status: status?,
            returns,
            paginated,
            errors,
        })
    }
}
