//! API versions of an operation. Atlas versions each operation through its media types; the client
//! gives every version its own method and request type (so each returns its own response type),
//! and the plain method name goes to the newest dated version that has no sunset date. The
//! preview version is never the default: a caller has to ask for it by name.

use crate::ir::{ApiVersion, Content, Date, Operation, Response};

/// One version of an operation: what to send and what comes back.
#[derive(Debug, Clone)]
pub struct Exchange<'a> {
    /// The version, or `None` for an unversioned (`application/json`) operation.
    pub version: Option<ApiVersion>,
    /// Suffix of the method and type names: empty for the default version.
    pub suffix: Option<String>,
    /// The `Accept` header.
    pub accept: String,
    /// The request body in this version.
    pub request: Option<&'a Content>,
    /// The success response this version's body comes from, and its content.
    pub response: Option<(&'a Response, &'a Content)>,
    /// When this version stops being served.
    pub sunset: Option<Date>,
}

/// The versions of an operation, the default first.
pub fn exchanges(operation: &Operation) -> Vec<Exchange<'_>> {
    let mut versions: Vec<Option<ApiVersion>> = Vec::new();
    let success_contents = operation
        .success
        .iter()
        .flat_map(|r| r.contents.iter().map(move |c| (r, c)));
    let request_contents = operation.request_body.iter().flat_map(|b| &b.contents);
    for version in success_contents
        .clone()
        .map(|(_, c)| c.media_type.version())
        .chain(request_contents.clone().map(|c| c.media_type.version()))
    {
        if !versions.contains(&version) {
            versions.push(version);
        }
    }
    if versions.is_empty() {
        versions.push(None);
    }

    let mut exchanges: Vec<Exchange<'_>> = versions
        .into_iter()
        .map(|version| {
            // Prefer JSON where a version has several formats: it is the one that decodes to types.
            let mut responses: Vec<_> = success_contents
                .clone()
                .filter(|(_, c)| c.media_type.version() == version)
                .collect();
            responses.sort_by_key(|(_, c)| !c.media_type.is_json());
            let response = responses.first().copied();
            let request = request_contents
                .clone()
                .find(|c| c.media_type.version() == version);
            let accept = response
                .map(|(_, c)| c.media_type.raw.clone())
                .or_else(|| request.map(|c| c.media_type.raw.clone()))
                .unwrap_or_else(|| "application/json".to_owned());
            let sunset = response
                .and_then(|(_, c)| c.sunset)
                .or_else(|| request.and_then(|c| c.sunset));
            Exchange {
                version,
                suffix: None,
                accept,
                request,
                response,
                sunset,
            }
        })
        .collect();

    let default = default_index(&exchanges);
    for (index, exchange) in exchanges.iter_mut().enumerate() {
        if Some(index) != default {
            exchange.suffix = Some(match exchange.version {
                Some(ApiVersion::Dated(date)) => {
                    format!("v{:04}_{:02}_{:02}", date.year, date.month, date.day)
                }
                Some(ApiVersion::Preview) => "preview".to_owned(),
                None => "unversioned".to_owned(),
            });
        }
    }
    if let Some(default) = default {
        let first = exchanges.remove(default);
        exchanges.insert(0, first);
    }
    exchanges
}

/// The newest dated version without a sunset; failing that, the newest dated version; failing
/// that, the unversioned one. `None` when only a preview exists.
fn default_index(exchanges: &[Exchange<'_>]) -> Option<usize> {
    let dated = |e: &Exchange<'_>| match e.version {
        Some(ApiVersion::Dated(date)) => Some(date),
        _ => None,
    };
    let newest = |only_live: bool| {
        exchanges
            .iter()
            .enumerate()
            .filter(|(_, e)| !only_live || e.sunset.is_none())
            .filter_map(|(i, e)| dated(e).map(|d| (d, i)))
            .max()
            .map(|(_, i)| i)
    };
    newest(true)
        .or_else(|| newest(false))
        .or_else(|| exchanges.iter().position(|e| e.version.is_none()))
}
