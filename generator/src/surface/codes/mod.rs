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
//!
//! Here is what a change is (its kind and subject) and [`annotate`], which fills in both; the
//! operations an item concerns are found in `operations.rs`, the codes chosen in `rules.rs`, and
//! our own codes are listed in [`ours`].

mod operations;
pub mod ours;
mod rules;

use std::collections::BTreeSet;
use std::fmt;

use super::diff::Change;
use super::Surface;
use operations::Directions;
pub use operations::Usage;
use rules::codes;

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
