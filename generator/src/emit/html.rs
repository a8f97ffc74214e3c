//! HTML in spec prose, written as the Markdown rustdoc reads. Many specs write descriptions for a
//! web page in HTML (`<p>`, `<br>`, `<b>`, `<a href>`, lists); escaped as text they would show as
//! `&lt;p&gt;` in the docs. The common tags become their Markdown; any other tag stays text.

/// Block tags as line breaks: `<p>` and `</p>` a blank line, `<br>` a new line, `<li>` a list
/// item. Code fences and code spans are left alone.
pub(super) fn blocks_as_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in text.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if in_fence || !line.contains('<') {
            out.push_str(line);
        } else {
            out.push_str(&super::docs::outside_code_spans(line, block_tags));
        }
        out.push('\n');
    }
    out.pop();
    out
}

fn block_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find('>') else {
            out.push_str(after);
            return out;
        };
        let replacement = match tag_name(&after[1..close]).as_str() {
            "p" | "/p" => Some("\n\n"),
            "br" => Some("\n"),
            "li" => Some("\n- "),
            "/li" | "ul" | "/ul" | "ol" | "/ol" => Some("\n"),
            _ => None,
        };
        rest = &after[close + 1..];
        match replacement {
            // The spaces after a break would indent the next line.
            Some(text) => {
                out.push_str(text);
                rest = rest.trim_start_matches(' ');
            }
            None => out.push_str(&after[..=close]),
        }
    }
    out.push_str(rest);
    out
}

/// The lowercase name of a tag from what is between `<` and `>`, `/` kept for a closing tag:
/// `br` for `br/` or `BR `, `a` for `a href="..."`.
fn tag_name(inside: &str) -> String {
    let inside = inside.trim().trim_end_matches('/').trim_end();
    let (slash, name) = match inside.strip_prefix('/') {
        Some(name) => ("/", name),
        None => ("", inside),
    };
    let name = name.split_whitespace().next().unwrap_or_default();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return String::new();
    }
    format!("{slash}{}", name.to_ascii_lowercase())
}

/// An inline tag starting at `chars[at]` (a `<`): its Markdown and the index after it. A link
/// `<a href="url">text</a>` is taken whole: `text` (escaped by `escape`) in `[text](url)`.
pub(super) fn inline_tag(
    chars: &[char],
    at: usize,
    escape: impl Fn(&str) -> String,
) -> Option<(String, usize)> {
    let close = at + chars[at..].iter().position(|&c| c == '>')?;
    let inside: String = chars[at + 1..close].iter().collect();
    let markdown = match tag_name(&inside).as_str() {
        "b" | "/b" | "strong" | "/strong" => "**",
        "i" | "/i" | "em" | "/em" => "*",
        "code" | "/code" => "`",
        "a" => return link(chars, close, &inside, escape),
        _ => return None,
    };
    Some((markdown.to_owned(), close + 1))
}

fn link(
    chars: &[char],
    open_end: usize,
    inside: &str,
    escape: impl Fn(&str) -> String,
) -> Option<(String, usize)> {
    let href = inside.split("href=").nth(1)?;
    let quote = href.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let url = href[1..].split(quote).next()?;
    let rest: String = chars[open_end + 1..].iter().collect();
    let end = rest.to_ascii_lowercase().find("</a>")?;
    let text = &rest[..end];
    let after = open_end + 1 + rest[..end].chars().count() + "</a>".len();
    Some((format!("[{}]({url})", escape(text)), after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_tags_become_lines_outside_code() {
        assert_eq!(
            blocks_as_lines("<p>One.</p><p>Two<br/>three</p>"),
            "\n\nOne.\n\n\n\nTwo\nthree\n\n"
        );
        assert_eq!(blocks_as_lines("`<br>` and <BR>"), "`<br>` and \n");
        assert_eq!(blocks_as_lines("<ul><li>a</li></ul>"), "\n\n- a\n\n");
        assert_eq!(blocks_as_lines("```\n<p>\n```"), "```\n<p>\n```");
        assert_eq!(blocks_as_lines("a <unknown> b"), "a <unknown> b");
    }

    #[test]
    fn inline_tags_and_links_become_markdown() {
        let chars: Vec<char> = "<b>x</b>".chars().collect();
        assert_eq!(
            inline_tag(&chars, 0, str::to_owned),
            Some(("**".to_owned(), 3))
        );
        let chars: Vec<char> = "<a href=\"https://a.b\">site</a>!".chars().collect();
        let (text, after) = inline_tag(&chars, 0, str::to_owned).unwrap();
        assert_eq!((text.as_str(), chars[after]), ("[site](https://a.b)", '!'));
        let chars: Vec<char> = "<span>".chars().collect();
        assert_eq!(inline_tag(&chars, 0, str::to_owned), None);
    }
}
