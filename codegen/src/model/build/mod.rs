//! Resolution and checking: spec → model. The builder's state and the order of the passes
//! live here; each kind of declaration is checked in its own module.

mod info;
mod operations;
mod properties;
mod types;

use operations::OperationContext;

use std::collections::{BTreeMap, BTreeSet};

use super::names::{test_name, type_name, unraw};
use super::{
    Api, Auth, Docs, ErrorKinds, Header, Operation, RateLimit, Resource, Ty, TypeDef, TypeId,
    TypeKind, examples,
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

pub(super) fn docs(spec: &spec::Docs) -> Docs {
    Docs {
        description: spec.description.clone(),
        inferred: spec.inferred.clone(),
    }
}

pub(super) fn named(ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Named(id) => Some(*id),
        Ty::Array(inner) => named(inner),
        _ => None,
    }
}

/// `Unknown`, unless a declared value already took that name.
pub(super) fn fallback_variant<'a>(taken: impl Iterator<Item = &'a str> + Clone) -> String {
    std::iter::once("Unknown".to_owned())
        .chain((2..).map(|n| format!("Unknown{n}")))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_default()
}
