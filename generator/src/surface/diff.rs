//! What changed between two surfaces, each change classified for a user who compiles against
//! the crate: *breaking* (their code may stop compiling or mean something else), *additive*
//! (new things to use), or *other* (visible in behaviour or docs, not in the code they write).
//!
//! A removed owner (method, type, response enum, parameter type) next to an added one that looks
//! the same is a rename: methods that call the same HTTP method, path and API version; types,
//! response enums and parameter types with the same members (or pattern). A rename is reported
//! once, and the pair's members are compared as if the name had not changed.
//!
//! Every change then gets its codes and the API versions of operations it concerns
//! ([`super::codes`]), after lines that say one thing many times are told once
//! ([`super::group`]).

use std::collections::{BTreeMap, BTreeSet};

use super::classify::{item_changes, renamed, Renames};
use super::codes::{annotate, Kind, OperationRef, Subject};
use super::usage::renamed_by_use;
use super::{group, Item, Key, Section, Surface};

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
    /// A new value of an enum or variant of a union, neither `#[non_exhaustive]`: additive for
    /// serde, breaking for an exhaustive `match`.
    pub new_enum_value: bool,
    /// What the item is called (`method`, `parameter`, `field`, `enum value`, `API version`…).
    pub noun: &'static str,
    /// What changed, for its codes.
    pub kind: Kind,
    /// What it is about, for the operations it concerns.
    pub subject: Subject,
    /// oasdiff's names for the change where one applies, ours (`x-rust-…`) otherwise
    /// ([`super::codes`]).
    pub codes: Vec<&'static str>,
    /// The API versions of operations the change concerns, in order.
    pub operations: Vec<OperationRef>,
}

impl Change {
    /// A change whose codes and operations are still to be found.
    pub fn new(
        severity: Severity,
        section: Section,
        (noun, kind): (&'static str, Kind),
        subject: Subject,
        text: String,
    ) -> Change {
        Change {
            severity,
            section,
            text,
            new_enum_value: false,
            noun,
            kind,
            subject,
            codes: Vec::new(),
            operations: Vec::new(),
        }
    }
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
    let sections = Section::ALL.map(|section| SectionDiff::new(section, old, new));
    // Renamed types are read under their new names everywhere else, so a field or method that
    // only follows the rename is not reported again.
    let renames: Renames = sections
        .iter()
        .filter(|d| {
            matches!(
                d.section,
                Section::Types | Section::ResponseEnums | Section::ParamTypes
            )
        })
        .flat_map(|d| d.renames.iter())
        .map(|(old, new)| ((*old).to_owned(), (*new).to_owned()))
        .collect();
    // Old names the new crate keeps as deprecated shims: their renames break nothing.
    let shims: BTreeSet<&str> = new
        .items(Section::Shims)
        .map(|(key, _)| key.owner.as_str())
        .collect();
    let mut changes = Vec::new();
    for differ in &sections {
        differ.run(&renames, &shims, &mut changes);
        if differ.section == Section::Methods {
            api_versions(old, new, &mut changes);
        }
    }
    let mut changes = group::features(group::backfilled_versions(changes, old, new));
    annotate(&mut changes, old, new);
    Changes {
        crate_name: new.crate_name.clone(),
        old_version: old.crate_version.clone(),
        changes,
    }
}

/// The owners of `section` that `old` has and `new` has under another name with the same wire
/// identity, old name to new.
pub fn renames(section: Section, old: &Surface, new: &Surface) -> Vec<(String, String)> {
    SectionDiff::new(section, old, new)
        .renames
        .into_iter()
        .map(|(o, n)| (o.to_owned(), n.to_owned()))
        .collect()
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

/// The owners of one section in both surfaces, and which were removed, added or renamed.
struct SectionDiff<'s> {
    section: Section,
    old: BTreeMap<&'s str, Owned<'s>>,
    new: BTreeMap<&'s str, Owned<'s>>,
    removed: Vec<&'s str>,
    added: Vec<&'s str>,
    /// Removed owners and the added ones they became.
    renames: BTreeMap<&'s str, &'s str>,
}

impl<'s> SectionDiff<'s> {
    fn new(section: Section, old_surface: &'s Surface, new_surface: &'s Surface) -> Self {
        let (old, new) = (owners(old_surface, section), owners(new_surface, section));
        let only = |a: &BTreeMap<&'s str, Owned<'s>>, b: &BTreeMap<&'s str, Owned<'s>>| {
            a.keys()
                .filter(|o| !b.contains_key(*o))
                .copied()
                .collect::<Vec<_>>()
        };
        let (removed, added) = (only(&old, &new), only(&new, &old));
        let mut differ = SectionDiff {
            section,
            old,
            new,
            removed,
            added,
            renames: BTreeMap::new(),
        };
        // Types and response enums: the methods using them tell look-alikes apart.
        let hints = match section {
            Section::Types | Section::ResponseEnums => {
                let methods = SectionDiff::new(Section::Methods, old_surface, new_surface);
                let kept = (methods.old.keys()).filter(|m| methods.new.contains_key(*m));
                let pairs: Vec<(&str, &str)> = kept
                    .map(|m| (*m, *m))
                    .chain(methods.renames.iter().map(|(o, n)| (*o, *n)))
                    .collect();
                renamed_by_use(old_surface, new_surface, &pairs)
            }
            _ => BTreeMap::new(),
        };
        differ.renames = differ.find_renames(&hints);
        differ
    }

    fn run(&self, renames: &Renames, shims: &BTreeSet<&str>, changes: &mut Vec<Change>) {
        let noun = self.section.noun();
        let mut push = |severity, kind, subject, text: String| {
            changes.push(self.change(severity, (noun, kind), subject, text))
        };
        let removed = Kind::Removed { required: false };
        if self.section == Section::Shims {
            // New shims are told with their renames; one dropped is a name that goes away.
            for old in &self.removed {
                let target = self.old[old].0.and_then(|i| i.attr("renamed-to").flatten());
                let text = format!(
                    "removed {noun} `{old}` (the old name of `{}`, kept one regeneration)",
                    target.unwrap_or_default()
                );
                push(Severity::Breaking, removed.clone(), Subject::Nothing, text);
            }
            return;
        }
        for old in &self.removed {
            let (severity, kind, subject, text) = match self.renames.get(old) {
                Some(new) if shims.contains(old) => (
                    Severity::Additive,
                    Kind::Renamed,
                    item(new, false),
                    format!("renamed {noun} `{old}` → `{new}` (old name kept, deprecated)"),
                ),
                Some(new) => (
                    Severity::Breaking,
                    Kind::Renamed,
                    item(new, false),
                    format!("renamed {noun} `{old}` → `{new}`"),
                ),
                None => (
                    Severity::Breaking,
                    removed.clone(),
                    item(old, true),
                    format!("removed {noun} `{old}`{}", self.summary(&self.old[old])),
                ),
            };
            push(severity, kind, subject, text);
        }
        let renamed: BTreeSet<&str> = self.renames.values().copied().collect();
        for new in self.added.iter().filter(|n| !renamed.contains(*n)) {
            let text = format!("new {noun} `{new}`{}", self.summary(&self.new[new]));
            let added = Kind::Added { required: false };
            push(Severity::Additive, added, item(new, false), text);
        }
        let kept = (self.old.keys())
            .filter(|o| self.new.contains_key(*o))
            .map(|o| (*o, *o));
        let pairs: Vec<(&str, &str)> = kept
            .chain(self.renames.iter().map(|(o, n)| (*o, *n)))
            .collect();
        for (old, new) in pairs {
            self.compare(old, new, renames, changes);
        }
    }

    fn change(
        &self,
        severity: Severity,
        what: (&'static str, Kind),
        subject: Subject,
        text: String,
    ) -> Change {
        Change::new(severity, self.section, what, subject, text)
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

    /// Removed owners paired with added ones that look the same, one to one: first the pairs
    /// the methods using them name (`hints`, see [`renamed_by_use`]), then in name order.
    fn find_renames(&self, hints: &BTreeMap<String, String>) -> BTreeMap<&'s str, &'s str> {
        let mut pairs = BTreeMap::new();
        let mut taken = BTreeSet::new();
        let looks_alike = |old: &str, new: &str| {
            let wanted = signature(self.section, &self.old[old]);
            wanted.is_some() && signature(self.section, &self.new[new]) == wanted
        };
        for old in &self.removed {
            let hinted = hints
                .get(*old)
                .and_then(|h| self.added.iter().find(|n| **n == h));
            if let Some(new) = hinted.filter(|new| looks_alike(old, new)) {
                taken.insert(*new);
                pairs.insert(*old, *new);
            }
        }
        let unpaired: Vec<&'s str> = (self.removed.iter())
            .filter(|o| !pairs.contains_key(*o))
            .copied()
            .collect();
        for old in unpaired {
            let same =
                (self.added.iter()).find(|new| !taken.contains(*new) && looks_alike(old, new));
            if let Some(new) = same {
                taken.insert(*new);
                pairs.insert(old, *new);
            }
        }
        pairs
    }

    /// The changes between an owner in the old surface and its counterpart in the new.
    fn compare(
        &self,
        old_name: &str,
        new_name: &str,
        renames: &Renames,
        changes: &mut Vec<Change>,
    ) {
        let (old_item, old_members) = &self.old[old_name];
        let (new_item, new_members) = &self.new[new_name];
        let owner = || item(new_name, false);
        if let (Some(before), Some(after)) = (old_item, new_item) {
            let found = item_changes(new_name, before, after, renames);
            let noun = self.section.noun();
            changes.extend(
                (found.into_iter())
                    .map(|c| self.change(c.severity, (noun, c.kind), owner(), c.text)),
            );
        }
        let noun = member_noun(self.section, new_item.or(*old_item));
        let gone: Vec<(&str, &Item)> = (old_members.iter())
            .filter(|(m, _)| !new_members.contains_key(*m))
            .map(|(m, i)| (*m, *i))
            .collect();
        let fresh: Vec<(&str, &Item)> = (new_members.iter())
            .filter(|(m, _)| !old_members.contains_key(*m))
            .map(|(m, i)| (*m, *i))
            .collect();
        let member_renames = match noun {
            "variant" | "enum value" => renamed_members(&gone, &fresh, renames),
            _ => BTreeMap::new(),
        };
        for (member, before) in &gone {
            let (kind, text) = match member_renames.get(member) {
                Some(to) => (
                    Kind::Renamed,
                    format!("renamed {noun} `{new_name}{member}` → `{new_name}{to}`"),
                ),
                None => (
                    Kind::Removed {
                        required: is_required(before),
                    },
                    format!("removed {noun} `{new_name}{member}`"),
                ),
            };
            changes.push(self.change(Severity::Breaking, (noun, kind), owner(), text));
        }
        for (member, before) in old_members {
            if let Some(after) = new_members.get(member) {
                let name = format!("{new_name}{member}");
                let found = item_changes(&name, before, after, renames);
                changes.extend(
                    (found.into_iter())
                        .map(|c| self.change(c.severity, (noun, c.kind), owner(), c.text)),
                );
            }
        }
        let renamed_to: BTreeSet<&str> = member_renames.values().copied().collect();
        for (member, item) in fresh.iter().filter(|(m, _)| !renamed_to.contains(m)) {
            let name = format!("{new_name}{member}");
            changes.push(self.new_member(noun, &name, item, owner()));
        }
    }

    /// A member that is new in an owner that already existed.
    fn new_member(&self, noun: &'static str, name: &str, item: &Item, owner: Subject) -> Change {
        let shown = item
            .value
            .as_deref()
            .map(|v| format!(": `{v}`"))
            .unwrap_or_default();
        // A new argument, or a field `new` takes: calls that compiled no longer do.
        let required = is_required(item);
        let kind = Kind::Added { required };
        if required {
            let text = format!("new required {noun} `{name}`{shown}");
            return self.change(Severity::Breaking, (noun, kind), owner, text);
        }
        let text = format!("new {noun} `{name}`{shown}");
        let mut change = self.change(Severity::Additive, (noun, kind), owner, text);
        // A union's variants are matched on like an enum's values.
        change.new_enum_value = matches!(noun, "enum value" | "variant");
        change
    }
}

/// A required field or parameter (an argument of the method).
fn is_required(item: &Item) -> bool {
    item.has("required") || item.has("argument")
}

/// The subject of a change to an owner, looked up in the old surface or the new one.
fn item(owner: &str, old: bool) -> Subject {
    Subject::Item {
        owner: owner.to_owned(),
        old,
    }
}

/// Variants and enum values that only changed name: the same wire value or the same type (read
/// through the owners' renames), paired one to one in name order. Fields are never paired: two
/// `Option<String>` fields are no evidence that one became the other.
fn renamed_members<'m>(
    gone: &[(&'m str, &Item)],
    fresh: &[(&'m str, &Item)],
    renames: &Renames,
) -> BTreeMap<&'m str, &'m str> {
    let mut pairs = BTreeMap::new();
    let mut taken = BTreeSet::new();
    for (old, before) in gone {
        let before = renamed(before, renames);
        let same = fresh
            .iter()
            .find(|(new, after)| !taken.contains(new) && **after == before);
        if let Some((new, _)) = same {
            taken.insert(*new);
            pairs.insert(*old, *new);
        }
    }
    pairs
}

/// What a member of an owner is called in a report.
fn member_noun(section: Section, owner: Option<&Item>) -> &'static str {
    let has = |flag| owner.is_some_and(|item| item.has(flag));
    match section {
        Section::Methods => "parameter",
        Section::Types if has("enum") => "enum value",
        Section::Types if has("struct") => "field",
        Section::Types | Section::ResponseEnums => "variant",
        Section::Features | Section::ParamTypes | Section::Examples | Section::Shims => "member",
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

/// API versions each operation (by HTTP method and path) offers before and after.
fn api_versions(old: &Surface, new: &Surface, changes: &mut Vec<Change>) {
    let (before, after) = (versions_by_call(old), versions_by_call(new));
    for (call, (operation, is)) in &after {
        let Some((_, was)) = before.get(call) else {
            continue;
        };
        let mut push = |severity, kind, version: &str, text| {
            let at = OperationRef {
                operation: (*operation).to_owned(),
                version: version.to_owned(),
            };
            let what = ("API version", kind);
            let subject = Subject::Operations(vec![at]);
            changes.push(Change::new(severity, Section::Methods, what, subject, text))
        };
        // A version whose sunset passed is removed from the spec, and reported here too.
        for version in was.difference(is) {
            let text =
                format!("operation `{operation}` (`{call}`): API version `{version}` removed");
            push(Severity::Breaking, Kind::VersionRemoved, version, text);
        }
        for version in is.difference(was) {
            let text = format!("operation `{operation}` (`{call}`): new API version `{version}`");
            push(Severity::Additive, Kind::VersionAdded, version, text);
        }
    }
}

/// The operationId and API versions (`unversioned` for none) of each HTTP call of a surface.
/// By HTTP call (`GET /path`): the operation and the API versions its methods call.
pub(super) type VersionsByCall<'s> = BTreeMap<&'s str, (&'s str, BTreeSet<&'s str>)>;

pub(super) fn versions_by_call(surface: &Surface) -> VersionsByCall<'_> {
    let mut calls: VersionsByCall<'_> = BTreeMap::new();
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
