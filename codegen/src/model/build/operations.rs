//! Operations: methods, path templates and their parameters, query, body, status, errors.

use std::collections::{BTreeMap, BTreeSet};

use super::{Builder, docs};
use crate::diagnostic::{Diagnostic, KeyPath};
use crate::model::{Docs, Field, Method, Operation, Pagination, Returns, Ty, TypeId, TypeKind};
use crate::spec::{self, Spanned};

impl Builder {
    /// Whether a parameter of this type can go in a URL.
    pub(super) fn check_param_type(&mut self, param: &Field, path: &KeyPath, allow_enum: bool) {
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

    pub(super) fn params(&mut self, specs: &[spec::FieldSpec], allow_enum: bool) -> Vec<Field> {
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

    pub(super) fn pagination(&mut self, spec: &spec::PaginationSpec) -> Option<Pagination> {
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

    pub(super) fn operation(
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
    pub(super) fn check_path(
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

    pub(super) fn operation_errors(
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
}

/// What every operation is checked against.
pub(super) struct OperationContext<'a> {
    pub codes: &'a BTreeSet<u16>,
    pub kinds: &'a BTreeMap<&'a str, usize>,
    pub pagination: Option<&'a Pagination>,
}
