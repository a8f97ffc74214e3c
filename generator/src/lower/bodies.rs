//! Which request bodies the client sends, and how: JSON, a form (`application/x-www-form-urlencoded`,
//! encoded from the body's struct) or `multipart/form-data` (a form type of parts), else the
//! first other media type, sent as it is (bytes or a file). Every body left out, and each
//! `encoding` entry the client does not honour, is a located warning.

use indexmap::IndexMap;
use openapiv3::QueryStyle;

use super::Lowerer;
use crate::diagnostics::{JsonPointer, Loss};
use crate::ir::media_type::MediaType;
use crate::ir::model::{Content, PartType};

impl Lowerer<'_> {
    /// Whether a request body in `media_type` is kept. JSON always is (a second JSON type of the
    /// same version is then left out by `json_media_kept`). A form is kept when the body offers
    /// no JSON and no earlier form: one body per API version. Anything else is left out, with a
    /// warning that says whether the operation still has a body.
    pub(super) fn request_media_kept(
        &mut self,
        media_type: &MediaType,
        content: &IndexMap<String, openapiv3::MediaType>,
        kept: &[Content],
        at: &JsonPointer,
        operation_id: &str,
    ) -> bool {
        if media_type.is_json() {
            return true;
        }
        let json_left = content
            .keys()
            .any(|raw| MediaType::parse(raw).is_ok_and(|m| m.is_json()));
        let first_form = kept.iter().find(|c| c.media_type.is_form());
        if media_type.is_form() && !json_left && first_form.is_none() {
            return true;
        }
        // Neither JSON nor a form on offer: the first other media type is sent as it is,
        // bytes or a file (`application/octet-stream`, `image/png`, `text/plain`).
        let form_left = content.keys().any(|raw| is_form(raw));
        if !json_left && !form_left && kept.is_empty() {
            return true;
        }
        let consequence = match first_form {
            _ if json_left => "only the JSON body is offered".to_owned(),
            Some(form) => format!(
                "only the first form body, `{}`, is offered",
                form.media_type.raw
            ),
            None if form_left => "only the form body is offered".to_owned(),
            None => match kept.first() {
                Some(first) => format!(
                    "only the first body, `{}`, is offered",
                    first.media_type.raw
                ),
                None => "the operation is generated without a request body".to_owned(),
            },
        };
        let what = format!(
            "`{}` request body of `{operation_id}`: the client sends one body per version, \
             JSON first, then a form, else the first other media type as it is, so \
             {consequence}",
            media_type.raw
        );
        self.lose(at, Loss::MediaType, what);
        false
    }

    /// The `encoding` of a kept form body. A multipart part's `contentType` is honoured (it is
    /// the part's `Content-Type`); a form's `style: form` is the client's own. Everything else
    /// (part `headers`, another `style`, `allowReserved`, a form property's `contentType`) is
    /// left out with a warning at the entry. openapiv3 reads an absent `explode` as `false`,
    /// so an explicit `explode: false` cannot be told from the default and is not reported.
    pub(super) fn part_types(
        &mut self,
        media: &openapiv3::MediaType,
        media_type: &MediaType,
        at: &JsonPointer,
    ) -> Vec<PartType> {
        let mut part_types = Vec::new();
        for (property, encoding) in &media.encoding {
            let entry_at = at.push("encoding").push(property);
            let mut lost: Vec<(&str, &str)> = Vec::new();
            if !encoding.headers.is_empty() {
                lost.push(("headers", "the parts carry no headers of their own"));
            }
            match &encoding.content_type {
                Some(content_type) if media_type.is_multipart() => part_types.push(PartType {
                    property: property.clone(),
                    content_type: content_type.clone(),
                }),
                Some(_) => lost.push(("contentType", "the value is sent as form text")),
                None => {}
            }
            if !media_type.is_multipart() {
                if matches!(&encoding.style, Some(style) if *style != QueryStyle::Form) {
                    lost.push(("style", "the value is sent in `style: form`"));
                }
                if encoding.allow_reserved {
                    lost.push(("allowReserved", "reserved characters are percent-encoded"));
                }
            }
            for (keyword, instead) in lost {
                let what = format!(
                    "`{keyword}` of the `{property}` {} is not honoured: {instead}",
                    if media_type.is_multipart() {
                        "part"
                    } else {
                        "form property"
                    }
                );
                self.lose(&entry_at.push(keyword), Loss::BodyEncoding, what);
            }
        }
        part_types
    }
}

fn is_form(raw: &str) -> bool {
    MediaType::parse(raw).is_ok_and(|m| m.is_form())
}
