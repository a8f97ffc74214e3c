//! Doc comments from spec text. Atlas descriptions are CommonMark written for a web page; rustdoc
//! reads them differently, and with `-D warnings` every difference is an error:
//!
//! * fenced and indented code blocks are compiled as doctests, so fences become `text` blocks and
//!   indentation that would start an indented code block is reduced;
//! * an unclosed fence would swallow the rest of the item's docs, so it is closed;
//! * `[text]` without a link target is read as a broken intra-doc link, so lone brackets are escaped;
//! * `<tag>` is read as raw HTML (and unclosed tags are warned about), so `<` is escaped unless it
//!   opens an autolink or is a common tag written as Markdown ([`super::html`]);
//! * bare URLs are warned about, so they are wrapped in `<...>`.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes, one per line, for `text`.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = sanitize(text);
    quote! { #( #[doc = #lines] )* }
}

/// `#![doc = "..."]` attributes, one per line, for module and crate docs.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = sanitize(text);
    quote! { #( #![doc = #lines] )* }
}

/// Doc attributes for several paragraphs, separated by blank doc lines; empty parts are skipped.
///
/// Each part is sanitised on its own, so a fence a description leaves open is closed before the
/// next part instead of swallowing it.
pub fn doc_paragraphs<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> TokenStream {
    let mut docs = TokenStream::new();
    for part in parts.into_iter().flatten().filter(|p| !p.trim().is_empty()) {
        if !docs.is_empty() {
            docs.extend(quote!(#[doc = " "]));
        }
        docs.extend(doc_attrs(part));
    }
    docs
}

/// Spec text for the middle of one generated doc line (a title, a version): escaped like any
/// description, with line breaks turned into spaces.
pub fn inline(text: &str) -> String {
    let text = plain(text);
    escape_inline(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` with line breaks as `\n` and no other control characters: a carriage return on its own
/// is a line break to people but an error ("bare CR") in a doc comment, and clippy rejects tabs.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' => "\n".to_owned(),
            '\t' => "    ".to_owned(),
            '\n' => "\n".to_owned(),
            c if c.is_control() => " ".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// The lines of a doc comment, each with the leading space rustdoc expects after `///`.
pub fn sanitize(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_fence = false;
    for raw in super::html::blocks_as_lines(&plain(text)).trim().lines() {
        let trimmed = raw.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            lines.push(if in_fence {
                "```".to_owned()
            } else {
                "```text".to_owned()
            });
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            lines.push(raw.trim_end().to_owned());
            continue;
        }
        let indent = raw.len() - trimmed.len();
        // Text right after a list item, not indented to continue it, is meant as a new paragraph;
        // Markdown would fold it into the item ("lazy continuation"), so it gets a blank line.
        let after_item = lines.last().is_some_and(|last: &String| is_list_item(last));
        if after_item && !trimmed.is_empty() && !is_list_item(trimmed) && indent < 2 {
            lines.push(String::new());
        }
        let kept_indent = " ".repeat(indent.min(3));
        lines.push(format!(
            "{kept_indent}{}",
            escape_inline(trimmed.trim_end())
        ));
    }
    if in_fence {
        lines.push("```".to_owned());
    }
    lines.into_iter().map(|line| format!(" {line}")).collect()
}

/// Whether a line starts a Markdown list item (`- `, `* `, `+ `, `1. `).
fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    ["- ", "* ", "+ "]
        .iter()
        .any(|marker| line.starts_with(marker))
        || (digits > 0 && line[digits..].starts_with(". "))
}

/// Escapes one line of prose, leaving inline code spans alone.
fn escape_inline(line: &str) -> String {
    outside_code_spans(line, escape_prose)
}

/// `line` with `prose` applied to what is outside its inline code spans.
pub(super) fn outside_code_spans(line: &str, prose: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(line.len());
    for (index, piece) in line.split('`').enumerate() {
        if index > 0 {
            out.push('`');
        }
        // Odd pieces are inside backticks. An unbalanced backtick leaves the rest as code, which
        // rustdoc renders as text anyway.
        if index % 2 == 1 {
            out.push_str(piece);
        } else {
            out.push_str(&prose(piece));
        }
    }
    out
}

fn escape_prose(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '<' if starts_with(&chars[i + 1..], "http") => {
                // An autolink: copy through the closing `>`.
                let end = chars[i..].iter().position(|&c| c == '>').map(|p| i + p);
                let end = end.unwrap_or(chars.len() - 1);
                out.extend(&chars[i..=end]);
                i = end + 1;
                continue;
            }
            '<' => match super::html::inline_tag(&chars, i, escape_prose) {
                Some((markdown, after)) => {
                    out.push_str(&markdown);
                    i = after;
                    continue;
                }
                None => out.push_str("&lt;"),
            },
            '>' => out.push_str("&gt;"),
            '[' => {
                if let Some(close) = link_text_end(&chars, i) {
                    // `[text](target)`: keep the link, escape inside the text.
                    let inner: String = chars[i + 1..close].iter().collect();
                    out.push('[');
                    out.push_str(&escape_prose(&inner));
                    out.push(']');
                    i = close + 1;
                    continue;
                }
                out.push_str("\\[");
            }
            ']' => out.push_str("\\]"),
            'h' if (starts_with(&chars[i..], "https://")
                || starts_with(&chars[i..], "http://"))
                && !matches!(chars.get(i.wrapping_sub(1)), Some('(' | '<')) =>
            {
                let mut end = i;
                while end < chars.len() && !chars[end].is_whitespace() {
                    end += 1;
                }
                while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | ')' | '!' | '?') {
                    end -= 1;
                }
                out.push('<');
                out.extend(&chars[i..end]);
                out.push('>');
                i = end;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// If `chars[open]` starts `[text](...)`, the index of the `]`.
fn link_text_end(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (offset, &c) in chars[open..].iter().enumerate() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    let close = open + offset;
                    return (chars.get(close + 1) == Some(&'(')).then_some(close);
                }
            }
            _ => {}
        }
    }
    None
}

fn starts_with(chars: &[char], prefix: &str) -> bool {
    let mut it = chars.iter();
    prefix.chars().all(|p| it.next() == Some(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> String {
        sanitize(text).join("\n")
    }

    #[test]
    fn fences_become_text_and_are_closed() {
        assert_eq!(
            one("Run:\n```\ncurl -X GET x\n```"),
            " Run:\n ```text\n curl -X GET x\n ```"
        );
        assert_eq!(one("```sh\nopen"), " ```text\n open\n ```");
    }

    #[test]
    fn text_after_a_list_is_a_new_paragraph() {
        assert_eq!(
            one("Limits:\n\n - one\n - two\nAfter."),
            " Limits:\n \n  - one\n  - two\n \n After."
        );
        assert_eq!(one("1. first\n  continued"), " 1. first\n   continued");
    }

    #[test]
    fn indentation_cannot_start_a_code_block() {
        assert_eq!(one("a\n\n        indented"), " a\n \n    indented");
    }

    #[test]
    fn brackets_html_and_urls_are_escaped() {
        assert_eq!(one("a [link](#x) and [b]"), " a [link](#x) and \\[b\\]");
        assert_eq!(one("x <span> y"), " x &lt;span&gt; y");
        assert_eq!(one("x <br> y"), " x\n y");
        assert_eq!(
            one("<p>Use <b>this</b>, see <a href=\"https://a.b\">the page</a>.</p>"),
            " Use **this**, see [the page](https://a.b)."
        );
        assert_eq!(one("see https://a.b/c."), " see <https://a.b/c>.");
        assert_eq!(one("see <https://a.b/c>"), " see <https://a.b/c>");
        assert_eq!(one("[site](https://a.b)"), " [site](https://a.b)");
        assert_eq!(one("`[x] <y>`"), " `[x] <y>`");
        assert_eq!(one("ends with */ here"), " ends with */ here");
        assert_eq!(
            one("tab\there\rnext\r\nlast\u{7}bell"),
            " tab    here\n next\n last bell"
        );
        assert_eq!(
            inline("Edge [cases]\n<API> at https://a.b"),
            "Edge \\[cases\\] &lt;API&gt; at <https://a.b>"
        );
    }
}
