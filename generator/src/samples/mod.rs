//! Round-trip samples: for every type a request or response body uses, JSON instances with every
//! property present, for a test to decode into the generated type, encode back and compare.
//!
//! Names and views come from [`Plan`], the same decisions the emitter reads: a type received
//! in responses is sampled as `rust_name` without its `writeOnly` fields, a type sent in requests
//! as its request view (`request::<Type>` when the shapes differ) without its `readOnly` fields.
//! A union gets one instance per alternative, with the discriminator set to that alternative's
//! tag; a union nested inside another type uses its first alternative.
//!
//! Objects also get every property the spec declares that the model does not hold (see
//! `declared.rs`): the samples must show what the lowering loses, not repeat it.

mod declared;
mod values;

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::ir::{Api, Constraints, Discriminator, Field, TypeDef, TypeKind, TypeRef, Variant};
use crate::load::Spec;
use crate::plan::{Plan, View};
use declared::Declared;

/// How deep instances nest before optional properties are left out: deep enough for every
/// Atlas schema, and a bound on instance size whatever the spec.
const MAX_DEPTH: usize = 24;

/// The instances of one type in one view.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The generated type, as `types::<rust_name>`.
    pub rust_name: String,
    /// The schema's name in the spec.
    pub schema: String,
    /// The side of the wire the instances are for.
    pub view: View,
    /// One instance, or one per alternative of a union; empty when none could be built (a
    /// required property that leads back to its own type).
    pub instances: Vec<Instance>,
}

/// One JSON instance of a type.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    /// What the instance exercises: `all properties`, or `alternative <Variant>`.
    pub case: String,
    /// The JSON.
    pub json: Value,
}

/// The samples of every type a request or response body uses, in type name order. Pure; `api`
/// is what `spec` lowers to.
pub fn samples(spec: &Spec, api: &Api) -> Vec<Sample> {
    let model = crate::plan::plan(api);
    let declared = Declared::new(spec, api);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for def in &api.types {
        for view in [View::Response, View::Request] {
            let used = match view {
                View::Response => model
                    .type_plan_named(&def.rust_name)
                    .is_some_and(|t| t.received),
                View::Request => model
                    .type_plan_named(&def.rust_name)
                    .is_some_and(|t| t.sent),
            };
            let rust_name = model.name_in(&def.rust_name, view);
            // A type on both sides with one shape is emitted, and sampled, once.
            if !used || !seen.insert(rust_name.clone()) {
                continue;
            }
            let mut synth = Synth {
                model: &model,
                declared: &declared,
                view,
                stack: Vec::new(),
            };
            out.push(Sample {
                rust_name,
                schema: def.name.clone(),
                view,
                instances: synth.instances(def),
            });
        }
    }
    out
}

/// Builds instances for one view; `stack` holds the types being built, to stop recursion.
struct Synth<'m, 'a> {
    model: &'m Plan<'a>,
    declared: &'m Declared,
    view: View,
    stack: Vec<String>,
}

impl Synth<'_, '_> {
    fn instances(&mut self, def: &TypeDef) -> Vec<Instance> {
        if let TypeKind::OneOf {
            variants,
            discriminator,
        } = &def.kind
        {
            self.stack.push(def.rust_name.clone());
            let instances = variants
                .iter()
                .filter_map(|variant| {
                    let json = self.variant(variant, discriminator.as_ref())?;
                    Some(Instance {
                        case: format!("alternative {}", variant.rust_name),
                        json,
                    })
                })
                .collect();
            self.stack.pop();
            return instances;
        }
        if let TypeKind::Struct {
            fields,
            additional_properties,
            ..
        } = &def.kind
        {
            let alternatives = self.declared.alternatives(&def.pointer);
            let count = alternatives.len().max(1);
            self.stack.push(def.rust_name.clone());
            let instances = (0..count)
                .filter_map(|choice| {
                    let json = self.object(def, fields, additional_properties.as_ref(), choice)?;
                    let case = match alternatives.get(choice) {
                        Some(name) => format!("alternative {name} (beside the properties)"),
                        None => "all properties".to_owned(),
                    };
                    Some(Instance { case, json })
                })
                .collect();
            self.stack.pop();
            return instances;
        }
        self.definition(def, &Constraints::default())
            .map(|json| Instance {
                case: "all properties".to_owned(),
                json,
            })
            .into_iter()
            .collect()
    }

    /// An instance of a named type; `uses` are the constraints where it is used (an enum
    /// property's example). `None` when the type is already being built or too deep.
    fn definition(&mut self, def: &TypeDef, uses: &Constraints) -> Option<Value> {
        if self.stack.contains(&def.rust_name) || self.stack.len() >= MAX_DEPTH {
            return None;
        }
        self.stack.push(def.rust_name.clone());
        let value = self.kind(def, uses);
        self.stack.pop();
        value
    }

    fn kind(&mut self, def: &TypeDef, uses: &Constraints) -> Option<Value> {
        match &def.kind {
            TypeKind::Struct {
                fields,
                additional_properties,
                ..
            } => self.object(def, fields, additional_properties.as_ref(), 0),
            TypeKind::Enum { values } => {
                let example = uses.example.as_ref().and_then(Value::as_str);
                let known = example.filter(|e| values.iter().any(|v| v.value == *e));
                let value = known.or(values.first().map(|v| v.value.as_str()))?;
                Some(Value::String(value.to_owned()))
            }
            TypeKind::Alias {
                target,
                constraints,
            } => {
                let merged = if uses.example.is_some() || uses.pattern.is_some() {
                    uses
                } else {
                    constraints
                };
                self.value(target, merged)
            }
            TypeKind::Map { values } => Some(self.map(values)),
            TypeKind::OneOf {
                variants,
                discriminator,
            } => {
                // Nested: the first alternative the union can dispatch to (a tagged one, when
                // there is a discriminator) stands for all.
                let mut usable = variants
                    .iter()
                    .filter(|v| discriminator.is_none() || !v.tags.is_empty());
                usable.find_map(|v| self.variant(v, discriminator.as_ref()))
            }
        }
    }

    /// A struct's instance: the model's fields of this view, the properties the spec declares
    /// beyond them (with alternative `choice` of a union beside them), one additional property.
    fn object(
        &mut self,
        def: &TypeDef,
        fields: &[Field],
        additional: Option<&TypeRef>,
        choice: usize,
    ) -> Option<Value> {
        let declared = self.declared;
        let properties = declared.properties(&def.pointer, choice);
        // A union beside properties is one struct of every alternative's fields (issue 9): each
        // instance holds the schema's own properties and one alternative's, with the values that
        // alternative allows (its own `instanceSize` values, say), as Atlas would send them.
        let one_alternative = !declared.alternatives(&def.pointer).is_empty();
        let mut object = Map::new();
        // What the spec says each side sends: the generated answers type `writeOnly` fields too
        // (servers send some back), but a sample is the spec's own promise.
        let view = self.view;
        let in_view = fields.iter().filter(|f| match view {
            View::Request => !f.read_only,
            View::Response => !f.write_only,
        });
        for field in in_view {
            let declared_here = properties.iter().find(|p| p.name == field.name);
            if one_alternative && declared_here.is_none() {
                continue;
            }
            let value = match declared_here.filter(|_| one_alternative) {
                Some(property) => self.raw_value(property.schema),
                None => None,
            };
            match value.or_else(|| self.value(&field.ty, &field.constraints)) {
                Some(value) => {
                    object.insert(field.name.clone(), value);
                }
                None if field.required => return None,
                None => {}
            }
        }
        for property in properties {
            let held = fields.iter().any(|f| f.name == property.name);
            if held || !self.in_view(property.read_only, property.write_only) {
                continue;
            }
            if let Some(value) = self.raw_value(property.schema) {
                object.insert(property.name.to_owned(), value);
            }
        }
        if let Some(values) = additional {
            if let Some(value) = self.value(values, &Constraints::default()) {
                let mut key = "additionalProperty".to_owned();
                while object.contains_key(&key) {
                    key.push('_');
                }
                object.insert(key, value);
            }
        }
        Some(Value::Object(object))
    }

    fn in_view(&self, read_only: bool, write_only: bool) -> bool {
        match self.view {
            View::Request => !read_only,
            View::Response => !write_only,
        }
    }

    /// A value for a schema the model does not hold, read from the spec: a reference to a
    /// named type is built as that type; anything else from its keywords.
    fn raw_value(&mut self, schema: &Value) -> Option<Value> {
        let declared = self.declared;
        if let Some(name) = declared.type_of_ref(schema) {
            let def = self.model.type_def(name)?;
            return self.definition(def, &Constraints::default());
        }
        let schema = declared.resolve(schema);
        let parts = schema.get("allOf").and_then(Value::as_array);
        if let (Some([only]), None) = (parts.map(Vec::as_slice), schema.get("properties")) {
            return self.raw_value(only);
        }
        if let Some(first) = schema
            .get("enum")
            .and_then(|e| e.as_array()?.first().cloned())
        {
            return Some(first);
        }
        if let Ok(parsed) = serde_json::from_value::<openapiv3::Schema>(schema.clone()) {
            if let Some((ty, constraints)) = crate::lower::primitive_type(&parsed) {
                return values::primitive(&ty, &constraints);
            }
        }
        if self.stack.len() >= MAX_DEPTH {
            return None;
        }
        // Inline objects and arrays count towards the depth bound like named types.
        self.stack.push("#inline".to_owned());
        let value = if schema.get("type").and_then(Value::as_str) == Some("array") {
            let item = schema.get("items").and_then(|items| self.raw_value(items));
            Some(Value::Array(item.into_iter().collect()))
        } else {
            let mut object = Map::new();
            for property in declared.inline_properties(schema) {
                if !self.in_view(property.read_only, property.write_only) {
                    continue;
                }
                if let Some(value) = self.raw_value(property.schema) {
                    object.insert(property.name.to_owned(), value);
                }
            }
            Some(Value::Object(object))
        };
        self.stack.pop();
        value
    }

    fn variant(
        &mut self,
        variant: &Variant,
        discriminator: Option<&Discriminator>,
    ) -> Option<Value> {
        let mut value = self.value(&variant.ty, &Constraints::default())?;
        let Some(discriminator) = discriminator else {
            return Some(value);
        };
        // A tag the spec marks `readOnly` (Atlas's `EARPrivateEndpoint.cloudProvider`) is not
        // sent in requests, like any other `readOnly` property.
        let hidden = self.hidden_in_view(&variant.ty, &discriminator.property);
        if let (Some(tag), Some(object), false) =
            (variant.tags.first(), value.as_object_mut(), hidden)
        {
            object.insert(discriminator.property.clone(), Value::String(tag.clone()));
        }
        Some(value)
    }

    /// Whether `ty` is a struct with a property `name` that this view leaves out.
    fn hidden_in_view(&self, ty: &TypeRef, name: &str) -> bool {
        let TypeRef::Named { name: type_name } = ty else {
            return false;
        };
        let Some(TypeKind::Struct { fields, .. }) = self.model.type_def(type_name).map(|d| &d.kind)
        else {
            return false;
        };
        let field = fields.iter().find(|f| f.name == name);
        field.is_some_and(|f| !self.in_view(f.read_only, f.write_only))
    }

    fn value(&mut self, ty: &TypeRef, constraints: &Constraints) -> Option<Value> {
        match ty {
            TypeRef::Named { name } => {
                let def = self.model.type_def(name)?;
                self.definition(def, constraints)
            }
            TypeRef::Array { items } => {
                if let Some(example) = values::example_for(ty, constraints) {
                    return Some(example);
                }
                let count = constraints.min_items.unwrap_or(1).max(1);
                let count = constraints.max_items.map_or(count, |max| count.min(max));
                let item = self.value(items, &Constraints::default());
                // An element that cannot be built (recursion) leaves the array empty.
                let elements = item.map_or_else(Vec::new, |item| vec![item; count as usize]);
                Some(Value::Array(elements))
            }
            TypeRef::Map { values } => Some(self.map(values)),
            _ => values::primitive(ty, constraints),
        }
    }

    fn map(&mut self, values: &TypeRef) -> Value {
        let mut object = Map::new();
        if let Some(value) = self.value(values, &Constraints::default()) {
            object.insert("key".to_owned(), value);
        }
        Value::Object(object)
    }
}

#[cfg(test)]
mod tests;
