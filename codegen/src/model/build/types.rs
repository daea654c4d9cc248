//! Types: declaring names (and their collisions), enum variants, fields, type references.

use std::collections::BTreeMap;

use super::{Builder, docs, fallback_variant};
use crate::diagnostic::Diagnostic;
use crate::model::names::{member_name, type_name, unraw, variant_name};
use crate::model::{Docs, Field, Ty, TypeDef, TypeId, TypeKind, Variant};
use crate::spec::{self, Spanned};

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

impl Builder {
    /// An enum variant for `name`, unique among `taken` (Rust name → wire name).
    pub(super) fn variant(
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
    pub(super) fn member(&mut self, name: &Spanned<String>, what: &str) -> Option<String> {
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

    pub(super) fn declare(&mut self, name: &Spanned<String>, docs: Docs) -> Option<TypeId> {
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

    pub(super) fn enum_kind(&mut self, values: &[spec::EnumValueSpec]) -> TypeKind {
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

    pub(super) fn fields(&mut self, specs: &[spec::FieldSpec]) -> Vec<Field> {
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

    pub(super) fn ty(&mut self, r: &spec::TypeRefSpec) -> Option<Ty> {
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

    pub(super) fn scalar_ty(&mut self, name: &Spanned<String>) -> Option<Ty> {
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
    pub(super) fn struct_ref(&mut self, name: &Spanned<String>) -> Option<TypeId> {
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
}
