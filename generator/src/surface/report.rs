//! The change report: the changes of a regeneration, grouped by severity, with the version the
//! generated crate should get next.
//!
//! Versions follow Cargo's SemVer rules, where for a `0.y.z` crate `y` plays the part of the
//! major number: breaking changes bump `0.y` to `0.(y+1).0` (`1.x` to `2.0.0` past 1.0),
//! additive ones bump the patch number before 1.0 and the minor one after it, and the rest the
//! patch number. A new value of a generated enum (or a new union variant) is additive: the enums
//! are `#[non_exhaustive]`, so code matching one has a wildcard arm already, and decoding never
//! broke (the value used to arrive as the fallback variant).
//!
//! Each line ends with its change codes (oasdiff's names, as MongoDB's API changelog uses them,
//! or ours, `x-rust-…`), the API versions of operations it concerns, and MongoDB's judgement
//! where it differs from ours ([`super::mongodb`]). [`report_json`] gives the same as JSON lines.

use super::codes::{Kind, Subject};
use super::diff::{Change, Changes, Severity};
use super::{mongodb, Section};

/// How many operations a line names before `and N more`.
const OPERATIONS_SHOWN: usize = 3;

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
            .map(line)
            .collect();
        if !lines.is_empty() {
            out.push_str(&format!("\n### {title} ({meaning})\n\n{}", lines.concat()));
        }
    }
    if changes.changes.iter().any(|c| c.new_enum_value) {
        out.push_str(ENUM_NOTE);
    }
    out.push_str(CODES_NOTE);
    out
}

/// One change: its text, then `— codes on operations`, then MongoDB's judgement if it differs.
fn line(change: &Change) -> String {
    let note = if change.new_enum_value { " (*)" } else { "" };
    let codes: Vec<String> = change.codes.iter().map(|c| format!("`{c}`")).collect();
    let mut text = format!("- {}{note} — {}", change.text, codes.join(" + "));
    let shown: Vec<String> = (change.operations.iter())
        .take(OPERATIONS_SHOWN)
        .map(ToString::to_string)
        .collect();
    if !shown.is_empty() {
        text.push_str(&format!(" on {}", shown.join(", ")));
        let more = change.operations.len().saturating_sub(OPERATIONS_SHOWN);
        if more > 0 {
            text.push_str(&format!(" and {more} more"));
        }
    } else if unused(change) {
        text.push_str(" (used by no operation)");
    }
    match mongodb_differs(change) {
        Some(true) => text.push_str(" (MongoDB: compatible)"),
        Some(false) => text.push_str(" (MongoDB: breaking)"),
        None => {}
    }
    text.push('\n');
    text
}

/// A type's change that concerns no operation: no method's answer, body or parameter reaches it.
fn unused(change: &Change) -> bool {
    matches!(change.section, Section::Types | Section::ParamTypes)
        && matches!(change.subject, Subject::Item { .. })
        && !matches!(change.kind, Kind::Features { .. })
}

/// MongoDB's `backwardCompatible` for the change, when it differs from our severity: we call it
/// breaking and MongoDB compatible, or the other way round.
pub fn mongodb_differs(change: &Change) -> Option<bool> {
    let compatible = mongodb::judgement(&change.codes)?;
    let breaking = change.severity == Severity::Breaking;
    (breaking == compatible).then_some(compatible)
}

/// The changes as JSON lines, one object per change: `severity`, `section`, `text`, `codes`,
/// `operations` (each `operationId` and `version`, all of them), `mongodbBackwardCompatible`
/// (`null` for codes MongoDB does not use) and `newEnumValue`.
pub fn report_json(changes: &Changes) -> String {
    let mut out = String::new();
    for change in &changes.changes {
        let operations: Vec<serde_json::Value> = (change.operations.iter())
            .map(|o| serde_json::json!({"operationId": o.operation, "version": o.version}))
            .collect();
        let severity = match change.severity {
            Severity::Breaking => "breaking",
            Severity::Additive => "additive",
            Severity::Other => "other",
        };
        let value = serde_json::json!({
            "crate": changes.crate_name,
            "severity": severity,
            "section": change.section.heading(),
            "text": change.text,
            "codes": change.codes,
            "operations": operations,
            "mongodbBackwardCompatible": mongodb::judgement(&change.codes),
            "newEnumValue": change.new_enum_value,
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}

const ENUM_NOTE: &str =
    "\n(*) A new enum value (or union variant) decodes where it used to arrive \
as the fallback variant (`Unknown(..)`): the generated enums are `#[non_exhaustive]`, so code that \
matches them compiles as before, but an arm on the fallback no longer sees the value.\n";

const CODES_NOTE: &str = "\nAfter each change: its codes (oasdiff's names, as MongoDB's API \
changelog uses them; `x-rust-…` for changes of the Rust API only), the API versions of the operations \
it concerns, and MongoDB's judgement (its changelog's `backwardCompatible`) where it differs from ours.\n";

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
    use super::super::{diff, parse, Surface};
    use super::*;

    fn surface(lines: &str) -> Surface {
        parse(&format!("# API of `demo` 0.1.0\n{lines}")).unwrap()
    }

    const METHODS: &str = "## Methods\n\n\
        - `Client::get_widget`: http `GET /w` operation `getWidget` version `2024-08-05` returns `Widget`\n\
        - `Client::put_widget`: http `PUT /w` operation `putWidget` version `2024-08-05` returns `()` body `request::Widget`\n";

    /// A required field new in an answer: `Widget::new` takes it (breaking for us), while oasdiff
    /// calls it `response-required-property-added`, compatible for MongoDB. A required field new
    /// in a request is breaking for both, so MongoDB's word is not repeated.
    #[test]
    fn mongodbs_judgement_is_shown_where_it_differs_from_ours() {
        let old = surface(&format!(
            "{METHODS}\n## Types\n\n\
             - `Widget`: struct features `widgets`\n\
             - `request::Widget`: struct request-shape-of `Widget` features `widgets`\n"
        ));
        let new = surface(&format!(
            "{METHODS}\n## Types\n\n\
             - `Widget`: struct features `widgets`\n\
             - `Widget.size`: `i64` required\n\
             - `request::Widget`: struct request-shape-of `Widget` features `widgets`\n\
             - `request::Widget.size`: `i64` required\n"
        ));
        let changes = diff(&old, &new);
        let text = report(&changes);
        assert!(
            text.contains(
                "- new required field `Widget.size`: `i64` — `response-required-property-added` \
                 on `getWidget` 2024-08-05 (MongoDB: compatible)\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "- new required field `request::Widget.size`: `i64` — \
                 `new-required-request-property` on `putWidget` 2024-08-05\n"
            ),
            "{text}"
        );
        let json = report_json(&changes);
        let lines: Vec<serde_json::Value> = json
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{json}");
        assert_eq!(lines[0]["codes"][0], "response-required-property-added");
        assert_eq!(lines[0]["mongodbBackwardCompatible"], true);
        assert_eq!(lines[0]["severity"], "breaking");
        assert_eq!(lines[0]["operations"][0]["operationId"], "getWidget");
        assert_eq!(lines[0]["operations"][0]["version"], "2024-08-05");
        assert_eq!(lines[1]["mongodbBackwardCompatible"], false);
    }

    #[test]
    fn a_long_list_of_operations_is_cut() {
        let methods: String = (1..=5)
            .map(|n| {
                format!(
                    "- `Client::get_{n}`: http `GET /{n}` operation `get{n}` version `2024-08-05` returns `State`\n"
                )
            })
            .collect();
        let types = "## Types\n\n- `State`: enum features `a`\n";
        let old = surface(&format!("## Methods\n\n{methods}\n{types}"));
        let new = surface(&format!(
            "## Methods\n\n{methods}\n{types}- `State::On`: value `ON`\n"
        ));
        let text = report(&diff(&old, &new));
        assert!(
            text.contains(
                "— `response-property-enum-value-added` on `get1` 2024-08-05, `get2` 2024-08-05, \
                 `get3` 2024-08-05 and 2 more\n"
            ),
            "{text}"
        );
    }

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
