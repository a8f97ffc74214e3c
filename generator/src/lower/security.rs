//! Security schemes and requirements.

use openapiv3::{APIKeyLocation, OpenAPI, ReferenceOr, SecurityScheme as Scheme};

use super::Lowerer;
use crate::diagnostics::{JsonPointer, Loss, Problem};
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
            if let Some(what) = unperformable(&kind) {
                self.unperformable_schemes.push(name.clone());
                let what = format!(
                    "`{name}` is {what}, which the client cannot perform: it authenticates only \
                     with HTTP Digest (API keys), OAuth2 client credentials (service accounts), \
                     HTTP Basic, a bearer token or an API key in a header, query parameter or \
                     cookie"
                );
                self.lose(&at, Loss::SecurityScheme, what);
            }
            schemes.push(SecurityScheme {
                name: name.clone(),
                description: super::prose(description.as_ref()),
                kind,
            });
        }
        schemes.sort_by(|a, b| a.name.cmp(&b.name));
        schemes
    }

    /// A `security` list; every scheme it names must be declared. `who` names what the list
    /// applies to, for the warning when the client can meet none of its alternatives.
    pub(super) fn lower_security(
        &mut self,
        requirements: &[openapiv3::SecurityRequirement],
        at: &JsonPointer,
        who: &str,
    ) -> Vec<SecurityRequirement> {
        let declared = self.declared_schemes.clone();
        let lowered: Vec<SecurityRequirement> = requirements
            .iter()
            .enumerate()
            .map(|(index, requirement)| SecurityRequirement {
                schemes: requirement
                    .iter()
                    .map(|(scheme, scopes)| {
                        if !declared.contains(scheme) {
                            self.report(
                                &at.push(index).push(scheme),
                                Problem::UndeclaredScheme {
                                    scheme: scheme.clone(),
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
            .collect();
        self.check_performable(&lowered, at, who);
        lowered
    }

    /// Warns when every alternative needs a scheme the client cannot perform: the requests are
    /// then sent with whatever credentials the client has, which the server will likely refuse.
    /// An empty list, or an empty alternative, asks for no authentication and is always met.
    fn check_performable(
        &mut self,
        requirements: &[SecurityRequirement],
        at: &JsonPointer,
        who: &str,
    ) {
        let unperformable = |requirement: &SecurityRequirement| {
            requirement
                .schemes
                .iter()
                .find(|s| self.unperformable_schemes.contains(&s.scheme))
                .map(|s| format!("`{}`", s.scheme))
        };
        let blocked: Option<Vec<String>> = requirements.iter().map(unperformable).collect();
        let Some(mut blocked) = blocked.filter(|b| !b.is_empty()) else {
            return;
        };
        blocked.dedup();
        let what = format!(
            "{who} requires {}, which the client cannot perform: its requests carry the client's \
             own credentials instead",
            blocked.join(" or ")
        );
        self.lose(at, Loss::UnauthenticatedOperation, what);
    }
}

/// What a scheme is, in words, when the runtime cannot perform it.
fn unperformable(kind: &SecuritySchemeKind) -> Option<String> {
    match kind {
        SecuritySchemeKind::OAuth2ClientCredentials { .. }
        | SecuritySchemeKind::HttpDigest
        | SecuritySchemeKind::HttpBasic
        | SecuritySchemeKind::HttpBearer { .. } => None,
        // `Credentials::KeyIn`; a generated `auth` function per scheme fills in where it goes.
        SecuritySchemeKind::ApiKey {
            location:
                ParameterLocation::Query | ParameterLocation::Header | ParameterLocation::Cookie,
            ..
        } => None,
        SecuritySchemeKind::ApiKey {
            location: ParameterLocation::Path,
            name,
        } => Some(format!("an API key sent in the `{name}` path parameter")),
        SecuritySchemeKind::Unsupported { what } => Some(what.clone()),
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
