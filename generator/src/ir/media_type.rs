//! Media types parsed into what they mean: Atlas versions its API through the media type
//! (`application/vnd.atlas.2023-01-01+json`), so the version is data, not part of a string.

use std::fmt;

use serde::{Serialize, Serializer};

pub use crate::diagnostics::MediaTypeError;
pub use crate::wire::Date;

/// A media type from a `content` map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediaType {
    /// The media type exactly as the spec writes it; this is what goes into `Accept` and `Content-Type`.
    pub raw: String,
    /// What it means.
    pub kind: MediaKind,
}

/// The meaning of a media type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MediaKind {
    /// A vendor media type carrying an API version: `application/vnd.<vendor>.<version>+<format>`.
    Versioned {
        /// The vendor, e.g. `atlas`.
        vendor: String,
        /// The API version.
        version: ApiVersion,
        /// How the body is encoded.
        format: BodyFormat,
    },
    /// Plain, unversioned `application/json` (or another `+json` type without a version).
    Json,
    /// Anything else (`text/plain`, `application/octet-stream`, ...), passed through as bytes.
    Other,
}

/// The version part of a versioned media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApiVersion {
    /// A dated, stable version.
    Dated(Date),
    /// The preview version: unstable, used only when a caller asks for it.
    Preview,
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiVersion::Dated(date) => date.fmt(f),
            ApiVersion::Preview => f.write_str("preview"),
        }
    }
}

impl Serialize for ApiVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// How a versioned body is encoded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    /// JSON, decoded into typed values.
    Json,
    /// A gzip archive, returned as bytes.
    Gzip,
    /// CSV text, returned as bytes.
    Csv,
}

impl MediaType {
    /// Parses a media type as it appears as a key of a `content` map.
    ///
    /// Parameters after `;` (such as `charset`) do not change the meaning and are ignored
    /// for classification, but kept in [`MediaType::raw`].
    pub fn parse(raw: &str) -> Result<MediaType, MediaTypeError> {
        let essence = raw.split(';').next().unwrap_or_default().trim();
        let malformed = || MediaTypeError::Malformed(raw.to_owned());
        let (top, sub) = essence.split_once('/').ok_or_else(malformed)?;
        let is_token = |s: &str| !s.is_empty() && !s.contains(char::is_whitespace);
        if !is_token(top) || !is_token(sub) {
            return Err(malformed());
        }
        let kind = match parse_vendor(raw, top, sub)? {
            Some(kind) => kind,
            None if sub.eq_ignore_ascii_case("json") || sub.ends_with("+json") => MediaKind::Json,
            None => MediaKind::Other,
        };
        Ok(MediaType {
            raw: raw.to_owned(),
            kind,
        })
    }

    /// The API version, for versioned media types.
    pub fn version(&self) -> Option<ApiVersion> {
        match &self.kind {
            MediaKind::Versioned { version, .. } => Some(*version),
            _ => None,
        }
    }

    /// Whether the body is a form: `application/x-www-form-urlencoded`, or
    /// `multipart/form-data` (see [`MediaType::is_multipart`]).
    pub fn is_form(&self) -> bool {
        self.essence_is("application/x-www-form-urlencoded") || self.is_multipart()
    }

    /// Whether the body is `multipart/form-data`.
    pub fn is_multipart(&self) -> bool {
        self.essence_is("multipart/form-data")
    }

    fn essence_is(&self, essence: &str) -> bool {
        self.raw
            .split(';')
            .next()
            .is_some_and(|e| e.trim().eq_ignore_ascii_case(essence))
    }

    /// Whether the body is JSON, versioned or not.
    pub fn is_json(&self) -> bool {
        matches!(
            self.kind,
            MediaKind::Json
                | MediaKind::Versioned {
                    format: BodyFormat::Json,
                    ..
                }
        )
    }
}

/// The vendor tree whose media types carry an API version: Atlas's.
const VERSIONED_VENDOR: &str = "atlas";

/// Recognises `application/vnd.atlas.<version>+<format>`; `Ok(None)` for any other shape.
fn parse_vendor(raw: &str, top: &str, sub: &str) -> Result<Option<MediaKind>, MediaTypeError> {
    let Some(vendor_tree) = sub.strip_prefix("vnd.") else {
        return Ok(None);
    };
    if !top.eq_ignore_ascii_case("application") {
        return Ok(None);
    }
    let (name, format) = match vendor_tree.rsplit_once('+') {
        Some((name, format)) => (name, Some(format)),
        None => (vendor_tree, None),
    };
    // A vendor tree without a version segment (`vnd.github+json`) is simply not versioned, and
    // only Atlas's own vendor tree carries one: `vnd.kubernetes.protobuf` or
    // `vnd.apple.mpegurl` are media types of their own, read by their suffix.
    let Some((vendor, version)) = name.split_once('.') else {
        return Ok(None);
    };
    if !vendor.eq_ignore_ascii_case(VERSIONED_VENDOR) {
        return Ok(None);
    }
    let version = if version == "preview" {
        ApiVersion::Preview
    } else if let Some(date) = Date::parse(version) {
        ApiVersion::Dated(date)
    } else {
        return Err(MediaTypeError::BadVersion {
            media_type: raw.to_owned(),
            version: version.to_owned(),
        });
    };
    let format = match format {
        Some("json") => BodyFormat::Json,
        Some("gzip") => BodyFormat::Gzip,
        Some("csv") => BodyFormat::Csv,
        other => {
            return Err(MediaTypeError::BadFormat {
                media_type: raw.to_owned(),
                format: other.unwrap_or_default().to_owned(),
            })
        }
    };
    Ok(Some(MediaKind::Versioned {
        vendor: vendor.to_owned(),
        version,
        format,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn versioned(raw: &str) -> (String, ApiVersion, BodyFormat) {
        match MediaType::parse(raw).unwrap().kind {
            MediaKind::Versioned {
                vendor,
                version,
                format,
            } => (vendor, version, format),
            other => panic!("{raw} parsed as {other:?}"),
        }
    }

    #[test]
    fn dated_json() {
        let (vendor, version, format) = versioned("application/vnd.atlas.2023-01-01+json");
        assert_eq!(vendor, "atlas");
        assert_eq!(
            version,
            ApiVersion::Dated(Date {
                year: 2023,
                month: 1,
                day: 1
            })
        );
        assert_eq!(version.to_string(), "2023-01-01");
        assert_eq!(format, BodyFormat::Json);
    }

    #[test]
    fn preview() {
        let (_, version, format) = versioned("application/vnd.atlas.preview+json");
        assert_eq!(version, ApiVersion::Preview);
        assert_eq!(format, BodyFormat::Json);
        assert!(ApiVersion::Preview > versioned("application/vnd.atlas.2025-03-12+json").1);
    }

    #[test]
    fn gzip_and_csv() {
        assert_eq!(
            versioned("application/vnd.atlas.2023-02-01+gzip").2,
            BodyFormat::Gzip
        );
        assert_eq!(
            versioned("application/vnd.atlas.2023-01-01+csv").2,
            BodyFormat::Csv
        );
        assert!(!MediaType::parse("application/vnd.atlas.2023-01-01+gzip")
            .unwrap()
            .is_json());
    }

    #[test]
    fn plain_json_is_unversioned() {
        let media = MediaType::parse("application/json").unwrap();
        assert_eq!(media.kind, MediaKind::Json);
        assert_eq!(media.version(), None);
        assert!(media.is_json());
        let with_charset = MediaType::parse("application/json; charset=utf-8").unwrap();
        assert_eq!(with_charset.kind, MediaKind::Json);
        assert_eq!(with_charset.raw, "application/json; charset=utf-8");
        assert_eq!(
            MediaType::parse("application/vnd.github+json")
                .unwrap()
                .kind,
            MediaKind::Json
        );
        assert_eq!(MediaType::parse("text/csv").unwrap().kind, MediaKind::Other);
    }

    #[test]
    fn other_vendors_are_not_versions() {
        for (raw, kind) in [
            ("application/vnd.kubernetes.protobuf", MediaKind::Other),
            ("application/vnd.apple.mpegurl", MediaKind::Other),
            ("application/vnd.api.v2+json", MediaKind::Json),
            ("application/vnd.github.2022-11-28+json", MediaKind::Json),
        ] {
            assert_eq!(MediaType::parse(raw).unwrap().kind, kind, "{raw}");
        }
    }

    #[test]
    fn malformed() {
        assert_eq!(
            MediaType::parse("json"),
            Err(MediaTypeError::Malformed("json".into()))
        );
        assert!(matches!(
            MediaType::parse("application/"),
            Err(MediaTypeError::Malformed(_))
        ));
        assert_eq!(
            MediaType::parse("application/vnd.atlas.2023-13-01+json"),
            Err(MediaTypeError::BadVersion {
                media_type: "application/vnd.atlas.2023-13-01+json".into(),
                version: "2023-13-01".into()
            })
        );
        assert!(matches!(
            MediaType::parse("application/vnd.atlas.2023-02-30+json"),
            Err(MediaTypeError::BadVersion { .. })
        ));
        assert!(matches!(
            MediaType::parse("application/vnd.atlas.latest+json"),
            Err(MediaTypeError::BadVersion { .. })
        ));
        assert_eq!(
            MediaType::parse("application/vnd.atlas.2023-01-01+xml"),
            Err(MediaTypeError::BadFormat {
                media_type: "application/vnd.atlas.2023-01-01+xml".into(),
                format: "xml".into()
            })
        );
    }

    #[test]
    fn dates() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2023-1-01").is_none());
        assert!(Date::parse("2023-01-01T00:00:00Z").is_none());
        assert_eq!(Date::parse("2026-01-22").unwrap().to_string(), "2026-01-22");
    }
}
