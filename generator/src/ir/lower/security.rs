//! Security schemes and requirements.

use openapiv3::{APIKeyLocation, OpenAPI, ReferenceOr, SecurityScheme as Scheme};

use super::Lowerer;
use crate::diagnostics::{JsonPointer, Problem};
use crate::ir::model::{
    ParameterLocation, SchemeUse, SecurityRequirement, SecurityScheme, SecuritySchemeKind,
};

impl Lowerer<'_> {
    /// `components.securitySchemes`, sorted by name.
    pub(super) fn lower_security_schemes(&mut self, document: &OpenAPI) -> Vec<SecurityScheme> {
        let Some(components) = &document.components else {
            return Vec::new();
        };
        let mut schemes: Vec<SecurityScheme> = Vec::new();
        for (name, scheme) in &components.security_schemes {
            let at = JsonPointer::root()
                .push("components")
                .push("securitySchemes")
                .push(name);
            let ReferenceOr::Item(scheme) = scheme else {
                self.report(
                    &at,
                    Problem::Unsupported {
                        what: "a `$ref` in place of a security scheme".into(),
                    },
                );
                continue;
            };
            let (kind, description) = scheme_kind(scheme);
            schemes.push(SecurityScheme {
                name: name.clone(),
                description: description.clone(),
                kind,
            });
        }
        schemes.sort_by(|a, b| a.name.cmp(&b.name));
        schemes
    }

    /// A `security` list; every scheme it names must be declared.
    pub(super) fn lower_security(
        &mut self,
        requirements: &[openapiv3::SecurityRequirement],
        at: &JsonPointer,
    ) -> Vec<SecurityRequirement> {
        let declared = self.declared_schemes.clone();
        requirements
            .iter()
            .enumerate()
            .map(|(index, requirement)| SecurityRequirement {
                schemes: requirement
                    .iter()
                    .map(|(scheme, scopes)| {
                        if !declared.contains(scheme) {
                            self.report(
                                &at.push(index).push(scheme),
                                Problem::MissingRef {
                                    target: format!("#/components/securitySchemes/{scheme}"),
                                },
                            );
                        }
                        SchemeUse {
                            scheme: scheme.clone(),
                            scopes: scopes.clone(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }
}

fn scheme_kind(scheme: &Scheme) -> (SecuritySchemeKind, &Option<String>) {
    match scheme {
        Scheme::HTTP {
            scheme: http,
            bearer_format,
            description,
            ..
        } => {
            let kind = match http.to_ascii_lowercase().as_str() {
                "digest" => SecuritySchemeKind::HttpDigest,
                "basic" => SecuritySchemeKind::HttpBasic,
                "bearer" => SecuritySchemeKind::HttpBearer {
                    bearer_format: bearer_format.clone(),
                },
                other => SecuritySchemeKind::Unsupported {
                    what: format!("HTTP `{other}` authentication"),
                },
            };
            (kind, description)
        }
        Scheme::OAuth2 {
            flows, description, ..
        } => {
            let kind = match &flows.client_credentials {
                Some(flow) => SecuritySchemeKind::OAuth2ClientCredentials {
                    token_url: flow.token_url.clone(),
                    refresh_url: flow.refresh_url.clone(),
                    scopes: {
                        let mut scopes: Vec<String> = flow.scopes.keys().cloned().collect();
                        scopes.sort();
                        scopes
                    },
                },
                None => SecuritySchemeKind::Unsupported {
                    what: "OAuth2 without the client-credentials flow".into(),
                },
            };
            (kind, description)
        }
        Scheme::APIKey {
            location,
            name,
            description,
            ..
        } => {
            let location = match location {
                APIKeyLocation::Query => ParameterLocation::Query,
                APIKeyLocation::Header => ParameterLocation::Header,
                APIKeyLocation::Cookie => ParameterLocation::Cookie,
            };
            let kind = SecuritySchemeKind::ApiKey {
                location,
                name: name.clone(),
            };
            (kind, description)
        }
        Scheme::OpenIDConnect { description, .. } => (
            SecuritySchemeKind::Unsupported {
                what: "OpenID Connect".into(),
            },
            description,
        ),
    }
}
