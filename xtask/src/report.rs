//! The change report of a regeneration: the `API.md` a previous run left in the output folder,
//! compared with the surface of what was just generated (in memory, before anything is written).

use std::fs;
use std::path::Path;

use generator::surface::{changes_since, report, report_json, Changes, Surface, API_FILE};

/// What is known about the API changes of one output.
pub enum Comparison {
    /// The folder has no `API.md`: a first run, or a crate generated before there was one.
    NoPrevious,
    /// The previous `API.md` does not parse (edited by hand?): nothing to compare with.
    Unreadable(String),
    /// The changes since the previous run.
    Changes(Changes),
}

impl Comparison {
    /// Compares the `API.md` in `out`, if any, with `surface`.
    pub fn of(out: &Path, surface: &Surface) -> Comparison {
        let path = out.join(API_FILE);
        let Ok(previous) = fs::read_to_string(&path) else {
            return Comparison::NoPrevious;
        };
        match changes_since(&previous, surface) {
            Ok(changes) => Comparison::Changes(changes),
            Err(error) => {
                Comparison::Unreadable(format!("{}: {error}: no change report", path.display()))
            }
        }
    }

    /// Whether the changes include a breaking one.
    pub fn is_breaking(&self) -> bool {
        matches!(self, Comparison::Changes(changes) if changes.has_breaking())
    }

    /// Whether there is nothing to report beyond "no API changes".
    pub fn is_quiet(&self) -> bool {
        matches!(self, Comparison::Changes(changes) if changes.changes.is_empty())
    }

    /// The report as Markdown, for the terminal and for `--report`.
    pub fn markdown(&self, crate_name: &str) -> String {
        match self {
            Comparison::NoPrevious => {
                format!("`{crate_name}`: no previous {API_FILE} to compare with\n")
            }
            Comparison::Unreadable(reason) => format!("`{crate_name}`: {reason}\n"),
            Comparison::Changes(changes) => report(changes),
        }
    }

    /// The changes as JSON lines (nothing when there is nothing to compare), for `--report
    /// FILE.jsonl`.
    pub fn json_lines(&self) -> String {
        match self {
            Comparison::Changes(changes) => report_json(changes),
            Comparison::NoPrevious | Comparison::Unreadable(_) => String::new(),
        }
    }
}
