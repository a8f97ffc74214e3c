// @generated: a copy of generator/runtime/src/form.rs; do not edit by hand.
//! Request bodies other than JSON: `application/x-www-form-urlencoded` (a typed body encoded as
//! form pairs) and `multipart/form-data` (parts built by a generated form type, files streamed
//! from disk).
//!
//! A form body follows OpenAPI's default serialisation for it, `style: form, explode: true`:
//! a scalar property is one `name=value` pair, an array repeats its name once per item, and an
//! object property is exploded into pairs of its own properties. What that style does not define
//! (an object inside an object or an array) is sent as its JSON text; the generator warns where
//! a spec has such a property.
//!
//! A multipart body is rebuilt for every exchange (each retry, and the second leg of a Digest
//! challenge): a file part opens its file again and streams it, so a file larger than memory can
//! be sent, and sent again.

use std::fmt;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use serde::ser::Error as _;
use serde::Serialize;
use serde_json::Value;

/// Encodes `value` (an object) as `application/x-www-form-urlencoded`, in `style: form,
/// explode: true`: see the module's documentation.
///
/// # Errors
///
/// Fails if `value` cannot be represented as JSON, or is not an object.
pub fn form_encode<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let Value::Object(properties) = serde_json::to_value(value)? else {
        return Err(serde_json::Error::custom(
            "a form body must be an object, whose properties become its pairs",
        ));
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (name, value) in properties {
        match value {
            Value::Array(items) => {
                for item in items {
                    push_pair(&mut pairs, &name, item);
                }
            }
            // `explode: true`: the object's own properties are the pairs.
            Value::Object(inner) => {
                for (inner_name, inner_value) in inner {
                    push_pair(&mut pairs, &inner_name, inner_value);
                }
            }
            scalar => push_pair(&mut pairs, &name, scalar),
        }
    }
    serde_urlencoded::to_string(&pairs).map_err(serde_json::Error::custom)
}

/// One pair, unless the value is `null` (an undefined value is left out, as RFC 6570 says).
fn push_pair(pairs: &mut Vec<(String, String)>, name: &str, value: Value) {
    if let Some(text) = part_text(value) {
        pairs.push((name.to_owned(), text));
    }
}

/// The text a value is sent as in a form pair or a text part: a string as it is, a number or a
/// boolean as JSON writes it, anything else as its JSON text; `None` for `null`.
fn part_text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text),
        other => Some(other.to_string()),
    }
}

/// The parts of a `multipart/form-data` body, in the order they are sent. Generated form types
/// fill one from their fields; [`RequestBody::multipart`](super::RequestBody::multipart) sends it.
#[derive(Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

#[derive(Clone)]
struct Part {
    name: &'static str,
    content: PartContent,
    file_name: Option<String>,
    content_type: String,
}

#[derive(Clone)]
enum PartContent {
    Text(String),
    Bytes(Bytes),
    File(PathBuf),
}

impl Multipart {
    /// No parts yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A text part holding `value`: a string as it is, a number or a boolean as JSON writes it.
    /// A `null` (an unset `Option`) adds no part.
    ///
    /// # Errors
    ///
    /// Fails if `value` cannot be represented as JSON.
    pub fn text<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        content_type: &str,
    ) -> Result<(), serde_json::Error> {
        if let Some(text) = part_text(serde_json::to_value(value)?) {
            self.push(name, PartContent::Text(text), None, content_type);
        }
        Ok(())
    }

    /// A part holding `value` as JSON text (an object property, by default `application/json`).
    ///
    /// # Errors
    ///
    /// Fails if `value` cannot be represented as JSON.
    pub fn json<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        content_type: &str,
    ) -> Result<(), serde_json::Error> {
        let text = serde_json::to_string(value)?;
        self.push(name, PartContent::Text(text), None, content_type);
        Ok(())
    }

    /// A file part: `default_content_type` unless the [`FilePart`] names its own.
    pub fn file(&mut self, name: &'static str, file: FilePart, default_content_type: &str) {
        let content_type = file
            .content_type
            .unwrap_or_else(|| default_content_type.to_owned());
        let content = match file.source {
            FileSource::Path(path) => PartContent::File(path),
            FileSource::Bytes(bytes) => PartContent::Bytes(bytes),
        };
        self.parts.push(Part {
            name,
            content,
            file_name: file.file_name,
            content_type,
        });
    }

    fn push(
        &mut self,
        name: &'static str,
        content: PartContent,
        file_name: Option<String>,
        content_type: &str,
    ) {
        self.parts.push(Part {
            name,
            content,
            file_name,
            content_type: content_type.to_owned(),
        });
    }

    /// The form reqwest sends, files opened now to be streamed as it is sent.
    pub(crate) async fn to_form(&self) -> Result<reqwest::multipart::Form, String> {
        let mut form = reqwest::multipart::Form::new();
        for part in &self.parts {
            let body = match &part.content {
                PartContent::Text(text) => reqwest::multipart::Part::text(text.clone()),
                PartContent::Bytes(bytes) => {
                    reqwest::multipart::Part::stream_with_length(bytes.clone(), bytes.len() as u64)
                }
                PartContent::File(path) => match open(path).await {
                    Ok((file, Some(length))) => {
                        reqwest::multipart::Part::stream_with_length(file, length)
                    }
                    Ok((file, None)) => reqwest::multipart::Part::stream(file),
                    Err(error) => {
                        return Err(format!(
                            "cannot open {} for the `{}` part: {error}",
                            path.display(),
                            part.name
                        ))
                    }
                },
            };
            let mut body = body.mime_str(&part.content_type).map_err(|_| {
                format!(
                    "the `{}` part's content type {:?} is not a media type",
                    part.name, part.content_type
                )
            })?;
            if let Some(file_name) = &part.file_name {
                body = body.file_name(file_name.clone());
            }
            form = form.part(part.name, body);
        }
        Ok(form)
    }
}

// Parts can hold passwords and file contents: `Debug` shows names, content types and sizes.
impl fmt::Debug for Multipart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        for part in &self.parts {
            let size = match &part.content {
                PartContent::Text(text) => format!("{} bytes", text.len()),
                PartContent::Bytes(bytes) => format!("{} bytes", bytes.len()),
                PartContent::File(path) => format!("file {}", path.display()),
            };
            list.entry(&format_args!(
                "{} ({}, {size})",
                part.name, part.content_type
            ));
        }
        list.finish()
    }
}

/// A file to send as a part of a `multipart/form-data` body: a file on disk, streamed as it is
/// sent and never read whole into memory, or bytes you already hold.
#[derive(Clone)]
pub struct FilePart {
    source: FileSource,
    file_name: Option<String>,
    content_type: Option<String>,
}

#[derive(Clone)]
enum FileSource {
    Path(PathBuf),
    Bytes(Bytes),
}

impl FilePart {
    /// The file at `path`, opened when the request is sent (again for a retry) and streamed.
    /// Its file name is the path's last component, unless [`FilePart::file_name`] says another.
    pub fn path(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let file_name = Path::new(&path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        Self {
            source: FileSource::Path(path),
            file_name,
            content_type: None,
        }
    }

    /// Bytes held in memory, sent without a file name unless [`FilePart::file_name`] gives one.
    pub fn bytes(bytes: impl Into<Bytes>) -> Self {
        Self {
            source: FileSource::Bytes(bytes.into()),
            file_name: None,
            content_type: None,
        }
    }

    /// The file name the part declares (`filename=` of its `Content-Disposition`).
    #[must_use]
    pub fn file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// The part's `Content-Type`, instead of the one the spec gives it (by default
    /// `application/octet-stream`).
    #[must_use]
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

impl FilePart {
    /// The `Content-Type` set with [`FilePart::content_type`].
    pub(crate) fn declared_content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The content as a request body, a file opened now to be streamed; with its length when
    /// known.
    pub(crate) async fn to_body(&self) -> Result<(reqwest::Body, Option<u64>), String> {
        Ok(match &self.source {
            FileSource::Bytes(bytes) => {
                (reqwest::Body::from(bytes.clone()), Some(bytes.len() as u64))
            }
            FileSource::Path(path) => {
                let (file, length) = (open(path).await)
                    .map_err(|error| format!("cannot open {}: {error}", path.display()))?;
                (reqwest::Body::from(file), length)
            }
        })
    }
}

/// Opens a file to stream, with its length when the file system gives it.
async fn open(path: &Path) -> std::io::Result<(tokio::fs::File, Option<u64>)> {
    let file = tokio::fs::File::open(path).await?;
    let length = file.metadata().await.ok().map(|metadata| metadata.len());
    Ok((file, length))
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("FilePart");
        match &self.source {
            FileSource::Path(path) => debug.field("path", path),
            FileSource::Bytes(bytes) => debug.field("len", &bytes.len()),
        };
        debug
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_pairs_follow_style_form_explode() {
        let value = serde_json::json!({
            "name": "a b&c",
            "count": 3,
            "on": true,
            "tags": ["x", "y"],
            "gone": null,
            "size": {"width": 2, "unit": "cm"},
            "nested": [{"a": 1}],
        });
        assert_eq!(
            form_encode(&value).unwrap(),
            "name=a+b%26c&count=3&on=true&tags=x&tags=y&width=2&unit=cm&nested=%7B%22a%22%3A1%7D"
        );
    }

    #[test]
    fn a_form_body_must_be_an_object() {
        let error = form_encode(&["a"]).unwrap_err();
        assert!(error.to_string().contains("must be an object"), "{error}");
    }
}
