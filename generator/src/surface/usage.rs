//! Which renamed types became which, told by the methods that use them. Types with the same
//! members look alike (Atlas has many inline enums of the same values, one per operation that
//! takes them): pairing them by name order alone can pair `ListPeeringConnectionsProviderName`
//! with `ListGroupContainersProviderName` when `list_peering_connections` became
//! `list_group_peers`, whose parameter is `ListGroupPeersProviderName`. The methods say which:
//! where a method (kept, or renamed with its wire identity) named one type before and another
//! now, in the same parameter or in what it returns or takes as body, the first became the
//! second.

use std::collections::BTreeMap;

use super::{Item, Key, Section, Surface};

/// The attributes of a method that name types.
const TYPE_ATTRS: [&str; 3] = ["returns", "body", "optional-body"];

/// Old type name → new type name, as the methods in `method_pairs` (old name → new name; kept
/// methods map to themselves) use them.
pub(super) fn renamed_by_use(
    old: &Surface,
    new: &Surface,
    method_pairs: &[(&str, &str)],
) -> BTreeMap<String, String> {
    let (before, after) = (by_method(old), by_method(new));
    let mut hints = BTreeMap::new();
    for (old_method, new_method) in method_pairs {
        let (Some(was), Some(is)) = (before.get(old_method), after.get(new_method)) else {
            continue;
        };
        for (slot, was_type) in was {
            if let Some(is_type) = is.get(slot) {
                pair_words(was_type, is_type, &mut hints);
            }
        }
    }
    hints
}

/// Each method's type-naming slots (`returns`, `body`, a parameter's member name) and the type
/// text in them.
fn by_method(surface: &Surface) -> BTreeMap<&str, BTreeMap<String, &str>> {
    let mut methods: BTreeMap<&str, BTreeMap<String, &str>> = BTreeMap::new();
    for (Key { owner, member }, item) in surface.items(Section::Methods) {
        let slots = methods.entry(owner.as_str()).or_default();
        if member.is_empty() {
            for attr in TYPE_ATTRS {
                if let Some(Some(text)) = item.attr(attr) {
                    slots.insert(attr.to_owned(), text);
                }
            }
        } else if let Some(value) = value_of(item) {
            slots.insert(member.clone(), value);
        }
    }
    methods
}

fn value_of(item: &Item) -> Option<&str> {
    item.value.as_deref()
}

/// Pairs the words that differ between two type texts of the same shape
/// (`Option<ListPeeringConnectionsProviderName>` and `Option<ListGroupPeersProviderName>`).
fn pair_words(was: &str, is: &str, hints: &mut BTreeMap<String, String>) {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (was, is) = (words(was), words(is));
    if was.len() != is.len() {
        return;
    }
    for (from, to) in was.into_iter().zip(is) {
        if from != to {
            hints.entry(from).or_insert(to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_words_of_the_same_shape_pair_up() {
        let mut hints = BTreeMap::new();
        pair_words("Option<Vec<OldName>>", "Option<Vec<NewName>>", &mut hints);
        pair_words("Option<A>", "Vec<Option<B>>", &mut hints);
        assert_eq!(
            hints.into_iter().collect::<Vec<_>>(),
            [("OldName".to_owned(), "NewName".to_owned())]
        );
    }
}
