//! Examples are documentation, so they must match their type exactly: every field declared,
//! every required field present, every enum value known. A checked example becomes JSON for
//! the generated round-trip test.

use super::{ErrorKinds, Json, Ty, TypeDef, TypeId, TypeKind};
use crate::diagnostic::{Diagnostic, KeyPath};
use crate::spec::{Node, Spanned};

struct Checker<'a> {
    types: &'a [TypeDef],
    kinds: &'a ErrorKinds,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// The status the example was documented with, checked against error kinds inside it.
    status: Option<u16>,
}

/// Checks an example of type `id` (a sequence means a JSON array of it) and returns it as JSON.
pub(super) fn check(
    types: &[TypeDef],
    kinds: &ErrorKinds,
    id: TypeId,
    value: &Spanned<Node>,
    status: Option<u16>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Json, bool)> {
    let before = diagnostics.len();
    let mut checker = Checker {
        types,
        kinds,
        diagnostics,
        status,
    };
    let ty = Ty::Named(id);
    let (json, list) = match &value.value {
        Node::Seq(items) => {
            let items: Vec<Json> = items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| checker.value(&ty, item, &value.path.index(i)))
                .collect();
            (Json::Array(items), true)
        }
        node => (checker.value(&ty, node, &value.path)?, false),
    };
    (checker.diagnostics.len() == before).then_some((json, list))
}

impl Checker<'_> {
    fn mismatch(&mut self, ty: &Ty, node: &Node, path: &KeyPath) -> Option<Json> {
        let expected = self.describe(ty);
        self.diagnostics.push(
            Diagnostic::at_value(
                path,
                format!(
                    "example value is {}, but the type is {expected}",
                    node.kind()
                ),
            )
            .expected(expected),
        );
        None
    }

    fn describe(&self, ty: &Ty) -> String {
        match ty {
            Ty::String => "a string".to_owned(),
            Ty::Integer => "an integer".to_owned(),
            Ty::Number => "a number".to_owned(),
            Ty::Boolean => "a boolean".to_owned(),
            Ty::Timestamp => "a timestamp (integer Unix seconds)".to_owned(),
            Ty::Object => "a mapping".to_owned(),
            Ty::Json => "any value".to_owned(),
            Ty::ErrorKind => "an error kind".to_owned(),
            Ty::Named(id) => format!("`{}`", self.types[id.0].name),
            Ty::Array(inner) => format!("a sequence of {}", self.describe(inner)),
        }
    }

    fn value(&mut self, ty: &Ty, node: &Node, path: &KeyPath) -> Option<Json> {
        match (ty, node) {
            (Ty::String, Node::Str(s)) => Some(Json::String(s.clone())),
            (Ty::Integer | Ty::Timestamp | Ty::Number, Node::Int(n)) => Some(Json::Int(*n)),
            (Ty::Number, Node::Float(f)) if f.is_finite() => Some(Json::Float(*f)),
            (Ty::Number, Node::Float(_)) => {
                self.diagnostics.push(Diagnostic::at_value(
                    path,
                    "JSON has no infinite or NaN numbers",
                ));
                None
            }
            (Ty::Boolean, Node::Bool(b)) => Some(Json::Bool(*b)),
            (Ty::Object, Node::Map(_)) | (Ty::Json, _) => self.any(node, path),
            (Ty::ErrorKind, Node::Str(kind)) => self.error_kind(kind, path),
            (Ty::Array(inner), Node::Seq(items)) => Some(Json::Array(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| self.value(inner, item, &path.index(i)))
                    .collect(),
            )),
            (Ty::Named(id), _) => self.named(*id, node, path),
            _ => self.mismatch(ty, node, path),
        }
    }

    fn error_kind(&mut self, kind: &str, path: &KeyPath) -> Option<Json> {
        let Some(declared) = self.kinds.kinds.iter().find(|k| k.wire == kind) else {
            self.diagnostics.push(
                Diagnostic::at_value(path, format!("`{kind}` is not a declared error kind"))
                    .expected("a kind under `errors.kinds`")
                    .suggest(kind, self.kinds.kinds.iter().map(|k| k.wire.as_str())),
            );
            return None;
        };
        if let Some(status) = self.status.filter(|status| *status != declared.status) {
            self.diagnostics.push(
                Diagnostic::at_value(
                    path,
                    format!(
                        "the example's status is {status}, but `{kind}` comes with {}",
                        declared.status
                    ),
                )
                .help("fix the example's `status` or the kind's `status`"),
            );
        }
        Some(Json::String(kind.to_owned()))
    }

    fn named(&mut self, id: TypeId, node: &Node, path: &KeyPath) -> Option<Json> {
        let def = &self.types[id.0];
        match (&def.kind, node) {
            (TypeKind::Enum { variants, .. }, Node::Str(value)) => {
                if variants.iter().any(|v| v.wire == *value) {
                    return Some(Json::String(value.clone()));
                }
                let diagnostic = Diagnostic::at_value(
                    path,
                    format!("`{value}` is not a value of `{}`", def.name),
                )
                .expected(format!(
                    "one of {}",
                    variants
                        .iter()
                        .map(|v| format!("`{}`", v.wire))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .suggest(value, variants.iter().map(|v| v.wire.as_str()));
                self.diagnostics.push(diagnostic);
                None
            }
            (TypeKind::Struct { fields }, Node::Map(map)) => {
                let mut out = Vec::new();
                for (key, value) in &map.entries {
                    let at = path.key(key);
                    let Some(field) = fields.iter().find(|f| f.wire == *key) else {
                        self.diagnostics.push(
                            Diagnostic::at_key(&at, format!("`{}` has no field `{key}`", def.name))
                                .suggest(key, fields.iter().map(|f| f.wire.as_str())),
                        );
                        continue;
                    };
                    if matches!(value, Node::Null) {
                        if !field.nullable {
                            self.diagnostics.push(
                                Diagnostic::at_value(&at, format!("`{key}` is not nullable"))
                                    .help("leave the field out, or mark it `nullable: true`"),
                            );
                        } else if !field.required {
                            // `None` encodes as an absent key, so the round trip would differ.
                            self.diagnostics.push(
                                Diagnostic::at_value(&at, format!("`{key}` is optional, so the SDK encodes a missing value by leaving it out, not as `null`"))
                                    .help(format!("leave `{key}` out of the example, or mark the field `required: true` if the API always sends it")),
                            );
                        }
                        out.push((key.clone(), Json::Null));
                    } else if let Some(json) = self.value(&field.ty, value, &at) {
                        out.push((key.clone(), json));
                    }
                }
                for field in fields
                    .iter()
                    .filter(|f| f.required && map.get(&f.wire).is_none())
                {
                    self.diagnostics.push(
                        Diagnostic::at_value(
                            path,
                            format!(
                                "the example lacks `{}`, a required field of `{}`",
                                field.wire, def.name
                            ),
                        )
                        .help(format!("add `{}`, or make the field optional", field.wire)),
                    );
                }
                Some(Json::Object(out))
            }
            _ => self.mismatch(&Ty::Named(id), node, path),
        }
    }

    /// Any YAML value as JSON (for `object` and `json` fields).
    fn any(&mut self, node: &Node, path: &KeyPath) -> Option<Json> {
        Some(match node {
            Node::Null => Json::Null,
            Node::Bool(b) => Json::Bool(*b),
            Node::Int(n) => Json::Int(*n),
            Node::Float(_) => return self.value(&Ty::Number, node, path),
            Node::Str(s) => Json::String(s.clone()),
            Node::Seq(items) => Json::Array(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| self.any(item, &path.index(i)))
                    .collect(),
            ),
            Node::Map(map) => Json::Object(
                map.entries
                    .iter()
                    .filter_map(|(key, value)| {
                        Some((key.clone(), self.any(value, &path.key(key))?))
                    })
                    .collect(),
            ),
        })
    }
}
