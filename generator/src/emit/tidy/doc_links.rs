//! Doc links made redundant by a short name. rustdoc warns (`redundant_explicit_links`) about
//! ``[`Client::new`](crate::Client::new)`` once `Client` is imported, as the text alone resolves
//! to the same item; such a link becomes ``[`Client::new`]``.

/// `text` with each explicit link whose destination, shortened by `written` (a prefix of the
/// destination to the segments now written for it), equals its text cut down to the text alone;
/// `None` when nothing changed.
pub fn unlink_redundant(text: &str, written: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(start) = rest.find("[`") {
        let after = &rest[start + 2..];
        let Some(middle) = after.find("`](") else {
            break;
        };
        let label = &after[..middle];
        let destination = &after[middle + 3..];
        let Some(end) = destination.find(')') else {
            break;
        };
        let consumed = start + 2 + middle + 3 + end + 1;
        let redundant = !label.contains('`')
            && shortened(&destination[..end], &written).as_deref() == Some(label);
        if redundant {
            out.push_str(&rest[..start]);
            out.push_str(&format!("[`{label}`]"));
            changed = true;
        } else {
            out.push_str(&rest[..consumed]);
        }
        rest = &rest[consumed..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// `destination` with its longest shortened prefix written short.
fn shortened(destination: &str, written: impl Fn(&str) -> Option<String>) -> Option<String> {
    let segments: Vec<&str> = destination.split("::").collect();
    (1..=segments.len()).rev().find_map(|count| {
        let short = written(&segments[..count].join("::"))?;
        let tail = &segments[count..];
        Some(
            std::iter::once(short.as_str())
                .chain(tail.iter().copied())
                .collect::<Vec<_>>()
                .join("::"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(key: &str) -> Option<String> {
        (key == "crate::Client").then(|| "Client".to_owned())
    }

    #[test]
    fn a_link_whose_text_now_resolves_alone_loses_its_destination() {
        let text = " Built by [`Client::get`](crate::Client::get), see [`Other`](crate::Other).";
        assert_eq!(
            unlink_redundant(text, client).as_deref(),
            Some(" Built by [`Client::get`], see [`Other`](crate::Other).")
        );
        assert_eq!(unlink_redundant(" [`Client`](crate::Other)", client), None);
    }
}
