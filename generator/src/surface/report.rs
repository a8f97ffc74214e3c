//! The change report: the changes of a regeneration, grouped by severity, with the version the
//! generated crate should get next.
//!
//! Versions follow Cargo's SemVer rules, where for a `0.y.z` crate `y` plays the part of the
//! major number: breaking changes bump `0.y` to `0.(y+1).0` (`1.x` to `2.0.0` past 1.0),
//! additive ones bump the patch number before 1.0 and the minor one after it, and the rest the
//! patch number. A new value of a generated enum (or a new union variant) is additive: the enums
//! are `#[non_exhaustive]`, so code matching one has a wildcard arm already, and decoding never
//! broke (the value used to arrive as the fallback variant).

use super::diff::{Changes, Severity};

/// The version bump a set of changes calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// No change to the API.
    None,
    /// Nothing a user's code can see changed in shape.
    Patch,
    /// New things to use.
    Minor,
    /// Something a user's code may depend on changed or went away.
    Major,
}

impl Bump {
    /// The bump for these changes.
    pub fn of(changes: &Changes) -> Bump {
        if changes.has_breaking() {
            Bump::Major
        } else if changes.count(Severity::Additive) > 0 {
            Bump::Minor
        } else if changes.changes.is_empty() {
            Bump::None
        } else {
            Bump::Patch
        }
    }

    /// The next version after `version` (`major.minor.patch`), by Cargo's rules; `None` when
    /// the version is not three numbers.
    pub fn next(self, version: &str) -> Option<String> {
        let numbers: Vec<u64> = version
            .split('.')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        let [major, minor, patch] = numbers[..] else {
            return None;
        };
        let next = match (self, major) {
            (Bump::None, _) => (major, minor, patch),
            (Bump::Major, 0) => (0, minor + 1, 0),
            (Bump::Major, _) => (major + 1, 0, 0),
            (Bump::Minor, 0) | (Bump::Patch, _) => (major, minor, patch + 1),
            (Bump::Minor, _) => (major, minor + 1, 0),
        };
        Some(format!("{}.{}.{}", next.0, next.1, next.2))
    }
}

/// The report as Markdown: one line when nothing changed, else the counts, the suggested
/// version and the changes grouped as breaking, additive and other.
pub fn report(changes: &Changes) -> String {
    let name = &changes.crate_name;
    let bump = Bump::of(changes);
    if bump == Bump::None {
        return format!("`{name}`: no API changes\n");
    }
    let mut out = format!("## API changes in `{name}`\n\n");
    let counts = [Severity::Breaking, Severity::Additive, Severity::Other]
        .map(|severity| changes.count(severity));
    out.push_str(&format!(
        "{} breaking, {} additive, {} other.{}\n",
        counts[0],
        counts[1],
        counts[2],
        suggestion(bump, changes)
    ));
    let groups = [
        (
            Severity::Breaking,
            "Breaking",
            "code that compiled may not, or may mean something else",
        ),
        (Severity::Additive, "Additive", "new things to use"),
        (
            Severity::Other,
            "Other",
            "visible in behaviour or docs, not in the code you write",
        ),
    ];
    for (severity, title, meaning) in groups {
        let lines: Vec<String> = changes
            .changes
            .iter()
            .filter(|c| c.severity == severity)
            .map(|c| {
                let note = if c.new_enum_value { " (*)" } else { "" };
                format!("- {}{note}\n", c.text)
            })
            .collect();
        if !lines.is_empty() {
            out.push_str(&format!("\n### {title} ({meaning})\n\n{}", lines.concat()));
        }
    }
    if changes.changes.iter().any(|c| c.new_enum_value) {
        out.push_str(ENUM_NOTE);
    }
    out
}

const ENUM_NOTE: &str =
    "\n(*) A new enum value (or union variant) decodes where it used to arrive \
as the fallback variant (`Unknown(..)`): the generated enums are `#[non_exhaustive]`, so code that \
matches them compiles as before, but an arm on the fallback no longer sees the value.\n";

fn suggestion(bump: Bump, changes: &Changes) -> String {
    let version = &changes.old_version;
    let Some(next) = bump.next(version) else {
        return String::new();
    };
    let zero = version.starts_with("0.");
    let why = match bump {
        Bump::Major if zero => {
            "breaking; before 1.0 Cargo's SemVer treats the minor number as the major"
        }
        Bump::Major => "breaking: a new major version",
        Bump::Minor if zero => "additive only; before 1.0 a patch bump",
        Bump::Minor => "additive only: a new minor version",
        Bump::Patch | Bump::None => "no change to the API's shape",
    };
    format!(" Suggested version: `{version}` → `{next}` ({why}).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bumps_follow_cargo_semver() {
        assert_eq!(Bump::Major.next("0.1.3").as_deref(), Some("0.2.0"));
        assert_eq!(Bump::Major.next("1.4.2").as_deref(), Some("2.0.0"));
        assert_eq!(Bump::Minor.next("0.1.3").as_deref(), Some("0.1.4"));
        assert_eq!(Bump::Minor.next("1.4.2").as_deref(), Some("1.5.0"));
        assert_eq!(Bump::Patch.next("1.4.2").as_deref(), Some("1.4.3"));
        assert_eq!(Bump::Major.next("one"), None);
    }
}
