//! Operations: paths, parameters, request bodies and responses.

use std::collections::HashMap;

use indexmap::IndexMap;
use openapiv3::{
    OpenAPI, Parameter as ApiParameter, ParameterSchemaOrContent, PathItem, ReferenceOr,
    Response as ApiResponse, StatusCode,
};

use super::schemas::SchemaRef;
use super::Lowerer;
use crate::diagnostics::{Diagnostic, JsonPointer, Loss, Problem};
use crate::ir::media_type::{Date, MediaType};
use crate::ir::model::{
    Constraints, Content, ExternalDocs, HttpMethod, Operation, Parameter, ParameterLocation,
    RequestBody, Response, ResponseHeader, StatusSpec, TransportFlag, TypeRef,
};
use crate::names::{self, NameScope};

/// Operation ids and client method names seen so far, to report duplicates.
#[derive(Default)]
struct OperationNames {
    ids: HashMap<String, JsonPointer>,
    methods: Option<NameScope>,
}

impl<'a> Lowerer<'a> {
    /// Every operation, paths in document order and methods in the fixed order of `PathItem`.
    pub(super) fn lower_operations(&mut self, document: &'a OpenAPI) -> Vec<Operation> {
        let mut seen = OperationNames {
            methods: Some(NameScope::new("operation ids")),
            ..OperationNames::default()
        };
        let mut operations = Vec::new();
        for (path, item) in document.paths.iter() {
            let path_at = JsonPointer::root().push("paths").push(path);
            let ReferenceOr::Item(item) = item else {
                self.report(
                    &path_at,
                    Problem::Unsupported {
                        what: "a `$ref` in place of a path item".into(),
                    },
                );
                continue;
            };
            for (method, operation) in item.iter() {
                let at = path_at.push(method);
                let lowered = self.operation(path, method, item, operation, &at, &mut seen);
                operations.extend(lowered);
            }
        }
        operations
    }

    fn operation(
        &mut self,
        path: &str,
        method: &str,
        item: &'a PathItem,
        operation: &'a openapiv3::Operation,
        at: &JsonPointer,
        seen: &mut OperationNames,
    ) -> Option<Operation> {
        let (operation_id, rust_name) = self.operation_names(path, method, operation, at, seen)?;
        let type_prefix = names::type_name(&operation_id);

        let server = self.check_operation_extras(item, operation, at);
        let parameters = self.parameters(item, operation, at, &operation_id);
        let path_template = self.path_template(path, &parameters, at);
        let request_body = operation
            .request_body
            .as_ref()
            .and_then(|body| self.request_body(body, &at.push("requestBody"), &operation_id));
        let (success, errors) = self.responses(operation, at, &operation_id);
        let security = operation.security.as_ref().map(|security| {
            let who = format!("`{operation_id}`");
            self.lower_security(security, &at.push("security"), &who)
        });

        let cli_name = self.cli_name(&operation.extensions, at, &rust_name);
        // The Atlas CLI names its commands after the override and the first tag, in lower camel
        // case; without a tag there is no command to name, only the alias.
        let cli_command = cli_name.as_ref().and_then(|name| {
            let tag = operation.tags.first()?;
            Some(format!("atlas api {} {name}", names::cli_tag_name(tag)))
        });

        Some(Operation {
            operation_id,
            rust_name,
            type_prefix,
            method: http_method(method),
            path: path_template,
            tags: operation.tags.clone(),
            summary: super::prose(operation.summary.as_ref()),
            description: super::prose(operation.description.as_ref()),
            external_docs: operation.external_docs.as_ref().map(|docs| ExternalDocs {
                url: docs.url.clone(),
                description: super::prose(docs.description.as_ref()),
            }),
            docs_url: operation
                .extensions
                .get("x-xgen-docs-url")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            server,
            cli_name,
            cli_command,
            roles: self.roles_requirements(&operation.extensions, at),
            deprecated: operation.deprecated,
            sunset: self.sunset(&operation.extensions, at),
            changelog: self.changelog(&operation.extensions, at),
            security,
            parameters,
            request_body,
            success,
            errors,
            pointer: at.to_string(),
        })
    }

    /// The operation's id (its `operationId`, or one derived from method and path) and its
    /// method name; `None`, reported, when another operation has either already.
    fn operation_names(
        &mut self,
        path: &str,
        method: &str,
        operation: &openapiv3::Operation,
        at: &JsonPointer,
        seen: &mut OperationNames,
    ) -> Option<(String, String)> {
        // Without an operationId the name is derived from method and path, which is stable for
        // as long as the path is; a spec that later adds the id renames the method, as it should.
        let operation_id = operation
            .operation_id
            .clone()
            .unwrap_or_else(|| names::value_name(&format!("{method} {path}")));
        // A derived id has no `operationId` field to point at: the operation itself is the place.
        let id_at = match operation.operation_id {
            Some(_) => at.push("operationId"),
            None => at.clone(),
        };
        if let Some(first) = seen.ids.get(&operation_id) {
            let problem = Problem::DuplicateOperationId {
                operation_id: operation_id.clone(),
                derived: operation.operation_id.is_none(),
                first: first.clone(),
            };
            self.report(&id_at, problem);
            return None;
        }
        seen.ids.insert(operation_id.clone(), at.clone());
        let methods = seen
            .methods
            .get_or_insert_with(|| NameScope::new("operation ids"));
        let (rust_name, renamed) =
            methods.claim_or_number(&operation_id, names::value_name(&operation_id));
        if let Some(what) = renamed {
            self.lose(&id_at, Loss::RenamedName, what);
        }
        Some((operation_id, rust_name))
    }

    /// Path-level parameters, then operation-level ones; an operation parameter with the same
    /// name and location replaces the path-level one (OpenAPI 3.0, Path Item Object).
    fn parameters(
        &mut self,
        item: &'a PathItem,
        operation: &'a openapiv3::Operation,
        at: &JsonPointer,
        operation_id: &str,
    ) -> Vec<Parameter> {
        let path_item_at = at.parent();
        let path_level = item
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, path_item_at.push("parameters").push(i)));
        let operation_level = operation
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, at.push("parameters").push(i)));
        let mut parameters: Vec<(Parameter, JsonPointer)> = Vec::new();
        for (parameter, parameter_at) in path_level.chain(operation_level) {
            let Some(lowered) = self.parameter(parameter, &parameter_at, operation_id) else {
                continue;
            };
            let same = |p: &Parameter| p.name == lowered.name && p.location == lowered.location;
            match parameters.iter_mut().find(|(p, _)| same(p)) {
                // Both in one list: the spec is wrong, and which entry it meant is unknowable.
                Some((_, first)) if first.parent() == parameter_at.parent() => {
                    let problem = Problem::DuplicateParameter {
                        name: lowered.name,
                        location: lowered.location.as_str(),
                        first: first.clone(),
                    };
                    self.report(&parameter_at, problem);
                }
                Some(existing) => *existing = (lowered, parameter_at),
                None => parameters.push((lowered, parameter_at)),
            }
        }
        let mut scope = NameScope::new(format!("parameters of `{operation_id}`"));
        for (parameter, parameter_at) in &mut parameters {
            let rust_name = names::value_name(&parameter.name);
            // A parameter called `send` must not take the name of the builder's own method.
            if names::BUILDER_METHODS.contains(&rust_name.as_str()) {
                parameter.rust_name =
                    scope.claim_distinct(&parameter.name, format!("{rust_name}_value"));
                continue;
            }
            let (rust_name, renamed) = scope.claim_or_number(&parameter.name, rust_name);
            parameter.rust_name = rust_name;
            if let Some(what) = renamed {
                self.lose(parameter_at, Loss::RenamedName, what);
            }
        }
        parameters
            .into_iter()
            .map(|(parameter, _)| parameter)
            .collect()
    }

    fn parameter(
        &mut self,
        parameter: &'a ReferenceOr<ApiParameter>,
        at: &JsonPointer,
        operation_id: &str,
    ) -> Option<Parameter> {
        let resolved = self.resolver.resolve(parameter, at).map(Some);
        let (parameter, definition_at) = self.recover(resolved, None)?;
        let (location, data) = match parameter {
            ApiParameter::Query { parameter_data, .. } => {
                (ParameterLocation::Query, parameter_data)
            }
            ApiParameter::Path { parameter_data, .. } => (ParameterLocation::Path, parameter_data),
            ApiParameter::Header { parameter_data, .. } => {
                (ParameterLocation::Header, parameter_data)
            }
            ApiParameter::Cookie { parameter_data, .. } => {
                (ParameterLocation::Cookie, parameter_data)
            }
        };
        let schema = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => schema,
            ParameterSchemaOrContent::Content(content) => {
                return Some(self.content_parameter(location, data, content, &definition_at));
            }
        };
        let hint = component_hint(&definition_at)
            .unwrap_or_else(|| format!("{operation_id}.{}", data.name));
        let schema_at = definition_at.push("schema");
        let ty = self.type_of(schema, &schema_at, &hint);
        self.check_style(parameter, &ty, &definition_at);
        let constraints = self.schema_constraints(schema.into(), &schema_at);
        let is_flag = location == ParameterLocation::Query && ty == TypeRef::Boolean;
        let transport_flag = match data.name.as_str() {
            "envelope" if is_flag => Some(TransportFlag::Envelope),
            "pretty" if is_flag => Some(TransportFlag::Pretty),
            _ => None,
        };
        Some(Parameter {
            name: data.name.clone(),
            rust_name: String::new(),
            location,
            required: data.required || location == ParameterLocation::Path,
            deprecated: data.deprecated.unwrap_or(false),
            description: super::prose(data.description.as_ref()),
            ty,
            constraints,
            transport_flag,
            component: parameter_component(&definition_at),
        })
    }

    /// A parameter described by `content` (a value serialised in a media type, such as a JSON
    /// filter in the query) instead of `schema`: the client takes the serialised text and sends
    /// it as it is, with a warning, rather than refusing the spec.
    fn content_parameter(
        &mut self,
        location: ParameterLocation,
        data: &openapiv3::ParameterData,
        content: &indexmap::IndexMap<String, openapiv3::MediaType>,
        at: &JsonPointer,
    ) -> Parameter {
        let media_types: Vec<&str> = content.keys().map(String::as_str).collect();
        let what = format!(
            "parameter `{}` is described by `content` ({}): the client takes its value already \
             serialised, as a string, and sends it as it is",
            data.name,
            media_types.join(", ")
        );
        self.lose(&at.push("content"), Loss::MediaType, what);
        Parameter {
            name: data.name.clone(),
            rust_name: String::new(),
            location,
            required: data.required || location == ParameterLocation::Path,
            deprecated: data.deprecated.unwrap_or(false),
            description: super::prose(data.description.as_ref()),
            ty: TypeRef::String { format: None },
            constraints: Constraints::default(),
            transport_flag: None,
            component: parameter_component(at),
        }
    }

    fn schema_constraints(&mut self, schema: SchemaRef<'a>, at: &JsonPointer) -> Constraints {
        match schema {
            SchemaRef::Inline(schema) => self.constraints(schema, at),
            SchemaRef::Ref(reference) => match self.resolver.schema(reference, at) {
                Ok((schema, definition_at)) => self.constraints(schema, &definition_at),
                Err(_) => Constraints::default(),
            },
        }
    }

    fn request_body(
        &mut self,
        body: &'a ReferenceOr<openapiv3::RequestBody>,
        at: &JsonPointer,
        operation_id: &str,
    ) -> Option<RequestBody> {
        let resolved = self.resolver.resolve(body, at).map(Some);
        let (body, definition_at) = self.recover(resolved, None)?;
        let hint =
            component_hint(&definition_at).unwrap_or_else(|| format!("{operation_id}.request"));
        Some(RequestBody {
            required: body.required,
            description: super::prose(body.description.as_ref()),
            contents: self.contents(&body.content, &definition_at, &hint, Some(operation_id)),
        })
    }

    fn responses(
        &mut self,
        operation: &'a openapiv3::Operation,
        at: &JsonPointer,
        operation_id: &str,
    ) -> (Vec<Response>, Vec<Response>) {
        let responses_at = at.push("responses");
        let listed = operation
            .responses
            .responses
            .iter()
            .map(|(status, response)| {
                let spec = match status {
                    StatusCode::Code(code) => StatusSpec::Code(*code),
                    StatusCode::Range(class) => StatusSpec::Range(*class),
                };
                (spec, response, responses_at.push(status))
            });
        let default = operation
            .responses
            .default
            .as_ref()
            .map(|response| (StatusSpec::Default, response, responses_at.push("default")));
        let mut success = Vec::new();
        let mut errors = Vec::new();
        for (status, response, response_at) in listed.chain(default).collect::<Vec<_>>() {
            let Some(lowered) = self.response(status, response, &response_at, operation_id) else {
                continue;
            };
            let is_success = match status {
                StatusSpec::Code(code) => code < 400,
                StatusSpec::Range(class) => class < 4,
                StatusSpec::Default => false,
            };
            if is_success {
                success.push(lowered);
            } else {
                errors.push(lowered);
            }
        }
        self.check_default_only(&success, &errors, &responses_at);
        (success, errors)
    }

    fn response(
        &mut self,
        status: StatusSpec,
        response: &'a ReferenceOr<ApiResponse>,
        at: &JsonPointer,
        operation_id: &str,
    ) -> Option<Response> {
        let resolved = self.resolver.resolve(response, at).map(Some);
        let (response, definition_at) = self.recover(resolved, None)?;
        let status_label = match status {
            StatusSpec::Code(code) => code.to_string(),
            StatusSpec::Range(class) => format!("{class}XX"),
            StatusSpec::Default => "default".into(),
        };
        let hint = component_hint(&definition_at)
            .unwrap_or_else(|| format!("{operation_id}.response{status_label}"));
        self.check_links(response, &definition_at);
        let mut headers = Vec::new();
        for (name, header) in &response.headers {
            let header_at = definition_at.push("headers").push(name);
            let resolved = self.resolver.resolve(header, &header_at).map(Some);
            let Some((header, header_definition_at)) = self.recover(resolved, None) else {
                continue;
            };
            let ty = match &header.format {
                ParameterSchemaOrContent::Schema(schema) => self.type_of(
                    schema,
                    &header_definition_at.push("schema"),
                    &format!("{hint}.{name}"),
                ),
                ParameterSchemaOrContent::Content(_) => TypeRef::String { format: None },
            };
            headers.push(ResponseHeader {
                name: name.clone(),
                description: super::prose(header.description.as_ref()),
                ty,
            });
        }
        headers.sort_by(|a, b| a.name.cmp(&b.name));
        Some(Response {
            status,
            description: response.description.clone(),
            headers,
            contents: self.contents(&response.content, &definition_at, &hint, None),
        })
    }

    /// One [`Content`] per media type. When a body has several versions, each inline schema is
    /// named after its version so the versions' types stay apart. For a request body
    /// (`request_of` names its operation), only JSON and forms are kept: see `request_media_kept`.
    fn contents(
        &mut self,
        content: &'a IndexMap<String, openapiv3::MediaType>,
        at: &JsonPointer,
        hint: &str,
        request_of: Option<&str>,
    ) -> Vec<Content> {
        let mut contents = Vec::new();
        for (raw, media) in content {
            let media_at = at.push("content").push(raw);
            let media_type = match MediaType::parse(raw) {
                Ok(media_type) => media_type,
                Err(error) => {
                    self.report(&media_at, error.into());
                    continue;
                }
            };
            if let Some(operation_id) = request_of {
                if !self.request_media_kept(
                    &media_type,
                    content,
                    &contents,
                    &media_at,
                    operation_id,
                ) {
                    continue;
                }
            }
            if !self.json_media_kept(&media_type, &contents, &media_at) {
                continue;
            }
            let hint = match (content.len() > 1, media_type.version()) {
                (true, Some(version)) => format!("{hint}.{version}"),
                _ => hint.to_owned(),
            };
            let schema = media.schema.as_ref().map(|schema| {
                let schema: SchemaRef<'a> = schema.into();
                self.type_of(schema, &media_at.push("schema"), &hint)
            });
            let part_types = if media_type.is_form() {
                self.part_types(media, &media_type, &media_at)
            } else {
                Vec::new()
            };
            contents.push(Content {
                media_type,
                schema,
                version: media
                    .extensions
                    .get("x-xgen-version")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned),
                sunset: self.sunset(&media.extensions, &media_at),
                part_types,
            });
        }
        contents
    }

    /// `x-sunset`, which must be a date.
    fn sunset(
        &mut self,
        extensions: &IndexMap<String, serde_json::Value>,
        at: &JsonPointer,
    ) -> Option<Date> {
        let value = extensions.get("x-sunset")?;
        let text = value
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| value.to_string());
        let date = Date::parse(&text);
        if date.is_none() {
            self.diagnostics.push(Diagnostic::at(
                &at.push("x-sunset"),
                Problem::BadDate { text },
            ));
        }
        date
    }
}

/// The name of the component a definition is, when it is one (`#/components/parameters/envelope`).
fn component_hint(definition_at: &JsonPointer) -> Option<String> {
    let segments: Vec<String> = definition_at.segments().collect();
    match segments.as_slice() {
        [components, _, name] if components == "components" => Some(name.clone()),
        _ => None,
    }
}

/// The `components/parameters` entry a parameter's definition is, when it is one.
fn parameter_component(definition_at: &JsonPointer) -> Option<String> {
    let segments: Vec<String> = definition_at.segments().collect();
    match segments.as_slice() {
        [components, kind, name] if components == "components" && kind == "parameters" => {
            Some(name.clone())
        }
        _ => None,
    }
}

fn http_method(method: &str) -> HttpMethod {
    match method {
        "put" => HttpMethod::Put,
        "post" => HttpMethod::Post,
        "delete" => HttpMethod::Delete,
        "options" => HttpMethod::Options,
        "head" => HttpMethod::Head,
        "patch" => HttpMethod::Patch,
        "trace" => HttpMethod::Trace,
        _ => HttpMethod::Get,
    }
}
