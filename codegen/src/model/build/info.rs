//! The API's own facts: crate name, version, base URL, headers, status codes, error kinds.

use std::collections::{BTreeMap, BTreeSet};

use super::{Builder, docs, fallback_variant};
use crate::diagnostic::Diagnostic;
use crate::model::names::const_name;
use crate::model::{ErrorKind, ErrorKinds, Retry, StatusCode};
use crate::spec::{self, Spanned};

impl Builder {
    pub(super) fn check_info(&mut self, info: &spec::ApiInfo) {
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

    pub(super) fn check_header_name(&mut self, name: &Spanned<String>) {
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

    pub(super) fn status_codes(&mut self, specs: &[spec::StatusCodeSpec]) -> Vec<StatusCode> {
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

    pub(super) fn bad_status(&mut self, code: &Spanned<i64>) {
        self.report(
            Diagnostic::at_key(
                &code.path,
                format!("{} is not an HTTP status code", code.value),
            )
            .expected("a number from 100 to 599"),
        );
    }

    /// A status that `status_codes` declares.
    pub(super) fn declared_status(
        &mut self,
        status: &Spanned<i64>,
        codes: &BTreeSet<u16>,
    ) -> Option<u16> {
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

    pub(super) fn error_kinds(
        &mut self,
        specs: &[spec::ErrorKindSpec],
        codes: &BTreeSet<u16>,
    ) -> ErrorKinds {
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
}
