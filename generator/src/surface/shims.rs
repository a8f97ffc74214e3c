//! Which old names a regeneration keeps as deprecated shims: methods, request builders and
//! types the previous `API.md` had that the fresh plan has under another name with the same wire
//! identity (the renames [`super::diff`] finds: a method with the same HTTP method, path and
//! version; a type with the same members), plus the shims of the previous regeneration when the
//! spec has not changed since (so regenerating twice, or `--check`, gives the same crate). A
//! shim lives for one spec change: the next regeneration from another spec drops it, and the
//! report says so as breaking.

use std::collections::BTreeSet;

use super::diff::renames;
use super::{Section, Surface};
use crate::plan::{Shim, ShimTarget};

/// How many hex digits of the spec's sha256 a shim records.
const SINCE_DIGITS: usize = 12;

/// The shims for a crate whose previous surface is `old` and whose fresh one (without shims)
/// is `fresh`, generated from a spec whose sha256 is `spec_sha256`.
pub fn shims(old: &Surface, fresh: &Surface, spec_sha256: &str) -> Vec<Shim> {
    let since: String = spec_sha256.chars().take(SINCE_DIGITS).collect();
    let taken = |section: Section, name: &str| {
        fresh
            .items(section)
            .any(|(key, _)| key.is_owner() && key.owner == name)
    };
    let mut shims = BTreeSet::new();
    // The previous regeneration's, when it was from this same spec and the target is still there.
    for (key, item) in old.items(Section::Shims) {
        let (Some(Some(target)), Some(Some(made))) = (item.attr("renamed-to"), item.attr("since"))
        else {
            continue;
        };
        if made != since {
            continue;
        }
        let shim = match (
            key.owner.strip_prefix("Client::"),
            target.strip_prefix("Client::"),
        ) {
            (Some(old_name), Some(new)) if taken(Section::Methods, target) => {
                shim(old_name, ShimTarget::Method(new.to_owned()), &since)
            }
            (None, None) if taken(Section::Types, target) => {
                shim(&key.owner, ShimTarget::Type(target.to_owned()), &since)
            }
            (None, None) if is_builder(fresh, target) => {
                shim(&key.owner, ShimTarget::Builder(target.to_owned()), &since)
            }
            (None, None) if taken(Section::ResponseEnums, target) => shim(
                &key.owner,
                ShimTarget::ResponseEnum(target.to_owned()),
                &since,
            ),
            _ => continue,
        };
        shims.insert(shim);
    }
    for (old_name, new_name) in renames(Section::Methods, old, fresh) {
        let (Some(old_method), Some(new_method)) = (
            old_name.strip_prefix("Client::"),
            new_name.strip_prefix("Client::"),
        ) else {
            continue;
        };
        shims.insert(shim(
            old_method,
            ShimTarget::Method(new_method.to_owned()),
            &since,
        ));
        let builder = |surface: &Surface, name: &str| {
            surface
                .items(Section::Methods)
                .find(|(key, _)| key.is_owner() && key.owner == name)
                .and_then(|(_, item)| item.attr("builder").flatten().map(str::to_owned))
        };
        if let (Some(was), Some(is)) = (builder(old, &old_name), builder(fresh, &new_name)) {
            if was != is && !taken(Section::Types, &was) && !is_builder(fresh, &was) {
                shims.insert(shim(&was, ShimTarget::Builder(is), &since));
            }
        }
    }
    for (old_name, new_name) in renames(Section::Types, old, fresh) {
        // A request shape lives in `types::request` and follows its type's rename.
        if !old_name.contains("::") && !is_builder(fresh, &old_name) {
            shims.insert(shim(&old_name, ShimTarget::Type(new_name), &since));
        }
    }
    for (old_name, new_name) in renames(Section::ResponseEnums, old, fresh) {
        if !taken(Section::Types, &old_name) && !is_builder(fresh, &old_name) {
            shims.insert(shim(&old_name, ShimTarget::ResponseEnum(new_name), &since));
        }
    }
    shims.into_iter().collect()
}

fn shim(old: &str, target: ShimTarget, since: &str) -> Shim {
    Shim {
        old: old.to_owned(),
        target,
        since: since.to_owned(),
    }
}

/// Whether `name` is the request builder of a method of `surface`.
fn is_builder(surface: &Surface, name: &str) -> bool {
    surface
        .items(Section::Methods)
        .any(|(key, item)| key.is_owner() && item.attr("builder") == Some(Some(name)))
}
