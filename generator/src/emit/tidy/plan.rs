//! Deciding, for one file, which short names it may write: prelude names unless shadowed, and
//! imports for other absolute paths unless the short name is ambiguous in the file.

use std::collections::{BTreeMap, BTreeSet};

use super::path_shape::split_key;
use super::prelude::is_reserved;
use super::survey::{Condition, Survey};

/// What the rewrite writes instead of absolute paths, and the imports that makes necessary.
pub struct Plan {
    /// Names a prelude path may not be shortened to: the crate's and the file's own.
    shadowed: BTreeSet<String>,
    /// Whether the file imports a glob, under which any prelude name may be shadowed.
    has_glob: bool,
    /// Importable prefix (`crate::types::Link`) to the segments written instead (`Link`).
    pub replacements: BTreeMap<String, Vec<String>>,
    /// The `use` paths to add (`crate::types::Link`, `std::fmt`) and where their users are.
    pub imports: BTreeMap<String, BTreeSet<Condition>>,
    /// The import each replacement relies on, if any.
    import_of: BTreeMap<String, String>,
}

/// Short names given out so far, each to one key (a prefix such as `::std::fmt`).
type Claims = BTreeMap<String, String>;

impl Plan {
    /// The plan for a surveyed file of a crate that defines `crate_names`, whose own items can
    /// also be named through `own_modules` (`crate::types` for a models file).
    pub fn new(survey: &Survey, crate_names: &BTreeSet<String>, own_modules: &[String]) -> Self {
        let mut plan = Plan {
            shadowed: crate_names.union(&survey.defined).cloned().collect(),
            has_glob: survey.has_glob,
            replacements: BTreeMap::new(),
            imports: BTreeMap::new(),
            import_of: BTreeMap::new(),
        };
        let mut pending = Vec::new();
        for key in survey.importable.keys() {
            let (external, segments) = split_key(key);
            let (name, module) = segments.split_last().unwrap_or((&"", &[]));
            let own = !external && own_modules.contains(&module.join("::"));
            if own && survey.defined.contains(*name) {
                plan.replacements
                    .insert(key.clone(), vec![(*name).to_owned()]);
            } else if !external || !survey.mentions(segments[0]) {
                pending.push(key.as_str());
            }
        }
        let mut claims = Claims::new();
        let refused = claim(survey, &pending, &mut claims);
        // A refused item is written through its module instead: `fmt::Result`, not `Result`.
        let parents: Vec<&str> = refused
            .iter()
            .filter_map(|key| key.rsplit_once("::").map(|(parent, _)| parent))
            .filter(|parent| !parent.is_empty() && *parent != "crate")
            .collect();
        claim(survey, &parents, &mut claims);
        let short: BTreeMap<&str, &str> = claims
            .iter()
            .map(|(name, key)| (key.as_str(), name.as_str()))
            .collect();
        for key in pending {
            let written = match short.get(key) {
                Some(name) => vec![(*name).to_owned()],
                None => match key
                    .rsplit_once("::")
                    .and_then(|(p, n)| Some((short.get(p)?, n)))
                {
                    Some((module, name)) => vec![(*module).to_owned(), name.to_owned()],
                    None => continue,
                },
            };
            plan.add_import(survey, key, &written);
            plan.replacements.insert(key.to_owned(), written);
        }
        plan
    }

    /// Whether the prelude name `name` means the prelude's item in this file.
    pub fn prelude_ok(&self, name: &str) -> bool {
        !self.has_glob && !self.shadowed.contains(name)
    }

    /// Records the import that lets `key` be written as `written`, under the conditions of the
    /// code that uses it. A crate's root needs none: `serde_json` names it in every module.
    fn add_import(&mut self, survey: &Survey, key: &str, written: &[String]) {
        let (external, segments) = split_key(key);
        let imported = &segments[..=segments.len() - written.len()];
        if external && imported.len() == 1 {
            return;
        }
        let import = imported.join("::");
        let conditions = self.imports.entry(import.clone()).or_default();
        conditions.extend(survey.importable[key].iter().cloned());
        self.import_of.insert(key.to_owned(), import);
    }

    /// How a doc link on code under `conditions` may write `key`: only where the import it
    /// relies on is certainly there (rustdoc would otherwise find the link broken).
    pub fn written_in_docs(&self, key: &str, conditions: &Condition) -> Option<String> {
        let written = self.replacements.get(key)?;
        if let Some(import) = self.import_of.get(key) {
            let sites = &self.imports[import];
            if !sites.contains(&Vec::new()) && !sites.contains(conditions) {
                return None;
            }
        }
        Some(written.join("::"))
    }
}

/// Gives each of `keys` its last segment as its short name when that name is unambiguous among
/// them, appears nowhere in the file and is not the prelude's; returns the keys refused.
fn claim<'k>(survey: &Survey, keys: &[&'k str], claims: &mut Claims) -> Vec<&'k str> {
    let mut by_name: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for key in keys {
        let name = key.rsplit("::").next().unwrap_or(key);
        by_name.entry(name).or_default().insert(key);
    }
    let mut refused = Vec::new();
    for (name, keys) in by_name {
        let only = match (keys.len(), keys.first()) {
            (1, Some(key)) => *key,
            _ => {
                refused.extend(keys);
                continue;
            }
        };
        let free = !survey.mentions(name) && !is_reserved(name);
        let same = claims.get(name).is_none_or(|claimed| claimed == only);
        if free && same {
            claims.insert(name.to_owned(), only.to_owned());
        } else {
            refused.push(only);
        }
    }
    refused
}
