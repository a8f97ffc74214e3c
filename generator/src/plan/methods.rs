//! The methods of an operation: one per API version and response format. Atlas versions each
//! operation through its media types; the client gives every version its own method and request
//! type (so each returns its own response type), and the plain method name goes to the newest
//! dated version that has no sunset date. The preview version is never the default: a caller has
//! to ask for it by name. A version that also answers in CSV or gzip gets one more method per
//! format, returning bytes.
//!
//! A regeneration keeps the plain name on the version it called before, as long as the spec
//! still has that version (`PlanOptions::pinned_versions`, read from the replaced crate's
//! `API.md`): a new version Atlas adds (a compatible change, the old one is still served) is then
//! a new `_vYYYY_MM_DD` method, not a plain method that suddenly calls another version and
//! returns another type. Generated afresh, without a previous `API.md`, the plain name goes to
//! the newest version as above.
//!
//! Every operation keeps its own name; the extra versions and formats take `<name>_<suffix>`, or,
//! when another operation already has that name (Atlas has both `getOrgInvoice` and
//! `getOrgInvoiceCsv`), the first free numbered variant of it.

use serde::Serialize;

use super::answer::{answer, body_shape, Answer, BodyShape};
use super::bodies::{form_plan, FormPlan};
use super::features::feature_of;
use super::pagination::{pagination, Pagination};
use super::watch::warning_of;
use super::{OperationPlan, Plan, TypeId};
use crate::diagnostics::{Diagnostic, JsonPointer, Loss};
use crate::ir::{
    ApiVersion, Content, Date, MediaType, Operation, PathSegment, StatusSpec, TypeRef,
};
use crate::names::{self, NameScope};

/// One way to call an operation: a version, and a response format within it.
#[derive(Debug, Clone, Serialize)]
pub struct Method<'a> {
    /// The method's name on `Client`.
    pub rust_name: String,
    /// The name of its request builder.
    pub builder: String,
    /// The version, or `None` for an unversioned (`application/json`) operation.
    pub version: Option<ApiVersion>,
    /// Suffix of the method and type names: `None` for the default.
    pub suffix: Option<String>,
    /// The `Accept` header.
    pub accept: String,
    /// The request body in this version.
    #[serde(serialize_with = "request_media_type")]
    pub(in crate::plan) request: Option<&'a Content>,
    /// How a form body is sent; `None` for a JSON body, or none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormPlan>,
    /// What a success looks like, in the model's types ([`Method::answer`] is what printers read).
    pub(in crate::plan) response: ResponseShape<'a>,
    /// What `send` returns, as the printers write it.
    #[serde(skip)]
    pub answer: Answer,
    /// The request body as the printers write it, when the method sends one.
    #[serde(skip)]
    pub body: Option<BodyShape>,
    /// When this version stops being served.
    pub sunset: Option<Date>,
    /// The sunset date (this version's or the operation's) when it is on or before the plan's
    /// date: Atlas no longer serves the version, and calls fail.
    pub withdrawn: Option<Date>,
    /// How `into_stream` walks the pages, for list operations.
    pub pagination: Option<Pagination<'a>>,
    /// The status of a plain success in this version (a mock's default answer): the first the
    /// spec lists for it, else 200.
    pub success_status: u16,
    /// The marker type of its `Accept` value, when the operation's methods share a builder
    /// ([`super::SharedBuilder`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// The request body's media type stands for it in the plan's snapshot; the schema is the model's.
fn request_media_type<S: serde::Serializer>(
    request: &Option<&Content>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(request.iter().map(|c| c.media_type.raw.as_str()))
}

/// The decoded form of a successful response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseShape<'a> {
    /// No body worth decoding: `()`.
    Empty,
    /// One JSON type whatever the success status.
    Json(&'a TypeRef),
    /// Raw bytes (CSV, gzip, anything not JSON).
    Bytes,
    /// Statuses with different bodies: an enum with one variant per status.
    ByStatus {
        /// The enum's name.
        enum_name: String,
        /// Each success status, its variant and its body's type.
        statuses: Vec<StatusVariant<'a>>,
    },
}

/// A success status of an answer that differs by status, and the enum variant holding it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusVariant<'a> {
    /// The status.
    pub status: u16,
    /// The variant's name.
    pub variant: String,
    /// The body's type; `None` for a status without a body.
    pub body: Option<&'a TypeRef>,
}

/// The plan of every operation, in the model's order, and what they cannot send as the spec says.
pub fn plan_operations<'a>(plan: &Plan<'a>) -> (Vec<OperationPlan<'a>>, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let mut methods = NameScope::new("client methods");
    let mut builders = NameScope::new("request builders");
    for reserved in names::CLIENT_METHODS.iter().chain(names::MOCK_METHODS) {
        methods.claim_distinct(reserved, (*reserved).to_owned());
    }
    // Every operation's own name first, so a numbered variant never takes one.
    let plain: Vec<(String, String)> = plan
        .api
        .operations
        .iter()
        .map(|operation| {
            let id = &operation.operation_id;
            (
                methods.claim_distinct(id, operation.rust_name.clone()),
                builders.claim_distinct(id, operation.type_prefix.clone()),
            )
        })
        .collect();
    let api: &'a crate::ir::Api = plan.api;
    let operations = api
        .operations
        .iter()
        .zip(plain)
        .map(|(operation, (method, builder))| {
            let call = format!("{} {}", operation.method.as_str(), operation.path.template);
            let mut calls = exchanges(operation, plan.pinned_versions.get(&call));
            for call in &mut calls {
                let (rust_name, builder_name) = match &call.suffix {
                    None => (method.clone(), builder.clone()),
                    Some(suffix) => {
                        let id = &operation.operation_id;
                        let method = names::suffixed_method_name(&operation.rust_name, suffix);
                        let builder = names::suffixed_type_name(&operation.type_prefix, suffix);
                        (
                            methods.claim_distinct(id, method),
                            builders.claim_distinct(id, builder),
                        )
                    }
                };
                call.rust_name = rust_name;
                call.builder = builder_name;
                if let ResponseShape::ByStatus { enum_name, .. } = &mut call.response {
                    *enum_name = names::response_enum_name(&call.builder);
                }
                call.pagination = pagination(plan, operation, &call.response);
                if let Some(content) = call.request {
                    let form_name = || {
                        let name = names::suffixed_type_name(&call.builder, "Form");
                        builders.claim_distinct(&operation.operation_id, name)
                    };
                    match form_plan(plan, operation, content, form_name, &mut warnings) {
                        Ok(form) => call.form = form,
                        Err(why) => {
                            let what = format!(
                                "`{}` is generated without a request body: {why}",
                                operation.operation_id
                            );
                            let at = JsonPointer::from_fragment(&operation.pointer)
                                .unwrap_or_else(JsonPointer::root)
                                .push("requestBody");
                            warnings.push(warning_of(Loss::MediaType, &at, what));
                            call.request = None;
                        }
                    }
                }
                call.answer = answer(plan, &call.response);
                call.body = call.request.map(|content| {
                    let module = &plan.feature(feature_of(plan, operation)).module;
                    let required = operation.request_body.as_ref().is_some_and(|b| b.required);
                    body_shape(plan, content, call.form.as_ref(), (module, required))
                });
            }
            operation_plan(plan, operation, calls)
        })
        .collect();
    (operations, warnings)
}

fn operation_plan<'a>(
    plan: &Plan<'a>,
    operation: &'a Operation,
    methods: Vec<Method<'a>>,
) -> OperationPlan<'a> {
    let parameters = &operation.parameters;
    let path_position = |index: usize| {
        operation
            .path
            .segments
            .iter()
            .position(|s| matches!(s, PathSegment::Parameter { index: at, .. } if *at == index))
            .unwrap_or(usize::MAX)
    };
    // Path parameters come first, in the order the path has them, so arguments read like the URL.
    let mut required: Vec<usize> = (0..parameters.len())
        .filter(|&i| parameters[i].required)
        .collect();
    required.sort_by_key(|&i| path_position(i));
    let optional = (0..parameters.len()).filter(|&i| !parameters[i].required);
    let body_taken = parameters.iter().any(|p| p.rust_name == "body");
    let mut mock_setters = NameScope::new("mock stub setters");
    for reserved in names::STUB_METHODS {
        mock_setters.claim_distinct(reserved, (*reserved).to_owned());
    }
    OperationPlan {
        operation_id: operation.operation_id.clone(),
        feature: feature_of(plan, operation),
        endpoint: super::calls::endpoint(operation),
        parameters: (parameters.iter().enumerate())
            .map(|(index, p)| {
                let mock_setter = mock_setters.claim_distinct(&p.name, p.rust_name.clone());
                super::calls::parameter_plan(plan, operation, index, mock_setter)
            })
            .collect(),
        argument_order: required.into_iter().chain(optional).collect(),
        body_argument: if body_taken { "request_body" } else { "body" }.to_owned(),
        error_documents: own_error_bodies(plan, operation),
        cli: super::cli::command(plan, operation, &methods),
        methods,
        watch: None,
        terminal: None,
        download: None,
        successor: None,
        shared_builder: None,
    }
}

/// (status, schema) for each error status whose body is not the shared error schema.
fn own_error_bodies(plan: &Plan<'_>, operation: &Operation) -> Vec<(u16, TypeId)> {
    let mut bodies = Vec::new();
    for response in &operation.errors {
        let StatusSpec::Code(status) = response.status else {
            continue;
        };
        let schema = response.contents.iter().find_map(|c| match &c.schema {
            Some(TypeRef::Named { name }) if c.media_type.is_json() => plan.type_id(name),
            _ => None,
        });
        if let Some(id) = schema.filter(|id| plan.error_type != Some(*id)) {
            bodies.push((status, id));
        }
    }
    bodies
}

/// The ways to call an operation, the default first; names are given by the caller.
fn exchanges<'a>(operation: &'a Operation, pinned: Option<&Option<String>>) -> Vec<Method<'a>> {
    let mut exchanges = Vec::new();
    for version in versions(operation) {
        let request = operation
            .request_body
            .iter()
            .flat_map(|b| &b.contents)
            .find(|c| c.media_type.version() == version);
        let contents: Vec<(u16, &Content)> = success_statuses(operation)
            .into_iter()
            .flat_map(|(status, contents)| contents.iter().map(move |c| (status, c)))
            .filter(|(_, c)| c.media_type.version() == version)
            .collect();
        let sunset = contents
            .iter()
            .find_map(|(_, c)| c.sunset)
            .or(request.and_then(|c| c.sunset));
        let json: Vec<&MediaType> = contents
            .iter()
            .map(|(_, c)| &c.media_type)
            .filter(|m| m.is_json())
            .collect();
        let accept = json
            .first()
            .map(|m| m.raw.clone())
            .or_else(|| contents.first().map(|(_, c)| c.media_type.raw.clone()))
            // A JSON body's type, which for Atlas names the version; never a form's.
            .or_else(|| {
                request
                    .filter(|c| !c.media_type.is_form())
                    .map(|c| c.media_type.raw.clone())
            })
            .unwrap_or_else(|| "application/json".to_owned());
        let success_status = contents.first().map_or(200, |(status, _)| *status);
        let call = |suffix, accept, response| Method {
            rust_name: String::new(),
            builder: String::new(),
            version,
            suffix,
            accept,
            request,
            form: None,
            response,
            answer: Answer::Empty,
            body: None,
            sunset,
            withdrawn: None,
            pagination: None,
            success_status,
            marker: None,
        };
        let shape = json_shape(operation, version, contents.is_empty() || !json.is_empty());
        exchanges.push(call(None, accept.clone(), shape));
        // Other formats of the same version, when JSON is there too: one more call each.
        let mut extra_formats: Vec<&MediaType> = contents
            .iter()
            .map(|(_, c)| &c.media_type)
            .filter(|m| !m.is_json() && m.raw != accept)
            .collect();
        extra_formats.dedup_by(|a, b| a.raw == b.raw);
        for media in extra_formats {
            let suffix = Some(format_suffix(&media.raw));
            exchanges.push(call(suffix, media.raw.clone(), ResponseShape::Bytes));
        }
    }
    name_versions(&mut exchanges, pinned);
    exchanges
}

/// Versions in first-seen order across responses and request bodies.
fn versions(operation: &Operation) -> Vec<Option<ApiVersion>> {
    let mut versions: Vec<Option<ApiVersion>> = Vec::new();
    let responses = operation.success.iter().flat_map(|r| &r.contents);
    let requests = operation.request_body.iter().flat_map(|b| &b.contents);
    for version in responses.chain(requests).map(|c| c.media_type.version()) {
        if !versions.contains(&version) {
            versions.push(version);
        }
    }
    if versions.is_empty() {
        versions.push(None);
    }
    versions
}

/// Final success statuses (informational 1XX ones never reach a client) with their contents.
fn success_statuses(operation: &Operation) -> Vec<(u16, &[Content])> {
    operation
        .success
        .iter()
        .filter_map(|r| match r.status {
            StatusSpec::Code(code) if code >= 200 => Some((code, r.contents.as_slice())),
            StatusSpec::Range(class) if class >= 2 => Some((class * 100, r.contents.as_slice())),
            _ => None,
        })
        .collect()
}

/// The shape of the JSON (or empty) answer of a version: one type when every status agrees.
fn json_shape(operation: &Operation, version: Option<ApiVersion>, json: bool) -> ResponseShape<'_> {
    if !json {
        return ResponseShape::Bytes;
    }
    let per_status: Vec<(u16, Option<&TypeRef>)> = success_statuses(operation)
        .into_iter()
        .map(|(status, contents)| {
            let schema = contents
                .iter()
                .find(|c| c.media_type.version() == version && c.media_type.is_json())
                .and_then(|c| c.schema.as_ref());
            (status, schema)
        })
        .collect();
    let mut distinct: Vec<Option<&TypeRef>> = per_status.iter().map(|(_, s)| *s).collect();
    distinct.dedup();
    match distinct.as_slice() {
        [] | [None] => ResponseShape::Empty,
        [Some(ty)] => ResponseShape::Json(ty),
        _ => ResponseShape::ByStatus {
            enum_name: String::new(),
            statuses: per_status
                .into_iter()
                .map(|(status, body)| StatusVariant {
                    status,
                    variant: names::status_variant_name(status),
                    body,
                })
                .collect(),
        },
    }
}

fn format_suffix(media_type: &str) -> String {
    let essence = media_type.split(';').next().unwrap_or_default();
    match essence.rsplit_once('+') {
        Some((_, format)) => format.to_owned(),
        None => names::module_name(essence.rsplit('/').next().unwrap_or("bytes")),
    }
}

/// Gives every exchange but the default's main format a suffix naming its version (and format).
fn name_versions(exchanges: &mut Vec<Method<'_>>, pinned: Option<&Option<String>>) {
    let version_text = |e: &Method<'_>| e.version.map(|v| v.to_string());
    // A preview is never the plain method, pinned or not: an earlier crate whose operation had
    // only a preview named it `_preview` too, and reading that back must not rename it.
    let kept = pinned.and_then(|pinned| {
        let exchange = exchanges.iter().find(|e| version_text(e) == *pinned)?;
        Some(exchange.version).filter(|v| *v != Some(ApiVersion::Preview))
    });
    let default = kept.or_else(|| default_version(exchanges));
    for exchange in exchanges.iter_mut() {
        let version_suffix = if Some(exchange.version) == default {
            None
        } else {
            Some(match exchange.version {
                Some(ApiVersion::Dated(date)) => {
                    format!("v{:04}_{:02}_{:02}", date.year, date.month, date.day)
                }
                Some(ApiVersion::Preview) => "preview".to_owned(),
                None => "unversioned".to_owned(),
            })
        };
        exchange.suffix = match (version_suffix, exchange.suffix.take()) {
            (None, format) => format,
            (Some(version), None) => Some(version),
            (Some(version), Some(format)) => Some(format!("{version}_{format}")),
        };
    }
    // The default first, so it reads first in the docs.
    exchanges.sort_by_key(|e| e.suffix.is_some());
}

/// The newest dated version without a sunset; failing that, the newest dated version; failing
/// that, the unversioned one. `None` when only a preview exists.
fn default_version(exchanges: &[Method<'_>]) -> Option<Option<ApiVersion>> {
    let newest = |only_live: bool| {
        exchanges
            .iter()
            .filter(|e| !only_live || e.sunset.is_none())
            .filter_map(|e| match e.version {
                Some(ApiVersion::Dated(date)) => Some(date),
                _ => None,
            })
            .max()
            .map(|date| Some(ApiVersion::Dated(date)))
    };
    newest(true).or_else(|| newest(false)).or_else(|| {
        exchanges
            .iter()
            .any(|e| e.version.is_none())
            .then_some(None)
    })
}
