//! Gathering what several places print alike, keyed by everything they print, with the
//! features of those places: the shared setters (`setters`) and flag entries (`shared_flags`).

use std::collections::{BTreeMap, BTreeSet};

use super::{FeatureId, Gate};

/// Each printed thing (by its key): the first place's value and the features of the places
/// that print it.
pub(super) struct Tally<T> {
    seen: BTreeMap<String, (T, BTreeSet<FeatureId>)>,
}

impl<T> Tally<T> {
    pub(super) fn new() -> Self {
        Tally {
            seen: BTreeMap::new(),
        }
    }

    /// Notes one more place printing `key`, in `feature`; `value` is kept from the first.
    pub(super) fn note(&mut self, key: String, value: impl FnOnce() -> T, feature: FeatureId) {
        let entry = self
            .seen
            .entry(key)
            .or_insert_with(|| (value(), BTreeSet::new()));
        entry.1.insert(feature);
    }

    /// Each printed thing, in key order: its key, value, and the gate of the places that print
    /// it.
    pub(super) fn into_entries(self) -> impl Iterator<Item = (String, T, Gate)> {
        (self.seen.into_iter()).map(|(key, (value, features))| {
            (key, value, Gate::AnyOf(features.into_iter().collect()))
        })
    }
}
