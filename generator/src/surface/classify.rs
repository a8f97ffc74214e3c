//! What a change of one item means for code that uses the crate: the policy, attribute by
//! attribute. A changed leading value (a field's or parameter's type) is breaking; so is any
//! attribute not listed as harmless, since attributes describe what a user's code names (the API
//! version a method calls, what it returns, the feature to enable, the kind of a type).

use std::collections::{BTreeMap, BTreeSet};

use super::codes::{AttrChange, Kind};
use super::diff::Severity;
use super::Item;

/// Names that were renamed (types, response enums, parameter types), old to new: a value that
/// differs only by them is not reported again, the rename is.
pub type Renames = BTreeMap<String, String>;

/// One line of a report about one item: how much it matters, its text, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// How much it matters.
    pub severity: Severity,
    /// `name: change, change`.
    pub text: String,
    /// What changed (the attributes, or the features compiling it).
    pub kind: Kind,
}

/// The changes of one item, one line per severity: `name: change, change`. Names in `before`
/// are read through `renames` first. A change of the features compiling the item is a line of
/// its own, so the report can tell a regrouping of features once for all the items it moves.
pub fn item_changes(name: &str, before: &Item, after: &Item, renames: &Renames) -> Vec<ItemChange> {
    let before = renamed(before, renames);
    let mut by_severity: BTreeMap<Severity, (Vec<String>, Vec<AttrChange>)> = BTreeMap::new();
    let mut features = None;
    if before.value != after.value {
        let shown = |v: &Option<String>| v.as_deref().unwrap_or("none").to_owned();
        let text = format!(
            "type `{}` → `{}`",
            shown(&before.value),
            shown(&after.value)
        );
        let entry = by_severity.entry(Severity::Breaking).or_default();
        entry.0.push(text);
        entry.1.push(AttrChange {
            key: "type".to_owned(),
            was: Some(before.value.clone()),
            is: Some(after.value.clone()),
        });
    }
    let keys: BTreeSet<&str> = (before.attrs.iter().chain(&after.attrs))
        .map(|(k, _)| k.as_str())
        .collect();
    for key in keys {
        let (was, is) = (before.attr(key), after.attr(key));
        // The builder's name was not recorded before shims were; recording it changes nothing.
        if key == "builder" && was.is_none() {
            continue;
        }
        if was == is {
            continue;
        }
        let severity = attr_severity(key, was, is);
        let text = describe(key, was, is);
        if key == "features" {
            features = Some(features_line(name, severity, text, was, is));
            continue;
        }
        let entry = by_severity.entry(severity).or_default();
        entry.0.push(text);
        let owned = |v: Option<Option<&str>>| v.map(|v| v.map(str::to_owned));
        entry.1.push(AttrChange {
            key: key.to_owned(),
            was: owned(was),
            is: owned(is),
        });
    }
    (by_severity.into_iter().rev())
        .map(|(severity, (parts, attrs))| ItemChange {
            severity,
            text: format!("`{name}`: {}", parts.join(", ")),
            kind: Kind::Changed(attrs),
        })
        .chain(features)
        .collect()
}

/// The line of an item compiled by other features, with the features added and removed.
fn features_line(
    name: &str,
    severity: Severity,
    text: String,
    was: Option<Option<&str>>,
    is: Option<Option<&str>>,
) -> ItemChange {
    let (was, is) = (feature_set(was.flatten()), feature_set(is.flatten()));
    ItemChange {
        severity,
        text: format!("`{name}`: {text}"),
        kind: Kind::Features {
            added: is.difference(&was).cloned().collect(),
            removed: was.difference(&is).cloned().collect(),
        },
    }
}

fn feature_set(text: Option<&str>) -> BTreeSet<String> {
    text.unwrap_or_default()
        .split(", ")
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An item with every renamed name in its values replaced by the new name.
pub fn renamed(item: &Item, renames: &Renames) -> Item {
    if renames.is_empty() {
        return item.clone();
    }
    let rename = |text: &String| rename_words(text, renames);
    Item {
        value: item.value.as_ref().map(rename),
        attrs: (item.attrs.iter())
            .map(|(key, value)| (key.clone(), value.as_ref().map(rename)))
            .collect(),
    }
}

/// `text` with each identifier that `renames` has replaced (`Vec<Widget>` → `Vec<Gadget>`).
fn rename_words(text: &str, renames: &Renames) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        out.push_str(renames.get(&word).unwrap_or(&word));
        word.clear();
        out.push(c);
    }
    out.pop();
    out
}

fn describe(key: &str, was: Option<Option<&str>>, is: Option<Option<&str>>) -> String {
    match (key, was, is) {
        ("sunset", None, Some(Some(date))) => {
            format!("newly sunset: Atlas stops serving it on {date}")
        }
        ("deprecated", None, _) => "newly deprecated".to_owned(),
        ("withdrawn", None, Some(Some(date))) => format!(
            "removed by sunset: Atlas stopped serving it on {date}; the method is kept, \
             deprecated, and calls fail"
        ),
        ("withdrawn", Some(_), None) => "no longer withdrawn: Atlas serves it again".to_owned(),
        ("stream", None, _) => "new `into_stream` over all pages".to_owned(),
        ("stream", _, None) => "no longer has `into_stream`".to_owned(),
        (_, None, Some(None)) => format!("now {key}"),
        (_, Some(None), None) => format!("no longer {key}"),
        (_, None, Some(Some(value))) => format!("{key} `{value}` added"),
        (_, Some(Some(value)), None) => format!("{key} `{value}` removed"),
        (_, Some(was), Some(is)) => {
            format!("{key} `{}` → `{}`", was.unwrap_or(""), is.unwrap_or(""))
        }
        (_, None, None) => String::new(),
    }
}

/// How much a change of one attribute matters. Unknown keys are breaking: they describe what a
/// user's code names (versions, return and body types, the feature to enable, a kind of type).
fn attr_severity(key: &str, was: Option<Option<&str>>, is: Option<Option<&str>>) -> Severity {
    match key {
        "deprecated" | "sunset" | "stream" if was.is_none() => Severity::Additive,
        "stream" => Severity::Breaking,
        "deprecated" | "sunset" => Severity::Other,
        // The method stays (deprecated): the code compiles as before; its calls already failed
        // before the regeneration said so.
        "withdrawn" => Severity::Other,
        // A builder renamed with its method keeps its old name as a deprecated alias. A
        // method's builder becoming an alias of the one its versions share keeps its name; the
        // marker follows the version, whose change is reported as such.
        "http" | "operation" | "pattern" | "tag" | "enables" | "in" | "param" | "method"
        | "status" | "builder" | "marker" => Severity::Other,
        "features" => features_severity(was.flatten(), is.flatten()),
        // A variant that more discriminator values select: like a new enum value, a value that
        // arrived as the fallback now decodes to it. One that loses a value means another thing.
        "tags" if set(is.flatten()).is_superset(&set(was.flatten())) => Severity::Additive,
        _ => Severity::Breaking,
    }
}

/// The names of a comma-separated attribute value. An absent list reads as one empty name,
/// which no other list contains.
fn set(text: Option<&str>) -> BTreeSet<String> {
    text.unwrap_or_default()
        .split(", ")
        .map(str::to_owned)
        .collect()
}

/// A type compiled by other features: breaking when one that compiled it no longer does.
fn features_severity(was: Option<&str>, is: Option<&str>) -> Severity {
    let (was, is) = (set(was), set(is));
    let always = |s: &BTreeSet<String>| s.contains("always");
    if always(&is) || (!always(&was) && was.is_subset(&is)) {
        Severity::Additive
    } else {
        Severity::Breaking
    }
}
