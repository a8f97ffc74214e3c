//! Which operations use each item of a surface, and whether the item travels in their answers,
//! their requests or both: read from the surface alone, by following the Rust types that
//! methods return, take as a body or as parameters through the types' fields, variants and
//! aliases.

use std::collections::{BTreeMap, BTreeSet};

use super::OperationRef;
use crate::surface::{Item, Key, Section, Surface};

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
            // The version marker types the request (its `Accept`).
            for request_side in ["body", "optional-body", "marker"] {
                roots.extend(value(request_side).map(|b| (b, Direction::Request)));
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
    pub(super) fn lookup(
        &self,
        section: Section,
        owner: &str,
    ) -> (BTreeSet<OperationRef>, Directions) {
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
pub(super) struct Directions {
    pub(super) response: bool,
    pub(super) request: bool,
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
    pub(super) fn pick(self, response: &'static str, request: &'static str) -> Vec<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(lines: &str) -> Surface {
        crate::surface::parse(&format!("# API of `demo` 0.1.0\n{lines}")).unwrap()
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
}
