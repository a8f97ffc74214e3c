//! The public API of a generated crate as a list of items, read from the plan: every cargo
//! feature, `Client` method (with its parameters), type (with its fields, values or variants),
//! parameter newtype, response enum and example. It is written into every generated crate as
//! `API.md`, one line per item, so a regeneration shows API changes as a small text diff; and it
//! is read back from there, so the next regeneration can report what changed ([`diff`]) without
//! keeping anything but the crate itself.
//!
//! Nothing is decided here: names, views, gates and versions are the plan's. An item is a name
//! and attributes, kept as text exactly as `API.md` shows them, so the surface built from a plan
//! and the surface parsed from its `API.md` are the same value.

mod build;
mod classify;
pub mod codes;
mod diff;
mod group;
pub mod mongodb;
mod pins;
mod report;
mod rust_type;
mod shims;
mod text;
mod usage;

use std::collections::BTreeMap;

pub use build::surface_of;
pub use diff::{diff, Change, Changes, Severity};
pub use pins::pinned_versions;
pub use report::{report, report_json, Bump};
pub use shims::shims;
pub use text::{parse, render, ParseError, API_FILE};

/// A group of items, one heading of `API.md` each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Cargo features.
    Features,
    /// `Client` methods and their parameters.
    Methods,
    /// Models: structs with their fields, enums with their values, unions with their variants.
    Types,
    /// Validated newtypes of path and query parameters.
    ParamTypes,
    /// Enums of answers whose body differs by status.
    ResponseEnums,
    /// Programs under `examples/`.
    Examples,
    /// Old names kept for one regeneration, deprecated (`plan::Shim`).
    Shims,
}

impl Section {
    /// Every section, in the order `API.md` shows them.
    pub const ALL: [Section; 7] = [
        Section::Features,
        Section::Methods,
        Section::Types,
        Section::ParamTypes,
        Section::ResponseEnums,
        Section::Examples,
        Section::Shims,
    ];

    /// The heading text in `API.md`.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Features => "Features",
            Section::Methods => "Methods",
            Section::Types => "Types",
            Section::ParamTypes => "Parameter types",
            Section::ResponseEnums => "Response enums",
            Section::Examples => "Examples",
            Section::Shims => "Deprecated shims",
        }
    }

    /// What one of its top-level items is called in a report.
    pub fn noun(self) -> &'static str {
        match self {
            Section::Features => "feature",
            Section::Methods => "method",
            Section::Types => "type",
            Section::ParamTypes => "parameter type",
            Section::ResponseEnums => "response enum",
            Section::Examples => "example",
            Section::Shims => "deprecated shim",
        }
    }

    /// Where a member's name starts in an item name: `Client::get(group_id)` is a parameter of
    /// `Client::get`; `Widget.name` a field and `State::Active` a value of their type. Features,
    /// parameter types and examples have no members. A type's module path (`request::Widget`) is
    /// part of its name: modules are lowercase, types are not.
    fn member_start(self, name: &str) -> Option<usize> {
        match self {
            Section::Methods => name.find('('),
            Section::Types | Section::ResponseEnums => {
                let mut start = 0;
                while let Some(at) = name[start..].find("::") {
                    if !name[start..].starts_with(|c: char| c.is_ascii_lowercase()) {
                        break;
                    }
                    start += at + 2;
                }
                let rest = &name[start..];
                let dot = rest.find('.');
                let colons = rest.find("::");
                dot.into_iter().chain(colons).min().map(|at| start + at)
            }
            Section::Features | Section::ParamTypes | Section::Examples | Section::Shims => None,
        }
    }
}

/// Where an item sits: its owner (a method, a type) and, for a member, the rest of its name
/// (`(group_id)`, `.name`, `::Active`), so that members sort right after their owner.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// The owner's name.
    pub owner: String,
    /// The member part, empty for the owner itself.
    pub member: String,
}

impl Key {
    /// The key of an item name in a section.
    pub fn of(section: Section, name: &str) -> Key {
        let (owner, member) = match section.member_start(name) {
            Some(at) if at > 0 => name.split_at(at),
            _ => (name, ""),
        };
        Key {
            owner: owner.to_owned(),
            member: member.to_owned(),
        }
    }

    /// The whole item name.
    pub fn name(&self) -> String {
        format!("{}{}", self.owner, self.member)
    }

    /// Whether this is an owner rather than a member.
    pub fn is_owner(&self) -> bool {
        self.member.is_empty()
    }
}

/// One line of `API.md`: an optional leading value (a field's or parameter's Rust type) and
/// attributes, each a key with an optional value, in the order they are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// The value shown right after the name, when there is one.
    pub value: Option<String>,
    /// `key` or `key value`, in order.
    pub attrs: Vec<(String, Option<String>)>,
}

impl Item {
    /// An item with a leading value.
    fn valued(value: impl Into<String>) -> Item {
        Item {
            value: Some(value.into()),
            attrs: Vec::new(),
        }
    }

    /// Adds `key value`.
    fn with(mut self, key: &str, value: impl Into<String>) -> Item {
        self.attrs.push((key.to_owned(), Some(value.into())));
        self
    }

    /// Adds the bare `key` when `on`.
    fn flag(mut self, key: &str, on: bool) -> Item {
        if on {
            self.attrs.push((key.to_owned(), None));
        }
        self
    }

    /// The value of an attribute; `Some(None)` for a bare key.
    pub fn attr(&self, key: &str) -> Option<Option<&str>> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_deref())
    }

    /// Whether the item has an attribute, with or without a value.
    pub fn has(&self, key: &str) -> bool {
        self.attr(key).is_some()
    }
}

/// The public API of one generated crate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Surface {
    /// The crate's package name.
    pub crate_name: String,
    /// The crate's version.
    pub crate_version: String,
    /// Every item, by section and key.
    pub sections: BTreeMap<Section, BTreeMap<Key, Item>>,
}

impl Surface {
    /// An empty surface of a crate.
    pub fn new(crate_name: &str, crate_version: &str) -> Surface {
        Surface {
            crate_name: crate_name.to_owned(),
            crate_version: crate_version.to_owned(),
            sections: BTreeMap::new(),
        }
    }

    /// Adds an item; a second item of the same name replaces the first.
    pub fn insert(&mut self, section: Section, name: &str, item: Item) {
        self.sections
            .entry(section)
            .or_default()
            .insert(Key::of(section, name), item);
    }

    /// The items of a section.
    pub fn items(&self, section: Section) -> impl Iterator<Item = (&Key, &Item)> {
        self.sections.get(&section).into_iter().flatten()
    }

    /// Adds an example program and the features it needs.
    pub fn add_example(&mut self, name: &str, features: &[String]) {
        self.insert(
            Section::Examples,
            name,
            Item::default().with("features", features.join(", ")),
        );
    }
}

/// The surface of generated files, read from their `API.md`. A file that does not parse back is
/// a generator bug, reported like invalid emitted Rust.
pub fn of_files(files: &[crate::GeneratedFile]) -> Result<Surface, crate::output::EmitError> {
    let text = files
        .iter()
        .find(|f| f.path == API_FILE)
        .map_or("", |f| f.contents.as_str());
    parse(text).map_err(|error| crate::output::EmitError {
        file: API_FILE.to_owned(),
        message: error.to_string(),
        text: text.to_owned(),
    })
}

/// The changes from the `API.md` of an earlier generation to a new surface.
pub fn changes_since(old_api_md: &str, new: &Surface) -> Result<Changes, ParseError> {
    Ok(diff(&parse(old_api_md)?, new))
}

#[cfg(test)]
mod tests {
    use super::{Key, Section};

    fn split(name: &str) -> (String, String) {
        let key = Key::of(Section::Types, name);
        (key.owner, key.member)
    }

    #[test]
    fn a_module_path_belongs_to_the_type_name() {
        let owner_only = |name: &str| (name.to_owned(), String::new());
        assert_eq!(split("request::Widget"), owner_only("request::Widget"));
        let field = ("request::Widget".to_owned(), ".name".to_owned());
        assert_eq!(split("request::Widget.name"), field);
        let variant = ("request::Shape".to_owned(), "::Circle".to_owned());
        assert_eq!(split("request::Shape::Circle"), variant);
        assert_eq!(
            split("Shape::Circle"),
            ("Shape".to_owned(), "::Circle".to_owned())
        );
        assert_eq!(
            split("Widget.name"),
            ("Widget".to_owned(), ".name".to_owned())
        );
    }
}
