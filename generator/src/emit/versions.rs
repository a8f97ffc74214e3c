//! API versions of an operation. Atlas versions each operation through its media types; the client
//! gives every version its own method and request type (so each returns its own response type),
//! and the plain method name goes to the newest dated version that has no sunset date. The
//! preview version is never the default: a caller has to ask for it by name. A version that also
//! answers in CSV or gzip gets one more method per format, returning bytes.

use crate::ir::{ApiVersion, Content, Date, MediaType, Operation, StatusSpec, TypeRef};

/// One way to call an operation: a version, and a response format within it.
#[derive(Debug, Clone)]
pub struct Exchange<'a> {
    /// The version, or `None` for an unversioned (`application/json`) operation.
    pub version: Option<ApiVersion>,
    /// Suffix of the method and type names: `None` for the default.
    pub suffix: Option<String>,
    /// The `Accept` header.
    pub accept: String,
    /// The request body in this version.
    pub request: Option<&'a Content>,
    /// What a success looks like.
    pub response: ResponseShape<'a>,
    /// When this version stops being served.
    pub sunset: Option<Date>,
}

/// The decoded form of a successful response.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseShape<'a> {
    /// No body worth decoding: `()`.
    Empty,
    /// One JSON type whatever the success status.
    Json(&'a TypeRef),
    /// Raw bytes (CSV, gzip, anything not JSON).
    Bytes,
    /// Statuses with different bodies: an enum with one variant per status.
    ByStatus(Vec<(u16, Option<&'a TypeRef>)>),
}

/// The ways to call an operation, the default first.
pub fn exchanges(operation: &Operation) -> Vec<Exchange<'_>> {
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
            .or_else(|| request.map(|c| c.media_type.raw.clone()))
            .unwrap_or_else(|| "application/json".to_owned());
        let main = Exchange {
            version,
            suffix: None,
            accept: accept.clone(),
            request,
            response: json_shape(operation, version, contents.is_empty() || !json.is_empty()),
            sunset,
        };
        // Other formats of the same version, when JSON is there too: one more call each.
        let mut extra_formats: Vec<&MediaType> = contents
            .iter()
            .map(|(_, c)| &c.media_type)
            .filter(|m| !m.is_json() && m.raw != accept)
            .collect();
        extra_formats.dedup_by(|a, b| a.raw == b.raw);
        exchanges.push(main);
        for media in extra_formats {
            exchanges.push(Exchange {
                version,
                suffix: Some(format_suffix(&media.raw)),
                accept: media.raw.clone(),
                request,
                response: ResponseShape::Bytes,
                sunset,
            });
        }
    }
    name_versions(&mut exchanges);
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
        _ => ResponseShape::ByStatus(per_status),
    }
}

fn format_suffix(media_type: &str) -> String {
    let essence = media_type.split(';').next().unwrap_or_default();
    match essence.rsplit_once('+') {
        Some((_, format)) => format.to_owned(),
        None => crate::names::module_name(essence.rsplit('/').next().unwrap_or("bytes")),
    }
}

/// Gives every exchange but the default's main format a suffix naming its version (and format).
fn name_versions(exchanges: &mut Vec<Exchange<'_>>) {
    let default = default_version(exchanges);
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
fn default_version(exchanges: &[Exchange<'_>]) -> Option<Option<ApiVersion>> {
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
