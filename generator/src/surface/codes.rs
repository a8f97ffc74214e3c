//! What lets a report line be read next to MongoDB's API changelog: the operations (operationId
//! and API version) a change concerns, and a change code, oasdiff's name for it where one
//! applies (`response-property-enum-value-added`, `endpoint-removed`, …) and ours, marked
//! `x-rust-…`, where the change is one of the Rust API only (a rename keeps the wire as it was).
//!
//! The operations come from the surface alone: a method names its operation and version; a
//! type is used by the methods whose answer (`returns`, response enums), body or parameters
//! reach it through the Rust types of fields, variants and aliases, which also tells whether
//! the type travels in answers, in requests or both, and so which of oasdiff's `response-…` or
//! `request-…` codes applies.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::diff::Change;
use super::{Item, Key, Section, Surface};

/// One API version of one operation, as MongoDB's changelog keys its entries.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OperationRef {
    /// The operationId.
    pub operation: String,
    /// The API version (`2023-01-01`), or `unversioned`.
    pub version: String,
}

impl fmt::Display for OperationRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.operation, self.version)
    }
}

/// What changed, as far as the code depends on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A new item; `required`: a required parameter or field.
    Added {
        /// Whether the new parameter or field is required.
        required: bool,
    },
    /// An item gone; `required`: a required field.
    Removed {
        /// Whether the removed field was required.
        required: bool,
    },
    /// The same wire identity under another Rust name.
    Renamed,
    /// Attributes of an item changed.
    Changed(Vec<AttrChange>),
    /// The features compiling one item or, grouped, several: these were added and removed.
    Features {
        /// Features that now compile the items.
        added: Vec<String>,
        /// Features that no longer do.
        removed: Vec<String>,
    },
    /// An operation offers a new API version.
    VersionAdded,
    /// An operation no longer offers an API version (removed, or its sunset passed).
    VersionRemoved,
    /// Older API versions of operations newly listed, with their methods.
    VersionsBackfilled,
}

/// One attribute of an item before and after (`None`: absent; `Some(None)`: a bare flag).
/// The key `type` is the item's leading value (a field's or parameter's Rust type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrChange {
    /// The attribute's key.
    pub key: String,
    /// Before.
    pub was: Option<Option<String>>,
    /// After.
    pub is: Option<Option<String>>,
}

impl AttrChange {
    fn added(&self) -> bool {
        self.was.is_none() && self.is.is_some()
    }

    fn removed(&self) -> bool {
        self.was.is_some() && self.is.is_none()
    }

    fn values(&self) -> (Option<&str>, Option<&str>) {
        (
            self.was.as_ref().and_then(|v| v.as_deref()),
            self.is.as_ref().and_then(|v| v.as_deref()),
        )
    }
}

/// What a change is about, to find the operations it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An owner of a section (a method, a type; for a member, its owner), looked up in the new
    /// surface, or in the old one for an owner that is gone.
    Item {
        /// The owner's name.
        owner: String,
        /// Whether to look in the old surface.
        old: bool,
    },
    /// Given operations (API versions of operations).
    Operations(Vec<OperationRef>),
    /// Nothing an operation uses (a feature, an example, a group of items).
    Nothing,
}

/// Whether a type travels in answers, in requests, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Direction {
    Response,
    Request,
}

/// The operations using each item of a surface, and in which direction.
#[derive(Debug, Default)]
pub struct Usage {
    methods: BTreeMap<String, OperationRef>,
    types: BTreeMap<String, BTreeSet<(OperationRef, Direction)>>,
}

impl Usage {
    /// The index of a surface.
    pub fn of(surface: &Surface) -> Usage {
        let graph = TypeGraph::of(surface);
        let mut usage = Usage::default();
        let params = member_values(surface, Section::Methods);
        for (key, item) in surface
            .items(Section::Methods)
            .filter(|(k, _)| k.is_owner())
        {
            let Some(operation) = operation_of(item) else {
                continue;
            };
            let mut roots: Vec<(&str, Direction)> = Vec::new();
            let value = |k: &str| item.attr(k).flatten();
            roots.extend(value("returns").map(|r| (r, Direction::Response)));
            for body in ["body", "optional-body"] {
                roots.extend(value(body).map(|b| (b, Direction::Request)));
            }
            for param in params.get(key.owner.as_str()).into_iter().flatten() {
                roots.push((param, Direction::Request));
            }
            for (name, direction) in graph.reach(&roots) {
                let entry = usage.types.entry(name.to_owned()).or_default();
                entry.insert((operation.clone(), direction));
            }
            usage.methods.insert(key.owner.clone(), operation);
        }
        usage
    }

    /// The operations an owner of a section concerns, and the directions it travels in.
    fn lookup(&self, section: Section, owner: &str) -> (BTreeSet<OperationRef>, Directions) {
        let mut directions = Directions::default();
        let operations = match section {
            Section::Methods => self.methods.get(owner).cloned().into_iter().collect(),
            Section::Types | Section::ParamTypes | Section::ResponseEnums => {
                let uses = self.types.get(owner).into_iter().flatten();
                uses.map(|(operation, direction)| {
                    directions.add(*direction);
                    operation.clone()
                })
                .collect()
            }
            _ => BTreeSet::new(),
        };
        // A request shape only ever travels in requests, used or not.
        if owner.starts_with("request::") {
            directions = Directions {
                response: false,
                request: true,
            };
        }
        (operations, directions)
    }
}

/// A method's operation and version.
fn operation_of(item: &Item) -> Option<OperationRef> {
    let operation = item.attr("operation").flatten()?;
    let version = item.attr("version").flatten().unwrap_or("unversioned");
    Some(OperationRef {
        operation: operation.to_owned(),
        version: version.to_owned(),
    })
}

/// The leading values of the members of each owner of a section (a method's parameter types).
fn member_values(surface: &Surface, section: Section) -> BTreeMap<&str, Vec<&str>> {
    let mut values: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (Key { owner, member }, item) in surface.items(section) {
        if let (false, Some(value)) = (member.is_empty(), item.value.as_deref()) {
            values.entry(owner).or_default().push(value);
        }
    }
    values
}

/// Which named types (types, response enums, parameter newtypes) each one's Rust types name.
struct TypeGraph<'s> {
    edges: BTreeMap<&'s str, BTreeSet<&'s str>>,
}

impl<'s> TypeGraph<'s> {
    fn of(surface: &'s Surface) -> Self {
        let sections = [Section::Types, Section::ResponseEnums, Section::ParamTypes];
        let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for section in sections {
            for (key, _) in surface.items(section) {
                edges.entry(key.owner.as_str()).or_default();
            }
        }
        let mut named: Vec<(&str, &str)> = Vec::new();
        for section in [Section::Types, Section::ResponseEnums] {
            for (key, item) in surface.items(section) {
                let values = item
                    .value
                    .iter()
                    .chain(item.attrs.iter().filter_map(|(k, v)| {
                        // What a type holds, not what names it (`request-shape-of`, `fallback`).
                        matches!(k.as_str(), "alias" | "map")
                            .then_some(v.as_ref())
                            .flatten()
                    }));
                for value in values {
                    for name in names_in(value) {
                        named.push((key.owner.as_str(), name));
                    }
                }
            }
        }
        for (from, to) in named {
            if let Some((to, _)) = edges.get_key_value(to) {
                let to: &'s str = to;
                edges.entry(from).or_default().insert(to);
            }
        }
        TypeGraph { edges }
    }

    /// Every named type reachable from the Rust types `roots`, with the direction of the root
    /// it was reached from.
    fn reach(&self, roots: &[(&str, Direction)]) -> BTreeSet<(&'s str, Direction)> {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(&'s str, Direction)> = Vec::new();
        for (text, direction) in roots {
            for name in names_in(text) {
                if let Some((name, _)) = self.edges.get_key_value(name) {
                    stack.push((name, *direction));
                }
            }
        }
        while let Some((name, direction)) = stack.pop() {
            if !seen.insert((name, direction)) {
                continue;
            }
            for next in self.edges.get(name).into_iter().flatten() {
                stack.push((next, direction));
            }
        }
        seen
    }
}

/// The paths in a Rust type as `API.md` writes it: `Option<Vec<request::Widget>>` names
/// `Option`, `Vec` and `request::Widget`.
fn names_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|word| !word.is_empty())
}

/// Whether a type travels in answers, requests or both; neither when no operation uses it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Directions {
    response: bool,
    request: bool,
}

impl Directions {
    fn add(&mut self, direction: Direction) {
        match direction {
            Direction::Response => self.response = true,
            Direction::Request => self.request = true,
        }
    }

    /// oasdiff's code for the answer side, the request side, or both; a type no operation
    /// uses is read as an answer's (most schemas are).
    fn pick(self, response: &'static str, request: &'static str) -> Vec<&'static str> {
        let mut codes = Vec::new();
        if self.response || !self.request {
            codes.push(response);
        }
        if self.request {
            codes.push(request);
        }
        codes
    }
}

/// Fills in each change's codes and operations. `old` and `new` are the surfaces compared.
pub fn annotate(changes: &mut [Change], old: &Surface, new: &Surface) {
    if changes.is_empty() {
        return;
    }
    let (old_usage, new_usage) = (Usage::of(old), Usage::of(new));
    for change in changes {
        let (operations, directions) = match &change.subject {
            Subject::Item { owner, old } => {
                let usage = if *old { &old_usage } else { &new_usage };
                usage.lookup(change.section, owner)
            }
            Subject::Operations(operations) => {
                (operations.iter().cloned().collect(), Directions::default())
            }
            Subject::Nothing => (BTreeSet::new(), Directions::default()),
        };
        change.operations = operations.into_iter().collect();
        change.codes = codes(change.section, change.noun, &change.kind, directions);
    }
}

/// Our own codes, for changes of the Rust API that the wire does not see.
pub mod ours {
    /// A method, builder, type, enum value or variant renamed; the wire is unchanged.
    pub const RENAMED: &str = "x-rust-renamed";
    /// The cargo features compiling a type changed.
    pub const FEATURES: &str = "x-rust-features";
    /// A new type (oasdiff does not report new schemas).
    pub const TYPE_ADDED: &str = "x-rust-type-added";
    /// A type gone that is not a schema of the spec (a parameter newtype, a response enum).
    pub const TYPE_REMOVED: &str = "x-rust-type-removed";
    /// What a method returns, or a response enum's variant holds, is another Rust type.
    pub const RETURNS: &str = "x-rust-return-type-changed";
    /// A method's body is another Rust type.
    pub const BODY: &str = "x-rust-body-type-changed";
    /// A method now calls another API version.
    pub const VERSION: &str = "x-rust-version-changed";
    /// A method's HTTP method or path changed (oasdiff would see an endpoint removed and one added).
    pub const HTTP: &str = "x-rust-http-changed";
    /// `into_stream` gained or lost.
    pub const STREAM: &str = "x-rust-stream";
    /// A sunset date moved later.
    pub const SUNSET_LATER: &str = "x-rust-sunset-later";
    /// A required parameter moved to another argument position.
    pub const ARGUMENT_MOVED: &str = "x-rust-argument-moved";
    /// A deprecated shim (an old name kept one regeneration) dropped.
    pub const SHIM_REMOVED: &str = "x-rust-shim-removed";
    /// A feature, example or other item of the crate alone added, removed or changed.
    pub const CRATE: &str = "x-rust-crate";
    /// Anything else.
    pub const OTHER: &str = "x-rust-changed";
}

/// The codes of a change: oasdiff's names where one applies, ours (`x-rust-…`) otherwise.
fn codes(section: Section, noun: &str, kind: &Kind, dirs: Directions) -> Vec<&'static str> {
    let mut codes = match kind {
        Kind::Renamed => vec![ours::RENAMED],
        Kind::Features { .. } => vec![ours::FEATURES],
        Kind::VersionAdded | Kind::VersionsBackfilled => vec!["endpoint-added"],
        Kind::VersionRemoved => vec!["endpoint-removed"],
        Kind::Added { required } => added(section, noun, *required, dirs),
        Kind::Removed { required } => removed(section, noun, *required, dirs),
        Kind::Changed(attrs) => changed(section, noun, attrs, dirs),
    };
    let mut seen = BTreeSet::new();
    codes.retain(|code| seen.insert(*code));
    codes
}

fn added(section: Section, noun: &str, required: bool, dirs: Directions) -> Vec<&'static str> {
    match (section, noun) {
        (Section::Methods, "method") => vec!["endpoint-added"],
        (Section::Methods, _) if required => vec!["new-required-request-parameter"],
        (Section::Methods, _) => vec!["new-optional-request-parameter"],
        (Section::Features, _) => vec!["api-tag-added"],
        (Section::Types, "field") if required => dirs.pick(
            "response-required-property-added",
            "new-required-request-property",
        ),
        (Section::Types, "field") => dirs.pick(
            "response-optional-property-added",
            "new-optional-request-property",
        ),
        (Section::Types, "enum value") => dirs.pick(
            "response-property-enum-value-added",
            "request-property-enum-value-added",
        ),
        (Section::Types, "variant") => dirs.pick(
            "response-property-one-of-added",
            "request-property-one-of-added",
        ),
        (Section::ResponseEnums, "variant") => vec!["response-success-status-added"],
        (Section::Types | Section::ParamTypes | Section::ResponseEnums, _) => {
            vec![ours::TYPE_ADDED]
        }
        _ => vec![ours::CRATE],
    }
}

fn removed(section: Section, noun: &str, required: bool, dirs: Directions) -> Vec<&'static str> {
    match (section, noun) {
        (Section::Methods, "method") => vec!["endpoint-removed"],
        (Section::Methods, _) => vec!["request-parameter-removed"],
        (Section::Features, _) => vec!["api-tag-removed"],
        (Section::Types, "type") => vec!["api-schema-removed"],
        (Section::Types, "field") if required => dirs.pick(
            "response-required-property-removed",
            "request-property-removed",
        ),
        (Section::Types, "field") => dirs.pick(
            "response-optional-property-removed",
            "request-property-removed",
        ),
        (Section::Types, "enum value") => dirs.pick(
            "response-property-enum-value-removed",
            "request-property-enum-value-removed",
        ),
        (Section::Types, "variant") => dirs.pick(
            "response-property-one-of-removed",
            "request-property-one-of-removed",
        ),
        (Section::ResponseEnums, "variant") => vec!["response-success-status-removed"],
        (Section::ParamTypes | Section::ResponseEnums, _) => vec![ours::TYPE_REMOVED],
        (Section::Shims, _) => vec![ours::SHIM_REMOVED],
        _ => vec![ours::CRATE],
    }
}

fn changed(
    section: Section,
    noun: &str,
    attrs: &[AttrChange],
    dirs: Directions,
) -> Vec<&'static str> {
    let mut codes = Vec::new();
    for attr in attrs {
        let (was, is) = attr.values();
        let code: Vec<&'static str> = match (section, noun, attr.key.as_str()) {
            (Section::Methods, "method", key) => method_attr(key, attr, attrs),
            (Section::Methods, _, "type") => vec!["request-parameter-type-changed"],
            (Section::Methods, _, "argument") if attr.added() => {
                vec!["request-parameter-became-required"]
            }
            (Section::Methods, _, "argument") if attr.removed() => {
                vec!["request-parameter-became-optional"]
            }
            (Section::Methods, _, "argument") => vec![ours::ARGUMENT_MOVED],
            // Told by `argument`, which changes with it.
            (Section::Methods, _, "setter") => vec![],
            (Section::Methods, _, "deprecated") if attr.added() => {
                vec!["request-parameter-deprecated"]
            }
            (Section::Methods, _, "deprecated") => vec!["request-parameter-reactivated"],
            (Section::Types, "field", "required") if attr.added() => dirs.pick(
                "response-property-became-required",
                "request-property-became-required",
            ),
            (Section::Types, "field", "required") => dirs.pick(
                "response-property-became-optional",
                "request-property-became-optional",
            ),
            (Section::Types, "enum value", "value") => {
                let mut both = removed(section, noun, false, dirs);
                both.extend(added(section, noun, false, dirs));
                both
            }
            (Section::Types, "variant", "tags") => dirs.pick(
                "response-property-discriminator-mapping-changed",
                "request-property-discriminator-mapping-changed",
            ),
            (Section::Types, "type", "tag") => dirs.pick(
                "response-property-discriminator-property-name-changed",
                "request-property-discriminator-property-name-changed",
            ),
            (Section::Types, _, "deprecated" | "fallback" | "request-shape-of") => {
                vec![ours::OTHER]
            }
            (Section::Types, _, _) => dirs.pick(
                "response-property-type-changed",
                "request-property-type-changed",
            ),
            (Section::ParamTypes, _, "pattern") => match (was, is) {
                (None, Some(_)) => vec!["request-parameter-pattern-added"],
                (Some(_), None) => vec!["request-parameter-pattern-removed"],
                _ => vec!["request-parameter-pattern-changed"],
            },
            (Section::ParamTypes, _, "type") => vec!["request-parameter-type-changed"],
            (Section::ResponseEnums, _, "type" | "no-body") => vec![ours::RETURNS],
            (Section::Features | Section::Examples, _, _) => vec![ours::CRATE],
            _ => vec![ours::OTHER],
        };
        codes.extend(code);
    }
    codes
}

/// The codes of one changed attribute of a method; `all` are the item's changed attributes.
fn method_attr(key: &str, attr: &AttrChange, all: &[AttrChange]) -> Vec<&'static str> {
    let other = |key: &str| all.iter().find(|a| a.key == key);
    match key {
        "operation" => vec!["api-operation-id-removed"],
        "builder" => vec![ours::RENAMED],
        "http" => vec![ours::HTTP],
        "version" | "unversioned" => vec![ours::VERSION],
        "returns" => vec![ours::RETURNS],
        "stream" => vec![ours::STREAM],
        // A tag is a feature: oasdiff sees the old tag removed and the new one added.
        "feature" => vec!["api-tag-removed", "api-tag-added"],
        "deprecated" if attr.added() => vec!["endpoint-deprecated"],
        "deprecated" => vec!["endpoint-reactivated"],
        // Atlas marks a version for removal with a sunset date; MongoDB's changelog then says
        // `endpoint-deprecated`.
        // The sunset passed: MongoDB's changelog records the version as removed. The method is
        // kept (deprecated, its calls fail), so our severity is lower than theirs.
        "withdrawn" if attr.added() => vec!["endpoint-removed"],
        "withdrawn" => vec!["endpoint-added"],
        "sunset" if attr.added() => vec!["endpoint-deprecated"],
        "sunset" if attr.removed() => vec!["sunset-deleted"],
        "sunset" => match attr.values() {
            (Some(was), Some(is)) if is < was => vec!["api-sunset-date-changed-too-small"],
            _ => vec![ours::SUNSET_LATER],
        },
        "body" if attr.added() && other("optional-body").is_some_and(AttrChange::removed) => {
            vec!["request-body-became-required"]
        }
        "optional-body" if attr.added() && other("body").is_some_and(AttrChange::removed) => {
            vec!["request-body-became-optional"]
        }
        // The other half of the pair above.
        "body" | "optional-body"
            if attr.removed()
                && other(if key == "body" {
                    "optional-body"
                } else {
                    "body"
                })
                .is_some_and(AttrChange::added) =>
        {
            vec![]
        }
        "body" | "optional-body" => vec![ours::BODY],
        _ => vec![ours::OTHER],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(lines: &str) -> Surface {
        super::super::parse(&format!("# API of `demo` 0.1.0\n{lines}")).unwrap()
    }

    const SURFACE: &str = "
## Methods

- `Client::get_widget`: http `GET /w/{id}` operation `getWidget` version `2024-08-05` returns `Widget`
- `Client::get_widget(id)`: `WidgetId` argument `1` in `path`
- `Client::list_widgets`: http `GET /w` operation `listWidgets` unversioned returns `Vec<Widget>` stream
- `Client::list_widgets(state)`: `Option<State>` setter in `query`
- `Client::put_widget`: http `PUT /w/{id}` operation `putWidget` version `2023-01-01` returns `PutWidgetResponse` body `request::Widget`

## Types

- `Part`: struct features `widgets`
- `Part.name`: `String` required
- `State`: enum features `widgets`
- `State::Active`: value `ACTIVE`
- `Widget`: struct features `widgets`
- `Widget.parts`: `Vec<Part>`
- `Widget.state`: `Option<State>`
- `request::Widget`: struct request-shape-of `Widget` features `widgets`
- `request::Widget.state`: `Option<State>`
- `Lonely`: struct features `unreferenced-schemas`

## Parameter types

- `WidgetId`: `String` param `id` pattern `^[a-z]+$` features `widgets`

## Response enums

- `PutWidgetResponse`: method `Client::put_widget`
- `PutWidgetResponse::Ok`: `Part` status `200`
";

    fn op(operation: &str, version: &str) -> OperationRef {
        OperationRef {
            operation: operation.into(),
            version: version.into(),
        }
    }

    fn used_by(usage: &Usage, section: Section, name: &str) -> (Vec<String>, Directions) {
        let (operations, directions) = usage.lookup(section, name);
        (
            operations.iter().map(|o| o.to_string()).collect(),
            directions,
        )
    }

    #[test]
    fn types_are_used_by_the_operations_that_reach_them_through_fields() {
        let usage = Usage::of(&surface(SURFACE));
        let both = Directions {
            response: true,
            request: true,
        };
        // `State` is in answers (`Widget.state`) and in requests (the body, a query parameter).
        let (ops, dirs) = used_by(&usage, Section::Types, "State");
        assert_eq!(
            ops,
            [
                "`getWidget` 2024-08-05",
                "`listWidgets` unversioned",
                "`putWidget` 2023-01-01"
            ]
        );
        assert_eq!(dirs, both);
        // `Part` two fields deep in answers, and as a response enum's variant.
        let (ops, dirs) = used_by(&usage, Section::Types, "Part");
        assert_eq!(
            ops,
            [
                "`getWidget` 2024-08-05",
                "`listWidgets` unversioned",
                "`putWidget` 2023-01-01"
            ]
        );
        assert_eq!(
            dirs,
            Directions {
                response: true,
                request: false
            }
        );
        let (ops, dirs) = used_by(&usage, Section::Types, "request::Widget");
        assert_eq!(ops, ["`putWidget` 2023-01-01"]);
        assert!(dirs.request && !dirs.response);
        let (ops, _) = used_by(&usage, Section::ParamTypes, "WidgetId");
        assert_eq!(ops, ["`getWidget` 2024-08-05"]);
        assert_eq!(
            used_by(&usage, Section::Types, "Lonely").0,
            Vec::<String>::new()
        );
        let (ops, _) = used_by(&usage, Section::Methods, "Client::list_widgets");
        assert_eq!(ops, ["`listWidgets` unversioned"]);
        assert_eq!(
            usage.methods["Client::get_widget"],
            op("getWidget", "2024-08-05")
        );
    }

    #[test]
    fn codes_follow_the_direction_a_type_travels_in() {
        let answer = Directions {
            response: true,
            request: false,
        };
        let request = Directions {
            response: false,
            request: true,
        };
        let both = Directions {
            response: true,
            request: true,
        };
        let value_added = Kind::Added { required: false };
        let code = |dirs| codes(Section::Types, "enum value", &value_added, dirs);
        assert_eq!(code(answer), ["response-property-enum-value-added"]);
        assert_eq!(code(request), ["request-property-enum-value-added"]);
        assert_eq!(
            code(both),
            [
                "response-property-enum-value-added",
                "request-property-enum-value-added"
            ]
        );
        let field =
            |required, dirs| codes(Section::Types, "field", &Kind::Added { required }, dirs);
        assert_eq!(field(false, answer), ["response-optional-property-added"]);
        assert_eq!(field(false, request), ["new-optional-request-property"]);
        assert_eq!(field(true, request), ["new-required-request-property"]);
        let removed = Kind::Removed { required: false };
        assert_eq!(
            codes(Section::Methods, "method", &removed, answer),
            ["endpoint-removed"]
        );
        assert_eq!(
            codes(Section::Methods, "method", &Kind::Renamed, answer),
            [ours::RENAMED]
        );
    }

    #[test]
    fn a_renamed_operation_id_is_oasdiffs_operation_id_removed_and_a_body_swap_one_code() {
        let attr = |key: &str, was: Option<&str>, is: Option<&str>| AttrChange {
            key: key.into(),
            was: was.map(|v| Some(v.to_owned())),
            is: is.map(|v| Some(v.to_owned())),
        };
        let renamed = Kind::Changed(vec![
            attr("builder", Some("GetWidget"), Some("GetOneWidget")),
            attr("operation", Some("getWidget"), Some("getOneWidget")),
        ]);
        let none = Directions::default();
        assert_eq!(
            codes(Section::Methods, "method", &renamed, none),
            [ours::RENAMED, "api-operation-id-removed"]
        );
        let required = Kind::Changed(vec![
            attr("body", None, Some("Widget")),
            attr("optional-body", Some("Widget"), None),
        ]);
        assert_eq!(
            codes(Section::Methods, "method", &required, none),
            ["request-body-became-required"]
        );
        let earlier = Kind::Changed(vec![attr("sunset", Some("2026-06-01"), Some("2026-01-01"))]);
        assert_eq!(
            codes(Section::Methods, "method", &earlier, none),
            ["api-sunset-date-changed-too-small"]
        );
        let later = Kind::Changed(vec![attr("sunset", Some("2026-01-01"), Some("2026-06-01"))]);
        assert_eq!(
            codes(Section::Methods, "method", &later, none),
            [ours::SUNSET_LATER]
        );
    }
}
