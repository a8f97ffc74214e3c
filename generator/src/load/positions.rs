//! Where a JSON pointer is in the YAML text, so a problem found in the typed document can still
//! be shown at its line and column.
//!
//! serde_yaml's values carry no positions, so the text is read a second time, as a stream of
//! events with marks (yaml-rust2), and only when there are problems to place: a clean run never
//! pays for it. A mapping entry is placed at its key (`operationId:`), a sequence item at the item.
//! A pointer to something the text does not have (a missing field, a derived name) is placed at
//! the nearest ancestor that it does have.

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diagnostics::{Diagnostics, JsonPointer};

/// Fills in the line and column of every diagnostic that has none, from `text`, and puts them in
/// document order (those that cannot be placed last, in the order they were found).
pub fn place(diagnostics: &mut Diagnostics, text: &str) {
    fill(diagnostics, text);
    diagnostics
        .0
        .sort_by_key(|d| d.line_column.unwrap_or((usize::MAX, usize::MAX)));
}

fn fill(diagnostics: &mut Diagnostics, text: &str) {
    let unplaced: Vec<&JsonPointer> = diagnostics
        .0
        .iter()
        .filter(|d| d.line_column.is_none())
        .map(|d| &d.pointer)
        .collect();
    if unplaced.is_empty() {
        return;
    }
    let found = positions(text, unplaced.iter().copied());
    for diagnostic in diagnostics.0.iter_mut().filter(|d| d.line_column.is_none()) {
        diagnostic.line_column =
            ancestors(&diagnostic.pointer).find_map(|p| found.get(&p).copied());
    }
}

/// The (line, column), both from 1, of each of `pointers` (or of their ancestors) that `text` has.
pub fn positions<'p>(
    text: &str,
    pointers: impl IntoIterator<Item = &'p JsonPointer>,
) -> HashMap<JsonPointer, (usize, usize)> {
    let wanted: HashSet<JsonPointer> = pointers.into_iter().flat_map(ancestors).collect();
    let mut recorder = Recorder {
        wanted,
        found: HashMap::new(),
        stack: Vec::new(),
        root_done: false,
    };
    // A document yaml-rust2 cannot read (serde_yaml read it, or we would not be here) simply
    // leaves the rest unplaced: what was recorded before the error is still right.
    let _ = Parser::new_from_str(text).load(&mut recorder, false);
    // yaml-rust2 counts columns from 0; serde_yaml, editors and people count from 1.
    recorder
        .found
        .into_iter()
        .map(|(pointer, mark)| (pointer, (mark.line(), mark.col() + 1)))
        .collect()
}

/// `pointer`, its parent, and so on up to the root.
fn ancestors(pointer: &JsonPointer) -> impl Iterator<Item = JsonPointer> {
    let segments: Vec<String> = pointer.segments().collect();
    (0..=segments.len()).rev().map(move |len| {
        segments[..len]
            .iter()
            .fold(JsonPointer::root(), |p, s| p.push(s))
    })
}

/// An open mapping or sequence. `pointer` is `None` inside a complex mapping key, which no
/// JSON pointer can name.
enum Frame {
    Mapping {
        pointer: Option<JsonPointer>,
        /// The key just read and where it is, when the next node is its value.
        key: Option<(String, Marker)>,
    },
    Sequence {
        pointer: Option<JsonPointer>,
        next_index: usize,
    },
}

struct Recorder {
    wanted: HashSet<JsonPointer>,
    found: HashMap<JsonPointer, Marker>,
    stack: Vec<Frame>,
    root_done: bool,
}

impl Recorder {
    /// Works out the pointer of a node that starts at `mark`, and where to show it.
    fn node_start(&mut self, scalar: Option<&str>, mark: Marker) -> Option<JsonPointer> {
        match self.stack.last_mut() {
            None => {
                if std::mem::replace(&mut self.root_done, true) {
                    return None;
                }
                let root = JsonPointer::root();
                self.record(&root, mark);
                Some(root)
            }
            Some(Frame::Mapping { pointer, key }) => match key.take() {
                None => {
                    // This node is a key: a scalar names the entry; anything else cannot.
                    let name = scalar.map_or_else(|| "?".to_owned(), str::to_owned);
                    *key = Some((name, mark));
                    let mapping = pointer.clone();
                    if let Some(mapping) = mapping {
                        self.record(&mapping, mark);
                    }
                    None
                }
                Some((name, key_mark)) => {
                    let child = pointer.as_ref()?.push(&name);
                    self.record(&child, key_mark);
                    Some(child)
                }
            },
            Some(Frame::Sequence {
                pointer,
                next_index,
            }) => {
                let child = pointer.as_ref()?.push(*next_index);
                *next_index += 1;
                self.record(&child, mark);
                Some(child)
            }
        }
    }

    /// Keeps the earliest mark seen for a node: a block mapping's start event is marked at its
    /// first `:`, so the first key (recorded next) is where the mapping really starts.
    fn record(&mut self, pointer: &JsonPointer, mark: Marker) {
        if !self.wanted.contains(pointer) {
            return;
        }
        let earliest = self.found.entry(pointer.clone()).or_insert(mark);
        if mark.index() < earliest.index() {
            *earliest = mark;
        }
    }

    /// Whether the node about to start is a mapping key (whose contents no pointer names).
    fn is_key_next(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Mapping { key: None, .. }))
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, ..) => {
                self.node_start(Some(&value), mark);
            }
            Event::Alias(_) => {
                self.node_start(None, mark);
            }
            Event::MappingStart(..) => {
                let is_key = self.is_key_next();
                let pointer = self.node_start(None, mark).filter(|_| !is_key);
                self.stack.push(Frame::Mapping { pointer, key: None });
            }
            Event::SequenceStart(..) => {
                let is_key = self.is_key_next();
                let pointer = self.node_start(None, mark).filter(|_| !is_key);
                self.stack.push(Frame::Sequence {
                    pointer,
                    next_index: 0,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, pointer: &str) -> Option<(usize, usize)> {
        let pointer = JsonPointer::from_fragment(pointer).unwrap();
        let found = positions(text, [&pointer]);
        ancestors(&pointer).find_map(|p| found.get(&p).copied())
    }

    const TEXT: &str = "\
openapi: 3.0.1
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {name: id, in: path}
        - name: \"b\"
          in: query
      responses:
        200: {description: ok}
";

    #[test]
    fn entries_are_placed_at_their_keys_and_items_at_themselves() {
        assert_eq!(at(TEXT, "#"), Some((1, 1)));
        assert_eq!(at(TEXT, "#/openapi"), Some((1, 1)));
        assert_eq!(at(TEXT, "#/paths/~1things~1{id}/get"), Some((4, 5)));
        assert_eq!(
            at(TEXT, "#/paths/~1things~1{id}/get/operationId"),
            Some((5, 7))
        );
        assert_eq!(
            at(TEXT, "#/paths/~1things~1{id}/get/parameters/0"),
            Some((7, 11))
        );
        assert_eq!(
            at(TEXT, "#/paths/~1things~1{id}/get/parameters/0/in"),
            Some((7, 22))
        );
        assert_eq!(
            at(TEXT, "#/paths/~1things~1{id}/get/parameters/1/in"),
            Some((9, 11))
        );
        assert_eq!(
            at(TEXT, "#/paths/~1things~1{id}/get/responses/200/description"),
            Some((11, 15))
        );
    }

    #[test]
    fn missing_nodes_are_placed_at_their_nearest_ancestor() {
        assert_eq!(
            at(TEXT, "#/paths/~1things~1{id}/get/requestBody/content"),
            Some((4, 5))
        );
    }

    #[test]
    fn complex_keys_and_unreadable_text_do_not_confuse_it() {
        let text = "a:\n  ? [x, y]\n  : {b: 1}\n  c: 2\n";
        assert_eq!(at(text, "#/a/c"), Some((4, 3)));
        // Nodes read before the syntax error are still placed.
        assert_eq!(at("a: [1, 2\n", "#/a/1"), Some((1, 8)));
        assert_eq!(at("a: [1, 2\n", "#/a/5"), Some((1, 1)));
    }
}
