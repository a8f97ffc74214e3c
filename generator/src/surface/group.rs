//! Lines of a report that say one thing many times, told once: older API versions a spec newly
//! lists for its operations, and items that the same regrouping of cargo features moves.

use std::collections::{BTreeMap, BTreeSet};

use super::codes::{Kind, OperationRef, Subject};
use super::diff::{versions_by_call, Change, Severity, VersionsByCall};
use super::{Section, Surface};

/// How many names a grouped line shows before `and N more`.
const SHOWN: usize = 5;

/// The changes with the new methods and new API versions of operations whose added versions
/// are all older than every version the old surface had (a spec that listed only the newest
/// version of each operation, followed by one listing them all) replaced by one line.
pub fn backfilled_versions(changes: Vec<Change>, old: &Surface, new: &Surface) -> Vec<Change> {
    let (before, after) = (versions_by_call(old), versions_by_call(new));
    let (versions, calls) = backfilled(&before, &after);
    if versions.is_empty() {
        return changes;
    }
    // The methods calling those versions, and the response enums only they answer with.
    let methods: BTreeSet<&str> = (new.items(Section::Methods))
        .filter(|(key, item)| {
            let http = item.attr("http").flatten().unwrap_or_default();
            let version = item.attr("version").flatten().unwrap_or("unversioned");
            key.is_owner() && calls.contains(&(http, version))
        })
        .map(|(key, _)| key.owner.as_str())
        .collect();
    let enums: BTreeSet<&str> = (new.items(Section::ResponseEnums))
        .filter(|(key, item)| {
            key.is_owner() && methods.contains(item.attr("method").flatten().unwrap_or_default())
        })
        .map(|(key, _)| key.owner.as_str())
        .collect();
    let told = |change: &Change| -> bool {
        match (&change.kind, &change.subject) {
            (Kind::Added { .. }, Subject::Item { owner, old: false }) => {
                (change.section == Section::Methods && methods.contains(owner.as_str()))
                    || (change.section == Section::ResponseEnums && enums.contains(owner.as_str()))
            }
            (Kind::VersionAdded, Subject::Operations(at)) => {
                at.iter().all(|at| versions.contains(at))
            }
            _ => false,
        }
    };
    let first = changes.iter().position(told).unwrap_or(changes.len());
    let operations: BTreeSet<&str> = versions.iter().map(|v| v.operation.as_str()).collect();
    let mut shown: Vec<&str> = methods.iter().copied().collect();
    let text = format!(
        "older API versions newly listed for {}: {} ({})",
        count(operations.len(), "operation"),
        count(methods.len(), "new method"),
        names(&mut shown),
    );
    let line = Change::new(
        Severity::Additive,
        Section::Methods,
        ("API version", Kind::VersionsBackfilled),
        Subject::Operations(versions.iter().cloned().collect()),
        text,
    );
    let mut out = Vec::with_capacity(changes.len());
    let mut line = Some(line);
    for (at, change) in changes.into_iter().enumerate() {
        if at == first {
            out.extend(line.take());
        }
        if !told(&change) {
            out.push(change);
        }
    }
    out.extend(line);
    out
}

/// The versions each call (`GET /path`) newly lists that are all older than every version it
/// listed before, with the operation they belong to.
fn backfilled<'s>(
    before: &VersionsByCall<'s>,
    after: &VersionsByCall<'s>,
) -> (BTreeSet<OperationRef>, BTreeSet<(&'s str, &'s str)>) {
    let mut versions: BTreeSet<OperationRef> = BTreeSet::new();
    let mut calls: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (call, (operation, is)) in after {
        let Some((_, was)) = before.get(call) else {
            continue;
        };
        let added: Vec<&str> = is.difference(was).copied().collect();
        let oldest = was.first().copied().unwrap_or_default();
        let dated = |v: &str| v != "unversioned";
        if added.is_empty() || !was.iter().all(|v| dated(v)) {
            continue;
        }
        if added.iter().all(|v| dated(v) && *v < oldest) {
            for version in added {
                versions.insert(OperationRef {
                    operation: (*operation).to_owned(),
                    version: version.to_owned(),
                });
                calls.insert((*call, version));
            }
        }
    }
    (versions, calls)
}

/// The changes with the feature lines of several items of a section that gained and lost the
/// same features, with the same severity, replaced by one line in the first one's place.
pub fn features(changes: Vec<Change>) -> Vec<Change> {
    type GroupKey = (Section, Severity, Vec<String>, Vec<String>);
    let key = |change: &Change| -> Option<GroupKey> {
        match &change.kind {
            Kind::Features { added, removed } => Some((
                change.section,
                change.severity,
                added.clone(),
                removed.clone(),
            )),
            _ => None,
        }
    };
    let mut groups: BTreeMap<GroupKey, Vec<String>> = BTreeMap::new();
    for change in &changes {
        if let (Some(key), Subject::Item { owner, .. }) = (key(change), &change.subject) {
            groups.entry(key).or_default().push(owner.clone());
        }
    }
    let mut out = Vec::with_capacity(changes.len());
    for change in changes {
        let Some(key) = key(&change) else {
            out.push(change);
            continue;
        };
        let Some(items) = groups.remove(&key) else {
            // Told by the group's line already.
            continue;
        };
        if items.len() < 2 {
            out.push(change);
            continue;
        }
        let (section, severity, added, removed) = key;
        let list = |features: &[String], what: &str| {
            let quoted: Vec<String> = features.iter().map(|f| format!("`{f}`")).collect();
            (!quoted.is_empty()).then(|| format!("{} {what}", quoted.join(", ")))
        };
        let delta: Vec<String> = [list(&removed, "removed"), list(&added, "added")]
            .into_iter()
            .flatten()
            .collect();
        let mut shown: Vec<&str> = items.iter().map(String::as_str).collect();
        let text = format!(
            "features of {}: {} ({})",
            count(shown.len(), section.noun()),
            delta.join(", "),
            names(&mut shown),
        );
        let what = (change.noun, Kind::Features { added, removed });
        out.push(Change::new(severity, section, what, Subject::Nothing, text));
    }
    out
}

/// `1 type`, `3 types`.
fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

/// Up to [`SHOWN`] names in backquotes, then how many more.
fn names(names: &mut [&str]) -> String {
    names.sort_unstable();
    let mut text: Vec<String> = names.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    if names.len() > SHOWN {
        text.push(format!("and {} more", names.len() - SHOWN));
    }
    text.join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::{diff, parse};
    use super::*;

    fn surface(lines: &str) -> Surface {
        parse(&format!("# API of `demo` 0.1.0\n{lines}")).unwrap()
    }

    /// A spec listing only the newest version of two operations, then all of them.
    #[test]
    fn older_versions_newly_listed_are_one_line() {
        let old = surface(
            "## Methods\n\n\
             - `Client::get_a`: http `GET /a` operation `getA` version `2024-08-05` returns `()`\n\
             - `Client::get_b`: http `GET /b` operation `getB` version `2025-01-01` returns `()`\n",
        );
        let new = surface(
            "## Methods\n\n\
             - `Client::get_a`: http `GET /a` operation `getA` version `2024-08-05` returns `()`\n\
             - `Client::get_a_v2023_01_01`: http `GET /a` operation `getA` version `2023-01-01` returns `()`\n\
             - `Client::get_b`: http `GET /b` operation `getB` version `2025-01-01` returns `()`\n\
             - `Client::get_b_v2023_01_01`: http `GET /b` operation `getB` version `2023-01-01` returns `()`\n\
             - `Client::get_b_v2024_08_05`: http `GET /b` operation `getB` version `2024-08-05` returns `()`\n\
             - `Client::get_c`: http `GET /c` operation `getC` version `2023-01-01` returns `()`\n",
        );
        let changes = diff(&old, &new).changes;
        let texts: Vec<&str> = changes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "older API versions newly listed for 2 operations: 3 new methods \
                 (`Client::get_a_v2023_01_01`, `Client::get_b_v2023_01_01`, \
                 `Client::get_b_v2024_08_05`)",
                // A new operation is not an older version of an old one.
                "new method `Client::get_c` (`GET /c`, version `2023-01-01`)",
            ]
        );
        let at: Vec<String> = changes[0]
            .operations
            .iter()
            .map(|o| o.to_string())
            .collect();
        assert_eq!(
            at,
            [
                "`getA` 2023-01-01",
                "`getB` 2023-01-01",
                "`getB` 2024-08-05"
            ]
        );
        assert_eq!(changes[0].codes, ["endpoint-added"]);
    }

    #[test]
    fn a_newer_version_is_not_grouped() {
        let old = surface(
            "## Methods\n\n\
             - `Client::get_a`: http `GET /a` operation `getA` version `2023-01-01` returns `()`\n",
        );
        let new = surface(
            "## Methods\n\n\
             - `Client::get_a`: http `GET /a` operation `getA` version `2024-08-05` returns `()`\n\
             - `Client::get_a_v2023_01_01`: http `GET /a` operation `getA` version `2023-01-01` returns `()`\n",
        );
        let changes = diff(&old, &new).changes;
        assert!(changes.iter().all(|c| c.kind != Kind::VersionsBackfilled));
        let added = changes.iter().find(|c| c.kind == Kind::VersionAdded);
        let added = added.expect("the new version has its line");
        assert_eq!(added.codes, ["endpoint-added"]);
        assert_eq!(added.operations[0].to_string(), "`getA` 2024-08-05");
    }

    #[test]
    fn a_features_regrouping_is_one_line_per_change_of_features() {
        let old = surface(
            "## Types\n\n\
             - `A`: struct features `widgets`\n\
             - `B`: struct features `widgets`\n\
             - `C`: enum features `gadgets, widgets`\n\
             - `D`: enum features `widgets`\n",
        );
        let new = surface(
            "## Types\n\n\
             - `A`: struct features `gadgets, widgets`\n\
             - `B`: struct features `gadgets, widgets`\n\
             - `C`: enum features `gadgets`\n\
             - `D`: enum features `gadgets`\n",
        );
        let changes = diff(&old, &new).changes;
        let lines: Vec<(Severity, &str)> = changes
            .iter()
            .map(|c| (c.severity, c.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    Severity::Additive,
                    "features of 2 types: `gadgets` added (`A`, `B`)"
                ),
                // `C` lost `widgets` only; `D` swapped one for the other.
                (
                    Severity::Breaking,
                    "`C`: features `gadgets, widgets` → `gadgets`"
                ),
                (Severity::Breaking, "`D`: features `widgets` → `gadgets`"),
            ]
        );
        assert!(changes.iter().all(|c| c.codes == ["x-rust-features"]));
    }
}
