//! The API-key security schemes (`type: apiKey`) a client can be given credentials for: one
//! function each in the generated `auth` module, which fills in where the scheme's key goes
//! (`Credentials::KeyIn`). Other schemes need no generated code: their credentials have
//! constructors of the runtime's own (`Credentials::bearer`, `basic`, `api_key`, ...).

use serde::Serialize;

use super::Plan;
use crate::ir::{ParameterLocation, SecuritySchemeKind};
use crate::names::{self, NameScope};

/// One `apiKey` scheme.
#[derive(Debug, Clone, Serialize)]
pub struct KeyScheme {
    /// The scheme's name under `components.securitySchemes`.
    pub scheme: String,
    /// The function making its credentials.
    pub function: String,
    /// Where the key goes: a header, a query parameter or a cookie.
    pub location: ParameterLocation,
    /// The header, query parameter or cookie name.
    pub name: String,
    /// The scheme's description.
    #[serde(skip)]
    pub description: Option<String>,
}

/// The `apiKey` schemes the client can perform, in the model's order (by name).
pub(super) fn key_schemes(plan: &Plan<'_>) -> Vec<KeyScheme> {
    let mut functions = NameScope::new("API key schemes");
    plan.api
        .security_schemes
        .iter()
        .filter_map(|scheme| match &scheme.kind {
            SecuritySchemeKind::ApiKey { location, name }
                if *location != ParameterLocation::Path =>
            {
                Some(KeyScheme {
                    scheme: scheme.name.clone(),
                    function: functions
                        .claim_distinct(&scheme.name, names::value_name(&scheme.name)),
                    location: *location,
                    name: name.clone(),
                    description: scheme.description.clone(),
                })
            }
            _ => None,
        })
        .collect()
}
