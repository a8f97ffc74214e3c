//! Command-line arguments, parsed by hand to keep the xtask's build small.

use std::path::PathBuf;

pub const USAGE: &str = "\
usage:
  cargo xtask codegen [--check] [--deny-warnings] [--report FILE] [--deny-breaking]
                      [--as-of YYYY-MM-DD]
      Regenerate every crate this repository generates (generated/ from spec/, and the
      fixture clients under tests/clients/). --check compares instead of writing and fails,
      naming the stale files, when they differ. Warnings (what the client cannot represent
      exactly) are printed; --deny-warnings makes them errors. The API changes since the
      API.md already in each output are printed, breaking ones first, with the version to
      give the crate next; --report FILE also writes them as Markdown (as JSON lines when
      FILE ends in .jsonl), and --deny-breaking fails the run without writing anything when
      one is breaking. --as-of gives the date sunsets are judged against: a version sunset on
      or before it is withdrawn (its method kept, deprecated, noting that calls fail; the
      report lists it as removed by sunset). Without it: the date a target names, else the
      newest date the spec states about its own past (its API versions and changelog entries).
  cargo xtask codegen --spec FILE --out DIR [--tag TAG]... [--crate-name NAME] [--check]
                      [--deny-warnings] [--report FILE] [--deny-breaking] [--as-of YYYY-MM-DD]
      Generate one client crate from any spec (optionally only the operations of some tags:
      --tag may be repeated, and the crate holds the operations of every tag given).
  cargo xtask extract --spec FILE --tag TAG [--tag TAG]... --out FILE
      Write a self-contained fragment of FILE with the operations tagged with any TAG.";

/// What to run.
pub enum Command {
    Extract {
        spec: PathBuf,
        /// At least one; the fragment holds the operations of all of them.
        tags: Vec<String>,
        out: PathBuf,
    },
    Codegen(CodegenOptions),
    Help,
}

/// Whether codegen writes files or only compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

pub struct CodegenOptions {
    pub spec: Option<PathBuf>,
    /// The tags whose operations are generated; empty means every operation.
    pub tags: Vec<String>,
    pub out: Option<PathBuf>,
    pub crate_name: Option<String>,
    pub mode: Mode,
    /// Whether warnings fail the run like errors.
    pub deny_warnings: bool,
    /// Where to write the change report: Markdown, or JSON lines for a `.jsonl` file.
    pub report: Option<PathBuf>,
    /// Whether a breaking API change fails the run (nothing is written).
    pub deny_breaking: bool,
    /// The date sunsets are judged against, when given.
    pub as_of: Option<generator::ir::Date>,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let Some(command) = args.next() else {
        return Err(USAGE.into());
    };
    let mut spec = None;
    let mut tags = Vec::new();
    let mut out = None;
    let mut crate_name = None;
    let mut mode = Mode::Write;
    let mut deny_warnings = false;
    let mut report = None;
    let mut deny_breaking = false;
    let mut as_of = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--spec" => spec = Some(PathBuf::from(value("--spec")?)),
            // Repeatable: each `--tag` adds to the set rather than replacing the one before.
            "--tag" => tags.push(value("--tag")?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--crate-name" => crate_name = Some(value("--crate-name")?),
            "--check" => mode = Mode::Check,
            "--deny-warnings" => deny_warnings = true,
            "--report" => report = Some(PathBuf::from(value("--report")?)),
            "--deny-breaking" => deny_breaking = true,
            "--as-of" => {
                let text = value("--as-of")?;
                let date = generator::ir::Date::parse(&text).ok_or_else(|| {
                    format!("--as-of needs a date as YYYY-MM-DD, not `{text}`\n\n{USAGE}")
                })?;
                as_of = Some(date);
            }
            "-h" | "--help" => return Ok(Command::Help),
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    match command.as_str() {
        "extract" => {
            let missing = |name: &str| format!("extract needs {name}\n\n{USAGE}");
            Ok(Command::Extract {
                spec: spec.ok_or_else(|| missing("--spec"))?,
                tags: if tags.is_empty() {
                    return Err(missing("--tag"));
                } else {
                    tags
                },
                out: out.ok_or_else(|| missing("--out"))?,
            })
        }
        "codegen" => {
            if spec.is_some() != out.is_some() {
                return Err(format!(
                    "codegen needs --spec and --out together\n\n{USAGE}"
                ));
            }
            Ok(Command::Codegen(CodegenOptions {
                spec,
                tags,
                out,
                crate_name,
                mode,
                deny_warnings,
                report,
                deny_breaking,
                as_of,
            }))
        }
        "-h" | "--help" | "help" => Ok(Command::Help),
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}
