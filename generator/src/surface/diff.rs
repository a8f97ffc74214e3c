//! What changed between two surfaces, each change classified for a user who compiles against
//! the crate: *breaking* (their code may stop compiling or mean something else), *additive*
//! (new things to use), or *other* (visible in behaviour or docs, not in the code they write).
//!
//! A removed owner (method, type, response enum, parameter type) next to an added one that looks
//! the same is a rename: methods that call the same HTTP method, path and API version; types,
//! response enums and parameter types with the same members (or pattern). A rename is reported
//! once, and the pair's members are compared as if the name had not changed.

use std::collections::{BTreeMap, BTreeSet};

use super::{Item, Key, Section, Surface};

/// How much a change matters to code that uses the crate. Ordered: the most severe is greatest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Visible only in what the crate does or says (a path, a pattern, a sunset date moved).
    Other,
    /// Something new to use; code that compiled still compiles.
    Additive,
    /// Code that compiled may not, or may mean something else.
    Breaking,
}

/// One change, as a line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// How much it matters.
    pub severity: Severity,
    /// The section of the item it is about.
    pub section: Section,
    /// What changed, in Markdown.
    pub text: String,
    /// A new value of an enum that is not `#[non_exhaustive]`: additive for serde, breaking for
    /// an exhaustive `match`.
    pub new_enum_value: bool,
}

/// Every change between an old surface and a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The crate's package name (the new one's).
    pub crate_name: String,
    /// The version of the crate the old surface describes.
    pub old_version: String,
    /// The changes, by section then in name order.
    pub changes: Vec<Change>,
}

impl Changes {
    /// Whether any change is breaking.
    pub fn has_breaking(&self) -> bool {
        self.count(Severity::Breaking) > 0
    }

    /// How many changes have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.changes
            .iter()
            .filter(|c| c.severity == severity)
            .count()
    }
}

/// The changes from `old` to `new`.
pub fn diff(old: &Surface, new: &Surface) -> Changes {
    let mut changes = Vec::new();
    for section in Section::ALL {
        let differ = SectionDiff {
            section,
            old: owners(old, section),
            new: owners(new, section),
        };
        differ.run(&mut changes);
        if section == Section::Methods {
            api_versions(old, new, &mut changes);
        }
    }
    Changes {
        crate_name: new.crate_name.clone(),
        old_version: old.crate_version.clone(),
        changes,
    }
}

/// An owner's item (absent for an owner that only has members) and its members by member name.
type Owned<'s> = (Option<&'s Item>, BTreeMap<&'s str, &'s Item>);

fn owners(surface: &Surface, section: Section) -> BTreeMap<&str, Owned<'_>> {
    let mut owners: BTreeMap<&str, Owned<'_>> = BTreeMap::new();
    for (Key { owner, member }, item) in surface.items(section) {
        let entry = owners.entry(owner).or_default();
        if member.is_empty() {
            entry.0 = Some(item);
        } else {
            entry.1.insert(member, item);
        }
    }
    owners
}

/// The owners of one section in both surfaces.
struct SectionDiff<'s> {
    section: Section,
    old: BTreeMap<&'s str, Owned<'s>>,
    new: BTreeMap<&'s str, Owned<'s>>,
}

impl SectionDiff<'_> {
    fn run(&self, changes: &mut Vec<Change>) {
        let removed: Vec<&str> = self
            .old
            .keys()
            .filter(|o| !self.new.contains_key(*o))
            .copied()
            .collect();
        let added: Vec<&str> = self
            .new
            .keys()
            .filter(|o| !self.old.contains_key(*o))
            .copied()
            .collect();
        let renames = self.renames(&removed, &added);
        let noun = self.section.noun();
        let mut push = |severity, text: String| changes.push(self.change(severity, text));
        for old in &removed {
            match renames.get(old) {
                Some(new) => push(
                    Severity::Breaking,
                    format!("renamed {noun} `{old}` → `{new}`"),
                ),
                None => push(
                    Severity::Breaking,
                    format!("removed {noun} `{old}`{}", self.summary(&self.old[old])),
                ),
            }
        }
        let renamed: BTreeSet<&str> = renames.values().copied().collect();
        for new in added.iter().filter(|n| !renamed.contains(*n)) {
            push(
                Severity::Additive,
                format!("new {noun} `{new}`{}", self.summary(&self.new[new])),
            );
        }
        let kept = self
            .old
            .keys()
            .filter(|o| self.new.contains_key(*o))
            .map(|o| (*o, *o));
        let pairs: Vec<(&str, &str)> = kept.chain(renames.iter().map(|(o, n)| (*o, *n))).collect();
        for (old, new) in pairs {
            self.compare(old, new, changes);
        }
    }

    fn change(&self, severity: Severity, text: String) -> Change {
        Change {
            severity,
            section: self.section,
            text,
            new_enum_value: false,
        }
    }

    /// What a removed or new owner was: a method's HTTP call and version.
    fn summary(&self, (item, _): &Owned<'_>) -> String {
        let Some(item) = item.filter(|_| self.section == Section::Methods) else {
            return String::new();
        };
        let http = item.attr("http").flatten().unwrap_or_default();
        match item.attr("version").flatten() {
            Some(version) => format!(" (`{http}`, version `{version}`)"),
            None => format!(" (`{http}`, unversioned)"),
        }
    }

    /// Removed owners paired with added ones that look the same, one to one, in name order.
    fn renames<'n>(&self, removed: &[&'n str], added: &[&'n str]) -> BTreeMap<&'n str, &'n str> {
        let mut pairs = BTreeMap::new();
        let mut taken = BTreeSet::new();
        for old in removed {
            let Some(wanted) = signature(self.section, &self.old[old]) else {
                continue;
            };
            let same = added.iter().find(|new| {
                !taken.contains(*new)
                    && signature(self.section, &self.new[*new]).as_ref() == Some(&wanted)
            });
            if let Some(new) = same {
                taken.insert(*new);
                pairs.insert(*old, *new);
            }
        }
        pairs
    }

    /// The changes between an owner in the old surface and its counterpart in the new.
    fn compare(&self, old_name: &str, new_name: &str, changes: &mut Vec<Change>) {
        let (old_item, old_members) = &self.old[old_name];
        let (new_item, new_members) = &self.new[new_name];
        if let (Some(before), Some(after)) = (old_item, new_item) {
            changes.extend(item_changes(new_name, before, after).map(|(s, t)| self.change(s, t)));
        }
        let noun = member_noun(self.section, new_item.or(*old_item));
        for (member, item) in old_members {
            if !new_members.contains_key(member) {
                let name = format!("{new_name}{member}");
                changes.push(self.change(Severity::Breaking, format!("removed {noun} `{name}`")));
            }
            if let Some(after) = new_members.get(member) {
                let name = format!("{new_name}{member}");
                changes.extend(item_changes(&name, item, after).map(|(s, t)| self.change(s, t)));
            }
        }
        for (member, item) in new_members
            .iter()
            .filter(|(m, _)| !old_members.contains_key(*m))
        {
            changes.push(self.new_member(noun, &format!("{new_name}{member}"), item));
        }
    }

    /// A member that is new in an owner that already existed.
    fn new_member(&self, noun: &str, name: &str, item: &Item) -> Change {
        let shown = item
            .value
            .as_deref()
            .map(|v| format!(": `{v}`"))
            .unwrap_or_default();
        // A new argument, or a field `new` takes: calls that compiled no longer do.
        if item.has("required") || item.has("argument") {
            return self.change(
                Severity::Breaking,
                format!("new required {noun} `{name}`{shown}"),
            );
        }
        let mut change = self.change(Severity::Additive, format!("new {noun} `{name}`{shown}"));
        change.new_enum_value = noun == "enum value";
        change
    }
}

/// What a member of an owner is called in a report.
fn member_noun(section: Section, owner: Option<&Item>) -> &'static str {
    let has = |flag| owner.is_some_and(|item| item.has(flag));
    match section {
        Section::Methods => "parameter",
        Section::Types if has("enum") => "enum value",
        Section::Types if has("struct") => "field",
        Section::Types | Section::ResponseEnums => "variant",
        Section::Features | Section::ParamTypes | Section::Examples => "member",
    }
}

/// What a renamed owner keeps: methods their HTTP call, version and format; types and response
/// enums their kind and members; parameter types their pattern. `None`: never paired.
fn signature(section: Section, (item, members): &Owned<'_>) -> Option<String> {
    let item = (*item)?;
    let attr = |key| item.attr(key).flatten().unwrap_or_default().to_owned();
    match section {
        Section::Methods => Some(format!(
            "{} {} {}",
            attr("http"),
            attr("version"),
            attr("returns") == "Bytes"
        )),
        Section::Types | Section::ResponseEnums if !members.is_empty() => {
            let kind = item
                .attrs
                .first()
                .map(|(k, _)| k.as_str())
                .unwrap_or_default();
            Some(format!("{kind} {members:?}"))
        }
        Section::ParamTypes => Some(format!("{} {}", attr("param"), attr("pattern"))),
        _ => None,
    }
}

/// The changes of one item, one line per severity: `name: change, change`.
fn item_changes(
    name: &str,
    before: &Item,
    after: &Item,
) -> impl Iterator<Item = (Severity, String)> {
    let mut by_severity: BTreeMap<Severity, Vec<String>> = BTreeMap::new();
    if before.value != after.value {
        let shown = |v: &Option<String>| v.as_deref().unwrap_or("none").to_owned();
        by_severity
            .entry(Severity::Breaking)
            .or_default()
            .push(format!(
                "type `{}` → `{}`",
                shown(&before.value),
                shown(&after.value)
            ));
    }
    let keys: BTreeSet<&str> = before
        .attrs
        .iter()
        .chain(&after.attrs)
        .map(|(k, _)| k.as_str())
        .collect();
    for key in keys {
        let (was, is) = (before.attr(key), after.attr(key));
        if was != is {
            let text = describe(key, was, is);
            by_severity
                .entry(attr_severity(key, was, is))
                .or_default()
                .push(text);
        }
    }
    let name = name.to_owned();
    by_severity
        .into_iter()
        .rev()
        .map(move |(severity, parts)| (severity, format!("`{name}`: {}", parts.join(", "))))
}

fn describe(key: &str, was: Option<Option<&str>>, is: Option<Option<&str>>) -> String {
    match (was, is) {
        (None, Some(None)) => format!("now {key}"),
        (Some(None), None) => format!("no longer {key}"),
        (None, Some(Some(value))) => format!("{key} `{value}` added"),
        (Some(Some(value)), None) => format!("{key} `{value}` removed"),
        (Some(was), Some(is)) => format!("{key} `{}` → `{}`", was.unwrap_or(""), is.unwrap_or("")),
        (None, None) => String::new(),
    }
}

/// How much a change of one attribute matters. Unknown keys are breaking: they describe what a
/// user's code names (versions, return and body types, the feature to enable, a kind of type).
fn attr_severity(key: &str, was: Option<Option<&str>>, is: Option<Option<&str>>) -> Severity {
    match key {
        "deprecated" | "sunset" | "stream" if was.is_none() => Severity::Additive,
        "stream" => Severity::Breaking,
        "deprecated" | "sunset" => Severity::Other,
        "http" | "operation" | "pattern" | "tag" | "note" | "in" | "param" | "method"
        | "status" => Severity::Other,
        "features" => features_severity(was.flatten(), is.flatten()),
        _ => Severity::Breaking,
    }
}

/// A type compiled by other features: breaking when one that compiled it no longer does.
fn features_severity(was: Option<&str>, is: Option<&str>) -> Severity {
    let set = |text: Option<&str>| -> BTreeSet<String> {
        text.unwrap_or_default()
            .split(", ")
            .map(str::to_owned)
            .collect()
    };
    let (was, is) = (set(was), set(is));
    let always = |s: &BTreeSet<String>| s.contains("always");
    if always(&is) || (!always(&was) && was.is_subset(&is)) {
        Severity::Additive
    } else {
        Severity::Breaking
    }
}

/// API versions each operation (by HTTP method and path) offers before and after.
fn api_versions(old: &Surface, new: &Surface, changes: &mut Vec<Change>) {
    let (before, after) = (versions_by_call(old), versions_by_call(new));
    for (call, (operation, is)) in &after {
        let Some((_, was)) = before.get(call) else {
            continue;
        };
        let mut push = |severity, text| {
            changes.push(Change {
                severity,
                section: Section::Methods,
                text,
                new_enum_value: false,
            })
        };
        for version in was.difference(is) {
            push(
                Severity::Breaking,
                format!("operation `{operation}` (`{call}`): API version `{version}` removed"),
            );
        }
        for version in is.difference(was) {
            push(
                Severity::Additive,
                format!("operation `{operation}` (`{call}`): new API version `{version}`"),
            );
        }
    }
}

fn versions_by_call(surface: &Surface) -> BTreeMap<&str, (&str, BTreeSet<&str>)> {
    let mut calls: BTreeMap<&str, (&str, BTreeSet<&str>)> = BTreeMap::new();
    let methods = surface
        .items(Section::Methods)
        .filter(|(k, _)| k.is_owner());
    for (_, item) in methods {
        let (Some(Some(call)), Some(Some(operation))) = (item.attr("http"), item.attr("operation"))
        else {
            continue;
        };
        let version = item.attr("version").flatten().unwrap_or("unversioned");
        let entry = calls.entry(call).or_insert((operation, BTreeSet::new()));
        entry.1.insert(version);
    }
    calls
}
