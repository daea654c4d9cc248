//! Resolution and checking: spec → model.

use std::collections::{BTreeMap, BTreeSet};

use super::names::{const_name, member_name, test_name, type_name, unraw, variant_name};
use super::{
    Api, Auth, Docs, ErrorKind, ErrorKinds, Field, Header, Method, Operation, Pagination,
    RateLimit, Resource, Retry, Returns, StatusCode, Ty, TypeDef, TypeId, TypeKind, Variant,
    examples,
};
use crate::diagnostic::{Diagnostic, KeyPath};
use crate::spec::{self, Spanned, Spec};

/// Names the SDK defines or uses unqualified in every module; a description may not declare them.
const RESERVED: &[&str] = &[
    "Box",
    "Client",
    "Deserialize",
    "Error",
    "ErrorKind",
    "FromStr",
    "Option",
    "Result",
    "Retry",
    "Serialize",
    "StatusCode",
    "String",
    "Timestamp",
    "Vec",
];

/// Resource names whose module file would overwrite a file the generator writes itself.
const RESERVED_MODULES: &[&str] = &["mod"];

/// The built-in type names a field or parameter may use.
const BUILTINS: &[&str] = &[
    "string",
    "integer",
    "number",
    "boolean",
    "timestamp",
    "object",
    "json",
    "array",
    "ErrorKind",
];

/// Builds the model. `poisoned` names declarations the spec had to leave out: references to
/// them are not reported again.
pub(crate) fn build(
    spec: &Spec,
    poisoned: &BTreeSet<String>,
    source_name: &str,
) -> Result<Api, Vec<Diagnostic>> {
    let mut builder = Builder {
        poisoned: poisoned.clone(),
        ..Builder::default()
    };
    let api = builder.api(spec, source_name);
    match api {
        Some(api) if builder.diagnostics.is_empty() => Ok(api),
        _ => Err(builder.diagnostics),
    }
}

/// A declared type whose body is resolved once every name is known.
enum Pending<'s> {
    Type(&'s spec::TypeBody),
    Object(&'s Vec<spec::FieldSpec>),
    Params,
}

#[derive(Default)]
struct Builder {
    diagnostics: Vec<Diagnostic>,
    types: Vec<TypeDef>,
    /// Type name as written in the YAML → its id.
    by_name: BTreeMap<String, TypeId>,
    /// Rust name → the key path that declared it first.
    rust_names: BTreeMap<String, Option<KeyPath>>,
    poisoned: BTreeSet<String>,
    /// Structs with a field that did not resolve (already reported): their examples are not
    /// checked, since every mention of the missing field would repeat the first error.
    incomplete: BTreeSet<TypeId>,
}

impl Builder {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Whether `name` refers to a declaration that was left out because of its own problems.
    fn is_poisoned(&self, name: &str) -> bool {
        let rust = type_name(name);
        self.poisoned
            .iter()
            .any(|p| p == name || (rust.is_some() && type_name(p) == rust))
    }

    fn api(&mut self, spec: &Spec, source_name: &str) -> Option<Api> {
        for name in RESERVED {
            self.rust_names.insert((*name).to_owned(), None);
        }
        self.check_info(&spec.api);
        let status_codes = self.status_codes(&spec.status_codes);
        let codes: BTreeSet<u16> = status_codes.iter().map(|s| s.code).collect();
        let error_kinds = self.error_kinds(&spec.errors.kinds, &codes);

        // Declare every type first, so that references can point anywhere.
        let mut pending = Vec::new();
        let mut shared_types = Vec::new();
        for ty in &spec.types {
            if let Some(id) = self.declare(&ty.name, docs(&ty.docs)) {
                shared_types.push(id);
                pending.push((id, Pending::Type(&ty.body)));
            }
        }
        let mut resource_types = Vec::new();
        for resource in &spec.resources {
            let object = self.declare(&resource.name, docs(&resource.docs));
            let mut ids = Vec::new();
            if let Some(id) = object {
                ids.push(id);
                pending.push((id, Pending::Object(&resource.fields)));
            }
            for ty in &resource.types {
                if let Some(id) = self.declare(&ty.name, docs(&ty.docs)) {
                    ids.push(id);
                    pending.push((id, Pending::Type(&ty.body)));
                }
            }
            let mut params = Vec::new();
            for op in &resource.operations {
                let id = (!op.query.is_empty() || op.paginated.value)
                    .then(|| {
                        let name = format!("{}_{}_params", resource.name.value, op.name.value);
                        let name = Spanned {
                            value: name,
                            path: op.name.path.clone(),
                        };
                        self.declare(&name, Docs::default())
                    })
                    .flatten();
                if let Some(id) = id {
                    ids.push(id);
                    pending.push((id, Pending::Params));
                }
                params.push(id);
            }
            resource_types.push((object, ids, params));
        }

        for (id, body) in pending {
            self.types[id.0].kind = match body {
                Pending::Type(spec::TypeBody::Enum(values)) => self.enum_kind(values),
                Pending::Type(spec::TypeBody::Struct(fields)) | Pending::Object(fields) => {
                    let resolved = self.fields(fields);
                    if resolved.len() != fields.len() {
                        self.incomplete.insert(id);
                    }
                    TypeKind::Struct { fields: resolved }
                }
                Pending::Params => continue,
            };
        }

        let pagination = spec.pagination.as_ref().and_then(|p| self.pagination(p));
        let rate_limit = spec.rate_limit.as_ref().and_then(|r| {
            let status = self.declared_status(&r.status, &codes)?;
            Some(RateLimit {
                status,
                retry_after: r.retry_after.clone(),
                description: r.description.clone(),
            })
        });

        let kind_index: BTreeMap<&str, usize> = error_kinds
            .kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| (kind.wire.as_str(), i))
            .collect();
        let context = OperationContext {
            codes: &codes,
            kinds: &kind_index,
            pagination: pagination.as_ref(),
        };
        let mut resources = Vec::new();
        for (resource, (object, types, params)) in spec.resources.iter().zip(resource_types) {
            let module = self.member(&resource.name, "a module name").filter(|module| {
                let clash = RESERVED_MODULES.contains(&unraw(module));
                if clash {
                    self.report(
                        Diagnostic::at_key(&resource.name.path, format!("a resource cannot be called `{}`", resource.name.value))
                            .help("its module file would be `resources/mod.rs`, which lists the resources: rename it"),
                    );
                }
                !clash
            });
            let mut taken = BTreeMap::new();
            let operations: Vec<Operation> = resource
                .operations
                .iter()
                .zip(params)
                .filter_map(|(op, params)| {
                    let op = self.operation(op, params, &context)?;
                    Some(op)
                })
                .collect();
            for (op, spec_op) in operations.iter().zip(&resource.operations) {
                if let Some(first) = taken.insert(op.name.clone(), spec_op.name.value.clone()) {
                    self.report(
                        Diagnostic::at_key(
                            &spec_op.name.path,
                            format!(
                                "operation `{}` collides with `{first}`: both are `{}` in Rust",
                                spec_op.name.value, op.name
                            ),
                        )
                        .help("rename one of them"),
                    );
                }
            }
            if let (Some(module), Some(object)) = (module, object) {
                resources.push(Resource {
                    module,
                    docs: docs(&resource.docs),
                    object,
                    types,
                    operations,
                });
            }
        }

        let error_body = spec
            .errors
            .body
            .as_ref()
            .and_then(|body| self.struct_ref(body));
        self.derive_properties(&resources, error_body);
        for ty in &spec.types {
            self.examples(&ty.name, &ty.examples, &error_kinds, &codes);
        }
        for resource in &spec.resources {
            self.examples(&resource.name, &resource.examples, &error_kinds, &codes);
            for ty in &resource.types {
                self.examples(&ty.name, &ty.examples, &error_kinds, &codes);
            }
        }

        let info = &spec.api;
        Some(Api {
            name: info.name.value.clone(),
            crate_name: info.crate_name.value.clone(),
            version: info.version.value.clone(),
            docs: Docs {
                description: info.description.clone(),
                inferred: None,
            },
            base_url: info.base_url.value.clone(),
            auth: info.auth.as_ref().map(|auth| Auth {
                env: auth.env.value.clone(),
                description: auth.description.clone(),
            }),
            headers: info
                .headers
                .iter()
                .map(|h| Header {
                    name: h.name.value.clone(),
                    docs: docs(&h.docs),
                    example: h.example.clone(),
                })
                .collect(),
            status_codes,
            error_kinds,
            error_body,
            pagination,
            rate_limit,
            types: std::mem::take(&mut self.types),
            shared_types,
            resources,
            source_name: source_name.to_owned(),
        })
    }

    fn check_info(&mut self, info: &spec::ApiInfo) {
        let crate_name = &info.crate_name;
        let valid = crate_name
            .value
            .starts_with(|c: char| c.is_ascii_lowercase())
            && crate_name
                .value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !valid {
            self.report(
                Diagnostic::at_value(
                    &crate_name.path,
                    format!("`{}` is not a valid crate name", crate_name.value),
                )
                .expected("lowercase letters, digits, `_` and `-`, starting with a letter"),
            );
        }
        let version = &info.version;
        let core = version.value.split(['-', '+']).next().unwrap_or_default();
        let parts: Vec<&str> = core.split('.').collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            self.report(
                Diagnostic::at_value(
                    &version.path,
                    format!("`{}` is not a semantic version", version.value),
                )
                .expected("MAJOR.MINOR.PATCH, e.g. `0.1.0`"),
            );
        }
        let url = &info.base_url;
        if !(url.value.starts_with("https://") || url.value.starts_with("http://"))
            || url.value.ends_with('/')
        {
            self.report(
                Diagnostic::at_value(&url.path, format!("`{}` is not a base URL", url.value))
                    .expected("an absolute `https://` URL without a trailing `/`, e.g. `https://api.example.com`"),
            );
        }
        if let Some(auth) = &info.auth {
            let env = &auth.env;
            let valid = env
                .value
                .starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
                && env
                    .value
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                self.report(
                    Diagnostic::at_value(
                        &env.path,
                        format!("`{}` is not an environment variable name", env.value),
                    )
                    .expected("capital letters, digits and `_`, e.g. `EXAMPLE_API_KEY`"),
                );
            }
        }
        for header in &info.headers {
            self.check_header_name(&header.name);
        }
    }

    fn check_header_name(&mut self, name: &Spanned<String>) {
        if name.value.is_empty()
            || !name
                .value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            self.report(
                Diagnostic::at_key(
                    &name.path,
                    format!("`{}` is not an HTTP header name", name.value),
                )
                .expected("letters, digits and `-`, e.g. `Accept-Version`"),
            );
        }
    }

    fn status_codes(&mut self, specs: &[spec::StatusCodeSpec]) -> Vec<StatusCode> {
        let mut consts = BTreeMap::new();
        let mut codes = BTreeSet::new();
        let mut out = Vec::new();
        for s in specs {
            let Ok(code) = u16::try_from(s.code.value) else {
                self.bad_status(&s.code);
                continue;
            };
            if !(100..=599).contains(&code) {
                self.bad_status(&s.code);
                continue;
            }
            if !codes.insert(code) {
                self.report(
                    Diagnostic::at_key(
                        &s.code.path,
                        format!("status code {code} is declared twice"),
                    )
                    .help("remove one of them"),
                );
            }
            let Some(name) = const_name(&s.name.value) else {
                self.report(
                    Diagnostic::at_value(
                        &s.name.path,
                        format!("`{}` cannot be a constant's name", s.name.value),
                    )
                    .expected("a reason phrase of letters and digits, e.g. `Not Found`"),
                );
                continue;
            };
            if let Some(first) = consts.insert(name.clone(), code) {
                self.report(
                    Diagnostic::at_value(
                        &s.name.path,
                        format!("status {code}'s name collides with status {first}'s: both are `{name}` in Rust"),
                    )
                    .help("give each status code its own reason phrase"),
                );
            }
            out.push(StatusCode {
                code,
                reason: s.name.value.clone(),
                const_name: name,
                docs: docs(&s.docs),
                retry: match s.retry {
                    spec::RetrySpec::Never => Retry::Never,
                    spec::RetrySpec::Idempotent => Retry::Idempotent,
                    spec::RetrySpec::Always => Retry::Always,
                },
            });
        }
        out
    }

    fn bad_status(&mut self, code: &Spanned<i64>) {
        self.report(
            Diagnostic::at_key(
                &code.path,
                format!("{} is not an HTTP status code", code.value),
            )
            .expected("a number from 100 to 599"),
        );
    }

    /// A status that `status_codes` declares.
    fn declared_status(&mut self, status: &Spanned<i64>, codes: &BTreeSet<u16>) -> Option<u16> {
        let code = u16::try_from(status.value)
            .ok()
            .filter(|code| codes.contains(code));
        if code.is_none() {
            let candidates: Vec<String> = codes.iter().map(u16::to_string).collect();
            self.report(
                Diagnostic::at_value(
                    &status.path,
                    format!(
                        "status {} is not declared under `status_codes`",
                        status.value
                    ),
                )
                .expected(format!("one of {}", candidates.join(", ")))
                .help(format!(
                    "declare `{}:` under `status_codes`, or use a declared status",
                    status.value
                )),
            );
        }
        code
    }

    fn error_kinds(&mut self, specs: &[spec::ErrorKindSpec], codes: &BTreeSet<u16>) -> ErrorKinds {
        let mut variants = BTreeMap::new();
        let mut kinds = Vec::new();
        for kind in specs {
            let variant = self.variant(&kind.name, &mut variants);
            let status = self.declared_status(&kind.status, codes);
            if status.is_some_and(|code| code < 400) {
                self.report(
                    Diagnostic::at_value(
                        &kind.status.path,
                        format!("error kind `{}` has a success status", kind.name.value),
                    )
                    .expected("a 4xx or 5xx status"),
                );
            }
            if let (Some(variant), Some(status)) = (variant, status) {
                kinds.push(ErrorKind {
                    wire: kind.name.value.clone(),
                    variant,
                    status,
                    docs: docs(&kind.docs),
                    message: kind.message.clone(),
                    common: kind.common,
                });
            }
        }
        let fallback = fallback_variant(kinds.iter().map(|k| k.variant.as_str()));
        ErrorKinds { kinds, fallback }
    }

    /// An enum variant for `name`, unique among `taken` (Rust name → wire name).
    fn variant(
        &mut self,
        name: &Spanned<String>,
        taken: &mut BTreeMap<String, String>,
    ) -> Option<String> {
        let Some(variant) = variant_name(&name.value) else {
            self.report(
                Diagnostic::at_value(
                    &name.path,
                    format!("`{}` cannot be turned into a Rust name", name.value),
                )
                .expected("a value with at least one ASCII letter or digit"),
            );
            return None;
        };
        if let Some(first) = taken.insert(variant.clone(), name.value.clone()) {
            self.report(
                Diagnostic::at_value(
                    &name.path,
                    format!(
                        "`{}` collides with `{first}`: both are `{variant}` in Rust",
                        name.value
                    ),
                )
                .help("values that differ only in case or punctuation cannot both be variants"),
            );
            return None;
        }
        Some(variant)
    }

    /// A snake-case member name (field, module, operation, example).
    fn member(&mut self, name: &Spanned<String>, what: &str) -> Option<String> {
        let member = member_name(&name.value);
        if member.is_none() {
            self.report(
                Diagnostic::at_key(
                    &name.path,
                    format!("`{}` cannot be turned into {what}", name.value),
                )
                .expected("a name with at least one ASCII letter, e.g. `created_at`"),
            );
        }
        member
    }

    fn declare(&mut self, name: &Spanned<String>, docs: Docs) -> Option<TypeId> {
        let Some(rust) = type_name(&name.value) else {
            self.report(
                Diagnostic::at_key(
                    &name.path,
                    format!("`{}` cannot be turned into a Rust type name", name.value),
                )
                .expected("ASCII letters, digits and `_`, starting with a letter"),
            );
            return None;
        };
        if let Some(first) = self.rust_names.get(&rust) {
            let diagnostic = match first {
                None => Diagnostic::at_key(
                    &name.path,
                    format!("`{}` is reserved: the generated code uses `{rust}` itself", name.value),
                )
                .help("rename the type"),
                Some(path) => Diagnostic::at_key(
                    &name.path,
                    format!(
                        "`{}` collides with the type declared at `{path}`: both are `{rust}` in Rust",
                        name.value
                    ),
                )
                .help("rename one of them"),
            };
            self.report(diagnostic);
            return None;
        }
        self.rust_names
            .insert(rust.clone(), Some(name.path.clone()));
        let id = TypeId(self.types.len());
        self.by_name.insert(name.value.clone(), id);
        if rust != name.value {
            self.by_name.entry(rust.clone()).or_insert(id);
        }
        self.types.push(TypeDef {
            name: rust,
            docs,
            kind: TypeKind::Struct { fields: Vec::new() },
            examples: Vec::new(),
            input: false,
            output: false,
            eq: true,
            default: false,
        });
        Some(id)
    }

    fn enum_kind(&mut self, values: &[spec::EnumValueSpec]) -> TypeKind {
        let mut taken = BTreeMap::new();
        let variants: Vec<Variant> = values
            .iter()
            .filter_map(|value| {
                Some(Variant {
                    name: self.variant(&value.value, &mut taken)?,
                    wire: value.value.value.clone(),
                    docs: docs(&value.docs),
                })
            })
            .collect();
        let fallback = fallback_variant(variants.iter().map(|v| v.name.as_str()));
        TypeKind::Enum { variants, fallback }
    }

    fn fields(&mut self, specs: &[spec::FieldSpec]) -> Vec<Field> {
        let mut taken: BTreeMap<String, String> = BTreeMap::new();
        let mut fields = Vec::new();
        for spec in specs {
            let name = self.member(&spec.name, "a field name");
            let ty = self.ty(&spec.ty);
            let Some(name) = name else { continue };
            if let Some(first) = taken.insert(name.clone(), spec.name.value.clone()) {
                self.report(
                    Diagnostic::at_key(
                        &spec.name.path,
                        format!(
                            "field `{}` collides with `{first}`: both are `{}` in Rust",
                            spec.name.value,
                            unraw(&name)
                        ),
                    )
                    .help("rename one of them"),
                );
                continue;
            }
            if let Some(ty) = ty {
                fields.push(Field {
                    name,
                    wire: spec.name.value.clone(),
                    ty,
                    required: spec.required,
                    nullable: spec.nullable,
                    boxed: false,
                    docs: docs(&spec.docs),
                });
            }
        }
        fields
    }

    fn ty(&mut self, r: &spec::TypeRefSpec) -> Option<Ty> {
        if r.name.value != "array" {
            if let Some(items) = &r.items {
                self.report(
                    Diagnostic::at_key(&items.path, "`items` is only for `type: array`")
                        .help("remove `items`, or write `type: array`"),
                );
            }
            return self.scalar_ty(&r.name);
        }
        let Some(items) = &r.items else {
            self.report(
                Diagnostic::at_value(&r.name.path, "an array needs the type of its items")
                    .expected("`items: TypeName` beside `type: array`"),
            );
            return None;
        };
        if items.value == "array" {
            self.report(
                Diagnostic::at_value(&items.path, "arrays of arrays are not supported")
                    .help("declare a struct type for the inner array"),
            );
            return None;
        }
        Some(Ty::Array(Box::new(self.scalar_ty(items)?)))
    }

    fn scalar_ty(&mut self, name: &Spanned<String>) -> Option<Ty> {
        let ty = match name.value.as_str() {
            "string" => Ty::String,
            "integer" => Ty::Integer,
            "number" => Ty::Number,
            "boolean" => Ty::Boolean,
            "timestamp" => Ty::Timestamp,
            "object" => Ty::Object,
            "json" => Ty::Json,
            "ErrorKind" => Ty::ErrorKind,
            other => match self.by_name.get(other) {
                Some(id) => Ty::Named(*id),
                None if self.is_poisoned(other) => return None,
                None => {
                    let candidates: Vec<&str> = BUILTINS
                        .iter()
                        .copied()
                        .chain(self.by_name.keys().map(String::as_str))
                        .collect();
                    let diagnostic = Diagnostic::at_value(&name.path, format!("unknown type `{other}`"))
                        .expected("a built-in type (string, integer, number, boolean, timestamp, object, json, array, ErrorKind), a type under `types`, or a resource's type")
                        .suggest(other, candidates);
                    self.report(diagnostic);
                    return None;
                }
            },
        };
        Some(ty)
    }

    /// A reference that must name a struct type.
    fn struct_ref(&mut self, name: &Spanned<String>) -> Option<TypeId> {
        match self.scalar_ty(name)? {
            Ty::Named(id) if matches!(self.types[id.0].kind, TypeKind::Struct { .. }) => Some(id),
            _ => {
                self.report(
                    Diagnostic::at_value(
                        &name.path,
                        format!("`{}` is not a struct type", name.value),
                    )
                    .expected("a type with `fields`"),
                );
                None
            }
        }
    }

    /// Whether a parameter of this type can go in a URL.
    fn check_param_type(&mut self, param: &Field, path: &KeyPath, allow_enum: bool) {
        let ok = match &param.ty {
            Ty::String | Ty::Integer | Ty::Boolean | Ty::Number | Ty::Timestamp => true,
            Ty::Named(id) => allow_enum && matches!(self.types[id.0].kind, TypeKind::Enum { .. }),
            _ => false,
        };
        if !ok {
            self.report(
                Diagnostic::at_value(
                    path,
                    format!("parameter `{}` cannot be written in a URL", param.wire),
                )
                .expected(if allow_enum {
                    "string, integer, number, boolean, timestamp or an enum type"
                } else {
                    "string or integer"
                }),
            );
        }
    }

    fn params(&mut self, specs: &[spec::FieldSpec], allow_enum: bool) -> Vec<Field> {
        let fields = self.fields(specs);
        for (field, spec) in fields.iter().zip(specs) {
            if spec.nullable {
                self.report(
                    Diagnostic::at_key(
                        &spec.name.path.key("nullable"),
                        "parameters cannot be null",
                    )
                    .help("remove `nullable`"),
                );
            }
            self.check_param_type(field, &spec.ty.name.path, allow_enum);
        }
        fields
    }

    fn pagination(&mut self, spec: &spec::PaginationSpec) -> Option<Pagination> {
        let params = self.params(&spec.query, true);
        if !params.iter().any(|p| p.wire == spec.next.value) {
            let names: Vec<&str> = params.iter().map(|p| p.wire.as_str()).collect();
            self.report(
                Diagnostic::at_value(
                    &spec.next.path,
                    format!(
                        "`{}` is not one of the pagination's query parameters",
                        spec.next.value
                    ),
                )
                .expected(format!(
                    "one of the names under `{}`",
                    spec.path.key("query")
                ))
                .suggest(&spec.next.value, names),
            );
        }
        for header in [&spec.link_header, &spec.has_more_header, &spec.limit_header] {
            self.check_header_name(&Spanned {
                value: header.clone(),
                path: spec.path.key("headers"),
            });
        }
        Some(Pagination {
            description: spec.description.clone(),
            params,
            link_header: spec.link_header.clone(),
            has_more_header: spec.has_more_header.clone(),
            limit_header: spec.limit_header.clone(),
            next_param: spec.next.value.clone(),
        })
    }

    fn operation(
        &mut self,
        op: &spec::OperationSpec,
        params_type: Option<TypeId>,
        context: &OperationContext<'_>,
    ) -> Option<Operation> {
        let name = self.member(&op.name, "a method name");
        let method = op.method.as_ref().map(|method| match method.value {
            spec::MethodSpec::Get => Method::Get,
            spec::MethodSpec::Post => Method::Post,
            spec::MethodSpec::Put => Method::Put,
            spec::MethodSpec::Patch => Method::Patch,
            spec::MethodSpec::Delete => Method::Delete,
        });
        let mut path_params = self.params(&op.path_params, false);
        for param in &mut path_params {
            param.required = true;
        }
        if let Some(path) = &op.path {
            self.check_path(path, &op.path_params, &path_params);
        }

        let mut query = Vec::new();
        if op.paginated.value {
            match context.pagination {
                None => self.report(
                    Diagnostic::at_value(
                        &op.paginated.path,
                        "the operation is paginated, but there is no `pagination` section",
                    )
                    .help("describe the convention under `pagination:` at the top level"),
                ),
                Some(pagination) => query.extend(pagination.params.iter().cloned()),
            }
            if !matches!(op.returns, Some(spec::ReturnsSpec::List(_))) {
                self.report(
                    Diagnostic::at_value(
                        &op.paginated.path,
                        "a paginated operation must return a list",
                    )
                    .expected("`returns: [TypeName]`"),
                );
            }
        }
        let own = self.params(&op.query, true);
        for (param, spec) in own.into_iter().zip(&op.query) {
            if query
                .iter()
                .any(|q: &Field| q.name == param.name || q.wire == param.wire)
            {
                self.report(
                    Diagnostic::at_key(
                        &spec.name.path,
                        format!(
                            "query parameter `{}` is already a pagination parameter",
                            param.wire
                        ),
                    )
                    .help("remove it: paginated operations take the pagination parameters already"),
                );
                continue;
            }
            query.push(param);
        }
        if let (Some(id), Some(method), Some(path)) = (params_type, method, &op.path) {
            self.types[id.0].docs = Docs {
                description: Some(format!(
                    "The query parameters of `{} {}`.",
                    method.as_str(),
                    path.value
                )),
                inferred: None,
            };
            self.types[id.0].kind = TypeKind::Struct { fields: query };
        }

        let status = self.declared_status(&op.status, context.codes);
        if let Some(code) = status.filter(|code| !(200..300).contains(code)) {
            self.report(
                Diagnostic::at_value(&op.status.path, format!("{code} is not a success status"))
                    .expected("the 2xx status of a successful response, e.g. 200 or 201"),
            );
        }
        let body = op.body.as_ref().and_then(|body| {
            if let Some(method @ (Method::Get | Method::Delete)) = method {
                self.report(
                    Diagnostic::at_key(
                        &body.path,
                        format!("a {} request has no body", method.as_str()),
                    )
                    .help("remove `body`, or use POST, PUT or PATCH"),
                );
            }
            self.struct_ref(body)
        });
        let returns = match &op.returns {
            None => Some(Returns::Nothing),
            Some(spec::ReturnsSpec::One(name)) => self.scalar_ty(name).map(Returns::One),
            Some(spec::ReturnsSpec::List(name)) => self.scalar_ty(name).map(Returns::List),
        };
        let errors = self.operation_errors(&op.errors, context.kinds);
        Some(Operation {
            name: name?,
            docs: docs(&op.docs),
            method: method?,
            path: op.path.as_ref()?.value.clone(),
            path_params,
            params_type,
            body,
            status: status?,
            returns: returns?,
            paginated: op.paginated.value,
            errors,
        })
    }

    /// Every `{name}` in the path is declared, and every declared parameter is used.
    fn check_path(
        &mut self,
        path: &Spanned<String>,
        declared: &[spec::FieldSpec],
        params: &[Field],
    ) {
        if !path.value.starts_with('/') || path.value.contains(['?', '#']) {
            self.report(
                Diagnostic::at_value(
                    &path.path,
                    format!("`{}` is not a path template", path.value),
                )
                .expected("a path starting with `/`, without a query string, e.g. `/tasks/{id}`"),
            );
            return;
        }
        let mut placeholders = Vec::new();
        let mut rest = path.value.as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                self.report(
                    Diagnostic::at_value(&path.path, "a `{` in the path is never closed")
                        .expected("`{name}` placeholders"),
                );
                return;
            };
            placeholders.push(&after[..close]);
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            self.report(
                Diagnostic::at_value(&path.path, "a `}` in the path has no `{`")
                    .expected("`{name}` placeholders"),
            );
        }
        for name in &placeholders {
            if !declared.iter().any(|p| p.name.value == *name) {
                let names: Vec<&str> = declared.iter().map(|p| p.name.value.as_str()).collect();
                self.report(
                    Diagnostic::at_value(&path.path, format!("path parameter `{{{name}}}` has no declaration"))
                        .expected(format!("`{name}` under `path_params`"))
                        .help(format!("declare it: `path_params: {{ {name}: {{ type: string, description: ... }} }}`"))
                        .suggest(name, names),
                );
            }
        }
        for (param, spec) in params.iter().zip(declared) {
            if !placeholders.contains(&spec.name.value.as_str()) {
                self.report(
                    Diagnostic::at_key(
                        &spec.name.path,
                        format!(
                            "path parameter `{}` does not appear in the path",
                            param.wire
                        ),
                    )
                    .help(format!(
                        "add `{{{}}}` to `{}`, or remove the parameter",
                        param.wire, path.value
                    )),
                );
            }
        }
    }

    fn operation_errors(
        &mut self,
        names: &[Spanned<String>],
        kinds: &BTreeMap<&str, usize>,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        for name in names {
            match kinds.get(name.value.as_str()) {
                Some(index) if out.contains(index) => self.report(
                    Diagnostic::at_value(
                        &name.path,
                        format!("error kind `{}` is listed twice", name.value),
                    )
                    .help("remove one of them"),
                ),
                Some(index) => out.push(*index),
                None if self.is_poisoned(&name.value) => {}
                None => self.report(
                    Diagnostic::at_value(
                        &name.path,
                        format!("unknown error kind `{}`", name.value),
                    )
                    .expected("a kind declared under `errors.kinds`")
                    .suggest(&name.value, kinds.keys().copied()),
                ),
            }
        }
        out
    }

    /// Input and output roles, `Eq`, `Default` and the boxes that break recursion.
    fn derive_properties(&mut self, resources: &[Resource], error_body: Option<TypeId>) {
        let mut inputs = Vec::new();
        let mut outputs: Vec<TypeId> = error_body.into_iter().collect();
        for resource in resources {
            outputs.push(resource.object);
            for op in &resource.operations {
                inputs.extend(op.body);
                inputs.extend(op.params_type);
                if let Returns::One(ty) | Returns::List(ty) = &op.returns {
                    outputs.extend(named(ty));
                }
            }
        }
        for id in self.reachable(inputs) {
            self.types[id.0].input = true;
        }
        for id in self.reachable(outputs) {
            self.types[id.0].output = true;
        }

        // `Eq` holds unless a float is inside; iterate to a fixed point for nested types.
        loop {
            let mut changed = false;
            for i in 0..self.types.len() {
                let TypeKind::Struct { fields } = &self.types[i].kind else {
                    continue;
                };
                let eq = fields.iter().all(|f| self.ty_is_eq(&f.ty));
                if self.types[i].eq && !eq {
                    self.types[i].eq = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }

        for i in 0..self.types.len() {
            let boxed: Vec<bool> = match &self.types[i].kind {
                TypeKind::Struct { fields } => fields
                    .iter()
                    .map(|f| match f.ty {
                        Ty::Named(target) => self.reaches_by_value(target, TypeId(i)),
                        _ => false,
                    })
                    .collect(),
                TypeKind::Enum { .. } => continue,
            };
            if let TypeKind::Struct { fields } = &mut self.types[i].kind {
                for (field, boxed) in fields.iter_mut().zip(boxed) {
                    field.boxed = boxed;
                }
                let default = fields.iter().all(Field::optional);
                self.types[i].default = default;
            }
        }
    }

    fn ty_is_eq(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Number => false,
            Ty::Named(id) => self.types[id.0].eq,
            Ty::Array(inner) => self.ty_is_eq(inner),
            _ => true,
        }
    }

    /// Every type reachable from `roots` through fields.
    fn reachable(&self, roots: Vec<TypeId>) -> BTreeSet<TypeId> {
        let mut seen = BTreeSet::new();
        let mut stack = roots;
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let TypeKind::Struct { fields } = &self.types[id.0].kind {
                stack.extend(fields.iter().filter_map(|f| named(&f.ty)));
            }
        }
        seen
    }

    /// Whether `from` contains `to` directly (not behind a `Vec`), which needs a `Box`.
    fn reaches_by_value(&self, from: TypeId, to: TypeId) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(id) = stack.pop() {
            if id == to {
                return true;
            }
            if !seen.insert(id) {
                continue;
            }
            if let TypeKind::Struct { fields } = &self.types[id.0].kind {
                stack.extend(fields.iter().filter_map(|f| match f.ty {
                    Ty::Named(next) => Some(next),
                    _ => None,
                }));
            }
        }
        false
    }

    fn examples(
        &mut self,
        owner: &Spanned<String>,
        specs: &[spec::ExampleSpec],
        kinds: &ErrorKinds,
        codes: &BTreeSet<u16>,
    ) {
        let Some(&id) = self.by_name.get(&owner.value) else {
            return;
        };
        if self
            .reachable(vec![id])
            .iter()
            .any(|t| self.incomplete.contains(t))
        {
            return;
        }
        let mut names = BTreeSet::new();
        for spec in specs {
            let Some(name) = test_name(&self.types[id.0].name, &spec.name.value) else {
                self.report(
                    Diagnostic::at_key(
                        &spec.name.path,
                        format!("`{}` cannot be turned into a test name", spec.name.value),
                    )
                    .expected("a name with ASCII letters, digits and `_`, e.g. `single`"),
                );
                continue;
            };
            if !names.insert(name.clone()) {
                self.report(
                    Diagnostic::at_key(
                        &spec.name.path,
                        format!(
                            "example `{}` collides with another example's name",
                            spec.name.value
                        ),
                    )
                    .help("rename one of them"),
                );
                continue;
            }
            let status = spec
                .status
                .as_ref()
                .and_then(|status| self.declared_status(status, codes));
            let checked = examples::check(
                &self.types,
                kinds,
                id,
                &spec.value,
                status,
                &mut self.diagnostics,
            );
            if let Some((json, list)) = checked {
                self.types[id.0].examples.push(super::Example {
                    test_name: name,
                    description: spec.description.clone(),
                    list,
                    json,
                });
            }
        }
    }
}

struct OperationContext<'a> {
    codes: &'a BTreeSet<u16>,
    kinds: &'a BTreeMap<&'a str, usize>,
    pagination: Option<&'a Pagination>,
}

fn docs(spec: &spec::Docs) -> Docs {
    Docs {
        description: spec.description.clone(),
        inferred: spec.inferred.clone(),
    }
}

fn named(ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Named(id) => Some(*id),
        Ty::Array(inner) => named(inner),
        _ => None,
    }
}

/// `Unknown`, unless a declared value already took that name.
fn fallback_variant<'a>(taken: impl Iterator<Item = &'a str> + Clone) -> String {
    std::iter::once("Unknown".to_owned())
        .chain((2..).map(|n| format!("Unknown{n}")))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_default()
}
