//! The surface of a plan: one item per feature, method, parameter, type, field, enum value,
//! union variant, parameter newtype and response enum, each with what a user of the crate sees
//! of it (its Rust type in the right view, its version, its feature, its deprecation).

use super::rust_type::unraw;
use super::{Item, Section, Surface};
use crate::plan::{
    Answer, Body, Definition, Feature, FormPlan, Gate, Method, MultipartPlan, OperationPlan, Plan,
    RustType, ShimTarget, StatusAnswer, TypePlan, UNREFERENCED_FEATURE,
};

/// The surface of the crate `crate_name` printed from `plan` (examples are added by emission,
/// which picks them).
pub fn surface_of(plan: &Plan<'_>, crate_name: &str, crate_version: &str) -> Surface {
    let mut surface = Surface::new(crate_name, crate_version);
    features(plan, &mut surface);
    for operation_plan in &plan.operations {
        for method in &operation_plan.methods {
            add_method(plan, operation_plan, method, &mut surface);
        }
    }
    for type_plan in &plan.types {
        for definition in &type_plan.definitions {
            add_type(plan, type_plan, definition, &mut surface);
        }
    }
    for marker in &plan.version_markers {
        let item = Item::default()
            .with("version-marker", &marker.accept)
            .with("features", "always");
        surface.insert(Section::Types, &format!("versions::{}", marker.name), item);
    }
    for param in &plan.param_types {
        let item = Item::valued("String")
            .with("param", &param.api_name)
            .with("pattern", &param.pattern)
            .with("features", gate_text(plan, &param.gate));
        surface.insert(Section::ParamTypes, &param.rust_name, item);
    }
    for shim in &plan.shims {
        let (name, target) = match &shim.target {
            ShimTarget::Method(new) => (format!("Client::{}", shim.old), format!("Client::{new}")),
            ShimTarget::Builder(new) | ShimTarget::Type(new) | ShimTarget::ResponseEnum(new) => {
                (shim.old.clone(), new.clone())
            }
        };
        let item = Item::default()
            .with("renamed-to", target)
            .with("since", &shim.since);
        surface.insert(Section::Shims, &name, item);
    }
    surface
}

fn features(plan: &Plan<'_>, surface: &mut Surface) {
    for Feature { tag, name, .. } in &plan.features {
        surface.insert(Section::Features, name, Item::default().with("tag", tag));
    }
    let enables = |text: &str| Item::default().with("enables", text);
    surface.insert(Section::Features, "default", enables("full"));
    surface.insert(Section::Features, "full", enables("every tag"));
    surface.insert(
        Section::Features,
        "mock",
        Item::default().with("adds", "mock module"),
    );
    surface.insert(
        Section::Features,
        "cli",
        Item::default().with("adds", "command line (binary)"),
    );
    surface.insert(
        Section::Features,
        UNREFERENCED_FEATURE,
        enables("schemas no operation uses"),
    );
}

/// A method, its parameters (one item each) and its response enum.
fn add_method(
    plan: &Plan<'_>,
    operation_plan: &OperationPlan<'_>,
    method: &Method<'_>,
    surface: &mut Surface,
) {
    let endpoint = &operation_plan.endpoint;
    let name = format!("Client::{}", unraw(&method.rust_name));
    let http = format!("{} {}", endpoint.http_method.as_str(), endpoint.template);
    let mut item = Item::default()
        .with("http", http)
        .with("operation", &operation_plan.operation_id)
        .with("builder", unraw(&method.builder));
    if let Some(marker) = &method.marker {
        item = item.with("marker", format!("versions::{marker}"));
    }
    item = match &method.version {
        Some(version) => item.with("version", version.to_string()),
        None => item.flag("unversioned", true),
    };
    item = item
        .with("feature", &plan.feature(operation_plan.feature).name)
        .with("returns", returns(&method.answer));
    if let Some((body, ty)) = (method.body.as_ref()).and_then(|b| Some((b, b.ty.as_ref()?))) {
        let key = if body.required {
            "body"
        } else {
            "optional-body"
        };
        item = item.with(key, ty.to_string());
    }
    let sunset = method.sunset.or(endpoint.sunset());
    item = item
        .flag("stream", method.pagination.is_some())
        .flag("deprecated", endpoint.is_deprecated());
    if let Some(date) = sunset {
        item = item.with("sunset", date.to_string());
    }
    if let Some(date) = method.withdrawn {
        item = item.with("withdrawn", date.to_string());
    }
    surface.insert(Section::Methods, &name, item);
    if let Some(FormPlan::Multipart(form)) = &method.form {
        let feature = &plan.feature(operation_plan.feature).name;
        add_form(&name, form, feature, surface);
    }
    add_parameters(operation_plan, &name, surface);
    if let Answer::ByStatus {
        enum_name,
        statuses,
    } = &method.answer
    {
        add_response_enum(&name, enum_name, statuses, surface);
    }
}

/// One item per parameter of a method. Required ones are arguments, whose position matters (two
/// `String`s swapped still compile); optional ones are setters.
fn add_parameters(operation_plan: &OperationPlan<'_>, method_name: &str, surface: &mut Surface) {
    for (position, &index) in operation_plan.argument_order.iter().enumerate() {
        let parameter = &operation_plan.parameters[index];
        let ty = parameter.stored.to_string();
        let item = match parameter.required {
            true => Item::valued(ty).with("argument", (position + 1).to_string()),
            false => Item::valued(ty).flag("setter", true),
        };
        let item = item
            .with("in", parameter.location.as_str())
            .flag("deprecated", parameter.deprecated);
        let name = format!("{method_name}({})", unraw(&parameter.rust_name));
        surface.insert(Section::Methods, &name, item);
    }
}

/// The enum of an answer whose body differs by status, and one item per variant.
fn add_response_enum(
    method_name: &str,
    enum_name: &str,
    statuses: &[StatusAnswer],
    surface: &mut Surface,
) {
    surface.insert(
        Section::ResponseEnums,
        enum_name,
        Item::default().with("method", method_name),
    );
    for status in statuses {
        let item = match &status.body {
            Some(body) => Item::valued(body.to_string()),
            None => Item::default().flag("no-body", true),
        };
        let variant = format!("{enum_name}::{}", unraw(&status.variant));
        surface.insert(
            Section::ResponseEnums,
            &variant,
            item.with("status", status.status.to_string()),
        );
    }
}

/// What a method's `send` returns inside `ApiResponse`.
fn returns(answer: &Answer) -> String {
    match answer {
        Answer::Empty => "()".to_owned(),
        Answer::Bytes => "Bytes".to_owned(),
        Answer::Text => RustType::String.to_string(),
        Answer::Json(ty) => ty.to_string(),
        Answer::ByStatus { enum_name, .. } => enum_name.clone(),
    }
}

/// A multipart form type and its parts (`.file`: `FilePart` required), so that a regeneration
/// reports what changes in them as it does for the spec's types.
fn add_form(method_name: &str, form: &MultipartPlan, feature: &str, surface: &mut Surface) {
    let item = Item::default()
        .with("form", "multipart")
        .with("of", method_name)
        .with("features", feature);
    surface.insert(Section::Types, &form.type_name, item);
    for part in &form.parts {
        let one = match &part.value_type {
            None => RustType::File.to_string(),
            Some(ty) => ty.to_string(),
        };
        let rust_type = if part.repeated {
            format!("Vec<{one}>")
        } else {
            one
        };
        let member = Item::valued(rust_type)
            .with("part", &part.api_name)
            .flag("required", part.required);
        let name = format!("{}.{}", form.type_name, unraw(&part.rust_name));
        surface.insert(Section::Types, &name, member);
    }
}

/// The features that compile an item, as `API.md` shows them.
fn gate_text(plan: &Plan<'_>, gate: &Gate) -> String {
    match gate {
        Gate::Always => "always".to_owned(),
        Gate::Unreferenced => UNREFERENCED_FEATURE.to_owned(),
        Gate::AnyOf(ids) => ids
            .iter()
            .map(|id| plan.feature(*id).name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// One definition of a type (its main shape, or its request shape) and its members.
fn add_type(plan: &Plan<'_>, type_plan: &TypePlan, definition: &Definition, surface: &mut Surface) {
    let (mut item, members) = kind_and_members(&definition.body);
    if let Some(fallback) = &type_plan.fallback_variant {
        item = item.with("fallback", unraw(fallback));
    }
    let name = match definition.docs.request_shape {
        true => {
            item = item.with("request-shape-of", &type_plan.rust_name);
            type_plan.request_name()
        }
        false => &type_plan.rust_name,
    };
    item = item
        .with("features", gate_text(plan, &type_plan.gate))
        .flag("deprecated", definition.docs.deprecated);
    surface.insert(Section::Types, name, item);
    for (member, item) in members {
        surface.insert(Section::Types, &format!("{name}{member}"), item);
    }
}

/// A type's kind (its item's first attribute) and its members: `.field`s of a struct,
/// `::Value`s of an enum, `::Variant`s of a union.
fn kind_and_members(body: &Body) -> (Item, Vec<(String, Item)>) {
    let item = Item::default();
    let mut members = Vec::new();
    let item = match body {
        Body::Struct(shape) => {
            for field in &shape.fields {
                // `required`: `new` takes it, so a caller's `new(..)` names it.
                let member = Item::valued(field.ty.clone().present(field.presence).to_string())
                    .flag("required", field.in_new)
                    .flag("deprecated", field.deprecated);
                members.push((format!(".{}", unraw(&field.rust_name)), member));
            }
            if let Some(values) = &shape.additional {
                let map = RustType::Map(Box::new(values.clone())).to_string();
                members.push((".additional_properties".to_owned(), Item::valued(map)));
            }
            if let Some(keep) = &shape.keep {
                let member = Item::valued("Unknown".to_owned());
                members.push((format!(".{}", keep.member), member));
            }
            item.flag("struct", true)
        }
        Body::Enum { values, .. } => {
            for (rust_name, value) in values {
                let member = Item::default().with("value", value);
                members.push((format!("::{}", unraw(rust_name)), member));
            }
            item.flag("enum", true)
        }
        Body::Alias(target) => item.with("alias", target.to_string()),
        Body::Map(map) => item.with("map", map.to_string()),
        Body::Union(union) => {
            for variant in &union.variants {
                let mut member = Item::valued(variant.ty.to_string());
                if !variant.tags.is_empty() {
                    member = member.with("tags", variant.tags.join(", "));
                }
                members.push((format!("::{}", unraw(&variant.rust_name)), member));
            }
            match &union.tag {
                Some(tag) => item.flag("union", true).with("tag", &tag.property),
                None => item.flag("untagged-union", true),
            }
        }
    };
    (item, members)
}
