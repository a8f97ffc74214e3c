//! The API version each operation's plain method called in an earlier crate, read from its
//! `API.md`, so that a regeneration keeps it there (`plan::PlanOptions::pinned_versions`).

use std::collections::BTreeMap;

use super::{Section, Surface};

/// By HTTP method and path (`GET /widgets/{id}`), the version the operation's plain method
/// called (`None`: unversioned). The plain method is the operation's shortest method name: the
/// others add a version or format suffix to it.
pub fn pinned_versions(old: &Surface) -> BTreeMap<String, Option<String>> {
    let mut plain: BTreeMap<&str, (&str, Option<String>)> = BTreeMap::new();
    let methods = old
        .items(Section::Methods)
        .filter(|(key, _)| key.is_owner());
    for (key, item) in methods {
        let Some(Some(call)) = item.attr("http") else {
            continue;
        };
        let version = item.attr("version").flatten().map(str::to_owned);
        let name = key.owner.as_str();
        let shorter =
            |(known, _): &(&str, Option<String>)| (name.len(), name) < (known.len(), *known);
        if plain.get(call).is_none_or(shorter) {
            plain.insert(call, (name, version));
        }
    }
    plain
        .into_iter()
        .map(|(call, (_, version))| (call.to_owned(), version))
        .collect()
}
