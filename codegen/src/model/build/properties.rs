//! What follows from the whole model: input and output roles, `Eq`, `Default`, and the
//! boxes that break recursion.

use std::collections::BTreeSet;

use super::{Builder, named};
use crate::model::{Field, Resource, Returns, Ty, TypeId, TypeKind};

impl Builder {
    /// Input and output roles, `Eq`, `Default` and the boxes that break recursion.
    pub(super) fn derive_properties(&mut self, resources: &[Resource], error_body: Option<TypeId>) {
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

    pub(super) fn ty_is_eq(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Number => false,
            Ty::Named(id) => self.types[id.0].eq,
            Ty::Array(inner) => self.ty_is_eq(inner),
            _ => true,
        }
    }

    /// Every type reachable from `roots` through fields.
    pub(super) fn reachable(&self, roots: Vec<TypeId>) -> BTreeSet<TypeId> {
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
    pub(super) fn reaches_by_value(&self, from: TypeId, to: TypeId) -> bool {
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
}
